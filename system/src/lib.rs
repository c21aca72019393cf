//! Orbit's core: cryptography, the encrypted store with its change outbox, and (as they
//! land) identity, tenancy, the Module trait and the gRPC server assembly.
//!
//! It depends only on `orbit-proto` among Orbit crates; it never imports a module,
//! `orbit-cdc` or `orbit-federation`.

pub mod crypto;
pub mod identity;
pub mod records;
pub mod server;
pub mod store;

#[cfg(test)]
mod fuzz;
