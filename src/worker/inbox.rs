//! The IMAP worker: fetch new UIDs in batches, hand each batch to the pipeline (one
//! transaction), and only after the commit flag the mails \Seen or move quarantined ones.
//! IDLE when the server offers it, polling otherwise, reconnecting with backoff.

use super::pipeline::{self, BatchReport, Pipeline, RawMail, Source};
use crate::clock;
use crate::config::Config;
use crate::mail::imap::{IdleOutcome, ImapError, ImapSettings, Inbox};
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

/// The daemon's inbox loop: runs until `cancel`.
pub async fn run(
    store: Store,
    pipeline: &Pipeline,
    cfg: &Config,
    outbox_wake: &Notify,
    timer_wake: &Notify,
    cancel: CancellationToken,
) {
    let settings = imap_settings(cfg);
    let mut backoff = Duration::from_secs(1);
    while !cancel.is_cancelled() {
        match session(
            &settings,
            &store,
            pipeline,
            cfg,
            outbox_wake,
            timer_wake,
            &cancel,
        )
        .await
        {
            Ok(()) => return,
            Err(e) => {
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

async fn session(
    settings: &ImapSettings,
    store: &Store,
    pipeline: &Pipeline,
    cfg: &Config,
    outbox_wake: &Notify,
    timer_wake: &Notify,
    cancel: &CancellationToken,
) -> anyhow::Result<()> {
    let mut inbox = Inbox::connect(settings)
        .await
        .context("Connect to the mailbox")?;
    info!(host = %settings.host, folder = %cfg.mailbox.folder, idle = inbox.supports_idle() && cfg.mailbox.idle, "Watching the mailbox.");
    flag_committed(&mut inbox, store, cfg).await?;
    // New or changed tickets may bring deadlines earlier than the timer's next wake-up.
    let quiet = |r: &BatchReport, _: usize| {
        if r.new_tickets + r.follow_ups > 0 {
            timer_wake.notify_one();
        }
    };
    loop {
        // Again until a pass finds nothing: mail that arrived while a batch was being
        // committed is announced in the replies to our commands, not in the next IDLE.
        while fetch_new(&mut inbox, store, pipeline, cfg, outbox_wake, &quiet)
            .await?
            .fetched
            > 0
            || inbox.has_pending_news()
        {
            if cancel.is_cancelled() {
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
