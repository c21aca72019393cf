//! The handler of `orbit.system.v1.SystemService`: what this instance is (sign-up mode
//! included) and the state of its encryption keys.
//!
//! Handlers stay thin: they read from the [`Store`] and translate to the wire types. They hold
//! no logic of their own and map store errors only through [`super::status`].

use std::time::SystemTime;

use orbit_proto::orbit::system::v1 as pb;
use orbit_proto::orbit::system::v1::system_service_server::SystemService;
use tonic::{Request, Response, Status};

use crate::identity::{Identity, SignUpMode};
use crate::store::Store;

/// What the process knows about itself that the store does not: the binary's version, the
/// modules compiled in and when it started serving.
#[derive(Debug, Clone)]
pub struct InstanceMeta {
    /// Version of the `orbit` binary, for example `0.1.0`.
    pub version: String,
    /// Names of the modules compiled in and enabled.
    pub modules: Vec<String>,
    /// When this process started serving.
    pub started_at: SystemTime,
    /// Who may sign up (the identity configuration's mode).
    pub sign_up: SignUpMode,
    /// The instance's federation identity (did:key), if it has one.
    pub did: String,
}

/// Serves `orbit.system.v1.SystemService` from a store.
#[derive(Debug, Clone)]
pub struct SystemApi {
    store: Store,
    meta: InstanceMeta,
    identity: Identity,
}

impl SystemApi {
    pub fn new(store: Store, meta: InstanceMeta, identity: Identity) -> Self {
        SystemApi {
            store,
            meta,
            identity,
        }
    }
}

#[tonic::async_trait]
impl SystemService for SystemApi {
    /// `SystemService.GetInstanceInfo`.
    #[tracing::instrument(skip_all)]
    async fn get_instance_info(
        &self,
        _request: Request<pb::GetInstanceInfoRequest>,
    ) -> Result<Response<pb::GetInstanceInfoResponse>, Status> {
        let has_accounts = self
            .identity
            .has_first_account()
            .await
            .map_err(super::status::identity_status)?;
        let info = pb::InstanceInfo {
            has_accounts,
            instance_id: self.store.instance_id(),
            version: self.meta.version.clone(),
            store_backend: self.store.backend_name().to_owned(),
            modules: self.meta.modules.clone(),
            started_at: Some(prost_types::Timestamp::from(self.meta.started_at)),
            sign_up: match self.meta.sign_up {
                SignUpMode::Open => pb::SignUpMode::Open,
                SignUpMode::Invite => pb::SignUpMode::Invite,
                SignUpMode::Closed => pb::SignUpMode::Closed,
            }
            .into(),
            did: self.meta.did.clone(),
        };
        Ok(Response::new(pb::GetInstanceInfoResponse {
            info: Some(info),
        }))
    }

    /// `SystemService.GetKeyStatus`.
    #[tracing::instrument(skip_all)]
    async fn get_key_status(
        &self,
        _request: Request<pb::GetKeyStatusRequest>,
    ) -> Result<Response<pb::GetKeyStatusResponse>, Status> {
        let keys = self
            .store
            .key_status()
            .await?
            .into_iter()
            .map(|status| pb::KeyStatus {
                database: status.database,
                current_key_version: status.current_key_version,
                records_pending_reencryption: status.pending,
            })
            .collect();
        Ok(Response::new(pb::GetKeyStatusResponse { keys }))
    }
}
