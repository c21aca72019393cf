//! Exit codes and the one-line error of the API commands: a small fixed table, printed in
//! `orbit --help`, so scripts can tell "not logged in" from "not found" from "server down".
//!
//! It maps errors to codes and text; it never decides what went wrong.

use std::process::ExitCode;

use tonic::Code;

/// Success.
pub(crate) const OK: u8 = 0;
/// Any other failure (a file that cannot be read, a broken config, …).
pub(crate) const ERROR: u8 = 1;
/// Bad command line: unknown command or flag, a value of the wrong type, malformed JSON.
pub(crate) const USAGE: u8 = 2;
/// Not logged in, login expired, or not allowed (UNAUTHENTICATED, PERMISSION_DENIED).
pub(crate) const AUTH: u8 = 4;
/// Any other gRPC status N exits with 64 + N.
pub(crate) const GRPC_BASE: u8 = 64;

/// The table as shown in `--help`.
pub(crate) const HELP: &str = "\
Exit codes:
  0       ok
  1       error (local: a file, the config, a broken response)
  2       usage: unknown command or flag, wrong value type, malformed JSON
  4       not logged in, login expired, or permission denied
  64+N    the server answered gRPC status N, e.g. 67 INVALID_ARGUMENT, 69 NOT_FOUND,
          70 ALREADY_EXISTS, 72 RESOURCE_EXHAUSTED, 73 FAILED_PRECONDITION,
          78 UNAVAILABLE (also: server unreachable)";

/// Why an API command failed.
#[derive(Debug)]
pub(crate) enum CliError {
    /// The command line is wrong.
    Usage(String),
    /// Not logged in or the login expired.
    Auth(String),
    /// The server (or the transport) answered with a status.
    Status {
        status: tonic::Status,
        server: String,
    },
    /// Anything else.
    Other(anyhow::Error),
}

impl From<anyhow::Error> for CliError {
    fn from(error: anyhow::Error) -> Self {
        CliError::Other(error)
    }
}

impl CliError {
    pub(crate) fn usage(message: impl Into<String>) -> CliError {
        CliError::Usage(message.into())
    }

    pub(crate) fn code(&self) -> u8 {
        match self {
            CliError::Usage(_) => USAGE,
            CliError::Auth(_) => AUTH,
            CliError::Status { status, .. } => status_code(status.code()),
            CliError::Other(_) => ERROR,
        }
    }

    /// One line, without the `error: ` prefix.
    pub(crate) fn line(&self) -> String {
        let text = match self {
            CliError::Usage(message) | CliError::Auth(message) => message.clone(),
            CliError::Status { status, server } => status_line(status, server),
            CliError::Other(error) => format!("{error:#}"),
        };
        text.replace('\n', "; ")
    }

    /// Prints the line on stderr and returns the exit code.
    pub(crate) fn report(&self) -> ExitCode {
        eprintln!("{}: {}", orbit_i18n::tr!("error-prefix"), self.line());
        ExitCode::from(self.code())
    }
}

/// The exit code of a gRPC status code.
pub(crate) fn status_code(code: Code) -> u8 {
    match code {
        Code::Ok => OK,
        Code::Unauthenticated | Code::PermissionDenied => AUTH,
        other => GRPC_BASE + other as u8,
    }
}

/// `<server's message> (NOT_FOUND)`; a transport failure names the server and its cause.
fn status_line(status: &tonic::Status, server: &str) -> String {
    let name = code_name(status.code());
    let mut message = status.message().to_owned();
    if status.code() == Code::Unavailable {
        let mut source = std::error::Error::source(status);
        let mut causes = Vec::new();
        while let Some(cause) = source {
            let text = cause.to_string();
            if !causes.contains(&text) && !message.contains(&text) {
                causes.push(text);
            }
            source = cause.source();
        }
        if !causes.is_empty() || message.contains("transport") || message.contains("connect") {
            let detail = if causes.is_empty() {
                message.clone()
            } else {
                causes.join(": ")
            };
            return format!("cannot reach {server}: {detail} ({name})");
        }
    }
    if message.is_empty() {
        message = "the server gave no message".into();
    }
    format!("{message} ({name})")
}

/// The gRPC name of a code (`NOT_FOUND`).
pub(crate) fn code_name(code: Code) -> &'static str {
    match code {
        Code::Ok => "OK",
        Code::Cancelled => "CANCELLED",
        Code::Unknown => "UNKNOWN",
        Code::InvalidArgument => "INVALID_ARGUMENT",
        Code::DeadlineExceeded => "DEADLINE_EXCEEDED",
        Code::NotFound => "NOT_FOUND",
        Code::AlreadyExists => "ALREADY_EXISTS",
        Code::PermissionDenied => "PERMISSION_DENIED",
        Code::ResourceExhausted => "RESOURCE_EXHAUSTED",
        Code::FailedPrecondition => "FAILED_PRECONDITION",
        Code::Aborted => "ABORTED",
        Code::OutOfRange => "OUT_OF_RANGE",
        Code::Unimplemented => "UNIMPLEMENTED",
        Code::Internal => "INTERNAL",
        Code::Unavailable => "UNAVAILABLE",
        Code::DataLoss => "DATA_LOSS",
        Code::Unauthenticated => "UNAUTHENTICATED",
    }
}

/// A clap error as one line (its first line and its tip), with exit code 2; help and version
/// are printed as clap prints them, with exit code 0.
pub(crate) fn clap_error(error: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match error.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = error.print();
            return if error.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                ExitCode::from(USAGE)
            } else {
                ExitCode::SUCCESS
            };
        }
        _ => {}
    }
    let rendered = error.render().to_string();
    let mut parts = Vec::new();
    for line in rendered.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with("Usage:") || line.starts_with("For more information")
        {
            continue;
        }
        parts.push(line.trim_start_matches("error: ").to_owned());
    }
    eprintln!("{}: {}", orbit_i18n::tr!("error-prefix"), parts.join("; "));
    ExitCode::from(USAGE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes() {
        assert_eq!(status_code(Code::NotFound), 69);
        assert_eq!(status_code(Code::Unavailable), 78);
        assert_eq!(status_code(Code::PermissionDenied), AUTH);
        assert_eq!(status_code(Code::Unauthenticated), AUTH);
        assert_eq!(status_code(Code::InvalidArgument), 67);
    }
}
