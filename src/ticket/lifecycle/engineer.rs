//! An engineer's mail: commands at the top, then the public reply. Commands are obeyed only
//! when `auth::authorise` accepts the mail; otherwise nothing is applied, the attempt is recorded
//! as `command_rejected`, and no receipt is sent. Why no receipt: the `From` of a refused mail is
//! exactly what we cannot trust, so answering it would let anybody make us mail any engineer (or
//! prove to a prober which addresses are engineers); the audit trail and the log carry the refusal.
//!
//! An authorised mail gets a receipt listing what was applied and what was rejected (with the
//! near-miss suggestion from the parser). A mail to the support address that concerns no ticket
//! may carry `#list`, `#show N` and `#help`; the answer goes to the engineer's configured address,
//! never to the mail's `From`/`Reply-To`, so a forged request only informs the real engineer.

use super::mails::{self, ReceiptBody};
use super::{assignee, auth, Context, Decision, Engineer, OutgoingMail, Policy};
use crate::mail::InboundMail;
use crate::ticket::command::{parse_commands, Command, CommandError};
use crate::ticket::model::{Awaiting, Event, EventKind, Status, Ticket, Timestamp};

#[path = "engineer_commands.rs"]
mod commands;

/// The text commands are read from: the whole body (the parser cuts quotes itself).
fn command_text(mail: &InboundMail) -> &str {
    if mail.text.trim().is_empty() {
        &mail.new_text
    } else {
        &mail.text
    }
}

fn event(
    mail: &InboundMail,
    actor: &str,
    kind: EventKind,
    from: Option<String>,
    to: Option<String>,
    detail: Option<String>,
    now: Timestamp,
) -> Event {
    Event {
        at: now,
        actor: actor.to_string(),
        kind,
        from_value: from,
        to_value: to,
        detail,
        message_id: Some(mail.message_id.clone()),
    }
}

/// An engineer's reply on ticket `t`.
pub(super) fn on_reply(
    t: &Ticket,
    eng: &Engineer,
    mail: &InboundMail,
    ctx: &Context<'_>,
    policy: &Policy,
    now: Timestamp,
) -> Decision {
    let block = parse_commands(command_text(mail));
    match auth::authorise(mail, &eng.email, t.number, &policy.workflow, now) {
        Err(_) if read_only(&block) => {
            // `#list`/`#show`/`#help` need no proof (the answer goes to the configured address),
            // also in a fresh mail whose subject happens to carry a ticket tag.
            on_direct(eng, mail, ctx, policy, now).unwrap_or(Decision::Answer {
                outgoing: Vec::new(),
            })
        }
        Err(why) => {
            let detail = format!(
                "not authorised ({why}): {} command(s), {} unparsed line(s) and the text ignored",
                block.commands.len(),
                block.errors.len()
            );
            Decision::Append {
                ticket: t.clone(),
                events: vec![event(
                    mail,
                    &mail.from.email,
                    EventKind::CommandRejected,
                    None,
                    None,
                    Some(detail),
                    now,
                )],
                outgoing: Vec::new(),
                internal: true,
            }
        }
        Ok(proof) => Apply::new(t, eng, mail, ctx, policy, now).run(block, proof),
    }
}

/// An engineer's mail that belongs to no ticket. `None`: no commands, so it is an ordinary
/// request (engineers have problems too).
pub(super) fn on_direct(
    eng: &Engineer,
    mail: &InboundMail,
    ctx: &Context<'_>,
    policy: &Policy,
    _now: Timestamp,
) -> Option<Decision> {
    let block = parse_commands(command_text(mail));
    if block.commands.is_empty() && block.errors.is_empty() {
        return None;
    }
    let mut body = ReceiptBody {
        rejected: block.errors.clone(),
        ..Default::default()
    };
    for cmd in &block.commands {
        match cmd {
            Command::List => {
                body.list = Some(
                    ctx.engineer_tickets
                        .iter()
                        .map(|t| mails::list_line(t, policy))
                        .collect(),
                );
                body.applied.push("#list".into());
            }
            Command::Show(n) => {
                body.show = Some(show(*n, ctx, policy));
                body.applied.push(format!("#show {n}"));
            }
            Command::Help => body.help = true,
            Command::Internal => {}
            other => body.rejected.push(CommandError {
                line: command_name(other).to_string(),
                reason: "this mail belongs to no ticket: reply to the ticket's notification \
                         (its Reply-To carries your token), or send `#show N`"
                    .into(),
                suggestion: None,
            }),
        }
    }
    Some(Decision::Answer {
        outgoing: vec![mails::receipt(None, eng, mail, &body, policy)],
    })
}

/// Only commands that change nothing, and no text for the requester.
fn read_only(block: &crate::ticket::command::CommandBlock) -> bool {
    !block.commands.is_empty()
        && block.errors.is_empty()
        && block.public_text.trim().is_empty()
        && block.commands.iter().all(|c| {
            matches!(
                c,
                Command::List | Command::Show(_) | Command::Help | Command::Internal
            )
        })
}

fn show(n: u64, ctx: &Context<'_>, policy: &Policy) -> String {
    ctx.shown_ticket
        .filter(|s| u64::try_from(s.number).ok() == Some(n))
        .map(|s| mails::show_text(s, policy))
        .unwrap_or_else(|| format!("ticket #{n} not found"))
}

fn command_name(c: &Command) -> &'static str {
    match c {
        Command::Assign(_) => "#assign",
        Command::Priority(_) => "#priority",
        Command::Category(_) => "#category",
        Command::Status(_) => "#status",
        Command::Note(_) => "#note",
        Command::Resolve(_) => "#resolve",
        Command::Reopen => "#reopen",
        Command::Close => "#close",
        Command::Cc(_) => "#cc",
        Command::Help => "#help",
        Command::Internal => "#internal",
        Command::List => "#list",
        Command::Show(_) => "#show",
        Command::Plan(_) => "#plan",
        Command::Approve => "#approve",
        Command::Reject(_) => "#reject",
        Command::Kb(_) => "#kb",
    }
}

/// Applying one authorised mail to a ticket.
struct Apply<'a> {
    t: Ticket,
    eng: &'a Engineer,
    mail: &'a InboundMail,
    ctx: &'a Context<'a>,
    policy: &'a Policy,
    now: Timestamp,
    events: Vec<Event>,
    outgoing: Vec<OutgoingMail>,
    body: ReceiptBody,
    news: Vec<&'static str>,
    status_changed: bool,
    /// `#assign` succeeded (even to the current assignee: "I take it").
    taken: bool,
    /// Engineers to notify of a handover once the ticket is final.
    handovers: Vec<Engineer>,
    /// The ticket's latest plan after this mail (`ctx.approval` until a command changes it).
    approval: Option<crate::ticket::approval::Approval>,
    approval_changed: bool,
}

impl<'a> Apply<'a> {
    fn new(
        t: &Ticket,
        eng: &'a Engineer,
        mail: &'a InboundMail,
        ctx: &'a Context<'a>,
        policy: &'a Policy,
        now: Timestamp,
    ) -> Apply<'a> {
        let mut t = t.clone();
        t.updated_at = now;
        Apply {
            t,
            eng,
            mail,
            ctx,
            policy,
            now,
            events: Vec::new(),
            outgoing: Vec::new(),
            body: ReceiptBody::default(),
            news: Vec::new(),
            status_changed: false,
            taken: false,
            handovers: Vec::new(),
            approval: ctx.approval.cloned(),
            approval_changed: false,
        }
    }

    fn ev(&mut self, kind: EventKind, from: Option<String>, to: Option<String>, d: Option<String>) {
        let e = event(self.mail, &self.eng.email, kind, from, to, d, self.now);
        self.events.push(e);
    }

    fn run(mut self, block: crate::ticket::command::CommandBlock, proof: auth::Proof) -> Decision {
        let public = !block.internal && !block.public_text.trim().is_empty();
        for cmd in &block.commands {
            self.command(cmd);
        }
        // An engineer who changes the ticket or answers the requester has taken it up; a note,
        // `#help` or a rejected command has not.
        let acted = self.events.iter().any(|e| {
            !matches!(
                e.kind,
                EventKind::Note | EventKind::CommandRejected | EventKind::CommandApplied
            )
        });
        if self.t.status == Status::New && (acted || public || self.taken) {
            self.set_status(Status::Open, None);
        }
        for err in &block.errors {
            self.ev(
                EventKind::CommandRejected,
                None,
                None,
                Some(err.to_string()),
            );
        }
        self.body.rejected.extend(block.errors.iter().cloned());
        let text = block.public_text.trim();
        let message = if public { text } else { "" };
        if public {
            self.ev(EventKind::PublicReply, None, None, Some(text.to_string()));
        } else if !text.is_empty() {
            self.ev(
                EventKind::Note,
                None,
                None,
                Some(format!("internal reply: {text}")),
            );
        }
        self.mail_requester(message);
        for e in std::mem::take(&mut self.handovers) {
            let about = mails::About {
                from: &self.t.requester,
                text: self.ctx.request_text.unwrap_or_default(),
                attachments: Vec::new(),
                note: text,
            };
            let n = mails::notify_about(
                &self.t,
                &e,
                self.mail,
                "assigned",
                about,
                self.policy,
                self.now,
            );
            self.outgoing.push(n);
        }
        if self.t.first_response_at.is_none() && (public || self.status_changed) {
            self.t.first_response_at = Some(self.now);
        }
        if !block.commands.is_empty() || !block.errors.is_empty() {
            let proof = match proof {
                auth::Proof::Token => "reply token".to_string(),
                auth::Proof::Authenticated(how) => how,
            };
            self.ev(
                EventKind::CommandApplied,
                None,
                None,
                Some(format!(
                    "{} applied, {} rejected (proof: {proof})",
                    self.body.applied.len(),
                    self.body.rejected.len()
                )),
            );
            let receipt =
                mails::receipt(Some(&self.t), self.eng, self.mail, &self.body, self.policy);
            self.outgoing.push(receipt);
        }
        match self.approval {
            Some(approval) if self.approval_changed => Decision::Approval {
                ticket: self.t,
                events: self.events,
                outgoing: self.outgoing,
                internal: !public,
                approval: Box::new(approval),
            },
            _ => Decision::Append {
                ticket: self.t,
                events: self.events,
                outgoing: self.outgoing,
                internal: !public,
            },
        }
    }

    /// One mail to the requester per engineer mail: confirmation, survey or update.
    fn mail_requester(&mut self, message: &str) {
        let seed = |kind: &str| format!("{}|{kind}", self.mail.message_id);
        let out = if self.news.contains(&"resolved") && self.t.status == Status::Resolved {
            Some(mails::confirm(
                &self.t,
                self.policy,
                message,
                seed("confirm"),
            ))
        } else if self.news.contains(&"closed") && self.t.status == Status::Closed {
            Some(mails::survey(
                &self.t,
                self.policy,
                "closed",
                message,
                seed("survey"),
            ))
        } else {
            let news: Vec<&str> = self
                .news
                .iter()
                .copied()
                .filter(|n| matches!(*n, "assigned" | "waiting" | "reopened"))
                .collect();
            (!news.is_empty() || !message.is_empty())
                .then(|| mails::update(&self.t, self.policy, &news, message, seed("update")))
        };
        if let Some(out) = out {
            self.t.last_public_update_at = Some(self.now);
            self.outgoing.push(out);
        }
    }

    fn set_status(&mut self, to: Status, detail: Option<String>) -> bool {
        let from = self.t.status;
        if from == to {
            return false;
        }
        match to {
            Status::Resolved => {
                self.t.resolved_at = Some(self.now);
                self.t.closed_at = None;
                self.t.awaiting = Awaiting::Confirmation;
                self.t.reminded_at = None;
                self.news.push("resolved");
            }
            Status::Closed => {
                self.t.closed_at = Some(self.now);
                self.t.awaiting = Awaiting::Rating;
                self.news.push("closed");
            }
            Status::Open | Status::Waiting | Status::New | Status::AwaitingApproval => {
                if matches!(from, Status::Resolved | Status::Closed) {
                    self.t.reopen_count = self.t.reopen_count.saturating_add(1);
                    self.t.resolved_at = None;
                    self.t.closed_at = None;
                    self.t.awaiting = Awaiting::Nothing;
                    self.news.push("reopened");
                }
                if to == Status::Waiting {
                    self.news.push("waiting");
                }
            }
        }
        self.t.status = to;
        self.status_changed = true;
        self.ev(
            EventKind::StatusChanged,
            Some(from.to_string()),
            Some(to.to_string()),
            detail,
        );
        true
    }

    pub(super) fn reject(&mut self, err: CommandError) {
        self.ev(
            EventKind::CommandRejected,
            None,
            None,
            Some(err.to_string()),
        );
        self.body.rejected.push(err);
    }
}
