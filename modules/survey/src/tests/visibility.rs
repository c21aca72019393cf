//! Results visibility over time: "after answer" shows a member the tally once they have
//! answered (everyone once closed), and a survey past its closing time is closed on the
//! next read (lazily), taking no answer and showing "after close" results.

use std::time::Duration;

use orbit_proto::orbit::survey::v1 as pb;

use super::harness::{Harness, answer, every_kind, picks};
use crate::Definition;
use crate::error::SurveyError;
use crate::survey::now_ms;

#[tokio::test]
async fn after_answer_shows_results_to_respondents_only() {
    let h = Harness::open(2).await;
    let survey = h
        .open_survey(pb::ResultsVisibility::AfterAnswer, false, every_kind())
        .await;
    let (p, s) = (&h.project, &survey.id);
    h.surveys
        .submit(&h.users[0], p, s, vec![answer("s", picks(&["a"]))])
        .await
        .unwrap();
    h.settle().await;
    assert_eq!(
        h.surveys
            .results(&h.users[0], p, s)
            .await
            .unwrap()
            .responses,
        1
    );
    let hidden = h.surveys.results(&h.users[1], p, s).await.unwrap_err();
    assert!(
        matches!(hidden, SurveyError::FailedPrecondition { .. }),
        "{hidden}"
    );
    // Withdrawn: hidden again.
    h.surveys.withdraw(&h.users[0], p, s).await.unwrap();
    assert!(h.surveys.results(&h.users[0], p, s).await.is_err());
    h.surveys.close(&h.admin, p, s).await.unwrap();
    h.settle().await;
    assert_eq!(
        h.surveys
            .results(&h.users[1], p, s)
            .await
            .unwrap()
            .responses,
        0
    );
    h.close().await;
}

#[tokio::test]
async fn a_survey_closes_by_its_time() {
    let h = Harness::open(1).await;
    let survey = h
        .surveys
        .create(
            &h.admin,
            &h.project,
            Definition {
                title: "Quick".into(),
                visibility: pb::ResultsVisibility::AfterClose as i32,
                questions: every_kind(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let (p, s) = (&h.project, &survey.id);
    // Far enough ahead that opening and answering surely happen before it on a loaded machine.
    let closes = now_ms() + 3_000;
    let survey = h.surveys.open(&h.admin, p, s, closes).await.unwrap();
    assert_eq!(survey.state, pb::SurveyState::Open as i32);
    h.surveys
        .submit(&h.users[0], p, s, vec![answer("s", picks(&["b"]))])
        .await
        .unwrap();
    assert!(h.surveys.results(&h.users[0], p, s).await.is_err());
    // Until just past the closing time, however long the steps above took.
    let past_closing = u64::try_from(closes - now_ms() + 200).unwrap_or(0);
    tokio::time::sleep(Duration::from_millis(past_closing)).await;
    let (read, _) = h.surveys.get(&h.users[0], p, s).await.unwrap();
    assert_eq!(read.state, pb::SurveyState::Closed as i32);
    let late = h
        .surveys
        .submit(&h.users[0], p, s, vec![answer("s", picks(&["a"]))])
        .await
        .unwrap_err();
    assert!(late.to_string().contains("closed"), "{late}");
    h.settle().await;
    assert_eq!(
        h.surveys
            .results(&h.users[0], p, s)
            .await
            .unwrap()
            .responses,
        1
    );
    // Reopened by the admin: it takes answers again, and closes by hand from now on.
    let reopened = h.surveys.open(&h.admin, p, s, 0).await.unwrap();
    assert_eq!(
        (reopened.state, reopened.closes_at_ms),
        (pb::SurveyState::Open as i32, 0)
    );
    h.close().await;
}
