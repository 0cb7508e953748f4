//! Engineer side: routing, notification tokens, authorisation, every command, receipts.

use super::test_fixtures::*;

// ----------------------------------------------------------------------------------------
// Routing

#[test]
fn routing_picks_least_loaded_then_round_robin_then_supervisors() {
    let e = engineers();
    let counts = |v: &[(&str, u32)]| -> Vec<(String, u32)> {
        v.iter().map(|(a, n)| (a.to_string(), *n)).collect()
    };
    type Case<'a> = (Category, Vec<(String, u32)>, Option<&'a str>, &'a str);
    let cases: &[Case<'_>] = &[
        (Category::Network, vec![], None, "bob@example.test"),
        (
            Category::Network,
            counts(&[("bob@example.test", 2), ("wang@example.test", 1)]),
            Some("wang@example.test"),
            "wang@example.test",
        ),
        (
            Category::Network,
            vec![],
            Some("bob@example.test"),
            "wang@example.test",
        ),
        (
            Category::Network,
            vec![],
            Some("wang@example.test"),
            "bob@example.test",
        ),
        (
            Category::Network,
            vec![],
            Some("alice@example.test"),
            "bob@example.test",
        ),
        (
            Category::Software,
            vec![],
            Some("wang@example.test"),
            "wang@example.test",
        ),
        (Category::Hardware, vec![], None, "alice@example.test"),
    ];
    for (cat, counts, last, want) in cases {
        match route(*cat, &e, counts, *last) {
            Route::Engineer(got) => assert_eq!(got.email, *want, "{cat} {counts:?} {last:?}"),
            other => panic!("{cat}: {other:?}"),
        }
    }
    match route(Category::Account, &e, &[], None) {
        Route::Supervisors(s) => assert_eq!(s.len(), 1, "only alice supervises"),
        other => panic!("{other:?}"),
    }
    assert_eq!(route(Category::Network, &[], &[], None), Route::Nobody);
}

#[test]
fn new_ticket_is_assigned_and_engineer_notified_with_token_twice() {
    let mut m = mail(
        "li@example.test",
        "root@client",
        "VPN 连不上，<b>urgent</b>",
    );
    m.subject = "VPN 断了".into();
    m.attachments = vec![Attachment {
        filename: "error.png".into(),
        content_type: "image/png".into(),
        bytes: vec![1, 2, 3],
    }];
    let ctx = Context {
        new_number: 42,
        mailbox: "INBOX",
        ..Default::default()
    };
    let Decision::Open {
        ticket,
        events,
        outgoing,
    } = decide(&m, &request(), &class(), &ctx, &policy(), NOW)
    else {
        panic!()
    };
    assert_eq!(ticket.assignee.as_deref(), Some("bob@example.test"));
    assert!(kinds(&events).contains(&EventKind::Assigned));
    let notify = outgoing.iter().find(|o| o.kind == OutKind::Notify).unwrap();
    assert_eq!(notify.to[0].email, "bob@example.test");
    assert_eq!(notify.lang, "en");
    let reply_to = &notify.reply_to.as_ref().unwrap().email;
    let (n, tok) = token::parse_address_token(reply_to).unwrap();
    assert_eq!(n, 42);
    assert!(token::verify(SECRET, 42, "bob@example.test", &tok, NOW, 30 * DAY as u64).is_ok());
    let id = notify.message_id.as_deref().unwrap();
    assert_eq!(token::parse_message_id_token(id), Some((42, tok)));
    assert_eq!(ticket_from_message_id(id), Some(42));
    let bodies = assert_renders(&outgoing);
    assert!(
        bodies[0].contains("处理人：Bob Stone"),
        "the ack names the engineer: {}",
        bodies[0]
    );
    let body = &bodies[1];
    assert!(body.contains("error.png"), "{body}");
    assert!(body.contains("#assign"), "cheat-sheet: {body}");
    assert!(body.contains("Respond by"), "{body}");
    let rendered = renderer().render(notify, NOW).unwrap();
    let raw = String::from_utf8_lossy(&rendered.bytes);
    assert!(raw.contains("Reply-To: support+t42-"), "{raw}");
    assert_eq!(rendered.message_id, id);
    let html = mail_parser::MessageParser::default()
        .parse(&rendered.bytes)
        .unwrap()
        .body_html(0)
        .unwrap()
        .to_string();
    assert!(
        html.contains("&lt;b&gt;urgent"),
        "html escapes request text: {html}"
    );
}

#[test]
fn unrouted_ticket_notifies_supervisors_and_stays_unassigned() {
    let m = mail("li@example.test", "root@client", "need a new account");
    let mut c = class();
    c.category = Category::Account;
    let ctx = Context {
        new_number: 7,
        mailbox: "INBOX",
        ..Default::default()
    };
    let Decision::Open {
        ticket, outgoing, ..
    } = decide(&m, &request(), &c, &ctx, &policy(), NOW)
    else {
        panic!()
    };
    assert_eq!(ticket.assignee, None);
    let to: Vec<&str> = outgoing
        .iter()
        .filter(|o| o.kind == OutKind::Notify)
        .map(|o| o.to[0].email.as_str())
        .collect();
    assert_eq!(to, vec!["alice@example.test"]);
    assert_renders(&outgoing);
}

// ----------------------------------------------------------------------------------------
// Authorisation

#[test]
fn unauthorised_engineer_mail_changes_nothing_and_sends_nothing() {
    let t = ticket();
    let bob = "bob@example.test";
    let mut other_engineer = tokened(bob, "#close", 42, "wang@example.test", NOW);
    other_engineer.message_id = "x1@client".into();
    let cases: Vec<(&str, InboundMail)> = vec![
        ("no token", mail(bob, "x0@client", "#close")),
        ("token of another engineer", other_engineer),
        (
            "token of another ticket",
            tokened(bob, "#close", 41, bob, NOW),
        ),
        (
            "expired token",
            tokened(bob, "#close", 42, bob, NOW - 40 * DAY),
        ),
        ("garbage token", {
            let mut m = mail(bob, "x2@client", "#close");
            m.to = vec![Address {
                name: None,
                email: "support+t42-00000aaaaaaaaaaaaaaaa@example.test".into(),
            }];
            m
        }),
        ("untrusted authserv-id", {
            let mut m = mail(bob, "x3@client", "#close");
            m.headers = vec![(
                "authentication-results".into(),
                "evil.example; dkim=pass header.d=example.test; dmarc=pass header.from=example.test"
                    .into(),
            )];
            m
        }),
        ("dkim pass in a comment only", {
            let mut m = mail(bob, "x4@client", "#close");
            m.headers = vec![(
                "authentication-results".into(),
                "mx.example.test; dkim=fail (not dkim=pass header.d=example.test) header.d=example.test"
                    .into(),
            )];
            m
        }),
        ("dkim pass for another domain", {
            let mut m = mail(bob, "x5@client", "#close");
            m.headers = vec![(
                "authentication-results".into(),
                "mx.example.test; dkim=pass header.d=attacker.test".into(),
            )];
            m
        }),
    ];
    for (why, m) in cases {
        let (after, events, outgoing, internal) = appended(on(&t, &m, NOW + 60));
        assert_eq!(after, t, "{why}: nothing applied");
        assert!(outgoing.is_empty(), "{why}: no receipt to a forgeable From");
        assert!(internal, "{why}: the mail is kept internal");
        assert_eq!(kinds(&events), vec![EventKind::CommandRejected], "{why}");
    }
}

#[test]
fn token_or_trusted_dkim_or_dmarc_authorises() {
    let t = ticket();
    let bob = "bob@example.test";
    let dkim = |value: &str| {
        let mut m = mail(bob, "ok@client", "#status waiting");
        m.headers = vec![("authentication-results".into(), value.into())];
        m
    };
    let mut via_references = mail(bob, "ok@client", "#status waiting");
    let tok = token::make_token(SECRET, 42, bob, NOW);
    via_references.references = vec![
        "root@client".into(),
        token::message_id_for(42, &tok, "abc", "example.test"),
    ];
    let cases: Vec<(&str, InboundMail)> = vec![
        (
            "plus-address token",
            tokened(bob, "#status waiting", 42, bob, NOW),
        ),
        ("token in References", via_references),
        (
            "trusted dkim",
            dkim("mx.example.test; dkim=pass header.d=example.test"),
        ),
        (
            "trusted dkim via header.i",
            dkim("MX.example.test 1; dkim=pass header.i=@example.test"),
        ),
        (
            "trusted dmarc",
            dkim("mx.example.test; spf=fail; dmarc=pass header.from=example.test"),
        ),
    ];
    for (why, m) in cases {
        let (after, _, outgoing, _) = appended(on(&t, &m, NOW + 60));
        assert_eq!(after.status, Status::Waiting, "{why}");
        assert!(outgoing.iter().any(|o| o.kind == OutKind::Receipt), "{why}");
    }
}

// ----------------------------------------------------------------------------------------
// Commands

/// Apply `text` from bob (valid token) to `t`.
fn bob_says(t: &Ticket, text: &str) -> (Ticket, Vec<Event>, Vec<OutgoingMail>, bool) {
    let m = tokened("bob@example.test", text, 42, "bob@example.test", NOW);
    let d = on(t, &m, NOW + 600);
    let parts = appended(d);
    assert_renders(&parts.2);
    parts
}

#[test]
fn each_command_changes_the_ticket_as_documented() {
    type Check = fn(&Ticket, &[Event], &[OutgoingMail]);
    let cases: &[(&str, Check)] =
        &[
            ("#assign me", |t, _, _| {
                assert_eq!(t.assignee.as_deref(), Some("bob@example.test"));
                assert_eq!(t.status, Status::Open);
            }),
            ("#assign Wang Wei", |t, e, out| {
                assert_eq!(t.assignee.as_deref(), Some("wang@example.test"));
                assert!(e.iter().any(|e| e.kind == EventKind::Assigned
                    && e.from_value.as_deref() == Some("bob@example.test")));
                let n = out.iter().find(|o| o.kind == OutKind::Notify).unwrap();
                assert_eq!(
                    (n.to[0].email.as_str(), n.lang),
                    ("wang@example.test", "zh")
                );
                let u = to_requester(out);
                assert_eq!(u.len(), 1);
                assert_eq!(u[0].vars["news"][0], "assigned");
            }),
            ("#assign wang@example.test", |t, _, _| {
                assert_eq!(t.assignee.as_deref(), Some("wang@example.test"));
            }),
            ("#priority P1", |t, e, _| {
                assert_eq!(t.priority, Priority::P1);
                assert_eq!(t.respond_by, NOW + 900, "deadlines count from creation");
                assert_eq!(t.resolve_by, NOW + 7200);
                assert!(e.iter().any(|e| e.kind == EventKind::PriorityChanged
                    && e.from_value.as_deref() == Some("P3")));
            }),
            ("#category hardware", |t, _, _| {
                assert_eq!(t.category, Category::Hardware)
            }),
            ("#status waiting", |t, _, out| {
                assert_eq!(t.status, Status::Waiting);
                assert_eq!(
                    t.first_response_at,
                    Some(NOW + 600),
                    "a status change responds"
                );
                assert_eq!(to_requester(out)[0].vars["news"][0], "waiting");
            }),
            ("#note checked the gateway logs", |t, e, out| {
                assert_eq!(t.status, Status::New, "a note is no response");
                assert_eq!(t.first_response_at, None);
                assert!(e.iter().any(|e| e.kind == EventKind::Note
                    && e.detail.as_deref() == Some("checked the gateway logs")));
                assert!(
                    to_requester(out).is_empty(),
                    "notes never reach the requester"
                );
            }),
            (
                "#resolve Restarted the VPN gateway.\nPlease reconnect.",
                |t, _, out| {
                    assert_eq!(t.status, Status::Resolved);
                    assert_eq!(t.awaiting, Awaiting::Confirmation);
                    assert_eq!(t.resolved_at, Some(NOW + 600));
                    assert_eq!(
                        t.solution.as_deref(),
                        Some("Restarted the VPN gateway.\nPlease reconnect.")
                    );
                    let c = to_requester(out);
                    assert_eq!((c[0].kind, c[0].lang), (OutKind::Confirm, "zh"));
                },
            ),
            ("#close", |t, _, out| {
                assert_eq!(t.status, Status::Closed);
                assert_eq!(t.awaiting, Awaiting::Rating);
                assert_eq!(to_requester(out)[0].kind, OutKind::Survey);
            }),
            ("#cc boss@example.test\nWe are on it.", |t, _, out| {
                assert_eq!(t.cc, vec!["boss@example.test".to_string()]);
                let u = to_requester(out);
                assert!(u[0].to.iter().any(|a| a.email == "boss@example.test"));
            }),
            ("#help", |_, _, out| {
                let r = out.iter().find(|o| o.kind == OutKind::Receipt).unwrap();
                assert!(r.vars["help"].as_str().unwrap().contains("#priority"));
            }),
            (
                "#internal\nThe requester's laptop is out of warranty.",
                |t, e, out| {
                    assert!(to_requester(out).is_empty());
                    assert!(e.iter().any(|e| e.kind == EventKind::Note));
                    assert_eq!(t.first_response_at, None);
                },
            ),
        ];
    for (text, check) in cases {
        let (t, events, out, _) = bob_says(&ticket(), text);
        check(&t, &events, &out);
        assert!(
            out.iter()
                .any(|o| o.kind == OutKind::Receipt && o.to[0].email == "bob@example.test"),
            "{text}: receipt"
        );
    }
}

#[test]
fn free_text_is_a_threaded_progress_update_in_the_requesters_language() {
    let (t, events, out, internal) = bob_says(&ticket(), "您好，我们正在检查 VPN 网关。");
    assert!(!internal);
    assert_eq!(t.status, Status::Open);
    assert_eq!(t.first_response_at, Some(NOW + 600));
    assert!(kinds(&events).contains(&EventKind::PublicReply));
    assert!(
        out.iter().all(|o| o.kind != OutKind::Receipt),
        "no commands, no receipt"
    );
    let u = to_requester(&out);
    assert_eq!(u.len(), 1);
    assert_eq!(u[0].subject, "[#42] VPN 断了");
    assert_eq!(u[0].in_reply_to.as_deref(), Some("root@client"));
    assert_eq!(u[0].lang, "zh");
    let body = &assert_renders(&out)[0];
    assert!(body.contains("正在检查 VPN 网关"), "{body}");
}

#[test]
fn reopen_is_refused_on_an_open_ticket_and_applied_on_a_resolved_one() {
    let (t, events, out, _) = bob_says(&ticket(), "#reopen");
    assert_eq!(t.status, Status::New, "{events:?}");
    let r = out.iter().find(|o| o.kind == OutKind::Receipt).unwrap();
    assert_eq!(r.vars["rejected"].as_array().unwrap().len(), 1);
    let resolved = with_status(Status::Resolved, Awaiting::Confirmation, NOW);
    let (t, _, _, _) = bob_says(&resolved, "#reopen");
    assert_eq!(
        (t.status, t.reopen_count, t.awaiting),
        (Status::Open, 1, Awaiting::Nothing)
    );
}

#[test]
fn typo_gets_a_receipt_with_a_suggestion_and_changes_nothing() {
    let (t, events, out, _) = bob_says(&ticket(), "#priorty P1");
    assert_eq!(t.priority, Priority::P3);
    assert!(kinds(&events).contains(&EventKind::CommandRejected));
    let r = out.iter().find(|o| o.kind == OutKind::Receipt).unwrap();
    assert_eq!(r.vars["rejected"][0]["suggestion"], "#priority P1");
    let body = assert_renders(std::slice::from_ref(r)).remove(0);
    assert!(body.contains("did you mean: #priority P1"), "{body}");
    let (_, _, out, _) = bob_says(&ticket(), "#assign Wang Wie");
    let r = out.iter().find(|o| o.kind == OutKind::Receipt).unwrap();
    assert_eq!(r.vars["rejected"][0]["suggestion"], "#assign Wang Wei");
}

#[test]
fn engineer_mailing_the_desk_directly_gets_list_and_show() {
    let mine = ticket();
    let m = mail("wang@example.test", "direct@client", "#list\n#show 42");
    let ctx = Context {
        mailbox: "INBOX",
        engineer_tickets: std::slice::from_ref(&mine),
        shown_ticket: Some(&mine),
        ..Default::default()
    };
    let Decision::Answer { outgoing } = decide(&m, &request(), &class(), &ctx, &policy(), NOW)
    else {
        panic!()
    };
    assert_eq!(outgoing.len(), 1);
    assert_eq!(outgoing[0].to[0].email, "wang@example.test");
    let body = assert_renders(&outgoing).remove(0);
    assert!(body.contains("#42"), "{body}");
    assert!(body.contains("li@example.test"), "show: {body}");
    // Without commands an engineer's mail is an ordinary request.
    let m = mail("wang@example.test", "direct2@client", "my monitor flickers");
    let ctx = Context {
        new_number: 43,
        mailbox: "INBOX",
        ..Default::default()
    };
    assert!(matches!(
        decide(&m, &request(), &class(), &ctx, &policy(), NOW),
        Decision::Open { .. }
    ));
}

#[test]
fn handover_quotes_the_original_request_and_the_note_with_the_final_status() {
    let t = ticket();
    let m = tokened(
        "bob@example.test",
        "#assign Wang Wei\n#status waiting\n\nLi will send a screenshot.",
        42,
        "bob@example.test",
        NOW,
    );
    let ctx = Context {
        ticket: Some(&t),
        mailbox: "INBOX",
        request_text: Some("VPN 连不上，提示超时"),
        ..Default::default()
    };
    let (_, _, out, _) = appended(decide(&m, &request(), &class(), &ctx, &policy(), NOW + 60));
    let n = out.iter().find(|o| o.kind == OutKind::Notify).unwrap();
    assert_eq!(n.vars["text"], "VPN 连不上，提示超时");
    assert_eq!(n.vars["from"], "li@example.test");
    assert_eq!(n.vars["note"], "Li will send a screenshot.");
    assert_eq!(
        n.vars["status"], "waiting",
        "built after every command applied"
    );
    let body = assert_renders(std::slice::from_ref(n)).remove(0);
    assert!(body.contains("转派说明"), "{body}");
}

#[test]
fn read_only_commands_need_no_token_even_with_a_ticket_tag() {
    let t = ticket();
    let m = mail("bob@example.test", "show@client", "#show 42");
    let ctx = Context {
        ticket: Some(&t),
        shown_ticket: Some(&t),
        mailbox: "INBOX",
        ..Default::default()
    };
    let Decision::Answer { outgoing } = decide(&m, &request(), &class(), &ctx, &policy(), NOW)
    else {
        panic!("expected an answer")
    };
    assert_eq!(outgoing[0].to[0].email, "bob@example.test");
    assert!(assert_renders(&outgoing)[0].contains("li@example.test"));
}

#[test]
fn low_confidence_asks_the_engineer_to_check_and_the_ack_is_tentative() {
    let rules = crate::ticket::classify::Rules::builtin().unwrap();
    let vague = rules.classify("求助", "你好，麻烦看一下");
    assert!(vague.low_confidence, "{:?}", vague.reasons);
    let mut c = class();
    c.reasons = vague.reasons.clone();
    c.low_confidence = true;
    let mut m = mail("li@example.test", "root@client", "你好，麻烦看一下");
    m.subject = "求助".into();
    let ctx = Context {
        new_number: 42,
        mailbox: "INBOX",
        ..Default::default()
    };
    let Decision::Open { outgoing, .. } = decide(&m, &request(), &c, &ctx, &policy(), NOW) else {
        panic!()
    };
    let notify = outgoing.iter().find(|o| o.kind == OutKind::Notify).unwrap();
    let ack = outgoing.iter().find(|o| o.kind == OutKind::Ack).unwrap();
    let mut notify_zh = notify.clone();
    notify_zh.lang = "zh";
    let mut ack_en = ack.clone();
    ack_en.lang = "en";
    let texts = assert_renders(&[notify.clone(), notify_zh, ack.clone(), ack_en]);
    assert!(
        texts[0].contains("please check the category/priority"),
        "{}",
        texts[0]
    );
    assert!(texts[1].contains("请核对分类/优先级"), "{}", texts[1]);
    assert!(texts[2].contains("初步判断为"), "{}", texts[2]);
    assert!(texts[3].contains("We think this is"), "{}", texts[3]);

    // A confident classification says neither.
    let Decision::Open { outgoing, .. } = decide(&m, &request(), &class(), &ctx, &policy(), NOW)
    else {
        panic!()
    };
    let texts = assert_renders(&outgoing);
    assert!(texts
        .iter()
        .all(|t| !t.contains("初步判断") && !t.contains("please check the category")));
}
