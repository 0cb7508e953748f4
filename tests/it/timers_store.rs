//! SLA timer and report SQL against SQLite in a tempdir (no server): alert keys are
//! inserted once, open tickets load with their pauses and sent keys, `report_facts`
//! agrees with the generated history, and the report path is timed on 10,000 tickets.

// Test helpers outside #[test] fns: a failing setup should fail the test loudly.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::time::Instant;
use supportbot::report::{self, TicketFacts};
use supportbot::store::{synthetic_history, Store, StoreOptions};
use supportbot::ticket::calendar::Calendar;
use supportbot::ticket::model::{Priority, Status};
use supportbot::ticket::sla::{AlertKey, SlaPolicy};

const T0: i64 = 1_790_000_000;

async fn store(dir: &tempfile::TempDir) -> Store {
    let url = format!("sqlite://{}", dir.path().join("sb.db").display());
    let store = Store::connect(&url, &StoreOptions::default())
        .await
        .unwrap();
    store.migrate().await.unwrap();
    store
}

/// A fresh PostgreSQL database on the shared test server (`tests/env`), migrated.
async fn pg_store() -> Store {
    let url = crate::env::TestEnv::get().pg_fresh_database().await;
    let store = Store::connect(&url, &StoreOptions::default())
        .await
        .unwrap();
    store.migrate().await.unwrap();
    store
}

/// One test per backend for each story: SQLite in a tempdir, PostgreSQL from tests/env.
macro_rules! on_both {
    ($sqlite:ident, $postgres:ident, $story:ident) => {
        #[tokio::test]
        async fn $sqlite() {
            let dir = tempfile::tempdir().unwrap();
            $story(&store(&dir).await).await;
        }

        #[tokio::test]
        async fn $postgres() {
            $story(&pg_store().await).await;
        }
    };
}

on_both!(
    alert_keys_are_inserted_once_on_sqlite,
    alert_keys_are_inserted_once_on_postgres,
    alert_keys_story
);
on_both!(
    open_tickets_load_with_pauses_and_sent_keys_on_sqlite,
    open_tickets_load_with_pauses_and_sent_keys_on_postgres,
    open_tickets_story
);
on_both!(
    report_facts_match_the_history_on_sqlite,
    report_facts_match_the_history_on_postgres,
    report_facts_story
);
on_both!(
    report_on_10k_tickets_is_timed_on_sqlite,
    report_on_10k_tickets_is_timed_on_postgres,
    timed_report
);

async fn alert_keys_story(store: &Store) {
    let history = synthetic_history(3, T0, 3600, 1);
    store.insert_synthetic(&history, 100).await.unwrap();
    let key = AlertKey::ResolveBreach(1);
    let mut tx = store.begin().await.unwrap();
    assert!(tx.insert_alert_key(1, &key, T0).await.unwrap());
    assert!(!tx.insert_alert_key(1, &key, T0 + 5).await.unwrap());
    assert!(tx.insert_alert_key(2, &key, T0).await.unwrap());
    tx.commit().await.unwrap();
    // A second transaction (a restarted daemon) sees the stored key.
    let mut tx = store.begin().await.unwrap();
    assert!(!tx.insert_alert_key(1, &key, T0 + 60).await.unwrap());
    assert!(tx.insert_digest_period("2026-W48", T0).await.unwrap());
    assert!(!tx.insert_digest_period("2026-W48", T0).await.unwrap());
    tx.set_timer("sla", Some(T0 + 900), T0).await.unwrap();
    tx.set_timer("sla", Some(T0 + 600), T0).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(store.load_timer("sla").await.unwrap(), Some(T0 + 600));
    assert!(store.digest_sent("2026-W48").await.unwrap());
    assert!(!store.digest_sent("2026-W49").await.unwrap());
}

async fn open_tickets_story(store: &Store) {
    let history = synthetic_history(400, T0, 86_400, 3);
    store.insert_synthetic(&history, 64).await.unwrap();
    let mut tx = store.begin().await.unwrap();
    let open: Vec<_> = history
        .iter()
        .filter(|t| matches!(t.status, Status::New | Status::Open | Status::Waiting))
        .collect();
    let first = open.first().unwrap();
    tx.insert_alert_key(first.number, &AlertKey::RespondWarning, T0)
        .await
        .unwrap();
    tx.commit().await.unwrap();

    let loaded = store.load_sla_tickets(false).await.unwrap();
    assert_eq!(loaded.len(), open.len());
    for (l, h) in loaded.iter().zip(&open) {
        assert_eq!(l.number, h.number);
        assert_eq!(l.clock.priority, h.priority);
        assert_eq!(l.clock.created_at, h.created_at);
        assert_eq!(l.clock.first_response_at, h.first_response_at);
        let waits = h.events.iter().filter(|e| e.3 == Some("waiting")).count();
        assert_eq!(l.clock.pauses.len(), waits, "ticket {}", h.number);
    }
    assert_eq!(loaded.first().unwrap().sent, vec![AlertKey::RespondWarning]);
}

/// The facts the report should see, worked out from the generated history directly.
fn expected(h: &supportbot::store::SyntheticTicket) -> (u32, u32, bool) {
    let reopens = h
        .events
        .iter()
        .filter(|e| e.1 == "status" && e.2 == Some("resolved") && e.3 == Some("open"))
        .count();
    let replies = h
        .events
        .iter()
        .filter(|e| e.1 == "public_reply" && h.resolved_at.is_none_or(|r| e.0 <= r))
        .count();
    (reopens as u32, replies as u32, h.survey_sent)
}

async fn report_facts_story(store: &Store) {
    let span = 30 * 86_400;
    let history = synthetic_history(2_000, T0, span, 11);
    store.insert_synthetic(&history, 250).await.unwrap();
    let facts = store
        .report_facts(
            T0,
            T0 + span,
            &SlaPolicy::default(),
            &Calendar::always(),
            false,
        )
        .await
        .unwrap();
    assert_eq!(facts.len(), history.len());
    for (f, h) in facts.iter().zip(&history) {
        let (reopens, replies, survey) = expected(h);
        assert_eq!(f.number, h.number as u64);
        assert_eq!(f.priority, h.priority);
        assert_eq!(f.category, h.category);
        assert_eq!(f.assignee, h.assignee);
        assert_eq!(f.resolved_at, h.resolved_at);
        assert_eq!(f.reopen_count, reopens, "ticket {}", h.number);
        assert_eq!(f.engineer_public_replies_before_resolve, replies);
        assert_eq!(f.survey_sent, survey);
        assert_eq!(f.respond_by, Some(h.respond_by));
        let paused: i64 = h
            .events
            .windows(2)
            .filter(|w| w[0].3 == Some("waiting"))
            .map(|w| w[1].0 - w[0].0)
            .sum();
        if h.resolved_at.is_some() || paused == 0 {
            assert_eq!(
                f.resolve_by,
                Some(h.resolve_by + paused),
                "ticket {}",
                h.number
            );
        }
    }
    // A later window only sees tickets that still matter to it.
    let later = store
        .report_facts(
            T0 + 60 * 86_400,
            T0 + 61 * 86_400,
            &SlaPolicy::default(),
            &Calendar::always(),
            false,
        )
        .await
        .unwrap();
    assert!(later.len() < history.len());
    assert!(later
        .iter()
        .all(|f| f.resolved_at.is_none() || f.closed_at.is_none()));
    let r = report::build_report(&facts, T0, T0 + span);
    assert_eq!(r.overall.opened, history.len() as u64);
    let p1 = history
        .iter()
        .filter(|t| t.priority == Priority::P1)
        .count();
    assert_eq!(r.by_priority[0].stats.opened, p1 as u64);
}

/// The issue asks for the report on 100,000 tickets in under 2 s (release build): the
/// benchmark measures that. This checks the path at 10,000 tickets (cheap enough for CI on
/// a debug build), prints the timings and asserts only the result's size.
/// `SUPPORTBOT_REPORT_TICKETS` changes the count.
async fn timed_report(store: &Store) {
    let n: usize = std::env::var("SUPPORTBOT_REPORT_TICKETS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let span = 365 * 86_400;
    let history = synthetic_history(n, T0, span, 42);
    let started = Instant::now();
    store.insert_synthetic(&history, 500).await.unwrap();
    let inserted = started.elapsed();
    let started = Instant::now();
    let facts: Vec<TicketFacts> = store
        .report_facts(
            T0,
            T0 + span,
            &SlaPolicy::default(),
            &Calendar::always(),
            false,
        )
        .await
        .unwrap();
    let loaded = started.elapsed();
    let started = Instant::now();
    let r = report::build_report(&facts, T0, T0 + span);
    let built = started.elapsed();
    let started = Instant::now();
    let html = report::render_html(&r);
    let rendered = started.elapsed();
    eprintln!(
        "report on {n} tickets ({}, {} build): insert {inserted:.2?}, report_facts {loaded:.2?}, \
         build_report {built:.2?}, render_html {rendered:.2?} ({} bytes)",
        store.backend(),
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        },
        html.len()
    );
    assert_eq!(facts.len(), n);
    assert_eq!(r.overall.opened, n as u64);
}

const CONFIG: &str = r#"
[mailbox]
host = "127.0.0.1"
username = "support@example.test"
password = "x"
address = "support@example.test"
[smtp]
host = "127.0.0.1"
[sla]
escalate_to = ["boss@example.test"]
"#;

const P1_MAIL: &str = "From: Li Lei <li@example.test>\r\n\
To: support@example.test\r\n\
Subject: Production database down, whole office cannot work\r\n\
Message-ID: <p1@client.test>\r\n\
Date: Mon, 30 Nov 2026 08:00:00 +0800\r\n\
Content-Type: text/plain; charset=utf-8\r\n\
\r\n\
The production database is down, nobody in the office can work. Urgent!\r\n";

/// The shape of the lead's end-to-end test without servers: a ticket gets its 75 %
/// reminder and its breach escalation exactly once each, across ticks and a "restart"
/// (a new store connection and a new `Timers`).
#[tokio::test]
async fn tick_queues_each_notice_once_across_restarts() {
    use supportbot::config::Config;
    use supportbot::worker::pipeline::{self, Pipeline, RawMail, Source};
    use supportbot::worker::timers::{self, Timers};

    let dir = tempfile::tempdir().unwrap();
    let cfg = Config::from_toml(CONFIG, std::path::Path::new("x.toml"), dir.path()).unwrap();
    let pipe = Pipeline::from_config(&cfg).unwrap();
    let store = store(&dir).await;
    let source = Source {
        mailbox: "pipe",
        uidvalidity: 0,
    };
    let mail = RawMail {
        uid: None,
        bytes: P1_MAIL.as_bytes().to_vec(),
    };
    pipeline::process_batch(&store, &pipe, &source, &[mail], T0)
        .await
        .unwrap();
    let ticket = store.load_ticket(1).await.unwrap().unwrap();
    let target = SlaPolicy::from_config(&cfg.sla).target(ticket.priority);
    let warn_at = T0 + (target.respond as f64 * 0.75).round() as i64;
    let breach_at = T0 + target.respond;

    let timers = Timers::from_config(&cfg).unwrap();
    let first = timers::tick(&store, &timers, T0 + 1).await.unwrap();
    assert!(first.sent.is_empty());
    assert_eq!(first.next_wakeup, Some(warn_at));

    let warned = timers::tick(&store, &timers, warn_at).await.unwrap();
    let keys: Vec<String> = warned.sent.iter().map(|s| s.key.to_string()).collect();
    assert_eq!(keys, vec!["respond-warning"]);
    assert_eq!(warned.sent[0].to, vec!["boss@example.test".to_string()]);
    assert_eq!(warned.next_wakeup, Some(breach_at));
    let again = timers::tick(&store, &timers, warn_at + 30).await.unwrap();
    assert!(again.sent.is_empty());

    // Restart: new connection, new timer state; only the stored keys remember.
    store.close().await;
    let store = self::store(&dir).await;
    let timers = Timers::from_config(&cfg).unwrap();
    let breached = timers::tick(&store, &timers, breach_at + 5).await.unwrap();
    let keys: Vec<String> = breached.sent.iter().map(|s| s.key.to_string()).collect();
    assert_eq!(keys, vec!["respond-breach#1"]);
    let mut last = None;
    for t in [breach_at + 6, breach_at + 600] {
        let r = timers::tick(&store, &timers, t).await.unwrap();
        assert!(
            r.sent
                .iter()
                .all(|s| !s.key.to_string().starts_with("respond")),
            "{:?}",
            r.sent
        );
        last = r.next_wakeup;
    }
    let counts = store.outbox_counts().await.unwrap();
    let queued: i64 = counts.iter().map(|(_, n)| n).sum();
    // The acknowledgement, the reminder and the escalation.
    assert_eq!(queued, 3, "{counts:?}");
    // The stored wake-up is the last tick's, for `tick` output and monitoring.
    assert_eq!(store.load_timer("sla").await.unwrap(), last);
    assert!(last.is_some_and(|t| t > breach_at + 600));
    let events = store.load_events(1).await.unwrap();
    assert_eq!(events.iter().filter(|e| e.kind == "reminder").count(), 1);
    assert_eq!(events.iter().filter(|e| e.kind == "escalated").count(), 1);
}
