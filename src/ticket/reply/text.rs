//! Line-level reading of reply text, shared with `command.rs`: where the new text ends (quoted
//! history, signatures, mobile footers) and how full-width and invisible characters are folded.
//! Pure string work; it never decides what an answer means.

/// Zero-width and directional characters that HTML→text conversions and some clients leave in.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'
            | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
    )
}

/// Fold one char for matching: full-width ASCII (`＃`, `１`, `：`, `Ｐ`) to ASCII, the ideographic
/// space to a space, typographic apostrophes to `'`, ASCII to lower case. Always one char for one
/// char, so positions in the folded text are positions in the original.
pub(crate) fn fold_char(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '\u{2018}' | '\u{2019}' | '\u{02BC}' => '\'',
        _ => c,
    };
    c.to_ascii_lowercase()
}

/// The line without leading whitespace (NBSP included) and invisible characters.
pub(crate) fn strip_lead(line: &str) -> &str {
    line.trim_start_matches(|c: char| c.is_whitespace() || is_invisible(c))
}

/// True when the line holds nothing visible.
pub(crate) fn is_blank(line: &str) -> bool {
    line.chars().all(|c| c.is_whitespace() || is_invisible(c))
}

pub(super) fn folded(line: &str) -> String {
    strip_lead(line)
        .trim_end_matches(|c: char| c.is_whitespace() || is_invisible(c))
        .chars()
        .map(fold_answer_char)
        .collect()
}

/// Traditional characters as (traditional, simplified) pairs, enough to cover every phrase the
/// answer tables hold: a Big5 or Hong Kong/Taiwan reply ("問題已經解決了", "非常滿意") is read
/// with the same (simplified) tables. One char for one char, like [`fold_char`].
const TRADITIONAL: &str = "\
    滿满決决問问題题經经謝谢還还沒没處处復复連连線线點点無无開开關关這这個个們们別别說说對对\
    試试樣样發发現现應应該该確确過过來来時时會会後后為为與与裡里麼么壞坏網网雖虽務务歡欢覺觉\
    錯错條条讓让給给評评價价實实際际腦脑難难馬马見见觀观號号單单極极嗎吗啟启記记錄录請请繼继\
    續续";

/// [`fold_char`], and traditional Chinese to simplified: how reply text is folded for reading.
pub(super) fn fold_answer_char(c: char) -> char {
    let c = fold_char(c);
    if u32::from(c) < 0x4E00 {
        return c;
    }
    let mut chars = TRADITIONAL.chars().filter(|c| !c.is_whitespace());
    while let (Some(t), Some(s)) = (chars.next(), chars.next()) {
        if t == c {
            return s;
        }
    }
    c
}

/// The lines of a reply's new text: everything before the first quoted-history or signature
/// marker. Markers recognised: `>` quotes, `-- ` signature separators, Outlook's underscore rule,
/// `-----Original Message-----` / `-----原始邮件-----` / `原始信息` / forwarded-message rules,
/// `On … wrote:` (also wrapped over two lines), `… 写道：` (Gmail, Thunderbird, Foxmail in Chinese),
/// `发件人:` / `寄件者:` header blocks, `From:` followed by `Sent:`/`Date:`, and mobile footers
/// (`Sent from my …`, `发自我的…`).
pub fn fresh_lines(text: &str) -> Vec<&str> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if is_boundary(&lines, i) {
            break;
        }
        out.push(*line);
    }
    out
}

/// The lines that carry a reply's answer: [`fresh_lines`], or, when the reply was written under
/// the quote (bottom-posting: "On … wrote:", `>` lines, then the answer) or between quoted
/// paragraphs (an inline answer), the first block of unquoted lines after the quote starts.
/// External-mail banners a gateway puts above the answer ("CAUTION: This email originated from
/// outside …", 【外部邮件】) are no part of it and are left out.
pub fn answer_lines(text: &str) -> Vec<&str> {
    let top: Vec<&str> = fresh_lines(text)
        .into_iter()
        .filter(|l| !is_banner(l))
        .collect();
    if top.iter().any(|l| !is_blank(l)) {
        return top;
    }
    let lines: Vec<&str> = text.lines().collect();
    let Some(first_quote) = lines.iter().position(|l| strip_lead(l).starts_with('>')) else {
        return top;
    };
    let rest = lines.get(first_quote..).unwrap_or_default();
    let Some(start) = rest
        .iter()
        .position(|l| !is_blank(l) && !strip_lead(l).starts_with('>'))
    else {
        return top;
    };
    let block = rest.get(start..).unwrap_or_default();
    let mut out = Vec::new();
    for (i, line) in block.iter().enumerate() {
        if is_boundary(block, i) {
            break;
        }
        if !is_banner(line) {
            out.push(*line);
        }
    }
    out
}

fn is_banner(line: &str) -> bool {
    crate::mail::quote::is_external_banner(strip_lead(line))
}

/// Our own survey wording copied back into an answer ("Reply with a number from 1 to 5: 2",
/// "(5 = very satisfied, 1 = very dissatisfied)") is not the requester's: its digits are the
/// scale, not a score. Folded phrases.
const OUR_PROMPTS: &[&str] = &[
    "reply with a number from 1 to 5",
    "a number from 1 to 5",
    "5 = very satisfied, 1 = very dissatisfied",
    "请回复 1 到 5 的数字",
    "1 到 5 的数字",
    "5 = 非常满意,1 = 非常不满意",
];

/// Blank out (with spaces, so positions stay) every copy of our own prompt in a folded line.
pub(super) fn mask_prompts(line: &mut [char]) {
    for prompt in OUR_PROMPTS {
        let p: Vec<char> = prompt.chars().collect();
        let mut i = 0;
        while i + p.len() <= line.len() {
            if line.get(i..i + p.len()) == Some(p.as_slice()) {
                line.iter_mut().skip(i).take(p.len()).for_each(|c| *c = ' ');
                i += p.len();
            } else {
                i += 1;
            }
        }
    }
}

fn is_boundary(lines: &[&str], i: usize) -> bool {
    let Some(line) = lines.get(i) else {
        return false;
    };
    let f = folded(line);
    let next = |k: usize| lines.get(i + k).map(|l| folded(l)).unwrap_or_default();
    if f.starts_with('>') || f == "--" || f == "—" {
        return true;
    }
    // A bare address line: Foxmail's signature above its quoted header block.
    if f.contains('@') && !f.contains(char::is_whitespace) && f.chars().count() <= 80 {
        return true;
    }
    if f.chars().count() >= 10 && f.chars().all(|c| c == '_') {
        return true;
    }
    const RULE_WORDS: [&str; 8] = [
        "original",
        "forwarded message",
        "原始邮件",
        "原始信息",
        "原邮件",
        "转发邮件",
        "转发的邮件",
        "邮件原文",
    ];
    if f.starts_with("--") && RULE_WORDS.iter().any(|w| f.contains(w)) {
        return true;
    }
    if f.starts_with("on ") && (f.ends_with("wrote:") || next(1).ends_with("wrote:")) {
        return true;
    }
    if f.ends_with("写道:") || (f.starts_with('在') && next(1).ends_with("写道:")) {
        return true;
    }
    if f.starts_with("发件人:") || f.starts_with("寄件者:") || f.starts_with("发件人 :") {
        return true;
    }
    if f.starts_with("from:") {
        let header = |l: &str| {
            ["sent:", "date:", "发送时间:", "to:"]
                .iter()
                .any(|h| l.starts_with(h))
        };
        if f.contains(" sent:") || f.contains(" date:") || (1..=4).any(|k| header(&next(k))) {
            return true;
        }
    }
    ["sent from my ", "发自我的", "get outlook for "]
        .iter()
        .any(|p| f.starts_with(p))
}
