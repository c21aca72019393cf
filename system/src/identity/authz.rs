//! Authorization: does a principal hold the role an RPC declares, where it declares it?
//!
//! Roles nest: a sys-admin may do everything; an org-admin anything inside its org and its
//! projects; a project-admin anything a project-user may, inside its project. On an org,
//! `ROLE_PROJECT_USER` means "belongs to the org or to one of its projects". A caller with no
//! role at all in an org or project is told it was not found, exactly as for an id that does
//! not exist, so existence does not leak across tenants. An API key acts inside its scope only,
//! with the lesser of its own role and its owner's current role there.

use orbit_proto::orbit::system::v1::{Access, Role, Scope};

use super::authz_cache::Fact;
use super::{Credential, Identity, IdentityError, Principal};

/// `ROLE_ORG_ADMIN` → `org-admin`, for messages.
pub(crate) fn role_name(role: Role) -> String {
    role.as_str_name()
        .trim_start_matches("ROLE_")
        .to_lowercase()
        .replace('_', "-")
}

impl Identity {
    /// Whether `principal` (or an anonymous caller) may make a call declared `access` whose
    /// scope field (if the declaration has one) holds `scope_id`.
    pub async fn authorize(
        &self,
        principal: Option<&Principal>,
        access: &Access,
        scope_id: Option<&str>,
    ) -> Result<(), IdentityError> {
        let required = access.role();
        if required == Role::Anonymous {
            return Ok(());
        }
        let Some(principal) = principal else {
            return Err(IdentityError::Unauthenticated(format!(
                "this call needs {}; sign in first",
                role_name(required)
            )));
        };
        let held = match access.scope() {
            Scope::Instance => match (&principal.credential, principal.sys_admin) {
                (Credential::ApiKey { .. }, _) => {
                    return Err(IdentityError::PermissionDenied(
                        "api keys act only inside their org or project".into(),
                    ));
                }
                (Credential::Federated { .. }, _) => {
                    return Err(IdentityError::PermissionDenied(
                        "a member of another instance acts only inside the shared project".into(),
                    ));
                }
                (_, true) => Role::SysAdmin,
                (_, false) => Role::Authenticated,
            },
            Scope::Org => {
                self.role_in_org(principal, required_id(access, scope_id)?)
                    .await?
            }
            Scope::Project => {
                self.role_in_project(principal, required_id(access, scope_id)?)
                    .await?
            }
            Scope::Unspecified => {
                return Err(IdentityError::PermissionDenied(
                    "this call declares no scope".into(),
                ));
            }
        };
        if held >= required {
            Ok(())
        } else {
            Err(IdentityError::PermissionDenied(format!(
                "this call needs {}; you are {}",
                role_name(required),
                role_name(held)
            )))
        }
    }

    /// The principal's effective role in org `org_id`: `NotFound` if it holds none there or
    /// the org does not exist.
    pub async fn role_in_org(
        &self,
        principal: &Principal,
        org_id: &str,
    ) -> Result<Role, IdentityError> {
        let not_found = || IdentityError::not_found("org", org_id);
        if !self.org_exists_cached(org_id).await? {
            return Err(not_found());
        }
        let owner = if principal.sys_admin {
            Some(Role::SysAdmin)
        } else if self
            .membership_role_cached(&principal.account_id, org_id, None)
            .await?
            == Some(Role::OrgAdmin)
        {
            Some(Role::OrgAdmin)
        } else if self
            .belongs_to_org_cached(&principal.account_id, org_id)
            .await?
        {
            Some(Role::ProjectUser)
        } else {
            None
        };
        let held = match &principal.credential {
            Credential::Session { .. } => owner,
            Credential::ApiKey {
                org_id: key_org,
                project_id,
                role,
                ..
            } => {
                if key_org != org_id {
                    None
                } else {
                    // A project-scoped key is only a member of the org, not its admin.
                    let key_role = if project_id.is_some() {
                        (*role).min(Role::ProjectUser)
                    } else {
                        *role
                    };
                    owner.map(|owner| owner.min(key_role))
                }
            }
            // A member of another instance is in no org of this one.
            Credential::Federated { .. } => None,
        };
        held.ok_or_else(not_found)
    }

    /// The principal's effective role in project `project_id`: `NotFound` if it holds none
    /// there or the project does not exist.
    pub async fn role_in_project(
        &self,
        principal: &Principal,
        project_id: &str,
    ) -> Result<Role, IdentityError> {
        let not_found = || IdentityError::not_found("project", project_id);
        let Some(project_org) = self.project_org_cached(project_id).await? else {
            return Err(not_found());
        };
        let owner = if principal.sys_admin {
            Some(Role::SysAdmin)
        } else if self
            .membership_role_cached(&principal.account_id, &project_org, None)
            .await?
            == Some(Role::OrgAdmin)
        {
            Some(Role::OrgAdmin)
        } else {
            self.membership_role_cached(&principal.account_id, &project_org, Some(project_id))
                .await?
        };
        let held = match &principal.credential {
            Credential::Session { .. } => owner,
            Credential::ApiKey {
                org_id: key_org,
                project_id: key_project,
                role,
                ..
            } => {
                let in_scope = *key_org == project_org
                    && key_project.as_deref().is_none_or(|p| p == project_id);
                if in_scope {
                    owner.map(|owner| owner.min(*role))
                } else {
                    None
                }
            }
            // The link grants its role in the shared project only; no membership here.
            Credential::Federated {
                project_id: shared,
                role,
                ..
            } => (shared == project_id).then_some(*role),
        };
        held.ok_or_else(not_found)
    }
}

fn required_id<'a>(access: &Access, scope_id: Option<&'a str>) -> Result<&'a str, IdentityError> {
    match scope_id {
        Some(id) if !id.is_empty() => Ok(id),
        _ => Err(IdentityError::InvalidArgument {
            field: "scope",
            reason: format!("{} is required", access.scope_field),
        }),
    }
}

/// Cached reads of the tenancy facts above (see `authz_cache`).
impl Identity {
    async fn org_exists_cached(&self, org_id: &str) -> Result<bool, IdentityError> {
        let key = format!("org/{org_id}");
        if let Some(Fact::OrgExists(exists)) = self.inner.authz_cache.get(&key) {
            return Ok(exists);
        }
        let exists = self.org_record(org_id).await?.is_some();
        self.inner.authz_cache.put(key, Fact::OrgExists(exists));
        Ok(exists)
    }

    async fn project_org_cached(&self, project_id: &str) -> Result<Option<String>, IdentityError> {
        let key = format!("project/{project_id}");
        if let Some(Fact::ProjectOrg(org)) = self.inner.authz_cache.get(&key) {
            return Ok(org);
        }
        let org = self.project_record(project_id).await?.map(|p| p.org_id);
        self.inner
            .authz_cache
            .put(key, Fact::ProjectOrg(org.clone()));
        Ok(org)
    }

    async fn membership_role_cached(
        &self,
        account_id: &str,
        org_id: &str,
        project_id: Option<&str>,
    ) -> Result<Option<Role>, IdentityError> {
        let key = format!("role/{account_id}/{org_id}/{}", project_id.unwrap_or("-"));
        if let Some(Fact::Role(role)) = self.inner.authz_cache.get(&key) {
            return Ok(role);
        }
        let role = self.membership_role(account_id, org_id, project_id).await?;
        self.inner.authz_cache.put(key, Fact::Role(role));
        Ok(role)
    }

    async fn belongs_to_org_cached(
        &self,
        account_id: &str,
        org_id: &str,
    ) -> Result<bool, IdentityError> {
        let key = format!("belongs/{account_id}/{org_id}");
        if let Some(Fact::Belongs(belongs)) = self.inner.authz_cache.get(&key) {
            return Ok(belongs);
        }
        let belongs = self.belongs_to_org(account_id, org_id).await?;
        self.inner.authz_cache.put(key, Fact::Belongs(belongs));
        Ok(belongs)
    }
}
