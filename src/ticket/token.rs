//! Reply tokens: the short HMAC that binds an engineer's reply to one ticket and one engineer.
//!
//! A notification to an engineer carries the token twice: in a plus-addressed `Reply-To`
//! (`support+t42-<token>@example.com`) and in the notification's own Message-ID, so a reply is
//! recognised whichever of the two survives the engineer's mail client. This module only computes,
//! formats, parses and verifies tokens; it must never read the clock (`now` is a parameter), look up
//! tickets or log secrets.
//!
//! Token layout (21 characters, lower case only, because some MTAs lower-case local parts):
//! `DDDDD` five hex digits of the issue day (days since the epoch, UTC), then 16 base32 characters
//! (RFC 4648 alphabet, lower case) holding the first 80 bits of
//! `HMAC-SHA256(secret, "supportbot/reply-token/v1" ‖ ticket ‖ day ‖ len ‖ lower(engineer))`.

use super::model::Timestamp;
use hmac::{Hmac, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

const DOMAIN_TAG: &[u8] = b"supportbot/reply-token/v1";
const SECS_PER_DAY: i64 = 86_400;
const DAY_DIGITS: usize = 5;
const MAX_DAY: i64 = 0xF_FFFF;
const MAC_BYTES: usize = 10;
const MAC_CHARS: usize = 16;
/// Length of every token produced by [`make_token`].
pub const TOKEN_LEN: usize = DAY_DIGITS + MAC_CHARS;
const BASE32: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";

/// Why a token was refused. The caller treats every variant the same way (the reply is not bound to
/// the ticket and is handled as an ordinary mail); the variants exist for logs and metrics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    /// Well formed, but not issued by us for this ticket and engineer.
    #[error("reply token does not match this ticket and engineer")]
    Mismatch,
    /// Genuine, but older than the allowed age (or dated too far in the future).
    #[error("reply token has expired")]
    Expired,
    /// Not shaped like a token at all.
    #[error("reply token is malformed")]
    Malformed,
}

/// Compute the token for `ticket` and `engineer_email`, issued at `issued_at`.
///
/// The engineer address is compared trimmed and ASCII-lower-cased, so `Bob@Example.com` and
/// `bob@example.com` get the same token. Issue times before 1970 or after year ~4840 are clamped.
pub fn make_token(
    secret: &[u8],
    ticket: u64,
    engineer_email: &str,
    issued_at: Timestamp,
) -> String {
    let day = issued_at.div_euclid(SECS_PER_DAY).clamp(0, MAX_DAY);
    let Some(mac) = keyed_mac(secret, ticket, engineer_email, day) else {
        // HMAC accepts keys of any length, so this is unreachable; an empty token never verifies.
        return String::new();
    };
    let tag = mac.finalize().into_bytes();
    let mut token = format!("{day:05x}");
    token.push_str(&base32_lower(tag.get(..MAC_BYTES).unwrap_or_default()));
    token
}

/// The plus-address engineers reply to: `local+t<ticket>-<token>@domain`.
pub fn reply_address(local: &str, domain: &str, ticket: u64, token: &str) -> String {
    format!("{local}+t{ticket}-{token}@{domain}")
}

/// The Message-ID of a notification carrying the token, angle brackets included:
/// `<t<ticket>-<token>.<nonce>@domain>`. Characters of `nonce` outside `[A-Za-z0-9_-]` are dropped
/// so the result is always a valid `msg-id`; the nonce keeps two notifications' IDs distinct.
pub fn message_id_for(ticket: u64, token: &str, nonce: &str, domain: &str) -> String {
    let nonce: String = nonce
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    format!("<t{ticket}-{token}.{nonce}@{domain}>")
}

/// Find `(ticket, token)` in a recipient address such as `support+t42-<token>@example.com`,
/// `"Support" <SUPPORT+T42-<TOKEN>@EXAMPLE.COM>` or the bare local part. Case-insensitive;
/// the returned token is lower case. `None` for anything else; never panics.
pub fn parse_address_token(addr: &str) -> Option<(u64, String)> {
    let spec = angle_content(addr).unwrap_or(addr).trim();
    let local = match spec.rfind('@') {
        Some(at) => spec.get(..at)?,
        None => spec,
    };
    let (_, tag) = local.rsplit_once('+')?;
    parse_tag(tag)
}

/// Find `(ticket, token)` in a Message-ID written by [`message_id_for`] (with or without the angle
/// brackets), as found in a reply's `In-Reply-To` or `References`. Case-insensitive; never panics.
pub fn parse_message_id_token(id: &str) -> Option<(u64, String)> {
    let spec = angle_content(id).unwrap_or(id).trim();
    let (local, _domain) = spec.rsplit_once('@')?;
    let tag = local.split('.').next()?;
    parse_tag(tag)
}

/// Check that `token` was issued by us for `ticket` and `engineer`, and is not older than
/// `max_age_secs` at `now`.
///
/// The MAC is compared in constant time (`hmac`'s `verify_truncated_left`) before the age is
/// looked at. Only the issue *day* is known, so age is counted from the end of that day: a token
/// lives at least `max_age_secs` and at most one day more. A token dated more than one day after
/// `now` (clock skew beyond that) is reported as `Expired`.
pub fn verify(
    secret: &[u8],
    ticket: u64,
    engineer: &str,
    token: &str,
    now: Timestamp,
    max_age_secs: u64,
) -> Result<(), TokenError> {
    let (day, tag) = split_token(token).ok_or(TokenError::Malformed)?;
    let mac = keyed_mac(secret, ticket, engineer, day).ok_or(TokenError::Mismatch)?;
    mac.verify_truncated_left(&tag)
        .map_err(|_| TokenError::Mismatch)?;
    let day_end = day.saturating_add(1).saturating_mul(SECS_PER_DAY);
    let age = now.saturating_sub(day_end);
    let max_age = i64::try_from(max_age_secs).unwrap_or(i64::MAX);
    let day_start = day.saturating_mul(SECS_PER_DAY);
    if age > max_age || day_start > now.saturating_add(SECS_PER_DAY) {
        return Err(TokenError::Expired);
    }
    Ok(())
}

fn keyed_mac(secret: &[u8], ticket: u64, engineer: &str, day: i64) -> Option<HmacSha256> {
    let mut mac = HmacSha256::new_from_slice(secret).ok()?;
    let engineer = engineer.trim().to_ascii_lowercase();
    // Fixed-width fields plus a length prefix keep the encoding unambiguous.
    mac.update(DOMAIN_TAG);
    mac.update(&ticket.to_be_bytes());
    mac.update(&day.to_be_bytes());
    mac.update(
        &u64::try_from(engineer.len())
            .unwrap_or(u64::MAX)
            .to_be_bytes(),
    );
    mac.update(engineer.as_bytes());
    Some(mac)
}

/// `t<digits>-<token>` → (ticket, lower-case token), validating the token's shape.
fn parse_tag(tag: &str) -> Option<(u64, String)> {
    let tag = tag.trim().to_ascii_lowercase();
    let rest = tag.strip_prefix('t')?;
    let (digits, token) = rest.split_once('-')?;
    if digits.is_empty() || digits.len() > 20 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let ticket: u64 = digits.parse().ok()?;
    split_token(token)?;
    Some((ticket, token.to_string()))
}

/// Token → (issue day, truncated MAC bytes); `None` unless exactly the documented shape.
fn split_token(token: &str) -> Option<(i64, Vec<u8>)> {
    let token = token.trim().to_ascii_lowercase();
    if token.len() != TOKEN_LEN || !token.is_ascii() {
        return None;
    }
    let (day_hex, mac_b32) = token.split_at_checked(DAY_DIGITS)?;
    if !day_hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let day = i64::from_str_radix(day_hex, 16).ok()?;
    let mac = base32_lower_decode(mac_b32)?;
    (mac.len() == MAC_BYTES).then_some((day, mac))
}

fn base32_lower(bytes: &[u8]) -> String {
    let mut out = String::new();
    let mut buffer: u32 = 0;
    let mut bits: u32 = 0;
    for &b in bytes {
        buffer = (buffer << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            push_b32(&mut out, (buffer >> bits) & 31);
        }
        buffer &= (1 << bits) - 1;
    }
    if bits > 0 {
        push_b32(&mut out, (buffer << (5 - bits)) & 31);
    }
    out
}

fn push_b32(out: &mut String, index: u32) {
    if let Some(&c) = usize::try_from(index).ok().and_then(|i| BASE32.get(i)) {
        out.push(char::from(c));
    }
}

fn base32_lower_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut buffer: u32 = 0;
    let mut bits: u32 = 0;
    for c in text.bytes() {
        let value = u32::try_from(BASE32.iter().position(|&a| a == c)?).ok()?;
        buffer = (buffer << 5) | value;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push(u8::try_from((buffer >> bits) & 0xFF).ok()?);
        }
        buffer &= (1 << bits) - 1;
    }
    Some(out)
}

fn angle_content(s: &str) -> Option<&str> {
    let start = s.find('<')?;
    let rest = s.get(start + 1..)?;
    let end = rest.find('>')?;
    rest.get(..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &[u8] = b"test secret, not for production";
    const DAY: i64 = 86_400;
    const ISSUED: Timestamp = 1_790_000_000; // 2026-09-21
    const WEEK: u64 = 7 * 86_400;

    fn token() -> String {
        make_token(SECRET, 42, "Bob@Example.com", ISSUED)
    }

    #[test]
    fn token_is_short_lower_case_and_deterministic() {
        let t = token();
        assert_eq!(t.len(), TOKEN_LEN);
        assert!(t
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_lowercase()));
        assert_eq!(t, token());
        assert!(t.starts_with(&format!("{:05x}", ISSUED / DAY)));
    }

    #[test]
    fn token_round_trips_through_address_and_message_id() {
        let t = token();
        let addr = reply_address("support", "example.com", 42, &t);
        assert_eq!(addr, format!("support+t42-{t}@example.com"));
        assert_eq!(parse_address_token(&addr), Some((42, t.clone())));
        let id = message_id_for(42, &t, "a1B2-c3", "example.com");
        assert_eq!(id, format!("<t42-{t}.a1B2-c3@example.com>"));
        assert_eq!(parse_message_id_token(&id), Some((42, t.clone())));
        assert_eq!(
            parse_message_id_token(id.trim_matches(['<', '>'])),
            Some((42, t.clone()))
        );
        assert_eq!(
            verify(SECRET, 42, "bob@example.com", &t, ISSUED + 3600, WEEK),
            Ok(())
        );
    }

    #[test]
    fn engineer_address_case_and_spaces_do_not_matter() {
        assert_eq!(make_token(SECRET, 42, " BOB@example.COM ", ISSUED), token());
    }

    #[test]
    fn same_day_gives_same_token_next_day_differs() {
        let start_of_day = ISSUED - ISSUED.rem_euclid(DAY);
        assert_eq!(
            make_token(SECRET, 42, "bob@example.com", start_of_day),
            token()
        );
        assert_ne!(
            make_token(SECRET, 42, "bob@example.com", start_of_day + DAY),
            token()
        );
    }

    #[test]
    fn verification_rejects_the_wrong_binding() {
        let t = token();
        let now = ISSUED + 60;
        let cases: &[(&[u8], u64, &str, TokenError)] = &[
            (SECRET, 42, "alice@example.com", TokenError::Mismatch),
            (SECRET, 43, "bob@example.com", TokenError::Mismatch),
            (
                b"another secret",
                42,
                "bob@example.com",
                TokenError::Mismatch,
            ),
        ];
        for (secret, ticket, engineer, want) in cases {
            assert_eq!(
                verify(secret, *ticket, engineer, &t, now, WEEK),
                Err(*want),
                "{ticket} {engineer}"
            );
        }
    }

    #[test]
    fn tampered_tokens_are_refused() {
        let t = token();
        // Flip each character in turn to another valid character of its alphabet.
        for (i, c) in t.char_indices() {
            let replacement = if i < DAY_DIGITS {
                if c == '0' {
                    '1'
                } else {
                    '0'
                }
            } else if c == 'a' {
                'b'
            } else {
                'a'
            };
            let mut tampered: Vec<char> = t.chars().collect();
            tampered[i] = replacement;
            let tampered: String = tampered.into_iter().collect();
            let got = verify(SECRET, 42, "bob@example.com", &tampered, ISSUED, WEEK);
            assert!(got.is_err(), "position {i}: {tampered} accepted");
        }
        let mut long = t.clone();
        long.push('a');
        assert_eq!(
            verify(SECRET, 42, "bob@example.com", &long, ISSUED, WEEK),
            Err(TokenError::Malformed)
        );
        assert_eq!(
            verify(
                SECRET,
                42,
                "bob@example.com",
                t.get(..TOKEN_LEN - 1).unwrap(),
                ISSUED,
                WEEK
            ),
            Err(TokenError::Malformed)
        );
    }

    #[test]
    fn tokens_expire_after_max_age_counted_from_end_of_issue_day() {
        let t = token();
        let day_end = (ISSUED / DAY + 1) * DAY;
        let max_age = 7 * DAY;
        let cases = [
            (ISSUED, Ok(())),
            (day_end + max_age, Ok(())),
            (day_end + max_age + 1, Err(TokenError::Expired)),
            (ISSUED + 365 * DAY, Err(TokenError::Expired)),
            // Issued "in the future": small skew is tolerated, more is not.
            (ISSUED - 3600, Ok(())),
            (ISSUED - 3 * DAY, Err(TokenError::Expired)),
        ];
        for (now, want) in cases {
            assert_eq!(
                verify(SECRET, 42, "bob@example.com", &t, now, WEEK),
                want,
                "now={now}"
            );
        }
    }

    #[test]
    fn expiry_is_checked_only_for_genuine_tokens() {
        let forged = format!("{:05x}{}", ISSUED / DAY - 400, "a".repeat(MAC_CHARS));
        assert_eq!(
            verify(SECRET, 42, "bob@example.com", &forged, ISSUED, WEEK),
            Err(TokenError::Mismatch)
        );
    }

    #[test]
    fn address_parsing_is_case_insensitive_and_tolerates_display_names() {
        let t = token();
        let upper = t.to_ascii_uppercase();
        let cases = [
            format!("SUPPORT+T42-{upper}@EXAMPLE.COM"),
            format!("\"IT Support\" <support+t42-{t}@example.com>"),
            format!("  support+t42-{upper}@example.com  "),
            format!("support+t42-{t}"),
        ];
        for addr in cases {
            assert_eq!(parse_address_token(&addr), Some((42, t.clone())), "{addr}");
        }
        let (_, parsed) = parse_address_token(&format!("support+T42-{upper}@x")).unwrap();
        assert_eq!(
            verify(SECRET, 42, "bob@example.com", &parsed, ISSUED, WEEK),
            Ok(())
        );
        // verify itself also accepts an upper-cased token.
        assert_eq!(
            verify(SECRET, 42, "bob@example.com", &upper, ISSUED, WEEK),
            Ok(())
        );
    }

    #[test]
    fn addresses_without_a_valid_tag_give_none() {
        let t = token();
        let cases = [
            "support@example.com".to_string(),
            format!("support+42-{t}@example.com"),
            format!("support+t-{t}@example.com"),
            format!("support+tx1-{t}@example.com"),
            format!("support+t42{t}@example.com"),
            "support+t42-short@example.com".to_string(),
            format!("support+t99999999999999999999999-{t}@example.com"),
            format!("support+t42-{}@example.com", "z".repeat(TOKEN_LEN)),
            format!("<t42-{t}.nonce@example.com>"), // a Message-ID, not an address
        ];
        for addr in cases {
            assert_eq!(parse_address_token(&addr), None, "{addr}");
        }
        assert_eq!(parse_message_id_token("<CAF=abc@mail.gmail.com>"), None);
        assert_eq!(parse_message_id_token("<t42-abc.x@example.com>"), None);
    }

    #[test]
    fn garbage_input_never_panics() {
        let t = token();
        let inputs = [
            String::new(),
            "+".into(),
            "@".into(),
            "<".into(),
            ">".into(),
            "<>".into(),
            "<@>".into(),
            "+t".into(),
            "+t-".into(),
            "a+t1-@".into(),
            "工单+t42-退款@例子.中国".into(),
            format!("+t42-{}", "é".repeat(21)),
            format!("+t42-{}", t.get(..10).unwrap()),
            format!("<t42-{t}"),
            format!("t42-{t}>@"),
            "\u{0}\r\n<\u{feff}+t1-@>".into(),
            "x".repeat(10_000),
        ];
        for input in &inputs {
            let _ = parse_address_token(input);
            let _ = parse_message_id_token(input);
            let _ = verify(SECRET, 1, input, input, 0, 0);
            let _ = verify(SECRET, u64::MAX, "", input, i64::MIN, u64::MAX);
            let _ = verify(SECRET, 1, "", input, i64::MAX, u64::MAX);
        }
        let _ = make_token(b"", u64::MAX, "", i64::MIN);
        let _ = make_token(SECRET, 0, "\u{0}", i64::MAX);
    }

    #[test]
    fn base32_matches_rfc4648_vectors() {
        let cases: &[(&[u8], &str)] = &[
            (b"", ""),
            (b"f", "my"),
            (b"fo", "mzxq"),
            (b"foo", "mzxw6"),
            (b"foob", "mzxw6yq"),
            (b"fooba", "mzxw6ytb"),
            (b"foobar", "mzxw6ytboi"),
        ];
        for (bytes, want) in cases {
            assert_eq!(base32_lower(bytes), *want);
        }
        assert_eq!(
            base32_lower_decode("mzxw6ytb").as_deref(),
            Some(&b"fooba"[..])
        );
    }
}
