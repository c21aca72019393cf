//! The values that cross the store's public API: records, conditions, transactions,
//! receipts and change events.

use crate::store::hlc::HlcStamp;

/// A decrypted record as read from a keyspace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub key: Vec<u8>,
    /// The change sequence number of the write that produced this value. Strictly increases
    /// with every write to the key, and never repeats after a delete and re-create.
    pub version: u64,
    pub value: Vec<u8>,
}

/// A condition on a key's current state, checked inside the committing transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// No condition.
    Any,
    /// The key must not exist.
    Absent,
    /// The key must exist with exactly this version.
    Version(u64),
}

/// What a change event did to its key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChangeOp {
    Put,
    Delete,
}

impl ChangeOp {
    pub(crate) fn code(self) -> i16 {
        match self {
            ChangeOp::Put => 1,
            ChangeOp::Delete => 2,
        }
    }

    pub(crate) fn from_code(code: i16) -> Option<ChangeOp> {
        match code {
            1 => Some(ChangeOp::Put),
            2 => Some(ChangeOp::Delete),
            _ => None,
        }
    }
}

/// One operation of a transaction.
#[derive(Debug, Clone)]
pub(crate) enum OpKind {
    Put(Vec<u8>),
    Delete,
    Check,
}

#[derive(Debug, Clone)]
pub(crate) struct Op {
    pub(crate) keyspace: String,
    pub(crate) key: Vec<u8>,
    pub(crate) kind: OpKind,
    pub(crate) expect: Expect,
    /// Its change event carries no scope, whatever the transaction's.
    pub(crate) unscoped: bool,
}

/// A multi-key transaction on one database: every condition holds and every write lands,
/// or nothing does. Build it, then hand it to [`crate::store::Database::commit`].
#[derive(Debug, Clone, Default)]
pub struct Transaction {
    pub(crate) ops: Vec<Op>,
    pub(crate) correlation_id: Option<String>,
    pub(crate) scope: Option<EventScope>,
}

/// Where the change events of a transaction belong: the tenant scope and entity type that
/// feeds filter on and federation routes by. Stored in plaintext beside the sealed value
/// (ids and type names, never content). Events without a scope are the instance's own
/// (accounts, keys, audit) and never leave it through a feed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct EventScope {
    pub org_id: String,
    pub project_id: String,
    /// The entity type (record type) the changed key holds.
    pub entity: String,
    /// Whether the project federates: the outbox relay publishes only such events.
    pub federated: bool,
}

impl Transaction {
    pub fn new() -> Self {
        Self::default()
    }

    /// Writes `value` under `key`, whatever is there.
    pub fn put(self, keyspace: &str, key: impl Into<Vec<u8>>, value: impl Into<Vec<u8>>) -> Self {
        self.put_if(keyspace, key, value, Expect::Any)
    }

    /// Writes `value` under `key` if `expect` holds.
    pub fn put_if(
        mut self,
        keyspace: &str,
        key: impl Into<Vec<u8>>,
        value: impl Into<Vec<u8>>,
        expect: Expect,
    ) -> Self {
        self.ops.push(Op {
            keyspace: keyspace.to_owned(),
            key: key.into(),
            kind: OpKind::Put(value.into()),
            expect,
            unscoped: false,
        });
        self
    }

    /// Writes `value` under `key`, whatever is there, with a change event that carries no
    /// scope whatever the transaction's: bookkeeping of the instance's own (a federation
    /// high-water mark beside the change it records) that no feed, view or relay passes on.
    pub fn put_unscoped(
        mut self,
        keyspace: &str,
        key: impl Into<Vec<u8>>,
        value: impl Into<Vec<u8>>,
    ) -> Self {
        self.ops.push(Op {
            keyspace: keyspace.to_owned(),
            key: key.into(),
            kind: OpKind::Put(value.into()),
            expect: Expect::Any,
            unscoped: true,
        });
        self
    }

    /// Deletes `key` if it exists, with a change event that carries no scope (the
    /// counterpart of [`Transaction::put_unscoped`]: an index entry beside the record it
    /// indexes).
    pub fn delete_unscoped(mut self, keyspace: &str, key: impl Into<Vec<u8>>) -> Self {
        self.ops.push(Op {
            keyspace: keyspace.to_owned(),
            key: key.into(),
            kind: OpKind::Delete,
            expect: Expect::Any,
            unscoped: true,
        });
        self
    }

    /// Deletes `key` if it exists.
    pub fn delete(self, keyspace: &str, key: impl Into<Vec<u8>>) -> Self {
        self.delete_if(keyspace, key, Expect::Any)
    }

    /// Deletes `key` if `expect` holds.
    pub fn delete_if(mut self, keyspace: &str, key: impl Into<Vec<u8>>, expect: Expect) -> Self {
        self.ops.push(Op {
            keyspace: keyspace.to_owned(),
            key: key.into(),
            kind: OpKind::Delete,
            expect,
            unscoped: false,
        });
        self
    }

    /// Only checks `expect` on `key`, writing nothing there.
    pub fn check(mut self, keyspace: &str, key: impl Into<Vec<u8>>, expect: Expect) -> Self {
        self.ops.push(Op {
            keyspace: keyspace.to_owned(),
            key: key.into(),
            kind: OpKind::Check,
            expect,
            unscoped: false,
        });
        self
    }

    /// Tags the change events of this transaction with the id of the request that caused them.
    pub fn correlation_id(mut self, id: impl Into<String>) -> Self {
        self.correlation_id = Some(id.into());
        self
    }

    /// Puts the change events of this transaction into `scope`.
    pub fn scope(mut self, scope: EventScope) -> Self {
        self.scope = Some(scope);
        self
    }

    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }
}

/// What a committed transaction produced, one entry per operation in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receipt {
    /// For each operation: the new version (= change sequence number) of a put or delete,
    /// or `None` for a check and for a delete of a key that did not exist (no event).
    pub versions: Vec<Option<u64>>,
    /// The hybrid-logical-clock stamp of the transaction.
    pub hlc: HlcStamp,
}

impl Receipt {
    /// The version written by the first operation (the single one of `put`/`delete`).
    pub fn version(&self) -> Option<u64> {
        self.versions.first().copied().flatten()
    }
}

/// One entry of a database's change outbox, decrypted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeEvent {
    pub database: String,
    /// Gap-free per database, starting at 1.
    pub seq: u64,
    pub hlc: HlcStamp,
    pub keyspace: String,
    pub key: Vec<u8>,
    pub op: ChangeOp,
    /// The new value of a put; `None` for a delete.
    pub value: Option<Vec<u8>>,
    pub correlation_id: Option<String>,
    /// The scope the writing transaction declared, if any.
    pub scope: Option<EventScope>,
}

impl ChangeEvent {
    /// Roughly the memory this event holds: its value, key and names.
    pub fn bytes(&self) -> usize {
        self.value.as_ref().map_or(0, Vec::len)
            + self.key.len()
            + self.keyspace.len()
            + self.database.len()
            + self.correlation_id.as_ref().map_or(0, String::len)
    }
}

/// Change events read from an outbox, possibly filtered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangePage {
    pub events: Vec<ChangeEvent>,
    /// The last sequence number read (matching or not); the `after` of the next read.
    pub scanned_through: u64,
    /// Matching events of the page that cannot be read, in sequence order (only from
    /// [`crate::store::Database::changes_reporting_damage`]; other reads fail instead).
    pub damaged: Vec<DamagedEvent>,
}

/// One page of a prefix scan, in key order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScanPage {
    pub records: Vec<Record>,
    /// Pass as `after` to get the next page; `None` when the scan is complete.
    pub next: Option<Vec<u8>>,
    /// Records of the page whose value cannot be opened, in key order (only from
    /// [`crate::store::Database::scan_reporting_damage`]; a plain scan fails instead).
    pub damaged: Vec<DamagedRecord>,
}

/// A stored record whose sealed value cannot be opened (it fails authentication, or names
/// a key version that does not exist): named, never read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DamagedRecord {
    pub key: Vec<u8>,
    pub version: u64,
    /// What is wrong with it, without any of its content.
    pub reason: String,
}

/// An outbox event that cannot be read (its sealed value fails authentication, or its row
/// is invalid). Its names and scope are plaintext columns, so a reader can still tell
/// whether it concerns it and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DamagedEvent {
    pub database: String,
    pub seq: u64,
    pub keyspace: String,
    pub key: Vec<u8>,
    pub scope: Option<EventScope>,
    /// What is wrong with it, without any of its content.
    pub reason: String,
}

impl DamagedEvent {
    /// The key as messages show it: UTF-8 if printable, hex otherwise.
    pub fn display_key(&self) -> String {
        crate::store::error::display_key(&self.key)
    }
}

impl std::fmt::Display for DamagedEvent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "change event {} of database {} (keyspace {}, key {}) cannot be read: {}",
            self.seq,
            self.database,
            self.keyspace,
            self.display_key(),
            self.reason
        )
    }
}
