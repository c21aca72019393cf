//! The handler of `orbit.video.v1.VideoService`: thin. The auth layer has checked the
//! declared project role; each handler takes the caller's context, calls [`Video`] (which
//! checks call rules and owns the logic) and maps errors through [`crate::error::status`].

use std::sync::Arc;

use futures::StreamExt;
use orbit_cdc::server::heartbeat;
use orbit_proto::orbit::video::v1 as pb;
use orbit_proto::orbit::video::v1::video_service_server::VideoService;
use orbit_system::server::context;
use tonic::{Request, Response, Status};

use crate::error::{VideoError, status};
use crate::participation::OutgoingSignal;
use crate::video::Video;

/// Serves `orbit.video.v1.VideoService`.
#[derive(Debug, Clone)]
pub struct VideoApi {
    video: Video,
}

impl VideoApi {
    pub fn new(video: Video) -> VideoApi {
        VideoApi { video }
    }
}

fn ok<T>(result: Result<T, VideoError>) -> Result<Response<T>, Status> {
    result.map(Response::new).map_err(status)
}

#[tonic::async_trait]
impl VideoService for VideoApi {
    type ConnectParticipantStream = std::pin::Pin<
        Box<dyn futures::Stream<Item = Result<pb::CallEvent, Status>> + Send + 'static>,
    >;

    /// `VideoService.CreateCall`.
    #[tracing::instrument(skip_all)]
    async fn create_call(
        &self,
        request: Request<pb::CreateCallRequest>,
    ) -> Result<Response<pb::CreateCallResponse>, Status> {
        let caller = context(&request);
        let r = request.into_inner();
        ok(self
            .video
            .create_call(&caller, &r.project_id, &r.title, r.max_participants)
            .await
            .map(|call| pb::CreateCallResponse { call: Some(call) }))
    }

    /// `VideoService.GetCall`.
    #[tracing::instrument(skip_all)]
    async fn get_call(
        &self,
        request: Request<pb::GetCallRequest>,
    ) -> Result<Response<pb::GetCallResponse>, Status> {
        let r = request.into_inner();
        ok(self
            .video
            .get_call(&r.project_id, &r.call_id)
            .await
            .map(|(call, participants)| pb::GetCallResponse {
                call: Some(call),
                participants,
            }))
    }

    /// `VideoService.ListCalls`.
    #[tracing::instrument(skip_all)]
    async fn list_calls(
        &self,
        request: Request<pb::ListCallsRequest>,
    ) -> Result<Response<pb::ListCallsResponse>, Status> {
        let r = request.into_inner();
        ok(self
            .video
            .list_calls(&r.project_id, r.include_closed)
            .await
            .map(|calls| pb::ListCallsResponse { calls }))
    }

    /// `VideoService.CloseCall`.
    #[tracing::instrument(skip_all)]
    async fn close_call(
        &self,
        request: Request<pb::CloseCallRequest>,
    ) -> Result<Response<pb::CloseCallResponse>, Status> {
        let caller = context(&request);
        let r = request.into_inner();
        ok(self
            .video
            .close_call(&caller, &r.project_id, &r.call_id)
            .await
            .map(|call| pb::CloseCallResponse { call: Some(call) }))
    }

    /// `VideoService.JoinCall`.
    #[tracing::instrument(skip_all)]
    async fn join_call(
        &self,
        request: Request<pb::JoinCallRequest>,
    ) -> Result<Response<pb::JoinCallResponse>, Status> {
        let caller = context(&request);
        let r = request.into_inner();
        ok(self
            .video
            .join(
                &caller,
                &r.project_id,
                &r.call_id,
                r.state.unwrap_or_default(),
            )
            .await
            .map(|joined| pb::JoinCallResponse {
                participant: Some(joined.participant),
                participants: joined.participants,
                call: Some(joined.call),
            }))
    }

    /// `VideoService.ConnectParticipant`.
    #[tracing::instrument(skip_all)]
    async fn connect_participant(
        &self,
        request: Request<pb::ConnectParticipantRequest>,
    ) -> Result<Response<Self::ConnectParticipantStream>, Status> {
        let caller = context(&request);
        let principal = Arc::new(
            caller
                .require()
                .map_err(orbit_system::server::status::identity_status)?
                .clone(),
        );
        let r = request.into_inner();
        let heartbeat = heartbeat(r.heartbeat_seconds)?;
        let events = self
            .video
            .connect(
                &caller,
                &r.project_id,
                &r.call_id,
                &r.participant_id,
                heartbeat,
            )
            .await
            .map_err(status)?;
        // A member who loses the project is dropped from the call at once (the stream ends,
        // and with it the participant).
        let events = orbit_cdc::server::end_when_revoked(
            events.map(|item| item.map_err(status)),
            self.video.identity.clone(),
            principal,
            Some(r.project_id),
            || {},
        );
        Ok(Response::new(Box::pin(events)))
    }

    /// `VideoService.LeaveCall`.
    #[tracing::instrument(skip_all)]
    async fn leave_call(
        &self,
        request: Request<pb::LeaveCallRequest>,
    ) -> Result<Response<pb::LeaveCallResponse>, Status> {
        let caller = context(&request);
        let r = request.into_inner();
        ok(self
            .video
            .leave(&caller, &r.project_id, &r.call_id, &r.participant_id)
            .await
            .map(|()| pb::LeaveCallResponse {}))
    }

    /// `VideoService.UpdateState`.
    #[tracing::instrument(skip_all)]
    async fn update_state(
        &self,
        request: Request<pb::UpdateStateRequest>,
    ) -> Result<Response<pb::UpdateStateResponse>, Status> {
        let caller = context(&request);
        let r = request.into_inner();
        ok(self
            .video
            .update_state(
                &caller,
                &r.project_id,
                &r.call_id,
                &r.participant_id,
                r.state.unwrap_or_default(),
            )
            .map(|participant| pb::UpdateStateResponse {
                participant: Some(participant),
            }))
    }

    /// `VideoService.Signal`.
    #[tracing::instrument(skip_all)]
    async fn signal(
        &self,
        request: Request<pb::SignalRequest>,
    ) -> Result<Response<pb::SignalResponse>, Status> {
        let caller = context(&request);
        let r = request.into_inner();
        let signal = OutgoingSignal {
            project_id: r.project_id,
            call_id: r.call_id,
            participant_id: r.participant_id,
            to_participant_id: r.to_participant_id,
            kind: r.kind,
            sdp: r.sdp,
            candidate: r.candidate,
        };
        ok(self
            .video
            .signal(&caller, signal)
            .map(|()| pb::SignalResponse {}))
    }

    /// `VideoService.GetIceServers`.
    #[tracing::instrument(skip_all)]
    async fn get_ice_servers(
        &self,
        request: Request<pb::GetIceServersRequest>,
    ) -> Result<Response<pb::GetIceServersResponse>, Status> {
        let caller = context(&request);
        let r = request.into_inner();
        ok(self
            .video
            .ice_servers(&caller, &r.project_id)
            .map(|(ice_servers, expires_at_ms)| pb::GetIceServersResponse {
                ice_servers,
                expires_at_ms,
            }))
    }

    /// `VideoService.ListCallHistory`.
    #[tracing::instrument(skip_all)]
    async fn list_call_history(
        &self,
        request: Request<pb::ListCallHistoryRequest>,
    ) -> Result<Response<pb::ListCallHistoryResponse>, Status> {
        let r = request.into_inner();
        ok(self
            .video
            .call_history(&r.project_id, r.page_size, &r.page_token)
            .await
            .map(|(entries, next_page_token)| pb::ListCallHistoryResponse {
                entries,
                next_page_token,
            }))
    }
}
