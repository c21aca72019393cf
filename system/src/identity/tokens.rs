//! Access tokens: short-lived (at most 15 minutes), signed, carrying account and session id.
//!
//! A token is a JWT signed with HS256 under a 32-byte random key kept in keyspace `secrets`
//! of the system database (created on first start, so every process of an instance shares
//! it). Claims: `sub` (account id), `sid` (session id), `iat`, `exp`, `iss` (instance id) and
//! `ep` (the account's session epoch when issued). A valid signature is not enough: the
//! session must also still be live (see `sessions.rs`), so a log-out takes effect before the
//! token expires. Tokens are opaque to clients; nothing else may read their claims.

use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::sessions::LiveSessions;
use super::{Credential, Identity, IdentityError, Principal};
use crate::store::{Database, Expect, StoreError};

/// Keyspace of the system database holding server secrets.
pub(crate) const SECRETS: &str = "secrets";
/// Key of the access-token signing key in [`SECRETS`].
const SIGNING_KEY: &str = "access_token_key";
/// The longest an access token lives, whatever the configuration says.
pub(crate) const MAX_ACCESS_TTL_SECS: u64 = 15 * 60;

/// What an access token says.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Claims {
    /// Account id.
    pub(crate) sub: String,
    /// Session id.
    pub(crate) sid: String,
    /// Issued at, seconds since the Unix epoch.
    pub(crate) iat: i64,
    /// Expires at, seconds since the Unix epoch.
    pub(crate) exp: i64,
    /// Instance id.
    pub(crate) iss: String,
    /// The account's session epoch when issued.
    pub(crate) ep: u64,
}

/// Signs and verifies access tokens with the instance's signing key, and remembers which
/// sessions were recently found live.
pub(crate) struct Signer {
    issuer: String,
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    pub(crate) live: LiveSessions,
}

impl Signer {
    /// Loads the instance's signing key from `db`, creating it on first use (two processes
    /// starting at once agree on one key: creation is a compare-and-set on an absent key).
    pub(crate) async fn load_or_create(
        db: &Database,
        issuer: String,
    ) -> Result<Signer, IdentityError> {
        let key = loop {
            if let Some(record) = db.get(SECRETS, SIGNING_KEY.as_bytes()).await? {
                let key: [u8; 32] =
                    record
                        .value
                        .as_slice()
                        .try_into()
                        .map_err(|_| IdentityError::Corrupt {
                            what: "secret",
                            id: SIGNING_KEY.into(),
                            reason: format!("{} bytes instead of 32", record.value.len()),
                        })?;
                break Zeroizing::new(key);
            }
            let mut key = Zeroizing::new([0u8; 32]);
            rand::rngs::OsRng.fill_bytes(key.as_mut());
            match db
                .compare_and_set(SECRETS, SIGNING_KEY, Expect::Absent, key.to_vec())
                .await
            {
                Ok(_) => break key,
                Err(StoreError::Conflict { .. }) => continue,
                Err(error) => return Err(error.into()),
            }
        };
        let mut validation = Validation::new(Algorithm::HS256);
        validation.leeway = 0;
        validation.validate_aud = false;
        validation.set_issuer(&[&issuer]);
        validation.set_required_spec_claims(&["exp", "sub", "iss"]);
        Ok(Signer {
            issuer,
            encoding: EncodingKey::from_secret(key.as_ref()),
            decoding: DecodingKey::from_secret(key.as_ref()),
            validation,
            live: LiveSessions::default(),
        })
    }

    /// A token for `session_id` of `account_id`, valid for `ttl_secs` (at most
    /// [`MAX_ACCESS_TTL_SECS`]) from `now_ms`; returns it and its expiry in milliseconds.
    pub(crate) fn issue(
        &self,
        account_id: &str,
        session_id: &str,
        epoch: u64,
        now_ms: i64,
        ttl_secs: u64,
    ) -> (String, i64) {
        let iat = now_ms.div_euclid(1000);
        let exp = iat + ttl_secs.clamp(1, MAX_ACCESS_TTL_SECS) as i64;
        let claims = Claims {
            sub: account_id.to_owned(),
            sid: session_id.to_owned(),
            iat,
            exp,
            iss: self.issuer.clone(),
            ep: epoch,
        };
        let token = jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .expect("hs256 signing of plain claims cannot fail");
        (token, exp * 1000)
    }

    /// The claims of a token signed by this instance and not expired; `Unauthenticated`
    /// saying what is wrong otherwise.
    pub(crate) fn verify(&self, token: &str) -> Result<Claims, IdentityError> {
        jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)
            .map(|data| data.claims)
            .map_err(|error| {
                let reason = match error.kind() {
                    ErrorKind::ExpiredSignature => "access token has expired; refresh it",
                    ErrorKind::InvalidSignature => "access token signature is invalid",
                    ErrorKind::InvalidIssuer => "access token was issued by another instance",
                    ErrorKind::InvalidAlgorithm => "access token is not signed with hs256",
                    _ => "access token is malformed",
                };
                IdentityError::Unauthenticated(reason.into())
            })
    }
}

impl Identity {
    /// Resolves an access token to its principal: signature, expiry and issuer first, then
    /// the session must be live (not logged out, not expired, not ended by a password change).
    pub(crate) async fn authenticate_access_token(
        &self,
        token: &str,
    ) -> Result<Principal, IdentityError> {
        let claims = self.inner.signer.verify(token)?;
        let live = self.live_session(&claims.sid, &claims.sub).await?;
        if live.epoch != claims.ep {
            return Err(IdentityError::Unauthenticated(
                "session has ended; sign in again".into(),
            ));
        }
        Ok(Principal {
            account_id: claims.sub,
            sys_admin: live.sys_admin,
            credential: Credential::Session {
                session_id: claims.sid,
            },
        })
    }

    /// A fresh access token for a session; returns it and its expiry in milliseconds.
    pub(crate) fn access_token(
        &self,
        account_id: &str,
        session_id: &str,
        epoch: u64,
        now_ms: i64,
    ) -> (String, i64) {
        self.inner.signer.issue(
            account_id,
            session_id,
            epoch,
            now_ms,
            self.inner.config.access_ttl.as_secs(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::identity::records::now_ms;
    use crate::store::{Store, StoreConfig};

    async fn open(dir: &std::path::Path) -> (Store, Database) {
        let mut config = StoreConfig::in_data_dir(dir);
        config.full_sync = false;
        let store = Store::open(config).await.unwrap();
        let db = store.database("system").await.unwrap();
        (store, db)
    }

    fn unauthenticated(result: Result<Claims, IdentityError>) -> String {
        match result {
            Err(IdentityError::Unauthenticated(message)) => message,
            other => panic!("expected unauthenticated, got {other:?}"),
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn key_is_created_once_and_tokens_verify_only_here() {
        let dir = tempfile::tempdir().unwrap();
        let (store, db) = open(dir.path()).await;
        let (first, second) = tokio::join!(
            Signer::load_or_create(&db, "inst".into()),
            Signer::load_or_create(&db, "inst".into())
        );
        let (first, second) = (first.unwrap(), second.unwrap());
        let (token, expires_ms) = first.issue("acct", "sess", 3, now_ms(), 60);
        assert!(expires_ms > now_ms());
        let claims = second.verify(&token).unwrap();
        assert_eq!(
            (claims.sub.as_str(), claims.sid.as_str(), claims.ep),
            ("acct", "sess", 3)
        );

        // Capped at 15 minutes.
        let (long, _) = first.issue("acct", "sess", 3, now_ms(), 3600);
        let claims = first.verify(&long).unwrap();
        assert_eq!(claims.exp - claims.iat, MAX_ACCESS_TTL_SECS as i64);

        // Expired, forged, from another instance, garbage.
        let (old, _) = first.issue("acct", "sess", 3, now_ms() - 120_000, 60);
        assert!(unauthenticated(first.verify(&old)).contains("expired"));
        let mut forged = token.clone();
        let last = forged.pop().unwrap();
        forged.push(if last == 'A' { 'B' } else { 'A' });
        assert!(unauthenticated(first.verify(&forged)).contains("signature"));
        let other_db = store.database("other").await.unwrap();
        let stranger = Signer::load_or_create(&other_db, "inst".into())
            .await
            .unwrap();
        let (foreign, _) = stranger.issue("acct", "sess", 3, now_ms(), 60);
        assert!(unauthenticated(first.verify(&foreign)).contains("signature"));
        let elsewhere = Signer::load_or_create(&db, "another-instance".into())
            .await
            .unwrap();
        let (misissued, _) = elsewhere.issue("acct", "sess", 3, now_ms(), 60);
        assert!(unauthenticated(first.verify(&misissued)).contains("another instance"));
        for garbage in [
            "",
            "x",
            "a.b.c",
            "eyJhbGciOiJub25lIn0.e30.",
            "\u{0}\u{ffff}",
        ] {
            assert!(unauthenticated(first.verify(garbage)).contains("malformed"));
        }
        store.close().await;
    }
}
