//! Surveys end to end: every `orbit.survey.v1.SurveyService` RPC through a real gRPC client
//! against a real `orbit serve`, on SQLite and PostgreSQL; conditions hide and require the
//! right questions; an "after close" survey reveals no tally through any RPC or stream
//! before it closes; anonymous exports carry no identity; bad input is refused with a
//! precise error naming the field, and nothing is stored.
//!
//! Each test signs up at most five accounts after the first, the per-address sign-up limit.

use std::time::Duration;

use futures::StreamExt;
use orbit_proto::orbit::survey::v1 as sv;
use orbit_proto::orbit::survey::v1::survey_service_client::SurveyServiceClient;
use orbit_proto::orbit::system::v1 as pb;
use sv::answer::Value;
use sv::question::Kind;
use tonic::Code;
use tonic::transport::Channel;

use crate::common::postgres::SchemaGuard;
use crate::common::tenant::{
    Person, add_member, bearer, create_org, create_project, person, sign_up,
};
use crate::common::{Server, TestDir};

/// A project with its owner (project admin through the org) and members alice and bob.
struct Team {
    project: String,
    owner: Person,
    alice: Person,
    bob: Person,
}

async fn team(channel: &Channel) -> Team {
    sign_up(channel, "root@example.org").await;
    let owner = person(channel, "owner@example.org").await;
    let org = create_org(channel, &owner.token, "Acme").await;
    let project = create_project(channel, &owner.token, &org, "Launch").await;
    let mut members = Vec::new();
    for name in ["alice", "bob"] {
        let email = format!("{name}@example.org");
        let member = person(channel, &email).await;
        add_member(
            channel,
            &owner.token,
            &project,
            &email,
            &member.token,
            pb::Role::ProjectUser,
        )
        .await;
        members.push(member);
    }
    let bob = members.pop().unwrap();
    let alice = members.pop().unwrap();
    Team {
        project,
        owner,
        alice,
        bob,
    }
}

#[derive(Debug, Clone, Copy)]
enum Engine {
    Sqlite,
    Postgres,
}

async fn start(engine: Engine) -> (TestDir, Server, Channel, Option<SchemaGuard>) {
    let dir = TestDir::new();
    let (command, guard) = match engine {
        Engine::Sqlite => (dir.serve(), None),
        Engine::Postgres => {
            let guard = SchemaGuard::new();
            (guard.serve(&dir), Some(guard))
        }
    };
    let server = Server::start(command).await;
    let channel = server.channel().await;
    (dir, server, channel, guard)
}

fn client(channel: &Channel) -> SurveyServiceClient<Channel> {
    SurveyServiceClient::new(channel.clone())
}

fn choice(id: &str, cap: u32) -> sv::Choice {
    sv::Choice {
        id: id.into(),
        label: format!("Choice {id}"),
        cap,
    }
}

fn question(id: &str, optional: bool, kind: Kind) -> sv::Question {
    sv::Question {
        id: id.into(),
        title: format!("Question {id}"),
        optional,
        condition: None,
        kind: Some(kind),
    }
}

/// Every kind: single `s` (a, b, c), multiple `m`, rating `r`, number `n` (0-100 kg),
/// text `t`, pledge `p` (2 people), and `why` (text, shown only when `s` is `b`).
fn questions() -> Vec<sv::Question> {
    let mut why = question("why", false, Kind::Text(sv::FreeText { max_chars: 50 }));
    why.condition = Some(sv::Condition {
        question_id: "s".into(),
        choice_ids: vec!["b".into()],
    });
    vec![
        question(
            "s",
            false,
            Kind::Single(sv::SingleChoice {
                choices: vec![choice("a", 0), choice("b", 0), choice("c", 0)],
            }),
        ),
        why,
        question(
            "m",
            true,
            Kind::Multiple(sv::MultipleChoice {
                choices: vec![choice("x", 0), choice("y", 0)],
                min_picks: 1,
                max_picks: 2,
            }),
        ),
        question("r", true, Kind::Rating(sv::Rating {})),
        question(
            "n",
            true,
            Kind::Number(sv::NumberQuestion {
                unit: "kg".into(),
                min: Some(0.0),
                max: Some(100.0),
            }),
        ),
        question("t", true, Kind::Text(sv::FreeText { max_chars: 100 })),
        question(
            "p",
            true,
            Kind::Pledge(sv::Pledge {
                unit: "hours".into(),
                action: "paint the hall".into(),
                min_people: 2,
                ..Default::default()
            }),
        ),
    ]
}

fn answer(question_id: &str, value: Value) -> sv::Answer {
    sv::Answer {
        question_id: question_id.into(),
        value: Some(value),
    }
}

fn picks(ids: &[&str]) -> Value {
    Value::Choices(sv::Picks {
        choice_ids: ids.iter().map(|s| s.to_string()).collect(),
    })
}

async fn create(
    channel: &Channel,
    team: &Team,
    visibility: sv::ResultsVisibility,
    anonymous: bool,
) -> sv::Survey {
    client(channel)
        .create_survey(bearer(
            sv::CreateSurveyRequest {
                project_id: team.project.clone(),
                title: "Spring clean".into(),
                description: "Who helps?".into(),
                closes_at_ms: 0,
                anonymous,
                visibility: visibility as i32,
                questions: questions(),
            },
            &team.owner.token,
        ))
        .await
        .expect("create survey")
        .into_inner()
        .survey
        .expect("survey")
}

async fn open(channel: &Channel, team: &Team, survey: &sv::Survey) -> sv::Survey {
    client(channel)
        .open_survey(bearer(
            sv::OpenSurveyRequest {
                project_id: team.project.clone(),
                survey_id: survey.id.clone(),
                closes_at_ms: 0,
            },
            &team.owner.token,
        ))
        .await
        .expect("open survey")
        .into_inner()
        .survey
        .expect("survey")
}

async fn submit(
    channel: &Channel,
    team: &Team,
    who: &Person,
    survey: &sv::Survey,
    answers: Vec<sv::Answer>,
) -> Result<sv::Response, tonic::Status> {
    client(channel)
        .submit_response(bearer(
            sv::SubmitResponseRequest {
                project_id: team.project.clone(),
                survey_id: survey.id.clone(),
                answers,
            },
            &who.token,
        ))
        .await
        .map(|r| r.into_inner().response.expect("response"))
}

async fn results(
    channel: &Channel,
    team: &Team,
    who: &Person,
    survey: &sv::Survey,
) -> Result<sv::Results, tonic::Status> {
    client(channel)
        .get_results(bearer(
            sv::GetResultsRequest {
                project_id: team.project.clone(),
                survey_id: survey.id.clone(),
            },
            &who.token,
        ))
        .await
        .map(|r| r.into_inner().results.expect("results"))
}

/// The results once they count `responses` answers (or whatever they show after 20 s). A
/// read waits only so long for the results view to fold the writes before it, which a
/// loaded machine may not do in time: then it is read again.
async fn results_counting(
    channel: &Channel,
    team: &Team,
    who: &Person,
    survey: &sv::Survey,
    responses: u64,
) -> sv::Results {
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    loop {
        let shown = results(channel, team, who, survey).await.expect("results");
        if shown.responses == responses || std::time::Instant::now() >= deadline {
            return shown;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn close(channel: &Channel, team: &Team, survey: &sv::Survey) -> sv::Survey {
    client(channel)
        .close_survey(bearer(
            sv::CloseSurveyRequest {
                project_id: team.project.clone(),
                survey_id: survey.id.clone(),
            },
            &team.owner.token,
        ))
        .await
        .expect("close survey")
        .into_inner()
        .survey
        .expect("survey")
}

async fn export(
    channel: &Channel,
    team: &Team,
    survey: &sv::Survey,
) -> Result<String, tonic::Status> {
    let mut stream = client(channel)
        .export_responses(bearer(
            sv::ExportResponsesRequest {
                project_id: team.project.clone(),
                survey_id: survey.id.clone(),
            },
            &team.owner.token,
        ))
        .await?
        .into_inner();
    let mut csv = Vec::new();
    while let Some(chunk) = stream.next().await {
        csv.extend(chunk?.chunk);
    }
    Ok(String::from_utf8(csv).expect("utf-8 csv"))
}

fn refused(result: Result<impl std::fmt::Debug, tonic::Status>, code: Code, field: &str) {
    match result {
        Err(status) => {
            assert_eq!(status.code(), code, "{status:?}");
            assert!(
                status.message().contains(field),
                "{:?} does not name {field}",
                status.message()
            );
            assert!(!status.message().ends_with('.'), "{:?}", status.message());
        }
        Ok(value) => panic!("expected {code:?} naming {field}, got {value:?}"),
    }
}

fn counts(results: &sv::Results, question: &str) -> Vec<u64> {
    results
        .questions
        .iter()
        .find(|q| q.question_id == question)
        .expect("question")
        .choices
        .iter()
        .map(|c| c.count)
        .collect()
}

async fn every_rpc(engine: Engine) {
    let (_dir, _server, channel, _guard) = start(engine).await;
    let team = team(&channel).await;
    let survey = create(&channel, &team, sv::ResultsVisibility::Live, false).await;
    assert_eq!(survey.state, sv::SurveyState::Draft as i32);

    // A draft: only admins see it; nobody may answer it.
    let listed = client(&channel)
        .list_surveys(bearer(
            sv::ListSurveysRequest {
                project_id: team.project.clone(),
            },
            &team.alice.token,
        ))
        .await
        .unwrap()
        .into_inner()
        .surveys;
    assert!(listed.is_empty(), "a member sees a draft");
    refused(
        submit(
            &channel,
            &team,
            &team.alice,
            &survey,
            vec![answer("s", picks(&["a"]))],
        )
        .await,
        Code::NotFound,
        "survey",
    );
    let updated = client(&channel)
        .update_survey(bearer(
            sv::UpdateSurveyRequest {
                project_id: team.project.clone(),
                survey_id: survey.id.clone(),
                expected_version: survey.version,
                title: "Spring clean 2".into(),
                visibility: sv::ResultsVisibility::Live as i32,
                questions: questions(),
                ..Default::default()
            },
            &team.owner.token,
        ))
        .await
        .expect("update draft")
        .into_inner()
        .survey
        .unwrap();
    assert_eq!(updated.title, "Spring clean 2");
    // A condition on a later question is refused.
    let mut backwards = questions();
    backwards.swap(0, 1);
    refused(
        client(&channel)
            .create_survey(bearer(
                sv::CreateSurveyRequest {
                    project_id: team.project.clone(),
                    title: "Bad".into(),
                    questions: backwards,
                    ..Default::default()
                },
                &team.owner.token,
            ))
            .await,
        Code::InvalidArgument,
        "questions[0].condition.question_id",
    );

    let survey = open(&channel, &team, &updated).await;
    assert_eq!(survey.state, sv::SurveyState::Open as i32);
    let got = client(&channel)
        .get_survey(bearer(
            sv::GetSurveyRequest {
                project_id: team.project.clone(),
                survey_id: survey.id.clone(),
            },
            &team.alice.token,
        ))
        .await
        .unwrap()
        .into_inner();
    assert!(got.my_response.is_none());

    // Answers; the condition shows `why` for b and requires it.
    submit(
        &channel,
        &team,
        &team.alice,
        &survey,
        vec![
            answer("s", picks(&["a"])),
            answer("m", picks(&["x", "y"])),
            answer("r", Value::Rating(5)),
            answer("n", Value::Number(40.0)),
            answer("t", Value::Text("count me in".into())),
            answer("p", Value::Pledge(3)),
        ],
    )
    .await
    .expect("alice answers");
    refused(
        submit(
            &channel,
            &team,
            &team.bob,
            &survey,
            vec![answer("s", picks(&["b"]))],
        )
        .await,
        Code::InvalidArgument,
        "answers",
    );
    refused(
        submit(
            &channel,
            &team,
            &team.bob,
            &survey,
            vec![
                answer("s", picks(&["a"])),
                answer("why", Value::Text("x".into())),
            ],
        )
        .await,
        Code::InvalidArgument,
        "answers[1]",
    );
    // Bad input, each refused naming its field; nothing stored.
    let before = results_counting(&channel, &team, &team.owner, &survey, 1).await;
    for (answers, field) in [
        (vec![answer("s", picks(&["x"]))], "answers[0].choices[0]"),
        (
            vec![answer("s", picks(&["a"])), answer("r", Value::Rating(6))],
            "answers[1].rating",
        ),
        (
            vec![
                answer("s", picks(&["a"])),
                answer("n", Value::Number(100.5)),
            ],
            "answers[1].number",
        ),
        (
            vec![answer("s", picks(&["a"])), answer("p", Value::Pledge(-2))],
            "answers[1].pledge",
        ),
    ] {
        refused(
            submit(&channel, &team, &team.bob, &survey, answers).await,
            Code::InvalidArgument,
            field,
        );
    }
    submit(
        &channel,
        &team,
        &team.bob,
        &survey,
        vec![
            answer("s", picks(&["b"])),
            answer("why", Value::Text("because".into())),
            answer("p", Value::Pledge(4)),
        ],
    )
    .await
    .expect("bob answers");
    let after = results_counting(&channel, &team, &team.owner, &survey, 2).await;
    assert_eq!(before.responses, 1);
    assert_eq!(after.responses, 2);
    assert_eq!(counts(&after, "s"), vec![1, 1, 0]);
    let pledge = after
        .questions
        .iter()
        .find(|q| q.question_id == "p")
        .unwrap();
    assert_eq!(
        (
            pledge.pledged_units,
            pledge.pledgers,
            pledge.threshold_reached
        ),
        (7, 2, true)
    );

    // An open survey's answered option cannot change.
    let mut changed = questions();
    if let Some(Kind::Single(single)) = &mut changed[0].kind {
        single.choices[0].label = "Something else".into();
    }
    refused(
        client(&channel)
            .update_survey(bearer(
                sv::UpdateSurveyRequest {
                    project_id: team.project.clone(),
                    survey_id: survey.id.clone(),
                    title: "Spring clean 2".into(),
                    visibility: sv::ResultsVisibility::Live as i32,
                    questions: changed,
                    ..Default::default()
                },
                &team.owner.token,
            ))
            .await,
        Code::FailedPrecondition,
        "questions[0].choices[0]",
    );

    // A live watch sees bob's withdrawal.
    let mut watch = client(&channel)
        .watch_results(bearer(
            sv::WatchResultsRequest {
                project_id: team.project.clone(),
                survey_id: survey.id.clone(),
                heartbeat_seconds: 1,
            },
            &team.alice.token,
        ))
        .await
        .expect("watch")
        .into_inner();
    let first = next_results(&mut watch).await;
    assert_eq!(first.responses, 2);
    client(&channel)
        .withdraw_response(bearer(
            sv::WithdrawResponseRequest {
                project_id: team.project.clone(),
                survey_id: survey.id.clone(),
            },
            &team.bob.token,
        ))
        .await
        .expect("withdraw");
    let second = next_results(&mut watch).await;
    assert_eq!(second.responses, 1);
    assert!(
        !second
            .questions
            .iter()
            .find(|q| q.question_id == "p")
            .unwrap()
            .threshold_reached
    );

    // Export names the respondent of a named survey.
    let csv = export(&channel, &team, &survey).await.expect("export");
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("respondent_id,submitted_at_ms,s,why,m,r,n,t,p")
    );
    let row = lines.next().expect("alice's row");
    assert!(
        row.starts_with(&team.alice.id) && row.ends_with(",a,,x;y,5,40,count me in,3"),
        "{row}"
    );
    assert_eq!(lines.next(), None);

    // Closed: no answers; reopened by the admin: answers again.
    let closed = close(&channel, &team, &survey).await;
    assert_eq!(closed.state, sv::SurveyState::Closed as i32);
    refused(
        submit(
            &channel,
            &team,
            &team.bob,
            &survey,
            vec![answer("s", picks(&["a"]))],
        )
        .await,
        Code::FailedPrecondition,
        "survey_id",
    );
    let reopened = open(&channel, &team, &closed).await;
    assert_eq!(reopened.state, sv::SurveyState::Open as i32);
    submit(
        &channel,
        &team,
        &team.bob,
        &reopened,
        vec![answer("s", picks(&["c"]))],
    )
    .await
    .expect("answer after reopening");
}

async fn next_results(watch: &mut tonic::Streaming<sv::WatchResultsResponse>) -> sv::Results {
    loop {
        let item = tokio::time::timeout(Duration::from_secs(15), watch.next())
            .await
            .expect("a watch update in time")
            .expect("stream open")
            .expect("no error");
        if let Some(sv::watch_results_response::Kind::Results(results)) = item.kind {
            return results;
        }
    }
}

#[tokio::test]
async fn every_rpc_on_sqlite() {
    every_rpc(Engine::Sqlite).await;
}

#[tokio::test]
async fn every_rpc_on_postgres() {
    every_rpc(Engine::Postgres).await;
}

#[tokio::test]
async fn after_close_reveals_nothing_early_and_anonymous_exports_name_nobody() {
    let (_dir, _server, channel, _guard) = start(Engine::Sqlite).await;
    let team = team(&channel).await;
    let survey = create(&channel, &team, sv::ResultsVisibility::AfterClose, true).await;
    let survey = open(&channel, &team, &survey).await;
    let mut watch = client(&channel)
        .watch_results(bearer(
            sv::WatchResultsRequest {
                project_id: team.project.clone(),
                survey_id: survey.id.clone(),
                heartbeat_seconds: 1,
            },
            &team.alice.token,
        ))
        .await
        .expect("watch")
        .into_inner();
    for who in [&team.alice, &team.bob] {
        submit(
            &channel,
            &team,
            who,
            &survey,
            vec![
                answer("s", picks(&["a"])),
                answer("t", Value::Text("secret".into())),
            ],
        )
        .await
        .expect("answer");
    }
    for who in [&team.owner, &team.alice, &team.bob] {
        refused(
            results(&channel, &team, who, &survey).await,
            Code::FailedPrecondition,
            "after it closes",
        );
    }
    refused(
        export(&channel, &team, &survey).await,
        Code::FailedPrecondition,
        "after it closes",
    );
    // The watcher gets heartbeats only until the survey closes.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(3);
    while tokio::time::Instant::now() < deadline {
        match tokio::time::timeout(Duration::from_millis(500), watch.next()).await {
            Ok(Some(Ok(item))) => assert!(
                matches!(
                    item.kind,
                    Some(sv::watch_results_response::Kind::Heartbeat(_))
                ),
                "a tally before close: {item:?}"
            ),
            Ok(other) => panic!("watch ended: {other:?}"),
            Err(_) => {}
        }
    }
    close(&channel, &team, &survey).await;
    let shown = next_results(&mut watch).await;
    assert_eq!(shown.responses, 2);
    assert_eq!(counts(&shown, "s"), vec![2, 0, 0]);
    let csv = export(&channel, &team, &survey)
        .await
        .expect("export after close");
    for id in [&team.alice.id, &team.bob.id] {
        assert!(
            !csv.contains(id.as_str()),
            "anonymous export names {id}: {csv}"
        );
    }
    assert!(csv.starts_with("s,why,m,r,n,t,p\n"), "{csv}");
    assert_eq!(csv.lines().count(), 3);
}

/// Three members answer a one-place option at once on PostgreSQL (rows locked by the
/// commit, several writers): exactly one gets it, the others are told it is full.
#[tokio::test]
async fn a_cap_holds_under_concurrent_answers_on_postgres() {
    let (_dir, _server, channel, _guard) = start(Engine::Postgres).await;
    let team = team(&channel).await;
    let survey = client(&channel)
        .create_survey(bearer(
            sv::CreateSurveyRequest {
                project_id: team.project.clone(),
                title: "One seat".into(),
                visibility: sv::ResultsVisibility::Live as i32,
                questions: vec![question(
                    "seat",
                    false,
                    Kind::Single(sv::SingleChoice {
                        choices: vec![choice("front", 1), choice("back", 0)],
                    }),
                )],
                ..Default::default()
            },
            &team.owner.token,
        ))
        .await
        .expect("create")
        .into_inner()
        .survey
        .unwrap();
    let survey = open(&channel, &team, &survey).await;
    let attempts = [&team.owner, &team.alice, &team.bob].map(|who| {
        submit(
            &channel,
            &team,
            who,
            &survey,
            vec![answer("seat", picks(&["front"]))],
        )
    });
    let outcomes = futures::future::join_all(attempts).await;
    let taken = outcomes.iter().filter(|o| o.is_ok()).count();
    assert_eq!(taken, 1, "{outcomes:?}");
    for outcome in outcomes.into_iter().filter(|o| o.is_err()) {
        refused(outcome, Code::FailedPrecondition, "answers[0].choices[0]");
    }
    let shown = results_counting(&channel, &team, &team.owner, &survey, 1).await;
    assert_eq!(counts(&shown, "seat"), vec![1, 0]);
}

#[tokio::test(flavor = "multi_thread")]
async fn retention_prunes_the_survey_outbox_too() {
    let dir = TestDir::new();
    let mut command = dir.serve();
    command.args(["--feed-retention", "5"]);
    let mut server = Server::start(command).await;
    let channel = server.channel().await;
    let team = team(&channel).await;
    let survey = create(&channel, &team, sv::ResultsVisibility::Live, false).await;
    // Twenty writes to the survey database: a draft edited over and over.
    let mut version = survey.version;
    for n in 0..20 {
        version = client(&channel)
            .update_survey(bearer(
                sv::UpdateSurveyRequest {
                    project_id: team.project.clone(),
                    survey_id: survey.id.clone(),
                    expected_version: version,
                    title: format!("Spring clean, take {n}"),
                    description: survey.description.clone(),
                    closes_at_ms: 0,
                    anonymous: false,
                    visibility: survey.visibility,
                    questions: survey.questions.clone(),
                },
                &team.owner.token,
            ))
            .await
            .expect("update the draft")
            .into_inner()
            .survey
            .expect("survey")
            .version;
    }
    assert!(server.stop("TERM").await.success());
    // Retention prunes at start: the survey database's outbox too, though it has no public
    // feed; the survey itself is untouched.
    let mut command = dir.serve();
    command.args(["--feed-retention", "5"]);
    let server = Server::start(command).await;
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while !server
        .logs()
        .lines()
        .any(|l| l.contains("outbox pruned") && l.contains("survey"))
    {
        assert!(
            std::time::Instant::now() < deadline,
            "the survey outbox was not pruned\n{}",
            server.logs()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let channel = server.channel().await;
    let owner = crate::common::tenant::log_in(&channel, "owner@example.org").await;
    let read = client(&channel)
        .get_survey(bearer(
            sv::GetSurveyRequest {
                project_id: team.project.clone(),
                survey_id: survey.id.clone(),
            },
            &owner,
        ))
        .await
        .expect("the survey reads back")
        .into_inner()
        .survey
        .expect("survey");
    assert_eq!(read.title, "Spring clean, take 19");
}
