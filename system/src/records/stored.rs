//! The stored form of a record's value (the plaintext the store seals, and the value of its
//! change events): a versioned JSON envelope,
//! `{"format":1,"updated_at_ms":<ms since the Unix epoch>,"data":{…}}`.
//!
//! `updated_at_ms` is the writer's wall clock when it built the value (the commit's HLC stamp
//! is only known after the value is sealed). `format` lets a later encoding migrate stored
//! records explicitly. Change-feed consumers decode event values with [`StoredValue::decode`]
//! rather than parsing the envelope themselves. Nothing here does I/O.

use serde_json::{Map, Value};

/// The encoding [`StoredValue::encode`] writes.
pub const FORMAT: u32 = 1;
/// Largest `data` accepted, in bytes of compact JSON.
pub const MAX_DATA_BYTES: usize = 1024 * 1024;

/// A record's content and when it was written, as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredValue {
    pub updated_at_ms: i64,
    pub data: Map<String, Value>,
}

#[derive(serde::Deserialize)]
struct Envelope {
    format: u32,
    updated_at_ms: i64,
    data: Map<String, Value>,
}

/// Why a value could not be encoded or decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoredError {
    #[error("{bytes} bytes of JSON is over the {MAX_DATA_BYTES}-byte limit")]
    TooLarge { bytes: usize },

    #[error("unknown record format {0}")]
    UnknownFormat(u32),

    #[error("malformed record envelope: {0}")]
    Malformed(String),
}

impl StoredValue {
    /// The bytes to store; refuses `data` over [`MAX_DATA_BYTES`] as compact JSON.
    pub fn encode(&self) -> Result<Vec<u8>, StoredError> {
        let data = serde_json::to_vec(&self.data).expect("a JSON map always serialises");
        if data.len() > MAX_DATA_BYTES {
            return Err(StoredError::TooLarge { bytes: data.len() });
        }
        let head = format!(
            "{{\"format\":{FORMAT},\"updated_at_ms\":{},\"data\":",
            self.updated_at_ms
        );
        let mut bytes = Vec::with_capacity(head.len() + data.len() + 1);
        bytes.extend_from_slice(head.as_bytes());
        bytes.extend_from_slice(&data);
        bytes.push(b'}');
        Ok(bytes)
    }

    /// A stored value, or why it is not one.
    pub fn decode(bytes: &[u8]) -> Result<StoredValue, StoredError> {
        let envelope: Envelope =
            serde_json::from_slice(bytes).map_err(|e| StoredError::Malformed(e.to_string()))?;
        if envelope.format != FORMAT {
            return Err(StoredError::UnknownFormat(envelope.format));
        }
        Ok(StoredValue {
            updated_at_ms: envelope.updated_at_ms,
            data: envelope.data,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(data: serde_json::Value) -> StoredValue {
        StoredValue {
            updated_at_ms: 1_700_000_000_123,
            data: data.as_object().expect("an object").clone(),
        }
    }

    #[test]
    fn encodes_as_a_versioned_json_envelope_and_decodes_back() {
        let stored = value(serde_json::json!({"name": "Ada", "tags": [1, null, {"x": true}]}));
        let bytes = stored.encode().unwrap();
        let text = std::str::from_utf8(&bytes).unwrap();
        assert!(
            text.starts_with(r#"{"format":1,"updated_at_ms":1700000000123,"data":{"#),
            "{text}"
        );
        let parsed: serde_json::Value = serde_json::from_slice(&bytes).expect("valid JSON");
        assert_eq!(parsed["data"]["tags"][2]["x"], true);
        assert_eq!(StoredValue::decode(&bytes).unwrap(), stored);
    }

    #[test]
    fn data_over_one_mebibyte_is_refused() {
        let filler = "x".repeat(MAX_DATA_BYTES - r#"{"a":""}"#.len());
        let exactly = value(serde_json::json!({ "a": filler }));
        assert!(exactly.encode().is_ok());
        let over = value(serde_json::json!({ "a": format!("{filler}y") }));
        assert_eq!(
            over.encode().unwrap_err(),
            StoredError::TooLarge {
                bytes: MAX_DATA_BYTES + 1
            }
        );
    }

    #[test]
    fn unknown_formats_and_garbage_are_refused() {
        let future = br#"{"format":2,"updated_at_ms":1,"data":{}}"#;
        assert_eq!(
            StoredValue::decode(future).unwrap_err(),
            StoredError::UnknownFormat(2)
        );
        assert!(matches!(
            StoredValue::decode(b"{\"data\":[]}").unwrap_err(),
            StoredError::Malformed(_)
        ));
    }
}
