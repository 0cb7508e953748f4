//! What the configuration decides: SLA targets, the desk's policy, engineers and the
//! `[workflow]` settings. Built once from the config by the worker, read by every decision.

/// Respond/resolve targets in seconds for P1..P4.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SlaTargets {
    pub respond: [i64; 4],
    pub resolve: [i64; 4],
}

impl SlaTargets {
    pub fn respond(&self, p: crate::ticket::model::Priority) -> i64 {
        self.respond
            .get(usize::from(p.level() - 1))
            .copied()
            .unwrap_or(0)
    }
    pub fn resolve(&self, p: crate::ticket::model::Priority) -> i64 {
        self.resolve
            .get(usize::from(p.level() - 1))
            .copied()
            .unwrap_or(0)
    }
}

/// Everything from the configuration that decisions depend on.
#[derive(Debug, Clone)]
pub struct Policy {
    pub sla: SlaTargets,
    /// The support address; it is also the envelope sender of our mails.
    pub support_address: String,
    pub desk_name: String,
    pub timezone: chrono_tz::Tz,
    /// Mails we may send one correspondent within the loop-guard window.
    pub loop_budget: u32,
    /// Engineers, reply tokens and the requester-side timers.
    pub workflow: WorkflowPolicy,
    /// Working time of the SLA clocks: deadlines count only its hours.
    pub calendar: crate::ticket::calendar::Calendar,
}

/// An engineer tickets can be routed to and whose commands are obeyed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Engineer {
    /// Display name; `#assign <name>` matches it.
    pub name: String,
    /// Lower-case address.
    pub email: String,
    /// Categories routed to this engineer.
    pub categories: Vec<crate::ticket::model::Category>,
    /// Gets the tickets no engineer's categories cover.
    pub supervisor: bool,
    /// `zh` or `en`: the language of mails to this engineer.
    pub lang: &'static str,
}

/// The `[workflow]` and `[[engineers]]` part of the policy.
#[derive(Clone, Default)]
pub struct WorkflowPolicy {
    /// In configuration order (round-robin follows it).
    pub engineers: Vec<Engineer>,
    /// HMAC key of the reply tokens; never logged.
    pub secret: Vec<u8>,
    /// Reply tokens older than this many seconds are refused.
    pub token_max_age: u64,
    /// Lower-case authserv-ids whose Authentication-Results we believe.
    pub trusted_authserv_ids: Vec<String>,
    /// Seconds after `#resolve` without an answer until the ticket closes.
    pub auto_close_after: i64,
    /// Seconds after closing during which a reply reopens the ticket.
    pub reopen_window: i64,
    /// `[workflow]` change-approval settings.
    pub approval: crate::ticket::approval::ApprovalPolicy,
    /// `[[organisations]]`, in configuration order (empty: one desk).
    pub organisations: Vec<crate::ticket::organisation::Organisation>,
    /// The organisation the current decision is for; `decide` sets it from the requester.
    pub organisation: Option<crate::ticket::organisation::Organisation>,
}

impl std::fmt::Debug for WorkflowPolicy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WorkflowPolicy")
            .field("engineers", &self.engineers)
            .field("secret", &"***")
            .field("token_max_age", &self.token_max_age)
            .field("trusted_authserv_ids", &self.trusted_authserv_ids)
            .field("auto_close_after", &self.auto_close_after)
            .field("reopen_window", &self.reopen_window)
            .field("approval", &self.approval)
            .field("organisations", &self.organisations)
            .finish()
    }
}

impl WorkflowPolicy {
    /// The configured engineer with this address (case-insensitive).
    pub fn engineer(&self, email: &str) -> Option<&Engineer> {
        let email = email.trim();
        self.engineers
            .iter()
            .find(|e| e.email.eq_ignore_ascii_case(email))
    }
}
