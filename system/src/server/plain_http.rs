//! Plain HTTP beside gRPC on one port: the outermost layer sends every request that is not
//! gRPC or gRPC-Web (by its `application/grpc…` content type) to the server's HTTP router
//! (the GUI's files), so such a request never reaches gRPC-Web translation, the auth layer or
//! a gRPC service. Without a router it gets 404.

use std::convert::Infallible;
use std::task::{Context, Poll};

use bytes::Bytes;
use futures::future::BoxFuture;
use tonic::body::Body;
use tower::ServiceExt;

/// The plain-HTTP service beside gRPC on the same port.
pub(crate) type HttpService =
    tower::util::BoxCloneSyncService<http::Request<Body>, http::Response<Body>, Infallible>;

/// Wraps the gRPC stack; see the module doc.
#[derive(Clone)]
pub(crate) struct PlainHttpLayer {
    pub(crate) http: Option<HttpService>,
}

impl<S> tower::Layer<S> for PlainHttpLayer {
    type Service = PlainHttp<S>;

    fn layer(&self, grpc: S) -> PlainHttp<S> {
        PlainHttp {
            grpc,
            http: self.http.clone(),
        }
    }
}

#[derive(Clone)]
pub(crate) struct PlainHttp<S> {
    grpc: S,
    http: Option<HttpService>,
}

impl<S> tower::Service<http::Request<Body>> for PlainHttp<S>
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
        self.grpc.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<Body>) -> Self::Future {
        if is_grpc(&request) {
            // The clone that was polled ready serves this call.
            let clone = self.grpc.clone();
            let mut grpc = std::mem::replace(&mut self.grpc, clone);
            return Box::pin(async move { grpc.call(request).await });
        }
        let http = self.http.clone();
        Box::pin(async move {
            Ok(match http {
                Some(http) => match http.oneshot(request).await {
                    Ok(response) => response,
                    Err(never) => match never {},
                },
                None => not_found(),
            })
        })
    }
}

/// Whether a request is a gRPC or gRPC-Web call.
fn is_grpc(request: &http::Request<Body>) -> bool {
    request
        .headers()
        .get(http::header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("application/grpc"))
}

fn not_found() -> http::Response<Body> {
    let mut response = http::Response::new(Body::new(http_body_util::Full::new(
        Bytes::from_static(b"not found: this port serves gRPC and gRPC-Web\n"),
    )));
    *response.status_mut() = http::StatusCode::NOT_FOUND;
    response.headers_mut().insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}
