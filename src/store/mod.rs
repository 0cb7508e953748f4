//! The store: every SQL statement lives here, one method per use-case, behind an enum over
//! SQLite and PostgreSQL (no trait objects, no generics leaking into the workers). Both
//! dialects run the same SQL text (`$N` placeholders work on both); only DDL differs,
//! kept in step in `migrations/{sqlite,postgres}`.

mod batch;
mod rows;
mod tx;

pub use rows::{AttachmentRow, EventRow, MessageRow, OutboxRow, TicketSummary};
pub use tx::{NewMessage, Tx};

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgPool, SqlitePool};
use std::str::FromStr;
use std::time::Duration;

use crate::ticket::model::{Ticket, Timestamp};

/// Whether a released SQLite connection is out of its transaction and may be reused.
///
/// When a COMMIT fails (disk full, read-only disk) SQLite rolls the transaction back by
/// itself; sqlx's ROLLBACK on drop then fails too and the connection keeps a transaction
/// depth of 1 forever: every later `BEGIN IMMEDIATE` on it fails with "attempted to call
/// begin_with at non-zero transaction depth", which the pipeline took for a bad mail and
/// quarantined good requests. An empty custom BEGIN is a no-op on a healthy connection
/// (sqlx answers `BeginFailed`) and `InvalidSavePointStatement` on a stuck one, which the
/// pool then closes instead of handing out again.
async fn transaction_closed(conn: &mut sqlx::SqliteConnection) -> bool {
    use sqlx::Connection as _;
    !matches!(
        conn.begin_with("").await,
        Err(sqlx::Error::InvalidSavePointStatement)
    )
}

/// What went wrong, by what the caller does about it.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found: {0}")]
    NotFound(String),
    /// A unique key already exists (a duplicate that must not be written twice).
    #[error("conflict: {0}")]
    Conflict(String),
    /// The database cannot be reached or written right now (server down, disk full,
    /// read-only, locked): leave the mail unprocessed and retry later.
    #[error("database unavailable: {0}")]
    Unavailable(String),
    /// Stored data does not decode, or a statement is wrong: a bug or a corrupt row.
    #[error("database error: {0}")]
    Data(String),
}

impl StoreError {
    pub fn is_transient(&self) -> bool {
        matches!(self, StoreError::Unavailable(_))
    }
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        match &e {
            sqlx::Error::RowNotFound => StoreError::NotFound(e.to_string()),
            sqlx::Error::Database(db) => {
                if db.is_unique_violation() {
                    return StoreError::Conflict(db.message().to_string());
                }
                let code = db.code().map(|c| c.to_string()).unwrap_or_default();
                // SQLite: 5 BUSY, 6 LOCKED, 8 READONLY, 10 IOERR, 13 FULL, 14 CANTOPEN (and
                // extended codes whose low byte is one of these). PostgreSQL: classes 08
                // (connection), 53 (resources), 57 (operator intervention), 40 (rollback).
                let sqlite_transient = code
                    .parse::<i64>()
                    .map(|c| matches!(c & 0xff, 5 | 6 | 8 | 10 | 13 | 14))
                    .unwrap_or(false);
                let pg_transient = ["08", "53", "57", "40"].iter().any(|p| code.starts_with(p));
                if sqlite_transient || pg_transient {
                    StoreError::Unavailable(db.message().to_string())
                } else {
                    StoreError::Data(db.message().to_string())
                }
            }
            sqlx::Error::Io(_)
            | sqlx::Error::Tls(_)
            | sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::WorkerCrashed
            | sqlx::Error::Protocol(_) => StoreError::Unavailable(e.to_string()),
            _ => StoreError::Data(e.to_string()),
        }
    }
}

impl From<sqlx::migrate::MigrateError> for StoreError {
    fn from(e: sqlx::migrate::MigrateError) -> Self {
        match e {
            sqlx::migrate::MigrateError::Execute(inner) => inner.into(),
            other => StoreError::Data(format!("migration: {other}")),
        }
    }
}

/// Most connections of a SQLite pool, whatever `max_connections` says.
pub const SQLITE_MAX_CONNECTIONS: u32 = 3;

/// Connection settings.
#[derive(Debug, Clone)]
pub struct StoreOptions {
    /// Most connections the pool opens (per process: a fleet of N daemons opens up to N×).
    pub max_connections: u32,
    /// Connections kept open even when idle (0: open on demand).
    pub min_connections: u32,
    /// PostgreSQL `statement_timeout`; SQLite's busy timeout.
    pub statement_timeout: Duration,
    /// How long a caller waits for a free pooled connection before the store is
    /// reported unavailable.
    pub acquire_timeout: Duration,
}

impl Default for StoreOptions {
    fn default() -> Self {
        StoreOptions {
            max_connections: 8,
            min_connections: 0,
            statement_timeout: Duration::from_secs(30),
            acquire_timeout: Duration::from_secs(30),
        }
    }
}

/// The database: SQLite (embedded default) or PostgreSQL.
#[derive(Debug, Clone)]
pub enum Store {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Run the same body against whichever pool the store holds.
macro_rules! on_pool {
    ($store:expr, $pool:ident => $body:expr) => {
        match $store {
            Store::Sqlite($pool) => $body,
            Store::Postgres($pool) => $body,
        }
    };
}

mod approval;
mod corrections;
mod knowledge;
mod ops;
mod pending;
mod recovery;
mod sla;
mod synthetic;
mod transfer;

pub use ops::{HealthRow, OutboxHealth};
pub use pending::{PendingMessage, PendingProcessed, PendingRows};
pub use sla::SlaTicket;
pub use synthetic::{synthetic_history, SyntheticTicket};
pub use transfer::{TransferReport, TABLES};

impl Store {
    /// Open (and for SQLite create) the database at `url`.
    pub async fn connect(url: &str, opts: &StoreOptions) -> Result<Store, StoreError> {
        if url.starts_with("sqlite:") {
            let options = SqliteConnectOptions::from_str(url)
                .map_err(|e| StoreError::Data(format!("database.url: {e}")))?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                // WAL + NORMAL is durable across process crashes; only an OS crash can lose
                // the last commits, and then the mails are still unflagged on the server.
                .synchronous(SqliteSynchronous::Normal)
                .busy_timeout(opts.statement_timeout)
                .foreign_keys(true);
            if let Some(parent) = options.get_filename().parent() {
                if !parent.as_os_str().is_empty() {
                    std::fs::create_dir_all(parent).map_err(|e| {
                        StoreError::Unavailable(format!("create {}: {e}", parent.display()))
                    })?;
                }
            }
            // SQLite has one writer: connections past a few buy no throughput, and each
            // costs a thread (with its own malloc arena) and a page cache. Measured with
            // `bench --pool N` on 5,000 mails: 8 → 3 connections took peak RSS of `once`
            // from 105–124 to 94 MiB at the same rate.
            let max = opts.max_connections.clamp(1, SQLITE_MAX_CONNECTIONS);
            let pool = SqlitePoolOptions::new()
                .max_connections(max)
                .min_connections(opts.min_connections.min(max))
                .acquire_timeout(opts.acquire_timeout)
                .after_release(|conn, _| {
                    Box::pin(async move { Ok(transaction_closed(conn).await) })
                })
                .connect_with(options)
                .await?;
            Ok(Store::Sqlite(pool))
        } else {
            let ms = opts.statement_timeout.as_millis().to_string();
            let options = PgConnectOptions::from_str(url)
                .map_err(|e| StoreError::Data(format!("database.url: {e}")))?
                .options([("statement_timeout", ms.as_str())]);
            let pool = PgPoolOptions::new()
                .max_connections(opts.max_connections.max(1))
                .min_connections(opts.min_connections.min(opts.max_connections))
                .acquire_timeout(opts.acquire_timeout)
                .connect_with(options)
                .await?;
            Ok(Store::Postgres(pool))
        }
    }

    /// Apply pending migrations; returns how many were applied.
    pub async fn migrate(&self) -> Result<usize, StoreError> {
        let before = self.applied_migrations().await.unwrap_or(0);
        match self {
            Store::Sqlite(pool) => {
                sqlx::migrate!("src/store/migrations/sqlite")
                    .run(pool)
                    .await?
            }
            Store::Postgres(pool) => {
                sqlx::migrate!("src/store/migrations/postgres")
                    .run(pool)
                    .await?
            }
        }
        let after = self.applied_migrations().await.unwrap_or(0);
        Ok(after.saturating_sub(before))
    }

    async fn applied_migrations(&self) -> Result<usize, StoreError> {
        let n: i64 = on_pool!(self, pool => {
            sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations WHERE success")
                .fetch_one(pool)
                .await?
        });
        Ok(usize::try_from(n).unwrap_or(0))
    }

    pub fn backend(&self) -> &'static str {
        match self {
            Store::Sqlite(_) => "sqlite",
            Store::Postgres(_) => "postgres",
        }
    }

    /// Start a write transaction.
    pub async fn begin(&self) -> Result<Tx, StoreError> {
        Ok(match self {
            // IMMEDIATE takes the write lock up front: a deferred transaction that reads
            // first and then writes gets SQLITE_BUSY at once (no busy wait) whenever another
            // connection committed in between, as the outbox sender constantly does.
            Store::Sqlite(pool) => Tx::Sqlite(pool.begin_with("BEGIN IMMEDIATE").await?),
            Store::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    /// Tickets, newest first, with message counts.
    pub async fn list_tickets(&self, limit: i64) -> Result<Vec<TicketSummary>, StoreError> {
        let sql = format!(
            "SELECT {}, (SELECT COUNT(*) FROM messages m WHERE m.ticket_id = t.id) AS message_count \
             FROM tickets t ORDER BY t.id DESC LIMIT $1",
            rows::TICKET_COLUMNS_T
        );
        on_pool!(self, pool => {
            let rows = sqlx::query(sqlx::AssertSqlSafe(sql.as_str())).bind(limit).fetch_all(pool).await?;
            rows.iter().map(|r| rows::summary_from_row!(r)).collect()
        })
    }

    /// One ticket by number.
    pub async fn load_ticket(&self, number: i64) -> Result<Option<Ticket>, StoreError> {
        let sql = format!(
            "SELECT {} FROM tickets t WHERE t.id = $1",
            rows::TICKET_COLUMNS_T
        );
        on_pool!(self, pool => {
            match sqlx::query(sqlx::AssertSqlSafe(sql.as_str())).bind(number).fetch_optional(pool).await? {
                Some(r) => Ok(Some(rows::ticket_from_row!(r)?)),
                None => Ok(None),
            }
        })
    }

    /// When the next auto-close step (reminder or close) is due, if any.
    pub async fn next_workflow_due(&self) -> Result<Option<Timestamp>, StoreError> {
        on_pool!(self, pool => {
            let due: Option<i64> = sqlx::query_scalar(
                "SELECT MIN(workflow_due_at) FROM tickets WHERE workflow_due_at IS NOT NULL",
            )
            .fetch_one(pool)
            .await?;
            Ok(due)
        })
    }

    /// A ticket's audit trail, oldest first.
    pub async fn load_events(&self, number: i64) -> Result<Vec<EventRow>, StoreError> {
        on_pool!(self, pool => {
            let rows = sqlx::query(
                "SELECT at, actor, kind, from_value, to_value, detail, message_id \
                 FROM events WHERE ticket_id = $1 ORDER BY at, id",
            )
            .bind(number)
            .fetch_all(pool)
            .await?;
            rows.iter().map(|r| rows::event_from_row!(r)).collect()
        })
    }

    /// A ticket's messages, oldest first.
    pub async fn load_messages(&self, number: i64) -> Result<Vec<MessageRow>, StoreError> {
        on_pool!(self, pool => {
            let rows = sqlx::query(
                "SELECT id, direction, visibility, message_id, sender, subject, body, created_at \
                 FROM messages WHERE ticket_id = $1 ORDER BY created_at, id",
            )
            .bind(number)
            .fetch_all(pool)
            .await?;
            rows.iter().map(|r| rows::message_from_row!(r)).collect()
        })
    }

    /// A ticket's attachments.
    pub async fn load_attachments(&self, number: i64) -> Result<Vec<AttachmentRow>, StoreError> {
        on_pool!(self, pool => {
            let rows = sqlx::query(
                "SELECT message_row, filename, content_type, size, sha256 \
                 FROM attachments WHERE ticket_id = $1 ORDER BY id",
            )
            .bind(number)
            .fetch_all(pool)
            .await?;
            rows.iter().map(|r| rows::attachment_from_row!(r)).collect()
        })
    }

    /// Claim up to `limit` due outbox rows for `lease` seconds. A crashed sender's rows
    /// become due again when the lease runs out.
    pub async fn claim_outbox(
        &self,
        now: Timestamp,
        lease: i64,
        limit: i64,
    ) -> Result<Vec<OutboxRow>, StoreError> {
        self.claim_outbox_as(now, lease, limit, "").await
    }

    /// [`Store::claim_outbox`] for the sender `owner`, whose heartbeat
    /// ([`Store::renew_claims`]) keeps the lease alive while it lives.
    pub async fn claim_outbox_as(
        &self,
        now: Timestamp,
        lease: i64,
        limit: i64,
        owner: &str,
    ) -> Result<Vec<OutboxRow>, StoreError> {
        // Only the oldest queued mail of a ticket is claimable, so a ticket's mails go out
        // in order even across retries and several senders.
        let base = "SELECT o.id FROM outbox o WHERE o.status = 'queued' \
             AND o.next_attempt_at <= $2 AND o.claimed_until <= $2 \
             AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.status = 'queued' \
             AND p.ticket_id = o.ticket_id AND p.id < o.id) ORDER BY o.id LIMIT $3";
        let pick = match self {
            Store::Sqlite(_) => base.to_string(),
            Store::Postgres(_) => format!("{base} FOR UPDATE SKIP LOCKED"),
        };
        let sql = format!(
            "UPDATE outbox SET claimed_until = $1, claimed_by = $4 WHERE id IN ({pick}) \
             RETURNING id, ticket_id, kind, message_id, env_from, env_to, bytes, attempts"
        );
        on_pool!(self, pool => {
            let rows = sqlx::query(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(now + lease)
                .bind(now)
                .bind(limit)
                .bind(owner)
                .fetch_all(pool)
                .await?;
            let mut out: Vec<OutboxRow> =
                rows.iter().map(|r| rows::outbox_from_row!(r)).collect::<Result<_, _>>()?;
            // Per ticket, older mails first (RETURNING order is unspecified).
            out.sort_by_key(|r| r.id);
            Ok(out)
        })
    }

    /// Mark rows delivered.
    pub async fn mark_sent(&self, ids: &[i64], now: Timestamp) -> Result<(), StoreError> {
        if ids.is_empty() {
            return Ok(());
        }
        let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        let sql = format!(
            "UPDATE outbox SET status = 'sent', sent_at = $1, claimed_until = 0, claimed_by = '', \
             attempts = attempts + 1, last_error = NULL WHERE id IN ({list})"
        );
        on_pool!(self, pool => {
            sqlx::query(sqlx::AssertSqlSafe(sql.as_str())).bind(now).execute(pool).await?;
            Ok(())
        })
    }

    /// Schedule another attempt after a transient failure.
    pub async fn mark_retry(
        &self,
        id: i64,
        error: &str,
        next_attempt_at: Timestamp,
    ) -> Result<(), StoreError> {
        on_pool!(self, pool => {
            sqlx::query(
                "UPDATE outbox SET attempts = attempts + 1, last_error = $1, \
                 next_attempt_at = $2, claimed_until = 0, claimed_by = '' WHERE id = $3",
            )
            .bind(error)
            .bind(next_attempt_at)
            .bind(id)
            .execute(pool)
            .await?;
            Ok(())
        })
    }

    /// Give up on a row: a permanent failure or too many attempts. Kept with the reason.
    pub async fn mark_failed(&self, id: i64, error: &str) -> Result<(), StoreError> {
        on_pool!(self, pool => {
            sqlx::query(
                "UPDATE outbox SET status = 'failed', attempts = attempts + 1, \
                 last_error = $1, claimed_until = 0, claimed_by = '' WHERE id = $2",
            )
            .bind(error)
            .bind(id)
            .execute(pool)
            .await?;
            Ok(())
        })
    }

    /// Outbox rows per status, e.g. [("queued", 3), ("sent", 120)].
    pub async fn outbox_counts(&self) -> Result<Vec<(String, i64)>, StoreError> {
        on_pool!(self, pool => {
            let rows: Vec<(String, i64)> =
                sqlx::query_as("SELECT status, COUNT(*) FROM outbox GROUP BY status ORDER BY status")
                    .fetch_all(pool)
                    .await?;
            Ok(rows)
        })
    }

    /// Earliest next attempt of a queued row, so the sender sleeps until then.
    pub async fn next_outbox_due(&self) -> Result<Option<Timestamp>, StoreError> {
        on_pool!(self, pool => {
            let v: Option<i64> = sqlx::query_scalar(
                "SELECT MIN(CASE WHEN claimed_until > next_attempt_at THEN claimed_until \
                 ELSE next_attempt_at END) FROM outbox WHERE status = 'queued'",
            )
            .fetch_one(pool)
            .await?;
            Ok(v)
        })
    }

    /// Where fetching resumes for a mailbox: (uidvalidity, last uid processed).
    pub async fn mailbox_state(&self, mailbox: &str) -> Result<Option<(i64, i64)>, StoreError> {
        on_pool!(self, pool => {
            let row: Option<(i64, i64)> = sqlx::query_as(
                "SELECT uidvalidity, last_uid FROM mailbox_state WHERE mailbox = $1",
            )
            .bind(mailbox)
            .fetch_optional(pool)
            .await?;
            Ok(row)
        })
    }

    /// Quarantined mails: (message_id, reason, processed_at), newest first.
    pub async fn list_quarantine(
        &self,
        limit: i64,
    ) -> Result<Vec<(String, String, i64)>, StoreError> {
        on_pool!(self, pool => {
            let rows: Vec<(String, Option<String>, i64)> = sqlx::query_as(
                "SELECT message_id, reason, processed_at FROM processed \
                 WHERE outcome = 'quarantined' ORDER BY id DESC LIMIT $1",
            )
            .bind(limit)
            .fetch_all(pool)
            .await?;
            Ok(rows.into_iter().map(|(m, r, t)| (m, r.unwrap_or_default(), t)).collect())
        })
    }

    pub async fn close(&self) {
        on_pool!(self, pool => pool.close().await)
    }
}
