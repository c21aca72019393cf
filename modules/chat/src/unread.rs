//! The unread view (`chat/unread`): read markers and unread and mention counts per member
//! and room, folded from the chat feed by the view engine (rows and checkpoint in one
//! transaction, so no event counts twice or not at all).
//!
//! Rows (in the `views` database, addressed by the keyed blind index of their group):
//! - `["room", project, room]`: `live`, the room's messages that are not deleted;
//! - `["member", project, room, account]`: `unread`, `mentions`, `read_seq` of a
//!   *participant*: an account that has a read marker in the room, posted there or was
//!   mentioned there.
//!
//! A non-participant has no message of its own and no mention in the room, and no marker,
//! so its unread count is the room's `live` and its mention count 0; ListRooms reads it so.
//! Folding, per event:
//! - a post makes its author and the accounts it mentions participants (a new one starts at
//!   `unread = live`, everything before it), adds one to `live` and to `unread` of every
//!   other participant, and to `mentions` of those it mentions;
//! - an edit adds to or takes from `mentions` of the accounts it starts or stops mentioning
//!   (if the message lies after their marker);
//! - a delete takes one from `live`, and from `unread` (and `mentions`) of every other
//!   participant whose marker lies before it;
//! - a read marker sets the member's row to the counts the marker carries: the chat service
//!   computed them against the room's head, which every message write rewrites, and
//!   committed on condition that the head had not moved (`markers.rs`), so they are the
//!   counts at exactly the marker's place in the feed.
//!
//! Cost: a post or delete touches one row per participant of its room (each of their counts
//! changes); an edit one per changed mention; a marker one. The view keeps each message's
//! author, mentions and liveness in its private table `msg` so edits and deletes know what
//! they undo.

use std::collections::BTreeSet;

use async_trait::async_trait;
use orbit_cdc::view::{Row, View, ViewError, ViewId, ViewWriter};
use orbit_proto::orbit::chat::v1 as pb;
use orbit_system::store::{ChangeEvent, ChangeOp, EventScope};
use prost::Message as _;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::stored::{
    CHAT, ENTITY_MARKER, MARKERS, MESSAGES, Marker, is_message_entity, message_key,
};

/// The view's name.
pub const UNREAD: &str = "unread";

/// The view's id: owned by the module, over every project of its database.
pub fn unread_view_id() -> ViewId {
    ViewId::new(CHAT, UNREAD)
}

/// The group of a room's row.
pub(crate) fn room_group(project_id: &str, room_id: &str) -> Value {
    json!(["room", project_id, room_id])
}

/// The group of a member's row in a room.
pub(crate) fn member_group(project_id: &str, room_id: &str, account_id: &str) -> Value {
    json!(["member", project_id, room_id, account_id])
}

/// A room's state in the view.
#[derive(Debug, Default, Serialize, Deserialize)]
struct RoomState {
    live: u64,
    participants: BTreeSet<String>,
}

/// A member's counts in a room.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Counts {
    pub(crate) unread: u64,
    pub(crate) mentions: u64,
    pub(crate) read_seq: u64,
}

/// What the view remembers of a message.
#[derive(Debug, Serialize, Deserialize)]
struct MessageState {
    author: String,
    mentions: BTreeSet<String>,
    live: bool,
}

/// The unread view over the `chat` database.
#[derive(Debug)]
pub struct UnreadView {
    id: ViewId,
}

impl Default for UnreadView {
    fn default() -> Self {
        UnreadView {
            id: unread_view_id(),
        }
    }
}

#[async_trait]
impl View for UnreadView {
    fn id(&self) -> &ViewId {
        &self.id
    }

    fn org_id(&self) -> &str {
        ""
    }

    fn source_database(&self) -> &str {
        CHAT
    }

    fn accepts(&self, scope: Option<&EventScope>) -> bool {
        scope.is_some_and(|s| is_message_entity(&s.entity) || s.entity == ENTITY_MARKER)
    }

    async fn apply(
        &self,
        event: &ChangeEvent,
        writer: &mut ViewWriter<'_>,
    ) -> Result<(), ViewError> {
        let (ChangeOp::Put, Some(value)) = (event.op, &event.value) else {
            return Ok(());
        };
        match event.keyspace.as_str() {
            MESSAGES => {
                let message = pb::Message::decode(value.as_slice())
                    .map_err(|e| corrupt("message", &event.key, e))?;
                fold_message(writer, &message).await
            }
            MARKERS => {
                let marker: Marker =
                    serde_json::from_slice(value).map_err(|e| corrupt("marker", &event.key, e))?;
                let key = String::from_utf8_lossy(&event.key).into_owned();
                let mut parts = key.splitn(3, '/');
                let (Some(project), Some(room), Some(account)) =
                    (parts.next(), parts.next(), parts.next())
                else {
                    return Err(corrupt(
                        "marker",
                        &event.key,
                        "not <project>/<room>/<account>",
                    ));
                };
                let mut state = room_state(writer, project, room).await?;
                state.participants.insert(account.to_owned());
                put_room(writer, project, room, &state).await?;
                let counts = Counts {
                    unread: marker.unread,
                    mentions: marker.mentions,
                    read_seq: marker.read_seq,
                };
                put_member(writer, project, room, account, counts).await
            }
            _ => Ok(()),
        }
    }
}

/// Folds one write of a message (post, edit, reaction or delete).
async fn fold_message(writer: &mut ViewWriter<'_>, message: &pb::Message) -> Result<(), ViewError> {
    let (project, room) = (message.project_id.as_str(), message.room_id.as_str());
    let key = message_key(project, room, message.seq);
    let previous: Option<MessageState> = match writer.get("msg", key.as_bytes()).await? {
        Some(bytes) => {
            Some(serde_json::from_slice(&bytes).map_err(|e| corrupt("msg", key.as_bytes(), e))?)
        }
        None => None,
    };
    let mentions: BTreeSet<String> = message.mention_ids.iter().cloned().collect();
    let author = message.author_id.as_str();
    let mut state = room_state(writer, project, room).await?;
    let next = match previous {
        Some(previous) if !previous.live => return Ok(()),
        None if message.deleted => MessageState {
            author: author.to_owned(),
            mentions: BTreeSet::new(),
            live: false,
        },
        None => {
            // A post: its author and the mentioned become participants first (counting
            // everything before it), then every other participant has one more unread.
            for account in std::iter::once(author).chain(mentions.iter().map(String::as_str)) {
                join(writer, &mut state, project, room, account).await?;
            }
            state.live += 1;
            for account in state.participants.clone() {
                if account == author {
                    continue;
                }
                let mut counts = member(writer, project, room, &account).await?;
                counts.unread += 1;
                if mentions.contains(&account) {
                    counts.mentions += 1;
                }
                put_member(writer, project, room, &account, counts).await?;
            }
            MessageState {
                author: author.to_owned(),
                mentions,
                live: true,
            }
        }
        Some(previous) if message.deleted => {
            state.live = state.live.saturating_sub(1);
            for account in state.participants.clone() {
                if account == previous.author {
                    continue;
                }
                let mut counts = member(writer, project, room, &account).await?;
                if message.seq > counts.read_seq {
                    counts.unread = counts.unread.saturating_sub(1);
                    if previous.mentions.contains(&account) {
                        counts.mentions = counts.mentions.saturating_sub(1);
                    }
                    put_member(writer, project, room, &account, counts).await?;
                }
            }
            MessageState {
                live: false,
                ..previous
            }
        }
        Some(previous) => {
            // An edit or a reaction: only mentions can change.
            if previous.mentions == mentions {
                return Ok(());
            }
            for account in mentions.difference(&previous.mentions) {
                if *account == previous.author {
                    continue;
                }
                join(writer, &mut state, project, room, account).await?;
                let mut counts = member(writer, project, room, account).await?;
                if message.seq > counts.read_seq {
                    counts.mentions += 1;
                    put_member(writer, project, room, account, counts).await?;
                }
            }
            for account in previous.mentions.difference(&mentions) {
                if *account == previous.author {
                    continue;
                }
                let mut counts = member(writer, project, room, account).await?;
                if message.seq > counts.read_seq {
                    counts.mentions = counts.mentions.saturating_sub(1);
                    put_member(writer, project, room, account, counts).await?;
                }
            }
            MessageState {
                mentions,
                ..previous
            }
        }
    };
    put_room(writer, project, room, &state).await?;
    let bytes = serde_json::to_vec(&next).expect("message state encodes");
    writer.put("msg", key.as_bytes(), bytes)
}

/// Makes `account` a participant of the room if it is not one: it starts with every live
/// message unread (it has none of its own and no mention there, or it would be one).
async fn join(
    writer: &mut ViewWriter<'_>,
    state: &mut RoomState,
    project: &str,
    room: &str,
    account: &str,
) -> Result<(), ViewError> {
    if state.participants.insert(account.to_owned()) {
        let counts = Counts {
            unread: state.live,
            mentions: 0,
            read_seq: 0,
        };
        put_member(writer, project, room, account, counts).await?;
    }
    Ok(())
}

async fn room_state(
    writer: &mut ViewWriter<'_>,
    project: &str,
    room: &str,
) -> Result<RoomState, ViewError> {
    match writer.row_state(&room_group(project, room)).await? {
        Some(state) => {
            serde_json::from_value(state).map_err(|e| corrupt("room", room.as_bytes(), e))
        }
        None => Ok(RoomState::default()),
    }
}

async fn put_room(
    writer: &mut ViewWriter<'_>,
    project: &str,
    room: &str,
    state: &RoomState,
) -> Result<(), ViewError> {
    let mut values = serde_json::Map::new();
    values.insert("live".into(), json!(state.live));
    let row = Row {
        group: room_group(project, room),
        values,
    };
    let state = serde_json::to_value(state).expect("room state encodes");
    writer.put_row_with_state(row, Some(state)).await
}

async fn member(
    writer: &mut ViewWriter<'_>,
    project: &str,
    room: &str,
    account: &str,
) -> Result<Counts, ViewError> {
    match writer
        .row_state(&member_group(project, room, account))
        .await?
    {
        Some(state) => {
            serde_json::from_value(state).map_err(|e| corrupt("member", account.as_bytes(), e))
        }
        None => Ok(Counts::default()),
    }
}

async fn put_member(
    writer: &mut ViewWriter<'_>,
    project: &str,
    room: &str,
    account: &str,
    counts: Counts,
) -> Result<(), ViewError> {
    let values = match serde_json::to_value(counts).expect("counts encode") {
        Value::Object(values) => values,
        _ => unreachable!("counts are an object"),
    };
    let row = Row {
        group: member_group(project, room, account),
        values: values.clone(),
    };
    writer
        .put_row_with_state(row, Some(Value::Object(values)))
        .await
}

fn corrupt(what: &str, key: &[u8], reason: impl std::fmt::Display) -> ViewError {
    ViewError::Corrupt {
        view: unread_view_id().to_string(),
        what: format!("{what} {}", String::from_utf8_lossy(key)),
        reason: reason.to_string(),
    }
}

/// A member's counts in a room as the view has them: its row, or (not a participant) the
/// room's live messages, or nothing.
pub(crate) fn counts_from(member: Option<Row>, room: Option<Row>) -> Counts {
    if let Some(row) = member {
        return serde_json::from_value(Value::Object(row.values)).unwrap_or_default();
    }
    let live = room
        .and_then(|row| row.values.get("live").and_then(Value::as_u64))
        .unwrap_or(0);
    Counts {
        unread: live,
        mentions: 0,
        read_seq: 0,
    }
}
