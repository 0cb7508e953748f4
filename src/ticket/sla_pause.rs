//! Where the SLA resolve clock pauses, from a ticket's status history: the intervals the
//! ticket spent waiting on the requester. Pure; split out of `sla.rs` (the seam between the
//! status history and the deadline arithmetic).

use super::model::Timestamp;
use super::sla::Pause;

/// Waiting-on-requester pauses from a ticket's status changes `(at, from, to)`, sorted by
/// time: entering `waiting` opens a pause, leaving it closes it. Changes that do not
/// involve `waiting` are ignored; a second entry while already waiting keeps the first.
pub fn pauses_from_status_changes(changes: &[(Timestamp, &str, &str)]) -> Vec<Pause> {
    let mut out = Vec::new();
    let mut open: Option<Timestamp> = None;
    for &(at, from, to) in changes {
        let waiting = |s: &str| s.trim().eq_ignore_ascii_case("waiting");
        if waiting(to) && !waiting(from) {
            open.get_or_insert(at);
        } else if waiting(from) && !waiting(to) {
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
}
