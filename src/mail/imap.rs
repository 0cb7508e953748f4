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
    /// Connect, read the greeting, secure the connection as configured and LOGIN.
    pub async fn connect(s: &ImapSettings) -> Result<Inbox, ImapError> {
        let t = s.timeout;
        let addr = format!("{}:{}", s.host, s.port);
        let tcp = match tokio::time::timeout(t, TcpStream::connect((s.host.as_str(), s.port))).await
        {
            Ok(Ok(tcp)) => tcp,
            Ok(Err(e)) => return Err(ImapError::Connect(format!("connect to {addr}: {e}"))),
            Err(_) => {
                return Err(ImapError::Timeout(format!(
                    "connect to {addr} took longer than {t:?}"
                )))
            }
        };
        // Commands are small and answered one by one: Nagle would only add latency.
        let _ = tcp.set_nodelay(true);

        let stream: Stream = match s.security {
            Security::None => Box::new(tcp),
            Security::Tls => Box::new(tls_handshake(tcp, s).await?),
            Security::Starttls => {
                let mut plain = Client::new(tcp);
                read_greeting(&mut plain, t).await?;
                within(
                    t,
                    "STARTTLS",
                    plain.run_command_and_check_ok("STARTTLS", None),
                )
                .await
                .map_err(|e| match e {
                    ImapError::Protocol(m) => {
                        ImapError::Tls(format!("server refused STARTTLS: {m}"))
                    }
                    other => other,
                })?;
                Box::new(tls_handshake(plain.into_inner(), s).await?)
            }
        };

        let mut client = Client::new(stream);
        // RFC 3501 7.1: no greeting follows STARTTLS, but every fresh connection has one.
        if s.security != Security::Starttls {
            read_greeting(&mut client, t).await?;
        }
        let (session, caps) = match &s.oauth2 {
            None => {
                let login = client.login_with_capabilities(&s.username, s.password.expose());
                match tokio::time::timeout(t, login).await {
                    Ok(Ok(ok)) => ok,
                    Ok(Err((e, _client))) => return Err(login_error(&s.username, e)),
                    Err(_) => {
                        return Err(ImapError::Timeout(format!("LOGIN took longer than {t:?}")))
                    }
                }
            }
            Some(o) => (authenticate(client, s, o).await?, None),
        };
        let mut inbox = Inbox {
            session,
            timeout: t,
            idle: false,
            moves: false,
            uidplus: false,
            known_folders: HashSet::from(["INBOX".to_string()]),
        };
        let caps = match caps {
            Some(c) => c,
            None => within(t, "CAPABILITY", inbox.session.capabilities()).await?,
        };
        inbox.idle = caps.has_str("IDLE");
        inbox.moves = caps.has_str("MOVE");
        inbox.uidplus = caps.has_str("UIDPLUS");
        tracing::debug!(
            server = %addr,
            user = %s.username,
            idle = inbox.idle,
            r#move = inbox.moves,
            "Logged in to IMAP."
        );
        Ok(inbox)
    }

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

    /// Whether the server announced new mail (EXISTS/RECENT) in responses to our last
    /// commands. Such a notice arrives with a FETCH or STORE reply, not in the next IDLE:
    /// going into IDLE without looking would leave that mail waiting for the re-IDLE.
    pub fn has_pending_news(&mut self) -> bool {
        let mut news = false;
        while let Ok(r) = self.session.unsolicited_responses.try_recv() {
            news |= matches!(
                r,
                async_imap::types::UnsolicitedResponse::Exists(_)
                    | async_imap::types::UnsolicitedResponse::Recent(_)
            );
        }
        news
    }

    /// UIDs of the selected folder that are `>= first_uid`, ascending.
    pub async fn search_uids_from(&mut self, first_uid: u32) -> Result<Vec<u32>, ImapError> {
        let first = first_uid.max(1);
        let query = format!("UID {first}:*");
        let found = within(self.timeout, "UID SEARCH", self.session.uid_search(&query)).await?;
        // "first:*" always matches the highest UID, even when it is below `first`
        // (RFC 3501 6.4.8: `*` is the largest UID in use), so filter.
        let mut uids: Vec<u32> = found.into_iter().filter(|u| *u >= first).collect();
        uids.sort_unstable();
        Ok(uids)
    }

    /// UIDs up to `last_uid` that are not `\Seen` (committed mail a crash left unflagged).
    pub async fn search_unseen_upto(&mut self, last_uid: u32) -> Result<Vec<u32>, ImapError> {
        let query = format!("UID 1:{} UNSEEN", last_uid.max(1));
        let found = within(self.timeout, "UID SEARCH", self.session.uid_search(&query)).await?;
        let mut uids: Vec<u32> = found.into_iter().filter(|u| *u <= last_uid).collect();
        uids.sort_unstable();
        Ok(uids)
    }

    /// Raw RFC 5322 bytes of the given UIDs, sorted by UID, without setting `\Seen`.
    /// UIDs that no longer exist are simply absent from the result.
    pub async fn fetch_raw(&mut self, uids: &[u32]) -> Result<Vec<(u32, Vec<u8>)>, ImapError> {
        self.fetch_parts(uids, "BODY.PEEK[]", |f| f.body()).await
    }

    /// The header section only of the given UIDs (`BODY.PEEK[HEADER]`): enough to name
    /// and answer a mail that is refused by its size.
    pub async fn fetch_headers(&mut self, uids: &[u32]) -> Result<Vec<(u32, Vec<u8>)>, ImapError> {
        self.fetch_parts(uids, "BODY.PEEK[HEADER]", |f| f.header())
            .await
    }

    /// `RFC822.SIZE` of the given UIDs, sorted by UID: mail over the size limit is refused
    /// before its body is fetched.
    pub async fn fetch_sizes(&mut self, uids: &[u32]) -> Result<Vec<(u32, u32)>, ImapError> {
        let wanted: HashSet<u32> = uids.iter().copied().collect();
        let mut out = Vec::with_capacity(wanted.len());
        for set in uid_sets(uids, MAX_UID_SET_LEN) {
            let session = &mut self.session;
            let fetches: Vec<Fetch> = within(self.timeout, "UID FETCH", async {
                session
                    .uid_fetch(&set, "RFC822.SIZE")
                    .await?
                    .try_collect()
                    .await
            })
            .await?;
            out.extend(
                fetches
                    .iter()
                    .filter_map(|f| Some((f.uid?, f.size?)))
                    .filter(|(uid, _)| wanted.contains(uid)),
            );
        }
        out.sort_unstable();
        out.dedup_by_key(|(uid, _)| *uid);
        Ok(out)
    }

    async fn fetch_parts(
        &mut self,
        uids: &[u32],
        items: &str,
        part: fn(&Fetch) -> Option<&[u8]>,
    ) -> Result<Vec<(u32, Vec<u8>)>, ImapError> {
        let wanted: HashSet<u32> = uids.iter().copied().collect();
        let mut out = Vec::with_capacity(wanted.len());
        for set in uid_sets(uids, MAX_UID_SET_LEN) {
            let session = &mut self.session;
            let fetches: Vec<Fetch> = within(self.timeout, "UID FETCH", async {
                session.uid_fetch(&set, items).await?.try_collect().await
            })
            .await?;
            for f in &fetches {
                // Unsolicited FETCH responses (flag changes by others) carry no body.
                if let (Some(uid), Some(bytes)) = (f.uid, part(f)) {
                    if wanted.contains(&uid) {
                        out.push((uid, bytes.to_vec()));
                    }
                }
            }
        }
        out.sort_by_key(|(uid, _)| *uid);
        out.dedup_by_key(|(uid, _)| *uid);
        Ok(out)
    }

    /// Set `\Seen` on the UIDs, one UID STORE for the whole set.
    pub async fn mark_seen(&mut self, uids: &[u32]) -> Result<(), ImapError> {
        self.store_flags(uids, "+FLAGS.SILENT (\\Seen)").await
    }

    async fn store_flags(&mut self, uids: &[u32], query: &str) -> Result<(), ImapError> {
        for set in uid_sets(uids, MAX_UID_SET_LEN) {
            let session = &mut self.session;
            within(self.timeout, "UID STORE", async {
                session
                    .uid_store(&set, query)
                    .await?
                    .try_for_each(|_| async { Ok(()) })
                    .await
            })
            .await?;
        }
        Ok(())
    }

    /// Move the UIDs of the selected folder to `folder`, creating it if missing. Uses
    /// UID MOVE when offered, else COPY + `\Deleted` + UID EXPUNGE (plain EXPUNGE when
    /// the server lacks UIDPLUS, which also removes other mails already marked deleted).
    pub async fn move_to(&mut self, uids: &[u32], folder: &str) -> Result<(), ImapError> {
        if uids.is_empty() {
            return Ok(());
        }
        self.ensure_folder(folder).await?;
        for set in uid_sets(uids, MAX_UID_SET_LEN) {
            if self.moves {
                within(
                    self.timeout,
                    "UID MOVE",
                    self.session.uid_mv(&set, mailbox_name(folder)),
                )
                .await?;
                continue;
            }
            within(
                self.timeout,
                "UID COPY",
                self.session.uid_copy(&set, mailbox_name(folder)),
            )
            .await?;
            let session = &mut self.session;
            within(self.timeout, "UID STORE", async {
                session
                    .uid_store(&set, "+FLAGS.SILENT (\\Deleted)")
                    .await?
                    .try_for_each(|_| async { Ok(()) })
                    .await
            })
            .await?;
            let uidplus = self.uidplus;
            let session = &mut self.session;
            within(self.timeout, "EXPUNGE", async {
                if uidplus {
                    session
                        .uid_expunge(&set)
                        .await?
                        .try_for_each(|_| async { Ok(()) })
                        .await
                } else {
                    session
                        .expunge()
                        .await?
                        .try_for_each(|_| async { Ok(()) })
                        .await
                }
            })
            .await?;
        }
        Ok(())
    }

    /// APPEND a raw mail to `folder` (created if missing). For tests, the benchmark and
    /// the demo; the desk itself never writes mail into the mailbox.
    pub async fn append(&mut self, folder: &str, raw: &[u8]) -> Result<(), ImapError> {
        self.ensure_folder(folder).await?;
        within(
            self.timeout,
            "APPEND",
            self.session.append(mailbox_name(folder), None, None, raw),
        )
        .await
    }

    async fn ensure_folder(&mut self, folder: &str) -> Result<(), ImapError> {
        if self.known_folders.contains(folder) {
            return Ok(());
        }
        match within(
            self.timeout,
            "CREATE",
            self.session.create(mailbox_name(folder)),
        )
        .await
        {
            Ok(()) => {}
            // RFC 5530 ALREADYEXISTS; older servers only say so in words.
            Err(ImapError::Protocol(m))
                if m.to_ascii_lowercase().contains("alreadyexists")
                    || m.to_ascii_lowercase().contains("already exists") => {}
            Err(e) => return Err(e),
        }
        self.known_folders.insert(folder.to_string());
        Ok(())
    }

    /// Wait in IDLE (RFC 2177) on the selected folder until the server reports a change,
    /// `timeout` passes or `cancel` fires; then leave IDLE and hand the connection back.
    /// Keep `timeout` well under 29 minutes. A notification can be lost: after any
    /// outcome, fetch by UID from the last UID processed. On error the connection is
    /// gone (a server BYE or a dropped socket is [`ImapError::Closed`]): reconnect.
    pub async fn idle(
        self,
        timeout: Duration,
        cancel: &CancellationToken,
    ) -> Result<(Inbox, IdleOutcome), ImapError> {
        let Inbox {
            session,
            timeout: cmd_timeout,
            idle,
            moves,
            uidplus,
            known_folders,
        } = self;
        let mut handle = session.idle();
        within(cmd_timeout, "IDLE", handle.init()).await?;

        let outcome = {
            let (wait, _stop) = handle.wait_with_timeout(timeout);
            tokio::select! {
                r = wait => match r {
                    Ok(IdleResponse::NewData(data)) => {
                        if let Response::Data { status: Status::Bye, .. } = data.parsed() {
                            return Err(ImapError::Closed);
                        }
                        IdleOutcome::NewData
                    }
                    Ok(IdleResponse::Timeout) => IdleOutcome::Timeout,
                    // We never use the stop source, so an "interrupt" is the stream ending:
                    // the server or the network dropped the connection.
                    Ok(IdleResponse::ManualInterrupt) => return Err(ImapError::Closed),
                    Err(e) => return Err(raw_error("IDLE", e)),
                },
                _ = tokio::time::sleep(timeout) => IdleOutcome::Timeout,
                _ = cancel.cancelled() => IdleOutcome::Cancelled,
            }
        };

        let session = within(cmd_timeout, "DONE", handle.done()).await?;
        Ok((
            Inbox {
                session,
                timeout: cmd_timeout,
                idle,
                moves,
                uidplus,
                known_folders,
            },
            outcome,
        ))
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

fn login_error(user: &str, e: RawError) -> ImapError {
    match e {
        // RFC 5530: [UNAVAILABLE] is the server's own trouble (Dovecot: "Temporary
        // authentication failure"), not wrong credentials.
        RawError::No(m) | RawError::Bad(m)
            if m.to_ascii_lowercase().contains("unavailable")
                || m.to_ascii_lowercase().contains("temporary") =>
        {
            ImapError::Connect(format!("LOGIN as {user}: {m}"))
        }
        RawError::No(m) | RawError::Bad(m) => ImapError::Auth(format!("LOGIN as {user}: {m}")),
        other => raw_error("LOGIN", other),
    }
}

/// AUTHENTICATE with an OAuth2 token; when the server refuses it, refresh the token once
/// and try again on the same connection (a second refusal is an [`ImapError::Auth`]).
async fn authenticate(
    mut client: Client<Stream>,
    s: &ImapSettings,
    o: &OAuthLogin,
) -> Result<Session<Stream>, ImapError> {
    let t = s.timeout;
    let mech = sasl::mechanism_name(o.mechanism);
    for attempt in 0..2 {
        let token = o.tokens.access_token(crate::clock::now()).await?;
        let response =
            sasl::initial_response(o.mechanism, &s.username, &s.host, s.port, token.expose());
        let auth = client.authenticate(mech, sasl::Once::new(o.mechanism, response));
        match tokio::time::timeout(t, auth).await {
            Ok(Ok(session)) => return Ok(session),
            Ok(Err((e, back))) => match login_error(&s.username, e) {
                ImapError::Auth(m) if attempt == 0 => {
                    tracing::info!(user = %s.username, reason = %m, "IMAP refused the OAuth2 token; refreshing it once.");
                    o.tokens.invalidate().await;
                    client = back;
                }
                ImapError::Auth(m) => return Err(ImapError::Auth(format!("{mech}: {m}"))),
                other => return Err(other),
            },
            Err(_) => {
                return Err(ImapError::Timeout(format!(
                    "AUTHENTICATE took longer than {t:?}"
                )))
            }
        }
    }
    Err(ImapError::Auth(format!(
        "{mech} as {}: refused",
        s.username
    )))
}

/// Read the untagged greeting that async-imap leaves unread.
async fn read_greeting<T>(client: &mut Client<T>, t: Duration) -> Result<(), ImapError>
where
    T: AsyncRead + AsyncWrite + Unpin + Send + fmt::Debug,
{
    let greeting = match tokio::time::timeout(t, client.read_response()).await {
        Ok(Ok(Some(g))) => g,
        Ok(Ok(None)) => return Err(ImapError::Closed),
        Ok(Err(e)) => return Err(ImapError::Connect(format!("reading the greeting: {e}"))),
        Err(_) => return Err(ImapError::Timeout(format!("no IMAP greeting within {t:?}"))),
    };
    match greeting.parsed() {
        Response::Data {
            status: Status::Ok, ..
        } => Ok(()),
        Response::Data {
            status: Status::Bye,
            outcome,
        } => Err(ImapError::Connect(format!(
            "server said BYE on connect: {}",
            outcome.information.as_deref().unwrap_or("")
        ))),
        other => Err(ImapError::Protocol(format!(
            "unexpected greeting: {other:?}"
        ))),
    }
}

async fn tls_handshake(
    tcp: TcpStream,
    s: &ImapSettings,
) -> Result<tokio_rustls::client::TlsStream<TcpStream>, ImapError> {
    let config = tls_client_config(s.ca_file.as_deref()).map_err(ImapError::Tls)?;
    let name = ServerName::try_from(s.host.clone())
        .map_err(|e| ImapError::Tls(format!("{:?} is not a valid TLS name: {e}", s.host)))?;
    match tokio::time::timeout(s.timeout, TlsConnector::from(config).connect(name, tcp)).await {
        Ok(Ok(tls)) => Ok(tls),
        Ok(Err(e)) => Err(ImapError::Tls(format!("handshake with {}: {e}", s.host))),
        Err(_) => Err(ImapError::Timeout(format!(
            "TLS handshake took longer than {:?}",
            s.timeout
        ))),
    }
}

/// rustls client config trusting the public web roots plus every certificate in
/// `ca_file` (PEM). Shared with the SMTP edge.
pub(crate) fn tls_client_config(ca_file: Option<&Path>) -> Result<Arc<ClientConfig>, String> {
    let mut roots = RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    if let Some(path) = ca_file {
        let certs = CertificateDer::pem_file_iter(path)
            .map_err(|e| format!("cannot read ca_file {}: {e}", path.display()))?;
        let mut added = 0usize;
        for cert in certs {
            let cert = cert.map_err(|e| format!("bad PEM in ca_file {}: {e}", path.display()))?;
            roots
                .add(cert)
                .map_err(|e| format!("unusable certificate in {}: {e}", path.display()))?;
            added += 1;
        }
        if added == 0 {
            return Err(format!("ca_file {} holds no certificate", path.display()));
        }
    }
    let provider = Arc::new(tokio_rustls::rustls::crypto::ring::default_provider());
    let config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("TLS setup: {e}"))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(Arc::new(config))
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
