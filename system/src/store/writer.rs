//! The group committer: one task per store that takes every write that arrived while the
//! previous commit ran and commits them together in one database transaction. Each caller
//! still gets its own receipt (or its own conflict), so throughput under concurrency is not
//! capped at one transaction per write.
//!
//! This task never touches SQL or keys: it only groups sealed transactions and hands each
//! group to the backend.

use std::sync::Arc;

use tokio::sync::{mpsc, oneshot};

use crate::store::StoreError;
use crate::store::backend::Backend;
use crate::store::batch::SealedTxn;
use crate::store::heads::Heads;
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
        heads: Arc<Heads>,
        max_group: usize,
    ) -> (Writer, tokio::task::JoinHandle<()>) {
        let (jobs, receiver) = mpsc::channel(max_group.max(1) * 4);
        let handle = tokio::spawn(run(backend, clock, heads, receiver, max_group.max(1)));
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

/// Most times the committer yields to let a group fill before committing it.
const MAX_FILL_YIELDS: usize = 8;

async fn run(
    backend: Arc<dyn Backend>,
    clock: Arc<Hlc>,
    heads: Arc<Heads>,
    mut receiver: mpsc::Receiver<Job>,
    max_group: usize,
) {
    let mut jobs: Vec<Job> = Vec::with_capacity(max_group);
    while receiver.recv_many(&mut jobs, max_group).await > 0 {
        fill(&mut receiver, &mut jobs, max_group).await;
        let (txns, replies): (Vec<SealedTxn>, Vec<_>) =
            jobs.drain(..).map(|job| (job.txn, job.reply)).unzip();
        match backend.commit_batch(&txns, &clock).await {
            Ok(outcomes) => {
                for ((txn, reply), outcome) in txns.iter().zip(replies).zip(outcomes) {
                    signal(&heads, txn, &outcome);
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
                // so every caller gets its own outcome. Planning only borrows the batch, so it
                // is intact.
                tracing::warn!(%error, group = txns.len(), "group commit failed; committing its transactions one by one");
                for (txn, reply) in txns.into_iter().zip(replies) {
                    let single = std::slice::from_ref(&txn);
                    let outcome = match backend.commit_batch(single, &clock).await {
                        Ok(mut outcomes) => outcomes.pop().unwrap_or(Err(StoreError::Closed)),
                        Err(error) => Err(error),
                    };
                    signal(&heads, &txn, &outcome);
                    let _ = reply.send(outcome);
                }
            }
        }
    }
}

/// Tells followers of the database that `txn` committed its events.
fn signal(heads: &Heads, txn: &SealedTxn, outcome: &Result<Receipt, StoreError>) {
    if let Ok(receipt) = outcome {
        if let Some(seq) = receipt.versions.iter().flatten().max() {
            heads.advance(&txn.database, *seq);
        }
    }
}

/// Lets writers that are already runnable enqueue before the group closes. The first job
/// usually arrives alone: replying to the previous group woke every waiting writer, and the
/// first of them to send its next job wakes this task ahead of the others (tokio runs the
/// woken task next). Yielding puts this task behind them; it keeps yielding while the queue
/// grows, a bounded number of times, then takes everything queued. A lone writer costs one
/// yield.
async fn fill(receiver: &mut mpsc::Receiver<Job>, jobs: &mut Vec<Job>, max_group: usize) {
    for _ in 0..MAX_FILL_YIELDS {
        if jobs.len() + receiver.len() >= max_group {
            break;
        }
        let queued = receiver.len();
        tokio::task::yield_now().await;
        if receiver.len() == queued {
            break;
        }
    }
    while jobs.len() < max_group {
        match receiver.try_recv() {
            Ok(job) => jobs.push(job),
            Err(_) => break,
        }
    }
}
