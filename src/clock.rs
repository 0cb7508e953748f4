//! The only place that reads the wall clock. Everything else takes `now` as a parameter,
//! so tests and rehearsals (libfaketime, `SUPPORTBOT_NOW`) shift time consistently.

use crate::ticket::model::Timestamp;

/// Current time in seconds since the epoch. `SUPPORTBOT_NOW_OFFSET` (seconds, may be
/// negative) shifts it, for operators rehearsing a policy and for tests.
pub fn now() -> Timestamp {
    #[allow(clippy::disallowed_methods)]
    let real = chrono::Utc::now().timestamp();
    real + offset()
}

fn offset() -> i64 {
    std::env::var("SUPPORTBOT_NOW_OFFSET")
        .ok()
        .and_then(|v| v.trim().parse::<i64>().ok())
        .unwrap_or(0)
}
