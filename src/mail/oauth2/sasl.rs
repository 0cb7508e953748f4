//! The SASL initial responses for OAuth2 bearer tokens, pure: XOAUTH2 (Google's and
//! Microsoft's documented format) and OAUTHBEARER (RFC 7628 §3.1, with the GS2 header of
//! RFC 5801). Callers base64-encode them as the protocol asks (async-imap and our SMTP
//! AUTH command do).

use crate::config::AuthMethod;

/// `user=<user>^Aauth=Bearer <token>^A^A`.
pub fn xoauth2(user: &str, token: &str) -> String {
    format!("user={user}\x01auth=Bearer {token}\x01\x01")
}

/// `n,a=<user>,^Ahost=<host>^Aport=<port>^Aauth=Bearer <token>^A^A`. The authzid escapes
/// `,` and `=` as RFC 5801 §4 requires.
pub fn oauthbearer(user: &str, host: &str, port: u16, token: &str) -> String {
    let authzid = user.replace('=', "=3D").replace(',', "=2C");
    format!("n,a={authzid},\x01host={host}\x01port={port}\x01auth=Bearer {token}\x01\x01")
}

/// The mechanism name on the wire.
pub fn mechanism_name(m: AuthMethod) -> &'static str {
    match m {
        AuthMethod::Oauthbearer => "OAUTHBEARER",
        AuthMethod::Xoauth2 | AuthMethod::Password => "XOAUTH2",
    }
}

/// The initial response for `m`.
pub fn initial_response(m: AuthMethod, user: &str, host: &str, port: u16, token: &str) -> String {
    match m {
        AuthMethod::Oauthbearer => oauthbearer(user, host, port, token),
        AuthMethod::Xoauth2 | AuthMethod::Password => xoauth2(user, token),
    }
}

/// The answer to a server's error challenge after a refused token: XOAUTH2 expects an
/// empty line, OAUTHBEARER a single %x01 (RFC 7628 §3.2.3); the server then says NO.
pub fn abort_response(m: AuthMethod) -> &'static [u8] {
    match m {
        AuthMethod::Oauthbearer => b"\x01",
        AuthMethod::Xoauth2 | AuthMethod::Password => b"",
    }
}

/// async-imap's `Authenticator`: the initial response once, then the abort answer to any
/// further (error) challenge.
#[derive(Debug)]
pub struct Once {
    mechanism: AuthMethod,
    first: Option<String>,
}

impl Once {
    pub fn new(mechanism: AuthMethod, response: String) -> Once {
        Once {
            mechanism,
            first: Some(response),
        }
    }
}

impl async_imap::Authenticator for Once {
    type Response = Vec<u8>;
    fn process(&mut self, _challenge: &[u8]) -> Vec<u8> {
        match self.first.take() {
            Some(r) => r.into_bytes(),
            None => abort_response(self.mechanism).to_vec(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use async_imap::Authenticator as _;
    use base64::Engine as _;

    #[test]
    fn xoauth2_matches_the_documented_example() {
        // Google's "XOAUTH2 protocol" page: the string and its base64 form.
        let s = xoauth2(
            "someuser@example.com",
            "ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg",
        );
        assert_eq!(
            s,
            "user=someuser@example.com\x01auth=Bearer ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg\x01\x01"
        );
        assert_eq!(
            base64::engine::general_purpose::STANDARD.encode(&s),
            "dXNlcj1zb21ldXNlckBleGFtcGxlLmNvbQFhdXRoPUJlYXJlciB5YTI5LnZGOWRmdDRxbVRjMk52YjNSbGNrQmhkSFJoZG1semRHRXVZMjl0Q2cBAQ=="
        );
        // Microsoft documents the same layout for Exchange Online.
        assert_eq!(
            xoauth2("test@contoso.onmicrosoft.com", "EwBAAl3BAAUFFpUAo7J3Ve0bjLBWZWCclRC3EoAA"),
            "user=test@contoso.onmicrosoft.com\x01auth=Bearer EwBAAl3BAAUFFpUAo7J3Ve0bjLBWZWCclRC3EoAA\x01\x01"
        );
    }

    #[test]
    fn oauthbearer_matches_rfc_7628() {
        // RFC 7628 §4.1, the IMAP example.
        assert_eq!(
            oauthbearer(
                "user@example.com",
                "server.example.com",
                143,
                "vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg=="
            ),
            "n,a=user@example.com,\x01host=server.example.com\x01port=143\x01auth=Bearer vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg==\x01\x01"
        );
        // A comma or equals sign in the authzid is escaped (RFC 5801 §4).
        assert!(oauthbearer("a,b=c@x", "h", 1, "t").starts_with("n,a=a=2Cb=3Dc@x,\x01"));
    }

    #[test]
    fn authenticator_answers_once_then_aborts() {
        let mut a = Once::new(AuthMethod::Oauthbearer, "first".into());
        assert_eq!(a.process(b""), b"first".to_vec());
        assert_eq!(a.process(b"{\"status\":\"invalid_token\"}"), vec![1u8]);
        let mut x = Once::new(AuthMethod::Xoauth2, "first".into());
        x.process(b"");
        assert!(x.process(b"{}").is_empty());
        assert_eq!(mechanism_name(AuthMethod::Oauthbearer), "OAUTHBEARER");
        assert_eq!(mechanism_name(AuthMethod::Xoauth2), "XOAUTH2");
    }
}
