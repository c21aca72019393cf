//! Orgs: `OrgService`'s create, list, get, rename and archive/restore, each audited.
//!
//! An org is created together with its first org-admin membership (the caller), written with
//! `memberships.rs`'s pair writer so the mirror is never missed. Renaming is refused while
//! the org is archived; restoring is the one change an archived org accepts. This file must
//! not touch projects or change memberships after creation (that is `projects.rs` and
//! `memberships.rs`), nor decide access a declaration can express (the auth layer does).

use std::collections::BTreeSet;

use orbit_proto::orbit::system::records::v1::{MembershipRecord, OrgRecord};
use orbit_proto::orbit::system::v1::Role;
use prost::Message;

use super::memberships::put_membership;
use super::{ACCOUNT_MEMBERSHIPS, ORGS, Versioned, archived, decode_record, valid_id, valid_name};
use crate::identity::records::now_ms;
use crate::identity::{AuditEntry, Credential, Identity, IdentityError, RequestContext};
use crate::store::{Expect, Transaction, new_id};

impl Identity {
    /// `OrgService.CreateOrg`: a new org whose only org-admin is the caller.
    pub async fn create_org(
        &self,
        caller: &RequestContext,
        name: &str,
    ) -> Result<OrgRecord, IdentityError> {
        let principal = caller.require()?;
        if matches!(principal.credential, Credential::ApiKey { .. }) {
            return Err(IdentityError::PermissionDenied(
                "api keys act only inside their org or project".into(),
            ));
        }
        let name = valid_name("name", name)?;
        let org = OrgRecord {
            id: new_id(),
            name,
            archived: false,
            created_at_ms: now_ms(),
        };
        let membership = MembershipRecord {
            account_id: principal.account_id.clone(),
            org_id: org.id.clone(),
            project_id: String::new(),
            role: Role::OrgAdmin as i32,
        };
        let txn =
            Transaction::new().put_if(ORGS, org.id.clone(), org.encode_to_vec(), Expect::Absent);
        let txn = put_membership(txn, &membership, Expect::Absent);
        let committed = self.db().commit(caller.correlate(txn)).await;
        self.inner.authz_cache.clear();
        committed?;
        self.audit(
            AuditEntry::new("org.created", &org.id)
                .actor(&principal.account_id)
                .org(&org.id)
                .detail(format!("name {:?}", org.name))
                .client(caller.client_address.as_deref()),
        )
        .await?;
        Ok(org)
    }

    /// `OrgService.ListOrgs`: the orgs the caller belongs to (every org for a sys-admin),
    /// oldest first.
    pub async fn list_orgs(
        &self,
        caller: &RequestContext,
        include_archived: bool,
    ) -> Result<Vec<OrgRecord>, IdentityError> {
        let principal = caller.require()?;
        let mut orgs = Vec::new();
        let session_sys_admin =
            principal.sys_admin && matches!(principal.credential, Credential::Session { .. });
        if session_sys_admin {
            for record in self.scan_all(ORGS, "").await? {
                orgs.push(decode_record::<OrgRecord>("org", &record)?);
            }
        } else {
            let prefix = format!("{}/", principal.account_id);
            let mut ids = BTreeSet::new();
            for record in self.scan_all(ACCOUNT_MEMBERSHIPS, &prefix).await? {
                let membership = decode_record::<MembershipRecord>("membership", &record)?;
                ids.insert(membership.org_id);
            }
            if let Credential::ApiKey { org_id, .. } = &principal.credential {
                ids.retain(|id| id == org_id);
            }
            for id in ids {
                if let Some(org) = self.org_record(&id).await? {
                    orgs.push(org);
                }
            }
        }
        orgs.retain(|org| include_archived || !org.archived);
        orgs.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(orgs)
    }

    /// `OrgService.GetOrg`.
    pub async fn get_org(
        &self,
        caller: &RequestContext,
        org_id: &str,
    ) -> Result<OrgRecord, IdentityError> {
        caller.require()?;
        let org_id = valid_id("org_id", org_id)?;
        self.org_record(org_id)
            .await?
            .ok_or_else(|| IdentityError::not_found("org", org_id))
    }

    /// `OrgService.RenameOrg`; refused while the org is archived.
    pub async fn rename_org(
        &self,
        caller: &RequestContext,
        org_id: &str,
        name: &str,
    ) -> Result<OrgRecord, IdentityError> {
        let org_id = valid_id("org_id", org_id)?;
        let name = valid_name("name", name)?;
        let principal = caller.require()?;
        let mut attempt = 0;
        let (org, old_name) = loop {
            let Versioned {
                record: mut org,
                version,
            } = self.org_versioned(org_id).await?;
            if org.archived {
                return Err(archived("org", org_id));
            }
            if org.name == name {
                return Ok(org);
            }
            let old_name = std::mem::replace(&mut org.name, name.clone());
            let txn = Transaction::new().put_if(
                ORGS,
                org_id,
                org.encode_to_vec(),
                Expect::Version(version),
            );
            if self.try_commit(caller, txn, &mut attempt).await? {
                break (org, old_name);
            }
        };
        self.audit(
            AuditEntry::new("org.renamed", org_id)
                .actor(&principal.account_id)
                .org(org_id)
                .detail(format!("from {old_name:?} to {:?}", org.name))
                .client(caller.client_address.as_deref()),
        )
        .await?;
        Ok(org)
    }

    /// `OrgService.ArchiveOrg`: archives (`archived` = true) or restores the org.
    pub async fn archive_org(
        &self,
        caller: &RequestContext,
        org_id: &str,
        archived: bool,
    ) -> Result<OrgRecord, IdentityError> {
        let org_id = valid_id("org_id", org_id)?;
        let principal = caller.require()?;
        let mut attempt = 0;
        let org = loop {
            let Versioned {
                record: mut org,
                version,
            } = self.org_versioned(org_id).await?;
            if org.archived == archived {
                return Ok(org);
            }
            org.archived = archived;
            let txn = Transaction::new().put_if(
                ORGS,
                org_id,
                org.encode_to_vec(),
                Expect::Version(version),
            );
            if self.try_commit(caller, txn, &mut attempt).await? {
                break org;
            }
        };
        self.audit(
            AuditEntry::new("org.archived", org_id)
                .actor(&principal.account_id)
                .org(org_id)
                .detail(if archived { "archived" } else { "restored" })
                .client(caller.client_address.as_deref()),
        )
        .await?;
        Ok(org)
    }
}
