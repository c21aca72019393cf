//! User-module benchmark (a `--bench` binary), on a release `orbit serve`:
//!
//! 1. Create and get: `ContactService.Create`/`Get` of an uploaded module against
//!    `RecordService.PutRecord`/`GetRecord` (the compiled-in records module) with the same
//!    fields, the same concurrency, on the same server, in the same run (goal ≥ 0.7×).
//! 2. Upload to callable: a schema of 20 messages (5 record types, 15 plain types) is
//!    uploaded to a new module; the time from sending `UploadSchema` until a `Create` on one of
//!    its services succeeds (goal < 200 ms).
//! 3. 100 user modules loaded: the server is restarted with none, then with 100 (2 record
//!    types each); start-up time (spawn to healthy) and resident memory of each.
//!
//! Run: `cargo bench --bench usermod` (optionally `-- --records 5000 --in-flight 32`).

mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{arg, bearer, percentile, rss_mib, start_at, tenant};
use futures::StreamExt;
use orbit_proto::dynamic::DynamicCodec;
use orbit_proto::orbit::system::v1 as pb;
use orbit_proto::orbit::system::v1::record_service_client::RecordServiceClient;
use orbit_proto::orbit::user::v1 as upb;
use orbit_proto::orbit::user::v1::user_module_service_client::UserModuleServiceClient;
use prost_reflect::{DescriptorPool, DynamicMessage, MethodDescriptor};
use serde_json::json;
use tonic::transport::Channel;

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

const CONTACT: &str = r#"syntax = "proto3";
package orbit.user.bench_org.crm.v1;
import "orbit/user/v1/options.proto";
message Contact {
  option (orbit.user.v1.entity) = {};
  string id = 1;
  string name = 2 [(orbit.user.v1.field) = { indexed: true }];
  string email = 3;
  int32 score = 4;
}
"#;

async fn upload(
    channel: &Channel,
    token: &str,
    org: &str,
    name: &str,
    source: &str,
) -> upb::UploadSchemaResponse {
    let mut admin = UserModuleServiceClient::new(channel.clone());
    admin
        .create_module(bearer(
            upb::CreateModuleRequest {
                org_id: org.into(),
                name: name.into(),
                description: String::new(),
            },
            token,
        ))
        .await
        .expect("create module");
    admin
        .upload_schema(bearer(
            upb::UploadSchemaRequest {
                org_id: org.into(),
                name: name.into(),
                files: vec![upb::SchemaFile {
                    name: format!("{name}.proto"),
                    content: source.into(),
                }],
                descriptor_set: Vec::new(),
                validate_only: false,
            },
            token,
        ))
        .await
        .expect("upload")
        .into_inner()
}

/// The pool of a module's services, from ListProjectModules.
async fn pool_of(channel: &Channel, token: &str, project: &str, name: &str) -> DescriptorPool {
    let modules = UserModuleServiceClient::new(channel.clone())
        .list_project_modules(bearer(
            upb::ListProjectModulesRequest {
                project_id: project.into(),
            },
            token,
        ))
        .await
        .expect("list")
        .into_inner();
    let module = modules.modules.iter().find(|m| m.name == name).unwrap();
    let mut pool = DescriptorPool::decode(orbit_proto::FILE_DESCRIPTOR_SET).unwrap();
    pool.decode_file_descriptor_set(module.descriptor_set.as_slice())
        .unwrap();
    pool
}

fn method(pool: &DescriptorPool, service: &str, name: &str) -> MethodDescriptor {
    pool.get_service_by_name(service)
        .unwrap()
        .methods()
        .find(|m| m.name() == name)
        .unwrap()
}

async fn dynamic_call(
    channel: &Channel,
    method: &MethodDescriptor,
    request: DynamicMessage,
    token: &str,
) -> Result<DynamicMessage, tonic::Status> {
    let mut grpc = tonic::client::Grpc::new(channel.clone());
    grpc.ready().await.unwrap();
    let path = format!("/{}/{}", method.parent_service().full_name(), method.name());
    grpc.unary(
        bearer(request, token),
        path.parse().unwrap(),
        DynamicCodec::for_answers(method.output()),
    )
    .await
    .map(tonic::Response::into_inner)
}

/// Runs `work(i)` for i in 0..n with `in_flight` at once; the calls per second.
async fn rate<F, Fut>(n: usize, in_flight: usize, work: F) -> f64
where
    F: Fn(usize) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let started = Instant::now();
    futures::stream::iter(0..n)
        .map(&work)
        .buffer_unordered(in_flight)
        .collect::<Vec<()>>()
        .await;
    n as f64 / started.elapsed().as_secs_f64()
}

/// A schema of 20 messages: 5 record types, each with 3 plain types of its own.
fn twenty_messages(package: &str) -> String {
    let mut source = format!(
        "syntax = \"proto3\";\npackage {package};\nimport \"orbit/user/v1/options.proto\";\n"
    );
    for e in 0..5 {
        source.push_str(&format!(
            "message Item{e} {{\n  option (orbit.user.v1.entity) = {{}};\n  string id = 1;\n  string title = 2 [(orbit.user.v1.field) = {{ indexed: true }}];\n  Part{e}a a = 3;\n  repeated Part{e}b b = 4;\n  map<string, Part{e}c> c = 5;\n  int64 amount = 6 [(orbit.user.v1.field) = {{ ordered: true }}];\n}}\n"
        ));
        for part in ["a", "b", "c"] {
            source.push_str(&format!(
                "message Part{e}{part} {{ string label = 1; double value = 2; bool done = 3; }}\n"
            ));
        }
    }
    source
}

async fn restart_measured(data: &std::path::Path) -> (Duration, u64, u64) {
    let started = Instant::now();
    let (orbit, _url) = start_at(data).await;
    let took = started.elapsed();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let pid = orbit.child.id();
    (took, rss_mib(pid, "VmRSS:"), rss_mib(pid, "RssAnon:"))
}

#[tokio::main]
async fn main() {
    let records = arg("--records", 5000.0) as usize;
    let in_flight = arg("--in-flight", 32.0) as usize;
    let modules = arg("--modules", 100.0) as usize;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (orbit, url) = start_at(&data).await;
    let channel = Channel::from_shared(url.clone())
        .unwrap()
        .connect()
        .await
        .unwrap();
    let (token, org, project) = tenant(&channel).await;
    let token = Arc::new(token);

    // 1. Create and get.
    let uploaded = upload(&channel, &token, &org, "crm", CONTACT).await;
    assert!(uploaded.applied, "{uploaded:?}");
    let pool = pool_of(&channel, &token, &project, "crm").await;
    let service = "orbit.user.bench_org.crm.v1.ContactService";
    let create = method(&pool, service, "Create");
    let get = method(&pool, service, "Get");
    let fields = |i: usize| json!({"name": format!("Person {i}"), "email": format!("p{i}@example.org"), "score": i});
    let mut rounds = Vec::new();
    for round in 0..2 {
        let offset = round * records;
        let base_put = rate(records, in_flight, |i| {
            let (channel, token, project) = (channel.clone(), token.clone(), project.clone());
            let data = fields(offset + i);
            async move {
                let data: prost_types::Struct =
                    serde_json::from_value::<serde_json::Map<_, _>>(data)
                        .map(|m| prost_types::Struct {
                            fields: m
                                .into_iter()
                                .map(|(k, v)| {
                                    let kind = match v {
                                        serde_json::Value::String(s) => {
                                            prost_types::value::Kind::StringValue(s)
                                        }
                                        serde_json::Value::Number(n) => {
                                            prost_types::value::Kind::NumberValue(
                                                n.as_f64().unwrap(),
                                            )
                                        }
                                        _ => prost_types::value::Kind::NullValue(0),
                                    };
                                    (k, prost_types::Value { kind: Some(kind) })
                                })
                                .collect(),
                        })
                        .unwrap();
                RecordServiceClient::new(channel)
                    .put_record(bearer(
                        pb::PutRecordRequest {
                            project_id: project,
                            entity: "contact".into(),
                            id: format!("r{}", offset + i),
                            data: Some(data),
                            expect_version: None,
                        },
                        &token,
                    ))
                    .await
                    .expect("put record");
            }
        })
        .await;
        let user_create = rate(records, in_flight, |i| {
            let (channel, token, project, create) = (
                channel.clone(),
                token.clone(),
                project.clone(),
                create.clone(),
            );
            let mut value = fields(offset + i);
            value["id"] = json!(format!("u{}", offset + i));
            async move {
                let request = DynamicMessage::deserialize(
                    create.input(),
                    json!({"projectId": project, "contact": value}),
                )
                .unwrap();
                dynamic_call(&channel, &create, request, &token)
                    .await
                    .expect("create");
            }
        })
        .await;
        let base_get = rate(records, in_flight, |i| {
            let (channel, token, project) = (channel.clone(), token.clone(), project.clone());
            async move {
                RecordServiceClient::new(channel)
                    .get_record(bearer(
                        pb::GetRecordRequest {
                            project_id: project,
                            entity: "contact".into(),
                            id: format!("r{}", offset + i),
                        },
                        &token,
                    ))
                    .await
                    .expect("get record");
            }
        })
        .await;
        let user_get = rate(records, in_flight, |i| {
            let (channel, token, project, get) =
                (channel.clone(), token.clone(), project.clone(), get.clone());
            async move {
                let request = DynamicMessage::deserialize(
                    get.input(),
                    json!({"projectId": project, "id": format!("u{}", offset + i)}),
                )
                .unwrap();
                dynamic_call(&channel, &get, request, &token)
                    .await
                    .expect("get");
            }
        })
        .await;
        println!(
            "round {round}: create {user_create:.0}/s vs PutRecord {base_put:.0}/s ({:.2}x); get {user_get:.0}/s vs GetRecord {base_get:.0}/s ({:.2}x)",
            user_create / base_put,
            user_get / base_get
        );
        rounds.push((user_create / base_put, user_get / base_get));
    }

    // 2. Upload to callable, schema of 20 messages.
    let mut times = Vec::new();
    for n in 0..10 {
        let name = format!("wide{n}");
        let package = format!("orbit.user.bench_org.{name}.v1");
        let source = twenty_messages(&package);
        let started = Instant::now();
        let uploaded = upload(&channel, &token, &org, &name, &source).await;
        assert!(uploaded.applied);
        let service = format!("{package}.Item0Service");
        // The client learns the new service the way the GUI does (ListProjectModules).
        let pool = pool_of(&channel, &token, &project, &name).await;
        let create = method(&pool, &service, "Create");
        let request = DynamicMessage::deserialize(
            create.input(),
            json!({"projectId": project, "item0": {"title": "first"}}),
        )
        .unwrap();
        dynamic_call(&channel, &create, request, &token)
            .await
            .expect("callable");
        times.push(started.elapsed());
    }
    times.sort();
    println!(
        "upload (20 messages) to first successful Create: p50 {:.1} ms, max {:.1} ms",
        ms(percentile(&times, 0.5)),
        ms(*times.last().unwrap())
    );
    drop(orbit);

    // 3. Start-up and memory with 0 and with `modules` user modules.
    let (start0, rss0, anon0) = restart_measured(&data).await;
    let (orbit, url) = start_at(&data).await;
    let channel = Channel::from_shared(url).unwrap().connect().await.unwrap();
    let token = common::log_in(&channel, "bench@example.org").await;
    for n in 0..modules {
        let name = format!("m{n}");
        let source = format!(
            "syntax = \"proto3\";\npackage orbit.user.bench_org.{name}.v1;\nimport \"orbit/user/v1/options.proto\";\nmessage Note {{ option (orbit.user.v1.entity) = {{}}; string id = 1; string text = 2; }}\nmessage Task {{ option (orbit.user.v1.entity) = {{}}; string id = 1; string title = 2 [(orbit.user.v1.field) = {{ indexed: true }}]; bool done = 3; }}\n"
        );
        upload(&channel, &token, &org, &name, &source).await;
    }
    let (_, rss_loaded, anon_loaded) = {
        let pid = orbit.child.id();
        (0, rss_mib(pid, "VmRSS:"), rss_mib(pid, "RssAnon:"))
    };
    drop(orbit);
    let (start100, rss100, anon100) = restart_measured(&data).await;
    println!(
        "start-up: {:.0} ms with the 11 modules of parts 1-2, {:.0} ms with {} more ({:.2}x); RSS {rss0} → {rss100} MiB (heap {anon0} → {anon100} MiB); after uploading them while running: RSS {rss_loaded} MiB (heap {anon_loaded} MiB)",
        ms(start0),
        ms(start100),
        modules,
        start100.as_secs_f64() / start0.as_secs_f64()
    );
    let worst = rounds
        .iter()
        .fold((f64::MAX, f64::MAX), |w, r| (w.0.min(r.0), w.1.min(r.1)));
    println!(
        "summary: create {:.2}x, get {:.2}x (worst round) of the compiled records module",
        worst.0, worst.1
    );
}
