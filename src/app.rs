//! Wiring: load the config, build the store and the pipeline, run a command. The daemon
//! (`run`) spawns the inbox, outbox and SLA timer loops on a TaskTracker and shuts them down on
//! SIGTERM/SIGINT after the current mail, with a 30 s grace period.

use crate::cli::{Cli, Command, ReportFormat, RulesCommand, TicketsCommand};
use crate::config::Config;
use crate::mail::parse::ParseLimits;
use crate::store::{Store, StoreOptions};
use crate::worker::inbox;
use crate::worker::outbox::{self, Sender};
use crate::worker::pipeline::{self, BatchReport, Pipeline, RawMail, Source};
use crate::worker::timers;
use crate::{clock, view};
use anyhow::{bail, Context as _};
use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;
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

/// `rules suggest`: mine corrected tickets for rules; prints TOML, changes nothing.
async fn rules_suggest(
    cli: &Cli,
    since: &str,
    rules_path: Option<&std::path::Path>,
    per_class: usize,
) -> anyhow::Result<ExitCode> {
    use crate::ticket::rule_suggest::{render_suggestions, suggest, SuggestOptions};
    let cfg = load(cli)?;
    let tz: chrono_tz::Tz = cfg
        .general
        .timezone
        .parse()
        .map_err(|e| anyhow::anyhow!("general.timezone: {e}"))?;
    let now = clock::now();
    let since =
        crate::cli::parse_when(since, now, tz).map_err(|e| anyhow::anyhow!("--since: {e}"))?;
    let path = rules_path
        .map(std::path::Path::to_path_buf)
        .or_else(|| cfg.general.rules.as_ref().map(|p| cfg.resolve(p)));
    let rules_text = match path {
        Some(p) => std::fs::read_to_string(&p).with_context(|| format!("Read {}", p.display()))?,
        None => crate::ticket::classify::DEFAULT_RULES.to_string(),
    };
    let store = ready_store(&cfg).await?;
    let history = store
        .load_triage_history(since, now)
        .await
        .context("Load triage history")?;
    store.close().await;
    let opts = SuggestOptions {
        per_class,
        ..SuggestOptions::default()
    };
    let found = suggest(&rules_text, &history, opts).context("Current rules")?;
    print!("{}", render_suggestions(&found, history.len()));
    Ok(ExitCode::SUCCESS)
}

/// `eval-answers`: read every labelled answer as the daemon would and score it.
fn eval_answers(
    dir: &std::path::Path,
    json: bool,
    min_accuracy: Option<f64>,
) -> anyhow::Result<ExitCode> {
    use crate::eval_answers as ev;
    let cases = ev::load_and_read(dir, &ParseLimits::default())
        .with_context(|| format!("Evaluate answers in {}", dir.display()))?;
    let score = ev::score(&cases);
    if json {
        println!("{}", ev::render_json(&cases, &score));
    } else {
        print!("{}", ev::render_text(&cases, &score));
    }
    let below = min_accuracy.is_some_and(|m| score.all.accuracy() < m);
    Ok(if score.unsafe_misses > 0 || below {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Rules, parse limits and own addresses as intake uses them, for the offline commands
/// (`classify`, `eval`, `rules check`). A config is optional: these are how an
/// administrator tunes rules.
fn triage_setup(
    cli: &Cli,
    rules_path: Option<&std::path::Path>,
) -> anyhow::Result<(
    crate::ticket::classify::Rules,
    ParseLimits,
    Vec<String>,
    crate::ticket::facts::FactRules,
)> {
    use crate::ticket::classify::Rules;
    let cfg = if cli.config.is_some() || cli.config_path().is_file() {
        Some(load(cli)?)
    } else {
        None
    };
    let rules = match (rules_path, &cfg) {
        (Some(p), _) => Rules::from_toml(
            &std::fs::read_to_string(p).with_context(|| format!("Read {}", p.display()))?,
        )
        .with_context(|| format!("Rules file {}", p.display()))?,
        (None, Some(cfg)) => Pipeline::from_config(cfg)?.rules,
        (None, None) => Rules::builtin()?,
    };
    let facts = crate::knowledge::cli::fact_rules(rules_path, cfg.as_ref())?;
    let limits = ParseLimits {
        max_message_bytes: cfg
            .as_ref()
            .map_or(ParseLimits::default().max_message_bytes, |c| {
                c.general.max_message_bytes
            }),
    };
    let own: Vec<String> = cfg
        .as_ref()
        .map(|c| vec![c.mailbox.address.to_lowercase()])
        .unwrap_or_default();
    Ok((rules, limits, own, facts))
}

fn classify(
    cli: &Cli,
    files: &[std::path::PathBuf],
    rules_path: Option<&std::path::Path>,
) -> anyhow::Result<ExitCode> {
    let (rules, limits, own, facts) = triage_setup(cli, rules_path)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut failures = 0;
    for f in files {
        let name = f.display().to_string();
        let line = match std::fs::read(f) {
            Ok(raw) => match crate::mail::parse::parse_mail(&raw, &limits) {
                Ok(mail) => {
                    let t = crate::mail::triage::triage_mail(&mail, &rules, &own);
                    let mut line = t.to_json(&name);
                    crate::knowledge::cli::add_facts(&mut line, &t, &mail, &facts);
                    line
                }
                Err(e) => serde_json::json!({"file": name, "kind": "quarantine", "category": null,
                    "priority": null, "language": null, "reasons": [e.to_string()]}),
            },
            Err(e) => {
                failures += 1;
                serde_json::json!({"file": name, "kind": "error", "category": null,
                    "priority": null, "language": null, "reasons": [e.to_string()]})
            }
        };
        writeln!(out, "{line}")?;
    }
    Ok(if failures > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn eval(
    cli: &Cli,
    dir: &std::path::Path,
    (json, speed): (bool, bool),
    (min_category, min_priority): (Option<f64>, Option<f64>),
    rules_path: Option<&std::path::Path>,
) -> anyhow::Result<ExitCode> {
    let (rules, limits, own, _facts) = triage_setup(cli, rules_path)?;
    let setup = crate::eval::run::Setup {
        rules: &rules,
        limits: &limits,
        own_addresses: &own,
    };
    let report = crate::eval::run::evaluate_dir(dir, &setup, speed)?;
    let mut out = std::io::stdout().lock();
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&report.to_json())?)?;
    } else {
        write!(out, "{}", report.to_text())?;
    }
    Ok(if report.meets(min_category, min_priority) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn rules_check(
    cli: &Cli,
    corpus: &[std::path::PathBuf],
    rules_path: Option<&std::path::Path>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let (rules, limits, own, _facts) = triage_setup(cli, rules_path)?;
    let texts = crate::eval::run::read_corpus(corpus, &limits, &own).context("Read the corpus")?;
    let findings = rules.lint(&texts);
    let mut out = std::io::stdout().lock();
    if json {
        let all: Vec<serde_json::Value> = findings.iter().map(|f| f.to_json()).collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&all)?)?;
    } else {
        for f in &findings {
            writeln!(out, "{f}")?;
        }
        writeln!(
            out,
            "{} finding(s) in {} rules, {} mail(s) read.",
            findings.len(),
            rules.len(),
            texts.len()
        )?;
    }
    let errors = findings
        .iter()
        .any(|f| f.severity == crate::ticket::classify::lint::Severity::Error);
    Ok(if !errors {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

async fn check_config(cli: &Cli) -> anyhow::Result<ExitCode> {
    let path = cli.config_path();
    let cfg = load(cli)?;
    let pipeline = Pipeline::from_config(&cfg)?;
    println!("{}: OK", path.display());
    println!(
        "  mailbox   {} on {}:{} ({:?}), folder {}",
        cfg.mailbox.username,
        cfg.mailbox.host,
        cfg.mailbox.port(),
        cfg.mailbox.security,
        cfg.mailbox.folder
    );
    println!(
        "  smtp      {}:{} ({:?}), {} connection(s)",
        cfg.smtp.host,
        cfg.smtp.port(),
        cfg.smtp.security,
        cfg.smtp.connections
    );
    println!(
        "  auth      mailbox {:?}, smtp {:?}",
        cfg.mailbox.auth, cfg.smtp.auth
    );
    println!(
        "  http      {}",
        cfg.http.listen.as_deref().unwrap_or("off")
    );
    println!("  database  {}", redact_url(&cfg.database_url()));
    println!("  from      {}", cfg.from_header());
    println!("  timezone  {}", pipeline.policy.timezone.name());
    println!("  data dir  {}", cfg.data_dir().display());
    println!(
        "  rules     {}",
        cfg.general
            .rules
            .as_ref()
            .map_or("built-in".to_string(), |p| cfg
                .resolve(p)
                .display()
                .to_string())
    );
    println!(
        "  templates {}",
        cfg.general
            .templates
            .as_ref()
            .map_or("built-in".to_string(), |p| cfg
                .resolve(p)
                .display()
                .to_string())
    );
    let wf = &pipeline.policy.workflow;
    println!(
        "  engineers {} ({} supervisor(s)); reply tokens {}, auto-close {}, reopen window {}",
        wf.engineers.len(),
        wf.engineers.iter().filter(|e| e.supervisor).count(),
        if wf.secret.is_empty() {
            "off (no secret)"
        } else {
            "on"
        },
        crate::ticket::lifecycle::human_duration(wf.auto_close_after, "en"),
        crate::ticket::lifecycle::human_duration(wf.reopen_window, "en"),
    );
    let timers = timers::Timers::from_config(&cfg)?;
    let cal = &timers.settings.calendar;
    println!(
        "  calendar  {}",
        if cal.is_always() {
            "24x7".to_string()
        } else {
            format!("business hours in {}", cal.timezone().name())
        }
    );
    let supervisors = cfg.supervisors();
    println!(
        "  escalate  {}",
        if supervisors.is_empty() {
            "(nobody: set a supervisor in [[engineers]] or sla.escalate_to)".to_string()
        } else {
            supervisors.join(", ")
        }
    );
    match &timers.settings.digest {
        Some(d) => println!(
            "  digest    {} {} to {}",
            d.weekday,
            d.time.format("%H:%M"),
            d.recipients.join(", ")
        ),
        None => println!("  digest    off"),
    }
    Ok(ExitCode::SUCCESS)
}

/// `postgres://user:secret@host/db` → `postgres://user:***@host/db`.
fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = url.get(s + 3..at).unwrap_or_default();
            match creds.split_once(':') {
                Some((user, _)) => format!(
                    "{}{user}:***{}",
                    url.get(..s + 3).unwrap_or_default(),
                    url.get(at..).unwrap_or_default()
                ),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

async fn tickets(cli: &Cli, command: &TicketsCommand) -> anyhow::Result<ExitCode> {
    let cfg = load(cli)?;
    let store = ready_store(&cfg).await?;
    match command {
        TicketsCommand::List {
            json,
            limit,
            organisation,
        } => {
            let list = match organisation {
                None => store.list_tickets(*limit).await?,
                Some(name) => {
                    let orgs = cfg.organisations();
                    crate::ticket::organisation::known(&orgs, name).map_err(anyhow::Error::msg)?;
                    let mut all = store.list_tickets(i64::MAX).await?;
                    all.retain(|s| {
                        let t = &s.ticket;
                        crate::ticket::organisation::name_of(&orgs, &t.requester, Some(&t.mailbox))
                            == *name
                    });
                    all.truncate(usize::try_from(*limit).unwrap_or(0));
                    all
                }
            };
            if *json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&view::tickets_json(&list))?
                );
            } else {
                print!("{}", view::tickets_table(&list));
            }
        }
        TicketsCommand::Show { number, json } => {
            let Some(t) = store.load_ticket(*number).await? else {
                bail!("ticket #{number} does not exist");
            };
            let messages = store.load_messages(*number).await?;
            let attachments = store.load_attachments(*number).await?;
            let events = store.load_events(*number).await?;
            let kb = store.load_kb_state(*number).await?;
            let plans = store.ticket_approvals(*number).await?;
            if *json {
                let mut v = view::ticket_detail_json(&t, &messages, &attachments, &events);
                if let Some(o) = v.as_object_mut() {
                    o.insert("knowledge".into(), serde_json::to_value(&kb)?);
                    o.insert("plans".into(), crate::report::approval::plans_json(&plans));
                }
                println!("{}", serde_json::to_string_pretty(&v)?);
            } else {
                print!(
                    "{}",
                    view::ticket_detail_text(&t, &messages, &attachments, &events)
                );
                print!("{}", crate::knowledge::cli::state_text(&kb));
                print!("{}", crate::report::approval::plans_text(&plans));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

async fn quarantine(cli: &Cli, json: bool) -> anyhow::Result<ExitCode> {
    let cfg = load(cli)?;
    let store = ready_store(&cfg).await?;
    let rows = store.list_quarantine(1000).await?;
    if json {
        let v: Vec<_> = rows
            .iter()
            .map(|(m, r, t)| serde_json::json!({"message_id": m, "reason": r, "at": view::rfc3339(*t)}))
            .collect();
        println!("{}", serde_json::to_string_pretty(&v)?);
    } else if rows.is_empty() {
        println!("(quarantine is empty)");
    } else {
        for (m, r, t) in rows {
            println!("{}  {m}\n    {r}", view::rfc3339(t));
        }
    }
    Ok(ExitCode::SUCCESS)
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
    let pipeline = Pipeline::from_config(&cfg)?;
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
    for (mcfg, mpipeline) in mailbox_pipelines(&cfg)? {
        let mut imap = crate::mail::imap::Inbox::connect(&inbox::imap_settings(&mcfg))
            .await
            .with_context(|| format!("Connect to the mailbox {}", inbox::mailbox_key(&mcfg)))?;
        // Mail an earlier run committed but died before flagging is flagged now.
        inbox::flag_committed(&mut imap, &store, &mcfg).await?;
        // Loop until a pass finds nothing new: mail that arrives meanwhile is taken too.
        loop {
            let r =
                inbox::fetch_new(&mut imap, &store, &mpipeline, &mcfg, &wake, &progress).await?;
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
    // Reminders and auto-closes that are due now go out with this run's mail.
    match crate::worker::sweep::sweep(&store, &pipeline, crate::clock::now()).await {
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

/// The daemon: inbox and outbox loops until `shutdown` resolves.
pub async fn run(
    cli: &Cli,
    shutdown: impl std::future::Future<Output = ()>,
) -> anyhow::Result<ExitCode> {
    let cfg = Arc::new(load(cli)?);
    // Rules, templates and timers first: a bad file fails before anything starts.
    mailbox_pipelines(&cfg)?;
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
                    mailbox_pipelines(&c)?;
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
        let pipeline = Arc::new(Pipeline::from_config(cfg)?);
        let timers = timers::Timers::from_config(cfg)?;
        let cancel = CancellationToken::new();
        let tracker = TaskTracker::new();
        // One inbox task per mailbox, each with its own pipeline (its support address is
        // the From of its acknowledgements).
        for (mcfg, mpipeline) in mailbox_pipelines(cfg)? {
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

async fn report(
    cli: &Cli,
    (since, until): (&str, Option<&str>),
    format: ReportFormat,
    output: Option<&std::path::Path>,
    organisation: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let cfg = load(cli)?;
    let orgs = cfg.organisations();
    if let Some(name) = organisation {
        crate::ticket::organisation::known(&orgs, name).map_err(anyhow::Error::msg)?;
    }
    let settings = timers::TimerSettings::from_config(&cfg)?;
    let tz = settings.timezone;
    let now = clock::now();
    let since =
        crate::cli::parse_when(since, now, tz).map_err(|e| anyhow::anyhow!("--since: {e}"))?;
    let until = match until {
        Some(u) => {
            crate::cli::parse_when(u, now, tz).map_err(|e| anyhow::anyhow!("--until: {e}"))?
        }
        None => now,
    };
    if since > until {
        bail!("--since is after --until");
    }
    let store = ready_store(&cfg).await?;
    let facts = store
        .report_facts(
            since,
            until,
            &settings.policy,
            &settings.calendar,
            settings.pause_on_approval,
        )
        .await
        .context("Load report facts")?;
    let org_of = store.organisations_of(&orgs, until).await?;
    let plans = store.approvals_between(since, until).await?;
    let names: Vec<String> = orgs.iter().map(|o| o.name.clone()).collect();
    let mut r = crate::report::approval::organisation_report(
        &facts,
        &plans,
        &org_of,
        &names,
        organisation,
        since,
        until,
    );
    // With --organisation, the knowledge and triage sections count its tickets only too.
    let mine = |n: i64| {
        organisation.is_none_or(|o| {
            let of = u64::try_from(n).ok().and_then(|n| org_of.get(&n));
            of.map_or(crate::ticket::organisation::DESK_DEFAULT, String::as_str) == o
        })
    };
    let mut suggestions = store.report_suggestions(since, until).await?;
    suggestions.retain(|s| mine(s.ticket));
    r.knowledge = Some(crate::report::knowledge::build_knowledge(
        &suggestions,
        r.overall.opened,
    ));
    let mut history = store
        .load_triage_history(since, until)
        .await
        .context("Load triage history")?;
    history.retain(|t| mine(t.number));
    let triage = crate::report::triage::build_triage(&history, since, until);
    let text = {
        use crate::report::triage as tr;
        match format {
            ReportFormat::Table => {
                crate::report::render_table(&r) + &tr::render_triage_table(&triage)
            }
            ReportFormat::Json => tr::add_triage_json(&crate::report::render_json(&r)?, &triage)?,
            ReportFormat::Csv => crate::report::render_csv(&r) + &tr::render_triage_csv(&triage),
            ReportFormat::Html => tr::add_triage_html(&crate::report::render_html(&r), &triage),
        }
    };
    match output {
        Some(path) => {
            std::fs::write(path, text.as_bytes())
                .with_context(|| format!("Write {}", path.display()))?;
            info!(path = %path.display(), tickets = facts.len(), "Report written.");
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())?;
            if !text.ends_with('\n') {
                writeln!(out)?;
            }
        }
    }
    store.close().await;
    Ok(ExitCode::SUCCESS)
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

async fn export(cli: &Cli, output: Option<&std::path::Path>) -> anyhow::Result<ExitCode> {
    let cfg = load(cli)?;
    let store = open_store(&cfg).await?;
    let report = match output {
        Some(path) => {
            let file = std::fs::File::create(path)
                .with_context(|| format!("Create {}", path.display()))?;
            let mut w = std::io::BufWriter::new(file);
            store.export(&cfg.data_dir(), &mut w).await
        }
        None => {
            let mut w = std::io::BufWriter::new(std::io::stdout().lock());
            store.export(&cfg.data_dir(), &mut w).await
        }
    }
    .context("Export the desk")?;
    for f in &report.missing_files {
        tracing::warn!(file = %f, "Attachment file missing from data_dir; not exported.");
    }
    eprintln!(
        "Exported {} row(s) and {} attachment file(s) from the {} database.",
        report.total_rows(),
        report.files,
        store.backend()
    );
    store.close().await;
    Ok(ExitCode::SUCCESS)
}

async fn import(cli: &Cli, file: &std::path::Path) -> anyhow::Result<ExitCode> {
    let cfg = load(cli)?;
    let store = ready_store(&cfg).await?;
    let f = std::fs::File::open(file).with_context(|| format!("Open {}", file.display()))?;
    let mut r = std::io::BufReader::new(f);
    let report = store
        .import(&cfg.data_dir(), &mut r)
        .await
        .with_context(|| format!("Import {}", file.display()))?;
    println!(
        "Imported {} row(s) and {} attachment file(s) into the {} database.",
        report.total_rows(),
        report.files,
        store.backend()
    );
    for (table, n) in &report.rows {
        println!("  {table}: {n}");
    }
    store.close().await;
    Ok(ExitCode::SUCCESS)
}

/// A config and pipeline per watched mailbox (`[mailbox]` first, then `[[mailboxes]]`);
/// every pipeline knows all our addresses, so mail between our mailboxes is a loop.
fn mailbox_pipelines(cfg: &Config) -> anyhow::Result<Vec<(Config, Pipeline)>> {
    let own = cfg.own_addresses();
    cfg.mailbox_configs()
        .into_iter()
        .map(|c| {
            let mut p = Pipeline::from_config(&c)?;
            for a in &own {
                if !p.own_addresses.contains(a) {
                    p.own_addresses.push(a.clone());
                }
            }
            Ok((c, p))
        })
        .collect()
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
