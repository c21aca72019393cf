//! User modules end to end: an org-admin uploads a .proto to a running `orbit serve`; a
//! generic gRPC client that knows nothing of Orbit finds the new service by reflection and
//! creates, reads, updates, queries, watches and deletes records through it; the CLI does the
//! same with no change; evolution refuses breaks and keeps old records readable; per-type
//! roles; org isolation; no plaintext on disk; bad schemas and records refused precisely;
//! deleting a module removes its services and its data; everything survives a restart.

use std::collections::{BTreeMap, HashSet};
use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::{Duration, Instant};

use futures::StreamExt;
use orbit_proto::orbit::cdc::v1 as cdc;
use orbit_proto::orbit::cdc::v1::view_service_client::ViewServiceClient;
use orbit_proto::orbit::system::v1 as sys;
use orbit_proto::orbit::user::v1 as pb;
use orbit_proto::orbit::user::v1::user_module_service_client::UserModuleServiceClient;
use prost::Message as _;
use prost_reflect::{DescriptorPool, DynamicMessage, MethodDescriptor};
use serde_json::json;
use tonic::Code;
use tonic::transport::Channel;
use tonic_reflection::pb::v1::ServerReflectionRequest;
use tonic_reflection::pb::v1::server_reflection_client::ServerReflectionClient;
use tonic_reflection::pb::v1::server_reflection_request::MessageRequest;
use tonic_reflection::pb::v1::server_reflection_response::MessageResponse;

use crate::common::tenant::{add_member, bearer, create_org, create_project, sign_up};
use crate::common::{PATIENCE, Server, TestDir, run};

const CONTACT_SERVICE: &str = "orbit.user.acme.crm.v1.ContactService";
const MARKER: &str = "Zebediah-Quixote-7731";

/// Version 1 of the test schema: `Contact` (indexed name, email and stage, ordered score)
/// and `Secret` (project-admins read, org-admins write).
const CRM: &str = r#"syntax = "proto3";
package orbit.user.acme.crm.v1;
import "orbit/user/v1/options.proto";

enum Stage {
  STAGE_UNSPECIFIED = 0;
  STAGE_LEAD = 1;
  STAGE_WON = 2;
}

// A person we talk to.
message Contact {
  option (orbit.user.v1.entity) = { label: "Contacts" };
  string id = 1;
  string name = 2 [(orbit.user.v1.field) = { required: true, indexed: true }];
  string email = 3 [(orbit.user.v1.field) = { indexed: true }];
  int32 score = 4 [(orbit.user.v1.field) = { ordered: true }];
  Stage stage = 5 [(orbit.user.v1.field) = { indexed: true }];
}

// Something only admins see.
message Secret {
  option (orbit.user.v1.entity) = { read: ROLE_PROJECT_ADMIN, write: ROLE_ORG_ADMIN };
  string id = 1;
  string text = 2;
}
"#;

fn files(source: &str) -> Vec<pb::SchemaFile> {
    vec![pb::SchemaFile {
        name: "crm.proto".into(),
        content: source.into(),
    }]
}

/// A running server with an org "Acme" (owner = org-admin), its project, and module "crm".
struct Fixture {
    dir: TestDir,
    server: Server,
    channel: Channel,
    owner: String,
    org: String,
    project: String,
}

impl Fixture {
    async fn start() -> Fixture {
        let dir = TestDir::new();
        let server = Server::start(dir.serve()).await;
        let channel = server.channel().await;
        sign_up(&channel, "root@example.org").await;
        let owner = sign_up(&channel, "owner@example.org").await;
        let org = create_org(&channel, &owner, "Acme").await;
        let project = create_project(&channel, &owner, &org, "Sales").await;
        Fixture {
            dir,
            server,
            channel,
            owner,
            org,
            project,
        }
    }

    fn admin(&self) -> UserModuleServiceClient<Channel> {
        UserModuleServiceClient::new(self.channel.clone()).max_decoding_message_size(64 << 20)
    }

    async fn create_module(&self) -> pb::UserModule {
        self.admin()
            .create_module(bearer(
                pb::CreateModuleRequest {
                    org_id: self.org.clone(),
                    name: "crm".into(),
                    description: "Customers".into(),
                },
                &self.owner,
            ))
            .await
            .expect("create module")
            .into_inner()
            .module
            .unwrap()
    }

    async fn upload(&self, source: &str) -> Result<pb::UploadSchemaResponse, tonic::Status> {
        self.admin()
            .upload_schema(bearer(
                pb::UploadSchemaRequest {
                    org_id: self.org.clone(),
                    name: "crm".into(),
                    files: files(source),
                    descriptor_set: Vec::new(),
                    validate_only: false,
                },
                &self.owner,
            ))
            .await
            .map(tonic::Response::into_inner)
    }

    /// Calls `ContactService.<method>` as `token` (the client learned it into `pool`).
    async fn contacts(
        &self,
        pool: &DescriptorPool,
        method: &str,
        request: serde_json::Value,
        token: &str,
    ) -> Result<serde_json::Value, tonic::Status> {
        call(&self.channel, pool, CONTACT_SERVICE, method, request, token).await
    }

    /// Module "crm" with the test schema.
    async fn with_crm() -> Fixture {
        let fixture = Fixture::start().await;
        let module = fixture.create_module().await;
        assert_eq!(module.package, "");
        assert_eq!(module.namespace, "acme");
        let uploaded = fixture.upload(CRM).await.expect("upload");
        assert!(uploaded.applied);
        assert_eq!(uploaded.module.as_ref().unwrap().version, 1);
        fixture
    }
}

/// A client that knows nothing of Orbit: the pool of everything `service` needs, fetched by
/// server reflection (the file defining it, then each dependency by name).
async fn reflected(channel: &Channel, service: &str, token: &str) -> DescriptorPool {
    let client = ServerReflectionClient::new(channel.clone());
    let ask = |request: MessageRequest| {
        let mut client = client.clone();
        async move {
            let mut answers = client
                .server_reflection_info(bearer(
                    tokio_stream::iter([ServerReflectionRequest {
                        host: String::new(),
                        message_request: Some(request),
                    }]),
                    token,
                ))
                .await
                .expect("reflection")
                .into_inner();
            answers
                .next()
                .await
                .expect("an answer")
                .expect("reflection answer")
                .message_response
                .expect("a response")
        }
    };
    let listed = match ask(MessageRequest::ListServices(String::new())).await {
        MessageResponse::ListServicesResponse(list) => list.service,
        other => panic!("{other:?}"),
    };
    assert!(
        listed.iter().any(|s| s.name == service),
        "reflection lists {service}: {listed:?}"
    );
    let mut files: BTreeMap<String, prost_types::FileDescriptorProto> = BTreeMap::new();
    let mut wanted = vec![MessageRequest::FileContainingSymbol(service.into())];
    while let Some(request) = wanted.pop() {
        let MessageResponse::FileDescriptorResponse(found) = ask(request).await else {
            panic!("no file");
        };
        for bytes in found.file_descriptor_proto {
            let file = prost_types::FileDescriptorProto::decode(bytes.as_slice()).unwrap();
            for dependency in &file.dependency {
                if !files.contains_key(dependency) {
                    wanted.push(MessageRequest::FileByFilename(dependency.clone()));
                }
            }
            files.insert(file.name().to_owned(), file);
        }
    }
    // Dependencies first.
    let mut ordered = Vec::new();
    let mut done = HashSet::new();
    fn visit(
        name: &str,
        files: &BTreeMap<String, prost_types::FileDescriptorProto>,
        done: &mut HashSet<String>,
        out: &mut Vec<prost_types::FileDescriptorProto>,
    ) {
        if !done.insert(name.to_owned()) {
            return;
        }
        let file = &files[name];
        for dependency in &file.dependency {
            visit(dependency, files, done, out);
        }
        out.push(file.clone());
    }
    for name in files.keys() {
        visit(name, &files, &mut done, &mut ordered);
    }
    DescriptorPool::from_file_descriptor_set(prost_types::FileDescriptorSet { file: ordered })
        .expect("the reflected files make a pool")
}

/// The services server reflection lists to `token`'s holder (or to anyone, without).
async fn listed_services(channel: &Channel, token: Option<&str>) -> Vec<String> {
    let question = tokio_stream::iter([ServerReflectionRequest {
        host: String::new(),
        message_request: Some(MessageRequest::ListServices(String::new())),
    }]);
    let request = match token {
        Some(token) => bearer(question, token),
        None => tonic::Request::new(question),
    };
    let mut answers = ServerReflectionClient::new(channel.clone())
        .server_reflection_info(request)
        .await
        .unwrap()
        .into_inner();
    let Some(MessageResponse::ListServicesResponse(list)) =
        answers.next().await.unwrap().unwrap().message_response
    else {
        panic!("no list");
    };
    list.service.into_iter().map(|s| s.name).collect()
}

/// Calls `method` of `service` with a request given as proto3 JSON.
async fn call(
    channel: &Channel,
    pool: &DescriptorPool,
    service: &str,
    method: &str,
    request: serde_json::Value,
    token: &str,
) -> Result<serde_json::Value, tonic::Status> {
    let method = method_of(pool, service, method);
    let message = DynamicMessage::deserialize(method.input(), request).expect("request JSON");
    let mut grpc = tonic::client::Grpc::new(channel.clone());
    grpc.ready().await.unwrap();
    let path = format!("/{service}/{}", method.name()).parse().unwrap();
    let answer = grpc
        .unary(
            bearer(message, token),
            path,
            orbit_proto::dynamic::DynamicCodec::for_answers(method.output()),
        )
        .await?
        .into_inner();
    Ok(serde_json::to_value(&answer).unwrap())
}

/// A protobuf `Value` as JSON.
fn struct_value(value: Option<&prost_types::Value>) -> serde_json::Value {
    use prost_types::value::Kind;
    match value.and_then(|v| v.kind.as_ref()) {
        Some(Kind::StringValue(s)) => json!(s),
        Some(Kind::NumberValue(n)) => json!(n),
        Some(Kind::BoolValue(b)) => json!(b),
        other => json!(format!("{other:?}")),
    }
}

/// Records in a List or Query answer (an empty list is left out of proto3 JSON).
fn count(answer: &serde_json::Value) -> usize {
    answer["records"].as_array().map_or(0, Vec::len)
}

/// How the auth layer refuses: PERMISSION_DENIED, or NOT_FOUND for a scope the caller may
/// not know exists.
fn denied(status: &tonic::Status) -> bool {
    status.code() == Code::PermissionDenied
        || (status.code() == Code::NotFound && status.message().ends_with("not found"))
}

fn method_of(pool: &DescriptorPool, service: &str, method: &str) -> MethodDescriptor {
    pool.get_service_by_name(service)
        .unwrap_or_else(|| panic!("no service {service}"))
        .methods()
        .find(|m| m.name() == method)
        .unwrap_or_else(|| panic!("no method {method}"))
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reflected_client_uses_an_uploaded_type_end_to_end() {
    let f = Fixture::with_crm().await;
    let pool = reflected(&f.channel, CONTACT_SERVICE, &f.owner).await;
    let c = |method: &'static str, request: serde_json::Value| {
        let (channel, pool, owner) = (f.channel.clone(), pool.clone(), f.owner.clone());
        async move { call(&channel, &pool, CONTACT_SERVICE, method, request, &owner).await }
    };
    // A watch opened first sees what follows.
    let watch_method = method_of(&pool, CONTACT_SERVICE, "Watch");
    let mut grpc = tonic::client::Grpc::new(f.channel.clone());
    grpc.ready().await.unwrap();
    let watch_request =
        DynamicMessage::deserialize(watch_method.input(), json!({"projectId": f.project})).unwrap();
    let mut events = grpc
        .server_streaming(
            bearer(watch_request, &f.owner),
            format!("/{CONTACT_SERVICE}/Watch").parse().unwrap(),
            orbit_proto::dynamic::DynamicCodec::for_answers(watch_method.output()),
        )
        .await
        .expect("watch")
        .into_inner();

    // A materialised view over the type's fields: contacts per stage, with their score sum.
    ViewServiceClient::new(f.channel.clone())
        .create_view(bearer(
            cdc::CreateViewRequest {
                project_id: f.project.clone(),
                declaration: Some(cdc::ViewDeclaration {
                    name: "by_stage".into(),
                    module: "user.acme.crm".into(),
                    entity: "contact".into(),
                    group_by: "stage".into(),
                    aggregates: vec![
                        cdc::Aggregate {
                            name: "contacts".into(),
                            function: cdc::AggregateFunction::Count as i32,
                            field: String::new(),
                        },
                        cdc::Aggregate {
                            name: "score".into(),
                            function: cdc::AggregateFunction::Sum as i32,
                            field: "score".into(),
                        },
                    ],
                }),
            },
            &f.owner,
        ))
        .await
        .expect("a view over a user module's type");
    let ada = c(
        "Create",
        json!({"projectId": f.project, "contact": {"name": "Ada", "email": "ada@example.org", "score": 7, "stage": "STAGE_LEAD"}}),
    )
    .await
    .expect("create");
    let ada_id = ada["contact"]["id"].as_str().unwrap().to_owned();
    assert!(!ada_id.is_empty(), "an id is given: {ada}");
    for (name, score, stage) in [("Bob", 3, "STAGE_WON"), (MARKER, 9, "STAGE_LEAD")] {
        c(
            "Create",
            json!({"projectId": f.project, "contact": {"name": name, "email": format!("{name}@example.org"), "score": score, "stage": stage}}),
        )
        .await
        .expect("create");
    }
    let got = c("Get", json!({"projectId": f.project, "id": ada_id}))
        .await
        .unwrap();
    assert_eq!(got["contact"]["name"], "Ada");
    let version = got["version"].as_str().unwrap().to_owned();
    // Update with the version read; a stale version is refused.
    let updated = c(
        "Update",
        json!({"projectId": f.project, "contact": {"id": ada_id, "name": "Ada Lovelace", "email": "ada@example.org", "score": 8, "stage": "STAGE_WON"}, "expectVersion": version}),
    )
    .await
    .expect("update");
    assert_eq!(updated["contact"]["name"], "Ada Lovelace");
    let stale = c(
        "Update",
        json!({"projectId": f.project, "contact": {"id": ada_id, "name": "Nope"}, "expectVersion": version}),
    )
    .await
    .unwrap_err();
    assert_eq!(stale.code(), Code::Aborted, "{stale:?}");
    // Query by an indexed field (through its blind index), ordered by an ordered field.
    let won = c(
        "Query",
        json!({"projectId": f.project, "equals": {"stage": "STAGE_WON"}, "orderBy": "score"}),
    )
    .await
    .unwrap();
    let names: Vec<&str> = won["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["contact"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Bob", "Ada Lovelace"]);
    let by_name = c(
        "Query",
        json!({"projectId": f.project, "equals": {"name": "Ada"}}),
    )
    .await
    .unwrap();
    assert_eq!(
        count(&by_name),
        0,
        "the old value left the index: {by_name}"
    );
    let not_indexed = c(
        "Query",
        json!({"projectId": f.project, "equals": {"score": "8"}}),
    )
    .await
    .unwrap_err();
    assert_eq!(not_indexed.code(), Code::InvalidArgument);
    assert!(
        not_indexed.message().contains("not an indexed field"),
        "{not_indexed:?}"
    );
    // List pages in id order.
    let first = c("List", json!({"projectId": f.project, "pageSize": 2}))
        .await
        .unwrap();
    assert_eq!(first["records"].as_array().unwrap().len(), 2);
    let token = first["nextPageToken"].as_str().unwrap();
    let rest = c(
        "List",
        json!({"projectId": f.project, "pageSize": 2, "pageToken": token}),
    )
    .await
    .unwrap();
    assert_eq!(rest["records"].as_array().unwrap().len(), 1);
    // Delete.
    let deleted = c("Delete", json!({"projectId": f.project, "id": ada_id}))
        .await
        .unwrap();
    assert_eq!(deleted["deleted"], true);
    let gone = c("Get", json!({"projectId": f.project, "id": ada_id}))
        .await
        .unwrap_err();
    assert_eq!(gone.code(), Code::NotFound);
    // The watch saw 3 creates, 1 update and the delete, in order.
    let mut seen = Vec::new();
    let deadline = Instant::now() + PATIENCE;
    while seen.len() < 5 {
        let event = tokio::time::timeout_at(deadline.into(), events.next())
            .await
            .expect("events in time")
            .expect("the watch goes on")
            .expect("an event");
        let event = serde_json::to_value(&event).unwrap();
        if event["heartbeat"] == true {
            continue;
        }
        seen.push(if event["deleted"] == true {
            "deleted".to_owned()
        } else {
            event["record"]["contact"]["name"]
                .as_str()
                .unwrap()
                .to_owned()
        });
    }
    assert_eq!(seen, ["Ada", "Bob", MARKER, "Ada Lovelace", "deleted"]);
    // The view folded them: Bob is the one won contact left (Ada was deleted), the marker
    // a lead.
    let deadline = Instant::now() + PATIENCE;
    loop {
        let rows = ViewServiceClient::new(f.channel.clone())
            .query_view(bearer(
                cdc::QueryViewRequest {
                    project_id: f.project.clone(),
                    name: "by_stage".into(),
                    page_size: 100,
                    page_token: String::new(),
                },
                &f.owner,
            ))
            .await
            .expect("query view")
            .into_inner()
            .rows;
        let folded: BTreeMap<String, String> = rows
            .iter()
            .map(|row| {
                (
                    serde_json::to_string(&struct_value(row.group.as_ref())).unwrap(),
                    serde_json::to_string(&row.values.as_ref().map(|v| {
                        v.fields
                            .iter()
                            .map(|(k, v)| (k.clone(), struct_value(Some(v))))
                            .collect::<BTreeMap<_, _>>()
                    }))
                    .unwrap(),
                )
            })
            .collect();
        let expected: BTreeMap<String, String> = [
            ("\"STAGE_LEAD\"", r#"{"contacts":1.0,"score":9.0}"#),
            ("\"STAGE_WON\"", r#"{"contacts":1.0,"score":3.0}"#),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
        if folded == expected {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the view never folded: {folded:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // Nothing of the marker is on disk in plaintext, in any file.
    for entry in std::fs::read_dir(f.dir.data()).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            let bytes = std::fs::read(&path).unwrap();
            assert!(
                !bytes.windows(MARKER.len()).any(|w| w == MARKER.as_bytes()),
                "{} holds a record's plaintext",
                path.display()
            );
        }
    }
    assert!(
        f.dir.data().join("user.acme.crm.db").exists(),
        "the module has its own database file"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn records_and_schemas_are_checked_precisely_and_others_keep_serving() {
    let f = Fixture::with_crm().await;
    let pool = reflected(&f.channel, CONTACT_SERVICE, &f.owner).await;
    // A record without its required name; an unknown field; a wrong type; an oversized value.
    let missing = f
        .contacts(
            &pool,
            "Create",
            json!({"projectId": f.project, "contact": {"email": "x@example.org"}}),
            &f.owner,
        )
        .await
        .unwrap_err();
    assert_eq!(missing.code(), Code::InvalidArgument);
    assert_eq!(missing.message(), "invalid contact.name: is required");
    let method = method_of(&pool, CONTACT_SERVICE, "Create");
    let raw = |bytes: Vec<u8>| {
        let channel = f.channel.clone();
        let owner = f.owner.clone();
        async move {
            let mut grpc = tonic::client::Grpc::new(channel);
            grpc.ready().await.unwrap();
            grpc.unary(
                bearer(bytes::Bytes::from(bytes), &owner),
                format!("/{CONTACT_SERVICE}/Create").parse().unwrap(),
                RawCodec,
            )
            .await
            .unwrap_err()
        }
    };
    let mut request = DynamicMessage::deserialize(
        method.input(),
        json!({"projectId": f.project, "contact": {"name": "Eve"}}),
    )
    .unwrap();
    let mut bytes = request.encode_to_vec();
    // Field 99, varint 1: not in the schema.
    bytes.extend_from_slice(&[0x98, 0x06, 0x01]);
    let unknown = raw(bytes).await;
    assert_eq!(unknown.code(), Code::InvalidArgument);
    assert!(unknown.message().contains("field number 99"), "{unknown:?}");
    // project_id (field 1, a string) sent as a varint.
    let wrong = raw(vec![0x08, 0x05]).await;
    assert_eq!(wrong.code(), Code::InvalidArgument);
    assert!(
        wrong.message().contains("malformed request") || wrong.message().contains("not a valid"),
        "{wrong:?}"
    );
    request
        .get_field_by_name_mut("contact")
        .unwrap()
        .as_message_mut()
        .unwrap()
        .set_field_by_name("email", prost_reflect::Value::String("e".repeat(1_500_000)));
    let big = f
        .contacts(
            &pool,
            "Create",
            serde_json::to_value(&request).unwrap(),
            &f.owner,
        )
        .await
        .unwrap_err();
    assert_eq!(big.code(), Code::InvalidArgument, "{big:?}");
    assert!(big.message().contains("at most 1048576"), "{big:?}");

    // Schemas that do not compile, import unknown files, leave the namespace, shadow Orbit,
    // have 10,000 fields, nest too deep, or weigh megabytes: each refused, precisely.
    let fields: String = (1..=10_000)
        .map(|n| format!("  string f{n} = {n};\n"))
        .collect();
    let deep: String = (0..60)
        .map(|n| format!("message D{n} {{ D{} next = 1; }}\n", n + 1))
        .collect::<String>()
        + "message D60 { string leaf = 1; }\n";
    let cases: Vec<(String, &str)> = vec![
        (
            CRM.replace("int32 score = 4", "int32 score = "),
            "crm.proto:17:18:",
        ),
        (
            CRM.replace(
                "import \"orbit/user/v1/options.proto\";",
                "import \"orbit/user/v1/options.proto\";\nimport \"missing.proto\";",
            ),
            "missing.proto",
        ),
        (
            CRM.replace("orbit.user.acme.crm.v1", "orbit.system.v1"),
            "outside the module's namespace",
        ),
        (
            format!("{CRM}\nmessage ContactRecord {{}}\n"),
            "clashes with a name Orbit generates",
        ),
        (
            format!("{CRM}\nmessage Wide {{\n{fields}}}\n"),
            "10000 fields; at most 500",
        ),
        (format!("{CRM}\n{deep}"), "levels deep; at most 32"),
        (
            format!("{CRM}\n// {}\n", "x".repeat(3 << 20)),
            "at most 1048576 (1 MiB)",
        ),
        (
            format!("{CRM}\n// {}\n", "x".repeat(6 << 20)),
            "larger than 4 MiB",
        ),
    ];
    for (source, needle) in cases {
        let refused = f.upload(&source).await.unwrap_err();
        assert_eq!(
            refused.code(),
            Code::InvalidArgument,
            "{needle}: {refused:?}"
        );
        assert!(
            refused.message().contains(needle),
            "{needle}: {}",
            refused.message()
        );
    }
    // validate_only answers with the place of each error, and applies nothing.
    let checked = f
        .admin()
        .upload_schema(bearer(
            pb::UploadSchemaRequest {
                org_id: f.org.clone(),
                name: "crm".into(),
                files: files(&CRM.replace("int32 score = 4", "int32 score = ")),
                descriptor_set: Vec::new(),
                validate_only: true,
            },
            &f.owner,
        ))
        .await
        .unwrap()
        .into_inner();
    assert!(!checked.applied);
    assert_eq!(checked.errors.len(), 1);
    assert_eq!(
        (checked.errors[0].file.as_str(), checked.errors[0].line),
        ("crm.proto", 17)
    );
    assert_eq!(checked.module.unwrap().version, 1);
    // The module kept serving through all of it.
    let listed = f
        .contacts(&pool, "List", json!({"projectId": f.project}), &f.owner)
        .await
        .expect("still serving");
    assert_eq!(count(&listed), 0, "{listed}");
}

/// A codec sending raw bytes as the request and expecting nothing back (for malformed
/// requests).
#[derive(Debug, Clone, Copy)]
struct RawCodec;

impl tonic::codec::Codec for RawCodec {
    type Encode = bytes::Bytes;
    type Decode = ();
    type Encoder = RawCodec;
    type Decoder = RawCodec;

    fn encoder(&mut self) -> Self::Encoder {
        *self
    }

    fn decoder(&mut self) -> Self::Decoder {
        *self
    }
}

impl tonic::codec::Encoder for RawCodec {
    type Item = bytes::Bytes;
    type Error = tonic::Status;

    fn encode(
        &mut self,
        item: bytes::Bytes,
        dst: &mut tonic::codec::EncodeBuf<'_>,
    ) -> Result<(), tonic::Status> {
        use bytes::BufMut;
        dst.put(item);
        Ok(())
    }
}

impl tonic::codec::Decoder for RawCodec {
    type Item = ();
    type Error = tonic::Status;

    fn decode(
        &mut self,
        _src: &mut tonic::codec::DecodeBuf<'_>,
    ) -> Result<Option<()>, tonic::Status> {
        Ok(Some(()))
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn evolution_refuses_breaks_keeps_old_records_and_survives_a_restart() {
    let mut f = Fixture::with_crm().await;
    let pool = reflected(&f.channel, CONTACT_SERVICE, &f.owner).await;
    let created = f.contacts(
        &pool,
        "Create",
        json!({"projectId": f.project, "contact": {"name": "Old", "email": "old@example.org", "score": 1}}),
        &f.owner,
    )
    .await
    .unwrap();
    let id = created["contact"]["id"].as_str().unwrap().to_owned();
    // Retyping and removing fields breaks; the answer lists each break.
    let broken = CRM.replace("int32 score = 4", "string score = 4").replace(
        "  string email = 3 [(orbit.user.v1.field) = { indexed: true }];\n",
        "",
    );
    let refused = f.upload(&broken).await.unwrap_err();
    assert_eq!(refused.code(), Code::FailedPrecondition, "{refused:?}");
    assert!(
        refused.message().contains("score") && refused.message().contains("changed type"),
        "{}",
        refused.message()
    );
    assert!(
        refused.message().contains("email") && refused.message().contains("removed"),
        "{}",
        refused.message()
    );
    // Renaming a field (same number) and adding one is compatible; `score` becomes indexed.
    let evolved = CRM
        .replace("string email = 3", "string mail = 3")
        .replace(
            "int32 score = 4 [(orbit.user.v1.field) = { ordered: true }];",
            "int32 score = 4 [(orbit.user.v1.field) = { ordered: true, indexed: true }];\n  string phone = 6;",
        );
    let accepted = f.upload(&evolved).await.expect("compatible");
    assert_eq!(accepted.module.unwrap().version, 2);
    assert!(
        accepted
            .changes
            .iter()
            .any(|c| c.contains("added field") && c.contains("phone")),
        "{:?}",
        accepted.changes
    );
    let pool = reflected(&f.channel, CONTACT_SERVICE, &f.owner).await;
    let old = f
        .contacts(
            &pool,
            "Get",
            json!({"projectId": f.project, "id": id}),
            &f.owner,
        )
        .await
        .unwrap();
    assert_eq!(
        old["contact"]["mail"], "old@example.org",
        "the renamed field kept its data"
    );
    // The newly indexed field found the record stored before it was indexed.
    let by_score = f
        .contacts(
            &pool,
            "Query",
            json!({"projectId": f.project, "equals": {"score": "1"}}),
            &f.owner,
        )
        .await
        .unwrap();
    assert_eq!(
        by_score["records"].as_array().unwrap().len(),
        1,
        "{by_score}"
    );
    // A restart serves the module and its records again, from the stored definition.
    f.server.stop("TERM").await;
    f.server = Server::start(f.dir.serve()).await;
    f.channel = f.server.channel().await;
    let pool = reflected(&f.channel, CONTACT_SERVICE, &f.owner).await;
    let again = f
        .contacts(
            &pool,
            "Get",
            json!({"projectId": f.project, "id": id}),
            &f.owner,
        )
        .await
        .unwrap();
    assert_eq!(again["contact"]["name"], "Old");
    let module = f
        .admin()
        .get_module(bearer(
            pb::GetModuleRequest {
                org_id: f.org.clone(),
                name: "crm".into(),
            },
            &f.owner,
        ))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(module.versions.len(), 2);
    assert_eq!(module.versions[0].files[0].content, CRM);
}

#[tokio::test(flavor = "multi_thread")]
async fn roles_per_type_and_orgs_are_enforced() {
    let f = Fixture::with_crm().await;
    let pool = reflected(&f.channel, CONTACT_SERVICE, &f.owner).await;
    let secret_service = "orbit.user.acme.crm.v1.SecretService";
    // A project-user and a project-admin of Acme's project.
    let user = sign_up(&f.channel, "user@example.org").await;
    add_member(
        &f.channel,
        &f.owner,
        &f.project,
        "user@example.org",
        &user,
        sys::Role::ProjectUser,
    )
    .await;
    let padmin = sign_up(&f.channel, "padmin@example.org").await;
    add_member(
        &f.channel,
        &f.owner,
        &f.project,
        "padmin@example.org",
        &padmin,
        sys::Role::ProjectAdmin,
    )
    .await;
    let secret = |method: &'static str, request: serde_json::Value, token: String| {
        let (channel, pool) = (f.channel.clone(), pool.clone());
        async move { call(&channel, &pool, secret_service, method, request, &token).await }
    };
    let list = json!({"projectId": f.project});
    let create = json!({"projectId": f.project, "secret": {"text": "s"}});
    // role × RPC: (token, may list, may create)
    for (who, token, lists, creates) in [
        ("project-user", user.clone(), false, false),
        ("project-admin", padmin.clone(), true, false),
        ("org-admin", f.owner.clone(), true, true),
    ] {
        let listed = secret("List", list.clone(), token.clone()).await;
        assert_eq!(listed.is_ok(), lists, "{who} lists secrets: {listed:?}");
        if let Err(status) = listed {
            assert!(denied(&status), "{who}: {status:?}");
        }
        let created = secret("Create", create.clone(), token.clone()).await;
        assert_eq!(
            created.is_ok(),
            creates,
            "{who} creates secrets: {created:?}"
        );
    }
    // Contacts need only project-user.
    f.contacts(
        &pool,
        "Create",
        json!({"projectId": f.project, "contact": {"name": "By user"}}),
        &user,
    )
    .await
    .expect("a project-user writes contacts");
    // Another org: its admin, in its own project, finds no such service (NotFound), and in
    // Acme's project is not a member (PermissionDenied).
    let other = sign_up(&f.channel, "other@example.org").await;
    let other_org = create_org(&f.channel, &other, "Globex").await;
    let other_project = create_project(&f.channel, &other, &other_org, "Theirs").await;
    let there = f
        .contacts(
            &pool,
            "Create",
            json!({"projectId": other_project, "contact": {"name": "Intruder"}}),
            &other,
        )
        .await
        .unwrap_err();
    assert_eq!(there.code(), Code::NotFound, "{there:?}");
    let listed = f
        .contacts(&pool, "List", json!({"projectId": other_project}), &other)
        .await
        .unwrap_err();
    assert_eq!(listed.code(), Code::NotFound, "{listed:?}");
    let here = f
        .contacts(&pool, "List", json!({"projectId": f.project}), &other)
        .await
        .unwrap_err();
    assert!(denied(&here), "{here:?}");
    // Reflection describes Acme's services to Acme's people only.
    for (who, token, sees) in [
        ("anyone", None, false),
        ("Globex's admin", Some(other.as_str()), false),
        ("Acme's project-user", Some(user.as_str()), true),
    ] {
        let listed = listed_services(&f.channel, token).await;
        assert_eq!(
            listed.iter().any(|s| s == CONTACT_SERVICE),
            sees,
            "{who}: {listed:?}"
        );
    }
    // Globex's admin cannot see or manage Acme's modules either.
    let modules = f
        .admin()
        .list_modules(bearer(
            pb::ListModulesRequest {
                org_id: f.org.clone(),
            },
            &other,
        ))
        .await
        .unwrap_err();
    assert!(denied(&modules), "{modules:?}");
    let theirs = f
        .admin()
        .list_project_modules(bearer(
            pb::ListProjectModulesRequest {
                project_id: other_project.clone(),
            },
            &other,
        ))
        .await
        .unwrap()
        .into_inner();
    assert!(theirs.modules.is_empty(), "{theirs:?}");
    // A project member sees Acme's module with its pages and descriptor set.
    let ours = f
        .admin()
        .list_project_modules(bearer(
            pb::ListProjectModulesRequest {
                project_id: f.project.clone(),
            },
            &user,
        ))
        .await
        .unwrap()
        .into_inner();
    let crm = &ours.modules[0];
    assert!(!crm.descriptor_set.is_empty());
    let routes: Vec<&str> = crm.pages.iter().map(|p| p.route.as_str()).collect();
    assert!(routes.contains(&"/p/:project/u/crm/contact"), "{routes:?}");
    assert!(
        routes.contains(&"/p/:project/u/crm/contact/new"),
        "{routes:?}"
    );
    let list_page = crm
        .pages
        .iter()
        .find(|p| p.route == "/p/:project/u/crm/contact")
        .unwrap();
    assert_eq!(list_page.title, "Contacts");
    assert!(
        list_page
            .watch
            .as_ref()
            .unwrap()
            .method
            .ends_with("ContactService/Watch")
    );
    serde_json::from_str::<serde_json::Value>(&list_page.card).expect("the card is JSON");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_cli_creates_queries_and_watches_a_type_it_was_not_built_with() {
    let f = Fixture::with_crm().await;
    let orbit = |args: &[&str]| {
        let mut command = f.dir.orbit();
        command
            .env("ORBIT_CONFIG_HOME", f.dir.path().join("config"))
            .args(args)
            .args([
                "--server",
                &f.server.url(),
                "--token",
                &f.owner,
                "--output",
                "json",
            ]);
        command
    };
    // The watch first, printing one JSON object per line.
    let mut watch = orbit(&["contact", "watch", "--project-id", &f.project]);
    watch.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut watching = watch.spawn().expect("orbit contact watch");
    let (lines, received) = std::sync::mpsc::channel::<String>();
    let stdout = watching.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    let help = run(orbit(&["contact", "create", "--help"]));
    let help_text = String::from_utf8_lossy(&help.stdout);
    assert!(help_text.contains("Creates a Contact"), "{help_text}");
    assert!(help_text.contains("--contact.name"), "{help_text}");
    // Created through the CLI, until the watch (which may still be starting) reports it.
    let deadline = Instant::now() + PATIENCE;
    let mut created = 0;
    let seen = 'seen: loop {
        let output = run(orbit(&[
            "contact",
            "create",
            "--project-id",
            &f.project,
            "--contact.name",
            "Grace",
            "--contact.score",
            "5",
            "--contact.stage",
            "STAGE_WON",
        ]));
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        created += 1;
        let until = Instant::now() + Duration::from_secs(5);
        while let Ok(line) = received.recv_timeout(until.saturating_duration_since(Instant::now()))
        {
            if line.contains("Grace") {
                break 'seen line;
            }
        }
        assert!(
            Instant::now() < deadline,
            "the watch never printed the new contact"
        );
    };
    assert!(seen.contains("\"seq\""), "{seen}");
    watching.kill().ok();
    let _ = watching.wait();
    let output = run(orbit(&[
        "contact",
        "query",
        "--project-id",
        &f.project,
        "--equals",
        "stage=STAGE_WON",
    ]));
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let answer: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        answer["records"].as_array().unwrap().len(),
        created,
        "{answer}"
    );
    assert_eq!(answer["records"][0]["contact"]["name"], "Grace");
}

#[tokio::test(flavor = "multi_thread")]
async fn deleting_a_module_removes_its_services_and_its_data() {
    let f = Fixture::with_crm().await;
    let pool = reflected(&f.channel, CONTACT_SERVICE, &f.owner).await;
    f.contacts(
        &pool,
        "Create",
        json!({"projectId": f.project, "contact": {"name": "Doomed"}}),
        &f.owner,
    )
    .await
    .unwrap();
    let delete = |confirm: &str| {
        let admin = f.admin();
        let request = bearer(
            pb::DeleteModuleRequest {
                org_id: f.org.clone(),
                name: "crm".into(),
                confirm: confirm.into(),
            },
            &f.owner,
        );
        async move {
            let mut admin = admin;
            admin.delete_module(request).await
        }
    };
    let unconfirmed = delete("yes").await.unwrap_err();
    assert_eq!(unconfirmed.code(), Code::InvalidArgument);
    assert!(unconfirmed.message().contains("confirm"), "{unconfirmed:?}");
    let erased = delete("crm").await.expect("delete").into_inner();
    assert_eq!(erased.erased, 1);
    // Gone from reflection (even for its org's admin), and calls find nothing.
    let list = listed_services(&f.channel, Some(&f.owner)).await;
    assert!(
        !list.iter().any(|s| s.starts_with("orbit.user.acme.")),
        "{list:?}"
    );
    let gone = f
        .contacts(&pool, "List", json!({"projectId": f.project}), &f.owner)
        .await
        .unwrap_err();
    assert!(
        matches!(gone.code(), Code::Unimplemented | Code::PermissionDenied),
        "{gone:?}"
    );
    // Created again with the same schema, it starts empty.
    f.create_module().await;
    f.upload(CRM).await.expect("upload again");
    let listed = f
        .contacts(&pool, "List", json!({"projectId": f.project}), &f.owner)
        .await
        .unwrap();
    assert_eq!(count(&listed), 0, "{listed}");
}
