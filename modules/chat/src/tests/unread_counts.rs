//! Unread and mention counts of the unread view equal a recount from the room's history,
//! for a fixed scenario and for any mix of posts, reads and deletes (proptest).

use std::collections::HashMap;

use orbit_proto::orbit::chat::v1 as pb;
use proptest::prelude::*;

use super::harness::{Harness, id};
use crate::{Direction, NewMessage, NewRoom};

/// What the view should say, recounted from every message of the room.
async fn recount(h: &Harness, room: &pb::Room, account: &str, read_seq: u64) -> (u64, u64) {
    let me = super::harness::caller(account);
    let page = h
        .chat
        .list_messages(
            &me,
            &super::harness::query(h, room, 0, Direction::Forward, 200),
        )
        .await
        .unwrap();
    let mut unread = 0;
    let mut mentions = 0;
    for message in page.messages {
        if message.seq > read_seq && !message.deleted && message.author_id != account {
            unread += 1;
            if message.mention_ids.iter().any(|m| m == account) {
                mentions += 1;
            }
        }
    }
    (unread, mentions)
}

#[derive(Debug, Clone)]
enum Step {
    Post {
        author: usize,
        mention: Option<usize>,
    },
    Read {
        member: usize,
        at: u8,
    },
    Delete {
        nth: u8,
        by_admin: bool,
    },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => (0..3usize, proptest::option::of(0..3usize))
            .prop_map(|(author, mention)| Step::Post { author, mention }),
        2 => (0..3usize, any::<u8>()).prop_map(|(member, at)| Step::Read { member, at }),
        1 => (any::<u8>(), any::<bool>()).prop_map(|(nth, by_admin)| Step::Delete { nth, by_admin }),
    ]
}

async fn run(steps: Vec<Step>) {
    let h = Harness::open(3).await;
    let p = h.project.clone();
    let room = h
        .chat
        .create_room(
            &h.users[0],
            NewRoom {
                project_id: p.clone(),
                name: "General".into(),
                kind: pb::RoomKind::Public as i32,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let mut posted: Vec<(String, usize)> = Vec::new();
    for step in steps {
        match step {
            Step::Post { author, mention } => {
                let mention_ids = mention.map(|m| id(&h.users[m])).into_iter().collect();
                let message = h
                    .chat
                    .post(
                        &h.users[author],
                        NewMessage {
                            project_id: p.clone(),
                            room_id: room.id.clone(),
                            text: "hello".into(),
                            mention_ids,
                            ..Default::default()
                        },
                    )
                    .await
                    .unwrap()
                    .message;
                posted.push((message.id, author));
            }
            Step::Read { member, at } => {
                let last = posted.len() as u64;
                let seq = if last == 0 {
                    0
                } else {
                    u64::from(at) % (last + 1)
                };
                h.chat
                    .mark_read(&h.users[member], &p, &room.id, seq)
                    .await
                    .unwrap();
            }
            Step::Delete { nth, by_admin } => {
                if posted.is_empty() {
                    continue;
                }
                let (message_id, author) = &posted[usize::from(nth) % posted.len()];
                let who = if by_admin {
                    &h.admin
                } else {
                    &h.users[*author]
                };
                h.chat.delete(who, &p, message_id).await.unwrap();
            }
        }
    }
    h.settle().await;
    let mut markers = HashMap::new();
    for user in &h.users {
        let summary = h.chat.get_room(user, &p, &room.id).await.unwrap();
        markers.insert(id(user), summary.read_seq);
        let expected = recount(&h, &room, &id(user), summary.read_seq).await;
        assert_eq!(
            (summary.unread, summary.mentions),
            expected,
            "counts of {} (read up to {})",
            id(user),
            summary.read_seq
        );
    }
    // The admin never took part: everything live is unread for it.
    let admin = h.chat.get_room(&h.admin, &p, &room.id).await.unwrap();
    assert_eq!(
        (admin.unread, admin.mentions),
        recount(&h, &room, &id(&h.admin), 0).await
    );
    h.close().await;
}

#[tokio::test]
async fn counts_follow_posts_mentions_reads_and_deletes() {
    run(vec![
        Step::Post {
            author: 0,
            mention: Some(1),
        },
        Step::Post {
            author: 1,
            mention: None,
        },
        Step::Read { member: 1, at: 1 },
        Step::Post {
            author: 2,
            mention: Some(1),
        },
        Step::Delete {
            nth: 2,
            by_admin: true,
        },
        Step::Post {
            author: 0,
            mention: Some(2),
        },
        Step::Read { member: 0, at: 0 },
        Step::Delete {
            nth: 0,
            by_admin: false,
        },
    ])
    .await;
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn unread_counts_equal_a_recount_from_history(steps in proptest::collection::vec(step(), 1..25)) {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap()
            .block_on(run(steps));
    }
}
