//! The gRPC services of orbit-cdc: `orbit.cdc.v1.FeedService`, `ViewService` and
//! `RelayService`. The root binary adds them to the server with `GrpcServer::with_routes`;
//! the auth layer in front of them enforces their access declarations.

mod feed_service;
mod relay_service;
mod revocation;
mod view_service;

pub use feed_service::{DEFAULT_MODULE, FeedApi, feed_status, heartbeat, valid_entity};
pub use relay_service::RelayApi;
pub use revocation::end_when_revoked;
pub use view_service::{ViewApi, view_status};
