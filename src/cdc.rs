//! The change-data-capture machinery `orbit serve` runs beside the gRPC server: materialised
//! views, the outbox relay to NATS (with `nats`) and outbox retention (feeds with
//! `feed_retention`, the views' own feed with `view_feed_retention`, both bounded by default),
//! started after the store opens and stopped before it closes.

use anyhow::Context;
use std::sync::Arc;

use orbit_cdc::relay::{EventSigner, Relay, RelayConfig};
use orbit_cdc::retention::{Consumers, PRUNE_EVERY, Retention};
use orbit_cdc::view::{VIEWS_DATABASE, ViewConfig, ViewEngine};
use orbit_system::store::Store;

use crate::config::Config;

/// The views' tuning, with the databases a view may fold: the ones that serve records.
pub(crate) fn view_config() -> ViewConfig {
    ViewConfig {
        sources: crate::modules::sources().clone(),
        codecs: crate::modules::codecs().clone(),
        ..ViewConfig::default()
    }
}

/// What runs; stop it with [`Cdc::stop`].
pub(crate) struct Cdc {
    pub(crate) views: ViewEngine,
    pub(crate) relay: Option<Relay>,
    retention: Vec<Retention>,
}

impl Cdc {
    /// Starts views, then the relay, then retention; on an error, stops what already runs.
    pub(crate) async fn start(
        store: &Store,
        config: &Config,
        signer: Option<Arc<dyn EventSigner>>,
    ) -> anyhow::Result<Cdc> {
        let views = ViewEngine::open(store, view_config())
            .await
            .context("cannot open the views database")?;
        views.start().await.context("cannot start the views")?;
        let mut cdc = Cdc {
            views,
            relay: None,
            retention: Vec::new(),
        };
        if let Err(error) = cdc.start_rest(store, config, signer).await {
            cdc.stop().await;
            return Err(error);
        }
        Ok(cdc)
    }

    async fn start_rest(
        &mut self,
        store: &Store,
        config: &Config,
        signer: Option<Arc<dyn EventSigner>>,
    ) -> anyhow::Result<()> {
        match &config.nats {
            Some(nats) => {
                let mut relay_config = RelayConfig::new(nats.clone(), relayed_modules());
                relay_config.codecs = crate::modules::codecs().clone();
                relay_config.signer = signer;
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
        let consumers = Consumers {
            views: self.views.clone(),
            relay: self.relay.clone(),
        };
        if let Some(keep) = config.feed_retention {
            // Every module database, with a public feed or not: a module without one (survey)
            // still writes an outbox, read by its own views and watches, which retention
            // waits for like any other.
            let databases = crate::modules::registry().databases();
            let retention =
                Retention::spawn(store, &databases, keep, consumers.clone(), PRUNE_EVERY)
                    .await
                    .context("cannot start outbox retention")?;
            tracing::info!(keep, "outbox retention on");
            self.retention.push(retention);
        } else {
            tracing::info!("outbox retention off (feed_retention 0): every change event is kept");
        }
        // The views' own feed is bounded by default: only watchers read it (views fold their
        // sources' feeds, and rebuild from those).
        if let Some(keep) = views_feed_keep(config.feed_retention, config.view_feed_retention) {
            let databases = [VIEWS_DATABASE.to_owned()];
            let retention = Retention::spawn(store, &databases, keep, consumers, PRUNE_EVERY)
                .await
                .context("cannot start retention of the views' feed")?;
            tracing::info!(keep, "views feed retention on");
            self.retention.push(retention);
        }
        Ok(())
    }

    /// Stops retention, the relay (an unacknowledged batch is sent again next time) and the
    /// views, in that order.
    pub(crate) async fn stop(self) {
        for retention in self.retention {
            retention.stop().await;
        }
        if let Some(relay) = &self.relay {
            relay.stop().await;
        }
        self.views.shutdown().await;
    }
}

/// The databases with a public feed, owned.
/// The module databases whose federated events the relay publishes: those a federation link
/// may share and this build runs (chat's feed is closed to clients, not to linked peers).
pub(crate) fn relayed_modules() -> Vec<String> {
    let names = crate::modules::registry().names();
    orbit_federation::SHAREABLE_MODULES
        .iter()
        .filter(|m| names.contains(m))
        .map(|m| m.to_string())
        .collect()
}

/// Events the views' feed keeps: the lower of the two settings (`None`: keep all).
fn views_feed_keep(feeds: Option<u64>, views: Option<u64>) -> Option<u64> {
    match (feeds, views) {
        (Some(feeds), Some(views)) => Some(feeds.min(views)),
        (feeds, views) => feeds.or(views),
    }
}

#[cfg(test)]
mod tests {
    use super::views_feed_keep;

    #[test]
    fn the_views_feed_keeps_the_lower_of_the_two_settings() {
        assert_eq!(views_feed_keep(None, Some(100_000)), Some(100_000));
        assert_eq!(views_feed_keep(Some(50), Some(100_000)), Some(50));
        assert_eq!(views_feed_keep(Some(500_000), Some(100_000)), Some(100_000));
        // `--view-feed-retention 0` keeps all, unless every feed is bounded.
        assert_eq!(views_feed_keep(None, None), None);
        assert_eq!(views_feed_keep(Some(50), None), Some(50));
    }
}
