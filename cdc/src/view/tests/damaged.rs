//! A source change event altered on disk: the view folds what comes before it, stops there
//! and says so (info, checkpoint), refuses a skip of any other event, and after the
//! operator's skip of exactly that event folds the rest.

use serde_json::json;
use std::time::Duration;

use super::harness::{Harness, ORG, PROJECT, tasks_view, wait_until};
use crate::view::ViewError;

/// Flips the last byte (part of the authentication tag) of outbox event `seq` of `records`.
pub(super) async fn tamper_event(h: &Harness, seq: u64) {
    use sqlx::Connection;
    let url = format!("sqlite://{}", h.store.location());
    let mut conn = sqlx::SqliteConnection::connect(&url)
        .await
        .expect("open the SQLite file");
    let mut value: Vec<u8> =
        sqlx::query_scalar("SELECT value FROM orbit_outbox WHERE db = 'records' AND seq = ?")
            .bind(seq as i64)
            .fetch_one(&mut conn)
            .await
            .expect("the event exists");
    let last = value.len() - 1;
    value[last] ^= 0x01;
    sqlx::query("UPDATE orbit_outbox SET value = ? WHERE db = 'records' AND seq = ?")
        .bind(value)
        .bind(seq as i64)
        .execute(&mut conn)
        .await
        .expect("tamper");
    conn.close().await.expect("close");
}

#[tokio::test]
async fn a_view_stalls_at_a_damaged_event_until_an_operator_skips_it() {
    let h = Harness::open().await;
    for i in 0..5 {
        h.put(
            PROJECT,
            "task",
            &format!("t{i}"),
            json!({"status": "a", "points": i}),
        )
        .await;
    }
    tamper_event(&h, 3).await;
    h.engine.create(ORG, PROJECT, &tasks_view()).await.unwrap();
    wait_until(Duration::from_secs(10), "the view stalls", || async {
        h.engine
            .get(PROJECT, "by_status")
            .await
            .unwrap()
            .stalled
            .is_some()
    })
    .await;
    let info = h.engine.get(PROJECT, "by_status").await.unwrap();
    let stall = info.stalled.clone().unwrap();
    assert_eq!(stall.seq, 3);
    assert_eq!(stall.database, "records");
    assert_eq!(stall.keyspace, "task");
    assert_eq!(stall.key, format!("{PROJECT}/t2"));
    assert_eq!(info.checkpoint_seq, 2, "what comes before it is folded");
    assert_eq!(info.head_seq, 5);
    let rows = h.rows("by_status").await;
    assert_eq!(rows.values().next().unwrap()["n"], json!(2));

    // A runner catching up by hand (the CLI's) reports it instead of looping.
    match h.runner("by_status", 64).await.catch_up().await {
        Err(ViewError::Stalled { stall, .. }) if stall.seq == 3 => {}
        other => panic!("expected Stalled at 3, got {other:?}"),
    }
    // Nothing but the stalled event can be skipped.
    match h.engine.skip(PROJECT, "by_status", 4).await {
        Err(error @ ViewError::NotStalled { .. }) => {
            assert!(
                error.to_string().contains("stalled at sequence 3"),
                "{error}"
            )
        }
        other => panic!("expected NotStalled, got {other:?}"),
    }
    let skipped = h.engine.skip(PROJECT, "by_status", 3).await.unwrap();
    assert_eq!(skipped.skipped_seqs, [3]);
    wait_until(
        Duration::from_secs(10),
        "the view folds the rest",
        || async {
            h.engine
                .get(PROJECT, "by_status")
                .await
                .unwrap()
                .checkpoint_seq
                == 5
        },
    )
    .await;
    let info = h.engine.get(PROJECT, "by_status").await.unwrap();
    assert!(info.stalled.is_none());
    assert_eq!(info.skipped_seqs, [3]);
    let rows = h.rows("by_status").await;
    assert_eq!(
        rows.values().next().unwrap()["n"],
        json!(4),
        "all but the damaged one"
    );
    // Skipping again is refused: it is not stalled any more.
    assert!(matches!(
        h.engine.skip(PROJECT, "by_status", 3).await,
        Err(ViewError::NotStalled { .. })
    ));
    h.close().await;
}
