//! Changes a member's people make to a project another instance owns. The member's auth
//! layer hands such a call to [`Forwarder`] (it never runs on the copy): it goes to the owner
//! as a signed `mutate` request over the link; the owner ([`run`]) checks the link, that the
//! call belongs to a shared module, and runs it through its own auth layer and routes as the
//! remote person (`Credential::Federated`: a project-user of the shared project only,
//! account `<their id>@<their instance's DID>`). The owner's answer (or its refusal, code and
//! message) goes back to the caller; the change itself reaches the member like any other,
//! as a signed event of the owner's stream, so every copy follows the owner's order.

use std::sync::Arc;

use bytes::Bytes;
use orbit_proto::orbit::federation::v1 as pb;
use orbit_proto::orbit::system::v1::Role;
use orbit_system::identity::{Credential, Principal};
use orbit_system::server::local::{FederatedCaller, RemoteCall, RemoteOwner};
use tonic::{Code, Status};

use crate::error::FederationError;
use crate::signed::open;
use crate::{Inner, control};

/// The module a gRPC path belongs to, of those a link can share.
fn module_of(path: &str) -> Option<&'static str> {
    let service = path.trim_start_matches('/').split('/').next()?;
    match service {
        "orbit.system.v1.RecordService" => Some("records"),
        s if s.starts_with("orbit.chat.v1.") => Some("chat"),
        s if s.starts_with("orbit.survey.v1.") => Some("survey"),
        _ => None,
    }
}

/// The member side: sends a change to the owner and returns its answer.
pub(crate) struct Forwarder {
    pub(crate) inner: Arc<Inner>,
}

#[tonic::async_trait]
impl RemoteOwner for Forwarder {
    fn forwards(&self, path: &str) -> bool {
        module_of(path).is_some()
    }

    async fn forward(&self, call: RemoteCall) -> Result<Bytes, Status> {
        let inner = &self.inner;
        let Some(link) = inner
            .state
            .member_link_of(&call.project_id)
            .await
            .map_err(crate::error::status)?
        else {
            return Err(Status::failed_precondition(format!(
                "project {} is followed from {}, and no link to it remains: it cannot be changed from here",
                call.project_id, call.owner_did
            )));
        };
        if link.state != pb::LinkState::Active as i32 {
            return Err(Status::failed_precondition(format!(
                "the link to {} is suspended: changes to project {} wait until it is resumed",
                link.peer_did, link.project_id
            )));
        }
        let display_name = inner
            .identity
            .profile(&call.principal)
            .await
            .map(|account| account.display_name)
            .unwrap_or_default();
        let mutate = pb::Mutate {
            link_id: link.id.clone(),
            path: call.path,
            message: call.message.to_vec(),
            account_id: call.principal.account_id,
            request_id: call.request_id,
            display_name,
        };
        let reply: pb::MutateReply = control::request_as(
            inner,
            &link.peer_instance_id,
            &link.peer_did,
            "mutate",
            &mutate,
            "mutate-reply",
        )
        .await
        .map_err(|error| match error {
            FederationError::Unreachable { peer, reason } => Status::unavailable(format!(
                "the owner {peer} cannot be reached ({reason}); try again when it is back"
            )),
            other => crate::error::status(other),
        })?;
        if reply.ok {
            Ok(Bytes::from(reply.message))
        } else {
            Err(Status::new(
                Code::from(reply.code),
                format!("{} (refused by the owner {})", reply.error, link.peer_did),
            ))
        }
    }
}

/// The owner side: runs a linked member's change request and answers it.
pub(crate) async fn run(inner: &Arc<Inner>, signed: &pb::Signed) -> pb::MutateReply {
    match run_checked(inner, signed).await {
        Ok(message) => pb::MutateReply {
            ok: true,
            message: message.to_vec(),
            ..Default::default()
        },
        Err(status) => pb::MutateReply {
            ok: false,
            message: Vec::new(),
            code: status.code() as i32,
            error: status.message().to_owned(),
        },
    }
}

async fn run_checked(inner: &Arc<Inner>, signed: &pb::Signed) -> Result<Bytes, Status> {
    let body: pb::Mutate = open(signed, "mutate", None).map_err(crate::error::status)?;
    let link = inner
        .state
        .link(&body.link_id)
        .await
        .map_err(crate::error::status)?
        .filter(|l| l.peer_did == signed.from_did && l.role == pb::LinkRole::Owner as i32)
        .ok_or_else(|| {
            Status::not_found(format!("no link {} with {}", body.link_id, signed.from_did))
        })?;
    if link.state != pb::LinkState::Active as i32 {
        return Err(Status::failed_precondition(format!(
            "link {} is not active here",
            link.id
        )));
    }
    match module_of(&body.path) {
        Some(module) if link.modules.iter().any(|m| m == module) => {}
        _ => {
            return Err(Status::permission_denied(format!(
                "{} is not a call of a module link {} shares ({:?})",
                body.path, link.id, link.modules
            )));
        }
    }
    if body.account_id.is_empty() || body.account_id.contains('@') {
        return Err(Status::invalid_argument(
            "account_id: not an account id of the member",
        ));
    }
    let local = inner
        .local
        .lock()
        .expect("local lock")
        .clone()
        .ok_or_else(|| Status::unavailable("this instance is not serving yet"))?;
    let account_id = format!("{}@{}", body.account_id, signed.from_did);
    let person = pb::Person {
        account_id: account_id.clone(),
        display_name: body.display_name.chars().take(100).collect(),
        did: signed.from_did.clone(),
    };
    inner
        .state
        .put_person(&link.project_id, &person)
        .await
        .map_err(crate::error::status)?;
    let principal = Principal {
        account_id,
        sys_admin: false,
        credential: Credential::Federated {
            link_id: link.id.clone(),
            did: signed.from_did.clone(),
            project_id: link.project_id.clone(),
            role: Role::ProjectUser,
        },
    };
    tracing::debug!(
        link_id = link.id,
        path = body.path,
        "a linked member's change"
    );
    local
        .call(&body.path, &body.message, FederatedCaller(principal))
        .await
}

/// Who acts in `project_id` as the owner knows it: its members, and the people of linked
/// instances who changed it.
pub(crate) async fn people_here(
    inner: &Inner,
    project_id: &str,
    caller: &orbit_system::identity::RequestContext,
) -> Result<Vec<pb::Person>, FederationError> {
    let mut people: Vec<pb::Person> = inner
        .identity
        .list_project_members(caller, project_id)
        .await?
        .into_iter()
        .map(|m| pb::Person {
            account_id: m.membership.account_id,
            display_name: m.display_name,
            did: String::new(),
        })
        .collect();
    people.extend(inner.state.people(project_id).await?);
    Ok(people)
}

/// The owner side of a member's `people` request.
pub(crate) async fn people_for_member(
    inner: &Arc<Inner>,
    signed: &pb::Signed,
) -> Result<pb::PeopleReply, FederationError> {
    let body: pb::PeopleRequest = open(signed, "people", None)?;
    let link = inner
        .state
        .link(&body.link_id)
        .await?
        .filter(|l| l.peer_did == signed.from_did && l.role == pb::LinkRole::Owner as i32)
        .ok_or_else(|| FederationError::NoLink(body.link_id.clone()))?;
    let caller = orbit_system::identity::RequestContext {
        principal: Some(Principal {
            account_id: format!("federation@{}", signed.from_did),
            sys_admin: false,
            credential: Credential::Federated {
                link_id: link.id.clone(),
                did: signed.from_did.clone(),
                project_id: link.project_id.clone(),
                role: Role::ProjectUser,
            },
        }),
        ..Default::default()
    };
    Ok(pb::PeopleReply {
        people: people_here(inner, &link.project_id, &caller).await?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_shared_modules_calls_are_named() {
        assert_eq!(
            module_of("/orbit.system.v1.RecordService/PutRecord"),
            Some("records")
        );
        assert_eq!(
            module_of("/orbit.chat.v1.ChatService/PostMessage"),
            Some("chat")
        );
        assert_eq!(
            module_of("/orbit.survey.v1.SurveyService/SubmitResponse"),
            Some("survey")
        );
        assert_eq!(module_of("/orbit.system.v1.OrgService/CreateOrg"), None);
        assert_eq!(module_of("/orbit.video.v1.VideoService/CreateCall"), None);
    }
}
