//! Health as a pure function of facts: the daemon's live view (`/healthz`) and the
//! database's heartbeats (`supportbot status`) both end up here, so they agree.

use crate::mail::oauth2::TokenStatus;
use crate::store::OutboxHealth;
use crate::ticket::model::Timestamp;
use serde::Serialize;

/// What is known about one mailbox connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailboxFact {
    pub name: String,
    pub up: bool,
    /// Since when it is in its current state.
    pub since: Timestamp,
    pub error: Option<String>,
}

/// Everything health is judged on.
#[derive(Debug, Clone)]
pub struct Facts {
    pub now: Timestamp,
    pub mailboxes: Vec<MailboxFact>,
    /// The outbox, or why the database could not be asked.
    pub database: Result<OutboxHealth, String>,
    /// Oldest queued outbox row allowed before the outbox counts as stuck.
    pub outbox_max_age: i64,
    pub tokens: Vec<(String, TokenStatus)>,
}

/// One check in the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    pub name: String,
    pub ok: bool,
    pub detail: String,
}

/// The verdict: `/healthz` answers 200 when `healthy`, else 503 with this as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Health {
    pub status: &'static str,
    /// Names of the failing checks, e.g. `mailbox support@host/INBOX`, `database`, `outbox`.
    pub unhealthy: Vec<String>,
    pub checks: Vec<Check>,
}

impl Health {
    pub fn healthy(&self) -> bool {
        self.unhealthy.is_empty()
    }
}

/// Judge the facts. Pure.
pub fn evaluate(f: &Facts) -> Health {
    let mut checks = Vec::new();
    for m in &f.mailboxes {
        let age = (f.now - m.since).max(0);
        checks.push(Check {
            name: format!("mailbox {}", m.name),
            ok: m.up,
            detail: if m.up {
                format!("connected for {age} s")
            } else {
                format!(
                    "not connected for {age} s: {}",
                    m.error.as_deref().unwrap_or("connecting")
                )
            },
        });
    }
    match &f.database {
        Ok(o) => {
            checks.push(Check {
                name: "database".into(),
                ok: true,
                detail: "reachable".into(),
            });
            let oldest = o.oldest_queued_at.map(|t| (f.now - t).max(0));
            let stuck = oldest.is_some_and(|a| a > f.outbox_max_age);
            checks.push(Check {
                name: "outbox".into(),
                ok: !stuck,
                detail: format!(
                    "{} queued{}, {} failed",
                    o.queued,
                    oldest
                        .map(|a| format!(" (oldest {a} s, limit {} s)", f.outbox_max_age))
                        .unwrap_or_default(),
                    o.failed
                ),
            });
        }
        Err(e) => {
            checks.push(Check {
                name: "database".into(),
                ok: false,
                detail: e.clone(),
            });
            checks.push(Check {
                name: "outbox".into(),
                ok: false,
                detail: "unknown: the database is unreachable".into(),
            });
        }
    }
    for (name, t) in &f.tokens {
        let failing = t.failing_since.is_some();
        checks.push(Check {
            name: format!("oauth2 {name}"),
            ok: !failing,
            detail: match (&t.last_error, t.obtained_at) {
                (Some(e), _) if failing => e.clone(),
                (_, Some(at)) => format!("token {} s old", (f.now - at).max(0)),
                _ => "no token yet".into(),
            },
        });
    }
    let unhealthy: Vec<String> = checks
        .iter()
        .filter(|c| !c.ok)
        .map(|c| c.name.clone())
        .collect();
    Health {
        status: if unhealthy.is_empty() {
            "ok"
        } else {
            "unhealthy"
        },
        unhealthy,
        checks,
    }
}

/// A heartbeat older than this means the daemon is not running (it writes every 30 s).
pub const HEARTBEAT_STALE: i64 = 120;

/// Mailbox facts from the database's heartbeat rows `health:mailbox:<name>` (due_at =
/// down since, NULL when up; updated_at = heartbeat). A stale heartbeat is "down". Pure.
pub fn mailboxes_from_rows(rows: &[crate::store::HealthRow], now: Timestamp) -> Vec<MailboxFact> {
    rows.iter()
        .filter_map(|(name, due, updated)| {
            let mailbox = name.strip_prefix("health:mailbox:")?;
            let stale = now - updated > HEARTBEAT_STALE;
            Some(MailboxFact {
                name: mailbox.to_string(),
                up: due.is_none() && !stale,
                since: due.unwrap_or(*updated),
                error: if stale {
                    Some(format!(
                        "no heartbeat from a daemon for {} s",
                        now - updated
                    ))
                } else if due.is_some() {
                    Some("the daemon cannot reach it".into())
                } else {
                    None
                },
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts() -> Facts {
        Facts {
            now: 1_000,
            mailboxes: vec![MailboxFact {
                name: "support@h/INBOX".into(),
                up: true,
                since: 900,
                error: None,
            }],
            database: Ok(OutboxHealth {
                queued: 2,
                oldest_queued_at: Some(990),
                failed: 1,
            }),
            outbox_max_age: 900,
            tokens: Vec::new(),
        }
    }

    #[test]
    fn healthy_when_every_check_passes() {
        let h = evaluate(&facts());
        assert!(h.healthy(), "{h:?}");
        assert_eq!(h.status, "ok");
        assert_eq!(h.checks.len(), 3);
    }

    #[test]
    fn each_failure_is_named() {
        let mut f = facts();
        f.mailboxes[0].up = false;
        f.mailboxes[0].error = Some("connection refused".into());
        let h = evaluate(&f);
        assert_eq!(h.unhealthy, vec!["mailbox support@h/INBOX".to_string()]);
        assert!(h.checks[0].detail.contains("connection refused"));

        let mut f = facts();
        f.database = Ok(OutboxHealth {
            queued: 1,
            oldest_queued_at: Some(0),
            failed: 0,
        });
        assert_eq!(evaluate(&f).unhealthy, vec!["outbox".to_string()]);

        let mut f = facts();
        f.database = Err("pool timed out".into());
        assert_eq!(
            evaluate(&f).unhealthy,
            vec!["database".to_string(), "outbox".to_string()]
        );

        let mut f = facts();
        f.tokens.push((
            "support@h/INBOX".into(),
            TokenStatus {
                failing_since: Some(950),
                last_error: Some("invalid_grant".into()),
                revoked: true,
                ..Default::default()
            },
        ));
        let h = evaluate(&f);
        assert_eq!(h.unhealthy, vec!["oauth2 support@h/INBOX".to_string()]);
        let json = serde_json::to_string(&h).unwrap_or_default();
        assert!(json.contains("\"status\":\"unhealthy\""), "{json}");
    }

    #[test]
    fn heartbeat_rows_become_mailbox_facts() {
        let rows = vec![
            ("health:mailbox:a".to_string(), None, 990),
            ("health:mailbox:b".to_string(), Some(950), 995),
            ("health:mailbox:c".to_string(), None, 100),
            ("health:daemon".to_string(), None, 990),
        ];
        let m = mailboxes_from_rows(&rows, 1_000);
        assert_eq!(m.len(), 3);
        assert!(m[0].up);
        assert!(!m[1].up && m[1].since == 950);
        assert!(
            !m[2].up
                && m[2]
                    .error
                    .as_deref()
                    .is_some_and(|e| e.contains("heartbeat"))
        );
    }
}
