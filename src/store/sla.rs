//! SQL of the SLA timer, the weekly digest and the service report: open tickets with
//! their clock facts and the alert keys already sent, the alert keys and digest periods
//! inserted with `ON CONFLICT DO NOTHING` (so a notice is queued once even with two
//! daemons), and the report facts in a fixed number of queries whatever the ticket
//! count. It never decides anything: `ticket::sla` and `report` do, on the rows loaded
//! here.

use super::tx::on_tx;
use super::{Store, StoreError, Tx};
use crate::report::TicketFacts;
use crate::ticket::calendar::Calendar;
use crate::ticket::model::{Category, Language, Priority, Status, Timestamp};
use crate::ticket::sla::{self, AlertKey, SlaClock, SlaPolicy};
use crate::ticket::sla_pause::paused_statuses;
use std::collections::HashMap;

/// Statuses whose SLA clocks may still run.
const OPEN: &str = "('new', 'open', 'waiting', 'awaiting approval')";
/// Statuses that may pause the resolve clock (`ticket::sla_pause::paused_statuses`).
const PAUSABLE: &str = "('waiting', 'awaiting approval')";

/// An event `e` of ticket `t` that tells the requester something: a public reply, or a
/// status change made by an engineer (not the requester, not the bot).
const ENGINEER_UPDATE: &str = "(e.kind = 'public_reply' OR (e.kind = 'status' \
    AND LOWER(e.actor) <> LOWER(t.requester) AND e.actor <> 'supportbot'))";

/// An open ticket as the timer sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlaTicket {
    pub number: i64,
    pub subject: String,
    pub status: Status,
    pub category: Category,
    pub language: Language,
    pub requester: String,
    pub assignee: Option<String>,
    pub clock: SlaClock,
    /// Alert keys already queued for this ticket.
    pub sent: Vec<AlertKey>,
}

/// One status change `(ticket, at, from, to)` involving `waiting` or `awaiting approval`.
type Transition = (i64, Timestamp, Option<String>, Option<String>);

/// Pauses per ticket from status-change rows sorted by ticket and time.
fn pauses_by_ticket(rows: &[Transition], paused: &[&str]) -> HashMap<i64, Vec<sla::Pause>> {
    let mut grouped: HashMap<i64, Vec<(Timestamp, &str, &str)>> = HashMap::new();
    for (ticket, at, from, to) in rows {
        grouped.entry(*ticket).or_default().push((
            *at,
            from.as_deref().unwrap_or(""),
            to.as_deref().unwrap_or(""),
        ));
    }
    grouped
        .into_iter()
        .map(|(t, changes)| {
            (
                t,
                crate::ticket::sla_pause::pauses_from_changes(&changes, paused),
            )
        })
        .collect()
}

/// Ticket row of `load_sla_tickets`.
type OpenRow = (
    i64,
    String,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    Timestamp,
    Option<Timestamp>,
    Option<Timestamp>,
    Option<Timestamp>,
);

/// Report row of `report_facts`.
type FactRow = (
    i64,
    String,
    String,
    Option<String>,
    String,
    Timestamp,
    Option<Timestamp>,
    Option<Timestamp>,
    Option<Timestamp>,
    Option<i64>,
    i64,
    i64,
    i64,
);

impl Store {
    /// Every ticket whose clocks may still run (new, open, waiting), with its pauses,
    /// latest public update and the alert keys already queued. Three queries in all.
    /// `pause_on_approval`: `awaiting approval` stops the resolve clock like `waiting`.
    pub async fn load_sla_tickets(
        &self,
        pause_on_approval: bool,
    ) -> Result<Vec<SlaTicket>, StoreError> {
        // First response: the column the workflow maintains, else the first public reply
        // or status change by someone other than the requester and the bot (the automatic
        // acknowledgement is neither). The latest such event is the last public update.
        let tickets_sql = format!(
            "SELECT t.id, t.subject, t.status, t.category, t.priority, t.language, t.requester, \
             t.assignee, t.created_at, \
             COALESCE(t.first_response_at, (SELECT MIN(e.at) FROM events e \
                WHERE e.ticket_id = t.id AND {ENGINEER_UPDATE})), \
             t.resolved_at, \
             (SELECT MAX(e.at) FROM events e WHERE e.ticket_id = t.id AND {ENGINEER_UPDATE}) \
             FROM tickets t WHERE t.status IN {OPEN} ORDER BY t.id"
        );
        let pauses_sql = format!(
            "SELECT e.ticket_id, e.at, e.from_value, e.to_value FROM events e \
             JOIN tickets t ON t.id = e.ticket_id \
             WHERE t.status IN {OPEN} AND e.kind = 'status' \
             AND (e.from_value IN {PAUSABLE} OR e.to_value IN {PAUSABLE}) \
             ORDER BY e.ticket_id, e.at, e.id"
        );
        let keys_sql = format!(
            "SELECT a.ticket_id, a.key FROM sla_alerts a JOIN tickets t ON t.id = a.ticket_id \
             WHERE t.status IN {OPEN}"
        );
        let (rows, transitions, keys): (Vec<OpenRow>, Vec<Transition>, Vec<(i64, String)>) = on_pool!(self, pool => {
            let rows = sqlx::query_as(sqlx::AssertSqlSafe(tickets_sql.as_str()))
                .fetch_all(pool)
                .await?;
            let transitions = sqlx::query_as(sqlx::AssertSqlSafe(pauses_sql.as_str()))
                .fetch_all(pool)
                .await?;
            let keys = sqlx::query_as(sqlx::AssertSqlSafe(keys_sql.as_str()))
                .fetch_all(pool)
                .await?;
            (rows, transitions, keys)
        });
        let mut pauses = pauses_by_ticket(&transitions, paused_statuses(pause_on_approval));
        let mut sent: HashMap<i64, Vec<AlertKey>> = HashMap::new();
        for (ticket, key) in keys {
            // A key this version does not know (written by a newer one) is simply kept
            // out of the arithmetic; its UNIQUE row still prevents a resend of itself.
            if let Ok(k) = key.parse::<AlertKey>() {
                sent.entry(ticket).or_default().push(k);
            }
        }
        rows.into_iter()
            .map(|r| {
                let (id, subject, status, category, priority, language, requester, assignee) =
                    (r.0, r.1, r.2, r.3, r.4, r.5, r.6, r.7);
                let (created_at, first_response_at, resolved_at, last_update) =
                    (r.8, r.9, r.10, r.11);
                Ok(SlaTicket {
                    number: id,
                    subject,
                    status: super::rows::parse_enum(&status, "status")?,
                    category: super::rows::parse_enum(&category, "category")?,
                    language: super::rows::parse_enum(&language, "language")?,
                    requester,
                    assignee: assignee.filter(|a| !a.trim().is_empty()),
                    clock: SlaClock {
                        priority: super::rows::parse_enum::<Priority>(&priority, "priority")?,
                        created_at,
                        first_response_at,
                        resolved_at,
                        pauses: pauses.remove(&id).unwrap_or_default(),
                        last_public_update_at: last_update,
                    },
                    sent: sent.remove(&id).unwrap_or_default(),
                })
            })
            .collect()
    }

    /// The `due_at` of a named timer (`None`: unknown or nothing pending).
    pub async fn load_timer(&self, name: &str) -> Result<Option<Timestamp>, StoreError> {
        on_pool!(self, pool => {
            let v: Option<Option<i64>> =
                sqlx::query_scalar("SELECT due_at FROM timers WHERE name = $1")
                    .bind(name)
                    .fetch_optional(pool)
                    .await?;
            Ok(v.flatten())
        })
    }

    /// Whether the digest of `period` has been queued already.
    pub async fn digest_sent(&self, period: &str) -> Result<bool, StoreError> {
        on_pool!(self, pool => {
            let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM digests WHERE period = $1")
                .bind(period)
                .fetch_one(pool)
                .await?;
            Ok(n > 0)
        })
    }

    /// What the report needs of every ticket that can matter to `[since, until]`, in two
    /// queries (tickets with their event and survey counts; pausing transitions). The
    /// deadlines are recomputed from creation with the current priority, `policy` and
    /// `cal`, pauses included, exactly as the timer judged them.
    pub async fn report_facts(
        &self,
        since: Timestamp,
        until: Timestamp,
        policy: &SlaPolicy,
        cal: &Calendar,
        pause_on_approval: bool,
    ) -> Result<Vec<TicketFacts>, StoreError> {
        // A ticket whose every fact lies before `since` adds nothing to the window.
        let window = |t: &str| {
            format!(
                "{t}.created_at <= $2 AND ({t}.created_at >= $1 OR {t}.resolved_at IS NULL \
                 OR {t}.resolved_at >= $1 OR {t}.closed_at >= $1 OR {t}.first_response_at >= $1 \
                 OR {t}.respond_by >= $1 OR {t}.resolve_by >= $1)"
            )
        };
        let facts_sql = format!(
            "SELECT t.id, t.priority, t.category, t.assignee, t.status, t.created_at, \
             t.first_response_at, t.resolved_at, t.closed_at, t.rating, \
             COALESCE(x.reopens, 0), COALESCE(x.replies, 0), COALESCE(s.surveys, 0) \
             FROM tickets t \
             LEFT JOIN (SELECT e.ticket_id, \
                SUM(CASE WHEN e.kind = 'status' AND e.from_value IN ('resolved', 'closed') \
                    AND e.to_value NOT IN ('resolved', 'closed') THEN 1 ELSE 0 END) AS reopens, \
                SUM(CASE WHEN e.kind = 'public_reply' AND (r.resolved_at IS NULL \
                    OR e.at <= r.resolved_at) THEN 1 ELSE 0 END) AS replies \
                FROM events e JOIN tickets r ON r.id = e.ticket_id \
                WHERE e.kind IN ('status', 'public_reply') AND {rw} \
                GROUP BY e.ticket_id) x ON x.ticket_id = t.id \
             LEFT JOIN (SELECT o.ticket_id, COUNT(*) AS surveys FROM outbox o \
                WHERE o.kind = 'survey' GROUP BY o.ticket_id) s ON s.ticket_id = t.id \
             WHERE {tw} ORDER BY t.id",
            rw = window("r"),
            tw = window("t"),
        );
        let pauses_sql = format!(
            "SELECT e.ticket_id, e.at, e.from_value, e.to_value FROM events e \
             JOIN tickets t ON t.id = e.ticket_id \
             WHERE {tw} AND e.kind = 'status' \
             AND (e.from_value IN {PAUSABLE} OR e.to_value IN {PAUSABLE}) \
             ORDER BY e.ticket_id, e.at, e.id",
            tw = window("t"),
        );
        let (rows, transitions): (Vec<FactRow>, Vec<Transition>) = on_pool!(self, pool => {
            let rows = sqlx::query_as(sqlx::AssertSqlSafe(facts_sql.as_str()))
                .bind(since)
                .bind(until)
                .fetch_all(pool)
                .await?;
            let transitions = sqlx::query_as(sqlx::AssertSqlSafe(pauses_sql.as_str()))
                .bind(since)
                .bind(until)
                .fetch_all(pool)
                .await?;
            (rows, transitions)
        });
        let mut pauses = pauses_by_ticket(&transitions, paused_statuses(pause_on_approval));
        rows.into_iter()
            .map(|r| {
                let priority: Priority = super::rows::parse_enum(&r.1, "priority")?;
                let clock = SlaClock {
                    priority,
                    created_at: r.5,
                    first_response_at: r.6,
                    resolved_at: r.7,
                    pauses: pauses.remove(&r.0).unwrap_or_default(),
                    last_public_update_at: None,
                };
                let d = sla::deadlines(&clock, policy, cal);
                Ok(TicketFacts {
                    number: u64::try_from(r.0).unwrap_or_default(),
                    priority,
                    category: super::rows::parse_enum(&r.2, "category")?,
                    assignee: r.3.filter(|a| !a.trim().is_empty()),
                    status: super::rows::parse_enum(&r.4, "status")?,
                    created_at: r.5,
                    first_response_at: r.6,
                    resolved_at: r.7,
                    closed_at: r.8,
                    respond_by: Some(d.respond_by),
                    resolve_by: d.resolve_by,
                    rating: r.9.and_then(|v| u8::try_from(v).ok()),
                    reopen_count: u32::try_from(r.10).unwrap_or(u32::MAX),
                    engineer_public_replies_before_resolve: u32::try_from(r.11).unwrap_or(u32::MAX),
                    survey_sent: r.12 > 0,
                })
            })
            .collect()
    }
}

impl Tx {
    /// Record that an alert was queued. Returns false when the key was there already
    /// (another daemon or an earlier tick queued it): the caller must then not queue
    /// the mail.
    pub async fn insert_alert_key(
        &mut self,
        ticket: i64,
        key: &AlertKey,
        now: Timestamp,
    ) -> Result<bool, StoreError> {
        on_tx!(self, c => {
            let done = sqlx::query(
                "INSERT INTO sla_alerts (ticket_id, key, sent_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (ticket_id, key) DO NOTHING",
            )
            .bind(ticket)
            .bind(key.to_string())
            .bind(now)
            .execute(&mut *c)
            .await?;
            Ok(done.rows_affected() > 0)
        })
    }

    /// Set a named timer's `due_at` (`None`: nothing pending).
    pub async fn set_timer(
        &mut self,
        name: &str,
        due_at: Option<Timestamp>,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        on_tx!(self, c => {
            sqlx::query(
                "INSERT INTO timers (name, due_at, updated_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (name) DO UPDATE SET due_at = excluded.due_at, \
                 updated_at = excluded.updated_at",
            )
            .bind(name)
            .bind(due_at)
            .bind(now)
            .execute(&mut *c)
            .await?;
            Ok(())
        })
    }

    /// Claim the digest of `period`. Returns false if it was queued already.
    pub async fn insert_digest_period(
        &mut self,
        period: &str,
        now: Timestamp,
    ) -> Result<bool, StoreError> {
        on_tx!(self, c => {
            let done = sqlx::query(
                "INSERT INTO digests (period, sent_at) VALUES ($1, $2) \
                 ON CONFLICT (period) DO NOTHING",
            )
            .bind(period)
            .bind(now)
            .execute(&mut *c)
            .await?;
            Ok(done.rows_affected() > 0)
        })
    }
}
