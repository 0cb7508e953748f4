//! Issue 2 end to end: mails appended to a real Dovecot mailbox become tickets, requesters
//! receive acknowledgements through real Postfix, machine mail is ignored, duplicates and
//! follow-ups never open tickets, and a restart loses and doubles nothing.

use crate::desk::{body_text, header, subject, Desk};
use crate::env::{contains, sample_mail, TestUser};
use base64::Engine as _;
use std::collections::HashSet;
use std::time::{Duration, Instant};

static SEQ: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

fn new_id() -> String {
    format!(
        "e2e-{}-{}-{:08x}@client.example.test",
        std::process::id(),
        SEQ.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        rand::random::<u32>()
    )
}

fn headers(from: &str, to: &str, subject: &str, id: &str, extra: &str) -> String {
    format!(
        "From: {from}\r\nTo: {to}\r\nSubject: {subject}\r\nMessage-ID: <{id}>\r\n\
         Date: Sun, 29 Nov 2026 12:00:00 +0800\r\nMIME-Version: 1.0\r\n{extra}"
    )
}

fn b64(bytes: &[u8]) -> String {
    let s = base64::engine::general_purpose::STANDARD.encode(bytes);
    s.as_bytes()
        .chunks(76)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("\r\n")
}

fn multipart_alternative(
    from: &str,
    to: &str,
    subj: &str,
    text: &str,
    html: &str,
) -> (String, Vec<u8>) {
    let id = new_id();
    let raw = headers(
        from,
        to,
        subj,
        &id,
        "Content-Type: multipart/alternative; boundary=\"b1\"\r\n",
    ) + &format!(
        "\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{text}\r\n\
             --b1\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}\r\n--b1--\r\n"
    );
    (id, raw.into_bytes())
}

fn html_only(from: &str, to: &str, subj: &str, html: &str) -> (String, Vec<u8>) {
    let id = new_id();
    let raw = headers(
        from,
        to,
        subj,
        &id,
        "Content-Type: text/html; charset=utf-8\r\n",
    ) + "\r\n"
        + html
        + "\r\n";
    (id, raw.into_bytes())
}

/// A mail in a legacy charset: subject as an RFC 2047 B word, body base64.
fn legacy_charset(
    from: &str,
    to: &str,
    charset: &'static str,
    subj: &str,
    body: &str,
) -> (String, Vec<u8>) {
    let enc = encoding_rs::Encoding::for_label(charset.as_bytes()).expect("charset");
    let (s, _, _) = enc.encode(subj);
    let (b, _, _) = enc.encode(body);
    let id = new_id();
    let subject = format!(
        "=?{charset}?B?{}?=",
        base64::engine::general_purpose::STANDARD.encode(&s)
    );
    let raw = headers(
        from,
        to,
        &subject,
        &id,
        &format!(
            "Content-Type: text/plain; charset={charset}\r\nContent-Transfer-Encoding: base64\r\n"
        ),
    ) + "\r\n"
        + &b64(&b)
        + "\r\n";
    (id, raw.into_bytes())
}

fn with_attachments(from: &str, to: &str, subj: &str) -> (String, Vec<u8>) {
    let id = new_id();
    let raw = headers(from, to, subj, &id, "Content-Type: multipart/mixed; boundary=\"mx\"\r\n")
        + "\r\n--mx\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\
           Outlook crashes on start since the update, log attached. I cannot read mail.\r\n\
           --mx\r\nContent-Type: text/plain; name=\"../../etc/passwd\"\r\n\
           Content-Disposition: attachment; filename=\"../../etc/passwd\"\r\n\r\nroot:x:0:0\r\n\
           --mx\r\nContent-Type: application/octet-stream\r\n\
           Content-Disposition: attachment; filename=\"CON.txt\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + &b64(b"crash dump\x00\x01\x02")
        + "\r\n--mx--\r\n";
    (id, raw.into_bytes())
}

fn auto_reply(from: &str, to: &str) -> Vec<u8> {
    (headers(
        from,
        to,
        "Automatic reply: VPN",
        &new_id(),
        "Auto-Submitted: auto-replied\r\nContent-Type: text/plain\r\n",
    ) + "\r\nI am out of the office until Monday.\r\n")
        .into_bytes()
}

fn bounce(to: &str) -> Vec<u8> {
    (headers(
        "Mail Delivery System <MAILER-DAEMON@mx.example.test>",
        to,
        "Undelivered Mail Returned to Sender",
        &new_id(),
        "Content-Type: multipart/report; report-type=delivery-status; boundary=\"r\"\r\n",
    ) + "\r\n--r\r\nContent-Type: text/plain\r\n\r\nThis is the mail system. Your message could not be delivered.\r\n\
         --r\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.test\r\n\r\n\
         Final-Recipient: rfc822; gone@example.test\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n--r--\r\n")
        .into_bytes()
}

fn bulk(to: &str) -> Vec<u8> {
    (headers(
        "IT News <news@lists.example.test>",
        to,
        "[it-news] Network maintenance on Saturday",
        &new_id(),
        "List-Id: <it-news.lists.example.test>\r\nPrecedence: list\r\nContent-Type: text/plain\r\n",
    ) + "\r\nThe network will be down on Saturday from 22:00 for maintenance.\r\n")
        .into_bytes()
}

fn noreply(to: &str) -> Vec<u8> {
    (headers(
        "No Reply <noreply@example.test>",
        to,
        "Your password expires soon",
        &new_id(),
        "Content-Type: text/plain\r\n",
    ) + "\r\nYour password expires in 3 days. Do not reply to this mail.\r\n")
        .into_bytes()
}

fn in_reply_to(raw: &[u8]) -> String {
    header(raw, "In-Reply-To").unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread")]
async fn intake_opens_tickets_acknowledges_and_threads_follow_ups() {
    let desk = Desk::new("intake");
    let env = desk.env;
    let support = desk.support.email.clone();
    let alice = env.new_user("alice");
    let bob = env.new_user("bob");
    let chen = env.new_user("chen");
    let fmt = |u: &TestUser, name: &str| format!("{name} <{}>", u.email);

    let (vpn_id, vpn) = sample_mail(
        &fmt(&alice, "Alice"),
        &support,
        "VPN down for the whole office",
        "Since 9:00 nobody in the Shenzhen office can connect to the VPN; 40 people cannot work.",
    );
    let (_, laptop) = multipart_alternative(
        &fmt(&bob, "Bob"),
        &support,
        "Laptop screen cracked",
        "My laptop screen is cracked after a fall and shows nothing.",
        "<p>My laptop screen is <b>cracked</b> after a fall and shows nothing.</p>",
    );
    let (_, crm) = html_only(
        &fmt(&chen, "Chen"),
        &support,
        "Cannot log in to CRM",
        "<html><body><p>I cannot log in to the CRM: &quot;password expired&quot;.</p><p>Chen</p></body></html>",
    );
    let (_, printer) = legacy_charset(
        &chen.email,
        &support,
        "gbk",
        "三楼打印机卡纸",
        "你好，三楼的打印机一直卡纸，现在先用二楼的打印机。",
    );
    let (_, big5) = legacy_charset(
        &bob.email,
        &support,
        "big5",
        "無法連線到公司網路",
        "從今天早上開始我的電腦無法連線到公司網路，其他同事正常。",
    );
    let (_, attach) = with_attachments(&fmt(&alice, "Alice"), &support, "Outlook crashes");
    let mails: Vec<Vec<u8>> = vec![
        vpn.clone(),
        laptop,
        crm,
        printer,
        big5,
        attach,
        auto_reply(&bob.email, &support),
        bounce(&support),
        bulk(&support),
        noreply(&support),
        vpn.clone(), // the same mail again (another path): must change nothing
    ];
    for m in &mails {
        env.append(&desk.support, "INBOX", m).await;
    }

    let summary = desk.once();
    assert!(summary.contains("new tickets         6"), "{summary}");
    assert!(summary.contains("duplicates          1"), "{summary}");
    assert!(summary.contains("ignored             4"), "{summary}");
    assert!(summary.contains("mails sent          6"), "{summary}");

    let tickets = desk.tickets();
    assert_eq!(tickets.len(), 6, "{tickets:#?}");
    let subjects: HashSet<String> = tickets
        .iter()
        .map(|t| t["subject"].as_str().unwrap().to_string())
        .collect();
    for s in [
        "三楼打印机卡纸",
        "無法連線到公司網路",
        "Cannot log in to CRM",
    ] {
        assert!(subjects.contains(s), "subject {s} decoded: {subjects:?}");
    }
    let vpn_ticket = tickets
        .iter()
        .find(|t| t["subject"] == "VPN down for the whole office")
        .unwrap();
    assert_eq!(vpn_ticket["category"], "network");
    assert_eq!(vpn_ticket["priority"], "P1");
    assert_eq!(vpn_ticket["status"], "new");
    for key in [
        "number",
        "requester",
        "created_at",
        "respond_by",
        "resolve_by",
        "messages",
    ] {
        assert!(!vpn_ticket[key].is_null(), "{key} in {vpn_ticket}");
    }

    // Every request got exactly one acknowledgement, threaded and marked automatic.
    let long = Duration::from_secs(20);
    let alice_acks = env.wait_for_mails(&alice, "INBOX", 2, long).await;
    let bob_acks = env.wait_for_mails(&bob, "INBOX", 2, long).await;
    let chen_acks = env.wait_for_mails(&chen, "INBOX", 2, long).await;
    assert_eq!(
        (alice_acks.len(), bob_acks.len(), chen_acks.len()),
        (2, 2, 2)
    );
    for ack in alice_acks.iter().chain(&bob_acks).chain(&chen_acks) {
        assert!(subject(ack).starts_with("[#"), "{}", subject(ack));
        assert_eq!(
            header(ack, "Auto-Submitted").as_deref(),
            Some("auto-replied")
        );
        let mid = header(ack, "Message-ID").unwrap();
        assert!(mid.ends_with("@example.test>"), "{mid}");
        assert!(!in_reply_to(ack).is_empty());
        assert!(contains(ack, "multipart/alternative"));
    }
    let vpn_ack = alice_acks
        .iter()
        .find(|a| in_reply_to(a) == format!("<{vpn_id}>"))
        .expect("ack threaded on the VPN mail");
    let n = vpn_ticket["number"].as_i64().unwrap();
    assert_eq!(
        subject(vpn_ack),
        format!("[#{n}] VPN down for the whole office")
    );
    let text = body_text(vpn_ack);
    assert!(text.contains("P1") && text.contains("15 minutes"), "{text}");
    let zh_ack = chen_acks
        .iter()
        .find(|a| subject(a).contains("打印机"))
        .expect("ack of the GBK mail");
    assert!(
        body_text(zh_ack).contains("工单号"),
        "Chinese requester, Chinese ack"
    );

    // Attachments stored under sanitised names inside the data folder.
    let outlook = tickets
        .iter()
        .find(|t| t["subject"] == "Outlook crashes")
        .unwrap();
    let shown = desk.show(outlook["number"].as_i64().unwrap());
    let names: Vec<&str> = shown["attachments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["filename"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 2, "{shown}");
    for name in &names {
        assert!(
            !name.contains('/') && !name.contains('\\') && !name.starts_with('.'),
            "{name}"
        );
    }
    assert!(
        names.iter().all(|n| !n.eq_ignore_ascii_case("CON.txt")),
        "{names:?}"
    );
    assert!(desk.dir.path().join("data/attachments").is_dir());

    // All processed mail is \Seen on the server.
    let mut imap = env.raw_imap(&desk.support).await;
    imap.select("INBOX").await.unwrap();
    let unseen = imap.uid_search("UNSEEN").await.unwrap();
    assert!(unseen.is_empty(), "unseen after once: {unseen:?}");
    let _ = imap.logout().await;

    // Follow-ups: a reply to the ack (In-Reply-To), one carrying only the [#N] tag with a
    // Chinese prefix; both append to their tickets with the quoted history stripped.
    let ack_id = header(vpn_ack, "Message-ID").unwrap();
    let reply1 = format!(
        "From: Alice <{}>\r\nTo: {support}\r\nSubject: Re: [#{n}] VPN down for the whole office\r\n\
         Message-ID: <{}>\r\nIn-Reply-To: {ack_id}\r\nReferences: <{vpn_id}> {ack_id}\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\r\nIt is still down, now also in Guangzhou.\r\n\r\n\
         On Sun, 29 Nov 2026, IT Service Desk wrote:\r\n> We have received your request\r\n",
        alice.email,
        new_id()
    );
    let printer_ticket = tickets
        .iter()
        .find(|t| t["subject"] == "三楼打印机卡纸")
        .unwrap();
    let m = printer_ticket["number"].as_i64().unwrap();
    let reply2 = format!(
        "From: {}\r\nTo: {support}\r\nSubject: =?utf-8?B?{}?=\r\nMessage-ID: <{}>\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\r\n补充：卡纸的是 HP M404。\r\n",
        chen.email,
        base64::engine::general_purpose::STANDARD.encode(format!("回复：[#{m}] 三楼打印机卡纸")),
        new_id()
    );
    env.append(&desk.support, "INBOX", reply1.as_bytes()).await;
    env.append(&desk.support, "INBOX", reply2.as_bytes()).await;
    let summary = desk.once();
    assert!(summary.contains("follow-ups          2"), "{summary}");
    assert!(summary.contains("new tickets         0"), "{summary}");
    let tickets = desk.tickets();
    assert_eq!(tickets.len(), 6);
    let vpn_shown = desk.show(n);
    assert_eq!(vpn_shown["messages"], 2);
    let follow = &vpn_shown["message_list"][1]["body"];
    assert!(follow.as_str().unwrap().contains("Guangzhou"), "{follow}");
    assert!(
        !follow.as_str().unwrap().contains("We have received"),
        "quote stripped: {follow}"
    );
    assert_eq!(desk.show(m)["messages"], 2);
    // No acknowledgement for follow-ups.
    crate::desk::assert_stays(env, &alice, "INBOX", 2, Duration::from_secs(3)).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_restart_in_the_middle_loses_and_doubles_nothing() {
    // Each requester gets 40 acknowledgements here: above the default loop budget.
    let desk = Desk::with_config("restart", "", "[loop_guard]\nmax_mails_per_sender = 1000\n");
    let env = desk.env;
    let requesters: Vec<TestUser> = (0..4).map(|i| env.new_user(&format!("req{i}"))).collect();
    let total = 160;
    let mut ids = HashSet::new();
    let mut inbox = env.inbox(&desk.support).await;
    for i in 0..total {
        let r = &requesters[i % requesters.len()];
        let (id, raw) = sample_mail(
            &r.email,
            &desk.support.email,
            &format!("Printer problem number {i}"),
            "The printer on floor 2 jams every few pages; the one on floor 3 works.",
        );
        ids.insert(id);
        inbox.append("INBOX", &raw).await.unwrap();
    }
    inbox.logout().await;

    // Start, stop gracefully as soon as work has begun, start again to finish.
    let mut daemon = desk.spawn_daemon();
    desk.wait_tickets(Duration::from_secs(30), |t| !t.is_empty());
    desk.stop(&mut daemon);
    let midway = desk.tickets().len();
    let mut daemon = desk.spawn_daemon();
    desk.wait_tickets(Duration::from_secs(60), |t| t.len() >= total);
    // Wait for every acknowledgement to be delivered, then stop.
    let mut acks = Vec::new();
    for r in &requesters {
        acks.extend(
            env.wait_for_mails(
                r,
                "INBOX",
                total / requesters.len(),
                Duration::from_secs(60),
            )
            .await,
        );
    }
    desk.stop(&mut daemon);

    let tickets = desk.tickets();
    assert_eq!(
        tickets.len(),
        total,
        "every request exactly one ticket (restarted after {midway})"
    );
    let threaded: HashSet<String> = acks.iter().map(|a| in_reply_to(a)).collect();
    assert_eq!(acks.len(), total, "no duplicate acknowledgement");
    assert_eq!(threaded.len(), total, "one acknowledgement per request");
    for id in &ids {
        assert!(threaded.contains(&format!("<{id}>")), "ack for {id}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn idle_answers_new_mail_within_seconds() {
    let desk = Desk::new("idle");
    let env = desk.env;
    let user = env.new_user("fast");
    let mut daemon = desk.spawn_daemon();
    // Measure from a connected daemon: its start-up is not what this test is about.
    desk.wait_daemon_log("Watching the mailbox", Duration::from_secs(60));
    let mut latencies = Vec::new();
    for i in 0..3 {
        let (_, raw) = sample_mail(
            &user.email,
            &desk.support.email,
            &format!("Keyboard key {i} stuck"),
            "The E key on my keyboard sticks; I can use the laptop keyboard meanwhile.",
        );
        let sent = Instant::now();
        env.smtp_send(&user.email, std::slice::from_ref(&desk.support.email), &raw)
            .await
            .expect("deliver via Postfix");
        env.wait_for_mails(&user, "INBOX", i + 1, Duration::from_secs(15))
            .await;
        latencies.push(sent.elapsed());
    }
    desk.stop(&mut daemon);
    eprintln!("arrival → acknowledgement (SMTP in, IDLE, ticket, SMTP out, LMTP): {latencies:?}");
    assert!(
        latencies.iter().all(|l| *l < Duration::from_secs(10)),
        "{latencies:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn ingest_takes_a_piped_mail_and_exits_75_when_the_database_is_down() {
    use std::io::Write;
    use std::process::Stdio;
    let desk = Desk::new("ingest");
    let user = desk.env.new_user("piped");
    let (_, raw) = sample_mail(
        &user.email,
        &desk.support.email,
        "Monitor flickers",
        "My monitor flickers all day.",
    );
    let mut child = desk
        .cmd()
        .arg("ingest")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&raw).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(desk.tickets().len(), 1);
    desk.env
        .wait_for_mails(&user, "INBOX", 1, Duration::from_secs(20))
        .await;

    // The same mail again: a duplicate, no second ticket.
    let file = desk.dir.path().join("again.eml");
    std::fs::write(&file, &raw).unwrap();
    desk.run(&["ingest", file.to_str().unwrap()]);
    assert_eq!(desk.tickets().len(), 1);

    // A database that cannot be opened is a temporary failure for the MTA.
    let text = std::fs::read_to_string(&desk.config).unwrap();
    let broken = text.replace(
        &format!("sqlite://{}/supportbot.db", desk.dir.path().display()),
        "sqlite:///proc/supportbot-no-such-dir/db.sqlite",
    );
    let bad = desk.dir.path().join("broken.toml");
    std::fs::write(&bad, broken).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_supportbot"))
        .args([
            "--config",
            bad.to_str().unwrap(),
            "ingest",
            file.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(75),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn an_oversized_mail_is_quarantined_and_the_next_is_processed() {
    let desk = Desk::with_config("quarantine", "max_message_bytes = 20000", "");
    let env = desk.env;
    let user = env.new_user("big");
    let (_, big) = sample_mail(
        &user.email,
        &desk.support.email,
        "Huge log",
        &"x".repeat(60_000),
    );
    let (_, small) = sample_mail(
        &user.email,
        &desk.support.email,
        "Mouse broken",
        "My mouse does not click.",
    );
    env.append(&desk.support, "INBOX", &big).await;
    env.append(&desk.support, "INBOX", &small).await;
    let summary = desk.once();
    assert!(summary.contains("quarantined         1"), "{summary}");
    assert!(summary.contains("new tickets         1"), "{summary}");
    assert_eq!(env.fetch_all(&desk.support, "Quarantine").await.len(), 1);
    assert_eq!(env.fetch_all(&desk.support, "INBOX").await.len(), 1);
    let out = desk.run(&["quarantine", "--json"]);
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        list[0]["reason"].as_str().unwrap().contains("limit"),
        "{list}"
    );
    // A second pass does not see it again.
    let summary = desk.once();
    assert!(summary.contains("fetched             0"), "{summary}");
}

#[test]
fn classify_prints_one_json_object_per_file_without_config() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.eml");
    let b = dir.path().join("b.eml");
    std::fs::write(
        &a,
        sample_mail(
            "x@example.test",
            "s@example.test",
            "VPN down",
            "VPN is down for everyone in the office.",
        )
        .1,
    )
    .unwrap();
    std::fs::write(&b, auto_reply("y@example.test", "s@example.test")).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_supportbot"))
        .current_dir(dir.path())
        .env_remove("SUPPORTBOT_CONFIG")
        .args(["classify", a.to_str().unwrap(), b.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["kind"], "request");
    assert_eq!(lines[0]["category"], "network");
    assert!(lines[0]["reasons"]
        .as_array()
        .is_some_and(|r| !r.is_empty()));
    assert_eq!(lines[1]["kind"], "autoreply");
    assert!(lines[1]["category"].is_null() && lines[1]["priority"].is_null());
    for key in [
        "file", "kind", "category", "priority", "language", "reasons",
    ] {
        assert!(lines[0].get(key).is_some(), "{key}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_per_sender_budget_stops_a_ping_pong() {
    // A peer auto-responder without RFC 3834 headers: every mail looks human.
    let desk = Desk::with_config(
        "budget",
        "",
        "[loop_guard]\nmax_mails_per_sender = 2\nwindow = \"1h\"\n",
    );
    let env = desk.env;
    let peer = env.new_user("peerbot");
    for i in 0..4 {
        let (_, raw) = sample_mail(
            &peer.email,
            &desk.support.email,
            &format!("Re: your request {i}"),
            "Thank you, your request has been received and will be handled shortly.",
        );
        env.append(&desk.support, "INBOX", &raw).await;
    }
    let summary = desk.once();
    assert!(summary.contains("new tickets         4"), "{summary}");
    assert!(
        summary.contains("acknowledgements    2 queued"),
        "{summary}"
    );
    let acks = env
        .wait_for_mails(&peer, "INBOX", 2, Duration::from_secs(20))
        .await;
    assert_eq!(acks.len(), 2);
    let suppressed = desk
        .tickets()
        .iter()
        .filter(|t| {
            desk.show(t["number"].as_i64().unwrap())["timeline"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["kind"] == "loop_suppressed")
        })
        .count();
    assert_eq!(suppressed, 2);
}
