//! Per-mail decisions inside a batch: what the batch learns from the database up front
//! (the batch cache), the lookups the core may need, and handing one mail to the pure
//! `lifecycle::decide`. Never commits and never talks to the mail server.

use super::apply::{apply, duplicate, quarantine};
use super::BatchReport;
use super::{Pipeline, RawMail, Source};
use crate::mail::loopguard::{self, MailKind};
use crate::mail::parse;
use crate::mail::render;
use crate::mail::InboundMail;
use crate::store::{PendingRows, StoreError, Tx};
use crate::ticket::command::{self, Command};
use crate::ticket::lifecycle::{self, Context, Decision};
use crate::ticket::loop_budget;
use crate::ticket::model::{Classification, Status, Ticket, Timestamp};
use std::collections::{HashMap, HashSet};
use tracing::{info_span, warn, Instrument};

/// What one batch learns from the database up front, kept current as mails are applied,
/// so each mail costs no lookup round trips of its own.
pub(super) struct BatchCache {
    /// Message-IDs already processed (before or earlier in this batch).
    processed: HashSet<String>,
    /// Mails queued per recipient within the loop-guard window.
    sent: HashMap<String, u32>,
    /// The next free ticket number (SQLite: the transaction holds the only write lock).
    next_number: Option<i64>,
    /// Request fingerprints per sender within the loop-guard window (before or earlier in
    /// this batch), and the ones this batch adds.
    fingerprints: HashMap<String, HashSet<String>>,
    new_requests: Vec<(String, String)>,
    /// Rows of new tickets not yet written (see `store::pending`).
    pub(super) pending: PendingRows,
}

impl BatchCache {
    pub(super) async fn load(
        tx: &mut Tx,
        work: &[(&RawMail, Result<InboundMail, parse::ParseError>)],
        p: &Pipeline,
        now: Timestamp,
    ) -> Result<BatchCache, StoreError> {
        let ids: Vec<String> = work
            .iter()
            .map(|(m, r)| match r {
                Ok(i) => i.message_id.clone(),
                Err(_) => parse::synthetic_message_id(&m.bytes),
            })
            .collect();
        let mut senders: Vec<String> = work
            .iter()
            .filter_map(|(_, r)| r.as_ref().ok())
            .map(|i| i.from.email.to_lowercase())
            .collect();
        senders.sort();
        senders.dedup();
        let since = now - p.loop_window;
        Ok(BatchCache {
            processed: tx.processed_among(&ids).await?,
            sent: tx.sent_counts(&senders, since).await?,
            next_number: None,
            fingerprints: tx.sender_fingerprints(&senders, since).await?,
            new_requests: Vec::new(),
            pending: PendingRows::default(),
        })
    }

    /// Write what the batch learnt that later batches need (in the batch transaction).
    pub(super) async fn save(
        &mut self,
        tx: &mut Tx,
        p: &Pipeline,
        now: Timestamp,
        report: &mut BatchReport,
    ) -> Result<(), StoreError> {
        self.flush(tx, report).await?;
        if self.new_requests.is_empty() {
            return Ok(());
        }
        tx.insert_sender_requests(&self.new_requests, now, now - p.loop_window)
            .await
    }

    /// Write the pending rows: at the end of the batch, and before a mail that may read
    /// them back.
    pub(super) async fn flush(
        &mut self,
        tx: &mut Tx,
        report: &mut BatchReport,
    ) -> Result<(), StoreError> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let (queued, acks) = tx.flush_pending(&mut self.pending).await?;
        report.mails_queued += queued;
        report.acks_queued += acks;
        Ok(())
    }

    /// Remember a request of `sender`; true when the sender already sent this text
    /// within the window.
    fn seen_request(&mut self, sender: &str, fingerprint: String) -> bool {
        let known = self.fingerprints.entry(sender.to_string()).or_default();
        if known.contains(&fingerprint) {
            return true;
        }
        known.insert(fingerprint.clone());
        self.new_requests.push((sender.to_string(), fingerprint));
        false
    }

    /// A number for a new ticket.
    async fn number(&mut self, tx: &mut Tx) -> Result<i64, StoreError> {
        if !tx.is_sqlite() {
            return tx.reserve_ticket_number().await;
        }
        let n = match self.next_number {
            Some(n) => n,
            None => tx.reserve_ticket_number().await?,
        };
        self.next_number = Some(n + 1);
        Ok(n)
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) async fn process_one(
    tx: &mut Tx,
    p: &Pipeline,
    source: &Source<'_>,
    raw: &RawMail,
    parsed: Result<InboundMail, parse::ParseError>,
    cache: &mut BatchCache,
    now: Timestamp,
    report: &mut BatchReport,
) -> Result<(), StoreError> {
    let inbound = match parsed {
        Ok(m) => m,
        Err(e) => {
            let id = parse::synthetic_message_id(&raw.bytes);
            if !cache.processed.insert(id.clone()) {
                return duplicate(tx, source, raw, &id, report).await;
            }
            warn!(uid = ?raw.uid, reason = %e, "Mail quarantined.");
            let keep_raw = !matches!(e, parse::ParseError::TooLarge { .. });
            return quarantine(tx, source, raw, &id, &e.to_string(), keep_raw, now, report).await;
        }
    };
    let span = info_span!("mail", uid = ?raw.uid, message_id = %inbound.message_id);
    async {
        if !cache.processed.insert(inbound.message_id.clone()) {
            return duplicate(tx, source, raw, &inbound.message_id, report).await;
        }
        let verdict = loopguard::detect(&inbound, &p.own_addresses);
        let classification = if verdict.kind == MailKind::Request {
            let mut c = p.rules.classify(&inbound.subject, &inbound.new_text);
            if let Some(d) = p.default_category {
                if c.category == crate::ticket::model::Category::Other {
                    c.category = d;
                    c.reasons
                        .push(format!("category {d}: default of this mailbox"));
                }
            }
            c
        } else {
            Classification {
                category: crate::ticket::model::Category::Other,
                priority: crate::ticket::model::Priority::P4,
                language: crate::ticket::classify::detect_language(&inbound.new_text),
                reasons: Vec::new(),
                confidence: 0,
                low_confidence: false,
                runner_up: None,
            }
        };
        let mut lookups = Lookups::default();
        let mut mismatch = None;
        let (ticket, new_number, recent) = if verdict.kind == MailKind::Request {
            // The reply token names the ticket most reliably; then our Message-IDs, stored
            // Message-IDs and the subject tag.
            let bound = lifecycle::reply_binding(&inbound).and_then(|(n, _)| i64::try_from(n).ok());
            let ours = bound.or_else(|| {
                inbound
                    .references
                    .iter()
                    .filter(|r| r.ends_with(&format!("@{}", p.support_domain)))
                    .find_map(|r| render::ticket_from_message_id(r))
            });
            let tag = lifecycle::subject_ticket_number(&inbound.subject);
            // A mail that names another one, or an engineer's, may read rows this batch
            // has not written yet.
            if !inbound.references.is_empty()
                || ours.is_some()
                || tag.is_some()
                || p.policy.workflow.engineer(&inbound.from.email).is_some()
            {
                cache.flush(tx, report).await?;
            }
            let mut ticket = tx.find_ticket(&inbound.references, ours, tag).await?;
            if let Some(t) = &ticket {
                let orgs = &p.policy.workflow.organisations;
                let engineer = p.policy.workflow.engineer(&inbound.from.email).is_some();
                if let (false, Err((from, of))) = (
                    engineer,
                    crate::ticket::organisation::may_thread(
                        orgs,
                        &inbound.from.email,
                        &t.requester,
                        Some(&t.mailbox),
                    ),
                ) {
                    warn!(ticket = t.number, sender = %inbound.from.email, sender_organisation = %from, ticket_organisation = %of, "Reply from another organisation not threaded: opening a new ticket.");
                    mismatch = Some((t.number, from, of));
                    ticket = None;
                }
            }
            // A closed ticket may turn into a new one (after the reopen window).
            let number = match &ticket {
                Some(t) if t.status != Status::Closed => 0,
                _ => cache.number(tx).await?,
            };
            // The loop budget counts only mails that look like a loop: an answer to one of
            // our own mails, or a text this sender already sent within the window.
            let sender = inbound.from.email.to_lowercase();
            let sent = cache.sent.get(&sender).copied().unwrap_or(0);
            let repeated = cache.seen_request(
                &sender,
                loop_budget::fingerprint(&inbound.subject, &inbound.new_text),
            );
            let looping = loop_budget::looks_like_loop(ours.is_some() || tag.is_some(), repeated);
            let recent = loop_budget::counted_mails(sent, looping, p.request_cap);
            lookups = load_lookups(tx, p, &inbound).await?;
            if let (Some(t), Some(_)) = (&ticket, p.policy.workflow.engineer(&inbound.from.email)) {
                lookups.request_text = tx.first_inbound_text(t.number).await?;
            }
            (ticket, number, recent)
        } else {
            (None, 0, 0)
        };
        let approval = match &ticket {
            Some(t) => tx.load_approval(t.number).await?,
            None => None,
        };
        let ctx = Context {
            approval: approval.as_ref(),
            ticket: ticket.as_ref(),
            new_number,
            recent_mails_to_sender: recent,
            mailbox: source.mailbox,
            open_counts: &lookups.open_counts,
            last_assignee: lookups.last_assignee.as_deref(),
            engineer_tickets: &lookups.engineer_tickets,
            shown_ticket: lookups.shown_ticket.as_ref(),
            request_text: lookups.request_text.as_deref(),
        };
        let decision = lifecycle::decide(&inbound, &verdict, &classification, &ctx, &p.policy, now);
        let enriched =
            crate::worker::knowledge::enrich(tx, p, &inbound, ticket.as_ref(), decision, now)
                .await?;
        let mut decision = enriched.decision;
        if let (Some((other, from, of)), Decision::Open { events, .. }) = (&mismatch, &mut decision) {
            events.push(crate::ticket::model::Event {
                at: now,
                actor: "supportbot".into(),
                kind: crate::ticket::model::EventKind::Note,
                from_value: None,
                to_value: None,
                detail: Some(format!(
                    "not threaded into ticket #{other}: the sender belongs to {from}, that ticket to {of}"
                )),
                message_id: Some(inbound.message_id.clone()),
            });
        }
        // Keep the loop budget current within the batch: a peer that mails twice in one
        // batch has used two of its mails.
        let outgoing: &[lifecycle::OutgoingMail] = match &decision {
            Decision::Open { outgoing, .. }
            | Decision::Append { outgoing, .. }
            | Decision::Approval { outgoing, .. }
            | Decision::Answer { outgoing } => outgoing,
            Decision::Ignore { .. } => &[],
        };
        for to in outgoing.iter().flat_map(|o| o.to.iter()) {
            *cache.sent.entry(to.email.to_lowercase()).or_default() += 1;
        }
        let number = match &decision {
            Decision::Open { ticket, .. } | Decision::Append { ticket, .. } => Some(ticket.number),
            _ => None,
        };
        let opened = matches!(decision, Decision::Open { .. });
        let pending = &mut cache.pending;
        apply(tx, p, source, raw, &inbound, decision, now, pending, report).await?;
        match number {
            Some(n) if opened => defer_kb_writes(tx, p, n, enriched.writes, now, pending).await,
            Some(n) => crate::worker::knowledge::store(tx, p, n, &enriched.writes, now).await,
            None => Ok(()),
        }
    }
    .instrument(span)
    .await
}

/// A new ticket's facts and suggestions go with its other pending rows; anything else
/// (a `#kb` draft reads the ticket back) is written at once, after the pending rows.
async fn defer_kb_writes(
    tx: &mut Tx,
    p: &Pipeline,
    number: i64,
    writes: Vec<crate::knowledge::intake::KbWrite>,
    now: Timestamp,
    pending: &mut PendingRows,
) -> Result<(), StoreError> {
    use crate::knowledge::intake::KbWrite;
    let mut rest = Vec::new();
    for w in writes {
        match w {
            KbWrite::Fact {
                kind,
                state,
                rule,
                value,
            } => pending.facts.push((
                number,
                kind.as_str().to_string(),
                state.as_str().to_string(),
                rule,
                value,
                now,
            )),
            KbWrite::Suggested {
                article,
                title,
                score,
                place,
            } => pending.suggestions.push((
                number,
                article,
                title,
                score,
                i64::try_from(place).unwrap_or(i64::MAX),
                now,
            )),
            other => rest.push(other),
        }
    }
    if rest.is_empty() {
        return Ok(());
    }
    tx.flush_pending(pending).await?;
    crate::worker::knowledge::store(tx, p, number, &rest, now).await
}

/// What the core may need besides the ticket: routing counts and `#list`/`#show` answers.
#[derive(Debug, Default)]
struct Lookups {
    open_counts: Vec<(String, u32)>,
    last_assignee: Option<String>,
    engineer_tickets: Vec<Ticket>,
    shown_ticket: Option<Ticket>,
    request_text: Option<String>,
}

async fn load_lookups(
    tx: &mut Tx,
    p: &Pipeline,
    inbound: &InboundMail,
) -> Result<Lookups, StoreError> {
    let mut l = Lookups::default();
    if p.policy.workflow.engineers.is_empty() {
        return Ok(l);
    }
    l.open_counts = tx.open_counts().await?;
    l.last_assignee = tx.last_assignee().await?;
    if let Some(e) = p.policy.workflow.engineer(&inbound.from.email) {
        let text = if inbound.text.trim().is_empty() {
            &inbound.new_text
        } else {
            &inbound.text
        };
        for c in command::parse_commands(text).commands {
            match c {
                Command::List => l.engineer_tickets = tx.engineer_open_tickets(&e.email).await?,
                Command::Show(n) => {
                    if let Ok(n) = i64::try_from(n) {
                        l.shown_ticket = tx.load_ticket(n).await?;
                    }
                }
                _ => {}
            }
        }
    }
    Ok(l)
}
