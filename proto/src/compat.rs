//! Breaking-change checker for protobuf schemas: compares an old and a new
//! `FileDescriptorSet` and lists every change that would break existing clients or make
//! stored records unreadable. It checks Orbit's own `.proto` files against the committed
//! baseline, and user-uploaded modules against their previous version at run time.
//!
//! Elements are matched by fully qualified name (messages, enums and services, nested ones
//! included), fields by number, enum values by number and RPCs by name. Adding anything is
//! always allowed; removing, renumbering or retyping is not. Renaming a field or an enum value
//! while keeping its number is wire-compatible and not reported. This module only reads
//! descriptors: it must not depend on how they were produced (protox, protoc, by hand).

use std::collections::HashMap;

use prost_types::{
    DescriptorProto, EnumDescriptorProto, FieldDescriptorProto, FileDescriptorSet,
    MethodDescriptorProto, ServiceDescriptorProto,
    field_descriptor_proto::{Label, Type},
};

/// One change from an old schema to a new one that breaks compatibility.
///
/// Names are fully qualified without the leading dot (`orbit.system.v1.InstanceInfo`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BreakingChange {
    /// A message of the old schema is missing from the new one.
    #[error("message {message} was removed")]
    RemovedMessage {
        /// Full name of the message.
        message: String,
    },
    /// A field number of the old message is used by no field of the new one.
    #[error("field {message}.{field} ({number}) was removed")]
    RemovedField {
        /// Full name of the message holding the field.
        message: String,
        /// Name of the field in the old schema.
        field: String,
        /// Number of the field in the old schema.
        number: i32,
    },
    /// A field kept its name but got another number.
    #[error("field {message}.{field} was renumbered from {old_number} to {new_number}")]
    RenumberedField {
        /// Full name of the message holding the field.
        message: String,
        /// Name of the field.
        field: String,
        /// Number in the old schema.
        old_number: i32,
        /// Number in the new schema.
        new_number: i32,
    },
    /// The field with this number has another type (scalar type, or message or enum name).
    #[error("field {message}.{field} ({number}) changed type from {old_type} to {new_type}")]
    ChangedFieldType {
        /// Full name of the message holding the field.
        message: String,
        /// Name of the field in the old schema.
        field: String,
        /// Number of the field.
        number: i32,
        /// Old type, as written in a .proto (`string`, `orbit.system.v1.KeyStatus`).
        old_type: String,
        /// New type, as written in a .proto.
        new_type: String,
    },
    /// The field with this number has another label: `singular` (proto3 without presence),
    /// `optional`, `repeated` or `required`.
    #[error("field {message}.{field} ({number}) changed label from {old_label} to {new_label}")]
    ChangedFieldLabel {
        /// Full name of the message holding the field.
        message: String,
        /// Name of the field in the old schema.
        field: String,
        /// Number of the field.
        number: i32,
        /// Old label.
        old_label: String,
        /// New label.
        new_label: String,
    },
    /// An enum of the old schema is missing from the new one.
    #[error("enum {enum_name} was removed")]
    RemovedEnum {
        /// Full name of the enum.
        enum_name: String,
    },
    /// A number of the old enum is used by no value of the new one.
    #[error("enum value {enum_name}.{value} ({number}) was removed")]
    RemovedEnumValue {
        /// Full name of the enum.
        enum_name: String,
        /// Name of the value in the old schema.
        value: String,
        /// Number of the value.
        number: i32,
    },
    /// A service of the old schema is missing from the new one.
    #[error("service {service} was removed")]
    RemovedService {
        /// Full name of the service.
        service: String,
    },
    /// An RPC of the old service is missing from the new one.
    #[error("rpc {service}.{rpc} was removed")]
    RemovedRpc {
        /// Full name of the service.
        service: String,
        /// Name of the RPC.
        rpc: String,
    },
    /// An RPC takes another request message.
    #[error("rpc {service}.{rpc} changed input type from {old_type} to {new_type}")]
    ChangedRpcInput {
        /// Full name of the service.
        service: String,
        /// Name of the RPC.
        rpc: String,
        /// Full name of the old request message.
        old_type: String,
        /// Full name of the new request message.
        new_type: String,
    },
    /// An RPC returns another response message.
    #[error("rpc {service}.{rpc} changed output type from {old_type} to {new_type}")]
    ChangedRpcOutput {
        /// Full name of the service.
        service: String,
        /// Name of the RPC.
        rpc: String,
        /// Full name of the old response message.
        old_type: String,
        /// Full name of the new response message.
        new_type: String,
    },
    /// An RPC changed streaming-ness: `unary`, `client streaming`, `server streaming` or
    /// `bidirectional streaming`.
    #[error("rpc {service}.{rpc} changed from {old_kind} to {new_kind}")]
    ChangedRpcStreaming {
        /// Full name of the service.
        service: String,
        /// Name of the RPC.
        rpc: String,
        /// Old kind.
        old_kind: String,
        /// New kind.
        new_kind: String,
    },
}

/// Lists every breaking change from `old` to `new`: messages and their fields first, then
/// enums, then services, each in the order they appear in `old`. An empty list means `new`
/// can replace `old`.
pub fn breaking_changes(old: &FileDescriptorSet, new: &FileDescriptorSet) -> Vec<BreakingChange> {
    let old = Index::of(old);
    let new = Index::of(new);
    let mut changes = Vec::new();

    for (name, old_message) in &old.messages {
        match new.message(name) {
            Some(new_message) => compare_fields(name, *old_message, new_message, &mut changes),
            // A map field's entry message goes with its field, which is reported already.
            None if is_map_entry(old_message.descriptor) => {}
            None => changes.push(BreakingChange::RemovedMessage {
                message: name.clone(),
            }),
        }
    }

    for (name, old_enum) in &old.enums {
        match new.enum_(name) {
            Some(new_enum) => {
                for value in &old_enum.value {
                    if !new_enum.value.iter().any(|v| v.number() == value.number()) {
                        changes.push(BreakingChange::RemovedEnumValue {
                            enum_name: name.clone(),
                            value: value.name().to_owned(),
                            number: value.number(),
                        });
                    }
                }
            }
            None => changes.push(BreakingChange::RemovedEnum {
                enum_name: name.clone(),
            }),
        }
    }

    for (name, old_service) in &old.services {
        match new.service(name) {
            Some(new_service) => {
                for old_rpc in &old_service.method {
                    match new_service
                        .method
                        .iter()
                        .find(|m| m.name() == old_rpc.name())
                    {
                        Some(new_rpc) => compare_rpc(name, old_rpc, new_rpc, &mut changes),
                        None => changes.push(BreakingChange::RemovedRpc {
                            service: name.clone(),
                            rpc: old_rpc.name().to_owned(),
                        }),
                    }
                }
            }
            None => changes.push(BreakingChange::RemovedService {
                service: name.clone(),
            }),
        }
    }

    changes
}

fn compare_fields(
    message: &str,
    old: Message<'_>,
    new: Message<'_>,
    changes: &mut Vec<BreakingChange>,
) {
    let (old_proto3, old, new_proto3, new) =
        (old.proto3, old.descriptor, new.proto3, new.descriptor);
    for old_field in &old.field {
        let by_name = new.field.iter().find(|f| f.name() == old_field.name());
        let by_number = new.field.iter().find(|f| f.number() == old_field.number());

        if let Some(renamed) = by_name.filter(|f| f.number() != old_field.number()) {
            changes.push(BreakingChange::RenumberedField {
                message: message.to_owned(),
                field: old_field.name().to_owned(),
                old_number: old_field.number(),
                new_number: renamed.number(),
            });
        }

        let Some(new_field) = by_number else {
            if by_name.is_none() {
                changes.push(BreakingChange::RemovedField {
                    message: message.to_owned(),
                    field: old_field.name().to_owned(),
                    number: old_field.number(),
                });
            }
            continue;
        };

        let (old_type, new_type) = (type_of(old_field), type_of(new_field));
        if old_type != new_type {
            changes.push(BreakingChange::ChangedFieldType {
                message: message.to_owned(),
                field: old_field.name().to_owned(),
                number: old_field.number(),
                old_type,
                new_type,
            });
        }

        let old_label = label_of(old_field, old_proto3);
        let new_label = label_of(new_field, new_proto3);
        if old_label != new_label {
            changes.push(BreakingChange::ChangedFieldLabel {
                message: message.to_owned(),
                field: old_field.name().to_owned(),
                number: old_field.number(),
                old_label: old_label.to_owned(),
                new_label: new_label.to_owned(),
            });
        }
    }
}

fn compare_rpc(
    service: &str,
    old: &MethodDescriptorProto,
    new: &MethodDescriptorProto,
    changes: &mut Vec<BreakingChange>,
) {
    let rpc = || old.name().to_owned();
    if old.input_type() != new.input_type() {
        changes.push(BreakingChange::ChangedRpcInput {
            service: service.to_owned(),
            rpc: rpc(),
            old_type: strip_dot(old.input_type()).to_owned(),
            new_type: strip_dot(new.input_type()).to_owned(),
        });
    }
    if old.output_type() != new.output_type() {
        changes.push(BreakingChange::ChangedRpcOutput {
            service: service.to_owned(),
            rpc: rpc(),
            old_type: strip_dot(old.output_type()).to_owned(),
            new_type: strip_dot(new.output_type()).to_owned(),
        });
    }
    let (old_kind, new_kind) = (streaming_kind(old), streaming_kind(new));
    if old_kind != new_kind {
        changes.push(BreakingChange::ChangedRpcStreaming {
            service: service.to_owned(),
            rpc: rpc(),
            old_kind: old_kind.to_owned(),
            new_kind: new_kind.to_owned(),
        });
    }
}

/// The field's type as written in a .proto: a scalar keyword, or the full name of the
/// message or enum (groups are named as messages, prefixed with `group`).
fn type_of(field: &FieldDescriptorProto) -> String {
    let name = strip_dot(field.type_name());
    match Type::try_from(field.r#type.unwrap_or_default()) {
        Ok(Type::Message) => name.to_owned(),
        Ok(Type::Enum) => name.to_owned(),
        Ok(Type::Group) => format!("group {name}"),
        Ok(scalar) => scalar_name(scalar).to_owned(),
        // Unset type: a descriptor whose names were never resolved; compare by name alone.
        Err(_) if !name.is_empty() => name.to_owned(),
        Err(_) => format!("unknown type {}", field.r#type.unwrap_or_default()),
    }
}

fn scalar_name(ty: Type) -> &'static str {
    match ty {
        Type::Double => "double",
        Type::Float => "float",
        Type::Int64 => "int64",
        Type::Uint64 => "uint64",
        Type::Int32 => "int32",
        Type::Fixed64 => "fixed64",
        Type::Fixed32 => "fixed32",
        Type::Bool => "bool",
        Type::String => "string",
        Type::Bytes => "bytes",
        Type::Uint32 => "uint32",
        Type::Sfixed32 => "sfixed32",
        Type::Sfixed64 => "sfixed64",
        Type::Sint32 => "sint32",
        Type::Sint64 => "sint64",
        Type::Group => "group",
        Type::Message => "message",
        Type::Enum => "enum",
    }
}

/// `repeated`, `required`, `optional` (explicit presence: proto2 optional or proto3
/// `optional`), or `singular` (a proto3 field without presence).
fn label_of(field: &FieldDescriptorProto, proto3: bool) -> &'static str {
    match field.label() {
        Label::Repeated => "repeated",
        Label::Required => "required",
        Label::Optional if proto3 && !field.proto3_optional() => "singular",
        Label::Optional => "optional",
    }
}

fn streaming_kind(rpc: &MethodDescriptorProto) -> &'static str {
    match (rpc.client_streaming(), rpc.server_streaming()) {
        (false, false) => "unary",
        (true, false) => "client streaming",
        (false, true) => "server streaming",
        (true, true) => "bidirectional streaming",
    }
}

fn is_map_entry(message: &DescriptorProto) -> bool {
    message.options.as_ref().is_some_and(|o| o.map_entry())
}

fn strip_dot(name: &str) -> &str {
    name.strip_prefix('.').unwrap_or(name)
}

/// A message and whether its file is proto3 (where a plain field has no presence).
#[derive(Clone, Copy)]
struct Message<'a> {
    descriptor: &'a DescriptorProto,
    proto3: bool,
}

/// Every message, enum and service of a set by full name (without leading dot), in the order
/// they appear, nested ones right after their parent.
struct Index<'a> {
    messages: Vec<(String, Message<'a>)>,
    enums: Vec<(String, &'a EnumDescriptorProto)>,
    services: Vec<(String, &'a ServiceDescriptorProto)>,
    message_at: HashMap<String, usize>,
    enum_at: HashMap<String, usize>,
    service_at: HashMap<String, usize>,
}

impl<'a> Index<'a> {
    fn of(set: &'a FileDescriptorSet) -> Self {
        let mut index = Index {
            messages: Vec::new(),
            enums: Vec::new(),
            services: Vec::new(),
            message_at: HashMap::new(),
            enum_at: HashMap::new(),
            service_at: HashMap::new(),
        };
        for file in &set.file {
            let package = file.package();
            let proto3 = file.syntax() == "proto3";
            for message in &file.message_type {
                index.add_message(package, message, proto3);
            }
            for enum_ in &file.enum_type {
                index.add_enum(package, enum_);
            }
            for service in &file.service {
                let name = qualify(package, service.name());
                index.service_at.insert(name.clone(), index.services.len());
                index.services.push((name, service));
            }
        }
        index
    }

    fn add_message(&mut self, scope: &str, descriptor: &'a DescriptorProto, proto3: bool) {
        let name = qualify(scope, descriptor.name());
        self.message_at.insert(name.clone(), self.messages.len());
        self.messages
            .push((name.clone(), Message { descriptor, proto3 }));
        for nested in &descriptor.nested_type {
            self.add_message(&name, nested, proto3);
        }
        for enum_ in &descriptor.enum_type {
            self.add_enum(&name, enum_);
        }
    }

    fn add_enum(&mut self, scope: &str, enum_: &'a EnumDescriptorProto) {
        let name = qualify(scope, enum_.name());
        self.enum_at.insert(name.clone(), self.enums.len());
        self.enums.push((name, enum_));
    }

    fn message(&self, name: &str) -> Option<Message<'a>> {
        self.message_at.get(name).map(|&i| self.messages[i].1)
    }

    fn enum_(&self, name: &str) -> Option<&'a EnumDescriptorProto> {
        self.enum_at.get(name).map(|&i| self.enums[i].1)
    }

    fn service(&self, name: &str) -> Option<&'a ServiceDescriptorProto> {
        self.service_at.get(name).map(|&i| self.services[i].1)
    }
}

fn qualify(scope: &str, name: &str) -> String {
    if scope.is_empty() {
        name.to_owned()
    } else {
        format!("{scope}.{name}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use protox::file::{File, FileResolver};

    /// Resolves one in-memory file, `test.proto`, plus google/protobuf/*.
    struct Source(String);

    impl FileResolver for Source {
        fn open_file(&self, name: &str) -> Result<File, protox::Error> {
            match name {
                "test.proto" => File::from_source(name, &self.0),
                _ => protox::file::GoogleFileResolver::new().open_file(name),
            }
        }
    }

    fn compile(source: &str) -> FileDescriptorSet {
        let mut compiler = protox::Compiler::with_file_resolver(Source(source.to_owned()));
        compiler.include_imports(true);
        compiler
            .open_file("test.proto")
            .expect("test proto compiles");
        compiler.file_descriptor_set()
    }

    fn changes(old: &str, new: &str) -> Vec<String> {
        breaking_changes(&compile(old), &compile(new))
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    const BASE: &str = r#"
        syntax = "proto3";
        package t.v1;
        import "google/protobuf/timestamp.proto";
        message Info {
            string id = 1;
            string version = 2;
            repeated string tags = 3;
            google.protobuf.Timestamp at = 4;
            Kind kind = 5;
            message Inner { int32 n = 1; }
            enum Shade { SHADE_UNSPECIFIED = 0; SHADE_DARK = 1; }
            map<string, int32> counts = 6;
        }
        enum Kind { KIND_UNSPECIFIED = 0; KIND_A = 1; KIND_B = 2; }
        message Req {}
        message Resp { Info info = 1; }
        service Svc {
            rpc Get(Req) returns (Resp);
            rpc Watch(Req) returns (stream Resp);
        }
    "#;

    #[test]
    fn identical_sets_have_no_breaking_change() {
        assert_eq!(changes(BASE, BASE), Vec::<String>::new());
    }

    #[test]
    fn additions_are_allowed() {
        let new = r#"
            syntax = "proto3";
            package t.v1;
            import "google/protobuf/timestamp.proto";
            // Comments, new fields, values, messages, enums, RPCs and services are all fine.
            message Info {
                string id = 1;
                string version = 2;
                repeated string tags = 3;
                google.protobuf.Timestamp at = 4;
                Kind kind = 5;
                message Inner { int32 n = 1; int32 m = 2; }
                message Other {}
                enum Shade { SHADE_UNSPECIFIED = 0; SHADE_DARK = 1; SHADE_LIGHT = 2; }
                map<string, int32> counts = 6;
                bytes extra = 7;
            }
            enum Kind { KIND_UNSPECIFIED = 0; KIND_A = 1; KIND_B = 2; KIND_C = 3; }
            enum Fresh { FRESH_UNSPECIFIED = 0; }
            message Req { string filter = 1; }
            message Resp { Info info = 1; }
            message Added {}
            service Svc {
                rpc Get(Req) returns (Resp);
                rpc Watch(Req) returns (stream Resp);
                rpc Put(Req) returns (Resp);
            }
            service Another { rpc Ping(Req) returns (Resp); }
        "#;
        assert_eq!(changes(BASE, new), Vec::<String>::new());
    }

    #[test]
    fn renaming_a_field_keeps_compatibility() {
        let new = &BASE.replace("string version = 2;", "string release = 2;");
        assert_eq!(changes(BASE, new), Vec::<String>::new());
    }

    #[test]
    fn removed_message_is_reported_with_its_nested_types() {
        let old = r#"syntax = "proto3"; package t.v1;
            message Gone { message Child {} enum E { E_UNSPECIFIED = 0; } }
            message Kept {}"#;
        let new = r#"syntax = "proto3"; package t.v1; message Kept {}"#;
        assert_eq!(
            changes(old, new),
            [
                "message t.v1.Gone was removed",
                "message t.v1.Gone.Child was removed",
                "enum t.v1.Gone.E was removed",
            ]
        );
    }

    #[test]
    fn removed_field_is_reported_by_number() {
        let new = &BASE.replace("repeated string tags = 3;", "");
        assert_eq!(changes(BASE, new), ["field t.v1.Info.tags (3) was removed"]);
    }

    #[test]
    fn removed_map_field_is_reported_once() {
        let new = &BASE.replace("map<string, int32> counts = 6;", "");
        assert_eq!(
            changes(BASE, new),
            ["field t.v1.Info.counts (6) was removed"]
        );
    }

    #[test]
    fn renumbered_field_is_reported() {
        let new = &BASE.replace("string version = 2;", "string version = 9;");
        assert_eq!(
            changes(BASE, new),
            ["field t.v1.Info.version was renumbered from 2 to 9"]
        );
    }

    #[test]
    fn swapped_numbers_are_renumberings() {
        let new = &BASE
            .replace("string id = 1;", "string id = 2;")
            .replace("string version = 2;", "string version = 1;");
        assert_eq!(
            changes(BASE, new),
            [
                "field t.v1.Info.id was renumbered from 1 to 2",
                "field t.v1.Info.version was renumbered from 2 to 1",
            ]
        );
    }

    #[test]
    fn changed_scalar_type_is_reported() {
        let new = &BASE.replace("string version = 2;", "int64 version = 2;");
        assert_eq!(
            changes(BASE, new),
            ["field t.v1.Info.version (2) changed type from string to int64"]
        );
        let breaking = breaking_changes(&compile(BASE), &compile(new));
        assert_eq!(
            breaking,
            [BreakingChange::ChangedFieldType {
                message: "t.v1.Info".into(),
                field: "version".into(),
                number: 2,
                old_type: "string".into(),
                new_type: "int64".into(),
            }]
        );
    }

    #[test]
    fn changed_message_and_enum_type_names_are_reported() {
        let new = &BASE
            .replace("google.protobuf.Timestamp at = 4;", "Inner at = 4;")
            .replace("Kind kind = 5;", "Shade kind = 5;");
        assert_eq!(
            changes(BASE, new),
            [
                "field t.v1.Info.at (4) changed type from google.protobuf.Timestamp to t.v1.Info.Inner",
                "field t.v1.Info.kind (5) changed type from t.v1.Kind to t.v1.Info.Shade",
            ]
        );
    }

    #[test]
    fn changed_type_inside_nested_message_is_reported() {
        let new = &BASE.replace(
            "message Inner { int32 n = 1; }",
            "message Inner { string n = 1; }",
        );
        assert_eq!(
            changes(BASE, new),
            ["field t.v1.Info.Inner.n (1) changed type from int32 to string"]
        );
    }

    #[test]
    fn changed_label_is_reported() {
        let new = &BASE
            .replace("repeated string tags = 3;", "string tags = 3;")
            .replace("string id = 1;", "optional string id = 1;");
        assert_eq!(
            changes(BASE, new),
            [
                "field t.v1.Info.id (1) changed label from singular to optional",
                "field t.v1.Info.tags (3) changed label from repeated to singular",
            ]
        );
    }

    #[test]
    fn proto2_labels_are_compared() {
        let old = r#"syntax = "proto2"; package t.v1; message M { optional int32 a = 1; }"#;
        let new = r#"syntax = "proto2"; package t.v1; message M { required int32 a = 1; }"#;
        assert_eq!(
            changes(old, new),
            ["field t.v1.M.a (1) changed label from optional to required"]
        );
    }

    #[test]
    fn removed_enum_is_reported() {
        let old = r#"syntax = "proto3"; package t.v1;
            enum Gone { GONE_UNSPECIFIED = 0; }
            enum Kept { KEPT_UNSPECIFIED = 0; }"#;
        let new = r#"syntax = "proto3"; package t.v1; enum Kept { KEPT_UNSPECIFIED = 0; }"#;
        assert_eq!(changes(old, new), ["enum t.v1.Gone was removed"]);
    }

    #[test]
    fn removed_enum_value_is_reported_by_number() {
        let new = &BASE
            .replace("KIND_B = 2;", "")
            .replace("SHADE_DARK = 1;", "SHADE_BLACK = 1;");
        assert_eq!(
            changes(BASE, new),
            ["enum value t.v1.Kind.KIND_B (2) was removed"]
        );
    }

    #[test]
    fn removed_service_is_reported() {
        let new = &BASE.replace("service Svc {", "service Renamed {");
        assert_eq!(changes(BASE, new), ["service t.v1.Svc was removed"]);
    }

    #[test]
    fn removed_rpc_is_reported() {
        let new = &BASE.replace("rpc Watch(Req) returns (stream Resp);", "");
        assert_eq!(changes(BASE, new), ["rpc t.v1.Svc.Watch was removed"]);
    }

    #[test]
    fn changed_rpc_types_are_reported() {
        let new = &BASE.replace(
            "rpc Get(Req) returns (Resp);",
            "rpc Get(Resp) returns (Req);",
        );
        assert_eq!(
            changes(BASE, new),
            [
                "rpc t.v1.Svc.Get changed input type from t.v1.Req to t.v1.Resp",
                "rpc t.v1.Svc.Get changed output type from t.v1.Resp to t.v1.Req",
            ]
        );
    }

    #[test]
    fn changed_rpc_streaming_is_reported() {
        let new = &BASE
            .replace(
                "rpc Get(Req) returns (Resp);",
                "rpc Get(stream Req) returns (Resp);",
            )
            .replace(
                "rpc Watch(Req) returns (stream Resp);",
                "rpc Watch(Req) returns (Resp);",
            );
        assert_eq!(
            changes(BASE, new),
            [
                "rpc t.v1.Svc.Get changed from unary to client streaming",
                "rpc t.v1.Svc.Watch changed from server streaming to unary",
            ]
        );
    }

    #[test]
    fn changed_package_removes_everything() {
        let old = r#"syntax = "proto3"; package t.v1; message M {} service S {}"#;
        let new = r#"syntax = "proto3"; package t.v2; message M {} service S {}"#;
        assert_eq!(
            changes(old, new),
            ["message t.v1.M was removed", "service t.v1.S was removed"]
        );
    }
}
