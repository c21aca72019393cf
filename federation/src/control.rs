//! Control messages between linked instances, over NATS request/reply on
//! `orbitfed.<instance>.ctl`: redeeming an invitation, telling a link's new state, heartbeats
//! (whose answers carry the peer's view of the link, so a state change missed while a peer was
//! away is learnt at its next heartbeat) and snapshot pages of a newly shared project. Every
//! message is signed (`signed.rs`); a request from a DID that is not the link's peer is
//! refused, and garbage gets an error reply, never a crash.

use std::sync::Arc;

use futures::StreamExt;
use orbit_cdc::relay::{stream_name, token};
use orbit_proto::orbit::federation::v1 as pb;
use prost::Message;
use tokio::task::JoinHandle;

use crate::error::FederationError;
use crate::signed::{envelope, open, seal};
use crate::state::secret_hash;
use crate::{Inner, consumer, now_ms};

/// How long events signed with a peer's previous key are accepted after it rotated (those
/// signed before the rotation and still on their way).
const OLD_KEY_GRACE_MS: i64 = 10 * 60 * 1000;
/// The largest control message accepted (a change request carries a record of up to this).
const MAX_CONTROL_MESSAGE: usize = 900 * 1024;
/// Snapshot entries per page, and the bytes a page stays under (NATS' default limit is 1 MiB).
const SNAPSHOT_ENTRIES: usize = 500;
const SNAPSHOT_BYTES: usize = 512 * 1024;

/// The control subject of an instance.
pub(crate) fn subject(instance: &str) -> String {
    format!("orbitfed.{}.ctl", token(instance))
}

/// Sends a signed message to the peer; its signed answer, opened as `answer_kind` (a plain
/// refusing reply is the peer's error).
async fn exchange<T: Message + Default>(
    inner: &Inner,
    peer_instance: &str,
    peer_did: &str,
    signed: pb::Signed,
    answer_kind: &str,
) -> Result<T, FederationError> {
    let client = inner.client()?;
    let answer = client
        .request(subject(peer_instance), signed.encode_to_vec().into())
        .await
        .map_err(|e| FederationError::Unreachable {
            peer: peer_did.to_owned(),
            reason: e.to_string(),
        })?;
    let answer = envelope(&answer.payload)?;
    if answer.kind == "reply" && answer_kind != "reply" {
        // The peer refused with a plain reply.
        let reply: pb::Reply = open(&answer, "reply", Some(peer_did))?;
        return Err(FederationError::Refused(reply.error));
    }
    open(&answer, answer_kind, Some(peer_did))
}

/// Sends an already signed message to the peer; its answer, or its refusal as an error.
pub(crate) async fn send_signed(
    inner: &Inner,
    peer_instance: &str,
    peer_did: &str,
    signed: pb::Signed,
) -> Result<pb::Reply, FederationError> {
    let reply: pb::Reply = exchange(inner, peer_instance, peer_did, signed, "reply").await?;
    if reply.ok {
        Ok(reply)
    } else {
        Err(FederationError::Refused(reply.error))
    }
}

/// Sends `body` as `kind` to the peer and returns its signed answer of `answer_kind`.
pub(crate) async fn request_as<T: Message + Default>(
    inner: &Inner,
    peer_instance: &str,
    peer_did: &str,
    kind: &str,
    body: &impl Message,
    answer_kind: &str,
) -> Result<T, FederationError> {
    let signed = seal(&inner.key(), kind, body);
    exchange(inner, peer_instance, peer_did, signed, answer_kind).await
}

/// Sends `body` as `kind` to the peer and returns its answer.
pub(crate) async fn request(
    inner: &Inner,
    peer_instance: &str,
    peer_did: &str,
    kind: &str,
    body: &impl Message,
) -> Result<pb::Reply, FederationError> {
    request_as(inner, peer_instance, peer_did, kind, body, "reply").await
}

/// Answers control requests until federation stops.
pub(crate) fn spawn_responder(inner: Arc<Inner>, client: async_nats::Client) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut requests = match client.subscribe(subject(&inner.instance_id)).await {
            Ok(requests) => requests,
            Err(error) => {
                tracing::error!(%error, "federation cannot listen for peers");
                return;
            }
        };
        let mut stop = inner.stop.subscribe();
        loop {
            let message = tokio::select! {
                _ = stop.changed() => return,
                message = requests.next() => match message {
                    Some(message) => message,
                    None => return,
                },
            };
            let Some(reply_to) = message.reply.clone() else {
                continue;
            };
            let (inner, client) = (inner.clone(), client.clone());
            tokio::spawn(async move {
                let answer = answer(&inner, &message.payload).await;
                if let Err(error) = client
                    .publish(reply_to, answer.encode_to_vec().into())
                    .await
                {
                    tracing::warn!(%error, "a federation answer was not sent");
                }
            });
        }
    })
}

/// The signed answer to one request.
async fn answer(inner: &Arc<Inner>, bytes: &[u8]) -> pb::Signed {
    let key = inner.key();
    let outcome = async {
        if bytes.len() > MAX_CONTROL_MESSAGE {
            return Err(FederationError::invalid(
                "message",
                format!("{} bytes is too large", bytes.len()),
            ));
        }
        let signed = envelope(bytes)?;
        match signed.kind.as_str() {
            "redeem" => redeem(inner, &signed).await.map(reply_ok),
            "state" => state_change(inner, &signed).await.map(reply_ok),
            "snapshot" => {
                return snapshot(inner, &signed)
                    .await
                    .map(|page| seal(&key, "snapshot-page", &page));
            }
            "rotation" => rotation(inner, &signed).await.map(|()| pb::Reply {
                ok: true,
                ..Default::default()
            }),
            "people" => {
                return crate::mutate::people_for_member(inner, &signed)
                    .await
                    .map(|reply| seal(&key, "people-reply", &reply));
            }
            "mutate" => {
                return Ok(seal(
                    &key,
                    "mutate-reply",
                    &crate::mutate::run(inner, &signed).await,
                ));
            }
            other => Err(FederationError::invalid(
                "kind",
                format!("{other:?} is not a control message"),
            )),
        }
        .map(|reply| seal(&key, "reply", &reply))
    }
    .await;
    outcome.unwrap_or_else(|error| {
        tracing::debug!(%error, "a federation request was refused");
        seal(
            &key,
            "reply",
            &pb::Reply {
                ok: false,
                error: error.to_string(),
                link: None,
            },
        )
    })
}

fn reply_ok(link: pb::Link) -> pb::Reply {
    pb::Reply {
        ok: true,
        error: String::new(),
        link: Some(link),
    }
}

/// The owner side of accepting an invitation.
async fn redeem(inner: &Inner, signed: &pb::Signed) -> Result<pb::Link, FederationError> {
    let body: pb::Redeem = open(signed, "redeem", None)?;
    let me = inner.key().did().to_owned();
    let (invitation, version) = inner
        .state
        .invitation(&body.link_id)
        .await?
        .ok_or_else(|| FederationError::UnknownInvitation(me.clone()))?;
    if invitation.secret.is_empty() {
        return Err(FederationError::Used);
    }
    if secret_hash(&body.secret) != invitation.secret {
        return Err(FederationError::Refused(
            "the invitation's secret is wrong".into(),
        ));
    }
    if invitation.expires_at_ms <= now_ms() {
        return Err(FederationError::Expired {
            expired_at_ms: invitation.expires_at_ms,
        });
    }
    if !invitation.for_did.is_empty() && invitation.for_did != signed.from_did {
        return Err(FederationError::NotForUs {
            for_did: invitation.for_did,
            this_did: signed.from_did.clone(),
        });
    }
    if !inner.state.use_invitation(&invitation, version).await? {
        return Err(FederationError::Used);
    }
    let mut link = inner
        .state
        .link(&body.link_id)
        .await?
        .ok_or(FederationError::UnknownInvitation(me))?;
    link.state = pb::LinkState::Active as i32;
    link.peer_did = signed.from_did.clone();
    link.peer_instance_id = body.instance_id;
    link.peer_domain = body.jetstream_domain;
    link.last_contact_ms = now_ms();
    inner.state.put_link(&link).await?;
    tracing::info!(
        link_id = link.id,
        peer = link.peer_did,
        "federation link redeemed"
    );
    Ok(link)
}

/// A peer tells a link's new state, or beats.
async fn state_change(
    inner: &Arc<Inner>,
    signed: &pb::Signed,
) -> Result<pb::Link, FederationError> {
    let body: pb::StateChange = open(signed, "state", None)?;
    let mut link = inner
        .state
        .link(&body.link_id)
        .await?
        .filter(|l| l.peer_did == signed.from_did)
        .ok_or_else(|| FederationError::NoLink(body.link_id.clone()))?;
    inner.update_stats(&link.id, |s| {
        s.last_contact_ms = now_ms();
        s.error.clear();
    });
    if body.heartbeat || link.state == pb::LinkState::Removed as i32 || link.state == body.state {
        return Ok(link);
    }
    let state = pb::LinkState::try_from(body.state).map_err(|_| {
        FederationError::invalid("state", format!("{} is not a link state", body.state))
    })?;
    match state {
        pb::LinkState::Active | pb::LinkState::Suspended | pb::LinkState::Removed => {}
        pb::LinkState::Unspecified => {
            return Err(FederationError::invalid("state", "is unspecified"));
        }
    }
    link.state = state as i32;
    link.suspended_by = if state == pb::LinkState::Suspended {
        "peer".into()
    } else {
        String::new()
    };
    inner.state.put_link(&link).await?;
    apply_state_locally(inner, &link).await;
    tracing::info!(link_id = link.id, state = ?state, "the peer changed the link's state");
    Ok(link)
}

/// A peer's new DID, signed by its old key: every link with the old DID takes the new one
/// (its events are signed with the new key from now on).
async fn rotation(inner: &Arc<Inner>, signed: &pb::Signed) -> Result<(), FederationError> {
    let body: pb::KeyRotation = open(signed, "rotation", None)?;
    if body.old_did != signed.from_did {
        return Err(FederationError::Refused(
            "a rotation must be signed by the old key".into(),
        ));
    }
    crate::did::verifying_key(&body.new_did)?;
    let mut changed = 0;
    for mut link in inner.state.links().await? {
        if link.peer_did == body.old_did {
            link.previous_peer_did = std::mem::replace(&mut link.peer_did, body.new_did.clone());
            link.previous_valid_until_ms = now_ms() + OLD_KEY_GRACE_MS;
            inner.state.put_link(&link).await?;
            if link.role == pb::LinkRole::Member as i32
                && link.state == pb::LinkState::Active as i32
            {
                // The follower checks signatures against the link as it read it: restart it.
                consumer::unfollow(inner, &link.id).await;
                consumer::follow(inner, &link.id);
            }
            changed += 1;
        }
    }
    if changed == 0
        && !inner
            .state
            .links()
            .await?
            .iter()
            .any(|l| l.peer_did == body.new_did)
    {
        return Err(FederationError::NoLink(format!("with {}", body.old_did)));
    }
    tracing::info!(
        old = body.old_did,
        new = body.new_did,
        "a peer rotated its key"
    );
    Ok(())
}

/// Starts or stops following a member link as its state says.
pub(crate) async fn apply_state_locally(inner: &Arc<Inner>, link: &pb::Link) {
    if link.role != pb::LinkRole::Member as i32 {
        return;
    }
    if link.state == pb::LinkState::Active as i32 {
        consumer::follow(inner, &link.id);
    } else {
        consumer::unfollow(inner, &link.id).await;
    }
}

/// A page of a shared project's state in one module, for the member of the link.
async fn snapshot(inner: &Inner, signed: &pb::Signed) -> Result<pb::SnapshotPage, FederationError> {
    let body: pb::SnapshotRequest = open(signed, "snapshot", None)?;
    let link = inner
        .state
        .link(&body.link_id)
        .await?
        .filter(|l| l.peer_did == signed.from_did && l.role == pb::LinkRole::Owner as i32)
        .ok_or_else(|| FederationError::NoLink(body.link_id.clone()))?;
    if link.state != pb::LinkState::Active as i32 {
        return Err(FederationError::Refused(format!(
            "link {} is not active",
            link.id
        )));
    }
    if !link.modules.contains(&body.module) {
        return Err(FederationError::Refused(format!(
            "module {:?} is not shared by link {}",
            body.module, link.id
        )));
    }
    let stream_seq = match body.stream_seq {
        0 => own_stream_last_seq(inner).await?,
        seq => seq,
    };
    let db = inner.store.database(&body.module).await?;
    let prefix = format!("{}/", link.project_id);
    let mut entries = Vec::new();
    let mut bytes = 0usize;
    let (mut keyspace, mut key) = (body.after_keyspace, body.after_key);
    loop {
        let page = db
            .export_page((&keyspace, &key), SNAPSHOT_ENTRIES as u32)
            .await?;
        let Some((last_keyspace, last)) = page.last() else {
            return Ok(pb::SnapshotPage {
                entries,
                next_keyspace: String::new(),
                next_key: Vec::new(),
                done: true,
                stream_seq,
            });
        };
        (keyspace, key) = (last_keyspace.clone(), last.key.clone());
        for (ks, record) in page {
            if record.key.starts_with(prefix.as_bytes()) && ks != consumer::HWM_KEYSPACE {
                bytes += record.key.len() + record.value.len() + ks.len() + 16;
                entries.push(pb::SnapshotEntry {
                    keyspace: ks,
                    key: record.key,
                    value: record.value,
                });
            }
        }
        if entries.len() >= SNAPSHOT_ENTRIES || bytes >= SNAPSHOT_BYTES {
            return Ok(pb::SnapshotPage {
                entries,
                next_keyspace: keyspace,
                next_key: key,
                done: false,
                stream_seq,
            });
        }
    }
}

/// The last sequence number of this instance's relay stream (0 if it has none yet).
async fn own_stream_last_seq(inner: &Inner) -> Result<u64, FederationError> {
    let js = async_nats::jetstream::new(inner.client()?);
    match js.get_stream(stream_name(&inner.instance_id)).await {
        Ok(mut stream) => Ok(stream
            .info()
            .await
            .map_err(|e| FederationError::Nats(e.to_string()))?
            .state
            .last_sequence),
        Err(error)
            if matches!(
                error.kind(),
                async_nats::jetstream::context::GetStreamErrorKind::JetStream(e)
                    if e.error_code() == async_nats::jetstream::ErrorCode::STREAM_NOT_FOUND
            ) =>
        {
            Ok(0)
        }
        Err(error) => Err(FederationError::Nats(error.to_string())),
    }
}

/// Beats to every linked peer; adopts the state a peer's answer shows when it changed there
/// while this side did not hear (suspended, resumed or removed by the peer).
pub(crate) fn spawn_heartbeats(inner: Arc<Inner>) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut stop = inner.stop.subscribe();
        loop {
            tokio::select! {
                _ = stop.changed() => return,
                _ = tokio::time::sleep(inner.config.heartbeat) => {}
            }
            let links = match inner.state.links().await {
                Ok(links) => links,
                Err(error) => {
                    tracing::warn!(%error, "federation links cannot be read");
                    continue;
                }
            };
            for link in links {
                if link.peer_instance_id.is_empty() || link.state == pb::LinkState::Removed as i32 {
                    continue;
                }
                beat(&inner, link).await;
            }
        }
    })
}

async fn beat(inner: &Arc<Inner>, mut link: pb::Link) {
    let change = pb::StateChange {
        link_id: link.id.clone(),
        state: link.state,
        sent_at_ms: now_ms(),
        heartbeat: true,
    };
    match request(
        inner,
        &link.peer_instance_id,
        &link.peer_did,
        "state",
        &change,
    )
    .await
    {
        Ok(reply) if reply.ok => {
            inner.update_stats(&link.id, |s| {
                s.last_contact_ms = now_ms();
                s.error.clear();
            });
            let Some(theirs) = reply.link else { return };
            let adopt = if theirs.state == pb::LinkState::Removed as i32 {
                Some(pb::LinkState::Removed)
            } else if theirs.state == pb::LinkState::Suspended as i32
                && theirs.suspended_by == "local"
                && link.state == pb::LinkState::Active as i32
            {
                Some(pb::LinkState::Suspended)
            } else if theirs.state == pb::LinkState::Active as i32
                && link.state == pb::LinkState::Suspended as i32
                && link.suspended_by == "peer"
            {
                Some(pb::LinkState::Active)
            } else {
                None
            };
            if let Some(state) = adopt {
                link.state = state as i32;
                link.suspended_by = if state == pb::LinkState::Suspended {
                    "peer".into()
                } else {
                    String::new()
                };
                if inner.state.put_link(&link).await.is_ok() {
                    apply_state_locally(inner, &link).await;
                }
            }
        }
        Ok(reply) => inner.update_stats(&link.id, |s| s.error = reply.error),
        Err(error) => inner.update_stats(&link.id, |s| s.error = error.to_string()),
    }
}
