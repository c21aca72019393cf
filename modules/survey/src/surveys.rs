//! Surveys: create (a draft), update (freely while a draft; once opened only in ways that
//! keep received answers valid, checked against the choice counters in the same
//! transaction), open, close and reopen (project admins, declared in the .proto), get and
//! list (drafts only for project admins).

use orbit_proto::orbit::survey::v1 as pb;
use orbit_system::identity::RequestContext;
use orbit_system::store::{Expect, Transaction, new_id};
use prost::Message as _;

use crate::define::{self, Definition};
use crate::error::SurveyError;
use crate::stored::{
    COUNTERS, ENTITY_SURVEY, SURVEYS, choice_counter_key, decode_counter, survey_key, survey_prefix,
};
use crate::survey::{Surveys, effective_state, is_conflict, now_ms, valid_id};

/// Most surveys one list returns.
const MAX_LIST: u32 = 1000;

impl Surveys {
    /// `SurveyService.CreateSurvey`: a draft.
    #[tracing::instrument(skip_all, fields(%project_id))]
    pub async fn create(
        &self,
        caller: &RequestContext,
        project_id: &str,
        definition: Definition,
    ) -> Result<pb::Survey, SurveyError> {
        let project_id = valid_id("project_id", project_id)?;
        let definition = define::check(definition)?;
        let scope = self.scope(project_id, ENTITY_SURVEY).await?;
        let now = now_ms();
        let mut survey = pb::Survey {
            id: new_id(),
            project_id: project_id.to_owned(),
            state: pb::SurveyState::Draft as i32,
            created_by: caller.require()?.account_id.clone(),
            created_at_ms: now,
            updated_at_ms: now,
            ..Default::default()
        };
        apply(&mut survey, definition);
        let txn = Transaction::new().put_if(
            SURVEYS,
            survey_key(project_id, &survey.id),
            survey.encode_to_vec(),
            Expect::Absent,
        );
        let receipt = self.commit(caller, txn, &scope).await?;
        survey.version = receipt.version().unwrap_or_default();
        tracing::debug!(survey_id = %survey.id, "survey created");
        Ok(survey)
    }

    /// `SurveyService.UpdateSurvey`.
    #[tracing::instrument(skip_all, fields(%project_id, %survey_id))]
    pub async fn update(
        &self,
        caller: &RequestContext,
        project_id: &str,
        survey_id: &str,
        expected_version: u64,
        definition: Definition,
    ) -> Result<pb::Survey, SurveyError> {
        let definition = define::check(definition)?;
        let mut survey = self.load(project_id, survey_id).await?;
        if expected_version != 0 && expected_version != survey.version {
            return Err(SurveyError::precondition(
                "expected_version",
                format!(
                    "survey {survey_id} is at version {}, not {expected_version}",
                    survey.version
                ),
            ));
        }
        let scope = self.scope(&survey.project_id, ENTITY_SURVEY).await?;
        let mut txn = Transaction::new();
        if survey.state != pb::SurveyState::Draft as i32 {
            // Every choice with picks must stay as it is; the counters read here are checked
            // by the commit, so an answer arriving meanwhile makes it fail and retry.
            let prefix = survey_prefix(&survey.project_id, &survey.id);
            let mut answered = std::collections::BTreeSet::new();
            let mut seen = std::collections::BTreeSet::new();
            let mut after: Option<Vec<u8>> = None;
            loop {
                let page = self
                    .db
                    .scan(COUNTERS, prefix.as_bytes(), after.as_deref(), 500)
                    .await?;
                for record in &page.records {
                    txn = txn.check(
                        COUNTERS,
                        record.key.clone(),
                        Expect::Version(record.version),
                    );
                    seen.insert(record.key.clone());
                    if decode_counter(&record.key, &record.value)?.n > 0 {
                        answered.insert(String::from_utf8_lossy(&record.key).into_owned());
                    }
                }
                match page.next {
                    Some(next) => after = Some(next),
                    None => break,
                }
            }
            // A choice nobody picked yet must still have no picks when this commits.
            for question in &survey.questions {
                for choice in choices_of(question) {
                    let key = choice_counter_key(
                        &survey.project_id,
                        &survey.id,
                        &question.id,
                        &choice.id,
                    );
                    if !seen.contains(key.as_bytes()) {
                        txn = txn.check(COUNTERS, key, Expect::Absent);
                    }
                }
            }
            define::check_change(&survey, &definition, |q, c| {
                answered.contains(&choice_counter_key(&survey.project_id, &survey.id, q, c))
            })?;
        }
        let version = survey.version;
        apply(&mut survey, definition);
        survey.updated_at_ms = now_ms();
        self.write(caller, survey, version, txn, &scope).await
    }

    /// `SurveyService.OpenSurvey`: opens a draft or reopens a closed survey.
    #[tracing::instrument(skip_all, fields(%project_id, %survey_id))]
    pub async fn open(
        &self,
        caller: &RequestContext,
        project_id: &str,
        survey_id: &str,
        closes_at_ms: i64,
    ) -> Result<pb::Survey, SurveyError> {
        if closes_at_ms < 0 {
            return Err(SurveyError::invalid(
                "closes_at_ms",
                format!("{closes_at_ms} is negative"),
            ));
        }
        let mut survey = self.load(project_id, survey_id).await?;
        let now = now_ms();
        let state = effective_state(&survey, now);
        if state == pb::SurveyState::Open {
            return Err(SurveyError::precondition(
                "survey_id",
                format!("survey {survey_id} is already open"),
            ));
        }
        if survey.questions.is_empty() {
            return Err(SurveyError::precondition(
                "questions",
                format!("survey {survey_id} has no question to ask"),
            ));
        }
        if closes_at_ms > 0 {
            survey.closes_at_ms = closes_at_ms;
        } else if survey.closes_at_ms > 0 && survey.closes_at_ms <= now {
            // Reopened past its closing time: it closes by hand from now on.
            survey.closes_at_ms = 0;
        }
        if survey.closes_at_ms > 0 && survey.closes_at_ms <= now {
            return Err(SurveyError::invalid(
                "closes_at_ms",
                format!("{} is in the past", survey.closes_at_ms),
            ));
        }
        let scope = self.scope(&survey.project_id, ENTITY_SURVEY).await?;
        let version = survey.version;
        survey.state = pb::SurveyState::Open as i32;
        survey.updated_at_ms = now;
        tracing::info!(reopened = state == pb::SurveyState::Closed, "survey opened");
        self.write(caller, survey, version, Transaction::new(), &scope)
            .await
    }

    /// `SurveyService.CloseSurvey`: closes an open survey (one already past its closing
    /// time is closed for good).
    #[tracing::instrument(skip_all, fields(%project_id, %survey_id))]
    pub async fn close(
        &self,
        caller: &RequestContext,
        project_id: &str,
        survey_id: &str,
    ) -> Result<pb::Survey, SurveyError> {
        let mut survey = self.load(project_id, survey_id).await?;
        match pb::SurveyState::try_from(survey.state) {
            Ok(pb::SurveyState::Open) => {}
            Ok(pb::SurveyState::Closed) => {
                return Err(SurveyError::precondition(
                    "survey_id",
                    format!("survey {survey_id} is already closed"),
                ));
            }
            _ => {
                return Err(SurveyError::precondition(
                    "survey_id",
                    format!("survey {survey_id} is a draft; open it first"),
                ));
            }
        }
        let scope = self.scope(&survey.project_id, ENTITY_SURVEY).await?;
        let version = survey.version;
        let now = now_ms();
        survey.state = pb::SurveyState::Closed as i32;
        if survey.closes_at_ms == 0 || survey.closes_at_ms > now {
            survey.closes_at_ms = now;
        }
        survey.updated_at_ms = now;
        self.write(caller, survey, version, Transaction::new(), &scope)
            .await
    }

    /// `SurveyService.GetSurvey`: the survey and the caller's own response.
    pub async fn get(
        &self,
        caller: &RequestContext,
        project_id: &str,
        survey_id: &str,
    ) -> Result<(pb::Survey, Option<pb::Response>), SurveyError> {
        let survey = self.visible(caller, project_id, survey_id).await?;
        let response = self.own_response(caller, &survey).await?;
        Ok((survey, response))
    }

    /// `SurveyService.ListSurveys`: newest first (ids are ULIDs), drafts only for admins.
    pub async fn list(
        &self,
        caller: &RequestContext,
        project_id: &str,
    ) -> Result<Vec<pb::Survey>, SurveyError> {
        let project_id = valid_id("project_id", project_id)?;
        let admin = self.is_admin(caller, project_id).await?;
        let prefix = format!("{project_id}/");
        let page = self
            .db
            .scan(SURVEYS, prefix.as_bytes(), None, MAX_LIST)
            .await?;
        let now = now_ms();
        let mut surveys = Vec::new();
        for record in page.records {
            let mut survey: pb::Survey =
                crate::stored::decode_pb("survey", &record.key, &record.value)?;
            if survey.state == pb::SurveyState::Draft as i32 && !admin {
                continue;
            }
            survey.version = record.version;
            survey.state = effective_state(&survey, now) as i32;
            surveys.push(survey);
        }
        surveys.reverse();
        Ok(surveys)
    }

    /// Writes `survey` over `version` (with whatever `txn` checks); the effective state
    /// comes back.
    async fn write(
        &self,
        caller: &RequestContext,
        mut survey: pb::Survey,
        version: u64,
        txn: Transaction,
        scope: &orbit_system::store::EventScope,
    ) -> Result<pb::Survey, SurveyError> {
        survey.version = 0;
        let txn = txn.put_if(
            SURVEYS,
            survey_key(&survey.project_id, &survey.id),
            survey.encode_to_vec(),
            Expect::Version(version),
        );
        match self.commit(caller, txn, scope).await {
            Ok(receipt) => {
                survey.version = receipt.version().unwrap_or_default();
                survey.state = effective_state(&survey, now_ms()) as i32;
                Ok(survey)
            }
            Err(error) if is_conflict(&error) => Err(SurveyError::Contended {
                what: "survey",
                id: survey.id,
            }),
            Err(error) => Err(error.into()),
        }
    }
}

/// The choices of a choice question (none for other kinds).
pub(crate) fn choices_of(question: &pb::Question) -> &[pb::Choice] {
    use pb::question::Kind;
    match &question.kind {
        Some(Kind::Single(q)) => &q.choices,
        Some(Kind::Multiple(q)) => &q.choices,
        _ => &[],
    }
}

/// Copies a checked definition into `survey`.
fn apply(survey: &mut pb::Survey, definition: Definition) {
    survey.title = definition.title;
    survey.description = definition.description;
    survey.closes_at_ms = definition.closes_at_ms;
    survey.anonymous = definition.anonymous;
    survey.visibility = definition.visibility;
    survey.questions = definition.questions;
}
