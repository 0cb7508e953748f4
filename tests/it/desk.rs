//! A support desk for end-to-end tests: its own support mailbox in the test Dovecot, a
//! config file and SQLite database in a temp dir, and the real `supportbot` binary run as
//! a child process (so crash and restart tests kill a real process).
#![allow(dead_code)]

use crate::env::{TestEnv, TestUser};
use serde_json::Value;
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

pub struct Desk {
    pub env: &'static TestEnv,
    pub support: TestUser,
    pub dir: tempfile::TempDir,
    pub config: PathBuf,
}

impl Desk {
    /// A desk with default settings plus `extra` TOML appended to `[general]`… tables.
    pub fn new(prefix: &str) -> Desk {
        Desk::with_config(prefix, "", "")
    }

    /// `general_extra` goes into `[general]`, `tail` after all tables (extra tables).
    pub fn with_config(prefix: &str, general_extra: &str, tail: &str) -> Desk {
        let env = TestEnv::get();
        let support = env.new_user(&format!("{prefix}-support"));
        let dir = tempfile::tempdir().expect("tempdir");
        let config = dir.path().join("supportbot.toml");
        let db = db_url_for(dir.path());
        let text = format!(
            r#"[general]
data_dir = "data"
timezone = "Asia/Shanghai"
{general_extra}

[mailbox]
host = "{host}"
port = {imap}
security = "starttls"
ca_file = "{ca}"
username = "{user}"
password = "{pw}"
address = "{user}"
poll_interval = "1s"
idle = true

[smtp]
host = "{host}"
port = {smtp}
security = "none"
connections = 2

[database]
url = "{db}"

{tail}
"#,
            host = env.host,
            imap = env.imap_port,
            ca = env.cert_file.display(),
            user = support.email,
            pw = support.password,
            smtp = env.smtp_plain_port,
        );
        std::fs::write(&config, text).expect("write config");
        Desk {
            env,
            support,
            dir,
            config,
        }
    }

    pub fn cmd(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_supportbot"));
        c.arg("--config").arg(&self.config);
        c.env(
            "RUST_LOG",
            std::env::var("TEST_LOG_LEVEL").unwrap_or_else(|_| "info".into()),
        );
        c
    }

    /// Run a subcommand to completion; panics with its output on failure.
    pub fn run(&self, args: &[&str]) -> Output {
        let out = self.cmd().args(args).output().expect("run supportbot");
        if std::env::var("TEST_LOG").is_ok() {
            eprintln!("{}", String::from_utf8_lossy(&out.stderr));
        }
        assert!(
            out.status.success(),
            "supportbot {args:?} failed ({}):\n{}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    pub fn once(&self) -> String {
        String::from_utf8_lossy(&self.run(&["once"]).stdout).into_owned()
    }

    pub fn tickets(&self) -> Vec<Value> {
        let out = self.run(&["tickets", "list", "--json", "--limit", "100000"]);
        match serde_json::from_slice(&out.stdout).expect("tickets list --json is JSON") {
            Value::Array(v) => v,
            other => panic!("expected an array, got {other}"),
        }
    }

    pub fn show(&self, n: i64) -> Value {
        let out = self.run(&["tickets", "show", &n.to_string(), "--json"]);
        serde_json::from_slice(&out.stdout).expect("tickets show --json is JSON")
    }

    /// Start the daemon.
    pub fn spawn_daemon(&self) -> Child {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let log = std::fs::File::create(self.dir.path().join(format!("daemon-{n}.log")))
            .expect("log file");
        self.cmd()
            .arg("run")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("spawn supportbot run")
    }

    /// Everything the daemons of this desk logged, for failure messages.
    pub fn daemon_logs(&self) -> String {
        let mut out = String::new();
        if let Ok(dir) = std::fs::read_dir(self.dir.path()) {
            for e in dir.flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                if name.starts_with("daemon-") {
                    out.push_str(&format!("==== {name}\n"));
                    out.push_str(&std::fs::read_to_string(e.path()).unwrap_or_default());
                }
            }
        }
        out
    }

    /// Wait until a daemon of this desk has logged `needle` (e.g. that it watches the
    /// mailbox), instead of guessing how long a debug build on a loaded machine takes.
    pub fn wait_daemon_log(&self, needle: &str, deadline: std::time::Duration) {
        let started = std::time::Instant::now();
        loop {
            let logs = self.daemon_logs();
            if logs.contains(needle) {
                return;
            }
            assert!(
                started.elapsed() < deadline,
                "no {needle:?} in the daemon log after {deadline:?}:\n{logs}"
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }

    /// SIGTERM the daemon and assert it exits 0, showing its log otherwise.
    pub fn stop(&self, child: &mut Child) {
        let status = terminate(child);
        assert!(
            status.success(),
            "daemon exited with {status}:\n{}",
            self.daemon_logs()
        );
    }

    /// Poll the database until `pred` holds for the ticket list, or panic after `deadline`.
    pub fn wait_tickets(&self, deadline: Duration, pred: impl Fn(&[Value]) -> bool) -> Vec<Value> {
        let started = Instant::now();
        loop {
            let t = self.tickets();
            if pred(&t) {
                return t;
            }
            assert!(
                started.elapsed() < deadline,
                "condition on tickets not met after {deadline:?}; have {} ticket(s)",
                t.len()
            );
            std::thread::sleep(Duration::from_millis(200));
        }
    }
}

fn db_url_for(dir: &std::path::Path) -> String {
    format!("sqlite://{}/supportbot.db", dir.display())
}

/// SIGTERM a child and wait for it (graceful shutdown: it finishes the current mail).
pub fn terminate(child: &mut Child) -> std::process::ExitStatus {
    let _ = Command::new("kill")
        .arg("-TERM")
        .arg(child.id().to_string())
        .status();
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            return status;
        }
        if started.elapsed() > Duration::from_secs(40) {
            let _ = child.kill();
            panic!("daemon did not stop within 40 s of SIGTERM");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Header value of a raw mail (first occurrence, unfolded), parsed with mail-parser.
pub fn header(raw: &[u8], name: &str) -> Option<String> {
    let msg = mail_parser::MessageParser::default().parse(raw)?;
    msg.header_raw(name)
        .map(|v| v.trim().replace("\r\n", "").replace('\n', ""))
}

pub fn subject(raw: &[u8]) -> String {
    mail_parser::MessageParser::default()
        .parse(raw)
        .and_then(|m| m.subject().map(str::to_string))
        .unwrap_or_default()
}

pub fn body_text(raw: &[u8]) -> String {
    mail_parser::MessageParser::default()
        .parse(raw)
        .and_then(|m| m.body_text(0).map(|t| t.into_owned()))
        .unwrap_or_default()
}

/// Assert that `user`'s `folder` holds exactly `n` mails and still does after `quiet`:
/// Postfix delivers about a second after `once` hands a mail over, so an immediate count
/// would pass even if a wrong mail were on its way.
pub async fn assert_stays(
    env: &crate::env::TestEnv,
    user: &crate::env::TestUser,
    folder: &str,
    n: usize,
    quiet: Duration,
) {
    let started = Instant::now();
    loop {
        let have = env.fetch_all(user, folder).await.len();
        assert_eq!(
            have, n,
            "{} should hold {n} mail(s) in {folder}",
            user.email
        );
        if started.elapsed() >= quiet {
            return;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}
