//! Ends a live stream as soon as its caller loses access: every tenancy change of this
//! process (a membership removed, a role lowered, a project archived) makes each stream
//! re-decide at once, instead of at its next periodic recheck.
//!
//! A stream scoped to one project ends with PERMISSION_DENIED when the caller may no longer
//! read that project; an org-wide stream keeps running and only forgets its per-project
//! decisions (through `on_change`), so the next event of a project it lost is withheld.

use std::sync::Arc;

use futures::{Stream, StreamExt, stream};
use orbit_proto::orbit::system::v1::Role;
use orbit_system::identity::{Identity, Principal};
use tonic::Status;

/// An item of the merged stream: the wrapped stream's, its end, or the revocation.
enum Merged<T> {
    Item(Option<Result<T, Status>>),
    Revoked(Status),
}

/// `items`, ended early with PERMISSION_DENIED when `principal` loses read access to
/// `project_id` (if given); `on_change` runs after every tenancy change.
pub fn end_when_revoked<T: Send + 'static>(
    items: impl Stream<Item = Result<T, Status>> + Send + 'static,
    identity: Identity,
    principal: Arc<Principal>,
    project_id: Option<String>,
    on_change: impl Fn() + Send + Sync + 'static,
) -> impl Stream<Item = Result<T, Status>> + Send + 'static {
    let changes = identity.tenancy_changes();
    let state = (changes, identity, principal, project_id, on_change);
    let revoked = stream::unfold(state, |state| async move {
        let (mut changes, identity, principal, project_id, on_change) = state;
        loop {
            if changes.changed().await.is_err() {
                // Identity is gone (shutdown): nothing will change any more.
                futures::future::pending::<()>().await;
            }
            on_change();
            let Some(project) = &project_id else {
                continue;
            };
            let allowed = matches!(
                identity.role_in_project(&principal, project).await,
                Ok(role) if role >= Role::ProjectUser
            );
            if !allowed {
                let status = Status::permission_denied(format!(
                    "access to project {project} was withdrawn; this stream has ended"
                ));
                tracing::debug!(project, account = %principal.account_id, "stream ended: access withdrawn");
                return Some((
                    status,
                    (changes, identity, principal, project_id, on_change),
                ));
            }
        }
    });
    let items = items
        .map(Some)
        .chain(stream::once(async { None }))
        .map(Merged::Item);
    stream::select(items, revoked.map(Merged::Revoked)).scan(false, |ended, merged| {
        let next = match merged {
            _ if *ended => None,
            Merged::Item(item) => item,
            Merged::Revoked(status) => {
                *ended = true;
                Some(Err(status))
            }
        };
        futures::future::ready(next)
    })
}
