//! The fold loop of one view: read the source's events after the checkpoint a page at a
//! time, fold the page into one transaction with the new checkpoint (compare-and-set on its
//! version), and between pages delete the data of generations a rebuild or drop left behind.
//! Wakes on local commits to the source, on a nudge from the engine, and on a periodic poll
//! (writes by other processes sharing the store).

use std::sync::Arc;
use std::time::Duration;

use orbit_system::store::{Database, EventScope, StoreError, Transaction};
use tokio::sync::{Notify, watch};

use super::View;
use super::error::ViewError;
use super::layout::{
    CKPT_KEYSPACE, Checkpoint, DATA_KEYSPACE, ROW_KEYSPACE, Stored, generation_prefix,
    load_checkpoint, view_key,
};
use super::row::StoredRow;
use super::writer::ViewWriter;

/// Tuning shared by every runner.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tuning {
    pub(crate) page: u32,
    pub(crate) poll: Duration,
    pub(crate) collect_batch: u32,
}

/// What one step did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    /// Folded events up to this source sequence number.
    Folded(u64),
    /// Deleted a batch of stale data.
    Collected,
    /// Nothing to do: the view is at the source's head.
    Idle,
    /// The view no longer exists (dropped and collected).
    Gone,
}

/// Folds one view; cheap to clone into its task.
#[derive(Clone)]
pub(crate) struct Runner {
    pub(crate) view: Arc<dyn View>,
    pub(crate) views: Database,
    pub(crate) source: Database,
    pub(crate) tuning: Tuning,
}

impl Runner {
    /// One unit of work; a [`ViewError::CheckpointMoved`] means "step again".
    pub(crate) async fn step(&self) -> Result<Step, ViewError> {
        let id = self.view.id();
        let Some(checkpoint) = load_checkpoint(&self.views, id).await? else {
            return Ok(Step::Gone);
        };
        if !checkpoint.value.stale.is_empty() || checkpoint.value.dropped {
            let scope = (!checkpoint.value.dropped).then(|| self.view.write_scope());
            return collect_step(
                &self.views,
                id,
                checkpoint,
                self.tuning.collect_batch,
                scope,
            )
            .await;
        }
        let view = self.view.clone();
        let page = self
            .source
            .changes_matching(checkpoint.value.seq, self.tuning.page, move |scope| {
                view.accepts(scope)
            })
            .await?;
        if page.scanned_through == checkpoint.value.seq {
            return Ok(Step::Idle);
        }
        let mut writer = ViewWriter::new(&self.views, id, checkpoint.value.generation);
        self.view.prefetch(&page.events, &mut writer).await?;
        for event in &page.events {
            self.view.apply(event, &mut writer).await?;
        }
        let mut next = checkpoint.value.clone();
        next.seq = page.scanned_through;
        next.rows = next.rows.saturating_add_signed(writer.rows_delta());
        let txn = writer
            .write_into(Transaction::new())
            .put_if(
                CKPT_KEYSPACE,
                view_key(id),
                next.encode(),
                checkpoint.expect(),
            )
            .scope(self.view.write_scope());
        commit_checked(&self.views, id, txn).await?;
        tracing::trace!(view = %id, through = next.seq, events = page.events.len(), "view folded");
        Ok(Step::Folded(next.seq))
    }

    /// Steps until the view is at the source's head (or gone); returns the checkpoint.
    pub(crate) async fn catch_up(&self) -> Result<u64, ViewError> {
        let mut through = 0;
        loop {
            match self.step().await {
                Ok(Step::Folded(seq)) => through = seq,
                Ok(Step::Collected) | Err(ViewError::CheckpointMoved { .. }) => {}
                Ok(Step::Idle) | Ok(Step::Gone) => {
                    return Ok(match load_checkpoint(&self.views, self.view.id()).await? {
                        Some(checkpoint) => checkpoint.value.seq,
                        None => through,
                    });
                }
                Err(error) => return Err(error),
            }
        }
    }

    /// The view's task: folds until `stop` turns true or the view is gone.
    pub(crate) async fn run(self, nudge: Arc<Notify>, mut stop: watch::Receiver<bool>) {
        let id = self.view.id().clone();
        let mut heads = self.source.watch_head();
        let mut failures: u32 = 0;
        tracing::debug!(view = %id, source = self.source.name(), "view runner started");
        loop {
            if *stop.borrow() {
                break;
            }
            let wait = match self.step().await {
                Ok(Step::Folded(_)) | Ok(Step::Collected) => None,
                Err(ViewError::CheckpointMoved { .. }) => None,
                Ok(Step::Idle) => {
                    failures = 0;
                    Some(self.tuning.poll)
                }
                Ok(Step::Gone) => break,
                Err(error) => {
                    // Backs off (up to a minute) so a lasting failure, such as a pruned
                    // source log, is reported without flooding the log.
                    failures = failures.saturating_add(1);
                    let backoff = self.tuning.poll * 2u32.saturating_pow(failures.min(6));
                    let backoff = backoff.min(Duration::from_secs(60));
                    tracing::error!(view = %id, %error, retry_in = ?backoff, "view cannot fold");
                    Some(backoff)
                }
            };
            let Some(wait) = wait else {
                failures = 0;
                tokio::task::yield_now().await;
                continue;
            };
            if failures > 0 {
                tokio::select! {
                    _ = tokio::time::sleep(wait) => {}
                    changed = stop.changed() => if changed.is_err() { break },
                }
                continue;
            }
            tokio::select! {
                _ = heads.changed() => {}
                _ = nudge.notified() => {}
                _ = tokio::time::sleep(wait) => {}
                // The engine is gone without a shutdown: nothing will stop this otherwise.
                changed = stop.changed() => if changed.is_err() { break },
            }
        }
        tracing::debug!(view = %id, "view runner stopped");
    }
}

/// Deletes one batch of a stale generation (or, once none is left, the checkpoint of a
/// dropped view). With `scope` (a rebuild of a live view), live rows of the old generation
/// are first turned into tombstones under the view's scope, so a watcher gets a DELETE for
/// every old row before the new generation's rows arrive; the deletes themselves are
/// unscoped, as they change nothing a watcher sees.
pub(crate) async fn collect_step(
    views: &Database,
    id: &super::ViewId,
    checkpoint: Stored<Checkpoint>,
    batch: u32,
    scope: Option<EventScope>,
) -> Result<Step, ViewError> {
    let Some(&generation) = checkpoint.value.stale.first() else {
        // Dropped and fully collected: the checkpoint goes last.
        let txn = Transaction::new().delete_if(CKPT_KEYSPACE, view_key(id), checkpoint.expect());
        commit_checked(views, id, txn).await?;
        tracing::info!(view = %id, "dropped view fully deleted");
        return Ok(Step::Gone);
    };
    let prefix = generation_prefix(id, generation);
    let rows = views
        .scan(ROW_KEYSPACE, prefix.as_bytes(), None, batch)
        .await?;
    let mut txn = Transaction::new();
    let mut found = 0;
    if let Some(scope) = scope {
        for record in &rows.records {
            let stored = StoredRow::decode(&record.value)
                .map_err(|e| ViewError::corrupt(id.to_string(), "row", e))?;
            if let StoredRow::Live(row) = stored {
                found += 1;
                let gone = StoredRow::Gone { group: row.group };
                txn = txn.put(ROW_KEYSPACE, record.key.clone(), gone.encode());
            }
        }
        if found > 0 {
            txn = txn.scope(scope);
        }
    }
    if found == 0 {
        let data = views
            .scan(DATA_KEYSPACE, prefix.as_bytes(), None, batch)
            .await?;
        for (keyspace, page) in [(ROW_KEYSPACE, rows), (DATA_KEYSPACE, data)] {
            for record in page.records {
                found += 1;
                txn = txn.delete(keyspace, record.key);
            }
        }
    }
    let mut next = checkpoint.value.clone();
    if found == 0 {
        next.stale.remove(0);
    }
    let txn = txn.put_if(
        CKPT_KEYSPACE,
        view_key(id),
        next.encode(),
        checkpoint.expect(),
    );
    commit_checked(views, id, txn).await?;
    tracing::debug!(view = %id, generation, keys = found, "stale view data collected");
    Ok(Step::Collected)
}

/// Commits `txn`, turning a conflict on the checkpoint into [`ViewError::CheckpointMoved`].
pub(crate) async fn commit_checked(
    views: &Database,
    id: &super::ViewId,
    txn: Transaction,
) -> Result<(), ViewError> {
    match views.commit(txn).await {
        Ok(_) => Ok(()),
        Err(StoreError::Conflict { .. }) => Err(ViewError::CheckpointMoved {
            view: id.to_string(),
        }),
        Err(error) => Err(error.into()),
    }
}
