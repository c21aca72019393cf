//! Responses: a member submits (or replaces) one response per open survey, or withdraws it.
//!
//! Every write is one transaction that (1) checks the survey's version, so a survey edited,
//! closed or reopened meanwhile makes it retry against the new definition; (2) rewrites,
//! compare-and-set, the counter of every choice and pledge whose count the write changes,
//! refusing a pick or pledge that would take a capped counter over its cap; (3) puts or
//! deletes the response under the caller's respondent key (a blind index, `stored.rs`),
//! expecting the version it read. So concurrent answers never exceed a cap, and a lost race
//! is retried with fresh counts.

use std::collections::BTreeMap;

use orbit_proto::orbit::survey::v1 as pb;
use orbit_system::identity::RequestContext;
use orbit_system::store::{Expect, Transaction};
use pb::answer::Value;
use pb::question::Kind;
use prost::Message as _;

use crate::answers;
use crate::error::SurveyError;
use crate::stored::{
    COUNTERS, Counter, ENTITY_RESPONSE, RESPONSES, SURVEYS, choice_counter_key, decode_counter,
    encode, pledge_counter_key, response_key, survey_key,
};
use crate::survey::{ATTEMPTS, Surveys, effective_state, is_conflict, now_ms};

/// A counter a write changes: by how much, and its cap (0: none) with the field to blame.
#[derive(Debug, Default)]
struct Change {
    delta: i64,
    cap: u64,
    field: String,
    what: String,
}

impl Surveys {
    /// `SurveyService.SubmitResponse`.
    #[tracing::instrument(skip_all, fields(%project_id, %survey_id))]
    pub async fn submit(
        &self,
        caller: &RequestContext,
        project_id: &str,
        survey_id: &str,
        answers: Vec<pb::Answer>,
    ) -> Result<pb::Response, SurveyError> {
        for attempt in 0..ATTEMPTS {
            let survey = self.open_survey(caller, project_id, survey_id).await?;
            let checked = answers::check(&survey, answers.clone())?;
            let response = pb::Response {
                survey_id: survey.id.clone(),
                project_id: survey.project_id.clone(),
                respondent_id: if survey.anonymous {
                    String::new()
                } else {
                    caller.require()?.account_id.clone()
                },
                answers: checked,
                submitted_at_ms: now_ms(),
                version: 0,
            };
            match self.write_response(caller, &survey, Some(&response)).await {
                Ok(version) => {
                    tracing::debug!("response stored");
                    return Ok(pb::Response {
                        version,
                        ..response
                    });
                }
                Err(SurveyError::Store(error)) if is_conflict(&error) => {
                    back_off(attempt).await;
                }
                Err(error) => return Err(error),
            }
        }
        Err(SurveyError::Contended {
            what: "survey",
            id: survey_id.to_owned(),
        })
    }

    /// `SurveyService.WithdrawResponse`.
    #[tracing::instrument(skip_all, fields(%project_id, %survey_id))]
    pub async fn withdraw(
        &self,
        caller: &RequestContext,
        project_id: &str,
        survey_id: &str,
    ) -> Result<(), SurveyError> {
        for attempt in 0..ATTEMPTS {
            let survey = self.open_survey(caller, project_id, survey_id).await?;
            match self.write_response(caller, &survey, None).await {
                Ok(_) => return Ok(()),
                Err(SurveyError::Store(error)) if is_conflict(&error) => {
                    back_off(attempt).await;
                }
                Err(error) => return Err(error),
            }
        }
        Err(SurveyError::Contended {
            what: "survey",
            id: survey_id.to_owned(),
        })
    }

    /// The survey, refused unless it takes responses now.
    async fn open_survey(
        &self,
        caller: &RequestContext,
        project_id: &str,
        survey_id: &str,
    ) -> Result<pb::Survey, SurveyError> {
        let survey = self.visible(caller, project_id, survey_id).await?;
        match effective_state(&survey, now_ms()) {
            pb::SurveyState::Open => Ok(survey),
            pb::SurveyState::Closed => Err(SurveyError::precondition(
                "survey_id",
                format!("survey {survey_id} is closed and takes no responses"),
            )),
            _ => Err(SurveyError::precondition(
                "survey_id",
                format!("survey {survey_id} is a draft and takes no responses yet"),
            )),
        }
    }

    /// Replaces the caller's response by `response` (`None`: withdraws it) in one
    /// transaction with the counters it changes; the new version.
    async fn write_response(
        &self,
        caller: &RequestContext,
        survey: &pb::Survey,
        response: Option<&pb::Response>,
    ) -> Result<u64, SurveyError> {
        let respondent = self.respondent(caller, &survey.id)?;
        let key = response_key(&survey.project_id, &survey.id, &respondent);
        let previous = self.db.get(RESPONSES, key.as_bytes()).await?;
        let mut changes: BTreeMap<String, Change> = BTreeMap::new();
        if let Some(record) = &previous {
            let old: pb::Response =
                crate::stored::decode_pb("response", &record.key, &record.value)?;
            count(survey, &old, -1, &mut changes);
        } else if response.is_none() {
            return Err(SurveyError::not_found("response to survey", &survey.id));
        }
        if let Some(response) = response {
            count(survey, response, 1, &mut changes);
        }
        let mut txn = Transaction::new().check(
            SURVEYS,
            survey_key(&survey.project_id, &survey.id),
            Expect::Version(survey.version),
        );
        for (counter_key, change) in changes.into_iter().filter(|(_, c)| c.delta != 0) {
            let record = self.db.get(COUNTERS, counter_key.as_bytes()).await?;
            let (n, expect) = match &record {
                Some(record) => (
                    decode_counter(&record.key, &record.value)?.n,
                    Expect::Version(record.version),
                ),
                None => (0, Expect::Absent),
            };
            let next = (n as i64 + change.delta).max(0) as u64;
            if change.delta > 0 && change.cap > 0 && next > change.cap {
                return Err(SurveyError::precondition(
                    change.field,
                    format!(
                        "{} is full: {n} of at most {} taken",
                        change.what, change.cap
                    ),
                ));
            }
            txn = txn.put_if(COUNTERS, counter_key, encode(&Counter::new(next)), expect);
        }
        let expect = previous
            .as_ref()
            .map_or(Expect::Absent, |r| Expect::Version(r.version));
        txn = match response {
            Some(response) => txn.put_if(RESPONSES, key, response.encode_to_vec(), expect),
            None => txn.delete_if(RESPONSES, key, expect),
        };
        let scope = self.scope(&survey.project_id, ENTITY_RESPONSE).await?;
        let receipt = self.commit(caller, txn, &scope).await?;
        Ok(receipt.version().unwrap_or_default())
    }
}

/// Waits before attempt `attempt + 1` after a conflict: answers racing for the same counters
/// (every respondent of a survey at once) would otherwise retry in lockstep, one winning per
/// group commit; a growing, jittered pause spreads them out.
async fn back_off(attempt: u32) {
    let jitter = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| u64::from(d.subsec_nanos()));
    let ceiling_us = 200u64 << attempt.min(6);
    tokio::time::sleep(std::time::Duration::from_micros(jitter % ceiling_us)).await;
}

/// Adds what `response` puts on each counter, times `sign`, to `changes`.
fn count(
    survey: &pb::Survey,
    response: &pb::Response,
    sign: i64,
    changes: &mut BTreeMap<String, Change>,
) {
    for (i, answer) in response.answers.iter().enumerate() {
        let Some(question) = survey.questions.iter().find(|q| q.id == answer.question_id) else {
            continue;
        };
        match (&question.kind, &answer.value) {
            (
                Some(Kind::Single(pb::SingleChoice { choices }))
                | Some(Kind::Multiple(pb::MultipleChoice { choices, .. })),
                Some(Value::Choices(picks)),
            ) => {
                for (j, id) in picks.choice_ids.iter().enumerate() {
                    let cap = choices.iter().find(|c| &c.id == id).map_or(0, |c| c.cap);
                    let key = choice_counter_key(&survey.project_id, &survey.id, &question.id, id);
                    let change = changes.entry(key).or_default();
                    change.delta += sign;
                    change.cap = u64::from(cap);
                    if sign > 0 {
                        change.field = format!("answers[{i}].choices[{j}]");
                        change.what = format!("choice {id:?} of question {:?}", question.id);
                    }
                }
            }
            (Some(Kind::Pledge(pledge)), Some(Value::Pledge(units))) => {
                let key = pledge_counter_key(&survey.project_id, &survey.id, &question.id);
                let change = changes.entry(key).or_default();
                change.delta += sign * (*units).max(0);
                change.cap = pledge.cap;
                if sign > 0 {
                    change.field = format!("answers[{i}].pledge");
                    change.what = format!("pledge {:?}", question.id);
                }
            }
            _ => {}
        }
    }
}
