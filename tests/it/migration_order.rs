//! Upgrading a database that is already at main's schema without 0005 (0001..0004 and 0006
//! applied, as a desk deployed before change approval landed would be): the next `migrate`
//! applies 0005 out of order and the approvals store works, on SQLite and PostgreSQL; and
//! the SLA clock of a ticket awaiting approval pauses only with `pause_on_approval`.

use std::borrow::Cow;

use supportbot::store::{Store, StoreOptions};
use supportbot::ticket::approval::{approvers_for, parse_plan, Approval, ApprovalPolicy};
use supportbot::ticket::model::{Event, EventKind, Status};

/// `full` without migration 0005, the schema of a desk that ran main before this branch.
fn without_0005(full: &sqlx::migrate::Migrator) -> sqlx::migrate::Migrator {
    let mut m = sqlx::migrate::Migrator::DEFAULT;
    m.migrations = Cow::Owned(
        full.migrations
            .iter()
            .filter(|x| x.version != 5)
            .cloned()
            .collect(),
    );
    m
}

async fn upgrade_story(store: Store) {
    // 0005 arrives later: exactly one migration is applied, and the table it adds is usable.
    assert_eq!(store.migrate().await.unwrap(), 1, "only 0005 is pending");
    assert_eq!(
        store.migrate().await.unwrap(),
        0,
        "second migrate is a no-op"
    );

    let policy = ApprovalPolicy::default();
    let plan = parse_plan("Replace the core switch\nrisk: high").unwrap();
    let approvers = approvers_for(
        plan.risk,
        "bob@example.test",
        &["sue@example.test".to_string()],
        "li@example.test",
        &policy,
    );
    let a = Approval::propose(1, plan, "bob@example.test", approvers, 1000);
    let mut tx = store.begin().await.unwrap();
    let n = tx.reserve_ticket_number().await.unwrap();
    tx.insert_ticket(&crate::store_contract::ticket(n))
        .await
        .unwrap();
    tx.save_approval(n, &a, &policy, 1000).await.unwrap();
    tx.commit().await.unwrap();
    let stored = store.ticket_approvals(n).await.unwrap();
    assert_eq!(stored, vec![a]);

    // The plan moved the ticket to `awaiting approval` at 1000: a pause only when configured.
    let mut tx = store.begin().await.unwrap();
    tx.insert_events(
        n,
        &[Event {
            at: 1000,
            actor: "bob@example.test".into(),
            kind: EventKind::StatusChanged,
            from_value: Some("new".into()),
            to_value: Some("awaiting approval".into()),
            detail: None,
            message_id: None,
        }],
    )
    .await
    .unwrap();
    let mut t = crate::store_contract::ticket(n);
    t.status = Status::AwaitingApproval;
    tx.update_ticket(&t).await.unwrap();
    tx.commit().await.unwrap();
    for (on, want) in [(false, vec![]), (true, vec![(1000, None)])] {
        let loaded = store.load_sla_tickets(on).await.unwrap();
        let t = loaded.iter().find(|t| t.number == n).expect("still timed");
        assert_eq!(t.clock.pauses, want, "pause_on_approval = {on}");
    }
}

/// A store at `url` migrated to main's schema (0005 left out).
async fn at_mains_schema(url: &str) -> Store {
    let store = Store::connect(url, &StoreOptions::default()).await.unwrap();
    match &store {
        Store::Sqlite(pool) => without_0005(&sqlx::migrate!("src/store/migrations/sqlite"))
            .run(pool)
            .await
            .unwrap(),
        Store::Postgres(pool) => without_0005(&sqlx::migrate!("src/store/migrations/postgres"))
            .run(pool)
            .await
            .unwrap(),
    }
    store
}

#[tokio::test]
async fn sqlite_at_mains_schema_takes_0005_late() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/old.db", dir.path().display());
    upgrade_story(at_mains_schema(&url).await).await;
}

#[tokio::test]
async fn postgres_at_mains_schema_takes_0005_late() {
    let url = crate::env::TestEnv::get().pg_fresh_database().await;
    upgrade_story(at_mains_schema(&url).await).await;
}
