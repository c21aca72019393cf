//! Rooms: create (public or private), open a direct conversation, read, list with unread
//! counts, rename, set the topic, archive, and the members of private rooms (invite, leave,
//! remove by a project admin). Every write is one transaction, compare-and-set on the room's
//! version, with the project's scope (entity `room`).

use orbit_proto::orbit::chat::v1 as pb;
use orbit_system::identity::RequestContext;
use orbit_system::store::{Expect, Transaction, new_id};
use prost::Message as _;

use crate::chat::{
    ATTEMPTS, Chat, MAX_MEMBERS, RoomAccess, is_conflict, may_read, now_ms, valid_id, valid_name,
    valid_topic,
};
use crate::error::ChatError;
use crate::stored::{DIRECT, ENTITY_ROOM, ROOMS, decode_pb, direct_key, room_key};

/// A room creation (`ChatService.CreateRoom`).
#[derive(Debug, Clone, Default)]
pub struct NewRoom {
    pub project_id: String,
    pub name: String,
    pub topic: String,
    pub kind: i32,
    pub member_ids: Vec<String>,
}

/// A change of one room.
enum RoomChange<'a> {
    Rename(String),
    Topic(String),
    Archive,
    Invite(&'a str),
    Remove(&'a str),
}

impl Chat {
    /// `ChatService.CreateRoom`.
    #[tracing::instrument(skip_all, fields(project_id = %new.project_id))]
    pub async fn create_room(
        &self,
        caller: &RequestContext,
        new: NewRoom,
    ) -> Result<pb::Room, ChatError> {
        let project_id = valid_id("project_id", &new.project_id)?;
        let name = valid_name(&new.name)?;
        let topic = valid_topic(&new.topic)?;
        let me = caller.require()?.account_id.clone();
        let kind = match pb::RoomKind::try_from(new.kind) {
            Ok(kind @ (pb::RoomKind::Public | pb::RoomKind::Private)) => kind,
            Ok(pb::RoomKind::Direct) => {
                return Err(ChatError::invalid(
                    "kind",
                    "direct rooms are opened with OpenDirect",
                ));
            }
            _ => {
                return Err(ChatError::invalid(
                    "kind",
                    "choose ROOM_KIND_PUBLIC or ROOM_KIND_PRIVATE",
                ));
            }
        };
        let mut member_ids = Vec::new();
        if kind == pb::RoomKind::Private {
            member_ids.push(me.clone());
            for id in &new.member_ids {
                let id = valid_id("member_ids", id)?;
                if !member_ids.iter().any(|m| m == id) {
                    self.require_project_member("member_ids", project_id, id)
                        .await?;
                    member_ids.push(id.to_owned());
                }
            }
            if member_ids.len() > MAX_MEMBERS {
                return Err(ChatError::invalid(
                    "member_ids",
                    format!("a private room has at most {MAX_MEMBERS} members"),
                ));
            }
        } else if !new.member_ids.is_empty() {
            return Err(ChatError::invalid(
                "member_ids",
                "a public room has no explicit members",
            ));
        }
        let scope = self.scope(project_id, ENTITY_ROOM).await?;
        let room = pb::Room {
            id: new_id(),
            project_id: project_id.to_owned(),
            name,
            topic,
            kind: kind as i32,
            archived: false,
            created_by: me,
            member_ids,
            created_at_ms: now_ms(),
            version: 0,
        };
        let txn = Transaction::new().put_if(
            ROOMS,
            room_key(project_id, &room.id),
            room.encode_to_vec(),
            Expect::Absent,
        );
        let receipt = self.commit(caller, txn, &scope).await?;
        tracing::debug!(room_id = %room.id, "room created");
        Ok(pb::Room {
            version: receipt.version().unwrap_or_default(),
            ..room
        })
    }

    /// `ChatService.OpenDirect`: the caller's direct room with `account_id`, created the
    /// first time (one per pair of members, whoever opens it).
    #[tracing::instrument(skip_all, fields(%project_id))]
    pub async fn open_direct(
        &self,
        caller: &RequestContext,
        project_id: &str,
        account_id: &str,
    ) -> Result<pb::Room, ChatError> {
        let project_id = valid_id("project_id", project_id)?;
        let other = valid_id("account_id", account_id)?;
        let me = caller.require()?.account_id.clone();
        if other == me {
            return Err(ChatError::invalid(
                "account_id",
                "a direct conversation needs another member",
            ));
        }
        self.require_project_member("account_id", project_id, other)
            .await?;
        let pair = direct_key(project_id, &me, other);
        for _ in 0..ATTEMPTS {
            if let Some(entry) = self.db.get(DIRECT, pair.as_bytes()).await? {
                let room_id = String::from_utf8_lossy(&entry.value).into_owned();
                return self.load_room(project_id, &room_id).await;
            }
            let scope = self.scope(project_id, ENTITY_ROOM).await?;
            let mut members = vec![me.clone(), other.to_owned()];
            members.sort();
            let room = pb::Room {
                id: new_id(),
                project_id: project_id.to_owned(),
                name: String::new(),
                topic: String::new(),
                kind: pb::RoomKind::Direct as i32,
                archived: false,
                created_by: me.clone(),
                member_ids: members,
                created_at_ms: now_ms(),
                version: 0,
            };
            let txn = Transaction::new()
                .put_if(
                    ROOMS,
                    room_key(project_id, &room.id),
                    room.encode_to_vec(),
                    Expect::Absent,
                )
                .put_if(DIRECT, pair.clone(), room.id.clone(), Expect::Absent);
            match self.commit(caller, txn, &scope).await {
                Ok(receipt) => {
                    return Ok(pb::Room {
                        version: receipt.version().unwrap_or_default(),
                        ..room
                    });
                }
                // Opened by the other one at the same time: read theirs.
                Err(error) if is_conflict(&error) => continue,
                Err(error) => return Err(error.into()),
            }
        }
        Err(ChatError::Contended {
            what: "direct room of",
            id: other.to_owned(),
        })
    }

    /// The rooms of `project_id` the caller may read, by id.
    pub(crate) async fn visible_rooms(
        &self,
        caller: &RequestContext,
        project_id: &str,
        include_archived: bool,
    ) -> Result<Vec<pb::Room>, ChatError> {
        let project_id = valid_id("project_id", project_id)?;
        let me = &caller.require()?.account_id;
        let prefix = format!("{project_id}/");
        let mut rooms = Vec::new();
        let mut after: Option<Vec<u8>> = None;
        loop {
            let page = self
                .db
                .scan(ROOMS, prefix.as_bytes(), after.as_deref(), 500)
                .await?;
            for record in page.records {
                let mut room: pb::Room = decode_pb("room", &record.key, &record.value)?;
                room.version = record.version;
                if may_read(&room, me) && (include_archived || !room.archived) {
                    rooms.push(room);
                }
            }
            match page.next {
                Some(next) => after = Some(next),
                None => return Ok(rooms),
            }
        }
    }

    /// `ChatService.RenameRoom`: its creator or a project admin.
    pub async fn rename_room(
        &self,
        caller: &RequestContext,
        project_id: &str,
        room_id: &str,
        name: &str,
    ) -> Result<pb::Room, ChatError> {
        let name = valid_name(name)?;
        self.change_room(caller, project_id, room_id, RoomChange::Rename(name))
            .await
    }

    /// `ChatService.SetTopic`: anyone who may post in the room.
    pub async fn set_topic(
        &self,
        caller: &RequestContext,
        project_id: &str,
        room_id: &str,
        topic: &str,
    ) -> Result<pb::Room, ChatError> {
        let topic = valid_topic(topic)?;
        self.change_room(caller, project_id, room_id, RoomChange::Topic(topic))
            .await
    }

    /// `ChatService.ArchiveRoom`: its creator or a project admin.
    pub async fn archive_room(
        &self,
        caller: &RequestContext,
        project_id: &str,
        room_id: &str,
    ) -> Result<pb::Room, ChatError> {
        self.change_room(caller, project_id, room_id, RoomChange::Archive)
            .await
    }

    /// `ChatService.InviteMember`: any member of a private room adds a project member.
    pub async fn invite_member(
        &self,
        caller: &RequestContext,
        project_id: &str,
        room_id: &str,
        account_id: &str,
    ) -> Result<pb::Room, ChatError> {
        let account_id = valid_id("account_id", account_id)?;
        self.require_project_member(
            "account_id",
            valid_id("project_id", project_id)?,
            account_id,
        )
        .await?;
        self.change_room(caller, project_id, room_id, RoomChange::Invite(account_id))
            .await
    }

    /// `ChatService.LeaveRoom`: the caller leaves a private room.
    pub async fn leave_room(
        &self,
        caller: &RequestContext,
        project_id: &str,
        room_id: &str,
    ) -> Result<pb::Room, ChatError> {
        let me = caller.require()?.account_id.clone();
        self.change_room(caller, project_id, room_id, RoomChange::Remove(&me))
            .await
    }

    /// `ChatService.RemoveMember`: a project admin (the auth layer checked the role) removes
    /// a member of a private room.
    pub async fn remove_member(
        &self,
        caller: &RequestContext,
        project_id: &str,
        room_id: &str,
        account_id: &str,
    ) -> Result<pb::Room, ChatError> {
        let account_id = valid_id("account_id", account_id)?;
        self.change_room(caller, project_id, room_id, RoomChange::Remove(account_id))
            .await
    }

    /// Applies `change` to a room the caller may read, compare-and-set on its version.
    async fn change_room(
        &self,
        caller: &RequestContext,
        project_id: &str,
        room_id: &str,
        change: RoomChange<'_>,
    ) -> Result<pb::Room, ChatError> {
        let me = caller.require()?.account_id.clone();
        for _ in 0..ATTEMPTS {
            let access = match change {
                // A project admin removes members of rooms it is not in, too.
                RoomChange::Remove(account) if account != me => {
                    let project = valid_id("project_id", project_id)?;
                    let room = self
                        .load_room(project, valid_id("room_id", room_id)?)
                        .await?;
                    let role = self.role(caller, project).await?;
                    RoomAccess { room, role }
                }
                _ => self.room_for(caller, project_id, room_id).await?,
            };
            let mut room = access.room.clone();
            if !apply(&access, &me, &mut room, &change)? {
                return Ok(room);
            }
            let scope = self.scope(&room.project_id, ENTITY_ROOM).await?;
            let txn = Transaction::new().put_if(
                ROOMS,
                room_key(&room.project_id, &room.id),
                pb::Room {
                    version: 0,
                    ..room.clone()
                }
                .encode_to_vec(),
                Expect::Version(access.room.version),
            );
            match self.commit(caller, txn, &scope).await {
                Ok(receipt) => {
                    room.version = receipt.version().unwrap_or_default();
                    tracing::debug!(room_id = %room.id, "room changed");
                    return Ok(room);
                }
                Err(error) if is_conflict(&error) => continue,
                Err(error) => return Err(error.into()),
            }
        }
        Err(ChatError::Contended {
            what: "room",
            id: room_id.to_owned(),
        })
    }

    /// Refuses `account_id` unless it is a member of the project (naming `field`).
    async fn require_project_member(
        &self,
        field: &'static str,
        project_id: &str,
        account_id: &str,
    ) -> Result<(), ChatError> {
        if self.is_project_member(project_id, account_id).await? {
            Ok(())
        } else {
            Err(ChatError::invalid(
                field,
                format!("account {account_id} is not a member of project {project_id}"),
            ))
        }
    }
}

/// Applies `change` to `room` as `me` may; whether anything changed.
fn apply(
    access: &RoomAccess,
    me: &str,
    room: &mut pb::Room,
    change: &RoomChange<'_>,
) -> Result<bool, ChatError> {
    let owner = room.created_by == me || access.is_admin();
    let direct = room.kind == pb::RoomKind::Direct as i32;
    let private = room.kind == pb::RoomKind::Private as i32;
    match change {
        RoomChange::Rename(name) => {
            if direct {
                return Err(ChatError::FailedPrecondition(
                    "room_id: a direct conversation has no name".into(),
                ));
            }
            if !owner {
                return Err(ChatError::PermissionDenied(format!(
                    "room_id: only the creator of room {} or a project admin may rename it",
                    room.id
                )));
            }
            access.writable()?;
            if room.name == *name {
                return Ok(false);
            }
            room.name = name.clone();
        }
        RoomChange::Topic(topic) => {
            access.writable()?;
            if room.topic == *topic {
                return Ok(false);
            }
            room.topic = topic.clone();
        }
        RoomChange::Archive => {
            if !owner {
                return Err(ChatError::PermissionDenied(format!(
                    "room_id: only the creator of room {} or a project admin may archive it",
                    room.id
                )));
            }
            if room.archived {
                return Ok(false);
            }
            room.archived = true;
        }
        RoomChange::Invite(account_id) => {
            if !private {
                return Err(ChatError::FailedPrecondition(format!(
                    "room_id: room {} is not private; only private rooms have invited members",
                    room.id
                )));
            }
            access.writable()?;
            if room.member_ids.iter().any(|m| m == account_id) {
                return Ok(false);
            }
            if room.member_ids.len() >= MAX_MEMBERS {
                return Err(ChatError::FailedPrecondition(format!(
                    "room_id: room {} already has {MAX_MEMBERS} members",
                    room.id
                )));
            }
            room.member_ids.push((*account_id).to_owned());
        }
        RoomChange::Remove(account_id) => {
            if !private {
                return Err(ChatError::FailedPrecondition(format!(
                    "room_id: room {} is not private; nobody can leave or be removed",
                    room.id
                )));
            }
            if *account_id != me && !access.is_admin() {
                return Err(ChatError::PermissionDenied(
                    "account_id: only a project admin may remove another member".into(),
                ));
            }
            let before = room.member_ids.len();
            room.member_ids.retain(|m| m != account_id);
            if room.member_ids.len() == before {
                return Err(ChatError::not_found("member", *account_id));
            }
        }
    }
    Ok(true)
}
