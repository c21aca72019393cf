//! Rows and checkpoint commit together: restarts, concurrent runners and rebuilds neither
//! skip nor double-apply an event; rebuilds refold the whole log; drops delete everything.

use serde_json::json;
use std::time::Duration;

use super::harness::{Harness, ORG, PROJECT, config, tasks_view, view_config, wait_until};
use crate::view::layout::{DATA_KEYSPACE, ROW_KEYSPACE, generation_prefix};
use crate::view::runner::Step;
use crate::view::{ViewEngine, ViewError, ViewId};

async fn write_tasks(h: &Harness, n: usize) {
    for i in 0..n {
        let status = ["a", "b", "c"][i % 3];
        h.put(
            PROJECT,
            "task",
            &format!("t{i}"),
            json!({"status": status, "points": i}),
        )
        .await;
        if i % 4 == 3 {
            // An update of an earlier record and a delete keep the fold honest.
            h.put(
                PROJECT,
                "task",
                &format!("t{}", i - 1),
                json!({"status": "b", "points": 1}),
            )
            .await;
            h.delete(PROJECT, "task", &format!("t{}", i - 3)).await;
        }
    }
}

fn total_count(
    rows: &std::collections::BTreeMap<String, serde_json::Map<String, serde_json::Value>>,
) -> u64 {
    rows.values().map(|r| r["n"].as_u64().unwrap()).sum()
}

#[tokio::test]
async fn a_restarted_runner_continues_at_its_checkpoint() {
    let h = Harness::open().await;
    h.engine.shutdown().await; // runners of this test are driven by hand
    h.engine.create(ORG, PROJECT, &tasks_view()).await.unwrap();
    h.engine.shutdown().await;
    write_tasks(&h, 40).await;
    let first = h.runner("by_status", 7).await;
    for _ in 0..3 {
        assert!(matches!(first.step().await.unwrap(), Step::Folded(_)));
    }
    let midway = h.engine.get(PROJECT, "by_status").await.unwrap();
    assert_eq!(midway.checkpoint_seq, 21, "three pages of seven events");
    drop(first);
    // A new runner (a restarted process) starts from the stored checkpoint.
    h.runner("by_status", 5).await.catch_up().await.unwrap();
    let rows = h.rows("by_status").await;
    assert_eq!(total_count(&rows), 30, "40 records written, 10 deleted");
    h.close().await;
}

#[tokio::test]
async fn concurrent_runners_never_double_apply() {
    let h = Harness::open().await;
    h.engine.create(ORG, PROJECT, &tasks_view()).await.unwrap();
    h.engine.shutdown().await;
    write_tasks(&h, 60).await;
    let (one, two) = (
        h.runner("by_status", 1).await,
        h.runner("by_status", 3).await,
    );
    let (a, b) = tokio::join!(one.catch_up(), two.catch_up());
    a.unwrap();
    b.unwrap();
    assert_eq!(total_count(&h.rows("by_status").await), 45);
    h.close().await;
}

#[tokio::test]
async fn a_stale_batch_is_refused_by_the_checkpoint() {
    let h = Harness::open().await;
    h.engine.create(ORG, PROJECT, &tasks_view()).await.unwrap();
    h.engine.shutdown().await;
    write_tasks(&h, 4).await;
    let runner = h.runner("by_status", 100).await;
    // Someone else moves the checkpoint (a rebuild) between our read and our commit: the
    // commit of a batch computed against the old checkpoint must fail.
    let views = h.engine.views_database();
    let id = ViewId::new(PROJECT, "by_status");
    let before = crate::view::layout::load_checkpoint(views, &id)
        .await
        .unwrap()
        .unwrap();
    h.engine.rebuild(PROJECT, "by_status").await.unwrap();
    let txn = orbit_system::store::Transaction::new().put_if(
        crate::view::layout::CKPT_KEYSPACE,
        "P1/by_status",
        before.value.encode(),
        before.expect(),
    );
    let refused = crate::view::runner::commit_checked(views, &id, txn).await;
    assert!(
        matches!(refused, Err(ViewError::CheckpointMoved { .. })),
        "{refused:?}"
    );
    runner.catch_up().await.unwrap();
    assert_eq!(total_count(&h.rows("by_status").await), 3);
    h.close().await;
}

#[tokio::test]
async fn views_survive_an_engine_restart() {
    let h = Harness::open().await;
    h.engine.create(ORG, PROJECT, &tasks_view()).await.unwrap();
    write_tasks(&h, 12).await;
    h.engine.catch_up(PROJECT, "by_status").await.unwrap();
    h.engine.shutdown().await;
    write_tasks(&h, 20).await; // rewrites t0..t11 and adds t12..t19 while nothing runs
    let engine = ViewEngine::open(&h.store, view_config(4)).await.unwrap();
    engine.start().await.unwrap();
    let head = h.records.head().await.unwrap();
    let restarted = &engine;
    wait_until(
        Duration::from_secs(20),
        "restarted runner never caught up",
        || async move {
            restarted
                .get(PROJECT, "by_status")
                .await
                .unwrap()
                .checkpoint_seq
                >= head
        },
    )
    .await;
    assert_eq!(total_count(&h.rows("by_status").await), 15);
    engine.shutdown().await;
    h.close().await;
}

#[tokio::test]
async fn rebuild_equals_incremental_and_clears_the_old_generation() {
    let h = Harness::open_paged(5).await;
    h.engine.create(ORG, PROJECT, &tasks_view()).await.unwrap();
    write_tasks(&h, 30).await;
    h.engine.catch_up(PROJECT, "by_status").await.unwrap();
    let incremental = h.rows("by_status").await;
    let before = h.engine.get(PROJECT, "by_status").await.unwrap();
    let started = h.engine.rebuild(PROJECT, "by_status").await.unwrap();
    assert_eq!(started.generation, before.generation + 1);
    let after = h.engine.catch_up(PROJECT, "by_status").await.unwrap();
    assert_eq!(h.rows("by_status").await, incremental);
    assert_eq!(after.rows, before.rows);
    assert_eq!(after.checkpoint_seq, before.checkpoint_seq);
    let old = generation_prefix(&ViewId::new(PROJECT, "by_status"), before.generation);
    let views = h.engine.views_database();
    for keyspace in [ROW_KEYSPACE, DATA_KEYSPACE] {
        let left = views
            .scan(keyspace, old.as_bytes(), None, 10)
            .await
            .unwrap();
        assert!(left.records.is_empty(), "old generation left in {keyspace}");
    }
    h.close().await;
}

/// On an instance that keeps a bounded log, a view declared (or rebuilt) after the start of
/// its source's log was pruned is folded from a snapshot of the records, then from the log
/// after the head it read: it ends up exactly as the view that folded every event.
#[tokio::test]
async fn over_a_pruned_log_a_view_is_built_from_a_snapshot_of_the_records() {
    let h = Harness::open_paged(3).await;
    h.engine.create(ORG, PROJECT, &tasks_view()).await.unwrap();
    write_tasks(&h, 20).await;
    h.engine.catch_up(PROJECT, "by_status").await.unwrap();
    let incremental = h.rows("by_status").await;
    let head = h.records.head().await.unwrap();
    h.records.prune_changes(head - 2).await.unwrap();

    let mut late = tasks_view();
    late.name = "late".into();
    h.engine.create(ORG, PROJECT, &late).await.unwrap();
    let through = h.engine.catch_up(PROJECT, "late").await.unwrap();
    assert_eq!(through.checkpoint_seq, head);
    assert_eq!(h.rows("late").await, incremental);
    h.engine.rebuild(PROJECT, "by_status").await.unwrap();
    h.engine.catch_up(PROJECT, "by_status").await.unwrap();
    assert_eq!(h.rows("by_status").await, incremental);

    // Later writes (updates, deletes, new records) fold from the log as usual, and both
    // agree with a view that never saw a snapshot.
    write_tasks(&h, 26).await;
    h.engine.catch_up(PROJECT, "late").await.unwrap();
    h.engine.catch_up(PROJECT, "by_status").await.unwrap();
    assert_eq!(h.rows("late").await, h.rows("by_status").await);
    assert_eq!(total_count(&h.rows("late").await), live_tasks(&h).await);
    h.close().await;
}

/// The number of task records that exist now.
async fn live_tasks(h: &Harness) -> u64 {
    let prefix = format!("{PROJECT}/");
    let mut after: Option<Vec<u8>> = None;
    let mut count = 0;
    loop {
        let page = h
            .records
            .scan("task", prefix.as_bytes(), after.as_deref(), 100)
            .await
            .unwrap();
        count += page.records.len() as u64;
        match page.next {
            Some(next) => after = Some(next),
            None => return count,
        }
    }
}

#[tokio::test]
async fn drop_deletes_everything_and_the_name_can_be_declared_again() {
    let h = Harness::open().await;
    h.engine.create(ORG, PROJECT, &tasks_view()).await.unwrap();
    write_tasks(&h, 20).await;
    h.engine.catch_up(PROJECT, "by_status").await.unwrap();
    h.engine.drop_view(PROJECT, "by_status").await.unwrap();
    assert!(matches!(
        h.engine.get(PROJECT, "by_status").await,
        Err(ViewError::NotFound { .. })
    ));
    let again = h.engine.create(ORG, PROJECT, &tasks_view()).await.unwrap();
    assert_eq!(again.generation, 2);
    let created_twice = h
        .engine
        .create(ORG, PROJECT, &tasks_view())
        .await
        .unwrap_err();
    assert!(
        matches!(created_twice, ViewError::AlreadyExists { .. }),
        "{created_twice}"
    );
    h.engine.catch_up(PROJECT, "by_status").await.unwrap();
    assert_eq!(total_count(&h.rows("by_status").await), 15);
    let views = h.engine.views_database();
    let old = generation_prefix(&ViewId::new(PROJECT, "by_status"), 1);
    assert!(
        views
            .scan(DATA_KEYSPACE, old.as_bytes(), None, 1)
            .await
            .unwrap()
            .records
            .is_empty()
    );
    h.close().await;
}

#[tokio::test]
async fn a_store_reopened_from_disk_keeps_views() {
    let dir;
    {
        let h = Harness::open().await;
        h.engine.create(ORG, PROJECT, &tasks_view()).await.unwrap();
        write_tasks(&h, 8).await;
        h.engine.catch_up(PROJECT, "by_status").await.unwrap();
        let Harness {
            dir: d,
            store,
            engine,
            ..
        } = h;
        engine.shutdown().await;
        store.close().await;
        dir = d;
    }
    let store = orbit_system::store::Store::open(config(dir.path()))
        .await
        .unwrap();
    let engine = ViewEngine::open(&store, view_config(64)).await.unwrap();
    let listed = engine.list(PROJECT).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].rows, 3);
    assert_eq!(listed[0].checkpoint_seq, listed[0].head_seq);
    store.close().await;
}

#[tokio::test]
async fn a_rebuild_from_another_process_is_safe_beside_the_running_runner() {
    let h = Harness::open_paged(4).await;
    h.engine.create(ORG, PROJECT, &tasks_view()).await.unwrap();
    write_tasks(&h, 30).await;
    // `orbit views rebuild` opens the same store file in its own process.
    let cli_store = orbit_system::store::Store::open(config(h.dir.path()))
        .await
        .unwrap();
    let cli = ViewEngine::open(&cli_store, view_config(3)).await.unwrap();
    let rebuilt = cli.rebuild(PROJECT, "by_status").await.unwrap();
    assert_eq!(rebuilt.generation, 2);
    // The server keeps taking writes and its runner keeps folding meanwhile.
    let (done, ()) = tokio::join!(cli.catch_up(PROJECT, "by_status"), write_tasks(&h, 12));
    assert!(done.unwrap().checkpoint_seq > 0);
    cli_store.close().await;
    let info = h.engine.catch_up(PROJECT, "by_status").await.unwrap();
    assert_eq!(info.generation, 2);
    assert_eq!(info.checkpoint_seq, h.records.head().await.unwrap());
    // 30 records with 7 deleted, then t0..t11 rewritten and t0, t4, t8 deleted again.
    assert_eq!(total_count(&h.rows("by_status").await), 23);
    h.close().await;
}

#[tokio::test]
async fn folded_through_is_the_slowest_view_of_a_database() {
    let h = Harness::open().await;
    assert_eq!(h.engine.folded_through("records").await.unwrap(), None);
    h.engine.create(ORG, PROJECT, &tasks_view()).await.unwrap();
    write_tasks(&h, 8).await;
    h.engine.catch_up(PROJECT, "by_status").await.unwrap();
    let head = h.records.head().await.unwrap();
    assert_eq!(
        h.engine.folded_through("records").await.unwrap(),
        Some(head)
    );
    assert_eq!(h.engine.folded_through("chat").await.unwrap(), None);
    h.close().await;
}
