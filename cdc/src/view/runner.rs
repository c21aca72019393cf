//! The fold loop of one view: read the source's events after the checkpoint a page at a
//! time, fold the page into one transaction with the new checkpoint (compare-and-set on its
//! version), and between pages delete the data of generations a rebuild or drop left behind.
//! Wakes on local commits to the source, on a nudge from the engine, and on a periodic poll
//! (writes by other processes sharing the store).
//!
//! A source event in the view's scope that cannot be read (its sealed value fails
//! authentication) stops the view there: the events before it are folded, the checkpoint
//! records the stall (sequence number, keyspace, key, reason) for `ViewInfo` and
//! `orbit views status`, the runner logs it once and retries with back-off (a cheap look at
//! the checkpoint every poll, so an operator's skip or rebuild takes effect at once). Nothing
//! is skipped without an operator (`orbit views skip`).

use std::sync::Arc;
use std::time::Duration;

use orbit_system::store::{
    ChangeEvent, ChangeOp, Database, EventScope, HlcStamp, StoreError, Transaction,
};
use tokio::sync::{Notify, watch};

use super::View;
use super::error::ViewError;
use super::layout::{
    Backfill, CKPT_KEYSPACE, Checkpoint, DATA_KEYSPACE, ROW_KEYSPACE, Stall, Stored,
    generation_prefix, load_checkpoint, view_key,
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

/// Longest wait between two attempts of a stalled view to read past its damaged event.
const MAX_STALLED_BACKOFF: Duration = Duration::from_secs(300);

/// What one step did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Step {
    /// Folded events up to this source sequence number.
    Folded(u64),
    /// Deleted a batch of stale data.
    Collected,
    /// Nothing to do: the view is at the source's head.
    Idle,
    /// The view no longer exists (dropped and collected).
    Gone,
    /// Folded what comes before a source event that cannot be read, and stopped there.
    Stalled(Stall),
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
        if checkpoint.value.backfill.is_some() {
            return self.backfill_step(checkpoint).await;
        }
        let view = self.view.clone();
        let page = match self
            .source
            .changes_reporting_damage(checkpoint.value.seq, self.tuning.page, move |scope| {
                view.accepts(scope)
            })
            .await
        {
            Ok(page) => page,
            // The log it needs is gone: build it from the records' current state instead.
            Err(StoreError::Pruned { .. }) if self.view.snapshot().is_some() => {
                return self.backfill_step(checkpoint).await;
            }
            Err(error) => return Err(error.into()),
        };
        if page.scanned_through == checkpoint.value.seq {
            return Ok(Step::Idle);
        }
        // Stop at the first damaged event of the view's scope: fold what comes before it.
        let (mut events, mut through, mut stall) = (page.events, page.scanned_through, None);
        if let Some(damaged) = page.damaged.into_iter().next() {
            events.retain(|event| event.seq < damaged.seq);
            through = damaged.seq - 1;
            stall = Some(Stall {
                seq: damaged.seq,
                database: damaged.database.clone(),
                keyspace: damaged.keyspace.clone(),
                key: damaged.display_key(),
                reason: damaged.reason,
            });
        }
        if let Some(stall) = &stall {
            if events.is_empty() && checkpoint.value.stalled.as_ref() == Some(stall) {
                // Already recorded: nothing to write.
                return Ok(Step::Stalled(stall.clone()));
            }
        }
        let mut writer = ViewWriter::new(&self.views, id, checkpoint.value.generation);
        self.view.prefetch(&events, &mut writer).await?;
        for event in &events {
            self.view.apply(event, &mut writer).await?;
        }
        let mut next = checkpoint.value.clone();
        next.seq = through;
        next.stalled = stall.clone();
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
        tracing::trace!(view = %id, through = next.seq, events = events.len(), "view folded");
        match stall {
            Some(stall) => Ok(Step::Stalled(stall)),
            None => Ok(Step::Folded(next.seq)),
        }
    }

    /// One page of a snapshot fold: the next source records (as puts at the version that
    /// wrote them) and the snapshot's position, in one transaction; the last page moves the
    /// checkpoint to the head read before the snapshot began.
    async fn backfill_step(&self, checkpoint: Stored<Checkpoint>) -> Result<Step, ViewError> {
        let id = self.view.id();
        let (keyspace, prefix) = self.view.snapshot().ok_or_else(|| {
            ViewError::corrupt(
                id.to_string(),
                "checkpoint",
                "a snapshot fold of a view that cannot take one",
            )
        })?;
        let state = match &checkpoint.value.backfill {
            Some(state) => state.clone(),
            None => {
                let head = self.source.head().await?;
                tracing::info!(view = %id, head, "the log this view needs was pruned: folding a snapshot of the records");
                Backfill { head, after: None }
            }
        };
        let after = state
            .after
            .as_deref()
            .map(hex::decode)
            .transpose()
            .map_err(|e| ViewError::corrupt(id.to_string(), "snapshot position", e))?;
        let page = self
            .source
            .scan_reporting_damage(&keyspace, &prefix, after.as_deref(), self.tuning.page)
            .await?;
        for damaged in &page.damaged {
            tracing::error!(view = %id, keyspace = %keyspace, key = %String::from_utf8_lossy(&damaged.key), reason = %damaged.reason, "a source record cannot be read; the view leaves it out");
        }
        let scope = EventScope {
            org_id: self.view.org_id().to_owned(),
            project_id: id.project_id.clone(),
            entity: keyspace.clone(),
            federated: false,
        };
        let events: Vec<ChangeEvent> = page
            .records
            .into_iter()
            .map(|record| ChangeEvent {
                database: self.source.name().to_owned(),
                seq: record.version,
                hlc: HlcStamp(0),
                keyspace: keyspace.clone(),
                key: record.key,
                op: ChangeOp::Put,
                value: Some(record.value),
                correlation_id: None,
                scope: Some(scope.clone()),
            })
            .filter(|event| self.view.accepts(event.scope.as_ref()))
            .collect();
        let mut writer = ViewWriter::new(&self.views, id, checkpoint.value.generation);
        self.view.prefetch(&events, &mut writer).await?;
        for event in &events {
            self.view.apply(event, &mut writer).await?;
        }
        let mut next = checkpoint.value.clone();
        next.rows = next.rows.saturating_add_signed(writer.rows_delta());
        match page.next {
            Some(key) => {
                next.backfill = Some(Backfill {
                    head: state.head,
                    after: Some(hex::encode(key)),
                });
            }
            None => {
                next.backfill = None;
                next.seq = state.head;
            }
        }
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
        if next.backfill.is_none() {
            tracing::info!(view = %id, through = next.seq, "snapshot folded; following the log");
        }
        Ok(Step::Folded(next.seq))
    }

    /// Steps until the view is at the source's head (or gone); returns the checkpoint.
    pub(crate) async fn catch_up(&self) -> Result<u64, ViewError> {
        let mut through = 0;
        loop {
            match self.step().await {
                Ok(Step::Folded(seq)) => through = seq,
                Ok(Step::Collected) | Err(ViewError::CheckpointMoved { .. }) => {}
                Ok(Step::Stalled(stall)) => {
                    return Err(ViewError::Stalled {
                        view: self.view.id().to_string(),
                        stall: Box::new(stall.into()),
                    });
                }
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
        // The stall last logged, and how often the view has tried to read past it since.
        let mut reported: Option<Stall> = None;
        let mut stalled_tries: u32 = 0;
        tracing::debug!(view = %id, source = self.source.name(), "view runner started");
        loop {
            if *stop.borrow() {
                break;
            }
            let wait = match self.step().await {
                Ok(Step::Stalled(stall)) => {
                    if reported.as_ref() != Some(&stall) {
                        tracing::error!(
                            view = %id,
                            database = %stall.database,
                            keyspace = %stall.keyspace,
                            key = %stall.key,
                            seq = stall.seq,
                            reason = %stall.reason,
                            "view stalled: a source change event cannot be read; inspect it, \
                             then skip it (orbit views skip {id} --seq {}) or restore the store \
                             from a backup",
                            stall.seq
                        );
                        reported = Some(stall.clone());
                        stalled_tries = 0;
                    }
                    stalled_tries = stalled_tries.saturating_add(1);
                    let backoff = self.tuning.poll * 2u32.saturating_pow(stalled_tries.min(8));
                    let backoff = backoff.min(MAX_STALLED_BACKOFF);
                    if self.wait_stalled(&stall, backoff, &nudge, &mut stop).await {
                        break;
                    }
                    continue;
                }
                Ok(Step::Folded(_)) | Ok(Step::Collected) => {
                    reported = None;
                    None
                }
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

    /// Waits out a stalled view's back-off, looking at its checkpoint every poll: returns
    /// early (`false`) once the stall is no longer recorded there (an operator skipped the
    /// event, or rebuilt or dropped the view, here or in another process) or on a nudge;
    /// `true` when the runner must stop.
    async fn wait_stalled(
        &self,
        stall: &Stall,
        backoff: Duration,
        nudge: &Notify,
        stop: &mut watch::Receiver<bool>,
    ) -> bool {
        let deadline = tokio::time::Instant::now() + backoff;
        loop {
            let tick = self.tuning.poll.min(backoff);
            tokio::select! {
                _ = tokio::time::sleep(tick) => {}
                _ = nudge.notified() => return false,
                changed = stop.changed() => {
                    if changed.is_err() || *stop.borrow() {
                        return true;
                    }
                }
            }
            if tokio::time::Instant::now() >= deadline {
                return false;
            }
            match load_checkpoint(&self.views, self.view.id()).await {
                Ok(Some(checkpoint)) if checkpoint.value.stalled.as_ref() == Some(stall) => {}
                // Moved on, gone, or unreadable: let a step find out.
                _ => return false,
            }
        }
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
