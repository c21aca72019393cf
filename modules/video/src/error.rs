//! What can go wrong in video calls, one variant per condition a caller can see, and the one
//! place ([`status`]) where it becomes a gRPC status.

use orbit_system::identity::IdentityError;
use orbit_system::store::StoreError;
use tonic::{Code, Status};

/// Everything that can go wrong in the video service.
#[derive(Debug, thiserror::Error)]
pub enum VideoError {
    #[error("invalid {field}: {reason}")]
    Invalid { field: &'static str, reason: String },

    #[error("{field}: {what} {id} not found")]
    NotFound {
        field: &'static str,
        what: &'static str,
        id: String,
    },

    #[error("{0}")]
    PermissionDenied(String),

    #[error("{0}")]
    FailedPrecondition(String),

    /// A full-mesh call already has its most participants.
    #[error(
        "call_id: call {call_id} is full ({limit} of {limit} participants; a full-mesh call takes at most {limit})"
    )]
    Full { call_id: String, limit: u32 },

    #[error("{what} {id} is being changed by others at the same time; try again")]
    Contended { what: &'static str, id: String },

    #[error("stored {what} {key} cannot be read: {reason}")]
    Corrupt {
        what: &'static str,
        key: String,
        reason: String,
    },

    #[error(transparent)]
    Identity(#[from] IdentityError),

    #[error(transparent)]
    Store(#[from] StoreError),
}

impl VideoError {
    pub(crate) fn invalid(field: &'static str, reason: impl Into<String>) -> VideoError {
        VideoError::Invalid {
            field,
            reason: reason.into(),
        }
    }

    pub(crate) fn not_found(
        field: &'static str,
        what: &'static str,
        id: impl Into<String>,
    ) -> VideoError {
        VideoError::NotFound {
            field,
            what,
            id: id.into(),
        }
    }

    pub(crate) fn corrupt(
        what: &'static str,
        key: impl Into<String>,
        reason: impl std::fmt::Display,
    ) -> VideoError {
        VideoError::Corrupt {
            what,
            key: key.into(),
            reason: reason.to_string(),
        }
    }
}

/// The gRPC status a client sees for `error`.
pub fn status(error: VideoError) -> Status {
    let code = match &error {
        VideoError::Invalid { .. } => Code::InvalidArgument,
        VideoError::NotFound { .. } => Code::NotFound,
        VideoError::PermissionDenied(_) => Code::PermissionDenied,
        VideoError::FailedPrecondition(_) => Code::FailedPrecondition,
        VideoError::Full { .. } => Code::ResourceExhausted,
        VideoError::Contended { .. } => Code::Aborted,
        VideoError::Corrupt { .. } => Code::DataLoss,
        VideoError::Identity(_) | VideoError::Store(_) => {
            return match error {
                VideoError::Identity(e) => orbit_system::server::status::identity_status(e),
                VideoError::Store(e) => orbit_system::server::status::store_status(e),
                _ => unreachable!("matched above"),
            };
        }
    };
    if code == Code::DataLoss {
        tracing::error!(%error, "stored video data cannot be read");
    }
    Status::new(code, error.to_string())
}

/// So handlers write `?`.
impl From<VideoError> for Status {
    fn from(error: VideoError) -> Status {
        status(error)
    }
}
