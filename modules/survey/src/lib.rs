//! The survey module: surveys of a project (draft → open → closed, reopened by a project
//! admin, closing by themselves at their time), questions of six kinds (single and multiple
//! choice, rating, number, free text, and pledges: "I commit N units if at least M people or
//! T units commit") with optional questions and conditions, one editable or withdrawable
//! response per member, capped options, anonymous surveys, results shown by the survey's
//! visibility, live result watches and CSV exports (`orbit.survey.v1.SurveyService`).
//!
//! It owns the encrypted database `survey` (`stored.rs` has the layout: responses are keyed
//! by a blind index, never an account id) and the view `survey/results` (`results_view.rs`).
//! Its database has no public change feed: responses and tallies leave the module only
//! through its own RPCs, which enforce visibility. It depends on orbit-module (and the
//! crates under it) only, never on another module. [`SurveyModule`] is how the server's
//! registry builds it.

mod answers;
mod define;
mod error;
mod export;
mod responses;
mod results;
mod results_view;
mod service;
mod stored;
mod survey;
mod surveys;
mod tally;
mod watch;

#[cfg(test)]
mod tests;

use std::sync::Arc;

use async_trait::async_trait;
use orbit_cdc::codec::{DatabaseCodec, ValueCodec};
use orbit_module::{
    Built, Manifest, Module, ModuleContext, ModuleError, Page, PageData, PageView, Service,
};
use orbit_proto::orbit::survey::v1::survey_service_server::SurveyServiceServer;

pub use define::Definition;
pub use error::{SurveyError, status};
pub use export::CsvChunks;
pub use results_view::{RESULTS, ResultsView, results_view_id};
pub use service::SurveyApi;
pub use stored::SURVEY;
pub use survey::{Surveys, effective_state};
pub use tally::{QuestionTally, Tally, render, threshold_reached};
pub use watch::ResultsEvents;

/// The survey module, as the registry builds it.
#[derive(Debug, Default)]
pub struct SurveyModule;

#[async_trait]
impl Module for SurveyModule {
    fn manifest(&self) -> Manifest {
        Manifest {
            name: SURVEY,
            version: env!("CARGO_PKG_VERSION"),
            description: "surveys, pledges and live results per project",
            services: vec!["orbit.survey.v1.SurveyService"],
            views: vec![RESULTS],
            pages: vec![
                Page {
                    name: "surveys",
                    route: "/p/:project/surveys",
                    title_id: "survey-title",
                    in_nav: true,
                    view: PageView::Card {
                        template: include_str!("../cards/surveys.json"),
                        data: vec![PageData {
                            name: "surveys",
                            method: "orbit.survey.v1.SurveyService/ListSurveys",
                            request: r#"{"projectId":"{project}"}"#,
                        }],
                    },
                },
                // Designing, answering and live results with charts are hand-written.
                Page::hand_written(
                    "survey",
                    "/p/:project/surveys/:survey",
                    "survey-title",
                    false,
                ),
            ],
            // Responses must not reach project members through FeedService: results are
            // shown only as the survey's visibility allows, by this module's RPCs.
            has_feed: false,
        }
    }

    /// Surveys and responses are protobuf (`orbit.survey.v1`), counters JSON (`stored.rs`).
    fn codec(&self) -> DatabaseCodec {
        DatabaseCodec::uniform(ValueCodec::Json)
            .with(
                stored::SURVEYS,
                ValueCodec::Protobuf("orbit.survey.v1.Survey".into()),
            )
            .with(
                stored::RESPONSES,
                ValueCodec::Protobuf("orbit.survey.v1.Response".into()),
            )
    }

    async fn build(&self, context: ModuleContext) -> Result<Built, ModuleError> {
        context
            .views
            .register(Arc::new(ResultsView::default()))
            .await
            .map_err(|e| ModuleError::failed(SURVEY, e))?;
        let surveys = Surveys::new(
            context.database,
            context.identity,
            context.feeds,
            context.views,
        );
        Ok(Built {
            services: vec![Service::new(SurveyServiceServer::new(SurveyApi::new(
                surveys,
            )))],
            parts: Vec::new(),
        })
    }
}
