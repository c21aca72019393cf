//! A view row as stored in `view.row`: the group's value and its columns, or a tombstone
//! saying the group became empty. Encoded as versioned JSON inside the sealed value.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Version marker of the stored row encoding.
const ROW_FORMAT: u32 = 1;

/// One row (group) of a view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// The group's value (null for records without the grouped field).
    pub group: Value,
    /// The columns, by name.
    pub values: Map<String, Value>,
}

/// What a `view.row` record holds.
#[derive(Debug, Clone, PartialEq)]
pub enum StoredRow {
    Live(Row),
    /// The group became empty; kept so a watcher's delta can name it.
    Gone {
        group: Value,
    },
}

#[derive(Serialize, Deserialize)]
struct Encoded {
    v: u32,
    group: Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    values: Option<Map<String, Value>>,
    /// The view's private state for this group, kept in the row so one read and one write
    /// per group and batch suffice; never shown to readers or watchers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    state: Option<Value>,
}

impl StoredRow {
    pub fn encode(&self) -> Vec<u8> {
        self.encode_with_state(None)
    }

    /// Encodes the row with the view's private `state` for its group (live rows only).
    pub(crate) fn encode_with_state(&self, state: Option<Value>) -> Vec<u8> {
        let encoded = match self {
            StoredRow::Live(row) => Encoded {
                v: ROW_FORMAT,
                group: row.group.clone(),
                values: Some(row.values.clone()),
                state,
            },
            StoredRow::Gone { group } => Encoded {
                v: ROW_FORMAT,
                group: group.clone(),
                values: None,
                state: None,
            },
        };
        serde_json::to_vec(&encoded).expect("json values always encode")
    }

    /// Decodes a stored row; the error is a reason for [`super::ViewError::Corrupt`].
    pub fn decode(bytes: &[u8]) -> Result<StoredRow, String> {
        Self::decode_with_state(bytes).map(|(row, _)| row)
    }

    /// Decodes a stored row and the private state kept with it.
    pub(crate) fn decode_with_state(bytes: &[u8]) -> Result<(StoredRow, Option<Value>), String> {
        let encoded: Encoded = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
        if encoded.v != ROW_FORMAT {
            return Err(format!("unknown row format {}", encoded.v));
        }
        let row = match encoded.values {
            Some(values) => StoredRow::Live(Row {
                group: encoded.group,
                values,
            }),
            None => StoredRow::Gone {
                group: encoded.group,
            },
        };
        Ok((row, encoded.state))
    }

    pub fn is_live(&self) -> bool {
        matches!(self, StoredRow::Live(_))
    }
}
