//! `[[engineers]]` and `[workflow]`: who works the tickets and how replies are trusted.

use super::{dur, Dur, Secret};
use serde::Deserialize;

/// One `[[engineers]]` entry.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Engineer {
    /// Display name; `#assign <name>` matches it case-insensitively.
    pub name: String,
    /// The address the engineer mails from; commands are obeyed only from it.
    pub email: String,
    /// Categories routed to this engineer ("network", "hardware", …).
    #[serde(default)]
    pub categories: Vec<String>,
    /// Supervisors get the tickets nobody's categories cover.
    #[serde(default)]
    pub supervisor: bool,
    /// Languages the engineer reads ("zh", "en"); the first one picks the language of
    /// the mails sent to them. Default: English.
    #[serde(default)]
    pub languages: Vec<String>,
}

/// `[workflow]`: the ticket conversation with engineers and requesters.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Workflow {
    /// HMAC secret of the reply tokens (inline); prefer `secret_env`.
    pub secret: Secret,
    /// Name of an environment variable holding the secret.
    pub secret_env: Option<String>,
    /// Reply tokens older than this are refused.
    pub token_max_age: Dur,
    /// `authserv-id`s whose `Authentication-Results` headers we trust (empty: never trust).
    pub trusted_authserv_ids: Vec<String>,
    /// A resolved ticket nobody confirms is closed after this long (reminder at half time).
    pub auto_close_after: Dur,
    /// A reply to a closed ticket within this long reopens it; later it opens a new one.
    pub reopen_window: Dur,
    /// High-risk plans also need the requester's consent.
    pub customer_consent: bool,
    /// The SLA resolve clock stops while a ticket is `awaiting approval`.
    pub pause_on_approval: bool,
    /// An approval request unanswered this long is escalated (reminder at 75 %).
    pub approval_timeout: Dur,
}

impl Default for Workflow {
    fn default() -> Self {
        Workflow {
            secret: Secret::default(),
            secret_env: None,
            token_max_age: dur(30 * 86_400),
            trusted_authserv_ids: Vec::new(),
            auto_close_after: dur(3 * 86_400),
            reopen_window: dur(14 * 86_400),
            customer_consent: true,
            pause_on_approval: false,
            approval_timeout: dur(4 * 3600),
        }
    }
}
