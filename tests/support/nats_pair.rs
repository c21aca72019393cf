//! Two nats-servers like two organisations' (JetStream domains `a` and `b`, B's joined to A's
//! as a leaf node with a password), each from a configuration file on free loopback ports,
//! killed when dropped. Shared by path (`#[path]`) between the federation end-to-end test
//! and the federation benchmark.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A free loopback port (just now).
pub(crate) fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// One nats-server with JetStream, from a configuration file; killed when dropped.
pub(crate) struct Nats {
    child: Option<Child>,
    config: PathBuf,
    port: u16,
}

impl Nats {
    pub(crate) fn start(config: PathBuf, port: u16) -> Nats {
        let mut nats = Nats {
            child: None,
            config,
            port,
        };
        nats.restart();
        nats
    }

    pub(crate) fn restart(&mut self) {
        let child = Command::new("/usr/sbin/nats-server")
            .arg("-c")
            .arg(&self.config)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start nats-server");
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(30);
        while std::net::TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(Instant::now() < deadline, "nats-server did not listen");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub(crate) fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Orbit's connection: a user of the `FEDERATION` account.
    pub(crate) fn url(&self) -> String {
        format!("nats://orbit:orbit-secret@127.0.0.1:{}", self.port)
    }

    /// Another application of the organisation: a user of the `APPS` account.
    pub(crate) fn app_url(&self) -> String {
        format!("nats://app:app-secret@127.0.0.1:{}", self.port)
    }
}

impl Drop for Nats {
    fn drop(&mut self) {
        self.kill();
    }
}

/// The two organisations' NATS servers. On each, Orbit has an account of its own
/// (`FEDERATION`, with JetStream; the organisation's other applications live in `APPS`), and
/// the leaf connection is bound to that account on both sides: only Orbit's subjects cross,
/// and nothing of the other accounts. A accepts the leaf connection with a password; B
/// connects to it. Each keeps its own JetStream domain.
pub(crate) fn nats_pair(dir: &Path) -> (Nats, Nats) {
    let (a_port, b_port, leaf_port) = (free_port(), free_port(), free_port());
    let write = |name: &str, text: String| {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    let a = write(
        "a.conf",
        format!(
            r#"
server_name: org-a
listen: 127.0.0.1:{a_port}
jetstream {{ domain: a, store_dir: "{store}" }}
accounts {{
  FEDERATION: {{ jetstream: enabled, users: [ {{ user: orbit, password: orbit-secret }} ] }}
  APPS: {{ users: [ {{ user: app, password: app-secret }} ] }}
}}
leafnodes {{
  listen: 127.0.0.1:{leaf_port}
  authorization {{ user: federation, password: federation-secret, account: FEDERATION }}
}}
"#,
            store = dir.join("a-js").display()
        ),
    );
    let b = write(
        "b.conf",
        format!(
            r#"
server_name: org-b
listen: 127.0.0.1:{b_port}
jetstream {{ domain: b, store_dir: "{store}" }}
accounts {{
  FEDERATION: {{ jetstream: enabled, users: [ {{ user: orbit, password: orbit-secret }} ] }}
  APPS: {{ users: [ {{ user: app, password: app-secret }} ] }}
}}
leafnodes {{
  remotes [ {{ url: "nats-leaf://federation:federation-secret@127.0.0.1:{leaf_port}", account: FEDERATION }} ]
}}
"#,
            store = dir.join("b-js").display()
        ),
    );
    (Nats::start(a, a_port), Nats::start(b, b_port))
}
