//! Services this binary does not know (a run-time user module, a newer server), learned from
//! the server's reflection service when the first command word names no command.
//!
//! Reflection is open (it needs no log-in), but the session's token is sent when there is
//! one: the server describes an org's user modules to that org's members only. The files of
//! every `orbit.*` service the embedded pool lacks are fetched with their dependencies, as the
//! server encoded them (so the access declarations survive), and added to a clone of the
//! embedded pool.

use std::collections::{BTreeMap, HashSet};
use std::time::Duration;

use prost::Message;
use prost_reflect::DescriptorPool;
use tonic_reflection::pb::v1::ServerReflectionRequest;
use tonic_reflection::pb::v1::server_reflection_client::ServerReflectionClient;
use tonic_reflection::pb::v1::server_reflection_request::MessageRequest;
use tonic_reflection::pb::v1::server_reflection_response::MessageResponse;

use super::Catalog;
use super::exit::CliError;
use super::session::Context;

/// How long the CLI waits for the server's reflection before the unknown word stays unknown.
const TIMEOUT: Duration = Duration::from_secs(5);

/// The embedded catalog plus the server's services it lacks; `None` if the server has none
/// (or cannot be asked: then the original usage error is the better answer).
pub(crate) fn catalog_with_server_services(
    context: &Context,
    embedded: &Catalog,
) -> Option<Catalog> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .ok()?;
    let pool = runtime
        .block_on(async { tokio::time::timeout(TIMEOUT, fetch(context, &embedded.pool)).await })
        .ok()?
        .ok()??;
    // A server whose reflection drops options (not Orbit's) leaves its own RPCs without a
    // declared role in the help; the embedded ones keep theirs.
    let access = orbit_proto::access::access_table_of(&pool)
        .or_else(|_| orbit_proto::access::access_table(orbit_proto::FILE_DESCRIPTOR_SET))
        .unwrap_or_default();
    Some(Catalog::from_pool(pool, &access))
}

/// The embedded pool with the server's extra services, or `None` if it has none.
async fn fetch(
    context: &Context,
    base: &DescriptorPool,
) -> Result<Option<DescriptorPool>, CliError> {
    let channel = context.channel()?;
    // A token that does not work (expired, revoked) is no reason not to ask: reflection is open.
    let token = context.token(&channel).await.ok().flatten();
    let token = token.as_deref();
    let mut client = ServerReflectionClient::new(channel);
    let services = match ask(
        &mut client,
        token,
        MessageRequest::ListServices(String::new()),
    )
    .await?
    {
        MessageResponse::ListServicesResponse(list) => list.service,
        other => return Err(unexpected(&other)),
    };
    let unknown: Vec<String> = services
        .into_iter()
        .map(|service| service.name)
        .filter(|name| name.starts_with("orbit.") && base.get_service_by_name(name).is_none())
        .collect();
    if unknown.is_empty() {
        return Ok(None);
    }
    // Fetch each unknown service's file, then every dependency the pool lacks.
    let mut files: BTreeMap<String, (Vec<u8>, Vec<String>)> = BTreeMap::new();
    let mut wanted: Vec<MessageRequest> = unknown
        .into_iter()
        .map(MessageRequest::FileContainingSymbol)
        .collect();
    while let Some(request) = wanted.pop() {
        let MessageResponse::FileDescriptorResponse(response) =
            ask(&mut client, token, request).await?
        else {
            return Err(CliError::usage("the server's reflection sent no file"));
        };
        for bytes in response.file_descriptor_proto {
            let file = prost_types::FileDescriptorProto::decode(bytes.as_slice())
                .map_err(|e| CliError::usage(format!("the server sent an unreadable file: {e}")))?;
            for dependency in &file.dependency {
                if base.get_file_by_name(dependency).is_none() && !files.contains_key(dependency) {
                    wanted.push(MessageRequest::FileByFilename(dependency.clone()));
                }
            }
            files.insert(file.name().to_owned(), (bytes, file.dependency.clone()));
        }
    }
    let mut pool = base.clone();
    let mut added = HashSet::new();
    for name in files.keys().cloned().collect::<Vec<_>>() {
        add_in_order(&mut pool, &files, &name, &mut added)?;
    }
    Ok(Some(pool))
}

/// Adds `name` after its dependencies, each file as the server encoded it.
fn add_in_order(
    pool: &mut DescriptorPool,
    files: &BTreeMap<String, (Vec<u8>, Vec<String>)>,
    name: &str,
    added: &mut HashSet<String>,
) -> Result<(), CliError> {
    let Some((bytes, dependencies)) = files.get(name) else {
        return Ok(());
    };
    if !added.insert(name.to_owned()) {
        return Ok(());
    }
    for dependency in dependencies {
        add_in_order(pool, files, dependency, added)?;
    }
    // A FileDescriptorSet of one file: field 1, length-delimited.
    let mut set = vec![0x0a];
    prost::encoding::encode_varint(bytes.len() as u64, &mut set);
    set.extend_from_slice(bytes);
    pool.decode_file_descriptor_set(set.as_slice())
        .map_err(|e| CliError::usage(format!("the server's file {name} does not fit: {e}")))
}

async fn ask(
    client: &mut ServerReflectionClient<tonic::transport::Channel>,
    token: Option<&str>,
    request: MessageRequest,
) -> Result<MessageResponse, CliError> {
    let request = ServerReflectionRequest {
        host: String::new(),
        message_request: Some(request),
    };
    let mut request = tonic::Request::new(tokio_stream::iter([request]));
    super::session::authorize(&mut request, token)?;
    let mut answers = client
        .server_reflection_info(request)
        .await
        .map_err(|status| CliError::usage(format!("server reflection: {}", status.message())))?
        .into_inner();
    match answers.message().await {
        Ok(Some(answer)) => match answer.message_response {
            Some(MessageResponse::ErrorResponse(error)) => Err(CliError::usage(format!(
                "server reflection: {}",
                error.error_message
            ))),
            Some(response) => Ok(response),
            None => Err(CliError::usage("server reflection sent an empty answer")),
        },
        Ok(None) => Err(CliError::usage("server reflection sent no answer")),
        Err(status) => Err(CliError::usage(format!(
            "server reflection: {}",
            status.message()
        ))),
    }
}

fn unexpected(response: &MessageResponse) -> CliError {
    CliError::usage(format!(
        "server reflection answered out of turn: {response:?}"
    ))
}
