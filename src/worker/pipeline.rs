//! One batch of raw mails → one transaction: parse, loop-guard, classify, decide, and
//! commit tickets, messages, events, outbox rows and processed marks together. Shared by
//! the IMAP worker, `once` and `ingest`. Nothing is flagged on the server here: the caller
//! does that after this returns Ok, so a crash before the commit only means a replay.

use crate::config::Config;
use crate::mail::loopguard::{self, MailKind};
use crate::mail::parse::{self, ParseLimits};
use crate::mail::render::{self, Renderer};
use crate::mail::InboundMail;
use crate::store::{NewMessage, Store, StoreError, Tx};
use crate::ticket::classify::Rules;
use crate::ticket::command::{self, Command};
use crate::ticket::lifecycle::{
    self, Context, Decision, Engineer, Policy, SlaTargets, WorkflowPolicy,
};
use crate::ticket::model::{Classification, Timestamp};
use crate::ticket::model::{Status, Ticket};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use tracing::{info, info_span, warn, Instrument};

/// Everything needed to turn mail into tickets, built once from the config.
#[derive(Debug)]
pub struct Pipeline {
    pub rules: Rules,
    pub renderer: Renderer,
    pub policy: Policy,
    pub limits: ParseLimits,
    /// Our own addresses: mail from them is a loop.
    pub own_addresses: Vec<String>,
    pub support_domain: String,
    pub data_dir: PathBuf,
    /// Loop-guard window in seconds.
    pub loop_window: i64,
    /// Who is told (once per correspondent and window) that the loop budget tripped:
    /// the supervisors, else `sla.escalate_to`. Empty: only the log warning.
    pub loop_alert_to: Vec<String>,
    /// The mailbox's `default_category`: used when the rules find nothing but `other`.
    pub default_category: Option<crate::ticket::model::Category>,
    /// Fact rules and the knowledge base (issue 10), reloaded when the folder changes.
    pub knowledge: crate::knowledge::live::LiveDesk,
    /// `[knowledge] dir`, resolved: where `#kb` drafts go.
    pub kb_dir: Option<PathBuf>,
}

impl Pipeline {
    pub fn from_config(cfg: &Config) -> anyhow::Result<Pipeline> {
        use anyhow::Context as _;
        let mut rules_text = None;
        let rules = match &cfg.general.rules {
            Some(p) => {
                let path = cfg.resolve(p);
                let text = std::fs::read_to_string(&path)
                    .with_context(|| format!("Read rules file {}", path.display()))?;
                let r = Rules::from_toml(&text)
                    .with_context(|| format!("Rules file {}", path.display()))?;
                rules_text = Some(text);
                r
            }
            None => Rules::builtin().context("Built-in rules")?,
        };
        let knowledge = super::knowledge::desk(cfg, rules_text.as_deref())?;
        let custom = render::custom_dir(cfg);
        let renderer = Renderer::new(&cfg.from_header(), cfg.support_domain(), custom.as_deref())
            .context("Load templates")?;
        let sla = &cfg.sla;
        let targets =
            |f: fn(&crate::config::Target) -> i64| [f(&sla.p1), f(&sla.p2), f(&sla.p3), f(&sla.p4)];
        let timezone: chrono_tz::Tz = cfg
            .general
            .timezone
            .parse()
            .map_err(|e| anyhow::anyhow!("general.timezone: {e}"))?;
        let mut own = vec![cfg.mailbox.address.to_lowercase()];
        if let Some(from) = &cfg.smtp.from {
            if let Ok(mb) = from.parse::<lettre::message::Mailbox>() {
                own.push(mb.email.to_string().to_lowercase());
            }
        }
        own.dedup();
        Ok(Pipeline {
            rules,
            renderer,
            policy: Policy {
                sla: SlaTargets {
                    respond: targets(|t| t.respond.secs()),
                    resolve: targets(|t| t.resolve.secs()),
                },
                support_address: cfg.mailbox.address.clone(),
                desk_name: cfg.general.desk_name.clone(),
                timezone,
                loop_budget: cfg.loop_guard.max_mails_per_sender,
                workflow: workflow_policy(cfg),
                calendar: cfg.calendar(),
            },
            limits: ParseLimits {
                max_message_bytes: cfg.general.max_message_bytes,
            },
            own_addresses: own,
            support_domain: cfg.support_domain().to_string(),
            data_dir: cfg.data_dir(),
            loop_window: cfg.loop_guard.window.secs(),
            loop_alert_to: cfg.supervisors(),
            default_category: cfg
                .mailbox
                .default_category
                .as_deref()
                .and_then(|c| c.parse().ok()),
            knowledge: crate::knowledge::live::LiveDesk::new(knowledge, cfg.knowledge_dir()),
            kb_dir: cfg.knowledge_dir(),
        })
    }
}

/// The `[workflow]` and `[[engineers]]` config as the pure core sees it.
pub fn workflow_policy(cfg: &Config) -> WorkflowPolicy {
    let engineers = cfg
        .engineers
        .iter()
        .map(|e| Engineer {
            name: e.name.trim().to_string(),
            email: e.email.trim().to_ascii_lowercase(),
            categories: e.categories.iter().filter_map(|c| c.parse().ok()).collect(),
            supervisor: e.supervisor,
            lang: match e.languages.first().map(|l| l.trim().to_ascii_lowercase()) {
                Some(l) if l.starts_with("zh") => "zh",
                _ => "en",
            },
        })
        .collect();
    let wf = &cfg.workflow;
    WorkflowPolicy {
        engineers,
        secret: cfg.workflow_secret().expose().as_bytes().to_vec(),
        token_max_age: wf.token_max_age.0.as_secs(),
        trusted_authserv_ids: wf
            .trusted_authserv_ids
            .iter()
            .map(|s| s.trim().to_ascii_lowercase())
            .collect(),
        auto_close_after: wf.auto_close_after.secs(),
        reopen_window: wf.reopen_window.secs(),
    }
}

/// One fetched mail: its UID (None when piped in) and raw bytes.
#[derive(Debug, Clone)]
pub struct RawMail {
    pub uid: Option<u32>,
    pub bytes: Vec<u8>,
}

/// What a batch did, for progress output and the `once` summary.
#[derive(Debug, Default, Clone)]
pub struct BatchReport {
    pub fetched: usize,
    pub new_tickets: usize,
    pub follow_ups: usize,
    pub ignored: BTreeMap<String, usize>,
    pub quarantined: usize,
    pub duplicates: usize,
    pub acks_queued: usize,
    pub mails_queued: usize,
    /// UIDs to flag \Seen on the server after the commit.
    pub done_uids: Vec<u32>,
    /// UIDs to move to the quarantine folder after the commit.
    pub quarantine_uids: Vec<u32>,
    /// Tickets opened or updated (numbers), in order.
    pub tickets: Vec<i64>,
    /// (category, priority) of each ticket opened, for the metrics.
    pub opened: Vec<(String, String)>,
}

impl BatchReport {
    pub fn merge(&mut self, other: &BatchReport) {
        self.fetched += other.fetched;
        self.new_tickets += other.new_tickets;
        self.follow_ups += other.follow_ups;
        for (k, v) in &other.ignored {
            *self.ignored.entry(k.clone()).or_default() += v;
        }
        self.quarantined += other.quarantined;
        self.duplicates += other.duplicates;
        self.acks_queued += other.acks_queued;
        self.mails_queued += other.mails_queued;
        self.opened.extend(other.opened.iter().cloned());
    }
}

/// Where a batch came from, for the processed marks.
#[derive(Debug, Clone)]
pub struct Source<'a> {
    pub mailbox: &'a str,
    pub uidvalidity: u32,
}

/// Process a batch in one transaction. On a transient store error nothing is committed and
/// the error is returned (the caller retries later, nothing is flagged). On any other
/// store error the batch is replayed one mail at a time, and a mail that still fails is
/// quarantined with the error as its reason, so one bad mail never blocks the rest.
pub async fn process_batch(
    store: &Store,
    pipeline: &Pipeline,
    source: &Source<'_>,
    mails: &[RawMail],
    now: Timestamp,
) -> Result<BatchReport, StoreError> {
    match process_in_tx(store, pipeline, source, mails, now).await {
        Ok(report) => Ok(report),
        Err(e) if e.is_transient() => Err(e),
        Err(e) if mails.len() > 1 => {
            warn!(error = %e, "Batch failed; retrying its mails one at a time.");
            let mut total = BatchReport::default();
            for mail in mails {
                let one = Box::pin(process_batch(
                    store,
                    pipeline,
                    source,
                    std::slice::from_ref(mail),
                    now,
                ))
                .await?;
                total.merge(&one);
                total.done_uids.extend(one.done_uids);
                total.quarantine_uids.extend(one.quarantine_uids);
                total.tickets.extend(one.tickets);
            }
            Ok(total)
        }
        Err(e) => {
            // A single mail that the store rejects for a non-transient reason.
            let Some(mail) = mails.first() else {
                return Err(e);
            };
            warn!(error = %e, uid = ?mail.uid, "Mail could not be stored; quarantining it.");
            let mut tx = store.begin().await?;
            if let (Some(uid), Some((v, last))) =
                (mail.uid, tx.claim_mailbox(source.mailbox).await?)
            {
                if v == i64::from(source.uidvalidity) && i64::from(uid) <= last {
                    // Another daemon stored it meanwhile.
                    tx.rollback().await?;
                    return Ok(BatchReport::default());
                }
            }
            let mut report = BatchReport {
                fetched: 1,
                ..Default::default()
            };
            let id = parse::synthetic_message_id(&mail.bytes);
            quarantine(
                &mut tx,
                source,
                mail,
                &id,
                &format!("store error: {e}"),
                true,
                now,
                &mut report,
            )
            .await?;
            if let Some(uid) = mail.uid {
                advance_state(&mut tx, source, uid).await?;
            }
            tx.commit().await?;
            Ok(report)
        }
    }
}

async fn process_in_tx(
    store: &Store,
    pipeline: &Pipeline,
    source: &Source<'_>,
    mails: &[RawMail],
    now: Timestamp,
) -> Result<BatchReport, StoreError> {
    // Parse before taking the write lock: parsing is pure and the lock is shared.
    let parsed: Vec<Result<InboundMail, parse::ParseError>> = mails
        .iter()
        .map(|m| parse::parse_mail(&m.bytes, &pipeline.limits))
        .collect();
    let mut tx = store.begin().await?;
    // Several daemons may watch this mailbox: wait for the claim, then skip the UIDs a
    // daemon committed while this one was fetching (it flags them; we must not).
    let done_up_to = match tx.claim_mailbox(source.mailbox).await? {
        Some((v, last)) if v == i64::from(source.uidvalidity) => last,
        _ => 0,
    };
    let work: Vec<(&RawMail, Result<InboundMail, parse::ParseError>)> = mails
        .iter()
        .zip(parsed)
        .filter(|(m, _)| m.uid.is_none_or(|u| i64::from(u) > done_up_to))
        .collect();
    let mut report = BatchReport {
        fetched: work.len(),
        ..Default::default()
    };
    if work.is_empty() {
        tx.rollback().await?;
        return Ok(report);
    }
    let mut cache = BatchCache::load(&mut tx, &work, pipeline, now).await?;
    let mut max_uid = None;
    for (mail, inbound) in work {
        process_one(
            &mut tx,
            pipeline,
            source,
            mail,
            inbound,
            &mut cache,
            now,
            &mut report,
        )
        .await?;
        max_uid = max_uid.max(mail.uid);
    }
    if let Some(uid) = max_uid {
        advance_state(&mut tx, source, uid).await?;
    }
    tx.commit().await?;
    Ok(report)
}

async fn advance_state(tx: &mut Tx, source: &Source<'_>, uid: u32) -> Result<(), StoreError> {
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

/// What one batch learns from the database up front, kept current as mails are applied,
/// so each mail costs no lookup round trips of its own.
struct BatchCache {
    /// Message-IDs already processed (before or earlier in this batch).
    processed: HashSet<String>,
    /// Mails queued per recipient within the loop-guard window.
    sent: HashMap<String, u32>,
    /// The next free ticket number (SQLite: the transaction holds the only write lock).
    next_number: Option<i64>,
}

impl BatchCache {
    async fn load(
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
        Ok(BatchCache {
            processed: tx.processed_among(&ids).await?,
            sent: tx.sent_counts(&senders, now - p.loop_window).await?,
            next_number: None,
        })
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
async fn process_one(
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
            let ticket = tx.find_ticket(&inbound.references, ours, tag).await?;
            // A closed ticket may turn into a new one (after the reopen window).
            let number = match &ticket {
                Some(t) if t.status != Status::Closed => 0,
                _ => cache.number(tx).await?,
            };
            let recent = cache
                .sent
                .get(&inbound.from.email.to_lowercase())
                .copied()
                .unwrap_or(0);
            lookups = load_lookups(tx, p, &inbound).await?;
            if let (Some(t), Some(_)) = (&ticket, p.policy.workflow.engineer(&inbound.from.email)) {
                lookups.request_text = tx.first_inbound_text(t.number).await?;
            }
            (ticket, number, recent)
        } else {
            (None, 0, 0)
        };
        let ctx = Context {
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
            super::knowledge::enrich(tx, p, &inbound, ticket.as_ref(), decision, now).await?;
        let decision = enriched.decision;
        // Keep the loop budget current within the batch: a peer that mails twice in one
        // batch has used two of its mails.
        let outgoing: &[lifecycle::OutgoingMail] = match &decision {
            Decision::Open { outgoing, .. }
            | Decision::Append { outgoing, .. }
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
        apply(tx, p, source, raw, &inbound, decision, now, report).await?;
        match number {
            Some(n) => super::knowledge::store(tx, p, n, &enriched.writes, now).await,
            None => Ok(()),
        }
    }
    .instrument(span)
    .await
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

#[allow(clippy::too_many_arguments)]
async fn apply(
    tx: &mut Tx,
    p: &Pipeline,
    source: &Source<'_>,
    raw: &RawMail,
    inbound: &InboundMail,
    decision: Decision,
    now: Timestamp,
    report: &mut BatchReport,
) -> Result<(), StoreError> {
    let sha = hex::encode(Sha256::digest(&raw.bytes));
    let raw_id = tx.insert_raw(&sha, &raw.bytes, now).await?;
    let (outcome, reason, ticket_no) = match decision {
        Decision::Ignore { kind, reason } => {
            info!(kind = kind.as_str(), reason = %reason, "Mail ignored: not a request.");
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
            if inbound.from.email.contains('@')
                && events
                    .iter()
                    .any(|e| e.kind == crate::ticket::model::EventKind::LoopSuppressed)
            {
                warn!(sender = %inbound.from.email, ticket = ticket.number, "Loop budget tripped: acknowledgement suppressed.");
                let alert = loop_alert(p, &inbound.from.email, ticket.number, now);
                queue(tx, p, &alert, now, report).await?;
            }
            info!(ticket = ticket.number, category = %ticket.category, priority = %ticket.priority, "Ticket opened.");
            report.new_tickets += 1;
            report.tickets.push(ticket.number);
            report
                .opened
                .push((ticket.category.to_string(), ticket.priority.to_string()));
            ("ticket", None, Some(ticket.number))
        }
        Decision::Append {
            ticket,
            events,
            outgoing,
            internal,
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
            info!(ticket = ticket.number, "Follow-up added to ticket.");
            report.follow_ups += 1;
            report.tickets.push(ticket.number);
            ("follow_up", None, Some(ticket.number))
        }
        Decision::Answer { outgoing } => {
            queue(tx, p, &outgoing, now, report).await?;
            info!(sender = %inbound.from.email, "Engineer command answered.");
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

/// Render and queue outgoing mails (shared with the sweep).
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

async fn duplicate(
    tx: &mut Tx,
    source: &Source<'_>,
    raw: &RawMail,
    message_id: &str,
    report: &mut BatchReport,
) -> Result<(), StoreError> {
    info!(uid = ?raw.uid, message_id, "Duplicate mail: already processed.");
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
async fn quarantine(
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
