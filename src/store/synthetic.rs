//! Synthetic ticket histories for the benchmark and the report tests: a deterministic
//! generator (pure; a seeded SplitMix64, no clock) and a batched bulk insert. Never used
//! by the daemon. The SQL inlines only values generated here (integers and fixed ASCII
//! names), never outside input, so building it as text is safe and keeps one statement
//! per few hundred tickets on both databases.

use super::{Store, StoreError};
use crate::ticket::model::{Category, Priority, Status, Timestamp};
use std::fmt::Write as _;

/// One generated ticket with its audit events `(at, kind, from, to)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntheticTicket {
    pub number: i64,
    pub priority: Priority,
    pub category: Category,
    pub status: Status,
    pub assignee: Option<String>,
    pub created_at: Timestamp,
    pub respond_by: Timestamp,
    pub resolve_by: Timestamp,
    pub first_response_at: Option<Timestamp>,
    pub resolved_at: Option<Timestamp>,
    pub closed_at: Option<Timestamp>,
    pub rating: Option<u8>,
    pub survey_sent: bool,
    pub events: Vec<(
        Timestamp,
        &'static str,
        Option<&'static str>,
        Option<&'static str>,
    )>,
}

/// SplitMix64: tiny, seedable, good enough for test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn secs(&mut self, lo: i64, hi: i64) -> i64 {
        let span = u64::try_from(hi.saturating_sub(lo).max(1)).unwrap_or(1);
        lo + i64::try_from(self.below(span)).unwrap_or(0)
    }
}

const ENGINEERS: [&str; 8] = [
    "wang@example.test",
    "li@example.test",
    "zhang@example.test",
    "liu@example.test",
    "chen@example.test",
    "yang@example.test",
    "ana@example.test",
    "bob@example.test",
];

/// `n` tickets numbered from 1, created evenly over `[start, start + span)`, with
/// respond/resolve deadlines of the default 24×7 policy. About 90 % are answered, 80 %
/// resolved (half of those closed), 15 % wait on the requester once, 5 % reopen.
pub fn synthetic_history(n: usize, start: Timestamp, span: i64, seed: u64) -> Vec<SyntheticTicket> {
    let policy = crate::ticket::sla::SlaPolicy::default();
    let mut rng = Rng(seed);
    let count = i64::try_from(n.max(1)).unwrap_or(i64::MAX);
    let step = (span / count).max(1);
    (1..=count.min(i64::try_from(n).unwrap_or(0)))
        .map(|number| {
            let created = start + (number - 1) * step + rng.secs(0, step);
            let priority = *Priority::ALL
                .get(usize::try_from(rng.below(4)).unwrap_or(0))
                .unwrap_or(&Priority::P3);
            let category = *Category::ALL
                .get(usize::try_from(rng.below(6)).unwrap_or(0))
                .unwrap_or(&Category::Other);
            let target = policy.target(priority);
            let assignee = (!rng.chance(10)).then(|| {
                ENGINEERS
                    .get(usize::try_from(rng.below(8)).unwrap_or(0))
                    .copied()
                    .unwrap_or("wang@example.test")
                    .to_string()
            });
            let mut events = vec![(created, "created", None, None)];
            let first_response = rng
                .chance(90)
                .then(|| created + rng.secs(60, target.respond * 2));
            let mut status = Status::Open;
            let mut resolved_at = None;
            let mut closed_at = None;
            let mut rating = None;
            let mut survey_sent = false;
            if let Some(fr) = first_response {
                events.push((fr, "public_reply", None, None));
                events.push((fr, "status", Some("new"), Some("open")));
                let mut t = fr;
                if rng.chance(15) {
                    let w = t + rng.secs(60, 3600);
                    let back = w + rng.secs(600, 8 * 3600);
                    events.push((w, "status", Some("open"), Some("waiting")));
                    events.push((back, "status", Some("waiting"), Some("open")));
                    t = back;
                }
                if rng.chance(80) {
                    let mut r = t + rng.secs(300, target.resolve * 2);
                    events.push((r, "public_reply", None, None));
                    events.push((r, "status", Some("open"), Some("resolved")));
                    if rng.chance(5) {
                        let again = r + rng.secs(600, 86_400);
                        events.push((again, "status", Some("resolved"), Some("open")));
                        r = again + rng.secs(600, 4 * 3600);
                        events.push((r, "status", Some("open"), Some("resolved")));
                    }
                    resolved_at = Some(r);
                    status = Status::Resolved;
                    survey_sent = true;
                    if rng.chance(40) {
                        rating = u8::try_from(1 + rng.below(5)).ok();
                    }
                    if rng.chance(50) {
                        let c = r + 3 * 86_400;
                        closed_at = Some(c);
                        events.push((c, "status", Some("resolved"), Some("closed")));
                        status = Status::Closed;
                    }
                }
            } else {
                status = Status::New;
            }
            SyntheticTicket {
                number,
                priority,
                category,
                status,
                assignee,
                created_at: created,
                respond_by: created + target.respond,
                resolve_by: created + target.resolve,
                first_response_at: first_response,
                resolved_at,
                closed_at,
                rating,
                survey_sent,
                events,
            }
        })
        .collect()
}

fn opt(v: Option<i64>) -> String {
    v.map_or_else(|| "NULL".to_string(), |v| v.to_string())
}

fn opt_str(v: Option<&str>) -> String {
    // Only generated ASCII names reach here; quotes are doubled anyway.
    v.map_or_else(
        || "NULL".to_string(),
        |s| format!("'{}'", s.replace('\'', "''")),
    )
}

impl Store {
    /// Insert generated tickets, their events and a survey outbox row per surveyed
    /// ticket, in one transaction of multi-row statements (`batch` tickets each).
    pub async fn insert_synthetic(
        &self,
        tickets: &[SyntheticTicket],
        batch: usize,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        for chunk in tickets.chunks(batch.clamp(1, 1000)) {
            let mut t_sql = String::from(
                "INSERT INTO tickets (id, status, category, priority, language, requester, \
                 subject, created_at, updated_at, respond_by, resolve_by, first_response_at, \
                 resolved_at, closed_at, assignee, rating, root_message_id) VALUES ",
            );
            let mut e_sql = String::from(
                "INSERT INTO events (ticket_id, at, actor, kind, from_value, to_value) VALUES ",
            );
            let mut o_sql = String::from(
                "INSERT INTO outbox (ticket_id, kind, message_id, env_from, env_to, recipient, \
                 bytes, status, next_attempt_at, created_at, sent_at) VALUES ",
            );
            let (mut events, mut surveys) = (0usize, 0usize);
            for (i, t) in chunk.iter().enumerate() {
                let n = t.number;
                let requester = format!("user{}@example.test", n % 5000);
                let updated = t.closed_at.or(t.resolved_at).unwrap_or(t.created_at);
                let _ = write!(
                    t_sql,
                    "{}({n}, '{}', '{}', '{}', 'en', '{requester}', 'Synthetic ticket {n}', {}, \
                     {updated}, {}, {}, {}, {}, {}, {}, {}, 'syn.{n}@example.test')",
                    if i == 0 { "" } else { ", " },
                    t.status.as_str(),
                    t.category.as_str(),
                    t.priority.as_str(),
                    t.created_at,
                    t.respond_by,
                    t.resolve_by,
                    opt(t.first_response_at),
                    opt(t.resolved_at),
                    opt(t.closed_at),
                    opt_str(t.assignee.as_deref()),
                    opt(t.rating.map(i64::from)),
                );
                for (at, kind, from, to) in &t.events {
                    let actor = match *kind {
                        "public_reply" | "status" => t.assignee.as_deref().unwrap_or("supportbot"),
                        _ => requester.as_str(),
                    };
                    let _ = write!(
                        e_sql,
                        "{}({n}, {at}, {}, '{kind}', {}, {})",
                        if events == 0 { "" } else { ", " },
                        opt_str(Some(actor)),
                        opt_str(*from),
                        opt_str(*to),
                    );
                    events += 1;
                }
                if t.survey_sent {
                    let at = t.resolved_at.unwrap_or(t.created_at);
                    let _ = write!(
                        o_sql,
                        "{}({n}, 'survey', 'sb.{n}.survey.syn@example.test', '', \
                         '[\"{requester}\"]', '{requester}', $1, 'sent', {at}, {at}, {at})",
                        if surveys == 0 { "" } else { ", " },
                    );
                    surveys += 1;
                }
            }
            tx.execute_generated(&t_sql, None).await?;
            if events > 0 {
                tx.execute_generated(&e_sql, None).await?;
            }
            if surveys > 0 {
                tx.execute_generated(&o_sql, Some(&[])).await?;
            }
        }
        if let super::Tx::Postgres(t) = &mut tx {
            // Explicit ids leave the identity sequence behind; move it past them.
            sqlx::query(
                "SELECT setval(pg_get_serial_sequence('tickets', 'id'), \
                 (SELECT COALESCE(MAX(id), 1) FROM tickets))",
            )
            .execute(&mut **t)
            .await?;
        }
        tx.commit().await
    }
}

impl super::Tx {
    /// Run generated SQL, optionally binding one byte string as `$1`.
    async fn execute_generated(
        &mut self,
        sql: &str,
        blob: Option<&[u8]>,
    ) -> Result<(), StoreError> {
        match self {
            super::Tx::Sqlite(t) => {
                let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
                if let Some(b) = blob {
                    q = q.bind(b.to_vec());
                }
                q.execute(&mut **t).await?;
            }
            super::Tx::Postgres(t) => {
                let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
                if let Some(b) = blob {
                    q = q.bind(b.to_vec());
                }
                q.execute(&mut **t).await?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn history_is_deterministic_and_plausible() {
        let a = synthetic_history(2000, 1_790_000_000, 30 * 86_400, 7);
        assert_eq!(a, synthetic_history(2000, 1_790_000_000, 30 * 86_400, 7));
        assert_eq!(a.len(), 2000);
        assert_eq!(a.first().map(|t| t.number), Some(1));
        for t in &a {
            assert!(t.first_response_at.is_none_or(|f| f >= t.created_at));
            assert!(t.resolved_at.is_none_or(|r| Some(r) >= t.first_response_at));
            assert!(t.events.iter().all(|e| e.0 >= t.created_at));
        }
        let resolved = a.iter().filter(|t| t.resolved_at.is_some()).count();
        assert!((1200..1700).contains(&resolved), "{resolved}");
    }
}
