//! The API side of links: inviting (owner), accepting (member), suspending, resuming and
//! removing (either side, told to the other), listing with state and lag, and the
//! dead-letter list.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use orbit_proto::orbit::federation::v1 as pb;
use orbit_system::identity::RequestContext;
use orbit_system::store::new_id;

use crate::error::FederationError;
use crate::{Federation, SHAREABLE_MODULES, consumer, control, invitation, now_ms};

/// Default and bounds of an invitation's validity.
const DEFAULT_VALID_SECS: u32 = 7 * 24 * 3600;
const MIN_VALID_SECS: u32 = 60;
const MAX_VALID_SECS: u32 = 30 * 24 * 3600;

impl Federation {
    /// `FederationService.CreateInvitation`: marks the project federated (its change events
    /// go to this instance's stream from now on) and returns the token.
    pub async fn create_invitation(
        &self,
        caller: &RequestContext,
        org_id: &str,
        project_id: &str,
        modules: &[String],
        valid_seconds: u32,
        for_did: &str,
    ) -> Result<(String, pb::Invitation), FederationError> {
        let inner = &self.inner;
        if inner.config.nats.is_none() || inner.config.domain.is_empty() {
            return Err(FederationError::Off);
        }
        let project = inner.identity.get_project(caller, project_id).await?;
        if project.org_id != org_id {
            return Err(FederationError::invalid(
                "project_id",
                format!("project {project_id} is not in org {org_id}"),
            ));
        }
        if !project.owner_did.is_empty() {
            return Err(FederationError::invalid(
                "project_id",
                format!(
                    "project {project_id} is followed from {}; only its owner can share it",
                    project.owner_did
                ),
            ));
        }
        let modules = self.shareable(modules)?;
        if !for_did.is_empty() {
            crate::did::verifying_key(for_did)?;
        }
        let valid = match valid_seconds {
            0 => DEFAULT_VALID_SECS,
            s if (MIN_VALID_SECS..=MAX_VALID_SECS).contains(&s) => s,
            s => {
                return Err(FederationError::invalid(
                    "valid_seconds",
                    format!("{s} is not between {MIN_VALID_SECS} and {MAX_VALID_SECS}"),
                ));
            }
        };
        inner
            .identity
            .set_project_federation(caller, project_id, true)
            .await?;
        let key = inner.key();
        let invitation = pb::Invitation {
            link_id: new_id(),
            did: key.did().to_owned(),
            instance_id: inner.instance_id.clone(),
            nats_url: inner.config.public_nats_url.clone(),
            jetstream_domain: inner.config.domain.clone(),
            project_id: project.id.clone(),
            project_name: project.name.clone(),
            modules: modules.clone(),
            expires_at_ms: now_ms() + i64::from(valid) * 1000,
            secret: URL_SAFE_NO_PAD.encode(rand::random::<[u8; 32]>()),
            for_did: for_did.to_owned(),
        };
        inner.state.put_invitation(&invitation).await?;
        // The link waits (state unspecified) until the other side redeems the secret.
        inner
            .state
            .put_link(&pb::Link {
                id: invitation.link_id.clone(),
                role: pb::LinkRole::Owner as i32,
                org_id: org_id.to_owned(),
                project_id: project.id,
                project_name: project.name,
                modules,
                created_at_ms: now_ms(),
                ..Default::default()
            })
            .await?;
        tracing::info!(
            link_id = invitation.link_id,
            project_id,
            "federation invitation created"
        );
        Ok((invitation::encode(&key, &invitation), invitation))
    }

    /// The modules asked for, all of [`SHAREABLE_MODULES`] this instance runs when none.
    fn shareable(&self, asked: &[String]) -> Result<Vec<String>, FederationError> {
        let here = &self.inner.config.modules;
        if asked.is_empty() {
            return Ok(here.clone());
        }
        let mut modules = Vec::new();
        for module in asked {
            if !SHAREABLE_MODULES.contains(&module.as_str()) || !here.contains(module) {
                return Err(FederationError::MissingModule {
                    module: module.clone(),
                    available: here.join(", "),
                });
            }
            if !modules.contains(module) {
                modules.push(module.clone());
            }
        }
        Ok(modules)
    }

    /// `FederationService.AcceptInvitation`: checks the token, redeems its secret with the
    /// owner, creates the followed project in `org_id` and starts following it.
    pub async fn accept_invitation(
        &self,
        caller: &RequestContext,
        org_id: &str,
        token: &str,
    ) -> Result<pb::Link, FederationError> {
        let inner = &self.inner;
        let invitation = invitation::decode(token)?;
        if inner.config.nats.is_none() || inner.config.domain.is_empty() {
            return Err(FederationError::Off);
        }
        let me = inner.key().did().to_owned();
        if invitation.expires_at_ms <= now_ms() {
            return Err(FederationError::Expired {
                expired_at_ms: invitation.expires_at_ms,
            });
        }
        if !invitation.for_did.is_empty() && invitation.for_did != me {
            return Err(FederationError::NotForUs {
                for_did: invitation.for_did,
                this_did: me,
            });
        }
        if invitation.did == me || invitation.instance_id == inner.instance_id {
            return Err(FederationError::invalid(
                "token",
                "it comes from this instance: give it to the other one",
            ));
        }
        for module in &invitation.modules {
            if !inner.config.modules.contains(module) {
                return Err(FederationError::MissingModule {
                    module: module.clone(),
                    available: inner.config.modules.join(", "),
                });
            }
        }
        if let Some(existing) = inner.state.link(&invitation.link_id).await? {
            if existing.state != pb::LinkState::Removed as i32 {
                return Err(FederationError::Used);
            }
        }
        // The org must exist and the caller be its admin (the auth layer checked the role).
        inner.identity.get_org(caller, org_id).await?;
        let redeem = pb::Redeem {
            link_id: invitation.link_id.clone(),
            secret: invitation.secret.clone(),
            instance_id: inner.instance_id.clone(),
            jetstream_domain: inner.config.domain.clone(),
            nats_url: inner.config.public_nats_url.clone(),
            sent_at_ms: now_ms(),
        };
        let reply = control::request(
            inner,
            &invitation.instance_id,
            &invitation.did,
            "redeem",
            &redeem,
        )
        .await?;
        if !reply.ok {
            return Err(FederationError::Refused(reply.error));
        }
        inner
            .identity
            .create_followed_project(
                caller,
                org_id,
                &invitation.project_id,
                &invitation.project_name,
                &invitation.did,
            )
            .await?;
        let link = pb::Link {
            id: invitation.link_id.clone(),
            role: pb::LinkRole::Member as i32,
            state: pb::LinkState::Active as i32,
            peer_did: invitation.did.clone(),
            peer_instance_id: invitation.instance_id.clone(),
            peer_domain: invitation.jetstream_domain.clone(),
            org_id: org_id.to_owned(),
            project_id: invitation.project_id.clone(),
            project_name: invitation.project_name.clone(),
            modules: invitation.modules.clone(),
            created_at_ms: now_ms(),
            last_contact_ms: now_ms(),
            ..Default::default()
        };
        inner.state.put_link(&link).await?;
        consumer::follow(inner, &link.id);
        tracing::info!(
            link_id = link.id,
            peer = link.peer_did,
            "federation link accepted"
        );
        Ok(link)
    }

    /// `FederationService.Peers`: the org's links with what happened lately; for a link
    /// this instance owns, what the member's consumer on this instance's stream has taken
    /// (events out) and has still to take (lag).
    pub async fn peers(&self, org_id: &str) -> Result<Vec<pb::Link>, FederationError> {
        let mut links = Vec::new();
        for link in self.inner.state.links().await? {
            if link.org_id != org_id {
                continue;
            }
            let mut link = self.inner.with_stats(link);
            if link.role == pb::LinkRole::Owner as i32 && !link.peer_instance_id.is_empty() {
                if let Some((out, lag)) = consumer::progress_of_member(&self.inner, &link).await {
                    link.events_out = out;
                    link.lag = lag;
                }
            }
            links.push(link);
        }
        Ok(links)
    }

    /// Suspends, resumes or removes a link of `org_id` here, then tells the peer (which may be
    /// unreachable: the change holds here, and the peer learns it from the next heartbeat's
    /// answer).
    pub async fn set_link_state(
        &self,
        org_id: &str,
        link_id: &str,
        state: pb::LinkState,
    ) -> Result<pb::Link, FederationError> {
        let inner = &self.inner;
        let mut link = inner
            .state
            .link(link_id)
            .await?
            .filter(|l| l.org_id == org_id)
            .ok_or_else(|| FederationError::NoLink(link_id.to_owned()))?;
        if link.state == pb::LinkState::Removed as i32 {
            return Err(FederationError::Removed { id: link.id });
        }
        link.state = state as i32;
        link.suspended_by = if state == pb::LinkState::Suspended {
            "local".into()
        } else {
            String::new()
        };
        inner.state.put_link(&link).await?;
        control::apply_state_locally(inner, &link).await;
        if !link.peer_instance_id.is_empty() {
            let change = pb::StateChange {
                link_id: link.id.clone(),
                state: state as i32,
                sent_at_ms: now_ms(),
                heartbeat: false,
            };
            if let Err(error) = control::request(
                inner,
                &link.peer_instance_id,
                &link.peer_did,
                "state",
                &change,
            )
            .await
            {
                tracing::warn!(link_id, %error, "the peer was not told of the link's new state");
                inner.update_stats(link_id, |s| s.error = error.to_string());
            }
        }
        Ok(inner.with_stats(link))
    }

    /// `FederationService.ListPeople`: on a followed project, the owner answers.
    pub async fn people(
        &self,
        caller: &RequestContext,
        project_id: &str,
    ) -> Result<Vec<pb::Person>, FederationError> {
        let inner = &self.inner;
        let project = inner.identity.get_project(caller, project_id).await?;
        if project.owner_did.is_empty() {
            return crate::mutate::people_here(inner, project_id, caller).await;
        }
        let link = inner
            .state
            .member_link_of(project_id)
            .await?
            .ok_or_else(|| FederationError::NoLink(format!("for project {project_id}")))?;
        let reply: pb::PeopleReply = control::request_as(
            inner,
            &link.peer_instance_id,
            &link.peer_did,
            "people",
            &pb::PeopleRequest {
                link_id: link.id.clone(),
            },
            "people-reply",
        )
        .await?;
        Ok(reply.people)
    }

    /// `FederationService.RotateKey`: a new key; each linked peer gets the new DID signed by
    /// the old key. Returns the DIDs of peers that could not be told.
    pub async fn rotate_key(&self) -> Result<Vec<String>, FederationError> {
        let inner = &self.inner;
        let old = inner.key();
        let new = std::sync::Arc::new(inner.state.rotate_key(&old).await?);
        let rotation = pb::KeyRotation {
            old_did: old.did().to_owned(),
            new_did: new.did().to_owned(),
            rotated_at_ms: now_ms(),
        };
        *inner.key.write().expect("key lock") = new.clone();
        inner
            .previous
            .lock()
            .expect("previous lock")
            .push(old.did().to_owned());
        tracing::info!(old = old.did(), new = new.did(), "federation key rotated");
        let mut untold = Vec::new();
        let mut told = std::collections::HashSet::new();
        for link in inner.state.links().await? {
            if link.peer_instance_id.is_empty()
                || link.state == pb::LinkState::Removed as i32
                || !told.insert(link.peer_instance_id.clone())
            {
                continue;
            }
            let signed = crate::signed::seal(&old, "rotation", &rotation);
            if let Err(error) =
                control::send_signed(inner, &link.peer_instance_id, &link.peer_did, signed).await
            {
                tracing::warn!(link_id = link.id, %error, "a peer was not told the new DID");
                untold.push(link.peer_did);
            }
        }
        Ok(untold)
    }

    /// `FederationService.ListDeadLetters`.
    pub async fn dead_letters(
        &self,
        org_id: &str,
        limit: u32,
    ) -> Result<Vec<pb::DeadLetter>, FederationError> {
        let limit = match limit {
            0 => 100,
            l => l.min(500),
        };
        self.inner.state.dead_letters(org_id, limit).await
    }
}
