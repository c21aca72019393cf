//! Sessions of the CLI: named profiles (a server and its TLS settings) in
//! `<config dir>/profiles.toml`, their logins in `<config dir>/credentials.toml` (mode 0600),
//! `orbit login`/`logout`/`whoami`/`profile …`/`completion …`, and the connection every API
//! command uses: server, TLS, and a bearer token refreshed with the rotating refresh token
//! (AccountService.Refresh) when it has expired or the server refuses it.
//!
//! The config dir is `ORBIT_CONFIG_HOME` if set, else the user's (`~/.config/orbit` on
//! Linux). Secrets are never read from flags here except `--token` (ORBIT_TOKEN preferred):
//! passwords and API keys are prompted for without echo, or read from standard input.

use orbit_i18n::tr;
use std::collections::BTreeMap;
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::str::FromStr;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use anyhow::Context as _;
use clap::{Arg, ArgAction, ArgMatches, Command};
use orbit_proto::orbit::system::v1 as pb;
use orbit_proto::orbit::system::v1::account_service_client::AccountServiceClient;
use serde::{Deserialize, Serialize};
use serde_json::json;
use tonic::metadata::MetadataValue;
use tonic::transport::{Certificate, Channel, ClientTlsConfig, Endpoint, Identity};

use super::commands::connection_args;
use super::exit::CliError;
use super::output::Output;
use super::{Catalog, run};

/// The server when neither a flag, the environment nor the profile names one.
const DEFAULT_SERVER: &str = "http://127.0.0.1:50051";
/// The profile when none is chosen.
const DEFAULT_PROFILE: &str = "default";
/// An access token this close to its expiry is refreshed before use.
const EXPIRY_MARGIN_MS: i64 = 30_000;

/// `profiles.toml`.
#[derive(Debug, Default, Serialize, Deserialize)]
struct ProfilesFile {
    /// The profile used when none is named.
    current: Option<String>,
    #[serde(default)]
    profiles: BTreeMap<String, Profile>,
}

/// One server and how to reach it.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
struct Profile {
    server: String,
    tls_ca: Option<PathBuf>,
    tls_cert: Option<PathBuf>,
    tls_key: Option<PathBuf>,
}

/// `credentials.toml` (mode 0600).
#[derive(Debug, Default, Serialize, Deserialize)]
struct CredentialsFile {
    #[serde(default)]
    profiles: BTreeMap<String, Credential>,
}

/// The login of one profile.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Credential {
    /// `password` (a session with a refresh token) or `api-key`.
    kind: String,
    email: Option<String>,
    access_token: String,
    refresh_token: Option<String>,
    /// When the access token expires (Unix milliseconds), if known.
    access_expires_at_ms: Option<i64>,
}

/// The config dir: `ORBIT_CONFIG_HOME`, else the user's config dir for Orbit.
fn config_home() -> Result<PathBuf, CliError> {
    if let Some(dir) = std::env::var_os("ORBIT_CONFIG_HOME").filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("org", "Orbit", "orbit")
        .map(|dirs| dirs.config_dir().to_owned())
        .ok_or_else(|| {
            CliError::Other(anyhow::anyhow!(
                "no home directory to keep the CLI's profiles in; set ORBIT_CONFIG_HOME"
            ))
        })
}

fn read_toml<T: Default + for<'de> Deserialize<'de>>(path: &Path) -> Result<T, CliError> {
    match std::fs::read_to_string(path) {
        Ok(text) => toml::from_str(&text)
            .with_context(|| {
                format!(
                    "{} is not a valid CLI file; fix or remove it",
                    path.display()
                )
            })
            .map_err(CliError::Other),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(T::default()),
        Err(e) => Err(CliError::Other(
            anyhow::Error::new(e).context(format!("cannot read {}", path.display())),
        )),
    }
}

/// Writes `value` to `path` through a temporary file readable by the owner only.
fn write_toml<T: Serialize>(path: &Path, value: &T) -> Result<(), CliError> {
    let write = || -> anyhow::Result<()> {
        let dir = path.parent().context("a file has a folder")?;
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let text = toml::to_string_pretty(value)?;
        let temp = path.with_extension("toml.tmp");
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
            options.mode(0o600);
            let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
        }
        let mut file = options
            .open(&temp)
            .with_context(|| format!("cannot write {}", temp.display()))?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
        }
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
            .with_context(|| format!("cannot replace {}", path.display()))?;
        Ok(())
    };
    write().map_err(CliError::Other)
}

/// Where the CLI keeps its files.
#[derive(Debug, Clone)]
struct Home {
    dir: PathBuf,
}

impl Home {
    fn open() -> Result<Home, CliError> {
        Ok(Home {
            dir: config_home()?,
        })
    }

    fn profiles_path(&self) -> PathBuf {
        self.dir.join("profiles.toml")
    }

    fn credentials_path(&self) -> PathBuf {
        self.dir.join("credentials.toml")
    }

    fn profiles(&self) -> Result<ProfilesFile, CliError> {
        read_toml(&self.profiles_path())
    }

    fn save_profiles(&self, profiles: &ProfilesFile) -> Result<(), CliError> {
        write_toml(&self.profiles_path(), profiles)
    }

    fn credentials(&self) -> Result<CredentialsFile, CliError> {
        read_toml(&self.credentials_path())
    }

    fn save_credentials(&self, credentials: &CredentialsFile) -> Result<(), CliError> {
        write_toml(&self.credentials_path(), credentials)
    }
}

/// Everything an API command needs to reach the server as the right caller.
#[derive(Debug, Clone)]
pub(crate) struct Context {
    home: Home,
    pub(crate) profile: String,
    pub(crate) server: String,
    tls_ca: Option<PathBuf>,
    tls_identity: Option<(PathBuf, PathBuf)>,
    /// `--token` / ORBIT_TOKEN: sent as is, never refreshed.
    explicit_token: Option<String>,
    pub(crate) output: Output,
}

impl Context {
    /// The context the connection flags of `matches` describe.
    pub(crate) fn from_matches(matches: &ArgMatches) -> Result<Context, CliError> {
        let home = Home::open()?;
        let profiles = home.profiles()?;
        let get = |id: &str| matches.try_get_one::<String>(id).ok().flatten().cloned();
        let profile = get("profile")
            .or(profiles.current.clone())
            .unwrap_or_else(|| DEFAULT_PROFILE.to_owned());
        let saved = profiles.profiles.get(&profile).cloned().unwrap_or_default();
        if get("profile").is_some() && !profiles.profiles.contains_key(&profile) {
            let known: Vec<&str> = profiles.profiles.keys().map(String::as_str).collect();
            return Err(CliError::usage(format!(
                "no profile {profile:?}; add it with `orbit profile add {profile} --server URL`{}",
                if known.is_empty() {
                    String::new()
                } else {
                    format!(" (profiles: {})", known.join(", "))
                }
            )));
        }
        let tls_ca = get("tls-ca").map(PathBuf::from).or(saved.tls_ca.clone());
        let tls_identity = match (get("tls-cert"), get("tls-key")) {
            (Some(cert), Some(key)) => Some((cert.into(), key.into())),
            _ => saved.tls_cert.clone().zip(saved.tls_key.clone()),
        };
        let tls = tls_ca.is_some() || tls_identity.is_some();
        let server = get("server")
            .filter(|s| !s.is_empty())
            .or(Some(saved.server.clone()).filter(|s| !s.is_empty()))
            .unwrap_or_else(|| DEFAULT_SERVER.to_owned());
        let server = if server.contains("://") {
            server
        } else if tls {
            format!("https://{server}")
        } else {
            format!("http://{server}")
        };
        Ok(Context {
            home,
            profile,
            server,
            tls_ca,
            tls_identity,
            explicit_token: get("token").filter(|t| !t.is_empty()),
            output: Output::new(get("output").as_deref()),
        })
    }

    /// A channel to the server; it connects on first use, so an unreachable server is a
    /// call's UNAVAILABLE.
    pub(crate) fn channel(&self) -> Result<Channel, CliError> {
        let invalid = |e: &dyn std::fmt::Display| {
            CliError::usage(format!("invalid server {:?}: {e}", self.server))
        };
        let mut endpoint = Endpoint::from_shared(self.server.clone())
            .map_err(|e| invalid(&e))?
            .connect_timeout(Duration::from_secs(5));
        if self.server.starts_with("https://") {
            let mut tls = ClientTlsConfig::new();
            match &self.tls_ca {
                Some(path) => {
                    let pem = std::fs::read(path)
                        .with_context(|| format!("cannot read --tls-ca {}", path.display()))?;
                    tls = tls.ca_certificate(Certificate::from_pem(pem));
                }
                None => tls = tls.with_native_roots(),
            }
            if let Some((cert, key)) = &self.tls_identity {
                let cert = std::fs::read(cert)
                    .with_context(|| format!("cannot read --tls-cert {}", cert.display()))?;
                let key = std::fs::read(key)
                    .with_context(|| format!("cannot read --tls-key {}", key.display()))?;
                tls = tls.identity(Identity::from_pem(cert, key));
            }
            endpoint = endpoint.tls_config(tls).map_err(|e| invalid(&e))?;
        }
        Ok(endpoint.connect_lazy())
    }

    fn credential(&self) -> Result<Option<Credential>, CliError> {
        Ok(self.home.credentials()?.profiles.remove(&self.profile))
    }

    /// Whether a refused token may be refreshed: it came from a stored login with a refresh
    /// token, not from `--token`.
    pub(crate) fn can_refresh(&self) -> bool {
        self.explicit_token.is_none()
            && matches!(self.credential(), Ok(Some(c)) if c.refresh_token.is_some())
    }

    /// The token to send: `--token`, else the profile's login (refreshed first if it has
    /// expired), else none.
    pub(crate) async fn token(&self, channel: &Channel) -> Result<Option<String>, CliError> {
        if let Some(token) = &self.explicit_token {
            return Ok(Some(token.clone()));
        }
        let Some(credential) = self.credential()? else {
            return Ok(None);
        };
        let expired = credential
            .access_expires_at_ms
            .is_some_and(|at| at - EXPIRY_MARGIN_MS <= now_ms());
        if expired && credential.refresh_token.is_some() {
            return self.refresh(channel).await.map(Some);
        }
        Ok(Some(credential.access_token))
    }

    /// Trades the stored refresh token for a new token pair, stores both, and returns the
    /// new access token. A refused refresh token means the login is over.
    pub(crate) async fn refresh(&self, channel: &Channel) -> Result<String, CliError> {
        let expired = || {
            CliError::Auth(format!(
                "the login of profile {:?} has expired; run `orbit login`",
                self.profile
            ))
        };
        let mut credentials = self.home.credentials()?;
        let Some(credential) = credentials.profiles.get_mut(&self.profile) else {
            return Err(expired());
        };
        let Some(refresh_token) = credential.refresh_token.clone() else {
            return Err(expired());
        };
        let refreshed = AccountServiceClient::new(channel.clone())
            .refresh(pb::RefreshRequest { refresh_token })
            .await;
        let tokens = match refreshed {
            Ok(response) => response.into_inner().tokens.ok_or_else(expired)?,
            Err(status)
                if matches!(
                    status.code(),
                    tonic::Code::Unauthenticated
                        | tonic::Code::PermissionDenied
                        | tonic::Code::NotFound
                        | tonic::Code::InvalidArgument
                ) =>
            {
                credentials.profiles.remove(&self.profile);
                self.home.save_credentials(&credentials)?;
                return Err(expired());
            }
            Err(status) => return Err(self.status_error(status)),
        };
        tracing::debug!(profile = %self.profile, "refreshed the access token");
        credential.access_token = tokens.access_token.clone();
        credential.refresh_token = Some(tokens.refresh_token);
        credential.access_expires_at_ms = tokens.access_expires_at.map(timestamp_ms);
        self.home.save_credentials(&credentials)?;
        Ok(tokens.access_token)
    }

    /// The error of a status the server (or the transport) gave.
    pub(crate) fn status_error(&self, status: tonic::Status) -> CliError {
        CliError::Status {
            status,
            server: self.server.clone(),
        }
    }

    /// Saves `credential` as this profile's login, and the server (and TLS files) in the
    /// profile if it has none or the command named another.
    fn save_login(&self, credential: Credential) -> Result<(), CliError> {
        let mut profiles = self.home.profiles()?;
        let entry = profiles.profiles.entry(self.profile.clone()).or_default();
        entry.server = self.server.clone();
        if self.tls_ca.is_some() {
            entry.tls_ca = self.tls_ca.clone();
        }
        if let Some((cert, key)) = &self.tls_identity {
            entry.tls_cert = Some(cert.clone());
            entry.tls_key = Some(key.clone());
        }
        if profiles.current.is_none() {
            profiles.current = Some(self.profile.clone());
        }
        self.home.save_profiles(&profiles)?;
        let mut credentials = self.home.credentials()?;
        credentials
            .profiles
            .insert(self.profile.clone(), credential);
        self.home.save_credentials(&credentials)
    }
}

/// `request` with `authorization: Bearer <token>` if there is a token.
pub(crate) fn authorize<T>(
    request: &mut tonic::Request<T>,
    token: Option<&str>,
) -> Result<(), CliError> {
    if let Some(token) = token {
        let value = MetadataValue::from_str(&format!("Bearer {token}")).map_err(|_| {
            CliError::usage("the token has characters a header cannot carry; check --token")
        })?;
        request.metadata_mut().insert("authorization", value);
    }
    Ok(())
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

fn timestamp_ms(at: prost_types::Timestamp) -> i64 {
    at.seconds * 1000 + i64::from(at.nanos) / 1_000_000
}

/// `login`, `logout`, `whoami`, `profile`, `completion`.
pub(crate) fn commands() -> Vec<Command> {
    let profile_flags = || {
        [
            Arg::new("server")
                .long("server")
                .value_name("URL")
                .required(true)
                .help("Server URL (http://host:port or https://host:port)"),
            Arg::new("tls-ca")
                .long("tls-ca")
                .value_name("PATH")
                .help("CA certificate(s) (PEM) the server's certificate must chain to"),
            Arg::new("tls-cert")
                .long("tls-cert")
                .value_name("PATH")
                .requires("tls-key")
                .help("Client certificate (PEM) for mutual TLS"),
            Arg::new("tls-key")
                .long("tls-key")
                .value_name("PATH")
                .requires("tls-cert")
                .help("Client private key (PEM) for mutual TLS"),
        ]
    };
    vec![
        Command::new("login")
            .about("Logs in to a server and keeps the session in the profile (the password is prompted for, or read from stdin)")
            .long_about("Logs in with an e-mail address and password (prompted for without echo on a terminal, \
                 else read as one line from standard input), or with an API key (--api-key, read the same way), \
                 and keeps the login in the profile's credentials (mode 0600). A password login is refreshed \
                 transparently. --server saves the server in the profile.")
            .display_order(200)
            .arg(Arg::new("email").long("email").value_name("EMAIL").help("E-mail address (prompted for if left out)"))
            .arg(Arg::new("api-key").long("api-key").action(ArgAction::SetTrue).conflicts_with("email")
                .help("Log in with an API key instead (read like a password, never from a flag)"))
            .args(connection_args().into_iter().filter(|a| a.get_id() != "token")),
        Command::new("logout")
            .about("Ends the profile's session on the server and forgets its login")
            .display_order(201)
            .args(connection_args().into_iter().filter(|a| a.get_id() != "token")),
        Command::new("whoami")
            .about("Shows the profile, server and account the CLI calls as")
            .display_order(202)
            .args(connection_args()),
        Command::new("profile")
            .about("Manages named profiles, one per server")
            .display_order(203)
            .subcommand_required(true)
            .subcommand(
                Command::new("add")
                    .about("Adds (or changes) a profile")
                    .arg(Arg::new("name").required(true).value_name("NAME"))
                    .args(profile_flags())
                    .arg(Arg::new("use").long("use").action(ArgAction::SetTrue).help("Make it the current profile")),
            )
            .subcommand(
                Command::new("use")
                    .about("Makes a profile the current one")
                    .arg(Arg::new("name").required(true).value_name("NAME")),
            )
            .subcommand(
                Command::new("list")
                    .about("Lists the profiles, the current one marked with *")
                    .arg(connection_args().into_iter().find(|a| a.get_id() == "output").expect("output flag")),
            )
            .subcommand(
                Command::new("remove")
                    .about("Removes a profile and its login")
                    .arg(Arg::new("name").required(true).value_name("NAME")),
            ),
        Command::new("completion")
            .about("Prints the shell completion script (generated commands included)")
            .long_about("Prints the completion script for a shell, covering every command and flag, the \
                 generated API commands included. Bash: `source <(orbit completion bash)`.")
            .display_order(204)
            .arg(
                Arg::new("shell")
                    .required(true)
                    .value_parser(clap::value_parser!(clap_complete::Shell)),
            ),
    ]
}

/// Runs one of [`commands`] if `name` is one.
pub(crate) fn dispatch(
    name: &str,
    matches: &ArgMatches,
    catalog: &Catalog,
    command: &Command,
) -> Option<ExitCode> {
    let result = match name {
        "completion" => {
            let shell = *matches
                .get_one::<clap_complete::Shell>("shell")
                .expect("required");
            let mut command = command.clone();
            clap_complete::generate(shell, &mut command, "orbit", &mut std::io::stdout());
            Ok(())
        }
        "profile" => profile(matches),
        "login" | "logout" | "whoami" => run::block_on(async {
            let context = Context::from_matches(matches)?;
            match name {
                "login" => login(&context, matches).await,
                "logout" => logout(&context, catalog).await,
                _ => whoami(&context, catalog).await,
            }
        }),
        _ => return None,
    };
    Some(match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => error.report(),
    })
}

/// Reads a secret: prompted without echo on a terminal, else one line of standard input.
fn read_secret(prompt: &str) -> Result<String, CliError> {
    let secret = if std::io::stdin().is_terminal() {
        rpassword::prompt_password(prompt)
            .map_err(|e| CliError::Other(anyhow::anyhow!("cannot read the secret: {e}")))?
    } else {
        read_line()?
    };
    if secret.is_empty() {
        return Err(CliError::usage(format!(
            "no {} given",
            prompt.trim_end_matches(": ").to_lowercase()
        )));
    }
    Ok(secret)
}

fn read_line() -> Result<String, CliError> {
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| CliError::Other(anyhow::anyhow!("cannot read standard input: {e}")))?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}

async fn login(context: &Context, matches: &ArgMatches) -> Result<(), CliError> {
    let channel = context.channel()?;
    if matches.get_flag("api-key") {
        let key = read_secret("API key: ")?;
        context.save_login(Credential {
            kind: "api-key".into(),
            email: None,
            access_token: key,
            refresh_token: None,
            access_expires_at_ms: None,
        })?;
        return context
            .output
            .print_note(
                &format!(
                    "API key saved for {} (profile {})",
                    context.server, context.profile
                ),
                json!({"profile": context.profile, "server": context.server, "login": "api-key"}),
            )
            .map_err(io_error);
    }
    let email = match matches.get_one::<String>("email") {
        Some(email) => email.clone(),
        None if std::io::stdin().is_terminal() => {
            eprint!("{}: ", tr!("prompt-email"));
            let _ = std::io::stderr().flush();
            read_line()?
        }
        None => {
            return Err(CliError::usage(tr!("login-needs-email")));
        }
    };
    let password = read_secret(&format!("{}: ", tr!("prompt-password")))?;
    let response = AccountServiceClient::new(channel)
        .log_in(pb::LogInRequest {
            email: email.clone(),
            password,
        })
        .await
        .map_err(|status| match status.code() {
            tonic::Code::Unauthenticated | tonic::Code::PermissionDenied => {
                CliError::Auth(format!("log-in refused: {}", status.message()))
            }
            _ => context.status_error(status),
        })?
        .into_inner();
    let tokens = response
        .tokens
        .ok_or_else(|| CliError::Other(anyhow::anyhow!("the server sent no tokens")))?;
    context.save_login(Credential {
        kind: "password".into(),
        email: Some(email.clone()),
        access_token: tokens.access_token,
        refresh_token: Some(tokens.refresh_token),
        access_expires_at_ms: tokens.access_expires_at.map(timestamp_ms),
    })?;
    context
        .output
        .print_note(
            &format!(
                "logged in as {email} on {} (profile {})",
                context.server, context.profile
            ),
            json!({"profile": context.profile, "server": context.server, "email": email}),
        )
        .map_err(io_error)
}

async fn logout(context: &Context, catalog: &Catalog) -> Result<(), CliError> {
    let mut credentials = context.home.credentials()?;
    let Some(credential) = credentials.profiles.remove(&context.profile) else {
        return Err(CliError::Auth(format!(
            "profile {:?} is not logged in",
            context.profile
        )));
    };
    if credential.kind == "password" {
        // End the session on the server; the local login goes either way.
        let method = catalog.by_full_name("orbit.system.v1.AccountService.LogOut");
        if let Some(method) = method {
            let request = prost_reflect::DynamicMessage::new(method.method.input());
            if let Err(error) = run::unary(context, method, request).await {
                tracing::warn!("the server did not end the session: {}", error.line());
            }
        }
    }
    context.home.save_credentials(&credentials)?;
    context
        .output
        .print_note(
            &format!(
                "logged out of {} (profile {})",
                context.server, context.profile
            ),
            json!({"profile": context.profile, "server": context.server}),
        )
        .map_err(io_error)
}

async fn whoami(context: &Context, catalog: &Catalog) -> Result<(), CliError> {
    let credential = context.credential()?;
    if credential.is_none() && context.explicit_token.is_none() {
        return Err(CliError::Auth(format!(
            "profile {:?} is not logged in; run `orbit login`",
            context.profile
        )));
    }
    let method = catalog
        .by_full_name("orbit.system.v1.AccountService.GetProfile")
        .ok_or_else(|| CliError::Other(anyhow::anyhow!("this build has no AccountService")))?;
    let request = prost_reflect::DynamicMessage::new(method.method.input());
    let response = run::unary(context, method, request).await?;
    let json = super::output::to_json(&response);
    let account = json.get("account").cloned().unwrap_or_default();
    let email = account.get("email").and_then(|e| e.as_str()).unwrap_or("?");
    let name = account
        .get("displayName")
        .and_then(|e| e.as_str())
        .unwrap_or("");
    let admin = if account.get("sysAdmin").and_then(|a| a.as_bool()) == Some(true) {
        ", sys-admin"
    } else {
        ""
    };
    context
        .output
        .print_note(
            &format!(
                "{email} ({name}{admin}) on {} (profile {})",
                context.server, context.profile
            ),
            json!({"profile": context.profile, "server": context.server, "account": account}),
        )
        .map_err(io_error)
}

fn profile(matches: &ArgMatches) -> Result<(), CliError> {
    let home = Home::open()?;
    let mut profiles = home.profiles()?;
    let (action, matches) = matches
        .subcommand()
        .expect("a profile subcommand is required");
    let name = matches
        .try_get_one::<String>("name")
        .ok()
        .flatten()
        .cloned();
    match action {
        "add" => {
            let name = name.expect("required");
            let path = |id: &str| matches.get_one::<String>(id).map(PathBuf::from);
            let server = matches
                .get_one::<String>("server")
                .expect("required")
                .clone();
            let tls = path("tls-ca").is_some() || path("tls-cert").is_some();
            let server = if server.contains("://") {
                server
            } else if tls {
                format!("https://{server}")
            } else {
                format!("http://{server}")
            };
            profiles.profiles.insert(
                name.clone(),
                Profile {
                    server: server.clone(),
                    tls_ca: path("tls-ca"),
                    tls_cert: path("tls-cert"),
                    tls_key: path("tls-key"),
                },
            );
            if matches.get_flag("use") || profiles.current.is_none() {
                profiles.current = Some(name.clone());
            }
            home.save_profiles(&profiles)?;
            println!(
                "{}",
                tr!(
                    "profile-added",
                    name = name.as_str(),
                    server = server.as_str()
                )
            );
        }
        "use" => {
            let name = name.expect("required");
            if !profiles.profiles.contains_key(&name) {
                let hint =
                    super::request::closest(&name, profiles.profiles.keys().map(String::as_str))
                        .map(|n| format!("; did you mean {n:?}?"))
                        .unwrap_or_default();
                let unknown = tr!("profile-unknown", name = format!("{name:?}"));
                return Err(CliError::usage(format!("{unknown}{hint}")));
            }
            profiles.current = Some(name.clone());
            home.save_profiles(&profiles)?;
            println!("{}", tr!("profile-using", name = name.as_str()));
        }
        "remove" => {
            let name = name.expect("required");
            if profiles.profiles.remove(&name).is_none() {
                return Err(CliError::usage(tr!(
                    "profile-unknown",
                    name = format!("{name:?}")
                )));
            }
            if profiles.current.as_deref() == Some(&name) {
                profiles.current = None;
            }
            home.save_profiles(&profiles)?;
            let mut credentials = home.credentials()?;
            if credentials.profiles.remove(&name).is_some() {
                home.save_credentials(&credentials)?;
            }
            println!("{}", tr!("profile-removed", name = name.as_str()));
        }
        "list" => {
            let credentials = home.credentials()?;
            let output = Output::new(matches.get_one::<String>("output").map(String::as_str));
            let current = profiles
                .current
                .clone()
                .unwrap_or_else(|| DEFAULT_PROFILE.into());
            let rows = profiles
                .profiles
                .iter()
                .map(|(name, profile)| {
                    let login = match credentials.profiles.get(name) {
                        Some(c) if c.kind == "api-key" => "api key".to_owned(),
                        Some(c) => c.email.clone().unwrap_or_default(),
                        None => "-".to_owned(),
                    };
                    vec![
                        if *name == current {
                            "*".into()
                        } else {
                            String::new()
                        },
                        name.clone(),
                        profile.server.clone(),
                        login,
                    ]
                })
                .collect();
            output
                .print_rows(&["CURRENT", "NAME", "SERVER", "LOGIN"], rows)
                .map_err(io_error)?;
        }
        other => unreachable!("profile {other} is not declared"),
    }
    Ok(())
}

fn io_error(error: std::io::Error) -> CliError {
    CliError::Other(anyhow::Error::new(error).context("cannot write the output"))
}
