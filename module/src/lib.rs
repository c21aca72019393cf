//! The module framework: what a module is ([`Module`], its [`Manifest`]), what it gets
//! ([`ModuleContext`]: its own encrypted database, identity for authorization, the change
//! feeds and the view engine), what it hands back ([`Built`]: gRPC services, their health
//! names, long-running parts), the [`Registry`] the server is assembled from, and one
//! lifecycle ([`Part`], [`Supervisor`]) for everything that runs in the background.
//!
//! Records is the first module on this seam (`records.rs`); chat, survey and video are
//! crates under `modules/` that the root binary compiles in with cargo features. This crate
//! never names one of them.

mod lifecycle;
mod page;
mod records;
mod registry;
mod service;

use async_trait::async_trait;
use orbit_cdc::codec::{DatabaseCodec, ValueCodec};
use orbit_cdc::feed::Feeds;
use orbit_cdc::view::ViewEngine;
use orbit_system::identity::Identity;
use orbit_system::store::{Database, StoreError};

pub use lifecycle::{Part, Supervisor, TaskPart};
pub use page::{Page, PageData, PageError, PageView, check_pages};
pub use records::RecordsModule;
pub use registry::{Registry, Running};
pub use service::ModuleApi;

/// What a module declares about itself, as data: the server, the GUI and the CLI read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Manifest {
    /// Short name; also the name of its encrypted database and of its change feed.
    pub name: &'static str,
    pub version: &'static str,
    /// One line saying what it offers.
    pub description: &'static str,
    /// Full names of the gRPC services it serves (their .proto under
    /// `proto/orbit/<module>/v1/`, every RPC with an access declaration).
    pub services: Vec<&'static str>,
    /// Names of the materialised views it keeps.
    pub views: Vec<&'static str>,
    /// Its GUI pages.
    pub pages: Vec<Page>,
    /// Whether clients may follow its change feed (`FeedService.Subscribe`, `module` = name)
    /// and declare views over it.
    pub has_feed: bool,
}

/// What a module works with. It cannot reach another module's or the system's database:
/// it gets only its own.
#[derive(Clone, Debug)]
pub struct ModuleContext {
    /// The module's own encrypted database (its data key wrapped by the instance key, its
    /// own outbox and change feed).
    pub database: Database,
    /// Accounts, tenancy and authorization (who may do what in which project).
    pub identity: Identity,
    /// Live change feeds, for the module's watch streams (bounded in bytes).
    pub feeds: Feeds,
    /// The view engine, to register the module's materialised views.
    pub views: ViewEngine,
}

/// A gRPC service of a module, ready to be added to the server's routes.
pub struct Service {
    /// Full gRPC name, for health (`orbit.chat.v1.ChatService`).
    pub name: &'static str,
    add: Box<dyn FnOnce(tonic::service::Routes) -> tonic::service::Routes + Send>,
}

impl std::fmt::Debug for Service {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Service").field("name", &self.name).finish()
    }
}

impl Service {
    /// Wraps a tonic service (a generated `…Server<Impl>`).
    pub fn new<S>(service: S) -> Service
    where
        S: tower::Service<
                http::Request<tonic::body::Body>,
                Response = http::Response<tonic::body::Body>,
                Error = std::convert::Infallible,
            > + tonic::server::NamedService
            + Clone
            + Send
            + Sync
            + 'static,
        S::Future: Send + 'static,
    {
        Service {
            name: S::NAME,
            add: Box::new(move |routes: tonic::service::Routes| routes.add_service(service)),
        }
    }

    /// Adds the service to the server's routes.
    pub fn add_to(self, routes: tonic::service::Routes) -> tonic::service::Routes {
        (self.add)(routes)
    }
}

/// What [`Module::build`] hands back.
#[derive(Debug, Default)]
pub struct Built {
    pub services: Vec<Service>,
    /// Background parts (stopped with the server, in reverse order of start).
    pub parts: Vec<Box<dyn Part>>,
}

/// Why a module could not be built.
#[derive(Debug, thiserror::Error)]
pub enum ModuleError {
    #[error("module {module}: {reason}")]
    Failed { module: String, reason: String },

    #[error("module {0:?} is not compiled into this build; compiled in: {1}")]
    NotCompiledIn(String, String),

    #[error("module {0:?} is registered twice")]
    Duplicate(String),

    #[error(transparent)]
    Page(#[from] PageError),

    #[error("route {route:?} is declared by modules {first:?} and {second:?}")]
    RouteClash {
        route: String,
        first: String,
        second: String,
    },

    #[error(transparent)]
    Store(#[from] StoreError),
}

impl ModuleError {
    pub fn failed(module: &str, reason: impl std::fmt::Display) -> ModuleError {
        ModuleError::Failed {
            module: module.to_owned(),
            reason: reason.to_string(),
        }
    }
}

/// A compiled module: a manifest and how to build its services on a context.
#[async_trait]
pub trait Module: Send + Sync + 'static {
    fn manifest(&self) -> Manifest;

    /// How the module's stored values read (for its feed's `data`, the relay and views over
    /// it). The default: every value is a JSON object.
    fn codec(&self) -> DatabaseCodec {
        DatabaseCodec::uniform(ValueCodec::Json)
    }

    /// Builds the module's services and background parts on its context (register views,
    /// start tasks). Called once per server start.
    async fn build(&self, context: ModuleContext) -> Result<Built, ModuleError>;

    /// The demo-data hook the seeder calls: fills `project_id` of `org_id` with plausible
    /// data as `actor` (an account id). The default seeds nothing.
    async fn seed(
        &self,
        _context: &ModuleContext,
        _org_id: &str,
        _project_id: &str,
        _actor: &str,
    ) -> Result<(), ModuleError> {
        Ok(())
    }
}
