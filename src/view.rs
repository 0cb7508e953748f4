//! Presentation of tickets for the command line: JSON objects and text tables. Pure.

use crate::store::{AttachmentRow, EventRow, MessageRow, TicketSummary};
use crate::ticket::model::{Ticket, Timestamp};
use serde_json::{json, Value};

/// RFC 3339 UTC time, e.g. `2026-11-29T22:40:00Z`.
pub fn rfc3339(ts: Timestamp) -> String {
    chrono::DateTime::from_timestamp(ts, 0)
        .map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_else(|| ts.to_string())
}

fn opt_time(ts: Option<Timestamp>) -> Value {
    ts.map(|t| Value::String(rfc3339(t))).unwrap_or(Value::Null)
}

/// The JSON object of one ticket (the stable `tickets list --json` shape).
pub fn ticket_json(t: &Ticket, messages: i64) -> Value {
    json!({
        "number": t.number,
        "status": t.status.as_str(),
        "category": t.category.as_str(),
        "priority": t.priority.as_str(),
        "language": t.language.as_str(),
        "requester": t.requester,
        "requester_name": t.requester_name,
        "subject": t.subject,
        "reasons": t.reasons,
        "mailbox": t.mailbox,
        "created_at": rfc3339(t.created_at),
        "updated_at": rfc3339(t.updated_at),
        "respond_by": rfc3339(t.respond_by),
        "resolve_by": rfc3339(t.resolve_by),
        "first_response_at": opt_time(t.first_response_at),
        "resolved_at": opt_time(t.resolved_at),
        "closed_at": opt_time(t.closed_at),
        "assignee": t.assignee,
        "rating": t.rating,
        "awaiting": t.awaiting.as_str(),
        "solution": t.solution,
        "cc": t.cc,
        "reopen_count": t.reopen_count,
        "previous_ticket": t.previous_ticket,
        "messages": messages,
    })
}

/// `tickets list --json`.
pub fn tickets_json(list: &[TicketSummary]) -> Value {
    Value::Array(
        list.iter()
            .map(|s| ticket_json(&s.ticket, s.messages))
            .collect(),
    )
}

/// `tickets list` as an aligned table.
pub fn tickets_table(list: &[TicketSummary]) -> String {
    let mut out = format!(
        "{:>6}  {:<8}  {:<8}  {:<3}  {:<28}  {:<16}  {}\n",
        "#", "STATUS", "CATEGORY", "PRI", "REQUESTER", "CREATED (UTC)", "SUBJECT"
    );
    for s in list {
        let t = &s.ticket;
        out.push_str(&format!(
            "{:>6}  {:<8}  {:<8}  {:<3}  {:<28}  {:<16}  {}\n",
            t.number,
            t.status.as_str(),
            t.category.as_str(),
            t.priority.as_str(),
            truncate(&t.requester, 28),
            rfc3339(t.created_at)
                .replace('T', " ")
                .trim_end_matches('Z')
                .get(..16)
                .unwrap_or(""),
            truncate(&t.subject, 60)
        ));
    }
    if list.is_empty() {
        out.push_str("(no tickets)\n");
    }
    out
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// `tickets show N --json`.
pub fn ticket_detail_json(
    t: &Ticket,
    messages: &[MessageRow],
    attachments: &[AttachmentRow],
    events: &[EventRow],
) -> Value {
    let mut v = ticket_json(t, i64::try_from(messages.len()).unwrap_or(0));
    if let Value::Object(map) = &mut v {
        map.insert(
            "message_list".into(),
            Value::Array(
                messages
                    .iter()
                    .map(|m| {
                        json!({"direction": m.direction, "visibility": m.visibility,
                        "message_id": m.message_id, "sender": m.sender, "subject": m.subject,
                        "body": m.body, "at": rfc3339(m.created_at)})
                    })
                    .collect(),
            ),
        );
        map.insert("attachments".into(), json!(attachments));
        map.insert(
            "timeline".into(),
            Value::Array(
                events
                    .iter()
                    .map(|e| {
                        json!({"at": rfc3339(e.at), "actor": e.actor, "kind": e.kind,
                        "from": e.from_value, "to": e.to_value, "detail": e.detail,
                        "message_id": e.message_id})
                    })
                    .collect(),
            ),
        );
    }
    v
}

/// `tickets show N` as text: header, messages, attachments, timeline.
pub fn ticket_detail_text(
    t: &Ticket,
    messages: &[MessageRow],
    attachments: &[AttachmentRow],
    events: &[EventRow],
) -> String {
    let mut o = String::new();
    o.push_str(&format!("Ticket #{}: {}\n", t.number, t.subject));
    o.push_str(&format!(
        "  status {}   category {}   priority {}   language {}\n",
        t.status, t.category, t.priority, t.language
    ));
    o.push_str(&format!(
        "  requester {}{}\n",
        t.requester,
        t.requester_name
            .as_deref()
            .map(|n| format!(" ({n})"))
            .unwrap_or_default()
    ));
    o.push_str(&format!(
        "  assignee {}   rating {}\n",
        t.assignee.as_deref().unwrap_or("-"),
        t.rating
            .map(|r| r.to_string())
            .unwrap_or_else(|| "-".into())
    ));
    o.push_str(&format!(
        "  created {}   respond by {}   resolve by {}\n",
        rfc3339(t.created_at),
        rfc3339(t.respond_by),
        rfc3339(t.resolve_by)
    ));
    if !t.reasons.is_empty() {
        o.push_str(&format!("  why: {}\n", t.reasons.join("; ")));
    }
    if let Some(sol) = &t.solution {
        o.push_str(&format!("  solution: {}\n", sol.replace('\n', " / ")));
    }
    if !t.cc.is_empty() || t.reopen_count > 0 || t.previous_ticket.is_some() {
        o.push_str(&format!(
            "  cc {}   reopened {}×   continues {}\n",
            if t.cc.is_empty() {
                "-".to_string()
            } else {
                t.cc.join(", ")
            },
            t.reopen_count,
            t.previous_ticket
                .map(|n| format!("#{n}"))
                .unwrap_or_else(|| "-".into())
        ));
    }
    o.push_str("\nMessages:\n");
    for m in messages {
        o.push_str(&format!(
            "--- {} {} {} from {}\n{}\n",
            rfc3339(m.created_at),
            m.direction,
            m.visibility,
            m.sender,
            m.body.trim()
        ));
    }
    if !attachments.is_empty() {
        o.push_str("\nAttachments:\n");
        for a in attachments {
            o.push_str(&format!(
                "  {} ({}, {} bytes, sha256 {})\n",
                a.filename, a.content_type, a.size, a.sha256
            ));
        }
    }
    o.push_str("\nTimeline:\n");
    for e in events {
        let change = match (&e.from_value, &e.to_value) {
            (Some(f), Some(t)) => format!(" {f} → {t}"),
            (None, Some(t)) => format!(" {t}"),
            _ => String::new(),
        };
        o.push_str(&format!(
            "  {}  {:<16} {}{}{}{}\n",
            rfc3339(e.at),
            e.kind,
            e.actor,
            change,
            e.detail
                .as_deref()
                .map(|d| format!(" — {}", d.replace('\n', " / ")))
                .unwrap_or_default(),
            e.message_id
                .as_deref()
                .map(|m| format!("  (via <{m}>)"))
                .unwrap_or_default()
        ));
    }
    o
}
