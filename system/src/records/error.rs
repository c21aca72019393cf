//! The errors the record service reports, one variant per condition a caller can see. They
//! become gRPC statuses in `server::status`, and nowhere else.

use crate::identity::IdentityError;
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    /// A request field is missing, malformed or out of bounds (`field` may be a path inside
    /// `data`, such as `data.items[2]`).
    #[error("invalid {field}: {reason}")]
    InvalidArgument { field: String, reason: String },

    /// No such record.
    #[error("record {entity}/{id} not found in project {project_id}")]
    NotFound {
        project_id: String,
        entity: String,
        id: String,
    },

    /// The record is not at the version the write expected.
    #[error(
        "record {entity}/{id} in project {project_id} changed: expected {expected}, found {found}"
    )]
    Conflict {
        project_id: String,
        entity: String,
        id: String,
        expected: String,
        found: String,
    },

    /// The project (or its org) is archived, so its records are read-only.
    #[error("{what} {id} is archived and its records are read-only")]
    Archived { what: &'static str, id: String },

    /// A stored record cannot be decoded.
    #[error("stored record {entity}/{key} cannot be decoded: {reason}")]
    Corrupt {
        entity: String,
        key: String,
        reason: String,
    },

    #[error(transparent)]
    Identity(#[from] IdentityError),

    #[error(transparent)]
    Store(#[from] StoreError),
}

impl RecordError {
    pub(crate) fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        RecordError::InvalidArgument {
            field: field.into(),
            reason: reason.into(),
        }
    }
}
