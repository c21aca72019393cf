//! The handler of `orbit.cdc.v1.ViewService`: thin calls into [`ViewEngine`], the one place
//! where a [`ViewError`] becomes a gRPC status, and the watch stream (the `views` feed
//! filtered to one view's scope, its row writes turned into deltas).
//!
//! The auth layer has already checked the caller's role in the request's project; a view
//! only ever holds rows of its own project, so nothing else is filtered here.

use std::pin::Pin;
use std::sync::Arc;

use futures::{Stream, StreamExt};
use orbit_proto::orbit::cdc::v1 as pb;
use orbit_proto::orbit::cdc::v1::view_service_server::ViewService;
use orbit_system::identity::Identity;
use orbit_system::records::json::json_to_struct;
use orbit_system::server::context;
use orbit_system::server::status::{identity_status, store_status};
use serde_json::{Map, Value};
use tonic::{Request, Response, Status};

use super::feed_service::{feed_status, heartbeat};
use super::revocation::end_when_revoked;
use crate::feed::{FeedItem, Feeds, Interest, ScopeFilter, Start};
use crate::view::{Row, StoredRow, VIEWS_DATABASE, ViewEngine, ViewError, ViewInfo};

/// Serves `orbit.cdc.v1.ViewService`.
#[derive(Debug, Clone)]
pub struct ViewApi {
    engine: ViewEngine,
    feeds: Feeds,
    identity: Identity,
}

impl ViewApi {
    /// `engine` owns the views; `feeds` streams the `views` database to watchers; `identity`
    /// tells which org a project belongs to when a view is declared.
    pub fn new(engine: ViewEngine, feeds: Feeds, identity: Identity) -> Self {
        ViewApi {
            engine,
            feeds,
            identity,
        }
    }
}

/// The gRPC status of a view error.
pub fn view_status(error: ViewError) -> Status {
    match error {
        ViewError::Invalid { .. } => Status::invalid_argument(error.to_string()),
        ViewError::NotFound { .. } => Status::not_found(error.to_string()),
        ViewError::AlreadyExists { .. } => Status::already_exists(error.to_string()),
        ViewError::LogPruned { .. } => Status::failed_precondition(error.to_string()),
        ViewError::CheckpointMoved { .. } => Status::aborted(error.to_string()),
        ViewError::NotStalled { .. } => Status::failed_precondition(error.to_string()),
        ViewError::Stalled { .. } => Status::data_loss(error.to_string()),
        ViewError::Corrupt { .. } => {
            tracing::error!(%error, "view data corrupt");
            Status::data_loss(error.to_string())
        }
        ViewError::Store(error) => store_status(error),
    }
}

impl From<ViewError> for Status {
    fn from(error: ViewError) -> Status {
        view_status(error)
    }
}

fn to_info(info: ViewInfo) -> pb::ViewInfo {
    pb::ViewInfo {
        project_id: info.project_id,
        declaration: Some(info.spec.to_proto()),
        checkpoint_seq: info.checkpoint_seq,
        head_seq: info.head_seq,
        rows: info.rows,
        state: if info.stalled.is_some() {
            pb::ViewState::Stalled
        } else {
            pb::ViewState::Folding
        } as i32,
        stalled_at_seq: info.stalled.as_ref().map_or(0, |stall| stall.seq),
        stalled_reason: info
            .stalled
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
        skipped_seqs: info.skipped_seqs,
    }
}

/// A JSON value as a `google.protobuf.Value`.
fn to_value(value: Value) -> prost_types::Value {
    let mut wrapped = Map::new();
    wrapped.insert(String::new(), value);
    json_to_struct(&wrapped)
        .fields
        .remove("")
        .expect("the wrapped value is there")
}

fn to_row(row: Row) -> pb::ViewRow {
    pb::ViewRow {
        group: Some(to_value(row.group)),
        values: Some(json_to_struct(&row.values)),
    }
}

/// The delta a watcher gets for a stored row written at `seq`.
fn to_delta(seq: u64, row: StoredRow) -> pb::ViewDelta {
    let (operation, row) = match row {
        StoredRow::Live(row) => (pb::ChangeOperation::Put, to_row(row)),
        StoredRow::Gone { group } => (
            pb::ChangeOperation::Delete,
            pb::ViewRow {
                group: Some(to_value(group)),
                values: None,
            },
        ),
    };
    pb::ViewDelta {
        seq,
        operation: operation as i32,
        row: Some(row),
    }
}

type ViewStream = Pin<Box<dyn Stream<Item = Result<pb::ViewMessage, Status>> + Send>>;

#[tonic::async_trait]
impl ViewService for ViewApi {
    type WatchViewStream = ViewStream;

    /// `ViewService.CreateView`.
    #[tracing::instrument(skip_all)]
    async fn create_view(
        &self,
        request: Request<pb::CreateViewRequest>,
    ) -> Result<Response<pb::CreateViewResponse>, Status> {
        let caller = context(&request);
        let request = request.into_inner();
        let declaration = request
            .declaration
            .ok_or_else(|| Status::invalid_argument("declaration: is required"))?;
        let project = self
            .identity
            .get_project(&caller, &request.project_id)
            .await
            .map_err(identity_status)?;
        self.identity
            .require_active(&project.org_id, Some(&request.project_id))
            .await
            .map_err(identity_status)?;
        let info = self
            .engine
            .create(&project.org_id, &request.project_id, &declaration)
            .await
            .map_err(view_status)?;
        Ok(Response::new(pb::CreateViewResponse {
            view: Some(to_info(info)),
        }))
    }

    /// `ViewService.ListViews`.
    #[tracing::instrument(skip_all)]
    async fn list_views(
        &self,
        request: Request<pb::ListViewsRequest>,
    ) -> Result<Response<pb::ListViewsResponse>, Status> {
        let request = request.into_inner();
        let views = self
            .engine
            .list(&request.project_id)
            .await
            .map_err(view_status)?;
        Ok(Response::new(pb::ListViewsResponse {
            views: views.into_iter().map(to_info).collect(),
        }))
    }

    /// `ViewService.GetView`.
    #[tracing::instrument(skip_all)]
    async fn get_view(
        &self,
        request: Request<pb::GetViewRequest>,
    ) -> Result<Response<pb::GetViewResponse>, Status> {
        let request = request.into_inner();
        let info = self
            .engine
            .get(&request.project_id, &request.name)
            .await
            .map_err(view_status)?;
        Ok(Response::new(pb::GetViewResponse {
            view: Some(to_info(info)),
        }))
    }

    /// `ViewService.QueryView`.
    #[tracing::instrument(skip_all)]
    async fn query_view(
        &self,
        request: Request<pb::QueryViewRequest>,
    ) -> Result<Response<pb::QueryViewResponse>, Status> {
        let request = request.into_inner();
        let page = self
            .engine
            .query(
                &request.project_id,
                &request.name,
                request.page_size,
                &request.page_token,
            )
            .await
            .map_err(view_status)?;
        Ok(Response::new(pb::QueryViewResponse {
            rows: page.rows.into_iter().map(to_row).collect(),
            next_page_token: page.next_page_token.unwrap_or_default(),
            checkpoint_seq: page.checkpoint_seq,
        }))
    }

    /// `ViewService.WatchView`.
    #[tracing::instrument(skip_all)]
    async fn watch_view(
        &self,
        request: Request<pb::WatchViewRequest>,
    ) -> Result<Response<ViewStream>, Status> {
        let caller = context(&request);
        let request = request.into_inner();
        let (project_id, name) = (request.project_id, request.name);
        self.engine
            .get(&project_id, &name)
            .await
            .map_err(view_status)?;
        let principal = Arc::new(caller.require().map_err(identity_status)?.clone());
        let account = principal.account_id.clone();
        let watched = project_id.clone();
        let start = match request.start {
            Some(pb::watch_view_request::Start::AfterSeq(after)) => Start::After(after),
            Some(pb::watch_view_request::Start::FromNow(_)) | None => Start::Now,
        };
        let heartbeat = heartbeat(request.heartbeat_seconds)?;
        let filter: ScopeFilter = Arc::new(ViewEngine::watch_filter(&project_id, &name));
        let interest = Interest::Entities {
            project_id: project_id.clone(),
            entities: vec![name.clone()],
        };
        let items = self
            .feeds
            .follow(&account, VIEWS_DATABASE, start, interest, filter, heartbeat)
            .await
            .map_err(feed_status)?;
        tracing::debug!(project_id, name, ?start, "view watch started");
        let messages = items.filter_map(move |item| {
            let message = match item {
                Ok(FeedItem::Event(event)) => {
                    match ViewEngine::row_change(&project_id, &name, &event) {
                        Ok(Some(row)) => Some(Ok(pb::ViewMessage {
                            kind: Some(pb::view_message::Kind::Delta(to_delta(event.seq, row))),
                        })),
                        Ok(None) => None,
                        Err(error) => Some(Err(view_status(error))),
                    }
                }
                Ok(FeedItem::Heartbeat { head }) => Some(Ok(pb::ViewMessage {
                    kind: Some(pb::view_message::Kind::Heartbeat(pb::Heartbeat {
                        head_seq: head,
                        at: Some(std::time::SystemTime::now().into()),
                    })),
                })),
                Err(error) => Some(Err(feed_status(error))),
            };
            std::future::ready(message)
        });
        let messages = end_when_revoked(
            messages,
            self.identity.clone(),
            principal,
            Some(watched),
            || {},
        );
        Ok(Response::new(Box::pin(messages)))
    }

    /// `ViewService.RebuildView`.
    #[tracing::instrument(skip_all)]
    async fn rebuild_view(
        &self,
        request: Request<pb::RebuildViewRequest>,
    ) -> Result<Response<pb::RebuildViewResponse>, Status> {
        let request = request.into_inner();
        let info = self
            .engine
            .rebuild(&request.project_id, &request.name)
            .await
            .map_err(view_status)?;
        Ok(Response::new(pb::RebuildViewResponse {
            view: Some(to_info(info)),
        }))
    }

    /// `ViewService.DropView`.
    #[tracing::instrument(skip_all)]
    async fn drop_view(
        &self,
        request: Request<pb::DropViewRequest>,
    ) -> Result<Response<pb::DropViewResponse>, Status> {
        let request = request.into_inner();
        self.engine
            .drop_view(&request.project_id, &request.name)
            .await
            .map_err(view_status)?;
        Ok(Response::new(pb::DropViewResponse {}))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn errors_map_to_codes_that_name_the_field() {
        let status = view_status(ViewError::Invalid {
            field: "aggregates[1].field".into(),
            reason: "SUM needs a field".into(),
        });
        assert_eq!(status.code(), tonic::Code::InvalidArgument);
        assert_eq!(status.message(), "aggregates[1].field: SUM needs a field");
        let missing = ViewError::NotFound {
            project_id: "P".into(),
            name: "v".into(),
        };
        assert_eq!(view_status(missing).code(), tonic::Code::NotFound);
        let twice = ViewError::AlreadyExists {
            project_id: "P".into(),
            name: "v".into(),
        };
        assert_eq!(view_status(twice).code(), tonic::Code::AlreadyExists);
        let pruned = ViewError::LogPruned {
            view: "P/v".into(),
            database: "records".into(),
            pruned_through: 3,
        };
        assert_eq!(view_status(pruned).code(), tonic::Code::FailedPrecondition);
    }

    #[test]
    fn a_tombstone_becomes_a_delete_naming_its_group() {
        let delta = to_delta(
            7,
            StoredRow::Gone {
                group: json!("open"),
            },
        );
        assert_eq!(delta.seq, 7);
        assert_eq!(delta.operation, pb::ChangeOperation::Delete as i32);
        let group = delta.row.unwrap().group.unwrap();
        assert_eq!(
            group.kind,
            Some(prost_types::value::Kind::StringValue("open".into()))
        );
    }

    #[tokio::test]
    async fn watch_view_streams_row_puts_and_the_delete_of_an_emptied_group() {
        use orbit_system::identity::IdentityConfig;
        use orbit_system::records::StoredValue;
        use orbit_system::store::{EventScope, Store, StoreConfig, Transaction};

        let dir = tempfile::tempdir().unwrap();
        let mut config = StoreConfig::in_data_dir(dir.path());
        config.full_sync = false;
        let store = Store::open(config).await.unwrap();
        let engine = ViewEngine::open(&store, crate::view::ViewConfig::default())
            .await
            .unwrap();
        let feeds = Feeds::new(store.clone());
        let identity = Identity::open(&store, IdentityConfig::default())
            .await
            .unwrap();
        let api = ViewApi::new(engine.clone(), feeds.clone(), identity);
        let declaration = pb::ViewDeclaration {
            name: "by_status".into(),
            entity: "task".into(),
            group_by: "status".into(),
            aggregates: vec![pb::Aggregate {
                name: "n".into(),
                function: pb::AggregateFunction::Count as i32,
                field: String::new(),
            }],
            ..Default::default()
        };
        engine.create("org", "P1", &declaration).await.unwrap();
        let request = pb::WatchViewRequest {
            project_id: "P1".into(),
            name: "by_status".into(),
            start: Some(pb::watch_view_request::Start::AfterSeq(0)),
            heartbeat_seconds: 1,
        };
        let mut request = Request::new(request);
        request
            .extensions_mut()
            .insert(orbit_system::identity::RequestContext {
                principal: Some(orbit_system::identity::Principal {
                    account_id: "watcher".into(),
                    sys_admin: false,
                    credential: orbit_system::identity::Credential::Session {
                        session_id: "s".into(),
                    },
                }),
                ..Default::default()
            });
        let mut stream = api.watch_view(request).await.unwrap().into_inner();
        let records = store.database("records").await.unwrap();
        let scope = EventScope {
            org_id: "org".into(),
            project_id: "P1".into(),
            entity: "task".into(),
            federated: false,
        };
        let value = StoredValue {
            updated_at_ms: 0,
            data: json!({"status": "open"}).as_object().unwrap().clone(),
        };
        let put = Transaction::new()
            .put("task", "P1/a", value.encode().unwrap())
            .scope(scope.clone());
        records.commit(put).await.unwrap();
        engine.catch_up("P1", "by_status").await.unwrap();
        records
            .commit(Transaction::new().delete("task", "P1/a").scope(scope))
            .await
            .unwrap();
        engine.catch_up("P1", "by_status").await.unwrap();
        let mut deltas = Vec::new();
        while deltas.len() < 2 {
            let next = tokio::time::timeout(std::time::Duration::from_secs(10), stream.next())
                .await
                .expect("a delta in time")
                .expect("the stream goes on")
                .unwrap();
            if let Some(pb::view_message::Kind::Delta(delta)) = next.kind {
                deltas.push(delta);
            }
        }
        let open = Some(to_value(json!("open")));
        assert_eq!(deltas[0].operation, pb::ChangeOperation::Put as i32);
        assert_eq!(deltas[0].row.as_ref().unwrap().group, open);
        let values = deltas[0].row.as_ref().unwrap().values.clone().unwrap();
        assert_eq!(values.fields["n"], to_value(json!(1)));
        assert_eq!(deltas[1].operation, pb::ChangeOperation::Delete as i32);
        assert_eq!(deltas[1].row.as_ref().unwrap().group, open);
        assert!(deltas[0].seq < deltas[1].seq);
        let missing = pb::WatchViewRequest {
            project_id: "P1".into(),
            name: "nope".into(),
            ..Default::default()
        };
        let refused = api.watch_view(Request::new(missing)).await.err().unwrap();
        assert_eq!(refused.code(), tonic::Code::NotFound);
        drop(stream);
        feeds.close();
        engine.shutdown().await;
        store.close().await;
    }
}
