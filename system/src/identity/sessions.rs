//! Sessions and refresh-token rotation with reuse detection.
//!
//! A session (keyspace `sessions`, indexed per account in `account_sessions` as
//! `<account id>/<session id>` until it is revoked) is what a log-in starts. Its refresh token is 32 random bytes
//! (base64url), stored only as a SHA-256 in `refresh_tokens`; each refresh moves the session
//! to the next generation with a compare-and-set, so a token works once. Presenting a token
//! of an older generation means it was copied: the whole session ends and
//! `session.refresh_reused` is audited. A session is live while it is not revoked, not
//! expired, and its epoch equals its account's `session_epoch` (bumped to end them all).
//!
//! [`LiveSessions`] remembers for a few seconds that a session was found live, so an
//! authenticated call does not read the store every time. This process forgets a session
//! the moment it ends one; another process sharing a PostgreSQL database notices within
//! [`LIVE_FOR`].

use std::num::NonZeroUsize;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use lru::LruCache;
use orbit_proto::orbit::system::records::v1::{AccountRecord, RefreshTokenRecord, SessionRecord};
use orbit_proto::orbit::system::v1 as pb;
use prost::Message;
use rand::RngCore;
use sha2::{Digest, Sha256};

use super::accounts::ACCOUNTS;
use super::records::{load, now_ms, timestamp};
use super::retry::retry_on_conflict;
use super::{AuditEntry, Identity, IdentityError, Principal};
use crate::store::{Expect, Transaction};

pub(crate) const SESSIONS: &str = "sessions";
pub(crate) const ACCOUNT_SESSIONS: &str = "account_sessions";
pub(crate) const REFRESH_TOKENS: &str = "refresh_tokens";

/// How long a session found live is believed live without reading the store again.
pub(crate) const LIVE_FOR: Duration = Duration::from_secs(5);
/// Sessions remembered at most.
const LIVE_CAPACITY: usize = 50_000;

/// What an authenticated call needs to know about a live session.
#[derive(Debug, Clone)]
pub(crate) struct Live {
    account_id: String,
    pub(crate) sys_admin: bool,
    pub(crate) epoch: u64,
    expires_at_ms: i64,
    checked: Instant,
}

/// Sessions recently found live, forgotten the moment this process ends one.
#[derive(Debug)]
pub(crate) struct LiveSessions {
    cache: Mutex<LruCache<String, Live>>,
}

impl Default for LiveSessions {
    fn default() -> Self {
        LiveSessions {
            cache: Mutex::new(LruCache::new(
                NonZeroUsize::new(LIVE_CAPACITY).expect("non-zero capacity"),
            )),
        }
    }
}

impl LiveSessions {
    fn get(&self, session_id: &str, account_id: &str) -> Option<Live> {
        let mut cache = self.cache.lock().expect("live sessions lock");
        let live = cache.get(session_id)?;
        let fresh = live.checked.elapsed() < LIVE_FOR
            && live.expires_at_ms > now_ms()
            && live.account_id == account_id;
        if fresh {
            Some(live.clone())
        } else {
            cache.pop(session_id);
            None
        }
    }

    fn put(&self, session_id: &str, live: Live) {
        let mut cache = self.cache.lock().expect("live sessions lock");
        cache.put(session_id.to_owned(), live);
    }

    pub(crate) fn forget(&self, session_id: &str) {
        let mut cache = self.cache.lock().expect("live sessions lock");
        cache.pop(session_id);
    }
}

/// A new refresh token and its SHA-256.
fn new_refresh_token() -> (String, Vec<u8>) {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let token = URL_SAFE_NO_PAD.encode(bytes);
    let hash = Sha256::digest(token.as_bytes()).to_vec();
    (token, hash)
}

/// The SHA-256 of a presented refresh token; `InvalidArgument` if there is none,
/// `Unauthenticated` if it cannot be one.
fn presented_hash(token: &str) -> Result<Vec<u8>, IdentityError> {
    if token.trim().is_empty() {
        return Err(IdentityError::invalid("refresh_token", "is required"));
    }
    let well_formed = URL_SAFE_NO_PAD
        .decode(token.trim())
        .is_ok_and(|bytes| bytes.len() == 32);
    if !well_formed {
        return Err(IdentityError::Unauthenticated(
            "refresh token is malformed".into(),
        ));
    }
    Ok(Sha256::digest(token.trim().as_bytes()).to_vec())
}

fn ended(reason: &str) -> IdentityError {
    IdentityError::Unauthenticated(format!("{reason}; sign in again"))
}

impl Identity {
    /// Starts a session for `account`; returns its first token pair.
    pub(crate) async fn start_session(
        &self,
        account: &AccountRecord,
        client: Option<&str>,
    ) -> Result<pb::TokenPair, IdentityError> {
        let now = now_ms();
        let expires_at_ms = now + self.refresh_ttl_ms();
        let (refresh_token, refresh_hash) = new_refresh_token();
        let session = SessionRecord {
            id: crate::store::new_id(),
            account_id: account.id.clone(),
            created_at_ms: now,
            expires_at_ms,
            revoked: false,
            revoked_reason: String::new(),
            client_address: client.unwrap_or_default().to_owned(),
            refresh_generation: 1,
            refresh_hash: refresh_hash.clone(),
            epoch: account.session_epoch,
        };
        let refresh = RefreshTokenRecord {
            session_id: session.id.clone(),
            generation: 1,
            expires_at_ms,
        };
        let txn = Transaction::new()
            .put_if(
                SESSIONS,
                session.id.clone(),
                session.encode_to_vec(),
                Expect::Absent,
            )
            .put_if(
                ACCOUNT_SESSIONS,
                format!("{}/{}", account.id, session.id),
                Vec::new(),
                Expect::Absent,
            )
            .put_if(
                REFRESH_TOKENS,
                hex::encode(&refresh_hash),
                refresh.encode_to_vec(),
                Expect::Absent,
            );
        self.db().commit(txn).await?;
        let (access_token, access_expires_ms) =
            self.access_token(&account.id, &session.id, session.epoch, now);
        Ok(token_pair(
            access_token,
            access_expires_ms,
            refresh_token,
            expires_at_ms,
        ))
    }

    /// Exchanges a refresh token for the next token pair of its session. A token of an older
    /// generation ends the whole session (and is audited); an unknown, malformed or expired
    /// one is `Unauthenticated`.
    pub async fn refresh(
        &self,
        refresh_token: &str,
        client: Option<&str>,
    ) -> Result<pb::TokenPair, IdentityError> {
        let hash = presented_hash(refresh_token)?;
        let Some((presented, _)) = load::<RefreshTokenRecord>(
            self.db(),
            "refresh token",
            REFRESH_TOKENS,
            &hex::encode(&hash),
        )
        .await?
        else {
            return Err(IdentityError::Unauthenticated(
                "refresh token is unknown".into(),
            ));
        };
        retry_on_conflict!({
            let Some((session, version)) =
                load::<SessionRecord>(self.db(), "session", SESSIONS, &presented.session_id)
                    .await?
            else {
                return Err(ended("the session of this refresh token has ended"));
            };
            if session.revoked {
                return Err(ended("the session of this refresh token has ended"));
            }
            if presented.generation != session.refresh_generation {
                self.revoke_session(&session.id, "refresh token reused")
                    .await?;
                self.audit(
                    AuditEntry::new("session.refresh_reused", &session.id)
                        .actor(&session.account_id)
                        .client(client)
                        .detail(format!(
                            "generation {} presented after generation {} was issued; session ended",
                            presented.generation, session.refresh_generation
                        )),
                )
                .await?;
                return Err(ended(
                    "refresh token was already used, so its session has ended",
                ));
            }
            let now = now_ms();
            if session.expires_at_ms <= now || presented.expires_at_ms <= now {
                return Err(ended("refresh token has expired"));
            }
            let Some((account, _)) =
                load::<AccountRecord>(self.db(), "account", ACCOUNTS, &session.account_id).await?
            else {
                return Err(ended("the account of this session is gone"));
            };
            if session.epoch != account.session_epoch {
                return Err(ended("session has ended"));
            }
            // Another refresh with the same token wins a conflict: the next attempt sees
            // this one as reused.
            self.next_generation(session, version).await
        })
    }

    /// Moves `session` (read at `version`) to a new refresh generation (and the epoch it
    /// carries), sliding its expiry; returns the new token pair. A concurrent change of the
    /// session is a `Store(Conflict)`.
    pub(crate) async fn next_generation(
        &self,
        mut session: SessionRecord,
        version: u64,
    ) -> Result<pb::TokenPair, IdentityError> {
        let now = now_ms();
        let (refresh_token, refresh_hash) = new_refresh_token();
        session.refresh_generation += 1;
        session.refresh_hash = refresh_hash.clone();
        session.expires_at_ms = now + self.refresh_ttl_ms();
        let refresh = RefreshTokenRecord {
            session_id: session.id.clone(),
            generation: session.refresh_generation,
            expires_at_ms: session.expires_at_ms,
        };
        let txn = Transaction::new()
            .put_if(
                SESSIONS,
                session.id.clone(),
                session.encode_to_vec(),
                Expect::Version(version),
            )
            .put_if(
                REFRESH_TOKENS,
                hex::encode(&refresh_hash),
                refresh.encode_to_vec(),
                Expect::Absent,
            );
        self.db().commit(txn).await?;
        self.inner.signer.live.forget(&session.id);
        let (access_token, access_expires_ms) =
            self.access_token(&session.account_id, &session.id, session.epoch, now);
        Ok(token_pair(
            access_token,
            access_expires_ms,
            refresh_token,
            session.expires_at_ms,
        ))
    }

    /// Ends the caller's session.
    pub async fn log_out(
        &self,
        principal: &Principal,
        client: Option<&str>,
    ) -> Result<(), IdentityError> {
        let session_id = caller_session(principal)?;
        self.revoke_session(session_id, "logged out").await?;
        self.audit(
            AuditEntry::new("session.logged_out", session_id)
                .actor(&principal.account_id)
                .client(client),
        )
        .await?;
        Ok(())
    }

    /// Ends every session of the caller's account, including sessions being started right
    /// now (the account's session epoch moves on); returns how many live sessions ended.
    pub async fn log_out_everywhere(
        &self,
        principal: &Principal,
        client: Option<&str>,
    ) -> Result<u32, IdentityError> {
        caller_session(principal)?;
        self.bump_session_epoch(&principal.account_id).await?;
        let ended = self
            .end_sessions(&principal.account_id, None, "logged out everywhere")
            .await?;
        self.audit(
            AuditEntry::new("session.logged_out", &principal.account_id)
                .actor(&principal.account_id)
                .client(client)
                .detail(format!("everywhere: {ended} sessions ended")),
        )
        .await?;
        Ok(ended)
    }

    /// Increments the account's session epoch, which ends every session started before.
    async fn bump_session_epoch(&self, account_id: &str) -> Result<(), IdentityError> {
        retry_on_conflict!({
            let Some((mut account, version)) =
                load::<AccountRecord>(self.db(), "account", ACCOUNTS, account_id).await?
            else {
                return Err(IdentityError::not_found("account", account_id));
            };
            account.session_epoch += 1;
            self.db()
                .compare_and_set(
                    ACCOUNTS,
                    account_id,
                    Expect::Version(version),
                    account.encode_to_vec(),
                )
                .await?;
            Ok(())
        })
    }

    /// Revokes every live session of `account_id` except `except`; returns how many.
    pub(crate) async fn end_sessions(
        &self,
        account_id: &str,
        except: Option<&str>,
        reason: &str,
    ) -> Result<u32, IdentityError> {
        let prefix = format!("{account_id}/");
        let mut after: Option<Vec<u8>> = None;
        let mut ended = 0;
        loop {
            let page = self
                .db()
                .scan(ACCOUNT_SESSIONS, prefix.as_bytes(), after.as_deref(), 500)
                .await?;
            for record in &page.records {
                let key = String::from_utf8_lossy(&record.key);
                let session_id = &key[prefix.len()..];
                if Some(session_id) != except && self.revoke_session(session_id, reason).await? {
                    ended += 1;
                }
            }
            match page.next {
                Some(next) => after = Some(next),
                None => return Ok(ended),
            }
        }
    }

    /// Marks a session revoked and drops it from its account's index; `true` if it was live
    /// until now.
    pub(crate) async fn revoke_session(
        &self,
        session_id: &str,
        reason: &str,
    ) -> Result<bool, IdentityError> {
        self.inner.signer.live.forget(session_id);
        retry_on_conflict!({
            let Some((mut session, version)) =
                load::<SessionRecord>(self.db(), "session", SESSIONS, session_id).await?
            else {
                return Ok(false);
            };
            if session.revoked {
                return Ok(false);
            }
            let was_live = session.expires_at_ms > now_ms();
            session.revoked = true;
            session.revoked_reason = reason.to_owned();
            // The record stays (so a late refresh is told the session ended); the account's
            // index forgets it, so ending sessions never rescans ended ones.
            let txn = Transaction::new()
                .put_if(
                    SESSIONS,
                    session_id,
                    session.encode_to_vec(),
                    Expect::Version(version),
                )
                .delete(
                    ACCOUNT_SESSIONS,
                    format!("{}/{}", session.account_id, session.id),
                );
            self.db().commit(txn).await?;
            self.inner.signer.live.forget(session_id);
            Ok(was_live)
        })
    }

    /// Whether session `session_id` of `account_id` is live, with its account's sys-admin
    /// flag and epoch; `Unauthenticated` if it is not. Believes a recent answer for
    /// [`LIVE_FOR`].
    pub(crate) async fn live_session(
        &self,
        session_id: &str,
        account_id: &str,
    ) -> Result<Live, IdentityError> {
        let cache = &self.inner.signer.live;
        if let Some(live) = cache.get(session_id, account_id) {
            return Ok(live);
        }
        let Some((session, _)) =
            load::<SessionRecord>(self.db(), "session", SESSIONS, session_id).await?
        else {
            return Err(ended("session has ended"));
        };
        if session.account_id != account_id || session.revoked {
            return Err(ended("session has ended"));
        }
        if session.expires_at_ms <= now_ms() {
            return Err(ended("session has expired"));
        }
        let Some((account, _)) =
            load::<AccountRecord>(self.db(), "account", ACCOUNTS, account_id).await?
        else {
            return Err(ended("session has ended"));
        };
        if account.session_epoch != session.epoch {
            return Err(ended("session has ended"));
        }
        let live = Live {
            account_id: account_id.to_owned(),
            sys_admin: account.sys_admin,
            epoch: session.epoch,
            expires_at_ms: session.expires_at_ms,
            checked: Instant::now(),
        };
        cache.put(session_id, live.clone());
        Ok(live)
    }

    fn refresh_ttl_ms(&self) -> i64 {
        i64::try_from(self.inner.config.refresh_ttl.as_millis()).unwrap_or(i64::MAX / 2)
    }
}

/// The caller's session id; API keys have none.
pub(crate) fn caller_session(principal: &Principal) -> Result<&str, IdentityError> {
    principal.session_id().ok_or_else(|| {
        IdentityError::FailedPrecondition(
            "this call needs a signed-in session, not an api key".into(),
        )
    })
}

pub(crate) fn token_pair(
    access_token: String,
    access_expires_ms: i64,
    refresh_token: String,
    refresh_expires_ms: i64,
) -> pb::TokenPair {
    pb::TokenPair {
        access_token,
        access_expires_at: Some(timestamp(access_expires_ms)),
        refresh_token,
        refresh_expires_at: Some(timestamp(refresh_expires_ms)),
    }
}
