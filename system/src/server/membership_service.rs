//! The handler of `orbit.system.v1.MembershipService`: who holds which role in an org or a
//! project, and the invitations that are the way in for anyone not yet a member.
//!
//! Access is enforced by the auth layer before these run (and again by [`Identity`], which
//! owns the logic); handlers only translate between the wire types and identity's records,
//! and map errors through [`super::status`].

use orbit_proto::orbit::system::v1 as pb;
use orbit_proto::orbit::system::v1::membership_service_server::MembershipService;
use tonic::{Request, Response, Status};

use super::context;
use crate::identity::{Added, Identity, Invitation, Member, timestamp_ms};

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

/// An invitation as the API shows it.
fn invitation_to_pb(invitation: Invitation) -> pb::Invitation {
    let record = invitation.record;
    pb::Invitation {
        id: record.id,
        org_id: record.org_id,
        org_name: invitation.org_name,
        project_id: record.project_id,
        project_name: invitation.project_name,
        role: record.role,
        email: record.email,
        inviter_display_name: invitation.inviter_display_name,
        created_at: Some(timestamp_ms(record.created_at_ms)),
        expires_at: Some(timestamp_ms(record.expires_at_ms)),
        state: invitation.state as i32,
    }
}

/// The membership or the invitation that adding someone by e-mail address gave.
fn added_to_pb(added: Added) -> (Option<pb::Membership>, Option<pb::Invitation>) {
    match added {
        Added::Member(member) => (Some(member_to_pb(member)), None),
        Added::Invited(invitation) => (None, Some(invitation_to_pb(invitation))),
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
            .await?;
        let (membership, invitation) = added_to_pb(member);
        Ok(Response::new(pb::AddOrgAdminResponse {
            membership,
            invitation,
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
            .await?;
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
            .await?;
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
            .await?;
        let (membership, invitation) = added_to_pb(member);
        Ok(Response::new(pb::SetProjectMemberResponse {
            membership,
            invitation,
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
            .await?;
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
            .await?;
        Ok(Response::new(pb::ListProjectMembersResponse {
            memberships: members.into_iter().map(member_to_pb).collect(),
        }))
    }

    /// `MembershipService.ListMyInvitations`.
    #[tracing::instrument(skip_all)]
    async fn list_my_invitations(
        &self,
        request: Request<pb::ListMyInvitationsRequest>,
    ) -> Result<Response<pb::ListMyInvitationsResponse>, Status> {
        let caller = context(&request);
        let invitations = self.identity.list_my_invitations(&caller).await?;
        Ok(Response::new(pb::ListMyInvitationsResponse {
            invitations: invitations.into_iter().map(invitation_to_pb).collect(),
        }))
    }

    /// `MembershipService.AcceptInvitation`.
    #[tracing::instrument(skip_all)]
    async fn accept_invitation(
        &self,
        request: Request<pb::AcceptInvitationRequest>,
    ) -> Result<Response<pb::AcceptInvitationResponse>, Status> {
        let caller = context(&request);
        let member = self
            .identity
            .accept_invitation(&caller, &request.get_ref().invitation_id)
            .await?;
        Ok(Response::new(pb::AcceptInvitationResponse {
            membership: Some(member_to_pb(member)),
        }))
    }

    /// `MembershipService.DeclineInvitation`.
    #[tracing::instrument(skip_all)]
    async fn decline_invitation(
        &self,
        request: Request<pb::DeclineInvitationRequest>,
    ) -> Result<Response<pb::DeclineInvitationResponse>, Status> {
        let caller = context(&request);
        self.identity
            .decline_invitation(&caller, &request.get_ref().invitation_id)
            .await?;
        Ok(Response::new(pb::DeclineInvitationResponse {}))
    }

    /// `MembershipService.ListInvitations`.
    #[tracing::instrument(skip_all)]
    async fn list_invitations(
        &self,
        request: Request<pb::ListInvitationsRequest>,
    ) -> Result<Response<pb::ListInvitationsResponse>, Status> {
        let caller = context(&request);
        let invitations = self
            .identity
            .list_invitations(&caller, Some(&request.get_ref().org_id), None)
            .await?;
        Ok(Response::new(pb::ListInvitationsResponse {
            invitations: invitations.into_iter().map(invitation_to_pb).collect(),
        }))
    }

    /// `MembershipService.RevokeInvitation`.
    #[tracing::instrument(skip_all)]
    async fn revoke_invitation(
        &self,
        request: Request<pb::RevokeInvitationRequest>,
    ) -> Result<Response<pb::RevokeInvitationResponse>, Status> {
        let caller = context(&request);
        let request = request.into_inner();
        self.identity
            .revoke_invitation(&caller, Some(&request.org_id), None, &request.invitation_id)
            .await?;
        Ok(Response::new(pb::RevokeInvitationResponse {}))
    }

    /// `MembershipService.ListProjectInvitations`.
    #[tracing::instrument(skip_all)]
    async fn list_project_invitations(
        &self,
        request: Request<pb::ListProjectInvitationsRequest>,
    ) -> Result<Response<pb::ListProjectInvitationsResponse>, Status> {
        let caller = context(&request);
        let invitations = self
            .identity
            .list_invitations(&caller, None, Some(&request.get_ref().project_id))
            .await?;
        Ok(Response::new(pb::ListProjectInvitationsResponse {
            invitations: invitations.into_iter().map(invitation_to_pb).collect(),
        }))
    }

    /// `MembershipService.RevokeProjectInvitation`.
    #[tracing::instrument(skip_all)]
    async fn revoke_project_invitation(
        &self,
        request: Request<pb::RevokeProjectInvitationRequest>,
    ) -> Result<Response<pb::RevokeProjectInvitationResponse>, Status> {
        let caller = context(&request);
        let request = request.into_inner();
        self.identity
            .revoke_invitation(
                &caller,
                None,
                Some(&request.project_id),
                &request.invitation_id,
            )
            .await?;
        Ok(Response::new(pb::RevokeProjectInvitationResponse {}))
    }
}
