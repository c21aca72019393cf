//! Serving the generated services: one tower service, the fallback of the server's routes,
//! takes every `/orbit.user.*` call, finds the module serving it now, decodes the request as
//! the method's input type (`orbit_proto::dynamic::DynamicCodec`), checks it against the
//! descriptor and runs Create, Get, Update, Delete, List, Query or Watch on the module's
//! records. The auth layer has already decided the caller's role in the request's project
//! from the catalog; here a project of another org is NotFound, as the module does not exist
//! there.

use std::collections::HashMap;
use std::convert::Infallible;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use futures::{Stream, StreamExt};
use orbit_cdc::feed::{FeedItem, Interest, ScopeFilter, Start, end_after_error};
use orbit_proto::dynamic::DynamicCodec;
use orbit_system::identity::RequestContext;
use orbit_system::store::EventScope;
use prost_reflect::{DynamicMessage, MapKey, MessageDescriptor, MethodDescriptor, Value};
use tonic::Status;

use crate::error::UserModuleError;
use crate::live::{Loaded, UserModules};
use crate::records::{Stored, record_keyspace, unknown_fields};
use crate::schema::Entity;

/// Largest request a user-module RPC decodes (a record is at most 1 MiB).
const MAX_REQUEST_BYTES: usize = 2 << 20;
/// Heartbeat interval of watches.
const HEARTBEAT: Duration = Duration::from_secs(15);

type Events = Pin<Box<dyn Stream<Item = Result<DynamicMessage, Status>> + Send>>;

/// The tower service of every user-module RPC (the routes' fallback).
#[derive(Clone, Debug)]
pub struct DynamicRoutes {
    modules: UserModules,
}

impl DynamicRoutes {
    pub fn new(modules: UserModules) -> DynamicRoutes {
        DynamicRoutes { modules }
    }
}

fn unimplemented(message: String) -> http::Response<tonic::body::Body> {
    Status::unimplemented(message).into_http()
}

impl tower::Service<http::Request<axum::body::Body>> for DynamicRoutes {
    type Response = http::Response<tonic::body::Body>;
    type Error = Infallible;
    type Future =
        Pin<Box<dyn std::future::Future<Output = Result<Self::Response, Infallible>> + Send>>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: http::Request<axum::body::Body>) -> Self::Future {
        let modules = self.modules.clone();
        Box::pin(async move { Ok(route(modules, request).await) })
    }
}

async fn route(
    modules: UserModules,
    request: http::Request<axum::body::Body>,
) -> http::Response<tonic::body::Body> {
    let path = request.uri().path().trim_start_matches('/').to_owned();
    let Some((service, method)) = path.split_once('/') else {
        return unimplemented(format!("no method {path}"));
    };
    let Some(loaded) = modules.by_service(service) else {
        return unimplemented(format!(
            "no service {service} on this instance{}",
            if service.starts_with("orbit.user.") {
                " (a user module deleted, disabled or never uploaded?)"
            } else {
                ""
            }
        ));
    };
    let Some(descriptor) = loaded
        .schema
        .pool
        .get_service_by_name(service)
        .and_then(|s| s.methods().find(|m| m.name() == method))
    else {
        return unimplemented(format!("no method {method} in {service}"));
    };
    let call = Call {
        modules,
        loaded,
        service: service.to_owned(),
        method: descriptor.clone(),
    };
    let mut grpc = tonic::server::Grpc::new(DynamicCodec::for_requests(descriptor.input()))
        .max_decoding_message_size(MAX_REQUEST_BYTES);
    if descriptor.is_server_streaming() {
        let service = tower::service_fn(move |request: tonic::Request<DynamicMessage>| {
            let call = call.clone();
            async move { call.watch(request).await.map(tonic::Response::new) }
        });
        grpc.server_streaming(service, request).await
    } else {
        let service = tower::service_fn(move |request: tonic::Request<DynamicMessage>| {
            let call = call.clone();
            async move { call.unary(request).await.map(tonic::Response::new) }
        });
        grpc.unary(service, request).await
    }
}

/// One call of a user-module RPC.
#[derive(Clone)]
struct Call {
    modules: UserModules,
    loaded: Arc<Loaded>,
    service: String,
    method: MethodDescriptor,
}

fn string(request: &DynamicMessage, field: &str) -> String {
    request
        .get_field_by_name(field)
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn number(request: &DynamicMessage, field: &str) -> u64 {
    request
        .get_field_by_name(field)
        .map_or(0, |v| match v.as_ref() {
            Value::U64(n) => *n,
            Value::U32(n) => u64::from(*n),
            _ => 0,
        })
}

impl Call {
    fn entity(&self) -> Result<&Entity, Status> {
        self.loaded
            .schema
            .entity_of_service(&self.service)
            .ok_or_else(|| Status::unimplemented(format!("no service {}", self.service)))
    }

    /// The record a request carries (the field named after the type), checked for unknown
    /// fields.
    fn value(
        &self,
        entity: &Entity,
        request: &DynamicMessage,
    ) -> Result<DynamicMessage, UserModuleError> {
        match request.get_field_by_name(&entity.key).as_deref() {
            Some(Value::Message(value)) => Ok(value.clone()),
            _ => Ok(DynamicMessage::new(entity.message.clone())),
        }
    }

    /// `<T>Record` of the output type's field `field` (or the output itself).
    fn record(
        &self,
        record_type: &MessageDescriptor,
        entity: &Entity,
        stored: Stored,
    ) -> DynamicMessage {
        let mut record = DynamicMessage::new(record_type.clone());
        record.set_field_by_name(&entity.key, Value::Message(stored.value));
        record.set_field_by_name("version", Value::U64(stored.version));
        record
    }

    fn record_type(&self, entity: &Entity) -> Result<MessageDescriptor, Status> {
        let name = format!(
            "{}.{}Record",
            entity.message.package_name(),
            entity.message.name()
        );
        self.loaded
            .schema
            .pool
            .get_message_by_name(&name)
            .ok_or_else(|| Status::internal(format!("the generated type {name} is missing")))
    }

    async fn unary(
        &self,
        request: tonic::Request<DynamicMessage>,
    ) -> Result<DynamicMessage, Status> {
        let caller = orbit_system::server::context(&request);
        let request = request.into_inner();
        unknown_fields(&request, "request")?;
        let entity = self.entity()?;
        let records = &self.loaded.records;
        let project_id = string(&request, "project_id");
        let record_type = self.record_type(entity)?;
        let output = self.method.output();
        match self.method.name() {
            "Create" => {
                let value = self.value(entity, &request)?;
                let stored = records.create(&caller, entity, &project_id, value).await?;
                Ok(self.record(&record_type, entity, stored))
            }
            "Get" => {
                records.check_project(&caller, &project_id, entity).await?;
                let stored = records
                    .get(entity, &project_id, &string(&request, "id"))
                    .await?;
                Ok(self.record(&record_type, entity, stored))
            }
            "Update" => {
                let value = self.value(entity, &request)?;
                let stored = records
                    .update(
                        &caller,
                        entity,
                        &project_id,
                        value,
                        number(&request, "expect_version"),
                    )
                    .await?;
                Ok(self.record(&record_type, entity, stored))
            }
            "Delete" => {
                let deleted = records
                    .delete(
                        &caller,
                        entity,
                        &project_id,
                        &string(&request, "id"),
                        number(&request, "expect_version"),
                    )
                    .await?;
                let mut answer = DynamicMessage::new(output);
                answer.set_field_by_name("deleted", Value::Bool(deleted));
                Ok(answer)
            }
            "List" | "Query" => {
                records.check_project(&caller, &project_id, entity).await?;
                let page_size = number(&request, "page_size") as u32;
                let token = string(&request, "page_token");
                let (page, next) = if self.method.name() == "List" {
                    records.list(entity, &project_id, page_size, &token).await?
                } else {
                    let equals: HashMap<String, String> =
                        match request.get_field_by_name("equals").as_deref() {
                            Some(Value::Map(map)) => map
                                .iter()
                                .filter_map(|(k, v)| match (k, v) {
                                    (MapKey::String(k), Value::String(v)) => {
                                        Some((k.clone(), v.clone()))
                                    }
                                    _ => None,
                                })
                                .collect(),
                            _ => HashMap::new(),
                        };
                    let descending = request
                        .get_field_by_name("descending")
                        .and_then(|v| v.as_bool())
                        .unwrap_or(false);
                    records
                        .query(
                            entity,
                            &project_id,
                            &equals,
                            &string(&request, "order_by"),
                            descending,
                            page_size,
                            &token,
                        )
                        .await?
                };
                let mut answer = DynamicMessage::new(output);
                answer.set_field_by_name(
                    "records",
                    Value::List(
                        page.into_iter()
                            .map(|stored| Value::Message(self.record(&record_type, entity, stored)))
                            .collect(),
                    ),
                );
                answer.set_field_by_name("next_page_token", Value::String(next));
                Ok(answer)
            }
            other => Err(Status::unimplemented(format!("no method {other}"))),
        }
    }

    /// `Watch`: the type's changes in the project, from `after_seq` or from now.
    async fn watch(&self, request: tonic::Request<DynamicMessage>) -> Result<Events, Status> {
        let caller: RequestContext = orbit_system::server::context(&request);
        let request = request.into_inner();
        unknown_fields(&request, "request")?;
        let entity = self.entity()?.clone();
        let project_id = string(&request, "project_id");
        self.loaded
            .records
            .check_project(&caller, &project_id, &entity)
            .await?;
        let account = caller
            .require()
            .map_err(UserModuleError::from)?
            .account_id
            .clone();
        let start = if request.has_field_by_name("after_seq") {
            Start::After(number(&request, "after_seq"))
        } else {
            Start::Now
        };
        let filter: ScopeFilter = {
            let project = project_id.clone();
            let key = entity.key.clone();
            Arc::new(move |scope: Option<&EventScope>| {
                scope.is_some_and(|s| s.project_id == project && s.entity == key)
            })
        };
        let interest = Interest::Entities {
            project_id: project_id.clone(),
            entities: vec![entity.key.clone()],
        };
        let items = self
            .modules
            .feeds()
            .follow(
                &account,
                &self.loaded.def.database,
                start,
                interest,
                filter,
                HEARTBEAT,
            )
            .await
            .map_err(UserModuleError::from)?;
        let event_type = self.method.output();
        let record_type = self.record_type(&entity)?;
        let keyspace = record_keyspace(&entity);
        let prefix = format!("{project_id}/");
        let events = items
            .filter_map(move |item| {
                let event = match item {
                    Ok(FeedItem::Heartbeat { head }) => {
                        let mut event = DynamicMessage::new(event_type.clone());
                        event.set_field_by_name("seq", Value::U64(head));
                        event.set_field_by_name("heartbeat", Value::Bool(true));
                        Some(Ok(event))
                    }
                    Ok(FeedItem::Event(change)) => {
                        if change.keyspace != keyspace {
                            None
                        } else {
                            let id = String::from_utf8_lossy(
                                change.key.strip_prefix(prefix.as_bytes()).unwrap_or(&change.key),
                            )
                            .into_owned();
                            let mut event = DynamicMessage::new(event_type.clone());
                            event.set_field_by_name("seq", Value::U64(change.seq));
                            event.set_field_by_name("id", Value::String(id));
                            match &change.value {
                                None => {
                                    event.set_field_by_name("deleted", Value::Bool(true));
                                    Some(Ok(event))
                                }
                                Some(bytes) => {
                                    match DynamicMessage::decode(entity.message.clone(), bytes.as_slice()) {
                                        Ok(value) => {
                                            let mut record = DynamicMessage::new(record_type.clone());
                                            record.set_field_by_name(&entity.key, Value::Message(value));
                                            record.set_field_by_name("version", Value::U64(change.seq));
                                            event.set_field_by_name("record", Value::Message(record));
                                            Some(Ok(event))
                                        }
                                        Err(error) => {
                                            tracing::error!(seq = change.seq, %error, "a stored user-module record does not decode; not delivered");
                                            None
                                        }
                                    }
                                }
                            }
                        }
                    }
                    Err(error) => Some(Err(orbit_cdc::server::feed_status(error))),
                };
                futures::future::ready(event)
            });
        Ok(Box::pin(end_after_error(events)))
    }
}
