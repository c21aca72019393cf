//! The outbox relay through the real binary: `--nats` pointing at nothing still starts and
//! serves, and `RelayService.GetRelayStatus` and the health service say the relay is down; a
//! bad `nats` setting is refused in one line before anything is written; with a nats-server of
//! the test's own, a record of a federated project reaches JetStream with its request id, and
//! one of a private project does not.

use std::time::{Duration, Instant};

use orbit_proto::orbit::cdc::v1 as cdc;
use orbit_proto::orbit::cdc::v1::relay_service_client::RelayServiceClient;
use orbit_proto::orbit::system::v1 as pb;
use orbit_proto::orbit::system::v1::project_service_client::ProjectServiceClient;
use orbit_proto::orbit::system::v1::record_service_client::RecordServiceClient;
use orbit_proto::orbit::system::v1::system_service_client::SystemServiceClient;
use prost::Message;
use tonic::transport::Channel;
use tonic_health::pb::HealthCheckRequest;
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::health_client::HealthClient;

use crate::common::tenant::{bearer, create_org, create_project, data, sign_up, with_request_id};
use crate::common::{PATIENCE, Server, TestDir, assert_refused, closed_port, run};

#[path = "../cdc/tests/support/nats.rs"]
mod nats;

use nats::NatsServer;

const RELAY_SERVICE: &str = "orbit.cdc.v1.RelayService";

/// The relay's position in the records feed.
fn records_feed(status: &cdc::RelayStatus) -> cdc::RelayFeed {
    status
        .feeds
        .iter()
        .find(|feed| feed.module == "records")
        .cloned()
        .unwrap_or_default()
}

async fn relay_status(channel: &Channel, token: &str) -> cdc::RelayStatus {
    RelayServiceClient::new(channel.clone())
        .get_relay_status(bearer(cdc::GetRelayStatusRequest {}, token))
        .await
        .expect("GetRelayStatus")
        .into_inner()
        .status
        .expect("status")
}

async fn relay_health(channel: &Channel) -> i32 {
    HealthClient::new(channel.clone())
        .check(HealthCheckRequest {
            service: RELAY_SERVICE.into(),
        })
        .await
        .expect("health check of the relay")
        .into_inner()
        .status
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unreachable_nats_starts_and_reports_the_relay_down() {
    let dir = TestDir::new();
    let mut command = dir.serve();
    command.args(["--nats", &format!("nats://127.0.0.1:{}", closed_port())]);
    let started = Instant::now();
    let mut server = Server::start(command).await;
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "startup waited for NATS"
    );
    let channel = server.channel().await;
    // Everything else works: the first account (the sys-admin) signs up.
    let admin = sign_up(&channel, "root@example.com").await;
    let status = relay_status(&channel, &admin).await;
    assert!(status.enabled && !status.connected, "{status:?}");
    assert!(!status.last_error.is_empty(), "{status:?}");
    assert!(
        status.nats_url.starts_with("nats://127.0.0.1:"),
        "{status:?}"
    );
    // One feed per module with a public feed: records, and the compiled-in modules.
    assert!(
        status.feeds.iter().any(|feed| feed.module == "records"),
        "{status:?}"
    );
    assert_eq!(
        relay_health(&channel).await,
        ServingStatus::NotServing as i32
    );
    let exit = server.stop("TERM").await;
    assert!(exit.success(), "{exit}\n{}", server.logs());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_nats_the_relay_is_off() {
    let dir = TestDir::new();
    let server = Server::start(dir.serve()).await;
    let channel = server.channel().await;
    let admin = sign_up(&channel, "root@example.com").await;
    let status = relay_status(&channel, &admin).await;
    assert_eq!(status, cdc::RelayStatus::default());
    assert_eq!(
        relay_health(&channel).await,
        ServingStatus::NotServing as i32
    );
}

#[test]
fn a_bad_nats_setting_is_refused_in_one_line() {
    let dir = TestDir::new();
    let mut command = dir.serve();
    command.args(["--nats", "http://relay:s3cret@127.0.0.1:4222"]);
    let line = assert_refused(&run(command), &["invalid nats", "--nats", "nats://"]);
    assert!(!line.contains("s3cret"), "{line}");
    let mut command = dir.serve();
    command.env("ORBIT_NATS", "not a url");
    assert_refused(&run(command), &["invalid nats", "ORBIT_NATS"]);
    assert!(dir.snapshot().is_none(), "a refused start wrote data");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_federated_write_reaches_jetstream_with_its_request_id() {
    let dir = TestDir::new();
    let nats = NatsServer::start(&dir.path().join("jetstream"));
    let mut command = dir.serve();
    command.args(["--nats", &nats.url()]);
    let mut server = Server::start(command).await;
    let channel = server.channel().await;
    let admin = sign_up(&channel, "root@example.com").await;
    let org = create_org(&channel, &admin, "Acme").await;
    let shared = create_project(&channel, &admin, &org, "Shared").await;
    let private = create_project(&channel, &admin, &org, "Private").await;
    ProjectServiceClient::new(channel.clone())
        .set_project_federation(bearer(
            pb::SetProjectFederationRequest {
                project_id: shared.clone(),
                federated: true,
            },
            &admin,
        ))
        .await
        .expect("federate the project");
    for (project, id, request_id) in [
        (&private, "p-1", "e2e-private"),
        (&shared, "s-1", "e2e-shared"),
    ] {
        let request = bearer(
            pb::PutRecordRequest {
                project_id: project.clone(),
                entity: "task".into(),
                id: id.into(),
                data: Some(data(serde_json::json!({ "title": id }))),
                expect_version: None,
            },
            &admin,
        );
        let request = with_request_id(request, request_id);
        RecordServiceClient::new(channel.clone())
            .put_record(request)
            .await
            .expect("put record");
    }

    // The relay catches up and says so.
    let deadline = Instant::now() + PATIENCE;
    let status = loop {
        let status = relay_status(&channel, &admin).await;
        let feed = records_feed(&status);
        if status.connected && feed.head_seq > 0 && feed.lag == 0 {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "relay never caught up: {status:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(status.last_error.is_empty(), "{status:?}");
    assert!(
        records_feed(&status).last_published_at.is_some(),
        "{status:?}"
    );
    assert_eq!(relay_health(&channel).await, ServingStatus::Serving as i32);

    let instance = SystemServiceClient::new(channel.clone())
        .get_instance_info(bearer(pb::GetInstanceInfoRequest {}, &admin))
        .await
        .expect("instance info")
        .into_inner()
        .info
        .expect("info")
        .instance_id;
    assert_eq!(status.stream, format!("ORBIT_{instance}"));
    let js = async_nats::jetstream::new(async_nats::connect(nats.url()).await.unwrap());
    let mut stream = js
        .get_stream(&status.stream)
        .await
        .expect("the relay's stream");
    let info = stream.info().await.unwrap();
    assert_eq!(info.state.messages, 1, "only the federated write: {info:?}");
    let message = stream.get_raw_message(1).await.unwrap();
    assert_eq!(
        message.subject.as_str(),
        format!("orbit.{instance}.{org}.{shared}.records.task")
    );
    let header = |name: &str| {
        message
            .headers
            .get(name)
            .map(|v| v.as_str().to_owned())
            .unwrap_or_default()
    };
    assert_eq!(header("Orbit-Correlation-Id"), "e2e-shared");
    assert_eq!(header("Orbit-Operation"), "put");
    let event = cdc::FeedEvent::decode(message.payload).unwrap();
    assert_eq!(header("Orbit-Seq"), event.seq.to_string());
    assert_eq!(
        header("Nats-Msg-Id"),
        format!("{instance}:records:{}", event.seq)
    );
    assert_eq!((event.id.as_str(), event.entity.as_str()), ("s-1", "task"));
    assert_eq!(event.correlation_id, "e2e-shared");
    assert!(event.data.is_some());

    let exit = server.stop("TERM").await;
    assert!(exit.success(), "{exit}\n{}", server.logs());
}
