//! The key hierarchy of one instance, as the store uses it.
//!
//! operator secret (passphrase via Argon2id, or key file) → key-encryption key → instance key
//! (versioned) → per database: data keys (versioned) and one blind-index key. Only wrapped
//! keys are stored; unwrapped ones live here, zeroized on drop.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, RwLock};

use rand::RngCore;
use zeroize::Zeroizing;

use crate::crypto::{Aad, BlindKey, DataKey, KdfParams, derive_kek};
use crate::store::StoreError;
use crate::store::backend::{Backend, InstanceRow, KeyRow};
use crate::store::config::Unseal;

const DATA: &str = "data";
const BLIND: &str = "blind";

/// Unwrapped keys of one database.
#[derive(Debug)]
pub(crate) struct DbKeys {
    /// Ascending by version; the last one seals new values.
    data: Vec<DataKey>,
    pub(crate) blind: BlindKey,
}

impl DbKeys {
    pub(crate) fn current(&self) -> &DataKey {
        self.data.last().expect("a database always has a data key")
    }

    pub(crate) fn by_version(&self, version: u32) -> Option<&DataKey> {
        self.data.iter().find(|key| key.version() == version)
    }
}

/// The unsealed key hierarchy. `None` keys mean the store runs in benchmark plaintext mode.
#[derive(Debug)]
pub(crate) struct KeyRing {
    kek: Option<DataKey>,
    state: RwLock<RingState>,
}

#[derive(Debug)]
struct RingState {
    instance: InstanceRow,
    instance_key: Option<DataKey>,
    dbs: HashMap<String, Arc<DbKeys>>,
}

fn instance_aad(instance_id: &str, version: u32) -> Aad {
    Aad::new("orbit/instance-key")
        .with(instance_id.as_bytes())
        .with(&version.to_be_bytes())
}

fn key_aad(instance_id: &str, row_db: &str, kind: &str, version: u32) -> Aad {
    Aad::new("orbit/database-key")
        .with(instance_id.as_bytes())
        .with(row_db.as_bytes())
        .with(kind.as_bytes())
        .with(&version.to_be_bytes())
}

impl KeyRing {
    /// Unseals the instance key of an existing instance, or creates the instance. Nothing is
    /// written before the secret is known to be right.
    pub(crate) async fn open(
        backend: &dyn Backend,
        unseal: &Unseal,
        kdf: KdfParams,
    ) -> Result<KeyRing, StoreError> {
        match backend.load_instance().await? {
            Some(instance) => {
                let given = unseal.kind();
                if instance.unseal_kind != given {
                    return Err(StoreError::UnsealMismatch {
                        location: backend.location().to_owned(),
                        stored: kind_label(&instance.unseal_kind),
                        given: kind_label(given),
                    });
                }
                let ring = Self::unseal_existing(backend, unseal, instance)?;
                backend.migrate().await?;
                Ok(ring)
            }
            None => {
                backend.migrate().await?;
                let kek = kek_for_new(backend, unseal)?;
                let instance_id = ulid::Ulid::new().to_string();
                let (instance, instance_key, kek) = match (kek, unseal) {
                    (Some(_), Unseal::Passphrase(passphrase)) => {
                        let mut salt = vec![0u8; 16];
                        rand::rngs::OsRng.fill_bytes(&mut salt);
                        let kek = derive_kek(passphrase.as_bytes(), &salt, kdf)
                            .map_err(|e| StoreError::invalid("argon2 parameters", e.to_string()))?;
                        let instance_key = DataKey::generate(1);
                        let row = InstanceRow {
                            wrapped_instance_key: kek
                                .wrap(&instance_key, &instance_aad(&instance_id, 1)),
                            instance_id,
                            unseal_kind: unseal.kind().to_owned(),
                            kdf_params: Some(kdf.encode()),
                            salt: Some(salt),
                            instance_key_version: 1,
                        };
                        (row, Some(instance_key), Some(kek))
                    }
                    (Some(kek), _) => {
                        let instance_key = DataKey::generate(1);
                        let row = InstanceRow {
                            wrapped_instance_key: kek
                                .wrap(&instance_key, &instance_aad(&instance_id, 1)),
                            instance_id,
                            unseal_kind: unseal.kind().to_owned(),
                            kdf_params: None,
                            salt: None,
                            instance_key_version: 1,
                        };
                        (row, Some(instance_key), Some(kek))
                    }
                    (None, _) => {
                        let row = InstanceRow {
                            instance_id,
                            unseal_kind: unseal.kind().to_owned(),
                            kdf_params: None,
                            salt: None,
                            wrapped_instance_key: Vec::new(),
                            instance_key_version: 0,
                        };
                        (row, None, None)
                    }
                };
                if backend.init_instance(&instance).await? {
                    tracing::info!(location = backend.location(), instance = %instance.instance_id, "created a new instance");
                    Ok(KeyRing {
                        kek,
                        state: RwLock::new(RingState {
                            instance,
                            instance_key,
                            dbs: HashMap::new(),
                        }),
                    })
                } else {
                    // Another process created the instance first: open what it made.
                    let instance = backend.load_instance().await?.ok_or(StoreError::Closed)?;
                    Self::unseal_existing(backend, unseal, instance)
                }
            }
        }
    }

    fn unseal_existing(
        backend: &dyn Backend,
        unseal: &Unseal,
        instance: InstanceRow,
    ) -> Result<KeyRing, StoreError> {
        let kek = match unseal {
            Unseal::Passphrase(_) => Some(passphrase_kek(unseal, &instance)?),
            Unseal::KeyFile(path) => Some(read_key_file(path, Some(backend.location()))?),
            Unseal::InsecurePlaintextForBenchmarks => None,
        };
        let instance_key = match &kek {
            Some(kek) => Some(
                kek.unwrap_key(
                    &instance.wrapped_instance_key,
                    &instance_aad(&instance.instance_id, instance.instance_key_version),
                    instance.instance_key_version,
                )
                .map_err(|_| StoreError::WrongKey {
                    location: backend.location().to_owned(),
                })?,
            ),
            None => None,
        };
        Ok(KeyRing {
            kek,
            state: RwLock::new(RingState {
                instance,
                instance_key,
                dbs: HashMap::new(),
            }),
        })
    }

    pub(crate) fn instance_id(&self) -> String {
        self.state
            .read()
            .expect("keyring lock")
            .instance
            .instance_id
            .clone()
    }

    pub(crate) fn is_plaintext(&self) -> bool {
        self.kek.is_none()
    }

    /// Keys of database `db`, creating them on first use.
    pub(crate) async fn database(
        &self,
        backend: &dyn Backend,
        db: &str,
    ) -> Result<Arc<DbKeys>, StoreError> {
        if let Some(keys) = self.state.read().expect("keyring lock").dbs.get(db) {
            return Ok(keys.clone());
        }
        self.reload(backend, db).await
    }

    /// Re-reads the keys of `db` from storage (after a rotation by another process).
    pub(crate) async fn reload(
        &self,
        backend: &dyn Backend,
        db: &str,
    ) -> Result<Arc<DbKeys>, StoreError> {
        let mut rows = backend.load_keys(Some(db)).await?;
        if rows.is_empty() {
            let fresh = {
                let state = self.state.read().expect("keyring lock");
                vec![
                    state.new_key_row(db, DATA, 1),
                    state.new_key_row(db, BLIND, 0),
                ]
            };
            backend.insert_keys(&fresh).await?;
            rows = backend.load_keys(Some(db)).await?;
        }
        let unwrapped =
            self.state
                .read()
                .expect("keyring lock")
                .unwrap_rows(db, &rows, backend.location());
        let keys = match unwrapped {
            Ok(keys) => keys,
            Err(_) if self.kek.is_some() => {
                // Another process may have rotated the instance key: pick it up and retry.
                self.refresh_instance(backend).await?;
                self.state.read().expect("keyring lock").unwrap_rows(
                    db,
                    &rows,
                    backend.location(),
                )?
            }
            Err(error) => return Err(error),
        };
        let keys = Arc::new(keys);
        self.state
            .write()
            .expect("keyring lock")
            .dbs
            .insert(db.to_owned(), keys.clone());
        Ok(keys)
    }

    /// Re-reads the instance row and unwraps its key with the key-encryption key.
    async fn refresh_instance(&self, backend: &dyn Backend) -> Result<(), StoreError> {
        let Some(kek) = &self.kek else { return Ok(()) };
        let instance = backend.load_instance().await?.ok_or(StoreError::Closed)?;
        let instance_key = kek
            .unwrap_key(
                &instance.wrapped_instance_key,
                &instance_aad(&instance.instance_id, instance.instance_key_version),
                instance.instance_key_version,
            )
            .map_err(|_| StoreError::WrongKey {
                location: backend.location().to_owned(),
            })?;
        let mut state = self.state.write().expect("keyring lock");
        state.instance = instance;
        state.instance_key = Some(instance_key);
        Ok(())
    }

    /// Re-reads the instance row (after a rotation by another process), then every database.
    pub(crate) async fn refresh(&self, backend: &dyn Backend) -> Result<(), StoreError> {
        self.refresh_instance(backend).await?;
        let names: Vec<String> = self
            .state
            .read()
            .expect("keyring lock")
            .dbs
            .keys()
            .cloned()
            .collect();
        for db in names {
            self.reload(backend, &db).await?;
        }
        Ok(())
    }

    /// Rotates keys: a new instance key re-wraps every database key at once, and every
    /// database gets a new data key version that seals all new writes. Records sealed with
    /// older versions stay readable until re-encrypted (see `Store::reencrypt_step`).
    pub(crate) async fn rotate(&self, backend: &dyn Backend) -> Result<(), StoreError> {
        let Some(kek) = &self.kek else {
            return Err(StoreError::invalid(
                "rotation",
                "a plaintext benchmark store has no keys",
            ));
        };
        self.refresh(backend).await?;
        let all = backend.load_keys(None).await?;
        let (instance, rewrapped, fresh) = {
            let state = self.state.read().expect("keyring lock");
            let old_key = state
                .instance_key
                .as_ref()
                .expect("encrypted ring has an instance key");
            let id = state.instance.instance_id.clone();
            let version = state.instance.instance_key_version + 1;
            let new_key = DataKey::generate(version);
            let mut rewrapped = Vec::with_capacity(all.len());
            for row in &all {
                let key = old_key
                    .unwrap_key(
                        &row.wrapped,
                        &state.wrap_aad(&row.db, &row.kind, row.version),
                        row.version,
                    )
                    .map_err(|_| integrity_of_key(row))?;
                let aad =
                    key_aad(&id, &row.db, &row.kind, row.version).with(&version.to_be_bytes());
                rewrapped.push(KeyRow {
                    wrapped: new_key.wrap(&key, &aad),
                    ..row.clone()
                });
            }
            let mut fresh = Vec::new();
            let mut newest: HashMap<&str, u32> = HashMap::new();
            for row in all.iter().filter(|r| r.kind == DATA) {
                let entry = newest.entry(row.db.as_str()).or_insert(0);
                *entry = (*entry).max(row.version);
            }
            for (db, newest) in newest {
                let key = DataKey::generate(newest + 1);
                let aad = key_aad(&id, db, DATA, newest + 1).with(&version.to_be_bytes());
                fresh.push(KeyRow {
                    db: db.to_owned(),
                    kind: DATA.to_owned(),
                    version: newest + 1,
                    wrapped: new_key.wrap(&key, &aad),
                });
            }
            let instance = InstanceRow {
                wrapped_instance_key: kek.wrap(&new_key, &instance_aad(&id, version)),
                instance_key_version: version,
                ..state.instance.clone()
            };
            (instance, rewrapped, fresh)
        };
        backend.rewrap(&instance, &rewrapped).await?;
        backend.insert_keys(&fresh).await?;
        self.refresh(backend).await
    }

    /// Names of every database that has keys.
    pub(crate) async fn database_names(
        &self,
        backend: &dyn Backend,
    ) -> Result<Vec<String>, StoreError> {
        let mut names: Vec<String> = backend
            .load_keys(None)
            .await?
            .into_iter()
            .map(|row| row.db)
            .collect();
        names.dedup();
        Ok(names)
    }
}

impl RingState {
    fn new_key_row(&self, db: &str, kind: &str, version: u32) -> KeyRow {
        let wrapped = match &self.instance_key {
            Some(instance_key) => {
                let key = DataKey::generate(version);
                instance_key.wrap(&key, &self.wrap_aad(db, kind, version))
            }
            None => Vec::new(),
        };
        KeyRow {
            db: db.to_owned(),
            kind: kind.to_owned(),
            version,
            wrapped,
        }
    }

    /// Database keys are bound to the instance-key version that wraps them, so a key
    /// wrapped before a rotation cannot be replayed after it.
    fn wrap_aad(&self, db: &str, kind: &str, version: u32) -> Aad {
        let aad = key_aad(&self.instance.instance_id, db, kind, version);
        match self.instance.instance_key_version {
            1 => aad,
            wrapping => aad.with(&wrapping.to_be_bytes()),
        }
    }

    fn unwrap_rows(&self, db: &str, rows: &[KeyRow], location: &str) -> Result<DbKeys, StoreError> {
        let Some(instance_key) = &self.instance_key else {
            return Ok(DbKeys {
                data: vec![DataKey::generate(0)],
                blind: BlindKey::new(DataKey::generate(0)),
            });
        };
        let mut data = Vec::new();
        let mut blind = None;
        for row in rows {
            let key = instance_key
                .unwrap_key(
                    &row.wrapped,
                    &self.wrap_aad(db, &row.kind, row.version),
                    row.version,
                )
                .map_err(|_| integrity_of_key(row))?;
            match row.kind.as_str() {
                DATA => data.push(key),
                BLIND => blind = Some(BlindKey::new(key)),
                other => {
                    tracing::warn!(db, kind = other, location, "ignoring a key of unknown kind")
                }
            }
        }
        data.sort_by_key(|k| k.version());
        match (data.is_empty(), blind) {
            (false, Some(blind)) => Ok(DbKeys { data, blind }),
            _ => Err(StoreError::Integrity {
                database: db.to_owned(),
                keyspace: "(keys)".into(),
                key: "(all)".into(),
                reason: "the database's data or blind-index key is missing".into(),
            }),
        }
    }
}

fn integrity_of_key(row: &KeyRow) -> StoreError {
    StoreError::Integrity {
        database: row.db.clone(),
        keyspace: "(keys)".into(),
        key: format!("{} v{}", row.kind, row.version),
        reason: "wrapped key cannot be unwrapped with the instance key".into(),
    }
}

fn kind_label(kind: &str) -> &'static str {
    match kind {
        "passphrase" => "passphrase (ORBIT_PASSPHRASE)",
        "key-file" => "key file",
        "plaintext" => "plaintext benchmark setting",
        _ => "unknown secret",
    }
}

fn passphrase_kek(unseal: &Unseal, instance: &InstanceRow) -> Result<DataKey, StoreError> {
    let Unseal::Passphrase(passphrase) = unseal else {
        unreachable!("called for passphrases only")
    };
    let params = instance
        .kdf_params
        .as_deref()
        .and_then(KdfParams::decode)
        .ok_or_else(|| {
            StoreError::invalid(
                "stored argon2 parameters",
                format!("{:?}", instance.kdf_params),
            )
        })?;
    let salt = instance
        .salt
        .as_deref()
        .ok_or_else(|| StoreError::invalid("stored argon2 salt", "missing"))?;
    derive_kek(passphrase.as_bytes(), salt, params)
        .map_err(|e| StoreError::invalid("argon2 parameters", e.to_string()))
}

/// The key-encryption key for a brand-new instance (passphrase KEKs are derived later, once
/// the salt exists). Creates the key file if it does not exist yet.
fn kek_for_new(backend: &dyn Backend, unseal: &Unseal) -> Result<Option<DataKey>, StoreError> {
    match unseal {
        Unseal::Passphrase(passphrase) => {
            if passphrase.is_empty() {
                return Err(StoreError::invalid(
                    "passphrase",
                    "ORBIT_PASSPHRASE is empty",
                ));
            }
            // The real key-encryption key is derived once the salt exists.
            Ok(Some(DataKey::generate(0)))
        }
        Unseal::KeyFile(path) => {
            if !path.exists() {
                create_key_file(path)?;
            }
            read_key_file(path, None).map(Some).map_err(|e| {
                tracing::error!(location = backend.location(), "{e}");
                e
            })
        }
        Unseal::InsecurePlaintextForBenchmarks => Ok(None),
    }
}

fn create_key_file(path: &Path) -> Result<(), StoreError> {
    use std::io::Write;
    let key_error = |reason: String| StoreError::KeyFile {
        path: path.to_owned(),
        reason,
    };
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .map_err(|e| key_error(format!("cannot create its folder: {e}")))?;
    }
    let mut bytes = Zeroizing::new([0u8; 32]);
    rand::rngs::OsRng.fill_bytes(bytes.as_mut());
    let text = Zeroizing::new(format!("{}\n", hex::encode(bytes.as_ref())));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(path)
        .map_err(|e| key_error(format!("cannot create it: {e}")))?;
    file.write_all(text.as_bytes())
        .and_then(|_| file.sync_all())
        .map_err(|e| key_error(format!("cannot write it: {e}")))?;
    tracing::info!(path = %path.display(), "created a new key file; back it up: without it the data cannot be read");
    Ok(())
}

/// Reads a key file, refusing one others can read. `existing` names the store when the
/// instance already exists (a missing file is then a restore problem, not a first start).
pub(crate) fn read_key_file(path: &Path, existing: Option<&str>) -> Result<DataKey, StoreError> {
    let key_error = |reason: String| StoreError::KeyFile {
        path: path.to_owned(),
        reason,
    };
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(match existing {
                Some(location) => StoreError::KeyFileMissing {
                    path: path.to_owned(),
                    location: location.to_owned(),
                },
                None => key_error("it does not exist".into()),
            });
        }
        Err(e) => return Err(key_error(format!("cannot read it: {e}"))),
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = metadata.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            return Err(key_error(format!(
                "its permissions {mode:04o} let other users read it; run `chmod 600 {}`",
                path.display()
            )));
        }
    }
    let text = Zeroizing::new(
        std::fs::read_to_string(path).map_err(|e| key_error(format!("cannot read it: {e}")))?,
    );
    let mut bytes = Zeroizing::new([0u8; 32]);
    hex::decode_to_slice(text.trim(), bytes.as_mut()).map_err(|_| {
        key_error("it must hold exactly 64 hexadecimal characters (32 bytes)".into())
    })?;
    Ok(DataKey::from_bytes(&mut bytes, 0))
}
