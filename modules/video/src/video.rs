//! [`Video`], the service layer every RPC goes through: the module's database, identity for
//! call rules, the in-memory presence and the configuration. Shared helpers live here:
//! checking ids, the project's scope (refusing archived projects), the caller's role and
//! committing with the project's scope and the request's correlation id.
//!
//! It knows nothing of gRPC beyond the generated message types it returns.

use std::sync::Arc;

use orbit_proto::orbit::system::v1::Role;
use orbit_system::identity::{Identity, RequestContext};
use orbit_system::store::{Database, EventScope, Receipt, StoreError, Transaction};
use tokio::sync::mpsc;

use crate::config::VideoConfig;
use crate::error::VideoError;
use crate::presence::{Departure, Presence};

/// Longest id accepted (tenancy's ids and ULIDs are shorter).
const MAX_ID_LEN: usize = 64;
/// Times a write is retried when others changed what it read.
pub(crate) const ATTEMPTS: u32 = 20;

/// The video service over the module's context. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Video {
    pub(crate) db: Database,
    pub(crate) identity: Identity,
    pub(crate) presence: Presence,
    pub(crate) config: Arc<VideoConfig>,
}

/// Where departures wait to be recorded: run it with [`crate::recorder::run`].
#[derive(Debug)]
pub struct Departures(pub(crate) mpsc::UnboundedReceiver<Departure>);

impl Video {
    /// The video service over `db` (the module's own database), and the departures its
    /// presence hands to the recorder.
    pub fn new(db: Database, identity: Identity, config: VideoConfig) -> (Video, Departures) {
        let (sender, receiver) = mpsc::unbounded_channel();
        let video = Video {
            db,
            identity,
            presence: Presence::new(sender),
            config: Arc::new(config),
        };
        (video, Departures(receiver))
    }

    /// The scope of a write into `project_id` (refused while the project or its org is
    /// archived).
    pub(crate) async fn scope(
        &self,
        project_id: &str,
        entity: &str,
    ) -> Result<EventScope, VideoError> {
        Ok(self.identity.writable_scope(project_id, entity).await?)
    }

    /// Commits `txn` in `scope`, tagged with the caller's request id.
    pub(crate) async fn commit(
        &self,
        caller: &RequestContext,
        txn: Transaction,
        scope: &EventScope,
    ) -> Result<Receipt, StoreError> {
        self.db
            .commit(caller.correlate(txn.scope(scope.clone())))
            .await
    }

    /// The caller's role in `project_id`.
    pub(crate) async fn role(
        &self,
        caller: &RequestContext,
        project_id: &str,
    ) -> Result<Role, VideoError> {
        Ok(self
            .identity
            .role_in_project(caller.require()?, project_id)
            .await?)
    }

    /// The caller's account id.
    pub(crate) fn me(caller: &RequestContext) -> Result<String, VideoError> {
        Ok(caller.require()?.account_id.clone())
    }
}

/// An id from a request: 1-64 letters, digits, `-` or `_` (ids are parts of keys, so a `/`
/// must never reach one).
pub(crate) fn valid_id<'a>(field: &'static str, id: &'a str) -> Result<&'a str, VideoError> {
    if id.is_empty() {
        return Err(VideoError::invalid(field, "is required"));
    }
    let ok = id.len() <= MAX_ID_LEN
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(id)
    } else {
        Err(VideoError::invalid(
            field,
            format!("{id:?} is not a valid id"),
        ))
    }
}

/// Milliseconds since the Unix epoch.
pub(crate) fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// Whether a store error is a lost compare-and-set (someone else wrote first).
pub(crate) fn is_conflict(error: &StoreError) -> bool {
    matches!(error, StoreError::Conflict { .. })
}
