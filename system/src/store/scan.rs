//! Opening a scanned page while the engine is still reading it.
//!
//! The engine hands rows over one by one (sqlx's SQLite worker thread through a bounded
//! channel, PostgreSQL off the socket). The reader must stay faster than the engine: if it
//! opened each record inline, the channel would fill and the engine's thread would park and
//! wake once per row, which costs more than the decryption itself. So full chunks of large
//! values go to one blocking worker per scan, the reader keeps draining rows, and the last
//! partial chunk is opened inline while the worker finishes. Chunks of small values are
//! cheaper to open than to hand over, so they are opened inline as they fill. No I/O and no
//! key loading here: a record sealed with a key version not loaded is handed back, in place,
//! for the caller to open after the stream is done. A record whose value cannot be opened is
//! a result of its own ([`Opened::Damaged`]), not an error of the page: the caller decides
//! whether it fails the page.

use std::sync::Arc;
use std::sync::mpsc;

use futures::TryStreamExt;
use futures::stream::BoxStream;

use crate::store::StoreError;
use crate::store::backend::RawRecord;
use crate::store::keyring::DbKeys;
use crate::store::types::{DamagedRecord, Record};

/// Records per chunk handed to the worker. Small enough that the inline tail is short, large
/// enough that the worker wakes rarely.
const CHUNK: usize = 32;
/// A page whose first full chunk holds less sealed data than this is opened inline, chunk by
/// chunk, with no worker: opening 32 KiB takes about 15 µs, less than the engine takes to hand
/// over 32 rows, so the reader stays ahead of it, and a hand-off to another thread would cost
/// more than it saves (with the worker, 1k × 100 B scans took up to 3× the plaintext time).
const OFFLOAD_BYTES: usize = 32 * 1024;

/// Opens the records of one page with the keys loaded when the scan began.
#[derive(Clone)]
pub(super) struct Opener {
    pub(super) keys: Arc<DbKeys>,
    pub(super) db: Arc<str>,
    /// Benchmark plaintext mode: values are stored as they are.
    pub(super) plaintext: bool,
}

/// One record of a page, in key order.
pub(super) enum Opened {
    Record(Record),
    /// Names a key version the opener does not hold (rotated by another process).
    Later(RawRecord),
    /// Its value cannot be opened (fails authentication, or its header is invalid). A
    /// per-record result, so that a caller may still use the rest of the page.
    /// The error is what a read that cannot use the rest of the page reports.
    Damaged(DamagedRecord, StoreError),
}

impl Opener {
    pub(super) fn open(&self, raw: RawRecord) -> Result<Opened, StoreError> {
        let value = if self.plaintext {
            raw.sealed
        } else {
            let data_key =
                match super::loaded_key(&self.keys, &self.db, &raw.keyspace, &raw.key, &raw.sealed)
                {
                    Ok(Some(data_key)) => data_key,
                    Ok(None) => return Ok(Opened::Later(raw)),
                    Err(error) => return damaged(raw.key, raw.version, error),
                };
            // Decrypted where it lies: the row's buffer becomes the value, as in plaintext mode.
            match super::open_owned(data_key, &self.db, &raw.keyspace, &raw.key, raw.sealed) {
                Ok(value) => value,
                Err(error) => return damaged(raw.key, raw.version, error),
            }
        };
        Ok(Opened::Record(Record {
            key: raw.key,
            version: raw.version,
            value,
        }))
    }

    fn open_all(&self, raws: Vec<RawRecord>, out: &mut Vec<Opened>) -> Result<(), StoreError> {
        out.reserve(raws.len());
        for raw in raws {
            out.push(self.open(raw)?);
        }
        Ok(())
    }

    /// Reads `raws` to the end and opens every record, in key order. The first error in key
    /// order wins.
    pub(super) async fn open_page(
        &self,
        mut raws: BoxStream<'_, Result<RawRecord, StoreError>>,
    ) -> Result<Vec<Opened>, StoreError> {
        let mut chunk = Vec::with_capacity(CHUNK);
        let mut worker: Option<Worker> = None;
        // Decided at the first full chunk; records opened inline, in order, when `true`.
        let mut inline: Option<bool> = None;
        let mut opened = Vec::new();
        while let Some(raw) = raws.try_next().await? {
            chunk.push(raw);
            // Plaintext has nothing to offload; a store without encryption would not either.
            if chunk.len() == CHUNK && !self.plaintext {
                let full = std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK));
                let small = *inline.get_or_insert_with(|| {
                    full.iter().map(|raw| raw.sealed.len()).sum::<usize>() < OFFLOAD_BYTES
                });
                if small {
                    self.open_all(full, &mut opened)?;
                    continue;
                }
                let worker = worker.get_or_insert_with(|| Worker::start(self.clone()));
                if !worker.send(full) {
                    break; // The worker stopped at an error; it reports it below.
                }
            }
        }
        // Release the connection before waiting on anything else.
        drop(raws);
        let mut tail = Vec::with_capacity(chunk.len());
        let tail_result = self.open_all(chunk, &mut tail);
        if let Some(worker) = worker {
            // Nothing was opened inline before the worker started.
            opened = worker.finish().await?;
        }
        tail_result?;
        opened.append(&mut tail);
        Ok(opened)
    }
}

/// An integrity failure of one record as a per-record result; any other error stays one.
fn damaged(key: Vec<u8>, version: u64, error: StoreError) -> Result<Opened, StoreError> {
    match error {
        StoreError::Integrity { ref reason, .. } => Ok(Opened::Damaged(
            DamagedRecord {
                key,
                version,
                reason: reason.clone(),
            },
            error,
        )),
        other => Err(other),
    }
}

/// A blocking thread that opens full chunks in arrival order.
struct Worker {
    chunks: mpsc::Sender<Vec<RawRecord>>,
    done: tokio::task::JoinHandle<Result<Vec<Opened>, StoreError>>,
}

impl Worker {
    fn start(opener: Opener) -> Worker {
        let (chunks, receiver) = mpsc::channel::<Vec<RawRecord>>();
        let done = tokio::task::spawn_blocking(move || {
            let mut opened = Vec::new();
            for chunk in receiver {
                opener.open_all(chunk, &mut opened)?;
            }
            Ok(opened)
        });
        Worker { chunks, done }
    }

    /// `false` once the worker has stopped at an error.
    fn send(&self, chunk: Vec<RawRecord>) -> bool {
        self.chunks.send(chunk).is_ok()
    }

    async fn finish(self) -> Result<Vec<Opened>, StoreError> {
        drop(self.chunks);
        match self.done.await {
            Ok(result) => result,
            Err(error) if error.is_panic() => std::panic::resume_unwind(error.into_panic()),
            // Only when the runtime shuts down under us.
            Err(_) => Err(StoreError::Closed),
        }
    }
}
