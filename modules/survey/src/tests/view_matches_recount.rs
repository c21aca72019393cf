//! The results view equals a recount: after any sequence of submissions, edits and
//! withdrawals by a few members, the tally the view folded is exactly the tally computed
//! from scratch from the responses stored.

use orbit_proto::orbit::survey::v1 as pb;
use pb::answer::Value;
use proptest::prelude::*;

use super::harness::{Harness, answer, every_kind, picks};
use crate::results_view::{results_view_id, survey_group, tally_of};
use crate::stored::{RESPONSES, decode_pb};
use crate::tally::Tally;

/// One step: member `who` submits `answers` (or withdraws, `None`).
#[derive(Debug, Clone)]
struct Step {
    who: usize,
    answers: Option<Vec<pb::Answer>>,
}

fn answers() -> impl Strategy<Value = Vec<pb::Answer>> {
    (
        0..3usize,
        proptest::option::of(proptest::sample::subsequence(vec!["x", "y", "z"], 1..=2)),
        proptest::option::of(1..=5i32),
        proptest::option::of(prop_oneof![Just(0.0), Just(100.0), 0.0..100.0f64]),
        proptest::option::of(1..=20i64),
    )
        .prop_map(|(single, multiple, rating, number, pledge)| {
            let mut out = vec![answer("s", picks(&[["a", "b", "c"][single]]))];
            if let Some(m) = multiple {
                out.push(answer("m", picks(&m)));
            }
            if let Some(r) = rating {
                out.push(answer("r", Value::Rating(r)));
            }
            if let Some(n) = number {
                out.push(answer("n", Value::Number(n)));
            }
            if let Some(p) = pledge {
                out.push(answer("p", Value::Pledge(p)));
            }
            out
        })
}

fn steps() -> impl Strategy<Value = Vec<Step>> {
    proptest::collection::vec(
        (0..4usize, proptest::option::weighted(0.8, answers()))
            .prop_map(|(who, answers)| Step { who, answers }),
        1..25,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn results_view_equals_a_recount(steps in steps()) {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let h = Harness::open(4).await;
            let survey = h.open_survey(pb::ResultsVisibility::Live, false, every_kind()).await;
            for step in steps {
                let user = &h.users[step.who];
                // Caps (b: 3, pledges: 50 hours) may refuse a step; that is part of the run.
                let _ = match step.answers {
                    Some(answers) => h
                        .surveys
                        .submit(user, &h.project, &survey.id, answers)
                        .await
                        .map(|_| ()),
                    None => h.surveys.withdraw(user, &h.project, &survey.id).await,
                };
            }
            h.settle().await;
            let row = h
                .views
                .row(&results_view_id(), &survey_group(&h.project, &survey.id))
                .await
                .unwrap();
            let folded = tally_of(row).unwrap();
            let page = h.surveys.db.scan(RESPONSES, b"", None, 100).await.unwrap();
            let responses: Vec<pb::Response> = page
                .records
                .iter()
                .map(|r| decode_pb("response", &r.key, &r.value).unwrap())
                .collect();
            let recount = Tally::of(&responses);
            h.close().await;
            assert_eq!(folded, recount);
        });
    }
}
