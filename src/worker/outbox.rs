//! The outbox sender: claim due rows with a lease, send them over several SMTP
//! connections, then mark them sent, retried (backoff with jitter) or failed with the
//! server's reason. A dead SMTP server delays mail; it never loses it. The lease is short
//! and renewed by a heartbeat while the sender lives, so a killed sender's claims are
//! taken over within one lease; each claim is sized to a few seconds of sending.

use crate::clock;
use crate::config::Config;
use crate::mail::retry::{self, Retry, RetryPolicy};
use crate::mail::smtp::{SendFailure, SmtpClient, SmtpSettings};
use crate::store::{OutboxRow, Store, StoreError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tracing::{debug, error, info, warn};

/// How the sender works, from `[smtp]` and `[outbox]`.
#[derive(Debug, Clone)]
pub struct Sender {
    pub settings: SmtpSettings,
    pub connections: usize,
    pub policy: RetryPolicy,
    /// Seconds a claim is held without a heartbeat; a crashed sender's rows are taken
    /// over after it. The heartbeat renews it every third of it.
    pub lease: i64,
    /// Rows claimed by a connection's first round trip; later claims are sized to what
    /// that connection sent in [`CLAIM_SECS`].
    pub chunk: i64,
    /// This process's name on its claims (pid and a random part).
    pub owner: String,
    /// Deliveries recorded per database write (`outbox.record_every`).
    pub record_every: usize,
    /// SMTP connections kept open between rounds (a daemon acknowledging mail one by one
    /// would otherwise connect, EHLO and QUIT for every acknowledgement).
    pub idle: IdleConnections,
    /// Where deliveries are counted (the daemon's `/metrics`); None: not counted.
    pub metrics: Option<crate::ops::Metrics>,
}

/// Connections parked between delivery rounds, with when they were parked. Shared by the
/// clones of one [`Sender`].
#[derive(Debug, Clone, Default)]
pub struct IdleConnections(Arc<Mutex<Vec<(Instant, SmtpClient)>>>);

/// A parked connection older than this is closed rather than reused: well inside the
/// usual server idle timeouts (Postfix: 300 s), so a reused connection is still open.
const MAX_IDLE: Duration = Duration::from_secs(20);

/// A claim holds about this many seconds of one connection's sending.
pub const CLAIM_SECS: f64 = 2.0;
/// Largest claim, whatever the rate. A claimed row's rendered bytes are held until it is
/// sent, so this bounds the sender's memory (connections × MAX_CLAIM × mail size). At
/// 1,000, `bench`'s 4 connections held up to 4,000 acknowledgements (5.7 MiB of a 58 MiB
/// heap peak, small mails; one quoting a long request is many times larger).
const MAX_CLAIM: i64 = 200;

/// The next claim of a connection that sent `sent` mails in `elapsed`.
fn next_claim(sent: usize, elapsed: Duration) -> i64 {
    let secs = elapsed.as_secs_f64().max(0.001);
    let n = (sent as f64 / secs * CLAIM_SECS).round();
    if n.is_finite() {
        (n as i64).clamp(1, MAX_CLAIM)
    } else {
        MAX_CLAIM
    }
}

impl IdleConnections {
    fn take(&self) -> (Option<SmtpClient>, Vec<SmtpClient>) {
        let Ok(mut v) = self.0.lock() else {
            return (None, Vec::new());
        };
        let mut stale = Vec::new();
        while let Some((at, c)) = v.pop() {
            if at.elapsed() < MAX_IDLE && !c.is_broken() {
                return (Some(c), stale);
            }
            stale.push(c);
        }
        (None, stale)
    }

    /// Park `c`; returns it back when the pool is full (the caller closes it).
    fn park(&self, c: SmtpClient, cap: usize) -> Option<SmtpClient> {
        match self.0.lock() {
            Ok(mut v) if v.len() < cap && !c.is_broken() => {
                v.push((Instant::now(), c));
                None
            }
            _ => Some(c),
        }
    }
}

impl Sender {
    pub fn from_config(cfg: &Config) -> Sender {
        Sender {
            settings: SmtpSettings {
                host: cfg.smtp.host.clone(),
                port: cfg.smtp.port(),
                security: cfg.smtp.security,
                username: cfg.smtp.username.clone(),
                password: cfg.smtp_password(),
                ca_file: cfg.smtp.ca_file.as_ref().map(|p| cfg.resolve(p)),
                timeout: cfg.smtp.timeout.0,
                hello_name: cfg.support_domain().to_string(),
                oauth2: cfg.smtp_oauth2().map(|o| crate::mail::oauth2::OAuthLogin {
                    mechanism: cfg.smtp.auth,
                    tokens: crate::mail::oauth2::TokenSource::new(o),
                }),
            },
            connections: cfg.smtp.connections.max(1),
            policy: RetryPolicy {
                base_secs: cfg.outbox.retry_base.secs(),
                max_secs: cfg.outbox.retry_max.secs(),
                max_attempts: cfg.outbox.max_attempts,
            },
            lease: cfg.outbox.lease.secs().max(1),
            record_every: usize::try_from(cfg.outbox.record_every.max(1)).unwrap_or(1),
            chunk: 20,
            owner: format!("{}-{:016x}", std::process::id(), rand::random::<u64>()),
            idle: IdleConnections::default(),
            metrics: None,
        }
    }
}

/// What one delivery round did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct DeliveryReport {
    pub sent: usize,
    pub retried: usize,
    pub failed: usize,
}

impl DeliveryReport {
    fn add(&mut self, o: DeliveryReport) {
        self.sent += o.sent;
        self.retried += o.retried;
        self.failed += o.failed;
    }
}

/// Deliver everything due now, over up to `connections` connections in parallel; returns
/// when nothing due is left (or every connection failed: the rows wait for their retry).
pub async fn deliver_due(store: &Store, sender: &Sender) -> Result<DeliveryReport, StoreError> {
    let heartbeat = {
        let (store, owner, lease) = (store.clone(), sender.owner.clone(), sender.lease);
        tokio::spawn(async move { heartbeat(&store, &owner, lease).await })
    };
    let result = deliver_round(store, sender).await;
    heartbeat.abort();
    result
}

/// Renew this sender's claims every third of the lease, for as long as the round runs.
async fn heartbeat(store: &Store, owner: &str, lease: i64) {
    let every = Duration::from_millis(u64::try_from(lease.max(3) * 1000 / 3).unwrap_or(1000));
    loop {
        tokio::time::sleep(every).await;
        let now = clock::now();
        match store.renew_claims(owner, now, now + lease).await {
            Ok(n) => debug!(rows = n, "Outbox claims renewed."),
            Err(e) => {
                warn!(error = %e, "Outbox claims could not be renewed; another sender may take them over.")
            }
        }
    }
}

/// Wait for claims other senders hold on mail due now, and send that mail once they run
/// out: `once` must not return while sendable mail is held only by a dead sender's
/// lease. A live sender renews its claims meanwhile; after one lease they are left to it.
pub async fn take_over_stale_claims(
    store: &Store,
    sender: &Sender,
) -> Result<DeliveryReport, StoreError> {
    let mut total = DeliveryReport::default();
    let lease = Duration::from_secs(u64::try_from(sender.lease).unwrap_or(0));
    let give_up = Instant::now() + lease + Duration::from_secs(2);
    while let Some(until) = store
        .claims_held_by_others(&sender.owner, clock::now())
        .await?
    {
        let left = give_up.saturating_duration_since(Instant::now());
        if left.is_zero() {
            info!("Outbox mail is claimed by another running sender; leaving it to it.");
            break;
        }
        let secs = u64::try_from((until - clock::now()).max(0) + 1).unwrap_or(1);
        info!(
            wait_secs = secs,
            "Waiting for outbox claims of a stopped sender to run out."
        );
        tokio::time::sleep(Duration::from_secs(secs).min(left)).await;
        total.add(deliver_due(store, sender).await?);
    }
    Ok(total)
}

async fn deliver_round(store: &Store, sender: &Sender) -> Result<DeliveryReport, StoreError> {
    let mut tasks = tokio::task::JoinSet::new();
    for worker in 0..sender.connections {
        let store = store.clone();
        let sender = sender.clone();
        tasks.spawn(async move { deliver_worker(&store, &sender, worker).await });
    }
    let mut total = DeliveryReport::default();
    let mut first_err = None;
    while let Some(res) = tasks.join_next().await {
        match res {
            Ok(Ok(r)) => total.add(r),
            Ok(Err(e)) => {
                first_err.get_or_insert(e);
            }
            Err(join) => error!(error = %join, "Outbox worker task failed."),
        }
    }
    match first_err {
        Some(e) if total == DeliveryReport::default() => Err(e),
        Some(e) => {
            warn!(error = %e, "Outbox round ended with a store error.");
            Ok(total)
        }
        None => Ok(total),
    }
}

async fn deliver_worker(
    store: &Store,
    sender: &Sender,
    worker: usize,
) -> Result<DeliveryReport, StoreError> {
    let mut report = DeliveryReport::default();
    let mut client: Option<SmtpClient> = None;
    let mut parked = false;
    // The current client came from the idle pool and has not sent yet.
    let mut reused = false;
    let mut claim = sender.chunk.max(1);
    loop {
        let rows = store
            .claim_outbox_as(clock::now(), sender.lease, claim, &sender.owner)
            .await?;
        if rows.is_empty() {
            break;
        }
        let started = Instant::now();
        let claimed = rows.len();
        debug!(worker, rows = rows.len(), "Outbox rows claimed.");
        if client.is_none() && !parked {
            parked = true;
            let (idle, stale) = sender.idle.take();
            reused = idle.is_some();
            client = idle;
            for c in stale {
                c.quit().await;
            }
        }
        // Delivered (250) but not yet recorded; at most `record_every` of them.
        let mut delivered: Vec<i64> = Vec::new();
        let mut rows = rows.into_iter();
        while let Some(row) = rows.next() {
            if client.as_ref().is_none_or(SmtpClient::is_broken) {
                match SmtpClient::connect(&sender.settings).await {
                    Ok(c) => client = Some(c),
                    Err(e) => {
                        // No connection: every claimed row waits for its retry.
                        warn!(worker, error = %e, "SMTP connection failed; mail stays queued.");
                        record(store, sender, &mut delivered, &mut report).await?;
                        for r in std::iter::once(row).chain(rows.by_ref()) {
                            retry_row(store, sender, &r, &e, &mut report).await?;
                        }
                        return Ok(report);
                    }
                }
            }
            let Some(c) = client.as_mut() else { continue };
            let mut result = c.send_raw(&row.env_from, &row.env_to, &row.bytes).await;
            if reused && result.is_err() && c.is_broken() {
                // A parked connection the server closed meanwhile: try once on a new one
                // rather than delaying the mail by a retry interval.
                if let Ok(mut fresh) = SmtpClient::connect(&sender.settings).await {
                    result = fresh.send_raw(&row.env_from, &row.env_to, &row.bytes).await;
                    client = Some(fresh);
                }
            }
            reused = false;
            match result {
                // Recorded right after the server's 250 (by default one by one): a crash
                // then resends at most the mails delivered but not yet recorded.
                Ok(()) => {
                    if let Some(m) = &sender.metrics {
                        m.mails_sent
                            .get_or_create(&crate::ops::metrics::KindLabel {
                                kind: row.kind.clone(),
                            })
                            .inc();
                    }
                    delivered.push(row.id);
                    if delivered.len() >= sender.record_every {
                        record(store, sender, &mut delivered, &mut report).await?;
                    }
                }
                Err(e) => retry_row(store, sender, &row, &e, &mut report).await?,
            }
        }
        record(store, sender, &mut delivered, &mut report).await?;
        claim = next_claim(claimed, started.elapsed());
    }
    if let Some(c) = client {
        if let Some(c) = sender.idle.park(c, sender.connections) {
            c.quit().await;
        }
    }
    Ok(report)
}

/// Record delivered rows as sent.
async fn record(
    store: &Store,
    sender: &Sender,
    delivered: &mut Vec<i64>,
    report: &mut DeliveryReport,
) -> Result<(), StoreError> {
    if delivered.is_empty() {
        return Ok(());
    }
    // These mails are already with the server: if the database is briefly gone (restart,
    // dropped connection), keep trying to record them rather than leave their claim to
    // run out and have them sent a second time.
    let mut pause = Duration::from_millis(100);
    let give_up = Instant::now() + Duration::from_secs(10);
    let now = loop {
        let now = clock::now();
        match store.mark_sent(delivered, now).await {
            Ok(()) => break now,
            Err(e) if e.is_transient() && Instant::now() < give_up => {
                warn!(error = %e, rows = delivered.len(), "Recording sent mail failed; retrying.");
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(Duration::from_secs(2));
            }
            Err(e) => return Err(e),
        }
    };
    if let Some(m) = &sender.metrics {
        // Whole seconds: created_at has second resolution.
        for created in store.outbox_created_at(delivered).await.unwrap_or_default() {
            m.commit_to_sent.observe((now - created).max(0) as f64);
        }
    }
    report.sent += delivered.len();
    delivered.clear();
    Ok(())
}

async fn retry_row(
    store: &Store,
    sender: &Sender,
    row: &OutboxRow,
    failure: &SendFailure,
    report: &mut DeliveryReport,
) -> Result<(), StoreError> {
    let permanent = matches!(failure, SendFailure::Permanent(_));
    let attempts = u32::try_from(row.attempts + 1).unwrap_or(u32::MAX);
    let jitter = rand::random::<f64>();
    match retry::next_attempt(&sender.policy, attempts, permanent, clock::now(), jitter) {
        Retry::At(at) => {
            info!(message_id = %row.message_id, attempts, error = %failure, "Delivery failed; will retry.");
            store.mark_retry(row.id, &failure.to_string(), at).await?;
            report.retried += 1;
            count_failure(sender, "retry");
        }
        Retry::GiveUp => {
            error!(message_id = %row.message_id, attempts, error = %failure, "Delivery failed for good; mail marked failed.");
            store.mark_failed(row.id, &failure.to_string()).await?;
            report.failed += 1;
            count_failure(sender, "failed");
        }
    }
    Ok(())
}

fn count_failure(sender: &Sender, outcome: &str) {
    if let Some(m) = &sender.metrics {
        m.delivery_failures
            .get_or_create(&crate::ops::metrics::OutcomeLabel {
                outcome: outcome.into(),
            })
            .inc();
    }
}

/// How long the daemon's sender may sleep: until the next due row, at most `max`.
pub async fn sleep_hint(store: &Store, max: Duration) -> Duration {
    match store.next_outbox_due().await {
        Ok(Some(due)) => {
            let secs = (due - clock::now()).max(0);
            Duration::from_secs(u64::try_from(secs).unwrap_or(0)).min(max)
        }
        _ => max,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claims_hold_a_few_seconds_of_sending() {
        // (sent, elapsed ms) -> next claim
        let cases = [
            (5, 100, 100),
            (20, 2000, 20),
            (5, 10_000, 1),
            (1, 60_000, 1),
            (1000, 10, MAX_CLAIM),
            (0, 0, 1),
        ];
        for (sent, ms, want) in cases {
            assert_eq!(
                next_claim(sent, Duration::from_millis(ms)),
                want,
                "{sent} {ms}"
            );
        }
    }
}
