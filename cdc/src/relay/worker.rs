//! The relay task: follows each module feed's outbox, publishes the federated events in
//! sequence order, records its position after every acknowledged batch, and on any failure
//! (NATS down, slow or out of step) waits with back-off, finds its place in the stream again
//! and carries on. Events wait in the outbox meanwhile; the rest of the instance never waits
//! for the relay.

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use backon::{BackoffBuilder, ExponentialBackoff, ExponentialBuilder};
use orbit_system::store::{Database, EventScope, StoreError};
use tokio::sync::watch;

use crate::relay::RelayError;
use crate::relay::message::outgoing;
use crate::relay::position::{Position, Positions};
use crate::relay::publisher::Publisher;
use crate::relay::status::Shared;

/// Skipped (non-federated) progress is recorded at least this often in events; losing it
/// costs only a re-scan, so it is not written after every page.
const SKIP_PERSIST_EVERY: u64 = 4096;

/// One followed module feed.
pub(crate) struct Feed {
    pub(crate) module: String,
    pub(crate) db: Database,
    pub(crate) position: Position,
    /// The sequence number last written to the store.
    pub(crate) persisted: u64,
    pub(crate) heads: watch::Receiver<u64>,
}

pub(crate) struct Worker {
    pub(crate) instance: String,
    pub(crate) feeds: Vec<Feed>,
    pub(crate) positions: Positions,
    pub(crate) publisher: Publisher,
    pub(crate) shared: Arc<Shared>,
    pub(crate) page: u32,
    pub(crate) poll: Duration,
    pub(crate) backoff: ExponentialBuilder,
    pub(crate) stop: watch::Receiver<bool>,
}

/// Only events of federating projects leave the instance.
fn is_federated(scope: Option<&EventScope>) -> bool {
    scope.is_some_and(|scope| scope.federated)
}

impl Worker {
    pub(crate) async fn run(mut self) {
        let mut delays = self.backoff.build();
        while !self.stopping() {
            let result = match self.sync().await {
                Ok(()) => self.relay(&mut delays).await,
                Err(error) => Err(error),
            };
            match result {
                Ok(()) => break,
                Err(error) => {
                    tracing::warn!(%error, "relay paused; events wait in the outbox");
                    self.shared.set_failed(error.to_string());
                    let delay = delays.next().unwrap_or(self.poll);
                    if !self.pause(delay).await {
                        break;
                    }
                }
            }
        }
        self.save_skipped().await;
        tracing::debug!("relay stopped");
    }

    fn stopping(&self) -> bool {
        *self.stop.borrow()
    }

    /// Sleeps `delay` unless asked to stop; false if stopping.
    async fn pause(&mut self, delay: Duration) -> bool {
        let slept = tokio::select! {
            _ = tokio::time::sleep(delay) => true,
            _ = self.stop.wait_for(|stop| *stop) => false,
        };
        slept && !self.stopping()
    }

    /// Finds the relay's place in the stream: a module whose event is the stream's last
    /// message continues after it, even if its recorded position is older (stopped between
    /// the acknowledgement and the position write).
    async fn sync(&mut self) -> Result<(), RelayError> {
        let point = tokio::select! {
            point = self.publisher.sync() => point?,
            _ = self.stop.wait_for(|stop| *stop) => return Ok(()),
        };
        if let Some((module, seq)) = point.last_relayed {
            if let Some(feed) = self.feeds.iter_mut().find(|f| f.module == module) {
                if seq > feed.position.seq {
                    tracing::info!(
                        module,
                        from = feed.position.seq,
                        to = seq,
                        "the stream is ahead of the recorded relay position; resuming after its last message"
                    );
                    feed.position.seq = seq;
                    self.positions.save(&feed.module, feed.position).await?;
                    feed.persisted = seq;
                    self.shared.set_position(&feed.module, feed.position);
                }
            }
        }
        self.shared.set_synced();
        Ok(())
    }

    /// Relays until asked to stop (`Ok`) or until something fails.
    async fn relay(&mut self, delays: &mut ExponentialBackoff) -> Result<(), RelayError> {
        loop {
            let mut progressed = false;
            for index in 0..self.feeds.len() {
                if self.stopping() {
                    return Ok(());
                }
                if self.relay_page(index).await? {
                    progressed = true;
                    *delays = self.backoff.build();
                }
            }
            if !progressed {
                self.wait_for_events().await;
            }
        }
    }

    /// Relays the next page of feed `index`; true if its position moved.
    async fn relay_page(&mut self, index: usize) -> Result<bool, RelayError> {
        let feed = &mut self.feeds[index];
        let after = feed.position.seq;
        let page = match feed
            .db
            .changes_matching(after, self.page, is_federated)
            .await
        {
            Ok(page) => page,
            Err(StoreError::Pruned { pruned_through, .. }) => {
                // The events are gone; waiting would block the feed forever.
                tracing::error!(
                    module = feed.module,
                    after,
                    pruned_through,
                    "outbox events were pruned before the relay published them; they are lost to federation"
                );
                feed.position.seq = pruned_through;
                self.positions.save(&feed.module, feed.position).await?;
                feed.persisted = pruned_through;
                self.shared.set_position(&feed.module, feed.position);
                return Ok(true);
            }
            Err(error) => return Err(error.into()),
        };
        if page.scanned_through <= after {
            return Ok(false);
        }
        if !page.events.is_empty() {
            let batch = page
                .events
                .iter()
                .map(|event| outgoing(&self.instance, &feed.module, event))
                .collect();
            tokio::select! {
                published = self.publisher.publish(&feed.module, batch) => published?,
                // Unacknowledged events are sent again after the restart.
                _ = self.stop.wait_for(|stop| *stop) => return Ok(false),
            }
            feed.position.last_published_at = Some(SystemTime::now());
        }
        feed.position.seq = page.scanned_through;
        if !page.events.is_empty() || feed.position.seq - feed.persisted >= SKIP_PERSIST_EVERY {
            self.positions.save(&feed.module, feed.position).await?;
            feed.persisted = feed.position.seq;
        }
        self.shared.set_position(&feed.module, feed.position);
        Ok(true)
    }

    /// Waits for a commit to any followed feed, the poll interval (commits of other
    /// processes sharing a PostgreSQL store are not signalled) or a stop.
    async fn wait_for_events(&mut self) {
        let commits = futures::future::select_all(self.feeds.iter_mut().map(|feed| {
            Box::pin(async move {
                if feed.heads.changed().await.is_err() {
                    // The store is closing; the poll interval paces the loop until the stop.
                    futures::future::pending::<()>().await;
                }
            })
        }));
        tokio::select! {
            _ = commits => {}
            _ = tokio::time::sleep(self.poll) => {}
            _ = self.stop.wait_for(|stop| *stop) => {}
        }
    }

    /// Records skipped progress not yet written, so a restart does not scan it again.
    async fn save_skipped(&mut self) {
        for feed in &mut self.feeds {
            if feed.position.seq > feed.persisted {
                match self.positions.save(&feed.module, feed.position).await {
                    Ok(()) => feed.persisted = feed.position.seq,
                    Err(error) => {
                        tracing::warn!(module = feed.module, %error, "cannot record the relay position")
                    }
                }
            }
        }
    }
}
