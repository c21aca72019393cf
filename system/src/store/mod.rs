//! The encrypted store: keyspaces of versioned records over SQLite or PostgreSQL, every
//! value sealed with XChaCha20-Poly1305, every write recorded in the same transaction as a
//! change event in its database's outbox.
//!
//! [`Store`] is the public handle; a [`Database`] is one encrypted database inside it (the
//! system's, a module's, a user module's), with its own data keys, blind-index key and
//! outbox. The system's databases share the main engine (one SQLite file or PostgreSQL
//! schema, which also holds the key ring); each module database lives in its own (see
//! `home.rs`), with its own group committer. The engines sit behind the `pub(crate)`
//! [`backend::Backend`] trait; this module never writes SQL and the backends never see a key.

mod backend;
mod batch;
mod config;
mod correlation;
mod error;
mod heads;
mod hlc;
mod home;
mod ids;
mod keyring;
mod postgres;
mod reencrypt;
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

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

pub use config::{KEY_FILE_NAME, StoreConfig, StoreLocation, Unseal};
pub use correlation::with_correlation_id;
pub use error::StoreError;
pub use hlc::{Hlc, HlcStamp};
pub use ids::new_id;
pub use types::{
    ChangeEvent, ChangeOp, ChangePage, DamagedEvent, DamagedRecord, EventScope, Expect, Receipt,
    Record, ScanPage, Transaction,
};

use crate::crypto::{Aad, BlindIndex, DataKey, sealed_key_version};
use backend::{From, RawRecord};
use batch::{SealedOp, SealedTxn};
use error::display_key;
use home::Home;
use keyring::{DbKeys, KeyRing};
use reencrypt::ReencryptPass;
use types::OpKind;

/// Largest key accepted, in bytes.
pub const MAX_KEY_LEN: usize = 1024;
/// Largest value accepted, in bytes (before sealing).
pub const MAX_VALUE_LEN: usize = 16 * 1024 * 1024;
/// Bytes of stored values after which [`Database::changes_matching`] ends a page: a reader of
/// the log holds about this much (plus one value) at a time, whatever the values' sizes.
pub const PAGE_BYTES: usize = 256 * 1024;

/// Handle to an open store. Cheap to clone; close it once with [`Store::close`].
#[derive(Clone)]
pub struct Store {
    inner: Arc<Inner>,
}

struct Inner {
    /// The main engine: the key ring, where each database lives, the system's databases.
    main: Arc<Home>,
    /// Where the main engine is; module databases live beside it.
    location: StoreLocation,
    full_sync: bool,
    max_group: usize,
    /// The home of each database opened so far (the main one included).
    homes: std::sync::Mutex<HashMap<String, Arc<Home>>>,
    /// Held while a database's home is looked up and opened, so each opens once.
    opening: tokio::sync::Mutex<()>,
    /// Databases declared as modules': each lives apart, in its own file or schema.
    modules: std::sync::RwLock<HashSet<String>>,
    keys: KeyRing,
    clock: Arc<Hlc>,
    heads: Arc<heads::Heads>,
    /// Where re-encryption stands in each database's records.
    reencrypt: std::sync::Mutex<HashMap<String, ReencryptPass>>,
    /// The databases that exist, once declared; `None`: any name.
    declared: std::sync::RwLock<Option<Vec<String>>>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("backend", &self.inner.main.backend.kind())
            .field("location", &self.inner.main.backend.location())
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
        let backend = home::open_backend(&config.location, config.full_sync).await?;
        let keys = match KeyRing::open(backend.as_ref(), &config.unseal, config.kdf).await {
            Ok(keys) => keys,
            Err(error) => {
                backend.close().await;
                return Err(error);
            }
        };
        let clock = Arc::new(Hlc::starting_after(HlcStamp(backend.max_hlc().await?)));
        let heads = Arc::new(heads::Heads::default());
        tracing::debug!(
            backend = backend.kind(),
            location = backend.location(),
            "store open"
        );
        let main = Home::start(backend, clock.clone(), heads.clone(), config.max_group);
        Ok(Store {
            inner: Arc::new(Inner {
                main,
                location: config.location,
                full_sync: config.full_sync,
                max_group: config.max_group,
                homes: Default::default(),
                opening: Default::default(),
                modules: Default::default(),
                keys,
                clock,
                heads,
                reencrypt: Default::default(),
                declared: Default::default(),
            }),
        })
    }

    /// `sqlite` or `postgres`.
    pub fn backend_name(&self) -> &'static str {
        self.inner.main.backend.kind()
    }

    /// Where the data lives (file path, or URL without password).
    pub fn location(&self) -> &str {
        self.inner.main.backend.location()
    }

    /// This instance's id, fixed at creation.
    pub fn instance_id(&self) -> String {
        self.inner.keys.instance_id()
    }

    /// The store's hybrid logical clock.
    pub fn clock(&self) -> &Hlc {
        &self.inner.clock
    }

    /// Restricts [`Store::database`] to `names` (the system's own and the modules'): once
    /// declared, any other name is [`StoreError::UnknownDatabase`], so no request can make
    /// the server create a database. Until then every valid name opens (tests, tools).
    pub fn declare_databases(&self, names: impl IntoIterator<Item = String>) {
        let mut declared = self.inner.declared.write().expect("declared databases");
        declared.get_or_insert_with(Vec::new).extend(names);
    }

    /// Declares module databases (as [`Store::declare_databases`] does), each of which lives
    /// apart from the main store: in its own SQLite file `<data dir>/<name>.db`, or its own
    /// PostgreSQL schema (`orbit_<name>`, or `<schema>_<name>` beside a store in a named
    /// schema), with its own group committer, created on first use and recorded in the main
    /// store, so later opens (tools that declare nothing included) find it. A module database
    /// that already holds data in the main store stays there. Declare before opening them.
    pub fn declare_module_databases(&self, names: impl IntoIterator<Item = String>) {
        let names: Vec<String> = names.into_iter().collect();
        self.inner
            .modules
            .write()
            .expect("module databases")
            .extend(names.iter().cloned());
        // A name opened before its declaration was placed in the main store without
        // recording it: look again.
        let mut homes = self.inner.homes.lock().expect("homes lock");
        for name in &names {
            if homes
                .get(name)
                .is_some_and(|home| Arc::ptr_eq(home, &self.inner.main))
            {
                homes.remove(name);
            }
        }
        drop(homes);
        self.declare_databases(names);
    }

    /// The home of database `name`: the main one, or its own (opened, and created if it is a
    /// module database opened for the first time).
    async fn home(&self, name: &str) -> Result<Arc<Home>, StoreError> {
        let cached = || {
            self.inner
                .homes
                .lock()
                .expect("homes lock")
                .get(name)
                .cloned()
        };
        if let Some(home) = cached() {
            return Ok(home);
        }
        let _opening = self.inner.opening.lock().await;
        if let Some(home) = cached() {
            return Ok(home);
        }
        let main = &self.inner.main;
        let is_module = self
            .inner
            .modules
            .read()
            .expect("module databases")
            .contains(name);
        let home = match main.backend.load_placement(name).await? {
            Some(Some(location)) => self.open_apart(name, &location, false).await?,
            Some(None) => main.clone(),
            None if is_module && main.backend.head(name).await? > 0 => {
                tracing::warn!(
                    database = name,
                    location = main.backend.location(),
                    "module database stays in the main store, which already holds its data"
                );
                main.backend.record_placement(name, None).await?;
                main.clone()
            }
            None if is_module => {
                let location = home::apart_location(&self.inner.location, name)?;
                // Created before it is recorded: a crash in between leaves a file or schema
                // that the next start opens again, never a record of one that is missing.
                let home = self.open_apart(name, &location, true).await?;
                let recorded = main.backend.record_placement(name, Some(&location)).await?;
                if recorded.as_deref() == Some(location.as_str()) {
                    home
                } else {
                    // Another process sharing the main store recorded another home first.
                    home.close().await;
                    match recorded {
                        Some(other) => self.open_apart(name, &other, false).await?,
                        None => main.clone(),
                    }
                }
            }
            None => main.clone(),
        };
        self.inner
            .homes
            .lock()
            .expect("homes lock")
            .insert(name.to_owned(), home.clone());
        Ok(home)
    }

    /// Opens the home of `name` recorded (or about to be) at `location`, migrating its schema
    /// and moving the clock past its newest stamp. Unless `create`, a missing SQLite file is
    /// [`StoreError::ApartMissing`] rather than a new empty one.
    async fn open_apart(
        &self,
        name: &str,
        location: &str,
        create: bool,
    ) -> Result<Arc<Home>, StoreError> {
        let place = home::resolve(&self.inner.location, location);
        let shown = home::describe(&place);
        if let StoreLocation::Sqlite { path } = &place {
            if !create && !path.exists() {
                return Err(StoreError::ApartMissing {
                    database: name.to_owned(),
                    location: shown,
                });
            }
        }
        let apart = |source: StoreError| StoreError::Apart {
            database: name.to_owned(),
            location: shown.clone(),
            source: Box::new(source),
        };
        let backend = home::open_backend(&place, self.inner.full_sync)
            .await
            .map_err(apart)?;
        let prepared = async {
            backend.migrate().await?;
            backend.init_database(name).await?;
            backend.max_hlc().await
        }
        .await;
        let newest = match prepared {
            Ok(newest) => newest,
            Err(error) => {
                backend.close().await;
                return Err(apart(error));
            }
        };
        self.inner.clock.observe(HlcStamp(newest));
        if create {
            tracing::info!(database = name, location = %shown, "module database in its own home");
        } else {
            tracing::debug!(database = name, location = %shown, "module database open");
        }
        Ok(Home::start(
            backend,
            self.inner.clock.clone(),
            self.inner.heads.clone(),
            self.inner.max_group,
        ))
    }

    /// Opens encrypted database `name` (created with fresh keys on first use). Names are
    /// lower-case letters, digits, `-`, `_` and `.`.
    pub async fn database(&self, name: &str) -> Result<Database, StoreError> {
        validate_name("database name", name)?;
        if let Some(declared) = self
            .inner
            .declared
            .read()
            .expect("declared databases")
            .as_ref()
        {
            if !declared.iter().any(|d| d == name) {
                return Err(StoreError::UnknownDatabase {
                    name: name.to_owned(),
                    known: declared.join(", "),
                });
            }
        }
        let home = self.home(name).await?;
        let keys = self
            .inner
            .keys
            .database(self.inner.main.backend.as_ref(), name)
            .await?;
        Ok(Database {
            store: self.clone(),
            home,
            name: Arc::from(name),
            keys: std::sync::RwLock::new(keys).into(),
        })
    }

    /// Waits for queued writes to commit, stops the group committers and closes the
    /// connections of every home: each module database's, then the main one.
    pub async fn close(&self) {
        let mut apart: Vec<Arc<Home>> = Vec::new();
        for home in self.inner.homes.lock().expect("homes lock").values() {
            if !Arc::ptr_eq(home, &self.inner.main) && !apart.iter().any(|h| Arc::ptr_eq(h, home)) {
                apart.push(home.clone());
            }
        }
        for home in apart {
            home.close().await;
        }
        self.inner.main.close().await;
    }
}

/// One encrypted database: keyspaces of records, a blind-index key and a change outbox.
#[derive(Clone)]
pub struct Database {
    store: Store,
    /// Where this database's rows live, and the committer that writes them.
    home: Arc<Home>,
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
        let backend = self.home.backend.as_ref();
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
        let backend = self.home.backend.as_ref();
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
                unscoped: op.unscoped,
                expect: op.expect,
            });
        }
        let sealed = SealedTxn {
            database: self.name.to_string(),
            ops,
            correlation_id: txn.correlation_id.or_else(correlation::current),
            scope: txn.scope,
        };
        self.home.writer()?.commit(sealed).await
    }

    /// Every record whose key starts with `prefix`, in key order, read page by page (for
    /// keyspaces known to stay small: definitions, memberships, view declarations).
    pub async fn scan_all(&self, keyspace: &str, prefix: &[u8]) -> Result<Vec<Record>, StoreError> {
        let mut records = Vec::new();
        let mut after: Option<Vec<u8>> = None;
        loop {
            let page = self.scan(keyspace, prefix, after.as_deref(), 500).await?;
            records.extend(page.records);
            match page.next {
                Some(next) => after = Some(next),
                None => return Ok(records),
            }
        }
    }

    /// Records whose key starts with `prefix`, in key order, at most `limit` per page,
    /// starting after key `after` (the previous page's `next`). A record whose value cannot
    /// be opened fails the page with [`StoreError::Integrity`].
    pub async fn scan(
        &self,
        keyspace: &str,
        prefix: &[u8],
        after: Option<&[u8]>,
        limit: u32,
    ) -> Result<ScanPage, StoreError> {
        self.scan_page(keyspace, prefix, after, limit, false).await
    }

    /// Like [`Database::scan`], but a record whose value cannot be opened (it fails
    /// authentication, or names a key version that does not exist) is reported in
    /// [`ScanPage::damaged`] and the page holds the others. It still counts towards `limit`
    /// and `next`.
    pub async fn scan_reporting_damage(
        &self,
        keyspace: &str,
        prefix: &[u8],
        after: Option<&[u8]>,
        limit: u32,
    ) -> Result<ScanPage, StoreError> {
        self.scan_page(keyspace, prefix, after, limit, true).await
    }

    async fn scan_page(
        &self,
        keyspace: &str,
        prefix: &[u8],
        after: Option<&[u8]>,
        limit: u32,
        report_damage: bool,
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
        let backend = self.home.backend.as_ref();
        let raws = backend.scan(&self.name, keyspace, from, end.as_deref(), limit);
        // Records are opened while the engine is still reading the page (see `scan.rs`).
        let opened = self.opener().open_page(raws).await?;
        let count = opened.len();
        let mut records = Vec::with_capacity(count);
        let mut damaged = Vec::new();
        let mut last_key = None;
        for item in opened {
            let item = match item {
                // Sealed with a key version rotated in by another process: reloads the keys.
                scan::Opened::Later(raw) => self.open_later(raw).await?,
                other => other,
            };
            match item {
                scan::Opened::Record(record) => {
                    last_key = Some(record.key.clone());
                    records.push(record);
                }
                scan::Opened::Damaged(record, error) => {
                    if !report_damage {
                        return Err(error);
                    }
                    last_key = Some(record.key.clone());
                    damaged.push(record);
                }
                scan::Opened::Later(_) => unreachable!("opened with reloaded keys"),
            }
        }
        let next = if count as u32 == limit {
            last_key
        } else {
            None
        };
        Ok(ScanPage {
            records,
            next,
            damaged,
        })
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
    /// number looked at, matching or not: pass it as the next `after`. A page also ends once
    /// [`PAGE_BYTES`] of values were read, so a page of large values holds few of them: a
    /// short page is not the end of the log, only `scanned_through == after` is.
    pub async fn changes_matching(
        &self,
        after: u64,
        limit: u32,
        matches: impl Fn(Option<&EventScope>) -> bool,
    ) -> Result<ChangePage, StoreError> {
        self.read_changes(after, limit, matches, false).await
    }

    /// Like [`Database::changes_matching`], but a matching event that cannot be read (its
    /// value fails authentication, or its row is invalid) does not fail the page: it is
    /// reported in [`ChangePage::damaged`], in sequence order, and the page holds the others.
    /// What to do about it is the reader's decision (stop there, or tell its client).
    pub async fn changes_reporting_damage(
        &self,
        after: u64,
        limit: u32,
        matches: impl Fn(Option<&EventScope>) -> bool,
    ) -> Result<ChangePage, StoreError> {
        self.read_changes(after, limit, matches, true).await
    }

    async fn read_changes(
        &self,
        after: u64,
        limit: u32,
        matches: impl Fn(Option<&EventScope>) -> bool,
        report_damage: bool,
    ) -> Result<ChangePage, StoreError> {
        let backend = self.home.backend.as_ref();
        let raws = backend
            .read_changes(&self.name, after, limit, PAGE_BYTES)
            .await?;
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
        let mut damaged = Vec::new();
        for raw in raws {
            if !matches(raw.scope.as_ref()) {
                continue;
            }
            let opened = match ChangeOp::from_code(raw.op) {
                None => Err(StoreError::Integrity {
                    database: self.name.to_string(),
                    keyspace: raw.keyspace.clone(),
                    key: display_key(&raw.key),
                    reason: format!("outbox event {} has unknown operation {}", raw.seq, raw.op),
                }),
                Some(op) => match &raw.sealed {
                    Some(sealed) => self
                        .open(&raw.keyspace, &raw.key, sealed)
                        .await
                        .map(|value| (op, Some(value))),
                    None => Ok((op, None)),
                },
            };
            let (op, value) = match opened {
                Ok(opened) => opened,
                Err(StoreError::Integrity { reason, .. }) if report_damage => {
                    damaged.push(DamagedEvent {
                        database: self.name.to_string(),
                        seq: raw.seq,
                        keyspace: raw.keyspace,
                        key: raw.key,
                        scope: raw.scope,
                        reason,
                    });
                    continue;
                }
                Err(error) => return Err(error),
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
            damaged,
        })
    }

    /// The sequence number of the newest change event (0 if none).
    pub async fn head(&self) -> Result<u64, StoreError> {
        self.home.backend.head(&self.name).await
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
        let deleted = self.home.backend.prune_changes(&self.name, through).await?;
        tracing::debug!(database = %self.name, through, deleted, "outbox pruned");
        Ok(deleted)
    }

    /// The highest pruned sequence number (0 if nothing was pruned): reading from an `after`
    /// below it fails.
    pub async fn pruned_through(&self) -> Result<u64, StoreError> {
        self.home.backend.pruned_through(&self.name).await
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

    /// Every record of the database after `after` in (keyspace, key) order, at most `limit`,
    /// opened: a page of a whole-database export (federation sends a shared project's state to
    /// a new peer this way). Start with `("", b"")`; an empty page is the end.
    pub async fn export_page(
        &self,
        after: (&str, &[u8]),
        limit: u32,
    ) -> Result<Vec<(String, Record)>, StoreError> {
        let backend = self.home.backend.as_ref();
        let raws = backend
            .stale_records(&self.name, u32::MAX, after, limit.clamp(1, 10_000))
            .await?;
        let mut page = Vec::with_capacity(raws.len());
        for raw in raws {
            let keyspace = raw.keyspace.clone();
            page.push((keyspace, self.open_record(raw).await?));
        }
        Ok(page)
    }

    async fn open_record(&self, raw: RawRecord) -> Result<Record, StoreError> {
        let opened = match self.opener().open(raw)? {
            scan::Opened::Later(raw) => self.open_later(raw).await?,
            other => other,
        };
        match opened {
            scan::Opened::Record(record) => Ok(record),
            scan::Opened::Damaged(_, error) => Err(error),
            scan::Opened::Later(_) => unreachable!("opened with reloaded keys"),
        }
    }

    /// Opens a record sealed with a key version this process had not loaded (reloading the
    /// keys once); never [`scan::Opened::Later`].
    async fn open_later(&self, raw: RawRecord) -> Result<scan::Opened, StoreError> {
        match self.open(&raw.keyspace, &raw.key, &raw.sealed).await {
            Ok(value) => Ok(scan::Opened::Record(Record {
                key: raw.key,
                version: raw.version,
                value,
            })),
            Err(StoreError::Integrity {
                database,
                keyspace,
                key,
                reason,
            }) => Ok(scan::Opened::Damaged(
                DamagedRecord {
                    key: raw.key,
                    version: raw.version,
                    reason: reason.clone(),
                },
                StoreError::Integrity {
                    database,
                    keyspace,
                    key,
                    reason,
                },
            )),
            Err(error) => Err(error),
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
            .reload(self.store.inner.main.backend.as_ref(), &self.name)
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
