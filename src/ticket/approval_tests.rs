use super::*;

const NOW: Timestamp = 1_790_000_000;

fn policy() -> ApprovalPolicy {
    ApprovalPolicy::default()
}

fn plan(risk: Risk) -> Plan {
    Plan {
        text: "Replace the core switch".into(),
        risk,
        risk_stated: true,
        rollback: Some("put the old switch back".into()),
        window: Some("2026-12-05 22:00-23:00".into()),
    }
}

fn sups() -> Vec<String> {
    vec!["sue@example.test".into(), "bob@example.test".into()]
}

fn pending(risk: Risk) -> Approval {
    let approvers = approvers_for(risk, "bob@example.test", &sups(), "li@acme.test", &policy());
    Approval::propose(1, plan(risk), "bob@example.test", approvers, NOW)
}

#[test]
fn plan_lines_are_read_in_both_languages() {
    type Case<'a> = (&'a str, Risk, bool, Option<&'a str>, Option<&'a str>);
    let cases: &[Case] = &[
        (
            "Replace the core switch\nrisk: high\nrollback: old switch\nwindow: 2026-12-05 22:00-23:00",
            Risk::High,
            true,
            Some("old switch"),
            Some("2026-12-05 22:00-23:00"),
        ),
        (
            "更换核心交换机\n风险：高\n回退：换回旧交换机\n窗口：2026-12-05 22:00-23:00",
            Risk::High,
            true,
            Some("换回旧交换机"),
            Some("2026-12-05 22:00-23:00"),
        ),
        ("Restart the print spooler\nRisk: LOW", Risk::Low, true, None, None),
        ("重启服务\n风险: 中", Risk::Medium, true, None, None),
        // No risk stated: the safe reading, medium (needs approval).
        ("Patch the VPN gateway", Risk::Medium, false, None, None),
    ];
    for (text, risk, stated, rollback, window) in cases {
        let p = parse_plan(text).unwrap();
        assert_eq!(p.risk, *risk, "{text}");
        assert_eq!(p.risk_stated, *stated, "{text}");
        assert_eq!(p.rollback.as_deref(), *rollback, "{text}");
        assert_eq!(p.window.as_deref(), *window, "{text}");
        assert!(
            !p.text.contains("risk") && !p.text.contains("风险"),
            "{text}"
        );
    }
}

#[test]
fn bad_plans_are_refused_with_a_reason() {
    assert!(parse_plan("do it\nrisk: extreme")
        .unwrap_err()
        .contains("high, medium or low"));
    assert!(parse_plan("risk: high")
        .unwrap_err()
        .contains("description"));
    assert!(parse_plan("").is_err());
}

#[test]
fn answers_are_read_from_the_first_fresh_line() {
    let cases: &[(&str, Option<Answer>)] = &[
        ("approve", Some(Answer::Approve)),
        ("Approved, thanks", Some(Answer::Approve)),
        ("#approve", Some(Answer::Approve)),
        ("＃approve", Some(Answer::Approve)),
        ("同意", Some(Answer::Approve)),
        ("批准。", Some(Answer::Approve)),
        ("\n\n同意\n\n> quoted", Some(Answer::Approve)),
        (
            "reject too risky before the audit",
            Some(Answer::Reject(Some("too risky before the audit".into()))),
        ),
        (
            "#reject: window clashes\nwith the backup run",
            Some(Answer::Reject(Some(
                "window clashes with the backup run".into(),
            ))),
        ),
        ("不同意", Some(Answer::Reject(None))),
        // The reason keeps its capitals and whatever follows a full-width prefix.
        (
            "Reject: VPN gateway has no HA pair, see CHG-42",
            Some(Answer::Reject(Some(
                "VPN gateway has no HA pair, see CHG-42".into(),
            ))),
        ),
        (
            "＃ＲＥＪＥＣＴ 先做 Backup",
            Some(Answer::Reject(Some("先做 Backup".into()))),
        ),
        (
            "不同意，周末再做",
            Some(Answer::Reject(Some("周末再做".into()))),
        ),
        (
            "驳回 没有回退方案",
            Some(Answer::Reject(Some("没有回退方案".into()))),
        ),
        // Not answers.
        ("approvers are on holiday", None),
        (
            "I will approve this tomorrow after I read the whole plan carefully, ok",
            None,
        ),
        ("thanks", None),
        ("", None),
        ("> approve", None),
    ];
    for (text, want) in cases {
        assert_eq!(parse_answer(text), *want, "{text:?}");
    }
}

#[test]
fn who_approves_depends_on_risk_and_consent() {
    let p = policy();
    let low = approvers_for(Risk::Low, "bob@example.test", &sups(), "li@acme.test", &p);
    assert!(low.is_empty());
    let medium = approvers_for(
        Risk::Medium,
        "bob@example.test",
        &sups(),
        "li@acme.test",
        &p,
    );
    assert_eq!(
        medium,
        vec![Approver {
            email: "sue@example.test".into(),
            role: Role::Supervisor
        }],
        "the proposer never approves their own plan"
    );
    let high = approvers_for(Risk::High, "bob@example.test", &sups(), "li@acme.test", &p);
    assert_eq!(high.len(), 2);
    assert_eq!(high.get(1).map(|a| a.role), Some(Role::Requester));
    let no_consent = ApprovalPolicy {
        customer_consent: false,
        ..p
    };
    let high = approvers_for(
        Risk::High,
        "bob@example.test",
        &sups(),
        "li@acme.test",
        &no_consent,
    );
    assert_eq!(high.len(), 1);
}

#[test]
fn state_machine_table() {
    // (risk, votes as (who, approve), expected outcome)
    type Case = (Risk, &'static [(&'static str, bool)], Outcome);
    let cases: &[Case] = &[
        (Risk::Low, &[], Outcome::NotNeeded),
        (Risk::Medium, &[], Outcome::Pending),
        (
            Risk::Medium,
            &[("sue@example.test", true)],
            Outcome::Approved,
        ),
        (
            Risk::Medium,
            &[("sue@example.test", false)],
            Outcome::Rejected,
        ),
        (Risk::High, &[("sue@example.test", true)], Outcome::Pending),
        (Risk::High, &[("li@acme.test", true)], Outcome::Pending),
        (
            Risk::High,
            &[("sue@example.test", true), ("li@acme.test", true)],
            Outcome::Approved,
        ),
        (Risk::High, &[("li@acme.test", false)], Outcome::Rejected),
    ];
    for (risk, votes, want) in cases {
        let mut a = pending(*risk);
        for (i, (who, yes)) in votes.iter().enumerate() {
            let answer = if *yes {
                Answer::Approve
            } else {
                Answer::Reject(Some("no".into()))
            };
            a = a
                .vote(
                    who,
                    &answer,
                    "reply token",
                    "m@x",
                    NOW + 60 * (i as i64 + 1),
                )
                .unwrap();
        }
        assert_eq!(a.outcome(), *want, "{risk:?} {votes:?}");
        assert_eq!(
            a.blocks_resolve().is_some(),
            matches!(want, Outcome::Pending | Outcome::Rejected),
            "{risk:?} {votes:?}"
        );
    }
}

#[test]
fn only_addressed_approvers_vote_and_only_once() {
    let a = pending(Risk::Medium);
    assert_eq!(
        a.vote(
            "mallory@evil.test",
            &Answer::Approve,
            "reply token",
            "m",
            NOW
        ),
        Err(VoteError::NotAnApprover("mallory@evil.test".into()))
    );
    // The proposer is not an approver of their own plan.
    assert!(a
        .vote(
            "bob@example.test",
            &Answer::Approve,
            "reply token",
            "m",
            NOW
        )
        .is_err());
    let done = a
        .vote(
            "SUE@example.test",
            &Answer::Approve,
            "mx dkim=pass",
            "m",
            NOW + 90,
        )
        .unwrap();
    let vote = done.votes.first().unwrap();
    assert_eq!(
        (vote.approver.as_str(), vote.proof.as_str(), vote.at),
        ("sue@example.test", "mx dkim=pass", NOW + 90)
    );
    assert_eq!(done.time_to_decide(), Some(90));
    assert!(matches!(
        done.vote(
            "sue@example.test",
            &Answer::Reject(None),
            "reply token",
            "m",
            NOW
        ),
        Err(VoteError::Decided { .. })
    ));
}

#[test]
fn rejection_blocks_resolve_with_the_reason() {
    let a = pending(Risk::Medium)
        .vote(
            "sue@example.test",
            &Answer::Reject(Some("no rollback tested".into())),
            "reply token",
            "m",
            NOW,
        )
        .unwrap();
    let why = a.blocks_resolve().unwrap();
    assert!(
        why.contains("rejected by sue@example.test: no rollback tested"),
        "{why}"
    );
}

#[test]
fn pending_request_is_reminded_at_75_percent_then_escalated_at_timeout() {
    let p = policy(); // 4 h
    let a = pending(Risk::Medium);
    assert_eq!(a.next_due(&p), Some(NOW + 3 * 3600));
    assert_eq!(a.on_timer(&p, NOW + 3 * 3600 - 1), None);
    assert_eq!(a.on_timer(&p, NOW + 3 * 3600), Some(TimerStep::Remind));
    let a = a.after_step(TimerStep::Remind);
    assert_eq!(a.next_due(&p), Some(NOW + 4 * 3600));
    assert_eq!(a.on_timer(&p, NOW + 3 * 3600 + 60), None);
    assert_eq!(a.on_timer(&p, NOW + 4 * 3600), Some(TimerStep::Escalate));
    let a = a.after_step(TimerStep::Escalate);
    assert_eq!(a.next_due(&p), None);
    assert_eq!(a.on_timer(&p, NOW + 100 * 3600), None);
}

#[test]
fn a_late_timer_escalates_without_a_reminder_burst() {
    let p = policy();
    let a = pending(Risk::High);
    assert_eq!(a.on_timer(&p, NOW + 10 * 3600), Some(TimerStep::Escalate));
    let a = a.after_step(TimerStep::Escalate);
    assert_eq!(a.on_timer(&p, NOW + 11 * 3600), None);
}

#[test]
fn decided_plans_have_no_timer() {
    let p = policy();
    let a = pending(Risk::Medium)
        .vote(
            "sue@example.test",
            &Answer::Approve,
            "reply token",
            "m",
            NOW,
        )
        .unwrap();
    assert_eq!(a.next_due(&p), None);
    assert_eq!(pending(Risk::Low).next_due(&p), None);
}
