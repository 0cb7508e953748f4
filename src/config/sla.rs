//! `[sla]` targets, keep-in-loop nudges and the weekly `[digest]`.

use super::{dur, Dur};
use crate::ticket::model::Priority;
use serde::Deserialize;

/// Respond and resolve targets of one priority.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub respond: Dur,
    pub resolve: Dur,
}

/// `[sla]` with its `[sla.P1]` … `[sla.P4]` targets.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Sla {
    #[serde(rename = "P1")]
    pub p1: Target,
    #[serde(rename = "P2")]
    pub p2: Target,
    #[serde(rename = "P3")]
    pub p3: Target,
    #[serde(rename = "P4")]
    pub p4: Target,
    /// Fraction of a target after which the assignee is reminded (0.75); 0 = never.
    pub warn_ratio: f64,
    /// Working time between two escalations while a deadline stays breached; "0s" =
    /// escalate once.
    pub escalation_repeat: Dur,
    /// `[sla.keep_in_loop]`: nudge the assignee when the requester had no public update
    /// for this long (P1 "1h", P2 "2h"; P3/P4 off unless set).
    pub keep_in_loop: KeepInLoop,
    /// Where escalations and the digest go when no `[[engineers]]` supervisor exists.
    pub escalate_to: Vec<String>,
    /// Language of reminder/escalation mails to engineers ("zh" or "en"); absent: the
    /// ticket's language.
    pub language: Option<String>,
}

/// `[sla.keep_in_loop]`: keep-in-loop interval per priority; absent or "0s" = off.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct KeepInLoop {
    #[serde(rename = "P1")]
    pub p1: Option<Dur>,
    #[serde(rename = "P2")]
    pub p2: Option<Dur>,
    #[serde(rename = "P3")]
    pub p3: Option<Dur>,
    #[serde(rename = "P4")]
    pub p4: Option<Dur>,
}

impl Default for KeepInLoop {
    fn default() -> Self {
        KeepInLoop {
            p1: Some(dur(3600)),
            p2: Some(dur(2 * 3600)),
            p3: None,
            p4: None,
        }
    }
}

impl KeepInLoop {
    /// Interval of one priority in seconds; `None` = no nudges.
    pub fn secs(&self, p: Priority) -> Option<i64> {
        match p {
            Priority::P1 => self.p1,
            Priority::P2 => self.p2,
            Priority::P3 => self.p3,
            Priority::P4 => self.p4,
        }
        .map(Dur::secs)
        .filter(|s| *s > 0)
    }
}

/// `[digest]`: the weekly service report to the supervisors.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Digest {
    pub enabled: bool,
    /// Day of the week it goes out ("mon" … "sun").
    pub weekday: String,
    /// Local time of day ("HH:MM") in `general.timezone`.
    pub time: String,
    /// Recipients; empty = the supervisors (or `sla.escalate_to`).
    pub recipients: Vec<String>,
    /// Length of the reported period, ending when the digest is sent.
    pub period: Dur,
}

impl Default for Digest {
    fn default() -> Self {
        Digest {
            enabled: false,
            weekday: "mon".into(),
            time: "08:00".into(),
            recipients: Vec::new(),
            period: dur(7 * 86_400),
        }
    }
}

impl Digest {
    /// The weekday, if valid.
    pub fn weekday(&self) -> Option<chrono::Weekday> {
        self.weekday.trim().parse().ok()
    }
    /// The time of day, if valid.
    pub fn time_of_day(&self) -> Option<chrono::NaiveTime> {
        chrono::NaiveTime::parse_from_str(self.time.trim(), "%H:%M").ok()
    }
}

impl Default for Sla {
    fn default() -> Self {
        let t = |r, s| Target {
            respond: dur(r),
            resolve: dur(s),
        };
        Sla {
            p1: t(15 * 60, 2 * 3600),
            p2: t(30 * 60, 4 * 3600),
            p3: t(2 * 3600, 8 * 3600),
            p4: t(4 * 3600, 24 * 3600),
            warn_ratio: 0.75,
            escalation_repeat: dur(3600),
            keep_in_loop: KeepInLoop::default(),
            escalate_to: Vec::new(),
            language: None,
        }
    }
}

impl Sla {
    pub fn target(&self, p: Priority) -> Target {
        match p {
            Priority::P1 => self.p1,
            Priority::P2 => self.p2,
            Priority::P3 => self.p3,
            Priority::P4 => self.p4,
        }
    }
}
