//! The auth layer: a tower layer in front of every service that enforces each RPC's
//! `(orbit.system.v1.access)` declaration before the handler runs, and refuses an RPC that
//! declares nothing (deny by default). Handlers never check permissions themselves.
//!
//! Protocol services that are not Orbit's (gRPC health and server reflection) are open: they
//! carry no tenant data. Until accounts and tokens exist, every caller is anonymous, so only
//! RPCs declared `ROLE_ANONYMOUS` pass; the rest answer `Unauthenticated`, naming the role.

use std::sync::Arc;
use std::task::{Context, Poll};

use futures::future::BoxFuture;
use orbit_proto::access::{AccessError, AccessTable, access_table};
use orbit_proto::orbit::system::v1::Role;
use tonic::Status;

/// gRPC path prefixes of protocol services that need no declaration.
const OPEN_PREFIXES: [&str; 2] = ["/grpc.health.v1.", "/grpc.reflection."];

/// Builds [`Authorize`] services around the router's services.
#[derive(Clone, Debug)]
pub struct AuthLayer {
    table: Arc<AccessTable>,
}

impl AuthLayer {
    /// The layer for the RPCs declared in `descriptor_set`; fails naming the first RPC whose
    /// declaration is missing or invalid, so a bad declaration never reaches production.
    pub fn from_descriptor_set(descriptor_set: &[u8]) -> Result<AuthLayer, AccessError> {
        Ok(AuthLayer {
            table: Arc::new(access_table(descriptor_set)?),
        })
    }

    /// Whether a call to `path` may proceed for an anonymous caller.
    pub fn check(&self, path: &str) -> Result<(), Status> {
        if OPEN_PREFIXES.iter().any(|prefix| path.starts_with(prefix)) {
            return Ok(());
        }
        let Some(access) = self.table.get(path) else {
            return Err(Status::permission_denied(format!(
                "rpc {path} declares no access and is refused"
            )));
        };
        match access.role() {
            Role::Anonymous => Ok(()),
            role => Err(Status::unauthenticated(format!(
                "rpc {path} needs {}; sign in first",
                role.as_str_name()
                    .trim_start_matches("ROLE_")
                    .to_lowercase()
                    .replace('_', "-")
            ))),
        }
    }
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

impl<S, B, R> tower::Service<http::Request<B>> for Authorize<S>
where
    S: tower::Service<http::Request<B>, Response = http::Response<R>> + Send,
    S::Future: Send + 'static,
    R: Default + Send + 'static,
{
    type Response = http::Response<R>;
    type Error = S::Error;
    type Future = BoxFuture<'static, Result<Self::Response, Self::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<B>) -> Self::Future {
        match self.layer.check(request.uri().path()) {
            Ok(()) => Box::pin(self.inner.call(request)),
            Err(status) => {
                tracing::debug!(path = request.uri().path(), code = ?status.code(), "refused by the auth layer");
                Box::pin(async move { Ok(status.into_http()) })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declarations_are_enforced_and_undeclared_rpcs_refused() {
        let layer = AuthLayer::from_descriptor_set(orbit_proto::FILE_DESCRIPTOR_SET).unwrap();
        assert!(
            layer
                .check("/orbit.system.v1.SystemService/GetInstanceInfo")
                .is_ok()
        );
        let err = layer
            .check("/orbit.system.v1.SystemService/GetKeyStatus")
            .unwrap_err();
        assert_eq!(err.code(), tonic::Code::Unauthenticated);
        assert!(err.message().contains("sys-admin"), "{}", err.message());
        let err = layer
            .check("/orbit.system.v1.SystemService/Nope")
            .unwrap_err();
        assert_eq!(err.code(), tonic::Code::PermissionDenied);
        assert!(layer.check("/grpc.health.v1.Health/Check").is_ok());
        assert!(
            layer
                .check("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo")
                .is_ok()
        );
    }
}
