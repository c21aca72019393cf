//! One subscription: a task that reads the log from the subscription's position, then takes
//! the pages the hub queues for it (only those holding events of its interest), and hands filtered events (and heartbeats) to the client's stream through
//! a queue bounded in items and in bytes (its own budget and its account's).
//!
//! A client that stops reading stops the task once the queue is full; if it stays stopped for
//! the stall limit, the subscription ends with [`FeedError::Lagged`] and lets go of
//! everything it read. The error reaches the client after what was already queued.
//!
//! An event of its scope that cannot be read (altered on disk) ends the subscription with
//! [`FeedError::Damaged`] after every event before it; resuming after that event skips it,
//! which is the client's decision.

use std::sync::Arc;
use std::time::Duration;

use futures::{Stream, StreamExt};
use orbit_system::store::Database;
use tokio::sync::{mpsc, oneshot, watch};
use tokio_stream::wrappers::ReceiverStream;

use super::budget::{Budget, Held};
use super::hub::{Page, Registration};
use super::{FeedError, FeedItem, ScopeFilter};

pub(crate) struct Subscription {
    pub(crate) db: Database,
    pub(crate) after: u64,
    pub(crate) filter: ScopeFilter,
    pub(crate) heartbeat: Duration,
    /// Registered at the hub before the log was read, so nothing falls between the two.
    pub(crate) live: Registration,
    pub(crate) page: u32,
    pub(crate) queue: usize,
    pub(crate) budget: Budget,
    pub(crate) stall: Duration,
    /// Send a heartbeat with the start position first (a subscription from now has nothing
    /// else to show that it is live).
    pub(crate) announce: bool,
    pub(crate) closed: watch::Receiver<bool>,
}

/// Starts the subscription's task; the stream ends when the task does (after its error, if
/// it ended with one), and the task ends when the client drops the stream.
pub(crate) fn spawn(
    subscription: Subscription,
) -> impl Stream<Item = Result<FeedItem, FeedError>> + Send + 'static {
    let (items, queued) = mpsc::channel::<(FeedItem, Held)>(subscription.queue.max(1));
    let (ended, end) = oneshot::channel::<FeedError>();
    tokio::spawn(async move {
        let mut task = Task {
            cursor: subscription.after,
            items,
            last_sent: tokio::time::Instant::now(),
            sub: subscription,
        };
        if let Err(Halt::Error(error)) = task.follow().await {
            // The client may already be gone; then nobody needs to hear it.
            let _ = ended.send(error);
        }
    });
    // The held bytes go back to the budget as the client's stream takes each item.
    let items = ReceiverStream::new(queued).map(|(item, _held)| Ok(item));
    let end = futures::stream::once(end).filter_map(|end| async move { end.ok().map(Err) });
    items.chain(end)
}

/// Why the task stopped.
enum Halt {
    /// The client dropped its stream: nobody to tell.
    Gone,
    /// The client is told this after what was queued.
    Error(FeedError),
}

impl From<FeedError> for Halt {
    fn from(error: FeedError) -> Self {
        Halt::Error(error)
    }
}

struct Task {
    sub: Subscription,
    /// The last sequence number handled (delivered or filtered out).
    cursor: u64,
    items: mpsc::Sender<(FeedItem, Held)>,
    last_sent: tokio::time::Instant,
}

impl Task {
    /// Reads the log, then follows what the hub queues for this subscription, until the
    /// client goes, the server closes, or the client falls behind.
    async fn follow(&mut self) -> Result<(), Halt> {
        if self.sub.announce {
            let head = self.cursor;
            self.send(FeedItem::Heartbeat { head }).await?;
        }
        self.catch_up().await?;
        loop {
            self.drain_queue().await?;
            let heartbeat_at = self.last_sent + self.sub.heartbeat;
            tokio::select! {
                () = self.sub.live.notified() => {}
                () = tokio::time::sleep_until(heartbeat_at) => {
                    // Say the newest position: what was queued meanwhile goes first.
                    self.drain_queue().await?;
                    if self.last_sent + self.sub.heartbeat <= tokio::time::Instant::now() {
                        let head = self.cursor;
                        self.send(FeedItem::Heartbeat { head }).await?;
                    }
                }
                _ = self.sub.closed.changed() => return Err(self.shutting_down()),
            }
        }
    }

    /// Delivers the pages the hub queued for this subscription. Pages it was not given held
    /// nothing of its scope, so afterwards its position is the hub's.
    async fn drain_queue(&mut self) -> Result<(), Halt> {
        let taken = self.sub.live.take();
        if taken.overflowed {
            // It fell behind (or the hub skipped ahead): what was dropped is in the log.
            self.catch_up().await?;
        }
        for page in &taken.pages {
            if page.through <= self.cursor {
                continue;
            }
            if page.elided {
                // Too large to share: read it (and anything after it) from the log.
                self.catch_up().await?;
                continue;
            }
            self.deliver(page).await?;
        }
        self.cursor = self.cursor.max(taken.position);
        Ok(())
    }

    /// Reads the log from the cursor until it is exhausted.
    async fn catch_up(&mut self) -> Result<(), Halt> {
        loop {
            if *self.sub.closed.borrow() {
                return Err(self.shutting_down());
            }
            let filter = self.sub.filter.clone();
            let page = self
                .sub
                .db
                .changes_reporting_damage(self.cursor, self.sub.page, move |scope| filter(scope))
                .await
                .map_err(FeedError::from_store)?;
            if page.scanned_through == self.cursor {
                return Ok(());
            }
            // Only events of the subscription's scope were opened, so any damaged one is its.
            let stop = page.damaged.first();
            for event in page.events {
                if stop.is_some_and(|damaged| event.seq > damaged.seq) {
                    break;
                }
                let seq = event.seq;
                self.send(FeedItem::Event(Arc::new(event))).await?;
                self.cursor = seq;
            }
            if let Some(damaged) = stop {
                self.cursor = damaged.seq - 1;
                return Err(FeedError::damaged(damaged).into());
            }
            self.cursor = page.scanned_through;
        }
    }

    /// Delivers the part of a hub page beyond the cursor that passes the filter.
    async fn deliver(&mut self, page: &Page) -> Result<(), Halt> {
        let stop = page
            .damaged
            .iter()
            .find(|damaged| damaged.seq > self.cursor && (self.sub.filter)(damaged.scope.as_ref()))
            .cloned();
        for event in &page.events {
            if event.seq <= self.cursor {
                continue;
            }
            if stop.as_ref().is_some_and(|damaged| event.seq > damaged.seq) {
                break;
            }
            if (self.sub.filter)(event.scope.as_ref()) {
                self.send(FeedItem::Event(event.clone())).await?;
            }
            // Per event, so that a client that falls behind mid-page is told exactly where
            // to resume.
            self.cursor = event.seq;
        }
        if let Some(damaged) = stop {
            self.cursor = damaged.seq - 1;
            return Err(FeedError::damaged(&damaged).into());
        }
        self.cursor = self.cursor.max(page.through);
        Ok(())
    }

    /// Queues one item once its bytes fit the budgets and the queue has room; a client that
    /// leaves no room for the stall limit is cut off.
    async fn send(&mut self, item: FeedItem) -> Result<(), Halt> {
        let bytes = item.bytes();
        let stalled = tokio::time::sleep(self.sub.stall);
        tokio::pin!(stalled);
        let held = tokio::select! {
            held = self.sub.budget.reserve(bytes) => held,
            () = &mut stalled => return Err(self.lagged()),
            () = self.items.closed() => return Err(Halt::Gone),
        };
        let slot = tokio::select! {
            slot = self.items.reserve() => slot.map_err(|_| Halt::Gone)?,
            () = &mut stalled => return Err(self.lagged()),
        };
        slot.send((item, held));
        self.last_sent = tokio::time::Instant::now();
        Ok(())
    }

    fn lagged(&self) -> Halt {
        Halt::Error(FeedError::Lagged {
            resume_after: self.cursor,
        })
    }

    fn shutting_down(&self) -> Halt {
        Halt::Error(FeedError::ShuttingDown {
            resume_after: self.cursor,
        })
    }
}
