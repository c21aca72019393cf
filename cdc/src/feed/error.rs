//! Why a subscription could not start or had to end.

use orbit_system::store::StoreError;

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

    #[error(
        "the client read too slowly and fell more than {buffered} events behind; subscribe \
         again after sequence number {resume_after} to continue from the log"
    )]
    Lagged { resume_after: u64, buffered: usize },

    #[error("the server is shutting down; subscribe again after sequence number {resume_after}")]
    ShuttingDown { resume_after: u64 },

    #[error(transparent)]
    Store(#[from] StoreError),
}

impl FeedError {
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
