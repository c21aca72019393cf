//! The group committer: one task per store that takes every write that arrived while the
//! previous commit ran and commits them together in one database transaction. Each caller
//! still gets its own receipt (or its own conflict), so throughput under concurrency is not
//! capped at one transaction per write.

use std::sync::Arc;

use tokio::sync::{mpsc, oneshot};

use crate::store::StoreError;
use crate::store::backend::Backend;
use crate::store::batch::SealedTxn;
use crate::store::hlc::Hlc;
use crate::store::types::Receipt;

struct Job {
    txn: SealedTxn,
    reply: oneshot::Sender<Result<Receipt, StoreError>>,
}

/// Sending half, held by the store. Dropping it lets the task drain and stop.
#[derive(Clone)]
pub(crate) struct Writer {
    jobs: mpsc::Sender<Job>,
}

impl Writer {
    /// Starts the committer task.
    pub(crate) fn spawn(
        backend: Arc<dyn Backend>,
        clock: Arc<Hlc>,
        max_group: usize,
    ) -> (Writer, tokio::task::JoinHandle<()>) {
        let (jobs, receiver) = mpsc::channel(max_group.max(1) * 4);
        let handle = tokio::spawn(run(backend, clock, receiver, max_group.max(1)));
        (Writer { jobs }, handle)
    }

    /// Queues `txn` and waits for its commit.
    pub(crate) async fn commit(&self, txn: SealedTxn) -> Result<Receipt, StoreError> {
        let (reply, answer) = oneshot::channel();
        self.jobs
            .send(Job { txn, reply })
            .await
            .map_err(|_| StoreError::Closed)?;
        answer.await.map_err(|_| StoreError::Closed)?
    }
}

async fn run(
    backend: Arc<dyn Backend>,
    clock: Arc<Hlc>,
    mut receiver: mpsc::Receiver<Job>,
    max_group: usize,
) {
    let mut jobs: Vec<Job> = Vec::with_capacity(max_group);
    while receiver.recv_many(&mut jobs, max_group).await > 0 {
        let (mut txns, replies): (Vec<SealedTxn>, Vec<_>) =
            jobs.drain(..).map(|job| (job.txn, job.reply)).unzip();
        match backend.commit_batch(&mut txns, &clock).await {
            Ok(outcomes) => {
                for (reply, outcome) in replies.into_iter().zip(outcomes) {
                    let _ = reply.send(outcome);
                }
            }
            Err(error) if txns.len() == 1 => {
                let _ = replies
                    .into_iter()
                    .next()
                    .expect("one reply")
                    .send(Err(error));
            }
            Err(error) => {
                // One bad transaction must not fail its neighbours: commit each on its own,
                // so every caller gets its own outcome. Values were moved out by planning only
                // on success, so the batch is intact.
                tracing::warn!(%error, group = txns.len(), "group commit failed; committing its transactions one by one");
                for (txn, reply) in txns.into_iter().zip(replies) {
                    let mut single = [txn];
                    let outcome = match backend.commit_batch(&mut single, &clock).await {
                        Ok(mut outcomes) => outcomes.pop().unwrap_or(Err(StoreError::Closed)),
                        Err(error) => Err(error),
                    };
                    let _ = reply.send(outcome);
                }
            }
        }
    }
}
