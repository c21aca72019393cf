//! Orbit's settings: where they come from, their defaults and their validation.
//!
//! Layers, each overriding the previous: built-in defaults, a TOML file (`--config PATH`, or
//! `<data-dir>/orbit.toml` if it exists), `ORBIT_*` environment variables, then flags. Every
//! value is checked here, before anything is opened or written, and an error names the
//! setting, where its value came from and what to do.
//!
//! Secrets never pass through flags or the file: the passphrase comes from `ORBIT_PASSPHRASE`
//! or from the file named by `ORBIT_PASSPHRASE_FILE` (a path is not a secret, so
//! `passphrase_file` may also sit in the TOML file); otherwise the key file unseals. The
//! SMTP password likewise comes only from `ORBIT_SMTP_PASSWORD`, never from `smtp_url`. A
//! `nats` URL may carry credentials (keep them to `ORBIT_NATS` or the file); no error echoes it.
//! The TURN secret of video calls comes from `ORBIT_TURN_SECRET` or `turn_secret_file`
//! (`config/video.rs`).

mod video;

pub(crate) use video::VideoSettings;

use std::net::{SocketAddr, ToSocketAddrs};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use orbit_cdc::relay::NatsUrl;
use orbit_system::identity::{MailError, Mailer, SignUpMode};
use orbit_system::store::{KEY_FILE_NAME, StoreLocation, Unseal};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::cli::{GlobalFlags, LogFormat, ServeFlags};

/// Default data directory, relative to the working directory.
pub(crate) const DEFAULT_DATA_DIR: &str = "./orbit-data";
/// Default gRPC address: loopback only, so a fresh install is not exposed by accident.
pub(crate) const DEFAULT_LISTEN: &str = "127.0.0.1:50051";
/// Name of the configuration file looked for in the data directory.
const CONFIG_FILE_NAME: &str = "orbit.toml";

/// Settings as written in the file, the environment (`ORBIT_<NAME>`) or flags.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    data_dir: PathBuf,
    listen: String,
    store: String,
    store_schema: Option<String>,
    tls_cert: Option<PathBuf>,
    tls_key: Option<PathBuf>,
    tls_client_ca: Option<PathBuf>,
    log_format: LogFormat,
    log: Option<String>,
    key_file: Option<PathBuf>,
    passphrase_file: Option<PathBuf>,
    smtp_url: Option<String>,
    mail_from: Option<String>,
    nats: Option<String>,
    feed_retention: u64,
    view_feed_retention: u64,
    signup: String,
    modules: Option<String>,
    stun_urls: Option<String>,
    turn_urls: Option<String>,
    turn_secret_file: Option<PathBuf>,
    call_size_limit: u32,
    turn_credential_lifetime: u64,
    demo_data: Option<bool>,
    federation_domain: Option<String>,
    federation_nats_url: Option<String>,
}

/// Change events each feed keeps unless configured. Older events are pruned only once every
/// consumer has passed them (views' checkpoints, the relay's stored position), so this is the
/// window in which a disconnected subscriber can still resume; past it, it starts from a
/// snapshot. A count rather than an age, so the disk an outbox takes is bounded whatever the
/// write rate: 10,000 events of 150 B records are about 5 MB, about ten minutes at 15 writes/s
/// and still 10 s at 1,000/s, enough for a dropped connection or a restart. Without a bound
/// every value is stored twice, forever (BENCHMARKS.md, "Disk footprint").
const DEFAULT_FEED_RETENTION: u64 = 10_000;
/// Row changes the views' feed keeps unless configured: a folded event adds a few (its
/// rows and the view's private state), so without a bound it grows with every write.
const DEFAULT_VIEW_FEED_RETENTION: u64 = 100_000;

/// Participants of a full-mesh video call unless configured.
const DEFAULT_CALL_SIZE_LIMIT: u32 = 8;
/// Seconds a TURN credential works unless configured (a TURN allocation is refreshed with the
/// credential it was made with, so it must outlast the call).
const DEFAULT_TURN_CREDENTIAL_LIFETIME: u64 = 12 * 3600;

/// The settings read from `ORBIT_<NAME>`. `ORBIT_PASSPHRASE` is deliberately absent: it is
/// read apart and never enters the figment.
const ENV_SETTINGS: &[&str] = &[
    "data_dir",
    "listen",
    "store",
    "store_schema",
    "tls_cert",
    "tls_key",
    "tls_client_ca",
    "log_format",
    "log",
    "key_file",
    "passphrase_file",
    "smtp_url",
    "mail_from",
    "nats",
    "feed_retention",
    "view_feed_retention",
    "signup",
    "modules",
    "stun_urls",
    "turn_urls",
    "turn_secret_file",
    "call_size_limit",
    "turn_credential_lifetime",
    "demo_data",
    "federation_domain",
    "federation_nats_url",
];

impl Default for Settings {
    fn default() -> Self {
        Settings {
            data_dir: PathBuf::from(DEFAULT_DATA_DIR),
            listen: DEFAULT_LISTEN.to_owned(),
            store: "sqlite".to_owned(),
            store_schema: None,
            tls_cert: None,
            tls_key: None,
            tls_client_ca: None,
            log_format: LogFormat::Human,
            log: None,
            key_file: None,
            passphrase_file: None,
            smtp_url: None,
            mail_from: None,
            nats: None,
            feed_retention: DEFAULT_FEED_RETENTION,
            view_feed_retention: DEFAULT_VIEW_FEED_RETENTION,
            signup: SignUpMode::default().as_str().to_owned(),
            modules: None,
            stun_urls: None,
            turn_urls: None,
            turn_secret_file: None,
            call_size_limit: DEFAULT_CALL_SIZE_LIMIT,
            turn_credential_lifetime: DEFAULT_TURN_CREDENTIAL_LIFETIME,
            demo_data: None,
            federation_domain: None,
            federation_nats_url: None,
        }
    }
}

/// Validated configuration, ready to use.
#[derive(Debug)]
pub(crate) struct Config {
    pub(crate) listen: SocketAddr,
    pub(crate) store: StoreLocation,
    pub(crate) tls: Option<TlsPaths>,
    pub(crate) log_format: LogFormat,
    /// Log filter from the settings; `None` falls back to `RUST_LOG`, then a default.
    pub(crate) log: Option<String>,
    pub(crate) unseal: Unseal,
    /// Outgoing mail, if `smtp_url` is set.
    pub(crate) mail: Option<Mailer>,
    /// The NATS server of the outbox relay, if `nats` is set.
    pub(crate) nats: Option<NatsUrl>,
    /// Change events kept per feed (`None`: all).
    pub(crate) feed_retention: Option<u64>,
    /// Row changes kept in the views' feed (`None`: all).
    pub(crate) view_feed_retention: Option<u64>,
    /// Who may sign up.
    pub(crate) sign_up: SignUpMode,
    /// The modules to run besides records (empty: every compiled-in one).
    pub(crate) modules: Vec<String>,
    /// The video module's settings (checked; unused in a build without it).
    pub(crate) video: video::VideoSettings,
    /// Seed demo data on first start: `None` decides by itself (on for a fresh SQLite data
    /// directory), `Some(false)` never (production), `Some(true)` whenever the data
    /// directory has no demo log-in file yet.
    pub(crate) demo_data: Option<bool>,
    /// The JetStream domain of this instance's NATS server (federation needs it).
    pub(crate) federation_domain: String,
    /// The NATS address peers are told in invitations (default: `nats`).
    pub(crate) federation_nats_url: Option<String>,
    /// The data directory (where the demo log-in file goes).
    pub(crate) data_dir: PathBuf,
    /// The configuration file that was read, if any.
    pub(crate) file: Option<PathBuf>,
}

/// Where the server's TLS material lives.
#[derive(Debug, Clone)]
pub(crate) struct TlsPaths {
    pub(crate) cert: PathBuf,
    pub(crate) key: PathBuf,
    pub(crate) client_ca: Option<PathBuf>,
}

/// Loads and checks the configuration for a command; `serve` is `None` for commands other
/// than `orbit serve`.
pub(crate) fn load(global: &GlobalFlags, serve: Option<&ServeFlags>) -> anyhow::Result<Config> {
    let file = config_file(global)?;
    let mut figment = Figment::from(Serialized::defaults(Settings::default()));
    if let Some(file) = &file {
        figment = figment.merge(Toml::file_exact(file));
    }
    figment = figment
        .merge(Env::prefixed("ORBIT_").only(ENV_SETTINGS))
        .merge(Serialized::defaults(global));
    if let Some(serve) = serve {
        figment = figment.merge(Serialized::defaults(serve));
    }
    let settings: Settings = figment.extract().map_err(|e| {
        // figment chains every error it found on separate lines; the first names the problem.
        let first = e
            .into_iter()
            .next()
            .map(|e| e.to_string())
            .unwrap_or_default();
        // Tidy figment's wording: its quoting doubles backticks and keys carry the profile.
        let first = first.replace("``", "`").replace("\"default.", "\"");
        anyhow::anyhow!(
            "invalid configuration: {first}; fix the setting or remove it to use the default"
        )
    })?;
    let origin = Origin {
        global,
        serve,
        file: file.as_deref(),
    };
    settings.validate(&origin, file.clone())
}

/// The configuration file to read: `--config` (must exist), else `<data-dir>/orbit.toml` if
/// it exists, with the data directory taken from the flag or `ORBIT_DATA_DIR`.
fn config_file(global: &GlobalFlags) -> anyhow::Result<Option<PathBuf>> {
    if let Some(path) = &global.config {
        if !path.is_file() {
            bail!(
                "configuration file {} does not exist or is not a file; fix --config or drop it",
                path.display()
            );
        }
        return Ok(Some(path.clone()));
    }
    let data_dir = global
        .data_dir
        .clone()
        .or_else(|| std::env::var_os("ORBIT_DATA_DIR").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from(DEFAULT_DATA_DIR));
    let default = data_dir.join(CONFIG_FILE_NAME);
    Ok(default.is_file().then_some(default))
}

/// Tells where a setting's value came from, for error messages.
struct Origin<'a> {
    global: &'a GlobalFlags,
    serve: Option<&'a ServeFlags>,
    file: Option<&'a Path>,
}

impl Origin<'_> {
    fn of(&self, name: &str) -> String {
        let flag = match name {
            "data_dir" => self.global.data_dir.is_some(),
            "store" => self.global.store.is_some(),
            "store_schema" => self.global.store_schema.is_some(),
            "key_file" => self.global.key_file.is_some(),
            "log" => self.global.log.is_some(),
            "listen" => self.serve.is_some_and(|s| s.listen.is_some()),
            "tls_cert" => self.serve.is_some_and(|s| s.tls_cert.is_some()),
            "tls_key" => self.serve.is_some_and(|s| s.tls_key.is_some()),
            "tls_client_ca" => self.serve.is_some_and(|s| s.tls_client_ca.is_some()),
            "smtp_url" => self.serve.is_some_and(|s| s.smtp_url.is_some()),
            "mail_from" => self.serve.is_some_and(|s| s.mail_from.is_some()),
            "nats" => self.serve.is_some_and(|s| s.nats.is_some()),
            "feed_retention" => self.serve.is_some_and(|s| s.feed_retention.is_some()),
            "view_feed_retention" => self.serve.is_some_and(|s| s.view_feed_retention.is_some()),
            "signup" => self.serve.is_some_and(|s| s.signup.is_some()),
            "modules" => self.serve.is_some_and(|s| s.modules.is_some()),
            "stun_urls" => self.serve.is_some_and(|s| s.stun_urls.is_some()),
            "turn_urls" => self.serve.is_some_and(|s| s.turn_urls.is_some()),
            "turn_secret_file" => self.serve.is_some_and(|s| s.turn_secret_file.is_some()),
            "call_size_limit" => self.serve.is_some_and(|s| s.call_size_limit.is_some()),
            "turn_credential_lifetime" => self
                .serve
                .is_some_and(|s| s.turn_credential_lifetime.is_some()),
            "demo_data" => self.serve.is_some_and(|s| s.no_demo_data),
            _ => false,
        };
        let env = format!("ORBIT_{}", name.to_uppercase());
        if flag {
            format!("--{}", name.replace('_', "-"))
        } else if std::env::var_os(&env).is_some() {
            env
        } else if let Some(file) = self.file {
            format!("{name} in {}", file.display())
        } else {
            format!("the default {name}")
        }
    }
}

impl Settings {
    fn validate(self, origin: &Origin<'_>, file: Option<PathBuf>) -> anyhow::Result<Config> {
        let listen = parse_listen(&self.listen).map_err(|e| {
            anyhow::anyhow!(
                "invalid listen address {:?} (from {}): {e}; use HOST:PORT, e.g. {DEFAULT_LISTEN}",
                self.listen,
                origin.of("listen")
            )
        })?;
        let store = parse_store(&self.store, self.store_schema.clone(), &self.data_dir)
            .map_err(|e| anyhow::anyhow!("invalid store (from {}): {e}", origin.of("store")))?;
        let tls = match (self.tls_cert, self.tls_key) {
            (Some(cert), Some(key)) => Some(TlsPaths {
                cert,
                key,
                client_ca: self.tls_client_ca,
            }),
            (None, None) if self.tls_client_ca.is_some() => bail!(
                "tls_client_ca (from {}) needs a server certificate too; set tls_cert and tls_key",
                origin.of("tls_client_ca")
            ),
            (None, None) => None,
            (Some(_), None) => bail!(
                "tls_cert is set (from {}) but tls_key is not; set both or neither",
                origin.of("tls_cert")
            ),
            (None, Some(_)) => bail!(
                "tls_key is set (from {}) but tls_cert is not; set both or neither",
                origin.of("tls_key")
            ),
        };
        let key_file = self
            .key_file
            .unwrap_or_else(|| self.data_dir.join(KEY_FILE_NAME));
        let unseal = unseal(self.passphrase_file.as_deref(), key_file)?;
        let mail = mailer(self.smtp_url.as_deref(), self.mail_from.as_deref(), origin)?;
        // The error never echoes the URL: it may hold credentials.
        let nats = self
            .nats
            .as_deref()
            .map(NatsUrl::parse)
            .transpose()
            .map_err(|e| anyhow::anyhow!("invalid nats (from {}): {e}", origin.of("nats")))?;
        let video = video::settings(
            video::VideoRaw {
                stun_urls: self.stun_urls.as_deref(),
                turn_urls: self.turn_urls.as_deref(),
                turn_secret_file: self.turn_secret_file.as_deref(),
                call_size_limit: self.call_size_limit,
                turn_credential_lifetime: self.turn_credential_lifetime,
            },
            origin,
        )?;
        let sign_up = self
            .signup
            .parse::<SignUpMode>()
            .map_err(|e| anyhow::anyhow!("invalid signup (from {}): {e}", origin.of("signup")))?;
        Ok(Config {
            listen,
            store,
            tls,
            log_format: self.log_format,
            log: self.log,
            unseal,
            mail,
            nats,
            feed_retention: (self.feed_retention > 0).then_some(self.feed_retention),
            view_feed_retention: (self.view_feed_retention > 0).then_some(self.view_feed_retention),
            sign_up,
            modules: self
                .modules
                .as_deref()
                .map(|list| {
                    list.split(',')
                        .map(str::trim)
                        .filter(|name| !name.is_empty())
                        .map(String::from)
                        .collect()
                })
                .unwrap_or_default(),
            video,
            demo_data: self.demo_data,
            federation_domain: self.federation_domain.unwrap_or_default(),
            federation_nats_url: self.federation_nats_url,
            data_dir: self.data_dir,
            file,
        })
    }
}

fn parse_listen(text: &str) -> anyhow::Result<SocketAddr> {
    if let Ok(addr) = text.parse() {
        return Ok(addr);
    }
    let mut addrs = text
        .to_socket_addrs()
        .map_err(|e| anyhow::anyhow!("not an address this host can resolve ({e})"))?;
    addrs.next().context("the host name resolves to no address")
}

fn parse_store(
    text: &str,
    schema: Option<String>,
    data_dir: &Path,
) -> anyhow::Result<StoreLocation> {
    if text == "sqlite" {
        return Ok(StoreLocation::sqlite_in(data_dir));
    }
    match text.split_once("://") {
        Some(("postgres" | "postgresql", _)) => Ok(StoreLocation::Postgres {
            url: text.to_owned(),
            schema,
        }),
        // Never echo a URL: it may hold a password.
        Some((scheme, _)) => {
            bail!("unknown scheme {scheme:?}: use `sqlite` or a postgres://user@host/database URL")
        }
        None => {
            bail!("{text:?} is not a store: use `sqlite` or a postgres://user@host/database URL")
        }
    }
}

/// The mailer of `smtp_url` and `mail_from`, with the password from `ORBIT_SMTP_PASSWORD`.
fn mailer(
    smtp_url: Option<&str>,
    mail_from: Option<&str>,
    origin: &Origin<'_>,
) -> anyhow::Result<Option<Mailer>> {
    let Some(smtp_url) = smtp_url else {
        if mail_from.is_some() {
            bail!(
                "mail_from is set (from {}) but smtp_url is not; set smtp_url too or drop mail_from",
                origin.of("mail_from")
            );
        }
        return Ok(None);
    };
    let password = match std::env::var("ORBIT_SMTP_PASSWORD") {
        Ok(value) => Some(Zeroizing::new(value)),
        Err(std::env::VarError::NotPresent) => None,
        Err(std::env::VarError::NotUnicode(_)) => {
            bail!("ORBIT_SMTP_PASSWORD is not valid UTF-8; set it again")
        }
    };
    Mailer::new(smtp_url, password, mail_from)
        .map(Some)
        .map_err(|error| match error {
            MailError::SmtpUrl(reason) => {
                anyhow::anyhow!(
                    "invalid smtp_url (from {}): {reason}",
                    origin.of("smtp_url")
                )
            }
            other => anyhow::anyhow!("{other} (from {})", origin.of("mail_from")),
        })
}

/// The secret that unseals the instance key: a passphrase from `ORBIT_PASSPHRASE` or
/// `passphrase_file`, else the key file.
fn unseal(passphrase_file: Option<&Path>, key_file: PathBuf) -> anyhow::Result<Unseal> {
    let direct = match std::env::var("ORBIT_PASSPHRASE") {
        Ok(value) => Some(Zeroizing::new(value)),
        Err(std::env::VarError::NotPresent) => None,
        Err(std::env::VarError::NotUnicode(_)) => {
            bail!("ORBIT_PASSPHRASE is not valid UTF-8; set it again")
        }
    };
    let passphrase = match (direct, passphrase_file) {
        (Some(_), Some(_)) => {
            bail!("both ORBIT_PASSPHRASE and a passphrase file are set; unset one of them")
        }
        (Some(passphrase), None) => Some(passphrase),
        (None, Some(path)) => Some(read_passphrase_file(path)?),
        (None, None) => None,
    };
    match passphrase {
        Some(passphrase) if passphrase.is_empty() => {
            bail!(
                "the passphrase is empty; set ORBIT_PASSPHRASE (or the file it is read from) to the instance's passphrase"
            )
        }
        Some(passphrase) => Ok(Unseal::Passphrase(passphrase)),
        None => Ok(Unseal::KeyFile(key_file)),
    }
}

fn read_passphrase_file(path: &Path) -> anyhow::Result<Zeroizing<String>> {
    let text = Zeroizing::new(std::fs::read_to_string(path).map_err(|e| {
        anyhow::anyhow!(
            "cannot read the passphrase file {} (passphrase_file, ORBIT_PASSPHRASE_FILE): {e}; fix the path or its permissions",
            path.display()
        )
    })?);
    // Editors add a final newline; it is not part of the passphrase.
    let trimmed = text.strip_suffix('\n').unwrap_or(&text);
    let trimmed = trimmed.strip_suffix('\r').unwrap_or(trimmed);
    Ok(Zeroizing::new(trimmed.to_owned()))
}

impl TlsPaths {
    /// Reads the PEM files; an error names the file and the setting.
    pub(crate) fn read(&self) -> anyhow::Result<orbit_system::server::TlsPem> {
        let read = |path: &Path, setting: &str| {
            std::fs::read(path).map_err(|e| {
                anyhow::anyhow!(
                    "cannot read {setting} {}: {e}; fix the path or its permissions",
                    path.display()
                )
            })
        };
        Ok(orbit_system::server::TlsPem {
            cert: read(&self.cert, "tls_cert")?,
            key: read(&self.key, "tls_key")?,
            client_ca: self
                .client_ca
                .as_deref()
                .map(|p| read(p, "tls_client_ca"))
                .transpose()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn store_urls_are_never_echoed() {
        let error = parse_store("postgress://u:secret@h/db", None, Path::new("d")).unwrap_err();
        assert!(!error.to_string().contains("secret"), "{error}");
        assert!(parse_store("postgresql://u@h/db", None, Path::new("d")).is_ok());
        assert!(matches!(
            parse_store("sqlite", None, Path::new("d")).unwrap(),
            StoreLocation::Sqlite { .. }
        ));
    }

    /// Outboxes are pruned by default (issue 13: every value was otherwise kept twice).
    #[test]
    fn feeds_keep_a_bounded_window_by_default() {
        let settings = Settings::default();
        assert_eq!(settings.feed_retention, 10_000);
        assert_eq!(settings.view_feed_retention, 100_000);
    }

    #[test]
    fn listen_needs_host_and_port() {
        assert_eq!(parse_listen("127.0.0.1:9").unwrap().port(), 9);
        assert!(parse_listen("nonsense").is_err());
        assert!(parse_listen("localhost:9").is_ok());
    }
}
