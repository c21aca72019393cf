//! Read markers and the counts rooms are listed with. A marker only moves forward; it is
//! written with the unread and mention counts after it, computed against the room's head and
//! committed only if the head has not moved since (every message write rewrites it), so the
//! unread view (`unread.rs`) can take the counts as they are.

use orbit_proto::orbit::chat::v1 as pb;
use orbit_system::identity::RequestContext;
use orbit_system::store::{Expect, Transaction};

use crate::chat::{ATTEMPTS, Chat, is_conflict, valid_id};
use crate::error::ChatError;
use crate::stored::{ENTITY_MARKER, HEADS, MARKERS, Marker, decode, encode, marker_key, room_key};
use crate::unread::{Counts, counts_from, member_group, room_group, unread_view_id};

impl Chat {
    /// `ChatService.MarkRead`: moves the caller's marker of a room to `seq` (0: the last
    /// message); a marker never moves back.
    #[tracing::instrument(skip_all, fields(%project_id, %room_id, seq))]
    pub async fn mark_read(
        &self,
        caller: &RequestContext,
        project_id: &str,
        room_id: &str,
        seq: u64,
    ) -> Result<Marker, ChatError> {
        let access = self.room_for(caller, project_id, room_id).await?;
        let (project_id, room_id) = (access.room.project_id.clone(), access.room.id.clone());
        let me = caller.require()?.account_id.clone();
        let key = marker_key(&project_id, &room_id, &me);
        for _ in 0..ATTEMPTS {
            let (head, head_version) = self.head(&project_id, &room_id).await?;
            if seq > head.last_seq {
                return Err(ChatError::invalid(
                    "seq",
                    format!(
                        "{seq} is beyond the last message ({}) of room {room_id}",
                        head.last_seq
                    ),
                ));
            }
            let wanted = if seq == 0 { head.last_seq } else { seq };
            let current = self.db.get(MARKERS, key.as_bytes()).await?;
            let (current, current_version) = match current {
                Some(record) => (
                    decode::<Marker>("marker", &record.key, &record.value)?,
                    Some(record.version),
                ),
                None => (Marker::new(0, 0, 0), None),
            };
            let at = wanted.max(current.read_seq);
            let marker = self
                .count_after(&project_id, &room_id, &me, at, head.last_seq)
                .await?;
            if current_version.is_some() && marker == current {
                return Ok(current);
            }
            let scope = self.scope(&project_id, ENTITY_MARKER).await?;
            let mut txn = Transaction::new().put_if(
                MARKERS,
                key.clone(),
                encode(&marker),
                current_version.map_or(Expect::Absent, Expect::Version),
            );
            txn = txn.check(
                HEADS,
                room_key(&project_id, &room_id),
                head_version.map_or(Expect::Absent, Expect::Version),
            );
            match self.commit(caller, txn, &scope).await {
                Ok(_) => return Ok(marker),
                Err(error) if is_conflict(&error) => continue,
                Err(error) => return Err(error.into()),
            }
        }
        Err(ChatError::Contended {
            what: "room",
            id: room_id,
        })
    }

    /// The marker `account` would have at `read_seq`: live messages of others after it
    /// (up to `last_seq`), and those of them mentioning it.
    async fn count_after(
        &self,
        project_id: &str,
        room_id: &str,
        account: &str,
        read_seq: u64,
        last_seq: u64,
    ) -> Result<Marker, ChatError> {
        let (mut unread, mut mentions) = (0, 0);
        let mut from = read_seq + 1;
        while from <= last_seq {
            let to = (from + 499).min(last_seq);
            for message in self.range(project_id, room_id, from, to).await? {
                if message.deleted || message.author_id == account {
                    continue;
                }
                unread += 1;
                if message.mention_ids.iter().any(|m| m == account) {
                    mentions += 1;
                }
            }
            from = to + 1;
        }
        Ok(Marker::new(read_seq, unread, mentions))
    }

    /// The caller's counts in `room` as the unread view has folded them.
    pub(crate) async fn counts(
        &self,
        caller: &RequestContext,
        room: &pb::Room,
    ) -> Result<Counts, ChatError> {
        let me = &caller.require()?.account_id;
        let id = unread_view_id();
        let member = self
            .views
            .row(&id, &member_group(&room.project_id, &room.id, me))
            .await?;
        let room_row = match member {
            Some(_) => None,
            None => {
                self.views
                    .row(&id, &room_group(&room.project_id, &room.id))
                    .await?
            }
        };
        Ok(counts_from(member, room_row))
    }

    /// A room with the caller's counts and its last sequence number.
    pub(crate) async fn summary(
        &self,
        caller: &RequestContext,
        room: pb::Room,
    ) -> Result<pb::RoomSummary, ChatError> {
        let counts = self.counts(caller, &room).await?;
        let (head, _) = self.head(&room.project_id, &room.id).await?;
        Ok(pb::RoomSummary {
            room: Some(room),
            unread: counts.unread,
            mentions: counts.mentions,
            read_seq: counts.read_seq,
            last_seq: head.last_seq,
        })
    }

    /// `ChatService.ListRooms`: the rooms the caller may read, with its counts.
    pub async fn list_rooms(
        &self,
        caller: &RequestContext,
        project_id: &str,
        include_archived: bool,
    ) -> Result<Vec<pb::RoomSummary>, ChatError> {
        let rooms = self
            .visible_rooms(caller, project_id, include_archived)
            .await?;
        let mut summaries = Vec::with_capacity(rooms.len());
        for room in rooms {
            summaries.push(self.summary(caller, room).await?);
        }
        Ok(summaries)
    }

    /// `ChatService.GetRoom`.
    pub async fn get_room(
        &self,
        caller: &RequestContext,
        project_id: &str,
        room_id: &str,
    ) -> Result<pb::RoomSummary, ChatError> {
        valid_id("project_id", project_id)?;
        let access = self.room_for(caller, project_id, room_id).await?;
        self.summary(caller, access.room).await
    }
}
