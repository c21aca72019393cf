//! Video calls end to end: every `orbit.video.v1.VideoService` RPC through a real gRPC client
//! against a real `orbit serve`, on SQLite and on PostgreSQL. Two participants exchange an
//! offer, an answer and ICE candidates through the relay while a third in the same call
//! receives none of it; a participant whose stream is dropped leaves presence within 5 s;
//! TURN credentials verify with an HMAC-SHA1 computed here from scratch; the ninth joiner of
//! an eight-mesh is refused; bad input is refused naming the field, stores nothing and
//! disturbs nobody; the `video` database holds no plaintext of a call's title.
//!
//! Each test signs up at most five accounts after the first, the per-address sign-up limit.

use std::time::{Duration, Instant};

use base64::Engine as _;
use orbit_proto::orbit::system::v1 as pb;
use orbit_proto::orbit::video::v1 as video;
use orbit_proto::orbit::video::v1::video_service_client::VideoServiceClient;
use tonic::Code;
use tonic::transport::Channel;

use crate::common::postgres::SchemaGuard;
use crate::common::tenant::{
    Person, add_member, bearer, create_org, create_project, person, sign_up,
};
use crate::common::{Server, TestDir};

const TURN_SECRET: &str = "e2e turn secret";
const MARKER: &str = "QuokkaStandup3141";

/// A project with its owner and members alice, bob, carol.
struct Team {
    project: String,
    owner: Person,
    alice: Person,
    bob: Person,
    carol: Person,
}

async fn team(channel: &Channel) -> Team {
    sign_up(channel, "root@example.org").await;
    let owner = person(channel, "owner@example.org").await;
    let org = create_org(channel, &owner.token, "Acme").await;
    let project = create_project(channel, &owner.token, &org, "Launch").await;
    let mut members = Vec::new();
    for name in ["alice", "bob", "carol"] {
        let email = format!("{name}@example.org");
        let member = person(channel, &email).await;
        add_member(
            channel,
            &owner.token,
            &project,
            &email,
            &member.token,
            pb::Role::ProjectUser,
        )
        .await;
        members.push(member);
    }
    let carol = members.pop().unwrap();
    let bob = members.pop().unwrap();
    let alice = members.pop().unwrap();
    Team {
        project,
        owner,
        alice,
        bob,
        carol,
    }
}

/// Where a test's server keeps its data.
#[derive(Debug, Clone, Copy)]
enum Engine {
    Sqlite,
    Postgres,
}

/// A server on `engine` with STUN, TURN and a TURN secret configured.
async fn start(engine: Engine) -> (TestDir, Server, Channel, Option<SchemaGuard>) {
    let dir = TestDir::new();
    let (mut command, guard) = match engine {
        Engine::Sqlite => (dir.serve(), None),
        Engine::Postgres => {
            let guard = SchemaGuard::new();
            (guard.serve(&dir), Some(guard))
        }
    };
    command
        .args(["--stun-urls", "stun:stun.example.org:3478"])
        .args([
            "--turn-urls",
            "turn:turn.example.org:3478,turns:turn.example.org:5349",
        ])
        .args(["--turn-credential-lifetime", "600"])
        .env("ORBIT_TURN_SECRET", TURN_SECRET);
    let server = Server::start(command).await;
    let channel = server.channel().await;
    (dir, server, channel, guard)
}

fn client(channel: &Channel) -> VideoServiceClient<Channel> {
    VideoServiceClient::new(channel.clone())
}

async fn create_call(channel: &Channel, who: &Person, project: &str, title: &str) -> video::Call {
    client(channel)
        .create_call(bearer(
            video::CreateCallRequest {
                project_id: project.into(),
                title: title.into(),
                max_participants: 0,
            },
            &who.token,
        ))
        .await
        .expect("create call")
        .into_inner()
        .call
        .expect("call")
}

/// A participant in a call: its id and its open stream (welcome already read).
struct Member {
    id: String,
    events: tonic::Streaming<video::CallEvent>,
}

async fn enter(channel: &Channel, who: &Person, project: &str, call: &str) -> Member {
    let joined = client(channel)
        .join_call(bearer(
            video::JoinCallRequest {
                project_id: project.into(),
                call_id: call.into(),
                state: Some(video::MediaState {
                    mic: true,
                    ..Default::default()
                }),
            },
            &who.token,
        ))
        .await
        .expect("join")
        .into_inner();
    let id = joined.participant.expect("participant").id;
    let mut events = client(channel)
        .connect_participant(bearer(
            video::ConnectParticipantRequest {
                project_id: project.into(),
                call_id: call.into(),
                participant_id: id.clone(),
                heartbeat_seconds: 0,
            },
            &who.token,
        ))
        .await
        .expect("connect")
        .into_inner();
    match next(&mut events).await.kind {
        Some(video::call_event::Kind::Welcome(welcome)) => assert_eq!(welcome.participant_id, id),
        other => panic!("expected a welcome first, got {other:?}"),
    }
    Member { id, events }
}

/// The next event, skipping heartbeats (within 5 s).
async fn next(events: &mut tonic::Streaming<video::CallEvent>) -> video::CallEvent {
    loop {
        let event = tokio::time::timeout(Duration::from_secs(5), events.message())
            .await
            .expect("an event within 5 s")
            .expect("the stream goes on")
            .expect("not ended");
        if !matches!(event.kind, Some(video::call_event::Kind::Heartbeat(_))) {
            return event;
        }
    }
}

/// Whatever arrives within a moment, heartbeats aside.
async fn quiet(events: &mut tonic::Streaming<video::CallEvent>) -> Vec<video::CallEvent> {
    let mut got = Vec::new();
    while let Ok(item) = tokio::time::timeout(Duration::from_millis(300), events.message()).await {
        match item {
            Ok(Some(event))
                if matches!(event.kind, Some(video::call_event::Kind::Heartbeat(_))) => {}
            Ok(Some(event)) => got.push(event),
            other => panic!("the stream ended: {other:?}"),
        }
    }
    got
}

fn signal(event: video::CallEvent) -> video::Signal {
    match event.kind {
        Some(video::call_event::Kind::Signal(signal)) => signal,
        other => panic!("expected a signal, got {other:?}"),
    }
}

fn signal_request(
    project: &str,
    call: &str,
    from: &str,
    to: &str,
    kind: video::SignalKind,
    sdp: &str,
) -> video::SignalRequest {
    video::SignalRequest {
        project_id: project.into(),
        call_id: call.into(),
        participant_id: from.into(),
        to_participant_id: to.into(),
        kind: kind as i32,
        sdp: sdp.into(),
        candidate: None,
    }
}

async fn participants(channel: &Channel, who: &Person, project: &str, call: &str) -> Vec<String> {
    client(channel)
        .get_call(bearer(
            video::GetCallRequest {
                project_id: project.into(),
                call_id: call.into(),
            },
            &who.token,
        ))
        .await
        .expect("get call")
        .into_inner()
        .participants
        .into_iter()
        .map(|p| p.id)
        .collect()
}

async fn history(channel: &Channel, who: &Person, project: &str) -> Vec<video::CallHistoryEntry> {
    client(channel)
        .list_call_history(bearer(
            video::ListCallHistoryRequest {
                project_id: project.into(),
                page_size: 100,
                page_token: String::new(),
            },
            &who.token,
        ))
        .await
        .expect("history")
        .into_inner()
        .entries
}

async fn every_video_rpc_answers_through_grpc(engine: Engine) {
    let (dir, _server, channel, guard) = start(engine).await;
    let t = team(&channel).await;
    let p = t.project.clone();
    let mut c = client(&channel);
    let call = create_call(&channel, &t.alice, &p, &format!("Standup {MARKER}")).await;
    assert_eq!(call.max_participants, 8);
    let listed = c
        .list_calls(bearer(
            video::ListCallsRequest {
                project_id: p.clone(),
                include_closed: false,
            },
            &t.bob.token,
        ))
        .await
        .unwrap()
        .into_inner()
        .calls;
    assert_eq!(
        listed.iter().map(|c| &c.id).collect::<Vec<_>>(),
        vec![&call.id]
    );
    let mut alice = enter(&channel, &t.alice, &p, &call.id).await;
    let mut bob = enter(&channel, &t.bob, &p, &call.id).await;
    let mut carol = enter(&channel, &t.carol, &p, &call.id).await;
    for _ in 0..2 {
        assert!(matches!(
            next(&mut alice.events).await.kind,
            Some(video::call_event::Kind::Joined(_))
        ));
    }
    assert!(matches!(
        next(&mut bob.events).await.kind,
        Some(video::call_event::Kind::Joined(_))
    ));
    assert_eq!(
        participants(&channel, &t.owner, &p, &call.id).await,
        vec![alice.id.clone(), bob.id.clone(), carol.id.clone()]
    );
    // Offer, answer and candidates between alice and bob through the relay.
    c.signal(bearer(
        signal_request(
            &p,
            &call.id,
            &alice.id,
            &bob.id,
            video::SignalKind::Offer,
            "v=0 offer",
        ),
        &t.alice.token,
    ))
    .await
    .unwrap();
    let offer = signal(next(&mut bob.events).await);
    assert_eq!(
        (offer.from_participant_id.as_str(), offer.sdp.as_str()),
        (alice.id.as_str(), "v=0 offer")
    );
    assert_eq!(offer.from_account_id, t.alice.id);
    c.signal(bearer(
        signal_request(
            &p,
            &call.id,
            &bob.id,
            &alice.id,
            video::SignalKind::Answer,
            "v=0 answer",
        ),
        &t.bob.token,
    ))
    .await
    .unwrap();
    assert_eq!(signal(next(&mut alice.events).await).sdp, "v=0 answer");
    for (from, to, who) in [(&alice.id, &bob.id, &t.alice), (&bob.id, &alice.id, &t.bob)] {
        c.signal(bearer(
            video::SignalRequest {
                candidate: Some(video::IceCandidate {
                    candidate: format!(
                        "candidate:1 1 udp 2122260223 192.0.2.1 5440{} typ host",
                        from.len() % 10
                    ),
                    sdp_mid: "0".into(),
                    sdp_m_line_index: 0,
                    username_fragment: "frag".into(),
                }),
                ..signal_request(&p, &call.id, from, to, video::SignalKind::IceCandidate, "")
            },
            &who.token,
        ))
        .await
        .unwrap();
    }
    assert!(signal(next(&mut bob.events).await).candidate.is_some());
    assert!(signal(next(&mut alice.events).await).candidate.is_some());
    // Carol, in the same call, received none of it.
    assert_eq!(quiet(&mut carol.events).await, vec![]);
    // Media state reaches everybody.
    let state = video::MediaState {
        mic: false,
        camera: true,
        screen_share: true,
        hand_raised: true,
    };
    let updated = c
        .update_state(bearer(
            video::UpdateStateRequest {
                project_id: p.clone(),
                call_id: call.id.clone(),
                participant_id: carol.id.clone(),
                state: Some(state),
            },
            &t.carol.token,
        ))
        .await
        .unwrap()
        .into_inner()
        .participant
        .unwrap();
    assert_eq!(updated.state, Some(state));
    for events in [&mut alice.events, &mut bob.events, &mut carol.events] {
        match next(events).await.kind {
            Some(video::call_event::Kind::Updated(p)) => assert_eq!(p.state, Some(state)),
            other => panic!("expected updated, got {other:?}"),
        }
    }
    // Bob's connection drops: he leaves presence within 5 s.
    let dropped_at = Instant::now();
    drop(bob.events);
    match next(&mut alice.events).await.kind {
        Some(video::call_event::Kind::Left(left)) => {
            assert_eq!(left.participant_id, bob.id);
            assert_eq!(left.reason, video::LeaveReason::Disconnected as i32);
        }
        other => panic!("expected bob to leave, got {other:?}"),
    }
    assert!(dropped_at.elapsed() < Duration::from_secs(5));
    assert_eq!(
        participants(&channel, &t.owner, &p, &call.id).await,
        vec![alice.id.clone(), carol.id.clone()]
    );
    // Carol leaves; alice closes; her stream says so and ends.
    c.leave_call(bearer(
        video::LeaveCallRequest {
            project_id: p.clone(),
            call_id: call.id.clone(),
            participant_id: carol.id.clone(),
        },
        &t.carol.token,
    ))
    .await
    .unwrap();
    assert!(matches!(
        next(&mut alice.events).await.kind,
        Some(video::call_event::Kind::Left(_))
    ));
    let closed = c
        .close_call(bearer(
            video::CloseCallRequest {
                project_id: p.clone(),
                call_id: call.id.clone(),
            },
            &t.alice.token,
        ))
        .await
        .unwrap()
        .into_inner()
        .call
        .unwrap();
    assert_eq!(closed.state, video::CallState::Closed as i32);
    assert!(matches!(
        next(&mut alice.events).await.kind,
        Some(video::call_event::Kind::Closed(_))
    ));
    assert!(
        alice.events.message().await.unwrap().is_none(),
        "the stream ends"
    );
    // ICE servers: STUN, then TURN with a credential that verifies independently.
    let ice = c
        .get_ice_servers(bearer(
            video::GetIceServersRequest {
                project_id: p.clone(),
            },
            &t.bob.token,
        ))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(ice.ice_servers.len(), 2);
    assert_eq!(ice.ice_servers[0].urls, vec!["stun:stun.example.org:3478"]);
    let turn = &ice.ice_servers[1];
    assert_eq!(turn.urls.len(), 2);
    let (expiry, account) = turn.username.split_once(':').unwrap();
    assert_eq!(account, t.bob.id);
    let expiry: u64 = expiry.parse().unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    assert!(
        (now + 590..=now + 610).contains(&expiry),
        "{expiry} vs {now}"
    );
    assert_eq!(ice.expires_at_ms, expiry as i64 * 1000);
    let expected = base64::engine::general_purpose::STANDARD
        .encode(hmac_sha1(TURN_SECRET.as_bytes(), turn.username.as_bytes()));
    assert_eq!(turn.credential, expected);
    // The history: started, ended, who joined and why each left.
    let entries = history(&channel, &t.owner, &p).await;
    assert_eq!(entries.len(), 1);
    let entry = &entries[0];
    let recorded = entry.call.as_ref().unwrap();
    assert!(recorded.started_at_ms > 0 && recorded.ended_at_ms >= recorded.started_at_ms);
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut entry = entry.clone();
    while entry.attendances.iter().any(|a| a.left_at_ms == 0) && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
        entry = history(&channel, &t.owner, &p).await.remove(0);
    }
    let reasons: Vec<(String, i32)> = entry
        .attendances
        .iter()
        .map(|a| (a.account_id.clone(), a.reason))
        .collect();
    assert_eq!(
        reasons,
        vec![
            (t.alice.id.clone(), video::LeaveReason::CallClosed as i32),
            (t.bob.id.clone(), video::LeaveReason::Disconnected as i32),
            (t.carol.id.clone(), video::LeaveReason::Left as i32),
        ]
    );
    // The title is stored, but never in plaintext.
    assert!(recorded.title.contains(MARKER));
    assert_no_plaintext(engine, &dir, guard.as_ref()).await;
}

/// Neither the module's SQLite file nor its PostgreSQL schema holds the marker.
async fn assert_no_plaintext(engine: Engine, dir: &TestDir, guard: Option<&SchemaGuard>) {
    match engine {
        Engine::Sqlite => {
            let mut found_file = false;
            for entry in std::fs::read_dir(dir.data()).unwrap() {
                let path = entry.unwrap().path();
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                if !name.starts_with("video.db") {
                    continue;
                }
                found_file |= name == "video.db";
                let bytes = std::fs::read(&path).unwrap();
                assert!(
                    !bytes.windows(MARKER.len()).any(|w| w == MARKER.as_bytes()),
                    "{name} holds the call title in plaintext"
                );
            }
            assert!(found_file, "the video database has its own file");
        }
        Engine::Postgres => {
            let guard = guard.expect("a schema");
            let schema = format!("{}_video", guard.schema);
            let pool = sqlx::PgPool::connect(&guard.url).await.unwrap();
            let tables: Vec<String> = sqlx::query_scalar(
                "SELECT table_name::text FROM information_schema.tables WHERE table_schema = $1",
            )
            .bind(&schema)
            .fetch_all(&pool)
            .await
            .unwrap();
            assert!(!tables.is_empty(), "schema {schema} has the video tables");
            let hex: String = MARKER.bytes().map(|b| format!("{b:02x}")).collect();
            for table in tables {
                let rows: Vec<String> = sqlx::query_scalar(&format!(
                    "SELECT CAST(t AS text) FROM \"{schema}\".\"{table}\" t"
                ))
                .fetch_all(&pool)
                .await
                .unwrap();
                for row in rows {
                    assert!(
                        !row.contains(MARKER) && !row.contains(&hex),
                        "{schema}.{table} holds the call title in plaintext"
                    );
                }
            }
            pool.close().await;
        }
    }
}

async fn bad_input_is_refused_precisely_and_the_ninth_joiner_of_an_eight_mesh_too(engine: Engine) {
    let (_dir, _server, channel, _guard) = start(engine).await;
    let t = team(&channel).await;
    let p = t.project.clone();
    let mut c = client(&channel);
    let call = create_call(&channel, &t.alice, &p, "Eight").await;
    // Eight participants (an account may join from several tabs); the ninth is refused.
    let mut members = Vec::new();
    for who in [
        &t.alice, &t.bob, &t.carol, &t.owner, &t.alice, &t.bob, &t.carol, &t.owner,
    ] {
        members.push(enter(&channel, who, &p, &call.id).await);
    }
    let refused = c
        .join_call(bearer(
            video::JoinCallRequest {
                project_id: p.clone(),
                call_id: call.id.clone(),
                state: None,
            },
            &t.bob.token,
        ))
        .await
        .unwrap_err();
    assert_eq!(refused.code(), Code::ResourceExhausted, "{refused:?}");
    assert!(
        refused.message().starts_with("call_id:") && refused.message().contains("8"),
        "{refused:?}"
    );
    // Drain the presence events of the joins, by count (however slowly they come): each
    // member was told of everyone who joined after it, and of nothing else.
    let joined = members.len();
    for (n, member) in members.iter_mut().enumerate() {
        for _ in n + 1..joined {
            let event = next(&mut member.events).await;
            assert!(
                matches!(event.kind, Some(video::call_event::Kind::Joined(_))),
                "{event:?}"
            );
        }
        assert_eq!(quiet(&mut member.events).await, vec![]);
    }
    let expect = |status: tonic::Status, code: Code, field: &str| {
        assert_eq!(status.code(), code, "{status:?}");
        assert!(
            status.message().contains(field),
            "{:?} does not name {field}",
            status.message()
        );
    };
    let (a, b) = (members[0].id.clone(), members[1].id.clone());
    // To a participant not in the call.
    let refused = c
        .signal(bearer(
            signal_request(
                &p,
                &call.id,
                &a,
                "01JNOTINTHISCALL0000000000",
                video::SignalKind::Offer,
                "v=0",
            ),
            &t.alice.token,
        ))
        .await
        .unwrap_err();
    expect(refused, Code::NotFound, "to_participant_id");
    // An SDP over 64 KiB.
    let refused = c
        .signal(bearer(
            signal_request(
                &p,
                &call.id,
                &a,
                &b,
                video::SignalKind::Offer,
                &"a".repeat(64 * 1024 + 1),
            ),
            &t.alice.token,
        ))
        .await
        .unwrap_err();
    expect(refused, Code::InvalidArgument, "sdp");
    // Speaking for someone else's participant.
    let refused = c
        .signal(bearer(
            signal_request(&p, &call.id, &b, &a, video::SignalKind::Offer, "v=0"),
            &t.alice.token,
        ))
        .await
        .unwrap_err();
    expect(refused, Code::PermissionDenied, "participant_id");
    // No title.
    let refused = c
        .create_call(bearer(
            video::CreateCallRequest {
                project_id: p.clone(),
                title: " ".into(),
                max_participants: 0,
            },
            &t.alice.token,
        ))
        .await
        .unwrap_err();
    expect(refused, Code::InvalidArgument, "title");
    // None of that reached anybody.
    for member in &mut members {
        assert_eq!(quiet(&mut member.events).await, vec![]);
    }
    // A closed call cannot be joined.
    let small = create_call(&channel, &t.carol, &p, "Closed soon").await;
    c.close_call(bearer(
        video::CloseCallRequest {
            project_id: p.clone(),
            call_id: small.id.clone(),
        },
        &t.carol.token,
    ))
    .await
    .unwrap();
    let refused = c
        .join_call(bearer(
            video::JoinCallRequest {
                project_id: p.clone(),
                call_id: small.id.clone(),
                state: None,
            },
            &t.bob.token,
        ))
        .await
        .unwrap_err();
    expect(refused, Code::FailedPrecondition, "call_id");
    // Nothing was stored for the refusals: two calls, eight participations, none for the
    // closed one.
    let entries = history(&channel, &t.owner, &p).await;
    let counts: Vec<(String, usize)> = entries
        .iter()
        .map(|e| (e.call.as_ref().unwrap().title.clone(), e.attendances.len()))
        .collect();
    assert_eq!(counts, vec![("Closed soon".into(), 0), ("Eight".into(), 8)]);
    // The others were not disturbed: a signal still goes through.
    c.signal(bearer(
        signal_request(
            &p,
            &call.id,
            &a,
            &b,
            video::SignalKind::Offer,
            "v=0 still fine",
        ),
        &t.alice.token,
    ))
    .await
    .unwrap();
    assert_eq!(
        signal(next(&mut members[1].events).await).sdp,
        "v=0 still fine"
    );
    assert_eq!(
        participants(&channel, &t.owner, &p, &call.id).await.len(),
        8
    );
    // Someone outside the project learns nothing of it.
    let stranger = person(&channel, "stranger@example.com").await;
    let refused = c
        .list_calls(bearer(
            video::ListCallsRequest {
                project_id: p.clone(),
                include_closed: true,
            },
            &stranger.token,
        ))
        .await
        .unwrap_err();
    assert_eq!(refused.code(), Code::NotFound, "{refused:?}");
}

/// HMAC-SHA1 (RFC 2104 over FIPS 180-4), written out here so the server's TURN password is
/// checked against a computation that shares no code with it.
fn hmac_sha1(key: &[u8], message: &[u8]) -> [u8; 20] {
    let mut block = [0u8; 64];
    if key.len() > 64 {
        block[..20].copy_from_slice(&sha1(key));
    } else {
        block[..key.len()].copy_from_slice(key);
    }
    let inner: Vec<u8> = block
        .iter()
        .map(|b| b ^ 0x36)
        .chain(message.iter().copied())
        .collect();
    let inner = sha1(&inner);
    let outer: Vec<u8> = block.iter().map(|b| b ^ 0x5c).chain(inner).collect();
    sha1(&outer)
}

fn sha1(data: &[u8]) -> [u8; 20] {
    let mut h: [u32; 5] = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0];
    let mut padded = data.to_vec();
    padded.push(0x80);
    while padded.len() % 64 != 56 {
        padded.push(0);
    }
    padded.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
    for chunk in padded.chunks(64) {
        let mut w = [0u32; 80];
        for i in 0..16 {
            w[i] = u32::from_be_bytes(chunk[i * 4..i * 4 + 4].try_into().unwrap());
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = h;
        for (i, word) in w.iter().enumerate() {
            let (f, k) = match i {
                0..=19 => ((b & c) | (!b & d), 0x5A827999),
                20..=39 => (b ^ c ^ d, 0x6ED9EBA1),
                40..=59 => ((b & c) | (b & d) | (c & d), 0x8F1BBCDC),
                _ => (b ^ c ^ d, 0xCA62C1D6),
            };
            let t = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(*word);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 20];
    for (i, word) in h.iter().enumerate() {
        out[i * 4..i * 4 + 4].copy_from_slice(&word.to_be_bytes());
    }
    out
}

#[test]
fn the_test_hmac_sha1_matches_rfc_2202() {
    // RFC 2202, test case 2.
    let mac = hmac_sha1(b"Jefe", b"what do ya want for nothing?");
    let hex: String = mac.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(hex, "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
}

#[tokio::test]
async fn every_video_rpc_answers_through_grpc_on_sqlite() {
    every_video_rpc_answers_through_grpc(Engine::Sqlite).await;
}

#[tokio::test]
async fn every_video_rpc_answers_through_grpc_on_postgres() {
    every_video_rpc_answers_through_grpc(Engine::Postgres).await;
}

#[tokio::test]
async fn bad_input_is_refused_precisely_and_the_ninth_joiner_of_an_eight_mesh_too_on_sqlite() {
    bad_input_is_refused_precisely_and_the_ninth_joiner_of_an_eight_mesh_too(Engine::Sqlite).await;
}

#[tokio::test]
async fn bad_input_is_refused_precisely_and_the_ninth_joiner_of_an_eight_mesh_too_on_postgres() {
    bad_input_is_refused_precisely_and_the_ninth_joiner_of_an_eight_mesh_too(Engine::Postgres)
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn attendances_a_killed_server_left_open_are_closed_when_it_starts_again() {
    let dir = TestDir::new();
    let mut server = Server::start(dir.serve()).await;
    let channel = server.channel().await;
    let team = team(&channel).await;
    let call = create_call(&channel, &team.owner, &team.project, "Standup").await;
    let _alice = enter(&channel, &team.alice, &team.project, &call.id).await;
    let open = history(&channel, &team.owner, &team.project).await;
    assert_eq!(open[0].attendances.len(), 1);
    assert_eq!(open[0].attendances[0].left_at_ms, 0, "in the call");
    // The process dies without recording anyone's departure.
    server.stop("KILL").await;
    let server = Server::start(dir.serve()).await;
    let channel = server.channel().await;
    let owner = Person {
        token: crate::common::tenant::log_in(&channel, "owner@example.org").await,
        id: team.owner.id.clone(),
    };
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    let closed = loop {
        let entries = history(&channel, &owner, &team.project).await;
        let attendance = entries[0].attendances[0].clone();
        if attendance.left_at_ms != 0 {
            break attendance;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "still open\n{}",
            server.logs()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(closed.reason, video::LeaveReason::Disconnected as i32);
    assert!(closed.left_at_ms >= closed.joined_at_ms);
    assert!(
        participants(&channel, &owner, &team.project, &call.id)
            .await
            .is_empty()
    );
}
