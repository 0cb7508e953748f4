//! SMTP edge: one connection to the submission server, driven through lettre 0.11's
//! connection-level API over a socket we open ourselves. It sends already rendered bytes
//! with an explicit envelope and classifies every failure as [`SendFailure::Transient`]
//! (try again later) or [`SendFailure::Permanent`] (this mail will never be accepted).
//! It owns no retry policy, no pooling and no rendering, and never logs a password or a
//! mail body.
//!
//! Why not lettre's `AsyncSmtpTransport`: it never sets `TCP_NODELAY`, so every SMTP
//! exchange waits out Nagle against the server's delayed ACK (measured 22 mails/s per
//! connection); with our own socket and `set_nodelay(true)` one connection sends thousands.
//! Why not `AsyncSmtpConnection::send`: it aborts the connection on any negative reply;
//! we answer a rejected recipient with RSET and keep the connection.

use crate::config::{Secret, Security};
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{
    AsyncSmtpConnection, AsyncTokioStream, Certificate, TlsParameters,
};
use lettre::transport::smtp::commands::{Data, Mail, Rcpt, Rset};
use lettre::transport::smtp::extension::{ClientId, Extension, MailBodyParameter, MailParameter};
use lettre::Address;
use rustls_pki_types::ServerName;
use std::fmt::{self, Display};
use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::pin::Pin;
use std::str::FromStr;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;

/// Where and how to hand over outgoing mail.
#[derive(Debug, Clone)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub security: Security,
    /// AUTH (PLAIN or LOGIN) only when set.
    pub username: Option<String>,
    pub password: Secret,
    /// PEM certificates trusted in addition to the public web roots.
    pub ca_file: Option<PathBuf>,
    /// Limit for connecting and for every single SMTP exchange.
    pub timeout: Duration,
    /// Name sent with EHLO (a domain name; empty means this machine's hostname).
    pub hello_name: String,
    /// AUTH XOAUTH2/OAUTHBEARER with an OAuth2 access token instead of the password.
    pub oauth2: Option<crate::mail::oauth2::OAuthLogin>,
}

/// Why a mail was not handed over.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SendFailure {
    /// Try again later: network trouble, timeouts, 4xx replies, and connection-level
    /// problems (TLS, missing STARTTLS, AUTH refused) that concern every mail alike.
    #[error("transient SMTP failure: {0}")]
    Transient(String),
    /// This mail will never be accepted as it is: a 5xx reply to MAIL, RCPT or DATA
    /// (with the server's text), or an envelope address that is not valid.
    #[error("permanent SMTP failure: {0}")]
    Permanent(String),
}

/// One SMTP connection. Not shareable; pool several for parallel sending.
pub struct SmtpClient {
    conn: AsyncSmtpConnection,
    timeout: Duration,
    broken: bool,
}

impl fmt::Debug for SmtpClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SmtpClient")
            .field("encrypted", &self.conn.is_encrypted())
            .field("broken", &self.is_broken())
            .finish_non_exhaustive()
    }
}

impl SmtpClient {
    /// Open the socket (with `TCP_NODELAY`), read the greeting, EHLO, secure the
    /// connection as configured and AUTH if a username is set.
    pub async fn connect(s: &SmtpSettings) -> Result<SmtpClient, SendFailure> {
        let t = s.timeout;
        let addr = format!("{}:{}", s.host, s.port);
        let tcp = match tokio::time::timeout(t, TcpStream::connect((s.host.as_str(), s.port))).await
        {
            Ok(Ok(tcp)) => tcp,
            Ok(Err(e)) => return Err(transient(format!("connect to {addr}: {e}"))),
            Err(_) => return Err(transient(format!("connect to {addr}: no answer in {t:?}"))),
        };
        tcp.set_nodelay(true)
            .map_err(|e| transient(format!("set TCP_NODELAY on {addr}: {e}")))?;

        let stream: Box<dyn AsyncTokioStream> = match s.security {
            Security::Tls => Box::new(TlsTcp(implicit_tls(tcp, s).await?)),
            Security::None | Security::Starttls => Box::new(tcp),
        };
        let hello = if s.hello_name.trim().is_empty() {
            ClientId::default()
        } else {
            ClientId::Domain(s.hello_name.clone())
        };
        let mut conn = limit(
            t,
            "greeting and EHLO",
            AsyncSmtpConnection::connect_with_transport(stream, &hello),
        )
        .await
        .map_err(|e| transient(format!("{addr}: {e}")))?;

        if s.security == Security::Starttls {
            if !conn.can_starttls() {
                conn.abort().await;
                return Err(transient(format!(
                    "{addr} does not offer STARTTLS but security = starttls"
                )));
            }
            let params = starttls_parameters(s)?;
            limit(t, "STARTTLS", conn.starttls(params, &hello))
                .await
                .map_err(|e| transient(format!("STARTTLS with {addr}: {e}")))?;
        }

        if let (Some(user), Some(o)) = (&s.username, &s.oauth2) {
            oauth2_auth(&mut conn, s, user, o)
                .await
                .map_err(|e| transient(format!("AUTH as {user} at {addr}: {e}")))?;
        } else if let Some(user) = &s.username {
            let creds = Credentials::new(user.clone(), s.password.expose().to_string());
            limit(
                t,
                "AUTH",
                conn.auth(&[Mechanism::Plain, Mechanism::Login], &creds),
            )
            .await
            .map_err(|e| transient(format!("AUTH as {user} at {addr}: {e}")))?;
        }
        tracing::debug!(server = %addr, encrypted = conn.is_encrypted(), "Connected to SMTP.");
        Ok(SmtpClient {
            conn,
            timeout: t,
            broken: false,
        })
    }

    /// Send `bytes` (a complete RFC 5322 mail with CRLF line ends) from `from` (empty
    /// for the null sender `<>`) to every address in `to`. All or nothing: if any
    /// recipient is refused, the transaction is reset before DATA and nobody gets it.
    /// After a failure check [`SmtpClient::is_broken`]: a negative reply leaves the
    /// connection usable, a network error or timeout does not.
    pub async fn send_raw(
        &mut self,
        from: &str,
        to: &[String],
        bytes: &[u8],
    ) -> Result<(), SendFailure> {
        if self.is_broken() {
            return Err(transient("connection is broken; reconnect".into()));
        }
        if to.is_empty() {
            return Err(SendFailure::Permanent("no recipients".into()));
        }
        let sender = match from.trim() {
            "" => None,
            f => Some(
                Address::from_str(f)
                    .map_err(|e| SendFailure::Permanent(format!("invalid sender {f:?}: {e}")))?,
            ),
        };
        let recipients = to
            .iter()
            .map(|r| {
                Address::from_str(r.trim())
                    .map_err(|e| SendFailure::Permanent(format!("invalid recipient {r:?}: {e}")))
            })
            .collect::<Result<Vec<_>, _>>()?;

        let mut params = Vec::new();
        let non_ascii_address = !from.is_ascii() || to.iter().any(|r| !r.is_ascii());
        if non_ascii_address {
            if !self
                .conn
                .server_info()
                .supports_feature(Extension::SmtpUtfEight)
            {
                return Err(SendFailure::Permanent(
                    "non-ASCII address but the server lacks SMTPUTF8".into(),
                ));
            }
            params.push(MailParameter::SmtpUtfEight);
        }
        if !bytes.is_ascii() {
            if !self
                .conn
                .server_info()
                .supports_feature(Extension::EightBitMime)
            {
                return Err(SendFailure::Permanent(
                    "8-bit mail but the server lacks 8BITMIME".into(),
                ));
            }
            params.push(MailParameter::Body(MailBodyParameter::EightBitMime));
        }

        self.step("MAIL FROM", Mail::new(sender, params), true)
            .await?;
        for r in recipients {
            let what = format!("RCPT TO:<{r}>");
            self.step(&what, Rcpt::new(r, vec![]), true).await?;
        }
        self.step("DATA", Data, true).await?;
        let body = data_body(bytes);
        match tokio::time::timeout(self.timeout, self.conn.message(&body)).await {
            Ok(Ok(_)) => Ok(()),
            // After the final dot the transaction is over either way: no RSET needed.
            Ok(Err(e)) => Err(self.classify("end of DATA", e, false).await),
            Err(_) => Err(self.timed_out("end of DATA").await),
        }
    }

    /// Whether this connection can no longer be used (drop it and connect anew).
    pub fn is_broken(&self) -> bool {
        self.broken || self.conn.has_broken()
    }

    /// QUIT politely; errors are ignored.
    pub async fn quit(mut self) {
        if !self.is_broken() {
            let _ = tokio::time::timeout(self.timeout, self.conn.quit()).await;
        }
    }

    async fn step<C: Display>(
        &mut self,
        what: &str,
        command: C,
        reset_on_reply: bool,
    ) -> Result<(), SendFailure> {
        match tokio::time::timeout(self.timeout, self.conn.command(command)).await {
            Ok(Ok(_)) => Ok(()),
            Ok(Err(e)) => Err(self.classify(what, e, reset_on_reply).await),
            Err(_) => Err(self.timed_out(what).await),
        }
    }

    async fn classify(
        &mut self,
        what: &str,
        e: lettre::transport::smtp::Error,
        reset_on_reply: bool,
    ) -> SendFailure {
        let reply = e.is_permanent() || e.is_transient();
        if reply {
            if reset_on_reply {
                self.reset().await;
            }
        } else {
            self.broken = true;
        }
        let text = format!("{what}: {e}");
        if e.is_permanent() {
            SendFailure::Permanent(text)
        } else {
            SendFailure::Transient(text)
        }
    }

    /// End a refused transaction so the next mail can use the connection.
    async fn reset(&mut self) {
        match tokio::time::timeout(self.timeout, self.conn.command(Rset)).await {
            Ok(Ok(_)) => {}
            _ => self.broken = true,
        }
    }

    async fn timed_out(&mut self, what: &str) -> SendFailure {
        self.broken = true;
        // The server may still be mid-reply; QUIT would only wait again.
        transient(format!("{what}: no answer in {:?}", self.timeout))
    }
}

/// A raw SMTP command line (lettre's `command` writes its Display form as is).
struct Line(String);
impl Display for Line {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}\r\n", self.0)
    }
}

/// AUTH with an OAuth2 token (initial response, RFC 4954); a refused token is refreshed
/// once and tried again. lettre knows XOAUTH2 only, so the exchange is driven here.
async fn oauth2_auth(
    conn: &mut AsyncSmtpConnection,
    s: &SmtpSettings,
    user: &str,
    o: &crate::mail::oauth2::OAuthLogin,
) -> Result<(), String> {
    use crate::mail::oauth2::sasl;
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::STANDARD;
    let mech = sasl::mechanism_name(o.mechanism);
    let mut last = String::new();
    for attempt in 0..2 {
        let token = o
            .tokens
            .access_token(crate::clock::now())
            .await
            .map_err(|e| e.to_string())?;
        let ir = sasl::initial_response(o.mechanism, user, &s.host, s.port, token.expose());
        let line = Line(format!("AUTH {mech} {}", b64.encode(ir)));
        let reply = limit(s.timeout, "AUTH", conn.command(line)).await;
        let reply = match reply {
            // 334 carries the server's error JSON: answer it, the server then says 535.
            Ok(r) if r.has_code(334) => {
                let abort = Line(b64.encode(sasl::abort_response(o.mechanism)));
                match limit(s.timeout, "AUTH", conn.command(abort)).await {
                    Ok(_) => Err("server sent a second challenge".to_string()),
                    Err(e) => Err(e),
                }
            }
            other => other.map(|_| ()),
        };
        match reply {
            Ok(()) => return Ok(()),
            Err(e) if attempt == 0 && e.contains("535") => {
                tracing::info!(user = %user, reason = %e, "SMTP refused the OAuth2 token; refreshing it once.");
                o.tokens.invalidate().await;
                last = e;
            }
            Err(e) => return Err(format!("{mech}: {e}")),
        }
    }
    Err(format!("{mech}: {last}"))
}

/// The mail as lettre must get it for DATA: CRLF line ends throughout (lettre dot-stuffs
/// only after CRLF, and Postfix also ends lines at a bare LF, so a bare-LF ".\n" line
/// could end DATA early), and without the final CRLF, which lettre's "\r\n.\r\n"
/// terminator supplies (else every mail gains an empty last line).
fn data_body(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() + bytes.len() / 32);
    let mut prev = 0u8;
    for &b in bytes {
        if b == b'\n' && prev != b'\r' {
            out.push(b'\r');
        }
        out.push(b);
        prev = b;
    }
    if out.ends_with(b"\r\n") {
        out.truncate(out.len() - 2);
    }
    out
}

fn transient(m: String) -> SendFailure {
    SendFailure::Transient(m)
}

async fn limit<T>(
    t: Duration,
    what: &str,
    fut: impl Future<Output = Result<T, lettre::transport::smtp::Error>>,
) -> Result<T, String> {
    match tokio::time::timeout(t, fut).await {
        Ok(r) => r.map_err(|e| e.to_string()),
        Err(_) => Err(format!("{what}: no answer in {t:?}")),
    }
}

fn starttls_parameters(s: &SmtpSettings) -> Result<TlsParameters, SendFailure> {
    let mut b = TlsParameters::builder(s.host.clone());
    if let Some(path) = &s.ca_file {
        let pem = std::fs::read(path)
            .map_err(|e| transient(format!("cannot read ca_file {}: {e}", path.display())))?;
        let cert = Certificate::from_pem(&pem)
            .map_err(|e| transient(format!("bad PEM in ca_file {}: {e}", path.display())))?;
        b = b.add_root_certificate(cert);
    }
    b.build_rustls()
        .map_err(|e| transient(format!("TLS setup: {e}")))
}

async fn implicit_tls(
    tcp: TcpStream,
    s: &SmtpSettings,
) -> Result<tokio_rustls::client::TlsStream<TcpStream>, SendFailure> {
    let config = super::imap::tls_client_config(s.ca_file.as_deref()).map_err(transient)?;
    let name = ServerName::try_from(s.host.clone())
        .map_err(|e| transient(format!("{:?} is not a valid TLS name: {e}", s.host)))?;
    match tokio::time::timeout(s.timeout, TlsConnector::from(config).connect(name, tcp)).await {
        Ok(Ok(tls)) => Ok(tls),
        Ok(Err(e)) => Err(transient(format!("TLS handshake with {}: {e}", s.host))),
        Err(_) => Err(transient(format!(
            "TLS handshake with {}: no answer in {:?}",
            s.host, s.timeout
        ))),
    }
}

/// Implicit-TLS socket handed to lettre (which needs `peer_addr` on its streams).
#[derive(Debug)]
struct TlsTcp(tokio_rustls::client::TlsStream<TcpStream>);

impl AsyncRead for TlsTcp {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().0).poll_read(cx, buf)
    }
}

impl AsyncWrite for TlsTcp {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().0).poll_write(cx, buf)
    }
    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().0).poll_flush(cx)
    }
    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().0).poll_shutdown(cx)
    }
}

impl AsyncTokioStream for TlsTcp {
    fn peer_addr(&self) -> io::Result<SocketAddr> {
        self.0.get_ref().0.peer_addr()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_body_uses_crlf_and_leaves_the_last_line_end_to_the_terminator() {
        let cases: &[(&[u8], &[u8])] = &[
            (b"a\r\nb\r\n", b"a\r\nb"),
            (b"a\nb\n", b"a\r\nb"),
            (b"a\r\n.\nb", b"a\r\n.\r\nb"),
            (b"no newline", b"no newline"),
            (b"a\r\n\r\n", b"a\r\n"),
            (b"", b""),
        ];
        for (input, want) in cases {
            assert_eq!(
                data_body(input),
                *want,
                "{:?}",
                String::from_utf8_lossy(input)
            );
        }
    }

    #[tokio::test]
    async fn closed_port_is_transient_and_quick() {
        // Bind then drop: the port is very likely closed right after.
        let port = {
            let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            l.local_addr().unwrap().port()
        };
        let s = SmtpSettings {
            host: "127.0.0.1".into(),
            port,
            security: Security::None,
            username: None,
            password: Secret::default(),
            oauth2: None,
            ca_file: None,
            timeout: Duration::from_secs(5),
            hello_name: "test.example".into(),
        };
        let started = std::time::Instant::now();
        let err = SmtpClient::connect(&s).await.unwrap_err();
        assert!(matches!(err, SendFailure::Transient(_)), "{err}");
        assert!(started.elapsed() < Duration::from_secs(2));
    }
}
