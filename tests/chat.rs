//! Chat end to end: every `orbit.chat.v1.ChatService` RPC through a real gRPC client against
//! a real `orbit serve`; a live watcher sees post, edit, reaction and delete in order and,
//! after a disconnect, resumes with exactly what it missed; paging while others post has no
//! gap and no repeat; bad input is refused precisely and stores nothing.
//!
//! Each test signs up at most five accounts after the first, the per-address sign-up limit.

use std::time::Duration;

use futures::StreamExt;
use orbit_proto::orbit::chat::v1 as chat;
use orbit_proto::orbit::chat::v1::chat_service_client::ChatServiceClient;
use orbit_proto::orbit::system::v1 as pb;
use tonic::Code;
use tonic::transport::Channel;

use crate::common::postgres::SchemaGuard;
use crate::common::tenant::{
    Person, add_member, bearer, create_org, create_project, person, sign_up,
};
use crate::common::{Server, TestDir};

/// A project with its owner (project admin through the org) and members alice, bob, carol.
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

/// A server on `engine` (the schema guard drops its PostgreSQL schema at the end).
async fn start(engine: Engine) -> (TestDir, Server, Channel, Option<SchemaGuard>) {
    let dir = TestDir::new();
    let (command, guard) = match engine {
        Engine::Sqlite => (dir.serve(), None),
        Engine::Postgres => {
            let guard = SchemaGuard::new();
            (guard.serve(&dir), Some(guard))
        }
    };
    let server = Server::start(command).await;
    let channel = server.channel().await;
    (dir, server, channel, guard)
}

fn client(channel: &Channel) -> ChatServiceClient<Channel> {
    ChatServiceClient::new(channel.clone())
}

async fn create_room(
    channel: &Channel,
    who: &Person,
    project: &str,
    name: &str,
    kind: chat::RoomKind,
    members: Vec<String>,
) -> chat::Room {
    client(channel)
        .create_room(bearer(
            chat::CreateRoomRequest {
                project_id: project.into(),
                name: name.into(),
                topic: String::new(),
                kind: kind as i32,
                member_ids: members,
            },
            &who.token,
        ))
        .await
        .expect("create room")
        .into_inner()
        .room
        .expect("room")
}

fn post_request(project: &str, room: &str, text: &str) -> chat::PostMessageRequest {
    chat::PostMessageRequest {
        project_id: project.into(),
        room_id: room.into(),
        text: text.into(),
        ..Default::default()
    }
}

async fn post(
    channel: &Channel,
    who: &Person,
    project: &str,
    room: &str,
    text: &str,
) -> chat::Message {
    client(channel)
        .post_message(bearer(post_request(project, room, text), &who.token))
        .await
        .expect("post")
        .into_inner()
        .message
        .expect("message")
}

/// The summary of `room` in `who`'s ListRooms once the unread view shows `unread`.
async fn wait_for_unread(
    channel: &Channel,
    who: &Person,
    project: &str,
    room: &str,
    unread: u64,
) -> chat::RoomSummary {
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    loop {
        let rooms = client(channel)
            .list_rooms(bearer(
                chat::ListRoomsRequest {
                    project_id: project.into(),
                    include_archived: true,
                },
                &who.token,
            ))
            .await
            .expect("list rooms")
            .into_inner()
            .rooms;
        let summary = rooms
            .into_iter()
            .find(|s| s.room.as_ref().is_some_and(|r| r.id == room))
            .expect("the room is listed");
        if summary.unread == unread || std::time::Instant::now() > deadline {
            return summary;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn every_chat_rpc_answers_through_grpc(engine: Engine) {
    let (_dir, _server, channel, _guard) = start(engine).await;
    let t = team(&channel).await;
    let p = t.project.clone();
    let mut c = client(&channel);
    // Rooms.
    let general = create_room(
        &channel,
        &t.alice,
        &p,
        "General",
        chat::RoomKind::Public,
        vec![],
    )
    .await;
    let secret = create_room(
        &channel,
        &t.alice,
        &p,
        "Secret",
        chat::RoomKind::Private,
        vec![t.bob.id.clone()],
    )
    .await;
    let renamed = c
        .rename_room(bearer(
            chat::RenameRoomRequest {
                project_id: p.clone(),
                room_id: general.id.clone(),
                name: "Lobby".into(),
            },
            &t.alice.token,
        ))
        .await
        .unwrap()
        .into_inner()
        .room
        .unwrap();
    assert_eq!(renamed.name, "Lobby");
    let topic = c
        .set_topic(bearer(
            chat::SetTopicRequest {
                project_id: p.clone(),
                room_id: general.id.clone(),
                topic: "launch day".into(),
            },
            &t.bob.token,
        ))
        .await
        .unwrap()
        .into_inner()
        .room
        .unwrap();
    assert_eq!(topic.topic, "launch day");
    let invited = c
        .invite_member(bearer(
            chat::InviteMemberRequest {
                project_id: p.clone(),
                room_id: secret.id.clone(),
                account_id: t.carol.id.clone(),
            },
            &t.bob.token,
        ))
        .await
        .unwrap()
        .into_inner()
        .room
        .unwrap();
    assert_eq!(invited.member_ids.len(), 3);
    c.leave_room(bearer(
        chat::LeaveRoomRequest {
            project_id: p.clone(),
            room_id: secret.id.clone(),
        },
        &t.carol.token,
    ))
    .await
    .unwrap();
    // Removing is for project admins: the auth layer refuses a project user.
    let refused = c
        .remove_member(bearer(
            chat::RemoveMemberRequest {
                project_id: p.clone(),
                room_id: secret.id.clone(),
                account_id: t.bob.id.clone(),
            },
            &t.alice.token,
        ))
        .await
        .unwrap_err();
    assert_eq!(refused.code(), Code::PermissionDenied, "{refused:?}");
    let removed = c
        .remove_member(bearer(
            chat::RemoveMemberRequest {
                project_id: p.clone(),
                room_id: secret.id.clone(),
                account_id: t.bob.id.clone(),
            },
            &t.owner.token,
        ))
        .await
        .unwrap()
        .into_inner()
        .room
        .unwrap();
    assert_eq!(removed.member_ids, vec![t.alice.id.clone()]);
    let dm = c
        .open_direct(bearer(
            chat::OpenDirectRequest {
                project_id: p.clone(),
                account_id: t.bob.id.clone(),
            },
            &t.alice.token,
        ))
        .await
        .unwrap()
        .into_inner()
        .room
        .unwrap();
    assert_eq!(dm.kind, chat::RoomKind::Direct as i32);
    let got = c
        .get_room(bearer(
            chat::GetRoomRequest {
                project_id: p.clone(),
                room_id: dm.id.clone(),
            },
            &t.bob.token,
        ))
        .await
        .unwrap()
        .into_inner()
        .room
        .unwrap();
    assert_eq!(got.room.unwrap().id, dm.id);
    // Messages: idempotent post, mention, thread, edit, reactions, delete.
    let request = chat::PostMessageRequest {
        idempotency_key: "retry-1".into(),
        ..post_request(&p, &general.id, "hello @bob")
    };
    let first = c
        .post_message(bearer(request.clone(), &t.alice.token))
        .await
        .unwrap()
        .into_inner();
    let again = c
        .post_message(bearer(request, &t.alice.token))
        .await
        .unwrap()
        .into_inner();
    let first = first.message.unwrap();
    assert!(again.replayed);
    assert_eq!(again.message.unwrap().id, first.id);
    assert_eq!(first.mention_ids, vec![t.bob.id.clone()]);
    let reply = c
        .post_message(bearer(
            chat::PostMessageRequest {
                reply_to: first.id.clone(),
                ..post_request(&p, &general.id, "hi alice")
            },
            &t.bob.token,
        ))
        .await
        .unwrap()
        .into_inner()
        .message
        .unwrap();
    let replies = c
        .list_replies(bearer(
            chat::ListRepliesRequest {
                project_id: p.clone(),
                message_id: first.id.clone(),
                ..Default::default()
            },
            &t.carol.token,
        ))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(replies.messages.len(), 1);
    assert_eq!(replies.messages[0].id, reply.id);
    let edited = c
        .edit_message(bearer(
            chat::EditMessageRequest {
                project_id: p.clone(),
                message_id: first.id.clone(),
                text: "hello @bob and @carol".into(),
                mention_ids: vec![],
            },
            &t.alice.token,
        ))
        .await
        .unwrap()
        .into_inner()
        .message
        .unwrap();
    assert_eq!(edited.history.len(), 1);
    assert_eq!(edited.mention_ids.len(), 2);
    for who in [&t.bob, &t.carol] {
        c.add_reaction(bearer(
            chat::AddReactionRequest {
                project_id: p.clone(),
                message_id: first.id.clone(),
                emoji: "🚀".into(),
            },
            &who.token,
        ))
        .await
        .unwrap();
    }
    let reacted = c
        .remove_reaction(bearer(
            chat::RemoveReactionRequest {
                project_id: p.clone(),
                message_id: first.id.clone(),
                emoji: "🚀".into(),
            },
            &t.carol.token,
        ))
        .await
        .unwrap()
        .into_inner()
        .message
        .unwrap();
    assert_eq!(reacted.reactions[0].count, 1);
    let deleted = c
        .delete_message(bearer(
            chat::DeleteMessageRequest {
                project_id: p.clone(),
                message_id: reply.id.clone(),
            },
            &t.owner.token,
        ))
        .await
        .unwrap()
        .into_inner()
        .message
        .unwrap();
    assert!(deleted.deleted && deleted.text.is_empty());
    let fetched = c
        .get_message(bearer(
            chat::GetMessageRequest {
                project_id: p.clone(),
                message_id: reply.id.clone(),
            },
            &t.alice.token,
        ))
        .await
        .unwrap()
        .into_inner()
        .message
        .unwrap();
    assert!(fetched.deleted);
    let page = c
        .list_messages(bearer(
            chat::ListMessagesRequest {
                project_id: p.clone(),
                room_id: general.id.clone(),
                direction: chat::Direction::Backward as i32,
                ..Default::default()
            },
            &t.carol.token,
        ))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(page.messages.len(), 2);
    assert_eq!(page.last_seq, 2);
    // Unread counts: carol has the live message of alice (mentioning her) unread.
    let summary = wait_for_unread(&channel, &t.carol, &p, &general.id, 1).await;
    assert_eq!((summary.unread, summary.mentions), (1, 1));
    let marked = c
        .mark_read(bearer(
            chat::MarkReadRequest {
                project_id: p.clone(),
                room_id: general.id.clone(),
                seq: 0,
            },
            &t.carol.token,
        ))
        .await
        .unwrap()
        .into_inner();
    assert_eq!((marked.read_seq, marked.unread), (2, 0));
    let summary = wait_for_unread(&channel, &t.carol, &p, &general.id, 0).await;
    assert_eq!(
        (summary.unread, summary.mentions, summary.read_seq),
        (0, 0, 2)
    );
    c.send_typing(bearer(
        chat::SendTypingRequest {
            project_id: p.clone(),
            room_id: general.id.clone(),
        },
        &t.bob.token,
    ))
    .await
    .unwrap();
    let archived = c
        .archive_room(bearer(
            chat::ArchiveRoomRequest {
                project_id: p.clone(),
                room_id: general.id.clone(),
            },
            &t.alice.token,
        ))
        .await
        .unwrap()
        .into_inner()
        .room
        .unwrap();
    assert!(archived.archived);
}

/// The next non-heartbeat event of `events` within 10 s.
async fn next_event(events: &mut tonic::Streaming<chat::RoomEvent>) -> chat::RoomEvent {
    loop {
        let event = tokio::time::timeout(Duration::from_secs(10), events.next())
            .await
            .expect("an event within 10 s")
            .expect("the watch goes on")
            .expect("no error");
        if !matches!(event.kind, Some(chat::room_event::Kind::Heartbeat(_))) {
            return event;
        }
    }
}

fn kind_of(event: &chat::RoomEvent) -> &'static str {
    match event.kind.as_ref().unwrap() {
        chat::room_event::Kind::Posted(_) => "posted",
        chat::room_event::Kind::Edited(_) => "edited",
        chat::room_event::Kind::Deleted(_) => "deleted",
        chat::room_event::Kind::Reacted(_) => "reacted",
        chat::room_event::Kind::Typing(_) => "typing",
        chat::room_event::Kind::Heartbeat(_) => "heartbeat",
    }
}

async fn watch(
    channel: &Channel,
    who: &Person,
    project: &str,
    room: &str,
    start: chat::watch_room_request::Start,
) -> tonic::Streaming<chat::RoomEvent> {
    client(channel)
        .watch_room(bearer(
            chat::WatchRoomRequest {
                project_id: project.into(),
                room_id: room.into(),
                start: Some(start),
                heartbeat_seconds: 1,
            },
            &who.token,
        ))
        .await
        .expect("watch room")
        .into_inner()
}

async fn a_watcher_sees_changes_in_order_and_resumes_with_exactly_what_it_missed(engine: Engine) {
    let (_dir, _server, channel, _guard) = start(engine).await;
    let t = team(&channel).await;
    let p = t.project.clone();
    let mut c = client(&channel);
    let room = create_room(
        &channel,
        &t.alice,
        &p,
        "General",
        chat::RoomKind::Public,
        vec![],
    )
    .await;
    let other = create_room(
        &channel,
        &t.alice,
        &p,
        "Other",
        chat::RoomKind::Public,
        vec![],
    )
    .await;
    use chat::watch_room_request::Start;
    let mut events = watch(&channel, &t.bob, &p, &room.id, Start::FromNow(true)).await;
    let message = post(&channel, &t.alice, &p, &room.id, "first").await;
    post(&channel, &t.alice, &p, &other.id, "elsewhere").await;
    c.edit_message(bearer(
        chat::EditMessageRequest {
            project_id: p.clone(),
            message_id: message.id.clone(),
            text: "first!".into(),
            mention_ids: vec![],
        },
        &t.alice.token,
    ))
    .await
    .unwrap();
    c.add_reaction(bearer(
        chat::AddReactionRequest {
            project_id: p.clone(),
            message_id: message.id.clone(),
            emoji: ":tada:".into(),
        },
        &t.bob.token,
    ))
    .await
    .unwrap();
    c.delete_message(bearer(
        chat::DeleteMessageRequest {
            project_id: p.clone(),
            message_id: message.id.clone(),
        },
        &t.alice.token,
    ))
    .await
    .unwrap();
    let mut seen = Vec::new();
    for _ in 0..4 {
        seen.push(next_event(&mut events).await);
    }
    assert_eq!(
        seen.iter().map(kind_of).collect::<Vec<_>>(),
        ["posted", "edited", "reacted", "deleted"]
    );
    assert!(seen.windows(2).all(|w| w[0].seq < w[1].seq));
    // Typing is delivered live, never stored.
    c.send_typing(bearer(
        chat::SendTypingRequest {
            project_id: p.clone(),
            room_id: room.id.clone(),
        },
        &t.alice.token,
    ))
    .await
    .unwrap();
    let typing = next_event(&mut events).await;
    assert_eq!(kind_of(&typing), "typing");
    // Disconnect; three more changes happen; resume after the last one seen.
    let last = seen.last().unwrap().seq;
    drop(events);
    let second = post(&channel, &t.alice, &p, &room.id, "second").await;
    post(&channel, &t.bob, &p, &room.id, "third").await;
    c.add_reaction(bearer(
        chat::AddReactionRequest {
            project_id: p.clone(),
            message_id: second.id.clone(),
            emoji: "👍".into(),
        },
        &t.carol.token,
    ))
    .await
    .unwrap();
    let mut resumed = watch(&channel, &t.bob, &p, &room.id, Start::AfterSeq(last)).await;
    let mut missed = Vec::new();
    for _ in 0..3 {
        missed.push(next_event(&mut resumed).await);
    }
    assert_eq!(
        missed.iter().map(kind_of).collect::<Vec<_>>(),
        ["posted", "posted", "reacted"]
    );
    assert!(missed.iter().all(|e| e.seq > last));
    // Nothing more: the next item is a heartbeat, not a repeat.
    let idle = tokio::time::timeout(Duration::from_secs(5), resumed.next())
        .await
        .expect("a heartbeat within 5 s")
        .unwrap()
        .unwrap();
    assert_eq!(kind_of(&idle), "heartbeat", "{idle:?}");
}

async fn paging_while_others_post_has_no_gap_and_no_repeat(engine: Engine) {
    let (_dir, _server, channel, _guard) = start(engine).await;
    let t = team(&channel).await;
    let p = t.project.clone();
    let room = create_room(
        &channel,
        &t.alice,
        &p,
        "Busy",
        chat::RoomKind::Public,
        vec![],
    )
    .await;
    for n in 0..10 {
        post(&channel, &t.alice, &p, &room.id, &format!("before {n}")).await;
    }
    const POSTS: usize = 40;
    let poster = {
        let (channel, p, room, bob) = (channel.clone(), p.clone(), room.id.clone(), t.bob.clone());
        tokio::spawn(async move {
            for n in 0..POSTS {
                post(&channel, &bob, &p, &room, &format!("during {n}")).await;
            }
        })
    };
    let mut c = client(&channel);
    let mut seqs = Vec::new();
    let mut at = 0;
    let mut done = false;
    loop {
        let page = c
            .list_messages(bearer(
                chat::ListMessagesRequest {
                    project_id: p.clone(),
                    room_id: room.id.clone(),
                    seq: at,
                    direction: chat::Direction::Forward as i32,
                    page_size: 3,
                    ..Default::default()
                },
                &t.carol.token,
            ))
            .await
            .unwrap()
            .into_inner();
        seqs.extend(page.messages.iter().map(|m| m.seq));
        at = page.messages.last().map_or(at, |m| m.seq);
        if !page.more {
            if done {
                break;
            }
            // Caught up: once the poster is done, read to the end once more.
            if poster.is_finished() {
                done = true;
            } else {
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        }
    }
    poster.await.unwrap();
    assert_eq!(seqs, (1..=(10 + POSTS) as u64).collect::<Vec<_>>());
    // Backwards from a message, across page boundaries.
    let anchor = c
        .list_messages(bearer(
            chat::ListMessagesRequest {
                project_id: p.clone(),
                room_id: room.id.clone(),
                seq: 30,
                direction: chat::Direction::Backward as i32,
                page_size: 1,
                ..Default::default()
            },
            &t.carol.token,
        ))
        .await
        .unwrap()
        .into_inner()
        .messages[0]
        .clone();
    assert_eq!(anchor.seq, 29);
    let mut back = Vec::new();
    let mut before = anchor.seq;
    loop {
        let page = c
            .list_messages(bearer(
                chat::ListMessagesRequest {
                    project_id: p.clone(),
                    room_id: room.id.clone(),
                    seq: before,
                    message_id: if back.is_empty() {
                        anchor.id.clone()
                    } else {
                        String::new()
                    },
                    direction: chat::Direction::Backward as i32,
                    page_size: 4,
                },
                &t.carol.token,
            ))
            .await
            .unwrap()
            .into_inner();
        back.splice(0..0, page.messages.iter().map(|m| m.seq));
        before = page.messages.first().map_or(1, |m| m.seq);
        if !page.more {
            break;
        }
    }
    assert_eq!(back, (1..29).collect::<Vec<_>>());
}

async fn bad_input_is_refused_precisely_and_stores_nothing(engine: Engine) {
    let (_dir, _server, channel, _guard) = start(engine).await;
    let t = team(&channel).await;
    let p = t.project.clone();
    let mut c = client(&channel);
    let room = create_room(
        &channel,
        &t.alice,
        &p,
        "General",
        chat::RoomKind::Public,
        vec![],
    )
    .await;
    let other = create_room(
        &channel,
        &t.alice,
        &p,
        "Other",
        chat::RoomKind::Public,
        vec![],
    )
    .await;
    let private = create_room(
        &channel,
        &t.alice,
        &p,
        "Private",
        chat::RoomKind::Private,
        vec![],
    )
    .await;
    let archived = create_room(
        &channel,
        &t.alice,
        &p,
        "Old",
        chat::RoomKind::Public,
        vec![],
    )
    .await;
    c.archive_room(bearer(
        chat::ArchiveRoomRequest {
            project_id: p.clone(),
            room_id: archived.id.clone(),
        },
        &t.alice.token,
    ))
    .await
    .unwrap();
    let message = post(&channel, &t.alice, &p, &room.id, "hello").await;
    let elsewhere = post(&channel, &t.alice, &p, &other.id, "over here").await;
    let expect = |status: tonic::Status, code: Code, needle: &str| {
        assert_eq!(status.code(), code, "{status:?}");
        assert!(
            status.message().contains(needle),
            "{:?} does not name {needle}",
            status.message()
        );
    };
    let refused = c
        .post_message(bearer(post_request(&p, &archived.id, "late"), &t.bob.token))
        .await
        .unwrap_err();
    expect(refused, Code::FailedPrecondition, "archived");
    let refused = c
        .post_message(bearer(
            post_request(&p, &private.id, "let me in"),
            &t.bob.token,
        ))
        .await
        .unwrap_err();
    expect(refused, Code::PermissionDenied, "room_id");
    let refused = c
        .post_message(bearer(post_request(&p, &room.id, " \n "), &t.bob.token))
        .await
        .unwrap_err();
    expect(refused, Code::InvalidArgument, "text");
    let refused = c
        .post_message(bearer(
            post_request(&p, &room.id, &"x".repeat(4001)),
            &t.bob.token,
        ))
        .await
        .unwrap_err();
    expect(refused, Code::InvalidArgument, "text");
    let refused = c
        .post_message(bearer(
            chat::PostMessageRequest {
                reply_to: elsewhere.id.clone(),
                ..post_request(&p, &room.id, "a reply")
            },
            &t.bob.token,
        ))
        .await
        .unwrap_err();
    expect(refused, Code::InvalidArgument, "reply_to");
    let refused = c
        .edit_message(bearer(
            chat::EditMessageRequest {
                project_id: p.clone(),
                message_id: message.id.clone(),
                text: "mine now".into(),
                mention_ids: vec![],
            },
            &t.bob.token,
        ))
        .await
        .unwrap_err();
    expect(refused, Code::PermissionDenied, "message_id");
    let refused = c
        .add_reaction(bearer(
            chat::AddReactionRequest {
                project_id: p.clone(),
                message_id: message.id.clone(),
                emoji: "thumbs up".into(),
            },
            &t.bob.token,
        ))
        .await
        .unwrap_err();
    expect(refused, Code::InvalidArgument, "emoji");
    let refused = c
        .list_messages(bearer(
            chat::ListMessagesRequest {
                project_id: p.clone(),
                room_id: room.id.clone(),
                page_size: -5,
                ..Default::default()
            },
            &t.bob.token,
        ))
        .await
        .unwrap_err();
    expect(refused, Code::InvalidArgument, "page_size");
    let refused = c
        .get_message(bearer(
            chat::GetMessageRequest {
                project_id: p.clone(),
                message_id: "01JUNKJUNKJUNKJUNKJUNKJUNK".into(),
            },
            &t.bob.token,
        ))
        .await
        .unwrap_err();
    expect(refused, Code::NotFound, "message");
    let refused = c
        .create_room(bearer(
            chat::CreateRoomRequest {
                project_id: p.clone(),
                name: "No kind".into(),
                ..Default::default()
            },
            &t.bob.token,
        ))
        .await
        .unwrap_err();
    expect(refused, Code::InvalidArgument, "kind");
    // Nothing of the above was stored: the rooms hold exactly what was posted.
    for (room, last) in [(&room, 1), (&other, 1), (&private, 0), (&archived, 0)] {
        let page = c
            .list_messages(bearer(
                chat::ListMessagesRequest {
                    project_id: p.clone(),
                    room_id: room.id.clone(),
                    ..Default::default()
                },
                &t.alice.token,
            ))
            .await
            .unwrap()
            .into_inner();
        assert_eq!(page.last_seq, last, "room {}", room.name);
    }
    let message = c
        .get_message(bearer(
            chat::GetMessageRequest {
                project_id: p.clone(),
                message_id: message.id.clone(),
            },
            &t.alice.token,
        ))
        .await
        .unwrap()
        .into_inner()
        .message
        .unwrap();
    assert!(message.history.is_empty() && message.reactions.is_empty());
    // Someone outside the project learns nothing of it.
    let stranger = person(&channel, "stranger@example.com").await;
    let refused = c
        .list_rooms(bearer(
            chat::ListRoomsRequest {
                project_id: p.clone(),
                include_archived: false,
            },
            &stranger.token,
        ))
        .await
        .unwrap_err();
    assert_eq!(refused.code(), Code::NotFound, "{refused:?}");
}

#[tokio::test]
async fn every_chat_rpc_answers_through_grpc_on_sqlite() {
    every_chat_rpc_answers_through_grpc(Engine::Sqlite).await;
}

#[tokio::test]
async fn every_chat_rpc_answers_through_grpc_on_postgres() {
    every_chat_rpc_answers_through_grpc(Engine::Postgres).await;
}

#[tokio::test]
async fn a_watcher_sees_changes_in_order_and_resumes_with_exactly_what_it_missed_on_sqlite() {
    a_watcher_sees_changes_in_order_and_resumes_with_exactly_what_it_missed(Engine::Sqlite).await;
}

#[tokio::test]
async fn a_watcher_sees_changes_in_order_and_resumes_with_exactly_what_it_missed_on_postgres() {
    a_watcher_sees_changes_in_order_and_resumes_with_exactly_what_it_missed(Engine::Postgres).await;
}

#[tokio::test]
async fn paging_while_others_post_has_no_gap_and_no_repeat_on_sqlite() {
    paging_while_others_post_has_no_gap_and_no_repeat(Engine::Sqlite).await;
}

#[tokio::test]
async fn paging_while_others_post_has_no_gap_and_no_repeat_on_postgres() {
    paging_while_others_post_has_no_gap_and_no_repeat(Engine::Postgres).await;
}

#[tokio::test]
async fn bad_input_is_refused_precisely_and_stores_nothing_on_sqlite() {
    bad_input_is_refused_precisely_and_stores_nothing(Engine::Sqlite).await;
}

#[tokio::test]
async fn bad_input_is_refused_precisely_and_stores_nothing_on_postgres() {
    bad_input_is_refused_precisely_and_stores_nothing(Engine::Postgres).await;
}

/// The next changed summary or gone id of a room-list watch, skipping heartbeats.
async fn next_rooms_event(
    events: &mut tonic::Streaming<chat::RoomsEvent>,
) -> chat::rooms_event::Kind {
    loop {
        let event = tokio::time::timeout(Duration::from_secs(10), events.next())
            .await
            .expect("a room-list event within 10 s")
            .expect("the watch goes on")
            .expect("an event, not an error");
        match event.kind.expect("a kind") {
            chat::rooms_event::Kind::Heartbeat(_) => continue,
            kind => return kind,
        }
    }
}

/// The summary of `room` the watch tells next, skipping other rooms' changes.
async fn next_summary(
    events: &mut tonic::Streaming<chat::RoomsEvent>,
    room: &str,
) -> chat::RoomSummary {
    loop {
        if let chat::rooms_event::Kind::Changed(summary) = next_rooms_event(events).await {
            if summary.room.as_ref().is_some_and(|r| r.id == room) {
                return summary;
            }
        }
    }
}

#[tokio::test]
async fn the_room_list_is_live_and_private_rooms_never_reach_the_raw_feed() {
    let (_dir, _server, channel, _guard) = start(Engine::Sqlite).await;
    let t = team(&channel).await;
    let p = t.project.clone();
    let general = create_room(
        &channel,
        &t.alice,
        &p,
        "General",
        chat::RoomKind::Public,
        vec![],
    )
    .await;
    let mut watch = client(&channel)
        .watch_rooms(bearer(
            chat::WatchRoomsRequest {
                project_id: p.clone(),
                heartbeat_seconds: 1,
            },
            &t.bob.token,
        ))
        .await
        .expect("watch rooms")
        .into_inner();
    // Someone else posts: bob's unread and mention counts move, live.
    post(&channel, &t.alice, &p, &general.id, "hello").await;
    let mut summary = next_summary(&mut watch, &general.id).await;
    while summary.unread < 1 {
        summary = next_summary(&mut watch, &general.id).await;
    }
    assert_eq!((summary.unread, summary.mentions), (1, 0));
    let mention = chat::PostMessageRequest {
        mention_ids: vec![t.bob.id.clone()],
        ..post_request(&p, &general.id, "@bob look")
    };
    client(&channel)
        .post_message(bearer(mention, &t.alice.token))
        .await
        .unwrap();
    let mut summary = next_summary(&mut watch, &general.id).await;
    while summary.mentions < 1 {
        summary = next_summary(&mut watch, &general.id).await;
    }
    assert_eq!((summary.unread, summary.mentions), (2, 1));

    // A private room without bob: nothing about it reaches him; once invited, it does.
    let secret = create_room(
        &channel,
        &t.alice,
        &p,
        "Secret",
        chat::RoomKind::Private,
        vec![],
    )
    .await;
    post(&channel, &t.alice, &p, &secret.id, "between us").await;
    post(&channel, &t.alice, &p, &general.id, "marker").await;
    loop {
        match next_rooms_event(&mut watch).await {
            chat::rooms_event::Kind::Changed(s) => {
                let room = s.room.unwrap();
                assert_ne!(room.id, secret.id, "a room bob may not read reached him");
                if room.id == general.id && s.unread == 3 {
                    break;
                }
            }
            chat::rooms_event::Kind::Gone(id) => assert_eq!(id, secret.id),
            chat::rooms_event::Kind::Heartbeat(_) => unreachable!(),
        }
    }
    client(&channel)
        .invite_member(bearer(
            chat::InviteMemberRequest {
                project_id: p.clone(),
                room_id: secret.id.clone(),
                account_id: t.bob.id.clone(),
            },
            &t.alice.token,
        ))
        .await
        .unwrap();
    let invited = next_summary(&mut watch, &secret.id).await;
    assert_eq!(invited.room.unwrap().name, "Secret");
    client(&channel)
        .remove_member(bearer(
            chat::RemoveMemberRequest {
                project_id: p.clone(),
                room_id: secret.id.clone(),
                account_id: t.bob.id.clone(),
            },
            &t.owner.token,
        ))
        .await
        .unwrap();
    loop {
        if let chat::rooms_event::Kind::Gone(id) = next_rooms_event(&mut watch).await {
            assert_eq!(id, secret.id);
            break;
        }
    }

    // The chat feed holds private rooms' messages: no member may follow it raw.
    let refused =
        orbit_proto::orbit::cdc::v1::feed_service_client::FeedServiceClient::new(channel.clone())
            .subscribe(bearer(
                orbit_proto::orbit::cdc::v1::SubscribeRequest {
                    module: "chat".into(),
                    project_id: p.clone(),
                    ..Default::default()
                },
                &t.carol.token,
            ))
            .await
            .unwrap_err();
    assert_eq!(refused.code(), Code::NotFound, "{refused:?}");
    assert!(refused.message().contains("no feed"), "{refused:?}");
}
