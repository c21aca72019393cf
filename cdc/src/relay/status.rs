//! The relay's observable state, shared between its task, the NATS client's event callback
//! and the status API: connection, last error and position per feed. A `watch` channel
//! carries "connected" so the gRPC health status can follow it without polling.

use std::sync::Mutex;
use std::time::SystemTime;

use tokio::sync::watch;

use crate::relay::position::Position;

/// The last error while the NATS client has no connection.
const DISCONNECTED: &str = "disconnected from NATS";

/// What `RelayService.GetRelayStatus` reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelayStatus {
    /// Connected to NATS with the stream ready: events flow.
    pub connected: bool,
    /// The NATS server, without credentials.
    pub nats_url: String,
    /// The JetStream stream the relay publishes to.
    pub stream: String,
    pub feeds: Vec<FeedStatus>,
    /// Why the relay is not publishing, while it is failing.
    pub last_error: Option<String>,
}

/// The relay's position in one module's feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedStatus {
    pub module: String,
    /// The last sequence number handled (published, or skipped as not federated).
    pub position: u64,
    /// The last position written to the store, where a restart resumes (at most
    /// `position`): pruning the outbox up to here never takes an event from the relay.
    pub recorded: u64,
    /// The feed's newest sequence number.
    pub head: u64,
    pub last_published_at: Option<SystemTime>,
}

impl FeedStatus {
    /// Events waiting to be relayed.
    pub fn lag(&self) -> u64 {
        self.head.saturating_sub(self.position)
    }
}

/// State written by the relay task and the NATS event callback.
#[derive(Debug)]
pub(crate) struct Shared {
    state: Mutex<State>,
    connected: watch::Sender<bool>,
}

#[derive(Debug)]
struct State {
    /// The NATS client reports a live connection.
    nats_up: bool,
    /// The relay has found its stream and its place in it since the last failure.
    synced: bool,
    last_error: Option<String>,
    /// Per feed: module, position, recorded position.
    positions: Vec<(String, Position, u64)>,
}

impl Shared {
    pub(crate) fn new(positions: Vec<(String, Position, u64)>) -> Shared {
        Shared {
            state: Mutex::new(State {
                nats_up: false,
                synced: false,
                last_error: Some("not connected to NATS yet".to_owned()),
                positions,
            }),
            connected: watch::channel(false).0,
        }
    }

    pub(crate) fn watch_connected(&self) -> watch::Receiver<bool> {
        self.connected.subscribe()
    }

    /// The NATS client lost or regained its connection. A relay that was in step before a
    /// short disconnection is connected again as soon as the client is; if anything was lost
    /// meanwhile, its next publish fails and it re-syncs.
    pub(crate) fn set_nats_up(&self, up: bool) {
        self.update(|state| {
            state.nats_up = up;
            if !up {
                state.last_error = Some(DISCONNECTED.to_owned());
            } else if state.synced && state.last_error.as_deref() == Some(DISCONNECTED) {
                state.last_error = None;
            }
        });
    }

    /// The stream is ready and the relay knows where it stands in it.
    pub(crate) fn set_synced(&self) {
        self.update(|state| {
            // A sync needs the server, so the connection is up even if its event is late.
            state.nats_up = true;
            state.synced = true;
            state.last_error = None;
        });
    }

    pub(crate) fn set_failed(&self, error: String) {
        self.update(|state| {
            state.synced = false;
            state.last_error = Some(error);
        });
    }

    pub(crate) fn set_position(&self, module: &str, position: Position, recorded: u64) {
        self.update(|state| {
            if let Some(entry) = state.positions.iter_mut().find(|(m, ..)| m == module) {
                entry.1 = position;
                entry.2 = recorded;
            }
        });
    }

    pub(crate) fn snapshot(&self) -> (bool, Option<String>, Vec<(String, Position, u64)>) {
        let state = self.state.lock().expect("relay status lock");
        (
            state.nats_up && state.synced,
            state.last_error.clone(),
            state.positions.clone(),
        )
    }

    fn update(&self, change: impl FnOnce(&mut State)) {
        let connected = {
            let mut state = self.state.lock().expect("relay status lock");
            change(&mut state);
            state.nats_up && state.synced
        };
        self.connected.send_if_modified(|current| {
            let changed = *current != connected;
            *current = connected;
            changed
        });
    }
}
