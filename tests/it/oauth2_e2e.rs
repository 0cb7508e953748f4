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

/// A config whose [mailbox.oauth2] points at `idp`, with the refresh token file not
/// written yet (that is what `oauth2 login` is for).
fn login_config(a: &Account) -> std::path::PathBuf {
    let o = OAuth2Env::get();
    let _ = std::fs::remove_file(&a.token_file);
    let cfg = a.dir.path().join("supportbot.toml");
    let base = a.idp.base_url();
    std::fs::write(
        &cfg,
        format!(
            r#"[mailbox]
host = "{host}"
port = {port}
security = "none"
username = "{user}"
address = "{user}"
auth = "oauthbearer"

[mailbox.oauth2]
token_url = "{base}/token"
device_url = "{base}/device"
auth_url = "{base}/authorize"
client_id = "supportbot-test"
refresh_token_file = "refresh-token"
scopes = ["imap", "offline_access"]

[smtp]
host = "{host}"
"#,
            host = a.env.host,
            port = o.imap_port,
            user = a.user.email,
        ),
    )
    .unwrap();
    cfg
}

/// After `oauth2 login`, the stored refresh token really opens the mailbox.
async fn assert_token_file_logs_in(a: &Account) {
    use std::os::unix::fs::PermissionsExt as _;
    let mode = std::fs::metadata(&a.token_file)
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600);
    let tokens = TokenSource::new(a.oauth2_table().effective());
    let mut inbox = Inbox::connect(&a.settings(AuthMethod::Oauthbearer, &tokens))
        .await
        .unwrap_or_else(|e| panic!("login with the stored token: {e}"));
    inbox.select("INBOX").await.unwrap();
    inbox.logout().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn oauth2_login_device_flow_stores_a_working_refresh_token() {
    let a = account("oauth-device");
    let cfg = login_config(&a);
    // check-config names the missing token file and says what to run.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_supportbot"))
        .arg("--config")
        .arg(&cfg)
        .arg("check-config")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(78));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("refresh_token_file") && err.contains("oauth2 login"),
        "{err}"
    );

    a.idp.device_login_as(&a.user.email, 1);
    let out = tokio::task::spawn_blocking(move || {
        std::process::Command::new(env!("CARGO_BIN_EXE_supportbot"))
            .arg("--config")
            .arg(&cfg)
            .args(["oauth2", "login", "--flow", "device"])
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("WDJB-MJHT") && stdout.contains("http://127.0.0.1/device"),
        "{stdout}"
    );
    assert_token_file_logs_in(&a).await;
}

/// Start `oauth2 login --flow browser` and return it with the printed authorization URL's
/// query. Its stdout is drained to the end (a closed pipe would fail its last message).
async fn browser_login(
    cfg: &std::path::Path,
    base: String,
) -> (
    std::process::Child,
    std::collections::HashMap<String, String>,
) {
    use std::io::BufRead as _;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_supportbot"))
        .arg("--config")
        .arg(cfg)
        .args(["oauth2", "login", "--flow", "browser"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            if line.starts_with(&format!("{base}/authorize?")) {
                let _ = tx.send(line);
            }
        }
    });
    let url = tokio::task::spawn_blocking(move || rx.recv_timeout(Duration::from_secs(20)))
        .await
        .unwrap()
        .expect("the authorization URL is printed");
    let q = reqwest::Url::parse(&url)
        .unwrap()
        .query_pairs()
        .into_owned()
        .collect();
    (child, q)
}

#[tokio::test(flavor = "multi_thread")]
async fn oauth2_login_browser_flow_checks_state_and_pkce() {
    let a = account("oauth-browser");
    let cfg = login_config(&a);
    let (mut child, q) = browser_login(&cfg, a.idp.base_url()).await;
    assert_eq!(q["code_challenge_method"], "S256");
    assert_eq!(q["access_type"], "offline");
    // Play the browser: the provider redirects back with a code, but the wrong state.
    a.idp
        .expect_code("code-1", &a.user.email, &q["code_challenge"]);
    let forged = format!("{}?code=code-1&state=wrong", q["redirect_uri"]);
    let _ = reqwest::get(&forged).await;
    let status = tokio::task::spawn_blocking(move || child.wait().unwrap())
        .await
        .unwrap();
    assert!(
        !status.success(),
        "a redirect with the wrong state is refused"
    );
    assert!(!a.token_file.exists());

    // Again, with the right state.
    let (mut child, q) = browser_login(&cfg, a.idp.base_url()).await;
    a.idp
        .expect_code("code-2", &a.user.email, &q["code_challenge"]);
    let back = format!("{}?code=code-2&state={}", q["redirect_uri"], q["state"]);
    let page = reqwest::get(&back).await.unwrap().text().await.unwrap();
    assert!(page.contains("sign-in received"), "{page}");
    let status = tokio::task::spawn_blocking(move || child.wait().unwrap())
        .await
        .unwrap();
    assert!(status.success());
    assert_token_file_logs_in(&a).await;
}
