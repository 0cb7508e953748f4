//! The SMTP edge against the real Postfix of tests/env: delivery read back over IMAP,
//! throughput on one connection (proves TCP_NODELAY), and how each kind of refusal is
//! classified.
//!
//! Postfix behaviour documented by these tests (config: tests/env/templates/main.cf.in):
//! - another domain (`x@elsewhere.invalid`): 550 5.1.1 at RCPT, because the only route
//!   there is `default_transport = error:` → Permanent, nothing is queued;
//! - an unknown user of example.test: accepted (250), then Dovecot's LMTP answers 550 and
//!   Postfix bounces: a DSN "Undelivered Mail Returned to Sender" lands in the sender's
//!   mailbox within about a second;
//! - `reject-*@…` → 550 (Permanent), `tempfail-*@…` → 451 (Transient), at RCPT.

use crate::env::{contains, sample_mail, TestEnv};
use std::time::{Duration, Instant};
use supportbot::config::Security;
use supportbot::mail::smtp::{SendFailure, SmtpClient};

const WAIT: Duration = Duration::from_secs(20);

#[tokio::test]
async fn sent_mail_arrives_in_the_mailbox_byte_for_byte() {
    let env = TestEnv::get();
    let user = env.new_user("smtp-rt");
    let mut client = SmtpClient::connect(&env.smtp_settings(Security::None))
        .await
        .unwrap();
    let (id, raw) = sample_mail(
        "desk@example.test",
        &user.email,
        "Re: [#42] 打印机",
        "您好，工单已收到。\n.a line starting with a dot",
    );
    client
        .send_raw("desk@example.test", &user.rcpt(), &raw)
        .await
        .unwrap();
    assert!(!client.is_broken());
    client.quit().await;
    let mails = env.wait_for_mails(&user, "INBOX", 1, WAIT).await;
    assert!(contains(&mails[0], &id));
    // Postfix prepends Return-Path/Delivered-To/Received; our bytes follow intact.
    assert!(mails[0].ends_with(&raw), "body changed in transit");
}

#[tokio::test]
async fn starttls_and_implicit_tls_deliver() {
    let env = TestEnv::get();
    let user = env.new_user("smtp-tls");
    let mut ids = Vec::new();
    for security in [Security::Starttls, Security::Tls] {
        let mut client = SmtpClient::connect(&env.smtp_settings(security))
            .await
            .unwrap_or_else(|e| panic!("{security:?}: {e}"));
        let (id, raw) = sample_mail("desk@example.test", &user.email, "tls", "b");
        client
            .send_raw("desk@example.test", &user.rcpt(), &raw)
            .await
            .unwrap();
        client.quit().await;
        ids.push(id);
    }
    let mails = env.wait_for_mails(&user, "INBOX", 2, WAIT).await;
    for id in &ids {
        assert!(mails.iter().any(|m| contains(m, id)), "{id} missing");
    }
}

#[tokio::test]
async fn starttls_required_but_not_offered_fails() {
    let env = TestEnv::get();
    let mut s = env.smtp_settings(Security::Starttls);
    s.port = env.smtp_plain_port;
    let err = SmtpClient::connect(&s).await.unwrap_err();
    assert!(
        matches!(&err, SendFailure::Transient(m) if m.contains("STARTTLS")),
        "{err}"
    );
}

#[tokio::test]
async fn untrusted_certificate_fails_the_connection() {
    let env = TestEnv::get();
    for security in [Security::Starttls, Security::Tls] {
        let mut s = env.smtp_settings(security);
        s.ca_file = None;
        let err = SmtpClient::connect(&s).await.unwrap_err();
        assert!(
            matches!(err, SendFailure::Transient(_)),
            "{security:?}: {err}"
        );
    }
}

#[tokio::test]
async fn two_hundred_mails_on_one_connection_are_fast() {
    let env = TestEnv::get();
    let user = env.new_user("smtp-rate");
    let mut client = SmtpClient::connect(&env.smtp_settings(Security::None))
        .await
        .unwrap();
    let mails: Vec<Vec<u8>> = (0..200)
        .map(|i| sample_mail("desk@example.test", &user.email, &format!("n{i}"), "b").1)
        .collect();
    let to = [user.email.clone()];
    let started = Instant::now();
    for raw in &mails {
        client
            .send_raw("desk@example.test", &to, raw)
            .await
            .unwrap();
    }
    let elapsed = started.elapsed();
    client.quit().await;
    let rate = 200.0 / elapsed.as_secs_f64();
    println!("SMTP: 200 mails on one connection in {elapsed:?} = {rate:.0} mails/s");
    // Without TCP_NODELAY a connection manages ~22/s (Nagle against delayed ACK); the
    // bound sits well above that and well below what a loaded debug build does.
    assert!(rate > 60.0, "{rate:.0} mails/s: is TCP_NODELAY set?");
    let got = env
        .wait_for_mails(&user, "INBOX", 200, Duration::from_secs(60))
        .await;
    assert_eq!(got.len(), 200);
}

#[tokio::test]
async fn one_connection_to_a_sink_sends_hundreds_per_second() {
    let env = TestEnv::get();
    let mut s = env.smtp_settings(Security::None);
    s.port = env.sink_port;
    let mut client = SmtpClient::connect(&s).await.unwrap();
    let raw = sample_mail("desk@example.test", "x@example.test", "sink", "b").1;
    let to = ["x@example.test".to_string()];
    let n = 1000;
    let started = Instant::now();
    for _ in 0..n {
        client
            .send_raw("desk@example.test", &to, &raw)
            .await
            .unwrap();
    }
    let elapsed = started.elapsed();
    client.quit().await;
    let rate = f64::from(n) / elapsed.as_secs_f64();
    println!("SMTP sink: {n} mails on one connection in {elapsed:?} = {rate:.0} mails/s");
    // Nagle against the server's delayed ACK caps a connection at ~22 mails/s.
    assert!(rate > 60.0, "{rate:.0} mails/s: is TCP_NODELAY set?");
}

#[tokio::test]
async fn other_domains_are_refused_permanently_and_the_connection_survives() {
    let env = TestEnv::get();
    let user = env.new_user("smtp-domain");
    let mut client = SmtpClient::connect(&env.smtp_settings(Security::None))
        .await
        .unwrap();
    let (_, raw) = sample_mail("desk@example.test", "x@elsewhere.invalid", "out", "b");
    let err = client
        .send_raw("desk@example.test", &["x@elsewhere.invalid".into()], &raw)
        .await
        .unwrap_err();
    match &err {
        SendFailure::Permanent(m) => {
            assert!(m.contains("550"), "{m}");
            assert!(
                m.contains("delivers only to example.test"),
                "server text kept: {m}"
            );
        }
        other => panic!("expected Permanent, got {other}"),
    }
    assert!(!client.is_broken());
    let (id, raw) = sample_mail("desk@example.test", &user.email, "after", "b");
    client
        .send_raw("desk@example.test", &user.rcpt(), &raw)
        .await
        .unwrap();
    client.quit().await;
    let mails = env.wait_for_mails(&user, "INBOX", 1, WAIT).await;
    assert!(contains(&mails[0], &id));
}

#[tokio::test]
async fn rejected_and_tempfailed_recipients_are_classified() {
    let env = TestEnv::get();
    let mut client = SmtpClient::connect(&env.smtp_settings(Security::None))
        .await
        .unwrap();
    let raw = sample_mail("desk@example.test", "someone@example.test", "s", "b").1;
    let cases = [
        ("reject-me@example.test", true),
        ("tempfail-me@example.test", false),
    ];
    for (rcpt, permanent) in cases {
        let err = client
            .send_raw("desk@example.test", &[rcpt.to_string()], &raw)
            .await
            .unwrap_err();
        assert_eq!(
            matches!(err, SendFailure::Permanent(_)),
            permanent,
            "{rcpt}: {err}"
        );
        assert!(err.to_string().contains("on purpose"), "{err}");
        assert!(!client.is_broken(), "{rcpt}");
    }
    client.quit().await;
}

#[tokio::test]
async fn one_refused_recipient_stops_the_whole_mail() {
    let env = TestEnv::get();
    let user = env.new_user("smtp-all");
    let mut client = SmtpClient::connect(&env.smtp_settings(Security::None))
        .await
        .unwrap();
    let (first, raw) = sample_mail("desk@example.test", &user.email, "first", "b");
    let err = client
        .send_raw(
            "desk@example.test",
            &[user.email.clone(), "reject-x@example.test".into()],
            &raw,
        )
        .await
        .unwrap_err();
    assert!(matches!(err, SendFailure::Permanent(_)), "{err}");
    let (second, raw) = sample_mail("desk@example.test", &user.email, "second", "b");
    client
        .send_raw("desk@example.test", &user.rcpt(), &raw)
        .await
        .unwrap();
    client.quit().await;
    // The refused transaction was reset before DATA, so it was never queued: the only
    // mail that arrives is the second.
    let mails = env.wait_for_mails(&user, "INBOX", 1, WAIT).await;
    assert_eq!(mails.len(), 1);
    assert!(contains(&mails[0], &second));
    assert!(!contains(&mails[0], &first));
}

#[tokio::test]
async fn unknown_local_user_is_accepted_then_bounced_to_the_sender() {
    let env = TestEnv::get();
    let sender = env.new_user("smtp-bounce");
    let ghost = format!("ghost-{}", sender.email);
    let (id, raw) = sample_mail(&sender.email, &ghost, "to nobody", "b");
    env.smtp_send(&sender.email, std::slice::from_ref(&ghost), &raw)
        .await
        .unwrap();
    let dsn = env.wait_for_mails(&sender, "INBOX", 1, WAIT).await;
    assert!(contains(&dsn[0], "Undelivered Mail Returned to Sender"));
    assert!(contains(&dsn[0], &id), "the DSN quotes our Message-ID");
}

#[tokio::test]
async fn invalid_addresses_are_permanent_without_touching_the_server() {
    let env = TestEnv::get();
    let mut client = SmtpClient::connect(&env.smtp_settings(Security::None))
        .await
        .unwrap();
    let raw = b"Subject: x\r\n\r\nb\r\n";
    for (from, to) in [
        ("not an address", vec!["a@example.test".to_string()]),
        ("desk@example.test", vec!["no-at-sign".to_string()]),
        ("desk@example.test", vec![]),
    ] {
        let err = client.send_raw(from, &to, raw).await.unwrap_err();
        assert!(
            matches!(err, SendFailure::Permanent(_)),
            "{from} {to:?}: {err}"
        );
        assert!(!client.is_broken());
    }
    client.quit().await;
}

#[tokio::test]
async fn closed_port_is_transient_quickly() {
    let env = TestEnv::get();
    let mut s = env.smtp_settings(Security::None);
    s.port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let started = Instant::now();
    let err = SmtpClient::connect(&s).await.unwrap_err();
    assert!(matches!(err, SendFailure::Transient(_)), "{err}");
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[tokio::test]
async fn submission_with_auth_delivers() {
    let env = TestEnv::get();
    let desk = env.new_user("smtp-sub");
    let requester = env.new_user("smtp-sub-req");
    let mut client = SmtpClient::connect(&env.submission_settings(&desk))
        .await
        .unwrap();
    let (id, raw) = sample_mail(&desk.email, &requester.email, "via submission", "b");
    client
        .send_raw(&desk.email, &requester.rcpt(), &raw)
        .await
        .unwrap();
    client.quit().await;
    let mails = env.wait_for_mails(&requester, "INBOX", 1, WAIT).await;
    assert!(contains(&mails[0], &id));
}

#[tokio::test]
async fn submission_with_a_wrong_password_fails_at_connect() {
    let env = TestEnv::get();
    let desk = env.new_user("smtp-sub-bad");
    let mut s = env.submission_settings(&desk);
    s.password = supportbot::config::Secret::new("wrong-secret");
    let err = SmtpClient::connect(&s).await.unwrap_err();
    match &err {
        SendFailure::Transient(m) => {
            assert!(m.contains("535"), "{m}");
            assert!(!m.contains("wrong-secret"), "password leaked: {m}");
        }
        other => panic!("expected Transient, got {other}"),
    }
}

#[tokio::test]
async fn submission_without_auth_is_refused_per_recipient() {
    // What a desk configured without credentials sees on a provider that needs them.
    let env = TestEnv::get();
    let mut s = env.smtp_settings(Security::Starttls);
    s.port = env.submission_port;
    let mut client = SmtpClient::connect(&s).await.unwrap();
    let raw = sample_mail("desk@example.test", "someone@example.test", "s", "b").1;
    let err = client
        .send_raw("desk@example.test", &["someone@example.test".into()], &raw)
        .await
        .unwrap_err();
    assert!(
        matches!(&err, SendFailure::Permanent(m) if m.contains("554")),
        "{err}"
    );
    client.quit().await;
}
