//! The outbox relay against real nats-server processes of its own (loopback, a free port, a
//! temporary JetStream directory): an outage in the middle of a stream of writes, restarts of
//! the relay (also after a crash between acknowledgement and position write), and an
//! unreachable server. Each test checks what the JetStream stream holds: every federated
//! event exactly once, in sequence order, and nothing else.

use std::path::Path;
use std::time::{Duration, Instant};

use async_nats::jetstream;
use orbit_cdc::relay::{
    HEADER_CORRELATION_ID, HEADER_OPERATION, HEADER_SEQ, NatsUrl, Relay, RelayConfig, stream_name,
};
use orbit_proto::orbit::cdc::v1 as pb;
use orbit_system::records::StoredValue;
use orbit_system::store::{Database, EventScope, Store, StoreConfig, Transaction};
use prost::Message;

#[path = "support/nats.rs"]
mod nats;

use nats::{NatsServer, free_port};

const PATIENCE: Duration = Duration::from_secs(30);

async fn open_store(dir: &Path) -> Store {
    let mut config = StoreConfig::in_data_dir(&dir.join("data"));
    config.full_sync = false;
    Store::open(config).await.expect("open store")
}

fn relay_config(nats: &NatsServer) -> RelayConfig {
    let mut config = RelayConfig::new(
        NatsUrl::parse(&nats.url()).unwrap(),
        vec!["records".to_owned()],
    );
    config.codecs = orbit_cdc::codec::Codecs::new([(
        "records".to_owned(),
        orbit_cdc::codec::DatabaseCodec::uniform(orbit_cdc::codec::ValueCodec::RecordEnvelope),
    )]);
    config.timeout = Duration::from_secs(1);
    config.poll = Duration::from_millis(200);
    config.min_backoff = Duration::from_millis(50);
    config.max_backoff = Duration::from_millis(300);
    config.window = 16;
    config.page = 40;
    config
}

/// Writes one record of `project` (federated or not); returns its sequence number.
async fn write(db: &Database, project: &str, federated: bool, n: usize) -> u64 {
    let key = format!("{project}/rec-{n:05}");
    let data = serde_json::json!({ "n": n }).as_object().unwrap().clone();
    let value = StoredValue {
        updated_at_ms: 1,
        data,
    }
    .encode()
    .unwrap();
    let scope = EventScope {
        org_id: "org1".into(),
        project_id: project.into(),
        entity: "task".into(),
        federated,
    };
    let receipt = db
        .commit(
            Transaction::new()
                .put("task", key, value)
                .scope(scope)
                .correlation_id(format!("req-{n}")),
        )
        .await
        .expect("write");
    receipt.version().unwrap()
}

/// Writes `count` events alternating between federated project `fed` and private project
/// `solo`; returns the sequence numbers of the federated ones.
async fn write_mixed(db: &Database, from: usize, count: usize, pause: Duration) -> Vec<u64> {
    let mut federated = Vec::new();
    for n in from..from + count {
        if n % 3 == 2 {
            write(db, "solo", false, n).await;
        } else {
            federated.push(write(db, "fed", true, n).await);
        }
        if !pause.is_zero() {
            tokio::time::sleep(pause).await;
        }
    }
    federated
}

/// Waits until the relay has handled everything up to the feed's head.
async fn caught_up(relay: &Relay) {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let status = relay.status().await;
        let feed = &status.feeds[0];
        if status.connected && feed.position == feed.head && feed.head > 0 {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "relay did not catch up: {status:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The `Orbit-Seq` of every message in the instance's stream, in stream order, after
/// checking subject, headers and payload of each.
async fn stream_seqs(nats: &NatsServer, store: &Store) -> Vec<u64> {
    let client = async_nats::connect(nats.url()).await.unwrap();
    let js = jetstream::new(client);
    let instance = store.instance_id();
    let mut stream = js.get_stream(stream_name(&instance)).await.unwrap();
    let last = stream.info().await.unwrap().state.last_sequence;
    let mut seqs = Vec::new();
    for stream_seq in 1..=last {
        let message = stream.get_raw_message(stream_seq).await.unwrap();
        assert_eq!(
            message.subject.as_str(),
            format!("orbit.{instance}.org1.fed.records.task")
        );
        let header = |name: &str| message.headers.get(name).unwrap().as_str().to_owned();
        let seq: u64 = header(HEADER_SEQ).parse().unwrap();
        assert_eq!(header(HEADER_OPERATION), "put");
        assert_eq!(header("Nats-Msg-Id"), format!("{instance}:records:{seq}"));
        let event = pb::FeedEvent::decode(message.payload).unwrap();
        assert_eq!((event.seq, event.project_id.as_str()), (seq, "fed"));
        assert!(event.id.starts_with("rec-"), "{}", event.id);
        assert_eq!(header(HEADER_CORRELATION_ID), event.correlation_id);
        assert!(event.data.is_some());
        seqs.push(seq);
    }
    seqs
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn outage_mid_stream_loses_nothing_and_duplicates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut nats = NatsServer::start(&dir.path().join("js"));
    let store = open_store(dir.path()).await;
    let db = store.database("records").await.unwrap();
    let relay = Relay::start(&store, relay_config(&nats)).await.unwrap();

    let mut expected = write_mixed(&db, 0, 150, Duration::ZERO).await;
    let writer = {
        let db = db.clone();
        tokio::spawn(async move { write_mixed(&db, 150, 300, Duration::from_millis(2)).await })
    };
    tokio::time::sleep(Duration::from_millis(150)).await;
    nats.kill();
    // The instance keeps taking writes while NATS is down; the relay says it is down.
    expected.extend(write_mixed(&db, 450, 60, Duration::ZERO).await);
    let deadline = Instant::now() + PATIENCE;
    loop {
        let status = relay.status().await;
        if !status.connected && status.last_error.is_some() {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "outage never reported: {status:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // Long enough for the relay to retry against the dead server with back-off.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    nats.restart();
    expected.extend(writer.await.unwrap());
    expected.sort_unstable();
    caught_up(&relay).await;

    let seqs = stream_seqs(&nats, &store).await;
    assert_eq!(
        seqs, expected,
        "the stream must hold every federated event once, in order"
    );
    let status = relay.status().await;
    assert!(status.last_error.is_none(), "{status:?}");
    assert!(status.feeds[0].last_published_at.is_some());

    // A blip while idle: down while NATS is, connected again without a write to retry.
    let mut connected = relay.watch_connected();
    nats.kill();
    tokio::time::timeout(PATIENCE, connected.wait_for(|up| !*up))
        .await
        .expect("disconnection reported")
        .unwrap();
    nats.restart();
    tokio::time::timeout(PATIENCE, connected.wait_for(|up| *up))
        .await
        .expect("reconnection reported")
        .unwrap();
    assert!(relay.status().await.last_error.is_none());
    relay.stop().await;
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn restart_resumes_from_the_recorded_position_without_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let nats = NatsServer::start(&dir.path().join("js"));
    let store = open_store(dir.path()).await;
    let db = store.database("records").await.unwrap();

    let relay = Relay::start(&store, relay_config(&nats)).await.unwrap();
    let mut expected = write_mixed(&db, 0, 90, Duration::ZERO).await;
    caught_up(&relay).await;
    let status = relay.status().await;
    assert!(status.feeds[0].recorded <= status.feeds[0].position);
    relay.stop().await;
    // Stopping records the skipped tail too.
    let feed = relay.status().await.feeds.remove(0);
    assert_eq!((feed.recorded, feed.position), (feed.head, feed.head));

    // Written while no relay runs: they wait in the outbox.
    expected.extend(write_mixed(&db, 90, 90, Duration::ZERO).await);
    let relay = Relay::start(&store, relay_config(&nats)).await.unwrap();
    caught_up(&relay).await;
    relay.stop().await;
    assert_eq!(stream_seqs(&nats, &store).await, expected);

    // A crash between JetStream's acknowledgement and the position write: the recorded
    // position is behind the stream. The restarted relay continues after the stream's last
    // message instead of publishing those events again.
    let positions = store
        .database(orbit_cdc::relay::POSITION_DATABASE)
        .await
        .unwrap();
    let stored = positions
        .get(orbit_cdc::relay::POSITION_KEYSPACE, b"records")
        .await
        .unwrap()
        .expect("a recorded position");
    let mut feed = pb::RelayFeed::decode(stored.value.as_slice()).unwrap();
    assert_eq!(feed.position, db.head().await.unwrap());
    feed.position -= 50;
    positions
        .put(
            orbit_cdc::relay::POSITION_KEYSPACE,
            b"records".to_vec(),
            feed.encode_to_vec(),
        )
        .await
        .unwrap();
    expected.extend(write_mixed(&db, 180, 30, Duration::ZERO).await);
    let relay = Relay::start(&store, relay_config(&nats)).await.unwrap();
    caught_up(&relay).await;
    relay.stop().await;
    assert_eq!(stream_seqs(&nats, &store).await, expected);
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unreachable_nats_does_not_block_the_instance() {
    let dir = tempfile::tempdir().unwrap();
    let store = open_store(dir.path()).await;
    let db = store.database("records").await.unwrap();
    let port = free_port();
    let url = NatsUrl::parse(&format!("nats://u:secret@127.0.0.1:{port}")).unwrap();
    let mut config = RelayConfig::new(url, vec!["records".to_owned()]);
    config.timeout = Duration::from_millis(300);
    // Generous for a loaded machine, yet a start that waited for NATS would never return.
    let relay = tokio::time::timeout(Duration::from_secs(20), Relay::start(&store, config))
        .await
        .expect("starting the relay does not wait for NATS")
        .unwrap();
    write(&db, "fed", true, 1).await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    let status = relay.status().await;
    assert!(!status.connected);
    assert!(!status.last_error.unwrap_or_default().is_empty());
    assert_eq!(status.nats_url, format!("nats://127.0.0.1:{port}"));
    assert_eq!((status.feeds[0].lag(), status.feeds[0].position), (1, 0));
    assert!(!*relay.watch_connected().borrow());
    tokio::time::timeout(Duration::from_secs(5), relay.stop())
        .await
        .expect("the relay stops while NATS is unreachable");
    store.close().await;
}
