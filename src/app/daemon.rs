//! The daemon (`run`): inbox, outbox and SLA timer loops on a TaskTracker, SIGHUP reload
//! between batches, shutdown on SIGTERM/SIGINT after the current mail (30 s grace).

use super::{load, mailbox_pipelines, ready_store};
use crate::cli::Cli;
use crate::clock;
use crate::config::Config;
use crate::store::Store;
use crate::worker::inbox;
use crate::worker::outbox::{self, Sender};
use crate::worker::pipeline::{Compiled, Pipeline};
use crate::worker::timers;
use anyhow::Context as _;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;
use tracing::{error, info};

/// The daemon: inbox and outbox loops until `shutdown` resolves.
pub async fn run(
    cli: &Cli,
    shutdown: impl std::future::Future<Output = ()>,
) -> anyhow::Result<ExitCode> {
    let cfg = Arc::new(load(cli)?);
    // Rules, templates and timers first: a bad file fails before anything starts.
    mailbox_pipelines(&cfg, &Compiled::from_config(&cfg)?)?;
    timers::Timers::from_config(&cfg)?;
    let store = ready_store(&cfg).await?;
    let obs = crate::ops::Observer::new();
    let mut sender = Sender::from_config(&cfg);
    sender.metrics = Some(obs.metrics.clone());
    if let Some(o) = &sender.settings.oauth2 {
        // An SMTP token that cannot be refreshed shows in /healthz and /metrics (its
        // warning could not be mailed anyway).
        obs.track_tokens("smtp", &o.tokens);
    }
    let cancel = CancellationToken::new();
    let tracker = TaskTracker::new();
    let wake = Arc::new(Notify::new());
    // Woken by the inbox when a batch opened or changed tickets, so a new ticket's
    // deadlines are scheduled at once rather than at the next capped wake-up.
    let timer_wake = Arc::new(Notify::new());
    info!(
        version = env!("CARGO_PKG_VERSION"),
        database = store.backend(),
        "supportbot started."
    );
    if let Some(listen) = &cfg.http.listen {
        let listener = tokio::net::TcpListener::bind(listen)
            .await
            .with_context(|| format!("Listen on http.listen {listen}"))?;
        info!(listen = %listen, "Serving /healthz, /readyz and /metrics.");
        let (obs, store, cancel) = (obs.clone(), store.clone(), cancel.clone());
        let max_age = cfg.http.outbox_max_age_secs();
        tracker.spawn(async move {
            crate::ops::http::serve(listener, obs, store, max_age, cancel).await
        });
    }
    {
        let (obs, store, cancel) = (obs.clone(), store.clone(), cancel.clone());
        tracker.spawn(async move { obs.heartbeat_loop(store, cancel).await });
    }
    let outbox_cancel = CancellationToken::new();
    {
        let (store, sender, wake, cancel) = (
            store.clone(),
            sender.clone(),
            wake.clone(),
            outbox_cancel.clone(),
        );
        tracker.spawn(async move { outbox_loop(store, sender, &wake, cancel).await });
    }
    let mut generation = Generation::spawn(&cfg, &store, &obs, &wake, &timer_wake)?;
    tracker.close();

    // systemd: READY=1 once migrated and logged in to every mailbox; WATCHDOG=1 from
    // this loop; SIGHUP reloads rules, templates (and the knowledge base) by restarting
    // the mail workers on a new config between batches.
    let mut hangup = hangup_signal();
    let watchdog = crate::ops::notify::watchdog_interval();
    let mut ready = false;
    tokio::pin!(shutdown);
    loop {
        tokio::select! {
            _ = &mut shutdown => break,
            _ = obs.first_login(&cancel), if !ready => {
                ready = true;
                obs.set_ready(true);
                crate::ops::notify::notify("READY=1");
                info!("Ready: database migrated, every mailbox logged in.");
            }
            _ = recv_hangup(&mut hangup) => {
                match load(cli).and_then(|c| {
                    let c = Arc::new(c);
                    mailbox_pipelines(&c, &Compiled::from_config(&c)?)?;
                    timers::Timers::from_config(&c)?;
                    Ok(c)
                }) {
                    Ok(new) => {
                        crate::ops::notify::notify("RELOADING=1");
                        info!("SIGHUP: reloading rules, templates and the knowledge base.");
                        generation.stop().await;
                        match Generation::spawn(&new, &store, &obs, &wake, &timer_wake) {
                            Ok(g) => generation = g,
                            Err(e) => {
                                error!(error = %format!("{e:#}"), "Reload failed; keeping the old config.");
                                generation = Generation::spawn(&cfg, &store, &obs, &wake, &timer_wake)?;
                            }
                        }
                        crate::ops::notify::notify("READY=1");
                    }
                    Err(e) => error!(error = %format!("{e:#}"), "SIGHUP: the new config is not valid; keeping the old one."),
                }
            }
            _ = tokio::time::sleep(watchdog.unwrap_or(Duration::from_secs(3600))) => {
                if watchdog.is_some() {
                    crate::ops::notify::notify("WATCHDOG=1");
                }
            }
        }
    }
    info!("Shutdown requested; finishing the current batch.");
    crate::ops::notify::notify("STOPPING=1");
    obs.set_stopping();
    generation.stop().await;
    // Then flush the outbox once more, bounded, so the batch's acknowledgements go out.
    outbox_cancel.cancel();
    match tokio::time::timeout(
        Duration::from_secs(10),
        outbox::deliver_due(&store, &sender),
    )
    .await
    {
        Ok(Ok(r)) if r.sent > 0 => info!(sent = r.sent, "Outbox flushed before exit."),
        Ok(_) => {}
        Err(_) => {
            tracing::warn!("Outbox flush took longer than 10 s; the rest goes out on restart.")
        }
    }
    cancel.cancel();
    if tokio::time::timeout(Duration::from_secs(30), tracker.wait())
        .await
        .is_err()
    {
        error!("Workers did not stop within 30 s; exiting anyway (unfinished work is retried on restart).");
    }
    store.close().await;
    info!("supportbot stopped.");
    Ok(ExitCode::SUCCESS)
}

/// The workers that depend on the config's rules and templates (inbox per mailbox,
/// auto-close sweep, SLA timer): restarted as a whole on SIGHUP, each between batches.
struct Generation {
    cancel: CancellationToken,
    tracker: TaskTracker,
}

impl Generation {
    fn spawn(
        cfg: &Arc<Config>,
        store: &Store,
        obs: &crate::ops::Observer,
        wake: &Arc<Notify>,
        timer_wake: &Arc<Notify>,
    ) -> anyhow::Result<Generation> {
        // Pipeline::from_config loads rules and templates (and is where the knowledge
        // base is loaded): a new generation is the reload.
        // Compiled once: every mailbox's pipeline and the sweep's share the rules.
        let compiled = Compiled::from_config(cfg)?;
        let pipeline = Arc::new(Pipeline::with_compiled(cfg, compiled.clone())?);
        let timers = timers::Timers::from_config(cfg)?;
        let cancel = CancellationToken::new();
        let tracker = TaskTracker::new();
        // One inbox task per mailbox, each with its own pipeline (its support address is
        // the From of its acknowledgements).
        for (mcfg, mpipeline) in mailbox_pipelines(cfg, &compiled)? {
            // Registered before the task runs, so READY=1 waits for this mailbox's login.
            obs.register_mailbox(&inbox::mailbox_key(&mcfg), clock::now());
            let (store, wake, timer_wake, cancel, obs) = (
                store.clone(),
                wake.clone(),
                timer_wake.clone(),
                cancel.clone(),
                obs.clone(),
            );
            tracker.spawn(async move {
                inbox::run(store, &mpipeline, &mcfg, &wake, &timer_wake, cancel, &obs).await
            });
        }
        {
            let (store, pipeline, wake, cancel) = (
                store.clone(),
                pipeline.clone(),
                wake.clone(),
                cancel.clone(),
            );
            tracker.spawn(async move {
                crate::worker::sweep::run(store, &pipeline, &wake, cancel).await
            });
        }
        {
            let (store, outbox_wake, timer_wake, cancel) = (
                store.clone(),
                wake.clone(),
                timer_wake.clone(),
                cancel.clone(),
            );
            let metrics = obs.metrics.clone();
            tracker.spawn(async move {
                timer_loop(store, &timers, &outbox_wake, &timer_wake, cancel, &metrics).await
            });
        }
        tracker.close();
        Ok(Generation { cancel, tracker })
    }

    /// Stop after the current batch (30 s grace).
    async fn stop(&self) {
        self.cancel.cancel();
        if tokio::time::timeout(Duration::from_secs(30), self.tracker.wait())
            .await
            .is_err()
        {
            error!(
                "Mail workers did not stop within 30 s; continuing (unfinished work is retried)."
            );
        }
    }
}

#[cfg(unix)]
type Hangup = Option<tokio::signal::unix::Signal>;
#[cfg(not(unix))]
type Hangup = ();

fn hangup_signal() -> Hangup {
    #[cfg(unix)]
    {
        tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup()).ok()
    }
}

async fn recv_hangup(h: &mut Hangup) {
    #[cfg(unix)]
    if let Some(s) = h {
        s.recv().await;
        return;
    }
    let _ = h;
    std::future::pending::<()>().await
}

async fn outbox_loop(store: Store, sender: Sender, wake: &Notify, cancel: CancellationToken) {
    while !cancel.is_cancelled() {
        match outbox::deliver_due(&store, &sender).await {
            Ok(r) if r.sent + r.retried + r.failed > 0 => {
                info!(
                    sent = r.sent,
                    retried = r.retried,
                    failed = r.failed,
                    "Outbox round done."
                );
            }
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "Outbox round failed; retrying."),
        }
        let nap = outbox::sleep_hint(&store, Duration::from_secs(30))
            .await
            .max(Duration::from_millis(50));
        tokio::select! {
            _ = cancel.cancelled() => return,
            _ = wake.notified() => {}
            _ = tokio::time::sleep(nap) => {}
        }
    }
}

/// Longest sleep of the timer loop: a changed ticket (a reply, a command, a priority
/// change) may move its deadlines, and the loop only hears of new tickets.
const TIMER_MAX_SLEEP: Duration = Duration::from_secs(60);

/// The SLA timer: tick, then sleep until the next notice is due (capped), or until
/// the inbox commits tickets. Never a fixed scan: an idle desk ticks once a minute.
async fn timer_loop(
    store: Store,
    timers: &timers::Timers,
    outbox_wake: &Notify,
    timer_wake: &Notify,
    cancel: CancellationToken,
    metrics: &crate::ops::Metrics,
) {
    let mut failures: u32 = 0;
    while !cancel.is_cancelled() {
        let nap = match timers::tick(&store, timers, clock::now()).await {
            Ok(r) => {
                failures = 0;
                use crate::ticket::sla::AlertKey;
                let breaches = r
                    .sent
                    .iter()
                    .filter(|a| {
                        matches!(
                            a.key,
                            AlertKey::RespondBreach(1) | AlertKey::ResolveBreach(1)
                        )
                    })
                    .count();
                metrics
                    .sla_breaches
                    .inc_by(u64::try_from(breaches).unwrap_or(0));
                if !r.sent.is_empty() || r.digest.is_some() {
                    info!(
                        notices = r.sent.len(),
                        digest = ?r.digest,
                        "SLA timer queued mail."
                    );
                    outbox_wake.notify_one();
                }
                timer_nap(r.wake_at(), clock::now())
            }
            Err(e) => {
                failures = failures.saturating_add(1);
                tracing::warn!(error = %format!("{e:#}"), "SLA timer tick failed; retrying.");
                Duration::from_secs(2u64.saturating_pow(failures.min(5)))
            }
        };
        tokio::select! {
            _ = cancel.cancelled() => return,
            _ = timer_wake.notified() => {}
            _ = tokio::time::sleep(nap) => {}
        }
    }
}

/// How long to sleep until `wake_at` (capped at [`TIMER_MAX_SLEEP`]).
fn timer_nap(wake_at: Option<i64>, now: i64) -> Duration {
    match wake_at {
        Some(t) => Duration::from_secs(u64::try_from(t - now).unwrap_or(0)).min(TIMER_MAX_SLEEP),
        None => TIMER_MAX_SLEEP,
    }
}

/// Resolves on SIGTERM or SIGINT. The handlers are installed when this is called (not
/// when first polled), so a signal during start-up is not lost to the default action.
pub fn shutdown_signal() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let term = signal(SignalKind::terminate()).ok();
        let int = signal(SignalKind::interrupt()).ok();
        async move {
            let wait = |s: Option<tokio::signal::unix::Signal>| async move {
                match s {
                    Some(mut s) => {
                        s.recv().await;
                    }
                    None => std::future::pending::<()>().await,
                }
            };
            tokio::select! {
                _ = wait(term) => {}
                _ = wait(int) => {}
            }
        }
    }
    #[cfg(not(unix))]
    async {
        let _ = tokio::signal::ctrl_c().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timer_sleeps_until_the_next_notice_but_at_most_a_minute() {
        let now = 1_800_000_000;
        let cases = [
            (Some(now + 5), Duration::from_secs(5)),
            (Some(now), Duration::ZERO),
            (Some(now - 30), Duration::ZERO),
            (Some(now + 3600), TIMER_MAX_SLEEP),
            (None, TIMER_MAX_SLEEP),
        ];
        for (wake_at, want) in cases {
            assert_eq!(timer_nap(wake_at, now), want, "{wake_at:?}");
        }
    }
}
