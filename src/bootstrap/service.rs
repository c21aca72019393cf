//! `BootstrapService`: the gRPC face of [`Bootstrap`]. The auth layer has already checked
//! that the caller is an org-admin of the request's org; every lookup is by that org.

use std::pin::Pin;

use futures::Stream;
use orbit_proto::orbit::bootstrap::v1 as pb;
use orbit_proto::orbit::bootstrap::v1::bootstrap_service_server::BootstrapService;
use orbit_system::server::context;
use tonic::{Request, Response, Status};

use super::{Bootstrap, plan};

/// The service over one [`Bootstrap`].
pub(crate) struct BootstrapApi {
    bootstrap: Bootstrap,
}

impl BootstrapApi {
    pub(crate) fn new(bootstrap: Bootstrap) -> BootstrapApi {
        BootstrapApi { bootstrap }
    }
}

type JobStream = Pin<Box<dyn Stream<Item = Result<pb::WatchJobResponse, Status>> + Send>>;

#[tonic::async_trait]
impl BootstrapService for BootstrapApi {
    async fn upload_template(
        &self,
        request: Request<pb::UploadTemplateRequest>,
    ) -> Result<Response<pb::UploadTemplateResponse>, Status> {
        let caller = context(&request);
        let template = self.bootstrap.upload(&caller, request.into_inner()).await?;
        Ok(Response::new(pb::UploadTemplateResponse {
            template: Some(template),
        }))
    }

    async fn validate_template(
        &self,
        request: Request<pb::ValidateTemplateRequest>,
    ) -> Result<Response<pb::ValidateTemplateResponse>, Status> {
        let (_, plan) = plan(&request.get_ref().yaml, &self.bootstrap.modules())?;
        Ok(Response::new(pb::ValidateTemplateResponse {
            plan: Some(plan),
        }))
    }

    async fn list_templates(
        &self,
        request: Request<pb::ListTemplatesRequest>,
    ) -> Result<Response<pb::ListTemplatesResponse>, Status> {
        let templates = self.bootstrap.templates(&request.get_ref().org_id).await?;
        Ok(Response::new(pb::ListTemplatesResponse { templates }))
    }

    async fn delete_template(
        &self,
        request: Request<pb::DeleteTemplateRequest>,
    ) -> Result<Response<pb::DeleteTemplateResponse>, Status> {
        let r = request.get_ref();
        self.bootstrap
            .delete_template(&r.org_id, &r.template_id)
            .await?;
        Ok(Response::new(pb::DeleteTemplateResponse {}))
    }

    async fn run_template(
        &self,
        request: Request<pb::RunTemplateRequest>,
    ) -> Result<Response<pb::RunTemplateResponse>, Status> {
        let caller = context(&request);
        let job = self.bootstrap.start(&caller, request.into_inner()).await?;
        Ok(Response::new(pb::RunTemplateResponse { job: Some(job) }))
    }

    async fn get_job(
        &self,
        request: Request<pb::GetJobRequest>,
    ) -> Result<Response<pb::GetJobResponse>, Status> {
        let r = request.get_ref();
        let job = self.bootstrap.job(&r.org_id, &r.job_id).await?;
        Ok(Response::new(pb::GetJobResponse { job: Some(job) }))
    }

    async fn list_jobs(
        &self,
        request: Request<pb::ListJobsRequest>,
    ) -> Result<Response<pb::ListJobsResponse>, Status> {
        let org_id = &request.get_ref().org_id;
        if org_id.is_empty() {
            return Err(Status::invalid_argument("org_id: is required"));
        }
        let jobs = self.bootstrap.jobs(org_id).await?;
        Ok(Response::new(pb::ListJobsResponse { jobs }))
    }

    type WatchJobStream = JobStream;

    async fn watch_job(
        &self,
        request: Request<pb::WatchJobRequest>,
    ) -> Result<Response<Self::WatchJobStream>, Status> {
        let r = request.into_inner();
        let job = self.bootstrap.job(&r.org_id, &r.job_id).await?;
        let updates = self.bootstrap.updates(&job.id);
        let first =
            futures::stream::once(async move { Ok(pb::WatchJobResponse { job: Some(job) }) });
        let Some(mut updates) = updates else {
            // Not running here (it has ended): its record is the whole story.
            return Ok(Response::new(Box::pin(first)));
        };
        updates.mark_unchanged();
        let rest = async_stream_of(updates);
        use futures::StreamExt;
        Ok(Response::new(Box::pin(first.chain(rest))))
    }

    async fn cancel_job(
        &self,
        request: Request<pb::CancelJobRequest>,
    ) -> Result<Response<pb::CancelJobResponse>, Status> {
        let r = request.get_ref();
        let job = self
            .bootstrap
            .cancel(&r.org_id, &r.job_id, "cancelled by an org admin")
            .await?;
        Ok(Response::new(pb::CancelJobResponse { job: Some(job) }))
    }
}

/// Every change of a running job until it has ended (or was cancelled: its sender goes).
fn async_stream_of(
    updates: tokio::sync::watch::Receiver<pb::Job>,
) -> impl Stream<Item = Result<pb::WatchJobResponse, Status>> + Send {
    futures::stream::unfold(Some(updates), |updates| async move {
        let mut updates = updates?;
        updates.changed().await.ok()?;
        let job = updates.borrow_and_update().clone();
        let running = job.state == pb::JobState::Running as i32;
        Some((
            Ok(pb::WatchJobResponse { job: Some(job) }),
            running.then_some(updates),
        ))
    })
}
