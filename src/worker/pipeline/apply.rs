//! Applying a decision inside the batch transaction: raw mail, ticket, messages,
//! attachments, events, rendered outbox rows, processed marks. Never flags or moves mail
//! on the server and never commits: the batch owner does both.

use super::{BatchReport, Pipeline, RawMail, Source};
use crate::mail::InboundMail;
use crate::store::{NewMessage, PendingMessage, PendingProcessed, PendingRows, StoreError, Tx};
use crate::ticket::lifecycle::{self, Decision};
use crate::ticket::model::Timestamp;
use sha2::{Digest, Sha256};
use tracing::{debug, warn};

#[allow(clippy::too_many_arguments)]
pub(super) async fn apply(
    tx: &mut Tx,
    p: &Pipeline,
    source: &Source<'_>,
    raw: &RawMail,
    inbound: &InboundMail,
    decision: Decision,
    now: Timestamp,
    pending: &mut PendingRows,
    report: &mut BatchReport,
) -> Result<(), StoreError> {
    let sha = hex::encode(Sha256::digest(&raw.bytes));
    let raw_id = tx.insert_raw(&sha, &raw.bytes, now).await?;
    // A changed plan is stored beside the ticket; the rest is an ordinary append.
    if let Decision::Approval {
        ticket, approval, ..
    } = &decision
    {
        tx.save_approval(ticket.number, approval, &p.policy.workflow.approval, now)
            .await?;
    }
    if let Decision::Open { .. } = decision {
        if inbound.attachments.is_empty() {
            return open_later(
                tx, p, source, raw, inbound, decision, raw_id, now, pending, report,
            )
            .await;
        }
    }
    let (outcome, reason, ticket_no) = match decision {
        Decision::Ignore { kind, reason } => {
            debug!(kind = kind.as_str(), reason = %reason, "Mail ignored: not a request.");
            *report.ignored.entry(kind.as_str().to_string()).or_default() += 1;
            ("ignored", Some(reason), None)
        }
        Decision::Open {
            ticket,
            events,
            outgoing,
        } => {
            tx.insert_ticket(&ticket).await?;
            tx.set_workflow_due(ticket.number, lifecycle::next_timer(&ticket, &p.policy))
                .await?;
            store_inbound(tx, p, ticket.number, inbound, raw_id, "public", now).await?;
            tx.insert_events(ticket.number, &events).await?;
            queue(tx, p, &outgoing, now, report).await?;
            let suppressed = events
                .iter()
                .any(|e| e.kind == crate::ticket::model::EventKind::LoopSuppressed);
            opened(tx, p, inbound, &ticket, suppressed, now, report).await?;
            ("ticket", None, Some(ticket.number))
        }
        Decision::Append {
            ticket,
            events,
            outgoing,
            internal,
        }
        | Decision::Approval {
            ticket,
            events,
            outgoing,
            internal,
            ..
        } => {
            tx.update_ticket(&ticket).await?;
            tx.set_workflow_due(ticket.number, lifecycle::next_timer(&ticket, &p.policy))
                .await?;
            let visibility = if internal { "internal" } else { "public" };
            store_inbound(tx, p, ticket.number, inbound, raw_id, visibility, now).await?;
            tx.insert_events(ticket.number, &events).await?;
            let corrections = crate::ticket::correction::corrections_from(
                ticket.number,
                &ticket.reasons,
                &events,
            );
            tx.insert_corrections(&corrections).await?;
            queue(tx, p, &outgoing, now, report).await?;
            debug!(ticket = ticket.number, "Follow-up added to ticket.");
            report.follow_ups += 1;
            report.tickets.push(ticket.number);
            ("follow_up", None, Some(ticket.number))
        }
        Decision::Answer { outgoing } => {
            queue(tx, p, &outgoing, now, report).await?;
            debug!(sender = %inbound.from.email, "Engineer command answered.");
            ("command", None, None)
        }
    };
    tx.insert_processed(
        source.mailbox,
        i64::from(source.uidvalidity),
        raw.uid.map(i64::from),
        &inbound.message_id,
        outcome,
        reason.as_deref(),
        ticket_no,
        Some(raw_id),
        now,
    )
    .await?;
    report.done_uids.extend(raw.uid);
    Ok(())
}

/// A new ticket without attachments: the ticket row now (later mails and the sweep may
/// look it up), its other rows with the batch's pending rows.
#[allow(clippy::too_many_arguments)]
async fn open_later(
    tx: &mut Tx,
    p: &Pipeline,
    source: &Source<'_>,
    raw: &RawMail,
    inbound: &InboundMail,
    decision: Decision,
    raw_id: i64,
    now: Timestamp,
    pending: &mut PendingRows,
    report: &mut BatchReport,
) -> Result<(), StoreError> {
    let Decision::Open {
        ticket,
        events,
        outgoing,
    } = decision
    else {
        return Ok(());
    };
    tx.insert_ticket(&ticket).await?;
    // A new ticket has no auto-close timer; the column starts empty.
    if let Some(due) = lifecycle::next_timer(&ticket, &p.policy) {
        tx.set_workflow_due(ticket.number, Some(due)).await?;
    }
    pending.messages.push(PendingMessage {
        ticket: ticket.number,
        message_id: inbound.message_id.clone(),
        sender: inbound.from.email.clone(),
        subject: inbound.subject.clone(),
        body: inbound.new_text.clone(),
        raw_id,
        at: now,
    });
    let suppressed = events
        .iter()
        .any(|e| e.kind == crate::ticket::model::EventKind::LoopSuppressed);
    pending
        .events
        .extend(events.into_iter().map(|e| (ticket.number, e)));
    // The ticket's own mails (acknowledgement, engineer notice) keep their order.
    let (mine, others): (Vec<_>, Vec<_>) = outgoing
        .into_iter()
        .partition(|o| o.ticket == ticket.number);
    for out in &mine {
        match p.renderer.render(out, now) {
            Ok(rendered) => pending
                .outbox
                .push((ticket.number, out.kind.as_str(), rendered, now)),
            Err(e) => {
                tracing::error!(ticket = out.ticket, error = %e, "Outgoing mail could not be rendered.")
            }
        }
    }
    queue(tx, p, &others, now, report).await?;
    opened(tx, p, inbound, &ticket, suppressed, now, report).await?;
    pending.processed.push(PendingProcessed {
        mailbox: source.mailbox.to_string(),
        uidvalidity: i64::from(source.uidvalidity),
        uid: raw.uid.map(i64::from),
        message_id: inbound.message_id.clone(),
        ticket: ticket.number,
        raw_id,
        at: now,
    });
    report.done_uids.extend(raw.uid);
    Ok(())
}

/// After a ticket is opened: the administrators' warning if its acknowledgement was
/// suppressed by the loop budget, and the report.
async fn opened(
    tx: &mut Tx,
    p: &Pipeline,
    inbound: &InboundMail,
    ticket: &crate::ticket::model::Ticket,
    suppressed: bool,
    now: Timestamp,
    report: &mut BatchReport,
) -> Result<(), StoreError> {
    if inbound.from.email.contains('@') && suppressed {
        warn!(sender = %inbound.from.email, ticket = ticket.number, "Loop budget tripped: acknowledgement suppressed.");
        let alert = loop_alert(p, &inbound.from.email, ticket.number, now);
        queue(tx, p, &alert, now, report).await?;
    }
    debug!(ticket = ticket.number, category = %ticket.category, priority = %ticket.priority, "Ticket opened.");
    report.new_tickets += 1;
    report.tickets.push(ticket.number);
    report
        .opened
        .push((ticket.category.to_string(), ticket.priority.to_string()));
    Ok(())
}

async fn store_inbound(
    tx: &mut Tx,
    p: &Pipeline,
    ticket: i64,
    inbound: &InboundMail,
    raw_id: i64,
    visibility: &str,
    now: Timestamp,
) -> Result<(), StoreError> {
    let row = tx
        .insert_message(&NewMessage {
            ticket,
            direction: "in",
            visibility,
            message_id: &inbound.message_id,
            sender: &inbound.from.email,
            subject: &inbound.subject,
            body: &inbound.new_text,
            raw_id: Some(raw_id),
            at: now,
        })
        .await?;
    for a in &inbound.attachments {
        let sha = save_attachment(&p.data_dir, &a.bytes)?;
        let size = i64::try_from(a.bytes.len()).unwrap_or(i64::MAX);
        tx.insert_attachment(ticket, row, &a.filename, &a.content_type, size, &sha)
            .await?;
    }
    Ok(())
}

/// Write attachment content under `data_dir/attachments/<2 hex>/<sha256>` (content
/// addressed: the sender's file name never reaches the file system). Written before the
/// commit; a crash leaves at most an unreferenced file, never a reference to a missing one.
pub fn save_attachment(data_dir: &std::path::Path, bytes: &[u8]) -> Result<String, StoreError> {
    let sha = hex::encode(Sha256::digest(bytes));
    let dir = data_dir
        .join("attachments")
        .join(sha.get(..2).unwrap_or("00"));
    let path = dir.join(&sha);
    if path.is_file() {
        return Ok(sha);
    }
    let io = |e: std::io::Error| {
        StoreError::Unavailable(format!("attachment store {}: {e}", dir.display()))
    };
    std::fs::create_dir_all(&dir).map_err(io)?;
    let tmp = dir.join(format!("{sha}.tmp{}", std::process::id()));
    std::fs::write(&tmp, bytes).map_err(io)?;
    std::fs::rename(&tmp, &path).map_err(io)?;
    Ok(sha)
}

/// The one warning to the administrators when the loop budget trips for `sender`. Its
/// Message-ID is derived from the sender and the loop-guard window the mail falls in, and
/// the outbox ignores a Message-ID it already holds: told once per correspondent and
/// window, however long the ping-pong goes on.
fn loop_alert(
    p: &Pipeline,
    sender: &str,
    ticket: i64,
    now: Timestamp,
) -> Vec<lifecycle::OutgoingMail> {
    if p.loop_alert_to.is_empty() {
        return Vec::new();
    }
    let window = p.loop_window.max(1);
    let bucket = now.div_euclid(window);
    let seed = format!("loop-alert:{}:{bucket}", sender.to_lowercase());
    let desk = &p.policy.desk_name;
    vec![lifecycle::OutgoingMail {
        kind: lifecycle::OutKind::Notice,
        // Not tied to the ticket: the Message-ID (and so the once-only rule) must depend
        // on the sender and the window alone.
        ticket: 0,
        to: p
            .loop_alert_to
            .iter()
            .map(|a| crate::mail::Address {
                name: None,
                email: a.clone(),
            })
            .collect(),
        subject: format!("Mail loop stopped: {sender}"),
        template: "notice",
        lang: "en",
        vars: serde_json::json!({
            "notice": "loop_guard",
            "requester_name": null,
            "correspondent": sender,
            "number": ticket,
            "budget": p.policy.loop_budget,
            "window_minutes": window / 60,
            "desk_name": desk,
        }),
        in_reply_to: None,
        references: Vec::new(),
        auto_submitted: "auto-generated",
        seed,
        reply_to: None,
        message_id: None,
    }]
}

/// Render and queue outgoing mails (shared with the sweep).
pub(crate) async fn queue(
    tx: &mut Tx,
    p: &Pipeline,
    outgoing: &[lifecycle::OutgoingMail],
    now: Timestamp,
    report: &mut BatchReport,
) -> Result<(), StoreError> {
    for out in outgoing {
        match p.renderer.render(out, now) {
            Ok(rendered) => {
                if tx
                    .insert_outbox(
                        (out.ticket > 0).then_some(out.ticket),
                        out.kind.as_str(),
                        &rendered,
                        now,
                    )
                    .await?
                {
                    report.mails_queued += 1;
                    if out.kind == lifecycle::OutKind::Ack {
                        report.acks_queued += 1;
                    }
                }
            }
            // A template problem is the operator's to fix; the ticket still exists.
            Err(e) => {
                tracing::error!(ticket = out.ticket, error = %e, "Outgoing mail could not be rendered.")
            }
        }
    }
    Ok(())
}

pub(super) async fn duplicate(
    tx: &mut Tx,
    source: &Source<'_>,
    raw: &RawMail,
    message_id: &str,
    report: &mut BatchReport,
) -> Result<(), StoreError> {
    debug!(uid = ?raw.uid, message_id, "Duplicate mail: already processed.");
    if let Some(uid) = raw.uid {
        tx.record_duplicate_uid(
            source.mailbox,
            i64::from(source.uidvalidity),
            i64::from(uid),
            message_id,
        )
        .await?;
        report.done_uids.push(uid);
    }
    report.duplicates += 1;
    Ok(())
}

#[allow(clippy::too_many_arguments)]
pub(super) async fn quarantine(
    tx: &mut Tx,
    source: &Source<'_>,
    raw: &RawMail,
    message_id: &str,
    reason: &str,
    keep_raw: bool,
    now: Timestamp,
    report: &mut BatchReport,
) -> Result<(), StoreError> {
    // An oversized mail stays on the server (in the quarantine folder) but not in the
    // database: storing it is exactly what the limit protects against.
    let raw_id = if !keep_raw {
        None
    } else {
        let sha = hex::encode(Sha256::digest(&raw.bytes));
        Some(tx.insert_raw(&sha, &raw.bytes, now).await?)
    };
    tx.insert_processed(
        source.mailbox,
        i64::from(source.uidvalidity),
        raw.uid.map(i64::from),
        message_id,
        "quarantined",
        Some(reason),
        None,
        raw_id,
        now,
    )
    .await?;
    report.quarantined += 1;
    report.quarantine_uids.extend(raw.uid);
    Ok(())
}

pub(super) async fn advance_state(
    tx: &mut Tx,
    source: &Source<'_>,
    uid: u32,
) -> Result<(), StoreError> {
    let last = match tx.mailbox_state(source.mailbox).await? {
        Some((v, last)) if v == i64::from(source.uidvalidity) => last,
        _ => 0,
    };
    tx.set_mailbox_state(
        source.mailbox,
        i64::from(source.uidvalidity),
        last.max(i64::from(uid)),
    )
    .await
}
