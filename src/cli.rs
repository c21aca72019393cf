//! The command line of `orbit`, declared with clap's derive API.
//!
//! It only declares commands and flags. Flags are the last layer of the configuration (after
//! the file and `ORBIT_*` environment, see `config.rs`), so every setting flag is optional here
//! and defaults live in `config.rs`. Secrets are never flags: they would show in `ps`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use serde::Serialize;

/// Orbit: a self-hosted, multi-tenant, federated data platform whose every stored value is
/// encrypted.
///
/// Settings come from a TOML file (`--config`, default `<data-dir>/orbit.toml` if it exists),
/// then `ORBIT_*` environment variables (e.g. ORBIT_LISTEN, ORBIT_STORE), then flags. The
/// instance key is unsealed with ORBIT_PASSPHRASE or ORBIT_PASSPHRASE_FILE if set, otherwise
/// with a key file (default `<data-dir>/instance.key`, created on first start).
#[derive(Debug, Parser)]
#[command(name = "orbit", version, propagate_version = true)]
pub(crate) struct Cli {
    #[command(flatten)]
    pub(crate) global: GlobalFlags,

    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Runs the server: gRPC (with health, reflection and gRPC-Web) on one port.
    Serve(ServeFlags),

    /// Manages the encryption keys of the instance.
    #[command(subcommand)]
    Keys(KeysCommand),

    /// Reads and checks the audit log.
    #[command(subcommand)]
    Audit(AuditCommand),

    /// Manages accounts directly in the store (works with or without a running server).
    #[command(subcommand)]
    Admin(AdminCommand),

    /// Maintains materialised views directly in the store (safe beside a running server).
    #[command(subcommand)]
    Views(ViewsCommand),

    /// Fills a running instance with plausible random data through its gRPC API: orgs,
    /// people of every role, projects, records, views, chat and every other module. The same
    /// --seed gives the same content; sizes come from flags or a YAML --template.
    Seed(crate::seed::SeedArgs),
}

#[derive(Debug, Subcommand)]
pub(crate) enum ViewsCommand {
    /// Empties a view and folds the whole change log into it again, then prints its rows and
    /// checkpoint; fails if the start of the log was pruned.
    Rebuild {
        /// The view, as PROJECT_ID/NAME.
        #[arg(value_name = "PROJECT_ID/NAME")]
        view: String,
    },

    /// Moves a view stalled at a change event that cannot be read past exactly that event,
    /// once you have inspected it (the event is never folded; the skip is logged and listed
    /// by `orbit views status`). Refused unless the view is stalled at SEQ. The alternative
    /// is to restore the store from a backup.
    Skip {
        /// The view, as PROJECT_ID/NAME.
        #[arg(value_name = "PROJECT_ID/NAME")]
        view: String,

        /// The sequence number the view is stalled at (see `orbit views status`).
        #[arg(long, value_name = "SEQ")]
        seq: u64,
    },

    /// Shows each declared view (or one): state (folding or stalled), checkpoint, head,
    /// rows, the event it is stalled at and why, and the events skipped.
    Status {
        /// One view, as PROJECT_ID/NAME; every view when left out.
        #[arg(value_name = "PROJECT_ID/NAME")]
        view: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum AdminCommand {
    /// Creates a sys-admin account. The password is read from ORBIT_ADMIN_PASSWORD if set,
    /// otherwise from standard input (prompted for, unechoed, on a terminal); never a flag.
    Create {
        /// E-mail address the account logs in with.
        #[arg(long, value_name = "EMAIL")]
        email: String,

        /// Name shown to other people (1-100 characters).
        #[arg(long, value_name = "NAME")]
        display_name: String,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum AuditCommand {
    /// Recomputes the audit log's hash chain; exits non-zero naming the first entry that was
    /// changed or removed.
    Verify,
}

#[derive(Debug, Subcommand)]
pub(crate) enum KeysCommand {
    /// Rotates every key: re-wraps data keys at once and starts sealing new writes with a new
    /// key version. Older records are re-encrypted in the background by `orbit serve`.
    Rotate {
        /// Re-encrypt every record now, printing progress, instead of leaving it to the server.
        #[arg(long)]
        wait: bool,
    },

    /// Shows each encrypted database, its current key version and how many records still wait
    /// for re-encryption.
    Status,
}

/// Settings every command takes.
#[derive(Debug, Args, Serialize)]
pub(crate) struct GlobalFlags {
    /// Configuration file (TOML). Default: `<data-dir>/orbit.toml` if it exists.
    #[arg(long, global = true, value_name = "PATH")]
    #[serde(skip)]
    pub(crate) config: Option<PathBuf>,

    /// Directory holding the SQLite database and the key file. Default: `./orbit-data`.
    #[arg(long, global = true, value_name = "DIR")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) data_dir: Option<PathBuf>,

    /// `sqlite` (a file in the data directory, the default) or a `postgres://…` URL.
    #[arg(long, global = true, value_name = "STORE")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) store: Option<String>,

    /// PostgreSQL schema for Orbit's tables (created if missing). Default: the connection's
    /// search_path.
    #[arg(long, global = true, value_name = "SCHEMA")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) store_schema: Option<String>,

    /// Key file that unseals the instance key when no passphrase is given. Default:
    /// `<data-dir>/instance.key`.
    #[arg(long, global = true, value_name = "PATH")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) key_file: Option<PathBuf>,

    /// Log format.
    #[arg(long, global = true, value_name = "FORMAT")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) log_format: Option<LogFormat>,

    /// Log filter, as RUST_LOG (e.g. `info` or `info,orbit_system=debug`).
    #[arg(long, global = true, value_name = "FILTER")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) log: Option<String>,
}

/// Settings of `orbit serve` only.
#[derive(Debug, Default, Args, Serialize)]
pub(crate) struct ServeFlags {
    /// Address to listen on, HOST:PORT. Default: `127.0.0.1:50051`.
    #[arg(long, value_name = "ADDR")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) listen: Option<String>,

    /// TLS certificate chain (PEM). Serves TLS when given with --tls-key.
    #[arg(long, value_name = "PATH")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) tls_cert: Option<PathBuf>,

    /// TLS private key (PEM).
    #[arg(long, value_name = "PATH")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) tls_key: Option<PathBuf>,

    /// CA certificate(s) (PEM) that client certificates must chain to: turns on mutual TLS.
    #[arg(long, value_name = "PATH")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) tls_client_ca: Option<PathBuf>,

    /// SMTP server for outgoing mail (e-mail verification): `smtp://host:port`,
    /// `smtp://host?tls=required` (STARTTLS) or `smtps://user@host`. The password comes only
    /// from ORBIT_SMTP_PASSWORD. Default: no outgoing mail.
    #[arg(long, value_name = "URL")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) smtp_url: Option<String>,

    /// Sender of outgoing mail. Default: `orbit@<host name>`.
    #[arg(long, value_name = "ADDRESS")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) mail_from: Option<String>,

    /// NATS server (with JetStream) the outbox relay publishes federated change events to:
    /// `nats://host:port`. Put credentials in ORBIT_NATS or the file, not this flag. Default:
    /// no relay; the instance runs alone.
    #[arg(long, value_name = "URL")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) nats: Option<String>,

    /// Change events kept per feed for subscribers to resume from: older ones are pruned
    /// once every view has folded them and the relay has published them; a subscriber asking
    /// for a pruned position is told to start from a snapshot (a view declared or rebuilt
    /// later is folded from a snapshot of the records). Default 10000; 0 keeps every event.
    #[arg(long, value_name = "EVENTS")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) feed_retention: Option<u64>,

    /// Row changes kept in the views' own feed (what WatchView resumes from; every folded
    /// event adds a few). A watcher asking for a pruned position is told to start from a
    /// snapshot. Default 100000; 0 keeps every one. A lower `--feed-retention` wins (so by
    /// default the views' feed keeps 10000 too).
    #[arg(long, value_name = "EVENTS")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) view_feed_retention: Option<u64>,

    /// Who may sign up: `open` (anyone), `invite` (an e-mail address with a pending
    /// invitation) or `closed` (nobody; an administrator creates accounts). The first account
    /// of an instance may always sign up. Default: open.
    #[arg(long, value_name = "MODE")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) signup: Option<String>,

    /// The modules to run besides records, comma-separated (e.g. `chat`). Default: every
    /// module compiled into this build; naming one the build lacks stops the start with an
    /// error that lists the compiled-in ones.
    #[arg(long, value_name = "NAMES")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) modules: Option<String>,

    /// STUN servers handed to browsers for video calls, comma-separated `stun:host:port`
    /// URLs. Default: none.
    #[arg(long, value_name = "URLS")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) stun_urls: Option<String>,

    /// TURN servers handed to browsers for video calls, comma-separated `turn:`/`turns:`
    /// URLs, with time-limited credentials minted from the TURN secret (ORBIT_TURN_SECRET or
    /// --turn-secret-file; coturn's `use-auth-secret`). Default: none.
    #[arg(long, value_name = "URLS")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) turn_urls: Option<String>,

    /// File holding the TURN secret (first line; a second line is the secret being retired,
    /// which coturn must accept too). Or ORBIT_TURN_SECRET; never the secret as a flag.
    #[arg(long, value_name = "PATH")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) turn_secret_file: Option<PathBuf>,

    /// Most participants of a (full-mesh) video call, 2-32. Default 8.
    #[arg(long, value_name = "N")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) call_size_limit: Option<u32>,

    /// Seconds a minted TURN credential works (60 up to 7 days). Default 43200 (12 hours).
    #[arg(long, value_name = "SECONDS")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) turn_credential_lifetime: Option<u64>,

    /// Do not seed demo data on first start. By default a fresh SQLite data directory gets a
    /// small demo (seeded in the background once the server listens; the log-in is printed
    /// and kept in `<data-dir>/demo-login.txt`). Also `demo_data = false` or
    /// ORBIT_DEMO_DATA=false; turn it off in production.
    #[arg(long)]
    #[serde(
        rename = "demo_data",
        skip_serializing_if = "std::ops::Not::not",
        serialize_with = "negated"
    )]
    pub(crate) no_demo_data: bool,
}

/// `--no-demo-data` is the setting `demo_data = false`.
fn negated<S: serde::Serializer>(value: &bool, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_bool(!value)
}

/// How log lines look.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum LogFormat {
    /// One readable line per event.
    #[default]
    Human,
    /// One JSON object per line, for log collectors.
    Json,
}
