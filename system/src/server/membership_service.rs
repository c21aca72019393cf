//! The handler of `orbit.system.v1.MembershipService`: who holds which role in an org or a
//! project.
//!
//! Access is enforced by the auth layer before these run (and again by [`Identity`], which
//! owns the logic); handlers only translate between the wire types and identity's records,
//! and map errors through [`super::status`].

use orbit_proto::orbit::system::v1 as pb;
use orbit_proto::orbit::system::v1::membership_service_server::MembershipService;
use tonic::{Request, Response, Status};

use super::context;
use super::status::IdentityStatus;
use crate::identity::{Identity, Member};

/// Serves `orbit.system.v1.MembershipService`.
#[derive(Debug, Clone)]
pub struct MembershipApi {
    identity: Identity,
}

impl MembershipApi {
    pub fn new(identity: Identity) -> Self {
        MembershipApi { identity }
    }
}

/// A membership as the API shows it.
fn member_to_pb(member: Member) -> pb::Membership {
    pb::Membership {
        account_id: member.membership.account_id,
        email: member.email,
        display_name: member.display_name,
        role: member.membership.role,
        org_id: member.membership.org_id,
        project_id: member.membership.project_id,
    }
}

#[tonic::async_trait]
impl MembershipService for MembershipApi {
    /// `MembershipService.AddOrgAdmin`.
    #[tracing::instrument(skip_all)]
    async fn add_org_admin(
        &self,
        request: Request<pb::AddOrgAdminRequest>,
    ) -> Result<Response<pb::AddOrgAdminResponse>, Status> {
        let caller = context(&request);
        let request = request.into_inner();
        let member = self
            .identity
            .add_org_admin(&caller, &request.org_id, &request.email)
            .await
            .or_identity_status()?;
        Ok(Response::new(pb::AddOrgAdminResponse {
            membership: Some(member_to_pb(member)),
        }))
    }

    /// `MembershipService.RemoveOrgAdmin`.
    #[tracing::instrument(skip_all)]
    async fn remove_org_admin(
        &self,
        request: Request<pb::RemoveOrgAdminRequest>,
    ) -> Result<Response<pb::RemoveOrgAdminResponse>, Status> {
        let caller = context(&request);
        let request = request.into_inner();
        self.identity
            .remove_org_admin(&caller, &request.org_id, &request.account_id)
            .await
            .or_identity_status()?;
        Ok(Response::new(pb::RemoveOrgAdminResponse {}))
    }

    /// `MembershipService.ListOrgMembers`.
    #[tracing::instrument(skip_all)]
    async fn list_org_members(
        &self,
        request: Request<pb::ListOrgMembersRequest>,
    ) -> Result<Response<pb::ListOrgMembersResponse>, Status> {
        let caller = context(&request);
        let members = self
            .identity
            .list_org_members(&caller, &request.get_ref().org_id)
            .await
            .or_identity_status()?;
        Ok(Response::new(pb::ListOrgMembersResponse {
            memberships: members.into_iter().map(member_to_pb).collect(),
        }))
    }

    /// `MembershipService.SetProjectMember`.
    #[tracing::instrument(skip_all)]
    async fn set_project_member(
        &self,
        request: Request<pb::SetProjectMemberRequest>,
    ) -> Result<Response<pb::SetProjectMemberResponse>, Status> {
        let caller = context(&request);
        let request = request.into_inner();
        let member = self
            .identity
            .set_project_member(&caller, &request.project_id, &request.email, request.role())
            .await
            .or_identity_status()?;
        Ok(Response::new(pb::SetProjectMemberResponse {
            membership: Some(member_to_pb(member)),
        }))
    }

    /// `MembershipService.RemoveProjectMember`.
    #[tracing::instrument(skip_all)]
    async fn remove_project_member(
        &self,
        request: Request<pb::RemoveProjectMemberRequest>,
    ) -> Result<Response<pb::RemoveProjectMemberResponse>, Status> {
        let caller = context(&request);
        let request = request.into_inner();
        self.identity
            .remove_project_member(&caller, &request.project_id, &request.account_id)
            .await
            .or_identity_status()?;
        Ok(Response::new(pb::RemoveProjectMemberResponse {}))
    }

    /// `MembershipService.ListProjectMembers`.
    #[tracing::instrument(skip_all)]
    async fn list_project_members(
        &self,
        request: Request<pb::ListProjectMembersRequest>,
    ) -> Result<Response<pb::ListProjectMembersResponse>, Status> {
        let caller = context(&request);
        let members = self
            .identity
            .list_project_members(&caller, &request.get_ref().project_id)
            .await
            .or_identity_status()?;
        Ok(Response::new(pb::ListProjectMembersResponse {
            memberships: members.into_iter().map(member_to_pb).collect(),
        }))
    }
}
