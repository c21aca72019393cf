//! The relay's durable position per module feed: database `relay`, keyspace `position`, key =
//! the module, value = an `orbit.cdc.v1.RelayFeed` record (position and last publish time).
//! The database belongs to the relay alone and nobody follows its outbox, so the relay prunes
//! the change events its own position writes leave there.
//!
//! A position is written after a batch is acknowledged by JetStream, so after a restart the
//! relay resumes there; what was acknowledged but not yet recorded is found again from the
//! stream's last message (see `publisher.rs`) and JetStream's de-duplication.

use std::time::SystemTime;

use orbit_proto::orbit::cdc::v1 as pb;
use orbit_system::store::{Database, Store};
use prost::Message;

use crate::relay::RelayError;

/// Database holding the relay positions (the relay's alone).
pub const POSITION_DATABASE: &str = "relay";
/// Keyspace of the relay positions inside [`POSITION_DATABASE`].
pub const POSITION_KEYSPACE: &str = "position";
/// The outbox of [`POSITION_DATABASE`] is pruned after this many position writes.
const PRUNE_EVERY: u32 = 256;

/// One module's stored position.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Position {
    /// The last sequence number handled (published, or skipped as not federated).
    pub(crate) seq: u64,
    pub(crate) last_published_at: Option<SystemTime>,
}

/// Reads and writes relay positions.
#[derive(Debug)]
pub(crate) struct Positions {
    db: Database,
    /// Position writes since the outbox was last pruned.
    since_prune: u32,
}

impl Positions {
    pub(crate) async fn open(store: &Store) -> Result<Positions, RelayError> {
        Ok(Positions {
            db: store.database(POSITION_DATABASE).await?,
            since_prune: 0,
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
    pub(crate) async fn save(
        &mut self,
        module: &str,
        position: Position,
    ) -> Result<(), RelayError> {
        let feed = pb::RelayFeed {
            module: module.to_owned(),
            position: position.seq,
            last_published_at: position.last_published_at.map(prost_types::Timestamp::from),
            ..pb::RelayFeed::default()
        };
        let receipt = self
            .db
            .put(POSITION_KEYSPACE, module.as_bytes(), feed.encode_to_vec())
            .await?;
        self.since_prune += 1;
        if self.since_prune >= PRUNE_EVERY {
            self.since_prune = 0;
            if let Some(through) = receipt.version() {
                self.db.prune_changes(through).await?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use orbit_system::store::StoreConfig;

    use super::*;

    #[tokio::test]
    async fn positions_round_trip_and_their_outbox_is_pruned() {
        let dir = tempfile::tempdir().unwrap();
        let mut config = StoreConfig::in_data_dir(dir.path());
        config.full_sync = false;
        let store = Store::open(config).await.unwrap();
        let mut positions = Positions::open(&store).await.unwrap();
        assert_eq!(
            positions.load("records").await.unwrap(),
            Position::default()
        );
        let at = SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_700_000_000);
        for seq in 1..=u64::from(PRUNE_EVERY) + 3 {
            let position = Position {
                seq,
                last_published_at: Some(at),
            };
            positions.save("records", position).await.unwrap();
        }
        let loaded = positions.load("records").await.unwrap();
        assert_eq!(loaded.seq, u64::from(PRUNE_EVERY) + 3);
        assert_eq!(loaded.last_published_at, Some(at));
        let db = store.database(POSITION_DATABASE).await.unwrap();
        assert_eq!(db.pruned_through().await.unwrap(), u64::from(PRUNE_EVERY));
        store.close().await;
    }
}
