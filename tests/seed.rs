//! `orbit seed` and first-start demo data against a real `orbit serve`: a small template
//! yields exactly the counts it asks for (read back through the API), the same `--seed`
//! gives the same content on two fresh servers, a fresh `orbit serve` with demo data prints
//! a log-in that works and sees data (and seeds nothing with it off), and bad templates are
//! refused with one line before anything is written.

use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;
use std::process::Output;

use orbit_proto::orbit::cdc::v1 as cdc;
use orbit_proto::orbit::cdc::v1::view_service_client::ViewServiceClient;
use orbit_proto::orbit::chat::v1 as chat;
use orbit_proto::orbit::chat::v1::chat_service_client::ChatServiceClient;
use orbit_proto::orbit::system::v1 as pb;
use orbit_proto::orbit::system::v1::account_service_client::AccountServiceClient;
use orbit_proto::orbit::system::v1::membership_service_client::MembershipServiceClient;
use orbit_proto::orbit::system::v1::org_service_client::OrgServiceClient;
use orbit_proto::orbit::system::v1::project_service_client::ProjectServiceClient;
use orbit_proto::orbit::system::v1::record_service_client::RecordServiceClient;
use orbit_proto::orbit::user::v1 as upb;
use orbit_proto::orbit::user::v1::user_module_service_client::UserModuleServiceClient;
use tonic::transport::Channel;

use crate::common::tenant::bearer;
use crate::common::{Server, TestDir, assert_refused, run};

const PASSWORD: &str = "seed-test-password-81f2";
const ADMIN: &str = "admin@seed.example";
const ENTITIES: [&str; 4] = ["task", "invoice", "contact", "note"];

/// A small template: every phase, a few of each.
const TEMPLATE: &str = "\
orgs: 2
projects_per_org: 2
users_per_org:
  org_admin: 1
  project_admin: 1
  project_user: 2
records_per_project: 9
views_per_project: 2
modules:
  chat: { rooms_per_project: 2, messages_per_room: 5 }
";

/// [`TEMPLATE`], with two surveys per project where the build has the survey module.
fn template() -> String {
    let survey = if cfg!(feature = "survey") {
        "  survey: { calls_per_project: 2 }\n"
    } else {
        ""
    };
    format!("{TEMPLATE}{survey}")
}

/// `orbit seed` of `template` into `server`.
fn seed(dir: &TestDir, server: &Server, template: &str, seed: u64) -> Output {
    let path = dir.path().join(format!("template-{seed}.yaml"));
    std::fs::write(&path, template).unwrap();
    let mut command = dir.orbit();
    command
        .env("ORBIT_SEED_PASSWORD", PASSWORD)
        .args(["seed", "--no-progress", "--server", &server.url()])
        .args(["--admin-email", ADMIN, "--seed", &seed.to_string()])
        .arg("--template")
        .arg(&path);
    run(command)
}

async fn log_in(channel: &Channel, email: &str, password: &str) -> String {
    AccountServiceClient::new(channel.clone())
        .log_in(pb::LogInRequest {
            email: email.into(),
            password: password.into(),
        })
        .await
        .unwrap_or_else(|e| panic!("log in {email}: {e}"))
        .into_inner()
        .tokens
        .unwrap()
        .access_token
}

/// Everything seeded, as the admin reads it through the API, ids left out and lists sorted
/// where the server's order depends on ids.
#[derive(Debug, Default, PartialEq)]
struct Dump {
    /// org name → project names
    orgs: BTreeMap<String, Vec<String>>,
    /// org name → sorted (role, e-mail) of its members
    members: BTreeMap<String, Vec<(i32, String)>>,
    /// project name → sorted records as (entity, JSON)
    records: BTreeMap<String, Vec<(String, String)>>,
    /// project name → view names
    views: BTreeMap<String, Vec<String>>,
    /// project name → room name → messages (text, is a reply, reactions) in order
    rooms: BTreeMap<String, Rooms>,
    /// project name → sorted (survey title, state, questions)
    surveys: BTreeMap<String, Vec<(String, i32, usize)>>,
}

/// Room name → messages as (text, is a reply, reactions), in order.
type Rooms = BTreeMap<String, Vec<(String, bool, usize)>>;

async fn dump(channel: &Channel, token: &str) -> Dump {
    let mut out = Dump::default();
    let orgs = OrgServiceClient::new(channel.clone())
        .list_orgs(bearer(pb::ListOrgsRequest::default(), token))
        .await
        .unwrap()
        .into_inner()
        .orgs;
    for org in orgs {
        let members = MembershipServiceClient::new(channel.clone())
            .list_org_members(bearer(
                pb::ListOrgMembersRequest {
                    org_id: org.id.clone(),
                },
                token,
            ))
            .await
            .unwrap()
            .into_inner()
            .memberships;
        let mut people: Vec<(i32, String)> =
            members.iter().map(|m| (m.role, m.email.clone())).collect();
        people.sort();
        out.members.insert(org.name.clone(), people);
        let projects = ProjectServiceClient::new(channel.clone())
            .list_projects(bearer(
                pb::ListProjectsRequest {
                    org_id: org.id.clone(),
                    include_archived: false,
                },
                token,
            ))
            .await
            .unwrap()
            .into_inner()
            .projects;
        let mut names: Vec<String> = projects.iter().map(|p| p.name.clone()).collect();
        names.sort();
        out.orgs.insert(org.name.clone(), names);
        for project in projects {
            let mut records = Vec::new();
            for entity in ENTITIES {
                let listed = RecordServiceClient::new(channel.clone())
                    .list_records(bearer(
                        pb::ListRecordsRequest {
                            project_id: project.id.clone(),
                            entity: entity.into(),
                            page_size: 1000,
                            page_token: String::new(),
                        },
                        token,
                    ))
                    .await
                    .unwrap()
                    .into_inner();
                for record in listed.records {
                    let data =
                        orbit_system::records::json::struct_to_json("data", &record.data.unwrap())
                            .unwrap();
                    records.push((
                        entity.to_owned(),
                        serde_json::Value::Object(data).to_string(),
                    ));
                }
            }
            records.sort();
            out.records.insert(project.name.clone(), records);
            let views = ViewServiceClient::new(channel.clone())
                .list_views(bearer(
                    cdc::ListViewsRequest {
                        project_id: project.id.clone(),
                    },
                    token,
                ))
                .await
                .unwrap()
                .into_inner()
                .views;
            out.views.insert(
                project.name.clone(),
                views
                    .into_iter()
                    .map(|v| v.declaration.unwrap().name)
                    .collect(),
            );
            let rooms = ChatServiceClient::new(channel.clone())
                .list_rooms(bearer(
                    chat::ListRoomsRequest {
                        project_id: project.id.clone(),
                        include_archived: false,
                    },
                    token,
                ))
                .await
                .unwrap()
                .into_inner()
                .rooms;
            let mut by_name = BTreeMap::new();
            for summary in rooms {
                let room = summary.room.unwrap();
                let messages = ChatServiceClient::new(channel.clone())
                    .list_messages(bearer(
                        chat::ListMessagesRequest {
                            project_id: project.id.clone(),
                            room_id: room.id.clone(),
                            direction: chat::Direction::Forward as i32,
                            page_size: 200,
                            ..Default::default()
                        },
                        token,
                    ))
                    .await
                    .unwrap()
                    .into_inner()
                    .messages;
                by_name.insert(
                    room.name,
                    messages
                        .into_iter()
                        .map(|m| (m.text, !m.reply_to.is_empty(), m.reactions.len()))
                        .collect(),
                );
            }
            out.rooms.insert(project.name.clone(), by_name);
            #[cfg(feature = "survey")]
            {
                use orbit_proto::orbit::survey::v1 as sv;
                let surveys = sv::survey_service_client::SurveyServiceClient::new(channel.clone())
                    .list_surveys(bearer(
                        sv::ListSurveysRequest {
                            project_id: project.id.clone(),
                        },
                        token,
                    ))
                    .await
                    .unwrap()
                    .into_inner()
                    .surveys;
                let mut surveys: Vec<(String, i32, usize)> = surveys
                    .into_iter()
                    .map(|s| (s.title, s.state, s.questions.len()))
                    .collect();
                surveys.sort();
                out.surveys.insert(project.name.clone(), surveys);
            }
        }
    }
    out
}

/// A fresh server seeded with `TEMPLATE`; its dump.
async fn seeded(seed_value: u64) -> (TestDir, Server, Dump) {
    let dir = TestDir::new();
    let server = Server::start(dir.serve()).await;
    let output = seed(&dir, &server, &template(), seed_value);
    assert!(
        output.status.success(),
        "orbit seed failed: {}\n{}",
        String::from_utf8_lossy(&output.stderr),
        server.logs()
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains(PASSWORD) && stdout.contains(ADMIN),
        "{stdout}"
    );
    let channel = server.channel().await;
    let token = log_in(&channel, ADMIN, PASSWORD).await;
    let dump = dump(&channel, &token).await;
    (dir, server, dump)
}

#[tokio::test]
async fn a_template_yields_exactly_its_counts_and_one_seed_one_content() {
    let (_dir, server, first) = seeded(7).await;
    assert_eq!(first.orgs.len(), 2, "{first:#?}");
    for projects in first.orgs.values() {
        assert_eq!(projects.len(), 2);
    }
    for (org, members) in &first.members {
        let count = |role: pb::Role| members.iter().filter(|(r, _)| *r == role as i32).count();
        // The seeding admin created the org, so it is an org-admin too.
        assert_eq!(count(pb::Role::OrgAdmin), 2, "{org}: {members:?}");
        assert!(members.iter().any(|(_, e)| e == ADMIN));
        let project_people: std::collections::BTreeSet<&String> = members
            .iter()
            .filter(|(r, _)| *r != pb::Role::OrgAdmin as i32)
            .map(|(_, e)| e)
            .collect();
        assert_eq!(
            project_people.len(),
            3,
            "1 project-admin + 2 users: {members:?}"
        );
        assert_eq!(count(pb::Role::ProjectAdmin), 1, "{members:?}");
        assert_eq!(
            count(pb::Role::ProjectUser),
            4,
            "2 users in 2 projects: {members:?}"
        );
    }
    assert_eq!(first.records.len(), 4);
    for records in first.records.values() {
        assert_eq!(records.len(), 9);
    }
    for views in first.views.values() {
        assert_eq!(views.len(), 2, "{views:?}");
    }
    if cfg!(feature = "survey") {
        assert_eq!(first.surveys.len(), 4, "{:?}", first.surveys);
        for surveys in first.surveys.values() {
            assert_eq!(surveys.len(), 2, "{surveys:?}");
            assert!(surveys.iter().all(|(_, _, questions)| *questions > 0));
        }
    }
    // Per project: a public room and a private one (the admin made it, so it sees it).
    for rooms in first.rooms.values() {
        assert_eq!(rooms.len(), 2);
        for messages in rooms.values() {
            assert_eq!(messages.len(), 5);
        }
    }
    let replies: usize = first
        .rooms
        .values()
        .flat_map(|r| r.values())
        .flatten()
        .filter(|m| m.1)
        .count();
    assert!(replies > 0, "threads: some message replies to another");

    // The same seed into another fresh server: the same content.
    let (_dir2, _server2, second) = seeded(7).await;
    assert_eq!(first, second);
    drop(server);
}

#[tokio::test]
async fn a_fresh_server_seeds_a_demo_and_prints_its_log_in() {
    let dir = TestDir::new();
    let mut command = dir.serve();
    command.env_remove("ORBIT_DEMO_DATA");
    let mut server = Server::start(command).await;
    server.wait_for_log("demo data ready").await;
    let line = server
        .stdout_lines()
        .into_iter()
        .find(|l| l.contains("demo data ready"))
        .unwrap();
    let after = |marker: &str| {
        let rest = &line[line.find(marker).unwrap() + marker.len()..];
        rest.split_whitespace().next().unwrap().to_owned()
    };
    let (email, password) = (after("log in as "), after("with password "));
    let file = dir.data().join("demo-login.txt");
    let mode = std::fs::metadata(&file).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    assert!(std::fs::read_to_string(&file).unwrap().contains(&password));
    let channel = server.channel().await;
    let token = log_in(&channel, &email, &password).await;
    let seen = dump(&channel, &token).await;
    assert!(!seen.orgs.is_empty());
    assert!(seen.records.values().all(|r| !r.is_empty()), "{seen:?}");
    assert!(
        seen.rooms
            .values()
            .flat_map(|r| r.values())
            .any(|m| !m.is_empty())
    );
    // The demo defines a user module (a CRM) and fills its record type in every project.
    let orgs = OrgServiceClient::new(channel.clone())
        .list_orgs(bearer(pb::ListOrgsRequest::default(), &token))
        .await
        .unwrap()
        .into_inner()
        .orgs;
    let projects = ProjectServiceClient::new(channel.clone())
        .list_projects(bearer(
            pb::ListProjectsRequest {
                org_id: orgs[0].id.clone(),
                ..Default::default()
            },
            &token,
        ))
        .await
        .unwrap()
        .into_inner()
        .projects;
    for project in &projects {
        let modules = UserModuleServiceClient::new(channel.clone())
            .list_project_modules(bearer(
                upb::ListProjectModulesRequest {
                    project_id: project.id.clone(),
                },
                &token,
            ))
            .await
            .unwrap()
            .into_inner()
            .modules;
        let crm = modules
            .iter()
            .find(|m| m.name == "crm")
            .expect("the demo's CRM");
        let mut pool =
            prost_reflect::DescriptorPool::decode(orbit_proto::FILE_DESCRIPTOR_SET).unwrap();
        pool.decode_file_descriptor_set(crm.descriptor_set.as_slice())
            .unwrap();
        let list = pool
            .get_service_by_name(&crm.entities[0].service)
            .unwrap()
            .methods()
            .find(|m| m.name() == "List")
            .unwrap();
        let mut request = prost_reflect::DynamicMessage::new(list.input());
        request.set_field_by_name(
            "project_id",
            prost_reflect::Value::String(project.id.clone()),
        );
        let mut grpc = tonic::client::Grpc::new(channel.clone());
        grpc.ready().await.unwrap();
        let answer = grpc
            .unary(
                bearer(request, &token),
                format!("/{}/List", crm.entities[0].service)
                    .parse()
                    .unwrap(),
                orbit_proto::dynamic::DynamicCodec::for_answers(list.output()),
            )
            .await
            .expect("list the demo's contacts")
            .into_inner();
        let records = answer.get_field_by_name("records").unwrap();
        assert_eq!(records.as_list().unwrap().len(), 12, "{answer:?}");
    }
    // Only once: a restart seeds nothing and prints no password.
    assert!(server.stop("TERM").await.success());
    let mut command = dir.serve();
    command.env_remove("ORBIT_DEMO_DATA");
    let restarted = Server::start(command).await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert!(
        !restarted.logs().contains("demo data"),
        "{}",
        restarted.logs()
    );
}

/// The first account of an instance is its sys-admin: it still is when nothing was seeded.
async fn nothing_seeded(server: &Server) {
    let signed_up = AccountServiceClient::new(server.channel().await)
        .sign_up(pb::SignUpRequest {
            email: "first@example.com".into(),
            password: PASSWORD.into(),
            display_name: "First".into(),
        })
        .await
        .unwrap()
        .into_inner();
    assert!(signed_up.account.unwrap().sys_admin, "{}", server.logs());
}

#[tokio::test]
async fn demo_data_off_seeds_nothing() {
    for off in ["flag", "env"] {
        let dir = TestDir::new();
        let mut command = dir.serve();
        command.env_remove("ORBIT_DEMO_DATA");
        match off {
            "flag" => command.arg("--no-demo-data"),
            _ => command.env("ORBIT_DEMO_DATA", "false"),
        };
        let server = Server::start(command).await;
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        nothing_seeded(&server).await;
        assert!(!dir.data().join("demo-login.txt").exists());
        assert!(
            !server.logs().contains("demo data"),
            "{off}: {}",
            server.logs()
        );
    }
}

#[tokio::test]
async fn bad_templates_are_refused_before_anything_is_written() {
    let dir = TestDir::new();
    let server = Server::start(dir.serve()).await;
    let unknown = seed(&dir, &server, "orgs: 1\nrecords_per_projekt: 5\n", 1);
    assert_refused(
        &unknown,
        &["unknown field `records_per_projekt`", "line 2 column 1"],
    );
    let lacking = seed(
        &dir,
        &server,
        "modules:\n  whiteboard: { calls_per_project: 1 }\n",
        1,
    );
    assert_refused(&lacking, &["module `whiteboard`", "does not run"]);
    nothing_seeded(&server).await;
}
