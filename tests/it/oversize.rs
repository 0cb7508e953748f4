//! Issue 13: a mail over `general.max_message_bytes` is refused by its `RFC822.SIZE`
//! before its body is fetched — quarantined with the reason, moved to the quarantine
//! folder — so a 100 MiB mail leaves the process far below its size in memory.

use crate::desk::Desk;
use crate::env::sample_mail;
use crate::hostile::once_with_peak_rss;

#[tokio::test(flavor = "multi_thread")]
async fn a_100_mib_mail_is_refused_by_its_size_without_fetching_the_body() {
    let desk = Desk::new("oversize");
    let env = desk.env;
    let (_, head) = sample_mail(
        "bigsender@example.test",
        &desk.support.email,
        "Core dump attached",
        "See the attachment.",
    );
    let mut big = head;
    // 100 MiB of base64-looking lines after the short body.
    let line = [b'A'; 76];
    while big.len() < 100 * 1024 * 1024 {
        big.extend_from_slice(&line);
        big.extend_from_slice(b"\r\n");
    }
    let size = big.len();
    let (_, small) = sample_mail(
        "bigsender@example.test",
        &desk.support.email,
        "Printer jams",
        "The printer on floor 2 jams.",
    );
    env.append(&desk.support, "INBOX", &big).await;
    drop(big);
    env.append(&desk.support, "INBOX", &small).await;

    let (summary, stderr, peak_kb) = once_with_peak_rss(&desk);
    eprintln!("100 MiB mail refused by size: peak RSS {} KiB", peak_kb);
    assert!(
        summary.contains("quarantined         1"),
        "{summary}\n{stderr}"
    );
    assert!(summary.contains("new tickets         1"), "{summary}");
    // The body never enters the process: the peak stays within a few MiB of the same
    // `once` on a mailbox without the big mail (the debug binary's own baseline is large and
    // grows with the code, so an absolute bound would measure the build, not the refusal).
    let base = Desk::new("oversize-base");
    let (_, small2) = sample_mail(
        "bigsender@example.test",
        &base.support.email,
        "Printer jams",
        "The printer on floor 2 jams.",
    );
    base.env.append(&base.support, "INBOX", &small2).await;
    let (base_summary, _, base_kb) = once_with_peak_rss(&base);
    assert!(
        base_summary.contains("new tickets         1"),
        "{base_summary}"
    );
    eprintln!("baseline once: peak RSS {base_kb} KiB");
    assert!(
        peak_kb < base_kb + 24 * 1024,
        "peak RSS {peak_kb} KiB with a {size}-byte mail, {base_kb} KiB without it"
    );
    let q = String::from_utf8_lossy(&desk.run(&["quarantine"]).stdout).into_owned();
    assert!(q.contains(&size.to_string()), "reason names the size: {q}");
    let moved = env.fetch_all(&desk.support, "Quarantine").await.len();
    assert_eq!(moved, 1, "moved to the quarantine folder");
    assert_eq!(env.fetch_all(&desk.support, "INBOX").await.len(), 1);
}
