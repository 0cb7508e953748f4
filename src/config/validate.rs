//! `Config::validate`: every problem of a parsed config, reported at once.

use super::{Config, Mailbox};
use crate::ticket::model::Priority;
use std::time::Duration;

impl Config {
    fn validate_mailbox(m: &Mailbox, name: &str, p: &mut Vec<String>) {
        if m.host.trim().is_empty() {
            p.push(format!("{name}.host is empty"));
        }
        if !m.address.contains('@') {
            p.push(format!(
                "{name}.address {:?} is not an email address",
                m.address
            ));
        }
        if m.batch_size == 0 || m.batch_size > 10_000 {
            p.push(format!("{name}.batch_size must be between 1 and 10000"));
        }
        if m.idle_timeout.0 >= Duration::from_secs(29 * 60) {
            p.push(format!(
                "{name}.idle_timeout must be under 29 minutes (RFC 2177)"
            ));
        }
        if m.poll_interval.0 < Duration::from_secs(1) {
            p.push(format!("{name}.poll_interval must be at least 1s"));
        }
        if let Some(var) = &m.password_env {
            if std::env::var(var).is_err() {
                p.push(format!("{name}.password_env names {var}, which is not set"));
            }
        }
        if let Some(c) = &m.default_category {
            if c.parse::<crate::ticket::model::Category>().is_err() {
                p.push(format!("{name}.default_category {c:?} is not a category"));
            }
        }
    }

    /// Every problem in the configuration (empty when it is usable).
    pub fn validate(&self) -> Vec<String> {
        let mut p = Vec::new();
        Config::validate_mailbox(&self.mailbox, "mailbox", &mut p);
        p.extend(self.oauth2_problems());
        p.extend(self.http.problems());
        let mut keys = vec![(
            self.mailbox.username.clone(),
            self.mailbox.host.clone(),
            self.mailbox.folder.clone(),
        )];
        for (i, m) in self.mailboxes.iter().enumerate() {
            Config::validate_mailbox(m, &format!("mailboxes[{i}]"), &mut p);
            let key = (m.username.clone(), m.host.clone(), m.folder.clone());
            if keys.contains(&key) {
                p.push(format!(
                    "mailboxes[{i}] watches {}@{}/{} a second time",
                    m.username, m.host, m.folder
                ));
            }
            keys.push(key);
        }
        if let Some(var) = &self.smtp.password_env {
            if std::env::var(var).is_err() {
                p.push(format!("smtp.password_env names {var}, which is not set"));
            }
        }
        if self.smtp.host.trim().is_empty() {
            p.push("smtp.host is empty".into());
        }
        if self.outbox.record_every == 0 || self.outbox.record_every > 1000 {
            p.push("outbox.record_every must be between 1 and 1000".into());
        }
        if self.outbox.lease.secs() < 3 {
            p.push("outbox.lease must be at least 3s (the sender renews it every third)".into());
        }
        if self.smtp.connections == 0 || self.smtp.connections > 64 {
            p.push("smtp.connections must be between 1 and 64".into());
        }
        if let Err(e) = self.from_header().parse::<lettre::message::Mailbox>() {
            p.push(format!(
                "smtp.from / general.desk_name: {:?} is not a valid From header ({e})",
                self.from_header()
            ));
        }
        if self.general.timezone.parse::<chrono_tz::Tz>().is_err() {
            p.push(format!(
                "general.timezone {:?} is not an IANA time zone (e.g. \"Asia/Shanghai\", \"UTC\")",
                self.general.timezone
            ));
        }
        let url = self.database.url.expose();
        if !(url.starts_with("sqlite:")
            || url.starts_with("postgres://")
            || url.starts_with("postgresql://"))
        {
            p.push("database.url must start with sqlite:// or postgres://".into());
        }
        for f in std::iter::once(&self.mailbox)
            .chain(&self.mailboxes)
            .map(|m| &m.ca_file)
            .chain([&self.smtp.ca_file])
            .flatten()
        {
            let path = self.resolve(f);
            if !path.is_file() {
                p.push(format!("ca_file {} does not exist", path.display()));
            }
        }
        if let Some(r) = &self.general.rules {
            let path = self.resolve(r);
            match std::fs::read_to_string(&path) {
                Ok(text) => {
                    if let Err(e) = crate::ticket::classify::Rules::from_toml(&text) {
                        p.push(format!("general.rules {}: {e}", path.display()));
                    }
                }
                Err(e) => p.push(format!("general.rules {}: {e}", path.display())),
            }
        }
        if let Some(t) = &self.general.templates {
            let path = self.resolve(t);
            if !path.is_dir() {
                p.push(format!(
                    "general.templates {} is not a folder",
                    path.display()
                ));
            }
        }
        for pr in Priority::ALL {
            let t = self.sla.target(*pr);
            if t.respond.0 > t.resolve.0 {
                p.push(format!("sla.{pr}: respond is longer than resolve"));
            }
        }
        self.validate_workflow(&mut p);
        self.validate_organisations(&mut p);
        p.extend(self.validate_timers());
        p.extend(self.validate_knowledge());
        p
    }

    /// Problems of the SLA timer, calendar and digest settings (engineers: `validate_workflow`).
    fn validate_timers(&self) -> Vec<String> {
        let mut p = Vec::new();
        let r = self.sla.warn_ratio;
        if !(r == 0.0 || (r > 0.0 && r < 1.0)) {
            p.push(format!(
                "sla.warn_ratio {r} must be between 0 and 1 (0.75 = remind at 75 %; 0 = never)"
            ));
        }
        if let Some(lang) = &self.sla.language {
            if lang != "zh" && lang != "en" {
                p.push(format!("sla.language {lang:?} must be \"zh\" or \"en\""));
            }
        }
        for a in &self.sla.escalate_to {
            if !a.contains('@') {
                p.push(format!("sla.escalate_to {a:?} is not an email address"));
            }
        }
        if let Err(e) = crate::ticket::calendar::Calendar::from_config(&self.calendar) {
            p.extend(e.problems);
        }
        let d = &self.digest;
        if d.weekday().is_none() {
            p.push(format!(
                "digest.weekday {:?} is not a day (mon tue wed thu fri sat sun)",
                d.weekday
            ));
        }
        if d.time_of_day().is_none() {
            p.push(format!("digest.time {:?} is not a time HH:MM", d.time));
        }
        for a in &d.recipients {
            if !a.contains('@') {
                p.push(format!("digest.recipients {a:?} is not an email address"));
            }
        }
        if d.period.secs() < 3600 {
            p.push("digest.period must be at least 1h".into());
        }
        if d.enabled && self.digest_recipients().is_empty() {
            p.push(
                "digest.enabled but nobody receives it: set digest.recipients, a supervisor in \
                 [[engineers]] or sla.escalate_to"
                    .into(),
            );
        }
        p
    }

    fn validate_workflow(&self, p: &mut Vec<String>) {
        let mut seen = std::collections::HashSet::new();
        for (i, e) in self.engineers.iter().enumerate() {
            if e.name.trim().is_empty() {
                p.push(format!("engineers[{i}].name is empty"));
            }
            if !e.email.contains('@') {
                p.push(format!(
                    "engineers[{i}].email {:?} is not an email address",
                    e.email
                ));
            }
            if !seen.insert(e.email.trim().to_ascii_lowercase()) {
                p.push(format!(
                    "engineers[{i}].email {:?} is listed twice",
                    e.email
                ));
            }
            for c in &e.categories {
                if c.parse::<crate::ticket::model::Category>().is_err() {
                    p.push(format!(
                        "engineers[{i}].categories: unknown category {c:?} (hardware, software, network, account, request, other)"
                    ));
                }
            }
        }
        if let Some(var) = &self.workflow.secret_env {
            if std::env::var(var).is_err() {
                p.push(format!("workflow.secret_env names {var}, which is not set"));
            }
        }
        if !self.engineers.is_empty() && self.workflow_secret().expose().len() < 16 {
            p.push(
                "workflow.secret (or workflow.secret_env) must hold at least 16 characters when engineers are configured".into(),
            );
        }
        if self.workflow.approval_timeout.0 < Duration::from_secs(60) {
            p.push("workflow.approval_timeout must be at least 1m".into());
        }
        if self.workflow.auto_close_after.0 < Duration::from_secs(60) {
            p.push("workflow.auto_close_after must be at least 1m".into());
        }
    }
}
