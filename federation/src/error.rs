//! What can go wrong in federation, each naming the problem; `status` maps them to gRPC.

use orbit_system::identity::IdentityError;
use orbit_system::store::StoreError;
use tonic::{Code, Status};

#[derive(Debug, thiserror::Error)]
pub enum FederationError {
    #[error("{field}: {reason}")]
    Invalid { field: &'static str, reason: String },

    #[error("malformed DID {did:?}: {reason}")]
    MalformedDid { did: String, reason: String },

    #[error("the signature does not verify against {did}")]
    BadSignature { did: String },

    #[error("the invitation token is malformed: {0}")]
    MalformedToken(String),

    #[error("the invitation expired at {expired_at_ms} (ms since the epoch); ask for a new one")]
    Expired { expired_at_ms: i64 },

    #[error("the invitation was already used; ask for a new one")]
    Used,

    #[error("the invitation is meant for the instance {for_did}, not this one ({this_did})")]
    NotForUs { for_did: String, this_did: String },

    #[error("the invitation was not issued by {0} (no such link is waiting there)")]
    UnknownInvitation(String),

    #[error("module {module:?} is not on this instance; it runs: {available}")]
    MissingModule { module: String, available: String },

    #[error("no link {0} in this org")]
    NoLink(String),

    #[error("link {id} is removed")]
    Removed { id: String },

    #[error("federation is off: set `nats` (and `federation_domain`) to share projects")]
    Off,

    #[error("the peer at {peer} cannot be reached over NATS: {reason}")]
    Unreachable { peer: String, reason: String },

    #[error("the peer refused: {0}")]
    Refused(String),

    #[error("NATS: {0}")]
    Nats(String),

    #[error(transparent)]
    Identity(#[from] IdentityError),

    #[error(transparent)]
    Store(#[from] StoreError),

    #[error("stored federation data is damaged: {0}")]
    Corrupt(String),
}

impl FederationError {
    pub(crate) fn invalid(field: &'static str, reason: impl Into<String>) -> FederationError {
        FederationError::Invalid {
            field,
            reason: reason.into(),
        }
    }
}

/// The gRPC status of a federation error.
pub fn status(error: FederationError) -> Status {
    use orbit_system::server::status::{identity_status, store_status};
    let error = match error {
        FederationError::Identity(e) => return identity_status(e),
        FederationError::Store(e) => return store_status(e),
        other => other,
    };
    let code = match &error {
        FederationError::Identity(_) | FederationError::Store(_) => Code::Internal,
        FederationError::Invalid { .. }
        | FederationError::MalformedDid { .. }
        | FederationError::MalformedToken(_)
        | FederationError::BadSignature { .. } => Code::InvalidArgument,
        FederationError::Expired { .. }
        | FederationError::Used
        | FederationError::NotForUs { .. }
        | FederationError::MissingModule { .. }
        | FederationError::Removed { .. }
        | FederationError::Off => Code::FailedPrecondition,
        FederationError::UnknownInvitation(_) | FederationError::NoLink(_) => Code::NotFound,
        FederationError::Refused(_) => Code::PermissionDenied,
        FederationError::Unreachable { .. } | FederationError::Nats(_) => Code::Unavailable,
        FederationError::Corrupt(_) => Code::Internal,
    };
    Status::new(code, error.to_string())
}
