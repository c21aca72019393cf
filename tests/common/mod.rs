//! The shared harness of the end-to-end tests: temporary data directories, `orbit` commands
//! with a clean environment, and [`Server`], a running `orbit serve` on a free loopback port
//! that is killed and reaped when dropped.
//!
//! It starts the binary Cargo built for this test run (`CARGO_BIN_EXE_orbit`) and never
//! reaches into its internals: only its command line, its output and its gRPC port.

#![allow(dead_code)] // Each test file uses a different part of the harness.

pub(crate) mod postgres;
pub(crate) mod tenant;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use tonic::transport::{Channel, ClientTlsConfig, Endpoint};
use tonic_health::pb::HealthCheckRequest;
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::health_client::HealthClient;

/// How long a server may take to start, and a command to finish.
pub(crate) const PATIENCE: Duration = Duration::from_secs(60);

/// A temporary folder for one test; the data directory inside it does not exist until
/// `orbit` creates it.
pub(crate) struct TestDir {
    dir: tempfile::TempDir,
}

impl Default for TestDir {
    fn default() -> Self {
        TestDir::new()
    }
}

impl TestDir {
    pub(crate) fn new() -> TestDir {
        TestDir {
            dir: tempfile::Builder::new()
                .prefix("orbit-e2e-")
                .tempdir()
                .expect("temp dir"),
        }
    }

    /// The folder itself (for certificates, config files, …).
    pub(crate) fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The data directory handed to `orbit --data-dir`.
    pub(crate) fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// `orbit --data-dir <data>` with no `ORBIT_*` or `RUST_LOG` from the test's environment,
    /// and demo data off.
    pub(crate) fn orbit(&self) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_orbit"));
        for (name, _) in std::env::vars_os() {
            if name.to_string_lossy().starts_with("ORBIT_") || name == "RUST_LOG" {
                command.env_remove(name);
            }
        }
        // A fresh data directory would get demo data on first start; tests start from empty
        // instances unless they turn it back on (tests/seed.rs).
        command
            .current_dir(self.path())
            .env("ORBIT_DEMO_DATA", "false")
            // Tests read English messages, whatever the machine's locale.
            .env("ORBIT_LANG", "en")
            .arg("--data-dir")
            .arg(self.data());
        command
    }

    /// `orbit serve` on a free loopback port.
    pub(crate) fn serve(&self) -> Command {
        let mut command = self.orbit();
        command.args(["serve", "--listen", "127.0.0.1:0"]);
        command
    }

    /// Every file under the data directory and its bytes; `None` if the directory does not
    /// exist. SQLite's shared-memory index (`-shm`) and an empty write-ahead log (`-wal`) are
    /// left out: SQLite creates and removes them when it opens and closes a database, and they
    /// hold no data.
    pub(crate) fn snapshot(&self) -> Option<BTreeMap<PathBuf, Vec<u8>>> {
        let root = self.data();
        if !root.exists() {
            return None;
        }
        let mut files = BTreeMap::new();
        let mut pending = vec![root.clone()];
        while let Some(dir) = pending.pop() {
            for entry in std::fs::read_dir(&dir).expect("read data dir") {
                let path = entry.expect("dir entry").path();
                if path.is_dir() {
                    pending.push(path);
                    continue;
                }
                let bytes = std::fs::read(&path).expect("read data file");
                let name = path.to_string_lossy();
                if name.ends_with("-shm") || (name.ends_with("-wal") && bytes.is_empty()) {
                    continue;
                }
                files.insert(path.strip_prefix(&root).unwrap().to_owned(), bytes);
            }
        }
        Some(files)
    }

    /// Opens the instance's store in process, with its key file (no server may run).
    pub(crate) async fn open_store(&self) -> orbit_system::store::Store {
        use orbit_system::store::{Store, StoreConfig, StoreLocation, Unseal};
        let config = StoreConfig::new(
            StoreLocation::sqlite_in(&self.data()),
            Unseal::KeyFile(self.data().join("instance.key")),
        );
        Store::open(config)
            .await
            .expect("open the store in-process")
    }

    /// Creates an instance with this command's secret (a start and a clean stop).
    pub(crate) async fn create_instance(&self, configure: impl FnOnce(&mut Command)) {
        let mut command = self.serve();
        configure(&mut command);
        let mut server = Server::start(command).await;
        let status = server.stop("TERM").await;
        assert!(
            status.success(),
            "first start did not stop cleanly: {status}\n{}",
            server.logs()
        );
    }
}

/// Runs a command to its end (at most [`PATIENCE`]), with its output captured.
pub(crate) fn run(mut command: Command) -> Output {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start orbit");
    let stdout = drain(child.stdout.take().unwrap());
    let stderr = drain(child.stderr.take().unwrap());
    let status = wait_for_exit(&mut child, PATIENCE).unwrap_or_else(|| {
        let _ = child.kill();
        let _ = child.wait();
        panic!("{command:?} did not finish within {PATIENCE:?}")
    });
    Output {
        status,
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
    }
}

fn drain(mut pipe: impl Read + Send + 'static) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        bytes
    })
}

fn wait_for_exit(child: &mut Child, timeout: Duration) -> Option<ExitStatus> {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(status) = child.try_wait().expect("poll child") {
            return Some(status);
        }
        if Instant::now() >= deadline {
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Asserts that `output` is a refused start: non-zero exit and exactly one line on stderr,
/// `error: …`, containing every one of `needles`. Returns that line.
pub(crate) fn assert_refused(output: &Output, needles: &[&str]) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !output.status.success(),
        "expected a failure, got {}; stderr: {stderr}",
        output.status
    );
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(
        lines.len(),
        1,
        "expected one line on stderr, got:\n{stderr}"
    );
    let line = lines[0];
    assert!(line.starts_with("error: "), "{line}");
    for needle in needles {
        assert!(line.contains(needle), "{needle:?} missing from: {line}");
    }
    line.to_owned()
}

/// A running `orbit serve`, killed and reaped when dropped.
pub(crate) struct Server {
    child: Child,
    pub(crate) addr: SocketAddr,
    stdout: Arc<Mutex<Vec<String>>>,
    stderr: Arc<Mutex<Vec<String>>>,
    tls: Option<ClientTlsConfig>,
}

impl Server {
    /// Starts a plaintext server and waits until its health check answers SERVING.
    pub(crate) async fn start(command: Command) -> Server {
        let server = Server::spawn(command, None);
        server.wait_healthy().await;
        server
    }

    /// Starts a TLS server; `tls` is how the harness connects to check its health.
    pub(crate) async fn start_tls(command: Command, tls: ClientTlsConfig) -> Server {
        let server = Server::spawn(command, Some(tls));
        server.wait_healthy().await;
        server
    }

    fn spawn(mut command: Command, tls: Option<ClientTlsConfig>) -> Server {
        let mut child = command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start orbit serve");
        let stdout = Arc::new(Mutex::new(Vec::new()));
        let stderr = Arc::new(Mutex::new(Vec::new()));
        let (found, address) = mpsc::channel();
        collect_lines(child.stdout.take().unwrap(), stdout.clone(), Some(found));
        collect_lines(child.stderr.take().unwrap(), stderr.clone(), None);
        let deadline = Instant::now() + PATIENCE;
        let addr = loop {
            match address.recv_timeout(Duration::from_millis(50)) {
                Ok(addr) => break addr,
                Err(mpsc::RecvTimeoutError::Timeout) if Instant::now() < deadline => {
                    if let Some(status) = child.try_wait().unwrap() {
                        std::thread::sleep(Duration::from_millis(100)); // let the readers finish
                        panic!(
                            "orbit serve exited with {status} before listening\nstdout:\n{}\nstderr:\n{}",
                            stdout.lock().unwrap().join("\n"),
                            stderr.lock().unwrap().join("\n")
                        );
                    }
                }
                Err(_) => {
                    let _ = child.kill();
                    panic!("orbit serve did not log its address within {PATIENCE:?}");
                }
            }
        };
        Server {
            child,
            addr,
            stdout,
            stderr,
            tls,
        }
    }

    /// `http://` or `https://` URL of the server.
    pub(crate) fn url(&self) -> String {
        let scheme = if self.tls.is_some() { "https" } else { "http" };
        format!("{scheme}://{}", self.addr)
    }

    /// A connected channel (with the harness's TLS settings, if any).
    pub(crate) async fn channel(&self) -> Channel {
        self.try_channel(self.tls.clone())
            .await
            .expect("connect to orbit")
    }

    /// A channel with the given TLS settings (`None`: plaintext).
    pub(crate) async fn try_channel(
        &self,
        tls: Option<ClientTlsConfig>,
    ) -> Result<Channel, tonic::transport::Error> {
        let scheme = if tls.is_some() { "https" } else { "http" };
        let mut endpoint = Endpoint::from_shared(format!("{scheme}://{}", self.addr))?
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(20));
        if let Some(tls) = tls {
            endpoint = endpoint.tls_config(tls)?;
        }
        endpoint.connect().await
    }

    async fn wait_healthy(&self) {
        let deadline = Instant::now() + PATIENCE;
        let mut last = String::new();
        while Instant::now() < deadline {
            match self.try_channel(self.tls.clone()).await {
                Ok(channel) => {
                    let request = HealthCheckRequest {
                        service: String::new(),
                    };
                    match HealthClient::new(channel).check(request).await {
                        Ok(response)
                            if response.get_ref().status == ServingStatus::Serving as i32 =>
                        {
                            return;
                        }
                        Ok(response) => last = format!("status {:?}", response.get_ref().status),
                        Err(status) => last = status.to_string(),
                    }
                }
                Err(error) => last = format!("{error:?}"),
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!(
            "orbit serve at {} never answered health SERVING: {last}\n{}",
            self.addr,
            self.logs()
        );
    }

    /// Sends a signal (`"TERM"`, `"INT"`) to the server.
    pub(crate) fn signal(&self, name: &str) {
        let status = Command::new("kill")
            .arg(format!("-{name}"))
            .arg(self.child.id().to_string())
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -{name} failed");
    }

    /// Sends a signal and waits for the process to exit.
    pub(crate) async fn stop(&mut self, signal: &str) -> ExitStatus {
        self.signal(signal);
        self.wait_exit().await
    }

    /// Waits for the process to exit (at most [`PATIENCE`]). It waits asynchronously, so that
    /// the test's own client connections keep running and can close when the server says so.
    pub(crate) async fn wait_exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().expect("poll orbit serve") {
                tokio::time::sleep(Duration::from_millis(50)).await; // let the readers take the last lines
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "orbit serve did not exit within {PATIENCE:?}\n{}",
                self.logs()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Waits until a stdout line contains `needle`.
    pub(crate) async fn wait_for_log(&self, needle: &str) {
        let deadline = Instant::now() + PATIENCE;
        while Instant::now() < deadline {
            if self
                .stdout
                .lock()
                .unwrap()
                .iter()
                .any(|line| line.contains(needle))
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        panic!("{needle:?} never appeared in the log\n{}", self.logs());
    }

    /// Everything the server printed so far.
    pub(crate) fn logs(&self) -> String {
        format!(
            "stdout:\n{}\nstderr:\n{}",
            self.stdout.lock().unwrap().join("\n"),
            self.stderr.lock().unwrap().join("\n")
        )
    }

    /// The server process's resident memory, in bytes (Linux).
    pub(crate) fn rss(&self) -> u64 {
        self.memory("VmRSS:")
    }

    /// The server's resident memory that no file backs (heap, stacks): what it allocated,
    /// without the pages of the SQLite file it maps, which are the OS's page cache.
    pub(crate) fn anonymous_rss(&self) -> u64 {
        self.memory("RssAnon:")
    }

    fn memory(&self, field: &str) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .expect("read /proc/PID/status");
        let kib: u64 = status
            .lines()
            .find_map(|line| line.strip_prefix(field))
            .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or_else(|| panic!("{field} in /proc/PID/status"));
        kib * 1024
    }

    /// A channel whose HTTP/2 windows are as small as the protocol allows (64 KiB), as a
    /// client that reads slowly or not at all would advertise.
    pub(crate) async fn narrow_channel(&self) -> Channel {
        Endpoint::from_shared(self.url())
            .expect("url")
            .initial_stream_window_size(65_535)
            .initial_connection_window_size(65_535)
            .http2_adaptive_window(false)
            .connect()
            .await
            .expect("connect to orbit")
    }

    pub(crate) fn stdout_lines(&self) -> Vec<String> {
        self.stdout.lock().unwrap().clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Reads lines into `sink`; the first line announcing the listening address is sent on
/// `found`.
fn collect_lines(
    pipe: impl Read + Send + 'static,
    sink: Arc<Mutex<Vec<String>>>,
    mut found: Option<mpsc::Sender<SocketAddr>>,
) {
    std::thread::spawn(move || {
        for line in BufReader::new(pipe).lines() {
            let Ok(line) = line else { break };
            if let Some(addr) = found.as_ref().and_then(|_| listening_address(&line)) {
                let _ = found.take().unwrap().send(addr);
            }
            sink.lock().unwrap().push(line);
        }
    });
}

/// The address in `… listening on 127.0.0.1:PORT (…` (human or JSON log line).
fn listening_address(line: &str) -> Option<SocketAddr> {
    let rest = &line[line.find("listening on ")? + "listening on ".len()..];
    let end = rest
        .find(|c: char| c.is_whitespace() || c == '"' || c == ',')
        .unwrap_or(rest.len());
    rest[..end].parse().ok()
}

/// A port on 127.0.0.1 that nothing listens on (bound, then released).
pub(crate) fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().unwrap().port()
}
