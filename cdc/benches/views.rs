//! Cost of folding one change event into a materialised view of 1k rows vs one of 1M rows
//! (rows = groups), measured in the same run: incremental folding means the ratio stays
//! near 1 (goal ≤ 1.5) however large the view grows.
//!
//! Each view lives in its own encrypted SQLite store. A view is populated in bulk (source
//! records written 1000 per transaction, folded 4096 events per page), then every measured
//! iteration commits a page of 256 updates that move random records to random groups (each
//! touching the record's contribution, its old and its new group) and times folding that
//! page (one transaction with the checkpoint). Figures are per event.
//!
//! Alongside, the same run measures the store alone on a keyspace of the same size (1k or 1M
//! records of row-like size): a page of 3×256 random point reads and one transaction of
//! 3×256 random overwrites, the store operations a page of moves costs the view (previous
//! contribution, old row, new row). The ratio of the two ratios says how much of the growth is
//! the fold and how much the storage engine's (B-tree depth, pages dirtied per commit).
//!
//! Criterion measures all 1k-row samples before all 1M-row ones; the run ends with an
//! interleaved comparison (ABBA rounds of blocks of pages of both sizes, median of the
//! per-round ratios) that load changing during the run cannot tilt.
//!
//! Run: `cargo bench -p orbit-cdc --bench views` (`ORBIT_BENCH_LARGE_VIEW=100000` for a
//! quicker run with a smaller large view; `ORBIT_BENCH_POSTGRES=postgres://…` to put both
//! stores in fresh schemas of that PostgreSQL instead, dropped at the end;
//! `bash cdc/benches/views-on-postgres.sh` runs it on a private, tuned PostgreSQL cluster).

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, Throughput};
use orbit_cdc::view::{ViewConfig, ViewEngine};
use orbit_proto::orbit::cdc::v1 as pb;
use orbit_system::records::StoredValue;
use orbit_system::store::{Database, EventScope, Store, StoreConfig, StoreLocation, Transaction};
use rand::{Rng, SeedableRng, rngs::StdRng};
use serde_json::json;

const PROJECT: &str = "BENCH";
const VIEW: &str = "by_group";
const SMALL: u64 = 1_000;
const LARGE: u64 = 1_000_000;
/// Events per measured page (the runner's default page).
const PAGE: u64 = 256;

/// Time spent and events (or event-equivalents) done, per size, as criterion's runs measured.
static MEASURED: Mutex<BTreeMap<u64, (Duration, u64)>> = Mutex::new(BTreeMap::new());
/// The same for the store alone.
static STORE: Mutex<BTreeMap<u64, (Duration, u64)>> = Mutex::new(BTreeMap::new());
/// Store operations (reads, then writes) per folded event that `STORE` mirrors.
const OPS_PER_EVENT: u64 = 3;

struct Fixture {
    _dir: tempfile::TempDir,
    /// The PostgreSQL schema holding this store, dropped when the run ends.
    schema: Option<String>,
    store: Store,
    records: Database,
    raw: Database,
    engine: ViewEngine,
    groups: u64,
    rng: StdRng,
}

fn scope() -> EventScope {
    EventScope {
        org_id: "org".into(),
        project_id: PROJECT.into(),
        entity: "item".into(),
        federated: false,
    }
}

fn record(group: u64, amount: u64) -> Vec<u8> {
    let data = json!({"group": group, "amount": amount, "label": format!("item in {group}")});
    StoredValue {
        updated_at_ms: 0,
        data: data.as_object().unwrap().clone(),
    }
    .encode()
    .unwrap()
}

fn declaration() -> pb::ViewDeclaration {
    use pb::AggregateFunction as F;
    let aggregate = |name: &str, function: F, field: &str| pb::Aggregate {
        name: name.into(),
        function: function as i32,
        field: field.into(),
    };
    pb::ViewDeclaration {
        name: VIEW.into(),
        module: String::new(),
        entity: "item".into(),
        group_by: "group".into(),
        aggregates: vec![
            aggregate("n", F::Count, ""),
            aggregate("total", F::Sum, "amount"),
            aggregate("most", F::Max, "amount"),
            aggregate("last", F::Latest, "label"),
        ],
    }
}

/// A store with a view of `groups` rows (one record per group), fully folded.
async fn populate(groups: u64) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let mut config = StoreConfig::in_data_dir(dir.path());
    config.full_sync = false;
    let schema = postgres_url().map(|url| {
        let schema = format!("bench_views_{groups}_{}", std::process::id());
        config.location = StoreLocation::Postgres {
            url,
            schema: Some(schema.clone()),
        };
        schema
    });
    let store = Store::open(config).await.unwrap();
    let records = store.database("records").await.unwrap();
    let started = Instant::now();
    for chunk in (0..groups).collect::<Vec<_>>().chunks(1000) {
        let mut txn = Transaction::new().scope(scope());
        for &i in chunk {
            txn = txn.put("item", format!("{PROJECT}/{i:08}"), record(i, i));
        }
        records.commit(txn).await.unwrap();
    }
    let raw = store.database("bench").await.unwrap();
    let filler = vec![7u8; 320];
    for chunk in (0..groups).collect::<Vec<_>>().chunks(1000) {
        let mut txn = Transaction::new();
        for &i in chunk {
            txn = txn.put("raw", raw_key(i), filler.clone());
        }
        raw.commit(txn).await.unwrap();
    }
    let bulk = ViewConfig {
        page: 4096,
        ..ViewConfig::default()
    };
    let loader = ViewEngine::open(&store, bulk).await.unwrap();
    // Folded here, in this task, rather than by the runner `create` starts.
    loader.shutdown().await;
    loader.create("org", PROJECT, &declaration()).await.unwrap();
    let info = loader.catch_up(PROJECT, VIEW).await.unwrap();
    assert_eq!(info.rows, groups);
    eprintln!(
        "populated a view of {} rows in {:.1} s",
        info.rows,
        started.elapsed().as_secs_f64()
    );
    let engine = ViewEngine::open(&store, ViewConfig::default())
        .await
        .unwrap();
    engine.shutdown().await;
    Fixture {
        _dir: dir,
        schema,
        store,
        records,
        raw,
        engine,
        groups,
        rng: StdRng::seed_from_u64(groups),
    }
}

impl Fixture {
    /// Commits one page of updates moving random records to random groups (not timed).
    async fn write_page(&mut self) {
        let mut txn = Transaction::new().scope(scope());
        for _ in 0..PAGE {
            let id = self.rng.gen_range(0..self.groups);
            let group = self.rng.gen_range(0..self.groups);
            let amount = self.rng.gen_range(0..1_000_000);
            txn = txn.put("item", format!("{PROJECT}/{id:08}"), record(group, amount));
        }
        self.records.commit(txn).await.unwrap();
    }

    /// The store alone: the reads and writes a page of moves costs, on random keys of a
    /// keyspace as large as the view; the time it took.
    async fn store_page(&mut self) -> Duration {
        let keys: Vec<Vec<u8>> = (0..PAGE * OPS_PER_EVENT)
            .map(|_| raw_key(self.rng.gen_range(0..self.groups)))
            .collect();
        let started = Instant::now();
        let mut txn = Transaction::new();
        for key in keys {
            let record = self.raw.get("raw", &key).await.unwrap().unwrap();
            txn = txn.put("raw", key, record.value);
        }
        self.raw.commit(txn).await.unwrap();
        started.elapsed()
    }

    /// Folds what is new; the time it took.
    async fn fold(&self) -> Duration {
        let started = Instant::now();
        let info = self.engine.catch_up(PROJECT, VIEW).await.unwrap();
        let took = started.elapsed();
        assert_eq!(info.checkpoint_seq, info.head_seq);
        took
    }
}

/// Lets the OS write back what earlier steps left dirty (populating a million rows leaves
/// gigabytes), so that writeback does not land in the next size's measurement.
fn settle() {
    match std::process::Command::new("sync").status() {
        Ok(status) if status.success() => {}
        other => eprintln!("sync before measuring did not run: {other:?}"),
    }
}

/// `ORBIT_BENCH_POSTGRES`: the PostgreSQL to bench on instead of SQLite files.
fn postgres_url() -> Option<String> {
    std::env::var("ORBIT_BENCH_POSTGRES").ok()
}

/// Runs `sql` (dropping a fixture's schema) on the bench's PostgreSQL.
async fn postgres_admin(sql: &str) {
    let url = postgres_url().expect("a schema implies a PostgreSQL");
    let pool = sqlx::PgPool::connect(&url).await.unwrap();
    sqlx::query(sql).execute(&pool).await.unwrap();
    pool.close().await;
}

fn raw_key(i: u64) -> Vec<u8> {
    format!("{i:016x}").into_bytes()
}

/// Runs one criterion benchmark per size, recording what it measured into `sink`.
fn measure(
    c: &mut Criterion,
    name: &str,
    fixtures: &[std::cell::RefCell<Fixture>],
    runtime: &tokio::runtime::Runtime,
    sink: &'static Mutex<BTreeMap<u64, (Duration, u64)>>,
    page: impl Fn(&mut Fixture, &tokio::runtime::Runtime) -> Duration,
) {
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Elements(PAGE));
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(10));
    for fixture in fixtures {
        let rows = fixture.borrow().groups;
        settle();
        group.bench_with_input(BenchmarkId::from_parameter(rows), &rows, |b, &rows| {
            b.iter_custom(|iters| {
                let mut fixture = fixture.borrow_mut();
                let total: Duration = (0..iters).map(|_| page(&mut fixture, runtime)).sum();
                let mut measured = sink.lock().unwrap();
                let entry = measured.entry(rows).or_default();
                entry.0 += total;
                entry.1 += iters * PAGE;
                total
            })
        });
    }
    group.finish();
}

/// Rounds of the interleaved comparison, and pages timed per block.
const ROUNDS: usize = 15;
const PAGES_PER_BLOCK: usize = 6;

/// Criterion measures every 1k-row sample before every 1M-row one, so load that changes
/// between the two moves the ratio (runs of the same code gave 1.5× to 2.7×). Here both
/// views fold in ABBA rounds of blocks (small, large, large, small) and the median of the
/// per-round ratios is reported with the per-event medians. Each block first folds one
/// untimed page, so the other store's checkpoint and write-back, still running when a block
/// starts, land there and not in the timed pages, which carry their own store's.
fn interleaved(fixtures: &[std::cell::RefCell<Fixture>], runtime: &tokio::runtime::Runtime) {
    let [small, large] = fixtures else {
        unreachable!("two sizes");
    };
    let block = |fixture: &std::cell::RefCell<Fixture>| {
        let mut fixture = fixture.borrow_mut();
        let mut page = || {
            runtime.block_on(fixture.write_page());
            runtime.block_on(fixture.fold())
        };
        page();
        (0..PAGES_PER_BLOCK).map(|_| page()).sum::<Duration>()
    };
    let per_event =
        |took: Duration| took.as_secs_f64() * 1e6 / (2 * PAGES_PER_BLOCK as u64 * PAGE) as f64;
    let (mut ratios, mut smalls, mut larges) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        let s1 = block(small);
        let l1 = block(large);
        let l2 = block(large);
        let s2 = block(small);
        ratios.push((l1 + l2).as_secs_f64() / (s1 + s2).as_secs_f64());
        smalls.push(per_event(s1 + s2));
        larges.push(per_event(l1 + l2));
    }
    let median = |values: &mut Vec<f64>| {
        values.sort_by(f64::total_cmp);
        values[values.len() / 2]
    };
    println!(
        "\ninterleaved ({ROUNDS} ABBA rounds of {PAGES_PER_BLOCK}-page blocks), fold one event: \
         {SMALL} rows {:.1} µs, {} rows {:.1} µs (medians), median ratio {:.2} (goal ≤ 1.5)",
        median(&mut smalls),
        large.borrow().groups,
        median(&mut larges),
        median(&mut ratios)
    );
}

fn bench(c: &mut Criterion) {
    let large: u64 = std::env::var("ORBIT_BENCH_LARGE_VIEW")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(LARGE);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let fixtures: Vec<_> = [SMALL, large]
        .into_iter()
        .map(|rows| std::cell::RefCell::new(runtime.block_on(populate(rows))))
        .collect();
    measure(
        c,
        "view_fold_per_event",
        &fixtures,
        &runtime,
        &MEASURED,
        |f, rt| {
            rt.block_on(f.write_page());
            rt.block_on(f.fold())
        },
    );
    measure(
        c,
        "store_alone_per_event",
        &fixtures,
        &runtime,
        &STORE,
        |f, rt| rt.block_on(f.store_page()),
    );
    settle();
    interleaved(&fixtures, &runtime);
    for fixture in fixtures {
        let fixture = fixture.into_inner();
        runtime.block_on(fixture.store.close());
        if let Some(schema) = &fixture.schema {
            runtime.block_on(postgres_admin(&format!("DROP SCHEMA {schema} CASCADE")));
        }
    }
    report(large);
}

/// Prints the per-event cost of both sizes and their ratio, for the view and the store alone.
fn report(large: u64) {
    let per_event = |sink: &Mutex<BTreeMap<u64, (Duration, u64)>>, rows: u64| {
        let (time, events) = sink.lock().unwrap()[&rows];
        time.as_secs_f64() * 1e6 / events as f64
    };
    let (small_us, large_us) = (per_event(&MEASURED, SMALL), per_event(&MEASURED, large));
    let (small_store, large_store) = (per_event(&STORE, SMALL), per_event(&STORE, large));
    println!(
        "\nfold one event: {SMALL} rows {small_us:.1} µs, {large} rows {large_us:.1} µs, \
         ratio {:.2} (goal ≤ 1.5)",
        large_us / small_us
    );
    println!(
        "store alone ({OPS_PER_EVENT} random reads + {OPS_PER_EVENT} writes per event): \
         {SMALL} keys {small_store:.1} µs, {large} keys {large_store:.1} µs, ratio {:.2}",
        large_store / small_store
    );
    println!(
        "fold ratio / store ratio: {:.2}",
        (large_us / small_us) / (large_store / small_store)
    );
}

fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    bench(&mut criterion);
    criterion.final_summary();
}
