//! The change-data-capture machinery `orbit serve` runs beside the gRPC server: materialised
//! views, the outbox relay to NATS (with `nats`) and outbox retention (with
//! `feed_retention`), started after the store opens and stopped before it closes.

use anyhow::Context;
use orbit_cdc::relay::{Relay, RelayConfig};
use orbit_cdc::retention::{Consumers, PRUNE_EVERY, Retention};
use orbit_cdc::view::{VIEWS_DATABASE, ViewConfig, ViewEngine};
use orbit_system::store::Store;

use crate::config::Config;

/// The databases whose change events clients may follow (compiled-in modules join here).
pub(crate) const FEED_MODULES: [&str; 1] = ["records"];

/// What runs; stop it with [`Cdc::stop`].
pub(crate) struct Cdc {
    pub(crate) views: ViewEngine,
    pub(crate) relay: Option<Relay>,
    retention: Option<Retention>,
}

impl Cdc {
    /// Starts views, then the relay, then retention; on an error, stops what already runs.
    pub(crate) async fn start(store: &Store, config: &Config) -> anyhow::Result<Cdc> {
        let views = ViewEngine::open(store, ViewConfig::default())
            .await
            .context("cannot open the views database")?;
        views.start().await.context("cannot start the views")?;
        let mut cdc = Cdc {
            views,
            relay: None,
            retention: None,
        };
        if let Err(error) = cdc.start_rest(store, config).await {
            cdc.stop().await;
            return Err(error);
        }
        Ok(cdc)
    }

    async fn start_rest(&mut self, store: &Store, config: &Config) -> anyhow::Result<()> {
        match &config.nats {
            Some(nats) => {
                let relay_config =
                    RelayConfig::new(nats.clone(), FEED_MODULES.map(String::from).to_vec());
                // It connects in the background: an unreachable NATS server does not hold up
                // the start; the relay reports itself down until it connects.
                let relay = Relay::start(store, relay_config)
                    .await
                    .context("cannot start the outbox relay")?;
                self.relay = Some(relay);
            }
            None => {
                tracing::info!("relay off (no nats): federated change events stay in the outbox")
            }
        }
        if let Some(keep) = config.feed_retention {
            let mut databases: Vec<String> = FEED_MODULES.map(String::from).to_vec();
            databases.push(VIEWS_DATABASE.to_owned());
            let consumers = Consumers {
                views: self.views.clone(),
                relay: self.relay.clone(),
            };
            let retention = Retention::spawn(store, &databases, keep, consumers, PRUNE_EVERY)
                .await
                .context("cannot start outbox retention")?;
            tracing::info!(keep, "outbox retention on");
            self.retention = Some(retention);
        }
        Ok(())
    }

    /// Stops retention, the relay (an unacknowledged batch is sent again next time) and the
    /// views, in that order.
    pub(crate) async fn stop(self) {
        if let Some(retention) = self.retention {
            retention.stop().await;
        }
        if let Some(relay) = &self.relay {
            relay.stop().await;
        }
        self.views.shutdown().await;
    }
}
