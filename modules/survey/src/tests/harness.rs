//! A store in a temp dir, identity with cheap password hashing, one org and project with an
//! admin and members, and the survey service with its results view registered.

use std::sync::Arc;
use std::time::Duration;

use orbit_cdc::feed::Feeds;
use orbit_cdc::view::{ViewConfig, ViewEngine};
use orbit_proto::orbit::survey::v1 as pb;
use orbit_proto::orbit::system::v1::Role;
use orbit_system::crypto::KdfParams;
use orbit_system::identity::{
    Added, Credential, Identity, IdentityConfig, Principal, RequestContext,
};
use orbit_system::store::{Store, StoreConfig};
use pb::answer::Value;
use pb::question::Kind;

use crate::{Definition, ResultsView, SURVEY, Surveys, results_view_id};

pub(super) struct Harness {
    pub(super) dir: tempfile::TempDir,
    pub(super) store: Store,
    pub(super) views: ViewEngine,
    pub(super) surveys: Surveys,
    pub(super) project: String,
    pub(super) admin: RequestContext,
    pub(super) users: Vec<RequestContext>,
}

/// A caller acting as `account_id`.
pub(super) fn caller(account_id: &str) -> RequestContext {
    RequestContext {
        principal: Some(Principal {
            account_id: account_id.to_owned(),
            sys_admin: false,
            credential: Credential::Session {
                session_id: String::new(),
            },
        }),
        client_address: None,
        request_id: orbit_system::store::new_id(),
    }
}

pub(super) fn id(caller: &RequestContext) -> String {
    caller
        .principal
        .as_ref()
        .expect("signed in")
        .account_id
        .clone()
}

impl Harness {
    /// An instance with a project, its admin and `users` project users.
    pub(super) async fn open(users: usize) -> Harness {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut config = StoreConfig::in_data_dir(dir.path());
        config.full_sync = false;
        let store = Store::open(config).await.expect("store opens");
        store.declare_databases(["system", "views", "relay"].map(String::from));
        store.declare_module_databases([SURVEY.to_owned()]);
        let identity = Identity::open(
            &store,
            IdentityConfig {
                kdf: KdfParams {
                    memory_kib: 64,
                    iterations: 1,
                    parallelism: 1,
                },
                ..Default::default()
            },
        )
        .await
        .expect("identity opens");
        let sign_up = |email: String| {
            let identity = identity.clone();
            async move {
                let (account, _) = identity
                    .sign_up(&email, "a long enough password 1", "Someone", None)
                    .await
                    .expect("signed up");
                caller(&account.id)
            }
        };
        sign_up("root@example.org".into()).await;
        let admin = sign_up("admin@example.org".into()).await;
        let org = identity.create_org(&admin, "Acme").await.expect("org");
        let project = identity
            .create_project(&admin, &org.id, "Launch")
            .await
            .expect("project")
            .id;
        let mut members = Vec::new();
        for n in 1..=users {
            let email = format!("user{n}@example.org");
            let user = sign_up(email.clone()).await;
            let added = identity
                .set_project_member(&admin, &project, &email, Role::ProjectUser)
                .await
                .expect("invited");
            if let Added::Invited(invitation) = added {
                identity
                    .accept_invitation(&user, &invitation.record.id)
                    .await
                    .expect("accepted");
            }
            members.push(user);
        }
        let feeds = Feeds::new(store.clone());
        let views = ViewEngine::open(
            &store,
            ViewConfig {
                poll: Duration::from_millis(20),
                ..Default::default()
            },
        )
        .await
        .expect("views open");
        views
            .register(Arc::new(ResultsView::default()))
            .await
            .expect("view registered");
        let db = store.database(SURVEY).await.expect("survey database");
        let surveys = Surveys::new(db, identity, feeds, views.clone());
        Harness {
            dir,
            store,
            views,
            surveys,
            project,
            admin,
            users: members,
        }
    }

    /// Waits until the results view has folded everything written so far.
    pub(super) async fn settle(&self) {
        let head = self.surveys.db.head().await.expect("head");
        let deadline = std::time::Instant::now() + Duration::from_secs(20);
        loop {
            let folded = self
                .views
                .folded_seq(&results_view_id())
                .await
                .expect("checkpoint")
                .unwrap_or(0);
            if folded >= head {
                return;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "the results view is stuck at {folded} of {head}"
            );
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }

    /// Creates and opens a survey with `questions`.
    pub(super) async fn open_survey(
        &self,
        visibility: pb::ResultsVisibility,
        anonymous: bool,
        questions: Vec<pb::Question>,
    ) -> pb::Survey {
        let survey = self
            .surveys
            .create(
                &self.admin,
                &self.project,
                Definition {
                    title: "Lunch".into(),
                    visibility: visibility as i32,
                    anonymous,
                    questions,
                    ..Default::default()
                },
            )
            .await
            .expect("created");
        self.surveys
            .open(&self.admin, &self.project, &survey.id, 0)
            .await
            .expect("opened")
    }

    /// Stops the views and closes the store; the temp dir lives as long as what it returns.
    pub(super) async fn close(self) -> tempfile::TempDir {
        self.views.shutdown().await;
        self.store.close().await;
        self.dir
    }
}

/// A choice.
pub(super) fn choice(id: &str, cap: u32) -> pb::Choice {
    pb::Choice {
        id: id.into(),
        label: format!("Choice {id}"),
        cap,
    }
}

/// A question of `kind`.
pub(super) fn question(id: &str, optional: bool, kind: Kind) -> pb::Question {
    pb::Question {
        id: id.into(),
        title: format!("Question {id}"),
        optional,
        condition: None,
        kind: Some(kind),
    }
}

/// The six kinds, as one survey: single `s` (a, b capped at 3, c), multiple `m` (x, y, z;
/// 1-2 picks), rating `r`, number `n` (0-100 kg), text `t` (optional, 20 chars), pledge `p`
/// (optional, 3 people, cap 50 hours).
pub(super) fn every_kind() -> Vec<pb::Question> {
    vec![
        question(
            "s",
            false,
            Kind::Single(pb::SingleChoice {
                choices: vec![choice("a", 0), choice("b", 3), choice("c", 0)],
            }),
        ),
        question(
            "m",
            true,
            Kind::Multiple(pb::MultipleChoice {
                choices: vec![choice("x", 0), choice("y", 0), choice("z", 0)],
                min_picks: 1,
                max_picks: 2,
            }),
        ),
        question("r", true, Kind::Rating(pb::Rating {})),
        question(
            "n",
            true,
            Kind::Number(pb::NumberQuestion {
                unit: "kg".into(),
                min: Some(0.0),
                max: Some(100.0),
            }),
        ),
        question("t", true, Kind::Text(pb::FreeText { max_chars: 20 })),
        question(
            "p",
            true,
            Kind::Pledge(pb::Pledge {
                unit: "hours".into(),
                action: "help move".into(),
                min_people: 3,
                min_units: 0,
                cap: 50,
                max_per_person: 0,
            }),
        ),
    ]
}

/// An answer.
pub(super) fn answer(question_id: &str, value: Value) -> pb::Answer {
    pb::Answer {
        question_id: question_id.into(),
        value: Some(value),
    }
}

/// Picks of a choice question.
pub(super) fn picks(ids: &[&str]) -> Value {
    Value::Choices(pb::Picks {
        choice_ids: ids.iter().map(|s| s.to_string()).collect(),
    })
}
