//! Why a subscription could not start or had to end.

use orbit_system::store::{DamagedEvent, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum FeedError {
    #[error(
        "sequence number {after} is beyond the head ({head}) of the {database} feed; subscribe \
         from at most {head}, or from now"
    )]
    BeyondHead {
        database: String,
        after: u64,
        head: u64,
    },

    #[error(
        "the {database} feed was pruned up to sequence number {pruned_through}; read a snapshot \
         of the current state, then subscribe after {pruned_through} or later"
    )]
    Pruned {
        database: String,
        pruned_through: u64,
    },

    /// The client read too slowly: the live feed moved on, or its queue stayed full for the
    /// stall limit.
    #[error(
        "the client read too slowly and fell behind the live feed; subscribe again after \
         sequence number {resume_after} to continue from the log"
    )]
    Lagged { resume_after: u64 },

    /// An event of the subscription's scope cannot be read (its value was altered on disk):
    /// everything before it was delivered. The client decides whether to go on after it.
    #[error(
        "change event {seq} of database {database} (keyspace {keyspace}, key {key}) cannot be \
         read: {reason}; every event before it was delivered; subscribe again after sequence \
         number {seq} to skip it, or once the store is restored"
    )]
    Damaged {
        database: String,
        seq: u64,
        keyspace: String,
        key: String,
        reason: String,
    },

    #[error("the server is shutting down; subscribe again after sequence number {resume_after}")]
    ShuttingDown { resume_after: u64 },

    #[error(transparent)]
    Store(#[from] StoreError),
}

impl FeedError {
    /// A damaged event a subscription reached.
    pub(crate) fn damaged(event: &DamagedEvent) -> FeedError {
        FeedError::Damaged {
            database: event.database.clone(),
            seq: event.seq,
            keyspace: event.keyspace.clone(),
            key: event.display_key(),
            reason: event.reason.clone(),
        }
    }

    /// A store error, with [`StoreError::Pruned`] turned into [`FeedError::Pruned`].
    pub(crate) fn from_store(error: StoreError) -> FeedError {
        match error {
            StoreError::Pruned {
                database,
                pruned_through,
            } => FeedError::Pruned {
                database,
                pruned_through,
            },
            other => FeedError::Store(other),
        }
    }
}
