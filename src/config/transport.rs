//! `[mailbox]`, `[[mailboxes]]`, `[smtp]`, `[database]`, `[loop_guard]` and `[outbox]`: how
//! supportbot reaches its servers and how hard it pushes them.

use super::{dur, Dur, Secret, Security};
use serde::Deserialize;
use std::path::PathBuf;

/// `[mailbox]`: the support mailbox watched over IMAP.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mailbox {
    pub host: String,
    #[serde(default)]
    pub port: Option<u16>,
    #[serde(default)]
    pub security: Security,
    pub username: String,
    #[serde(default)]
    pub password: Secret,
    #[serde(default)]
    pub password_env: Option<String>,
    #[serde(default = "default_folder")]
    pub folder: String,
    /// The support address requesters write to, e.g. support@example.com.
    pub address: String,
    #[serde(default = "default_poll")]
    pub poll_interval: Dur,
    #[serde(default = "yes")]
    pub idle: bool,
    /// Re-issue IDLE after this long (RFC 2177 asks for less than 29 minutes).
    #[serde(default = "default_idle_timeout")]
    pub idle_timeout: Dur,
    /// Folder that unparseable mails are moved to.
    #[serde(default = "default_quarantine")]
    pub quarantine_folder: String,
    /// PEM file of the CA (or the self-signed certificate) to trust, in addition to the
    /// public web roots.
    #[serde(default)]
    pub ca_file: Option<PathBuf>,
    /// Mails fetched and committed per batch.
    #[serde(default = "default_batch")]
    pub batch_size: usize,
    /// Category a request to this mailbox gets when the rules find none better than
    /// `other` (e.g. a `network@` queue).
    #[serde(default)]
    pub default_category: Option<String>,
    /// `password` (default), `xoauth2` or `oauthbearer`.
    #[serde(default)]
    pub auth: super::AuthMethod,
    /// `[mailbox.oauth2]`: token endpoint, client and refresh token for OAuth2 login.
    #[serde(default)]
    pub oauth2: Option<super::OAuth2>,
}

fn default_folder() -> String {
    "INBOX".into()
}
fn default_poll() -> Dur {
    dur(60)
}
fn default_idle_timeout() -> Dur {
    dur(5 * 60)
}
fn default_quarantine() -> String {
    "Quarantine".into()
}
fn default_batch() -> usize {
    100
}
pub(crate) fn yes() -> bool {
    true
}

impl Mailbox {
    pub fn port(&self) -> u16 {
        self.port.unwrap_or(match self.security {
            Security::Tls => 993,
            Security::None | Security::Starttls => 143,
        })
    }
}

/// `[smtp]`: where outgoing mail is handed over.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Smtp {
    pub host: String,
    #[serde(default)]
    pub port: Option<u16>,
    #[serde(default)]
    pub security: Security,
    #[serde(default)]
    pub username: Option<String>,
    #[serde(default)]
    pub password: Secret,
    #[serde(default)]
    pub password_env: Option<String>,
    /// From header of our mails: `"IT Support <support@example.com>"` or a bare address.
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub ca_file: Option<PathBuf>,
    /// Parallel SMTP connections used by the outbox sender.
    #[serde(default = "default_connections")]
    pub connections: usize,
    #[serde(default = "default_smtp_timeout")]
    pub timeout: Dur,
    /// `password` (default), `xoauth2` or `oauthbearer`.
    #[serde(default)]
    pub auth: super::AuthMethod,
    /// `[smtp.oauth2]`; absent with an OAuth2 `auth`: the `[mailbox.oauth2]` token is used.
    #[serde(default)]
    pub oauth2: Option<super::OAuth2>,
}

fn default_connections() -> usize {
    4
}
fn default_smtp_timeout() -> Dur {
    dur(30)
}

impl Smtp {
    pub fn port(&self) -> u16 {
        self.port.unwrap_or(match self.security {
            Security::Tls => 465,
            Security::Starttls => 587,
            Security::None => 25,
        })
    }
}

/// `[database]`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Database {
    /// `sqlite://var/supportbot.db` (relative to the config folder) or `postgres://…`.
    pub url: Secret,
    /// Pool size per daemon (a fleet of N daemons opens up to N × this).
    pub max_connections: u32,
    /// Connections kept open while idle.
    pub min_connections: u32,
    /// PostgreSQL `statement_timeout` (SQLite: how long a writer waits for the lock).
    pub statement_timeout: Dur,
    /// How long to wait for a free pooled connection before retrying later.
    pub acquire_timeout: Dur,
}

impl Default for Database {
    fn default() -> Self {
        Database {
            url: Secret::new("sqlite://var/supportbot.db"),
            max_connections: 8,
            min_connections: 0,
            statement_timeout: dur(30),
            acquire_timeout: dur(30),
        }
    }
}

/// `[loop_guard]`: the last line of defence against mail ping-pong.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LoopGuard {
    /// At most this many mails to one correspondent …
    pub max_mails_per_sender: u32,
    /// … within this window.
    pub window: Dur,
    /// The budget above counts only mails that look like a loop (an answer to our own
    /// mail, or a text the sender already sent in the window); distinct new requests are
    /// acknowledged until the sender has had this many mails in the window.
    pub max_requests_per_sender: u32,
}

impl Default for LoopGuard {
    fn default() -> Self {
        LoopGuard {
            max_mails_per_sender: 10,
            window: dur(3600),
            max_requests_per_sender: 200,
        }
    }
}

/// `[outbox]`: delivery retries.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Outbox {
    /// Give up (mark failed) after this many transient failures.
    pub max_attempts: u32,
    /// First retry delay; doubles each attempt, with jitter.
    pub retry_base: Dur,
    /// Longest delay between two attempts.
    pub retry_max: Dur,
    /// How long a claim on outbox rows lasts without its sender's heartbeat (renewed every
    /// third of it while the sender lives): a killed daemon's rows go out from another
    /// daemon, or the next `once`, after this.
    pub lease: Dur,
    /// Deliveries recorded per database write. 1 (default): each mail is recorded right
    /// after the server's 250, so a crash re-sends at most the mail in flight per
    /// connection. Larger values trade that bound for throughput (fewer writes).
    pub record_every: u32,
}

impl Default for Outbox {
    fn default() -> Self {
        Outbox {
            max_attempts: 20,
            retry_base: dur(30),
            retry_max: dur(3600),
            lease: dur(15),
            record_every: 1,
        }
    }
}
