//! The requester's replies on an existing ticket: the answer to "is it fixed?", the rating,
//! a withdrawal (`close` / `关闭`), a reply to a closed ticket (reopen within the window, a new
//! ticket after it), or a plain follow-up that the assignee is told about. Pure.

use super::mails;
use super::{append, open, Context, Decision, OutgoingMail, Policy};
use crate::mail::InboundMail;
use crate::ticket::command::parse_commands;
use crate::ticket::model::{Awaiting, Classification, Event, EventKind, Status, Ticket, Timestamp};
use crate::ticket::reply::{
    explain_confirmation, is_withdrawal, read_answer_by, Answer, AnswerContext, Confirmation,
    Writer,
};

fn event(mail: &InboundMail, kind: EventKind, detail: Option<String>, now: Timestamp) -> Event {
    Event {
        at: now,
        actor: mail.from.email.clone(),
        kind,
        from_value: None,
        to_value: None,
        detail,
        message_id: Some(mail.message_id.clone()),
    }
}

fn status_change(
    t: &mut Ticket,
    to: Status,
    mail: &InboundMail,
    detail: &str,
    now: Timestamp,
) -> Event {
    let from = t.status;
    t.status = to;
    Event {
        at: now,
        actor: mail.from.email.clone(),
        kind: EventKind::StatusChanged,
        from_value: Some(from.to_string()),
        to_value: Some(to.to_string()),
        detail: Some(detail.to_string()),
        message_id: Some(mail.message_id.clone()),
    }
}

/// Notify the assignee (or, with none, the supervisors) about this mail.
pub(crate) fn tell_engineers(
    t: &Ticket,
    mail: &InboundMail,
    reason: &'static str,
    policy: &Policy,
    now: Timestamp,
) -> Vec<OutgoingMail> {
    let wf = &policy.workflow;
    match t.assignee.as_deref().and_then(|a| wf.engineer(a)) {
        Some(e) => vec![mails::notify(t, e, mail, reason, policy, now)],
        None => wf
            .engineers
            .iter()
            .filter(|e| e.supervisor)
            .map(|e| mails::notify(t, e, mail, reason, policy, now))
            .collect(),
    }
}

/// A mail from anybody but an engineer (or from the ticket's own requester) on ticket `t`.
pub(super) fn on_reply(
    t: &Ticket,
    mail: &InboundMail,
    c: &Classification,
    ctx: &Context<'_>,
    policy: &Policy,
    now: Timestamp,
) -> Decision {
    let decision = match t.status {
        Status::Resolved => confirmation(t, mail, policy, now),
        Status::Closed => closed(t, mail, c, ctx, policy, now),
        Status::New | Status::Open | Status::Waiting | Status::AwaitingApproval => {
            // Only the requester may withdraw: a colleague's "please close" goes to the engineer.
            if is_withdrawal(&mail.new_text) && writer(t, mail) == Writer::Requester {
                withdraw(t, mail, policy, now)
            } else {
                follow_up(t, mail, policy, now)
            }
        }
    };
    record_foreign_commands(decision, mail, now)
}

/// Whether the ticket's requester wrote `mail`: only they may close or rate it.
fn writer(t: &Ticket, mail: &InboundMail) -> Writer {
    Writer::of(&mail.from.email, &t.requester)
}

/// Command lines from someone who is not an engineer are not obeyed, but the attempt is kept.
fn record_foreign_commands(mut d: Decision, mail: &InboundMail, now: Timestamp) -> Decision {
    let block = parse_commands(&mail.text);
    if block.commands.is_empty() {
        return d;
    }
    let e = event(
        mail,
        EventKind::CommandRejected,
        Some(format!(
            "{} command(s) ignored: {} is not a configured engineer",
            block.commands.len(),
            mail.from.email
        )),
        now,
    );
    match &mut d {
        Decision::Append { events, .. }
        | Decision::Approval { events, .. }
        | Decision::Open { events, .. } => events.push(e),
        Decision::Ignore { .. } | Decision::Answer { .. } => {}
    }
    d
}

fn follow_up(t: &Ticket, mail: &InboundMail, policy: &Policy, now: Timestamp) -> Decision {
    let mut d = append(t, mail, now);
    if let Decision::Append {
        ticket, outgoing, ..
    } = &mut d
    {
        if ticket.assignee.is_some() {
            *outgoing = tell_engineers(ticket, mail, "follow_up", policy, now);
        }
    }
    d
}

fn withdraw(t: &Ticket, mail: &InboundMail, policy: &Policy, now: Timestamp) -> Decision {
    let mut t = t.clone();
    t.updated_at = now;
    let mut events = vec![event(mail, EventKind::FollowUp, None, now)];
    events.push(status_change(
        &mut t,
        Status::Closed,
        mail,
        "withdrawn by the requester",
        now,
    ));
    t.closed_at = Some(now);
    t.awaiting = Awaiting::Nothing;
    t.last_public_update_at = Some(now);
    let mut outgoing = vec![mails::notice(
        &t,
        policy,
        "withdrawn",
        format!("{}|notice", mail.message_id),
    )];
    outgoing.extend(tell_engineers(&t, mail, "withdrawn", policy, now));
    Decision::Append {
        ticket: t,
        events,
        outgoing,
        internal: false,
    }
}

/// The answer to "is it fixed?". Only a clear yes (or a request to close) closes; an unclear
/// answer, or a yes with another matter in it, leaves the ticket as it is and tells the engineer.
fn confirmation(t: &Ticket, mail: &InboundMail, policy: &Policy, now: Timestamp) -> Decision {
    let verdict = read_answer_by(AnswerContext::Confirmation, &mail.new_text, writer(t, mail));
    let mut t = t.clone();
    t.updated_at = now;
    let mut events = vec![event(
        mail,
        EventKind::Confirmation,
        Some(verdict.reason),
        now,
    )];
    let mut outgoing = Vec::new();
    match verdict.answer {
        Answer::Confirmed | Answer::Withdrawn | Answer::Solved => {
            let why = if verdict.answer == Answer::Withdrawn {
                "withdrawn by the requester"
            } else {
                "confirmed by the requester"
            };
            events.push(status_change(&mut t, Status::Closed, mail, why, now));
            t.closed_at = Some(now);
            t.awaiting = Awaiting::Rating;
            t.last_public_update_at = Some(now);
            outgoing.push(mails::survey(
                &t,
                policy,
                "confirmed",
                "",
                format!("{}|survey", mail.message_id),
            ));
        }
        Answer::Rejected | Answer::NotSolved => {
            reopen(
                &mut t,
                mail,
                "the requester says it is not fixed",
                now,
                &mut events,
            );
            outgoing.push(mails::update(
                &t,
                policy,
                &["reopened"],
                "",
                format!("{}|update", mail.message_id),
            ));
            t.last_public_update_at = Some(now);
            outgoing.extend(tell_engineers(&t, mail, "reopened", policy, now));
        }
        Answer::NewProblem => {
            outgoing.extend(tell_engineers(&t, mail, "new_problem", policy, now));
        }
        Answer::Unclear | Answer::Rating(_) => {
            outgoing.extend(tell_engineers(&t, mail, "unclear", policy, now));
        }
    }
    Decision::Append {
        ticket: t,
        events,
        outgoing,
        internal: false,
    }
}

fn reopen(t: &mut Ticket, mail: &InboundMail, why: &str, now: Timestamp, events: &mut Vec<Event>) {
    events.push(status_change(t, Status::Open, mail, why, now));
    t.reopen_count = t.reopen_count.saturating_add(1);
    t.resolved_at = None;
    t.closed_at = None;
    t.awaiting = Awaiting::Nothing;
    t.reminded_at = None;
}

/// A rating on a closed ticket awaiting one: record it and thank the requester.
fn rated(
    t: &Ticket,
    mail: &InboundMail,
    score: u8,
    comment: Option<String>,
    policy: &Policy,
    now: Timestamp,
) -> Decision {
    let mut t = t.clone();
    t.updated_at = now;
    let from = t.rating.map(|r| r.to_string());
    t.rating = Some(score);
    t.awaiting = Awaiting::Nothing;
    t.last_public_update_at = Some(now);
    let events = vec![Event {
        at: now,
        actor: mail.from.email.clone(),
        kind: EventKind::Rated,
        from_value: from,
        to_value: Some(score.to_string()),
        detail: comment,
        message_id: Some(mail.message_id.clone()),
    }];
    let outgoing = vec![mails::thanks(
        &t,
        policy,
        score,
        format!("{}|thanks", mail.message_id),
    )];
    Decision::Append {
        ticket: t,
        events,
        outgoing,
        internal: false,
    }
}

/// The reason of a reply with no answer cue at all ("thanks", "ok").
const NO_ANSWER: &str = "unclear: no answer found";

/// A reply to a closed ticket: a rating, a reopen (within the window), or a new ticket.
fn closed(
    t: &Ticket,
    mail: &InboundMail,
    c: &Classification,
    ctx: &Context<'_>,
    policy: &Policy,
    now: Timestamp,
) -> Decision {
    // Awaiting a rating, the survey reading decides (as `eval-answers` scores it); otherwise
    // the confirmation reading: a described problem reopens or opens a new ticket.
    let (answer, reason) = if t.awaiting == Awaiting::Rating {
        let v = read_answer_by(AnswerContext::Survey, &mail.new_text, writer(t, mail));
        if let Answer::Rating(score) = v.answer {
            return rated(t, mail, score, v.comment, policy, now);
        }
        (v.answer, v.reason)
    } else {
        let v = explain_confirmation(&mail.new_text);
        let answer = match v.confirmation {
            Confirmation::Negative => Answer::Rejected,
            Confirmation::NewProblem => Answer::NewProblem,
            Confirmation::Affirmative | Confirmation::Unclear => Answer::Unclear,
        };
        (answer, v.reason)
    };
    match answer {
        Answer::Rejected | Answer::NotSolved => {}
        Answer::NewProblem if ctx.new_number > 0 => {
            return open(mail, c, ctx, policy, now, Some(t.number));
        }
        _ if t.awaiting == Awaiting::Rating && reason != NO_ANSWER => {
            // A survey answer with words in it but no readable rating: a human reads it.
            let mut d = append(t, mail, now);
            if let Decision::Append { outgoing, .. } = &mut d {
                *outgoing = tell_engineers(t, mail, "unclear_survey", policy, now);
            }
            return d;
        }
        // "Thanks!" to a closed ticket reopens nothing.
        _ => return append(t, mail, now),
    }
    let closed_at = t.closed_at.unwrap_or(t.updated_at);
    if now <= closed_at.saturating_add(policy.workflow.reopen_window) {
        let mut t = t.clone();
        t.updated_at = now;
        let mut events = vec![event(mail, EventKind::FollowUp, Some(reason), now)];
        reopen(
            &mut t,
            mail,
            "the requester wrote again after the close",
            now,
            &mut events,
        );
        t.last_public_update_at = Some(now);
        let mut outgoing = vec![mails::update(
            &t,
            policy,
            &["reopened"],
            "",
            format!("{}|update", mail.message_id),
        )];
        outgoing.extend(tell_engineers(&t, mail, "reopened", policy, now));
        return Decision::Append {
            ticket: t,
            events,
            outgoing,
            internal: false,
        };
    }
    if ctx.new_number > 0 {
        open(mail, c, ctx, policy, now, Some(t.number))
    } else {
        append(t, mail, now)
    }
}
