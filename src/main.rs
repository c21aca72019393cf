//! The `orbit` binary: parses the command line, loads the configuration and hands over to
//! one command (`serve`, `keys …`). It holds no logic of its own. The API commands
//! (`orbit <service> <method>`, `login`, …) are added to the derived CLI at run time from the
//! embedded descriptor set and dispatched to `api`.
//!
//! Failure is reported as one line on stderr, `error: <cause>; <what to do>`, with a
//! non-zero exit code.

mod admin;
mod api;
mod audit;
mod bootstrap;
mod cdc;
mod cli;
mod config;
mod gui;
mod keys;
mod logging;
mod modules;
mod seed;
mod serve;
mod store;
mod views;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use crate::cli::{Cli, Command};
use crate::logging::Target;

/// jemalloc, with its background threads purging dirty pages after a second, hands freed
/// memory back to the system whichever thread freed it, so the server's footprint falls back
/// after a burst (many log-ins, large change events to slow subscribers).
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's settings, read at start (the `_rjem_` prefix of tikv-jemallocator's build).
#[allow(non_upper_case_globals)]
#[unsafe(export_name = "_rjem_malloc_conf")]
pub static malloc_conf: &[u8] = b"background_thread:true,dirty_decay_ms:1000,muzzy_decay_ms:0\0";

fn main() -> ExitCode {
    // One parse over the derived commands and the generated ones; the generated ones (and
    // the session commands) run in `api`, the rest as declared in `cli.rs`.
    let mut catalog = api::Catalog::embedded();
    let args: Vec<String> = std::env::args().collect();
    let only = api::named_service(&catalog, &args).map(str::to_owned);
    let mut command = api::augment_for(Cli::command(), &catalog, only.as_deref());
    let matches = match command.clone().try_get_matches() {
        Ok(matches) => matches,
        // A word that names no command may be a service only the server knows (a user
        // module): ask its reflection, then parse again with what it has.
        Err(error) if error.kind() == clap::error::ErrorKind::InvalidSubcommand => {
            let Some(extended) = api::with_server_services(&catalog) else {
                return api::exit::clap_error(error);
            };
            catalog = extended;
            command = api::augment(Cli::command(), &catalog);
            match command.clone().try_get_matches() {
                Ok(matches) => matches,
                Err(error) => return api::exit::clap_error(error),
            }
        }
        Err(error) => return api::exit::clap_error(error),
    };
    if let Some(code) = api::dispatch(&matches, &catalog, &command) {
        return code;
    }
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(error) => return api::exit::clap_error(error),
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // One line, even if a cause spans several.
            let message = format!("{error:#}").replace('\n', "; ");
            eprintln!("{}: {message}", orbit_i18n::tr!("error-prefix"));
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let serve_flags = match &cli.command {
        Command::Serve(flags) => Some(flags),
        Command::Keys(_)
        | Command::Audit(_)
        | Command::Admin(_)
        | Command::Views(_)
        | Command::Seed(_) => None,
    };
    let config = config::load(&cli.global, serve_flags)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    // The server logs to stdout at info; operator commands keep stdout for their output and
    // log warnings to stderr.
    let (level, target) = match cli.command {
        Command::Serve(_) => ("info", Target::Stdout),
        _ => ("warn", Target::Stderr),
    };
    logging::init(config.log_format, config.log.as_deref(), level, target)?;
    match cli.command {
        Command::Serve(_) => runtime.block_on(serve::run(config)),
        Command::Keys(command) => runtime.block_on(keys::run(config, command)),
        Command::Audit(command) => runtime.block_on(audit::run(config, command)),
        Command::Admin(command) => runtime.block_on(admin::run(config, command)),
        Command::Views(command) => runtime.block_on(views::run(config, command)),
        Command::Seed(args) => runtime.block_on(seed::run(args)),
    }
}
