//! Rows a batch writes late: the plain rows of new tickets (message, events,
//! acknowledgement, processed mark, facts and suggestions) are collected while the batch
//! decides and written with a few multi-row statements before the batch commits, instead
//! of a statement or more per mail. Same transaction as everything else: a mail is
//! flagged only after its rows are committed, and a failed flush fails the batch.
//!
//! The batch owner flushes before anything that could read these rows (a mail that
//! names an earlier one, an engineer's mail, the end of the batch).

use super::knowledge::score_x100;
use super::tx::{on_tx, Tx};
use super::StoreError;
use crate::mail::render::RenderedMail;
use crate::ticket::model::{Event, Timestamp};

/// Rows per statement. SQLite's driver looks every bound value up by name, so the cost of a
/// statement grows with the square of its parameters: 20 rows measured 924-994 mails/s
/// where 100 rows gave 757 (bench, 5,000 mails, SQLite, release, load < 2).
const ROWS: usize = 20;

/// An inbound message on a new ticket (one without attachments).
#[derive(Debug, Clone)]
pub struct PendingMessage {
    pub ticket: i64,
    pub message_id: String,
    pub sender: String,
    pub subject: String,
    pub body: String,
    pub raw_id: i64,
    pub at: Timestamp,
}

/// A processed mark: `(mailbox, uidvalidity, uid, message_id, outcome, ticket, raw_id, at)`.
#[derive(Debug, Clone)]
pub struct PendingProcessed {
    pub mailbox: String,
    pub uidvalidity: i64,
    pub uid: Option<i64>,
    pub message_id: String,
    pub ticket: i64,
    pub raw_id: i64,
    pub at: Timestamp,
}

/// What a batch has decided but not yet written.
#[derive(Debug, Default)]
pub struct PendingRows {
    pub messages: Vec<PendingMessage>,
    pub events: Vec<(i64, Event)>,
    /// Mails on the new tickets, in order: `(ticket, kind, rendered, now)`.
    pub outbox: Vec<(i64, &'static str, RenderedMail, Timestamp)>,
    pub processed: Vec<PendingProcessed>,
    /// `(ticket, fact, state, rule, value, at)`.
    pub facts: Vec<(i64, String, String, String, String, Timestamp)>,
    /// `(ticket, article, title, score, place, at)`.
    pub suggestions: Vec<(i64, String, String, f64, i64, Timestamp)>,
}

impl PendingRows {
    pub fn is_empty(&self) -> bool {
        self.messages.is_empty()
            && self.events.is_empty()
            && self.outbox.is_empty()
            && self.processed.is_empty()
            && self.facts.is_empty()
            && self.suggestions.is_empty()
    }
}

/// `($1, …, $cols), (…)` for `rows` rows.
fn values(cols: usize, rows: usize) -> String {
    (0..rows)
        .map(|r| {
            let cells: Vec<String> = (1..=cols).map(|c| format!("${}", r * cols + c)).collect();
            format!("({})", cells.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

impl Tx {
    /// Events of any tickets in multi-row statements of [`ROWS`]; `insert_events` and the
    /// batch's pending rows both write through here.
    pub(super) async fn insert_event_rows(
        &mut self,
        rows: &[(i64, &Event)],
    ) -> Result<(), StoreError> {
        for chunk in rows.chunks(ROWS) {
            let sql = format!(
                "INSERT INTO events (ticket_id, at, actor, kind, from_value, to_value, detail, \
                 message_id) VALUES {}",
                values(8, chunk.len())
            );
            on_tx!(self, c => {
                let mut q = sqlx::query(sqlx::AssertSqlSafe(sql.as_str()));
                for (ticket, e) in chunk {
                    q = q
                        .bind(*ticket)
                        .bind(e.at)
                        .bind(&e.actor)
                        .bind(e.kind.as_str())
                        .bind(&e.from_value)
                        .bind(&e.to_value)
                        .bind(&e.detail)
                        .bind(&e.message_id);
                }
                q.execute(&mut *c).await?;
            });
        }
        Ok(())
    }

    /// Write and clear `rows`, parents first (the foreign keys are checked per
    /// statement). Returns how many mails were queued, and how many of them are
    /// acknowledgements (a Message-ID already in the outbox is skipped, as by
    /// `insert_outbox`).
    pub async fn flush_pending(
        &mut self,
        rows: &mut PendingRows,
    ) -> Result<(usize, usize), StoreError> {
        for chunk in rows.messages.chunks(ROWS) {
            let sql = format!(
                "INSERT INTO messages (ticket_id, direction, visibility, message_id, sender, \
                 subject, body, raw_id, created_at) VALUES {}",
                values(9, chunk.len())
            );
            on_tx!(self, c => {
                let mut q = sqlx::query(sqlx::AssertSqlSafe(sql.as_str()));
                for m in chunk {
                    q = q
                        .bind(m.ticket)
                        .bind("in")
                        .bind("public")
                        .bind(&m.message_id)
                        .bind(&m.sender)
                        .bind(&m.subject)
                        .bind(&m.body)
                        .bind(m.raw_id)
                        .bind(m.at);
                }
                q.execute(&mut *c).await?;
            });
        }
        let events: Vec<(i64, &Event)> = rows.events.iter().map(|(t, e)| (*t, e)).collect();
        self.insert_event_rows(&events).await?;
        let (mut queued, mut acks) = (0usize, 0usize);
        for chunk in rows.outbox.chunks(ROWS) {
            let sql = format!(
                "INSERT INTO outbox (ticket_id, kind, message_id, env_from, env_to, recipient, \
                 bytes, status, attempts, next_attempt_at, claimed_until, created_at) VALUES {} \
                 ON CONFLICT (message_id) DO NOTHING RETURNING kind",
                // status, attempts and claimed_until are bound too: one placeholder scheme.
                values(12, chunk.len())
            );
            let env: Vec<(String, String)> = chunk
                .iter()
                .map(|(_, _, m, _)| {
                    (
                        serde_json::to_string(&m.env_to).unwrap_or_else(|_| "[]".into()),
                        m.env_to
                            .first()
                            .map(|s| s.to_lowercase())
                            .unwrap_or_default(),
                    )
                })
                .collect();
            let kinds: Vec<String> = on_tx!(self, c => {
                let mut q = sqlx::query(sqlx::AssertSqlSafe(sql.as_str()));
                for ((ticket, kind, m, now), (env_to, recipient)) in chunk.iter().zip(&env) {
                    q = q
                        .bind(*ticket)
                        .bind(*kind)
                        .bind(&m.message_id)
                        .bind(&m.env_from)
                        .bind(env_to)
                        .bind(recipient)
                        .bind(&m.bytes)
                        .bind("queued")
                        .bind(0i64)
                        .bind(*now)
                        .bind(0i64)
                        // created_at = next_attempt_at, as in insert_outbox.
                        .bind(*now);
                }
                q.fetch_all(&mut *c)
                    .await?
                    .iter()
                    .map(|r| sqlx::Row::try_get::<String, _>(r, 0))
                    .collect::<Result<_, _>>()?
            });
            queued += kinds.len();
            acks += kinds.iter().filter(|k| *k == "ack").count();
        }
        for chunk in rows.processed.chunks(ROWS) {
            let sql = format!(
                "INSERT INTO processed (mailbox, uidvalidity, uid, message_id, outcome, reason, \
                 ticket_id, raw_id, processed_at) VALUES {}",
                values(9, chunk.len())
            );
            on_tx!(self, c => {
                let mut q = sqlx::query(sqlx::AssertSqlSafe(sql.as_str()));
                for p in chunk {
                    q = q
                        .bind(&p.mailbox)
                        .bind(p.uidvalidity)
                        .bind(p.uid)
                        .bind(&p.message_id)
                        .bind("ticket")
                        .bind(None::<String>)
                        .bind(p.ticket)
                        .bind(p.raw_id)
                        .bind(p.at);
                }
                q.execute(&mut *c).await?;
            });
        }
        // The same fact twice for a ticket: the later one wins, as with one statement each
        // (PostgreSQL refuses to update a row twice in one statement).
        let mut facts = std::mem::take(&mut rows.facts);
        let mut seen = std::collections::HashSet::new();
        facts.reverse();
        facts.retain(|(t, fact, ..)| seen.insert((*t, fact.clone())));
        facts.reverse();
        for chunk in facts.chunks(ROWS) {
            let sql = format!(
                "INSERT INTO ticket_facts (ticket_id, fact, state, rule, value, updated_at) \
                 VALUES {} ON CONFLICT (ticket_id, fact) DO UPDATE SET state = excluded.state, \
                 rule = excluded.rule, value = excluded.value, updated_at = excluded.updated_at",
                values(6, chunk.len())
            );
            on_tx!(self, c => {
                let mut q = sqlx::query(sqlx::AssertSqlSafe(sql.as_str()));
                for (t, fact, state, rule, value, at) in chunk {
                    q = q.bind(*t).bind(fact).bind(state).bind(rule).bind(value).bind(*at);
                }
                q.execute(&mut *c).await?;
            });
        }
        for chunk in rows.suggestions.chunks(ROWS) {
            let sql = format!(
                "INSERT INTO kb_suggestions (ticket_id, article, title, score_x100, place, \
                 suggested_at) VALUES {} ON CONFLICT (ticket_id, article) DO NOTHING",
                values(6, chunk.len())
            );
            on_tx!(self, c => {
                let mut q = sqlx::query(sqlx::AssertSqlSafe(sql.as_str()));
                for (t, article, title, score, place, at) in chunk {
                    q = q
                        .bind(*t)
                        .bind(article)
                        .bind(title)
                        .bind(score_x100(*score))
                        .bind(*place)
                        .bind(*at);
                }
                q.execute(&mut *c).await?;
            });
        }
        *rows = PendingRows::default();
        Ok((queued, acks))
    }
}

#[cfg(test)]
mod tests {
    use super::values;

    #[test]
    fn values_number_the_placeholders_row_by_row() {
        assert_eq!(values(2, 1), "($1, $2)");
        assert_eq!(values(3, 2), "($1, $2, $3), ($4, $5, $6)");
        assert_eq!(values(1, 0), "");
    }
}
