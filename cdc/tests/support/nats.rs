//! A nats-server with JetStream of one test or benchmark alone: a free loopback port, data in
//! a directory the caller owns, killed when dropped. Shared by path (`#[path]`) between the
//! orbit-cdc relay tests, its relay benchmark and the root crate's end-to-end relay test,
//! which are three test targets of two crates; each uses part of it.
#![allow(dead_code)]

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// How long a starting server may take to listen.
const LISTEN_WITHIN: Duration = Duration::from_secs(60);

/// A loopback port nothing listens on (just now).
pub(crate) fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .expect("bind a loopback port")
        .local_addr()
        .expect("local address")
        .port()
}

/// One `nats-server -js` process; stopped and started again on the same port and directory.
pub(crate) struct NatsServer {
    child: Option<Child>,
    port: u16,
    dir: PathBuf,
}

impl NatsServer {
    /// Starts a server on a free port with JetStream storage in `dir`, once it listens.
    pub(crate) fn start(dir: &Path) -> NatsServer {
        let mut server = NatsServer {
            child: None,
            port: free_port(),
            dir: dir.to_owned(),
        };
        server.restart();
        server
    }

    /// Starts the server again after [`NatsServer::kill`], same port and storage.
    pub(crate) fn restart(&mut self) {
        assert!(self.child.is_none(), "nats-server already runs");
        let child = Command::new("/usr/sbin/nats-server")
            .args([
                "-a",
                "127.0.0.1",
                "-p",
                &self.port.to_string(),
                "-js",
                "-sd",
            ])
            .arg(&self.dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start nats-server");
        self.child = Some(child);
        let deadline = Instant::now() + LISTEN_WITHIN;
        while std::net::TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(Instant::now() < deadline, "nats-server did not listen");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// SIGKILL: no clean shutdown, like a crash.
    pub(crate) fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    pub(crate) fn url(&self) -> String {
        format!("nats://127.0.0.1:{}", self.port)
    }
}

impl Drop for NatsServer {
    fn drop(&mut self) {
        self.kill();
    }
}
