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
}

impl StoredRow {
    pub fn encode(&self) -> Vec<u8> {
        let encoded = match self {
            StoredRow::Live(row) => Encoded {
                v: ROW_FORMAT,
                group: row.group.clone(),
                values: Some(row.values.clone()),
            },
            StoredRow::Gone { group } => Encoded {
                v: ROW_FORMAT,
                group: group.clone(),
                values: None,
            },
        };
        serde_json::to_vec(&encoded).expect("json values always encode")
    }

    /// Decodes a stored row; the error is a reason for [`super::ViewError::Corrupt`].
    pub fn decode(bytes: &[u8]) -> Result<StoredRow, String> {
        let encoded: Encoded = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
        if encoded.v != ROW_FORMAT {
            return Err(format!("unknown row format {}", encoded.v));
        }
        Ok(match encoded.values {
            Some(values) => StoredRow::Live(Row {
                group: encoded.group,
                values,
            }),
            None => StoredRow::Gone {
                group: encoded.group,
            },
        })
    }

    pub fn is_live(&self) -> bool {
        matches!(self, StoredRow::Live(_))
    }
}
