//! Issue 13, the reliability items: a crash between the commit and the `\Seen` flag is
//! repaired by the next run; a killed daemon's outbox claims are taken over within one
//! lease by a real-time `once`; PostgreSQL connections cut mid-batch and mid-send (a proxy
//! in front of the shared server, which is never restarted) lose and double nothing. Each
//! test prints a `RELIABILITY` line like the fault suite.

use crate::desk::Desk;
use crate::env::TestUser;
use crate::faults::{
    acks_by_request, db, edit_config, outbox_status, report, request, tally, unseen, wait_total,
    Reap,
};
use crate::faults_proxy::{free_port, Flaky};
use std::collections::HashSet;
use std::time::{Duration, Instant};

const BUDGET: &str = "[loop_guard]\nmax_mails_per_sender = 1000000\n";

#[tokio::test(flavor = "multi_thread")]
async fn a_crash_between_commit_and_flag_is_flagged_by_the_next_run() {
    let desk = Desk::with_config("flagfix", "max_message_bytes = 4096", BUDGET);
    let env = desk.env;
    let users: Vec<TestUser> = (0..2).map(|i| env.new_user(&format!("ffreq{i}"))).collect();
    let mut ids = HashSet::new();
    for i in 0..6 {
        let (id, raw) = request(i, &users[i % 2], &desk.support.email, "FF");
        ids.insert(id);
        env.append(&desk.support, "INBOX", &raw).await;
    }
    // One mail over the size limit: committed as quarantined, to be moved, not flagged.
    let (_, mut big) = request(99, &users[0], &desk.support.email, "FF big");
    big.extend(std::iter::repeat_n(b'x', 8000));
    big.extend(b"\r\n");
    env.append(&desk.support, "INBOX", &big).await;

    let out = desk
        .cmd()
        .arg("once")
        .env("SUPPORTBOT_FAILPOINT", "after_commit")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(86),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(desk.tickets().len(), 6, "the batch was committed");
    assert_eq!(
        unseen(env, &desk.support).await,
        7,
        "but nothing was flagged"
    );

    let started = Instant::now();
    let summary = desk.once();
    let took = started.elapsed();
    assert!(
        summary.contains("fetched             0"),
        "nothing is processed twice: {summary}"
    );
    assert_eq!(
        unseen(env, &desk.support).await,
        0,
        "flagged by the next run"
    );
    let inbox = env.fetch_all(&desk.support, "INBOX").await.len();
    let quarantine = env.fetch_all(&desk.support, "Quarantine").await.len();
    wait_total(env, &users, 6, Duration::from_secs(30)).await;
    let (delivered, dups, lost) = tally(&ids, &acks_by_request(env, &users).await);
    report(
        "crash between commit and flag",
        7,
        desk.tickets().len(),
        delivered,
        dups,
        lost,
        &format!("next once {took:?}: INBOX {inbox}, Quarantine {quarantine}, unseen 0"),
    );
    assert_eq!((inbox, quarantine), (6, 1));
    assert_eq!(desk.tickets().len(), 6);
    assert_eq!((lost, dups), (0, 0));
}

/// A port that accepts SMTP connections and never answers: a sender connecting there
/// holds its claimed rows until it is killed.
fn silent_smtp() -> u16 {
    let port = free_port();
    let listener = std::net::TcpListener::bind(("127.0.0.1", port)).unwrap();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for s in listener.incoming().flatten() {
            held.push(s);
        }
    });
    port
}

#[tokio::test(flavor = "multi_thread")]
async fn a_killed_senders_claims_are_taken_over_by_a_real_time_once_within_the_lease() {
    let desk = Desk::with_config("leases", "", BUDGET);
    let env = desk.env;
    let users: Vec<TestUser> = (0..3).map(|i| env.new_user(&format!("lsreq{i}"))).collect();
    let mut ids = HashSet::new();
    let mails = 60;
    for i in 0..mails {
        let (id, raw) = request(i, &users[i % 3], &desk.support.email, "LS");
        ids.insert(id);
        env.append(&desk.support, "INBOX", &raw).await;
    }
    let real = format!("port = {}\nsecurity = \"none\"", env.smtp_plain_port);
    let stall = silent_smtp();
    edit_config(
        &desk,
        &real,
        &format!("port = {stall}\nsecurity = \"none\""),
    );
    let mut daemon = Reap(desk.spawn_daemon());
    desk.wait_tickets(Duration::from_secs(60), |t| t.len() >= mails);
    let pool = db(&desk).await;
    let started = Instant::now();
    let held = loop {
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM outbox WHERE status = 'queued' AND claimed_until > 0",
        )
        .fetch_one(&pool)
        .await
        .unwrap();
        if n > 0 || started.elapsed() > Duration::from_secs(30) {
            break n;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(held > 0, "the daemon claimed rows");
    daemon.0.kill().unwrap(); // SIGKILL while it holds the claims
    let _ = daemon.0.wait();
    edit_config(
        &desk,
        &format!("port = {stall}\nsecurity = \"none\""),
        &real,
    );

    let started = Instant::now();
    let out = desk.run(&["once"]);
    let took = started.elapsed();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let outbox = outbox_status(&pool).await;
    wait_total(env, &users, mails, Duration::from_secs(30)).await;
    let (delivered, dups, lost) = tally(&ids, &acks_by_request(env, &users).await);
    report(
        "sender killed holding claims",
        mails,
        desk.tickets().len(),
        delivered,
        dups,
        lost,
        &format!("{held} rows held by the dead sender; once took {took:?}; outbox {outbox:?}"),
    );
    assert!(!stdout.contains("still queued"), "{stdout}");
    assert_eq!(
        outbox.get("sent").copied(),
        Some(mails as i64),
        "{outbox:?}"
    );
    assert_eq!((lost, dups), (0, 0));
    assert!(took < Duration::from_secs(30), "taken over in {took:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn postgres_connections_cut_mid_batch_and_mid_send_lose_and_double_nothing() {
    let desk = Desk::with_config("pgcut", "", BUDGET);
    let env = desk.env;
    let url = env.pg_fresh_database().await;
    let proxy = Flaky::start(env.pg_port, true);
    let via_proxy = url.replace(&format!(":{}/", env.pg_port), &format!(":{}/", proxy.port));
    let text = std::fs::read_to_string(&desk.config).unwrap();
    let sqlite_line = text
        .lines()
        .find(|l| l.starts_with("url = \"sqlite"))
        .unwrap()
        .to_string();
    edit_config(&desk, &sqlite_line, &format!("url = \"{via_proxy}\""));
    // Small batches, so a cut lands inside the intake stream, not after it.
    edit_config(&desk, "idle = true\n", "idle = true\nbatch_size = 10\n");
    let users: Vec<TestUser> = (0..4).map(|i| env.new_user(&format!("pcreq{i}"))).collect();
    let mut ids = HashSet::new();
    let mails = 200;
    let mut inbox = env.inbox(&desk.support).await;
    for i in 0..mails / 2 {
        let (id, raw) = request(i, &users[i % 4], &desk.support.email, "PC");
        ids.insert(id);
        inbox.append("INBOX", &raw).await.unwrap();
    }
    let mut daemon = Reap(desk.spawn_daemon());
    // The first cut lands while the daemon fetches, commits and sends the first batches.
    desk.wait_tickets(Duration::from_secs(60), |t| !t.is_empty());
    let cut_at = desk.tickets().len();
    proxy.down();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    proxy.up();
    for i in mails / 2..mails {
        let (id, raw) = request(i, &users[i % 4], &desk.support.email, "PC");
        ids.insert(id);
        inbox.append("INBOX", &raw).await.unwrap();
    }
    inbox.logout().await;
    // A second cut while the new mail is committed and its acknowledgements go out.
    desk.wait_tickets(Duration::from_secs(60), |t| t.len() > mails / 2);
    proxy.down();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    proxy.up();
    let started = Instant::now();
    let tickets = loop {
        let t = desk.tickets();
        if t.len() >= mails || started.elapsed() > Duration::from_secs(60) {
            break t;
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
    };
    assert_eq!(tickets.len(), mails, "{}", desk.daemon_logs());
    wait_total(env, &users, mails, Duration::from_secs(90)).await;
    // Anything a cut left claimed must still go out, and only once.
    tokio::time::sleep(Duration::from_secs(2)).await;
    desk.stop(&mut daemon.0);
    let acks = acks_by_request(env, &users).await;
    let (delivered, dups, lost) = tally(&ids, &acks);
    let subjects: HashSet<String> = tickets
        .iter()
        .map(|t| t["subject"].as_str().unwrap().to_string())
        .collect();
    let logs = desk.daemon_logs();
    report(
        "PostgreSQL connections cut twice",
        mails,
        tickets.len(),
        delivered,
        dups,
        lost,
        &format!(
            "first cut after {cut_at} tickets; {} intake and {} send-record retries",
            logs.matches("Database unavailable").count(),
            logs.matches("Recording sent mail failed").count()
        ),
    );
    assert_eq!(tickets.len(), mails, "{logs}");
    assert_eq!(subjects.len(), mails, "no request ticketed twice");
    assert_eq!((lost, dups), (0, 0), "{logs}");
}
