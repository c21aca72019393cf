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
use orbit_proto::orbit::cdc::v1::feed_service_server::FeedServiceServer;
use orbit_proto::orbit::cdc::v1::relay_service_server::RelayServiceServer;
use orbit_proto::orbit::cdc::v1::view_service_server::ViewServiceServer;
use orbit_system::identity::{Identity, IdentityConfig};
use orbit_system::server::{GrpcServer, InstanceMeta, Reencryptor};
use tokio::signal::unix::{Signal, SignalKind, signal};

use crate::cdc::{Cdc, FEED_MODULES};
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

    let store = crate::store::open(&config).await?;
    if let Err(error) = store.database("system").await {
        store.close().await;
        return Err(anyhow::anyhow!(crate::store::with_hint(&error)));
    }
    let transport = match &tls {
        None => "plaintext",
        Some(tls) if tls.is_mutual() => "mutual TLS",
        Some(_) => "TLS",
    };
    tracing::info!(
        version = env!("CARGO_PKG_VERSION"),
        instance = %store.instance_id(),
        config = %config.file.as_deref().map_or_else(|| "none".into(), |f| f.display().to_string()),
        "listening on {address} ({transport}, gRPC and gRPC-Web); store {} at {}",
        store.backend_name(),
        store.location()
    );

    let meta = InstanceMeta {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        // No module is compiled in yet; the binary is the only place that knows them.
        modules: Vec::new(),
        started_at: SystemTime::now(),
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
        ..IdentityConfig::default()
    };
    let identity = match Identity::open(&store, identity_config).await {
        Ok(identity) => identity,
        Err(error) => {
            store.close().await;
            return Err(anyhow::anyhow!("cannot open identity: {error}"));
        }
    };
    let cdc = match Cdc::start(&store, &config).await {
        Ok(cdc) => cdc,
        Err(error) => {
            store.close().await;
            return Err(error);
        }
    };
    let feeds = Feeds::new(store.clone());
    let view_api = ViewApi::new(cdc.views.clone(), feeds.clone(), identity.clone());
    let feed_api = FeedApi::new(
        feeds.clone(),
        identity.clone(),
        FEED_MODULES.map(String::from).to_vec(),
    );
    let relay_api = RelayApi::new(cdc.relay.clone());
    let server = server.with_routes(|routes| {
        routes
            .add_service(FeedServiceServer::new(feed_api))
            .add_service(ViewServiceServer::new(view_api))
            .add_service(RelayServiceServer::new(relay_api.clone()))
    });
    let health = server.health();
    health.set_serving::<FeedServiceServer<FeedApi>>().await;
    health.set_serving::<ViewServiceServer<ViewApi>>().await;
    relay_api.report_health(health.clone()).await;
    let closing_feeds = feeds.clone();
    let serving = server.serve(store.clone(), identity, meta, listener, async move {
        let _ = stopped.await;
        // Subscriptions never finish on their own: end them so in-flight calls can drain.
        closing_feeds.close();
    });
    tokio::pin!(serving);
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
    reencryption.stop().await;
    cdc.stop().await;
    store.close().await;
    result.context("the server stopped with an error")?;
    tracing::info!("stopped cleanly");
    Ok(())
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
