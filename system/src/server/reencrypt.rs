//! The background re-encryption worker: after a key rotation, moves records and change events
//! still sealed with an older data key version to the current one, a batch at a time.
//!
//! It only drives [`Store::reencrypt_step`], which is resumable (progress is the key version
//! stored with each row), so stopping the worker between steps loses nothing. It never stops
//! in the middle of a step.

use std::time::{Duration, Instant};

use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::store::Store;

/// How often to log progress while a long re-encryption runs.
const PROGRESS_EVERY: Duration = Duration::from_secs(5);

/// A running re-encryption worker. Stop it with [`Reencryptor::stop`] before closing the store.
#[derive(Debug)]
pub struct Reencryptor {
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl Reencryptor {
    /// Starts the worker: every `every`, it re-encrypts `batch` rows per database and step
    /// until nothing is left.
    pub fn spawn(store: Store, every: Duration, batch: u32) -> Reencryptor {
        let (stop, stopped) = watch::channel(false);
        let task = tokio::spawn(run(store, every, batch, stopped));
        Reencryptor { stop, task }
    }

    /// Asks the worker to stop after its current step and waits for it.
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        if let Err(error) = self.task.await {
            tracing::error!(%error, "re-encryption worker ended abnormally");
        }
    }
}

async fn run(store: Store, every: Duration, batch: u32, mut stopped: watch::Receiver<bool>) {
    let mut ticks = tokio::time::interval(every);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = ticks.tick() => {}
            _ = stopped.changed() => return,
        }
        if !drain(&store, batch, &stopped).await {
            return;
        }
    }
}

/// Re-encrypts until nothing is stale, an error occurs, or a stop is asked for. Returns
/// `false` when asked to stop.
async fn drain(store: &Store, batch: u32, stopped: &watch::Receiver<bool>) -> bool {
    let started = Instant::now();
    let mut last_report = started;
    let mut moved = 0u64;
    loop {
        if *stopped.borrow() {
            if moved > 0 {
                tracing::info!(
                    moved,
                    "re-encryption paused for shutdown; it resumes on the next start"
                );
            }
            return false;
        }
        match store.reencrypt_step(batch).await {
            Ok(0) => {
                if moved > 0 {
                    tracing::info!(
                        moved,
                        elapsed_ms = started.elapsed().as_millis() as u64,
                        "re-encryption finished"
                    );
                }
                return true;
            }
            Ok(step) => {
                if moved == 0 {
                    tracing::info!("re-encrypting records sealed with an older key version");
                }
                moved += step;
                if last_report.elapsed() >= PROGRESS_EVERY {
                    tracing::info!(moved, "re-encryption in progress");
                    last_report = Instant::now();
                }
            }
            Err(error) => {
                tracing::warn!(%error, moved, "re-encryption step failed; retrying later");
                return true;
            }
        }
    }
}
