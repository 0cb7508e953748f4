//! Batch-level lookups: what a whole batch of mails needs to know, in one statement each,
//! instead of one round trip per mail.

use super::tx::{on_tx, Tx};
use super::StoreError;
use crate::ticket::model::Timestamp;
use std::collections::{HashMap, HashSet};

/// `$1, $2, …, $n` starting after `offset` placeholders.
fn placeholders(offset: usize, n: usize) -> String {
    (1..=n)
        .map(|i| format!("${}", offset + i))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Tx {
    /// True on SQLite, where one writer at a time means ticket numbers can be handed out
    /// from a counter within the transaction.
    pub fn is_sqlite(&self) -> bool {
        matches!(self, Tx::Sqlite(_))
    }

    /// Which of these Message-IDs have been processed already.
    pub async fn processed_among(&mut self, ids: &[String]) -> Result<HashSet<String>, StoreError> {
        if ids.is_empty() {
            return Ok(HashSet::new());
        }
        let sql = format!(
            "SELECT message_id FROM processed WHERE message_id IN ({})",
            placeholders(0, ids.len())
        );
        on_tx!(self, c => {
            let mut q = sqlx::query_scalar::<_, String>(sqlx::AssertSqlSafe(sql.as_str()));
            for id in ids {
                q = q.bind(id);
            }
            Ok(q.fetch_all(&mut *c).await?.into_iter().collect())
        })
    }

    /// Mails queued to each of these recipients since `since` (the loop-guard budget),
    /// keyed by lower-case address; absent means none.
    pub async fn sent_counts(
        &mut self,
        recipients: &[String],
        since: Timestamp,
    ) -> Result<HashMap<String, u32>, StoreError> {
        if recipients.is_empty() {
            return Ok(HashMap::new());
        }
        let sql = format!(
            "SELECT recipient, COUNT(*) FROM outbox WHERE created_at >= $1 AND recipient IN ({}) \
             GROUP BY recipient",
            placeholders(1, recipients.len())
        );
        on_tx!(self, c => {
            let mut q = sqlx::query_as::<_, (String, i64)>(sqlx::AssertSqlSafe(sql.as_str())).bind(since);
            for r in recipients {
                q = q.bind(r.to_lowercase());
            }
            Ok(q
                .fetch_all(&mut *c)
                .await?
                .into_iter()
                .map(|(r, n)| (r, u32::try_from(n).unwrap_or(u32::MAX)))
                .collect())
        })
    }
}

impl Tx {
    /// The request fingerprints each of these senders (lower-case) sent since `since`.
    pub async fn sender_fingerprints(
        &mut self,
        senders: &[String],
        since: Timestamp,
    ) -> Result<HashMap<String, HashSet<String>>, StoreError> {
        let mut out: HashMap<String, HashSet<String>> = HashMap::new();
        if senders.is_empty() {
            return Ok(out);
        }
        let sql = format!(
            "SELECT sender, fingerprint FROM sender_requests WHERE created_at >= $1 \
             AND sender IN ({})",
            placeholders(1, senders.len())
        );
        let rows: Vec<(String, String)> = on_tx!(self, c => {
            let mut q = sqlx::query_as::<_, (String, String)>(sqlx::AssertSqlSafe(sql.as_str())).bind(since);
            for s in senders {
                q = q.bind(s);
            }
            q.fetch_all(&mut *c).await?
        });
        for (sender, fp) in rows {
            out.entry(sender).or_default().insert(fp);
        }
        Ok(out)
    }

    /// Remember this batch's request fingerprints (sender, fingerprint) in one statement
    /// per 400 rows, and forget those older than `forget_before`.
    pub async fn insert_sender_requests(
        &mut self,
        rows: &[(String, String)],
        now: Timestamp,
        forget_before: Timestamp,
    ) -> Result<(), StoreError> {
        on_tx!(self, c => {
            sqlx::query("DELETE FROM sender_requests WHERE created_at < $1")
                .bind(forget_before)
                .execute(&mut *c)
                .await?;
        });
        for chunk in rows.chunks(400) {
            let values = (0..chunk.len())
                .map(|i| format!("(${}, ${}, $1)", 2 * i + 2, 2 * i + 3))
                .collect::<Vec<_>>()
                .join(", ");
            let sql = format!(
                "INSERT INTO sender_requests (sender, fingerprint, created_at) VALUES {values}"
            );
            on_tx!(self, c => {
                let mut q = sqlx::query(sqlx::AssertSqlSafe(sql.as_str())).bind(now);
                for (s, f) in chunk {
                    q = q.bind(s).bind(f);
                }
                q.execute(&mut *c).await?;
            });
        }
        Ok(())
    }
}
