//! From the command line to a request message: the flags a request type gives (one per
//! field, nested fields dotted, lists repeatable, maps as `KEY=VALUE`, enums by name, bytes
//! from `@FILE`), `--json` (text, `@FILE` or `-` for stdin), and the `DynamicMessage` both
//! become, through proto3 JSON (prost-reflect's serde support).
//!
//! Flags are checked for their type as clap parses them (so a wrong value is a usage error
//! naming the flag); JSON is checked field by field against the descriptor, so an unknown
//! field is named, with the closest real one.

use std::io::Read;

use clap::ArgMatches;
use clap::parser::ValueSource;
use prost_reflect::{DynamicMessage, FieldDescriptor, Kind, MessageDescriptor};
use serde_json::{Map, Value};

use super::exit::CliError;
use super::kebab;

/// Flags of the CLI itself: a request field with one of these names is given as
/// `--request.<name>` instead.
pub(crate) const RESERVED: &[&str] = &[
    "json",
    "server",
    "token",
    "profile",
    "tls-ca",
    "tls-cert",
    "tls-key",
    "output",
    "help",
    "version",
    "config",
    "data-dir",
    "store",
    "store-schema",
    "key-file",
    "log-format",
    "log",
];

/// How deep nested messages are spread into dotted flags; deeper ones take JSON.
const MAX_DEPTH: usize = 3;

/// One flag of a request field.
#[derive(Debug, Clone)]
pub(crate) struct FieldFlag {
    /// The flag without `--` (`query.limit`), also its clap id.
    pub(crate) long: String,
    /// The fields from the request down to this one.
    pub(crate) path: Vec<FieldDescriptor>,
}

impl FieldFlag {
    pub(crate) fn field(&self) -> &FieldDescriptor {
        self.path.last().expect("a flag names at least one field")
    }
}

/// Every flag of `request`.
pub(crate) fn field_flags(request: &MessageDescriptor) -> Vec<FieldFlag> {
    let mut flags = Vec::new();
    walk(
        request,
        "",
        &mut Vec::new(),
        &mut vec![request.full_name().to_owned()],
        &mut flags,
    );
    for flag in &mut flags {
        if RESERVED.contains(&flag.long.as_str()) {
            flag.long = format!("request.{}", flag.long);
        }
    }
    flags
}

fn walk(
    message: &MessageDescriptor,
    prefix: &str,
    path: &mut Vec<FieldDescriptor>,
    visiting: &mut Vec<String>,
    out: &mut Vec<FieldFlag>,
) {
    for field in message.fields() {
        let long = format!("{prefix}{}", kebab(field.name()));
        path.push(field.clone());
        let spread = match field.kind() {
            Kind::Message(nested) => {
                !field.is_list()
                    && !field.is_map()
                    && !is_json_leaf(&nested)
                    && nested.fields().len() > 0
                    && path.len() < MAX_DEPTH
                    && !visiting.contains(&nested.full_name().to_owned())
            }
            _ => false,
        };
        if spread {
            let Kind::Message(nested) = field.kind() else {
                unreachable!()
            };
            visiting.push(nested.full_name().to_owned());
            walk(&nested, &format!("{long}."), path, visiting, out);
            visiting.pop();
        } else {
            out.push(FieldFlag {
                long,
                path: path.clone(),
            });
        }
        path.pop();
    }
}

/// Well-known types, given whole in their JSON form (`--at 2024-01-01T00:00:00Z`,
/// `--data '{"a":1}'`).
fn is_json_leaf(message: &MessageDescriptor) -> bool {
    message.full_name().starts_with("google.protobuf.")
}

/// The placeholder shown in help for a flag's value.
pub(crate) fn value_name(field: &FieldDescriptor) -> String {
    if field.is_map() {
        return "KEY=VALUE".into();
    }
    kind_name(&field.kind()).to_uppercase()
}

fn kind_name(kind: &Kind) -> String {
    match kind {
        Kind::Double | Kind::Float => "number".into(),
        Kind::Int32 | Kind::Sint32 | Kind::Sfixed32 => "int32".into(),
        Kind::Int64 | Kind::Sint64 | Kind::Sfixed64 => "int64".into(),
        Kind::Uint32 | Kind::Fixed32 => "uint32".into(),
        Kind::Uint64 | Kind::Fixed64 => "uint64".into(),
        Kind::Bool => "bool".into(),
        Kind::String => "string".into(),
        Kind::Bytes => "@file|base64".into(),
        Kind::Enum(_) => "name".into(),
        Kind::Message(m) => match m.full_name() {
            "google.protobuf.Timestamp" => "rfc3339".into(),
            "google.protobuf.Duration" => "duration".into(),
            _ => "json".into(),
        },
    }
}

/// Parses one flag value of `kind` into its proto3 JSON form; the error says what was
/// expected.
pub(crate) fn parse_value(kind: &Kind, text: &str) -> Result<Value, String> {
    let expected = |what: &str| format!("expected {what}");
    match kind {
        Kind::String => Ok(Value::String(text.to_owned())),
        Kind::Bool => match text.to_ascii_lowercase().as_str() {
            "true" | "yes" | "1" | "on" => Ok(Value::Bool(true)),
            "false" | "no" | "0" | "off" => Ok(Value::Bool(false)),
            _ => Err(expected("true or false")),
        },
        Kind::Int32 | Kind::Sint32 | Kind::Sfixed32 => text
            .parse::<i32>()
            .map(Value::from)
            .map_err(|_| expected("a whole number (int32)")),
        Kind::Int64 | Kind::Sint64 | Kind::Sfixed64 => text
            .parse::<i64>()
            .map(|n| Value::String(n.to_string()))
            .map_err(|_| expected("a whole number (int64)")),
        Kind::Uint32 | Kind::Fixed32 => text
            .parse::<u32>()
            .map(Value::from)
            .map_err(|_| expected("a whole number from 0 (uint32)")),
        Kind::Uint64 | Kind::Fixed64 => text
            .parse::<u64>()
            .map(|n| Value::String(n.to_string()))
            .map_err(|_| expected("a whole number from 0 (uint64)")),
        Kind::Float | Kind::Double => match text {
            "NaN" | "Infinity" | "-Infinity" => Ok(Value::String(text.to_owned())),
            _ => text
                .parse::<f64>()
                .ok()
                .and_then(serde_json::Number::from_f64)
                .map(Value::Number)
                .ok_or_else(|| expected("a number")),
        },
        Kind::Bytes => {
            use base64::Engine as _;
            if let Some(path) = text.strip_prefix('@') {
                let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
                Ok(Value::String(
                    base64::engine::general_purpose::STANDARD.encode(bytes),
                ))
            } else {
                base64::engine::general_purpose::STANDARD
                    .decode(text)
                    .map(|_| Value::String(text.to_owned()))
                    .map_err(|_| expected("@FILE or base64"))
            }
        }
        Kind::Enum(descriptor) => enum_value(descriptor, text).map(Value::String),
        Kind::Message(message) => match message.full_name() {
            "google.protobuf.Timestamp"
            | "google.protobuf.Duration"
            | "google.protobuf.FieldMask" => Ok(Value::String(text.to_owned())),
            "google.protobuf.StringValue" => Ok(Value::String(text.to_owned())),
            "google.protobuf.BytesValue" => parse_value(&Kind::Bytes, text),
            "google.protobuf.BoolValue" => parse_value(&Kind::Bool, text),
            "google.protobuf.Int32Value" => parse_value(&Kind::Int32, text),
            "google.protobuf.Int64Value" => parse_value(&Kind::Int64, text),
            "google.protobuf.UInt32Value" => parse_value(&Kind::Uint32, text),
            "google.protobuf.UInt64Value" => parse_value(&Kind::Uint64, text),
            "google.protobuf.FloatValue" | "google.protobuf.DoubleValue" => {
                parse_value(&Kind::Double, text)
            }
            _ => serde_json::from_str(text).map_err(|e| json_error("", &e)),
        },
    }
}

/// The full name of the enum value `text` names: its full name (`ROLE_PROJECT_USER`), or
/// without the enum's prefix in any case and with `-` or `_` (`project-user`), or a number.
pub(crate) fn enum_value(
    descriptor: &prost_reflect::EnumDescriptor,
    text: &str,
) -> Result<String, String> {
    let wanted = text.replace('-', "_").to_ascii_uppercase();
    for value in descriptor.values() {
        if value.name() == wanted
            || short_enum_name(descriptor, value.name())
                .replace('-', "_")
                .to_ascii_uppercase()
                == wanted
        {
            return Ok(value.name().to_owned());
        }
    }
    if let Ok(number) = text.parse::<i32>() {
        if let Some(value) = descriptor.get_value(number) {
            return Ok(value.name().to_owned());
        }
    }
    let names: Vec<String> = descriptor
        .values()
        .map(|v| short_enum_name(descriptor, v.name()))
        .collect();
    Err(format!("expected one of {}", names.join(", ")))
}

/// `ROLE_PROJECT_USER` of enum `Role` → `project-user`.
pub(crate) fn short_enum_name(descriptor: &prost_reflect::EnumDescriptor, value: &str) -> String {
    let prefix = format!("{}_", screaming(descriptor.name()));
    value
        .strip_prefix(&prefix)
        .unwrap_or(value)
        .to_ascii_lowercase()
        .replace('_', "-")
}

/// `ModuleState` → `MODULE_STATE`.
fn screaming(name: &str) -> String {
    kebab(name).replace('-', "_").to_ascii_uppercase()
}

/// A JSON parse error with its place: `at line 1, column 12: expected ':'`.
pub(crate) fn json_error(what: &str, error: &serde_json::Error) -> String {
    let reason = error.to_string();
    let reason = reason
        .split(" at line ")
        .next()
        .unwrap_or(&reason)
        .to_owned();
    let place = format!("line {}, column {}", error.line(), error.column());
    if what.is_empty() {
        format!("malformed JSON at {place}: {reason}")
    } else {
        format!("malformed JSON in {what} at {place}: {reason}")
    }
}

/// Reads `--json`: text, `@FILE`, or `-` (standard input).
fn read_json(spec: &str) -> Result<Value, CliError> {
    let (text, what) = if spec == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| CliError::usage(format!("cannot read --json from standard input: {e}")))?;
        (text, "--json (standard input)".to_owned())
    } else if let Some(path) = spec.strip_prefix('@') {
        let text = std::fs::read_to_string(path)
            .map_err(|e| CliError::usage(format!("cannot read --json file {path}: {e}")))?;
        (text, format!("--json file {path}"))
    } else {
        (spec.to_owned(), "--json".to_owned())
    };
    serde_json::from_str(&text).map_err(|e| CliError::usage(json_error(&what, &e)))
}

/// The request `matches` describes: `--json` (if any), then each flag given over it.
pub(crate) fn build(
    request: &MessageDescriptor,
    matches: &ArgMatches,
) -> Result<DynamicMessage, CliError> {
    let mut json = match matches.get_one::<String>("json") {
        Some(spec) => read_json(spec)?,
        None => Value::Object(Map::new()),
    };
    if !json.is_object() {
        return Err(CliError::usage(format!(
            "--json must be a JSON object ({})",
            request.full_name()
        )));
    }
    for flag in field_flags(request) {
        if !matches!(
            matches.value_source(&flag.long),
            Some(ValueSource::CommandLine | ValueSource::EnvVariable)
        ) {
            continue;
        }
        let values: Vec<Value> = matches
            .get_many::<Value>(&flag.long)
            .map(|values| values.cloned().collect())
            .unwrap_or_default();
        let field = flag.field();
        let value = if field.is_map() {
            let mut object = Map::new();
            for pair in values {
                if let Value::Array(mut pair) = pair {
                    let value = pair.pop().unwrap_or(Value::Null);
                    let key = pair.pop().and_then(|k| k.as_str().map(str::to_owned));
                    if let Some(key) = key {
                        object.insert(key, value);
                    }
                }
            }
            Value::Object(object)
        } else if field.is_list() {
            Value::Array(values)
        } else {
            values.into_iter().next().unwrap_or(Value::Null)
        };
        insert(&mut json, &flag.path, value);
    }
    check_fields(request, &json, "")?;
    DynamicMessage::deserialize(request.clone(), json).map_err(|e| {
        CliError::usage(format!(
            "the request does not fit {}: {e}",
            request.full_name()
        ))
    })
}

/// Sets `value` at `path` in `json`, creating objects on the way.
fn insert(json: &mut Value, path: &[FieldDescriptor], value: Value) {
    let mut at = json;
    for (i, field) in path.iter().enumerate() {
        let object = match at {
            Value::Object(object) => object,
            other => {
                *other = Value::Object(Map::new());
                other.as_object_mut().expect("just made an object")
            }
        };
        // Use the key the JSON already has for this field, if any.
        let key = if object.contains_key(field.name()) {
            field.name().to_owned()
        } else {
            field.json_name().to_owned()
        };
        if i + 1 == path.len() {
            object.insert(key, value);
            return;
        }
        at = object
            .entry(key)
            .or_insert_with(|| Value::Object(Map::new()));
    }
}

/// Refuses a JSON key that is no field of the message it is in, naming the closest field.
fn check_fields(message: &MessageDescriptor, json: &Value, at: &str) -> Result<(), CliError> {
    if is_json_leaf(message) {
        return Ok(());
    }
    let Value::Object(object) = json else {
        return Ok(());
    };
    for (key, value) in object {
        let field = message
            .get_field_by_json_name(key)
            .or_else(|| message.get_field_by_name(key));
        let Some(field) = field else {
            let names: Vec<String> = message.fields().map(|f| f.json_name().to_owned()).collect();
            let hint = closest(key, names.iter().map(String::as_str))
                .map(|name| format!("; did you mean {name:?}?"))
                .unwrap_or_else(|| format!("; fields: {}", names.join(", ")));
            return Err(CliError::usage(format!(
                "{} has no field {:?}{hint}",
                if at.is_empty() {
                    message.full_name().to_owned()
                } else {
                    format!("{at} ({})", message.full_name())
                },
                key
            )));
        };
        if let Kind::Message(nested) = field.kind() {
            let here = if at.is_empty() {
                key.clone()
            } else {
                format!("{at}.{key}")
            };
            if field.is_map() {
                continue;
            }
            match value {
                Value::Array(items) if field.is_list() => {
                    for item in items {
                        check_fields(&nested, item, &here)?;
                    }
                }
                other => check_fields(&nested, other, &here)?,
            }
        }
    }
    Ok(())
}

/// The candidate closest to `wanted`, if close enough to be a likely typo.
pub(crate) fn closest<'a>(
    wanted: &str,
    candidates: impl Iterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .map(|c| (strsim::jaro_winkler(wanted, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pool() -> prost_reflect::DescriptorPool {
        prost_reflect::DescriptorPool::decode(orbit_proto::FILE_DESCRIPTOR_SET).unwrap()
    }

    #[test]
    fn values_are_typed() {
        assert_eq!(parse_value(&Kind::Uint32, "7"), Ok(Value::from(7)));
        assert!(parse_value(&Kind::Uint32, "-1").is_err());
        assert!(parse_value(&Kind::Bool, "maybe").is_err());
        let role = pool().get_enum_by_name("orbit.system.v1.Role").unwrap();
        assert_eq!(
            enum_value(&role, "project-user").unwrap(),
            "ROLE_PROJECT_USER"
        );
        assert_eq!(
            enum_value(&role, "ROLE_ORG_ADMIN").unwrap(),
            "ROLE_ORG_ADMIN"
        );
        assert!(
            enum_value(&role, "king")
                .unwrap_err()
                .contains("project-user")
        );
    }

    #[test]
    fn reserved_names_move_under_request() {
        let message = pool()
            .get_message_by_name("orbit.system.v1.VerifyEmailRequest")
            .unwrap();
        let flags: Vec<String> = field_flags(&message).into_iter().map(|f| f.long).collect();
        assert_eq!(flags, ["request.token"]);
    }

    #[test]
    fn unknown_json_fields_are_named() {
        let message = pool()
            .get_message_by_name("orbit.system.v1.CreateProjectRequest")
            .unwrap();
        let json = serde_json::json!({"orgId": "x", "nmae": "y"});
        let error = check_fields(&message, &json, "").unwrap_err().line();
        assert!(
            error.contains("\"nmae\"") && error.contains("did you mean \"name\""),
            "{error}"
        );
    }
}
