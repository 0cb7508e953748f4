//! The approval round-trip by mail, on top of the pure state machine in `ticket::approval`:
//! an engineer's `#plan` becomes approval requests (to the supervisors, and to the requester
//! for high risk with `customer_consent`), each with its own reply token; an addressed
//! approver's authenticated `approve`/`reject` is recorded with who, when and how; anything
//! else that looks like an answer is recorded as refused and answered with nothing (the `From`
//! of an unauthenticated mail is exactly what cannot be trusted). Timer steps remind and
//! escalate an unanswered request. Pure, like the rest of `lifecycle`.

use super::mails::{base_vars, token_addressing, with};
use super::{auth, tagged_subject, Decision, OutKind, OutgoingMail, Policy};
use crate::mail::{Address, InboundMail};
use crate::ticket::approval::{
    approvers_for, parse_answer, parse_plan, Answer, Approval, Approver, Outcome, Role, TimerStep,
};
use crate::ticket::model::{Event, EventKind, Status, Ticket, Timestamp};
use serde_json::{json, Value};

fn event(
    actor: &str,
    kind: EventKind,
    to: Option<String>,
    detail: String,
    message_id: Option<&str>,
    now: Timestamp,
) -> Event {
    Event {
        at: now,
        actor: actor.to_string(),
        kind,
        from_value: None,
        to_value: to,
        detail: Some(detail),
        message_id: message_id.map(str::to_string),
    }
}

/// The supervisors' addresses, in configuration order.
fn supervisors(policy: &Policy) -> Vec<String> {
    policy
        .workflow
        .engineers
        .iter()
        .filter(|e| e.supervisor)
        .map(|e| e.email.clone())
        .collect()
}

/// What an accepted `#plan` does.
pub(super) struct Proposal {
    pub approval: Approval,
    pub events: Vec<Event>,
    pub outgoing: Vec<OutgoingMail>,
    /// The receipt line.
    pub applied: String,
    /// The ticket must wait for approval.
    pub awaiting: bool,
}

/// An authorised engineer's `#plan` on ticket `t`. `Err` is the receipt's reason.
pub(super) fn propose(
    t: &Ticket,
    proposer: &str,
    text: &str,
    previous: Option<&Approval>,
    mail: &InboundMail,
    policy: &Policy,
    now: Timestamp,
) -> Result<Proposal, String> {
    let plan = parse_plan(text)?;
    let settings = &policy.workflow.approval;
    let approvers = approvers_for(
        plan.risk,
        proposer,
        &supervisors(policy),
        &t.requester,
        settings,
    );
    let needs = plan.risk != crate::ticket::approval::Risk::Low;
    if needs && !approvers.iter().any(|a| a.role == Role::Supervisor) {
        return Err(format!(
            "a {} risk plan needs a supervisor's approval, and no supervisor other than you is \
             configured in [[engineers]]",
            plan.risk.as_str()
        ));
    }
    let seq = previous.map_or(1, |p| p.seq.saturating_add(1));
    let approval = Approval::propose(seq, plan, proposer, approvers, now);
    let p = &approval.plan;
    let mut detail = format!("plan #{seq}, risk {}", p.risk.as_str());
    if !p.risk_stated {
        detail.push_str(" (no risk: line, so medium)");
    }
    detail.push_str(&format!(": {}", p.text));
    if let Some(r) = &p.rollback {
        detail.push_str(&format!("; rollback: {r}"));
    }
    if let Some(w) = &p.window {
        detail.push_str(&format!("; window: {w}"));
    }
    let mut events = vec![event(
        proposer,
        EventKind::PlanProposed,
        Some(p.risk.as_str().to_string()),
        detail,
        Some(&mail.message_id),
        now,
    )];
    let mut outgoing = Vec::new();
    for a in &approval.approvers {
        events.push(event(
            "supportbot",
            EventKind::ApprovalRequested,
            Some(a.email.clone()),
            format!(
                "plan #{seq}: approval requested from the {}",
                a.role.as_str()
            ),
            Some(&mail.message_id),
            now,
        ));
        outgoing.push(request_mail(
            t,
            &approval,
            a,
            "request",
            &mail.message_id,
            policy,
            now,
        ));
    }
    let applied = if needs {
        format!(
            "#plan #{seq} ({} risk{}): approval requested from {}; #resolve waits for it",
            p.risk.as_str(),
            if p.risk_stated { "" } else { ", no risk: line" },
            approval
                .approvers
                .iter()
                .map(|a| a.email.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )
    } else {
        format!("#plan #{seq} (low risk): recorded, no approval needed")
    };
    Ok(Proposal {
        approval,
        events,
        outgoing,
        applied,
        awaiting: needs,
    })
}

/// The text an answer is read from.
fn answer_text(mail: &InboundMail) -> &str {
    if mail.text.trim().is_empty() {
        &mail.new_text
    } else {
        &mail.text
    }
}

/// A mail on ticket `t` whose latest plan is `a`: `Some` when it is (or pretends to be) an
/// answer to the approval request, `None` to let the ordinary conversation handle it.
pub(super) fn on_answer(
    t: &Ticket,
    a: &Approval,
    mail: &InboundMail,
    policy: &Policy,
    now: Timestamp,
) -> Option<Decision> {
    let answer = parse_answer(answer_text(mail))?;
    let sender = mail.from.email.trim().to_ascii_lowercase();
    let refused = |why: String| Decision::Append {
        ticket: t.clone(),
        events: vec![event(
            &sender,
            EventKind::CommandRejected,
            None,
            format!("approval answer on plan #{} ignored: {why}", a.seq),
            Some(&mail.message_id),
            now,
        )],
        outgoing: Vec::new(),
        internal: true,
    };
    let Some(approver) = a.approver(&sender) else {
        // Somebody not asked: no effect and no receipt, only while an answer could matter.
        return (a.outcome() == Outcome::Pending)
            .then(|| refused(format!("{sender} is not an addressed approver")));
    };
    let proof = match auth::authorise(mail, &approver.email, t.number, &policy.workflow, now) {
        Ok(auth::Proof::Token) => "reply token".to_string(),
        Ok(auth::Proof::Authenticated(how)) => how,
        Err(why) => return Some(refused(format!("not authenticated ({why})"))),
    };
    let next = match a.vote(&sender, &answer, &proof, &mail.message_id, now) {
        Ok(next) => next,
        Err(e) => {
            let mut d = refused(e.to_string());
            if let Decision::Append { outgoing, .. } = &mut d {
                outgoing.push(notice_mail(
                    t,
                    a,
                    approver,
                    "not_recorded",
                    &e.to_string(),
                    mail,
                    policy,
                ));
            }
            return Some(d);
        }
    };
    let mut ticket = t.clone();
    ticket.updated_at = now;
    let (word, reason) = match &answer {
        Answer::Approve => ("approved", None),
        Answer::Reject(r) => ("rejected", r.clone()),
    };
    let mut events = vec![event(
        &sender,
        EventKind::ApprovalDecided,
        Some(word.to_string()),
        format!(
            "plan #{}: {} {} {word}{} (proof: {proof})",
            a.seq,
            approver.role.as_str(),
            sender,
            reason
                .as_deref()
                .map(|r| format!(": {r}"))
                .unwrap_or_default()
        ),
        Some(&mail.message_id),
        now,
    )];
    let mut outgoing = vec![notice_mail(
        t,
        &next,
        approver,
        "receipt",
        reason.as_deref().unwrap_or_default(),
        mail,
        policy,
    )];
    let outcome = next.outcome();
    if matches!(outcome, Outcome::Approved | Outcome::Rejected) {
        if ticket.status == Status::AwaitingApproval {
            events.push(Event {
                at: now,
                actor: "supportbot".into(),
                kind: EventKind::StatusChanged,
                from_value: Some(ticket.status.to_string()),
                to_value: Some(Status::Open.to_string()),
                detail: Some(format!("plan #{} {}", a.seq, outcome.as_str())),
                message_id: Some(mail.message_id.clone()),
            });
            ticket.status = Status::Open;
        }
        let notice = if outcome == Outcome::Approved {
            "approved"
        } else {
            "rejected"
        };
        let mut told: Vec<String> = Vec::new();
        for to in std::iter::once(next.proposed_by.as_str()).chain(ticket.assignee.as_deref()) {
            if told.iter().any(|x| x.eq_ignore_ascii_case(to)) {
                continue;
            }
            told.push(to.to_string());
            if let Some(e) = policy.workflow.engineer(to) {
                let who = Approver {
                    email: e.email.clone(),
                    role: Role::Supervisor,
                };
                outgoing.push(notice_mail(
                    t,
                    &next,
                    &who,
                    notice,
                    reason.as_deref().unwrap_or_default(),
                    mail,
                    policy,
                ));
            }
        }
    }
    Some(Decision::Approval {
        ticket,
        events,
        outgoing,
        internal: true,
        approval: Box::new(next),
    })
}

/// A timer step of ticket `t`'s pending plan: the new approval, the events and the mails.
pub fn on_approval_timer(
    t: &Ticket,
    a: &Approval,
    policy: &Policy,
    now: Timestamp,
) -> Option<(Approval, Vec<Event>, Vec<OutgoingMail>)> {
    let step = a.on_timer(&policy.workflow.approval, now)?;
    let next = a.after_step(step);
    let cause = format!("approval-timer|{}|{}|{step:?}", t.number, a.seq);
    let waiting: Vec<Approver> = a.waiting_for().into_iter().cloned().collect();
    let mut outgoing: Vec<OutgoingMail> = Vec::new();
    let name = match step {
        TimerStep::Remind => "reminder",
        TimerStep::Escalate => "escalation",
    };
    for ap in &waiting {
        outgoing.push(request_mail(t, a, ap, name, &cause, policy, now));
    }
    if step == TimerStep::Escalate {
        let mut others: Vec<String> = supervisors(policy);
        others.extend(t.assignee.clone());
        others.dedup();
        for o in others {
            if waiting.iter().any(|w| w.email.eq_ignore_ascii_case(&o)) {
                continue;
            }
            let ap = Approver {
                email: o,
                role: Role::Supervisor,
            };
            let mut m = request_mail(t, a, &ap, name, &cause, policy, now);
            // Told, not asked: this reader's reply would not count.
            if let Value::Object(v) = &mut m.vars {
                v.insert("can_answer".into(), Value::Bool(false));
            }
            m.reply_to = None;
            m.message_id = None;
            outgoing.push(m);
        }
    }
    let kind = match step {
        TimerStep::Remind => EventKind::Reminder,
        TimerStep::Escalate => EventKind::Escalated,
    };
    let events = vec![Event {
        at: now,
        actor: "supportbot".into(),
        kind,
        from_value: None,
        to_value: Some(format!("approval-{name}#{}", a.seq)),
        detail: Some(format!(
            "plan #{} unanswered since {}: {name} to {}",
            a.seq,
            super::local_time(a.proposed_at, policy.timezone),
            outgoing
                .iter()
                .flat_map(|m| m.to.iter().map(|x| x.email.clone()))
                .collect::<Vec<_>>()
                .join(", ")
        )),
        message_id: None,
    }];
    Some((next, events, outgoing))
}

fn lang_for(t: &Ticket, email: &str, policy: &Policy) -> (&'static str, Option<String>) {
    match policy.workflow.engineer(email) {
        Some(e) => (e.lang, Some(e.name.clone())),
        None => (
            t.language.template_lang(),
            t.requester
                .eq_ignore_ascii_case(email)
                .then(|| t.requester_name.clone())
                .flatten(),
        ),
    }
}

fn plan_vars(a: &Approval, policy: &Policy) -> Value {
    json!({
        "plan_seq": a.seq,
        "plan": a.plan.text,
        "risk": a.plan.risk.as_str(),
        "risk_zh": a.plan.risk.zh_name(),
        "rollback": a.plan.rollback,
        "window": a.plan.window,
        "proposer_name": policy.workflow.engineer(&a.proposed_by).map_or(a.proposed_by.clone(), |e| e.name.clone()),
        "waiting_for": a.waiting_for().iter().map(|w| w.email.clone()).collect::<Vec<_>>(),
        "outcome": a.outcome().as_str(),
        "votes": a.votes.iter().map(|v| json!({
            "role": v.role.as_str(),
            "approver": v.approver,
            "answer": if v.approve { "approved" } else { "rejected" },
            "reason": v.reason,
            "proof": v.proof,
            "at": super::local_time(v.at, policy.timezone),
        })).collect::<Vec<_>>(),
    })
}

/// The request (or its reminder/escalation) to one approver, with that approver's own reply
/// token in `Reply-To` and the Message-ID, exactly like an engineer notification.
fn request_mail(
    t: &Ticket,
    a: &Approval,
    approver: &Approver,
    step: &str,
    cause: &str,
    policy: &Policy,
    now: Timestamp,
) -> OutgoingMail {
    let seed = format!("{cause}|approval|{}|{}|{step}", approver.email, a.seq);
    let (reply_to, message_id) = token_addressing(t, &approver.email, &seed, policy, now);
    let (lang, name) = lang_for(t, &approver.email, policy);
    let waited = now.saturating_sub(a.proposed_at);
    let vars = with(
        base_vars(t, policy, lang),
        with(
            match plan_vars(a, policy) {
                Value::Object(m) => m,
                _ => serde_json::Map::new(),
            },
            json!({
                "approver_name": name,
                "step": step,
                "can_answer": true,
                "waited": super::human_duration(waited - waited % 60, lang),
                "timeout": super::human_duration(policy.workflow.approval.timeout, lang),
            }),
        ),
    );
    let (in_reply_to, references) = if approver.role == Role::Requester {
        (
            Some(t.root_message_id.clone()),
            vec![t.root_message_id.clone()],
        )
    } else {
        (None, Vec::new())
    };
    let prefix = if lang == "zh" {
        "审批请求"
    } else {
        "Approval needed"
    };
    OutgoingMail {
        kind: OutKind::Notify,
        ticket: t.number,
        to: vec![Address {
            name: None,
            email: approver.email.clone(),
        }],
        subject: format!("{prefix}: {}", tagged_subject(t.number, &t.subject)),
        template: "approval_request",
        lang,
        vars,
        in_reply_to,
        references,
        auto_submitted: "auto-generated",
        seed,
        reply_to: Some(reply_to),
        message_id: Some(message_id),
    }
}

/// A receipt to an approver or the outcome to the engineer. `notice`: `receipt`, `approved`,
/// `rejected`, `not_recorded`.
fn notice_mail(
    t: &Ticket,
    a: &Approval,
    to: &Approver,
    notice: &str,
    reason: &str,
    mail: &InboundMail,
    policy: &Policy,
) -> OutgoingMail {
    let (lang, name) = lang_for(t, &to.email, policy);
    let decided_by = a
        .votes
        .iter()
        .find(|v| !v.approve)
        .map(|v| v.approver.clone())
        .unwrap_or_default();
    let answer = a
        .votes
        .iter()
        .rev()
        .find(|v| v.approver.eq_ignore_ascii_case(&to.email))
        .map_or("-", |v| if v.approve { "approved" } else { "rejected" });
    let vars = with(
        base_vars(t, policy, lang),
        with(
            match plan_vars(a, policy) {
                Value::Object(m) => m,
                _ => serde_json::Map::new(),
            },
            json!({
                "to_name": name,
                "notice": notice,
                "reason": reason,
                "answer": answer,
                "decided_by": decided_by,
            }),
        ),
    );
    let mut references = mail.references.clone();
    references.push(mail.message_id.clone());
    OutgoingMail {
        kind: if notice == "receipt" || notice == "not_recorded" {
            OutKind::Receipt
        } else {
            OutKind::Notify
        },
        ticket: t.number,
        to: vec![Address {
            name: None,
            email: to.email.clone(),
        }],
        subject: format!("Re: {}", tagged_subject(t.number, &t.subject)),
        template: "approval_notice",
        lang,
        vars,
        in_reply_to: Some(mail.message_id.clone()),
        references,
        auto_submitted: "auto-replied",
        seed: format!("{}|approval-{notice}|{}", mail.message_id, to.email),
        reply_to: None,
        message_id: None,
    }
}
