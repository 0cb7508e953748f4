//! The outgoing mails of the ticket conversation, as intents (template + variables). Every
//! mail to the requester is threaded on their original mail and tagged `[#N]`; every mail to an
//! engineer carries the reply token (plus-address `Reply-To` and Message-ID). Pure.

use super::{human_duration, local_time, tagged_subject, Engineer, OutKind, OutgoingMail, Policy};
use crate::mail::{Address, InboundMail};
use crate::ticket::command::{help_text, CommandError};
use crate::ticket::model::{Ticket, Timestamp};
use crate::ticket::token;
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};

/// Longest request text quoted in a notification.
const MAX_QUOTED_CHARS: usize = 4000;

pub(super) fn base_vars(t: &Ticket, policy: &Policy, lang: &str) -> Map<String, Value> {
    let vars = json!({
        "number": t.number,
        "subject": t.subject,
        "requester": t.requester,
        "requester_name": t.requester_name,
        "status": t.status.as_str(),
        "category": t.category.as_str(),
        "category_zh": t.category.zh_name(),
        "priority": t.priority.as_str(),
        "priority_zh": t.priority.zh_name(),
        "reasons": t.reasons,
        "low_confidence": crate::ticket::classify::is_low_confidence(&t.reasons),
        "respond_by": local_time(t.respond_by, policy.timezone),
        "resolve_by": local_time(t.resolve_by, policy.timezone),
        "timezone": policy.timezone.name(),
        "desk_name": policy.desk_name,
        "support_address": policy.support_address,
        "assignee": t.assignee,
        "assignee_name": t.assignee.as_deref().map(|a| engineer_name(policy, a)),
        "solution": t.solution,
        "auto_close_after": human_duration(policy.workflow.auto_close_after, lang),
        "status_zh": status_zh(t.status),
    });
    match vars {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

fn status_zh(s: crate::ticket::model::Status) -> &'static str {
    use crate::ticket::model::Status;
    match s {
        Status::New => "新建",
        Status::Open => "处理中",
        Status::Waiting => "等待您的回复",
        Status::AwaitingApproval => "等待审批",
        Status::Resolved => "已解决",
        Status::Closed => "已关闭",
    }
}

pub(super) fn with(mut base: Map<String, Value>, extra: Value) -> Value {
    if let Value::Object(m) = extra {
        base.extend(m);
    }
    Value::Object(base)
}

/// The display name of an engineer address (the address itself when not configured).
pub(super) fn engineer_name(policy: &Policy, email: &str) -> String {
    policy
        .workflow
        .engineer(email)
        .map(|e| e.name.clone())
        .unwrap_or_else(|| email.to_string())
}

fn clip(text: &str) -> String {
    let mut s: String = text.trim().chars().take(MAX_QUOTED_CHARS).collect();
    if text.trim().chars().count() > MAX_QUOTED_CHARS {
        s.push('…');
    }
    s
}

pub(super) fn short_hash(seed: &str) -> String {
    hex::encode(Sha256::digest(seed.as_bytes()).get(..6).unwrap_or_default())
}

/// What a notification quotes: who wrote it, the text, its attachments, and an optional note
/// from the engineer who handed the ticket over.
pub(super) struct About<'a> {
    pub from: &'a str,
    pub text: &'a str,
    pub attachments: Vec<&'a str>,
    pub note: &'a str,
}

/// Tell an engineer about a ticket, quoting `mail`. `reason`: `new`, `unrouted` (supervisors),
/// `reopened`, `follow_up`, `unclear` (the requester's answer needs a human), `new_problem`
/// (fixed, and another matter raised), `unclear_survey` (no rating readable), `withdrawn`.
pub(super) fn notify(
    t: &Ticket,
    e: &Engineer,
    mail: &InboundMail,
    reason: &'static str,
    policy: &Policy,
    now: Timestamp,
) -> OutgoingMail {
    let about = About {
        from: &mail.from.email,
        text: &mail.new_text,
        attachments: mail
            .attachments
            .iter()
            .map(|a| a.filename.as_str())
            .collect(),
        note: "",
    };
    notify_about(t, e, mail, reason, about, policy, now)
}

/// A notification with explicit content (`assigned`: the original request and the handover
/// note). `mail` is the mail that caused it (seed of the Message-ID).
pub(super) fn notify_about(
    t: &Ticket,
    e: &Engineer,
    mail: &InboundMail,
    reason: &'static str,
    about: About<'_>,
    policy: &Policy,
    now: Timestamp,
) -> OutgoingMail {
    let seed = format!("{}|notify|{}|{reason}", mail.message_id, e.email);
    let (reply_to, message_id) = token_addressing(t, &e.email, &seed, policy, now);
    let vars = with(
        base_vars(t, policy, e.lang),
        json!({
            "engineer_name": e.name,
            "reason": reason,
            "from": about.from,
            "text": clip(about.text),
            "attachments": about.attachments,
            "note": about.note.trim(),
            "help": help_text(e.lang),
        }),
    );
    OutgoingMail {
        kind: OutKind::Notify,
        ticket: t.number,
        to: vec![Address {
            name: Some(e.name.clone()),
            email: e.email.clone(),
        }],
        subject: tagged_subject(t.number, &t.subject),
        template: "notify",
        lang: e.lang,
        vars,
        in_reply_to: None,
        references: Vec::new(),
        auto_submitted: "auto-generated",
        seed,
        reply_to: Some(reply_to),
        message_id: Some(message_id),
    }
}

/// The reply-token addressing of a mail to someone who may answer by command: a `Reply-To`
/// plus-address and a Message-ID that both carry `email`'s token for this ticket, so a plain
/// reply is authenticated either way. The Message-ID comes without angle brackets.
pub(super) fn token_addressing(
    t: &Ticket,
    email: &str,
    seed: &str,
    policy: &Policy,
    now: Timestamp,
) -> (Address, String) {
    let number = u64::try_from(t.number).unwrap_or_default();
    let tok = token::make_token(&policy.workflow.secret, number, email, now);
    let (local, domain) = policy
        .support_address
        .rsplit_once('@')
        .unwrap_or((policy.support_address.as_str(), "localhost"));
    let message_id = token::message_id_for(number, &tok, &short_hash(seed), domain);
    let reply_to = Address {
        name: None,
        email: token::reply_address(local, domain, number, &tok),
    };
    let message_id = message_id
        .trim_start_matches('<')
        .trim_end_matches('>')
        .to_string();
    (reply_to, message_id)
}

/// A mail to the requester (and the ticket's Cc), threaded on their original mail.
fn to_requester(
    t: &Ticket,
    policy: &Policy,
    kind: OutKind,
    template: &'static str,
    extra: Value,
    seed: String,
) -> OutgoingMail {
    let lang = t.language.template_lang();
    let mut to = vec![Address {
        name: t.requester_name.clone(),
        email: t.requester.clone(),
    }];
    for c in &t.cc {
        if !to.iter().any(|a| a.email.eq_ignore_ascii_case(c)) {
            to.push(Address {
                name: None,
                email: c.clone(),
            });
        }
    }
    OutgoingMail {
        kind,
        ticket: t.number,
        to,
        subject: tagged_subject(t.number, &t.subject),
        template,
        lang,
        vars: with(base_vars(t, policy, lang), extra),
        in_reply_to: Some(t.root_message_id.clone()),
        references: vec![t.root_message_id.clone()],
        auto_submitted: "auto-generated",
        seed,
        reply_to: None,
        message_id: None,
    }
}

/// Progress update: `news` names what changed (`assigned`, `waiting`, `reopened`), `message`
/// is the engineer's public text (may be empty).
pub(crate) fn update(
    t: &Ticket,
    policy: &Policy,
    news: &[&str],
    message: &str,
    seed: String,
) -> OutgoingMail {
    to_requester(
        t,
        policy,
        OutKind::Update,
        "update",
        json!({ "news": news, "message": message.trim() }),
        seed,
    )
}

/// "Is it fixed?" with the solution.
pub(super) fn confirm(t: &Ticket, policy: &Policy, message: &str, seed: String) -> OutgoingMail {
    to_requester(
        t,
        policy,
        OutKind::Confirm,
        "confirm",
        json!({ "message": message.trim() }),
        seed,
    )
}

/// "Please rate us 1–5". `reason`: `confirmed` (the requester said yes) or `closed`.
pub(super) fn survey(
    t: &Ticket,
    policy: &Policy,
    reason: &str,
    message: &str,
    seed: String,
) -> OutgoingMail {
    to_requester(
        t,
        policy,
        OutKind::Survey,
        "survey",
        json!({ "reason": reason, "message": message.trim() }),
        seed,
    )
}

/// Thanks for the rating.
pub(super) fn thanks(t: &Ticket, policy: &Policy, rating: u8, seed: String) -> OutgoingMail {
    let mut m = to_requester(
        t,
        policy,
        OutKind::Notice,
        "thanks",
        json!({ "rating": rating }),
        seed,
    );
    m.auto_submitted = "auto-replied";
    m
}

/// A notice: `reminder` (confirmation still open), `auto_closed`, `withdrawn`. All of them are
/// outbox kind `notice`; `reminder`/`escalation` are left to the SLA timers (engineer side).
pub(crate) fn notice(t: &Ticket, policy: &Policy, kind: &str, seed: String) -> OutgoingMail {
    to_requester(
        t,
        policy,
        OutKind::Notice,
        "notice",
        json!({ "notice": kind }),
        seed,
    )
}

/// What an engineer's command mail did.
#[derive(Debug, Default)]
pub(super) struct ReceiptBody {
    pub applied: Vec<String>,
    pub rejected: Vec<CommandError>,
    pub help: bool,
    /// `#list` lines.
    pub list: Option<Vec<String>>,
    /// `#show N` text.
    pub show: Option<String>,
}

/// The receipt to an engineer. `t` is the ticket the mail was about, if any.
pub(super) fn receipt(
    t: Option<&Ticket>,
    e: &Engineer,
    mail: &InboundMail,
    body: &ReceiptBody,
    policy: &Policy,
) -> OutgoingMail {
    let rejected: Vec<Value> = body
        .rejected
        .iter()
        .map(|r| json!({"line": r.line, "reason": r.reason, "suggestion": r.suggestion}))
        .collect();
    let extra = json!({
        "engineer_name": e.name,
        "has_ticket": t.is_some(),
        "applied": body.applied,
        "rejected": rejected,
        "help": if body.help { help_text(e.lang) } else { String::new() },
        "has_list": body.list.is_some(),
        "list": body.list.clone().unwrap_or_default(),
        "show": body.show.clone().unwrap_or_default(),
        "desk_name": policy.desk_name,
    });
    let (number, subject, vars) = match t {
        Some(t) => (
            t.number,
            tagged_subject(t.number, &t.subject),
            with(base_vars(t, policy, e.lang), extra),
        ),
        None => {
            let mut base = Map::new();
            base.insert("number".into(), Value::Null);
            base.insert("subject".into(), Value::String(mail.subject.clone()));
            (
                0,
                super::strip_reply_prefixes(&mail.subject),
                with(base, extra),
            )
        }
    };
    let subject = if subject.is_empty() {
        "supportbot".to_string()
    } else {
        subject
    };
    let mut references = mail.references.clone();
    references.push(mail.message_id.clone());
    OutgoingMail {
        kind: OutKind::Receipt,
        ticket: number,
        to: vec![Address {
            name: Some(e.name.clone()),
            email: e.email.clone(),
        }],
        subject: format!("Re: {subject}"),
        template: "receipt",
        lang: e.lang,
        vars,
        in_reply_to: Some(mail.message_id.clone()),
        references,
        auto_submitted: "auto-replied",
        seed: format!("{}|receipt", mail.message_id),
        reply_to: None,
        message_id: None,
    }
}

/// One line of `#list`.
pub(super) fn list_line(t: &Ticket, policy: &Policy) -> String {
    format!(
        "#{}  {}  {}  {}  respond by {}  {}",
        t.number,
        t.status,
        t.priority,
        t.category,
        local_time(t.respond_by, policy.timezone),
        t.subject
    )
}

/// The `#show N` text.
pub(super) fn show_text(t: &Ticket, policy: &Policy) -> String {
    let mut s = format!(
        "#{} {}\nstatus {}  priority {}  category {}\nrequester {}\nassignee {}\nrespond by {}  resolve by {} ({})",
        t.number,
        t.subject,
        t.status,
        t.priority,
        t.category,
        t.requester,
        t.assignee.as_deref().unwrap_or("-"),
        local_time(t.respond_by, policy.timezone),
        local_time(t.resolve_by, policy.timezone),
        policy.timezone.name(),
    );
    if let Some(sol) = &t.solution {
        s.push_str(&format!("\nsolution: {sol}"));
    }
    if let Some(r) = t.rating {
        s.push_str(&format!("\nrating: {r}/5"));
    }
    s
}
