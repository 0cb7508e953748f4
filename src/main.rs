//! The `supportbot` binary: parse the command line, set up logging, hand over to `app`.

use clap::Parser;
use supportbot::{app, cli::Cli, telemetry};

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    telemetry::init(cli.log_format);
    // Two workers: the work is one inbox loop per mailbox, a sender and timers, mostly
    // waiting on sockets; a worker per core (and its allocator arena) only costs memory.
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match runtime.block_on(app::main(cli)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::from(app::exit_code(&e))
        }
    }
}
