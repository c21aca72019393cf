//! How surveys keep their data in their own encrypted database `survey`: keyspace names,
//! key builders and the counter record.
//!
//! Keys hold only ids and blind indexes, never text or an account id; every value is sealed
//! by the store. Layout (`<p>` project id, `<s>` survey id, `<q>` question id, `<c>` choice
//! id, `<r>` the respondent key):
//! - `survey` `<p>/<s>`: the survey (`orbit.survey.v1.Survey`, protobuf);
//! - `resp`   `<p>/<s>/<r>`: a response (`orbit.survey.v1.Response`, protobuf; its
//!   `respondent_id` is empty in an anonymous survey). `<r>` is the hex keyed blind index of
//!   (survey, account) under the database's blind-index key, so nobody reading the database
//!   without that key can link a response to an account, while the server finds the caller's
//!   own response with one point read;
//! - `count`  `<p>/<s>/<q>/<c>` (picks of a choice) and `<p>/<s>/<q>` (units of a pledge):
//!   [`Counter`], rewritten compare-and-set in the same transaction as every response that
//!   changes it, so a cap is never exceeded and an option's answers are known exactly.

use serde::{Deserialize, Serialize};

use crate::error::SurveyError;

/// The module's name: its database and its manifest name.
pub const SURVEY: &str = "survey";

pub(crate) const SURVEYS: &str = "survey";
pub(crate) const RESPONSES: &str = "resp";
pub(crate) const COUNTERS: &str = "count";

/// Entity names of the change events (the scope's `entity`).
pub(crate) const ENTITY_SURVEY: &str = "survey";
pub(crate) const ENTITY_RESPONSE: &str = "response";

/// Version marker of the JSON records below.
const FORMAT: u32 = 1;

pub(crate) fn survey_key(project_id: &str, survey_id: &str) -> String {
    format!("{project_id}/{survey_id}")
}

/// `<p>/<s>/`: the prefix of a survey's responses and counters.
pub(crate) fn survey_prefix(project_id: &str, survey_id: &str) -> String {
    format!("{project_id}/{survey_id}/")
}

pub(crate) fn response_key(project_id: &str, survey_id: &str, respondent: &str) -> String {
    format!("{project_id}/{survey_id}/{respondent}")
}

pub(crate) fn choice_counter_key(
    project_id: &str,
    survey_id: &str,
    question_id: &str,
    choice_id: &str,
) -> String {
    format!("{project_id}/{survey_id}/{question_id}/{choice_id}")
}

pub(crate) fn pledge_counter_key(project_id: &str, survey_id: &str, question_id: &str) -> String {
    format!("{project_id}/{survey_id}/{question_id}")
}

/// How many picks a choice has, or units a pledge.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Counter {
    pub(crate) v: u32,
    pub(crate) n: u64,
}

impl Counter {
    pub(crate) fn new(n: u64) -> Counter {
        Counter { v: FORMAT, n }
    }
}

/// Encodes a counter.
pub(crate) fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).expect("survey records always encode")
}

/// Decodes a counter, checking its version marker.
pub(crate) fn decode_counter(key: &[u8], bytes: &[u8]) -> Result<Counter, SurveyError> {
    let key = || String::from_utf8_lossy(key).into_owned();
    let counter: Counter =
        serde_json::from_slice(bytes).map_err(|e| SurveyError::corrupt("counter", key(), e))?;
    if counter.v != FORMAT {
        return Err(SurveyError::corrupt("counter", key(), "unknown format"));
    }
    Ok(counter)
}

/// Decodes a stored protobuf record (survey or response).
pub(crate) fn decode_pb<T: prost::Message + Default>(
    what: &'static str,
    key: &[u8],
    bytes: &[u8],
) -> Result<T, SurveyError> {
    T::decode(bytes).map_err(|e| SurveyError::corrupt(what, String::from_utf8_lossy(key), e))
}
