//! The handler of `orbit.system.v1.OrgService`: create, list, get, rename and archive orgs.
//!
//! Access is enforced by the auth layer before these run (and again by [`Identity`], which
//! owns the logic); handlers only translate between the wire types and identity's records,
//! and map errors through [`super::status`].

use orbit_proto::orbit::system::records::v1::OrgRecord;
use orbit_proto::orbit::system::v1 as pb;
use orbit_proto::orbit::system::v1::org_service_server::OrgService;
use tonic::{Request, Response, Status};

use super::context;
use crate::identity::{Identity, timestamp_ms};

/// Serves `orbit.system.v1.OrgService`.
#[derive(Debug, Clone)]
pub struct OrgApi {
    identity: Identity,
}

impl OrgApi {
    pub fn new(identity: Identity) -> Self {
        OrgApi { identity }
    }
}

/// An org as the API shows it.
fn org_to_pb(org: OrgRecord) -> pb::Org {
    pb::Org {
        id: org.id,
        name: org.name,
        archived: org.archived,
        created_at: Some(timestamp_ms(org.created_at_ms)),
    }
}

#[tonic::async_trait]
impl OrgService for OrgApi {
    /// `OrgService.CreateOrg`.
    #[tracing::instrument(skip_all)]
    async fn create_org(
        &self,
        request: Request<pb::CreateOrgRequest>,
    ) -> Result<Response<pb::CreateOrgResponse>, Status> {
        let caller = context(&request);
        let request = request.into_inner();
        let org = self.identity.create_org(&caller, &request.name).await?;
        Ok(Response::new(pb::CreateOrgResponse {
            org: Some(org_to_pb(org)),
        }))
    }

    /// `OrgService.ListOrgs`.
    #[tracing::instrument(skip_all)]
    async fn list_orgs(
        &self,
        request: Request<pb::ListOrgsRequest>,
    ) -> Result<Response<pb::ListOrgsResponse>, Status> {
        let caller = context(&request);
        let orgs = self
            .identity
            .list_orgs(&caller, request.get_ref().include_archived)
            .await?;
        Ok(Response::new(pb::ListOrgsResponse {
            orgs: orgs.into_iter().map(org_to_pb).collect(),
        }))
    }

    /// `OrgService.GetOrg`.
    #[tracing::instrument(skip_all)]
    async fn get_org(
        &self,
        request: Request<pb::GetOrgRequest>,
    ) -> Result<Response<pb::GetOrgResponse>, Status> {
        let caller = context(&request);
        let org = self
            .identity
            .get_org(&caller, &request.get_ref().org_id)
            .await?;
        Ok(Response::new(pb::GetOrgResponse {
            org: Some(org_to_pb(org)),
        }))
    }

    /// `OrgService.RenameOrg`.
    #[tracing::instrument(skip_all)]
    async fn rename_org(
        &self,
        request: Request<pb::RenameOrgRequest>,
    ) -> Result<Response<pb::RenameOrgResponse>, Status> {
        let caller = context(&request);
        let request = request.into_inner();
        let org = self
            .identity
            .rename_org(&caller, &request.org_id, &request.name)
            .await?;
        Ok(Response::new(pb::RenameOrgResponse {
            org: Some(org_to_pb(org)),
        }))
    }

    /// `OrgService.ArchiveOrg`.
    #[tracing::instrument(skip_all)]
    async fn archive_org(
        &self,
        request: Request<pb::ArchiveOrgRequest>,
    ) -> Result<Response<pb::ArchiveOrgResponse>, Status> {
        let caller = context(&request);
        let request = request.into_inner();
        let org = self
            .identity
            .archive_org(&caller, &request.org_id, request.archived)
            .await?;
        Ok(Response::new(pb::ArchiveOrgResponse {
            org: Some(org_to_pb(org)),
        }))
    }
}
