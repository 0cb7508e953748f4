//! Service reports: per priority, category, engineer and overall, over a window
//! `[since, until]` (both ends inclusive), computed from plain [`TicketFacts`] rows, and
//! rendered as text, JSON, CSV or one self-contained HTML page (`render`). PURE: the
//! store loads the rows, the shell writes the output; nothing here reads the clock.
//!
//! Definitions (only facts dated `<= until` are taken as known):
//! - *opened*: `created_at` in the window; *resolved* / *closed*: `resolved_at` /
//!   `closed_at` in the window.
//! - *first-response time*: `first_response_at − created_at` of tickets first answered in
//!   the window; *resolution time*: `resolved_at − created_at` of tickets resolved in the
//!   window. Wall-clock seconds, not working time.
//! - *SLA attainment*: a ticket counts in the window holding its deadline (`respond_by`,
//!   `resolve_by`; due tickets only, so each ticket counts once over consecutive
//!   windows). Met = answered/resolved by the deadline; breached = answered/resolved after
//!   it, or still not by `until`. `resolve_by = None` (paused) is not counted.
//! - *reopen rate*, *first-contact resolution* (≤ 1 engineer public reply before the
//!   resolution and never reopened), *satisfaction* (mean rating) and *survey response
//!   rate* (rated ÷ surveys sent) are over the tickets resolved in the window.
//! - *backlog* at `until`: created by then and neither resolved nor closed by then
//!   (`resolved_at` is the latest resolution: the store clears it on reopen), bucketed by
//!   age: `< 4 h`, `4–24 h`, `1–3 d`, `≥ 3 d`.
//! - Percentiles use the nearest-rank method: the p-th percentile of n sorted values is
//!   the value at 1-based rank ⌈p·n/100⌉, always an observed value; the median is p50,
//!   so with an even count it is the lower of the two middle values.
//!
//! Cost: one pass over the rows into per-group accumulators, then one sort per group
//! and duration series: O(n log n), no quadratic step.

pub mod approval;
pub mod knowledge;
mod render;
pub mod triage;

pub use render::{render_csv, render_html, render_json, render_table};

use crate::ticket::model::{Category, Priority, Status, Timestamp};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What the report needs to know about one ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketFacts {
    pub number: u64,
    pub priority: Priority,
    pub category: Category,
    pub assignee: Option<String>,
    pub created_at: Timestamp,
    pub first_response_at: Option<Timestamp>,
    /// Latest resolution; `None` while (re)opened.
    pub resolved_at: Option<Timestamp>,
    pub closed_at: Option<Timestamp>,
    pub status: Status,
    pub respond_by: Option<Timestamp>,
    pub resolve_by: Option<Timestamp>,
    pub reopen_count: u32,
    /// Public replies by engineers before the (latest) resolution.
    pub engineer_public_replies_before_resolve: u32,
    /// Satisfaction rating, 1–5.
    pub rating: Option<u8>,
    pub survey_sent: bool,
}

/// Median and 90th percentile (nearest rank) of a duration series, in seconds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeStats {
    pub count: u64,
    pub median_secs: Option<i64>,
    pub p90_secs: Option<i64>,
}

/// Deadlines met and missed; `pct` = met ÷ (met + breached) × 100.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Attainment {
    pub met: u64,
    pub breached: u64,
    pub pct: Option<f64>,
}

/// Open tickets at `until` by age.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Backlog {
    pub under_4h: u64,
    pub from_4h_to_24h: u64,
    pub from_1d_to_3d: u64,
    pub over_3d: u64,
}

impl Backlog {
    /// Bucket labels, in field order.
    pub const LABELS: [&'static str; 4] = ["< 4h", "4-24h", "1-3d", "> 3d"];

    /// Counts in the order of [`Backlog::LABELS`].
    pub fn buckets(&self) -> [u64; 4] {
        [
            self.under_4h,
            self.from_4h_to_24h,
            self.from_1d_to_3d,
            self.over_3d,
        ]
    }

    pub fn total(&self) -> u64 {
        self.buckets().iter().sum()
    }
}

/// The figures of one group (or of everything).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    pub opened: u64,
    pub resolved: u64,
    pub closed: u64,
    pub first_response: TimeStats,
    pub resolution: TimeStats,
    pub respond_sla: Attainment,
    pub resolve_sla: Attainment,
    /// Respond plus resolve breaches.
    pub breaches: u64,
    pub reopen_rate_pct: Option<f64>,
    pub first_contact_resolution_pct: Option<f64>,
    pub satisfaction_mean: Option<f64>,
    pub survey_response_rate_pct: Option<f64>,
    pub backlog: Backlog,
}

/// A named group: "P1", "network", an engineer, or "(unassigned)".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub name: String,
    pub stats: Stats,
}

/// The whole report. Priorities and categories always list every value (zeros included)
/// in their natural order; engineers are sorted by name, unassigned last.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub since: Timestamp,
    pub until: Timestamp,
    pub overall: Stats,
    pub by_priority: Vec<Group>,
    pub by_category: Vec<Group>,
    pub by_engineer: Vec<Group>,
    /// The knowledge-base figures, when the caller loaded them (`report::knowledge`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub knowledge: Option<knowledge::KnowledgeStats>,
    /// One group per `[[organisations]]` entry and `(desk)`, when the desk has any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub by_organisation: Vec<Group>,
    /// The change-approval figures, when the caller loaded them (`report::approval`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approvals: Option<approval::ApprovalStats>,
}

/// Name of the engineer group of tickets without an assignee.
pub const UNASSIGNED: &str = "(unassigned)";

/// Nearest-rank percentile of ascending `sorted` values; `None` when empty.
pub fn percentile(sorted: &[i64], p: u32) -> Option<i64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let p = usize::try_from(p.min(100)).ok()?;
    let rank = (p * n).div_ceil(100).max(1);
    sorted.get(rank - 1).copied()
}

fn pct(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 * 100.0 / whole as f64)
}

/// Running sums of one group.
#[derive(Default)]
struct Acc {
    opened: u64,
    resolved: u64,
    closed: u64,
    first_response: Vec<i64>,
    resolution: Vec<i64>,
    respond_met: u64,
    respond_breached: u64,
    resolve_met: u64,
    resolve_breached: u64,
    reopened: u64,
    first_contact: u64,
    rating_sum: u64,
    rated: u64,
    surveys: u64,
    backlog: Backlog,
}

/// What one ticket adds to each of its groups, worked out once.
#[derive(Default)]
struct Contribution {
    opened: bool,
    resolved: bool,
    closed: bool,
    first_response: Option<i64>,
    resolution: Option<i64>,
    respond: Option<bool>,
    resolve: Option<bool>,
    reopened: bool,
    first_contact: bool,
    survey: bool,
    rating: Option<u8>,
    backlog_bucket: Option<usize>,
}

const HOUR: i64 = 3600;

fn contribution(f: &TicketFacts, since: Timestamp, until: Timestamp) -> Contribution {
    let inside = |t: Option<Timestamp>| t.filter(|t| (since..=until).contains(t));
    let known = |t: Option<Timestamp>| t.filter(|t| *t <= until);
    let responded = known(f.first_response_at);
    let resolved_known = known(f.resolved_at);
    let resolved_in = inside(f.resolved_at);
    // Outcome of a deadline that falls in the window: met, breached, or not counted.
    let outcome = |deadline: Option<Timestamp>, done: Option<Timestamp>| {
        let deadline = inside(deadline)?;
        match done {
            Some(d) => Some(d <= deadline),
            None if deadline < until => Some(false),
            // Due exactly at `until` and not done yet: not decided.
            None => None,
        }
    };
    let backlog_bucket = (f.created_at <= until
        && resolved_known.is_none()
        && known(f.closed_at).is_none())
    .then(|| match until - f.created_at {
        a if a < 4 * HOUR => 0,
        a if a < 24 * HOUR => 1,
        a if a < 72 * HOUR => 2,
        _ => 3,
    });
    let resolved = resolved_in.is_some();
    Contribution {
        opened: (since..=until).contains(&f.created_at),
        resolved,
        closed: inside(f.closed_at).is_some(),
        first_response: inside(f.first_response_at).map(|t| (t - f.created_at).max(0)),
        resolution: resolved_in.map(|t| (t - f.created_at).max(0)),
        respond: outcome(f.respond_by, responded),
        resolve: outcome(f.resolve_by, resolved_known),
        reopened: resolved && f.reopen_count > 0,
        first_contact: resolved
            && f.reopen_count == 0
            && f.engineer_public_replies_before_resolve <= 1,
        survey: resolved && f.survey_sent,
        rating: if resolved && f.survey_sent {
            f.rating
        } else {
            None
        },
        backlog_bucket,
    }
}

impl Acc {
    fn add(&mut self, c: &Contribution) {
        self.opened += u64::from(c.opened);
        self.resolved += u64::from(c.resolved);
        self.closed += u64::from(c.closed);
        self.first_response.extend(c.first_response);
        self.resolution.extend(c.resolution);
        match c.respond {
            Some(true) => self.respond_met += 1,
            Some(false) => self.respond_breached += 1,
            None => {}
        }
        match c.resolve {
            Some(true) => self.resolve_met += 1,
            Some(false) => self.resolve_breached += 1,
            None => {}
        }
        self.reopened += u64::from(c.reopened);
        self.first_contact += u64::from(c.first_contact);
        self.surveys += u64::from(c.survey);
        if let Some(r) = c.rating {
            self.rated += 1;
            self.rating_sum += u64::from(r);
        }
        match c.backlog_bucket {
            Some(0) => self.backlog.under_4h += 1,
            Some(1) => self.backlog.from_4h_to_24h += 1,
            Some(2) => self.backlog.from_1d_to_3d += 1,
            Some(_) => self.backlog.over_3d += 1,
            None => {}
        }
    }

    fn finish(mut self) -> Stats {
        let times = |v: &mut Vec<i64>| {
            v.sort_unstable();
            TimeStats {
                count: v.len() as u64,
                median_secs: percentile(v, 50),
                p90_secs: percentile(v, 90),
            }
        };
        let attainment = |met: u64, breached: u64| Attainment {
            met,
            breached,
            pct: pct(met, met + breached),
        };
        Stats {
            opened: self.opened,
            resolved: self.resolved,
            closed: self.closed,
            first_response: times(&mut self.first_response),
            resolution: times(&mut self.resolution),
            respond_sla: attainment(self.respond_met, self.respond_breached),
            resolve_sla: attainment(self.resolve_met, self.resolve_breached),
            breaches: self.respond_breached + self.resolve_breached,
            reopen_rate_pct: pct(self.reopened, self.resolved),
            first_contact_resolution_pct: pct(self.first_contact, self.resolved),
            satisfaction_mean: (self.rated > 0).then(|| self.rating_sum as f64 / self.rated as f64),
            survey_response_rate_pct: pct(self.rated, self.surveys),
            backlog: self.backlog,
        }
    }
}

fn priority_index(p: Priority) -> usize {
    usize::from(p.level().saturating_sub(1))
}

/// Compute the report of `facts` for the window `[since, until]`.
pub fn build_report(facts: &[TicketFacts], since: Timestamp, until: Timestamp) -> Report {
    let mut overall = Acc::default();
    let mut by_priority: Vec<Acc> = Priority::ALL.iter().map(|_| Acc::default()).collect();
    let mut by_category: Vec<Acc> = Category::ALL.iter().map(|_| Acc::default()).collect();
    let mut by_engineer: HashMap<Option<&str>, Acc> = HashMap::new();

    for f in facts {
        let c = contribution(f, since, until);
        overall.add(&c);
        if let Some(acc) = by_priority.get_mut(priority_index(f.priority)) {
            acc.add(&c);
        }
        let ci = Category::ALL.iter().position(|x| *x == f.category);
        if let Some(acc) = ci.and_then(|i| by_category.get_mut(i)) {
            acc.add(&c);
        }
        by_engineer
            .entry(f.assignee.as_deref())
            .or_default()
            .add(&c);
    }

    let named = |name: String, acc: Acc| Group {
        name,
        stats: acc.finish(),
    };
    let mut engineers: Vec<(Option<&str>, Acc)> = by_engineer.into_iter().collect();
    // Named engineers alphabetically, the unassigned pile last.
    engineers.sort_by(|a, b| match (a.0, b.0) {
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    Report {
        since,
        until,
        overall: overall.finish(),
        by_priority: Priority::ALL
            .iter()
            .zip(by_priority)
            .map(|(p, acc)| named(p.to_string(), acc))
            .collect(),
        by_category: Category::ALL
            .iter()
            .zip(by_category)
            .map(|(c, acc)| named(c.to_string(), acc))
            .collect(),
        by_engineer: engineers
            .into_iter()
            .map(|(name, acc)| named(name.unwrap_or(UNASSIGNED).to_string(), acc))
            .collect(),
        knowledge: None,
        by_organisation: Vec::new(),
        approvals: None,
    }
}

#[cfg(test)]
mod tests;
