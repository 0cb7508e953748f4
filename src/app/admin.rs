//! CLI handlers for the desk's administration: check-config, tickets, quarantine, report,
//! export and import.

use super::{load, open_store, ready_store};
use crate::cli::{Cli, ReportFormat, TicketsCommand};
use crate::worker::pipeline::Pipeline;
use crate::worker::timers;
use crate::{clock, view};
use anyhow::{bail, Context as _};
use std::io::Write;
use std::process::ExitCode;
use tracing::info;

pub(super) async fn check_config(cli: &Cli) -> anyhow::Result<ExitCode> {
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
pub(super) fn redact_url(url: &str) -> String {
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

pub(super) async fn tickets(cli: &Cli, command: &TicketsCommand) -> anyhow::Result<ExitCode> {
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

pub(super) async fn quarantine(cli: &Cli, json: bool) -> anyhow::Result<ExitCode> {
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

pub(super) async fn report(
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

pub(super) async fn export(
    cli: &Cli,
    output: Option<&std::path::Path>,
) -> anyhow::Result<ExitCode> {
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

pub(super) async fn import(cli: &Cli, file: &std::path::Path) -> anyhow::Result<ExitCode> {
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
