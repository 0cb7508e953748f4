//! Where the SLA resolve clock pauses, from a ticket's status history: the intervals the
//! ticket spent waiting on the requester, and with `[workflow] pause_on_approval` also the
//! intervals it spent awaiting approval of a plan. Pure; split out of `sla.rs` (the seam
//! between the status history and the deadline arithmetic).

use super::model::Timestamp;
use super::sla::Pause;

/// The statuses that stop the resolve clock: `waiting` (on the requester), and `awaiting
/// approval` too when `[workflow] pause_on_approval` is on.
pub fn paused_statuses(pause_on_approval: bool) -> &'static [&'static str] {
    if pause_on_approval {
        &["waiting", "awaiting approval"]
    } else {
        &["waiting"]
    }
}

/// Pauses from a ticket's status changes `(at, from, to)`, sorted by time: entering one of
/// the `paused` statuses from another status opens a pause, leaving them for another status
/// closes it (so `waiting` → `awaiting approval` with both paused is one pause). Changes
/// that do not involve them are ignored; a second entry while paused keeps the first.
pub fn pauses_from_changes(changes: &[(Timestamp, &str, &str)], paused: &[&str]) -> Vec<Pause> {
    let is_paused = |s: &str| paused.iter().any(|p| s.trim().eq_ignore_ascii_case(p));
    let mut out = Vec::new();
    let mut open: Option<Timestamp> = None;
    for &(at, from, to) in changes {
        if is_paused(to) && !is_paused(from) {
            open.get_or_insert(at);
        } else if is_paused(from) && !is_paused(to) {
            if let Some(start) = open.take() {
                out.push((start, Some(at)));
            }
        }
    }
    if let Some(start) = open {
        out.push((start, None));
    }
    out
}

/// Waiting-on-requester pauses only (`pause_on_approval` off).
pub fn pauses_from_status_changes(changes: &[(Timestamp, &str, &str)]) -> Vec<Pause> {
    pauses_from_changes(changes, paused_statuses(false))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pauses_follow_waiting_transitions() {
        type Changes<'a> = &'a [(Timestamp, &'a str, &'a str)];
        let cases: &[(Changes<'_>, &[Pause])] = &[
            (&[], &[]),
            (&[(10, "new", "open")], &[]),
            (&[(10, "open", "waiting")], &[(10, None)]),
            (
                &[(10, "open", "waiting"), (20, "waiting", "open")],
                &[(10, Some(20))],
            ),
            (
                &[
                    (10, "open", "waiting"),
                    (15, "waiting", "waiting"),
                    (20, "waiting", "resolved"),
                    (30, "resolved", "open"),
                    (40, "open", "waiting"),
                ],
                &[(10, Some(20)), (40, None)],
            ),
            // Leaving `waiting` without having seen the entry: nothing to close.
            (&[(5, "waiting", "open")], &[]),
        ];
        for (changes, want) in cases {
            assert_eq!(pauses_from_status_changes(changes), *want, "{changes:?}");
        }
    }

    #[test]
    fn awaiting_approval_pauses_only_when_configured() {
        type Changes<'a> = &'a [(Timestamp, &'a str, &'a str)];
        let story: Changes<'_> = &[
            (10, "new", "awaiting approval"),
            (20, "awaiting approval", "open"),
            (30, "open", "waiting"),
            (40, "waiting", "awaiting approval"),
            (50, "awaiting approval", "open"),
            (60, "open", "awaiting approval"),
        ];
        let cases: &[(bool, &[Pause])] = &[
            // Off: only the waiting spell 30..40 (leaving `waiting` for approval ends it).
            (false, &[(30, Some(40))]),
            // On: 10..20, 30..50 as one pause, and the open one from 60.
            (true, &[(10, Some(20)), (30, Some(50)), (60, None)]),
        ];
        for (on, want) in cases {
            assert_eq!(
                pauses_from_changes(story, paused_statuses(*on)),
                *want,
                "pause_on_approval = {on}"
            );
        }
        assert_eq!(
            pauses_from_status_changes(story),
            pauses_from_changes(story, paused_statuses(false))
        );
    }
}
