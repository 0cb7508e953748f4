//! Row types returned by the store and the macros that decode rows of either database
//! (the same code expands once per backend, so no generic trait bounds are needed).

use crate::ticket::model::Timestamp;
use serde::Serialize;

/// Ticket columns in the order `ticket_from_row!` reads them, prefixed by the alias `t.`.
pub(super) const TICKET_COLUMNS_T: &str = "t.id, t.status, t.category, t.priority, t.language, \
    t.requester, t.requester_name, t.subject, t.reasons, t.mailbox, t.created_at, t.updated_at, \
    t.respond_by, t.resolve_by, t.first_response_at, t.resolved_at, t.closed_at, t.assignee, \
    t.rating, t.root_message_id, t.cc, t.reopen_count, t.solution, t.awaiting, \
    t.last_public_update_at, t.previous_ticket, t.reminded_at";

/// A ticket with its message count, for `tickets list`.
#[derive(Debug, Clone, Serialize)]
pub struct TicketSummary {
    #[serde(flatten)]
    pub ticket: crate::ticket::model::Ticket,
    pub messages: i64,
}

/// One audit-trail entry as stored.
#[derive(Debug, Clone, Serialize)]
pub struct EventRow {
    pub at: Timestamp,
    pub actor: String,
    pub kind: String,
    pub from_value: Option<String>,
    pub to_value: Option<String>,
    pub detail: Option<String>,
    pub message_id: Option<String>,
}

/// One stored message.
#[derive(Debug, Clone, Serialize)]
pub struct MessageRow {
    pub id: i64,
    pub direction: String,
    pub visibility: String,
    pub message_id: String,
    pub sender: String,
    pub subject: String,
    pub body: String,
    pub created_at: Timestamp,
}

/// One stored attachment's metadata.
#[derive(Debug, Clone, Serialize)]
pub struct AttachmentRow {
    pub message_row: i64,
    pub filename: String,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
}

/// A claimed outbox row.
#[derive(Clone)]
pub struct OutboxRow {
    pub id: i64,
    pub ticket_id: Option<i64>,
    pub kind: String,
    pub message_id: String,
    pub env_from: String,
    pub env_to: Vec<String>,
    pub bytes: Vec<u8>,
    pub attempts: i64,
}

impl std::fmt::Debug for OutboxRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OutboxRow")
            .field("id", &self.id)
            .field("message_id", &self.message_id)
            .field("env_to", &self.env_to)
            .field("len", &self.bytes.len())
            .finish()
    }
}

pub(super) fn parse_enum<T: std::str::FromStr>(
    value: &str,
    what: &str,
) -> Result<T, super::StoreError>
where
    T::Err: std::fmt::Display,
{
    value
        .parse()
        .map_err(|e| super::StoreError::Data(format!("bad {what} in database: {e}")))
}

macro_rules! ticket_from_row {
    ($r:expr) => {{
        use sqlx::Row as _;
        let r = &$r;
        let reasons: String = r.try_get("reasons")?;
        let rating: Option<i64> = r.try_get("rating")?;
        let cc: String = r.try_get("cc")?;
        let reopen_count: i64 = r.try_get("reopen_count")?;
        Ok::<_, $crate::store::StoreError>($crate::ticket::model::Ticket {
            number: r.try_get("id")?,
            status: $crate::store::rows::parse_enum(&r.try_get::<String, _>("status")?, "status")?,
            category: $crate::store::rows::parse_enum(
                &r.try_get::<String, _>("category")?,
                "category",
            )?,
            priority: $crate::store::rows::parse_enum(
                &r.try_get::<String, _>("priority")?,
                "priority",
            )?,
            language: $crate::store::rows::parse_enum(
                &r.try_get::<String, _>("language")?,
                "language",
            )?,
            requester: r.try_get("requester")?,
            requester_name: r.try_get("requester_name")?,
            subject: r.try_get("subject")?,
            reasons: serde_json::from_str(&reasons).unwrap_or_default(),
            mailbox: r.try_get("mailbox")?,
            created_at: r.try_get("created_at")?,
            updated_at: r.try_get("updated_at")?,
            respond_by: r.try_get("respond_by")?,
            resolve_by: r.try_get("resolve_by")?,
            first_response_at: r.try_get("first_response_at")?,
            resolved_at: r.try_get("resolved_at")?,
            closed_at: r.try_get("closed_at")?,
            assignee: r.try_get("assignee")?,
            rating: rating.and_then(|v| u8::try_from(v).ok()),
            root_message_id: r.try_get("root_message_id")?,
            cc: serde_json::from_str(&cc).unwrap_or_default(),
            reopen_count: u32::try_from(reopen_count).unwrap_or(0),
            solution: r.try_get("solution")?,
            awaiting: $crate::store::rows::parse_enum(
                &r.try_get::<String, _>("awaiting")?,
                "awaiting",
            )?,
            last_public_update_at: r.try_get("last_public_update_at")?,
            previous_ticket: r.try_get("previous_ticket")?,
            reminded_at: r.try_get("reminded_at")?,
        })
    }};
}

macro_rules! summary_from_row {
    ($r:expr) => {{
        use sqlx::Row as _;
        let ticket = $crate::store::rows::ticket_from_row!($r)?;
        let messages: i64 = $r.try_get("message_count")?;
        Ok::<_, $crate::store::StoreError>($crate::store::TicketSummary { ticket, messages })
    }};
}

macro_rules! event_from_row {
    ($r:expr) => {{
        use sqlx::Row as _;
        let r = &$r;
        Ok::<_, $crate::store::StoreError>($crate::store::EventRow {
            at: r.try_get("at")?,
            actor: r.try_get("actor")?,
            kind: r.try_get("kind")?,
            from_value: r.try_get("from_value")?,
            to_value: r.try_get("to_value")?,
            detail: r.try_get("detail")?,
            message_id: r.try_get("message_id")?,
        })
    }};
}

macro_rules! message_from_row {
    ($r:expr) => {{
        use sqlx::Row as _;
        let r = &$r;
        Ok::<_, $crate::store::StoreError>($crate::store::MessageRow {
            id: r.try_get("id")?,
            direction: r.try_get("direction")?,
            visibility: r.try_get("visibility")?,
            message_id: r.try_get("message_id")?,
            sender: r.try_get("sender")?,
            subject: r.try_get("subject")?,
            body: r.try_get("body")?,
            created_at: r.try_get("created_at")?,
        })
    }};
}

macro_rules! attachment_from_row {
    ($r:expr) => {{
        use sqlx::Row as _;
        let r = &$r;
        Ok::<_, $crate::store::StoreError>($crate::store::AttachmentRow {
            message_row: r.try_get("message_row")?,
            filename: r.try_get("filename")?,
            content_type: r.try_get("content_type")?,
            size: r.try_get("size")?,
            sha256: r.try_get("sha256")?,
        })
    }};
}

macro_rules! outbox_from_row {
    ($r:expr) => {{
        use sqlx::Row as _;
        let r = &$r;
        let env_to: String = r.try_get("env_to")?;
        Ok::<_, $crate::store::StoreError>($crate::store::OutboxRow {
            id: r.try_get("id")?,
            ticket_id: r.try_get("ticket_id")?,
            kind: r.try_get("kind")?,
            message_id: r.try_get("message_id")?,
            env_from: r.try_get("env_from")?,
            env_to: serde_json::from_str(&env_to).unwrap_or_default(),
            bytes: r.try_get("bytes")?,
            attempts: r.try_get("attempts")?,
        })
    }};
}

pub(crate) use {
    attachment_from_row, event_from_row, message_from_row, outbox_from_row, summary_from_row,
    ticket_from_row,
};
