//! The SQLite adapter: the embedded default, one file in the data directory, WAL mode.
//!
//! Reads go through a small pool; all writes of the group committer go through one
//! dedicated connection with `BEGIN IMMEDIATE`, so SQLite's single writer is never contended
//! by ourselves. A group commit takes two round trips to that connection, each one
//! multi-statement query: `BEGIN IMMEDIATE` plus every read planning needs, then every write
//! plus `COMMIT`. Nothing is cached between commits: another process (`orbit keys`) may write
//! the same file, so the outbox head is read under the write lock each time.

use std::collections::HashMap;
use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use futures::StreamExt;
use futures::stream::BoxStream;
use sqlx::sqlite::{
    SqliteAutoVacuum, SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{Connection, QueryBuilder, Row, Sqlite, SqliteConnection, SqlitePool};
use tokio::sync::Mutex;

use crate::store::StoreError;
use crate::store::backend::{
    Backend, From, InstanceRow, KeyRow, ROWS_PER_STATEMENT, RawChange, RawRecord, scope_from_row,
};
use crate::store::batch::{self, RowKey, SealedTxn};
use crate::store::hlc::Hlc;
use crate::store::sqlite_checkpoint::{BACKSTOP_PAGES, Checkpointer};
use crate::store::sqlite_reader::PointReader;
use crate::store::types::Receipt;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");

/// Bytes of the database file SQLite maps into memory (address space, not RAM: pages are
/// shared with the OS page cache). 64 GiB: in practice the whole file. SQLite caps this at its
/// compile-time `SQLITE_MAX_MMAP_SIZE`, which `.cargo/config.toml` raises from 2 GiB.
pub(crate) const MMAP_SIZE: u64 = 1 << 36;
/// The writer connection's page cache, as SQLite's negative KiB form (64 MiB).
const WRITER_CACHE_KIB: i64 = -65_536;
/// Bytes of WAL file kept when SQLite starts the WAL over (64 MiB).
const WAL_KEEP_BYTES: u64 = 64 << 20;
/// Most free pages one prune gives back to the file system (64 MiB of 4 KiB pages): the
/// vacuum holds the write lock while it moves pages, so a larger backlog goes over several
/// prunes.
const VACUUM_PAGES_PER_PRUNE: i64 = 16_384;

pub(crate) struct SqliteBackend {
    pool: SqlitePool,
    /// Point reads, on the calling thread.
    reader: PointReader,
    /// `None` once closed.
    writer: Mutex<Option<WriterConn>>,
    /// Copies committed WAL pages into the file, off the write path.
    checkpointer: Checkpointer,
    location: String,
}

/// The group committer's connection. Transactions on it are opened and finished by plain
/// `BEGIN IMMEDIATE` / `COMMIT` / `ROLLBACK` statements sent together with other statements
/// (sqlx's `Transaction` would cost a round trip each), so it tracks itself whether one may
/// still be open.
struct WriterConn {
    conn: SqliteConnection,
    /// Set from `BEGIN` until the transaction is known to be finished. Still set at the start
    /// of a commit only if the previous one was cancelled midway; it is rolled back then.
    open_txn: bool,
}

impl WriterConn {
    /// Rolls back what a cancelled commit left open; its transaction never committed.
    async fn settle(&mut self) {
        if self.open_txn {
            let _ = sqlx::query("ROLLBACK").execute(&mut self.conn).await;
            self.open_txn = false;
        }
    }
}

impl SqliteBackend {
    /// Opens (creating if missing) the database file at `path`.
    pub(crate) async fn open(path: &Path, full_sync: bool) -> Result<Self, StoreError> {
        let location = path.display().to_string();
        create_private_file(path)
            .map_err(|e| corrupt(&location, format!("cannot create the database file: {e}")))?;
        let options = SqliteConnectOptions::from_str("sqlite://")
            .map_err(|e| corrupt(&location, e))?
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(if full_sync {
                SqliteSynchronous::Full
            } else {
                SqliteSynchronous::Normal
            })
            .busy_timeout(Duration::from_secs(30))
            .foreign_keys(true)
            // Large keyspaces (a view of a million groups) read and rewrite pages at random:
            // map the file instead of copying each page through pread(2), and let the writer
            // keep more hot pages than SQLite's 2 MiB default.
            .pragma("mmap_size", MMAP_SIZE.to_string());
        // Pages freed by pruning the outbox go back to the file system (after each prune,
        // `prune_changes`), so the file shrinks to what it holds. Set only on a new file: it
        // takes effect only before the first table, and setting it on an existing file would
        // write its header on every open. Older files reuse their free pages instead.
        let new_file = std::fs::metadata(path).is_ok_and(|m| m.len() == 0);
        let options = if new_file {
            options.auto_vacuum(SqliteAutoVacuum::Incremental)
        } else {
            options
        };
        let writer_options = options
            .clone()
            .pragma("cache_size", WRITER_CACHE_KIB.to_string())
            .pragma("wal_autocheckpoint", BACKSTOP_PAGES.to_string())
            // A burst can grow the WAL far beyond what it usually holds; give the space back
            // when it starts over.
            .pragma("journal_size_limit", WAL_KEEP_BYTES.to_string())
            // A multi-row statement inside a transaction keeps a statement journal of every
            // page it changes; past 64 KiB SQLite spills it to a temporary file, so a group
            // that rewrites hundreds of random pages wrote each one to a file first.
            .pragma("temp_store", "MEMORY");
        let writer = SqliteConnection::connect_with(&writer_options)
            .await
            .map_err(|e| corrupt(&location, e))?;
        // Every sqlx SQLite query is a hand-off to its connection's worker thread; the
        // wake-ups dominate a point read. Eight readers measured best for authenticated RPCs
        // on 2 cores (1: 0.28x, 4: 0.38x, 8: 0.47x of a bare health RPC; see BENCHMARKS.md).
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            // A local file needs no liveness ping; sqlx's default pings on every acquire,
            // which doubles the worker-thread round trips of every read.
            .test_before_acquire(false)
            // sqlx's worker reads up to this many rows ahead of the caller (50 by default):
            // with large values (a page of 900 KB events for each of eight readers) the
            // read-ahead alone held hundreds of MB, and it defeated read_changes' byte limit.
            .connect_with(options.row_buffer_size(2))
            .await
            .map_err(|e| corrupt(&location, e))?;
        let checkpointer = Checkpointer::start(path.to_owned()).map_err(|e| {
            corrupt(
                &location,
                format!("cannot open a checkpoint connection: {e}"),
            )
        })?;
        let backend = SqliteBackend {
            checkpointer,
            pool,
            reader: PointReader::new(path.to_owned()),
            writer: Mutex::new(Some(WriterConn {
                conn: writer,
                open_txn: false,
            })),
            location,
        };
        // Touch the schema once, so a file that is not a database is reported here.
        sqlx::query("SELECT count(*) FROM sqlite_master")
            .fetch_one(&backend.pool)
            .await
            .map_err(|e| backend.classify(e))?;
        Ok(backend)
    }

    /// Maps engine errors that mean "this file is damaged" to [`StoreError::Corrupt`].
    fn classify(&self, error: sqlx::Error) -> StoreError {
        if let sqlx::Error::Database(db) = &error {
            // SQLITE_CORRUPT (11) and SQLITE_NOTADB (26), possibly extended.
            if let Some(code) = db.code().and_then(|c| c.parse::<i32>().ok()) {
                if matches!(code & 0xff, 11 | 26) {
                    return corrupt(&self.location, error);
                }
            }
        }
        error.into()
    }

    /// Returns free pages beyond a small reserve to the file system (a no-op on a file
    /// without incremental auto-vacuum). The reserve (1/32 of the file, at least 256 pages)
    /// is what the next writes reuse without growing the file again. A failure only leaves
    /// the pages free for reuse, so it is logged, not returned.
    async fn give_back_free_pages(&self) {
        let result: Result<i64, sqlx::Error> = async {
            let mut conn = self.pool.acquire().await?;
            let pages: i64 = sqlx::query_scalar("PRAGMA page_count")
                .fetch_one(&mut *conn)
                .await?;
            let free: i64 = sqlx::query_scalar("PRAGMA freelist_count")
                .fetch_one(&mut *conn)
                .await?;
            let excess = free - (pages / 32).max(256);
            if excess <= 0 {
                return Ok(0);
            }
            let count = excess.min(VACUUM_PAGES_PER_PRUNE);
            sqlx::query(&format!("PRAGMA incremental_vacuum({count})"))
                .execute(&mut *conn)
                .await?;
            Ok(count)
        }
        .await;
        match result {
            Ok(0) => {}
            Ok(pages) => tracing::debug!(pages, "sqlite free pages given back after pruning"),
            Err(error) => tracing::warn!(%error, "sqlite incremental vacuum after pruning failed"),
        }
    }

    /// One group commit in two round trips; on error the caller rolls back.
    async fn commit_in(
        &self,
        conn: &mut SqliteConnection,
        batch: &[SealedTxn],
        clock: &Hlc,
    ) -> Result<Vec<Result<Receipt, StoreError>>, StoreError> {
        let databases = batch::databases(batch);
        let checked = batch::checked_keys(batch);

        // Round trip 1: take the write lock, read the outbox heads and the current versions
        // of the keys a condition or a delete names (none for plain puts). Rows of both selects come back in one
        // list; the heads select has two columns, the versions select four.
        let mut query: QueryBuilder<'_, Sqlite> = QueryBuilder::new(
            "BEGIN IMMEDIATE; SELECT db, seq FROM orbit_outbox_heads WHERE db IN (",
        );
        let mut list = query.separated(", ");
        for db in &databases {
            list.push_bind(*db);
        }
        query.push(")");
        for chunk in checked.chunks(ROWS_PER_STATEMENT) {
            query.push(
                "; SELECT db, keyspace, key, version FROM orbit_records \
                 WHERE (db, keyspace, key) IN (VALUES ",
            );
            push_row_keys(&mut query, chunk);
            query.push(")");
        }
        let rows = query
            .build()
            .fetch_all(&mut *conn)
            .await
            .map_err(|e| self.classify(e))?;
        let mut heads: HashMap<&str, u64> = HashMap::with_capacity(databases.len());
        let mut current: HashMap<RowKey<'_>, u64> = HashMap::with_capacity(rows.len());
        for row in &rows {
            let db: &str = row.try_get("db")?;
            if row.len() == 2 {
                if let Ok(i) = databases.binary_search(&db) {
                    heads.insert(databases[i], row.try_get::<i64, _>("seq")? as u64);
                }
            } else {
                let found: RowKey<'_> = (db, row.try_get("keyspace")?, row.try_get("key")?);
                if let Ok(i) = checked.binary_search(&found) {
                    current.insert(checked[i], row.try_get::<i64, _>("version")? as u64);
                }
            }
        }

        let plan = batch::plan(batch, current, heads, clock);

        // Round trip 2: every write, then COMMIT.
        let mut query: QueryBuilder<'_, Sqlite> = QueryBuilder::new("");
        for chunk in plan.upserts.chunks(ROWS_PER_STATEMENT) {
            query.push(
                "INSERT INTO orbit_records (db, keyspace, key, version, key_version, value) ",
            );
            query.push_values(chunk, |mut b, row| {
                b.push_bind(row.database)
                    .push_bind(row.keyspace)
                    .push_bind(row.key)
                    .push_bind(row.version as i64)
                    .push_bind(row.key_version as i64)
                    .push_bind(row.sealed);
            });
            query.push(
                " ON CONFLICT (db, keyspace, key) DO UPDATE SET version = excluded.version, \
                 key_version = excluded.key_version, value = excluded.value; ",
            );
        }
        for chunk in plan.deletes.chunks(ROWS_PER_STATEMENT) {
            query.push("DELETE FROM orbit_records WHERE (db, keyspace, key) IN (VALUES ");
            push_row_keys(&mut query, chunk);
            query.push("); ");
        }
        for chunk in plan.events.chunks(ROWS_PER_STATEMENT) {
            query.push(
                "INSERT INTO orbit_outbox (db, seq, hlc, keyspace, key, op, key_version, value, correlation_id, \
                 org_id, project_id, entity, federated) ",
            );
            query.push_values(chunk, |mut b, event| {
                b.push_bind(event.database)
                    .push_bind(event.seq as i64)
                    .push_bind(event.hlc.0 as i64)
                    .push_bind(event.keyspace)
                    .push_bind(event.key)
                    .push_bind(event.op.code() as i64)
                    .push_bind(event.key_version.map(|v| v as i64))
                    .push_bind(event.sealed)
                    .push_bind(event.correlation_id)
                    .push_bind(event.scope.map(|s| s.org_id.as_str()))
                    .push_bind(event.scope.map(|s| s.project_id.as_str()))
                    .push_bind(event.scope.map(|s| s.entity.as_str()))
                    .push_bind(event.scope.is_some_and(|s| s.federated));
            });
            query.push("; ");
        }
        if !plan.heads.is_empty() {
            query.push("INSERT INTO orbit_outbox_heads (db, seq) ");
            query.push_values(&plan.heads, |mut b, (db, seq)| {
                b.push_bind(*db).push_bind(*seq as i64);
            });
            query.push(" ON CONFLICT (db) DO UPDATE SET seq = excluded.seq; ");
        }
        query.push("COMMIT");
        query
            .build()
            .execute(&mut *conn)
            .await
            .map_err(|e| self.classify(e))?;
        Ok(plan.outcomes)
    }
}

/// Pushes `(db, keyspace, key), …` for a `(db, keyspace, key) IN (VALUES …)` list.
fn push_row_keys<'a>(query: &mut QueryBuilder<'a, Sqlite>, keys: &[RowKey<'a>]) {
    let mut list = query.separated(", ");
    for (db, ks, key) in keys {
        list.push("(")
            .push_bind_unseparated(*db)
            .push_unseparated(", ");
        list.push_bind_unseparated(*ks)
            .push_unseparated(", ")
            .push_bind_unseparated(*key)
            .push_unseparated(")");
    }
}

/// Creates the database file readable by its owner only, if it does not exist yet. SQLite
/// gives its -wal and -shm files the same permissions.
fn create_private_file(path: &Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

fn corrupt(location: &str, error: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt {
        path: location.to_owned(),
        reason: error.to_string(),
    }
}

fn record_from_row(row: &sqlx::sqlite::SqliteRow) -> RawRecord {
    RawRecord {
        keyspace: row.get("keyspace"),
        key: row.get("key"),
        version: row.get::<i64, _>("version") as u64,
        key_version: row.get::<i64, _>("key_version") as u32,
        sealed: row.get("value"),
    }
}

fn change_from_row(row: &sqlx::sqlite::SqliteRow) -> RawChange {
    RawChange {
        seq: row.get::<i64, _>("seq") as u64,
        hlc: row.get::<i64, _>("hlc") as u64,
        keyspace: row.get("keyspace"),
        key: row.get("key"),
        op: row.get::<i64, _>("op") as i16,
        key_version: row.get::<Option<i64>, _>("key_version").map(|v| v as u32),
        sealed: row.get("value"),
        correlation_id: row.get("correlation_id"),
        scope: scope_from_row(
            row.get("org_id"),
            row.get("project_id"),
            row.get("entity"),
            row.get("federated"),
        ),
    }
}

fn now_secs() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

#[async_trait]
impl Backend for SqliteBackend {
    fn kind(&self) -> &'static str {
        "sqlite"
    }

    fn location(&self) -> &str {
        &self.location
    }

    async fn load_instance(&self) -> Result<Option<InstanceRow>, StoreError> {
        let exists: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'orbit_instance'",
        )
        .fetch_one(&self.pool)
        .await
        .map_err(|e| self.classify(e))?;
        if exists == 0 {
            return Ok(None);
        }
        let row = sqlx::query("SELECT * FROM orbit_instance WHERE id = 1")
            .fetch_optional(&self.pool)
            .await
            .map_err(|e| self.classify(e))?;
        Ok(row.map(|row| InstanceRow {
            instance_id: row.get("instance_id"),
            unseal_kind: row.get("unseal_kind"),
            kdf_params: row.get("kdf_params"),
            salt: row.get("salt"),
            wrapped_instance_key: row.get("wrapped_instance_key"),
            instance_key_version: row.get::<i64, _>("instance_key_version") as u32,
        }))
    }

    async fn migrate(&self) -> Result<(), StoreError> {
        MIGRATOR.run(&self.pool).await?;
        Ok(())
    }

    async fn init_instance(&self, row: &InstanceRow) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "INSERT INTO orbit_instance (id, instance_id, unseal_kind, kdf_params, salt, wrapped_instance_key, instance_key_version, created_at) \
             VALUES (1, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
        )
        .bind(&row.instance_id)
        .bind(&row.unseal_kind)
        .bind(&row.kdf_params)
        .bind(&row.salt)
        .bind(&row.wrapped_instance_key)
        .bind(row.instance_key_version as i64)
        .bind(now_secs())
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn rewrap(&self, instance: &InstanceRow, keys: &[KeyRow]) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE orbit_instance SET unseal_kind = ?, kdf_params = ?, salt = ?, wrapped_instance_key = ?, instance_key_version = ? WHERE id = 1")
            .bind(&instance.unseal_kind)
            .bind(&instance.kdf_params)
            .bind(&instance.salt)
            .bind(&instance.wrapped_instance_key)
            .bind(instance.instance_key_version as i64)
            .execute(&mut *tx)
            .await?;
        for key in keys {
            sqlx::query(
                "UPDATE orbit_keys SET wrapped = ? WHERE db = ? AND kind = ? AND version = ?",
            )
            .bind(&key.wrapped)
            .bind(&key.db)
            .bind(&key.kind)
            .bind(key.version as i64)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn load_keys(&self, db: Option<&str>) -> Result<Vec<KeyRow>, StoreError> {
        let rows = sqlx::query("SELECT db, kind, version, wrapped FROM orbit_keys WHERE (? IS NULL OR db = ?) ORDER BY db, kind, version")
            .bind(db)
            .bind(db)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows
            .iter()
            .map(|row| KeyRow {
                db: row.get("db"),
                kind: row.get("kind"),
                version: row.get::<i64, _>("version") as u32,
                wrapped: row.get("wrapped"),
            })
            .collect())
    }

    async fn insert_keys(&self, keys: &[KeyRow]) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        for key in keys {
            sqlx::query("INSERT INTO orbit_keys (db, kind, version, wrapped, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .bind(&key.db)
                .bind(&key.kind)
                .bind(key.version as i64)
                .bind(&key.wrapped)
                .bind(now_secs())
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO orbit_outbox_heads (db, seq) VALUES (?, 0) ON CONFLICT DO NOTHING",
            )
            .bind(&key.db)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn load_placement(&self, db: &str) -> Result<Option<Option<String>>, StoreError> {
        let row: Option<Option<String>> =
            sqlx::query_scalar("SELECT location FROM orbit_databases WHERE db = ?")
                .bind(db)
                .fetch_optional(&self.pool)
                .await
                .map_err(|e| self.classify(e))?;
        Ok(row)
    }

    async fn record_placement(
        &self,
        db: &str,
        location: Option<&str>,
    ) -> Result<Option<String>, StoreError> {
        sqlx::query(
            "INSERT INTO orbit_databases (db, location, created_at) VALUES (?, ?, ?) \
             ON CONFLICT (db) DO NOTHING",
        )
        .bind(db)
        .bind(location)
        .bind(now_secs())
        .execute(&self.pool)
        .await
        .map_err(|e| self.classify(e))?;
        Ok(self.load_placement(db).await?.flatten())
    }

    async fn init_database(&self, db: &str) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO orbit_outbox_heads (db, seq) VALUES (?, 0) ON CONFLICT DO NOTHING",
        )
        .bind(db)
        .execute(&self.pool)
        .await
        .map_err(|e| self.classify(e))?;
        Ok(())
    }

    async fn get(
        &self,
        db: &str,
        keyspace: &str,
        key: &[u8],
    ) -> Result<Option<RawRecord>, StoreError> {
        self.reader
            .get(db, keyspace, key)
            .map_err(|(reason, code)| match code {
                // SQLITE_CORRUPT (11) and SQLITE_NOTADB (26), possibly extended.
                Some(code) if matches!(code & 0xff, 11 | 26) => corrupt(&self.location, reason),
                _ => StoreError::Read {
                    location: self.location.clone(),
                    reason,
                },
            })
    }

    fn scan<'a>(
        &'a self,
        db: &'a str,
        keyspace: &'a str,
        from: From<'a>,
        end: Option<&'a [u8]>,
        limit: u32,
    ) -> BoxStream<'a, Result<RawRecord, StoreError>> {
        // Fixed texts (not a QueryBuilder), so the stream can borrow them and each shape is
        // prepared once per connection.
        macro_rules! scan_sql {
            ($bounds:literal) => {
                concat!(
                    "SELECT keyspace, key, version, key_version, value FROM orbit_records \
                     WHERE db = ? AND keyspace = ? AND key ",
                    $bounds,
                    " ORDER BY key LIMIT ?"
                )
            };
        }
        let (sql, start) = match (from, end.is_some()) {
            (From::Inclusive(start), false) => (scan_sql!(">= ?"), start),
            (From::Exclusive(after), false) => (scan_sql!("> ?"), after),
            (From::Inclusive(start), true) => (scan_sql!(">= ? AND key < ?"), start),
            (From::Exclusive(after), true) => (scan_sql!("> ? AND key < ?"), after),
        };
        let mut query = sqlx::query(sql).bind(db).bind(keyspace).bind(start);
        if let Some(end) = end {
            query = query.bind(end);
        }
        // sqlx's worker thread steps SQLite and hands rows over through a bounded channel, so
        // the reader opens each record while the next ones are being read.
        query
            .bind(limit as i64)
            .fetch(&self.pool)
            .map(move |row| {
                row.map(|row| record_from_row(&row))
                    .map_err(|e| self.classify(e))
            })
            .boxed()
    }

    async fn get_for_update(
        &self,
        db: &str,
        keyspace: &str,
        keys: &[Vec<u8>],
    ) -> Result<Vec<RawRecord>, StoreError> {
        // In WAL mode every other connection drops its page cache (and unmaps the file) at
        // its first read after any commit; the writer's own commits leave its cache valid,
        // so what a read-modify-write is about to rewrite is read here, between commits.
        let mut writer = self.writer.lock().await;
        let writer = writer.as_mut().ok_or(StoreError::Closed)?;
        writer.settle().await;
        let mut found = Vec::with_capacity(keys.len());
        for chunk in keys.chunks(ROWS_PER_STATEMENT) {
            let mut query: QueryBuilder<'_, Sqlite> = QueryBuilder::new(
                "SELECT keyspace, key, version, key_version, value FROM orbit_records WHERE db = ",
            );
            query
                .push_bind(db)
                .push(" AND keyspace = ")
                .push_bind(keyspace)
                .push(" AND key IN (");
            let mut list = query.separated(", ");
            for key in chunk {
                list.push_bind(key.as_slice());
            }
            query.push(")");
            let rows = query
                .build()
                .fetch_all(&mut writer.conn)
                .await
                .map_err(|e| self.classify(e))?;
            found.extend(rows.iter().map(record_from_row));
        }
        Ok(found)
    }

    async fn commit_batch(
        &self,
        batch: &[SealedTxn],
        clock: &Hlc,
    ) -> Result<Vec<Result<Receipt, StoreError>>, StoreError> {
        let mut writer = self.writer.lock().await;
        let writer = writer.as_mut().ok_or(StoreError::Closed)?;
        writer.settle().await;
        writer.open_txn = true;
        let result = self.commit_in(&mut writer.conn, batch, clock).await;
        if result.is_ok() {
            self.checkpointer.nudge();
        } else {
            // Also fails, harmlessly, if the error came before BEGIN or already ended the
            // transaction.
            let _ = sqlx::query("ROLLBACK").execute(&mut writer.conn).await;
        }
        writer.open_txn = false;
        result
    }

    async fn read_changes(
        &self,
        db: &str,
        after: u64,
        limit: u32,
        max_bytes: usize,
    ) -> Result<Vec<RawChange>, StoreError> {
        // Rows are taken one at a time, so a page of large values stops at `max_bytes`
        // (after at least one event) instead of loading `limit` of them at once.
        let mut rows =
            sqlx::query("SELECT * FROM orbit_outbox WHERE db = ? AND seq > ? ORDER BY seq LIMIT ?")
                .bind(db)
                .bind(after as i64)
                .bind(limit as i64)
                .fetch(&self.pool);
        let mut changes = Vec::new();
        let mut bytes = 0usize;
        while let Some(row) = rows.next().await {
            let change = change_from_row(&row.map_err(|e| self.classify(e))?);
            bytes += change.sealed.as_ref().map_or(0, Vec::len) + change.key.len();
            changes.push(change);
            if bytes >= max_bytes {
                break;
            }
        }
        Ok(changes)
    }

    async fn head(&self, db: &str) -> Result<u64, StoreError> {
        let seq: Option<i64> =
            sqlx::query_scalar("SELECT seq FROM orbit_outbox_heads WHERE db = ?")
                .bind(db)
                .fetch_optional(&self.pool)
                .await?;
        Ok(seq.unwrap_or(0) as u64)
    }

    async fn prune_changes(&self, db: &str, through: u64) -> Result<u64, StoreError> {
        let mut tx = self.pool.begin().await?;
        let deleted = sqlx::query("DELETE FROM orbit_outbox WHERE db = ? AND seq <= ?")
            .bind(db)
            .bind(through as i64)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        sqlx::query(
            "UPDATE orbit_outbox_heads SET pruned_through = max(pruned_through, ?) WHERE db = ?",
        )
        .bind(through as i64)
        .bind(db)
        .execute(&mut *tx)
        .await?;
        tx.commit().await.map_err(|e| self.classify(e))?;
        if deleted > 0 {
            self.give_back_free_pages().await;
        }
        Ok(deleted)
    }

    async fn pruned_through(&self, db: &str) -> Result<u64, StoreError> {
        let seq: Option<i64> =
            sqlx::query_scalar("SELECT pruned_through FROM orbit_outbox_heads WHERE db = ?")
                .bind(db)
                .fetch_optional(&self.pool)
                .await?;
        Ok(seq.unwrap_or(0) as u64)
    }

    async fn max_hlc(&self) -> Result<u64, StoreError> {
        let hlc: Option<i64> = sqlx::query_scalar("SELECT max(hlc) FROM orbit_outbox")
            .fetch_one(&self.pool)
            .await?;
        Ok(hlc.unwrap_or(0) as u64)
    }

    async fn stale_records(
        &self,
        db: &str,
        current: u32,
        (keyspace, key): (&str, &[u8]),
        limit: u32,
    ) -> Result<Vec<RawRecord>, StoreError> {
        let rows = sqlx::query(concat!(
            "SELECT keyspace, key, version, key_version, value FROM orbit_records ",
            "WHERE db = ?1 AND key_version < ?2 AND (keyspace, key) > (?3, ?4) ",
            "ORDER BY keyspace, key LIMIT ?5"
        ))
        .bind(db)
        .bind(current as i64)
        .bind(keyspace)
        .bind(key)
        .bind(limit as i64)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.iter().map(record_from_row).collect())
    }

    async fn reseal_records(&self, db: &str, records: &[RawRecord]) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        for record in records {
            sqlx::query("UPDATE orbit_records SET value = ?, key_version = ? WHERE db = ? AND keyspace = ? AND key = ? AND version = ?")
                .bind(&record.sealed)
                .bind(record.key_version as i64)
                .bind(db)
                .bind(&record.keyspace)
                .bind(&record.key)
                .bind(record.version as i64)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn stale_changes(
        &self,
        db: &str,
        current: u32,
        limit: u32,
    ) -> Result<Vec<RawChange>, StoreError> {
        let rows =
            sqlx::query("SELECT * FROM orbit_outbox WHERE db = ? AND key_version < ? LIMIT ?")
                .bind(db)
                .bind(current as i64)
                .bind(limit as i64)
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.iter().map(change_from_row).collect())
    }

    async fn reseal_changes(&self, db: &str, changes: &[RawChange]) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        for change in changes {
            sqlx::query(
                "UPDATE orbit_outbox SET value = ?, key_version = ? WHERE db = ? AND seq = ?",
            )
            .bind(&change.sealed)
            .bind(change.key_version.map(|v| v as i64))
            .bind(db)
            .bind(change.seq as i64)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn count_stale(&self, db: &str, current: u32) -> Result<u64, StoreError> {
        let count: i64 = sqlx::query_scalar(
            "SELECT (SELECT count(*) FROM orbit_records WHERE db = ?1 AND key_version < ?2) \
                  + (SELECT count(*) FROM orbit_outbox WHERE db = ?1 AND key_version < ?2)",
        )
        .bind(db)
        .bind(current as i64)
        .fetch_one(&self.pool)
        .await?;
        Ok(count as u64)
    }

    async fn close(&self) {
        self.reader.close();
        self.checkpointer.stop().await;
        self.pool.close().await;
        if let Some(WriterConn {
            conn: mut writer, ..
        }) = self.writer.lock().await.take()
        {
            // Checkpoint the WAL so the file is complete on its own; closing the last
            // connection then removes the -wal and -shm files.
            if let Err(error) = sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                .execute(&mut writer)
                .await
            {
                tracing::warn!(%error, "sqlite checkpoint at close failed");
            }
            if let Err(error) = writer.close().await {
                tracing::warn!(%error, "closing the sqlite writer connection failed");
            }
        }
    }

    #[cfg(test)]
    async fn tamper(
        &self,
        db: &str,
        keyspace: &str,
        key: &[u8],
        sealed: &[u8],
    ) -> Result<(), StoreError> {
        sqlx::query("UPDATE orbit_records SET value = ? WHERE db = ? AND keyspace = ? AND key = ?")
            .bind(sealed)
            .bind(db)
            .bind(keyspace)
            .bind(key)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::batch::SealedOp;
    use crate::store::types::Expect;

    fn put(key: &str) -> SealedTxn {
        SealedTxn {
            database: "db".into(),
            ops: vec![SealedOp {
                keyspace: "ks".into(),
                key: key.into(),
                put: Some((b"sealed".to_vec(), 1)),
                check_only: false,
                unscoped: false,
                expect: Expect::Any,
            }],
            correlation_id: None,
            scope: None,
        }
    }

    async fn record_exists(backend: &SqliteBackend, key: &str) -> bool {
        backend
            .get("db", "ks", key.as_bytes())
            .await
            .unwrap()
            .is_some()
    }

    /// Every connection maps the whole file: SQLite silently caps `mmap_size` at its
    /// compile-time maximum, so this fails if the build lost `.cargo/config.toml`'s flag.
    #[tokio::test]
    async fn connections_map_the_file_up_to_mmap_size() {
        let dir = tempfile::tempdir().unwrap();
        let backend = SqliteBackend::open(&dir.path().join("orbit.db"), false)
            .await
            .unwrap();
        let mapped: i64 = sqlx::query_scalar("PRAGMA mmap_size")
            .fetch_one(&backend.pool)
            .await
            .unwrap();
        assert_eq!(mapped as u64, MMAP_SIZE);
        backend.close().await;
    }

    /// The writer connection opens and finishes its transactions with plain statements, so
    /// it must never carry half a group into the next one.
    #[tokio::test]
    async fn writer_never_carries_an_unfinished_transaction_over() {
        let dir = tempfile::tempdir().unwrap();
        let backend = SqliteBackend::open(&dir.path().join("orbit.db"), false)
            .await
            .unwrap();
        backend.migrate().await.unwrap();
        let clock = Hlc::default();

        // A commit cancelled midway leaves its transaction open, with writes in it.
        {
            let mut writer = backend.writer.lock().await;
            let writer = writer.as_mut().unwrap();
            sqlx::query(
                "BEGIN IMMEDIATE; INSERT INTO orbit_outbox_heads (db, seq) VALUES ('db', 99)",
            )
            .execute(&mut writer.conn)
            .await
            .unwrap();
            writer.open_txn = true;
        }
        let outcomes = backend.commit_batch(&[put("a")], &clock).await.unwrap();
        assert_eq!(
            outcomes[0].as_ref().unwrap().versions,
            vec![Some(1)],
            "the abandoned transaction was rolled back, not committed"
        );
        assert_eq!(backend.head("db").await.unwrap(), 1);

        // A statement failing after others ran in the same round trip (here the outbox insert,
        // after the record upsert) leaves nothing, and the next group commits.
        sqlx::query("INSERT INTO orbit_outbox (db, seq, hlc, keyspace, key, op) VALUES ('db', 2, 0, 'ks', x'00', 1)")
            .execute(&backend.pool)
            .await
            .unwrap();
        assert!(backend.commit_batch(&[put("b")], &clock).await.is_err());
        assert!(!record_exists(&backend, "b").await);
        assert_eq!(backend.head("db").await.unwrap(), 1);
        sqlx::query("DELETE FROM orbit_outbox WHERE seq = 2")
            .execute(&backend.pool)
            .await
            .unwrap();
        let outcomes = backend.commit_batch(&[put("c")], &clock).await.unwrap();
        assert_eq!(outcomes[0].as_ref().unwrap().versions, vec![Some(2)]);
        assert!(record_exists(&backend, "c").await);
        backend.close().await;
    }
}
