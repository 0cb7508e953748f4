//! The IMAP edge against the real Dovecot of tests/env: security modes, login errors,
//! UID search/fetch round trips, flags, moves and IDLE.

use crate::env::{contains, sample_mail, TestEnv};
use std::time::{Duration, Instant};
use supportbot::config::{Secret, Security};
use supportbot::mail::imap::{IdleOutcome, ImapError, Inbox};
use tokio_util::sync::CancellationToken;

#[tokio::test]
async fn connects_with_every_security_mode() {
    let env = TestEnv::get();
    let user = env.new_user("imap-sec");
    for security in [Security::None, Security::Starttls, Security::Tls] {
        let mut inbox = Inbox::connect(&env.imap_settings(&user, security))
            .await
            .unwrap_or_else(|e| panic!("{security:?}: {e}"));
        assert!(inbox.supports_idle(), "{security:?}");
        assert!(inbox.supports_move(), "{security:?}");
        inbox.select("INBOX").await.unwrap();
        inbox.logout().await;
    }
}

#[tokio::test]
async fn wrong_password_is_an_auth_error() {
    let env = TestEnv::get();
    let user = env.new_user("imap-auth");
    let mut s = env.imap_settings(&user, Security::Starttls);
    s.password = Secret::new("not-the-password");
    let err = Inbox::connect(&s).await.unwrap_err();
    assert!(matches!(err, ImapError::Auth(_)), "{err}");
    assert!(!err.is_transient());
    assert!(!err.to_string().contains("not-the-password"), "{err}");
}

#[tokio::test]
async fn untrusted_certificate_is_a_tls_error() {
    let env = TestEnv::get();
    let user = env.new_user("imap-tls");
    let mut s = env.imap_settings(&user, Security::Tls);
    s.ca_file = None;
    let err = Inbox::connect(&s).await.unwrap_err();
    assert!(matches!(err, ImapError::Tls(_)), "{err}");
    assert!(!err.is_transient());
}

#[tokio::test]
async fn closed_port_is_a_transient_connect_error() {
    let env = TestEnv::get();
    let user = env.new_user("imap-closed");
    let mut s = env.imap_settings(&user, Security::None);
    s.port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let started = Instant::now();
    let err = Inbox::connect(&s).await.unwrap_err();
    assert!(matches!(err, ImapError::Connect(_)), "{err}");
    assert!(err.is_transient());
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[tokio::test]
async fn select_reports_a_stable_uidvalidity() {
    let env = TestEnv::get();
    let user = env.new_user("imap-select");
    let mut inbox = env.inbox(&user).await;
    let first = inbox.select("INBOX").await.unwrap();
    assert!(first.uidvalidity > 0);
    assert_eq!(first.exists, 0);
    inbox
        .append(
            "INBOX",
            &sample_mail("a@example.test", &user.email, "x", "y").1,
        )
        .await
        .unwrap();
    let again = inbox.select("INBOX").await.unwrap();
    assert_eq!(again.uidvalidity, first.uidvalidity);
    assert_eq!(again.exists, 1);
    assert!(again.uidnext.unwrap() > first.uidnext.unwrap());
    let err = inbox.select("No/Such/Folder").await.unwrap_err();
    assert!(matches!(err, ImapError::Protocol(_)), "{err}");
    inbox.logout().await;
}

#[tokio::test]
async fn append_search_fetch_round_trip_keeps_bytes() {
    let env = TestEnv::get();
    let user = env.new_user("imap-rt");
    let mut inbox = env.inbox(&user).await;
    let mails: Vec<Vec<u8>> = [
        "plain ascii",
        "中文正文：打印机坏了\n第二行",
        ".leading dot\n..two dots",
    ]
    .iter()
    .map(|body| sample_mail("req@example.test", &user.email, "round trip", body).1)
    .collect();
    for m in &mails {
        inbox.append("INBOX", m).await.unwrap();
    }
    inbox.select("INBOX").await.unwrap();
    let uids = inbox.search_uids_from(1).await.unwrap();
    assert_eq!(uids.len(), 3);
    let fetched = inbox.fetch_raw(&uids).await.unwrap();
    assert_eq!(
        fetched.iter().map(|(u, _)| *u).collect::<Vec<_>>(),
        uids,
        "sorted by uid"
    );
    for ((_, got), want) in fetched.iter().zip(&mails) {
        assert_eq!(got, want);
    }
    // "last+1:*" still matches the last UID on the server; the edge filters it out.
    let last = *uids.last().unwrap();
    assert_eq!(
        inbox.search_uids_from(last + 1).await.unwrap(),
        Vec::<u32>::new()
    );
    assert_eq!(inbox.search_uids_from(last).await.unwrap(), vec![last]);
    // Unknown UIDs are simply absent.
    let some = inbox.fetch_raw(&[last, last + 50]).await.unwrap();
    assert_eq!(some.len(), 1);
    assert!(inbox.fetch_raw(&[]).await.unwrap().is_empty());
    inbox.logout().await;
}

#[tokio::test]
async fn fetch_does_not_mark_seen_but_mark_seen_does() {
    let env = TestEnv::get();
    let user = env.new_user("imap-seen");
    let mut inbox = env.inbox(&user).await;
    for i in 0..4 {
        let raw = sample_mail("req@example.test", &user.email, &format!("m{i}"), "b").1;
        inbox.append("INBOX", &raw).await.unwrap();
    }
    inbox.select("INBOX").await.unwrap();
    let uids = inbox.search_uids_from(1).await.unwrap();
    inbox.fetch_raw(&uids).await.unwrap();

    let mut raw = env.raw_imap(&user).await;
    raw.select("INBOX").await.unwrap();
    assert!(raw.uid_search("SEEN").await.unwrap().is_empty());

    let marked = [uids[0], uids[1], uids[3]];
    inbox.mark_seen(&marked).await.unwrap();
    inbox.mark_seen(&[]).await.unwrap();
    // The other session sees flag changes only after a sync point (NOOP).
    raw.noop().await.unwrap();
    let mut seen: Vec<u32> = raw.uid_search("SEEN").await.unwrap().into_iter().collect();
    seen.sort_unstable();
    assert_eq!(seen, marked);
    raw.logout().await.unwrap();
    inbox.logout().await;
}

#[tokio::test]
async fn move_to_creates_the_folder_and_moves_only_the_given_uids() {
    let env = TestEnv::get();
    let user = env.new_user("imap-move");
    let mut inbox = env.inbox(&user).await;
    let mut ids = Vec::new();
    for i in 0..3 {
        let (id, raw) = sample_mail("req@example.test", &user.email, &format!("m{i}"), "b");
        inbox.append("INBOX", &raw).await.unwrap();
        ids.push(id);
    }
    inbox.select("INBOX").await.unwrap();
    let uids = inbox.search_uids_from(1).await.unwrap();
    inbox.move_to(&[uids[0]], "Quarantine").await.unwrap();
    // Second move to the now existing folder.
    inbox.move_to(&[uids[2]], "Quarantine").await.unwrap();
    inbox.move_to(&[], "Quarantine").await.unwrap();
    assert_eq!(inbox.search_uids_from(1).await.unwrap(), vec![uids[1]]);
    inbox.logout().await;

    let moved = env.fetch_all(&user, "Quarantine").await;
    assert_eq!(moved.len(), 2);
    assert!(contains(&moved[0], &ids[0]));
    assert!(contains(&moved[1], &ids[2]));
    let left = env.fetch_all(&user, "INBOX").await;
    assert_eq!(left.len(), 1);
    assert!(contains(&left[0], &ids[1]));
}

#[tokio::test]
async fn move_without_the_move_extension_copies_and_expunges_only_those_uids() {
    let env = TestEnv::get();
    let user = env.new_user("imap-nomove");
    let mut s = env.imap_settings(&user, Security::None);
    s.host = env.imap_minimal_host.clone();
    let mut inbox = Inbox::connect(&s).await.unwrap();
    assert!(!inbox.supports_move());
    assert!(!inbox.supports_idle());
    let mut ids = Vec::new();
    for i in 0..3 {
        let (id, raw) = sample_mail("req@example.test", &user.email, &format!("m{i}"), "b");
        inbox.append("INBOX", &raw).await.unwrap();
        ids.push(id);
    }
    inbox.select("INBOX").await.unwrap();
    let uids = inbox.search_uids_from(1).await.unwrap();
    inbox
        .move_to(&[uids[0], uids[2]], "Spam/Old")
        .await
        .unwrap();
    assert_eq!(inbox.search_uids_from(1).await.unwrap(), vec![uids[1]]);
    inbox.logout().await;
    let moved = env.fetch_all(&user, "Spam/Old").await;
    assert_eq!(moved.len(), 2);
    assert!(contains(&moved[0], &ids[0]) && contains(&moved[1], &ids[2]));
}

#[tokio::test]
async fn idle_wakes_soon_after_an_append_from_another_connection() {
    let env = TestEnv::get();
    let user = env.new_user("imap-idle");
    let mut inbox = env.inbox(&user).await;
    inbox.select("INBOX").await.unwrap();
    let cancel = CancellationToken::new();
    let idle = tokio::spawn({
        let cancel = cancel.clone();
        async move { inbox.idle(Duration::from_secs(30), &cancel).await }
    });
    let raw = sample_mail("req@example.test", &user.email, "wake up", "b").1;
    env.append(&user, "INBOX", &raw).await;
    let appended = Instant::now();
    let (mut inbox, outcome) = tokio::time::timeout(Duration::from_secs(10), idle)
        .await
        .expect("IDLE did not wake within 10 s")
        .unwrap()
        .unwrap();
    let waited = appended.elapsed();
    println!("IDLE woke {waited:?} after the append");
    assert_eq!(outcome, IdleOutcome::NewData);
    assert!(waited < Duration::from_secs(3), "{waited:?}");
    // The connection is usable again after DONE.
    assert_eq!(inbox.search_uids_from(1).await.unwrap().len(), 1);
    inbox.logout().await;
}

#[tokio::test]
async fn idle_returns_cancelled_promptly_and_the_inbox_still_works() {
    let env = TestEnv::get();
    let user = env.new_user("imap-cancel");
    let mut inbox = env.inbox(&user).await;
    inbox.select("INBOX").await.unwrap();
    let cancel = CancellationToken::new();
    let idle = tokio::spawn({
        let cancel = cancel.clone();
        async move { inbox.idle(Duration::from_secs(60), &cancel).await }
    });
    // The stimulus under test: a shutdown request while IDLE is in progress.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let cancelled_at = Instant::now();
    cancel.cancel();
    let (mut inbox, outcome) = tokio::time::timeout(Duration::from_secs(5), idle)
        .await
        .expect("IDLE ignored the cancellation")
        .unwrap()
        .unwrap();
    assert_eq!(outcome, IdleOutcome::Cancelled);
    assert!(
        cancelled_at.elapsed() < Duration::from_secs(1),
        "{:?}",
        cancelled_at.elapsed()
    );
    assert!(inbox.search_uids_from(1).await.unwrap().is_empty());
    inbox.logout().await;
}

#[tokio::test]
async fn idle_times_out_when_nothing_happens() {
    let env = TestEnv::get();
    let user = env.new_user("imap-idle-to");
    let mut inbox = env.inbox(&user).await;
    inbox.select("INBOX").await.unwrap();
    let started = Instant::now();
    let (mut inbox, outcome) = inbox
        .idle(Duration::from_millis(800), &CancellationToken::new())
        .await
        .unwrap();
    assert_eq!(outcome, IdleOutcome::Timeout);
    assert!(started.elapsed() < Duration::from_secs(3));
    inbox.select("INBOX").await.unwrap();
    inbox.logout().await;
}

#[tokio::test]
async fn idle_reports_a_server_disconnect_as_closed() {
    let env = TestEnv::get();
    let user = env.new_user("imap-kick");
    let mut inbox = env.inbox(&user).await;
    inbox.select("INBOX").await.unwrap();
    let idle = tokio::spawn(async move {
        inbox
            .idle(Duration::from_secs(30), &CancellationToken::new())
            .await
    });
    // The stimulus: once IDLE is in place, Dovecot's admin kick says BYE and closes, as
    // a server restart would.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let out = std::process::Command::new("doveadm")
        .arg("-c")
        .arg(env.base.join("dovecot/dovecot.conf"))
        .args(["kick", &user.email])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = tokio::time::timeout(Duration::from_secs(5), idle)
        .await
        .expect("IDLE did not notice the disconnect")
        .unwrap()
        .unwrap_err();
    assert!(matches!(err, ImapError::Closed), "{err}");
    assert!(err.is_transient());
}

#[tokio::test]
async fn unicode_folder_names_work_and_are_stored_as_modified_utf7() {
    use futures::TryStreamExt;
    let env = TestEnv::get();
    let user = env.new_user("imap-utf7");
    let folder = "工单/隔离 & spam";
    let (id, raw) = sample_mail("req@example.test", &user.email, "utf7", "b");
    env.append(&user, folder, &raw).await;
    let got = env.fetch_all(&user, folder).await;
    assert_eq!(got.len(), 1);
    assert!(contains(&got[0], &id));
    let mut session = env.raw_imap(&user).await;
    let names: Vec<String> = session
        .list(None, Some("*"))
        .await
        .unwrap()
        .map_ok(|n| n.name().to_string())
        .try_collect()
        .await
        .unwrap();
    let wire = supportbot::mail::imap::mailbox_name(folder);
    assert!(names.contains(&wire), "{wire} not in {names:?}");
    session.logout().await.unwrap();
}
