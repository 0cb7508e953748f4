//! The approval round-trip at the lifecycle level: `#plan` by mail → requests (rendered, with
//! each approver's own token) → answers (authenticated, forged, third party, rejection with
//! its reason) → reminders and escalation. Explicit `now`, every mail rendered.

use super::test_fixtures::*;
use crate::ticket::approval::{Approval, Outcome};

const PLAN: &str =
    "#plan Swap the <b>core</b> switch\nrisk: medium\nrollback: put the old switch back\n\
                    window: 2026-12-05 22:00-23:00\n";

struct Planned {
    ticket: Ticket,
    approval: Approval,
    events: Vec<Event>,
    outgoing: Vec<OutgoingMail>,
}

/// Bob's `#plan` on ticket #42 (his own token) with `text`.
fn planned(text: &str, policy: &Policy) -> Planned {
    let t = ticket();
    let m = tokened("bob@example.test", text, 42, "bob@example.test", NOW);
    let ctx = Context {
        ticket: Some(&t),
        mailbox: "INBOX",
        ..Default::default()
    };
    match decide(&m, &request(), &class(), &ctx, policy, NOW) {
        Decision::Approval {
            ticket,
            events,
            outgoing,
            approval,
            ..
        } => Planned {
            ticket,
            approval: *approval,
            events,
            outgoing,
        },
        other => panic!("expected a plan, got {other:?}"),
    }
}

fn to<'a>(out: &'a [OutgoingMail], email: &str) -> Vec<&'a OutgoingMail> {
    out.iter().filter(|o| o.to[0].email == email).collect()
}

fn body(o: &OutgoingMail) -> String {
    assert_renders(std::slice::from_ref(o)).remove(0)
}

/// `m` on the planned ticket, with its plan in the context.
fn answered(p: &Planned, m: &InboundMail, now: Timestamp) -> Decision {
    let ctx = Context {
        ticket: Some(&p.ticket),
        approval: Some(&p.approval),
        mailbox: "INBOX",
        ..Default::default()
    };
    decide(m, &request(), &class(), &ctx, &policy(), now)
}

/// Alice's answer through the token of her approval request.
fn alice_says(p: &Planned, text: &str) -> InboundMail {
    let req = to(&p.outgoing, "alice@example.test")[0];
    let mut m = mail("alice@example.test", "alice-answer@client", text);
    m.to = vec![req.reply_to.clone().unwrap()];
    m
}

#[test]
fn a_plan_mails_the_supervisor_a_request_with_her_own_token() {
    let p = planned(PLAN, &policy());
    assert_eq!(p.ticket.status, Status::AwaitingApproval);
    assert_eq!(
        kinds(&p.events),
        vec![
            EventKind::PlanProposed,
            EventKind::ApprovalRequested,
            EventKind::StatusChanged,
            EventKind::CommandApplied
        ]
    );
    assert_eq!(p.approval.outcome(), Outcome::Pending);
    // Medium risk: the supervisor only, not the requester.
    assert!(to_requester(&p.outgoing).is_empty());
    let req = to(&p.outgoing, "alice@example.test");
    assert_eq!(req.len(), 1);
    let req = req[0];
    let (n, tok) = token::parse_address_token(&req.reply_to.as_ref().unwrap().email).unwrap();
    assert_eq!(n, 42);
    assert!(token::verify(SECRET, 42, "alice@example.test", &tok, NOW, 30 * DAY as u64).is_ok());
    assert!(token::verify(SECRET, 42, "bob@example.test", &tok, NOW, 30 * DAY as u64).is_err());
    assert_eq!(
        token::parse_message_id_token(req.message_id.as_deref().unwrap()),
        Some((42, tok))
    );
    let text = body(req);
    for part in [
        "Bob Stone asks for your approval",
        "Swap the <b>core</b> switch",
        "risk: medium",
        "put the old switch back",
        "2026-12-05 22:00-23:00",
        "approve",
        "reject <your reason>",
    ] {
        assert!(text.contains(part), "{part:?} in {text}");
    }
    let html = mail_parser::MessageParser::default()
        .parse(&renderer().render(req, NOW).unwrap().bytes)
        .unwrap()
        .body_html(0)
        .unwrap()
        .to_string();
    assert!(html.contains("&lt;b&gt;core"), "plan text escaped: {html}");
    // Bob's receipt says who was asked.
    let receipt = body(to(&p.outgoing, "bob@example.test")[0]);
    assert!(
        receipt.contains("approval requested from alice@example.test"),
        "{receipt}"
    );
}

#[test]
fn a_high_risk_plan_also_asks_the_requester_in_her_language_on_her_thread() {
    let p = planned(
        "#plan 更换核心交换机\n风险：高\n回退：换回旧交换机\n",
        &policy(),
    );
    let li = to_requester(&p.outgoing);
    assert_eq!(li.len(), 1);
    assert_eq!(li[0].lang, "zh");
    assert_eq!(li[0].in_reply_to.as_deref(), Some("root@client"));
    let text = body(li[0]);
    assert!(
        text.contains("更换核心交换机") && text.contains("换回旧交换机"),
        "{text}"
    );
    // Without customer consent only the supervisor is asked.
    let mut no_consent = policy();
    no_consent.workflow.approval.customer_consent = false;
    let p = planned("#plan 更换核心交换机\n风险：高\n", &no_consent);
    assert!(to_requester(&p.outgoing).is_empty());
    assert_eq!(p.approval.approvers.len(), 1);
}

#[test]
fn a_low_risk_plan_is_recorded_and_needs_nobody() {
    let p = planned("#plan Restart the print spooler\nrisk: low\n", &policy());
    assert_ne!(p.ticket.status, Status::AwaitingApproval);
    assert!(to(&p.outgoing, "alice@example.test").is_empty());
    assert_eq!(p.approval.blocks_resolve(), None);
}

#[test]
fn the_supervisors_token_reply_approves_and_tells_the_engineer() {
    let p = planned(PLAN, &policy());
    let later = NOW + 600;
    let Decision::Approval {
        ticket,
        events,
        outgoing,
        approval,
        ..
    } = answered(&p, &alice_says(&p, "Approve, thanks"), later)
    else {
        panic!("expected an approval")
    };
    assert_eq!(ticket.status, Status::Open);
    assert_eq!(approval.outcome(), Outcome::Approved);
    assert_eq!(approval.time_to_decide(), Some(600));
    let decided = events
        .iter()
        .find(|e| e.kind == EventKind::ApprovalDecided)
        .unwrap();
    assert_eq!(decided.actor, "alice@example.test");
    assert!(
        decided
            .detail
            .as_deref()
            .unwrap()
            .contains("proof: reply token"),
        "{decided:?}"
    );
    let receipt = body(to(&outgoing, "alice@example.test")[0]);
    assert!(receipt.contains("recorded: approved"), "{receipt}");
    let bob = body(to(&outgoing, "bob@example.test")[0]);
    assert!(
        bob.contains("APPROVED") && bob.contains("#resolve"),
        "{bob}"
    );
}

#[test]
fn forged_and_third_party_answers_change_nothing_and_mail_nobody() {
    let p = planned(PLAN, &policy());
    let req = to(&p.outgoing, "alice@example.test")[0];
    // (sender, the address it was sent to, why it fails)
    let bob_token = token::reply_address(
        "support",
        "example.test",
        42,
        &token::make_token(SECRET, 42, "bob@example.test", NOW),
    );
    let cases: &[(&str, &str, &str)] = &[
        (
            "alice@example.test",
            "support@example.test",
            "not authenticated",
        ),
        ("alice@example.test", &bob_token, "not authenticated"),
        (
            "mallory@evil.test",
            &req.reply_to.as_ref().unwrap().email,
            "not an addressed approver",
        ),
    ];
    for (from, rcpt, why) in cases {
        let mut m = mail(from, "forged@client", "approve");
        m.to = vec![Address {
            name: None,
            email: rcpt.to_string(),
        }];
        let (t, events, outgoing, _) = appended(answered(&p, &m, NOW + 60));
        assert_eq!(t.status, Status::AwaitingApproval, "{from} via {rcpt}");
        assert_eq!(kinds(&events), vec![EventKind::CommandRejected]);
        assert!(
            events[0].detail.as_deref().unwrap().contains(why),
            "{from} via {rcpt}: {events:?}"
        );
        assert!(outgoing.is_empty(), "no mail for {from}: {outgoing:?}");
    }
}

#[test]
fn a_rejection_returns_the_ticket_to_the_engineer_with_the_reason() {
    let p = planned(PLAN, &policy());
    let Decision::Approval {
        ticket,
        outgoing,
        approval,
        ..
    } = answered(
        &p,
        &alice_says(&p, "Reject: No CAB slot before Friday\nplease re-plan"),
        NOW + 60,
    )
    else {
        panic!("expected an approval")
    };
    assert_eq!(ticket.status, Status::Open);
    assert_eq!(approval.outcome(), Outcome::Rejected);
    let bob = body(to(&outgoing, "bob@example.test")[0]);
    assert!(
        bob.contains("REJECTED by alice@example.test: No CAB slot before Friday please re-plan"),
        "{bob}"
    );
    let why = approval.blocks_resolve().unwrap();
    assert!(why.contains("No CAB slot"), "{why}");
    // And #resolve after the rejection is refused with that reason.
    let ctx = Context {
        ticket: Some(&ticket),
        approval: Some(&approval),
        mailbox: "INBOX",
        ..Default::default()
    };
    let m = tokened(
        "bob@example.test",
        "#resolve done anyway",
        42,
        "bob@example.test",
        NOW,
    );
    let (t, _, out, _) = appended(decide(&m, &request(), &class(), &ctx, &policy(), NOW + 120));
    assert_eq!(t.status, Status::Open);
    let receipt = body(to(&out, "bob@example.test")[0]);
    assert!(receipt.contains("No CAB slot"), "{receipt}");
}

#[test]
fn an_unanswered_request_is_reminded_then_escalated_once() {
    let p = planned(PLAN, &policy());
    let pol = policy();
    let timeout = pol.workflow.approval.timeout;
    assert!(on_approval_timer(&p.ticket, &p.approval, &pol, NOW + timeout / 2).is_none());
    let (a, events, out) =
        on_approval_timer(&p.ticket, &p.approval, &pol, NOW + timeout * 3 / 4).unwrap();
    assert_eq!(kinds(&events), vec![EventKind::Reminder]);
    assert_eq!(out.len(), 1);
    assert!(body(&out[0]).contains("REMINDER: plan #1"), "{out:?}");
    assert!(out[0].reply_to.is_some(), "a reminder can be answered");
    let (a, events, out) = on_approval_timer(&p.ticket, &a, &pol, NOW + timeout).unwrap();
    assert_eq!(kinds(&events), vec![EventKind::Escalated]);
    let alice = to(&out, "alice@example.test");
    assert!(body(alice[0]).contains("ESCALATION"), "{out:?}");
    // The assignee is told, without a token: his own reply could not approve.
    let bob = to(&out, "bob@example.test");
    assert_eq!(bob.len(), 1);
    assert!(bob[0].reply_to.is_none() && bob[0].message_id.is_none());
    assert!(body(bob[0]).contains("Please answer the approval request"));
    assert!(on_approval_timer(&p.ticket, &a, &pol, NOW + 10 * timeout).is_none());
}
