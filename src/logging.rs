//! Log output of the `orbit` binary: `tracing` events as human-readable lines or JSON objects,
//! filtered like RUST_LOG.
//!
//! `orbit serve` logs to stdout, so stderr carries only a fatal error (one line); the
//! one-shot commands (`orbit keys …`) print their results on stdout and log warnings to
//! stderr. The filter comes from the `log` setting (`ORBIT_LOG`, `--log`), else RUST_LOG,
//! else the command's default.

use std::io::IsTerminal;

use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::writer::BoxMakeWriter;

use crate::cli::LogFormat;

/// Where log lines go.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Target {
    Stdout,
    Stderr,
}

/// Installs the global subscriber.
pub(crate) fn init(
    format: LogFormat,
    filter: Option<&str>,
    default: &str,
    target: Target,
) -> anyhow::Result<()> {
    let from_rust_log = std::env::var("RUST_LOG").ok().filter(|f| !f.is_empty());
    let filter = filter
        .map(str::to_owned)
        .or(from_rust_log)
        .unwrap_or_else(|| default.to_owned());
    let env_filter = EnvFilter::try_new(&filter).map_err(|e| {
        anyhow::anyhow!("invalid log filter {filter:?} (ORBIT_LOG, --log or RUST_LOG): {e}; use e.g. `info` or `info,orbit_system=debug`")
    })?;
    let (writer, ansi) = match target {
        Target::Stdout => (
            BoxMakeWriter::new(std::io::stdout),
            std::io::stdout().is_terminal(),
        ),
        Target::Stderr => (
            BoxMakeWriter::new(std::io::stderr),
            std::io::stderr().is_terminal(),
        ),
    };
    let builder = tracing_subscriber::fmt()
        .with_env_filter(env_filter)
        .with_writer(writer);
    let installed = match format {
        LogFormat::Human => builder.with_ansi(ansi).try_init(),
        LogFormat::Json => builder.json().with_current_span(false).try_init(),
    };
    installed.map_err(|e| anyhow::anyhow!("cannot install the logger: {e}"))
}
