//! Shared fixtures of the workflow tests: three engineers (Bob and Wang on network, Alice the
//! hardware supervisor), a policy with a token secret, ticket #42 from Li assigned to Bob, and a
//! helper that renders every outgoing mail so templates are checked against real variables.

pub(super) use super::*;
pub(super) use crate::mail::loopguard::{MailKind, Verdict};
pub(super) use crate::mail::render::{ticket_from_message_id, Renderer};
pub(super) use crate::mail::{Address, Attachment, InboundMail};
pub(super) use crate::ticket::model::{
    Awaiting, Category, Classification, Language, Priority, Status,
};
pub(super) use crate::ticket::token;

pub(super) const NOW: Timestamp = 1_790_000_000;
pub(super) const DAY: i64 = 86_400;
pub(super) const SECRET: &[u8] = b"0123456789abcdef-test-secret";

pub(super) fn eng(
    name: &str,
    email: &str,
    cats: &[Category],
    supervisor: bool,
    lang: &'static str,
) -> Engineer {
    Engineer {
        name: name.into(),
        email: email.into(),
        categories: cats.to_vec(),
        supervisor,
        lang,
    }
}

pub(super) fn engineers() -> Vec<Engineer> {
    vec![
        eng(
            "Bob Stone",
            "bob@example.test",
            &[Category::Network],
            false,
            "en",
        ),
        eng(
            "Wang Wei",
            "wang@example.test",
            &[Category::Network, Category::Software],
            false,
            "zh",
        ),
        eng(
            "Alice Smith",
            "alice@example.test",
            &[Category::Hardware],
            true,
            "en",
        ),
    ]
}

pub(super) fn policy() -> Policy {
    Policy {
        sla: SlaTargets {
            respond: [900, 1800, 7200, 14400],
            resolve: [7200, 14400, 28800, 86400],
        },
        support_address: "support@example.test".into(),
        desk_name: "IT".into(),
        timezone: chrono_tz::Asia::Shanghai,
        loop_budget: 10,
        calendar: crate::ticket::calendar::Calendar::always(),
        workflow: WorkflowPolicy {
            engineers: engineers(),
            secret: SECRET.to_vec(),
            token_max_age: 30 * DAY as u64,
            trusted_authserv_ids: vec!["mx.example.test".into()],
            auto_close_after: 3 * DAY,
            reopen_window: 14 * DAY,
            ..Default::default()
        },
    }
}

pub(super) fn request() -> Verdict {
    Verdict {
        kind: MailKind::Request,
        reasons: vec![],
    }
}

pub(super) fn class() -> Classification {
    Classification {
        category: Category::Network,
        priority: Priority::P3,
        language: Language::Zh,
        reasons: vec!["network: \"VPN\"".into()],
        confidence: 100,
        low_confidence: false,
        runner_up: None,
    }
}

pub(super) fn mail(from: &str, id: &str, text: &str) -> InboundMail {
    InboundMail {
        message_id: id.into(),
        from: Address {
            name: None,
            email: from.into(),
        },
        subject: "Re: [#42] VPN 断了".into(),
        text: text.into(),
        new_text: text.into(),
        ..Default::default()
    }
}

/// A reply from `from` carrying a token for (ticket, engineer) issued at `issued`.
pub(super) fn tokened(
    from: &str,
    text: &str,
    ticket: u64,
    engineer: &str,
    issued: Timestamp,
) -> InboundMail {
    let mut m = mail(from, "eng-reply@client", text);
    let tok = token::make_token(SECRET, ticket, engineer, issued);
    m.to = vec![Address {
        name: None,
        email: token::reply_address("support", "example.test", ticket, &tok),
    }];
    m
}

/// Ticket #42 from li@example.test, assigned to bob, opened at NOW.
pub(super) fn ticket() -> Ticket {
    let m = InboundMail {
        message_id: "root@client".into(),
        from: Address {
            name: Some("Li Lei".into()),
            email: "li@example.test".into(),
        },
        subject: "VPN 断了".into(),
        new_text: "VPN 连不上".into(),
        ..Default::default()
    };
    let ctx = Context {
        new_number: 42,
        mailbox: "INBOX",
        ..Default::default()
    };
    let Decision::Open { ticket, .. } = decide(&m, &request(), &class(), &ctx, &policy(), NOW)
    else {
        panic!("expected open")
    };
    ticket
}

pub(super) fn with_status(status: Status, awaiting: Awaiting, at: Timestamp) -> Ticket {
    let mut t = ticket();
    t.status = status;
    t.awaiting = awaiting;
    match status {
        Status::Resolved => t.resolved_at = Some(at),
        Status::Closed => t.closed_at = Some(at),
        _ => {}
    }
    t.solution = Some("重启了 VPN 网关".into());
    t
}

pub(super) fn on(t: &Ticket, m: &InboundMail, now: Timestamp) -> Decision {
    let ctx = Context {
        ticket: Some(t),
        mailbox: "INBOX",
        ..Default::default()
    };
    decide(m, &request(), &class(), &ctx, &policy(), now)
}

pub(super) fn appended(d: Decision) -> (Ticket, Vec<Event>, Vec<OutgoingMail>, bool) {
    match d {
        Decision::Append {
            ticket,
            events,
            outgoing,
            internal,
        } => (ticket, events, outgoing, internal),
        other => panic!("expected append, got {other:?}"),
    }
}

pub(super) fn renderer() -> Renderer {
    Renderer::new("IT <support@example.test>", "example.test", None).unwrap()
}

/// Every outgoing mail must render (strict undefined) in its language.
pub(super) fn assert_renders(outgoing: &[OutgoingMail]) -> Vec<String> {
    outgoing
        .iter()
        .map(|o| {
            let r = renderer()
                .render(o, NOW)
                .unwrap_or_else(|e| panic!("{e} in {o:?}"));
            let parsed = mail_parser::MessageParser::default()
                .parse(&r.bytes)
                .unwrap();
            parsed.body_text(0).unwrap().to_string()
        })
        .collect()
}

pub(super) fn kinds(events: &[Event]) -> Vec<EventKind> {
    events.iter().map(|e| e.kind).collect()
}

pub(super) fn to_requester(out: &[OutgoingMail]) -> Vec<&OutgoingMail> {
    out.iter()
        .filter(|o| o.to.iter().any(|a| a.email == "li@example.test"))
        .collect()
}
