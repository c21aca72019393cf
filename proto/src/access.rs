//! The access table: each RPC's `(orbit.system.v1.access)` declaration, read from the
//! embedded descriptor set. The server's auth layer enforces it; the CLI and GUI show it.
//!
//! This module only reads and validates declarations; deciding whether a caller holds a role
//! belongs to orbit-system.

use std::collections::BTreeMap;

use prost_reflect::{DescriptorPool, Kind, Value};

use crate::orbit::system::v1::{Access, Role, Scope};

/// Why the access table cannot be built. Each names the RPC at fault.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AccessError {
    #[error("descriptor set cannot be decoded: {0}")]
    Descriptor(String),
    #[error("rpc {0} declares no (orbit.system.v1.access) option; every Orbit rpc must")]
    Undeclared(String),
    #[error("rpc {rpc} has an invalid access declaration: {reason}")]
    Invalid { rpc: String, reason: String },
}

/// Declarations by gRPC path (`/package.Service/Method`), for every service in packages
/// starting with `orbit.`.
pub type AccessTable = BTreeMap<String, Access>;

/// Reads and checks the declaration of every Orbit RPC in `descriptor_set`.
pub fn access_table(descriptor_set: &[u8]) -> Result<AccessTable, AccessError> {
    let pool = DescriptorPool::decode(descriptor_set)
        .map_err(|e| AccessError::Descriptor(e.to_string()))?;
    access_table_of(&pool)
}

/// [`access_table`] of a pool already decoded (the server's merged catalog). The pool must
/// have been built from encoded sets: options re-encoded through `prost_types` lose their
/// extensions.
pub fn access_table_of(pool: &DescriptorPool) -> Result<AccessTable, AccessError> {
    let extension = pool
        .get_extension_by_name("orbit.system.v1.access")
        .ok_or_else(|| {
            AccessError::Descriptor("extension orbit.system.v1.access is missing".into())
        })?;
    let mut table = AccessTable::new();
    for service in pool
        .services()
        .filter(|s| s.full_name().starts_with("orbit."))
    {
        for method in service.methods() {
            let path = format!("/{}/{}", service.full_name(), method.name());
            let options = method.options();
            if !options.has_extension(&extension) {
                return Err(AccessError::Undeclared(path));
            }
            let Value::Message(declared) = options.get_extension(&extension).into_owned() else {
                return Err(AccessError::Invalid {
                    rpc: path,
                    reason: "the option is not a message".into(),
                });
            };
            let access: Access = declared.transcode_to().map_err(|e| AccessError::Invalid {
                rpc: path.clone(),
                reason: e.to_string(),
            })?;
            validate(&path, &access, &method.input())?;
            table.insert(path, access);
        }
    }
    Ok(table)
}

fn validate(
    rpc: &str,
    access: &Access,
    input: &prost_reflect::MessageDescriptor,
) -> Result<(), AccessError> {
    let invalid = |reason: String| AccessError::Invalid {
        rpc: rpc.to_owned(),
        reason,
    };
    let role = Role::try_from(access.role)
        .map_err(|_| invalid(format!("unknown role {}", access.role)))?;
    let scope = Scope::try_from(access.scope)
        .map_err(|_| invalid(format!("unknown scope {}", access.scope)))?;
    if role == Role::Unspecified {
        return Err(invalid("role is unspecified".into()));
    }
    let tenant_role = matches!(
        role,
        Role::ProjectUser | Role::ProjectAdmin | Role::OrgAdmin
    );
    match scope {
        Scope::Unspecified => Err(invalid("scope is unspecified".into())),
        Scope::Instance if tenant_role => Err(invalid(format!(
            "{} needs an org or project scope",
            role.as_str_name()
        ))),
        Scope::Instance => Ok(()),
        Scope::Org | Scope::Project => {
            if !tenant_role {
                return Err(invalid(format!(
                    "{} is an instance-wide role; use SCOPE_INSTANCE",
                    role.as_str_name()
                )));
            }
            // On an org, ROLE_PROJECT_USER means "any member of the org or of one of its
            // projects"; a project-admin role is held on a project only.
            if scope == Scope::Org && role == Role::ProjectAdmin {
                return Err(invalid(format!(
                    "{} cannot be held on an org; use SCOPE_PROJECT",
                    role.as_str_name()
                )));
            }
            match input.get_field_by_name(&access.scope_field) {
                Some(field) if field.kind() == Kind::String && !field.is_list() => Ok(()),
                Some(_) => Err(invalid(format!(
                    "scope_field {} of {} is not a single string",
                    access.scope_field,
                    input.full_name()
                ))),
                None => Err(invalid(format!(
                    "scope_field {:?} is not a field of {}",
                    access.scope_field,
                    input.full_name()
                ))),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_orbit_rpc_declares_valid_access() {
        let table =
            access_table(crate::FILE_DESCRIPTOR_SET).expect("every rpc declares valid access");
        let info = &table["/orbit.system.v1.SystemService/GetInstanceInfo"];
        assert_eq!(
            (info.role(), info.scope()),
            (Role::Anonymous, Scope::Instance)
        );
        let keys = &table["/orbit.system.v1.SystemService/GetKeyStatus"];
        assert_eq!(keys.role(), Role::SysAdmin);
    }

    fn compile(source: &str) -> Vec<u8> {
        let dir = tempfile_dir();
        let access = include_str!("../orbit/system/v1/access.proto");
        std::fs::create_dir_all(dir.join("orbit/system/v1")).unwrap();
        std::fs::write(dir.join("orbit/system/v1/access.proto"), access).unwrap();
        std::fs::write(dir.join("t.proto"), source).unwrap();
        let mut compiler = protox::Compiler::new([&dir]).unwrap();
        compiler
            .include_imports(true)
            .open_files(["t.proto"])
            .unwrap();
        let bytes = compiler.encode_file_descriptor_set();
        std::fs::remove_dir_all(&dir).ok();
        bytes
    }

    fn tempfile_dir() -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "orbit-access-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    const HEADER: &str = "syntax = \"proto3\"; package orbit.t.v1; import \"orbit/system/v1/access.proto\";\n\
        message Req { string project_id = 1; repeated string many = 2; } message Resp {}\n";

    #[test]
    fn undeclared_rpc_is_named() {
        let set = compile(&format!(
            "{HEADER} service S {{ rpc Open(Req) returns (Resp); }}"
        ));
        assert_eq!(
            access_table(&set),
            Err(AccessError::Undeclared("/orbit.t.v1.S/Open".into()))
        );
    }

    #[test]
    fn bad_declarations_are_named() {
        for (option, expected) in [
            (
                "{role: ROLE_PROJECT_USER, scope: SCOPE_PROJECT, scope_field: \"nope\"}",
                "not a field",
            ),
            (
                "{role: ROLE_PROJECT_USER, scope: SCOPE_PROJECT, scope_field: \"many\"}",
                "not a single string",
            ),
            (
                "{role: ROLE_PROJECT_ADMIN, scope: SCOPE_INSTANCE}",
                "needs an org or project scope",
            ),
            (
                "{role: ROLE_SYS_ADMIN, scope: SCOPE_PROJECT, scope_field: \"project_id\"}",
                "instance-wide",
            ),
            ("{scope: SCOPE_INSTANCE}", "unspecified"),
        ] {
            let set = compile(&format!(
                "{HEADER} service S {{ rpc Do(Req) returns (Resp) {{ option (orbit.system.v1.access) = {option}; }} }}"
            ));
            let err = access_table(&set).unwrap_err();
            assert!(
                err.to_string().contains(expected) && err.to_string().contains("/orbit.t.v1.S/Do"),
                "{option}: {err}"
            );
        }
        let ok = compile(&format!(
            "{HEADER} service S {{ rpc Do(Req) returns (Resp) {{ option (orbit.system.v1.access) = \
             {{role: ROLE_PROJECT_USER, scope: SCOPE_PROJECT, scope_field: \"project_id\"}}; }} }}"
        ));
        assert_eq!(access_table(&ok).unwrap().len(), 1);
    }
}
