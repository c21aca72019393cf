//! How each database's stored values read, declared per database (and per keyspace where a
//! module keeps several shapes): the records module's versioned JSON envelope, plain JSON
//! objects, a protobuf message by full name (read through the embedded descriptor pool), a
//! message type known only at run time (a user module's, with its own pool), or opaque bytes.
//! Codecs of databases created while the server runs (user modules) are set and removed then.
//!
//! The feeds (the `data` of a `FeedEvent`), the relay and the group-by views read values only
//! through [`Codecs`]; cdc itself knows no module. A database nobody declared reads as bytes.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock, RwLock};

use orbit_system::records::StoredValue;
use prost_reflect::{DescriptorPool, DynamicMessage, MessageDescriptor};
use serde_json::{Map, Value};

/// How one kind of stored value reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueCodec {
    /// `{"format":1,"updated_at_ms":…,"data":{…}}`: its `data` is the object.
    RecordEnvelope,
    /// A JSON object.
    Json,
    /// The protobuf message of this full name (`orbit.chat.v1.Message`).
    Protobuf(String),
    /// A message type defined at run time (a user module's record type).
    Dynamic(MessageDescriptor),
    /// Opaque bytes: no object.
    Raw,
}

impl ValueCodec {
    /// The value as a JSON object, or why it is not one.
    pub fn object(&self, bytes: &[u8]) -> Result<Map<String, Value>, String> {
        match self {
            ValueCodec::RecordEnvelope => StoredValue::decode(bytes)
                .map(|stored| stored.data)
                .map_err(|e| e.to_string()),
            ValueCodec::Json => match serde_json::from_slice::<Value>(bytes) {
                Ok(Value::Object(object)) => Ok(object),
                Ok(_) => Err("not a JSON object".into()),
                Err(error) => Err(error.to_string()),
            },
            ValueCodec::Protobuf(name) => {
                let descriptor = pool()
                    .get_message_by_name(name)
                    .ok_or_else(|| format!("no message type {name} in the descriptor set"))?;
                message_object(descriptor, bytes)
            }
            ValueCodec::Dynamic(descriptor) => message_object(descriptor.clone(), bytes),
            ValueCodec::Raw => Err("opaque bytes".into()),
        }
    }
}

/// A protobuf message of type `descriptor` as a JSON object (proto3 JSON names).
fn message_object(
    descriptor: MessageDescriptor,
    bytes: &[u8],
) -> Result<Map<String, Value>, String> {
    let name = descriptor.full_name().to_owned();
    let message = DynamicMessage::decode(descriptor, bytes)
        .map_err(|e| format!("not a valid {name}: {e}"))?;
    match serde_json::to_value(&message) {
        Ok(Value::Object(object)) => Ok(object),
        Ok(_) => Err(format!("{name} did not read as an object")),
        Err(error) => Err(error.to_string()),
    }
}

/// The embedded descriptor pool (every Orbit message type).
fn pool() -> &'static DescriptorPool {
    static POOL: OnceLock<DescriptorPool> = OnceLock::new();
    POOL.get_or_init(|| {
        DescriptorPool::decode(orbit_proto::FILE_DESCRIPTOR_SET)
            .expect("the embedded descriptor set decodes")
    })
}

/// The codecs of one database: one per keyspace that needs its own, and a default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatabaseCodec {
    pub default: ValueCodec,
    pub keyspaces: Vec<(String, ValueCodec)>,
}

impl DatabaseCodec {
    /// Every value of the database reads with `codec`.
    pub fn uniform(codec: ValueCodec) -> DatabaseCodec {
        DatabaseCodec {
            default: codec,
            keyspaces: Vec::new(),
        }
    }

    /// `keyspace` reads with `codec` instead of the default.
    pub fn with(mut self, keyspace: impl Into<String>, codec: ValueCodec) -> DatabaseCodec {
        self.keyspaces.push((keyspace.into(), codec));
        self
    }

    fn for_keyspace(&self, keyspace: &str) -> &ValueCodec {
        self.keyspaces
            .iter()
            .find(|(name, _)| name == keyspace)
            .map_or(&self.default, |(_, codec)| codec)
    }
}

/// The codecs of every database, as the modules declared them (and user modules set while
/// the server runs). Cheap to clone; clones share the table.
#[derive(Debug, Clone, Default)]
pub struct Codecs {
    databases: Arc<RwLock<HashMap<String, DatabaseCodec>>>,
}

impl Codecs {
    pub fn new(databases: impl IntoIterator<Item = (String, DatabaseCodec)>) -> Codecs {
        Codecs {
            databases: Arc::new(RwLock::new(databases.into_iter().collect())),
        }
    }

    /// Sets (or replaces) how `database`'s values read.
    pub fn set(&self, database: &str, codec: DatabaseCodec) {
        self.databases
            .write()
            .expect("codecs")
            .insert(database.to_owned(), codec);
    }

    /// Forgets `database`'s codec (its values read as bytes).
    pub fn remove(&self, database: &str) {
        self.databases.write().expect("codecs").remove(database);
    }

    /// The codec of a value of `keyspace` in `database` (bytes if undeclared).
    pub fn codec(&self, database: &str, keyspace: &str) -> ValueCodec {
        self.databases
            .read()
            .expect("codecs")
            .get(database)
            .map_or(ValueCodec::Raw, |codec| {
                codec.for_keyspace(keyspace).clone()
            })
    }

    /// A stored value as a JSON object, or why it is not one.
    pub fn object(
        &self,
        database: &str,
        keyspace: &str,
        bytes: &[u8],
    ) -> Result<Map<String, Value>, String> {
        self.codec(database, keyspace).object(bytes)
    }
}

#[cfg(test)]
mod tests {
    use prost::Message;

    use super::*;

    #[test]
    fn each_codec_reads_its_shape_and_says_why_not() {
        let codecs = Codecs::new([
            (
                "records".to_owned(),
                DatabaseCodec::uniform(ValueCodec::RecordEnvelope),
            ),
            (
                "mod".to_owned(),
                DatabaseCodec::uniform(ValueCodec::Json).with(
                    "info",
                    ValueCodec::Protobuf("orbit.system.v1.InstanceInfo".into()),
                ),
            ),
        ]);
        let envelope = br#"{"format":1,"updated_at_ms":5,"data":{"a":1}}"#;
        assert_eq!(
            codecs.object("records", "task", envelope).unwrap()["a"],
            serde_json::json!(1)
        );
        assert_eq!(
            codecs.object("mod", "x", br#"{"b":true}"#).unwrap()["b"],
            serde_json::json!(true)
        );
        assert!(codecs.object("mod", "x", b"[1]").is_err());
        let info = orbit_proto::orbit::system::v1::InstanceInfo {
            instance_id: "i1".into(),
            ..Default::default()
        };
        let object = codecs.object("mod", "info", &info.encode_to_vec()).unwrap();
        assert_eq!(object["instanceId"], serde_json::json!("i1"));
        assert!(codecs.object("mod", "info", &[0xff, 0xff]).is_err());
        assert_eq!(codecs.codec("unknown", "k"), ValueCodec::Raw);
    }
}
