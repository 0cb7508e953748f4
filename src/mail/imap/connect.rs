//! Connecting: TCP, the server greeting, STARTTLS or implicit TLS (rustls, ring), and
//! LOGIN or an OAuth2 SASL mechanism. The rustls client config is shared with SMTP.

use super::*;

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
}

pub(super) fn login_error(user: &str, e: RawError) -> ImapError {
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
