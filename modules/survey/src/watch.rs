//! Live results: `WatchResults` follows the survey change feed (`Feeds::follow`, filtered
//! to the survey's project before anything is decrypted, then to this survey's keys), and
//! after each write of the survey or one of its responses waits for the results view to
//! fold it, then sends the results if they changed. A tick every [`TICK`] re-reads them
//! too, so a survey that closes by its time (lazily, `survey.rs`) reveals its results to an
//! "after close" watcher within a tick, and heartbeats carry the survey's state.
//!
//! Visibility is the same check as `GetResults` ([`Surveys::results_for`]): while it hides
//! the results, the watcher gets heartbeats only, never a tally.

use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use futures::{Stream, StreamExt};
use orbit_cdc::feed::{FeedItem, Interest, ScopeFilter, Start};
use orbit_proto::orbit::survey::v1 as pb;
use orbit_system::identity::RequestContext;
use orbit_system::store::EventScope;
use tokio::sync::mpsc;

use crate::error::SurveyError;
use crate::stored::{ENTITY_RESPONSE, ENTITY_SURVEY, SURVEY, survey_key, survey_prefix};
use crate::survey::Surveys;

/// How often a watch re-reads the survey without a write.
const TICK: Duration = Duration::from_secs(1);

/// A stream of results updates (or the error that ended it).
pub type ResultsEvents =
    Pin<Box<dyn Stream<Item = Result<pb::WatchResultsResponse, SurveyError>> + Send>>;

impl Surveys {
    /// `SurveyService.WatchResults`: results whenever they change and the caller may see
    /// them, heartbeats otherwise, until the client goes away or the feed ends.
    pub async fn watch(
        &self,
        caller: &RequestContext,
        project_id: &str,
        survey_id: &str,
        heartbeat: Duration,
    ) -> Result<ResultsEvents, SurveyError> {
        let survey = self.visible(caller, project_id, survey_id).await?;
        let account = caller.require()?.account_id.clone();
        let filter: ScopeFilter = {
            let project = survey.project_id.clone();
            Arc::new(move |scope: Option<&EventScope>| {
                scope.is_some_and(|s| {
                    s.project_id == project
                        && (s.entity == ENTITY_RESPONSE || s.entity == ENTITY_SURVEY)
                })
            })
        };
        let interest = Interest::Entities {
            project_id: survey.project_id.clone(),
            entities: vec![ENTITY_RESPONSE.to_owned(), ENTITY_SURVEY.to_owned()],
        };
        let mut items = Box::pin(
            self.feeds
                .follow(&account, SURVEY, Start::Now, interest, filter, heartbeat)
                .await?,
        );
        let (tx, rx) = mpsc::channel(16);
        let this = self.clone();
        let caller = caller.clone();
        let own_key = survey_key(&survey.project_id, &survey.id).into_bytes();
        let prefix = survey_prefix(&survey.project_id, &survey.id).into_bytes();
        tokio::spawn(async move {
            let mut last: Option<pb::Results> = None;
            let mut tick = tokio::time::interval(TICK);
            let mut since_sent = tokio::time::Instant::now();
            loop {
                tokio::select! {
                    _ = tx.closed() => return,
                    _ = tick.tick() => {}
                    item = items.next() => match item {
                        Some(Ok(FeedItem::Event(event))) => {
                            if event.key != own_key && !event.key.starts_with(&prefix) {
                                continue;
                            }
                        }
                        Some(Ok(FeedItem::Heartbeat { .. })) => {}
                        Some(Err(error)) => {
                            let _ = tx.send(Err(SurveyError::Feed(error))).await;
                            return;
                        }
                        None => return,
                    },
                }
                let message = match this.current(&caller, &survey.project_id, &survey.id).await {
                    Ok((_, Some(results))) if last.as_ref() != Some(&results) => {
                        last = Some(results.clone());
                        pb::watch_results_response::Kind::Results(results)
                    }
                    Ok((state, _)) => {
                        if since_sent.elapsed() < heartbeat {
                            continue;
                        }
                        pb::watch_results_response::Kind::Heartbeat(state as i32)
                    }
                    Err(error) => {
                        let _ = tx.send(Err(error)).await;
                        return;
                    }
                };
                since_sent = tokio::time::Instant::now();
                let item = pb::WatchResultsResponse {
                    kind: Some(message),
                };
                if tx.send(Ok(item)).await.is_err() {
                    return;
                }
            }
        });
        tracing::debug!(survey_id = %survey_id, "results watch started");
        let events = futures::stream::unfold(rx, |mut rx| async move {
            rx.recv().await.map(|item| (item, rx))
        });
        Ok(Box::pin(events))
    }

    /// The survey's effective state, and its results if the caller may see them now.
    async fn current(
        &self,
        caller: &RequestContext,
        project_id: &str,
        survey_id: &str,
    ) -> Result<(pb::SurveyState, Option<pb::Results>), SurveyError> {
        let survey = self.visible(caller, project_id, survey_id).await?;
        let state = pb::SurveyState::try_from(survey.state).unwrap_or_default();
        match self.results_for(caller, &survey).await {
            Ok(results) => Ok((state, Some(results))),
            Err(SurveyError::FailedPrecondition { .. }) => Ok((state, None)),
            Err(error) => Err(error),
        }
    }
}
