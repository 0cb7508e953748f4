//! Is this mail written by a person asking for help, or by a machine (auto-reply,
//! bounce, bulk, spam)? Pure. RFC 3834 and the labelling guide decide; answering a
//! machine is how mail loops start.

use super::InboundMail;
use serde::Serialize;

/// The kind of an inbound mail, as printed by `supportbot classify`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MailKind {
    Request,
    Autoreply,
    Bounce,
    Bulk,
    Spam,
}

impl MailKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MailKind::Request => "request",
            MailKind::Autoreply => "autoreply",
            MailKind::Bounce => "bounce",
            MailKind::Bulk => "bulk",
            MailKind::Spam => "spam",
        }
    }
}

/// The decision and the evidence for it (empty for requests).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    pub kind: MailKind,
    pub reasons: Vec<String>,
}

/// Decide the kind of a mail. `own_addresses` are the bot's own addresses: mail from
/// them is a loop and counts as an auto-reply.
pub fn detect(mail: &InboundMail, own_addresses: &[String]) -> Verdict {
    let mut reasons = Vec::new();
    if own_addresses
        .iter()
        .any(|a| a.eq_ignore_ascii_case(&mail.from.email))
    {
        reasons.push(format!("sent by our own address {}", mail.from.email));
        return Verdict {
            kind: MailKind::Autoreply,
            reasons,
        };
    }
    if let Some(v) = mail.header("auto-submitted") {
        if !v.trim().eq_ignore_ascii_case("no") {
            reasons.push(format!("Auto-Submitted: {v}"));
            return Verdict {
                kind: MailKind::Autoreply,
                reasons,
            };
        }
    }
    if mail.content_type == "multipart/report" {
        reasons.push("multipart/report".into());
        return Verdict {
            kind: MailKind::Bounce,
            reasons,
        };
    }
    if mail.has_header("list-id") {
        reasons.push("List-Id".into());
        return Verdict {
            kind: MailKind::Bulk,
            reasons,
        };
    }
    Verdict {
        kind: MailKind::Request,
        reasons,
    }
}
