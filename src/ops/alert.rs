//! The OAuth2 outage warning: when a mailbox's token cannot be refreshed (revoked,
//! expired, consent withdrawn) the supervisors get one mail per outage, queued in the
//! durable outbox in the same transaction as the outage marker (timer row
//! `oauth2-outage:<mailbox>`), so a restart or a second daemon does not mail again. The
//! marker is cleared when a login works again. The mail itself is built by
//! [`warning_mail`] (pure).

use crate::config::Config;
use crate::mail::render::RenderedMail;
use crate::store::{Store, StoreError};
use crate::ticket::model::Timestamp;
use sha2::Digest as _;

fn marker(mailbox: &str) -> String {
    format!("oauth2-outage:{mailbox}")
}

/// The warning mail for `mailbox`, failing with `error` since `since`. Pure. `None` when
/// there is nobody to tell or the addresses do not parse.
pub fn warning_mail(
    cfg: &Config,
    mailbox: &str,
    error: &str,
    since: Timestamp,
) -> Option<RenderedMail> {
    let to = cfg.supervisors();
    if to.is_empty() {
        return None;
    }
    let seed = format!("{mailbox}|{since}");
    let short = hex::encode(
        sha2::Sha256::digest(seed.as_bytes())
            .get(..8)
            .unwrap_or_default(),
    );
    let message_id = format!("sb.0.oauth2-warning.{short}@{}", cfg.support_domain());
    let body = format!(
        "supportbot cannot log in to the mailbox {mailbox}: the OAuth2 token could not be\n\
         refreshed.\n\n\
         Error: {error}\n\n\
         Until this is fixed no new mail is read from this mailbox (nothing is lost: it\n\
         stays on the server, and the bot keeps retrying with backoff).\n\n\
         What to do:\n\
         1. On the supportbot host run:  supportbot oauth2 login --provider <microsoft|google>\n\
            and sign in as the mailbox account (see README, \"Operations\").\n\
         2. If that fails: check that the app registration still exists, that its client\n\
            secret has not expired, and that an administrator has not withdrawn consent.\n\n\
         You get this mail once per outage.\n"
    );
    let date = std::time::UNIX_EPOCH
        + std::time::Duration::from_secs(u64::try_from(since).unwrap_or_default());
    let mut b = lettre::Message::builder()
        .from(cfg.from_header().parse().ok()?)
        .subject(format!(
            "supportbot: OAuth2 login to {mailbox} fails - action needed"
        ))
        .message_id(Some(format!("<{message_id}>")))
        .date(date);
    for a in &to {
        b = b.to(a.parse().ok()?);
    }
    let msg = b
        .header(lettre::message::header::ContentType::TEXT_PLAIN)
        .body(body)
        .ok()?;
    let mut bytes = b"Auto-Submitted: auto-generated\r\n".to_vec();
    bytes.extend(msg.formatted());
    Some(RenderedMail {
        message_id,
        env_from: String::new(),
        env_to: to,
        bytes,
    })
}

/// Queue the warning unless this outage was already reported. Returns whether a mail
/// was queued.
pub async fn warn_once(
    store: &Store,
    cfg: &Config,
    mailbox: &str,
    error: &str,
    now: Timestamp,
) -> Result<bool, StoreError> {
    if store.load_timer(&marker(mailbox)).await?.is_some() {
        return Ok(false);
    }
    let mut tx = store.begin().await?;
    tx.set_timer(&marker(mailbox), Some(now), now).await?;
    let queued = match warning_mail(cfg, mailbox, error, now) {
        Some(mail) => tx.insert_outbox(None, "oauth2_warning", &mail, now).await?,
        None => false,
    };
    tx.commit().await?;
    Ok(queued)
}

/// A login worked: the next failure is a new outage.
pub async fn clear(store: &Store, mailbox: &str, now: Timestamp) -> Result<(), StoreError> {
    if store.load_timer(&marker(mailbox)).await?.is_none() {
        return Ok(());
    }
    let mut tx = store.begin().await?;
    tx.set_timer(&marker(mailbox), None, now).await?;
    tx.commit().await
}
