//! A hub: the one task per database that reads the outbox as commits land and hands the
//! decrypted events, a page at a time, to the live subscribers that page concerns.
//!
//! Subscribers register with an [`Interest`] (every event, a project, or some entities of a
//! project), and the hub keeps them indexed by it: a page wakes only the subscribers whose
//! interest one of its events matches, so 1,000 watchers of 100 rooms cost ten wake-ups per
//! post, not a thousand. Each registration has its own short queue of pages; the pages it
//! was not given held nothing it follows, which is what lets its position move past them.
//!
//! Queued pages are bounded in count per subscriber and in bytes per hub: a subscriber that
//! would exceed either loses its queue and is marked *overflowed*, and reads the log instead
//! (its own byte budget then decides whether it keeps up or is cut off).

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::{Arc, Mutex};

use orbit_system::store::{ChangeEvent, DamagedEvent, Database, EventScope};
use tokio::sync::{Notify, watch};

use super::{FeedConfig, Interest};

/// A contiguous stretch of the feed up to `through`: every event of it that has a scope
/// (unscoped events are the instance's own and are left out, hence the explicit end).
#[derive(Debug)]
pub(crate) struct Page {
    pub(crate) through: u64,
    /// Empty when `elided`.
    pub(crate) events: Vec<Arc<ChangeEvent>>,
    /// The page's values were larger than [`SHARED_PAGE_BYTES`]: subscribers read this
    /// stretch from the log themselves, so queues never pin large values.
    pub(crate) elided: bool,
    /// Events of the stretch that cannot be read, in sequence order: a subscriber whose
    /// filter passes one stops there with [`super::FeedError::Damaged`].
    pub(crate) damaged: Vec<Arc<DamagedEvent>>,
    /// Bytes of the values the page holds (0 when elided).
    bytes: usize,
}

/// Bytes of values above which a page is not shared (see [`Page::elided`]).
pub(crate) const SHARED_PAGE_BYTES: usize = 256 * 1024;

/// An index key: a project and one entity, or every entity of the project (`None`).
type ScopeKey = (String, Option<String>);

/// What a registration finds when it looks at its queue.
pub(crate) struct Taken {
    /// Pages that concern it, in order, published since it last looked.
    pub(crate) pages: Vec<Arc<Page>>,
    /// Pages were dropped from its queue: read the log before using `pages`.
    pub(crate) overflowed: bool,
    /// Every page up to here that concerns it is in `pages` (or, if overflowed, in the log).
    pub(crate) position: u64,
}

pub(crate) struct Hub {
    state: Mutex<State>,
    /// Pages each registration may queue.
    queue_pages: usize,
    /// Bytes of pages all registrations together may queue (a page counts once per queue).
    queue_bytes: usize,
}

struct State {
    /// The last sequence number the hub has read (and published, if anyone listened).
    position: u64,
    next_id: u64,
    waiters: HashMap<u64, Waiter>,
    everything: HashSet<u64>,
    by_scope: HashMap<ScopeKey, HashSet<u64>>,
    queued_bytes: usize,
}

struct Waiter {
    keys: Vec<ScopeKey>,
    notify: Arc<Notify>,
    pages: VecDeque<Arc<Page>>,
    overflowed: bool,
    /// Pages that woke it (for tests and diagnostics).
    wakes: u64,
}

impl Hub {
    /// Starts the hub of `db` at sequence number `head`.
    pub(crate) fn spawn(
        db: Database,
        head: u64,
        config: FeedConfig,
        closed: watch::Receiver<bool>,
    ) -> Arc<Hub> {
        let hub = Arc::new(Hub {
            state: Mutex::new(State {
                position: head,
                next_id: 0,
                waiters: HashMap::new(),
                everything: HashSet::new(),
                by_scope: HashMap::new(),
                queued_bytes: 0,
            }),
            queue_pages: config.hub_pages.max(1),
            queue_bytes: config.hub_pages.max(1) * SHARED_PAGE_BYTES,
        });
        tokio::spawn(run(db, head, config, Arc::downgrade(&hub), closed));
        hub
    }

    /// Registers a subscriber; it is told about every page published from now on that holds
    /// an event of `interest`, until the registration is dropped.
    pub(crate) fn register(self: &Arc<Self>, interest: &Interest) -> Registration {
        let keys: Vec<ScopeKey> = match interest {
            Interest::Everything => Vec::new(),
            Interest::Project(project) => vec![(project.clone(), None)],
            Interest::Entities {
                project_id,
                entities,
            } => entities
                .iter()
                .map(|entity| (project_id.clone(), Some(entity.clone())))
                .collect(),
        };
        let notify = Arc::new(Notify::new());
        let mut state = self.lock();
        let id = state.next_id;
        state.next_id += 1;
        if matches!(interest, Interest::Everything) {
            state.everything.insert(id);
        }
        for key in &keys {
            state.by_scope.entry(key.clone()).or_default().insert(id);
        }
        state.waiters.insert(
            id,
            Waiter {
                keys,
                notify: notify.clone(),
                pages: VecDeque::new(),
                overflowed: false,
                wakes: 0,
            },
        );
        Registration {
            hub: self.clone(),
            id,
            notify,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().expect("hub state lock")
    }

    fn listeners(&self) -> usize {
        self.lock().waiters.len()
    }

    /// Moves the position without a page (nobody listened, or the log was pruned under it).
    /// Anyone registered meanwhile was not given what was skipped: they read the log.
    fn skip_to(&self, position: u64) {
        let mut state = self.lock();
        if position <= state.position {
            return;
        }
        state.position = position;
        let mut dropped = 0;
        for waiter in state.waiters.values_mut() {
            dropped += waiter.pages.drain(..).map(|page| page.bytes).sum::<usize>();
            waiter.overflowed = true;
            waiter.notify.notify_one();
        }
        state.queued_bytes -= dropped;
    }

    /// Queues `page` for every registration it concerns and wakes them.
    fn publish(&self, page: Page, scopes: HashSet<(&str, &str)>) {
        let page = Arc::new(page);
        let mut state = self.lock();
        let state = &mut *state;
        state.position = state.position.max(page.through);
        let mut concerned: HashSet<u64> = state.everything.clone();
        for (project, entity) in scopes {
            // Index lookups need owned keys; a page holds few distinct scopes.
            for key in [
                (project.to_owned(), Some(entity.to_owned())),
                (project.to_owned(), None),
            ] {
                if let Some(ids) = state.by_scope.get(&key) {
                    concerned.extend(ids);
                }
            }
        }
        for id in concerned {
            let Some(waiter) = state.waiters.get_mut(&id) else {
                continue;
            };
            if !waiter.overflowed {
                if waiter.pages.len() >= self.queue_pages
                    || state.queued_bytes + page.bytes > self.queue_bytes
                {
                    // This subscriber has fallen behind: it reads the log instead.
                    let dropped: usize = waiter.pages.drain(..).map(|page| page.bytes).sum();
                    state.queued_bytes -= dropped;
                    waiter.overflowed = true;
                } else {
                    state.queued_bytes += page.bytes;
                    waiter.pages.push_back(page.clone());
                }
            }
            waiter.wakes += 1;
            waiter.notify.notify_one();
        }
    }

    /// How many pages woke each registration, in the order they registered.
    #[cfg(test)]
    pub(crate) fn wakes(&self) -> Vec<u64> {
        let state = self.lock();
        let mut wakes: Vec<(u64, u64)> =
            state.waiters.iter().map(|(id, w)| (*id, w.wakes)).collect();
        wakes.sort_unstable();
        wakes.into_iter().map(|(_, wakes)| wakes).collect()
    }
}

/// A subscriber's place at its hub; dropping it unregisters.
pub(crate) struct Registration {
    hub: Arc<Hub>,
    id: u64,
    notify: Arc<Notify>,
}

impl Registration {
    /// Waits until a page concerning this registration is queued (returns at once if one
    /// was queued since the last [`Registration::take`]).
    pub(crate) async fn notified(&self) {
        self.notify.notified().await;
    }

    /// Takes what was queued.
    pub(crate) fn take(&self) -> Taken {
        let mut state = self.hub.lock();
        let state = &mut *state;
        let position = state.position;
        let waiter = state.waiters.get_mut(&self.id).expect("registered");
        let pages: Vec<Arc<Page>> = waiter.pages.drain(..).collect();
        let overflowed = std::mem::take(&mut waiter.overflowed);
        state.queued_bytes -= pages.iter().map(|page| page.bytes).sum::<usize>();
        Taken {
            pages,
            overflowed,
            position,
        }
    }
}

impl Drop for Registration {
    fn drop(&mut self) {
        let mut state = self.hub.lock();
        let state = &mut *state;
        if let Some(waiter) = state.waiters.remove(&self.id) {
            state.queued_bytes -= waiter.pages.iter().map(|page| page.bytes).sum::<usize>();
            state.everything.remove(&self.id);
            for key in waiter.keys {
                if let Some(ids) = state.by_scope.get_mut(&key) {
                    ids.remove(&self.id);
                    if ids.is_empty() {
                        state.by_scope.remove(&key);
                    }
                }
            }
        }
    }
}

async fn run(
    db: Database,
    mut cursor: u64,
    config: FeedConfig,
    hub: std::sync::Weak<Hub>,
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
        let Some(hub) = hub.upgrade() else { break };
        // Read until the outbox is exhausted, a page per publication.
        loop {
            if hub.listeners() == 0 {
                // Nobody listens: skip ahead without decrypting. A new subscriber reads
                // everything before the hub's position from the log. A local commit says
                // its head itself; only the poll (other processes' commits) asks the store.
                if !polled {
                    cursor = cursor.max(*commits.borrow_and_update());
                } else {
                    match db.head().await {
                        Ok(head) => cursor = cursor.max(head),
                        Err(error) => {
                            tracing::warn!(database = db.name(), %error, "feed hub cannot read the head")
                        }
                    }
                }
                hub.skip_to(cursor);
                break;
            }
            match db
                .changes_reporting_damage(cursor, config.page, |scope| scope.is_some())
                .await
            {
                Ok(page) if page.scanned_through == cursor => break,
                Ok(page) => {
                    // Read once per hub, so logged once: the feed goes on for everyone else.
                    for damaged in &page.damaged {
                        tracing::error!(
                            database = %damaged.database,
                            keyspace = %damaged.keyspace,
                            key = %damaged.display_key(),
                            seq = damaged.seq,
                            reason = %damaged.reason,
                            "change event cannot be read; subscribers that reach it get DATA_LOSS"
                        );
                    }
                    let through = page.scanned_through;
                    let bytes: usize = page.events.iter().map(ChangeEvent::bytes).sum();
                    let elided = bytes > SHARED_PAGE_BYTES;
                    let scoped = |scope: Option<&EventScope>| {
                        scope.map(|s| (s.project_id.clone(), s.entity.clone()))
                    };
                    let keys: Vec<(String, String)> = page
                        .events
                        .iter()
                        .filter_map(|event| scoped(event.scope.as_ref()))
                        .chain(
                            page.damaged
                                .iter()
                                .filter_map(|damaged| scoped(damaged.scope.as_ref())),
                        )
                        .collect();
                    let scopes = keys.iter().map(|(p, e)| (p.as_str(), e.as_str())).collect();
                    let damaged = page.damaged.into_iter().map(Arc::new).collect();
                    let (events, bytes) = if elided {
                        (Vec::new(), 0)
                    } else {
                        (page.events.into_iter().map(Arc::new).collect(), bytes)
                    };
                    hub.publish(
                        Page {
                            through,
                            events,
                            elided,
                            damaged,
                            bytes,
                        },
                        scopes,
                    );
                    cursor = through;
                }
                Err(orbit_system::store::StoreError::Pruned { pruned_through, .. }) => {
                    // Pruned under the hub (it was idle): continue after the pruned part;
                    // subscribers notice the gap and fail with Pruned from the log.
                    cursor = cursor.max(pruned_through);
                    hub.skip_to(cursor);
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
