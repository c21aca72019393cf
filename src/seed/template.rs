//! What to seed: the sizes of every phase, from flags or a bootstrap template (YAML).
//!
//! The schema is the [`Template`] struct: unknown keys are refused with their line and
//! column (serde's `deny_unknown_fields`, located by serde_norway), sizes are bounded, and
//! [`Template::check_modules`] refuses a module the server does not run, before anything
//! is written. It holds no I/O beyond reading the file.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::bail;
use serde::{Deserialize, Serialize};

/// Sizes of one seeding run. Every key is optional; missing ones take the defaults below.
///
/// ```yaml
/// orgs: 2
/// projects_per_org: 2
/// users_per_org: { org_admin: 1, project_admin: 1, project_user: 3 }
/// records_per_project: 100
/// views_per_project: 2
/// modules:                       # leave out to seed every module the server runs
///   chat: { rooms_per_project: 2, messages_per_room: 20 }
///   survey: { calls_per_project: 5 }   # surveys per project (at most 9), opened and answered
///   video: { calls_per_project: 2 }    # any other module: its create-like RPCs, generated
/// user_modules:                  # created in every org, then filled like any module
///   - name: crm
///     description: Customers
///     records_per_project: 20      # records of each of its record types
///     proto: |                     # the schema; its `package` line is set to the org's
///       syntax = "proto3";         # namespace (orbit.user.<namespace>.<name>.v1)
///       ...
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct Template {
    /// Organisations to create.
    pub(crate) orgs: u32,
    /// Projects in each organisation.
    pub(crate) projects_per_org: u32,
    /// People in each organisation, by role.
    pub(crate) users_per_org: Roles,
    /// Records (RecordService) in each project, spread over a few entity types.
    pub(crate) records_per_project: u32,
    /// Materialised views (ViewService) in each project (at most one per entity type).
    pub(crate) views_per_project: u32,
    /// Modules to seed and their sizes; `None`: every module the server runs, default sizes.
    pub(crate) modules: Option<BTreeMap<String, ModuleSizes>>,
    /// User modules to define in every org (UserModuleService) and fill.
    pub(crate) user_modules: Vec<UserModuleTemplate>,
}

/// A user module the seeder defines in each org and fills with generated records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct UserModuleTemplate {
    pub(crate) name: String,
    #[serde(default)]
    pub(crate) description: String,
    /// Records of each record type, per project.
    #[serde(default)]
    pub(crate) records_per_project: u32,
    /// The .proto source; its `package` line is replaced by the org's package.
    pub(crate) proto: String,
}

/// The demo's user module (a small CRM).
pub(crate) const DEMO_CRM: &str = include_str!("crm.proto");

/// People of one organisation, by role. Every project-user joins every project of the org;
/// project-admins are spread over the projects, one project each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct Roles {
    pub(crate) org_admin: u32,
    pub(crate) project_admin: u32,
    pub(crate) project_user: u32,
}

/// Sizes of one module. Chat reads `rooms_per_project` and `messages_per_room`; any other
/// module reads `calls_per_project` (calls of each of its create-like RPCs per project).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct ModuleSizes {
    pub(crate) rooms_per_project: u32,
    pub(crate) messages_per_room: u32,
    pub(crate) calls_per_project: u32,
}

/// Record shapes, hence the most views a project can have (one per shape).
pub(crate) const MAX_VIEWS: u32 = 4;

impl Default for Template {
    fn default() -> Self {
        Template {
            orgs: 2,
            projects_per_org: 2,
            users_per_org: Roles::default(),
            records_per_project: 100,
            views_per_project: 2,
            modules: None,
            user_modules: Vec::new(),
        }
    }
}

impl Default for Roles {
    fn default() -> Self {
        Roles {
            org_admin: 1,
            project_admin: 1,
            project_user: 3,
        }
    }
}

impl Default for ModuleSizes {
    fn default() -> Self {
        ModuleSizes {
            rooms_per_project: 2,
            messages_per_room: 20,
            calls_per_project: 5,
        }
    }
}

impl Roles {
    pub(crate) fn total(&self) -> u32 {
        self.org_admin + self.project_admin + self.project_user
    }
}

impl Template {
    /// The small demo `orbit serve` seeds on a fresh data directory.
    pub(crate) fn demo() -> Template {
        Template {
            orgs: 1,
            projects_per_org: 2,
            users_per_org: Roles {
                org_admin: 1,
                project_admin: 1,
                project_user: 3,
            },
            records_per_project: 40,
            views_per_project: 2,
            modules: None,
            user_modules: vec![UserModuleTemplate {
                name: "crm".into(),
                description: "Contacts and deals (a user module, defined at run time)".into(),
                records_per_project: 12,
                proto: DEMO_CRM.into(),
            }],
        }
    }

    /// Reads and checks a template file; an error is one line naming the file, the problem
    /// and (for YAML errors) the line and column.
    pub(crate) fn load(path: &Path) -> anyhow::Result<Template> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| anyhow::anyhow!("cannot read the template {}: {e}", path.display()))?;
        Template::parse(&text).map_err(|e| anyhow::anyhow!("template {}: {e}", path.display()))
    }

    /// Parses and checks template text.
    pub(crate) fn parse(text: &str) -> anyhow::Result<Template> {
        // An empty file is the defaults (serde_norway reads it as null).
        let template: Template = if text.trim().is_empty() {
            Template::default()
        } else {
            serde_norway::from_str(text).map_err(|e| {
                let message = e.to_string();
                // serde_norway puts the location at the end already ("at line 3 column 1");
                // make sure it is there even when a message has none.
                match e.location() {
                    Some(at) if !message.contains("line") => {
                        anyhow::anyhow!("{message} at line {} column {}", at.line(), at.column())
                    }
                    _ => anyhow::anyhow!("{message}"),
                }
            })?
        };
        template.validate()?;
        Ok(template)
    }

    /// Bounds every size, so a typo cannot ask for a billion records.
    pub(crate) fn validate(&self) -> anyhow::Result<()> {
        let bounded = |name: &str, value: u32, max: u32| {
            if value > max {
                bail!("{name} is {value}, more than the {max} a seeding run allows");
            }
            Ok(())
        };
        bounded("orgs", self.orgs, 100)?;
        bounded("projects_per_org", self.projects_per_org, 100)?;
        bounded("users_per_org.org_admin", self.users_per_org.org_admin, 100)?;
        bounded(
            "users_per_org.project_admin",
            self.users_per_org.project_admin,
            1000,
        )?;
        bounded(
            "users_per_org.project_user",
            self.users_per_org.project_user,
            1000,
        )?;
        bounded("records_per_project", self.records_per_project, 10_000_000)?;
        bounded("views_per_project", self.views_per_project, MAX_VIEWS)?;
        for module in &self.user_modules {
            bounded(
                &format!("user_modules.{}.records_per_project", module.name),
                module.records_per_project,
                100_000,
            )?;
        }
        for (name, sizes) in self.modules.iter().flatten() {
            if name == "records" {
                bail!("modules.records: records are sized by records_per_project; remove it");
            }
            bounded(
                &format!("modules.{name}.rooms_per_project"),
                sizes.rooms_per_project,
                100,
            )?;
            bounded(
                &format!("modules.{name}.messages_per_room"),
                sizes.messages_per_room,
                100_000,
            )?;
            bounded(
                &format!("modules.{name}.calls_per_project"),
                sizes.calls_per_project,
                10_000,
            )?;
        }
        if self.projects_per_org == 0
            && (self.users_per_org.project_admin > 0 || self.users_per_org.project_user > 0)
        {
            bail!("users_per_org has project roles but projects_per_org is 0; add projects");
        }
        Ok(())
    }

    /// Refuses a template naming a module the server does not run (`running`: the names
    /// GetInstanceInfo lists).
    pub(crate) fn check_modules(&self, running: &[String]) -> anyhow::Result<()> {
        for name in self.modules.iter().flat_map(|m| m.keys()) {
            if !running.iter().any(|r| r == name) {
                bail!(
                    "the template seeds module `{name}`, which this server does not run (it runs: {}); remove it from the template or seed a server that has it",
                    running.join(", ")
                );
            }
        }
        Ok(())
    }

    /// The modules to seed (besides records) and their sizes.
    pub(crate) fn modules_to_seed(&self, running: &[String]) -> BTreeMap<String, ModuleSizes> {
        match &self.modules {
            Some(modules) => modules.clone(),
            // Records are their own phase; bootstrap templates are not demo data.
            None => running
                .iter()
                .filter(|name| *name != "records" && *name != "bootstrap")
                .map(|name| (name.clone(), ModuleSizes::default()))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_template_reads_back() {
        let template = Template::parse(
            "orgs: 3\nprojects_per_org: 1\nusers_per_org:\n  project_user: 2\nrecords_per_project: 7\nmodules:\n  chat: { rooms_per_project: 1, messages_per_room: 4 }\n",
        )
        .unwrap();
        assert_eq!(template.orgs, 3);
        assert_eq!(template.users_per_org.project_user, 2);
        assert_eq!(
            template.users_per_org.org_admin, 1,
            "defaults fill the rest"
        );
        assert_eq!(template.modules.unwrap()["chat"].messages_per_room, 4);
        assert_eq!(Template::parse("").unwrap(), Template::default());
    }

    #[test]
    fn unknown_keys_are_refused_with_line_and_column() {
        let error = Template::parse("orgs: 1\nrecords_per_projekt: 5\n").unwrap_err();
        let message = error.to_string();
        assert!(
            message.contains("unknown field `records_per_projekt`"),
            "{message}"
        );
        assert!(message.contains("line 2 column 1"), "{message}");
        let nested = Template::parse("users_per_org:\n  owner: 1\n").unwrap_err();
        assert!(nested.to_string().contains("line 2 column 3"), "{nested}");
    }

    #[test]
    fn modules_the_server_lacks_are_refused() {
        let template = Template::parse("modules:\n  survey: {}\n").unwrap();
        let error = template
            .check_modules(&["records".into(), "chat".into()])
            .unwrap_err();
        assert!(error.to_string().contains("module `survey`"), "{error}");
        assert!(Template::default().check_modules(&[]).is_ok());
    }

    #[test]
    fn sizes_are_bounded() {
        assert!(Template::parse("views_per_project: 9").is_err());
        assert!(Template::parse("orgs: 100000").is_err());
    }
}
