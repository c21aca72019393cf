//! Password policy and hashing (Argon2id, bounded by a semaphore), and the account vault key.
//!
//! Policy: 12 to 1024 characters, and not one of the most common passwords
//! (`common-passwords.txt`, 19,640 of them, one a line, compared case-insensitively). The list
//! is the one Django 5.2 ships as `django/contrib/auth/common-passwords.txt.gz` (created by
//! Royce Williams from breach corpora, lower-cased and deduplicated), copyright the Django
//! Software Foundation and individual contributors, under the BSD 3-Clause licence.
//!
//! Hashing: one Argon2id run (the configured cost, stored with the record so it can change)
//! over the password and a random per-account salt gives 64 bytes. SHA-256 of the first half
//! is the stored verifier, compared in constant time; the second half is the key that wraps
//! the account's random vault key (bound to the account id). Changing the password re-wraps
//! the same vault key and re-encrypts nothing. Argon2 runs on the blocking pool, at most
//! `argon_permits` at once, so a log-in flood queues instead of starving other calls; every
//! path that hashes (sign-up, log-in, password change and reset, vault unlock) goes through
//! [`Identity::stretch`]. Runs reuse zeroed working memory from a small pool, so the process
//! holds at most a few buffers of 19 MiB, not one per blocking thread that ever hashed.

use std::collections::HashSet;
use std::sync::{LazyLock, Mutex};

use argon2::{Algorithm, Argon2, Params, Version};

use orbit_proto::orbit::system::records::v1::PasswordRecord;
use rand::RngCore;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

use super::{Identity, IdentityError};
use crate::crypto::{Aad, DataKey, KdfParams};

/// Fewest characters a password may have.
pub(crate) const MIN_PASSWORD_CHARS: usize = 12;
/// Most characters a password may have.
pub(crate) const MAX_PASSWORD_CHARS: usize = 1024;
/// Bytes of salt per password.
const SALT_LEN: usize = 16;
/// Version given to vault keys (they are never rotated, only replaced by a reset).
const VAULT_KEY_VERSION: u32 = 1;

/// The shipped list of common passwords, lower case.
static COMMON_PASSWORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("common-passwords.txt")
        .lines()
        .filter(|line| !line.is_empty())
        .collect()
});

/// Checks a new password against the policy; the error names `field`.
pub(crate) fn check_password(field: &'static str, password: &str) -> Result<(), IdentityError> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(IdentityError::invalid(
            field,
            format!("must have at least {MIN_PASSWORD_CHARS} characters, it has {chars}"),
        ));
    }
    if chars > MAX_PASSWORD_CHARS {
        return Err(IdentityError::invalid(
            field,
            format!("must have at most {MAX_PASSWORD_CHARS} characters, it has {chars}"),
        ));
    }
    if COMMON_PASSWORDS.contains(password.to_lowercase().as_str()) {
        return Err(IdentityError::invalid(
            field,
            "is one of the most common passwords; choose another",
        ));
    }
    Ok(())
}

/// The 64 bytes one Argon2id run gives.
struct Stretched(Zeroizing<[u8; 64]>);

impl Stretched {
    fn verifier_hash(&self) -> [u8; 32] {
        Sha256::digest(&self.0[..32]).into()
    }

    /// The key that wraps the vault key.
    fn wrapping_key(&self) -> DataKey {
        let mut bytes = [0u8; 32];
        bytes.copy_from_slice(&self.0[32..]);
        DataKey::from_bytes(&mut bytes, 0)
    }
}

/// Argon2 working memory kept between runs: at most one buffer per permit is ever in use,
/// and at most [`KEPT_BUFFERS`] are kept, so memory stays at what the permits need instead of
/// every run allocating (and an allocator keeping) its own 19 MiB.
static ARGON_MEMORY: Mutex<Vec<Vec<argon2::Block>>> = Mutex::new(Vec::new());
/// Working buffers kept at most (beyond, a buffer is freed after its run).
const KEPT_BUFFERS: usize = 8;

/// Runs `f` with `blocks` Argon2 blocks from the pool, zeroed again before they return to it.
fn with_argon_memory<T>(blocks: usize, f: impl FnOnce(&mut [argon2::Block]) -> T) -> T {
    let reused = {
        let mut pool = ARGON_MEMORY.lock().expect("argon memory lock");
        pool.iter()
            .position(|buffer| buffer.len() == blocks)
            .map(|i| pool.swap_remove(i))
    };
    let mut buffer = reused.unwrap_or_else(|| vec![argon2::Block::default(); blocks]);
    let result = f(&mut buffer);
    // What a run leaves in memory is derived from the password: never keep it.
    buffer.fill(argon2::Block::default());
    let mut pool = ARGON_MEMORY.lock().expect("argon memory lock");
    if pool.len() < KEPT_BUFFERS {
        pool.push(buffer);
    }
    result
}

fn stretch(password: &[u8], salt: &[u8], params: KdfParams) -> Result<Stretched, argon2::Error> {
    let mut out = Zeroizing::new([0u8; 64]);
    let argon = Argon2::new(
        Algorithm::Argon2id,
        Version::V0x13,
        Params::new(
            params.memory_kib,
            params.iterations,
            params.parallelism,
            Some(out.len()),
        )?,
    );
    with_argon_memory(argon.params().block_count(), |memory| {
        argon.hash_password_into_with_memory(password, salt, out.as_mut(), memory)
    })?;
    Ok(Stretched(out))
}

/// Associated data binding a wrapped vault key to its account.
fn vault_aad(account_id: &str) -> Aad {
    Aad::new("orbit/vault-key").with(account_id.as_bytes())
}

/// A fresh random vault key.
pub(crate) fn new_vault_key() -> DataKey {
    DataKey::generate(VAULT_KEY_VERSION)
}

/// Returns an Argon2 permit when dropped, even if the computation panicked.
struct ArgonPermit(Identity);

impl Drop for ArgonPermit {
    fn drop(&mut self) {
        self.0.inner.argon.add_permits(1);
    }
}

impl Identity {
    /// Runs Argon2id on the blocking pool while holding one of the `argon_permits`. The permit
    /// travels with the computation, so a caller that gives up does not free it early.
    async fn stretch(
        &self,
        what: &str,
        password: &str,
        salt: Vec<u8>,
        params: KdfParams,
    ) -> Result<Stretched, IdentityError> {
        self.inner
            .argon
            .acquire()
            .await
            .expect("the argon semaphore is never closed")
            .forget();
        let permit = ArgonPermit(self.clone());
        let password = Zeroizing::new(password.as_bytes().to_vec());
        let task = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            stretch(&password, &salt, params)
        });
        match task.await {
            Ok(result) => result.map_err(|e| IdentityError::Corrupt {
                what: "password parameters",
                id: what.to_owned(),
                reason: e.to_string(),
            }),
            Err(join) if join.is_panic() => std::panic::resume_unwind(join.into_panic()),
            Err(_) => Err(IdentityError::FailedPrecondition(
                "the server is shutting down".into(),
            )),
        }
    }

    /// A new password record for `password` (fresh salt, the configured cost) and
    /// `vault_key` wrapped under it, for account `account_id`.
    pub(crate) async fn seal_vault(
        &self,
        account_id: &str,
        password: &str,
        vault_key: &DataKey,
    ) -> Result<(PasswordRecord, Vec<u8>), IdentityError> {
        let mut salt = vec![0u8; SALT_LEN];
        rand::rngs::OsRng.fill_bytes(&mut salt);
        let params = self.inner.config.kdf;
        let stretched = self
            .stretch(account_id, password, salt.clone(), params)
            .await?;
        let record = PasswordRecord {
            salt,
            kdf_params: params.encode(),
            verifier_hash: stretched.verifier_hash().to_vec(),
        };
        let wrapped = stretched
            .wrapping_key()
            .wrap(vault_key, &vault_aad(account_id));
        Ok((record, wrapped))
    }

    /// Checks `password` against `record` of account `account_id`: the key that wraps the
    /// account's vault key if it matches, `None` if not. Always runs Argon2 in full.
    pub(crate) async fn check_password_against(
        &self,
        account_id: &str,
        record: &PasswordRecord,
        password: &str,
    ) -> Result<Option<DataKey>, IdentityError> {
        let params =
            KdfParams::decode(&record.kdf_params).ok_or_else(|| IdentityError::Corrupt {
                what: "password record of account",
                id: account_id.to_owned(),
                reason: format!("unreadable parameters {:?}", record.kdf_params),
            })?;
        let stretched = self
            .stretch(account_id, password, record.salt.clone(), params)
            .await?;
        let matches: bool = stretched
            .verifier_hash()
            .as_slice()
            .ct_eq(&record.verifier_hash)
            .into();
        Ok(matches.then(|| stretched.wrapping_key()))
    }

    /// A password record no password matches, with the configured cost: checking against it
    /// takes as long as checking a real one, so an unknown e-mail answers like a wrong
    /// password.
    pub(crate) fn decoy_password_record(&self) -> PasswordRecord {
        let mut salt = vec![0u8; SALT_LEN];
        rand::rngs::OsRng.fill_bytes(&mut salt);
        let mut verifier_hash = vec![0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut verifier_hash);
        PasswordRecord {
            salt,
            kdf_params: self.inner.config.kdf.encode(),
            verifier_hash,
        }
    }

    /// Opens the vault key wrapped in `wrapped` with `wrapping_key` (from a password check).
    pub(crate) fn open_vault(
        &self,
        account_id: &str,
        wrapped: &[u8],
        wrapping_key: &DataKey,
    ) -> Result<DataKey, IdentityError> {
        wrapping_key
            .unwrap_key(wrapped, &vault_aad(account_id), VAULT_KEY_VERSION)
            .map_err(|e| IdentityError::Corrupt {
                what: "vault key of account",
                id: account_id.to_owned(),
                reason: e.to_string(),
            })
    }

    /// The vault key of account `account_id`, unlocked with its password; `Unauthenticated`
    /// for a wrong password. Whatever the account sealed with it stays readable across
    /// password changes (not across a reset, which replaces the key).
    pub async fn unlock_vault(
        &self,
        account_id: &str,
        password: &str,
    ) -> Result<DataKey, IdentityError> {
        let (account, _) = self
            .stored_account(account_id)
            .await?
            .ok_or_else(|| IdentityError::not_found("account", account_id))?;
        let record = account.password.unwrap_or_default();
        match self
            .check_password_against(account_id, &record, password)
            .await?
        {
            Some(key) => self.open_vault(account_id, &account.vault_key_wrapped, &key),
            None => Err(IdentityError::Unauthenticated("wrong password".into())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy_names_the_field() {
        let field = |r: Result<(), IdentityError>| match r {
            Err(IdentityError::InvalidArgument { field, reason }) => (field, reason),
            other => panic!("expected invalid argument, got {other:?}"),
        };
        let (name, reason) = field(check_password("password", "short"));
        assert_eq!(name, "password");
        assert!(reason.contains("at least 12"), "{reason}");
        let (name, reason) = field(check_password("new_password", &"x".repeat(1025)));
        assert_eq!(name, "new_password");
        assert!(reason.contains("at most 1024"), "{reason}");
        let (_, reason) = field(check_password("password", "Q1W2E3R4T5Y6"));
        assert!(reason.contains("common"), "{reason}");
        let (_, reason) = field(check_password("password", "qwerty123456"));
        assert!(reason.contains("common"), "{reason}");
        check_password("password", "plum-orbit-lantern-42").unwrap();
        // Characters, not bytes: 12 multi-byte characters are enough.
        check_password("password", "ééééééééééé1").unwrap();
    }

    #[test]
    fn the_shipped_list_is_large_and_lower_case() {
        assert!(COMMON_PASSWORDS.len() >= 1_000);
        assert!(COMMON_PASSWORDS.contains("password"));
        assert!(COMMON_PASSWORDS.iter().all(|p| *p == p.to_lowercase()));
    }

    #[test]
    fn reused_memory_gives_the_same_hash_as_fresh_memory() {
        let cheap = KdfParams {
            memory_kib: 64,
            iterations: 1,
            parallelism: 1,
        };
        let mut fresh = [0u8; 64];
        crate::crypto::argon2id_into(
            b"plum-orbit-lantern",
            b"0123456789abcdef",
            cheap,
            &mut fresh,
        )
        .unwrap();
        for _ in 0..3 {
            let pooled = stretch(b"plum-orbit-lantern", b"0123456789abcdef", cheap).unwrap();
            assert_eq!(pooled.0.as_slice(), fresh.as_slice());
        }
        let pool = ARGON_MEMORY.lock().unwrap();
        assert!(pool.len() <= KEPT_BUFFERS);
        assert!(
            pool.iter()
                .flatten()
                .all(|block| block.as_ref().iter().all(|w| *w == 0)),
            "kept memory is zeroed"
        );
    }

    #[test]
    fn halves_are_independent_and_deterministic() {
        let cheap = KdfParams {
            memory_kib: 64,
            iterations: 1,
            parallelism: 1,
        };
        let a = stretch(b"plum-orbit-lantern", b"0123456789abcdef", cheap).unwrap();
        let b = stretch(b"plum-orbit-lantern", b"0123456789abcdef", cheap).unwrap();
        let c = stretch(b"plum-orbit-lantern", b"0123456789abcdeX", cheap).unwrap();
        assert_eq!(a.verifier_hash(), b.verifier_hash());
        assert_ne!(a.verifier_hash(), c.verifier_hash());
        assert_ne!(&a.0[..32], &a.0[32..]);
        let vault = new_vault_key();
        let wrapped = a.wrapping_key().wrap(&vault, &vault_aad("acct"));
        assert!(
            b.wrapping_key()
                .unwrap_key(&wrapped, &vault_aad("acct"), VAULT_KEY_VERSION)
                .is_ok()
        );
        assert!(
            b.wrapping_key()
                .unwrap_key(&wrapped, &vault_aad("other"), VAULT_KEY_VERSION)
                .is_err(),
            "bound to the account"
        );
        assert!(
            c.wrapping_key()
                .unwrap_key(&wrapped, &vault_aad("acct"), VAULT_KEY_VERSION)
                .is_err()
        );
    }
}
