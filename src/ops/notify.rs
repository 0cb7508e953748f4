//! systemd's sd_notify protocol (sd_notify(3)): one datagram per state change to the
//! unix socket named by `$NOTIFY_SOCKET` (a path, or `@name` for the abstract namespace).
//! Nothing happens when the variable is unset (not started by systemd).

use std::time::Duration;

/// Send `state` (e.g. `READY=1`, `STOPPING=1`, `WATCHDOG=1`) to `$NOTIFY_SOCKET`.
/// Returns whether a datagram was sent.
pub fn notify(state: &str) -> bool {
    match std::env::var_os("NOTIFY_SOCKET") {
        Some(path) => send_to(std::path::Path::new(&path), state).is_ok(),
        None => false,
    }
}

/// Send `state` to the socket at `path`.
pub fn send_to(path: &std::path::Path, state: &str) -> std::io::Result<()> {
    let sock = std::os::unix::net::UnixDatagram::unbound()?;
    let bytes = path.as_os_str().as_encoded_bytes();
    if let Some(name) = bytes.strip_prefix(b"@") {
        #[cfg(target_os = "linux")]
        {
            use std::os::linux::net::SocketAddrExt as _;
            let addr = std::os::unix::net::SocketAddr::from_abstract_name(name)?;
            sock.send_to_addr(state.as_bytes(), &addr)?;
            return Ok(());
        }
        #[cfg(not(target_os = "linux"))]
        {
            let _ = name;
            return Err(std::io::Error::other("abstract sockets need Linux"));
        }
    }
    sock.send_to(state.as_bytes(), path)?;
    Ok(())
}

/// Half the watchdog interval systemd asked for (`$WATCHDOG_USEC`), if it asked, and
/// only when `$WATCHDOG_PID` is unset or ours.
pub fn watchdog_interval() -> Option<Duration> {
    let usec: u64 = std::env::var("WATCHDOG_USEC").ok()?.trim().parse().ok()?;
    if let Ok(pid) = std::env::var("WATCHDOG_PID") {
        if pid.trim().parse::<u32>().ok() != Some(std::process::id()) {
            return None;
        }
    }
    (usec > 0).then(|| Duration::from_micros(usec / 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ready_and_stopping_reach_a_bound_socket() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("notify.sock");
        let server =
            std::os::unix::net::UnixDatagram::bind(&path).unwrap_or_else(|e| panic!("{e}"));
        server
            .set_read_timeout(Some(Duration::from_secs(2)))
            .unwrap_or_else(|e| panic!("{e}"));
        send_to(&path, "READY=1").unwrap_or_else(|e| panic!("{e}"));
        send_to(&path, "STOPPING=1").unwrap_or_else(|e| panic!("{e}"));
        let mut buf = [0u8; 64];
        let mut got = Vec::new();
        for _ in 0..2 {
            let n = server.recv(&mut buf).unwrap_or_else(|e| panic!("{e}"));
            got.push(String::from_utf8_lossy(buf.get(..n).unwrap_or_default()).to_string());
        }
        assert_eq!(got, vec!["READY=1".to_string(), "STOPPING=1".to_string()]);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn abstract_socket_names_work() {
        use std::os::linux::net::SocketAddrExt as _;
        let name = format!("supportbot-test-{}", std::process::id());
        let addr = std::os::unix::net::SocketAddr::from_abstract_name(name.as_bytes())
            .unwrap_or_else(|e| panic!("{e}"));
        let server =
            std::os::unix::net::UnixDatagram::bind_addr(&addr).unwrap_or_else(|e| panic!("{e}"));
        server
            .set_read_timeout(Some(Duration::from_secs(2)))
            .unwrap_or_else(|e| panic!("{e}"));
        send_to(std::path::Path::new(&format!("@{name}")), "WATCHDOG=1")
            .unwrap_or_else(|e| panic!("{e}"));
        let mut buf = [0u8; 32];
        let n = server.recv(&mut buf).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(buf.get(..n), Some(&b"WATCHDOG=1"[..]));
    }
}
