//! The ticket vocabulary: statuses, priorities, categories, events. Plain data, no I/O.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Seconds since the Unix epoch, UTC. Every time in the core is one of these.
pub type Timestamp = i64;

/// Error for a value that is not one of a closed set of names.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} {value:?} (expected one of: {expected})")]
pub struct UnknownValue {
    pub what: &'static str,
    pub value: String,
    pub expected: &'static str,
}

macro_rules! named_enum {
    ($(#[$meta:meta])* $name:ident, $what:literal, { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "lowercase")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str(self.as_str()) }
        }

        impl FromStr for $name {
            type Err = UnknownValue;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let lower = s.trim().to_ascii_lowercase();
                match lower.as_str() {
                    $($text => Ok($name::$variant),)+
                    _ => Err(UnknownValue {
                        what: $what,
                        value: s.to_string(),
                        expected: concat!($($text, " "),+),
                    }),
                }
            }
        }
    };
}

named_enum!(
    /// Where a ticket is in its life: `new → open → waiting ↔ open → resolved → closed`;
    /// `open → awaiting approval → open` while a risky plan waits for its sign-off.
    Status, "status", {
        New => "new",
        Open => "open",
        Waiting => "waiting",
        AwaitingApproval => "awaiting approval",
        Resolved => "resolved",
        Closed => "closed",
    }
);

named_enum!(
    /// The answer a ticket waits for from its requester.
    Awaiting, "awaiting", {
        Nothing => "none",
        Confirmation => "confirmation",
        Rating => "rating",
    }
);

named_enum!(
    /// What has to be fixed or answered (see the labelling guide).
    Category, "category", {
        Hardware => "hardware",
        Software => "software",
        Network => "network",
        Account => "account",
        Request => "request",
        Other => "other",
    }
);

named_enum!(
    /// Language used for the mails we send to a requester.
    Language, "language", {
        Zh => "zh",
        En => "en",
        Mixed => "mixed",
    }
);

impl Language {
    /// Templates exist for `zh` and `en`; mixed-language requesters get Chinese
    /// because a reader of mixed text reads Chinese.
    pub fn template_lang(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Zh | Language::Mixed => "zh",
        }
    }
}

/// P1 (urgent) … P4 (low).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Priority {
    P1,
    P2,
    P3,
    P4,
}

impl Priority {
    pub const ALL: &'static [Priority] = &[Priority::P1, Priority::P2, Priority::P3, Priority::P4];
    pub fn as_str(self) -> &'static str {
        match self {
            Priority::P1 => "P1",
            Priority::P2 => "P2",
            Priority::P3 => "P3",
            Priority::P4 => "P4",
        }
    }
    /// 1 for P1 … 4 for P4.
    pub fn level(self) -> u8 {
        match self {
            Priority::P1 => 1,
            Priority::P2 => 2,
            Priority::P3 => 3,
            Priority::P4 => 4,
        }
    }
}

impl fmt::Display for Priority {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Priority {
    type Err = UnknownValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_uppercase().as_str() {
            "P1" | "1" => Ok(Priority::P1),
            "P2" | "2" => Ok(Priority::P2),
            "P3" | "3" => Ok(Priority::P3),
            "P4" | "4" => Ok(Priority::P4),
            _ => Err(UnknownValue {
                what: "priority",
                value: s.to_string(),
                expected: "P1 P2 P3 P4",
            }),
        }
    }
}

/// What the classifier decided about a request, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Classification {
    pub category: Category,
    pub priority: Priority,
    pub language: Language,
    /// Human-readable reasons, e.g. `category network: "VPN" (+3)`.
    pub reasons: Vec<String>,
    /// Lead of the category over the runner-up in percent of its score (100 = no
    /// competitor, 0 = tie or no rule fired).
    #[serde(default)]
    pub confidence: u8,
    /// A close call or no rule fired: engineers are asked to check, the
    /// acknowledgement words the category tentatively.
    #[serde(default)]
    pub low_confidence: bool,
    /// The second-best category, when any other rule scored.
    #[serde(default)]
    pub runner_up: Option<Category>,
}

/// A ticket as the core sees it. The number is the database id shown as `[#N]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ticket {
    pub number: i64,
    pub status: Status,
    pub category: Category,
    pub priority: Priority,
    pub language: Language,
    pub requester: String,
    pub requester_name: Option<String>,
    pub subject: String,
    /// Why the classifier chose the category and priority.
    pub reasons: Vec<String>,
    /// Name of the mailbox the ticket came in through.
    pub mailbox: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub respond_by: Timestamp,
    pub resolve_by: Timestamp,
    pub first_response_at: Option<Timestamp>,
    pub resolved_at: Option<Timestamp>,
    pub closed_at: Option<Timestamp>,
    /// Engineer's email address.
    pub assignee: Option<String>,
    pub rating: Option<u8>,
    /// Message-ID of the mail that opened the ticket: replies thread on it.
    pub root_message_id: String,
    /// Addresses copied on progress updates (`#cc`), lower-case.
    pub cc: Vec<String>,
    /// How often the ticket went back from resolved/closed to open.
    pub reopen_count: u32,
    /// The engineer's solution from `#resolve`.
    pub solution: Option<String>,
    /// What we wait for from the requester.
    pub awaiting: Awaiting,
    /// When the requester last got a progress update (update, confirm, survey, notice).
    pub last_public_update_at: Option<Timestamp>,
    /// The closed ticket this one continues (a reply after the reopen window).
    pub previous_ticket: Option<i64>,
    /// When the auto-close reminder went out for the current resolution.
    pub reminded_at: Option<Timestamp>,
}

/// One entry of a ticket's audit trail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    pub at: Timestamp,
    /// Who caused it: an email address, or `supportbot`.
    pub actor: String,
    pub kind: EventKind,
    pub from_value: Option<String>,
    pub to_value: Option<String>,
    pub detail: Option<String>,
    /// The mail that caused it, if any.
    pub message_id: Option<String>,
}

named_enum!(
    /// What happened to a ticket.
    EventKind, "event kind", {
        Created => "created",
        FollowUp => "follow_up",
        StatusChanged => "status",
        PriorityChanged => "priority",
        CategoryChanged => "category",
        Assigned => "assigned",
        Note => "note",
        PublicReply => "public_reply",
        Acknowledged => "acknowledged",
        LoopSuppressed => "loop_suppressed",
        Rated => "rated",
        Reminder => "reminder",
        Escalated => "escalated",
        CommandRejected => "command_rejected",
        CommandApplied => "command_applied",
        CcAdded => "cc",
        Confirmation => "confirmation",
        Notified => "notified",
        Solution => "solution",
        PlanProposed => "plan",
        ApprovalRequested => "approval_requested",
        ApprovalDecided => "approval",
        PlanExecuted => "plan_executed",
    }
);

impl Category {
    /// Chinese name, for mails to Chinese-speaking requesters.
    pub fn zh_name(self) -> &'static str {
        match self {
            Category::Hardware => "硬件",
            Category::Software => "软件",
            Category::Network => "网络",
            Category::Account => "账号与权限",
            Category::Request => "咨询与需求",
            Category::Other => "其他",
        }
    }
}

impl Priority {
    /// Chinese name of the level.
    pub fn zh_name(self) -> &'static str {
        match self {
            Priority::P1 => "紧急",
            Priority::P2 => "高",
            Priority::P3 => "中",
            Priority::P4 => "低",
        }
    }
}
