//! Requester reply parsers: confirmation (yes/no), satisfaction rating, withdrawal.
//! Must never panic, whatever the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use supportbot::ticket::reply::{classify_confirmation, is_withdrawal, parse_rating};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = classify_confirmation(&text);
    let _ = parse_rating(&text);
    let _ = is_withdrawal(&text);
});
