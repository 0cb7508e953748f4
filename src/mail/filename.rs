//! Attachment file names: generated ones for unnamed parts, and sanitising of the
//! sender's names so that a stored attachment can never escape its folder.

/// Longest attachment name we keep, in characters (extension included).
pub(crate) const MAX_FILENAME_CHARS: usize = 120;

/// Name for an attachment that came without one (inline images, pasted logs).
pub(crate) fn generated_name(index: usize, content_type: &str) -> String {
    let ext = match content_type {
        "image/png" => "png",
        "image/jpeg" | "image/jpg" => "jpg",
        "image/gif" => "gif",
        "image/bmp" => "bmp",
        "image/webp" => "webp",
        "text/plain" => "txt",
        "text/html" => "html",
        "application/pdf" => "pdf",
        "message/rfc822" => "eml",
        "message/delivery-status" => "txt",
        "text/rfc822-headers" => "txt",
        _ => "bin",
    };
    let stem = if content_type.starts_with("image/") {
        "inline-image"
    } else {
        "attachment"
    };
    format!("{stem}-{index}.{ext}")
}

/// A file name that is safe to create inside a folder: no separators, no parent or
/// hidden names, no control characters, no Windows device names, at most 120 chars
/// with the extension kept.
pub fn sanitize_filename(name: &str) -> String {
    let base = name
        .rsplit(['/', '\\'])
        .find(|part| !part.trim().is_empty() && part.trim() != "..")
        .unwrap_or_default();
    let cleaned: String = base
        .chars()
        .map(|c| {
            if c.is_control()
                || matches!(
                    c,
                    ':' | '*' | '?' | '"' | '<' | '>' | '|' | '\u{200e}' | '\u{200f}' | '\u{202a}'
                        ..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}'
                )
            {
                '_'
            } else {
                c
            }
        })
        .collect();
    let trimmed = cleaned
        .trim()
        .trim_start_matches(['.', ' '])
        .trim_end_matches(['.', ' ']);
    let mut out = truncate_keep_extension(trimmed, MAX_FILENAME_CHARS);
    let stem = out
        .split('.')
        .next()
        .unwrap_or_default()
        .trim_end()
        .to_ascii_uppercase();
    let reserved = matches!(
        stem.as_str(),
        "CON" | "PRN" | "AUX" | "NUL" | "CONIN$" | "CONOUT$"
    ) || ((stem.starts_with("COM") || stem.starts_with("LPT"))
        && stem.chars().count() == 4
        && stem
            .chars()
            .last()
            .is_some_and(|c| c.is_ascii_digit() || matches!(c, '¹' | '²' | '³')));
    if reserved {
        out.insert(0, '_');
    }
    if out.chars().all(|c| c == '_' || c == '.') {
        "attachment".to_string()
    } else {
        out
    }
}

fn truncate_keep_extension(name: &str, max: usize) -> String {
    if name.chars().count() <= max {
        return name.to_string();
    }
    let ext: Option<&str> = name.rfind('.').and_then(|pos| name.get(pos..)).filter(|e| {
        let n = e.chars().count();
        n > 1 && n <= 16 && !e.contains(' ')
    });
    match ext {
        Some(ext) => {
            let keep = max.saturating_sub(ext.chars().count());
            let stem: String = name.chars().take(keep).collect();
            format!("{}{ext}", stem.trim_end())
        }
        None => name.chars().take(max).collect(),
    }
}
