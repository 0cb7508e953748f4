//! Logging setup: `tracing` to stderr, filtered by `RUST_LOG` (default `info`: one line per
//! batch, per-mail lines at `debug`), colours only when stderr is a terminal (and
//! `NO_COLOR` is unset), so a log file holds no escape codes. Must never let a secret
//! through: the IMAP wire trace (LOGIN carries the password) is always off.

use crate::cli::LogFormat;
use tracing_subscriber::EnvFilter;

pub fn init(format: LogFormat) {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,async_imap=warn,lettre=warn"));
    // async-imap traces every command it encodes, LOGIN with the password included: never
    // let RUST_LOG=trace put the mailbox password (or mail bodies) into the logs.
    let filter = match "async_imap::imap_stream=info".parse() {
        Ok(d) => filter.add_directive(d),
        Err(_) => filter,
    };
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr())
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(ansi)
        .with_writer(std::io::stderr);
    let _ = match format {
        LogFormat::Json => builder.json().try_init(),
        LogFormat::Pretty => builder.try_init(),
    };
}
