//! Issue 3 end to end through the real Dovecot and Postfix: request → ack → engineer
//! notified → engineer replies with commands (plain text, then HTML-only, through the
//! plus-address) → requester updated → #resolve → "是的，已经好了" → closed → rated 5; a forged
//! engineer From without a token changes nothing; a typo gets a helpful receipt; "还是不行"
//! reopens; an unanswered resolution closes itself (clock shifted with SUPPORTBOT_NOW_OFFSET).

use crate::desk::{body_text, header, subject, Desk};
use crate::env::{TestEnv, TestUser};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(20);

pub(crate) fn desk_with_engineer(prefix: &str, engineer: &TestUser) -> Desk {
    Desk::with_config(
        prefix,
        "",
        &format!(
            "[workflow]\nsecret = \"e2e-secret-0123456789abcdef\"\n\
             [[engineers]]\nname = \"Bob Stone\"\nemail = \"{}\"\n\
             categories = [\"hardware\", \"software\", \"network\", \"account\", \"request\", \"other\"]\n\
             languages = [\"en\"]\n",
            engineer.email
        ),
    )
}

pub(crate) fn mail(
    from: &str,
    to: &str,
    subject: &str,
    extra: &str,
    content_type: &str,
    body: &str,
) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: {to}\r\nSubject: {subject}\r\nMessage-ID: <{}@client.example.test>\r\n\
         Date: Sun, 29 Nov 2026 12:00:00 +0800\r\nMIME-Version: 1.0\r\n{extra}\
         Content-Type: {content_type}; charset=utf-8\r\n\r\n{}\r\n",
        rand::random::<u64>(),
        body.replace('\n', "\r\n")
    )
    .into_bytes()
}

/// Hand a mail to Postfix and wait until the support mailbox holds `n` mails in total.
pub(crate) async fn deliver(
    env: &TestEnv,
    desk: &Desk,
    from: &str,
    rcpt: &str,
    raw: &[u8],
    n: usize,
) {
    env.smtp_send(from, &[rcpt.to_string()], raw)
        .await
        .expect("Postfix accepts");
    env.wait_for_mails(&desk.support, "INBOX", n, WAIT).await;
}

pub(crate) fn addr(header_value: &str) -> String {
    let v = header_value.trim();
    match (v.rfind('<'), v.rfind('>')) {
        (Some(a), Some(b)) if a < b => v.get(a + 1..b).unwrap_or(v).to_string(),
        _ => v.to_string(),
    }
}

fn status_of(desk: &Desk, n: i64) -> (String, serde_json::Value, serde_json::Value) {
    let t = desk.show(n);
    (
        t["status"].as_str().unwrap().to_string(),
        t["rating"].clone(),
        t["assignee"].clone(),
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn a_request_runs_from_first_mail_to_rated_close_by_mail_alone() {
    let env = TestEnv::get();
    let bob = env.new_user("bob-eng");
    let li = env.new_user("li");
    let desk = desk_with_engineer("story", &bob);
    let support = desk.support.email.clone();

    // 1. Request → acknowledgement to Li, notification to Bob.
    let req = mail(
        &format!("李雷 <{}>", li.email),
        &support,
        "VPN 连不上",
        "",
        "text/plain",
        "今天早上开始 VPN 连不上，提示连接超时，无法处理客户订单。",
    );
    deliver(env, &desk, &li.email, &support, &req, 1).await;
    desk.once();
    let li_mail = env.wait_for_mails(&li, "INBOX", 1, WAIT).await;
    assert!(
        subject(&li_mail[0]).starts_with("[#1]"),
        "{}",
        subject(&li_mail[0])
    );
    let bob_mail = env.wait_for_mails(&bob, "INBOX", 1, WAIT).await;
    let notify = &bob_mail[0];
    let reply_to = addr(&header(notify, "Reply-To").expect("notification has Reply-To"));
    assert!(reply_to.contains("+t1-"), "token plus-address: {reply_to}");
    let notify_id = header(notify, "Message-ID").unwrap();
    let (status, _, assignee) = status_of(&desk, 1);
    assert_eq!(
        (status.as_str(), assignee.as_str()),
        ("new", Some(bob.email.as_str()))
    );

    // 2. A forged From (Bob's address, no token, straight to the support address): nothing.
    let forged = mail(
        &bob.email,
        &support,
        "Re: [#1] VPN 连不上",
        "",
        "text/plain",
        "#close\n#priority P4\n",
    );
    deliver(env, &desk, &bob.email, &support, &forged, 2).await;
    desk.once();
    assert_eq!(
        status_of(&desk, 1).0,
        "new",
        "forged command must not apply"
    );
    let timeline = desk.show(1)["timeline"].clone();
    assert!(
        timeline
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["kind"] == "command_rejected"),
        "{timeline}"
    );

    // 3. Bob answers through the plus-address: priority, waiting, a question for Li.
    let r1 = mail(
        &format!("Bob Stone <{}>", bob.email),
        &reply_to,
        "Re: [#1] VPN 连不上",
        &format!("In-Reply-To: {notify_id}\r\n"),
        "text/plain",
        "#priority P2\n#status waiting\n\nWhich VPN client version do you use? 请发一张报错截图。\n\n> quoted notification text\n",
    );
    deliver(env, &desk, &bob.email, &reply_to, &r1, 3).await;
    desk.once();
    let t = desk.show(1);
    assert_eq!(
        (t["status"].as_str(), t["priority"].as_str()),
        (Some("waiting"), Some("P2"))
    );
    let li_mail = env.wait_for_mails(&li, "INBOX", 2, WAIT).await;
    let update = body_text(&li_mail[1]);
    assert!(
        update.contains("报错截图"),
        "progress update carries the reply: {update}"
    );
    assert!(!update.contains("quoted notification"), "{update}");
    assert!(header(&li_mail[1], "In-Reply-To").is_some());
    let bob_mail = env.wait_for_mails(&bob, "INBOX", 2, WAIT).await;
    let receipt = body_text(&bob_mail[1]);
    assert!(
        receipt.contains("priority"),
        "receipt lists what was applied: {receipt}"
    );

    // 4. A typo gets a helpful receipt and changes nothing.
    let typo = mail(
        &bob.email,
        &reply_to,
        "Re: [#1] VPN 连不上",
        "",
        "text/plain",
        "#priorty P1\n",
    );
    deliver(env, &desk, &bob.email, &reply_to, &typo, 4).await;
    desk.once();
    let bob_mail = env.wait_for_mails(&bob, "INBOX", 3, WAIT).await;
    let receipt = body_text(&bob_mail[2]);
    assert!(
        receipt.contains("#priority P1") || receipt.contains("#priority p1"),
        "suggestion: {receipt}"
    );
    assert_eq!(desk.show(1)["priority"], "P2");

    // 5. HTML-only reply (Outlook style) with #resolve.
    let html = "<html><body><div>#resolve Reinstalled the VPN profile and renewed your certificate.</div>\
                <div><br></div><div>Please try again.</div><hr><div>From: IT desk</div><div>#close</div></body></html>";
    let r2 = mail(
        &bob.email,
        &reply_to,
        "RE: [#1] VPN 连不上",
        "",
        "text/html",
        html,
    );
    deliver(env, &desk, &bob.email, &reply_to, &r2, 5).await;
    desk.once();
    let t = desk.show(1);
    assert_eq!(t["status"], "resolved", "{t}");
    let li_mail = env.wait_for_mails(&li, "INBOX", 3, WAIT).await;
    let confirm = &li_mail[2];
    assert!(
        body_text(confirm).contains("Reinstalled the VPN profile"),
        "{}",
        body_text(confirm)
    );

    // 6. Li confirms in Chinese → closed and asked to rate; rates 5.
    let confirm_id = header(confirm, "Message-ID").unwrap();
    let yes = mail(
        &li.email,
        &support,
        "回复：[#1] VPN 连不上",
        &format!("In-Reply-To: {confirm_id}\r\n"),
        "text/plain",
        "是的，已经好了",
    );
    deliver(env, &desk, &li.email, &support, &yes, 6).await;
    desk.once();
    assert_eq!(status_of(&desk, 1).0, "closed");
    let li_mail = env.wait_for_mails(&li, "INBOX", 4, WAIT).await;
    let survey_id = header(&li_mail[3], "Message-ID").unwrap();
    let rate = mail(
        &li.email,
        &support,
        "回复：[#1] VPN 连不上",
        &format!("In-Reply-To: {survey_id}\r\n"),
        "text/plain",
        "5",
    );
    deliver(env, &desk, &li.email, &support, &rate, 7).await;
    desk.once();
    let (status, rating, assignee) = status_of(&desk, 1);
    assert_eq!(status, "closed");
    assert_eq!(rating, 5);
    assert_eq!(assignee, bob.email.as_str());
    let listed = desk.tickets();
    assert_eq!(listed[0]["rating"], 5);
    assert_eq!(listed[0]["assignee"], bob.email.as_str());
    // Thanked.
    env.wait_for_mails(&li, "INBOX", 5, WAIT).await;
    // The whole conversation is one ticket.
    assert_eq!(listed.len(), 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn still_broken_reopens_and_silence_closes_with_a_notice() {
    let env = TestEnv::get();
    let bob = env.new_user("bob-eng2");
    let wu = env.new_user("wu");
    let desk = desk_with_engineer("reopen", &bob);
    let support = desk.support.email.clone();

    // Two requests, both resolved by Bob.
    for (i, s) in ["打印机卡纸", "显示器闪烁"].iter().enumerate() {
        let m = mail(
            &wu.email,
            &support,
            s,
            "",
            "text/plain",
            &format!("{s}，影响我打印合同。"),
        );
        deliver(env, &desk, &wu.email, &support, &m, i + 1).await;
    }
    desk.once();
    let notes = env.wait_for_mails(&bob, "INBOX", 2, WAIT).await;
    let mut n = 2;
    for note in &notes {
        let reply_to = addr(&header(note, "Reply-To").unwrap());
        let r = mail(
            &bob.email,
            &reply_to,
            &format!("Re: {}", subject(note)),
            "",
            "text/plain",
            "#resolve 已更换硒鼓/线缆。\n",
        );
        n += 1;
        deliver(env, &desk, &bob.email, &reply_to, &r, n).await;
    }
    desk.once();
    let tickets = desk.tickets();
    assert!(
        tickets.iter().all(|t| t["status"] == "resolved"),
        "{tickets:#?}"
    );
    // acks (2) + confirmation requests (2)
    let wu_mail = env.wait_for_mails(&wu, "INBOX", 4, WAIT).await;

    // "还是不行" on the first → reopened, Bob told.
    let first_confirm = wu_mail
        .iter()
        .find(|m| subject(m).contains("打印机") && body_text(m).contains("已更换"))
        .expect("confirmation request for the printer");
    let no = mail(
        &wu.email,
        &support,
        &format!("回复：{}", subject(first_confirm)),
        &format!(
            "In-Reply-To: {}\r\n",
            header(first_confirm, "Message-ID").unwrap()
        ),
        "text/plain",
        "还是不行，还是卡纸。",
    );
    n += 1;
    deliver(env, &desk, &wu.email, &support, &no, n).await;
    let bob_before = env.fetch_all(&bob, "INBOX").await.len();
    desk.once();
    let printer = desk
        .tickets()
        .into_iter()
        .find(|t| t["subject"] == "打印机卡纸")
        .unwrap();
    assert_eq!(printer["status"], "open");
    env.wait_for_mails(&bob, "INBOX", bob_before + 1, WAIT)
        .await;

    // Nobody answers about the monitor: half time → reminder; after auto_close_after → closed.
    let monitor = desk
        .tickets()
        .into_iter()
        .find(|t| t["subject"] == "显示器闪烁")
        .unwrap();
    let m = monitor["number"].as_i64().unwrap();
    let wu_count = env.fetch_all(&wu, "INBOX").await.len();
    let later = |secs: i64| {
        let out = desk
            .cmd()
            .env("SUPPORTBOT_NOW_OFFSET", secs.to_string())
            .arg("once")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    later(2 * 86_400); // 2 days: past half of the 3-day default
    env.wait_for_mails(&wu, "INBOX", wu_count + 1, WAIT).await;
    assert_eq!(desk.show(m)["status"], "resolved");
    later(4 * 86_400);
    let wu_mail = env.wait_for_mails(&wu, "INBOX", wu_count + 2, WAIT).await;
    assert_eq!(desk.show(m)["status"], "closed");
    let notice = wu_mail.last().unwrap();
    let auto = header(notice, "Auto-Submitted").unwrap_or_default();
    assert!(
        auto.starts_with("auto-"),
        "notice is marked automatic: {auto}"
    );
    // Running again changes nothing: the notice went out once.
    later(5 * 86_400);
    crate::desk::assert_stays(env, &wu, "INBOX", wu_count + 2, Duration::from_secs(3)).await;
}
