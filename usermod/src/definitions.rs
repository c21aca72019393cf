//! What an org-admin defined, kept in the encrypted database `usermods`: each module
//! (`module`, key `<org id>/<name>`), each uploaded schema version (`version`, key
//! `<org id>/<name>/<version, 8 digits>`: the sources and the encoded descriptor set), and the
//! orgs' namespaces in package names (`namespace`: slug → org id; `org`: org id → slug).

use std::collections::BTreeMap;

use base64::Engine as _;
use orbit_system::store::{Database, Expect, Transaction};
use serde::{Deserialize, Serialize};

use crate::error::UserModuleError;

/// Name of the database definitions live in.
pub const DEFINITIONS_DATABASE: &str = "usermods";

const MODULES: &str = "module";
const VERSIONS: &str = "version";
const NAMESPACES: &str = "namespace";
const ORGS: &str = "org";

/// A user module as defined.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub(crate) struct ModuleDef {
    pub(crate) org_id: String,
    pub(crate) name: String,
    pub(crate) description: String,
    pub(crate) namespace: String,
    /// Empty before the first upload.
    pub(crate) package: String,
    pub(crate) version: u32,
    pub(crate) disabled: bool,
    pub(crate) created_at_ms: i64,
    /// The name of its encrypted database.
    pub(crate) database: String,
    /// Card templates set by the org-admin, by full message name.
    #[serde(default)]
    pub(crate) pages: BTreeMap<String, CustomPages>,
}

impl ModuleDef {
    /// `orbit.user.<namespace>.<name>`: its package is this plus `.v<N>`.
    pub(crate) fn prefix(&self) -> String {
        format!("orbit.user.{}.{}", self.namespace, self.name)
    }

    /// Its key in the API catalog.
    pub(crate) fn catalog_key(&self) -> String {
        format!("user/{}/{}", self.org_id, self.name)
    }
}

/// An org-admin's card templates for one record type (empty: the default).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub(crate) struct CustomPages {
    pub(crate) list: String,
    pub(crate) detail: String,
    pub(crate) form: String,
}

/// One uploaded schema version.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct VersionDef {
    pub(crate) version: u32,
    pub(crate) uploaded_at_ms: i64,
    pub(crate) uploaded_by: String,
    /// Source files by name (none for a descriptor-set upload).
    pub(crate) files: Vec<(String, String)>,
    /// The upload's own files, an encoded FileDescriptorSet, in base64.
    pub(crate) user_set: String,
    pub(crate) changes: Vec<String>,
}

impl VersionDef {
    pub(crate) fn user_set(&self) -> Result<Vec<u8>, UserModuleError> {
        base64::engine::general_purpose::STANDARD
            .decode(&self.user_set)
            .map_err(|e| UserModuleError::Corrupt {
                what: format!("schema version {}", self.version),
                reason: e.to_string(),
            })
    }

    pub(crate) fn encode_set(set: &[u8]) -> String {
        base64::engine::general_purpose::STANDARD.encode(set)
    }
}

/// The definitions database.
#[derive(Debug, Clone)]
pub(crate) struct Definitions {
    db: Database,
}

fn module_key(org_id: &str, name: &str) -> String {
    format!("{org_id}/{name}")
}

fn decode<T: serde::de::DeserializeOwned>(what: &str, bytes: &[u8]) -> Result<T, UserModuleError> {
    serde_json::from_slice(bytes).map_err(|e| UserModuleError::Corrupt {
        what: what.to_owned(),
        reason: e.to_string(),
    })
}

fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).expect("definitions serialize")
}

impl Definitions {
    pub(crate) fn new(db: Database) -> Definitions {
        Definitions { db }
    }

    pub(crate) async fn module(
        &self,
        org_id: &str,
        name: &str,
    ) -> Result<Option<ModuleDef>, UserModuleError> {
        self.db
            .get(MODULES, module_key(org_id, name).as_bytes())
            .await?
            .map(|r| decode("module definition", &r.value))
            .transpose()
    }

    /// Every module of `org_id`, or of every org when `None`.
    pub(crate) async fn modules(
        &self,
        org_id: Option<&str>,
    ) -> Result<Vec<ModuleDef>, UserModuleError> {
        let prefix = org_id.map(|o| format!("{o}/")).unwrap_or_default();
        self.db
            .scan_all(MODULES, prefix.as_bytes())
            .await?
            .iter()
            .map(|record| decode("module definition", &record.value))
            .collect()
    }

    /// Creates `def`; AlreadyExists if the name is taken in the org.
    pub(crate) async fn create(&self, def: &ModuleDef) -> Result<(), UserModuleError> {
        let txn = Transaction::new().put_if(
            MODULES,
            module_key(&def.org_id, &def.name),
            encode(def),
            Expect::Absent,
        );
        self.db.commit(txn).await.map_err(|error| match error {
            orbit_system::store::StoreError::Conflict { .. } => UserModuleError::Exists {
                what: "user module",
                name: def.name.clone(),
            },
            other => other.into(),
        })?;
        Ok(())
    }

    /// Replaces `def` (and stores `version` beside it, when given), in one transaction.
    pub(crate) async fn save(
        &self,
        def: &ModuleDef,
        version: Option<&VersionDef>,
    ) -> Result<(), UserModuleError> {
        let mut txn =
            Transaction::new().put(MODULES, module_key(&def.org_id, &def.name), encode(def));
        if let Some(version) = version {
            txn = txn.put(
                VERSIONS,
                format!("{}/{}/{:08}", def.org_id, def.name, version.version),
                encode(version),
            );
        }
        self.db.commit(txn).await?;
        Ok(())
    }

    /// Every version of a module, oldest first.
    pub(crate) async fn versions(
        &self,
        org_id: &str,
        name: &str,
    ) -> Result<Vec<VersionDef>, UserModuleError> {
        let prefix = format!("{org_id}/{name}/");
        self.db
            .scan_all(VERSIONS, prefix.as_bytes())
            .await?
            .iter()
            .map(|record| decode("schema version", &record.value))
            .collect()
    }

    /// The module's version `version`.
    pub(crate) async fn version(
        &self,
        def: &ModuleDef,
        version: u32,
    ) -> Result<VersionDef, UserModuleError> {
        let key = format!("{}/{}/{version:08}", def.org_id, def.name);
        let record = self
            .db
            .get(VERSIONS, key.as_bytes())
            .await?
            .ok_or_else(|| UserModuleError::Corrupt {
                what: format!("user module {}", def.name),
                reason: format!("its schema version {version} is missing"),
            })?;
        decode("schema version", &record.value)
    }

    /// Removes the module and its versions.
    pub(crate) async fn remove(&self, def: &ModuleDef) -> Result<(), UserModuleError> {
        let versions = self.versions(&def.org_id, &def.name).await?;
        let mut txn = Transaction::new().delete(MODULES, module_key(&def.org_id, &def.name));
        for version in versions {
            txn = txn.delete(
                VERSIONS,
                format!("{}/{}/{:08}", def.org_id, def.name, version.version),
            );
        }
        self.db.commit(txn).await?;
        Ok(())
    }

    /// The org's namespace, choosing one from `org_name` (unique on the instance) the first
    /// time.
    pub(crate) async fn namespace(
        &self,
        org_id: &str,
        org_name: &str,
    ) -> Result<String, UserModuleError> {
        if let Some(record) = self.db.get(ORGS, org_id.as_bytes()).await? {
            return Ok(String::from_utf8_lossy(&record.value).into_owned());
        }
        let base = slug(org_name);
        for n in 1..1000 {
            let candidate = if n == 1 {
                base.clone()
            } else {
                format!("{base}{n}")
            };
            let txn = Transaction::new()
                .put_if(
                    NAMESPACES,
                    candidate.clone(),
                    org_id.to_owned(),
                    Expect::Absent,
                )
                .put_if(ORGS, org_id.to_owned(), candidate.clone(), Expect::Absent);
            match self.db.commit(txn).await {
                Ok(_) => return Ok(candidate),
                Err(orbit_system::store::StoreError::Conflict { .. }) => {
                    // Either the slug is taken, or the org got one meanwhile.
                    if let Some(record) = self.db.get(ORGS, org_id.as_bytes()).await? {
                        return Ok(String::from_utf8_lossy(&record.value).into_owned());
                    }
                }
                Err(other) => return Err(other.into()),
            }
        }
        Err(UserModuleError::FailedPrecondition(format!(
            "no free namespace for org {org_name:?}"
        )))
    }
}

/// A protobuf package segment from an org's name: lower-case ASCII letters, digits and `_`,
/// starting with a letter, at most 24 characters.
pub(crate) fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    let mut out: String = out.trim_end_matches('_').chars().take(24).collect();
    out = out.trim_end_matches('_').to_owned();
    if !out.starts_with(|c: char| c.is_ascii_lowercase()) {
        out = format!("org{}", out);
    }
    // `v1` and friends would read as a version; keywords are fine in packages but confusing.
    if out.starts_with('v') && out[1..].bytes().all(|b| b.is_ascii_digit()) {
        out = format!("org_{out}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slugs_are_package_segments() {
        assert_eq!(slug("Acme Research"), "acme_research");
        assert_eq!(slug("  Café Zürich!! "), "caf_z_rich");
        assert_eq!(slug("42 Labs"), "org42_labs");
        assert_eq!(slug("***"), "org");
        assert_eq!(slug("v2"), "org_v2");
        assert!(slug(&"x".repeat(100)).len() <= 24);
    }
}
