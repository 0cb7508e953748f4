//! bytes → `InboundMail`. Pure and total: every input gives a mail or a `ParseError`
//! with a reason for the quarantine; nothing here may panic.

use super::{Address, Attachment, InboundMail};
use mail_parser::{MessageParser, MimeHeaders};
use sha2::{Digest, Sha256};

/// Why a mail could not be accepted. The text is stored as the quarantine reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
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
    if raw.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ParseError::Empty);
    }
    let message = MessageParser::default()
        .parse(raw)
        .ok_or_else(|| ParseError::Malformed("no header section".into()))?;

    let from = message
        .from()
        .and_then(|a| a.first())
        .map(to_address)
        .unwrap_or_default();
    let message_id = message
        .message_id()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| synthetic_message_id(raw));
    let mut references = Vec::new();
    for value in [message.in_reply_to(), message.references()] {
        if let Some(list) = value.as_text_list() {
            references.extend(list.iter().map(|s| s.to_string()));
        } else if let Some(one) = value.as_text() {
            references.push(one.to_string());
        }
    }
    let headers = message
        .headers_raw()
        .map(|(n, v)| (n.to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let text = message
        .body_text(0)
        .map(|t| t.into_owned())
        .unwrap_or_default();
    let html = message.body_html(0).map(|t| t.into_owned());
    let attachments = message
        .attachments()
        .map(|part| Attachment {
            filename: sanitize_filename(part.attachment_name().unwrap_or("attachment")),
            content_type: part
                .content_type()
                .map(|ct| match ct.subtype() {
                    Some(sub) => format!("{}/{}", ct.ctype(), sub),
                    None => ct.ctype().to_string(),
                })
                .unwrap_or_else(|| "application/octet-stream".into())
                .to_ascii_lowercase(),
            bytes: part.contents().to_vec(),
        })
        .collect();
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

    Ok(InboundMail {
        message_id,
        references,
        from,
        reply_to: message.reply_to().and_then(|a| a.first()).map(to_address),
        to: message
            .to()
            .map(|a| a.iter().map(to_address).collect())
            .unwrap_or_default(),
        cc: message
            .cc()
            .map(|a| a.iter().map(to_address).collect())
            .unwrap_or_default(),
        subject: message.subject().unwrap_or_default().trim().to_string(),
        date: message.date().map(|d| d.to_timestamp()),
        headers,
        content_type,
        content_type_params,
        part_types,
        new_text: text.clone(),
        text,
        html,
        attachments,
        size: raw.len(),
    })
}

fn to_address(addr: &mail_parser::Addr<'_>) -> Address {
    Address {
        name: addr
            .name()
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty()),
        email: addr.address().unwrap_or_default().trim().to_lowercase(),
    }
}

/// A stable id for a mail without a Message-ID: same bytes, same id.
pub fn synthetic_message_id(raw: &[u8]) -> String {
    let digest = Sha256::digest(raw);
    format!("sha256-{}@supportbot.invalid", hex::encode(digest))
}

/// A file name that is safe to create inside a folder: no separators, no parent or
/// hidden names, no control characters, no Windows device names, at most 120 chars.
pub fn sanitize_filename(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .collect();
    let trimmed = cleaned
        .trim()
        .trim_start_matches('.')
        .trim_end_matches(['.', ' ']);
    let mut out: String = trimmed.chars().take(120).collect();
    let stem = out
        .split('.')
        .next()
        .unwrap_or_default()
        .to_ascii_uppercase();
    let reserved = matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.len() == 4
            && stem.chars().last().is_some_and(|c| c.is_ascii_digit()));
    if reserved {
        out.insert(0, '_');
    }
    if out.is_empty() {
        "attachment".to_string()
    } else {
        out
    }
}
