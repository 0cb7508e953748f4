//! The ticket decision: given the ticket (if the mail belongs to one), the inbound mail,
//! what the classifier and loop guard said, the policy and `now`, decide the new state,
//! the events and the outgoing mails. Pure; the worker loads, calls `decide`, commits.
//!
//! Files: `mod.rs` the decision types, the dispatch and new tickets; `policy` what the
//! configuration decides; `format` subjects, times and durations in mails; `routing` who gets a new ticket;
//! `auth` binding a reply to a ticket and proving an engineer sent it; `engineer` commands and
//! public replies (`assignee` resolves `#assign`); `requester` confirmations, ratings,
//! withdrawals and reopening; `timer` auto-close with its reminder; `mails` the outgoing mails;
//! `approval_flow` plans, approval requests and answers.
//! Nothing here reads the clock, the database or the network.

mod approval_flow;
mod assignee;
mod auth;
mod engineer;
mod format;
mod mails;
mod policy;
mod requester;
mod routing;
mod timer;

pub use approval_flow::on_approval_timer;
pub use auth::{authentication_passes, authorise, reply_binding, Proof};
pub use format::{
    clean_subject, human_duration, local_time, strip_reply_prefixes, subject_ticket_number,
    tagged_subject,
};
pub(crate) use mails::{notice as notice_mail, update as update_mail};
pub use policy::{Engineer, Policy, SlaTargets, WorkflowPolicy};
pub(crate) use requester::tell_engineers;
pub use routing::{route, Route};
pub use timer::{next_timer, on_timer};

use super::model::{Classification, Event, EventKind, Status, Ticket, Timestamp};
use crate::mail::loopguard::{MailKind, Verdict};
use crate::mail::{Address, InboundMail};
use serde_json::json;

/// What the shell found out before deciding.
#[derive(Debug, Clone, Default)]
pub struct Context<'a> {
    /// The ticket this mail replies to, if any.
    pub ticket: Option<&'a Ticket>,
    /// The number a new ticket would get.
    pub new_number: i64,
    /// Mails already sent to this sender within the loop-guard window.
    pub recent_mails_to_sender: u32,
    /// Name of the mailbox the mail came in through.
    pub mailbox: &'a str,
    /// Open tickets (new, open, waiting) per assignee address, lower-case.
    pub open_counts: &'a [(String, u32)],
    /// Who got the most recently routed ticket (round-robin among equals).
    pub last_assignee: Option<&'a str>,
    /// The sending engineer's open tickets, for `#list`.
    pub engineer_tickets: &'a [Ticket],
    /// The ticket named by `#show N`, if it exists.
    pub shown_ticket: Option<&'a Ticket>,
    /// The text of the mail that opened `ticket`, quoted when it is handed to another engineer.
    pub request_text: Option<&'a str>,
    /// The latest plan of `ticket` and its sign-off, if it has one.
    pub approval: Option<&'a crate::ticket::approval::Approval>,
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
    /// `Reply-To`, e.g. the engineer's token plus-address.
    pub reply_to: Option<Address>,
    /// A fixed Message-ID (without angle brackets) instead of the one derived from `seed`:
    /// notifications carry the reply token in it.
    pub message_id: Option<String>,
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
        /// Store the inbound mail as internal (engineer mail, refused commands).
        internal: bool,
    },
    /// An engineer's mail that concerns no ticket (`#list`, `#show N`): answer only.
    Answer { outgoing: Vec<OutgoingMail> },
    /// Like `Append`, and the ticket's latest plan changed: store `approval` too.
    Approval {
        ticket: Ticket,
        events: Vec<Event>,
        outgoing: Vec<OutgoingMail>,
        internal: bool,
        approval: Box<crate::ticket::approval::Approval>,
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
    let org_policy = organisation_policy(mail, ctx, policy);
    let policy = org_policy.as_ref().unwrap_or(policy);
    let org_language = policy
        .workflow
        .organisation
        .as_ref()
        .and_then(|o| o.language);
    let org_classification;
    let classification = match org_language {
        Some(l) => {
            let mut c = classification.clone();
            c.language = if l == "zh" {
                super::model::Language::Zh
            } else {
                super::model::Language::En
            };
            org_classification = c;
            &org_classification
        }
        None => classification,
    };
    if let (Some(t), Some(a)) = (ctx.ticket, ctx.approval) {
        if let Some(d) = approval_flow::on_answer(t, a, mail, policy, now) {
            return d;
        }
    }
    if let Some(eng) = policy.workflow.engineer(&mail.from.email) {
        match ctx.ticket {
            Some(t) if !t.requester.eq_ignore_ascii_case(&eng.email) => {
                return engineer::on_reply(t, eng, mail, ctx, policy, now);
            }
            None => {
                if let Some(d) = engineer::on_direct(eng, mail, ctx, policy, now) {
                    return d;
                }
            }
            Some(_) => {}
        }
    }
    match ctx.ticket {
        Some(ticket) => requester::on_reply(ticket, mail, classification, ctx, policy, now),
        None => open(mail, classification, ctx, policy, now, None),
    }
}

/// The policy of the requester's organisation (its SLA targets and calendar, and itself for
/// routing and `#cc`); `None` when the desk default applies.
fn organisation_policy(mail: &InboundMail, ctx: &Context<'_>, policy: &Policy) -> Option<Policy> {
    let orgs = &policy.workflow.organisations;
    if orgs.is_empty() {
        return None;
    }
    let (requester, mailbox) = match ctx.ticket {
        Some(t) => (t.requester.as_str(), t.mailbox.as_str()),
        None => (mail.from.email.as_str(), ctx.mailbox),
    };
    let org = super::organisation::organisation_of(orgs, requester, Some(mailbox))?;
    let mut p = policy.clone();
    if let Some(sla) = org.sla {
        p.sla = sla;
    }
    if let Some(c) = &org.calendar {
        p.calendar = c.clone();
    }
    p.workflow.organisation = Some(org.clone());
    Some(p)
}

/// A plain follow-up: stored, a waiting ticket resumes. Used by `requester`.
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
        internal: false,
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
    previous_ticket: Option<i64>,
) -> Decision {
    let subject = if mail.subject.trim().is_empty() {
        "(no subject)".to_string()
    } else {
        clean_subject(&mail.subject)
    };
    let mut ticket = Ticket {
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
        cc: Vec::new(),
        reopen_count: 0,
        solution: None,
        awaiting: super::model::Awaiting::Nothing,
        last_public_update_at: None,
        previous_ticket,
        reminded_at: None,
    };
    // Routed first so the acknowledgement can name the engineer; its mails go after the ack.
    let mut routed_events = Vec::new();
    let mut notifications = Vec::new();
    routing::assign_new(
        &mut ticket,
        mail,
        ctx,
        policy,
        now,
        &mut routed_events,
        &mut notifications,
    );
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
    events.extend(routed_events);
    outgoing.extend(notifications);
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
            "category_words": reason_words(&t.reasons, "category"),
            "priority_words": reason_words(&t.reasons, "priority"),
            "low_confidence": crate::ticket::classify::is_low_confidence(&t.reasons),
            "respond_by": local_time(t.respond_by, policy.timezone),
            "resolve_by": local_time(t.resolve_by, policy.timezone),
            "respond_within": human_duration(policy.sla.respond(t.priority), lang),
            "resolve_within": human_duration(policy.sla.resolve(t.priority), lang),
            "timezone": policy.timezone.name(),
            "desk_name": policy.desk_name,
            "support_address": policy.support_address,
            "previous_ticket": t.previous_ticket,
            "assignee_name": t.assignee.as_deref().map(|a| mails::engineer_name(policy, a)),
        }),
        in_reply_to: Some(mail.message_id.clone()),
        references,
        auto_submitted: "auto-replied",
        seed: format!("{}|ack", mail.message_id),
        reply_to: None,
        message_id: None,
    }
}

/// The quoted words of the classifier's reasons of one kind (`category` or `priority`),
/// deduplicated in order: what a requester reads as "why". The full reasons, with rule ids,
/// stay on the ticket for engineers.
pub fn reason_words(reasons: &[String], kind: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for r in reasons.iter().filter(|r| r.starts_with(kind)) {
        let mut rest = r.as_str();
        while let Some(start) = rest.find('"') {
            let after = rest.get(start + 1..).unwrap_or_default();
            let Some(end) = after.find('"') else { break };
            let word = after.get(..end).unwrap_or_default().trim();
            // A lone "?" decided a question, but it explains nothing to a reader.
            let telling = word.chars().any(char::is_alphanumeric);
            if telling && !words.iter().any(|w| w.eq_ignore_ascii_case(word)) {
                words.push(word.to_string());
            }
            rest = after.get(end + 1..).unwrap_or_default();
        }
    }
    words.truncate(6);
    words
}

#[cfg(test)]
mod approval_flow_tests;
#[cfg(test)]
mod engineer_tests;
#[cfg(test)]
mod requester_tests;
#[cfg(test)]
pub(crate) mod test_fixtures;
#[cfg(test)]
mod tests;
