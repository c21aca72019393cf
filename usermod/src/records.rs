//! Records of a user module's types: `DynamicMessage` bytes in the module's own encrypted
//! database, one keyspace per type (named after it, key `<project id>/<record id>`), with a keyed
//! blind index per indexed field (`i.<type>`, key `<project>/<field number>/<hmac hex>/<id>`:
//! equality queries never see a plaintext value). A record and its index entries change in
//! one transaction; the record's change event carries the project's scope and the type as
//! entity, so the module's feed, watches, views and the relay see it as any module's, while
//! the index entries' events carry none (no feed passes them on).
//!
//! Fields are stored by number: a field renamed in a later schema version keeps its data,
//! and records written under an older version decode under the newer one (only additions are
//! accepted). Values are validated against the descriptor before they are stored: no unknown
//! fields, required fields set, valid ids, at most [`MAX_RECORD_BYTES`].

use std::cmp::Ordering;
use std::collections::HashMap;

use orbit_system::identity::{Identity, RequestContext};
use orbit_system::store::{Database, EventScope, Expect, Record, StoreError, Transaction, new_id};
use prost::Message as _;
use prost_reflect::{DynamicMessage, FieldDescriptor, Kind, ReflectMessage, Value};

use crate::error::UserModuleError;
use crate::schema::Entity;

/// Most bytes one record may encode to.
pub(crate) const MAX_RECORD_BYTES: usize = 1 << 20;
/// Records per page when a request asks for 0, and the most it may ask for.
pub(crate) const DEFAULT_PAGE: u32 = 100;
pub(crate) const MAX_PAGE: u32 = 1_000;
/// Most records a query may match before it is ordered and paged.
pub(crate) const MAX_QUERY_MATCHES: usize = 10_000;
/// Writes retried when another write changed the record between read and commit.
const WRITE_ATTEMPTS: usize = 5;

/// A stored record as the API returns it.
#[derive(Debug, Clone)]
pub(crate) struct Stored {
    pub(crate) value: DynamicMessage,
    pub(crate) version: u64,
}

/// The records of one user module.
#[derive(Debug, Clone)]
pub(crate) struct Records {
    pub(crate) db: Database,
    identity: Identity,
    org_id: String,
}

/// The keyspace of `entity`'s records: its key, as records name theirs (a group-by view
/// folds the keyspace named after the entity it declares).
pub(crate) fn record_keyspace(entity: &Entity) -> String {
    entity.key.clone()
}

fn index_keyspace(entity: &Entity) -> String {
    format!("i.{}", entity.key)
}

fn record_key(project_id: &str, id: &str) -> String {
    format!("{project_id}/{id}")
}

impl Records {
    pub(crate) fn new(db: Database, identity: Identity, org_id: String) -> Records {
        Records {
            db,
            identity,
            org_id,
        }
    }

    /// The project's scope for a write; a project of another org is NotFound (the module does
    /// not exist there).
    async fn scope(
        &self,
        project_id: &str,
        entity: &Entity,
    ) -> Result<EventScope, UserModuleError> {
        valid_id("project_id", project_id)?;
        let scope = self
            .identity
            .writable_scope(project_id, &entity.key)
            .await?;
        if scope.org_id != self.org_id {
            return Err(not_here(entity));
        }
        Ok(scope)
    }

    /// Checks that `project_id` belongs to the module's org (reads).
    pub(crate) async fn check_project(
        &self,
        caller: &RequestContext,
        project_id: &str,
        entity: &Entity,
    ) -> Result<(), UserModuleError> {
        valid_id("project_id", project_id)?;
        let project = self.identity.get_project(caller, project_id).await?;
        if project.org_id != self.org_id {
            return Err(not_here(entity));
        }
        Ok(())
    }

    /// `Create`: a new record; an empty id gets a fresh one.
    pub(crate) async fn create(
        &self,
        caller: &RequestContext,
        entity: &Entity,
        project_id: &str,
        mut value: DynamicMessage,
    ) -> Result<Stored, UserModuleError> {
        let id = match value.get_field(&entity.id).as_str() {
            Some("") | None => new_id(),
            Some(id) => id.to_owned(),
        };
        value.set_field(&entity.id, Value::String(id.clone()));
        let bytes = validate(entity, &value)?;
        let scope = self.scope(project_id, entity).await?;
        let mut txn = Transaction::new().put_if(
            &record_keyspace(entity),
            record_key(project_id, &id),
            bytes,
            Expect::Absent,
        );
        for key in self.index_keys(entity, project_id, &id, &value) {
            txn = txn.put_unscoped(&index_keyspace(entity), key, id.clone());
        }
        let receipt = self
            .db
            .commit(caller.correlate(txn.scope(scope)))
            .await
            .map_err(|error| match error {
                StoreError::Conflict { .. } => UserModuleError::Exists {
                    what: "record",
                    name: format!("{}/{id}", entity.message.name()),
                },
                other => other.into(),
            })?;
        Ok(Stored {
            value,
            version: receipt.version().unwrap_or_default(),
        })
    }

    /// `Get`.
    pub(crate) async fn get(
        &self,
        entity: &Entity,
        project_id: &str,
        id: &str,
    ) -> Result<Stored, UserModuleError> {
        valid_id("id", id)?;
        self.read(entity, project_id, id)
            .await?
            .ok_or_else(|| UserModuleError::NotFound {
                what: "record",
                name: format!("{}/{id}", entity.message.name()),
            })
    }

    async fn read(
        &self,
        entity: &Entity,
        project_id: &str,
        id: &str,
    ) -> Result<Option<Stored>, UserModuleError> {
        let record = self
            .db
            .get(
                &record_keyspace(entity),
                record_key(project_id, id).as_bytes(),
            )
            .await?;
        record.map(|record| open(entity, record)).transpose()
    }

    /// `Update`: replaces the record named by the value's id.
    pub(crate) async fn update(
        &self,
        caller: &RequestContext,
        entity: &Entity,
        project_id: &str,
        value: DynamicMessage,
        expect_version: u64,
    ) -> Result<Stored, UserModuleError> {
        let id = value
            .get_field(&entity.id)
            .as_str()
            .unwrap_or_default()
            .to_owned();
        if id.is_empty() {
            return Err(UserModuleError::invalid(
                format!("{}.{}", entity.key, entity.id.name()),
                "names the record to update: it must not be empty",
            ));
        }
        valid_id("id", &id)?;
        let bytes = validate(entity, &value)?;
        let scope = self.scope(project_id, entity).await?;
        for _ in 0..WRITE_ATTEMPTS {
            let current = self.get(entity, project_id, &id).await?;
            check_version(entity, &id, expect_version, current.version)?;
            let mut txn = Transaction::new().put_if(
                &record_keyspace(entity),
                record_key(project_id, &id),
                bytes.clone(),
                Expect::Version(current.version),
            );
            let old = self.index_keys(entity, project_id, &id, &current.value);
            let new = self.index_keys(entity, project_id, &id, &value);
            for key in old.iter().filter(|k| !new.contains(k)) {
                txn = txn.delete_unscoped(&index_keyspace(entity), key.clone());
            }
            for key in new.iter().filter(|k| !old.contains(k)) {
                txn = txn.put_unscoped(&index_keyspace(entity), key.clone(), id.clone());
            }
            match self
                .db
                .commit(caller.correlate(txn.scope(scope.clone())))
                .await
            {
                Ok(receipt) => {
                    return Ok(Stored {
                        value,
                        version: receipt.version().unwrap_or_default(),
                    });
                }
                // Changed between the read and the write: read again (an expected version
                // then fails the check above).
                Err(StoreError::Conflict { .. }) => continue,
                Err(other) => return Err(other.into()),
            }
        }
        Err(UserModuleError::Conflict {
            what: format!("record {}/{id}", entity.message.name()),
            expected: "a quiet moment".into(),
            found: format!("{WRITE_ATTEMPTS} concurrent writes in a row"),
        })
    }

    /// `Delete`: whether there was a record.
    pub(crate) async fn delete(
        &self,
        caller: &RequestContext,
        entity: &Entity,
        project_id: &str,
        id: &str,
        expect_version: u64,
    ) -> Result<bool, UserModuleError> {
        valid_id("id", id)?;
        let scope = self.scope(project_id, entity).await?;
        for _ in 0..WRITE_ATTEMPTS {
            let Some(current) = self.read(entity, project_id, id).await? else {
                if expect_version != 0 {
                    check_version(entity, id, expect_version, 0)?;
                }
                return Ok(false);
            };
            check_version(entity, id, expect_version, current.version)?;
            let mut txn = Transaction::new().delete_if(
                &record_keyspace(entity),
                record_key(project_id, id),
                Expect::Version(current.version),
            );
            for key in self.index_keys(entity, project_id, id, &current.value) {
                txn = txn.delete_unscoped(&index_keyspace(entity), key);
            }
            match self
                .db
                .commit(caller.correlate(txn.scope(scope.clone())))
                .await
            {
                Ok(_) => return Ok(true),
                Err(StoreError::Conflict { .. }) => continue,
                Err(other) => return Err(other.into()),
            }
        }
        Err(UserModuleError::Conflict {
            what: format!("record {}/{id}", entity.message.name()),
            expected: "a quiet moment".into(),
            found: format!("{WRITE_ATTEMPTS} concurrent writes in a row"),
        })
    }

    /// `List`: records in id order after `page_token`.
    pub(crate) async fn list(
        &self,
        entity: &Entity,
        project_id: &str,
        page_size: u32,
        page_token: &str,
    ) -> Result<(Vec<Stored>, String), UserModuleError> {
        let prefix = format!("{project_id}/");
        let after = if page_token.is_empty() {
            None
        } else {
            valid_id("page_token", page_token)?;
            Some(record_key(project_id, page_token))
        };
        let page = self
            .db
            .scan(
                &record_keyspace(entity),
                prefix.as_bytes(),
                after.as_ref().map(String::as_bytes),
                page_limit(page_size),
            )
            .await?;
        let records = page
            .records
            .into_iter()
            .map(|record| open(entity, record))
            .collect::<Result<Vec<_>, _>>()?;
        let next = page
            .next
            .and_then(|key| key.strip_prefix(prefix.as_bytes()).map(<[u8]>::to_vec))
            .map(|id| String::from_utf8_lossy(&id).into_owned())
            .unwrap_or_default();
        Ok((records, next))
    }

    /// `Query`: records whose indexed fields equal `equals`, ordered by `order_by` (or id),
    /// a page at a time (the token is the offset).
    #[allow(clippy::too_many_arguments)]
    pub(crate) async fn query(
        &self,
        entity: &Entity,
        project_id: &str,
        equals: &HashMap<String, String>,
        order_by: &str,
        descending: bool,
        page_size: u32,
        page_token: &str,
    ) -> Result<(Vec<Stored>, String), UserModuleError> {
        let order = if order_by.is_empty() {
            None
        } else {
            Some(
                entity
                    .ordered
                    .iter()
                    .find(|f| f.name() == order_by || f.json_name() == order_by)
                    .cloned()
                    .ok_or_else(|| {
                        UserModuleError::invalid(
                            "order_by",
                            format!(
                                "{order_by:?} is not an ordered field of {}; ordered: {}",
                                entity.message.name(),
                                names(&entity.ordered)
                            ),
                        )
                    })?,
            )
        };
        let offset: usize = if page_token.is_empty() {
            0
        } else {
            page_token.parse().map_err(|_| {
                UserModuleError::invalid("page_token", "not a token this query returned")
            })?
        };
        let mut filters = Vec::new();
        for (name, text) in equals {
            let field = entity
                .indexed
                .iter()
                .find(|f| f.name() == name || f.json_name() == name)
                .ok_or_else(|| {
                    UserModuleError::invalid(
                        format!("equals[{name}]"),
                        format!(
                            "not an indexed field of {}; indexed: {}",
                            entity.message.name(),
                            names(&entity.indexed)
                        ),
                    )
                })?;
            let value = parse_text(field, text)
                .map_err(|reason| UserModuleError::invalid(format!("equals[{name}]"), reason))?;
            filters.push((field.clone(), value));
        }
        let mut matched: Vec<Stored> = if filters.is_empty() {
            self.scan_all(entity, project_id).await?
        } else {
            // The first filter's index gives the candidates; the others are checked on them.
            let (field, value) = &filters[0];
            let prefix = format!(
                "{project_id}/{}/{}/",
                field.number(),
                self.blind(entity, field, value)
            );
            let mut ids = Vec::new();
            let mut after: Option<Vec<u8>> = None;
            loop {
                let page = self
                    .db
                    .scan(
                        &index_keyspace(entity),
                        prefix.as_bytes(),
                        after.as_deref(),
                        MAX_PAGE,
                    )
                    .await?;
                ids.extend(page.records.into_iter().map(|r| r.value));
                if ids.len() > MAX_QUERY_MATCHES {
                    return Err(too_many());
                }
                match page.next {
                    Some(next) => after = Some(next),
                    None => break,
                }
            }
            let mut found = Vec::with_capacity(ids.len());
            for id in ids {
                let id = String::from_utf8_lossy(&id).into_owned();
                if let Some(record) = self.read(entity, project_id, &id).await? {
                    found.push(record);
                }
            }
            found
        };
        matched.retain(|record| {
            filters
                .iter()
                .all(|(field, value)| canonical(&record.value.get_field(field)) == canonical(value))
        });
        let id_of = |r: &Stored| {
            r.value
                .get_field(&entity.id)
                .as_str()
                .unwrap_or_default()
                .to_owned()
        };
        matched.sort_by(|a, b| {
            let by_field = order.as_ref().map_or(Ordering::Equal, |f| {
                compare(&a.value.get_field(f), &b.value.get_field(f))
            });
            by_field.then_with(|| id_of(a).cmp(&id_of(b)))
        });
        if descending {
            matched.reverse();
        }
        let limit = page_limit(page_size) as usize;
        let end = (offset + limit).min(matched.len());
        let next = if end < matched.len() {
            end.to_string()
        } else {
            String::new()
        };
        let page = matched.drain(offset.min(end)..end).collect();
        Ok((page, next))
    }

    async fn scan_all(
        &self,
        entity: &Entity,
        project_id: &str,
    ) -> Result<Vec<Stored>, UserModuleError> {
        let mut all = Vec::new();
        let mut token = String::new();
        loop {
            let (page, next) = self.list(entity, project_id, MAX_PAGE, &token).await?;
            all.extend(page);
            if all.len() > MAX_QUERY_MATCHES {
                return Err(too_many());
            }
            if next.is_empty() {
                return Ok(all);
            }
            token = next;
        }
    }

    /// Writes the index entries `fields` lack for every record of `entity` (a field became
    /// indexed in a new schema version); returns how many records were indexed.
    pub(crate) async fn backfill(
        &self,
        entity: &Entity,
        fields: &[FieldDescriptor],
    ) -> Result<u64, UserModuleError> {
        if fields.is_empty() {
            return Ok(0);
        }
        let mut after: Option<Vec<u8>> = None;
        let mut indexed = 0;
        loop {
            let page = self
                .db
                .scan(&record_keyspace(entity), b"", after.as_deref(), 500)
                .await?;
            let mut txn = Transaction::new();
            for record in &page.records {
                let key = String::from_utf8_lossy(&record.key).into_owned();
                let Some((project_id, id)) = key.split_once('/') else {
                    continue;
                };
                let stored = open(entity, record.clone())?;
                for field in fields {
                    let value = stored.value.get_field(field);
                    let key = format!(
                        "{project_id}/{}/{}/{id}",
                        field.number(),
                        self.blind(entity, field, &value)
                    );
                    txn = txn.put_unscoped(&index_keyspace(entity), key, id.to_owned());
                }
                indexed += 1;
            }
            if !txn.is_empty() {
                self.db.commit(txn).await?;
            }
            match page.next {
                Some(next) => after = Some(next),
                None => return Ok(indexed),
            }
        }
    }

    /// Erases every record and index entry of `entities`; how many records there were.
    pub(crate) async fn erase(&self, entities: &[Entity]) -> Result<u64, UserModuleError> {
        let mut erased = 0;
        for entity in entities {
            for (keyspace, counts) in [
                (record_keyspace(entity), true),
                (index_keyspace(entity), false),
            ] {
                loop {
                    let page = self.db.scan(&keyspace, b"", None, 500).await?;
                    if page.records.is_empty() {
                        break;
                    }
                    let mut txn = Transaction::new();
                    for record in &page.records {
                        txn = txn.delete(&keyspace, record.key.clone());
                    }
                    if counts {
                        erased += page.records.len() as u64;
                    }
                    self.db.commit(txn).await?;
                }
            }
        }
        // The change log held the values too: prune it all.
        let head = self.db.head().await?;
        self.db.prune_changes(head).await?;
        Ok(erased)
    }

    fn blind(&self, entity: &Entity, field: &FieldDescriptor, value: &Value) -> String {
        self.db
            .blind_index(
                &format!("{}.{}", entity.message.full_name(), field.number()),
                canonical(value).as_bytes(),
            )
            .to_hex()
    }

    fn index_keys(
        &self,
        entity: &Entity,
        project_id: &str,
        id: &str,
        value: &DynamicMessage,
    ) -> Vec<String> {
        entity
            .indexed
            .iter()
            .map(|field| {
                format!(
                    "{project_id}/{}/{}/{id}",
                    field.number(),
                    self.blind(entity, field, &value.get_field(field))
                )
            })
            .collect()
    }
}

fn not_here(entity: &Entity) -> UserModuleError {
    UserModuleError::NotFound {
        what: "service",
        name: entity.service.clone(),
    }
}

fn too_many() -> UserModuleError {
    UserModuleError::FailedPrecondition(format!(
        "the query matches more than {MAX_QUERY_MATCHES} records: add an equality on an indexed field"
    ))
}

fn names(fields: &[FieldDescriptor]) -> String {
    if fields.is_empty() {
        return "none".into();
    }
    fields
        .iter()
        .map(|f| f.name())
        .collect::<Vec<_>>()
        .join(", ")
}

fn page_limit(page_size: u32) -> u32 {
    match page_size {
        0 => DEFAULT_PAGE,
        n => n.min(MAX_PAGE),
    }
}

fn check_version(
    entity: &Entity,
    id: &str,
    expected: u64,
    found: u64,
) -> Result<(), UserModuleError> {
    if expected != 0 && expected != found {
        return Err(UserModuleError::Conflict {
            what: format!("record {}/{id}", entity.message.name()),
            expected: expected.to_string(),
            found: if found == 0 {
                "no record".into()
            } else {
                found.to_string()
            },
        });
    }
    Ok(())
}

/// Ids (record ids, project ids): 1-128 characters, no `/`, no control characters.
pub(crate) fn valid_id(field: &str, id: &str) -> Result<(), UserModuleError> {
    if id.is_empty() {
        return Err(UserModuleError::invalid(field, "must not be empty"));
    }
    if id.len() > 128 || id.contains('/') || id.chars().any(char::is_control) {
        return Err(UserModuleError::invalid(
            field,
            "must be 1-128 characters without '/' or control characters",
        ));
    }
    Ok(())
}

/// A stored record decoded under the current schema.
fn open(entity: &Entity, record: Record) -> Result<Stored, UserModuleError> {
    let value =
        DynamicMessage::decode(entity.message.clone(), record.value.as_slice()).map_err(|e| {
            UserModuleError::Corrupt {
                what: format!("record {}", String::from_utf8_lossy(&record.key)),
                reason: e.to_string(),
            }
        })?;
    Ok(Stored {
        value,
        version: record.version,
    })
}

/// Checks a value before it is stored; its encoding.
pub(crate) fn validate(
    entity: &Entity,
    value: &DynamicMessage,
) -> Result<Vec<u8>, UserModuleError> {
    unknown_fields(value, &entity.key)?;
    for field in &entity.required {
        if !value.has_field(field) || is_default(&value.get_field(field)) {
            return Err(UserModuleError::invalid(
                format!("{}.{}", entity.key, field.name()),
                "is required",
            ));
        }
    }
    let id = value.get_field(&entity.id);
    valid_id(
        &format!("{}.{}", entity.key, entity.id.name()),
        id.as_str().unwrap_or_default(),
    )?;
    let bytes = value.encode_to_vec();
    if bytes.len() > MAX_RECORD_BYTES {
        return Err(UserModuleError::invalid(
            entity.key.clone(),
            format!(
                "the record is {} bytes; at most {MAX_RECORD_BYTES} (1 MiB)",
                bytes.len()
            ),
        ));
    }
    Ok(bytes)
}

/// Refuses fields the schema does not have (at any depth), naming where.
pub(crate) fn unknown_fields(value: &DynamicMessage, path: &str) -> Result<(), UserModuleError> {
    if let Some(field) = value.unknown_fields().next() {
        return Err(UserModuleError::invalid(
            path,
            format!(
                "field number {} is not in {} (unknown fields are refused)",
                field.number(),
                value.descriptor().full_name()
            ),
        ));
    }
    for (field, inner) in value.fields() {
        let here = format!("{path}.{}", field.name());
        match inner {
            Value::Message(message) => unknown_fields(message, &here)?,
            Value::List(items) => {
                for item in items {
                    if let Value::Message(message) = item {
                        unknown_fields(message, &here)?;
                    }
                }
            }
            Value::Map(entries) => {
                for item in entries.values() {
                    if let Value::Message(message) = item {
                        unknown_fields(message, &here)?;
                    }
                }
            }
            _ => {}
        }
    }
    Ok(())
}

fn is_default(value: &Value) -> bool {
    match value {
        Value::Bool(b) => !b,
        Value::I32(n) => *n == 0,
        Value::I64(n) => *n == 0,
        Value::U32(n) => *n == 0,
        Value::U64(n) => *n == 0,
        Value::F32(n) => *n == 0.0,
        Value::F64(n) => *n == 0.0,
        Value::String(s) => s.trim().is_empty(),
        Value::Bytes(b) => b.is_empty(),
        Value::EnumNumber(n) => *n == 0,
        Value::Message(_) => false,
        Value::List(items) => items.is_empty(),
        Value::Map(entries) => entries.is_empty(),
    }
}

/// The text an index is computed over: the same for a stored value and a query's text.
fn canonical(value: &Value) -> String {
    match value {
        Value::Bool(b) => b.to_string(),
        Value::I32(n) => n.to_string(),
        Value::I64(n) => n.to_string(),
        Value::U32(n) => n.to_string(),
        Value::U64(n) => n.to_string(),
        Value::F32(n) => f64::from(*n).to_string(),
        Value::F64(n) => n.to_string(),
        Value::String(s) => s.clone(),
        Value::EnumNumber(n) => n.to_string(),
        Value::Bytes(b) => hex::encode(b),
        Value::Message(_) | Value::List(_) | Value::Map(_) => String::new(),
    }
}

/// A query's text as a value of `field`.
fn parse_text(field: &FieldDescriptor, text: &str) -> Result<Value, String> {
    let bad = |what: &str| format!("{text:?} is not {what}");
    Ok(match field.kind() {
        Kind::Bool => Value::Bool(text.parse().map_err(|_| bad("true or false"))?),
        Kind::Int32 | Kind::Sint32 | Kind::Sfixed32 => {
            Value::I32(text.parse().map_err(|_| bad("a 32-bit integer"))?)
        }
        Kind::Int64 | Kind::Sint64 | Kind::Sfixed64 => {
            Value::I64(text.parse().map_err(|_| bad("a 64-bit integer"))?)
        }
        Kind::Uint32 | Kind::Fixed32 => Value::U32(
            text.parse()
                .map_err(|_| bad("an unsigned 32-bit integer"))?,
        ),
        Kind::Uint64 | Kind::Fixed64 => Value::U64(
            text.parse()
                .map_err(|_| bad("an unsigned 64-bit integer"))?,
        ),
        Kind::Float => Value::F32(text.parse().map_err(|_| bad("a number"))?),
        Kind::Double => Value::F64(text.parse().map_err(|_| bad("a number"))?),
        Kind::String => Value::String(text.to_owned()),
        Kind::Enum(values) => {
            let found = values
                .get_value_by_name(text)
                .or_else(|| text.parse().ok().and_then(|n| values.get_value(n)));
            Value::EnumNumber(
                found
                    .ok_or_else(|| bad(&format!("a value of {}", values.full_name())))?
                    .number(),
            )
        }
        Kind::Bytes | Kind::Message(_) => return Err("this field cannot be matched".into()),
    })
}

/// Order of two values of one field.
fn compare(a: &Value, b: &Value) -> Ordering {
    match (a, b) {
        (Value::String(a), Value::String(b)) => a.cmp(b),
        (Value::Bool(a), Value::Bool(b)) => a.cmp(b),
        (Value::I32(a), Value::I32(b)) => a.cmp(b),
        (Value::I64(a), Value::I64(b)) => a.cmp(b),
        (Value::U32(a), Value::U32(b)) => a.cmp(b),
        (Value::U64(a), Value::U64(b)) => a.cmp(b),
        (Value::F32(a), Value::F32(b)) => a.total_cmp(b),
        (Value::F64(a), Value::F64(b)) => a.total_cmp(b),
        (Value::EnumNumber(a), Value::EnumNumber(b)) => a.cmp(b),
        _ => Ordering::Equal,
    }
}
