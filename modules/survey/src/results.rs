//! Results by visibility: `GetResults` reads the survey's row of the results view
//! (`ViewEngine::row`) and renders it, but only when the survey's visibility allows the
//! caller to see it now: live (always), after answer (once the caller has a response, and
//! for everyone once closed) or after close. The check is the server's, in one place
//! ([`Surveys::results_for`]), which `WatchResults` goes through as well, so no RPC or
//! stream shows a tally early.

use orbit_proto::orbit::survey::v1 as pb;
use orbit_system::identity::RequestContext;

use crate::error::SurveyError;
use crate::results_view::{results_view_id, survey_group, tally_of};
use crate::survey::{Surveys, now_ms};

/// Why results are hidden from a caller now (`None`: they are visible).
pub(crate) fn hidden_because(survey: &pb::Survey, answered: bool) -> Option<&'static str> {
    let closed = survey.state == pb::SurveyState::Closed as i32;
    match pb::ResultsVisibility::try_from(survey.visibility) {
        Ok(pb::ResultsVisibility::AfterClose) if !closed => {
            Some("results of this survey are shown only after it closes")
        }
        Ok(pb::ResultsVisibility::AfterAnswer) if !closed && !answered => {
            Some("results of this survey are shown once you have answered")
        }
        _ => None,
    }
}

impl Surveys {
    /// `SurveyService.GetResults`.
    #[tracing::instrument(skip_all, fields(%project_id, %survey_id))]
    pub async fn results(
        &self,
        caller: &RequestContext,
        project_id: &str,
        survey_id: &str,
    ) -> Result<pb::Results, SurveyError> {
        let survey = self.visible(caller, project_id, survey_id).await?;
        self.results_for(caller, &survey).await
    }

    /// The results of `survey` (read with its effective state) if the caller may see them
    /// now, else `FailedPrecondition` saying when they will.
    pub(crate) async fn results_for(
        &self,
        caller: &RequestContext,
        survey: &pb::Survey,
    ) -> Result<pb::Results, SurveyError> {
        let answered = self.own_response(caller, survey).await?.is_some();
        if let Some(reason) = hidden_because(survey, answered) {
            return Err(SurveyError::precondition("survey_id", reason));
        }
        self.settle().await?;
        let row = self
            .views
            .row(
                &results_view_id(),
                &survey_group(&survey.project_id, &survey.id),
            )
            .await?;
        let tally = tally_of(row)?;
        let state = crate::survey::effective_state(survey, now_ms());
        Ok(crate::tally::render(survey, &tally, state))
    }

    /// Waits (up to [`SETTLE`]) until the results view has folded every write committed
    /// before the call, so a caller reads its own answer; after that, the view as it is.
    pub(crate) async fn settle(&self) -> Result<(), SurveyError> {
        let head = self.db.head().await?;
        let deadline = tokio::time::Instant::now() + SETTLE;
        while self
            .views
            .folded_seq(&results_view_id())
            .await?
            .unwrap_or(0)
            < head
            && tokio::time::Instant::now() < deadline
        {
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        Ok(())
    }
}

/// How long a results read waits for the view to catch up with the writes before it.
const SETTLE: std::time::Duration = std::time::Duration::from_secs(2);
