//! OAuth2 login against a real Dovecot with its OAuth2 passdb (the OAuth2-only instance
//! of tests/env), tokens from the local token endpoint (oauth2_server.rs): XOAUTH2 and
//! OAUTHBEARER login, refresh before expiry, refresh once when the server refuses the
//! token, a rotated refresh token saved back (0600), and the revoked-token warning mailed
//! once through the outbox while the inbox keeps retrying. SMTP: AUTH XOAUTH2 and
//! OAUTHBEARER at Dovecot's submission service (same token check), which relays to the
//! test Postfix, so the mail really arrives.

use crate::env::TestEnv;
use crate::oauth2_server::{Idp, OAuth2Env};
use std::time::{Duration, Instant};
use supportbot::config::{AuthMethod, OAuth2, Security};
use supportbot::mail::imap::{ImapError, ImapSettings, Inbox};
use supportbot::mail::oauth2::{OAuthLogin, TokenSource};

struct Account {
    env: &'static TestEnv,
    user: crate::env::TestUser,
    idp: Idp,
    dir: tempfile::TempDir,
    token_file: std::path::PathBuf,
}

fn account(prefix: &str) -> Account {
    let env = TestEnv::get();
    let user = env.new_user(prefix);
    let idp = Idp::start();
    let dir = tempfile::tempdir().unwrap();
    let token_file = dir.path().join("refresh-token");
    std::fs::write(&token_file, idp.add_account(&user.email)).unwrap();
    Account {
        env,
        user,
        idp,
        dir,
        token_file,
    }
}

impl Account {
    fn oauth2_table(&self) -> OAuth2 {
        OAuth2 {
            token_url: Some(self.idp.token_url.clone()),
            client_id: "supportbot-test".into(),
            refresh_token_file: Some(self.token_file.clone()),
            scopes: Some(vec!["imap".into()]),
            ..Default::default()
        }
    }
    fn settings(&self, mechanism: AuthMethod, tokens: &TokenSource) -> ImapSettings {
        let o = OAuth2Env::get();
        ImapSettings {
            host: self.env.host.clone(),
            port: o.imap_port,
            security: Security::Starttls,
            username: self.user.email.clone(),
            password: Default::default(),
            ca_file: Some(self.env.cert_file.clone()),
            // Refused tokens make Dovecot's auth penalty delay logins by up to ~15 s.
            timeout: Duration::from_secs(40),
            oauth2: Some(OAuthLogin {
                mechanism,
                tokens: tokens.clone(),
            }),
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn xoauth2_and_oauthbearer_log_in_and_a_rotated_token_is_saved() {
    let a = account("oauth-login");
    a.idp.set_rotate(true);
    let first = std::fs::read_to_string(&a.token_file).unwrap();
    let tokens = TokenSource::new(a.oauth2_table().effective());
    for mech in [AuthMethod::Xoauth2, AuthMethod::Oauthbearer] {
        let mut inbox = Inbox::connect(&a.settings(mech, &tokens))
            .await
            .unwrap_or_else(|e| panic!("{mech:?} login: {e}"));
        assert_eq!(inbox.select("INBOX").await.unwrap().exists, 0);
        inbox.logout().await;
    }
    // One refresh served both logins (the token was still fresh the second time).
    assert_eq!(a.idp.requests(), 1);
    let saved = std::fs::read_to_string(&a.token_file).unwrap();
    assert_ne!(
        saved.trim(),
        first.trim(),
        "the rotated refresh token is saved"
    );
    use std::os::unix::fs::PermissionsExt as _;
    let mode = std::fs::metadata(&a.token_file)
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600);
    // A token for another user does not open this mailbox.
    let other = account("oauth-other");
    let wrong = TokenSource::new(other.oauth2_table().effective());
    let err = Inbox::connect(&a.settings(AuthMethod::Xoauth2, &wrong))
        .await
        .unwrap_err();
    assert!(matches!(err, ImapError::Auth(_)), "{err}");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_token_is_refreshed_before_it_expires() {
    let a = account("oauth-expiry");
    // `now` is a parameter: ask as if 60 s and 62 s had passed. A 122 s token is
    // renewed once less than half its life is left (a one-hour token: two minutes).
    a.idp.set_lifetime(122);
    let tokens = TokenSource::new(a.oauth2_table().effective());
    let s = a.settings(AuthMethod::Xoauth2, &tokens);
    let t0 = supportbot::clock::now();
    Inbox::connect(&s).await.unwrap().logout().await;
    assert_eq!(a.idp.requests(), 1);
    Inbox::connect(&s).await.unwrap().logout().await;
    assert_eq!(a.idp.requests(), 1, "a fresh token is reused");
    tokens.access_token(t0 + 60).await.unwrap();
    assert_eq!(a.idp.requests(), 1, "not due yet");
    tokens.access_token(t0 + 62).await.unwrap();
    assert_eq!(a.idp.requests(), 2, "renewed before it expired");
    // The renewed token logs in without another request.
    Inbox::connect(&s).await.unwrap().logout().await;
    assert_eq!(a.idp.requests(), 2);
    assert_eq!(tokens.status().refreshes, 2);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refused_token_is_refreshed_once_and_the_login_succeeds() {
    let a = account("oauth-refused");
    // The endpoint says "valid for an hour" but hands out a token Dovecot refuses.
    a.idp.issue_bad(1);
    let tokens = TokenSource::new(a.oauth2_table().effective());
    let mut inbox = Inbox::connect(&a.settings(AuthMethod::Oauthbearer, &tokens))
        .await
        .unwrap_or_else(|e| panic!("login after one refusal: {e}"));
    inbox.select("INBOX").await.unwrap();
    inbox.logout().await;
    assert_eq!(a.idp.requests(), 2, "exactly one extra refresh");
    // Two refusals in a row: an auth error, no third request.
    a.idp.issue_bad(2);
    let fresh = TokenSource::new(a.oauth2_table().effective());
    let err = Inbox::connect(&a.settings(AuthMethod::Xoauth2, &fresh))
        .await
        .unwrap_err();
    assert!(matches!(err, ImapError::Auth(_)), "{err}");
    assert_eq!(a.idp.requests(), 4);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_revoked_token_is_mailed_to_the_supervisors_once_and_the_bot_keeps_trying() {
    let a = account("oauth-revoked");
    let env = a.env;
    let boss = env.new_user("oauth-boss");
    let o = OAuth2Env::get();
    a.idp.revoke_all();
    let db = format!("sqlite://{}/db.sqlite", a.dir.path().display());
    let text = format!(
        r#"[mailbox]
host = "{host}"
port = {port}
security = "none"
username = "{user}"
address = "{user}"
auth = "xoauth2"
poll_interval = "1s"

[workflow]
secret = "0123456789abcdef0123"

[mailbox.oauth2]
token_url = "{token_url}"
client_id = "supportbot-test"
refresh_token_file = "{file}"
scopes = ["imap"]

[smtp]
host = "{host}"
port = {smtp}
security = "none"

[database]
url = "{db}"

[[engineers]]
name = "Boss"
email = "{boss}"
categories = []
supervisor = true
"#,
        host = env.host,
        port = o.imap_port,
        user = a.user.email,
        token_url = a.idp.token_url,
        file = a.token_file.display(),
        smtp = env.smtp_port,
        boss = boss.email,
    );
    let cfg =
        supportbot::config::Config::from_toml(&text, std::path::Path::new("t.toml"), a.dir.path())
            .unwrap_or_else(|e| panic!("{e}"));
    let store = supportbot::store::Store::connect(&cfg.database_url(), &Default::default())
        .await
        .unwrap();
    store.migrate().await.unwrap();
    let pipeline = supportbot::worker::pipeline::Pipeline::from_config(&cfg).unwrap();
    let obs = supportbot::ops::Observer::new();
    let cancel = tokio_util::sync::CancellationToken::new();
    let wake = tokio::sync::Notify::new();
    let timer_wake = tokio::sync::Notify::new();
    let run = {
        let (store, cancel, obs, cfg) = (store.clone(), cancel.clone(), obs.clone(), cfg.clone());
        tokio::spawn(async move {
            supportbot::worker::inbox::run(store, &pipeline, &cfg, &wake, &timer_wake, cancel, &obs)
                .await
        })
    };
    // The warning is queued once, and the inbox keeps retrying (reconnects counted).
    let started = Instant::now();
    loop {
        let reconnects: u64 = obs
            .metrics
            .encode()
            .lines()
            .filter(|l| l.starts_with("supportbot_imap_reconnects_total"))
            .filter_map(|l| l.rsplit(' ').next()?.parse::<u64>().ok())
            .sum();
        if reconnects >= 2 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "no retries seen"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    cancel.cancel();
    run.await.unwrap();
    let counts = store.outbox_counts().await.unwrap();
    assert_eq!(
        counts,
        vec![("queued".to_string(), 1)],
        "one warning, queued once"
    );
    assert!(obs
        .metrics
        .encode()
        .contains("supportbot_oauth2_warnings_total 1"));
    let facts = obs.facts(&store, supportbot::clock::now(), 900).await;
    let h = supportbot::ops::health::evaluate(&facts);
    assert!(
        h.unhealthy.iter().any(|n| n.starts_with("mailbox ")),
        "{h:?}"
    );
    assert!(
        h.unhealthy.iter().any(|n| n.starts_with("oauth2 ")),
        "{h:?}"
    );
    // Delivered, it tells the supervisor what to do.
    let sender = supportbot::worker::outbox::Sender::from_config(&cfg);
    supportbot::worker::outbox::deliver_due(&store, &sender)
        .await
        .unwrap();
    let mails = env
        .wait_for_mails(&boss, "INBOX", 1, Duration::from_secs(15))
        .await;
    let text = String::from_utf8_lossy(&mails[0]);
    assert!(text.contains("supportbot oauth2 login"), "{text}");
    assert!(text.contains("invalid_grant"), "{text}");
    assert!(text.contains("Auto-Submitted: auto-generated"), "{text}");
}

#[tokio::test(flavor = "multi_thread")]
async fn smtp_sends_with_xoauth2_and_oauthbearer_and_refreshes_a_refused_token() {
    use supportbot::mail::smtp::{SmtpClient, SmtpSettings};
    let a = account("oauth-smtp");
    let rcpt = a.env.new_user("oauth-smtp-rcpt");
    let o = OAuth2Env::get();
    a.idp.issue_bad(1);
    let tokens = TokenSource::new(a.oauth2_table().effective());
    for (i, mech) in [AuthMethod::Xoauth2, AuthMethod::Oauthbearer]
        .into_iter()
        .enumerate()
    {
        let s = SmtpSettings {
            host: a.env.host.clone(),
            port: o.submission_port,
            security: Security::None,
            username: Some(a.user.email.clone()),
            password: Default::default(),
            ca_file: None,
            timeout: Duration::from_secs(40),
            hello_name: "tests.example.test".into(),
            oauth2: Some(OAuthLogin {
                mechanism: mech,
                tokens: tokens.clone(),
            }),
        };
        let mut c = SmtpClient::connect(&s)
            .await
            .unwrap_or_else(|e| panic!("{mech:?}: {e}"));
        let (_, raw) =
            crate::env::sample_mail(&a.user.email, &rcpt.email, &format!("oauth {i}"), "hello");
        c.send_raw(&a.user.email, &rcpt.rcpt(), &raw).await.unwrap();
        c.quit().await;
    }
    // The first token was refused once and refreshed; the second login reused it.
    assert_eq!(a.idp.requests(), 2);
    let mails = a
        .env
        .wait_for_mails(&rcpt, "INBOX", 2, Duration::from_secs(20))
        .await;
    assert_eq!(mails.len(), 2);
}
