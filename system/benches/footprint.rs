//! Disk footprint of records (issue 13): bytes per record of Orbit's encrypted SQLite store
//! against a plain SQLite file holding the same JSON the way PocketBase does (one table,
//! `id TEXT PRIMARY KEY, data TEXT`), written in the same run.
//!
//! It writes N records (`ORBIT_FOOTPRINT_RECORDS`, default 100,000) of about 150 B of JSON
//! through [`Records::put`] (the `RecordService.PutRecord` path: envelope, sealing, the change
//! event in the outbox) into a fresh store in a temporary directory, from
//! `ORBIT_FOOTPRINT_WRITERS` (default 32) concurrent callers so group commit batches them.
//! It reports the WAL while the store is open, then prunes the outbox as `orbit serve`'s
//! retention does by default once every consumer has passed the events: all but the last
//! `ORBIT_FOOTPRINT_KEEP` (default 10,000, `--feed-retention`'s default; 0 keeps the whole
//! log, the figure before retention was on by default), then closes the store (which checkpoints and removes the WAL) and
//! reports the file size per record, split per table and index with SQLite's `dbstat`
//! virtual table. Figures and how to read them: `BENCHMARKS.md` ("Disk footprint").
//!
//! This file only measures, through public APIs; it does not reach into the store.

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use anyhow::Context;
use orbit_system::crypto::KdfParams;
use orbit_system::identity::{Credential, Identity, IdentityConfig, Principal, RequestContext};
use orbit_system::records::{PutRecord, Records};
use orbit_system::store::{Store, StoreConfig, StoreLocation, Unseal, new_id};
use serde_json::{Map, Value, json};
use tokio::task::JoinSet;

/// Records written when `ORBIT_FOOTPRINT_RECORDS` is not set.
const DEFAULT_RECORDS: usize = 100_000;
/// Concurrent writers when `ORBIT_FOOTPRINT_WRITERS` is not set.
const DEFAULT_WRITERS: usize = 32;
/// Events the outbox keeps when `ORBIT_FOOTPRINT_KEEP` is not set: the default of
/// `--feed-retention` (`src/config.rs`, which this crate cannot import).
const DEFAULT_KEEP: usize = 10_000;

fn env_number(name: &str, default: usize) -> anyhow::Result<usize> {
    match std::env::var(name) {
        Ok(value) => value
            .parse()
            .with_context(|| format!("{name} must be a number, not {value:?}")),
        Err(_) => Ok(default),
    }
}

/// Record `n`'s content: about 150 bytes of compact JSON, a mix of strings, numbers, a
/// boolean and a short array, like a typical application row.
fn content(n: usize) -> Map<String, Value> {
    let value = json!({
        "title": format!("Order {n:06} for the spring catalogue"),
        "customer": format!("customer-{:05}@example.org", n % 40_000),
        "amount_cents": (n * 7919) % 1_000_000,
        "quantity": n % 17 + 1,
        "paid": n % 3 == 0,
        "tags": ["web", if n % 2 == 0 { "priority" } else { "standard" }],
    });
    value.as_object().expect("an object").clone()
}

/// Bytes of the file at `path`, 0 if it does not exist.
fn file_len(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

/// One table or index of a SQLite file, from `dbstat`.
struct Part {
    name: String,
    /// Bytes of its pages.
    bytes: u64,
    /// Bytes of cell content (keys and values) in them.
    payload: u64,
}

/// The tables and indexes of the SQLite file at `path`, largest first.
fn breakdown(path: &Path) -> anyhow::Result<Vec<Part>> {
    let connection = rusqlite::Connection::open(path)?;
    let mut statement = connection.prepare(
        "SELECT name, SUM(pgsize), SUM(payload) FROM dbstat GROUP BY name ORDER BY SUM(pgsize) DESC",
    )?;
    let rows = statement
        .query_map([], |row| {
            Ok(Part {
                name: row.get(0)?,
                bytes: row.get::<_, i64>(1)? as u64,
                payload: row.get::<_, i64>(2)? as u64,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

fn pragma(path: &Path, name: &str) -> anyhow::Result<i64> {
    let connection = rusqlite::Connection::open(path)?;
    Ok(connection.query_row(&format!("PRAGMA {name}"), [], |row| row.get(0))?)
}

/// What Orbit's store took.
struct Measured {
    file: u64,
    wal_running: u64,
    wal_peak: u64,
    json_bytes: u64,
    pruned: u64,
    seconds: f64,
}

async fn orbit(
    dir: &Path,
    ids: Arc<Vec<String>>,
    writers: usize,
    keep: u64,
) -> anyhow::Result<Measured> {
    let db_path = dir.join("orbit.db");
    let mut config = StoreConfig::new(
        StoreLocation::sqlite_in(dir),
        Unseal::KeyFile(dir.join("instance.key")),
    );
    // What `orbit serve` runs with unless --sync full is asked for.
    config.full_sync = false;
    let store = Store::open(config).await?;
    let identity = Identity::open(
        &store,
        IdentityConfig {
            kdf: KdfParams {
                memory_kib: 64,
                iterations: 1,
                parallelism: 1,
            },
            ..Default::default()
        },
    )
    .await?;
    let admin = identity
        .create_admin("bench@example.org", "a long enough password", "Bench")
        .await?;
    let caller = RequestContext {
        principal: Some(Principal {
            account_id: admin.id.clone(),
            sys_admin: true,
            credential: Credential::Session {
                session_id: new_id(),
            },
        }),
        client_address: None,
        request_id: String::new(),
    };
    let org = identity.create_org(&caller, "Bench").await?;
    let project = identity
        .create_project(&caller, &org.id, "Footprint")
        .await?;
    let records = Records::open(&store, identity.clone()).await?;

    let started = Instant::now();
    let wal_path = dir.join("orbit.db-wal");
    let mut tasks = JoinSet::new();
    for writer in 0..writers {
        let (records, caller, ids) = (records.clone(), caller.clone(), ids.clone());
        let project_id = project.id.clone();
        let wal_path = wal_path.clone();
        tasks.spawn(async move {
            let mut json_bytes = 0u64;
            let mut wal_peak = 0u64;
            for n in (writer..ids.len()).step_by(writers) {
                let data = content(n);
                json_bytes += serde_json::to_vec(&data)?.len() as u64;
                records
                    .put(
                        &caller,
                        PutRecord {
                            project_id: project_id.clone(),
                            entity: "order".into(),
                            id: ids[n].clone(),
                            data,
                            expect_version: None,
                        },
                    )
                    .await?;
                if n % 1000 == writer {
                    wal_peak = wal_peak.max(file_len(&wal_path));
                }
            }
            anyhow::Ok((json_bytes, wal_peak))
        });
    }
    let (mut json_bytes, mut wal_peak) = (0, 0);
    while let Some(done) = tasks.join_next().await {
        let (bytes, peak) = done??;
        json_bytes += bytes;
        wal_peak = wal_peak.max(peak);
    }
    let seconds = started.elapsed().as_secs_f64();
    // Idle a little longer than the checkpointer's idle time, as a running server would.
    tokio::time::sleep(std::time::Duration::from_secs(4)).await;
    let wal_running = file_len(&wal_path);
    let db = records.database();
    let pruned = if keep > 0 {
        db.prune_changes(db.head().await?.saturating_sub(keep))
            .await?
    } else {
        0
    };
    drop(records);
    drop(identity);
    store.close().await;
    anyhow::ensure!(
        !wal_path.exists() || file_len(&wal_path) == 0,
        "the WAL outlived the store's close"
    );
    Ok(Measured {
        file: file_len(&db_path),
        wal_running,
        wal_peak,
        json_bytes,
        pruned,
        seconds,
    })
}

/// What PocketBase keeps for a collection row: the id and the JSON, in one rowid table with
/// its primary-key index, default page size, WAL checkpointed at the end.
fn plain(path: &Path, ids: &[String]) -> anyhow::Result<u64> {
    let mut connection = rusqlite::Connection::open(path)?;
    connection.pragma_update(None, "journal_mode", "wal")?;
    connection.pragma_update(None, "synchronous", "normal")?;
    connection.execute("CREATE TABLE records (id TEXT PRIMARY KEY, data TEXT)", [])?;
    for chunk in ids.chunks(1000).enumerate() {
        let (c, chunk) = chunk;
        let tx = connection.transaction()?;
        {
            let mut insert = tx.prepare("INSERT INTO records (id, data) VALUES (?, ?)")?;
            for (i, id) in chunk.iter().enumerate() {
                let data = serde_json::to_string(&content(c * 1000 + i))?;
                insert.execute(rusqlite::params![id, data])?;
            }
        }
        tx.commit()?;
    }
    connection.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    drop(connection);
    Ok(file_len(path))
}

fn mib(bytes: u64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn main() -> anyhow::Result<()> {
    // `cargo bench` passes `--bench`; nothing else is accepted.
    let n = env_number("ORBIT_FOOTPRINT_RECORDS", DEFAULT_RECORDS)?;
    let writers = env_number("ORBIT_FOOTPRINT_WRITERS", DEFAULT_WRITERS)?.max(1);
    let keep = env_number("ORBIT_FOOTPRINT_KEEP", DEFAULT_KEEP)? as u64;
    anyhow::ensure!(n > 0, "ORBIT_FOOTPRINT_RECORDS must be at least 1");
    // Record ids as Records makes them (ULIDs), the same in both files.
    let ids: Arc<Vec<String>> = Arc::new((0..n).map(|_| new_id()).collect());

    let dir = tempfile::tempdir()?;
    let orbit_dir = dir.path().join("orbit");
    std::fs::create_dir(&orbit_dir)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let measured = runtime.block_on(orbit(&orbit_dir, ids.clone(), writers, keep))?;
    let plain_path = dir.path().join("plain.db");
    let plain_file = plain(&plain_path, &ids)?;

    let per = |bytes: u64| bytes as f64 / n as f64;
    let orbit_db = orbit_dir.join("orbit.db");
    println!(
        "footprint: {n} records, {:.0} B of JSON each on average, {writers} writers, {:.1} s ({:.0} records/s)",
        measured.json_bytes as f64 / n as f64,
        measured.seconds,
        n as f64 / measured.seconds,
    );
    println!(
        "orbit: page size {} B, auto_vacuum {}, free pages {}, outbox kept {} (0 = all), pruned {}",
        pragma(&orbit_db, "page_size")?,
        pragma(&orbit_db, "auto_vacuum")?,
        pragma(&orbit_db, "freelist_count")?,
        keep,
        measured.pruned,
    );
    println!();
    println!("| file | MiB | B/record | × plain |");
    println!("|---|---|---|---|");
    let row = |name: &str, bytes: u64| {
        println!(
            "| {name} | {:.1} | {:.0} | {:.2}× |",
            mib(bytes),
            per(bytes),
            bytes as f64 / plain_file as f64
        );
    };
    row("plain SQLite (id TEXT PRIMARY KEY, data TEXT)", plain_file);
    row("orbit.db after close", measured.file);
    row(
        "orbit.db-wal while running, after 4 s idle",
        measured.wal_running,
    );
    row(
        "orbit.db-wal while writing (largest seen)",
        measured.wal_peak,
    );
    println!();
    println!("| table or index | MiB | B/record | of which cell content | pages filled |");
    println!("|---|---|---|---|---|");
    for (file, path) in [("orbit", &orbit_db), ("plain", &plain_path)] {
        for part in breakdown(path)? {
            if part.bytes >= 64 * 1024 {
                println!(
                    "| {file}: {} | {:.1} | {:.0} | {:.0} | {:.0} % |",
                    part.name,
                    mib(part.bytes),
                    per(part.bytes),
                    per(part.payload),
                    100.0 * part.payload as f64 / part.bytes as f64
                );
            }
        }
    }
    println!();
    println!(
        "ratio orbit.db / plain SQLite: {:.2}× (goal ≤ 2×)",
        measured.file as f64 / plain_file as f64
    );
    Ok(())
}
