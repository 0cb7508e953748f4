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
mod tests {
    use super::*;
    use crate::ticket::calendar::CalendarConfig;
    use chrono::TimeZone;
    use AlertKey::*;

    const M: i64 = 60;
    const H: i64 = 3600;
    /// A Monday, 2027-01-11 00:00 UTC... any fixed instant works on a 24×7 calendar.
    const T0: Timestamp = 1_800_000_000;

    fn always() -> Calendar {
        Calendar::always()
    }

    fn at(tz: &str, ymd_hm: &str) -> Timestamp {
        let tz: chrono_tz::Tz = tz.parse().unwrap();
        let ndt = chrono::NaiveDateTime::parse_from_str(ymd_hm, "%Y-%m-%d %H:%M").unwrap();
        tz.from_local_datetime(&ndt).earliest().unwrap().timestamp()
    }

    /// Shanghai office: Mon–Fri 09:00–18:00, National Day 2026-10-01..07 off, Saturday
    /// 2026-10-10 a make-up workday.
    fn office() -> Calendar {
        Calendar::from_config(&CalendarConfig {
            timezone: Some("Asia/Shanghai".into()),
            days: Some(
                ["mon", "tue", "wed", "thu", "fri"]
                    .map(String::from)
                    .to_vec(),
            ),
            hours: Some(vec!["09:00-18:00".into()]),
            holidays: (1..=7).map(|d| format!("2026-10-0{d}")).collect(),
            workdays: vec!["2026-10-10".into()],
        })
        .unwrap()
    }

    fn sh(ymd_hm: &str) -> Timestamp {
        at("Asia/Shanghai", ymd_hm)
    }

    fn clock(p: Priority) -> SlaClock {
        SlaClock::new(p, T0)
    }

    fn keys(alerts: &[Alert]) -> Vec<AlertKey> {
        alerts.iter().map(|a| a.key).collect()
    }

    #[test]
    fn default_policy_matches_the_service_standard_and_config() {
        let p = SlaPolicy::default();
        let want = [
            (15 * M, 2 * H),
            (30 * M, 4 * H),
            (2 * H, 8 * H),
            (4 * H, 24 * H),
        ];
        for (prio, (respond, resolve)) in Priority::ALL.iter().zip(want) {
            assert_eq!(p.target(*prio), Target { respond, resolve }, "{prio}");
        }
        assert_eq!(SlaPolicy::from_config(&config::Sla::default()), p);
        assert_eq!(p.keep_in_loop(Priority::P1), Some(H));
        assert_eq!(p.keep_in_loop(Priority::P2), Some(2 * H));
        assert_eq!(p.keep_in_loop(Priority::P3), None);
    }

    #[test]
    fn deadlines_on_business_hours_table() {
        let cal = office();
        let policy = SlaPolicy::default();
        // (priority, created, respond_by, resolve_by); 2026-09-25 is a Friday.
        let cases = [
            (
                Priority::P1,
                "2026-09-25 10:00",
                "2026-09-25 10:15",
                "2026-09-25 12:00",
            ),
            (
                Priority::P1,
                "2026-09-25 17:50",
                "2026-09-28 09:05",
                "2026-09-28 10:50",
            ),
            (
                Priority::P2,
                "2026-09-26 11:00",
                "2026-09-28 09:30",
                "2026-09-28 13:00",
            ),
            (
                Priority::P3,
                "2026-09-25 20:00",
                "2026-09-28 11:00",
                "2026-09-28 17:00",
            ),
            (
                Priority::P4,
                "2026-09-25 09:00",
                "2026-09-25 13:00",
                "2026-09-29 15:00",
            ),
            // National Day week is skipped, the make-up Saturday counts.
            (
                Priority::P3,
                "2026-09-30 17:00",
                "2026-10-08 10:00",
                "2026-10-08 16:00",
            ),
            (
                Priority::P4,
                "2026-10-09 09:00",
                "2026-10-09 13:00",
                "2026-10-12 15:00",
            ),
        ];
        for (prio, created, respond_by, resolve_by) in cases {
            let d = deadlines(&SlaClock::new(prio, sh(created)), &policy, &cal);
            assert_eq!(d.respond_by, sh(respond_by), "{prio} {created} respond");
            assert_eq!(
                d.resolve_by,
                Some(sh(resolve_by)),
                "{prio} {created} resolve"
            );
        }
    }

    #[test]
    fn priority_change_recomputes_from_creation() {
        let cal = always();
        let policy = SlaPolicy::default();
        let mut c = clock(Priority::P3);
        assert_eq!(deadlines(&c, &policy, &cal).resolve_by, Some(T0 + 8 * H));
        c.priority = Priority::P1;
        let d = deadlines(&c, &policy, &cal);
        assert_eq!(
            (d.respond_by, d.resolve_by),
            (T0 + 15 * M, Some(T0 + 2 * H))
        );
        // Raised to P1 after 30 min: the respond breach is due at once.
        let due = due_alerts(&c, &policy, &cal, T0 + 30 * M, &[]);
        assert_eq!(keys(&due), vec![RespondBreach(1)]);
    }

    #[test]
    fn pauses_extend_resolve_by_table() {
        let cal = always();
        let policy = SlaPolicy::default();
        // P1 resolve target 2 h from T0.
        let cases: [(&str, Vec<Pause>, Option<i64>); 7] = [
            ("no pause", vec![], Some(T0 + 2 * H)),
            (
                "closed 30 min pause",
                vec![(30 * M, Some(60 * M))],
                Some(T0 + 150 * M),
            ),
            ("open pause stops the clock", vec![(30 * M, None)], None),
            (
                "overlaps count once",
                vec![(30 * M, Some(90 * M)), (60 * M, Some(120 * M))],
                Some(T0 + 3 * H + 30 * M),
            ),
            (
                "pause before creation is clipped",
                vec![(-H, Some(30 * M))],
                Some(T0 + 2 * H + 30 * M),
            ),
            (
                "pause after the breach does not move it",
                vec![(3 * H, Some(5 * H))],
                Some(T0 + 2 * H),
            ),
            (
                "open pause after the breach keeps it",
                vec![(3 * H, None)],
                Some(T0 + 2 * H),
            ),
        ];
        for (name, pauses, want) in cases {
            let mut c = clock(Priority::P1);
            c.pauses = pauses
                .into_iter()
                .map(|(s, e)| (T0 + s, e.map(|e| T0 + e)))
                .collect();
            assert_eq!(deadlines(&c, &policy, &cal).resolve_by, want, "{name}");
        }
    }

    #[test]
    fn pause_extends_only_by_paused_working_time() {
        let cal = office();
        let mut c = SlaClock::new(Priority::P2, sh("2026-09-25 16:00"));
        // Without a pause: Friday 16–18 + Monday 9–11.
        let d = deadlines(&c, &SlaPolicy::default(), &cal);
        assert_eq!(d.resolve_by, Some(sh("2026-09-28 11:00")));
        // Waiting from Friday 17:00 to Monday 10:00 holds 2 working hours (the weekend
        // is not working time), so the deadline moves by 2 h, not by 65 h.
        c.pauses = vec![(sh("2026-09-25 17:00"), Some(sh("2026-09-28 10:00")))];
        let d = deadlines(&c, &SlaPolicy::default(), &cal);
        assert_eq!(d.resolve_by, Some(sh("2026-09-28 13:00")));
    }

    #[test]
    fn resolve_clock_resumes_after_pause() {
        let cal = always();
        let policy = SlaPolicy::default();
        let mut c = clock(Priority::P1);
        c.first_response_at = Some(T0 + 5 * M);
        c.pauses = vec![(T0 + H, None)];
        // Waiting: no resolve alert, even long after the nominal deadline.
        assert!(due_alerts(&c, &policy, &cal, T0 + 10 * H, &[]).is_empty());
        assert_eq!(next_wakeup(&c, &policy, &cal, T0 + 10 * H, &[]), None);
        // Resumed at +10 h with 1 h used: the warning falls at +10.5 h, breach at +11 h.
        c.pauses = vec![(T0 + H, Some(T0 + 10 * H))];
        let sent = [KeepInLoop {
            since: T0 + 5 * M,
            n: 1,
        }];
        assert_eq!(
            next_wakeup(&c, &policy, &cal, T0 + 10 * H, &sent),
            Some(T0 + 10 * H + 30 * M)
        );
        let due = due_alerts(&c, &policy, &cal, T0 + 11 * H, &sent);
        assert_eq!(keys(&due), vec![ResolveBreach(1)]);
        assert_eq!(due[0].deadline, T0 + 11 * H);
    }

    #[test]
    fn p1_respond_warning_at_75_percent_exactly_once() {
        let cal = always();
        let policy = SlaPolicy::default();
        let c = clock(Priority::P1);
        let warn_at = T0 + 11 * M + 15; // 75 % of 15 min
        assert!(due_alerts(&c, &policy, &cal, warn_at - 1, &[]).is_empty());
        let due = due_alerts(&c, &policy, &cal, warn_at, &[]);
        assert_eq!(keys(&due), vec![RespondWarning]);
        assert_eq!((due[0].due_at, due[0].deadline), (warn_at, T0 + 15 * M));
        assert!(due_alerts(&c, &policy, &cal, warn_at + 60, &[RespondWarning]).is_empty());
    }

    #[test]
    fn p1_breach_escalates_after_15_min() {
        let cal = always();
        let policy = SlaPolicy::default();
        let c = clock(Priority::P1);
        let mut sent = vec![RespondWarning];
        // (now, expected new keys) with keys stored after each step.
        let steps: [(i64, Vec<AlertKey>); 6] = [
            (15 * M - 1, vec![]),
            (15 * M, vec![RespondBreach(1)]),
            (75 * M - 1, vec![]),
            (75 * M, vec![RespondBreach(2)]),
            (90 * M, vec![ResolveWarning]),
            (2 * H, vec![ResolveBreach(1)]),
        ];
        for (offset, want) in steps {
            let due = due_alerts(&c, &policy, &cal, T0 + offset, &sent);
            assert_eq!(keys(&due), want, "at +{offset}s");
            sent.extend(keys(&due));
        }
    }

    #[test]
    fn missed_escalations_send_only_the_latest() {
        let cal = always();
        let policy = SlaPolicy {
            keep_in_loop: [None; 4],
            ..SlaPolicy::default()
        };
        let mut c = clock(Priority::P1);
        c.first_response_at = Some(T0 + M);
        // The timer was down until +5 h 30: breach #1 at 2 h, #2 at 3 h, #3 at 4 h, #4 at 5 h.
        let due = due_alerts(&c, &policy, &cal, T0 + 5 * H + 30 * M, &[]);
        assert_eq!(keys(&due), vec![ResolveBreach(4)], "no warning, no burst");
        let sent = [ResolveBreach(4)];
        assert!(due_alerts(&c, &policy, &cal, T0 + 5 * H + 59 * M, &sent).is_empty());
        assert_eq!(
            next_wakeup(&c, &policy, &cal, T0 + 5 * H + 30 * M, &sent),
            Some(T0 + 6 * H)
        );
    }

    #[test]
    fn no_repeat_when_escalation_repeat_is_zero() {
        let cal = always();
        let policy = SlaPolicy {
            escalation_repeat: 0,
            ..SlaPolicy::default()
        };
        let c = clock(Priority::P3);
        let sent = [RespondWarning, RespondBreach(1)];
        assert!(due_alerts(&c, &policy, &cal, T0 + 3 * H, &sent).is_empty());
        assert_eq!(
            next_wakeup(&c, &policy, &cal, T0 + 3 * H, &sent),
            Some(T0 + 6 * H)
        ); // resolve warning
    }

    #[test]
    fn keep_in_loop_table() {
        let cal = always();
        let policy = SlaPolicy::default();
        let first = T0 + 10 * M;
        let upd = T0 + 90 * M;
        // (priority, last update, pause, now, sent, expected)
        type Keys = Vec<AlertKey>;
        type Case = (Priority, Option<i64>, Option<Pause>, i64, Keys, Keys);
        let cases: [Case; 7] = [
            (Priority::P1, None, None, first + H - 1, vec![], vec![]),
            (
                Priority::P1,
                None,
                None,
                first + H,
                vec![],
                vec![KeepInLoop { since: first, n: 1 }],
            ),
            (
                Priority::P1,
                None,
                None,
                first + 2 * H,
                vec![KeepInLoop { since: first, n: 1 }],
                vec![KeepInLoop { since: first, n: 2 }],
            ),
            // A public update starts a fresh series from the update.
            (
                Priority::P1,
                Some(upd),
                None,
                upd + H,
                vec![KeepInLoop { since: first, n: 1 }],
                vec![KeepInLoop { since: upd, n: 1 }],
            ),
            (Priority::P2, None, None, first + H, vec![], vec![]),
            (
                Priority::P3,
                None,
                None,
                first + 7 * H,
                vec![ResolveWarning],
                vec![],
            ),
            // Waiting on the requester: silent.
            (
                Priority::P1,
                None,
                Some((first + 30 * M, None)),
                first + 3 * H,
                vec![],
                vec![],
            ),
        ];
        for (i, (prio, last, pause, now, sent, want)) in cases.into_iter().enumerate() {
            let mut c = SlaClock::new(prio, T0);
            c.first_response_at = Some(first);
            c.last_public_update_at = last;
            c.pauses = pause.into_iter().collect();
            let got: Vec<AlertKey> = due_alerts(&c, &policy, &cal, now, &sent)
                .into_iter()
                .map(|a| a.key)
                .filter(|k| matches!(k, KeepInLoop { .. }))
                .collect();
            assert_eq!(got, want, "case {i}");
        }
    }

    #[test]
    fn next_wakeup_walks_the_p1_timeline() {
        let cal = always();
        let policy = SlaPolicy::default();
        let mut c = clock(Priority::P1);
        let mut sent = vec![];
        assert_eq!(
            next_wakeup(&c, &policy, &cal, T0, &sent),
            Some(T0 + 11 * M + 15)
        );
        sent.push(RespondWarning);
        assert_eq!(
            next_wakeup(&c, &policy, &cal, T0 + 11 * M + 15, &sent),
            Some(T0 + 15 * M)
        );
        c.first_response_at = Some(T0 + 14 * M);
        // Next: keep-in-loop at +1 h 14 (before the resolve warning at +1 h 30).
        assert_eq!(
            next_wakeup(&c, &policy, &cal, T0 + 14 * M, &sent),
            Some(T0 + 74 * M)
        );
        c.resolved_at = Some(T0 + 20 * M);
        assert_eq!(next_wakeup(&c, &policy, &cal, T0 + 20 * M, &sent), None);
        assert!(due_alerts(&c, &policy, &cal, T0 + 10 * H, &sent).is_empty());
    }

    #[test]
    fn next_wakeup_skips_the_weekend() {
        let cal = office();
        let policy = SlaPolicy::default();
        let c = SlaClock::new(Priority::P1, sh("2026-09-25 17:55"));
        let sent = [RespondWarning];
        // 5 min used on Friday; the remaining 10 min run out Monday 09:10.
        assert_eq!(
            next_wakeup(&c, &policy, &cal, sh("2026-09-25 18:00"), &sent),
            Some(sh("2026-09-28 09:10"))
        );
        assert!(due_alerts(&c, &policy, &cal, sh("2026-09-27 23:00"), &sent).is_empty());
    }

    #[test]
    fn deadlines_across_new_york_dst_switch() {
        let z = "America/New_York";
        let cal = Calendar::from_config(&CalendarConfig {
            timezone: Some(z.into()),
            days: Some(
                ["mon", "tue", "wed", "thu", "fri"]
                    .map(String::from)
                    .to_vec(),
            ),
            hours: Some(vec!["09:00-17:00".into()]),
            ..CalendarConfig::default()
        })
        .unwrap();
        // P3 created Friday 2026-03-06 16:00 EST; clocks spring forward on Sunday.
        let c = SlaClock::new(Priority::P3, at(z, "2026-03-06 16:00"));
        let d = deadlines(&c, &SlaPolicy::default(), &cal);
        assert_eq!(d.respond_by, at(z, "2026-03-09 10:00"));
        assert_eq!(d.resolve_by, Some(at(z, "2026-03-09 16:00")));
        // Three calendar days less the hour that vanished on Sunday.
        assert_eq!(d.resolve_by.unwrap() - c.created_at, 3 * 24 * H - H);
    }

    #[test]
    fn timer_driven_by_next_wakeup_sends_each_key_once() {
        // Simulate the timer worker: sleep until next_wakeup or the next change of the
        // ticket (the shell reschedules on every change), send what is due, store keys.
        let cal = office();
        let policy = SlaPolicy::default();
        let first = sh("2026-09-25 17:20"); // Friday, 5 min after the 15 min target
        let (pause, resume) = (sh("2026-09-28 09:30"), sh("2026-09-28 11:00"));
        let resolved = sh("2026-09-29 12:00");
        let mut c = SlaClock::new(Priority::P1, sh("2026-09-25 17:00"));
        c.first_response_at = Some(first);
        c.pauses = vec![(pause, Some(resume))];
        let changes = [first, pause, resume, resolved];
        let mut sent: Vec<AlertKey> = vec![];
        let mut now = c.created_at;
        for _ in 0..200 {
            for a in due_alerts(&c, &policy, &cal, now, &sent) {
                assert!(!sent.contains(&a.key), "{} sent twice", a.key);
                assert!(a.due_at <= now);
                sent.push(a.key);
            }
            let wake = next_wakeup(&c, &policy, &cal, now, &sent);
            let change = changes.iter().copied().find(|t| *t > now);
            if let Some(t) = wake {
                assert!(t > now);
                let fresh = !due_alerts(&c, &policy, &cal, t, &sent).is_empty();
                let changed = change.is_some_and(|ch| ch <= t);
                assert!(fresh || changed, "idle wake at {t}");
            }
            match wake.into_iter().chain(change).min() {
                Some(t) if t < resolved => now = t,
                _ => break,
            }
        }
        let kil = |n: u32| KeepInLoop { since: first, n };
        let mut want = vec![
            RespondWarning,
            RespondBreach(1),
            kil(1),
            ResolveWarning,
            ResolveBreach(1),
        ];
        for n in 2..=10 {
            want.extend([kil(n), ResolveBreach(n)]);
        }
        want.push(kil(11));
        assert_eq!(sent, want);
    }

    #[test]
    fn alert_key_strings_are_stable() {
        let cases = [
            (RespondWarning, "respond-warning"),
            (RespondBreach(1), "respond-breach#1"),
            (ResolveWarning, "resolve-warning"),
            (ResolveBreach(2), "resolve-breach#2"),
            (
                KeepInLoop {
                    since: 1_700_000_000,
                    n: 3,
                },
                "keep-in-loop@1700000000#3",
            ),
        ];
        for (key, text) in cases {
            assert_eq!(key.to_string(), text);
            assert_eq!(text.parse::<AlertKey>().unwrap(), key);
            assert_eq!(serde_json::to_string(&key).unwrap(), format!("\"{text}\""));
            assert_eq!(
                serde_json::from_str::<AlertKey>(&format!("\"{text}\"")).unwrap(),
                key
            );
        }
        for bad in [
            "",
            "respond-breach#0",
            "resolve-breach#x",
            "keep-in-loop@1",
            "nope",
        ] {
            assert!(bad.parse::<AlertKey>().is_err(), "{bad}");
        }
    }
}
