//! Wiring: load the config, build the store and the pipeline, run a command. The one-shot
//! intake commands (`ingest`, `once`, `tick`) live here; the daemon is in `daemon`, the triage
//! tooling in `triage` and the administration commands in `admin`.

mod admin;
mod daemon;
mod triage;

use admin::{check_config, export, import, quarantine, report, tickets};
pub use daemon::{run, shutdown_signal};
use triage::{classify, eval, eval_answers, rules_check, rules_suggest};

use crate::cli::{Cli, Command, RulesCommand};
use crate::config::Config;
use crate::store::{Store, StoreOptions};
use crate::worker::inbox;
use crate::worker::outbox::{self, Sender};
use crate::worker::pipeline::{self, BatchReport, Compiled, Pipeline, RawMail, Source};
use crate::worker::timers;
use crate::{clock, view};
use anyhow::Context as _;
use std::io::{IsTerminal, Read};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;
use tracing::{error, info};

/// sysexits.h EX_TEMPFAIL: the MTA keeps the mail and retries.
pub const EX_TEMPFAIL: u8 = 75;
/// sysexits.h EX_CONFIG.
pub const EX_CONFIG: u8 = 78;

/// Exit code for an error that escaped a command.
pub fn exit_code(e: &anyhow::Error) -> u8 {
    if e.chain()
        .any(|c| c.downcast_ref::<crate::config::ConfigError>().is_some())
    {
        EX_CONFIG
    } else {
        1
    }
}

/// Run the command line.
pub async fn main(cli: Cli) -> anyhow::Result<ExitCode> {
    match &cli.command {
        Command::Classify { files, rules } => classify(&cli, files, rules.as_deref()),
        Command::Eval {
            dir,
            json,
            min_category,
            min_priority,
            no_speed,
            rules,
        } => eval(
            &cli,
            dir,
            (*json, !*no_speed),
            (*min_category, *min_priority),
            rules.as_deref(),
        ),
        Command::Rules {
            command:
                RulesCommand::Check {
                    corpus,
                    rules,
                    json,
                },
        } => rules_check(&cli, corpus, rules.as_deref(), *json),
        Command::CheckConfig => check_config(&cli).await,
        Command::Rules {
            command:
                crate::cli::RulesCommand::Suggest {
                    since,
                    rules,
                    per_class,
                },
        } => rules_suggest(&cli, since, rules.as_deref(), *per_class).await,
        Command::EvalAnswers {
            dir,
            json,
            min_accuracy,
        } => eval_answers(dir, *json, *min_accuracy),
        Command::Export { output } => export(&cli, output.as_deref()).await,
        Command::Import { file } => import(&cli, file).await,
        Command::Migrate => {
            let cfg = load(&cli)?;
            let store = open_store(&cfg).await?;
            let n = store.migrate().await.context("Migrate the database")?;
            println!("{n} migration(s) applied to {} database.", store.backend());
            Ok(ExitCode::SUCCESS)
        }
        Command::Tickets { command } => tickets(&cli, command).await,
        Command::Quarantine { json } => quarantine(&cli, *json).await,
        Command::Ingest { file } => ingest(&cli, file.as_deref()).await,
        Command::Once => once(&cli).await,
        Command::Run => run(&cli, shutdown_signal()).await,
        Command::Tick { queue_only, json } => tick(&cli, *queue_only, *json).await,
        Command::Status { json } => {
            let cfg = load(&cli)?;
            let store = open_store(&cfg).await?;
            let code = crate::ops::commands::status(&cfg, &store, *json).await;
            store.close().await;
            Ok(code)
        }
        Command::Oauth2 {
            command:
                crate::cli::Oauth2Command::Login {
                    provider,
                    table,
                    flow,
                    port,
                },
        } => {
            let cfg = crate::ops::commands::load_unvalidated(&cli.config_path())?;
            crate::ops::commands::oauth2_login(
                &cfg,
                table,
                provider.as_deref(),
                flow.as_deref(),
                *port,
            )
            .await
        }
        Command::Kb { dir, command } => {
            crate::knowledge::cli::run(&cli, command, dir.as_deref()).await
        }
        Command::Report {
            since,
            until,
            format,
            output,
            organisation,
        } => {
            let window = (since.as_str(), until.as_deref());
            report(
                &cli,
                window,
                *format,
                output.as_deref(),
                organisation.as_deref(),
            )
            .await
        }
    }
}

fn load(cli: &Cli) -> anyhow::Result<Config> {
    let path = cli.config_path();
    Ok(Config::load(&path)?)
}

async fn open_store(cfg: &Config) -> anyhow::Result<Store> {
    let opts = StoreOptions {
        max_connections: cfg.database.max_connections,
        min_connections: cfg.database.min_connections,
        statement_timeout: cfg.database.statement_timeout.0,
        acquire_timeout: cfg.database.acquire_timeout.0,
    };
    Store::connect(&cfg.database_url(), &opts)
        .await
        .context("Open the database")
}

/// Open the store and bring the schema up to date.
pub(crate) async fn ready_store(cfg: &Config) -> anyhow::Result<Store> {
    let store = open_store(cfg).await?;
    // Two processes starting on a fresh SQLite database (the daemon and a `tickets list`,
    // say) race to create the schema, and SQLite migrations take no lock: the loser waits
    // for the winner and finds the migrations applied.
    if let Err(first) = store.migrate().await {
        tokio::time::sleep(Duration::from_millis(500)).await;
        if store.migrate().await.is_err() {
            return Err(first).context("Migrate the database");
        }
    }
    Ok(store)
}

async fn ingest(cli: &Cli, file: Option<&std::path::Path>) -> anyhow::Result<ExitCode> {
    let cfg = load(cli)?;
    let mut raw = Vec::new();
    match file {
        Some(f) => raw = std::fs::read(f).with_context(|| format!("Read {}", f.display()))?,
        None => {
            std::io::stdin()
                .read_to_end(&mut raw)
                .context("Read the mail from stdin")?;
        }
    }
    let pipeline = Pipeline::from_config(&cfg)?;
    let store = match ready_store(&cfg).await {
        Ok(s) => s,
        Err(e) => {
            error!(error = %format!("{e:#}"), "Database unavailable; the MTA will retry.");
            return Ok(ExitCode::from(EX_TEMPFAIL));
        }
    };
    let source = Source {
        mailbox: "pipe",
        uidvalidity: 0,
    };
    let mail = RawMail {
        uid: None,
        bytes: raw,
    };
    let report = match pipeline::process_batch(
        &store,
        &pipeline,
        &source,
        std::slice::from_ref(&mail),
        clock::now(),
    )
    .await
    {
        Ok(r) => r,
        Err(e) if e.is_transient() => {
            error!(error = %e, "Database unavailable; the MTA will retry.");
            return Ok(ExitCode::from(EX_TEMPFAIL));
        }
        Err(e) => return Err(e.into()),
    };
    print_summary(&report, None, None);
    // Best effort: send this mail's acknowledgement now; the daemon retries otherwise.
    if report.mails_queued > 0 {
        let sender = Sender::from_config(&cfg);
        match tokio::time::timeout(
            Duration::from_secs(20),
            outbox::deliver_due(&store, &sender),
        )
        .await
        {
            Ok(Ok(d)) => info!(sent = d.sent, retried = d.retried, "Outbox flushed."),
            Ok(Err(e)) => info!(error = %e, "Outbox not flushed; mail stays queued."),
            Err(_) => info!("Outbox flush timed out; mail stays queued."),
        }
    }
    Ok(ExitCode::SUCCESS)
}

async fn once(cli: &Cli) -> anyhow::Result<ExitCode> {
    let cfg = load(cli)?;
    let pipelines = mailbox_pipelines(&cfg, &Compiled::from_config(&cfg)?)?;
    let store = ready_store(&cfg).await?;
    let sender = Sender::from_config(&cfg);
    let started = Instant::now();
    let wake = Arc::new(Notify::new());
    let done = CancellationToken::new();

    // The sender works while the inbox is being read, so delivery overlaps fetching.
    let send_task = {
        let (store, sender, wake, done) =
            (store.clone(), sender.clone(), wake.clone(), done.clone());
        tokio::spawn(async move {
            let mut total = outbox::DeliveryReport::default();
            loop {
                let finishing = done.is_cancelled();
                match outbox::deliver_due(&store, &sender).await {
                    Ok(r) => {
                        total.sent += r.sent;
                        total.retried += r.retried;
                        total.failed += r.failed;
                    }
                    Err(e) => tracing::warn!(error = %e, "Outbox round failed."),
                }
                if finishing {
                    // Never return while due mail is held only by a dead sender's claim.
                    match outbox::take_over_stale_claims(&store, &sender).await {
                        Ok(r) => {
                            total.sent += r.sent;
                            total.retried += r.retried;
                            total.failed += r.failed;
                        }
                        Err(e) => tracing::warn!(error = %e, "Outbox take-over failed."),
                    }
                    return total;
                }
                tokio::select! {
                    _ = wake.notified() => {}
                    _ = done.cancelled() => {}
                    _ = tokio::time::sleep(Duration::from_millis(200)) => {}
                }
            }
        })
    };

    let bar = progress_bar();
    // Without a terminal the inbox's per-batch log line is the progress.
    let progress = |r: &BatchReport, total: usize| {
        if let Some(b) = &bar {
            b.set_length(u64::try_from(total).unwrap_or(0));
            b.inc(u64::try_from(r.fetched).unwrap_or(0));
        }
    };
    let mut report = BatchReport::default();
    for (mcfg, mpipeline) in &pipelines {
        let mut imap = crate::mail::imap::Inbox::connect(&inbox::imap_settings(mcfg))
            .await
            .with_context(|| format!("Connect to the mailbox {}", inbox::mailbox_key(mcfg)))?;
        // Mail an earlier run committed but died before flagging is flagged now.
        inbox::flag_committed(&mut imap, &store, mcfg).await?;
        // Loop until a pass finds nothing new: mail that arrives meanwhile is taken too.
        loop {
            let r = inbox::fetch_new(&mut imap, &store, mpipeline, mcfg, &wake, &progress).await?;
            let empty = r.fetched == 0;
            report.merge(&r);
            if empty {
                break;
            }
        }
        imap.logout().await;
    }
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    // Reminders and auto-closes that are due now go out with this run's mail, rendered
    // by the first mailbox's pipeline (`[mailbox]`, as before).
    let sweep = match pipelines.first() {
        Some((_, p)) => crate::worker::sweep::sweep(&store, p, crate::clock::now()).await,
        None => Ok(Default::default()),
    };
    match sweep {
        Ok(s) if s.tickets > 0 => {
            info!(
                tickets = s.tickets,
                mails = s.mails_queued,
                "Auto-close sweep done."
            );
            wake.notify_one();
        }
        Ok(_) => {}
        Err(e) => tracing::warn!(error = %e, "Auto-close sweep failed; the next run retries."),
    }
    done.cancel();
    let delivery = send_task.await.context("Outbox task")?;
    print_summary(&report, Some(&delivery), Some(started.elapsed()));
    let queued: i64 = store
        .outbox_counts()
        .await?
        .iter()
        .filter(|(s, _)| s == "queued")
        .map(|(_, n)| n)
        .sum();
    if queued > 0 {
        println!("  still queued        {queued} (retried later by `run` or the next `once`)");
    }
    store.close().await;
    Ok(ExitCode::SUCCESS)
}

fn progress_bar() -> Option<indicatif::ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(0);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {bar:40} {pos}/{len} mails ({per_sec}, eta {eta})",
    ) {
        bar.set_style(style);
    }
    Some(bar)
}

fn print_summary(r: &BatchReport, d: Option<&outbox::DeliveryReport>, elapsed: Option<Duration>) {
    println!("Summary:");
    println!("  fetched             {}", r.fetched);
    println!("  new tickets         {}", r.new_tickets);
    println!("  follow-ups          {}", r.follow_ups);
    let ignored: usize = r.ignored.values().sum();
    let detail = r
        .ignored
        .iter()
        .map(|(k, v)| format!("{k} {v}"))
        .collect::<Vec<_>>()
        .join(", ");
    println!(
        "  ignored             {ignored}{}",
        if detail.is_empty() {
            String::new()
        } else {
            format!(" ({detail})")
        }
    );
    println!("  duplicates          {}", r.duplicates);
    println!("  quarantined         {}", r.quarantined);
    println!("  acknowledgements    {} queued", r.acks_queued);
    if let Some(d) = d {
        println!(
            "  mails sent          {} (retrying {}, failed {})",
            d.sent, d.retried, d.failed
        );
    }
    if let Some(e) = elapsed {
        let secs = e.as_secs_f64();
        let rate = if secs > 0.0 {
            r.fetched as f64 / secs
        } else {
            0.0
        };
        println!("  elapsed             {secs:.2} s ({rate:.0} mails/s)");
    }
}

async fn tick(cli: &Cli, queue_only: bool, json: bool) -> anyhow::Result<ExitCode> {
    let cfg = load(cli)?;
    let timers = timers::Timers::from_config(&cfg)?;
    let store = ready_store(&cfg).await?;
    let now = clock::now();
    let r = timers::tick(&store, &timers, now).await?;
    let mut delivery = None;
    if !queue_only && (!r.sent.is_empty() || r.digest.is_some()) {
        let sender = Sender::from_config(&cfg);
        match tokio::time::timeout(
            Duration::from_secs(60),
            outbox::deliver_due(&store, &sender),
        )
        .await
        {
            Ok(Ok(d)) => delivery = Some(d),
            Ok(Err(e)) => info!(error = %e, "Outbox not flushed; mail stays queued."),
            Err(_) => info!("Outbox flush timed out; mail stays queued."),
        }
    }
    let tz = timers.settings.timezone;
    if json {
        let v = serde_json::json!({
            "now": view::rfc3339(now),
            "open_tickets": r.open_tickets,
            "queued": r.sent.iter().map(|s| serde_json::json!({
                "ticket": s.ticket, "key": s.key.to_string(), "to": s.to, "queued": s.queued,
            })).collect::<Vec<_>>(),
            "already_sent": r.already_sent,
            "digest": r.digest,
            "next_wakeup": r.next_wakeup.map(view::rfc3339),
            "next_digest": r.next_digest.map(view::rfc3339),
            "sent": delivery.as_ref().map(|d| d.sent),
        });
        println!("{}", serde_json::to_string_pretty(&v)?);
    } else {
        let local = |t: i64| crate::ticket::lifecycle::local_time(t, tz);
        println!("SLA tick at {} ({}):", local(now), tz.name());
        println!("  open tickets        {}", r.open_tickets);
        for s in &r.sent {
            let to = if s.to.is_empty() {
                "(nobody to notify)".to_string()
            } else {
                s.to.join(", ")
            };
            println!("  #{:<6} {:<34} -> {to}", s.ticket, s.key.to_string());
        }
        println!("  notices queued      {}", r.sent.len());
        if r.already_sent > 0 {
            println!("  already sent        {}", r.already_sent);
        }
        if let Some(p) = &r.digest {
            println!("  digest queued       {p}");
        }
        if let Some(d) = &delivery {
            println!(
                "  mails sent          {} (retrying {}, failed {})",
                d.sent, d.retried, d.failed
            );
        }
        match r.next_wakeup {
            Some(t) => println!("  next notice due     {}", local(t)),
            None => println!("  next notice due     (none pending)"),
        }
        if let Some(t) = r.next_digest {
            println!("  next digest         {}", local(t));
        }
    }
    store.close().await;
    Ok(ExitCode::SUCCESS)
}

/// A config and pipeline per watched mailbox (`[mailbox]` first, then `[[mailboxes]]`);
/// every pipeline knows all our addresses, so mail between our mailboxes is a loop.
/// The rules are compiled once for all of them (`compiled`, see [`Compiled`]).
fn mailbox_pipelines(cfg: &Config, compiled: &Compiled) -> anyhow::Result<Vec<(Config, Pipeline)>> {
    let own = cfg.own_addresses();
    cfg.mailbox_configs()
        .into_iter()
        .map(|c| {
            let mut p = Pipeline::with_compiled(&c, compiled.clone())?;
            for a in &own {
                if !p.own_addresses.contains(a) {
                    p.own_addresses.push(a.clone());
                }
            }
            Ok((c, p))
        })
        .collect()
}
