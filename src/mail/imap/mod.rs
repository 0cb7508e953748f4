//! IMAP edge: one logged-in connection to the support mailbox (async-imap on tokio,
//! TLS by tokio-rustls with the ring provider). It connects (plain, STARTTLS or implicit
//! TLS), selects a folder, finds and fetches mails by UID, flags or moves them, appends,
//! and waits in IDLE. It owns nothing else: no parsing, no database, no retry policy —
//! errors are classified ([`ImapError::is_transient`]) and the caller decides. It must
//! never log a password or a mail body.
//!
//! Quirks handled here, all seen against Dovecot 2.3 (tests/it/imap_edge.rs):
//! async-imap does not read the server greeting, IDLE consumes the session, a dropped
//! connection during IDLE looks like a manual interrupt, and a server BYE arrives as data.

use crate::config::{Secret, Security};
use crate::mail::oauth2::{sasl, OAuth2Error, OAuthLogin};
use async_imap::error::Error as RawError;
use async_imap::extensions::idle::IdleResponse;
use async_imap::imap_proto::{Response, Status};
use async_imap::types::Fetch;
use async_imap::{Client, Session};
use futures::TryStreamExt;
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, ServerName};
use std::collections::HashSet;
use std::fmt;
use std::future::Future;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;
use tokio_rustls::rustls::{ClientConfig, RootCertStore};
use tokio_rustls::TlsConnector;
use tokio_util::sync::CancellationToken;

mod connect;
mod fetch;
mod flags;
mod idle;

pub(crate) use connect::tls_client_config;

/// Longest UID set sent in one command; longer lists are split (Dovecot accepts command
/// lines of 64 KiB, other servers less).
const MAX_UID_SET_LEN: usize = 4000;

/// Where and how to log in.
#[derive(Debug, Clone)]
pub struct ImapSettings {
    pub host: String,
    pub port: u16,
    pub security: Security,
    pub username: String,
    pub password: Secret,
    /// PEM certificates trusted in addition to the public web roots.
    pub ca_file: Option<PathBuf>,
    /// Limit for connecting and for every single command.
    pub timeout: Duration,
    /// AUTHENTICATE with an OAuth2 access token instead of LOGIN with `password`.
    pub oauth2: Option<OAuthLogin>,
}

/// What `SELECT` reported about a folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FolderState {
    /// When this changes, every UID seen before is meaningless (RFC 3501 2.3.1.1).
    pub uidvalidity: u32,
    /// The UID the next mail will get, if the server said.
    pub uidnext: Option<u32>,
    /// Number of mails in the folder.
    pub exists: u32,
}

/// How an IDLE wait ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdleOutcome {
    /// The server announced a change (new mail, expunge, flags): fetch by UID.
    NewData,
    /// Nothing happened within the timeout.
    Timeout,
    /// The cancellation token fired.
    Cancelled,
}

/// What went wrong, by what the caller should do about it.
#[derive(Debug, thiserror::Error)]
pub enum ImapError {
    /// Network trouble: retry with backoff.
    #[error("cannot talk to the IMAP server: {0}")]
    Connect(String),
    /// Wrong credentials or a disabled account: an operator must act.
    #[error("IMAP login refused: {0}")]
    Auth(String),
    /// TLS handshake, certificate or STARTTLS failure: an operator must act.
    #[error("IMAP TLS failure: {0}")]
    Tls(String),
    /// The server answered NO/BAD or something unparseable.
    #[error("IMAP protocol error: {0}")]
    Protocol(String),
    /// Connecting or a command took longer than the configured timeout: reconnect.
    #[error("IMAP timeout: {0}")]
    Timeout(String),
    /// The server closed the connection (BYE or EOF): reconnect.
    #[error("IMAP connection closed by the server")]
    Closed,
    /// No OAuth2 access token could be obtained (the login was not even tried).
    #[error("IMAP login impossible: {0}")]
    Token(#[from] OAuth2Error),
}

impl ImapError {
    /// Whether reconnecting later may succeed without anyone changing anything. After a
    /// transient error the [`Inbox`] should be dropped and a new one connected.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            ImapError::Connect(_) | ImapError::Timeout(_) | ImapError::Closed
        )
    }
}

/// Anything async-imap can run on: plain TCP or TLS over TCP.
trait ImapIo: AsyncRead + AsyncWrite + Unpin + Send + fmt::Debug {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send + fmt::Debug> ImapIo for T {}
type Stream = Box<dyn ImapIo>;

/// One logged-in IMAP connection.
pub struct Inbox {
    session: Session<Stream>,
    timeout: Duration,
    idle: bool,
    moves: bool,
    uidplus: bool,
    /// Folders known to exist, so `move_to`/`append` CREATE each at most once.
    known_folders: HashSet<String>,
}

impl fmt::Debug for Inbox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Inbox")
            .field("idle", &self.idle)
            .field("move", &self.moves)
            .field("uidplus", &self.uidplus)
            .finish_non_exhaustive()
    }
}

impl Inbox {
    /// Whether the server announced IDLE (RFC 2177); poll otherwise.
    pub fn supports_idle(&self) -> bool {
        self.idle
    }

    /// Whether the server announced MOVE (RFC 6851); `move_to` falls back to COPY otherwise.
    pub fn supports_move(&self) -> bool {
        self.moves
    }

    /// SELECT a folder (read-write).
    pub async fn select(&mut self, folder: &str) -> Result<FolderState, ImapError> {
        let mb = within(
            self.timeout,
            "SELECT",
            self.session.select(mailbox_name(folder)),
        )
        .await?;
        // Old notifications belong to the previous folder.
        while self.session.unsolicited_responses.try_recv().is_ok() {}
        let uidvalidity = mb.uid_validity.ok_or_else(|| {
            ImapError::Protocol(format!("SELECT {folder:?} returned no UIDVALIDITY"))
        })?;
        self.known_folders.insert(folder.to_string());
        Ok(FolderState {
            uidvalidity,
            uidnext: mb.uid_next,
            exists: mb.exists,
        })
    }

    /// LOGOUT politely; errors are ignored (the connection is going away anyway).
    pub async fn logout(mut self) {
        let _ = tokio::time::timeout(self.timeout, self.session.logout()).await;
    }
}

/// Run one async-imap call with the command timeout, classifying its error.
async fn within<T>(
    t: Duration,
    what: &str,
    fut: impl Future<Output = async_imap::error::Result<T>>,
) -> Result<T, ImapError> {
    match tokio::time::timeout(t, fut).await {
        Ok(r) => r.map_err(|e| raw_error(what, e)),
        Err(_) => Err(ImapError::Timeout(format!("{what} took longer than {t:?}"))),
    }
}

fn raw_error(what: &str, e: RawError) -> ImapError {
    match e {
        RawError::Io(e) => match e.kind() {
            // async-imap reports a stream that ended during IDLE setup as ConnectionRefused.
            io::ErrorKind::UnexpectedEof
            | io::ErrorKind::ConnectionReset
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionRefused
            | io::ErrorKind::BrokenPipe => ImapError::Closed,
            _ => ImapError::Connect(format!("{what}: {e}")),
        },
        RawError::ConnectionLost => ImapError::Closed,
        RawError::No(m) => ImapError::Protocol(format!("{what}: NO {m}")),
        RawError::Bad(m) => ImapError::Protocol(format!("{what}: BAD {m}")),
        other => ImapError::Protocol(format!("{what}: {other}")),
    }
}

/// A folder name as IMAP wants it on the wire: modified UTF-7 (RFC 3501 5.1.3), so
/// "隔离" works on servers without UTF8=ACCEPT. Folder names in our API are plain Unicode.
pub fn mailbox_name(folder: &str) -> String {
    use base64::Engine;
    let engine = base64::engine::GeneralPurpose::new(
        &base64::alphabet::IMAP_MUTF7,
        base64::engine::general_purpose::NO_PAD,
    );
    let mut out = String::with_capacity(folder.len());
    let mut pending: Vec<u16> = Vec::new();
    let flush = |pending: &mut Vec<u16>, out: &mut String| {
        if pending.is_empty() {
            return;
        }
        let bytes: Vec<u8> = pending.iter().flat_map(|u| u.to_be_bytes()).collect();
        out.push('&');
        out.push_str(&engine.encode(bytes));
        out.push('-');
        pending.clear();
    };
    for c in folder.chars() {
        if (' '..='~').contains(&c) {
            flush(&mut pending, &mut out);
            if c == '&' {
                out.push_str("&-");
            } else {
                out.push(c);
            }
        } else {
            let mut buf = [0u16; 2];
            pending.extend_from_slice(c.encode_utf16(&mut buf));
        }
    }
    flush(&mut pending, &mut out);
    out
}

/// Compact IMAP UID sets ("1:5,7,9:12") for `uids` (any order, duplicates allowed), each
/// at most `max_len` bytes long (a single range may exceed it only if it alone does).
pub fn uid_sets(uids: &[u32], max_len: usize) -> Vec<String> {
    let mut sorted: Vec<u32> = uids.iter().copied().filter(|u| *u > 0).collect();
    sorted.sort_unstable();
    sorted.dedup();
    let mut ranges: Vec<(u32, u32)> = Vec::new();
    for u in sorted {
        match ranges.last_mut() {
            Some((_, end)) if end.checked_add(1) == Some(u) => *end = u,
            _ => ranges.push((u, u)),
        }
    }
    let mut sets = Vec::new();
    let mut current = String::new();
    for (start, end) in ranges {
        let part = if start == end {
            start.to_string()
        } else {
            format!("{start}:{end}")
        };
        if !current.is_empty() && current.len() + 1 + part.len() > max_len {
            sets.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(',');
        }
        current.push_str(&part);
    }
    if !current.is_empty() {
        sets.push(current);
    }
    sets
}

#[cfg(test)]
mod tests {
    use super::connect::login_error;
    use super::*;

    #[test]
    fn uid_sets_compact_runs_in_any_order() {
        let cases: &[(&[u32], &[&str])] = &[
            (&[], &[]),
            (&[7], &["7"]),
            (&[1, 2, 3, 4, 5, 7, 9, 10, 11, 12], &["1:5,7,9:12"]),
            (&[12, 9, 7, 3, 1, 2, 5, 4, 11, 10], &["1:5,7,9:12"]),
            (&[3, 3, 3, 4], &["3:4"]),
            (&[0, 1], &["1"]),
            (&[u32::MAX - 1, u32::MAX], &["4294967294:4294967295"]),
        ];
        for (uids, want) in cases {
            assert_eq!(uid_sets(uids, 4000), *want, "uids {uids:?}");
        }
    }

    #[test]
    fn uid_sets_split_long_lists_without_losing_uids() {
        let uids: Vec<u32> = (1..=3000).map(|u| u * 2).collect();
        let sets = uid_sets(&uids, 100);
        assert!(sets.len() > 1);
        assert!(sets.iter().all(|s| s.len() <= 100));
        let back: Vec<u32> = sets
            .iter()
            .flat_map(|s| s.split(','))
            .map(|p| p.parse().unwrap())
            .collect();
        assert_eq!(back, uids);
    }

    #[test]
    fn folder_names_are_modified_utf7_on_the_wire() {
        let cases = [
            ("INBOX", "INBOX"),
            ("Quarantine", "Quarantine"),
            ("~peter/mail/台北/日本語", "~peter/mail/&U,BTFw-/&ZeVnLIqe-"),
            ("R&D", "R&-D"),
            ("Ünïcode & more", "&ANw-n&AO8-code &- more"),
        ];
        for (folder, wire) in cases {
            assert_eq!(mailbox_name(folder), wire, "{folder}");
        }
    }

    #[test]
    fn transient_errors_are_the_network_ones() {
        assert!(ImapError::Connect("x".into()).is_transient());
        assert!(ImapError::Timeout("x".into()).is_transient());
        assert!(ImapError::Closed.is_transient());
        assert!(!ImapError::Auth("x".into()).is_transient());
        assert!(!ImapError::Tls("x".into()).is_transient());
        assert!(!ImapError::Protocol("x".into()).is_transient());
    }

    #[test]
    fn temporary_login_failure_is_not_an_auth_error() {
        let e = login_error(
            "a@b",
            RawError::No(
                "code: Some(Unavailable), info: Some(\"Temporary authentication failure\")".into(),
            ),
        );
        assert!(e.is_transient(), "{e}");
        let e = login_error(
            "a@b",
            RawError::No(
                "code: Some(AuthenticationFailed), info: Some(\"Authentication failed.\")".into(),
            ),
        );
        assert!(matches!(e, ImapError::Auth(_)), "{e}");
    }

    #[test]
    fn ca_file_without_certificates_is_rejected() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("empty.pem");
        std::fs::write(&p, "nothing here\n").unwrap();
        assert!(tls_client_config(Some(&p)).is_err());
        assert!(tls_client_config(Some(&dir.path().join("missing.pem"))).is_err());
        assert!(tls_client_config(None).is_ok());
    }
}
