//! What can go wrong in chat, one variant per condition a caller can see, and the one place
//! ([`status`]) where it becomes a gRPC status.

use orbit_cdc::feed::FeedError;
use orbit_cdc::view::ViewError;
use orbit_system::identity::IdentityError;
use orbit_system::store::StoreError;
use tonic::{Code, Status};

/// Everything that can go wrong in the chat service.
#[derive(Debug, thiserror::Error)]
pub enum ChatError {
    #[error("invalid {field}: {reason}")]
    Invalid { field: &'static str, reason: String },

    #[error("{what} {id} not found")]
    NotFound { what: &'static str, id: String },

    #[error("{0}")]
    PermissionDenied(String),

    #[error("{0}")]
    FailedPrecondition(String),

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

    #[error(transparent)]
    Feed(#[from] FeedError),

    /// Boxed: a view error names a stalled event at length, and every result would carry it.
    #[error(transparent)]
    View(Box<ViewError>),
}

impl From<ViewError> for ChatError {
    fn from(error: ViewError) -> ChatError {
        ChatError::View(Box::new(error))
    }
}

impl ChatError {
    pub(crate) fn invalid(field: &'static str, reason: impl Into<String>) -> ChatError {
        ChatError::Invalid {
            field,
            reason: reason.into(),
        }
    }

    pub(crate) fn not_found(what: &'static str, id: impl Into<String>) -> ChatError {
        ChatError::NotFound {
            what,
            id: id.into(),
        }
    }

    pub(crate) fn corrupt(
        what: &'static str,
        key: impl Into<String>,
        reason: impl std::fmt::Display,
    ) -> ChatError {
        ChatError::Corrupt {
            what,
            key: key.into(),
            reason: reason.to_string(),
        }
    }
}

/// The gRPC status a client sees for `error`.
pub fn status(error: ChatError) -> Status {
    let code = match &error {
        ChatError::Invalid { .. } => Code::InvalidArgument,
        ChatError::NotFound { .. } => Code::NotFound,
        ChatError::PermissionDenied(_) => Code::PermissionDenied,
        ChatError::FailedPrecondition(_) => Code::FailedPrecondition,
        ChatError::Contended { .. } => Code::Aborted,
        ChatError::Corrupt { .. } => Code::DataLoss,
        ChatError::Identity(_) | ChatError::Store(_) | ChatError::Feed(_) | ChatError::View(_) => {
            return match error {
                ChatError::Identity(e) => orbit_system::server::status::identity_status(e),
                ChatError::Store(e) => orbit_system::server::status::store_status(e),
                ChatError::Feed(e) => orbit_cdc::server::feed_status(e),
                ChatError::View(e) => orbit_cdc::server::view_status(*e),
                _ => unreachable!("matched above"),
            };
        }
    };
    if code == Code::DataLoss {
        tracing::error!(%error, "stored chat data cannot be read");
    }
    Status::new(code, error.to_string())
}
