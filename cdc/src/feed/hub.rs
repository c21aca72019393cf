//! A hub: the one task per database that reads the outbox as commits land and broadcasts the
//! decrypted events, a page at a time, to every live subscriber of that database.

use std::sync::Arc;

use orbit_system::store::{ChangeEvent, Database};
use tokio::sync::{broadcast, watch};

use super::FeedConfig;

/// A contiguous stretch of the feed: every event with `after < seq <= through` that has a
/// scope (unscoped events are the instance's own and are left out, hence the explicit range).
#[derive(Debug)]
pub(crate) struct Page {
    pub(crate) after: u64,
    pub(crate) through: u64,
    pub(crate) events: Vec<Arc<ChangeEvent>>,
}

pub(crate) struct Hub {
    pages: broadcast::Sender<Arc<Page>>,
}

impl Hub {
    /// Starts the hub of `db` at sequence number `head`.
    pub(crate) fn spawn(
        db: Database,
        head: u64,
        config: FeedConfig,
        closed: watch::Receiver<bool>,
    ) -> Arc<Hub> {
        let (pages, _) = broadcast::channel(config.hub_pages.max(1));
        let hub = Arc::new(Hub {
            pages: pages.clone(),
        });
        tokio::spawn(run(db, head, config, pages, closed));
        hub
    }

    pub(crate) fn subscribe(&self) -> broadcast::Receiver<Arc<Page>> {
        self.pages.subscribe()
    }
}

async fn run(
    db: Database,
    mut cursor: u64,
    config: FeedConfig,
    pages: broadcast::Sender<Arc<Page>>,
    mut closed: watch::Receiver<bool>,
) {
    let mut commits = db.watch_head();
    let mut poll = tokio::time::interval(config.poll);
    poll.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        let polled = tokio::select! {
            _ = commits.changed() => false,
            _ = poll.tick() => true,
            changed = closed.changed() => {
                // The feeds are gone without a close: nobody can subscribe any more.
                if changed.is_err() {
                    break;
                }
                false
            }
        };
        if *closed.borrow() {
            break;
        }
        // Read until the outbox is exhausted, a page per broadcast.
        loop {
            if pages.receiver_count() == 0 {
                // Nobody listens: skip ahead without decrypting. A new subscriber reads
                // everything before the hub's position from the log. A local commit says
                // its head itself; only the poll (other processes' commits) asks the store.
                if !polled {
                    cursor = cursor.max(*commits.borrow_and_update());
                    break;
                }
                match db.head().await {
                    Ok(head) => cursor = cursor.max(head),
                    Err(error) => {
                        tracing::warn!(database = db.name(), %error, "feed hub cannot read the head")
                    }
                }
                break;
            }
            match db
                .changes_matching(cursor, config.page, |scope| scope.is_some())
                .await
            {
                Ok(page) if page.scanned_through == cursor => break,
                Ok(page) => {
                    let through = page.scanned_through;
                    let events = page.events.into_iter().map(Arc::new).collect();
                    let _ = pages.send(Arc::new(Page {
                        after: cursor,
                        through,
                        events,
                    }));
                    cursor = through;
                }
                Err(orbit_system::store::StoreError::Pruned { pruned_through, .. }) => {
                    // Pruned under the hub (it was idle): continue after the pruned part;
                    // subscribers notice the gap and fail with Pruned from the log.
                    cursor = cursor.max(pruned_through);
                }
                Err(error) => {
                    tracing::warn!(database = db.name(), %error, "feed hub cannot read the outbox; retrying");
                    break;
                }
            }
        }
    }
    tracing::debug!(database = db.name(), "feed hub stopped");
}
