//! Running a template: a job is a task of this process that runs the seeder's phases
//! (projects unless a project was chosen, records, views, then each module) against this
//! server's own port, with an org-wide API key of the caller made for the job and revoked at
//! its end. The job's record is rewritten after every phase (what it created so far), and
//! `WatchJob` follows it through a watch channel. Cancelling aborts the task between two
//! calls; what was created stays.

use std::sync::Arc;

use orbit_proto::orbit::bootstrap::v1 as pb;
use orbit_proto::orbit::system::v1::Role;
use orbit_system::identity::RequestContext;
use orbit_system::store::new_id;
use tokio::sync::watch;
use tonic::Status;

use super::{Bootstrap, now_ms, plan};
use crate::seed::call;
use crate::seed::phases::{Client, Project, Run};
use crate::seed::summary::Summary;
use crate::seed::template::Template;

/// A job running in this process.
pub(crate) struct Running {
    task: tokio::task::AbortHandle,
    updates: Arc<watch::Sender<pb::Job>>,
    /// The API key the job acts with, and who it acts for: revoked when it ends.
    key_id: String,
    caller: RequestContext,
}

/// What the task reports after each phase.
struct Progress {
    bootstrap: Bootstrap,
    job: pb::Job,
    updates: Arc<watch::Sender<pb::Job>>,
}

impl Progress {
    async fn phase(&mut self, phase: &str, summary: &Summary) {
        self.job.phase = phase.to_owned();
        self.job.created = counts(summary);
        self.publish().await;
    }

    async fn publish(&mut self) {
        if let Err(status) = self.bootstrap.put_job(&self.job).await {
            tracing::warn!(job = %self.job.id, error = %status.message(), "bootstrap job progress not stored");
        }
        self.updates.send_replace(self.job.clone());
    }
}

fn counts(summary: &Summary) -> Vec<pb::Count> {
    summary
        .counts
        .iter()
        .map(|(kind, count, _)| pb::Count {
            kind: kind.clone(),
            count: *count,
        })
        .collect()
}

impl Bootstrap {
    /// Starts a run of `template_id` into the org (or `project_id` of it).
    pub(crate) async fn start(
        &self,
        caller: &RequestContext,
        request: pb::RunTemplateRequest,
    ) -> Result<pb::Job, Status> {
        let template = self.template(&request.org_id, &request.template_id).await?;
        let modules = self.modules();
        let (parsed, _) = plan(&template.yaml, &modules)?;
        let org = self
            .identity
            .get_org(caller, &request.org_id)
            .await
            .map_err(orbit_system::server::status::identity_status)?;
        let project = if request.project_id.is_empty() {
            None
        } else {
            let project = self
                .identity
                .get_project(caller, &request.project_id)
                .await
                .map_err(orbit_system::server::status::identity_status)?;
            if project.org_id != org.id {
                return Err(Status::not_found(format!(
                    "project_id: no project {} in this org",
                    request.project_id
                )));
            }
            Some(project)
        };
        self.identity
            .require_active(&org.id, project.as_ref().map(|p| p.id.as_str()))
            .await
            .map_err(orbit_system::server::status::identity_status)?;
        let Some(mut address) = self.address else {
            return Err(Status::failed_precondition(
                "this process serves no port a bootstrap job could call",
            ));
        };
        if address.ip().is_unspecified() {
            // Listening on every interface: call it on loopback.
            address.set_ip(match address {
                std::net::SocketAddr::V4(_) => std::net::Ipv4Addr::LOCALHOST.into(),
                std::net::SocketAddr::V6(_) => std::net::Ipv6Addr::LOCALHOST.into(),
            });
        }
        if self.tls {
            return Err(Status::failed_precondition(
                "bootstrap jobs call this server over plain loopback, and it speaks TLS; run `orbit seed --server https://… --template FILE` from a client instead",
            ));
        }
        let account = caller
            .require()
            .map_err(orbit_system::server::status::identity_status)?
            .account_id
            .clone();
        let job_id = new_id();
        // The job acts with the caller's rights in the org, no more: an org-wide key of theirs.
        let key = self
            .identity
            .create_api_key(caller, &format!("bootstrap job {job_id}"), &org.id, "", Role::OrgAdmin)
            .await
            .map_err(|error| match error {
                orbit_system::identity::IdentityError::PermissionDenied(_) => Status::permission_denied(
                    "a bootstrap job acts with an api key of its own, and api keys cannot make keys; run it from a signed-in session",
                ),
                other => orbit_system::server::status::identity_status(other),
            })?;
        let seed = if request.seed == 0 {
            // Any seed will do; the job records it, so the run can be repeated.
            (now_ms() as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 1
        } else {
            request.seed
        };
        let phases = 3 + parsed.modules_to_seed(&modules).len() as u32;
        let job = pb::Job {
            id: job_id.clone(),
            org_id: org.id.clone(),
            template_id: template.id.clone(),
            project_id: project.as_ref().map(|p| p.id.clone()).unwrap_or_default(),
            state: pb::JobState::Running as i32,
            phase: "starting".into(),
            phases_done: 0,
            phases_total: phases,
            created: Vec::new(),
            error: String::new(),
            started_by: account,
            started_at_ms: now_ms(),
            finished_at_ms: 0,
            seed,
        };
        self.put_job(&job).await?;
        let updates = Arc::new(watch::channel(job.clone()).0);
        let progress = Progress {
            bootstrap: self.clone(),
            job: job.clone(),
            updates: updates.clone(),
        };
        let target = Target {
            url: format!("http://{address}"),
            org: (org.id.clone(), org.name.clone()),
            project: project.map(|p| Project {
                id: p.id,
                name: p.name,
                org: 0,
                members: Vec::new(),
            }),
            token: key.secret.to_string(),
        };
        let this = self.clone();
        let caller = caller.clone();
        let key_id = key.key.id.clone();
        let (running_key, running_caller) = (key_id.clone(), caller.clone());
        // The running entry goes in before the task can finish and take it out.
        let mut running = self.running.lock().expect("bootstrap jobs");
        let task = tokio::spawn(async move {
            let modules = this.modules();
            let mut progress = progress;
            let outcome = run(&target, &parsed, &modules, seed, &mut progress).await;
            // The key dies before anyone can see the job ended.
            this.revoke_key(&caller, &progress.job.id, &key_id).await;
            this.finish(&mut progress, outcome.map_err(|e| format!("{e:#}")))
                .await;
            this.running
                .lock()
                .expect("bootstrap jobs")
                .remove(&progress.job.id);
        });
        running.insert(
            job_id,
            Running {
                task: task.abort_handle(),
                updates,
                key_id: running_key,
                caller: running_caller,
            },
        );
        tracing::info!(job = %job.id, org = %job.org_id, template = %job.template_id, "bootstrap job started");
        Ok(job)
    }

    async fn finish(&self, progress: &mut Progress, outcome: Result<(), String>) {
        match outcome {
            Ok(()) => {
                progress.job.state = pb::JobState::Succeeded as i32;
                progress.job.phase = "done".into();
            }
            Err(error) => {
                progress.job.state = pb::JobState::Failed as i32;
                progress.job.error = error;
            }
        }
        progress.job.finished_at_ms = now_ms();
        progress.publish().await;
        tracing::info!(job = %progress.job.id, state = progress.job.state, "bootstrap job ended");
    }

    /// Revokes the API key a job acted with.
    async fn revoke_key(&self, caller: &RequestContext, job_id: &str, key_id: &str) {
        if let Err(error) = self.identity.revoke_api_key(caller, key_id).await {
            tracing::warn!(job = %job_id, %error, "the api key of a bootstrap job could not be revoked");
        }
    }

    /// The updates of a job running here, if it runs here.
    pub(crate) fn updates(&self, job_id: &str) -> Option<watch::Receiver<pb::Job>> {
        self.running
            .lock()
            .expect("bootstrap jobs")
            .get(job_id)
            .map(|running| running.updates.subscribe())
    }

    /// Cancels a running job: its task stops between two calls; the record says CANCELLED.
    pub(crate) async fn cancel(
        &self,
        org_id: &str,
        job_id: &str,
        why: &str,
    ) -> Result<pb::Job, Status> {
        let mut job = self.job(org_id, job_id).await?;
        if job.state != pb::JobState::Running as i32 {
            return Err(Status::failed_precondition(format!(
                "job_id: job {job_id} has already ended"
            )));
        }
        let running = self.running.lock().expect("bootstrap jobs").remove(job_id);
        if let Some(running) = &running {
            running.task.abort();
            // The key dies with the job, whenever it ends.
            self.revoke_key(&running.caller, job_id, &running.key_id)
                .await;
        }
        job.state = pb::JobState::Cancelled as i32;
        job.error = why.to_owned();
        job.finished_at_ms = now_ms();
        self.put_job(&job).await?;
        if let Some(running) = running {
            // Watchers see the end.
            running.updates.send_replace(job.clone());
        }
        tracing::info!(job = %job_id, "bootstrap job cancelled");
        Ok(job)
    }

    /// Cancels every job running here (at shutdown).
    pub(crate) async fn cancel_all(&self, why: &str) {
        let running: Vec<String> = self
            .running
            .lock()
            .expect("bootstrap jobs")
            .keys()
            .cloned()
            .collect();
        if running.is_empty() {
            return;
        }
        let Ok(jobs) = self.jobs("").await else {
            return;
        };
        for job in jobs.iter().filter(|job| running.contains(&job.id)) {
            let _ = self.cancel(&job.org_id, &job.id, why).await;
        }
    }
}

/// Where a job writes.
struct Target {
    url: String,
    org: (String, String),
    project: Option<Project>,
    token: String,
}

/// The seeder's phases into `target`, reporting after each.
async fn run(
    target: &Target,
    template: &Template,
    modules: &[String],
    seed: u64,
    progress: &mut Progress,
) -> anyhow::Result<()> {
    let channel = call::connect(&target.url, None).await?;
    let mut run = Run {
        client: Client {
            url: target.url.clone(),
            channel,
        },
        seed,
        template,
        password: "",
        progress: false,
        concurrency: 8,
        admin_token: target.token.clone(),
        orgs: vec![target.org.clone()],
        projects: target.project.iter().cloned().collect(),
        members: Vec::new(),
        summary: Summary::default(),
    };
    if run.projects.is_empty() {
        progress.phase("projects", &run.summary).await;
        run.projects().await?;
    }
    progress.job.phases_done += 1;
    progress.phase("records", &run.summary).await;
    run.records().await?;
    progress.job.phases_done += 1;
    progress.phase("views", &run.summary).await;
    run.views().await?;
    progress.job.phases_done += 1;
    for (name, sizes) in &template.modules_to_seed(modules) {
        progress.phase(name, &run.summary).await;
        match name.as_str() {
            "chat" => run.chat(sizes).await?,
            "survey" => run.surveys(sizes).await?,
            _ => run.generic_module(name, sizes).await?,
        }
        progress.job.phases_done += 1;
    }
    progress.job.created = counts(&run.summary);
    Ok(())
}
