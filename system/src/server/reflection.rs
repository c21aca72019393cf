//! gRPC server reflection (v1 and v1alpha) read from the [`ApiCatalog`] at each request, so
//! services added to the catalog while the server runs are listed and described at once
//! (tonic-reflection's own service is built once from fixed sets).
//!
//! Answers as tonic-reflection does: the file that defines a symbol or has a name (clients ask
//! for its dependencies by name), every service of the catalog, a message type's extension
//! numbers; a question about something unknown gets an error response naming it.
//!
//! Reflection is open, but the files of an org's user modules are described only to that
//! org's members (a caller who sends its token; the auth layer resolves it best-effort): to
//! anyone else they do not exist, as their RPCs answer NotFound outside the org.

use std::collections::{HashMap, HashSet};

use prost_reflect::{DescriptorPool, FileDescriptor};
use tonic::Status;

use super::catalog::{ApiCatalog, Snapshot};
use crate::identity::{Identity, Principal};

/// The reflection services over one catalog.
#[derive(Clone, Debug)]
pub(crate) struct Reflection {
    catalog: ApiCatalog,
    /// To tell whether a caller belongs to the org of a user module's files; without it those
    /// files are described to nobody.
    identity: Option<Identity>,
}

impl Reflection {
    pub(crate) fn new(catalog: ApiCatalog) -> Reflection {
        Reflection {
            catalog,
            identity: None,
        }
    }

    pub(crate) fn with_identity(mut self, identity: Identity) -> Reflection {
        self.identity = Some(identity);
        self
    }

    /// The files of `snapshot` that `principal` may not see (other orgs' user modules);
    /// `known` remembers, per org, what was decided for this stream.
    async fn hidden(
        &self,
        snapshot: &Snapshot,
        principal: Option<&Principal>,
        known: &mut HashMap<String, bool>,
    ) -> HashSet<String> {
        let mut hidden = HashSet::new();
        for (file, org) in &snapshot.org_files {
            let sees = match known.get(org) {
                Some(sees) => *sees,
                None => {
                    let sees = match (principal, &self.identity) {
                        (Some(principal), Some(identity)) => {
                            identity.role_in_org(principal, org).await.is_ok()
                        }
                        _ => false,
                    };
                    known.insert(org.clone(), sees);
                    sees
                }
            };
            if !sees {
                hidden.insert(file.clone());
            }
        }
        hidden
    }
}

/// The file named `name`, encoded.
fn file_by_name(
    pool: &DescriptorPool,
    name: &str,
    hidden: &HashSet<String>,
) -> Result<Vec<u8>, Status> {
    pool.get_file_by_name(name)
        .filter(|file| visible(file, hidden))
        .map(|file| encode(&file))
        .ok_or_else(|| Status::not_found(format!("file {name} is not known to this server")))
}

/// The storage records' .proto (what the store keeps: password hashes, sessions) are in the
/// pool for the server's own use, never described to clients; nor are `hidden` files.
fn visible(file: &FileDescriptor, hidden: &HashSet<String>) -> bool {
    !orbit_proto::is_storage_file(file.name()) && !hidden.contains(file.name())
}

/// The file that defines `symbol` (a service, method, message, enum, or extension), encoded.
fn file_containing(
    pool: &DescriptorPool,
    symbol: &str,
    hidden: &HashSet<String>,
) -> Result<Vec<u8>, Status> {
    let file = pool
        .get_service_by_name(symbol)
        .map(|s| s.parent_file())
        .or_else(|| pool.get_message_by_name(symbol).map(|m| m.parent_file()))
        .or_else(|| pool.get_enum_by_name(symbol).map(|e| e.parent_file()))
        .or_else(|| pool.get_extension_by_name(symbol).map(|e| e.parent_file()))
        .or_else(|| {
            let (service, method) = symbol.rsplit_once('.')?;
            let service = pool.get_service_by_name(service)?;
            service
                .methods()
                .any(|m| m.name() == method)
                .then(|| service.parent_file())
        })
        .or_else(|| {
            // A field or enum value: its message or enum's file.
            let (parent, _) = symbol.rsplit_once('.')?;
            pool.get_message_by_name(parent)
                .map(|m| m.parent_file())
                .or_else(|| pool.get_enum_by_name(parent).map(|e| e.parent_file()))
        })
        .filter(|file| visible(file, hidden))
        .ok_or_else(|| Status::not_found(format!("symbol {symbol} is not known to this server")))?;
    Ok(encode(&file))
}

/// The file as it was compiled, options with their extensions (access declarations) kept.
fn encode(file: &FileDescriptor) -> Vec<u8> {
    file.encode_to_vec()
}

fn extension_numbers(
    pool: &DescriptorPool,
    message: &str,
    hidden: &HashSet<String>,
) -> Result<Vec<i32>, Status> {
    let message = pool
        .get_message_by_name(message)
        .filter(|m| visible(&m.parent_file(), hidden))
        .ok_or_else(|| Status::not_found(format!("type {message} is not known to this server")))?;
    Ok(message.extensions().map(|e| e.number() as i32).collect())
}

/// Implements one version of the reflection protocol; v1 and v1alpha have the same shape in
/// different packages.
macro_rules! reflection_version {
    ($version:ident) => {
        pub(crate) mod $version {
            use std::pin::Pin;

            use futures::{Stream, StreamExt};
            use tonic::{Request, Response, Status, Streaming};
            use tonic_reflection::pb::$version::server_reflection_request::MessageRequest;
            use tonic_reflection::pb::$version::server_reflection_response::MessageResponse;
            use tonic_reflection::pb::$version::server_reflection_server::{
                ServerReflection, ServerReflectionServer,
            };
            use tonic_reflection::pb::$version::{
                ErrorResponse, ExtensionNumberResponse, FileDescriptorResponse,
                ListServiceResponse, ServerReflectionRequest, ServerReflectionResponse,
                ServiceResponse,
            };

            use super::Reflection;

            pub(crate) fn server(reflection: Reflection) -> ServerReflectionServer<Reflection> {
                ServerReflectionServer::new(reflection)
            }

            pub(super) fn answer(
                snapshot: &super::Snapshot,
                request: &ServerReflectionRequest,
                hidden: &std::collections::HashSet<String>,
            ) -> Result<MessageResponse, Status> {
                let pool = &snapshot.pool;
                let file = |bytes| {
                    MessageResponse::FileDescriptorResponse(FileDescriptorResponse {
                        file_descriptor_proto: vec![bytes],
                    })
                };
                match &request.message_request {
                    None => Err(Status::invalid_argument(
                        "message_request: say what to reflect on",
                    )),
                    Some(MessageRequest::FileByFilename(name)) => {
                        super::file_by_name(pool, name, hidden).map(file)
                    }
                    Some(MessageRequest::FileContainingSymbol(symbol)) => {
                        super::file_containing(pool, symbol, hidden).map(file)
                    }
                    Some(MessageRequest::FileContainingExtension(extension)) => {
                        let message = pool
                            .get_message_by_name(&extension.containing_type)
                            .ok_or_else(|| {
                                Status::not_found(format!(
                                    "type {} is not known to this server",
                                    extension.containing_type
                                ))
                            })?;
                        message
                            .extensions()
                            .find(|e| {
                                e.number() as i32 == extension.extension_number
                                    && super::visible(&e.parent_file(), hidden)
                            })
                            .map(|e| file(super::encode(&e.parent_file())))
                            .ok_or_else(|| {
                                Status::not_found(format!(
                                    "extension {} of {} is not known to this server",
                                    extension.extension_number, extension.containing_type
                                ))
                            })
                    }
                    Some(MessageRequest::AllExtensionNumbersOfType(message)) => {
                        super::extension_numbers(pool, message, hidden).map(|numbers| {
                            MessageResponse::AllExtensionNumbersResponse(ExtensionNumberResponse {
                                base_type_name: message.clone(),
                                extension_number: numbers,
                            })
                        })
                    }
                    Some(MessageRequest::ListServices(_)) => {
                        let mut names: Vec<String> = pool
                            .services()
                            .filter(|service| super::visible(&service.parent_file(), hidden))
                            .map(|service| service.full_name().to_owned())
                            .collect();
                        names.sort();
                        Ok(MessageResponse::ListServicesResponse(ListServiceResponse {
                            service: names
                                .into_iter()
                                .map(|name| ServiceResponse { name })
                                .collect(),
                        }))
                    }
                }
            }

            #[tonic::async_trait]
            impl ServerReflection for Reflection {
                type ServerReflectionInfoStream =
                    Pin<Box<dyn Stream<Item = Result<ServerReflectionResponse, Status>> + Send>>;

                async fn server_reflection_info(
                    &self,
                    request: Request<Streaming<ServerReflectionRequest>>,
                ) -> Result<Response<Self::ServerReflectionInfoStream>, Status> {
                    let this = self.clone();
                    let principal = request
                        .extensions()
                        .get::<crate::identity::RequestContext>()
                        .and_then(|context| context.principal.clone());
                    let known = std::sync::Arc::new(tokio::sync::Mutex::new(
                        std::collections::HashMap::new(),
                    ));
                    let answers = request.into_inner().then(move |request| {
                        let (this, principal, known) =
                            (this.clone(), principal.clone(), known.clone());
                        async move {
                            let request = request?;
                            let snapshot = this.catalog.snapshot();
                            let hidden = this
                                .hidden(&snapshot, principal.as_ref(), &mut *known.lock().await)
                                .await;
                            // A question about something unknown is answered with an error
                            // response; the stream stays open for the next question.
                            let response =
                                answer(&snapshot, &request, &hidden).unwrap_or_else(|status| {
                                    MessageResponse::ErrorResponse(ErrorResponse {
                                        error_code: status.code() as i32,
                                        error_message: status.message().to_owned(),
                                    })
                                });
                            Ok(ServerReflectionResponse {
                                valid_host: request.host.clone(),
                                original_request: Some(request),
                                message_response: Some(response),
                            })
                        }
                    });
                    Ok(Response::new(Box::pin(answers)))
                }
            }
        }
    };
}

reflection_version!(v1);
reflection_version!(v1alpha);

#[cfg(test)]
mod tests {
    use orbit_proto::access::access_table_of;
    use tonic_reflection::pb::v1::ServerReflectionRequest;
    use tonic_reflection::pb::v1::server_reflection_request::MessageRequest;
    use tonic_reflection::pb::v1::server_reflection_response::MessageResponse;

    use super::*;
    use crate::server::catalog::tests::extra_set;

    fn ask(reflection: &Reflection, request: MessageRequest) -> Result<MessageResponse, Status> {
        v1::answer(
            &reflection.catalog.snapshot(),
            &ServerReflectionRequest {
                host: String::new(),
                message_request: Some(request),
            },
            &HashSet::new(),
        )
    }

    fn listed(reflection: &Reflection) -> Vec<String> {
        match ask(reflection, MessageRequest::ListServices(String::new())) {
            Ok(MessageResponse::ListServicesResponse(list)) => {
                list.service.into_iter().map(|s| s.name).collect()
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn services_added_at_run_time_are_listed_and_described_with_their_access_option() {
        let catalog = ApiCatalog::orbit().unwrap();
        let reflection = Reflection::new(catalog.clone());
        let extra = "orbit.extra.v1.ExtraService".to_owned();
        assert!(!listed(&reflection).contains(&extra));
        assert!(listed(&reflection).contains(&"grpc.reflection.v1.ServerReflection".to_owned()));

        let set = extra_set(Some(
            "role: ROLE_PROJECT_USER, scope: SCOPE_PROJECT, scope_field: \"project_id\"",
        ));
        catalog.add("user/extra", &set).unwrap();
        assert!(listed(&reflection).contains(&extra));
        let Ok(MessageResponse::FileDescriptorResponse(files)) = ask(
            &reflection,
            MessageRequest::FileContainingSymbol("orbit.extra.v1.ExtraService.Ping".into()),
        ) else {
            panic!("the new method's file");
        };
        // A client rebuilding the pool from what reflection sent sees the declaration.
        let file = &files.file_descriptor_proto[0];
        let mut wrapped = vec![0x0a];
        prost::encoding::encode_varint(file.len() as u64, &mut wrapped);
        wrapped.extend_from_slice(file);
        let mut pool = DescriptorPool::decode(orbit_proto::FILE_DESCRIPTOR_SET).unwrap();
        pool.decode_file_descriptor_set(wrapped.as_slice()).unwrap();
        let table = access_table_of(&pool).unwrap();
        assert!(table.contains_key("/orbit.extra.v1.ExtraService/Ping"));

        catalog.remove("user/extra").unwrap();
        assert!(!listed(&reflection).contains(&extra));
        assert!(ask(&reflection, MessageRequest::FileContainingSymbol(extra)).is_err());
    }

    #[tokio::test]
    async fn an_org_s_files_are_described_to_nobody_the_server_cannot_place_in_it() {
        let catalog = ApiCatalog::orbit().unwrap();
        let reflection = Reflection::new(catalog.clone());
        let set = extra_set(Some(
            "role: ROLE_PROJECT_USER, scope: SCOPE_PROJECT, scope_field: \"project_id\"",
        ));
        catalog.add_for_org("user/o1/extra", "o1", &set).unwrap();
        let snapshot = catalog.snapshot();
        // Without an identity to ask (or a caller), an org's files are hidden.
        let hidden = reflection
            .hidden(&snapshot, None, &mut HashMap::new())
            .await;
        assert_eq!(hidden.len(), 1, "{hidden:?}");
        let request = |message_request| ServerReflectionRequest {
            host: String::new(),
            message_request: Some(message_request),
        };
        let Ok(MessageResponse::ListServicesResponse(list)) = v1::answer(
            &snapshot,
            &request(MessageRequest::ListServices(String::new())),
            &hidden,
        ) else {
            panic!("a list");
        };
        assert!(
            !list
                .service
                .iter()
                .any(|s| s.name == "orbit.extra.v1.ExtraService")
        );
        assert!(
            v1::answer(
                &snapshot,
                &request(MessageRequest::FileContainingSymbol(
                    "orbit.extra.v1.ExtraService".into()
                )),
                &hidden,
            )
            .is_err()
        );
        // The catalog still enforces it like any set, and removing it forgets its owner.
        assert!(
            snapshot
                .rules
                .contains_key("/orbit.extra.v1.ExtraService/Ping")
        );
        catalog.remove("user/o1/extra").unwrap();
        assert!(catalog.snapshot().org_files.is_empty());
    }

    #[test]
    fn storage_records_are_never_described() {
        let reflection = Reflection::new(ApiCatalog::orbit().unwrap());
        let storage = orbit_proto::file_descriptor_set()
            .file
            .into_iter()
            .find(|file| orbit_proto::is_storage_file(file.name()))
            .expect("a storage file");
        let error = ask(
            &reflection,
            MessageRequest::FileByFilename(storage.name().into()),
        )
        .unwrap_err();
        assert_eq!(error.code(), tonic::Code::NotFound);
        let message = format!("{}.{}", storage.package(), storage.message_type[0].name());
        assert!(ask(&reflection, MessageRequest::FileContainingSymbol(message)).is_err());
    }
}
