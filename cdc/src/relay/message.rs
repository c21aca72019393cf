//! What the relay sends for one change event: the subject
//! `orbit.<instance>.<org>.<project>.<module>.<entity>`, the JetStream message id
//! `<instance>:<module>:<seq>` (de-duplication and the order chain), the `Orbit-*` headers and
//! the protobuf-encoded `orbit.cdc.v1.FeedEvent` payload. Pure functions, no I/O.

use async_nats::HeaderMap;
use bytes::Bytes;
use orbit_system::store::{ChangeEvent, ChangeOp};
use prost::Message;

use crate::feed::event::to_feed_event;

/// Header carrying the id of the request that caused the change.
pub const HEADER_CORRELATION_ID: &str = "Orbit-Correlation-Id";
/// Header carrying the event's sequence number in its module's feed.
pub const HEADER_SEQ: &str = "Orbit-Seq";
/// Header carrying the event's hybrid-logical-clock stamp (decimal).
pub const HEADER_HLC: &str = "Orbit-Hlc";
/// Header carrying `put` or `delete`.
pub const HEADER_OPERATION: &str = "Orbit-Operation";
/// Header carrying the DID of the instance that signed the message.
pub const HEADER_ORIGIN: &str = "Orbit-Origin";
/// Header carrying the Ed25519 signature of [`signing_input`] (base64url, no padding).
pub const HEADER_SIGNATURE: &str = "Orbit-Signature";

/// Signs what the relay publishes, so a federated peer accepts only what this instance sent
/// (implemented by orbit-federation with the instance's did:key).
pub trait EventSigner: std::fmt::Debug + Send + Sync + 'static {
    /// The DID the signature verifies against.
    fn origin(&self) -> String;
    /// The signature of `input`.
    fn sign(&self, input: &[u8]) -> Vec<u8>;
}

/// What a relayed message's signature covers: subject, message id and payload, each
/// length-prefixed (8 bytes, big-endian), so no two messages share an input.
pub fn signing_input(subject: &str, msg_id: &str, payload: &[u8]) -> Vec<u8> {
    let mut input = Vec::with_capacity(24 + subject.len() + msg_id.len() + payload.len());
    for part in [subject.as_bytes(), msg_id.as_bytes(), payload] {
        input.extend_from_slice(&(part.len() as u64).to_be_bytes());
        input.extend_from_slice(part);
    }
    input
}

/// One change event, ready to publish.
#[derive(Debug, Clone)]
pub(crate) struct Outgoing {
    pub(crate) seq: u64,
    pub(crate) subject: String,
    pub(crate) msg_id: String,
    pub(crate) headers: HeaderMap,
    pub(crate) payload: Bytes,
    pub(crate) correlation_id: Option<String>,
}

/// The JetStream stream of an instance: `ORBIT_<instance>`.
pub fn stream_name(instance: &str) -> String {
    let safe: String = instance
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("ORBIT_{safe}")
}

/// The subjects the instance's stream holds: `orbit.<instance>.>`.
pub fn stream_subjects(instance: &str) -> String {
    format!("orbit.{}.>", token(instance))
}

/// The JetStream message id of event `seq` of `module`.
pub fn msg_id(instance: &str, module: &str, seq: u64) -> String {
    format!("{instance}:{module}:{seq}")
}

/// The module and sequence number of a message id this instance's relay wrote, if it is one.
pub(crate) fn parse_msg_id<'a>(instance: &str, id: &'a str) -> Option<(&'a str, u64)> {
    let rest = id.strip_prefix(instance)?.strip_prefix(':')?;
    let (module, seq) = rest.rsplit_once(':')?;
    Some((module, seq.parse().ok()?))
}

/// Builds the message for `event` of `module` on `instance`.
pub(crate) fn outgoing(
    instance: &str,
    module: &str,
    event: &ChangeEvent,
    codecs: &crate::codec::Codecs,
    signer: Option<&dyn EventSigner>,
) -> Outgoing {
    let scope = event.scope.clone().unwrap_or_default();
    let subject = format!(
        "orbit.{}.{}.{}.{}.{}",
        token(instance),
        token(&scope.org_id),
        token(&scope.project_id),
        token(module),
        token(&scope.entity)
    );
    let mut headers = HeaderMap::new();
    headers.insert(HEADER_SEQ, event.seq.to_string().as_str());
    headers.insert(HEADER_HLC, event.hlc.0.to_string().as_str());
    headers.insert(
        HEADER_OPERATION,
        match event.op {
            ChangeOp::Put => "put",
            ChangeOp::Delete => "delete",
        },
    );
    if let Some(id) = &event.correlation_id {
        headers.insert(HEADER_CORRELATION_ID, id.as_str());
    }
    let mut feed_event = to_feed_event(module, event, codecs);
    // A peer applies exactly the stored bytes.
    feed_event.keyspace = event.keyspace.clone();
    feed_event.raw_key = event.key.clone();
    feed_event.raw_value = event.value.clone().unwrap_or_default();
    let payload = Bytes::from(feed_event.encode_to_vec());
    let msg_id = msg_id(instance, module, event.seq);
    if let Some(signer) = signer {
        let signature = signer.sign(&signing_input(&subject, &msg_id, &payload));
        headers.insert(HEADER_ORIGIN, signer.origin().as_str());
        headers.insert(
            HEADER_SIGNATURE,
            base64::Engine::encode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, signature)
                .as_str(),
        );
    }
    Outgoing {
        seq: event.seq,
        subject,
        msg_id,
        headers,
        payload,
        correlation_id: event.correlation_id.clone(),
    }
}

/// `text` as one subject token: characters NATS gives a meaning to (`.`, `*`, `>`, white
/// space), control characters and `%` are percent-encoded, so distinct names stay distinct
/// subjects; an empty name becomes `_`.
pub fn token(text: &str) -> String {
    if text.is_empty() {
        return "_".to_owned();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '.' | '*' | '>' | '%') || c.is_whitespace() || c.is_control() {
            let mut buf = [0u8; 4];
            for byte in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use orbit_proto::orbit::cdc::v1 as pb;
    use orbit_system::store::{EventScope, HlcStamp};
    use proptest::prelude::*;

    use super::*;

    fn records_codecs() -> crate::codec::Codecs {
        crate::codec::Codecs::new([(
            "records".to_owned(),
            crate::codec::DatabaseCodec::uniform(crate::codec::ValueCodec::RecordEnvelope),
        )])
    }

    fn event(value: &[u8]) -> ChangeEvent {
        ChangeEvent {
            database: "records".into(),
            seq: 42,
            hlc: HlcStamp(7 << 16),
            keyspace: "task".into(),
            key: b"p1/01J0ABC".to_vec(),
            op: ChangeOp::Put,
            value: Some(value.to_vec()),
            correlation_id: Some("req-1".into()),
            scope: Some(EventScope {
                org_id: "o1".into(),
                project_id: "p1".into(),
                entity: "task".into(),
                federated: true,
            }),
        }
    }

    #[test]
    fn subject_id_headers_and_payload() {
        let data = serde_json::json!({ "title": "x" })
            .as_object()
            .unwrap()
            .clone();
        let value = orbit_system::records::StoredValue {
            updated_at_ms: 1,
            data,
        }
        .encode()
        .unwrap();
        let out = outgoing("INST", "records", &event(&value), &records_codecs(), None);
        assert_eq!(out.subject, "orbit.INST.o1.p1.records.task");
        assert_eq!(out.msg_id, "INST:records:42");
        assert_eq!(out.headers.get(HEADER_SEQ).unwrap().as_str(), "42");
        assert_eq!(out.headers.get(HEADER_HLC).unwrap().as_str(), "458752");
        assert_eq!(out.headers.get(HEADER_OPERATION).unwrap().as_str(), "put");
        assert_eq!(
            out.headers.get(HEADER_CORRELATION_ID).unwrap().as_str(),
            "req-1"
        );
        let decoded = pb::FeedEvent::decode(out.payload).unwrap();
        assert_eq!(decoded.id, "01J0ABC");
        assert_eq!(decoded.seq, 42);
        assert_eq!(decoded.module, "records");
        assert!(decoded.data.is_some() && decoded.value.is_empty());
        assert_eq!(decoded.correlation_id, "req-1");
    }

    #[test]
    fn delete_and_missing_correlation_id() {
        let mut deleted = event(b"");
        deleted.op = ChangeOp::Delete;
        deleted.value = None;
        deleted.correlation_id = None;
        let out = outgoing("INST", "records", &deleted, &records_codecs(), None);
        assert_eq!(
            out.headers.get(HEADER_OPERATION).unwrap().as_str(),
            "delete"
        );
        assert!(out.headers.get(HEADER_CORRELATION_ID).is_none());
    }

    #[test]
    fn message_ids_round_trip_only_for_this_instance() {
        assert_eq!(parse_msg_id("INST", "INST:records:9"), Some(("records", 9)));
        assert_eq!(parse_msg_id("INST", "OTHER:records:9"), None);
        assert_eq!(parse_msg_id("INST", "INST:records:x"), None);
        assert_eq!(stream_name("01J.x"), "ORBIT_01J_x");
        assert_eq!(stream_subjects("01J"), "orbit.01J.>");
    }

    proptest! {
        #[test]
        fn tokens_are_valid_and_distinct(a in "\\PC{0,12}", b in "\\PC{0,12}") {
            let (ta, tb) = (token(&a), token(&b));
            for t in [&ta, &tb] {
                prop_assert!(!t.is_empty());
                prop_assert!(!t.contains(['.', '*', '>']));
                prop_assert!(!t.chars().any(|c| c.is_whitespace() || c.is_control()));
            }
            if a != b && !a.is_empty() && !b.is_empty() {
                prop_assert_ne!(ta, tb);
            }
        }
    }
}
