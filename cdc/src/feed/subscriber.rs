//! One subscription: a task that reads the log from the subscription's position, then takes
//! the hub's pages, and hands filtered events (and heartbeats) to the client's stream through
//! a bounded queue.

use std::sync::Arc;
use std::time::Duration;

use futures::Stream;
use orbit_system::store::Database;
use tokio::sync::{broadcast, mpsc, watch};
use tokio_stream::wrappers::ReceiverStream;

use super::hub::Page;
use super::{FeedError, FeedItem, ScopeFilter};

pub(crate) struct Subscription {
    pub(crate) db: Database,
    pub(crate) after: u64,
    pub(crate) filter: ScopeFilter,
    pub(crate) heartbeat: Duration,
    pub(crate) live: broadcast::Receiver<Arc<Page>>,
    pub(crate) page: u32,
    pub(crate) queue: usize,
    pub(crate) closed: watch::Receiver<bool>,
}

/// Starts the subscription's task; the stream ends when the task does, and the task ends
/// when the client drops the stream.
pub(crate) fn spawn(
    subscription: Subscription,
) -> impl Stream<Item = Result<FeedItem, FeedError>> + Send + 'static {
    let (items, stream) = mpsc::channel(subscription.queue.max(1));
    tokio::spawn(async move {
        let mut task = Task {
            cursor: subscription.after,
            items,
            last_sent: tokio::time::Instant::now(),
            sub: subscription,
        };
        let end = task.run().await;
        if let Err(error) = end {
            // The client may already be gone; then nobody needs to hear it.
            let _ = task.items.send(Err(error)).await;
        }
    });
    ReceiverStream::new(stream)
}

/// Why the task stopped without an error for the client.
struct ClientGone;

struct Task {
    sub: Subscription,
    /// The last sequence number handled (delivered or filtered out).
    cursor: u64,
    items: mpsc::Sender<Result<FeedItem, FeedError>>,
    last_sent: tokio::time::Instant,
}

impl Task {
    async fn run(&mut self) -> Result<(), FeedError> {
        match self.follow().await {
            Ok(Ok(())) | Ok(Err(ClientGone)) => Ok(()),
            Err(error) => Err(error),
        }
    }

    /// Alternates between reading the log and following the hub until the client goes,
    /// the server closes, or the client falls behind.
    async fn follow(&mut self) -> Result<Result<(), ClientGone>, FeedError> {
        loop {
            if let Err(gone) = self.catch_up().await? {
                return Ok(Err(gone));
            }
            // Pages that piled up while reading the log are not the client's fault: if the
            // ring overflowed meanwhile, go back to the log instead of failing.
            let mut fresh = true;
            loop {
                let heartbeat_at = self.last_sent + self.sub.heartbeat;
                tokio::select! {
                    received = self.sub.live.recv() => match received {
                        Ok(page) => {
                            fresh = false;
                            if page.after > self.cursor {
                                // The hub is ahead of what this subscription has seen
                                // (it started later, or skipped while idle): read the gap
                                // from the log.
                                break;
                            }
                            if let Err(gone) = self.deliver(&page).await {
                                return Ok(Err(gone));
                            }
                        }
                        Err(broadcast::error::RecvError::Lagged(_)) if fresh => {
                            self.sub.live = self.sub.live.resubscribe();
                            break;
                        }
                        Err(broadcast::error::RecvError::Lagged(_)) => {
                            return Err(FeedError::Lagged {
                                resume_after: self.cursor,
                                buffered: self.sub.queue,
                            });
                        }
                        Err(broadcast::error::RecvError::Closed) => {
                            return Err(FeedError::ShuttingDown { resume_after: self.cursor });
                        }
                    },
                    _ = tokio::time::sleep_until(heartbeat_at) => {
                        let head = self.cursor;
                        if let Err(gone) = self.send(FeedItem::Heartbeat { head }).await {
                            return Ok(Err(gone));
                        }
                    }
                    _ = self.sub.closed.changed() => {
                        return Err(FeedError::ShuttingDown { resume_after: self.cursor });
                    }
                }
            }
        }
    }

    /// Reads the log from the cursor until it is exhausted.
    async fn catch_up(&mut self) -> Result<Result<(), ClientGone>, FeedError> {
        loop {
            if *self.sub.closed.borrow() {
                return Err(FeedError::ShuttingDown {
                    resume_after: self.cursor,
                });
            }
            let filter = self.sub.filter.clone();
            let page = self
                .sub
                .db
                .changes_matching(self.cursor, self.sub.page, move |scope| filter(scope))
                .await
                .map_err(FeedError::from_store)?;
            if page.scanned_through == self.cursor {
                return Ok(Ok(()));
            }
            for event in page.events {
                let seq = event.seq;
                if let Err(gone) = self.send(FeedItem::Event(Arc::new(event))).await {
                    return Ok(Err(gone));
                }
                self.cursor = seq;
            }
            self.cursor = page.scanned_through;
        }
    }

    /// Delivers the part of a hub page beyond the cursor that passes the filter.
    async fn deliver(&mut self, page: &Page) -> Result<(), ClientGone> {
        for event in &page.events {
            if event.seq <= self.cursor {
                continue;
            }
            if (self.sub.filter)(event.scope.as_ref()) {
                self.send(FeedItem::Event(event.clone())).await?;
            }
            // Per event, so that a client that falls behind mid-page is told exactly where
            // to resume.
            self.cursor = event.seq;
        }
        self.cursor = self.cursor.max(page.through);
        Ok(())
    }

    async fn send(&mut self, item: FeedItem) -> Result<(), ClientGone> {
        self.items.send(Ok(item)).await.map_err(|_| ClientGone)?;
        self.last_sent = tokio::time::Instant::now();
        Ok(())
    }
}
