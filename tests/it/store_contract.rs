//! The store contract: one story (open → follow-up → outbox → claim → dedup) run against
//! SQLite in a temp dir and against the real PostgreSQL started by tests/env.

use supportbot::mail::render::RenderedMail;
use supportbot::store::{NewMessage, Store, StoreOptions};
use supportbot::ticket::model::{
    Awaiting, Category, Event, EventKind, Language, Priority, Status, Ticket,
};

pub(crate) fn ticket(number: i64) -> Ticket {
    Ticket {
        number,
        status: Status::New,
        category: Category::Network,
        priority: Priority::P2,
        language: Language::Zh,
        requester: "li@example.test".into(),
        requester_name: Some("李雷".into()),
        subject: "VPN 断了 '; DROP TABLE tickets; --".into(),
        reasons: vec!["network: \"VPN\"".into()],
        mailbox: "INBOX".into(),
        created_at: 1000,
        updated_at: 1000,
        respond_by: 2800,
        resolve_by: 15400,
        first_response_at: None,
        resolved_at: None,
        closed_at: None,
        assignee: None,
        rating: None,
        root_message_id: "orig@client".into(),
        cc: vec!["boss@example.test".into()],
        reopen_count: 0,
        solution: None,
        awaiting: Awaiting::Nothing,
        last_public_update_at: None,
        previous_ticket: None,
        reminded_at: None,
    }
}

fn rendered(id: &str, to: &str) -> RenderedMail {
    RenderedMail {
        message_id: id.into(),
        env_from: String::new(),
        env_to: vec![to.into()],
        bytes: format!("Message-ID: <{id}>\r\n\r\nhello\r\n").into_bytes(),
    }
}

async fn story(store: Store) {
    store.migrate().await.unwrap();
    assert_eq!(
        store.migrate().await.unwrap(),
        0,
        "second migrate is a no-op"
    );

    let mut tx = store.begin().await.unwrap();
    let n = tx.reserve_ticket_number().await.unwrap();
    let t = ticket(n);
    tx.insert_ticket(&t).await.unwrap();
    let raw = tx.insert_raw("abc", b"raw bytes", 1000).await.unwrap();
    let row = tx
        .insert_message(&NewMessage {
            ticket: n,
            direction: "in",
            visibility: "public",
            message_id: "orig@client",
            sender: "li@example.test",
            subject: &t.subject,
            body: "VPN 断了",
            raw_id: Some(raw),
            at: 1000,
        })
        .await
        .unwrap();
    tx.insert_attachment(n, row, "log.txt", "text/plain", 9, "deadbeef")
        .await
        .unwrap();
    tx.insert_events(
        n,
        &[Event {
            at: 1000,
            actor: "li@example.test".into(),
            kind: EventKind::Created,
            from_value: None,
            to_value: Some("network P2".into()),
            detail: None,
            message_id: Some("orig@client".into()),
        }],
    )
    .await
    .unwrap();
    assert!(tx
        .insert_outbox(
            Some(n),
            "ack",
            &rendered("sb.1.ack.x@example.test", "li@example.test"),
            1000
        )
        .await
        .unwrap());
    assert!(
        !tx.insert_outbox(
            Some(n),
            "ack",
            &rendered("sb.1.ack.x@example.test", "li@example.test"),
            1000
        )
        .await
        .unwrap(),
        "same Message-ID is queued once"
    );
    tx.insert_processed(
        "INBOX",
        7,
        Some(1),
        "orig@client",
        "ticket",
        None,
        Some(n),
        Some(raw),
        1000,
    )
    .await
    .unwrap();
    tx.set_mailbox_state("INBOX", 7, 1).await.unwrap();
    tx.commit().await.unwrap();

    // Dedup keys hold.
    let mut tx = store.begin().await.unwrap();
    let seen = tx
        .processed_among(&["orig@client".into(), "other@client".into()])
        .await
        .unwrap();
    assert!(
        seen.contains("orig@client") && !seen.contains("other@client"),
        "{seen:?}"
    );
    let dup = tx
        .insert_processed(
            "INBOX",
            7,
            Some(1),
            "other@client",
            "ticket",
            None,
            None,
            None,
            1000,
        )
        .await;
    assert!(
        matches!(dup, Err(supportbot::store::StoreError::Conflict(_))),
        "{dup:?}"
    );
    tx.rollback().await.unwrap();

    // Threading: a reply naming our ack or the original finds the ticket.
    let mut tx = store.begin().await.unwrap();
    let found = tx
        .find_ticket(&["sb.1.ack.x@example.test".into()], None, None)
        .await
        .unwrap();
    assert_eq!(found.map(|t| t.number), Some(n));
    let found = tx
        .find_ticket(&["orig@client".into()], None, None)
        .await
        .unwrap();
    assert_eq!(found.map(|t| t.number), Some(n));
    assert!(tx
        .find_ticket(&["nope@x".into()], None, None)
        .await
        .unwrap()
        .is_none());
    assert_eq!(
        tx.sent_counts(&["LI@example.test".into()], 0)
            .await
            .unwrap()
            .get("li@example.test"),
        Some(&1)
    );
    assert_eq!(tx.mailbox_state("INBOX").await.unwrap(), Some((7, 1)));
    // A second mail for the same ticket, queued after the first.
    tx.insert_outbox(
        Some(n),
        "update",
        &rendered("sb.1.update.y@example.test", "li@example.test"),
        1001,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();

    // Round trip with SQL metacharacters stored verbatim.
    let back = store.load_ticket(n).await.unwrap().unwrap();
    assert_eq!(back, t);
    let list = store.list_tickets(10).await.unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].messages, 1);
    assert_eq!(
        store.load_attachments(n).await.unwrap()[0].filename,
        "log.txt"
    );
    assert_eq!(store.load_events(n).await.unwrap()[0].kind, "created");

    // Outbox: only the oldest mail of a ticket is claimable; a lease hides claimed rows.
    let claimed = store.claim_outbox(2000, 300, 10).await.unwrap();
    assert_eq!(claimed.len(), 1);
    assert_eq!(claimed[0].message_id, "sb.1.ack.x@example.test");
    assert!(
        store.claim_outbox(2000, 300, 10).await.unwrap().is_empty(),
        "leased and head-of-line blocked"
    );
    // After the lease runs out a crashed sender's row is claimable again.
    let again = store.claim_outbox(2400, 300, 10).await.unwrap();
    assert_eq!(again.len(), 1);
    store
        .mark_retry(again[0].id, "451 try later", 2500)
        .await
        .unwrap();
    assert!(store.claim_outbox(2450, 300, 10).await.unwrap().is_empty());
    let third = store.claim_outbox(2500, 300, 10).await.unwrap();
    assert_eq!(third[0].attempts, 1);
    store.mark_sent(&[third[0].id], 2501).await.unwrap();
    let next = store.claim_outbox(2502, 300, 10).await.unwrap();
    assert_eq!(next[0].message_id, "sb.1.update.y@example.test");
    store
        .mark_failed(next[0].id, "550 no such user")
        .await
        .unwrap();
    let counts = store.outbox_counts().await.unwrap();
    assert_eq!(counts, vec![("failed".into(), 1), ("sent".into(), 1)]);
    store.close().await;
}

#[tokio::test]
async fn store_contract_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/sub/dir/t.db", dir.path().display());
    let store = Store::connect(&url, &StoreOptions::default())
        .await
        .unwrap();
    story(store).await;
}

#[tokio::test]
async fn store_contract_on_postgres() {
    let env = crate::env::TestEnv::get();
    let url = env.pg_fresh_database().await;
    let store = Store::connect(&url, &StoreOptions::default())
        .await
        .unwrap();
    assert_eq!(store.backend(), "postgres");
    story(store).await;
}
