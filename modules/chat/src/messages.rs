//! Messages: post (with an optional thread parent, mentions and an idempotency key), edit
//! (author only, the earlier text kept), delete (author or project admin, a tombstone
//! remains), read one, page through a room in either direction, and read a thread.
//!
//! A room's messages are numbered 1, 2, 3, … without gaps: a post reads the room's head and
//! writes the next number with a compare-and-set on the head, so posts to one room commit
//! in sequence order and a page read never misses one that commits later. Every message
//! write rewrites the head too (so read markers are written against one exact state).

use std::collections::BTreeSet;

use orbit_proto::orbit::chat::v1 as pb;
use orbit_system::identity::RequestContext;
use orbit_system::store::{Expect, Transaction, new_id};
use prost::Message as _;

use crate::chat::{
    ATTEMPTS, Chat, RoomAccess, is_conflict, now_ms, page_size, valid_id, valid_text,
};
use crate::error::ChatError;
use crate::stored::{
    HEADS, Head, IDEMPOTENCY, MESSAGE_IDS, MESSAGES, MessageRef, REPLIES, decode, decode_pb,
    encode, message_entity, message_id_key, message_key, reply_key, reply_prefix, room_key,
    room_prefix, seq_of_key,
};

/// Longest idempotency key, in bytes.
const MAX_IDEMPOTENCY_KEY: usize = 128;
/// Most mentions of one message.
const MAX_MENTIONS: usize = 100;
/// Messages per page when a request asks for 0, and the most per page.
const DEFAULT_PAGE: u32 = 50;
const MAX_PAGE: u32 = 200;

/// A post (`ChatService.PostMessage`).
#[derive(Debug, Clone, Default)]
pub struct NewMessage {
    pub project_id: String,
    pub room_id: String,
    pub text: String,
    pub reply_to: String,
    pub mention_ids: Vec<String>,
    pub idempotency_key: String,
}

/// What a post returns: the message, and whether it was stored by an earlier post with the
/// same idempotency key.
#[derive(Debug, Clone)]
pub struct Posted {
    pub message: pb::Message,
    pub replayed: bool,
}

/// Which way [`Chat::list_messages`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Backward,
    Forward,
}

/// Where a page of messages starts (`ChatService.ListMessages`).
#[derive(Debug, Clone)]
pub struct MessageQuery {
    pub project_id: String,
    pub room_id: String,
    /// A room sequence number (0: the end `direction` starts from)…
    pub seq: u64,
    /// …or a message of the room (instead of `seq`).
    pub message_id: String,
    pub direction: Direction,
    /// Negative is refused; 0 means 50; at most 200.
    pub page_size: i32,
}

/// A page of messages.
#[derive(Debug, Clone)]
pub struct MessagePage {
    pub messages: Vec<pb::Message>,
    pub more: bool,
    pub last_seq: u64,
}

/// A message as read, with where it lives and the room's access.
pub(crate) struct Located {
    pub(crate) message: pb::Message,
    pub(crate) access: RoomAccess,
}

impl Chat {
    /// `ChatService.PostMessage`.
    #[tracing::instrument(skip_all, fields(project_id = %new.project_id, room_id = %new.room_id))]
    pub async fn post(
        &self,
        caller: &RequestContext,
        new: NewMessage,
    ) -> Result<Posted, ChatError> {
        let text = valid_text(&new.text)?.to_owned();
        if new.idempotency_key.len() > MAX_IDEMPOTENCY_KEY {
            return Err(ChatError::invalid(
                "idempotency_key",
                format!(
                    "{} bytes is over the limit of {MAX_IDEMPOTENCY_KEY}",
                    new.idempotency_key.len()
                ),
            ));
        }
        let access = self.room_for(caller, &new.project_id, &new.room_id).await?;
        access.writable()?;
        let room = &access.room;
        let (project_id, room_id) = (room.project_id.clone(), room.id.clone());
        let me = caller.require()?.account_id.clone();
        let idempotency = (!new.idempotency_key.is_empty()).then(|| {
            let index = self.db.blind_index(
                "chat.idempotency",
                format!("{me}\u{0}{}", new.idempotency_key).as_bytes(),
            );
            format!(
                "{}{}",
                room_prefix(&project_id, &room_id),
                hex::encode(&index.0[..20])
            )
        });
        if let Some(key) = &idempotency {
            if let Some(message) = self.replay(&project_id, key).await? {
                return Ok(Posted {
                    message,
                    replayed: true,
                });
            }
        }
        let root = match new.reply_to.as_str() {
            "" => None,
            parent => Some(self.thread_root(&project_id, &room_id, parent).await?),
        };
        let mention_ids = self.mentions(caller, room, &text, &new.mention_ids).await?;
        let scope = self.scope(&project_id, &message_entity(&room_id)).await?;
        let id = new_id();
        for _ in 0..ATTEMPTS {
            let (head, head_version) = self.head(&project_id, &room_id).await?;
            let seq = head.last_seq + 1;
            let message = pb::Message {
                id: id.clone(),
                room_id: room_id.clone(),
                project_id: project_id.clone(),
                seq,
                author_id: me.clone(),
                text: text.clone(),
                reply_to: root.as_ref().map(|r| r.0.clone()).unwrap_or_default(),
                mention_ids: mention_ids.clone(),
                created_at_ms: now_ms(),
                change: pb::MessageChange::Posted as i32,
                ..Default::default()
            };
            let reference = encode(&MessageRef::new(&room_id, seq));
            let mut txn = Transaction::new()
                .put_if(
                    MESSAGES,
                    message_key(&project_id, &room_id, seq),
                    message.encode_to_vec(),
                    Expect::Absent,
                )
                .put_if(
                    HEADS,
                    room_key(&project_id, &room_id),
                    encode(&Head::new(seq)),
                    head_version.map_or(Expect::Absent, Expect::Version),
                )
                .put_if(
                    MESSAGE_IDS,
                    message_id_key(&project_id, &id),
                    reference.clone(),
                    Expect::Absent,
                );
            if let Some(key) = &idempotency {
                txn = txn.put_if(IDEMPOTENCY, key.clone(), reference, Expect::Absent);
            }
            if let Some((_, root_seq)) = &root {
                txn = txn.put(
                    REPLIES,
                    reply_key(&project_id, &room_id, *root_seq, seq),
                    b"1".to_vec(),
                );
            }
            match self.commit(caller, txn, &scope).await {
                Ok(receipt) => {
                    tracing::debug!(seq, "message posted");
                    return Ok(Posted {
                        message: pb::Message {
                            version: receipt.version().unwrap_or_default(),
                            ..message
                        },
                        replayed: false,
                    });
                }
                Err(error) if is_conflict(&error) => {
                    // A retry of this post may have won: then it is the answer.
                    if let Some(key) = &idempotency {
                        if let Some(message) = self.replay(&project_id, key).await? {
                            return Ok(Posted {
                                message,
                                replayed: true,
                            });
                        }
                    }
                }
                Err(error) => return Err(error.into()),
            }
        }
        Err(ChatError::Contended {
            what: "room",
            id: room_id,
        })
    }

    /// `ChatService.EditMessage`: the author only; the earlier text goes to the history.
    #[tracing::instrument(skip_all, fields(%project_id, %message_id))]
    pub async fn edit(
        &self,
        caller: &RequestContext,
        project_id: &str,
        message_id: &str,
        text: &str,
        mention_ids: &[String],
    ) -> Result<pb::Message, ChatError> {
        let text = valid_text(text)?.to_owned();
        let me = caller.require()?.account_id.clone();
        for _ in 0..ATTEMPTS {
            let Located {
                mut message,
                access,
            } = self.locate(caller, project_id, message_id).await?;
            if message.author_id != me {
                return Err(ChatError::PermissionDenied(format!(
                    "message_id: message {message_id} was posted by someone else; only its author may edit it"
                )));
            }
            if message.deleted {
                return Err(ChatError::FailedPrecondition(format!(
                    "message_id: message {message_id} is deleted"
                )));
            }
            access.writable()?;
            let mentions = self
                .mentions(caller, &access.room, &text, mention_ids)
                .await?;
            if message.text == text && message.mention_ids == mentions {
                return Ok(message);
            }
            let now = now_ms();
            let old = std::mem::replace(&mut message.text, text.clone());
            message.history.push(pb::Edit {
                text: old,
                replaced_at_ms: now,
            });
            message.mention_ids = mentions;
            message.edited_at_ms = now;
            message.change = pb::MessageChange::Edited as i32;
            match self.rewrite(caller, &mut message, true).await {
                Ok(()) => return Ok(message),
                Err(ChatError::Store(error)) if is_conflict(&error) => continue,
                Err(error) => return Err(error),
            }
        }
        Err(ChatError::Contended {
            what: "message",
            id: message_id.to_owned(),
        })
    }

    /// `ChatService.DeleteMessage`: the author or a project admin; leaves a tombstone (no
    /// text, history or reactions). Deleting a tombstone changes nothing.
    #[tracing::instrument(skip_all, fields(%project_id, %message_id))]
    pub async fn delete(
        &self,
        caller: &RequestContext,
        project_id: &str,
        message_id: &str,
    ) -> Result<pb::Message, ChatError> {
        let me = caller.require()?.account_id.clone();
        for _ in 0..ATTEMPTS {
            let Located {
                mut message,
                access,
            } = self.locate(caller, project_id, message_id).await?;
            if message.author_id != me && !access.is_admin() {
                return Err(ChatError::PermissionDenied(format!(
                    "message_id: only the author of message {message_id} or a project admin may delete it"
                )));
            }
            if message.deleted {
                return Ok(message);
            }
            access.writable()?;
            message.deleted = true;
            message.deleted_by = me.clone();
            message.deleted_at_ms = now_ms();
            message.text.clear();
            message.history.clear();
            message.reactions.clear();
            message.change = pb::MessageChange::Deleted as i32;
            match self.rewrite(caller, &mut message, true).await {
                Ok(()) => return Ok(message),
                Err(ChatError::Store(error)) if is_conflict(&error) => continue,
                Err(error) => return Err(error),
            }
        }
        Err(ChatError::Contended {
            what: "message",
            id: message_id.to_owned(),
        })
    }

    /// `ChatService.GetMessage`.
    pub async fn get_message(
        &self,
        caller: &RequestContext,
        project_id: &str,
        message_id: &str,
    ) -> Result<pb::Message, ChatError> {
        Ok(self.locate(caller, project_id, message_id).await?.message)
    }

    /// `ChatService.ListMessages`: up to a page of messages before (backward) or after
    /// (forward) position `seq` (or message `message_id`), oldest first.
    pub async fn list_messages(
        &self,
        caller: &RequestContext,
        query: &MessageQuery,
    ) -> Result<MessagePage, ChatError> {
        let size = page_size(query.page_size, DEFAULT_PAGE, MAX_PAGE)?;
        let direction = query.direction;
        let access = self
            .room_for(caller, &query.project_id, &query.room_id)
            .await?;
        let (project_id, room_id) = (&access.room.project_id, &access.room.id);
        let seq = match query.message_id.as_str() {
            "" => query.seq,
            id => {
                let reference = self
                    .reference(project_id, valid_id("message_id", id)?)
                    .await?;
                if reference.room_id != *room_id {
                    return Err(ChatError::invalid(
                        "message_id",
                        format!("message {id} is in another room"),
                    ));
                }
                reference.seq
            }
        };
        let (head, _) = self.head(project_id, room_id).await?;
        let last_seq = head.last_seq;
        let (from, to) = match direction {
            Direction::Forward => (seq + 1, seq.saturating_add(u64::from(size))),
            Direction::Backward => {
                let before = if seq == 0 { last_seq + 1 } else { seq };
                (before.saturating_sub(u64::from(size)).max(1), before - 1)
            }
        };
        let messages = self.range(project_id, room_id, from, to).await?;
        let more = match direction {
            Direction::Forward => to < last_seq,
            Direction::Backward => from > 1,
        };
        Ok(MessagePage {
            messages,
            more,
            last_seq,
        })
    }

    /// `ChatService.ListReplies`: the thread of `message_id`, oldest first.
    pub async fn list_replies(
        &self,
        caller: &RequestContext,
        project_id: &str,
        message_id: &str,
        size: i32,
        after_seq: u64,
    ) -> Result<(Vec<pb::Message>, bool), ChatError> {
        let size = page_size(size, DEFAULT_PAGE, MAX_PAGE)?;
        let Located { message, .. } = self.locate(caller, project_id, message_id).await?;
        let prefix = reply_prefix(&message.project_id, &message.room_id, message.seq);
        let after = (after_seq > 0).then(|| {
            reply_key(
                &message.project_id,
                &message.room_id,
                message.seq,
                after_seq,
            )
            .into_bytes()
        });
        let page = self
            .db
            .scan(REPLIES, prefix.as_bytes(), after.as_deref(), size)
            .await?;
        let mut replies = Vec::with_capacity(page.records.len());
        for record in &page.records {
            let seq = seq_of_key(&record.key).ok_or_else(|| {
                ChatError::corrupt(
                    "reply",
                    String::from_utf8_lossy(&record.key),
                    "no sequence number",
                )
            })?;
            replies.extend(
                self.range(&message.project_id, &message.room_id, seq, seq)
                    .await?,
            );
        }
        Ok((replies, page.next.is_some()))
    }

    /// Messages `from..=to` of a room, in order.
    pub(crate) async fn range(
        &self,
        project_id: &str,
        room_id: &str,
        from: u64,
        to: u64,
    ) -> Result<Vec<pb::Message>, ChatError> {
        if from > to || from == 0 {
            return Ok(Vec::new());
        }
        let prefix = room_prefix(project_id, room_id);
        let mut after = Some(message_key(project_id, room_id, from - 1).into_bytes());
        let mut messages = Vec::new();
        let mut left = to - from + 1;
        while left > 0 {
            let page = self
                .db
                .scan(
                    MESSAGES,
                    prefix.as_bytes(),
                    after.as_deref(),
                    left.min(500) as u32,
                )
                .await?;
            for record in &page.records {
                let mut message: pb::Message = decode_pb("message", &record.key, &record.value)?;
                message.version = record.version;
                if message.seq > to {
                    return Ok(messages);
                }
                messages.push(message);
                left -= 1;
            }
            match page.next {
                Some(next) if left > 0 => after = Some(next),
                _ => break,
            }
        }
        Ok(messages)
    }

    /// A message the caller may read, by id.
    pub(crate) async fn locate(
        &self,
        caller: &RequestContext,
        project_id: &str,
        message_id: &str,
    ) -> Result<Located, ChatError> {
        let project_id = valid_id("project_id", project_id)?;
        let message_id = valid_id("message_id", message_id)?;
        let reference = self.reference(project_id, message_id).await?;
        let access = self
            .room_for(caller, project_id, &reference.room_id)
            .await?;
        let key = message_key(project_id, &reference.room_id, reference.seq);
        let record = self
            .db
            .get(MESSAGES, key.as_bytes())
            .await?
            .ok_or_else(|| ChatError::not_found("message", message_id))?;
        let mut message: pb::Message = decode_pb("message", &record.key, &record.value)?;
        message.version = record.version;
        Ok(Located { message, access })
    }

    /// Writes `message` back, compare-and-set on its version; with `bump_head`, rewrites the
    /// room's head too (a change that moves unread or mention counts).
    pub(crate) async fn rewrite(
        &self,
        caller: &RequestContext,
        message: &mut pb::Message,
        bump_head: bool,
    ) -> Result<(), ChatError> {
        let scope = self
            .scope(&message.project_id, &message_entity(&message.room_id))
            .await?;
        let expected = message.version;
        let stored = pb::Message {
            version: 0,
            ..message.clone()
        };
        let mut txn = Transaction::new().put_if(
            MESSAGES,
            message_key(&message.project_id, &message.room_id, message.seq),
            stored.encode_to_vec(),
            Expect::Version(expected),
        );
        if bump_head {
            let (head, version) = self.head(&message.project_id, &message.room_id).await?;
            txn = txn.put_if(
                HEADS,
                room_key(&message.project_id, &message.room_id),
                encode(&head),
                version.map_or(Expect::Absent, Expect::Version),
            );
        }
        let receipt = self.commit(caller, txn, &scope).await?;
        message.version = receipt.version().unwrap_or_default();
        Ok(())
    }

    /// Where message `message_id` lives; `NotFound` naming it.
    async fn reference(&self, project_id: &str, message_id: &str) -> Result<MessageRef, ChatError> {
        let key = message_id_key(project_id, message_id);
        let record = self
            .db
            .get(MESSAGE_IDS, key.as_bytes())
            .await?
            .ok_or_else(|| ChatError::not_found("message", message_id))?;
        decode("message reference", &record.key, &record.value)
    }

    /// The message an earlier post with idempotency key `key` stored, if any.
    async fn replay(&self, project_id: &str, key: &str) -> Result<Option<pb::Message>, ChatError> {
        let Some(record) = self.db.get(IDEMPOTENCY, key.as_bytes()).await? else {
            return Ok(None);
        };
        let reference: MessageRef = decode("idempotency entry", &record.key, &record.value)?;
        Ok(self
            .range(project_id, &reference.room_id, reference.seq, reference.seq)
            .await?
            .pop())
    }

    /// The thread a reply to `parent` joins: the parent's root (threads are one level), as
    /// its id and sequence number. The parent must be a message of the same room.
    async fn thread_root(
        &self,
        project_id: &str,
        room_id: &str,
        parent: &str,
    ) -> Result<(String, u64), ChatError> {
        let parent = valid_id("reply_to", parent)?;
        let reference = match self.reference(project_id, parent).await {
            Err(ChatError::NotFound { .. }) => {
                return Err(ChatError::invalid(
                    "reply_to",
                    format!("no message {parent} in project {project_id}"),
                ));
            }
            other => other?,
        };
        if reference.room_id != room_id {
            return Err(ChatError::invalid(
                "reply_to",
                format!("message {parent} is in another room"),
            ));
        }
        let message = self
            .range(project_id, room_id, reference.seq, reference.seq)
            .await?
            .pop()
            .ok_or_else(|| ChatError::not_found("message", parent))?;
        if message.reply_to.is_empty() {
            return Ok((message.id, message.seq));
        }
        let root = self.reference(project_id, &message.reply_to).await?;
        Ok((message.reply_to, root.seq))
    }

    /// The accounts a message mentions: `explicit` ids (each a member of the room) and the
    /// `@name`s of the text that name a member (by display name without spaces, or by the
    /// part of the e-mail address before the `@`; case does not matter). Sorted, once each.
    async fn mentions(
        &self,
        caller: &RequestContext,
        room: &pb::Room,
        text: &str,
        explicit: &[String],
    ) -> Result<Vec<String>, ChatError> {
        let private = room.kind != pb::RoomKind::Public as i32;
        let mut mentioned = BTreeSet::new();
        for id in explicit {
            let id = valid_id("mention_ids", id)?;
            let member = if private {
                room.member_ids.iter().any(|m| m == id)
            } else {
                self.is_project_member(&room.project_id, id).await?
            };
            if !member {
                return Err(ChatError::invalid(
                    "mention_ids",
                    format!("account {id} is not a member of room {}", room.id),
                ));
            }
            mentioned.insert(id.to_owned());
        }
        let names = at_names(text);
        if !names.is_empty() {
            let members = self
                .identity
                .list_project_members(caller, &room.project_id)
                .await?;
            for member in members {
                let id = &member.membership.account_id;
                if private && !room.member_ids.iter().any(|m| m == id) {
                    continue;
                }
                let display: String = member
                    .display_name
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .flat_map(char::to_lowercase)
                    .collect();
                let local = member
                    .email
                    .split('@')
                    .next()
                    .unwrap_or_default()
                    .to_lowercase();
                if names
                    .iter()
                    .any(|n| *n == display || (!local.is_empty() && *n == local))
                {
                    mentioned.insert(id.clone());
                }
            }
        }
        if mentioned.len() > MAX_MENTIONS {
            return Err(ChatError::invalid(
                "mention_ids",
                format!("a message mentions at most {MAX_MENTIONS} members"),
            ));
        }
        Ok(mentioned.into_iter().collect())
    }
}

/// The lower-cased names after each `@` of `text` (letters, digits, `.`, `_`, `-`; a
/// trailing `.` is punctuation).
pub(crate) fn at_names(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find('@') {
        let preceded_by_word = rest[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric());
        rest = &rest[at + 1..];
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || matches!(c, '.' | '_' | '-')))
            .unwrap_or(rest.len());
        let name = rest[..end].trim_end_matches('.');
        if !preceded_by_word && !name.is_empty() {
            names.push(name.to_lowercase());
        }
        rest = &rest[end..];
    }
    names
}

#[cfg(test)]
mod unit {
    use super::at_names;

    #[test]
    fn at_names_are_found_and_e_mail_addresses_are_not() {
        assert_eq!(
            at_names("hi @Alice, ask @bob.smith. mail x@example.org @"),
            ["alice", "bob.smith"]
        );
    }
}
