//! Between `decide` and the commit: what the knowledge base and the fact rules add to a
//! decision. A new ticket's acknowledgement gets the questions for the missing facts and up
//! to three suggested articles; a requester's reply that says an article solved it closes
//! the ticket as self-service; a reply that answers the questions is merged into the facts
//! and, when it widens the impact, raises the priority (deadlines recomputed, explained in
//! an update mail); an engineer's `#kb` asks the shell to write a draft. Pure: the shell
//! loads [`KbState`], calls these, and stores the returned [`KbWrite`]s in the same
//! transaction.

use super::index::{Index, Query};
use crate::mail::InboundMail;
use crate::ticket::classify::Rules;
use crate::ticket::command::{KB_DRAFT_NOTE, KB_PUBLISH_NOTE};
use crate::ticket::facts::{FactKind, FactRules};
use crate::ticket::lifecycle::{self, Decision, OutKind, Policy};
use crate::ticket::model::{Awaiting, Event, EventKind, Status, Ticket, Timestamp};
use crate::ticket::reply::{read_kb_answer, KbAnswer};
use serde_json::{json, Value};

/// What the shell built from `[knowledge]` and the rules file.
#[derive(Debug, Clone)]
pub struct Desk {
    pub facts: FactRules,
    /// `None`: no knowledge base configured.
    pub index: Option<Index>,
    pub threshold: f64,
    pub max_suggestions: usize,
    pub ask_missing_facts: bool,
}

impl Default for Desk {
    fn default() -> Self {
        Desk {
            facts: FactRules::default(),
            index: None,
            threshold: super::index::DEFAULT_THRESHOLD,
            max_suggestions: 3,
            ask_missing_facts: true,
        }
    }
}

/// A fact's state on a ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactState {
    Found,
    Asked,
    Answered,
}

impl FactState {
    pub fn as_str(self) -> &'static str {
        match self {
            FactState::Found => "found",
            FactState::Asked => "asked",
            FactState::Answered => "answered",
        }
    }
}

/// What became of a suggestion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Solved,
    NotSolved,
    /// Another suggestion of the same acknowledgement solved it.
    NotUsed,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Solved => "solved",
            Outcome::NotSolved => "not_solved",
            Outcome::NotUsed => "not_used",
        }
    }
}

/// A change for the knowledge tables (or, `Draft`/`Publish`, for the article folder).
#[derive(Debug, Clone, PartialEq)]
pub enum KbWrite {
    Fact {
        kind: FactKind,
        state: FactState,
        rule: String,
        value: String,
    },
    Suggested {
        article: String,
        title: String,
        score: f64,
        place: usize,
    },
    /// `article: None`: every still pending suggestion of the ticket.
    Outcome {
        article: Option<String>,
        outcome: Outcome,
    },
    Draft,
    Publish,
}

/// A stored fact.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FactRow {
    pub fact: String,
    pub state: String,
    pub rule: String,
    pub value: String,
    pub updated_at: Timestamp,
}

/// A stored suggestion.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SuggestionRow {
    pub ticket: i64,
    pub article: String,
    pub title: String,
    pub score: f64,
    pub place: i64,
    pub outcome: String,
    pub suggested_at: Timestamp,
    pub answered_at: Option<Timestamp>,
}

/// What the store knows about a ticket's facts and suggestions.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct KbState {
    pub facts: Vec<FactRow>,
    pub suggestions: Vec<SuggestionRow>,
}

impl KbState {
    fn pending(&self) -> Vec<&SuggestionRow> {
        let mut v: Vec<&SuggestionRow> = self
            .suggestions
            .iter()
            .filter(|s| s.outcome == "pending")
            .collect();
        v.sort_by_key(|s| s.place);
        v
    }

    fn fact_state(&self, kind: FactKind) -> Option<&str> {
        self.facts
            .iter()
            .find(|f| f.fact == kind.as_str())
            .map(|f| f.state.as_str())
    }
}

/// A decision with what the knowledge side adds.
#[derive(Debug, Clone, PartialEq)]
pub struct Enriched {
    pub decision: Decision,
    pub writes: Vec<KbWrite>,
}

/// A new ticket: facts found and asked, suggestions, both put into the acknowledgement.
pub fn on_open(decision: Decision, mail: &InboundMail, desk: &Desk) -> Enriched {
    let Decision::Open {
        ticket,
        events,
        mut outgoing,
    } = decision
    else {
        return Enriched {
            decision,
            writes: Vec::new(),
        };
    };
    let mut writes = Vec::new();
    let lang = ticket.language.template_lang();
    let report = desk
        .facts
        .detect(
            &mail.subject,
            &mail.new_text,
            mail.attachments.len(),
            ticket.category,
        )
        .for_priority(ticket.priority);
    for f in &report.found {
        writes.push(KbWrite::Fact {
            kind: f.kind,
            state: FactState::Found,
            rule: f.rule.clone(),
            value: f.text.clone(),
        });
    }
    let questions = if desk.ask_missing_facts {
        for k in &report.missing {
            writes.push(KbWrite::Fact {
                kind: *k,
                state: FactState::Asked,
                rule: String::new(),
                value: String::new(),
            });
        }
        report.questions(lang)
    } else {
        Vec::new()
    };
    let mut suggestions = Vec::new();
    if let Some(index) = &desk.index {
        let text = format!("{}\n{}", mail.subject, mail.new_text);
        let q = Query {
            text: &text,
            category: Some(ticket.category),
            language: Some(ticket.language),
        };
        for (i, hit) in index
            .suggest(&q, desk.threshold, desk.max_suggestions)
            .into_iter()
            .enumerate()
        {
            let Some((a, text)) = index.shown(&hit.id, i == 0) else {
                continue;
            };
            suggestions.push(json!({"id": a.id, "title": a.title, "text": text}));
            writes.push(KbWrite::Suggested {
                article: hit.id.clone(),
                title: hit.title.clone(),
                score: hit.score,
                place: i + 1,
            });
        }
    }
    for o in outgoing
        .iter_mut()
        .filter(|o| o.kind == OutKind::Ack && o.ticket == ticket.number)
    {
        if let Value::Object(vars) = &mut o.vars {
            vars.insert("questions".into(), json!(questions));
            vars.insert("suggestions".into(), Value::Array(suggestions.clone()));
        }
    }
    Enriched {
        decision: Decision::Open {
            ticket,
            events,
            outgoing,
        },
        writes,
    }
}

/// What `on_reply` needs besides the decision.
#[derive(Debug, Clone, Copy)]
pub struct ReplyContext<'a> {
    /// The ticket as it was before the mail.
    pub before: &'a Ticket,
    pub state: &'a KbState,
    /// The text of the mail that opened the ticket.
    pub request_text: Option<&'a str>,
    pub rules: &'a Rules,
}

/// A mail on an existing ticket: the requester's answer to the suggestions and questions,
/// or an engineer's `#kb`.
pub fn on_reply(
    decision: Decision,
    mail: &InboundMail,
    rc: &ReplyContext<'_>,
    desk: &Desk,
    policy: &Policy,
    now: Timestamp,
) -> Enriched {
    let mut writes = Vec::new();
    let Decision::Append { .. } = &decision else {
        return Enriched { decision, writes };
    };
    if let Some(eng) = policy.workflow.engineer(&mail.from.email) {
        if !eng.email.eq_ignore_ascii_case(&rc.before.requester) {
            return engineer_kb(decision, eng);
        }
    }
    let from_requester = mail.from.email.eq_ignore_ascii_case(&rc.before.requester);
    let open = matches!(
        rc.before.status,
        Status::New | Status::Open | Status::Waiting
    );
    if !from_requester || !open {
        return Enriched { decision, writes };
    }
    let mut decision = decision;
    let pending = rc.state.pending();
    if !pending.is_empty() {
        match read_kb_answer(&mail.new_text) {
            KbAnswer::Solved => return self_service(decision, mail, &pending, policy, now),
            KbAnswer::NotSolved => {
                writes.push(KbWrite::Outcome {
                    article: None,
                    outcome: Outcome::NotSolved,
                });
                if let Decision::Append { events, .. } = &mut decision {
                    events.push(supportbot_event(
                        mail,
                        EventKind::Note,
                        None,
                        None,
                        "the requester says the suggested article(s) did not help".into(),
                        now,
                    ));
                }
            }
            KbAnswer::Unclear => {}
        }
    }
    merge_facts(&mut decision, mail, rc, desk, policy, now, &mut writes);
    Enriched { decision, writes }
}

fn engineer_kb(decision: Decision, _eng: &lifecycle::Engineer) -> Enriched {
    let mut writes = Vec::new();
    if let Decision::Append { events, .. } = &decision {
        for e in events.iter().filter(|e| e.kind == EventKind::Note) {
            match e.detail.as_deref() {
                Some(KB_DRAFT_NOTE) => writes.push(KbWrite::Draft),
                Some(KB_PUBLISH_NOTE) => writes.push(KbWrite::Publish),
                _ => {}
            }
        }
    }
    Enriched { decision, writes }
}

fn supportbot_event(
    mail: &InboundMail,
    kind: EventKind,
    from: Option<String>,
    to: Option<String>,
    detail: String,
    now: Timestamp,
) -> Event {
    Event {
        at: now,
        actor: "supportbot".into(),
        kind,
        from_value: from,
        to_value: to,
        detail: Some(detail),
        message_id: Some(mail.message_id.clone()),
    }
}

/// Which pending suggestion the requester means: one whose title they quote, else the first.
fn attributed<'a>(pending: &[&'a SuggestionRow], text: &str) -> Option<&'a SuggestionRow> {
    let lower = text.to_lowercase();
    pending
        .iter()
        .find(|s| lower.contains(&s.title.to_lowercase()))
        .or_else(|| pending.first())
        .copied()
}

fn self_service(
    decision: Decision,
    mail: &InboundMail,
    pending: &[&SuggestionRow],
    policy: &Policy,
    now: Timestamp,
) -> Enriched {
    let Decision::Append {
        ticket,
        mut events,
        internal,
        ..
    } = decision
    else {
        return Enriched {
            decision,
            writes: Vec::new(),
        };
    };
    let Some(article) = attributed(pending, &mail.new_text) else {
        return Enriched {
            decision: Decision::Append {
                ticket,
                events,
                outgoing: Vec::new(),
                internal,
            },
            writes: Vec::new(),
        };
    };
    let mut t = ticket;
    let from = t.status;
    t.status = Status::Closed;
    t.resolved_at = Some(now);
    t.closed_at = Some(now);
    t.awaiting = Awaiting::Nothing;
    t.last_public_update_at = Some(now);
    t.updated_at = now;
    t.solution = Some(format!("self-service: {}", article.title));
    events.push(supportbot_event(
        mail,
        EventKind::Solution,
        None,
        None,
        format!(
            "self-service: knowledge-base article {} \"{}\"",
            article.article, article.title
        ),
        now,
    ));
    events.push(Event {
        at: now,
        actor: mail.from.email.clone(),
        kind: EventKind::StatusChanged,
        from_value: Some(from.to_string()),
        to_value: Some(Status::Closed.to_string()),
        detail: Some(format!(
            "resolved as self-service by knowledge-base article {}",
            article.article
        )),
        message_id: Some(mail.message_id.clone()),
    });
    let mut outgoing = vec![lifecycle::notice_mail(
        &t,
        policy,
        "self_service",
        format!("{}|notice", mail.message_id),
    )];
    outgoing.extend(lifecycle::tell_engineers(
        &t,
        mail,
        "self_service",
        policy,
        now,
    ));
    let writes = vec![
        KbWrite::Outcome {
            article: Some(article.article.clone()),
            outcome: Outcome::Solved,
        },
        KbWrite::Outcome {
            article: None,
            outcome: Outcome::NotUsed,
        },
    ];
    Enriched {
        decision: Decision::Append {
            ticket: t,
            events,
            outgoing,
            internal,
        },
        writes,
    }
}

/// Facts in the reply: asked ones become answered; wider impact raises the priority.
#[allow(clippy::too_many_arguments)]
fn merge_facts(
    decision: &mut Decision,
    mail: &InboundMail,
    rc: &ReplyContext<'_>,
    desk: &Desk,
    policy: &Policy,
    now: Timestamp,
    writes: &mut Vec<KbWrite>,
) {
    let Decision::Append {
        ticket,
        events,
        outgoing,
        ..
    } = decision
    else {
        return;
    };
    let report = desk
        .facts
        .detect("", &mail.new_text, mail.attachments.len(), ticket.category);
    for f in &report.found {
        if rc.state.fact_state(f.kind) != Some("found") {
            writes.push(KbWrite::Fact {
                kind: f.kind,
                state: FactState::Answered,
                rule: f.rule.clone(),
                value: f.text.clone(),
            });
        }
    }
    let Some(impact) = report.found.iter().find(|f| f.kind == FactKind::Impact) else {
        return;
    };
    let combined = format!("{}\n{}", rc.request_text.unwrap_or_default(), mail.new_text);
    let c = rc.rules.classify(&ticket.subject, &combined);
    // Only raised automatically: lowering a priority is the engineer's call.
    if c.priority >= ticket.priority {
        return;
    }
    let old = ticket.priority;
    ticket.priority = c.priority;
    ticket.respond_by = policy
        .calendar
        .add_working(ticket.created_at, policy.sla.respond(c.priority));
    ticket.resolve_by = policy
        .calendar
        .add_working(ticket.created_at, policy.sla.resolve(c.priority));
    ticket.last_public_update_at = Some(now);
    let why = format!(
        "re-evaluated after the requester's answer \"{}\" ({})",
        impact.text,
        c.reasons
            .iter()
            .filter(|r| r.starts_with("priority"))
            .cloned()
            .collect::<Vec<_>>()
            .join("; ")
    );
    events.push(supportbot_event(
        mail,
        EventKind::PriorityChanged,
        Some(old.to_string()),
        Some(c.priority.to_string()),
        why,
        now,
    ));
    let lang = ticket.language.template_lang();
    let message = if lang == "zh" {
        format!(
            "您补充的影响范围（“{}”）比原来描述的更大，优先级由 {old} 调整为 {}。",
            impact.text, c.priority
        )
    } else {
        format!(
            "The impact you describe (\"{}\") is wider than in your first mail, so the priority changed from {old} to {}.",
            impact.text, c.priority
        )
    };
    outgoing.push(lifecycle::update_mail(
        ticket,
        policy,
        &["priority"],
        &message,
        format!("{}|priority", mail.message_id),
    ));
}

#[cfg(test)]
#[path = "intake_tests.rs"]
mod tests;
