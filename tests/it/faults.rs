//! Issue 5, fault injection: the real daemon against the real servers while things break —
//! `kill -9` mid-batch, the IMAP server vanishing, UIDVALIDITY changing, SMTP down, a
//! permanent 5xx, a full or read-only database disk, and a peer auto-responder. Each test
//! prints one `RELIABILITY` line (mails in, tickets, acks delivered, duplicates, losses)
//! that `scripts/soak` collects into the table of docs/reliability.md. Sizes are small by
//! default (CI); `FAULTS_MAILS` and `FAULTS_KILLS` scale the kill test up.

use crate::desk::{header, Desk};
use crate::env::{sample_mail, TestEnv, TestUser};
use crate::faults_proxy::Flaky;
use rand::Rng;
use sqlx::Row;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::time::{Duration, Instant};

/// A daemon that is killed if a failed assertion unwinds past it: a leaked daemon would
/// keep polling its (deleted) mailbox for ever.
pub struct Reap(pub std::process::Child);

impl Drop for Reap {
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// One line of the reliability table, greppable by `scripts/soak`.
pub fn report(
    scenario: &str,
    mails: usize,
    tickets: usize,
    acks: usize,
    dups: usize,
    lost: usize,
    note: &str,
) {
    eprintln!(
        "RELIABILITY | {scenario} | mails in {mails} | tickets {tickets} | acks delivered {acks} | duplicates {dups} | losses {lost} | {note}"
    );
}

/// Rewrite one line of the desk's config (first occurrence of `from`).
pub fn edit_config(desk: &Desk, from: &str, to: &str) {
    let text = std::fs::read_to_string(&desk.config).unwrap();
    assert!(text.contains(from), "config has no {from:?}:\n{text}");
    std::fs::write(&desk.config, text.replacen(from, to, 1)).unwrap();
}

/// Open the desk's SQLite database (read-mostly checks on the outbox and processed marks).
pub async fn db(desk: &Desk) -> sqlx::SqlitePool {
    let url = format!("sqlite://{}/supportbot.db", desk.dir.path().display());
    db_at(&url).await
}

pub async fn db_at(url: &str) -> sqlx::SqlitePool {
    use std::str::FromStr;
    let opts = sqlx::sqlite::SqliteConnectOptions::from_str(url)
        .unwrap()
        .busy_timeout(Duration::from_secs(10));
    sqlx::sqlite::SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(opts)
        .await
        .unwrap()
}

/// Outbox rows by status.
pub async fn outbox_status(pool: &sqlx::SqlitePool) -> BTreeMap<String, i64> {
    sqlx::query("SELECT status, count(*) AS n FROM outbox GROUP BY status")
        .fetch_all(pool)
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get::<String, _>("status"), r.get::<i64, _>("n")))
        .collect()
}

/// Acknowledgements in the requesters' inboxes: In-Reply-To → Message-IDs of the acks.
pub async fn acks_by_request(env: &TestEnv, users: &[TestUser]) -> HashMap<String, Vec<String>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for u in users {
        for raw in env.fetch_all(u, "INBOX").await {
            let irt = header(&raw, "In-Reply-To").unwrap_or_default();
            let mid = header(&raw, "Message-ID").unwrap_or_default();
            out.entry(irt.trim_matches(['<', '>']).to_string())
                .or_default()
                .push(mid);
        }
    }
    out
}

/// Wait until the requesters' inboxes together hold at least `n` mails, then a little
/// longer so late duplicates show up too.
pub async fn wait_total(env: &TestEnv, users: &[TestUser], n: usize, deadline: Duration) -> usize {
    let started = Instant::now();
    loop {
        let mut total = 0;
        for u in users {
            total += env.fetch_all(u, "INBOX").await.len();
        }
        if total >= n || started.elapsed() > deadline {
            tokio::time::sleep(Duration::from_secs(2)).await;
            return total;
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
}

/// Count (delivered requests, duplicate acks, lost requests) and check that every
/// duplicate is the same outbox row sent twice (same Message-ID), the only duplicate a
/// kill between the SMTP 250 and the outbox commit can cause.
pub fn tally(ids: &HashSet<String>, acks: &HashMap<String, Vec<String>>) -> (usize, usize, usize) {
    let mut delivered = 0;
    let mut dups = 0;
    let mut lost = 0;
    for id in ids {
        match acks.get(id) {
            Some(v) if !v.is_empty() => {
                delivered += 1;
                dups += v.len() - 1;
                let distinct: HashSet<&String> = v.iter().collect();
                assert_eq!(
                    distinct.len(),
                    1,
                    "request {id} acknowledged by different outbox rows: {v:?}"
                );
            }
            _ => lost += 1,
        }
    }
    (delivered, dups, lost)
}

pub fn request(i: usize, from: &TestUser, to: &str, tag: &str) -> (String, Vec<u8>) {
    sample_mail(
        &from.email,
        to,
        &format!("{tag} printer jam number {i}"),
        "The printer on floor 2 jams every few pages; the one on floor 3 works.",
    )
}

fn big_budget() -> &'static str {
    "[loop_guard]\nmax_mails_per_sender = 1000000\n"
}

#[tokio::test(flavor = "multi_thread")]
async fn kill_9_at_random_moments_loses_nothing_and_doubles_no_ticket() {
    let mails = env_usize("FAULTS_MAILS", 150);
    let kills = env_usize("FAULTS_KILLS", 4);
    let desk = Desk::with_config("kill9", "", big_budget());
    let env = desk.env;
    let users: Vec<TestUser> = (0..5).map(|i| env.new_user(&format!("k9req{i}"))).collect();
    let mut ids = HashSet::new();
    let mut raws = Vec::new();
    for i in 0..mails {
        let (id, raw) = request(i, &users[i % users.len()], &desk.support.email, "K9");
        ids.insert(id);
        raws.push(raw);
    }
    // The batch arrives in `kills` slices; each daemon is killed at a random moment while
    // it fetches, commits or sends them.
    let mut rng = rand::thread_rng();
    let per_round = mails.div_ceil(kills.max(1));
    let mut inbox = env.inbox(&desk.support).await;
    let mut pending = raws.chunks(per_round);
    let mut killed_after = Vec::new();
    for _ in 0..kills {
        if let Some(chunk) = pending.next() {
            for raw in chunk {
                inbox.append("INBOX", raw).await.unwrap();
            }
        }
        // Kill once this daemon has visibly started working (a new ticket), after a random
        // further delay: mid-fetch, mid-commit, mid-flag or mid-send.
        let seen = desk.tickets().len();
        let mut daemon = Reap(desk.spawn_daemon());
        let started = Instant::now();
        while desk.tickets().len() == seen && started.elapsed() < Duration::from_secs(30) {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        let ms = rng.gen_range(0..1200);
        tokio::time::sleep(Duration::from_millis(ms)).await;
        daemon.0.kill().unwrap(); // SIGKILL
        let _ = daemon.0.wait();
        killed_after.push(ms);
    }
    for chunk in pending {
        for raw in chunk {
            inbox.append("INBOX", raw).await.unwrap();
        }
    }
    inbox.logout().await;
    let before_recovery = desk.tickets().len();
    // Recovery: one `once`, in real time. A killed sender's claims are no longer renewed
    // by its heartbeat; `once` waits them out (one 15 s lease) rather than returning with
    // mail held by a dead daemon.
    let recovery = Instant::now();
    let out = desk.cmd().arg("once").output().unwrap();
    let recovery = recovery.elapsed();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        !stdout.contains("still queued"),
        "once returned with mail still queued:\n{stdout}"
    );
    assert!(
        recovery < Duration::from_secs(30),
        "recovery took {recovery:?}"
    );
    let tickets = desk.tickets();
    let subjects: HashSet<String> = tickets
        .iter()
        .map(|t| t["subject"].as_str().unwrap().to_string())
        .collect();
    wait_total(env, &users, mails, Duration::from_secs(90)).await;
    let acks = acks_by_request(env, &users).await;
    let (delivered, dups, lost) = tally(&ids, &acks);
    let pool = db(&desk).await;
    let outbox = outbox_status(&pool).await;
    report(
        "kill -9 mid-batch",
        mails,
        tickets.len(),
        delivered,
        dups,
        lost,
        &format!(
            "{kills} kills at {killed_after:?} ms; {before_recovery} tickets before recovery; recovery once {recovery:?}; outbox {outbox:?}"
        ),
    );
    assert_eq!(tickets.len(), mails, "exactly one ticket per request");
    assert_eq!(subjects.len(), mails, "no request ticketed twice");
    assert_eq!(lost, 0, "every acknowledgement delivered");
    // Each sender connection (2 in the desk config) has at most one mail between the
    // server's 250 and its outbox commit when the kill lands.
    assert!(
        dups <= kills * 2,
        "{dups} duplicates for {kills} kills: more than the mails in flight"
    );
    assert_eq!(
        outbox.get("sent").copied(),
        Some(mails as i64),
        "{outbox:?}"
    );
    assert_eq!(outbox.len(), 1, "nothing queued or failed: {outbox:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn imap_server_gone_mid_batch_reconnects_and_loses_nothing() {
    let desk = Desk::with_config("imapgone", "", big_budget());
    let env = desk.env;
    let proxy = Flaky::start(env.imap_port, true);
    edit_config(
        &desk,
        &format!("port = {}", env.imap_port),
        &format!("port = {}", proxy.port),
    );
    let users: Vec<TestUser> = (0..3).map(|i| env.new_user(&format!("igreq{i}"))).collect();
    let mut ids = HashSet::new();
    let (first, second) = (60, 20);
    let mut inbox = env.inbox(&desk.support).await;
    for i in 0..first {
        let (id, raw) = request(i, &users[i % users.len()], &desk.support.email, "IG");
        ids.insert(id);
        inbox.append("INBOX", &raw).await.unwrap();
    }
    let mut daemon = Reap(desk.spawn_daemon());
    // Cut while the first batch is being fetched/committed/flagged.
    desk.wait_tickets(Duration::from_secs(30), |t| !t.is_empty());
    proxy.down();
    let cut_at = desk.tickets().len();
    for i in first..first + second {
        let (id, raw) = request(i, &users[i % users.len()], &desk.support.email, "IG");
        ids.insert(id);
        inbox.append("INBOX", &raw).await.unwrap();
    }
    inbox.logout().await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    let during = desk.tickets().len();
    assert!(during <= first, "no mail can arrive while IMAP is down");
    proxy.up();
    let total = first + second;
    let tickets = desk.wait_tickets(Duration::from_secs(90), |t| t.len() >= total);
    wait_total(env, &users, total, Duration::from_secs(60)).await;
    // Cut once more while the daemon idles in IDLE, then one more mail must arrive.
    proxy.down();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    proxy.up();
    let (id, raw) = request(999, &users[0], &desk.support.email, "IG");
    ids.insert(id);
    env.append(&desk.support, "INBOX", &raw).await;
    let tickets_after_idle_cut = desk.wait_tickets(Duration::from_secs(90), |t| t.len() > total);
    desk.stop(&mut daemon.0);
    wait_total(env, &users, total + 1, Duration::from_secs(30)).await;
    let acks = acks_by_request(env, &users).await;
    let (delivered, dups, lost) = tally(&ids, &acks);
    let logs = desk.daemon_logs();
    report(
        "IMAP server gone mid-batch and during IDLE",
        total + 1,
        tickets_after_idle_cut.len(),
        delivered,
        dups,
        lost,
        &format!(
            "cut after {cut_at} tickets; {} reconnect warnings",
            logs.matches("reconnecting").count()
        ),
    );
    assert_eq!(tickets.len(), total, "{logs}");
    assert_eq!(tickets_after_idle_cut.len(), total + 1);
    assert_eq!((lost, dups), (0, 0));
    assert!(logs.contains("reconnecting"), "{logs}");
}

#[tokio::test(flavor = "multi_thread")]
async fn uidvalidity_change_resyncs_without_reprocessing() {
    let desk = Desk::with_config("uidv", "", big_budget());
    let env = desk.env;
    edit_config(
        &desk,
        "idle = true\n",
        "idle = true\nfolder = \"Support\"\n",
    );
    let user = env.new_user("uvreq");
    let mut raws = Vec::new();
    let mut ids = HashSet::new();
    for i in 0..5 {
        let (id, raw) = request(i, &user, &desk.support.email, "UV");
        ids.insert(id);
        raws.push(raw);
    }
    for raw in &raws {
        env.append(&desk.support, "Support", raw).await;
    }
    desk.once();
    let mut imap = env.raw_imap(&desk.support).await;
    let before = imap.select("Support").await.unwrap().uid_validity;
    // Delete and recreate the folder: new UIDVALIDITY, UIDs restart at 1, the old mail
    // comes back (restored from a backup, say) next to one new request.
    imap.close().await.unwrap();
    tokio::time::sleep(Duration::from_millis(1100)).await;
    imap.delete("Support").await.unwrap();
    imap.create("Support").await.unwrap();
    let after = imap.select("Support").await.unwrap().uid_validity;
    let _ = imap.logout().await;
    assert_ne!(
        before, after,
        "Dovecot gave the recreated folder a new UIDVALIDITY"
    );
    for raw in &raws {
        env.append(&desk.support, "Support", raw).await;
    }
    let (id, raw) = request(5, &user, &desk.support.email, "UV");
    ids.insert(id);
    env.append(&desk.support, "Support", &raw).await;
    let summary = desk.once();
    let tickets = desk.tickets();
    wait_total(env, std::slice::from_ref(&user), 6, Duration::from_secs(30)).await;
    let acks = acks_by_request(env, std::slice::from_ref(&user)).await;
    let (delivered, dups, lost) = tally(&ids, &acks);
    report(
        "UIDVALIDITY change (folder recreated, old mail restored)",
        11,
        tickets.len(),
        delivered,
        dups,
        lost,
        &format!("UIDVALIDITY {before:?} -> {after:?}"),
    );
    assert!(summary.contains("new tickets         1"), "{summary}");
    assert!(summary.contains("duplicates          5"), "{summary}");
    assert_eq!(tickets.len(), 6);
    assert_eq!((delivered, dups, lost), (6, 0, 0));
}

#[tokio::test(flavor = "multi_thread")]
async fn smtp_down_keeps_the_outbox_and_delivers_everything_in_order_after_recovery() {
    let desk = Desk::with_config(
        "smtpdown",
        "",
        &format!(
            "{}\n[outbox]\nretry_base = \"1s\"\nretry_max = \"2s\"\n\n\
             [workflow]\nsecret = \"faults-test-secret-0123456789\"\n\n\
             [[engineers]]\nname = \"Wang\"\nemail = \"WANG_EMAIL\"\n\
             categories = [\"hardware\", \"software\", \"network\", \"account\", \"request\", \"other\"]\n",
            big_budget()
        ),
    );
    let env = desk.env;
    let wang = env.new_user("sdwang");
    edit_config(&desk, "WANG_EMAIL", &wang.email);
    let proxy = Flaky::start(env.smtp_plain_port, false);
    edit_config(
        &desk,
        &format!("port = {}", env.smtp_plain_port),
        &format!("port = {}", proxy.port),
    );
    let users: Vec<TestUser> = (0..3).map(|i| env.new_user(&format!("sdreq{i}"))).collect();
    let n = 12;
    let mut ids = HashSet::new();
    for i in 0..n {
        let (id, raw) = request(i, &users[i % users.len()], &desk.support.email, "SD");
        ids.insert(id);
        env.append(&desk.support, "INBOX", &raw).await;
    }
    let mut daemon = Reap(desk.spawn_daemon());
    desk.wait_tickets(Duration::from_secs(30), |t| t.len() >= n);
    // SMTP stays down "for a while": several retry rounds fail.
    tokio::time::sleep(Duration::from_secs(5)).await;
    let pool = db(&desk).await;
    let while_down = outbox_status(&pool).await;
    let attempts: i64 = sqlx::query("SELECT max(attempts) AS a FROM outbox")
        .fetch_one(&pool)
        .await
        .unwrap()
        .get("a");
    for u in &users {
        assert!(env.fetch_all(u, "INBOX").await.is_empty());
    }
    proxy.up();
    let rows = while_down.values().sum::<i64>() as usize;
    wait_total(env, &users, n, Duration::from_secs(60)).await;
    let started = Instant::now();
    while outbox_status(&pool).await.get("sent").copied().unwrap_or(0) < rows as i64
        && started.elapsed() < Duration::from_secs(30)
    {
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    desk.stop(&mut daemon.0);
    let after = outbox_status(&pool).await;
    let acks = acks_by_request(env, &users).await;
    let (delivered, dups, lost) = tally(&ids, &acks);
    // In order per ticket: every ticket's rows were sent in id order (the claim query only
    // hands out a ticket's oldest queued row).
    let order = sqlx::query(
        "SELECT ticket_id, id, sent_at FROM outbox WHERE ticket_id IS NOT NULL ORDER BY ticket_id, id",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let mut last: HashMap<i64, i64> = HashMap::new();
    let mut multi = 0;
    for r in &order {
        let t: i64 = r.get("ticket_id");
        let sent: i64 = r.get("sent_at");
        if let Some(prev) = last.insert(t, sent) {
            multi += 1;
            assert!(
                prev <= sent,
                "ticket {t}: a later row was sent before an earlier one"
            );
        }
    }
    report(
        "SMTP down, then back",
        n,
        n,
        delivered,
        dups,
        lost,
        &format!(
            "while down {while_down:?} (max attempts {attempts}); after {after:?}; {multi} follow-on rows checked in order"
        ),
    );
    assert_eq!(
        while_down.get("queued").copied(),
        Some(rows as i64),
        "{while_down:?}"
    );
    assert!(attempts >= 2, "delivery was retried while down");
    assert_eq!((delivered, dups, lost), (n, 0, 0));
    assert_eq!(after.get("sent").copied(), Some(rows as i64), "{after:?}");
    assert!(multi > 0, "engineer notices follow the acknowledgements");
    assert_eq!(env.fetch_all(&wang, "INBOX").await.len(), rows - n);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_permanent_5xx_fails_that_row_with_the_reason_and_others_flow() {
    let desk = Desk::with_config("perm5xx", "", big_budget());
    let env = desk.env;
    let good: Vec<TestUser> = (0..2).map(|i| env.new_user(&format!("pgood{i}"))).collect();
    let rejected = format!("reject-{:08x}@example.test", rand::random::<u32>());
    let mut ids = HashSet::new();
    for (i, u) in good.iter().enumerate() {
        let (id, raw) = request(i, u, &desk.support.email, "P5");
        ids.insert(id);
        env.append(&desk.support, "INBOX", &raw).await;
    }
    let (_, raw) = sample_mail(
        &rejected,
        &desk.support.email,
        "P5 printer jam from a rejected address",
        "The printer jams.",
    );
    env.append(&desk.support, "INBOX", &raw).await;
    desk.once();
    let pool = db(&desk).await;
    let failed = sqlx::query("SELECT recipient, last_error FROM outbox WHERE status = 'failed'")
        .fetch_all(&pool)
        .await
        .unwrap();
    wait_total(env, &good, 2, Duration::from_secs(30)).await;
    let acks = acks_by_request(env, &good).await;
    let (delivered, dups, lost) = tally(&ids, &acks);
    let reason: String = failed
        .first()
        .map(|r| r.get("last_error"))
        .unwrap_or_default();
    report(
        "permanent 5xx for one recipient",
        3,
        desk.tickets().len(),
        delivered,
        dups,
        lost,
        &format!("failed row reason: {reason:?}"),
    );
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].get::<String, _>("recipient"), rejected);
    assert!(reason.contains("550"), "server's reason kept: {reason}");
    assert_eq!((delivered, dups, lost), (2, 0, 0));
    assert_eq!(outbox_status(&pool).await.get("sent").copied(), Some(2));
}

/// A small tmpfs mounted on a temp dir (root only), unmounted on drop.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    fn mount(size: &str) -> Option<Tmpfs> {
        let dir = tempfile::tempdir().ok()?;
        let ok = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
        ok.then_some(Tmpfs { dir })
    }

    fn path(&self) -> &std::path::Path {
        self.dir.path()
    }

    /// Remount read-only or read-write; a read-only remount needs no file open for
    /// writing, so retry briefly.
    fn remount(&self, mode: &str) -> bool {
        for _ in 0..50 {
            let ok = std::process::Command::new("mount")
                .args(["-o", &format!("remount,{mode}")])
                .arg(self.path())
                .status()
                .map(|s| s.success())
                .unwrap_or(false);
            if ok {
                return true;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        false
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(self.dir.path())
            .status();
    }
}

/// Fill the filesystem at `dir` until ENOSPC.
fn fill(dir: &std::path::Path) -> std::path::PathBuf {
    use std::io::Write;
    let path = dir.join("filler");
    let mut f = std::fs::File::create(&path).unwrap();
    let block = vec![0xA5u8; 64 * 1024];
    while f.write_all(&block).is_ok() {}
    let small = vec![0x5Au8; 512];
    while f.write_all(&small).is_ok() {}
    let _ = f.sync_all();
    path
}

pub async fn unseen(env: &TestEnv, user: &TestUser) -> usize {
    let mut imap = env.raw_imap(user).await;
    imap.select("INBOX").await.unwrap();
    let n = imap.uid_search("UNSEEN").await.unwrap().len();
    let _ = imap.logout().await;
    n
}

/// Wait for `n` tickets; on timeout fail with the latest daemon log.
fn wait_tickets_or_log(desk: &Desk, n: usize, deadline: Duration) -> Vec<serde_json::Value> {
    let started = Instant::now();
    loop {
        let t = desk.tickets();
        if t.len() >= n {
            return t;
        }
        if started.elapsed() >= deadline {
            let _ = std::fs::write(
                std::env::temp_dir().join("faults-failed-daemon.log"),
                desk.daemon_logs(),
            );
        }
        assert!(
            started.elapsed() < deadline,
            "{} of {n} tickets after {deadline:?}; daemon log:\n{}",
            t.len(),
            latest_log(desk)
        );
        std::thread::sleep(Duration::from_millis(300));
    }
}

/// The log of the desk's most recently started daemon.
fn latest_log(desk: &Desk) -> String {
    let mut logs: Vec<(std::time::SystemTime, std::path::PathBuf)> =
        std::fs::read_dir(desk.dir.path())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with("daemon-"))
            .map(|e| (e.metadata().unwrap().created().unwrap(), e.path()))
            .collect();
    logs.sort();
    logs.last()
        .map(|(_, p)| std::fs::read_to_string(p).unwrap_or_default())
        .unwrap_or_default()
}

fn error_line(log: &str) -> String {
    let plain = regex::Regex::new("\x1b\\[[0-9;]*m")
        .unwrap()
        .replace_all(log, "");
    plain
        .lines()
        .find(|l| {
            let l = l.to_lowercase();
            l.contains("full")
                || l.contains("readonly")
                || l.contains("read-only")
                || l.contains("database unavailable")
        })
        .unwrap_or("")
        .chars()
        .take(240)
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn database_on_a_full_then_read_only_disk_leaves_mail_on_the_server_and_recovers() {
    let Some(mnt) = Tmpfs::mount("4m") else {
        eprintln!("RELIABILITY | database disk full / read-only | SKIPPED: cannot mount tmpfs (not root?)");
        return;
    };
    let desk = Desk::with_config("dbfull", "", big_budget());
    let env = desk.env;
    let url = format!("sqlite://{}/supportbot.db", mnt.path().display());
    edit_config(
        &desk,
        &format!(
            "url = \"sqlite://{}/supportbot.db\"",
            desk.dir.path().display()
        ),
        &format!("url = \"{url}\""),
    );
    let user = env.new_user("dfreq");
    let mut ids = HashSet::new();
    // Each mail is stored twice (raw bytes and text), so ~200 KiB of log lines make
    // every commit grow the WAL: a small mail can fit in WAL pages freed by an earlier
    // checkpoint and then commits on a full disk, which is correct but not this test.
    let log_lines = "printer log: paper jam at tray 2, page 3 of 12, retried once\n".repeat(3_300);
    let mut send = |i: usize| {
        let (id, raw) = sample_mail(
            &user.email,
            &desk.support.email,
            &format!("DF printer jam number {i}"),
            &format!(
                "The printer on floor 2 jams every few pages; the one on floor 3 works.\n\n{log_lines}"
            ),
        );
        ids.insert(id);
        raw
    };
    let first = send(0);
    env.append(&desk.support, "INBOX", &first).await;
    let mut daemon = Reap(desk.spawn_daemon());
    desk.wait_tickets(Duration::from_secs(30), |t| t.len() == 1);

    // Full disk while the daemon runs: mails arrive, nothing can be committed.
    let filler = fill(mnt.path());
    let mut batch = Vec::new();
    for i in 1..4 {
        batch.push(send(i));
    }
    for raw in &batch {
        env.append(&desk.support, "INBOX", raw).await;
    }
    tokio::time::sleep(Duration::from_secs(5)).await;
    let full_unseen = unseen(env, &desk.support).await;
    let full_alive = daemon.0.try_wait().unwrap().is_none();
    let full_log = latest_log(&desk);
    std::fs::remove_file(&filler).unwrap();
    if !full_alive {
        daemon = Reap(desk.spawn_daemon());
    }
    let after_full = wait_tickets_or_log(&desk, 4, Duration::from_secs(60));

    // Read-only disk: a remount needs the database closed, so the daemon is stopped,
    // the disk goes read-only and the daemon is started on it.
    desk.stop(&mut daemon.0);
    assert!(mnt.remount("ro"), "remount read-only");
    let mut batch = Vec::new();
    for i in 4..7 {
        batch.push(send(i));
    }
    for raw in &batch {
        env.append(&desk.support, "INBOX", raw).await;
    }
    let mut daemon = Reap(desk.spawn_daemon());
    tokio::time::sleep(Duration::from_secs(5)).await;
    let ro_unseen = unseen(env, &desk.support).await;
    let ro_status = daemon.0.try_wait().unwrap();
    let ro_log = latest_log(&desk);
    if ro_status.is_none() {
        let _ = crate::desk::terminate(&mut daemon.0);
    }
    assert!(mnt.remount("rw"), "remount read-write");
    let mut daemon = Reap(desk.spawn_daemon());
    let recovered = wait_tickets_or_log(&desk, 7, Duration::from_secs(60));
    wait_total(env, std::slice::from_ref(&user), 7, Duration::from_secs(30)).await;
    desk.stop(&mut daemon.0);
    let acks = acks_by_request(env, std::slice::from_ref(&user)).await;
    let (delivered, dups, lost) = tally(&ids, &acks);
    let quarantined = desk.run(&["quarantine", "--json"]);
    let q = String::from_utf8_lossy(&quarantined.stdout).to_string();
    report(
        "database disk full (running), then read-only (at start)",
        7,
        recovered.len(),
        delivered,
        dups,
        lost,
        &format!(
            "while full: {full_unseen} unseen on server, daemon alive {full_alive}, error {:?}; \
             read-only: {ro_unseen} unseen, daemon exit {ro_status:?}, error {:?}",
            error_line(&full_log),
            error_line(&ro_log)
        ),
    );
    assert_eq!(
        full_unseen, 3,
        "mail stays unprocessed on the server while the disk is full"
    );
    assert_eq!(ro_unseen, 3, "… and while it is read-only");
    assert!(
        !error_line(&full_log).is_empty(),
        "a clear error: {full_log}"
    );
    assert!(!error_line(&ro_log).is_empty(), "a clear error: {ro_log}");
    assert!(
        full_log.contains("Database unavailable"),
        "a disk problem is not reported as a lost mailbox connection: {full_log}"
    );
    assert_eq!(after_full.len(), 4);
    assert_eq!(recovered.len(), 7);
    assert_eq!((delivered, dups, lost), (7, 0, 0));
    assert!(
        !q.contains("DF printer"),
        "nothing quarantined for a disk problem: {q}"
    );
    assert!(
        full_alive,
        "the daemon waits for the disk instead of exiting"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn two_bots_answering_each_other_are_stopped_by_the_budget_and_the_admin_is_told_once() {
    let budget = 3;
    let desk = Desk::with_config(
        "pingpong",
        "",
        &format!(
            "[loop_guard]\nmax_mails_per_sender = {budget}\n\n[sla]\nescalate_to = [\"ADMIN\"]\n"
        ),
    );
    let env = desk.env;
    let admin = env.new_user("ppadmin");
    edit_config(&desk, "ADMIN", &admin.email);
    let peer = env.new_user("peerbot");
    let mut daemon = Reap(desk.spawn_daemon());
    let (_, first) = sample_mail(
        &peer.email,
        &desk.support.email,
        "Printer on floor 2 broken",
        "The printer on floor 2 jams.",
    );
    env.append(&desk.support, "INBOX", &first).await;
    // The peer answers every mail it gets with a fresh mail: no RFC 3834 headers, no
    // In-Reply-To, no ticket tag — the loop guard's header checks cannot see it.
    let mut answered = 0;
    let mut sent_by_peer = 1;
    let mut quiet_since = Instant::now();
    let started = Instant::now();
    while quiet_since.elapsed() < Duration::from_secs(8)
        && started.elapsed() < Duration::from_secs(60)
    {
        let got = env.fetch_all(&peer, "INBOX").await.len();
        if got > answered {
            for _ in answered..got {
                let (_, raw) = sample_mail(
                    &peer.email,
                    &desk.support.email,
                    "Thank you for contacting Acme Facilities",
                    "We have received your message and will get back to you shortly.",
                );
                env.append(&desk.support, "INBOX", &raw).await;
                sent_by_peer += 1;
            }
            answered = got;
            quiet_since = Instant::now();
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    // The peer keeps writing (a scheduled robot): the budget trips again and again, the
    // administrator is still told only once.
    for _ in 0..3 {
        let (_, raw) = sample_mail(
            &peer.email,
            &desk.support.email,
            "Thank you for contacting Acme Facilities",
            "We have received your message and will get back to you shortly.",
        );
        env.append(&desk.support, "INBOX", &raw).await;
        sent_by_peer += 1;
    }
    desk.wait_tickets(Duration::from_secs(30), |t| t.len() >= sent_by_peer);
    tokio::time::sleep(Duration::from_secs(3)).await;
    desk.stop(&mut daemon.0);
    let to_peer = env.fetch_all(&peer, "INBOX").await.len();
    let admin_mails = env.fetch_all(&admin, "INBOX").await;
    let tickets = desk.tickets().len();
    report(
        "two bots answering each other",
        sent_by_peer,
        tickets,
        to_peer,
        0,
        0,
        &format!(
            "budget {budget}: bot sent {to_peer} mails to the peer, peer sent {sent_by_peer}; administrator told {} time(s)",
            admin_mails.len()
        ),
    );
    assert!(to_peer <= budget as usize, "the budget stops the ping-pong");
    assert_eq!(
        admin_mails.len(),
        1,
        "the administrator is told exactly once; log:\n{}",
        desk.daemon_logs()
    );
    let subject = crate::desk::subject(&admin_mails[0]);
    assert!(subject.to_lowercase().contains("loop"), "{subject}");
    assert!(crate::env::contains(&admin_mails[0], &peer.email));
}
