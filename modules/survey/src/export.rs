//! CSV export of a survey's responses (`ExportResponses`, project admins): a header row,
//! then one row per response, streamed in chunks of at most [`PAGE`] responses read a scan
//! page at a time (so memory does not grow with the survey). Rows come in respondent-key
//! order, which is blind-index order, not submission order.
//!
//! Free-text cells that a spreadsheet would take for a formula are prefixed with `'`.
//! An anonymous survey's export names no respondent: no `respondent_id` column and no
//! submission time (a time could single a person out); its rows are answers only. An
//! "after close" survey cannot be exported before it closes (its rows would give the tally
//! away early).

use std::pin::Pin;

use futures::Stream;
use orbit_proto::orbit::survey::v1 as pb;
use orbit_system::identity::RequestContext;
use pb::answer::Value;

use crate::error::SurveyError;
use crate::results::hidden_because;
use crate::stored::{RESPONSES, decode_pb, survey_prefix};
use crate::survey::Surveys;

/// Responses per chunk.
const PAGE: u32 = 200;

/// A stream of CSV chunks (or the error that ended it).
pub type CsvChunks = Pin<Box<dyn Stream<Item = Result<Vec<u8>, SurveyError>> + Send>>;

/// Where an export is.
struct Cursor {
    surveys: Surveys,
    survey: pb::Survey,
    after: Option<Vec<u8>>,
    header: bool,
    done: bool,
}

impl Surveys {
    /// `SurveyService.ExportResponses`.
    #[tracing::instrument(skip_all, fields(%project_id, %survey_id))]
    pub async fn export(
        &self,
        caller: &RequestContext,
        project_id: &str,
        survey_id: &str,
    ) -> Result<CsvChunks, SurveyError> {
        let survey = self.visible(caller, project_id, survey_id).await?;
        if pb::ResultsVisibility::try_from(survey.visibility)
            == Ok(pb::ResultsVisibility::AfterClose)
        {
            if let Some(reason) = hidden_because(&survey, false) {
                return Err(SurveyError::precondition("survey_id", reason));
            }
        }
        tracing::info!(anonymous = survey.anonymous, "responses exported");
        let cursor = Cursor {
            surveys: self.clone(),
            survey,
            after: None,
            header: true,
            done: false,
        };
        Ok(Box::pin(futures::stream::unfold(
            cursor,
            |mut cursor| async move {
                if cursor.done {
                    return None;
                }
                let chunk = cursor.next_chunk().await;
                if chunk.is_err() {
                    cursor.done = true;
                }
                Some((chunk, cursor))
            },
        )))
    }
}

impl Cursor {
    async fn next_chunk(&mut self) -> Result<Vec<u8>, SurveyError> {
        let mut out = csv::Writer::from_writer(Vec::new());
        if std::mem::take(&mut self.header) {
            out.write_record(header(&self.survey)).map_err(csv_error)?;
        }
        let prefix = survey_prefix(&self.survey.project_id, &self.survey.id);
        let page = self
            .surveys
            .db
            .scan(RESPONSES, prefix.as_bytes(), self.after.as_deref(), PAGE)
            .await?;
        for record in &page.records {
            let response: pb::Response = decode_pb("response", &record.key, &record.value)?;
            out.write_record(row(&self.survey, &response))
                .map_err(csv_error)?;
        }
        match page.next {
            Some(next) => self.after = Some(next),
            None => self.done = true,
        }
        out.into_inner()
            .map_err(|e| SurveyError::corrupt("export", &self.survey.id, e))
    }
}

/// A free-text cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or
/// carriage return first) starts with `'` instead, so opening an export runs nothing.
fn defused(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

fn csv_error(error: csv::Error) -> SurveyError {
    SurveyError::corrupt("export", "csv", error)
}

/// The header: respondent and time (named surveys only), then each question's id.
pub(crate) fn header(survey: &pb::Survey) -> Vec<String> {
    let mut columns = Vec::new();
    if !survey.anonymous {
        columns.push("respondent_id".to_owned());
        columns.push("submitted_at_ms".to_owned());
    }
    columns.extend(survey.questions.iter().map(|q| q.id.clone()));
    columns
}

/// One response's row, in the header's columns (an unanswered question is empty; picks
/// are choice ids joined by `;`).
pub(crate) fn row(survey: &pb::Survey, response: &pb::Response) -> Vec<String> {
    let mut cells = Vec::new();
    if !survey.anonymous {
        cells.push(response.respondent_id.clone());
        cells.push(response.submitted_at_ms.to_string());
    }
    for question in &survey.questions {
        let answer = response
            .answers
            .iter()
            .find(|a| a.question_id == question.id);
        cells.push(match answer.and_then(|a| a.value.as_ref()) {
            None => String::new(),
            Some(Value::Choices(picks)) => picks.choice_ids.join(";"),
            Some(Value::Rating(r)) => r.to_string(),
            Some(Value::Number(x)) => x.to_string(),
            Some(Value::Text(text)) => defused(text),
            Some(Value::Pledge(units)) => units.to_string(),
        });
    }
    cells
}

#[cfg(test)]
mod unit {
    use super::defused;

    #[test]
    fn formulas_are_defused() {
        assert_eq!(defused("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defused("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(defused("fine = good"), "fine = good");
    }
}
