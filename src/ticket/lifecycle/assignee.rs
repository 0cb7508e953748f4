//! `#assign <who>`: finding the engineer an assignment names (me, a name, a first name, a login
//! or an address) and suggesting the nearest configured name for a near-miss. Pure.

use super::{Engineer, Policy};
use crate::ticket::command::{AssigneeRef, CommandError};

/// The engineer `who` names; `sender` is `me`.
pub(super) fn resolve_assignee<'p>(
    who: &AssigneeRef,
    sender: &'p Engineer,
    policy: &'p Policy,
) -> Result<&'p Engineer, CommandError> {
    let engineers = &policy.workflow.engineers;
    let found = match who {
        AssigneeRef::Me => return Ok(sender),
        AssigneeRef::Email(e) => policy.workflow.engineer(e),
        AssigneeRef::Name(n) => {
            let n = n.trim();
            engineers
                .iter()
                .find(|e| e.name.eq_ignore_ascii_case(n))
                .or_else(|| {
                    engineers.iter().find(|e| {
                        e.email
                            .split('@')
                            .next()
                            .is_some_and(|local| local.eq_ignore_ascii_case(n))
                    })
                })
                .or_else(|| {
                    let by_first: Vec<&Engineer> = engineers
                        .iter()
                        .filter(|e| {
                            e.name
                                .split_whitespace()
                                .next()
                                .is_some_and(|f| f.eq_ignore_ascii_case(n))
                        })
                        .collect();
                    match by_first.as_slice() {
                        [one] => Some(*one),
                        _ => None,
                    }
                })
        }
    };
    found.ok_or_else(|| {
        let written = match who {
            AssigneeRef::Me => "me".to_string(),
            AssigneeRef::Email(s) | AssigneeRef::Name(s) => s.clone(),
        };
        let suggestion = engineers
            .iter()
            .map(|e| {
                (
                    edit_distance(&e.name.to_lowercase(), &written.to_lowercase()),
                    e,
                )
            })
            .min_by_key(|(d, _)| *d)
            .filter(|(d, _)| *d <= 3)
            .map(|(_, e)| format!("#assign {}", e.name));
        CommandError {
            line: format!("#assign {written}"),
            reason: format!("{written:?} is not a configured engineer"),
            suggestion,
        }
    })
}

/// Levenshtein distance over chars (names are short).
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev
                .get(j)
                .copied()
                .unwrap_or(usize::MAX)
                .saturating_add(usize::from(ca != *cb));
            let del = prev
                .get(j + 1)
                .copied()
                .unwrap_or(usize::MAX)
                .saturating_add(1);
            let ins = cur.get(j).copied().unwrap_or(usize::MAX).saturating_add(1);
            cur.push(sub.min(del).min(ins));
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}
