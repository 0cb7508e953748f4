//! SLA arithmetic: deadlines, reminders, escalations and the next timer wake-up, as
//! functions of a ticket's clock facts, the policy, a [`Calendar`] and an explicit `now`.
//! PURE: it never reads the clock, never stores anything and never sends anything; the
//! timer worker stores the returned [`AlertKey`]s (UNIQUE) and passes them back in.
//!
//! Rules, in one place:
//! - All targets are working time of the calendar. The respond clock never pauses; it
//!   stops at the first response (or at the resolution, if nobody answered first).
//! - The resolve clock stops while the ticket waits on the requester (`pauses`). Pauses are
//!   clipped to `[created_at, resolved_at)` and merged, so overlaps count once. A pause that
//!   starts after the deadline does not move it: a breach stays a breach.
//! - While a pause is open the resolve clock is not running: `resolve_by` is `None` (or
//!   the past deadline, if it broke before the pause) and no resolve alert or escalation
//!   goes out; the worker recomputes when the ticket is resumed. Pauses dated after
//!   `now` are ignored by the alert functions (they cannot be known yet).
//! - Warnings fire at `warn_ratio` of the target. If the timer only looks after the breach
//!   instant, the warning is skipped (the breach says more). Breaches repeat every
//!   `escalation_repeat` of working time (`…-breach#1`, `#2`, …); after a gap only the
//!   latest repeat is returned, never a burst of the ones missed.
//! - Keep-in-loop (P1/P2 by default) fires when the requester got no public update for
//!   `keep_in_loop` working time after our first response; the anchor is the latest public
//!   update, so a new update starts a fresh series (`keep-in-loop@<anchor>#n`). It is
//!   silent while paused (paused time does not count) and after resolution.
//! - A priority change recomputes everything from creation: call again with the new
//!   priority. Stored keys are kept, so a notice already sent is never repeated (and a
//!   breach number sent under the old priority holds back the lower numbers of the new).

use super::calendar::Calendar;
use super::model::{Priority, Timestamp};
use crate::config;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A waiting-on-requester interval `[start, end)`; `None` end = still waiting.
pub type Pause = (Timestamp, Option<Timestamp>);

pub use super::sla_pause::pauses_from_status_changes;

/// Respond and resolve targets of one priority, in working seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    pub respond: i64,
    pub resolve: i64,
}

/// Everything the SLA timer needs to know besides the calendar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SlaPolicy {
    /// Indexed P1..P4.
    pub targets: [Target; 4],
    /// Fraction of a target after which a warning goes out (0.75). Outside `(0, 1)`
    /// there is no warning.
    pub warn_ratio: f64,
    /// Working seconds between two breach escalations; `<= 0` escalates only once.
    pub escalation_repeat: i64,
    /// Working seconds without a public update before a keep-in-loop reminder, per
    /// priority (indexed P1..P4); `None` = no reminder.
    pub keep_in_loop: [Option<i64>; 4],
}

impl Default for SlaPolicy {
    /// The service standard: P1 15 min / 2 h, P2 30 min / 4 h, P3 2 h / 8 h, P4 4 h / 24 h;
    /// warning at 75 %, escalation every hour, keep-in-loop 1 h (P1) and 2 h (P2).
    fn default() -> Self {
        let t = |respond, resolve| Target { respond, resolve };
        SlaPolicy {
            targets: [
                t(15 * 60, 2 * 3600),
                t(30 * 60, 4 * 3600),
                t(2 * 3600, 8 * 3600),
                t(4 * 3600, 24 * 3600),
            ],
            warn_ratio: 0.75,
            escalation_repeat: 3600,
            keep_in_loop: [Some(3600), Some(2 * 3600), None, None],
        }
    }
}

impl SlaPolicy {
    /// The policy of a `[sla]` config section: targets, warning ratio, escalation
    /// repeat and keep-in-loop intervals.
    pub fn from_config(sla: &config::Sla) -> SlaPolicy {
        let t = |p| {
            let c = sla.target(p);
            Target {
                respond: c.respond.secs(),
                resolve: c.resolve.secs(),
            }
        };
        SlaPolicy {
            targets: [
                t(Priority::P1),
                t(Priority::P2),
                t(Priority::P3),
                t(Priority::P4),
            ],
            warn_ratio: sla.warn_ratio,
            escalation_repeat: sla.escalation_repeat.secs(),
            keep_in_loop: [
                sla.keep_in_loop.secs(Priority::P1),
                sla.keep_in_loop.secs(Priority::P2),
                sla.keep_in_loop.secs(Priority::P3),
                sla.keep_in_loop.secs(Priority::P4),
            ],
        }
    }

    /// Targets of one priority.
    pub fn target(&self, p: Priority) -> Target {
        let [p1, p2, p3, p4] = self.targets;
        match p {
            Priority::P1 => p1,
            Priority::P2 => p2,
            Priority::P3 => p3,
            Priority::P4 => p4,
        }
    }

    /// Keep-in-loop interval of one priority.
    pub fn keep_in_loop(&self, p: Priority) -> Option<i64> {
        let [p1, p2, p3, p4] = self.keep_in_loop;
        match p {
            Priority::P1 => p1,
            Priority::P2 => p2,
            Priority::P3 => p3,
            Priority::P4 => p4,
        }
        .filter(|s| *s > 0)
    }

    /// Working seconds after which the warning for `target` is due, if any.
    fn warn_after(&self, target: i64) -> Option<i64> {
        if !(self.warn_ratio > 0.0 && self.warn_ratio < 1.0) || target <= 0 {
            return None;
        }
        // Targets are far below 2^53 seconds, so the f64 round trip is exact enough.
        #[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
        let w = (target as f64 * self.warn_ratio).round() as i64;
        (w > 0 && w < target).then_some(w)
    }
}

/// The SLA-relevant facts of one ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlaClock {
    pub priority: Priority,
    pub created_at: Timestamp,
    pub first_response_at: Option<Timestamp>,
    pub resolved_at: Option<Timestamp>,
    /// Waiting-on-requester intervals `[start, end)`; the last may still be open.
    pub pauses: Vec<Pause>,
    /// Latest public update to the requester (a reply, a status mail); the first response
    /// counts too, so the caller may leave this `None` until a second update.
    pub last_public_update_at: Option<Timestamp>,
}

impl SlaClock {
    /// A new ticket with no response, resolution, pause or update yet.
    pub fn new(priority: Priority, created_at: Timestamp) -> SlaClock {
        SlaClock {
            priority,
            created_at,
            first_response_at: None,
            resolved_at: None,
            pauses: Vec::new(),
            last_public_update_at: None,
        }
    }

    /// Pauses clipped to `[created_at, resolved_at)`, sorted and merged. `None` end = open.
    fn merged_pauses(&self) -> Vec<Pause> {
        let limit = self.resolved_at;
        let mut clipped: Vec<Pause> = self
            .pauses
            .iter()
            .filter_map(|&(s, e)| {
                let s = s.max(self.created_at);
                let e = match (e, limit) {
                    (Some(e), Some(l)) => Some(e.min(l)),
                    (None, Some(l)) => Some(l),
                    (e, None) => e,
                };
                if limit.is_some_and(|l| s >= l) || e.is_some_and(|e| e <= s) {
                    return None;
                }
                Some((s, e))
            })
            .collect();
        clipped.sort_unstable_by_key(|&(s, _)| s);
        let mut merged: Vec<Pause> = Vec::with_capacity(clipped.len());
        for (s, e) in clipped {
            match merged.last_mut() {
                Some((_, last_end)) if last_end.is_none_or(|le| s <= le) => {
                    *last_end = match (*last_end, e) {
                        (Some(a), Some(b)) => Some(a.max(b)),
                        _ => None,
                    };
                }
                _ => merged.push((s, e)),
            }
        }
        merged
    }

    /// Whether the resolve clock is stopped at `now` (an open pause started by then).
    pub fn is_paused(&self, now: Timestamp) -> bool {
        self.merged_pauses()
            .iter()
            .any(|&(s, e)| s <= now && e.is_none_or(|e| now < e))
    }
}

/// Respond and resolve deadlines of a ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadlines {
    pub respond_by: Timestamp,
    /// `None` while the ticket waits on the requester (the resolve clock is stopped).
    pub resolve_by: Option<Timestamp>,
}

/// Deadlines from creation, for the ticket's current priority.
pub fn deadlines(clock: &SlaClock, policy: &SlaPolicy, cal: &Calendar) -> Deadlines {
    let target = policy.target(clock.priority);
    let pauses = clock.merged_pauses();
    Deadlines {
        respond_by: cal.add_working(clock.created_at, target.respond),
        resolve_by: resolve_instant(clock.created_at, &pauses, cal, target.resolve),
    }
}

/// The instant at which `amount` working seconds of unpaused time have run since
/// `created`, or `None` if an open pause starts before that.
fn resolve_instant(
    created: Timestamp,
    pauses: &[Pause],
    cal: &Calendar,
    amount: i64,
) -> Option<Timestamp> {
    let mut cursor = created;
    let mut remaining = amount.max(0);
    for &(start, end) in pauses {
        if start > cursor {
            let available = cal.working_between(cursor, start);
            if remaining <= available {
                return Some(cal.add_working(cursor, remaining));
            }
            remaining -= available;
        }
        cursor = cursor.max(end?);
    }
    Some(cal.add_working(cursor, remaining))
}

/// Unpaused working seconds run by `now`.
fn resolve_elapsed(created: Timestamp, pauses: &[Pause], cal: &Calendar, now: Timestamp) -> i64 {
    let mut total = cal.working_between(created, now);
    for &(s, e) in pauses {
        let e = e.unwrap_or(now).min(now);
        total -= cal.working_between(s, e);
    }
    total.max(0)
}

/// Identity of one notice, unique per ticket. Its string form ("resolve-breach#2") is
/// stable and meant for a UNIQUE column; serde uses the same string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum AlertKey {
    /// `respond-warning`
    RespondWarning,
    /// `respond-breach#n`, n ≥ 1 (1 = the breach, 2.. = escalation repeats).
    RespondBreach(u32),
    /// `resolve-warning`
    ResolveWarning,
    /// `resolve-breach#n`, n ≥ 1.
    ResolveBreach(u32),
    /// `keep-in-loop@<anchor>#n`: the n-th interval without update since `anchor`.
    KeepInLoop { since: Timestamp, n: u32 },
}

impl fmt::Display for AlertKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AlertKey::RespondWarning => f.write_str("respond-warning"),
            AlertKey::RespondBreach(n) => write!(f, "respond-breach#{n}"),
            AlertKey::ResolveWarning => f.write_str("resolve-warning"),
            AlertKey::ResolveBreach(n) => write!(f, "resolve-breach#{n}"),
            AlertKey::KeepInLoop { since, n } => write!(f, "keep-in-loop@{since}#{n}"),
        }
    }
}

/// A string that is not an [`AlertKey`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid alert key {0:?}")]
pub struct BadAlertKey(pub String);

impl FromStr for AlertKey {
    type Err = BadAlertKey;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || BadAlertKey(s.to_string());
        let count = |n: &str| n.parse::<u32>().ok().filter(|n| *n >= 1).ok_or_else(bad);
        match s {
            "respond-warning" => return Ok(AlertKey::RespondWarning),
            "resolve-warning" => return Ok(AlertKey::ResolveWarning),
            _ => {}
        }
        if let Some(n) = s.strip_prefix("respond-breach#") {
            return Ok(AlertKey::RespondBreach(count(n)?));
        }
        if let Some(n) = s.strip_prefix("resolve-breach#") {
            return Ok(AlertKey::ResolveBreach(count(n)?));
        }
        if let Some(rest) = s.strip_prefix("keep-in-loop@") {
            let (since, n) = rest.split_once('#').ok_or_else(bad)?;
            let since = since.parse::<Timestamp>().map_err(|_| bad())?;
            return Ok(AlertKey::KeepInLoop {
                since,
                n: count(n)?,
            });
        }
        Err(bad())
    }
}

impl From<AlertKey> for String {
    fn from(k: AlertKey) -> String {
        k.to_string()
    }
}

impl TryFrom<String> for AlertKey {
    type Error = BadAlertKey;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

/// A notice that is due now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alert {
    pub key: AlertKey,
    /// When it became due (≤ `now`).
    pub due_at: Timestamp,
    /// The deadline it is about (respond_by / resolve_by), or the instant the
    /// keep-in-loop interval ran out.
    pub deadline: Timestamp,
}

/// One alert series evaluated at `now`: what is due now and when the next one will be.
#[derive(Default)]
struct Series {
    due: Option<Alert>,
    next: Option<Timestamp>,
}

/// A clock seen at `now`: how much of it has run, and when a given amount will have run
/// (`None` if a known open pause stops it first).
struct Running<'a> {
    elapsed: i64,
    instant: &'a dyn Fn(i64) -> Option<Timestamp>,
}

/// Notices numbered n = 1, 2, … falling when the clock reaches `first + (n-1)·every`
/// (`every = None`: only n = 1). After a gap only the latest due number is returned, and
/// never one at or below `last_sent`.
fn repeating(
    clock: &Running<'_>,
    first: i64,
    every: Option<i64>,
    last_sent: u32,
    key: &dyn Fn(u32) -> AlertKey,
    deadline: Option<Timestamp>,
) -> Series {
    let every = every.filter(|e| *e > 0);
    let amount = |n: u32| {
        let repeats = i64::from(n.saturating_sub(1));
        first.saturating_add(repeats.saturating_mul(every.unwrap_or(0)))
    };
    let due_n: u32 = match every {
        _ if clock.elapsed < first => 0,
        None => 1,
        Some(e) => u32::try_from((clock.elapsed - first) / e)
            .unwrap_or(u32::MAX - 1)
            .saturating_add(1),
    };
    let due = if due_n >= 1 && due_n > last_sent {
        (clock.instant)(amount(due_n)).map(|at| Alert {
            key: key(due_n),
            due_at: at,
            deadline: deadline.unwrap_or(at),
        })
    } else {
        None
    };
    let next_n = due_n.max(last_sent).saturating_add(1);
    let next = if next_n == 1 || every.is_some() {
        (clock.instant)(amount(next_n))
    } else {
        None
    };
    Series { due, next }
}

/// The one-off warning at `warn_after` of a target, unless already sent or the breach
/// itself is already due.
fn warning(
    clock: &Running<'_>,
    warn_after: Option<i64>,
    target: i64,
    key: AlertKey,
    sent: &[AlertKey],
) -> Series {
    let Some(w) = warn_after else {
        return Series::default();
    };
    if clock.elapsed >= target || sent.contains(&key) {
        return Series::default();
    }
    if clock.elapsed < w {
        return Series {
            due: None,
            next: (clock.instant)(w),
        };
    }
    let due = match ((clock.instant)(w), (clock.instant)(target)) {
        (Some(at), Some(deadline)) => Some(Alert {
            key,
            due_at: at,
            deadline,
        }),
        _ => None,
    };
    Series { due, next: None }
}

/// Highest repeat number already sent among the keys `pick` recognises.
fn last_sent(sent: &[AlertKey], pick: impl Fn(&AlertKey) -> Option<u32>) -> u32 {
    sent.iter().filter_map(pick).max().unwrap_or(0)
}

fn evaluate(
    clock: &SlaClock,
    policy: &SlaPolicy,
    cal: &Calendar,
    now: Timestamp,
    sent: &[AlertKey],
) -> Vec<Series> {
    let mut out = Vec::new();
    let target = policy.target(clock.priority);
    let repeat = Some(policy.escalation_repeat);
    let responded = clock.first_response_at.is_some_and(|t| t <= now);
    let resolved = clock.resolved_at.is_some_and(|t| t <= now);
    let created = clock.created_at;

    if !responded && !resolved {
        let instant = |amount: i64| Some(cal.add_working(created, amount));
        let run = Running {
            elapsed: cal.working_between(created, now),
            instant: &instant,
        };
        let respond_by = instant(target.respond);
        out.push(warning(
            &run,
            policy.warn_after(target.respond),
            target.respond,
            AlertKey::RespondWarning,
            sent,
        ));
        let last = last_sent(sent, |k| match k {
            AlertKey::RespondBreach(n) => Some(*n),
            _ => None,
        });
        out.push(repeating(
            &run,
            target.respond,
            repeat,
            last,
            &AlertKey::RespondBreach,
            respond_by,
        ));
    }

    let pauses = clock.merged_pauses();
    let paused = pauses
        .iter()
        .any(|&(s, e)| s <= now && e.is_none_or(|e| now < e));
    if resolved || paused {
        return out;
    }
    // A pause dated after `now` is not known yet; ignore it for now.
    let known: Vec<Pause> = pauses.into_iter().filter(|&(s, _)| s <= now).collect();
    let instant = |amount: i64| resolve_instant(created, &known, cal, amount);
    let run = Running {
        elapsed: resolve_elapsed(created, &known, cal, now),
        instant: &instant,
    };
    let resolve_by = instant(target.resolve);
    out.push(warning(
        &run,
        policy.warn_after(target.resolve),
        target.resolve,
        AlertKey::ResolveWarning,
        sent,
    ));
    let last = last_sent(sent, |k| match k {
        AlertKey::ResolveBreach(n) => Some(*n),
        _ => None,
    });
    out.push(repeating(
        &run,
        target.resolve,
        repeat,
        last,
        &AlertKey::ResolveBreach,
        resolve_by,
    ));

    let first_response = clock.first_response_at.filter(|t| *t <= now);
    if let (Some(every), Some(first)) = (policy.keep_in_loop(clock.priority), first_response) {
        let anchor = clock
            .last_public_update_at
            .filter(|t| *t <= now)
            .map_or(first, |u| u.max(first));
        let since_anchor = known_after(&known, anchor);
        let instant = |amount: i64| resolve_instant(anchor, &since_anchor, cal, amount);
        let run = Running {
            elapsed: resolve_elapsed(anchor, &since_anchor, cal, now),
            instant: &instant,
        };
        let last = last_sent(sent, |k| match k {
            AlertKey::KeepInLoop { since, n } if *since == anchor => Some(*n),
            _ => None,
        });
        let key = |n: u32| AlertKey::KeepInLoop { since: anchor, n };
        out.push(repeating(&run, every, Some(every), last, &key, None));
    }
    out
}

/// Pauses that matter after `anchor`, clipped to start there.
fn known_after(pauses: &[Pause], anchor: Timestamp) -> Vec<Pause> {
    pauses
        .iter()
        .filter(|&&(_, e)| e.is_none_or(|e| e > anchor))
        .map(|&(s, e)| (s.max(anchor), e))
        .collect()
}

/// Notices due at `now` whose keys are not in `already_sent`, oldest first. The caller
/// sends each and stores its key; calling again with the keys returns nothing new.
pub fn due_alerts(
    clock: &SlaClock,
    policy: &SlaPolicy,
    cal: &Calendar,
    now: Timestamp,
    already_sent: &[AlertKey],
) -> Vec<Alert> {
    let mut alerts: Vec<Alert> = evaluate(clock, policy, cal, now, already_sent)
        .into_iter()
        .filter_map(|s| s.due)
        .filter(|a| a.due_at <= now && !already_sent.contains(&a.key))
        .collect();
    alerts.sort_by_key(|a| (a.due_at, a.key));
    alerts
}

/// The earliest instant after `now` at which [`due_alerts`] would return something new
/// (assuming the facts do not change meanwhile), or `None` if nothing is pending — e.g.
/// resolved, or waiting on the requester. The timer sleeps until then.
pub fn next_wakeup(
    clock: &SlaClock,
    policy: &SlaPolicy,
    cal: &Calendar,
    now: Timestamp,
    already_sent: &[AlertKey],
) -> Option<Timestamp> {
    evaluate(clock, policy, cal, now, already_sent)
        .into_iter()
        .filter_map(|s| s.next)
        .filter(|t| *t > now)
        .min()
}

#[cfg(test)]
#[path = "sla_tests.rs"]
mod tests;
