//! Issue 11 §2 end to end through the real Dovecot and Postfix: a requester of acme gets
//! acme's own P1 promise in the acknowledgement (its targets, not the desk's) and only acme's
//! engineer is told; a requester of acme's domain is routed and timed the same way; and a
//! reply with another organisation's `[#N]` opens a new ticket instead of threading.
//! (Postfix here delivers only example.test, so the requester whose acknowledgement is read
//! belongs to acme by `addresses`; the `acme.com` requester is checked in the database.)

use crate::desk::{assert_stays, body_text, subject, Desk};
use crate::env::{TestEnv, TestUser};
use crate::workflow_e2e::{deliver, mail};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(20);
const VPN: &str =
    "Since 9:00 nobody in the Shenzhen office can connect to the VPN; 40 people cannot work.";

fn desk_with_acme(prefix: &str, bob: &TestUser, wang: &TestUser, acme_user: &TestUser) -> Desk {
    let all = "categories = [\"hardware\", \"software\", \"network\", \"account\", \"request\", \"other\"]\nlanguages = [\"en\"]\n";
    Desk::with_config(
        prefix,
        "",
        &format!(
            "[workflow]\nsecret = \"e2e-secret-0123456789abcdef\"\n\
             [[engineers]]\nname = \"Bob Stone\"\nemail = \"{}\"\n{all}\
             [[engineers]]\nname = \"Wang Wei\"\nemail = \"{}\"\n{all}\
             [[organisations]]\nname = \"acme\"\ndomains = [\"acme.com\"]\naddresses = [\"{}\"]\n\
             engineers = [\"Wang Wei\"]\n\
             [organisations.sla.P1]\nrespond = \"7m\"\nresolve = \"53m\"\n",
            bob.email, wang.email, acme_user.email
        ),
    )
}

fn secs(v: &serde_json::Value) -> i64 {
    chrono::DateTime::parse_from_rfc3339(v.as_str().unwrap())
        .unwrap()
        .timestamp()
}

#[tokio::test(flavor = "multi_thread")]
async fn an_acme_requester_gets_acmes_promise_and_only_acmes_engineer() {
    let env = TestEnv::get();
    let (bob, wang, li, zoe) = (
        env.new_user("bob-org"),
        env.new_user("wang-org"),
        env.new_user("li-acme"),
        env.new_user("zoe-desk"),
    );
    let desk = desk_with_acme("orgs", &bob, &wang, &li);
    let support = desk.support.email.clone();
    let subj = "VPN down for the whole office";
    let from_li = mail(&li.email, &support, subj, "", "text/plain", VPN);
    deliver(env, &desk, &li.email, &support, &from_li, 1).await;
    desk.once();
    let from_ops = mail("ops@acme.com", &support, subj, "", "text/plain", VPN);
    deliver(env, &desk, "ops@acme.com", &support, &from_ops, 2).await;
    let from_zoe = mail(&zoe.email, &support, subj, "", "text/plain", VPN);
    deliver(env, &desk, &zoe.email, &support, &from_zoe, 3).await;
    desk.once();

    let tickets = desk.tickets();
    let of = |who: &str| {
        tickets
            .iter()
            .find(|t| t["requester"] == who)
            .unwrap_or_else(|| panic!("a ticket of {who}: {tickets:#?}"))
    };
    for who in [li.email.as_str(), "ops@acme.com"] {
        let t = of(who);
        assert_eq!(t["priority"], "P1", "{t}");
        assert_eq!(
            t["assignee"],
            wang.email.as_str(),
            "only acme's engineer: {t}"
        );
        assert_eq!(
            (
                secs(&t["respond_by"]) - secs(&t["created_at"]),
                secs(&t["resolve_by"]) - secs(&t["created_at"])
            ),
            (7 * 60, 53 * 60),
            "acme's P1 targets: {t}"
        );
    }
    let z = of(&zoe.email);
    assert_eq!(z["priority"], "P1", "{z}");
    assert_eq!(secs(&z["respond_by"]) - secs(&z["created_at"]), 15 * 60);

    let ack = env.wait_for_mails(&li, "INBOX", 1, WAIT).await.remove(0);
    let text = body_text(&ack);
    assert!(
        text.contains("7 minutes") && text.contains("53 minutes") && !text.contains("15 minutes"),
        "acme's promise: {text}"
    );
    let ack = env.wait_for_mails(&zoe, "INBOX", 1, WAIT).await.remove(0);
    assert!(body_text(&ack).contains("15 minutes"), "the desk's promise");

    // Wang is told of both acme tickets; Bob of nothing of acme's.
    env.wait_for_mails(&wang, "INBOX", 2, WAIT).await;
    let zoe_n = z["number"].as_i64().unwrap();
    let bob_mail = env.fetch_all(&bob, "INBOX").await;
    for m in &bob_mail {
        assert!(
            subject(m).starts_with(&format!("[#{zoe_n}]"))
                || subject(m).contains(&format!("#{zoe_n}")),
            "Bob only hears of the desk's ticket: {}",
            subject(m)
        );
    }
    // The organisation's own list and report; the default report has a row per organisation.
    let out = desk.run(&["tickets", "list", "--json", "--organisation", "acme"]);
    let acme: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let mut who: Vec<&str> = acme
        .iter()
        .map(|t| t["requester"].as_str().unwrap())
        .collect();
    who.sort_unstable();
    let mut want = vec![li.email.as_str(), "ops@acme.com"];
    want.sort_unstable();
    assert_eq!(who, want);
    let report = |args: &[&str]| -> serde_json::Value {
        let mut a = vec!["report", "--since", "1d", "--format", "json"];
        a.extend_from_slice(args);
        serde_json::from_slice(&desk.run(&a).stdout).unwrap()
    };
    let r = report(&["--organisation", "acme"]);
    assert_eq!(r["overall"]["opened"], 2, "{r}");
    let r = report(&[]);
    assert_eq!(r["overall"]["opened"], 3);
    let rows: Vec<(String, u64)> = r["by_organisation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["name"].as_str().unwrap().to_string(),
                g["stats"]["opened"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![("acme".to_string(), 2), ("(desk)".to_string(), 1)]
    );
    let bad = desk
        .cmd()
        .args(["report", "--organisation", "nope"])
        .output()
        .unwrap();
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown organisation"));
    if z["assignee"] == wang.email.as_str() {
        assert_stays(env, &bob, "INBOX", 0, Duration::from_secs(2)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reply_with_another_organisations_ticket_number_opens_a_new_ticket() {
    let env = TestEnv::get();
    let (bob, wang, li, zoe) = (
        env.new_user("bob-xorg"),
        env.new_user("wang-xorg"),
        env.new_user("li-xorg"),
        env.new_user("zoe-xorg"),
    );
    let desk = desk_with_acme("xorg", &bob, &wang, &li);
    let support = desk.support.email.clone();
    let first = mail(
        &zoe.email,
        &support,
        "Printer jams on floor 3",
        "",
        "text/plain",
        "The printer on floor 3 jams on every page.",
    );
    deliver(env, &desk, &zoe.email, &support, &first, 1).await;
    desk.once();
    assert_eq!(desk.tickets().len(), 1);

    // Li (acme) answers with the desk's [#1]: not threaded into Zoe's ticket.
    let cross = mail(
        &li.email,
        &support,
        "Re: [#1] Printer jams on floor 3",
        "",
        "text/plain",
        "Our printer jams too, please also look at ours.",
    );
    deliver(env, &desk, &li.email, &support, &cross, 2).await;
    desk.once();
    let tickets = desk.tickets();
    assert_eq!(tickets.len(), 2, "a new ticket is opened: {tickets:#?}");
    let one = desk.show(1);
    let timeline = one["timeline"].as_array().unwrap();
    assert!(
        timeline.iter().all(|e| e["actor"] != li.email.as_str()),
        "nothing of Li's reaches ticket #1: {timeline:?}"
    );
    let two = desk.show(2);
    assert_eq!(two["requester"], li.email.as_str());
    assert_eq!(two["assignee"], wang.email.as_str());
    let note = two["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "note")
        .map(|e| e["detail"].as_str().unwrap_or_default().to_string())
        .unwrap_or_default();
    assert!(
        note.contains("not threaded into ticket #1") && note.contains("acme"),
        "the mismatch is on the new ticket: {two}"
    );
    // Li's acknowledgement names the new ticket, and Zoe hears nothing of Li.
    let ack = env.wait_for_mails(&li, "INBOX", 1, WAIT).await.remove(0);
    assert!(subject(&ack).starts_with("[#2]"), "{}", subject(&ack));
    assert_stays(env, &zoe, "INBOX", 1, Duration::from_secs(2)).await;
}
