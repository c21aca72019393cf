//! User modules: record types, services and GUI pages an org-admin defines while the server
//! runs, from protobuf, with no developer, rebuild or restart.
//!
//! An org-admin creates a module in an org and uploads its schema (`schema.rs`: .proto
//! sources compiled with protox, or a descriptor set; held to the module's package and to
//! limits). Each version is checked against the previous one (`evolution.rs`: Orbit's
//! breaking-change check) and kept (`definitions.rs`). For every record type Orbit generates
//! a CRUD, query and watch service (`generate.rs`) that the API catalog serves at once
//! (`live.rs`), so the auth layer enforces it and reflection, the CLI and grpcurl see it;
//! calls are answered by one dynamic route (`dynamic.rs`) over the module's own encrypted
//! database (`records.rs`: dynamic messages, blind indexes, change events feeding watches,
//! views and the relay). The GUI gets card pages generated from the descriptor (`cards.rs`).
//! `service.rs` is `orbit.user.v1.UserModuleService`.

mod cards;
mod definitions;
mod dynamic;
mod error;
mod evolution;
mod generate;
mod live;
mod records;
mod schema;
mod service;

pub use definitions::DEFINITIONS_DATABASE;
pub use dynamic::DynamicRoutes;
pub use error::UserModuleError;
pub use live::UserModules;
pub use schema::{Problem, Upload, snake_case};
pub use service::UserModuleApi;
