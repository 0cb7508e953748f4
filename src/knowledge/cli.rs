//! EDGE: `supportbot kb search|list|check|draft|publish|eval`. Reads the article folder
//! (`[knowledge] dir`, or `--dir`), the database for drafts, and prints; errors are anyhow
//! here because this is the command-line shell.

use super::index::{Index, Query};
use super::{draft, eval, files};
use crate::config::Config;
use crate::ticket::classify::detect_language;
use crate::ticket::model::Category;
use anyhow::{bail, Context as _};
use clap::Subcommand;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// `supportbot kb …`
#[derive(Debug, Subcommand)]
pub enum KbCommand {
    /// Ranked articles for a question, with their scores.
    Search {
        query: String,
        /// Boost articles of this category, as a ticket's category would.
        #[arg(long)]
        category: Option<Category>,
        #[arg(long)]
        json: bool,
    },
    /// Every article: id, category, language, title.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Check every article (front matter, title, duplicate titles); exit 1 on a problem.
    Check,
    /// Write a draft article from ticket N to <dir>/drafts/.
    Draft { number: i64 },
    /// Publish a draft (a file in <dir>/drafts/) so that it is suggested.
    Publish { file: PathBuf },
    /// Measure retrieval on a labelled set (`[[case]] q = "…" expect = "topic"`): the
    /// share of questions whose article is in the first three suggestions.
    Eval {
        file: PathBuf,
        /// Exit 1 when the top-3 hit rate is below this.
        #[arg(long, default_value_t = 0.0)]
        min: f64,
    },
}

fn config(cli: &crate::cli::Cli) -> anyhow::Result<Option<Config>> {
    let path = cli.config_path();
    if cli.config.is_some() || path.is_file() {
        Ok(Some(Config::load(&path)?))
    } else {
        Ok(None)
    }
}

fn kb_dir(cfg: Option<&Config>, dir: Option<&Path>) -> anyhow::Result<PathBuf> {
    match (dir, cfg.and_then(Config::knowledge_dir)) {
        (Some(d), _) => Ok(d.to_path_buf()),
        (None, Some(d)) => Ok(d),
        (None, None) => bail!("no knowledge base: set [knowledge] dir in the config or pass --dir"),
    }
}

/// Run `supportbot kb …`. `dir` overrides `[knowledge] dir`.
pub async fn run(
    cli: &crate::cli::Cli,
    command: &KbCommand,
    dir: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let cfg = config(cli)?;
    let dir = kb_dir(cfg.as_ref(), dir)?;
    let threshold = cfg
        .as_ref()
        .map_or(super::index::DEFAULT_THRESHOLD, |c| c.knowledge.threshold);
    let loaded = files::load_dir(&dir).with_context(|| format!("Read {}", dir.display()))?;
    match command {
        KbCommand::Search {
            query,
            category,
            json,
        } => {
            let problems = loaded.problems.len();
            let index = Index::new(loaded.articles);
            let q = Query {
                text: query,
                category: *category,
                language: Some(detect_language(query)),
            };
            let hits = index.search(&q);
            let max = cfg.as_ref().map_or(3, |c| c.knowledge.max_suggestions);
            let suggested: Vec<String> = index
                .suggest(&q, threshold, max)
                .into_iter()
                .map(|h| h.id)
                .collect();
            if *json {
                println!("{}", serde_json::to_string_pretty(&hits)?);
            } else {
                if hits.is_empty() {
                    println!("No article matches.");
                }
                for h in hits.iter().take(10) {
                    let mark = if suggested.contains(&h.id) { "*" } else { " " };
                    println!("{mark}{:>7.2}  {:<24} {}", h.score, h.id, h.title);
                }
                println!("(* = would be suggested: score ≥ {threshold} and ≥ half the best, at most {max})");
                if problems > 0 {
                    println!("{problems} article(s) left out; run `supportbot kb check`.");
                }
            }
        }
        KbCommand::List { json } => {
            if *json {
                println!("{}", serde_json::to_string_pretty(&loaded.articles)?);
            } else {
                for a in &loaded.articles {
                    println!(
                        "{:<24} {:<9} {:<3} {}",
                        a.id,
                        a.category.map_or("-", |c| c.as_str()),
                        a.language.as_str(),
                        a.title
                    );
                }
                println!("{} article(s) in {}", loaded.articles.len(), dir.display());
            }
        }
        KbCommand::Check => {
            for p in &loaded.problems {
                println!("{p}");
            }
            println!(
                "{} article(s) fine, {} problem(s).",
                loaded.articles.len(),
                loaded.problems.len()
            );
            if !loaded.problems.is_empty() {
                return Ok(ExitCode::FAILURE);
            }
        }
        KbCommand::Draft { number } => {
            let Some(cfg) = cfg.as_ref() else {
                bail!("`kb draft` needs the config (the database)");
            };
            let store = crate::app::ready_store(cfg).await?;
            let Some((t, request, notes)) = store.draft_material(*number).await? else {
                bail!("ticket #{number} does not exist");
            };
            let names: Vec<String> = cfg.engineers.iter().map(|e| e.name.clone()).collect();
            let text = draft::render_draft(&draft::Material {
                ticket: &t,
                request: &request,
                notes: &notes,
                names: &names,
            });
            let path = files::write_draft(&dir, &draft::draft_file_name(&t), &text)?;
            println!("Draft written: {}", path.display());
            println!("Review it, then: supportbot kb publish {}", path.display());
            store.close().await;
        }
        KbCommand::Publish { file } => {
            let path = files::publish(&dir, file)?;
            println!("Published: {}", path.display());
        }
        KbCommand::Eval { file, min } => {
            let text = std::fs::read_to_string(file)
                .with_context(|| format!("Read {}", file.display()))?;
            let cases =
                eval::parse_cases(&text).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            let index = Index::new(loaded.articles);
            let r = eval::evaluate(&index, &cases, threshold);
            for (q, want, got) in &r.misses {
                println!("MISS  {q:?}: expected {want}, got {got:?}");
            }
            println!(
                "{} questions, {} articles: top-1 {}/{} ({:.3}), top-3 {}/{} ({:.3}) at threshold {threshold}",
                r.cases,
                index.len(),
                r.top1,
                r.cases,
                if r.cases == 0 { 0.0 } else { r.top1 as f64 / r.cases as f64 },
                r.top3,
                r.cases,
                r.top3_rate()
            );
            if r.top3_rate() < *min {
                return Ok(ExitCode::FAILURE);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The facts and suggestions of a ticket, as `tickets show` prints them.
pub fn state_text(s: &super::intake::KbState) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    if !s.facts.is_empty() {
        let _ = writeln!(out, "\nFacts:");
        for f in &s.facts {
            let detail = if f.value.is_empty() {
                String::new()
            } else {
                format!("  \"{}\" ({})", f.value, f.rule)
            };
            let _ = writeln!(out, "  {:<10} {:<9}{detail}", f.fact, f.state);
        }
    }
    if !s.suggestions.is_empty() {
        let _ = writeln!(out, "\nSuggested articles:");
        for a in &s.suggestions {
            let _ = writeln!(
                out,
                "  {}. {:<20} {:>6.2}  {:<10} {}",
                a.place, a.article, a.score, a.outcome, a.title
            );
        }
    }
    out
}

/// The fact rules `classify` uses: from `--rules`, else the configured rules file, else
/// the built-in rules.
pub fn fact_rules(
    rules_path: Option<&Path>,
    cfg: Option<&Config>,
) -> anyhow::Result<crate::ticket::facts::FactRules> {
    use crate::ticket::facts::FactRules;
    let path = rules_path
        .map(Path::to_path_buf)
        .or_else(|| cfg.and_then(|c| c.general.rules.as_deref().map(|r| c.resolve(r))));
    match path {
        Some(p) => {
            let text =
                std::fs::read_to_string(&p).with_context(|| format!("Read {}", p.display()))?;
            Ok(FactRules::from_toml(&text)
                .with_context(|| format!("Fact rules {}", p.display()))?)
        }
        None => Ok(FactRules::builtin()?),
    }
}

/// `classify` output: `facts_found` (fact, rule, words) and `facts_missing` for requests.
pub fn add_facts(
    line: &mut serde_json::Value,
    t: &crate::mail::triage::Triage,
    mail: &crate::mail::InboundMail,
    facts: &crate::ticket::facts::FactRules,
) {
    let Some(category) = t.category else {
        return;
    };
    let mut r = facts.detect(
        &mail.subject,
        &mail.new_text,
        mail.attachments.len(),
        category,
    );
    if let Some(p) = t.priority {
        r = r.for_priority(p);
    }
    if let Some(o) = line.as_object_mut() {
        o.insert("facts_found".into(), serde_json::json!(r.found));
        o.insert(
            "facts_missing".into(),
            serde_json::json!(r.missing.iter().map(|k| k.as_str()).collect::<Vec<_>>()),
        );
    }
}
