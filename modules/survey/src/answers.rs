//! Checking a response against its survey (pure, no I/O): every answer names a question of
//! the survey once and has the value its kind takes; conditions are evaluated in question
//! order (a condition refers only to an earlier question), so a hidden question must not be
//! answered and a shown, required one must be. Each refusal names the field
//! (`answers[1].rating`).

use std::collections::{BTreeMap, BTreeSet};

use orbit_proto::orbit::survey::v1 as pb;
use pb::answer::Value;
use pb::question::Kind;

use crate::define::DEFAULT_TEXT_CHARS;
use crate::error::SurveyError;

/// Checks `answers` against `survey`; returns them in the survey's question order.
pub(crate) fn check(
    survey: &pb::Survey,
    answers: Vec<pb::Answer>,
) -> Result<Vec<pb::Answer>, SurveyError> {
    let mut by_question: BTreeMap<String, (usize, pb::Answer)> = BTreeMap::new();
    for (i, answer) in answers.into_iter().enumerate() {
        if !survey.questions.iter().any(|q| q.id == answer.question_id) {
            return Err(SurveyError::invalid(
                format!("answers[{i}].question_id"),
                format!("no question {:?} in this survey", answer.question_id),
            ));
        }
        if by_question.contains_key(&answer.question_id) {
            return Err(SurveyError::invalid(
                format!("answers[{i}].question_id"),
                format!("question {:?} is answered twice", answer.question_id),
            ));
        }
        by_question.insert(answer.question_id.clone(), (i, answer));
    }
    let mut picked: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    let mut checked = Vec::new();
    for question in &survey.questions {
        let shown = match &question.condition {
            None => true,
            Some(condition) => picked
                .get(condition.question_id.as_str())
                .is_some_and(|picks| condition.choice_ids.iter().any(|c| picks.contains(c))),
        };
        let Some((i, answer)) = by_question.remove(&question.id) else {
            if shown && !question.optional {
                return Err(SurveyError::invalid(
                    "answers",
                    format!("question {:?} is required", question.id),
                ));
            }
            continue;
        };
        if !shown {
            return Err(SurveyError::invalid(
                format!("answers[{i}]"),
                format!(
                    "question {:?} is hidden by its condition and must not be answered",
                    question.id
                ),
            ));
        }
        let picks = check_value(i, question, &answer)?;
        picked.insert(question.id.as_str(), picks);
        checked.push(answer);
    }
    Ok(checked)
}

/// Checks one answer's value; returns its picks (empty for other kinds).
fn check_value(
    i: usize,
    question: &pb::Question,
    answer: &pb::Answer,
) -> Result<BTreeSet<String>, SurveyError> {
    let q = &question.id;
    let wrong = |takes: &str| {
        SurveyError::invalid(
            format!("answers[{i}].value"),
            format!("question {q:?} takes {takes}"),
        )
    };
    let field = |name: &str| format!("answers[{i}].{name}");
    match (&question.kind, &answer.value) {
        (Some(Kind::Single(single)), Some(Value::Choices(picks))) => {
            let picks = check_picks(&field("choices"), q, &single.choices, picks)?;
            if picks.len() != 1 {
                return Err(SurveyError::invalid(
                    field("choices"),
                    format!(
                        "question {q:?} takes exactly one choice, not {}",
                        picks.len()
                    ),
                ));
            }
            Ok(picks)
        }
        (Some(Kind::Single(_)), _) => Err(wrong("one choice")),
        (Some(Kind::Multiple(multiple)), Some(Value::Choices(picks))) => {
            let picks = check_picks(&field("choices"), q, &multiple.choices, picks)?;
            let n = picks.len() as u32;
            let max = if multiple.max_picks == 0 {
                multiple.choices.len() as u32
            } else {
                multiple.max_picks
            };
            if n < multiple.min_picks.max(1) || n > max {
                return Err(SurveyError::invalid(
                    field("choices"),
                    format!(
                        "{n} picks; question {q:?} takes {}-{max}",
                        multiple.min_picks.max(1)
                    ),
                ));
            }
            Ok(picks)
        }
        (Some(Kind::Multiple(_)), _) => Err(wrong("choices")),
        (Some(Kind::Rating(_)), Some(Value::Rating(rating))) => {
            if !(1..=5).contains(rating) {
                return Err(SurveyError::invalid(
                    field("rating"),
                    format!("{rating} is outside 1-5"),
                ));
            }
            Ok(BTreeSet::new())
        }
        (Some(Kind::Rating(_)), _) => Err(wrong("a rating")),
        (Some(Kind::Number(number)), Some(Value::Number(value))) => {
            let outside = !value.is_finite()
                || number.min.is_some_and(|min| *value < min)
                || number.max.is_some_and(|max| *value > max);
            if outside {
                let bound = |b: Option<f64>| b.map_or_else(String::new, |b| b.to_string());
                return Err(SurveyError::invalid(
                    field("number"),
                    format!(
                        "{value} is outside the range {}..{}",
                        bound(number.min),
                        bound(number.max)
                    ),
                ));
            }
            Ok(BTreeSet::new())
        }
        (Some(Kind::Number(_)), _) => Err(wrong("a number")),
        (Some(Kind::Text(free)), Some(Value::Text(text))) => {
            let limit = if free.max_chars == 0 {
                DEFAULT_TEXT_CHARS
            } else {
                free.max_chars
            } as usize;
            let chars = text.chars().count();
            if text.trim().is_empty() {
                return Err(SurveyError::invalid(field("text"), "must not be empty"));
            }
            if chars > limit {
                return Err(SurveyError::invalid(
                    field("text"),
                    format!("{chars} characters is over the limit of {limit}"),
                ));
            }
            if text
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t')
            {
                return Err(SurveyError::invalid(
                    field("text"),
                    "must not contain control characters other than newlines and tabs",
                ));
            }
            Ok(BTreeSet::new())
        }
        (Some(Kind::Text(_)), _) => Err(wrong("text")),
        (Some(Kind::Pledge(pledge)), Some(Value::Pledge(units))) => {
            if *units < 0 {
                return Err(SurveyError::invalid(
                    field("pledge"),
                    format!("{units} is negative"),
                ));
            }
            if *units == 0 {
                return Err(SurveyError::invalid(
                    field("pledge"),
                    "0 is not a pledge; leave the question unanswered instead",
                ));
            }
            if pledge.max_per_person > 0 && *units as u64 > pledge.max_per_person {
                return Err(SurveyError::invalid(
                    field("pledge"),
                    format!(
                        "{units} is over the limit of {} {} per person",
                        pledge.max_per_person, pledge.unit
                    ),
                ));
            }
            Ok(BTreeSet::new())
        }
        (Some(Kind::Pledge(_)), _) => Err(wrong("a pledge")),
        (None, _) => Err(wrong("nothing")),
    }
}

fn check_picks(
    field: &str,
    question_id: &str,
    choices: &[pb::Choice],
    picks: &pb::Picks,
) -> Result<BTreeSet<String>, SurveyError> {
    let mut set = BTreeSet::new();
    for (j, id) in picks.choice_ids.iter().enumerate() {
        if !choices.iter().any(|c| &c.id == id) {
            return Err(SurveyError::invalid(
                format!("{field}[{j}]"),
                format!("{id:?} is not a choice of question {question_id:?}"),
            ));
        }
        if !set.insert(id.clone()) {
            return Err(SurveyError::invalid(
                format!("{field}[{j}]"),
                format!("{id:?} is picked twice"),
            ));
        }
    }
    Ok(set)
}
