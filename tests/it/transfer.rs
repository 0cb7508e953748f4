//! Moving a desk: tickets made by the real binary on SQLite, `export`, `import` into a fresh
//! PostgreSQL, and the desk carries on there without reprocessing old mail.

use crate::desk::Desk;
use crate::env::sample_mail;
use serde_json::Value;

fn mail_with_attachment(from: &str, to: &str) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: {to}\r\nSubject: Screenshot of the error\r\n\
         Message-ID: <xfer-att-{}@tests.example.test>\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n\
         --b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nExcel crashes, see attached.\r\n\
         --b1\r\nContent-Type: text/plain; name=\"log.txt\"\r\n\
         Content-Disposition: attachment; filename=\"log.txt\"\r\n\r\nerror 0x80004005\r\n--b1--\r\n",
        std::process::id()
    )
    .into_bytes()
}

#[tokio::test(flavor = "multi_thread")]
async fn sqlite_desk_exported_and_imported_into_postgres_is_identical_and_carries_on() {
    let desk = Desk::new("xfer");
    let env = desk.env;
    let requester = env.new_user("xfer-r");
    for (s, b) in [
        ("VPN down", "Cannot connect since 9:00."),
        ("打印机卡纸", "三楼的打印机一直卡纸。"),
    ] {
        let (_, raw) = sample_mail(&requester.email, &desk.support.email, s, b);
        env.append(&desk.support, "INBOX", &raw).await;
    }
    env.append(
        &desk.support,
        "INBOX",
        &mail_with_attachment(&requester.email, &desk.support.email),
    )
    .await;
    desk.once();
    let before = desk.tickets();
    assert_eq!(before.len(), 3);

    let dump = desk.dir.path().join("desk.jsonl");
    desk.run(&["export", "--output", dump.to_str().unwrap()]);

    // The same desk, configured for a fresh PostgreSQL and an empty data_dir.
    let pg = Desk::new("xfer-pg");
    let url = env.pg_fresh_database().await;
    let text = std::fs::read_to_string(&desk.config).unwrap().replace(
        &format!("sqlite://{}/supportbot.db", desk.dir.path().display()),
        &url,
    );
    assert!(text.contains("postgres://"));
    std::fs::write(&pg.config, text).unwrap();
    let out = pg.run(&["import", dump.to_str().unwrap()]);
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(printed.contains("tickets: 3"), "{printed}");

    let after = pg.tickets();
    assert_eq!(
        after, before,
        "tickets list --json identical after the move"
    );
    let shown = |d: &Desk| -> Vec<Value> { (1..=3).map(|n| d.show(n)).collect() };
    assert_eq!(shown(&pg), shown(&desk), "tickets show identical");
    let att = std::fs::read_dir(pg.dir.path().join("data/attachments"))
        .expect("attachment files imported")
        .count();
    assert_eq!(att, 1);

    // Importing twice is refused: the target is no longer empty.
    let again = pg
        .cmd()
        .args(["import", dump.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!again.status.success(), "second import refused");

    // The desk carries on in PostgreSQL: only the new mail is processed, and its ticket
    // number follows the imported ones (the identity sequence was moved past them).
    let (_, raw) = sample_mail(
        &requester.email,
        &desk.support.email,
        "Outlook crashes",
        "On the calendar.",
    );
    env.append(&desk.support, "INBOX", &raw).await;
    let summary = pg.once();
    let t = pg.tickets();
    assert_eq!(
        t.len(),
        4,
        "one new ticket, old mail not reprocessed:\n{summary}"
    );
    assert_eq!(t[0]["number"], 4);
    assert_eq!(t[0]["subject"], "Outlook crashes");
}
