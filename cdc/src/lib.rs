//! Change data capture: everything that reads the store's change outboxes after the write.
//!
//! - [`codec`]: how each database's values read (declared by the modules), for feeds, the
//!   relay and views.
//! - [`feed`]: live subscriptions to a scope's change events, filtered by the caller's
//!   permissions, resumable by sequence number, bounded in memory.
//! - [`view`]: materialised views folded incrementally from the feed, checkpointed in the
//!   same transaction as their rows; a declarative group-by kind and a trait for compiled
//!   modules.
//! - [`relay`]: the outbox relay publishing federated events to NATS JetStream.
//! - [`retention`]: prunes outboxes to a configured size, never past a view or the relay.
//! - [`server`]: the gRPC services over the three (FeedService, ViewService, RelayService).
//!
//! Depends on orbit-system (store, identity) and orbit-proto only.

pub mod codec;
pub mod feed;
pub mod relay;
pub mod retention;
pub mod server;
pub mod sources;
pub mod view;

#[cfg(test)]
mod fuzz;
