//! The auth layer: a tower layer in front of every service that enforces each RPC's
//! `(orbit.system.v1.access)` declaration before the handler runs, and refuses an RPC that
//! declares nothing (deny by default). Handlers never check access themselves; they read the
//! caller from the [`RequestContext`] this layer puts into the request's extensions.
//!
//! For org- and project-scoped RPCs the layer reads the scope id out of the request message
//! itself (decoding it with the method's input descriptor), so the declaration in the .proto
//! is the whole rule. Protocol services that are not Orbit's (gRPC health and server
//! reflection) are open: they carry no tenant data.
//!
//! Every call gets a request id: the client's `x-request-id` metadata if it is 1-128 visible
//! ASCII characters, else a new ULID. The layer puts it into the [`RequestContext`] (writes
//! use it as the correlation id of their change events), into the tracing span of the call
//! (so every log line of the call carries it) and into the response metadata, refused calls
//! included.

use std::collections::HashMap;
use std::sync::Arc;
use std::task::{Context, Poll};

use bytes::Bytes;
use futures::future::BoxFuture;
use http_body_util::BodyExt;
use orbit_proto::access::{AccessError, access_table};
use orbit_proto::orbit::system::v1::{Access, Role, Scope};
use prost_reflect::{DescriptorPool, DynamicMessage, MessageDescriptor};
use tonic::Status;
use tonic::body::Body;
use tracing::Instrument;

use super::status::identity_status;
use crate::identity::{Identity, Principal, RequestContext};
use crate::store::{self, new_id};

/// gRPC path prefixes of protocol services that need no declaration.
const OPEN_PREFIXES: [&str; 2] = ["/grpc.health.v1.", "/grpc.reflection."];
/// Largest request message the layer buffers to find a scope id.
const MAX_SCOPED_REQUEST: usize = 4 * 1024 * 1024;
/// The metadata key carrying a call's request id, both ways.
pub const REQUEST_ID_HEADER: &str = "x-request-id";
/// Longest request id accepted from a client, in characters.
const MAX_REQUEST_ID: usize = 128;

/// One RPC's rule: its declaration and, for scoped RPCs, the message its scope id is in.
#[derive(Debug)]
struct Rule {
    access: Access,
    input: Option<MessageDescriptor>,
    client_streaming: bool,
}

/// Builds [`Authorize`] services around the router's services.
#[derive(Clone)]
pub struct AuthLayer {
    rules: Arc<HashMap<String, Rule>>,
    identity: Identity,
}

impl std::fmt::Debug for AuthLayer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AuthLayer")
            .field("rpcs", &self.rules.len())
            .finish()
    }
}

impl AuthLayer {
    /// The layer for the RPCs declared in `descriptor_set`; fails naming the first RPC whose
    /// declaration is missing or invalid, so a bad declaration never starts serving.
    pub fn new(descriptor_set: &[u8], identity: Identity) -> Result<AuthLayer, AccessError> {
        let table = access_table(descriptor_set)?;
        let pool = DescriptorPool::decode(descriptor_set)
            .map_err(|e| AccessError::Descriptor(e.to_string()))?;
        let mut rules = HashMap::new();
        for (path, access) in table {
            let (service, method) = path
                .trim_start_matches('/')
                .split_once('/')
                .expect("paths are /service/method");
            let method = pool
                .get_service_by_name(service)
                .and_then(|s| s.methods().find(|m| m.name() == method))
                .ok_or_else(|| {
                    AccessError::Descriptor(format!("rpc {path} vanished from the pool"))
                })?;
            let scoped = matches!(access.scope(), Scope::Org | Scope::Project);
            rules.insert(
                path,
                Rule {
                    input: scoped.then(|| method.input()),
                    client_streaming: method.is_client_streaming(),
                    access,
                },
            );
        }
        Ok(AuthLayer {
            rules: Arc::new(rules),
            identity,
        })
    }

    /// Decides a request: its context for the handler, or the status to answer with.
    async fn decide(
        &self,
        path: &str,
        bearer: Option<String>,
        client: Option<String>,
        request_id: String,
        body: &[u8],
    ) -> Result<RequestContext, Status> {
        let mut context = RequestContext {
            principal: None,
            client_address: client,
            request_id,
        };
        if OPEN_PREFIXES.iter().any(|prefix| path.starts_with(prefix)) {
            return Ok(context);
        }
        let Some(rule) = self.rules.get(path) else {
            return Err(Status::permission_denied(format!(
                "rpc {path} declares no access and is refused"
            )));
        };
        let anonymous = rule.access.role() == Role::Anonymous;
        if let Some(bearer) = bearer {
            match self.identity.authenticate(&bearer).await {
                Ok(principal) => context.principal = Some(principal),
                // A stale token must not stop someone from logging in again.
                Err(_) if anonymous => {}
                Err(error) => return Err(identity_status(error)),
            }
        }
        let scope_id = match &rule.input {
            Some(input) => Some(scope_id(path, rule, input, body)?),
            None => None,
        };
        self.identity
            .authorize(
                context.principal.as_ref(),
                &rule.access,
                scope_id.as_deref(),
            )
            .await
            .map_err(identity_status)?;
        Ok(context)
    }

    fn needs_body(&self, path: &str) -> bool {
        self.rules
            .get(path)
            .is_some_and(|rule| rule.input.is_some())
    }
}

/// Reads the declared scope field out of a buffered, unary gRPC request body.
fn scope_id(
    path: &str,
    rule: &Rule,
    input: &MessageDescriptor,
    body: &[u8],
) -> Result<String, Status> {
    if rule.client_streaming {
        return Err(Status::internal(format!(
            "rpc {path} is client-streaming and cannot be scoped"
        )));
    }
    let Some((&compressed, rest)) = body.split_first() else {
        return Err(Status::invalid_argument(format!(
            "rpc {path}: the request has no message"
        )));
    };
    if compressed != 0 {
        return Err(Status::unimplemented(
            "compressed requests are not accepted",
        ));
    }
    if rest.len() < 4 {
        return Err(Status::invalid_argument(format!(
            "rpc {path}: truncated grpc frame"
        )));
    }
    let length = u32::from_be_bytes([rest[0], rest[1], rest[2], rest[3]]) as usize;
    let message = rest
        .get(4..4 + length)
        .ok_or_else(|| Status::invalid_argument(format!("rpc {path}: truncated grpc frame")))?;
    let decoded = DynamicMessage::decode(input.clone(), message)
        .map_err(|e| Status::invalid_argument(format!("rpc {path}: malformed request: {e}")))?;
    let field = &rule.access.scope_field;
    let value = decoded
        .get_field_by_name(field)
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    if value.is_empty() {
        return Err(Status::invalid_argument(format!("{field} is required")));
    }
    Ok(value)
}

fn bearer(request: &http::Request<Body>) -> Option<String> {
    let value = request
        .headers()
        .get(http::header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    let token = value
        .strip_prefix("Bearer ")
        .or_else(|| value.strip_prefix("bearer "))?;
    Some(token.trim().to_owned())
}

/// The client's `x-request-id` if it is 1-128 visible ASCII characters, else a new ULID.
fn request_id(request: &http::Request<Body>) -> String {
    request
        .headers()
        .get(REQUEST_ID_HEADER)
        .and_then(|value| value.to_str().ok())
        .filter(|id| valid_request_id(id))
        .map_or_else(new_id, str::to_owned)
}

fn valid_request_id(id: &str) -> bool {
    (1..=MAX_REQUEST_ID).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_graphic())
}

/// Adds the request id to a response's metadata.
fn echo_request_id(mut response: http::Response<Body>, request_id: &str) -> http::Response<Body> {
    // Only visible ASCII reaches here (checked or generated), which is always a valid value.
    if let Ok(value) = http::HeaderValue::from_str(request_id) {
        response.headers_mut().insert(REQUEST_ID_HEADER, value);
    }
    response
}

fn client_address(request: &http::Request<Body>) -> Option<String> {
    use tonic::transport::server::{TcpConnectInfo, TlsConnectInfo};
    let extensions = request.extensions();
    extensions
        .get::<TcpConnectInfo>()
        .and_then(|info| info.remote_addr())
        .or_else(|| {
            extensions
                .get::<TlsConnectInfo<TcpConnectInfo>>()
                .and_then(|info| info.get_ref().remote_addr())
        })
        .map(|addr| addr.ip().to_string())
}

impl<S> tower::Layer<S> for AuthLayer {
    type Service = Authorize<S>;

    fn layer(&self, inner: S) -> Authorize<S> {
        Authorize {
            inner,
            layer: self.clone(),
        }
    }
}

/// The service [`AuthLayer`] wraps around another.
#[derive(Clone, Debug)]
pub struct Authorize<S> {
    inner: S,
    layer: AuthLayer,
}

impl<S> tower::Service<http::Request<Body>> for Authorize<S>
where
    S: tower::Service<http::Request<Body>, Response = http::Response<Body>>
        + Clone
        + Send
        + 'static,
    S::Future: Send + 'static,
{
    type Response = http::Response<Body>;
    type Error = S::Error;
    type Future = BoxFuture<'static, Result<Self::Response, Self::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<Body>) -> Self::Future {
        // The clone that was polled ready serves this call; the fresh clone waits for the next.
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        let layer = self.layer.clone();
        let path = request.uri().path().to_owned();
        let request_id = request_id(&request);
        let span = tracing::info_span!("rpc", %path, %request_id);
        let correlation_id = request_id.clone();
        let call = async move {
            let bearer = bearer(&request);
            let client = client_address(&request);
            let (parts, body) = request.into_parts();
            let (body_bytes, body) = if layer.needs_body(&path) {
                match read_limited(body).await {
                    Ok(bytes) => (bytes.clone(), Body::new(http_body_util::Full::new(bytes))),
                    Err(status) => return Ok(echo_request_id(status.into_http(), &request_id)),
                }
            } else {
                (Bytes::new(), body)
            };
            let decision = layer
                .decide(&path, bearer, client, request_id.clone(), &body_bytes)
                .await;
            match decision {
                Ok(context) => {
                    let mut request = http::Request::from_parts(parts, body);
                    request.extensions_mut().insert(context);
                    let response = inner.call(request).await?;
                    Ok(echo_request_id(response, &request_id))
                }
                Err(status) => {
                    tracing::debug!(code = ?status.code(), message = status.message(), "refused by the auth layer");
                    Ok(echo_request_id(status.into_http(), &request_id))
                }
            }
        };
        // Every write the call causes, in any module, carries its request id.
        Box::pin(store::with_correlation_id(correlation_id, call).instrument(span))
    }
}

async fn read_limited(body: Body) -> Result<Bytes, Status> {
    let limited = http_body_util::Limited::new(body, MAX_SCOPED_REQUEST);
    match limited.collect().await {
        Ok(collected) => Ok(collected.to_bytes()),
        Err(error) => Err(Status::invalid_argument(format!(
            "request body cannot be read: {error}"
        ))),
    }
}

/// The principal of a request, as the auth layer resolved it.
pub fn principal<T>(request: &tonic::Request<T>) -> Option<&Principal> {
    request
        .extensions()
        .get::<RequestContext>()
        .and_then(|c| c.principal.as_ref())
}

/// The context of a request (caller, client address, request id), as the auth layer
/// resolved it.
pub fn context<T>(request: &tonic::Request<T>) -> RequestContext {
    request
        .extensions()
        .get::<RequestContext>()
        .cloned()
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_header(value: Option<&[u8]>) -> http::Request<Body> {
        let mut request = http::Request::new(Body::empty());
        if let Some(value) = value {
            request.headers_mut().insert(
                REQUEST_ID_HEADER,
                http::HeaderValue::from_bytes(value).expect("header value"),
            );
        }
        request
    }

    #[test]
    fn a_visible_ascii_request_id_is_kept() {
        let id = "req-42/abc:XYZ~";
        assert_eq!(request_id(&with_header(Some(id.as_bytes()))), id);
        let longest = "a".repeat(MAX_REQUEST_ID);
        assert_eq!(request_id(&with_header(Some(longest.as_bytes()))), longest);
    }

    #[test]
    fn a_missing_or_unusable_request_id_is_replaced_by_a_ulid() {
        let too_long = "a".repeat(MAX_REQUEST_ID + 1);
        for header in [
            None,
            Some(&b""[..]),
            Some(b"has space"),
            Some(b"tab\there"),
            Some("caf\u{e9}".as_bytes()),
            Some(too_long.as_bytes()),
        ] {
            let id = request_id(&with_header(header));
            assert_eq!(id.len(), 26, "{header:?} gave {id}");
            assert!(ulid::Ulid::from_string(&id).is_ok(), "{id} is not a ulid");
        }
    }

    #[test]
    fn the_request_id_is_echoed_on_any_response() {
        let refused = Status::permission_denied("no").into_http();
        let echoed = echo_request_id(refused, "abc-1");
        assert_eq!(echoed.headers()[REQUEST_ID_HEADER], "abc-1");
    }
}
