//! The one place where a [`StoreError`], an [`IdentityError`] or a [`RecordError`] becomes a
//! gRPC [`Status`].
//!
//! Handlers call [`store_status`] (or `?` through [`StoreStatus`]) and never build a status
//! from a store error themselves, so every RPC reports the same condition with the same code.
//! Messages stay lower case and name what is wrong; the store already keeps secrets (passwords
//! in URLs, key material) out of its messages.

use tonic::{Code, Status};

use crate::identity::IdentityError;
use crate::records::RecordError;
use crate::store::StoreError;

/// Maps a store error to the gRPC status a client sees, logging the ones that mean the server
/// itself is in trouble.
pub fn store_status(error: StoreError) -> Status {
    let code = match &error {
        StoreError::Integrity { .. } => Code::DataLoss,
        StoreError::Conflict { .. } => Code::Aborted,
        StoreError::Invalid { .. } => Code::InvalidArgument,
        StoreError::UnknownDatabase { .. } => Code::NotFound,
        StoreError::Pruned { .. } => Code::FailedPrecondition,
        StoreError::Unreachable { .. } | StoreError::Closed => Code::Unavailable,
        _ => Code::Internal,
    };
    match code {
        Code::DataLoss | Code::Internal => tracing::error!(%error, "store error"),
        Code::Unavailable => tracing::warn!(%error, "store unavailable"),
        _ => tracing::debug!(%error, "request refused by the store"),
    }
    let message = match code {
        Code::Internal => format!("internal store error: {error}"),
        _ => error.to_string(),
    };
    Status::new(code, message)
}

/// So handlers write `?` on a store result.
impl From<StoreError> for Status {
    fn from(error: StoreError) -> Status {
        store_status(error)
    }
}

/// Maps an identity error to the gRPC status a client sees.
pub fn identity_status(error: IdentityError) -> Status {
    let code = match &error {
        IdentityError::InvalidArgument { .. } => Code::InvalidArgument,
        IdentityError::Unauthenticated(_) => Code::Unauthenticated,
        IdentityError::PermissionDenied(_) => Code::PermissionDenied,
        IdentityError::NotFound { .. } => Code::NotFound,
        IdentityError::AlreadyExists { .. } => Code::AlreadyExists,
        IdentityError::FailedPrecondition(_) | IdentityError::Archived { .. } => {
            Code::FailedPrecondition
        }
        IdentityError::TooManyAttempts { .. } | IdentityError::TooManySignUps { .. } => {
            Code::ResourceExhausted
        }
        IdentityError::Store(_) => {
            return store_status(match error {
                IdentityError::Store(store) => store,
                _ => unreachable!("matched above"),
            });
        }
        IdentityError::Corrupt { .. } => Code::DataLoss,
    };
    if code == Code::DataLoss {
        tracing::error!(%error, "identity record error");
    }
    Status::new(code, error.to_string())
}

/// So handlers write `?` on an identity result.
impl From<IdentityError> for Status {
    fn from(error: IdentityError) -> Status {
        identity_status(error)
    }
}

/// Maps a record service error to the gRPC status a client sees.
pub fn record_status(error: RecordError) -> Status {
    let code = match &error {
        RecordError::InvalidArgument { .. } => Code::InvalidArgument,
        RecordError::NotFound { .. } => Code::NotFound,
        RecordError::Conflict { .. } => Code::Aborted,
        RecordError::Archived { .. } => Code::FailedPrecondition,
        RecordError::Corrupt { .. } => Code::DataLoss,
        RecordError::Identity(_) | RecordError::Store(_) => {
            return match error {
                RecordError::Identity(identity) => identity_status(identity),
                RecordError::Store(store) => store_status(store),
                _ => unreachable!("matched above"),
            };
        }
    };
    if code == Code::DataLoss {
        tracing::error!(%error, "stored record error");
    }
    Status::new(code, error.to_string())
}

/// So handlers write `?` on a records result.
impl From<RecordError> for Status {
    fn from(error: RecordError) -> Status {
        record_status(error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_condition_has_its_code() {
        let integrity = StoreError::Integrity {
            database: "system".into(),
            keyspace: "users".into(),
            key: "alice".into(),
            reason: "authentication failed".into(),
        };
        assert_eq!(store_status(integrity).code(), Code::DataLoss);
        let conflict = StoreError::Conflict {
            keyspace: "k".into(),
            key: "a".into(),
            expected: "1".into(),
            found: "2".into(),
        };
        assert_eq!(store_status(conflict).code(), Code::Aborted);
        let invalid = StoreError::Invalid {
            what: "key",
            reason: "0 bytes".into(),
        };
        assert_eq!(store_status(invalid).code(), Code::InvalidArgument);
        let unreachable = StoreError::Unreachable {
            location: "postgres://db".into(),
            reason: "refused".into(),
        };
        assert_eq!(store_status(unreachable).code(), Code::Unavailable);
        assert_eq!(store_status(StoreError::Closed).code(), Code::Unavailable);
        let wrong = store_status(StoreError::WrongKey {
            location: "orbit.db".into(),
        });
        assert_eq!(wrong.code(), Code::Internal);
        assert!(
            wrong.message().starts_with("internal store error: "),
            "{}",
            wrong.message()
        );
    }

    #[test]
    fn each_record_condition_has_its_code() {
        let invalid = record_status(RecordError::invalid("entity", "is required"));
        assert_eq!(invalid.code(), Code::InvalidArgument);
        assert_eq!(invalid.message(), "invalid entity: is required");
        let missing = record_status(RecordError::NotFound {
            project_id: "p1".into(),
            entity: "order".into(),
            id: "o1".into(),
        });
        assert_eq!(missing.code(), Code::NotFound);
        assert_eq!(missing.message(), "record order/o1 not found in project p1");
        let conflict = RecordError::Conflict {
            project_id: "p1".into(),
            entity: "order".into(),
            id: "o1".into(),
            expected: "version 3".into(),
            found: "version 4".into(),
        };
        assert_eq!(record_status(conflict).code(), Code::Aborted);
        let archived = record_status(RecordError::Archived {
            what: "project",
            id: "p1".into(),
        });
        assert_eq!(archived.code(), Code::FailedPrecondition);
        assert!(archived.message().contains("project p1"));
        let corrupt = RecordError::Corrupt {
            entity: "order".into(),
            key: "p1/o1".into(),
            reason: "bad".into(),
        };
        assert_eq!(record_status(corrupt).code(), Code::DataLoss);
        let project = IdentityError::NotFound {
            what: "project",
            id: "p2".into(),
        };
        assert_eq!(
            record_status(RecordError::Identity(project)).code(),
            Code::NotFound
        );
        assert_eq!(
            record_status(RecordError::Store(StoreError::Closed)).code(),
            Code::Unavailable
        );
    }
}
