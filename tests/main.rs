//! End-to-end tests of the `orbit` binary, built as one test binary: each module starts the
//! real `orbit` (through `tests/common`) and talks to it as a client or an operator would.
//!
//! One file per concern: `serve` (gRPC, health, reflection, gRPC-Web, TLS, shutdown),
//! `bad_input` (every refused start leaves the data untouched), `keys` (rotation),
//! `postgres` (the same binary on PostgreSQL), `tidy` (repository hygiene), `accounts`
//! (sign-up, tokens, log-out, `orbit admin create`), `cli` (the CLI that reflects the API),
//! `correlation` (every change event a call
//! causes carries its request id), `invitations` (nobody becomes a member without accepting),
//! `seed` (`orbit seed` and first-start demo data).

mod common;

mod accounts;
mod audit;
mod bad_input;
mod bootstrap;
#[cfg(feature = "chat")]
mod chat;
mod cli;
mod correlation;
mod crash;
mod damaged;
mod federation;
mod feed;
mod garbage;
mod gui;
mod hardening;
mod invitations;
mod keys;
mod login_throttle;
mod matrix;
mod postgres;
mod records;
mod relay;
// Seeding reads chat back; a build without chat has nothing of it to compare.
#[cfg(feature = "chat")]
mod seed;
mod serve;
mod settings;
#[cfg(feature = "survey")]
mod survey;
mod tidy;
mod user_modules;
#[cfg(feature = "video")]
mod video;
mod views;
