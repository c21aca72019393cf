//! End-to-end RPC load benchmark (a `--bench` binary, not criterion): starts a real
//! `orbit serve` and drives it from a tonic client on loopback, reporting each figure against
//! a baseline measured in the same run on the same server:
//!
//! 1. authenticated unary RPC (token check + session check + permission check + one encrypted
//!    store read: `ProjectService.GetProject`) requests/s vs the bare `grpc.health.v1` Check;
//! 2. log-in latency with the production Argon2id parameters (p50/p99);
//! 3. p99 latency of `GetProject` while 200 log-ins run at once, vs its p99 at rest.
//!
//! Run: `cargo bench --bench rpc` (optionally `-- --seconds 10 --concurrency 32`).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

mod common;

use common::{PASSWORD, arg, bearer, percentile, start};
use orbit_proto::orbit::system::v1 as pb;
use orbit_proto::orbit::system::v1::account_service_client::AccountServiceClient;
use orbit_proto::orbit::system::v1::project_service_client::ProjectServiceClient;
use tonic::transport::Channel;
use tonic_health::pb::HealthCheckRequest;
use tonic_health::pb::health_client::HealthClient;

/// Runs `call` from `concurrency` tasks for `seconds`; returns requests per second.
async fn load<F, Fut>(concurrency: usize, seconds: f64, call: F) -> f64
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = bool> + Send,
{
    let call = Arc::new(call);
    let done = Arc::new(AtomicU64::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let started = Instant::now();
    let tasks: Vec<_> = (0..concurrency)
        .map(|_| {
            let (call, done, stop) = (call.clone(), done.clone(), stop.clone());
            tokio::spawn(async move {
                while !stop.load(Ordering::Relaxed) {
                    assert!(call().await, "a benchmark call failed");
                    done.fetch_add(1, Ordering::Relaxed);
                }
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_secs_f64(seconds)).await;
    stop.store(true, Ordering::Relaxed);
    for task in tasks {
        task.await.unwrap();
    }
    done.load(Ordering::Relaxed) as f64 / started.elapsed().as_secs_f64()
}

/// Latencies of `GetProject` called one after another for `duration`.
async fn probe_latencies(
    projects: ProjectServiceClient<Channel>,
    token: String,
    project_id: String,
    duration: Duration,
) -> Vec<Duration> {
    let mut latencies = Vec::new();
    let until = Instant::now() + duration;
    while Instant::now() < until {
        let mut client = projects.clone();
        let started = Instant::now();
        client
            .get_project(bearer(
                pb::GetProjectRequest {
                    project_id: project_id.clone(),
                },
                &token,
            ))
            .await
            .expect("GetProject");
        latencies.push(started.elapsed());
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    latencies.sort();
    latencies
}

#[tokio::main]
async fn main() {
    // `cargo test --benches` runs this with no arguments other than `--bench` absent: keep
    // that run tiny so it only proves the benchmark works.
    let quick = !std::env::args().any(|a| a == "--bench");
    let seconds = arg("--seconds", if quick { 0.5 } else { 8.0 });
    let concurrency = arg("--concurrency", 32.0) as usize;
    let (_orbit, url) = start().await;
    let channel = Channel::from_shared(url).unwrap().connect().await.unwrap();

    let (token, _org_id, project_id) = common::tenant(&channel).await;
    let project = pb::Project {
        id: project_id,
        ..Default::default()
    };

    // 1. Throughput: bare health vs authenticated read, same server, same client setup.
    let health = HealthClient::new(channel.clone());
    let health_rps = load(concurrency, seconds, move || {
        let mut client = health.clone();
        async move {
            client
                .check(HealthCheckRequest {
                    service: String::new(),
                })
                .await
                .is_ok()
        }
    })
    .await;
    let projects = ProjectServiceClient::new(channel.clone());
    let (t, p) = (token.clone(), project.id.clone());
    let auth_rps = load(concurrency, seconds, move || {
        let mut client = projects.clone();
        let request = bearer(
            pb::GetProjectRequest {
                project_id: p.clone(),
            },
            &t,
        );
        async move { client.get_project(request).await.is_ok() }
    })
    .await;

    // Where the difference goes: an anonymous RPC (no credential, no store read) and an
    // authenticated instance-scoped RPC (token + session check, one store read, no scope id).
    let system = orbit_proto::orbit::system::v1::system_service_client::SystemServiceClient::new(
        channel.clone(),
    );
    let anonymous_rps = load(concurrency, seconds, move || {
        let mut client = system.clone();
        async move {
            client
                .get_instance_info(pb::GetInstanceInfoRequest {})
                .await
                .is_ok()
        }
    })
    .await;
    let accounts_client = AccountServiceClient::new(channel.clone());
    let t = token.clone();
    let profile_rps = load(concurrency, seconds, move || {
        let mut client = accounts_client.clone();
        let request = bearer(pb::GetProfileRequest {}, &t);
        async move { client.get_profile(request).await.is_ok() }
    })
    .await;

    // 2. Log-in latency, one at a time.
    let accounts = AccountServiceClient::new(channel.clone());
    let mut logins = Vec::new();
    for _ in 0..if quick { 3 } else { 20 } {
        let started = Instant::now();
        accounts
            .clone()
            .log_in(pb::LogInRequest {
                email: "bench@example.org".into(),
                password: PASSWORD.into(),
            })
            .await
            .expect("log in");
        logins.push(started.elapsed());
    }
    logins.sort();

    // 3. p99 of an authenticated read at rest, then while 200 log-ins run at once.
    let probe_time = Duration::from_secs_f64(if quick { 0.5 } else { 4.0 });
    let projects = ProjectServiceClient::new(channel.clone());
    let at_rest = probe_latencies(
        projects.clone(),
        token.clone(),
        project.id.clone(),
        probe_time,
    )
    .await;
    let flood: Vec<_> = (0..200)
        .map(|i| {
            let mut accounts = accounts.clone();
            tokio::spawn(async move {
                // Wrong passwords for half of them: back-off must not slow the others down.
                let password = if i % 2 == 0 {
                    PASSWORD
                } else {
                    "wrong-password-for-benchmark"
                };
                let _ = accounts
                    .log_in(pb::LogInRequest {
                        email: "bench@example.org".into(),
                        password: password.into(),
                    })
                    .await;
            })
        })
        .collect();
    let flood_started = Instant::now();
    let under_flood = probe_latencies(projects, token, project.id, probe_time).await;
    for task in flood {
        task.await.unwrap();
    }
    let flood_took = flood_started.elapsed();

    println!(
        "## rpc benchmark ({} s per load phase, {concurrency} concurrent callers)",
        seconds
    );
    println!("| figure | value | baseline (same run) | ratio |");
    println!("|---|---|---|---|");
    println!(
        "| authenticated GetProject | {:.0} req/s | health Check {:.0} req/s | {:.2}× (goal ≥ 0.5×) |",
        auth_rps,
        health_rps,
        auth_rps / health_rps
    );
    println!(
        "| anonymous GetInstanceInfo (no credential, no store read) | {:.0} req/s | health Check | {:.2}× |",
        anonymous_rps,
        anonymous_rps / health_rps
    );
    println!(
        "| authenticated GetProfile (token + session check, one store read, no scope) | {:.0} req/s | health Check | {:.2}× |",
        profile_rps,
        profile_rps / health_rps
    );
    println!(
        "| log-in latency (Argon2id m=19 MiB, t=2, p=1) | p50 {:.1} ms, p99 {:.1} ms | | |",
        percentile(&logins, 0.5).as_secs_f64() * 1e3,
        percentile(&logins, 0.99).as_secs_f64() * 1e3
    );
    println!(
        "| GetProject p99 during 200 concurrent log-ins ({:.1} s) | {:.1} ms ({} calls) | at rest {:.1} ms | goal < 50 ms |",
        flood_took.as_secs_f64(),
        percentile(&under_flood, 0.99).as_secs_f64() * 1e3,
        under_flood.len(),
        percentile(&at_rest, 0.99).as_secs_f64() * 1e3
    );
}
