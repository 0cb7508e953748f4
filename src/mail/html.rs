//! HTML-only mail → readable text for tickets, the classifier and the quote cutter.
//! Hand-written rather than mail-parser's converter, which joins block elements with
//! spaces and so merges quoted headers ("On … wrote:", "发件人：") into one line.

/// HTML → readable text: tags dropped, entities decoded, block elements and `<br>` as
/// line breaks, `<style>`/`<script>`/`<head>` removed. mail-parser's converter joins
/// block elements with spaces, which merges quote headers into one line.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    let mut skip_until: Option<&'static str> = None;
    while !rest.is_empty() {
        if let Some(end_tag) = skip_until {
            match find_ascii_ci(rest, end_tag) {
                Some(pos) => {
                    rest = rest.get(pos..).unwrap_or_default();
                    skip_until = None;
                }
                None => break,
            }
            continue;
        }
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = match after.find("-->") {
                Some(pos) => after.get(pos + 3..).unwrap_or_default(),
                None => "",
            };
            continue;
        }
        if rest.starts_with('<') {
            let end = rest.find('>').unwrap_or(rest.len());
            let tag = rest.get(1..end).unwrap_or_default();
            rest = rest.get(end + 1..).unwrap_or_default();
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            let closing = tag.starts_with('/');
            match name.as_str() {
                "style" if !closing => skip_until = Some("</style"),
                "script" if !closing => skip_until = Some("</script"),
                "head" if !closing => skip_until = Some("</head"),
                "title" if !closing => skip_until = Some("</title"),
                "br" | "p" | "div" | "tr" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
                | "table" | "ul" | "ol" | "blockquote" | "pre" | "hr" | "dt" | "dd" => {
                    if name == "hr" {
                        out.push_str("\n________________________________\n");
                    } else {
                        // Source whitespace between tags is not content: drop it, so
                        // opening and closing block tags give one break, not two.
                        let kept = out.trim_end_matches(' ').len();
                        out.truncate(kept);
                        if name == "br" || !out.ends_with('\n') {
                            out.push('\n');
                        }
                    }
                    if name == "li" && !closing {
                        out.push_str("- ");
                    }
                }
                "td" | "th" => out.push(' '),
                _ => {}
            }
            continue;
        }
        let next = rest.find(['<', '&']).unwrap_or(rest.len());
        let next = if next == 0 { rest.len().min(1) } else { next };
        let chunk = rest.get(..next).unwrap_or_default();
        if chunk == "&" {
            let (decoded, consumed) = decode_entity(rest);
            out.push_str(&decoded);
            rest = rest.get(consumed..).unwrap_or_default();
            continue;
        }
        // Source line breaks in HTML are just spaces.
        for c in chunk.chars() {
            out.push(if c == '\r' || c == '\n' || c == '\t' {
                ' '
            } else {
                c
            });
        }
        rest = rest.get(chunk.len()..).unwrap_or_default();
    }
    tidy_lines(&out)
}

fn find_ascii_ci(haystack: &str, needle: &str) -> Option<usize> {
    let hay = haystack.as_bytes();
    let nee = needle.as_bytes();
    if nee.is_empty() || hay.len() < nee.len() {
        return None;
    }
    (0..=hay.len() - nee.len()).find(|&i| {
        hay.get(i..i + nee.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(nee))
    })
}

/// `&…;` at the start of `s` → (decoded text, bytes consumed).
fn decode_entity(s: &str) -> (String, usize) {
    let end = s
        .char_indices()
        .take(12)
        .find(|(_, c)| *c == ';')
        .map(|(i, _)| i);
    let Some(end) = end else {
        return ("&".into(), 1);
    };
    let name = s.get(1..end).unwrap_or_default();
    let decoded = if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => num.parse::<u32>().ok(),
        };
        code.and_then(char::from_u32).map(|c| c.to_string())
    } else {
        match name {
            "nbsp" => Some("\u{a0}".into()),
            "ensp" | "emsp" | "thinsp" => Some(" ".into()),
            "lt" => Some("<".into()),
            "gt" => Some(">".into()),
            "amp" => Some("&".into()),
            "quot" => Some("\"".into()),
            "apos" => Some("'".into()),
            "copy" => Some("©".into()),
            "reg" => Some("®".into()),
            "middot" => Some("·".into()),
            "hellip" => Some("…".into()),
            "mdash" => Some("—".into()),
            "ndash" => Some("–".into()),
            "lsquo" => Some("‘".into()),
            "rsquo" => Some("’".into()),
            "ldquo" => Some("“".into()),
            "rdquo" => Some("”".into()),
            "bull" => Some("•".into()),
            "yen" => Some("¥".into()),
            "euro" => Some("€".into()),
            _ => None,
        }
    };
    match decoded {
        Some(d) => (d, end + 1),
        None => ("&".into(), 1),
    }
}

/// Trim each line, collapse runs of spaces, and keep at most one blank line in a row.
fn tidy_lines(s: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for line in s.split('\n') {
        let line = line
            .split([' ', '\u{a0}'])
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        if line.is_empty() && out.last().is_none_or(|l| l.is_empty()) {
            continue;
        }
        out.push(line);
    }
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    out.join("\n")
}
