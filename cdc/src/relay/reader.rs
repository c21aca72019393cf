//! The reading stage of the relay: one task per module feed reads its outbox after a
//! position, keeps the federated events (decided before decrypting), turns them into messages
//! and hands them to the publishing loop in order, then waits for the next commit. Reading and
//! encoding thus run beside publishing instead of between two windows of it.

use std::time::Duration;

use orbit_system::store::{Database, EventScope, StoreError};
use tokio::sync::mpsc;

use crate::relay::RelayError;
use crate::relay::message::{Outgoing, outgoing};

/// One page of a feed's outbox, ready to publish.
pub(crate) struct Page {
    /// Index of the feed.
    pub(crate) feed: usize,
    /// The federated events of the page, in sequence order.
    pub(crate) events: Vec<Outgoing>,
    /// The last sequence number the page covers (published or skipped).
    pub(crate) scanned_through: u64,
    /// The page jumps over pruned events: record the new position at once.
    pub(crate) pruned: bool,
}

/// Reads one feed from `after` on.
pub(crate) struct Reader {
    pub(crate) feed: usize,
    pub(crate) module: String,
    pub(crate) instance: String,
    pub(crate) codecs: crate::codec::Codecs,
    pub(crate) signer: Option<std::sync::Arc<dyn super::message::EventSigner>>,
    pub(crate) db: Database,
    pub(crate) after: u64,
    pub(crate) page: u32,
    pub(crate) poll: Duration,
}

/// Only events of federating projects leave the instance.
fn is_federated(scope: Option<&EventScope>) -> bool {
    scope.is_some_and(|scope| scope.federated)
}

impl Reader {
    /// Runs until the publishing loop drops its receiver; a store error is handed on and ends
    /// the reader.
    pub(crate) async fn run(mut self, pages: mpsc::Sender<Result<Page, RelayError>>) {
        // Subscribed before the first read, so no commit can slip between read and wait.
        let mut heads = self.db.watch_head();
        loop {
            let page = match self.read().await {
                Ok(Some(page)) => page,
                Ok(None) => {
                    tokio::select! {
                        changed = heads.changed() => {
                            if changed.is_err() {
                                // The store is closing; poll until the relay stops.
                                tokio::time::sleep(self.poll).await;
                            }
                        }
                        _ = tokio::time::sleep(self.poll) => {}
                    }
                    continue;
                }
                Err(error) => {
                    let _ = pages.send(Err(error)).await;
                    return;
                }
            };
            self.after = page.scanned_through;
            if pages.send(Ok(page)).await.is_err() {
                return;
            }
        }
    }

    /// The next page, or `None` when the feed has nothing after `after`.
    async fn read(&self) -> Result<Option<Page>, RelayError> {
        let page = match self
            .db
            .changes_matching(self.after, self.page, is_federated)
            .await
        {
            Ok(page) => page,
            Err(StoreError::Pruned { pruned_through, .. }) => {
                // The events are gone; waiting would block the feed forever.
                tracing::error!(
                    module = self.module,
                    after = self.after,
                    pruned_through,
                    "outbox events were pruned before the relay published them; they are lost to federation"
                );
                return Ok(Some(Page {
                    feed: self.feed,
                    events: Vec::new(),
                    scanned_through: pruned_through,
                    pruned: true,
                }));
            }
            Err(error) => return Err(error.into()),
        };
        if page.scanned_through <= self.after {
            return Ok(None);
        }
        Ok(Some(Page {
            feed: self.feed,
            events: page
                .events
                .iter()
                .map(|event| {
                    outgoing(
                        &self.instance,
                        &self.module,
                        event,
                        &self.codecs,
                        self.signer.as_deref(),
                    )
                })
                .collect(),
            scanned_through: page.scanned_through,
            pruned: false,
        }))
    }
}
