//! The shell end to end on SQLite (no mail servers): raw mails through `process_batch`, timers
//! through `sweep`, assertions on the tickets, events and outbox rows. It proves the SQL, the
//! migration and the wiring; the mail-server stories live in tests/it.

use super::pipeline::{process_batch, Pipeline, RawMail, Source};
use super::sweep::sweep;
use crate::config::Config;
use crate::store::{OutboxRow, Store, StoreOptions};
use crate::ticket::model::{Awaiting, Priority, Status, Timestamp};
use std::path::Path;

const NOW: Timestamp = 1_790_000_000;
const DAY: i64 = 86_400;

fn config(dir: &Path, url: &str) -> Config {
    let text = format!(
        r#"
[general]
data_dir = "{dir}/var"
timezone = "Asia/Shanghai"
[mailbox]
host = "127.0.0.1"
username = "support"
address = "support@example.test"
[smtp]
host = "127.0.0.1"
[database]
url = "{url}"
[workflow]
secret = "0123456789abcdef-story-secret"
[[engineers]]
name = "Bob Stone"
email = "bob@example.test"
categories = ["network"]
languages = ["en"]
"#,
        dir = dir.display()
    );
    Config::from_toml(&text, Path::new("story.toml"), dir).unwrap()
}

/// The databases to run each story on: SQLite always, PostgreSQL when configured.
pub(super) async fn backends(dir: &Path) -> Vec<String> {
    let mut urls = vec![format!("sqlite://{}/sb.db", dir.display())];
    if let Ok(admin) = std::env::var("SUPPORTBOT_TEST_PG_URL") {
        use sqlx::Connection as _;
        static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let name = format!(
            "story_{}_{}",
            std::process::id(),
            N.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
        );
        let mut c = sqlx::PgConnection::connect(&admin).await.unwrap();
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&mut c)
            .await
            .unwrap();
        let base = admin.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin);
        urls.push(format!("{base}/{name}"));
    }
    urls
}

pub(super) async fn setup(dir: &Path, url: &str) -> (Store, Pipeline) {
    let cfg = config(dir, url);
    let store = Store::connect(&cfg.database_url(), &StoreOptions::default())
        .await
        .unwrap();
    store.migrate().await.unwrap();
    let pipeline = Pipeline::from_config(&cfg).unwrap();
    (store, pipeline)
}

pub(super) fn raw(headers: &[(&str, &str)], body: &str) -> Vec<u8> {
    let mut s = String::new();
    for (k, v) in headers {
        s.push_str(&format!("{k}: {v}\r\n"));
    }
    s.push_str("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n");
    s.push_str("Date: Sun, 29 Nov 2026 10:00:00 +0000\r\n\r\n");
    s.push_str(&body.replace('\n', "\r\n"));
    s.into_bytes()
}

pub(super) async fn feed(store: &Store, p: &Pipeline, uid: u32, bytes: Vec<u8>, now: Timestamp) {
    let source = Source {
        mailbox: "INBOX",
        uidvalidity: 1,
    };
    let mail = RawMail {
        uid: Some(uid),
        bytes,
    };
    process_batch(store, p, &source, &[mail], now)
        .await
        .unwrap();
}

/// Every queued mail, marked sent.
pub(super) async fn drain(store: &Store, now: Timestamp) -> Vec<OutboxRow> {
    let mut all = Vec::new();
    loop {
        let rows = store.claim_outbox(now, 60, 100).await.unwrap();
        if rows.is_empty() {
            return all;
        }
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        store.mark_sent(&ids, now).await.unwrap();
        all.extend(rows);
    }
}

fn header(row: &OutboxRow, name: &str) -> String {
    let parsed = mail_parser::MessageParser::default()
        .parse(&row.bytes)
        .unwrap();
    parsed
        .header_raw(name)
        .map(|v| v.trim().to_string())
        .unwrap_or_default()
}

fn body(row: &OutboxRow) -> String {
    let parsed = mail_parser::MessageParser::default()
        .parse(&row.bytes)
        .unwrap();
    parsed.body_text(0).unwrap().to_string()
}

#[tokio::test]
async fn request_to_rated_close_by_mail_alone() {
    let dir = tempfile::tempdir().unwrap();
    for url in backends(dir.path()).await {
        let (store, p) = setup(dir.path(), &url).await;
        rated_close_story(&store, &p).await;
        store.close().await;
    }
}

async fn rated_close_story(store: &Store, p: &Pipeline) {
    feed(
        store,
        p,
        1,
        raw(
            &[
                ("From", "Li Lei <li@example.test>"),
                ("To", "support@example.test"),
                ("Subject", "VPN 连不上"),
                ("Message-ID", "<req1@client.test>"),
            ],
            "今天早上开始 VPN 连不上，提示超时。",
        ),
        NOW,
    )
    .await;
    let t = store.load_ticket(1).await.unwrap().unwrap();
    assert_eq!(t.assignee.as_deref(), Some("bob@example.test"));
    let out = drain(store, NOW).await;
    let kinds: Vec<&str> = out.iter().map(|r| r.kind.as_str()).collect();
    assert_eq!(kinds, vec!["ack", "notify"]);
    let notify = &out[1];
    let reply_to = header(notify, "Reply-To");
    assert!(reply_to.contains("support+t1-"), "{reply_to}");
    let plus = reply_to.trim_matches(|c| c == '<' || c == '>').to_string();

    // A forged From without a token changes nothing and answers nothing.
    feed(
        store,
        p,
        2,
        raw(
            &[
                ("From", "bob@example.test"),
                ("To", "support@example.test"),
                ("Subject", "Re: [#1] VPN 连不上"),
                ("Message-ID", "<forged@evil.test>"),
            ],
            "#close\n",
        ),
        NOW + 30,
    )
    .await;
    let after = store.load_ticket(1).await.unwrap().unwrap();
    assert_eq!(after.status, Status::New);
    assert!(drain(store, NOW + 30).await.is_empty());
    let events = store.load_events(1).await.unwrap();
    assert!(events.iter().any(|e| e.kind == "command_rejected"));

    // The engineer replies to the notification (token only in In-Reply-To, as a client that
    // replies to From would): priority, waiting, and a question for the requester.
    feed(
        store,
        p,
        3,
        raw(
            &[
                ("From", "Bob Stone <bob@example.test>"),
                ("To", "support@example.test"),
                ("Subject", "Re: [#1] VPN 连不上"),
                ("Message-ID", "<bob1@example.test>"),
                ("In-Reply-To", &format!("<{}>", notify.message_id)),
            ],
            "#priority P1\n#status waiting\n\n请发一张报错截图。\n",
        ),
        NOW + 60,
    )
    .await;
    let t = store.load_ticket(1).await.unwrap().unwrap();
    assert_eq!((t.status, t.priority), (Status::Waiting, Priority::P1));
    assert_eq!(t.first_response_at, Some(NOW + 60));
    let out = drain(store, NOW + 60).await;
    let update = out.iter().find(|r| r.kind == "update").unwrap();
    assert_eq!(update.env_to, vec!["li@example.test".to_string()]);
    assert!(
        body(update).contains("请发一张报错截图"),
        "{}",
        body(update)
    );
    assert!(header(update, "In-Reply-To").contains("req1@client.test"));
    let receipt = out.iter().find(|r| r.kind == "receipt").unwrap();
    assert_eq!(receipt.env_to, vec!["bob@example.test".to_string()]);

    // Resolve through the plus-address.
    feed(
        store,
        p,
        4,
        raw(
            &[
                ("From", "bob@example.test"),
                ("To", &plus),
                ("Subject", "Re: [#1] VPN 连不上"),
                ("Message-ID", "<bob2@example.test>"),
            ],
            "#resolve 重置了您的 VPN 证书，请重新连接。\n",
        ),
        NOW + 120,
    )
    .await;
    let t = store.load_ticket(1).await.unwrap().unwrap();
    assert_eq!(
        (t.status, t.awaiting),
        (Status::Resolved, Awaiting::Confirmation)
    );
    assert_eq!(
        store.next_workflow_due().await.unwrap(),
        Some(NOW + 120 + 3 * DAY / 2)
    );
    let out = drain(store, NOW + 120).await;
    assert!(out.iter().any(|r| r.kind == "confirm"));

    // Half time: one reminder; a second sweep does nothing more.
    let r = sweep(store, p, NOW + 120 + 3 * DAY / 2).await.unwrap();
    assert_eq!((r.tickets, r.mails_queued), (1, 1));
    let r = sweep(store, p, NOW + 120 + 3 * DAY / 2 + 10).await.unwrap();
    assert_eq!(r.tickets, 0);
    let reminder = drain(store, NOW + 2 * DAY).await;
    assert_eq!(reminder[0].kind, "notice");
    assert!(
        body(&reminder[0]).contains("仍在等待"),
        "{}",
        body(&reminder[0])
    );

    // The requester confirms, then rates.
    feed(
        store,
        p,
        5,
        raw(
            &[
                ("From", "li@example.test"),
                ("To", "support@example.test"),
                ("Subject", "回复：[#1] VPN 连不上"),
                ("Message-ID", "<yes@client.test>"),
                ("In-Reply-To", "<req1@client.test>"),
            ],
            "是的，已经好了",
        ),
        NOW + 2 * DAY,
    )
    .await;
    let t = store.load_ticket(1).await.unwrap().unwrap();
    assert_eq!((t.status, t.awaiting), (Status::Closed, Awaiting::Rating));
    assert_eq!(store.next_workflow_due().await.unwrap(), None);
    assert_eq!(drain(store, NOW + 2 * DAY).await[0].kind, "survey");
    feed(
        store,
        p,
        6,
        raw(
            &[
                ("From", "li@example.test"),
                ("To", "support@example.test"),
                ("Subject", "回复：[#1] VPN 连不上"),
                ("Message-ID", "<rate@client.test>"),
            ],
            "5 分，非常感谢",
        ),
        NOW + 2 * DAY + 60,
    )
    .await;
    let list = store.list_tickets(10).await.unwrap();
    let json = crate::view::tickets_json(&list);
    assert_eq!(json[0]["rating"], 5);
    assert_eq!(json[0]["assignee"], "bob@example.test");
    assert_eq!(json[0]["status"], "closed");
    let events = store.load_events(1).await.unwrap();
    let text = crate::view::ticket_detail_text(
        &store.load_ticket(1).await.unwrap().unwrap(),
        &store.load_messages(1).await.unwrap(),
        &[],
        &events,
    );
    for needle in [
        "waiting → resolved",
        "resolved → closed",
        "rated",
        "command_rejected",
    ] {
        assert!(text.contains(needle), "{needle} in timeline:\n{text}");
    }
}

#[tokio::test]
async fn unanswered_resolution_closes_itself_and_a_late_reply_opens_a_new_ticket() {
    let dir = tempfile::tempdir().unwrap();
    for url in backends(dir.path()).await {
        let (store, p) = setup(dir.path(), &url).await;
        auto_close_story(&store, &p).await;
        store.close().await;
    }
}

async fn auto_close_story(store: &Store, p: &Pipeline) {
    let compose = |uid: u32, from: &str, id: &str, extra: Vec<(&str, String)>, text: &str| {
        let mut h: Vec<(&str, String)> = vec![
            ("From", from.to_string()),
            ("To", "support@example.test".into()),
            ("Subject", "Re: [#1] VPN down".into()),
            ("Message-ID", format!("<{id}>")),
        ];
        h.extend(extra);
        let hs: Vec<(&str, &str)> = h.iter().map(|(k, v)| (*k, v.as_str())).collect();
        (uid, raw(&hs, text))
    };
    let (uid, m) = compose(
        1,
        "li@example.test",
        "r1@c",
        vec![],
        "The VPN is down since this morning.",
    );
    feed(store, p, uid, m, NOW).await;
    let notify = drain(store, NOW)
        .await
        .into_iter()
        .find(|r| r.kind == "notify")
        .unwrap();
    let (uid, m) = compose(
        2,
        "bob@example.test",
        "b1@example.test",
        vec![("References", format!("<{}>", notify.message_id))],
        "#resolve Gateway restarted.",
    );
    feed(store, p, uid, m, NOW + 60).await;
    drain(store, NOW + 60).await;
    sweep(store, p, NOW + 60 + 3 * DAY / 2).await.unwrap();
    let r = sweep(store, p, NOW + 60 + 3 * DAY).await.unwrap();
    assert_eq!(r.tickets, 1);
    let t = store.load_ticket(1).await.unwrap().unwrap();
    assert_eq!(t.status, Status::Closed);
    let kinds: Vec<String> = drain(store, NOW + 4 * DAY)
        .await
        .into_iter()
        .map(|r| r.kind)
        .collect();
    assert_eq!(kinds, vec!["notice".to_string(), "notice".to_string()]);

    let (uid, m) = compose(
        3,
        "li@example.test",
        "late@c",
        vec![("In-Reply-To", "<r1@c>".into())],
        "It is broken again, the VPN does not connect at all.",
    );
    feed(store, p, uid, m, NOW + 30 * DAY).await;
    let t2 = store.load_ticket(2).await.unwrap().unwrap();
    assert_eq!(t2.previous_ticket, Some(1));
    let ack = drain(store, NOW + 30 * DAY)
        .await
        .into_iter()
        .find(|r| r.kind == "ack")
        .unwrap();
    assert!(body(&ack).contains("#1"), "{}", body(&ack));
}

#[tokio::test]
async fn html_only_engineer_reply_with_full_width_commands_is_obeyed() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/sb.db", dir.path().display());
    let (store, p) = setup(dir.path(), &url).await;
    feed(
        &store,
        &p,
        1,
        raw(
            &[
                ("From", "li@example.test"),
                ("To", "support@example.test"),
                ("Subject", "VPN 断了"),
                ("Message-ID", "<h1@client.test>"),
            ],
            "VPN 连不上",
        ),
        NOW,
    )
    .await;
    let notify = drain(&store, NOW)
        .await
        .into_iter()
        .find(|r| r.kind == "notify")
        .unwrap();
    let plus = header(&notify, "Reply-To")
        .trim_matches(|c| c == '<' || c == '>')
        .to_string();
    let html = "<html><body><div>＃优先级：P1</div><div>＃状态 等待</div><div><br></div>\
        <div>您好，请提供报错截图。</div><div><br></div>\
        <hr style=\"display:inline-block;width:98%\"><div id=\"divRplyFwdMsg\">\
        <b>From:</b> IT &lt;support@example.test&gt;<br><b>Sent:</b> Sunday, November 29, 2026 \
        10:00 AM<br><b>To:</b> Bob Stone &lt;bob@example.test&gt;<br>\
        <b>Subject:</b> [#1] VPN 断了</div><div>#close</div></body></html>";
    let mut bytes = Vec::new();
    for (k, v) in [
        ("From", "Bob Stone <bob@example.test>"),
        ("To", plus.as_str()),
        ("Subject", "RE: [#1] VPN 断了"),
        ("Message-ID", "<h2@example.test>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/html; charset=utf-8"),
    ] {
        bytes.extend_from_slice(format!("{k}: {v}\r\n").as_bytes());
    }
    bytes.extend_from_slice(b"\r\n");
    bytes.extend_from_slice(html.as_bytes());
    feed(&store, &p, 2, bytes, NOW + 60).await;
    let t = store.load_ticket(1).await.unwrap().unwrap();
    assert_eq!((t.priority, t.status), (Priority::P1, Status::Waiting));
    let out = drain(&store, NOW + 60).await;
    let update = out.iter().find(|r| r.kind == "update").unwrap();
    assert!(body(update).contains("请提供报错截图"), "{}", body(update));
    assert!(
        !body(update).contains("#close"),
        "quoted history is not public text: {}",
        body(update)
    );
}
