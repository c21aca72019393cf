//! Schemaless records: the JSON objects a project keeps, grouped by entity type, behind
//! `orbit.system.v1.RecordService`.
//!
//! They live in the encrypted database `records` (not `system`): the entity type is the
//! keyspace (1-64 characters, a lower-case letter, then lower-case letters, digits and `_`),
//! the key is `<project id>/<record id>` (so a project's records of one type are one prefix
//! scan; neither id can contain `/`), the value is a [`StoredValue`] (`stored.rs`). Every
//! write is one transaction whose change event carries the project's scope (org, project,
//! entity, federated) and the request id as correlation id, so a write can be followed from
//! the API call to the change feed.
//!
//! Writes are refused while the project or its org is archived. The project lives in the
//! `system` database and a store transaction spans one database, so that is checked by
//! reading the project just before the write, not as a condition of the write's transaction:
//! an archive that commits while a write is in flight may let that one write land.
//!
//! Access is decided by the auth layer before these methods run (every RecordService RPC
//! declares project-user on the request's project); this module enforces what a declaration
//! cannot say (valid names, sizes, archived projects, versions). It knows nothing of gRPC;
//! `json.rs` converts the API's `google.protobuf.Struct` to and from JSON.

mod error;
pub mod json;
mod stored;
#[cfg(test)]
mod tests;

use serde_json::{Map, Value};

pub use error::RecordError;
pub use stored::{FORMAT, MAX_DATA_BYTES, StoredError, StoredValue};

use crate::identity::{Identity, RequestContext};
use crate::store::{Database, EventScope, Expect, Record, Store, StoreError, Transaction, new_id};

/// Name of the database records live in.
pub const RECORDS_DATABASE: &str = "records";
/// Records per page when a list asks for 0.
pub const DEFAULT_PAGE_SIZE: u32 = 100;
/// Most records per page; larger requests get this many.
pub const MAX_PAGE_SIZE: u32 = 1000;
/// Longest entity type name, in characters.
const MAX_ENTITY_LEN: usize = 64;
/// Longest record id, in characters.
const MAX_RECORD_ID_LEN: usize = 128;
/// Longest project id (as tenancy makes them), in characters.
const MAX_PROJECT_ID_LEN: usize = 64;

/// One record as the service returns it.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordValue {
    pub project_id: String,
    pub entity: String,
    pub id: String,
    /// The change sequence number of the write that produced this content.
    pub version: u64,
    pub data: Map<String, Value>,
    pub updated_at_ms: i64,
}

/// A write of one record (`RecordService.PutRecord`).
#[derive(Debug, Clone, Default)]
pub struct PutRecord {
    pub project_id: String,
    pub entity: String,
    /// Empty: a new ULID.
    pub id: String,
    pub data: Map<String, Value>,
    /// `None`: any; `Some(0)`: must not exist; `Some(n)`: must be at version n.
    pub expect_version: Option<u64>,
}

/// One page of a list.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordPage {
    pub records: Vec<RecordValue>,
    /// Records of the page that cannot be read (their value fails authentication or does not
    /// decode), in id order; the page lists the others. Reading one alone is DATA_LOSS.
    pub damaged: Vec<DamagedRecord>,
    /// The id to pass as `page_token` for the next page; empty when there are no more.
    pub next_page_token: String,
}

/// A record a list could not read: named, with why, never with content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DamagedRecord {
    pub entity: String,
    pub id: String,
    /// The version of the stored row (the sequence number of its last write).
    pub version: u64,
    pub reason: String,
}

/// The record service over the `records` database. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Records {
    db: Database,
    identity: Identity,
}

impl Records {
    /// Opens the `records` database of `store` (created with fresh keys on first use);
    /// `identity` is where projects are read.
    /// Records over `db` (the records module's own database).
    pub fn new(db: crate::store::Database, identity: Identity) -> Records {
        Records { db, identity }
    }

    pub async fn open(store: &Store, identity: Identity) -> Result<Records, RecordError> {
        Ok(Records {
            db: store.database(RECORDS_DATABASE).await?,
            identity,
        })
    }

    /// The database records live in (its outbox is their change feed).
    pub fn database(&self) -> &Database {
        &self.db
    }

    /// `RecordService.PutRecord`: creates or replaces a record.
    #[tracing::instrument(skip_all, fields(project_id = %put.project_id, entity = %put.entity))]
    pub async fn put(
        &self,
        caller: &RequestContext,
        put: PutRecord,
    ) -> Result<RecordValue, RecordError> {
        let project_id = valid_project_id(&put.project_id)?;
        let entity = valid_entity(&put.entity)?;
        let id = if put.id.is_empty() {
            new_id()
        } else {
            valid_record_id("id", &put.id)?.to_owned()
        };
        let stored = StoredValue {
            updated_at_ms: now_ms(),
            data: put.data,
        };
        let bytes = stored
            .encode()
            .map_err(|e| RecordError::invalid("data", e.to_string()))?;
        let expect = match put.expect_version {
            None => Expect::Any,
            Some(0) => Expect::Absent,
            Some(version) => Expect::Version(version),
        };
        let scope = self.writable_scope(project_id, entity).await?;
        let txn = Transaction::new().put_if(entity, record_key(project_id, &id), bytes, expect);
        let receipt = self
            .commit(caller, txn, scope)
            .await
            .map_err(|e| conflict(e, project_id, entity, &id))?;
        let version = receipt
            .version()
            .expect("a committed put always has a version");
        tracing::debug!(id, version, "record written");
        Ok(RecordValue {
            project_id: project_id.to_owned(),
            entity: entity.to_owned(),
            id,
            version,
            data: stored.data,
            updated_at_ms: stored.updated_at_ms,
        })
    }

    /// `RecordService.GetRecord`: one record.
    pub async fn get(
        &self,
        project_id: &str,
        entity: &str,
        id: &str,
    ) -> Result<RecordValue, RecordError> {
        let project_id = valid_project_id(project_id)?;
        let entity = valid_entity(entity)?;
        let id = valid_record_id("id", id)?;
        let record = self
            .db
            .get(entity, record_key(project_id, id).as_bytes())
            .await?
            .ok_or_else(|| RecordError::NotFound {
                project_id: project_id.to_owned(),
                entity: entity.to_owned(),
                id: id.to_owned(),
            })?;
        open(project_id, entity, id, record)
    }

    /// `RecordService.ListRecords`: records of one type in id order, after `page_token`.
    pub async fn list(
        &self,
        project_id: &str,
        entity: &str,
        page_size: u32,
        page_token: &str,
    ) -> Result<RecordPage, RecordError> {
        let project_id = valid_project_id(project_id)?;
        let entity = valid_entity(entity)?;
        let limit = match page_size {
            0 => DEFAULT_PAGE_SIZE,
            n => n.min(MAX_PAGE_SIZE),
        };
        let after = if page_token.is_empty() {
            None
        } else {
            Some(record_key(
                project_id,
                valid_record_id("page_token", page_token)?,
            ))
        };
        let prefix = format!("{project_id}/");
        // A record that cannot be opened is reported, not fatal: one damaged row must not
        // hide its neighbours (GetRecord of it alone still fails with DATA_LOSS).
        let page = self
            .db
            .scan_reporting_damage(
                entity,
                prefix.as_bytes(),
                after.as_ref().map(String::as_bytes),
                limit,
            )
            .await?;
        let id_of = |key: &[u8]| -> Result<String, RecordError> {
            key.strip_prefix(prefix.as_bytes())
                .and_then(|id| std::str::from_utf8(id).ok())
                .map(str::to_owned)
                .ok_or_else(|| RecordError::Corrupt {
                    entity: entity.to_owned(),
                    key: String::from_utf8_lossy(key).into_owned(),
                    reason: "the key is not <project id>/<record id>".into(),
                })
        };
        let mut records = Vec::with_capacity(page.records.len());
        let mut damaged = Vec::with_capacity(page.damaged.len());
        for record in page.damaged {
            damaged.push(DamagedRecord {
                entity: entity.to_owned(),
                id: id_of(&record.key)?,
                version: record.version,
                reason: format!("its value cannot be opened: {}", record.reason),
            });
        }
        for record in page.records {
            let id = id_of(&record.key)?;
            let version = record.version;
            match open(project_id, entity, &id, record) {
                Ok(record) => records.push(record),
                Err(RecordError::Corrupt { reason, .. }) => damaged.push(DamagedRecord {
                    entity: entity.to_owned(),
                    id,
                    version,
                    reason: format!("its value cannot be decoded: {reason}"),
                }),
                Err(error) => return Err(error),
            }
        }
        if !damaged.is_empty() {
            damaged.sort_by(|a, b| a.id.cmp(&b.id));
            for record in &damaged {
                tracing::error!(
                    database = RECORDS_DATABASE,
                    keyspace = entity,
                    key = %record_key(project_id, &record.id),
                    version = record.version,
                    reason = %record.reason,
                    "damaged record left out of a list"
                );
            }
        }
        let next_page_token = match page.next {
            Some(next) => id_of(&next)?,
            None => String::new(),
        };
        Ok(RecordPage {
            records,
            damaged,
            next_page_token,
        })
    }

    /// `RecordService.DeleteRecord`: whether there was a record to delete.
    #[tracing::instrument(skip_all, fields(%project_id, %entity))]
    pub async fn delete(
        &self,
        caller: &RequestContext,
        project_id: &str,
        entity: &str,
        id: &str,
        expect_version: Option<u64>,
    ) -> Result<bool, RecordError> {
        let project_id = valid_project_id(project_id)?;
        let entity = valid_entity(entity)?;
        let id = valid_record_id("id", id)?;
        let expect = match expect_version {
            None => Expect::Any,
            Some(0) => {
                return Err(RecordError::invalid(
                    "expect_version",
                    "0 means the record must not exist, which a delete cannot expect",
                ));
            }
            Some(version) => Expect::Version(version),
        };
        let scope = self.writable_scope(project_id, entity).await?;
        let txn = Transaction::new().delete_if(entity, record_key(project_id, id), expect);
        let receipt = self
            .commit(caller, txn, scope)
            .await
            .map_err(|e| conflict(e, project_id, entity, id))?;
        let deleted = receipt.version().is_some();
        tracing::debug!(id, deleted, "record deleted");
        Ok(deleted)
    }

    /// The scope of a write into `project_id`: refused while the project or its org is
    /// archived (see the module doc for why this is a read, not a condition).
    async fn writable_scope(
        &self,
        project_id: &str,
        entity: &str,
    ) -> Result<EventScope, RecordError> {
        self.identity
            .writable_scope(project_id, entity)
            .await
            .map_err(|error| match error {
                crate::identity::IdentityError::Archived { what, id } => {
                    RecordError::Archived { what, id }
                }
                other => other.into(),
            })
    }

    async fn commit(
        &self,
        caller: &RequestContext,
        txn: Transaction,
        scope: EventScope,
    ) -> Result<crate::store::Receipt, StoreError> {
        self.db.commit(caller.correlate(txn.scope(scope))).await
    }
}

/// A store conflict on the record's key, told in the record's terms.
fn conflict(error: StoreError, project_id: &str, entity: &str, id: &str) -> RecordError {
    match error {
        StoreError::Conflict {
            expected, found, ..
        } => RecordError::Conflict {
            project_id: project_id.to_owned(),
            entity: entity.to_owned(),
            id: id.to_owned(),
            expected,
            found,
        },
        other => other.into(),
    }
}

/// A stored record as the service returns it.
fn open(
    project_id: &str,
    entity: &str,
    id: &str,
    record: Record,
) -> Result<RecordValue, RecordError> {
    let stored = StoredValue::decode(&record.value).map_err(|e| RecordError::Corrupt {
        entity: entity.to_owned(),
        key: record_key(project_id, id),
        reason: e.to_string(),
    })?;
    Ok(RecordValue {
        project_id: project_id.to_owned(),
        entity: entity.to_owned(),
        id: id.to_owned(),
        version: record.version,
        data: stored.data,
        updated_at_ms: stored.updated_at_ms,
    })
}

/// Key of a record in its entity's keyspace.
pub fn record_key(project_id: &str, id: &str) -> String {
    format!("{project_id}/{id}")
}

/// An entity type: 1-64 characters, a lower-case letter, then lower-case letters, digits
/// and `_`.
pub fn valid_entity(entity: &str) -> Result<&str, RecordError> {
    let mut bytes = entity.bytes();
    let Some(first) = bytes.next() else {
        return Err(RecordError::invalid("entity", "is required"));
    };
    if entity.len() > MAX_ENTITY_LEN {
        return Err(RecordError::invalid(
            "entity",
            format!(
                "{} characters is over the limit of {MAX_ENTITY_LEN}",
                entity.chars().count()
            ),
        ));
    }
    let ok = first.is_ascii_lowercase()
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if ok {
        Ok(entity)
    } else {
        Err(RecordError::invalid(
            "entity",
            format!(
                "{entity:?} must start with a lower-case letter and hold only lower-case letters, digits and '_'"
            ),
        ))
    }
}

/// A record id (or a page token, which is one): 1-128 characters out of letters, digits,
/// `.`, `_` and `-`.
pub fn valid_record_id<'a>(field: &'static str, id: &'a str) -> Result<&'a str, RecordError> {
    if id.is_empty() {
        return Err(RecordError::invalid(field, "is required"));
    }
    if id.len() > MAX_RECORD_ID_LEN {
        return Err(RecordError::invalid(
            field,
            format!(
                "{} characters is over the limit of {MAX_RECORD_ID_LEN}",
                id.chars().count()
            ),
        ));
    }
    let ok = id
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
    if ok {
        Ok(id)
    } else {
        Err(RecordError::invalid(
            field,
            format!("{id:?} may hold only letters, digits, '.', '_' and '-'"),
        ))
    }
}

/// A project id: tenancy's ids are at most 64 letters, digits, `-` or `_`.
fn valid_project_id(project_id: &str) -> Result<&str, RecordError> {
    if project_id.is_empty() {
        return Err(RecordError::invalid("project_id", "is required"));
    }
    let ok = project_id.len() <= MAX_PROJECT_ID_LEN
        && project_id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(project_id)
    } else {
        Err(RecordError::invalid("project_id", "is not a valid id"))
    }
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}
