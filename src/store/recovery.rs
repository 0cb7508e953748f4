//! What a sender or a restarted daemon needs to recover from a crash: the heartbeat that
//! keeps a live sender's outbox claims, the claims a dead sender still holds, and which
//! committed-but-unflagged UIDs were quarantined (so they are moved, not just flagged).
//! Decides nothing; the workers do.

use super::{Store, StoreError};
use crate::ticket::model::Timestamp;
use std::collections::HashSet;

impl Store {
    /// Extend every live claim of `owner` to `until`; returns how many rows it holds. A
    /// claim that already ran out is not revived: another sender may have taken it.
    pub async fn renew_claims(
        &self,
        owner: &str,
        now: Timestamp,
        until: Timestamp,
    ) -> Result<u64, StoreError> {
        on_pool!(self, pool => {
            let done = sqlx::query(
                "UPDATE outbox SET claimed_until = $1 WHERE claimed_by = $2 \
                 AND status = 'queued' AND claimed_until > $3",
            )
            .bind(until)
            .bind(owner)
            .bind(now)
            .execute(pool)
            .await?;
            Ok(done.rows_affected())
        })
    }

    /// When the earliest claim that another sender holds on a mail due now runs out, if
    /// any. A live sender renews its claims before that; a dead one's stay put.
    pub async fn claims_held_by_others(
        &self,
        owner: &str,
        now: Timestamp,
    ) -> Result<Option<Timestamp>, StoreError> {
        on_pool!(self, pool => {
            let v: Option<i64> = sqlx::query_scalar(
                "SELECT MIN(claimed_until) FROM outbox WHERE status = 'queued' \
                 AND next_attempt_at <= $1 AND claimed_until > $1 AND claimed_by <> $2",
            )
            .bind(now)
            .bind(owner)
            .fetch_one(pool)
            .await?;
            Ok(v)
        })
    }

    /// Which of these UIDs of (mailbox, uidvalidity) were committed as quarantined.
    pub async fn quarantined_uids(
        &self,
        mailbox: &str,
        uidvalidity: i64,
        uids: &[u32],
    ) -> Result<HashSet<u32>, StoreError> {
        let mut out = HashSet::new();
        for chunk in uids.chunks(500) {
            let list = chunk
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(",");
            let sql = format!(
                "SELECT uid FROM processed WHERE mailbox = $1 AND uidvalidity = $2 \
                 AND outcome = 'quarantined' AND uid IN ({list})"
            );
            let found: Vec<i64> = on_pool!(self, pool => {
                sqlx::query_scalar(sqlx::AssertSqlSafe(sql.as_str()))
                    .bind(mailbox)
                    .bind(uidvalidity)
                    .fetch_all(pool)
                    .await?
            });
            out.extend(found.into_iter().filter_map(|u| u32::try_from(u).ok()));
        }
        Ok(out)
    }
}
