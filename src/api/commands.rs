//! The first half of a generated command: the `clap::Command` of an RPC, built from its
//! `MethodDescriptor` (name, help from the .proto comments and the access declaration, one
//! flag per request field, `--json`, the connection flags). `run.rs` is the other half.
//!
//! Building never fails on a descriptor: whatever the pool holds gets a command.

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Arg, ArgAction, Command};
use orbit_proto::orbit::system::v1::{Access, Role, Scope};
use prost_reflect::Kind;
use serde_json::Value;

use super::request::{self, FieldFlag};
use super::{ApiMethod, Catalog, Comments, exit, kebab, session};

/// Heading of the request-field flags in help.
const FIELDS: &str = "Request fields";
/// Heading of the connection flags in help.
const CONNECTION: &str = "Connection";

/// `cli` with a command per service (or the service's methods added to the hand-written
/// command of the same name), the session commands and `completion`, and the exit codes in
/// its help.
pub(crate) fn augment(cli: Command, catalog: &Catalog) -> Command {
    augment_for(cli, catalog, None)
}

/// [`augment`], building the method commands of the service `only` alone (when the command
/// line names one): the other services get their command with its help but no methods, so
/// `orbit <service> <method>` does not pay for the whole API's flags at every start. Help of
/// the top level and completions use the whole tree.
pub(crate) fn augment_for(mut cli: Command, catalog: &Catalog, only: Option<&str>) -> Command {
    let comments = Comments::new(&catalog.pool);
    // The operator commands' global flags (--data-dir, --store, …) mean nothing to an API
    // call: each API command declares them hidden, so clap does not list them in its help.
    let hidden: Vec<Arg> = cli
        .get_arguments()
        .filter(|a| a.is_global_set())
        .map(|a| a.clone().global(false).hide(true))
        .collect();
    for (name, service) in &catalog.services {
        let methods: Vec<Command> = if only.is_none_or(|only| only == name) {
            catalog
                .methods
                .iter()
                .filter(|m| &m.service_command == name)
                .map(|m| method_command(m, &comments).args(hidden.clone()))
                .collect()
        } else {
            Vec::new()
        };
        if cli.find_subcommand(name).is_some() {
            cli = cli.mut_subcommand(name, |command| command.subcommands(methods));
        } else {
            let about = comments
                .get(service.parent_file().name(), service.path())
                .unwrap_or_else(|| format!("Calls {}.", service.full_name()));
            cli = cli.subcommand(
                Command::new(name.clone())
                    .about(first_sentence(&about))
                    .long_about(format!("{about}\n\nService: {}", service.full_name()))
                    .subcommand_required(true)
                    .arg_required_else_help(true)
                    .display_order(100)
                    .subcommands(methods),
            );
        }
    }
    cli.subcommands(session::commands()).after_help(exit::HELP)
}

/// The connection flags every command that talks to a server takes.
pub(crate) fn connection_args() -> Vec<Arg> {
    vec![
        Arg::new("server")
            .long("server")
            .value_name("URL")
            .env("ORBIT_SERVER")
            .help("Server URL (http://host:port or https://…); default: the profile's, else http://127.0.0.1:50051")
            .help_heading(CONNECTION),
        Arg::new("token")
            .long("token")
            .value_name("TOKEN")
            .env("ORBIT_TOKEN")
            .hide_env_values(true)
            .help("Access token or API key to send instead of the profile's login (prefer ORBIT_TOKEN: flags show in ps)")
            .help_heading(CONNECTION),
        Arg::new("profile")
            .long("profile")
            .value_name("NAME")
            .env("ORBIT_PROFILE")
            .help("Profile to use (see `orbit profile list`); default: the current one")
            .help_heading(CONNECTION),
        Arg::new("tls-ca")
            .long("tls-ca")
            .value_name("PATH")
            .help("CA certificate(s) (PEM) the server's certificate must chain to; implies https")
            .help_heading(CONNECTION),
        Arg::new("tls-cert")
            .long("tls-cert")
            .value_name("PATH")
            .requires("tls-key")
            .help("Client certificate (PEM) for mutual TLS")
            .help_heading(CONNECTION),
        Arg::new("tls-key")
            .long("tls-key")
            .value_name("PATH")
            .requires("tls-cert")
            .help("Client private key (PEM) for mutual TLS")
            .help_heading(CONNECTION),
        Arg::new("output")
            .long("output")
            .short('o')
            .value_name("FORMAT")
            .value_parser(["table", "json", "yaml"])
            .help("Output format; default: table on a terminal, JSON (one object per line for streams) when piped")
            .help_heading(CONNECTION),
    ]
}

/// The command of one RPC.
fn method_command(method: &ApiMethod, comments: &Comments) -> Command {
    let descriptor = &method.method;
    let file = descriptor.parent_file();
    let about = comments
        .get(file.name(), descriptor.path())
        .unwrap_or_else(|| format!("Calls {}.", descriptor.full_name()));
    let access = method
        .access
        .as_ref()
        .map(describe_access)
        .unwrap_or_else(|| "no access declaration".into());
    let streaming = if descriptor.is_server_streaming() {
        " (a stream: each message is printed as it arrives)"
    } else {
        ""
    };
    let long_about = format!(
        "{about}\n\nRequires: {access}.\nRPC: {}{streaming}\nRequest: {}; response: {}.\n\
         Fields are flags, or give the whole request as --json.",
        method.path(),
        descriptor.input().full_name(),
        descriptor.output().full_name(),
    );
    let mut command = Command::new(method.method_command.clone())
        .about(format!("{} [{}]", first_sentence(&about), short_access(method.access.as_ref())))
        .long_about(long_about)
        .after_long_help(exit::HELP)
        .arg(
            Arg::new("json")
                .long("json")
                .value_name("JSON|@FILE|-")
                .help("The whole request as proto3 JSON (text, @FILE, or - for stdin); flags given too override its fields")
                .help_heading(FIELDS),
        );
    for flag in request::field_flags(&descriptor.input()) {
        command = command.arg(field_arg(&flag, comments));
    }
    command.args(connection_args())
}

/// The flag of one request field.
fn field_arg(flag: &FieldFlag, comments: &Comments) -> Arg {
    let field = flag.field();
    let parent = field.parent_message();
    let help = comments
        .get(parent.parent_file().name(), field.path())
        .unwrap_or_default();
    let mut arg = Arg::new(flag.long.clone())
        .long(flag.long.clone())
        .value_name(request::value_name(field))
        .help(first_sentence(&help))
        .help_heading(FIELDS);
    if !help.is_empty() {
        arg = arg.long_help(help.clone());
    }
    if field.is_map() {
        let Kind::Message(entry) = field.kind() else {
            unreachable!("a map field is a message of entries")
        };
        let key_kind = entry.map_entry_key_field().kind();
        let value_kind = entry.map_entry_value_field().kind();
        return arg.action(ArgAction::Append).value_parser(
            move |text: &str| -> Result<Value, String> {
                let (key, value) = text
                    .split_once('=')
                    .ok_or_else(|| "expected KEY=VALUE".to_owned())?;
                request::parse_value(&key_kind, key)?;
                let value = request::parse_value(&value_kind, value)?;
                Ok(Value::Array(vec![Value::String(key.to_owned()), value]))
            },
        );
    }
    if field.is_list() {
        arg = arg.action(ArgAction::Append);
    } else {
        arg = arg.action(ArgAction::Set);
    }
    let kind = field.kind();
    match &kind {
        Kind::Enum(descriptor) => {
            let values: Vec<PossibleValue> = descriptor
                .values()
                .map(|v| {
                    PossibleValue::new(request::short_enum_name(descriptor, v.name()))
                        .alias(v.name().to_owned())
                })
                .collect();
            let descriptor = descriptor.clone();
            arg.ignore_case(true)
                .value_parser(PossibleValuesParser::new(values).map(move |text| {
                    Value::String(
                        request::enum_value(&descriptor, &text).unwrap_or(text.to_owned()),
                    )
                }))
        }
        Kind::Bool if !field.is_list() => arg
            .num_args(0..=1)
            .default_missing_value("true")
            .value_parser(move |text: &str| request::parse_value(&Kind::Bool, text)),
        _ => arg.value_parser(move |text: &str| request::parse_value(&kind, text)),
    }
}

/// `project-user in the project named by --project-id`.
pub(crate) fn describe_access(access: &Access) -> String {
    let role = match access.role() {
        Role::Anonymous => return "nothing (anyone may call it, without logging in)".into(),
        Role::Authenticated => return "a login (any account)".into(),
        Role::SysAdmin => return "sys-admin of the instance".into(),
        role => kebab(&format!("{role:?}")),
    };
    let flag = format!("--{}", kebab(&access.scope_field));
    match access.scope() {
        Scope::Org => format!("{role} in the org named by {flag}"),
        Scope::Project => format!("{role} in the project named by {flag}"),
        _ => role,
    }
}

/// The role alone, for the one-line list of commands.
fn short_access(access: Option<&Access>) -> String {
    match access.map(Access::role) {
        Some(Role::Anonymous) => "anyone".into(),
        Some(Role::Authenticated) => "logged in".into(),
        Some(role) => kebab(&format!("{role:?}")),
        None => "undeclared".into(),
    }
}

/// The first sentence of a comment, for one-line help.
fn first_sentence(text: &str) -> String {
    let first = match text.find(". ") {
        Some(end) => &text[..end],
        None => text,
    };
    first.trim_end_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generated_cli_is_valid() {
        let catalog = Catalog::embedded();
        let cli = augment(
            Command::new("orbit")
                .subcommand(Command::new("audit").subcommand(Command::new("verify"))),
            &catalog,
        );
        cli.clone().debug_assert();
        let chat = cli.find_subcommand("chat").expect("chat command");
        let post = chat.find_subcommand("post-message").expect("post-message");
        assert!(post.get_arguments().any(|a| a.get_id() == "project-id"));
        let audit = cli.find_subcommand("audit").unwrap();
        assert!(audit.find_subcommand("verify").is_some());
        assert!(audit.find_subcommand("list-audit-events").is_some());
    }
}
