//! Configuration: serde structs with defaults, `validate()` reporting every problem at
//! once, paths resolved against the config file's folder, and secrets that never show
//! in `Debug` output or logs.

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

pub(crate) fn dur(s: u64) -> Dur {
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
    /// `[[organisations]]`: the customer organisations the desk serves (empty: one desk).
    #[serde(default)]
    pub organisations: Vec<OrganisationConfig>,
    /// `[http]`: `/healthz`, `/readyz` and `/metrics` (off by default).
    #[serde(default)]
    pub http: Http,
    /// `[knowledge]`: knowledge base and missing-fact questions (issue 10).
    #[serde(default)]
    pub knowledge: Knowledge,
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

mod knowledge;
mod oauth2;
mod ops;
mod organisation;
mod sla;
mod transport;
mod validate;
mod workflow;

pub use knowledge::Knowledge;
pub use oauth2::*;
pub use ops::*;
pub use organisation::*;
pub use sla::*;
pub use transport::*;
pub use workflow::*;

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
mod tests;
