//! Calls between this server and another instance's (federation), at the gRPC level:
//!
//! - [`LocalCalls`]: a unary call made in this process, through the auth layer and the
//!   routes like any client's, as a [`FederatedCaller`] (a principal attached as a request
//!   extension, which nothing arriving over the network can carry);
//! - [`RemoteOwner`]: the hook the auth layer hands a change to a project another instance
//!   owns: instead of running here, the call goes to the owner and its answer comes back.

use std::convert::Infallible;
use std::sync::{Arc, OnceLock};

use bytes::{Buf, Bytes};
use http_body_util::BodyExt;
use tonic::body::Body;
use tonic::{Code, Status};

use crate::identity::Principal;

/// The service in-process calls go through: the auth layer around every route.
pub(crate) type LocalService =
    tower::util::BoxCloneSyncService<http::Request<Body>, http::Response<Body>, Infallible>;

/// A principal for an in-process call, attached as a request extension; the auth layer uses
/// it instead of a bearer token.
#[derive(Debug, Clone)]
pub struct FederatedCaller(pub Principal);

/// Unary calls made in this process (set once the server serves).
#[derive(Clone, Default)]
pub struct LocalCalls {
    service: Arc<OnceLock<LocalService>>,
}

impl std::fmt::Debug for LocalCalls {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LocalCalls")
            .field("ready", &self.service.get().is_some())
            .finish()
    }
}

/// A gRPC message framed for the wire (uncompressed).
pub fn frame(message: &[u8]) -> Bytes {
    let mut framed = Vec::with_capacity(5 + message.len());
    framed.push(0);
    framed.extend_from_slice(&(message.len() as u32).to_be_bytes());
    framed.extend_from_slice(message);
    framed.into()
}

/// The message of an uncompressed gRPC frame.
pub fn unframe(mut framed: Bytes) -> Result<Bytes, Status> {
    if framed.len() < 5 {
        return Err(Status::invalid_argument(
            "the request is not a gRPC message",
        ));
    }
    let compressed = framed.get_u8();
    let len = framed.get_u32() as usize;
    if compressed != 0 || framed.len() < len {
        return Err(Status::invalid_argument(
            "the request is compressed or cut short; send it uncompressed",
        ));
    }
    Ok(framed.split_to(len))
}

impl LocalCalls {
    pub(crate) fn set(&self, service: LocalService) {
        let _ = self.service.set(service);
    }

    /// Calls unary `path` (`/package.Service/Method`) with `message` as `caller`; the
    /// answer's message, or the status the call ended with.
    pub async fn call(
        &self,
        path: &str,
        message: &[u8],
        caller: FederatedCaller,
    ) -> Result<Bytes, Status> {
        use tower::ServiceExt;
        let service = self
            .service
            .get()
            .cloned()
            .ok_or_else(|| Status::unavailable("the server is not serving yet"))?;
        let mut request = http::Request::builder()
            .method(http::Method::POST)
            .uri(format!("http://localhost{path}"))
            .header(http::header::CONTENT_TYPE, "application/grpc")
            .header("te", "trailers")
            .body(Body::new(http_body_util::Full::new(frame(message))))
            .map_err(|e| Status::invalid_argument(format!("path {path:?}: {e}")))?;
        request.extensions_mut().insert(caller);
        let response = service
            .oneshot(request)
            .await
            .unwrap_or_else(|e| match e {});
        let (parts, body) = response.into_parts();
        if let Some(status) = Status::from_header_map(&parts.headers) {
            if status.code() != Code::Ok {
                return Err(status);
            }
        }
        let collected = body
            .collect()
            .await
            .map_err(|e| Status::internal(format!("the answer cannot be read: {e}")))?;
        if let Some(trailers) = collected.trailers() {
            if let Some(status) = Status::from_header_map(trailers) {
                if status.code() != Code::Ok {
                    return Err(status);
                }
            }
        }
        unframe(collected.to_bytes())
    }
}

/// A change to a project another instance owns, as the auth layer found it.
#[derive(Debug, Clone)]
pub struct RemoteCall {
    /// `/package.Service/Method`.
    pub path: String,
    /// The request message (unframed).
    pub message: Bytes,
    pub principal: Principal,
    pub project_id: String,
    /// The owner's DID.
    pub owner_did: String,
    pub request_id: String,
}

/// Where the auth layer sends a change to a project another instance owns (federation).
#[tonic::async_trait]
pub trait RemoteOwner: Send + Sync + 'static {
    /// Whether calls of `path` (`/package.Service/Method`) change data the owner shares; the
    /// others (memberships, keys, settings of the local copy) are served here.
    fn forwards(&self, path: &str) -> bool;

    /// The owner's answer to `call` (its message), or its refusal.
    async fn forward(&self, call: RemoteCall) -> Result<Bytes, Status>;
}

/// Reads (answered here, from the copy) by their method name; everything else on a project
/// another instance owns is a change and goes to the owner.
pub(crate) fn is_read(path: &str) -> bool {
    let method = path.rsplit('/').next().unwrap_or_default();
    ["Get", "List", "Watch", "Query", "Export", "Search", "Count"]
        .iter()
        .any(|prefix| method.starts_with(prefix))
}

/// A gRPC response carrying `message`.
pub(crate) fn ok_response(message: Bytes) -> http::Response<Body> {
    let frames = futures::stream::iter([
        Ok::<_, Status>(http_body::Frame::data(frame(&message))),
        Ok(http_body::Frame::trailers({
            let mut trailers = http::HeaderMap::new();
            trailers.insert("grpc-status", http::HeaderValue::from_static("0"));
            trailers
        })),
    ]);
    let mut response = http::Response::new(Body::new(http_body_util::StreamBody::new(frames)));
    response.headers_mut().insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static("application/grpc"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_round_trip_and_reads_are_told_from_changes() {
        assert_eq!(unframe(frame(b"abc")).unwrap(), Bytes::from_static(b"abc"));
        assert!(unframe(Bytes::from_static(b"\x01\x00\x00\x00\x01a")).is_err());
        assert!(unframe(Bytes::from_static(b"\x00\x00\x00\x00\x09a")).is_err());
        assert!(is_read("/orbit.chat.v1.ChatService/ListMessages"));
        assert!(is_read("/orbit.system.v1.RecordService/GetRecord"));
        assert!(!is_read("/orbit.chat.v1.ChatService/PostMessage"));
        assert!(!is_read("/orbit.survey.v1.SurveyService/SubmitResponse"));
    }
}
