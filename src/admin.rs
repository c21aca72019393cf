//! `orbit admin create --email E --display-name N`: creates a sys-admin account against the
//! store directly, as `orbit keys` does, so an operator can get in without the first-sign-up
//! rule (and while no server runs).
//!
//! The password is a secret, so it is never a flag: it comes from `ORBIT_ADMIN_PASSWORD`, or
//! from standard input (one line; prompted for without echo, and confirmed, on a terminal).

use orbit_i18n::tr;
use std::io::{IsTerminal, Read};

use anyhow::{Context, bail};
use orbit_system::identity::{Identity, IdentityConfig, IdentityError};
use zeroize::Zeroizing;

use crate::cli::AdminCommand;
use crate::config::Config;

/// Environment variable the password may come from.
const PASSWORD_ENV: &str = "ORBIT_ADMIN_PASSWORD";

/// Runs one `orbit admin` command.
pub(crate) async fn run(config: Config, command: AdminCommand) -> anyhow::Result<()> {
    let AdminCommand::Create {
        email,
        display_name,
    } = command;
    // Read the secret before opening anything, so a missing one changes nothing.
    let password = read_password(&email)?;
    let store = crate::store::open(&config).await?;
    let result = async {
        let identity = Identity::open(&store, IdentityConfig::default()).await?;
        let account = identity
            .create_admin(&email, &password, &display_name)
            .await
            .map_err(|error| match error {
                IdentityError::InvalidArgument {
                    field: "password", ..
                } => anyhow::anyhow!(
                    "{error}; choose another (from {PASSWORD_ENV} or standard input)"
                ),
                IdentityError::InvalidArgument { .. } => {
                    anyhow::anyhow!("{error}; fix --email or --display-name")
                }
                IdentityError::AlreadyExists { .. } => {
                    anyhow::anyhow!("{error}; use another --email")
                }
                other => anyhow::anyhow!(other),
            })?;
        println!(
            "{}",
            tr!(
                "admin-created",
                id = account.id.as_str(),
                email = account.email.as_str()
            )
        );
        anyhow::Ok(())
    }
    .await;
    store.close().await;
    result
}

/// The new account's password: from [`PASSWORD_ENV`], else standard input.
fn read_password(email: &str) -> anyhow::Result<Zeroizing<String>> {
    let password = match std::env::var(PASSWORD_ENV) {
        Ok(value) => Zeroizing::new(value),
        Err(std::env::VarError::NotUnicode(_)) => {
            bail!("{PASSWORD_ENV} is not valid UTF-8; set it again")
        }
        Err(std::env::VarError::NotPresent) if std::io::stdin().is_terminal() => {
            let first = Zeroizing::new(
                rpassword::prompt_password(format!("password for {email}: "))
                    .context("cannot read the password from the terminal")?,
            );
            let again = Zeroizing::new(
                rpassword::prompt_password("the same password again: ")
                    .context("cannot read the password from the terminal")?,
            );
            if first != again {
                bail!("the two passwords differ; run the command again");
            }
            first
        }
        Err(std::env::VarError::NotPresent) => {
            let mut text = Zeroizing::new(String::new());
            std::io::stdin()
                .read_to_string(&mut text)
                .context("cannot read the password from standard input")?;
            let line = text.strip_suffix('\n').unwrap_or(&text);
            Zeroizing::new(line.strip_suffix('\r').unwrap_or(line).to_owned())
        }
    };
    if password.is_empty() {
        bail!("no password given; set {PASSWORD_ENV} or pass the password on standard input");
    }
    Ok(password)
}
