//! Issue 11 §1 end to end through the real Dovecot and Postfix: an engineer's `#plan` by
//! mail → an approval request with its own reply token mailed to the supervisor → forged
//! approvals (the supervisor's From without a token, or on the engineer's own token address)
//! and a third party's reply to the supervisor's token address change nothing and get no
//! mail → `#resolve` is refused with a receipt saying why → the supervisor's real `approve`
//! → `#resolve` works; and a rejection goes back to the engineer with the reason, capitals
//! intact. (Knowing the request's Message-ID counts as holding its token, exactly as for
//! engineer notifications, so the forgeries here do not quote it.)

use crate::desk::{assert_stays, body_text, header, subject, Desk};
use crate::env::{TestEnv, TestUser};
use crate::workflow_e2e::{addr, deliver, mail};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(20);
/// How long "nothing arrives" is watched (Postfix delivers about a second after `once`).
const QUIET: Duration = Duration::from_secs(2);

fn desk_with_supervisor(prefix: &str, engineer: &TestUser, supervisor: &TestUser) -> Desk {
    Desk::with_config(
        prefix,
        "",
        &format!(
            "[workflow]\nsecret = \"e2e-secret-0123456789abcdef\"\n\
             [[engineers]]\nname = \"Bob Stone\"\nemail = \"{}\"\n\
             categories = [\"hardware\", \"software\", \"network\", \"account\", \"request\", \"other\"]\n\
             languages = [\"en\"]\n\
             [[engineers]]\nname = \"Sue Chief\"\nemail = \"{}\"\nsupervisor = true\n\
             languages = [\"en\"]\n",
            engineer.email, supervisor.email
        ),
    )
}

/// A plain-text reply on ticket #1.
fn on_ticket(from: &str, to: &str, body: &str) -> Vec<u8> {
    mail(
        from,
        to,
        "Re: [#1] VPN gateway drops every hour",
        "",
        "text/plain",
        body,
    )
}

fn kinds(desk: &Desk, n: i64) -> Vec<String> {
    desk.show(n)["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// A request from Li, Bob's notification; returns Bob's reply-token address. The support
/// mailbox then holds 1 mail.
async fn opened(env: &TestEnv, desk: &Desk, li: &TestUser, bob: &TestUser) -> String {
    let support = desk.support.email.clone();
    let req = mail(
        &li.email,
        &support,
        "VPN gateway drops every hour",
        "",
        "text/plain",
        "The VPN gateway drops all sessions about once an hour since Monday.",
    );
    deliver(env, desk, &li.email, &support, &req, 1).await;
    desk.once();
    let note = env.wait_for_mails(bob, "INBOX", 1, WAIT).await;
    addr(&header(&note[0], "Reply-To").expect("notification has Reply-To"))
}

/// Bob's `#plan` (medium risk); returns Sue's approval request. Support mailbox: 2 mails.
async fn planned(
    env: &TestEnv,
    desk: &Desk,
    bob: &TestUser,
    sue: &TestUser,
    reply_to: &str,
) -> Vec<u8> {
    let plan = on_ticket(
        &bob.email,
        reply_to,
        "#plan Replace the VPN gateway firmware with 7.2.4\nrisk: medium\n\
         rollback: boot the previous image from slot B\nwindow: 2026-12-05 22:00-23:00\n",
    );
    deliver(env, desk, &bob.email, reply_to, &plan, 2).await;
    desk.once();
    let t = desk.show(1);
    assert_eq!(t["status"], "awaiting approval", "{t}");
    let req = env.wait_for_mails(sue, "INBOX", 1, WAIT).await.remove(0);
    let body = body_text(&req);
    assert!(subject(&req).contains("[#1]"), "{}", subject(&req));
    for part in [
        "Replace the VPN gateway firmware with 7.2.4",
        "risk: medium",
        "boot the previous image from slot B",
        "2026-12-05 22:00-23:00",
    ] {
        assert!(body.contains(part), "request shows {part:?}: {body}");
    }
    let receipt = env.wait_for_mails(bob, "INBOX", 2, WAIT).await;
    assert!(
        body_text(&receipt[1]).contains("approval requested from"),
        "{}",
        body_text(&receipt[1])
    );
    req
}

#[tokio::test(flavor = "multi_thread")]
async fn a_plan_is_approved_by_the_supervisors_token_reply_and_only_then_resolved() {
    let env = TestEnv::get();
    let (bob, sue, li, mallory) = (
        env.new_user("bob-appr"),
        env.new_user("sue-appr"),
        env.new_user("li-appr"),
        env.new_user("mallory"),
    );
    let desk = desk_with_supervisor("approve", &bob, &sue);
    let support = desk.support.email.clone();
    let bob_reply = opened(env, &desk, &li, &bob).await;
    let req = planned(env, &desk, &bob, &sue, &bob_reply).await;
    let sue_reply = addr(&header(&req, "Reply-To").expect("request has Reply-To"));
    assert!(
        sue_reply.contains("+t1-"),
        "token plus-address: {sue_reply}"
    );
    let req_id = header(&req, "Message-ID").unwrap();

    // Forged: Sue's From straight to the support address, no token; Sue's From on Bob's own
    // token address (Bob approving his own plan); Mallory replying to Sue's token address.
    // None counts and none gets any mail.
    let subj = "Re: Approval needed: [#1] VPN gateway drops every hour";
    let forged = mail(&sue.email, &support, subj, "", "text/plain", "approve");
    deliver(env, &desk, &sue.email, &support, &forged, 3).await;
    let own = mail(&sue.email, &bob_reply, subj, "", "text/plain", "同意");
    deliver(env, &desk, &bob.email, &bob_reply, &own, 4).await;
    let third = mail(
        &mallory.email,
        &sue_reply,
        subj,
        &format!("In-Reply-To: {req_id}\r\n"),
        "text/plain",
        "#approve",
    );
    deliver(env, &desk, &mallory.email, &sue_reply, &third, 5).await;
    desk.once();
    assert_eq!(desk.show(1)["status"], "awaiting approval");
    let k = kinds(&desk, 1);
    assert_eq!(
        k.iter().filter(|x| *x == "command_rejected").count(),
        3,
        "{k:?}"
    );
    assert!(!k.contains(&"approval".to_string()), "{k:?}");

    // #resolve while the plan waits: refused, and the receipt says why.
    let resolve = on_ticket(&bob.email, &bob_reply, "#resolve Replaced the firmware.\n");
    deliver(env, &desk, &bob.email, &bob_reply, &resolve, 6).await;
    desk.once();
    let bob_mail = env.wait_for_mails(&bob, "INBOX", 3, WAIT).await;
    let refusal = body_text(&bob_mail[2]);
    assert!(
        refusal.contains("#resolve") && refusal.contains("approv"),
        "receipt says why: {refusal}"
    );
    assert_eq!(desk.show(1)["status"], "awaiting approval");
    assert_stays(env, &sue, "INBOX", 1, QUIET).await;
    assert_stays(env, &mallory, "INBOX", 0, Duration::ZERO).await;

    // Sue approves by replying to her request.
    let yes = mail(
        &format!("Sue Chief <{}>", sue.email),
        &sue_reply,
        "Re: Approval needed: [#1] VPN gateway drops every hour",
        &format!("In-Reply-To: {req_id}\r\n"),
        "text/plain",
        "Approve, thanks.\n\n> Bob Stone asks for your approval",
    );
    deliver(env, &desk, &sue.email, &sue_reply, &yes, 7).await;
    desk.once();
    assert_eq!(desk.show(1)["status"], "open");
    let sue_mail = env.wait_for_mails(&sue, "INBOX", 2, WAIT).await;
    assert!(subject(&sue_mail[1]).contains("[#1]"), "receipt to Sue");
    let bob_mail = env.wait_for_mails(&bob, "INBOX", 4, WAIT).await;
    let told = body_text(&bob_mail[3]);
    assert!(told.contains("approved"), "Bob is told: {told}");

    // Now #resolve goes through, and the timeline has the whole story.
    let resolve = on_ticket(
        &bob.email,
        &bob_reply,
        "#resolve Replaced the firmware in the window; no drops since.\n",
    );
    deliver(env, &desk, &bob.email, &bob_reply, &resolve, 8).await;
    desk.once();
    assert_eq!(desk.show(1)["status"], "resolved");
    let t = desk.show(1);
    let timeline = t["timeline"].as_array().unwrap();
    let approval = timeline
        .iter()
        .find(|e| e["kind"] == "approval")
        .expect("approval recorded");
    let detail = approval["detail"].as_str().unwrap_or_default();
    assert!(
        approval["actor"] == sue.email.as_str() && detail.contains("reply token"),
        "who and how: {approval}"
    );
    for kind in ["plan", "approval_requested", "plan_executed"] {
        assert!(
            timeline.iter().any(|e| e["kind"] == kind),
            "{kind}: {timeline:?}"
        );
    }
    env.wait_for_mails(&li, "INBOX", 2, WAIT).await;

    // `tickets show` lists the plan and its vote; the report counts it.
    let plans = t["plans"].as_array().unwrap();
    assert_eq!(plans.len(), 1, "{t}");
    assert_eq!(plans[0]["outcome"], "approved");
    assert_eq!(plans[0]["votes"][0]["approver"], sue.email.as_str());
    assert!(!plans[0]["executed_at"].is_null());
    let text = String::from_utf8_lossy(&desk.run(&["tickets", "show", "1"]).stdout).into_owned();
    assert!(
        text.contains("Plans:") && text.contains("medium risk, approved"),
        "{text}"
    );
    let out = desk.run(&["report", "--since", "1d", "--format", "json"]);
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (
            r["approvals"]["requested"].as_u64(),
            r["approvals"]["approved"].as_u64()
        ),
        (Some(1), Some(1)),
        "{}",
        r["approvals"]
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_rejection_returns_the_ticket_to_the_engineer_with_the_reason() {
    let env = TestEnv::get();
    let (bob, sue, li) = (
        env.new_user("bob-nogo"),
        env.new_user("sue-nogo"),
        env.new_user("li-nogo"),
    );
    let desk = desk_with_supervisor("nogo", &bob, &sue);
    let bob_reply = opened(env, &desk, &li, &bob).await;
    let req = planned(env, &desk, &bob, &sue, &bob_reply).await;
    let sue_reply = addr(&header(&req, "Reply-To").unwrap());
    let no = mail(
        &sue.email,
        &sue_reply,
        "Re: Approval needed: [#1] VPN gateway drops every hour",
        "",
        "text/plain",
        "Reject: Test the rollback on the LAB gateway first.\n",
    );
    deliver(env, &desk, &sue.email, &sue_reply, &no, 3).await;
    desk.once();
    assert_eq!(desk.show(1)["status"], "open");
    let bob_mail = env.wait_for_mails(&bob, "INBOX", 3, WAIT).await;
    let told = body_text(&bob_mail[2]);
    assert!(
        told.contains("rejected") && told.contains("Test the rollback on the LAB gateway first"),
        "Bob gets the reason: {told}"
    );
    // Still not resolvable: the receipt names the rejection.
    let resolve = on_ticket(
        &bob.email,
        &bob_reply,
        "#resolve Replaced the firmware anyway.\n",
    );
    deliver(env, &desk, &bob.email, &bob_reply, &resolve, 4).await;
    desk.once();
    let bob_mail = env.wait_for_mails(&bob, "INBOX", 4, WAIT).await;
    let refusal = body_text(&bob_mail[3]);
    assert!(refusal.contains("rejected"), "{refusal}");
    assert_eq!(desk.show(1)["status"], "open");
}
