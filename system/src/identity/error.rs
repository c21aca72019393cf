//! The errors identity, tenancy and access control report, one variant per condition a
//! caller can see. They become gRPC statuses in `server::status`, and nowhere else.

use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum IdentityError {
    /// A request field is missing, malformed or out of bounds.
    #[error("invalid {field}: {reason}")]
    InvalidArgument { field: &'static str, reason: String },

    /// No valid credential (or a wrong password): the caller must sign in.
    #[error("{0}")]
    Unauthenticated(String),

    /// The caller is known but lacks the role.
    #[error("{0}")]
    PermissionDenied(String),

    /// The thing does not exist, or the caller may not know that it does.
    #[error("{what} {id} not found")]
    NotFound { what: &'static str, id: String },

    /// The thing exists already.
    #[error("{what} already exists")]
    AlreadyExists { what: String },

    /// The request is valid but the current state forbids it.
    #[error("{0}")]
    FailedPrecondition(String),

    /// The org or project is archived: it takes no changes until it is restored.
    #[error("{what} {id} is archived and takes no changes; unarchive it first")]
    Archived { what: &'static str, id: String },

    /// Too many failed attempts; try again later.
    #[error("too many failed attempts; try again in {retry_after_secs} s")]
    TooManyAttempts { retry_after_secs: u64 },

    /// Too many sign-ups from the caller's address; try again later.
    #[error("too many sign-ups from this address; try again in {retry_after_secs} s")]
    TooManySignUps { retry_after_secs: u64 },

    #[error(transparent)]
    Store(#[from] StoreError),

    /// A stored record cannot be decoded.
    #[error("stored {what} {id} cannot be decoded: {reason}")]
    Corrupt {
        what: &'static str,
        id: String,
        reason: String,
    },
}

impl IdentityError {
    pub(crate) fn invalid(field: &'static str, reason: impl Into<String>) -> Self {
        IdentityError::InvalidArgument {
            field,
            reason: reason.into(),
        }
    }

    pub(crate) fn not_found(what: &'static str, id: impl Into<String>) -> Self {
        IdentityError::NotFound {
            what,
            id: id.into(),
        }
    }
}
