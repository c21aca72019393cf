//! The survey phase: plausible surveys (a team lunch, an offsite, a volunteering pledge) in
//! every project, opened, and answered by the project's members with a lean towards some
//! options, so the results have a shape. A generated request would be refused (a survey's
//! questions must hang together: choices, caps, conditions), so this phase builds them.
//!
//! Everything goes through `SurveyService`, with each member's own log-in.

use std::time::Instant;

use anyhow::Context;
use fake::rand::RngExt;
use fake::rand::rngs::ChaCha8Rng;
use fake::rand::seq::IndexedRandom;
use orbit_proto::orbit::survey::v1 as sv;

use crate::seed::phases::{Run, unit_rng};
use crate::seed::template::ModuleSizes;

const CREATE: &str = "orbit.survey.v1.SurveyService/CreateSurvey";
const OPEN: &str = "orbit.survey.v1.SurveyService/OpenSurvey";
const CLOSE: &str = "orbit.survey.v1.SurveyService/CloseSurvey";
const SUBMIT: &str = "orbit.survey.v1.SurveyService/SubmitResponse";

fn choice(id: &str, label: &str, cap: u32) -> sv::Choice {
    sv::Choice {
        id: id.into(),
        label: label.into(),
        cap,
    }
}

fn question(id: &str, title: &str, kind: sv::question::Kind) -> sv::Question {
    sv::Question {
        id: id.into(),
        title: title.into(),
        optional: false,
        condition: None,
        kind: Some(kind),
    }
}

/// The surveys a project can get, in order; `n` picks one (and a number for its title).
fn survey(n: usize, project: &str) -> sv::CreateSurveyRequest {
    use sv::question::Kind;
    let round = n / 3 + 1;
    let (title, description, visibility, questions) = match n % 3 {
        0 => (
            format!("Team lunch #{round}"),
            format!("Where should {project} go for the next team lunch?"),
            sv::ResultsVisibility::Live,
            vec![
                question(
                    "place",
                    "Where shall we go?",
                    Kind::Single(sv::SingleChoice {
                        choices: vec![
                            choice("thai", "Thai kitchen", 0),
                            choice("pizza", "Pizza by the river", 0),
                            choice("salad", "Salad bar", 0),
                            choice("ramen", "Ramen shop (12 seats)", 12),
                        ],
                    }),
                ),
                question(
                    "mood",
                    "How was the last lunch?",
                    Kind::Rating(sv::Rating {}),
                ),
                sv::Question {
                    optional: true,
                    ..question(
                        "diet",
                        "Anything the kitchen should know?",
                        Kind::Text(sv::FreeText { max_chars: 200 }),
                    )
                },
            ],
        ),
        1 => (
            format!("Offsite planning {round}"),
            "Dates, travel and what we want to work on.".to_owned(),
            sv::ResultsVisibility::AfterAnswer,
            vec![
                question(
                    "topics",
                    "Which topics matter most to you? (pick up to two)",
                    Kind::Multiple(sv::MultipleChoice {
                        choices: vec![
                            choice("roadmap", "Roadmap for next year", 0),
                            choice("onboarding", "Onboarding new people", 0),
                            choice("tooling", "Our tooling", 0),
                            choice("customers", "Customer feedback", 0),
                        ],
                        min_picks: 1,
                        max_picks: 2,
                    }),
                ),
                question(
                    "travel",
                    "How far would you travel?",
                    Kind::Number(sv::NumberQuestion {
                        unit: "km".into(),
                        min: Some(0.0),
                        max: Some(2000.0),
                    }),
                ),
            ],
        ),
        _ => (
            format!("Volunteering day {round}"),
            "We go ahead if enough of us commit.".to_owned(),
            sv::ResultsVisibility::Live,
            vec![question(
                "hours",
                "How many hours will you volunteer?",
                Kind::Pledge(sv::Pledge {
                    unit: "hours".into(),
                    action: "help at the community garden".into(),
                    min_people: 3,
                    min_units: 12,
                    cap: 200,
                    max_per_person: 8,
                }),
            )],
        ),
    };
    sv::CreateSurveyRequest {
        project_id: String::new(),
        title,
        description,
        closes_at_ms: 0,
        anonymous: n % 3 == 1,
        visibility: visibility as i32,
        questions,
    }
}

/// One member's answers to `survey`, leaning towards the first options.
fn answers(survey: &sv::Survey, rng: &mut ChaCha8Rng) -> Vec<sv::Answer> {
    use sv::answer::Value;
    use sv::question::Kind;
    let lean = |rng: &mut ChaCha8Rng, choices: &[sv::Choice]| -> String {
        // Earlier options are likelier: weights n, n-1, …, 1.
        let weights: Vec<usize> = (1..=choices.len()).rev().collect();
        let total: usize = weights.iter().sum();
        let mut pick = rng.random_range(0..total);
        for (choice, weight) in choices.iter().zip(weights) {
            if pick < weight {
                return choice.id.clone();
            }
            pick -= weight;
        }
        choices[0].id.clone()
    };
    survey
        .questions
        .iter()
        .filter_map(|question| {
            let value = match question.kind.as_ref()? {
                Kind::Single(single) => Value::Choices(sv::Picks {
                    choice_ids: vec![lean(rng, &single.choices)],
                }),
                Kind::Multiple(multiple) => {
                    let first = lean(rng, &multiple.choices);
                    let mut picks = vec![first.clone()];
                    if rng.random_bool(0.5) {
                        let other = multiple.choices.choose(rng).map(|c| c.id.clone());
                        picks.extend(other.filter(|o| *o != first));
                    }
                    Value::Choices(sv::Picks { choice_ids: picks })
                }
                Kind::Rating(_) => Value::Rating(*[3, 4, 4, 5, 5, 2].choose(rng).unwrap_or(&4)),
                Kind::Number(_) => Value::Number(f64::from(rng.random_range(5..400u32))),
                Kind::Text(_) if question.optional && rng.random_bool(0.6) => return None,
                Kind::Text(_) => Value::Text(
                    ["Vegetarian, please.", "No nuts for me.", "Anything works!"]
                        .choose(rng)
                        .map(|s| (*s).to_owned())
                        .unwrap_or_default(),
                ),
                Kind::Pledge(pledge) => {
                    if rng.random_bool(0.2) {
                        return None; // Not everyone commits.
                    }
                    let most = pledge.max_per_person.clamp(1, 8) as i64;
                    Value::Pledge(rng.random_range(1..=most))
                }
            };
            Some(sv::Answer {
                question_id: question.id.clone(),
                value: Some(value),
            })
        })
        .collect()
}

impl Run<'_> {
    /// `calls_per_project` surveys per project (at most 9), opened and answered by most of
    /// the project's members; every third one is closed again, so all states show.
    pub(crate) async fn surveys(&mut self, sizes: &ModuleSizes) -> anyhow::Result<()> {
        let per_project = sizes.calls_per_project.min(9) as usize;
        let started = Instant::now();
        let (mut surveys, mut responses) = (0u64, 0u64);
        for p in 0..self.projects.len() {
            let project = self.projects[p].clone();
            let mut rng = unit_rng(self.seed, "survey", p as u64);
            for n in 0..per_project {
                let mut request = survey(n, &project.name);
                request.project_id = project.id.clone();
                let created: sv::CreateSurveyResponse = self
                    .client
                    .typed(CREATE, request, Some(&self.admin_token))
                    .await
                    .with_context(|| format!("CreateSurvey in {}", project.name))?;
                let survey = created.survey.context("CreateSurvey sent no survey")?;
                let opened: sv::OpenSurveyResponse = self
                    .client
                    .typed(
                        OPEN,
                        sv::OpenSurveyRequest {
                            project_id: project.id.clone(),
                            survey_id: survey.id.clone(),
                            closes_at_ms: 0,
                        },
                        Some(&self.admin_token),
                    )
                    .await
                    .context("OpenSurvey")?;
                let survey = opened.survey.context("OpenSurvey sent no survey")?;
                surveys += 1;
                for &m in &project.members {
                    if rng.random_bool(0.15) {
                        continue; // Some never answer.
                    }
                    let member = &self.members[m];
                    let request = sv::SubmitResponseRequest {
                        project_id: project.id.clone(),
                        survey_id: survey.id.clone(),
                        answers: answers(&survey, &mut rng),
                    };
                    let _: sv::SubmitResponseResponse = self
                        .client
                        .typed(SUBMIT, request, Some(&member.token))
                        .await
                        .context("SubmitResponse")?;
                    responses += 1;
                }
                if n % 3 == 2 {
                    let _: sv::CloseSurveyResponse = self
                        .client
                        .typed(
                            CLOSE,
                            sv::CloseSurveyRequest {
                                project_id: project.id.clone(),
                                survey_id: survey.id.clone(),
                            },
                            Some(&self.admin_token),
                        )
                        .await
                        .context("CloseSurvey")?;
                }
            }
        }
        self.summary.count("surveys", surveys, started.elapsed());
        self.summary
            .count("survey responses", responses, started.elapsed());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fake::rand::SeedableRng;

    #[test]
    fn every_answer_fits_its_question() {
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        for n in 0..9 {
            let request = survey(n, "Apollo");
            let survey = sv::Survey {
                questions: request.questions.clone(),
                ..sv::Survey::default()
            };
            for _ in 0..50 {
                for answer in answers(&survey, &mut rng) {
                    let question = survey
                        .questions
                        .iter()
                        .find(|q| q.id == answer.question_id)
                        .expect("answers a question of the survey");
                    match (question.kind.as_ref().unwrap(), answer.value.unwrap()) {
                        (sv::question::Kind::Multiple(m), sv::answer::Value::Choices(p)) => {
                            assert!(!p.choice_ids.is_empty());
                            assert!(p.choice_ids.len() <= m.max_picks as usize);
                        }
                        (sv::question::Kind::Rating(_), sv::answer::Value::Rating(r)) => {
                            assert!((1..=5).contains(&r));
                        }
                        (sv::question::Kind::Pledge(pl), sv::answer::Value::Pledge(u)) => {
                            assert!(u >= 1 && u as u64 <= pl.max_per_person);
                        }
                        _ => {}
                    }
                }
            }
        }
    }
}
