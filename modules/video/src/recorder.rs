//! The module's background part: records in the history when participants left without
//! saying so (their stream was dropped, they never connected, they were too slow), and runs
//! the presence reaper every [`REAP_EVERY`]. At start it closes the attendances an earlier
//! process left open (it stopped without recording them: a crash). Explicit leaves and closes are recorded by their
//! own call instead, so their caller sees the history at once.

use std::time::Instant;

use orbit_system::identity::RequestContext;
use tokio::sync::watch;

use crate::presence::{Departure, REAP_EVERY};
use crate::video::{Departures, Video};

/// Departures recorded in one transaction at most.
const BATCH: usize = 256;

/// Runs until `stop` turns `true`, then records what is still waiting.
pub(crate) async fn run(video: Video, mut departures: Departures, mut stop: watch::Receiver<bool>) {
    match video.close_stale_attendances().await {
        Ok(0) => {}
        Ok(closed) => tracing::info!(closed, "attendances left open by an earlier process closed"),
        Err(error) => {
            tracing::warn!(%error, "open attendances of an earlier process could not be closed")
        }
    }
    let mut reap = tokio::time::interval(REAP_EVERY);
    reap.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        if *stop.borrow_and_update() {
            break;
        }
        tokio::select! {
            changed = stop.changed() => {
                if changed.is_err() {
                    break;
                }
            }
            _ = reap.tick() => {
                video.presence.reap(Instant::now());
            }
            received = departures.0.recv() => {
                let Some(first) = received else { break };
                let mut batch = vec![first];
                while batch.len() < BATCH {
                    match departures.0.try_recv() {
                        Ok(next) => batch.push(next),
                        Err(_) => break,
                    }
                }
                record(&video, batch).await;
            }
        }
    }
    let mut rest = Vec::new();
    while let Ok(next) = departures.0.try_recv() {
        rest.push(next);
    }
    record(&video, rest).await;
}

/// Records departures, one transaction per project.
async fn record(video: &Video, mut batch: Vec<Departure>) {
    batch.sort_by(|a, b| a.scope.project_id.cmp(&b.scope.project_id));
    for group in batch.chunk_by(|a, b| a.scope.project_id == b.scope.project_id) {
        if let Err(error) = video.record(&RequestContext::default(), group).await {
            tracing::warn!(%error, count = group.len(), "departures from calls could not be recorded");
        }
    }
}
