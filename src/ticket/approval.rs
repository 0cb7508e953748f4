//! Change approval for risky work: an engineer's written plan (`#plan` / `#方案` with `risk:`,
//! `rollback:`, `window:` lines), who must sign it off, their answers, and the reminder and
//! escalation of an unanswered request, as a pure state machine over [`Approval`].
//!
//! States: a plan is *proposed*; a low-risk plan needs nothing; a medium- or high-risk plan is
//! *pending* until a supervisor approves it (and, for high risk with `customer_consent`, the
//! requester too), and *rejected* as soon as any addressed approver says no. Only the addressed
//! approvers' votes count, and the caller must have authenticated the mail first (reply token or
//! trusted DKIM/DMARC, exactly like engineer commands); this module records who, when and how.
//! A new plan replaces the previous one. Timers are functions of `(approval, policy, now)` like
//! `ticket::sla`. Nothing here reads the clock, the database or the network, and nothing panics
//! on input.

use super::model::Timestamp;
use super::reply::{fold_char, fresh_lines, is_blank, strip_lead};
use serde::{Deserialize, Serialize};

/// How risky a plan is; `medium` and `high` need approval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Risk {
    Low,
    Medium,
    High,
}

impl Risk {
    pub fn as_str(self) -> &'static str {
        match self {
            Risk::Low => "low",
            Risk::Medium => "medium",
            Risk::High => "high",
        }
    }
    /// Chinese name, for mails to Chinese readers.
    pub fn zh_name(self) -> &'static str {
        match self {
            Risk::Low => "低",
            Risk::Medium => "中",
            Risk::High => "高",
        }
    }
    fn parse(value: &str) -> Option<Risk> {
        let v: String = value.trim().chars().map(fold_char).collect();
        let v = v.trim_end_matches(['.', '。']).trim();
        match v {
            "low" | "低" | "低风险" => Some(Risk::Low),
            "medium" | "med" | "middle" | "中" | "中等" | "中风险" => Some(Risk::Medium),
            "high" | "高" | "高风险" => Some(Risk::High),
            _ => None,
        }
    }
}

/// The `[workflow]` approval settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ApprovalPolicy {
    /// High-risk plans also need the requester's consent.
    pub customer_consent: bool,
    /// The SLA resolve clock stops while a ticket awaits approval.
    pub pause_on_approval: bool,
    /// Seconds an approver has before the request is escalated (reminder at 75 %).
    pub timeout: i64,
}

impl Default for ApprovalPolicy {
    fn default() -> Self {
        ApprovalPolicy {
            customer_consent: true,
            pause_on_approval: false,
            timeout: 4 * 3600,
        }
    }
}

/// A written plan for risky work.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// What will be done.
    pub text: String,
    pub risk: Risk,
    /// `false` when no `risk:` line was given (the plan is then treated as medium risk).
    pub risk_stated: bool,
    pub rollback: Option<String>,
    /// The maintenance window as written (`2026-12-05 22:00-23:00`).
    pub window: Option<String>,
}

/// Who is asked to sign a plan off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Supervisor,
    Requester,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Supervisor => "supervisor",
            Role::Requester => "requester",
        }
    }
}

/// One addressed approver.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Approver {
    /// Lower-case address.
    pub email: String,
    pub role: Role,
}

/// One recorded answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vote {
    pub approver: String,
    pub role: Role,
    pub approve: bool,
    pub reason: Option<String>,
    pub at: Timestamp,
    /// How the mail was authenticated (`reply token`, `mx.example.com dkim=pass`).
    pub proof: String,
    /// The mail that carried the answer.
    pub message_id: String,
}

/// Where a plan stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Low risk: nobody has to sign it off.
    NotNeeded,
    Pending,
    Approved,
    Rejected,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::NotNeeded => "not_needed",
            Outcome::Pending => "pending",
            Outcome::Approved => "approved",
            Outcome::Rejected => "rejected",
        }
    }
}

/// The latest plan of a ticket and its sign-off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Approval {
    /// 1 for the ticket's first plan, 2 for the next …
    pub seq: u32,
    pub plan: Plan,
    /// The engineer who proposed it.
    pub proposed_by: String,
    pub proposed_at: Timestamp,
    pub approvers: Vec<Approver>,
    pub votes: Vec<Vote>,
    /// Reminders sent for this request (at most one).
    pub reminders: u32,
    /// Escalations sent for this request (at most one).
    pub escalations: u32,
    /// When the approved work was carried out (the ticket was resolved).
    pub executed_at: Option<Timestamp>,
}

/// A reply to an approval request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Approve,
    Reject(Option<String>),
}

/// Why a vote was not recorded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VoteError {
    #[error("{0} was not asked to approve this plan")]
    NotAnApprover(String),
    #[error("plan #{seq} is already {outcome}")]
    Decided { seq: u32, outcome: &'static str },
}

/// A timer step of a pending request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimerStep {
    /// Remind the approvers who have not answered (75 % of the timeout).
    Remind,
    /// The timeout passed: escalate to every supervisor and the assignee.
    Escalate,
}

const FIELD_KEYS: &[(&str, Field)] = &[
    ("risk", Field::Risk),
    ("风险", Field::Risk),
    ("rollback", Field::Rollback),
    ("回退", Field::Rollback),
    ("回滚", Field::Rollback),
    ("window", Field::Window),
    ("窗口", Field::Window),
    ("时间窗口", Field::Window),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Risk,
    Rollback,
    Window,
}

fn field_line(line: &str) -> Option<(Field, String)> {
    let s = strip_lead(line);
    let (key, value) = s.split_once([':', '：'])?;
    let key: String = key.trim().chars().map(fold_char).collect();
    let key = key.to_lowercase();
    let field = FIELD_KEYS.iter().find(|(k, _)| *k == key)?.1;
    Some((field, value.trim().to_string()))
}

/// Whether `line` is a `risk:`/`rollback:`/`window:` line (also in Chinese) of a plan.
pub fn is_plan_field(line: &str) -> bool {
    field_line(line).is_some()
}

/// Parse the text of `#plan`: the plan itself plus optional `risk:` (`风险：`), `rollback:`
/// (`回退：`) and `window:` (`窗口：`) lines in any order. A plan without a `risk:` line counts
/// as medium risk (it needs approval): the safe reading of a risk nobody stated.
pub fn parse_plan(text: &str) -> Result<Plan, String> {
    let mut plan = Plan {
        text: String::new(),
        risk: Risk::Medium,
        risk_stated: false,
        rollback: None,
        window: None,
    };
    let mut body: Vec<&str> = Vec::new();
    for line in text.lines() {
        match field_line(line) {
            Some((Field::Risk, v)) => match Risk::parse(&v) {
                Some(r) => {
                    plan.risk = r;
                    plan.risk_stated = true;
                }
                None => {
                    return Err(format!(
                        "risk must be high, medium or low (高 中 低), not {:?}",
                        v.chars().take(40).collect::<String>()
                    ))
                }
            },
            Some((Field::Rollback, v)) if !v.is_empty() => plan.rollback = Some(v),
            Some((Field::Window, v)) if !v.is_empty() => plan.window = Some(v),
            Some(_) => {}
            None if !is_blank(line) => body.push(line.trim()),
            None => {}
        }
    }
    plan.text = body.join("\n");
    if plan.text.is_empty() {
        return Err("the plan needs a description of the work".into());
    }
    Ok(plan)
}

const APPROVE_WORDS: &[&str] = &[
    "approve", "approved", "approval", "ok to go", "同意", "批准", "通过", "准许",
];
const REJECT_WORDS: &[&str] = &[
    "reject",
    "rejected",
    "deny",
    "denied",
    "decline",
    "不同意",
    "不批准",
    "拒绝",
    "驳回",
];

/// Read an approver's answer from the first fresh line of a reply: `approve` / `同意` / `批准` /
/// `#approve`, or `reject <reason>` / `不同意 …` / `#reject …` (the reason may continue on the
/// following lines of the paragraph). Anything else is no answer.
pub fn parse_answer(text: &str) -> Option<Answer> {
    let lines = fresh_lines(text);
    let mut rest = lines.iter().skip_while(|l| is_blank(l));
    let first = rest.next()?;
    let s = strip_lead(first);
    let s = s
        .strip_prefix('#')
        .or_else(|| s.strip_prefix('＃'))
        .unwrap_or(s);
    // Matched on the folded text (full-width to ASCII, lower case); the reason is cut from
    // the original at the same char position (folding is one char for one char), so it keeps
    // its capitals and its full-width punctuation.
    let original = s.trim();
    let lower: String = original.chars().map(fold_char).collect();
    let word_at = |words: &[&str]| {
        words
            .iter()
            .filter(|w| lower.starts_with(*w))
            .filter(|w| {
                // "approve" must be a word of its own: "approvers" is not an answer.
                let after = lower.get(w.len()..).unwrap_or_default();
                !after
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic())
            })
            .max_by_key(|w| w.len())
            .map(|w| w.chars().count())
    };
    // "不同意" contains "同意": the refusals are looked for first.
    if let Some(n) = word_at(REJECT_WORDS) {
        let mut reason = original
            .chars()
            .skip(n)
            .collect::<String>()
            .trim_start_matches([':', '：', ',', '，', ' '])
            .trim()
            .to_string();
        for l in rest.take_while(|l| !is_blank(l)) {
            if !reason.is_empty() {
                reason.push(' ');
            }
            reason.push_str(l.trim());
        }
        let reason: String = reason
            .chars()
            .filter(|c| !c.is_control())
            .take(500)
            .collect();
        let reason = reason.trim().to_string();
        return Some(Answer::Reject((!reason.is_empty()).then_some(reason)));
    }
    let n = word_at(APPROVE_WORDS)?;
    // "approve" alone, or with a short sign-off ("approve, thanks", "同意。").
    let tail: String = lower.chars().skip(n).collect();
    (tail.trim().chars().count() <= 40).then_some(Answer::Approve)
}

/// Who must approve a plan of `risk` proposed by `proposer`: every supervisor but the proposer
/// (any one of them suffices), plus the requester for high risk when `customer_consent`.
pub fn approvers_for(
    risk: Risk,
    proposer: &str,
    supervisors: &[String],
    requester: &str,
    policy: &ApprovalPolicy,
) -> Vec<Approver> {
    if risk == Risk::Low {
        return Vec::new();
    }
    let mut out: Vec<Approver> = supervisors
        .iter()
        .map(|s| s.trim().to_ascii_lowercase())
        .filter(|s| !s.eq_ignore_ascii_case(proposer.trim()))
        .map(|email| Approver {
            email,
            role: Role::Supervisor,
        })
        .collect();
    out.dedup();
    if risk == Risk::High && policy.customer_consent && requester.contains('@') {
        out.push(Approver {
            email: requester.trim().to_ascii_lowercase(),
            role: Role::Requester,
        });
    }
    out
}

impl Approval {
    /// A freshly proposed plan (the previous plan of the ticket, if any, had number `seq - 1`).
    pub fn propose(
        seq: u32,
        plan: Plan,
        proposed_by: &str,
        approvers: Vec<Approver>,
        now: Timestamp,
    ) -> Approval {
        Approval {
            seq,
            plan,
            proposed_by: proposed_by.trim().to_ascii_lowercase(),
            proposed_at: now,
            approvers,
            votes: Vec::new(),
            reminders: 0,
            escalations: 0,
            executed_at: None,
        }
    }

    fn roles(&self) -> Vec<Role> {
        let mut roles: Vec<Role> = self.approvers.iter().map(|a| a.role).collect();
        roles.dedup();
        roles
    }

    /// Where the plan stands: rejected by any refusal; approved once every role (supervisor,
    /// requester) has an approval; not needed for low risk.
    pub fn outcome(&self) -> Outcome {
        if self.plan.risk == Risk::Low {
            return Outcome::NotNeeded;
        }
        if self.votes.iter().any(|v| !v.approve) {
            return Outcome::Rejected;
        }
        let roles = self.roles();
        let all = !roles.is_empty()
            && roles
                .iter()
                .all(|r| self.votes.iter().any(|v| v.approve && v.role == *r));
        if all {
            Outcome::Approved
        } else {
            Outcome::Pending
        }
    }

    /// When the plan was approved or rejected.
    pub fn decided_at(&self) -> Option<Timestamp> {
        match self.outcome() {
            Outcome::Approved | Outcome::Rejected => self.votes.iter().map(|v| v.at).max(),
            _ => None,
        }
    }

    /// The addressed approver with this address.
    pub fn approver(&self, email: &str) -> Option<&Approver> {
        self.approvers
            .iter()
            .find(|a| a.email.eq_ignore_ascii_case(email.trim()))
    }

    /// The approvers whose answer is still needed (a role already approved needs no one else).
    pub fn waiting_for(&self) -> Vec<&Approver> {
        if self.outcome() != Outcome::Pending {
            return Vec::new();
        }
        self.approvers
            .iter()
            .filter(|a| !self.votes.iter().any(|v| v.approve && v.role == a.role))
            .collect()
    }

    /// Record an authenticated answer of `email` (`proof` says how it was authenticated).
    pub fn vote(
        &self,
        email: &str,
        answer: &Answer,
        proof: &str,
        message_id: &str,
        now: Timestamp,
    ) -> Result<Approval, VoteError> {
        let approver = self
            .approver(email)
            .ok_or_else(|| VoteError::NotAnApprover(email.trim().to_ascii_lowercase()))?;
        let outcome = self.outcome();
        if outcome != Outcome::Pending {
            return Err(VoteError::Decided {
                seq: self.seq,
                outcome: outcome.as_str(),
            });
        }
        let mut next = self.clone();
        next.votes.push(Vote {
            approver: approver.email.clone(),
            role: approver.role,
            approve: matches!(answer, Answer::Approve),
            reason: match answer {
                Answer::Reject(r) => r.clone(),
                Answer::Approve => None,
            },
            at: now,
            proof: proof.to_string(),
            message_id: message_id.to_string(),
        });
        Ok(next)
    }

    /// Why `#resolve` must wait, if it must: a medium/high-risk plan that is not approved.
    pub fn blocks_resolve(&self) -> Option<String> {
        match self.outcome() {
            Outcome::Pending => Some(format!(
                "plan #{} ({} risk) is awaiting approval from {}",
                self.seq,
                self.plan.risk.as_str(),
                self.waiting_for()
                    .iter()
                    .map(|a| format!("{} ({})", a.email, a.role.as_str()))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            Outcome::Rejected => {
                let v = self.votes.iter().find(|v| !v.approve);
                Some(format!(
                    "plan #{} ({} risk) was rejected by {}{}; propose a new plan with #plan",
                    self.seq,
                    self.plan.risk.as_str(),
                    v.map_or("an approver", |v| v.approver.as_str()),
                    v.and_then(|v| v.reason.as_deref())
                        .map(|r| format!(": {r}"))
                        .unwrap_or_default()
                ))
            }
            Outcome::Approved | Outcome::NotNeeded => None,
        }
    }

    /// The next instant a timer step is due, `None` when nothing is pending.
    pub fn next_due(&self, policy: &ApprovalPolicy) -> Option<Timestamp> {
        if self.outcome() != Outcome::Pending || policy.timeout <= 0 {
            return None;
        }
        if self.reminders == 0 {
            Some(self.proposed_at + policy.timeout * 3 / 4)
        } else if self.escalations == 0 {
            Some(self.proposed_at + policy.timeout)
        } else {
            None
        }
    }

    /// What is due at `now`: after the timeout an escalation (a late timer skips the reminder),
    /// from 75 % a reminder. The caller records the step with [`Approval::after_step`].
    pub fn on_timer(&self, policy: &ApprovalPolicy, now: Timestamp) -> Option<TimerStep> {
        let due = self.next_due(policy)?;
        if now < due {
            return None;
        }
        if self.escalations == 0 && now >= self.proposed_at + policy.timeout {
            Some(TimerStep::Escalate)
        } else {
            Some(TimerStep::Remind)
        }
    }

    /// The approval after `step` went out.
    pub fn after_step(&self, step: TimerStep) -> Approval {
        let mut next = self.clone();
        match step {
            TimerStep::Remind => next.reminders = next.reminders.saturating_add(1),
            TimerStep::Escalate => {
                next.reminders = next.reminders.max(1);
                next.escalations = next.escalations.saturating_add(1);
            }
        }
        next
    }

    /// Seconds from proposal to decision, for the report's median time to approve.
    pub fn time_to_decide(&self) -> Option<i64> {
        self.decided_at().map(|d| d - self.proposed_at)
    }
}

#[cfg(test)]
#[path = "approval_tests.rs"]
mod tests;
