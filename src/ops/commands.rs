//! The operator's commands: `supportbot status` and `supportbot oauth2 login`.

use crate::config::{Config, OAuth2, OAuth2Effective, Provider};
use crate::mail::oauth2::{login, save_refresh_token};
use anyhow::{bail, Context as _};
use std::path::Path;
use std::process::ExitCode;

/// `supportbot status [--json]`: exit 0 when healthy, 1 otherwise.
pub async fn status(cfg: &Config, store: &crate::store::Store, json: bool) -> ExitCode {
    let now = crate::clock::now();
    let f = super::status::facts(store, cfg, now).await;
    let h = super::health::evaluate(&f);
    if json {
        println!("{}", serde_json::to_string_pretty(&h).unwrap_or_default());
    } else {
        print!("{}", super::status::render(&h));
    }
    if h.healthy() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Read the config without validating it: `oauth2 login` must work while the refresh
/// token file it is about to write is still missing (which `check-config` reports).
pub fn load_unvalidated(path: &Path) -> anyhow::Result<Config> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("Read the config file {}", path.display()))?;
    let mut cfg: Config = toml::from_str(&text)
        .with_context(|| format!("Parse the config file {}", path.display()))?;
    let base = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    cfg.base_dir = std::path::absolute(base).unwrap_or_else(|_| base.to_path_buf());
    Ok(cfg)
}

/// The `[… .oauth2]` table named by `table`.
fn table<'a>(cfg: &'a Config, table: &str) -> anyhow::Result<&'a OAuth2> {
    let t = match table {
        "mailbox" => cfg.mailbox.oauth2.as_ref(),
        "smtp" => cfg.smtp.oauth2.as_ref(),
        other => {
            let i: usize = other
                .strip_prefix("mailboxes[")
                .and_then(|r| r.strip_suffix(']'))
                .and_then(|n| n.parse().ok())
                .with_context(|| format!("--table {other:?}: use mailbox, smtp or mailboxes[N]"))?;
            cfg.mailboxes.get(i).and_then(|m| m.oauth2.as_ref())
        }
    };
    t.with_context(|| format!("The config has no [{table}.oauth2] table (see README, Operations)"))
}

/// `supportbot oauth2 login`.
pub async fn oauth2_login(
    cfg: &Config,
    table_name: &str,
    provider: Option<&str>,
    flow: Option<&str>,
    port: u16,
) -> anyhow::Result<ExitCode> {
    let mut t = table(cfg, table_name)?.clone();
    if let Some(p) = provider {
        t.provider = Some(p.parse::<Provider>().map_err(anyhow::Error::msg)?);
    }
    let mut e: OAuth2Effective = t.effective();
    let Some(file) = e.refresh_token_file.take().map(|f| cfg.resolve(&f)) else {
        bail!("[{table_name}.oauth2] needs refresh_token_file to store the token in");
    };
    if e.client_id.trim().is_empty() {
        bail!("[{table_name}.oauth2] client_id is missing (your app registration's client ID)");
    }
    let flow = match flow {
        Some(f) => f.to_string(),
        None if t.provider == Some(Provider::Google) => "browser".into(),
        None => "device".into(),
    };
    let now = || crate::clock::now();
    let grant = match flow.as_str() {
        "device" => {
            let show = |d: &login::DeviceCode| {
                match &d.message {
                    Some(m) => println!("{m}"),
                    None => println!(
                        "Open {} in a browser and enter the code {}",
                        d.verification_uri, d.user_code
                    ),
                }
                println!(
                    "Waiting for the sign-in (up to {} minutes)…",
                    d.expires_in / 60
                );
            };
            login::device_login(&e, &show, &now).await?
        }
        "browser" => {
            let show = |url: &str| {
                println!(
                    "Open this URL in a browser on this machine and sign in as the mailbox account"
                );
                println!("(on a remote server: ssh -L PORT:127.0.0.1:PORT, with --port PORT):\n\n{url}\n");
            };
            login::loopback_login(&e, port, &show, &now).await?
        }
        other => bail!("--flow {other:?}: use device or browser"),
    };
    let Some(refresh) = grant.refresh_token else {
        bail!("The provider returned no refresh token: include offline_access (Microsoft) or access_type=offline (Google) in the scopes");
    };
    save_refresh_token(&file, &refresh)
        .with_context(|| format!("Save the refresh token to {}", file.display()))?;
    println!("Refresh token saved to {} (mode 0600).", file.display());
    Ok(ExitCode::SUCCESS)
}
