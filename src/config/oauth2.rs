//! `auth` and `[mailbox.oauth2]` / `[smtp.oauth2]` / `[mailboxes.oauth2]`: how supportbot
//! logs in to providers that turned password login off (Microsoft 365, Google Workspace).
//! The presets fill in the token URLs and scopes; `effective()` gives the merged values
//! the token client uses, and `problems()` lists what is missing for `check-config`.

use serde::Deserialize;
use std::path::PathBuf;

/// How to authenticate to the IMAP or SMTP server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum AuthMethod {
    /// LOGIN / AUTH PLAIN with `password` or `password_env`.
    #[default]
    Password,
    /// SASL XOAUTH2 (Google's and Microsoft's mechanism).
    Xoauth2,
    /// SASL OAUTHBEARER (RFC 7628).
    Oauthbearer,
}

impl AuthMethod {
    pub fn is_oauth(self) -> bool {
        !matches!(self, AuthMethod::Password)
    }
}

/// A known identity provider whose endpoints and scopes are filled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Provider {
    Microsoft,
    Google,
}

impl std::str::FromStr for Provider {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "microsoft" | "m365" | "office365" | "outlook" => Ok(Provider::Microsoft),
            "google" | "gmail" => Ok(Provider::Google),
            other => Err(format!(
                "unknown provider {other:?} (use microsoft or google)"
            )),
        }
    }
}

/// `[mailbox.oauth2]` as written in the file.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct OAuth2 {
    /// `microsoft` or `google`: fills `token_url`, `device_url`, `auth_url` and `scopes`.
    pub provider: Option<Provider>,
    /// Microsoft tenant (directory ID or domain); default `organizations`.
    pub tenant: Option<String>,
    /// Token endpoint (refresh grant).
    pub token_url: Option<String>,
    /// Device authorization endpoint (`oauth2 login`, RFC 8628).
    pub device_url: Option<String>,
    /// Authorization endpoint (`oauth2 login` with a loopback redirect, for Google).
    pub auth_url: Option<String>,
    pub client_id: String,
    /// Variable holding the client secret (Google needs one; Microsoft public clients do not).
    pub client_secret_env: Option<String>,
    /// Variable holding the refresh token (read-only: a rotated token cannot be saved).
    pub refresh_token_env: Option<String>,
    /// File holding the refresh token; a rotated token is written back (mode 0600).
    pub refresh_token_file: Option<PathBuf>,
    pub scopes: Option<Vec<String>>,
}

/// The merged OAuth2 settings: preset plus explicit keys (explicit wins).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OAuth2Effective {
    pub token_url: String,
    pub device_url: Option<String>,
    pub auth_url: Option<String>,
    pub client_id: String,
    pub client_secret_env: Option<String>,
    pub refresh_token_env: Option<String>,
    pub refresh_token_file: Option<PathBuf>,
    pub scopes: Vec<String>,
}

/// Scopes that cover IMAP and SMTP at Microsoft 365 (one refresh token for both).
pub const MICROSOFT_SCOPES: &[&str] = &[
    "https://outlook.office.com/IMAP.AccessAsUser.All",
    "https://outlook.office.com/SMTP.Send",
    "offline_access",
];
/// Google's one scope for IMAP and SMTP.
pub const GOOGLE_SCOPES: &[&str] = &["https://mail.google.com/"];

impl OAuth2 {
    /// The preset of `provider` overlaid with the explicit keys.
    pub fn effective(&self) -> OAuth2Effective {
        let tenant = self
            .tenant
            .clone()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| "organizations".into());
        let (token, device, auth, scopes): (
            Option<String>,
            Option<String>,
            Option<String>,
            &[&str],
        ) = match self.provider {
            Some(Provider::Microsoft) => (
                Some(format!(
                    "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token"
                )),
                Some(format!(
                    "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/devicecode"
                )),
                Some(format!(
                    "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/authorize"
                )),
                MICROSOFT_SCOPES,
            ),
            Some(Provider::Google) => (
                Some("https://oauth2.googleapis.com/token".into()),
                Some("https://oauth2.googleapis.com/device/code".into()),
                Some("https://accounts.google.com/o/oauth2/v2/auth".into()),
                GOOGLE_SCOPES,
            ),
            None => (None, None, None, &[]),
        };
        OAuth2Effective {
            token_url: self.token_url.clone().or(token).unwrap_or_default(),
            device_url: self.device_url.clone().or(device),
            auth_url: self.auth_url.clone().or(auth),
            client_id: self.client_id.clone(),
            client_secret_env: self.client_secret_env.clone(),
            refresh_token_env: self.refresh_token_env.clone(),
            refresh_token_file: self.refresh_token_file.clone(),
            scopes: self
                .scopes
                .clone()
                .unwrap_or_else(|| scopes.iter().map(|s| s.to_string()).collect()),
        }
    }
}

/// What is missing for `auth` at `name` (`mailbox`, `smtp`, `mailboxes[0]`). `file_exists`
/// tells whether the (resolved) refresh token file is there; `env_set` whether a variable
/// is set. Both are passed in so the check stays testable.
pub fn problems(
    name: &str,
    auth: AuthMethod,
    o: Option<&OAuth2>,
    file_exists: &dyn Fn(&std::path::Path) -> bool,
    env_set: &dyn Fn(&str) -> bool,
) -> Vec<String> {
    let mut p = Vec::new();
    if !auth.is_oauth() {
        if o.is_some() {
            p.push(format!(
                "{name}.oauth2 is set but {name}.auth is \"password\" (set auth = \"xoauth2\" or \"oauthbearer\")"
            ));
        }
        return p;
    }
    let Some(o) = o else {
        p.push(format!(
            "{name}.auth is OAuth2 but [{name}.oauth2] is missing (provider, client_id, refresh_token_file)"
        ));
        return p;
    };
    let e = o.effective();
    if e.token_url.trim().is_empty() {
        p.push(format!(
            "{name}.oauth2.token_url is missing (or set provider = \"microsoft\" | \"google\")"
        ));
    } else if !(e.token_url.starts_with("https://") || e.token_url.starts_with("http://")) {
        p.push(format!(
            "{name}.oauth2.token_url {:?} is not an http(s) URL",
            e.token_url
        ));
    }
    if e.client_id.trim().is_empty() {
        p.push(format!(
            "{name}.oauth2.client_id is missing (the application (client) ID of your app registration)"
        ));
    }
    if let Some(var) = &e.client_secret_env {
        if !env_set(var) {
            p.push(format!(
                "{name}.oauth2.client_secret_env names {var}, which is not set"
            ));
        }
    }
    match (&e.refresh_token_env, &e.refresh_token_file) {
        (None, None) => p.push(format!(
            "{name}.oauth2 needs refresh_token_file or refresh_token_env (run `supportbot oauth2 login`)"
        )),
        (Some(_), Some(_)) => p.push(format!(
            "{name}.oauth2: set only one of refresh_token_file and refresh_token_env"
        )),
        (Some(var), None) if !env_set(var) => p.push(format!(
            "{name}.oauth2.refresh_token_env names {var}, which is not set"
        )),
        (None, Some(f)) if !file_exists(f) => p.push(format!(
            "{name}.oauth2.refresh_token_file {} does not exist yet (run `supportbot oauth2 login --provider …`)",
            f.display()
        )),
        _ => {}
    }
    if e.scopes.is_empty() {
        p.push(format!(
            "{name}.oauth2.scopes is empty (or set provider = \"microsoft\" | \"google\")"
        ));
    }
    p
}

impl super::Config {
    /// Every OAuth2 problem of `[mailbox]`, `[[mailboxes]]` and `[smtp]`.
    pub fn oauth2_problems(&self) -> Vec<String> {
        let exists = |f: &std::path::Path| self.resolve(f).is_file();
        let env_set = |v: &str| std::env::var_os(v).is_some_and(|x| !x.is_empty());
        let mut p = problems(
            "mailbox",
            self.mailbox.auth,
            self.mailbox.oauth2.as_ref(),
            &exists,
            &env_set,
        );
        for (i, m) in self.mailboxes.iter().enumerate() {
            p.extend(problems(
                &format!("mailboxes[{i}]"),
                m.auth,
                m.oauth2.as_ref(),
                &exists,
                &env_set,
            ));
        }
        // [smtp] may borrow the mailbox's token (same account at the same provider).
        let smtp_table = self.smtp.oauth2.as_ref().or(self
            .mailbox
            .oauth2
            .as_ref()
            .filter(|_| self.smtp.oauth2.is_none()));
        if self.smtp.auth.is_oauth() && self.smtp.oauth2.is_none() && smtp_table.is_none() {
            p.push(
                "smtp.auth is OAuth2 but neither [smtp.oauth2] nor [mailbox.oauth2] is set".into(),
            );
        } else if self.smtp.oauth2.is_some() {
            p.extend(problems(
                "smtp",
                self.smtp.auth,
                self.smtp.oauth2.as_ref(),
                &exists,
                &env_set,
            ));
        }
        if self.smtp.auth.is_oauth() && self.smtp.username.is_none() {
            p.push("smtp.username is needed for OAuth2 (the mailbox address)".into());
        }
        p
    }

    /// The effective OAuth2 settings of `[mailbox]` (paths resolved), when it uses OAuth2.
    pub fn mailbox_oauth2(&self) -> Option<OAuth2Effective> {
        if !self.mailbox.auth.is_oauth() {
            return None;
        }
        self.mailbox.oauth2.as_ref().map(|o| self.resolved(o))
    }

    /// The effective OAuth2 settings of `[smtp]`: its own table, else the mailbox's.
    pub fn smtp_oauth2(&self) -> Option<OAuth2Effective> {
        if !self.smtp.auth.is_oauth() {
            return None;
        }
        self.smtp
            .oauth2
            .as_ref()
            .or(self.mailbox.oauth2.as_ref())
            .map(|o| self.resolved(o))
    }

    fn resolved(&self, o: &OAuth2) -> OAuth2Effective {
        let mut e = o.effective();
        e.refresh_token_file = e.refresh_token_file.map(|f| self.resolve(&f));
        e
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn parse(s: &str) -> OAuth2 {
        toml::from_str(s).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn presets_fill_urls_and_scopes_and_explicit_keys_win() {
        let m = parse("provider = \"microsoft\"\ntenant = \"contoso.com\"\nclient_id = \"x\"");
        let e = m.effective();
        assert_eq!(
            e.token_url,
            "https://login.microsoftonline.com/contoso.com/oauth2/v2.0/token"
        );
        assert!(e
            .scopes
            .iter()
            .any(|s| s.ends_with("IMAP.AccessAsUser.All")));
        assert!(e.scopes.iter().any(|s| s == "offline_access"));
        let g =
            parse("provider = \"google\"\ntoken_url = \"http://127.0.0.1:1/t\"\nscopes = [\"a\"]");
        let e = g.effective();
        assert_eq!(e.token_url, "http://127.0.0.1:1/t");
        assert_eq!(e.scopes, vec!["a".to_string()]);
        assert_eq!(
            e.device_url.as_deref(),
            Some("https://oauth2.googleapis.com/device/code")
        );
    }

    #[test]
    fn problems_name_every_missing_piece() {
        let yes = |_: &Path| true;
        let no = |_: &Path| false;
        let env_no = |_: &str| false;
        let env_yes = |_: &str| true;
        // auth = oauth without a table
        let p = problems("mailbox", AuthMethod::Xoauth2, None, &yes, &env_yes);
        assert!(
            p.iter().any(|m| m.contains("[mailbox.oauth2] is missing")),
            "{p:?}"
        );
        // an empty table: token_url, client_id, refresh token, scopes
        let empty = OAuth2::default();
        let p = problems(
            "smtp",
            AuthMethod::Oauthbearer,
            Some(&empty),
            &yes,
            &env_yes,
        );
        assert_eq!(p.len(), 4, "{p:?}");
        // preset, but the refresh token file is missing and the secret variable unset
        let o = parse(
            "provider = \"google\"\nclient_id = \"c\"\nclient_secret_env = \"S\"\nrefresh_token_file = \"t\"",
        );
        let p = problems("mailbox", AuthMethod::Xoauth2, Some(&o), &no, &env_no);
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(p.iter().any(|m| m.contains("oauth2 login")));
        assert!(problems("mailbox", AuthMethod::Xoauth2, Some(&o), &yes, &env_yes).is_empty());
        // an oauth2 table with password auth is a mistake
        let p = problems("mailbox", AuthMethod::Password, Some(&o), &yes, &env_yes);
        assert_eq!(p.len(), 1);
        assert!(problems("mailbox", AuthMethod::Password, None, &yes, &env_yes).is_empty());
    }

    #[test]
    fn the_example_config_table_parses_once_uncommented() {
        let example = include_str!("../../config/supportbot.example.toml");
        let block: String = example
            .lines()
            .skip_while(|l| !l.contains("oauth2-example-begin"))
            .skip(1)
            .take_while(|l| !l.contains("oauth2-example-end"))
            .filter_map(|l| l.strip_prefix("# "))
            .filter(|l| !l.starts_with('['))
            .map(|l| format!("{l}\n"))
            .collect();
        // refresh_token_env and _file together are a check-config error, not a parse error.
        let o = parse(&block);
        assert_eq!(o.provider, Some(Provider::Microsoft));
        assert!(o.refresh_token_file.is_some() && o.refresh_token_env.is_some());
        assert_eq!(o.effective().scopes.len(), 3);
    }

    #[test]
    fn provider_names_parse() {
        assert_eq!("Microsoft".parse::<Provider>(), Ok(Provider::Microsoft));
        assert_eq!("gmail".parse::<Provider>(), Ok(Provider::Google));
        assert!("yahoo".parse::<Provider>().is_err());
    }
}
