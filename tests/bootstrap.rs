//! `BootstrapService` end to end: an org-admin uploads, validates, lists and deletes
//! templates; runs one into the org (it creates the projects and their content through the
//! API, with an api key of the caller that is revoked afterwards) and into a project, follows
//! a job live and cancels one; bad templates are refused with their line or the module the
//! server lacks, and a project user may do none of it.

use std::time::Duration;

use orbit_proto::orbit::bootstrap::v1 as bs;
use orbit_proto::orbit::bootstrap::v1::bootstrap_service_client::BootstrapServiceClient;
use orbit_proto::orbit::system::v1 as pb;
use orbit_proto::orbit::system::v1::api_key_service_client::ApiKeyServiceClient;
use orbit_proto::orbit::system::v1::project_service_client::ProjectServiceClient;
use tonic::transport::Channel;
use tonic::{Code, Streaming};

use crate::common::tenant::{add_member, bearer, create_org, create_project, sign_up};
use crate::common::{Server, TestDir};

fn client(channel: &Channel) -> BootstrapServiceClient<Channel> {
    BootstrapServiceClient::new(channel.clone())
}

/// A small template: one project with records and a view (and a chat room where the build
/// has chat).
fn small() -> String {
    let chat = if cfg!(feature = "chat") {
        "modules:\n  chat: { rooms_per_project: 1, messages_per_room: 3 }\n"
    } else {
        "modules: {}\n"
    };
    format!("projects_per_org: 1\nrecords_per_project: 6\nviews_per_project: 1\n{chat}")
}

fn count(job: &bs::Job, kind: &str) -> u64 {
    job.created
        .iter()
        .find(|c| c.kind == kind)
        .map_or(0, |c| c.count)
}

async fn upload(channel: &Channel, token: &str, org: &str, name: &str, yaml: &str) -> bs::Template {
    client(channel)
        .upload_template(bearer(
            bs::UploadTemplateRequest {
                org_id: org.into(),
                name: name.into(),
                description: "for the tests".into(),
                yaml: yaml.into(),
            },
            token,
        ))
        .await
        .expect("upload")
        .into_inner()
        .template
        .expect("template")
}

/// A job's WatchJob stream.
async fn watch(channel: &Channel, token: &str, job: &bs::Job) -> Streaming<bs::WatchJobResponse> {
    client(channel)
        .watch_job(bearer(
            bs::WatchJobRequest {
                org_id: job.org_id.clone(),
                job_id: job.id.clone(),
            },
            token,
        ))
        .await
        .expect("watch")
        .into_inner()
}

/// Follows a job with WatchJob until it is running `phase`; fails if it ends first.
async fn watch_until_phase(channel: &Channel, token: &str, job: &bs::Job, phase: &str) {
    let mut stream = watch(channel, token, job).await;
    loop {
        let update = tokio::time::timeout(Duration::from_secs(60), stream.message())
            .await
            .expect("the job goes on or ends within a minute")
            .expect("the watch goes on")
            .and_then(|update| update.job)
            .unwrap_or_else(|| panic!("the job ended before its {phase} phase"));
        assert_eq!(
            update.state,
            bs::JobState::Running as i32,
            "the job ended before its {phase} phase: {update:?}"
        );
        if update.phase == phase {
            return;
        }
    }
}

/// Follows a job with WatchJob until it has ended; returns its last state.
async fn watch_to_end(channel: &Channel, token: &str, job: &bs::Job) -> bs::Job {
    let mut stream = watch(channel, token, job).await;
    let mut last = None;
    while let Some(update) = tokio::time::timeout(Duration::from_secs(60), stream.message())
        .await
        .expect("the job goes on or ends within a minute")
        .expect("the watch goes on")
    {
        last = update.job;
    }
    last.expect("at least the job's state")
}

#[tokio::test(flavor = "multi_thread")]
async fn an_org_admin_keeps_templates_and_runs_them_as_jobs() {
    let dir = TestDir::new();
    let server = Server::start(dir.serve()).await;
    let channel = server.channel().await;
    sign_up(&channel, "root@example.org").await;
    let owner = sign_up(&channel, "owner@example.org").await;
    let org = create_org(&channel, &owner, "Acme").await;
    let first = create_project(&channel, &owner, &org, "Existing").await;

    // Bad templates: line and column, a module this server lacks.
    let refused = client(&channel)
        .validate_template(bearer(
            bs::ValidateTemplateRequest {
                org_id: org.clone(),
                yaml: "projects_per_org: 1\nrecords_per_projekt: 5\n".into(),
            },
            &owner,
        ))
        .await
        .unwrap_err();
    assert_eq!(refused.code(), Code::InvalidArgument, "{refused:?}");
    assert!(
        refused.message().contains("records_per_projekt"),
        "{refused:?}"
    );
    assert!(refused.message().contains("line 2"), "{refused:?}");
    let refused = client(&channel)
        .upload_template(bearer(
            bs::UploadTemplateRequest {
                org_id: org.clone(),
                name: "whiteboards".into(),
                description: String::new(),
                yaml: "modules:\n  whiteboard: { calls_per_project: 1 }\n".into(),
            },
            &owner,
        ))
        .await
        .unwrap_err();
    assert_eq!(refused.code(), Code::InvalidArgument, "{refused:?}");
    assert!(refused.message().contains("whiteboard"), "{refused:?}");

    // Validate, upload, list.
    let plan = client(&channel)
        .validate_template(bearer(
            bs::ValidateTemplateRequest {
                org_id: org.clone(),
                yaml: small(),
            },
            &owner,
        ))
        .await
        .expect("validate")
        .into_inner()
        .plan
        .expect("plan");
    assert!(
        plan.counts
            .iter()
            .any(|c| c.kind == "records" && c.count == 6),
        "{plan:?}"
    );
    let template = upload(&channel, &owner, &org, "starter", &small()).await;
    let again = upload(&channel, &owner, &org, "starter", &small()).await;
    assert_eq!(again.id, template.id, "the same name replaces the template");
    let listed = client(&channel)
        .list_templates(bearer(
            bs::ListTemplatesRequest {
                org_id: org.clone(),
            },
            &owner,
        ))
        .await
        .expect("list")
        .into_inner()
        .templates;
    assert_eq!(listed.len(), 1);

    // Run into the org: it makes the project and fills it.
    let job = client(&channel)
        .run_template(bearer(
            bs::RunTemplateRequest {
                org_id: org.clone(),
                template_id: template.id.clone(),
                project_id: String::new(),
                seed: 7,
            },
            &owner,
        ))
        .await
        .expect("run")
        .into_inner()
        .job
        .expect("job");
    assert_eq!(job.state, bs::JobState::Running as i32);
    let done = watch_to_end(&channel, &owner, &job).await;
    assert_eq!(done.state, bs::JobState::Succeeded as i32, "{done:?}");
    assert_eq!(count(&done, "projects"), 1, "{done:?}");
    assert_eq!(count(&done, "records"), 6, "{done:?}");
    assert_eq!(count(&done, "views"), 1, "{done:?}");
    if cfg!(feature = "chat") {
        assert_eq!(count(&done, "messages"), 3, "{done:?}");
    }
    let projects = ProjectServiceClient::new(channel.clone())
        .list_projects(bearer(
            pb::ListProjectsRequest {
                org_id: org.clone(),
                include_archived: false,
            },
            &owner,
        ))
        .await
        .expect("projects")
        .into_inner()
        .projects;
    assert_eq!(projects.len(), 2, "the existing project and the new one");
    // The job's key acted for the owner, and is revoked.
    let keys = ApiKeyServiceClient::new(channel.clone())
        .list_api_keys(bearer(pb::ListApiKeysRequest {}, &owner))
        .await
        .expect("keys")
        .into_inner()
        .api_keys;
    assert!(
        keys.iter()
            .filter(|k| k.name.starts_with("bootstrap job"))
            .all(|k| k.revoked),
        "{keys:?}"
    );

    // A big run into the existing project, cancelled while it runs: far more records than
    // any machine writes in the moment between its records phase starting and the cancel.
    let big = upload(
        &channel,
        &owner,
        &org,
        "big",
        "records_per_project: 50000\nmodules: {}\n",
    )
    .await;
    let job = client(&channel)
        .run_template(bearer(
            bs::RunTemplateRequest {
                org_id: org.clone(),
                template_id: big.id.clone(),
                project_id: first.clone(),
                seed: 1,
            },
            &owner,
        ))
        .await
        .expect("run")
        .into_inner()
        .job
        .expect("job");
    assert_eq!(job.project_id, first);
    watch_until_phase(&channel, &owner, &job, "records").await;
    let cancelled = client(&channel)
        .cancel_job(bearer(
            bs::CancelJobRequest {
                org_id: org.clone(),
                job_id: job.id.clone(),
            },
            &owner,
        ))
        .await
        .expect("cancel")
        .into_inner()
        .job
        .expect("job");
    assert_eq!(cancelled.state, bs::JobState::Cancelled as i32);
    let watched = watch_to_end(&channel, &owner, &job).await;
    assert_eq!(watched.state, bs::JobState::Cancelled as i32);
    let again = client(&channel)
        .cancel_job(bearer(
            bs::CancelJobRequest {
                org_id: org.clone(),
                job_id: job.id.clone(),
            },
            &owner,
        ))
        .await
        .unwrap_err();
    assert_eq!(again.code(), Code::FailedPrecondition, "{again:?}");
    // A cancelled job's key is revoked too.
    let keys = ApiKeyServiceClient::new(channel.clone())
        .list_api_keys(bearer(pb::ListApiKeysRequest {}, &owner))
        .await
        .expect("keys")
        .into_inner()
        .api_keys;
    assert!(
        keys.iter()
            .filter(|k| k.name.starts_with("bootstrap job"))
            .all(|k| k.revoked),
        "{keys:?}"
    );
    let jobs = client(&channel)
        .list_jobs(bearer(
            bs::ListJobsRequest {
                org_id: org.clone(),
            },
            &owner,
        ))
        .await
        .expect("jobs")
        .into_inner()
        .jobs;
    assert_eq!(jobs.len(), 2);

    // A project user of the org may do none of it.
    let user = sign_up(&channel, "user@example.org").await;
    add_member(
        &channel,
        &owner,
        &first,
        "user@example.org",
        &user,
        pb::Role::ProjectUser,
    )
    .await;
    let denied = client(&channel)
        .list_templates(bearer(
            bs::ListTemplatesRequest {
                org_id: org.clone(),
            },
            &user,
        ))
        .await
        .unwrap_err();
    assert_eq!(denied.code(), Code::PermissionDenied, "{denied:?}");

    // Deleting a template keeps its jobs.
    client(&channel)
        .delete_template(bearer(
            bs::DeleteTemplateRequest {
                org_id: org.clone(),
                template_id: big.id.clone(),
            },
            &owner,
        ))
        .await
        .expect("delete");
    let missing = client(&channel)
        .run_template(bearer(
            bs::RunTemplateRequest {
                org_id: org.clone(),
                template_id: big.id.clone(),
                project_id: String::new(),
                seed: 0,
            },
            &owner,
        ))
        .await
        .unwrap_err();
    assert_eq!(missing.code(), Code::NotFound, "{missing:?}");
    let kept = client(&channel)
        .get_job(bearer(
            bs::GetJobRequest {
                org_id: org.clone(),
                job_id: job.id.clone(),
            },
            &owner,
        ))
        .await
        .expect("the job stays")
        .into_inner()
        .job
        .expect("job");
    assert_eq!(kept.state, bs::JobState::Cancelled as i32);
}
