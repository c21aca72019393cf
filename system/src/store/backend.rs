//! The contract between the store and a database engine. One adapter file per engine
//! (`sqlite.rs`, `postgres.rs`) implements it; the store above never writes SQL.
//!
//! Rows crossing this boundary are sealed: a backend never sees a key or a plaintext value.

use async_trait::async_trait;
use futures::stream::BoxStream;

use crate::store::StoreError;
use crate::store::batch::SealedTxn;
use crate::store::hlc::Hlc;
use crate::store::types::{EventScope, Receipt};

/// How the instance key is unsealed, as stored.
#[derive(Debug, Clone)]
pub(crate) struct InstanceRow {
    pub(crate) instance_id: String,
    pub(crate) unseal_kind: String,
    pub(crate) kdf_params: Option<String>,
    pub(crate) salt: Option<Vec<u8>>,
    pub(crate) wrapped_instance_key: Vec<u8>,
    pub(crate) instance_key_version: u32,
}

/// A wrapped key of one database.
#[derive(Debug, Clone)]
pub(crate) struct KeyRow {
    pub(crate) db: String,
    /// `data` (versioned value key) or `blind` (blind-index key, version 0).
    pub(crate) kind: String,
    pub(crate) version: u32,
    pub(crate) wrapped: Vec<u8>,
}

/// A stored record, still sealed.
#[derive(Debug, Clone)]
pub(crate) struct RawRecord {
    pub(crate) keyspace: String,
    pub(crate) key: Vec<u8>,
    pub(crate) version: u64,
    pub(crate) key_version: u32,
    pub(crate) sealed: Vec<u8>,
}

/// A stored outbox event, value still sealed.
#[derive(Debug, Clone)]
pub(crate) struct RawChange {
    pub(crate) seq: u64,
    pub(crate) hlc: u64,
    pub(crate) keyspace: String,
    pub(crate) key: Vec<u8>,
    pub(crate) op: i16,
    pub(crate) key_version: Option<u32>,
    pub(crate) sealed: Option<Vec<u8>>,
    pub(crate) correlation_id: Option<String>,
    pub(crate) scope: Option<EventScope>,
}

/// The scope of a stored event from its columns (all set or none).
pub(crate) fn scope_from_row(
    org_id: Option<String>,
    project_id: Option<String>,
    entity: Option<String>,
    federated: bool,
) -> Option<EventScope> {
    Some(EventScope {
        org_id: org_id?,
        project_id: project_id?,
        entity: entity?,
        federated,
    })
}

/// The lower bound of a scan.
#[derive(Debug, Clone, Copy)]
pub(crate) enum From<'a> {
    Inclusive(&'a [u8]),
    Exclusive(&'a [u8]),
}

#[async_trait]
pub(crate) trait Backend: Send + Sync + 'static {
    /// `sqlite` or `postgres`.
    fn kind(&self) -> &'static str;
    /// Where the data lives, safe to print (no password).
    fn location(&self) -> &str;

    /// The instance row, or `None` on a fresh (possibly empty, unmigrated) database.
    async fn load_instance(&self) -> Result<Option<InstanceRow>, StoreError>;
    async fn migrate(&self) -> Result<(), StoreError>;
    /// Inserts the instance row unless one exists; `false` if another process won.
    async fn init_instance(&self, row: &InstanceRow) -> Result<bool, StoreError>;
    /// Replaces the instance row and the wrapped form of existing keys, atomically.
    async fn rewrap(&self, instance: &InstanceRow, keys: &[KeyRow]) -> Result<(), StoreError>;
    /// Wrapped keys of one database, or of all when `db` is `None`.
    async fn load_keys(&self, db: Option<&str>) -> Result<Vec<KeyRow>, StoreError>;
    /// Inserts keys that do not exist yet and the outbox head of their databases.
    async fn insert_keys(&self, keys: &[KeyRow]) -> Result<(), StoreError>;
    /// Where database `db` lives, as recorded in this (the main) store: `None` if nothing is
    /// recorded (it lives here), `Some(None)` if it was recorded to stay here, `Some(Some(l))`
    /// if it lives apart at location `l` (a file name or a schema).
    async fn load_placement(&self, db: &str) -> Result<Option<Option<String>>, StoreError>;
    /// Records where `db` lives unless something is recorded already; returns what is
    /// recorded afterwards (another process may have been first).
    async fn record_placement(
        &self,
        db: &str,
        location: Option<&str>,
    ) -> Result<Option<String>, StoreError>;
    /// Creates the outbox head of `db` if missing (a database that lives apart: its keys,
    /// which create the head, are in the main store).
    async fn init_database(&self, db: &str) -> Result<(), StoreError>;

    async fn get(
        &self,
        db: &str,
        keyspace: &str,
        key: &[u8],
    ) -> Result<Option<RawRecord>, StoreError>;
    /// The records of `keys` that exist, in no particular order, read where the next commit
    /// will write them (SQLite: on the writer's connection, whose page cache no commit
    /// invalidates; see `Database::get_for_update`).
    async fn get_for_update(
        &self,
        db: &str,
        keyspace: &str,
        keys: &[Vec<u8>],
    ) -> Result<Vec<RawRecord>, StoreError>;
    /// Records with `from <= key < end` (or `from < key`), in key order, as the engine returns
    /// them: the caller opens each one while the engine is still reading the next, instead of
    /// waiting for the whole page.
    fn scan<'a>(
        &'a self,
        db: &'a str,
        keyspace: &'a str,
        from: From<'a>,
        end: Option<&'a [u8]>,
        limit: u32,
    ) -> BoxStream<'a, Result<RawRecord, StoreError>>;
    /// Commits a group of transactions in one database transaction; see `batch::plan`. The
    /// batch is only read, so after an error it can be committed again (one by one).
    async fn commit_batch(
        &self,
        batch: &[SealedTxn],
        clock: &Hlc,
    ) -> Result<Vec<Result<Receipt, StoreError>>, StoreError>;

    /// At most `limit` events after `after`, stopping early once the values read reach
    /// `max_bytes` (at least one event is read).
    async fn read_changes(
        &self,
        db: &str,
        after: u64,
        limit: u32,
        max_bytes: usize,
    ) -> Result<Vec<RawChange>, StoreError>;
    async fn head(&self, db: &str) -> Result<u64, StoreError>;
    /// Deletes the events of `db` with `seq <= through` and remembers `through` as pruned
    /// (never lowering it); returns how many events went.
    async fn prune_changes(&self, db: &str, through: u64) -> Result<u64, StoreError>;
    /// The highest sequence number pruned from `db`'s outbox (0 if none).
    async fn pruned_through(&self, db: &str) -> Result<u64, StoreError>;
    async fn max_hlc(&self) -> Result<u64, StoreError>;

    /// Up to `limit` records of `db` sealed with a key version below `current`, in key order,
    /// after `after` (keyspace, key); `("", b"")` is before every record, as keyspace names
    /// are never empty. There is no index on the key version (it would double the pages every
    /// write dirties), so this walks the primary key and callers page through a database once
    /// with the last key returned.
    async fn stale_records(
        &self,
        db: &str,
        current: u32,
        after: (&str, &[u8]),
        limit: u32,
    ) -> Result<Vec<RawRecord>, StoreError>;
    /// Replaces sealed values of records whose version is still the one read.
    async fn reseal_records(&self, db: &str, records: &[RawRecord]) -> Result<(), StoreError>;
    async fn stale_changes(
        &self,
        db: &str,
        current: u32,
        limit: u32,
    ) -> Result<Vec<RawChange>, StoreError>;
    async fn reseal_changes(&self, db: &str, changes: &[RawChange]) -> Result<(), StoreError>;
    /// Records plus outbox events of `db` still sealed below `current`.
    async fn count_stale(&self, db: &str, current: u32) -> Result<u64, StoreError>;

    async fn close(&self);

    /// Test hook: overwrite a stored sealed value as an attacker with file access would.
    #[cfg(test)]
    async fn tamper(
        &self,
        db: &str,
        keyspace: &str,
        key: &[u8],
        sealed: &[u8],
    ) -> Result<(), StoreError>;
}

/// Chunk size for multi-row statements (keeps bind parameters well under every engine's cap).
pub(crate) const ROWS_PER_STATEMENT: usize = 500;
