//! Operations: what an operator running supportbot as a service needs beside the mail.
//! - [`Observer`]: the per-daemon handle the workers report to (metrics, the state of
//!   each mailbox connection, the OAuth2 token sources, readiness). No globals: each
//!   daemon, and so each test, has its own.
//! - `health` judges the facts (pure); `http` serves `/healthz`, `/readyz`, `/metrics`
//!   (`[http] listen`); `notify` speaks systemd's sd_notify protocol; `alert` mails the
//!   supervisors once per OAuth2 outage through the durable outbox; `status` is
//!   `supportbot status` from the database's heartbeats.

pub mod alert;
pub mod commands;
pub mod health;
pub mod http;
pub mod metrics;
pub mod notify;
pub mod status;

pub use health::{Facts, Health, MailboxFact};
pub use metrics::Metrics;

use crate::mail::oauth2::{TokenSource, TokenStatus};
use crate::store::Store;
use crate::ticket::model::Timestamp;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio_util::sync::CancellationToken;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ready_waits_for_every_registered_mailbox() {
        let o = Observer::new();
        assert!(!o.all_logged_in_once(), "nothing registered: not ready");
        o.register_mailbox("a", 1);
        o.register_mailbox("b", 1);
        o.mailbox_up("a", 2);
        assert!(!o.all_logged_in_once());
        o.mailbox_up("b", 3);
        o.mailbox_down("a", "gone", 4);
        assert!(o.all_logged_in_once(), "once each is enough");
        let f = o.mailbox_facts();
        assert_eq!((f[0].up, f[0].since, f[1].up), (false, 4, true));
        o.set_ready(true);
        assert!(o.is_ready());
        o.set_stopping();
        assert!(!o.is_ready());
    }
}

#[derive(Debug, Default)]
struct State {
    mailboxes: BTreeMap<String, MailboxFact>,
    ever_up: std::collections::BTreeSet<String>,
    tokens: Vec<(String, TokenSource)>,
    ready: bool,
    stopping: bool,
}

/// The handle workers report to. Cheap to clone.
#[derive(Debug, Clone, Default)]
pub struct Observer {
    pub metrics: Metrics,
    state: Arc<Mutex<State>>,
    changed: Arc<tokio::sync::Notify>,
}

impl Observer {
    pub fn new() -> Observer {
        Observer::default()
    }

    fn with<T>(&self, f: impl FnOnce(&mut State) -> T) -> Option<T> {
        self.state.lock().ok().map(|mut s| f(&mut s))
    }

    /// A mailbox the daemon watches: "connecting" until it first logs in.
    pub fn register_mailbox(&self, name: &str, now: Timestamp) {
        self.with(|s| {
            s.mailboxes.entry(name.to_string()).or_insert(MailboxFact {
                name: name.to_string(),
                up: false,
                since: now,
                error: Some("connecting".into()),
            });
        });
        self.metrics
            .mailbox_up
            .get_or_create(&metrics::MailboxLabel {
                mailbox: name.into(),
            })
            .set(0);
    }

    /// Logged in (and the folder selected).
    pub fn mailbox_up(&self, name: &str, now: Timestamp) {
        self.with(|s| {
            let m = s.mailboxes.entry(name.to_string()).or_insert(MailboxFact {
                name: name.to_string(),
                up: true,
                since: now,
                error: None,
            });
            if !m.up {
                m.up = true;
                m.since = now;
            }
            m.error = None;
            s.ever_up.insert(name.to_string());
        });
        self.metrics
            .mailbox_up
            .get_or_create(&metrics::MailboxLabel {
                mailbox: name.into(),
            })
            .set(1);
        self.changed.notify_waiters();
    }

    /// The connection failed or was lost.
    pub fn mailbox_down(&self, name: &str, error: &str, now: Timestamp) {
        self.with(|s| {
            let m = s.mailboxes.entry(name.to_string()).or_insert(MailboxFact {
                name: name.to_string(),
                up: false,
                since: now,
                error: None,
            });
            if m.up {
                m.up = false;
                m.since = now;
            }
            m.error = Some(error.to_string());
        });
        self.metrics
            .mailbox_up
            .get_or_create(&metrics::MailboxLabel {
                mailbox: name.into(),
            })
            .set(0);
        self.changed.notify_waiters();
    }

    /// Report this token source's state in health and metrics under `name`.
    pub fn track_tokens(&self, name: &str, tokens: &TokenSource) {
        self.with(|s| {
            s.tokens.retain(|(n, _)| n != name);
            s.tokens.push((name.to_string(), tokens.clone()));
        });
    }

    /// Whether every registered mailbox has logged in at least once.
    pub fn all_logged_in_once(&self) -> bool {
        self.with(|s| !s.mailboxes.is_empty() && s.mailboxes.keys().all(|k| s.ever_up.contains(k)))
            .unwrap_or(false)
    }

    /// Wait until every mailbox has logged in once (or `cancel`).
    pub async fn first_login(&self, cancel: &CancellationToken) {
        loop {
            let changed = self.changed.notified();
            if self.all_logged_in_once() {
                return;
            }
            tokio::select! {
                _ = changed => {}
                _ = cancel.cancelled() => return,
                _ = tokio::time::sleep(Duration::from_secs(1)) => {}
            }
        }
    }

    pub fn set_ready(&self, ready: bool) {
        self.with(|s| s.ready = ready);
    }
    pub fn set_stopping(&self) {
        self.with(|s| s.stopping = true);
    }
    /// Ready: started, logged in once, not shutting down.
    pub fn is_ready(&self) -> bool {
        self.with(|s| s.ready && !s.stopping).unwrap_or(false)
    }

    pub fn mailbox_facts(&self) -> Vec<MailboxFact> {
        self.with(|s| s.mailboxes.values().cloned().collect())
            .unwrap_or_default()
    }

    pub fn token_statuses(&self) -> Vec<(String, TokenStatus)> {
        self.with(|s| {
            s.tokens
                .iter()
                .map(|(n, t)| (n.clone(), t.status()))
                .collect()
        })
        .unwrap_or_default()
    }

    /// The live facts: this daemon's connections and tokens, the outbox from `store`
    /// (asked with a 3 s limit, so a hung database shows as unhealthy, not as a hang).
    pub async fn facts(&self, store: &Store, now: Timestamp, outbox_max_age: i64) -> Facts {
        let database =
            match tokio::time::timeout(Duration::from_secs(3), store.outbox_health()).await {
                Ok(Ok(o)) => Ok(o),
                Ok(Err(e)) => Err(e.to_string()),
                Err(_) => Err("no answer within 3 s".into()),
            };
        Facts {
            now,
            mailboxes: self.mailbox_facts(),
            database,
            outbox_max_age,
            tokens: self.token_statuses(),
        }
    }

    /// Set the gauges that are read rather than counted (outbox, OAuth2).
    pub fn refresh_gauges(&self, f: &Facts) {
        let m = &self.metrics;
        if let Ok(o) = &f.database {
            m.outbox_depth.set(o.queued);
            m.outbox_failed.set(o.failed);
            m.outbox_oldest_age
                .set(o.oldest_queued_at.map(|t| (f.now - t).max(0)).unwrap_or(0));
        }
        for (name, t) in &f.tokens {
            let l = metrics::MailboxLabel {
                mailbox: name.clone(),
            };
            m.oauth2_token_age
                .get_or_create(&l)
                .set(t.obtained_at.map(|at| (f.now - at).max(0)).unwrap_or(0));
            m.oauth2_refresh_ok.get_or_create(&l).set(i64::from(
                t.failing_since.is_none() && t.obtained_at.is_some(),
            ));
            let c = m.oauth2_refresh_failures.get_or_create(&l);
            let seen = c.get();
            if t.failures > seen {
                c.inc_by(t.failures - seen);
            }
        }
    }

    /// Write this daemon's mailbox states to the database every 30 s (for
    /// `supportbot status`), until `cancel`.
    pub async fn heartbeat_loop(&self, store: Store, cancel: CancellationToken) {
        loop {
            let now = crate::clock::now();
            let rows: Vec<(String, Option<Timestamp>)> = self
                .mailbox_facts()
                .into_iter()
                .map(|m| {
                    (
                        format!("health:mailbox:{}", m.name),
                        (!m.up).then_some(m.since),
                    )
                })
                .collect();
            if let Err(e) = store.write_health(&rows, now).await {
                tracing::debug!(error = %e, "Health heartbeat not written.");
            }
            tokio::select! {
                _ = cancel.cancelled() => return,
                _ = tokio::time::sleep(Duration::from_secs(30)) => {}
                _ = self.changed.notified() => {}
            }
        }
    }
}
