//! Benchmark (not a test): end-to-end throughput of `supportbot once` and the
//! arrival-to-acknowledgement latency of `supportbot run`, against the private Dovecot and
//! Postfix of tests/env (started if needed) and Postfix's `smtp-sink` for throughput.
//!
//! cargo run --release --bin bench -- [--mails 2000] [--latency 100] [--db sqlite|postgres]
//!                                     [--daemons 1] [--connections 4] [--batch 100]
//!                                     [--history 100000] [--mailboxes 1] [--pool 0]
//!
//! Reports mails/s end to end (fetched, ticketed, acknowledged, acknowledgements accepted by
//! the SMTP server), peak RSS of the supportbot process (VmHWM, sampled every 20 ms), and
//! latency p50/p99 from handing a request to Postfix until its acknowledgement is in the
//! requester's mailbox. `--daemons N` runs N processes on the same mailbox and database
//! (a fleet: each mail must still be processed once; the counts are summed). `--history N`
//! fills another database with N synthetic tickets and times `tickets list` and `report`
//! on it (0 skips). `--mailboxes M` spreads the mails over M support mailboxes, each
//! with its own config and `--daemons` processes, all on one database (scale-out across
//! mailboxes). Measures; asserts nothing.

#![allow(clippy::indexing_slicing)] // indices are in range by construction

use anyhow::{bail, Context as _};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use supportbot::config::{Secret, Security};
use supportbot::mail::imap::{ImapSettings, Inbox};
use supportbot::mail::smtp::{SmtpClient, SmtpSettings};

#[derive(Debug, Clone)]
struct Args {
    mails: usize,
    latency: usize,
    db: String,
    daemons: usize,
    connections: usize,
    batch: usize,
    record_every: u32,
    history: usize,
    mailboxes: usize,
    /// `[database] max_connections` of the measured processes (0: the default).
    pool: u32,
}

fn parse_args() -> anyhow::Result<Args> {
    let mut a = Args {
        mails: 2000,
        latency: 100,
        db: "sqlite".into(),
        daemons: 1,
        connections: 4,
        batch: 100,
        record_every: 1,
        history: 100_000,
        mailboxes: 1,
        pool: 0,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut val = || it.next().context(format!("{flag} needs a value"));
        match flag.as_str() {
            "--mails" => a.mails = val()?.parse()?,
            "--latency" => a.latency = val()?.parse()?,
            "--db" => a.db = val()?,
            "--daemons" => a.daemons = val()?.parse()?,
            "--connections" => a.connections = val()?.parse()?,
            "--batch" => a.batch = val()?.parse()?,
            "--record-every" => a.record_every = val()?.parse()?,
            "--history" => a.history = val()?.parse()?,
            "--mailboxes" => a.mailboxes = val()?.parse::<usize>()?.max(1),
            "--pool" => a.pool = val()?.parse()?,
            "-h" | "--help" => {
                println!("bench [--mails N] [--latency N] [--db sqlite|postgres] [--daemons N] [--connections N] [--batch N] [--record-every N] [--history N] [--mailboxes N] [--pool N]");
                std::process::exit(0);
            }
            other => bail!("unknown flag {other}"),
        }
    }
    Ok(a)
}

#[derive(serde::Deserialize)]
struct Env {
    host: String,
    domain: String,
    imap_port: u16,
    smtp_plain_port: u16,
    pg_url: String,
}

/// Log filter of the supportbot processes the benchmark starts (`BENCH_LOG`, default warn).
fn bench_log() -> String {
    std::env::var("BENCH_LOG").unwrap_or_else(|_| "warn".into())
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn start_env() -> anyhow::Result<Env> {
    let out = Command::new(repo().join("tests/env/up.sh"))
        .stderr(Stdio::inherit())
        .output()
        .context("run tests/env/up.sh")?;
    if !out.status.success() {
        bail!("tests/env/up.sh failed");
    }
    let path = String::from_utf8_lossy(&out.stdout)
        .lines()
        .last()
        .unwrap_or_default()
        .trim()
        .to_string();
    Ok(serde_json::from_str(
        &std::fs::read_to_string(&path).with_context(|| format!("read {path}"))?,
    )?)
}

fn add_user(email: &str, password: &str) -> anyhow::Result<()> {
    let st = Command::new(repo().join("tests/env/adduser.sh"))
        .arg(email)
        .arg(password)
        .stdout(Stdio::null())
        .status()?;
    if !st.success() {
        bail!("adduser.sh {email} failed");
    }
    Ok(())
}

fn free_port() -> anyhow::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port())
}

/// The measured `once`, run under `BENCH_WRAP` when set (e.g. `perf record -g -o
/// /tmp/once.data`, or `heaptrack -o /tmp/once`): a profile of exactly that run.
fn wrapped(bin: &Path) -> Command {
    let wrap = std::env::var("BENCH_WRAP").unwrap_or_default();
    let mut words = wrap.split_whitespace();
    match words.next() {
        Some(prog) => {
            let mut c = Command::new(prog);
            c.args(words).arg(bin);
            c
        }
        None => Command::new(bin),
    }
}

/// Peak RSS (VmHWM) of a running process in KiB, if readable.
fn vm_hwm(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
}

/// Wait for all children, sampling each one's peak RSS while it runs; returns per child
/// (elapsed, peak KiB, stdout).
fn wait_sampled(
    mut children: Vec<Child>,
    started: Instant,
) -> anyhow::Result<Vec<(Duration, u64, String)>> {
    let mut peaks = vec![0u64; children.len()];
    let mut done: Vec<Option<Duration>> = vec![None; children.len()];
    while done.iter().any(Option::is_none) {
        for (i, child) in children.iter_mut().enumerate() {
            if done[i].is_some() {
                continue;
            }
            if let Some(kb) = vm_hwm(child.id()) {
                peaks[i] = peaks[i].max(kb);
            }
            if let Some(status) = child.try_wait()? {
                if !status.success() {
                    bail!("supportbot exited with {status}");
                }
                done[i] = Some(started.elapsed());
            }
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut out = Vec::new();
    for (i, child) in children.iter_mut().enumerate() {
        let mut text = String::new();
        if let Some(mut s) = child.stdout.take() {
            use std::io::Read;
            s.read_to_string(&mut text)?;
        }
        out.push((done[i].unwrap_or_default(), peaks[i], text));
    }
    Ok(out)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted
        .get(rank.saturating_sub(1).min(sorted.len() - 1))
        .copied()
        .unwrap_or_default()
}

fn write_config(
    dir: &Path,
    env: &Env,
    support: &str,
    smtp_port: u16,
    db_url: &str,
    a: &Args,
) -> anyhow::Result<PathBuf> {
    let path = dir.join("supportbot.toml");
    std::fs::write(
        &path,
        format!(
            r#"[general]
data_dir = "data"
[mailbox]
host = "{host}"
port = {imap}
security = "none"
username = "{support}"
password = "bench"
address = "{support}"
batch_size = {batch}
poll_interval = "1s"
[smtp]
host = "{host}"
port = {smtp_port}
security = "none"
connections = {conns}
[database]
url = "{db_url}"
{pool}
[loop_guard]
max_mails_per_sender = 1000000
[outbox]
record_every = {record_every}
"#,
            host = env.host,
            imap = env.imap_port,
            batch = a.batch,
            conns = a.connections,
            record_every = a.record_every,
            pool = match a.pool {
                0 => String::new(),
                n => format!("max_connections = {n}"),
            },
        ),
    )?;
    Ok(path)
}

fn fresh_db(env: &Env, a: &Args, dir: &Path) -> anyhow::Result<String> {
    if a.db == "postgres" {
        let name = format!("bench_{}_{}", std::process::id(), rand::random::<u32>());
        let st = Command::new("psql")
            .arg(&env.pg_url)
            .args(["-qc", &format!("CREATE DATABASE {name}")])
            .status()?;
        if !st.success() {
            bail!("CREATE DATABASE failed");
        }
        Ok(format!(
            "{}/{name}",
            env.pg_url
                .rsplit_once('/')
                .map(|(b, _)| b)
                .unwrap_or(&env.pg_url)
        ))
    } else {
        Ok(format!("sqlite://{}/bench.db", dir.display()))
    }
}

fn request(from: &str, to: &str, i: usize) -> Vec<u8> {
    let topics = [
        (
            "VPN keeps dropping",
            "My VPN connection drops every few minutes since this morning.",
        ),
        ("打印机卡纸", "三楼的打印机一直卡纸，现在先用二楼的打印机。"),
        (
            "Cannot log in to CRM",
            "The CRM says my password expired and I cannot follow up customers.",
        ),
        (
            "Outlook crashes",
            "Outlook crashes when I open the calendar; webmail works.",
        ),
        (
            "How do I book a projector?",
            "How can I reserve the projector for Friday's meeting?",
        ),
    ];
    let (subject, body) = topics[i % topics.len()];
    format!(
        "From: {from}\r\nTo: {to}\r\nSubject: {subject} #{i}\r\nMessage-ID: <bench-{i}-{}@client.example.test>\r\n\
         Date: Sun, 29 Nov 2026 12:00:00 +0800\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n",
        rand::random::<u64>()
    )
    .into_bytes()
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let a = parse_args()?;
    let bin = std::env::current_exe()?.with_file_name("supportbot");
    if !bin.is_file() {
        bail!(
            "{} missing: build it first (cargo build --release)",
            bin.display()
        );
    }
    let env = start_env()?;
    let run = format!(
        "{}{:06x}",
        std::process::id(),
        rand::random::<u32>() & 0xffffff
    );
    let supports: Vec<String> = (0..a.mailboxes)
        .map(|m| format!("bench-support{m}-{run}@{}", env.domain))
        .collect();
    for s in &supports {
        add_user(s, "bench")?;
    }
    let requesters: Vec<String> = (0..20)
        .map(|i| format!("bench-req{i}-{run}@{}", env.domain))
        .collect();
    for r in &requesters {
        add_user(r, "bench")?;
    }
    let dir = tempfile::tempdir()?;
    println!("supportbot benchmark: {} mails, {} mailbox(es), {} daemon(s) per mailbox, database {}, {} SMTP connection(s), batch {}", a.mails, a.mailboxes, a.daemons, a.db, a.connections, a.batch);

    // --- Throughput: N requests in the mailbox, `once`, acknowledgements into smtp-sink.
    let sink_port = free_port()?;
    let mut sink = Command::new("smtp-sink")
        .args(["-u", "postfix", &format!("127.0.0.1:{sink_port}"), "256"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .context("start smtp-sink (package postfix)")?;
    let db_url = fresh_db(&env, &a, dir.path())?;
    let mut configs = Vec::new();
    for (m, support) in supports.iter().enumerate() {
        let mdir = dir.path().join(format!("mailbox{m}"));
        std::fs::create_dir_all(&mdir)?;
        configs.push(write_config(&mdir, &env, support, sink_port, &db_url, &a)?);
    }
    let imap = ImapSettings {
        host: env.host.clone(),
        port: env.imap_port,
        security: Security::None,
        username: supports[0].clone(),
        password: Secret::new("bench"),
        ca_file: None,
        timeout: Duration::from_secs(30),
        oauth2: None,
    };
    let t = Instant::now();
    for (m, support) in supports.iter().enumerate() {
        let mut inbox = Inbox::connect(&ImapSettings {
            username: support.clone(),
            ..imap.clone()
        })
        .await?;
        for i in (m..a.mails).step_by(a.mailboxes) {
            inbox
                .append(
                    "INBOX",
                    &request(&requesters[i % requesters.len()], support, i),
                )
                .await?;
        }
        inbox.logout().await;
    }
    println!(
        "  appended {} mails over IMAP in {:.1} s",
        a.mails,
        t.elapsed().as_secs_f64()
    );
    // Schema first, so the measured run is the mail pipeline only.
    let st = Command::new(&bin)
        .arg("--config")
        .arg(&configs[0])
        .arg("migrate")
        .stdout(Stdio::null())
        .status()?;
    if !st.success() {
        bail!("migrate failed");
    }
    let started = Instant::now();
    let mut children = Vec::new();
    for config in &configs {
        for _ in 0..a.daemons {
            children.push(
                wrapped(&bin)
                    .arg("--config")
                    .arg(config)
                    .arg("once")
                    .env("RUST_LOG", bench_log())
                    .stdout(Stdio::piped())
                    .stderr(Stdio::inherit())
                    .spawn()?,
            );
        }
    }
    let mut peaks = Vec::new();
    let mut elapsed = Duration::ZERO;
    let mut summaries = Vec::new();
    for (e, peak, out) in wait_sampled(children, started)? {
        elapsed = elapsed.max(e);
        peaks.push(peak);
        summaries.push(out);
    }
    let _ = sink.kill();
    let _ = sink.wait();
    let count = |key: &str| -> usize {
        summaries
            .iter()
            .filter_map(|s| s.lines().find(|l| l.trim_start().starts_with(key)))
            .filter_map(|l| {
                l.split_whitespace().nth(match key {
                    "mails sent" | "new tickets" => 2,
                    _ => 1,
                })
            })
            .filter_map(|v| v.parse::<usize>().ok())
            .sum()
    };
    let (fetched, tickets, sent) = (count("fetched"), count("new tickets"), count("mails sent"));
    let rate = a.mails as f64 / elapsed.as_secs_f64();
    println!(
        "  once: fetched {fetched}, tickets {tickets}, acknowledgements accepted by SMTP {sent}"
    );
    println!(
        "  end to end: {:.2} s, {rate:.0} mails/s",
        elapsed.as_secs_f64()
    );
    println!(
        "  peak RSS per process: {} KiB",
        peaks
            .iter()
            .map(u64::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    );
    // `once` again on the drained mailbox: the cost of a run with nothing to do.
    let mut idle_ms = f64::MAX;
    for _ in 0..3 {
        let t = Instant::now();
        let st = Command::new(&bin)
            .arg("--config")
            .arg(&configs[0])
            .arg("once")
            .env("RUST_LOG", bench_log())
            .stdout(Stdio::null())
            .status()?;
        if !st.success() {
            bail!("idle once failed");
        }
        idle_ms = idle_ms.min(t.elapsed().as_secs_f64() * 1000.0);
    }
    println!("  once with nothing to do: {idle_ms:.0} ms (best of 3)");
    if fetched != a.mails || tickets != a.mails || sent != a.mails {
        println!(
            "  WARNING: counts differ from {} (see the summaries below)",
            a.mails
        );
        for s in &summaries {
            println!("{s}");
        }
    }

    // --- Latency: the daemon on IDLE, requests one at a time through Postfix.
    let mut lat = Vec::new();
    if a.latency > 0 {
        let ldir = tempfile::tempdir()?;
        let lsupport = format!("bench-lat-{run}@{}", env.domain);
        add_user(&lsupport, "bench")?;
        let lreq = format!("bench-latreq-{run}@{}", env.domain);
        add_user(&lreq, "bench")?;
        let ldb = fresh_db(&env, &a, ldir.path())?;
        let lconfig = write_config(ldir.path(), &env, &lsupport, env.smtp_plain_port, &ldb, &a)?;
        let st = Command::new(&bin)
            .arg("--config")
            .arg(&lconfig)
            .arg("migrate")
            .stdout(Stdio::null())
            .status()?;
        if !st.success() {
            bail!("migrate failed");
        }
        let mut daemons = Vec::new();
        for _ in 0..a.daemons {
            daemons.push(
                Command::new(&bin)
                    .arg("--config")
                    .arg(&lconfig)
                    .arg("run")
                    .env("RUST_LOG", bench_log())
                    .stdout(Stdio::null())
                    .stderr(Stdio::inherit())
                    .spawn()?,
            );
        }
        tokio::time::sleep(Duration::from_millis(1000)).await;
        let smtp = SmtpSettings {
            host: env.host.clone(),
            port: env.smtp_plain_port,
            security: Security::None,
            username: None,
            password: Secret::default(),
            ca_file: None,
            timeout: Duration::from_secs(30),
            hello_name: "bench.example.test".into(),
            oauth2: None,
        };
        let mut client = SmtpClient::connect(&smtp).await?;
        let mut watch = Inbox::connect(&ImapSettings {
            username: lreq.clone(),
            ..imap.clone()
        })
        .await?;
        for i in 0..a.latency {
            let raw = request(&lreq, &lsupport, i);
            let t = Instant::now();
            client
                .send_raw(&lreq, std::slice::from_ref(&lsupport), &raw)
                .await?;
            loop {
                let state = watch.select("INBOX").await?;
                if state.exists as usize > i {
                    break;
                }
                if t.elapsed() > Duration::from_secs(30) {
                    bail!("no acknowledgement for latency mail {i} within 30 s");
                }
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
            lat.push(t.elapsed());
        }
        client.quit().await;
        watch.logout().await;
        for daemon in &mut daemons {
            let _ = Command::new("kill")
                .arg("-TERM")
                .arg(daemon.id().to_string())
                .status();
            let _ = daemon.wait();
        }
        lat.sort();
        println!(
            "  latency over {} mails (SMTP in → Postfix → Dovecot → IDLE → ticket → SMTP out → Postfix → Dovecot): p50 {:.0} ms, p99 {:.0} ms, max {:.0} ms",
            lat.len(),
            percentile(&lat, 50.0).as_secs_f64() * 1000.0,
            percentile(&lat, 99.0).as_secs_f64() * 1000.0,
            lat.last().copied().unwrap_or_default().as_secs_f64() * 1000.0
        );
    }
    let history = if a.history > 0 {
        history_costs(&bin, &env, &a).await?
    } else {
        serde_json::Value::Null
    };
    println!(
        "{}",
        serde_json::json!({
            "history": history,
            "mails": a.mails, "db": a.db, "daemons": a.daemons, "mailboxes": a.mailboxes, "connections": a.connections,
            "batch": a.batch, "seconds": elapsed.as_secs_f64(), "mails_per_s": rate,
            "fetched": fetched, "tickets": tickets, "idle_once_ms": idle_ms, "acks_sent": sent, "peak_rss_kib": peaks,
            "latency_p50_ms": percentile(&lat, 50.0).as_secs_f64() * 1000.0,
            "latency_p99_ms": percentile(&lat, 99.0).as_secs_f64() * 1000.0,
        })
    );
    Ok(())
}

/// Time one CLI command (best of three); returns (ms, bytes of stdout).
fn timed(bin: &Path, config: &Path, args: &[&str]) -> anyhow::Result<(f64, usize)> {
    let mut best = f64::MAX;
    let mut size = 0;
    for _ in 0..3 {
        let t = Instant::now();
        let out = Command::new(bin)
            .arg("--config")
            .arg(config)
            .args(args)
            .env("RUST_LOG", bench_log())
            .output()?;
        if !out.status.success() {
            bail!(
                "supportbot {args:?} failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        best = best.min(t.elapsed().as_secs_f64() * 1000.0);
        size = out.stdout.len();
    }
    Ok((best, size))
}

/// `tickets list` and `report` on a database of `a.history` synthetic tickets.
async fn history_costs(bin: &Path, env: &Env, a: &Args) -> anyhow::Result<serde_json::Value> {
    use supportbot::store::{synthetic_history, Store, StoreOptions};
    let dir = tempfile::tempdir()?;
    let db = fresh_db(env, a, dir.path())?;
    let config = write_config(dir.path(), env, "history@example.test", 25, &db, a)?;
    let store = Store::connect(&db, &StoreOptions::default()).await?;
    store.migrate().await?;
    let now = supportbot::clock::now();
    let span = 365 * 86_400;
    let t = Instant::now();
    let tickets = synthetic_history(a.history, now - span, span, 7);
    store.insert_synthetic(&tickets, 500).await?;
    store.close().await;
    let fill = t.elapsed().as_secs_f64();
    let list = timed(bin, &config, &["tickets", "list", "--json"])?;
    let list_all = timed(
        bin,
        &config,
        &[
            "tickets",
            "list",
            "--json",
            "--limit",
            &a.history.to_string(),
        ],
    )?;
    let report30 = timed(bin, &config, &["report", "--format", "json"])?;
    let report365 = timed(
        bin,
        &config,
        &["report", "--format", "json", "--since", "366d"],
    )?;
    println!(
        "  history of {} tickets ({} db, filled in {fill:.1} s): tickets list (default limit) {:.0} ms, \
         tickets list --limit {} {:.0} ms ({} KB), report 30d {:.0} ms, report 366d {:.0} ms",
        a.history,
        a.db,
        list.0,
        a.history,
        list_all.0,
        list_all.1 / 1024,
        report30.0,
        report365.0
    );
    Ok(serde_json::json!({
        "tickets": a.history, "tickets_list_ms": list.0, "tickets_list_all_ms": list_all.0,
        "report_30d_ms": report30.0, "report_366d_ms": report365.0,
    }))
}
