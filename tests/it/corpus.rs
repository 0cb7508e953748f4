use std::path::PathBuf;
use supportbot::mail::parse::{parse_mail, ParseLimits};

fn corpus_dir() -> Option<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    ["../shared/corpus/dev", "../../shared/corpus/dev"]
        .iter()
        .map(|r| root.join(r))
        .find(|d| d.is_dir())
}

#[test]
fn corpus_dump() {
    if std::env::var("DUMP").is_err() {
        return;
    }
    let dir = corpus_dir().unwrap();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "eml"))
        .collect();
    files.sort();
    for f in files {
        let raw = std::fs::read(&f).unwrap();
        let m = parse_mail(&raw, &ParseLimits::default()).unwrap();
        println!(
            "=== {} | {:?} | {} | {:?}\n{}\n",
            f.file_name().unwrap().to_string_lossy(),
            m.from.name,
            m.subject,
            m.attachments
                .iter()
                .map(|a| &a.filename)
                .collect::<Vec<_>>(),
            m.new_text
        );
    }
}
