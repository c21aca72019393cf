//! The user modules this server runs: each enabled module with a schema is compiled, its
//! database opened and its services added to the API catalog (so the auth layer enforces and
//! reflection lists them); changing one (upload, disable, delete) swaps it here and in the
//! catalog at once, with no restart. Definition changes are serialised by one lock: they are
//! rare, and each is a few store writes and one compile.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use orbit_cdc::codec::{Codecs, DatabaseCodec, ValueCodec};
use orbit_cdc::feed::Feeds;
use orbit_cdc::sources::Sources;
use orbit_system::identity::{Identity, RequestContext};
use orbit_system::server::ApiCatalog;
use orbit_system::store::Store;

use crate::definitions::{CustomPages, DEFINITIONS_DATABASE, Definitions, ModuleDef, VersionDef};
use crate::error::UserModuleError;
use crate::records::{Records, record_keyspace};
use crate::schema::{self, Namespace, Problem, Schema, Upload};
use crate::{cards, evolution};

/// A module being served.
#[derive(Debug)]
pub(crate) struct Loaded {
    pub(crate) def: ModuleDef,
    pub(crate) schema: Schema,
    pub(crate) records: Records,
}

/// What an upload found.
#[derive(Debug, Default)]
pub(crate) struct UploadOutcome {
    pub(crate) applied: bool,
    pub(crate) problems: Vec<Problem>,
    pub(crate) breaking: Vec<String>,
    pub(crate) changes: Vec<String>,
    pub(crate) def: Option<ModuleDef>,
}

/// The user modules of this server. Cheap to clone.
#[derive(Clone, Debug)]
pub struct UserModules {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    store: Store,
    identity: Identity,
    feeds: Feeds,
    catalog: ApiCatalog,
    codecs: Codecs,
    sources: Sources,
    definitions: Definitions,
    /// By (org id, name).
    loaded: RwLock<HashMap<(String, String), Arc<Loaded>>>,
    /// By full service name.
    services: RwLock<HashMap<String, Arc<Loaded>>>,
    changing: tokio::sync::Mutex<()>,
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// Compiles an upload on the blocking pool: tens of milliseconds of CPU that must not hold
/// up the async workers serving everyone else.
async fn compile_apart(
    upload: Upload,
    namespace: Namespace,
) -> Result<Result<Schema, Vec<Problem>>, UserModuleError> {
    tokio::task::spawn_blocking(move || schema::compile(&upload, &namespace))
        .await
        .map_err(|e| {
            UserModuleError::FailedPrecondition(format!("the schema compiler failed: {e}"))
        })
}

/// Module names: a lower-case letter, then lower-case letters, digits and `_`; at most 32.
pub(crate) fn valid_name(name: &str) -> Result<(), UserModuleError> {
    let valid = (1..=32).contains(&name.len())
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if valid {
        Ok(())
    } else {
        Err(UserModuleError::invalid(
            "name",
            format!(
                "{name:?} is not a module name: a lower-case letter, then lower-case letters, digits and '_' (at most 32)"
            ),
        ))
    }
}

impl UserModules {
    /// Opens the definitions (database `usermods`, which must be declared) and serves every
    /// enabled module with a schema: its services in `catalog`, its values' codec in
    /// `codecs`, its database in `sources` (so its feed can be followed and views fold it). A module that does not load is logged and left out; the
    /// others serve.
    pub async fn open(
        store: Store,
        identity: Identity,
        feeds: Feeds,
        catalog: ApiCatalog,
        codecs: Codecs,
        sources: Sources,
    ) -> Result<UserModules, UserModuleError> {
        let definitions = Definitions::new(store.database(DEFINITIONS_DATABASE).await?);
        let modules = UserModules {
            inner: Arc::new(Inner {
                store,
                identity,
                feeds,
                catalog,
                codecs,
                sources,
                definitions,
                loaded: RwLock::default(),
                services: RwLock::default(),
                changing: tokio::sync::Mutex::new(()),
            }),
        };
        let defs = modules.inner.definitions.modules(None).await?;
        let mut loaded = Vec::new();
        for def in defs {
            if def.disabled || def.version == 0 {
                continue;
            }
            match modules.load(&def).await {
                Ok(module) => loaded.push(module),
                Err(error) => tracing::error!(
                    org_id = %def.org_id,
                    module = %def.name,
                    %error,
                    "user module did not load; its services are not served"
                ),
            }
        }
        // The catalog takes them in one rebuild; should that fail, one by one, so that only
        // the module at fault is left out.
        let sets: Vec<(String, String, Vec<u8>)> = loaded
            .iter()
            .map(|l| {
                (
                    l.def.catalog_key(),
                    l.def.org_id.clone(),
                    l.schema.served_set.clone(),
                )
            })
            .collect();
        let together = modules.inner.catalog.add_for_orgs(&sets).is_ok();
        let mut serving = 0;
        for module in loaded {
            let (org_id, name) = (module.def.org_id.clone(), module.def.name.clone());
            let served = if together {
                modules.register(Arc::new(module));
                Ok(())
            } else {
                modules.serve(module)
            };
            match served {
                Ok(()) => serving += 1,
                Err(error) => {
                    tracing::error!(%org_id, module = %name, %error, "user module not served")
                }
            }
        }
        tracing::info!(serving, "user modules loaded");
        Ok(modules)
    }

    pub(crate) fn feeds(&self) -> &Feeds {
        &self.inner.feeds
    }

    /// The module serving `service` (a full name), if one does.
    pub(crate) fn by_service(&self, service: &str) -> Option<Arc<Loaded>> {
        self.inner
            .services
            .read()
            .expect("user module services")
            .get(service)
            .cloned()
    }

    /// The module `name` of `org_id` as served now.
    pub(crate) fn loaded(&self, org_id: &str, name: &str) -> Option<Arc<Loaded>> {
        self.inner
            .loaded
            .read()
            .expect("user modules")
            .get(&(org_id.to_owned(), name.to_owned()))
            .cloned()
    }

    /// Opens `def`'s database and compiles its current version.
    async fn load(&self, def: &ModuleDef) -> Result<Loaded, UserModuleError> {
        let version = self.inner.definitions.version(def, def.version).await?;
        let schema = schema::compile(
            &Upload::DescriptorSet(version.user_set()?),
            &Namespace {
                prefix: def.prefix(),
                pinned: Some(def.package.clone()),
            },
        )
        .map_err(UserModuleError::Schema)?;
        self.open_loaded(def.clone(), schema).await
    }

    async fn open_loaded(&self, def: ModuleDef, schema: Schema) -> Result<Loaded, UserModuleError> {
        self.inner
            .store
            .declare_module_databases([def.database.clone()]);
        let db = self.inner.store.database(&def.database).await?;
        let records = Records::new(db, self.inner.identity.clone(), def.org_id.clone());
        Ok(Loaded {
            def,
            schema,
            records,
        })
    }

    /// Puts `loaded` in the catalog and the lookup tables (replacing an earlier version).
    fn serve(&self, loaded: Loaded) -> Result<(), UserModuleError> {
        let loaded = Arc::new(loaded);
        self.inner
            .catalog
            .add_for_org(
                &loaded.def.catalog_key(),
                &loaded.def.org_id,
                &loaded.schema.served_set,
            )
            .map_err(|e| UserModuleError::Catalog(e.to_string()))?;
        self.register(loaded);
        Ok(())
    }

    /// Puts `loaded` (already in the catalog) in the lookup tables, codecs and sources.
    fn register(&self, loaded: Arc<Loaded>) {
        let mut codec = DatabaseCodec::uniform(ValueCodec::Raw);
        for entity in &loaded.schema.entities {
            codec = codec.with(
                record_keyspace(entity),
                ValueCodec::Dynamic(entity.message.clone()),
            );
        }
        self.inner.codecs.set(&loaded.def.database, codec);
        self.inner.sources.add(&loaded.def.database);
        let key = (loaded.def.org_id.clone(), loaded.def.name.clone());
        let mut services = self.inner.services.write().expect("user module services");
        services.retain(|_, l| {
            (l.def.org_id.as_str(), l.def.name.as_str()) != (key.0.as_str(), key.1.as_str())
        });
        for entity in &loaded.schema.entities {
            services.insert(entity.service.clone(), loaded.clone());
        }
        drop(services);
        self.inner
            .loaded
            .write()
            .expect("user modules")
            .insert(key, loaded.clone());
        tracing::info!(
            org_id = %loaded.def.org_id,
            module = %loaded.def.name,
            version = loaded.def.version,
            services = loaded.schema.entities.len(),
            "user module served"
        );
    }

    /// Stops serving module `name` of `org_id`.
    fn unserve(&self, org_id: &str, name: &str) -> Result<(), UserModuleError> {
        let removed = self
            .inner
            .loaded
            .write()
            .expect("user modules")
            .remove(&(org_id.to_owned(), name.to_owned()));
        if let Some(loaded) = removed {
            self.inner
                .services
                .write()
                .expect("user module services")
                .retain(|_, l| !Arc::ptr_eq(l, &loaded));
            self.inner
                .catalog
                .remove(&loaded.def.catalog_key())
                .map_err(|e| UserModuleError::Catalog(e.to_string()))?;
            self.inner.sources.remove(&loaded.def.database);
            tracing::info!(%org_id, module = %name, "user module no longer served");
        }
        Ok(())
    }

    async fn def(&self, org_id: &str, name: &str) -> Result<ModuleDef, UserModuleError> {
        valid_name(name)?;
        self.inner
            .definitions
            .module(org_id, name)
            .await?
            .ok_or_else(|| UserModuleError::NotFound {
                what: "user module",
                name: name.to_owned(),
            })
    }

    /// `CreateModule`.
    pub(crate) async fn create(
        &self,
        caller: &RequestContext,
        org_id: &str,
        name: &str,
        description: &str,
    ) -> Result<ModuleDef, UserModuleError> {
        valid_name(name)?;
        if description.chars().count() > 200 {
            return Err(UserModuleError::invalid(
                "description",
                "at most 200 characters",
            ));
        }
        let org = self.inner.identity.get_org(caller, org_id).await?;
        let _changing = self.inner.changing.lock().await;
        let namespace = self.inner.definitions.namespace(&org.id, &org.name).await?;
        let def = ModuleDef {
            org_id: org.id.clone(),
            name: name.to_owned(),
            description: description.trim().to_owned(),
            database: format!("user.{namespace}.{name}"),
            namespace,
            package: String::new(),
            version: 0,
            disabled: false,
            created_at_ms: now_ms(),
            pages: Default::default(),
        };
        self.inner.definitions.create(&def).await?;
        tracing::info!(%org_id, module = name, "user module created");
        Ok(def)
    }

    /// `UploadSchema`.
    pub(crate) async fn upload(
        &self,
        caller: &RequestContext,
        org_id: &str,
        name: &str,
        upload: Upload,
        validate_only: bool,
    ) -> Result<UploadOutcome, UserModuleError> {
        let principal = caller.require()?.account_id.clone();
        let _changing = self.inner.changing.lock().await;
        let mut def = self.def(org_id, name).await?;
        let current = match def.version {
            0 => None,
            _ => Some(match self.loaded(org_id, name) {
                Some(loaded) => loaded.schema.clone(),
                None => {
                    let version = self.inner.definitions.version(&def, def.version).await?;
                    schema::compile(
                        &Upload::DescriptorSet(version.user_set()?),
                        &Namespace {
                            prefix: def.prefix(),
                            pinned: Some(def.package.clone()),
                        },
                    )
                    .map_err(UserModuleError::Schema)?
                }
            }),
        };
        let namespace = Namespace {
            prefix: def.prefix(),
            pinned: (!def.package.is_empty()).then(|| def.package.clone()),
        };
        let new = match compile_apart(upload.clone(), namespace).await? {
            Ok(new) => new,
            Err(problems) if validate_only => {
                return Ok(UploadOutcome {
                    problems,
                    def: Some(def),
                    ..UploadOutcome::default()
                });
            }
            Err(problems) => return Err(UserModuleError::Schema(problems)),
        };
        let breaking = current
            .as_ref()
            .map(|old| evolution::breaks(old, &new))
            .unwrap_or_default();
        let changes = evolution::additions(current.as_ref(), &new);
        if validate_only {
            return Ok(UploadOutcome {
                breaking,
                changes,
                def: Some(def),
                ..UploadOutcome::default()
            });
        }
        if !breaking.is_empty() {
            return Err(UserModuleError::Breaking {
                version: def.version,
                breaks: breaking,
            });
        }
        def.version += 1;
        def.package = new.package.clone();
        let version = VersionDef {
            version: def.version,
            uploaded_at_ms: now_ms(),
            uploaded_by: principal,
            files: match &upload {
                Upload::Files(files) => files.clone(),
                Upload::DescriptorSet(_) => Vec::new(),
            },
            user_set: VersionDef::encode_set(&new.user_set),
            changes: changes.clone(),
        };
        let loaded = self.open_loaded(def.clone(), new).await?;
        // Fields newly indexed get entries for the records stored before.
        if let Some(old) = &current {
            for entity in &loaded.schema.entities {
                let before: Vec<u32> = old
                    .entities
                    .iter()
                    .find(|e| e.message.full_name() == entity.message.full_name())
                    .map(|e| e.indexed.iter().map(|f| f.number()).collect())
                    .unwrap_or_default();
                let fresh: Vec<_> = entity
                    .indexed
                    .iter()
                    .filter(|f| !before.contains(&f.number()))
                    .cloned()
                    .collect();
                let indexed = loaded.records.backfill(entity, &fresh).await?;
                if indexed > 0 {
                    tracing::info!(module = name, entity = %entity.key, indexed, "records indexed for newly indexed fields");
                }
            }
        }
        // The catalog first: if it refuses the set, nothing is stored.
        if !def.disabled {
            self.serve(loaded)?;
        }
        if let Err(error) = self.inner.definitions.save(&def, Some(&version)).await {
            // Stored nothing: serve the previous version again.
            self.unserve(org_id, name)?;
            if def.version > 1 {
                let mut previous = def.clone();
                previous.version -= 1;
                if let Ok(loaded) = self.load(&previous).await {
                    self.serve(loaded)?;
                }
            }
            return Err(error);
        }
        tracing::info!(%org_id, module = name, version = def.version, "schema version applied");
        Ok(UploadOutcome {
            applied: true,
            changes,
            def: Some(def),
            ..UploadOutcome::default()
        })
    }

    /// `ListModules`: the org's modules.
    pub(crate) async fn list(&self, org_id: &str) -> Result<Vec<ModuleDef>, UserModuleError> {
        self.inner.definitions.modules(Some(org_id)).await
    }

    /// The modules a project's members can use now (served ones of the project's org).
    pub(crate) async fn of_project(
        &self,
        caller: &RequestContext,
        project_id: &str,
    ) -> Result<Vec<Arc<Loaded>>, UserModuleError> {
        let project = self.inner.identity.get_project(caller, project_id).await?;
        let mut modules: Vec<Arc<Loaded>> = self
            .inner
            .loaded
            .read()
            .expect("user modules")
            .values()
            .filter(|l| l.def.org_id == project.org_id)
            .cloned()
            .collect();
        modules.sort_by(|a, b| a.def.name.cmp(&b.def.name));
        Ok(modules)
    }

    /// `GetModule`: the definition, its versions, and what is served.
    pub(crate) async fn get(
        &self,
        org_id: &str,
        name: &str,
    ) -> Result<(ModuleDef, Vec<VersionDef>, Option<Arc<Loaded>>), UserModuleError> {
        let def = self.def(org_id, name).await?;
        let versions = self.inner.definitions.versions(org_id, name).await?;
        Ok((def, versions, self.loaded(org_id, name)))
    }

    /// `SetModuleDisabled`.
    pub(crate) async fn set_disabled(
        &self,
        org_id: &str,
        name: &str,
        disabled: bool,
    ) -> Result<ModuleDef, UserModuleError> {
        let _changing = self.inner.changing.lock().await;
        let mut def = self.def(org_id, name).await?;
        def.disabled = disabled;
        if disabled {
            self.unserve(org_id, name)?;
        } else if def.version > 0 && self.loaded(org_id, name).is_none() {
            let loaded = self.load(&def).await?;
            self.serve(loaded)?;
        }
        self.inner.definitions.save(&def, None).await?;
        Ok(def)
    }

    /// `SetPages`: an org-admin's card templates for one record type.
    pub(crate) async fn set_pages(
        &self,
        org_id: &str,
        name: &str,
        message: &str,
        pages: CustomPages,
    ) -> Result<ModuleDef, UserModuleError> {
        for (field, template) in [
            ("pages.list_card", &pages.list),
            ("pages.detail_card", &pages.detail),
            ("pages.form_card", &pages.form),
        ] {
            cards::check_template(field, template)?;
        }
        let _changing = self.inner.changing.lock().await;
        let mut def = self.def(org_id, name).await?;
        let loaded = self.loaded(org_id, name);
        let known = loaded.as_ref().is_some_and(|l| {
            l.schema
                .entities
                .iter()
                .any(|e| e.message.full_name() == message)
        });
        if !known {
            return Err(UserModuleError::invalid(
                "pages.message",
                format!("{message:?} is not a record type the module serves now"),
            ));
        }
        if pages == CustomPages::default() {
            def.pages.remove(message);
        } else {
            def.pages.insert(message.to_owned(), pages);
        }
        self.inner.definitions.save(&def, None).await?;
        if let Some(loaded) = loaded {
            let refreshed = Loaded {
                def: def.clone(),
                schema: loaded.schema.clone(),
                records: loaded.records.clone(),
            };
            self.serve(refreshed)?;
        }
        Ok(def)
    }

    /// `DeleteModule`: stops serving it, erases its records and change log, forgets it.
    pub(crate) async fn delete(
        &self,
        org_id: &str,
        name: &str,
        confirm: &str,
    ) -> Result<u64, UserModuleError> {
        let _changing = self.inner.changing.lock().await;
        let def = self.def(org_id, name).await?;
        if confirm != name {
            return Err(UserModuleError::invalid(
                "confirm",
                format!(
                    "must repeat the module's name ({name:?}) to delete it and all its records"
                ),
            ));
        }
        let schema = match self.loaded(org_id, name) {
            Some(loaded) => Some(loaded.schema.clone()),
            None if def.version > 0 => self.load(&def).await.ok().map(|l| l.schema),
            None => None,
        };
        self.unserve(org_id, name)?;
        let erased = match schema {
            Some(schema) => {
                let loaded = self.open_loaded(def.clone(), schema).await?;
                loaded.records.erase(&loaded.schema.entities).await?
            }
            None => 0,
        };
        self.inner.codecs.remove(&def.database);
        self.inner.definitions.remove(&def).await?;
        tracing::info!(%org_id, module = name, erased, "user module deleted");
        Ok(erased)
    }
}
