//! CLI handlers for the triage tooling: classify, eval, eval-answers, rules check and suggest.

use super::{load, ready_store};
use crate::cli::Cli;
use crate::clock;
use crate::mail::parse::ParseLimits;
use crate::worker::pipeline::Pipeline;
use anyhow::Context as _;
use std::io::Write;
use std::process::ExitCode;

/// `rules suggest`: mine corrected tickets for rules; prints TOML, changes nothing.
pub(super) async fn rules_suggest(
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
pub(super) fn eval_answers(
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
pub(super) fn triage_setup(
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

pub(super) fn classify(
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

pub(super) fn eval(
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

pub(super) fn rules_check(
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
