//! [`Chat`], the service layer every RPC goes through: the module's database, identity for
//! room-level rules, the feeds for watches, the view engine for unread counts and the
//! in-memory typing broadcast. Shared helpers live here: checking ids and texts, the
//! project's scope (refusing archived projects), reading a room with the caller's rights in
//! it, and committing with the project's scope and the request's correlation id.
//!
//! It knows nothing of gRPC beyond the generated message types it returns.

use orbit_cdc::feed::Feeds;
use orbit_cdc::view::ViewEngine;
use orbit_proto::orbit::chat::v1 as pb;
use orbit_proto::orbit::system::v1::Role;
use orbit_system::identity::{Credential, Identity, Principal, RequestContext};
use orbit_system::store::{Database, EventScope, Receipt, StoreError, Transaction};

use crate::error::ChatError;
use crate::stored::{HEADS, Head, ROOMS, decode, decode_pb, room_key};
use crate::watch::TypingHub;

/// Longest room name, in characters.
pub(crate) const MAX_NAME_CHARS: usize = 100;
/// Longest topic, in characters.
pub(crate) const MAX_TOPIC_CHARS: usize = 500;
/// Longest message, in characters.
pub const MAX_TEXT_CHARS: usize = 4000;
/// Most explicit members of a private room.
pub(crate) const MAX_MEMBERS: usize = 1000;
/// Times a write is retried when others changed what it read.
pub(crate) const ATTEMPTS: u32 = 20;
/// Longest id accepted (tenancy's ids and ULIDs are shorter).
const MAX_ID_LEN: usize = 64;

/// The chat service over the module's context. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Chat {
    pub(crate) db: Database,
    pub(crate) identity: Identity,
    pub(crate) feeds: Feeds,
    pub(crate) views: ViewEngine,
    pub(crate) typing: TypingHub,
}

/// A room as read, with its stored version and what the caller may do in it.
#[derive(Debug, Clone)]
pub(crate) struct RoomAccess {
    pub(crate) room: pb::Room,
    /// The caller's role in the project.
    pub(crate) role: Role,
}

impl RoomAccess {
    pub(crate) fn is_admin(&self) -> bool {
        self.role >= Role::ProjectAdmin
    }

    /// Refuses a write into an archived room.
    pub(crate) fn writable(&self) -> Result<(), ChatError> {
        if self.room.archived {
            return Err(ChatError::FailedPrecondition(format!(
                "room_id: room {} is archived and read-only",
                self.room.id
            )));
        }
        Ok(())
    }
}

impl Chat {
    /// The chat service over `db` (the module's own database).
    pub fn new(db: Database, identity: Identity, feeds: Feeds, views: ViewEngine) -> Chat {
        Chat {
            db,
            identity,
            feeds,
            views,
            typing: TypingHub::default(),
        }
    }

    /// The scope of a write into `project_id` (refused while the project or its org is
    /// archived).
    pub(crate) async fn scope(
        &self,
        project_id: &str,
        entity: &str,
    ) -> Result<EventScope, ChatError> {
        Ok(self.identity.writable_scope(project_id, entity).await?)
    }

    /// Commits `txn` in `scope`, tagged with the caller's request id.
    pub(crate) async fn commit(
        &self,
        caller: &RequestContext,
        txn: Transaction,
        scope: &EventScope,
    ) -> Result<Receipt, StoreError> {
        self.db
            .commit(caller.correlate(txn.scope(scope.clone())))
            .await
    }

    /// The caller's role in `project_id`.
    pub(crate) async fn role(
        &self,
        caller: &RequestContext,
        project_id: &str,
    ) -> Result<Role, ChatError> {
        Ok(self
            .identity
            .role_in_project(caller.require()?, project_id)
            .await?)
    }

    /// Whether `account_id` is a member of `project_id` (directly or as an org admin).
    pub(crate) async fn is_project_member(
        &self,
        project_id: &str,
        account_id: &str,
    ) -> Result<bool, ChatError> {
        let principal = Principal {
            account_id: account_id.to_owned(),
            sys_admin: false,
            credential: Credential::Session {
                session_id: String::new(),
            },
        };
        match self.identity.role_in_project(&principal, project_id).await {
            Ok(role) => Ok(role >= Role::ProjectUser),
            Err(orbit_system::identity::IdentityError::NotFound { .. }) => Ok(false),
            Err(error) => Err(error.into()),
        }
    }

    /// Reads a room; `NotFound` if it does not exist.
    pub(crate) async fn load_room(
        &self,
        project_id: &str,
        room_id: &str,
    ) -> Result<pb::Room, ChatError> {
        let key = room_key(project_id, room_id);
        let record = self
            .db
            .get(ROOMS, key.as_bytes())
            .await?
            .ok_or_else(|| ChatError::not_found("room", room_id))?;
        let mut room: pb::Room = decode_pb("room", &record.key, &record.value)?;
        room.version = record.version;
        Ok(room)
    }

    /// Reads a room the caller may read: any room of a public kind, a private or direct one
    /// only as its member (else `PermissionDenied` naming the room).
    pub(crate) async fn room_for(
        &self,
        caller: &RequestContext,
        project_id: &str,
        room_id: &str,
    ) -> Result<RoomAccess, ChatError> {
        let project_id = valid_id("project_id", project_id)?;
        let room_id = valid_id("room_id", room_id)?;
        let room = self.load_room(project_id, room_id).await?;
        let role = self.role(caller, project_id).await?;
        let account = &caller.require()?.account_id;
        if !may_read(&room, account) {
            return Err(ChatError::PermissionDenied(format!(
                "room_id: you are not a member of room {room_id}"
            )));
        }
        Ok(RoomAccess { room, role })
    }

    /// A room's last sequence number and the version of its head (`None`: no message yet).
    pub(crate) async fn head(
        &self,
        project_id: &str,
        room_id: &str,
    ) -> Result<(Head, Option<u64>), ChatError> {
        let key = room_key(project_id, room_id);
        match self.db.get(HEADS, key.as_bytes()).await? {
            Some(record) => Ok((
                decode("room head", &record.key, &record.value)?,
                Some(record.version),
            )),
            None => Ok((Head::new(0), None)),
        }
    }
}

/// Whether `account_id` may read `room`.
pub(crate) fn may_read(room: &pb::Room, account_id: &str) -> bool {
    room.kind == pb::RoomKind::Public as i32 || room.member_ids.iter().any(|m| m == account_id)
}

/// An id from a request: 1-64 letters, digits, `-` or `_` (ids are parts of keys, so a `/`
/// must never reach one).
pub(crate) fn valid_id<'a>(field: &'static str, id: &'a str) -> Result<&'a str, ChatError> {
    if id.is_empty() {
        return Err(ChatError::invalid(field, "is required"));
    }
    let ok = id.len() <= MAX_ID_LEN
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(id)
    } else {
        Err(ChatError::invalid(
            field,
            format!("{id:?} is not a valid id"),
        ))
    }
}

/// A name: trimmed, 1-100 characters, no control characters.
pub(crate) fn valid_name(name: &str) -> Result<String, ChatError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(ChatError::invalid("name", "must not be empty"));
    }
    let chars = name.chars().count();
    if chars > MAX_NAME_CHARS {
        return Err(ChatError::invalid(
            "name",
            format!("{chars} characters is over the limit of {MAX_NAME_CHARS}"),
        ));
    }
    if name.chars().any(char::is_control) {
        return Err(ChatError::invalid(
            "name",
            "must not contain control characters",
        ));
    }
    Ok(name.to_owned())
}

/// A topic: trimmed, at most 500 characters, no control characters but newlines.
pub(crate) fn valid_topic(topic: &str) -> Result<String, ChatError> {
    let topic = topic.trim();
    let chars = topic.chars().count();
    if chars > MAX_TOPIC_CHARS {
        return Err(ChatError::invalid(
            "topic",
            format!("{chars} characters is over the limit of {MAX_TOPIC_CHARS}"),
        ));
    }
    if topic.chars().any(|c| c.is_control() && c != '\n') {
        return Err(ChatError::invalid(
            "topic",
            "must not contain control characters other than newlines",
        ));
    }
    Ok(topic.to_owned())
}

/// A message text: not blank, at most [`MAX_TEXT_CHARS`] characters, no control characters
/// but newlines and tabs. Kept as written.
pub(crate) fn valid_text(text: &str) -> Result<&str, ChatError> {
    if text.trim().is_empty() {
        return Err(ChatError::invalid("text", "must not be empty"));
    }
    let chars = text.chars().count();
    if chars > MAX_TEXT_CHARS {
        return Err(ChatError::invalid(
            "text",
            format!("{chars} characters is over the limit of {MAX_TEXT_CHARS}"),
        ));
    }
    if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Err(ChatError::invalid(
            "text",
            "must not contain control characters other than newlines and tabs",
        ));
    }
    Ok(text)
}

/// A page size from a request: negative is refused, 0 means `default`, above `max` is `max`.
pub(crate) fn page_size(page_size: i32, default: u32, max: u32) -> Result<u32, ChatError> {
    match page_size {
        n if n < 0 => Err(ChatError::invalid(
            "page_size",
            format!("{n} is negative; use 1-{max}, or 0 for {default}"),
        )),
        0 => Ok(default),
        n => Ok((n as u32).min(max)),
    }
}

/// Milliseconds since the Unix epoch.
pub(crate) fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// Whether a store error is a lost compare-and-set (someone else wrote first).
pub(crate) fn is_conflict(error: &StoreError) -> bool {
    matches!(error, StoreError::Conflict { .. })
}
