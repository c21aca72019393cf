//! Conversion of store change events into the wire form of the feed (`orbit.cdc.v1.FeedEvent`),
//! shared by subscriptions and the NATS relay so both carry the same model.

use orbit_proto::orbit::cdc::v1 as pb;
use orbit_system::records::json::json_to_struct;
use orbit_system::store::{ChangeEvent, ChangeOp};

use crate::codec::Codecs;

/// The wire form of `event` from module (database) `module`. The record id is the key without
/// its `<project id>/` prefix; a value its database's codec reads as an object travels as
/// `data`, any other as raw `value` bytes.
pub fn to_feed_event(module: &str, event: &ChangeEvent, codecs: &Codecs) -> pb::FeedEvent {
    let scope = event.scope.clone().unwrap_or_default();
    let key = String::from_utf8_lossy(&event.key);
    let id = key
        .strip_prefix(scope.project_id.as_str())
        .and_then(|rest| rest.strip_prefix('/'))
        .unwrap_or(&key)
        .to_owned();
    let (data, value) = match &event.value {
        None => (None, Vec::new()),
        Some(bytes) => match codecs.object(module, &event.keyspace, bytes) {
            Ok(object) => (Some(json_to_struct(&object)), Vec::new()),
            Err(_) => (None, bytes.clone()),
        },
    };
    let millis = event.hlc.millis();
    pb::FeedEvent {
        seq: event.seq,
        hlc: event.hlc.0,
        committed_at: Some(prost_types::Timestamp {
            seconds: (millis / 1000) as i64,
            nanos: ((millis % 1000) * 1_000_000) as i32,
        }),
        org_id: scope.org_id,
        project_id: scope.project_id,
        module: module.to_owned(),
        entity: scope.entity,
        id,
        operation: match event.op {
            ChangeOp::Put => pb::ChangeOperation::Put,
            ChangeOp::Delete => pb::ChangeOperation::Delete,
        } as i32,
        data,
        value,
        correlation_id: event.correlation_id.clone().unwrap_or_default(),
        // Only the relay sends the stored bytes (to federated peers).
        keyspace: String::new(),
        raw_key: Vec::new(),
        raw_value: Vec::new(),
    }
}
