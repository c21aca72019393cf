//! The relay's error type: one variant per condition its caller (the binary, the status API)
//! can see. Messages are lower case and name the thing that is wrong.

use orbit_system::store::StoreError;

/// Why the relay could not start, publish or keep its position.
#[derive(Debug, thiserror::Error)]
pub enum RelayError {
    /// The `nats` setting is not a usable NATS URL.
    #[error("invalid NATS URL: {0}")]
    InvalidUrl(String),

    /// The NATS client could not be set up (its connection is retried in the background;
    /// this is only for options it refuses outright).
    #[error("cannot set up the NATS client: {0}")]
    Connect(String),

    /// The relay was configured without a module feed to follow.
    #[error("the relay follows no module feed; name at least one database")]
    NoFeeds,

    /// Reading the outbox or writing the relay position failed.
    #[error(transparent)]
    Store(#[from] StoreError),

    /// A stored relay position could not be read back.
    #[error("stored relay position of module {module} is unreadable: {reason}")]
    Position { module: String, reason: String },

    /// The JetStream stream could not be created or read.
    #[error("JetStream stream {stream} is unavailable: {reason}")]
    Stream { stream: String, reason: String },

    /// Publishing an event, or getting its acknowledgement, failed.
    #[error("publishing {module} event {seq} to NATS failed: {reason}")]
    Publish {
        module: String,
        seq: u64,
        reason: String,
    },
}
