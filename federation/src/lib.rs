//! Federation: instances of different organisations share projects in real time over NATS.
//!
//! - `did.rs`: the instance's Ed25519 `did:key` (kept sealed in its store, `state.rs`);
//!   `signed.rs`: messages between instances, accepted only with their sender's signature.
//! - `invitation.rs`, `links.rs`: an org-admin of the owner invites (a signed token with a
//!   one-time secret); an org-admin of the other instance accepts into one of its orgs, which
//!   redeems the secret with the owner over NATS; both record the link, and either side can
//!   suspend, resume or remove it (`control.rs` carries those requests, and heartbeats).
//! - Events across: the owner's outbox relay (orbit-cdc) publishes the shared project's change
//!   events to its JetStream stream, each signed by the owner (`signer.rs`). The member
//!   follows that stream through its own NATS server (leaf node, the owner's JetStream domain)
//!   with a durable consumer and explicit acks (`consumer.rs`): it verifies the signature
//!   against the link's DID, checks the event belongs to the link's project and modules, and
//!   applies the stored bytes with the per-link high-water mark in the same transaction, so
//!   its own feeds, views and live watchers see the change exactly once. Refused events go to
//!   the dead-letter list with the reason. A new link starts with a snapshot of the project.
//! - `service.rs`: `FederationService`.
//!
//! A shared project has one owner: the member's copy refuses local writes
//! (`Identity::writable_scope`), so every change is the owner's and both sides converge on
//! the owner's order.

mod consumer;
mod control;
mod did;
mod error;
mod invitation;
mod links;
mod mutate;
mod service;
mod signed;
mod signer;
mod state;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use orbit_cdc::relay::{EventSigner, NatsUrl};
use orbit_proto::orbit::federation::v1 as pb;
use orbit_system::identity::Identity;
use orbit_system::store::Store;
use tokio::sync::watch;
use tokio::task::JoinHandle;

pub use did::{InstanceKey, did_of, verify, verifying_key};
pub use error::{FederationError, status};
pub use service::FederationApi;
pub use state::FEDERATION_DATABASE;

/// The modules whose data a link may share.
pub const SHAREABLE_MODULES: [&str; 3] = ["records", "chat", "survey"];

/// How federation runs.
#[derive(Debug, Clone)]
pub struct FederationConfig {
    /// This instance's NATS server (the relay's); `None`: federation is off (the DID exists).
    pub nats: Option<NatsUrl>,
    /// The NATS address peers are told (default: `nats`).
    pub public_nats_url: String,
    /// The JetStream domain of this instance's NATS server.
    pub domain: String,
    /// Modules of this instance a link may share (of [`SHAREABLE_MODULES`]).
    pub modules: Vec<String>,
    /// Between heartbeats to each peer; three missed mark it unreachable.
    pub heartbeat: Duration,
    /// How long a request to a peer may take.
    pub request_timeout: Duration,
}

impl FederationConfig {
    pub fn new(nats: Option<NatsUrl>, domain: String, modules: Vec<String>) -> FederationConfig {
        FederationConfig {
            public_nats_url: nats
                .as_ref()
                .map(|n| n.redacted().to_owned())
                .unwrap_or_default(),
            nats,
            domain,
            modules,
            heartbeat: Duration::from_secs(2),
            request_timeout: Duration::from_secs(5),
        }
    }
}

/// What a link did lately, kept in memory (listed by `Peers`).
#[derive(Debug, Clone, Default)]
pub(crate) struct LinkStats {
    pub(crate) events_in: u64,
    pub(crate) lag: u64,
    pub(crate) last_contact_ms: i64,
    pub(crate) error: String,
}

/// A running follower of a member link: how to stop it, and its task.
pub(crate) type Follower = (watch::Sender<bool>, JoinHandle<()>);

/// The federation of this instance. Cheap to clone; [`Federation::stop`] it before the
/// store closes.
#[derive(Clone)]
pub struct Federation {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for Federation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Federation")
            .field("did", &self.did())
            .finish()
    }
}

pub(crate) struct Inner {
    pub(crate) store: Store,
    pub(crate) identity: Identity,
    pub(crate) state: state::State,
    pub(crate) config: FederationConfig,
    pub(crate) key: Arc<RwLock<Arc<InstanceKey>>>,
    pub(crate) previous: Mutex<Vec<String>>,
    pub(crate) instance_id: String,
    pub(crate) client: Mutex<Option<async_nats::Client>>,
    pub(crate) stats: Mutex<HashMap<String, LinkStats>>,
    pub(crate) followers: Mutex<HashMap<String, Follower>>,
    pub(crate) tasks: Mutex<Vec<JoinHandle<()>>>,
    pub(crate) stop: watch::Sender<bool>,
    /// In-process calls of this server, to run a linked member's change requests.
    pub(crate) local: Mutex<Option<orbit_system::server::local::LocalCalls>>,
}

pub(crate) fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or_default()
}

impl Federation {
    /// The name of this long-running part, for logs.
    pub const NAME: &'static str = "federation";

    /// Opens federation's database and the instance key (created on first start).
    pub async fn open(
        store: &Store,
        identity: Identity,
        config: FederationConfig,
    ) -> Result<Federation, FederationError> {
        let state = state::State::open(store).await?;
        let (key, previous) = state.instance_key().await?;
        Ok(Federation {
            inner: Arc::new(Inner {
                store: store.clone(),
                identity,
                state,
                config,
                key: Arc::new(RwLock::new(Arc::new(key))),
                previous: Mutex::new(previous),
                instance_id: store.instance_id(),
                client: Mutex::new(None),
                stats: Mutex::new(HashMap::new()),
                followers: Mutex::new(HashMap::new()),
                tasks: Mutex::new(Vec::new()),
                stop: watch::channel(false).0,
                local: Mutex::new(None),
            }),
        })
    }

    /// The instance's DID.
    pub fn did(&self) -> String {
        self.inner.key().did().to_owned()
    }

    /// The relay's signer (the instance's current key).
    pub fn signer(&self) -> Arc<dyn EventSigner> {
        Arc::new(signer::RelaySigner {
            key: self.inner.key.clone(),
        })
    }

    /// Lets linked members' change requests run here, through this server's auth layer and
    /// routes.
    pub fn set_local_calls(&self, local: orbit_system::server::local::LocalCalls) {
        *self.inner.local.lock().expect("local lock") = Some(local);
    }

    /// What the server hands changes to projects other instances own.
    pub fn remote_owner(&self) -> Arc<dyn orbit_system::server::local::RemoteOwner> {
        Arc::new(mutate::Forwarder {
            inner: self.inner.clone(),
        })
    }

    /// This instance as peers know it.
    pub fn whoami(&self) -> pb::InstanceIdentity {
        pb::InstanceIdentity {
            did: self.did(),
            instance_id: self.inner.instance_id.clone(),
            nats_url: self.inner.config.public_nats_url.clone(),
            jetstream_domain: self.inner.config.domain.clone(),
            previous_dids: self.inner.previous.lock().expect("previous lock").clone(),
        }
    }

    /// Connects to NATS (in the background: a server that is down is retried), answers peers'
    /// control requests, sends heartbeats and follows every active member link.
    pub async fn start(&self) -> Result<(), FederationError> {
        let Some(nats) = &self.inner.config.nats else {
            tracing::info!(did = %self.did(), "federation off (no nats): the DID is kept, nothing is shared");
            return Ok(());
        };
        let client = nats
            .with_credentials(async_nats::ConnectOptions::new())
            .name("orbit-federation")
            .retry_on_initial_connect()
            .request_timeout(Some(self.inner.config.request_timeout))
            .connect(nats.connect_string())
            .await
            .map_err(|e| FederationError::Nats(e.to_string()))?;
        *self.inner.client.lock().expect("client lock") = Some(client.clone());
        let responder = control::spawn_responder(self.inner.clone(), client.clone());
        let heartbeat = control::spawn_heartbeats(self.inner.clone());
        self.inner
            .tasks
            .lock()
            .expect("tasks lock")
            .extend([responder, heartbeat]);
        for link in self.inner.state.links().await? {
            if link.role == pb::LinkRole::Member as i32
                && link.state == pb::LinkState::Active as i32
            {
                consumer::follow(&self.inner, &link.id);
            }
        }
        tracing::info!(did = %self.did(), domain = self.inner.config.domain, "federation started");
        Ok(())
    }

    /// Stops following, answering and heartbeats.
    pub async fn stop(&self) {
        let _ = self.inner.stop.send(true);
        let followers: Vec<_> = self
            .inner
            .followers
            .lock()
            .expect("followers lock")
            .drain()
            .collect();
        for (_, (stop, task)) in followers {
            let _ = stop.send(true);
            let _ = task.await;
        }
        let tasks: Vec<_> = std::mem::take(&mut *self.inner.tasks.lock().expect("tasks lock"));
        for task in tasks {
            task.abort();
            let _ = task.await;
        }
        tracing::debug!("federation stopped");
    }
}

impl Inner {
    pub(crate) fn key(&self) -> Arc<InstanceKey> {
        self.key.read().expect("key lock").clone()
    }

    pub(crate) fn client(&self) -> Result<async_nats::Client, FederationError> {
        self.client
            .lock()
            .expect("client lock")
            .clone()
            .ok_or(FederationError::Off)
    }

    pub(crate) fn stats(&self, link_id: &str) -> LinkStats {
        self.stats
            .lock()
            .expect("stats lock")
            .get(link_id)
            .cloned()
            .unwrap_or_default()
    }

    pub(crate) fn update_stats(&self, link_id: &str, update: impl FnOnce(&mut LinkStats)) {
        update(
            self.stats
                .lock()
                .expect("stats lock")
                .entry(link_id.to_owned())
                .or_default(),
        );
    }

    /// A link as `Peers` shows it: the stored record with what happened lately.
    pub(crate) fn with_stats(&self, mut link: pb::Link) -> pb::Link {
        let stats = self.stats(&link.id);
        link.events_in = link.events_in.max(stats.events_in);
        link.lag = stats.lag;
        link.last_contact_ms = link.last_contact_ms.max(stats.last_contact_ms);
        link.unreachable = link.state == pb::LinkState::Active as i32
            && link.last_contact_ms > 0
            && now_ms() - link.last_contact_ms > 3 * self.config.heartbeat.as_millis() as i64;
        if !stats.error.is_empty() {
            link.error = stats.error;
        }
        link
    }
}
