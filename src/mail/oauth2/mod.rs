//! OAuth2 for the mail edges: a [`TokenSource`] that keeps one access token fresh with the
//! refresh grant (before it expires, and once more when a server refuses it), backs off
//! after a failed refresh, and writes a rotated refresh token back to its file atomically
//! (mode 0600). `login` runs the device-code flow (RFC 8628) and the loopback browser flow
//! (RFC 8252 with PKCE) behind `supportbot oauth2 login`. `sasl` builds the XOAUTH2 and
//! OAUTHBEARER strings; `grant` is the pure reading of token responses.
//!
//! HTTP client: reqwest with rustls (ring) and no default features — the rustls, hyper
//! and tokio it needs are already in the tree for lettre, tokio-rustls and axum, so it
//! adds little build time and no second TLS stack.

pub mod grant;
pub mod login;
pub mod sasl;

pub use grant::{Grant, OAuth2Error};

use crate::config::{OAuth2Effective, Secret};
use crate::ticket::model::Timestamp;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How long one token request may take.
const HTTP_TIMEOUT: Duration = Duration::from_secs(30);

/// An OAuth2 login for a mail edge: which SASL mechanism, and where the tokens come from.
#[derive(Debug, Clone)]
pub struct OAuthLogin {
    pub mechanism: crate::config::AuthMethod,
    pub tokens: TokenSource,
}

/// What the token source reports for health and metrics.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TokenStatus {
    /// When the current access token was obtained.
    pub obtained_at: Option<Timestamp>,
    /// Since when refreshing fails (None: the last refresh worked).
    pub failing_since: Option<Timestamp>,
    /// The last refresh error, for the health summary.
    pub last_error: Option<String>,
    /// Whether the provider refused the refresh token (an operator must act).
    pub revoked: bool,
    /// Successful refreshes since start.
    pub refreshes: u64,
    /// Failed refreshes since start.
    pub failures: u64,
}

#[derive(Debug)]
struct Access {
    token: Secret,
    obtained_at: Timestamp,
    expires_at: Timestamp,
}

#[derive(Debug, Default)]
struct State {
    access: Option<Access>,
    refresh: Option<Secret>,
    failures: u32,
    retry_at: Timestamp,
    last_error: String,
}

struct Inner {
    settings: OAuth2Effective,
    http: reqwest::Client,
    state: tokio::sync::Mutex<State>,
    status: Mutex<TokenStatus>,
}

/// A shared, refreshing access token. Clones share one token and one refresh token.
#[derive(Clone)]
pub struct TokenSource {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for TokenSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenSource")
            .field("token_url", &self.inner.settings.token_url)
            .finish_non_exhaustive()
    }
}

/// A reqwest client with our timeout and user agent.
pub(crate) fn http_client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(HTTP_TIMEOUT)
        .user_agent(concat!("supportbot/", env!("CARGO_PKG_VERSION")))
        .build()
        .unwrap_or_default()
}

impl TokenSource {
    pub fn new(settings: OAuth2Effective) -> TokenSource {
        TokenSource {
            inner: Arc::new(Inner {
                settings,
                http: http_client(),
                state: tokio::sync::Mutex::new(State::default()),
                status: Mutex::new(TokenStatus::default()),
            }),
        }
    }

    pub fn settings(&self) -> &OAuth2Effective {
        &self.inner.settings
    }

    /// A usable access token at `now`: the cached one, or a fresh one from the refresh
    /// grant when it is (nearly) expired. While a failed refresh is being backed off, the
    /// endpoint is not asked again and `BackingOff` is returned.
    pub async fn access_token(&self, now: Timestamp) -> Result<Secret, OAuth2Error> {
        let mut st = self.inner.state.lock().await;
        if let Some(a) = &st.access {
            if !grant::needs_refresh(a.obtained_at, a.expires_at, now) {
                return Ok(a.token.clone());
            }
        }
        if st.failures > 0 && now < st.retry_at {
            return Err(OAuth2Error::BackingOff {
                until: st.retry_at,
                last: st.last_error.clone(),
            });
        }
        match self.refresh(&mut st, now).await {
            Ok(token) => Ok(token),
            Err(e) => {
                if e.needs_operator() {
                    // Re-read the file next time: the operator may have run `oauth2 login`.
                    st.refresh = None;
                }
                st.failures = st.failures.saturating_add(1);
                st.retry_at = now + grant::backoff_secs(st.failures);
                st.last_error = e.to_string();
                if let Ok(mut s) = self.inner.status.lock() {
                    s.failures += 1;
                    s.failing_since.get_or_insert(now);
                    s.last_error = Some(e.to_string());
                    s.revoked = e.needs_operator();
                }
                Err(e)
            }
        }
    }

    /// The server refused the current access token: forget it, so the next
    /// [`access_token`](Self::access_token) refreshes (once; failures then back off).
    pub async fn invalidate(&self) {
        self.inner.state.lock().await.access = None;
    }

    pub fn status(&self) -> TokenStatus {
        self.inner
            .status
            .lock()
            .map(|s| s.clone())
            .unwrap_or_default()
    }

    async fn refresh(&self, st: &mut State, now: Timestamp) -> Result<Secret, OAuth2Error> {
        let s = &self.inner.settings;
        let refresh = match &st.refresh {
            Some(r) => r.clone(),
            None => read_refresh_token(s)?,
        };
        let mut form: Vec<(&str, String)> = vec![
            ("grant_type", "refresh_token".into()),
            ("refresh_token", refresh.expose().to_string()),
            ("client_id", s.client_id.clone()),
        ];
        if let Some(secret) = client_secret(s)? {
            form.push(("client_secret", secret.expose().to_string()));
        }
        if !s.scopes.is_empty() {
            form.push(("scope", s.scopes.join(" ")));
        }
        let g = post_form(&self.inner.http, &s.token_url, &form, now).await?;
        if let Some(new) = &g.refresh_token {
            if new != &refresh {
                if let Some(file) = &s.refresh_token_file {
                    // The old token may already be invalid: failing to save is an error
                    // the operator must see, but the new access token is still used.
                    if let Err(e) = save_refresh_token(file, new) {
                        tracing::error!(file = %file.display(), error = %e, "Could not save the rotated OAuth2 refresh token.");
                    }
                }
            }
        }
        st.refresh = Some(g.refresh_token.clone().unwrap_or(refresh));
        st.access = Some(Access {
            token: g.access_token.clone(),
            obtained_at: now,
            expires_at: g.expires_at,
        });
        st.failures = 0;
        if let Ok(mut status) = self.inner.status.lock() {
            status.obtained_at = Some(now);
            status.failing_since = None;
            status.last_error = None;
            status.revoked = false;
            status.refreshes += 1;
        }
        tracing::debug!(
            expires_in = g.expires_at - now,
            "OAuth2 access token refreshed."
        );
        Ok(g.access_token)
    }
}

/// POST a form to a token endpoint and read the answer.
pub(crate) async fn post_form(
    http: &reqwest::Client,
    url: &str,
    form: &[(&str, String)],
    now: Timestamp,
) -> Result<Grant, OAuth2Error> {
    let resp = http
        .post(url)
        .header("Accept", "application/json")
        .form(form)
        .send()
        .await
        .map_err(|e| OAuth2Error::Unavailable(format!("{url}: {e}")))?;
    let status = resp.status().as_u16();
    let body = resp
        .text()
        .await
        .map_err(|e| OAuth2Error::Unavailable(format!("{url}: reading the answer: {e}")))?;
    grant::parse_token_response(status, &body, now)
}

pub(crate) fn client_secret(s: &OAuth2Effective) -> Result<Option<Secret>, OAuth2Error> {
    match &s.client_secret_env {
        None => Ok(None),
        Some(var) => match std::env::var(var) {
            Ok(v) if !v.is_empty() => Ok(Some(Secret::new(v))),
            _ => Err(OAuth2Error::Config(format!(
                "client_secret_env names {var}, which is not set"
            ))),
        },
    }
}

/// The refresh token from `refresh_token_env` or `refresh_token_file` (trimmed).
pub fn read_refresh_token(s: &OAuth2Effective) -> Result<Secret, OAuth2Error> {
    let value = match (&s.refresh_token_env, &s.refresh_token_file) {
        (Some(var), _) => std::env::var(var).map_err(|_| {
            OAuth2Error::Config(format!("refresh_token_env names {var}, which is not set"))
        })?,
        (None, Some(f)) => std::fs::read_to_string(f).map_err(|e| {
            OAuth2Error::Config(format!(
                "cannot read refresh_token_file {}: {e} (run `supportbot oauth2 login`)",
                f.display()
            ))
        })?,
        (None, None) => {
            return Err(OAuth2Error::Config(
                "no refresh_token_file or refresh_token_env".into(),
            ))
        }
    };
    let value = value.trim();
    if value.is_empty() {
        return Err(OAuth2Error::Config("the refresh token is empty".into()));
    }
    Ok(Secret::new(value))
}

/// Write `token` to `file` atomically: a 0600 temporary file in the same folder, synced,
/// then renamed over the old one, so a crash leaves either the old or the new token.
pub fn save_refresh_token(file: &Path, token: &Secret) -> std::io::Result<()> {
    use std::io::Write as _;
    let dir = match file.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir)?;
    // tempfile creates its files with mode 0600 on unix.
    let mut tmp = tempfile::NamedTempFile::new_in(&dir)?;
    tmp.write_all(token.expose().as_bytes())?;
    tmp.write_all(b"\n")?;
    tmp.as_file().sync_all()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    tmp.persist(file).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rotated_token_is_saved_atomically_with_mode_0600() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let f = dir.path().join("sub/refresh-token");
        save_refresh_token(&f, &Secret::new("one")).unwrap_or_else(|e| panic!("{e}"));
        save_refresh_token(&f, &Secret::new("two")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(std::fs::read_to_string(&f).ok().as_deref(), Some("two\n"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(&f)
                .map(|m| m.permissions().mode() & 0o777)
                .ok();
            assert_eq!(mode, Some(0o600));
        }
        // Only the token file is left: no temporary files.
        let n = std::fs::read_dir(dir.path().join("sub"))
            .map(|d| d.count())
            .ok();
        assert_eq!(n, Some(1));
        let s = OAuth2Effective {
            token_url: String::new(),
            device_url: None,
            auth_url: None,
            client_id: String::new(),
            client_secret_env: None,
            refresh_token_env: None,
            refresh_token_file: Some(f),
            scopes: Vec::new(),
        };
        assert_eq!(
            read_refresh_token(&s)
                .map(|t| t.expose().to_string())
                .ok()
                .as_deref(),
            Some("two")
        );
    }
}
