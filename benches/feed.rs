//! End-to-end change-feed benchmark (a `--bench` binary): starts a real `orbit serve` and
//! measures, each against a baseline measured in the same run:
//!
//! 1. write → subscriber latency (p50/p99) at a paced 1,000 writes/s, vs the latency of the
//!    write's own acknowledgement (`PutRecord` round trip) for the same writes;
//! 2. fan-out to 1,000 concurrent subscribers: events delivered per second and the server's
//!    peak resident memory, vs the same fan-out of same-sized messages through raw NATS core
//!    pub/sub (the nats-server at 127.0.0.1:4222; skipped if it is not running).
//!
//! Run: `cargo bench --bench feed` (optionally `-- --seconds 5 --rate 1000 --subscribers 1000
//! --events 500`).

mod common;

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::{arg, bearer, percentile, start};
use futures::StreamExt;
use orbit_proto::orbit::cdc::v1 as cdc;
use orbit_proto::orbit::cdc::v1::feed_service_client::FeedServiceClient;
use orbit_proto::orbit::system::v1 as pb;
use orbit_proto::orbit::system::v1::record_service_client::RecordServiceClient;
use prost::Message;
use tonic::transport::Channel;

fn record(n: u64) -> prost_types::Struct {
    let number = |v: f64| prost_types::Value {
        kind: Some(prost_types::value::Kind::NumberValue(v)),
    };
    let text = |v: String| prost_types::Value {
        kind: Some(prost_types::value::Kind::StringValue(v)),
    };
    prost_types::Struct {
        fields: [
            ("n".to_owned(), number(n as f64)),
            (
                "title".to_owned(),
                text(format!("benchmark record number {n}")),
            ),
        ]
        .into(),
    }
}

async fn put(channel: &Channel, token: &str, project: &str, id: String, n: u64) {
    RecordServiceClient::new(channel.clone())
        .put_record(bearer(
            pb::PutRecordRequest {
                project_id: project.into(),
                entity: "bench".into(),
                id,
                data: Some(record(n)),
                expect_version: None,
            },
            token,
        ))
        .await
        .expect("PutRecord");
}

async fn subscribe(
    channel: &Channel,
    token: &str,
    org: &str,
    project: &str,
) -> tonic::Streaming<cdc::FeedMessage> {
    let mut stream = FeedServiceClient::new(channel.clone())
        .subscribe(bearer(
            cdc::SubscribeRequest {
                org_id: org.into(),
                project_id: project.into(),
                module: String::new(),
                entity: "bench".into(),
                start: Some(cdc::subscribe_request::Start::FromNow(true)),
                heartbeat_seconds: 1,
            },
            token,
        ))
        .await
        .expect("Subscribe")
        .into_inner();
    // The first heartbeat proves the subscription is live before anything is written.
    stream.message().await.expect("heartbeat").expect("open");
    stream
}

fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

/// Latency: paced writes; latency from just before each write to its event at the subscriber.
async fn latency(
    channel: &Channel,
    token: &str,
    org: &str,
    project: &str,
    rate: f64,
    seconds: f64,
) {
    let mut stream = subscribe(channel, token, org, project).await;
    let sent: Arc<Mutex<HashMap<String, Instant>>> = Arc::default();
    let total = (rate * seconds) as u64;
    let receiver = {
        let sent = sent.clone();
        tokio::spawn(async move {
            let mut latencies = Vec::new();
            while (latencies.len() as u64) < total {
                let message = stream.message().await.expect("stream").expect("open");
                if let Some(cdc::feed_message::Kind::Event(event)) = message.kind {
                    let at = sent.lock().unwrap().remove(&event.id).expect("sent");
                    latencies.push(at.elapsed());
                }
            }
            latencies
        })
    };
    let mut ticks = tokio::time::interval(Duration::from_secs_f64(1.0 / rate));
    let acks: Arc<Mutex<Vec<Duration>>> = Arc::default();
    let mut writes = Vec::new();
    for n in 0..total {
        ticks.tick().await;
        let (channel, token, project) = (channel.clone(), token.to_owned(), project.to_owned());
        let (sent, acks) = (sent.clone(), acks.clone());
        writes.push(tokio::spawn(async move {
            let id = format!("lat-{n}");
            let started = Instant::now();
            sent.lock().unwrap().insert(id.clone(), started);
            put(&channel, &token, &project, id, n).await;
            acks.lock().unwrap().push(started.elapsed());
        }));
    }
    for write in writes {
        write.await.unwrap();
    }
    let mut latencies = receiver.await.unwrap();
    latencies.sort();
    let mut acks = std::mem::take(&mut *acks.lock().unwrap());
    acks.sort();
    let (p50, p99) = (percentile(&latencies, 0.5), percentile(&latencies, 0.99));
    let (a50, a99) = (percentile(&acks, 0.5), percentile(&acks, 0.99));
    println!("write -> subscriber at {rate:.0} writes/s for {seconds}s ({total} writes):");
    println!("  delivery  p50 {p50:>10.2?}  p99 {p99:>10.2?}");
    println!(
        "  write ack p50 {a50:>10.2?}  p99 {a99:>10.2?}   (baseline: the write's own round trip)"
    );
    println!(
        "  ratio delivery/ack: p50 {:.2}x  p99 {:.2}x",
        p50.as_secs_f64() / a50.as_secs_f64(),
        p99.as_secs_f64() / a99.as_secs_f64()
    );
}

/// Fan-out: `subscribers` gRPC subscriptions over a few connections, `events` writes;
/// events delivered per second until every subscriber has them all, and peak server RSS.
async fn fan_out(
    url: &str,
    pid: u32,
    token: &str,
    org: &str,
    project: &str,
    subscribers: usize,
    events: u64,
) -> (f64, usize) {
    let connections = 8;
    let mut channels = Vec::new();
    for _ in 0..connections {
        channels.push(
            Channel::from_shared(url.to_owned())
                .unwrap()
                .connect()
                .await
                .unwrap(),
        );
    }
    let rss_idle = rss_kib(pid);
    // All at once: each waits for its first heartbeat (up to a second) before it counts.
    let streams = futures::future::join_all(
        (0..subscribers).map(|s| subscribe(&channels[s % connections], token, org, project)),
    )
    .await;
    let rss_subscribed = rss_kib(pid);
    let delivered = Arc::new(AtomicU64::new(0));
    let mut size = 0;
    let started = Instant::now();
    let mut tasks = Vec::new();
    let (first_size_tx, mut first_size) = tokio::sync::mpsc::channel(1);
    for mut stream in streams {
        let delivered = delivered.clone();
        let first_size_tx = first_size_tx.clone();
        tasks.push(tokio::spawn(async move {
            let mut got = 0;
            while got < events {
                let message = stream.message().await.expect("stream").expect("open");
                if let Some(cdc::feed_message::Kind::Event(event)) = &message.kind {
                    got += 1;
                    if got == 1 {
                        let _ = first_size_tx.try_send(event.encoded_len());
                    }
                    delivered.fetch_add(1, Ordering::Relaxed);
                }
            }
        }));
    }
    let peak = Arc::new(AtomicU64::new(rss_subscribed));
    let sampler = {
        let peak = peak.clone();
        tokio::spawn(async move {
            loop {
                peak.fetch_max(rss_kib(pid), Ordering::Relaxed);
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        })
    };
    let writer_channel = channels[0].clone();
    let writers: Vec<_> = (0..8)
        .map(|w| {
            let (channel, token, project) =
                (writer_channel.clone(), token.to_owned(), project.to_owned());
            tokio::spawn(async move {
                let mut n = w;
                while n < events {
                    put(&channel, &token, &project, format!("fan-{n}"), n).await;
                    n += 8;
                }
            })
        })
        .collect();
    for writer in writers {
        writer.await.unwrap();
    }
    for task in tasks {
        task.await.unwrap();
    }
    let elapsed = started.elapsed();
    sampler.abort();
    if let Ok(s) = first_size.try_recv() {
        size = s;
    }
    let rate = delivered.load(Ordering::Relaxed) as f64 / elapsed.as_secs_f64();
    println!("fan-out: {events} events to {subscribers} subscribers in {elapsed:.2?}:");
    println!("  Orbit     {rate:>12.0} events/s delivered");
    println!(
        "  server RSS: idle {} MiB, {subscribers} subscribers {} MiB, peak while delivering {} MiB",
        rss_idle / 1024,
        rss_subscribed / 1024,
        peak.load(Ordering::Relaxed) / 1024
    );
    (rate, size)
}

/// The same fan-out through raw NATS core pub/sub: `subscribers` subscriptions over 8
/// connections, `events` messages of `size` bytes. Events delivered per second.
async fn nats_fan_out(subscribers: usize, events: u64, size: usize) -> Option<f64> {
    let mut clients = Vec::new();
    for _ in 0..8 {
        clients.push(async_nats::connect("nats://127.0.0.1:4222").await.ok()?);
    }
    let subject = format!("orbit-bench.{}", std::process::id());
    let delivered = Arc::new(AtomicU64::new(0));
    let last_at = Arc::new(AtomicU64::new(0));
    let origin = Instant::now();
    let mut tasks = Vec::new();
    for s in 0..subscribers {
        let mut subscription = clients[s % 8].subscribe(subject.clone()).await.ok()?;
        let (delivered, last_at) = (delivered.clone(), last_at.clone());
        tasks.push(tokio::spawn(async move {
            let mut got = 0;
            while got < events {
                if subscription.next().await.is_none() {
                    break;
                }
                got += 1;
                delivered.fetch_add(1, Ordering::Relaxed);
                last_at.fetch_max(origin.elapsed().as_nanos() as u64, Ordering::Relaxed);
            }
        }));
    }
    for client in &clients {
        client.flush().await.ok()?;
    }
    let payload = bytes::Bytes::from(vec![b'x'; size.max(1)]);
    let started = Instant::now();
    for _ in 0..events {
        clients[0]
            .publish(subject.clone(), payload.clone())
            .await
            .ok()?;
    }
    clients[0].flush().await.ok()?;
    // NATS core drops messages for subscribers it deems slow; count what arrived.
    let wait = tokio::time::timeout(Duration::from_secs(30), futures::future::join_all(tasks));
    if wait.await.is_err() {
        println!("  (raw NATS dropped messages to slow subscribers; rate counts what arrived)");
    }
    // Until the last delivery, so a wait for dropped messages does not count.
    let elapsed = Duration::from_nanos(last_at.load(Ordering::Relaxed)) - (started - origin);
    let got = delivered.load(Ordering::Relaxed);
    if got < subscribers as u64 * events {
        println!(
            "  raw NATS delivered {got} of {}",
            subscribers as u64 * events
        );
    }
    Some(got as f64 / elapsed.as_secs_f64())
}

#[tokio::main]
async fn main() {
    // Without `--bench` (cargo test --benches), keep it tiny: it only proves the bench works.
    let quick = !std::env::args().any(|a| a == "--bench");
    let seconds = arg("--seconds", if quick { 0.2 } else { 5.0 });
    let rate = arg("--rate", 1000.0);
    let subscribers = arg("--subscribers", if quick { 10.0 } else { 1000.0 }) as usize;
    let events = arg("--events", if quick { 10.0 } else { 500.0 }) as u64;
    let (orbit, url) = start().await;
    let channel = Channel::from_shared(url.clone())
        .unwrap()
        .connect()
        .await
        .unwrap();
    let (token, org, project) = common::tenant(&channel).await;

    latency(&channel, &token, &org, &project, rate, seconds).await;
    let (orbit_rate, size) = fan_out(
        &url,
        orbit.child.id(),
        &token,
        &org,
        &project,
        subscribers,
        events,
    )
    .await;
    match nats_fan_out(subscribers, events, size).await {
        Some(nats_rate) => {
            println!(
                "  raw NATS  {nats_rate:>12.0} events/s delivered ({size}-byte messages; baseline)"
            );
            println!("  ratio Orbit/NATS: {:.2}x", orbit_rate / nats_rate);
        }
        None => println!("  raw NATS baseline skipped: no nats-server at 127.0.0.1:4222"),
    }
}
