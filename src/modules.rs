//! The compiled-in modules: the one place that names them. Records and bootstrap (the
//! binary's own, `src/bootstrap/`: it runs the seeder) are always in; each other
//! module is a cargo feature of this binary (`chat`, `video`, default on), so a build without
//! the feature contains none of its code. Everything else (the server's routes and health, the
//! databases the store allows, the feeds clients may follow, the views' sources) is read
//! from the [`Registry`] built here. A module with settings (video) is constructed with them:
//! [`configured`] for `orbit serve`; [`registry`] (default settings) answers what no setting
//! changes (names, databases, feeds, codecs).

use std::sync::{Arc, OnceLock};

use orbit_cdc::codec::Codecs;
use orbit_cdc::sources::Sources;
use orbit_module::{Module, RecordsModule, Registry};

use crate::bootstrap::BootstrapModule;
use crate::config::VideoSettings;

/// The databases of the instance itself, in the main store; each module's lives apart, in
/// its own file or schema (`Store::declare_module_databases`).
pub(crate) const SYSTEM_DATABASES: [&str; 5] = [
    "system",
    "views",
    "relay",
    orbit_federation::FEDERATION_DATABASE,
    orbit_usermod::DEFINITIONS_DATABASE,
];

/// The registry of this build, its modules built with default settings.
pub(crate) fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| configured(&VideoSettings::default(), BootstrapModule::default()))
}

/// The registry of this build, its modules constructed with their settings from the
/// configuration (unused by a build without the module).
#[cfg_attr(not(feature = "video"), allow(unused_variables))]
pub(crate) fn configured(video: &VideoSettings, bootstrap: BootstrapModule) -> Registry {
    let modules: Vec<Arc<dyn Module>> = vec![
        Arc::new(RecordsModule),
        Arc::new(bootstrap),
        #[cfg(feature = "chat")]
        Arc::new(orbit_chat::ChatModule),
        #[cfg(feature = "video")]
        Arc::new(orbit_video::VideoModule::new(video.clone())),
        #[cfg(feature = "survey")]
        Arc::new(orbit_survey::SurveyModule),
    ];
    Registry::new(modules).expect("compiled-in modules have unique names")
}

/// The databases whose feeds clients may follow and views may fold: the compiled-in
/// modules' with a feed, and user modules' while they exist (one list, shared).
pub(crate) fn sources() -> &'static Sources {
    static SOURCES: OnceLock<Sources> = OnceLock::new();
    SOURCES.get_or_init(|| Sources::new(registry().feeds()))
}

/// How each database's values read: the compiled-in modules', and user modules' while they
/// exist (one table, shared by feeds, views and the relay).
pub(crate) fn codecs() -> &'static Codecs {
    static CODECS: OnceLock<Codecs> = OnceLock::new();
    CODECS.get_or_init(|| registry().codecs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_compiled_in_page_can_be_drawn_and_routes_do_not_clash() {
        // Registry::new checks each card page against the API (check_pages) and the routes.
        let registry = registry();
        let pages: Vec<_> = registry
            .manifests()
            .into_iter()
            .flat_map(|m| m.pages.into_iter().map(move |p| (m.name, p)))
            .collect();
        assert!(
            pages
                .iter()
                .any(|(m, p)| *m == "records" && p.route == "/p/:project/records")
        );
        #[cfg(feature = "video")]
        assert!(
            pages.iter().any(
                |(m, p)| *m == "video" && matches!(p.view, orbit_module::PageView::Card { .. })
            )
        );
    }
}
