//! The `orbit` binary: parses the command line, loads the configuration and hands over to
//! one command (`serve`, `keys …`). It holds no logic of its own.
//!
//! Failure is reported as one line on stderr, `error: <cause>; <what to do>`, with a
//! non-zero exit code.

mod admin;
mod audit;
mod cdc;
mod cli;
mod config;
mod keys;
mod logging;
mod serve;
mod store;
mod views;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};
use crate::logging::Target;

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // One line, even if a cause spans several.
            let message = format!("{error:#}").replace('\n', "; ");
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let serve_flags = match &cli.command {
        Command::Serve(flags) => Some(flags),
        Command::Keys(_) | Command::Audit(_) | Command::Admin(_) | Command::Views(_) => None,
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
    }
}
