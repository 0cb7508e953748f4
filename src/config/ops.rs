//! `[http]`: the operations endpoint (`/healthz`, `/readyz`, `/metrics`), off by default.

use serde::Deserialize;

/// `[http]`
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Http {
    /// Address to serve on, e.g. `127.0.0.1:9090`. Unset: no HTTP listener.
    pub listen: Option<String>,
    /// An outbox row queued longer than this makes `/healthz` report the outbox unhealthy.
    pub outbox_max_age: Option<super::Dur>,
}

impl Http {
    /// Problems with the keys, for `validate()`.
    pub fn problems(&self) -> Vec<String> {
        let mut p = Vec::new();
        if let Some(l) = &self.listen {
            if l.parse::<std::net::SocketAddr>().is_err() {
                p.push(format!(
                    "http.listen {l:?} is not an address:port (e.g. \"127.0.0.1:9090\")"
                ));
            }
        }
        p
    }

    /// Seconds an outbox row may wait before the outbox counts as unhealthy (default 15 min).
    pub fn outbox_max_age_secs(&self) -> i64 {
        self.outbox_max_age.map(|d| d.secs()).unwrap_or(15 * 60)
    }
}
