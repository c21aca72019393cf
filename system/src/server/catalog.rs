//! The API catalog: one merged descriptor pool of every service the server answers (Orbit's
//! compiled-in .proto, gRPC health and reflection, and sets added while it runs), with each
//! Orbit RPC's access rule. The auth layer decides every call from it and the reflection
//! service describes the server from it, so a set added at run time (a user module's) is
//! enforced and visible at once, and one removed is gone from both.
//!
//! Readers take a snapshot (an `Arc`), so a call never waits for a change, and a change is
//! all or nothing: a set whose RPCs lack valid access declarations, or whose files clash with
//! ones already in the pool, is refused and the catalog stays as it was.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use orbit_proto::access::{AccessError, access_table_of};
use orbit_proto::orbit::system::v1::{Access, Scope};
use prost::Message;
use prost_reflect::{DescriptorPool, MessageDescriptor};

/// One RPC's rule: its declaration and, for scoped RPCs, the message its scope id is in.
#[derive(Debug)]
pub(crate) struct Rule {
    pub(crate) access: Access,
    pub(crate) input: Option<MessageDescriptor>,
    pub(crate) client_streaming: bool,
}

/// What the catalog holds at one moment.
#[derive(Debug)]
pub(crate) struct Snapshot {
    pub(crate) pool: DescriptorPool,
    /// Keyed by gRPC path, `/package.Service/Method`.
    pub(crate) rules: HashMap<String, Rule>,
    /// Files of sets added for an org (user modules), by file name: the org's id. Reflection
    /// describes them to that org's members only.
    pub(crate) org_files: HashMap<String, String>,
}

/// The server's merged descriptor pool and access rules. Cheap to clone; clones share it.
#[derive(Clone, Debug)]
pub struct ApiCatalog {
    inner: Arc<RwLock<Inner>>,
}

#[derive(Debug)]
struct Inner {
    /// The compiled-in sets, encoded.
    base: Vec<Vec<u8>>,
    /// Sets added at run time, by the key they were added under, in order.
    added: Vec<(String, Vec<u8>)>,
    /// The org each set added for an org belongs to, by key.
    owners: HashMap<String, String>,
    current: Arc<Snapshot>,
}

impl ApiCatalog {
    /// The catalog of Orbit's API (`orbit_proto::FILE_DESCRIPTOR_SET`, as encoded: decoding
    /// it through `prost_types` would drop the access options) with gRPC health and
    /// reflection; fails naming the first RPC whose access declaration is missing or
    /// invalid, so a bad declaration never starts serving.
    pub fn orbit() -> Result<ApiCatalog, AccessError> {
        ApiCatalog::new(vec![
            orbit_proto::FILE_DESCRIPTOR_SET.to_vec(),
            tonic_health::pb::FILE_DESCRIPTOR_SET.to_vec(),
            tonic_reflection::pb::v1::FILE_DESCRIPTOR_SET.to_vec(),
            tonic_reflection::pb::v1alpha::FILE_DESCRIPTOR_SET.to_vec(),
        ])
    }

    /// A catalog of the encoded `FileDescriptorSet`s `base`.
    pub fn new(base: Vec<Vec<u8>>) -> Result<ApiCatalog, AccessError> {
        let current = Arc::new(build(base.iter().map(Vec::as_slice))?);
        Ok(ApiCatalog {
            inner: Arc::new(RwLock::new(Inner {
                base,
                added: Vec::new(),
                owners: HashMap::new(),
                current,
            })),
        })
    }

    /// Adds the encoded `FileDescriptorSet` `set` under `key` (replacing what was added under
    /// it before); returns the full names of the services the catalog now has from it.
    pub fn add(&self, key: &str, set: &[u8]) -> Result<Vec<String>, AccessError> {
        let mut inner = self.write();
        let mut added = inner.added.clone();
        added.retain(|(k, _)| k != key);
        added.push((key.to_owned(), set.to_vec()));
        inner.replace(added)?;
        Ok(services_of(set))
    }

    /// Adds `set` under `key` as [`ApiCatalog::add`] does, as org `org_id`'s (a user
    /// module's): its RPCs are enforced like any, and reflection describes its files to the
    /// org's members only.
    pub fn add_for_org(&self, key: &str, org_id: &str, set: &[u8]) -> Result<(), AccessError> {
        self.add_for_orgs(&[(key.to_owned(), org_id.to_owned(), set.to_vec())])
    }

    /// Adds several sets at once, each `(key, org id, encoded set)` (replacing what was added
    /// under its key): one rebuild of the snapshot for all of them (a server starting with
    /// many user modules), all or nothing.
    pub fn add_for_orgs(&self, sets: &[(String, String, Vec<u8>)]) -> Result<(), AccessError> {
        let mut inner = self.write();
        let mut added = inner.added.clone();
        added.retain(|(k, _)| !sets.iter().any(|(key, _, _)| key == k));
        added.extend(sets.iter().map(|(key, _, set)| (key.clone(), set.clone())));
        let mut owners = inner.owners.clone();
        for (key, org, _) in sets {
            owners.insert(key.clone(), org.clone());
        }
        let previous = std::mem::replace(&mut inner.owners, owners);
        match inner.replace(added) {
            Ok(()) => Ok(()),
            Err(error) => {
                inner.owners = previous;
                Err(error)
            }
        }
    }

    /// Removes what was added under `key`; whether there was anything.
    pub fn remove(&self, key: &str) -> Result<bool, AccessError> {
        let mut inner = self.write();
        if !inner.added.iter().any(|(k, _)| k == key) {
            return Ok(false);
        }
        let mut added = inner.added.clone();
        added.retain(|(k, _)| k != key);
        let owner = inner.owners.remove(key);
        if let Err(error) = inner.replace(added) {
            if let Some(owner) = owner {
                inner.owners.insert(key.to_owned(), owner);
            }
            return Err(error);
        }
        Ok(true)
    }

    /// The pool as it is now (the CLI, the GUI's generic forms and user modules read it).
    pub fn pool(&self) -> DescriptorPool {
        self.snapshot().pool.clone()
    }

    /// Every service the server answers now, by full name, sorted.
    pub fn services(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .snapshot()
            .pool
            .services()
            .map(|service| service.full_name().to_owned())
            .collect();
        names.sort();
        names
    }

    pub(crate) fn snapshot(&self) -> Arc<Snapshot> {
        self.inner.read().expect("catalog lock").current.clone()
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, Inner> {
        self.inner.write().expect("catalog lock")
    }
}

impl Inner {
    /// Rebuilds the snapshot from the base and `added`; keeps everything as it was if that
    /// fails.
    fn replace(&mut self, added: Vec<(String, Vec<u8>)>) -> Result<(), AccessError> {
        let mut snapshot = build(
            self.base
                .iter()
                .map(Vec::as_slice)
                .chain(added.iter().map(|(_, set)| set.as_slice())),
        )?;
        for (key, set) in &added {
            if let Some(org) = self.owners.get(key) {
                for file in file_names(set) {
                    snapshot.org_files.insert(file, org.clone());
                }
            }
        }
        self.added = added;
        self.current = Arc::new(snapshot);
        Ok(())
    }
}

/// The snapshot of `sets`: one pool, and a rule for every `orbit.*` RPC in it.
fn build<'a>(sets: impl Iterator<Item = &'a [u8]>) -> Result<Snapshot, AccessError> {
    let mut pool = DescriptorPool::new();
    for set in sets {
        pool.decode_file_descriptor_set(set)
            .map_err(|e| AccessError::Descriptor(e.to_string()))?;
    }
    let table = access_table_of(&pool)?;
    let mut rules = HashMap::new();
    for (path, access) in table {
        let (service, method) = path
            .trim_start_matches('/')
            .split_once('/')
            .expect("paths are /service/method");
        let method = pool
            .get_service_by_name(service)
            .and_then(|s| s.methods().find(|m| m.name() == method))
            .ok_or_else(|| AccessError::Descriptor(format!("rpc {path} vanished from the pool")))?;
        let scoped = matches!(access.scope(), Scope::Org | Scope::Project);
        rules.insert(
            path,
            Rule {
                input: scoped.then(|| method.input()),
                client_streaming: method.is_client_streaming(),
                access,
            },
        );
    }
    Ok(Snapshot {
        pool,
        rules,
        org_files: HashMap::new(),
    })
}

fn file_names(set: &[u8]) -> Vec<String> {
    prost_types::FileDescriptorSet::decode(set)
        .map(|set| set.file.into_iter().map(|f| f.name().to_owned()).collect())
        .unwrap_or_default()
}

fn services_of(set: &[u8]) -> Vec<String> {
    let Ok(set) = prost_types::FileDescriptorSet::decode(set) else {
        return Vec::new();
    };
    set.file
        .iter()
        .flat_map(|file| {
            file.service
                .iter()
                .map(move |service| format!("{}.{}", file.package(), service.name()))
        })
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A set with one service `orbit.extra.v1.ExtraService` whose one RPC declares `access`
    /// (or nothing).
    pub(crate) fn extra_set(access: Option<&str>) -> Vec<u8> {
        let options = access
            .map(|access| format!("option (orbit.system.v1.access) = {{ {access} }};"))
            .unwrap_or_default();
        let source = format!(
            r#"syntax = "proto3";
package orbit.extra.v1;
import "orbit/system/v1/access.proto";
message PingRequest {{ string project_id = 1; }}
message PingResponse {{}}
service ExtraService {{
  rpc Ping(PingRequest) returns (PingResponse) {{ {options} }}
}}
"#
        );
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("extra.proto"), source).unwrap();
        let includes = [
            dir.path().to_path_buf(),
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../proto"),
        ];
        // Encoded by protox itself: through prost_types the options would lose the extension.
        let mut compiler = protox::Compiler::new(includes).expect("include paths");
        compiler.include_imports(false);
        compiler.open_file("extra.proto").expect("compiles");
        compiler.encode_file_descriptor_set()
    }

    #[test]
    fn a_set_added_at_run_time_gets_rules_and_can_be_removed() {
        let catalog = ApiCatalog::orbit().unwrap();
        let before = catalog.services();
        assert!(before.contains(&"orbit.system.v1.OrgService".to_owned()));
        assert!(before.contains(&"grpc.health.v1.Health".to_owned()));
        let set = extra_set(Some(
            "role: ROLE_PROJECT_USER, scope: SCOPE_PROJECT, scope_field: \"project_id\"",
        ));
        let added = catalog.add("user/extra", &set).unwrap();
        assert_eq!(added, ["orbit.extra.v1.ExtraService"]);
        let snapshot = catalog.snapshot();
        let rule = snapshot
            .rules
            .get("/orbit.extra.v1.ExtraService/Ping")
            .expect("a rule for the new rpc");
        assert!(rule.input.is_some(), "project-scoped: the input is decoded");
        // Adding the same set again under the same key replaces it.
        catalog.add("user/extra", &set).unwrap();
        assert!(catalog.remove("user/extra").unwrap());
        assert_eq!(catalog.services(), before);
        assert!(!catalog.remove("user/extra").unwrap());
        // The old snapshot a call may still hold is unchanged.
        assert!(
            snapshot
                .rules
                .contains_key("/orbit.extra.v1.ExtraService/Ping")
        );
    }

    #[test]
    fn a_set_without_declarations_is_refused_and_changes_nothing() {
        let catalog = ApiCatalog::orbit().unwrap();
        let before = catalog.services();
        let error = catalog.add("user/extra", &extra_set(None)).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("/orbit.extra.v1.ExtraService/Ping"),
            "{error}"
        );
        assert_eq!(catalog.services(), before);
        let error = catalog.add("user/junk", b"\xff\xff not a set").unwrap_err();
        assert!(matches!(error, AccessError::Descriptor(_)), "{error}");
        assert_eq!(catalog.services(), before);
    }
}
