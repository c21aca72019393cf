//! Invitations end to end, against a real `orbit serve`: adding someone by e-mail address
//! who is not yet a member opens an invitation they accept or decline; until they accept,
//! the org is not theirs (it is not in their `ListOrgs`), and the inviter cannot tell an
//! address with an account from one without. Admins list and revoke open invitations. The
//! expiry refusal is covered by identity's unit tests (it needs a clock a week ahead).

use orbit_proto::orbit::system::v1 as pb;
use orbit_proto::orbit::system::v1::membership_service_client::MembershipServiceClient;
use orbit_proto::orbit::system::v1::org_service_client::OrgServiceClient;
use tonic::Code;
use tonic::transport::Channel;

use crate::common::tenant::{accept_invitation, bearer, create_org, create_project, sign_up};
use crate::common::{Server, TestDir};

const PHISHING: &str = "Security notice: re-enter your password at evil.example";

fn members(channel: &Channel) -> MembershipServiceClient<Channel> {
    MembershipServiceClient::new(channel.clone())
}

async fn org_names(channel: &Channel, token: &str) -> Vec<String> {
    OrgServiceClient::new(channel.clone())
        .list_orgs(bearer(pb::ListOrgsRequest::default(), token))
        .await
        .expect("list orgs")
        .into_inner()
        .orgs
        .into_iter()
        .map(|org| org.name)
        .collect()
}

async fn add_org_admin(
    channel: &Channel,
    token: &str,
    org_id: &str,
    email: &str,
) -> pb::AddOrgAdminResponse {
    members(channel)
        .add_org_admin(bearer(
            pb::AddOrgAdminRequest {
                org_id: org_id.into(),
                email: email.into(),
            },
            token,
        ))
        .await
        .unwrap_or_else(|e| panic!("add org-admin {email}: {e}"))
        .into_inner()
}

async fn my_invitations(channel: &Channel, token: &str) -> Vec<pb::Invitation> {
    members(channel)
        .list_my_invitations(bearer(pb::ListMyInvitationsRequest {}, token))
        .await
        .expect("list my invitations")
        .into_inner()
        .invitations
}

/// An invitation without what must differ between two addresses: id, address, clock.
fn shape(invitation: &pb::Invitation) -> pb::Invitation {
    pb::Invitation {
        id: String::new(),
        email: String::new(),
        created_at: None,
        expires_at: None,
        ..invitation.clone()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nobody_becomes_a_member_without_accepting() {
    let dir = TestDir::new();
    let server = Server::start(dir.serve()).await;
    let channel = server.channel().await;
    sign_up(&channel, "root@example.org").await;
    let mallory = sign_up(&channel, "mallory@evil.example").await;
    let victim = sign_up(&channel, "victim@example.org").await;
    let org = create_org(&channel, &mallory, PHISHING).await;

    // The attack: the answer is an invitation, the same for an address without an account.
    let known = add_org_admin(&channel, &mallory, &org, "victim@example.org").await;
    let unknown = add_org_admin(&channel, &mallory, &org, "nobody@example.org").await;
    assert!(known.membership.is_none() && unknown.membership.is_none());
    let (known, unknown) = (known.invitation.unwrap(), unknown.invitation.unwrap());
    assert_eq!(shape(&known), shape(&unknown));
    assert_eq!(known.state, pb::InvitationState::Pending as i32);
    let expires = known.expires_at.unwrap().seconds - known.created_at.unwrap().seconds;
    assert_eq!(expires, 7 * 24 * 3600);

    // The victim's orgs do not change; the invitation waits to be answered.
    assert!(org_names(&channel, &victim).await.is_empty());
    let mine = my_invitations(&channel, &victim).await;
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].id, known.id);
    assert_eq!(mine[0].org_name, PHISHING);
    assert_eq!(mine[0].role, pb::Role::OrgAdmin as i32);
    assert_eq!(mine[0].inviter_display_name, "mallory@evil.example");

    // Declined, it is gone for good.
    members(&channel)
        .decline_invitation(bearer(
            pb::DeclineInvitationRequest {
                invitation_id: known.id.clone(),
            },
            &victim,
        ))
        .await
        .expect("decline");
    assert!(my_invitations(&channel, &victim).await.is_empty());
    let refused = accept_invitation(&channel, &victim, &known.id)
        .await
        .unwrap_err();
    assert_eq!(refused.code(), Code::FailedPrecondition, "{refused:?}");
    assert!(refused.message().contains("declined"), "{refused:?}");
    assert!(org_names(&channel, &victim).await.is_empty());

    // An honest admin invites to a project; the invitee accepts and is a member.
    let admin = sign_up(&channel, "admin@example.org").await;
    let pat = sign_up(&channel, "pat@example.org").await;
    let shop = create_org(&channel, &admin, "Shop").await;
    let web = create_project(&channel, &admin, &shop, "Web").await;
    let added = members(&channel)
        .set_project_member(bearer(
            pb::SetProjectMemberRequest {
                project_id: web.clone(),
                email: "pat@example.org".into(),
                role: pb::Role::ProjectUser as i32,
            },
            &admin,
        ))
        .await
        .expect("set project member")
        .into_inner();
    let invitation = added.invitation.expect("an invitation");
    assert_eq!(invitation.project_name, "Web");
    assert!(org_names(&channel, &pat).await.is_empty());
    // Someone else cannot accept it, nor learn that it exists.
    let stolen = accept_invitation(&channel, &victim, &invitation.id)
        .await
        .unwrap_err();
    assert_eq!(stolen.code(), Code::NotFound, "{stolen:?}");
    let membership = accept_invitation(&channel, &pat, &invitation.id)
        .await
        .expect("accept");
    assert_eq!(membership.project_id, web);
    assert_eq!(membership.role, pb::Role::ProjectUser as i32);
    assert_eq!(org_names(&channel, &pat).await, vec!["Shop".to_owned()]);
    let again = accept_invitation(&channel, &pat, &invitation.id)
        .await
        .unwrap_err();
    assert_eq!(again.code(), Code::FailedPrecondition, "{again:?}");

    // An invitation to an address without an account is listed for the admin, revoked, and
    // refused to whoever signs up with the address afterwards.
    let open = add_org_admin(&channel, &admin, &shop, "later@example.org")
        .await
        .invitation
        .expect("an invitation");
    let listed = members(&channel)
        .list_invitations(bearer(
            pb::ListInvitationsRequest {
                org_id: shop.clone(),
            },
            &admin,
        ))
        .await
        .expect("list invitations")
        .into_inner()
        .invitations;
    assert_eq!(
        listed.iter().map(|i| i.email.as_str()).collect::<Vec<_>>(),
        ["later@example.org"]
    );
    let later = sign_up(&channel, "later@example.org").await;
    assert_eq!(my_invitations(&channel, &later).await[0].id, open.id);
    members(&channel)
        .revoke_invitation(bearer(
            pb::RevokeInvitationRequest {
                org_id: shop.clone(),
                invitation_id: open.id.clone(),
            },
            &admin,
        ))
        .await
        .expect("revoke");
    assert!(my_invitations(&channel, &later).await.is_empty());
    let revoked = accept_invitation(&channel, &later, &open.id)
        .await
        .unwrap_err();
    assert_eq!(revoked.code(), Code::FailedPrecondition, "{revoked:?}");
    assert!(revoked.message().contains("revoked"), "{revoked:?}");
    assert!(org_names(&channel, &later).await.is_empty());

    // A second invitation, accepted after signing up, makes an org-admin.
    let second = add_org_admin(&channel, &admin, &shop, "later@example.org")
        .await
        .invitation
        .expect("an invitation");
    accept_invitation(&channel, &later, &second.id)
        .await
        .expect("accept");
    assert_eq!(org_names(&channel, &later).await, vec!["Shop".to_owned()]);
}
