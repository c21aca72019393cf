//! The registry the server is assembled from: the compiled-in modules (records first), built
//! in the root binary from cargo features. It names every module database (the store refuses
//! any other name), every feed clients may follow, and builds each module on its own context.

use std::sync::{Arc, Mutex};

use orbit_cdc::codec::Codecs;
use orbit_cdc::feed::Feeds;
use orbit_cdc::view::ViewEngine;
use orbit_proto::orbit::system::v1 as pb;
use orbit_system::identity::Identity;
use orbit_system::store::Store;

use crate::{Module, ModuleContext, ModuleError, Part, Service, check_pages};

/// The compiled-in modules of one binary.
#[derive(Clone)]
pub struct Registry {
    modules: Vec<Arc<dyn Module>>,
}

impl std::fmt::Debug for Registry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.names()).finish()
    }
}

/// The modules once built: their services, background parts and status.
#[derive(Debug)]
pub struct Running {
    pub services: Vec<Service>,
    pub parts: Vec<Box<dyn Part>>,
    /// What `ModuleService.ListModules` answers.
    pub status: Arc<Mutex<Vec<pb::ModuleInfo>>>,
}

impl Registry {
    /// The registry of `modules`; names and GUI routes must be unique, and every card page
    /// must be one the GUI can draw over Orbit's API ([`check_pages`]).
    pub fn new(modules: Vec<Arc<dyn Module>>) -> Result<Registry, ModuleError> {
        let pool = prost_reflect::DescriptorPool::decode(orbit_proto::FILE_DESCRIPTOR_SET)
            .expect("the embedded descriptor set decodes");
        let mut seen = std::collections::HashSet::new();
        let mut routes = std::collections::HashMap::new();
        for module in &modules {
            let manifest = module.manifest();
            if !seen.insert(manifest.name) {
                return Err(ModuleError::Duplicate(manifest.name.to_owned()));
            }
            check_pages(&manifest, &pool)?;
            for page in &manifest.pages {
                if let Some(first) = routes.insert(page.route, manifest.name) {
                    return Err(ModuleError::RouteClash {
                        route: page.route.to_owned(),
                        first: first.to_owned(),
                        second: manifest.name.to_owned(),
                    });
                }
            }
        }
        Ok(Registry { modules })
    }

    /// The modules' manifests, in registration order.
    pub fn manifests(&self) -> Vec<crate::Manifest> {
        self.modules.iter().map(|m| m.manifest()).collect()
    }

    /// The modules' names, in registration order.
    pub fn names(&self) -> Vec<&'static str> {
        self.modules.iter().map(|m| m.manifest().name).collect()
    }

    /// Checks that every module a configuration asks for is compiled in.
    pub fn require(&self, wanted: &[String]) -> Result<(), ModuleError> {
        let names = self.names();
        for name in wanted {
            if !names.contains(&name.as_str()) {
                return Err(ModuleError::NotCompiledIn(name.clone(), names.join(", ")));
            }
        }
        Ok(())
    }

    /// The modules to run: `wanted` (records always), or all when `wanted` is empty.
    pub fn enabled(&self, wanted: &[String]) -> Result<Registry, ModuleError> {
        self.require(wanted)?;
        if wanted.is_empty() {
            return Ok(self.clone());
        }
        Ok(Registry {
            modules: self
                .modules
                .iter()
                .filter(|m| {
                    let name = m.manifest().name;
                    name == "records" || wanted.iter().any(|w| w == name)
                })
                .cloned()
                .collect(),
        })
    }

    /// The databases modules own (one each, named after the module).
    pub fn databases(&self) -> Vec<String> {
        self.names().into_iter().map(String::from).collect()
    }

    /// The databases whose change feeds clients may follow and views may fold.
    pub fn feeds(&self) -> Vec<String> {
        self.modules
            .iter()
            .map(|m| m.manifest())
            .filter(|m| m.has_feed)
            .map(|m| m.name.to_owned())
            .collect()
    }

    /// How each module's values read.
    pub fn codecs(&self) -> Codecs {
        Codecs::new(
            self.modules
                .iter()
                .map(|m| (m.manifest().name.to_owned(), m.codec())),
        )
    }

    /// The module named `name`.
    pub fn get(&self, name: &str) -> Option<&Arc<dyn Module>> {
        self.modules.iter().find(|m| m.manifest().name == name)
    }

    /// Builds every module on its own context. A module that fails is reported (state
    /// FAILED, with the reason) and left out; the others serve.
    pub async fn build(
        &self,
        store: &Store,
        identity: &Identity,
        feeds: &Feeds,
        views: &ViewEngine,
    ) -> Running {
        let mut running = Running {
            services: Vec::new(),
            parts: Vec::new(),
            status: Arc::default(),
        };
        let mut status = Vec::new();
        for module in &self.modules {
            let manifest = module.manifest();
            let mut info = pb::ModuleInfo {
                name: manifest.name.to_owned(),
                version: manifest.version.to_owned(),
                description: manifest.description.to_owned(),
                services: manifest.services.iter().map(|s| s.to_string()).collect(),
                views: manifest.views.iter().map(|s| s.to_string()).collect(),
                pages: manifest.pages.iter().map(|p| p.to_proto()).collect(),
                state: pb::ModuleState::Running as i32,
                error: String::new(),
                has_feed: manifest.has_feed,
            };
            let built = match store.database(manifest.name).await {
                Ok(database) => {
                    let context = ModuleContext {
                        database,
                        identity: identity.clone(),
                        feeds: feeds.clone(),
                        views: views.clone(),
                    };
                    module.build(context).await
                }
                Err(error) => Err(error.into()),
            };
            match built {
                Ok(built) => {
                    tracing::info!(
                        module = manifest.name,
                        version = manifest.version,
                        "module started"
                    );
                    running.services.extend(built.services);
                    running.parts.extend(built.parts);
                }
                Err(error) => {
                    tracing::error!(module = manifest.name, %error, "module failed to start; its services are not served");
                    info.state = pb::ModuleState::Failed as i32;
                    info.error = error.to_string();
                }
            }
            status.push(info);
        }
        *running.status.lock().expect("module status") = status;
        running
    }
}
