//! An ordered multiset kept in sealed chunks: the MIN/MAX candidates of one group's column,
//! or the LATEST candidates (member records by sequence number). A small directory (inside
//! the group's state) holds each chunk's first and last entry, so the minimum, maximum and
//! latest are read from the directory alone, and a change loads and rewrites one chunk of
//! at most [`CHUNK`] entries. Record content stays in sealed values, never in a key.

use std::cmp::Ordering;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::error::ViewError;
use super::writer::ViewWriter;

/// Entries per chunk before it splits in two.
pub(crate) const CHUNK: usize = 256;
/// Private table of chunks, by `<group key>/<column>/<chunk id>`.
const CHUNKS: &str = "chunk";

/// What one entry of the set carries besides its key.
pub(crate) trait Slot: Clone {
    /// Folds another occurrence of the same key in.
    fn absorb(&mut self, other: Self);
    /// Takes one occurrence out; `true` when none is left.
    fn release(&mut self) -> bool;
}

/// MIN/MAX: how many member records hold the value.
impl Slot for u64 {
    fn absorb(&mut self, other: Self) {
        *self += other;
    }

    fn release(&mut self) -> bool {
        *self = self.saturating_sub(1);
        *self == 0
    }
}

/// LATEST: the member's column values (a sequence number is written once).
impl Slot for Vec<serde_json::Value> {
    fn absorb(&mut self, other: Self) {
        *self = other;
    }

    fn release(&mut self) -> bool {
        true
    }
}

/// A key of the set: totally ordered.
pub(crate) trait SetKey: Clone + Serialize + DeserializeOwned {
    fn order(&self, other: &Self) -> Ordering;
}

impl SetKey for u64 {
    fn order(&self, other: &Self) -> Ordering {
        self.cmp(other)
    }
}

/// One chunk as the directory knows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct ChunkRef<K, V> {
    id: u64,
    len: u32,
    first: (K, V),
    last: (K, V),
}

/// The directory of one ordered set. Up to [`CHUNK`] entries live inline (no chunk record
/// at all, the common case of small groups); past that, in chunks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(deserialize = "K: Deserialize<'de>, V: Deserialize<'de>"))]
pub(crate) struct OrderedSet<K, V> {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    inline: Vec<(K, V)>,
    #[serde(default)]
    next_id: u64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    chunks: Vec<ChunkRef<K, V>>,
}

impl<K, V> Default for OrderedSet<K, V> {
    fn default() -> Self {
        OrderedSet {
            inline: Vec::new(),
            next_id: 0,
            chunks: Vec::new(),
        }
    }
}

impl<K: SetKey, V: Slot + Serialize + DeserializeOwned> OrderedSet<K, V> {
    /// The smallest entry.
    pub(crate) fn first(&self) -> Option<&(K, V)> {
        match self.chunks.first() {
            Some(chunk) => Some(&chunk.first),
            None => self.inline.first(),
        }
    }

    /// The largest entry.
    pub(crate) fn last(&self) -> Option<&(K, V)> {
        match self.chunks.last() {
            Some(chunk) => Some(&chunk.last),
            None => self.inline.last(),
        }
    }

    /// Adds `value` under `key`; `base` names the set among the view's private data.
    pub(crate) async fn add(
        &mut self,
        writer: &mut ViewWriter<'_>,
        base: &str,
        key: K,
        value: V,
    ) -> Result<(), ViewError> {
        if self.chunks.is_empty() {
            insert(&mut self.inline, key, value);
            if self.inline.len() <= CHUNK {
                return Ok(());
            }
            // Spill: the inline entries become the first two chunks.
            let mut lower = std::mem::take(&mut self.inline);
            let upper = lower.split_off(lower.len() / 2);
            for (at, entries) in [lower, upper].into_iter().enumerate() {
                let id = self.allocate();
                self.chunks.push(ChunkRef {
                    id,
                    len: 0,
                    first: entries[0].clone(),
                    last: entries[0].clone(),
                });
                self.store(writer, base, at, entries)?;
            }
            return Ok(());
        }
        let at = self.chunk_for(&key);
        let mut entries = self.load(writer, base, at).await?;
        insert(&mut entries, key, value);
        if entries.len() > CHUNK {
            let upper = entries.split_off(entries.len() / 2);
            let id = self.allocate();
            self.chunks.insert(
                at + 1,
                ChunkRef {
                    id,
                    len: 0,
                    first: upper[0].clone(),
                    last: upper[0].clone(),
                },
            );
            self.store(writer, base, at + 1, upper)?;
        }
        self.store(writer, base, at, entries)
    }

    /// Removes one occurrence of `key`; `false` if the set did not hold it.
    pub(crate) async fn remove(
        &mut self,
        writer: &mut ViewWriter<'_>,
        base: &str,
        key: &K,
    ) -> Result<bool, ViewError> {
        if self.chunks.is_empty() {
            return Ok(release(&mut self.inline, key));
        }
        let at = self.chunk_for(key);
        let mut entries = self.load(writer, base, at).await?;
        if !release(&mut entries, key) {
            return Ok(false);
        }
        self.store(writer, base, at, entries)?;
        Ok(true)
    }

    /// The chunk that holds (or would hold) `key`: the last whose first entry is not above it.
    fn chunk_for(&self, key: &K) -> usize {
        self.chunks
            .partition_point(|c| c.first.0.order(key) != Ordering::Greater)
            .saturating_sub(1)
    }

    fn allocate(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    async fn load(
        &self,
        writer: &mut ViewWriter<'_>,
        base: &str,
        at: usize,
    ) -> Result<Vec<(K, V)>, ViewError> {
        let key = chunk_key(base, self.chunks[at].id);
        match writer.get(CHUNKS, key.as_bytes()).await? {
            Some(bytes) => serde_json::from_slice(&bytes)
                .map_err(|e| ViewError::corrupt(base, "ordered chunk", e)),
            None => Ok(Vec::new()),
        }
    }

    /// Writes chunk `at` with `entries` (deleting it when empty) and updates its reference.
    fn store(
        &mut self,
        writer: &mut ViewWriter<'_>,
        base: &str,
        at: usize,
        entries: Vec<(K, V)>,
    ) -> Result<(), ViewError> {
        let key = chunk_key(base, self.chunks[at].id);
        let (Some(first), Some(last)) = (entries.first(), entries.last()) else {
            writer.delete(CHUNKS, key.as_bytes())?;
            self.chunks.remove(at);
            return Ok(());
        };
        let chunk = &mut self.chunks[at];
        chunk.first = first.clone();
        chunk.last = last.clone();
        chunk.len = entries.len() as u32;
        let bytes = serde_json::to_vec(&entries).expect("chunk encodes");
        writer.put(CHUNKS, key.as_bytes(), bytes)
    }
}

/// Adds `value` under `key` to sorted `entries`.
fn insert<K: SetKey, V: Slot>(entries: &mut Vec<(K, V)>, key: K, value: V) {
    match entries.binary_search_by(|(probe, _)| probe.order(&key)) {
        Ok(found) => entries[found].1.absorb(value),
        Err(slot) => entries.insert(slot, (key, value)),
    }
}

/// Takes one occurrence of `key` out of sorted `entries`; `false` if it was not there.
fn release<K: SetKey, V: Slot>(entries: &mut Vec<(K, V)>, key: &K) -> bool {
    let Ok(found) = entries.binary_search_by(|(probe, _)| probe.order(key)) else {
        return false;
    };
    if entries[found].1.release() {
        entries.remove(found);
    }
    true
}

fn chunk_key(base: &str, id: u64) -> String {
    format!("{base}/{id:010}")
}
