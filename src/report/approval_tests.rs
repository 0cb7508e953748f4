use super::*;
use crate::report::{render_csv as csv, render_html as html, render_json, render_table};
use crate::ticket::approval::{approvers_for, parse_answer, parse_plan, ApprovalPolicy};
use crate::ticket::model::{Category, Priority};

const S: Timestamp = 1_790_000_000;
const H: i64 = 3600;

/// A plan of `risk` proposed at `at`, answered by sue `answer` after `after` seconds.
fn plan(risk: &str, at: Timestamp, answer: Option<(&str, i64)>) -> Approval {
    let p = parse_plan(&format!("Swap the switch\nrisk: {risk}")).unwrap();
    let who = approvers_for(
        p.risk,
        "bob@x.test",
        &["sue@x.test".to_string()],
        "li@x.test",
        &ApprovalPolicy {
            customer_consent: false,
            ..Default::default()
        },
    );
    let a = Approval::propose(1, p, "bob@x.test", who, at);
    match answer {
        None => a,
        Some((text, after)) => a
            .vote(
                "sue@x.test",
                &parse_answer(text).unwrap(),
                "reply token",
                "m@x",
                at + after,
            )
            .unwrap(),
    }
}

#[test]
fn approvals_are_counted_as_known_at_the_end_of_the_window() {
    let plans = [
        plan("medium", S, Some(("approve", H))),
        plan("high", S, Some(("approve", 3 * H))),
        plan("high", S, Some(("approve", 2 * H))),
        plan("medium", S, Some(("reject: Not Now", 600))),
        plan("medium", S, None),
        // Decided after the window: still pending at its end.
        plan("medium", S, Some(("approve", 100 * H))),
        // Low risk needs nobody: not a request.
        plan("low", S, None),
    ];
    let a = build_approvals(&plans, S + 10 * H);
    assert_eq!(
        (a.requested, a.approved, a.rejected, a.pending),
        (6, 3, 1, 2)
    );
    assert_eq!(a.time_to_approve.count, 3);
    assert_eq!(a.time_to_approve.median_secs, Some(2 * H));
    assert_eq!(a.time_to_approve.p90_secs, Some(3 * H));
    assert_eq!(build_approvals(&[], S), ApprovalStats::default());
}

fn fact(number: u64, created_at: Timestamp) -> TicketFacts {
    let mut f = crate::report::tests::fact(number, Priority::P2, Category::Network, None);
    f.created_at = created_at;
    f
}

#[test]
fn each_organisation_gets_its_row_and_every_format_shows_them() {
    let facts = [fact(1, S), fact(2, S), fact(3, S), fact(4, S - 100 * H)];
    let org_of: HashMap<u64, String> = [(1, "acme"), (2, "acme"), (3, "beta")]
        .into_iter()
        .map(|(n, o)| (n, o.to_string()))
        .collect();
    let names = vec!["acme".to_string(), "beta".into(), "gamma".into()];
    let groups = by_organisation(&facts, &org_of, &names, S, S + 24 * H);
    let opened: Vec<(&str, u64, u64)> = groups
        .iter()
        .map(|g| (g.name.as_str(), g.stats.opened, g.stats.backlog.total()))
        .collect();
    assert_eq!(
        opened,
        vec![
            ("acme", 2, 2),
            ("beta", 1, 1),
            ("gamma", 0, 0),
            ("(desk)", 0, 1)
        ]
    );

    let mut r = build_report(&facts, S, S + 24 * H);
    r.by_organisation = groups;
    r.approvals = Some(build_approvals(
        &[plan("medium", S, Some(("approve", 90 * 60)))],
        S + 24 * H,
    ));
    let table = render_table(&r);
    assert!(
        table.contains("By organisation") && table.contains("acme"),
        "{table}"
    );
    assert!(
        table.contains("requested 1   approved 1   rejected 0   pending 0")
            && table.contains("median 1h30m"),
        "{table}"
    );
    let c = csv(&r);
    assert!(c.contains("\r\norganisation,beta,1,"), "{c}");
    assert!(
        c.contains("approval,time_to_approve_median_secs,5400\r\n"),
        "{c}"
    );
    let v: Value = serde_json::from_str(&render_json(&r).unwrap()).unwrap();
    assert_eq!(v["approvals"]["approved"], 1);
    assert_eq!(v["by_organisation"][0]["name"], "acme");
    let h = html(&r);
    assert!(h.contains("<h2>By organisation</h2>") && h.contains("<h2>Change approval</h2>"));
    // Without organisations or approvals the report is as before.
    let plain = render_table(&build_report(&facts, S, S + 24 * H));
    assert!(!plain.contains("By organisation") && !plain.contains("Change approval"));
}

#[test]
fn plans_show_outcome_votes_and_reasons() {
    let a = plan("high", S, Some(("Reject: Wait For The\nAudit", 600)));
    let text = plans_text(std::slice::from_ref(&a));
    assert!(
        text.contains("#1 high risk, rejected — proposed by bob@x.test"),
        "{text}"
    );
    assert!(
        text.contains("supervisor sue@x.test rejected at")
            && text.contains("(reply token): Wait For The Audit"),
        "{text}"
    );
    let pending = plan("medium", S, None);
    assert!(plans_text(std::slice::from_ref(&pending)).contains("waiting for: sue@x.test"));
    let v = plans_json(&[a, pending]);
    assert_eq!(v[0]["outcome"], "rejected");
    assert_eq!(v[0]["votes"][0]["reason"], "Wait For The Audit");
    assert_eq!(v[1]["outcome"], "pending");
    assert_eq!(plans_text(&[]), "");
}
