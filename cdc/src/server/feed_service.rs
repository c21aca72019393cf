//! The handler of `orbit.cdc.v1.FeedService`: validates a subscription's scope, starts it on
//! [`Feeds`] and filters every event by the caller's permissions before it leaves the server.
//!
//! The auth layer has already checked that the caller belongs to the org (or one of its
//! projects). Each event is then checked against the caller's current role in the event's
//! project (re-checked every [`RECHECK`]), so a project-user of project P never receives an
//! event of project Q, and a removed member stops receiving within seconds.

use std::collections::HashMap;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures::{Stream, StreamExt};
use orbit_proto::orbit::cdc::v1 as pb;
use orbit_proto::orbit::cdc::v1::feed_service_server::FeedService;
use orbit_proto::orbit::system::v1::Role;
use orbit_system::identity::{Identity, IdentityError, Principal};
use orbit_system::server::context;
use orbit_system::server::status::{identity_status, store_status};
use orbit_system::store::EventScope;
use tonic::{Request, Response, Status};

use super::revocation::end_when_revoked;
use crate::codec::Codecs;
use crate::feed::event::to_feed_event;
use crate::feed::{FeedError, FeedItem, Feeds, Interest, ScopeFilter, Start};

/// How long a permission decision about one project is reused inside one subscription.
pub(crate) const RECHECK: Duration = Duration::from_secs(5);
/// The module followed when a request names none.
pub const DEFAULT_MODULE: &str = "records";

/// Serves `orbit.cdc.v1.FeedService`.
#[derive(Debug, Clone)]
pub struct FeedApi {
    feeds: Feeds,
    identity: Identity,
    modules: crate::sources::Sources,
    codecs: Codecs,
}

impl FeedApi {
    /// `modules`: the databases that have a public feed (`records`, compiled-in modules,
    /// user modules while they exist). `codecs` say how each module's values read (an
    /// event's `data`).
    pub fn new(
        feeds: Feeds,
        identity: Identity,
        modules: crate::sources::Sources,
        codecs: Codecs,
    ) -> Self {
        FeedApi {
            feeds,
            identity,
            modules,
            codecs,
        }
    }

    fn module<'a>(&self, requested: &'a str) -> Result<&'a str, Status> {
        let module = if requested.is_empty() {
            DEFAULT_MODULE
        } else {
            requested
        };
        if self.modules.contains(module) {
            Ok(module)
        } else {
            Err(Status::not_found(format!(
                "module {module:?} has no feed on this instance; feeds: {}",
                self.modules.listed()
            )))
        }
    }
}

/// The gRPC status of a feed error; a client that lagged or was cut off by a shutdown also
/// gets `orbit-resume-after` in the status metadata, and one that reached a damaged event
/// (DATA_LOSS) the sequence number to resume after to skip it.
pub fn feed_status(error: FeedError) -> Status {
    let resume_after = match &error {
        FeedError::Lagged { resume_after, .. } | FeedError::ShuttingDown { resume_after } => {
            Some(*resume_after)
        }
        // Resuming after the damaged event skips it: the client's decision, told where.
        FeedError::Damaged { seq, .. } => Some(*seq),
        _ => None,
    };
    let mut status = match error {
        FeedError::BeyondHead { .. } => Status::out_of_range(error.to_string()),
        FeedError::Pruned { .. } => Status::failed_precondition(error.to_string()),
        FeedError::Lagged { .. } => Status::resource_exhausted(error.to_string()),
        FeedError::ShuttingDown { .. } => Status::unavailable(error.to_string()),
        FeedError::Damaged { .. } => Status::data_loss(error.to_string()),
        FeedError::Store(error) => store_status(error),
    };
    if let Some(seq) = resume_after {
        status
            .metadata_mut()
            .insert("orbit-resume-after", seq.into());
    }
    status
}

impl From<FeedError> for Status {
    fn from(error: FeedError) -> Status {
        feed_status(error)
    }
}

/// Heartbeat interval from a request: 0 means 15 s; 1-300 s.
pub fn heartbeat(seconds: u32) -> Result<Duration, Status> {
    match seconds {
        0 => Ok(Duration::from_secs(15)),
        1..=300 => Ok(Duration::from_secs(seconds.into())),
        _ => Err(Status::invalid_argument(format!(
            "heartbeat_seconds: {seconds} is not between 1 and 300"
        ))),
    }
}

/// Checks an entity type name (the rule records use).
pub fn valid_entity(field: &str, entity: &str) -> Result<(), Status> {
    orbit_system::records::valid_entity(entity)
        .map(|_| ())
        .map_err(|error| Status::invalid_argument(format!("{field}: {error}")))
}

type FeedStream = Pin<Box<dyn Stream<Item = Result<pb::FeedMessage, Status>> + Send>>;

#[tonic::async_trait]
impl FeedService for FeedApi {
    type SubscribeStream = FeedStream;

    /// `FeedService.Subscribe`.
    #[tracing::instrument(skip_all)]
    async fn subscribe(
        &self,
        request: Request<pb::SubscribeRequest>,
    ) -> Result<Response<FeedStream>, Status> {
        let caller = context(&request);
        let principal = caller.require().map_err(identity_status)?.clone();
        let mut request = request.into_inner();
        let module = self.module(&request.module)?.to_owned();
        if !request.entity.is_empty() {
            valid_entity("entity", &request.entity)?;
        }
        if !request.project_id.is_empty() {
            self.identity
                .role_in_project(&principal, &request.project_id)
                .await
                .map_err(identity_status)?;
            let project = self
                .identity
                .get_project(&caller, &request.project_id)
                .await
                .map_err(identity_status)?;
            // The org may be left out: it is the project's.
            if request.org_id.is_empty() {
                request.org_id = project.org_id;
            } else if project.org_id != request.org_id {
                return Err(identity_status(IdentityError::NotFound {
                    what: "project",
                    id: request.project_id,
                }));
            }
        }
        let start = match request.start {
            Some(pb::subscribe_request::Start::AfterSeq(after)) => Start::After(after),
            Some(pb::subscribe_request::Start::FromNow(_)) | None => Start::Now,
        };
        let heartbeat = heartbeat(request.heartbeat_seconds)?;
        let scoped_project = (!request.project_id.is_empty()).then(|| request.project_id.clone());
        let interest = match (request.project_id.is_empty(), request.entity.is_empty()) {
            (true, _) => Interest::Everything,
            (false, true) => Interest::Project(request.project_id.clone()),
            (false, false) => Interest::Entities {
                project_id: request.project_id.clone(),
                entities: vec![request.entity.clone()],
            },
        };
        let (org, project, entity) = (request.org_id, request.project_id, request.entity);
        let filter: ScopeFilter = Arc::new(move |scope: Option<&EventScope>| {
            scope.is_some_and(|s| {
                s.org_id == org
                    && (project.is_empty() || s.project_id == project)
                    && (entity.is_empty() || s.entity == entity)
            })
        });
        let items = self
            .feeds
            .follow(
                &principal.account_id,
                &module,
                start,
                interest,
                filter,
                heartbeat,
            )
            .await
            .map_err(feed_status)?;
        tracing::debug!(module, ?start, account = %principal.account_id, "subscription started");
        let permissions = Permissions::new(self.identity.clone(), principal);
        let forget = {
            let permissions = permissions.clone();
            move || permissions.forget()
        };
        let principal = permissions.principal.clone();
        let codecs = self.codecs.clone();
        let messages = items.filter_map(move |item| {
            let permissions = permissions.clone();
            let module = module.clone();
            let codecs = codecs.clone();
            async move {
                match item {
                    Ok(FeedItem::Event(event)) => {
                        let scope = event.scope.as_ref()?;
                        if !permissions.may_read(&scope.project_id).await {
                            return None;
                        }
                        // With the request id of the write, this traces it API → feed → NATS.
                        tracing::trace!(
                            seq = event.seq,
                            correlation_id = event.correlation_id.as_deref().unwrap_or(""),
                            "feed event delivered"
                        );
                        Some(Ok(pb::FeedMessage {
                            kind: Some(pb::feed_message::Kind::Event(to_feed_event(
                                &module, &event, &codecs,
                            ))),
                        }))
                    }
                    Ok(FeedItem::Heartbeat { head }) => Some(Ok(pb::FeedMessage {
                        kind: Some(pb::feed_message::Kind::Heartbeat(pb::Heartbeat {
                            head_seq: head,
                            at: Some(std::time::SystemTime::now().into()),
                        })),
                    })),
                    Err(error) => Some(Err(feed_status(error))),
                }
            }
        });
        let messages = end_when_revoked(
            messages,
            self.identity.clone(),
            principal,
            scoped_project,
            forget,
        );
        Ok(Response::new(Box::pin(messages)))
    }

    /// `FeedService.GetFeedHead`.
    #[tracing::instrument(skip_all)]
    async fn get_feed_head(
        &self,
        request: Request<pb::GetFeedHeadRequest>,
    ) -> Result<Response<pb::GetFeedHeadResponse>, Status> {
        let request = request.into_inner();
        let module = self.module(&request.module)?;
        let db = self
            .feeds
            .store()
            .database(module)
            .await
            .map_err(store_status)?;
        Ok(Response::new(pb::GetFeedHeadResponse {
            head_seq: db.head().await.map_err(store_status)?,
            pruned_through: db.pruned_through().await.map_err(store_status)?,
        }))
    }
}

/// The caller's read permission per project, decided by identity and reused for [`RECHECK`].
#[derive(Clone)]
struct Permissions {
    identity: Identity,
    principal: Arc<Principal>,
    decided: Arc<Mutex<HashMap<String, (bool, Instant)>>>,
}

impl Permissions {
    fn new(identity: Identity, principal: Principal) -> Self {
        Permissions {
            identity,
            principal: Arc::new(principal),
            decided: Arc::default(),
        }
    }

    /// Forgets every decision (tenancy changed): the next event of each project decides again.
    fn forget(&self) {
        self.decided.lock().expect("permissions").clear();
    }

    async fn may_read(&self, project_id: &str) -> bool {
        if let Some((allowed, at)) = self.decided.lock().expect("permissions").get(project_id) {
            if at.elapsed() < RECHECK {
                return *allowed;
            }
        }
        let allowed = match self
            .identity
            .role_in_project(&self.principal, project_id)
            .await
        {
            Ok(role) => role >= Role::ProjectUser,
            Err(IdentityError::NotFound { .. }) | Err(IdentityError::PermissionDenied(_)) => false,
            Err(error) => {
                // Fail closed, but say why.
                tracing::warn!(%error, project_id, "cannot decide feed permission; event withheld");
                false
            }
        };
        self.decided
            .lock()
            .expect("permissions")
            .insert(project_id.to_owned(), (allowed, Instant::now()));
        allowed
    }
}
