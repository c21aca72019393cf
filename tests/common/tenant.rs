//! Client-side fixtures for tests that need people and tenants: sign up accounts, create an
//! org with projects, add members (invited, then accepting), all through the public gRPC API.

use std::str::FromStr;

use orbit_proto::orbit::system::v1 as pb;
use orbit_proto::orbit::system::v1::account_service_client::AccountServiceClient;
use orbit_proto::orbit::system::v1::membership_service_client::MembershipServiceClient;
use orbit_proto::orbit::system::v1::org_service_client::OrgServiceClient;
use orbit_proto::orbit::system::v1::project_service_client::ProjectServiceClient;
use orbit_proto::orbit::system::v1::record_service_client::RecordServiceClient;
use tonic::metadata::MetadataValue;
use tonic::transport::Channel;

pub(crate) const PASSWORD: &str = "tenant-fixture-password-4c1d";

/// `message` with `Authorization: Bearer <token>`.
pub(crate) fn bearer<T>(message: T, token: &str) -> tonic::Request<T> {
    let mut request = tonic::Request::new(message);
    let value = MetadataValue::from_str(&format!("Bearer {token}")).expect("ascii token");
    request.metadata_mut().insert("authorization", value);
    request
}

/// `request` with `x-request-id: id`.
pub(crate) fn with_request_id<T>(mut request: tonic::Request<T>, id: &str) -> tonic::Request<T> {
    let value = MetadataValue::from_str(id).expect("ascii request id");
    request.metadata_mut().insert("x-request-id", value);
    request
}

/// Signs `email` up and returns its access token (the first account of an instance is its
/// sys-admin).
pub(crate) async fn sign_up(channel: &Channel, email: &str) -> String {
    AccountServiceClient::new(channel.clone())
        .sign_up(pb::SignUpRequest {
            email: email.into(),
            password: PASSWORD.into(),
            display_name: email.into(),
        })
        .await
        .unwrap_or_else(|e| panic!("sign up {email}: {e}"))
        .into_inner()
        .tokens
        .expect("tokens")
        .access_token
}

/// Logs `email` in (after a restart, say) and returns a fresh access token.
pub(crate) async fn log_in(channel: &Channel, email: &str) -> String {
    AccountServiceClient::new(channel.clone())
        .log_in(pb::LogInRequest {
            email: email.into(),
            password: PASSWORD.into(),
        })
        .await
        .unwrap_or_else(|e| panic!("log in {email}: {e}"))
        .into_inner()
        .tokens
        .expect("tokens")
        .access_token
}

/// Creates an org as `admin` and returns its id.
pub(crate) async fn create_org(channel: &Channel, admin: &str, name: &str) -> String {
    OrgServiceClient::new(channel.clone())
        .create_org(bearer(pb::CreateOrgRequest { name: name.into() }, admin))
        .await
        .expect("create org")
        .into_inner()
        .org
        .expect("org")
        .id
}

/// Creates a project in `org_id` as its admin and returns its id.
pub(crate) async fn create_project(
    channel: &Channel,
    admin: &str,
    org_id: &str,
    name: &str,
) -> String {
    ProjectServiceClient::new(channel.clone())
        .create_project(bearer(
            pb::CreateProjectRequest {
                org_id: org_id.into(),
                name: name.into(),
            },
            admin,
        ))
        .await
        .expect("create project")
        .into_inner()
        .project
        .expect("project")
        .id
}

/// Gives `email` `role` in `project_id` the way people join: `admin` adds the address, and
/// the invitee (signed in with `invitee`) accepts the invitation that opens.
pub(crate) async fn add_member(
    channel: &Channel,
    admin: &str,
    project_id: &str,
    email: &str,
    invitee: &str,
    role: pb::Role,
) {
    let added = MembershipServiceClient::new(channel.clone())
        .set_project_member(bearer(
            pb::SetProjectMemberRequest {
                project_id: project_id.into(),
                email: email.into(),
                role: role as i32,
            },
            admin,
        ))
        .await
        .unwrap_or_else(|e| panic!("add {email}: {e}"))
        .into_inner();
    if let Some(invitation) = added.invitation {
        accept_invitation(channel, invitee, &invitation.id)
            .await
            .unwrap_or_else(|e| panic!("{email} accepts: {e}"));
    }
}

/// Accepts invitation `invitation_id` as `invitee`.
pub(crate) async fn accept_invitation(
    channel: &Channel,
    invitee: &str,
    invitation_id: &str,
) -> Result<pb::Membership, tonic::Status> {
    MembershipServiceClient::new(channel.clone())
        .accept_invitation(bearer(
            pb::AcceptInvitationRequest {
                invitation_id: invitation_id.into(),
            },
            invitee,
        ))
        .await
        .map(|r| r.into_inner().membership.expect("membership"))
}

/// A JSON object as the `data` of a record.
pub(crate) fn data(value: serde_json::Value) -> prost_types::Struct {
    let serde_json::Value::Object(object) = value else {
        panic!("record data must be a JSON object");
    };
    orbit_system::records::json::json_to_struct(&object)
}

/// Writes record `id` of `entity` in `project_id`; `create_only` makes it fail if it exists.
pub(crate) async fn put_record(
    channel: &Channel,
    token: &str,
    project_id: &str,
    entity: &str,
    id: &str,
    value: serde_json::Value,
    create_only: bool,
) -> Result<pb::Record, tonic::Status> {
    RecordServiceClient::new(channel.clone())
        .put_record(bearer(
            pb::PutRecordRequest {
                project_id: project_id.into(),
                entity: entity.into(),
                id: id.into(),
                data: Some(data(value)),
                expect_version: create_only.then_some(0),
            },
            token,
        ))
        .await
        .map(|r| r.into_inner().record.expect("record"))
}

/// One signed-in person: token and account id.
#[derive(Clone)]
pub(crate) struct Person {
    pub(crate) token: String,
    pub(crate) id: String,
}

/// Signs `email` up and reads back its account id.
pub(crate) async fn person(channel: &Channel, email: &str) -> Person {
    let token = sign_up(channel, email).await;
    let id = AccountServiceClient::new(channel.clone())
        .get_profile(bearer(pb::GetProfileRequest {}, &token))
        .await
        .expect("profile")
        .into_inner()
        .account
        .expect("account")
        .id;
    Person { token, id }
}
