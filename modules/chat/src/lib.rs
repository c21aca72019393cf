//! The chat module: rooms of a project (public, private with explicit members, direct
//! conversations), messages with threads, edits that keep their history, tombstoned deletes,
//! reactions and mentions, read markers with unread and mention counts kept by a
//! materialised view, and live room watches with typing notices
//! (`orbit.chat.v1.ChatService`).
//!
//! It owns the encrypted database `chat` (`stored.rs` has the layout) and the view
//! `chat/unread` (`unread.rs`); every write is one transaction with its project's scope, so
//! the change feed, the view and federation see it. It depends on orbit-module (and the
//! crates under it) only, never on another module. [`ChatModule`] is how the server's
//! registry builds it.

mod chat;
mod error;
mod markers;
mod messages;
mod reactions;
mod rooms;
mod service;
mod stored;
mod unread;
mod watch;
mod watch_rooms;

#[cfg(test)]
mod tests;

use std::sync::Arc;

use async_trait::async_trait;
use orbit_cdc::codec::{DatabaseCodec, ValueCodec};
use orbit_module::{
    Built, Manifest, Module, ModuleContext, ModuleError, Page, PageData, PageView, Service,
};
use orbit_proto::orbit::chat::v1::chat_service_server::ChatServiceServer;

pub use chat::{Chat, MAX_TEXT_CHARS};
pub use error::{ChatError, status};
pub use messages::{Direction, MessagePage, MessageQuery, NewMessage, Posted};
pub use rooms::NewRoom;
pub use service::ChatApi;
pub use stored::{CHAT, Marker};
pub use unread::{UNREAD, UnreadView, unread_view_id};
pub use watch::{RoomEvents, WatchStart};
pub use watch_rooms::RoomsEvents;

/// The chat module, as the registry builds it.
#[derive(Debug, Default)]
pub struct ChatModule;

#[async_trait]
impl Module for ChatModule {
    fn manifest(&self) -> Manifest {
        Manifest {
            name: CHAT,
            version: env!("CARGO_PKG_VERSION"),
            description: "rooms, messages, threads, reactions and unread counts per project",
            services: vec!["orbit.chat.v1.ChatService"],
            views: vec![UNREAD],
            pages: vec![
                // The timeline (live messages, threads, reactions, typing) is hand-written.
                Page::hand_written("chat", "/p/:project/chat", "chat-title", true),
                Page::hand_written("room", "/p/:project/chat/:room", "chat-title", false),
                Page {
                    name: "rooms",
                    route: "/p/:project/rooms",
                    title_id: "rooms-title",
                    in_nav: true,
                    view: PageView::Card {
                        template: include_str!("../cards/rooms.json"),
                        data: vec![PageData {
                            name: "rooms",
                            method: "orbit.chat.v1.ChatService/ListRooms",
                            request: r#"{"projectId":"{project}"}"#,
                        }],
                    },
                },
            ],
            // Its feed holds private rooms' and direct messages: members follow a room with
            // WatchRoom and their room list with WatchRooms, never the raw feed, and no
            // client view may fold it.
            has_feed: false,
        }
    }

    /// Rooms and messages are protobuf (`orbit.chat.v1`), the room pair index and thread
    /// entries opaque, everything else JSON (`stored.rs`).
    fn codec(&self) -> DatabaseCodec {
        DatabaseCodec::uniform(ValueCodec::Json)
            .with(
                stored::ROOMS,
                ValueCodec::Protobuf("orbit.chat.v1.Room".into()),
            )
            .with(
                stored::MESSAGES,
                ValueCodec::Protobuf("orbit.chat.v1.Message".into()),
            )
            .with(stored::DIRECT, ValueCodec::Raw)
            .with(stored::REPLIES, ValueCodec::Raw)
    }

    async fn build(&self, context: ModuleContext) -> Result<Built, ModuleError> {
        context
            .views
            .register(Arc::new(UnreadView::default()))
            .await
            .map_err(|e| ModuleError::failed(CHAT, e))?;
        let chat = Chat::new(
            context.database,
            context.identity,
            context.feeds,
            context.views,
        );
        Ok(Built {
            services: vec![Service::new(ChatServiceServer::new(ChatApi::new(chat)))],
            parts: Vec::new(),
        })
    }
}
