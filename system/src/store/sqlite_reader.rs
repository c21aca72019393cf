//! Point reads on SQLite without a thread hand-off.
//!
//! sqlx runs every SQLite query on its connection's own worker thread; for a primary-key
//! read the wake-ups between the async task and that thread cost more than the read itself
//! (see BENCHMARKS.md, "Authenticated RPCs"). Point reads (`Backend::get`) therefore run here,
//! synchronously on the calling thread, on a small set of plain SQLite connections opened
//! `query_only`. A point read of a cached page takes microseconds; one that must fault a page
//! in from disk blocks its worker thread for that long, the same trade embedded stores make.
//! Scans, outbox reads and all writes stay on sqlx.

use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};

use crate::store::backend::RawRecord;

const GET: &str = "SELECT version, key_version, value FROM orbit_records WHERE db = ?1 AND keyspace = ?2 AND key = ?3";
/// Idle connections kept; more are opened under load and closed when returned.
const KEEP_IDLE: usize = 8;

pub(crate) struct PointReader {
    path: PathBuf,
    /// `None` once closed.
    idle: Mutex<Option<Vec<Connection>>>,
}

impl PointReader {
    pub(crate) fn new(path: PathBuf) -> Self {
        PointReader {
            path,
            idle: Mutex::new(Some(Vec::new())),
        }
    }

    fn open(&self) -> rusqlite::Result<Connection> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let connection = Connection::open_with_flags(&self.path, flags)?;
        connection.busy_timeout(Duration::from_secs(30))?;
        connection.pragma_update(None, "query_only", true)?;
        connection.pragma_update(None, "mmap_size", super::sqlite::MMAP_SIZE)?;
        Ok(connection)
    }

    /// Reads one record; `Ok(None)` when it does not exist. `Err` carries SQLite's message and
    /// its primary result code.
    pub(crate) fn get(
        &self,
        db: &str,
        keyspace: &str,
        key: &[u8],
    ) -> Result<Option<RawRecord>, (String, Option<i32>)> {
        let taken = match self.idle.lock().expect("point reader lock").as_mut() {
            Some(idle) => idle.pop(),
            None => return Err(("the store is closed".into(), None)),
        };
        let connection = match taken {
            Some(connection) => connection,
            None => self.open().map_err(describe)?,
        };
        let result = connection
            .prepare_cached(GET)
            .and_then(|mut statement| {
                statement
                    .query_row(params![db, keyspace, key], |row| {
                        Ok(RawRecord {
                            keyspace: keyspace.to_owned(),
                            key: key.to_vec(),
                            version: row.get::<_, i64>(0)? as u64,
                            key_version: row.get::<_, i64>(1)? as u32,
                            sealed: row.get(2)?,
                        })
                    })
                    .optional()
            })
            .map_err(describe);
        if let Some(idle) = self.idle.lock().expect("point reader lock").as_mut() {
            if idle.len() < KEEP_IDLE {
                idle.push(connection);
            }
        }
        result
    }

    /// Closes every idle connection; later reads fail.
    pub(crate) fn close(&self) {
        self.idle.lock().expect("point reader lock").take();
    }
}

fn describe(error: rusqlite::Error) -> (String, Option<i32>) {
    let code = match &error {
        rusqlite::Error::SqliteFailure(failure, _) => Some(failure.extended_code),
        _ => None,
    };
    (error.to_string(), code)
}
