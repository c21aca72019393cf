//! Checking a survey's definition (pure, no I/O): title, description, closing time,
//! visibility and questions, each refusal naming the field (`questions[2].condition
//! .question_id`). And what may change once a survey has been opened ([`check_change`]):
//! nothing that would invalidate an answer already received.

use std::collections::{BTreeSet, HashMap};

use orbit_proto::orbit::survey::v1 as pb;
use pb::question::Kind;

use crate::error::SurveyError;
use crate::survey::valid_id;

const MAX_TITLE_CHARS: usize = 200;
const MAX_DESCRIPTION_CHARS: usize = 4000;
const MAX_QUESTIONS: usize = 100;
const MAX_CHOICES: usize = 50;
const MAX_LABEL_CHARS: usize = 200;
const MAX_UNIT_CHARS: usize = 50;
/// Longest free-text answer a question may allow, and the limit when it names none.
pub(crate) const MAX_TEXT_CHARS: u32 = 10_000;
pub(crate) const DEFAULT_TEXT_CHARS: u32 = 1000;

/// The editable part of a survey, as a request gives it.
#[derive(Debug, Clone, Default)]
pub struct Definition {
    pub title: String,
    pub description: String,
    pub closes_at_ms: i64,
    pub anonymous: bool,
    pub visibility: i32,
    pub questions: Vec<pb::Question>,
}

/// Checks `definition` and returns it normalised (trimmed texts, defaults filled in).
pub(crate) fn check(mut definition: Definition) -> Result<Definition, SurveyError> {
    definition.title = text("title", &definition.title, 1, MAX_TITLE_CHARS, false)?;
    definition.description = text(
        "description",
        &definition.description,
        0,
        MAX_DESCRIPTION_CHARS,
        true,
    )?;
    if definition.closes_at_ms < 0 {
        return Err(SurveyError::invalid(
            "closes_at_ms",
            format!("{} is negative", definition.closes_at_ms),
        ));
    }
    match pb::ResultsVisibility::try_from(definition.visibility) {
        Ok(pb::ResultsVisibility::Unspecified) => {
            definition.visibility = pb::ResultsVisibility::Live as i32;
        }
        Ok(_) => {}
        Err(_) => {
            return Err(SurveyError::invalid(
                "visibility",
                format!("{} is not a results visibility", definition.visibility),
            ));
        }
    }
    if definition.questions.len() > MAX_QUESTIONS {
        return Err(SurveyError::invalid(
            "questions",
            format!(
                "{} questions is over the limit of {MAX_QUESTIONS}",
                definition.questions.len()
            ),
        ));
    }
    let all_ids = definition_ids(&definition.questions);
    let mut seen: HashMap<String, usize> = HashMap::new();
    for i in 0..definition.questions.len() {
        let field = format!("questions[{i}]");
        let (earlier, rest) = definition.questions.split_at_mut(i);
        let question = &mut rest[0];
        check_question(&field, question)?;
        if let Some(condition) = &question.condition {
            check_condition(&field, condition, earlier, &seen, &all_ids)?;
        }
        if seen.insert(question.id.clone(), i).is_some() {
            return Err(SurveyError::invalid(
                format!("{field}.id"),
                format!("question {:?} appears twice", question.id),
            ));
        }
    }
    Ok(definition)
}

/// The ids of `questions` (to tell "a later question" from "no such question").
fn definition_ids(questions: &[pb::Question]) -> BTreeSet<String> {
    questions.iter().map(|q| q.id.clone()).collect()
}

fn check_question(field: &str, question: &mut pb::Question) -> Result<(), SurveyError> {
    valid_id(&format!("{field}.id"), &question.id)?;
    question.title = text(
        &format!("{field}.title"),
        &question.title,
        1,
        MAX_LABEL_CHARS * 2,
        false,
    )?;
    match &mut question.kind {
        None => {
            return Err(SurveyError::invalid(
                format!("{field}.kind"),
                "is required: single, multiple, rating, number, text or pledge",
            ));
        }
        Some(Kind::Single(single)) => check_choices(field, &mut single.choices)?,
        Some(Kind::Multiple(multiple)) => {
            check_choices(field, &mut multiple.choices)?;
            let n = multiple.choices.len() as u32;
            if multiple.max_picks > n {
                return Err(SurveyError::invalid(
                    format!("{field}.multiple.max_picks"),
                    format!("{} is more than the {n} choices", multiple.max_picks),
                ));
            }
            let max = if multiple.max_picks == 0 {
                n
            } else {
                multiple.max_picks
            };
            if multiple.min_picks > max {
                return Err(SurveyError::invalid(
                    format!("{field}.multiple.min_picks"),
                    format!("{} is more than at most {max} picks", multiple.min_picks),
                ));
            }
        }
        Some(Kind::Rating(_)) => {}
        Some(Kind::Number(number)) => {
            number.unit = text(
                &format!("{field}.number.unit"),
                &number.unit,
                0,
                MAX_UNIT_CHARS,
                false,
            )?;
            for (name, bound) in [("min", number.min), ("max", number.max)] {
                if bound.is_some_and(|b| !b.is_finite()) {
                    return Err(SurveyError::invalid(
                        format!("{field}.number.{name}"),
                        "must be a finite number",
                    ));
                }
            }
            if let (Some(min), Some(max)) = (number.min, number.max) {
                if min > max {
                    return Err(SurveyError::invalid(
                        format!("{field}.number.min"),
                        format!("{min} is above max {max}"),
                    ));
                }
            }
        }
        Some(Kind::Text(free)) => {
            if free.max_chars == 0 {
                free.max_chars = DEFAULT_TEXT_CHARS;
            }
            if free.max_chars > MAX_TEXT_CHARS {
                return Err(SurveyError::invalid(
                    format!("{field}.text.max_chars"),
                    format!("{} is over the limit of {MAX_TEXT_CHARS}", free.max_chars),
                ));
            }
        }
        Some(Kind::Pledge(pledge)) => {
            pledge.unit = text(
                &format!("{field}.pledge.unit"),
                &pledge.unit,
                1,
                MAX_UNIT_CHARS,
                false,
            )?;
            pledge.action = text(
                &format!("{field}.pledge.action"),
                &pledge.action,
                0,
                MAX_LABEL_CHARS * 2,
                false,
            )?;
            if pledge.min_people == 0 && pledge.min_units == 0 {
                return Err(SurveyError::invalid(
                    format!("{field}.pledge.min_people"),
                    "a pledge needs a threshold: min_people or min_units above 0",
                ));
            }
        }
    }
    Ok(())
}

fn check_choices(field: &str, choices: &mut [pb::Choice]) -> Result<(), SurveyError> {
    if choices.is_empty() || choices.len() > MAX_CHOICES {
        return Err(SurveyError::invalid(
            format!("{field}.choices"),
            format!("{} choices; a question has 1-{MAX_CHOICES}", choices.len()),
        ));
    }
    let mut ids = BTreeSet::new();
    for (j, choice) in choices.iter_mut().enumerate() {
        let at = format!("{field}.choices[{j}]");
        valid_id(&format!("{at}.id"), &choice.id)?;
        if !ids.insert(choice.id.clone()) {
            return Err(SurveyError::invalid(
                format!("{at}.id"),
                format!("choice {:?} appears twice", choice.id),
            ));
        }
        choice.label = text(
            &format!("{at}.label"),
            &choice.label,
            1,
            MAX_LABEL_CHARS,
            false,
        )?;
    }
    Ok(())
}

fn check_condition(
    field: &str,
    condition: &pb::Condition,
    earlier: &[pb::Question],
    seen: &HashMap<String, usize>,
    later: &BTreeSet<String>,
) -> Result<(), SurveyError> {
    let at = format!("{field}.condition.question_id");
    let Some(&index) = seen.get(&condition.question_id) else {
        let reason = if later.contains(&condition.question_id) {
            format!(
                "question {:?} is not an earlier question; a condition may only refer to one before it",
                condition.question_id
            )
        } else {
            format!("no question {:?} in this survey", condition.question_id)
        };
        return Err(SurveyError::invalid(at, reason));
    };
    let choices = match &earlier[index].kind {
        Some(Kind::Single(q)) => &q.choices,
        Some(Kind::Multiple(q)) => &q.choices,
        _ => {
            return Err(SurveyError::invalid(
                at,
                format!(
                    "question {:?} is not a choice question",
                    condition.question_id
                ),
            ));
        }
    };
    if condition.choice_ids.is_empty() {
        return Err(SurveyError::invalid(
            format!("{field}.condition.choice_ids"),
            "must name at least one choice",
        ));
    }
    for (j, id) in condition.choice_ids.iter().enumerate() {
        if !choices.iter().any(|c| &c.id == id) {
            return Err(SurveyError::invalid(
                format!("{field}.condition.choice_ids[{j}]"),
                format!(
                    "{id:?} is not a choice of question {:?}",
                    condition.question_id
                ),
            ));
        }
    }
    Ok(())
}

/// A text field: trimmed, `min`-`max` characters, no control characters (newlines allowed
/// where `multiline`).
fn text(
    field: &str,
    value: &str,
    min: usize,
    max: usize,
    multiline: bool,
) -> Result<String, SurveyError> {
    let value = value.trim();
    let chars = value.chars().count();
    if chars < min {
        return Err(SurveyError::invalid(field, "must not be empty"));
    }
    if chars > max {
        return Err(SurveyError::invalid(
            field,
            format!("{chars} characters is over the limit of {max}"),
        ));
    }
    if value
        .chars()
        .any(|c| c.is_control() && !(multiline && (c == '\n' || c == '\t')))
    {
        return Err(SurveyError::invalid(
            field,
            "must not contain control characters",
        ));
    }
    Ok(value.to_owned())
}

/// Whether replacing `old` by `new` (both checked) keeps every received answer valid, for
/// a survey that has been opened. `answered(question, choice)` says whether a choice has
/// picks. Allowed: new titles and description, a new closing time, new optional questions
/// at the end, new choices, and changes to choices nobody picked. Everything else that an
/// answer depends on stays as it was.
pub(crate) fn check_change(
    old: &pb::Survey,
    new: &Definition,
    answered: impl Fn(&str, &str) -> bool,
) -> Result<(), SurveyError> {
    if new.anonymous != old.anonymous {
        return Err(SurveyError::precondition(
            "anonymous",
            "cannot change once the survey has been opened",
        ));
    }
    if new.visibility != old.visibility {
        return Err(SurveyError::precondition(
            "visibility",
            "cannot change once the survey has been opened",
        ));
    }
    if new.questions.len() < old.questions.len() {
        let missing = &old.questions[new.questions.len()].id;
        return Err(SurveyError::precondition(
            format!("questions[{}]", new.questions.len()),
            format!("question {missing:?} cannot be removed once the survey has been opened"),
        ));
    }
    for (i, (before, after)) in old.questions.iter().zip(&new.questions).enumerate() {
        let field = format!("questions[{i}]");
        let same_settings = before.id == after.id
            && before.optional == after.optional
            && before.condition == after.condition
            && same_kind(&before.kind, &after.kind);
        if !same_settings {
            return Err(SurveyError::precondition(
                field,
                format!(
                    "question {:?} cannot change its id, kind, settings, optionality or condition once the survey has been opened",
                    before.id
                ),
            ));
        }
        let (old_choices, new_choices) = match (&before.kind, &after.kind) {
            (Some(Kind::Single(a)), Some(Kind::Single(b))) => (&a.choices, &b.choices),
            (Some(Kind::Multiple(a)), Some(Kind::Multiple(b))) => (&a.choices, &b.choices),
            _ => continue,
        };
        for choice in old_choices {
            if !answered(&before.id, &choice.id) {
                continue;
            }
            match new_choices.iter().position(|c| c.id == choice.id) {
                Some(j) if new_choices[j] == *choice => {}
                Some(j) => {
                    return Err(SurveyError::precondition(
                        format!("{field}.choices[{j}]"),
                        format!("choice {:?} has answers and cannot change", choice.id),
                    ));
                }
                None => {
                    return Err(SurveyError::precondition(
                        format!("{field}.choices"),
                        format!("choice {:?} has answers and cannot be removed", choice.id),
                    ));
                }
            }
        }
    }
    for (i, added) in new.questions.iter().enumerate().skip(old.questions.len()) {
        if !added.optional {
            return Err(SurveyError::precondition(
                format!("questions[{i}].optional"),
                "a question added to an opened survey must be optional",
            ));
        }
    }
    Ok(())
}

/// Whether two kinds have the same settings, ignoring the choices' list (checked choice by
/// choice).
fn same_kind(a: &Option<Kind>, b: &Option<Kind>) -> bool {
    match (a, b) {
        (Some(Kind::Single(_)), Some(Kind::Single(_))) => true,
        (Some(Kind::Multiple(a)), Some(Kind::Multiple(b))) => {
            a.min_picks == b.min_picks && a.max_picks == b.max_picks
        }
        (a, b) => a == b,
    }
}
