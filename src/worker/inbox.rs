//! The IMAP worker: fetch new UIDs in batches, hand each batch to the pipeline (one
//! transaction), and only after the commit flag the mails \Seen or move quarantined ones.
//! IDLE when the server offers it, polling otherwise, reconnecting with backoff.

use super::pipeline::{self, BatchReport, Pipeline, RawMail, Source};
use crate::clock;
use crate::config::Config;
use crate::mail::imap::{IdleOutcome, ImapError, ImapSettings, Inbox};
use crate::ops::metrics::MailboxLabel;
use crate::ops::{alert, Observer};
use crate::store::Store;
use anyhow::Context as _;
use std::time::Duration;
use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;
use tracing::{info, warn};

/// IMAP settings of the `[mailbox]` table.
pub fn imap_settings(cfg: &Config) -> ImapSettings {
    ImapSettings {
        host: cfg.mailbox.host.clone(),
        port: cfg.mailbox.port(),
        security: cfg.mailbox.security,
        username: cfg.mailbox.username.clone(),
        password: cfg.mailbox_password(),
        ca_file: cfg.mailbox.ca_file.as_ref().map(|p| cfg.resolve(p)),
        timeout: Duration::from_secs(60),
        oauth2: cfg
            .mailbox_oauth2()
            .map(|o| crate::mail::oauth2::OAuthLogin {
                mechanism: cfg.mailbox.auth,
                tokens: crate::mail::oauth2::TokenSource::new(o),
            }),
    }
}

/// Called after each committed batch (progress output).
pub type Progress<'a> = &'a (dyn Fn(&BatchReport, usize) + Sync);

/// Fetch and process everything new in the folder. Returns the merged report.
pub async fn fetch_new(
    inbox: &mut Inbox,
    store: &Store,
    pipeline: &Pipeline,
    cfg: &Config,
    outbox_wake: &Notify,
    progress: Progress<'_>,
) -> anyhow::Result<BatchReport> {
    let folder = &cfg.mailbox.folder;
    let state = inbox
        .select(folder)
        .await
        .context("Select the support folder")?;
    let mailbox = mailbox_key(cfg);
    let last = match store
        .mailbox_state(&mailbox)
        .await
        .context("Load mailbox state")?
    {
        Some((v, last)) if v == i64::from(state.uidvalidity) => last,
        Some((v, _)) => {
            warn!(
                old = v,
                new = state.uidvalidity,
                "UIDVALIDITY changed; resyncing by Message-ID."
            );
            0
        }
        None => 0,
    };
    let first = u32::try_from(last + 1).unwrap_or(1);
    let uids = inbox
        .search_uids_from(first)
        .await
        .context("Search new mail")?;
    let mut total = BatchReport::default();
    let source = Source {
        mailbox: &mailbox,
        uidvalidity: state.uidvalidity,
    };
    for chunk in uids.chunks(cfg.mailbox.batch_size.max(1)) {
        // Other daemons of a fleet may have committed some of these meanwhile: do not
        // fetch them again (the batch transaction re-checks under the mailbox claim).
        let done = committed_up_to(store, &mailbox, state.uidvalidity).await?;
        let chunk: Vec<u32> = chunk
            .iter()
            .copied()
            .filter(|u| i64::from(*u) > done)
            .collect();
        if chunk.is_empty() {
            continue;
        }
        // Sizes first: a mail over the limit is refused by its RFC822.SIZE, and only its
        // header is fetched (to name it), never its body.
        let limit = pipeline.limits.max_message_bytes;
        let oversized: Vec<(u32, usize)> = inbox
            .fetch_sizes(&chunk)
            .await
            .context("Fetch mail sizes")?
            .into_iter()
            .map(|(uid, size)| (uid, usize::try_from(size).unwrap_or(usize::MAX)))
            .filter(|(_, size)| *size > limit)
            .collect();
        let (big, small): (Vec<u32>, Vec<u32>) = chunk
            .iter()
            .partition(|u| oversized.iter().any(|(o, _)| o == *u));
        let mut fetched = inbox.fetch_raw(&small).await.context("Fetch mail")?;
        if !big.is_empty() {
            fetched.extend(
                inbox
                    .fetch_headers(&big)
                    .await
                    .context("Fetch mail headers")?,
            );
            fetched.sort_by_key(|(uid, _)| *uid);
        }
        let mails: Vec<RawMail> = fetched
            .into_iter()
            .map(|(uid, bytes)| RawMail {
                uid: Some(uid),
                bytes,
            })
            .collect();
        let report = pipeline::process_batch_sized(
            store,
            pipeline,
            &source,
            &mails,
            &oversized,
            clock::now(),
        )
        .await
        .context("Commit batch")?;
        failpoint("after_commit");
        // One INFO line per batch; the per-mail lines are DEBUG.
        info!(
            fetched = report.fetched,
            new_tickets = report.new_tickets,
            follow_ups = report.follow_ups,
            ignored = report.ignored.values().sum::<usize>(),
            duplicates = report.duplicates,
            quarantined = report.quarantined,
            queued = report.mails_queued,
            "Batch committed."
        );
        // Only now, with the batch committed, does the server learn we have it.
        if !report.done_uids.is_empty() {
            inbox
                .mark_seen(&report.done_uids)
                .await
                .context("Flag mail \\Seen")?;
        }
        if !report.quarantine_uids.is_empty() {
            inbox
                .move_to(&report.quarantine_uids, &cfg.mailbox.quarantine_folder)
                .await
                .context("Move mail to the quarantine folder")?;
        }
        if report.mails_queued > 0 {
            outbox_wake.notify_one();
        }
        total.merge(&report);
        progress(&report, uids.len());
    }
    Ok(total)
}

/// Flag the mail an earlier run committed but did not flag (it died between the commit
/// and the STORE): every UID up to the committed `last_uid` that is still unseen is set
/// `\Seen`, or moved to the quarantine folder if it was quarantined. Selects the folder.
pub async fn flag_committed(inbox: &mut Inbox, store: &Store, cfg: &Config) -> anyhow::Result<()> {
    let state = inbox
        .select(&cfg.mailbox.folder)
        .await
        .context("Select the support folder")?;
    let mailbox = mailbox_key(cfg);
    let last = committed_up_to(store, &mailbox, state.uidvalidity).await?;
    let last = u32::try_from(last).unwrap_or(0);
    if last == 0 {
        return Ok(());
    }
    let unflagged = inbox
        .search_unseen_upto(last)
        .await
        .context("Search committed but unflagged mail")?;
    if unflagged.is_empty() {
        return Ok(());
    }
    let quarantined = store
        .quarantined_uids(&mailbox, i64::from(state.uidvalidity), &unflagged)
        .await
        .context("Load quarantined UIDs")?;
    let (to_move, to_flag): (Vec<u32>, Vec<u32>) =
        unflagged.iter().partition(|u| quarantined.contains(u));
    if !to_flag.is_empty() {
        inbox
            .mark_seen(&to_flag)
            .await
            .context("Flag mail \\Seen")?;
    }
    if !to_move.is_empty() {
        inbox
            .move_to(&to_move, &cfg.mailbox.quarantine_folder)
            .await
            .context("Move mail to the quarantine folder")?;
    }
    info!(
        flagged = to_flag.len(),
        moved = to_move.len(),
        "Mail committed by an earlier run but left unflagged is flagged now."
    );
    Ok(())
}

/// The last UID committed for `mailbox` under this UIDVALIDITY (0: none or another one).
async fn committed_up_to(store: &Store, mailbox: &str, uidvalidity: u32) -> anyhow::Result<i64> {
    Ok(
        match store
            .mailbox_state(mailbox)
            .await
            .context("Load mailbox state")?
        {
            Some((v, last)) if v == i64::from(uidvalidity) => last,
            _ => 0,
        },
    )
}

/// Test-only crash points: `SUPPORTBOT_FAILPOINT=<name>` makes the process exit at once
/// (no cleanup, like a kill) when it reaches the point of that name.
fn failpoint(name: &str) {
    static POINT: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    let point = POINT.get_or_init(|| std::env::var("SUPPORTBOT_FAILPOINT").ok());
    if point.as_deref() == Some(name) {
        eprintln!("failpoint {name}: exiting");
        std::process::exit(86);
    }
}

/// The key of this mailbox in the processed marks: user@host/folder.
pub fn mailbox_key(cfg: &Config) -> String {
    format!(
        "{}@{}/{}",
        cfg.mailbox.username, cfg.mailbox.host, cfg.mailbox.folder
    )
}

/// The daemon's inbox loop: runs until `cancel`; reports to `obs` (connection state,
/// metrics, the OAuth2 token source).
#[allow(clippy::too_many_arguments)]
pub async fn run(
    store: Store,
    pipeline: &Pipeline,
    cfg: &Config,
    outbox_wake: &Notify,
    timer_wake: &Notify,
    cancel: CancellationToken,
    obs: &Observer,
) {
    let settings = imap_settings(cfg);
    let key = mailbox_key(cfg);
    obs.register_mailbox(&key, clock::now());
    if let Some(o) = &settings.oauth2 {
        obs.track_tokens(&key, &o.tokens);
    }
    let mut backoff = Duration::from_secs(1);
    let mut attempt = 0u64;
    while !cancel.is_cancelled() {
        if attempt > 0 {
            obs.metrics
                .imap_reconnects
                .get_or_create(&MailboxLabel {
                    mailbox: key.clone(),
                })
                .inc();
        }
        attempt += 1;
        let s = Session {
            settings: &settings,
            store: &store,
            pipeline,
            cfg,
            outbox_wake,
            timer_wake,
            cancel: &cancel,
            obs,
            key: &key,
        };
        match s.run().await {
            Ok(()) => return,
            Err(e) => {
                obs.mailbox_down(&key, &format!("{e:#}"), clock::now());
                if settings.oauth2.is_some() {
                    oauth2_outage(&store, cfg, &key, &e, obs, outbox_wake).await;
                }
                let auth = e
                    .downcast_ref::<ImapError>()
                    .is_some_and(|i| matches!(i, ImapError::Auth(_)));
                let store = e.chain().any(|c| c.is::<crate::store::StoreError>());
                if auth {
                    tracing::error!(error = %format!("{e:#}"), "IMAP login refused; check [mailbox] username/password.");
                } else if store {
                    // A disk or database problem, not the network: say so, so the operator
                    // looks at the right thing. The mail stays unflagged on the server.
                    tracing::error!(error = %format!("{e:#}"), retry_in = ?backoff, "Database unavailable; mail stays on the server, retrying.");
                } else {
                    warn!(error = %format!("{e:#}"), retry_in = ?backoff, "Mailbox connection lost; reconnecting.");
                }
            }
        }
        tokio::select! {
            _ = cancel.cancelled() => return,
            _ = tokio::time::sleep(backoff) => {}
        }
        backoff = (backoff * 2).min(Duration::from_secs(60));
    }
}

/// One connection's worth of the inbox loop.
struct Session<'a> {
    settings: &'a ImapSettings,
    store: &'a Store,
    pipeline: &'a Pipeline,
    cfg: &'a Config,
    outbox_wake: &'a Notify,
    timer_wake: &'a Notify,
    cancel: &'a CancellationToken,
    obs: &'a Observer,
    key: &'a str,
}

impl Session<'_> {
    async fn run(&self) -> anyhow::Result<()> {
        let (settings, cfg, cancel) = (self.settings, self.cfg, self.cancel);
        let mut inbox = Inbox::connect(settings)
            .await
            .context("Connect to the mailbox")?;
        info!(host = %settings.host, folder = %cfg.mailbox.folder, idle = inbox.supports_idle() && cfg.mailbox.idle, "Watching the mailbox.");
        flag_committed(&mut inbox, self.store, cfg).await?;
        let mut connected = false;
        // New or changed tickets may bring deadlines earlier than the timer's next wake-up.
        let quiet = |r: &BatchReport, _: usize| {
            if r.new_tickets + r.follow_ups > 0 {
                self.timer_wake.notify_one();
            }
        };
        loop {
            // Again until a pass finds nothing: mail that arrived while a batch was being
            // committed is announced in the replies to our commands, not in the next IDLE.
            loop {
                let woke = std::time::Instant::now();
                let r = fetch_new(
                    &mut inbox,
                    self.store,
                    self.pipeline,
                    cfg,
                    self.outbox_wake,
                    &quiet,
                )
                .await?;
                self.obs.metrics.record_batch(&r, woke.elapsed());
                if !connected {
                    // Logged in and the folder is readable: healthy.
                    connected = true;
                    self.obs.mailbox_up(self.key, clock::now());
                    if settings.oauth2.is_some() {
                        if let Err(e) = alert::clear(self.store, self.key, clock::now()).await {
                            warn!(error = %e, "Could not clear the OAuth2 outage marker.");
                        }
                    }
                }
                if cancel.is_cancelled() || (r.fetched == 0 && !inbox.has_pending_news()) {
                    break;
                }
            }
            if cancel.is_cancelled() {
                inbox.logout().await;
                return Ok(());
            }
            if cfg.mailbox.idle && inbox.supports_idle() {
                let (back, outcome) = inbox
                    .idle(cfg.mailbox.idle_timeout.0, cancel)
                    .await
                    .context("IDLE")?;
                inbox = back;
                if outcome == IdleOutcome::Cancelled {
                    inbox.logout().await;
                    return Ok(());
                }
            } else {
                tokio::select! {
                    _ = cancel.cancelled() => {
                        inbox.logout().await;
                        return Ok(());
                    }
                    _ = tokio::time::sleep(cfg.mailbox.poll_interval.0) => {}
                }
            }
        }
    }
}

/// After a failed OAuth2 login: when an operator must act (the refresh token is
/// refused, or the server refuses even a fresh token), mail the supervisors once per
/// outage and count it.
async fn oauth2_outage(
    store: &Store,
    cfg: &Config,
    key: &str,
    e: &anyhow::Error,
    obs: &Observer,
    outbox_wake: &Notify,
) {
    let operator = e.chain().any(|c| match c.downcast_ref::<ImapError>() {
        Some(ImapError::Token(t)) => t.needs_operator(),
        Some(ImapError::Auth(_)) => true,
        _ => false,
    });
    if !operator {
        return;
    }
    match alert::warn_once(store, cfg, key, &format!("{e:#}"), clock::now()).await {
        Ok(true) => {
            obs.metrics.oauth2_warnings.inc();
            tracing::error!(mailbox = %key, error = %format!("{e:#}"), "OAuth2 login fails; the supervisors were mailed what to do.");
            outbox_wake.notify_one();
        }
        Ok(false) => {
            tracing::error!(mailbox = %key, error = %format!("{e:#}"), "OAuth2 login still fails (supervisors already told).");
        }
        Err(se) => warn!(error = %se, "Could not queue the OAuth2 outage warning."),
    }
}
