//! The weekly digest: its slot in the desk's time zone (DST gaps move an hour later, a
//! slot missed by more than a day is skipped, never sent days late), the mail, and its
//! queueing once per period — with an organisation's own digests in the same transaction.

use super::{bare_addresses, org_digest, TimerSettings, Timers};
use crate::report;
use crate::store::Store;
use crate::ticket::lifecycle::{local_time, OutKind, OutgoingMail};
use crate::ticket::model::Timestamp;
use anyhow::Context as _;
use chrono::{Datelike, NaiveDate, NaiveTime, TimeZone, Weekday};
use chrono_tz::Tz;
use serde_json::json;
use tracing::{error, info, warn};

/// A digest that is late by more than this (e.g. the daemon was down) is skipped, not
/// sent days after its slot.
const DIGEST_CATCH_UP: i64 = 86_400;

/// When the weekly digest goes out and to whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DigestSchedule {
    pub weekday: Weekday,
    pub time: NaiveTime,
    /// Length of the reported window, in seconds.
    pub period: i64,
    pub recipients: Vec<String>,
}

/// A digest slot: the period key ("2026-W48") and the instant it is due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DigestSlot {
    pub period: String,
    pub at: Timestamp,
}

fn slot_on(date: NaiveDate, time: NaiveTime, tz: Tz) -> Option<DigestSlot> {
    let local = date.and_time(time);
    // A time that does not exist that day (DST gap) moves one hour later.
    let at = tz
        .from_local_datetime(&local)
        .earliest()
        .or_else(|| {
            tz.from_local_datetime(&(local + chrono::TimeDelta::hours(1)))
                .earliest()
        })?
        .timestamp();
    Some(DigestSlot {
        period: date.format("%G-W%V").to_string(),
        at,
    })
}

/// The latest digest slot at or before `now`, and the one after it. Pure.
pub fn digest_slots(
    now: Timestamp,
    weekday: Weekday,
    time: NaiveTime,
    tz: Tz,
) -> Option<(DigestSlot, DigestSlot)> {
    let today = chrono::DateTime::from_timestamp(now, 0)?
        .with_timezone(&tz)
        .date_naive();
    let back = (today.weekday().num_days_from_monday() + 7 - weekday.num_days_from_monday()) % 7;
    let mut date = today - chrono::TimeDelta::days(i64::from(back));
    let mut slot = slot_on(date, time, tz)?;
    if slot.at > now {
        date -= chrono::TimeDelta::days(7);
        slot = slot_on(date, time, tz)?;
    }
    let next = slot_on(date + chrono::TimeDelta::days(7), time, tz)?;
    Some((slot, next))
}

/// The digest due at `now`, if its slot passed less than a day ago. Pure.
pub fn digest_due(now: Timestamp, d: &DigestSchedule, tz: Tz) -> Option<DigestSlot> {
    let (slot, _) = digest_slots(now, d.weekday, d.time, tz)?;
    (now - slot.at < DIGEST_CATCH_UP).then_some(slot)
}

/// The digest mail of a report. Pure.
pub fn digest_mail(
    r: &report::Report,
    slot: &DigestSlot,
    d: &DigestSchedule,
    s: &TimerSettings,
) -> OutgoingMail {
    let lang = s.language.unwrap_or("en");
    let day = |ts: Timestamp| {
        chrono::DateTime::from_timestamp(ts, 0)
            .map(|t| t.with_timezone(&s.timezone).format("%Y-%m-%d").to_string())
            .unwrap_or_default()
    };
    let subject = if lang == "zh" {
        format!(
            "{}：服务周报 {}（{} 至 {}）",
            s.desk_name,
            slot.period,
            day(r.since),
            day(r.until)
        )
    } else {
        format!(
            "{}: weekly service report {} ({} to {})",
            s.desk_name,
            slot.period,
            day(r.since),
            day(r.until)
        )
    };
    OutgoingMail {
        kind: OutKind::Notice,
        ticket: 0,
        to: bare_addresses(&d.recipients),
        subject,
        template: "digest",
        lang,
        vars: json!({
            "desk_name": s.desk_name,
            "period": slot.period,
            "since": local_time(r.since, s.timezone),
            "until": local_time(r.until, s.timezone),
            "timezone": s.timezone.name(),
            "table": report::render_table(r),
            "report_html": report::render_html(r),
        }),
        in_reply_to: None,
        references: Vec::new(),
        auto_submitted: "auto-generated",
        seed: format!("digest|{}", slot.period),
        reply_to: None,
        message_id: None,
    }
}

pub(super) async fn send_digest(
    store: &Store,
    timers: &Timers,
    d: &DigestSchedule,
    slot: &DigestSlot,
    now: Timestamp,
) -> anyhow::Result<Option<String>> {
    let s = &timers.settings;
    let own = s
        .organisations
        .iter()
        .any(|o| !o.digest_recipients.is_empty());
    if d.recipients.is_empty() && !own {
        // `validate` rules this out; never build a report for nobody on every tick.
        warn!(period = %slot.period, "Digest has no recipients; skipped.");
        return Ok(None);
    }
    let (since, until) = (slot.at - d.period, slot.at);
    let facts = store
        .report_facts(since, until, &s.policy, &s.calendar, s.pause_on_approval)
        .await
        .context("Load report facts")?;
    let digests = org_digest::build(store, s, d, slot, &facts, (since, until)).await?;
    let mail = digest_mail(&digests.desk, slot, d, s);
    let rendered = match timers.renderer.render(&mail, now) {
        Ok(m) => m,
        Err(e) => {
            error!(period = %slot.period, error = %e, "Digest could not be rendered.");
            return Ok(None);
        }
    };
    let mut tx = store.begin().await?;
    if !tx.insert_digest_period(&slot.period, now).await? {
        tx.rollback().await?;
        return Ok(None);
    }
    if !d.recipients.is_empty() {
        tx.insert_outbox(None, "digest", &rendered, now).await?;
    }
    for m in &digests.organisations {
        match timers.renderer.render(m, now) {
            Ok(r) => {
                tx.insert_outbox(None, "digest", &r, now).await?;
            }
            Err(e) => {
                error!(period = %slot.period, error = %e, "Organisation digest could not be rendered.")
            }
        }
    }
    tx.commit().await.context("Commit the digest")?;
    info!(period = %slot.period, to = ?d.recipients, "Weekly digest queued.");
    Ok(Some(slot.period.clone()))
}
