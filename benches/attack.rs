//! End-to-end hardening benchmark (a `--bench` binary): starts a real `orbit serve` and
//! measures the p99 of an authenticated read (`ProjectService.GetProject`, one call at a time)
//! while three attacks run at once, against its p50/p99 on the idle server in the same run:
//!
//! - 10 stalled subscribers: `FeedService.Subscribe` from `after_seq` 0 over a log of
//!   200 records of ~900 KB, each on its own connection with 64 KiB HTTP/2 windows, read once
//!   and then never again;
//! - 200 concurrent `LogIn` calls with wrong passwords, spread over 5 accounts and 10 client
//!   addresses (127.0.0.10-19);
//! - 100 concurrent `SignUp` calls from 4 client addresses (127.0.0.40-43), most refused by
//!   the per-address limit.
//!
//! It also reports how the log-ins and sign-ups were answered and how fast, and the server's
//! peak resident memory. Run: `cargo bench --bench attack` (optionally `-- --records 200
//! --record-kb 900 --logins 200 --signups 100 --seconds 5 --attack-seconds 15`).

mod common;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use common::{PASSWORD, arg, bearer, channel_from, narrow_channel, percentile, rss_mib, start};
use orbit_proto::orbit::cdc::v1 as cdc;
use orbit_proto::orbit::cdc::v1::feed_service_client::FeedServiceClient;
use orbit_proto::orbit::system::v1 as pb;
use orbit_proto::orbit::system::v1::account_service_client::AccountServiceClient;
use orbit_proto::orbit::system::v1::project_service_client::ProjectServiceClient;
use orbit_proto::orbit::system::v1::record_service_client::RecordServiceClient;
use tonic::transport::Channel;

/// Accounts besides the sys-admin that wrong log-ins aim at (sign-up allows 5 per address
/// after the first account).
const TARGETS: usize = 4;
/// Client addresses of the wrong log-ins: 127.0.0.10 and on.
const LOGIN_ADDRESSES: u8 = 10;
/// Client addresses of the sign-ups: 127.0.0.40 and on.
const SIGNUP_ADDRESSES: u8 = 4;

/// `GetProject` one call at a time (2 ms apart) until `until` returns true; when each call
/// started, and its latency.
async fn probe(
    channel: Channel,
    token: String,
    project: String,
    until: impl Fn() -> bool,
) -> Result<Vec<(Instant, Duration)>> {
    let client = ProjectServiceClient::new(channel);
    let mut latencies = Vec::new();
    while !until() {
        let started = Instant::now();
        client
            .clone()
            .get_project(bearer(
                pb::GetProjectRequest {
                    project_id: project.clone(),
                },
                &token,
            ))
            .await
            .context("GetProject")?;
        latencies.push((started, started.elapsed()));
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    Ok(latencies)
}

/// The latencies of the calls that started before `until` (all if `None`), sorted.
fn window(calls: &[(Instant, Duration)], until: Option<Instant>) -> Vec<Duration> {
    let mut latencies: Vec<Duration> = calls
        .iter()
        .filter(|(started, _)| until.is_none_or(|until| *started < until))
        .map(|(_, latency)| *latency)
        .collect();
    latencies.sort();
    latencies
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// How a batch of calls started together was answered: count per gRPC code, time from the
/// start to each answer, time until the last.
struct Outcomes {
    codes: BTreeMap<String, usize>,
    latencies: Vec<Duration>,
    took: Duration,
}

impl Outcomes {
    async fn of(
        started: Instant,
        tasks: Vec<tokio::task::JoinHandle<(Instant, tonic::Code)>>,
    ) -> Result<Outcomes> {
        let mut codes = BTreeMap::new();
        let mut latencies = Vec::new();
        for task in tasks {
            let (answered, code) = task.await?;
            *codes.entry(format!("{code:?}")).or_insert(0) += 1;
            latencies.push(answered - started);
        }
        latencies.sort();
        Ok(Outcomes {
            codes,
            took: latencies.last().copied().unwrap_or_default(),
            latencies,
        })
    }

    fn print(&self, what: &str) {
        let codes: Vec<String> = self.codes.iter().map(|(c, n)| format!("{n} {c}")).collect();
        println!(
            "  {what}: {} in {:.2} s; answered p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
            codes.join(", "),
            self.took.as_secs_f64(),
            ms(percentile(&self.latencies, 0.5)),
            ms(percentile(&self.latencies, 0.99)),
            ms(self.latencies.last().copied().unwrap_or_default())
        );
    }
}

fn code<T>(result: Result<T, tonic::Status>) -> tonic::Code {
    match result {
        Ok(_) => tonic::Code::Ok,
        Err(status) => status.code(),
    }
}

#[tokio::main]
async fn main() -> Result<()> {
    // Without `--bench` (cargo test --benches), keep it tiny: it only proves the bench works.
    let quick = !std::env::args().any(|a| a == "--bench");
    let records = arg("--records", if quick { 10.0 } else { 200.0 }) as usize;
    let record_kb = arg("--record-kb", if quick { 100.0 } else { 900.0 }) as usize;
    let logins = arg("--logins", if quick { 20.0 } else { 200.0 }) as usize;
    let signups = arg("--signups", if quick { 10.0 } else { 100.0 }) as usize;
    let seconds = arg("--seconds", if quick { 0.5 } else { 5.0 });
    let attack_seconds = arg("--attack-seconds", if quick { 1.0 } else { 15.0 });
    let stalled_count = arg("--stalled", 10.0) as usize;

    let (orbit, url) = start().await;
    let pid = orbit.child.id();
    let channel = channel_from(&url, 1).await;
    let (admin, org, project) = common::tenant(&channel).await;
    let mut targets = vec!["bench@example.org".to_owned()];
    let accounts = AccountServiceClient::new(channel.clone());
    for t in 0..TARGETS {
        let email = format!("target{t}@example.org");
        accounts
            .clone()
            .sign_up(pb::SignUpRequest {
                email: email.clone(),
                password: PASSWORD.into(),
                display_name: email.clone(),
            })
            .await
            .with_context(|| format!("sign up {email}"))?;
        targets.push(email);
    }

    // The log the stalled subscribers start from.
    let blob: String = (0..record_kb * 1000)
        .map(|i| char::from(b'a' + (i % 26) as u8))
        .collect();
    let writing = Instant::now();
    for n in 0..records {
        let fields = [
            (
                "n".to_owned(),
                prost_types::Value {
                    kind: Some(prost_types::value::Kind::NumberValue(n as f64)),
                },
            ),
            (
                "blob".to_owned(),
                prost_types::Value {
                    kind: Some(prost_types::value::Kind::StringValue(blob.clone())),
                },
            ),
        ];
        RecordServiceClient::new(channel.clone())
            .put_record(bearer(
                pb::PutRecordRequest {
                    project_id: project.clone(),
                    entity: "blob".into(),
                    id: format!("b{n}"),
                    data: Some(prost_types::Struct {
                        fields: fields.into(),
                    }),
                    expect_version: Some(0),
                },
                &admin,
            ))
            .await
            .with_context(|| format!("write b{n}"))?;
    }
    drop(blob);
    println!(
        "## attack benchmark: {records} records of {record_kb} KB written in {:.1} s",
        writing.elapsed().as_secs_f64()
    );
    tokio::time::sleep(Duration::from_secs(2)).await;

    // Baseline: the idle server.
    let until = Instant::now() + Duration::from_secs_f64(seconds);
    let idle = probe(channel.clone(), admin.clone(), project.clone(), move || {
        Instant::now() >= until
    })
    .await?;
    let rss_idle = (rss_mib(pid, "VmRSS:"), rss_mib(pid, "RssAnon:"));
    let peak = Arc::new((AtomicU64::new(rss_idle.0), AtomicU64::new(rss_idle.1)));
    let sampler = {
        let peak = peak.clone();
        tokio::spawn(async move {
            loop {
                peak.0.fetch_max(rss_mib(pid, "VmRSS:"), Ordering::Relaxed);
                peak.1
                    .fetch_max(rss_mib(pid, "RssAnon:"), Ordering::Relaxed);
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        })
    };

    // 1. Stalled subscribers: read one event each, then nothing.
    let mut stalled = Vec::new();
    for _ in 0..stalled_count {
        let narrow = narrow_channel(&url).await;
        let mut stream = FeedServiceClient::new(narrow.clone())
            .subscribe(bearer(
                cdc::SubscribeRequest {
                    org_id: org.clone(),
                    project_id: project.clone(),
                    start: Some(cdc::subscribe_request::Start::AfterSeq(0)),
                    ..Default::default()
                },
                &admin,
            ))
            .await
            .context("subscribe")?
            .into_inner();
        stream
            .message()
            .await
            .context("a first feed message")?
            .context("the feed ended")?;
        stalled.push((narrow, stream));
    }

    // 2. and 3. Wrong log-ins and sign-ups, all at once, from their own addresses.
    let mut login_channels = Vec::new();
    for a in 0..LOGIN_ADDRESSES {
        login_channels.push(channel_from(&url, 10 + a).await);
    }
    let mut signup_channels = Vec::new();
    for a in 0..SIGNUP_ADDRESSES {
        signup_channels.push(channel_from(&url, 40 + a).await);
    }
    let attack_started = Instant::now();
    let outstanding = Arc::new(AtomicU64::new((logins + signups) as u64));
    let wrong: Vec<_> = (0..logins)
        .map(|i| {
            let client =
                AccountServiceClient::new(login_channels[i % login_channels.len()].clone());
            let email = targets[i % targets.len()].clone();
            let outstanding = outstanding.clone();
            tokio::spawn(async move {
                let result = client
                    .clone()
                    .log_in(pb::LogInRequest {
                        email,
                        password: format!("wrong-password-{i}"),
                    })
                    .await;
                outstanding.fetch_sub(1, Ordering::Relaxed);
                (Instant::now(), code(result))
            })
        })
        .collect();
    let new_accounts: Vec<_> = (0..signups)
        .map(|i| {
            let client =
                AccountServiceClient::new(signup_channels[i % signup_channels.len()].clone());
            let outstanding = outstanding.clone();
            tokio::spawn(async move {
                let result = client
                    .clone()
                    .sign_up(pb::SignUpRequest {
                        email: format!("newcomer{i}@example.org"),
                        password: PASSWORD.into(),
                        display_name: format!("Newcomer {i}"),
                    })
                    .await;
                outstanding.fetch_sub(1, Ordering::Relaxed);
                (Instant::now(), code(result))
            })
        })
        .collect();
    // Until every log-in and sign-up is answered, and for at least `attack_seconds` (long
    // enough for the stalled subscriptions to be cut off, after 10 s with a full queue).
    let at_least = attack_started + Duration::from_secs_f64(attack_seconds);
    let busy = outstanding.clone();
    let attacked = probe(channel.clone(), admin.clone(), project.clone(), move || {
        Instant::now() >= at_least && busy.load(Ordering::Relaxed) == 0
    })
    .await?;
    let probed_for = attack_started.elapsed();
    sampler.abort();
    let wrong = Outcomes::of(attack_started, wrong).await?;
    let new_accounts = Outcomes::of(attack_started, new_accounts).await?;

    // How the stalled subscriptions ended: read what each was sent.
    let mut ends = BTreeMap::new();
    for (_channel, mut stream) in stalled {
        let end = loop {
            match tokio::time::timeout(Duration::from_secs(5), stream.message()).await {
                Ok(Ok(Some(_))) => continue,
                Ok(Ok(None)) => break "ended".to_owned(),
                Ok(Err(status)) => break format!("{:?}", status.code()),
                Err(_) => break "still open".to_owned(),
            }
        };
        *ends.entry(end).or_insert(0) += 1;
    }

    let idle = window(&idle, None);
    let burst_end = attack_started + wrong.took.max(new_accounts.took);
    let burst = window(&attacked, Some(burst_end));
    let attacked = window(&attacked, None);
    let (i50, i99) = (percentile(&idle, 0.5), percentile(&idle, 0.99));
    println!("GetProject, one call at a time (2 ms apart):");
    println!(
        "  idle                   p50 {:>6.2} ms  p99 {:>6.2} ms  max {:>6.2} ms  ({} calls in {seconds} s; baseline)",
        ms(i50),
        ms(i99),
        ms(idle.last().copied().unwrap_or_default()),
        idle.len()
    );
    for (what, latencies, took) in [
        ("log-in/sign-up burst", &burst, burst_end - attack_started),
        ("whole attack", &attacked, probed_for),
    ] {
        let (p50, p99) = (percentile(latencies, 0.5), percentile(latencies, 0.99));
        println!(
            "  {what:<22} p50 {:>6.2} ms  p99 {:>6.2} ms  max {:>6.2} ms  ({} calls in {:.1} s; p99 vs idle {:.2}x; goal p99 < 50 ms)",
            ms(p50),
            ms(p99),
            ms(latencies.last().copied().unwrap_or_default()),
            latencies.len(),
            took.as_secs_f64(),
            p99.as_secs_f64() / i99.as_secs_f64()
        );
    }
    println!(
        "attackers ({stalled_count} stalled subscribers, {logins} wrong log-ins over {} accounts and {LOGIN_ADDRESSES} addresses, {signups} sign-ups from {SIGNUP_ADDRESSES} addresses):",
        targets.len()
    );
    wrong.print("wrong log-ins");
    new_accounts.print("sign-ups (Ok = accepted)");
    let ends: Vec<String> = ends.iter().map(|(e, n)| format!("{n} {e}")).collect();
    println!("  stalled subscriptions afterwards: {}", ends.join(", "));
    println!(
        "  server RSS: idle {} MiB (heap {} MiB), peak under attack {} MiB (heap {} MiB)",
        rss_idle.0,
        rss_idle.1,
        peak.0.load(Ordering::Relaxed),
        peak.1.load(Ordering::Relaxed)
    );
    drop(login_channels);
    drop(signup_channels);
    Ok(())
}
