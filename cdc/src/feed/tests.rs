//! Feed behaviour against a real encrypted SQLite store: exact hand-over from the log to the
//! hub under concurrent writers, filtering, bounded memory for slow consumers, refusals and
//! shutdown.

use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use futures::{Stream, StreamExt};
use orbit_system::store::{Database, EventScope, Store, StoreConfig, Transaction};

use super::{FeedConfig, FeedError, FeedItem, Feeds, Interest, ScopeFilter, Start};

const WAIT: Duration = Duration::from_secs(20);

async fn store(dir: &tempfile::TempDir) -> Store {
    Store::open(StoreConfig::in_data_dir(dir.path()))
        .await
        .expect("open store")
}

fn scope(project: &str) -> EventScope {
    EventScope {
        org_id: "org".into(),
        project_id: project.into(),
        entity: "task".into(),
        federated: false,
    }
}

async fn put(db: &Database, project: &str, key: &str) -> u64 {
    db.commit(
        Transaction::new()
            .put("task", key, format!("{{\"key\":\"{key}\"}}"))
            .scope(scope(project)),
    )
    .await
    .expect("write")
    .version()
    .expect("a version")
}

/// Follows the `records` feed; the stream comes pinned, ready for `next()`.
async fn follow(
    feeds: &Feeds,
    start: Start,
    filter: ScopeFilter,
    heartbeat: Duration,
) -> Result<Pin<Box<dyn Stream<Item = Result<FeedItem, FeedError>> + Send>>, FeedError> {
    let stream = feeds
        .follow(
            "tester",
            "records",
            start,
            Interest::Everything,
            filter,
            heartbeat,
        )
        .await?;
    Ok(Box::pin(stream))
}

fn everything() -> ScopeFilter {
    Arc::new(|_| true)
}

/// The next event, skipping heartbeats; panics on an error or a stall.
async fn next_event(
    stream: &mut (impl Stream<Item = Result<FeedItem, FeedError>> + Unpin),
) -> Arc<orbit_system::store::ChangeEvent> {
    loop {
        match tokio::time::timeout(WAIT, stream.next())
            .await
            .expect("no stall")
        {
            Some(Ok(FeedItem::Event(event))) => return event,
            Some(Ok(FeedItem::Heartbeat { .. })) => continue,
            other => panic!("expected an event, got {other:?}"),
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn log_then_live_delivers_every_event_once_in_order_under_concurrent_writers() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(&dir).await;
    let db = store.database("records").await.unwrap();
    let feeds = Feeds::with_config(
        store.clone(),
        FeedConfig {
            page: 16,
            ..FeedConfig::default()
        },
    );
    for n in 0..100 {
        put(&db, "p", &format!("before-{n}")).await;
    }
    let mut writers = Vec::new();
    for w in 0..4 {
        let db = db.clone();
        writers.push(tokio::spawn(async move {
            for n in 0..150 {
                put(&db, "p", &format!("w{w}-{n}")).await;
            }
        }));
    }
    // Starts while the writers run: part of its history comes from the log, part live.
    let mut stream = follow(
        &feeds,
        Start::After(0),
        everything(),
        Duration::from_secs(60),
    )
    .await
    .unwrap();
    // The client reads while the writers write (a client that stops reading is cut off;
    // see the slow-consumer test).
    let mut seqs = Vec::new();
    while seqs.len() < 700 {
        seqs.push(next_event(&mut stream).await.seq);
    }
    for writer in writers {
        writer.await.unwrap();
    }
    let expected: Vec<u64> = (1..=700).collect();
    assert_eq!(seqs, expected, "every event once, in order");
    store.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn filters_apply_before_delivery_and_unscoped_events_never_leave() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(&dir).await;
    let db = store.database("records").await.unwrap();
    let feeds = Feeds::new(store.clone());
    let only_p: ScopeFilter = Arc::new(|scope| scope.is_some_and(|s| s.project_id == "p"));
    let mut stream = follow(&feeds, Start::Now, only_p, Duration::from_secs(60))
        .await
        .unwrap();
    db.put("task", "unscoped", "{}").await.unwrap();
    put(&db, "q", "q1").await;
    let p1 = put(&db, "p", "p1").await;
    put(&db, "q", "q2").await;
    let p2 = put(&db, "p", "p2").await;
    assert_eq!(next_event(&mut stream).await.seq, p1);
    let second = next_event(&mut stream).await;
    assert_eq!(second.seq, p2);
    assert_eq!(second.value.as_deref(), Some(&b"{\"key\":\"p2\"}"[..]));

    // An unfiltered subscription from the start still never sees the unscoped event.
    let mut all = follow(
        &feeds,
        Start::After(0),
        everything(),
        Duration::from_secs(60),
    )
    .await
    .unwrap();
    let first = next_event(&mut all).await;
    assert_eq!(first.key, b"q1");
    store.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_slow_consumer_is_cut_off_with_the_position_to_resume_from() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(&dir).await;
    let db = store.database("records").await.unwrap();
    let feeds = Feeds::with_config(
        store.clone(),
        FeedConfig {
            page: 4,
            hub_pages: 2,
            subscriber_queue: 4,
            stall: Duration::from_millis(500),
            ..FeedConfig::default()
        },
    );
    let mut slow = follow(&feeds, Start::Now, everything(), Duration::from_secs(60))
        .await
        .unwrap();
    for n in 0..300 {
        put(&db, "p", &format!("k{n}")).await;
    }
    // The client reads nothing for far longer than the stall limit (ten times, so a loaded
    // machine surely got round to it): whether its subscription was following the hub or
    // reading the log when its queue filled, it is cut off.
    tokio::time::sleep(Duration::from_secs(5)).await;
    // Only now does the client read: it gets what was queued, then a resumable error.
    let mut received = Vec::new();
    let resume_after = loop {
        match tokio::time::timeout(WAIT, slow.next())
            .await
            .expect("no stall")
        {
            Some(Ok(FeedItem::Event(event))) => received.push(event.seq),
            Some(Ok(FeedItem::Heartbeat { .. })) => {}
            Some(Err(FeedError::Lagged { resume_after, .. })) => break resume_after,
            other => panic!("expected events then Lagged, got {other:?}"),
        }
    };
    assert!(
        received.len() < 300,
        "memory is bounded: {} queued",
        received.len()
    );
    assert_eq!(Some(&resume_after), received.last().or(Some(&0)));
    assert!(
        slow.next().await.is_none(),
        "the stream ends after the error"
    );

    // Resuming from the log delivers the rest exactly once.
    let mut resumed = follow(
        &feeds,
        Start::After(resume_after),
        everything(),
        Duration::from_secs(60),
    )
    .await
    .unwrap();
    while received.len() < 300 {
        received.push(next_event(&mut resumed).await.seq);
    }
    let expected: Vec<u64> = (1..=300).collect();
    assert_eq!(received, expected);
    store.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn positions_beyond_the_head_or_before_the_pruned_part_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(&dir).await;
    let db = store.database("records").await.unwrap();
    let feeds = Feeds::new(store.clone());
    for n in 0..10 {
        put(&db, "p", &format!("k{n}")).await;
    }
    let beyond = follow(
        &feeds,
        Start::After(11),
        everything(),
        Duration::from_secs(1),
    )
    .await
    .err()
    .expect("beyond the head");
    assert!(
        matches!(
            beyond,
            FeedError::BeyondHead {
                after: 11,
                head: 10,
                ..
            }
        ),
        "{beyond}"
    );

    assert_eq!(db.prune_changes(5).await.unwrap(), 5);
    let pruned = follow(
        &feeds,
        Start::After(2),
        everything(),
        Duration::from_secs(1),
    )
    .await
    .err()
    .expect("pruned");
    assert!(
        matches!(
            pruned,
            FeedError::Pruned {
                pruned_through: 5,
                ..
            }
        ),
        "{pruned}"
    );
    assert!(pruned.to_string().contains("snapshot"), "{pruned}");

    let mut from_five = follow(
        &feeds,
        Start::After(5),
        everything(),
        Duration::from_secs(60),
    )
    .await
    .unwrap();
    assert_eq!(next_event(&mut from_five).await.seq, 6);
    store.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn idle_streams_beat_and_close_ends_them() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(&dir).await;
    let db = store.database("records").await.unwrap();
    let seq = put(&db, "p", "k").await;
    let feeds = Feeds::new(store.clone());
    let mut stream = follow(&feeds, Start::Now, everything(), Duration::from_millis(50))
        .await
        .unwrap();
    match tokio::time::timeout(WAIT, stream.next()).await.unwrap() {
        Some(Ok(FeedItem::Heartbeat { head })) => assert_eq!(head, seq),
        other => panic!("expected a heartbeat, got {other:?}"),
    }
    feeds.close();
    let end = loop {
        match tokio::time::timeout(WAIT, stream.next()).await.unwrap() {
            Some(Ok(FeedItem::Heartbeat { .. })) => continue,
            other => break other,
        }
    };
    assert!(
        matches!(end, Some(Err(FeedError::ShuttingDown { resume_after })) if resume_after == seq),
        "{end:?}"
    );
    assert!(matches!(
        follow(&feeds, Start::Now, everything(), Duration::from_secs(1)).await,
        Err(FeedError::ShuttingDown { .. })
    ));
    store.close().await;
}

/// Large events to a client that stops reading: the subscription queues no more than its
/// byte budget, is cut off after the stall limit with a position to resume from, and the
/// rest arrives exactly once from there.
#[tokio::test]
async fn a_stalled_client_of_large_events_holds_its_byte_budget_then_is_cut_off() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(&dir).await;
    let db = store.database("records").await.unwrap();
    let big = "x".repeat(300_000);
    for n in 0..20 {
        db.commit(
            Transaction::new()
                .put("task", format!("k{n}"), big.clone())
                .scope(scope("p")),
        )
        .await
        .unwrap();
    }
    let feeds = Feeds::with_config(
        store.clone(),
        FeedConfig {
            subscriber_bytes: 700_000,
            account_bytes: 10_000_000,
            stall: Duration::from_millis(300),
            ..FeedConfig::default()
        },
    );
    let mut stream = Box::pin(
        feeds
            .follow(
                "heavy",
                "records",
                Start::After(0),
                Interest::Everything,
                everything(),
                Duration::from_secs(60),
            )
            .await
            .unwrap(),
    );
    let first = next_event(&mut stream).await;
    assert_eq!(first.seq, 1);
    tokio::time::sleep(Duration::from_millis(100)).await;
    // Two events fit the budget; the task waits with the third.
    let held = feeds.inner.budgets.held_by("heavy");
    assert!(held <= 700_000, "{held} bytes queued");
    // Ten times the stall limit, so the cut-off surely happened on a loaded machine.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let mut received = vec![first.seq];
    let resume_after = loop {
        match tokio::time::timeout(WAIT, stream.next())
            .await
            .expect("no stall")
        {
            Some(Ok(FeedItem::Event(event))) => received.push(event.seq),
            Some(Ok(FeedItem::Heartbeat { .. })) => {}
            Some(Err(FeedError::Lagged { resume_after })) => break resume_after,
            other => panic!("expected queued events then Lagged, got {other:?}"),
        }
    };
    assert!(received.len() < 5, "{received:?}");
    assert_eq!(Some(&resume_after), received.last());
    assert!(stream.next().await.is_none());
    drop(stream);
    assert_eq!(feeds.inner.budgets.held_by("heavy"), 0);
    let mut resumed = Box::pin(
        feeds
            .follow(
                "heavy",
                "records",
                Start::After(resume_after),
                Interest::Everything,
                everything(),
                Duration::from_secs(60),
            )
            .await
            .unwrap(),
    );
    while received.len() < 20 {
        received.push(next_event(&mut resumed).await.seq);
    }
    assert_eq!(received, (1..=20).collect::<Vec<u64>>());
    store.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_hub_wakes_only_the_subscribers_a_page_concerns() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(&dir).await;
    let db = store.database("records").await.unwrap();
    let feeds = Feeds::new(store.clone());
    let of = |project: &'static str| -> ScopeFilter {
        Arc::new(move |scope| scope.is_some_and(|s| s.project_id == project))
    };
    let mut a = Box::pin(
        feeds
            .follow(
                "tester",
                "records",
                Start::Now,
                Interest::Project("a".into()),
                of("a"),
                Duration::from_secs(60),
            )
            .await
            .unwrap(),
    );
    let mut b = Box::pin(
        feeds
            .follow(
                "tester",
                "records",
                Start::Now,
                Interest::Entities {
                    project_id: "b".into(),
                    entities: vec!["task".into()],
                },
                of("b"),
                Duration::from_secs(60),
            )
            .await
            .unwrap(),
    );
    let mut all = follow(&feeds, Start::Now, everything(), Duration::from_secs(60))
        .await
        .unwrap();
    // a's writes are delivered before b's is made, so b's event is on a page of its own
    // however fast the machine (one page holding all six would wake everyone once).
    for n in 0..5 {
        put(&db, "a", &format!("a{n}")).await;
    }
    for n in 0..5 {
        assert_eq!(next_event(&mut a).await.key, format!("a{n}").into_bytes());
    }
    for _ in 0..5 {
        next_event(&mut all).await;
    }
    let last_b = put(&db, "b", "b0").await;
    assert_eq!(next_event(&mut b).await.seq, last_b);
    assert_eq!(next_event(&mut all).await.seq, last_b);
    let hub = feeds
        .inner
        .hubs
        .lock()
        .unwrap()
        .get("records")
        .cloned()
        .unwrap();
    let wakes = hub.wakes();
    // a: only pages with its events; b: only the page with its one event; all: every page.
    assert!((1..=5).contains(&wakes[0]), "{wakes:?}");
    assert_eq!(wakes[1], 1, "{wakes:?}");
    assert!(wakes[2] > wakes[0], "{wakes:?}");
    store.close().await;
}
