//! The handler of `orbit.system.v1.RecordService`: put, get, list and delete the schemaless
//! records of a project.
//!
//! Access is enforced by the auth layer before these run; [`Records`] owns the logic.
//! Handlers only translate between the wire types (`google.protobuf.Struct`, timestamps) and
//! the service's JSON records, pass the caller's request id along as the correlation id of
//! the write, and map errors through [`super::status`].

use orbit_proto::orbit::system::v1 as pb;
use orbit_proto::orbit::system::v1::record_service_server::RecordService;
use tonic::{Request, Response, Status};

use super::context;
use crate::identity::timestamp_ms;
use crate::records::json::{json_to_struct, struct_to_json};
use crate::records::{DamagedRecord, PutRecord, RecordError, RecordValue, Records};

/// Serves `orbit.system.v1.RecordService`.
#[derive(Debug, Clone)]
pub struct RecordApi {
    records: Records,
}

impl RecordApi {
    pub fn new(records: Records) -> Self {
        RecordApi { records }
    }
}

/// A record as the API shows it.
fn record_to_pb(record: RecordValue) -> pb::Record {
    pb::Record {
        project_id: record.project_id,
        entity: record.entity,
        id: record.id,
        version: record.version,
        data: Some(json_to_struct(&record.data)),
        updated_at: Some(timestamp_ms(record.updated_at_ms)),
    }
}

/// A record a list could not read, as the API names it.
fn damaged_to_pb(record: DamagedRecord) -> pb::DamagedRecord {
    pb::DamagedRecord {
        entity: record.entity,
        id: record.id,
        version: record.version,
        reason: record.reason,
    }
}

#[tonic::async_trait]
impl RecordService for RecordApi {
    /// `RecordService.PutRecord`.
    #[tracing::instrument(skip_all)]
    async fn put_record(
        &self,
        request: Request<pb::PutRecordRequest>,
    ) -> Result<Response<pb::PutRecordResponse>, Status> {
        let caller = context(&request);
        let request = request.into_inner();
        let data = match &request.data {
            Some(data) => {
                struct_to_json("data", data).map_err(|e| RecordError::invalid(e.path, e.reason))?
            }
            None => serde_json::Map::new(),
        };
        let record = self
            .records
            .put(
                &caller,
                PutRecord {
                    project_id: request.project_id,
                    entity: request.entity,
                    id: request.id,
                    data,
                    expect_version: request.expect_version,
                },
            )
            .await?;
        Ok(Response::new(pb::PutRecordResponse {
            record: Some(record_to_pb(record)),
        }))
    }

    /// `RecordService.GetRecord`.
    #[tracing::instrument(skip_all)]
    async fn get_record(
        &self,
        request: Request<pb::GetRecordRequest>,
    ) -> Result<Response<pb::GetRecordResponse>, Status> {
        let request = request.into_inner();
        let record = self
            .records
            .get(&request.project_id, &request.entity, &request.id)
            .await?;
        Ok(Response::new(pb::GetRecordResponse {
            record: Some(record_to_pb(record)),
        }))
    }

    /// `RecordService.ListRecords`.
    #[tracing::instrument(skip_all)]
    async fn list_records(
        &self,
        request: Request<pb::ListRecordsRequest>,
    ) -> Result<Response<pb::ListRecordsResponse>, Status> {
        let request = request.into_inner();
        let page = self
            .records
            .list(
                &request.project_id,
                &request.entity,
                request.page_size,
                &request.page_token,
            )
            .await?;
        Ok(Response::new(pb::ListRecordsResponse {
            records: page.records.into_iter().map(record_to_pb).collect(),
            next_page_token: page.next_page_token,
            damaged: page.damaged.into_iter().map(damaged_to_pb).collect(),
        }))
    }

    /// `RecordService.DeleteRecord`.
    #[tracing::instrument(skip_all)]
    async fn delete_record(
        &self,
        request: Request<pb::DeleteRecordRequest>,
    ) -> Result<Response<pb::DeleteRecordResponse>, Status> {
        let caller = context(&request);
        let request = request.into_inner();
        let deleted = self
            .records
            .delete(
                &caller,
                &request.project_id,
                &request.entity,
                &request.id,
                request.expect_version,
            )
            .await?;
        Ok(Response::new(pb::DeleteRecordResponse { deleted }))
    }
}
