//! The reliability rules of the shell on real databases (SQLite, and PostgreSQL when
//! `SUPPORTBOT_TEST_PG_URL` is set): the loop budget spares a shared account but stops a
//! repeating auto-responder, and outbox claims live exactly as long as their heartbeat.

use super::story_tests::{backends, drain, feed, raw, setup};
use crate::store::Store;
use crate::ticket::model::Timestamp;

const NOW: Timestamp = 1_790_000_000;

fn request(from: &str, n: usize, subject: &str, body: &str) -> Vec<u8> {
    raw(
        &[
            ("From", from),
            ("To", "support@example.test"),
            ("Subject", subject),
            ("Message-ID", &format!("<r{n}@client.example>")),
        ],
        body,
    )
}

async fn mails_to(store: &Store, now: Timestamp, to: &str) -> (usize, usize) {
    let rows = drain(store, now).await;
    let to_peer = rows
        .iter()
        .filter(|r| r.env_to.iter().any(|t| t == to))
        .count();
    let alerts = rows
        .iter()
        .filter(|r| r.env_to.iter().any(|t| t == "admin@example.test"))
        .count();
    (to_peer, alerts)
}

#[tokio::test]
async fn fifty_distinct_requests_from_one_shared_account_all_get_their_acknowledgement() {
    let dir = tempfile::tempdir().unwrap();
    for url in backends(dir.path()).await {
        let (store, p) = setup(dir.path(), &url).await;
        let shared = "it-team@client.example";
        // 50 requests in ten minutes, one every 12 s, each about something else.
        for i in 0..50 {
            let body = format!(
                "Laptop of colleague {} will not boot after the update; asset tag {}.\nPlease have a look {}.",
                ["Ann", "Ben", "Cho", "Dev", "Eli"][i % 5],
                1000 + i,
                ["today", "this week", "when possible", "before Monday", "soon"][i / 10]
            );
            // Distinct text: vary words, not only digits (digits are ignored).
            let body = format!("{body}\n{}", "request ".repeat(i + 1));
            let now = NOW + i64::try_from(i).unwrap() * 12;
            feed(
                &store,
                &p,
                u32::try_from(i + 1).unwrap(),
                request(shared, i, &format!("Laptop {i}"), &body),
                now,
            )
            .await;
        }
        let (acks, alerts) = mails_to(&store, NOW + 600, shared).await;
        assert_eq!(acks, 50, "{url}: every distinct request acknowledged");
        assert_eq!(alerts, 0, "{url}");
        store.close().await;
    }
}

#[tokio::test]
async fn an_auto_responder_repeating_itself_is_stopped_within_the_budget_and_alerted_once() {
    let dir = tempfile::tempdir().unwrap();
    for url in backends(dir.path()).await {
        let (store, mut p) = setup(dir.path(), &url).await;
        p.loop_alert_to = vec!["admin@example.test".into()];
        assert_eq!(p.policy.loop_budget, 10, "the default budget");
        let peer = "robot@facilities.example";
        feed(
            &store,
            &p,
            1,
            request(
                peer,
                0,
                "Printer on floor 2",
                "The printer on floor 2 jams.",
            ),
            NOW,
        )
        .await;
        let mut sent_to_peer = mails_to(&store, NOW, peer).await.0;
        let mut alerts = 0;
        // The robot answers each of our mails with the same text, no RFC 3834 headers and
        // no references: it looks like a new human request every time.
        for i in 1..40 {
            let now = NOW + i64::try_from(i).unwrap() * 5;
            let text = format!("Thank you for contacting Acme Facilities (case {i}). We will get back to you shortly.");
            feed(
                &store,
                &p,
                u32::try_from(i + 1).unwrap(),
                request(peer, i, &format!("Case {i} received"), &text),
                now,
            )
            .await;
            let (n, a) = mails_to(&store, now, peer).await;
            sent_to_peer += n;
            alerts += a;
        }
        assert!(
            sent_to_peer <= 10,
            "{url}: {sent_to_peer} mails to the robot"
        );
        assert!(
            sent_to_peer >= 2,
            "{url}: the first request and the first repeat are answered"
        );
        assert_eq!(alerts, 1, "{url}: the administrators are told once");
        store.close().await;
    }
}

#[tokio::test]
async fn a_claim_lives_while_its_heartbeat_does_and_is_taken_over_after_the_lease() {
    let dir = tempfile::tempdir().unwrap();
    for url in backends(dir.path()).await {
        let (store, p) = setup(dir.path(), &url).await;
        for i in 0..3 {
            let body = format!(
                "Request number {} about {}",
                i,
                ["vpn", "printer", "mail"][i]
            );
            feed(
                &store,
                &p,
                u32::try_from(i + 1).unwrap(),
                request(&format!("u{i}@client.example"), i, "Help", &body),
                NOW,
            )
            .await;
        }
        let lease = 15;
        let claimed = store
            .claim_outbox_as(NOW, lease, 100, "alive")
            .await
            .unwrap();
        assert_eq!(claimed.len(), 3, "{url}");
        // Another sender sees them held until the lease runs out.
        assert_eq!(
            store.claims_held_by_others("other", NOW + 1).await.unwrap(),
            Some(NOW + lease),
            "{url}"
        );
        assert!(store
            .claim_outbox_as(NOW + 1, lease, 100, "other")
            .await
            .unwrap()
            .is_empty());
        // The owner's heartbeat keeps them.
        assert_eq!(
            store
                .renew_claims("alive", NOW + 10, NOW + 10 + lease)
                .await
                .unwrap(),
            3
        );
        assert!(store
            .claim_outbox_as(NOW + lease + 1, lease, 100, "other")
            .await
            .unwrap()
            .is_empty());
        assert_eq!(
            store
                .claims_held_by_others("alive", NOW + 11)
                .await
                .unwrap(),
            None,
            "{url}: its own claims do not make a sender wait"
        );
        // The owner dies: no heartbeat; a run-out claim is not revived by a late one.
        let late = NOW + 10 + lease + 1;
        assert_eq!(
            store
                .renew_claims("alive", late, late + lease)
                .await
                .unwrap(),
            0
        );
        let taken = store
            .claim_outbox_as(late, lease, 100, "other")
            .await
            .unwrap();
        assert_eq!(taken.len(), 3, "{url}: taken over after one lease");
        // A retry releases the claim; the old owner's heartbeat cannot catch it again.
        store.mark_retry(taken[0].id, "451", late).await.unwrap();
        assert_eq!(
            store
                .renew_claims("other", late, late + lease)
                .await
                .unwrap(),
            2
        );
        store.close().await;
    }
}
