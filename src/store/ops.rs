//! SQL of the operations endpoint and `supportbot status`: the outbox's depth and oldest
//! queued mail, and the daemon's health heartbeats, kept as named rows of the `timers`
//! table (`health:mailbox:<key>`: `due_at` = down since, NULL when connected;
//! `updated_at` = the last heartbeat). No migration: the table is the SLA timer's.

use super::{Store, StoreError};
use crate::ticket::model::Timestamp;

/// The outbox as health sees it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OutboxHealth {
    pub queued: i64,
    /// `created_at` of the oldest queued row.
    pub oldest_queued_at: Option<Timestamp>,
    pub failed: i64,
}

/// A named heartbeat row: (name, due_at, updated_at).
pub type HealthRow = (String, Option<Timestamp>, Timestamp);

impl Store {
    /// Queued and failed counts and the oldest queued row, in one query.
    pub async fn outbox_health(&self) -> Result<OutboxHealth, StoreError> {
        on_pool!(self, pool => {
            let (queued, oldest, failed): (i64, Option<i64>, i64) = sqlx::query_as(
                "SELECT COALESCE(SUM(CASE WHEN status = 'queued' THEN 1 ELSE 0 END), 0), \
                 MIN(CASE WHEN status = 'queued' THEN created_at END), \
                 COALESCE(SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END), 0) FROM outbox",
            )
            .fetch_one(pool)
            .await?;
            Ok(OutboxHealth { queued, oldest_queued_at: oldest, failed })
        })
    }

    /// `created_at` of outbox rows (for the commit → sent latency).
    pub async fn outbox_created_at(&self, ids: &[i64]) -> Result<Vec<Timestamp>, StoreError> {
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let v: Option<i64> = on_pool!(self, pool => {
                sqlx::query_scalar("SELECT created_at FROM outbox WHERE id = $1")
                    .bind(id)
                    .fetch_optional(pool)
                    .await
            })?;
            out.extend(v);
        }
        Ok(out)
    }

    /// Every `health:` row.
    pub async fn health_rows(&self) -> Result<Vec<HealthRow>, StoreError> {
        on_pool!(self, pool => {
            let rows: Vec<HealthRow> = sqlx::query_as(
                "SELECT name, due_at, updated_at FROM timers WHERE name LIKE 'health:%' ORDER BY name",
            )
            .fetch_all(pool)
            .await?;
            Ok(rows)
        })
    }

    /// Write the heartbeat rows `(name, due_at)` at `now`, in one transaction.
    pub async fn write_health(
        &self,
        rows: &[(String, Option<Timestamp>)],
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        for (name, due) in rows {
            tx.set_timer(name, *due, now).await?;
        }
        tx.commit().await
    }
}
