//! SQL of change approval: the `approvals` table (migration 0005), one row per plan of a
//! ticket with the JSON state of `ticket::approval::Approval` and copies of the fields the
//! timer and the report filter on. It never decides anything: `ticket::approval` does.

use super::rows::{ticket_from_row, TICKET_COLUMNS_T};
use super::tx::on_tx;
use super::{Store, StoreError, Tx};
use crate::ticket::approval::{Approval, ApprovalPolicy};
use crate::ticket::model::{Ticket, Timestamp};
use crate::ticket::organisation::{organisation_of, Organisation};
use std::collections::HashMap;

fn decode(state: &str) -> Result<Approval, StoreError> {
    serde_json::from_str(state).map_err(|e| StoreError::Data(format!("approval state: {e}")))
}

impl Tx {
    /// The latest plan of a ticket, if it has one.
    pub async fn load_approval(&mut self, ticket: i64) -> Result<Option<Approval>, StoreError> {
        on_tx!(self, c => {
            let row: Option<(String,)> = sqlx::query_as(
                "SELECT state FROM approvals WHERE ticket_id = $1 ORDER BY seq DESC LIMIT 1",
            )
            .bind(ticket)
            .fetch_optional(&mut *c)
            .await?;
            row.map(|(s,)| decode(&s)).transpose()
        })
    }

    /// Insert or update a plan (by ticket and seq) with its next timer due time.
    pub async fn save_approval(
        &mut self,
        ticket: i64,
        a: &Approval,
        policy: &ApprovalPolicy,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let state = serde_json::to_string(a)
            .map_err(|e| StoreError::Data(format!("approval state: {e}")))?;
        on_tx!(self, c => {
            sqlx::query(
                "INSERT INTO approvals (ticket_id, seq, risk, outcome, requested_at, decided_at, \
                 due_at, state, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
                 ON CONFLICT (ticket_id, seq) DO UPDATE SET outcome = excluded.outcome, \
                 decided_at = excluded.decided_at, due_at = excluded.due_at, \
                 state = excluded.state, updated_at = excluded.updated_at",
            )
            .bind(ticket)
            .bind(i64::from(a.seq))
            .bind(a.plan.risk.as_str())
            .bind(a.outcome().as_str())
            .bind(a.proposed_at)
            .bind(a.decided_at())
            .bind(a.next_due(policy))
            .bind(state)
            .bind(now)
            .execute(&mut *c)
            .await?;
            Ok(())
        })
    }

    /// Tickets whose current plan has a reminder or escalation due at `now`.
    pub async fn due_approvals(
        &mut self,
        now: Timestamp,
    ) -> Result<Vec<(Ticket, Approval)>, StoreError> {
        let lock = match self {
            Tx::Sqlite(_) => "",
            Tx::Postgres(_) => " FOR UPDATE OF a",
        };
        let sql = format!(
            "SELECT {TICKET_COLUMNS_T}, a.state FROM approvals a JOIN tickets t ON t.id = a.ticket_id \
             WHERE a.due_at IS NOT NULL AND a.due_at <= $1 ORDER BY a.due_at LIMIT 200{lock}"
        );
        on_tx!(self, c => {
            let rows = sqlx::query(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(now)
                .fetch_all(&mut *c)
                .await?;
            let mut out = Vec::with_capacity(rows.len());
            for r in &rows {
                let t = ticket_from_row!(r)?;
                let state: String = sqlx::Row::try_get(r, "state")?;
                out.push((t, decode(&state)?));
            }
            Ok(out)
        })
    }
}

impl Store {
    /// Every plan of a ticket, oldest first (for `tickets show`).
    pub async fn ticket_approvals(&self, ticket: i64) -> Result<Vec<Approval>, StoreError> {
        on_pool!(self, pool => {
            let rows: Vec<(String,)> = sqlx::query_as(
                "SELECT state FROM approvals WHERE ticket_id = $1 ORDER BY seq",
            )
            .bind(ticket)
            .fetch_all(pool)
            .await?;
            rows.iter().map(|(s,)| decode(s)).collect()
        })
    }

    /// The plans proposed in `[since, until]` with their ticket numbers (for the report).
    pub async fn approvals_between(
        &self,
        since: Timestamp,
        until: Timestamp,
    ) -> Result<Vec<(i64, Approval)>, StoreError> {
        on_pool!(self, pool => {
            let rows: Vec<(i64, String)> = sqlx::query_as(
                "SELECT ticket_id, state FROM approvals WHERE requested_at >= $1 \
                 AND requested_at <= $2 ORDER BY requested_at",
            )
            .bind(since)
            .bind(until)
            .fetch_all(pool)
            .await?;
            rows.iter().map(|(n, s)| Ok((*n, decode(s)?))).collect()
        })
    }

    /// The organisation of every ticket created by `until` that belongs to one of `orgs`
    /// (tickets of the desk itself are absent), for the report.
    pub async fn organisations_of(
        &self,
        orgs: &[Organisation],
        until: Timestamp,
    ) -> Result<HashMap<u64, String>, StoreError> {
        if orgs.is_empty() {
            return Ok(HashMap::new());
        }
        let rows: Vec<(i64, String, String)> = on_pool!(self, pool => {
            sqlx::query_as("SELECT id, requester, mailbox FROM tickets WHERE created_at <= $1")
                .bind(until)
                .fetch_all(pool)
                .await?
        });
        Ok(rows
            .into_iter()
            .filter_map(|(n, requester, mailbox)| {
                let o = organisation_of(orgs, &requester, Some(&mailbox))?;
                Some((u64::try_from(n).ok()?, o.name.clone()))
            })
            .collect())
    }
}
