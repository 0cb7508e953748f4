//! The knowledge step of the pipeline: load a ticket's facts and suggestions, let the pure
//! `knowledge::intake` enrich the decision, and store its writes in the batch transaction
//! (drafts from `#kb` go to the drafts folder just before the commit; a replay rewrites the
//! same file).

use super::pipeline::Pipeline;
use crate::knowledge::intake::{self, Enriched, KbState, KbWrite, ReplyContext};
use crate::knowledge::{draft, files};
use crate::mail::InboundMail;
use crate::store::{StoreError, Tx};
use crate::ticket::lifecycle::Decision;
use crate::ticket::model::{Status, Ticket, Timestamp};
use tracing::{info, warn};

/// Build the pipeline's knowledge desk from the config: fact rules from the same rules
/// text as the classifier, articles from `[knowledge] dir`.
pub fn desk(cfg: &crate::config::Config, rules_text: Option<&str>) -> anyhow::Result<intake::Desk> {
    use anyhow::Context as _;
    let facts = match rules_text {
        Some(t) => crate::ticket::facts::FactRules::from_toml(t).context("Fact rules")?,
        None => crate::ticket::facts::FactRules::builtin().context("Built-in fact rules")?,
    };
    let index = match cfg.knowledge_dir() {
        Some(dir) => {
            let loaded = files::load_dir(&dir)
                .with_context(|| format!("Read knowledge base {}", dir.display()))?;
            for p in &loaded.problems {
                warn!(problem = %p, "Knowledge-base article left out.");
            }
            Some(crate::knowledge::index::Index::new(loaded.articles))
        }
        None => None,
    };
    Ok(intake::Desk {
        facts,
        index,
        threshold: cfg.knowledge.threshold,
        max_suggestions: cfg.knowledge.max_suggestions,
        ask_missing_facts: cfg.knowledge.ask_missing_facts,
    })
}

/// Enrich `decision` (see `knowledge::intake`). One extra query, only for mails on an
/// open ticket.
pub(crate) async fn enrich(
    tx: &mut Tx,
    p: &Pipeline,
    inbound: &InboundMail,
    before: Option<&Ticket>,
    decision: Decision,
    now: Timestamp,
) -> Result<Enriched, StoreError> {
    match (&decision, before) {
        (Decision::Open { .. }, _) => {
            Ok(intake::on_open(decision, inbound, &p.knowledge.current()))
        }
        (Decision::Append { .. }, Some(t)) => {
            let engineer = p.policy.workflow.engineer(&inbound.from.email).is_some();
            let open = matches!(t.status, Status::New | Status::Open | Status::Waiting);
            if !engineer && !open {
                return Ok(Enriched {
                    decision,
                    writes: Vec::new(),
                });
            }
            let state = if engineer {
                KbState::default()
            } else {
                tx.load_kb_state(t.number).await?
            };
            let request = if !engineer && !state.facts.is_empty() {
                tx.first_inbound_text(t.number).await?
            } else {
                None
            };
            let rc = ReplyContext {
                before: t,
                state: &state,
                request_text: request.as_deref(),
                rules: &p.rules,
            };
            Ok(intake::on_reply(
                decision,
                inbound,
                &rc,
                &p.knowledge.get(),
                &p.policy,
                now,
            ))
        }
        _ => Ok(Enriched {
            decision,
            writes: Vec::new(),
        }),
    }
}

/// Store the writes for ticket `number` (after the ticket row is written).
pub(crate) async fn store(
    tx: &mut Tx,
    p: &Pipeline,
    number: i64,
    writes: &[KbWrite],
    now: Timestamp,
) -> Result<(), StoreError> {
    if writes.is_empty() {
        return Ok(());
    }
    tx.insert_kb_writes(number, writes, now).await?;
    for w in writes {
        let Some(dir) = p.kb_dir.as_deref() else {
            if matches!(w, KbWrite::Draft | KbWrite::Publish) {
                warn!(
                    ticket = number,
                    "#kb ignored: no [knowledge] dir is configured."
                );
            }
            continue;
        };
        match w {
            KbWrite::Draft => {
                let Some(t) = tx.load_ticket(number).await? else {
                    continue;
                };
                let request = tx.first_inbound_text(number).await?.unwrap_or_default();
                let notes = tx.ticket_notes(number).await?;
                let text = draft::render_draft(&draft::Material {
                    ticket: &t,
                    request: &request,
                    notes: &notes,
                    names: &engineer_names(p),
                });
                match files::write_draft(dir, &draft::draft_file_name(&t), &text) {
                    Ok(path) => {
                        info!(ticket = number, path = %path.display(), "Knowledge-base draft written.")
                    }
                    Err(e) => {
                        warn!(ticket = number, error = %e, "Knowledge-base draft could not be written.")
                    }
                }
            }
            KbWrite::Publish => {
                let drafts = files::ticket_drafts(dir, number);
                if drafts.is_empty() {
                    warn!(ticket = number, "#kb publish: the ticket has no draft.");
                }
                for d in drafts {
                    match files::publish(dir, &d) {
                        Ok(path) => {
                            info!(ticket = number, path = %path.display(), "Knowledge-base article published.");
                            p.knowledge.reload();
                        }
                        Err(e) => warn!(ticket = number, error = %e, "Draft not published."),
                    }
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// The configured engineers' names: scrubbed from drafts like the requester's.
pub fn engineer_names(p: &Pipeline) -> Vec<String> {
    p.policy
        .workflow
        .engineers
        .iter()
        .map(|e| e.name.clone())
        .collect()
}
