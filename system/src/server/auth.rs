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

use std::task::{Context, Poll};

use bytes::Bytes;
use futures::future::BoxFuture;
use http_body_util::BodyExt;
use orbit_proto::orbit::system::v1::{Role, Scope};
use prost_reflect::{DynamicMessage, MessageDescriptor};
use tonic::Status;
use tonic::body::Body;
use tracing::Instrument;

use std::sync::Arc;

use super::catalog::{ApiCatalog, Rule};
use super::local::{FederatedCaller, RemoteCall, RemoteOwner, is_read, ok_response, unframe};
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

/// Builds [`Authorize`] services around the router's services.
#[derive(Clone)]
pub struct AuthLayer {
    catalog: ApiCatalog,
    identity: Identity,
    /// Where changes to projects another instance owns go (federation), if anywhere.
    remote: Option<Arc<dyn RemoteOwner>>,
}

/// What the layer decided about a call.
enum Decision {
    /// Serve it here, as this caller.
    Serve(RequestContext),
    /// A change to a project another instance owns: its owner answers.
    Forward(RemoteCall),
}

impl std::fmt::Debug for AuthLayer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AuthLayer")
            .field("rpcs", &self.catalog.snapshot().rules.len())
            .finish()
    }
}

impl AuthLayer {
    /// The layer that decides every call by the rules of `catalog` as it is at the call
    /// (so services added to the catalog at run time are enforced at once).
    pub fn new(catalog: ApiCatalog, identity: Identity) -> AuthLayer {
        AuthLayer {
            catalog,
            identity,
            remote: None,
        }
    }

    /// Sends changes to projects another instance owns to `remote` instead of serving them.
    pub fn with_remote_owner(mut self, remote: Option<Arc<dyn RemoteOwner>>) -> AuthLayer {
        self.remote = remote;
        self
    }

    /// Decides a request: its context for the handler, or the status to answer with.
    async fn decide(
        &self,
        path: &str,
        bearer: Bearer,
        federated: Option<FederatedCaller>,
        client: Option<String>,
        request_id: String,
        body: &Bytes,
    ) -> Result<Decision, Status> {
        let mut context = RequestContext {
            principal: None,
            client_address: client,
            request_id,
        };
        if OPEN_PREFIXES.iter().any(|prefix| path.starts_with(prefix)) {
            // Open to anyone; a caller who shows a valid token is known to reflection, which
            // then also describes the user modules of the caller's orgs.
            if let Bearer::Token(token) = &bearer {
                if let Ok(principal) = self.identity.authenticate(token).await {
                    context.principal = Some(principal);
                }
            }
            return Ok(Decision::Serve(context));
        }
        // Every RPC of the descriptor set has a rule (a missing declaration stops the server
        // from starting), so a path without one names no RPC of this server.
        let snapshot = self.catalog.snapshot();
        let Some(rule) = snapshot.rules.get(path) else {
            return Err(Status::unimplemented(format!(
                "unknown method {path}: this server has no such rpc"
            )));
        };
        let anonymous = rule.access.role() == Role::Anonymous;
        // An in-process call of this instance's federation: its principal, no token.
        let bearer = match federated {
            Some(FederatedCaller(principal)) => {
                context.principal = Some(principal);
                Bearer::Absent
            }
            None => bearer,
        };
        match bearer {
            Bearer::Absent => {}
            // A stale or malformed credential must not stop someone from logging in again.
            Bearer::Malformed if anonymous => {}
            Bearer::Malformed => {
                return Err(Status::unauthenticated(
                    "authorization: the scheme is missing; send `authorization: Bearer <token>`",
                ));
            }
            Bearer::Token(bearer) => match self.identity.authenticate(&bearer).await {
                Ok(principal) => context.principal = Some(principal),
                Err(_) if anonymous => {}
                Err(error) => return Err(identity_status(error)),
            },
        }
        let scope_id = match &rule.input {
            Some(input) => match scope_id(path, rule, input, body)? {
                ScopeId::Id(id) => Some(id),
                ScopeId::OrgOfProject(project_id) => {
                    let project = self
                        .identity
                        .project_record(&project_id)
                        .await
                        .map_err(identity_status)?
                        .ok_or_else(|| {
                            identity_status(crate::identity::IdentityError::NotFound {
                                what: "project",
                                id: project_id,
                            })
                        })?;
                    Some(project.org_id)
                }
            },
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
        if let (Some(remote), Scope::Project, Some(project_id)) =
            (&self.remote, rule.access.scope(), &scope_id)
        {
            if remote.forwards(path) && !is_read(path) {
                let project = self
                    .identity
                    .project_record(project_id)
                    .await
                    .map_err(identity_status)?;
                if let Some(project) = project.filter(|p| !p.owner_did.is_empty()) {
                    return Ok(Decision::Forward(RemoteCall {
                        path: path.to_owned(),
                        message: unframe(body.clone())?,
                        principal: context.principal.clone().ok_or_else(|| {
                            Status::unauthenticated(
                                "a change to a shared project needs a signed-in caller",
                            )
                        })?,
                        project_id: project.id,
                        owner_did: project.owner_did,
                        request_id: context.request_id.clone(),
                    }));
                }
            }
        }
        Ok(Decision::Serve(context))
    }

    fn needs_body(&self, path: &str) -> bool {
        self.catalog
            .snapshot()
            .rules
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
) -> Result<ScopeId, Status> {
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
    let decoded = DynamicMessage::decode(input.clone(), message).map_err(|e| {
        let error = e.to_string();
        let reason = error.rsplit(": ").next().unwrap_or("invalid encoding");
        Status::invalid_argument(format!("malformed request message: {reason}"))
    })?;
    let text = |field: &str| {
        decoded
            .get_field_by_name(field)
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    };
    let field = &rule.access.scope_field;
    let value = text(field);
    if !value.is_empty() {
        return Ok(ScopeId::Id(value));
    }
    // An org-scoped request that names a project (FeedService.Subscribe) is scoped to that
    // project's org: the client need not send both.
    if rule.access.scope() == Scope::Org {
        let project = text("project_id");
        if !project.is_empty() {
            return Ok(ScopeId::OrgOfProject(project));
        }
    }
    Err(Status::invalid_argument(format!("{field} is required")))
}

/// Where a scoped request is scoped, as its message says.
#[derive(Debug, PartialEq, Eq)]
enum ScopeId {
    /// The declared field's value.
    Id(String),
    /// The org field is empty; the org of this project.
    OrgOfProject(String),
}

/// What a request's `authorization` header holds.
#[derive(Debug, PartialEq, Eq)]
enum Bearer {
    Absent,
    /// Present, but not `Bearer <token>` (a bare token, another scheme, not ASCII).
    Malformed,
    Token(String),
}

fn bearer(request: &http::Request<Body>) -> Bearer {
    let Some(value) = request.headers().get(http::header::AUTHORIZATION) else {
        return Bearer::Absent;
    };
    let Ok(value) = value.to_str() else {
        return Bearer::Malformed;
    };
    match value
        .split_once(' ')
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
    {
        Some((_, token)) if !token.trim().is_empty() => Bearer::Token(token.trim().to_owned()),
        _ => Bearer::Malformed,
    }
}

/// tonic answers a request body that does not decode with INTERNAL and prost's whole error
/// chain (for a deeply nested Struct, a thousand characters of field paths). That is the
/// client's mistake, not a bug: answer INVALID_ARGUMENT with prost's short reason.
fn clarify_decode_error(mut response: http::Response<Body>) -> http::Response<Body> {
    const PREFIX: &str = "failed to decode Protobuf message";
    let headers = response.headers();
    if headers.get("grpc-status").map(|v| v.as_bytes()) != Some(b"13") {
        return response;
    }
    let Some(message) = headers.get("grpc-message").and_then(|v| v.to_str().ok()) else {
        return response;
    };
    let message = percent_decode(message);
    if !message.starts_with(PREFIX) {
        return response;
    }
    // prost's reason comes last, after the path of messages and fields it was decoding.
    let reason = message.rsplit(": ").next().unwrap_or("invalid encoding");
    let status = Status::invalid_argument(format!("malformed request message: {reason}"));
    let headers = response.headers_mut();
    headers.insert("grpc-status", http::HeaderValue::from_static("3"));
    if let Ok(value) = http::HeaderValue::from_str(&percent_encode(status.message())) {
        headers.insert("grpc-message", value);
    }
    response
}

/// Decodes gRPC's percent-encoding of `grpc-message`.
fn percent_decode(value: &str) -> String {
    percent_encoding::percent_decode_str(value)
        .decode_utf8_lossy()
        .into_owned()
}

/// gRPC's percent-encoding of `grpc-message`: printable ASCII but `%` as is.
fn percent_encode(message: &str) -> String {
    const GRPC_MESSAGE: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS.add(b'%');
    percent_encoding::utf8_percent_encode(message, GRPC_MESSAGE).to_string()
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
            let federated = request.extensions().get::<FederatedCaller>().cloned();
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
                .decide(
                    &path,
                    bearer,
                    federated,
                    client,
                    request_id.clone(),
                    &body_bytes,
                )
                .await;
            match decision {
                Ok(Decision::Forward(call)) => {
                    let remote = layer
                        .remote
                        .clone()
                        .expect("forwarded only with a remote owner");
                    let response = match remote.forward(call).await {
                        Ok(message) => ok_response(message),
                        Err(status) => status.into_http(),
                    };
                    Ok(echo_request_id(response, &request_id))
                }
                Ok(Decision::Serve(context)) => {
                    let mut request = http::Request::from_parts(parts, body);
                    request.extensions_mut().insert(context);
                    let response = clarify_decode_error(inner.call(request).await?);
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
        Err(error) if error.is::<http_body_util::LengthLimitError>() => {
            Err(Status::invalid_argument(format!(
                "the request is larger than {} MiB, the most a call may send",
                MAX_SCOPED_REQUEST >> 20
            )))
        }
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

    fn with_authorization(value: &str) -> http::Request<Body> {
        let mut request = http::Request::new(Body::empty());
        request.headers_mut().insert(
            http::header::AUTHORIZATION,
            http::HeaderValue::from_str(value).expect("header value"),
        );
        request
    }

    #[test]
    fn a_token_without_its_scheme_is_told_apart_from_no_token() {
        assert_eq!(bearer(&http::Request::new(Body::empty())), Bearer::Absent);
        assert_eq!(
            bearer(&with_authorization("Bearer abc")),
            Bearer::Token("abc".into())
        );
        assert_eq!(
            bearer(&with_authorization("bearer  abc ")),
            Bearer::Token("abc".into())
        );
        assert_eq!(bearer(&with_authorization("abc")), Bearer::Malformed);
        assert_eq!(bearer(&with_authorization("Basic abc")), Bearer::Malformed);
        assert_eq!(bearer(&with_authorization("Bearer ")), Bearer::Malformed);
    }

    #[test]
    fn a_body_that_does_not_decode_is_invalid_argument_with_a_short_message() {
        let long = format!(
            "failed to decode Protobuf message: {}recursion limit reached",
            "Struct.fields: Value.kind: ".repeat(30)
        );
        let response = clarify_decode_error(Status::internal(long).into_http());
        let status = Status::from_header_map(response.headers()).expect("a status");
        assert_eq!(status.code(), tonic::Code::InvalidArgument);
        assert_eq!(
            status.message(),
            "malformed request message: recursion limit reached"
        );
        // Other INTERNAL errors are left alone: they are bugs and must show as such.
        let response = clarify_decode_error(Status::internal("boom 100%").into_http());
        let status = Status::from_header_map(response.headers()).expect("a status");
        assert_eq!(status.code(), tonic::Code::Internal);
        assert_eq!(status.message(), "boom 100%");
    }

    /// Fuzz target: the scope id of any request body, framed or not, is an id or a client
    /// error; the layer never panics and never answers INTERNAL for a unary RPC.
    mod fuzz {
        use proptest::prelude::*;

        use super::*;

        const PATHS: [&str; 3] = [
            "/orbit.system.v1.ProjectService/GetProject",
            "/orbit.cdc.v1.FeedService/Subscribe",
            "/orbit.system.v1.OrgService/GetOrg",
        ];

        proptest! {
            #[test]
            fn fuzz_scope_ids_of_any_body(message in prop::collection::vec(any::<u8>(), 0..120), framed in any::<bool>(), compressed in any::<bool>()) {
                let body = if framed {
                    let mut body = vec![u8::from(compressed)];
                    body.extend_from_slice(&(message.len() as u32).to_be_bytes());
                    body.extend_from_slice(&message);
                    body
                } else {
                    message
                };
                let snapshot = ApiCatalog::orbit().unwrap().snapshot();
                for path in PATHS {
                    let rule = &snapshot.rules[path];
                    let input = rule.input.clone().unwrap();
                    match scope_id(path, rule, &input, &body) {
                        Ok(ScopeId::Id(id)) => prop_assert!(!id.is_empty()),
                        Ok(ScopeId::OrgOfProject(project)) => prop_assert!(!project.is_empty()),
                        Err(status) => prop_assert_ne!(status.code(), tonic::Code::Internal, "{}", status.message()),
                    }
                }
            }
        }
    }
}
