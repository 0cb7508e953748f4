//! Pure token-endpoint logic: reading a token response (RFC 6749 §5.1/§5.2, RFC 8628 §3.5),
//! deciding when an access token needs refreshing, and the backoff after a failed refresh.

use crate::config::Secret;
use crate::ticket::model::Timestamp;
use serde::Deserialize;

/// What a successful token response gave us.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    pub access_token: Secret,
    /// When the access token expires (unix seconds).
    pub expires_at: Timestamp,
    /// A new refresh token, when the provider rotated it.
    pub refresh_token: Option<Secret>,
}

/// Why the token endpoint did not give us a token, by what the caller does.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OAuth2Error {
    /// The refresh token was revoked or expired, consent was withdrawn, or the client is
    /// wrong: an operator must run `supportbot oauth2 login` again (or fix the client).
    #[error("OAuth2 refresh refused by the provider ({0}); run `supportbot oauth2 login` again or check the app registration")]
    Revoked(String),
    /// Network trouble, a 5xx or rate limit: retry with backoff.
    #[error("OAuth2 token endpoint unavailable: {0}")]
    Unavailable(String),
    /// A failed refresh is being waited out; no request was made.
    #[error("OAuth2 refresh backing off until {until} after: {last}")]
    BackingOff { until: Timestamp, last: String },
    /// Missing client id, refresh token or URL: the config or the token file is at fault.
    #[error("OAuth2 not usable: {0}")]
    Config(String),
    /// Device or browser login: the user has not finished yet (`authorization_pending`).
    #[error("authorization pending")]
    Pending,
    /// Device login: poll more slowly (`slow_down`).
    #[error("slow down")]
    SlowDown,
}

impl OAuth2Error {
    /// Whether an operator must act (as opposed to waiting).
    pub fn needs_operator(&self) -> bool {
        matches!(self, OAuth2Error::Revoked(_) | OAuth2Error::Config(_))
    }
}

#[derive(Deserialize)]
struct Ok_ {
    access_token: String,
    #[serde(default)]
    expires_in: Option<serde_json::Value>,
    #[serde(default)]
    refresh_token: Option<String>,
}

#[derive(Deserialize)]
struct Err_ {
    error: String,
    #[serde(default)]
    error_description: Option<String>,
}

/// Access tokens without `expires_in` are assumed to live this long (both providers: 1 h).
const DEFAULT_LIFETIME: i64 = 3600;

/// Read a token endpoint answer with HTTP `status` and `body`, received at `now`.
pub fn parse_token_response(status: u16, body: &str, now: Timestamp) -> Result<Grant, OAuth2Error> {
    if (200..300).contains(&status) {
        let ok: Ok_ = serde_json::from_str(body).map_err(|e| {
            OAuth2Error::Unavailable(format!("token response is not the expected JSON: {e}"))
        })?;
        if ok.access_token.is_empty() {
            return Err(OAuth2Error::Unavailable("empty access_token".into()));
        }
        // Microsoft once sent expires_in as a string; accept both.
        let lifetime = match ok.expires_in {
            Some(serde_json::Value::Number(n)) => n.as_i64(),
            Some(serde_json::Value::String(s)) => s.trim().parse().ok(),
            _ => None,
        }
        .filter(|s| *s > 0)
        .unwrap_or(DEFAULT_LIFETIME);
        return Ok(Grant {
            access_token: Secret::new(ok.access_token),
            expires_at: now.saturating_add(lifetime),
            refresh_token: ok.refresh_token.filter(|r| !r.is_empty()).map(Secret::new),
        });
    }
    let err: Option<Err_> = serde_json::from_str(body).ok();
    let (code, text) = match &err {
        Some(e) => (
            e.error.as_str(),
            format!(
                "HTTP {status} {}{}",
                e.error,
                e.error_description
                    .as_deref()
                    .map(|d| format!(": {}", first_line(d)))
                    .unwrap_or_default()
            ),
        ),
        None => ("", format!("HTTP {status}: {}", first_line(body))),
    };
    match code {
        "authorization_pending" => Err(OAuth2Error::Pending),
        "slow_down" => Err(OAuth2Error::SlowDown),
        "invalid_grant"
        | "invalid_client"
        | "unauthorized_client"
        | "access_denied"
        | "consent_required"
        | "interaction_required"
        | "expired_token"
        | "invalid_scope" => Err(OAuth2Error::Revoked(text)),
        _ if status == 400 || status == 401 => Err(OAuth2Error::Revoked(text)),
        _ => Err(OAuth2Error::Unavailable(text)),
    }
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or("").chars().take(200).collect()
}

/// Refresh this long before the expiry (half the lifetime for short-lived tokens).
pub const REFRESH_MARGIN: i64 = 120;

/// Whether a token obtained at `obtained_at`, expiring at `expires_at`, should be
/// refreshed at `now` before it is used.
pub fn needs_refresh(obtained_at: Timestamp, expires_at: Timestamp, now: Timestamp) -> bool {
    let lifetime = (expires_at - obtained_at).max(0);
    let margin = REFRESH_MARGIN.min(lifetime / 2);
    now >= expires_at - margin
}

/// Seconds to wait after the `failures`-th failed refresh in a row: 5 s doubling to 15 min.
pub fn backoff_secs(failures: u32) -> i64 {
    let exp = failures.saturating_sub(1).min(10);
    (5i64 << exp).min(15 * 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_responses_by_what_the_caller_does() {
        let now = 1_000;
        let g = parse_token_response(
            200,
            r#"{"access_token":"A","expires_in":3599,"refresh_token":"R2","token_type":"Bearer"}"#,
            now,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(g.access_token.expose(), "A");
        assert_eq!(g.expires_at, 4_599);
        assert_eq!(g.refresh_token.as_ref().map(|s| s.expose()), Some("R2"));
        // Google does not rotate: no refresh_token; a string expires_in is accepted.
        let g = parse_token_response(200, r#"{"access_token":"A","expires_in":"60"}"#, now)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((g.expires_at, g.refresh_token), (1_060, None));
        type Check = fn(&OAuth2Error) -> bool;
        let cases: &[(u16, &str, Check)] = &[
            (
                400,
                r#"{"error":"invalid_grant","error_description":"AADSTS70008: expired"}"#,
                |e| matches!(e, OAuth2Error::Revoked(m) if m.contains("AADSTS70008")),
            ),
            (400, r#"{"error":"invalid_client"}"#, |e| {
                matches!(e, OAuth2Error::Revoked(_))
            }),
            (400, r#"{"error":"authorization_pending"}"#, |e| {
                *e == OAuth2Error::Pending
            }),
            (400, r#"{"error":"slow_down"}"#, |e| {
                *e == OAuth2Error::SlowDown
            }),
            (401, "Unauthorized", |e| {
                matches!(e, OAuth2Error::Revoked(_))
            }),
            (503, "<html>busy</html>", |e| {
                matches!(e, OAuth2Error::Unavailable(_))
            }),
            (429, r#"{"error":"temporarily_unavailable"}"#, |e| {
                matches!(e, OAuth2Error::Unavailable(_))
            }),
            (200, "not json", |e| {
                matches!(e, OAuth2Error::Unavailable(_))
            }),
            (200, r#"{"access_token":""}"#, |e| {
                matches!(e, OAuth2Error::Unavailable(_))
            }),
        ];
        for (status, body, ok) in cases {
            let e = parse_token_response(*status, body, now).err();
            assert!(e.as_ref().is_some_and(ok), "{status} {body}: {e:?}");
        }
    }

    #[test]
    fn refresh_ahead_of_expiry() {
        // One-hour token: refreshed two minutes before it expires.
        assert!(!needs_refresh(0, 3600, 3479));
        assert!(needs_refresh(0, 3600, 3480));
        assert!(needs_refresh(0, 3600, 4000));
        // A 10 s token is refreshed after half its life.
        assert!(!needs_refresh(0, 10, 4));
        assert!(needs_refresh(0, 10, 5));
    }

    #[test]
    fn backoff_doubles_to_a_cap() {
        let v: Vec<i64> = (1..=10).map(backoff_secs).collect();
        assert_eq!(v, vec![5, 10, 20, 40, 80, 160, 320, 640, 900, 900]);
        assert_eq!(backoff_secs(0), 5);
        assert_eq!(backoff_secs(u32::MAX), 900);
    }
}
