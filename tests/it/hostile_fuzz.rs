//! Issue 5, the stable-toolchain stand-in for `cargo fuzz` (fuzz/): a bounded mutation
//! loop over the committed seed corpora (fuzz/corpus/*) through the same three entry
//! points — mail triage (parse → loop guard → classify), the engineer command parser and
//! the requester reply parsers. Nothing may panic. A panicking input is written to
//! `target/fuzz-crash-<target>-<n>.bin` and the test fails naming it; every crash found
//! becomes a case in `regressions` below. `FUZZ_SECS` sets the time per target
//! (default 3 s), `FUZZ_SEED` the RNG seed (default: random, printed).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use supportbot::mail::parse::ParseLimits;
use supportbot::ticket::classify::Rules;

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Tokens that reach the interesting branches of MIME, RFC 2047 and command parsing.
const TOKENS: &[&[u8]] = &[
    b"\r\n",
    b"\n",
    b"\r",
    b"\0",
    b"\r\n\r\n",
    b"--",
    b"boundary=\"b\"",
    b"\r\n--b\r\n",
    b"\r\n--b--\r\n",
    b"Content-Type: multipart/mixed; boundary=\"b\"\r\n",
    b"Content-Type: message/rfc822\r\n",
    b"Content-Transfer-Encoding: base64\r\n",
    b"Content-Transfer-Encoding: quoted-printable\r\n",
    b"=?utf-8?B?",
    b"=?gbk?Q?",
    b"?=",
    b"=\r\n",
    b"=E4=B8",
    b"Auto-Submitted: auto-replied\r\n",
    b"Subject: Re: [#12] ",
    b"In-Reply-To: <sb.1.ack.0@example.test>\r\n",
    b"From: \"a\" <b@c>\r\n",
    b"#assign ",
    b"#status ",
    b"#priority P1",
    b"#close",
    b"#cc ",
    b"\xe2\x80\x8b",
    b"\xc2\xa0",
    b"\xff\xfe",
    "是的，已解决".as_bytes(),
    "没有".as_bytes(),
    "撤回".as_bytes(),
    b"5/5",
    b"yes",
    b"> ",
    b"On Mon, Bob wrote:",
    "回复：".as_bytes(),
];

fn mutate(rng: &mut XorShift, input: &[u8], seeds: &[Vec<u8>]) -> Vec<u8> {
    let mut v = input.to_vec();
    for _ in 0..=rng.below(8) {
        match rng.below(7) {
            0 if !v.is_empty() => {
                let i = rng.below(v.len());
                v[i] ^= 1 << rng.below(8);
            }
            1 => {
                let i = rng.below(v.len() + 1);
                v.insert(i, rng.next() as u8);
            }
            2 if !v.is_empty() => {
                let i = rng.below(v.len());
                let n = rng.below(v.len() - i).min(64) + 1;
                v.drain(i..(i + n).min(v.len()));
            }
            3 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                let i = rng.below(v.len() + 1);
                v.splice(i..i, t.iter().copied());
            }
            4 if !seeds.is_empty() => {
                let other = &seeds[rng.below(seeds.len())];
                if !other.is_empty() {
                    let a = rng.below(other.len());
                    let b = (a + rng.below(256) + 1).min(other.len());
                    let i = rng.below(v.len() + 1);
                    v.splice(i..i, other[a..b].iter().copied());
                }
            }
            5 if !v.is_empty() => {
                // Repeat a slice: deep nesting, long lines, many parts.
                let a = rng.below(v.len());
                let b = (a + rng.below(64) + 1).min(v.len());
                let chunk = v[a..b].to_vec();
                for _ in 0..rng.below(50) {
                    v.splice(a..a, chunk.iter().copied());
                }
            }
            _ => {
                if v.len() > 1 {
                    let i = rng.below(v.len());
                    v.truncate(i.max(1));
                }
            }
        }
    }
    v.truncate(256 * 1024);
    v
}

fn seeds(dir: &str) -> Vec<Vec<u8>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(dir);
    let mut out: Vec<Vec<u8>> = std::fs::read_dir(&path)
        .unwrap_or_else(|e| panic!("seed corpus {}: {e}", path.display()))
        .flatten()
        .filter_map(|e| std::fs::read(e.path()).ok())
        .collect();
    out.sort();
    assert!(!out.is_empty(), "empty seed corpus {}", path.display());
    out
}

fn crash_file(target: &str, input: &[u8]) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(format!(
        "fuzz-crash-{target}-{:08x}.bin",
        rand::random::<u32>()
    ));
    let _ = std::fs::write(&path, input);
    path
}

/// Mutate `target`'s seeds for the time budget; panics (failing the test) on the first
/// input that panics `run`. Returns the number of executions.
fn fuzz(target: &str, corpus: &str, run: impl Fn(&[u8]) + std::panic::RefUnwindSafe) -> u64 {
    let secs: u64 = std::env::var("FUZZ_SECS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);
    let seed: u64 = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| rand::random::<u64>() | 1);
    let seeds = seeds(corpus);
    let mut rng = XorShift(seed);
    let started = Instant::now();
    let mut execs = 0u64;
    // Seeds first, unmutated.
    for s in &seeds {
        check(target, &run, s);
        execs += 1;
    }
    while started.elapsed() < Duration::from_secs(secs) {
        let base = &seeds[rng.below(seeds.len())];
        let input = mutate(&mut rng, base, &seeds);
        check(target, &run, &input);
        execs += 1;
    }
    eprintln!("FUZZ | {target} | {execs} executions in {secs} s | seed {seed} | 0 crashes");
    execs
}

fn check(target: &str, run: &(impl Fn(&[u8]) + std::panic::RefUnwindSafe), input: &[u8]) {
    if std::panic::catch_unwind(|| run(input)).is_err() {
        let path = crash_file(target, input);
        panic!(
            "{target} panicked on an input saved to {}: add it to the regressions",
            path.display()
        );
    }
}

fn triage(rules: &Rules, data: &[u8]) {
    let limits = ParseLimits {
        max_message_bytes: 25 * 1024 * 1024,
    };
    let own = ["support@example.test".to_string()];
    let _ = supportbot::mail::triage::triage(data, rules, &limits, &own);
}

fn replies(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let _ = supportbot::ticket::reply::classify_confirmation(&text);
    let _ = supportbot::ticket::reply::parse_rating(&text);
    let _ = supportbot::ticket::reply::is_withdrawal(&text);
}

#[test]
fn mail_triage_survives_mutated_mail() {
    let rules = Rules::builtin().unwrap();
    assert!(fuzz("mail_triage", "mail_triage", |d| triage(&rules, d)) > 0);
}

#[test]
fn command_parser_survives_mutated_text() {
    assert!(
        fuzz("commands", "commands", |d| {
            let _ = supportbot::ticket::command::parse_commands(&String::from_utf8_lossy(d));
        }) > 0
    );
}

#[test]
fn reply_parsers_survive_mutated_text() {
    assert!(fuzz("replies", "replies", replies) > 0);
}

/// Inputs that once crashed a target (none found so far) and the hand-made extremes the
/// mutator rarely reaches.
#[test]
fn regressions() {
    let rules = Rules::builtin().unwrap();
    let mut nested = String::from("Content-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n");
    for i in 1..2000 {
        nested.push_str(&format!(
            "--b{}\r\nContent-Type: multipart/mixed; boundary=\"b{i}\"\r\n\r\n",
            i - 1
        ));
    }
    let cases: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"\0".to_vec(),
        b"\r\n\r\n".to_vec(),
        b"Subject: =?utf-8?B?5L2g?= =?utf-8?B?5a2=?=\r\n\r\n".to_vec(),
        b"Subject: \xe4\xb8\r\n\r\n\xe4".to_vec(),
        nested.into_bytes(),
        "Subject: 回复：[#99999999999999999999999] x\r\n\r\n是"
            .as_bytes()
            .to_vec(),
    ];
    for c in &cases {
        triage(&rules, c);
        replies(c);
        let _ = supportbot::ticket::command::parse_commands(&String::from_utf8_lossy(c));
    }
    for text in [
        "#assign\u{0}",
        "#priority P99999999999999999999",
        "#status \u{202e}resolved",
        "#cc a@b.com\r\nBcc: evil@x.com",
        "#show 18446744073709551616",
        "#",
        "##",
    ] {
        let _ = supportbot::ticket::command::parse_commands(text);
    }
}
