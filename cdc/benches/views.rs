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
//! Run: `cargo bench -p orbit-cdc --bench views` (`ORBIT_BENCH_LARGE_VIEW=100000` for a
//! quicker run with a smaller large view).

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, Throughput};
use orbit_cdc::view::{ViewConfig, ViewEngine};
use orbit_proto::orbit::cdc::v1 as pb;
use orbit_system::records::StoredValue;
use orbit_system::store::{
    Database, EventScope, Store, StoreConfig, StoreLocation, Transaction, Unseal,
};
use rand::{Rng, SeedableRng, rngs::StdRng};
use serde_json::json;

const PROJECT: &str = "BENCH";
const VIEW: &str = "by_group";
const SMALL: u64 = 1_000;
const LARGE: u64 = 1_000_000;
/// Events per measured page (the runner's default page).
const PAGE: u64 = 256;

/// Time spent folding and events folded, per view size, as measured by criterion's runs.
static MEASURED: Mutex<BTreeMap<u64, (Duration, u64)>> = Mutex::new(BTreeMap::new());

struct Fixture {
    _dir: tempfile::TempDir,
    store: Store,
    records: Database,
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
    let mut config = StoreConfig::new(
        StoreLocation::Sqlite {
            path: dir.path().join("orbit.db"),
        },
        Unseal::KeyFile(dir.path().join("orbit.key")),
    );
    config.full_sync = false;
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
        store,
        records,
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

    /// Folds what is new; the time it took.
    async fn fold(&self) -> Duration {
        let started = Instant::now();
        let info = self.engine.catch_up(PROJECT, VIEW).await.unwrap();
        let took = started.elapsed();
        assert_eq!(info.checkpoint_seq, info.head_seq);
        took
    }
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
    let mut group = c.benchmark_group("view_fold_per_event");
    group.throughput(Throughput::Elements(PAGE));
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(10));
    for rows in [SMALL, large] {
        let fixture = std::cell::RefCell::new(runtime.block_on(populate(rows)));
        group.bench_with_input(BenchmarkId::from_parameter(rows), &rows, |b, &rows| {
            b.iter_custom(|iters| {
                let mut fixture = fixture.borrow_mut();
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    runtime.block_on(fixture.write_page());
                    total += runtime.block_on(fixture.fold());
                }
                let mut measured = MEASURED.lock().unwrap();
                let entry = measured.entry(rows).or_default();
                entry.0 += total;
                entry.1 += iters * PAGE;
                total
            })
        });
        let fixture = fixture.into_inner();
        runtime.block_on(fixture.store.close());
    }
    group.finish();
    report(large);
}

/// Prints the per-event cost of both sizes and their ratio.
fn report(large: u64) {
    let measured = MEASURED.lock().unwrap();
    let per_event = |rows: u64| {
        let (time, events) = measured[&rows];
        time.as_secs_f64() * 1e6 / events as f64
    };
    let (small_us, large_us) = (per_event(SMALL), per_event(large));
    println!(
        "\nfold one event: {SMALL} rows {small_us:.1} µs, {large} rows {large_us:.1} µs, \
         ratio {:.2} (goal ≤ 1.5)",
        large_us / small_us
    );
}

fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    bench(&mut criterion);
    criterion.final_summary();
}
