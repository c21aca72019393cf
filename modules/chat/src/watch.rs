//! Live rooms: `WatchRoom` follows the chat change feed (`Feeds::follow`, filtered to the
//! room's project and message writes before anything is decrypted, then to the room's
//! keys) and turns each message write into a posted, edited, deleted or reacted event
//! carrying the feed's sequence number, so a client resumes after the last one it saw with
//! no gap and no repeat. Typing is ephemeral: `SendTyping` goes to an in-memory broadcast
//! per room that watchers of this process merge in; it is never stored.

use std::collections::HashMap;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::{Stream, StreamExt, stream};
use orbit_cdc::feed::{FeedError, FeedItem, Interest, ScopeFilter, Start, end_after_error};
use orbit_proto::orbit::chat::v1 as pb;
use orbit_system::identity::RequestContext;
use orbit_system::store::{ChangeEvent, EventScope};
use prost::Message as _;
use tokio::sync::broadcast;

use crate::chat::{Chat, now_ms};
use crate::error::ChatError;
use crate::stored::{CHAT, ENTITY_MESSAGE, MESSAGES, message_entity, room_prefix};

/// Typing notices a slow watcher may fall behind by before it misses some.
const TYPING_BUFFER: usize = 64;

/// A stream of room events (or the error that ended it).
pub type RoomEvents = Pin<Box<dyn Stream<Item = Result<pb::RoomEvent, ChatError>> + Send>>;

/// One broadcast of typing notices per watched room, in this process.
#[derive(Debug, Clone, Default)]
pub(crate) struct TypingHub {
    rooms: Arc<Mutex<HashMap<String, broadcast::Sender<pb::Typing>>>>,
}

impl TypingHub {
    fn subscribe(&self, room_id: &str) -> broadcast::Receiver<pb::Typing> {
        let mut rooms = self.rooms.lock().expect("typing hub");
        rooms.retain(|_, sender| sender.receiver_count() > 0);
        rooms
            .entry(room_id.to_owned())
            .or_insert_with(|| broadcast::channel(TYPING_BUFFER).0)
            .subscribe()
    }

    fn send(&self, typing: pb::Typing) {
        let rooms = self.rooms.lock().expect("typing hub");
        if let Some(sender) = rooms.get(&typing.room_id) {
            // Nobody watching is not an error.
            let _ = sender.send(typing);
        }
    }
}

/// Where a watch starts.
#[derive(Debug, Clone, Copy)]
pub enum WatchStart {
    After(u64),
    Now,
}

/// An item of the merged stream: a feed item, the feed's end, or a typing notice.
enum Merged {
    Feed(Option<Result<FeedItem, FeedError>>),
    Typing(pb::Typing),
}

impl Chat {
    /// `ChatService.SendTyping`: anyone who may post in the room.
    pub async fn send_typing(
        &self,
        caller: &RequestContext,
        project_id: &str,
        room_id: &str,
    ) -> Result<(), ChatError> {
        let access = self.room_for(caller, project_id, room_id).await?;
        access.writable()?;
        self.typing.send(pb::Typing {
            room_id: access.room.id,
            account_id: caller.require()?.account_id.clone(),
            at_ms: now_ms(),
        });
        Ok(())
    }

    /// `ChatService.WatchRoom`: the room's message events from `start`, typing notices and
    /// heartbeats, until the client goes away or the feed ends (its error ends the stream).
    pub async fn watch(
        &self,
        caller: &RequestContext,
        project_id: &str,
        room_id: &str,
        start: WatchStart,
        heartbeat: Duration,
    ) -> Result<RoomEvents, ChatError> {
        let access = self.room_for(caller, project_id, room_id).await?;
        let account = caller.require()?.account_id.clone();
        let project = access.room.project_id.clone();
        // Only this room's message events reach the watcher's queue (older events, written
        // before the room was in the entity, are picked out after it).
        let filter: ScopeFilter = {
            let project = project.clone();
            let room_entity = message_entity(&access.room.id);
            Arc::new(move |scope: Option<&EventScope>| {
                scope.is_some_and(|s| {
                    s.project_id == project
                        && (s.entity == room_entity || s.entity == ENTITY_MESSAGE)
                })
            })
        };
        let interest = Interest::Entities {
            project_id: project.clone(),
            entities: vec![message_entity(&access.room.id), ENTITY_MESSAGE.to_owned()],
        };
        let start = match start {
            WatchStart::After(after) => Start::After(after),
            WatchStart::Now => Start::Now,
        };
        let typing = self.typing.subscribe(&access.room.id);
        let items = self
            .feeds
            .follow(&account, CHAT, start, interest, filter, heartbeat)
            .await?;
        tracing::debug!(room_id = %access.room.id, ?start, "room watch started");
        let prefix = room_prefix(&project, &access.room.id).into_bytes();
        let feed = items
            .map(Some)
            .chain(stream::once(async { None }))
            .map(Merged::Feed);
        let typing = stream::unfold(typing, |mut typing| async move {
            loop {
                match typing.recv().await {
                    Ok(notice) => return Some((Merged::Typing(notice), typing)),
                    Err(broadcast::error::RecvError::Lagged(_)) => continue,
                    Err(broadcast::error::RecvError::Closed) => return None,
                }
            }
        });
        let events = stream::select(feed, typing)
            .take_while(|merged| futures::future::ready(!matches!(merged, Merged::Feed(None))))
            .filter_map(move |merged| {
                let event = match merged {
                    Merged::Feed(Some(Ok(FeedItem::Event(event)))) => {
                        room_event(&prefix, &event).map(Ok)
                    }
                    Merged::Feed(Some(Ok(FeedItem::Heartbeat { head }))) => {
                        Some(Ok(pb::RoomEvent {
                            seq: head,
                            kind: Some(pb::room_event::Kind::Heartbeat(pb::WatchHeartbeat {
                                head_seq: head,
                            })),
                        }))
                    }
                    Merged::Feed(Some(Err(error))) => Some(Err(ChatError::Feed(error))),
                    Merged::Feed(None) => None,
                    Merged::Typing(notice) => Some(Ok(pb::RoomEvent {
                        seq: 0,
                        kind: Some(pb::room_event::Kind::Typing(notice)),
                    })),
                };
                futures::future::ready(event)
            });
        Ok(Box::pin(end_after_error(events)))
    }
}

/// The room event a change event of the room's messages carries (other keys of the same
/// transactions, and other rooms, carry none).
fn room_event(prefix: &[u8], event: &ChangeEvent) -> Option<pb::RoomEvent> {
    if event.keyspace != MESSAGES || !event.key.starts_with(prefix) {
        return None;
    }
    let mut message = match pb::Message::decode(event.value.as_deref()?) {
        Ok(message) => message,
        Err(error) => {
            tracing::error!(seq = event.seq, %error, "a stored message cannot be decoded; not delivered");
            return None;
        }
    };
    message.version = event.seq;
    use pb::room_event::Kind;
    let kind = match pb::MessageChange::try_from(message.change) {
        Ok(pb::MessageChange::Edited) => Kind::Edited(message),
        Ok(pb::MessageChange::Deleted) => Kind::Deleted(message),
        Ok(pb::MessageChange::Reacted) => Kind::Reacted(message),
        _ => Kind::Posted(message),
    };
    Some(pb::RoomEvent {
        seq: event.seq,
        kind: Some(kind),
    })
}
