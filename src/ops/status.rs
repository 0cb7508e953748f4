//! `supportbot status`: the health summary of `/healthz`, judged from the database (the
//! daemon's heartbeats and the outbox), for an operator on the host.

use super::health::{self, Facts};
use crate::config::Config;
use crate::store::Store;
use crate::ticket::model::Timestamp;

/// The facts as the database knows them.
pub async fn facts(store: &Store, cfg: &Config, now: Timestamp) -> Facts {
    let rows = store.health_rows().await.unwrap_or_default();
    let database = store.outbox_health().await.map_err(|e| e.to_string());
    let mut mailboxes = health::mailboxes_from_rows(&rows, now);
    // Mailboxes of the config the daemon never reported on.
    for c in cfg.mailbox_configs() {
        let key = crate::worker::inbox::mailbox_key(&c);
        if !mailboxes.iter().any(|m| m.name == key) {
            mailboxes.push(health::MailboxFact {
                name: key,
                up: false,
                since: now,
                error: Some("no daemon has reported on it (is `supportbot run` running?)".into()),
            });
        }
    }
    Facts {
        now,
        mailboxes,
        database,
        outbox_max_age: cfg.http.outbox_max_age_secs(),
        tokens: Vec::new(),
    }
}

/// The summary as text lines.
pub fn render(h: &health::Health) -> String {
    let mut out = format!("status: {}\n", h.status);
    for c in &h.checks {
        out.push_str(&format!(
            "  {:<4} {:<40} {}\n",
            if c.ok { "ok" } else { "FAIL" },
            c.name,
            c.detail
        ));
    }
    out
}
