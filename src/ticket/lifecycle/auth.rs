//! Binding an engineer's reply to a ticket and proving the engineer sent it.
//!
//! Binding: the reply token rides in the plus-address we set as `Reply-To` (found again in
//! `To`, `Cc`, `Delivered-To` or `X-Original-To`) and in the notification's Message-ID (found
//! again in `In-Reply-To`/`References`). Proof: the `From` is a configured engineer AND either
//! the token verifies for that engineer and ticket, or an `Authentication-Results` header from a
//! trusted authserv-id reports `dkim=pass` (`header.d`/`header.i` of the sender's domain) or
//! `dmarc=pass` (`header.from` of the sender's domain). A `From` alone proves nothing: anybody
//! can write one. Pure; the secret never leaves this module's arguments.

use super::WorkflowPolicy;
use crate::mail::InboundMail;
use crate::ticket::model::Timestamp;
use crate::ticket::token;

/// How an engineer's mail proved its sender.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Proof {
    /// A valid reply token for this ticket and engineer.
    Token,
    /// A trusted `Authentication-Results` header: which authserv-id and method passed.
    Authenticated(String),
}

/// The (ticket, token) a reply carries: recipient plus-addresses first, then the Message-IDs
/// it answers (newest reference first).
pub fn reply_binding(mail: &InboundMail) -> Option<(u64, String)> {
    let header_addresses = mail
        .headers
        .iter()
        .filter(|(n, _)| n == "delivered-to" || n == "x-original-to" || n == "envelope-to")
        .map(|(_, v)| v.as_str());
    let found = mail
        .to
        .iter()
        .chain(mail.cc.iter())
        .map(|a| a.email.as_str())
        .chain(header_addresses)
        .find_map(token::parse_address_token);
    found.or_else(|| {
        mail.references
            .iter()
            .rev()
            .find_map(|r| token::parse_message_id_token(r))
    })
}

/// Decide whether `engineer_email` really sent `mail` about ticket `ticket`. The error is the
/// reason, for the audit trail.
pub fn authorise(
    mail: &InboundMail,
    engineer_email: &str,
    ticket: i64,
    policy: &WorkflowPolicy,
    now: Timestamp,
) -> Result<Proof, String> {
    let token_result = match reply_binding(mail) {
        None => Err("no reply token".to_string()),
        Some((n, tok)) => {
            if u64::try_from(ticket).ok() != Some(n) {
                Err(format!("reply token is for ticket #{n}, not #{ticket}"))
            } else if policy.secret.is_empty() {
                Err("no workflow secret configured".to_string())
            } else {
                token::verify(
                    &policy.secret,
                    n,
                    engineer_email,
                    &tok,
                    now,
                    policy.token_max_age,
                )
                .map(|()| Proof::Token)
                .map_err(|e| e.to_string())
            }
        }
    };
    match token_result {
        Ok(p) => Ok(p),
        Err(why) => match authentication_passes(mail, engineer_email, &policy.trusted_authserv_ids)
        {
            Some(p) => Ok(p),
            None => Err(format!(
                "{why}, and no trusted DKIM/DMARC pass for the sender's domain"
            )),
        },
    }
}

/// A trusted `Authentication-Results` header (RFC 8601) saying DKIM or DMARC passed for the
/// domain of `sender`. Only the first authserv-id of each header counts, and only listed ones.
pub fn authentication_passes(
    mail: &InboundMail,
    sender: &str,
    trusted: &[String],
) -> Option<Proof> {
    if trusted.is_empty() {
        return None;
    }
    let domain = sender.rsplit_once('@')?.1.trim().to_ascii_lowercase();
    for (_, value) in mail
        .headers
        .iter()
        .filter(|(n, _)| n == "authentication-results")
    {
        let value = strip_comments(value);
        let mut parts = value.split(';');
        let authserv = parts
            .next()
            .and_then(|p| p.split_whitespace().next())
            .unwrap_or_default()
            .to_ascii_lowercase();
        if !trusted.iter().any(|t| t.eq_ignore_ascii_case(&authserv)) {
            continue;
        }
        for result in parts {
            let words: Vec<String> = result
                .split_whitespace()
                .map(str::to_ascii_lowercase)
                .collect();
            let Some(first) = words.first() else {
                continue;
            };
            let prop = |key: &str| {
                words
                    .iter()
                    .find_map(|w| w.strip_prefix(key))
                    .map(|v| v.trim_start_matches('@').trim_matches('"').to_string())
            };
            let ok = match first.as_str() {
                "dkim=pass" => {
                    prop("header.d=").as_deref() == Some(domain.as_str())
                        || prop("header.i=")
                            .map(|i| i.rsplit('@').next().unwrap_or_default() == domain)
                            .unwrap_or(false)
                }
                "dmarc=pass" => prop("header.from=").as_deref() == Some(domain.as_str()),
                _ => false,
            };
            if ok {
                let method = first.trim_end_matches("=pass");
                return Some(Proof::Authenticated(format!("{authserv} {method}=pass")));
            }
        }
    }
    None
}

/// Remove RFC 5322 comments `( … )`, which may say anything, including "dkim=pass".
fn strip_comments(s: &str) -> String {
    let mut depth = 0u32;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '(' => depth = depth.saturating_add(1),
            ')' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}
