//! Outbox retention: keeps each feed's outbox to a configured number of events, never pruning
//! an event some consumer still needs.
//!
//! Every [`PRUNE_EVERY`], for each followed database, the prune point is the head minus the
//! events to keep, lowered to the checkpoint of the slowest view folding that database and to
//! the relay's position in it (a relay that cannot reach NATS holds the outbox, so nothing
//! federated is lost). Subscribers are not consumers here: the events kept are their window
//! to resume in, and one that asks for a pruned position is told to start from a snapshot
//! (`FeedError::Pruned`). `orbit serve` runs this by default (`--feed-retention`, 10,000
//! events): without it every record value is stored twice, forever. A view declared or
//! rebuilt after pruning starts from a snapshot of its source records (`View::snapshot`).

use std::time::Duration;

use orbit_system::store::{Database, Store, StoreError};
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::relay::Relay;
use crate::view::{ViewEngine, ViewError};

/// How often retention looks at the outboxes.
pub const PRUNE_EVERY: Duration = Duration::from_secs(30);

#[derive(Debug, thiserror::Error)]
pub enum RetentionError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    View(#[from] ViewError),
}

/// The retention task; stop it before closing the store.
#[derive(Debug)]
pub struct Retention {
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

/// What limits pruning besides the number of events kept.
#[derive(Clone)]
pub struct Consumers {
    pub views: ViewEngine,
    pub relay: Option<Relay>,
}

impl Retention {
    /// Keeps `keep` events in each of `databases` (those with a feed, plus `views`).
    pub async fn spawn(
        store: &Store,
        databases: &[String],
        keep: u64,
        consumers: Consumers,
        every: Duration,
    ) -> Result<Retention, RetentionError> {
        let mut dbs = Vec::with_capacity(databases.len());
        for name in databases {
            dbs.push(store.database(name).await?);
        }
        let (stop, mut stopped) = watch::channel(false);
        let task = tokio::spawn(async move {
            let mut ticks = tokio::time::interval(every);
            loop {
                tokio::select! {
                    _ = ticks.tick() => {}
                    _ = stopped.changed() => break,
                }
                for db in &dbs {
                    if let Err(error) = prune_once(db, keep, &consumers).await {
                        tracing::warn!(database = db.name(), %error, "outbox retention failed; retrying later");
                    }
                }
            }
        });
        Ok(Retention { stop, task })
    }

    pub async fn stop(self) {
        self.stop.send_replace(true);
        if let Err(error) = self.task.await {
            tracing::error!(%error, "the retention task ended abnormally");
        }
    }
}

/// Prunes `db`'s outbox once; returns how many events went.
pub async fn prune_once(
    db: &Database,
    keep: u64,
    consumers: &Consumers,
) -> Result<u64, RetentionError> {
    let head = db.head().await?;
    let mut through = head.saturating_sub(keep);
    if let Some(folded) = consumers.views.folded_through(db.name()).await? {
        through = through.min(folded);
    }
    if let Some(relay) = &consumers.relay {
        let status = relay.status().await;
        if let Some(feed) = status.feeds.iter().find(|f| f.module == db.name()) {
            // The stored position (what a restart resumes from), not the in-memory one.
            through = through.min(feed.recorded);
        }
    }
    if through <= db.pruned_through().await? {
        return Ok(0);
    }
    let deleted = db.prune_changes(through).await?;
    tracing::info!(
        database = db.name(),
        through,
        deleted,
        "outbox pruned (retention)"
    );
    Ok(deleted)
}

#[cfg(test)]
mod tests {
    use orbit_proto::orbit::cdc::v1 as pb;
    use orbit_system::store::{EventScope, StoreConfig, Transaction};

    use super::*;
    use crate::view::ViewConfig;

    async fn put(db: &Database, n: u32) {
        let scope = EventScope {
            org_id: "org".into(),
            project_id: "P".into(),
            entity: "item".into(),
            federated: false,
        };
        let value = format!(r#"{{"format":1,"updated_at_ms":0,"data":{{"n":{n}}}}}"#);
        db.commit(
            Transaction::new()
                .put("item", format!("P/r{n}"), value)
                .scope(scope),
        )
        .await
        .expect("write");
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn prunes_to_the_kept_size_but_never_past_a_view() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(StoreConfig::in_data_dir(dir.path()))
            .await
            .unwrap();
        let records = store.database("records").await.unwrap();
        for n in 0..10 {
            put(&records, n).await;
        }
        let views = ViewEngine::open(&store, ViewConfig::default())
            .await
            .unwrap();
        let declaration = pb::ViewDeclaration {
            name: "by_n".into(),
            module: String::new(),
            entity: "item".into(),
            group_by: "n".into(),
            aggregates: vec![pb::Aggregate {
                name: "items".into(),
                function: pb::AggregateFunction::Count as i32,
                field: String::new(),
            }],
        };
        views.create("org", "P", &declaration).await.unwrap();
        views.catch_up("P", "by_n").await.unwrap();
        let consumers = Consumers {
            views: views.clone(),
            relay: None,
        };
        assert_eq!(prune_once(&records, 2, &consumers).await.unwrap(), 8);
        assert_eq!(records.pruned_through().await.unwrap(), 8);
        assert_eq!(
            prune_once(&records, 2, &consumers).await.unwrap(),
            0,
            "idempotent"
        );

        // Writes keep coming while the view folds: whatever the race, nothing the view has
        // not folded yet is pruned, even when nothing is to be kept.
        for n in 10..200 {
            put(&records, n).await;
            if n % 20 == 0 {
                prune_once(&records, 0, &consumers).await.unwrap();
                let folded = views.folded_through("records").await.unwrap().unwrap();
                assert!(records.pruned_through().await.unwrap() <= folded);
            }
        }
        views.catch_up("P", "by_n").await.unwrap();
        prune_once(&records, 0, &consumers).await.unwrap();
        assert_eq!(
            records.pruned_through().await.unwrap(),
            200,
            "all folded, all pruned"
        );
        let rows = views.query("P", "by_n", 1000, "").await.unwrap();
        assert_eq!(rows.rows.len(), 200, "the view still holds every record");
        views.shutdown().await;
        store.close().await;
    }

    /// The default policy on a running task: once the view has folded the events, the outbox
    /// is cut to the window, a subscriber-style read from inside the window still works and
    /// one from before it is refused as pruned.
    #[tokio::test(flavor = "multi_thread")]
    async fn the_task_prunes_what_consumers_passed_and_keeps_the_window() {
        let dir = tempfile::tempdir().unwrap();
        let mut config = StoreConfig::in_data_dir(dir.path());
        config.full_sync = false;
        let store = Store::open(config).await.unwrap();
        let records = store.database("records").await.unwrap();
        let views = ViewEngine::open(&store, ViewConfig::default())
            .await
            .unwrap();
        let declaration = pb::ViewDeclaration {
            name: "by_n".into(),
            module: String::new(),
            entity: "item".into(),
            group_by: "n".into(),
            aggregates: vec![pb::Aggregate {
                name: "items".into(),
                function: pb::AggregateFunction::Count as i32,
                field: String::new(),
            }],
        };
        views.create("org", "P", &declaration).await.unwrap();
        views.start().await.unwrap();
        let keep = 50;
        let retention = Retention::spawn(
            &store,
            &["records".to_owned()],
            keep,
            Consumers {
                views: views.clone(),
                relay: None,
            },
            Duration::from_millis(50),
        )
        .await
        .unwrap();
        for n in 0..600 {
            put(&records, n).await;
        }
        views.catch_up("P", "by_n").await.unwrap();
        let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
        while records.pruned_through().await.unwrap() < 600 - keep {
            assert!(
                tokio::time::Instant::now() < deadline,
                "not pruned to the window: {}",
                records.pruned_through().await.unwrap()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        retention.stop().await;
        assert_eq!(records.pruned_through().await.unwrap(), 600 - keep);

        // A subscriber that saw 560 resumes: every later event is still there.
        let after = 560;
        let page = records
            .changes(after, 1000)
            .await
            .expect("a position inside the window resumes");
        assert_eq!(page.len() as u64, 600 - after);
        assert_eq!(page[0].seq, after + 1);
        // One that saw only 100 must start from a snapshot.
        assert!(matches!(
            records.changes(100, 1000).await,
            Err(StoreError::Pruned { .. })
        ));
        views.shutdown().await;
        store.close().await;
    }
}
