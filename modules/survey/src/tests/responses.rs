//! Responses through the service: every kind answered and tallied, edits and withdrawals,
//! conditions, precise refusals that store nothing, caps under concurrent answers,
//! visibility, and what the survey database holds (no plaintext, no account id when
//! anonymous).

use orbit_proto::orbit::survey::v1 as pb;
use pb::answer::Value;
use pb::question::Kind;

use super::harness::{Harness, answer, choice, every_kind, id, picks, question};
use crate::error::SurveyError;
use crate::stored::{COUNTERS, RESPONSES};

fn invalid_field(error: SurveyError) -> String {
    match error {
        SurveyError::Invalid { field, .. } | SurveyError::FailedPrecondition { field, .. } => field,
        other => panic!("expected a refusal naming a field, got {other:?}"),
    }
}

#[tokio::test]
async fn answers_are_checked_tallied_edited_and_withdrawn() {
    let h = Harness::open(3).await;
    let survey = h
        .open_survey(pb::ResultsVisibility::Live, false, every_kind())
        .await;
    let (p, s) = (&h.project, &survey.id);
    let full = vec![
        answer("s", picks(&["b"])),
        answer("m", picks(&["x", "z"])),
        answer("r", Value::Rating(4)),
        answer("n", Value::Number(72.5)),
        answer("t", Value::Text("fine".into())),
        answer("p", Value::Pledge(5)),
    ];
    let stored = h
        .surveys
        .submit(&h.users[0], p, s, full.clone())
        .await
        .expect("submitted");
    assert_eq!(stored.respondent_id, id(&h.users[0]));
    h.surveys
        .submit(
            &h.users[1],
            p,
            s,
            vec![answer("s", picks(&["a"])), answer("r", Value::Rating(2))],
        )
        .await
        .expect("second");
    let head = h.surveys.db.head().await.unwrap();
    // Bad input: each names its field, and nothing is stored.
    let bad: Vec<(Vec<pb::Answer>, &str)> = vec![
        (vec![answer("s", picks(&["x"]))], "answers[0].choices[0]"),
        (
            vec![answer("s", picks(&["a"])), answer("r", Value::Rating(6))],
            "answers[1].rating",
        ),
        (
            vec![
                answer("s", picks(&["a"])),
                answer("n", Value::Number(101.0)),
            ],
            "answers[1].number",
        ),
        (
            vec![answer("s", picks(&["a"])), answer("p", Value::Pledge(-3))],
            "answers[1].pledge",
        ),
        (
            vec![
                answer("s", picks(&["a"])),
                answer("t", Value::Text("x".repeat(21))),
            ],
            "answers[1].text",
        ),
        (
            vec![
                answer("s", picks(&["a"])),
                answer("m", picks(&["x", "y", "z"])),
            ],
            "answers[1].choices",
        ),
        (vec![answer("r", Value::Rating(3))], "answers"),
        (vec![answer("s", Value::Rating(3))], "answers[0].value"),
        (
            vec![answer("q", Value::Rating(3))],
            "answers[0].question_id",
        ),
    ];
    for (answers, field) in bad {
        let error = h
            .surveys
            .submit(&h.users[2], p, s, answers)
            .await
            .unwrap_err();
        let message = error.to_string();
        assert_eq!(invalid_field(error), field, "{message}");
    }
    assert_eq!(
        h.surveys.db.head().await.unwrap(),
        head,
        "a refusal stored something"
    );
    h.settle().await;
    let results = h.surveys.results(&h.admin, p, s).await.expect("results");
    assert_eq!(results.responses, 2);
    let q = |id: &str| {
        results
            .questions
            .iter()
            .find(|q| q.question_id == id)
            .unwrap()
            .clone()
    };
    assert_eq!(
        q("s").choices.iter().map(|c| c.count).collect::<Vec<_>>(),
        vec![1, 1, 0]
    );
    assert_eq!(q("r").rating_histogram, vec![0, 1, 0, 1, 0]);
    assert_eq!(q("r").rating_mean, 3.0);
    assert_eq!(
        (q("n").number_sum, q("n").number_min, q("n").number_max),
        (72.5, 72.5, 72.5)
    );
    assert_eq!(
        (
            q("p").pledged_units,
            q("p").pledgers,
            q("p").threshold_reached
        ),
        (5, 1, false)
    );
    // Edit, then withdraw: the tally follows.
    h.surveys
        .submit(&h.users[0], p, s, vec![answer("s", picks(&["c"]))])
        .await
        .expect("edited");
    h.surveys
        .withdraw(&h.users[1], p, s)
        .await
        .expect("withdrawn");
    h.settle().await;
    let results = h.surveys.results(&h.admin, p, s).await.expect("results");
    assert_eq!(results.responses, 1);
    let sq = &results.questions[0];
    assert_eq!(
        sq.choices.iter().map(|c| c.count).collect::<Vec<_>>(),
        vec![0, 0, 1]
    );
    assert_eq!(results.questions[5].pledged_units, 0);
    // Closed: no answers, no withdrawals.
    h.surveys.close(&h.admin, p, s).await.expect("closed");
    let error = h.surveys.submit(&h.users[2], p, s, full).await.unwrap_err();
    assert_eq!(invalid_field(error), "survey_id");
    assert!(h.surveys.withdraw(&h.users[0], p, s).await.is_err());
    h.close().await;
}

#[tokio::test]
async fn conditions_hide_and_require_and_refer_only_backwards() {
    let h = Harness::open(1).await;
    let mut follow_up = question("why", false, Kind::Text(pb::FreeText { max_chars: 100 }));
    follow_up.condition = Some(pb::Condition {
        question_id: "s".into(),
        choice_ids: vec!["b".into()],
    });
    let mut questions = every_kind();
    questions.truncate(1);
    questions.push(follow_up.clone());
    // A condition on a later question is refused, naming it.
    let mut backwards = vec![follow_up.clone(), questions[0].clone()];
    backwards[0].condition.as_mut().unwrap().question_id = "s".into();
    let error = h
        .surveys
        .create(
            &h.admin,
            &h.project,
            crate::Definition {
                title: "Bad".into(),
                questions: backwards,
                ..Default::default()
            },
        )
        .await
        .unwrap_err();
    assert_eq!(invalid_field(error), "questions[0].condition.question_id");
    let survey = h
        .open_survey(pb::ResultsVisibility::Live, false, questions)
        .await;
    let (p, s, u) = (&h.project, &survey.id, &h.users[0]);
    // Hidden (picked a): must not be answered.
    let error = h
        .surveys
        .submit(
            u,
            p,
            s,
            vec![
                answer("s", picks(&["a"])),
                answer("why", Value::Text("x".into())),
            ],
        )
        .await
        .unwrap_err();
    assert_eq!(invalid_field(error), "answers[1]");
    h.surveys
        .submit(u, p, s, vec![answer("s", picks(&["a"]))])
        .await
        .expect("hidden skipped");
    // Shown (picked b) and required.
    let error = h
        .surveys
        .submit(u, p, s, vec![answer("s", picks(&["b"]))])
        .await
        .unwrap_err();
    assert_eq!(invalid_field(error), "answers");
    h.surveys
        .submit(
            u,
            p,
            s,
            vec![
                answer("s", picks(&["b"])),
                answer("why", Value::Text("x".into())),
            ],
        )
        .await
        .expect("shown answered");
    // An open survey's option with answers cannot change; one without can.
    let mut changed = survey.questions.clone();
    if let Some(Kind::Single(single)) = &mut changed[0].kind {
        single.choices[1].label = "Other".into();
    }
    let definition = |questions| crate::Definition {
        title: survey.title.clone(),
        visibility: survey.visibility,
        questions,
        ..Default::default()
    };
    let error = h
        .surveys
        .update(&h.admin, p, s, 0, definition(changed.clone()))
        .await
        .unwrap_err();
    assert_eq!(invalid_field(error), "questions[0].choices[1]");
    if let Some(Kind::Single(single)) = &mut changed[0].kind {
        single.choices[1].label = survey.questions[0]
            .kind
            .as_ref()
            .map_or(String::new(), |k| match k {
                Kind::Single(s) => s.choices[1].label.clone(),
                _ => String::new(),
            });
        single.choices[2].label = "Renamed".into();
        single.choices.push(choice("d", 0));
    }
    h.surveys
        .update(&h.admin, p, s, 0, definition(changed))
        .await
        .expect("unanswered choice renamed, one added");
    h.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_answers_never_exceed_a_cap() {
    let h = Harness::open(10).await;
    let survey = h
        .open_survey(
            pb::ResultsVisibility::Live,
            false,
            vec![question(
                "s",
                false,
                Kind::Single(pb::SingleChoice {
                    choices: vec![choice("seat", 4), choice("standing", 0)],
                }),
            )],
        )
        .await;
    let tasks: Vec<_> = h
        .users
        .iter()
        .map(|user| {
            let (surveys, user, p, s) = (
                h.surveys.clone(),
                user.clone(),
                h.project.clone(),
                survey.id.clone(),
            );
            tokio::spawn(async move {
                surveys
                    .submit(&user, &p, &s, vec![answer("s", picks(&["seat"]))])
                    .await
            })
        })
        .collect();
    let mut taken = 0;
    for task in tasks {
        match task.await.unwrap() {
            Ok(_) => taken += 1,
            Err(SurveyError::FailedPrecondition { field, reason }) => {
                assert_eq!(field, "answers[0].choices[0]", "{reason}");
            }
            Err(other) => panic!("unexpected {other}"),
        }
    }
    assert_eq!(taken, 4, "exactly the cap is taken");
    h.settle().await;
    let results = h
        .surveys
        .results(&h.admin, &h.project, &survey.id)
        .await
        .unwrap();
    assert_eq!(results.questions[0].choices[0].count, 4);
    let counters = h.surveys.db.scan(COUNTERS, b"", None, 100).await.unwrap();
    assert_eq!(counters.records.len(), 1);
    h.close().await;
}

#[tokio::test]
async fn after_close_hides_results_until_closed() {
    let h = Harness::open(1).await;
    let survey = h
        .open_survey(pb::ResultsVisibility::AfterClose, false, every_kind())
        .await;
    let (p, s) = (&h.project, &survey.id);
    h.surveys
        .submit(&h.users[0], p, s, vec![answer("s", picks(&["a"]))])
        .await
        .unwrap();
    for caller in [&h.admin, &h.users[0]] {
        let error = h.surveys.results(caller, p, s).await.unwrap_err();
        assert!(
            matches!(error, SurveyError::FailedPrecondition { .. }),
            "{error}"
        );
    }
    assert!(h.surveys.export(&h.admin, p, s).await.is_err());
    h.surveys.close(&h.admin, p, s).await.unwrap();
    h.settle().await;
    let results = h.surveys.results(&h.users[0], p, s).await.unwrap();
    assert_eq!(results.responses, 1);
    h.close().await;
}

#[tokio::test]
async fn anonymous_responses_are_not_linkable_and_nothing_is_plaintext() {
    const MARKER: &str = "zebra-marker-4711";
    let h = Harness::open(1).await;
    let mut questions = every_kind();
    questions[0].title = format!("Title {MARKER}");
    let survey = h
        .open_survey(pb::ResultsVisibility::Live, true, questions)
        .await;
    let (p, s, u) = (&h.project, &survey.id, &h.users[0]);
    let stored = h
        .surveys
        .submit(
            u,
            p,
            s,
            vec![
                answer("s", picks(&["a"])),
                answer("t", Value::Text(MARKER[..15].into())),
            ],
        )
        .await
        .unwrap();
    assert!(stored.respondent_id.is_empty());
    let account = id(u);
    let page = h.surveys.db.scan(RESPONSES, b"", None, 10).await.unwrap();
    assert_eq!(page.records.len(), 1);
    let record = &page.records[0];
    assert!(
        !String::from_utf8_lossy(&record.key).contains(&account),
        "key names the account"
    );
    assert!(
        !String::from_utf8_lossy(&record.value).contains(&account),
        "value names the account"
    );
    // The caller still finds its own response.
    let (_, mine) = h.surveys.get(u, p, s).await.unwrap();
    assert!(mine.is_some());
    let mut csv = Vec::new();
    let mut chunks = h.surveys.export(&h.admin, p, s).await.unwrap();
    while let Some(chunk) = futures::StreamExt::next(&mut chunks).await {
        csv.extend(chunk.unwrap());
    }
    let csv = String::from_utf8(csv).unwrap();
    assert!(
        !csv.contains(&account) && !csv.contains("respondent"),
        "{csv}"
    );
    let dir = h.close().await;
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with("survey.db") {
            // A -wal or -shm file may go away as the store finishes closing: it held nothing.
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            for needle in [
                MARKER.as_bytes(),
                &MARKER.as_bytes()[..15],
                account.as_bytes(),
            ] {
                assert!(
                    !bytes.windows(needle.len()).any(|w| w == needle),
                    "{name} holds plaintext {:?}",
                    String::from_utf8_lossy(needle)
                );
            }
        }
    }
}
