//! Engineer command parser (`#assign`, `#status`, …) on arbitrary text. Must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = supportbot::ticket::command::parse_commands(&text);
});
