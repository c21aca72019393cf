//! The tally of a survey's responses (pure, no I/O): what the results view keeps per survey
//! and what a recomputation from all responses gives. A response is added or taken back
//! whole, so an edit is "take back the old, add the new" and a withdrawal "take back".
//!
//! Everything is exact: counts are integers, and numbers are kept as a multiset (value bits
//! and count) from which sum, mean, min and max are computed in one fixed order, so a
//! folded tally equals a recomputed one bit for bit. [`render`] turns a tally into the
//! results of a survey (its question and choice order, pledge thresholds).

use std::collections::BTreeMap;

use orbit_proto::orbit::survey::v1 as pb;
use pb::answer::Value;
use pb::question::Kind;
use serde::{Deserialize, Serialize};

/// A survey's tally.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub responses: u64,
    /// Per question that has at least one answer.
    pub questions: BTreeMap<String, QuestionTally>,
}

/// One question's tally.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionTally {
    pub answered: u64,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub choices: BTreeMap<String, u64>,
    #[serde(default)]
    pub ratings: [u64; 5],
    /// `f64::to_bits` of each value → how many gave it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub numbers: BTreeMap<u64, u64>,
    #[serde(default)]
    pub pledged_units: u64,
}

impl Tally {
    /// Adds (`add`) or takes back one response.
    pub fn apply(&mut self, response: &pb::Response, add: bool) {
        let step = |n: &mut u64, by: u64| {
            if add {
                *n += by;
            } else {
                *n = n.saturating_sub(by);
            }
        };
        step(&mut self.responses, 1);
        for answer in &response.answers {
            let Some(value) = &answer.value else { continue };
            let q = self
                .questions
                .entry(answer.question_id.clone())
                .or_default();
            step(&mut q.answered, 1);
            match value {
                Value::Choices(picks) => {
                    for id in &picks.choice_ids {
                        let n = q.choices.entry(id.clone()).or_default();
                        step(n, 1);
                        if *n == 0 {
                            q.choices.remove(id);
                        }
                    }
                }
                Value::Rating(r) => {
                    if (1..=5).contains(r) {
                        step(&mut q.ratings[(*r - 1) as usize], 1);
                    }
                }
                Value::Number(x) => {
                    let bits = normal(*x).to_bits();
                    let n = q.numbers.entry(bits).or_default();
                    step(n, 1);
                    if *n == 0 {
                        q.numbers.remove(&bits);
                    }
                }
                Value::Text(_) => {}
                Value::Pledge(units) => step(&mut q.pledged_units, (*units).max(0) as u64),
            }
            if q.answered == 0 {
                self.questions.remove(&answer.question_id);
            }
        }
    }

    /// The tally of `responses`, computed from scratch.
    pub fn of<'a>(responses: impl IntoIterator<Item = &'a pb::Response>) -> Tally {
        let mut tally = Tally::default();
        for response in responses {
            tally.apply(response, true);
        }
        tally
    }
}

/// -0.0 counts as 0.0 (one value, one key).
fn normal(x: f64) -> f64 {
    if x == 0.0 { 0.0 } else { x }
}

/// Whether a pledge's threshold is reached by `units` from `people`: every non-zero
/// threshold is met (and there is at least one).
pub fn threshold_reached(pledge: &pb::Pledge, units: u64, people: u64) -> bool {
    (pledge.min_people > 0 || pledge.min_units > 0)
        && people >= u64::from(pledge.min_people)
        && units >= pledge.min_units
}

/// The results of `survey` from its tally, in the survey's question and choice order.
pub fn render(survey: &pb::Survey, tally: &Tally, state: pb::SurveyState) -> pb::Results {
    let empty = QuestionTally::default();
    let questions = survey
        .questions
        .iter()
        .map(|question| {
            let t = tally.questions.get(&question.id).unwrap_or(&empty);
            let mut out = pb::QuestionResults {
                question_id: question.id.clone(),
                answered: t.answered,
                ..Default::default()
            };
            match &question.kind {
                Some(Kind::Single(pb::SingleChoice { choices }))
                | Some(Kind::Multiple(pb::MultipleChoice { choices, .. })) => {
                    out.choices = choices
                        .iter()
                        .map(|c| pb::ChoiceCount {
                            choice_id: c.id.clone(),
                            count: t.choices.get(&c.id).copied().unwrap_or(0),
                        })
                        .collect();
                }
                Some(Kind::Rating(_)) => {
                    out.rating_histogram = t.ratings.to_vec();
                    let n: u64 = t.ratings.iter().sum();
                    let sum: u64 = t
                        .ratings
                        .iter()
                        .enumerate()
                        .map(|(i, c)| (i as u64 + 1) * c)
                        .sum();
                    out.rating_mean = if n == 0 { 0.0 } else { sum as f64 / n as f64 };
                }
                Some(Kind::Number(_)) => {
                    let mut values = t
                        .numbers
                        .iter()
                        .map(|(bits, n)| (f64::from_bits(*bits), *n))
                        .collect::<Vec<_>>();
                    values.sort_by(|a, b| a.0.total_cmp(&b.0));
                    let n: u64 = values.iter().map(|v| v.1).sum();
                    let sum: f64 = values.iter().map(|(x, c)| x * *c as f64).sum();
                    out.number_sum = sum;
                    out.number_mean = if n == 0 { 0.0 } else { sum / n as f64 };
                    out.number_min = values.first().map_or(0.0, |v| v.0);
                    out.number_max = values.last().map_or(0.0, |v| v.0);
                }
                Some(Kind::Pledge(pledge)) => {
                    out.pledged_units = t.pledged_units;
                    out.pledgers = t.answered;
                    out.threshold_reached = threshold_reached(pledge, t.pledged_units, t.answered);
                }
                Some(Kind::Text(_)) | None => {}
            }
            out
        })
        .collect();
    pb::Results {
        survey_id: survey.id.clone(),
        state: state as i32,
        responses: tally.responses,
        questions,
    }
}

#[cfg(test)]
mod unit {
    use super::*;

    fn pledge_response(units: i64) -> pb::Response {
        pb::Response {
            answers: vec![pb::Answer {
                question_id: "p".into(),
                value: Some(Value::Pledge(units)),
            }],
            ..Default::default()
        }
    }

    #[test]
    fn thresholds_flip_exactly_when_reached() {
        let by_people = pb::Pledge {
            unit: "hours".into(),
            min_people: 3,
            ..Default::default()
        };
        let by_units = pb::Pledge {
            unit: "hours".into(),
            min_units: 10,
            ..Default::default()
        };
        let both = pb::Pledge {
            unit: "hours".into(),
            min_people: 2,
            min_units: 10,
            ..Default::default()
        };
        let mut tally = Tally::default();
        let reached = |tally: &Tally, pledge: &pb::Pledge| {
            let q = tally.questions.get("p").cloned().unwrap_or_default();
            threshold_reached(pledge, q.pledged_units, q.answered)
        };
        tally.apply(&pledge_response(4), true);
        tally.apply(&pledge_response(5), true);
        assert!(!reached(&tally, &by_people));
        assert!(!reached(&tally, &by_units), "9 of 10 units");
        assert!(!reached(&tally, &both));
        tally.apply(&pledge_response(1), true);
        assert!(reached(&tally, &by_people), "3 of 3 people");
        assert!(reached(&tally, &by_units), "10 of 10 units");
        assert!(reached(&tally, &both));
        tally.apply(&pledge_response(1), false);
        assert!(!reached(&tally, &by_people));
        assert!(!reached(&tally, &by_units));
        assert!(!reached(&tally, &both), "2 people but 9 units");
        assert!(!threshold_reached(&pb::Pledge::default(), 100, 100));
    }

    #[test]
    fn taking_back_everything_leaves_an_empty_tally() {
        let response = pb::Response {
            answers: vec![
                pb::Answer {
                    question_id: "n".into(),
                    value: Some(Value::Number(-0.0)),
                },
                pb::Answer {
                    question_id: "c".into(),
                    value: Some(Value::Choices(pb::Picks {
                        choice_ids: vec!["a".into(), "b".into()],
                    })),
                },
            ],
            ..Default::default()
        };
        let mut tally = Tally::default();
        tally.apply(&response, true);
        tally.apply(&response, false);
        assert_eq!(tally, Tally::default());
    }
}
