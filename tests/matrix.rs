//! The role × RPC matrix, generated from the descriptor set: for every Orbit RPC and every
//! kind of caller, a real gRPC call against a real server is allowed or denied exactly as the
//! RPC's `(orbit.system.v1.access)` declaration says. A new RPC is covered automatically.
//!
//! Callers: anonymous, a signed-in account with no memberships, a project-user, a
//! project-admin and an org-admin of the fixture org/project, the sys-admin, and the org-admin
//! of another org (who must be told the fixture org and project do not exist). Requests are
//! empty messages with the scope field set to the fixture org or project; "allowed" means the
//! call got past the auth layer (the handler may still refuse the empty request).
//!
//! A server-streaming RPC is opened and answered by its first message, its status, or (if
//! the stream stays open without a message for a moment) by the fact that it was opened. An
//! RPC whose service is not registered still passes the auth layer first (the router answers
//! UNIMPLEMENTED only after it), so the matrix holds for every declared RPC either way.

use std::str::FromStr;
use std::time::Duration;

use bytes::{Buf, BufMut};
use orbit_proto::access::access_table;
use orbit_proto::orbit::system::v1 as pb;
use orbit_proto::orbit::system::v1::org_service_client::OrgServiceClient;
use orbit_proto::orbit::system::v1::project_service_client::ProjectServiceClient;
use orbit_proto::orbit::system::v1::{Role, Scope};
use prost::Message;
use prost_reflect::{DescriptorPool, DynamicMessage, Value};
use tonic::codec::{Codec, DecodeBuf, Decoder, EncodeBuf, Encoder};
use tonic::metadata::MetadataValue;
use tonic::transport::Channel;

use crate::common::tenant::{add_member, log_in, sign_up};
use crate::common::{Server, TestDir};

/// How long an opened stream may stay silent before the matrix takes "opened" as its answer:
/// long enough that a refusal sent after the stream opened arrives first on a loaded machine.
const FIRST_MESSAGE_WAIT: Duration = Duration::from_secs(2);

/// Encodes a dynamic request; keeps the response as raw bytes.
#[derive(Debug, Default, Clone)]
struct RawCodec;

impl Codec for RawCodec {
    type Encode = DynamicMessage;
    type Decode = Vec<u8>;
    type Encoder = RawCodec;
    type Decoder = RawCodec;

    fn encoder(&mut self) -> Self::Encoder {
        RawCodec
    }

    fn decoder(&mut self) -> Self::Decoder {
        RawCodec
    }
}

impl Encoder for RawCodec {
    type Item = DynamicMessage;
    type Error = tonic::Status;

    fn encode(
        &mut self,
        item: DynamicMessage,
        dst: &mut EncodeBuf<'_>,
    ) -> Result<(), tonic::Status> {
        dst.put_slice(&item.encode_to_vec());
        Ok(())
    }
}

impl Decoder for RawCodec {
    type Item = Vec<u8>;
    type Error = tonic::Status;

    fn decode(&mut self, src: &mut DecodeBuf<'_>) -> Result<Option<Vec<u8>>, tonic::Status> {
        Ok(Some(src.copy_to_bytes(src.remaining()).to_vec()))
    }
}

fn bearer<T>(message: T, token: Option<&str>) -> tonic::Request<T> {
    let mut request = tonic::Request::new(message);
    if let Some(token) = token {
        let value = MetadataValue::from_str(&format!("Bearer {token}")).expect("ascii token");
        request.metadata_mut().insert("authorization", value);
    }
    request
}

/// The callers of the matrix, with their e-mail addresses and access tokens.
struct Callers {
    org_id: String,
    project_id: String,
    callers: Vec<(&'static str, Option<(&'static str, String)>)>,
}

async fn fixture(channel: &Channel) -> Callers {
    let sys_admin = sign_up(channel, "root@example.org").await;
    let org_admin = sign_up(channel, "org.admin@example.org").await;
    let project_admin = sign_up(channel, "project.admin@example.org").await;
    let project_user = sign_up(channel, "project.user@example.org").await;
    let nobody = sign_up(channel, "nobody@example.org").await;
    let outsider = sign_up(channel, "outsider@example.com").await;

    let org = OrgServiceClient::new(channel.clone())
        .create_org(bearer(
            pb::CreateOrgRequest {
                name: "Fixture org".into(),
            },
            Some(&org_admin),
        ))
        .await
        .expect("create org")
        .into_inner()
        .org
        .expect("org");
    let project = ProjectServiceClient::new(channel.clone())
        .create_project(bearer(
            pb::CreateProjectRequest {
                org_id: org.id.clone(),
                name: "Fixture project".into(),
            },
            Some(&org_admin),
        ))
        .await
        .expect("create project")
        .into_inner()
        .project
        .expect("project");
    for (email, token, role) in [
        (
            "project.admin@example.org",
            &project_admin,
            Role::ProjectAdmin,
        ),
        ("project.user@example.org", &project_user, Role::ProjectUser),
    ] {
        add_member(channel, &org_admin, &project.id, email, token, role).await;
    }
    OrgServiceClient::new(channel.clone())
        .create_org(bearer(
            pb::CreateOrgRequest {
                name: "Other org".into(),
            },
            Some(&outsider),
        ))
        .await
        .expect("create the other org");

    Callers {
        org_id: org.id,
        project_id: project.id,
        callers: vec![
            ("anonymous", None),
            ("authenticated", Some(("nobody@example.org", nobody))),
            (
                "project-user",
                Some(("project.user@example.org", project_user)),
            ),
            (
                "project-admin",
                Some(("project.admin@example.org", project_admin)),
            ),
            ("org-admin", Some(("org.admin@example.org", org_admin))),
            ("sys-admin", Some(("root@example.org", sys_admin))),
            ("other-org", Some(("outsider@example.com", outsider))),
        ],
    }
}

/// Whether `caller` may make a call declared `role` at `scope`, by the declared rules.
fn expected_allowed(caller: &str, role: Role, scope: Scope) -> bool {
    let rank = |caller: &str| match caller {
        "project-user" => 1,
        "project-admin" => 2,
        "org-admin" => 3,
        "sys-admin" => 4,
        _ => 0,
    };
    match (role, scope) {
        (Role::Anonymous, _) => true,
        (Role::Authenticated, Scope::Instance) => caller != "anonymous",
        (Role::SysAdmin, _) => caller == "sys-admin",
        (Role::ProjectUser, _) => rank(caller) >= 1,
        (Role::ProjectAdmin, _) => rank(caller) >= 2,
        (Role::OrgAdmin, _) => rank(caller) >= 3,
        other => panic!("unexpected declaration {other:?}"),
    }
}

/// A unary call's answer.
async fn call_unary(
    channel: &Channel,
    path: &str,
    request: tonic::Request<DynamicMessage>,
) -> Result<(), tonic::Status> {
    let (mut grpc, path) = client_for(channel, path).await;
    grpc.unary(request, path, RawCodec).await.map(drop)
}

/// A ready generic client on `channel`, and `path` as a request path.
async fn client_for(
    channel: &Channel,
    path: &str,
) -> (tonic::client::Grpc<Channel>, http::uri::PathAndQuery) {
    let mut grpc = tonic::client::Grpc::new(channel.clone());
    grpc.ready().await.expect("channel ready");
    (grpc, http::uri::PathAndQuery::from_str(path).unwrap())
}

/// A server-streaming call's answer: the status it is refused or ends with, or success once
/// it is open and sends a message (or nothing for [`FIRST_MESSAGE_WAIT`]).
async fn open_stream(
    channel: &Channel,
    path: &str,
    request: tonic::Request<DynamicMessage>,
) -> Result<(), tonic::Status> {
    let (mut grpc, path) = client_for(channel, path).await;
    let mut stream = grpc
        .server_streaming(request, path, RawCodec)
        .await?
        .into_inner();
    match tokio::time::timeout(FIRST_MESSAGE_WAIT, stream.message()).await {
        Ok(first) => first.map(drop),
        Err(_silent) => Ok(()),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_rpc_allows_and_denies_exactly_as_declared() {
    let dir = TestDir::new();
    let server = Server::start(dir.serve()).await;
    let channel = server.channel().await;
    let callers = fixture(&channel).await;

    let table = access_table(orbit_proto::FILE_DESCRIPTOR_SET).expect("valid declarations");
    let pool = DescriptorPool::decode(orbit_proto::FILE_DESCRIPTOR_SET).expect("descriptor pool");
    // Calls that end sessions run last, each with a fresh session, so every call sees a live
    // token.
    let ends_sessions = |path: &str| path.contains("/LogOut");
    let mut paths: Vec<&String> = table.keys().collect();
    paths.sort_by_key(|path| (ends_sessions(path), path.to_string()));
    assert!(
        paths.len() >= 30,
        "the matrix covers every rpc ({} found)",
        paths.len()
    );

    let mut failures = Vec::new();
    let mut checked = 0;
    for path in paths {
        let access = &table[path];
        let (service, method) = path.trim_start_matches('/').split_once('/').unwrap();
        let method = pool
            .get_service_by_name(service)
            .unwrap()
            .methods()
            .find(|m| m.name() == method)
            .unwrap();
        assert!(
            !method.is_client_streaming(),
            "{path}: extend the matrix for client-streaming rpcs"
        );
        let server_streaming = method.is_server_streaming();
        let mut request = DynamicMessage::new(method.input());
        let scope_id = match access.scope() {
            Scope::Org => Some(&callers.org_id),
            Scope::Project => Some(&callers.project_id),
            _ => None,
        };
        if let Some(id) = scope_id {
            request.set_field_by_name(&access.scope_field, Value::String(id.clone()));
        }
        for (caller, credentials) in &callers.callers {
            let token = match credentials {
                Some((email, _)) if ends_sessions(path) => Some(log_in(&channel, email).await),
                Some((_, token)) => Some(token.clone()),
                None => None,
            };
            let request = bearer(request.clone(), token.as_deref());
            let result = if server_streaming {
                open_stream(&channel, path, request).await
            } else {
                call_unary(&channel, path, request).await
            };
            let denied = match &result {
                Ok(_) => false,
                Err(status) => match status.code() {
                    tonic::Code::Unauthenticated | tonic::Code::PermissionDenied => true,
                    tonic::Code::NotFound => scope_id
                        .is_some_and(|id| status.message().ends_with(&format!("{id} not found"))),
                    _ => false,
                },
            };
            let expected = expected_allowed(caller, access.role(), access.scope());
            if denied == expected {
                failures.push(format!(
                    "{path} as {caller}: expected {}, got {result:?}",
                    if expected { "allowed" } else { "denied" }
                ));
            }
            // Existence must not leak across tenants.
            if *caller == "other-org" && scope_id.is_some() && !expected {
                match &result {
                    Err(status) if status.code() == tonic::Code::NotFound => {}
                    other => failures.push(format!(
                        "{path} as other-org: expected NotFound, got {other:?}"
                    )),
                }
            }
            checked += 1;
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} checks failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
