//! The handler of `orbit.chat.v1.ChatService`: thin. The auth layer has checked the
//! declared project role; each handler takes the caller's context, calls [`Chat`] (which
//! checks room rules and owns the logic) and maps errors through [`crate::error::status`].

use futures::StreamExt;
use orbit_cdc::server::heartbeat;
use orbit_proto::orbit::chat::v1 as pb;
use orbit_proto::orbit::chat::v1::chat_service_server::ChatService;
use orbit_system::server::context;
use tonic::{Request, Response, Status};

use crate::chat::Chat;
use crate::error::{ChatError, status};
use crate::messages::{Direction, MessageQuery, NewMessage};
use crate::rooms::NewRoom;
use crate::watch::WatchStart;

/// Serves `orbit.chat.v1.ChatService`.
#[derive(Debug, Clone)]
pub struct ChatApi {
    chat: Chat,
}

impl ChatApi {
    pub fn new(chat: Chat) -> ChatApi {
        ChatApi { chat }
    }
}

fn ok<T>(result: Result<T, ChatError>) -> Result<Response<T>, Status> {
    result.map(Response::new).map_err(status)
}

#[tonic::async_trait]
impl ChatService for ChatApi {
    type WatchRoomStream = std::pin::Pin<
        Box<dyn futures::Stream<Item = Result<pb::RoomEvent, Status>> + Send + 'static>,
    >;
    type WatchRoomsStream = std::pin::Pin<
        Box<dyn futures::Stream<Item = Result<pb::RoomsEvent, Status>> + Send + 'static>,
    >;

    /// `ChatService.CreateRoom`.
    #[tracing::instrument(skip_all)]
    async fn create_room(
        &self,
        request: Request<pb::CreateRoomRequest>,
    ) -> Result<Response<pb::CreateRoomResponse>, Status> {
        let caller = context(&request);
        let r = request.into_inner();
        let new = NewRoom {
            project_id: r.project_id,
            name: r.name,
            topic: r.topic,
            kind: r.kind,
            member_ids: r.member_ids,
        };
        ok(self
            .chat
            .create_room(&caller, new)
            .await
            .map(|room| pb::CreateRoomResponse { room: Some(room) }))
    }

    /// `ChatService.OpenDirect`.
    #[tracing::instrument(skip_all)]
    async fn open_direct(
        &self,
        request: Request<pb::OpenDirectRequest>,
    ) -> Result<Response<pb::OpenDirectResponse>, Status> {
        let caller = context(&request);
        let r = request.into_inner();
        ok(self
            .chat
            .open_direct(&caller, &r.project_id, &r.account_id)
            .await
            .map(|room| pb::OpenDirectResponse { room: Some(room) }))
    }

    /// `ChatService.GetRoom`.
    #[tracing::instrument(skip_all)]
    async fn get_room(
        &self,
        request: Request<pb::GetRoomRequest>,
    ) -> Result<Response<pb::GetRoomResponse>, Status> {
        let caller = context(&request);
        let r = request.into_inner();
        ok(self
            .chat
            .get_room(&caller, &r.project_id, &r.room_id)
            .await
            .map(|room| pb::GetRoomResponse { room: Some(room) }))
    }

    /// `ChatService.ListRooms`.
    #[tracing::instrument(skip_all)]
    async fn list_rooms(
        &self,
        request: Request<pb::ListRoomsRequest>,
    ) -> Result<Response<pb::ListRoomsResponse>, Status> {
        let caller = context(&request);
        let r = request.into_inner();
        ok(self
            .chat
            .list_rooms(&caller, &r.project_id, r.include_archived)
            .await
            .map(|rooms| pb::ListRoomsResponse { rooms }))
    }

    /// `ChatService.RenameRoom`.
    #[tracing::instrument(skip_all)]
    async fn rename_room(
        &self,
        request: Request<pb::RenameRoomRequest>,
    ) -> Result<Response<pb::RenameRoomResponse>, Status> {
        let caller = context(&request);
        let r = request.into_inner();
        ok(self
            .chat
            .rename_room(&caller, &r.project_id, &r.room_id, &r.name)
            .await
            .map(|room| pb::RenameRoomResponse { room: Some(room) }))
    }

    /// `ChatService.SetTopic`.
    #[tracing::instrument(skip_all)]
    async fn set_topic(
        &self,
        request: Request<pb::SetTopicRequest>,
    ) -> Result<Response<pb::SetTopicResponse>, Status> {
        let caller = context(&request);
        let r = request.into_inner();
        ok(self
            .chat
            .set_topic(&caller, &r.project_id, &r.room_id, &r.topic)
            .await
            .map(|room| pb::SetTopicResponse { room: Some(room) }))
    }

    /// `ChatService.ArchiveRoom`.
    #[tracing::instrument(skip_all)]
    async fn archive_room(
        &self,
        request: Request<pb::ArchiveRoomRequest>,
    ) -> Result<Response<pb::ArchiveRoomResponse>, Status> {
        let caller = context(&request);
        let r = request.into_inner();
        ok(self
            .chat
            .archive_room(&caller, &r.project_id, &r.room_id)
            .await
            .map(|room| pb::ArchiveRoomResponse { room: Some(room) }))
    }

    /// `ChatService.InviteMember`.
    #[tracing::instrument(skip_all)]
    async fn invite_member(
        &self,
        request: Request<pb::InviteMemberRequest>,
    ) -> Result<Response<pb::InviteMemberResponse>, Status> {
        let caller = context(&request);
        let r = request.into_inner();
        ok(self
            .chat
            .invite_member(&caller, &r.project_id, &r.room_id, &r.account_id)
            .await
            .map(|room| pb::InviteMemberResponse { room: Some(room) }))
    }

    /// `ChatService.LeaveRoom`.
    #[tracing::instrument(skip_all)]
    async fn leave_room(
        &self,
        request: Request<pb::LeaveRoomRequest>,
    ) -> Result<Response<pb::LeaveRoomResponse>, Status> {
        let caller = context(&request);
        let r = request.into_inner();
        ok(self
            .chat
            .leave_room(&caller, &r.project_id, &r.room_id)
            .await
            .map(|_| pb::LeaveRoomResponse {}))
    }

    /// `ChatService.RemoveMember`.
    #[tracing::instrument(skip_all)]
    async fn remove_member(
        &self,
        request: Request<pb::RemoveMemberRequest>,
    ) -> Result<Response<pb::RemoveMemberResponse>, Status> {
        let caller = context(&request);
        let r = request.into_inner();
        ok(self
            .chat
            .remove_member(&caller, &r.project_id, &r.room_id, &r.account_id)
            .await
            .map(|room| pb::RemoveMemberResponse { room: Some(room) }))
    }

    /// `ChatService.PostMessage`.
    #[tracing::instrument(skip_all)]
    async fn post_message(
        &self,
        request: Request<pb::PostMessageRequest>,
    ) -> Result<Response<pb::PostMessageResponse>, Status> {
        let caller = context(&request);
        let r = request.into_inner();
        let new = NewMessage {
            project_id: r.project_id,
            room_id: r.room_id,
            text: r.text,
            reply_to: r.reply_to,
            mention_ids: r.mention_ids,
            idempotency_key: r.idempotency_key,
        };
        ok(self
            .chat
            .post(&caller, new)
            .await
            .map(|posted| pb::PostMessageResponse {
                message: Some(posted.message),
                replayed: posted.replayed,
            }))
    }

    /// `ChatService.EditMessage`.
    #[tracing::instrument(skip_all)]
    async fn edit_message(
        &self,
        request: Request<pb::EditMessageRequest>,
    ) -> Result<Response<pb::EditMessageResponse>, Status> {
        let caller = context(&request);
        let r = request.into_inner();
        ok(self
            .chat
            .edit(
                &caller,
                &r.project_id,
                &r.message_id,
                &r.text,
                &r.mention_ids,
            )
            .await
            .map(|message| pb::EditMessageResponse {
                message: Some(message),
            }))
    }

    /// `ChatService.DeleteMessage`.
    #[tracing::instrument(skip_all)]
    async fn delete_message(
        &self,
        request: Request<pb::DeleteMessageRequest>,
    ) -> Result<Response<pb::DeleteMessageResponse>, Status> {
        let caller = context(&request);
        let r = request.into_inner();
        ok(self
            .chat
            .delete(&caller, &r.project_id, &r.message_id)
            .await
            .map(|message| pb::DeleteMessageResponse {
                message: Some(message),
            }))
    }

    /// `ChatService.GetMessage`.
    #[tracing::instrument(skip_all)]
    async fn get_message(
        &self,
        request: Request<pb::GetMessageRequest>,
    ) -> Result<Response<pb::GetMessageResponse>, Status> {
        let caller = context(&request);
        let r = request.into_inner();
        ok(self
            .chat
            .get_message(&caller, &r.project_id, &r.message_id)
            .await
            .map(|message| pb::GetMessageResponse {
                message: Some(message),
            }))
    }

    /// `ChatService.AddReaction`.
    #[tracing::instrument(skip_all)]
    async fn add_reaction(
        &self,
        request: Request<pb::AddReactionRequest>,
    ) -> Result<Response<pb::AddReactionResponse>, Status> {
        let caller = context(&request);
        let r = request.into_inner();
        ok(self
            .chat
            .react(&caller, &r.project_id, &r.message_id, &r.emoji, true)
            .await
            .map(|message| pb::AddReactionResponse {
                message: Some(message),
            }))
    }

    /// `ChatService.RemoveReaction`.
    #[tracing::instrument(skip_all)]
    async fn remove_reaction(
        &self,
        request: Request<pb::RemoveReactionRequest>,
    ) -> Result<Response<pb::RemoveReactionResponse>, Status> {
        let caller = context(&request);
        let r = request.into_inner();
        ok(self
            .chat
            .react(&caller, &r.project_id, &r.message_id, &r.emoji, false)
            .await
            .map(|message| pb::RemoveReactionResponse {
                message: Some(message),
            }))
    }

    /// `ChatService.ListMessages`.
    #[tracing::instrument(skip_all)]
    async fn list_messages(
        &self,
        request: Request<pb::ListMessagesRequest>,
    ) -> Result<Response<pb::ListMessagesResponse>, Status> {
        let caller = context(&request);
        let r = request.into_inner();
        let direction = match pb::Direction::try_from(r.direction) {
            Ok(pb::Direction::Forward) => Direction::Forward,
            Ok(_) => Direction::Backward,
            Err(_) => {
                return Err(status(ChatError::invalid(
                    "direction",
                    format!("{} is not a direction", r.direction),
                )));
            }
        };
        ok(self
            .chat
            .list_messages(
                &caller,
                &MessageQuery {
                    project_id: r.project_id,
                    room_id: r.room_id,
                    seq: r.seq,
                    message_id: r.message_id,
                    direction,
                    page_size: r.page_size,
                },
            )
            .await
            .map(|page| pb::ListMessagesResponse {
                messages: page.messages,
                more: page.more,
                last_seq: page.last_seq,
            }))
    }

    /// `ChatService.ListReplies`.
    #[tracing::instrument(skip_all)]
    async fn list_replies(
        &self,
        request: Request<pb::ListRepliesRequest>,
    ) -> Result<Response<pb::ListRepliesResponse>, Status> {
        let caller = context(&request);
        let r = request.into_inner();
        ok(self
            .chat
            .list_replies(
                &caller,
                &r.project_id,
                &r.message_id,
                r.page_size,
                r.after_seq,
            )
            .await
            .map(|(messages, more)| pb::ListRepliesResponse { messages, more }))
    }

    /// `ChatService.MarkRead`.
    #[tracing::instrument(skip_all)]
    async fn mark_read(
        &self,
        request: Request<pb::MarkReadRequest>,
    ) -> Result<Response<pb::MarkReadResponse>, Status> {
        let caller = context(&request);
        let r = request.into_inner();
        ok(self
            .chat
            .mark_read(&caller, &r.project_id, &r.room_id, r.seq)
            .await
            .map(|marker| pb::MarkReadResponse {
                read_seq: marker.read_seq,
                unread: marker.unread,
                mentions: marker.mentions,
            }))
    }

    /// `ChatService.WatchRoom`.
    #[tracing::instrument(skip_all)]
    async fn watch_room(
        &self,
        request: Request<pb::WatchRoomRequest>,
    ) -> Result<Response<Self::WatchRoomStream>, Status> {
        let caller = context(&request);
        let principal = std::sync::Arc::new(
            caller
                .require()
                .map_err(orbit_system::server::status::identity_status)?
                .clone(),
        );
        let r = request.into_inner();
        let project_id = r.project_id.clone();
        let start = match r.start {
            Some(pb::watch_room_request::Start::AfterSeq(after)) => WatchStart::After(after),
            Some(pb::watch_room_request::Start::FromNow(_)) | None => WatchStart::Now,
        };
        let heartbeat = heartbeat(r.heartbeat_seconds)?;
        let events = self
            .chat
            .watch(&caller, &r.project_id, &r.room_id, start, heartbeat)
            .await
            .map_err(status)?;
        // A member who loses the project stops receiving at once (the shared streaming code
        // ends the stream on the tenancy change).
        let events = orbit_cdc::server::end_when_revoked(
            events.map(|item| item.map_err(status)),
            self.chat.identity.clone(),
            principal,
            Some(project_id),
            || {},
        );
        Ok(Response::new(Box::pin(events)))
    }

    /// `ChatService.WatchRooms`.
    #[tracing::instrument(skip_all)]
    async fn watch_rooms(
        &self,
        request: Request<pb::WatchRoomsRequest>,
    ) -> Result<Response<Self::WatchRoomsStream>, Status> {
        let caller = context(&request);
        let principal = std::sync::Arc::new(
            caller
                .require()
                .map_err(orbit_system::server::status::identity_status)?
                .clone(),
        );
        let r = request.into_inner();
        let heartbeat = heartbeat(r.heartbeat_seconds)?;
        let events = self
            .chat
            .watch_rooms(&caller, &r.project_id, heartbeat)
            .await
            .map_err(status)?;
        let events = orbit_cdc::server::end_when_revoked(
            events.map(|item| item.map_err(status)),
            self.chat.identity.clone(),
            principal,
            Some(r.project_id),
            || {},
        );
        Ok(Response::new(Box::pin(events)))
    }

    /// `ChatService.SendTyping`.
    #[tracing::instrument(skip_all)]
    async fn send_typing(
        &self,
        request: Request<pb::SendTypingRequest>,
    ) -> Result<Response<pb::SendTypingResponse>, Status> {
        let caller = context(&request);
        let r = request.into_inner();
        ok(self
            .chat
            .send_typing(&caller, &r.project_id, &r.room_id)
            .await
            .map(|()| pb::SendTypingResponse {}))
    }
}
