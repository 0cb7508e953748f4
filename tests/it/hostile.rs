//! Issue 5, hostile and broken input through the REAL daemon: every mail of the dev
//! corpus plus generated malformed MIME is appended to a support mailbox and one `once`
//! run takes them all. Each must end as a ticket, an ignored machine mail, a duplicate or
//! a quarantine entry with a reason — no panic, nothing left unseen, the next mail still
//! processed — and the peak RSS of the process (VmHWM, sampled) stays bounded.

use crate::desk::Desk;
use crate::faults::report;
use base64::Engine as _;
use std::time::{Duration, Instant};

static SEQ: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

fn mid() -> String {
    format!(
        "hostile-{}-{}-{:08x}@client.example.test",
        std::process::id(),
        SEQ.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        rand::random::<u32>()
    )
}

fn head(to: &str, subject: &str, extra: &str) -> String {
    format!(
        "From: Mallory <mallory@example.test>\r\nTo: {to}\r\nSubject: {subject}\r\n\
         Message-ID: <{}>\r\nDate: Sun, 29 Nov 2026 12:00:00 +0000\r\nMIME-Version: 1.0\r\n{extra}",
        mid()
    )
}

fn b64_lines(bytes: &[u8]) -> String {
    let s = base64::engine::general_purpose::STANDARD.encode(bytes);
    let mut out = String::with_capacity(s.len() + s.len() / 38);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && i % 76 == 0 {
            out.push_str("\r\n");
        }
        out.push(c);
    }
    out
}

/// (name, raw bytes) of every generated malformed mail.
// One push per case reads better than a 200-line vec! literal.
#[allow(clippy::vec_init_then_push)]
pub fn malformed(to: &str) -> Vec<(&'static str, Vec<u8>)> {
    let mut v: Vec<(&'static str, Vec<u8>)> = Vec::new();
    v.push((
        "broken boundary",
        (head(to, "printer broken boundary", "Content-Type: multipart/mixed; boundary=\"abc\"\r\n")
            + "\r\n--xyz\r\nContent-Type: text/plain\r\n\r\nThe printer is broken.\r\n--abc\r\nContent-Type: text/plain\r\n\r\nhalf a part")
            .into_bytes(),
    ));
    v.push((
        "multipart without boundary",
        (head(to, "no boundary", "Content-Type: multipart/mixed\r\n") + "\r\nMy VPN is down.\r\n")
            .into_bytes(),
    ));
    v.push((
        "missing headers",
        b"\r\nNo headers at all, just a body saying the printer is broken.\r\n".to_vec(),
    ));
    v.push((
        "only a From",
        b"From: someone@example.test\r\n\r\nhelp\r\n".to_vec(),
    ));
    let mut garbage = head(to, "", "Content-Type: text/plain\r\n").into_bytes();
    let pos = garbage
        .windows(10)
        .position(|w| w == b"Subject: \r")
        .expect("subject")
        + 9;
    let junk: Vec<u8> = (0..200u32).map(|i| 0x80 + (i * 37 % 0x7f) as u8).collect();
    garbage.splice(pos..pos, junk.iter().copied());
    garbage.extend_from_slice(b"X-Junk: \xff\xfe\xfd\xc3\x28\xa0\xa1\r\nFrom: \xe4\xb8\xad\xff <bad\xfe@example.test>\r\n\r\nbody \xff\xfe\r\n");
    v.push(("8-bit garbage in headers", garbage));
    let depth = 100;
    let mut nested = head(
        to,
        "nested 100 deep",
        "Content-Type: multipart/mixed; boundary=\"b0\"\r\n",
    ) + "\r\n";
    for i in 1..depth {
        nested.push_str(&format!(
            "--b{}\r\nContent-Type: multipart/mixed; boundary=\"b{i}\"\r\n\r\n",
            i - 1
        ));
    }
    nested.push_str(&format!(
        "--b{}\r\nContent-Type: text/plain\r\n\r\nThe laptop does not boot.\r\n",
        depth - 1
    ));
    for i in (0..depth).rev() {
        nested.push_str(&format!("--b{i}--\r\n"));
    }
    v.push(("nested multiparts 100 deep", nested.into_bytes()));
    let mut many = head(
        to,
        "1000 parts",
        "Content-Type: multipart/mixed; boundary=\"p\"\r\n",
    ) + "\r\n--p\r\nContent-Type: text/plain\r\n\r\nSee the 999 attached logs.\r\n";
    for i in 0..999 {
        many.push_str(&format!(
            "--p\r\nContent-Type: text/plain; name=\"log{i}.txt\"\r\nContent-Disposition: attachment; filename=\"log{i}.txt\"\r\n\r\nline {i}\r\n"
        ));
    }
    many.push_str("--p--\r\n");
    v.push(("1,000-part mail", many.into_bytes()));
    let big: Vec<u8> = (0..30 * 1024 * 1024u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    v.push((
        "30 MB attachment",
        (head(to, "huge attachment", "Content-Type: multipart/mixed; boundary=\"h\"\r\n")
            + "\r\n--h\r\nContent-Type: text/plain\r\n\r\nDump attached.\r\n--h\r\nContent-Type: application/octet-stream\r\n\
               Content-Disposition: attachment; filename=\"core.dump\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + &b64_lines(&big)
            + "\r\n--h--\r\n")
            .into_bytes(),
    ));
    let long_header = format!("X-Long: {}\r\n", "a".repeat(1024 * 1024));
    v.push((
        "1 MB header",
        (head(to, "long header", &long_header)
            + "Content-Type: text/plain\r\n\r\nThe printer is broken.\r\n")
            .into_bytes(),
    ));
    let long_subject = format!("Printer {}", "x ".repeat(512 * 1024));
    v.push((
        "1 MB subject",
        (head(to, &long_subject, "Content-Type: text/plain\r\n")
            + "\r\nThe printer is broken.\r\n")
            .into_bytes(),
    ));
    let mut nul = head(to, "nul\0bytes", "Content-Type: text/plain\r\n").into_bytes();
    nul.extend_from_slice(b"\r\nThe \0printer\0 is \0\0 broken.\r\n");
    v.push(("NUL bytes", nul));
    v.push((
        "bare LF",
        (head(to, "bare LF", "Content-Type: text/plain\r\n") + "\r\nThe printer\nis broken\n")
            .replace("\r\n", "\n")
            .into_bytes(),
    ));
    v.push((
        "bare CR",
        (head(to, "bare CR", "Content-Type: text/plain\r\n") + "\r\nThe printer\ris broken\r")
            .replace("\r\n", "\r")
            .into_bytes(),
    ));
    v.push((
        "bad transfer encodings and charset",
        (head(to, "=?utf-8?B?////?= =?x-unknown?Q?abc?= =?utf-8?Q?unterminated", "Content-Type: text/plain; charset=\"x-no-such-charset\"\r\nContent-Transfer-Encoding: base64\r\n")
            + "\r\n!!!! not base64 @@@@\r\n")
            .into_bytes(),
    ));
    v.push((
        "mangled addresses",
        b"From: <<<>>> \"unterminated\r\nTo: ,,,;;;\r\nSubject: address soup\r\nReply-To: @@@\r\n\r\nhelp me please, the VPN is down\r\n".to_vec(),
    ));
    v.push((
        "one 1 MB line",
        (head(to, "long line", "Content-Type: text/plain\r\n")
            + "\r\n"
            + &"w".repeat(1024 * 1024)
            + "\r\n")
            .into_bytes(),
    ));
    v.push((
        "html with script and unclosed tags",
        (head(to, "html soup", "Content-Type: text/html\r\n")
            + "\r\n<html><body><script>alert(1)</script><p>VPN<b>down<table><tr><td>x</body>")
            .into_bytes(),
    ));
    v
}

fn corpus() -> Vec<(String, Vec<u8>)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/dev");
    let dir = if dir.is_dir() {
        dir
    } else {
        std::path::PathBuf::from("/work/shared/corpus/dev")
    };
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(&dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "eml") {
                out.push((
                    p.file_name().unwrap().to_string_lossy().into_owned(),
                    std::fs::read(&p).unwrap(),
                ));
            }
        }
    }
    out.sort();
    out
}

fn vm_hwm_kb(pid: u32) -> Option<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    s.lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// Run `once` and sample its peak RSS; returns (stdout, stderr, peak KiB).
pub fn once_with_peak_rss(desk: &Desk) -> (String, String, u64) {
    let mut child = desk
        .cmd()
        .arg("once")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let out_pipe = child.stdout.take().unwrap();
    let err_pipe = child.stderr.take().unwrap();
    let out_t = std::thread::spawn(move || std::io::read_to_string(out_pipe).unwrap_or_default());
    let err_t = std::thread::spawn(move || std::io::read_to_string(err_pipe).unwrap_or_default());
    let mut peak = 0;
    let started = Instant::now();
    let status = loop {
        if let Some(kb) = vm_hwm_kb(pid) {
            peak = peak.max(kb);
        }
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(started.elapsed() < Duration::from_secs(240), "once hangs");
        std::thread::sleep(Duration::from_millis(5));
    };
    let out = out_t.join().unwrap();
    let err = err_t.join().unwrap();
    assert!(status.success(), "once failed ({status}):\n{out}\n{err}");
    (out, err, peak)
}

fn summary_number(summary: &str, key: &str) -> usize {
    summary
        .lines()
        .find(|l| l.trim_start().starts_with(key))
        .and_then(|l| l.trim_start().strip_prefix(key))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no {key:?} in summary:\n{summary}"))
}

#[tokio::test(flavor = "multi_thread")]
async fn corpus_and_malformed_mime_through_the_daemon_never_block_the_queue() {
    let desk = Desk::with_config(
        "hostile",
        "",
        "[loop_guard]\nmax_mails_per_sender = 1000000\n",
    );
    let env = desk.env;
    let support = desk.support.email.clone();
    let corpus = corpus();
    let bad = malformed(&support);
    let mut inbox = env.inbox(&desk.support).await;
    for (_, raw) in &corpus {
        inbox.append("INBOX", raw).await.unwrap();
    }
    for (name, raw) in &bad {
        if let Err(e) = inbox.append("INBOX", raw).await {
            panic!("IMAP APPEND of {name} refused: {e}");
        }
    }
    inbox.logout().await;
    let total = corpus.len() + bad.len();
    let (summary, stderr, peak_kb) = once_with_peak_rss(&desk);
    assert!(!stderr.contains("panicked"), "{stderr}");
    let fetched = summary_number(&summary, "fetched");
    let tickets = summary_number(&summary, "new tickets");
    let follow = summary_number(&summary, "follow-ups");
    let ignored = summary_number(&summary, "ignored");
    let dups = summary_number(&summary, "duplicates");
    let quarantined = summary_number(&summary, "quarantined");
    let acks = summary_number(&summary, "acknowledgements");
    // The next mail is processed.
    let (_, next) = crate::env::sample_mail(
        "alice@example.test",
        &support,
        "After the storm",
        "My monitor flickers.",
    );
    env.append(&desk.support, "INBOX", &next).await;
    let after = desk.once();
    let q = desk.run(&["quarantine", "--json"]);
    let qtext = String::from_utf8_lossy(&q.stdout).to_string();
    let qjson: serde_json::Value = serde_json::from_str(&qtext).unwrap_or(serde_json::Value::Null);
    let qentries = qjson.as_array().cloned().unwrap_or_default();
    let mut imap = env.raw_imap(&desk.support).await;
    imap.select("INBOX").await.unwrap();
    let unseen = imap.uid_search("UNSEEN").await.unwrap();
    let _ = imap.logout().await;
    report(
        "hostile input (corpus + malformed MIME) through `once`",
        total,
        tickets,
        acks,
        dups,
        total - (tickets + follow + ignored + dups + quarantined),
        &format!(
            "{} corpus + {} malformed; follow-ups {follow}, ignored {ignored}, quarantined {quarantined}; acks = queued by `once`; peak RSS {:.1} MiB",
            corpus.len(),
            bad.len(),
            peak_kb as f64 / 1024.0
        ),
    );
    eprintln!("hostile quarantine: {qtext}");
    assert_eq!(fetched, total, "{summary}");
    assert_eq!(
        tickets + follow + ignored + dups + quarantined,
        total,
        "every mail accounted for: {summary}"
    );
    assert!(unseen.is_empty(), "nothing left unprocessed: {unseen:?}");
    assert!(
        after.contains("new tickets         1"),
        "next mail processed: {after}"
    );
    assert_eq!(qentries.len(), quarantined, "{qtext}");
    for e in &qentries {
        let reason = e["reason"].as_str().unwrap_or_default();
        assert!(
            !reason.trim().is_empty(),
            "quarantine entry with a reason: {e}"
        );
    }
    // A 30 MB attachment is over the 25 MiB limit: quarantined, not held in memory 3x.
    assert!(quarantined >= 1, "{summary}");
    assert!(
        peak_kb < 400 * 1024,
        "peak RSS {peak_kb} KiB over the 400 MiB bound"
    );
}
