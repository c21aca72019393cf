//! Video signalling benchmark (a `--bench` binary), on a release `orbit serve`: two
//! participants of one call; A sends an SDP offer of a realistic size to B with `Signal`, and
//! the time until it arrives on B's `ConnectParticipant` stream is one relay. Against, in the
//! same run, a bare tonic round trip to the same server (gRPC health `Check`: no auth, no
//! work), and the `Signal` call's own round trip.
//!
//! Run: `cargo bench --bench video` (optionally `-- --signals 2000`).

mod common;

use std::time::{Duration, Instant};

use common::{arg, bearer, member, percentile, start, tenant};
use orbit_proto::orbit::video::v1 as video;
use orbit_proto::orbit::video::v1::video_service_client::VideoServiceClient;
use tonic::transport::Channel;
use tonic_health::pb::HealthCheckRequest;
use tonic_health::pb::health_client::HealthClient;

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

fn report(name: &str, times: &mut [Duration]) {
    times.sort();
    println!(
        "  {name:<46} p50 {:>7.3} ms  p99 {:>7.3} ms",
        ms(percentile(times, 0.5)),
        ms(percentile(times, 0.99))
    );
}

/// Joins the call and opens the participant's stream (its welcome read).
async fn enter(
    channel: &Channel,
    token: &str,
    project: &str,
    call: &str,
) -> (String, tonic::Streaming<video::CallEvent>) {
    let mut client = VideoServiceClient::new(channel.clone());
    let id = client
        .join_call(bearer(
            video::JoinCallRequest {
                project_id: project.into(),
                call_id: call.into(),
                state: None,
            },
            token,
        ))
        .await
        .expect("join")
        .into_inner()
        .participant
        .expect("a participant")
        .id;
    let mut events = client
        .connect_participant(bearer(
            video::ConnectParticipantRequest {
                project_id: project.into(),
                call_id: call.into(),
                participant_id: id.clone(),
                heartbeat_seconds: 300,
            },
            token,
        ))
        .await
        .expect("connect")
        .into_inner();
    events.message().await.expect("welcome").expect("welcome");
    (id, events)
}

#[tokio::main]
async fn main() {
    let signals = arg("--signals", 2000.0) as usize;
    let (_server, url) = start().await;
    let channel = Channel::from_shared(url.clone())
        .unwrap()
        .connect()
        .await
        .unwrap();
    let (alice, _org, project) = tenant(&channel).await;
    let (bob, _) = member(&channel, &alice, &project, "bob@bench.example").await;
    let call = VideoServiceClient::new(channel.clone())
        .create_call(bearer(
            video::CreateCallRequest {
                project_id: project.clone(),
                title: "Bench call".into(),
                max_participants: 0,
            },
            &alice,
        ))
        .await
        .expect("create call")
        .into_inner()
        .call
        .expect("a call");
    let (a, _a_events) = enter(&channel, &alice, &project, &call.id).await;
    let (b, mut b_events) = enter(&channel, &bob, &project, &call.id).await;
    // Alice's join reached Bob's stream before he connected? Drain what is there.
    while let Ok(Ok(Some(_))) =
        tokio::time::timeout(Duration::from_millis(200), b_events.message()).await
    {}
    println!("## video signalling: {signals} offers from A to B, one at a time");

    // A typical SDP offer is 3-6 KB.
    let sdp = format!(
        "v=0\r\n{}",
        "a=candidate:1 1 udp 2122260223 192.0.2.1 54400 typ host\r\n".repeat(80)
    );
    let mut sender = VideoServiceClient::new(channel.clone());
    let mut relays = Vec::with_capacity(signals);
    let mut calls = Vec::with_capacity(signals);
    for _ in 0..signals {
        let request = video::SignalRequest {
            project_id: project.clone(),
            call_id: call.id.clone(),
            participant_id: a.clone(),
            to_participant_id: b.clone(),
            kind: video::SignalKind::Offer as i32,
            sdp: sdp.clone(),
            candidate: None,
        };
        let sent = Instant::now();
        sender
            .signal(bearer(request, &alice))
            .await
            .expect("signal");
        calls.push(sent.elapsed());
        loop {
            let event = b_events.message().await.expect("B's stream").expect("open");
            if matches!(event.kind, Some(video::call_event::Kind::Signal(_))) {
                break;
            }
        }
        relays.push(sent.elapsed());
    }

    let mut health = HealthClient::new(channel.clone());
    let mut bare = Vec::with_capacity(signals);
    for _ in 0..signals {
        let sent = Instant::now();
        health
            .check(HealthCheckRequest {
                service: String::new(),
            })
            .await
            .expect("health");
        bare.push(sent.elapsed());
    }

    report("Signal A -> arrives on B's stream (relay)", &mut relays);
    report("Signal call round trip (A's ack)", &mut calls);
    report("bare tonic round trip (health Check)", &mut bare);
    println!(
        "  ratio relay / bare round trip: p50 {:.2}x  p99 {:.2}x",
        ms(percentile(&relays, 0.5)) / ms(percentile(&bare, 0.5)),
        ms(percentile(&relays, 0.99)) / ms(percentile(&bare, 0.99))
    );
}
