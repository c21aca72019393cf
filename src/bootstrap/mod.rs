//! Bootstraps at run time: `BootstrapService`, where an org-admin keeps bootstrap templates
//! (the seeder's YAML) for the org and runs them as background jobs into the org (new
//! projects) or one of its projects.
//!
//! It is a module of the binary (it needs the seeder, which lives here): its own encrypted
//! database `bootstrap` holds templates (`template`, `<org>/<id>`) and jobs (`job`,
//! `<org>/<id>`), protobuf of `orbit.bootstrap.v1`. A job is the seeder itself, run in this
//! process against this server's own port over loopback, through the public API like any
//! client: it acts with an org-wide API key of the caller (created for the job, revoked when it
//! ends), so it can do nothing the caller cannot, and every write is audited as theirs. A
//! run creates no accounts (`users_per_org` and `orgs` are not used). `jobs.rs` runs jobs,
//! `service.rs` is the gRPC face.

mod jobs;
mod service;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use orbit_cdc::codec::{DatabaseCodec, ValueCodec};
use orbit_module::{Built, Manifest, Module, ModuleContext, ModuleError, Service, TaskPart};
use orbit_proto::orbit::bootstrap::v1 as pb;
use orbit_proto::orbit::bootstrap::v1::bootstrap_service_server::BootstrapServiceServer;
use orbit_system::identity::{Identity, RequestContext};
use orbit_system::store::{Database, Expect, Transaction, new_id};
use prost::Message;
use tonic::Status;

use crate::seed::template::Template;

/// The module's name and database.
pub(crate) const BOOTSTRAP: &str = "bootstrap";
const TEMPLATES: &str = "template";
const JOBS: &str = "job";
/// Largest template accepted, in bytes of YAML.
const MAX_YAML: usize = 64 * 1024;

/// The compiled-in bootstrap module; `address` is this server's own listening address (none
/// outside `orbit serve`: jobs then cannot run).
#[derive(Debug, Clone, Default)]
pub(crate) struct BootstrapModule {
    pub(crate) address: Option<SocketAddr>,
    /// Whether the server speaks TLS (jobs reach it over plain loopback only).
    pub(crate) tls: bool,
}

#[async_trait]
impl Module for BootstrapModule {
    fn manifest(&self) -> Manifest {
        Manifest {
            name: BOOTSTRAP,
            version: env!("CARGO_PKG_VERSION"),
            description: "bootstrap templates of an org, run as background jobs that fill the org or a project through the API",
            services: vec!["orbit.bootstrap.v1.BootstrapService"],
            views: Vec::new(),
            pages: Vec::new(),
            has_feed: false,
        }
    }

    fn codec(&self) -> DatabaseCodec {
        DatabaseCodec::uniform(ValueCodec::Raw)
            .with(
                TEMPLATES,
                ValueCodec::Protobuf("orbit.bootstrap.v1.Template".into()),
            )
            .with(JOBS, ValueCodec::Protobuf("orbit.bootstrap.v1.Job".into()))
    }

    async fn build(&self, context: ModuleContext) -> Result<Built, ModuleError> {
        let bootstrap = Bootstrap {
            db: context.database,
            identity: context.identity,
            address: self.address,
            tls: self.tls,
            running: Arc::default(),
        };
        let orphans = bootstrap
            .fail_orphans()
            .await
            .map_err(|e| ModuleError::failed(BOOTSTRAP, e.message()))?;
        if orphans > 0 {
            tracing::warn!(
                orphans,
                "bootstrap jobs an earlier process was running marked failed"
            );
        }
        let stopper = {
            let bootstrap = bootstrap.clone();
            TaskPart::spawn("bootstrap jobs", move |mut stop| async move {
                let _ = stop.wait_for(|stop| *stop).await;
                bootstrap
                    .cancel_all("the server stopped during the run")
                    .await;
            })
        };
        Ok(Built {
            services: vec![Service::new(BootstrapServiceServer::new(
                service::BootstrapApi::new(bootstrap),
            ))],
            parts: vec![Box::new(stopper)],
        })
    }
}

/// The module's state: its database and the jobs running in this process.
#[derive(Clone)]
pub(crate) struct Bootstrap {
    db: Database,
    identity: Identity,
    address: Option<SocketAddr>,
    tls: bool,
    running: Arc<Mutex<HashMap<String, jobs::Running>>>,
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

fn key(org_id: &str, id: &str) -> String {
    format!("{org_id}/{id}")
}

fn invalid(field: &str, reason: impl std::fmt::Display) -> Status {
    Status::invalid_argument(format!("{field}: {reason}"))
}

fn store_status(error: orbit_system::store::StoreError) -> Status {
    orbit_system::server::status::store_status(error)
}

fn corrupt(what: &str, error: prost::DecodeError) -> Status {
    Status::data_loss(format!("a stored {what} cannot be decoded: {error}"))
}

/// Checks a template's YAML and plans one run of it on a server running `modules`.
pub(crate) fn plan(yaml: &str, modules: &[String]) -> Result<(Template, pb::Plan), Status> {
    if yaml.len() > MAX_YAML {
        return Err(invalid(
            "yaml",
            format!("{} bytes; at most {MAX_YAML}", yaml.len()),
        ));
    }
    let template = Template::parse(yaml).map_err(|e| invalid("yaml", format!("{e:#}")))?;
    template
        .check_modules(modules)
        .map_err(|e| invalid("yaml", format!("{e:#}")))?;
    let mut warnings = Vec::new();
    if template.users_per_org.total() > 0 {
        warnings.push(
            "users_per_org is not used: a bootstrap creates no accounts (invite people instead)"
                .to_owned(),
        );
    }
    warnings
        .push("orgs is not used: a bootstrap fills the org (or project) it is run into".to_owned());
    let projects = u64::from(template.projects_per_org);
    let count = |kind: &str, count: u64| pb::Count {
        kind: kind.to_owned(),
        count,
    };
    let mut counts = vec![
        count("projects", projects),
        count(
            "records",
            projects * u64::from(template.records_per_project),
        ),
        count("views", projects * u64::from(template.views_per_project)),
    ];
    for (name, sizes) in template.modules_to_seed(modules) {
        match name.as_str() {
            "chat" => {
                counts.push(count(
                    "rooms",
                    projects * u64::from(sizes.rooms_per_project),
                ));
                counts.push(count(
                    "messages",
                    projects
                        * u64::from(sizes.rooms_per_project)
                        * u64::from(sizes.messages_per_room),
                ));
            }
            "survey" => counts.push(count(
                "surveys",
                projects * u64::from(sizes.calls_per_project.min(9)),
            )),
            other => counts.push(count(
                &format!("{other} calls"),
                projects * u64::from(sizes.calls_per_project),
            )),
        }
    }
    Ok((template, pb::Plan { counts, warnings }))
}

impl Bootstrap {
    /// The modules this server runs (the template may name only these).
    fn modules(&self) -> Vec<String> {
        crate::modules::registry().databases()
    }

    async fn put_template(&self, template: &pb::Template, expect: Expect) -> Result<(), Status> {
        self.db
            .commit(Transaction::new().put_if(
                TEMPLATES,
                key(&template.org_id, &template.id),
                template.encode_to_vec(),
                expect,
            ))
            .await
            .map_err(store_status)?;
        Ok(())
    }

    pub(crate) async fn templates(&self, org_id: &str) -> Result<Vec<pb::Template>, Status> {
        let mut out: Vec<pb::Template> = self.scan(TEMPLATES, "template", org_id).await?;
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(out)
    }

    /// Every record of `keyspace` under org `org_id` (every org when empty), decoded.
    async fn scan<M: Message + Default>(
        &self,
        keyspace: &str,
        what: &str,
        org_id: &str,
    ) -> Result<Vec<M>, Status> {
        let prefix = if org_id.is_empty() {
            String::new()
        } else {
            format!("{org_id}/")
        };
        let mut out = Vec::new();
        let mut after: Option<Vec<u8>> = None;
        loop {
            let page = self
                .db
                .scan(keyspace, prefix.as_bytes(), after.as_deref(), 500)
                .await
                .map_err(store_status)?;
            for record in page.records {
                out.push(M::decode(record.value.as_slice()).map_err(|e| corrupt(what, e))?);
            }
            match page.next {
                Some(next) => after = Some(next),
                None => return Ok(out),
            }
        }
    }

    pub(crate) async fn template(
        &self,
        org_id: &str,
        template_id: &str,
    ) -> Result<pb::Template, Status> {
        let record = self
            .db
            .get(TEMPLATES, key(org_id, template_id).as_bytes())
            .await
            .map_err(store_status)?
            .ok_or_else(|| {
                Status::not_found(format!(
                    "template_id: no template {template_id} in this org"
                ))
            })?;
        pb::Template::decode(record.value.as_slice()).map_err(|e| corrupt("template", e))
    }

    /// Stores a template; one with the same name in the org is replaced (same id).
    pub(crate) async fn upload(
        &self,
        caller: &RequestContext,
        request: pb::UploadTemplateRequest,
    ) -> Result<pb::Template, Status> {
        let name = request.name.trim();
        if name.is_empty() || name.chars().count() > 100 {
            return Err(invalid("name", "give 1-100 characters"));
        }
        if request.description.chars().count() > 1000 {
            return Err(invalid("description", "at most 1,000 characters"));
        }
        let (_, plan) = plan(&request.yaml, &self.modules())?;
        self.identity
            .require_active(&request.org_id, None)
            .await
            .map_err(orbit_system::server::status::identity_status)?;
        let account = caller
            .require()
            .map_err(orbit_system::server::status::identity_status)?
            .account_id
            .clone();
        let existing = self
            .templates(&request.org_id)
            .await?
            .into_iter()
            .find(|t| t.name == name);
        let now = now_ms();
        let template = pb::Template {
            id: existing.as_ref().map_or_else(new_id, |t| t.id.clone()),
            org_id: request.org_id.clone(),
            name: name.to_owned(),
            description: request.description,
            yaml: request.yaml,
            plan: Some(plan),
            created_by: existing
                .as_ref()
                .map_or_else(|| account.clone(), |t| t.created_by.clone()),
            created_at_ms: existing.as_ref().map_or(now, |t| t.created_at_ms),
            updated_at_ms: now,
        };
        let expect = match existing {
            Some(_) => Expect::Any,
            None => Expect::Absent,
        };
        self.put_template(&template, expect).await?;
        tracing::info!(template = %template.id, org = %template.org_id, "bootstrap template stored");
        Ok(template)
    }

    pub(crate) async fn delete_template(
        &self,
        org_id: &str,
        template_id: &str,
    ) -> Result<(), Status> {
        self.template(org_id, template_id).await?;
        self.db
            .commit(Transaction::new().delete(TEMPLATES, key(org_id, template_id)))
            .await
            .map_err(store_status)?;
        Ok(())
    }

    async fn put_job(&self, job: &pb::Job) -> Result<(), Status> {
        self.db
            .commit(Transaction::new().put(JOBS, key(&job.org_id, &job.id), job.encode_to_vec()))
            .await
            .map_err(store_status)?;
        Ok(())
    }

    pub(crate) async fn job(&self, org_id: &str, job_id: &str) -> Result<pb::Job, Status> {
        let record = self
            .db
            .get(JOBS, key(org_id, job_id).as_bytes())
            .await
            .map_err(store_status)?
            .ok_or_else(|| Status::not_found(format!("job_id: no job {job_id} in this org")))?;
        pb::Job::decode(record.value.as_slice()).map_err(|e| corrupt("job", e))
    }

    pub(crate) async fn jobs(&self, org_id: &str) -> Result<Vec<pb::Job>, Status> {
        let mut out: Vec<pb::Job> = self.scan(JOBS, "job", org_id).await?;
        out.sort_by_key(|job| std::cmp::Reverse(job.started_at_ms));
        Ok(out)
    }

    /// Jobs stored as running that no process runs (this one just started): failed.
    async fn fail_orphans(&self) -> Result<usize, Status> {
        let mut failed = 0;
        for mut job in self.jobs("").await? {
            if job.state == pb::JobState::Running as i32 {
                job.state = pb::JobState::Failed as i32;
                job.error = "the server stopped during the run".into();
                job.finished_at_ms = now_ms();
                self.put_job(&job).await?;
                failed += 1;
            }
        }
        Ok(failed)
    }
}
