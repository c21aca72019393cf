//! The handler of `orbit.survey.v1.SurveyService`: thin. The auth layer has checked the
//! declared project role; each handler takes the caller's context, calls [`Surveys`]
//! (which checks survey rules and owns the logic) and maps errors through
//! [`crate::error::status`].

use std::pin::Pin;
use std::sync::Arc;

use futures::{Stream, StreamExt};
use orbit_cdc::server::heartbeat;
use orbit_proto::orbit::survey::v1 as pb;
use orbit_proto::orbit::survey::v1::survey_service_server::SurveyService;
use orbit_system::server::context;
use tonic::{Request, Response, Status};

use crate::define::Definition;
use crate::error::{SurveyError, status};
use crate::survey::Surveys;

/// Serves `orbit.survey.v1.SurveyService`.
#[derive(Debug, Clone)]
pub struct SurveyApi {
    surveys: Surveys,
}

impl SurveyApi {
    pub fn new(surveys: Surveys) -> SurveyApi {
        SurveyApi { surveys }
    }
}

fn ok<T>(result: Result<T, SurveyError>) -> Result<Response<T>, Status> {
    result.map(Response::new).map_err(status)
}

type Streamed<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send + 'static>>;

#[tonic::async_trait]
impl SurveyService for SurveyApi {
    type WatchResultsStream = Streamed<pb::WatchResultsResponse>;
    type ExportResponsesStream = Streamed<pb::ExportResponsesResponse>;

    /// `SurveyService.CreateSurvey`.
    #[tracing::instrument(skip_all)]
    async fn create_survey(
        &self,
        request: Request<pb::CreateSurveyRequest>,
    ) -> Result<Response<pb::CreateSurveyResponse>, Status> {
        let caller = context(&request);
        let r = request.into_inner();
        let definition = Definition {
            title: r.title,
            description: r.description,
            closes_at_ms: r.closes_at_ms,
            anonymous: r.anonymous,
            visibility: r.visibility,
            questions: r.questions,
        };
        ok(self
            .surveys
            .create(&caller, &r.project_id, definition)
            .await
            .map(|survey| pb::CreateSurveyResponse {
                survey: Some(survey),
            }))
    }

    /// `SurveyService.UpdateSurvey`.
    #[tracing::instrument(skip_all)]
    async fn update_survey(
        &self,
        request: Request<pb::UpdateSurveyRequest>,
    ) -> Result<Response<pb::UpdateSurveyResponse>, Status> {
        let caller = context(&request);
        let r = request.into_inner();
        let definition = Definition {
            title: r.title,
            description: r.description,
            closes_at_ms: r.closes_at_ms,
            anonymous: r.anonymous,
            visibility: r.visibility,
            questions: r.questions,
        };
        ok(self
            .surveys
            .update(
                &caller,
                &r.project_id,
                &r.survey_id,
                r.expected_version,
                definition,
            )
            .await
            .map(|survey| pb::UpdateSurveyResponse {
                survey: Some(survey),
            }))
    }

    /// `SurveyService.OpenSurvey`.
    #[tracing::instrument(skip_all)]
    async fn open_survey(
        &self,
        request: Request<pb::OpenSurveyRequest>,
    ) -> Result<Response<pb::OpenSurveyResponse>, Status> {
        let caller = context(&request);
        let r = request.into_inner();
        ok(self
            .surveys
            .open(&caller, &r.project_id, &r.survey_id, r.closes_at_ms)
            .await
            .map(|survey| pb::OpenSurveyResponse {
                survey: Some(survey),
            }))
    }

    /// `SurveyService.CloseSurvey`.
    #[tracing::instrument(skip_all)]
    async fn close_survey(
        &self,
        request: Request<pb::CloseSurveyRequest>,
    ) -> Result<Response<pb::CloseSurveyResponse>, Status> {
        let caller = context(&request);
        let r = request.into_inner();
        ok(self
            .surveys
            .close(&caller, &r.project_id, &r.survey_id)
            .await
            .map(|survey| pb::CloseSurveyResponse {
                survey: Some(survey),
            }))
    }

    /// `SurveyService.GetSurvey`.
    #[tracing::instrument(skip_all)]
    async fn get_survey(
        &self,
        request: Request<pb::GetSurveyRequest>,
    ) -> Result<Response<pb::GetSurveyResponse>, Status> {
        let caller = context(&request);
        let r = request.into_inner();
        ok(self
            .surveys
            .get(&caller, &r.project_id, &r.survey_id)
            .await
            .map(|(survey, my_response)| pb::GetSurveyResponse {
                survey: Some(survey),
                my_response,
            }))
    }

    /// `SurveyService.ListSurveys`.
    #[tracing::instrument(skip_all)]
    async fn list_surveys(
        &self,
        request: Request<pb::ListSurveysRequest>,
    ) -> Result<Response<pb::ListSurveysResponse>, Status> {
        let caller = context(&request);
        let r = request.into_inner();
        ok(self
            .surveys
            .list(&caller, &r.project_id)
            .await
            .map(|surveys| pb::ListSurveysResponse { surveys }))
    }

    /// `SurveyService.SubmitResponse`.
    #[tracing::instrument(skip_all)]
    async fn submit_response(
        &self,
        request: Request<pb::SubmitResponseRequest>,
    ) -> Result<Response<pb::SubmitResponseResponse>, Status> {
        let caller = context(&request);
        let r = request.into_inner();
        ok(self
            .surveys
            .submit(&caller, &r.project_id, &r.survey_id, r.answers)
            .await
            .map(|response| pb::SubmitResponseResponse {
                response: Some(response),
            }))
    }

    /// `SurveyService.WithdrawResponse`.
    #[tracing::instrument(skip_all)]
    async fn withdraw_response(
        &self,
        request: Request<pb::WithdrawResponseRequest>,
    ) -> Result<Response<pb::WithdrawResponseResponse>, Status> {
        let caller = context(&request);
        let r = request.into_inner();
        ok(self
            .surveys
            .withdraw(&caller, &r.project_id, &r.survey_id)
            .await
            .map(|()| pb::WithdrawResponseResponse {}))
    }

    /// `SurveyService.GetResults`.
    #[tracing::instrument(skip_all)]
    async fn get_results(
        &self,
        request: Request<pb::GetResultsRequest>,
    ) -> Result<Response<pb::GetResultsResponse>, Status> {
        let caller = context(&request);
        let r = request.into_inner();
        ok(self
            .surveys
            .results(&caller, &r.project_id, &r.survey_id)
            .await
            .map(|results| pb::GetResultsResponse {
                results: Some(results),
            }))
    }

    /// `SurveyService.WatchResults`.
    #[tracing::instrument(skip_all)]
    async fn watch_results(
        &self,
        request: Request<pb::WatchResultsRequest>,
    ) -> Result<Response<Self::WatchResultsStream>, Status> {
        let caller = context(&request);
        let principal = Arc::new(
            caller
                .require()
                .map_err(orbit_system::server::status::identity_status)?
                .clone(),
        );
        let r = request.into_inner();
        let heartbeat = heartbeat(r.heartbeat_seconds)?;
        let events = self
            .surveys
            .watch(&caller, &r.project_id, &r.survey_id, heartbeat)
            .await
            .map_err(status)?;
        // A member who loses the project stops receiving at once.
        let events = orbit_cdc::server::end_when_revoked(
            events.map(|item| item.map_err(status)),
            self.surveys.identity.clone(),
            principal,
            Some(r.project_id),
            || {},
        );
        Ok(Response::new(Box::pin(events)))
    }

    /// `SurveyService.ExportResponses`.
    #[tracing::instrument(skip_all)]
    async fn export_responses(
        &self,
        request: Request<pb::ExportResponsesRequest>,
    ) -> Result<Response<Self::ExportResponsesStream>, Status> {
        let caller = context(&request);
        let r = request.into_inner();
        let chunks = self
            .surveys
            .export(&caller, &r.project_id, &r.survey_id)
            .await
            .map_err(status)?;
        let chunks = chunks.map(|chunk| {
            chunk
                .map(|chunk| pb::ExportResponsesResponse { chunk })
                .map_err(status)
        });
        Ok(Response::new(Box::pin(chunks)))
    }
}
