//! The CLI that reflects the gRPC API: every RPC of the embedded descriptor set is a command
//! (`orbit <service> <method>`), its request fields are flags, and calls go through one
//! generic client. Sessions (`login`, `logout`, `whoami`, `profile …`) and shell completions
//! live here too.
//!
//! Nothing here is written per RPC: adding an RPC to a .proto adds its command. This module
//! owns the catalog of callable methods and the naming rules; `commands.rs` builds the clap
//! commands from it and `run.rs` runs one. It must not know any service by name, except the
//! account calls a session needs (`session.rs`) and the resumable streams' `after_seq` rule.
//!
//! Naming: a service is its name without the `Service` suffix in kebab case (`ApiKeyService`
//! → `api-key`), a method its name in kebab case (`PostMessage` → `post-message`), a field
//! its name in kebab case with nested fields dotted (`--query.limit`). A service named like a
//! hand-written command (`audit`) adds its methods to that command; a field named like one of
//! the CLI's own flags (`--token`) is given as `--request.<name>`.

mod commands;
pub(crate) mod exit;
mod output;
mod remote;
mod request;
mod run;
mod session;

use std::collections::HashMap;
use std::process::ExitCode;

use clap::ArgMatches;
use orbit_proto::orbit::system::v1::Access;
use prost_reflect::{DescriptorPool, MethodDescriptor, ServiceDescriptor};

pub(crate) use commands::{augment, augment_for};

/// The service command a command line names, if its first word is one: only that service's
/// method commands need building.
pub(crate) fn named_service<'c>(catalog: &'c Catalog, args: &[String]) -> Option<&'c str> {
    let first = args.iter().skip(1).find(|arg| !arg.starts_with('-'))?;
    catalog
        .services
        .iter()
        .map(|(name, _)| name.as_str())
        .find(|name| name == first)
}

/// One callable RPC and the names the CLI gives it.
#[derive(Debug, Clone)]
pub(crate) struct ApiMethod {
    /// The service's command (`chat`).
    pub(crate) service_command: String,
    /// The method's command (`post-message`).
    pub(crate) method_command: String,
    pub(crate) method: MethodDescriptor,
    /// Its access declaration, when the descriptor set has one.
    pub(crate) access: Option<Access>,
}

impl ApiMethod {
    /// The gRPC path, `/package.Service/Method`.
    pub(crate) fn path(&self) -> String {
        format!(
            "/{}/{}",
            self.method.parent_service().full_name(),
            self.method.name()
        )
    }

    /// Whether calling it twice does no harm, so that a call refused with UNAVAILABLE may be
    /// retried and a broken stream resumed: a method declaring `idempotency_level` NO_SIDE_EFFECTS
    /// or IDEMPOTENT, or one named like a read (`Get…`, `List…`, `Query…`, `Watch…`,
    /// `Subscribe…`). The access role says who may call, not whether a call writes, so it is
    /// not used.
    pub(crate) fn is_read(&self) -> bool {
        use prost_types::method_options::IdempotencyLevel;
        let level = self
            .method
            .method_descriptor_proto()
            .options
            .as_ref()
            .map(|o| o.idempotency_level());
        if matches!(
            level,
            Some(IdempotencyLevel::NoSideEffects | IdempotencyLevel::Idempotent)
        ) {
            return true;
        }
        let name = self.method.name();
        ["Get", "List", "Query", "Watch", "Subscribe"]
            .iter()
            .any(|prefix| name.starts_with(prefix))
    }
}

/// The services the CLI can call, from a descriptor pool.
#[derive(Debug, Clone)]
pub(crate) struct Catalog {
    pub(crate) pool: DescriptorPool,
    pub(crate) services: Vec<(String, ServiceDescriptor)>,
    pub(crate) methods: Vec<ApiMethod>,
}

impl Catalog {
    /// The API this binary was built with: `orbit_proto::FILE_DESCRIPTOR_SET`, storage
    /// records left out.
    pub(crate) fn embedded() -> Catalog {
        let pool = DescriptorPool::decode(orbit_proto::FILE_DESCRIPTOR_SET)
            .expect("the embedded descriptor set decodes");
        let access = orbit_proto::access::access_table_of(&pool).unwrap_or_default();
        Catalog::from_pool(pool, &access)
    }

    /// Every service of packages starting with `orbit.` in `pool` (the embedded one, or that
    /// plus the server's services from [`with_server_services`]).
    pub(crate) fn from_pool(
        pool: DescriptorPool,
        access: &orbit_proto::access::AccessTable,
    ) -> Catalog {
        let mut services = Vec::new();
        let mut methods = Vec::new();
        for service in pool.services() {
            if !service.full_name().starts_with("orbit.")
                || orbit_proto::is_storage_file(service.parent_file().name())
            {
                continue;
            }
            let service_command = service_command_name(service.name());
            for method in service.methods() {
                let path = format!("/{}/{}", service.full_name(), method.name());
                methods.push(ApiMethod {
                    service_command: service_command.clone(),
                    method_command: kebab(method.name()),
                    access: access.get(&path).cloned(),
                    method,
                });
            }
            services.push((service_command, service));
        }
        Catalog {
            pool,
            services,
            methods,
        }
    }

    /// The method `orbit <service> <method>` names.
    pub(crate) fn find(&self, service: &str, method: &str) -> Option<&ApiMethod> {
        self.methods
            .iter()
            .find(|m| m.service_command == service && m.method_command == method)
    }

    /// The method with this gRPC full name (`orbit.system.v1.AccountService.LogIn`).
    pub(crate) fn by_full_name(&self, full_name: &str) -> Option<&ApiMethod> {
        self.methods
            .iter()
            .find(|m| m.method.full_name() == full_name)
    }
}

/// `ApiKeyService` → `api-key`.
pub(crate) fn service_command_name(service: &str) -> String {
    kebab(service.strip_suffix("Service").unwrap_or(service))
}

/// `PostMessage` → `post-message`, `project_id` → `project-id`, `HTTPServer` → `http-server`.
pub(crate) fn kebab(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c == '_' {
            out.push('-');
            continue;
        }
        if c.is_ascii_uppercase() {
            let prev = i.checked_sub(1).map(|p| chars[p]);
            let next = chars.get(i + 1);
            let boundary = match prev {
                Some(p) if p.is_ascii_lowercase() || p.is_ascii_digit() => true,
                Some(p) if p.is_ascii_uppercase() => next.is_some_and(|n| n.is_ascii_lowercase()),
                _ => false,
            };
            if boundary && !out.ends_with('-') {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The comments of a descriptor set's files, by file name and source path.
#[derive(Debug, Default)]
pub(crate) struct Comments {
    by_file: HashMap<String, HashMap<Vec<i32>, String>>,
}

impl Comments {
    pub(crate) fn new(pool: &DescriptorPool) -> Comments {
        let mut by_file = HashMap::new();
        for file in pool.files() {
            let mut paths = HashMap::new();
            if let Some(info) = &file.file_descriptor_proto().source_code_info {
                for location in &info.location {
                    if let Some(text) = &location.leading_comments {
                        let text = text
                            .lines()
                            .map(str::trim)
                            .collect::<Vec<_>>()
                            .join("\n")
                            .trim()
                            .to_owned();
                        if !text.is_empty() {
                            paths.insert(location.path.clone(), text);
                        }
                    }
                }
            }
            by_file.insert(file.name().to_owned(), paths);
        }
        Comments { by_file }
    }

    /// The leading comment at `path` in `file`, lines joined with spaces.
    pub(crate) fn get(&self, file: &str, path: &[i32]) -> Option<String> {
        self.by_file
            .get(file)
            .and_then(|paths| paths.get(path))
            .map(|text| text.replace('\n', " "))
    }
}

/// When the first command word of the command line names no command: the
/// catalog with the services the server (per the connection flags and profile) has and this
/// binary lacks, if it has any. The caller builds the commands again and parses once more.
pub(crate) fn with_server_services(embedded: &Catalog) -> Option<Catalog> {
    // Parsing stopped at the unknown word, so the connection flags (which every generated
    // command takes) are picked out of the command line and read on their own.
    let matches = clap::Command::new("orbit")
        .args(commands::connection_args())
        .ignore_errors(true)
        .try_get_matches_from(connection_args(std::env::args()))
        .ok()?;
    let context = session::Context::from_matches(&matches).ok()?;
    remote::catalog_with_server_services(&context, embedded)
}

/// The flags that say where and how to connect.
const CONNECTION_FLAGS: [&str; 6] = [
    "--server",
    "--profile",
    "--token",
    "--tls-ca",
    "--tls-cert",
    "--tls-key",
];

/// The program name and the connection flags (with their values) of a command line.
fn connection_args(args: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut args = args.into_iter();
    let mut kept: Vec<String> = args.next().into_iter().collect();
    while let Some(arg) = args.next() {
        if CONNECTION_FLAGS.contains(&arg.as_str()) {
            kept.push(arg);
            kept.extend(args.next());
        } else if CONNECTION_FLAGS.iter().any(|flag| {
            arg.strip_prefix(flag)
                .is_some_and(|rest| rest.starts_with('='))
        }) {
            kept.push(arg);
        }
    }
    kept
}

/// Runs the command `matches` selected if it is one of this module's (a generated RPC
/// command, `login`, `logout`, `whoami`, `profile`, `completion`); `None` hands it back to
/// the hand-written commands. `command` is the whole CLI (for completions).
pub(crate) fn dispatch(
    matches: &ArgMatches,
    catalog: &Catalog,
    command: &clap::Command,
) -> Option<ExitCode> {
    let (name, sub) = matches.subcommand()?;
    if let Some(code) = session::dispatch(name, sub, catalog, command) {
        return Some(code);
    }
    let (method_name, method_matches) = sub.subcommand()?;
    let method = catalog.find(name, method_name)?;
    Some(run::main(method, method_matches, catalog))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connection_flags_are_picked_out_wherever_they_are() {
        let args = [
            "orbit",
            "extra",
            "ping",
            "--server",
            "http://h:1",
            "--note",
            "x",
            "--token=t",
        ];
        assert_eq!(
            connection_args(args.map(String::from)),
            ["orbit", "--server", "http://h:1", "--token=t"]
        );
    }

    #[test]
    fn names_are_kebab_case() {
        assert_eq!(service_command_name("ApiKeyService"), "api-key");
        assert_eq!(service_command_name("ChatService"), "chat");
        assert_eq!(kebab("PostMessage"), "post-message");
        assert_eq!(kebab("GetKeyStatus"), "get-key-status");
        assert_eq!(kebab("project_id"), "project-id");
        assert_eq!(kebab("HTTPServer"), "http-server");
        assert_eq!(kebab("ListOrgAuditEvents"), "list-org-audit-events");
    }

    #[test]
    fn every_rpc_has_a_unique_command() {
        let catalog = Catalog::embedded();
        let mut seen = std::collections::HashSet::new();
        for method in &catalog.methods {
            assert!(
                seen.insert((
                    method.service_command.clone(),
                    method.method_command.clone()
                )),
                "two RPCs are named {} {}",
                method.service_command,
                method.method_command
            );
            assert!(method.access.is_some(), "{} has no access", method.path());
        }
        assert!(catalog.find("chat", "post-message").is_some());
        assert!(catalog.find("org", "create-org").is_some());
        assert!(catalog.find("record", "put-record").is_some());
    }
}
