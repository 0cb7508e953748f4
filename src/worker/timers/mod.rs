//! The SLA timer and the weekly digest. One `tick`: load the open tickets with their
//! clock facts and sent keys → `plan` (pure: `ticket::sla::due_alerts` per ticket, the
//! mails and audit events) → ONE transaction that stores each alert key (UNIQUE, so a
//! restart or a second daemon never repeats a notice), its outbox row and its event →
//! the next wake-up. The daemon sleeps until then (capped); cron runs `supportbot tick`.
//! Mails go to engineers and supervisors, never to requesters, and are marked
//! `Auto-Submitted: auto-generated`. It never reads the clock: `now` is a parameter.

use crate::config::Config;
use crate::mail::render::{self, Renderer};
use crate::mail::Address;
use crate::store::{SlaTicket, Store};
use crate::ticket::calendar::Calendar;
use crate::ticket::lifecycle::{local_time, OutKind, OutgoingMail};
use crate::ticket::model::{Event, EventKind, Timestamp};
use crate::ticket::sla::{self, Alert, AlertKey, SlaPolicy};
use anyhow::Context as _;
use chrono_tz::Tz;
use serde_json::json;
use tracing::{error, info};

/// Configured recipient addresses, without display names.
fn bare_addresses(emails: &[String]) -> Vec<Address> {
    emails
        .iter()
        .map(|e| Address {
            name: None,
            email: e.clone(),
        })
        .collect()
}

/// Name of the SLA timer row in the `timers` table.
pub const SLA_TIMER: &str = "sla";

/// Everything the timer decisions depend on, from the config.
#[derive(Debug, Clone)]
pub struct TimerSettings {
    pub policy: SlaPolicy,
    pub calendar: Calendar,
    /// Escalation recipients (supervisors, else `sla.escalate_to`).
    pub supervisors: Vec<String>,
    /// Language of engineer mails; `None` = the ticket's.
    pub language: Option<&'static str>,
    pub desk_name: String,
    /// Zone of the local times in mails and of the digest schedule.
    pub timezone: Tz,
    pub digest: Option<DigestSchedule>,
    /// `[[organisations]]`: a ticket of one is timed by its own targets and calendar.
    pub organisations: Vec<crate::ticket::organisation::Organisation>,
    /// `[workflow] pause_on_approval`: `awaiting approval` stops the resolve clock.
    pub pause_on_approval: bool,
}

impl TimerSettings {
    /// The SLA policy and calendar of a requester's organisation (the desk's by default).
    pub fn for_requester(&self, requester: &str) -> (std::borrow::Cow<'_, SlaPolicy>, &Calendar) {
        let org =
            crate::ticket::organisation::organisation_of(&self.organisations, requester, None);
        let Some(o) = org else {
            return (std::borrow::Cow::Borrowed(&self.policy), &self.calendar);
        };
        let policy = match o.sla {
            Some(t) => {
                let mut p = self.policy.clone();
                for (i, target) in p.targets.iter_mut().enumerate() {
                    target.respond = t.respond.get(i).copied().unwrap_or(target.respond);
                    target.resolve = t.resolve.get(i).copied().unwrap_or(target.resolve);
                }
                std::borrow::Cow::Owned(p)
            }
            None => std::borrow::Cow::Borrowed(&self.policy),
        };
        (policy, o.calendar.as_ref().unwrap_or(&self.calendar))
    }

    pub fn from_config(cfg: &Config) -> anyhow::Result<TimerSettings> {
        let timezone: Tz = cfg
            .general
            .timezone
            .parse()
            .map_err(|e| anyhow::anyhow!("general.timezone: {e}"))?;
        let language = match cfg.sla.language.as_deref() {
            Some("zh") => Some("zh"),
            Some("en") => Some("en"),
            _ => None,
        };
        let digest = match (
            cfg.digest.enabled,
            cfg.digest.weekday(),
            cfg.digest.time_of_day(),
        ) {
            (true, Some(weekday), Some(time)) => Some(DigestSchedule {
                weekday,
                time,
                period: cfg.digest.period.secs(),
                recipients: cfg.digest_recipients(),
            }),
            _ => None,
        };
        Ok(TimerSettings {
            policy: SlaPolicy::from_config(&cfg.sla),
            calendar: cfg.calendar(),
            supervisors: cfg.supervisors(),
            language,
            desk_name: cfg.general.desk_name.clone(),
            timezone,
            digest,
            organisations: cfg.organisations(),
            pause_on_approval: cfg.workflow.pause_on_approval,
        })
    }
}

/// The timer's settings and its own renderer (same templates as the pipeline).
#[derive(Debug)]
pub struct Timers {
    pub settings: TimerSettings,
    pub renderer: Renderer,
}

impl Timers {
    pub fn from_config(cfg: &Config) -> anyhow::Result<Timers> {
        let custom = render::custom_dir(cfg);
        let renderer = Renderer::new(&cfg.from_header(), cfg.support_domain(), custom.as_deref())
            .context("Load templates")?;
        Ok(Timers {
            settings: TimerSettings::from_config(cfg)?,
            renderer,
        })
    }
}

/// One notice to record: its key, the mail (if anyone can receive it) and the event.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedAlert {
    pub ticket: i64,
    pub alert: Alert,
    pub mail: Option<OutgoingMail>,
    pub event: Event,
}

/// What a tick should do, and when the next one is due.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Plan {
    pub alerts: Vec<PlannedAlert>,
    /// Earliest next notice over all tickets, assuming the planned ones are stored.
    pub next_wakeup: Option<Timestamp>,
}

/// Decide the notices due at `now` for `tickets`. Pure.
pub fn plan(tickets: &[SlaTicket], s: &TimerSettings, now: Timestamp) -> Plan {
    let mut out = Plan::default();
    for t in tickets {
        let (policy, calendar) = s.for_requester(&t.requester);
        let due = sla::due_alerts(&t.clock, &policy, calendar, now, &t.sent);
        let mut sent = t.sent.clone();
        for alert in due {
            sent.push(alert.key);
            out.alerts.push(planned(t, alert, s, now));
        }
        let next = sla::next_wakeup(&t.clock, &policy, calendar, now, &sent);
        out.next_wakeup = match (out.next_wakeup, next) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
    out
}

/// What kind of notice a key is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Notice {
    Reminder,
    Escalation,
    Nudge,
}

fn notice(key: AlertKey) -> (Notice, &'static str) {
    match key {
        AlertKey::RespondWarning => (Notice::Reminder, "respond"),
        AlertKey::ResolveWarning => (Notice::Reminder, "resolve"),
        AlertKey::RespondBreach(_) => (Notice::Escalation, "respond"),
        AlertKey::ResolveBreach(_) => (Notice::Escalation, "resolve"),
        AlertKey::KeepInLoop { .. } => (Notice::Nudge, "update"),
    }
}

/// Recipients: reminders and nudges to the assignee (the supervisors while nobody is
/// assigned); escalations to the supervisors (the assignee when none is configured).
fn recipients(t: &SlaTicket, kind: Notice, s: &TimerSettings) -> Vec<String> {
    let assignee: Vec<String> = t.assignee.iter().map(|a| a.to_lowercase()).collect();
    let (first, fallback) = match kind {
        Notice::Escalation => (s.supervisors.clone(), assignee),
        Notice::Reminder | Notice::Nudge => (assignee, s.supervisors.clone()),
    };
    let list = if first.is_empty() { fallback } else { first };
    // Never the requester: these mails talk about them.
    list.into_iter()
        .filter(|a| a.contains('@') && !a.eq_ignore_ascii_case(&t.requester))
        .collect()
}

fn planned(t: &SlaTicket, alert: Alert, s: &TimerSettings, now: Timestamp) -> PlannedAlert {
    let (kind, clock) = notice(alert.key);
    let lang = s.language.unwrap_or_else(|| t.language.template_lang());
    let to = recipients(t, kind, s);
    let local = |ts: Timestamp| local_time(ts, s.timezone);
    let priority = t.clock.priority;
    let repeat = match alert.key {
        AlertKey::RespondBreach(n) | AlertKey::ResolveBreach(n) => n,
        AlertKey::KeepInLoop { n, .. } => n,
        _ => 1,
    };
    let quiet_for = s.policy.keep_in_loop(priority).unwrap_or_default();
    let last_update = t
        .clock
        .last_public_update_at
        .or(t.clock.first_response_at)
        .filter(|u| *u <= now);
    let vars = json!({
        "number": t.number,
        "subject": t.subject,
        "priority": priority.as_str(),
        "priority_zh": priority.zh_name(),
        "category": t.category.as_str(),
        "category_zh": t.category.zh_name(),
        "status": t.status.as_str(),
        "requester": t.requester,
        "assignee": t.assignee.clone().unwrap_or_default(),
        "created_at": local(t.clock.created_at),
        "deadline": local(alert.deadline),
        "clock": clock,
        "clock_zh": match clock { "respond" => "响应", "resolve" => "解决", _ => "进展更新" },
        "left": span(alert.deadline - now, lang),
        "overdue": span(now - alert.deadline, lang),
        "repeat": repeat,
        "quiet_for": span(quiet_for, lang),
        "last_update": last_update.map(local).unwrap_or_default(),
        "timezone": s.timezone.name(),
        "desk_name": s.desk_name,
        "key": alert.key.to_string(),
    });
    let (template, out_kind, event_kind, label) = match (kind, lang) {
        (Notice::Reminder, "zh") => ("reminder", OutKind::Reminder, EventKind::Reminder, "提醒"),
        (Notice::Reminder, _) => (
            "reminder",
            OutKind::Reminder,
            EventKind::Reminder,
            "Reminder",
        ),
        (Notice::Escalation, "zh") => (
            "escalation",
            OutKind::Escalation,
            EventKind::Escalated,
            "升级",
        ),
        (Notice::Escalation, _) => (
            "escalation",
            OutKind::Escalation,
            EventKind::Escalated,
            "Escalation",
        ),
        (Notice::Nudge, "zh") => (
            "nudge",
            OutKind::Reminder,
            EventKind::Reminder,
            "请更新进展",
        ),
        (Notice::Nudge, _) => (
            "nudge",
            OutKind::Reminder,
            EventKind::Reminder,
            "Update due",
        ),
    };
    let what = match (kind, lang) {
        (Notice::Nudge, _) => String::new(),
        (_, "zh") => format!(
            " {priority} {}",
            if clock == "respond" {
                "响应"
            } else {
                "解决"
            }
        ),
        _ => format!(" {priority} {clock}"),
    };
    let subject = format!(
        "[#{}] {label}{what}: {}",
        t.number,
        crate::ticket::lifecycle::strip_reply_prefixes(&t.subject)
    );
    let mail = (!to.is_empty()).then(|| OutgoingMail {
        kind: out_kind,
        ticket: t.number,
        to: bare_addresses(&to),
        subject,
        template,
        lang,
        vars,
        in_reply_to: None,
        references: Vec::new(),
        auto_submitted: "auto-generated",
        // One Message-ID per (ticket, alert key): a replayed tick queues nothing twice.
        seed: format!("sla|{}|{}", t.number, alert.key),
        reply_to: None,
        message_id: None,
    });
    // Without a recipient the key is still recorded, so the notice is not re-planned on
    // every tick; the event says why nobody was told.
    let detail = if to.is_empty() {
        format!(
            "{}: nobody to notify (no assignee, no supervisor configured)",
            alert.key
        )
    } else {
        format!("{}: mailed {}", alert.key, to.join(", "))
    };
    PlannedAlert {
        ticket: t.number,
        alert,
        mail,
        event: Event {
            at: now,
            actor: "supportbot".into(),
            kind: event_kind,
            from_value: None,
            to_value: Some(alert.key.to_string()),
            detail: Some(detail),
            message_id: None,
        },
    }
}

/// A wall-clock span for people: "45 min", "2 h 05 min", "3 d 4 h" / "45 分钟" …
pub fn span(secs: i64, lang: &str) -> String {
    let zh = lang == "zh";
    let s = secs.max(0);
    if s < 60 {
        return if zh {
            "不到 1 分钟".into()
        } else {
            "under a minute".into()
        };
    }
    let (d, h, m) = (s / 86_400, s % 86_400 / 3600, s % 3600 / 60);
    match (d, h, m, zh) {
        (0, 0, m, false) => format!("{m} min"),
        (0, 0, m, true) => format!("{m} 分钟"),
        (0, h, 0, false) => format!("{h} h"),
        (0, h, 0, true) => format!("{h} 小时"),
        (0, h, m, false) => format!("{h} h {m:02} min"),
        (0, h, m, true) => format!("{h} 小时 {m} 分钟"),
        (d, 0, _, false) => format!("{d} d"),
        (d, 0, _, true) => format!("{d} 天"),
        (d, h, _, false) => format!("{d} d {h} h"),
        (d, h, _, true) => format!("{d} 天 {h} 小时"),
    }
}

/// One notice the tick recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentAlert {
    pub ticket: i64,
    pub key: AlertKey,
    /// Who the mail went to (empty: recorded without a mail).
    pub to: Vec<String>,
    /// Whether an outbox row was added.
    pub queued: bool,
}

/// What a tick did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TickReport {
    pub open_tickets: usize,
    pub sent: Vec<SentAlert>,
    /// Notices another tick or daemon had recorded first.
    pub already_sent: usize,
    /// Next SLA notice due, if any.
    pub next_wakeup: Option<Timestamp>,
    /// Digest period queued by this tick.
    pub digest: Option<String>,
    /// Next digest slot, when the digest is enabled.
    pub next_digest: Option<Timestamp>,
}

impl TickReport {
    /// When the next tick has something to do.
    pub fn wake_at(&self) -> Option<Timestamp> {
        match (self.next_wakeup, self.next_digest) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }
}

/// Run the timer once at `now`: queue due notices and, on its slot, the digest.
pub async fn tick(store: &Store, timers: &Timers, now: Timestamp) -> anyhow::Result<TickReport> {
    let tickets = store
        .load_sla_tickets(timers.settings.pause_on_approval)
        .await
        .context("Load open tickets")?;
    let plan = plan(&tickets, &timers.settings, now);
    let mut report = TickReport {
        open_tickets: tickets.len(),
        next_wakeup: plan.next_wakeup,
        ..TickReport::default()
    };
    // An idle tick writes nothing: no write lock taken once a minute for no change.
    let unchanged =
        plan.alerts.is_empty() && store.load_timer(SLA_TIMER).await? == plan.next_wakeup;
    if !unchanged {
        record(store, timers, &plan, now, &mut report).await?;
    }
    if let Some(d) = &timers.settings.digest {
        let tz = timers.settings.timezone;
        report.next_digest = digest_slots(now, d.weekday, d.time, tz).map(|(_, next)| next.at);
        if let Some(slot) = digest_due(now, d, tz) {
            if !store.digest_sent(&slot.period).await? {
                report.digest = send_digest(store, timers, d, &slot, now).await?;
            }
        }
    }
    Ok(report)
}

/// Store the planned notices, their mails and events, and the next wake-up, in one
/// transaction.
async fn record(
    store: &Store,
    timers: &Timers,
    plan: &Plan,
    now: Timestamp,
    report: &mut TickReport,
) -> anyhow::Result<()> {
    let mut tx = store.begin().await.context("Begin the timer transaction")?;
    for p in &plan.alerts {
        if !tx.insert_alert_key(p.ticket, &p.alert.key, now).await? {
            report.already_sent += 1;
            continue;
        }
        let mut queued = false;
        if let Some(mail) = &p.mail {
            match timers.renderer.render(mail, now) {
                Ok(rendered) => {
                    queued = tx
                        .insert_outbox(Some(p.ticket), mail.kind.as_str(), &rendered, now)
                        .await?;
                }
                // The operator fixes the template; the key stays so nothing loops.
                Err(e) => {
                    error!(ticket = p.ticket, key = %p.alert.key, error = %e, "SLA notice could not be rendered.")
                }
            }
        }
        tx.insert_events(p.ticket, std::slice::from_ref(&p.event))
            .await?;
        report.sent.push(SentAlert {
            ticket: p.ticket,
            key: p.alert.key,
            to: p
                .mail
                .as_ref()
                .map(|m| m.to.iter().map(|a| a.email.clone()).collect())
                .unwrap_or_default(),
            queued,
        });
    }
    tx.set_timer(SLA_TIMER, plan.next_wakeup, now).await?;
    tx.commit().await.context("Commit SLA notices")?;
    for s in &report.sent {
        info!(ticket = s.ticket, key = %s.key, to = ?s.to, "SLA notice queued.");
    }
    Ok(())
}

mod digest;
mod org_digest;
use digest::send_digest;
pub use digest::{digest_due, digest_mail, digest_slots, DigestSchedule, DigestSlot};
#[cfg(test)]
mod tests;
