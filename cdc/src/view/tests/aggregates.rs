//! COUNT, SUM, MIN, MAX and LATEST under puts, updates (moving a record between groups) and
//! deletes, and what a watcher of the view sees.

use serde_json::{Value, json};
use std::time::Duration;

use super::harness::{Harness, ORG, PROJECT, tasks_view, wait_until};
use crate::view::{StoredRow, ViewEngine};

fn row(
    n: u64,
    points: i64,
    low: Value,
    high: Value,
    last: Value,
) -> serde_json::Map<String, Value> {
    let row = json!({"n": n, "points": points, "low": low, "high": high, "last_title": last});
    row.as_object().unwrap().clone()
}

#[tokio::test]
async fn every_function_follows_puts_updates_and_deletes() {
    let h = Harness::open().await;
    h.engine.create(ORG, PROJECT, &tasks_view()).await.unwrap();
    h.put(
        PROJECT,
        "task",
        "a",
        json!({"status": "open", "points": 3, "title": "A"}),
    )
    .await;
    h.put(
        PROJECT,
        "task",
        "b",
        json!({"status": "open", "points": 5, "title": "B"}),
    )
    .await;
    h.put(
        PROJECT,
        "task",
        "c",
        json!({"status": "done", "points": 1, "title": "C"}),
    )
    .await;
    h.put(PROJECT, "task", "d", json!({"title": "D", "points": 2}))
        .await;
    h.engine.catch_up(PROJECT, "by_status").await.unwrap();
    let rows = h.rows("by_status").await;
    assert_eq!(rows.len(), 3);
    assert_eq!(rows["\"open\""], row(2, 8, json!(3), json!(5), json!("B")));
    assert_eq!(rows["\"done\""], row(1, 1, json!(1), json!(1), json!("C")));
    assert_eq!(rows["null"], row(1, 2, json!(2), json!(2), json!("D")));

    // b moves from open to done with new points; the max of open drops back to a's.
    h.put(
        PROJECT,
        "task",
        "b",
        json!({"status": "done", "points": 9, "title": "B2"}),
    )
    .await;
    // c is deleted: done keeps only b.
    h.delete(PROJECT, "task", "c").await;
    // d is deleted: its group disappears.
    h.delete(PROJECT, "task", "d").await;
    let info = h.engine.catch_up(PROJECT, "by_status").await.unwrap();
    let rows = h.rows("by_status").await;
    assert_eq!(rows.len(), 2);
    assert_eq!(rows["\"open\""], row(1, 3, json!(3), json!(3), json!("A")));
    assert_eq!(rows["\"done\""], row(1, 9, json!(9), json!(9), json!("B2")));
    assert_eq!(info.rows, 2);
    assert_eq!(info.checkpoint_seq, info.head_seq);
    h.close().await;
}

#[tokio::test]
async fn min_max_and_latest_fall_back_when_their_record_goes() {
    let h = Harness::open().await;
    h.engine.create(ORG, PROJECT, &tasks_view()).await.unwrap();
    for (id, points) in [("a", 4), ("b", 1), ("c", 7), ("d", 1)] {
        let title = format!("T{id}");
        h.put(
            PROJECT,
            "task",
            id,
            json!({"status": "s", "points": points, "title": title}),
        )
        .await;
    }
    h.delete(PROJECT, "task", "b").await; // one of the two 1s: min stays 1
    h.delete(PROJECT, "task", "c").await; // the max: falls back to 4
    h.delete(PROJECT, "task", "d").await; // the latest and the last 1: min 4, latest Ta
    h.engine.catch_up(PROJECT, "by_status").await.unwrap();
    assert_eq!(
        h.rows("by_status").await["\"s\""],
        row(1, 4, json!(4), json!(4), json!("Ta"))
    );
    h.close().await;
}

#[tokio::test]
async fn numbers_sort_before_strings_and_other_values_are_skipped() {
    let h = Harness::open().await;
    h.engine.create(ORG, PROJECT, &tasks_view()).await.unwrap();
    h.put(PROJECT, "task", "a", json!({"status": "s", "points": "zz"}))
        .await;
    h.put(PROJECT, "task", "b", json!({"status": "s", "points": 2.5}))
        .await;
    h.put(PROJECT, "task", "c", json!({"status": "s", "points": true}))
        .await;
    h.engine.catch_up(PROJECT, "by_status").await.unwrap();
    let rows = h.rows("by_status").await;
    assert_eq!(rows["\"s\""]["low"], json!(2.5));
    assert_eq!(rows["\"s\""]["high"], json!("zz"));
    assert_eq!(rows["\"s\""]["points"], json!(2.5));
    assert_eq!(rows["\"s\""]["last_title"], Value::Null);
    h.close().await;
}

#[tokio::test]
async fn other_projects_and_entities_are_left_out() {
    let h = Harness::open().await;
    h.engine.create(ORG, PROJECT, &tasks_view()).await.unwrap();
    h.put(PROJECT, "task", "a", json!({"status": "s", "points": 1}))
        .await;
    h.put("P2", "task", "a", json!({"status": "s", "points": 10}))
        .await;
    h.put(PROJECT, "bug", "a", json!({"status": "s", "points": 100}))
        .await;
    h.engine.catch_up(PROJECT, "by_status").await.unwrap();
    assert_eq!(h.rows("by_status").await["\"s\""]["points"], json!(1));
    h.close().await;
}

#[tokio::test]
async fn the_runner_folds_new_writes_by_itself() {
    let h = Harness::open().await;
    h.engine.create(ORG, PROJECT, &tasks_view()).await.unwrap();
    let seq = h
        .put(PROJECT, "task", "a", json!({"status": "s", "points": 1}))
        .await;
    let engine = &h.engine;
    wait_until(
        Duration::from_secs(10),
        "runner never folded",
        || async move {
            engine
                .get(PROJECT, "by_status")
                .await
                .unwrap()
                .checkpoint_seq
                >= seq
        },
    )
    .await;
    assert_eq!(h.engine.get(PROJECT, "by_status").await.unwrap().rows, 1);
    h.close().await;
}

#[tokio::test]
async fn watchers_see_row_puts_and_a_tombstone_naming_the_emptied_group() {
    let h = Harness::open().await;
    h.engine.create(ORG, PROJECT, &tasks_view()).await.unwrap();
    h.put(PROJECT, "task", "a", json!({"status": "s", "points": 1}))
        .await;
    h.engine.catch_up(PROJECT, "by_status").await.unwrap();
    h.delete(PROJECT, "task", "a").await;
    h.engine.catch_up(PROJECT, "by_status").await.unwrap();
    let views = h.engine.views_database();
    let filter = ViewEngine::watch_filter(PROJECT, "by_status");
    let page = views.changes_matching(0, 1000, filter).await.unwrap();
    let changes: Vec<StoredRow> = page
        .events
        .iter()
        .filter_map(|e| ViewEngine::row_change(PROJECT, "by_status", e).unwrap())
        .collect();
    assert_eq!(changes.len(), 2, "{changes:?}");
    assert!(matches!(&changes[0], StoredRow::Live(row) if row.group == json!("s")));
    assert_eq!(changes[1], StoredRow::Gone { group: json!("s") });
    assert!(h.rows("by_status").await.is_empty());
    // Nothing of another view or project passes the filter.
    let other = ViewEngine::watch_filter("P2", "by_status");
    assert!(
        views
            .changes_matching(0, 1000, other)
            .await
            .unwrap()
            .events
            .is_empty()
    );
    h.close().await;
}

#[tokio::test]
async fn group_values_never_appear_in_plaintext_on_disk() {
    let h = Harness::open().await;
    h.engine.create(ORG, PROJECT, &tasks_view()).await.unwrap();
    let marker = "plaintext-marker-6b1f";
    h.put(
        PROJECT,
        "task",
        "a",
        json!({"status": marker, "points": 1, "title": marker}),
    )
    .await;
    h.engine.catch_up(PROJECT, "by_status").await.unwrap();
    assert_eq!(h.rows("by_status").await.len(), 1);
    let Harness {
        dir, store, engine, ..
    } = h;
    engine.shutdown().await;
    store.close().await;
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        assert!(
            !bytes.windows(marker.len()).any(|w| w == marker.as_bytes()),
            "marker found in plaintext"
        );
    }
}

#[tokio::test]
async fn module_views_read_plain_json_and_skip_values_that_are_not_records() {
    let h = Harness::open().await;
    let mut decl = tasks_view();
    decl.module = "chat".into();
    h.engine.create(ORG, PROJECT, &decl).await.unwrap();
    h.engine
        .create(ORG, PROJECT, &{
            let mut d = tasks_view();
            d.name = "records_view".into();
            d
        })
        .await
        .unwrap();
    let chat = h.store.database("chat").await.unwrap();
    let raw = |data: Value| serde_json::to_vec(&data).unwrap();
    let scope = super::harness::scope(PROJECT, "task");
    let txn = orbit_system::store::Transaction::new()
        .put("task", "P1/a", raw(json!({"status": "s", "points": 2})))
        .put("task", "P1/b", b"not json".to_vec())
        .scope(scope.clone());
    chat.commit(txn).await.unwrap();
    // A plain JSON object in `records` is not the records service's envelope: left out.
    let txn = orbit_system::store::Transaction::new()
        .put("task", "P1/c", raw(json!({"status": "s", "points": 5})))
        .scope(scope);
    h.records.commit(txn).await.unwrap();
    h.put(PROJECT, "task", "d", json!({"status": "s", "points": 7}))
        .await;
    h.engine.catch_up(PROJECT, "by_status").await.unwrap();
    h.engine.catch_up(PROJECT, "records_view").await.unwrap();
    assert_eq!(h.rows("by_status").await["\"s\""]["points"], json!(2));
    assert_eq!(h.rows("by_status").await["\"s\""]["n"], json!(1));
    assert_eq!(h.rows("records_view").await["\"s\""]["points"], json!(7));
    h.close().await;
}

#[tokio::test]
async fn large_groups_split_their_ordered_chunks_and_stay_exact() {
    use rand::{Rng, SeedableRng, rngs::StdRng};
    let h = Harness::open_paged(128).await;
    h.engine.create(ORG, PROJECT, &tasks_view()).await.unwrap();
    let mut rng = StdRng::seed_from_u64(7);
    let mut records = std::collections::HashMap::new();
    // Far more distinct values in a group than a chunk holds, then deletes and updates
    // that empty whole chunks (the smallest and largest values go first).
    for key in 0..1500u16 {
        let status = if key % 10 == 0 { "rare" } else { "common" };
        let record = json!({"status": status, "points": rng.gen_range(-5000..5000), "title": format!("t{key}")});
        let seq = h
            .put(PROJECT, "task", &format!("k{key}"), record.clone())
            .await;
        records.insert(key, (seq, record));
    }
    h.engine.catch_up(PROJECT, "by_status").await.unwrap();
    let mut by_points: Vec<(i64, u16)> = records
        .iter()
        .map(|(key, (_, r))| (r["points"].as_i64().unwrap(), *key))
        .collect();
    by_points.sort();
    let doomed: Vec<u16> = by_points[..400]
        .iter()
        .chain(&by_points[by_points.len() - 400..])
        .map(|(_, key)| *key)
        .collect();
    for key in doomed {
        h.delete(PROJECT, "task", &format!("k{key}")).await;
        records.remove(&key);
    }
    let survivors: Vec<u16> = (1..1500u16)
        .step_by(7)
        .filter(|k| records.contains_key(k))
        .collect();
    for key in survivors {
        let record = json!({"status": "common", "points": rng.gen_range(-9000..9000), "title": format!("u{key}")});
        let seq = h
            .put(PROJECT, "task", &format!("k{key}"), record.clone())
            .await;
        records.insert(key, (seq, record));
    }
    h.engine.catch_up(PROJECT, "by_status").await.unwrap();
    let expected = super::incremental_equals_recomputed::recompute(&records);
    assert_eq!(h.rows("by_status").await, expected);
    h.close().await;
}

#[tokio::test]
async fn a_watcher_applying_every_delta_ends_with_the_rows_even_across_a_rebuild() {
    let h = Harness::open_paged(3).await;
    h.engine.create(ORG, PROJECT, &tasks_view()).await.unwrap();
    for (id, status) in [("a", "x"), ("b", "y"), ("c", "x"), ("d", "z")] {
        h.put(PROJECT, "task", id, json!({"status": status, "points": 1}))
            .await;
    }
    h.delete(PROJECT, "task", "d").await;
    h.engine.catch_up(PROJECT, "by_status").await.unwrap();
    h.engine.rebuild(PROJECT, "by_status").await.unwrap();
    h.put(PROJECT, "task", "b", json!({"status": "x", "points": 2}))
        .await;
    h.engine.catch_up(PROJECT, "by_status").await.unwrap();
    let views = h.engine.views_database();
    let page = views
        .changes_matching(0, 10_000, ViewEngine::watch_filter(PROJECT, "by_status"))
        .await
        .unwrap();
    let mut watched = std::collections::BTreeMap::new();
    let mut deletes = 0;
    for event in &page.events {
        match ViewEngine::row_change(PROJECT, "by_status", event).unwrap() {
            Some(StoredRow::Live(row)) => {
                watched.insert(row.group.to_string(), row.values);
            }
            Some(StoredRow::Gone { group }) => {
                deletes += 1;
                watched.remove(&group.to_string());
            }
            None => {}
        }
    }
    assert_eq!(watched, h.rows("by_status").await);
    assert_eq!(watched.len(), 1, "only x is left");
    assert!(
        deletes >= 3,
        "z emptied, then x and y tombstoned by the rebuild"
    );
    h.close().await;
}
