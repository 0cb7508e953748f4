//! The per-sender loop budget, pure: which mails count against it. A real shared account
//! (many distinct requests from one address) keeps getting its acknowledgements; a
//! machine that answers our mails with the same text again and again is stopped. Values
//! in, values out: the shell supplies what was sent and seen within the window.

use sha2::{Digest, Sha256};

/// What a request says, reduced so that an auto-responder's repeats compare equal: the new
/// text (the subject when the text is empty), case-folded, with digits and punctuation
/// dropped (a robot's "ticket 4711 received" changes only its numbers) and whitespace
/// collapsed; a 16-byte hex SHA-256 prefix of that.
pub fn fingerprint(subject: &str, new_text: &str) -> String {
    let mut norm = normalise(new_text);
    if norm.is_empty() {
        norm = normalise(subject);
    }
    let digest = Sha256::digest(norm.as_bytes());
    hex::encode(digest.get(..16).unwrap_or_default())
}

fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// Whether a new request looks like one side of a mail loop: it answers one of our own
/// mails, or its sender already sent this very text within the window.
pub fn looks_like_loop(replies_to_us: bool, repeated_text: bool) -> bool {
    replies_to_us || repeated_text
}

/// The mails already sent to this sender that count against the budget of
/// `lifecycle::Policy::loop_budget`. For a mail that looks like a loop that is every mail
/// sent to the sender within the window; for a fresh, distinct request it is none, until
/// the sender has had `request_cap` mails in the window (a flood of distinct mails is
/// still capped, just much later).
pub fn counted_mails(sent: u32, looks_like_loop: bool, request_cap: u32) -> u32 {
    if looks_like_loop || sent >= request_cap {
        sent
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_with_other_numbers_and_spacing_have_one_fingerprint() {
        let a = fingerprint("Re: x", "Thank you! Your ticket 4711 was received.");
        let b = fingerprint("Re: y", "thank  you your ticket 4712\r\nwas received");
        assert_eq!(a, b);
        assert_eq!(a.len(), 32);
    }

    #[test]
    fn distinct_requests_have_distinct_fingerprints() {
        let a = fingerprint("Printer", "The printer on floor 2 jams.");
        let b = fingerprint("VPN", "The VPN drops every hour.");
        assert_ne!(a, b);
    }

    #[test]
    fn empty_text_falls_back_to_the_subject() {
        assert_ne!(fingerprint("Printer jams", ""), fingerprint("VPN down", ""));
        assert_eq!(
            fingerprint("VPN down", " \r\n"),
            fingerprint("vpn DOWN", "")
        );
    }

    #[test]
    fn chinese_text_is_kept() {
        assert_ne!(fingerprint("", "打印机坏了"), fingerprint("", "网络断了"));
    }

    #[test]
    fn budget_counts_only_loop_like_mails_until_the_cap() {
        // (sent, loop-like, cap) -> counted
        let cases = [
            (0, false, 200, 0),
            (49, false, 200, 0),
            (199, false, 200, 0),
            (200, false, 200, 200),
            (3, true, 200, 3),
            (10, true, 200, 10),
        ];
        for (sent, looping, cap, want) in cases {
            assert_eq!(
                counted_mails(sent, looping, cap),
                want,
                "{sent} {looping} {cap}"
            );
        }
        assert!(looks_like_loop(true, false));
        assert!(looks_like_loop(false, true));
        assert!(!looks_like_loop(false, false));
    }
}
