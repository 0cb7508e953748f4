//! A TCP proxy that can be switched off and on, standing in front of a shared server
//! (Dovecot, Postfix) so a fault test can make "the server" vanish — every live
//! connection cut, new ones refused — and come back on the same port, without stopping
//! the servers other tests and checkouts use. It runs on its own thread and runtime so
//! tests that block (waiting on child processes) never starve it.
#![allow(dead_code)]

use std::time::Duration;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

pub struct Flaky {
    pub port: u16,
    up: watch::Sender<bool>,
    _thread: std::thread::JoinHandle<()>,
}

impl Flaky {
    /// A proxy on a free loopback port forwarding to `target_port`, up when `up`.
    pub fn start(target_port: u16, up: bool) -> Flaky {
        let port = free_port();
        let (tx, rx) = watch::channel(up);
        let thread = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(1)
                .enable_all()
                .build()
                .expect("proxy runtime");
            rt.block_on(serve(port, target_port, rx));
        });
        let f = Flaky {
            port,
            up: tx,
            _thread: thread,
        };
        if up {
            f.wait_listening(true);
        }
        f
    }

    /// Cut every connection and refuse new ones.
    pub fn down(&self) {
        let _ = self.up.send(false);
        self.wait_listening(false);
    }

    /// Accept and forward again.
    pub fn up(&self) {
        let _ = self.up.send(true);
        self.wait_listening(true);
    }

    fn wait_listening(&self, want: bool) {
        for _ in 0..200 {
            let open = std::net::TcpStream::connect(("127.0.0.1", self.port)).is_ok();
            if open == want {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        panic!("proxy on {} did not become listening={want}", self.port);
    }
}

/// A port nothing listens on right now (bound then released).
pub fn free_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind :0");
    l.local_addr().expect("local addr").port()
}

async fn serve(port: u16, target: u16, mut rx: watch::Receiver<bool>) {
    loop {
        while !*rx.borrow_and_update() {
            if rx.changed().await.is_err() {
                return;
            }
        }
        let listener = match TcpListener::bind(("127.0.0.1", port)).await {
            Ok(l) => l,
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(20)).await;
                continue;
            }
        };
        let mut conns = tokio::task::JoinSet::new();
        loop {
            tokio::select! {
                accepted = listener.accept() => {
                    if let Ok((client, _)) = accepted {
                        conns.spawn(forward(client, target));
                    }
                }
                changed = rx.changed() => {
                    if changed.is_err() { return; }
                    if !*rx.borrow() { break; }
                }
            }
        }
        // Down: drop the listener and abort every live connection (both sockets close).
        drop(listener);
        conns.abort_all();
        while conns.join_next().await.is_some() {}
    }
}

async fn forward(mut client: TcpStream, target: u16) {
    if let Ok(mut server) = TcpStream::connect(("127.0.0.1", target)).await {
        let _ = client.set_nodelay(true);
        let _ = server.set_nodelay(true);
        let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
    }
}
