//! Issue 4 end to end with a controllable clock (`SUPPORTBOT_NOW_OFFSET`): a P1 ticket gets
//! the 75 % reminder and the breach escalation exactly once each, across `tick` runs and a
//! daemon restart; `supportbot report` counts what happened.

use crate::desk::{body_text, subject, Desk};
use crate::env::TestEnv;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(20);

#[tokio::test(flavor = "multi_thread")]
async fn p1_reminder_and_escalation_go_out_once_each_across_a_restart() {
    let env = TestEnv::get();
    let bob = env.new_user("bob-sla");
    let boss = env.new_user("boss-sla");
    let requester = env.new_user("ops");
    let desk = Desk::with_config(
        "sla",
        "",
        &format!(
            "[workflow]\nsecret = \"e2e-secret-0123456789abcdef\"\n\
             [[engineers]]\nname = \"Bob\"\nemail = \"{}\"\ncategories = [\"network\"]\nlanguages = [\"en\"]\n\
             [[engineers]]\nname = \"Boss\"\nemail = \"{}\"\nsupervisor = true\nlanguages = [\"en\"]\n",
            bob.email, boss.email
        ),
    );
    let (_, raw) = crate::env::sample_mail(
        &requester.email,
        &desk.support.email,
        "Internet down for the whole Shenzhen office",
        "Since 9:00 the whole Shenzhen office is offline: 40 people cannot take customer orders.",
    );
    env.append(&desk.support, "INBOX", &raw).await;
    desk.once();
    let t = &desk.tickets()[0];
    assert_eq!(t["priority"], "P1", "{t}");
    // Bob got the assignment notification.
    env.wait_for_mails(&bob, "INBOX", 1, WAIT).await;

    let tick_at = |minutes: i64| {
        let out = desk
            .cmd()
            .env("SUPPORTBOT_NOW_OFFSET", (minutes * 60).to_string())
            .args(["tick", "--json"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    // 10 minutes: nothing is due yet (75 % of 15 min is 11¼).
    tick_at(10);
    // 12 minutes: the respond reminder to Bob, once.
    tick_at(12);
    tick_at(12);
    tick_at(13);
    let bob_mail = env.wait_for_mails(&bob, "INBOX", 2, WAIT).await;
    assert!(
        subject(&bob_mail[1]).contains("[#1]"),
        "{}",
        subject(&bob_mail[1])
    );
    // 16 minutes: respond breached → escalation to the supervisor, once.
    tick_at(16);
    let boss_mail = env.wait_for_mails(&boss, "INBOX", 1, WAIT).await;
    assert!(body_text(&boss_mail[0]).contains("#1") || subject(&boss_mail[0]).contains("#1"));

    // A daemon restarted with the clock at 20 minutes repeats none of it.
    let mut daemon = desk
        .cmd()
        .env("SUPPORTBOT_NOW_OFFSET", (20 * 60).to_string())
        .arg("run")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    tokio::time::sleep(Duration::from_secs(3)).await;
    desk.stop(&mut daemon);
    tick_at(21);
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(
        env.fetch_all(&bob, "INBOX").await.len(),
        2,
        "one reminder only"
    );
    assert_eq!(
        env.fetch_all(&boss, "INBOX").await.len(),
        1,
        "one escalation only"
    );
    let timeline = desk.show(1)["timeline"].clone();
    let kinds: Vec<&str> = timeline
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["kind"].as_str())
        .collect();
    assert_eq!(
        kinds.iter().filter(|k| **k == "reminder").count(),
        1,
        "{kinds:?}"
    );
    assert_eq!(
        kinds.iter().filter(|k| **k == "escalated").count(),
        1,
        "{kinds:?}"
    );

    // The report sees one P1 ticket with a breached response.
    let out = desk
        .cmd()
        .env("SUPPORTBOT_NOW_OFFSET", (21 * 60).to_string())
        .args(["report", "--since", "1d", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("report json");
    assert_eq!(report["overall"]["opened"], 1, "{report}");
    assert_eq!(report["overall"]["breaches"], 1, "{report}");
    assert_eq!(report["overall"]["respond_sla"]["breached"], 1, "{report}");
}
