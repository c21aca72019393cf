//! The gRPC server assembly: one tonic server on one port carrying Orbit's services, gRPC
//! health (`grpc.health.v1`), server reflection (v1 and v1alpha) and gRPC-Web (HTTP/1.1, for
//! browsers), with TLS or mutual TLS when configured.
//!
//! It owns how the services are put together and how the server stops (no new connections,
//! in-flight calls finish); it does not read files, parse configuration or handle signals:
//! the binary does that and hands in PEM bytes, a bound listener and a shutdown future. Store
//! errors become gRPC statuses only in [`status`]; every call passes [`AuthLayer`] first.

mod account_service;
mod api_key_service;
mod audit_service;
mod auth;
mod membership_service;
mod org_service;
mod project_service;
mod record_service;
mod reencrypt;
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
use orbit_proto::orbit::system::v1::record_service_server::RecordServiceServer;
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
pub use membership_service::MembershipApi;
pub use org_service::OrgApi;
pub use project_service::ProjectApi;
pub use record_service::RecordApi;
pub use reencrypt::Reencryptor;
pub use system_service::{InstanceMeta, SystemApi};
pub use tls::TlsPem;

use crate::identity::Identity;
use crate::records::{RecordError, Records};
use crate::store::Store;

/// Why the server could not be built or stopped serving.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("invalid TLS configuration: {0}")]
    Tls(String),

    #[error("invalid access declarations: {0}")]
    Access(#[from] orbit_proto::access::AccessError),

    #[error("cannot build the reflection service: {0}")]
    Reflection(String),

    #[error("cannot open the records database: {0}")]
    Records(#[from] RecordError),

    #[error("the gRPC server failed: {0}")]
    Transport(String),
}

/// Orbit's gRPC server, checked and ready to serve on a listener.
pub struct GrpcServer {
    tls: Option<tonic::transport::ServerTlsConfig>,
    health: tonic_health::server::HealthReporter,
    health_service: HealthServer<HealthService>,
    routes: tonic::service::Routes,
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
        } = self;
        health.set_service_status("", ServingStatus::Serving).await;
        health.set_serving::<SystemServiceServer<SystemApi>>().await;
        health
            .set_serving::<AccountServiceServer<AccountApi>>()
            .await;
        health.set_serving::<AuditServiceServer<AuditApi>>().await;
        health.set_serving::<OrgServiceServer<OrgApi>>().await;
        health
            .set_serving::<ProjectServiceServer<ProjectApi>>()
            .await;
        health
            .set_serving::<MembershipServiceServer<MembershipApi>>()
            .await;
        health.set_serving::<ApiKeyServiceServer<ApiKeyApi>>().await;
        health.set_serving::<RecordServiceServer<RecordApi>>().await;

        let reflection = || {
            tonic_reflection::server::Builder::configure()
                .register_encoded_file_descriptor_set(orbit_proto::FILE_DESCRIPTOR_SET)
                .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
        };
        let reflection_v1 = reflection()
            .build_v1()
            .map_err(|e| ServerError::Reflection(e.to_string()))?;
        let reflection_v1alpha = reflection()
            .build_v1alpha()
            .map_err(|e| ServerError::Reflection(e.to_string()))?;

        let mut builder = Server::builder().accept_http1(true);
        if let Some(tls) = tls {
            builder = builder
                .tls_config(tls)
                .map_err(|e| ServerError::Tls(error_chain(&e)))?;
        }
        let auth = AuthLayer::new(orbit_proto::FILE_DESCRIPTOR_SET, identity.clone())?;
        let records = Records::open(&store, identity.clone()).await?;
        let routes = routes
            .add_service(health_service)
            .add_service(reflection_v1)
            .add_service(reflection_v1alpha)
            .add_service(SystemServiceServer::new(SystemApi::new(store, meta)))
            .add_service(AccountServiceServer::new(AccountApi::new(identity.clone())))
            .add_service(AuditServiceServer::new(AuditApi::new(identity.clone())))
            .add_service(OrgServiceServer::new(OrgApi::new(identity.clone())))
            .add_service(ProjectServiceServer::new(ProjectApi::new(identity.clone())))
            .add_service(MembershipServiceServer::new(MembershipApi::new(
                identity.clone(),
            )))
            .add_service(ApiKeyServiceServer::new(ApiKeyApi::new(identity.clone())))
            .add_service(RecordServiceServer::new(RecordApi::new(records)))
            .prepare();
        let router = builder
            .layer(tonic_web::GrpcWebLayer::new())
            .layer(auth)
            .add_routes(routes);

        let shutdown = async move {
            shutdown.await;
            tracing::info!("shutting down: refusing new connections, finishing in-flight calls");
            health
                .set_not_serving::<SystemServiceServer<SystemApi>>()
                .await;
            health
                .set_service_status("", ServingStatus::NotServing)
                .await;
        };
        let incoming = TcpIncoming::from(listener).with_nodelay(Some(true));
        router
            .serve_with_incoming_shutdown(incoming, shutdown)
            .await
            .map_err(|e| ServerError::Transport(error_chain(&e)))
    }
}

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
