//! Issue 12 §3 end to end, on SQLite and on PostgreSQL: a request is triaged, the engineer
//! corrects it by mail (`#priority`, `#category`), the correction is recorded, the report
//! shows the triage accuracy in production, and `rules suggest` mines the history.

use crate::desk::{header, Desk};
use crate::env::TestEnv;
use crate::workflow_e2e::{addr, deliver, desk_with_engineer, mail};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(20);

async fn engineer_correction_is_recorded_and_reported(prefix: &str, postgres: bool) {
    let env = TestEnv::get();
    let bob = env.new_user(&format!("{prefix}-bob"));
    let li = env.new_user(&format!("{prefix}-li"));
    let desk: Desk = desk_with_engineer(prefix, &bob);
    if postgres {
        let url = env.pg_fresh_database().await;
        let text = std::fs::read_to_string(&desk.config).unwrap();
        let text: String = text
            .lines()
            .map(|l| {
                if l.starts_with("url = \"sqlite://") {
                    format!("url = \"{url}\"\n")
                } else {
                    format!("{l}\n")
                }
            })
            .collect();
        std::fs::write(&desk.config, text).unwrap();
    }
    let support = desk.support.email.clone();
    let req = mail(
        &li.email,
        &support,
        "Quillbox question",
        "",
        "text/plain",
        "Where can I find the export button in Quillbox?",
    );
    deliver(env, &desk, &li.email, &support, &req, 1).await;
    desk.once();
    let before = desk.show(1);
    let notify = &env.wait_for_mails(&bob, "INBOX", 1, WAIT).await[0];
    let reply_to = addr(&header(notify, "Reply-To").expect("notification has Reply-To"));
    let notify_id = header(notify, "Message-ID").unwrap();
    // P1 and hardware: surely not what triage said about a how-to question.
    assert_ne!(before["priority"], "P1", "{before}");
    assert_ne!(before["category"], "hardware", "{before}");
    let fix = mail(
        &bob.email,
        &reply_to,
        "Re: [#1] Quillbox question",
        &format!("In-Reply-To: {notify_id}\r\n"),
        "text/plain",
        "#priority P1\n#category hardware\n",
    );
    deliver(env, &desk, &bob.email, &reply_to, &fix, 2).await;
    desk.once();
    assert_eq!(desk.show(1)["priority"], "P1");

    let out = desk.run(&["report", "--since", "1d", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("report json");
    let triage = &report["triage_accuracy"];
    assert_eq!(triage["priority"]["tickets"], 1, "{triage}");
    assert_eq!(triage["priority"]["never_corrected"], 0, "{triage}");
    assert_eq!(triage["category"]["never_corrected"], 0, "{triage}");
    let by_said = triage["by_priority"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == before["priority"])
        .unwrap();
    assert_eq!(by_said["accuracy_pct"], 0.0, "{triage}");
    let table = String::from_utf8(desk.run(&["report", "--since", "1d"]).stdout).unwrap();
    assert!(table.contains("Triage accuracy in production"), "{table}");

    let suggest =
        String::from_utf8(desk.run(&["rules", "suggest", "--since", "1d"]).stdout).unwrap();
    assert!(suggest.contains("mined from 1 past ticket"), "{suggest}");
}

#[tokio::test(flavor = "multi_thread")]
async fn engineer_priority_command_records_a_correction_on_sqlite() {
    engineer_correction_is_recorded_and_reported("corr-sqlite", false).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn engineer_priority_command_records_a_correction_on_postgres() {
    engineer_correction_is_recorded_and_reported("corr-pg", true).await;
}
