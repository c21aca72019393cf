//! What goes wrong in user modules, and the gRPC status each becomes.

use orbit_system::identity::IdentityError;
use orbit_system::server::status::{identity_status, store_status};
use orbit_system::store::StoreError;
use tonic::{Code, Status};

use crate::schema::Problem;

#[derive(Debug, thiserror::Error)]
pub enum UserModuleError {
    /// A request field is wrong (`field` is its path, such as `contact.name`).
    #[error("invalid {field}: {reason}")]
    Invalid { field: String, reason: String },

    /// The schema does not compile or is not acceptable: one line per problem.
    #[error("the schema is not acceptable:\n{}", lines(.0))]
    Schema(Vec<Problem>),

    /// The schema would break what the current version has.
    #[error("the schema breaks the current version {version}:\n{}", .breaks.join("\n"))]
    Breaking { version: u32, breaks: Vec<String> },

    #[error("{what} {name:?} not found")]
    NotFound { what: &'static str, name: String },

    #[error("{what} {name:?} already exists")]
    Exists { what: &'static str, name: String },

    /// A write's expected version is not the record's.
    #[error("{what} changed meanwhile: expected version {expected}, found {found}")]
    Conflict {
        what: String,
        expected: String,
        found: String,
    },

    #[error("{0}")]
    FailedPrecondition(String),

    /// A stored value does not read (damage, or a bug).
    #[error("stored {what} cannot be read: {reason}")]
    Corrupt { what: String, reason: String },

    #[error("the API catalog refused the module's services: {0}")]
    Catalog(String),

    #[error(transparent)]
    Identity(#[from] IdentityError),

    #[error(transparent)]
    Store(#[from] StoreError),

    #[error(transparent)]
    Feed(#[from] orbit_cdc::feed::FeedError),
}

fn lines(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

impl UserModuleError {
    pub fn invalid(field: impl Into<String>, reason: impl Into<String>) -> UserModuleError {
        UserModuleError::Invalid {
            field: field.into(),
            reason: reason.into(),
        }
    }
}

impl From<UserModuleError> for Status {
    fn from(error: UserModuleError) -> Status {
        let code = match &error {
            UserModuleError::Invalid { .. } | UserModuleError::Schema(_) => Code::InvalidArgument,
            UserModuleError::Breaking { .. } | UserModuleError::FailedPrecondition(_) => {
                Code::FailedPrecondition
            }
            UserModuleError::NotFound { .. } => Code::NotFound,
            UserModuleError::Exists { .. } => Code::AlreadyExists,
            UserModuleError::Conflict { .. } => Code::Aborted,
            UserModuleError::Corrupt { .. } => Code::DataLoss,
            UserModuleError::Catalog(_) => Code::Internal,
            UserModuleError::Identity(_) | UserModuleError::Store(_) | UserModuleError::Feed(_) => {
                return match error {
                    UserModuleError::Identity(identity) => identity_status(identity),
                    UserModuleError::Store(store) => store_status(store),
                    UserModuleError::Feed(feed) => orbit_cdc::server::feed_status(feed),
                    _ => unreachable!("matched above"),
                };
            }
        };
        if matches!(code, Code::DataLoss | Code::Internal) {
            tracing::error!(%error, "user module error");
        }
        Status::new(code, error.to_string())
    }
}
