//! The second half of a generated command: build the request from the flags, call the RPC
//! through one generic tonic client ([`DynamicCodec`]), print the answer.
//!
//! Reads (see [`ApiMethod::is_read`]) refused with UNAVAILABLE are retried with back-off; a
//! token the server refuses is refreshed once (stored logins only); a server stream that
//! breaks with UNAVAILABLE or RESOURCE_EXHAUSTED is reopened after the last sequence number
//! printed when its request has an `after_seq` start (FeedService.Subscribe,
//! ViewService.WatchView, ChatService.WatchRoom).

use std::future::Future;
use std::process::ExitCode;
use std::str::FromStr;
use std::time::Duration;

use backon::{ExponentialBuilder, Retryable};
use clap::ArgMatches;
use http::uri::PathAndQuery;
use prost_reflect::{DynamicMessage, ReflectMessage, Value};
use tonic::Code;
use tonic::client::Grpc;
use tonic::transport::Channel;

use super::exit::CliError;
use super::session::{Context, authorize};
use super::{ApiMethod, Catalog, request};
use orbit_proto::dynamic::DynamicCodec;

/// Reopening a broken stream gives up after this many tries without a message in between.
const MAX_RESUMES: u32 = 8;

/// Runs `orbit <service> <method>`.
pub(crate) fn main(method: &ApiMethod, matches: &ArgMatches, _catalog: &Catalog) -> ExitCode {
    match block_on(run(method, matches)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => error.report(),
    }
}

/// Runs `future` on a runtime of its own, with warnings logged to stderr.
pub(crate) fn block_on<F: Future<Output = Result<(), CliError>>>(
    future: F,
) -> Result<(), CliError> {
    let _ = crate::logging::init(
        crate::cli::LogFormat::Human,
        None,
        "warn",
        crate::logging::Target::Stderr,
    );
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::Other(e.into()))?;
    runtime.block_on(future)
}

async fn run(method: &ApiMethod, matches: &ArgMatches) -> Result<(), CliError> {
    let request = request::build(&method.method.input(), matches)?;
    let context = Context::from_matches(matches)?;
    if method.method.is_client_streaming() {
        return Err(CliError::usage(format!(
            "{} streams requests from the client, which the CLI cannot send",
            method.path()
        )));
    }
    if method.method.is_server_streaming() {
        return stream(&context, method, request).await;
    }
    let response = unary(&context, method, request).await?;
    context
        .output
        .print(&response)
        .map_err(|e| CliError::Other(e.into()))
}

/// Calls a unary RPC as the context's caller: retried on UNAVAILABLE if it is a read, the
/// token refreshed once if the server refuses it.
pub(crate) async fn unary(
    context: &Context,
    method: &ApiMethod,
    request: DynamicMessage,
) -> Result<DynamicMessage, CliError> {
    let channel = context.channel()?;
    let mut token = context.token(&channel).await?;
    let mut refreshed = false;
    loop {
        let call = || call_unary(&channel, method, request.clone(), token.as_deref());
        let result = if method.is_read() {
            call.retry(backoff())
                .when(|e: &CallError| e.code() == Some(Code::Unavailable))
                .notify(|e, after| tracing::debug!("{}; retrying in {after:?}", e.text()))
                .await
        } else {
            call().await
        };
        match result {
            Ok(response) => return Ok(response),
            Err(CallError::Status(status))
                if status.code() == Code::Unauthenticated
                    && !refreshed
                    && context.can_refresh() =>
            {
                token = Some(context.refresh(&channel).await?);
                refreshed = true;
            }
            Err(error) => return Err(error.into_cli(context)),
        }
    }
}

/// The back-off of retried reads: 200 ms doubling, four retries.
fn backoff() -> ExponentialBuilder {
    ExponentialBuilder::default()
        .with_min_delay(Duration::from_millis(200))
        .with_max_delay(Duration::from_secs(3))
        .with_max_times(4)
}

/// A failed call: a status, or a bad token (a usage error, never retried).
#[derive(Debug)]
enum CallError {
    Status(tonic::Status),
    Cli(CliError),
}

impl CallError {
    fn code(&self) -> Option<Code> {
        match self {
            CallError::Status(status) => Some(status.code()),
            CallError::Cli(_) => None,
        }
    }

    fn text(&self) -> String {
        match self {
            CallError::Status(status) => format!("{:?}: {}", status.code(), status.message()),
            CallError::Cli(error) => error.line(),
        }
    }

    fn into_cli(self, context: &Context) -> CliError {
        match self {
            CallError::Status(status) => context.status_error(status),
            CallError::Cli(error) => error,
        }
    }
}

fn grpc_request(
    request: DynamicMessage,
    token: Option<&str>,
) -> Result<tonic::Request<DynamicMessage>, CallError> {
    let mut request = tonic::Request::new(request);
    authorize(&mut request, token).map_err(CallError::Cli)?;
    Ok(request)
}

fn grpc_path(method: &ApiMethod) -> PathAndQuery {
    PathAndQuery::from_str(&method.path()).expect("a method's path is a valid URI path")
}

async fn ready(channel: &Channel) -> Result<Grpc<Channel>, CallError> {
    let mut grpc = Grpc::new(channel.clone());
    grpc.ready().await.map_err(|e| {
        let mut text = e.to_string();
        let mut source = std::error::Error::source(&e);
        while let Some(cause) = source {
            text = format!("{text}: {cause}");
            source = cause.source();
        }
        CallError::Status(tonic::Status::unavailable(format!("transport: {text}")))
    })?;
    Ok(grpc)
}

async fn call_unary(
    channel: &Channel,
    method: &ApiMethod,
    request: DynamicMessage,
    token: Option<&str>,
) -> Result<DynamicMessage, CallError> {
    let request = grpc_request(request, token)?;
    let mut grpc = ready(channel).await?;
    grpc.unary(
        request,
        grpc_path(method),
        DynamicCodec::for_answers(method.method.output()),
    )
    .await
    .map(tonic::Response::into_inner)
    .map_err(CallError::Status)
}

/// Calls a server-streaming RPC and prints each message as it arrives.
async fn stream(
    context: &Context,
    method: &ApiMethod,
    request: DynamicMessage,
) -> Result<(), CliError> {
    let channel = context.channel()?;
    let mut token = context.token(&channel).await?;
    let resumable = request
        .descriptor()
        .get_field_by_name("after_seq")
        .is_some();
    let mut last_seq: Option<u64> = None;
    let mut refreshed = false;
    let mut failures = 0u32;
    loop {
        let mut request = request.clone();
        if let Some(seq) = last_seq {
            request.set_field_by_name("after_seq", Value::U64(seq));
        }
        let error = match open_stream(&channel, method, request, token.as_deref()).await {
            Ok(mut stream) => loop {
                match stream.message().await {
                    Ok(Some(message)) => {
                        failures = 0;
                        if let Some(seq) = sequence(&message) {
                            last_seq = Some(seq.max(last_seq.unwrap_or(0)));
                        }
                        context
                            .output
                            .print_streamed(&message)
                            .map_err(|e| CliError::Other(e.into()))?;
                    }
                    Ok(None) => return Ok(()),
                    Err(status) => break CallError::Status(status),
                }
            },
            Err(error) => error,
        };
        match error.code() {
            Some(Code::Unauthenticated) if !refreshed && context.can_refresh() => {
                token = Some(context.refresh(&channel).await?);
                refreshed = true;
            }
            Some(Code::Unavailable | Code::ResourceExhausted)
                if resumable && failures < MAX_RESUMES =>
            {
                let wait = Duration::from_millis(200 * 2u64.pow(failures.min(4)));
                failures += 1;
                match last_seq {
                    Some(seq) => tracing::warn!(
                        "the stream broke ({}); resuming after seq {seq} in {wait:?}",
                        error.text()
                    ),
                    None => {
                        tracing::warn!("the stream broke ({}); reopening in {wait:?}", error.text())
                    }
                }
                tokio::time::sleep(wait).await;
            }
            _ => return Err(error.into_cli(context)),
        }
    }
}

async fn open_stream(
    channel: &Channel,
    method: &ApiMethod,
    request: DynamicMessage,
    token: Option<&str>,
) -> Result<tonic::Streaming<DynamicMessage>, CallError> {
    let request = grpc_request(request, token)?;
    let mut grpc = ready(channel).await?;
    grpc.server_streaming(
        request,
        grpc_path(method),
        DynamicCodec::for_answers(method.method.output()),
    )
    .await
    .map(tonic::Response::into_inner)
    .map_err(CallError::Status)
}

/// The sequence number a stream message carries, to resume after it: a non-zero `seq` field
/// of the message, or of the message set in its `oneof` (an event, a delta).
fn sequence(message: &DynamicMessage) -> Option<u64> {
    let own = |message: &DynamicMessage| {
        message
            .get_field_by_name("seq")
            .and_then(|v| v.as_u64())
            .filter(|seq| *seq > 0)
    };
    if let Some(seq) = own(message) {
        return Some(seq);
    }
    message.fields().find_map(|(_, value)| match value {
        Value::Message(inner) => own(inner),
        _ => None,
    })
}
