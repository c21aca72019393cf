//! The outbox relay: publishes the change events of federated projects to NATS JetStream, so
//! that peer instances can follow them.
//!
//! One task per instance follows the outbox of each configured module database (e.g.
//! `records`) and publishes every event whose scope is `federated` to the subject
//! `orbit.<instance>.<org>.<project>.<module>.<entity>` of the stream `ORBIT_<instance>`
//! (created if missing), strictly in sequence order, with a window of publishes in flight.
//! The payload is the protobuf `orbit.cdc.v1.FeedEvent`; `Orbit-*` headers carry sequence
//! number, HLC stamp, operation and correlation id.
//!
//! The relay never blocks the instance: it connects in the background, and while NATS is down
//! or slow, events wait in the outbox and go out later in order. Its position per module is
//! durable (`position.rs`), and after any failure it resumes exactly after the stream's last
//! message (`publisher.rs`), so the stream holds each federated event once, in order.
//!
//! It owns no gRPC types: `server::relay_service` turns [`RelayStatus`] into the API.

mod error;
mod message;
mod nats_url;
mod position;
mod publisher;
mod reader;
mod status;
mod worker;

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use backon::ExponentialBuilder;
use orbit_system::store::{Database, Store};
use tokio::sync::watch;
use tokio::task::JoinHandle;

pub use error::RelayError;
pub use message::{
    EventSigner, HEADER_CORRELATION_ID, HEADER_HLC, HEADER_OPERATION, HEADER_ORIGIN, HEADER_SEQ,
    HEADER_SIGNATURE, msg_id, signing_input, stream_name, stream_subjects, token,
};
pub use nats_url::NatsUrl;
pub use position::{POSITION_DATABASE, POSITION_KEYSPACE};
pub use status::{FeedStatus, RelayStatus};

use position::Positions;
use publisher::Publisher;
use status::Shared;
use worker::{Feed, Worker};

/// How the relay runs; [`RelayConfig::new`] gives the defaults a server uses.
#[derive(Debug, Clone)]
pub struct RelayConfig {
    /// The NATS server.
    pub nats: NatsUrl,
    /// The module databases whose outboxes are relayed, e.g. `records`.
    pub modules: Vec<String>,
    /// How their values read (an event's `data`); undeclared databases travel as bytes.
    pub codecs: crate::codec::Codecs,
    /// Signs every published event for federated peers (`Orbit-Origin`, `Orbit-Signature`).
    pub signer: Option<Arc<dyn EventSigner>>,
    /// Publishes in flight before the relay waits for the oldest acknowledgement.
    pub window: usize,
    /// Events read from an outbox at once (also the most published per position write).
    pub page: u32,
    /// How long an acknowledgement or a JetStream request may take.
    pub timeout: Duration,
    /// How often the outboxes are looked at without a local commit signal.
    pub poll: Duration,
    /// First and longest wait between attempts while NATS fails.
    pub min_backoff: Duration,
    pub max_backoff: Duration,
}

impl RelayConfig {
    pub fn new(nats: NatsUrl, modules: Vec<String>) -> RelayConfig {
        RelayConfig {
            nats,
            modules,
            codecs: crate::codec::Codecs::default(),
            signer: None,
            window: 256,
            page: 1024,
            timeout: Duration::from_secs(5),
            poll: Duration::from_secs(1),
            min_backoff: Duration::from_millis(100),
            max_backoff: Duration::from_secs(10),
        }
    }
}

/// A running relay. Cheap to clone; stop it once with [`Relay::stop`] before the store
/// closes.
#[derive(Clone)]
pub struct Relay {
    inner: Arc<Inner>,
}

struct Inner {
    nats_url: String,
    stream: String,
    feeds: Vec<(String, Database)>,
    shared: Arc<Shared>,
    stop: watch::Sender<bool>,
    task: Mutex<Option<JoinHandle<()>>>,
}

impl std::fmt::Debug for Relay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Relay")
            .field("nats_url", &self.inner.nats_url)
            .field("stream", &self.inner.stream)
            .finish()
    }
}

impl Relay {
    /// The name of this long-running part, for logs.
    pub const NAME: &'static str = "relay";

    /// Reads the recorded positions and starts relaying in the background. Returns at once,
    /// whether or not NATS is reachable: [`Relay::status`] tells how it goes.
    pub async fn start(store: &Store, config: RelayConfig) -> Result<Relay, RelayError> {
        let modules: BTreeSet<String> = config.modules.iter().cloned().collect();
        if modules.is_empty() {
            return Err(RelayError::NoFeeds);
        }
        let instance = store.instance_id();
        let stream = stream_name(&instance);
        let positions = Positions::open(store).await?;
        let mut feeds = Vec::with_capacity(modules.len());
        for module in modules {
            let db = store.database(&module).await?;
            let position = positions.load(&module).await?;
            feeds.push(Feed {
                persisted: position.seq,
                module,
                db,
                position,
            });
        }
        let shared = Arc::new(Shared::new(
            feeds
                .iter()
                .map(|f| (f.module.clone(), f.position, f.persisted))
                .collect(),
        ));
        let client = publisher::connect(&config.nats, shared.clone()).await?;
        let publisher = Publisher::new(
            client,
            instance.clone(),
            stream.clone(),
            stream_subjects(&instance),
            config.window,
            config.timeout,
        );
        let (stop, stopped) = watch::channel(false);
        let followed: Vec<(String, Database)> = feeds
            .iter()
            .map(|f| (f.module.clone(), f.db.clone()))
            .collect();
        tracing::info!(
            nats = %config.nats,
            stream,
            modules = ?followed.iter().map(|(m, _)| m.as_str()).collect::<Vec<_>>(),
            "relaying federated change events to NATS JetStream"
        );
        let worker = Worker {
            instance,
            feeds,
            positions,
            publisher,
            shared: shared.clone(),
            codecs: config.codecs.clone(),
            signer: config.signer.clone(),
            window: config.window.max(1),
            page: config.page.max(1),
            poll: config.poll,
            backoff: ExponentialBuilder::default()
                .with_min_delay(config.min_backoff)
                .with_max_delay(config.max_backoff)
                .with_jitter()
                .without_max_times(),
            stop: stopped,
        };
        let task = tokio::spawn(worker.run());
        Ok(Relay {
            inner: Arc::new(Inner {
                nats_url: config.nats.redacted().to_owned(),
                stream,
                feeds: followed,
                shared,
                stop,
                task: Mutex::new(Some(task)),
            }),
        })
    }

    /// Connection, last error and, per module feed, position, head and lag.
    pub async fn status(&self) -> RelayStatus {
        let (connected, last_error, positions) = self.inner.shared.snapshot();
        let mut feeds = Vec::with_capacity(positions.len());
        for ((module, position, recorded), (_, db)) in positions.into_iter().zip(&self.inner.feeds)
        {
            let head = match db.head().await {
                Ok(head) => head,
                Err(error) => {
                    tracing::warn!(module, %error, "cannot read the feed head for the relay status");
                    position.seq
                }
            };
            feeds.push(FeedStatus {
                module,
                position: position.seq,
                recorded,
                head,
                last_published_at: position.last_published_at,
            });
        }
        RelayStatus {
            connected,
            nats_url: self.inner.nats_url.clone(),
            stream: self.inner.stream.clone(),
            feeds,
            last_error,
        }
    }

    /// Follows whether the relay is connected and publishing (for the health service).
    pub fn watch_connected(&self) -> watch::Receiver<bool> {
        self.inner.shared.watch_connected()
    }

    /// Stops the relay: an unacknowledged batch is abandoned (it is sent again after the next
    /// start), progress is recorded. Call it before closing the store; later calls do nothing.
    pub async fn stop(&self) {
        self.inner.stop.send_replace(true);
        let task = self.inner.task.lock().expect("relay task lock").take();
        if let Some(task) = task {
            if let Err(error) = task.await {
                tracing::error!(%error, "the relay task ended abnormally");
            }
        }
    }
}
