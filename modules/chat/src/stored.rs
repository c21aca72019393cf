//! How chat keeps its data in its own encrypted database `chat`: keyspace names, key
//! builders and the small stored records that are not API messages.
//!
//! Keys hold only ids, sequence numbers and blind indexes, never message text; every value
//! is sealed by the store. Layout (`<p>` project id, `<r>` room id, `<s>` a room sequence
//! number as 20 digits, `<a>` an account id):
//! - `room`        `<p>/<r>`: the room (`orbit.chat.v1.Room`, protobuf);
//! - `room.direct` `<p>/<a>/<a>` (the two ids sorted): the id of their direct room;
//! - `room.head`   `<p>/<r>`: [`Head`], the room's last sequence number, rewritten by every
//!   message write (so a read marker can be written as of one exact state of the room);
//! - `msg`         `<p>/<r>/<s>`: a message (`orbit.chat.v1.Message`, protobuf), a tombstone
//!   once deleted;
//! - `msg.id`      `<p>/<message id>`: [`MessageRef`], where a message lives;
//! - `msg.reply`   `<p>/<r>/<s of the thread root>/<s of the reply>`: a thread's replies;
//! - `msg.idem`    `<p>/<r>/<blind index of author and idempotency key>`: [`MessageRef`] of
//!   the message a post with that key stored;
//! - `marker`      `<p>/<r>/<a>`: [`Marker`], a member's read marker.

use serde::{Deserialize, Serialize};

use crate::error::ChatError;

/// The module's name: its database, its change feed and its manifest name.
pub const CHAT: &str = "chat";

pub(crate) const ROOMS: &str = "room";
pub(crate) const DIRECT: &str = "room.direct";
pub(crate) const HEADS: &str = "room.head";
pub(crate) const MESSAGES: &str = "msg";
pub(crate) const MESSAGE_IDS: &str = "msg.id";
pub(crate) const REPLIES: &str = "msg.reply";
pub(crate) const IDEMPOTENCY: &str = "msg.idem";
pub(crate) const MARKERS: &str = "marker";

/// Entity names of the change events (the scope's `entity`).
pub(crate) const ENTITY_ROOM: &str = "room";
pub(crate) const ENTITY_MESSAGE: &str = "message";
pub(crate) const ENTITY_MARKER: &str = "marker";

/// The entity of a message's change events, `message/<room id>`: a room's watchers are
/// picked out by scope, before anything is decrypted or queued for them (events written
/// before rooms were named here carry plain `message`).
pub(crate) fn message_entity(room_id: &str) -> String {
    format!("{ENTITY_MESSAGE}/{room_id}")
}

/// Whether a change event's entity is a message's, in either form.
pub(crate) fn is_message_entity(entity: &str) -> bool {
    entity
        .strip_prefix(ENTITY_MESSAGE)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// Version marker of the JSON records below.
const FORMAT: u32 = 1;

pub(crate) fn room_key(project_id: &str, room_id: &str) -> String {
    format!("{project_id}/{room_id}")
}

pub(crate) fn direct_key(project_id: &str, a: &str, b: &str) -> String {
    let (low, high) = if a <= b { (a, b) } else { (b, a) };
    format!("{project_id}/{low}/{high}")
}

/// `<p>/<r>/`: the prefix of a room's messages (and markers, replies, idempotency keys).
pub(crate) fn room_prefix(project_id: &str, room_id: &str) -> String {
    format!("{project_id}/{room_id}/")
}

pub(crate) fn message_key(project_id: &str, room_id: &str, seq: u64) -> String {
    format!("{project_id}/{room_id}/{seq:020}")
}

pub(crate) fn message_id_key(project_id: &str, message_id: &str) -> String {
    format!("{project_id}/{message_id}")
}

pub(crate) fn reply_prefix(project_id: &str, room_id: &str, root_seq: u64) -> String {
    format!("{project_id}/{room_id}/{root_seq:020}/")
}

pub(crate) fn reply_key(project_id: &str, room_id: &str, root_seq: u64, seq: u64) -> String {
    format!("{project_id}/{room_id}/{root_seq:020}/{seq:020}")
}

pub(crate) fn marker_key(project_id: &str, room_id: &str, account_id: &str) -> String {
    format!("{project_id}/{room_id}/{account_id}")
}

/// The room sequence number at the end of a message key.
pub(crate) fn seq_of_key(key: &[u8]) -> Option<u64> {
    let text = std::str::from_utf8(key).ok()?;
    text.rsplit('/').next()?.parse().ok()
}

/// A room's position: its last message's sequence number.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Head {
    pub(crate) v: u32,
    pub(crate) last_seq: u64,
}

/// Where a message lives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct MessageRef {
    pub(crate) v: u32,
    pub(crate) room_id: String,
    pub(crate) seq: u64,
}

/// A member's read marker of a room, with the counts after it as of the state of the room
/// it was written against (the unread view takes them from here).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Marker {
    pub v: u32,
    /// Read up to this room sequence number.
    pub read_seq: u64,
    /// Live messages of others after it.
    pub unread: u64,
    /// Of those, the ones mentioning the member.
    pub mentions: u64,
}

impl Head {
    pub(crate) fn new(last_seq: u64) -> Head {
        Head {
            v: FORMAT,
            last_seq,
        }
    }
}

impl MessageRef {
    pub(crate) fn new(room_id: &str, seq: u64) -> MessageRef {
        MessageRef {
            v: FORMAT,
            room_id: room_id.to_owned(),
            seq,
        }
    }
}

impl Marker {
    pub fn new(read_seq: u64, unread: u64, mentions: u64) -> Marker {
        Marker {
            v: FORMAT,
            read_seq,
            unread,
            mentions,
        }
    }
}

/// Encodes one of the JSON records above.
pub(crate) fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).expect("chat records always encode")
}

/// Decodes one of the JSON records above, checking its version marker.
pub(crate) fn decode<T: for<'de> Deserialize<'de>>(
    what: &'static str,
    key: &[u8],
    bytes: &[u8],
) -> Result<T, ChatError> {
    let key = || String::from_utf8_lossy(key).into_owned();
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| ChatError::corrupt(what, key(), e))?;
    if value.get("v").and_then(serde_json::Value::as_u64) != Some(u64::from(FORMAT)) {
        return Err(ChatError::corrupt(what, key(), "unknown format"));
    }
    serde_json::from_value(value).map_err(|e| ChatError::corrupt(what, key(), e))
}

/// Decodes a stored protobuf record (room or message).
pub(crate) fn decode_pb<T: prost::Message + Default>(
    what: &'static str,
    key: &[u8],
    bytes: &[u8],
) -> Result<T, ChatError> {
    T::decode(bytes).map_err(|e| ChatError::corrupt(what, String::from_utf8_lossy(key), e))
}

#[cfg(test)]
mod entity_tests {
    use super::*;

    #[test]
    fn a_message_entity_names_its_room_and_reads_in_both_forms() {
        assert_eq!(message_entity("R1"), "message/R1");
        assert!(is_message_entity(&message_entity("R1")));
        assert!(is_message_entity(ENTITY_MESSAGE));
        assert!(!is_message_entity("messages"));
        assert!(!is_message_entity(ENTITY_MARKER));
    }
}
