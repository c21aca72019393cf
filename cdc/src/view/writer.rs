//! [`ViewWriter`]: what a view reads and writes while a page of events is folded. Reads go
//! through an ordered overlay of the batch's own writes (read-your-writes), so several events
//! of one page touching the same row fold correctly; nothing reaches the store until the
//! runner commits the whole overlay with the checkpoint in one transaction. A view may read
//! a page's keys ahead in batches ([`ViewWriter::prefetch`]) instead of one by one.

use std::collections::BTreeMap;

use orbit_system::store::{Database, Transaction};
use serde_json::Value;

use super::ViewId;
use super::error::ViewError;
use super::layout::{DATA_KEYSPACE, ROW_KEYSPACE, generation_prefix};
use super::row::{Row, StoredRow};

/// One key the batch has read or written.
#[derive(Debug)]
struct Slot {
    /// The value as the batch sees it now (`None`: absent).
    value: Option<Vec<u8>>,
    /// Written by the batch (else only cached from a read).
    dirty: bool,
}

/// Reads and writes of one view during one batch, scoped to its current generation.
pub struct ViewWriter<'a> {
    db: &'a Database,
    id: &'a ViewId,
    prefix: String,
    overlay: BTreeMap<(&'static str, Vec<u8>), Slot>,
    rows_delta: i64,
}

impl std::fmt::Debug for ViewWriter<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ViewWriter")
            .field("view", &self.id)
            .field("prefix", &self.prefix)
            .field("keys", &self.overlay.len())
            .finish()
    }
}

impl<'a> ViewWriter<'a> {
    pub(crate) fn new(db: &'a Database, id: &'a ViewId, generation: u64) -> ViewWriter<'a> {
        ViewWriter {
            db,
            id,
            prefix: generation_prefix(id, generation),
            overlay: BTreeMap::new(),
            rows_delta: 0,
        }
    }

    /// Reads `key` of the view's private table `table` (a short name such as `state`).
    pub async fn get(&mut self, table: &str, key: &[u8]) -> Result<Option<Vec<u8>>, ViewError> {
        let key = self.data_key(table, key)?;
        self.read(DATA_KEYSPACE, key).await
    }

    /// Reads ahead, in one batch, the keys of private table `table` that folding the page
    /// will read, so that [`ViewWriter::get`] finds them without a store read each.
    pub async fn prefetch<'k>(
        &mut self,
        table: &str,
        keys: impl IntoIterator<Item = &'k [u8]>,
    ) -> Result<(), ViewError> {
        let keys = keys
            .into_iter()
            .map(|key| self.data_key(table, key))
            .collect::<Result<Vec<_>, _>>()?;
        self.load(DATA_KEYSPACE, keys).await
    }

    /// Reads ahead, in one batch, the rows (with their state) of `groups`.
    pub async fn prefetch_rows<'g>(
        &mut self,
        groups: impl IntoIterator<Item = &'g Value>,
    ) -> Result<(), ViewError> {
        let keys = groups.into_iter().map(|g| self.row_key(g)).collect();
        self.load(ROW_KEYSPACE, keys).await
    }

    /// Writes `key` of private table `table`.
    pub fn put(&mut self, table: &str, key: &[u8], value: Vec<u8>) -> Result<(), ViewError> {
        let key = self.data_key(table, key)?;
        self.write(DATA_KEYSPACE, key, Some(value));
        Ok(())
    }

    /// Deletes `key` of private table `table`.
    pub fn delete(&mut self, table: &str, key: &[u8]) -> Result<(), ViewError> {
        let key = self.data_key(table, key)?;
        self.write(DATA_KEYSPACE, key, None);
        Ok(())
    }

    /// The key under which the view keeps `group`'s row and state: a keyed blind index, so
    /// the group's value never appears in plaintext.
    pub fn group_key(&self, group: &Value) -> String {
        let canonical = serde_json::to_vec(group).expect("json values always encode");
        let field = format!("view.group/{}", self.id);
        hex::encode(&self.db.blind_index(&field, &canonical).0[..20])
    }

    /// Sets `row` (new or changed).
    pub async fn put_row(&mut self, row: Row) -> Result<(), ViewError> {
        self.put_row_with_state(row, None).await
    }

    /// Sets `row` and keeps the view's private `state` for its group with it (read back
    /// with [`ViewWriter::row_state`]; readers and watchers never see it).
    pub async fn put_row_with_state(
        &mut self,
        row: Row,
        state: Option<Value>,
    ) -> Result<(), ViewError> {
        let key = self.row_key(&row.group);
        if !self.row_is_live(&key).await? {
            self.rows_delta += 1;
        }
        let bytes = StoredRow::Live(row).encode_with_state(state);
        self.write(ROW_KEYSPACE, key, Some(bytes));
        Ok(())
    }

    /// The private state kept with `group`'s live row, if any.
    pub async fn row_state(&mut self, group: &Value) -> Result<Option<Value>, ViewError> {
        let key = self.row_key(group);
        match self.read(ROW_KEYSPACE, key).await? {
            None => Ok(None),
            Some(bytes) => match StoredRow::decode_with_state(&bytes)
                .map_err(|e| ViewError::corrupt(self.id.to_string(), "row", e))?
            {
                (StoredRow::Live(_), state) => Ok(state),
                (StoredRow::Gone { .. }, _) => Ok(None),
            },
        }
    }

    /// Removes `group`'s row (its group became empty), leaving a tombstone naming it.
    pub async fn remove_row(&mut self, group: &Value) -> Result<(), ViewError> {
        let key = self.row_key(group);
        if self.row_is_live(&key).await? {
            self.rows_delta -= 1;
            let gone = StoredRow::Gone {
                group: group.clone(),
            };
            self.write(ROW_KEYSPACE, key, Some(gone.encode()));
        }
        Ok(())
    }

    /// How the batch changed the number of live rows.
    pub(crate) fn rows_delta(&self) -> i64 {
        self.rows_delta
    }

    /// Puts the batch's writes into `txn`, in key order.
    pub(crate) fn write_into(self, mut txn: Transaction) -> Transaction {
        for ((keyspace, key), slot) in self.overlay {
            if !slot.dirty {
                continue;
            }
            txn = match slot.value {
                Some(value) => txn.put(keyspace, key, value),
                None => txn.delete(keyspace, key),
            };
        }
        txn
    }

    fn row_key(&self, group: &Value) -> Vec<u8> {
        format!("{}{}", self.prefix, self.group_key(group)).into_bytes()
    }

    async fn row_is_live(&mut self, key: &[u8]) -> Result<bool, ViewError> {
        match self.read(ROW_KEYSPACE, key.to_vec()).await? {
            None => Ok(false),
            Some(bytes) => StoredRow::decode(&bytes)
                .map(|row| row.is_live())
                .map_err(|e| ViewError::corrupt(self.id.to_string(), "row", e)),
        }
    }

    fn data_key(&self, table: &str, key: &[u8]) -> Result<Vec<u8>, ViewError> {
        let table_ok = !table.is_empty()
            && table.len() <= 32
            && table.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
        if !table_ok {
            return Err(ViewError::invalid(
                "table",
                format!("{table:?}: use 1-32 lower-case letters or '_'"),
            ));
        }
        let mut full = Vec::with_capacity(self.prefix.len() + table.len() + 1 + key.len());
        full.extend_from_slice(self.prefix.as_bytes());
        full.extend_from_slice(table.as_bytes());
        full.push(b'/');
        full.extend_from_slice(key);
        Ok(full)
    }

    async fn read(
        &mut self,
        keyspace: &'static str,
        key: Vec<u8>,
    ) -> Result<Option<Vec<u8>>, ViewError> {
        if let Some(slot) = self.overlay.get(&(keyspace, key.clone())) {
            return Ok(slot.value.clone());
        }
        let value = self
            .db
            .get(keyspace, &key)
            .await?
            .map(|record| record.value);
        self.overlay.insert(
            (keyspace, key),
            Slot {
                value: value.clone(),
                dirty: false,
            },
        );
        Ok(value)
    }

    /// Reads the keys of `keys` the batch has not seen yet into the overlay, in one batch
    /// read on the store's write path ([`Database::get_for_update`]).
    async fn load(&mut self, keyspace: &'static str, keys: Vec<Vec<u8>>) -> Result<(), ViewError> {
        let unseen: Vec<Vec<u8>> = keys
            .into_iter()
            .filter(|key| !self.overlay.contains_key(&(keyspace, key.clone())))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let records = self.db.get_for_update(keyspace, &unseen).await?;
        for (key, record) in unseen.into_iter().zip(records) {
            let slot = Slot {
                value: record.map(|record| record.value),
                dirty: false,
            };
            self.overlay.insert((keyspace, key), slot);
        }
        Ok(())
    }

    fn write(&mut self, keyspace: &'static str, key: Vec<u8>, value: Option<Vec<u8>>) {
        self.overlay
            .insert((keyspace, key), Slot { value, dirty: true });
    }
}
