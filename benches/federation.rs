//! Federation benchmark (a `--bench` binary): two real `orbit serve`, each on its own
//! nats-server like two organisations (B's a leaf node of A's, JetStream domains `a` and
//! `b`); A shares a project with B. Each figure against a baseline of the same run:
//!
//! 1. a record written on A → its event on a live `FeedService` watcher of B, p50/p99 over
//!    sequential writes, vs a raw async-nats publish on A's server → subscriber on B's server
//!    through the same two servers, and vs the write's own round trip on A (the goal is
//!    ≤ 3× raw plus one store write);
//! 2. catch-up: B is stopped while A writes `--catchup` records; the time from B's start until
//!    it has applied them all (Peers `events_in`);
//! 3. sustained events/s A → B with 32 writers on A for `--seconds`, vs the writes/s A takes.
//!
//! Run: `cargo bench --bench federation` (optionally `-- --writes 500 --catchup 100000
//! --seconds 10`).

mod common;

#[path = "../tests/support/nats_pair.rs"]
mod nats_pair;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use common::{Orbit, arg, bearer, percentile, start_with};
use futures::StreamExt;
use orbit_proto::orbit::cdc::v1 as cdc;
use orbit_proto::orbit::cdc::v1::feed_service_client::FeedServiceClient;
use orbit_proto::orbit::federation::v1 as fed;
use orbit_proto::orbit::federation::v1::federation_service_client::FederationServiceClient;
use orbit_proto::orbit::system::v1 as pb;
use orbit_proto::orbit::system::v1::record_service_client::RecordServiceClient;
use tonic::transport::Channel;

struct Side {
    orbit: Orbit,
    channel: Channel,
    token: String,
    org: String,
    project: String,
    data: std::path::PathBuf,
    nats: String,
    domain: &'static str,
}

async fn side(dir: &std::path::Path, nats: &str, domain: &'static str) -> Result<Side> {
    let data = dir.join(domain);
    let (orbit, url) = start_with(
        &data,
        &["--nats", nats],
        &[("ORBIT_FEDERATION_DOMAIN", domain)],
    )
    .await;
    let channel = Channel::from_shared(url)?.connect().await?;
    let (token, org, project) = common::tenant(&channel).await;
    Ok(Side {
        orbit,
        channel,
        token,
        org,
        project,
        data,
        nats: nats.to_owned(),
        domain,
    })
}

async fn restart(side: &mut Side) -> Result<()> {
    let (orbit, url) = start_with(
        &side.data,
        &["--nats", &side.nats],
        &[("ORBIT_FEDERATION_DOMAIN", side.domain)],
    )
    .await;
    side.orbit = orbit;
    side.channel = Channel::from_shared(url)?.connect().await?;
    Ok(())
}

async fn put(channel: &Channel, token: &str, project: &str, id: &str) -> Result<()> {
    let mut fields = std::collections::BTreeMap::new();
    fields.insert(
        "title".to_owned(),
        prost_types::Value {
            kind: Some(prost_types::value::Kind::StringValue(format!("task {id}"))),
        },
    );
    RecordServiceClient::new(channel.clone())
        .put_record(bearer(
            pb::PutRecordRequest {
                project_id: project.into(),
                entity: "task".into(),
                id: id.into(),
                data: Some(prost_types::Struct { fields }),
                expect_version: None,
            },
            token,
        ))
        .await
        .context("put record")?;
    Ok(())
}

async fn events_in(side: &Side, link: &str) -> Result<u64> {
    let links = FederationServiceClient::new(side.channel.clone())
        .peers(bearer(
            fed::PeersRequest {
                org_id: side.org.clone(),
            },
            &side.token,
        ))
        .await?
        .into_inner()
        .links;
    Ok(links
        .iter()
        .find(|l| l.id == link)
        .map(|l| l.events_in)
        .unwrap_or(0))
}

fn show(name: &str, mut samples: Vec<Duration>) -> (Duration, Duration) {
    samples.sort();
    let (p50, p99) = (percentile(&samples, 0.5), percentile(&samples, 0.99));
    println!(
        "{name:<44} p50 {:>8.3} ms  p99 {:>8.3} ms  (n = {})",
        p50.as_secs_f64() * 1e3,
        p99.as_secs_f64() * 1e3,
        samples.len()
    );
    (p50, p99)
}

#[tokio::main]
async fn main() -> Result<()> {
    let writes = arg("--writes", 500.0) as usize;
    let catchup = arg("--catchup", 100_000.0) as u64;
    let seconds = arg("--seconds", 10.0);
    let dir = tempfile::tempdir()?;
    let (nats_a, nats_b) = nats_pair::nats_pair(dir.path());
    let a = side(dir.path(), &nats_a.url(), "a").await?;
    let mut b = side(dir.path(), &nats_b.url(), "b").await?;

    let token = FederationServiceClient::new(a.channel.clone())
        .create_invitation(bearer(
            fed::CreateInvitationRequest {
                org_id: a.org.clone(),
                project_id: a.project.clone(),
                modules: vec!["records".into()],
                ..Default::default()
            },
            &a.token,
        ))
        .await?
        .into_inner()
        .token;
    let link = FederationServiceClient::new(b.channel.clone())
        .accept_invitation(bearer(
            fed::AcceptInvitationRequest {
                org_id: b.org.clone(),
                token,
            },
            &b.token,
        ))
        .await?
        .into_inner()
        .link
        .context("link")?;

    // 1. Baseline: raw publish on A's server → subscriber on B's server.
    let orbit_user = || {
        async_nats::ConnectOptions::with_user_and_password("orbit".into(), "orbit-secret".into())
    };
    let publisher = orbit_user().connect(nats_a.url()).await?;
    let subscriber = orbit_user().connect(nats_b.url()).await?;
    let mut raw = subscriber.subscribe("bench.raw").await?;
    subscriber.flush().await?;
    tokio::time::sleep(Duration::from_millis(500)).await; // interest crosses the leaf
    let mut raw_samples = Vec::new();
    for n in 0..writes {
        let sent = Instant::now();
        publisher
            .publish("bench.raw", format!("{n}").into())
            .await?;
        publisher.flush().await?;
        raw.next().await.context("raw message")?;
        raw_samples.push(sent.elapsed());
    }
    let (raw50, raw99) = show("raw NATS A → B", raw_samples);

    // Orbit: a write on A until B's live watcher has it.
    let mut feed = FeedServiceClient::new(b.channel.clone())
        .subscribe(bearer(
            cdc::SubscribeRequest {
                module: "records".into(),
                project_id: a.project.clone(),
                start: Some(cdc::subscribe_request::Start::FromNow(true)),
                ..Default::default()
            },
            &b.token,
        ))
        .await?
        .into_inner();
    let (mut crossing, mut own) = (Vec::new(), Vec::new());
    for n in 0..writes {
        let sent = Instant::now();
        put(&a.channel, &a.token, &a.project, &format!("live{n}")).await?;
        own.push(sent.elapsed());
        loop {
            let message = feed.next().await.context("feed")??;
            if let Some(cdc::feed_message::Kind::Event(event)) = message.kind {
                if event.id == format!("task/live{n}") || event.id.ends_with(&format!("live{n}")) {
                    break;
                }
            }
        }
        crossing.push(sent.elapsed());
    }
    let (own50, own99) = show("PutRecord round trip on A", own);
    let (p50, p99) = show("write on A → live watcher on B", crossing);
    println!(
        "ratio vs (raw + write): p50 {:.2}×, p99 {:.2}×",
        p50.as_secs_f64() / (raw50 + own50).as_secs_f64(),
        p99.as_secs_f64() / (raw99 + own99).as_secs_f64()
    );

    // 3. Sustained: 32 writers on A for `seconds`; B's applied rate over the same time.
    let before = events_in(&b, &link.id).await?;
    let written = Arc::new(AtomicU64::new(0));
    let stop = Instant::now() + Duration::from_secs_f64(seconds);
    let mut writers = Vec::new();
    for w in 0..32 {
        let (channel, token, project, written) = (
            a.channel.clone(),
            a.token.clone(),
            a.project.clone(),
            written.clone(),
        );
        writers.push(tokio::spawn(async move {
            let mut n = 0;
            while Instant::now() < stop {
                if put(&channel, &token, &project, &format!("s{w}-{n}"))
                    .await
                    .is_ok()
                {
                    written.fetch_add(1, Ordering::Relaxed);
                }
                n += 1;
            }
        }));
    }
    for w in writers {
        w.await?;
    }
    let total = written.load(Ordering::Relaxed);
    let deadline = Instant::now() + Duration::from_secs(120);
    while events_in(&b, &link.id).await? < before + total && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let applied = events_in(&b, &link.id).await? - before;
    let took = Instant::now() - (stop - Duration::from_secs_f64(seconds));
    println!(
        "sustained: A took {:.0} writes/s; B applied {applied} of {total} in {:.1} s ({:.0} events/s)",
        total as f64 / seconds,
        took.as_secs_f64(),
        applied as f64 / took.as_secs_f64()
    );

    // 2. Catch-up: B is down while A writes `catchup` records.
    let _ = b.orbit.child.kill();
    let _ = b.orbit.child.wait();
    let written = Arc::new(AtomicU64::new(0));
    let per = catchup / 32;
    let mut writers = Vec::new();
    for w in 0..32 {
        let (channel, token, project, written) = (
            a.channel.clone(),
            a.token.clone(),
            a.project.clone(),
            written.clone(),
        );
        writers.push(tokio::spawn(async move {
            for n in 0..per {
                if put(&channel, &token, &project, &format!("c{w}-{n}"))
                    .await
                    .is_ok()
                {
                    written.fetch_add(1, Ordering::Relaxed);
                }
            }
        }));
    }
    for w in writers {
        w.await?;
    }
    let total = written.load(Ordering::Relaxed);
    // Let A's relay publish everything first: the figure is B's catch-up.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let started = Instant::now();
    restart(&mut b).await?;
    let deadline = Instant::now() + Duration::from_secs(600);
    while events_in(&b, &link.id).await? < total && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let took = started.elapsed();
    println!(
        "catch-up: {} of {total} events applied in {:.2} s after B's start ({:.0} events/s)",
        events_in(&b, &link.id).await?,
        took.as_secs_f64(),
        total as f64 / took.as_secs_f64()
    );
    drop(a);
    drop(b);
    drop((nats_a, nats_b));
    Ok(())
}
