//! Raw bytes → parse → loop guard → classify (`supportbot::mail::triage::triage`), the
//! whole path an inbound mail takes before the store. Must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use supportbot::mail::parse::ParseLimits;
use supportbot::ticket::classify::Rules;

static RULES: OnceLock<Option<Rules>> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Some(rules) = RULES.get_or_init(|| Rules::builtin().ok()) else {
        return;
    };
    let limits = ParseLimits {
        max_message_bytes: 25 * 1024 * 1024,
    };
    let own = ["support@example.test".to_string()];
    let _ = supportbot::mail::triage::triage(data, rules, &limits, &own);
});
