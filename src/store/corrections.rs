//! SQL of triage corrections: one row per engineer `#category` / `#priority` change, written
//! in the mail's transaction, and the ticket history the report's production accuracy and
//! `rules suggest` read back. Decides nothing: `ticket::correction`, `report::triage` and
//! `ticket::rule_suggest` do, on the rows loaded here.

use super::tx::on_tx;
use super::{Store, StoreError, Tx};
use crate::ticket::correction::{Correction, TriageTicket};
use crate::ticket::model::Timestamp;

/// (id, subject, category, priority, first category correction's old value, first priority
/// correction's old value, number of category / priority corrections, request text).
type HistoryRow = (
    i64,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    i64,
    i64,
    Option<String>,
);

const HISTORY_SQL: &str = "SELECT t.id, t.subject, t.category, t.priority, \
    (SELECT c.old_value FROM corrections c WHERE c.ticket_id = t.id AND c.field = 'category' \
        ORDER BY c.at, c.id LIMIT 1), \
    (SELECT c.old_value FROM corrections c WHERE c.ticket_id = t.id AND c.field = 'priority' \
        ORDER BY c.at, c.id LIMIT 1), \
    (SELECT COUNT(*) FROM corrections c WHERE c.ticket_id = t.id AND c.field = 'category'), \
    (SELECT COUNT(*) FROM corrections c WHERE c.ticket_id = t.id AND c.field = 'priority'), \
    (SELECT m.body FROM messages m WHERE m.ticket_id = t.id AND m.direction = 'in' \
        ORDER BY m.id LIMIT 1) \
    FROM tickets t WHERE t.created_at >= $1 AND t.created_at <= $2 ORDER BY t.id";

impl Tx {
    /// Record corrections (rare: one statement each is fine).
    pub async fn insert_corrections(
        &mut self,
        corrections: &[Correction],
    ) -> Result<(), StoreError> {
        for c in corrections {
            let reasons = serde_json::to_string(&c.reasons)
                .map_err(|e| StoreError::Data(format!("correction reasons: {e}")))?;
            on_tx!(self, conn => {
                sqlx::query(
                    "INSERT INTO corrections (ticket_id, field, old_value, new_value, actor, at, \
                     reasons) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(c.ticket)
                .bind(c.field.as_str())
                .bind(&c.old_value)
                .bind(&c.new_value)
                .bind(&c.actor)
                .bind(c.at)
                .bind(&reasons)
                .execute(&mut *conn)
                .await?;
            });
        }
        Ok(())
    }
}

impl Store {
    /// Tickets created in `[since, until]` with what triage said, what they say now, whether
    /// an engineer corrected them, and the request text.
    pub async fn load_triage_history(
        &self,
        since: Timestamp,
        until: Timestamp,
    ) -> Result<Vec<TriageTicket>, StoreError> {
        let rows: Vec<HistoryRow> = on_pool!(self, pool => {
            sqlx::query_as(HISTORY_SQL)
                .bind(since)
                .bind(until)
                .fetch_all(pool)
                .await?
        });
        rows.into_iter()
            .map(|r| {
                let category = super::rows::parse_enum(&r.2, "category")?;
                let priority = super::rows::parse_enum(&r.3, "priority")?;
                let classified_category = match &r.4 {
                    Some(v) => super::rows::parse_enum(v, "category")?,
                    None => category,
                };
                let classified_priority = match &r.5 {
                    Some(v) => super::rows::parse_enum(v, "priority")?,
                    None => priority,
                };
                Ok(TriageTicket {
                    number: r.0,
                    subject: r.1,
                    text: r.8.unwrap_or_default(),
                    classified_category,
                    classified_priority,
                    category,
                    priority,
                    category_corrected: r.6 > 0,
                    priority_corrected: r.7 > 0,
                })
            })
            .collect()
    }
}
