//! The handler of `orbit.federation.v1.FederationService`: thin, over [`Federation`].

use orbit_proto::orbit::federation::v1 as pb;
use orbit_proto::orbit::federation::v1::federation_service_server::FederationService;
use orbit_system::server::context;
use tonic::{Request, Response, Status};

use crate::Federation;
use crate::error::status;

/// Serves `FederationService`.
#[derive(Debug, Clone)]
pub struct FederationApi {
    federation: Federation,
}

impl FederationApi {
    pub fn new(federation: Federation) -> FederationApi {
        FederationApi { federation }
    }
}

#[tonic::async_trait]
impl FederationService for FederationApi {
    #[tracing::instrument(skip_all)]
    async fn whoami(
        &self,
        _: Request<pb::WhoamiRequest>,
    ) -> Result<Response<pb::WhoamiResponse>, Status> {
        Ok(Response::new(pb::WhoamiResponse {
            identity: Some(self.federation.whoami()),
        }))
    }

    #[tracing::instrument(skip_all)]
    async fn rotate_key(
        &self,
        _: Request<pb::RotateKeyRequest>,
    ) -> Result<Response<pb::RotateKeyResponse>, Status> {
        let untold_peers = self.federation.rotate_key().await.map_err(status)?;
        Ok(Response::new(pb::RotateKeyResponse {
            identity: Some(self.federation.whoami()),
            untold_peers,
        }))
    }

    #[tracing::instrument(skip_all)]
    async fn create_invitation(
        &self,
        request: Request<pb::CreateInvitationRequest>,
    ) -> Result<Response<pb::CreateInvitationResponse>, Status> {
        let caller = context(&request);
        let r = request.into_inner();
        let (token, invitation) = self
            .federation
            .create_invitation(
                &caller,
                &r.org_id,
                &r.project_id,
                &r.modules,
                r.valid_seconds,
                &r.for_did,
            )
            .await
            .map_err(status)?;
        let mut shown = invitation;
        // The secret travels in the token only.
        shown.secret = String::new();
        Ok(Response::new(pb::CreateInvitationResponse {
            token,
            invitation: Some(shown),
        }))
    }

    #[tracing::instrument(skip_all)]
    async fn accept_invitation(
        &self,
        request: Request<pb::AcceptInvitationRequest>,
    ) -> Result<Response<pb::AcceptInvitationResponse>, Status> {
        let caller = context(&request);
        let r = request.into_inner();
        let link = self
            .federation
            .accept_invitation(&caller, &r.org_id, &r.token)
            .await
            .map_err(status)?;
        Ok(Response::new(pb::AcceptInvitationResponse {
            link: Some(link),
        }))
    }

    #[tracing::instrument(skip_all)]
    async fn peers(
        &self,
        request: Request<pb::PeersRequest>,
    ) -> Result<Response<pb::PeersResponse>, Status> {
        let links = self
            .federation
            .peers(&request.into_inner().org_id)
            .await
            .map_err(status)?;
        Ok(Response::new(pb::PeersResponse { links }))
    }

    #[tracing::instrument(skip_all)]
    async fn suspend_link(
        &self,
        request: Request<pb::SuspendLinkRequest>,
    ) -> Result<Response<pb::SuspendLinkResponse>, Status> {
        let r = request.into_inner();
        let link = self
            .federation
            .set_link_state(&r.org_id, &r.link_id, pb::LinkState::Suspended)
            .await
            .map_err(status)?;
        Ok(Response::new(pb::SuspendLinkResponse { link: Some(link) }))
    }

    #[tracing::instrument(skip_all)]
    async fn resume_link(
        &self,
        request: Request<pb::ResumeLinkRequest>,
    ) -> Result<Response<pb::ResumeLinkResponse>, Status> {
        let r = request.into_inner();
        let link = self
            .federation
            .set_link_state(&r.org_id, &r.link_id, pb::LinkState::Active)
            .await
            .map_err(status)?;
        Ok(Response::new(pb::ResumeLinkResponse { link: Some(link) }))
    }

    #[tracing::instrument(skip_all)]
    async fn remove_link(
        &self,
        request: Request<pb::RemoveLinkRequest>,
    ) -> Result<Response<pb::RemoveLinkResponse>, Status> {
        let r = request.into_inner();
        let link = self
            .federation
            .set_link_state(&r.org_id, &r.link_id, pb::LinkState::Removed)
            .await
            .map_err(status)?;
        Ok(Response::new(pb::RemoveLinkResponse { link: Some(link) }))
    }

    #[tracing::instrument(skip_all)]
    async fn list_people(
        &self,
        request: Request<pb::ListPeopleRequest>,
    ) -> Result<Response<pb::ListPeopleResponse>, Status> {
        let caller = context(&request);
        let people = self
            .federation
            .people(&caller, &request.into_inner().project_id)
            .await
            .map_err(status)?;
        Ok(Response::new(pb::ListPeopleResponse { people }))
    }

    #[tracing::instrument(skip_all)]
    async fn list_dead_letters(
        &self,
        request: Request<pb::ListDeadLettersRequest>,
    ) -> Result<Response<pb::ListDeadLettersResponse>, Status> {
        let r = request.into_inner();
        let dead_letters = self
            .federation
            .dead_letters(&r.org_id, r.limit)
            .await
            .map_err(status)?;
        Ok(Response::new(pb::ListDeadLettersResponse { dead_letters }))
    }
}
