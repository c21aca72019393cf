//! Outbox relay throughput against a raw JetStream publish loop, measured in the same run
//! against the same nats-server (its own, on a free loopback port, file storage in a
//! temporary directory).
//!
//! 1. relay: N federated change events are committed to an encrypted SQLite store first; then
//!    a relay starts and the clock runs until its position reaches the outbox head, i.e.
//!    every event was read from the outbox, decrypted, encoded as a FeedEvent, published and
//!    acknowledged by JetStream, and the position recorded.
//! 2. raw: the same number of messages with the same subject shape, the same headers
//!    (message id and the four `Orbit-*` headers) and the same payload size, published by a
//!    plain async-nats loop with the same window of unacknowledged publishes.
//!
//! Each is run `ROUNDS` times on a fresh stream (the relay also on a fresh store); the
//! median is reported, and the ratio relay/raw (goal: at least 0.5).
//!
//! Run: `cargo bench -p orbit-cdc --bench relay` (`ORBIT_BENCH_RELAY_EVENTS=20000` to change
//! N; default 50000).

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use async_nats::HeaderMap;
use async_nats::jetstream::{self, stream};
use bytes::Bytes;
use orbit_cdc::relay::{NatsUrl, Relay, RelayConfig};
use orbit_system::records::StoredValue;
use orbit_system::store::{Database, EventScope, Store, StoreConfig, Transaction};

#[path = "../tests/support/nats.rs"]
mod nats;

use nats::NatsServer;

const ROUNDS: usize = 3;
/// Publishes in flight, for both the relay and the raw loop.
const WINDOW: usize = 256;
/// Records per transaction while filling the outbox.
const FILL_BATCH: usize = 500;

fn record(n: usize) -> Vec<u8> {
    let data = serde_json::json!({
        "title": format!("task number {n}"),
        "done": n % 2 == 0,
        "estimate": n % 13,
        "notes": "a few words of text so the record is the size of a small real one",
    });
    StoredValue {
        updated_at_ms: 1_700_000_000_000,
        data: data.as_object().unwrap().clone(),
    }
    .encode()
    .unwrap()
}

async fn fill(db: &Database, events: usize) {
    let scope = EventScope {
        org_id: "org-bench".into(),
        project_id: "project-bench".into(),
        entity: "task".into(),
        federated: true,
    };
    let mut n = 0;
    while n < events {
        let mut txn = Transaction::new()
            .scope(scope.clone())
            .correlation_id(format!("bench-{n}"));
        for i in n..(n + FILL_BATCH).min(events) {
            txn = txn.put("task", format!("project-bench/{i:08}"), record(i));
        }
        db.commit(txn).await.unwrap();
        n += FILL_BATCH;
    }
}

/// Events per second from outbox to acknowledged in JetStream, and the size of one payload.
async fn relay_round(nats: &NatsServer, events: usize) -> (f64, usize) {
    let dir = tempfile::tempdir().unwrap();
    let mut config = StoreConfig::in_data_dir(dir.path());
    config.full_sync = false;
    let store = Store::open(config).await.unwrap();
    let db = store.database("records").await.unwrap();
    fill(&db, events).await;
    let head = db.head().await.unwrap();
    let sample = db.changes(0, 1).await.unwrap().remove(0);
    let codecs = orbit_cdc::codec::Codecs::new([(
        "records".to_owned(),
        orbit_cdc::codec::DatabaseCodec::uniform(orbit_cdc::codec::ValueCodec::RecordEnvelope),
    )]);
    let payload = orbit_cdc::feed::event::to_feed_event("records", &sample, &codecs);
    let payload_len = prost::Message::encoded_len(&payload);

    let mut relay_config = RelayConfig::new(
        NatsUrl::parse(&nats.url()).unwrap(),
        vec!["records".to_owned()],
    );
    relay_config.codecs = codecs;
    relay_config.window = WINDOW;
    let started = Instant::now();
    let relay = Relay::start(&store, relay_config).await.unwrap();
    loop {
        let status = relay.status().await;
        if status.feeds[0].position == head {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(300),
            "relay too slow: {status:?}"
        );
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    let elapsed = started.elapsed();
    relay.stop().await;
    store.close().await;
    (events as f64 / elapsed.as_secs_f64(), payload_len)
}

/// Events per second of a plain pipelined JetStream publish loop.
async fn raw_round(nats: &NatsServer, round: usize, events: usize, payload_len: usize) -> f64 {
    let client = async_nats::connect(nats.url()).await.unwrap();
    let js = jetstream::ContextBuilder::new()
        .max_ack_inflight(WINDOW)
        .build(client);
    let name = format!("RAW_{round}");
    js.get_or_create_stream(stream::Config {
        name: name.clone(),
        subjects: vec![format!("raw{round}.>")],
        storage: stream::StorageType::File,
        ..stream::Config::default()
    })
    .await
    .unwrap();
    let payload = Bytes::from(vec![7u8; payload_len]);
    let subject = format!("raw{round}.INSTANCE.org-bench.project-bench.records.task");
    let started = Instant::now();
    let mut in_flight = VecDeque::with_capacity(WINDOW);
    for n in 0..events {
        let mut headers = HeaderMap::new();
        headers.insert("Orbit-Seq", n.to_string().as_str());
        headers.insert("Orbit-Hlc", "111465185411563520");
        headers.insert("Orbit-Operation", "put");
        headers.insert("Orbit-Correlation-Id", format!("bench-{n}").as_str());
        let message = jetstream::message::PublishMessage::build()
            .payload(payload.clone())
            .headers(headers)
            .message_id(format!("INSTANCE:records:{n}"));
        in_flight.push_back(js.send_publish(subject.clone(), message).await.unwrap());
        if in_flight.len() >= WINDOW {
            in_flight.pop_front().unwrap().await.unwrap();
        }
    }
    while let Some(ack) = in_flight.pop_front() {
        ack.await.unwrap();
    }
    events as f64 / started.elapsed().as_secs_f64()
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn main() {
    let events: usize = std::env::var("ORBIT_BENCH_RELAY_EVENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50_000);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let dir = tempfile::tempdir().unwrap();
        let nats = NatsServer::start(dir.path());
        let mut relay = Vec::new();
        let mut raw = Vec::new();
        for round in 0..ROUNDS {
            let (rate, payload_len) = relay_round(&nats, events).await;
            relay.push(rate);
            raw.push(raw_round(&nats, round, events, payload_len).await);
            println!(
                "round {round}: relay {:.0} events/s, raw publish loop {:.0} msgs/s ({payload_len}-byte payload)",
                relay[round], raw[round]
            );
        }
        let (relay, raw) = (median(relay), median(raw));
        println!(
            "relay (outbox -> acked in JetStream): {relay:.0} events/s; raw async-nats JetStream publish loop: {raw:.0} msgs/s; window {WINDOW}, {events} events; ratio {:.2}x",
            relay / raw
        );
    });
}
