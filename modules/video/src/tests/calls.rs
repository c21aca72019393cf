//! Calls through the service layer: lifecycle and history, the size limit, closing while
//! people are in it, configuration checks and no plaintext in the module's file.

use std::time::{Duration, Instant};

use futures::StreamExt;
use orbit_proto::orbit::video::v1 as pb;

use super::harness::{Harness, field_of, id, next};
use crate::{VideoConfig, VideoError};

fn kind(event: &pb::CallEvent) -> &'static str {
    use pb::call_event::Kind;
    match &event.kind {
        Some(Kind::Welcome(_)) => "welcome",
        Some(Kind::Joined(_)) => "joined",
        Some(Kind::Left(_)) => "left",
        Some(Kind::Updated(_)) => "updated",
        Some(Kind::Signal(_)) => "signal",
        Some(Kind::Closed(_)) => "closed",
        Some(Kind::Heartbeat(_)) => "heartbeat",
        None => "none",
    }
}

#[tokio::test]
async fn a_call_is_created_joined_left_closed_and_kept_in_the_history() {
    let h = Harness::open(2, VideoConfig::default()).await;
    let (alice, bob) = (&h.users[0], &h.users[1]);
    let call = h.create(alice, "Standup", 0).await;
    assert_eq!(call.max_participants, 8);
    assert_eq!(call.state, pb::CallState::Open as i32);
    let (a, mut a_events) = h.enter(alice, &call).await;
    let (b, mut b_events) = h.enter(bob, &call).await;
    assert_eq!(kind(&next(&mut a_events).await), "joined");
    let (got, participants) = h.video.get_call(&h.project, &call.id).await.unwrap();
    assert_eq!(got.participant_count, 2);
    assert!(got.started_at_ms > 0);
    assert_eq!(
        participants
            .iter()
            .map(|p| p.id.clone())
            .collect::<Vec<_>>(),
        vec![a.clone(), b.clone()]
    );
    // Media state reaches everybody.
    let state = pb::MediaState {
        mic: true,
        camera: true,
        screen_share: false,
        hand_raised: true,
    };
    let updated = h
        .video
        .update_state(bob, &h.project, &call.id, &b, state)
        .unwrap();
    assert_eq!(updated.state, Some(state));
    for events in [&mut a_events, &mut b_events] {
        match next(events).await.kind {
            Some(pb::call_event::Kind::Updated(p)) => assert_eq!(p.state, Some(state)),
            other => panic!("expected updated, got {other:?}"),
        }
    }
    // Bob leaves; Alice is told; the history has his leave at once.
    h.video.leave(bob, &h.project, &call.id, &b).await.unwrap();
    match next(&mut a_events).await.kind {
        Some(pb::call_event::Kind::Left(left)) => {
            assert_eq!(left.participant_id, b);
            assert_eq!(left.reason, pb::LeaveReason::Left as i32);
        }
        other => panic!("expected left, got {other:?}"),
    }
    assert!(b_events.next().await.is_none(), "bob's stream ends");
    // Only its creator or a project admin closes it.
    let refused = h
        .video
        .close_call(bob, &h.project, &call.id)
        .await
        .unwrap_err();
    assert!(
        matches!(refused, VideoError::PermissionDenied(_)),
        "{refused:?}"
    );
    let closed = h
        .video
        .close_call(&h.admin, &h.project, &call.id)
        .await
        .unwrap();
    assert_eq!(closed.state, pb::CallState::Closed as i32);
    assert_eq!(closed.closed_by, id(&h.admin));
    assert_eq!(kind(&next(&mut a_events).await), "closed");
    assert!(a_events.next().await.is_none(), "alice's stream ends");
    // A closed call cannot be joined, and is listed only when asked.
    let refused = h
        .video
        .join(bob, &h.project, &call.id, pb::MediaState::default())
        .await
        .unwrap_err();
    assert!(
        matches!(&refused, VideoError::FailedPrecondition(m) if m.starts_with("call_id:") && m.contains("closed")),
        "{refused:?}"
    );
    assert!(
        h.video
            .list_calls(&h.project, false)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(h.video.list_calls(&h.project, true).await.unwrap().len(), 1);
    let entry = h.history_of(&call, |_| true).await;
    let recorded = entry.call.unwrap();
    assert!(recorded.ended_at_ms >= recorded.started_at_ms && recorded.started_at_ms > 0);
    let reasons: Vec<(String, i32)> = entry
        .attendances
        .iter()
        .map(|a| (a.account_id.clone(), a.reason))
        .collect();
    assert_eq!(
        reasons,
        vec![
            (id(alice), pb::LeaveReason::CallClosed as i32),
            (id(bob), pb::LeaveReason::Left as i32)
        ]
    );
    assert!(
        entry
            .attendances
            .iter()
            .all(|a| a.left_at_ms >= a.joined_at_ms)
    );
    h.close().await;
}

#[tokio::test]
async fn a_full_mesh_call_refuses_one_more_and_history_pages_newest_first() {
    let h = Harness::open(
        2,
        VideoConfig {
            max_participants: 3,
            ..VideoConfig::default()
        },
    )
    .await;
    let alice = &h.users[0];
    let refused = h
        .video
        .create_call(alice, &h.project, "Big", 4)
        .await
        .unwrap_err();
    assert_eq!(field_of(&refused), "max_participants");
    let call = h.create(alice, "Small", 0).await;
    let mut streams = Vec::new();
    for _ in 0..3 {
        streams.push(h.enter(alice, &call).await);
    }
    let refused = h
        .video
        .join(&h.users[1], &h.project, &call.id, pb::MediaState::default())
        .await
        .unwrap_err();
    assert!(
        matches!(refused, VideoError::Full { limit: 3, .. }),
        "{refused:?}"
    );
    assert!(
        refused.to_string().starts_with("call_id: call"),
        "{refused}"
    );
    // Newest first, a page at a time.
    let second = h.create(alice, "Second", 0).await;
    let (page, token) = h.video.call_history(&h.project, 1, "").await.unwrap();
    assert_eq!(page[0].call.as_ref().unwrap().id, second.id);
    let (page, token) = h.video.call_history(&h.project, 1, &token).await.unwrap();
    assert_eq!(page[0].call.as_ref().unwrap().id, call.id);
    assert_eq!(page[0].attendances.len(), 3);
    assert!(token.is_empty());
    let refused = h
        .video
        .call_history(&h.project, 1, "other/0")
        .await
        .unwrap_err();
    assert_eq!(field_of(&refused), "page_token");
    drop(streams);
    h.close().await;
}

#[tokio::test]
async fn a_participant_that_never_connects_is_reaped_and_recorded() {
    let h = Harness::open(1, VideoConfig::default()).await;
    let alice = &h.users[0];
    let call = h.create(alice, "Lonely", 0).await;
    let joined = h
        .video
        .join(alice, &h.project, &call.id, pb::MediaState::default())
        .await
        .unwrap();
    assert_eq!(h.video.presence.reap(Instant::now()), 0);
    let later = Instant::now() + Duration::from_secs(5);
    assert_eq!(h.video.presence.reap(later), 1);
    assert!(
        h.video
            .presence
            .participants(&h.project, &call.id)
            .is_empty()
    );
    let entry = h
        .history_of(&call, |e| e.attendances.iter().all(|a| a.left_at_ms > 0))
        .await;
    assert_eq!(entry.attendances[0].participant_id, joined.participant.id);
    assert_eq!(
        entry.attendances[0].reason,
        pb::LeaveReason::Disconnected as i32
    );
    h.close().await;
}

#[tokio::test]
async fn bad_titles_and_ids_are_refused_naming_the_field_and_nothing_is_stored() {
    let h = Harness::open(1, VideoConfig::default()).await;
    let alice = &h.users[0];
    for (title, field) in [
        ("", "title"),
        (&"x".repeat(101)[..], "title"),
        ("a\u{7}b", "title"),
    ] {
        let refused = h
            .video
            .create_call(alice, &h.project, title, 0)
            .await
            .unwrap_err();
        assert_eq!(field_of(&refused), field);
    }
    let refused = h
        .video
        .create_call(alice, "a/b", "Title", 0)
        .await
        .unwrap_err();
    assert_eq!(field_of(&refused), "project_id");
    let refused = h.video.get_call(&h.project, "nope").await.unwrap_err();
    assert_eq!(field_of(&refused), "call_id");
    assert!(
        h.video
            .list_calls(&h.project, true)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(h.video.db.head().await.unwrap(), 0);
    h.close().await;
}

#[tokio::test]
async fn the_module_file_holds_no_plaintext_title() {
    let marker = "ZebraMarker8472";
    let h = Harness::open(1, VideoConfig::default()).await;
    let call = h.create(&h.users[0], &format!("Call {marker}"), 0).await;
    let (_p, events) = h.enter(&h.users[0], &call).await;
    drop(events);
    let dir = h.close().await;
    let mut files = 0;
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            files += 1;
            // A -wal or -shm file may go away as the store finishes closing: it held nothing.
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            assert!(
                !bytes.windows(marker.len()).any(|w| w == marker.as_bytes()),
                "{} holds the title in plaintext",
                path.display()
            );
        }
    }
    assert!(
        dir.path().join("video.db").is_file(),
        "the module has its own file"
    );
    assert!(files > 1);
}

#[test]
fn configuration_is_checked_naming_the_setting() {
    let secret = || zeroize::Zeroizing::new(b"s3cret".to_vec());
    let check = |config: VideoConfig| match config.validate() {
        Ok(()) => "ok",
        Err(VideoError::Invalid { field, .. }) => field,
        Err(other) => panic!("{other:?}"),
    };
    assert_eq!(check(VideoConfig::default()), "ok");
    assert_eq!(
        check(VideoConfig {
            max_participants: 1,
            ..VideoConfig::default()
        }),
        "call_size_limit"
    );
    assert_eq!(
        check(VideoConfig {
            stun_urls: vec!["http://x".into()],
            ..VideoConfig::default()
        }),
        "stun_urls"
    );
    assert_eq!(
        check(VideoConfig {
            turn_urls: vec!["turn:turn.example.org:3478".into()],
            ..VideoConfig::default()
        }),
        "turn_secret"
    );
    assert_eq!(
        check(VideoConfig {
            turn_secrets: vec![secret()],
            ..VideoConfig::default()
        }),
        "turn_urls"
    );
    assert_eq!(
        check(VideoConfig {
            turn_urls: vec!["turns:turn.example.org:5349".into()],
            turn_secrets: vec![secret(), secret(), secret()],
            ..VideoConfig::default()
        }),
        "turn_secret"
    );
    assert_eq!(
        check(VideoConfig {
            turn_urls: vec!["turns:turn.example.org:5349".into()],
            turn_secrets: vec![secret(), secret()],
            credential_lifetime: Duration::from_secs(10),
            ..VideoConfig::default()
        }),
        "turn_credential_lifetime"
    );
    // The secret never shows in debug output.
    let debug = format!(
        "{:?}",
        VideoConfig {
            turn_secrets: vec![secret()],
            ..VideoConfig::default()
        }
    );
    assert!(!debug.contains("s3cret"), "{debug}");
}
