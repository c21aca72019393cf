//! Projects: `ProjectService`'s create, list, get, rename and archive/restore, each audited.
//!
//! A project lives in `projects` and is listed under its org in `org_projects`; both are
//! written in one transaction conditioned on the org as read, so no project lands in an org
//! archived meanwhile. Lists show every project to org-admins and only their own projects to
//! everyone else. This file must not change memberships (`memberships.rs`) or orgs
//! (`orgs.rs`); it only reads the org a project belongs to.

use orbit_proto::orbit::system::records::v1::{OrgRecord, ProjectRecord};
use orbit_proto::orbit::system::v1::{Role, Scope};
use prost::Message;

use super::{
    ORG_PROJECTS, ORGS, PROJECTS, Versioned, archived, org_project_key, valid_id, valid_name,
};
use crate::identity::records::now_ms;
use crate::identity::{AuditEntry, Identity, IdentityError, RequestContext};
use crate::store::{Expect, Transaction, new_id};

impl Identity {
    /// `ProjectService.CreateProject`; refused while the org is archived.
    pub async fn create_project(
        &self,
        caller: &RequestContext,
        org_id: &str,
        name: &str,
    ) -> Result<ProjectRecord, IdentityError> {
        let org_id = valid_id("org_id", org_id)?;
        let name = valid_name("name", name)?;
        let project = ProjectRecord {
            id: new_id(),
            org_id: org_id.to_owned(),
            name,
            archived: false,
            federated: false,
            created_at_ms: now_ms(),
            owner_did: String::new(),
        };
        self.insert_project(caller, project).await
    }

    /// Creates in `org_id` the local copy of a project another instance owns (`owner_did`),
    /// under the owner's project id, when an org-admin accepts its invitation (federation).
    /// Its data arrives from the owner; local writes to it are refused (`writable_scope`).
    pub async fn create_followed_project(
        &self,
        caller: &RequestContext,
        org_id: &str,
        project_id: &str,
        name: &str,
        owner_did: &str,
    ) -> Result<ProjectRecord, IdentityError> {
        let org_id = valid_id("org_id", org_id)?;
        let project_id = valid_id("project_id", project_id)?;
        let name = valid_name("name", name)?;
        if owner_did.is_empty() {
            return Err(IdentityError::InvalidArgument {
                field: "owner_did",
                reason: "is required".into(),
            });
        }
        if let Some(existing) = self.project_record(project_id).await? {
            return if existing.org_id == org_id && existing.owner_did == owner_did {
                Ok(existing)
            } else {
                Err(IdentityError::AlreadyExists {
                    what: format!("project {project_id}"),
                })
            };
        }
        let project = ProjectRecord {
            id: project_id.to_owned(),
            org_id: org_id.to_owned(),
            name,
            archived: false,
            federated: false,
            created_at_ms: now_ms(),
            owner_did: owner_did.to_owned(),
        };
        self.insert_project(caller, project).await
    }

    async fn insert_project(
        &self,
        caller: &RequestContext,
        project: ProjectRecord,
    ) -> Result<ProjectRecord, IdentityError> {
        let org_id = project.org_id.clone();
        let org_id = org_id.as_str();
        let principal = caller.require()?;
        let mut attempt = 0;
        loop {
            let org = self.org_versioned(org_id).await?;
            if org.record.archived {
                return Err(archived("org", org_id));
            }
            let txn = Transaction::new()
                .check(ORGS, org_id, Expect::Version(org.version))
                .put_if(
                    PROJECTS,
                    project.id.clone(),
                    project.encode_to_vec(),
                    Expect::Absent,
                )
                .put_if(
                    ORG_PROJECTS,
                    org_project_key(org_id, &project.id),
                    Vec::new(),
                    Expect::Absent,
                );
            if self.try_commit(caller, txn, &mut attempt).await? {
                break;
            }
        }
        self.audit(
            AuditEntry::new("project.created", &project.id)
                .actor(&principal.account_id)
                .org(org_id)
                .project(&project.id)
                .detail(format!("name {:?}", project.name))
                .client(caller.client_address.as_deref()),
        )
        .await?;
        Ok(project)
    }

    /// `ProjectService.ListProjects`: every project of the org for its org-admins, the
    /// caller's own projects for everyone else; oldest first.
    pub async fn list_projects(
        &self,
        caller: &RequestContext,
        org_id: &str,
        include_archived: bool,
    ) -> Result<Vec<ProjectRecord>, IdentityError> {
        let org_id = valid_id("org_id", org_id)?;
        let principal = self
            .require_role(caller, Scope::Org, org_id, Role::ProjectUser)
            .await?;
        let mut projects = Vec::new();
        for id in self.visible_project_ids(principal, org_id).await? {
            if let Some(project) = self.project_record(&id).await? {
                if project.org_id == org_id && (include_archived || !project.archived) {
                    projects.push(project);
                }
            }
        }
        Ok(projects)
    }

    /// `ProjectService.GetProject`.
    pub async fn get_project(
        &self,
        caller: &RequestContext,
        project_id: &str,
    ) -> Result<ProjectRecord, IdentityError> {
        caller.require()?;
        let project_id = valid_id("project_id", project_id)?;
        self.project_record(project_id)
            .await?
            .ok_or_else(|| IdentityError::not_found("project", project_id))
    }

    /// `ProjectService.RenameProject`; refused while the project or its org is archived.
    pub async fn rename_project(
        &self,
        caller: &RequestContext,
        project_id: &str,
        name: &str,
    ) -> Result<ProjectRecord, IdentityError> {
        let project_id = valid_id("project_id", project_id)?;
        let name = valid_name("name", name)?;
        let principal = caller.require()?;
        let mut attempt = 0;
        let (project, old_name) = loop {
            let (mut project, org) = self.writable_project(project_id).await?;
            if project.record.name == name {
                return Ok(project.record);
            }
            let old_name = std::mem::replace(&mut project.record.name, name.clone());
            if self
                .commit_project(caller, &org, &project, &mut attempt)
                .await?
            {
                break (project.record, old_name);
            }
        };
        self.audit(
            AuditEntry::new("project.renamed", project_id)
                .actor(&principal.account_id)
                .org(&project.org_id)
                .project(project_id)
                .detail(format!("from {old_name:?} to {:?}", project.name))
                .client(caller.client_address.as_deref()),
        )
        .await?;
        Ok(project)
    }

    /// `ProjectService.ArchiveProject`: archives or restores a project; refused while its
    /// org is archived.
    pub async fn archive_project(
        &self,
        caller: &RequestContext,
        project_id: &str,
        archived_now: bool,
    ) -> Result<ProjectRecord, IdentityError> {
        let project_id = valid_id("project_id", project_id)?;
        let principal = caller.require()?;
        let mut attempt = 0;
        let project = loop {
            let mut project = self.project_versioned(project_id).await?;
            let org = self.org_versioned(&project.record.org_id).await?;
            if org.record.archived {
                return Err(archived("org", &org.record.id));
            }
            if project.record.archived == archived_now {
                return Ok(project.record);
            }
            project.record.archived = archived_now;
            if self
                .commit_project(caller, &org, &project, &mut attempt)
                .await?
            {
                break project.record;
            }
        };
        self.audit(
            AuditEntry::new("project.archived", project_id)
                .actor(&principal.account_id)
                .org(&project.org_id)
                .project(project_id)
                .detail(if archived_now { "archived" } else { "restored" })
                .client(caller.client_address.as_deref()),
        )
        .await?;
        Ok(project)
    }

    /// `ProjectService.SetProjectFederation`: turns publishing of the project's change
    /// events to NATS on or off; refused while the project or its org is archived.
    pub async fn set_project_federation(
        &self,
        caller: &RequestContext,
        project_id: &str,
        federated: bool,
    ) -> Result<ProjectRecord, IdentityError> {
        let project_id = valid_id("project_id", project_id)?;
        let principal = caller.require()?;
        let mut attempt = 0;
        let project = loop {
            let (mut project, org) = self.writable_project(project_id).await?;
            if project.record.federated == federated {
                return Ok(project.record);
            }
            project.record.federated = federated;
            if self
                .commit_project(caller, &org, &project, &mut attempt)
                .await?
            {
                break project.record;
            }
        };
        self.audit(
            AuditEntry::new("project.federation", project_id)
                .actor(&principal.account_id)
                .org(&project.org_id)
                .project(project_id)
                .detail(if federated { "on" } else { "off" })
                .client(caller.client_address.as_deref()),
        )
        .await?;
        Ok(project)
    }

    /// Writes `project` back, unless it or its org changed since they were read; `false`
    /// means read both again and retry (see `try_commit`).
    async fn commit_project(
        &self,
        caller: &RequestContext,
        org: &Versioned<OrgRecord>,
        project: &Versioned<ProjectRecord>,
        attempt: &mut usize,
    ) -> Result<bool, IdentityError> {
        let txn = Transaction::new()
            .check(ORGS, org.record.id.clone(), Expect::Version(org.version))
            .put_if(
                PROJECTS,
                project.record.id.clone(),
                project.record.encode_to_vec(),
                Expect::Version(project.version),
            );
        self.try_commit(caller, txn, attempt).await
    }
}
