//! Memberships: `MembershipService`'s org-admins and project members, added, removed and
//! listed with their members' e-mail addresses and names, each change audited.
//!
//! Adding someone who is not yet a member (of the org for `AddOrgAdmin`; of the project, or
//! as org-admin, for `SetProjectMember`) opens an invitation instead (`invitations.rs`),
//! after the same reads whether the address has an account or not.
//!
//! A membership is stored twice, in `memberships` and its mirror `account_memberships`;
//! `put_membership` and `delete_membership` are the only writers of the pair (`orgs.rs`
//! uses the first for an org's creator). Removing an org-admin is conditioned on another
//! org-admin staying, so an org always keeps one. Accounts are only read here, to resolve an
//! e-mail address and to name members. This file must not create, rename or archive orgs
//! or projects, and must not write account records.

use orbit_proto::orbit::system::records::v1::{AccountRecord, MembershipRecord};
use orbit_proto::orbit::system::v1::{Role, Scope};
use prost::Message;

use super::{
    ACCOUNT_MEMBERSHIPS, MEMBERSHIPS, ORG_LEVEL, ORGS, PROJECTS, Versioned, account_membership_key,
    archived, decode_record, membership_key, role_of, valid_id,
};
use crate::identity::accounts::{ACCOUNT_BY_EMAIL, normalise_email};
use crate::identity::authz::role_name;
use crate::identity::records::load;
use crate::identity::{AuditEntry, Identity, IdentityError, RequestContext};
use crate::store::{Expect, Record, Transaction};

pub use super::invitations::{Added, Invitation};

/// Stands for "no account" in the reads made for an address without one: no account id
/// contains it, so every read finds nothing, exactly as for an account without memberships.
const NO_ACCOUNT: &str = "-";

/// A membership with the member's e-mail address and display name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub membership: MembershipRecord,
    /// Empty if the account no longer exists.
    pub email: String,
    pub display_name: String,
}

impl Identity {
    /// `MembershipService.AddOrgAdmin`: makes the account with e-mail `email` an org-admin
    /// if it already belongs to the org (a no-op if it is one already); invites the address
    /// otherwise, whether or not it has an account.
    pub async fn add_org_admin(
        &self,
        caller: &RequestContext,
        org_id: &str,
        email: &str,
    ) -> Result<Added, IdentityError> {
        let org_id = valid_id("org_id", org_id)?;
        let principal = caller.require()?;
        let email = normalise_email(email)?;
        let account_id = self.account_id_by_email(&email).await?;
        let mut attempt = 0;
        let (membership, account) = loop {
            let org = self.org_versioned(org_id).await?;
            if org.record.archived {
                return Err(archived("org", org_id));
            }
            // The same reads whether the address has an account or not.
            let probe = account_id.as_deref().unwrap_or(NO_ACCOUNT);
            let Some(belongs) = self.any_org_membership(probe, org_id).await? else {
                let invitation = self
                    .invite(caller, org_id, None, &email, Role::OrgAdmin)
                    .await?;
                return Ok(Added::Invited(invitation));
            };
            let account = self
                .account_record(probe)
                .await?
                .ok_or_else(|| IdentityError::not_found("account", probe))?;
            let membership = MembershipRecord {
                account_id: account.id.clone(),
                org_id: org_id.to_owned(),
                project_id: String::new(),
                role: Role::OrgAdmin as i32,
            };
            let key = membership_key(org_id, None, &account.id);
            let existing = self.membership_versioned(&key).await?;
            if existing.as_ref().map(|m| &m.record) == Some(&membership) {
                return Ok(Added::Member(member(membership, Some(account))));
            }
            // Conditioned on the membership that made it a member of the org, so one removed
            // meanwhile is invited instead.
            let txn = Transaction::new()
                .check(ORGS, org_id, Expect::Version(org.version))
                .check(
                    ACCOUNT_MEMBERSHIPS,
                    belongs.key,
                    Expect::Version(belongs.version),
                );
            let txn = put_membership(txn, &membership, expect_of(existing.as_ref()));
            if self.try_commit(caller, txn, &mut attempt).await? {
                break (membership, account);
            }
        };
        self.audit(
            AuditEntry::new("membership.changed", &account.id)
                .actor(&principal.account_id)
                .org(org_id)
                .detail(format!("role {}", role_name(Role::OrgAdmin)))
                .client(caller.client_address.as_deref()),
        )
        .await?;
        Ok(Added::Member(member(membership, Some(account))))
    }

    /// `MembershipService.RemoveOrgAdmin`: refused for the org's last org-admin.
    pub async fn remove_org_admin(
        &self,
        caller: &RequestContext,
        org_id: &str,
        account_id: &str,
    ) -> Result<(), IdentityError> {
        let org_id = valid_id("org_id", org_id)?;
        let account_id = valid_id("account_id", account_id)?;
        let principal = caller.require()?;
        let key = membership_key(org_id, None, account_id);
        let mut attempt = 0;
        loop {
            let org = self.org_versioned(org_id).await?;
            if org.record.archived {
                return Err(archived("org", org_id));
            }
            let Some(existing) = self.membership_versioned(&key).await? else {
                return Err(IdentityError::not_found("org-admin", account_id));
            };
            // Another org-admin, held in place by the transaction's condition: two admins
            // removing each other at once cannot both succeed.
            let prefix = format!("{org_id}/{ORG_LEVEL}/");
            let other = self
                .scan_all(MEMBERSHIPS, &prefix)
                .await?
                .into_iter()
                .find(|record| record.key != key.as_bytes());
            let Some(other) = other else {
                return Err(IdentityError::FailedPrecondition(format!(
                    "account {account_id} is the last org-admin of org {org_id}; add another \
                     org-admin first"
                )));
            };
            let txn = Transaction::new()
                .check(ORGS, org_id, Expect::Version(org.version))
                .check(MEMBERSHIPS, other.key, Expect::Version(other.version));
            let txn = delete_membership(txn, &existing);
            if self.try_commit(caller, txn, &mut attempt).await? {
                break;
            }
        }
        self.audit(
            AuditEntry::new("membership.removed", account_id)
                .actor(&principal.account_id)
                .org(org_id)
                .detail(format!("role {}", role_name(Role::OrgAdmin)))
                .client(caller.client_address.as_deref()),
        )
        .await?;
        Ok(())
    }

    /// `MembershipService.ListOrgMembers`: org-admins first, then the memberships of the
    /// projects the caller may see.
    pub async fn list_org_members(
        &self,
        caller: &RequestContext,
        org_id: &str,
    ) -> Result<Vec<Member>, IdentityError> {
        let org_id = valid_id("org_id", org_id)?;
        let principal = self
            .require_role(caller, Scope::Org, org_id, Role::ProjectUser)
            .await?;
        let visible = self.visible_project_ids(principal, org_id).await?;
        let mut org_level = Vec::new();
        let mut project_level = Vec::new();
        for record in self.scan_all(MEMBERSHIPS, &format!("{org_id}/")).await? {
            let membership = decode_record::<MembershipRecord>("membership", &record)?;
            if membership.org_id != org_id {
                continue;
            }
            if membership.project_id.is_empty() {
                org_level.push(membership);
            } else if visible.contains(&membership.project_id) {
                project_level.push(membership);
            }
        }
        org_level.extend(project_level);
        self.members(org_level).await
    }

    /// `MembershipService.SetProjectMember`: gives the account with e-mail `email` `role`
    /// (project-admin or project-user) in the project if it is a member of the project or an
    /// org-admin of its org already (people a project-admin sees in `ListOrgMembers`);
    /// invites the address otherwise, whether or not it has an account.
    pub async fn set_project_member(
        &self,
        caller: &RequestContext,
        project_id: &str,
        email: &str,
        role: Role,
    ) -> Result<Added, IdentityError> {
        let project_id = valid_id("project_id", project_id)?;
        if !matches!(role, Role::ProjectAdmin | Role::ProjectUser) {
            return Err(IdentityError::invalid(
                "role",
                "must be ROLE_PROJECT_ADMIN or ROLE_PROJECT_USER",
            ));
        }
        let principal = caller.require()?;
        let email = normalise_email(email)?;
        let account_id = self.account_id_by_email(&email).await?;
        let mut attempt = 0;
        let (membership, previous, account) = loop {
            let (project, org) = self.writable_project(project_id).await?;
            let org_id = org.record.id.clone();
            // The same reads whether the address has an account or not.
            let probe = account_id.as_deref().unwrap_or(NO_ACCOUNT);
            let key = membership_key(&org_id, Some(project_id), probe);
            let existing = self.membership_versioned(&key).await?;
            let org_admin = self
                .membership_versioned(&membership_key(&org_id, None, probe))
                .await?
                .filter(|m| role_of(&m.record) == Role::OrgAdmin);
            if existing.is_none() && org_admin.is_none() {
                let invitation = self
                    .invite(caller, &org_id, Some(project_id), &email, role)
                    .await?;
                return Ok(Added::Invited(invitation));
            }
            let account = self
                .account_record(probe)
                .await?
                .ok_or_else(|| IdentityError::not_found("account", probe))?;
            let membership = MembershipRecord {
                account_id: account.id.clone(),
                org_id: org_id.clone(),
                project_id: project_id.to_owned(),
                role: role as i32,
            };
            if existing.as_ref().map(|m| &m.record) == Some(&membership) {
                return Ok(Added::Member(member(membership, Some(account))));
            }
            let mut txn = Transaction::new()
                .check(ORGS, org_id.clone(), Expect::Version(org.version))
                .check(PROJECTS, project_id, Expect::Version(project.version));
            if let (None, Some(admin)) = (&existing, &org_admin) {
                // An org-admin removed meanwhile is invited instead.
                txn = txn.check(
                    MEMBERSHIPS,
                    membership_key(&org_id, None, &account.id),
                    Expect::Version(admin.version),
                );
            }
            let txn = put_membership(txn, &membership, expect_of(existing.as_ref()));
            if self.try_commit(caller, txn, &mut attempt).await? {
                break (membership, existing.map(|m| role_of(&m.record)), account);
            }
        };
        let detail = match previous {
            Some(previous) => format!("role {} (was {})", role_name(role), role_name(previous)),
            None => format!("role {}", role_name(role)),
        };
        self.audit(
            AuditEntry::new("membership.changed", &account.id)
                .actor(&principal.account_id)
                .org(&membership.org_id)
                .project(project_id)
                .detail(detail)
                .client(caller.client_address.as_deref()),
        )
        .await?;
        Ok(Added::Member(member(membership, Some(account))))
    }

    /// `MembershipService.RemoveProjectMember`.
    pub async fn remove_project_member(
        &self,
        caller: &RequestContext,
        project_id: &str,
        account_id: &str,
    ) -> Result<(), IdentityError> {
        let project_id = valid_id("project_id", project_id)?;
        let account_id = valid_id("account_id", account_id)?;
        let principal = caller.require()?;
        let mut attempt = 0;
        let removed = loop {
            let (project, org) = self.writable_project(project_id).await?;
            let key = membership_key(&org.record.id, Some(project_id), account_id);
            let Some(existing) = self.membership_versioned(&key).await? else {
                return Err(IdentityError::not_found("project member", account_id));
            };
            let txn = Transaction::new()
                .check(ORGS, org.record.id.clone(), Expect::Version(org.version))
                .check(PROJECTS, project_id, Expect::Version(project.version));
            let txn = delete_membership(txn, &existing);
            if self.try_commit(caller, txn, &mut attempt).await? {
                break existing.record;
            }
        };
        self.audit(
            AuditEntry::new("membership.removed", account_id)
                .actor(&principal.account_id)
                .org(&removed.org_id)
                .project(project_id)
                .detail(format!("role {}", role_name(role_of(&removed))))
                .client(caller.client_address.as_deref()),
        )
        .await?;
        Ok(())
    }

    /// `MembershipService.ListProjectMembers`: the project's direct members.
    pub async fn list_project_members(
        &self,
        caller: &RequestContext,
        project_id: &str,
    ) -> Result<Vec<Member>, IdentityError> {
        caller.require()?;
        let project_id = valid_id("project_id", project_id)?;
        let project = self.project_versioned(project_id).await?.record;
        let prefix = format!("{}/{project_id}/", project.org_id);
        let mut memberships = Vec::new();
        for record in self.scan_all(MEMBERSHIPS, &prefix).await? {
            memberships.push(decode_record::<MembershipRecord>("membership", &record)?);
        }
        self.members(memberships).await
    }

    /// The id of the account with the normalised e-mail address `email`, if there is one.
    async fn account_id_by_email(&self, email: &str) -> Result<Option<String>, IdentityError> {
        let index = self.email_index(email);
        let Some(entry) = self.db().get(ACCOUNT_BY_EMAIL, index.as_bytes()).await? else {
            return Ok(None);
        };
        String::from_utf8(entry.value)
            .map(Some)
            .map_err(|e| IdentityError::Corrupt {
                what: "e-mail index entry",
                id: index.clone(),
                reason: e.to_string(),
            })
    }

    /// One of `account_id`'s memberships in the org or its projects (the mirror record, with
    /// its version), if it has any.
    async fn any_org_membership(
        &self,
        account_id: &str,
        org_id: &str,
    ) -> Result<Option<Record>, IdentityError> {
        let prefix = format!("{account_id}/{org_id}/");
        let page = self
            .db()
            .scan(ACCOUNT_MEMBERSHIPS, prefix.as_bytes(), None, 1)
            .await?;
        Ok(page.records.into_iter().next())
    }

    /// Memberships with their members' e-mail addresses and names.
    async fn members(
        &self,
        memberships: Vec<MembershipRecord>,
    ) -> Result<Vec<Member>, IdentityError> {
        let mut out = Vec::with_capacity(memberships.len());
        for membership in memberships {
            let account = self.account_record(&membership.account_id).await?;
            out.push(member(membership, account));
        }
        Ok(out)
    }

    pub(super) async fn membership_versioned(
        &self,
        key: &str,
    ) -> Result<Option<Versioned<MembershipRecord>>, IdentityError> {
        Ok(
            load::<MembershipRecord>(self.db(), "membership", MEMBERSHIPS, key)
                .await?
                .map(|(record, version)| Versioned { record, version }),
        )
    }
}

pub(super) fn member(membership: MembershipRecord, account: Option<AccountRecord>) -> Member {
    let (email, display_name) = account
        .map(|a| (a.email, a.display_name))
        .unwrap_or_default();
    Member {
        membership,
        email,
        display_name,
    }
}

pub(super) fn expect_of<M>(existing: Option<&Versioned<M>>) -> Expect {
    existing.map_or(Expect::Absent, |m| Expect::Version(m.version))
}

pub(super) fn project_of(membership: &MembershipRecord) -> Option<&str> {
    Some(membership.project_id.as_str()).filter(|p| !p.is_empty())
}

/// Adds the writes of `membership` and its mirror, conditioned on the primary being at
/// `expect` (every writer of the pair conditions on the primary, so the pair stays equal).
pub(super) fn put_membership(
    txn: Transaction,
    membership: &MembershipRecord,
    expect: Expect,
) -> Transaction {
    let project = project_of(membership);
    let value = membership.encode_to_vec();
    txn.put_if(
        MEMBERSHIPS,
        membership_key(&membership.org_id, project, &membership.account_id),
        value.clone(),
        expect,
    )
    .put(
        ACCOUNT_MEMBERSHIPS,
        account_membership_key(&membership.account_id, &membership.org_id, project),
        value,
    )
}

/// Adds the deletes of a membership read at its version and of its mirror.
pub(super) fn delete_membership(
    txn: Transaction,
    existing: &Versioned<MembershipRecord>,
) -> Transaction {
    let membership = &existing.record;
    let project = project_of(membership);
    txn.delete_if(
        MEMBERSHIPS,
        membership_key(&membership.org_id, project, &membership.account_id),
        Expect::Version(existing.version),
    )
    .delete(
        ACCOUNT_MEMBERSHIPS,
        account_membership_key(&membership.account_id, &membership.org_id, project),
    )
}
