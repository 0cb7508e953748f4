//! End to end, operations: `supportbot run` with `[http]` on and a `NOTIFY_SOCKET`,
//! its mailbox behind the switchable proxy in front of the shared Dovecot (never
//! stopped): READY=1 → /healthz 200 → the mailbox goes away → 503 naming it → back →
//! 200 and the backlog processed → the counters in /metrics match the mails sent →
//! `supportbot status` agrees → SIGHUP reload keeps mail flowing → SIGTERM → STOPPING=1
//! and exit 0.

use crate::desk::terminate;
use crate::env::{sample_mail, TestEnv};
use crate::faults_proxy::{free_port, Flaky};
use std::os::unix::net::UnixDatagram;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

async fn get(url: &str) -> Option<(u16, String)> {
    let r = reqwest::get(url).await.ok()?;
    let code = r.status().as_u16();
    Some((code, r.text().await.unwrap_or_default()))
}

/// Poll `url` until `ok(status, body)`, or panic after `deadline` with the last answer.
async fn wait_http(url: &str, deadline: Duration, ok: impl Fn(u16, &str) -> bool) -> String {
    let started = Instant::now();
    loop {
        let last = get(url).await;
        if let Some((code, body)) = &last {
            if ok(*code, body) {
                return body.clone();
            }
        }
        assert!(started.elapsed() < deadline, "{url}: last answer {last:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The sum of a metric's samples (all label sets) in a /metrics text.
fn metric(text: &str, name: &str) -> u64 {
    text.lines()
        .filter_map(|l| l.strip_prefix(name))
        .filter(|rest| rest.starts_with(' ') || rest.starts_with('{'))
        .filter_map(|rest| rest.rsplit(' ').next()?.parse::<f64>().ok())
        .sum::<f64>() as u64
}

fn wait_datagram(sock: &UnixDatagram, want: &str, deadline: Duration) {
    let started = Instant::now();
    let mut buf = [0u8; 256];
    let mut seen = Vec::new();
    while started.elapsed() < deadline {
        if let Ok(n) = sock.recv(&mut buf) {
            let msg = String::from_utf8_lossy(&buf[..n]).to_string();
            if msg == want {
                return;
            }
            seen.push(msg);
        }
    }
    panic!("no {want} on NOTIFY_SOCKET within {deadline:?}; got {seen:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn health_follows_the_mailbox_and_metrics_count_the_mails() {
    let env = TestEnv::get();
    let support = env.new_user("ops-support");
    let requester = env.new_user("ops-requester");
    let proxy = Flaky::start(env.imap_port, true);
    let dir = tempfile::tempdir().unwrap();
    let http_port = free_port();
    let config = dir.path().join("supportbot.toml");
    std::fs::write(
        &config,
        format!(
            r#"[mailbox]
host = "127.0.0.1"
port = {port}
security = "none"
username = "{user}"
password = "{pw}"
address = "{user}"
poll_interval = "1s"

[smtp]
host = "{host}"
port = {smtp}
security = "none"

[database]
url = "sqlite://{dir}/db.sqlite"

[http]
listen = "127.0.0.1:{http_port}"
"#,
            port = proxy.port,
            user = support.email,
            pw = support.password,
            host = env.host,
            smtp = env.smtp_plain_port,
            dir = dir.path().display(),
        ),
    )
    .unwrap();
    let notify_path = dir.path().join("notify.sock");
    let notify = UnixDatagram::bind(&notify_path).unwrap();
    notify
        .set_read_timeout(Some(Duration::from_millis(200)))
        .unwrap();
    let log = std::fs::File::create(dir.path().join("daemon.log")).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_supportbot"))
        .arg("--config")
        .arg(&config)
        .arg("run")
        .env("NOTIFY_SOCKET", &notify_path)
        .env("RUST_LOG", "info")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .unwrap();
    let logs = || std::fs::read_to_string(dir.path().join("daemon.log")).unwrap_or_default();
    let base = format!("http://127.0.0.1:{http_port}");
    let key = format!("{}@127.0.0.1/INBOX", support.email);

    wait_datagram(&notify, "READY=1", Duration::from_secs(20));
    wait_http(
        &format!("{base}/healthz"),
        Duration::from_secs(10),
        |c, _| c == 200,
    )
    .await;
    assert_eq!(get(&format!("{base}/readyz")).await.map(|r| r.0), Some(200));

    let send = |i: usize| {
        let (_, raw) = sample_mail(
            &requester.email,
            &support.email,
            &format!("VPN down on floor {i}"),
            "The VPN does not connect since this morning, the whole floor is affected.",
        );
        raw
    };
    for i in 0..2 {
        env.smtp_send(&requester.email, &support.rcpt(), &send(i))
            .await
            .unwrap();
    }
    let metrics_url = format!("{base}/metrics");
    wait_http(&metrics_url, Duration::from_secs(20), |_, b| {
        metric(b, "supportbot_mails_received_total") == 2
            && metric(b, "supportbot_mails_sent_total") == 2
    })
    .await;

    // The mailbox goes away: 503 naming it.
    proxy.down();
    let body = wait_http(
        &format!("{base}/healthz"),
        Duration::from_secs(15),
        |c, _| c == 503,
    )
    .await;
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(json["status"], "unhealthy");
    assert_eq!(
        json["unhealthy"],
        serde_json::json!([format!("mailbox {key}")]),
        "{body}"
    );
    for i in 2..5 {
        env.smtp_send(&requester.email, &support.rcpt(), &send(i))
            .await
            .unwrap();
    }

    // Back: healthy again and the backlog is processed.
    proxy.up();
    wait_http(
        &format!("{base}/healthz"),
        Duration::from_secs(70),
        |c, _| c == 200,
    )
    .await;
    let text = wait_http(&metrics_url, Duration::from_secs(30), |_, b| {
        metric(b, "supportbot_mails_received_total") == 5
            && metric(b, "supportbot_mails_sent_total") == 5
    })
    .await;
    assert_eq!(
        metric(&text, "supportbot_tickets_opened_total"),
        5,
        "{text}"
    );
    assert_eq!(metric(&text, "supportbot_mails_processed_total"), 5);
    assert_eq!(
        metric(&text, "supportbot_mails_sent_total{kind=\"ack\"}"),
        5,
        "{text}"
    );
    assert!(
        metric(&text, "supportbot_imap_reconnects_total") >= 1,
        "{text}"
    );
    assert_eq!(
        metric(&text, "supportbot_arrival_to_commit_seconds_count"),
        5
    );
    assert_eq!(metric(&text, "supportbot_outbox_depth"), 0);
    let acks = env
        .wait_for_mails(&requester, "INBOX", 5, Duration::from_secs(20))
        .await;
    assert_eq!(acks.len(), 5);

    // The same summary from the database, for an operator on the host.
    let started = Instant::now();
    loop {
        let out = Command::new(env!("CARGO_BIN_EXE_supportbot"))
            .arg("--config")
            .arg(&config)
            .args(["status", "--json"])
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
        if out.status.success() && v["status"] == "ok" {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(40),
            "status: {v}\n{}",
            logs()
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
    }

    // SIGHUP: the mail workers restart on the re-read config between batches; mail keeps
    // flowing.
    let pid = child.id().to_string();
    assert!(Command::new("kill")
        .args(["-HUP", &pid])
        .status()
        .unwrap()
        .success());
    wait_datagram(&notify, "RELOADING=1", Duration::from_secs(10));
    env.smtp_send(&requester.email, &support.rcpt(), &send(5))
        .await
        .unwrap();
    wait_http(&metrics_url, Duration::from_secs(30), |_, b| {
        metric(b, "supportbot_mails_received_total") == 6
            && metric(b, "supportbot_mails_sent_total") == 6
    })
    .await;
    assert!(logs().contains("SIGHUP: reloading"), "{}", logs());

    let status = terminate(&mut child);
    assert!(status.success(), "{status}\n{}", logs());
    wait_datagram(&notify, "STOPPING=1", Duration::from_secs(5));
}

#[tokio::test(flavor = "multi_thread")]
async fn health_queries_agree_on_sqlite_and_postgres() {
    let env = TestEnv::get();
    let dir = tempfile::tempdir().unwrap();
    let urls = [
        format!("sqlite://{}/db.sqlite", dir.path().display()),
        env.pg_fresh_database().await,
    ];
    for url in urls {
        let store = supportbot::store::Store::connect(&url, &Default::default())
            .await
            .unwrap();
        store.migrate().await.unwrap();
        let empty = store.outbox_health().await.unwrap();
        assert_eq!(
            (empty.queued, empty.oldest_queued_at, empty.failed),
            (0, None, 0)
        );
        let mut tx = store.begin().await.unwrap();
        for (i, at) in [(1, 50), (2, 40)] {
            let mail = supportbot::mail::render::RenderedMail {
                message_id: format!("m{i}@x"),
                env_from: String::new(),
                env_to: vec!["a@example.test".into()],
                bytes: b"x".to_vec(),
            };
            tx.insert_outbox(None, "ack", &mail, at).await.unwrap();
        }
        tx.commit().await.unwrap();
        let o = store.outbox_health().await.unwrap();
        assert_eq!(
            (o.queued, o.oldest_queued_at, o.failed),
            (2, Some(40), 0),
            "{url}"
        );
        store
            .write_health(
                &[
                    ("health:mailbox:a".into(), None),
                    ("health:mailbox:b".into(), Some(90)),
                ],
                100,
            )
            .await
            .unwrap();
        let rows = store.health_rows().await.unwrap();
        assert_eq!(
            rows,
            vec![
                ("health:mailbox:a".to_string(), None, 100),
                ("health:mailbox:b".to_string(), Some(90), 100)
            ],
            "{url}"
        );
        store.close().await;
    }
}
