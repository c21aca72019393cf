//! Tests of materialised views against a real encrypted SQLite store in a temp dir: the
//! aggregates under puts, updates and deletes, atomicity of rows and checkpoint, rebuilds,
//! declaration errors, a compiled module's view, and a property test against a from-scratch recomputation.

mod aggregates;
mod compiled;
mod damaged;
mod declarations;
mod durability;
mod harness;
mod incremental_equals_recomputed;
