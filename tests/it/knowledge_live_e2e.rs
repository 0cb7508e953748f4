//! Issue 10 end to end, the parts that follow the first answer (through the real Dovecot and
//! Postfix): a requester who answers the acknowledgement's impact question with a wider
//! impact ("其实全公司都不能用") gets a higher priority, an update mail that says so and an
//! earlier SLA deadline; and an article published with `kb publish` while the daemon runs
//! is suggested for the next request without a restart, and SIGHUP re-reads the
//! knowledge folder named by the re-read config.

use crate::desk::{body_text, header, subject, Desk};
use crate::env::TestEnv;
use crate::faults::Reap;
use crate::knowledge_e2e::{copy_dir, deliver, mail, WAIT};
use serde_json::Value;
use std::time::{Duration, Instant};

/// A daemon's start (migrate, log in, first IDLE) on a loaded machine: a deadline, not a wait.
const DAEMON_WAIT: Duration = Duration::from_secs(60);

/// An article none of the starter articles covers, for the reload tests.
const PLOTTER_ARTICLE: &str =
    "---\ncategory: hardware\nkeywords: plotter, E-47, carriage\nlanguage: en\n---\n\
     # Plotter shows E-47\n\nE-47 means the carriage is blocked. Open the cover, remove the \
     paper scrap behind the carriage and switch the plotter off and on.\n";

/// A timestamp of `tickets show --json`, comparable (seconds or an RFC 3339 string).
fn when(v: &Value) -> String {
    match v {
        Value::Number(n) => format!("{:020}", n.as_i64().unwrap_or_default()),
        other => other.as_str().unwrap_or_default().to_string(),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn wider_impact_in_the_answer_raises_priority_and_moves_the_deadline() {
    let env = TestEnv::get();
    let bob = env.new_user("kbp-eng");
    let li = env.new_user("kbp-li");
    let desk = Desk::with_config(
        "kbp",
        "",
        &format!(
            "[workflow]\nsecret = \"e2e-secret-0123456789abcdef\"\n\
             [[engineers]]\nname = \"Bob Stone\"\nemail = \"{}\"\nsupervisor = true\n\
             categories = [\"hardware\", \"software\", \"network\", \"account\", \"request\", \"other\"]\n",
            bob.email
        ),
    );
    let support = desk.support.email.clone();
    let request = mail(
        &li.email,
        &support,
        "VPN 连不上",
        "",
        "VPN 连不上，请帮忙看看。",
    );
    deliver(env, &desk, &li, &request, 1).await;
    desk.once();
    let ack = env.wait_for_mails(&li, "INBOX", 1, WAIT).await;
    let ack_text = body_text(&ack[0]);
    assert!(
        ack_text.contains("影响多少人"),
        "impact is asked: {ack_text}"
    );
    let before = desk.show(1);
    assert_ne!(before["priority"], "P1", "{before}");

    let ack_id = header(&ack[0], "Message-ID").unwrap();
    let answer = mail(
        &li.email,
        &support,
        &format!("Re: {}", subject(&ack[0])),
        &format!("In-Reply-To: {ack_id}\r\nReferences: {ack_id}\r\n"),
        "其实全公司都不能用\n\n> 影响多少人、哪项工作？",
    );
    deliver(env, &desk, &li, &answer, 2).await;
    desk.once();

    let after = desk.show(1);
    assert_eq!(after["priority"], "P1", "{after}");
    assert!(
        when(&after["resolve_by"]) < when(&before["resolve_by"]),
        "the resolve deadline moved earlier: {} → {}",
        before["resolve_by"],
        after["resolve_by"]
    );
    assert!(
        when(&after["respond_by"]) < when(&before["respond_by"]),
        "the response deadline moved earlier: {} → {}",
        before["respond_by"],
        after["respond_by"]
    );
    let facts = after["knowledge"]["facts"].as_array().unwrap();
    assert!(
        facts
            .iter()
            .any(|f| f["fact"] == "impact" && f["state"] == "answered"),
        "{after}"
    );
    let mails = env.wait_for_mails(&li, "INBOX", 2, WAIT).await;
    let update = body_text(mails.last().unwrap());
    assert!(
        update.contains("根据您的补充，优先级调整为 P1"),
        "the update mail explains the change: {update}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn article_published_while_the_daemon_runs_is_suggested_without_restart() {
    let env = TestEnv::get();
    let ann = env.new_user("kbl-ann");
    let desk = Desk::with_config("kbl", "", "[knowledge]\ndir = \"kb\"\n");
    let kb = desk.dir.path().join("kb");
    copy_dir(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("config/kb"),
        &kb,
    );
    let support = desk.support.email.clone();
    // Killed when the test ends, passed or not.
    let daemon = Reap(desk.spawn_daemon());

    // The daemon is up and suggests from the starter articles.
    let first = mail(
        &ann.email,
        &support,
        "Wi-Fi",
        "",
        "The Wi-Fi keeps dropping.",
    );
    env.smtp_send(&ann.email, std::slice::from_ref(&support), &first)
        .await
        .expect("Postfix accepts");
    let acks = env.wait_for_mails(&ann, "INBOX", 1, DAEMON_WAIT).await;
    assert!(
        !body_text(&acks[0]).contains("Plotter shows E-47"),
        "{}",
        body_text(&acks[0])
    );

    // Publish a new article from another process while the daemon runs.
    std::fs::create_dir_all(kb.join("drafts")).unwrap();
    std::fs::write(kb.join("drafts/plotter-e47.en.md"), PLOTTER_ARTICLE).unwrap();
    let out = desk.run(&["kb", "publish", "plotter-e47.en.md"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let second = mail(
        &ann.email,
        &support,
        "Plotter E-47",
        "",
        "The plotter shows E-47 and the carriage does not move.",
    );
    env.smtp_send(&ann.email, std::slice::from_ref(&support), &second)
        .await
        .expect("Postfix accepts");
    let started = Instant::now();
    let acks = env.wait_for_mails(&ann, "INBOX", 2, DAEMON_WAIT).await;
    let ack = acks
        .iter()
        .find(|m| subject(m).contains("Plotter E-47"))
        .map(|m| body_text(m))
        .unwrap_or_default();
    assert!(
        ack.contains("Plotter shows E-47"),
        "the new article is suggested without a restart (after {:?}): {ack}\n{}",
        started.elapsed(),
        desk.daemon_logs()
    );
    drop(daemon);
}

/// SIGHUP starts a new pipeline generation from the re-read config: pointing `[knowledge]
/// dir` at another folder and sending SIGHUP makes the running daemon suggest from that
/// folder. (The folder watcher cannot be what finds the article: it watches the old one.)
#[tokio::test(flavor = "multi_thread")]
async fn sighup_rereads_the_knowledge_folder_named_by_the_config() {
    let env = TestEnv::get();
    let ann = env.new_user("kbh-ann");
    let desk = Desk::with_config("kbh", "", "[knowledge]\ndir = \"kb\"\n");
    let starter = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("config/kb");
    copy_dir(&starter, &desk.dir.path().join("kb"));
    let kb2 = desk.dir.path().join("kb2");
    copy_dir(&starter, &kb2);
    std::fs::write(kb2.join("plotter-e47.en.md"), PLOTTER_ARTICLE).unwrap();
    let support = desk.support.email.clone();
    let daemon = Reap(desk.spawn_daemon());
    let plotter = |n: usize| {
        mail(
            &ann.email,
            &support,
            &format!("Plotter E-47 ({n})"),
            "",
            "The plotter shows E-47 and the carriage does not move.",
        )
    };
    let ack_of = |acks: &[Vec<u8>], n: usize| {
        acks.iter()
            .find(|m| subject(m).contains(&format!("Plotter E-47 ({n})")))
            .map(|m| body_text(m))
            .unwrap_or_default()
    };

    // Before the reload the old folder has no such article.
    env.smtp_send(&ann.email, std::slice::from_ref(&support), &plotter(1))
        .await
        .expect("Postfix accepts");
    let acks = env.wait_for_mails(&ann, "INBOX", 1, DAEMON_WAIT).await;
    let ack = ack_of(&acks, 1);
    assert!(
        !ack.is_empty() && !ack.contains("Plotter shows E-47"),
        "{ack}"
    );

    let config = std::fs::read_to_string(&desk.config).unwrap();
    let moved = config.replace("dir = \"kb\"", "dir = \"kb2\"");
    assert_ne!(config, moved);
    std::fs::write(&desk.config, moved).unwrap();
    let pid = daemon.0.id().to_string();
    let killed = std::process::Command::new("kill")
        .args(["-HUP", &pid])
        .status()
        .unwrap();
    assert!(killed.success());
    // The new generation is up when its inbox task watches the mailbox a second time.
    let started = Instant::now();
    while desk.daemon_logs().matches("Watching the mailbox").count() < 2 {
        assert!(
            started.elapsed() < DAEMON_WAIT,
            "no new generation after SIGHUP:\n{}",
            desk.daemon_logs()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    env.smtp_send(&ann.email, std::slice::from_ref(&support), &plotter(2))
        .await
        .expect("Postfix accepts");
    let acks = env.wait_for_mails(&ann, "INBOX", 2, DAEMON_WAIT).await;
    let ack = ack_of(&acks, 2);
    assert!(
        ack.contains("Plotter shows E-47"),
        "the article of the folder named after SIGHUP is suggested: {ack}\n{}",
        desk.daemon_logs()
    );
    assert!(desk.daemon_logs().contains("SIGHUP: reloading"));
    drop(daemon);
}
