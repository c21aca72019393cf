//! Following a project another instance owns (the member side of a link).
//!
//! A new link first copies the project's state, module by module, in snapshot pages over
//! the control subject. Then a durable JetStream consumer on the owner's stream (reached
//! through this instance's NATS server with the owner's JetStream domain, explicit acks)
//! delivers the project's change events in order. Each is checked before anything is
//! applied: signed by the link's peer (`Orbit-Origin`, `Orbit-Signature` over
//! `orbit_cdc::relay::signing_input`), decodable, of the link's project and modules, and not a
//! replay of an origin sequence number already applied. It is then applied as the stored
//! bytes, with the module's mark for the link (stream and origin sequence numbers, written
//! with `put_unscoped` so no feed passes it on) in the same transaction: a redelivery after a
//! crash finds the mark and is skipped, so each event lands once, and this instance's feeds,
//! views and live watchers see it like a local write. A refused event goes to the dead-letter
//! list with the reason and is passed; a store that cannot write stops the batch before the
//! event, which comes again.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use async_nats::jetstream::consumer::{AckPolicy, DeliverPolicy, pull};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use futures::{FutureExt, StreamExt};
use orbit_cdc::relay::{HEADER_ORIGIN, HEADER_SIGNATURE, signing_input, stream_name, token};
use orbit_proto::orbit::cdc::v1 as cdc;
use orbit_proto::orbit::federation::v1 as pb;
use orbit_system::store::{EventScope, HlcStamp, StoreError, Transaction};
use prost::Message;
use tokio::sync::watch;

use crate::error::FederationError;
use crate::{Inner, control, now_ms};

/// The keyspace of a member link's marks in each module database.
pub(crate) const HWM_KEYSPACE: &str = "fed_hwm";
/// Events fetched at once.
const BATCH: usize = 256;

/// What a module database has applied of a link.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Mark {
    /// The owner's stream sequence number of the last event applied.
    stream: u64,
    /// The owner's outbox sequence number of it (per module): a replay carries an old one.
    origin: u64,
}

impl Mark {
    fn encode(self) -> Vec<u8> {
        let mut bytes = self.stream.to_be_bytes().to_vec();
        bytes.extend_from_slice(&self.origin.to_be_bytes());
        bytes
    }

    fn decode(bytes: &[u8]) -> Result<Mark, FederationError> {
        let (stream, origin) = (bytes.get(..8), bytes.get(8..16));
        match (stream, origin) {
            (Some(s), Some(o)) => Ok(Mark {
                stream: u64::from_be_bytes(s.try_into().expect("8 bytes")),
                origin: u64::from_be_bytes(o.try_into().expect("8 bytes")),
            }),
            _ => Err(FederationError::Corrupt(
                "a federation mark is not 16 bytes".into(),
            )),
        }
    }
}

/// Starts following `link_id` unless it already is.
pub(crate) fn follow(inner: &Arc<Inner>, link_id: &str) {
    let mut followers = inner.followers.lock().expect("followers lock");
    if followers
        .get(link_id)
        .is_some_and(|(_, task)| !task.is_finished())
    {
        return;
    }
    let (stop, stopped) = watch::channel(false);
    let task = tokio::spawn(run(inner.clone(), link_id.to_owned(), stopped));
    followers.insert(link_id.to_owned(), (stop, task));
}

/// What the names of the durable consumers a member of `link` keeps on the owner's stream
/// start with (each follow makes a new one: a pull still pending for a deleted consumer must
/// not hold back the next one's messages).
fn durable_prefix(member_instance: &str, link_id: &str) -> String {
    format!("fed_{}_{link_id}_", token(member_instance))
}

/// The names of the stream's consumers that start with `prefix`, oldest first.
async fn consumers_named(
    stream: &async_nats::jetstream::stream::Stream,
    prefix: &str,
) -> Vec<String> {
    let mut names: Vec<String> = stream
        .consumer_names()
        .filter_map(|name| async move { name.ok() })
        .filter(|name| futures::future::ready(name.starts_with(prefix)))
        .collect()
        .await;
    names.sort();
    names
}

/// On the owner: what the member's consumer has delivered (events out) and has pending
/// (lag); `None` when it cannot be read (NATS down, no consumer yet).
pub(crate) async fn progress_of_member(inner: &Inner, link: &pb::Link) -> Option<(u64, u64)> {
    let js = async_nats::jetstream::new(inner.client().ok()?);
    let stream = js.get_stream(stream_name(&inner.instance_id)).await.ok()?;
    let prefix = durable_prefix(&link.peer_instance_id, &link.id);
    let newest = tokio::time::timeout(
        inner.config.request_timeout,
        consumers_named(&stream, &prefix),
    )
    .await
    .ok()?
    .pop()?;
    let info = tokio::time::timeout(inner.config.request_timeout, stream.consumer_info(newest))
        .await
        .ok()?
        .ok()?;
    Some((info.delivered.consumer_sequence, info.num_pending))
}

/// Stops following `link_id` and waits for it.
pub(crate) async fn unfollow(inner: &Inner, link_id: &str) {
    let follower = inner
        .followers
        .lock()
        .expect("followers lock")
        .remove(link_id);
    if let Some((stop, task)) = follower {
        let _ = stop.send(true);
        let _ = task.await;
    }
}

async fn run(inner: Arc<Inner>, link_id: String, mut stop: watch::Receiver<bool>) {
    let mut backoff = Duration::from_millis(250);
    loop {
        if *stop.borrow() || *inner.stop.borrow() {
            return;
        }
        match follow_once(&inner, &link_id, &mut stop).await {
            Ok(()) => return,
            Err(error) => {
                tracing::warn!(link_id, %error, "following the peer failed; trying again");
                inner.update_stats(&link_id, |s| s.error = error.to_string());
            }
        }
        tokio::select! {
            _ = stop.changed() => return,
            _ = tokio::time::sleep(backoff) => {}
        }
        backoff = (backoff * 2).min(Duration::from_secs(5));
    }
}

async fn follow_once(
    inner: &Arc<Inner>,
    link_id: &str,
    stop: &mut watch::Receiver<bool>,
) -> Result<(), FederationError> {
    let Some(link) = inner.state.link(link_id).await? else {
        return Ok(());
    };
    if link.state != pb::LinkState::Active as i32 || link.role != pb::LinkRole::Member as i32 {
        return Ok(());
    }
    let mut marks = HashMap::new();
    for module in &link.modules {
        let db = inner.store.database(module).await?;
        let mark = match db.get(HWM_KEYSPACE, link.id.as_bytes()).await? {
            Some(record) => Mark::decode(&record.value)?,
            None => snapshot(inner, &link, module).await?,
        };
        marks.insert(module.clone(), mark);
    }
    let start = marks.values().map(|m| m.stream).min().unwrap_or(0) + 1;
    let js = async_nats::jetstream::with_domain(inner.client()?, &link.peer_domain);
    let stream = match js.get_stream(stream_name(&link.peer_instance_id)).await {
        Ok(stream) => stream,
        Err(error) => {
            return Err(FederationError::Unreachable {
                peer: link.peer_did.clone(),
                reason: format!("its stream: {error}"),
            });
        }
    };
    let prefix = durable_prefix(&inner.instance_id, &link.id);
    // Start from this side's marks, whatever an earlier consumer had: it goes.
    for old in consumers_named(&stream, &prefix).await {
        let _ = stream.delete_consumer(&old).await;
    }
    let durable = format!("{prefix}{:016x}", now_ms());
    let consumer: async_nats::jetstream::consumer::PullConsumer = stream
        .create_consumer(pull::Config {
            durable_name: Some(durable),
            filter_subject: format!(
                "orbit.{}.*.{}.>",
                token(&link.peer_instance_id),
                token(&link.project_id)
            ),
            deliver_policy: DeliverPolicy::ByStartSequence {
                start_sequence: start,
            },
            ack_policy: AckPolicy::All,
            ack_wait: Duration::from_secs(30),
            max_ack_pending: 10_000,
            ..Default::default()
        })
        .await
        .map_err(|e| FederationError::Nats(format!("cannot follow the peer's stream: {e}")))?;
    tracing::info!(link_id, start, "following the peer's stream");
    inner.update_stats(link_id, |s| s.error.clear());
    let mut messages = consumer
        .stream()
        .max_messages_per_batch(BATCH)
        .messages()
        .await
        .map_err(|e| FederationError::Nats(format!("cannot follow the peer's stream: {e}")))?;
    // Events processed but not acknowledged yet (acknowledging the last acknowledges all).
    let mut last;
    // The next delivery, when one was ready at once.
    let mut peeked = None;
    let mut group: Option<Group> = None;
    loop {
        // Consecutive events of one module and entity go in one transaction, written and
        // acknowledged when the consumer has nothing more pending (a live event waits for
        // nothing) or the group is full: a catch-up writes in large transactions.
        let next = match peeked.take() {
            Some(next) => next,
            None => tokio::select! {
                _ = stop.changed() => return Ok(()),
                next = messages.next() => next,
            },
        };
        let Some(message) = next else {
            return Err(FederationError::Nats("the peer's stream ended".into()));
        };
        let message = message.map_err(|e| FederationError::Nats(e.to_string()))?;
        let (seq, pending) = match message.info() {
            Ok(info) => (info.stream_sequence, info.pending),
            Err(e) => return Err(FederationError::Nats(e.to_string())),
        };
        match check(&link, &marks, &Delivered::of(&message, seq)) {
            Checked::Apply(event, mark) => {
                inner.store.clock().observe(HlcStamp(event.hlc));
                if group.as_ref().is_some_and(|g| {
                    g.module != event.module || g.entity != event.entity || g.events.len() >= BATCH
                }) {
                    let applied = flush(inner, &link, group.take()).await?;
                    inner.update_stats(link_id, |s| s.events_in += applied);
                }
                marks.insert(event.module.clone(), mark);
                let subject = message.subject.to_string();
                group
                    .get_or_insert_with(|| Group::new(&event))
                    .add(*event, mark, subject);
            }
            Checked::Duplicate => {}
            Checked::Refused(reason) => dead_letter(inner, &link, &message, seq, reason).await?,
            Checked::UnknownOrigin(reason) => {
                let now = inner.state.link(link_id).await?;
                if now.as_ref().is_some_and(|l| l.peer_did != link.peer_did) {
                    // The peer rotated its key meanwhile: follow again with the link as it is.
                    return Err(FederationError::Refused(
                        "the peer's key changed; following again".into(),
                    ));
                }
                dead_letter(inner, &link, &message, seq, reason).await?
            }
        }
        inner.update_stats(link_id, |s| {
            s.lag = pending;
            s.last_contact_ms = now_ms();
        });
        last = Some(message);
        // More is coming right away: keep grouping (a catch-up); else write now.
        if pending > 0 && group.as_ref().is_none_or(|g| g.events.len() < BATCH) {
            peeked = messages.next().now_or_never();
        }
        if peeked.is_none() || group.as_ref().is_some_and(|g| g.events.len() >= BATCH) {
            let applied = flush(inner, &link, group.take()).await?;
            if applied > 0 {
                inner.update_stats(link_id, |s| s.events_in += applied);
            }
            if let Some(last) = last.take() {
                ack(&last).await?;
            }
        }
    }
}

/// Consecutive accepted events of one module and entity, written in one transaction with the
/// module's mark after the last of them.
struct Group {
    module: String,
    entity: String,
    /// The events with their marks, origin DIDs and subjects (for a dead letter).
    events: Vec<(cdc::FeedEvent, Mark, String)>,
}

impl Group {
    fn new(event: &cdc::FeedEvent) -> Group {
        Group {
            module: event.module.clone(),
            entity: event.entity.clone(),
            events: Vec::new(),
        }
    }

    fn add(&mut self, event: cdc::FeedEvent, mark: Mark, subject: String) {
        self.events.push((event, mark, subject));
    }
}

fn transaction(
    link: &pb::Link,
    entity: &str,
    events: &[(cdc::FeedEvent, Mark, String)],
) -> Transaction {
    let mut txn = Transaction::new();
    for (event, _, _) in events {
        txn = if event.operation == cdc::ChangeOperation::Delete as i32 {
            txn.delete(&event.keyspace, event.raw_key.clone())
        } else {
            txn.put(
                &event.keyspace,
                event.raw_key.clone(),
                event.raw_value.clone(),
            )
        };
    }
    let mark = events.last().map(|(_, mark, _)| *mark).unwrap_or_default();
    txn.put_unscoped(HWM_KEYSPACE, link.id.as_bytes().to_vec(), mark.encode())
        .scope(EventScope {
            org_id: link.org_id.clone(),
            project_id: link.project_id.clone(),
            entity: entity.to_owned(),
            federated: false,
        })
}

/// Writes a group; returns how many events it applied. An event the store refuses as
/// invalid (it could not have been stored at the origin) is dead-lettered alone, the others
/// applied one by one, so one bad event never blocks the link.
async fn flush(
    inner: &Inner,
    link: &pb::Link,
    group: Option<Group>,
) -> Result<u64, FederationError> {
    let Some(group) = group else { return Ok(0) };
    let db = inner.store.database(&group.module).await?;
    match db
        .commit(transaction(link, &group.entity, &group.events))
        .await
    {
        Ok(_) => return Ok(group.events.len() as u64),
        Err(StoreError::Invalid { .. }) => {}
        Err(error) => return Err(error.into()),
    }
    let mut applied = 0;
    for one in group.events.chunks(1) {
        match db.commit(transaction(link, &group.entity, one)).await {
            Ok(_) => applied += 1,
            Err(StoreError::Invalid { what, reason }) => {
                let (event, mark, subject) = &one[0];
                let letter = letter(
                    link,
                    mark.stream,
                    &link.peer_did,
                    subject.clone(),
                    event.seq,
                    format!("cannot be stored: {what}: {reason}"),
                );
                inner.state.put_dead_letter(&link.org_id, &letter).await?;
            }
            Err(error) => return Err(error.into()),
        }
    }
    Ok(applied)
}

async fn ack(message: &async_nats::jetstream::Message) -> Result<(), FederationError> {
    message
        .ack()
        .await
        .map_err(|e| FederationError::Nats(format!("acknowledging: {e}")))
}

fn header<'a>(message: &'a async_nats::jetstream::Message, name: &str) -> Option<&'a str> {
    message.headers.as_ref()?.get(name).map(|v| v.as_str())
}

/// What a delivered event is.
enum Checked {
    /// To apply, with the module's mark after it.
    Apply(Box<cdc::FeedEvent>, Mark),
    /// Delivered again after it was applied (a redelivery): passed silently.
    Duplicate,
    /// Not applied, for this reason (dead-lettered).
    Refused(String),
    /// Signed by another DID than the link's: dead-lettered, unless the peer's key changed
    /// since the link was read.
    UnknownOrigin(String),
}

/// What a delivered message is made of, as [`check`] reads it.
struct Delivered<'a> {
    subject: &'a str,
    origin: Option<&'a str>,
    signature: Option<&'a str>,
    msg_id: &'a str,
    payload: &'a [u8],
    stream_seq: u64,
}

impl<'a> Delivered<'a> {
    fn of(message: &'a async_nats::jetstream::Message, stream_seq: u64) -> Delivered<'a> {
        Delivered {
            subject: message.subject.as_str(),
            origin: header(message, HEADER_ORIGIN),
            signature: header(message, HEADER_SIGNATURE),
            msg_id: header(message, "Nats-Msg-Id").unwrap_or_default(),
            payload: &message.payload,
            stream_seq,
        }
    }
}

/// Checks one delivered event: signed by the link's peer, decodable, of the link's project
/// and modules, and new. No I/O.
fn check(link: &pb::Link, marks: &HashMap<String, Mark>, delivered: &Delivered<'_>) -> Checked {
    let refuse = Checked::Refused;
    let Some(origin) = delivered.origin else {
        return refuse("unsigned: the event carries no Orbit-Origin".into());
    };
    let previous_key = origin == link.previous_peer_did && now_ms() < link.previous_valid_until_ms;
    if origin != link.peer_did && !previous_key {
        return Checked::UnknownOrigin(format!(
            "from an unknown DID {origin}: the link's peer is {}",
            link.peer_did
        ));
    }
    let signature = delivered
        .signature
        .and_then(|s| URL_SAFE_NO_PAD.decode(s).ok())
        .unwrap_or_default();
    let input = signing_input(delivered.subject, delivered.msg_id, delivered.payload);
    if crate::did::verify(origin, &input, &signature).is_err() {
        return refuse(format!(
            "forged: the signature does not verify against {origin}"
        ));
    }
    let event = match cdc::FeedEvent::decode(delivered.payload) {
        Ok(event) => event,
        Err(error) => {
            return refuse(format!(
                "garbage: the payload is not a change event ({error})"
            ));
        }
    };
    let prefix = format!("{}/", link.project_id);
    if event.project_id != link.project_id
        || !link.modules.contains(&event.module)
        || !event.raw_key.starts_with(prefix.as_bytes())
        || event.keyspace.is_empty()
        || event.keyspace == HWM_KEYSPACE
    {
        return refuse(format!(
            "outside the link: module {:?}, project {:?}, key {:?} (the link shares {:?} of project {})",
            event.module,
            event.project_id,
            String::from_utf8_lossy(&event.raw_key),
            link.modules,
            link.project_id
        ));
    }
    let mark = marks.get(&event.module).copied().unwrap_or_default();
    if delivered.stream_seq <= mark.stream {
        return Checked::Duplicate;
    }
    if event.seq <= mark.origin {
        return refuse(format!(
            "replayed: event {} of module {} was already applied",
            event.seq, event.module
        ));
    }
    let next = Mark {
        stream: delivered.stream_seq,
        origin: event.seq,
    };
    Checked::Apply(Box::new(event), next)
}

/// Lists a refused delivery on the dead-letter list of the link's org.
async fn dead_letter(
    inner: &Inner,
    link: &pb::Link,
    message: &async_nats::jetstream::Message,
    stream_seq: u64,
    reason: String,
) -> Result<(), FederationError> {
    let letter = letter(
        link,
        stream_seq,
        header(message, HEADER_ORIGIN).unwrap_or_default(),
        message.subject.to_string(),
        header(message, orbit_cdc::relay::HEADER_SEQ)
            .and_then(|s| s.parse().ok())
            .unwrap_or_default(),
        reason,
    );
    inner.state.put_dead_letter(&link.org_id, &letter).await
}

/// The dead letter of the event at `stream_seq` of `link`'s stream (one per position: the
/// same event refused again replaces it).
fn letter(
    link: &pb::Link,
    stream_seq: u64,
    origin_did: &str,
    subject: String,
    origin_seq: u64,
    reason: String,
) -> pb::DeadLetter {
    tracing::warn!(
        link_id = link.id,
        stream_seq,
        reason,
        "a federated event was refused"
    );
    pb::DeadLetter {
        id: format!("{}-{stream_seq:020}", link.id),
        link_id: link.id.clone(),
        origin_did: origin_did.to_owned(),
        subject,
        origin_seq,
        reason,
        received_at_ms: now_ms(),
    }
}

/// Copies the project's state in `module` from the owner; returns the mark to follow from.
async fn snapshot(inner: &Inner, link: &pb::Link, module: &str) -> Result<Mark, FederationError> {
    let db = inner.store.database(module).await?;
    let prefix = format!("{}/", link.project_id);
    let mut request = pb::SnapshotRequest {
        link_id: link.id.clone(),
        module: module.to_owned(),
        ..Default::default()
    };
    let mut copied = 0usize;
    loop {
        let page: pb::SnapshotPage = control::request_as(
            inner,
            &link.peer_instance_id,
            &link.peer_did,
            "snapshot",
            &request,
            "snapshot-page",
        )
        .await?;
        request.stream_seq = page.stream_seq;
        let mut txn = Transaction::new();
        for entry in page.entries {
            if entry.key.starts_with(prefix.as_bytes()) && entry.keyspace != HWM_KEYSPACE {
                txn = txn.put(&entry.keyspace, entry.key, entry.value);
                copied += 1;
            }
        }
        let mark = Mark {
            stream: page.stream_seq,
            origin: 0,
        };
        if page.done {
            txn = txn.put_unscoped(HWM_KEYSPACE, link.id.as_bytes().to_vec(), mark.encode());
        }
        if !txn.is_empty() {
            db.commit(txn.scope(EventScope {
                org_id: link.org_id.clone(),
                project_id: link.project_id.clone(),
                entity: module.to_owned(),
                federated: false,
            }))
            .await?;
        }
        if page.done {
            tracing::info!(
                link_id = link.id,
                module,
                copied,
                stream_seq = page.stream_seq,
                "snapshot copied"
            );
            return Ok(mark);
        }
        request.after_keyspace = page.next_keyspace;
        request.after_key = page.next_key;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::did::InstanceKey;

    fn link(peer: &InstanceKey) -> pb::Link {
        pb::Link {
            id: "L".into(),
            peer_did: peer.did().into(),
            project_id: "P".into(),
            modules: vec!["records".into()],
            ..Default::default()
        }
    }

    fn event(project: &str, module: &str, seq: u64) -> Vec<u8> {
        cdc::FeedEvent {
            seq,
            project_id: project.into(),
            module: module.into(),
            entity: "task".into(),
            keyspace: "task".into(),
            raw_key: format!("{project}/t{seq}").into_bytes(),
            raw_value: b"{}".to_vec(),
            ..Default::default()
        }
        .encode_to_vec()
    }

    /// `check` of a message signed by `key`.
    fn checked(
        key: &InstanceKey,
        link: &pb::Link,
        marks: &HashMap<String, Mark>,
        payload: &[u8],
        stream_seq: u64,
    ) -> Checked {
        let (subject, msg_id) = ("orbit.A.o.P.records.task", "A:records:1");
        let signature = URL_SAFE_NO_PAD.encode(key.sign(&signing_input(subject, msg_id, payload)));
        let origin = key.did().to_owned();
        check(
            link,
            marks,
            &Delivered {
                subject,
                origin: Some(&origin),
                signature: Some(&signature),
                msg_id,
                payload,
                stream_seq,
            },
        )
    }

    fn refusal(checked: Checked) -> String {
        match checked {
            Checked::Refused(reason) => reason,
            Checked::Apply(..) => panic!("applied"),
            Checked::Duplicate => panic!("taken for a duplicate"),
            Checked::UnknownOrigin(reason) => reason,
        }
    }

    #[test]
    fn only_the_peers_signed_new_events_of_the_link_apply() {
        let owner = InstanceKey::generate();
        let link = link(&owner);
        let mut marks = HashMap::new();
        match checked(&owner, &link, &marks, &event("P", "records", 7), 3) {
            Checked::Apply(event, mark) => {
                assert_eq!(event.seq, 7);
                assert_eq!(
                    mark,
                    Mark {
                        stream: 3,
                        origin: 7
                    }
                );
            }
            _ => panic!("a good event applies"),
        }
        // Signed by the owner but outside what the link shares.
        let outside = refusal(checked(&owner, &link, &marks, &event("Q", "records", 8), 4));
        assert!(outside.contains("outside the link"), "{outside}");
        let module = refusal(checked(&owner, &link, &marks, &event("P", "chat", 8), 4));
        assert!(module.contains("outside the link"), "{module}");
        // Another key, even claiming nothing wrong.
        let stranger = InstanceKey::generate();
        let unknown = refusal(checked(
            &stranger,
            &link,
            &marks,
            &event("P", "records", 8),
            4,
        ));
        assert!(unknown.contains("unknown DID"), "{unknown}");
        // Redelivered after it was applied; replayed under a new stream position.
        marks.insert(
            "records".into(),
            Mark {
                stream: 3,
                origin: 7,
            },
        );
        assert!(matches!(
            checked(&owner, &link, &marks, &event("P", "records", 7), 3),
            Checked::Duplicate
        ));
        let replay = refusal(checked(&owner, &link, &marks, &event("P", "records", 7), 9));
        assert!(replay.contains("replayed"), "{replay}");
        // Signed, but not a change event.
        let garbage = refusal(checked(&owner, &link, &marks, b"\xff\xff\xff", 10));
        assert!(garbage.contains("garbage"), "{garbage}");
    }

    #[test]
    fn a_signature_covers_subject_message_id_and_payload() {
        let owner = InstanceKey::generate();
        let link = link(&owner);
        let payload = event("P", "records", 1);
        let signature = URL_SAFE_NO_PAD.encode(owner.sign(&signing_input(
            "orbit.A.o.P.records.task",
            "A:records:1",
            &payload,
        )));
        let did = owner.did().to_owned();
        for (subject, msg_id) in [
            ("orbit.A.o.P.records.other", "A:records:1"),
            ("orbit.A.o.P.records.task", "A:records:2"),
        ] {
            let forged = refusal(check(
                &link,
                &HashMap::new(),
                &Delivered {
                    subject,
                    origin: Some(&did),
                    signature: Some(&signature),
                    msg_id,
                    payload: &payload,
                    stream_seq: 1,
                },
            ));
            assert!(forged.contains("forged"), "{forged}");
        }
    }
}
