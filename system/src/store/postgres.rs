//! The PostgreSQL adapter, for scale-out: several Orbit processes may share one database.
//!
//! Group commits lock the outbox head of each database they append to and then the rows they
//! check (`FOR UPDATE`), always in that order, so concurrent processes still produce gap-free
//! sequences and never deadlock on each other. The head is read under its lock on every commit,
//! never cached. Tables live in the connection's schema (`search_path`), so tests can each use
//! a fresh schema.

use std::collections::HashMap;
use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use futures::StreamExt;
use futures::stream::BoxStream;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{Connection, PgPool, Postgres, QueryBuilder, Row};

use crate::store::StoreError;
use crate::store::backend::{
    Backend, From, InstanceRow, KeyRow, ROWS_PER_STATEMENT, RawChange, RawRecord, scope_from_row,
};
use crate::store::batch::{self, RowKey, SealedTxn};
use crate::store::hlc::Hlc;
use crate::store::types::Receipt;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

// Reads and deletes of a batch of keys probe the primary key once per key, whatever the
// planner's statistics say. Written as `key = ANY($3)` or `(db, keyspace, key) IN (…)`, a
// table PostgreSQL has not analyzed yet (autovacuum off, or behind a bulk load) is planned as
// a scan of the whole keyspace that filters the keys: a view's page then costs in proportion
// to the view's size. A `LATERAL … LIMIT 1` subquery cannot be flattened into such a scan.

/// `get_for_update`: $1 db, $2 keyspace, $3 keys.
const READ_KEYS: &str = "SELECT r.keyspace, r.key, r.version, r.key_version, r.value \
     FROM unnest($3::bytea[]) AS k(key) CROSS JOIN LATERAL \
     (SELECT keyspace, key, version, key_version, value FROM orbit_records \
      WHERE db = $1 AND keyspace = $2 AND key = k.key LIMIT 1) r";
/// The current versions of the keys a group commit compares or deletes, locked in array
/// order: $1 dbs, $2 keyspaces, $3 keys.
const LOCK_VERSIONS: &str = "SELECT r.db, r.keyspace, r.key, r.version \
     FROM unnest($1::text[], $2::text[], $3::bytea[]) AS k(db, keyspace, key) \
     CROSS JOIN LATERAL (SELECT db, keyspace, key, version FROM orbit_records \
      WHERE db = k.db AND keyspace = k.keyspace AND key = k.key LIMIT 1 FOR UPDATE) r";
/// $1 dbs, $2 keyspaces, $3 keys. The rows are found as in `LOCK_VERSIONS` (which has
/// locked them, so they stay where they are) and deleted by their row ids; a join on the key
/// columns is planned as a hash join over a scan of the table when it has no statistics.
const DELETE_KEYS: &str = "DELETE FROM orbit_records WHERE ctid = ANY(ARRAY(\
     SELECT r.ctid FROM unnest($1::text[], $2::text[], $3::bytea[]) AS k(db, keyspace, key) \
     CROSS JOIN LATERAL (SELECT ctid FROM orbit_records \
      WHERE db = k.db AND keyspace = k.keyspace AND key = k.key LIMIT 1) r))";

pub(crate) struct PgBackend {
    pool: PgPool,
    location: String,
}

/// `url` without its password, for messages and logs.
pub(crate) fn redact_url(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) => {
            if parsed.password().is_some() {
                let _ = parsed.set_password(Some("***"));
            }
            parsed.to_string()
        }
        Err(_) => "the given postgres URL".to_owned(),
    }
}

impl PgBackend {
    /// Connects to `url`; tables go to `schema` when given (created if missing).
    pub(crate) async fn open(url: &str, schema: Option<&str>) -> Result<Self, StoreError> {
        let location = redact_url(url);
        let mut options = PgConnectOptions::from_str(url)
            .map_err(|e| StoreError::invalid("postgres url", format!("{location}: {e}")))?;
        if let Some(schema) = schema {
            if schema.is_empty()
                || !schema
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_')
            {
                return Err(StoreError::invalid(
                    "postgres schema",
                    format!("{schema:?}: use letters, digits and _ only"),
                ));
            }
            options = options.options([("search_path", schema)]);
        }
        // One direct attempt first: a refused or failed connection is reported at once, with
        // the server's own reason, instead of as a pool timeout.
        let probe = sqlx::PgConnection::connect_with(&options)
            .await
            .map_err(|e| StoreError::Unreachable {
                location: location.clone(),
                reason: e.to_string(),
            })?;
        let _ = probe.close().await;
        let pool = PgPoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await
            .map_err(|e| StoreError::Unreachable {
                location: location.clone(),
                reason: e.to_string(),
            })?;
        if let Some(schema) = schema {
            sqlx::query(&format!("CREATE SCHEMA IF NOT EXISTS {schema}"))
                .execute(&pool)
                .await?;
        }
        Ok(PgBackend { pool, location })
    }

    fn classify(&self, error: sqlx::Error) -> StoreError {
        match error {
            sqlx::Error::Io(_) | sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed => {
                StoreError::Unreachable {
                    location: self.location.clone(),
                    reason: error.to_string(),
                }
            }
            other => other.into(),
        }
    }
}

fn record_from_row(row: &sqlx::postgres::PgRow) -> RawRecord {
    RawRecord {
        keyspace: row.get("keyspace"),
        key: row.get("key"),
        version: row.get::<i64, _>("version") as u64,
        key_version: row.get::<i64, _>("key_version") as u32,
        sealed: row.get("value"),
    }
}

fn change_from_row(row: &sqlx::postgres::PgRow) -> RawChange {
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
impl Backend for PgBackend {
    fn kind(&self) -> &'static str {
        "postgres"
    }

    fn location(&self) -> &str {
        &self.location
    }

    async fn load_instance(&self) -> Result<Option<InstanceRow>, StoreError> {
        let exists: Option<String> =
            sqlx::query_scalar("SELECT to_regclass('orbit_instance')::text")
                .fetch_one(&self.pool)
                .await
                .map_err(|e| self.classify(e))?;
        if exists.is_none() {
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
             VALUES (1, $1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING",
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
        sqlx::query("UPDATE orbit_instance SET unseal_kind = $1, kdf_params = $2, salt = $3, wrapped_instance_key = $4, instance_key_version = $5 WHERE id = 1")
            .bind(&instance.unseal_kind)
            .bind(&instance.kdf_params)
            .bind(&instance.salt)
            .bind(&instance.wrapped_instance_key)
            .bind(instance.instance_key_version as i64)
            .execute(&mut *tx)
            .await?;
        for key in keys {
            sqlx::query(
                "UPDATE orbit_keys SET wrapped = $1 WHERE db = $2 AND kind = $3 AND version = $4",
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
        let rows = sqlx::query("SELECT db, kind, version, wrapped FROM orbit_keys WHERE ($1::text IS NULL OR db = $2) ORDER BY db, kind, version")
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
            sqlx::query("INSERT INTO orbit_keys (db, kind, version, wrapped, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING")
                .bind(&key.db)
                .bind(&key.kind)
                .bind(key.version as i64)
                .bind(&key.wrapped)
                .bind(now_secs())
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO orbit_outbox_heads (db, seq) VALUES ($1, 0) ON CONFLICT DO NOTHING",
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
            sqlx::query_scalar("SELECT location FROM orbit_databases WHERE db = $1")
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
            "INSERT INTO orbit_databases (db, location, created_at) VALUES ($1, $2, $3) \
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
            "INSERT INTO orbit_outbox_heads (db, seq) VALUES ($1, 0) ON CONFLICT DO NOTHING",
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
        let row = sqlx::query("SELECT keyspace, key, version, key_version, value FROM orbit_records WHERE db = $1 AND keyspace = $2 AND key = $3")
            .bind(db)
            .bind(keyspace)
            .bind(key)
            .fetch_optional(&self.pool)
            .await
            .map_err(|e| self.classify(e))?;
        Ok(row.as_ref().map(record_from_row))
    }

    async fn get_for_update(
        &self,
        db: &str,
        keyspace: &str,
        keys: &[Vec<u8>],
    ) -> Result<Vec<RawRecord>, StoreError> {
        let rows = sqlx::query(READ_KEYS)
            .bind(db)
            .bind(keyspace)
            .bind(keys)
            .fetch_all(&self.pool)
            .await
            .map_err(|e| self.classify(e))?;
        Ok(rows.iter().map(record_from_row).collect())
    }

    fn scan<'a>(
        &'a self,
        db: &'a str,
        keyspace: &'a str,
        from: From<'a>,
        end: Option<&'a [u8]>,
        limit: u32,
    ) -> BoxStream<'a, Result<RawRecord, StoreError>> {
        // Fixed texts (not a QueryBuilder), so the stream can borrow them.
        macro_rules! scan_sql {
            ($bounds:literal) => {
                concat!(
                    "SELECT keyspace, key, version, key_version, value FROM orbit_records \
                     WHERE db = $1 AND keyspace = $2 AND key ",
                    $bounds
                )
            };
        }
        let (sql, start) = match (from, end.is_some()) {
            (From::Inclusive(start), false) => (scan_sql!(">= $3 ORDER BY key LIMIT $4"), start),
            (From::Exclusive(after), false) => (scan_sql!("> $3 ORDER BY key LIMIT $4"), after),
            (From::Inclusive(start), true) => {
                (scan_sql!(">= $3 AND key < $4 ORDER BY key LIMIT $5"), start)
            }
            (From::Exclusive(after), true) => {
                (scan_sql!("> $3 AND key < $4 ORDER BY key LIMIT $5"), after)
            }
        };
        let mut query = sqlx::query(sql).bind(db).bind(keyspace).bind(start);
        if let Some(end) = end {
            query = query.bind(end);
        }
        // Rows are decoded as they arrive on the socket, so the reader opens each record while
        // the next ones are still coming.
        query
            .bind(limit as i64)
            .fetch(&self.pool)
            .map(move |row| {
                row.map(|row| record_from_row(&row))
                    .map_err(|e| self.classify(e))
            })
            .boxed()
    }

    async fn commit_batch(
        &self,
        batch: &[SealedTxn],
        clock: &Hlc,
    ) -> Result<Vec<Result<Receipt, StoreError>>, StoreError> {
        let mut tx = self.pool.begin().await.map_err(|e| self.classify(e))?;

        // Heads first, in database order: every commit takes its locks in the same order
        // (heads, then rows), so two processes never wait on each other in a cycle.
        let databases = batch::databases(batch);
        let mut heads: HashMap<&str, u64> = HashMap::with_capacity(databases.len());
        let rows = sqlx::query(
            "SELECT db, seq FROM orbit_outbox_heads WHERE db = ANY($1) ORDER BY db FOR UPDATE",
        )
        .bind(&databases)
        .fetch_all(&mut *tx)
        .await?;
        for row in &rows {
            let db: &str = row.try_get("db")?;
            if let Ok(i) = databases.binary_search(&db) {
                heads.insert(databases[i], row.try_get::<i64, _>("seq")? as u64);
            }
        }

        let mut current: HashMap<RowKey<'_>, u64> = HashMap::new();
        let checked = batch::checked_keys(batch);
        if !checked.is_empty() {
            // The keys are sorted and probed (and locked) in array order, so every commit
            // locks rows in the same order.
            let (dbs, keyspaces, keys) = columns(&checked);
            let rows = sqlx::query(LOCK_VERSIONS)
                .bind(dbs)
                .bind(keyspaces)
                .bind(keys)
                .fetch_all(&mut *tx)
                .await?;
            for row in rows {
                let found: RowKey<'_> = (
                    row.try_get("db")?,
                    row.try_get("keyspace")?,
                    row.try_get("key")?,
                );
                if let Ok(i) = checked.binary_search(&found) {
                    current.insert(checked[i], row.try_get::<i64, _>("version")? as u64);
                }
            }
        }

        let plan = batch::plan(batch, current, heads, clock);

        for chunk in plan.upserts.chunks(ROWS_PER_STATEMENT) {
            let mut query: QueryBuilder<'_, Postgres> = QueryBuilder::new(
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
                 key_version = excluded.key_version, value = excluded.value",
            );
            query.build().execute(&mut *tx).await?;
        }
        if !plan.deletes.is_empty() {
            let (dbs, keyspaces, keys) = columns(&plan.deletes);
            sqlx::query(DELETE_KEYS)
                .bind(dbs)
                .bind(keyspaces)
                .bind(keys)
                .execute(&mut *tx)
                .await?;
        }
        for chunk in plan.events.chunks(ROWS_PER_STATEMENT) {
            let mut query: QueryBuilder<'_, Postgres> = QueryBuilder::new(
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
            query.build().execute(&mut *tx).await?;
        }
        if !plan.heads.is_empty() {
            let mut query: QueryBuilder<'_, Postgres> =
                QueryBuilder::new("INSERT INTO orbit_outbox_heads (db, seq) ");
            query.push_values(&plan.heads, |mut b, (db, seq)| {
                b.push_bind(*db).push_bind(*seq as i64);
            });
            query.push(" ON CONFLICT (db) DO UPDATE SET seq = excluded.seq");
            query.build().execute(&mut *tx).await?;
        }
        tx.commit().await.map_err(|e| self.classify(e))?;
        Ok(plan.outcomes)
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
        let mut rows = sqlx::query(
            "SELECT * FROM orbit_outbox WHERE db = $1 AND seq > $2 ORDER BY seq LIMIT $3",
        )
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
            sqlx::query_scalar("SELECT seq FROM orbit_outbox_heads WHERE db = $1")
                .bind(db)
                .fetch_optional(&self.pool)
                .await?;
        Ok(seq.unwrap_or(0) as u64)
    }

    async fn prune_changes(&self, db: &str, through: u64) -> Result<u64, StoreError> {
        let mut tx = self.pool.begin().await?;
        let deleted = sqlx::query("DELETE FROM orbit_outbox WHERE db = $1 AND seq <= $2")
            .bind(db)
            .bind(through as i64)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        sqlx::query("UPDATE orbit_outbox_heads SET pruned_through = GREATEST(pruned_through, $1) WHERE db = $2")
            .bind(through as i64)
            .bind(db)
            .execute(&mut *tx)
            .await?;
        tx.commit().await.map_err(|e| self.classify(e))?;
        Ok(deleted)
    }

    async fn pruned_through(&self, db: &str) -> Result<u64, StoreError> {
        let seq: Option<i64> =
            sqlx::query_scalar("SELECT pruned_through FROM orbit_outbox_heads WHERE db = $1")
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
            "WHERE db = $1 AND key_version < $2 AND (keyspace, key) > ($3, $4) ",
            "ORDER BY keyspace, key LIMIT $5"
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
            sqlx::query("UPDATE orbit_records SET value = $1, key_version = $2 WHERE db = $3 AND keyspace = $4 AND key = $5 AND version = $6")
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
            sqlx::query("SELECT * FROM orbit_outbox WHERE db = $1 AND key_version < $2 LIMIT $3")
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
                "UPDATE orbit_outbox SET value = $1, key_version = $2 WHERE db = $3 AND seq = $4",
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
            "SELECT (SELECT count(*) FROM orbit_records WHERE db = $1 AND key_version < $2) \
                  + (SELECT count(*) FROM orbit_outbox WHERE db = $1 AND key_version < $2)",
        )
        .bind(db)
        .bind(current as i64)
        .fetch_one(&self.pool)
        .await?;
        Ok(count as u64)
    }

    async fn close(&self) {
        self.pool.close().await;
    }

    #[cfg(test)]
    async fn tamper(
        &self,
        db: &str,
        keyspace: &str,
        key: &[u8],
        sealed: &[u8],
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE orbit_records SET value = $1 WHERE db = $2 AND keyspace = $3 AND key = $4",
        )
        .bind(sealed)
        .bind(db)
        .bind(keyspace)
        .bind(key)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}

/// Row keys as three parallel arrays, for `unnest`.
fn columns<'a>(keys: &[RowKey<'a>]) -> (Vec<&'a str>, Vec<&'a str>, Vec<&'a [u8]>) {
    let mut columns = (
        Vec::with_capacity(keys.len()),
        Vec::with_capacity(keys.len()),
        Vec::with_capacity(keys.len()),
    );
    for &(db, keyspace, key) in keys {
        columns.0.push(db);
        columns.1.push(keyspace);
        columns.2.push(key);
    }
    columns
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::testdb::{drop_schema, fresh_schema, pg_url};

    /// The plan PostgreSQL makes for `sql` given 50 keys of keyspace `ks` in database `db`.
    async fn plan(pool: &PgPool, sql: &str) -> String {
        let keys: Vec<Vec<u8>> = (0..50u32).map(|i| format!("{i:06}").into_bytes()).collect();
        let explain = format!("EXPLAIN {sql}");
        let query = sqlx::query_scalar::<_, String>(&explain);
        let query = if sql == READ_KEYS {
            query.bind("db").bind("ks").bind(&keys)
        } else {
            let n = keys.len();
            query.bind(vec!["db"; n]).bind(vec!["ks"; n]).bind(&keys)
        };
        query.fetch_all(pool).await.unwrap().join("\n")
    }

    /// On a table PostgreSQL has never analyzed, a batch of keys is still read, locked and
    /// deleted by probing the primary key, not by scanning the keyspace.
    #[tokio::test]
    async fn batch_reads_probe_the_key_without_statistics() {
        let schema = fresh_schema("plans");
        let backend = PgBackend::open(&pg_url(), Some(&schema)).await.unwrap();
        backend.migrate().await.unwrap();
        sqlx::query(
            "INSERT INTO orbit_records (db, keyspace, key, version, key_version, value) \
             SELECT 'db', 'ks', convert_to(lpad(i::text, 6, '0'), 'UTF8'), i, 1, '\\x00' \
             FROM generate_series(1, 20000) AS i",
        )
        .execute(&backend.pool)
        .await
        .unwrap();
        for sql in [READ_KEYS, LOCK_VERSIONS, DELETE_KEYS] {
            let plan = plan(&backend.pool, sql).await;
            // Each probe's index condition names the key; the keyspace is never walked with
            // the keys as a filter, nor scanned.
            let conditions: Vec<&str> = plan.lines().filter(|l| l.contains("Index Cond")).collect();
            assert!(
                plan.contains("Index Scan using orbit_records_pkey")
                    && conditions.iter().all(|c| c.contains("key = k.key"))
                    && !plan.contains("Filter")
                    && !plan.contains("Bitmap Heap Scan")
                    && !plan.contains("Seq Scan on orbit_records"),
                "{sql}\n{plan}"
            );
        }
        backend.pool.close().await;
        drop_schema(&schema).await;
    }
}
