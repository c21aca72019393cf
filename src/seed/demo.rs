//! Demo data on first start: `orbit serve` on a fresh data directory (with the `demo_data`
//! setting on, its default for a fresh SQLite data directory) seeds a small demo through
//! its own gRPC port in the background once it listens, and prints the log-in to use. The
//! password is random per instance, printed once and kept in `<data dir>/demo-login.txt`
//! (mode 0600).
//!
//! It is the same client-side seeder as `orbit seed`, so the demo passes through the API's
//! permission checks like any client's data.

use orbit_i18n::tr;
use std::io::Write;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::seed::template::Template;
use crate::seed::{Options, random_password};

/// The demo's sys-admin.
pub(crate) const DEMO_EMAIL: &str = "admin@demo.orbit.example";
/// Where the demo log-in is kept, in the data directory.
pub(crate) const LOGIN_FILE: &str = "demo-login.txt";
/// The demo's content seed (the password is random regardless).
const DEMO_SEED: u64 = 2024;

/// Starts seeding the demo into the server listening on `listen`; the task logs its
/// outcome. Abort it at shutdown.
pub(crate) fn start(listen: SocketAddr, data_dir: PathBuf) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        match seed_demo(listen, &data_dir).await {
            Ok(()) => {}
            Err(error) => tracing::warn!("demo data not seeded: {error:#}"),
        }
    })
}

async fn seed_demo(listen: SocketAddr, data_dir: &Path) -> anyhow::Result<()> {
    // A wildcard listen address is reached on loopback.
    let ip = match listen.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    let server = format!("http://{}", SocketAddr::new(ip, listen.port()));
    let password = random_password();
    let file = data_dir.join(LOGIN_FILE);
    write_login(&file, &server, &password)?;
    tracing::info!("seeding demo data in the background");
    let options = Options {
        server: server.clone(),
        admin_email: DEMO_EMAIL.into(),
        password,
        seed: DEMO_SEED,
        template: Template::demo(),
        progress: false,
        concurrency: 8,
    };
    let summary = crate::seed::seed(&options).await?;
    // Every demo user shares the password; the file lists them all.
    let mut text = std::fs::read_to_string(&file).unwrap_or_default();
    text.push_str("\nother demo users (same password):\n");
    for login in summary.logins.iter().skip(1) {
        text.push_str(&format!("  {:<14} {}\n", login.role, login.email));
    }
    std::fs::write(&file, text).with_context(|| format!("cannot write {}", file.display()))?;
    tracing::info!(
        records = summary.get("records"),
        messages = summary.get("messages"),
        "{}",
        tr!(
            "demo-ready",
            server = server.to_string(),
            email = DEMO_EMAIL,
            password = options.password.as_str(),
            file = file.display().to_string()
        )
    );
    Ok(())
}

/// Writes the log-in file, readable by its owner only.
fn write_login(file: &Path, server: &str, password: &str) -> anyhow::Result<()> {
    let mut out = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(file)
        .with_context(|| format!("cannot create {}", file.display()))?;
    writeln!(
        out,
        "Orbit demo log-in (created on first start)\nserver:   {server}\ne-mail:   {DEMO_EMAIL}\npassword: {password}"
    )
    .with_context(|| format!("cannot write {}", file.display()))?;
    Ok(())
}

/// Whether this start seeds demo data: `demo_data` on, or unset on a fresh SQLite data
/// directory (decided before the store creates its file); never when the log-in file is
/// there already (the demo was seeded, or started, before).
pub(crate) fn wanted(config: &crate::config::Config) -> bool {
    if config.data_dir.join(LOGIN_FILE).exists() {
        return false;
    }
    match config.demo_data {
        Some(wanted) => wanted,
        None => match &config.store {
            orbit_system::store::StoreLocation::Sqlite { path } => !path.exists(),
            orbit_system::store::StoreLocation::Postgres { .. } => false,
        },
    }
}
