//! The relay's durable position per module feed: database `cdc`, keyspace `relay`, key = the
//! module, value = an `orbit.cdc.v1.RelayFeed` record (position and last publish time).
//!
//! A position is written after a batch is acknowledged by JetStream, so after a restart the
//! relay resumes there; what was acknowledged but not yet recorded is found again from the
//! stream's last message (see `publisher.rs`) and JetStream's de-duplication.

use std::time::SystemTime;

use orbit_proto::orbit::cdc::v1 as pb;
use orbit_system::store::{Database, Store};
use prost::Message;

use crate::relay::RelayError;

/// Database holding the relay positions.
pub const POSITION_DATABASE: &str = "cdc";
/// Keyspace of the relay positions inside [`POSITION_DATABASE`].
pub const POSITION_KEYSPACE: &str = "relay";

/// One module's stored position.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Position {
    /// The last sequence number handled (published, or skipped as not federated).
    pub(crate) seq: u64,
    pub(crate) last_published_at: Option<SystemTime>,
}

/// Reads and writes relay positions.
#[derive(Debug, Clone)]
pub(crate) struct Positions {
    db: Database,
}

impl Positions {
    pub(crate) async fn open(store: &Store) -> Result<Positions, RelayError> {
        Ok(Positions {
            db: store.database(POSITION_DATABASE).await?,
        })
    }

    /// The stored position of `module` (zero if the relay never ran for it).
    pub(crate) async fn load(&self, module: &str) -> Result<Position, RelayError> {
        let Some(record) = self.db.get(POSITION_KEYSPACE, module.as_bytes()).await? else {
            return Ok(Position::default());
        };
        let feed =
            pb::RelayFeed::decode(record.value.as_slice()).map_err(|e| RelayError::Position {
                module: module.to_owned(),
                reason: e.to_string(),
            })?;
        Ok(Position {
            seq: feed.position,
            last_published_at: feed
                .last_published_at
                .and_then(|t| SystemTime::try_from(t).ok()),
        })
    }

    /// Records `position` for `module`.
    pub(crate) async fn save(&self, module: &str, position: Position) -> Result<(), RelayError> {
        let feed = pb::RelayFeed {
            module: module.to_owned(),
            position: position.seq,
            last_published_at: position.last_published_at.map(prost_types::Timestamp::from),
            ..pb::RelayFeed::default()
        };
        self.db
            .put(POSITION_KEYSPACE, module.as_bytes(), feed.encode_to_vec())
            .await?;
        Ok(())
    }
}
