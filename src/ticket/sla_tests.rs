//! Table tests of the SLA deadlines, pauses and breach decisions (`ticket::sla`).

use super::*;
use crate::ticket::calendar::CalendarConfig;
use chrono::TimeZone;
use AlertKey::*;

const M: i64 = 60;
const H: i64 = 3600;
/// A Monday, 2027-01-11 00:00 UTC... any fixed instant works on a 24×7 calendar.
const T0: Timestamp = 1_800_000_000;

fn always() -> Calendar {
    Calendar::always()
}

fn at(tz: &str, ymd_hm: &str) -> Timestamp {
    let tz: chrono_tz::Tz = tz.parse().unwrap();
    let ndt = chrono::NaiveDateTime::parse_from_str(ymd_hm, "%Y-%m-%d %H:%M").unwrap();
    tz.from_local_datetime(&ndt).earliest().unwrap().timestamp()
}

/// Shanghai office: Mon–Fri 09:00–18:00, National Day 2026-10-01..07 off, Saturday
/// 2026-10-10 a make-up workday.
fn office() -> Calendar {
    Calendar::from_config(&CalendarConfig {
        timezone: Some("Asia/Shanghai".into()),
        days: Some(
            ["mon", "tue", "wed", "thu", "fri"]
                .map(String::from)
                .to_vec(),
        ),
        hours: Some(vec!["09:00-18:00".into()]),
        holidays: (1..=7).map(|d| format!("2026-10-0{d}")).collect(),
        workdays: vec!["2026-10-10".into()],
    })
    .unwrap()
}

fn sh(ymd_hm: &str) -> Timestamp {
    at("Asia/Shanghai", ymd_hm)
}

fn clock(p: Priority) -> SlaClock {
    SlaClock::new(p, T0)
}

fn keys(alerts: &[Alert]) -> Vec<AlertKey> {
    alerts.iter().map(|a| a.key).collect()
}

#[test]
fn default_policy_matches_the_service_standard_and_config() {
    let p = SlaPolicy::default();
    let want = [
        (15 * M, 2 * H),
        (30 * M, 4 * H),
        (2 * H, 8 * H),
        (4 * H, 24 * H),
    ];
    for (prio, (respond, resolve)) in Priority::ALL.iter().zip(want) {
        assert_eq!(p.target(*prio), Target { respond, resolve }, "{prio}");
    }
    assert_eq!(SlaPolicy::from_config(&config::Sla::default()), p);
    assert_eq!(p.keep_in_loop(Priority::P1), Some(H));
    assert_eq!(p.keep_in_loop(Priority::P2), Some(2 * H));
    assert_eq!(p.keep_in_loop(Priority::P3), None);
}

#[test]
fn deadlines_on_business_hours_table() {
    let cal = office();
    let policy = SlaPolicy::default();
    // (priority, created, respond_by, resolve_by); 2026-09-25 is a Friday.
    let cases = [
        (
            Priority::P1,
            "2026-09-25 10:00",
            "2026-09-25 10:15",
            "2026-09-25 12:00",
        ),
        (
            Priority::P1,
            "2026-09-25 17:50",
            "2026-09-28 09:05",
            "2026-09-28 10:50",
        ),
        (
            Priority::P2,
            "2026-09-26 11:00",
            "2026-09-28 09:30",
            "2026-09-28 13:00",
        ),
        (
            Priority::P3,
            "2026-09-25 20:00",
            "2026-09-28 11:00",
            "2026-09-28 17:00",
        ),
        (
            Priority::P4,
            "2026-09-25 09:00",
            "2026-09-25 13:00",
            "2026-09-29 15:00",
        ),
        // National Day week is skipped, the make-up Saturday counts.
        (
            Priority::P3,
            "2026-09-30 17:00",
            "2026-10-08 10:00",
            "2026-10-08 16:00",
        ),
        (
            Priority::P4,
            "2026-10-09 09:00",
            "2026-10-09 13:00",
            "2026-10-12 15:00",
        ),
    ];
    for (prio, created, respond_by, resolve_by) in cases {
        let d = deadlines(&SlaClock::new(prio, sh(created)), &policy, &cal);
        assert_eq!(d.respond_by, sh(respond_by), "{prio} {created} respond");
        assert_eq!(
            d.resolve_by,
            Some(sh(resolve_by)),
            "{prio} {created} resolve"
        );
    }
}

#[test]
fn priority_change_recomputes_from_creation() {
    let cal = always();
    let policy = SlaPolicy::default();
    let mut c = clock(Priority::P3);
    assert_eq!(deadlines(&c, &policy, &cal).resolve_by, Some(T0 + 8 * H));
    c.priority = Priority::P1;
    let d = deadlines(&c, &policy, &cal);
    assert_eq!(
        (d.respond_by, d.resolve_by),
        (T0 + 15 * M, Some(T0 + 2 * H))
    );
    // Raised to P1 after 30 min: the respond breach is due at once.
    let due = due_alerts(&c, &policy, &cal, T0 + 30 * M, &[]);
    assert_eq!(keys(&due), vec![RespondBreach(1)]);
}

#[test]
fn pauses_extend_resolve_by_table() {
    let cal = always();
    let policy = SlaPolicy::default();
    // P1 resolve target 2 h from T0.
    let cases: [(&str, Vec<Pause>, Option<i64>); 7] = [
        ("no pause", vec![], Some(T0 + 2 * H)),
        (
            "closed 30 min pause",
            vec![(30 * M, Some(60 * M))],
            Some(T0 + 150 * M),
        ),
        ("open pause stops the clock", vec![(30 * M, None)], None),
        (
            "overlaps count once",
            vec![(30 * M, Some(90 * M)), (60 * M, Some(120 * M))],
            Some(T0 + 3 * H + 30 * M),
        ),
        (
            "pause before creation is clipped",
            vec![(-H, Some(30 * M))],
            Some(T0 + 2 * H + 30 * M),
        ),
        (
            "pause after the breach does not move it",
            vec![(3 * H, Some(5 * H))],
            Some(T0 + 2 * H),
        ),
        (
            "open pause after the breach keeps it",
            vec![(3 * H, None)],
            Some(T0 + 2 * H),
        ),
    ];
    for (name, pauses, want) in cases {
        let mut c = clock(Priority::P1);
        c.pauses = pauses
            .into_iter()
            .map(|(s, e)| (T0 + s, e.map(|e| T0 + e)))
            .collect();
        assert_eq!(deadlines(&c, &policy, &cal).resolve_by, want, "{name}");
    }
}

#[test]
fn pause_extends_only_by_paused_working_time() {
    let cal = office();
    let mut c = SlaClock::new(Priority::P2, sh("2026-09-25 16:00"));
    // Without a pause: Friday 16–18 + Monday 9–11.
    let d = deadlines(&c, &SlaPolicy::default(), &cal);
    assert_eq!(d.resolve_by, Some(sh("2026-09-28 11:00")));
    // Waiting from Friday 17:00 to Monday 10:00 holds 2 working hours (the weekend
    // is not working time), so the deadline moves by 2 h, not by 65 h.
    c.pauses = vec![(sh("2026-09-25 17:00"), Some(sh("2026-09-28 10:00")))];
    let d = deadlines(&c, &SlaPolicy::default(), &cal);
    assert_eq!(d.resolve_by, Some(sh("2026-09-28 13:00")));
}

#[test]
fn resolve_clock_resumes_after_pause() {
    let cal = always();
    let policy = SlaPolicy::default();
    let mut c = clock(Priority::P1);
    c.first_response_at = Some(T0 + 5 * M);
    c.pauses = vec![(T0 + H, None)];
    // Waiting: no resolve alert, even long after the nominal deadline.
    assert!(due_alerts(&c, &policy, &cal, T0 + 10 * H, &[]).is_empty());
    assert_eq!(next_wakeup(&c, &policy, &cal, T0 + 10 * H, &[]), None);
    // Resumed at +10 h with 1 h used: the warning falls at +10.5 h, breach at +11 h.
    c.pauses = vec![(T0 + H, Some(T0 + 10 * H))];
    let sent = [KeepInLoop {
        since: T0 + 5 * M,
        n: 1,
    }];
    assert_eq!(
        next_wakeup(&c, &policy, &cal, T0 + 10 * H, &sent),
        Some(T0 + 10 * H + 30 * M)
    );
    let due = due_alerts(&c, &policy, &cal, T0 + 11 * H, &sent);
    assert_eq!(keys(&due), vec![ResolveBreach(1)]);
    assert_eq!(due[0].deadline, T0 + 11 * H);
}

#[test]
fn p1_respond_warning_at_75_percent_exactly_once() {
    let cal = always();
    let policy = SlaPolicy::default();
    let c = clock(Priority::P1);
    let warn_at = T0 + 11 * M + 15; // 75 % of 15 min
    assert!(due_alerts(&c, &policy, &cal, warn_at - 1, &[]).is_empty());
    let due = due_alerts(&c, &policy, &cal, warn_at, &[]);
    assert_eq!(keys(&due), vec![RespondWarning]);
    assert_eq!((due[0].due_at, due[0].deadline), (warn_at, T0 + 15 * M));
    assert!(due_alerts(&c, &policy, &cal, warn_at + 60, &[RespondWarning]).is_empty());
}

#[test]
fn p1_breach_escalates_after_15_min() {
    let cal = always();
    let policy = SlaPolicy::default();
    let c = clock(Priority::P1);
    let mut sent = vec![RespondWarning];
    // (now, expected new keys) with keys stored after each step.
    let steps: [(i64, Vec<AlertKey>); 6] = [
        (15 * M - 1, vec![]),
        (15 * M, vec![RespondBreach(1)]),
        (75 * M - 1, vec![]),
        (75 * M, vec![RespondBreach(2)]),
        (90 * M, vec![ResolveWarning]),
        (2 * H, vec![ResolveBreach(1)]),
    ];
    for (offset, want) in steps {
        let due = due_alerts(&c, &policy, &cal, T0 + offset, &sent);
        assert_eq!(keys(&due), want, "at +{offset}s");
        sent.extend(keys(&due));
    }
}

#[test]
fn missed_escalations_send_only_the_latest() {
    let cal = always();
    let policy = SlaPolicy {
        keep_in_loop: [None; 4],
        ..SlaPolicy::default()
    };
    let mut c = clock(Priority::P1);
    c.first_response_at = Some(T0 + M);
    // The timer was down until +5 h 30: breach #1 at 2 h, #2 at 3 h, #3 at 4 h, #4 at 5 h.
    let due = due_alerts(&c, &policy, &cal, T0 + 5 * H + 30 * M, &[]);
    assert_eq!(keys(&due), vec![ResolveBreach(4)], "no warning, no burst");
    let sent = [ResolveBreach(4)];
    assert!(due_alerts(&c, &policy, &cal, T0 + 5 * H + 59 * M, &sent).is_empty());
    assert_eq!(
        next_wakeup(&c, &policy, &cal, T0 + 5 * H + 30 * M, &sent),
        Some(T0 + 6 * H)
    );
}

#[test]
fn no_repeat_when_escalation_repeat_is_zero() {
    let cal = always();
    let policy = SlaPolicy {
        escalation_repeat: 0,
        ..SlaPolicy::default()
    };
    let c = clock(Priority::P3);
    let sent = [RespondWarning, RespondBreach(1)];
    assert!(due_alerts(&c, &policy, &cal, T0 + 3 * H, &sent).is_empty());
    assert_eq!(
        next_wakeup(&c, &policy, &cal, T0 + 3 * H, &sent),
        Some(T0 + 6 * H)
    ); // resolve warning
}

#[test]
fn keep_in_loop_table() {
    let cal = always();
    let policy = SlaPolicy::default();
    let first = T0 + 10 * M;
    let upd = T0 + 90 * M;
    // (priority, last update, pause, now, sent, expected)
    type Keys = Vec<AlertKey>;
    type Case = (Priority, Option<i64>, Option<Pause>, i64, Keys, Keys);
    let cases: [Case; 7] = [
        (Priority::P1, None, None, first + H - 1, vec![], vec![]),
        (
            Priority::P1,
            None,
            None,
            first + H,
            vec![],
            vec![KeepInLoop { since: first, n: 1 }],
        ),
        (
            Priority::P1,
            None,
            None,
            first + 2 * H,
            vec![KeepInLoop { since: first, n: 1 }],
            vec![KeepInLoop { since: first, n: 2 }],
        ),
        // A public update starts a fresh series from the update.
        (
            Priority::P1,
            Some(upd),
            None,
            upd + H,
            vec![KeepInLoop { since: first, n: 1 }],
            vec![KeepInLoop { since: upd, n: 1 }],
        ),
        (Priority::P2, None, None, first + H, vec![], vec![]),
        (
            Priority::P3,
            None,
            None,
            first + 7 * H,
            vec![ResolveWarning],
            vec![],
        ),
        // Waiting on the requester: silent.
        (
            Priority::P1,
            None,
            Some((first + 30 * M, None)),
            first + 3 * H,
            vec![],
            vec![],
        ),
    ];
    for (i, (prio, last, pause, now, sent, want)) in cases.into_iter().enumerate() {
        let mut c = SlaClock::new(prio, T0);
        c.first_response_at = Some(first);
        c.last_public_update_at = last;
        c.pauses = pause.into_iter().collect();
        let got: Vec<AlertKey> = due_alerts(&c, &policy, &cal, now, &sent)
            .into_iter()
            .map(|a| a.key)
            .filter(|k| matches!(k, KeepInLoop { .. }))
            .collect();
        assert_eq!(got, want, "case {i}");
    }
}

#[test]
fn next_wakeup_walks_the_p1_timeline() {
    let cal = always();
    let policy = SlaPolicy::default();
    let mut c = clock(Priority::P1);
    let mut sent = vec![];
    assert_eq!(
        next_wakeup(&c, &policy, &cal, T0, &sent),
        Some(T0 + 11 * M + 15)
    );
    sent.push(RespondWarning);
    assert_eq!(
        next_wakeup(&c, &policy, &cal, T0 + 11 * M + 15, &sent),
        Some(T0 + 15 * M)
    );
    c.first_response_at = Some(T0 + 14 * M);
    // Next: keep-in-loop at +1 h 14 (before the resolve warning at +1 h 30).
    assert_eq!(
        next_wakeup(&c, &policy, &cal, T0 + 14 * M, &sent),
        Some(T0 + 74 * M)
    );
    c.resolved_at = Some(T0 + 20 * M);
    assert_eq!(next_wakeup(&c, &policy, &cal, T0 + 20 * M, &sent), None);
    assert!(due_alerts(&c, &policy, &cal, T0 + 10 * H, &sent).is_empty());
}

#[test]
fn next_wakeup_skips_the_weekend() {
    let cal = office();
    let policy = SlaPolicy::default();
    let c = SlaClock::new(Priority::P1, sh("2026-09-25 17:55"));
    let sent = [RespondWarning];
    // 5 min used on Friday; the remaining 10 min run out Monday 09:10.
    assert_eq!(
        next_wakeup(&c, &policy, &cal, sh("2026-09-25 18:00"), &sent),
        Some(sh("2026-09-28 09:10"))
    );
    assert!(due_alerts(&c, &policy, &cal, sh("2026-09-27 23:00"), &sent).is_empty());
}

#[test]
fn deadlines_across_new_york_dst_switch() {
    let z = "America/New_York";
    let cal = Calendar::from_config(&CalendarConfig {
        timezone: Some(z.into()),
        days: Some(
            ["mon", "tue", "wed", "thu", "fri"]
                .map(String::from)
                .to_vec(),
        ),
        hours: Some(vec!["09:00-17:00".into()]),
        ..CalendarConfig::default()
    })
    .unwrap();
    // P3 created Friday 2026-03-06 16:00 EST; clocks spring forward on Sunday.
    let c = SlaClock::new(Priority::P3, at(z, "2026-03-06 16:00"));
    let d = deadlines(&c, &SlaPolicy::default(), &cal);
    assert_eq!(d.respond_by, at(z, "2026-03-09 10:00"));
    assert_eq!(d.resolve_by, Some(at(z, "2026-03-09 16:00")));
    // Three calendar days less the hour that vanished on Sunday.
    assert_eq!(d.resolve_by.unwrap() - c.created_at, 3 * 24 * H - H);
}

#[test]
fn timer_driven_by_next_wakeup_sends_each_key_once() {
    // Simulate the timer worker: sleep until next_wakeup or the next change of the
    // ticket (the shell reschedules on every change), send what is due, store keys.
    let cal = office();
    let policy = SlaPolicy::default();
    let first = sh("2026-09-25 17:20"); // Friday, 5 min after the 15 min target
    let (pause, resume) = (sh("2026-09-28 09:30"), sh("2026-09-28 11:00"));
    let resolved = sh("2026-09-29 12:00");
    let mut c = SlaClock::new(Priority::P1, sh("2026-09-25 17:00"));
    c.first_response_at = Some(first);
    c.pauses = vec![(pause, Some(resume))];
    let changes = [first, pause, resume, resolved];
    let mut sent: Vec<AlertKey> = vec![];
    let mut now = c.created_at;
    for _ in 0..200 {
        for a in due_alerts(&c, &policy, &cal, now, &sent) {
            assert!(!sent.contains(&a.key), "{} sent twice", a.key);
            assert!(a.due_at <= now);
            sent.push(a.key);
        }
        let wake = next_wakeup(&c, &policy, &cal, now, &sent);
        let change = changes.iter().copied().find(|t| *t > now);
        if let Some(t) = wake {
            assert!(t > now);
            let fresh = !due_alerts(&c, &policy, &cal, t, &sent).is_empty();
            let changed = change.is_some_and(|ch| ch <= t);
            assert!(fresh || changed, "idle wake at {t}");
        }
        match wake.into_iter().chain(change).min() {
            Some(t) if t < resolved => now = t,
            _ => break,
        }
    }
    let kil = |n: u32| KeepInLoop { since: first, n };
    let mut want = vec![
        RespondWarning,
        RespondBreach(1),
        kil(1),
        ResolveWarning,
        ResolveBreach(1),
    ];
    for n in 2..=10 {
        want.extend([kil(n), ResolveBreach(n)]);
    }
    want.push(kil(11));
    assert_eq!(sent, want);
}

#[test]
fn alert_key_strings_are_stable() {
    let cases = [
        (RespondWarning, "respond-warning"),
        (RespondBreach(1), "respond-breach#1"),
        (ResolveWarning, "resolve-warning"),
        (ResolveBreach(2), "resolve-breach#2"),
        (
            KeepInLoop {
                since: 1_700_000_000,
                n: 3,
            },
            "keep-in-loop@1700000000#3",
        ),
    ];
    for (key, text) in cases {
        assert_eq!(key.to_string(), text);
        assert_eq!(text.parse::<AlertKey>().unwrap(), key);
        assert_eq!(serde_json::to_string(&key).unwrap(), format!("\"{text}\""));
        assert_eq!(
            serde_json::from_str::<AlertKey>(&format!("\"{text}\"")).unwrap(),
            key
        );
    }
    for bad in [
        "",
        "respond-breach#0",
        "resolve-breach#x",
        "keep-in-loop@1",
        "nope",
    ] {
        assert!(bad.parse::<AlertKey>().is_err(), "{bad}");
    }
}
