//! Mail in and out. `parse`, `loopguard`, `render` and `quote` are pure; `imap` and
//! `smtp` are the network edge.

pub mod filename;
pub mod html;
pub mod imap;
pub mod loopguard;
pub mod oauth2;
pub mod parse;
pub mod quote;
pub mod render;
pub mod retry;
pub mod smtp;
pub mod triage;

use serde::Serialize;

/// A mailbox: optional display name and the address (lower-cased domain).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Address {
    pub name: Option<String>,
    pub email: String,
}

/// An attachment as received. `filename` is already sanitised: a plain name that can
/// never leave the folder it is written to.
#[derive(Clone, PartialEq, Eq, Serialize)]
pub struct Attachment {
    pub filename: String,
    pub content_type: String,
    #[serde(skip)]
    pub bytes: Vec<u8>,
}

impl std::fmt::Debug for Attachment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Attachment")
            .field("filename", &self.filename)
            .field("content_type", &self.content_type)
            .field("len", &self.bytes.len())
            .finish()
    }
}

/// One parsed RFC 5322 message, everything the core needs and nothing protocol-bound.
#[derive(Debug, Clone, Default, Serialize)]
pub struct InboundMail {
    /// Message-ID without angle brackets. Synthesised from a hash of the raw bytes
    /// (`sha256-…@supportbot.invalid`) when the mail has none, so dedup still works.
    pub message_id: String,
    /// Ids named by In-Reply-To then References, without angle brackets, in order.
    pub references: Vec<String>,
    pub from: Address,
    pub reply_to: Option<Address>,
    pub to: Vec<Address>,
    pub cc: Vec<Address>,
    pub subject: String,
    /// `Date:` header as epoch seconds, if present and valid.
    pub date: Option<i64>,
    /// Every header as (lower-case name, decoded value), in order; for the loop guard
    /// and the authentication check.
    pub headers: Vec<(String, String)>,
    /// Top-level content type, lower-case, e.g. `multipart/report`.
    pub content_type: String,
    /// Parameters of the top-level content type, lower-case names (e.g. `report-type`).
    pub content_type_params: Vec<(String, String)>,
    /// Content types of every MIME part, lower-case, in order.
    pub part_types: Vec<String>,
    /// Whole readable body (HTML converted to text when there is no text part).
    pub text: String,
    /// The sender's newest text: quoted history, forwarded headers and signatures removed.
    pub new_text: String,
    /// HTML body, if any (kept for engineers' HTML-only replies).
    pub html: Option<String>,
    pub attachments: Vec<Attachment>,
    /// Size of the raw message in bytes.
    pub size: usize,
}

impl InboundMail {
    /// First value of a header (name in any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Whether the header is present at all.
    pub fn has_header(&self, name: &str) -> bool {
        self.header(name).is_some()
    }
}
