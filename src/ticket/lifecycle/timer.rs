//! Auto-close: a resolved ticket nobody confirms gets one reminder at half of
//! `auto_close_after` and is closed (with a notice that also asks for a rating) when it runs
//! out. `next_timer` says when to look again; the shell stores it and sweeps due tickets. Pure.

use super::{mails, Decision, Policy};
use crate::ticket::model::{Awaiting, Event, EventKind, Status, Ticket, Timestamp};

/// When [`on_timer`] has something to do for this ticket, if ever.
pub fn next_timer(t: &Ticket, policy: &Policy) -> Option<Timestamp> {
    if t.status != Status::Resolved || t.awaiting != Awaiting::Confirmation {
        return None;
    }
    let resolved = t.resolved_at?;
    let full = policy.workflow.auto_close_after.max(1);
    if t.reminded_at.is_none() {
        Some(resolved.saturating_add(full / 2))
    } else {
        Some(resolved.saturating_add(full))
    }
}

/// The timer's decision at `now`: a reminder, the auto-close, or nothing yet.
pub fn on_timer(t: &Ticket, policy: &Policy, now: Timestamp) -> Option<Decision> {
    let due = next_timer(t, policy)?;
    if now < due {
        return None;
    }
    let resolved = t.resolved_at?;
    let full = policy.workflow.auto_close_after.max(1);
    let mut t = t.clone();
    t.updated_at = now;
    // Seeds use the resolution time: one reminder and one close per resolution, even if the
    // sweep runs twice.
    if now >= resolved.saturating_add(full) {
        let from = t.status;
        t.status = Status::Closed;
        t.closed_at = Some(now);
        t.awaiting = Awaiting::Rating;
        t.last_public_update_at = Some(now);
        let events = vec![Event {
            at: now,
            actor: "supportbot".into(),
            kind: EventKind::StatusChanged,
            from_value: Some(from.to_string()),
            to_value: Some(Status::Closed.to_string()),
            detail: Some(format!(
                "no answer within {} after the resolution: closed automatically",
                super::human_duration(full, "en")
            )),
            message_id: None,
        }];
        let notice = mails::notice(
            &t,
            policy,
            "auto_closed",
            format!("ticket-{}|{resolved}|auto_closed", t.number),
        );
        return Some(Decision::Append {
            ticket: t,
            events,
            outgoing: vec![notice],
            internal: false,
        });
    }
    t.reminded_at = Some(now);
    t.last_public_update_at = Some(now);
    let events = vec![Event {
        at: now,
        actor: "supportbot".into(),
        kind: EventKind::Reminder,
        from_value: None,
        to_value: None,
        detail: Some("confirmation reminder sent to the requester".into()),
        message_id: None,
    }];
    let notice = mails::notice(
        &t,
        policy,
        "reminder",
        format!("ticket-{}|{resolved}|reminder", t.number),
    );
    Some(Decision::Append {
        ticket: t,
        events,
        outgoing: vec![notice],
        internal: false,
    })
}
