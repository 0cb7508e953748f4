//! Issue 10 end to end through the real Dovecot and Postfix: a vague request gets the
//! questions for its missing facts, a complete one gets none, "how do I reset my password"
//! gets the password article in the acknowledgement, "解决了" closes that ticket as
//! self-service (the engineer is told so), and the report shows the rate.

use crate::desk::{body_text, header, subject, Desk};
use crate::env::{TestEnv, TestUser};
use std::time::Duration;

pub(crate) const WAIT: Duration = Duration::from_secs(20);

pub(crate) fn mail(from: &str, to: &str, subject: &str, extra: &str, body: &str) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: {to}\r\nSubject: {subject}\r\nMessage-ID: <{}@client.example.test>\r\n\
         Date: Thu, 03 Dec 2026 09:00:00 +0800\r\nMIME-Version: 1.0\r\n{extra}\
         Content-Type: text/plain; charset=utf-8\r\n\r\n{}\r\n",
        rand::random::<u64>(),
        body.replace('\n', "\r\n")
    )
    .into_bytes()
}

pub(crate) fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        if e.path().is_file() {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

pub(crate) async fn deliver(env: &TestEnv, desk: &Desk, from: &TestUser, raw: &[u8], n: usize) {
    env.smtp_send(&from.email, std::slice::from_ref(&desk.support.email), raw)
        .await
        .expect("Postfix accepts");
    env.wait_for_mails(&desk.support, "INBOX", n, WAIT).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn questions_suggestions_self_service_and_the_report() {
    let env = TestEnv::get();
    let bob = env.new_user("kb-eng");
    let li = env.new_user("kb-li");
    let ann = env.new_user("kb-ann");
    let wang = env.new_user("kb-wang");
    let desk = Desk::with_config(
        "kb",
        "",
        &format!(
            "[workflow]\nsecret = \"e2e-secret-0123456789abcdef\"\n\
             [[engineers]]\nname = \"Bob Stone\"\nemail = \"{}\"\nsupervisor = true\n\
             categories = [\"hardware\", \"software\", \"network\", \"account\", \"request\", \"other\"]\n\
             languages = [\"en\"]\n\n[knowledge]\ndir = \"kb\"\n",
            bob.email
        ),
    );
    copy_dir(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("config/kb"),
        &desk.dir.path().join("kb"),
    );
    let support = desk.support.email.clone();

    // 1. Vague (zh), complete (en) and a how-to question, in one batch.
    let vague = mail(
        &li.email,
        &support,
        "打印机坏了",
        "",
        "打印机坏了，请处理。",
    );
    let complete = mail(
        &ann.email,
        &support,
        "Printer on floor 3 jams",
        "",
        "Since 9am today the printer on the 3rd floor (asset tag PR-0311) shows \"paper jam in tray 2\".\n\
         I tried opening tray 2 and removing the paper. The whole team of 8 people cannot print invoices.\n\
         Call me on ext. 4410.",
    );
    let howto = mail(
        &wang.email,
        &support,
        "Password",
        "",
        "Hi, how do I reset my password?",
    );
    deliver(env, &desk, &li, &vague, 1).await;
    deliver(env, &desk, &ann, &complete, 2).await;
    deliver(env, &desk, &wang, &howto, 3).await;
    desk.once();

    let li_ack = body_text(&env.wait_for_mails(&li, "INBOX", 1, WAIT).await[0]);
    assert!(li_ack.contains("为了更快处理，请回复以下信息"), "{li_ack}");
    for q in ["什么时候开始", "影响多少人", "电话或分机", "楼层和工位"] {
        assert!(li_ack.contains(q), "{q} missing in {li_ack}");
    }
    let ann_ack = body_text(&env.wait_for_mails(&ann, "INBOX", 1, WAIT).await[0]);
    assert!(!ann_ack.contains("please reply with"), "{ann_ack}");
    let wang_mail = env.wait_for_mails(&wang, "INBOX", 1, WAIT).await;
    let wang_ack = body_text(&wang_mail[0]);
    assert!(
        wang_ack.contains("Reset a forgotten or expired password"),
        "{wang_ack}"
    );
    assert!(
        wang_ack.contains("passwordreset.example.com"),
        "full text of a short article: {wang_ack}"
    );
    let wang_ticket = crate::desk::subject(&wang_mail[0]);
    let n: i64 = wang_ticket
        .trim_start_matches("[#")
        .split(']')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let t = desk.show(n);
    let sugg = t["knowledge"]["suggestions"].as_array().unwrap();
    assert_eq!(sugg[0]["article"], "password-reset.en", "{t}");
    assert!(desk.show(1)["knowledge"]["facts"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["state"] == "asked"));
    let bob_before = env.wait_for_mails(&bob, "INBOX", 3, WAIT).await.len();

    // 2. "解决了" to the acknowledgement closes it as self-service.
    let ack_id = header(&wang_mail[0], "Message-ID").unwrap();
    let solved = mail(
        &wang.email,
        &support,
        &format!("Re: {}", subject(&wang_mail[0])),
        &format!("In-Reply-To: {ack_id}\r\nReferences: {ack_id}\r\n"),
        "解决了，谢谢！\n\n> quoted acknowledgement",
    );
    deliver(env, &desk, &wang, &solved, 4).await;
    desk.once();
    let t = desk.show(n);
    assert_eq!(t["status"], "closed", "{t}");
    assert!(
        t["resolved_at"].is_string() || t["resolved_at"].is_number(),
        "{t}"
    );
    assert_eq!(t["knowledge"]["suggestions"][0]["outcome"], "solved", "{t}");
    let wang_mail = env.wait_for_mails(&wang, "INBOX", 2, WAIT).await;
    assert!(
        body_text(&wang_mail[1]).contains("self-service"),
        "{}",
        body_text(&wang_mail[1])
    );
    let bob_mail = env
        .wait_for_mails(&bob, "INBOX", bob_before + 1, WAIT)
        .await;
    let note = body_text(bob_mail.last().unwrap());
    assert!(note.contains("SELF-SERVICE"), "{note}");

    // 3. Bob resolves Ann's ticket with #kb: a scrubbed draft, published by the CLI.
    let bob_mail = env.fetch_all(&bob, "INBOX").await;
    let notify = bob_mail
        .iter()
        .find(|m| subject(m).contains("Printer on floor 3"))
        .expect("Bob was told about Ann's ticket");
    let n_ann: i64 = subject(notify)
        .split("[#")
        .nth(1)
        .and_then(|s| s.split(']').next())
        .and_then(|s| s.parse().ok())
        .expect("ticket number in the notification subject");
    let reply_to = header(notify, "Reply-To").expect("Reply-To");
    let reply_to = reply_to
        .rsplit('<')
        .next()
        .unwrap()
        .trim_end_matches('>')
        .to_string();
    let fix = mail(
        &bob.email,
        &reply_to,
        &format!("Re: {}", subject(notify)),
        "",
        "#note The tray 2 pickup roller was worn.\n#resolve Replaced the tray 2 pickup roller.\n#kb\n",
    );
    env.smtp_send(&bob.email, std::slice::from_ref(&reply_to), &fix)
        .await
        .expect("Postfix accepts");
    env.wait_for_mails(&desk.support, "INBOX", 5, WAIT).await;
    desk.once();
    let draft_path = desk
        .dir
        .path()
        .join(format!("kb/drafts/ticket-{n_ann}.en.md"));
    let draft = std::fs::read_to_string(&draft_path).expect("#kb wrote a draft");
    assert!(
        draft.contains("Replaced the tray 2 pickup roller"),
        "{draft}"
    );
    assert!(draft.contains("pickup roller was worn"), "{draft}");
    for personal in [ann.email.as_str(), "4410", bob.email.as_str(), "Bob Stone"] {
        assert!(!draft.contains(personal), "{personal} in draft:\n{draft}");
    }
    let search =
        String::from_utf8_lossy(&desk.run(&["kb", "search", "tray 2 pickup roller"]).stdout)
            .into_owned();
    assert!(
        !search.contains(&format!("ticket-{n_ann}")),
        "drafts are never suggested: {search}"
    );
    desk.run(&["kb", "publish", &format!("ticket-{n_ann}.en.md")]);
    assert!(desk
        .dir
        .path()
        .join(format!("kb/ticket-{n_ann}.en.md"))
        .is_file());
    desk.run(&["kb", "check"]);
    let search =
        String::from_utf8_lossy(&desk.run(&["kb", "search", "tray 2 pickup roller"]).stdout)
            .into_owned();
    assert!(
        search.contains(&format!("ticket-{n_ann}")),
        "published: {search}"
    );

    // 4. The report counts the self-service ticket.
    let out = desk.run(&["report", "--format", "json"]);
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let k = &r["knowledge"];
    assert_eq!(k["self_service"], 1, "{k}");
    assert!(
        k["kb_first_contact_resolution_pct"].as_f64().unwrap() > 0.0,
        "{k}"
    );
    assert_eq!(
        k["most_successful"][0]["article"], "password-reset.en",
        "{k}"
    );
    let table = String::from_utf8_lossy(&desk.run(&["report"]).stdout).into_owned();
    assert!(table.contains("KB first-contact resolution"), "{table}");
}
