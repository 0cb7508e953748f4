use super::*;
use crate::ticket::model::{Category, Language, Priority};

fn policy() -> Policy {
    Policy {
        sla: SlaTargets {
            respond: [900, 1800, 7200, 14400],
            resolve: [7200, 14400, 28800, 86400],
        },
        support_address: "support@example.test".into(),
        desk_name: "IT".into(),
        timezone: chrono_tz::Asia::Shanghai,
        loop_budget: 3,
        calendar: crate::ticket::calendar::Calendar::always(),
        workflow: WorkflowPolicy::default(),
    }
}

fn mail(from: &str, subject: &str) -> InboundMail {
    InboundMail {
        message_id: "m1@client".into(),
        from: Address {
            name: Some("Li Lei".into()),
            email: from.into(),
        },
        subject: subject.into(),
        ..Default::default()
    }
}

fn request() -> Verdict {
    Verdict {
        kind: MailKind::Request,
        reasons: vec![],
    }
}

fn class(p: Priority) -> Classification {
    Classification {
        category: Category::Network,
        priority: p,
        language: Language::Zh,
        reasons: vec!["network: \"VPN\"".into()],
        confidence: 100,
        low_confidence: false,
        runner_up: None,
    }
}

fn ctx(ticket: Option<&Ticket>, recent: u32) -> Context<'_> {
    Context {
        ticket,
        new_number: 42,
        recent_mails_to_sender: recent,
        mailbox: "INBOX",
        ..Default::default()
    }
}

const NOW: Timestamp = 1_790_000_000;

#[test]
fn new_request_opens_ticket_with_p1_deadlines_and_acknowledges() {
    let m = mail("li@example.test", "VPN 断了");
    let d = decide(
        &m,
        &request(),
        &class(Priority::P1),
        &ctx(None, 0),
        &policy(),
        NOW,
    );
    let Decision::Open {
        ticket,
        outgoing,
        events,
    } = d
    else {
        panic!("expected open, got {d:?}")
    };
    assert_eq!(ticket.number, 42);
    assert_eq!(ticket.respond_by, NOW + 900);
    assert_eq!(ticket.resolve_by, NOW + 7200);
    assert_eq!(ticket.status, Status::New);
    assert_eq!(outgoing.len(), 1);
    let ack = &outgoing[0];
    assert_eq!(ack.subject, "[#42] VPN 断了");
    assert_eq!(ack.lang, "zh");
    assert_eq!(ack.in_reply_to.as_deref(), Some("m1@client"));
    assert_eq!(ack.auto_submitted, "auto-replied");
    assert!(events.iter().any(|e| e.kind == EventKind::Acknowledged));
}

#[test]
fn machine_mail_is_ignored_with_reason() {
    let m = mail("mailer-daemon@example.test", "Undelivered");
    let v = Verdict {
        kind: MailKind::Bounce,
        reasons: vec!["From MAILER-DAEMON".into()],
    };
    let d = decide(&m, &v, &class(Priority::P3), &ctx(None, 0), &policy(), NOW);
    assert_eq!(
        d,
        Decision::Ignore {
            kind: MailKind::Bounce,
            reason: "bounce: From MAILER-DAEMON".into()
        }
    );
}

#[test]
fn loop_budget_suppresses_acknowledgement_but_keeps_ticket() {
    let m = mail("bot@example.test", "hello");
    let d = decide(
        &m,
        &request(),
        &class(Priority::P3),
        &ctx(None, 3),
        &policy(),
        NOW,
    );
    let Decision::Open {
        outgoing, events, ..
    } = d
    else {
        panic!()
    };
    assert!(outgoing.is_empty());
    assert!(events.iter().any(|e| e.kind == EventKind::LoopSuppressed));
}

#[test]
fn follow_up_appends_and_resumes_waiting_ticket() {
    let m = mail("li@example.test", "VPN");
    let Decision::Open { mut ticket, .. } = decide(
        &m,
        &request(),
        &class(Priority::P2),
        &ctx(None, 0),
        &policy(),
        NOW,
    ) else {
        panic!()
    };
    ticket.status = Status::Waiting;
    let mut reply = mail("li@example.test", "Re: [#42] VPN");
    reply.message_id = "m2@client".into();
    let d = decide(
        &reply,
        &request(),
        &class(Priority::P4),
        &ctx(Some(&ticket), 0),
        &policy(),
        NOW + 60,
    );
    let Decision::Append {
        ticket: t,
        outgoing,
        events,
        ..
    } = d
    else {
        panic!()
    };
    assert_eq!(t.status, Status::Open);
    assert_eq!(t.priority, Priority::P2, "a follow-up does not reclassify");
    assert!(outgoing.is_empty());
    assert_eq!(events.len(), 2);
}

#[test]
fn reply_prefixes_are_stripped_in_every_language() {
    for (input, want) in [
        ("Re: Printer", "Printer"),
        ("RE: Re: Printer", "Printer"),
        ("回复：打印机", "打印机"),
        ("答复: 打印机", "打印机"),
        ("AW: SV: VS: Drucker", "Drucker"),
        ("Re[2]: x", "x"),
        ("Fwd: 转发: y", "y"),
        ("Regarding VPN", "Regarding VPN"),
    ] {
        assert_eq!(strip_reply_prefixes(input), want, "{input}");
    }
    assert_eq!(tagged_subject(7, "Re: [#7] VPN"), "[#7] VPN");
}

#[test]
fn ticket_tag_is_found_in_subjects() {
    assert_eq!(subject_ticket_number("回复: [#128] 打印机"), Some(128));
    assert_eq!(subject_ticket_number("[#x] no"), None);
    assert_eq!(subject_ticket_number("plain"), None);
}

#[test]
fn header_injection_is_neutralised_in_subjects() {
    assert_eq!(clean_subject("a\r\nBcc: evil@x\0"), "a Bcc: evil@x");
}

#[test]
fn durations_read_naturally() {
    assert_eq!(human_duration(900, "en"), "15 minutes");
    assert_eq!(human_duration(7200, "zh"), "2 小时");
    assert_eq!(human_duration(86400, "en"), "1 day");
}

#[test]
fn reason_words_pick_the_quoted_words_once() {
    let reasons = vec![
        "category network: \"VPN\" (rule net.vpn)".to_string(),
        "category network: \"cannot reach\", \"VPN\" (rule net.unreachable, subject)".to_string(),
        "priority P1: p1 scope \"40 people\" (rule scope.wide)".to_string(),
    ];
    assert_eq!(
        reason_words(&reasons, "category"),
        vec!["VPN", "cannot reach"]
    );
    assert_eq!(reason_words(&reasons, "priority"), vec!["40 people"]);
    assert!(reason_words(
        &["category other: no \"unterminated".to_string()],
        "category"
    )
    .is_empty());
}
