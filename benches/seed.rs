//! Seeding benchmark (a `--bench` binary): the rate at which `orbit seed` writes records
//! (its records phase, generated requests sent through the dynamic codec) against a raw loop
//! of the same `PutRecord` calls with a typed client, at the same concurrency, on the same
//! release server in the same run. Goal: the seeder at 0.7x the raw loop or better.
//!
//! Run: `cargo bench --bench seed` (optionally `-- --records 5000 --rounds 2`).

mod common;

use std::process::Command;
use std::time::Instant;

use common::{arg, bearer, start};
use futures::StreamExt;
use orbit_proto::orbit::system::v1 as pb;
use orbit_proto::orbit::system::v1::record_service_client::RecordServiceClient;
use tonic::transport::Channel;

/// Requests in flight, for both (the seeder's default).
const CONCURRENCY: usize = 32;

/// A task-like record of the size the seeder writes.
fn record(n: u64) -> prost_types::Struct {
    let text = |v: String| prost_types::Value {
        kind: Some(prost_types::value::Kind::StringValue(v)),
    };
    let number = |v: f64| prost_types::Value {
        kind: Some(prost_types::value::Kind::NumberValue(v)),
    };
    prost_types::Struct {
        fields: [
            (
                "title".to_owned(),
                text(format!("Quarterly report draft {n}")),
            ),
            ("status".to_owned(), text("in_progress".into())),
            ("priority".to_owned(), text("high".into())),
            ("assignee".to_owned(), text("Ann Example".into())),
            ("estimate_hours".to_owned(), number((n % 40) as f64)),
            ("due".to_owned(), text("2025-11-03".into())),
        ]
        .into(),
    }
}

/// Records per second of `count` PutRecord calls, `CONCURRENCY` in flight.
async fn raw_loop(channel: &Channel, token: &str, project: &str, count: u64, round: u64) -> f64 {
    let started = Instant::now();
    futures::stream::iter(0..count)
        .map(|n| {
            let mut client = RecordServiceClient::new(channel.clone());
            let request = bearer(
                pb::PutRecordRequest {
                    project_id: project.into(),
                    entity: "task".into(),
                    id: String::new(),
                    data: Some(record(n + round * count)),
                    expect_version: None,
                },
                token,
            );
            async move { client.put_record(request).await.expect("PutRecord") }
        })
        .buffer_unordered(CONCURRENCY)
        .for_each(|_| async {})
        .await;
    count as f64 / started.elapsed().as_secs_f64()
}

/// Records per second of the seeder's records phase (from its summary table).
fn seeder(url: &str, count: u64, round: u64) -> f64 {
    let output = Command::new(env!("CARGO_BIN_EXE_orbit"))
        .env("ORBIT_SEED_PASSWORD", common::PASSWORD)
        .env("ORBIT_DEMO_DATA", "false")
        .args(["seed", "--no-progress", "--server", url])
        .args(["--admin-email", "seeder@bench.example"])
        .args([
            "--seed",
            &round.to_string(),
            "--orgs",
            "1",
            "--projects",
            "1",
        ])
        .args([
            "--users",
            "2",
            "--views",
            "0",
            "--rooms",
            "0",
            "--messages",
            "0",
        ])
        .args(["--records", &count.to_string()])
        .args(["--concurrency", &CONCURRENCY.to_string()])
        .output()
        .expect("run orbit seed");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "orbit seed failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    // │ records   ┆  2000 ┆ 1.71 s ┆       1173 │
    let row = stdout
        .lines()
        .find(|l| l.contains(" records "))
        .expect("a records row in the summary");
    let cells: Vec<&str> = row
        .split(['│', '┆'])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    let written: f64 = cells[1].parse().expect("count");
    let seconds: f64 = cells[2].trim_end_matches(" s").parse().expect("seconds");
    assert_eq!(written as u64, count);
    written / seconds
}

#[tokio::main]
async fn main() {
    // Without `--bench` (cargo test --benches), keep it tiny: it only proves the bench works.
    let quick = !std::env::args().any(|a| a == "--bench");
    let records = arg("--records", if quick { 100.0 } else { 5000.0 }) as u64;
    let rounds = arg("--rounds", if quick { 1.0 } else { 2.0 }) as u64;
    let (_orbit, url) = start().await;
    let channel = Channel::from_shared(url.clone())
        .unwrap()
        .connect()
        .await
        .unwrap();
    let (token, _org, project) = common::tenant(&channel).await;
    let (mut best_raw, mut best_seed) = (0.0_f64, 0.0_f64);
    for round in 0..rounds {
        let raw = raw_loop(&channel, &token, &project, records, round).await;
        let seeded = seeder(&url, records, round + 1);
        println!(
            "round {round}: raw PutRecord loop {raw:>8.0} records/s, orbit seed {seeded:>8.0} records/s"
        );
        best_raw = best_raw.max(raw);
        best_seed = best_seed.max(seeded);
    }
    println!(
        "seeding {records} records, {CONCURRENCY} in flight (best of {rounds}): orbit seed {best_seed:.0} records/s, raw loop {best_raw:.0} records/s, ratio {:.2}x (goal >= 0.7x)",
        best_seed / best_raw
    );
}
