//! A fleet: several `supportbot run` processes on one mailbox and one PostgreSQL database.
//! Each mail must become exactly one ticket and exactly one acknowledgement even when a
//! daemon is killed (`kill -9`) in the middle of its work; the pool settings must reach
//! the server.

use crate::desk::{subject, Desk};
use crate::env::{sample_mail, TestEnv};
use std::collections::BTreeMap;
use std::process::Child;
use std::time::{Duration, Instant};
use supportbot::store::{Store, StoreOptions};

/// A desk whose config points at a fresh PostgreSQL database, with a short outbox lease
/// and small batches (so a kill lands between commits, not only before the first).
async fn pg_desk(prefix: &str) -> Desk {
    let tail = "[outbox]\nlease = \"3s\"\nretry_base = \"1s\"\n\n\
                [loop_guard]\nmax_mails_per_sender = 10000\n";
    let desk = Desk::with_config(prefix, "", tail);
    let url = desk.env.pg_fresh_database().await;
    let text = std::fs::read_to_string(&desk.config).expect("read config");
    let sqlite = format!("sqlite://{}/supportbot.db", desk.dir.path().display());
    let text = text
        .replace(&sqlite, &url)
        .replace("idle = true", "idle = true\nbatch_size = 5");
    assert!(text.contains("postgres://"), "database url replaced");
    std::fs::write(&desk.config, text).expect("write config");
    desk.run(&["migrate"]);
    desk
}

fn kill9(child: &mut Child) {
    let _ = std::process::Command::new("kill")
        .arg("-KILL")
        .arg(child.id().to_string())
        .status();
    let _ = child.wait();
}

/// (Subject, Message-ID) of the acknowledgements (`[#N] …`) in each requester's INBOX.
async fn acks(env: &TestEnv, users: &[crate::env::TestUser]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for u in users {
        for raw in env.fetch_all(u, "INBOX").await {
            let s = subject(&raw);
            if s.starts_with("[#") {
                out.push((
                    s,
                    crate::desk::header(&raw, "Message-ID").unwrap_or_default(),
                ));
            }
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread")]
async fn three_daemons_one_killed_mid_batch_give_exactly_once_tickets_and_acks() {
    let desk = pg_desk("fleet").await;
    let env = desk.env;
    let requesters: Vec<_> = (0..4)
        .map(|i| env.new_user(&format!("fleet-r{i}")))
        .collect();
    let per_user = 30;
    let mut subjects = Vec::new();
    // A backlog first, so all three daemons start on the same UIDs at once.
    for n in 0..per_user {
        for r in &requesters {
            let s = format!("Printer {n} of {} is broken", r.email);
            let (_, raw) = sample_mail(&r.email, &desk.support.email, &s, "It jams. Please help.");
            env.append(&desk.support, "INBOX", &raw).await;
            subjects.push(s);
        }
    }
    let mut daemons: Vec<Child> = (0..3).map(|_| desk.spawn_daemon()).collect();
    // Kill one as soon as the fleet is under way: batches are committing and more are due.
    let started = Instant::now();
    loop {
        let n = desk.tickets().len();
        if n >= 10 {
            assert!(
                n < subjects.len(),
                "backlog done before the kill; make it larger"
            );
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no tickets after 60 s:\n{}",
            desk.daemon_logs()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut victim = daemons.remove(0);
    kill9(&mut victim);
    // More mail while the two survivors run (IDLE path, not just the backlog).
    for r in &requesters {
        let s = format!("VPN down for {}", r.email);
        let (_, raw) = sample_mail(&r.email, &desk.support.email, &s, "Cannot connect.");
        env.append(&desk.support, "INBOX", &raw).await;
        subjects.push(s);
    }
    let total = subjects.len();
    let tickets = desk.wait_tickets(Duration::from_secs(120), |t| t.len() >= total);
    // Every ack delivered (the lease brings back rows the victim had claimed).
    let started = Instant::now();
    let mut got = acks(env, &requesters).await;
    while got.len() < total && started.elapsed() < Duration::from_secs(90) {
        tokio::time::sleep(Duration::from_millis(500)).await;
        got = acks(env, &requesters).await;
    }
    // Give a duplicate time to show up before counting.
    tokio::time::sleep(Duration::from_secs(5)).await;
    let got = acks(env, &requesters).await;
    for d in &mut daemons {
        desk.stop(d);
    }

    assert_eq!(tickets.len(), total, "one ticket per mail");
    let mut by_subject: BTreeMap<String, usize> = BTreeMap::new();
    for t in &tickets {
        let s = t["subject"].as_str().unwrap_or_default().to_string();
        *by_subject.entry(s).or_default() += 1;
    }
    for s in &subjects {
        assert_eq!(by_subject.get(s), Some(&1), "exactly one ticket for {s:?}");
    }
    let mut numbers: Vec<i64> = tickets
        .iter()
        .filter_map(|t| t["number"].as_i64())
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    assert_eq!(numbers.len(), total, "ticket numbers unique");

    // One acknowledgement (one outbox row, one Message-ID) per ticket, in the right
    // mailbox. SMTP itself is at-least-once: a daemon killed between the server's 250 and
    // recording the delivery has its mail sent again after the lease: the same
    // Message-ID, at most one per SMTP connection of the killed daemon (2 here).
    let mut ack_ids: BTreeMap<String, std::collections::BTreeSet<String>> = BTreeMap::new();
    for (s, id) in &got {
        let original = s.split_once("] ").map(|(_, r)| r).unwrap_or(s).to_string();
        ack_ids.entry(original).or_default().insert(id.clone());
    }
    for s in &subjects {
        assert_eq!(
            ack_ids.get(s).map(|ids| ids.len()),
            Some(1),
            "exactly one acknowledgement for {s:?}; logs:\n{}",
            desk.daemon_logs()
        );
    }
    assert_eq!(ack_ids.len(), total, "acks only for these mails");
    let resent = got.len() - total;
    assert!(
        resent <= 2,
        "{resent} acknowledgement(s) delivered twice; at most the killed daemon's in-flight mails may be"
    );
    if resent > 0 {
        eprintln!("{resent} acknowledgement(s) re-sent after the lease (SMTP at-least-once)");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn postgres_pool_honours_statement_timeout() {
    let env = TestEnv::get();
    let url = env.pg_fresh_database().await;
    let opts = StoreOptions {
        max_connections: 3,
        min_connections: 1,
        statement_timeout: Duration::from_millis(250),
        acquire_timeout: Duration::from_secs(5),
    };
    let store = Store::connect(&url, &opts).await.expect("connect");
    let Store::Postgres(pool) = &store else {
        panic!("a postgres:// url opens PostgreSQL");
    };
    let shown: String = sqlx::query_scalar("SHOW statement_timeout")
        .fetch_one(pool)
        .await
        .expect("SHOW");
    assert_eq!(shown, "250ms");
    let slow = sqlx::query("SELECT pg_sleep(2)").execute(pool).await;
    let err = supportbot::store::StoreError::from(slow.expect_err("cancelled by the timeout"));
    assert!(
        err.is_transient(),
        "a timed-out statement is retried later: {err}"
    );
    assert_eq!(pool.options().get_max_connections(), 3);
    store.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn one_daemon_watches_several_mailboxes_and_acks_from_each_address() {
    let env = TestEnv::get();
    let second = env.new_user("fleet-net");
    let tail = format!(
        r#"[[mailboxes]]
host = "{host}"
port = {imap}
security = "starttls"
ca_file = "{ca}"
username = "{user}"
password = "{pw}"
address = "{user}"
poll_interval = "1s"
default_category = "network"
"#,
        host = env.host,
        imap = env.imap_port,
        ca = env.cert_file.display(),
        user = second.email,
        pw = second.password,
    );
    let desk = Desk::with_config("fleet-mb", "", &tail);
    let requester = env.new_user("fleet-mb-r");
    let (_, a) = sample_mail(
        &requester.email,
        &desk.support.email,
        "Quokka picnic",
        "Quokka picnic.",
    );
    env.append(&desk.support, "INBOX", &a).await;
    let (_, b) = sample_mail(
        &requester.email,
        &second.email,
        "Quokka picnic too",
        "Quokka picnic.",
    );
    env.append(&second, "INBOX", &b).await;

    // `once` processes every mailbox.
    desk.once();
    let tickets = desk.tickets();
    assert_eq!(tickets.len(), 2, "one ticket per mailbox");
    let by_subject = |s: &str| {
        tickets
            .iter()
            .find(|t| t["subject"] == s)
            .unwrap_or_else(|| panic!("ticket {s:?}"))
            .clone()
    };
    let first = by_subject("Quokka picnic");
    let other = by_subject("Quokka picnic too");
    assert!(first["mailbox"]
        .as_str()
        .unwrap()
        .starts_with(&desk.support.email));
    assert!(other["mailbox"]
        .as_str()
        .unwrap()
        .starts_with(&second.email));
    assert_eq!(
        other["category"], "network",
        "the mailbox's default category"
    );
    assert_ne!(first["category"], "network");

    let acks = env
        .wait_for_mails(&requester, "INBOX", 2, Duration::from_secs(30))
        .await;
    for raw in &acks {
        let from = crate::desk::header(raw, "From").unwrap_or_default();
        let subj = subject(raw);
        let want = if subj.ends_with("too") {
            &second.email
        } else {
            &desk.support.email
        };
        assert!(
            from.contains(want.as_str()),
            "ack {subj:?} From {from}, want {want}"
        );
    }

    // The daemon watches both mailboxes at once (IDLE on each).
    let mut daemon = desk.spawn_daemon();
    let (_, c) = sample_mail(&requester.email, &second.email, "WiFi gone", "No wireless.");
    env.append(&second, "INBOX", &c).await;
    let (_, d) = sample_mail(&requester.email, &desk.support.email, "Mouse", "Broken.");
    env.append(&desk.support, "INBOX", &d).await;
    desk.wait_tickets(Duration::from_secs(30), |t| t.len() == 4);
    desk.stop(&mut daemon);
}

/// Two daemons' auto-close sweeps at the same moment: the second waits for the first's
/// row locks and then finds nothing due, so a reminder or close is applied once.
#[tokio::test(flavor = "multi_thread")]
async fn concurrent_sweeps_on_postgres_see_each_due_ticket_once() {
    use supportbot::store::synthetic_history;
    let env = TestEnv::get();
    let url = env.pg_fresh_database().await;
    let store = Store::connect(&url, &StoreOptions::default())
        .await
        .unwrap();
    store.migrate().await.unwrap();
    let t0 = 1_780_000_000;
    store
        .insert_synthetic(&synthetic_history(5, t0, 3600, 3), 100)
        .await
        .unwrap();
    let mut tx = store.begin().await.unwrap();
    for n in 1..=5 {
        tx.set_workflow_due(n, Some(t0 + 10)).await.unwrap();
    }
    tx.commit().await.unwrap();

    let now = t0 + 100;
    let mut first = store.begin().await.unwrap();
    assert_eq!(first.due_workflow_tickets(now).await.unwrap().len(), 5);
    let other = store.clone();
    let second = tokio::spawn(async move {
        let mut tx = other.begin().await.unwrap();
        let due = tx.due_workflow_tickets(now).await.unwrap();
        tx.commit().await.unwrap();
        due.len()
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        !second.is_finished(),
        "the second sweep waits for the first"
    );
    // The first sweep applies the steps: the next due time moves on (here: none).
    for n in 1..=5 {
        first.set_workflow_due(n, None).await.unwrap();
    }
    first.commit().await.unwrap();
    assert_eq!(
        second.await.unwrap(),
        0,
        "nothing left due for the second sweep"
    );
    store.close().await;
}

/// Two daemons' SLA timers queue the same alert at the same moment: the second one's key
/// insert waits for the first transaction and then reports the key taken, so only one
/// daemon queues the mail (key and outbox row commit together).
#[tokio::test(flavor = "multi_thread")]
async fn concurrent_sla_alerts_on_postgres_are_queued_once() {
    use supportbot::store::synthetic_history;
    use supportbot::ticket::sla::AlertKey;
    let env = TestEnv::get();
    let url = env.pg_fresh_database().await;
    let store = Store::connect(&url, &StoreOptions::default())
        .await
        .unwrap();
    store.migrate().await.unwrap();
    let t0 = 1_780_000_000;
    store
        .insert_synthetic(&synthetic_history(1, t0, 3600, 5), 100)
        .await
        .unwrap();
    let key = AlertKey::RespondWarning;
    let mut first = store.begin().await.unwrap();
    assert!(first.insert_alert_key(1, &key, t0).await.unwrap());
    let other = store.clone();
    let second = tokio::spawn(async move {
        let mut tx = other.begin().await.unwrap();
        let won = tx
            .insert_alert_key(1, &AlertKey::RespondWarning, t0 + 1)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        won
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        !second.is_finished(),
        "the second insert waits for the first"
    );
    first.commit().await.unwrap();
    assert!(
        !second.await.unwrap(),
        "the second daemon must not queue the alert"
    );
    store.close().await;
}
