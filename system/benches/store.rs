//! Criterion benchmarks of the encrypted store, each measured against its baseline in the
//! same run (figures and how to read them: `BENCHMARKS.md` at the workspace root).
//!
//! - `store_put`, `store_get`, `store_scan_1k`: the encrypted SQLite store against the same
//!   store opened with `Unseal::InsecurePlaintextForBenchmarks` (same code path, no sealing),
//!   100 B and 4 KiB values. Goal: encrypted ≥ 0.8× plaintext throughput.
//! - `store_writers_64`: 64 concurrent single-record writers through the store (group commit)
//!   against one transaction per write through plain sqlx on a SQLite file with the same
//!   table and pragmas. Goal: store ≥ 3× the faster baseline.
//! - `xchacha20poly1305`: raw seal and open of [`DataKey`], for reference.
//!
//! After the groups run, a ratio table is printed from criterion's own estimates of this
//! run. This file only measures: it must not reach into the store's internals, so every
//! figure is what a caller of the public API gets.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group};
use orbit_system::crypto::{Aad, DataKey};
use orbit_system::store::{Database, Store, StoreConfig, StoreLocation, Transaction, Unseal};
use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use tokio::runtime::Runtime;
use tokio::task::JoinSet;

/// Value sizes of the store and crypto groups.
const SIZES: [usize; 2] = [100, 4096];
/// Records preloaded per value size for `get` and `scan`.
const PRELOADED: usize = 2_000;
/// Records one scan returns.
const SCAN_LEN: u32 = 1_000;
/// Concurrent writers of `store_writers_64`.
const WRITERS: u64 = 64;
/// Value size of `store_writers_64`.
const WRITER_VALUE: usize = 100;
/// Connection-pool sizes tried for the sqlx baseline; the faster one is the baseline.
const BASELINE_POOLS: [u32; 2] = [1, 4];

const PUT: &str = "store_put";
const GET: &str = "store_get";
const SCAN: &str = "store_scan_1k";
const WRITERS_GROUP: &str = "store_writers_64";
const AEAD: &str = "xchacha20poly1305";

fn size_label(size: usize) -> &'static str {
    match size {
        100 => "100B",
        4096 => "4KiB",
        _ => unreachable!("no label for {size}-byte values"),
    }
}

fn sync_label(full_sync: bool) -> &'static str {
    if full_sync {
        "sync_full"
    } else {
        "sync_normal"
    }
}

fn baseline_name(pool: u32) -> String {
    format!("sqlx_txn_per_write_pool{pool}")
}

fn runtime() -> Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime")
}

/// A fresh time-ordered record key.
fn new_key() -> Vec<u8> {
    ulid::Ulid::new().to_bytes().to_vec()
}

/// Incompressible bytes, so no layer gets an unfair shortcut.
fn value(size: usize) -> Vec<u8> {
    (0..size).map(|_| rand::random::<u8>()).collect()
}

/// Opens a store in `dir`: sealed with a key file, or in plaintext.
async fn open_store(dir: &Path, encrypted: bool, full_sync: bool) -> (Store, Database) {
    let unseal = if encrypted {
        Unseal::KeyFile(dir.join("orbit.key"))
    } else {
        Unseal::InsecurePlaintextForBenchmarks
    };
    let mut config = StoreConfig::new(StoreLocation::sqlite_in(dir), unseal);
    config.full_sync = full_sync;
    let store = Store::open(config).await.expect("open store");
    let db = store.database("bench").await.expect("open database");
    (store, db)
}

/// One store of the encrypted-vs-plaintext groups, with its preloaded keys per value size.
struct Subject {
    mode: &'static str,
    _dir: tempfile::TempDir,
    store: Store,
    db: Database,
    /// Preloaded keys of keyspace `data-<size>`, in index order of `SIZES`.
    keys: Vec<Arc<Vec<Vec<u8>>>>,
}

async fn subject(mode: &'static str, encrypted: bool) -> Subject {
    let dir = tempfile::tempdir().expect("temp dir");
    // synchronous=NORMAL: with FULL every put is mostly an fsync and the cost of sealing
    // would hide in the disk's noise; this is the stricter comparison.
    let (store, db) = open_store(dir.path(), encrypted, false).await;
    let mut keys = Vec::new();
    for size in SIZES {
        let keyspace = format!("data-{size}");
        let mut loaded = Vec::with_capacity(PRELOADED);
        for _ in 0..PRELOADED / 500 {
            let mut txn = Transaction::new();
            for _ in 0..500 {
                let key = new_key();
                txn = txn.put(&keyspace, key.clone(), value(size));
                loaded.push(key);
            }
            db.commit(txn).await.expect("preload");
        }
        keys.push(Arc::new(loaded));
    }
    Subject {
        mode,
        _dir: dir,
        store,
        db,
        keys,
    }
}

/// Group 1: put, get and a 1k-record scan, encrypted against plaintext.
fn store_ops(c: &mut Criterion) {
    let rt = runtime();
    let subjects = rt.block_on(async {
        vec![
            subject("encrypted", true).await,
            subject("plaintext", false).await,
        ]
    });

    let mut group = c.benchmark_group(PUT);
    group
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    group.throughput(Throughput::Elements(1));
    for size in SIZES {
        let payload = value(size);
        let keyspace = format!("put-{size}");
        for s in &subjects {
            group.bench_function(BenchmarkId::new(s.mode, size_label(size)), |b| {
                b.to_async(&rt).iter_custom(|iters| {
                    let (db, payload, keyspace) = (s.db.clone(), payload.clone(), keyspace.clone());
                    async move {
                        let start = Instant::now();
                        for _ in 0..iters {
                            black_box(
                                db.put(&keyspace, new_key(), payload.clone())
                                    .await
                                    .expect("put"),
                            );
                        }
                        start.elapsed()
                    }
                })
            });
        }
    }
    group.finish();

    let mut group = c.benchmark_group(GET);
    group
        .sample_size(50)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    group.throughput(Throughput::Elements(1));
    for (i, size) in SIZES.into_iter().enumerate() {
        let keyspace = format!("data-{size}");
        for s in &subjects {
            group.bench_function(BenchmarkId::new(s.mode, size_label(size)), |b| {
                b.to_async(&rt).iter_custom(|iters| {
                    let (db, keys, keyspace) = (s.db.clone(), s.keys[i].clone(), keyspace.clone());
                    async move {
                        let start = Instant::now();
                        for n in 0..iters as usize {
                            // A stride coprime to the key count visits keys out of order.
                            let key = &keys[n * 7919 % keys.len()];
                            let record = db
                                .get(&keyspace, key)
                                .await
                                .expect("get")
                                .expect("preloaded record");
                            black_box(record);
                        }
                        start.elapsed()
                    }
                })
            });
        }
    }
    group.finish();

    let mut group = c.benchmark_group(SCAN);
    group.sample_size(20).sampling_mode(SamplingMode::Flat);
    group
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    group.throughput(Throughput::Elements(SCAN_LEN.into()));
    for size in SIZES {
        let keyspace = format!("data-{size}");
        for s in &subjects {
            group.bench_function(BenchmarkId::new(s.mode, size_label(size)), |b| {
                b.to_async(&rt).iter_custom(|iters| {
                    let (db, keyspace) = (s.db.clone(), keyspace.clone());
                    async move {
                        let start = Instant::now();
                        for _ in 0..iters {
                            let page = db.scan(&keyspace, b"", None, SCAN_LEN).await.expect("scan");
                            assert_eq!(page.records.len(), SCAN_LEN as usize);
                            black_box(page);
                        }
                        start.elapsed()
                    }
                })
            });
        }
    }
    group.finish();

    rt.block_on(async {
        interleaved(&subjects).await;
        for s in &subjects {
            s.store.close().await;
        }
    });
}

/// Rounds of the interleaved comparison, and reads / scans per block.
const ROUNDS: usize = 21;
const GETS_PER_BLOCK: usize = 2_000;
const SCANS_PER_BLOCK: usize = 4;

/// Lines for the final summary from [`interleaved`].
static INTERLEAVED: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

/// Criterion measures every encrypted sample before every plaintext one, so load that
/// changes between the two moves short operations' ratios by ±30 %. Here get and scan run in
/// ABBA blocks (encrypted, plaintext, plaintext, encrypted) on the same stores, and the median
/// of the per-round ratios is reported beside criterion's.
async fn interleaved(subjects: &[Subject]) {
    let [encrypted, plaintext] = subjects else {
        unreachable!("two subjects");
    };
    for (i, size) in SIZES.into_iter().enumerate() {
        let keyspace = format!("data-{size}");
        let get_block = |s: &Subject| {
            let (db, keys, keyspace) = (s.db.clone(), s.keys[i].clone(), keyspace.clone());
            async move {
                let start = Instant::now();
                for n in 0..GETS_PER_BLOCK {
                    let key = &keys[n * 7919 % keys.len()];
                    black_box(db.get(&keyspace, key).await.expect("get"));
                }
                start.elapsed()
            }
        };
        let scan_block = |s: &Subject| {
            let (db, keyspace) = (s.db.clone(), keyspace.clone());
            async move {
                let start = Instant::now();
                for _ in 0..SCANS_PER_BLOCK {
                    black_box(db.scan(&keyspace, b"", None, SCAN_LEN).await.expect("scan"));
                }
                start.elapsed()
            }
        };
        let mut get_ratios = Vec::with_capacity(ROUNDS);
        let mut scan_ratios = Vec::with_capacity(ROUNDS);
        for _ in 0..ROUNDS {
            let e1 = get_block(encrypted).await;
            let p1 = get_block(plaintext).await;
            let p2 = get_block(plaintext).await;
            let e2 = get_block(encrypted).await;
            get_ratios.push((p1 + p2).as_secs_f64() / (e1 + e2).as_secs_f64());
            let e1 = scan_block(encrypted).await;
            let p1 = scan_block(plaintext).await;
            let p2 = scan_block(plaintext).await;
            let e2 = scan_block(encrypted).await;
            scan_ratios.push((p1 + p2).as_secs_f64() / (e1 + e2).as_secs_f64());
        }
        let median = |ratios: &mut Vec<f64>| {
            ratios.sort_by(f64::total_cmp);
            ratios[ratios.len() / 2]
        };
        let mut lines = INTERLEAVED.lock().expect("summary lock");
        let label = size_label(size);
        lines.push(format!(
            "| {GET} {label} | {:.2}× | ≥ 0.8× |",
            median(&mut get_ratios)
        ));
        lines.push(format!(
            "| {SCAN} {label} | {:.2}× | ≥ 0.8× |",
            median(&mut scan_ratios)
        ));
    }
}

/// `WRITERS` tasks each put `iters` fresh records through the store; total elapsed time.
async fn store_writers(db: &Database, payload: &Arc<Vec<u8>>, iters: u64) -> Duration {
    let start = Instant::now();
    let mut tasks = JoinSet::new();
    for _ in 0..WRITERS {
        let (db, payload) = (db.clone(), payload.clone());
        tasks.spawn(async move {
            for _ in 0..iters {
                db.put("writes", new_key(), payload.to_vec())
                    .await
                    .expect("store put");
            }
        });
    }
    while let Some(done) = tasks.join_next().await {
        done.expect("writer task");
    }
    start.elapsed()
}

/// The baseline's table: the shape of the store's `orbit_records`.
const BASELINE_SCHEMA: &str = "CREATE TABLE IF NOT EXISTS orbit_records (
    db TEXT NOT NULL,
    keyspace TEXT NOT NULL,
    key BLOB NOT NULL,
    version INTEGER NOT NULL,
    key_version INTEGER NOT NULL,
    value BLOB NOT NULL,
    PRIMARY KEY (db, keyspace, key)
) STRICT, WITHOUT ROWID";

const BASELINE_UPSERT: &str = "INSERT INTO orbit_records (db, keyspace, key, version, key_version, value) VALUES (?, ?, ?, ?, ?, ?) \
     ON CONFLICT (db, keyspace, key) DO UPDATE SET version = excluded.version, key_version = excluded.key_version, value = excluded.value";

/// A plain sqlx pool on a SQLite file with the store's pragmas (see `store/sqlite.rs`).
async fn baseline_pool(path: PathBuf, full_sync: bool, connections: u32) -> SqlitePool {
    let options = SqliteConnectOptions::from_str("sqlite://")
        .expect("sqlite options")
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
    let pool = SqlitePoolOptions::new()
        .max_connections(connections)
        .connect_with(options)
        .await
        .expect("baseline pool");
    sqlx::query(BASELINE_SCHEMA)
        .execute(&pool)
        .await
        .expect("baseline schema");
    pool
}

/// `WRITERS` tasks each upsert `iters` fresh rows, one BEGIN/upsert/COMMIT per row.
async fn baseline_writers(pool: &SqlitePool, payload: &Arc<Vec<u8>>, iters: u64) -> Duration {
    let start = Instant::now();
    let mut tasks = JoinSet::new();
    for _ in 0..WRITERS {
        let (pool, payload) = (pool.clone(), payload.clone());
        tasks.spawn(async move {
            for version in 0..iters {
                let mut tx = pool.begin().await.expect("begin");
                sqlx::query(BASELINE_UPSERT)
                    .bind("bench")
                    .bind("writes")
                    .bind(new_key())
                    .bind(version as i64 + 1)
                    .bind(0_i64)
                    .bind(payload.as_slice())
                    .execute(&mut *tx)
                    .await
                    .expect("upsert");
                tx.commit().await.expect("commit");
            }
        });
    }
    while let Some(done) = tasks.join_next().await {
        done.expect("writer task");
    }
    start.elapsed()
}

/// Group 2: 64 concurrent writers, store (group commit) against one transaction per write.
fn concurrent_writers(c: &mut Criterion) {
    let rt = runtime();
    let payload = Arc::new(value(WRITER_VALUE));
    let mut group = c.benchmark_group(WRITERS_GROUP);
    group.sample_size(10).sampling_mode(SamplingMode::Flat);
    group
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(6));
    // One iteration is one put by each writer.
    group.throughput(Throughput::Elements(WRITERS));
    for full_sync in [true, false] {
        let dir = tempfile::tempdir().expect("temp dir");
        let (store, db) = rt.block_on(open_store(dir.path(), true, full_sync));
        group.bench_function(BenchmarkId::new("store", sync_label(full_sync)), |b| {
            b.to_async(&rt).iter_custom(|iters| {
                let (db, payload) = (db.clone(), payload.clone());
                async move { store_writers(&db, &payload, iters).await }
            })
        });
        rt.block_on(store.close());

        for connections in BASELINE_POOLS {
            let pool = rt.block_on(baseline_pool(
                dir.path().join(format!("plain-{connections}.db")),
                full_sync,
                connections,
            ));
            group.bench_function(
                BenchmarkId::new(baseline_name(connections), sync_label(full_sync)),
                |b| {
                    b.to_async(&rt).iter_custom(|iters| {
                        let (pool, payload) = (pool.clone(), payload.clone());
                        async move { baseline_writers(&pool, &payload, iters).await }
                    })
                },
            );
            rt.block_on(pool.close());
        }
    }
    group.finish();
}

/// Group 3: raw XChaCha20-Poly1305 seal and open, with the store's associated data shape.
fn aead(c: &mut Criterion) {
    let key = DataKey::generate(1);
    let aad = Aad::new("orbit/record")
        .with(b"bench")
        .with(b"data")
        .with(&new_key());
    let mut group = c.benchmark_group(AEAD);
    group
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(2));
    for size in SIZES {
        let plain = value(size);
        let sealed = key.seal(&plain, &aad);
        group.throughput(Throughput::Bytes(size as u64));
        group.bench_function(BenchmarkId::new("seal", size_label(size)), |b| {
            b.iter(|| key.seal(black_box(&plain), &aad))
        });
        group.bench_function(BenchmarkId::new("open", size_label(size)), |b| {
            b.iter(|| key.open(black_box(&sealed), &aad).expect("open"))
        });
    }
    group.finish();
}

criterion_group!(benches, store_ops, concurrent_writers, aead);

fn main() {
    let started = SystemTime::now();
    benches();
    Criterion::default().configure_from_args().final_summary();
    summary::print(started);
    let lines = INTERLEAVED.lock().expect("summary lock");
    if !lines.is_empty() {
        println!(
            "\nInterleaved in ABBA blocks on the same stores (median of {ROUNDS} rounds' \
             plaintext time / encrypted time):\n"
        );
        println!("| benchmark | ratio | goal |\n|---|---|---|");
        for line in lines.iter() {
            println!("{line}");
        }
    }
}

/// Reads criterion's estimates of this run and prints each subject against its baseline.
mod summary {
    use super::*;

    /// Criterion's output folder, found the way criterion finds it: `$CRITERION_HOME`,
    /// `$CARGO_TARGET_DIR/criterion`, else the `criterion` folder of the target directory
    /// this binary was built into.
    fn criterion_dir() -> Option<PathBuf> {
        if let Some(home) = std::env::var_os("CRITERION_HOME") {
            return Some(home.into());
        }
        if let Some(target) = std::env::var_os("CARGO_TARGET_DIR") {
            return Some(PathBuf::from(target).join("criterion"));
        }
        let exe = std::env::current_exe().ok()?;
        exe.ancestors()
            .map(|dir| dir.join("criterion"))
            .find(|dir| dir.is_dir())
    }

    /// Nanoseconds per iteration (criterion's typical estimate: slope, else mean) of
    /// benchmark `id`, if it was measured in this run.
    fn nanos(dir: &Path, id: &str, started: SystemTime) -> Option<f64> {
        let file = dir.join(id).join("new").join("estimates.json");
        if std::fs::metadata(&file).and_then(|m| m.modified()).ok()? < started {
            return None;
        }
        let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).ok()?).ok()?;
        let typical = if json["slope"].is_null() {
            &json["mean"]
        } else {
            &json["slope"]
        };
        typical["point_estimate"].as_f64()
    }

    fn time(ns: f64) -> String {
        match ns {
            ns if ns >= 1e6 => format!("{:.2} ms", ns / 1e6),
            ns if ns >= 1e3 => format!("{:.1} µs", ns / 1e3),
            ns => format!("{ns:.0} ns"),
        }
    }

    fn rate(ns: f64, elements: u64) -> String {
        format!("{:.0}/s", elements as f64 * 1e9 / ns)
    }

    pub(super) fn print(started: SystemTime) {
        let Some(dir) = criterion_dir() else { return };
        let mut rows = Vec::new();
        for (group, elements) in [(PUT, 1), (GET, 1), (SCAN, u64::from(SCAN_LEN))] {
            for size in SIZES {
                let label = size_label(size);
                let subject = nanos(&dir, &format!("{group}/encrypted/{label}"), started);
                let baseline = nanos(&dir, &format!("{group}/plaintext/{label}"), started);
                if let (Some(s), Some(b)) = (subject, baseline) {
                    let ratio = b / s;
                    rows.push(format!(
                        "| {group} {label} | {} ({}) | {} ({}) | {ratio:.2}× | ≥ 0.8× | {} |",
                        time(s),
                        rate(s, elements),
                        time(b),
                        rate(b, elements),
                        if ratio >= 0.8 { "met" } else { "MISSED" },
                    ));
                }
            }
        }
        for full_sync in [true, false] {
            let sync = sync_label(full_sync);
            let Some(s) = nanos(&dir, &format!("{WRITERS_GROUP}/store/{sync}"), started) else {
                continue;
            };
            for connections in BASELINE_POOLS {
                let Some(b) = nanos(
                    &dir,
                    &format!("{WRITERS_GROUP}/{}/{sync}", baseline_name(connections)),
                    started,
                ) else {
                    continue;
                };
                let ratio = b / s;
                rows.push(format!(
                    "| {WRITERS_GROUP} {sync} vs pool of {connections} | {} | {} | {ratio:.2}× | ≥ 3× | {} |",
                    rate(s, WRITERS),
                    rate(b, WRITERS),
                    if ratio >= 3.0 { "met" } else { "MISSED" },
                ));
            }
        }
        if rows.is_empty() {
            return;
        }
        println!("\nRatios of this run (subject against baseline, higher is better):\n");
        println!("| benchmark | subject | baseline | ratio | goal | |");
        println!("|---|---|---|---|---|---|");
        for row in rows {
            println!("{row}");
        }
    }
}
