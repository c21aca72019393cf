//! `orbit serve`: checks everything that can be checked, binds the port, opens the store, then
//! runs the gRPC server and the background re-encryption until SIGINT or SIGTERM.
//!
//! Order matters for "bad input changes nothing": configuration and TLS material are checked
//! and the port is bound before the store is opened (which may create the data directory).
//! Shutdown: stop accepting, let in-flight calls finish (at most [`SHUTDOWN_GRACE`], or until
//! a second signal), stop re-encryption between two steps, stop the outbox relay (an
//! unacknowledged batch is sent again next time), close the store, exit 0.

use std::time::{Duration, SystemTime};

use anyhow::Context;
use orbit_cdc::feed::Feeds;
use orbit_cdc::server::{FeedApi, RelayApi, ViewApi};
use orbit_federation::{Federation, FederationApi, FederationConfig};
use orbit_module::{ModuleApi, Part, Supervisor};
use orbit_proto::orbit::cdc::v1::feed_service_server::FeedServiceServer;
use orbit_proto::orbit::cdc::v1::relay_service_server::RelayServiceServer;
use orbit_proto::orbit::cdc::v1::view_service_server::ViewServiceServer;
use orbit_proto::orbit::federation::v1::federation_service_server::FederationServiceServer;
use orbit_proto::orbit::system::v1::module_service_server::ModuleServiceServer;
use orbit_proto::orbit::user::v1::user_module_service_server::UserModuleServiceServer;
use orbit_system::identity::{Identity, IdentityConfig};
use orbit_system::server::{GrpcServer, InstanceMeta, Reencryptor};
use orbit_usermod::{DynamicRoutes, UserModuleApi, UserModules};
use tokio::signal::unix::{Signal, SignalKind, signal};
use tonic::server::NamedService;

use crate::cdc::Cdc;
use crate::config::Config;

/// How long in-flight calls may take to finish after a shutdown signal.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(30);
/// How often the background re-encryption looks for records sealed with an older key.
const REENCRYPT_EVERY: Duration = Duration::from_secs(3);
/// Rows per database re-encrypted in one step.
const REENCRYPT_BATCH: u32 = 500;

/// Runs the server until a signal asks it to stop.
pub(crate) async fn run(config: Config) -> anyhow::Result<()> {
    let tls = config.tls.as_ref().map(|paths| paths.read()).transpose()?;
    let server = GrpcServer::new(tls.as_ref()).map_err(|e| {
        anyhow::anyhow!("{e}; check tls_cert, tls_key and tls_client_ca: they must be PEM files that belong together")
    })?;
    let mut signals = Signals::new()?;
    let listener = tokio::net::TcpListener::bind(config.listen).await.with_context(|| {
        format!(
            "cannot listen on {}; stop the process using it or choose another address with --listen (ORBIT_LISTEN)",
            config.listen
        )
    })?;
    let address = listener
        .local_addr()
        .context("cannot read the bound address")?;

    let bootstrap = crate::bootstrap::BootstrapModule {
        address: Some(address),
        tls: config.tls.is_some(),
    };
    let registry = crate::modules::configured(&config.video, bootstrap).enabled(&config.modules)?;
    let demo_data = crate::seed::demo::wanted(&config);
    let store = crate::store::open(&config).await?;
    // The system's databases share the main store; each module's lives in its own file or
    // schema, so its data can later move with the module.
    store.declare_databases(crate::modules::SYSTEM_DATABASES.map(String::from));
    store.declare_module_databases(crate::modules::registry().databases());
    if let Err(error) = store.database("system").await {
        store.close().await;
        return Err(anyhow::anyhow!(crate::store::with_hint(&error)));
    }
    let transport = match &tls {
        None => "plaintext",
        Some(tls) if tls.is_mutual() => "mutual TLS",
        Some(_) => "TLS",
    };
    let scheme = if tls.is_some() { "https" } else { "http" };
    tracing::info!(
        version = env!("CARGO_PKG_VERSION"),
        instance = %store.instance_id(),
        config = %config.file.as_deref().map_or_else(|| "none".into(), |f| f.display().to_string()),
        "listening on {address} ({transport}, gRPC and gRPC-Web); open the web GUI at {scheme}://{address}/ ; store {} at {}",
        store.backend_name(),
        store.location()
    );

    let mut meta = InstanceMeta {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        modules: registry.names().into_iter().map(String::from).collect(),
        started_at: SystemTime::now(),
        sign_up: config.sign_up,
        did: String::new(),
    };
    let reencryption = Reencryptor::spawn(store.clone(), REENCRYPT_EVERY, REENCRYPT_BATCH);
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    match &config.mail {
        Some(mailer) => tracing::info!(
            server = mailer.server(),
            "outgoing mail on: sign-ups are sent an e-mail verification token"
        ),
        None => tracing::info!("outgoing mail off (no smtp_url): e-mail verification is off"),
    }
    let identity_config = IdentityConfig {
        mail: config.mail.clone(),
        sign_up: config.sign_up,
        ..IdentityConfig::default()
    };
    let identity = match Identity::open(&store, identity_config).await {
        Ok(identity) => identity,
        Err(error) => {
            store.close().await;
            return Err(anyhow::anyhow!("cannot open identity: {error}"));
        }
    };
    let federation = match open_federation(&store, &identity, &config).await {
        Ok(federation) => federation,
        Err(error) => {
            store.close().await;
            return Err(error);
        }
    };
    meta.did = federation.did();
    let cdc = match Cdc::start(&store, &config, Some(federation.signer())).await {
        Ok(cdc) => cdc,
        Err(error) => {
            store.close().await;
            return Err(error);
        }
    };
    let feeds = Feeds::new(store.clone());
    let modules = registry.build(&store, &identity, &feeds, &cdc.views).await;
    let module_api = ModuleApi::new(modules.status.clone());
    let view_api = ViewApi::new(cdc.views.clone(), feeds.clone(), identity.clone());
    let feed_api = FeedApi::new(
        feeds.clone(),
        identity.clone(),
        crate::modules::sources().clone(),
        crate::modules::codecs().clone(),
    );
    let user_modules = match UserModules::open(
        store.clone(),
        identity.clone(),
        feeds.clone(),
        server.catalog(),
        crate::modules::codecs().clone(),
        crate::modules::sources().clone(),
    )
    .await
    {
        Ok(user_modules) => user_modules,
        Err(error) => {
            store.close().await;
            return Err(anyhow::anyhow!("cannot open user modules: {error}"));
        }
    };
    let user_module_api = UserModuleApi::new(user_modules.clone());
    let relay_api = RelayApi::new(cdc.relay.clone());
    let federation_api = FederationApi::new(federation.clone());
    // Changes to projects other instances own go to their owner; linked members' changes to
    // this instance's projects run through the same auth layer and routes as any call.
    let server = server.with_remote_owner(federation.remote_owner());
    federation.set_local_calls(server.local_calls());
    let mut server = server
        .report_health(<FeedServiceServer<FeedApi> as NamedService>::NAME)
        .report_health(<ViewServiceServer<ViewApi> as NamedService>::NAME)
        .report_health(<ModuleServiceServer<ModuleApi> as NamedService>::NAME)
        .report_health(<FederationServiceServer<FederationApi> as NamedService>::NAME)
        .report_health(<UserModuleServiceServer<UserModuleApi> as NamedService>::NAME);
    for service in &modules.services {
        server = server.report_health(service.name);
    }
    let module_services = modules.services;
    let server = server.with_routes(|routes| {
        let mut routes = routes
            .add_service(FeedServiceServer::new(feed_api))
            .add_service(ViewServiceServer::new(view_api))
            .add_service(RelayServiceServer::new(relay_api.clone()))
            .add_service(ModuleServiceServer::new(module_api.clone()))
            .add_service(FederationServiceServer::new(federation_api))
            // Uploads are refused above 1 MiB with a message saying so, not cut by the codec.
            .add_service(
                UserModuleServiceServer::new(user_module_api).max_decoding_message_size(16 << 20),
            );
        for service in module_services {
            routes = service.add_to(routes);
        }
        // User modules' services exist only at run time: every path no route has goes to
        // them (and is UNIMPLEMENTED there when no user module serves it).
        tonic::service::Routes::from(
            routes
                .into_axum_router()
                .fallback_service(DynamicRoutes::new(user_modules)),
        )
    });
    let server = server.with_http(crate::gui::router());
    let health = server.health();
    relay_api.report_health(health.clone()).await;
    // Stopped in reverse: modules first, then the change-data machinery, then re-encryption.
    let mut supervisor = Supervisor::new();
    supervisor.add(Box::new(ReencryptionPart(reencryption)));
    supervisor.add(Box::new(CdcPart(cdc)));
    // Federation applies into module databases: it stops before the relay and views.
    if let Err(error) = federation.start().await {
        tracing::error!(%error, "federation did not start; links wait until the next start");
    }
    supervisor.add(Box::new(FederationPart(federation)));
    for part in modules.parts {
        supervisor.add(part);
    }
    let closing_feeds = feeds.clone();
    let serving = server.serve(store.clone(), identity, meta, listener, async move {
        let _ = stopped.await;
        // Subscriptions never finish on their own: end them so in-flight calls can drain.
        closing_feeds.close();
        module_api.stopping();
    });
    tokio::pin!(serving);
    // Demo data goes in through the port, like any client's, once the server listens.
    let demo = demo_data.then(|| crate::seed::demo::start(address, config.data_dir.clone()));
    let result = tokio::select! {
        result = &mut serving => result,
        name = signals.next() => {
            tracing::info!(signal = name, "shutdown requested");
            let _ = stop.send(());
            tokio::select! {
                result = &mut serving => result,
                _ = tokio::time::sleep(SHUTDOWN_GRACE) => {
                    tracing::warn!(grace_secs = SHUTDOWN_GRACE.as_secs(), "in-flight calls did not finish in time; cutting them off");
                    Ok(())
                }
                name = signals.next() => {
                    tracing::warn!(signal = name, "second signal: cutting in-flight calls off");
                    Ok(())
                }
            }
        }
    };
    if let Some(demo) = demo {
        demo.abort();
    }
    supervisor.stop().await;
    store.close().await;
    result.context("the server stopped with an error")?;
    tracing::info!("stopped cleanly");
    Ok(())
}

/// Background re-encryption as a supervised part.
struct ReencryptionPart(Reencryptor);

impl std::fmt::Debug for ReencryptionPart {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ReencryptionPart")
    }
}

#[async_trait::async_trait]
impl Part for ReencryptionPart {
    fn name(&self) -> &str {
        "re-encryption"
    }

    async fn stop(self: Box<Self>) {
        self.0.stop().await;
    }
}

/// The instance's federation: its DID always; links only with `nats` and
/// `federation_domain`.
async fn open_federation(
    store: &orbit_system::store::Store,
    identity: &Identity,
    config: &crate::config::Config,
) -> anyhow::Result<Federation> {
    let names = crate::modules::registry().names();
    let modules = orbit_federation::SHAREABLE_MODULES
        .iter()
        .filter(|m| {
            names.contains(m)
                && (config.modules.is_empty()
                    || **m == "records"
                    || config.modules.iter().any(|c| c == *m))
        })
        .map(|m| m.to_string())
        .collect();
    let mut federation_config = FederationConfig::new(
        config.nats.clone(),
        config.federation_domain.clone(),
        modules,
    );
    if let Some(url) = &config.federation_nats_url {
        federation_config.public_nats_url = url.clone();
    }
    Federation::open(store, identity.clone(), federation_config)
        .await
        .context("cannot open the federation identity")
}

/// Federation as a supervised part.
struct FederationPart(Federation);

impl std::fmt::Debug for FederationPart {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FederationPart")
    }
}

#[async_trait::async_trait]
impl Part for FederationPart {
    fn name(&self) -> &str {
        Federation::NAME
    }

    async fn stop(self: Box<Self>) {
        self.0.stop().await;
    }
}

/// Views, relay and retention as one supervised part (they stop in their own order).
struct CdcPart(Cdc);

impl std::fmt::Debug for CdcPart {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CdcPart")
    }
}

#[async_trait::async_trait]
impl Part for CdcPart {
    fn name(&self) -> &str {
        "views, relay and retention"
    }

    async fn stop(self: Box<Self>) {
        self.0.stop().await;
    }
}

/// SIGINT and SIGTERM, registered before anything slow starts so that an early signal is not
/// lost (it is then handled as soon as the server runs).
struct Signals {
    interrupt: Signal,
    terminate: Signal,
}

impl Signals {
    fn new() -> anyhow::Result<Signals> {
        Ok(Signals {
            interrupt: signal(SignalKind::interrupt()).context("cannot handle SIGINT")?,
            terminate: signal(SignalKind::terminate()).context("cannot handle SIGTERM")?,
        })
    }

    async fn next(&mut self) -> &'static str {
        tokio::select! {
            _ = self.interrupt.recv() => "SIGINT",
            _ = self.terminate.recv() => "SIGTERM",
        }
    }
}
