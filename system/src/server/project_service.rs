//! The handler of `orbit.system.v1.ProjectService`: create, list, get, rename and archive
//! projects inside an org.
//!
//! Access is enforced by the auth layer before these run (and again by [`Identity`], which
//! owns the logic); handlers only translate between the wire types and identity's records,
//! and map errors through [`super::status`].

use orbit_proto::orbit::system::records::v1::ProjectRecord;
use orbit_proto::orbit::system::v1 as pb;
use orbit_proto::orbit::system::v1::project_service_server::ProjectService;
use tonic::{Request, Response, Status};

use super::context;
use crate::identity::{Identity, timestamp_ms};

/// Serves `orbit.system.v1.ProjectService`.
#[derive(Debug, Clone)]
pub struct ProjectApi {
    identity: Identity,
}

impl ProjectApi {
    pub fn new(identity: Identity) -> Self {
        ProjectApi { identity }
    }
}

/// A project as the API shows it.
fn project_to_pb(project: ProjectRecord) -> pb::Project {
    pb::Project {
        id: project.id,
        org_id: project.org_id,
        name: project.name,
        archived: project.archived,
        created_at: Some(timestamp_ms(project.created_at_ms)),
        federated: project.federated,
        owner_did: project.owner_did,
    }
}

#[tonic::async_trait]
impl ProjectService for ProjectApi {
    /// `ProjectService.CreateProject`.
    #[tracing::instrument(skip_all)]
    async fn create_project(
        &self,
        request: Request<pb::CreateProjectRequest>,
    ) -> Result<Response<pb::CreateProjectResponse>, Status> {
        let caller = context(&request);
        let request = request.into_inner();
        let project = self
            .identity
            .create_project(&caller, &request.org_id, &request.name)
            .await?;
        Ok(Response::new(pb::CreateProjectResponse {
            project: Some(project_to_pb(project)),
        }))
    }

    /// `ProjectService.ListProjects`.
    #[tracing::instrument(skip_all)]
    async fn list_projects(
        &self,
        request: Request<pb::ListProjectsRequest>,
    ) -> Result<Response<pb::ListProjectsResponse>, Status> {
        let caller = context(&request);
        let request = request.into_inner();
        let projects = self
            .identity
            .list_projects(&caller, &request.org_id, request.include_archived)
            .await?;
        Ok(Response::new(pb::ListProjectsResponse {
            projects: projects.into_iter().map(project_to_pb).collect(),
        }))
    }

    /// `ProjectService.GetProject`.
    #[tracing::instrument(skip_all)]
    async fn get_project(
        &self,
        request: Request<pb::GetProjectRequest>,
    ) -> Result<Response<pb::GetProjectResponse>, Status> {
        let caller = context(&request);
        let project = self
            .identity
            .get_project(&caller, &request.get_ref().project_id)
            .await?;
        Ok(Response::new(pb::GetProjectResponse {
            project: Some(project_to_pb(project)),
        }))
    }

    /// `ProjectService.RenameProject`.
    #[tracing::instrument(skip_all)]
    async fn rename_project(
        &self,
        request: Request<pb::RenameProjectRequest>,
    ) -> Result<Response<pb::RenameProjectResponse>, Status> {
        let caller = context(&request);
        let request = request.into_inner();
        let project = self
            .identity
            .rename_project(&caller, &request.project_id, &request.name)
            .await?;
        Ok(Response::new(pb::RenameProjectResponse {
            project: Some(project_to_pb(project)),
        }))
    }

    /// `ProjectService.ArchiveProject`.
    #[tracing::instrument(skip_all)]
    async fn archive_project(
        &self,
        request: Request<pb::ArchiveProjectRequest>,
    ) -> Result<Response<pb::ArchiveProjectResponse>, Status> {
        let caller = context(&request);
        let request = request.into_inner();
        let project = self
            .identity
            .archive_project(&caller, &request.project_id, request.archived)
            .await?;
        Ok(Response::new(pb::ArchiveProjectResponse {
            project: Some(project_to_pb(project)),
        }))
    }

    /// `ProjectService.SetProjectFederation`.
    #[tracing::instrument(skip_all)]
    async fn set_project_federation(
        &self,
        request: Request<pb::SetProjectFederationRequest>,
    ) -> Result<Response<pb::SetProjectFederationResponse>, Status> {
        let caller = context(&request);
        let request = request.into_inner();
        let project = self
            .identity
            .set_project_federation(&caller, &request.project_id, request.federated)
            .await?;
        Ok(Response::new(pb::SetProjectFederationResponse {
            project: Some(project_to_pb(project)),
        }))
    }
}
