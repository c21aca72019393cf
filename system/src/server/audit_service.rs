//! The handler of `orbit.system.v1.AuditService`: reading and verifying the audit log.
//! Access (sys-admin for everything, org-admin for an org's entries) is enforced by the auth
//! layer before these run.

use orbit_proto::orbit::system::records::v1::AuditRecord;
use orbit_proto::orbit::system::v1 as pb;
use orbit_proto::orbit::system::v1::audit_service_server::AuditService;
use tonic::{Request, Response, Status};

use crate::identity::Identity;

/// Serves `orbit.system.v1.AuditService`.
#[derive(Debug, Clone)]
pub struct AuditApi {
    identity: Identity,
}

impl AuditApi {
    pub fn new(identity: Identity) -> Self {
        AuditApi { identity }
    }

    async fn list(
        &self,
        org_id: Option<&str>,
        after_seq: u64,
        page_size: u32,
    ) -> Result<pb::ListAuditEventsResponse, Status> {
        let page_size = if page_size == 0 {
            100
        } else {
            page_size as usize
        };
        let (events, next) = self
            .identity
            .audit_events(org_id, after_seq, page_size)
            .await?;
        Ok(pb::ListAuditEventsResponse {
            events: events.into_iter().map(to_pb).collect(),
            next_after_seq: next,
        })
    }
}

fn to_pb(record: AuditRecord) -> pb::AuditEvent {
    pb::AuditEvent {
        seq: record.seq,
        at: Some(crate::identity::timestamp_ms(record.at_ms)),
        kind: record.kind,
        actor_account_id: record.actor_account_id,
        org_id: record.org_id,
        project_id: record.project_id,
        subject: record.subject,
        detail: record.detail,
        client_address: record.client_address,
        hash: hex::encode(record.hash),
    }
}

#[tonic::async_trait]
impl AuditService for AuditApi {
    /// `AuditService.ListOrgAuditEvents`.
    #[tracing::instrument(skip_all)]
    async fn list_org_audit_events(
        &self,
        request: Request<pb::ListOrgAuditEventsRequest>,
    ) -> Result<Response<pb::ListAuditEventsResponse>, Status> {
        let request = request.into_inner();
        Ok(Response::new(
            self.list(Some(&request.org_id), request.after_seq, request.page_size)
                .await?,
        ))
    }

    /// `AuditService.ListAuditEvents`.
    #[tracing::instrument(skip_all)]
    async fn list_audit_events(
        &self,
        request: Request<pb::ListAuditEventsRequest>,
    ) -> Result<Response<pb::ListAuditEventsResponse>, Status> {
        let request = request.into_inner();
        Ok(Response::new(
            self.list(None, request.after_seq, request.page_size)
                .await?,
        ))
    }

    /// `AuditService.VerifyAuditLog`.
    #[tracing::instrument(skip_all)]
    async fn verify_audit_log(
        &self,
        _request: Request<pb::VerifyAuditLogRequest>,
    ) -> Result<Response<pb::VerifyAuditLogResponse>, Status> {
        let report = self.identity.verify_audit_log().await?;
        Ok(Response::new(pb::VerifyAuditLogResponse {
            intact: report.problem.is_none(),
            entries: report.entries,
            problem: report.problem.unwrap_or_default(),
        }))
    }
}
