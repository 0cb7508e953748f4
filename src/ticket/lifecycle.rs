//! The ticket decision: given the ticket (if the mail belongs to one), the inbound mail,
//! what the classifier and loop guard said, the policy and `now`, decide the new state,
//! the events and the outgoing mails. Pure; the worker loads, calls `decide`, commits.

use super::model::{Classification, Event, EventKind, Status, Ticket, Timestamp};
use crate::mail::loopguard::{MailKind, Verdict};
use crate::mail::{Address, InboundMail};
use serde_json::json;

/// Respond/resolve targets in seconds for P1..P4.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SlaTargets {
    pub respond: [i64; 4],
    pub resolve: [i64; 4],
}

impl SlaTargets {
    pub fn respond(&self, p: super::model::Priority) -> i64 {
        self.respond
            .get(usize::from(p.level() - 1))
            .copied()
            .unwrap_or(0)
    }
    pub fn resolve(&self, p: super::model::Priority) -> i64 {
        self.resolve
            .get(usize::from(p.level() - 1))
            .copied()
            .unwrap_or(0)
    }
}

/// Everything from the configuration that decisions depend on.
#[derive(Debug, Clone)]
pub struct Policy {
    pub sla: SlaTargets,
    /// The support address; it is also the envelope sender of our mails.
    pub support_address: String,
    pub desk_name: String,
    pub timezone: chrono_tz::Tz,
    /// Mails we may send one correspondent within the loop-guard window.
    pub loop_budget: u32,
    /// Working time of the SLA clocks: deadlines count only its hours.
    pub calendar: super::calendar::Calendar,
}

/// What the shell found out before deciding.
#[derive(Debug, Clone)]
pub struct Context<'a> {
    /// The ticket this mail replies to, if any.
    pub ticket: Option<&'a Ticket>,
    /// The number a new ticket would get.
    pub new_number: i64,
    /// Mails already sent to this sender within the loop-guard window.
    pub recent_mails_to_sender: u32,
    /// Name of the mailbox the mail came in through.
    pub mailbox: &'a str,
}

/// The kind of mail we send; part of our Message-IDs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OutKind {
    Ack,
    Update,
    Notify,
    Receipt,
    Confirm,
    Survey,
    Reminder,
    Escalation,
    Notice,
}

impl OutKind {
    pub fn as_str(self) -> &'static str {
        match self {
            OutKind::Ack => "ack",
            OutKind::Update => "update",
            OutKind::Notify => "notify",
            OutKind::Receipt => "receipt",
            OutKind::Confirm => "confirm",
            OutKind::Survey => "survey",
            OutKind::Reminder => "reminder",
            OutKind::Escalation => "escalation",
            OutKind::Notice => "notice",
        }
    }
}

/// A mail we intend to send: the template and its variables, not yet rendered.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct OutgoingMail {
    pub kind: OutKind,
    pub ticket: i64,
    pub to: Vec<Address>,
    pub subject: String,
    /// Template name without language and extension, e.g. `ack`.
    pub template: &'static str,
    /// `zh` or `en`.
    pub lang: &'static str,
    pub vars: serde_json::Value,
    pub in_reply_to: Option<String>,
    pub references: Vec<String>,
    /// Value of the `Auto-Submitted` header (RFC 3834).
    pub auto_submitted: &'static str,
    /// Makes the Message-ID deterministic: the same inbound mail always yields the same
    /// outgoing Message-ID, so a replayed decision cannot queue a second copy.
    pub seed: String,
}

/// The decision for one inbound mail.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    /// Not a request: record it with the reason, open nothing, answer nothing.
    Ignore { kind: MailKind, reason: String },
    /// A new ticket.
    Open {
        ticket: Ticket,
        events: Vec<Event>,
        outgoing: Vec<OutgoingMail>,
    },
    /// A mail added to an existing ticket.
    Append {
        ticket: Ticket,
        events: Vec<Event>,
        outgoing: Vec<OutgoingMail>,
    },
}

/// Decide what an inbound mail does.
pub fn decide(
    mail: &InboundMail,
    verdict: &Verdict,
    classification: &Classification,
    ctx: &Context<'_>,
    policy: &Policy,
    now: Timestamp,
) -> Decision {
    if verdict.kind != MailKind::Request {
        return Decision::Ignore {
            kind: verdict.kind,
            reason: format!("{}: {}", verdict.kind.as_str(), verdict.reasons.join("; ")),
        };
    }
    match ctx.ticket {
        Some(ticket) => append(ticket, mail, now),
        None => open(mail, classification, ctx, policy, now),
    }
}

fn append(ticket: &Ticket, mail: &InboundMail, now: Timestamp) -> Decision {
    let mut t = ticket.clone();
    t.updated_at = now;
    let mut events = vec![Event {
        at: now,
        actor: mail.from.email.clone(),
        kind: EventKind::FollowUp,
        from_value: None,
        to_value: None,
        detail: None,
        message_id: Some(mail.message_id.clone()),
    }];
    // The requester answered a question: the resolve clock runs again.
    if t.status == Status::Waiting && mail.from.email.eq_ignore_ascii_case(&t.requester) {
        events.push(status_event(&t, Status::Open, &mail.from.email, mail, now));
        t.status = Status::Open;
    }
    Decision::Append {
        ticket: t,
        events,
        outgoing: Vec::new(),
    }
}

fn status_event(t: &Ticket, to: Status, actor: &str, mail: &InboundMail, now: Timestamp) -> Event {
    Event {
        at: now,
        actor: actor.to_string(),
        kind: EventKind::StatusChanged,
        from_value: Some(t.status.to_string()),
        to_value: Some(to.to_string()),
        detail: None,
        message_id: Some(mail.message_id.clone()),
    }
}

fn open(
    mail: &InboundMail,
    c: &Classification,
    ctx: &Context<'_>,
    policy: &Policy,
    now: Timestamp,
) -> Decision {
    let subject = if mail.subject.trim().is_empty() {
        "(no subject)".to_string()
    } else {
        clean_subject(&mail.subject)
    };
    let ticket = Ticket {
        number: ctx.new_number,
        status: Status::New,
        category: c.category,
        priority: c.priority,
        language: c.language,
        requester: mail.from.email.clone(),
        requester_name: mail.from.name.clone(),
        subject: subject.clone(),
        reasons: c.reasons.clone(),
        mailbox: ctx.mailbox.to_string(),
        created_at: now,
        updated_at: now,
        respond_by: policy
            .calendar
            .add_working(now, policy.sla.respond(c.priority)),
        resolve_by: policy
            .calendar
            .add_working(now, policy.sla.resolve(c.priority)),
        first_response_at: None,
        resolved_at: None,
        closed_at: None,
        assignee: None,
        rating: None,
        root_message_id: mail.message_id.clone(),
    };
    let mut events = vec![Event {
        at: now,
        actor: mail.from.email.clone(),
        kind: EventKind::Created,
        from_value: None,
        to_value: Some(format!("{} {}", c.category, c.priority)),
        detail: Some(c.reasons.join("; ")),
        message_id: Some(mail.message_id.clone()),
    }];
    let mut outgoing = Vec::new();
    if ctx.recent_mails_to_sender >= policy.loop_budget {
        events.push(Event {
            at: now,
            actor: "supportbot".into(),
            kind: EventKind::LoopSuppressed,
            from_value: None,
            to_value: None,
            detail: Some(format!(
                "{} mails already sent to {} within the loop-guard window; acknowledgement suppressed",
                ctx.recent_mails_to_sender, mail.from.email
            )),
            message_id: Some(mail.message_id.clone()),
        });
    } else if !mail.from.email.contains('@') {
        events.push(Event {
            at: now,
            actor: "supportbot".into(),
            kind: EventKind::LoopSuppressed,
            from_value: None,
            to_value: None,
            detail: Some("no usable sender address; acknowledgement not sent".into()),
            message_id: Some(mail.message_id.clone()),
        });
    } else {
        events.push(Event {
            at: now,
            actor: "supportbot".into(),
            kind: EventKind::Acknowledged,
            from_value: None,
            to_value: None,
            detail: None,
            message_id: Some(mail.message_id.clone()),
        });
        outgoing.push(acknowledgement(&ticket, mail, policy));
    }
    Decision::Open {
        ticket,
        events,
        outgoing,
    }
}

/// The acknowledgement of a new ticket.
pub fn acknowledgement(t: &Ticket, mail: &InboundMail, policy: &Policy) -> OutgoingMail {
    let lang = t.language.template_lang();
    let to = Address {
        name: t.requester_name.clone(),
        email: mail
            .reply_to
            .as_ref()
            .filter(|r| r.email.contains('@'))
            .map(|r| r.email.clone())
            .unwrap_or_else(|| t.requester.clone()),
    };
    let mut references = mail.references.clone();
    references.push(mail.message_id.clone());
    OutgoingMail {
        kind: OutKind::Ack,
        ticket: t.number,
        to: vec![to],
        subject: tagged_subject(t.number, &t.subject),
        template: "ack",
        lang,
        vars: json!({
            "number": t.number,
            "subject": t.subject,
            "requester_name": t.requester_name,
            "category": t.category.as_str(),
            "category_zh": t.category.zh_name(),
            "priority": t.priority.as_str(),
            "priority_zh": t.priority.zh_name(),
            "reasons": t.reasons,
            "respond_by": local_time(t.respond_by, policy.timezone),
            "resolve_by": local_time(t.resolve_by, policy.timezone),
            "respond_within": human_duration(policy.sla.respond(t.priority), lang),
            "resolve_within": human_duration(policy.sla.resolve(t.priority), lang),
            "timezone": policy.timezone.name(),
            "desk_name": policy.desk_name,
            "support_address": policy.support_address,
        }),
        in_reply_to: Some(mail.message_id.clone()),
        references,
        auto_submitted: "auto-replied",
        seed: format!("{}|ack", mail.message_id),
    }
}

/// `[#N] subject`, without stacking reply prefixes or an old tag.
pub fn tagged_subject(number: i64, subject: &str) -> String {
    let base = strip_reply_prefixes(subject);
    let base = strip_tag(&base, number);
    format!("[#{number}] {base}")
}

fn strip_tag(subject: &str, number: i64) -> String {
    let tag = format!("[#{number}]");
    subject.replace(&tag, "").trim().to_string()
}

/// Remove `Re:`, `RE:`, `Fwd:`, `回复:`, `答复:`, `转发:`, `AW:`, `SV:`, `VS:` … prefixes.
pub fn strip_reply_prefixes(subject: &str) -> String {
    static PREFIX: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"^(?i)\s*(re|fwd?|aw|sv|vs|wg|tr|rv|antw|回复|答复|回覆|答覆|转发|轉寄|转寄)\s*(\[\d+\])?\s*[:：]\s*",
        )
        .ok()
    });
    let mut s = subject.trim().to_string();
    if let Some(re) = PREFIX.as_ref() {
        while let Some(m) = re.find(&s) {
            if m.end() == 0 {
                break;
            }
            s = s.get(m.end()..).unwrap_or_default().to_string();
        }
    }
    s.trim().to_string()
}

/// A subject safe for a header: control characters (CR, LF, NUL …) become spaces.
pub fn clean_subject(subject: &str) -> String {
    let cleaned: String = subject
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `[#N]` in a subject: the ticket a reply belongs to.
pub fn subject_ticket_number(subject: &str) -> Option<i64> {
    let start = subject.find("[#")?;
    let rest = subject.get(start + 2..)?;
    let end = rest.find(']')?;
    rest.get(..end)?.trim().parse().ok()
}

/// Local time as `2026-11-30 09:15 (Asia/Shanghai)`.
pub fn local_time(ts: Timestamp, tz: chrono_tz::Tz) -> String {
    match chrono::DateTime::from_timestamp(ts, 0) {
        Some(utc) => utc.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string(),
        None => ts.to_string(),
    }
}

/// "15 minutes" / "2 hours" / "15 分钟" / "2 小时".
pub fn human_duration(secs: i64, lang: &str) -> String {
    let (n, unit_en, unit_zh) = if secs % 86_400 == 0 && secs >= 86_400 {
        (secs / 86_400, "day", "天")
    } else if secs % 3600 == 0 && secs >= 3600 {
        (secs / 3600, "hour", "小时")
    } else {
        (secs / 60, "minute", "分钟")
    };
    if lang == "zh" {
        format!("{n} {unit_zh}")
    } else if n == 1 {
        format!("1 {unit_en}")
    } else {
        format!("{n} {unit_en}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ticket::model::{Category, Language, Priority};

    fn policy() -> Policy {
        Policy {
            sla: SlaTargets {
                respond: [900, 1800, 7200, 14400],
                resolve: [7200, 14400, 28800, 86400],
            },
            support_address: "support@example.test".into(),
            desk_name: "IT".into(),
            timezone: chrono_tz::Asia::Shanghai,
            loop_budget: 3,
            calendar: crate::ticket::calendar::Calendar::always(),
        }
    }

    fn mail(from: &str, subject: &str) -> InboundMail {
        InboundMail {
            message_id: "m1@client".into(),
            from: Address {
                name: Some("Li Lei".into()),
                email: from.into(),
            },
            subject: subject.into(),
            ..Default::default()
        }
    }

    fn request() -> Verdict {
        Verdict {
            kind: MailKind::Request,
            reasons: vec![],
        }
    }

    fn class(p: Priority) -> Classification {
        Classification {
            category: Category::Network,
            priority: p,
            language: Language::Zh,
            reasons: vec!["network: \"VPN\"".into()],
        }
    }

    fn ctx(ticket: Option<&Ticket>, recent: u32) -> Context<'_> {
        Context {
            ticket,
            new_number: 42,
            recent_mails_to_sender: recent,
            mailbox: "INBOX",
        }
    }

    const NOW: Timestamp = 1_790_000_000;

    #[test]
    fn new_request_opens_ticket_with_p1_deadlines_and_acknowledges() {
        let m = mail("li@example.test", "VPN 断了");
        let d = decide(
            &m,
            &request(),
            &class(Priority::P1),
            &ctx(None, 0),
            &policy(),
            NOW,
        );
        let Decision::Open {
            ticket,
            outgoing,
            events,
        } = d
        else {
            panic!("expected open, got {d:?}")
        };
        assert_eq!(ticket.number, 42);
        assert_eq!(ticket.respond_by, NOW + 900);
        assert_eq!(ticket.resolve_by, NOW + 7200);
        assert_eq!(ticket.status, Status::New);
        assert_eq!(outgoing.len(), 1);
        let ack = &outgoing[0];
        assert_eq!(ack.subject, "[#42] VPN 断了");
        assert_eq!(ack.lang, "zh");
        assert_eq!(ack.in_reply_to.as_deref(), Some("m1@client"));
        assert_eq!(ack.auto_submitted, "auto-replied");
        assert!(events.iter().any(|e| e.kind == EventKind::Acknowledged));
    }

    #[test]
    fn deadlines_of_a_new_ticket_count_only_working_hours() {
        let mut p = policy();
        p.calendar = crate::ticket::calendar::Calendar::from_config(
            &crate::ticket::calendar::CalendarConfig {
                timezone: Some("UTC".into()),
                days: Some(vec![
                    "mon".into(),
                    "tue".into(),
                    "wed".into(),
                    "thu".into(),
                    "fri".into(),
                ]),
                hours: Some(vec!["09:00-18:00".into()]),
                ..Default::default()
            },
        )
        .unwrap();
        // Friday 2026-11-27 17:50 UTC: 10 minutes left today, the rest on Monday.
        let friday = 1_795_801_800;
        let monday_9 = friday + 10 * 60 + 63 * 3600;
        let d = decide(
            &mail("li@example.test", "VPN down"),
            &request(),
            &class(Priority::P1),
            &ctx(None, 0),
            &p,
            friday,
        );
        let Decision::Open { ticket, .. } = d else {
            panic!("expected open, got {d:?}")
        };
        assert_eq!(ticket.respond_by, monday_9 + 5 * 60);
        assert_eq!(ticket.resolve_by, monday_9 + 110 * 60);
    }

    #[test]
    fn machine_mail_is_ignored_with_reason() {
        let m = mail("mailer-daemon@example.test", "Undelivered");
        let v = Verdict {
            kind: MailKind::Bounce,
            reasons: vec!["From MAILER-DAEMON".into()],
        };
        let d = decide(&m, &v, &class(Priority::P3), &ctx(None, 0), &policy(), NOW);
        assert_eq!(
            d,
            Decision::Ignore {
                kind: MailKind::Bounce,
                reason: "bounce: From MAILER-DAEMON".into()
            }
        );
    }

    #[test]
    fn loop_budget_suppresses_acknowledgement_but_keeps_ticket() {
        let m = mail("bot@example.test", "hello");
        let d = decide(
            &m,
            &request(),
            &class(Priority::P3),
            &ctx(None, 3),
            &policy(),
            NOW,
        );
        let Decision::Open {
            outgoing, events, ..
        } = d
        else {
            panic!()
        };
        assert!(outgoing.is_empty());
        assert!(events.iter().any(|e| e.kind == EventKind::LoopSuppressed));
    }

    #[test]
    fn follow_up_appends_and_resumes_waiting_ticket() {
        let m = mail("li@example.test", "VPN");
        let Decision::Open { mut ticket, .. } = decide(
            &m,
            &request(),
            &class(Priority::P2),
            &ctx(None, 0),
            &policy(),
            NOW,
        ) else {
            panic!()
        };
        ticket.status = Status::Waiting;
        let mut reply = mail("li@example.test", "Re: [#42] VPN");
        reply.message_id = "m2@client".into();
        let d = decide(
            &reply,
            &request(),
            &class(Priority::P4),
            &ctx(Some(&ticket), 0),
            &policy(),
            NOW + 60,
        );
        let Decision::Append {
            ticket: t,
            outgoing,
            events,
        } = d
        else {
            panic!()
        };
        assert_eq!(t.status, Status::Open);
        assert_eq!(t.priority, Priority::P2, "a follow-up does not reclassify");
        assert!(outgoing.is_empty());
        assert_eq!(events.len(), 2);
    }

    #[test]
    fn reply_prefixes_are_stripped_in_every_language() {
        for (input, want) in [
            ("Re: Printer", "Printer"),
            ("RE: Re: Printer", "Printer"),
            ("回复：打印机", "打印机"),
            ("答复: 打印机", "打印机"),
            ("AW: SV: VS: Drucker", "Drucker"),
            ("Re[2]: x", "x"),
            ("Fwd: 转发: y", "y"),
            ("Regarding VPN", "Regarding VPN"),
        ] {
            assert_eq!(strip_reply_prefixes(input), want, "{input}");
        }
        assert_eq!(tagged_subject(7, "Re: [#7] VPN"), "[#7] VPN");
    }

    #[test]
    fn ticket_tag_is_found_in_subjects() {
        assert_eq!(subject_ticket_number("回复: [#128] 打印机"), Some(128));
        assert_eq!(subject_ticket_number("[#x] no"), None);
        assert_eq!(subject_ticket_number("plain"), None);
    }

    #[test]
    fn header_injection_is_neutralised_in_subjects() {
        assert_eq!(clean_subject("a\r\nBcc: evil@x\0"), "a Bcc: evil@x");
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(human_duration(900, "en"), "15 minutes");
        assert_eq!(human_duration(7200, "zh"), "2 小时");
        assert_eq!(human_duration(86400, "en"), "1 day");
    }
}
