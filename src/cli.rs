//! Command-line interface (clap). Subcommand names and flags are a stable interface.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// supportbot: an email-first IT support desk.
#[derive(Debug, Parser)]
#[command(name = "supportbot", version, about, long_about = None)]
pub struct Cli {
    /// Config file. Default: $SUPPORTBOT_CONFIG, else config/supportbot.toml.
    #[arg(long, global = true, env = "SUPPORTBOT_CONFIG")]
    pub config: Option<PathBuf>,
    /// Log format on stderr.
    #[arg(long, global = true, value_enum, default_value_t = LogFormat::Pretty)]
    pub log_format: LogFormat,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    Pretty,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Watch the mailbox (IDLE or polling) and deliver the outbox until SIGTERM/SIGINT.
    Run,
    /// Process everything pending, flush the outbox, print a summary and exit.
    Once,
    /// Take one raw mail from FILE or stdin (MTA pipe delivery). Exit 75 on a temporary
    /// failure so the MTA retries.
    Ingest { file: Option<PathBuf> },
    /// Print one JSON line per mail file: kind, category, priority, language, reasons.
    /// Touches neither the database nor the network.
    Classify {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Rules file to use instead of the configured/built-in rules.
        #[arg(long)]
        rules: Option<PathBuf>,
    },
    /// Score triage on a labelled directory (DIR/labels.csv beside the mails): kind,
    /// category and priority accuracy, per language, confusion matrices, every miss with
    /// the rules that fired. Exit 1 when a --min-* floor is not reached.
    Eval {
        dir: PathBuf,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
        /// Fail (exit 1) below this category accuracy (0..1).
        #[arg(long)]
        min_category: Option<f64>,
        /// Fail (exit 1) below this exact priority accuracy (0..1).
        #[arg(long)]
        min_priority: Option<f64>,
        /// Skip the speed measurement (about half a second).
        #[arg(long)]
        no_speed: bool,
        /// Rules file to use instead of the configured/built-in rules.
        #[arg(long)]
        rules: Option<PathBuf>,
    },
    /// Work on the classification rules file.
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
    },
    /// Inspect tickets.
    Tickets {
        #[command(subcommand)]
        command: TicketsCommand,
    },
    /// Mails that could not be accepted, with their reasons.
    Quarantine {
        #[arg(long)]
        json: bool,
    },
    /// Validate the config file, rules and templates; report every problem.
    CheckConfig,
    /// Create or upgrade the database schema.
    Migrate,
    /// Write the whole desk (every table, raw mails, attachment files) as JSON lines, to
    /// move it to another database with `import`.
    Export {
        /// Write to FILE instead of stdout.
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Load an `export` file into the configured database, which must be empty (it is
    /// migrated first); attachment files go to general.data_dir.
    Import { file: PathBuf },
    /// Run the SLA timer once (for cron): queue due reminders, escalations, nudges and
    /// the weekly digest, deliver them, print what was queued and the next due time.
    Tick {
        /// Queue only; leave delivery to the daemon or the next `once`.
        #[arg(long)]
        queue_only: bool,
        #[arg(long)]
        json: bool,
    },
    /// Knowledge base: search, list and check articles, write and publish drafts, and
    /// measure retrieval on a labelled set.
    Kb {
        /// Article folder instead of the configured `[knowledge] dir`.
        #[arg(long)]
        dir: Option<PathBuf>,
        #[command(subcommand)]
        command: crate::knowledge::cli::KbCommand,
    },
    /// Service report: per priority, category and engineer.
    Report {
        /// Start of the window: a span back from now ("30d", "12h") or a date/time
        /// ("2026-11-01", "2026-11-01 08:00", RFC 3339), local to general.timezone.
        #[arg(long, default_value = "30d")]
        since: String,
        /// End of the window (default: now); same forms as --since.
        #[arg(long)]
        until: Option<String>,
        #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
        format: ReportFormat,
        /// Write to FILE instead of stdout.
        #[arg(long)]
        output: Option<PathBuf>,
        /// Only the tickets of this `[[organisations]]` name ("(desk)": the desk's own).
        #[arg(long)]
        organisation: Option<String>,
    },
    /// Score the requester-answer reader on a labelled folder (DIR/labels.csv with
    /// file,context,expected,lang,notes): accuracy, per context, confusion, every miss and
    /// the unsafe misses. Exit 1 on any unsafe miss or below --min-accuracy.
    EvalAnswers {
        dir: PathBuf,
        #[arg(long)]
        json: bool,
        /// Fail (exit 1) below this accuracy, 0..=1.
        #[arg(long)]
        min_accuracy: Option<f64>,
    },
    /// Health summary from the database: mailbox connections (the daemon's heartbeats),
    /// database, outbox. Exit 1 when something is unhealthy.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// OAuth2 mailboxes (Microsoft 365, Google Workspace).
    Oauth2 {
        #[command(subcommand)]
        command: Oauth2Command,
    },
}

#[derive(Debug, Subcommand)]
pub enum Oauth2Command {
    /// Sign in as the mailbox account and store the refresh token in the configured
    /// `refresh_token_file`: device code for Microsoft (prints a URL and a code), the
    /// browser with a redirect to 127.0.0.1 for Google.
    Login {
        /// microsoft or google (default: the table's `provider`).
        #[arg(long)]
        provider: Option<String>,
        /// Which table: `mailbox` (default), `smtp`, or `mailboxes[N]`.
        #[arg(long, default_value = "mailbox")]
        table: String,
        /// `device` or `browser` (default: device for Microsoft, browser for Google).
        #[arg(long)]
        flow: Option<String>,
        /// Port of the 127.0.0.1 redirect listener of the browser flow (0: any free one).
        #[arg(long, default_value_t = 0)]
        port: u16,
    },
}

/// Output form of `supportbot report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Table,
    Json,
    Csv,
    Html,
}

/// A `--since`/`--until` value at `now`: "30d"/"12h"/"90m" back from now, a local date
/// ("2026-11-01", midnight), a local date and time ("2026-11-01 08:00") or RFC 3339.
pub fn parse_when(
    s: &str,
    now: crate::ticket::model::Timestamp,
    tz: chrono_tz::Tz,
) -> Result<crate::ticket::model::Timestamp, String> {
    use chrono::TimeZone as _;
    let s = s.trim();
    if s.eq_ignore_ascii_case("now") {
        return Ok(now);
    }
    if let Ok(d) = humantime::parse_duration(s) {
        let secs = i64::try_from(d.as_secs()).map_err(|_| format!("{s:?} is too long"))?;
        return Ok(now - secs);
    }
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
        return Ok(t.timestamp());
    }
    let local = chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M")
        .or_else(|_| chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M"))
        .or_else(|_| {
            chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map(|d| d.and_time(chrono::NaiveTime::MIN))
        })
        .map_err(|_| {
            format!("{s:?} is neither a span (\"30d\") nor a date (\"2026-11-01\", \"2026-11-01 08:00\")")
        })?;
    tz.from_local_datetime(&local)
        .earliest()
        .map(|t| t.timestamp())
        .ok_or_else(|| format!("{s:?} does not exist in {}", tz.name()))
}

/// `supportbot rules …`
#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Lint the rules file: patterns that cannot match, duplicate ids and patterns,
    /// rules shadowed by others, and (given mails) rules that never match any of them.
    Check {
        /// Mail files or directories of `.eml` files to look for dead rules in.
        corpus: Vec<PathBuf>,
        /// Rules file to check instead of the configured/built-in rules.
        #[arg(long)]
        rules: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Mine tickets engineers re-categorised or re-prioritised for candidate keywords and
    /// phrases, simulate each on every past ticket, and print the ones that fix more than
    /// they break as ready-to-paste TOML. Changes nothing.
    Suggest {
        /// Tickets opened since: a span ("90d") or a date, as for `report`.
        #[arg(long, default_value = "90d")]
        since: String,
        /// Rules file to extend instead of the configured/built-in rules.
        #[arg(long)]
        rules: Option<PathBuf>,
        /// Candidates simulated per corrected-to class.
        #[arg(long, default_value_t = 6)]
        per_class: usize,
    },
}

#[derive(Debug, Subcommand)]
pub enum TicketsCommand {
    /// List tickets, newest first.
    List {
        #[arg(long)]
        json: bool,
        #[arg(long, default_value_t = 100)]
        limit: i64,
        /// Only the tickets of this `[[organisations]]` name ("(desk)": the desk's own).
        #[arg(long)]
        organisation: Option<String>,
    },
    /// Show one ticket with its messages, attachments and timeline.
    Show {
        number: i64,
        #[arg(long)]
        json: bool,
    },
}

impl Cli {
    /// The config path: --config, $SUPPORTBOT_CONFIG, else config/supportbot.toml.
    pub fn config_path(&self) -> PathBuf {
        self.config
            .clone()
            .unwrap_or_else(|| PathBuf::from("config/supportbot.toml"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_window_values_parse() {
        let now = 1_795_996_800; // 2026-11-30 00:00 UTC
        let sh: chrono_tz::Tz = "Asia/Shanghai".parse().unwrap();
        let cases = [
            ("30d", Ok(now - 30 * 86_400)),
            ("12h", Ok(now - 12 * 3600)),
            ("now", Ok(now)),
            ("2026-11-30", Ok(now - 8 * 3600)),
            ("2026-11-30 08:00", Ok(now)),
            ("2026-11-30T00:00:00Z", Ok(now)),
        ];
        for (s, want) in cases {
            assert_eq!(parse_when(s, now, sh), want, "{s}");
        }
        assert!(parse_when("last week", now, sh).is_err());
    }
}
