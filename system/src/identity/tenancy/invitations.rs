//! Invitations: the only way someone who is not yet a member of an org or project becomes
//! one. `AddOrgAdmin` and `SetProjectMember` (in `memberships.rs`) call [`Identity::invite`]
//! for anyone who is not a member yet; the invitee lists, accepts or declines its invitations
//! here, and the admins of the org (or project) list and revoke the open ones.
//!
//! Keyspaces: `invitations` (invitation id → InvitationRecord), and while an invitation is
//! open (pending or expired, neither answered nor revoked) `org_invitations`
//! (`<org id>/<invitation id>` → empty) and `email_invitations` (`<hex blind index of the
//! invitee's normalised e-mail address>/<invitation id>` → empty), written and deleted in the
//! transaction that opens or closes it. The invitee is found by the blind index of its
//! address at list and accept time, never by a stored account id, so an invitation to an
//! address without an account works once someone signs up with it. Nothing here tells an
//! inviter whether an address has an account: inviting reads the same records and answers
//! the same invitation either way.
//!
//! Someone else's invitation is `NotFound`, exactly like one that does not exist; an
//! answered, revoked or expired one is `FailedPrecondition` naming which. This file must not
//! write account records, nor create orgs or projects; accepting writes the membership
//! through `memberships.rs`'s pair writer.

use orbit_proto::orbit::system::records::v1::{InvitationRecord, MembershipRecord};
use orbit_proto::orbit::system::v1::{InvitationState, Role, Scope};
use prost::Message;

use super::memberships::{expect_of, member, put_membership};
use super::{Member, Versioned, archived, membership_key, role_of, valid_id};
use crate::identity::accounts::normalise_email;
use crate::identity::authz::role_name;
use crate::identity::records::{load, now_ms};
use crate::identity::{AuditEntry, Credential, Identity, IdentityError, RequestContext};
use crate::store::{Expect, Transaction, new_id};

pub(crate) const INVITATIONS: &str = "invitations";
pub(crate) const ORG_INVITATIONS: &str = "org_invitations";
pub(crate) const EMAIL_INVITATIONS: &str = "email_invitations";

/// How long an invitation can be accepted: 7 days.
pub(crate) const INVITATION_TTL_MS: i64 = 7 * 24 * 3600 * 1000;

/// An invitation with the names the API shows beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    pub record: InvitationRecord,
    /// Pending, accepted, declined, revoked, or expired (decided from the clock).
    pub state: InvitationState,
    /// Empty if the org no longer exists.
    pub org_name: String,
    /// Empty for an org-admin invitation.
    pub project_name: String,
    /// Empty if the inviting account no longer exists.
    pub inviter_display_name: String,
}

/// What adding someone by e-mail address did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Added {
    /// The account was a member already: its membership as it is now.
    Member(Member),
    /// Anyone else, with or without an account: the invitation they must accept.
    Invited(Invitation),
}

fn org_invitation_key(org_id: &str, invitation_id: &str) -> String {
    format!("{org_id}/{invitation_id}")
}

fn email_invitation_key(email_index: &str, invitation_id: &str) -> String {
    format!("{email_index}/{invitation_id}")
}

fn state_of(record: &InvitationRecord, now: i64) -> InvitationState {
    match InvitationState::try_from(record.state).unwrap_or(InvitationState::Unspecified) {
        InvitationState::Pending if now >= record.expires_at_ms => InvitationState::Expired,
        state => state,
    }
}

/// `FailedPrecondition` for an invitation that can no longer be answered.
fn closed(record: &InvitationRecord, state: InvitationState) -> IdentityError {
    let id = &record.id;
    IdentityError::FailedPrecondition(match state {
        InvitationState::Accepted => format!("invitation {id} was already accepted"),
        InvitationState::Declined => format!("invitation {id} was declined"),
        InvitationState::Revoked => format!("invitation {id} was revoked"),
        InvitationState::Expired => {
            format!("invitation {id} has expired; ask an admin for a new one")
        }
        _ => format!("invitation {id} is not pending"),
    })
}

/// Adds the writes that close an open invitation read at its version: the record in its new
/// state, and the deletes of both index entries.
fn close_invitation(
    txn: Transaction,
    open: &Versioned<InvitationRecord>,
    state: InvitationState,
    by_account_id: &str,
) -> Transaction {
    let mut record = open.record.clone();
    record.state = state as i32;
    record.decided_at_ms = now_ms();
    record.decided_by_account_id = by_account_id.to_owned();
    txn.put_if(
        INVITATIONS,
        record.id.clone(),
        record.encode_to_vec(),
        Expect::Version(open.version),
    )
    .delete(
        ORG_INVITATIONS,
        org_invitation_key(&record.org_id, &record.id),
    )
    .delete(
        EMAIL_INVITATIONS,
        email_invitation_key(&record.email_index, &record.id),
    )
}

impl Identity {
    /// Invites the normalised address `email` to be `role` in the org (`project_id` = None)
    /// or project: renews the open invitation of that address to that place if there is one,
    /// else opens a new one. Called by `AddOrgAdmin` and `SetProjectMember` for anyone who
    /// is not a member yet; reads nothing that depends on whether `email` has an account.
    pub(super) async fn invite(
        &self,
        caller: &RequestContext,
        org_id: &str,
        project_id: Option<&str>,
        email: &str,
        role: Role,
    ) -> Result<Invitation, IdentityError> {
        let principal = caller.require()?;
        let email_index = self.email_index(email);
        let mut attempt = 0;
        let record = loop {
            let org = self.org_versioned(org_id).await?;
            if org.record.archived {
                return Err(archived("org", org_id));
            }
            let mut txn =
                Transaction::new().check(super::ORGS, org_id, Expect::Version(org.version));
            if let Some(project_id) = project_id {
                let (project, _) = self.writable_project(project_id).await?;
                txn = txn.check(
                    super::PROJECTS,
                    project_id,
                    Expect::Version(project.version),
                );
            }
            let open = self
                .open_invitation_to(&email_index, org_id, project_id)
                .await?;
            let (id, expect) = match &open {
                Some(open) => (open.record.id.clone(), Expect::Version(open.version)),
                None => (new_id(), Expect::Absent),
            };
            let now = now_ms();
            let record = InvitationRecord {
                id: id.clone(),
                org_id: org_id.to_owned(),
                project_id: project_id.unwrap_or_default().to_owned(),
                role: role as i32,
                inviter_account_id: principal.account_id.clone(),
                email: email.to_owned(),
                email_index: email_index.clone(),
                created_at_ms: now,
                expires_at_ms: now + INVITATION_TTL_MS,
                state: InvitationState::Pending as i32,
                decided_at_ms: 0,
                decided_by_account_id: String::new(),
            };
            let txn = txn
                .put_if(INVITATIONS, id.clone(), record.encode_to_vec(), expect)
                .put(ORG_INVITATIONS, org_invitation_key(org_id, &id), Vec::new())
                .put(
                    EMAIL_INVITATIONS,
                    email_invitation_key(&email_index, &id),
                    Vec::new(),
                );
            if self.try_commit(caller, txn, &mut attempt).await? {
                break record;
            }
        };
        let mut entry = AuditEntry::new("invitation.created", &record.id)
            .actor(&principal.account_id)
            .org(org_id)
            .detail(format!("role {}", role_name(role)))
            .client(caller.client_address.as_deref());
        if let Some(project_id) = project_id {
            entry = entry.project(project_id);
        }
        self.audit(entry).await?;
        tracing::debug!(invitation = %record.id, org = org_id, "invitation opened");
        self.invitation_view(record).await
    }

    /// `MembershipService.ListMyInvitations`: the caller's pending, unexpired invitations,
    /// oldest first.
    pub async fn list_my_invitations(
        &self,
        caller: &RequestContext,
    ) -> Result<Vec<Invitation>, IdentityError> {
        let email_index = self.caller_email_index(caller).await?;
        let now = now_ms();
        let mut out = Vec::new();
        for record in self
            .scan_all(EMAIL_INVITATIONS, &format!("{email_index}/"))
            .await?
        {
            let key = String::from_utf8_lossy(&record.key);
            let Some(id) = key.rsplit('/').next() else {
                continue;
            };
            let Some(open) = self.invitation_versioned(id).await? else {
                continue;
            };
            if open.record.email_index == email_index
                && state_of(&open.record, now) == InvitationState::Pending
            {
                out.push(self.invitation_view(open.record).await?);
            }
        }
        Ok(out)
    }

    /// `MembershipService.AcceptInvitation`: creates the membership the caller's invitation
    /// offers (replacing the caller's role in that project, if it had one).
    pub async fn accept_invitation(
        &self,
        caller: &RequestContext,
        invitation_id: &str,
    ) -> Result<Member, IdentityError> {
        let invitation_id = valid_id("invitation_id", invitation_id)?;
        let principal = caller.require()?;
        let email_index = self.caller_email_index(caller).await?;
        let account = self
            .account_record(&principal.account_id)
            .await?
            .ok_or_else(|| IdentityError::not_found("account", &principal.account_id))?;
        let mut attempt = 0;
        let (membership, invitation, previous) = loop {
            let open = self
                .own_open_invitation(&email_index, invitation_id)
                .await?;
            if self.inner.config.mail.is_some() && !account.email_verified {
                return Err(IdentityError::FailedPrecondition(
                    "verify your e-mail address before accepting an invitation".into(),
                ));
            }
            let invitation = &open.record;
            let org = self.org_versioned(&invitation.org_id).await?;
            if org.record.archived {
                return Err(archived("org", &invitation.org_id));
            }
            let mut txn = Transaction::new().check(
                super::ORGS,
                invitation.org_id.clone(),
                Expect::Version(org.version),
            );
            let project_id = Some(invitation.project_id.as_str()).filter(|p| !p.is_empty());
            if let Some(project_id) = project_id {
                let (project, _) = self.writable_project(project_id).await?;
                txn = txn.check(
                    super::PROJECTS,
                    project_id,
                    Expect::Version(project.version),
                );
            }
            let membership = MembershipRecord {
                account_id: account.id.clone(),
                org_id: invitation.org_id.clone(),
                project_id: invitation.project_id.clone(),
                role: invitation.role,
            };
            let key = membership_key(&membership.org_id, project_id, &account.id);
            let existing = self.membership_versioned(&key).await?;
            let mut txn = close_invitation(txn, &open, InvitationState::Accepted, &account.id);
            if existing.as_ref().map(|m| &m.record) != Some(&membership) {
                txn = put_membership(txn, &membership, expect_of(existing.as_ref()));
            }
            if self.try_commit(caller, txn, &mut attempt).await? {
                break (
                    membership,
                    open.record,
                    existing.map(|m| role_of(&m.record)),
                );
            }
        };
        let role = role_of(&membership);
        let detail = match previous {
            Some(previous) => format!(
                "role {} (was {}), accepted invitation {}",
                role_name(role),
                role_name(previous),
                invitation.id
            ),
            None => format!(
                "role {}, accepted invitation {}",
                role_name(role),
                invitation.id
            ),
        };
        let mut entry = AuditEntry::new("membership.changed", &account.id)
            .actor(&account.id)
            .org(&membership.org_id)
            .detail(detail)
            .client(caller.client_address.as_deref());
        if !membership.project_id.is_empty() {
            entry = entry.project(&membership.project_id);
        }
        self.audit(entry).await?;
        Ok(member(membership, Some(account)))
    }

    /// `MembershipService.DeclineInvitation`.
    pub async fn decline_invitation(
        &self,
        caller: &RequestContext,
        invitation_id: &str,
    ) -> Result<(), IdentityError> {
        let invitation_id = valid_id("invitation_id", invitation_id)?;
        let principal = caller.require()?;
        let email_index = self.caller_email_index(caller).await?;
        let mut attempt = 0;
        let invitation = loop {
            let open = self
                .own_open_invitation(&email_index, invitation_id)
                .await?;
            let txn = close_invitation(
                Transaction::new(),
                &open,
                InvitationState::Declined,
                &principal.account_id,
            );
            if self.try_commit(caller, txn, &mut attempt).await? {
                break open.record;
            }
        };
        self.audit_closed("invitation.declined", caller, &invitation)
            .await
    }

    /// `MembershipService.ListInvitations` (`project_id` = None: every open invitation of
    /// the org and its projects) and `ListProjectInvitations` (those to one project), oldest
    /// first.
    pub async fn list_invitations(
        &self,
        caller: &RequestContext,
        org_id: Option<&str>,
        project_id: Option<&str>,
    ) -> Result<Vec<Invitation>, IdentityError> {
        let org_id = self.invitation_scope(caller, org_id, project_id).await?;
        let mut out = Vec::new();
        for record in self
            .scan_all(ORG_INVITATIONS, &format!("{org_id}/"))
            .await?
        {
            let key = String::from_utf8_lossy(&record.key);
            let Some(id) = key.rsplit('/').next() else {
                continue;
            };
            let Some(open) = self.invitation_versioned(id).await? else {
                continue;
            };
            let wanted = open.record.org_id == org_id
                && project_id.is_none_or(|p| p == open.record.project_id);
            if wanted {
                out.push(self.invitation_view(open.record).await?);
            }
        }
        Ok(out)
    }

    /// `MembershipService.RevokeInvitation` (`project_id` = None) and
    /// `RevokeProjectInvitation`: closes an open invitation of the org (or project).
    pub async fn revoke_invitation(
        &self,
        caller: &RequestContext,
        org_id: Option<&str>,
        project_id: Option<&str>,
        invitation_id: &str,
    ) -> Result<(), IdentityError> {
        let invitation_id = valid_id("invitation_id", invitation_id)?;
        let org_id = self.invitation_scope(caller, org_id, project_id).await?;
        let principal = caller.require()?;
        let not_found = || IdentityError::not_found("invitation", invitation_id);
        let mut attempt = 0;
        let invitation = loop {
            let open = self
                .invitation_versioned(invitation_id)
                .await?
                .ok_or_else(not_found)?;
            let ours = open.record.org_id == org_id
                && project_id.is_none_or(|p| p == open.record.project_id);
            if !ours {
                return Err(not_found());
            }
            // An expired invitation is still open: revoking it clears it from the lists.
            let state = state_of(&open.record, now_ms());
            if !matches!(state, InvitationState::Pending | InvitationState::Expired) {
                return Err(closed(&open.record, state));
            }
            let txn = close_invitation(
                Transaction::new(),
                &open,
                InvitationState::Revoked,
                &principal.account_id,
            );
            if self.try_commit(caller, txn, &mut attempt).await? {
                break open.record;
            }
        };
        self.audit_closed("invitation.revoked", caller, &invitation)
            .await
    }

    /// Whether the normalised address `email` has a pending, unexpired invitation (what an
    /// invitation-only sign-up asks).
    #[allow(
        dead_code,
        reason = "for invitation-only sign-up in accounts.rs, which is being built beside this"
    )]
    pub(crate) async fn has_pending_invitation_to(
        &self,
        email: &str,
    ) -> Result<bool, IdentityError> {
        let email_index = self.email_index(email);
        let now = now_ms();
        for record in self
            .scan_all(EMAIL_INVITATIONS, &format!("{email_index}/"))
            .await?
        {
            let key = String::from_utf8_lossy(&record.key);
            let Some(id) = key.rsplit('/').next() else {
                continue;
            };
            if let Some(open) = self.invitation_versioned(id).await?
                && state_of(&open.record, now) == InvitationState::Pending
            {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// The org whose invitations a list or revoke acts on, after checking the caller is an
    /// org-admin of it, or a project-admin of `project_id` (the declaration, checked again).
    async fn invitation_scope(
        &self,
        caller: &RequestContext,
        org_id: Option<&str>,
        project_id: Option<&str>,
    ) -> Result<String, IdentityError> {
        match (org_id, project_id) {
            (Some(org_id), None) => {
                let org_id = valid_id("org_id", org_id)?;
                self.require_role(caller, Scope::Org, org_id, Role::OrgAdmin)
                    .await?;
                Ok(org_id.to_owned())
            }
            (None, Some(project_id)) => {
                let project_id = valid_id("project_id", project_id)?;
                self.require_role(caller, Scope::Project, project_id, Role::ProjectAdmin)
                    .await?;
                Ok(self.project_versioned(project_id).await?.record.org_id)
            }
            _ => Err(IdentityError::invalid(
                "org_id",
                "name either an org or a project",
            )),
        }
    }

    /// The caller's open, unexpired invitation `invitation_id`: `NotFound` if it does not
    /// exist or is someone else's, `FailedPrecondition` if it was answered, revoked or has
    /// expired.
    async fn own_open_invitation(
        &self,
        email_index: &str,
        invitation_id: &str,
    ) -> Result<Versioned<InvitationRecord>, IdentityError> {
        let not_found = || IdentityError::not_found("invitation", invitation_id);
        let open = self
            .invitation_versioned(invitation_id)
            .await?
            .ok_or_else(not_found)?;
        if open.record.email_index != email_index {
            return Err(not_found());
        }
        match state_of(&open.record, now_ms()) {
            InvitationState::Pending => Ok(open),
            state => Err(closed(&open.record, state)),
        }
    }

    /// The blind index of the signed-in caller's e-mail address (sessions only: an API key
    /// acts inside its org or project and has no invitations).
    async fn caller_email_index(&self, caller: &RequestContext) -> Result<String, IdentityError> {
        let principal = caller.require()?;
        if matches!(principal.credential, Credential::ApiKey { .. }) {
            return Err(IdentityError::PermissionDenied(
                "api keys act only inside their org or project".into(),
            ));
        }
        let account = self
            .account_record(&principal.account_id)
            .await?
            .ok_or_else(|| IdentityError::not_found("account", &principal.account_id))?;
        Ok(self.email_index(&normalise_email(&account.email)?))
    }

    /// The open invitation of the address with blind index `email_index` to the org
    /// (`project_id` = None) or project, if there is one.
    async fn open_invitation_to(
        &self,
        email_index: &str,
        org_id: &str,
        project_id: Option<&str>,
    ) -> Result<Option<Versioned<InvitationRecord>>, IdentityError> {
        for record in self
            .scan_all(EMAIL_INVITATIONS, &format!("{email_index}/"))
            .await?
        {
            let key = String::from_utf8_lossy(&record.key);
            let Some(id) = key.rsplit('/').next() else {
                continue;
            };
            if let Some(open) = self.invitation_versioned(id).await? {
                let same_place = open.record.org_id == org_id
                    && open.record.project_id == project_id.unwrap_or_default();
                if same_place && open.record.state == InvitationState::Pending as i32 {
                    return Ok(Some(open));
                }
            }
        }
        Ok(None)
    }

    async fn invitation_versioned(
        &self,
        invitation_id: &str,
    ) -> Result<Option<Versioned<InvitationRecord>>, IdentityError> {
        Ok(
            load::<InvitationRecord>(self.db(), "invitation", INVITATIONS, invitation_id)
                .await?
                .map(|(record, version)| Versioned { record, version }),
        )
    }

    /// An invitation with its org's and project's names and its inviter's display name.
    async fn invitation_view(&self, record: InvitationRecord) -> Result<Invitation, IdentityError> {
        let org_name = self
            .org_record(&record.org_id)
            .await?
            .map(|org| org.name)
            .unwrap_or_default();
        let project_name = if record.project_id.is_empty() {
            String::new()
        } else {
            self.project_record(&record.project_id)
                .await?
                .map(|project| project.name)
                .unwrap_or_default()
        };
        let inviter_display_name = self
            .account_record(&record.inviter_account_id)
            .await?
            .map(|account| account.display_name)
            .unwrap_or_default();
        Ok(Invitation {
            state: state_of(&record, now_ms()),
            record,
            org_name,
            project_name,
            inviter_display_name,
        })
    }

    async fn audit_closed(
        &self,
        kind: &str,
        caller: &RequestContext,
        invitation: &InvitationRecord,
    ) -> Result<(), IdentityError> {
        let principal = caller.require()?;
        let mut entry = AuditEntry::new(kind, &invitation.id)
            .actor(&principal.account_id)
            .org(&invitation.org_id)
            .detail(format!(
                "role {}",
                role_name(Role::try_from(invitation.role).unwrap_or(Role::Unspecified))
            ))
            .client(caller.client_address.as_deref());
        if !invitation.project_id.is_empty() {
            entry = entry.project(&invitation.project_id);
        }
        self.audit(entry).await?;
        Ok(())
    }
}
