//! The knowledge tables (migration 0004): a ticket's facts (found / asked / answered) and
//! the articles suggested to it with their outcome, plus what a draft is made from and what
//! the report counts. New tables only, so the batch inserts of `tx.rs` are untouched.

use super::tx::{on_tx, Tx};
use super::{Store, StoreError};
use crate::knowledge::intake::{FactRow, KbState, KbWrite, SuggestionRow};
use crate::ticket::model::{Ticket, Timestamp};

pub(super) fn score_x100(score: f64) -> i64 {
    if score.is_finite() {
        (score * 100.0).round().clamp(0.0, 1e12) as i64
    } else {
        0
    }
}

macro_rules! suggestion_from_row {
    ($r:expr) => {{
        use sqlx::Row as _;
        let r = $r;
        Ok::<SuggestionRow, StoreError>(SuggestionRow {
            ticket: r.try_get("ticket_id")?,
            article: r.try_get("article")?,
            title: r.try_get("title")?,
            score: r.try_get::<i64, _>("score_x100")? as f64 / 100.0,
            place: r.try_get("place")?,
            outcome: r.try_get("outcome")?,
            suggested_at: r.try_get("suggested_at")?,
            answered_at: r.try_get("answered_at")?,
        })
    }};
}

const SUGGESTION_COLUMNS: &str =
    "ticket_id, article, title, score_x100, place, outcome, suggested_at, answered_at";

impl Tx {
    /// Store what the knowledge side decided for ticket `ticket` (the ticket row exists).
    /// `Draft`/`Publish` are file operations for the caller and are skipped here.
    pub async fn insert_kb_writes(
        &mut self,
        ticket: i64,
        writes: &[KbWrite],
        now: Timestamp,
    ) -> Result<(), StoreError> {
        for w in writes {
            match w {
                KbWrite::Fact {
                    kind,
                    state,
                    rule,
                    value,
                } => {
                    on_tx!(self, c => {
                        sqlx::query(
                            "INSERT INTO ticket_facts (ticket_id, fact, state, rule, value, updated_at) \
                             VALUES ($1, $2, $3, $4, $5, $6) \
                             ON CONFLICT (ticket_id, fact) DO UPDATE SET state = excluded.state, \
                             rule = excluded.rule, value = excluded.value, updated_at = excluded.updated_at",
                        )
                        .bind(ticket)
                        .bind(kind.as_str())
                        .bind(state.as_str())
                        .bind(rule)
                        .bind(value)
                        .bind(now)
                        .execute(&mut *c)
                        .await?;
                    });
                }
                KbWrite::Suggested {
                    article,
                    title,
                    score,
                    place,
                } => {
                    let place = i64::try_from(*place).unwrap_or(i64::MAX);
                    on_tx!(self, c => {
                        sqlx::query(
                            "INSERT INTO kb_suggestions (ticket_id, article, title, score_x100, place, outcome, suggested_at) \
                             VALUES ($1, $2, $3, $4, $5, 'pending', $6) ON CONFLICT (ticket_id, article) DO NOTHING",
                        )
                        .bind(ticket)
                        .bind(article)
                        .bind(title)
                        .bind(score_x100(*score))
                        .bind(place)
                        .bind(now)
                        .execute(&mut *c)
                        .await?;
                    });
                }
                KbWrite::Outcome { article, outcome } => {
                    let article = article.clone().unwrap_or_default();
                    on_tx!(self, c => {
                        sqlx::query(
                            "UPDATE kb_suggestions SET outcome = $1, answered_at = $2 \
                             WHERE ticket_id = $3 AND outcome = 'pending' AND ($4 = '' OR article = $4)",
                        )
                        .bind(outcome.as_str())
                        .bind(now)
                        .bind(ticket)
                        .bind(&article)
                        .execute(&mut *c)
                        .await?;
                    });
                }
                KbWrite::Draft | KbWrite::Publish => {}
            }
        }
        Ok(())
    }

    /// A ticket's facts and suggestions.
    pub async fn load_kb_state(&mut self, ticket: i64) -> Result<KbState, StoreError> {
        on_tx!(self, c => {
            let facts = sqlx::query(
                "SELECT fact, state, rule, value, updated_at FROM ticket_facts WHERE ticket_id = $1 ORDER BY id",
            )
            .bind(ticket)
            .fetch_all(&mut *c)
            .await?;
            let sql = format!("SELECT {SUGGESTION_COLUMNS} FROM kb_suggestions WHERE ticket_id = $1 ORDER BY place, id");
            let sugg = sqlx::query(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(ticket)
                .fetch_all(&mut *c)
                .await?;
            let facts = facts.iter().map(|r| {
                use sqlx::Row as _;
                Ok::<FactRow, StoreError>(FactRow {
                    fact: r.try_get("fact")?,
                    state: r.try_get("state")?,
                    rule: r.try_get("rule")?,
                    value: r.try_get("value")?,
                    updated_at: r.try_get("updated_at")?,
                })
            }).collect::<Result<Vec<_>, _>>()?;
            let suggestions = sugg.iter().map(|r| suggestion_from_row!(r)).collect::<Result<Vec<_>, _>>()?;
            Ok(KbState { facts, suggestions })
        })
    }

    /// The engineers' internal notes on a ticket (not the `#kb` markers), oldest first.
    pub async fn ticket_notes(&mut self, ticket: i64) -> Result<Vec<String>, StoreError> {
        on_tx!(self, c => {
            let notes: Vec<Option<String>> = sqlx::query_scalar(
                "SELECT detail FROM events WHERE ticket_id = $1 AND kind = 'note' AND actor <> 'supportbot' ORDER BY at, id",
            )
            .bind(ticket)
            .fetch_all(&mut *c)
            .await?;
            Ok(notes
                .into_iter()
                .flatten()
                .filter(|n| !n.starts_with("#kb") && !n.starts_with("internal reply:"))
                .collect())
        })
    }
}

impl Store {
    /// A ticket's facts and suggestions (for `tickets show`).
    pub async fn load_kb_state(&self, ticket: i64) -> Result<KbState, StoreError> {
        let mut tx = self.begin().await?;
        let s = tx.load_kb_state(ticket).await;
        tx.rollback().await?;
        s
    }

    /// What a draft of ticket `number` is made from: the ticket, its request text and the
    /// engineers' notes. `None` when the ticket does not exist.
    pub async fn draft_material(
        &self,
        number: i64,
    ) -> Result<Option<(Ticket, String, Vec<String>)>, StoreError> {
        let mut tx = self.begin().await?;
        let out = match tx.load_ticket(number).await? {
            Some(t) => {
                let request = tx.first_inbound_text(number).await?.unwrap_or_default();
                let notes = tx.ticket_notes(number).await?;
                Some((t, request, notes))
            }
            None => None,
        };
        tx.rollback().await?;
        Ok(out)
    }

    /// Suggestions made in `[since, until]`, for the report.
    pub async fn report_suggestions(
        &self,
        since: Timestamp,
        until: Timestamp,
    ) -> Result<Vec<SuggestionRow>, StoreError> {
        let sql = format!(
            "SELECT {SUGGESTION_COLUMNS} FROM kb_suggestions WHERE suggested_at >= $1 AND suggested_at <= $2 ORDER BY id"
        );
        on_pool!(self, pool => {
            let rows = sqlx::query(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(since)
                .bind(until)
                .fetch_all(pool)
                .await?;
            rows.iter().map(|r| suggestion_from_row!(r)).collect()
        })
    }
}
