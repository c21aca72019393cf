//! Live change feeds: one hub per followed database, subscriptions that catch up from the log
//! and then follow live.
//!
//! A [`Feeds`] exists once per server. Following a database starts its hub (at most one per
//! database): a task that reads the outbox once as commits land and hands each page of
//! decrypted events to the live subscribers whose [`Interest`] it concerns (and wakes only
//! those). A subscriber registers at the hub, reads the log from its start position (in
//! pages, filtered by scope before anything is decrypted), then takes the pages queued for it;
//! sequence numbers make the hand-over exact: every event is delivered once, in order, and a
//! subscriber the hub could not keep up with goes back to the log.
//!
//! Memory is bounded in bytes: log pages end after [`orbit_system::store::PAGE_BYTES`], the
//! hub shares only small pages (larger ones are read from the log by each subscriber),
//! and each subscriber's queue is bounded by its own byte budget and its account's
//! (`budget.rs`). A subscriber whose client reads too slowly (falls out of the ring, or leaves
//! its queue full for the stall limit) gets [`FeedError::Lagged`], naming the sequence number
//! to resume after, and lets go of what it held.

mod budget;
mod error;
pub mod event;
mod hub;
mod subscriber;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::Stream;
use orbit_system::store::{ChangeEvent, EventScope, Store};
use tokio::sync::watch;

use budget::Budgets;
pub use error::FeedError;
use hub::Hub;

/// Where a subscription starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// Events with a sequence number above this one (0: the whole retained log).
    After(u64),
    /// Events committed from now on.
    Now,
}

/// One item of a subscription.
#[derive(Debug, Clone)]
pub enum FeedItem {
    /// A change event that passed the subscription's filter.
    Event(Arc<ChangeEvent>),
    /// Nothing happened for a heartbeat interval; `head` is the last sequence number the
    /// subscription has looked at.
    Heartbeat { head: u64 },
}

impl FeedItem {
    /// Roughly the memory the item holds while queued.
    pub(crate) fn bytes(&self) -> usize {
        match self {
            FeedItem::Event(event) => event.bytes(),
            FeedItem::Heartbeat { .. } => 0,
        }
    }
}

/// Tuning of the feeds; the defaults suit a server.
#[derive(Debug, Clone, Copy)]
pub struct FeedConfig {
    /// Events read from the outbox per query.
    pub page: u32,
    /// Pages a hub queues per subscriber that is momentarily behind (and, times 256 KiB,
    /// the bytes all its queues together may hold); beyond that it reads the log.
    pub hub_pages: usize,
    /// Items queued per subscriber between its task and its client's stream.
    pub subscriber_queue: usize,
    /// Bytes of events queued per subscriber (a single larger event is queued alone).
    pub subscriber_bytes: usize,
    /// Bytes of events queued for all subscriptions of one account together.
    pub account_bytes: usize,
    /// How long a subscriber's queue may stay full before the subscription is cut off with
    /// [`FeedError::Lagged`].
    pub stall: Duration,
    /// How often hubs look at the outbox even without a local commit signal (writes by
    /// another process sharing a PostgreSQL store).
    pub poll: Duration,
}

impl Default for FeedConfig {
    fn default() -> Self {
        FeedConfig {
            page: 256,
            hub_pages: 64,
            subscriber_queue: 256,
            subscriber_bytes: 1024 * 1024,
            account_bytes: 32 * 1024 * 1024,
            stall: Duration::from_secs(10),
            poll: Duration::from_secs(1),
        }
    }
}

/// Which events can concern a subscription, so that its hub wakes it only for pages that
/// hold one; its [`ScopeFilter`] then picks the events out. An interest must cover every event
/// the filter accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Interest {
    /// Any scoped event (an org-wide subscription).
    Everything,
    /// Events of one project, of any entity.
    Project(String),
    /// Events of these entities of one project.
    Entities {
        project_id: String,
        entities: Vec<String>,
    },
}

/// Decides, before decrypting, whether an event's scope belongs to a subscription.
pub type ScopeFilter = Arc<dyn Fn(Option<&EventScope>) -> bool + Send + Sync>;

/// The change feeds of one store. Cheap to clone.
#[derive(Clone)]
pub struct Feeds {
    inner: Arc<Inner>,
}

struct Inner {
    store: Store,
    config: FeedConfig,
    budgets: Budgets,
    hubs: Mutex<HashMap<String, Arc<Hub>>>,
    closed: watch::Sender<bool>,
}

impl std::fmt::Debug for Feeds {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Feeds")
            .field("config", &self.inner.config)
            .finish()
    }
}

impl Feeds {
    pub fn new(store: Store) -> Feeds {
        Feeds::with_config(store, FeedConfig::default())
    }

    pub fn with_config(store: Store, config: FeedConfig) -> Feeds {
        Feeds {
            inner: Arc::new(Inner {
                store,
                config,
                budgets: Budgets::new(config.subscriber_bytes, config.account_bytes),
                hubs: Mutex::new(HashMap::new()),
                closed: watch::channel(false).0,
            }),
        }
    }

    /// The store the feeds read.
    pub fn store(&self) -> &Store {
        &self.inner.store
    }

    /// Follows `database`'s change events from `start` for `account` (whose subscriptions
    /// share one byte budget), keeping those of `interest` whose scope `filter` accepts
    /// (events without a scope are never delivered), with a heartbeat after every `heartbeat` without an event. Fails before streaming if `start` is beyond the head
    /// ([`FeedError::BeyondHead`]) or already pruned ([`FeedError::Pruned`]). The stream ends
    /// with [`FeedError::ShuttingDown`] when [`Feeds::close`] is called.
    pub async fn follow(
        &self,
        account: &str,
        database: &str,
        start: Start,
        interest: Interest,
        filter: ScopeFilter,
        heartbeat: Duration,
    ) -> Result<impl Stream<Item = Result<FeedItem, FeedError>> + Send + 'static, FeedError> {
        if *self.inner.closed.borrow() {
            return Err(FeedError::ShuttingDown {
                resume_after: match start {
                    Start::After(after) => after,
                    Start::Now => 0,
                },
            });
        }
        let db = self.inner.store.database(database).await?;
        let hub = self.hub(&db).await?;
        // Register at the hub before reading the log, so nothing committed in between can
        // fall between the two.
        let live = hub.register(&interest);
        let head = db.head().await?;
        let after = match start {
            Start::Now => head,
            Start::After(after) if after > head => {
                return Err(FeedError::BeyondHead {
                    database: database.to_owned(),
                    after,
                    head,
                });
            }
            Start::After(after) => {
                let pruned_through = db.pruned_through().await?;
                if after < pruned_through {
                    return Err(FeedError::Pruned {
                        database: database.to_owned(),
                        pruned_through,
                    });
                }
                after
            }
        };
        let filter: ScopeFilter = Arc::new(move |scope| scope.is_some() && filter(scope));
        Ok(subscriber::spawn(subscriber::Subscription {
            db,
            after,
            filter,
            heartbeat,
            live,
            page: self.inner.config.page,
            queue: self.inner.config.subscriber_queue,
            budget: self.inner.budgets.subscription(account),
            stall: self.inner.config.stall,
            announce: start == Start::Now,
            closed: self.inner.closed.subscribe(),
        }))
    }

    /// Ends every subscription (with [`FeedError::ShuttingDown`]) and stops the hubs, so a
    /// graceful shutdown is not held up by streams that never finish on their own.
    pub fn close(&self) {
        self.inner.closed.send_replace(true);
    }

    async fn hub(&self, db: &orbit_system::store::Database) -> Result<Arc<Hub>, FeedError> {
        if let Some(hub) = self.inner.hubs.lock().expect("hubs lock").get(db.name()) {
            return Ok(hub.clone());
        }
        let head = db.head().await?;
        let mut hubs = self.inner.hubs.lock().expect("hubs lock");
        let hub = hubs.entry(db.name().to_owned()).or_insert_with(|| {
            Hub::spawn(
                db.clone(),
                head,
                self.inner.config,
                self.inner.closed.subscribe(),
            )
        });
        Ok(hub.clone())
    }
}

/// `items` until the first error, which is delivered and ends it (a watch stream built on a
/// feed ends with the error that ended the feed).
pub fn end_after_error<T, E>(
    items: impl Stream<Item = Result<T, E>>,
) -> impl Stream<Item = Result<T, E>> {
    futures::StreamExt::scan(items, false, |ended, item| {
        if *ended {
            return futures::future::ready(None);
        }
        *ended = item.is_err();
        futures::future::ready(Some(item))
    })
}

#[cfg(test)]
mod tests;
