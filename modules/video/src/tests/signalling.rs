//! The signalling relay and presence: signals reach their addressee only, bad signals are
//! refused naming the field, a dropped stream leaves presence at once, a reconnect replaces
//! the earlier stream, and ICE servers carry a TURN credential that verifies.

use std::time::{Duration, SystemTime};

use futures::StreamExt;
use orbit_proto::orbit::video::v1 as pb;
use zeroize::Zeroizing;

use super::harness::{Harness, field_of, id, next, quiet};
use crate::{OutgoingSignal, VideoConfig, VideoError};

fn offer(h: &Harness, call: &pb::Call, from: &str, to: &str, sdp: &str) -> OutgoingSignal {
    OutgoingSignal {
        project_id: h.project.clone(),
        call_id: call.id.clone(),
        participant_id: from.into(),
        to_participant_id: to.into(),
        kind: pb::SignalKind::Offer as i32,
        sdp: sdp.into(),
        candidate: None,
    }
}

fn signal_of(event: pb::CallEvent) -> pb::Signal {
    match event.kind {
        Some(pb::call_event::Kind::Signal(signal)) => signal,
        other => panic!("expected a signal, got {other:?}"),
    }
}

#[tokio::test]
async fn signals_reach_their_addressee_only() {
    let h = Harness::open(3, VideoConfig::default()).await;
    let (alice, bob, carol) = (&h.users[0], &h.users[1], &h.users[2]);
    let call = h.create(alice, "Three", 0).await;
    let (a, mut a_events) = h.enter(alice, &call).await;
    let (b, mut b_events) = h.enter(bob, &call).await;
    let (c, mut c_events) = h.enter(carol, &call).await;
    // Presence: alice saw bob and carol join, bob saw carol.
    for _ in 0..2 {
        next(&mut a_events).await;
    }
    next(&mut b_events).await;
    h.video
        .signal(alice, offer(&h, &call, &a, &b, "v=0 offer"))
        .unwrap();
    let got = signal_of(next(&mut b_events).await);
    assert_eq!(
        (
            got.from_participant_id.as_str(),
            got.from_account_id.as_str(),
            got.sdp.as_str()
        ),
        (a.as_str(), id(alice).as_str(), "v=0 offer")
    );
    h.video
        .signal(
            bob,
            OutgoingSignal {
                kind: pb::SignalKind::Answer as i32,
                ..offer(&h, &call, &b, &a, "v=0 answer")
            },
        )
        .unwrap();
    assert_eq!(signal_of(next(&mut a_events).await).sdp, "v=0 answer");
    let candidate = pb::IceCandidate {
        candidate: "candidate:1 1 udp 2122260223 192.0.2.1 54400 typ host".into(),
        sdp_mid: "0".into(),
        sdp_m_line_index: 0,
        username_fragment: "abcd".into(),
    };
    for (from, to, who) in [(&a, &b, alice), (&b, &a, bob)] {
        h.video
            .signal(
                who,
                OutgoingSignal {
                    kind: pb::SignalKind::IceCandidate as i32,
                    sdp: String::new(),
                    candidate: Some(candidate.clone()),
                    ..offer(&h, &call, from, to, "")
                },
            )
            .unwrap();
    }
    assert_eq!(
        signal_of(next(&mut b_events).await).candidate,
        Some(candidate.clone())
    );
    assert_eq!(
        signal_of(next(&mut a_events).await).candidate,
        Some(candidate)
    );
    // Carol, in the same call, received none of it.
    assert_eq!(quiet(&mut c_events).await, None);
    // Bad signals: refused naming the field, delivered to nobody.
    let expect = |error: VideoError, field: &str| assert_eq!(field_of(&error), field);
    expect(
        h.video
            .signal(alice, offer(&h, &call, &a, "01NOTINTHISCALL", "v=0"))
            .unwrap_err(),
        "to_participant_id",
    );
    expect(
        h.video
            .signal(alice, offer(&h, &call, &a, &b, &"x".repeat(64 * 1024 + 1)))
            .unwrap_err(),
        "sdp",
    );
    expect(
        h.video
            .signal(alice, offer(&h, &call, &a, &b, ""))
            .unwrap_err(),
        "sdp",
    );
    expect(
        h.video
            .signal(
                alice,
                OutgoingSignal {
                    kind: 0,
                    ..offer(&h, &call, &a, &b, "v=0")
                },
            )
            .unwrap_err(),
        "kind",
    );
    expect(
        h.video
            .signal(
                alice,
                OutgoingSignal {
                    kind: pb::SignalKind::IceCandidate as i32,
                    ..offer(&h, &call, &a, &b, "")
                },
            )
            .unwrap_err(),
        "candidate",
    );
    expect(
        h.video
            .signal(alice, offer(&h, &call, &a, &a, "v=0"))
            .unwrap_err(),
        "to_participant_id",
    );
    // Nobody speaks for another's participant.
    let spoofed = h
        .video
        .signal(carol, offer(&h, &call, &a, &b, "v=0"))
        .unwrap_err();
    assert!(
        matches!(&spoofed, VideoError::PermissionDenied(m) if m.starts_with("participant_id:")),
        "{spoofed:?}"
    );
    for events in [&mut a_events, &mut b_events, &mut c_events] {
        assert_eq!(quiet(events).await, None);
    }
    drop(c);
    h.close().await;
}

#[tokio::test]
async fn a_dropped_stream_leaves_presence_at_once_and_a_reconnect_replaces_the_stream() {
    let h = Harness::open(2, VideoConfig::default()).await;
    let (alice, bob) = (&h.users[0], &h.users[1]);
    let call = h.create(alice, "Drop", 0).await;
    let (_a, mut a_events) = h.enter(alice, &call).await;
    let (b, b_events) = h.enter(bob, &call).await;
    next(&mut a_events).await; // bob joined
    // Connecting again replaces the earlier stream, which ends; bob stays.
    let mut again = h
        .video
        .connect(bob, &h.project, &call.id, &b, Duration::from_secs(30))
        .await
        .unwrap();
    next(&mut again).await; // welcome
    let mut b_events = b_events;
    assert!(b_events.next().await.is_none(), "the earlier stream ends");
    drop(b_events);
    assert_eq!(h.video.presence.participants(&h.project, &call.id).len(), 2);
    // Dropping the live one removes bob at once.
    drop(again);
    match next(&mut a_events).await.kind {
        Some(pb::call_event::Kind::Left(left)) => {
            assert_eq!(left.participant_id, b);
            assert_eq!(left.reason, pb::LeaveReason::Disconnected as i32);
        }
        other => panic!("expected left, got {other:?}"),
    }
    assert_eq!(h.video.presence.participants(&h.project, &call.id).len(), 1);
    let entry = h
        .history_of(&call, |e| {
            e.attendances
                .iter()
                .any(|a| a.participant_id == b && a.left_at_ms > 0)
        })
        .await;
    assert!(
        entry
            .attendances
            .iter()
            .any(|a| a.participant_id == b && a.left_at_ms > 0)
    );
    // Someone else's participant cannot be connected to.
    let refused = h
        .video
        .connect(bob, &h.project, &call.id, &_a, Duration::from_secs(30))
        .await
        .err()
        .expect("refused");
    assert!(
        matches!(refused, VideoError::PermissionDenied(_)),
        "{refused:?}"
    );
    h.close().await;
}

#[tokio::test]
async fn ice_servers_carry_a_turn_credential_that_verifies() {
    let secrets = vec![
        Zeroizing::new(b"current secret".to_vec()),
        Zeroizing::new(b"previous secret".to_vec()),
    ];
    let h = Harness::open(
        1,
        VideoConfig {
            stun_urls: vec!["stun:stun.example.org:3478".into()],
            turn_urls: vec!["turn:turn.example.org:3478?transport=udp".into()],
            turn_secrets: secrets.clone(),
            credential_lifetime: Duration::from_secs(600),
            ..VideoConfig::default()
        },
    )
    .await;
    let alice = &h.users[0];
    let (servers, expires_at_ms) = h.video.ice_servers(alice, &h.project).unwrap();
    assert_eq!(servers.len(), 2);
    assert_eq!(servers[0].urls, vec!["stun:stun.example.org:3478"]);
    assert!(servers[0].username.is_empty());
    let turn = &servers[1];
    let (expiry, account) = turn.username.split_once(':').unwrap();
    assert_eq!(account, id(alice));
    assert_eq!(expiry.parse::<i64>().unwrap() * 1000, expires_at_ms);
    assert_eq!(
        turn.credential,
        crate::password(b"current secret", &turn.username)
    );
    assert!(crate::verify(
        &secrets,
        &turn.username,
        &turn.credential,
        SystemTime::now()
    ));
    // Without TURN configured there is no credential.
    let plain = Harness::open(1, VideoConfig::default()).await;
    let (servers, expires) = plain
        .video
        .ice_servers(&plain.users[0], &plain.project)
        .unwrap();
    assert!(servers.is_empty() && expires == 0);
    plain.close().await;
    h.close().await;
}
