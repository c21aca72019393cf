//! The handler of `orbit.system.v1.ApiKeyService`: the caller's API keys.
//!
//! Access is enforced by the auth layer before these run (and again by [`Identity`], which
//! owns the logic, including that a key never gets more than its creator holds); handlers
//! only translate between the wire types and identity's records, never expose a key's hash,
//! and map errors through [`super::status`].

use orbit_proto::orbit::system::records::v1::ApiKeyRecord;
use orbit_proto::orbit::system::v1 as pb;
use orbit_proto::orbit::system::v1::api_key_service_server::ApiKeyService;
use tonic::{Request, Response, Status};

use super::context;
use crate::identity::{Identity, timestamp_ms};

/// Serves `orbit.system.v1.ApiKeyService`.
#[derive(Debug, Clone)]
pub struct ApiKeyApi {
    identity: Identity,
}

impl ApiKeyApi {
    pub fn new(identity: Identity) -> Self {
        ApiKeyApi { identity }
    }
}

/// A key as the API shows it: everything but the hash of its secret.
fn api_key_to_pb(key: ApiKeyRecord) -> pb::ApiKey {
    pb::ApiKey {
        id: key.id,
        name: key.name,
        owner_account_id: key.owner_account_id,
        org_id: key.org_id,
        project_id: key.project_id,
        role: key.role,
        created_at: Some(timestamp_ms(key.created_at_ms)),
        revoked: key.revoked,
    }
}

#[tonic::async_trait]
impl ApiKeyService for ApiKeyApi {
    /// `ApiKeyService.CreateApiKey`.
    #[tracing::instrument(skip_all)]
    async fn create_api_key(
        &self,
        request: Request<pb::CreateApiKeyRequest>,
    ) -> Result<Response<pb::CreateApiKeyResponse>, Status> {
        let caller = context(&request);
        let request = request.into_inner();
        let created = self
            .identity
            .create_api_key(
                &caller,
                &request.name,
                &request.org_id,
                &request.project_id,
                request.role(),
            )
            .await?;
        Ok(Response::new(pb::CreateApiKeyResponse {
            api_key: Some(api_key_to_pb(created.key)),
            secret: created.secret.to_string(),
        }))
    }

    /// `ApiKeyService.ListApiKeys`.
    #[tracing::instrument(skip_all)]
    async fn list_api_keys(
        &self,
        request: Request<pb::ListApiKeysRequest>,
    ) -> Result<Response<pb::ListApiKeysResponse>, Status> {
        let caller = context(&request);
        let keys = self.identity.list_api_keys(&caller).await?;
        Ok(Response::new(pb::ListApiKeysResponse {
            api_keys: keys.into_iter().map(api_key_to_pb).collect(),
        }))
    }

    /// `ApiKeyService.RevokeApiKey`.
    #[tracing::instrument(skip_all)]
    async fn revoke_api_key(
        &self,
        request: Request<pb::RevokeApiKeyRequest>,
    ) -> Result<Response<pb::RevokeApiKeyResponse>, Status> {
        let caller = context(&request);
        let key = self
            .identity
            .revoke_api_key(&caller, &request.get_ref().api_key_id)
            .await?;
        Ok(Response::new(pb::RevokeApiKeyResponse {
            api_key: Some(api_key_to_pb(key)),
        }))
    }
}
