//! The edge rule (STYLE.md §3): the pure core never touches I/O crates or the clock.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_ticket_core_is_pure() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src/ticket"), &mut files);
    let ticket_files = files.len();
    let pure_mail = [
        "parse.rs",
        "loopguard.rs",
        "quote.rs",
        "render.rs",
        "retry.rs",
        "triage.rs",
    ];
    for f in pure_mail {
        files.push(root.join("src/mail").join(f));
    }
    assert!(ticket_files > 10, "found {ticket_files} files");
    // The ticket core knows no mail library at all; the pure mail files may build MIME
    // with lettre's message types, but never reach its transport.
    let ticket_banned = regex::Regex::new(
        r"\b(sqlx|tokio|lettre|async_imap)::|\bclock::|SystemTime::now|Utc::now|Local::now",
    )
    .unwrap();
    let mail_banned = regex::Regex::new(
        r"\b(sqlx|tokio|async_imap)::|lettre::transport|\bclock::|SystemTime::now|Utc::now|Local::now",
    )
    .unwrap();
    let mut offences = Vec::new();
    for (n, f) in files.iter().enumerate() {
        let banned = if n < ticket_files {
            &ticket_banned
        } else {
            &mail_banned
        };
        let text = std::fs::read_to_string(f).unwrap();
        for (i, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            if banned.is_match(code) {
                offences.push(format!("{}:{}: {}", f.display(), i + 1, line.trim()));
            }
        }
    }
    assert!(
        offences.is_empty(),
        "I/O or clock in the pure core:\n{}",
        offences.join("\n")
    );
}
