//! Issue 5, security end to end through the real servers and the real binary: forged
//! engineer commands are never applied; CRLF and header injection never adds a header to
//! a mail we send; hostile attachment names stay inside the attachment folder; HTML in a
//! request is escaped in every HTML part we send; SQL metacharacters are stored verbatim;
//! secrets never reach the logs.

use crate::desk::{header, Desk};
use crate::env::{sample_mail, TestUser};
use crate::faults::edit_config;
use base64::Engine as _;
use serde_json::Value;
use std::time::Duration;

static SEQ: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

fn mid() -> String {
    format!(
        "sec-{}-{}-{:08x}@client.example.test",
        std::process::id(),
        SEQ.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        rand::random::<u32>()
    )
}

fn b64w(s: &str) -> String {
    format!(
        "=?utf-8?B?{}?=",
        base64::engine::general_purpose::STANDARD.encode(s)
    )
}

/// The header section of a raw mail, unfolded, one header per line.
fn header_lines(raw: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(raw).replace("\r\n", "\n");
    let head = text.split("\n\n").next().unwrap_or_default().to_string();
    let mut out: Vec<String> = Vec::new();
    for line in head.lines() {
        if line.starts_with(' ') || line.starts_with('\t') {
            if let Some(last) = out.last_mut() {
                last.push_str(line);
            }
        } else {
            out.push(line.to_string());
        }
    }
    out
}

/// Every text/html part of a raw mail, decoded.
fn html_parts(raw: &[u8]) -> Vec<String> {
    let Some(msg) = mail_parser::MessageParser::default().parse(raw) else {
        return Vec::new();
    };
    (0..msg.html_body_count())
        .filter_map(|i| msg.body_html(i).map(|h| h.into_owned()))
        .collect()
}

const ENGINEERS: &str = "[workflow]\nsecret = \"security-test-secret-0123456789abcdef\"\n\
trusted_authserv_ids = [\"mx.example.test\"]\n\n\
[[engineers]]\nname = \"Wang\"\nemail = \"WANG_EMAIL\"\n\
categories = [\"hardware\", \"software\", \"network\", \"account\", \"request\", \"other\"]\n\n\
[loop_guard]\nmax_mails_per_sender = 1000000\n";

fn event_kinds(shown: &Value) -> Vec<(String, String)> {
    shown["timeline"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|e| {
                    (
                        e["kind"].as_str().unwrap_or_default().to_string(),
                        e["actor"].as_str().unwrap_or_default().to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// A command mail from the engineer's address; `to`, `extra` headers vary per forgery.
fn command_mail(wang: &TestUser, to: &str, subject: &str, extra: &str) -> Vec<u8> {
    format!(
        "From: Wang <{}>\r\nTo: {to}\r\nSubject: {subject}\r\nMessage-ID: <{}>\r\n{extra}\
         Date: Sun, 29 Nov 2026 12:00:00 +0800\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\
         #priority P1\r\n#status resolved\r\nFixed it.\r\n",
        wang.email,
        mid()
    )
    .into_bytes()
}

#[tokio::test(flavor = "multi_thread")]
async fn forged_engineer_commands_are_never_applied() {
    let desk = Desk::with_config("forge", "", ENGINEERS);
    let env = desk.env;
    let wang = env.new_user("fgwang");
    edit_config(&desk, "WANG_EMAIL", &wang.email);
    let alice = env.new_user("fgalice");
    let support = desk.support.email.clone();
    for subject in ["Printer on floor 2 jams", "Monitor flickers"] {
        let (_, raw) = sample_mail(
            &alice.email,
            &support,
            subject,
            "It jams every few pages, we use the other one.",
        );
        env.append(&desk.support, "INBOX", &raw).await;
    }
    desk.once();
    let tickets = desk.tickets();
    assert_eq!(tickets.len(), 2);
    let number = |s: &str| {
        tickets.iter().find(|t| t["subject"] == s).unwrap()["number"]
            .as_i64()
            .unwrap()
    };
    let (t1, t2) = (
        number("Printer on floor 2 jams"),
        number("Monitor flickers"),
    );
    // Wang's notifications carry the token plus-addresses in Reply-To.
    let notes = env
        .wait_for_mails(&wang, "INBOX", 2, Duration::from_secs(20))
        .await;
    let reply_to = |n: i64| {
        notes
            .iter()
            .filter_map(|m| header(m, "Reply-To"))
            .map(|r| r.trim_matches(['<', '>', ' ']).to_string())
            .map(|r| {
                r.rsplit('<')
                    .next()
                    .unwrap()
                    .trim_end_matches('>')
                    .to_string()
            })
            .find(|r| r.contains(&format!("+t{n}-")))
            .unwrap_or_else(|| panic!("no token address for ticket {n}"))
    };
    let (addr1, addr2) = (reply_to(t1), reply_to(t2));
    let token_of = |a: &str| {
        a.split_once("+t")
            .and_then(|(_, rest)| rest.split_once('-'))
            .map(|(_, t)| t.split('@').next().unwrap().to_string())
            .unwrap()
    };
    let (tok1, tok2) = (token_of(&addr1), token_of(&addr2));
    let (local, domain) = support.split_once('@').unwrap();
    let tagged = format!("Re: [#{t1}] Printer on floor 2 jams");
    let mut flipped = tok1.clone();
    let last = flipped.pop().unwrap();
    flipped.push(if last == 'a' { 'b' } else { 'a' });
    let forgeries: Vec<(&str, Vec<u8>)> = vec![
        ("no token", command_mail(&wang, &support, &tagged, "")),
        (
            "wrong token",
            command_mail(
                &wang,
                &format!("{local}+t{t1}-{flipped}@{domain}"),
                &tagged,
                "",
            ),
        ),
        (
            "token of another ticket",
            command_mail(
                &wang,
                &format!("{local}+t{t1}-{tok2}@{domain}"),
                &tagged,
                "",
            ),
        ),
        (
            "untrusted Authentication-Results",
            command_mail(
                &wang,
                &support,
                &tagged,
                "Authentication-Results: evil.example.test; dkim=pass header.d=example.test; dmarc=pass header.from=example.test\r\n",
            ),
        ),
        (
            "From forged, a stranger's trusted-looking header inside the body only",
            command_mail(&wang, &support, &tagged, "X-Authentication-Results: mx.example.test; dmarc=pass header.from=example.test\r\n"),
        ),
    ];
    for (_, raw) in &forgeries {
        env.append(&desk.support, "INBOX", raw).await;
    }
    desk.once();
    // Expired: Wang's genuine token, but the mail is read 40 days later.
    env.append(
        &desk.support,
        "INBOX",
        &command_mail(&wang, &addr1, &tagged, ""),
    )
    .await;
    let out = desk
        .cmd()
        .arg("once")
        .env("SUPPORTBOT_NOW_OFFSET", (40 * 86_400).to_string())
        .output()
        .unwrap();
    assert!(out.status.success());
    let shown = desk.show(t1);
    let kinds = event_kinds(&shown);
    let applied: Vec<&(String, String)> = kinds
        .iter()
        .filter(|(k, a)| {
            a.eq_ignore_ascii_case(&wang.email)
                && matches!(k.as_str(), "priority" | "status" | "command_applied")
        })
        .collect();
    let rejected = kinds
        .iter()
        .filter(|(k, _)| k == "command_rejected")
        .count();
    eprintln!(
        "SECURITY | forged engineer commands | {} forgeries + 1 expired token | applied {} | command_rejected events {rejected} | ticket {t1} priority {} status {}",
        forgeries.len(),
        applied.len(),
        shown["priority"],
        shown["status"]
    );
    assert!(
        applied.is_empty(),
        "forged commands applied: {applied:?}\n{shown:#}"
    );
    assert_ne!(shown["priority"], "P1", "{shown:#}");
    assert_ne!(shown["status"], "resolved", "{shown:#}");
    assert_eq!(desk.show(t2)["status"], "new", "ticket 2 untouched");
    // Control: the genuine token, in time, is obeyed — the forgeries failed on proof,
    // not because commands never work here.
    env.append(
        &desk.support,
        "INBOX",
        &command_mail(&wang, &addr1, &tagged, ""),
    )
    .await;
    desk.once();
    let shown = desk.show(t1);
    assert_eq!(
        shown["priority"], "P1",
        "genuine command applied: {shown:#}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn injection_html_sql_and_hostile_filenames_are_neutralised() {
    let desk = Desk::with_config("inject", "", ENGINEERS);
    let env = desk.env;
    let wang = env.new_user("ijwang");
    edit_config(&desk, "WANG_EMAIL", &wang.email);
    let eve = env.new_user("ijeve");
    let evil = env.new_user("ijevil");
    let support = desk.support.email.clone();
    let inj_subject = format!(
        "Printer broken\r\nBcc: {}\r\nX-Injected: subject",
        evil.email
    );
    let inj_name = format!("Eve\r\nX-Injected: name\r\nBcc: {}", evil.email);
    let sql = "Robert'); DROP TABLE tickets;-- \" OR 1=1 -- %_\\ ;";
    let html = "<script>alert('x')</script><img src=x onerror=alert(1)> & <b>bold</b>";
    let body = format!("The printer is broken.\r\n{sql}\r\n{html}\r\n");
    let names = [
        "../../../../etc/passwd",
        "/etc/shadow",
        "..\\..\\windows\\system32\\config\\SAM",
        "CON",
        "nul.txt",
        "COM1.log",
        "aux",
        ".hidden",
        "a\u{0}b.txt",
        "",
    ];
    let overlong = format!("{}.txt", "n".repeat(600));
    let mut parts = String::new();
    for (i, n) in names
        .iter()
        .chain(std::iter::once(&overlong.as_str()))
        .enumerate()
    {
        parts.push_str(&format!(
            "--mx\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"{}\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n",
            n.replace('\\', "\\\\").replace('"', "\\\""),
            base64::engine::general_purpose::STANDARD.encode(format!("payload {i}"))
        ));
    }
    let raw = format!(
        "From: {} <{}>\r\nTo: {support}\r\nSubject: {}\r\nMessage-ID: <{}>\r\n\
         Date: Sun, 29 Nov 2026 12:00:00 +0800\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/mixed; boundary=\"mx\"\r\n\r\n\
         --mx\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n{parts}--mx--\r\n",
        b64w(&inj_name),
        eve.email,
        b64w(&inj_subject),
        mid()
    );
    env.append(&desk.support, "INBOX", raw.as_bytes()).await;
    desk.once();
    let tickets = desk.tickets();
    assert_eq!(tickets.len(), 1);
    let n = tickets[0]["number"].as_i64().unwrap();
    let shown = desk.show(n);
    // Engineer's update to the requester with an injection attempt in the command argument
    // and the public text: via the genuine token (so it is applied and mailed).
    let notes = env
        .wait_for_mails(&wang, "INBOX", 1, Duration::from_secs(20))
        .await;
    let addr = notes
        .iter()
        .filter_map(|m| header(m, "Reply-To"))
        .map(|r| {
            r.rsplit('<')
                .next()
                .unwrap()
                .trim_end_matches('>')
                .trim()
                .to_string()
        })
        .find(|r| r.contains(&format!("+t{n}-")))
        .expect("token address");
    let update = format!(
        "From: Wang <{}>\r\nTo: {addr}\r\nSubject: Re: [#{n}] x\r\nMessage-ID: <{}>\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\r\n#cc {}%0d%0aBcc: {}\r\n#status waiting\r\n\
         Hi Eve <script>alert(2)</script>, please try again.\r\nX-Injected: body\r\n",
        wang.email,
        mid(),
        eve.email,
        evil.email
    );
    env.append(&desk.support, "INBOX", update.as_bytes()).await;
    desk.once();
    let eve_mails = env
        .wait_for_mails(&eve, "INBOX", 1, Duration::from_secs(20))
        .await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let eve_mails = env
        .fetch_all(&eve, "INBOX")
        .await
        .into_iter()
        .chain(eve_mails)
        .collect::<Vec<_>>();
    let wang_mails = env.fetch_all(&wang, "INBOX").await;
    let evil_mails = env.fetch_all(&evil, "INBOX").await;
    let mut injected = 0;
    let mut unescaped = 0;
    let mut html_checked = 0;
    for m in eve_mails.iter().chain(&wang_mails) {
        for h in header_lines(m) {
            let name = h.split(':').next().unwrap_or_default().to_ascii_lowercase();
            if name == "x-injected" || name == "bcc" {
                injected += 1;
            }
        }
        for part in html_parts(m) {
            html_checked += 1;
            if part.contains("<script>")
                || part.contains("<img src=x")
                || part.contains("onerror=alert(1)>")
            {
                unescaped += 1;
            }
        }
    }
    // Stored verbatim: the SQL text, the subject (decoded, CR/LF aside), the HTML.
    let body_stored = shown["message_list"][0]["body"]
        .as_str()
        .unwrap_or_default();
    let sql_verbatim = body_stored.contains(sql);
    let data = desk.dir.path().join("data/attachments");
    let stored = shown["attachments"].as_array().cloned().unwrap_or_default();
    let mut outside = Vec::new();
    let mut files = Vec::new();
    for e in walk(desk.dir.path()) {
        if e.starts_with(&data) {
            files.push(e);
        } else if !e.starts_with(desk.dir.path()) {
            outside.push(e);
        }
    }
    eprintln!(
        "SECURITY | injection | mails inspected {} | injected header lines {injected} | html parts {html_checked}, unescaped {unescaped} | evil got {} | sql verbatim {sql_verbatim} | attachments stored {} ({} files under data/attachments)",
        eve_mails.len() + wang_mails.len(),
        evil_mails.len(),
        stored.len(),
        files.len()
    );
    assert_eq!(injected, 0, "no extra header in any mail we send");
    assert!(evil_mails.is_empty(), "injected Bcc delivered nothing");
    assert!(html_checked > 0);
    assert_eq!(unescaped, 0, "HTML escaped in every HTML part");
    assert!(
        sql_verbatim,
        "SQL metacharacters stored verbatim: {body_stored:?}"
    );
    assert_eq!(
        tickets[0]["subject"]
            .as_str()
            .unwrap()
            .matches("Printer broken")
            .count(),
        1
    );
    assert!(!Path::new("/etc/passwd.txt").exists());
    for a in &stored {
        let name = a["filename"].as_str().unwrap_or_default();
        assert!(
            !name.contains('/')
                && !name.contains('\\')
                && !name.contains('\0')
                && !name.starts_with('.'),
            "{name}"
        );
        assert!(
            name.chars().count() <= 255,
            "overlong name kept: {}",
            name.len()
        );
        let stem = name
            .split('.')
            .next()
            .unwrap_or_default()
            .to_ascii_uppercase();
        assert!(
            !["CON", "NUL", "COM1", "AUX", "PRN"].contains(&stem.as_str()),
            "device name kept: {name}"
        );
    }
    for f in &files {
        let canon = f.canonicalize().unwrap();
        assert!(
            canon.starts_with(data.canonicalize().unwrap()),
            "{}",
            canon.display()
        );
    }
    assert!(!files.is_empty(), "attachments were stored");
}

use std::path::{Path, PathBuf};

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(walk(&p));
            } else {
                out.push(p);
            }
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread")]
async fn secrets_never_reach_the_logs() {
    let desk = Desk::with_config("secrets", "", ENGINEERS);
    let env = desk.env;
    let wang = env.new_user("scwang");
    edit_config(&desk, "WANG_EMAIL", &wang.email);
    let workflow_secret = "security-test-secret-0123456789abcdef";
    let alice = env.new_user("scalice");
    let (_, raw) = sample_mail(
        &alice.email,
        &desk.support.email,
        "VPN down",
        "VPN is down.",
    );
    env.append(&desk.support, "INBOX", &raw).await;
    // SMTP auth with a password too: through the submission port (STARTTLS + AUTH).
    let smtp_pw = format!("smtp-secret-{:016x}", rand::random::<u64>());
    let imap_pw = desk.support.password.clone();
    let out = desk
        .cmd()
        .arg("once")
        .env("RUST_LOG", "trace")
        .output()
        .unwrap();
    let check = desk
        .cmd()
        .arg("check-config")
        .env("RUST_LOG", "trace")
        .output()
        .unwrap();
    // A wrong password: the error path must not echo it either.
    edit_config(
        &desk,
        &format!("password = \"{imap_pw}\""),
        &format!("password = \"{smtp_pw}\""),
    );
    let bad = desk
        .cmd()
        .arg("once")
        .env("RUST_LOG", "trace")
        .output()
        .unwrap();
    let mut all = Vec::new();
    for o in [&out, &check, &bad] {
        all.extend_from_slice(&o.stdout);
        all.extend_from_slice(&o.stderr);
    }
    let text = String::from_utf8_lossy(&all);
    eprintln!(
        "SECURITY | secrets in logs | {} bytes of trace logs from once, check-config and a failed login | IMAP password found {} | wrong password found {} | workflow secret found {}",
        all.len(),
        text.matches(&imap_pw).count(),
        text.matches(&smtp_pw).count(),
        text.matches(workflow_secret).count()
    );
    assert!(out.status.success(), "{text}");
    let leak: Vec<&str> = text
        .lines()
        .filter(|l| l.contains(&imap_pw) || l.contains(&smtp_pw))
        .collect();
    assert!(
        !text.contains(&imap_pw),
        "IMAP password in the logs: {leak:#?}"
    );
    assert!(
        !text.contains(&smtp_pw),
        "password in the logs of a failed login"
    );
    // Debug of the config redacts.
    let cfg = supportbot::config::Config::load(&desk.config).unwrap();
    let dbg = format!("{cfg:?}");
    assert!(
        !dbg.contains(&smtp_pw),
        "Debug of Config shows the password"
    );
}
