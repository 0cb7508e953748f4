use super::*;
use crate::report;
use crate::ticket::model::{Category, Language, Priority, Status};
use crate::ticket::sla::SlaClock;
use chrono::{NaiveTime, TimeZone, Weekday};

const M: i64 = 60;
const H: i64 = 3600;
/// 2026-11-30 00:00 UTC, a Monday.
const T0: Timestamp = 1_795_996_800;

pub(super) fn settings() -> TimerSettings {
    TimerSettings {
        policy: SlaPolicy::default(),
        calendar: Calendar::always(),
        supervisors: vec!["boss@example.test".into()],
        language: None,
        desk_name: "IT".into(),
        timezone: chrono_tz::UTC,
        digest: None,
        organisations: Vec::new(),
        pause_on_approval: false,
    }
}

fn ticket(number: i64, p: Priority, assignee: Option<&str>) -> SlaTicket {
    SlaTicket {
        number,
        subject: "VPN down".into(),
        status: Status::Open,
        category: Category::Network,
        language: Language::En,
        requester: "li@example.test".into(),
        assignee: assignee.map(String::from),
        clock: SlaClock::new(p, T0),
        sent: Vec::new(),
    }
}

fn keys(p: &Plan) -> Vec<(i64, AlertKey)> {
    p.alerts.iter().map(|a| (a.ticket, a.alert.key)).collect()
}

fn to(a: &PlannedAlert) -> Vec<String> {
    a.mail
        .as_ref()
        .map(|m| m.to.iter().map(|x| x.email.clone()).collect())
        .unwrap_or_default()
}

#[test]
fn p1_reminder_at_75_percent_goes_to_the_assignee() {
    let t = ticket(7, Priority::P1, Some("Wang@example.test"));
    let before = plan(std::slice::from_ref(&t), &settings(), T0 + 11 * M);
    assert!(before.alerts.is_empty());
    assert_eq!(before.next_wakeup, Some(T0 + 11 * M + 15));

    let p = plan(&[t], &settings(), T0 + 11 * M + 15);
    assert_eq!(keys(&p), vec![(7, AlertKey::RespondWarning)]);
    let a = &p.alerts[0];
    assert_eq!(to(a), vec!["wang@example.test".to_string()]);
    let mail = a.mail.as_ref().unwrap();
    assert_eq!(mail.template, "reminder");
    assert_eq!(mail.auto_submitted, "auto-generated");
    assert_eq!(mail.vars["left"], "3 min");
    assert!(
        mail.subject.starts_with("[#7] Reminder P1 respond"),
        "{}",
        mail.subject
    );
    assert_eq!(a.event.kind, EventKind::Reminder);
    // Next: the respond breach at 15 min.
    assert_eq!(p.next_wakeup, Some(T0 + 15 * M));
}

#[test]
fn unassigned_reminder_goes_to_the_supervisors() {
    let p = plan(&[ticket(1, Priority::P2, None)], &settings(), T0 + 23 * M);
    assert_eq!(keys(&p), vec![(1, AlertKey::RespondWarning)]);
    assert_eq!(to(&p.alerts[0]), vec!["boss@example.test".to_string()]);
}

#[test]
fn breach_escalates_to_supervisors_with_time_overdue() {
    let mut t = ticket(3, Priority::P1, Some("wang@example.test"));
    t.sent = vec![AlertKey::RespondWarning];
    let p = plan(&[t], &settings(), T0 + 20 * M);
    assert_eq!(keys(&p), vec![(3, AlertKey::RespondBreach(1))]);
    let a = &p.alerts[0];
    assert_eq!(to(a), vec!["boss@example.test".to_string()]);
    let mail = a.mail.as_ref().unwrap();
    assert_eq!(mail.template, "escalation");
    assert_eq!(mail.kind, OutKind::Escalation);
    assert_eq!(mail.vars["overdue"], "5 min");
    assert_eq!(a.event.kind, EventKind::Escalated);
    assert_eq!(a.event.to_value.as_deref(), Some("respond-breach#1"));
}

#[test]
fn sent_keys_are_not_planned_again_and_the_next_repeat_is_scheduled() {
    let mut t = ticket(3, Priority::P1, None);
    t.sent = vec![AlertKey::RespondWarning, AlertKey::RespondBreach(1)];
    let p = plan(&[t.clone()], &settings(), T0 + 20 * M);
    assert!(p.alerts.is_empty());
    // The second respond escalation (15 min + 1 h) comes before the resolve warning (90 min).
    assert_eq!(p.next_wakeup, Some(T0 + 75 * M));
    // A tick that was late by hours sends only the latest repeat, not a burst.
    let late = plan(&[t], &settings(), T0 + 5 * H);
    let got = keys(&late);
    assert!(got.contains(&(3, AlertKey::RespondBreach(5))), "{got:?}");
    assert!(got.contains(&(3, AlertKey::ResolveBreach(4))), "{got:?}");
    assert_eq!(got.len(), 2, "{got:?}");
}

#[test]
fn seeds_are_unique_per_ticket_and_key() {
    let mut a = ticket(1, Priority::P1, Some("wang@example.test"));
    a.sent = vec![AlertKey::RespondWarning];
    let b = ticket(2, Priority::P1, Some("wang@example.test"));
    let p = plan(&[a, b], &settings(), T0 + 20 * M);
    let seeds: Vec<&str> = p
        .alerts
        .iter()
        .filter_map(|x| x.mail.as_ref().map(|m| m.seed.as_str()))
        .collect();
    assert_eq!(
        seeds,
        vec!["sla|1|respond-breach#1", "sla|2|respond-breach#1"],
        "ticket 2 skipped its warning: the breach is due"
    );
}

#[test]
fn keep_in_loop_nudges_the_assignee_after_an_hour_without_update() {
    let mut t = ticket(9, Priority::P1, Some("wang@example.test"));
    t.clock.first_response_at = Some(T0 + 5 * M);
    let p = plan(&[t], &settings(), T0 + 5 * M + H);
    let got = keys(&p);
    assert!(
        got.contains(&(
            9,
            AlertKey::KeepInLoop {
                since: T0 + 5 * M,
                n: 1
            }
        )),
        "{got:?}"
    );
    let nudge = p
        .alerts
        .iter()
        .find(|a| matches!(a.alert.key, AlertKey::KeepInLoop { .. }))
        .unwrap();
    assert_eq!(nudge.mail.as_ref().unwrap().template, "nudge");
    assert_eq!(to(nudge), vec!["wang@example.test".to_string()]);
}

#[test]
fn waiting_or_resolved_tickets_are_silent() {
    let mut waiting = ticket(1, Priority::P1, None);
    waiting.clock.first_response_at = Some(T0 + M);
    waiting.clock.pauses = vec![(T0 + 2 * M, None)];
    let mut resolved = ticket(2, Priority::P1, None);
    resolved.clock.first_response_at = Some(T0 + M);
    resolved.clock.resolved_at = Some(T0 + 10 * M);
    let p = plan(&[waiting, resolved], &settings(), T0 + 10 * H);
    assert!(p.alerts.is_empty(), "{:?}", keys(&p));
    assert_eq!(p.next_wakeup, None);
}

#[test]
fn nobody_to_notify_still_records_the_key_without_mail() {
    let mut s = settings();
    s.supervisors.clear();
    let p = plan(&[ticket(1, Priority::P1, None)], &s, T0 + 16 * M);
    assert_eq!(keys(&p), vec![(1, AlertKey::RespondBreach(1))]);
    assert!(p.alerts[0].mail.is_none());
    assert!(p.alerts[0]
        .event
        .detail
        .as_deref()
        .unwrap()
        .contains("nobody"));
}

#[test]
fn the_requester_never_receives_engineer_mail() {
    let mut s = settings();
    s.supervisors = vec!["li@example.test".into(), "boss@example.test".into()];
    let p = plan(&[ticket(1, Priority::P1, None)], &s, T0 + 16 * M);
    assert_eq!(to(&p.alerts[0]), vec!["boss@example.test".to_string()]);
}

#[test]
fn chinese_tickets_get_chinese_mail_unless_configured() {
    let mut t = ticket(1, Priority::P1, Some("wang@example.test"));
    t.language = Language::Zh;
    let p = plan(std::slice::from_ref(&t), &settings(), T0 + 12 * M);
    let mail = p.alerts[0].mail.as_ref().unwrap();
    assert_eq!(mail.lang, "zh");
    assert!(mail.subject.contains("提醒"), "{}", mail.subject);
    let mut s = settings();
    s.language = Some("en");
    let p = plan(&[t], &s, T0 + 12 * M);
    assert_eq!(p.alerts[0].mail.as_ref().unwrap().lang, "en");
}

#[test]
fn spans_read_naturally() {
    let cases = [
        (30, "under a minute", "不到 1 分钟"),
        (5 * M, "5 min", "5 分钟"),
        (2 * H, "2 h", "2 小时"),
        (2 * H + 5 * M, "2 h 05 min", "2 小时 5 分钟"),
        (3 * 86_400 + 4 * H, "3 d 4 h", "3 天 4 小时"),
        (-10, "under a minute", "不到 1 分钟"),
    ];
    for (secs, en, zh) in cases {
        assert_eq!(span(secs, "en"), en);
        assert_eq!(span(secs, "zh"), zh);
    }
}

#[test]
fn digest_slots_follow_the_local_schedule() {
    let tz: Tz = "Asia/Shanghai".parse().unwrap();
    let at = |s: &str| {
        tz.from_local_datetime(&chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap())
            .unwrap()
            .timestamp()
    };
    let eight = NaiveTime::from_hms_opt(8, 0, 0).unwrap();
    // (now, latest slot, its period, next slot); 2026-11-30 is a Monday.
    let cases = [
        (
            "2026-11-30 08:00",
            "2026-11-30 08:00",
            "2026-W49",
            "2026-12-07 08:00",
        ),
        (
            "2026-11-30 07:59",
            "2026-11-23 08:00",
            "2026-W48",
            "2026-11-30 08:00",
        ),
        (
            "2026-12-03 12:00",
            "2026-11-30 08:00",
            "2026-W49",
            "2026-12-07 08:00",
        ),
        (
            "2027-01-04 09:00",
            "2027-01-04 08:00",
            "2027-W01",
            "2027-01-11 08:00",
        ),
    ];
    for (now, slot, period, next) in cases {
        let (s, n) = digest_slots(at(now), Weekday::Mon, eight, tz).unwrap();
        assert_eq!(
            (s.at, s.period.as_str(), n.at),
            (at(slot), period, at(next)),
            "{now}"
        );
    }
    let d = DigestSchedule {
        weekday: Weekday::Mon,
        time: eight,
        period: 7 * 86_400,
        recipients: vec!["boss@example.test".into()],
    };
    assert!(digest_due(at("2026-11-30 09:00"), &d, tz).is_some());
    assert!(
        digest_due(at("2026-12-02 09:00"), &d, tz).is_none(),
        "two days late: skipped"
    );
}

#[test]
fn digest_mail_renders_in_both_languages() {
    let r = report::build_report(&[], T0 - 7 * 86_400, T0);
    let d = DigestSchedule {
        weekday: Weekday::Mon,
        time: NaiveTime::from_hms_opt(8, 0, 0).unwrap(),
        period: 7 * 86_400,
        recipients: vec!["boss@example.test".into()],
    };
    let slot = DigestSlot {
        period: "2026-W49".into(),
        at: T0,
    };
    let renderer = Renderer::new("IT <support@example.test>", "example.test", None).unwrap();
    for lang in ["en", "zh"] {
        let mut s = settings();
        s.language = Some(if lang == "zh" { "zh" } else { "en" });
        let mail = digest_mail(&r, &slot, &d, &s);
        assert_eq!(mail.seed, "digest|2026-W49");
        let rendered = renderer.render(&mail, T0).unwrap();
        let text = String::from_utf8_lossy(&rendered.bytes);
        assert!(text.contains("Auto-Submitted: auto-generated"), "{text}");
        assert_eq!(rendered.env_to, vec!["boss@example.test".to_string()]);
        let parsed = mail_parser::MessageParser::default()
            .parse(&rendered.bytes)
            .unwrap();
        assert!(parsed.body_html(0).unwrap().contains("<svg"), "{lang}");
    }
}

#[test]
fn every_notice_template_renders_in_both_languages() {
    let renderer = Renderer::new("IT <support@example.test>", "example.test", None).unwrap();
    let mut t = ticket(5, Priority::P1, Some("wang@example.test"));
    t.clock.first_response_at = Some(T0 + 5 * M);
    t.clock.resolved_at = None;
    for lang in ["en", "zh"] {
        let mut s = settings();
        s.language = Some(if lang == "zh" { "zh" } else { "en" });
        // Responded, unresolved: a resolve breach and a nudge at 121 min, a warning at 91.
        let p = plan(std::slice::from_ref(&t), &s, T0 + 121 * M);
        let templates: Vec<&str> = p
            .alerts
            .iter()
            .filter_map(|a| a.mail.as_ref().map(|m| m.template))
            .collect();
        assert!(templates.contains(&"escalation"), "{templates:?}");
        assert!(templates.contains(&"nudge"), "{templates:?}");
        let p2 = plan(std::slice::from_ref(&t), &s, T0 + 91 * M);
        for a in p.alerts.iter().chain(&p2.alerts) {
            let mail = a.mail.as_ref().unwrap();
            let r = renderer.render(mail, T0).unwrap();
            let parsed = mail_parser::MessageParser::default()
                .parse(&r.bytes)
                .unwrap();
            let body = parsed.body_text(0).unwrap();
            assert!(body.contains("#5"), "{lang} {}: {body}", mail.template);
            assert!(!body.contains("li@example.test\n  Assignee"), "{body}");
        }
    }
}
