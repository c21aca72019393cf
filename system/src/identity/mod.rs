//! Identity, tenancy and access control: accounts and their sessions, tokens and API keys,
//! orgs, projects and memberships, the audit log, and the decision whether a caller may make
//! a call.
//!
//! Everything is kept in the encrypted `system` database (see the keyspaces named in
//! `orbit/system/records/v1/identity.proto`); e-mail addresses are found through a blind
//! index. [`Identity`] is the one handle; its methods are spread over one file per concern.
//! It knows nothing of gRPC: handlers in `server/` translate, and the auth layer calls
//! [`Identity::authenticate`] and [`Identity::authorize`] before any handler runs.

mod accounts;
mod active;
mod api_keys;
mod audit;
mod authz;
mod authz_cache;
mod error;
mod limiter;
mod mail;
mod passwords;
mod principal;
mod records;
mod retry;
mod sessions;
mod settings;
mod tenancy;
mod tokens;
mod verification;

use std::sync::Arc;
use std::time::Duration;

pub use api_keys::NewApiKey;
pub use audit::{AuditEntry, ChainReport};
pub use error::IdentityError;
pub use mail::{MailError, Mailer};
pub use principal::{Credential, Principal, RequestContext};
pub(crate) use records::timestamp as timestamp_ms;
/// The identity test harness, for tests of the modules built on identity (records).
#[cfg(test)]
pub(crate) use tenancy::testkit;
pub use tenancy::{Added, Invitation, Member};

use crate::crypto::KdfParams;
use crate::store::{Database, Store};

/// Name of the database identity lives in.
pub const SYSTEM_DATABASE: &str = "system";

/// Who may create an account with `SignUp` (the `signup` setting). The first account of an
/// instance, its sys-admin, may always sign up.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SignUpMode {
    /// Anyone may sign up (the default).
    #[default]
    Open,
    /// Only an address with a pending invitation may sign up.
    Invite,
    /// Nobody may sign up; a sys-admin creates accounts.
    Closed,
}

impl SignUpMode {
    /// The setting's spelling: `open`, `invite` or `closed`.
    pub fn as_str(self) -> &'static str {
        match self {
            SignUpMode::Open => "open",
            SignUpMode::Invite => "invite",
            SignUpMode::Closed => "closed",
        }
    }
}

impl std::str::FromStr for SignUpMode {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim() {
            "open" => Ok(SignUpMode::Open),
            "invite" => Ok(SignUpMode::Invite),
            "closed" => Ok(SignUpMode::Closed),
            other => Err(format!(
                "unknown sign-up mode {other:?}: use open, invite or closed"
            )),
        }
    }
}

/// Tunables of identity; [`IdentityConfig::default`] is what production uses.
#[derive(Debug, Clone)]
pub struct IdentityConfig {
    /// Lifetime of an access token (at most 15 minutes).
    pub access_ttl: Duration,
    /// Lifetime of a session without refresh.
    pub refresh_ttl: Duration,
    /// Lifetime of a password-reset token.
    pub reset_ttl: Duration,
    /// Lifetime of an e-mail verification token.
    pub verification_ttl: Duration,
    /// Outgoing mail; `None` (the default) turns e-mail verification off.
    pub mail: Option<Mailer>,
    /// Argon2id cost for passwords.
    pub kdf: KdfParams,
    /// Who may sign up.
    pub sign_up: SignUpMode,
    /// Argon2 computations allowed at once; more wait, so a log-in flood cannot starve
    /// other RPCs of CPU.
    pub argon_permits: usize,
}

impl Default for IdentityConfig {
    fn default() -> Self {
        IdentityConfig {
            access_ttl: Duration::from_secs(15 * 60),
            refresh_ttl: Duration::from_secs(30 * 24 * 3600),
            reset_ttl: Duration::from_secs(24 * 3600),
            verification_ttl: Duration::from_secs(24 * 3600),
            mail: None,
            kdf: KdfParams::OWASP,
            sign_up: SignUpMode::Open,
            argon_permits: std::thread::available_parallelism()
                .map_or(1, |n| n.get())
                .max(2)
                - 1,
        }
    }
}

/// The identity service over the system database. Cheap to clone.
#[derive(Clone)]
pub struct Identity {
    inner: Arc<Inner>,
}

struct Inner {
    db: Database,
    config: IdentityConfig,
    signer: tokens::Signer,
    limiter: limiter::LoginLimiter,
    sign_ups: limiter::SignUpLimiter,
    argon: tokio::sync::Semaphore,
    audit: audit::AuditLog,
    authz_cache: authz_cache::AuthzCache,
}

impl std::fmt::Debug for Identity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Identity").finish_non_exhaustive()
    }
}

impl Identity {
    /// Opens identity over `store`'s system database (creating its signing key on first use).
    pub async fn open(store: &Store, config: IdentityConfig) -> Result<Identity, IdentityError> {
        let db = store.database(SYSTEM_DATABASE).await?;
        let signer = tokens::Signer::load_or_create(&db, store.instance_id()).await?;
        let permits = config.argon_permits.max(1);
        Ok(Identity {
            inner: Arc::new(Inner {
                audit: audit::AuditLog::new(db.clone()),
                authz_cache: authz_cache::AuthzCache::default(),
                db,
                signer,
                limiter: limiter::LoginLimiter::default(),
                sign_ups: limiter::SignUpLimiter::default(),
                argon: tokio::sync::Semaphore::new(permits),
                config,
            }),
        })
    }

    pub fn config(&self) -> &IdentityConfig {
        &self.inner.config
    }

    fn db(&self) -> &Database {
        &self.inner.db
    }
}
