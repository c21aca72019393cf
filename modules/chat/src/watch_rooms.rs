//! Live room list: `WatchRooms` tells a member, for every room of a project it may read, when
//! the room's summary changes (unread and mention counts, last sequence number) and when a
//! room appears, changes or leaves its reach. It follows two feeds, filtered by scope before
//! anything is decrypted: the unread view's rows (`views` database; a row of the room, or the
//! caller's own member row, changed: counts are read after the view folded them) and the
//! chat database's room records of the project. It carries counts only, never a message, so
//! a private room's content stays with its members.

use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use futures::{Stream, StreamExt, stream};
use orbit_cdc::feed::{FeedItem, Interest, ScopeFilter, Start, end_after_error};
use orbit_cdc::view::{StoredRow, VIEWS_DATABASE, ViewEngine};
use orbit_proto::orbit::chat::v1 as pb;
use orbit_system::identity::RequestContext;
use orbit_system::store::{ChangeEvent, EventScope};

use crate::chat::{Chat, may_read, valid_id};
use crate::error::ChatError;
use crate::stored::{CHAT, ENTITY_ROOM, ROOMS};
use crate::unread::unread_view_id;

/// A stream of room-list events (or the error that ended it).
pub type RoomsEvents = Pin<Box<dyn Stream<Item = Result<pb::RoomsEvent, ChatError>> + Send>>;

/// What an event of either feed means for the watcher.
enum Hint {
    /// Room `id` may have changed for the watcher.
    Room(String),
    Heartbeat(u64),
    Nothing,
}

impl Chat {
    /// `ChatService.WatchRooms`: from now on, until the client goes away or a feed ends.
    pub async fn watch_rooms(
        &self,
        caller: &RequestContext,
        project_id: &str,
        heartbeat: Duration,
    ) -> Result<RoomsEvents, ChatError> {
        let project = valid_id("project_id", project_id)?.to_owned();
        // Refuses a caller outside the project before anything is followed.
        self.role(caller, &project).await?;
        let me = caller.require()?.account_id.clone();
        let view = unread_view_id();
        let rows = self
            .feeds
            .follow(
                &me,
                VIEWS_DATABASE,
                Start::Now,
                Interest::Entities {
                    project_id: view.project_id.clone(),
                    entities: vec![view.name.clone()],
                },
                Arc::new(ViewEngine::watch_filter(&view.project_id, &view.name)),
                heartbeat,
            )
            .await?;
        let room_filter: ScopeFilter = {
            let project = project.clone();
            Arc::new(move |scope: Option<&EventScope>| {
                scope.is_some_and(|s| s.project_id == project && s.entity == ENTITY_ROOM)
            })
        };
        let rooms = self
            .feeds
            .follow(
                &me,
                CHAT,
                Start::Now,
                Interest::Entities {
                    project_id: project.clone(),
                    entities: vec![ENTITY_ROOM.to_owned()],
                },
                room_filter,
                // The rows' heartbeats are the stream's.
                Duration::from_secs(300),
            )
            .await?;
        tracing::debug!(project_id = %project, "room list watch started");
        let (p, m) = (project.clone(), me.clone());
        let rows = rows.map(move |item| {
            item.map(|item| match item {
                FeedItem::Event(event) => row_hint(&p, &m, &view.project_id, &view.name, &event),
                FeedItem::Heartbeat { head } => Hint::Heartbeat(head),
            })
        });
        let p = project.clone();
        let rooms = rooms.map(move |item| {
            item.map(|item| match item {
                FeedItem::Event(event) => room_hint(&p, &event),
                FeedItem::Heartbeat { .. } => Hint::Nothing,
            })
        });
        let chat = self.clone();
        let caller = caller.clone();
        let events = stream::select(rows, rooms)
            .then(move |hint| {
                let (chat, caller, project, me) =
                    (chat.clone(), caller.clone(), project.clone(), me.clone());
                async move {
                    match hint? {
                        Hint::Room(room_id) => {
                            chat.room_change(&caller, &project, &me, &room_id).await
                        }
                        Hint::Heartbeat(head) => {
                            Ok(Some(pb::rooms_event::Kind::Heartbeat(pb::WatchHeartbeat {
                                head_seq: head,
                            })))
                        }
                        Hint::Nothing => Ok(None),
                    }
                }
            })
            .filter_map(|item| {
                futures::future::ready(match item {
                    Ok(Some(kind)) => Some(Ok(pb::RoomsEvent { kind: Some(kind) })),
                    Ok(None) => None,
                    Err(error) => Some(Err(error)),
                })
            });
        Ok(Box::pin(end_after_error(events)))
    }

    /// What the watcher is told about `room_id`: its summary if it may read the room, else
    /// that it is gone.
    async fn room_change(
        &self,
        caller: &RequestContext,
        project_id: &str,
        me: &str,
        room_id: &str,
    ) -> Result<Option<pb::rooms_event::Kind>, ChatError> {
        let room = match self.load_room(project_id, room_id).await {
            Ok(room) => room,
            Err(ChatError::NotFound { .. }) => return Ok(None),
            Err(error) => return Err(error),
        };
        if !may_read(&room, me) {
            return Ok(Some(pb::rooms_event::Kind::Gone(room.id)));
        }
        Ok(Some(pb::rooms_event::Kind::Changed(
            self.summary(caller, room).await?,
        )))
    }
}

/// The room an unread-view row change concerns, if the watcher cares: the room's own row
/// (the count of a non-participant), or the watcher's member row; other members' rows and
/// other projects are nothing to it.
fn row_hint(
    project: &str,
    me: &str,
    view_project: &str,
    view_name: &str,
    event: &ChangeEvent,
) -> Hint {
    let group = match ViewEngine::row_change(view_project, view_name, event) {
        Ok(Some(StoredRow::Live(row))) => row.group,
        Ok(Some(StoredRow::Gone { group })) => group,
        Ok(None) => return Hint::Nothing,
        Err(error) => {
            tracing::error!(seq = event.seq, %error, "an unread row cannot be read; skipped");
            return Hint::Nothing;
        }
    };
    let part = |i: usize| group.get(i).and_then(|v| v.as_str());
    let mine = match part(0) {
        Some("room") => true,
        Some("member") => part(3) == Some(me),
        _ => false,
    };
    match (mine && part(1) == Some(project), part(2)) {
        (true, Some(room)) => Hint::Room(room.to_owned()),
        _ => Hint::Nothing,
    }
}

/// The room a write of a room record concerns (key `<project>/<room>`).
fn room_hint(project: &str, event: &ChangeEvent) -> Hint {
    if event.keyspace != ROOMS {
        return Hint::Nothing;
    }
    let key = String::from_utf8_lossy(&event.key);
    match key.split_once('/') {
        Some((p, room)) if p == project && !room.contains('/') => Hint::Room(room.to_owned()),
        _ => Hint::Nothing,
    }
}
