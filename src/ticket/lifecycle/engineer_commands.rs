//! The commands of an engineer's mail, one by one: what each does to the ticket, the events
//! it records and the receipt line (split out of `engineer.rs`, which keeps the entry points,
//! authorisation, the status changes and the receipt). `#plan` and the `#resolve` gate of
//! change approval live here too.

use super::*;
use crate::ticket::model::Awaiting;

impl Apply<'_> {
    pub(super) fn command(&mut self, cmd: &Command) {
        match cmd {
            Command::Resolve(_) | Command::Status(Status::Resolved)
                if self.resolve_blocked(cmd) => {}
            Command::Assign(who) => match assignee::resolve_assignee(who, self.eng, self.policy) {
                Ok(e) => {
                    let e = e.clone();
                    self.taken = true;
                    if self.t.assignee.as_deref() != Some(e.email.as_str()) {
                        let from = self.t.assignee.replace(e.email.clone());
                        self.ev(EventKind::Assigned, from, Some(e.email.clone()), None);
                        self.news.push("assigned");
                        if e.email != self.eng.email {
                            self.handovers.push(e.clone());
                        }
                    }
                    self.body
                        .applied
                        .push(format!("#assign {} <{}>", e.name, e.email));
                }
                Err(err) => self.reject(err),
            },
            Command::Priority(p) => {
                if self.t.priority != *p {
                    let from = self.t.priority.to_string();
                    self.t.priority = *p;
                    // Deadlines count from creation: a re-prioritised ticket is not a new one.
                    self.t.respond_by = self.t.created_at + self.policy.sla.respond(*p);
                    self.t.resolve_by = self.t.created_at + self.policy.sla.resolve(*p);
                    self.ev(
                        EventKind::PriorityChanged,
                        Some(from),
                        Some(p.to_string()),
                        None,
                    );
                }
                self.body.applied.push(format!(
                    "#priority {p} (respond by {}, resolve by {})",
                    super::super::local_time(self.t.respond_by, self.policy.timezone),
                    super::super::local_time(self.t.resolve_by, self.policy.timezone)
                ));
            }
            Command::Category(c) => {
                if self.t.category != *c {
                    let from = self.t.category.to_string();
                    self.t.category = *c;
                    self.ev(
                        EventKind::CategoryChanged,
                        Some(from),
                        Some(c.to_string()),
                        None,
                    );
                }
                self.body.applied.push(format!("#category {c}"));
            }
            Command::Status(s) => {
                let changed = self.set_status(*s, None);
                self.body.applied.push(if changed {
                    format!("#status {s}")
                } else {
                    format!("#status {s} (already {s})")
                });
            }
            Command::Kb(action) => {
                // The draft is written by the shell, which looks for this note.
                let note = match action {
                    crate::ticket::command::KbAction::Draft => {
                        crate::ticket::command::KB_DRAFT_NOTE
                    }
                    crate::ticket::command::KbAction::Publish => {
                        crate::ticket::command::KB_PUBLISH_NOTE
                    }
                };
                self.ev(EventKind::Note, None, None, Some(note.to_string()));
                self.body.applied.push(note.to_string());
            }
            Command::Note(text) => {
                self.ev(EventKind::Note, None, None, Some(text.clone()));
                self.body.applied.push("#note (internal)".into());
            }
            Command::Resolve(solution) => {
                self.executed();
                self.t.solution = Some(solution.clone());
                self.ev(EventKind::Solution, None, None, Some(solution.clone()));
                if !self.set_status(Status::Resolved, None) {
                    // Already resolved: a new solution asks again.
                    self.news.push("resolved");
                    self.t.resolved_at = Some(self.now);
                    self.t.reminded_at = None;
                    self.t.awaiting = Awaiting::Confirmation;
                }
                self.body
                    .applied
                    .push("#resolve (the requester is asked to confirm)".into());
            }
            Command::Reopen => {
                if matches!(self.t.status, Status::Resolved | Status::Closed) {
                    self.set_status(Status::Open, Some("reopened by the engineer".into()));
                    self.body.applied.push("#reopen".into());
                } else {
                    let status = self.t.status;
                    self.reject(CommandError {
                        line: "#reopen".into(),
                        reason: format!("ticket is {status}, not resolved or closed"),
                        suggestion: None,
                    });
                }
            }
            Command::Close => {
                let changed = self.set_status(Status::Closed, None);
                self.body.applied.push(if changed {
                    "#close (the requester is asked to rate the service)".into()
                } else {
                    "#close (already closed)".into()
                });
            }
            Command::Cc(addr) => {
                let addr = addr.trim().to_ascii_lowercase();
                let org = self.policy.workflow.organisation.as_ref();
                if let Err(reason) = crate::ticket::organisation::cc_allowed(org, &addr) {
                    self.reject(CommandError {
                        line: format!("#cc {addr}"),
                        reason,
                        suggestion: None,
                    });
                    return;
                }
                if !self.t.cc.contains(&addr) && !addr.eq_ignore_ascii_case(&self.t.requester) {
                    self.t.cc.push(addr.clone());
                    self.ev(EventKind::CcAdded, None, Some(addr.clone()), None);
                }
                self.body.applied.push(format!("#cc {addr}"));
            }
            Command::Help => {
                self.body.help = true;
                self.body.applied.push("#help".into());
            }
            Command::Internal => self.body.applied.push("#internal".into()),
            Command::List => {
                self.body.list = Some(
                    self.ctx
                        .engineer_tickets
                        .iter()
                        .map(|t| mails::list_line(t, self.policy))
                        .collect(),
                );
                self.body.applied.push("#list".into());
            }
            Command::Show(n) => {
                self.body.show = Some(show(*n, self.ctx, self.policy));
                self.body.applied.push(format!("#show {n}"));
            }
            Command::Plan(text) => self.plan(text),
            Command::Approve | Command::Reject(_) => self.reject(CommandError {
                line: command_name(cmd).into(),
                reason: "no plan of this ticket waits for your approval (answer the approval \
                         request mail you received)"
                    .into(),
                suggestion: None,
            }),
        }
    }

    /// `#resolve` (or `#status resolved`) while a medium/high-risk plan is not approved: refused,
    /// with the reason in the receipt.
    pub(super) fn resolve_blocked(&mut self, cmd: &Command) -> bool {
        let Some(why) = self.approval.as_ref().and_then(|a| a.blocks_resolve()) else {
            return false;
        };
        let line = match cmd {
            Command::Resolve(_) => "#resolve",
            _ => "#status resolved",
        };
        self.reject(CommandError {
            line: line.into(),
            reason: format!("refused: {why}"),
            suggestion: None,
        });
        true
    }

    /// Resolving carries out an approved plan: the timeline says so once.
    pub(super) fn executed(&mut self) {
        let Some(a) = self.approval.as_mut() else {
            return;
        };
        if a.executed_at.is_some() || a.outcome() != crate::ticket::approval::Outcome::Approved {
            return;
        }
        a.executed_at = Some(self.now);
        let seq = a.seq;
        self.approval_changed = true;
        self.ev(
            EventKind::PlanExecuted,
            None,
            None,
            Some(format!("approved plan #{seq} carried out")),
        );
    }

    pub(super) fn plan(&mut self, text: &str) {
        match super::super::approval_flow::propose(
            &self.t,
            &self.eng.email,
            text,
            self.approval.as_ref(),
            self.mail,
            self.policy,
            self.now,
        ) {
            Ok(p) => {
                self.events.extend(p.events);
                self.outgoing.extend(p.outgoing);
                self.body.applied.push(p.applied);
                if p.awaiting {
                    self.set_status(
                        Status::AwaitingApproval,
                        Some(format!("plan #{} awaits approval", p.approval.seq)),
                    );
                }
                self.approval = Some(p.approval);
                self.approval_changed = true;
            }
            Err(reason) => self.reject(CommandError {
                line: "#plan".into(),
                reason,
                suggestion: Some("#plan <the work>, then risk:/rollback:/window: lines".into()),
            }),
        }
    }
}
