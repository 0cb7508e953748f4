//! `[[organisations]]`: one desk serving several customer organisations, each with its own
//! requester domains, mailbox, engineers, language, calendar, SLA targets, digest recipients
//! and Cc allowance. Parsing, validation (every problem at once) and the conversion into the
//! pure core's [`crate::ticket::organisation::Organisation`].

use super::{Config, Target};
use crate::ticket::calendar::{Calendar, CalendarConfig};
use crate::ticket::lifecycle::SlaTargets;
use crate::ticket::model::Priority;
use serde::Deserialize;

/// `[organisations.sla]`: targets overriding the desk's, per priority (absent: the desk's).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct OrganisationSla {
    #[serde(rename = "P1")]
    pub p1: Option<Target>,
    #[serde(rename = "P2")]
    pub p2: Option<Target>,
    #[serde(rename = "P3")]
    pub p3: Option<Target>,
    #[serde(rename = "P4")]
    pub p4: Option<Target>,
}

impl OrganisationSla {
    fn get(&self, p: Priority) -> Option<Target> {
        match p {
            Priority::P1 => self.p1,
            Priority::P2 => self.p2,
            Priority::P3 => self.p3,
            Priority::P4 => self.p4,
        }
    }
    fn is_empty(&self) -> bool {
        Priority::ALL.iter().all(|p| self.get(*p).is_none())
    }
}

/// One `[[organisations]]` entry.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct OrganisationConfig {
    pub name: String,
    /// Requester address domains ("acme.com").
    pub domains: Vec<String>,
    /// Exact requester addresses.
    pub addresses: Vec<String>,
    /// The `address` of a `[[mailboxes]]` entry whose mail belongs to this organisation.
    pub mailbox: Option<String>,
    /// `[[engineers]]` names allowed to take its tickets (empty: all).
    pub engineers: Vec<String>,
    /// "zh" or "en" for mails to its requesters (absent: detected per mail).
    pub language: Option<String>,
    /// Its own business hours and holidays (absent: the desk's `[calendar]`).
    pub calendar: Option<CalendarConfig>,
    pub sla: OrganisationSla,
    /// Who gets its own weekly digest (empty: no digest of its own).
    pub digest_recipients: Vec<String>,
    /// Domains besides its own that `#cc` may add to its tickets.
    pub allow_cc_domains: Vec<String>,
}

fn lower(list: &[String]) -> Vec<String> {
    list.iter().map(|s| s.trim().to_ascii_lowercase()).collect()
}

impl Config {
    /// The organisations as the core sees them, in config order.
    pub fn organisations(&self) -> Vec<crate::ticket::organisation::Organisation> {
        let desk = |p: Priority| {
            let t = self.sla.target(p);
            (t.respond.secs(), t.resolve.secs())
        };
        self.organisations
            .iter()
            .map(|o| {
                let sla = (!o.sla.is_empty()).then(|| {
                    let pick = |p: Priority| {
                        o.sla
                            .get(p)
                            .map_or(desk(p), |t| (t.respond.secs(), t.resolve.secs()))
                    };
                    let all: Vec<(i64, i64)> = Priority::ALL.iter().map(|p| pick(*p)).collect();
                    let at = |i: usize| all.get(i).copied().unwrap_or_default();
                    SlaTargets {
                        respond: [at(0).0, at(1).0, at(2).0, at(3).0],
                        resolve: [at(0).1, at(1).1, at(2).1, at(3).1],
                    }
                });
                let mailbox = o.mailbox.as_ref().and_then(|a| {
                    std::iter::once(&self.mailbox)
                        .chain(&self.mailboxes)
                        .find(|m| m.address.eq_ignore_ascii_case(a.trim()))
                        .map(|m| format!("{}@{}/{}", m.username, m.host, m.folder))
                });
                crate::ticket::organisation::Organisation {
                    name: o.name.trim().to_string(),
                    domains: lower(&o.domains),
                    addresses: lower(&o.addresses),
                    mailbox,
                    engineers: o.engineers.iter().map(|s| s.trim().to_string()).collect(),
                    language: match o.language.as_deref().map(str::trim) {
                        Some("zh") => Some("zh"),
                        Some("en") => Some("en"),
                        _ => None,
                    },
                    calendar: o
                        .calendar
                        .as_ref()
                        .and_then(|c| Calendar::from_config(c).ok()),
                    sla,
                    digest_recipients: lower(&o.digest_recipients),
                    allow_cc_domains: lower(&o.allow_cc_domains),
                }
            })
            .collect()
    }

    /// Problems of `[[organisations]]`: names, overlapping domains and addresses, unknown
    /// engineers and mailboxes, bad SLA tables and calendars — all of them.
    pub(super) fn validate_organisations(&self, p: &mut Vec<String>) {
        let mut names = std::collections::HashSet::new();
        let mut domains: std::collections::HashMap<String, String> = Default::default();
        let mut addresses: std::collections::HashMap<String, String> = Default::default();
        for (i, o) in self.organisations.iter().enumerate() {
            let at = format!("organisations[{i}] ({})", o.name.trim());
            if o.name.trim().is_empty() {
                p.push(format!("organisations[{i}].name is empty"));
            } else if !names.insert(o.name.trim().to_ascii_lowercase()) {
                p.push(format!("{at}: the name is used twice"));
            }
            if o.domains.is_empty() && o.addresses.is_empty() && o.mailbox.is_none() {
                p.push(format!("{at}: needs domains, addresses or a mailbox"));
            }
            for d in lower(&o.domains) {
                if d.is_empty() || d.contains('@') || !d.contains('.') {
                    p.push(format!("{at}.domains: {d:?} is not a domain"));
                }
                if let Some(other) = domains.insert(d.clone(), o.name.clone()) {
                    if other != o.name {
                        p.push(format!(
                            "{at}.domains: {d} overlaps organisation {other} (a requester belongs to one)"
                        ));
                    }
                }
            }
            for a in lower(&o.addresses) {
                if !a.contains('@') {
                    p.push(format!("{at}.addresses: {a:?} is not an email address"));
                }
                if let Some(other) = addresses.insert(a.clone(), o.name.clone()) {
                    if other != o.name {
                        p.push(format!(
                            "{at}.addresses: {a} is also in organisation {other}"
                        ));
                    }
                }
            }
            if let Some(m) = &o.mailbox {
                let known = std::iter::once(&self.mailbox)
                    .chain(&self.mailboxes)
                    .any(|x| x.address.eq_ignore_ascii_case(m.trim()));
                if !known {
                    p.push(format!(
                        "{at}.mailbox {m:?} is not the address of [mailbox] or a [[mailboxes]] entry"
                    ));
                }
            }
            for n in &o.engineers {
                if !self
                    .engineers
                    .iter()
                    .any(|e| e.name.trim().eq_ignore_ascii_case(n.trim()))
                {
                    p.push(format!(
                        "{at}.engineers: unknown engineer {n:?} (not in [[engineers]])"
                    ));
                }
            }
            if let Some(l) = &o.language {
                if l != "zh" && l != "en" {
                    p.push(format!("{at}.language {l:?} must be \"zh\" or \"en\""));
                }
            }
            if let Some(c) = &o.calendar {
                if let Err(e) = Calendar::from_config(c) {
                    p.extend(
                        e.problems
                            .into_iter()
                            .map(|x| format!("{at}.calendar: {x}")),
                    );
                }
            }
            for pr in Priority::ALL {
                if let Some(t) = o.sla.get(*pr) {
                    if t.respond.secs() <= 0 || t.resolve.secs() <= 0 {
                        p.push(format!("{at}.sla.{pr}: targets must be longer than 0s"));
                    }
                    if t.respond.0 > t.resolve.0 {
                        p.push(format!("{at}.sla.{pr}: respond is longer than resolve"));
                    }
                }
            }
            for a in &o.digest_recipients {
                if !a.contains('@') {
                    p.push(format!(
                        "{at}.digest_recipients {a:?} is not an email address"
                    ));
                }
            }
            for d in &o.allow_cc_domains {
                if d.contains('@') || !d.contains('.') {
                    p.push(format!("{at}.allow_cc_domains {d:?} is not a domain"));
                }
            }
        }
    }
}
