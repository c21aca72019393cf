//! A store in a temp dir with a `records` database and a view engine, and helpers to write
//! records the way the records service does and to read a view back whole.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use orbit_proto::orbit::cdc::v1 as pb;
use orbit_system::records::StoredValue;
use orbit_system::store::{Database, EventScope, Store, StoreConfig, Transaction};
use serde_json::{Map, Value};

use crate::view::group_by::GroupByView;
use crate::view::runner::{Runner, Tuning};
use crate::view::{ViewConfig, ViewEngine};

pub(super) const ORG: &str = "org1";
pub(super) const PROJECT: &str = "P1";

pub(super) struct Harness {
    pub(super) dir: tempfile::TempDir,
    pub(super) store: Store,
    pub(super) records: Database,
    pub(super) engine: ViewEngine,
}

pub(super) fn config(dir: &std::path::Path) -> StoreConfig {
    let mut config = StoreConfig::in_data_dir(dir);
    config.full_sync = false;
    config
}

pub(super) fn view_config(page: u32) -> ViewConfig {
    ViewConfig {
        page,
        poll: Duration::from_millis(50),
        collect_batch: 7,
        sources: crate::sources::Sources::new(["records", "chat"]),
        codecs: crate::codec::Codecs::new([
            (
                "records".to_owned(),
                crate::codec::DatabaseCodec::uniform(crate::codec::ValueCodec::RecordEnvelope),
            ),
            (
                "chat".to_owned(),
                crate::codec::DatabaseCodec::uniform(crate::codec::ValueCodec::Json),
            ),
        ]),
    }
}

impl Harness {
    pub(super) async fn open() -> Harness {
        Harness::open_paged(64).await
    }

    pub(super) async fn open_paged(page: u32) -> Harness {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(config(dir.path())).await.expect("store opens");
        let records = store.database("records").await.expect("records db");
        let engine = ViewEngine::open(&store, view_config(page))
            .await
            .expect("engine opens");
        Harness {
            dir,
            store,
            records,
            engine,
        }
    }

    /// Writes record `id` of `entity` in `project` as the records service does; its seq.
    pub(super) async fn put(&self, project: &str, entity: &str, id: &str, data: Value) -> u64 {
        let txn = Transaction::new()
            .put(entity, format!("{project}/{id}"), envelope(data))
            .scope(scope(project, entity));
        self.records
            .commit(txn)
            .await
            .expect("record written")
            .version()
            .expect("a put has a version")
    }

    pub(super) async fn delete(&self, project: &str, entity: &str, id: &str) {
        let txn = Transaction::new()
            .delete(entity, format!("{project}/{id}"))
            .scope(scope(project, entity));
        self.records.commit(txn).await.expect("record deleted");
    }

    /// Every row of a view, by group (as JSON text), read page by page through `query`.
    pub(super) async fn rows(&self, name: &str) -> BTreeMap<String, Map<String, Value>> {
        let mut rows = BTreeMap::new();
        let mut token = String::new();
        loop {
            let page = self
                .engine
                .query(PROJECT, name, 3, &token)
                .await
                .expect("query");
            for row in page.rows {
                let group = row.group.to_string();
                assert!(rows.insert(group, row.values).is_none(), "a group twice");
            }
            match page.next_page_token {
                Some(next) => token = next,
                None => return rows,
            }
        }
    }

    /// A runner of declared view `name` with its own page size, outside the engine.
    pub(super) async fn runner(&self, name: &str, page: u32) -> Runner {
        let info = self.engine.get(PROJECT, name).await.expect("view exists");
        let view = GroupByView::new(
            info.org_id,
            info.project_id,
            info.spec,
            self.engine.codecs().clone(),
        );
        Runner {
            view: Arc::new(view),
            views: self.engine.views_database().clone(),
            source: self.records.clone(),
            tuning: Tuning {
                page,
                poll: Duration::from_millis(50),
                collect_batch: 5,
            },
        }
    }

    pub(super) async fn close(self) {
        self.engine.shutdown().await;
        self.store.close().await;
    }
}

/// A record's value as the records service stores it.
pub(super) fn envelope(data: Value) -> Vec<u8> {
    let stored = StoredValue {
        updated_at_ms: 1_700_000_000_000,
        data: data.as_object().expect("records are JSON objects").clone(),
    };
    stored.encode().expect("record encodes")
}

pub(super) fn scope(project: &str, entity: &str) -> EventScope {
    EventScope {
        org_id: ORG.into(),
        project_id: project.into(),
        entity: entity.into(),
        federated: false,
    }
}

/// A declaration; each aggregate is `(name, function, field)`.
pub(super) fn declaration(
    name: &str,
    entity: &str,
    group_by: &str,
    aggregates: &[(&str, pb::AggregateFunction, &str)],
) -> pb::ViewDeclaration {
    pb::ViewDeclaration {
        name: name.into(),
        module: String::new(),
        entity: entity.into(),
        group_by: group_by.into(),
        aggregates: aggregates
            .iter()
            .map(|(name, function, field)| pb::Aggregate {
                name: (*name).into(),
                function: *function as i32,
                field: (*field).into(),
            })
            .collect(),
    }
}

/// The view used by most tests: tasks grouped by status with every function.
pub(super) fn tasks_view() -> pb::ViewDeclaration {
    use pb::AggregateFunction as F;
    declaration(
        "by_status",
        "task",
        "status",
        &[
            ("n", F::Count, ""),
            ("points", F::Sum, "points"),
            ("low", F::Min, "points"),
            ("high", F::Max, "points"),
            ("last_title", F::Latest, "title"),
        ],
    )
}

/// Polls `done` every 20 ms until it holds; fails with `what` once `within` has passed.
pub(super) async fn wait_until<F, Fut>(within: Duration, what: &str, mut done: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = tokio::time::Instant::now() + within;
    while !done().await {
        assert!(tokio::time::Instant::now() < deadline, "{what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
