//! A small OAuth2 token endpoint for the tests: the identity provider whose tokens the
//! OAuth2 test Dovecot accepts (it introspects them with tests/env/oauth2_idp.py, which
//! checks the same HMAC key). It answers the refresh grant, can rotate refresh tokens,
//! revoke them, and hand out a token Dovecot will refuse, and counts requests. Runs on
//! its own thread and runtime, like the switchable proxy.
#![allow(dead_code)]

use base64::Engine as _;
use hmac::{Hmac, Mac};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

#[derive(Debug, Default)]
struct State {
    key: Vec<u8>,
    /// refresh token → user
    accounts: HashMap<String, String>,
    lifetime: i64,
    rotate: bool,
    /// Tokens still to hand out that Dovecot refuses (expired, but reported as valid).
    bad_next: u32,
    requests: u32,
    /// Device-code login: the user signing in, and polls left before it completes.
    device_user: Option<String>,
    device_pending: u32,
    /// Browser login: code → (user, PKCE challenge).
    codes: HashMap<String, (String, String)>,
}

/// The running endpoint.
pub struct Idp {
    pub token_url: String,
    state: Arc<Mutex<State>>,
}

/// The OAuth2 part of the test environment (BASE/oauth2/env.json).
#[derive(Debug, Clone, serde::Deserialize)]
pub struct OAuth2Env {
    pub imap_port: u16,
    pub imaps_port: u16,
    /// Dovecot submission with the same token check, relaying to Postfix.
    pub submission_port: u16,
    pub idp_port: u16,
    pub key_file: std::path::PathBuf,
}

impl OAuth2Env {
    pub fn get() -> OAuth2Env {
        let env = crate::env::TestEnv::get();
        let text = std::fs::read_to_string(env.base.join("oauth2/env.json"))
            .expect("BASE/oauth2/env.json (written by tests/env/up.sh)");
        serde_json::from_str(&text).expect("oauth2 env.json")
    }
}

/// The access token format tests/env/oauth2_idp.py checks.
pub fn mint(key: &[u8], user: &str, exp: i64) -> String {
    let u = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(user);
    let signed = format!("v1.{u}.{exp}");
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(key).expect("hmac key");
    mac.update(signed.as_bytes());
    format!("{signed}.{}", hex::encode(mac.finalize().into_bytes()))
}

impl Idp {
    pub fn start() -> Idp {
        let o = OAuth2Env::get();
        let key = std::fs::read_to_string(&o.key_file)
            .expect("oauth2 key")
            .trim()
            .as_bytes()
            .to_vec();
        let state = Arc::new(Mutex::new(State {
            key,
            lifetime: 3600,
            ..Default::default()
        }));
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind idp");
        listener.set_nonblocking(true).expect("nonblocking");
        let port = listener.local_addr().expect("addr").port();
        let st = state.clone();
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("idp runtime");
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
                let app = axum::Router::new()
                    .route("/token", axum::routing::post(token))
                    .route("/device", axum::routing::post(device))
                    .with_state(st);
                let _ = axum::serve(listener, app).await;
            });
        });
        Idp {
            token_url: format!("http://127.0.0.1:{port}/token"),
            state,
        }
    }

    /// A refresh token for `user`.
    pub fn add_account(&self, user: &str) -> String {
        let r = format!("rt-{:016x}", rand::random::<u64>());
        self.state
            .lock()
            .unwrap()
            .accounts
            .insert(r.clone(), user.to_string());
        r
    }
    pub fn revoke_all(&self) {
        self.state.lock().unwrap().accounts.clear();
    }
    pub fn set_lifetime(&self, secs: i64) {
        self.state.lock().unwrap().lifetime = secs;
    }
    pub fn set_rotate(&self, on: bool) {
        self.state.lock().unwrap().rotate = on;
    }
    pub fn issue_bad(&self, n: u32) {
        self.state.lock().unwrap().bad_next = n;
    }
    /// The next device-code login signs in as `user` after `pending` polls.
    pub fn device_login_as(&self, user: &str, pending: u32) {
        let mut s = self.state.lock().unwrap();
        s.device_user = Some(user.to_string());
        s.device_pending = pending;
    }
    /// The browser login hands out `code` for `user`; the exchange must prove `challenge`.
    pub fn expect_code(&self, code: &str, user: &str, challenge: &str) {
        self.state
            .lock()
            .unwrap()
            .codes
            .insert(code.into(), (user.into(), challenge.into()));
    }
    pub fn base_url(&self) -> String {
        self.token_url.trim_end_matches("/token").to_string()
    }
    pub fn requests(&self) -> u32 {
        self.state.lock().unwrap().requests
    }
}

type Shared = Arc<Mutex<State>>;

async fn token(
    axum::extract::State(st): axum::extract::State<Shared>,
    body: String,
) -> (axum::http::StatusCode, String) {
    let form: HashMap<String, String> = url_form(&body);
    let mut s = st.lock().unwrap();
    s.requests += 1;
    if form.get("client_id").map(String::as_str) != Some("supportbot-test") {
        return (
            axum::http::StatusCode::BAD_REQUEST,
            r#"{"error":"invalid_client"}"#.into(),
        );
    }
    match form.get("grant_type").map(String::as_str) {
        Some("urn:ietf:params:oauth:grant-type:device_code") => {
            if s.device_pending > 0 {
                s.device_pending -= 1;
                return (
                    axum::http::StatusCode::BAD_REQUEST,
                    r#"{"error":"authorization_pending"}"#.into(),
                );
            }
            let user = s.device_user.clone().unwrap_or_default();
            return new_login(&mut s, &user);
        }
        Some("authorization_code") => {
            let code = form.get("code").cloned().unwrap_or_default();
            let verifier = form.get("code_verifier").cloned().unwrap_or_default();
            let Some((user, challenge)) = s.codes.remove(&code) else {
                return (
                    axum::http::StatusCode::BAD_REQUEST,
                    r#"{"error":"invalid_grant"}"#.into(),
                );
            };
            let proof = base64::engine::general_purpose::URL_SAFE_NO_PAD
                .encode(<sha2::Sha256 as sha2::Digest>::digest(verifier.as_bytes()));
            if proof != challenge || !form.contains_key("redirect_uri") {
                return (
                    axum::http::StatusCode::BAD_REQUEST,
                    r#"{"error":"invalid_grant","error_description":"PKCE check failed"}"#.into(),
                );
            }
            return new_login(&mut s, &user);
        }
        _ => {}
    }
    let refresh = form.get("refresh_token").cloned().unwrap_or_default();
    if form.get("grant_type").map(String::as_str) != Some("refresh_token") {
        return (
            axum::http::StatusCode::BAD_REQUEST,
            r#"{"error":"invalid_client"}"#.into(),
        );
    }
    let Some(user) = s.accounts.get(&refresh).cloned() else {
        return (
            axum::http::StatusCode::BAD_REQUEST,
            r#"{"error":"invalid_grant","error_description":"AADSTS70000: the refresh token was revoked"}"#.into(),
        );
    };
    let now = supportbot::clock::now();
    let exp = if s.bad_next > 0 {
        s.bad_next -= 1;
        now - 10
    } else {
        now + s.lifetime
    };
    let access = mint(&s.key, &user, exp);
    let mut answer = serde_json::json!({
        "access_token": access,
        "token_type": "Bearer",
        "expires_in": s.lifetime,
    });
    if s.rotate {
        let new = format!("rt-{:016x}", rand::random::<u64>());
        s.accounts.remove(&refresh);
        s.accounts.insert(new.clone(), user);
        answer["refresh_token"] = serde_json::Value::String(new);
    }
    (axum::http::StatusCode::OK, answer.to_string())
}

/// A fresh refresh token (and access token) for `user`.
fn new_login(s: &mut State, user: &str) -> (axum::http::StatusCode, String) {
    let refresh = format!("rt-{:016x}", rand::random::<u64>());
    s.accounts.insert(refresh.clone(), user.to_string());
    let access = mint(&s.key, user, supportbot::clock::now() + s.lifetime);
    let answer = serde_json::json!({
        "access_token": access,
        "token_type": "Bearer",
        "expires_in": s.lifetime,
        "refresh_token": refresh,
    });
    (axum::http::StatusCode::OK, answer.to_string())
}

async fn device(
    axum::extract::State(st): axum::extract::State<Shared>,
    body: String,
) -> (axum::http::StatusCode, String) {
    let form = url_form(&body);
    st.lock().unwrap().requests += 1;
    if form.get("client_id").map(String::as_str) != Some("supportbot-test") {
        return (
            axum::http::StatusCode::BAD_REQUEST,
            r#"{"error":"invalid_client"}"#.into(),
        );
    }
    let answer = serde_json::json!({
        "device_code": "dc-1",
        "user_code": "WDJB-MJHT",
        "verification_uri": "http://127.0.0.1/device",
        "expires_in": 60,
        "interval": 1,
    });
    (axum::http::StatusCode::OK, answer.to_string())
}

fn url_form(body: &str) -> HashMap<String, String> {
    reqwest::Url::parse(&format!("http://form.invalid/?{body}"))
        .map(|u| u.query_pairs().into_owned().collect())
        .unwrap_or_default()
}
