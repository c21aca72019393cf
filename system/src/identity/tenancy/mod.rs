//! Orgs, projects and memberships: creating, renaming, archiving and listing them, adding and
//! removing members, and the lookups authorization needs.
//!
//! Keyspaces: `orgs` (org id → OrgRecord), `projects` (project id → ProjectRecord),
//! `org_projects` (`<org id>/<project id>` → empty), `memberships`
//! (`<org id>/<project id or ->/<account id>` → MembershipRecord) and its mirror
//! `account_memberships` (`<account id>/<org id>/<project id or ->` → MembershipRecord).
//! Related keys are always written in one transaction whose conditions name every record the
//! decision was based on (the org and project read, the membership replaced, the other
//! org-admin that keeps an org administered), so concurrent requests cannot leave a
//! membership without its mirror, a project in an archived org, or an org without admins;
//! a request that loses such a race re-reads and decides again.
//!
//! Authorization: each public method serves the RPC it names and expects its caller to have
//! passed that RPC's access declaration (the auth layer checks it with
//! [`Identity::authorize`] before any handler runs). What a declaration cannot say is enforced
//! here: which orgs, projects and members a list shows to whom (lists also check the
//! declaration again, since their answer depends on the caller), that archived orgs and
//! projects are read-only (only restoring them is allowed), that an org keeps an org-admin,
//! and which roles a membership may have. Accounts are only read here (to resolve an e-mail
//! address, normalised and indexed as `accounts.rs` does, and to name members).
//!
//! Code map: this file holds the keyspaces, their key helpers, input validation and the
//! lookups shared by the other files here and by `authz.rs` and `api_keys.rs`; `orgs.rs`,
//! `projects.rs` and `memberships.rs` hold the RPCs of `OrgService`, `ProjectService` and
//! `MembershipService`, except its invitations (opened by `memberships.rs` for anyone not
//! yet a member; listed, accepted, declined and revoked in `invitations.rs`); `testkit.rs`
//! is what tests across identity share and `tests.rs` the scenarios that drive all three
//! together. This file must not grow an RPC: each belongs
//! in the file of its service.

mod invitations;
mod memberships;
mod orgs;
mod projects;
#[cfg(test)]
pub(crate) mod testkit;
#[cfg(test)]
mod tests;

use std::collections::BTreeSet;

use orbit_proto::orbit::system::records::v1::{
    AccountRecord, MembershipRecord, OrgRecord, ProjectRecord,
};
use orbit_proto::orbit::system::v1::{Access, Role, Scope};
use prost::Message;

use super::records::{decode, load};
use super::{Credential, Identity, IdentityError, Principal, RequestContext};
use crate::store::{Record, StoreError, Transaction};

pub use memberships::{Added, Invitation, Member};

pub(crate) const ORGS: &str = "orgs";
pub(crate) const PROJECTS: &str = "projects";
pub(crate) const ORG_PROJECTS: &str = "org_projects";
pub(crate) const MEMBERSHIPS: &str = "memberships";
pub(crate) const ACCOUNT_MEMBERSHIPS: &str = "account_memberships";

/// The `-` that stands for "no project" in membership keys.
const ORG_LEVEL: &str = "-";
/// Longest name of an org, project or API key, in characters.
const MAX_NAME_CHARS: usize = 100;
/// Longest id accepted in a request.
const MAX_ID_LEN: usize = 64;
/// How often a write whose conditions were overtaken by another request is re-decided.
const MAX_ATTEMPTS: usize = 8;

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

/// Key of a project in `org_projects`.
fn org_project_key(org_id: &str, project_id: &str) -> String {
    format!("{org_id}/{project_id}")
}

/// A name as stored: trimmed, 1-100 characters, no control characters.
pub(crate) fn valid_name(field: &'static str, name: &str) -> Result<String, IdentityError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(IdentityError::invalid(field, "must not be empty"));
    }
    let chars = name.chars().count();
    if chars > MAX_NAME_CHARS {
        return Err(IdentityError::invalid(
            field,
            format!("{chars} characters is over the limit of {MAX_NAME_CHARS}"),
        ));
    }
    if name.chars().any(char::is_control) {
        return Err(IdentityError::invalid(
            field,
            "must not contain control characters",
        ));
    }
    Ok(name.to_owned())
}

/// A record id from a request: non-empty, at most 64 letters, digits, `-` or `_` (ids are
/// parts of record keys, so a `/` must never reach one).
pub(crate) fn valid_id<'a>(field: &'static str, id: &'a str) -> Result<&'a str, IdentityError> {
    if id.is_empty() {
        return Err(IdentityError::invalid(field, "is required"));
    }
    let ok = id.len() <= MAX_ID_LEN
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(id)
    } else {
        Err(IdentityError::invalid(field, "is not a valid id"))
    }
}

/// `FailedPrecondition` for a change inside an archived org or project.
fn archived(what: &str, id: &str) -> IdentityError {
    IdentityError::FailedPrecondition(format!("{what} {id} is archived and read-only"))
}

fn role_of(membership: &MembershipRecord) -> Role {
    Role::try_from(membership.role).unwrap_or(Role::Unspecified)
}

/// A stored record with the version it was read at.
struct Versioned<M> {
    record: M,
    version: u64,
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
        Ok(record.map(|(m, _)| role_of(&m)))
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

    /// The caller's principal if it holds `role` in the org or project `id`, decided exactly
    /// as the auth layer decides a declared RPC (`NotFound` where it holds nothing).
    pub(crate) async fn require_role<'c>(
        &self,
        caller: &'c RequestContext,
        scope: Scope,
        id: &str,
        role: Role,
    ) -> Result<&'c Principal, IdentityError> {
        let principal = caller.require()?;
        let access = Access {
            role: role as i32,
            scope: scope as i32,
            scope_field: String::new(),
        };
        self.authorize(Some(principal), &access, Some(id)).await?;
        Ok(principal)
    }

    /// Ids of the projects of `org_id` that `principal` may see, oldest first: all of them if
    /// the account is an org-admin (or sys-admin), else those it is a member of; narrowed to
    /// the key's project for a project-scoped API key. The same set `role_in_project`
    /// grants a role in.
    async fn visible_project_ids(
        &self,
        principal: &Principal,
        org_id: &str,
    ) -> Result<BTreeSet<String>, IdentityError> {
        let owner_sees_all = principal.sys_admin
            || self
                .membership_role(&principal.account_id, org_id, None)
                .await?
                == Some(Role::OrgAdmin);
        let mut ids = BTreeSet::new();
        if owner_sees_all {
            let prefix = format!("{org_id}/");
            for record in self.scan_all(ORG_PROJECTS, &prefix).await? {
                let key = String::from_utf8_lossy(&record.key);
                if let Some(id) = key.strip_prefix(&prefix) {
                    ids.insert(id.to_owned());
                }
            }
        } else {
            let prefix = format!("{}/{org_id}/", principal.account_id);
            for record in self.scan_all(ACCOUNT_MEMBERSHIPS, &prefix).await? {
                let membership = decode_record::<MembershipRecord>("membership", &record)?;
                if membership.org_id == org_id && !membership.project_id.is_empty() {
                    ids.insert(membership.project_id);
                }
            }
        }
        match &principal.credential {
            Credential::ApiKey {
                org_id: key_org, ..
            } if key_org != org_id => ids.clear(),
            Credential::ApiKey {
                project_id: Some(key_project),
                ..
            } => ids.retain(|id| id == key_project),
            _ => {}
        }
        Ok(ids)
    }

    pub(crate) async fn account_record(
        &self,
        account_id: &str,
    ) -> Result<Option<AccountRecord>, IdentityError> {
        Ok(self
            .stored_account(account_id)
            .await?
            .map(|(account, _)| account))
    }

    async fn org_versioned(&self, org_id: &str) -> Result<Versioned<OrgRecord>, IdentityError> {
        load::<OrgRecord>(self.db(), "org", ORGS, org_id)
            .await?
            .map(|(record, version)| Versioned { record, version })
            .ok_or_else(|| IdentityError::not_found("org", org_id))
    }

    async fn project_versioned(
        &self,
        project_id: &str,
    ) -> Result<Versioned<ProjectRecord>, IdentityError> {
        load::<ProjectRecord>(self.db(), "project", PROJECTS, project_id)
            .await?
            .map(|(record, version)| Versioned { record, version })
            .ok_or_else(|| IdentityError::not_found("project", project_id))
    }

    /// A project and its org, both read for a change: `FailedPrecondition` if either is
    /// archived.
    async fn writable_project(
        &self,
        project_id: &str,
    ) -> Result<(Versioned<ProjectRecord>, Versioned<OrgRecord>), IdentityError> {
        let project = self.project_versioned(project_id).await?;
        let org = self.org_versioned(&project.record.org_id).await?;
        if org.record.archived {
            return Err(archived("org", &org.record.id));
        }
        if project.record.archived {
            return Err(archived("project", project_id));
        }
        Ok((project, org))
    }

    /// Every record of `keyspace` whose key starts with `prefix`, in key order.
    pub(crate) async fn scan_all(
        &self,
        keyspace: &str,
        prefix: &str,
    ) -> Result<Vec<Record>, IdentityError> {
        Ok(self.db().scan_all(keyspace, prefix.as_bytes()).await?)
    }

    /// Commits `txn`, tagged with the caller's request id. `Ok(false)` when another request
    /// changed a record it was conditioned on: the caller re-reads and decides again, at most
    /// [`MAX_ATTEMPTS`] times.
    pub(crate) async fn try_commit(
        &self,
        caller: &RequestContext,
        txn: Transaction,
        attempt: &mut usize,
    ) -> Result<bool, IdentityError> {
        *attempt += 1;
        let result = self.db().commit(caller.correlate(txn)).await;
        self.inner.authz_cache.clear();
        match result {
            Ok(_) => Ok(true),
            Err(StoreError::Conflict { .. }) if *attempt < MAX_ATTEMPTS => Ok(false),
            Err(error) => Err(error.into()),
        }
    }
}

fn decode_record<M: Message + Default>(
    what: &'static str,
    record: &Record,
) -> Result<M, IdentityError> {
    decode(what, &String::from_utf8_lossy(&record.key), &record.value)
}
