//! Test-environment harness: real Dovecot, Postfix and PostgreSQL started by
//! `tests/env/up.sh`, shared by every test in this binary. Each test takes its own mail
//! user ([`TestEnv::new_user`]) and its own database ([`TestEnv::pg_fresh_database`]), so
//! tests run in parallel without seeing each other. Helpers poll with a deadline and
//! never sleep blindly. This module must never touch servers it did not start: it only
//! talks to the ports in `BASE/env.json`.
//!
//! ```ignore
//! let env = TestEnv::get();                       // runs up.sh once per process
//! let alice = env.new_user("alice");              // alice-<pid>-<n>-<rand>@example.test
//! env.append(&alice, "INBOX", &raw).await;        // IMAP APPEND
//! env.smtp_send("bob@example.test", &[alice.email.clone()], &raw).await?; // via Postfix
//! let mails = env.wait_for_mails(&alice, "INBOX", 2, Duration::from_secs(10)).await;
//! let db_url = env.pg_fresh_database().await;     // postgres://…/t_<pid>_<n>_<rand>
//! ```
// Helpers for the lead's end-to-end modules too; a harness that fails loudly is the point.
#![allow(dead_code, clippy::panic, clippy::expect_used, clippy::unwrap_used)]

use serde::Deserialize;
use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};
use supportbot::config::{Secret, Security};
use supportbot::mail::imap::{ImapSettings, Inbox};
use supportbot::mail::smtp::{SendFailure, SmtpClient, SmtpSettings};

/// Ports and paths of the running environment, as written by up.sh to `BASE/env.json`.
#[derive(Debug, Clone, Deserialize)]
pub struct TestEnv {
    pub base: PathBuf,
    /// Always 127.0.0.1.
    pub host: String,
    /// The mail domain served: `example.test`.
    pub domain: String,
    /// IMAP, plain or STARTTLS.
    pub imap_port: u16,
    /// Same Dovecot and port, but announcing neither MOVE nor IDLE (`127.0.0.2`), for
    /// the fallback paths.
    pub imap_minimal_host: String,
    /// IMAP over implicit TLS.
    pub imaps_port: u16,
    /// SMTP offering STARTTLS (not required).
    pub smtp_port: u16,
    /// SMTP without STARTTLS.
    pub smtp_plain_port: u16,
    /// SMTP over implicit TLS.
    pub smtps_port: u16,
    /// SMTP submission: STARTTLS and AUTH as a test user required.
    pub submission_port: u16,
    pub pg_port: u16,
    /// Postfix's smtp-sink: 250 to everything, keeps nothing (send benchmarks).
    pub sink_port: u16,
    /// Superuser URL of the maintenance database (`…/postgres`).
    pub pg_url: String,
    /// The self-signed certificate of all TLS ports: pass as `ca_file`.
    pub cert_file: PathBuf,
    /// One passwd-file per user (written by adduser.sh).
    pub passwd_dir: PathBuf,
    adduser: PathBuf,
    pub log_dir: PathBuf,
}

/// A mail account in the test Dovecot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestUser {
    pub email: String,
    pub password: String,
}

impl TestUser {
    /// The envelope recipient list `[email]`, for `send_raw`/`smtp_send`.
    pub fn rcpt(&self) -> Vec<String> {
        vec![self.email.clone()]
    }
}

static ENV: OnceLock<Result<TestEnv, String>> = OnceLock::new();
static COUNTER: AtomicU64 = AtomicU64::new(0);

/// `<pid>-<n>-<random>`: unique across threads, processes and reruns (PIDs recycle and
/// users and mail outlive a test run).
fn unique_suffix() -> String {
    format!(
        "{}-{}-{:08x}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        rand::random::<u32>()
    )
}

impl TestEnv {
    /// The shared environment; the first call runs `tests/env/up.sh` (idempotent, and
    /// safe against other processes doing the same). Panics with up.sh's output when the
    /// servers cannot be started.
    pub fn get() -> &'static TestEnv {
        match ENV.get_or_init(start) {
            Ok(env) => env,
            Err(e) => panic!("test environment unavailable:\n{e}"),
        }
    }

    /// A fresh user `<prefix>-<pid>-<n>-<rand>@example.test` with a random password,
    /// usable at once for IMAP login and SMTP delivery.
    pub fn new_user(&self, prefix: &str) -> TestUser {
        let user = TestUser {
            email: format!("{prefix}-{}@{}", unique_suffix(), self.domain),
            password: format!("pw{:016x}", rand::random::<u64>()),
        };
        let out = Command::new(&self.adduser)
            .arg(&user.email)
            .arg(&user.password)
            .output()
            .expect("run adduser.sh");
        assert!(
            out.status.success(),
            "adduser.sh {} failed: {}",
            user.email,
            String::from_utf8_lossy(&out.stderr)
        );
        user
    }

    /// IMAP settings for `user` (port chosen by `security`, cert trusted, 10 s timeout).
    pub fn imap_settings(&self, user: &TestUser, security: Security) -> ImapSettings {
        ImapSettings {
            host: self.host.clone(),
            port: match security {
                Security::Tls => self.imaps_port,
                Security::None | Security::Starttls => self.imap_port,
            },
            security,
            username: user.email.clone(),
            password: Secret::new(user.password.clone()),
            ca_file: Some(self.cert_file.clone()),
            timeout: Duration::from_secs(10),
            oauth2: None,
        }
    }

    /// SMTP settings for Postfix (no AUTH needed from loopback; 10 s timeout).
    pub fn smtp_settings(&self, security: Security) -> SmtpSettings {
        SmtpSettings {
            host: self.host.clone(),
            port: match security {
                Security::Tls => self.smtps_port,
                Security::None | Security::Starttls => self.smtp_port,
            },
            security,
            username: None,
            password: Secret::default(),
            ca_file: Some(self.cert_file.clone()),
            timeout: Duration::from_secs(10),
            hello_name: "tests.example.test".into(),
            oauth2: None,
        }
    }

    /// Submission settings (STARTTLS, AUTH as `user`), like a real mail provider's.
    pub fn submission_settings(&self, user: &TestUser) -> SmtpSettings {
        SmtpSettings {
            port: self.submission_port,
            username: Some(user.email.clone()),
            password: Secret::new(user.password.clone()),
            ..self.smtp_settings(Security::Starttls)
        }
    }

    /// A minimal supportbot config (TOML) watching `support`'s INBOX over plain IMAP
    /// with IDLE, sending through Postfix, storing in `database_url` (a
    /// `sqlite://…` path or [`TestEnv::pg_fresh_database`]). Append more sections or
    /// keys as a test needs; parse with `Config::from_toml`.
    pub fn config_toml(&self, support: &TestUser, database_url: &str) -> String {
        format!(
            r#"[mailbox]
host = "{host}"
port = {imap_port}
security = "none"
username = "{user}"
password = "{password}"
address = "{user}"
ca_file = "{ca}"
poll_interval = "1s"

[smtp]
host = "{host}"
port = {smtp_port}
security = "none"
ca_file = "{ca}"
timeout = "10s"

[database]
url = "{database_url}"
"#,
            host = self.host,
            imap_port = self.imap_port,
            smtp_port = self.smtp_port,
            user = support.email,
            password = support.password,
            ca = self.cert_file.display(),
        )
    }

    /// A logged-in [`Inbox`] for `user` over plain IMAP.
    pub async fn inbox(&self, user: &TestUser) -> Inbox {
        Inbox::connect(&self.imap_settings(user, Security::None))
            .await
            .unwrap_or_else(|e| panic!("IMAP login as {}: {e}", user.email))
    }

    /// A raw async-imap session for assertions the edge does not offer (SEARCH SEEN, …).
    pub async fn raw_imap(&self, user: &TestUser) -> async_imap::Session<tokio::net::TcpStream> {
        let tcp = tokio::net::TcpStream::connect((self.host.as_str(), self.imap_port))
            .await
            .expect("connect IMAP");
        let mut client = async_imap::Client::new(tcp);
        client.read_response().await.expect("greeting");
        client
            .login(&user.email, &user.password)
            .await
            .map_err(|(e, _)| e)
            .expect("raw IMAP login")
    }

    /// APPEND `raw` to `folder` (created if missing) of `user`.
    pub async fn append(&self, user: &TestUser, folder: &str, raw: &[u8]) {
        let mut inbox = self.inbox(user).await;
        inbox.append(folder, raw).await.expect("IMAP APPEND");
        inbox.logout().await;
    }

    /// Every mail in `folder` of `user`, raw, in UID order (empty if the folder does not
    /// exist). Does not set `\Seen`.
    pub async fn fetch_all(&self, user: &TestUser, folder: &str) -> Vec<Vec<u8>> {
        let mut inbox = self.inbox(user).await;
        let mails = fetch_folder(&mut inbox, folder).await;
        inbox.logout().await;
        mails
    }

    /// Poll `folder` of `user` until it holds at least `n` mails and return them all (UID
    /// order). Panics after `deadline` with the count seen.
    pub async fn wait_for_mails(
        &self,
        user: &TestUser,
        folder: &str,
        n: usize,
        deadline: Duration,
    ) -> Vec<Vec<u8>> {
        let started = Instant::now();
        let mut inbox = self.inbox(user).await;
        loop {
            let mails = fetch_folder(&mut inbox, folder).await;
            if mails.len() >= n {
                inbox.logout().await;
                return mails;
            }
            assert!(
                started.elapsed() < deadline,
                "{} has {} mail(s) in {folder} after {deadline:?}, wanted {n} (see {})",
                user.email,
                mails.len(),
                self.log_dir.display()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Hand `raw` to Postfix (port `smtp_port`, no TLS) for delivery; `from` may be
    /// empty for the null sender. One connection per call.
    pub async fn smtp_send(
        &self,
        from: &str,
        to: &[String],
        raw: &[u8],
    ) -> Result<(), SendFailure> {
        let mut client = SmtpClient::connect(&self.smtp_settings(Security::None)).await?;
        let result = client.send_raw(from, to, raw).await;
        client.quit().await;
        result
    }

    /// CREATE DATABASE with a unique name; returns its URL (superuser, trust auth).
    pub async fn pg_fresh_database(&self) -> String {
        use sqlx::Connection;
        let name = format!("t_{}", unique_suffix().replace('-', "_"));
        let mut conn = sqlx::PgConnection::connect(&self.pg_url)
            .await
            .expect("connect to the test PostgreSQL");
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE \"{name}\"")))
            .execute(&mut conn)
            .await
            .expect("CREATE DATABASE");
        let _ = conn.close().await;
        let base = self
            .pg_url
            .rsplit_once('/')
            .map(|(b, _)| b)
            .unwrap_or(&self.pg_url);
        format!("{base}/{name}")
    }
}

/// A small RFC 5322 mail with CRLF line ends; returns (Message-ID without brackets, bytes).
pub fn sample_mail(from: &str, to: &str, subject: &str, body: &str) -> (String, Vec<u8>) {
    let id = format!("{}@tests.example.test", unique_suffix());
    let raw = format!(
        "From: {from}\r\nTo: {to}\r\nSubject: {subject}\r\nMessage-ID: <{id}>\r\n\
         Date: Sun, 29 Nov 2026 12:00:00 +0000\r\nMIME-Version: 1.0\r\n\
         Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n\
         {}\r\n",
        body.replace('\n', "\r\n").replace("\r\r\n", "\r\n")
    );
    (id, raw.into_bytes())
}

/// Whether `haystack` contains `needle` (for asserting on raw mail bytes).
pub fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len().max(1))
        .any(|w| w == needle.as_bytes())
}

async fn fetch_folder(inbox: &mut Inbox, folder: &str) -> Vec<Vec<u8>> {
    if inbox.select(folder).await.is_err() {
        return Vec::new();
    }
    let uids = inbox.search_uids_from(1).await.expect("UID SEARCH");
    inbox
        .fetch_raw(&uids)
        .await
        .expect("UID FETCH")
        .into_iter()
        .map(|(_, raw)| raw)
        .collect()
}

fn start() -> Result<TestEnv, String> {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let up = repo.join("tests/env/up.sh");
    let out = Command::new(&up)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", up.display()))?;
    if !out.status.success() {
        return Err(format!(
            "{} failed ({}):\n{}{}",
            up.display(),
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let path = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let text =
        std::fs::read_to_string(&path).map_err(|e| format!("cannot read env.json {path}: {e}"))?;
    serde_json::from_str(&text).map_err(|e| format!("bad env.json {path}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn new_user_can_log_in_without_a_restart() {
        let env = TestEnv::get();
        let user = env.new_user("env-login");
        let mut inbox = env.inbox(&user).await;
        let state = inbox.select("INBOX").await.unwrap();
        assert_eq!(state.exists, 0);
        inbox.logout().await;
    }

    #[tokio::test]
    async fn plus_address_is_delivered_to_the_base_user() {
        let env = TestEnv::get();
        let user = env.new_user("env-plus");
        let (local, domain) = user.email.split_once('@').unwrap();
        let plus = format!("{local}+ticket-42@{domain}");
        let (id, raw) = sample_mail("someone@example.test", &plus, "plus", "hello");
        env.smtp_send("someone@example.test", &[plus], &raw)
            .await
            .unwrap();
        let mails = env
            .wait_for_mails(&user, "INBOX", 1, Duration::from_secs(15))
            .await;
        assert!(contains(&mails[0], &id));
    }

    #[test]
    fn config_toml_is_a_valid_config() {
        let env = TestEnv::get();
        let support = env.new_user("env-config");
        let text = env.config_toml(&support, "sqlite://var/test.db");
        let cfg = supportbot::config::Config::from_toml(
            &text,
            std::path::Path::new("test.toml"),
            &env.base,
        )
        .unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert_eq!(cfg.mailbox.port(), env.imap_port);
        assert_eq!(cfg.smtp.port(), env.smtp_port);
        assert_eq!(cfg.mailbox_password().expose(), support.password);
    }

    #[tokio::test]
    async fn pg_fresh_database_is_empty_and_usable() {
        use sqlx::{Connection, Row};
        let env = TestEnv::get();
        let a = env.pg_fresh_database().await;
        let b = env.pg_fresh_database().await;
        assert_ne!(a, b);
        let mut conn = sqlx::PgConnection::connect(&a).await.unwrap();
        let row = sqlx::query("SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'")
            .fetch_one(&mut conn)
            .await
            .unwrap();
        assert_eq!(row.get::<i64, _>("n"), 0);
    }
}
