//! A write transaction: everything one batch of mails changes commits together —
//! tickets, messages, events, outbox rows and the processed marks — or nothing does.

use super::rows::{ticket_from_row, TICKET_COLUMNS_T};
use super::StoreError;
use crate::mail::render::RenderedMail;
use crate::ticket::model::{Event, Ticket, Timestamp};
use sqlx::{Postgres, Sqlite, Transaction};

/// An open transaction on either database.
pub enum Tx {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

/// Run the same body against the transaction's connection, whichever database it is.
macro_rules! on_tx {
    ($tx:expr, $c:ident => $body:expr) => {
        match $tx {
            Tx::Sqlite(t) => {
                let $c = &mut **t;
                $body
            }
            Tx::Postgres(t) => {
                let $c = &mut **t;
                $body
            }
        }
    };
}

pub(super) use on_tx;

/// A message to store on a ticket.
#[derive(Debug, Clone)]
pub struct NewMessage<'a> {
    pub ticket: i64,
    pub direction: &'a str,
    pub visibility: &'a str,
    pub message_id: &'a str,
    pub sender: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
    pub raw_id: Option<i64>,
    pub at: Timestamp,
}

impl Tx {
    pub async fn commit(self) -> Result<(), StoreError> {
        match self {
            Tx::Sqlite(t) => t.commit().await?,
            Tx::Postgres(t) => t.commit().await?,
        }
        Ok(())
    }

    pub async fn rollback(self) -> Result<(), StoreError> {
        match self {
            Tx::Sqlite(t) => t.rollback().await?,
            Tx::Postgres(t) => t.rollback().await?,
        }
        Ok(())
    }

    /// Where fetching resumes: (uidvalidity, last uid processed).
    pub async fn mailbox_state(&mut self, mailbox: &str) -> Result<Option<(i64, i64)>, StoreError> {
        on_tx!(self, c => {
            let row: Option<(i64, i64)> = sqlx::query_as(
                "SELECT uidvalidity, last_uid FROM mailbox_state WHERE mailbox = $1",
            )
            .bind(mailbox)
            .fetch_optional(&mut *c)
            .await?;
            Ok(row)
        })
    }

    /// Claim `mailbox` for the rest of this transaction and return where fetching resumes
    /// as committed by whoever held the claim before: (uidvalidity, last uid processed).
    ///
    /// PostgreSQL: a transaction-scoped advisory lock keyed by the mailbox, so daemons of a
    /// fleet process one mailbox's batches one after another and each re-reads `last_uid`
    /// after the previous holder committed (a crashed holder's lock dies with its
    /// connection). SQLite: `BEGIN IMMEDIATE` already serialises every writer.
    pub async fn claim_mailbox(&mut self, mailbox: &str) -> Result<Option<(i64, i64)>, StoreError> {
        if let Tx::Postgres(t) = self {
            // Two-int form: class 0x5b0 ("sb") keeps our keys apart from other users'.
            sqlx::query("SELECT pg_advisory_xact_lock(1456, hashtext($1))")
                .bind(mailbox)
                .execute(&mut **t)
                .await?;
        }
        self.mailbox_state(mailbox).await
    }

    pub async fn set_mailbox_state(
        &mut self,
        mailbox: &str,
        uidvalidity: i64,
        last_uid: i64,
    ) -> Result<(), StoreError> {
        on_tx!(self, c => {
            sqlx::query(
                "INSERT INTO mailbox_state (mailbox, uidvalidity, last_uid) VALUES ($1, $2, $3) \
                 ON CONFLICT (mailbox) DO UPDATE SET uidvalidity = excluded.uidvalidity, \
                 last_uid = excluded.last_uid",
            )
            .bind(mailbox)
            .bind(uidvalidity)
            .bind(last_uid)
            .execute(&mut *c)
            .await?;
            Ok(())
        })
    }

    /// Remember a duplicate copy's UID (same Message-ID seen before).
    pub async fn record_duplicate_uid(
        &mut self,
        mailbox: &str,
        uidvalidity: i64,
        uid: i64,
        message_id: &str,
    ) -> Result<(), StoreError> {
        on_tx!(self, c => {
            sqlx::query(
                "INSERT INTO seen_uids (mailbox, uidvalidity, uid, message_id) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT DO NOTHING",
            )
            .bind(mailbox)
            .bind(uidvalidity)
            .bind(uid)
            .bind(message_id)
            .execute(&mut *c)
            .await?;
            Ok(())
        })
    }

    /// The ticket a mail belongs to: a referenced Message-ID we know (ours or one stored
    /// on a ticket), else the `[#N]` subject tag.
    pub async fn find_ticket(
        &mut self,
        references: &[String],
        our_ticket: Option<i64>,
        subject_tag: Option<i64>,
    ) -> Result<Option<Ticket>, StoreError> {
        if let Some(n) = our_ticket {
            if let Some(t) = self.load_ticket(n).await? {
                return Ok(Some(t));
            }
        }
        for id in references.iter().rev().take(20) {
            let found: Option<i64> = on_tx!(self, c => {
                sqlx::query_scalar(
                    "SELECT ticket_id FROM messages WHERE message_id = $1 \
                     UNION ALL SELECT ticket_id FROM outbox WHERE message_id = $1 AND ticket_id IS NOT NULL \
                     LIMIT 1",
                )
                .bind(id)
                .fetch_optional(&mut *c)
                .await?
            });
            if let Some(n) = found {
                return self.load_ticket(n).await;
            }
        }
        match subject_tag {
            Some(n) => self.load_ticket(n).await,
            None => Ok(None),
        }
    }

    pub async fn load_ticket(&mut self, number: i64) -> Result<Option<Ticket>, StoreError> {
        let sql = format!("SELECT {TICKET_COLUMNS_T} FROM tickets t WHERE t.id = $1");
        on_tx!(self, c => {
            match sqlx::query(sqlx::AssertSqlSafe(sql.as_str())).bind(number).fetch_optional(&mut *c).await? {
                Some(r) => Ok(Some(ticket_from_row!(r)?)),
                None => Ok(None),
            }
        })
    }

    /// The number the next ticket gets. SQLite: one writer at a time, so MAX+1 has no
    /// gaps; PostgreSQL: the identity sequence (gaps are fine, duplicates impossible).
    pub async fn reserve_ticket_number(&mut self) -> Result<i64, StoreError> {
        match self {
            Tx::Sqlite(t) => {
                let n: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM tickets")
                    .fetch_one(&mut **t)
                    .await?;
                Ok(n)
            }
            Tx::Postgres(t) => {
                let n: i64 =
                    sqlx::query_scalar("SELECT nextval(pg_get_serial_sequence('tickets', 'id'))")
                        .fetch_one(&mut **t)
                        .await?;
                Ok(n)
            }
        }
    }

    /// Keep the raw bytes of a mail; returns the row id.
    pub async fn insert_raw(
        &mut self,
        sha256: &str,
        bytes: &[u8],
        at: Timestamp,
    ) -> Result<i64, StoreError> {
        on_tx!(self, c => {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO raw_mails (sha256, bytes, received_at) VALUES ($1, $2, $3) RETURNING id",
            )
            .bind(sha256)
            .bind(bytes)
            .bind(at)
            .fetch_one(&mut *c)
            .await?;
            Ok(id)
        })
    }

    pub async fn insert_ticket(&mut self, t: &Ticket) -> Result<(), StoreError> {
        let reasons = serde_json::to_string(&t.reasons).unwrap_or_else(|_| "[]".into());
        let cc = serde_json::to_string(&t.cc).unwrap_or_else(|_| "[]".into());
        on_tx!(self, c => {
            sqlx::query(
                "INSERT INTO tickets (id, status, category, priority, language, requester, \
                 requester_name, subject, reasons, mailbox, created_at, updated_at, respond_by, \
                 resolve_by, first_response_at, resolved_at, closed_at, assignee, rating, \
                 root_message_id, cc, reopen_count, solution, awaiting, last_public_update_at, \
                 previous_ticket, reminded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, \
                 $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27)",
            )
            .bind(t.number)
            .bind(t.status.as_str())
            .bind(t.category.as_str())
            .bind(t.priority.as_str())
            .bind(t.language.as_str())
            .bind(&t.requester)
            .bind(&t.requester_name)
            .bind(&t.subject)
            .bind(reasons)
            .bind(&t.mailbox)
            .bind(t.created_at)
            .bind(t.updated_at)
            .bind(t.respond_by)
            .bind(t.resolve_by)
            .bind(t.first_response_at)
            .bind(t.resolved_at)
            .bind(t.closed_at)
            .bind(&t.assignee)
            .bind(t.rating.map(i64::from))
            .bind(&t.root_message_id)
            .bind(cc)
            .bind(i64::from(t.reopen_count))
            .bind(&t.solution)
            .bind(t.awaiting.as_str())
            .bind(t.last_public_update_at)
            .bind(t.previous_ticket)
            .bind(t.reminded_at)
            .execute(&mut *c)
            .await?;
            Ok(())
        })
    }

    /// Write back the mutable fields of a ticket.
    pub async fn update_ticket(&mut self, t: &Ticket) -> Result<(), StoreError> {
        let reasons = serde_json::to_string(&t.reasons).unwrap_or_else(|_| "[]".into());
        let cc = serde_json::to_string(&t.cc).unwrap_or_else(|_| "[]".into());
        on_tx!(self, c => {
            sqlx::query(
                "UPDATE tickets SET status = $1, category = $2, priority = $3, updated_at = $4, \
                 respond_by = $5, resolve_by = $6, first_response_at = $7, resolved_at = $8, \
                 closed_at = $9, assignee = $10, rating = $11, reasons = $12, cc = $14, \
                 reopen_count = $15, solution = $16, awaiting = $17, last_public_update_at = $18, \
                 previous_ticket = $19, reminded_at = $20 WHERE id = $13",
            )
            .bind(t.status.as_str())
            .bind(t.category.as_str())
            .bind(t.priority.as_str())
            .bind(t.updated_at)
            .bind(t.respond_by)
            .bind(t.resolve_by)
            .bind(t.first_response_at)
            .bind(t.resolved_at)
            .bind(t.closed_at)
            .bind(&t.assignee)
            .bind(t.rating.map(i64::from))
            .bind(reasons)
            .bind(t.number)
            .bind(cc)
            .bind(i64::from(t.reopen_count))
            .bind(&t.solution)
            .bind(t.awaiting.as_str())
            .bind(t.last_public_update_at)
            .bind(t.previous_ticket)
            .bind(t.reminded_at)
            .execute(&mut *c)
            .await?;
            Ok(())
        })
    }

    /// Store when the ticket's next auto-close step is due (`lifecycle::next_timer`).
    pub async fn set_workflow_due(
        &mut self,
        number: i64,
        due: Option<Timestamp>,
    ) -> Result<(), StoreError> {
        on_tx!(self, c => {
            sqlx::query("UPDATE tickets SET workflow_due_at = $1 WHERE id = $2")
                .bind(due)
                .bind(number)
                .execute(&mut *c)
                .await?;
            Ok(())
        })
    }

    /// Open tickets (new, open, waiting) per assignee, lower-case address: routing input.
    pub async fn open_counts(&mut self) -> Result<Vec<(String, u32)>, StoreError> {
        on_tx!(self, c => {
            let rows: Vec<(String, i64)> = sqlx::query_as(
                "SELECT LOWER(assignee), COUNT(*) FROM tickets \
                 WHERE assignee IS NOT NULL AND status IN ('new', 'open', 'waiting', 'awaiting approval') \
                 GROUP BY LOWER(assignee)",
            )
            .fetch_all(&mut *c)
            .await?;
            Ok(rows
                .into_iter()
                .map(|(a, n)| (a, u32::try_from(n).unwrap_or(u32::MAX)))
                .collect())
        })
    }

    /// The assignee of the newest assigned ticket (round-robin position).
    pub async fn last_assignee(&mut self) -> Result<Option<String>, StoreError> {
        on_tx!(self, c => {
            let a: Option<String> = sqlx::query_scalar(
                "SELECT assignee FROM tickets WHERE assignee IS NOT NULL ORDER BY id DESC LIMIT 1",
            )
            .fetch_optional(&mut *c)
            .await?;
            Ok(a)
        })
    }

    /// An engineer's open tickets (new, open, waiting), most urgent first, for `#list`.
    pub async fn engineer_open_tickets(&mut self, email: &str) -> Result<Vec<Ticket>, StoreError> {
        let sql = format!(
            "SELECT {TICKET_COLUMNS_T} FROM tickets t WHERE LOWER(t.assignee) = $1 \
             AND t.status IN ('new', 'open', 'waiting', 'awaiting approval') ORDER BY t.priority, t.respond_by LIMIT 100"
        );
        on_tx!(self, c => {
            let rows = sqlx::query(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(email.to_lowercase())
                .fetch_all(&mut *c)
                .await?;
            rows.iter().map(|r| ticket_from_row!(r)).collect()
        })
    }

    /// The text of the first mail on a ticket (the request), for handover notifications.
    pub async fn first_inbound_text(&mut self, ticket: i64) -> Result<Option<String>, StoreError> {
        on_tx!(self, c => {
            let body: Option<String> = sqlx::query_scalar(
                "SELECT body FROM messages WHERE ticket_id = $1 AND direction = 'in' \
                 ORDER BY id LIMIT 1",
            )
            .bind(ticket)
            .fetch_optional(&mut *c)
            .await?;
            Ok(body)
        })
    }

    /// Resolved tickets whose auto-close step is due at `now`.
    pub async fn due_workflow_tickets(
        &mut self,
        now: Timestamp,
    ) -> Result<Vec<Ticket>, StoreError> {
        // PostgreSQL: lock the due rows, so a second daemon's sweep waits for this one and
        // then re-checks `workflow_due_at` (moved on by this sweep): a reminder or close is
        // applied once across the fleet. SQLite's BEGIN IMMEDIATE serialises already.
        let lock = match self {
            Tx::Sqlite(_) => "",
            Tx::Postgres(_) => " FOR UPDATE OF t",
        };
        let sql = format!(
            "SELECT {TICKET_COLUMNS_T} FROM tickets t WHERE t.workflow_due_at IS NOT NULL \
             AND t.workflow_due_at <= $1 ORDER BY t.workflow_due_at LIMIT 500{lock}"
        );
        on_tx!(self, c => {
            let rows = sqlx::query(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(now)
                .fetch_all(&mut *c)
                .await?;
            rows.iter().map(|r| ticket_from_row!(r)).collect()
        })
    }

    pub async fn insert_message(&mut self, m: &NewMessage<'_>) -> Result<i64, StoreError> {
        on_tx!(self, c => {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO messages (ticket_id, direction, visibility, message_id, sender, subject, \
                 body, raw_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
            )
            .bind(m.ticket)
            .bind(m.direction)
            .bind(m.visibility)
            .bind(m.message_id)
            .bind(m.sender)
            .bind(m.subject)
            .bind(m.body)
            .bind(m.raw_id)
            .bind(m.at)
            .fetch_one(&mut *c)
            .await?;
            Ok(id)
        })
    }

    #[allow(clippy::too_many_arguments)]
    pub async fn insert_attachment(
        &mut self,
        ticket: i64,
        message_row: i64,
        filename: &str,
        content_type: &str,
        size: i64,
        sha256: &str,
    ) -> Result<(), StoreError> {
        on_tx!(self, c => {
            sqlx::query(
                "INSERT INTO attachments (ticket_id, message_row, filename, content_type, size, sha256) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(ticket)
            .bind(message_row)
            .bind(filename)
            .bind(content_type)
            .bind(size)
            .bind(sha256)
            .execute(&mut *c)
            .await?;
            Ok(())
        })
    }

    /// Append events to a ticket's audit trail in one statement.
    pub async fn insert_events(&mut self, ticket: i64, events: &[Event]) -> Result<(), StoreError> {
        // One multi-row statement per mail instead of one per event: each statement is a
        // round trip to PostgreSQL.
        let rows: Vec<(i64, &Event)> = events.iter().map(|e| (ticket, e)).collect();
        self.insert_event_rows(&rows).await
    }

    /// Queue a rendered mail. A mail with the same Message-ID is queued once only.
    /// Returns whether a row was added.
    pub async fn insert_outbox(
        &mut self,
        ticket: Option<i64>,
        kind: &str,
        mail: &RenderedMail,
        now: Timestamp,
    ) -> Result<bool, StoreError> {
        let env_to = serde_json::to_string(&mail.env_to).unwrap_or_else(|_| "[]".into());
        let recipient = mail
            .env_to
            .first()
            .map(|s| s.to_lowercase())
            .unwrap_or_default();
        on_tx!(self, c => {
            let done = sqlx::query(
                "INSERT INTO outbox (ticket_id, kind, message_id, env_from, env_to, recipient, bytes, \
                 status, attempts, next_attempt_at, claimed_until, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, 'queued', 0, $8, 0, $8) \
                 ON CONFLICT (message_id) DO NOTHING",
            )
            .bind(ticket)
            .bind(kind)
            .bind(&mail.message_id)
            .bind(&mail.env_from)
            .bind(env_to)
            .bind(recipient)
            .bind(&mail.bytes)
            .bind(now)
            .execute(&mut *c)
            .await?;
            Ok(done.rows_affected() > 0)
        })
    }

    /// Mark an inbound mail as dealt with. Both (mailbox, uidvalidity, uid) and the
    /// Message-ID are unique: a second insert is a `Conflict`.
    #[allow(clippy::too_many_arguments)]
    pub async fn insert_processed(
        &mut self,
        mailbox: &str,
        uidvalidity: i64,
        uid: Option<i64>,
        message_id: &str,
        outcome: &str,
        reason: Option<&str>,
        ticket: Option<i64>,
        raw_id: Option<i64>,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        on_tx!(self, c => {
            sqlx::query(
                "INSERT INTO processed (mailbox, uidvalidity, uid, message_id, outcome, reason, \
                 ticket_id, raw_id, processed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            )
            .bind(mailbox)
            .bind(uidvalidity)
            .bind(uid)
            .bind(message_id)
            .bind(outcome)
            .bind(reason)
            .bind(ticket)
            .bind(raw_id)
            .bind(now)
            .execute(&mut *c)
            .await?;
            Ok(())
        })
    }
}
