//! Requester side: confirmation, rating, withdrawal, reopen window, foreign commands, auto-close.

use super::test_fixtures::*;

// ----------------------------------------------------------------------------------------
// Requester side

#[test]
fn confirmation_answers_close_reopen_or_ask_the_engineer() {
    let resolved = with_status(Status::Resolved, Awaiting::Confirmation, NOW);
    let cases: &[(&str, Status, Option<OutKind>, Option<&str>)] = &[
        (
            "是的，已经好了",
            Status::Closed,
            Some(OutKind::Survey),
            None,
        ),
        (
            "Yes, it works now. Thanks!",
            Status::Closed,
            Some(OutKind::Survey),
            None,
        ),
        ("关闭", Status::Closed, Some(OutKind::Survey), None),
        (
            "还是不行",
            Status::Open,
            Some(OutKind::Update),
            Some("reopened"),
        ),
        (
            "No, it is still broken.",
            Status::Open,
            Some(OutKind::Update),
            Some("reopened"),
        ),
        (
            "打印机现在又出现新的报错提示了",
            Status::Open,
            Some(OutKind::Update),
            Some("reopened"),
        ),
        ("嗯", Status::Resolved, None, Some("unclear")),
        (
            "not sure yet, will check tomorrow",
            Status::Resolved,
            None,
            Some("unclear"),
        ),
        // The unclear answers: never a close, the assignee is told.
        (
            "好像好了一点，但是…",
            Status::Resolved,
            None,
            Some("unclear"),
        ),
        (
            "I'll check tomorrow",
            Status::Resolved,
            None,
            Some("unclear"),
        ),
        ("thanks", Status::Resolved, None, Some("unclear")),
        (
            "Thanks. Quick question - will this also fix my home PC?",
            Status::Resolved,
            None,
            Some("unclear"),
        ),
        (
            "网络好了，谢谢。另外三楼的打印机也坏了，麻烦看一下。",
            Status::Resolved,
            None,
            Some("new_problem"),
        ),
    ];
    for (text, status, requester_mail, engineer_reason) in cases {
        let m = mail("li@example.test", "answer@client", text);
        let (t, events, out, _) = appended(on(&resolved, &m, NOW + DAY));
        assert_eq!(t.status, *status, "{text}");
        assert!(kinds(&events).contains(&EventKind::Confirmation), "{text}");
        assert_eq!(
            to_requester(&out).first().map(|o| o.kind),
            *requester_mail,
            "{text}"
        );
        let told = out
            .iter()
            .find(|o| o.kind == OutKind::Notify)
            .map(|o| o.vars["reason"].as_str().unwrap_or_default().to_string());
        assert_eq!(told.as_deref(), *engineer_reason, "{text}");
        if *status == Status::Open {
            assert_eq!(t.reopen_count, 1, "{text}");
        }
        if *status == Status::Closed {
            assert_eq!(t.awaiting, Awaiting::Rating, "{text}");
        }
        assert_renders(&out);
    }
}

#[test]
fn rating_is_stored_and_thanked() {
    let closed = with_status(Status::Closed, Awaiting::Rating, NOW);
    for (text, score) in [
        ("5", 5),
        ("非常满意，谢谢！", 5),
        ("★★★★☆", 4),
        ("3 - ok", 3),
    ] {
        let m = mail("li@example.test", "rate@client", text);
        let (t, events, out, _) = appended(on(&closed, &m, NOW + 60));
        assert_eq!(t.rating, Some(score), "{text}");
        assert_eq!(t.awaiting, Awaiting::Nothing);
        assert_eq!(t.status, Status::Closed);
        assert!(kinds(&events).contains(&EventKind::Rated));
        let body = assert_renders(&out).remove(0);
        assert!(body.contains(&format!("{score}/5")), "{body}");
    }
}

#[test]
fn withdrawal_closes_an_open_ticket_and_tells_both_sides() {
    for text in ["关闭", "Please close this, never mind."] {
        let m = mail("li@example.test", "w@client", text);
        let (t, _, out, _) = appended(on(&ticket(), &m, NOW + 60));
        assert_eq!(t.status, Status::Closed, "{text}");
        assert_eq!(t.awaiting, Awaiting::Nothing, "no survey for a withdrawal");
        assert_eq!(to_requester(&out)[0].vars["notice"], "withdrawn");
        assert!(out
            .iter()
            .any(|o| o.kind == OutKind::Notify && o.vars["reason"] == "withdrawn"));
        assert_renders(&out);
    }
}

#[test]
fn reply_to_a_closed_ticket_reopens_within_the_window_and_opens_a_new_one_after() {
    let closed = with_status(Status::Closed, Awaiting::Nothing, NOW);
    let problem = mail("li@example.test", "again@client", "还是不行，VPN 又断了");
    let (t, _, out, _) = appended(on(&closed, &problem, NOW + 3 * DAY));
    assert_eq!((t.status, t.reopen_count), (Status::Open, 1));
    assert!(out
        .iter()
        .any(|o| o.kind == OutKind::Notify && o.vars["reason"] == "reopened"));

    let thanks = mail("li@example.test", "thx@client", "谢谢");
    let (t, _, out, _) = appended(on(&closed, &thanks, NOW + 3 * DAY));
    assert_eq!(t.status, Status::Closed, "thanks reopens nothing");
    assert!(out.is_empty());

    let ctx = Context {
        ticket: Some(&closed),
        new_number: 99,
        mailbox: "INBOX",
        ..Default::default()
    };
    let d = decide(
        &problem,
        &request(),
        &class(),
        &ctx,
        &policy(),
        NOW + 20 * DAY,
    );
    let Decision::Open {
        ticket, outgoing, ..
    } = d
    else {
        panic!("expected a new ticket, got {d:?}")
    };
    assert_eq!((ticket.number, ticket.previous_ticket), (99, Some(42)));
    let ack = assert_renders(&outgoing).remove(0);
    assert!(
        ack.contains("#42"),
        "the ack mentions the old ticket: {ack}"
    );
}

#[test]
fn commands_from_a_requester_are_recorded_not_obeyed() {
    let m = mail("li@example.test", "li-cmd@client", "#close\n#priority P1");
    let (t, events, _, _) = appended(on(&ticket(), &m, NOW + 60));
    assert_eq!(t.priority, Priority::P3);
    assert!(kinds(&events).contains(&EventKind::CommandRejected));
}

// ----------------------------------------------------------------------------------------
// Auto-close

#[test]
fn auto_close_reminds_at_half_time_then_closes_with_a_notice() {
    let p = policy();
    let t = with_status(Status::Resolved, Awaiting::Confirmation, NOW);
    assert_eq!(next_timer(&t, &p), Some(NOW + 3 * DAY / 2));
    assert!(
        on_timer(&t, &p, NOW + DAY).is_none(),
        "nothing before half time"
    );

    let (t, events, out, _) = appended(on_timer(&t, &p, NOW + 3 * DAY / 2).unwrap());
    assert_eq!(t.status, Status::Resolved);
    assert_eq!(t.reminded_at, Some(NOW + 3 * DAY / 2));
    assert_eq!(kinds(&events), vec![EventKind::Reminder]);
    assert_eq!(
        (out[0].kind, &out[0].vars["notice"]),
        (OutKind::Notice, &"reminder".into())
    );
    assert_eq!(next_timer(&t, &p), Some(NOW + 3 * DAY), "one reminder only");
    assert!(on_timer(&t, &p, NOW + 2 * DAY).is_none());

    let (t, _, out, _) = appended(on_timer(&t, &p, NOW + 3 * DAY).unwrap());
    assert_eq!((t.status, t.awaiting), (Status::Closed, Awaiting::Rating));
    assert_eq!(out[0].vars["notice"], "auto_closed");
    assert_eq!(next_timer(&t, &p), None);
    assert_renders(&out);

    let open = ticket();
    assert_eq!(
        next_timer(&open, &p),
        None,
        "only resolved tickets have a timer"
    );
}

/// Only the requester closes or rates (issue 12 §4): a colleague's yes, score or "please close"
/// leaves the ticket as it is and goes to the engineer; the requester's own address in another
/// case still counts.
#[test]
fn answers_from_someone_else_never_close_or_rate() {
    let resolved = with_status(Status::Resolved, Awaiting::Confirmation, NOW);
    let m = mail(
        "zhao@example.test",
        "colleague@client",
        "Yes, it works now.",
    );
    let (t, _, out, _) = appended(on(&resolved, &m, NOW + DAY));
    assert_eq!(t.status, Status::Resolved);
    assert!(to_requester(&out).is_empty());
    assert!(out
        .iter()
        .any(|o| o.kind == OutKind::Notify && o.vars["reason"] == "unclear"));
    let m = mail("LI@Example.Test", "upper@client", "Yes, it works now.");
    let (t, _, _, _) = appended(on(&resolved, &m, NOW + DAY));
    assert_eq!(
        t.status,
        Status::Closed,
        "the requester's address in upper case"
    );

    let closed = with_status(Status::Closed, Awaiting::Rating, NOW);
    let m = mail("zhao@example.test", "rate@client", "5");
    let (t, events, _, _) = appended(on(&closed, &m, NOW + 60));
    assert_eq!(t.rating, None);
    assert_eq!(t.awaiting, Awaiting::Rating);
    assert!(!kinds(&events).contains(&EventKind::Rated));

    let m = mail(
        "zhao@example.test",
        "w@client",
        "Please close this, never mind.",
    );
    let (t, _, _, _) = appended(on(&ticket(), &m, NOW + 60));
    assert_ne!(t.status, Status::Closed);
}
