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
}

#[derive(Debug, Subcommand)]
pub enum TicketsCommand {
    /// List tickets, newest first.
    List {
        #[arg(long)]
        json: bool,
        #[arg(long, default_value_t = 100)]
        limit: i64,
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
