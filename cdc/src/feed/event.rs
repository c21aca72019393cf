//! Conversion of store change events into the wire form of the feed (`orbit.cdc.v1.FeedEvent`),
//! shared by subscriptions and the NATS relay so both carry the same model.

use orbit_proto::orbit::cdc::v1 as pb;
use orbit_system::store::{ChangeEvent, ChangeOp};

/// The wire form of `event` from module (database) `module`. The record id is the key without
/// its `<project id>/` prefix; a value that is a JSON object travels as `data`, anything else
/// as raw `value` bytes.
pub fn to_feed_event(module: &str, event: &ChangeEvent) -> pb::FeedEvent {
    let scope = event.scope.clone().unwrap_or_default();
    let key = String::from_utf8_lossy(&event.key);
    let id = key
        .strip_prefix(scope.project_id.as_str())
        .and_then(|rest| rest.strip_prefix('/'))
        .unwrap_or(&key)
        .to_owned();
    let (data, value) = match &event.value {
        None => (None, Vec::new()),
        Some(bytes) => match serde_json::from_slice::<serde_json::Value>(bytes) {
            Ok(serde_json::Value::Object(object)) => (Some(object_to_struct(object)), Vec::new()),
            _ => (None, bytes.clone()),
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
    }
}

/// A JSON object as a `google.protobuf.Struct`.
fn object_to_struct(object: serde_json::Map<String, serde_json::Value>) -> prost_types::Struct {
    prost_types::Struct {
        fields: object
            .into_iter()
            .map(|(name, value)| (name, json_to_value(value)))
            .collect(),
    }
}

fn json_to_value(value: serde_json::Value) -> prost_types::Value {
    use prost_types::value::Kind;
    let kind = match value {
        serde_json::Value::Null => Kind::NullValue(0),
        serde_json::Value::Bool(b) => Kind::BoolValue(b),
        serde_json::Value::Number(n) => Kind::NumberValue(n.as_f64().unwrap_or(f64::NAN)),
        serde_json::Value::String(s) => Kind::StringValue(s),
        serde_json::Value::Array(items) => Kind::ListValue(prost_types::ListValue {
            values: items.into_iter().map(json_to_value).collect(),
        }),
        serde_json::Value::Object(object) => Kind::StructValue(object_to_struct(object)),
    };
    prost_types::Value { kind: Some(kind) }
}
