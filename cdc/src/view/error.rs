//! The errors of materialised views, one variant per condition a caller can see.

use orbit_system::store::StoreError;

use super::engine::ViewStall;

/// Everything that can go wrong declaring, folding, reading or rebuilding a view.
#[derive(Debug, thiserror::Error)]
pub enum ViewError {
    /// A declaration or request field is malformed; `field` is its path (`aggregates[1].field`).
    #[error("{field}: {reason}")]
    Invalid { field: String, reason: String },

    #[error("view {project_id}/{name} does not exist")]
    NotFound { project_id: String, name: String },

    #[error("view {project_id}/{name} already exists")]
    AlreadyExists { project_id: String, name: String },

    /// A rebuild needs the whole log, but its beginning was pruned.
    #[error(
        "view {view} cannot be rebuilt: the change events of database {database} up to sequence \
         {pruned_through} were pruned, so the log no longer starts at the beginning"
    )]
    LogPruned {
        view: String,
        database: String,
        pruned_through: u64,
    },

    /// Another writer (a rebuild, a second process) moved the view's checkpoint first; the
    /// batch was not applied and is folded again from the new checkpoint.
    #[error("the checkpoint of view {view} moved concurrently")]
    CheckpointMoved { view: String },

    /// Folding stopped at a source event that cannot be read; an operator decides (skip it
    /// after inspecting it, or restore the store).
    #[error(
        "view {view} stopped: {stall}; inspect it, then skip it with `orbit views skip {view} \
         --seq {}`, or restore the store from a backup",
        .stall.seq
    )]
    Stalled { view: String, stall: Box<ViewStall> },

    /// A skip named an event the view is not stalled at.
    #[error(
        "view {view} is not stalled at sequence {seq} ({state}); only the event a view is \
         stalled at can be skipped"
    )]
    NotStalled {
        view: String,
        seq: u64,
        state: String,
    },

    /// Stored view data that cannot be decoded.
    #[error("stored data of view {view} is corrupt at {what}: {reason}")]
    Corrupt {
        view: String,
        what: String,
        reason: String,
    },

    #[error(transparent)]
    Store(#[from] StoreError),
}

impl ViewError {
    pub(crate) fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        ViewError::Invalid {
            field: field.into(),
            reason: reason.into(),
        }
    }

    pub(crate) fn corrupt(
        view: impl Into<String>,
        what: impl Into<String>,
        reason: impl std::fmt::Display,
    ) -> Self {
        ViewError::Corrupt {
            view: view.into(),
            what: what.into(),
            reason: reason.to_string(),
        }
    }
}
