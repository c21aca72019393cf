//! The handler of `orbit.system.v1.SettingsService`: the caller's own settings. The auth
//! layer has made sure there is a caller; [`Identity`] owns the rules and the storage.

use orbit_proto::orbit::system::v1 as pb;
use orbit_proto::orbit::system::v1::settings_service_server::SettingsService;
use tonic::{Request, Response, Status};

use super::context;
use crate::identity::Identity;

/// Serves `orbit.system.v1.SettingsService`.
#[derive(Debug, Clone)]
pub struct SettingsApi {
    identity: Identity,
}

impl SettingsApi {
    pub fn new(identity: Identity) -> Self {
        SettingsApi { identity }
    }
}

#[tonic::async_trait]
impl SettingsService for SettingsApi {
    #[tracing::instrument(skip_all)]
    async fn get_settings(
        &self,
        request: Request<pb::GetSettingsRequest>,
    ) -> Result<Response<pb::GetSettingsResponse>, Status> {
        let settings = self.identity.settings(&context(&request)).await?;
        Ok(Response::new(pb::GetSettingsResponse {
            settings: Some(settings),
        }))
    }

    #[tracing::instrument(skip_all)]
    async fn update_settings(
        &self,
        request: Request<pb::UpdateSettingsRequest>,
    ) -> Result<Response<pb::UpdateSettingsResponse>, Status> {
        let caller = context(&request);
        let settings = request.into_inner().settings.ok_or_else(|| {
            Status::invalid_argument("invalid settings: is required (the whole settings)")
        })?;
        let settings = self.identity.update_settings(&caller, settings).await?;
        Ok(Response::new(pb::UpdateSettingsResponse {
            settings: Some(settings),
        }))
    }
}
