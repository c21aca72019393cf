//! The encrypted store: keyspaces of versioned records over SQLite or PostgreSQL, every
//! value sealed with XChaCha20-Poly1305, every write recorded in the same transaction as a
//! change event in its database's outbox.
//!
//! [`Store`] is the public handle; a [`Database`] is one encrypted database inside it (the
//! system's, a module's, a user module's), with its own data keys, blind-index key and
//! outbox. The engines sit behind the `pub(crate)` [`backend::Backend`] trait; this module
//! never writes SQL and the backends never see a key.

mod backend;
mod batch;
mod config;
mod correlation;
mod error;
mod heads;
mod hlc;
mod ids;
mod keyring;
mod postgres;
mod scan;
mod sqlite;
mod sqlite_checkpoint;
mod sqlite_reader;
mod types;
mod writer;

#[cfg(test)]
pub(crate) mod testdb;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::sync::Arc;

pub use config::{KEY_FILE_NAME, StoreConfig, StoreLocation, Unseal};
pub use correlation::with_correlation_id;
pub use error::StoreError;
pub use hlc::{Hlc, HlcStamp};
pub use ids::new_id;
pub use types::{
    ChangeEvent, ChangeOp, ChangePage, EventScope, Expect, Receipt, Record, ScanPage, Transaction,
};

use crate::crypto::{Aad, BlindIndex, DataKey, sealed_key_version};
use backend::{Backend, From, RawRecord};
use batch::{SealedOp, SealedTxn};
use error::display_key;
use keyring::{DbKeys, KeyRing};
use types::OpKind;
use writer::Writer;

/// Largest key accepted, in bytes.
pub const MAX_KEY_LEN: usize = 1024;
/// Largest value accepted, in bytes (before sealing).
pub const MAX_VALUE_LEN: usize = 16 * 1024 * 1024;

/// Handle to an open store. Cheap to clone; close it once with [`Store::close`].
#[derive(Clone)]
pub struct Store {
    inner: Arc<Inner>,
}

struct Inner {
    backend: Arc<dyn Backend>,
    keys: KeyRing,
    clock: Arc<Hlc>,
    heads: Arc<heads::Heads>,
    writer: std::sync::Mutex<Option<Writer>>,
    writer_task: tokio::sync::Mutex<Option<tokio::task::JoinHandle<()>>>,
    /// Where re-encryption stands in each database's records.
    reencrypt: std::sync::Mutex<HashMap<String, ReencryptPass>>,
}

/// One pass of re-encryption through a database's records in key order, towards one key
/// version. Kept in memory: after a restart a pass starts over, skipping what is current.
#[derive(Debug, Clone, PartialEq, Eq)]
enum ReencryptPass {
    /// Next step reads the records after this (keyspace, key); empty = from the start.
    /// `moved` says whether this pass re-sealed anything (then another pass follows, for
    /// records another process sealed with the old version behind the cursor).
    At {
        version: u32,
        after: (String, Vec<u8>),
        moved: bool,
    },
    /// A whole pass found nothing stale below `version`.
    Done { version: u32 },
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("backend", &self.inner.backend.kind())
            .field("location", &self.inner.backend.location())
            .finish()
    }
}

/// Re-encryption progress of one database after a key rotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyStatus {
    pub database: String,
    pub current_key_version: u32,
    /// Records and outbox events still sealed with an older key version.
    pub pending: u64,
}

impl Store {
    /// Opens the store: connects, unseals the instance key (refusing a wrong secret before
    /// writing anything), applies schema migrations and starts the group committer.
    pub async fn open(config: StoreConfig) -> Result<Store, StoreError> {
        let backend: Arc<dyn Backend> = match &config.location {
            StoreLocation::Sqlite { path } => {
                if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                    create_private_dir(parent)?;
                }
                Arc::new(sqlite::SqliteBackend::open(path, config.full_sync).await?)
            }
            StoreLocation::Postgres { url, schema } => {
                Arc::new(postgres::PgBackend::open(url, schema.as_deref()).await?)
            }
        };
        let keys = match KeyRing::open(backend.as_ref(), &config.unseal, config.kdf).await {
            Ok(keys) => keys,
            Err(error) => {
                backend.close().await;
                return Err(error);
            }
        };
        let clock = Arc::new(Hlc::starting_after(HlcStamp(backend.max_hlc().await?)));
        let heads = Arc::new(heads::Heads::default());
        let (writer, task) = Writer::spawn(
            backend.clone(),
            clock.clone(),
            heads.clone(),
            config.max_group,
        );
        tracing::debug!(
            backend = backend.kind(),
            location = backend.location(),
            "store open"
        );
        Ok(Store {
            inner: Arc::new(Inner {
                backend,
                keys,
                clock,
                heads,
                writer: std::sync::Mutex::new(Some(writer)),
                writer_task: tokio::sync::Mutex::new(Some(task)),
                reencrypt: Default::default(),
            }),
        })
    }

    /// `sqlite` or `postgres`.
    pub fn backend_name(&self) -> &'static str {
        self.inner.backend.kind()
    }

    /// Where the data lives (file path, or URL without password).
    pub fn location(&self) -> &str {
        self.inner.backend.location()
    }

    /// This instance's id, fixed at creation.
    pub fn instance_id(&self) -> String {
        self.inner.keys.instance_id()
    }

    /// The store's hybrid logical clock.
    pub fn clock(&self) -> &Hlc {
        &self.inner.clock
    }

    /// Opens encrypted database `name` (created with fresh keys on first use). Names are
    /// lower-case letters, digits, `-`, `_` and `.`.
    pub async fn database(&self, name: &str) -> Result<Database, StoreError> {
        validate_name("database name", name)?;
        let keys = self
            .inner
            .keys
            .database(self.inner.backend.as_ref(), name)
            .await?;
        Ok(Database {
            store: self.clone(),
            name: Arc::from(name),
            keys: std::sync::RwLock::new(keys).into(),
        })
    }

    /// Rotates keys (see `KeyRing::rotate`). Records are re-encrypted afterwards by
    /// [`Store::reencrypt_step`], which the server runs in the background.
    pub async fn rotate_keys(&self) -> Result<(), StoreError> {
        self.inner.keys.rotate(self.inner.backend.as_ref()).await?;
        tracing::info!("keys rotated; records are re-encrypted in the background");
        Ok(())
    }

    /// Re-encryption status of every database.
    pub async fn key_status(&self) -> Result<Vec<KeyStatus>, StoreError> {
        let mut status = Vec::new();
        for name in self
            .inner
            .keys
            .database_names(self.inner.backend.as_ref())
            .await?
        {
            let keys = self
                .inner
                .keys
                .reload(self.inner.backend.as_ref(), &name)
                .await?;
            let current = keys.current().version();
            let pending = self.inner.backend.count_stale(&name, current).await?;
            if pending > 0 {
                // Sealed with an older version after a pass ended (by another process that
                // had not seen the rotation yet): the next step looks again.
                let mut passes = self.inner.reencrypt.lock().expect("re-encryption lock");
                if passes.get(&name) == Some(&ReencryptPass::Done { version: current }) {
                    passes.remove(&name);
                }
            }
            status.push(KeyStatus {
                database: name,
                current_key_version: current,
                pending,
            });
        }
        Ok(status)
    }

    /// Re-encrypts up to `limit` records and events per database that are sealed with an
    /// older key version. Returns how many it moved; 0 means everything is current. Safe to
    /// stop and resume at any time: progress is the stored key version of each row.
    pub async fn reencrypt_step(&self, limit: u32) -> Result<u64, StoreError> {
        if self.inner.keys.is_plaintext() {
            return Ok(0);
        }
        let backend = self.inner.backend.as_ref();
        let mut moved = 0;
        for name in self.inner.keys.database_names(backend).await? {
            let keys = self.inner.keys.reload(backend, &name).await?;
            let current = keys.current();
            let version = current.version();
            let mut records = self.next_stale_records(&name, version, limit).await?;
            for record in &mut records {
                let plain = open_with(&keys, &name, &record.keyspace, &record.key, &record.sealed)?;
                record.sealed =
                    current.seal(&plain, &value_aad(&name, &record.keyspace, &record.key));
                record.key_version = version;
            }
            backend.reseal_records(&name, &records).await?;
            let mut changes = backend
                .stale_changes(&name, current.version(), limit)
                .await?;
            for change in &mut changes {
                if let Some(sealed) = &change.sealed {
                    let plain = open_with(&keys, &name, &change.keyspace, &change.key, sealed)?;
                    change.sealed = Some(
                        current.seal(&plain, &value_aad(&name, &change.keyspace, &change.key)),
                    );
                    change.key_version = Some(current.version());
                }
            }
            backend.reseal_changes(&name, &changes).await?;
            moved += (records.len() + changes.len()) as u64;
        }
        Ok(moved)
    }

    /// The next stale records of `name`'s current pass towards key `version`, moving the
    /// pass's cursor past them; empty once a whole pass found nothing stale.
    async fn next_stale_records(
        &self,
        name: &str,
        version: u32,
        limit: u32,
    ) -> Result<Vec<RawRecord>, StoreError> {
        loop {
            let pass = self
                .inner
                .reencrypt
                .lock()
                .expect("re-encryption lock")
                .get(name)
                .cloned();
            let (after, moved) = match pass {
                Some(ReencryptPass::Done { version: done }) if done == version => {
                    return Ok(Vec::new());
                }
                Some(ReencryptPass::At {
                    version: at,
                    after,
                    moved,
                }) if at == version => (after, moved),
                // A new rotation (or none yet): a fresh pass.
                _ => (Default::default(), false),
            };
            let records = self
                .inner
                .backend
                .stale_records(name, version, (after.0.as_str(), after.1.as_slice()), limit)
                .await?;
            let next = match records.last() {
                Some(last) if records.len() as u64 >= u64::from(limit) => ReencryptPass::At {
                    version,
                    after: (last.keyspace.clone(), last.key.clone()),
                    moved: true,
                },
                // The end of this pass; go round again if it found anything.
                _ if moved || !records.is_empty() => ReencryptPass::At {
                    version,
                    after: Default::default(),
                    moved: false,
                },
                _ => ReencryptPass::Done { version },
            };
            let again = records.is_empty() && matches!(next, ReencryptPass::At { .. });
            self.inner
                .reencrypt
                .lock()
                .expect("re-encryption lock")
                .insert(name.to_owned(), next);
            if !again {
                return Ok(records);
            }
        }
    }

    /// Waits for queued writes to commit, stops the group committer and closes connections.
    pub async fn close(&self) {
        let writer = self.inner.writer.lock().expect("writer lock").take();
        drop(writer);
        if let Some(task) = self.inner.writer_task.lock().await.take() {
            if let Err(error) = task.await {
                tracing::error!(%error, "group committer ended abnormally");
            }
        }
        self.inner.backend.close().await;
    }

    fn writer(&self) -> Result<Writer, StoreError> {
        self.inner
            .writer
            .lock()
            .expect("writer lock")
            .clone()
            .ok_or(StoreError::Closed)
    }
}

/// One encrypted database: keyspaces of records, a blind-index key and a change outbox.
#[derive(Clone)]
pub struct Database {
    store: Store,
    name: Arc<str>,
    keys: Arc<std::sync::RwLock<Arc<DbKeys>>>,
}

impl std::fmt::Debug for Database {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Database")
            .field("name", &self.name)
            .finish()
    }
}

impl Database {
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Reads one record.
    pub async fn get(&self, keyspace: &str, key: &[u8]) -> Result<Option<Record>, StoreError> {
        validate_name("keyspace", keyspace)?;
        let backend = self.store.inner.backend.as_ref();
        match backend.get(&self.name, keyspace, key).await? {
            Some(raw) => Ok(Some(self.open_record(raw).await?)),
            None => Ok(None),
        }
    }

    /// Reads the records of `keys` that the caller is about to rewrite (a read-modify-write
    /// by the only writer of those keys, such as a view folding a page of events), in the
    /// order of `keys`, `None` where absent.
    ///
    /// On SQLite they are read on the connection that commits, between group commits: in WAL
    /// mode every other connection drops its page cache and unmaps the file at its first read
    /// after any commit, so random reads of a large keyspace fault every page in again, while
    /// the writer's cache and mapping stay warm. This waits for the commit in progress and
    /// delays the next one while it reads, so it is for batches, not for serving queries.
    pub async fn get_for_update(
        &self,
        keyspace: &str,
        keys: &[Vec<u8>],
    ) -> Result<Vec<Option<Record>>, StoreError> {
        validate_name("keyspace", keyspace)?;
        if keys.is_empty() {
            return Ok(Vec::new());
        }
        for key in keys {
            validate_key(key)?;
        }
        let backend = self.store.inner.backend.as_ref();
        let raws = backend.get_for_update(&self.name, keyspace, keys).await?;
        let mut found = std::collections::HashMap::with_capacity(raws.len());
        for raw in raws {
            let record = self.open_record(raw).await?;
            found.insert(record.key.clone(), record);
        }
        Ok(keys.iter().map(|key| found.get(key).cloned()).collect())
    }

    /// Writes one record, whatever its current version.
    pub async fn put(
        &self,
        keyspace: &str,
        key: impl Into<Vec<u8>>,
        value: impl Into<Vec<u8>>,
    ) -> Result<Receipt, StoreError> {
        self.commit(Transaction::new().put(keyspace, key, value))
            .await
    }

    /// Deletes one record if it exists (`Receipt::version` is `None` if it did not).
    pub async fn delete(
        &self,
        keyspace: &str,
        key: impl Into<Vec<u8>>,
    ) -> Result<Receipt, StoreError> {
        self.commit(Transaction::new().delete(keyspace, key)).await
    }

    /// Writes `value` only if the record is at `expect`; [`StoreError::Conflict`] otherwise.
    pub async fn compare_and_set(
        &self,
        keyspace: &str,
        key: impl Into<Vec<u8>>,
        expect: Expect,
        value: impl Into<Vec<u8>>,
    ) -> Result<Receipt, StoreError> {
        self.commit(Transaction::new().put_if(keyspace, key, value, expect))
            .await
    }

    /// Commits a multi-key transaction atomically, with its change events. Their correlation
    /// id is the transaction's, else that of the enclosing [`with_correlation_id`].
    pub async fn commit(&self, txn: Transaction) -> Result<Receipt, StoreError> {
        if txn.is_empty() {
            return Err(StoreError::invalid("transaction", "it has no operations"));
        }
        let keys = self.current_keys();
        let current = keys.current();
        let mut ops = Vec::with_capacity(txn.ops.len());
        for op in txn.ops {
            validate_name("keyspace", &op.keyspace)?;
            validate_key(&op.key)?;
            let (put, check_only) = match op.kind {
                OpKind::Put(value) => {
                    if value.len() > MAX_VALUE_LEN {
                        return Err(StoreError::invalid(
                            "value",
                            format!(
                                "{} bytes is over the {MAX_VALUE_LEN}-byte limit",
                                value.len()
                            ),
                        ));
                    }
                    (
                        Some(self.seal(current, &op.keyspace, &op.key, value)),
                        false,
                    )
                }
                OpKind::Delete => (None, false),
                OpKind::Check => (None, true),
            };
            ops.push(SealedOp {
                keyspace: op.keyspace,
                key: op.key,
                put,
                check_only,
                expect: op.expect,
            });
        }
        let sealed = SealedTxn {
            database: self.name.to_string(),
            ops,
            correlation_id: txn.correlation_id.or_else(correlation::current),
            scope: txn.scope,
        };
        self.store.writer()?.commit(sealed).await
    }

    /// Records whose key starts with `prefix`, in key order, at most `limit` per page,
    /// starting after key `after` (the previous page's `next`).
    pub async fn scan(
        &self,
        keyspace: &str,
        prefix: &[u8],
        after: Option<&[u8]>,
        limit: u32,
    ) -> Result<ScanPage, StoreError> {
        validate_name("keyspace", keyspace)?;
        if limit == 0 {
            return Err(StoreError::invalid(
                "limit",
                "a page holds at least one record",
            ));
        }
        let from = match after {
            Some(after) if after >= prefix => From::Exclusive(after),
            _ => From::Inclusive(prefix),
        };
        let end = prefix_end(prefix);
        let backend = self.store.inner.backend.as_ref();
        let raws = backend.scan(&self.name, keyspace, from, end.as_deref(), limit);
        // Records are opened while the engine is still reading the page (see `scan.rs`).
        let opened = self.opener().open_page(raws).await?;
        let mut records = Vec::with_capacity(opened.len());
        for item in opened {
            records.push(match item {
                scan::Opened::Record(record) => record,
                // Sealed with a key version rotated in by another process: reloads the keys.
                scan::Opened::Later(raw) => self.open_record(raw).await?,
            });
        }
        let next = if records.len() as u32 == limit {
            records.last().map(|r| r.key.clone())
        } else {
            None
        };
        Ok(ScanPage { records, next })
    }

    /// The keyed blind index of `value` in `field`, for equality lookups on encrypted data.
    pub fn blind_index(&self, field: &str, value: &[u8]) -> BlindIndex {
        self.current_keys().blind.index(field, value)
    }

    /// Change events with `seq > after`, oldest first, at most `limit`.
    /// [`StoreError::Pruned`] if events after `after` were already pruned.
    pub async fn changes(&self, after: u64, limit: u32) -> Result<Vec<ChangeEvent>, StoreError> {
        Ok(self.changes_matching(after, limit, |_| true).await?.events)
    }

    /// Like [`Database::changes`], but opens and returns only the events whose scope
    /// `matches` (decided before decrypting anything). `scanned_through` is the last sequence
    /// number looked at, matching or not: pass it as the next `after`.
    pub async fn changes_matching(
        &self,
        after: u64,
        limit: u32,
        matches: impl Fn(Option<&EventScope>) -> bool,
    ) -> Result<ChangePage, StoreError> {
        let backend = self.store.inner.backend.as_ref();
        let raws = backend.read_changes(&self.name, after, limit).await?;
        // Sequence numbers are gap-free and pruning removes a prefix, so a page starting right
        // after `after` proves nothing it needs was pruned. Otherwise (an empty page, or a
        // gap) ask, after reading, so a prune that raced the read is still noticed.
        if raws.first().map(|raw| raw.seq) != Some(after + 1) {
            let pruned_through = backend.pruned_through(&self.name).await?;
            if after < pruned_through {
                return Err(StoreError::Pruned {
                    database: self.name.to_string(),
                    pruned_through,
                });
            }
        }
        let scanned_through = raws.last().map_or(after, |raw| raw.seq);
        let mut events = Vec::with_capacity(raws.len());
        for raw in raws {
            if !matches(raw.scope.as_ref()) {
                continue;
            }
            let op = ChangeOp::from_code(raw.op).ok_or_else(|| StoreError::Integrity {
                database: self.name.to_string(),
                keyspace: raw.keyspace.clone(),
                key: display_key(&raw.key),
                reason: format!("outbox event {} has unknown operation {}", raw.seq, raw.op),
            })?;
            let value = match &raw.sealed {
                Some(sealed) => Some(self.open(&raw.keyspace, &raw.key, sealed).await?),
                None => None,
            };
            events.push(ChangeEvent {
                database: self.name.to_string(),
                seq: raw.seq,
                hlc: HlcStamp(raw.hlc),
                keyspace: raw.keyspace,
                key: raw.key,
                op,
                value,
                correlation_id: raw.correlation_id,
                scope: raw.scope,
            });
        }
        Ok(ChangePage {
            events,
            scanned_through,
        })
    }

    /// The sequence number of the newest change event (0 if none).
    pub async fn head(&self) -> Result<u64, StoreError> {
        self.store.inner.backend.head(&self.name).await
    }

    /// Follows this database's head as commits of this process land: the receiver sees the
    /// newest sequence number committed so far (writes by other processes sharing a
    /// PostgreSQL store are not signalled; poll [`Database::head`] for those).
    pub fn watch_head(&self) -> tokio::sync::watch::Receiver<u64> {
        self.store.inner.heads.watch(&self.name)
    }

    /// Deletes change events up to `through` (at most the head); later reads from before it
    /// get [`StoreError::Pruned`]. Returns how many events were deleted.
    pub async fn prune_changes(&self, through: u64) -> Result<u64, StoreError> {
        let head = self.head().await?;
        let through = through.min(head);
        let deleted = self
            .store
            .inner
            .backend
            .prune_changes(&self.name, through)
            .await?;
        tracing::debug!(database = %self.name, through, deleted, "outbox pruned");
        Ok(deleted)
    }

    /// The highest pruned sequence number (0 if nothing was pruned): reading from an `after`
    /// below it fails.
    pub async fn pruned_through(&self) -> Result<u64, StoreError> {
        self.store.inner.backend.pruned_through(&self.name).await
    }

    fn current_keys(&self) -> Arc<DbKeys> {
        self.keys.read().expect("database keys lock").clone()
    }

    fn seal(
        &self,
        key: &DataKey,
        keyspace: &str,
        record_key: &[u8],
        value: Vec<u8>,
    ) -> (Vec<u8>, u32) {
        if self.store.inner.keys.is_plaintext() {
            return (value, 0);
        }
        (
            key.seal(&value, &value_aad(&self.name, keyspace, record_key)),
            key.version(),
        )
    }

    fn opener(&self) -> scan::Opener {
        scan::Opener {
            keys: self.current_keys(),
            db: self.name.clone(),
            plaintext: self.store.inner.keys.is_plaintext(),
        }
    }

    async fn open_record(&self, raw: RawRecord) -> Result<Record, StoreError> {
        match self.opener().open(raw)? {
            scan::Opened::Record(record) => Ok(record),
            scan::Opened::Later(raw) => {
                let value = self.open(&raw.keyspace, &raw.key, &raw.sealed).await?;
                Ok(Record {
                    key: raw.key,
                    version: raw.version,
                    value,
                })
            }
        }
    }

    async fn open(&self, keyspace: &str, key: &[u8], sealed: &[u8]) -> Result<Vec<u8>, StoreError> {
        if self.store.inner.keys.is_plaintext() {
            return Ok(sealed.to_vec());
        }
        let keys = self.current_keys();
        if let Some(value) = open_if_loaded(&keys, &self.name, keyspace, key, sealed)? {
            return Ok(value);
        }
        // Sealed with a key this process has not loaded yet (rotated elsewhere): reload once.
        let fresh = self
            .store
            .inner
            .keys
            .reload(self.store.inner.backend.as_ref(), &self.name)
            .await?;
        *self.keys.write().expect("database keys lock") = fresh.clone();
        open_with(&fresh, &self.name, keyspace, key, sealed)
    }
}

fn value_aad(db: &str, keyspace: &str, key: &[u8]) -> Aad {
    Aad::new("orbit/record")
        .with(db.as_bytes())
        .with(keyspace.as_bytes())
        .with(key)
}

/// The data key of the version `sealed` names; `None` if `keys` do not hold it.
fn loaded_key<'k>(
    keys: &'k DbKeys,
    db: &str,
    keyspace: &str,
    key: &[u8],
    sealed: &[u8],
) -> Result<Option<&'k DataKey>, StoreError> {
    let version = sealed_key_version(sealed).map_err(|e| integrity(db, keyspace, key, e))?;
    Ok(keys.by_version(version))
}

/// Opens `sealed` with `data_key` in its own buffer, without copying the value.
fn open_owned(
    data_key: &DataKey,
    db: &str,
    keyspace: &str,
    key: &[u8],
    sealed: Vec<u8>,
) -> Result<Vec<u8>, StoreError> {
    data_key
        .open_owned(sealed, &value_aad(db, keyspace, key))
        .map_err(|e| integrity(db, keyspace, key, e))
}

/// Opens `sealed` if `keys` hold the key version it names; `None` if they do not.
fn open_if_loaded(
    keys: &DbKeys,
    db: &str,
    keyspace: &str,
    key: &[u8],
    sealed: &[u8],
) -> Result<Option<Vec<u8>>, StoreError> {
    let Some(data_key) = loaded_key(keys, db, keyspace, key, sealed)? else {
        return Ok(None);
    };
    data_key
        .open(sealed, &value_aad(db, keyspace, key))
        .map(Some)
        .map_err(|e| integrity(db, keyspace, key, e))
}

fn open_with(
    keys: &DbKeys,
    db: &str,
    keyspace: &str,
    key: &[u8],
    sealed: &[u8],
) -> Result<Vec<u8>, StoreError> {
    open_if_loaded(keys, db, keyspace, key, sealed)?.ok_or_else(|| {
        let version = sealed_key_version(sealed).unwrap_or_default();
        integrity(
            db,
            keyspace,
            key,
            format!("sealed with unknown key version {version}"),
        )
    })
}

fn integrity(db: &str, keyspace: &str, key: &[u8], reason: impl std::fmt::Display) -> StoreError {
    StoreError::Integrity {
        database: db.to_owned(),
        keyspace: keyspace.to_owned(),
        key: display_key(key),
        reason: reason.to_string(),
    }
}

/// The smallest key greater than every key starting with `prefix`; `None` if there is none.
fn prefix_end(prefix: &[u8]) -> Option<Vec<u8>> {
    let mut end = prefix.to_vec();
    while let Some(last) = end.pop() {
        if last < 0xff {
            end.push(last + 1);
            return Some(end);
        }
    }
    None
}

fn validate_name(what: &'static str, name: &str) -> Result<(), StoreError> {
    let ok = !name.is_empty()
        && name.len() <= 128
        && name.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'.')
        });
    if ok {
        Ok(())
    } else {
        Err(StoreError::invalid(
            what,
            format!("{name:?}: use 1-128 lower-case letters, digits, '-', '_' or '.'"),
        ))
    }
}

fn validate_key(key: &[u8]) -> Result<(), StoreError> {
    if key.is_empty() || key.len() > MAX_KEY_LEN {
        return Err(StoreError::invalid(
            "key",
            format!("{} bytes: keys are 1-{MAX_KEY_LEN} bytes", key.len()),
        ));
    }
    Ok(())
}

fn create_private_dir(dir: &std::path::Path) -> Result<(), StoreError> {
    if dir.exists() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(|e| StoreError::Corrupt {
        path: dir.display().to_string(),
        reason: format!("cannot create the data directory: {e}"),
    })
}

#[cfg(test)]
mod unit {
    use super::*;

    #[test]
    fn prefix_end_handles_ff() {
        assert_eq!(prefix_end(b"ab"), Some(b"ac".to_vec()));
        assert_eq!(prefix_end(&[0x61, 0xff]), Some(vec![0x62]));
        assert_eq!(prefix_end(&[0xff, 0xff]), None);
        assert_eq!(prefix_end(b""), None);
    }
}
