//! The relay task: publishes the pages its readers (`reader.rs`, one per module feed) hand
//! over, keeping a window of unacknowledged publishes in flight across pages, records each
//! feed's position once every event of a page is acknowledged, and on any failure (NATS down,
//! slow or out of step) waits with back-off, finds its place in the stream again and carries
//! on from the recorded positions. Events wait in the outbox meanwhile; the rest of the
//! instance never waits for the relay.

use std::collections::VecDeque;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use backon::{BackoffBuilder, ExponentialBackoff, ExponentialBuilder};
use orbit_system::store::Database;
use tokio::sync::{mpsc, watch};
use tokio::task::JoinSet;

use crate::relay::RelayError;
use crate::relay::message::{EventSigner, Outgoing};
use crate::relay::position::{Position, Positions};
use crate::relay::publisher::{InFlight, Publisher};
use crate::relay::reader::{Page, Reader};
use crate::relay::status::Shared;

/// Skipped (non-federated) progress is recorded at least this often in events; losing it
/// costs only a re-scan, so it is not written after every page.
const SKIP_PERSIST_EVERY: u64 = 4096;
/// Pages each reader may prepare ahead of the publishing loop.
const READ_AHEAD: usize = 2;

/// One followed module feed.
pub(crate) struct Feed {
    pub(crate) module: String,
    pub(crate) db: Database,
    /// Everything up to here is in the stream (or skipped).
    pub(crate) position: Position,
    /// The sequence number last written to the store.
    pub(crate) persisted: u64,
}

pub(crate) struct Worker {
    pub(crate) instance: String,
    pub(crate) feeds: Vec<Feed>,
    pub(crate) positions: Positions,
    pub(crate) publisher: Publisher,
    pub(crate) shared: Arc<Shared>,
    pub(crate) codecs: crate::codec::Codecs,
    pub(crate) signer: Option<Arc<dyn EventSigner>>,
    pub(crate) window: usize,
    pub(crate) page: u32,
    pub(crate) poll: Duration,
    pub(crate) backoff: ExponentialBuilder,
    pub(crate) stop: watch::Receiver<bool>,
}

/// What waits to be sent, in order: events, and the end of the page they came from.
enum Queued {
    Event(usize, Outgoing),
    PageEnd(PageEnd),
}

/// The end of a page: once `sent` publishes are acknowledged, its feed is at `scanned_through`.
struct PageEnd {
    feed: usize,
    scanned_through: u64,
    /// Publishes sent up to and including this page's last event.
    sent: u64,
    published: bool,
    pruned: bool,
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
                    self.publisher.reset();
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
                    self.shared
                        .set_position(&feed.module, feed.position, feed.persisted);
                }
            }
        }
        self.shared.set_synced();
        Ok(())
    }

    /// Relays until asked to stop (`Ok`) or until something fails. The readers start from
    /// the recorded positions and are stopped when this returns.
    async fn relay(&mut self, delays: &mut ExponentialBackoff) -> Result<(), RelayError> {
        let (pages_tx, mut pages) = mpsc::channel(READ_AHEAD * self.feeds.len());
        let mut readers = JoinSet::new();
        for (index, feed) in self.feeds.iter().enumerate() {
            let reader = Reader {
                feed: index,
                module: feed.module.clone(),
                instance: self.instance.clone(),
                codecs: self.codecs.clone(),
                signer: self.signer.clone(),
                db: feed.db.clone(),
                after: feed.position.seq,
                page: self.page,
                poll: self.poll,
            };
            readers.spawn(reader.run(pages_tx.clone()));
        }
        drop(pages_tx);
        let mut queue: VecDeque<Queued> = VecDeque::new();
        let mut in_flight: VecDeque<InFlight> = VecDeque::with_capacity(self.window);
        let mut ends: VecDeque<PageEnd> = VecDeque::new();
        let (mut sent, mut acked) = (0u64, 0u64);
        loop {
            // Fill the window from what the readers handed over.
            while in_flight.len() < self.window {
                match queue.pop_front() {
                    Some(Queued::Event(feed, out)) => {
                        let module = &self.feeds[feed].module;
                        in_flight.push_back(self.publisher.send(feed, module, out).await?);
                        sent += 1;
                    }
                    Some(Queued::PageEnd(mut end)) => {
                        end.sent = sent;
                        ends.push_back(end);
                    }
                    None => break,
                }
            }
            if self.complete(&mut ends, acked).await? {
                *delays = self.backoff.build();
            }
            tokio::select! {
                biased;
                _ = self.stop.wait_for(|stop| *stop) => return Ok(()),
                result = async { (&mut in_flight.front_mut().expect("non-empty").ack).await },
                    if !in_flight.is_empty() =>
                {
                    let done = in_flight.pop_front().expect("non-empty");
                    done.check(&self.feeds[done.feed].module, result)?;
                    acked += 1;
                }
                page = pages.recv(), if queue.is_empty() => {
                    let page = page.ok_or_else(|| RelayError::Stream {
                        stream: String::new(),
                        reason: "the outbox readers stopped".to_owned(),
                    })??;
                    enqueue(&mut queue, page);
                }
            }
        }
    }

    /// Moves feeds past the pages whose events are all acknowledged and records their
    /// positions; true if any event was published.
    async fn complete(
        &mut self,
        ends: &mut VecDeque<PageEnd>,
        acked: u64,
    ) -> Result<bool, RelayError> {
        if ends.front().is_none_or(|end| end.sent > acked) {
            return Ok(false);
        }
        let mut touched = vec![false; self.feeds.len()];
        let mut published = false;
        while ends.front().is_some_and(|end| end.sent <= acked) {
            let end = ends.pop_front().expect("non-empty");
            let feed = &mut self.feeds[end.feed];
            feed.position.seq = end.scanned_through;
            if end.published {
                feed.position.last_published_at = Some(SystemTime::now());
                published = true;
            }
            if end.published
                || end.pruned
                || feed.position.seq - feed.persisted >= SKIP_PERSIST_EVERY
            {
                touched[end.feed] = true;
            }
        }
        for (feed, touched) in self.feeds.iter_mut().zip(touched) {
            if touched {
                self.positions.save(&feed.module, feed.position).await?;
                feed.persisted = feed.position.seq;
            }
            self.shared
                .set_position(&feed.module, feed.position, feed.persisted);
        }
        Ok(published)
    }

    /// Records skipped progress not yet written, so a restart does not scan it again.
    async fn save_skipped(&mut self) {
        for feed in &mut self.feeds {
            if feed.position.seq > feed.persisted {
                match self.positions.save(&feed.module, feed.position).await {
                    Ok(()) => {
                        feed.persisted = feed.position.seq;
                        self.shared
                            .set_position(&feed.module, feed.position, feed.persisted);
                    }
                    Err(error) => {
                        tracing::warn!(module = feed.module, %error, "cannot record the relay position")
                    }
                }
            }
        }
    }
}

fn enqueue(queue: &mut VecDeque<Queued>, page: Page) {
    let published = !page.events.is_empty();
    for out in page.events {
        queue.push_back(Queued::Event(page.feed, out));
    }
    queue.push_back(Queued::PageEnd(PageEnd {
        feed: page.feed,
        scanned_through: page.scanned_through,
        sent: 0,
        published,
        pruned: page.pruned,
    }));
}
