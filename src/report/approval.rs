//! The report's change-approval and organisation figures, and the plans of `tickets show`.
//! PURE, like the rest of `report`: the store loads the plans and the ticket → organisation
//! map, the shell writes the output.
//!
//! Definitions: *requested* = plans that needed approval (medium or high risk) proposed in
//! the window; *approved* / *rejected* / *pending* = where those plans stand at the end of
//! the window (a decision after `until` counts as pending); *time to approve* = proposal to
//! approval of the approved ones, median and p90 by nearest rank. The per-organisation table
//! runs the whole report over each organisation's tickets (the desk's own under `(desk)`).

use super::render::fmt_dur as dur;
use super::{build_report, percentile, Group, Report, TicketFacts, TimeStats};
use crate::ticket::approval::{Approval, Outcome};
use crate::ticket::model::Timestamp;
use crate::ticket::organisation::DESK_DEFAULT as DESK;
use crate::view::rfc3339;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::fmt::Write as _;

/// Approval figures over a window.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApprovalStats {
    pub requested: u64,
    pub approved: u64,
    pub rejected: u64,
    pub pending: u64,
    pub time_to_approve: TimeStats,
}

/// The figures of `plans` (those proposed in the window, any risk) as known at `until`.
pub fn build_approvals(plans: &[Approval], until: Timestamp) -> ApprovalStats {
    let mut s = ApprovalStats::default();
    let mut waits = Vec::new();
    for a in plans.iter().filter(|a| a.outcome() != Outcome::NotNeeded) {
        s.requested += 1;
        match (a.outcome(), a.decided_at()) {
            (Outcome::Approved, Some(at)) if at <= until => {
                s.approved += 1;
                waits.extend(a.time_to_decide());
            }
            (Outcome::Rejected, Some(at)) if at <= until => s.rejected += 1,
            _ => s.pending += 1,
        }
    }
    waits.sort_unstable();
    s.time_to_approve = TimeStats {
        count: waits.len() as u64,
        median_secs: percentile(&waits, 50),
        p90_secs: percentile(&waits, 90),
    };
    s
}

/// One group per organisation in `names` order, then `(desk)`: the whole report's overall
/// figures over that organisation's tickets. `org_of`: ticket number → organisation name
/// (absent = the desk's).
pub fn by_organisation(
    facts: &[TicketFacts],
    org_of: &HashMap<u64, String>,
    names: &[String],
    since: Timestamp,
    until: Timestamp,
) -> Vec<Group> {
    names
        .iter()
        .map(String::as_str)
        .chain(std::iter::once(DESK))
        .map(|name| {
            let mine: Vec<TicketFacts> = facts
                .iter()
                .filter(|f| org_of.get(&f.number).map_or(DESK, String::as_str) == name)
                .cloned()
                .collect();
            Group {
                name: name.to_string(),
                stats: build_report(&mine, since, until).overall,
            }
        })
        .collect()
}

/// The report of `only` (an organisation name or `(desk)`), or of everything with one row per
/// organisation when the desk has any (`names`, in configuration order): the ticket figures,
/// the per-organisation table and the approval figures of the same tickets. `plans`: (ticket,
/// plan) proposed in the window; `org_of`: ticket → organisation (absent = the desk's).
pub fn organisation_report(
    facts: &[TicketFacts],
    plans: &[(i64, Approval)],
    org_of: &HashMap<u64, String>,
    names: &[String],
    only: Option<&str>,
    since: Timestamp,
    until: Timestamp,
) -> Report {
    let of = |n: u64| org_of.get(&n).map_or(DESK, String::as_str);
    let mine: Vec<TicketFacts> = facts
        .iter()
        .filter(|f| only.is_none_or(|o| of(f.number) == o))
        .cloned()
        .collect();
    let mut r = build_report(&mine, since, until);
    if only.is_none() && !names.is_empty() {
        r.by_organisation = by_organisation(facts, org_of, names, since, until);
    }
    let plans: Vec<Approval> = plans
        .iter()
        .filter(|(n, _)| only.is_none_or(|o| u64::try_from(*n).is_ok_and(|n| of(n) == o)))
        .map(|(_, a)| a.clone())
        .collect();
    r.approvals = Some(build_approvals(&plans, until));
    r
}

/// The text section of the table report.
pub fn render_text(a: &ApprovalStats) -> String {
    format!(
        "Change approval\n  requested {}   approved {}   rejected {}   pending {}   \
         time to approve median {} p90 {}\n",
        a.requested,
        a.approved,
        a.rejected,
        a.pending,
        dur(a.time_to_approve.median_secs),
        dur(a.time_to_approve.p90_secs)
    )
}

/// CSV rows (`scope` = approval), after the report's own; durations in seconds.
pub fn render_csv(a: &ApprovalStats) -> String {
    let opt = |v: Option<i64>| v.map(|x| x.to_string()).unwrap_or_default();
    format!(
        "approval,requested,{}\r\napproval,approved,{}\r\napproval,rejected,{}\r\n\
         approval,pending,{}\r\napproval,time_to_approve_median_secs,{}\r\n\
         approval,time_to_approve_p90_secs,{}\r\n",
        a.requested,
        a.approved,
        a.rejected,
        a.pending,
        opt(a.time_to_approve.median_secs),
        opt(a.time_to_approve.p90_secs)
    )
}

/// The HTML section (numbers only, nothing to escape).
pub fn render_html(a: &ApprovalStats) -> String {
    let mut out = String::from(
        "<h2>Change approval</h2><div class=\"scroll\"><table><thead><tr><th>requested</th>\
         <th>approved</th><th>rejected</th><th>pending</th><th>time to approve (median)</th>\
         <th>p90</th></tr></thead><tbody><tr>",
    );
    for cell in [
        a.requested.to_string(),
        a.approved.to_string(),
        a.rejected.to_string(),
        a.pending.to_string(),
        dur(a.time_to_approve.median_secs),
        dur(a.time_to_approve.p90_secs),
    ] {
        let _ = write!(out, "<td class=\"num\">{cell}</td>");
    }
    out.push_str("</tr></tbody></table></div>\n");
    out
}

/// The plans of one ticket for `tickets show --json`: each with its outcome and votes.
pub fn plans_json(plans: &[Approval]) -> Value {
    Value::Array(
        plans
            .iter()
            .map(|a| {
                json!({
                    "seq": a.seq,
                    "plan": a.plan.text,
                    "risk": a.plan.risk.as_str(),
                    "rollback": a.plan.rollback,
                    "window": a.plan.window,
                    "proposed_by": a.proposed_by,
                    "proposed_at": rfc3339(a.proposed_at),
                    "outcome": a.outcome().as_str(),
                    "approvers": a.approvers.iter().map(|p| json!({"email": p.email, "role": p.role.as_str()})).collect::<Vec<_>>(),
                    "votes": a.votes.iter().map(|v| json!({
                        "approver": v.approver, "role": v.role.as_str(),
                        "answer": if v.approve { "approved" } else { "rejected" },
                        "reason": v.reason, "at": rfc3339(v.at), "proof": v.proof,
                        "message_id": v.message_id,
                    })).collect::<Vec<_>>(),
                    "executed_at": a.executed_at.map(rfc3339),
                })
            })
            .collect(),
    )
}

/// The plans of one ticket for `tickets show` (nothing when it has none).
pub fn plans_text(plans: &[Approval]) -> String {
    let mut o = String::new();
    if plans.is_empty() {
        return o;
    }
    o.push_str("\nPlans:\n");
    let clean = |s: &str| s.replace(['\n', '\r'], " / ");
    for a in plans {
        let _ = writeln!(
            o,
            "  #{} {} risk, {} — proposed by {} at {}: {}",
            a.seq,
            a.plan.risk.as_str(),
            a.outcome().as_str(),
            a.proposed_by,
            rfc3339(a.proposed_at),
            clean(&a.plan.text)
        );
        if let Some(r) = &a.plan.rollback {
            let _ = writeln!(o, "     rollback: {}", clean(r));
        }
        if let Some(w) = &a.plan.window {
            let _ = writeln!(o, "     window: {}", clean(w));
        }
        for v in &a.votes {
            let _ = writeln!(
                o,
                "     {} {} {} at {} ({}){}",
                v.role.as_str(),
                v.approver,
                if v.approve { "approved" } else { "rejected" },
                rfc3339(v.at),
                v.proof,
                v.reason
                    .as_deref()
                    .map(|r| format!(": {}", clean(r)))
                    .unwrap_or_default()
            );
        }
        let waiting: Vec<&str> = a.waiting_for().iter().map(|w| w.email.as_str()).collect();
        if a.outcome() == Outcome::Pending && !waiting.is_empty() {
            let _ = writeln!(o, "     waiting for: {}", waiting.join(", "));
        }
        if let Some(at) = a.executed_at {
            let _ = writeln!(o, "     carried out at {}", rfc3339(at));
        }
    }
    o
}

#[cfg(test)]
#[path = "approval_tests.rs"]
mod tests;
