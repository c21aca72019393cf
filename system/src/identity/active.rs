//! Whether an org or project still takes changes (an archived one is read-only for records,
//! views and API keys alike), and the signal that tenancy changed. Reads only; the changes
//! themselves live in `tenancy/`.

use super::{Identity, IdentityError};
use crate::store::EventScope;

impl Identity {
    /// Ticks whenever this process changes a membership, a role or an archival: live
    /// streams re-decide their caller's access at once instead of at their next recheck.
    pub fn tenancy_changes(&self) -> tokio::sync::watch::Receiver<u64> {
        self.inner.authz_cache.changes()
    }

    /// Refuses ([`IdentityError::Archived`], naming which) when `project_id` (if given) or
    /// `org_id` is archived; an unknown one is NotFound.
    pub async fn require_active(
        &self,
        org_id: &str,
        project_id: Option<&str>,
    ) -> Result<(), IdentityError> {
        match project_id {
            Some(project_id) => self.writable_scope(project_id, "").await.map(|_| ()),
            None => self.require_active_org(org_id).await,
        }
    }

    /// The scope of a change to `entity` in `project_id`, refused
    /// ([`IdentityError::Archived`], naming which) while the project or its org is archived;
    /// an unknown project is NotFound. Records and every module take their writes' scope from
    /// here. The project lives in `system` and the write in another database, so this is a
    /// read before the write, not a condition of it.
    pub async fn writable_scope(
        &self,
        project_id: &str,
        entity: &str,
    ) -> Result<EventScope, IdentityError> {
        let project = self
            .project_record(project_id)
            .await?
            .ok_or_else(|| IdentityError::not_found("project", project_id))?;
        if project.archived {
            return Err(IdentityError::Archived {
                what: "project",
                id: project.id,
            });
        }
        if !project.owner_did.is_empty() {
            return Err(IdentityError::FailedPrecondition(format!(
                "project {} is followed from the instance {}: its data changes there, not here",
                project.id, project.owner_did
            )));
        }
        self.require_active_org(&project.org_id).await?;
        Ok(EventScope {
            org_id: project.org_id,
            project_id: project.id,
            entity: entity.to_owned(),
            federated: project.federated,
        })
    }

    async fn require_active_org(&self, org_id: &str) -> Result<(), IdentityError> {
        let org = self
            .org_record(org_id)
            .await?
            .ok_or_else(|| IdentityError::not_found("org", org_id))?;
        if org.archived {
            return Err(IdentityError::Archived {
                what: "org",
                id: org.id,
            });
        }
        Ok(())
    }
}
