//! The SQLite adapter: the embedded default, one file in the data directory, WAL mode.
//!
//! Reads go through a small pool; all writes of the group committer go through one
//! dedicated connection with `BEGIN IMMEDIATE`, so SQLite's single writer is never contended
//! by ourselves.

use std::collections::HashMap;
use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Connection, QueryBuilder, Row, Sqlite, SqliteConnection, SqlitePool};
use tokio::sync::Mutex;

use crate::store::StoreError;
use crate::store::backend::{
    Backend, From, InstanceRow, KeyRow, ROWS_PER_STATEMENT, RawChange, RawRecord,
};
use crate::store::batch::{self, RowKey, SealedTxn};
use crate::store::hlc::Hlc;
use crate::store::types::Receipt;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");

pub(crate) struct SqliteBackend {
    pool: SqlitePool,
    /// `None` once closed.
    writer: Mutex<Option<SqliteConnection>>,
    location: String,
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
            .foreign_keys(true);
        let writer = SqliteConnection::connect_with(&options)
            .await
            .map_err(|e| corrupt(&location, e))?;
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await
            .map_err(|e| corrupt(&location, e))?;
        let backend = SqliteBackend {
            pool,
            writer: Mutex::new(Some(writer)),
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
        StoreError::Database(error)
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

    async fn get(
        &self,
        db: &str,
        keyspace: &str,
        key: &[u8],
    ) -> Result<Option<RawRecord>, StoreError> {
        let row = sqlx::query("SELECT keyspace, key, version, key_version, value FROM orbit_records WHERE db = ? AND keyspace = ? AND key = ?")
            .bind(db)
            .bind(keyspace)
            .bind(key)
            .fetch_optional(&self.pool)
            .await
            .map_err(|e| self.classify(e))?;
        Ok(row.as_ref().map(record_from_row))
    }

    async fn scan(
        &self,
        db: &str,
        keyspace: &str,
        from: From<'_>,
        end: Option<&[u8]>,
        limit: u32,
    ) -> Result<Vec<RawRecord>, StoreError> {
        let mut query: QueryBuilder<'_, Sqlite> = QueryBuilder::new(
            "SELECT keyspace, key, version, key_version, value FROM orbit_records WHERE db = ",
        );
        query
            .push_bind(db)
            .push(" AND keyspace = ")
            .push_bind(keyspace);
        match from {
            From::Inclusive(start) => query.push(" AND key >= ").push_bind(start),
            From::Exclusive(after) => query.push(" AND key > ").push_bind(after),
        };
        if let Some(end) = end {
            query.push(" AND key < ").push_bind(end);
        }
        query.push(" ORDER BY key LIMIT ").push_bind(limit as i64);
        let rows = query
            .build()
            .fetch_all(&self.pool)
            .await
            .map_err(|e| self.classify(e))?;
        Ok(rows.iter().map(record_from_row).collect())
    }

    async fn commit_batch(
        &self,
        batch: &mut [SealedTxn],
        clock: &Hlc,
    ) -> Result<Vec<Result<Receipt, StoreError>>, StoreError> {
        let mut conn = self.writer.lock().await;
        let conn = conn.as_mut().ok_or(StoreError::Closed)?;
        let mut tx = conn
            .begin_with("BEGIN IMMEDIATE")
            .await
            .map_err(|e| self.classify(e))?;

        let mut current: HashMap<RowKey, u64> = HashMap::new();
        for chunk in batch::touched_keys(batch).chunks(ROWS_PER_STATEMENT) {
            let mut query: QueryBuilder<'_, Sqlite> = QueryBuilder::new(
                "SELECT db, keyspace, key, version FROM orbit_records WHERE (db, keyspace, key) IN (VALUES ",
            );
            let mut list = query.separated(", ");
            for (db, ks, key) in chunk {
                list.push("(")
                    .push_bind_unseparated(db.as_str())
                    .push_unseparated(", ");
                list.push_bind_unseparated(ks.as_str())
                    .push_unseparated(", ")
                    .push_bind_unseparated(key.as_slice())
                    .push_unseparated(")");
            }
            query.push(")");
            for row in query.build().fetch_all(&mut *tx).await? {
                current.insert(
                    (row.get("db"), row.get("keyspace"), row.get("key")),
                    row.get::<i64, _>("version") as u64,
                );
            }
        }

        let mut heads: HashMap<String, u64> = HashMap::new();
        for db in batch::databases(batch) {
            let seq: Option<i64> =
                sqlx::query_scalar("SELECT seq FROM orbit_outbox_heads WHERE db = ?")
                    .bind(&db)
                    .fetch_optional(&mut *tx)
                    .await?;
            heads.insert(db, seq.unwrap_or(0) as u64);
        }

        let plan = batch::plan(batch, current, heads, clock);

        for chunk in plan.upserts.chunks(ROWS_PER_STATEMENT) {
            let mut query: QueryBuilder<'_, Sqlite> = QueryBuilder::new(
                "INSERT INTO orbit_records (db, keyspace, key, version, key_version, value) ",
            );
            query.push_values(chunk, |mut b, row| {
                b.push_bind(row.database.as_str())
                    .push_bind(row.keyspace.as_str())
                    .push_bind(row.key.as_slice())
                    .push_bind(row.version as i64)
                    .push_bind(row.key_version as i64)
                    .push_bind(row.sealed.as_slice());
            });
            query.push(
                " ON CONFLICT (db, keyspace, key) DO UPDATE SET version = excluded.version, \
                 key_version = excluded.key_version, value = excluded.value",
            );
            query.build().execute(&mut *tx).await?;
        }
        for chunk in plan.deletes.chunks(ROWS_PER_STATEMENT) {
            let mut query: QueryBuilder<'_, Sqlite> = QueryBuilder::new(
                "DELETE FROM orbit_records WHERE (db, keyspace, key) IN (VALUES ",
            );
            let mut list = query.separated(", ");
            for (db, ks, key) in chunk {
                list.push("(")
                    .push_bind_unseparated(db.as_str())
                    .push_unseparated(", ");
                list.push_bind_unseparated(ks.as_str())
                    .push_unseparated(", ")
                    .push_bind_unseparated(key.as_slice())
                    .push_unseparated(")");
            }
            query.push(")");
            query.build().execute(&mut *tx).await?;
        }
        for chunk in plan.events.chunks(ROWS_PER_STATEMENT) {
            let mut query: QueryBuilder<'_, Sqlite> = QueryBuilder::new(
                "INSERT INTO orbit_outbox (db, seq, hlc, keyspace, key, op, key_version, value, correlation_id) ",
            );
            query.push_values(chunk, |mut b, event| {
                b.push_bind(event.database.as_str())
                    .push_bind(event.seq as i64)
                    .push_bind(event.hlc.0 as i64)
                    .push_bind(event.keyspace.as_str())
                    .push_bind(event.key.as_slice())
                    .push_bind(event.op.code() as i64)
                    .push_bind(event.key_version.map(|v| v as i64))
                    .push_bind(event.sealed.as_deref())
                    .push_bind(event.correlation_id.as_deref());
            });
            query.build().execute(&mut *tx).await?;
        }
        for (db, seq) in &plan.heads {
            sqlx::query("INSERT INTO orbit_outbox_heads (db, seq) VALUES (?, ?) ON CONFLICT (db) DO UPDATE SET seq = excluded.seq")
                .bind(db)
                .bind(*seq as i64)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await.map_err(|e| self.classify(e))?;
        Ok(plan.outcomes)
    }

    async fn read_changes(
        &self,
        db: &str,
        after: u64,
        limit: u32,
    ) -> Result<Vec<RawChange>, StoreError> {
        let rows =
            sqlx::query("SELECT * FROM orbit_outbox WHERE db = ? AND seq > ? ORDER BY seq LIMIT ?")
                .bind(db)
                .bind(after as i64)
                .bind(limit as i64)
                .fetch_all(&self.pool)
                .await
                .map_err(|e| self.classify(e))?;
        Ok(rows.iter().map(change_from_row).collect())
    }

    async fn head(&self, db: &str) -> Result<u64, StoreError> {
        let seq: Option<i64> =
            sqlx::query_scalar("SELECT seq FROM orbit_outbox_heads WHERE db = ?")
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
        limit: u32,
    ) -> Result<Vec<RawRecord>, StoreError> {
        let rows = sqlx::query("SELECT keyspace, key, version, key_version, value FROM orbit_records WHERE db = ? AND key_version < ? LIMIT ?")
            .bind(db)
            .bind(current as i64)
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
        self.pool.close().await;
        if let Some(mut writer) = self.writer.lock().await.take() {
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
