//! The results view (`survey/results`): one row per survey holding its [`Tally`], folded
//! from the survey database's response writes by the view engine (rows and checkpoint in
//! one transaction, so no response counts twice or not at all).
//!
//! Row (in the `views` database, addressed by the keyed blind index of its group):
//! `["survey", project, survey]` → `{"tally": …}`. The view keeps each response's last
//! contribution (the response as stored, under its blind-index key: no account id) in its
//! private table `resp`, so an edit takes back the old answers before adding the new, and a
//! withdrawal (a delete) takes them back. The view's rows are never served as such: its id
//! belongs to the module, not to a project, so ViewService cannot name it; the service
//! reads a row with `ViewEngine::row` and shows it only when the survey's visibility allows.

use async_trait::async_trait;
use orbit_cdc::view::{Row, View, ViewError, ViewId, ViewWriter};
use orbit_proto::orbit::survey::v1 as pb;
use orbit_system::store::{ChangeEvent, ChangeOp, EventScope};
use prost::Message as _;
use serde_json::{Value, json};

use crate::stored::{ENTITY_RESPONSE, RESPONSES, SURVEY};
use crate::tally::Tally;

/// The view's name.
pub const RESULTS: &str = "results";

/// The view's id: owned by the module, over every project of its database.
pub fn results_view_id() -> ViewId {
    ViewId::new(SURVEY, RESULTS)
}

/// The group of a survey's row.
pub(crate) fn survey_group(project_id: &str, survey_id: &str) -> Value {
    json!(["survey", project_id, survey_id])
}

/// The results view over the `survey` database.
#[derive(Debug)]
pub struct ResultsView {
    id: ViewId,
}

impl Default for ResultsView {
    fn default() -> Self {
        ResultsView {
            id: results_view_id(),
        }
    }
}

#[async_trait]
impl View for ResultsView {
    fn id(&self) -> &ViewId {
        &self.id
    }

    fn org_id(&self) -> &str {
        ""
    }

    fn source_database(&self) -> &str {
        SURVEY
    }

    /// Response writes; a snapshot fold names its records by keyspace (`resp`) instead.
    fn accepts(&self, scope: Option<&EventScope>) -> bool {
        scope.is_some_and(|s| s.entity == ENTITY_RESPONSE || s.entity == RESPONSES)
    }

    /// Folding is idempotent per response key (a response's new value replaces what it
    /// contributed), so the view can be rebuilt from the current responses when the log it
    /// would fold was pruned.
    fn snapshot(&self) -> Option<(String, Vec<u8>)> {
        Some((RESPONSES.to_owned(), Vec::new()))
    }

    async fn apply(
        &self,
        event: &ChangeEvent,
        writer: &mut ViewWriter<'_>,
    ) -> Result<(), ViewError> {
        if event.keyspace != RESPONSES {
            return Ok(());
        }
        let key = String::from_utf8_lossy(&event.key).into_owned();
        let mut parts = key.splitn(3, '/');
        let (Some(project), Some(survey), Some(_)) = (parts.next(), parts.next(), parts.next())
        else {
            return Err(corrupt(&event.key, "not <project>/<survey>/<respondent>"));
        };
        let group = survey_group(project, survey);
        let mut tally: Tally = match writer.row_state(&group).await? {
            Some(state) => serde_json::from_value(state).map_err(|e| corrupt(&event.key, e))?,
            None => Tally::default(),
        };
        if let Some(previous) = writer.get(RESPONSES, &event.key).await? {
            let previous =
                pb::Response::decode(previous.as_slice()).map_err(|e| corrupt(&event.key, e))?;
            tally.apply(&previous, false);
        }
        match (event.op, &event.value) {
            (ChangeOp::Put, Some(value)) => {
                let response =
                    pb::Response::decode(value.as_slice()).map_err(|e| corrupt(&event.key, e))?;
                tally.apply(&response, true);
                writer.put(RESPONSES, &event.key, value.clone())?;
            }
            _ => writer.delete(RESPONSES, &event.key)?,
        }
        let state = serde_json::to_value(&tally).expect("tally encodes");
        let mut values = serde_json::Map::new();
        values.insert("tally".into(), state.clone());
        writer
            .put_row_with_state(Row { group, values }, Some(state))
            .await
    }
}

/// The tally in a row of the view (none: no response yet).
pub(crate) fn tally_of(row: Option<Row>) -> Result<Tally, ViewError> {
    match row.and_then(|mut row| row.values.remove("tally")) {
        Some(value) => serde_json::from_value(value).map_err(|e| ViewError::Corrupt {
            view: results_view_id().to_string(),
            what: "row".into(),
            reason: e.to_string(),
        }),
        None => Ok(Tally::default()),
    }
}

fn corrupt(key: &[u8], reason: impl std::fmt::Display) -> ViewError {
    ViewError::Corrupt {
        view: results_view_id().to_string(),
        what: format!("response {}", String::from_utf8_lossy(key)),
        reason: reason.to_string(),
    }
}
