//! A module's GUI pages, as data: the GUI builds its router from them. A page is either
//! written in the GUI's code (the chat timeline, a video call) or an Adaptive Cards template
//! that the GUI expands with the answers of the module's own RPCs, so a module adds pages
//! with no GUI code. [`check_pages`] holds every card page to what the GUI can render.

use orbit_proto::orbit::system::v1 as pb;
use prost_reflect::{DescriptorPool, DynamicMessage};

/// A GUI page of a module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Stable name; a hand-written page is `<module>.<name>` in the GUI's code.
    pub name: &'static str,
    /// Route in the GUI, e.g. `/p/:project/chat`.
    pub route: &'static str,
    /// Fluent message id of its title.
    pub title_id: &'static str,
    /// Whether the navigation lists it.
    pub in_nav: bool,
    /// How the GUI draws it.
    pub view: PageView,
}

/// How the GUI draws a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageView {
    /// Written in the GUI's code, where cards cannot do the job.
    HandWritten,
    /// An Adaptive Card template (JSON) expanded with the answers of `data`.
    Card {
        template: &'static str,
        data: Vec<PageData>,
    },
}

/// An RPC whose answer a card page shows, bound under `name`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageData {
    pub name: &'static str,
    /// Full method name, `package.Service/Method`.
    pub method: &'static str,
    /// Request as protobuf JSON; `{param}` is replaced by the route parameter.
    pub request: &'static str,
}

impl Page {
    /// A hand-written page.
    pub const fn hand_written(
        name: &'static str,
        route: &'static str,
        title_id: &'static str,
        in_nav: bool,
    ) -> Self {
        Page {
            name,
            route,
            title_id,
            in_nav,
            view: PageView::HandWritten,
        }
    }

    pub(crate) fn to_proto(&self) -> pb::ModulePage {
        let (card, data) = match &self.view {
            PageView::HandWritten => (String::new(), Vec::new()),
            PageView::Card { template, data } => (
                (*template).to_owned(),
                data.iter()
                    .map(|d| pb::ModulePageData {
                        name: d.name.to_owned(),
                        method: d.method.to_owned(),
                        request: d.request.to_owned(),
                    })
                    .collect(),
            ),
        };
        pb::ModulePage {
            name: self.name.to_owned(),
            route: self.route.to_owned(),
            title_id: self.title_id.to_owned(),
            in_nav: self.in_nav,
            card,
            data,
            title: String::new(),
            watch: None,
        }
    }
}

/// Why a module's page cannot be drawn.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("page {page:?} of module {module:?}: {problem}")]
pub struct PageError {
    pub module: String,
    pub page: String,
    pub problem: String,
}

/// Checks what the GUI relies on: routes start with `/` and are unique, each card template is
/// an Adaptive Card, each data RPC is a unary method of the module's own services whose request
/// JSON (route parameters filled in) decodes, and every `{param}` it uses is in the route.
pub fn check_pages(manifest: &crate::Manifest, pool: &DescriptorPool) -> Result<(), PageError> {
    let mut routes = std::collections::HashSet::new();
    for page in &manifest.pages {
        let fail = |problem: String| PageError {
            module: manifest.name.to_owned(),
            page: page.name.to_owned(),
            problem,
        };
        if !page.route.starts_with('/') || !routes.insert(page.route) {
            return Err(fail(format!(
                "route {:?} is not an absolute path used once",
                page.route
            )));
        }
        let PageView::Card { template, data } = &page.view else {
            continue;
        };
        let card: serde_json::Value = serde_json::from_str(template)
            .map_err(|e| fail(format!("the card template is not JSON: {e}")))?;
        if card.get("type").and_then(|t| t.as_str()) != Some("AdaptiveCard") {
            return Err(fail(
                "the card template's type is not \"AdaptiveCard\"".into(),
            ));
        }
        let params: Vec<&str> = page
            .route
            .split('/')
            .filter_map(|p| p.strip_prefix(':'))
            .collect();
        for d in data {
            let (service, method) = d.method.split_once('/').ok_or_else(|| {
                fail(format!(
                    "data {:?}: method {:?} is not Service/Method",
                    d.name, d.method
                ))
            })?;
            if !manifest.services.contains(&service) {
                return Err(fail(format!(
                    "data {:?}: {service} is not a service of this module",
                    d.name
                )));
            }
            let m = pool
                .get_service_by_name(service)
                .and_then(|s| s.methods().find(|m| m.name() == method))
                .ok_or_else(|| fail(format!("data {:?}: no method {}", d.name, d.method)))?;
            if m.is_client_streaming() || m.is_server_streaming() {
                return Err(fail(format!(
                    "data {:?}: {} is not unary",
                    d.name, d.method
                )));
            }
            if let Some(p) = placeholders(d.request).find(|p| !params.contains(p)) {
                return Err(fail(format!(
                    "data {:?}: the request uses {{{p}}}, which the route lacks",
                    d.name
                )));
            }
            let mut request = d.request.to_owned();
            for p in &params {
                request = request.replace(&format!("{{{p}}}"), "x");
            }
            let mut de = serde_json::Deserializer::from_str(&request);
            DynamicMessage::deserialize(m.input(), &mut de).map_err(|e| {
                fail(format!(
                    "data {:?}: the request does not decode as {}: {e}",
                    d.name,
                    m.input().full_name()
                ))
            })?;
        }
    }
    Ok(())
}

/// The `{name}` placeholders in a request template (a JSON object's own braces are followed
/// by a quote, a space or a closing brace, never by a letter).
fn placeholders(request: &str) -> impl Iterator<Item = &str> {
    request.split('{').skip(1).filter_map(|rest| {
        let end = rest.find('}')?;
        let name = &rest[..end];
        let ok = name.starts_with(|c: char| c.is_ascii_alphabetic())
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        ok.then_some(name)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Manifest;

    fn manifest(route: &'static str, template: &'static str, request: &'static str) -> Manifest {
        Manifest {
            name: "records",
            version: "1",
            description: "",
            services: vec!["orbit.system.v1.RecordService"],
            views: vec![],
            pages: vec![Page {
                name: "list",
                route,
                title_id: "records-title",
                in_nav: true,
                view: PageView::Card {
                    template,
                    data: vec![PageData {
                        name: "types",
                        method: "orbit.system.v1.RecordService/ListRecords",
                        request,
                    }],
                },
            }],
            has_feed: true,
        }
    }

    fn pool() -> DescriptorPool {
        DescriptorPool::decode(orbit_proto::FILE_DESCRIPTOR_SET).unwrap()
    }

    const CARD: &str = r#"{"type":"AdaptiveCard","version":"1.5","body":[]}"#;

    #[test]
    fn a_card_page_over_its_own_rpc_passes() {
        let m = manifest("/p/:project/types", CARD, r#"{"projectId":"{project}"}"#);
        check_pages(&m, &pool()).unwrap();
    }

    #[test]
    fn what_the_gui_cannot_draw_is_named() {
        let cases = [
            (manifest("p/:project/types", CARD, "{}"), "absolute path"),
            (manifest("/p/:project/types", "{", "{}"), "not JSON"),
            (
                manifest("/p/:project/types", r#"{"type":"Card"}"#, "{}"),
                "not \"AdaptiveCard\"",
            ),
            (
                manifest("/types", CARD, r#"{"projectId":"{project}"}"#),
                "uses {project}",
            ),
            (
                manifest("/p/:project/types", CARD, r#"{"nope":1}"#),
                "does not decode",
            ),
        ];
        for (m, expected) in cases {
            let e = check_pages(&m, &pool()).unwrap_err();
            assert!(e.to_string().contains(expected), "{e} lacks {expected:?}");
        }
    }

    #[test]
    fn placeholders_are_told_from_json_braces() {
        let found: Vec<_> =
            placeholders(r#"{"a":"{project}","b":{"c":"{room_id}"},"d":{}}"#).collect();
        assert_eq!(found, ["project", "room_id"]);
    }
}
