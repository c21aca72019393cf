//! Orgs, projects and memberships as stored in the system database, and the lookups
//! authorization needs.
//!
//! Keyspaces: `orgs` (org id → OrgRecord), `projects` (project id → ProjectRecord),
//! `org_projects` (`<org id>/<project id>` → empty), `memberships`
//! (`<org id>/<project id or ->/<account id>` → MembershipRecord) and its mirror
//! `account_memberships` (`<account id>/<org id>/<project id or ->` → MembershipRecord),
//! always written together in one transaction.

use orbit_proto::orbit::system::records::v1::{MembershipRecord, OrgRecord, ProjectRecord};
use orbit_proto::orbit::system::v1::Role;

use super::records::load;
use super::{Identity, IdentityError};

pub(crate) const ORGS: &str = "orgs";
pub(crate) const PROJECTS: &str = "projects";
pub(crate) const ORG_PROJECTS: &str = "org_projects";
pub(crate) const MEMBERSHIPS: &str = "memberships";
pub(crate) const ACCOUNT_MEMBERSHIPS: &str = "account_memberships";

/// The `-` that stands for "no project" in membership keys.
const ORG_LEVEL: &str = "-";

/// Key of a membership in `memberships`.
pub(crate) fn membership_key(org_id: &str, project_id: Option<&str>, account_id: &str) -> String {
    format!("{org_id}/{}/{account_id}", project_id.unwrap_or(ORG_LEVEL))
}

/// Key of a membership in `account_memberships`.
pub(crate) fn account_membership_key(
    account_id: &str,
    org_id: &str,
    project_id: Option<&str>,
) -> String {
    format!("{account_id}/{org_id}/{}", project_id.unwrap_or(ORG_LEVEL))
}

impl Identity {
    pub(crate) async fn org_record(
        &self,
        org_id: &str,
    ) -> Result<Option<OrgRecord>, IdentityError> {
        Ok(load::<OrgRecord>(self.db(), "org", ORGS, org_id)
            .await?
            .map(|(org, _)| org))
    }

    pub(crate) async fn project_record(
        &self,
        project_id: &str,
    ) -> Result<Option<ProjectRecord>, IdentityError> {
        Ok(
            load::<ProjectRecord>(self.db(), "project", PROJECTS, project_id)
                .await?
                .map(|(project, _)| project),
        )
    }

    /// The role `account_id` holds directly in the org (`project_id` = None) or project.
    pub(crate) async fn membership_role(
        &self,
        account_id: &str,
        org_id: &str,
        project_id: Option<&str>,
    ) -> Result<Option<Role>, IdentityError> {
        let key = account_membership_key(account_id, org_id, project_id);
        let record =
            load::<MembershipRecord>(self.db(), "membership", ACCOUNT_MEMBERSHIPS, &key).await?;
        Ok(record.and_then(|(m, _)| Role::try_from(m.role).ok()))
    }

    /// Whether `account_id` holds any role in the org or one of its projects.
    pub(crate) async fn belongs_to_org(
        &self,
        account_id: &str,
        org_id: &str,
    ) -> Result<bool, IdentityError> {
        let prefix = format!("{account_id}/{org_id}/");
        let page = self
            .db()
            .scan(ACCOUNT_MEMBERSHIPS, prefix.as_bytes(), None, 1)
            .await?;
        Ok(!page.records.is_empty())
    }
}
