//! Accounts: sign-up, log-in, profile, password change and reset, `orbit admin create`.
//!
//! An account (keyspace `accounts`, key = its ULID) keeps its e-mail address and name
//! encrypted like every value; the address is found through its keyed blind index in
//! `account_by_email` (written in the same transaction with `Expect::Absent`, so two sign-ups
//! with one address cannot both succeed). The first account of an instance becomes its
//! sys-admin: the sign-up that also creates `instance/first_account` wins. Log-in answers a
//! wrong password and an unknown address alike, in message and in time (Argon2 always runs),
//! and backs off after failures (`limiter.rs`). With outgoing mail configured, sign-up also
//! mails a verification token (`verification.rs`); without, `email_verified` stays false.

use email_address::{EmailAddress, Options};
use orbit_proto::orbit::system::records::v1::{AccountRecord, PasswordResetRecord};
use orbit_proto::orbit::system::v1 as pb;
use prost::Message;
use rand::RngCore;
use sha2::{Digest, Sha256};

use super::passwords::{MAX_PASSWORD_CHARS, check_password, new_vault_key};
use super::records::{decode, load, now_ms, timestamp};
use super::retry::retry_on_conflict;
use super::sessions::{SESSIONS, caller_session};
use super::{AuditEntry, Identity, IdentityError, Principal, SignUpMode};
use crate::store::{Expect, StoreError, Transaction, new_id};

pub(crate) const ACCOUNTS: &str = "accounts";
pub(crate) const ACCOUNT_BY_EMAIL: &str = "account_by_email";
pub(crate) const PASSWORD_RESETS: &str = "password_resets";
const INSTANCE: &str = "instance";
const FIRST_ACCOUNT: &str = "first_account";

/// Longest e-mail address accepted (RFC 5321's path limit).
const MAX_EMAIL_LEN: usize = 254;
/// Longest display name, in characters.
const MAX_DISPLAY_NAME_CHARS: usize = 100;
/// Default and largest page of `list_accounts`.
const DEFAULT_PAGE: u32 = 100;
const MAX_PAGE: u32 = 1000;
/// The one answer to a failed log-in, whatever failed.
const WRONG_CREDENTIALS: &str = "wrong e-mail or password";

/// Trims and lower-cases an e-mail address and checks that it is one.
pub(crate) fn normalise_email(raw: &str) -> Result<String, IdentityError> {
    let email = raw.trim().to_lowercase();
    if email.is_empty() {
        return Err(IdentityError::invalid("email", "is required"));
    }
    if email.len() > MAX_EMAIL_LEN {
        return Err(IdentityError::invalid(
            "email",
            format!("must have at most {MAX_EMAIL_LEN} bytes"),
        ));
    }
    let options = Options::default()
        .with_required_tld()
        .without_display_text()
        .without_domain_literal();
    EmailAddress::parse_with_options(&email, options).map_err(|e| {
        let reason = e.to_string().to_lowercase();
        IdentityError::invalid(
            "email",
            format!(
                "is not an e-mail address ({})",
                reason.trim_end_matches('.')
            ),
        )
    })?;
    Ok(email)
}

/// Trims a display name and checks it: 1-100 characters, no control characters.
pub(crate) fn check_display_name(raw: &str) -> Result<String, IdentityError> {
    let name = raw.trim();
    let chars = name.chars().count();
    if chars == 0 {
        return Err(IdentityError::invalid("display_name", "is required"));
    }
    if chars > MAX_DISPLAY_NAME_CHARS {
        return Err(IdentityError::invalid(
            "display_name",
            format!("must have at most {MAX_DISPLAY_NAME_CHARS} characters, it has {chars}"),
        ));
    }
    if name.chars().any(char::is_control) {
        return Err(IdentityError::invalid(
            "display_name",
            "must not contain control characters",
        ));
    }
    Ok(name.to_owned())
}

/// The API's view of an account.
pub(crate) fn account_pb(record: &AccountRecord) -> pb::Account {
    pb::Account {
        id: record.id.clone(),
        email: record.email.clone(),
        display_name: record.display_name.clone(),
        sys_admin: record.sys_admin,
        email_verified: record.email_verified,
        created_at: Some(timestamp(record.created_at_ms)),
    }
}

/// A new one-time secret (32 random bytes, base64url) and the key its hash is stored under.
pub(crate) fn new_secret() -> (String, String) {
    use base64::Engine;
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let secret = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    let key = secret_key(&secret);
    (secret, key)
}

/// Where a one-time secret's record is stored: hex SHA-256 of the secret.
pub(crate) fn secret_key(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.trim().as_bytes()))
}

impl Identity {
    /// The blind index of a normalised e-mail address, as hex: the key in `account_by_email`,
    /// and what audit entries and the limiter name instead of the address.
    pub(crate) fn email_index(&self, email: &str) -> String {
        self.db().blind_index("email", email.as_bytes()).to_hex()
    }

    /// The stored account and its version.
    pub(crate) async fn stored_account(
        &self,
        account_id: &str,
    ) -> Result<Option<(AccountRecord, u64)>, IdentityError> {
        load::<AccountRecord>(self.db(), "account", ACCOUNTS, account_id).await
    }

    async fn existing_account(
        &self,
        account_id: &str,
    ) -> Result<(AccountRecord, u64), IdentityError> {
        self.stored_account(account_id)
            .await?
            .ok_or_else(|| IdentityError::not_found("account", account_id))
    }

    /// Creates an account and signs it in. The first account of the instance is sys-admin
    /// and may always sign up; any other needs the instance's sign-up mode to allow it and
    /// its client address to have sign-ups left (`limiter.rs`).
    pub async fn sign_up(
        &self,
        email: &str,
        password: &str,
        display_name: &str,
        client: Option<&str>,
    ) -> Result<(pb::Account, pb::TokenPair), IdentityError> {
        // Cheap checks first, so a mistyped form costs no sign-up of the address.
        let normalised = normalise_email(email)?;
        check_password("password", password)?;
        check_display_name(display_name)?;
        if self.has_first_account().await? {
            self.may_sign_up(&normalised).await?;
            self.inner.sign_ups.take(client)?;
        }
        let account = self
            .create_account(email, password, display_name, false)
            .await?;
        self.audit(
            AuditEntry::new("account.signed_up", &account.id)
                .actor(&account.id)
                .client(client)
                .detail(if account.sys_admin {
                    "first account: sys-admin"
                } else {
                    ""
                }),
        )
        .await?;
        self.verify_after_sign_up(&account).await;
        let tokens = self.start_session(&account, client).await?;
        Ok((account_pb(&account), tokens))
    }

    /// Whether the instance has its first account (its sys-admin) already.
    pub async fn has_first_account(&self) -> Result<bool, IdentityError> {
        Ok(self
            .db()
            .get(INSTANCE, FIRST_ACCOUNT.as_bytes())
            .await?
            .is_some())
    }

    /// Refuses a sign-up of `email` (normalised) that the sign-up mode does not allow.
    async fn may_sign_up(&self, email: &str) -> Result<(), IdentityError> {
        match self.inner.config.sign_up {
            SignUpMode::Open => Ok(()),
            SignUpMode::Closed => Err(IdentityError::FailedPrecondition(
                "sign-up is closed on this instance; ask an administrator".into(),
            )),
            SignUpMode::Invite if self.has_pending_invitation(email).await? => Ok(()),
            SignUpMode::Invite => Err(IdentityError::FailedPrecondition(
                "sign-up on this instance is by invitation only; ask an administrator to invite this e-mail address".into(),
            )),
        }
    }

    /// Whether `email` (normalised) has a pending invitation, which lets it sign up in
    /// invitation-only mode.
    async fn has_pending_invitation(&self, email: &str) -> Result<bool, IdentityError> {
        self.has_pending_invitation_to(email).await
    }

    /// Creates a sys-admin account (`orbit admin create`), without signing it in.
    pub async fn create_admin(
        &self,
        email: &str,
        password: &str,
        display_name: &str,
    ) -> Result<pb::Account, IdentityError> {
        let account = self
            .create_account(email, password, display_name, true)
            .await?;
        self.audit(
            AuditEntry::new("account.signed_up", &account.id)
                .detail("sys-admin created with orbit admin create"),
        )
        .await?;
        Ok(account_pb(&account))
    }

    async fn create_account(
        &self,
        email: &str,
        password: &str,
        display_name: &str,
        sys_admin: bool,
    ) -> Result<AccountRecord, IdentityError> {
        let email = normalise_email(email)?;
        check_password("password", password)?;
        let display_name = check_display_name(display_name)?;
        let index = self.email_index(&email);
        let taken = || IdentityError::AlreadyExists {
            what: "an account with this e-mail address".into(),
        };
        // Spares the Argon2 run for an address that is taken; the transaction decides.
        if self
            .db()
            .get(ACCOUNT_BY_EMAIL, index.as_bytes())
            .await?
            .is_some()
        {
            return Err(taken());
        }
        let id = new_id();
        let (password, vault_key_wrapped) =
            self.seal_vault(&id, password, &new_vault_key()).await?;
        let mut account = AccountRecord {
            id: id.clone(),
            email,
            display_name,
            sys_admin,
            email_verified: false,
            created_at_ms: now_ms(),
            password: Some(password),
            vault_key_wrapped,
            session_epoch: 0,
        };
        loop {
            let first = self
                .db()
                .get(INSTANCE, FIRST_ACCOUNT.as_bytes())
                .await?
                .is_none();
            account.sys_admin = sys_admin || first;
            let mut txn = Transaction::new()
                .put_if(
                    ACCOUNTS,
                    id.clone(),
                    account.encode_to_vec(),
                    Expect::Absent,
                )
                .put_if(ACCOUNT_BY_EMAIL, index.clone(), id.clone(), Expect::Absent);
            if first {
                txn = txn.put_if(INSTANCE, FIRST_ACCOUNT, id.clone(), Expect::Absent);
            }
            match self.db().commit(txn).await {
                Ok(_) => return Ok(account),
                // Another account was first after all: try again as an ordinary one.
                Err(StoreError::Conflict { keyspace, .. }) if keyspace == INSTANCE => continue,
                Err(StoreError::Conflict { keyspace, .. }) if keyspace == ACCOUNT_BY_EMAIL => {
                    return Err(taken());
                }
                Err(error) => return Err(error.into()),
            }
        }
    }

    /// Signs in with e-mail and password, starting a new session. Unknown address and wrong
    /// password give the same `Unauthenticated` after the same work; repeated failures of an
    /// address from one client give `TooManyAttempts`, and a client or an account that
    /// failed often waits before its check (`limiter.rs` holds the policy).
    pub async fn log_in(
        &self,
        email: &str,
        password: &str,
        client: Option<&str>,
    ) -> Result<(pb::Account, pb::TokenPair), IdentityError> {
        let email = normalise_email(email)?;
        if password.is_empty() {
            return Err(IdentityError::invalid("password", "is required"));
        }
        if password.chars().count() > MAX_PASSWORD_CHARS {
            return Err(IdentityError::invalid(
                "password",
                format!("must have at most {MAX_PASSWORD_CHARS} characters"),
            ));
        }
        let index = self.email_index(&email);
        let attempt = self.inner.limiter.admit(&index, client)?;
        attempt.pace().await;
        let account = match self.db().get(ACCOUNT_BY_EMAIL, index.as_bytes()).await? {
            Some(record) => {
                let id = String::from_utf8_lossy(&record.value).into_owned();
                self.stored_account(&id).await?.map(|(account, _)| account)
            }
            None => None,
        };
        let (subject, checked) = match &account {
            Some(account) => (
                account.id.clone(),
                account.password.clone().unwrap_or_default(),
            ),
            None => (index.clone(), self.decoy_password_record()),
        };
        let matches = self
            .check_password_against(&subject, &checked, password)
            .await?
            .is_some();
        let Some(account) = account.filter(|_| matches) else {
            attempt.failed();
            self.audit(AuditEntry::new("session.login_failed", subject).client(client))
                .await?;
            return Err(IdentityError::Unauthenticated(WRONG_CREDENTIALS.into()));
        };
        attempt.succeeded();
        let tokens = self.start_session(&account, client).await?;
        self.audit(
            AuditEntry::new("session.logged_in", &account.id)
                .actor(&account.id)
                .client(client),
        )
        .await?;
        Ok((account_pb(&account), tokens))
    }

    /// The caller's account.
    pub async fn profile(&self, principal: &Principal) -> Result<pb::Account, IdentityError> {
        let (account, _) = self.existing_account(&principal.account_id).await?;
        Ok(account_pb(&account))
    }

    /// Changes the caller's display name.
    pub async fn update_profile(
        &self,
        principal: &Principal,
        display_name: &str,
    ) -> Result<pb::Account, IdentityError> {
        let display_name = check_display_name(display_name)?;
        retry_on_conflict!({
            let (mut account, version) = self.existing_account(&principal.account_id).await?;
            account.display_name = display_name.clone();
            self.db()
                .compare_and_set(
                    ACCOUNTS,
                    account.id.clone(),
                    Expect::Version(version),
                    account.encode_to_vec(),
                )
                .await?;
            Ok(account_pb(&account))
        })
    }

    /// Changes the caller's password: checks the current one, re-wraps the same vault key
    /// under the new one, ends the account's other sessions and gives the caller's session
    /// fresh tokens. A wrong current password is `InvalidArgument` on `current_password` (the
    /// caller is signed in) and counts as a failed log-in.
    pub async fn change_password(
        &self,
        principal: &Principal,
        current_password: &str,
        new_password: &str,
        client: Option<&str>,
    ) -> Result<pb::TokenPair, IdentityError> {
        let session_id = caller_session(principal)?;
        if current_password.is_empty() {
            return Err(IdentityError::invalid("current_password", "is required"));
        }
        if current_password.chars().count() > MAX_PASSWORD_CHARS {
            return Err(IdentityError::invalid(
                "current_password",
                "is not the account's password",
            ));
        }
        check_password("new_password", new_password)?;
        let (account, version) = self.existing_account(&principal.account_id).await?;
        let index = self.email_index(&account.email);
        let attempt = self.inner.limiter.admit(&index, client)?;
        attempt.pace().await;
        let current = account.password.clone().unwrap_or_default();
        let Some(wrapping_key) = self
            .check_password_against(&account.id, &current, current_password)
            .await?
        else {
            attempt.failed();
            self.audit(
                AuditEntry::new("session.login_failed", &account.id)
                    .actor(&account.id)
                    .client(client)
                    .detail("wrong current password on password change"),
            )
            .await?;
            return Err(IdentityError::invalid(
                "current_password",
                "is not the account's password",
            ));
        };
        attempt.succeeded();
        let vault_key = self.open_vault(&account.id, &account.vault_key_wrapped, &wrapping_key)?;
        let (password, wrapped) = self
            .seal_vault(&account.id, new_password, &vault_key)
            .await?;
        let mut account = account;
        let mut version = version;
        loop {
            if account.password.as_ref() != Some(&current) {
                return Err(IdentityError::FailedPrecondition(
                    "the password was changed meanwhile; sign in again".into(),
                ));
            }
            account.password = Some(password.clone());
            account.vault_key_wrapped = wrapped.clone();
            account.session_epoch += 1;
            match self
                .db()
                .compare_and_set(
                    ACCOUNTS,
                    account.id.clone(),
                    Expect::Version(version),
                    account.encode_to_vec(),
                )
                .await
            {
                Ok(_) => break,
                Err(StoreError::Conflict { .. }) => {
                    (account, version) = self.existing_account(&principal.account_id).await?;
                }
                Err(error) => return Err(error.into()),
            }
        }
        let tokens = self
            .carry_session_over(session_id, account.session_epoch)
            .await?;
        let ended = self
            .end_sessions(&account.id, Some(session_id), "password changed")
            .await?;
        self.audit(
            AuditEntry::new("account.password_changed", &account.id)
                .actor(&account.id)
                .client(client)
                .detail(format!("{ended} other sessions ended")),
        )
        .await?;
        Ok(tokens)
    }

    /// Moves the caller's session to the account's new epoch with a new token pair.
    async fn carry_session_over(
        &self,
        session_id: &str,
        epoch: u64,
    ) -> Result<pb::TokenPair, IdentityError> {
        use orbit_proto::orbit::system::records::v1::SessionRecord;
        retry_on_conflict!({
            let Some((mut session, version)) =
                load::<SessionRecord>(self.db(), "session", SESSIONS, session_id).await?
            else {
                return Err(IdentityError::Unauthenticated(
                    "session has ended; sign in again".into(),
                ));
            };
            if session.revoked {
                return Err(IdentityError::Unauthenticated(
                    "session has ended; sign in again".into(),
                ));
            }
            session.epoch = epoch;
            self.next_generation(session, version).await
        })
    }

    /// Issues a one-time password-reset token for `account_id` (by a sys-admin); returns it
    /// and when it expires. It is stored only as a hash.
    pub async fn issue_password_reset(
        &self,
        principal: &Principal,
        account_id: &str,
        client: Option<&str>,
    ) -> Result<(String, prost_types::Timestamp), IdentityError> {
        if account_id.trim().is_empty() {
            return Err(IdentityError::invalid("account_id", "is required"));
        }
        let (account, _) = self.existing_account(account_id.trim()).await?;
        let (token, key) = new_secret();
        let expires_at_ms = now_ms()
            + i64::try_from(self.inner.config.reset_ttl.as_millis()).unwrap_or(i64::MAX / 2);
        let record = PasswordResetRecord {
            account_id: account.id.clone(),
            expires_at_ms,
            used: false,
            issued_by: principal.account_id.clone(),
        };
        self.db()
            .compare_and_set(PASSWORD_RESETS, key, Expect::Absent, record.encode_to_vec())
            .await?;
        self.audit(
            AuditEntry::new("account.password_reset_issued", &account.id)
                .actor(&principal.account_id)
                .client(client),
        )
        .await?;
        Ok((token, timestamp(expires_at_ms)))
    }

    /// Sets a new password with a password-reset token (once, before it expires). The
    /// account gets a new, empty vault (the old key needed the old password) and every
    /// session ends.
    pub async fn reset_password(
        &self,
        reset_token: &str,
        new_password: &str,
        client: Option<&str>,
    ) -> Result<(), IdentityError> {
        let unusable =
            |why: &str| IdentityError::Unauthenticated(format!("password-reset token {why}"));
        if reset_token.trim().is_empty() {
            return Err(IdentityError::invalid("reset_token", "is required"));
        }
        check_password("new_password", new_password)?;
        let key = secret_key(reset_token);
        let Some((reset, _)) =
            load::<PasswordResetRecord>(self.db(), "password reset", PASSWORD_RESETS, &key).await?
        else {
            return Err(unusable("is unknown"));
        };
        if reset.used {
            return Err(unusable("was already used"));
        }
        if reset.expires_at_ms <= now_ms() {
            return Err(unusable("has expired"));
        }
        let (password, wrapped) = self
            .seal_vault(&reset.account_id, new_password, &new_vault_key())
            .await?;
        let account = retry_on_conflict!({
            let (reset, reset_version) =
                load::<PasswordResetRecord>(self.db(), "password reset", PASSWORD_RESETS, &key)
                    .await?
                    .ok_or_else(|| unusable("is unknown"))?;
            if reset.used {
                return Err(unusable("was already used"));
            }
            let (mut account, version) = self.existing_account(&reset.account_id).await?;
            account.password = Some(password.clone());
            account.vault_key_wrapped = wrapped.clone();
            account.session_epoch += 1;
            let used = PasswordResetRecord {
                used: true,
                ..reset
            };
            let txn = Transaction::new()
                .put_if(
                    PASSWORD_RESETS,
                    key.clone(),
                    used.encode_to_vec(),
                    Expect::Version(reset_version),
                )
                .put_if(
                    ACCOUNTS,
                    account.id.clone(),
                    account.encode_to_vec(),
                    Expect::Version(version),
                );
            self.db().commit(txn).await?;
            Ok(account)
        })?;
        let ended = self
            .end_sessions(&account.id, None, "password reset")
            .await?;
        self.inner
            .limiter
            .forget_account(&self.email_index(&account.email));
        self.audit(
            AuditEntry::new("account.password_reset", &account.id)
                .actor(&account.id)
                .client(client)
                .detail(format!(
                    "token issued by {}; {ended} sessions ended",
                    reset.issued_by
                )),
        )
        .await?;
        Ok(())
    }

    /// Accounts in creation order, a page at a time; returns the page and the token of the
    /// next (empty on the last).
    pub async fn list_accounts(
        &self,
        page_size: u32,
        page_token: &str,
    ) -> Result<(Vec<pb::Account>, String), IdentityError> {
        let limit = match page_size {
            0 => DEFAULT_PAGE,
            n => n.min(MAX_PAGE),
        };
        let after = page_token.trim();
        if !after.is_empty() && ulid::Ulid::from_string(after).is_err() {
            return Err(IdentityError::invalid(
                "page_token",
                "is not a token from a previous page",
            ));
        }
        let page = self
            .db()
            .scan(
                ACCOUNTS,
                b"",
                (!after.is_empty()).then_some(after.as_bytes()),
                limit,
            )
            .await?;
        let mut accounts = Vec::with_capacity(page.records.len());
        for record in &page.records {
            let key = String::from_utf8_lossy(&record.key).into_owned();
            let account: AccountRecord = decode("account", &key, &record.value)?;
            accounts.push(account_pb(&account));
        }
        let next = page
            .next
            .map(|key| String::from_utf8_lossy(&key).into_owned())
            .unwrap_or_default();
        Ok((accounts, next))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(
            normalise_email("  Alice.Example@Example.COM ").unwrap(),
            "alice.example@example.com"
        );
        for bad in [
            "",
            "   ",
            "alice",
            "alice@",
            "@example.com",
            "alice@localhost",
            "Alice <alice@example.com>",
            "alice@[127.0.0.1]",
            "al ice@example.com",
            "alice@exa mple.com",
        ] {
            match normalise_email(bad) {
                Err(IdentityError::InvalidArgument { field: "email", .. }) => {}
                other => panic!("{bad:?} gave {other:?}"),
            }
        }
        let long = format!("{}@example.com", "a".repeat(250));
        assert!(normalise_email(&long).is_err());
    }

    #[test]
    fn display_names_are_checked() {
        assert_eq!(
            check_display_name("  Ada Lovelace ").unwrap(),
            "Ada Lovelace"
        );
        assert_eq!(
            check_display_name(&"é".repeat(100)).unwrap(),
            "é".repeat(100)
        );
        for bad in ["", "  ", "a\u{0}b", "tab\there", &"x".repeat(101)] {
            match check_display_name(bad) {
                Err(IdentityError::InvalidArgument {
                    field: "display_name",
                    ..
                }) => {}
                other => panic!("{bad:?} gave {other:?}"),
            }
        }
    }
}

/// The harness the identity tests share: an [`Identity`] with cheap Argon2 over a fresh
/// SQLite file or PostgreSQL schema, and the scenarios that must hold on both engines.
#[cfg(test)]
pub(crate) mod scenarios {
    use std::path::PathBuf;
    use std::time::Duration;

    use super::*;
    use crate::crypto::{Aad, KdfParams};
    use crate::identity::{Credential, IdentityConfig};
    use crate::store::testdb::{drop_schema, fresh_schema, pg_url, postgres_bytes};
    use crate::store::{Store, StoreConfig, StoreLocation, Unseal};

    pub(crate) const PASSWORD: &str = "plum-orbit-lantern-42";
    pub(crate) const OTHER_PASSWORD: &str = "quiet-harbour-meadow-17";
    pub(crate) const CLIENT: Option<&str> = Some("192.0.2.10");

    /// Identity tunables that keep tests fast.
    pub(crate) fn cheap() -> IdentityConfig {
        IdentityConfig {
            kdf: KdfParams {
                memory_kib: 64,
                iterations: 1,
                parallelism: 1,
            },
            ..IdentityConfig::default()
        }
    }

    pub(crate) enum Backend {
        Sqlite,
        Postgres,
    }

    pub(crate) struct Harness {
        dir: tempfile::TempDir,
        schema: Option<String>,
        pub(crate) store: Store,
        pub(crate) identity: Identity,
    }

    impl Harness {
        pub(crate) async fn open(backend: Backend, config: IdentityConfig) -> Harness {
            let dir = tempfile::tempdir().expect("temp dir");
            let schema = match backend {
                Backend::Sqlite => None,
                Backend::Postgres => Some(fresh_schema("orbit_identity_test")),
            };
            let location = match &schema {
                None => StoreLocation::sqlite_in(dir.path()),
                Some(schema) => StoreLocation::Postgres {
                    url: pg_url(),
                    schema: Some(schema.clone()),
                },
            };
            let mut store_config =
                StoreConfig::new(location, Unseal::KeyFile(dir.path().join("instance.key")));
            store_config.full_sync = false;
            let store = Store::open(store_config).await.expect("store opens");
            let identity = Identity::open(&store, config)
                .await
                .expect("identity opens");
            Harness {
                dir,
                schema,
                store,
                identity,
            }
        }

        pub(crate) async fn sqlite() -> Harness {
            Harness::open(Backend::Sqlite, cheap()).await
        }

        /// Every byte the store keeps, as someone holding the disk (or the database) sees it.
        pub(crate) async fn stored_bytes(&self) -> Vec<u8> {
            match &self.schema {
                None => {
                    let path: PathBuf = self.dir.path().join("orbit.db");
                    let mut bytes = std::fs::read(&path).unwrap_or_default();
                    for side in ["orbit.db-wal", "orbit.db-shm"] {
                        bytes.extend(std::fs::read(self.dir.path().join(side)).unwrap_or_default());
                    }
                    bytes
                }
                Some(schema) => postgres_bytes(schema).await,
            }
        }

        /// Closes the store (and drops the PostgreSQL schema).
        pub(crate) async fn close(self) {
            self.store.close().await;
            if let Some(schema) = &self.schema {
                drop_schema(schema).await;
            }
        }

        pub(crate) async fn sign_up(&self, email: &str) -> (pb::Account, pb::TokenPair) {
            // No client address: the per-address sign-up limit stays out of the way.
            self.identity
                .sign_up(email, PASSWORD, "Test Person", None)
                .await
                .expect("sign-up")
        }

        /// The principal of an access token, or the error.
        pub(crate) async fn whoami(
            &self,
            tokens: &pb::TokenPair,
        ) -> Result<Principal, IdentityError> {
            self.identity.authenticate(&tokens.access_token).await
        }

        pub(crate) async fn audit_kinds(&self) -> Vec<(String, String)> {
            let (events, _) = self.identity.audit_events(None, 0, 1000).await.unwrap();
            events.into_iter().map(|e| (e.kind, e.subject)).collect()
        }
    }

    pub(crate) fn invalid_field<T: std::fmt::Debug>(
        result: Result<T, IdentityError>,
    ) -> &'static str {
        match result {
            Err(IdentityError::InvalidArgument { field, .. }) => field,
            other => panic!("expected invalid argument, got {other:?}"),
        }
    }

    pub(crate) fn unauthenticated<T: std::fmt::Debug>(result: Result<T, IdentityError>) -> String {
        match result {
            Err(IdentityError::Unauthenticated(message)) => message,
            other => panic!("expected unauthenticated, got {other:?}"),
        }
    }

    fn contains(haystack: &[u8], needle: &[u8]) -> bool {
        haystack.windows(needle.len()).any(|w| w == needle)
    }

    /// Bad input is refused naming the field, and leaves nothing behind; the first account
    /// is sys-admin, later ones are not, an address is taken case-insensitively.
    pub(crate) async fn sign_up_rules(h: &Harness) {
        let id = &h.identity;
        let cases: [(&str, &str, &str, &str); 8] = [
            ("not-an-address", PASSWORD, "Ann", "email"),
            ("", PASSWORD, "Ann", "email"),
            ("ann@example.com", PASSWORD, "", "display_name"),
            (
                "ann@example.com",
                PASSWORD,
                &"x".repeat(101),
                "display_name",
            ),
            ("ann@example.com", PASSWORD, "line\nbreak", "display_name"),
            ("ann@example.com", "short", "Ann", "password"),
            ("ann@example.com", "", "Ann", "password"),
            ("ann@example.com", "Password1234", "Ann", "password"),
        ];
        for (email, password, name, field) in cases {
            assert_eq!(
                invalid_field(id.sign_up(email, password, name, CLIENT).await),
                field,
                "{email:?} {password:?} {name:?}"
            );
        }
        let too_long = "y".repeat(1025);
        assert_eq!(
            invalid_field(
                id.sign_up("ann@example.com", &too_long, "Ann", CLIENT)
                    .await
            ),
            "password"
        );
        let (accounts, _) = id.list_accounts(0, "").await.unwrap();
        assert!(accounts.is_empty(), "nothing half-written: {accounts:?}");

        let (first, tokens) = h.sign_up("  Ann@Example.com ").await;
        assert_eq!(first.email, "ann@example.com");
        assert!(first.sys_admin, "the first account is sys-admin");
        assert!(!first.email_verified);
        assert!(h.whoami(&tokens).await.unwrap().sys_admin);
        match id
            .sign_up("ANN@example.com", OTHER_PASSWORD, "Ann 2", CLIENT)
            .await
        {
            Err(IdentityError::AlreadyExists { what }) => assert!(what.contains("e-mail")),
            other => panic!("duplicate e-mail: {other:?}"),
        }
        // Many at once: none of them becomes sys-admin, every one is created.
        let signups: Vec<_> = (0..6)
            .map(|i| {
                let id = id.clone();
                tokio::spawn(async move {
                    id.sign_up(&format!("p{i}@example.com"), PASSWORD, "P", None)
                        .await
                        .unwrap()
                        .0
                })
            })
            .collect();
        for signup in signups {
            assert!(!signup.await.unwrap().sys_admin);
        }
        let admin = id
            .create_admin("root@example.com", PASSWORD, "Root")
            .await
            .unwrap();
        assert!(admin.sys_admin, "orbit admin create makes a sys-admin");
        let (accounts, next) = id.list_accounts(0, "").await.unwrap();
        assert_eq!((accounts.len(), next.as_str()), (8, ""));
        assert_eq!(accounts.iter().filter(|a| a.sys_admin).count(), 2);
        let kinds = h.audit_kinds().await;
        assert_eq!(
            kinds
                .iter()
                .filter(|(k, _)| k == "account.signed_up")
                .count(),
            8
        );
    }

    /// Concurrent first sign-ups: exactly one becomes sys-admin.
    pub(crate) async fn one_first_account(h: &Harness) {
        let signups: Vec<_> = (0..8)
            .map(|i| {
                let id = h.identity.clone();
                tokio::spawn(async move {
                    id.sign_up(&format!("racer{i}@example.com"), PASSWORD, "R", None)
                        .await
                        .unwrap()
                        .0
                })
            })
            .collect();
        let mut admins = 0;
        for signup in signups {
            admins += usize::from(signup.await.unwrap().sys_admin);
        }
        assert_eq!(admins, 1);
    }

    /// Right password signs in; a wrong password and an unknown address fail alike; the
    /// audit log names neither the address nor the password.
    pub(crate) async fn log_in_uniformly(h: &Harness) {
        let (account, _) = h.sign_up("bea@example.com").await;
        let id = &h.identity;
        let (signed_in, tokens) = id
            .log_in("BEA@example.com", PASSWORD, CLIENT)
            .await
            .unwrap();
        assert_eq!(signed_in.id, account.id);
        let principal = h.whoami(&tokens).await.unwrap();
        assert_eq!(principal.account_id, account.id);
        assert!(matches!(principal.credential, Credential::Session { .. }));

        let wrong = unauthenticated(id.log_in("bea@example.com", OTHER_PASSWORD, None).await);
        let unknown = unauthenticated(id.log_in("nobody@example.com", PASSWORD, None).await);
        assert_eq!(wrong, "wrong e-mail or password");
        assert_eq!(unknown, wrong);
        assert_eq!(
            invalid_field(id.log_in("bea", PASSWORD, None).await),
            "email"
        );
        let kinds = h.audit_kinds().await;
        let failed: Vec<_> = kinds
            .iter()
            .filter(|(k, _)| k == "session.login_failed")
            .collect();
        assert_eq!(failed.len(), 2);
        assert!(failed.iter().any(|(_, s)| *s == account.id));
        assert!(failed.iter().all(|(_, s)| !s.contains('@')));
        assert!(
            kinds
                .iter()
                .any(|(k, s)| k == "session.logged_in" && *s == account.id)
        );
    }

    /// Each refresh gives a new pair and retires the old token; presenting a retired one
    /// ends the session (all its tokens) and is audited.
    pub(crate) async fn refresh_rotation_and_reuse(h: &Harness) {
        let (_, first) = h.sign_up("cy@example.com").await;
        let id = &h.identity;
        let second = id.refresh(&first.refresh_token, CLIENT).await.unwrap();
        assert_ne!(second.refresh_token, first.refresh_token);
        let third = id.refresh(&second.refresh_token, CLIENT).await.unwrap();
        h.whoami(&third).await.unwrap();

        let reused = unauthenticated(id.refresh(&first.refresh_token, CLIENT).await);
        assert!(reused.contains("already used"), "{reused}");
        assert!(unauthenticated(id.refresh(&third.refresh_token, CLIENT).await).contains("ended"));
        assert!(unauthenticated(h.whoami(&third).await).contains("ended"));
        assert!(
            h.audit_kinds()
                .await
                .iter()
                .any(|(k, _)| k == "session.refresh_reused")
        );
        for garbage in ["garbage", "a.b.c", &"A".repeat(43)] {
            unauthenticated(id.refresh(garbage, CLIENT).await);
        }
        assert_eq!(
            invalid_field(id.refresh(" ", CLIENT).await),
            "refresh_token"
        );
    }

    /// Log-out ends one session at once (before its token expires); log-out everywhere ends
    /// all of the account's.
    pub(crate) async fn log_out_now(h: &Harness) {
        let (_, one) = h.sign_up("dee@example.com").await;
        let id = &h.identity;
        let (_, two) = id
            .log_in("dee@example.com", PASSWORD, CLIENT)
            .await
            .unwrap();
        let principal_one = h.whoami(&one).await.unwrap();
        id.log_out(&principal_one, CLIENT).await.unwrap();
        assert!(unauthenticated(h.whoami(&one).await).contains("ended"));
        unauthenticated(id.refresh(&one.refresh_token, CLIENT).await);
        let principal_two = h.whoami(&two).await.unwrap();

        let (_, three) = id
            .log_in("dee@example.com", PASSWORD, CLIENT)
            .await
            .unwrap();
        h.whoami(&three).await.unwrap();
        let ended = id.log_out_everywhere(&principal_two, CLIENT).await.unwrap();
        assert_eq!(ended, 2);
        let index = id
            .db()
            .scan(
                crate::identity::sessions::ACCOUNT_SESSIONS,
                format!("{}/", principal_two.account_id).as_bytes(),
                None,
                10,
            )
            .await
            .unwrap();
        assert!(
            index.records.is_empty(),
            "ended sessions leave the account's index"
        );
        unauthenticated(h.whoami(&two).await);
        unauthenticated(h.whoami(&three).await);
        unauthenticated(id.refresh(&three.refresh_token, CLIENT).await);
        // A new log-in works again.
        let (_, four) = id
            .log_in("dee@example.com", PASSWORD, CLIENT)
            .await
            .unwrap();
        h.whoami(&four).await.unwrap();
    }

    /// Changing the password keeps the vault (readable with the new password, not the old),
    /// ends the other sessions and keeps the caller signed in with fresh tokens.
    pub(crate) async fn change_password_keeps_vault(h: &Harness) {
        let (account, mine) = h.sign_up("eve@example.com").await;
        let id = &h.identity;
        let (_, other) = id.log_in("eve@example.com", PASSWORD, None).await.unwrap();
        let vault = id.unlock_vault(&account.id, PASSWORD).await.unwrap();
        let aad = Aad::new("test/vault");
        let sealed = vault.seal(b"diary", &aad);
        let me = h.whoami(&mine).await.unwrap();

        assert_eq!(
            invalid_field(
                id.change_password(&me, OTHER_PASSWORD, "another-long-password", CLIENT)
                    .await
            ),
            "current_password"
        );
        assert_eq!(
            invalid_field(id.change_password(&me, PASSWORD, "short", CLIENT).await),
            "new_password"
        );
        assert_eq!(
            invalid_field(
                id.change_password(&me, PASSWORD, "qwerty123456", CLIENT)
                    .await
            ),
            "new_password"
        );
        let fresh = id
            .change_password(&me, PASSWORD, OTHER_PASSWORD, CLIENT)
            .await
            .unwrap();

        let reopened = id.unlock_vault(&account.id, OTHER_PASSWORD).await.unwrap();
        assert_eq!(reopened.open(&sealed, &aad).unwrap(), b"diary");
        assert!(matches!(
            id.unlock_vault(&account.id, PASSWORD).await,
            Err(IdentityError::Unauthenticated(_))
        ));
        h.whoami(&fresh).await.unwrap();
        unauthenticated(h.whoami(&mine).await);
        unauthenticated(h.whoami(&other).await);
        unauthenticated(id.refresh(&other.refresh_token, None).await);
        id.refresh(&fresh.refresh_token, None).await.unwrap();
        unauthenticated(id.log_in("eve@example.com", PASSWORD, None).await);
        id.log_in("eve@example.com", OTHER_PASSWORD, None)
            .await
            .unwrap();
        assert!(
            h.audit_kinds()
                .await
                .iter()
                .any(|(k, s)| k == "account.password_changed" && *s == account.id)
        );
    }

    /// A reset token works once, gives a new empty vault and ends every session.
    pub(crate) async fn reset_once(h: &Harness) {
        let (admin_account, admin_tokens) = h.sign_up("root@example.com").await;
        let admin = h.whoami(&admin_tokens).await.unwrap();
        let (user, user_tokens) = h.sign_up("fay@example.com").await;
        let id = &h.identity;
        let old_vault = id.unlock_vault(&user.id, PASSWORD).await.unwrap();
        let sealed = old_vault.seal(b"lost", &Aad::new("test"));

        assert!(matches!(
            id.issue_password_reset(&admin, "01J0000000000000000000000Z", None)
                .await,
            Err(IdentityError::NotFound { .. })
        ));
        assert_eq!(
            invalid_field(id.issue_password_reset(&admin, "", None).await),
            "account_id"
        );
        let (token, _) = id
            .issue_password_reset(&admin, &user.id, None)
            .await
            .unwrap();
        assert_eq!(
            invalid_field(id.reset_password(&token, "short", None).await),
            "new_password"
        );
        id.reset_password(&token, OTHER_PASSWORD, CLIENT)
            .await
            .unwrap();
        assert!(
            unauthenticated(id.reset_password(&token, OTHER_PASSWORD, None).await)
                .contains("already used")
        );
        assert!(
            unauthenticated(id.reset_password("bogus", OTHER_PASSWORD, None).await)
                .contains("unknown")
        );
        unauthenticated(h.whoami(&user_tokens).await);
        unauthenticated(id.log_in("fay@example.com", PASSWORD, None).await);
        id.log_in("fay@example.com", OTHER_PASSWORD, None)
            .await
            .unwrap();
        let new_vault = id.unlock_vault(&user.id, OTHER_PASSWORD).await.unwrap();
        assert!(
            new_vault.open(&sealed, &Aad::new("test")).is_err(),
            "a reset starts a new vault"
        );
        h.whoami(&admin_tokens).await.unwrap();
        let kinds = h.audit_kinds().await;
        assert!(
            kinds
                .iter()
                .any(|(k, s)| k == "account.password_reset_issued" && *s == user.id)
        );
        assert!(
            kinds
                .iter()
                .any(|(k, s)| k == "account.password_reset" && *s == user.id)
        );
        assert_ne!(admin_account.id, user.id);
    }

    /// Neither the e-mail address nor the name of a signed-up user is stored in plaintext.
    pub(crate) async fn nothing_in_plaintext(h: &Harness) {
        let email = "zelda.plaintext-marker@example.org";
        let name = "Zelda Plaintextmarker";
        let (account, _) = h
            .identity
            .sign_up(email, PASSWORD, name, CLIENT)
            .await
            .unwrap();
        h.identity.log_in(email, PASSWORD, CLIENT).await.unwrap();
        unauthenticated(h.identity.log_in(email, OTHER_PASSWORD, CLIENT).await);
        assert_eq!(
            h.identity
                .profile(&h.whoami(&h.sign_up("x@example.com").await.1).await.unwrap())
                .await
                .unwrap()
                .email,
            "x@example.com"
        );
        let bytes = h.stored_bytes().await;
        assert!(
            bytes.len() > 10_000,
            "read the store: {} bytes",
            bytes.len()
        );
        // PostgreSQL renders bytea columns as hex: look for both spellings.
        let found = |needle: &[u8]| {
            contains(&bytes, needle) || contains(&bytes, hex::encode(needle).as_bytes())
        };
        for needle in [email, "plaintext-marker", name, "Plaintextmarker", PASSWORD] {
            assert!(
                !found(needle.as_bytes()),
                "{needle:?} is stored in plaintext"
            );
        }
        assert!(
            found(account.id.as_bytes()),
            "record keys are plaintext, so the dump is real"
        );
    }

    macro_rules! on_both_backends {
        ($($case:ident),* $(,)?) => {
            mod sqlite {
                $(
                    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                    async fn $case() {
                        let h = super::Harness::open(super::Backend::Sqlite, super::cheap()).await;
                        super::$case(&h).await;
                        h.close().await;
                    }
                )*
            }
            mod postgres {
                $(
                    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                    async fn $case() {
                        let h = super::Harness::open(super::Backend::Postgres, super::cheap()).await;
                        super::$case(&h).await;
                        h.close().await;
                    }
                )*
            }
        };
    }

    on_both_backends!(
        sign_up_rules,
        one_first_account,
        log_in_uniformly,
        refresh_rotation_and_reuse,
        log_out_now,
        change_password_keeps_vault,
        reset_once,
        nothing_in_plaintext,
    );

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sqlite_file_holds_no_plaintext_after_close() {
        let h = Harness::sqlite().await;
        let email = "quentin.filemarker@example.net";
        h.identity
            .sign_up(email, PASSWORD, "Quentin Filemarker", None)
            .await
            .unwrap();
        let dir = h.dir.path().to_owned();
        let keep = h.dir;
        h.store.close().await;
        let mut bytes = Vec::new();
        for entry in std::fs::read_dir(&dir).unwrap() {
            bytes.extend(std::fs::read(entry.unwrap().path()).unwrap());
        }
        for needle in ["filemarker", "Filemarker", email] {
            assert!(!contains(&bytes, needle.as_bytes()), "{needle}");
        }
        drop(keep);
    }

    /// Fails log-ins of `email` from `client` until six failures were counted, waiting out the
    /// back-off after the fourth (1 s) and the fifth (2 s): the pair then waits 4 s, room
    /// enough for a check inside that window on a loaded machine.
    async fn fail_six_times(id: &Identity, email: &str, client: Option<&str>) {
        let mut failures = 0;
        while failures < 6 {
            match id.log_in(email, OTHER_PASSWORD, client).await {
                Err(IdentityError::Unauthenticated(_)) => failures += 1,
                Err(IdentityError::TooManyAttempts { retry_after_secs }) => {
                    assert!(failures > 3, "backed off after only {failures} failures");
                    tokio::time::sleep(Duration::from_secs(retry_after_secs)).await;
                }
                other => panic!("expected a failure or back-off, got {other:?}"),
            }
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn log_in_backs_off_per_pair_never_locking_the_owner_out() {
        let h = Harness::sqlite().await;
        h.sign_up("gus@example.com").await;
        h.sign_up("liv@example.com").await;
        let id = &h.identity;
        let elsewhere = Some("198.51.100.7");
        fail_six_times(id, "gus@example.com", CLIENT).await;
        // The guessing address waits now, even with the right password …
        match id.log_in("gus@example.com", PASSWORD, CLIENT).await {
            Err(IdentityError::TooManyAttempts { retry_after_secs }) => {
                assert!((1..=4).contains(&retry_after_secs), "{retry_after_secs}")
            }
            other => panic!("expected back-off, got {other:?}"),
        }
        // … but the owner elsewhere and another account at that address get in.
        id.log_in("gus@example.com", PASSWORD, elsewhere)
            .await
            .unwrap();
        id.log_in("liv@example.com", PASSWORD, CLIENT)
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_millis(4_100)).await;
        id.log_in("gus@example.com", PASSWORD, CLIENT)
            .await
            .unwrap();
        // Success cleared the pair's count: one more failure is free again.
        unauthenticated(id.log_in("gus@example.com", OTHER_PASSWORD, CLIENT).await);
        id.log_in("gus@example.com", PASSWORD, CLIENT)
            .await
            .unwrap();
        // Unknown addresses are throttled like known ones.
        fail_six_times(id, "ghost@example.com", Some("203.0.113.5")).await;
        assert!(matches!(
            id.log_in("ghost@example.com", PASSWORD, Some("203.0.113.5"))
                .await,
            Err(IdentityError::TooManyAttempts { .. })
        ));
        h.close().await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sign_up_modes_and_the_per_address_limit() {
        use crate::identity::SignUpMode;
        for mode in [SignUpMode::Closed, SignUpMode::Invite] {
            let h = Harness::open(
                Backend::Sqlite,
                IdentityConfig {
                    sign_up: mode,
                    ..cheap()
                },
            )
            .await;
            let id = &h.identity;
            // The first account (the sys-admin) may always sign up.
            let (first, _) = id
                .sign_up("root@example.com", PASSWORD, "Root", CLIENT)
                .await
                .unwrap();
            assert!(first.sys_admin);
            match id
                .sign_up("next@example.com", PASSWORD, "Next", CLIENT)
                .await
            {
                Err(IdentityError::FailedPrecondition(message)) => {
                    let expected = match mode {
                        SignUpMode::Closed => {
                            "sign-up is closed on this instance; ask an administrator"
                        }
                        _ => "by invitation only",
                    };
                    assert!(message.contains(expected), "{message}");
                }
                other => panic!("{mode:?}: expected a refusal, got {other:?}"),
            }
            h.close().await;
        }
        let h = Harness::sqlite().await;
        let id = &h.identity;
        // The first account does not count against its address.
        id.sign_up("first@example.com", PASSWORD, "First", CLIENT)
            .await
            .unwrap();
        // A mistyped form costs nothing.
        invalid_field(
            id.sign_up("weak@example.com", "password", "Weak", CLIENT)
                .await,
        );
        for i in 0..crate::identity::limiter::SIGN_UP_BURST {
            id.sign_up(&format!("s{i}@example.com"), PASSWORD, "S", CLIENT)
                .await
                .unwrap();
        }
        assert!(matches!(
            id.sign_up("one-more@example.com", PASSWORD, "M", CLIENT)
                .await,
            Err(IdentityError::TooManySignUps { .. })
        ));
        id.sign_up("one-more@example.com", PASSWORD, "M", Some("198.51.100.7"))
            .await
            .unwrap();
        h.close().await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn tokens_and_sessions_expire() {
        let config = IdentityConfig {
            // Long enough for sign-up and the first checks on a loaded machine.
            access_ttl: Duration::from_secs(3),
            refresh_ttl: Duration::from_secs(3),
            reset_ttl: Duration::from_millis(1),
            ..cheap()
        };
        let h = Harness::open(Backend::Sqlite, config).await;
        let (account, tokens) = h.sign_up("hal@example.com").await;
        let admin = h.whoami(&tokens).await.unwrap();
        let (reset, _) = h
            .identity
            .issue_password_reset(&admin, &account.id, None)
            .await
            .unwrap();
        // An access token's expiry is in whole seconds past the second it was issued in, so
        // it ends up to a second after its ttl: wait past both.
        tokio::time::sleep(Duration::from_secs(5)).await;
        assert!(unauthenticated(h.whoami(&tokens).await).contains("expired"));
        assert!(
            unauthenticated(h.identity.refresh(&tokens.refresh_token, None).await)
                .contains("expired")
        );
        assert!(
            unauthenticated(
                h.identity
                    .reset_password(&reset, OTHER_PASSWORD, None)
                    .await
            )
            .contains("expired")
        );
        h.close().await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn profile_and_paging() {
        let h = Harness::sqlite().await;
        let (_, tokens) = h.sign_up("ida@example.com").await;
        let me = h.whoami(&tokens).await.unwrap();
        let id = &h.identity;
        assert_eq!(id.profile(&me).await.unwrap().display_name, "Test Person");
        let changed = id.update_profile(&me, "  Ida Noether ").await.unwrap();
        assert_eq!(changed.display_name, "Ida Noether");
        assert_eq!(id.profile(&me).await.unwrap().display_name, "Ida Noether");
        assert_eq!(
            invalid_field(id.update_profile(&me, "").await),
            "display_name"
        );
        for i in 0..4 {
            h.sign_up(&format!("page{i}@example.com")).await;
        }
        let mut seen = Vec::new();
        let mut token = String::new();
        loop {
            let (page, next) = id.list_accounts(2, &token).await.unwrap();
            assert!(page.len() <= 2);
            seen.extend(page.into_iter().map(|a| a.email));
            if next.is_empty() {
                break;
            }
            token = next;
        }
        assert_eq!(seen.len(), 5);
        assert_eq!(seen[0], "ida@example.com", "creation order");
        assert_eq!(
            invalid_field(id.list_accounts(2, "not a token").await),
            "page_token"
        );
        h.close().await;
    }
}
