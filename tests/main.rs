//! End-to-end tests of the `orbit` binary, built as one test binary: each module starts the
//! real `orbit` (through `tests/common`) and talks to it as a client or an operator would.
//!
//! One file per concern: `serve` (gRPC, health, reflection, gRPC-Web, TLS, shutdown),
//! `bad_input` (every refused start leaves the data untouched), `keys` (rotation),
//! `postgres` (the same binary on PostgreSQL), `tidy` (repository hygiene), `accounts`
//! (sign-up, tokens, log-out, `orbit admin create`), `correlation` (every change event a call
//! causes carries its request id).

mod common;

mod accounts;
mod audit;
mod bad_input;
mod correlation;
mod crash;
mod feed;
mod keys;
mod matrix;
mod postgres;
mod records;
mod relay;
mod serve;
mod tidy;
mod views;
