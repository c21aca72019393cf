//! The gRPC server assembly: one tonic server on one port carrying Orbit's services, gRPC
//! health (`grpc.health.v1`), server reflection (v1 and v1alpha) and gRPC-Web (HTTP/1.1, for
//! browsers), with TLS or mutual TLS when configured.
//!
//! It owns how the services are put together and how the server stops (no new connections,
//! in-flight calls finish); it does not read files, parse configuration or handle signals:
//! the binary does that and hands in PEM bytes, a bound listener and a shutdown future. Store
//! errors become gRPC statuses only in [`status`]; every call passes [`AuthLayer`] first.
//! Requests that are not gRPC or gRPC-Web go to a plain-HTTP router on the same port
//! (`plain_http.rs`; the binary gives it the GUI's files) and never reach a gRPC service.

mod account_service;
mod api_key_service;
mod audit_service;
mod auth;
mod catalog;
pub mod local;
mod membership_service;
mod org_service;
mod plain_http;
mod project_service;
mod record_service;
mod reencrypt;
mod reflection;
mod settings_service;
pub mod status;
mod system_service;
mod tls;

use std::future::Future;

use orbit_proto::orbit::system::v1::account_service_server::AccountServiceServer;
use orbit_proto::orbit::system::v1::api_key_service_server::ApiKeyServiceServer;
use orbit_proto::orbit::system::v1::audit_service_server::AuditServiceServer;
use orbit_proto::orbit::system::v1::membership_service_server::MembershipServiceServer;
use orbit_proto::orbit::system::v1::org_service_server::OrgServiceServer;
use orbit_proto::orbit::system::v1::project_service_server::ProjectServiceServer;
use orbit_proto::orbit::system::v1::settings_service_server::SettingsServiceServer;
use orbit_proto::orbit::system::v1::system_service_server::SystemServiceServer;
use tonic::transport::Server;
use tonic::transport::server::TcpIncoming;
use tonic_health::ServingStatus;
use tonic_health::pb::health_server::HealthServer;
use tonic_health::server::HealthService;

pub use account_service::AccountApi;
pub use api_key_service::ApiKeyApi;
pub use audit_service::AuditApi;
pub use auth::{AuthLayer, Authorize, REQUEST_ID_HEADER, context, principal};
pub use catalog::ApiCatalog;
pub use membership_service::MembershipApi;
pub use org_service::OrgApi;
pub use project_service::ProjectApi;
pub use record_service::RecordApi;
pub use reencrypt::Reencryptor;
pub use settings_service::SettingsApi;
pub use system_service::{InstanceMeta, SystemApi};
pub use tls::TlsPem;

use crate::identity::Identity;
use crate::store::Store;

/// Why the server could not be built or stopped serving.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("invalid TLS configuration: {0}")]
    Tls(String),

    #[error("invalid access declarations: {0}")]
    Access(#[from] orbit_proto::access::AccessError),

    #[error("the gRPC server failed: {0}")]
    Transport(String),
}

/// Orbit's gRPC server, checked and ready to serve on a listener.
pub struct GrpcServer {
    tls: Option<tonic::transport::ServerTlsConfig>,
    health: tonic_health::server::HealthReporter,
    health_service: HealthServer<HealthService>,
    routes: tonic::service::Routes,
    /// Health names of the services added from outside (modules, cdc): SERVING while the
    /// server serves, NOT_SERVING from the moment it stops.
    added: Vec<String>,
    /// Plain HTTP on the same port (the GUI's files): every request that is not gRPC.
    http: Option<plain_http::HttpService>,
    /// Every service and RPC rule the server answers by; it can grow while serving.
    catalog: ApiCatalog,
    /// Where changes to projects another instance owns go (federation).
    remote: Option<std::sync::Arc<dyn local::RemoteOwner>>,
    /// In-process calls through the auth layer and the routes, once serving.
    local: local::LocalCalls,
}

impl std::fmt::Debug for GrpcServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GrpcServer")
            .field("tls", &self.tls.is_some())
            .finish()
    }
}

impl GrpcServer {
    /// Builds the server. With `tls`, every connection is TLS (mutual when it names a client
    /// CA); the TLS material is checked here, before anything else starts.
    pub fn new(tls: Option<&TlsPem>) -> Result<GrpcServer, ServerError> {
        let tls = tls.map(TlsPem::config).transpose()?;
        let health = tonic_health::server::HealthReporter::new();
        let health_service = HealthServer::new(HealthService::from_health_reporter(health.clone()));
        Ok(GrpcServer {
            tls,
            health,
            health_service,
            routes: tonic::service::Routes::default(),
            added: Vec::new(),
            http: None,
            catalog: ApiCatalog::orbit()?,
            remote: None,
            local: local::LocalCalls::default(),
        })
    }

    /// Adds services built outside orbit-system (change feeds, views, modules). Their RPCs
    /// pass the same auth layer, so their .proto must be in `orbit_proto::FILE_DESCRIPTOR_SET`
    /// with access declarations.
    /// `add` receives the routes so far and returns them with its services added.
    pub fn with_routes(
        mut self,
        add: impl FnOnce(tonic::service::Routes) -> tonic::service::Routes,
    ) -> Self {
        self.routes = add(std::mem::take(&mut self.routes));
        self
    }

    /// Sends changes to projects another instance owns to `remote` (federation) instead of
    /// serving them here.
    pub fn with_remote_owner(mut self, remote: std::sync::Arc<dyn local::RemoteOwner>) -> Self {
        self.remote = Some(remote);
        self
    }

    /// Unary calls in this process through the auth layer and every route, available once
    /// the server serves (federation runs a linked instance's change requests with it).
    pub fn local_calls(&self) -> local::LocalCalls {
        self.local.clone()
    }

    /// The catalog the auth layer and reflection read: add a descriptor set to it (with
    /// access declarations) and its services are enforced and listed while the server runs.
    pub fn catalog(&self) -> ApiCatalog {
        self.catalog.clone()
    }

    /// Serves `router` for every request that is not gRPC or gRPC-Web (by content type), on
    /// the same port. Such requests never reach a gRPC service; without a router they get 404.
    pub fn with_http(mut self, router: axum::Router) -> Self {
        use tower::ServiceExt;
        let service = ServiceExt::<http::Request<tonic::body::Body>>::map_response(
            router,
            |response: axum::response::Response| response.map(tonic::body::Body::new),
        );
        self.http = Some(tower::util::BoxCloneSyncService::new(service));
        self
    }

    /// Reports the service `name` (a full gRPC service name) SERVING on health while the
    /// server serves and NOT_SERVING once it stops.
    pub fn report_health(mut self, name: impl Into<String>) -> Self {
        self.added.push(name.into());
        self
    }

    /// The gRPC health reporter, for services added with [`GrpcServer::with_routes`] to
    /// report their own serving status.
    pub fn health(&self) -> tonic_health::server::HealthReporter {
        self.health.clone()
    }

    /// Serves Orbit's services over `store` on `listener` until `shutdown` completes; then
    /// reports NOT_SERVING on health, accepts no new connections and returns once in-flight
    /// calls have finished.
    pub async fn serve(
        self,
        store: Store,
        identity: Identity,
        meta: InstanceMeta,
        listener: tokio::net::TcpListener,
        shutdown: impl Future<Output = ()>,
    ) -> Result<(), ServerError> {
        let GrpcServer {
            tls,
            health,
            health_service,
            routes,
            added,
            http,
            catalog,
            remote,
            local,
        } = self;
        use tonic::server::NamedService;
        // Every service this server carries, for health: SERVING now, NOT_SERVING at stop.
        let mut names: Vec<String> = [
            <SystemServiceServer<SystemApi> as NamedService>::NAME,
            <AccountServiceServer<AccountApi> as NamedService>::NAME,
            <AuditServiceServer<AuditApi> as NamedService>::NAME,
            <OrgServiceServer<OrgApi> as NamedService>::NAME,
            <ProjectServiceServer<ProjectApi> as NamedService>::NAME,
            <MembershipServiceServer<MembershipApi> as NamedService>::NAME,
            <ApiKeyServiceServer<ApiKeyApi> as NamedService>::NAME,
            <SettingsServiceServer<SettingsApi> as NamedService>::NAME,
        ]
        .map(String::from)
        .to_vec();
        names.extend(added);
        health.set_service_status("", ServingStatus::Serving).await;
        for name in &names {
            health
                .set_service_status(name, ServingStatus::Serving)
                .await;
        }

        let reflection =
            reflection::Reflection::new(catalog.clone()).with_identity(identity.clone());
        let reflection_v1 = reflection::v1::server(reflection.clone());
        let reflection_v1alpha = reflection::v1alpha::server(reflection);

        // Per connection: at most 256 concurrent streams (each stream's send buffer is bounded
        // by hyper and by the feeds' byte budgets), and HTTP/2 keep-alive pings, so a peer
        // that vanished without closing its connection is noticed within half a minute and
        // its streams (feeds, presence) end.
        let mut builder = Server::builder()
            .accept_http1(true)
            .max_concurrent_streams(Some(256))
            .http2_keepalive_interval(Some(std::time::Duration::from_secs(10)))
            .http2_keepalive_timeout(Some(std::time::Duration::from_secs(20)));
        if let Some(tls) = tls {
            builder = builder
                .tls_config(tls)
                .map_err(|e| ServerError::Tls(error_chain(&e)))?;
        }
        let auth = AuthLayer::new(catalog, identity.clone()).with_remote_owner(remote);
        let routes = routes
            .add_service(health_service)
            .add_service(reflection_v1)
            .add_service(reflection_v1alpha)
            .add_service(SystemServiceServer::new(SystemApi::new(
                store,
                meta,
                identity.clone(),
            )))
            .add_service(AccountServiceServer::new(AccountApi::new(identity.clone())))
            .add_service(AuditServiceServer::new(AuditApi::new(identity.clone())))
            .add_service(OrgServiceServer::new(OrgApi::new(identity.clone())))
            .add_service(ProjectServiceServer::new(ProjectApi::new(identity.clone())))
            .add_service(MembershipServiceServer::new(MembershipApi::new(
                identity.clone(),
            )))
            .add_service(ApiKeyServiceServer::new(ApiKeyApi::new(identity.clone())))
            .add_service(SettingsServiceServer::new(SettingsApi::new(
                identity.clone(),
            )))
            .prepare();
        local.set(tower::util::BoxCloneSyncService::new(
            tower::ServiceBuilder::new()
                .layer(auth.clone())
                .service(routes.clone()),
        ));
        let router = builder
            .layer(plain_http::PlainHttpLayer { http })
            .layer(tonic_web::GrpcWebLayer::new())
            .layer(auth)
            .add_routes(routes);

        let shutdown = async move {
            shutdown.await;
            tracing::info!("shutting down: refusing new connections, finishing in-flight calls");
            for name in &names {
                health
                    .set_service_status(name, ServingStatus::NotServing)
                    .await;
            }
            health
                .set_service_status("", ServingStatus::NotServing)
                .await;
        };
        use futures::StreamExt;
        let incoming = TcpIncoming::from(listener)
            .with_nodelay(Some(true))
            .with_keepalive(Some(PEER_IDLE))
            .with_keepalive_interval(Some(PEER_PROBE))
            .with_keepalive_retries(Some(PEER_PROBES))
            .map(|accepted| {
                accepted.inspect(|stream| {
                    let socket = socket2::SockRef::from(stream);
                    if let Err(error) = socket.set_tcp_user_timeout(Some(PEER_DEAD)) {
                        tracing::debug!(%error, "cannot set TCP_USER_TIMEOUT");
                    }
                })
            });
        router
            .serve_with_incoming_shutdown(incoming, shutdown)
            .await
            .map_err(|e| ServerError::Transport(error_chain(&e)))
    }
}

/// A connection idle this long gets TCP keep-alive probes ([`PEER_PROBES`] of them,
/// [`PEER_PROBE`] apart), and one whose sent data stays unacknowledged for [`PEER_DEAD`] is
/// closed: a peer that vanished without closing (a laptop lid, a dropped network) is noticed
/// within about 5 s on HTTP/1.1 (gRPC-Web) and HTTP/2 alike, and its streams end (a video
/// participant leaves presence). A slow reader is not cut by this: its window being full is
/// acknowledged.
const PEER_IDLE: std::time::Duration = std::time::Duration::from_secs(2);
const PEER_PROBE: std::time::Duration = std::time::Duration::from_secs(1);
const PEER_PROBES: u32 = 3;
const PEER_DEAD: std::time::Duration = std::time::Duration::from_secs(5);

/// An error and its sources on one line, `outer: inner: innermost`.
pub(crate) fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(inner) = source {
        let inner_text = inner.to_string();
        if !text.contains(&inner_text) {
            text.push_str(": ");
            text.push_str(&inner_text);
        }
        source = inner.source();
    }
    text
}
