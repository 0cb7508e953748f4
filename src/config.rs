//! Configuration: serde structs with defaults, `validate()` reporting every problem at
//! once, paths resolved against the config file's folder, and secrets that never show
//! in `Debug` output or logs.

use crate::ticket::model::Priority;
use serde::Deserialize;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Every problem found in a configuration, listed together so one edit fixes them all.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("config file {path} is not valid TOML: {message}")]
    Syntax { path: PathBuf, message: String },
    #[error("config file {path} has {} problem(s):\n  - {}", .problems.len(), .problems.join("\n  - "))]
    Invalid {
        path: PathBuf,
        problems: Vec<String>,
    },
}

/// A secret string: printed as `"***"` by `Debug`.
#[derive(Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(s: impl Into<String>) -> Self {
        Secret(s.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            f.write_str("\"\"")
        } else {
            f.write_str("\"***\"")
        }
    }
}

/// Transport security of a mail connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Security {
    None,
    #[default]
    Starttls,
    Tls,
}

/// A duration written as text: "15m", "2h", "90s", "3days".
#[derive(Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct Dur(pub Duration);

impl TryFrom<String> for Dur {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        humantime::parse_duration(s.trim()).map(Dur).map_err(|e| {
            format!("invalid duration {s:?}: {e} (examples: \"90s\", \"15m\", \"2h\", \"3days\")")
        })
    }
}

impl fmt::Debug for Dur {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", humantime::format_duration(self.0))
    }
}

impl Dur {
    pub fn secs(self) -> i64 {
        i64::try_from(self.0.as_secs()).unwrap_or(i64::MAX)
    }
}

fn dur(s: u64) -> Dur {
    Dur(Duration::from_secs(s))
}

/// The whole configuration file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub general: General,
    pub mailbox: Mailbox,
    /// `[[mailboxes]]`: more mailboxes watched by the same daemon, each with its own
    /// server, folder and support address (acks go out From that address).
    #[serde(default)]
    pub mailboxes: Vec<Mailbox>,
    pub smtp: Smtp,
    #[serde(default)]
    pub database: Database,
    #[serde(default)]
    pub loop_guard: LoopGuard,
    #[serde(default)]
    pub outbox: Outbox,
    #[serde(default)]
    pub sla: Sla,
    /// `[[engineers]]`: who tickets are routed to and whose commands are obeyed.
    #[serde(default)]
    pub engineers: Vec<Engineer>,
    #[serde(default)]
    pub workflow: Workflow,
    /// `[calendar]`: working time the SLA clocks count (absent: 24×7).
    #[serde(default)]
    pub calendar: crate::ticket::calendar::CalendarConfig,
    /// `[digest]`: the weekly service report mailed to the supervisors.
    #[serde(default)]
    pub digest: Digest,
    /// Folder of the config file; relative paths resolve against it.
    #[serde(skip)]
    pub base_dir: PathBuf,
}

/// `[general]`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct General {
    /// Where raw mails and attachments are kept.
    pub data_dir: PathBuf,
    /// IANA time zone used for the local times in mails ("Asia/Shanghai").
    pub timezone: String,
    /// Mails larger than this are quarantined.
    pub max_message_bytes: usize,
    /// Custom rules file (default: the built-in rules).
    pub rules: Option<PathBuf>,
    /// Custom templates folder (default: the built-in templates).
    pub templates: Option<PathBuf>,
    /// Name used in mails we send ("IT Service Desk").
    pub desk_name: String,
}

impl Default for General {
    fn default() -> Self {
        General {
            data_dir: PathBuf::from("var"),
            timezone: "UTC".into(),
            max_message_bytes: 25 * 1024 * 1024,
            rules: None,
            templates: None,
            desk_name: "IT Service Desk".into(),
        }
    }
}

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
fn yes() -> bool {
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
}

impl Default for LoopGuard {
    fn default() -> Self {
        LoopGuard {
            max_mails_per_sender: 10,
            window: dur(3600),
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
    /// How long a sender holds claimed rows; a crashed daemon's rows go out from another
    /// daemon after this. Longer than the slowest SMTP round, or a slow sender's rows are
    /// sent twice.
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
            lease: dur(300),
            record_every: 1,
        }
    }
}

/// Respond and resolve targets of one priority.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub respond: Dur,
    pub resolve: Dur,
}

/// `[sla]` with its `[sla.P1]` … `[sla.P4]` targets.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Sla {
    #[serde(rename = "P1")]
    pub p1: Target,
    #[serde(rename = "P2")]
    pub p2: Target,
    #[serde(rename = "P3")]
    pub p3: Target,
    #[serde(rename = "P4")]
    pub p4: Target,
    /// Fraction of a target after which the assignee is reminded (0.75); 0 = never.
    pub warn_ratio: f64,
    /// Working time between two escalations while a deadline stays breached; "0s" =
    /// escalate once.
    pub escalation_repeat: Dur,
    /// `[sla.keep_in_loop]`: nudge the assignee when the requester had no public update
    /// for this long (P1 "1h", P2 "2h"; P3/P4 off unless set).
    pub keep_in_loop: KeepInLoop,
    /// Where escalations and the digest go when no `[[engineers]]` supervisor exists.
    pub escalate_to: Vec<String>,
    /// Language of reminder/escalation mails to engineers ("zh" or "en"); absent: the
    /// ticket's language.
    pub language: Option<String>,
}

/// `[sla.keep_in_loop]`: keep-in-loop interval per priority; absent or "0s" = off.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct KeepInLoop {
    #[serde(rename = "P1")]
    pub p1: Option<Dur>,
    #[serde(rename = "P2")]
    pub p2: Option<Dur>,
    #[serde(rename = "P3")]
    pub p3: Option<Dur>,
    #[serde(rename = "P4")]
    pub p4: Option<Dur>,
}

impl Default for KeepInLoop {
    fn default() -> Self {
        KeepInLoop {
            p1: Some(dur(3600)),
            p2: Some(dur(2 * 3600)),
            p3: None,
            p4: None,
        }
    }
}

impl KeepInLoop {
    /// Interval of one priority in seconds; `None` = no nudges.
    pub fn secs(&self, p: Priority) -> Option<i64> {
        match p {
            Priority::P1 => self.p1,
            Priority::P2 => self.p2,
            Priority::P3 => self.p3,
            Priority::P4 => self.p4,
        }
        .map(Dur::secs)
        .filter(|s| *s > 0)
    }
}

/// `[digest]`: the weekly service report to the supervisors.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Digest {
    pub enabled: bool,
    /// Day of the week it goes out ("mon" … "sun").
    pub weekday: String,
    /// Local time of day ("HH:MM") in `general.timezone`.
    pub time: String,
    /// Recipients; empty = the supervisors (or `sla.escalate_to`).
    pub recipients: Vec<String>,
    /// Length of the reported period, ending when the digest is sent.
    pub period: Dur,
}

impl Default for Digest {
    fn default() -> Self {
        Digest {
            enabled: false,
            weekday: "mon".into(),
            time: "08:00".into(),
            recipients: Vec::new(),
            period: dur(7 * 86_400),
        }
    }
}

impl Digest {
    /// The weekday, if valid.
    pub fn weekday(&self) -> Option<chrono::Weekday> {
        self.weekday.trim().parse().ok()
    }
    /// The time of day, if valid.
    pub fn time_of_day(&self) -> Option<chrono::NaiveTime> {
        chrono::NaiveTime::parse_from_str(self.time.trim(), "%H:%M").ok()
    }
}

impl Default for Sla {
    fn default() -> Self {
        let t = |r, s| Target {
            respond: dur(r),
            resolve: dur(s),
        };
        Sla {
            p1: t(15 * 60, 2 * 3600),
            p2: t(30 * 60, 4 * 3600),
            p3: t(2 * 3600, 8 * 3600),
            p4: t(4 * 3600, 24 * 3600),
            warn_ratio: 0.75,
            escalation_repeat: dur(3600),
            keep_in_loop: KeepInLoop::default(),
            escalate_to: Vec::new(),
            language: None,
        }
    }
}

impl Sla {
    pub fn target(&self, p: Priority) -> Target {
        match p {
            Priority::P1 => self.p1,
            Priority::P2 => self.p2,
            Priority::P3 => self.p3,
            Priority::P4 => self.p4,
        }
    }
}

/// One `[[engineers]]` entry.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Engineer {
    /// Display name; `#assign <name>` matches it case-insensitively.
    pub name: String,
    /// The address the engineer mails from; commands are obeyed only from it.
    pub email: String,
    /// Categories routed to this engineer ("network", "hardware", …).
    #[serde(default)]
    pub categories: Vec<String>,
    /// Supervisors get the tickets nobody's categories cover.
    #[serde(default)]
    pub supervisor: bool,
    /// Languages the engineer reads ("zh", "en"); the first one picks the language of
    /// the mails sent to them. Default: English.
    #[serde(default)]
    pub languages: Vec<String>,
}

/// `[workflow]`: the ticket conversation with engineers and requesters.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Workflow {
    /// HMAC secret of the reply tokens (inline); prefer `secret_env`.
    pub secret: Secret,
    /// Name of an environment variable holding the secret.
    pub secret_env: Option<String>,
    /// Reply tokens older than this are refused.
    pub token_max_age: Dur,
    /// `authserv-id`s whose `Authentication-Results` headers we trust (empty: never trust).
    pub trusted_authserv_ids: Vec<String>,
    /// A resolved ticket nobody confirms is closed after this long (reminder at half time).
    pub auto_close_after: Dur,
    /// A reply to a closed ticket within this long reopens it; later it opens a new one.
    pub reopen_window: Dur,
}

impl Default for Workflow {
    fn default() -> Self {
        Workflow {
            secret: Secret::default(),
            secret_env: None,
            token_max_age: dur(30 * 86_400),
            trusted_authserv_ids: Vec::new(),
            auto_close_after: dur(3 * 86_400),
            reopen_window: dur(14 * 86_400),
        }
    }
}

impl Config {
    /// Read, parse and validate a config file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let base = path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        let base = if base.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            base
        };
        Config::from_toml(&text, path, &base)
    }

    /// Parse and validate config text; `base` is the folder relative paths resolve against.
    pub fn from_toml(text: &str, path: &Path, base: &Path) -> Result<Config, ConfigError> {
        let mut cfg: Config = toml::from_str(text).map_err(|e| ConfigError::Syntax {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
        cfg.base_dir = std::path::absolute(base).unwrap_or_else(|_| base.to_path_buf());
        let problems = cfg.validate();
        if problems.is_empty() {
            Ok(cfg)
        } else {
            Err(ConfigError::Invalid {
                path: path.to_path_buf(),
                problems,
            })
        }
    }

    /// One config per watched mailbox: this one for `[mailbox]`, then a copy per
    /// `[[mailboxes]]` entry with that entry as its `[mailbox]` (and `smtp.from` unset, so
    /// its mails go out From the entry's address). Each drives one inbox task.
    pub fn mailbox_configs(&self) -> Vec<Config> {
        let mut out = vec![Config {
            mailboxes: Vec::new(),
            ..self.clone()
        }];
        for m in &self.mailboxes {
            let mut c = self.clone();
            c.mailbox = m.clone();
            c.mailboxes = Vec::new();
            c.smtp.from = None;
            out.push(c);
        }
        out
    }

    /// Every address we receive at (mail from one of them is a loop).
    pub fn own_addresses(&self) -> Vec<String> {
        std::iter::once(&self.mailbox)
            .chain(&self.mailboxes)
            .map(|m| m.address.trim().to_lowercase())
            .collect()
    }

    fn validate_mailbox(m: &Mailbox, name: &str, p: &mut Vec<String>) {
        if m.host.trim().is_empty() {
            p.push(format!("{name}.host is empty"));
        }
        if !m.address.contains('@') {
            p.push(format!(
                "{name}.address {:?} is not an email address",
                m.address
            ));
        }
        if m.batch_size == 0 || m.batch_size > 10_000 {
            p.push(format!("{name}.batch_size must be between 1 and 10000"));
        }
        if m.idle_timeout.0 >= Duration::from_secs(29 * 60) {
            p.push(format!(
                "{name}.idle_timeout must be under 29 minutes (RFC 2177)"
            ));
        }
        if m.poll_interval.0 < Duration::from_secs(1) {
            p.push(format!("{name}.poll_interval must be at least 1s"));
        }
        if let Some(var) = &m.password_env {
            if std::env::var(var).is_err() {
                p.push(format!("{name}.password_env names {var}, which is not set"));
            }
        }
        if let Some(c) = &m.default_category {
            if c.parse::<crate::ticket::model::Category>().is_err() {
                p.push(format!("{name}.default_category {c:?} is not a category"));
            }
        }
    }

    /// Every problem in the configuration (empty when it is usable).
    pub fn validate(&self) -> Vec<String> {
        let mut p = Vec::new();
        Config::validate_mailbox(&self.mailbox, "mailbox", &mut p);
        let mut keys = vec![(
            self.mailbox.username.clone(),
            self.mailbox.host.clone(),
            self.mailbox.folder.clone(),
        )];
        for (i, m) in self.mailboxes.iter().enumerate() {
            Config::validate_mailbox(m, &format!("mailboxes[{i}]"), &mut p);
            let key = (m.username.clone(), m.host.clone(), m.folder.clone());
            if keys.contains(&key) {
                p.push(format!(
                    "mailboxes[{i}] watches {}@{}/{} a second time",
                    m.username, m.host, m.folder
                ));
            }
            keys.push(key);
        }
        if let Some(var) = &self.smtp.password_env {
            if std::env::var(var).is_err() {
                p.push(format!("smtp.password_env names {var}, which is not set"));
            }
        }
        if self.smtp.host.trim().is_empty() {
            p.push("smtp.host is empty".into());
        }
        if self.outbox.record_every == 0 || self.outbox.record_every > 1000 {
            p.push("outbox.record_every must be between 1 and 1000".into());
        }
        if self.smtp.connections == 0 || self.smtp.connections > 64 {
            p.push("smtp.connections must be between 1 and 64".into());
        }
        if let Err(e) = self.from_header().parse::<lettre::message::Mailbox>() {
            p.push(format!(
                "smtp.from / general.desk_name: {:?} is not a valid From header ({e})",
                self.from_header()
            ));
        }
        if self.general.timezone.parse::<chrono_tz::Tz>().is_err() {
            p.push(format!(
                "general.timezone {:?} is not an IANA time zone (e.g. \"Asia/Shanghai\", \"UTC\")",
                self.general.timezone
            ));
        }
        let url = self.database.url.expose();
        if !(url.starts_with("sqlite:")
            || url.starts_with("postgres://")
            || url.starts_with("postgresql://"))
        {
            p.push("database.url must start with sqlite:// or postgres://".into());
        }
        for f in std::iter::once(&self.mailbox)
            .chain(&self.mailboxes)
            .map(|m| &m.ca_file)
            .chain([&self.smtp.ca_file])
            .flatten()
        {
            let path = self.resolve(f);
            if !path.is_file() {
                p.push(format!("ca_file {} does not exist", path.display()));
            }
        }
        if let Some(r) = &self.general.rules {
            let path = self.resolve(r);
            match std::fs::read_to_string(&path) {
                Ok(text) => {
                    if let Err(e) = crate::ticket::classify::Rules::from_toml(&text) {
                        p.push(format!("general.rules {}: {e}", path.display()));
                    }
                }
                Err(e) => p.push(format!("general.rules {}: {e}", path.display())),
            }
        }
        if let Some(t) = &self.general.templates {
            let path = self.resolve(t);
            if !path.is_dir() {
                p.push(format!(
                    "general.templates {} is not a folder",
                    path.display()
                ));
            }
        }
        for pr in Priority::ALL {
            let t = self.sla.target(*pr);
            if t.respond.0 > t.resolve.0 {
                p.push(format!("sla.{pr}: respond is longer than resolve"));
            }
        }
        self.validate_workflow(&mut p);
        p.extend(self.validate_timers());
        p
    }

    /// Problems of the SLA timer, calendar and digest settings (engineers: `validate_workflow`).
    fn validate_timers(&self) -> Vec<String> {
        let mut p = Vec::new();
        let r = self.sla.warn_ratio;
        if !(r == 0.0 || (r > 0.0 && r < 1.0)) {
            p.push(format!(
                "sla.warn_ratio {r} must be between 0 and 1 (0.75 = remind at 75 %; 0 = never)"
            ));
        }
        if let Some(lang) = &self.sla.language {
            if lang != "zh" && lang != "en" {
                p.push(format!("sla.language {lang:?} must be \"zh\" or \"en\""));
            }
        }
        for a in &self.sla.escalate_to {
            if !a.contains('@') {
                p.push(format!("sla.escalate_to {a:?} is not an email address"));
            }
        }
        if let Err(e) = crate::ticket::calendar::Calendar::from_config(&self.calendar) {
            p.extend(e.problems);
        }
        let d = &self.digest;
        if d.weekday().is_none() {
            p.push(format!(
                "digest.weekday {:?} is not a day (mon tue wed thu fri sat sun)",
                d.weekday
            ));
        }
        if d.time_of_day().is_none() {
            p.push(format!("digest.time {:?} is not a time HH:MM", d.time));
        }
        for a in &d.recipients {
            if !a.contains('@') {
                p.push(format!("digest.recipients {a:?} is not an email address"));
            }
        }
        if d.period.secs() < 3600 {
            p.push("digest.period must be at least 1h".into());
        }
        if d.enabled && self.digest_recipients().is_empty() {
            p.push(
                "digest.enabled but nobody receives it: set digest.recipients, a supervisor in \
                 [[engineers]] or sla.escalate_to"
                    .into(),
            );
        }
        p
    }

    /// The business calendar of the SLA clocks (24×7 when `[calendar]` is absent or,
    /// which `validate` rules out, invalid).
    pub fn calendar(&self) -> crate::ticket::calendar::Calendar {
        crate::ticket::calendar::Calendar::from_config(&self.calendar).unwrap_or_default()
    }

    /// Who receives escalations: the `[[engineers]]` marked `supervisor`, else
    /// `sla.escalate_to`. Lower-case, deduplicated, in config order.
    pub fn supervisors(&self) -> Vec<String> {
        let from_engineers: Vec<String> = self
            .engineers
            .iter()
            .filter(|e| e.supervisor)
            .map(|e| e.email.trim().to_lowercase())
            .collect();
        let list = if from_engineers.is_empty() {
            self.sla
                .escalate_to
                .iter()
                .map(|a| a.trim().to_lowercase())
                .collect()
        } else {
            from_engineers
        };
        dedup_keep_order(list)
    }

    /// Who receives the weekly digest: `digest.recipients`, else the supervisors.
    pub fn digest_recipients(&self) -> Vec<String> {
        if self.digest.recipients.is_empty() {
            self.supervisors()
        } else {
            dedup_keep_order(
                self.digest
                    .recipients
                    .iter()
                    .map(|a| a.trim().to_lowercase())
                    .collect(),
            )
        }
    }

    /// Display name of an engineer by address, if configured.
    pub fn engineer_name(&self, email: &str) -> Option<&str> {
        self.engineers
            .iter()
            .find(|e| e.email.eq_ignore_ascii_case(email.trim()) && !e.name.is_empty())
            .map(|e| e.name.as_str())
    }

    fn validate_workflow(&self, p: &mut Vec<String>) {
        let mut seen = std::collections::HashSet::new();
        for (i, e) in self.engineers.iter().enumerate() {
            if e.name.trim().is_empty() {
                p.push(format!("engineers[{i}].name is empty"));
            }
            if !e.email.contains('@') {
                p.push(format!(
                    "engineers[{i}].email {:?} is not an email address",
                    e.email
                ));
            }
            if !seen.insert(e.email.trim().to_ascii_lowercase()) {
                p.push(format!(
                    "engineers[{i}].email {:?} is listed twice",
                    e.email
                ));
            }
            for c in &e.categories {
                if c.parse::<crate::ticket::model::Category>().is_err() {
                    p.push(format!(
                        "engineers[{i}].categories: unknown category {c:?} (hardware, software, network, account, request, other)"
                    ));
                }
            }
        }
        if let Some(var) = &self.workflow.secret_env {
            if std::env::var(var).is_err() {
                p.push(format!("workflow.secret_env names {var}, which is not set"));
            }
        }
        if !self.engineers.is_empty() && self.workflow_secret().expose().len() < 16 {
            p.push(
                "workflow.secret (or workflow.secret_env) must hold at least 16 characters when engineers are configured".into(),
            );
        }
        if self.workflow.auto_close_after.0 < Duration::from_secs(60) {
            p.push("workflow.auto_close_after must be at least 1m".into());
        }
    }

    /// The reply-token secret, from `workflow.secret_env` or `workflow.secret`.
    pub fn workflow_secret(&self) -> Secret {
        secret_from(&self.workflow.secret, &self.workflow.secret_env)
    }

    /// A path from the config, resolved against the config file's folder.
    pub fn resolve(&self, p: &Path) -> PathBuf {
        if p.is_absolute() {
            p.to_path_buf()
        } else {
            self.base_dir.join(p)
        }
    }

    pub fn data_dir(&self) -> PathBuf {
        self.resolve(&self.general.data_dir)
    }

    /// The database URL with a relative SQLite path resolved against the config folder.
    pub fn database_url(&self) -> String {
        let url = self.database.url.expose();
        if let Some(rest) = url.strip_prefix("sqlite://") {
            let (path, query) = match rest.split_once('?') {
                Some((p, q)) => (p, Some(q)),
                None => (rest, None),
            };
            if path == ":memory:" {
                return url.to_string();
            }
            let abs = self.resolve(Path::new(path));
            match query {
                Some(q) => format!("sqlite://{}?{q}", abs.display()),
                None => format!("sqlite://{}", abs.display()),
            }
        } else {
            url.to_string()
        }
    }

    pub fn mailbox_password(&self) -> Secret {
        secret_from(&self.mailbox.password, &self.mailbox.password_env)
    }

    pub fn smtp_password(&self) -> Secret {
        secret_from(&self.smtp.password, &self.smtp.password_env)
    }

    /// The From header of our mails as text, quoted so any desk name is valid.
    pub fn from_header(&self) -> String {
        match &self.smtp.from {
            Some(f) => f.clone(),
            None => format!(
                "\"{}\" <{}>",
                self.general
                    .desk_name
                    .replace(['"', '\\'], "")
                    .replace(['\r', '\n'], " "),
                self.mailbox.address
            ),
        }
    }

    /// Domain of the support address: our Message-IDs end in it.
    pub fn support_domain(&self) -> &str {
        self.mailbox
            .address
            .rsplit_once('@')
            .map(|(_, d)| d)
            .unwrap_or("localhost")
    }
}

fn dedup_keep_order(list: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(list.len());
    for a in list {
        if !a.is_empty() && !out.contains(&a) {
            out.push(a);
        }
    }
    out
}

fn secret_from(inline: &Secret, env: &Option<String>) -> Secret {
    match env {
        Some(var) => Secret::new(std::env::var(var).unwrap_or_default()),
        None => inline.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
[mailbox]
host = "127.0.0.1"
username = "support@example.test"
password = "hunter2"
address = "support@example.test"
[smtp]
host = "127.0.0.1"
"#;

    #[test]
    fn minimal_config_gets_defaults() {
        let cfg = Config::from_toml(MINIMAL, Path::new("x.toml"), Path::new("/etc/sb")).unwrap();
        assert_eq!(cfg.mailbox.folder, "INBOX");
        assert_eq!(cfg.mailbox.port(), 143);
        assert_eq!(cfg.sla.p1.respond.secs(), 900);
        assert_eq!(cfg.database_url(), "sqlite:///etc/sb/var/supportbot.db");
        assert_eq!(cfg.support_domain(), "example.test");
        assert_eq!(
            cfg.from_header()
                .parse::<lettre::message::Mailbox>()
                .unwrap()
                .name
                .as_deref(),
            Some("IT Service Desk")
        );
    }

    #[test]
    fn extra_mailboxes_each_get_their_own_config_and_from_address() {
        let text = MINIMAL.replace("[smtp]\nhost = \"127.0.0.1\"\n", "[smtp]\nhost = \"127.0.0.1\"\nfrom = \"Desk <support@example.test>\"\n")
            + "[[mailboxes]]\nhost = \"imap2\"\nusername = \"net\"\naddress = \"network@example.test\"\n\
               default_category = \"network\"\n";
        let cfg = Config::from_toml(&text, Path::new("x.toml"), Path::new("/")).unwrap();
        let all = cfg.mailbox_configs();
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].from_header(), "Desk <support@example.test>");
        assert_eq!(all[1].mailbox.address, "network@example.test");
        assert!(all[1].from_header().contains("<network@example.test>"));
        assert!(all.iter().all(|c| c.mailboxes.is_empty()));
        assert_eq!(
            cfg.own_addresses(),
            vec!["support@example.test", "network@example.test"]
        );
    }

    #[test]
    fn extra_mailbox_problems_are_named_by_index() {
        let text = MINIMAL.to_string()
            + "[[mailboxes]]\nhost = \"127.0.0.1\"\nusername = \"support@example.test\"\n\
               address = \"nope\"\ndefault_category = \"plumbing\"\n";
        let err = Config::from_toml(&text, Path::new("x.toml"), Path::new("/"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("mailboxes[0].address"), "{err}");
        assert!(err.contains("mailboxes[0].default_category"), "{err}");
        assert!(err.contains("a second time"), "{err}");
    }

    #[test]
    fn debug_redacts_passwords() {
        let cfg = Config::from_toml(MINIMAL, Path::new("x.toml"), Path::new("/")).unwrap();
        let dbg = format!("{cfg:?}");
        assert!(!dbg.contains("hunter2"), "{dbg}");
        assert!(dbg.contains("***"));
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let text = MINIMAL.replace("support@example.test\"\n[smtp]", "nope\"\n[smtp]")
            + "[general]\ntimezone = \"Mars/Base\"\n";
        let err = Config::from_toml(&text, Path::new("x.toml"), Path::new("/")).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("mailbox.address"), "{msg}");
        assert!(msg.contains("Mars/Base"), "{msg}");
    }

    #[test]
    fn unknown_keys_are_rejected() {
        let text = MINIMAL.to_string() + "[database]\nulr = \"x\"\n";
        let err = Config::from_toml(&text, Path::new("x.toml"), Path::new("/")).unwrap_err();
        assert!(err.to_string().contains("ulr"), "{err}");
    }

    #[test]
    fn workflow_defaults_and_engineers_parse() {
        let cfg = Config::from_toml(MINIMAL, Path::new("x.toml"), Path::new("/")).unwrap();
        assert_eq!(cfg.workflow.auto_close_after.secs(), 3 * 86_400);
        assert_eq!(cfg.workflow.reopen_window.secs(), 14 * 86_400);
        assert_eq!(cfg.workflow.token_max_age.secs(), 30 * 86_400);
        assert!(cfg.workflow.trusted_authserv_ids.is_empty());
        let text = MINIMAL.to_string()
            + "[workflow]\nsecret = \"0123456789abcdef-secret\"\n\
               [[engineers]]\nname = \"Bob\"\nemail = \"bob@example.test\"\ncategories = [\"network\"]\n";
        let cfg = Config::from_toml(&text, Path::new("x.toml"), Path::new("/")).unwrap();
        assert_eq!(cfg.engineers.len(), 1);
        assert!(!format!("{cfg:?}").contains("0123456789abcdef"));
    }

    #[test]
    fn example_config_documents_valid_workflow_keys() {
        let example = include_str!("../config/supportbot.example.toml");
        let parsed: Result<Config, _> = toml::from_str(example);
        assert!(parsed.is_ok(), "{parsed:?}");
        // The commented engineer examples must parse too once uncommented.
        let keys = [
            "[[engineers]]",
            "name =",
            "email =",
            "categories =",
            "supervisor =",
            "languages =",
            "secret =",
        ];
        let uncommented: String = example
            .lines()
            .map(|l| match l.strip_prefix("# ") {
                Some(rest) if keys.iter().any(|k| rest.starts_with(k)) => rest,
                _ => l,
            })
            .collect::<Vec<_>>()
            .join("\n");
        let cfg: Config = toml::from_str(&uncommented).unwrap();
        assert_eq!(cfg.engineers.len(), 2);
        assert!(cfg.engineers.iter().any(|e| e.supervisor));
        assert!(!cfg.workflow.secret.is_empty());
    }

    #[test]
    fn engineers_need_a_secret_and_known_categories() {
        let text = MINIMAL.to_string()
            + "[[engineers]]\nname = \"Bob\"\nemail = \"bob@example.test\"\ncategories = [\"netwrk\"]\n";
        let err = Config::from_toml(&text, Path::new("x.toml"), Path::new("/")).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("workflow.secret"), "{msg}");
        assert!(msg.contains("netwrk"), "{msg}");
    }

    #[test]
    fn timer_settings_default_to_the_service_standard() {
        let cfg = Config::from_toml(MINIMAL, Path::new("x.toml"), Path::new("/")).unwrap();
        assert_eq!(cfg.sla.warn_ratio, 0.75);
        assert_eq!(cfg.sla.escalation_repeat.secs(), 3600);
        assert_eq!(cfg.sla.keep_in_loop.secs(Priority::P1), Some(3600));
        assert_eq!(cfg.sla.keep_in_loop.secs(Priority::P2), Some(7200));
        assert_eq!(cfg.sla.keep_in_loop.secs(Priority::P3), None);
        assert!(cfg.calendar().is_always());
        assert!(!cfg.digest.enabled);
        assert!(cfg.supervisors().is_empty());
        assert_eq!(
            crate::ticket::sla::SlaPolicy::from_config(&cfg.sla),
            crate::ticket::sla::SlaPolicy::default()
        );
    }

    #[test]
    fn timer_settings_are_read() {
        let text = MINIMAL.to_string()
            + r#"
[sla]
warn_ratio = 0.5
escalation_repeat = "30m"
escalate_to = ["Boss@example.test"]
language = "en"
[sla.keep_in_loop]
P1 = "0s"
P3 = "4h"
[sla.P1]
respond = "10m"
resolve = "1h"
[calendar]
timezone = "Asia/Shanghai"
days = ["mon", "tue", "wed", "thu", "fri"]
hours = ["09:00-18:00"]
holidays = ["2026-10-01"]
[digest]
enabled = true
weekday = "fri"
time = "17:30"
[workflow]
secret = "0123456789abcdef-secret"
[[engineers]]
name = "Wang"
email = "wang@example.test"
supervisor = true
[[engineers]]
name = "Li"
email = "li@example.test"
"#;
        let cfg = Config::from_toml(&text, Path::new("x.toml"), Path::new("/")).unwrap();
        let policy = crate::ticket::sla::SlaPolicy::from_config(&cfg.sla);
        assert_eq!(policy.warn_ratio, 0.5);
        assert_eq!(policy.escalation_repeat, 1800);
        assert_eq!(
            policy.keep_in_loop,
            [None, Some(7200), Some(4 * 3600), None]
        );
        assert_eq!(policy.target(Priority::P1).respond, 600);
        assert_eq!(
            cfg.sla.p2.respond.secs(),
            1800,
            "untouched priorities keep defaults"
        );
        assert!(!cfg.calendar().is_always());
        assert_eq!(cfg.calendar().timezone(), chrono_tz::Asia::Shanghai);
        assert_eq!(cfg.digest.weekday(), Some(chrono::Weekday::Fri));
        assert_eq!(cfg.supervisors(), vec!["wang@example.test".to_string()]);
        assert_eq!(cfg.digest_recipients(), cfg.supervisors());
        assert_eq!(cfg.engineer_name("LI@example.test"), Some("Li"));
    }

    #[test]
    fn escalate_to_is_the_fallback_for_supervisors() {
        let text = MINIMAL.to_string()
            + "[sla]\nescalate_to = [\"Desk-Lead@example.test\", \"desk-lead@example.test\"]\n";
        let cfg = Config::from_toml(&text, Path::new("x.toml"), Path::new("/")).unwrap();
        assert_eq!(
            cfg.supervisors(),
            vec!["desk-lead@example.test".to_string()]
        );
    }

    #[test]
    fn every_timer_problem_is_reported_at_once() {
        let text = MINIMAL.to_string()
            + r#"
[sla]
warn_ratio = 1.5
language = "fr"
escalate_to = ["nobody"]
[calendar]
timezone = "Mars/Base"
hours = ["18:00-09:00"]
[digest]
enabled = true
weekday = "someday"
time = "25:61"
[[engineers]]
name = "Nobody"
email = "not-an-address"
"#;
        let err = Config::from_toml(&text, Path::new("x.toml"), Path::new("/")).unwrap_err();
        let msg = err.to_string();
        for needle in [
            "sla.warn_ratio",
            "sla.language",
            "sla.escalate_to",
            "calendar.timezone",
            "calendar.hours",
            "digest.weekday",
            "digest.time",
            "engineers[0].email",
        ] {
            assert!(msg.contains(needle), "{needle} missing in {msg}");
        }
    }

    #[test]
    fn example_config_parses_with_every_documented_key() {
        let text = include_str!("../config/supportbot.example.toml");
        // Only the environment-dependent check may fail here.
        let cfg: Config = toml::from_str(text).unwrap();
        let problems: Vec<String> = cfg
            .validate()
            .into_iter()
            .filter(|p| !p.contains("password_env"))
            .collect();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(cfg.sla.warn_ratio, 0.75);
    }

    #[test]
    fn digest_without_recipients_is_rejected() {
        let text = MINIMAL.to_string() + "[digest]\nenabled = true\n";
        let err = Config::from_toml(&text, Path::new("x.toml"), Path::new("/")).unwrap_err();
        assert!(err.to_string().contains("nobody receives it"), "{err}");
    }

    #[test]
    fn bad_duration_is_explained() {
        let text = MINIMAL.replace("[smtp]", "poll_interval = \"soon\"\n[smtp]");
        let err = Config::from_toml(&text, Path::new("x.toml"), Path::new("/")).unwrap_err();
        assert!(err.to_string().contains("soon"), "{err}");
    }
}
