//! Who gets a new ticket: the engineer of its category with the fewest open tickets, ties
//! taken in turn after the last assignee (configuration order); with nobody for the category,
//! the supervisors are notified and the ticket stays unassigned until one of them takes it.
//! Pure: the shell counts the open tickets and remembers the last assignee.

use super::{mails, Context, Engineer, OutgoingMail, Policy};
use crate::mail::InboundMail;
use crate::ticket::model::{Category, Event, EventKind, Ticket, Timestamp};

/// Where a new ticket goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route<'p> {
    /// Assigned to this engineer.
    Engineer(&'p Engineer),
    /// Nobody covers the category: these supervisors are told.
    Supervisors(Vec<&'p Engineer>),
    /// No engineers configured at all.
    Nobody,
}

/// Route a ticket of `category`. `open_counts` holds (lower-case address, open tickets).
pub fn route<'p>(
    category: Category,
    engineers: &'p [Engineer],
    open_counts: &[(String, u32)],
    last_assignee: Option<&str>,
) -> Route<'p> {
    let candidates: Vec<(usize, &Engineer)> = engineers
        .iter()
        .enumerate()
        .filter(|(_, e)| e.categories.contains(&category))
        .collect();
    if candidates.is_empty() {
        let supervisors: Vec<&Engineer> = engineers.iter().filter(|e| e.supervisor).collect();
        return if supervisors.is_empty() {
            Route::Nobody
        } else {
            Route::Supervisors(supervisors)
        };
    }
    let count = |e: &Engineer| {
        open_counts
            .iter()
            .find(|(a, _)| a.eq_ignore_ascii_case(&e.email))
            .map(|(_, n)| *n)
            .unwrap_or(0)
    };
    let least = candidates.iter().map(|(_, e)| count(e)).min().unwrap_or(0);
    let tied: Vec<(usize, &Engineer)> = candidates
        .into_iter()
        .filter(|(_, e)| count(e) == least)
        .collect();
    let last_index = last_assignee.and_then(|last| {
        engineers
            .iter()
            .position(|e| e.email.eq_ignore_ascii_case(last))
    });
    // Round-robin: the first tied engineer after the last assignee, wrapping around.
    let pick = match last_index {
        Some(li) => tied
            .iter()
            .find(|(i, _)| *i > li)
            .or_else(|| tied.first())
            .map(|(_, e)| *e),
        None => tied.first().map(|(_, e)| *e),
    };
    match pick {
        Some(e) => Route::Engineer(e),
        None => Route::Nobody,
    }
}

/// The engineers a ticket of the policy's organisation may be routed to: its `engineers`, plus
/// the other supervisors with no categories (they are told about an unrouted ticket, never
/// handed one). `None`: every engineer (no organisation, or one without an `engineers` list).
fn organisation_pool(policy: &Policy) -> Option<Vec<Engineer>> {
    let org = policy.workflow.organisation.as_ref()?;
    if org.engineers.is_empty() {
        return None;
    }
    Some(
        policy
            .workflow
            .engineers
            .iter()
            .filter(|e| org.allows_engineer(&e.name) || e.supervisor)
            .map(|e| {
                let mut e = e.clone();
                if !org.allows_engineer(&e.name) {
                    e.categories.clear();
                }
                e
            })
            .collect(),
    )
}

/// Assign a freshly opened ticket and queue the notifications.
pub(super) fn assign_new(
    t: &mut Ticket,
    mail: &InboundMail,
    ctx: &Context<'_>,
    policy: &Policy,
    now: Timestamp,
    events: &mut Vec<Event>,
    outgoing: &mut Vec<OutgoingMail>,
) {
    let pool = organisation_pool(policy);
    let engineers = pool.as_deref().unwrap_or(&policy.workflow.engineers);
    match route(t.category, engineers, ctx.open_counts, ctx.last_assignee) {
        Route::Engineer(e) => {
            t.assignee = Some(e.email.clone());
            events.push(Event {
                at: now,
                actor: "supportbot".into(),
                kind: EventKind::Assigned,
                from_value: None,
                to_value: Some(e.email.clone()),
                detail: Some(format!("routed: {} covers {}", e.name, t.category)),
                message_id: Some(mail.message_id.clone()),
            });
            outgoing.push(mails::notify(t, e, mail, "new", policy, now));
        }
        Route::Supervisors(list) => {
            for e in list {
                events.push(Event {
                    at: now,
                    actor: "supportbot".into(),
                    kind: EventKind::Notified,
                    from_value: None,
                    to_value: Some(e.email.clone()),
                    detail: Some(format!(
                        "no engineer covers {}; supervisor notified",
                        t.category
                    )),
                    message_id: Some(mail.message_id.clone()),
                });
                outgoing.push(mails::notify(t, e, mail, "unrouted", policy, now));
            }
        }
        Route::Nobody => {}
    }
}
