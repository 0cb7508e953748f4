//! One batch of raw mails → one transaction: parse, loop-guard, classify, decide, and
//! commit tickets, messages, events, outbox rows and processed marks together. Shared by
//! the IMAP worker, `once` and `ingest`. Nothing is flagged on the server here: the caller
//! does that after this returns Ok, so a crash before the commit only means a replay.

use crate::config::Config;
use crate::mail::parse::{self, ParseLimits};
use crate::mail::render::Renderer;
use crate::mail::InboundMail;
use crate::store::{Store, StoreError};
use crate::ticket::classify::Rules;
use crate::ticket::lifecycle::{Engineer, Policy, SlaTargets, WorkflowPolicy};
use crate::ticket::model::Timestamp;
use std::collections::BTreeMap;
use std::path::PathBuf;
use tracing::warn;

mod apply;
mod decide;

pub(crate) use apply::queue;
pub use apply::save_attachment;
use apply::{advance_state, quarantine};
use decide::{process_one, BatchCache};

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
    /// `loop_guard.max_requests_per_sender`: distinct requests acknowledged per window.
    pub request_cap: u32,
    /// The mailbox's `default_category`: used when the rules find nothing but `other`.
    pub default_category: Option<crate::ticket::model::Category>,
    /// Fact rules and the knowledge base (issue 10), reloaded when the folder changes.
    pub knowledge: crate::knowledge::live::LiveDesk,
    /// `[knowledge] dir`, resolved: where `#kb` drafts go.
    pub kb_dir: Option<PathBuf>,
}

/// The compiled rules and the knowledge desk: the largest part of a pipeline (the
/// regexes alone are tens of MiB on the built-in rules), identical for every mailbox of
/// one config, so they are built once per process and cloned (a clone of a compiled
/// regex shares its program).
#[derive(Debug, Clone)]
pub struct Compiled {
    pub rules: Rules,
    pub desk: crate::knowledge::intake::Desk,
}

impl Compiled {
    /// Read and compile `general.rules` (or the built-in rules) and load the knowledge base.
    pub fn from_config(cfg: &Config) -> anyhow::Result<Compiled> {
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
        let desk = super::knowledge::desk(cfg, rules_text.as_deref())?;
        Ok(Compiled { rules, desk })
    }
}

impl Pipeline {
    pub fn from_config(cfg: &Config) -> anyhow::Result<Pipeline> {
        Pipeline::with_compiled(cfg, Compiled::from_config(cfg)?)
    }

    /// The pipeline of `cfg` around rules compiled already (see [`Compiled`]).
    pub fn with_compiled(cfg: &Config, compiled: Compiled) -> anyhow::Result<Pipeline> {
        use anyhow::Context as _;
        let Compiled {
            rules,
            desk: knowledge,
        } = compiled;
        let custom = crate::mail::render::custom_dir(cfg);
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
            request_cap: cfg
                .loop_guard
                .max_requests_per_sender
                .max(cfg.loop_guard.max_mails_per_sender),
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
        approval: crate::ticket::approval::ApprovalPolicy {
            customer_consent: wf.customer_consent,
            pause_on_approval: wf.pause_on_approval,
            timeout: wf.approval_timeout.secs(),
        },
        organisations: cfg.organisations(),
        organisation: None,
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
    process_batch_sized(store, pipeline, source, mails, &[], now).await
}

/// [`process_batch`] where the mails whose (UID, `RFC822.SIZE`) is in `oversized` were
/// refused by their size: their `bytes` hold the header only, and they are quarantined
/// as too large without a body ever being fetched.
pub async fn process_batch_sized(
    store: &Store,
    pipeline: &Pipeline,
    source: &Source<'_>,
    mails: &[RawMail],
    oversized: &[(u32, usize)],
    now: Timestamp,
) -> Result<BatchReport, StoreError> {
    match process_in_tx(store, pipeline, source, mails, oversized, now).await {
        Ok(report) => Ok(report),
        Err(e) if e.is_transient() => Err(e),
        Err(e) if mails.len() > 1 => {
            warn!(error = %e, "Batch failed; retrying its mails one at a time.");
            let mut total = BatchReport::default();
            for mail in mails {
                let one = Box::pin(process_batch_sized(
                    store,
                    pipeline,
                    source,
                    std::slice::from_ref(mail),
                    oversized,
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
    oversized: &[(u32, usize)],
    now: Timestamp,
) -> Result<BatchReport, StoreError> {
    // Parse before taking the write lock: parsing is pure and the lock is shared.
    let parsed: Vec<Result<InboundMail, parse::ParseError>> = mails
        .iter()
        .map(
            |m| match m.uid.and_then(|u| oversized.iter().find(|(o, _)| *o == u)) {
                Some((_, size)) => Err(parse::ParseError::TooLarge {
                    size: *size,
                    limit: pipeline.limits.max_message_bytes,
                }),
                None => parse::parse_mail(&m.bytes, &pipeline.limits),
            },
        )
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
    cache.save(&mut tx, pipeline, now, &mut report).await?;
    if let Some(uid) = max_uid {
        advance_state(&mut tx, source, uid).await?;
    }
    tx.commit().await?;
    Ok(report)
}
