//! `supportbot oauth2 login`: obtain the first refresh token interactively.
//! - Device code (RFC 8628), Microsoft's way for a headless server: print the URL and the
//!   code, poll the token endpoint at the given interval until the user has signed in.
//! - Loopback browser flow (RFC 8252 §7.3 with PKCE, RFC 7636), Google's way: Google
//!   does not allow the mail scope in its device flow. A one-shot HTTP listener on
//!   127.0.0.1 receives the redirect (forward the port over SSH on a remote server).

use super::{client_secret, grant, post_form, Grant, OAuth2Error};
use crate::config::OAuth2Effective;
use crate::ticket::model::Timestamp;
use base64::Engine as _;
use serde::Deserialize;
use sha2::Digest as _;
use std::time::Duration;

/// The device authorization answer (RFC 8628 §3.2; Google says `verification_url`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct DeviceCode {
    pub device_code: String,
    pub user_code: String,
    #[serde(alias = "verification_url")]
    pub verification_uri: String,
    #[serde(default)]
    pub verification_uri_complete: Option<String>,
    #[serde(default = "default_expires")]
    pub expires_in: i64,
    #[serde(default = "default_interval")]
    pub interval: u64,
    /// Microsoft's ready-made instruction text.
    #[serde(default)]
    pub message: Option<String>,
}

fn default_expires() -> i64 {
    900
}
fn default_interval() -> u64 {
    5
}

/// Read a device authorization answer. Pure.
pub fn parse_device_code(status: u16, body: &str) -> Result<DeviceCode, OAuth2Error> {
    if !(200..300).contains(&status) {
        return match grant::parse_token_response(status, body, 0) {
            Err(e) => Err(e),
            Ok(_) => Err(OAuth2Error::Unavailable(format!("HTTP {status}"))),
        };
    }
    serde_json::from_str(body)
        .map_err(|e| OAuth2Error::Unavailable(format!("device code answer not understood: {e}")))
}

/// Run the device-code flow: `show` is called once with the code to enter; `now` reads
/// the clock. Returns the grant with the refresh token.
pub async fn device_login(
    s: &OAuth2Effective,
    show: &dyn Fn(&DeviceCode),
    now: &dyn Fn() -> Timestamp,
) -> Result<Grant, OAuth2Error> {
    let http = super::http_client();
    let url = s
        .device_url
        .as_deref()
        .ok_or_else(|| OAuth2Error::Config("no device_url (set provider or device_url)".into()))?;
    let mut form: Vec<(&str, String)> = vec![("client_id", s.client_id.clone())];
    if !s.scopes.is_empty() {
        form.push(("scope", s.scopes.join(" ")));
    }
    let resp = http
        .post(url)
        .header("Accept", "application/json")
        .form(&form)
        .send()
        .await
        .map_err(|e| OAuth2Error::Unavailable(format!("{url}: {e}")))?;
    let status = resp.status().as_u16();
    let body = resp.text().await.unwrap_or_default();
    let code = parse_device_code(status, &body)?;
    show(&code);
    let deadline = now() + code.expires_in;
    let mut interval = code.interval.max(1);
    let mut poll: Vec<(&str, String)> = vec![
        (
            "grant_type",
            "urn:ietf:params:oauth:grant-type:device_code".into(),
        ),
        ("device_code", code.device_code.clone()),
        ("client_id", s.client_id.clone()),
    ];
    if let Some(secret) = client_secret(s)? {
        poll.push(("client_secret", secret.expose().to_string()));
    }
    loop {
        tokio::time::sleep(Duration::from_secs(interval)).await;
        match post_form(&http, &s.token_url, &poll, now()).await {
            Ok(g) => return Ok(g),
            Err(OAuth2Error::Pending) => {}
            Err(OAuth2Error::SlowDown) => interval += 5,
            Err(e) => return Err(e),
        }
        if now() > deadline {
            return Err(OAuth2Error::Revoked(
                "the device code expired before the sign-in finished".into(),
            ));
        }
    }
}

/// A PKCE verifier and its S256 challenge.
pub fn pkce_pair(random: &[u8; 32]) -> (String, String) {
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let verifier = b64.encode(random);
    let challenge = b64.encode(sha2::Sha256::digest(verifier.as_bytes()));
    (verifier, challenge)
}

/// The browser URL of the loopback flow. Pure.
pub fn authorize_url(
    s: &OAuth2Effective,
    redirect_uri: &str,
    challenge: &str,
    state: &str,
) -> Result<String, OAuth2Error> {
    let base = s
        .auth_url
        .as_deref()
        .ok_or_else(|| OAuth2Error::Config("no auth_url (set provider or auth_url)".into()))?;
    let mut u = reqwest::Url::parse(base)
        .map_err(|e| OAuth2Error::Config(format!("auth_url {base:?}: {e}")))?;
    u.query_pairs_mut()
        .append_pair("client_id", &s.client_id)
        .append_pair("redirect_uri", redirect_uri)
        .append_pair("response_type", "code")
        .append_pair("scope", &s.scopes.join(" "))
        .append_pair("access_type", "offline")
        .append_pair("prompt", "consent")
        .append_pair("code_challenge", challenge)
        .append_pair("code_challenge_method", "S256")
        .append_pair("state", state);
    Ok(u.to_string())
}

/// Run the loopback flow: listen on 127.0.0.1:`port` (0: any), `show` the URL, wait
/// for the redirect (at most 10 minutes), exchange the code.
pub async fn loopback_login(
    s: &OAuth2Effective,
    port: u16,
    show: &dyn Fn(&str),
    now: &dyn Fn() -> Timestamp,
) -> Result<Grant, OAuth2Error> {
    use axum::extract::Query;
    use std::collections::HashMap;
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
        .await
        .map_err(|e| OAuth2Error::Config(format!("cannot listen on 127.0.0.1:{port}: {e}")))?;
    let addr = listener
        .local_addr()
        .map_err(|e| OAuth2Error::Config(e.to_string()))?;
    let redirect = format!("http://127.0.0.1:{}/", addr.port());
    let mut random = [0u8; 32];
    rand::Rng::fill(&mut rand::thread_rng(), &mut random);
    let (verifier, challenge) = pkce_pair(&random);
    let state = hex::encode(sha2::Sha256::digest(verifier.as_bytes()))
        .chars()
        .take(16)
        .collect::<String>();
    show(&authorize_url(s, &redirect, &challenge, &state)?);

    let (tx, mut rx) = tokio::sync::mpsc::channel::<HashMap<String, String>>(1);
    let app = axum::Router::new().route(
        "/",
        axum::routing::get(move |Query(q): Query<HashMap<String, String>>| {
            let tx = tx.clone();
            async move {
                let _ = tx.send(q).await;
                "supportbot: sign-in received, you can close this window."
            }
        }),
    );
    let server = tokio::spawn(async move { axum::serve(listener, app).await });
    let got = tokio::time::timeout(Duration::from_secs(600), rx.recv()).await;
    server.abort();
    let q = got
        .ok()
        .flatten()
        .ok_or_else(|| OAuth2Error::Revoked("no sign-in within 10 minutes".into()))?;
    if q.get("state").map(String::as_str) != Some(state.as_str()) {
        return Err(OAuth2Error::Revoked(
            "the redirect carried the wrong state".into(),
        ));
    }
    if let Some(err) = q.get("error") {
        return Err(OAuth2Error::Revoked(format!("sign-in refused: {err}")));
    }
    let code = q
        .get("code")
        .ok_or_else(|| OAuth2Error::Revoked("the redirect carried no code".into()))?;
    let mut form: Vec<(&str, String)> = vec![
        ("grant_type", "authorization_code".into()),
        ("code", code.clone()),
        ("redirect_uri", redirect),
        ("client_id", s.client_id.clone()),
        ("code_verifier", verifier),
    ];
    if let Some(secret) = client_secret(s)? {
        form.push(("client_secret", secret.expose().to_string()));
    }
    post_form(&super::http_client(), &s.token_url, &form, now()).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn google() -> OAuth2Effective {
        crate::config::OAuth2 {
            provider: Some(crate::config::Provider::Google),
            client_id: "cid.apps.googleusercontent.com".into(),
            ..Default::default()
        }
        .effective()
    }

    #[test]
    fn device_code_answers_of_both_providers_parse() {
        let ms = r#"{"user_code":"ABCD-EFGH","device_code":"dc","verification_uri":"https://microsoft.com/devicelogin","expires_in":900,"interval":5,"message":"To sign in, use a web browser..."}"#;
        let d = parse_device_code(200, ms).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(d.verification_uri, "https://microsoft.com/devicelogin");
        assert_eq!(d.interval, 5);
        let g = r#"{"device_code":"dc","user_code":"GQVQ-JKEC","verification_url":"https://www.google.com/device","expires_in":1800,"interval":5}"#;
        let d = parse_device_code(200, g).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(d.verification_uri, "https://www.google.com/device");
        assert!(matches!(
            parse_device_code(400, r#"{"error":"invalid_scope"}"#),
            Err(OAuth2Error::Revoked(_))
        ));
    }

    #[test]
    fn pkce_matches_rfc_7636_appendix_b() {
        // RFC 7636 Appendix B: these 32 octets give this verifier and challenge.
        let octets: [u8; 32] = [
            116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212,
            37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121,
        ];
        let (v, c) = pkce_pair(&octets);
        assert_eq!(v, "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        assert_eq!(c, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    #[test]
    fn authorize_url_asks_for_offline_access_with_pkce() {
        let u = authorize_url(&google(), "http://127.0.0.1:8765/", "CH", "ST")
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(u.starts_with("https://accounts.google.com/o/oauth2/v2/auth?"));
        for part in [
            "access_type=offline",
            "code_challenge=CH",
            "code_challenge_method=S256",
            "state=ST",
            "scope=https%3A%2F%2Fmail.google.com%2F",
            "redirect_uri=http%3A%2F%2F127.0.0.1%3A8765%2F",
        ] {
            assert!(u.contains(part), "{part} missing in {u}");
        }
    }
}
