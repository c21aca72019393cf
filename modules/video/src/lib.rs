//! The video-call module: call rooms of a project (create, list, close), presence (who is in
//! a call with mic, camera, screen share and raised hand, streamed to everyone in it; a
//! participant whose connection drops is removed), the WebRTC signalling relay (offers,
//! answers and ICE candidates addressed to one participant, delivered to it only), STUN/TURN
//! configuration with time-limited TURN credentials, and the call history
//! (`orbit.video.v1.VideoService`). Browsers connect browser to browser (full mesh); the
//! server carries no media.
//!
//! Browsers speak gRPC-Web (unary and server streaming only), so each participant receives on
//! one `Connect` stream and sends with unary calls. Signals are never stored; presence lives
//! in memory, in one process (`presence.rs`). Calls and who joined them are records of the
//! module's own encrypted database `video` (`stored.rs`). It depends on orbit-module (and the
//! crates under it) only, never on another module. [`VideoModule`] is how the server's
//! registry builds it, with its [`VideoConfig`].

mod calls;
mod config;
mod error;
mod ice;
mod participation;
mod presence;
mod recorder;
mod service;
mod stored;
mod turn;
mod video;

#[cfg(test)]
mod tests;

use async_trait::async_trait;
use orbit_cdc::codec::{DatabaseCodec, ValueCodec};
use orbit_module::{
    Built, Manifest, Module, ModuleContext, ModuleError, Page, PageData, PageView, Service,
    TaskPart,
};
use orbit_proto::orbit::video::v1::video_service_server::VideoServiceServer;

pub use calls::MAX_TITLE_CHARS;
pub use config::{
    DEFAULT_CREDENTIAL_LIFETIME, DEFAULT_MAX_PARTICIPANTS, MAX_MAX_PARTICIPANTS, VideoConfig,
};
pub use error::{VideoError, status};
pub use participation::{CallEvents, Joined, MAX_CANDIDATE_BYTES, MAX_SDP_BYTES, OutgoingSignal};
pub use service::VideoApi;
pub use stored::VIDEO;
pub use turn::{TurnCredential, mint, password, verify};
pub use video::{Departures, Video};

/// The video module, as the registry builds it.
#[derive(Debug, Default, Clone)]
pub struct VideoModule {
    config: VideoConfig,
}

impl VideoModule {
    /// The module with its configuration (checked when it is built).
    pub fn new(config: VideoConfig) -> VideoModule {
        VideoModule { config }
    }
}

#[async_trait]
impl Module for VideoModule {
    fn manifest(&self) -> Manifest {
        Manifest {
            name: VIDEO,
            version: env!("CARGO_PKG_VERSION"),
            description: "video calls between browsers: rooms, presence, signalling, TURN credentials and call history per project",
            services: vec!["orbit.video.v1.VideoService"],
            views: Vec::new(),
            pages: vec![
                Page {
                    name: "calls",
                    route: "/p/:project/calls",
                    title_id: "video-title",
                    in_nav: true,
                    view: PageView::Card {
                        template: include_str!("../cards/calls.json"),
                        data: vec![PageData {
                            name: "calls",
                            method: "orbit.video.v1.VideoService/ListCalls",
                            request: r#"{"projectId":"{project}"}"#,
                        }],
                    },
                },
                // A call (WebRTC, media devices, presence) is hand-written.
                Page::hand_written("call", "/p/:project/calls/:call", "video-title", false),
            ],
            has_feed: true,
        }
    }

    /// Calls and attendances are protobuf (`orbit.video.v1`), the history index opaque.
    fn codec(&self) -> DatabaseCodec {
        DatabaseCodec::uniform(ValueCodec::Raw)
            .with(
                stored::CALLS,
                ValueCodec::Protobuf("orbit.video.v1.Call".into()),
            )
            .with(
                stored::ATTENDANCE,
                ValueCodec::Protobuf("orbit.video.v1.Attendance".into()),
            )
    }

    async fn build(&self, context: ModuleContext) -> Result<Built, ModuleError> {
        self.config
            .validate()
            .map_err(|e| ModuleError::failed(VIDEO, e))?;
        let (video, departures) =
            Video::new(context.database, context.identity, self.config.clone());
        let recorder = {
            let video = video.clone();
            TaskPart::spawn("video presence", move |stop| {
                recorder::run(video, departures, stop)
            })
        };
        tracing::info!(
            max_participants = self.config.max_participants,
            stun = self.config.stun_urls.len(),
            turn = self.config.turn_urls.len(),
            "video calls on; presence and signalling live in this process only"
        );
        Ok(Built {
            services: vec![Service::new(VideoServiceServer::new(VideoApi::new(video)))],
            parts: vec![Box::new(recorder)],
        })
    }
}
