//! Rooms, messages, reactions, threads, paging, watches and bad input, through the service
//! layer as the handlers call it.

use std::time::Duration;

use futures::StreamExt;
use orbit_proto::orbit::chat::v1 as pb;

use super::harness::{Harness, id, query};
use crate::{ChatError, Direction, NewMessage, NewRoom, WatchStart};

fn public(h: &Harness, name: &str) -> NewRoom {
    NewRoom {
        project_id: h.project.clone(),
        name: name.into(),
        kind: pb::RoomKind::Public as i32,
        ..Default::default()
    }
}

fn text(h: &Harness, room: &pb::Room, text: &str) -> NewMessage {
    NewMessage {
        project_id: h.project.clone(),
        room_id: room.id.clone(),
        text: text.into(),
        ..Default::default()
    }
}

fn field_of(error: ChatError) -> String {
    match error {
        ChatError::Invalid { field, .. } => field.to_owned(),
        other => panic!("expected InvalidArgument, got {other:?}"),
    }
}

#[tokio::test]
async fn rooms_private_membership_and_direct_conversations() {
    let h = Harness::open(3).await;
    let (alice, bob, carol) = (&h.users[0], &h.users[1], &h.users[2]);
    let p = h.project.clone();
    let general = h
        .chat
        .create_room(alice, public(&h, "General"))
        .await
        .unwrap();
    assert_eq!(general.kind, pb::RoomKind::Public as i32);
    let secret = h
        .chat
        .create_room(
            alice,
            NewRoom {
                kind: pb::RoomKind::Private as i32,
                member_ids: vec![id(bob)],
                ..public(&h, "Secret")
            },
        )
        .await
        .unwrap();
    assert_eq!(secret.member_ids.len(), 2);
    // Carol sees the public room only, and may not post in the private one.
    let rooms = h.chat.list_rooms(carol, &p, false).await.unwrap();
    assert_eq!(rooms.len(), 1);
    let refused = h.chat.post(carol, text(&h, &secret, "let me in")).await;
    assert!(
        matches!(refused, Err(ChatError::PermissionDenied(_))),
        "{refused:?}"
    );
    // Bob invites her; she reads, leaves; the admin removes Bob without being a member.
    h.chat
        .invite_member(bob, &p, &secret.id, &id(carol))
        .await
        .unwrap();
    assert_eq!(h.chat.list_rooms(carol, &p, false).await.unwrap().len(), 2);
    h.chat.leave_room(carol, &p, &secret.id).await.unwrap();
    assert_eq!(h.chat.list_rooms(carol, &p, false).await.unwrap().len(), 1);
    let denied = h.chat.remove_member(carol, &p, &secret.id, &id(bob)).await;
    assert!(denied.is_err());
    let room = h
        .chat
        .remove_member(&h.admin, &p, &secret.id, &id(bob))
        .await
        .unwrap();
    assert_eq!(room.member_ids, vec![id(alice)]);
    // Rename and archive: creator or admin; topic: anyone who may post.
    let renamed = h.chat.rename_room(bob, &p, &general.id, "Nope").await;
    assert!(
        matches!(renamed, Err(ChatError::PermissionDenied(_))),
        "{renamed:?}"
    );
    let room = h
        .chat
        .rename_room(alice, &p, &general.id, "Lobby")
        .await
        .unwrap();
    assert_eq!(room.name, "Lobby");
    let room = h
        .chat
        .set_topic(bob, &p, &general.id, "hello all")
        .await
        .unwrap();
    assert_eq!(room.topic, "hello all");
    h.chat
        .archive_room(&h.admin, &p, &general.id)
        .await
        .unwrap();
    let archived = h.chat.post(alice, text(&h, &general, "late")).await;
    assert!(
        matches!(archived, Err(ChatError::FailedPrecondition(_))),
        "{archived:?}"
    );
    assert_eq!(h.chat.list_rooms(alice, &p, false).await.unwrap().len(), 1);
    assert_eq!(h.chat.list_rooms(alice, &p, true).await.unwrap().len(), 2);
    // A direct conversation is one room whoever opens it.
    let dm = h.chat.open_direct(alice, &p, &id(bob)).await.unwrap();
    let again = h.chat.open_direct(bob, &p, &id(alice)).await.unwrap();
    assert_eq!(dm.id, again.id);
    assert!(h.chat.post(carol, text(&h, &dm, "hi")).await.is_err());
    let stranger = h.chat.open_direct(alice, &p, "01ABSENTACCOUNT").await;
    assert_eq!(field_of(stranger.unwrap_err()), "account_id");
    h.close().await;
}

#[tokio::test]
async fn messages_edits_deletes_reactions_threads_and_bad_input() {
    let h = Harness::open(2).await;
    let (alice, bob) = (&h.users[0], &h.users[1]);
    let p = h.project.clone();
    let room = h
        .chat
        .create_room(alice, public(&h, "General"))
        .await
        .unwrap();
    let other = h
        .chat
        .create_room(alice, public(&h, "Other"))
        .await
        .unwrap();
    // Idempotent posts.
    let first = h
        .chat
        .post(
            alice,
            NewMessage {
                idempotency_key: "k1".into(),
                ..text(&h, &room, "hello @user2, and @nobody")
            },
        )
        .await
        .unwrap();
    assert!(!first.replayed);
    assert_eq!(first.message.seq, 1);
    assert_eq!(first.message.mention_ids, vec![id(bob)]);
    let retry = h
        .chat
        .post(
            alice,
            NewMessage {
                idempotency_key: "k1".into(),
                ..text(&h, &room, "hello @user2, and @nobody")
            },
        )
        .await
        .unwrap();
    assert!(retry.replayed);
    assert_eq!(retry.message.id, first.message.id);
    // Threads: a reply to a reply joins the root's thread.
    let reply = h
        .chat
        .post(
            bob,
            NewMessage {
                reply_to: first.message.id.clone(),
                ..text(&h, &room, "hi @UserOne")
            },
        )
        .await
        .unwrap();
    let nested = h
        .chat
        .post(
            alice,
            NewMessage {
                reply_to: reply.message.id.clone(),
                ..text(&h, &room, "nested")
            },
        )
        .await
        .unwrap();
    assert_eq!(nested.message.reply_to, first.message.id);
    let (thread, more) = h
        .chat
        .list_replies(bob, &p, &first.message.id, 0, 0)
        .await
        .unwrap();
    assert!(!more);
    assert_eq!(thread.iter().map(|m| m.seq).collect::<Vec<_>>(), vec![2, 3]);
    let elsewhere = h
        .chat
        .post(
            alice,
            NewMessage {
                reply_to: first.message.id.clone(),
                ..text(&h, &other, "wrong room")
            },
        )
        .await;
    assert_eq!(field_of(elsewhere.unwrap_err()), "reply_to");
    // Edits: author only, history kept.
    let denied = h
        .chat
        .edit(bob, &p, &first.message.id, "mine now", &[])
        .await;
    assert!(
        matches!(denied, Err(ChatError::PermissionDenied(_))),
        "{denied:?}"
    );
    let edited = h
        .chat
        .edit(alice, &p, &first.message.id, "hello again", &[])
        .await
        .unwrap();
    assert_eq!(edited.history.len(), 1);
    assert_eq!(edited.history[0].text, "hello @user2, and @nobody");
    assert!(edited.mention_ids.is_empty());
    // Reactions: counts per emoji.
    h.chat
        .react(alice, &p, &first.message.id, "👍", true)
        .await
        .unwrap();
    h.chat
        .react(bob, &p, &first.message.id, "👍", true)
        .await
        .unwrap();
    let reacted = h
        .chat
        .react(bob, &p, &first.message.id, ":tada:", true)
        .await
        .unwrap();
    assert_eq!(reacted.reactions.len(), 2);
    assert_eq!(reacted.reactions[0].count, 2);
    let unreacted = h
        .chat
        .react(bob, &p, &first.message.id, "👍", false)
        .await
        .unwrap();
    assert_eq!(unreacted.reactions[0].count, 1);
    let bad = h
        .chat
        .react(bob, &p, &first.message.id, "thumbs", true)
        .await;
    assert_eq!(field_of(bad.unwrap_err()), "emoji");
    // Deletes: the author or a project admin; a tombstone remains.
    let denied = h.chat.delete(alice, &p, &reply.message.id).await;
    assert!(
        matches!(denied, Err(ChatError::PermissionDenied(_))),
        "{denied:?}"
    );
    let tombstone = h
        .chat
        .delete(&h.admin, &p, &reply.message.id)
        .await
        .unwrap();
    assert!(tombstone.deleted && tombstone.text.is_empty());
    assert_eq!(tombstone.deleted_by, id(&h.admin));
    // Bad input stores nothing.
    let head = h.chat.db.head().await.unwrap();
    assert_eq!(
        field_of(h.chat.post(alice, text(&h, &room, "  ")).await.unwrap_err()),
        "text"
    );
    let long = "x".repeat(crate::MAX_TEXT_CHARS + 1);
    assert_eq!(
        field_of(
            h.chat
                .post(alice, text(&h, &room, &long))
                .await
                .unwrap_err()
        ),
        "text"
    );
    let page = h
        .chat
        .list_messages(alice, &query(&h, &room, 0, Direction::Backward, -1))
        .await;
    assert_eq!(field_of(page.unwrap_err()), "page_size");
    let missing = h.chat.get_message(alice, &p, "01NOSUCHMESSAGE").await;
    assert!(
        matches!(missing, Err(ChatError::NotFound { .. })),
        "{missing:?}"
    );
    assert_eq!(
        h.chat.db.head().await.unwrap(),
        head,
        "bad input stored something"
    );
    h.close().await;
}

#[tokio::test]
async fn pages_run_both_ways_without_gaps() {
    let h = Harness::open(1).await;
    let alice = &h.users[0];
    let room = h
        .chat
        .create_room(alice, public(&h, "General"))
        .await
        .unwrap();
    for n in 1..=23 {
        h.chat
            .post(alice, text(&h, &room, &format!("m{n}")))
            .await
            .unwrap();
    }
    let mut seen = Vec::new();
    let mut at = 0;
    loop {
        let page = h
            .chat
            .list_messages(alice, &query(&h, &room, at, Direction::Forward, 5))
            .await
            .unwrap();
        seen.extend(page.messages.iter().map(|m| m.seq));
        at = page.messages.last().map_or(at, |m| m.seq);
        if !page.more {
            break;
        }
    }
    assert_eq!(seen, (1..=23).collect::<Vec<_>>());
    let mut back = Vec::new();
    let mut before = 0;
    loop {
        let page = h
            .chat
            .list_messages(alice, &query(&h, &room, before, Direction::Backward, 7))
            .await
            .unwrap();
        back.splice(0..0, page.messages.iter().map(|m| m.seq));
        before = page.messages.first().map_or(1, |m| m.seq);
        if !page.more {
            break;
        }
    }
    assert_eq!(back, (1..=23).collect::<Vec<_>>());
    h.close().await;
}

#[tokio::test]
async fn a_watcher_sees_every_change_in_order_and_resumes_exactly() {
    let h = Harness::open(2).await;
    let (alice, bob) = (&h.users[0], &h.users[1]);
    let p = h.project.clone();
    let room = h
        .chat
        .create_room(alice, public(&h, "General"))
        .await
        .unwrap();
    let mut events = h
        .chat
        .watch(
            bob,
            &p,
            &room.id,
            WatchStart::After(0),
            Duration::from_secs(15),
        )
        .await
        .unwrap();
    let posted = h
        .chat
        .post(alice, text(&h, &room, "one"))
        .await
        .unwrap()
        .message;
    h.chat.send_typing(bob, &p, &room.id).await.unwrap();
    h.chat
        .edit(alice, &p, &posted.id, "one!", &[])
        .await
        .unwrap();
    h.chat.react(bob, &p, &posted.id, "🎉", true).await.unwrap();
    h.chat.delete(alice, &p, &posted.id).await.unwrap();
    let mut kinds = Vec::new();
    let mut seqs = Vec::new();
    let mut typing = false;
    while kinds.len() < 4 {
        let event = tokio::time::timeout(Duration::from_secs(10), events.next())
            .await
            .expect("an event in time")
            .expect("the stream goes on")
            .unwrap();
        match event.kind.unwrap() {
            pb::room_event::Kind::Typing(notice) => {
                assert_eq!(notice.account_id, id(bob));
                typing = true;
            }
            pb::room_event::Kind::Heartbeat(_) => {}
            kind => {
                kinds.push(match kind {
                    pb::room_event::Kind::Posted(_) => "posted",
                    pb::room_event::Kind::Edited(_) => "edited",
                    pb::room_event::Kind::Reacted(_) => "reacted",
                    pb::room_event::Kind::Deleted(_) => "deleted",
                    _ => unreachable!(),
                });
                seqs.push(event.seq);
            }
        }
    }
    assert_eq!(kinds, ["posted", "edited", "reacted", "deleted"]);
    assert!(typing, "the typing notice did not arrive");
    drop(events);
    // Resuming after the second event gives exactly the last two.
    let mut resumed = h
        .chat
        .watch(
            bob,
            &p,
            &room.id,
            WatchStart::After(seqs[1]),
            Duration::from_secs(1),
        )
        .await
        .unwrap();
    let mut again = Vec::new();
    while again.len() < 2 {
        let event = tokio::time::timeout(Duration::from_secs(10), resumed.next())
            .await
            .expect("an event in time")
            .expect("the stream goes on")
            .unwrap();
        if !matches!(event.kind, Some(pb::room_event::Kind::Heartbeat(_))) {
            again.push(event.seq);
        }
    }
    assert_eq!(again, seqs[2..]);
    h.close().await;
}

#[tokio::test]
async fn the_chat_files_hold_no_plaintext_of_a_message() {
    let h = Harness::open(1).await;
    let alice = &h.users[0];
    let room = h
        .chat
        .create_room(alice, public(&h, "General"))
        .await
        .unwrap();
    let marker = "plaintext-marker-7d1c0b9e";
    let posted = h
        .chat
        .post(alice, text(&h, &room, marker))
        .await
        .unwrap()
        .message;
    h.chat
        .edit(
            alice,
            &h.project,
            &posted.id,
            &format!("{marker} edited"),
            &[],
        )
        .await
        .unwrap();
    h.settle().await;
    let dir = h.close().await;
    let mut files = 0;
    for entry in walk(dir.path()) {
        let bytes = std::fs::read(&entry).unwrap();
        files += 1;
        assert!(
            !bytes.windows(marker.len()).any(|w| w == marker.as_bytes()),
            "{} holds the message in plaintext",
            entry.display()
        );
    }
    assert!(files > 0);
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[tokio::test]
async fn every_stored_value_reads_with_the_declared_codec() {
    use orbit_cdc::codec::{Codecs, ValueCodec};
    use orbit_module::Module;

    let h = Harness::open(2).await;
    let (alice, bob) = (&h.users[0], &h.users[1]);
    let room = h
        .chat
        .create_room(alice, public(&h, "General"))
        .await
        .unwrap();
    let first = h
        .chat
        .post(
            alice,
            NewMessage {
                idempotency_key: "k".into(),
                ..text(&h, &room, "hi @user2")
            },
        )
        .await
        .unwrap()
        .message;
    h.chat
        .post(
            bob,
            NewMessage {
                reply_to: first.id.clone(),
                ..text(&h, &room, "hello")
            },
        )
        .await
        .unwrap();
    h.chat
        .open_direct(alice, &h.project, &id(bob))
        .await
        .unwrap();
    h.chat
        .mark_read(bob, &h.project, &room.id, 0)
        .await
        .unwrap();
    let codecs = Codecs::new([(crate::CHAT.to_owned(), crate::ChatModule.codec())]);
    let changes = h.chat.db.changes(0, 1000).await.unwrap();
    assert!(changes.len() >= 10);
    for event in changes {
        let Some(value) = &event.value else { continue };
        let codec = codecs.codec(crate::CHAT, &event.keyspace);
        if codec != ValueCodec::Raw {
            codec
                .object(value)
                .unwrap_or_else(|e| panic!("{} does not read: {e}", event.keyspace));
        }
    }
    h.close().await;
}
