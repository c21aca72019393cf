//! What can go wrong in surveys, one variant per condition a caller can see, and the one
//! place ([`status`]) where it becomes a gRPC status.

use orbit_cdc::feed::FeedError;
use orbit_cdc::view::ViewError;
use orbit_system::identity::IdentityError;
use orbit_system::store::StoreError;
use tonic::{Code, Status};

/// Everything that can go wrong in the survey service.
#[derive(Debug, thiserror::Error)]
pub enum SurveyError {
    /// A request field is malformed or out of range; `field` names it (`answers[2].rating`).
    #[error("invalid {field}: {reason}")]
    Invalid { field: String, reason: String },

    #[error("{what} {id} not found")]
    NotFound { what: &'static str, id: String },

    /// The survey's state or data does not allow it (closed, full, results hidden).
    #[error("{field}: {reason}")]
    FailedPrecondition { field: String, reason: String },

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

impl From<ViewError> for SurveyError {
    fn from(error: ViewError) -> SurveyError {
        SurveyError::View(Box::new(error))
    }
}

impl SurveyError {
    pub(crate) fn invalid(field: impl Into<String>, reason: impl Into<String>) -> SurveyError {
        SurveyError::Invalid {
            field: field.into(),
            reason: reason.into(),
        }
    }

    pub(crate) fn precondition(field: impl Into<String>, reason: impl Into<String>) -> SurveyError {
        SurveyError::FailedPrecondition {
            field: field.into(),
            reason: reason.into(),
        }
    }

    pub(crate) fn not_found(what: &'static str, id: impl Into<String>) -> SurveyError {
        SurveyError::NotFound {
            what,
            id: id.into(),
        }
    }

    pub(crate) fn corrupt(
        what: &'static str,
        key: impl Into<String>,
        reason: impl std::fmt::Display,
    ) -> SurveyError {
        SurveyError::Corrupt {
            what,
            key: key.into(),
            reason: reason.to_string(),
        }
    }
}

/// The gRPC status a client sees for `error`.
pub fn status(error: SurveyError) -> Status {
    let code = match &error {
        SurveyError::Invalid { .. } => Code::InvalidArgument,
        SurveyError::NotFound { .. } => Code::NotFound,
        SurveyError::FailedPrecondition { .. } => Code::FailedPrecondition,
        SurveyError::Contended { .. } => Code::Aborted,
        SurveyError::Corrupt { .. } => Code::DataLoss,
        SurveyError::Identity(_)
        | SurveyError::Store(_)
        | SurveyError::Feed(_)
        | SurveyError::View(_) => {
            return match error {
                SurveyError::Identity(e) => orbit_system::server::status::identity_status(e),
                SurveyError::Store(e) => orbit_system::server::status::store_status(e),
                SurveyError::Feed(e) => orbit_cdc::server::feed_status(e),
                SurveyError::View(e) => orbit_cdc::server::view_status(*e),
                _ => unreachable!("matched above"),
            };
        }
    };
    if code == Code::DataLoss {
        tracing::error!(%error, "stored survey data cannot be read");
    }
    Status::new(code, error.to_string())
}
