//! bytes → `InboundMail`. Pure and total: every input gives a mail or a `ParseError`
//! with a reason for the quarantine; nothing here may panic.
//!
//! mail-parser (with `full_encoding`) does the MIME work. Two header cases it gets wrong
//! are repaired here from the raw header bytes: raw 8-bit GBK/GB18030 headers without
//! RFC 2047, and RFC 2047 encoded-words split inside a multi-byte character.

use super::filename::generated_name;
pub use super::filename::sanitize_filename;
#[cfg(test)]
use super::filename::MAX_FILENAME_CHARS;
pub use super::html::html_to_text;
use super::{quote, Address, Attachment, InboundMail};
use base64::Engine;
use mail_parser::{HeaderName, MessageParser, MimeHeaders};
use sha2::{Digest, Sha256};

/// Why a mail could not be accepted. The text is stored as the quarantine reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// Over [`ParseLimits::max_message_bytes`].
    #[error("message is {size} bytes, over the limit of {limit} bytes")]
    TooLarge { size: usize, limit: usize },
    #[error("message is empty")]
    Empty,
    #[error("not an RFC 5322 message: {0}")]
    Malformed(String),
}

/// Limits applied while parsing.
#[derive(Debug, Clone, Copy)]
pub struct ParseLimits {
    /// Larger mails are refused with [`ParseError::TooLarge`] (quarantined, not parsed).
    pub max_message_bytes: usize,
}

impl Default for ParseLimits {
    fn default() -> Self {
        ParseLimits {
            max_message_bytes: 25 * 1024 * 1024,
        }
    }
}

/// Parse one raw mail.
pub fn parse_mail(raw: &[u8], limits: &ParseLimits) -> Result<InboundMail, ParseError> {
    if raw.len() > limits.max_message_bytes {
        return Err(ParseError::TooLarge {
            size: raw.len(),
            limit: limits.max_message_bytes,
        });
    }
    if raw.iter().all(|b| b.is_ascii_whitespace() || *b == 0) {
        return Err(ParseError::Empty);
    }
    let message = MessageParser::default()
        .parse(raw)
        .ok_or_else(|| ParseError::Malformed("no header section".into()))?;
    let root_headers = message.headers();
    if root_headers.is_empty() {
        return Err(ParseError::Malformed("no header fields".into()));
    }

    // Raw bytes of each top-level header value, decoded by our own rules.
    let raw_value = |name: &HeaderName<'_>| -> Option<&[u8]> {
        root_headers
            .iter()
            .find(|h| &h.name == name)
            .and_then(|h| raw.get(h.offset_start as usize..h.offset_end as usize))
    };

    let mut from = message
        .from()
        .and_then(|a| a.first())
        .map(to_address)
        .unwrap_or_default();
    if let Some(bytes) = raw_value(&HeaderName::From) {
        repair_display_name(&mut from, bytes);
    }
    let mut reply_to = message.reply_to().and_then(|a| a.first()).map(to_address);
    if let (Some(addr), Some(bytes)) = (reply_to.as_mut(), raw_value(&HeaderName::ReplyTo)) {
        repair_display_name(addr, bytes);
    }

    let parsed_subject = message.subject().unwrap_or_default();
    let subject = match raw_value(&HeaderName::Subject) {
        Some(bytes) if needs_own_decoding(parsed_subject, bytes) => decode_header_bytes(bytes),
        _ => parsed_subject.to_string(),
    };
    let subject = collapse_ws(&subject);

    let message_id = message
        .message_id()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| synthetic_message_id(raw));
    let mut references: Vec<String> = Vec::new();
    for value in [message.in_reply_to(), message.references()] {
        let ids: Vec<String> = if let Some(list) = value.as_text_list() {
            list.iter().map(|s| s.trim().to_string()).collect()
        } else if let Some(one) = value.as_text() {
            vec![one.trim().to_string()]
        } else {
            Vec::new()
        };
        for id in ids {
            if !id.is_empty() && !references.contains(&id) {
                references.push(id);
            }
        }
    }

    let headers = root_headers
        .iter()
        .map(|h| {
            let value = raw
                .get(h.offset_start as usize..h.offset_end as usize)
                .map(decode_header_bytes)
                .unwrap_or_default();
            (h.name.as_str().to_ascii_lowercase(), collapse_ws(&value))
        })
        .collect();

    let text = match message.text_part(0) {
        Some(part) => match &part.body {
            mail_parser::PartType::Html(html) => html_to_text(html),
            mail_parser::PartType::Text(text) => normalise_newlines(text),
            _ => String::new(),
        },
        None => String::new(),
    };
    // Some clients send an empty text/plain next to the real HTML body.
    let text = if text.trim().is_empty() {
        message
            .html_part(0)
            .and_then(|p| match &p.body {
                mail_parser::PartType::Html(html) => Some(html_to_text(html)),
                _ => None,
            })
            .unwrap_or(text)
    } else {
        text
    };
    let html = message.body_html(0).and_then(|t| {
        // mail-parser synthesises HTML from text parts; only keep real HTML.
        message
            .html_part(0)
            .filter(|p| p.is_text_html())
            .map(|_| t.into_owned())
    });

    let mut attachments = Vec::new();
    for (index, part) in message.attachments().enumerate() {
        let content_type = part
            .content_type()
            .map(|ct| match ct.subtype() {
                Some(sub) => format!("{}/{}", ct.ctype(), sub),
                None => ct.ctype().to_string(),
            })
            .unwrap_or_else(|| "application/octet-stream".into())
            .to_ascii_lowercase();
        let filename = match part.attachment_name() {
            Some(name) if !name.trim().is_empty() => sanitize_filename(name),
            _ => generated_name(index + 1, &content_type),
        };
        attachments.push(Attachment {
            filename,
            content_type,
            bytes: part.contents().to_vec(),
        });
    }

    let (content_type, content_type_params) = match message.root_part().content_type() {
        Some(ct) => (
            match ct.subtype() {
                Some(sub) => format!("{}/{}", ct.ctype(), sub),
                None => ct.ctype().to_string(),
            }
            .to_ascii_lowercase(),
            ct.attributes()
                .map(|attrs| {
                    attrs
                        .iter()
                        .map(|a| (a.name.to_ascii_lowercase(), a.value.to_string()))
                        .collect()
                })
                .unwrap_or_default(),
        ),
        None => ("text/plain".to_string(), Vec::new()),
    };
    let part_types = message
        .parts
        .iter()
        .filter_map(|p| p.content_type())
        .map(|ct| match ct.subtype() {
            Some(sub) => format!("{}/{}", ct.ctype(), sub).to_ascii_lowercase(),
            None => ct.ctype().to_ascii_lowercase(),
        })
        .collect();

    let new_text = quote::newest_text(&text);
    Ok(InboundMail {
        message_id,
        references,
        from,
        reply_to,
        to: message
            .to()
            .map(|a| a.iter().map(to_address).collect())
            .unwrap_or_default(),
        cc: message
            .cc()
            .map(|a| a.iter().map(to_address).collect())
            .unwrap_or_default(),
        subject,
        date: message.date().map(|d| d.to_timestamp()),
        headers,
        content_type,
        content_type_params,
        part_types,
        new_text,
        text,
        html,
        attachments,
        size: raw.len(),
    })
}

fn to_address(addr: &mail_parser::Addr<'_>) -> Address {
    Address {
        name: addr.name().map(collapse_ws).filter(|n| !n.is_empty()),
        email: addr.address().unwrap_or_default().trim().to_lowercase(),
    }
}

/// mail-parser turns undecodable bytes into U+FFFD: that is our cue to decode the raw
/// header ourselves (8-bit GBK, or an encoded-word split inside a character).
fn needs_own_decoding(parsed: &str, raw: &[u8]) -> bool {
    parsed.contains('\u{FFFD}') || std::str::from_utf8(raw).is_err()
}

fn repair_display_name(addr: &mut Address, raw: &[u8]) {
    let parsed = addr.name.as_deref().unwrap_or_default();
    if !needs_own_decoding(parsed, raw) {
        return;
    }
    let decoded = decode_header_bytes(raw);
    // `Name <addr>`: the name is what precedes the first angle bracket.
    let name = match decoded.find('<') {
        Some(pos) => decoded.get(..pos).unwrap_or_default(),
        None => "",
    };
    let name = collapse_ws(name.trim().trim_matches('"'));
    if !name.is_empty() {
        addr.name = Some(name);
    }
}

/// Decode a raw header value: bytes that are not UTF-8 are read as GB18030 (the
/// superset of GB2312/GBK that Chinese clients send unencoded), then RFC 2047
/// encoded-words are decoded, adjacent words of one charset joined first so a
/// character split across two words survives.
pub fn decode_header_bytes(raw: &[u8]) -> String {
    let text = match std::str::from_utf8(raw) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::GB18030
            .decode_without_bom_handling(raw)
            .0
            .into_owned(),
    };
    let unfolded = text.replace("\r\n", "\n").replace(['\r', '\n'], " ");
    decode_encoded_words(unfolded.trim())
}

/// One piece of a header: literal text or a decoded encoded-word's bytes.
enum Piece {
    Text(String),
    Word { charset: String, bytes: Vec<u8> },
}

/// RFC 2047 decoding with adjacent same-charset words joined before charset decoding.
pub fn decode_encoded_words(input: &str) -> String {
    let mut pieces: Vec<Piece> = Vec::new();
    let mut rest = input;
    while let Some(start) = rest.find("=?") {
        let (before, candidate) = rest.split_at(start);
        match parse_encoded_word(candidate) {
            Some((charset, bytes, consumed)) => {
                // Whitespace between two encoded-words is not part of the text (RFC 2047 §6.2).
                let between_words =
                    before.trim().is_empty() && matches!(pieces.last(), Some(Piece::Word { .. }));
                if !between_words && !before.is_empty() {
                    pieces.push(Piece::Text(before.to_string()));
                }
                match pieces.last_mut() {
                    Some(Piece::Word {
                        charset: last,
                        bytes: acc,
                    }) if between_words && *last == charset => acc.extend(bytes),
                    _ => pieces.push(Piece::Word { charset, bytes }),
                }
                rest = candidate.get(consumed..).unwrap_or_default();
            }
            None => {
                pieces.push(Piece::Text(format!("{before}=?")));
                rest = candidate.get(2..).unwrap_or_default();
            }
        }
    }
    if !rest.is_empty() {
        pieces.push(Piece::Text(rest.to_string()));
    }
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.push_str(&t),
            Piece::Word { charset, bytes } => out.push_str(&decode_charset(&charset, &bytes)),
        }
    }
    out
}

/// `=?charset?B|Q?text?=` at the start of `s` → (lower-case charset, bytes, length).
fn parse_encoded_word(s: &str) -> Option<(String, Vec<u8>, usize)> {
    let body = s.strip_prefix("=?")?;
    let q1 = body.find('?')?;
    let charset_full = body.get(..q1)?;
    // RFC 2231 language suffix: `utf-8*zh`.
    let charset = charset_full
        .split('*')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    if charset.is_empty() || charset.contains(char::is_whitespace) {
        return None;
    }
    let after_charset = body.get(q1 + 1..)?;
    let mut chars = after_charset.chars();
    let encoding = chars.next()?.to_ascii_lowercase();
    if chars.next()? != '?' {
        return None;
    }
    let payload_and_rest = after_charset.get(2..)?;
    let end = payload_and_rest.find("?=")?;
    let payload = payload_and_rest.get(..end)?;
    if payload.contains(char::is_whitespace) {
        return None;
    }
    let bytes = match encoding {
        'b' => decode_b(payload)?,
        'q' => decode_q(payload),
        _ => return None,
    };
    let consumed = 2 + q1 + 1 + 2 + end + 2;
    Some((charset, bytes, consumed))
}

fn decode_b(payload: &str) -> Option<Vec<u8>> {
    let cleaned: String = payload.chars().filter(|c| *c != '=').collect();
    base64::engine::general_purpose::STANDARD_NO_PAD
        .decode(cleaned.as_bytes())
        .ok()
}

fn decode_q(payload: &str) -> Vec<u8> {
    let bytes = payload.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'_' => out.push(b' '),
            b'=' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok());
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(v) => {
                        out.push(v);
                        i += 2;
                    }
                    None => out.push(b'='),
                }
            }
            other => out.push(other),
        }
        i += 1;
    }
    out
}

/// Decode bytes in a named charset; GB2312 and GBK are read as GB18030, their superset,
/// because senders label GBK text as GB2312 all the time.
fn decode_charset(charset: &str, bytes: &[u8]) -> String {
    let encoding = match charset {
        "gb2312" | "gbk" | "gb18030" | "x-gbk" | "cp936" | "euc-cn" => Some(encoding_rs::GB18030),
        "big5" | "big5-hkscs" | "x-x-big5" => Some(encoding_rs::BIG5),
        other => encoding_rs::Encoding::for_label(other.as_bytes()),
    };
    match encoding {
        Some(enc) => enc.decode_without_bom_handling(bytes).0.into_owned(),
        None => String::from_utf8_lossy(bytes).into_owned(),
    }
}

fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn normalise_newlines(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n")
}

/// A stable id for a mail without a Message-ID: same bytes, same id.
pub fn synthetic_message_id(raw: &[u8]) -> String {
    let digest = Sha256::digest(raw);
    format!("sha256-{}@supportbot.invalid", hex::encode(digest))
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
