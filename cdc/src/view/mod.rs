//! Materialised views folded incrementally from the change feed.
//!
//! A [`View`] folds the change events of one source database into its own rows, one event
//! at a time, without recomputing: [`View::apply`] sees an event and a [`ViewWriter`] over
//! the view's part of the encrypted `views` database. The runner (`runner.rs`, one task per
//! view) reads the source's events after the view's checkpoint a page at a time, filtered by
//! scope before anything is decrypted, folds the page into one transaction and commits it
//! with the new checkpoint, compare-and-set on the checkpoint's version: an event is applied
//! once, whatever crashes or concurrent rebuilds happen.
//!
//! Two kinds of views exist: compiled ones (a module implements [`View`] and registers it
//! with [`ViewEngine::register`]) and the group-by views a project declares with data
//! ([`GroupBySpec`], folded by `group_by.rs`), which [`ViewEngine`] persists and starts.
//!
//! Stored layout, all in database `views` (record keys are plaintext, so no record content
//! ever appears in one: a group is addressed by its keyed blind index):
//! - `view.decl`  `<project>/<name>`: a declared view (its spec, org);
//! - `view.ckpt`  `<project>/<name>`: the checkpoint (generation, sequence, row count);
//! - `view.row`   `<project>/<name>/<generation>/<group blind index>`: a row (with the
//!   view's private state for that group, which readers never see), or a tombstone for a
//!   group that became empty (so a watcher learns which group went away);
//! - `view.data`  `<project>/<name>/<generation>/<table>/<key>`: a view's other private
//!   state (a group-by view's per-record contributions, chunks of large ordered sets).
//!
//! Row writes carry `EventScope { project_id, entity: <view name> }`: watching a view is
//! following the `views` feed filtered to that scope, keeping the `view.row` events.
//! This module never knows gRPC; `server/view_service.rs` maps it to `ViewService`.

mod declaration;
mod engine;
mod error;
mod group_by;
mod layout;
mod lookup;
mod ordered;
mod row;
mod runner;
mod state;
mod writer;

#[cfg(test)]
mod tests;

use async_trait::async_trait;
use orbit_system::store::{ChangeEvent, EventScope};

pub use declaration::{AggregateSpec, DEFAULT_MODULE, FieldPath, Function, GroupBySpec};
pub use engine::{RowPage, ViewConfig, ViewEngine, ViewInfo, ViewStall};
pub use error::ViewError;
pub use layout::{ROW_KEYSPACE, VIEWS_DATABASE};
pub use row::{Row, StoredRow};
pub use writer::ViewWriter;

/// Names a view: the project (or, for a module's own views, the owner) and the view's name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ViewId {
    pub project_id: String,
    pub name: String,
}

impl ViewId {
    pub fn new(project_id: impl Into<String>, name: impl Into<String>) -> ViewId {
        ViewId {
            project_id: project_id.into(),
            name: name.into(),
        }
    }
}

impl std::fmt::Display for ViewId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.project_id, self.name)
    }
}

/// A materialised view: folds change events of one source database into rows.
///
/// `apply` must be a pure function of the event and what the writer reads: the runner may
/// fold the same page again after a conflict (the first attempt then left no trace).
#[async_trait]
pub trait View: Send + Sync + 'static {
    /// The view's identity; also the prefix of every key it writes.
    fn id(&self) -> &ViewId;

    /// The org its project belongs to (stamped on the scope of its row writes).
    fn org_id(&self) -> &str;

    /// The database whose change events it folds.
    fn source_database(&self) -> &str;

    /// Whether events of this scope concern the view; decided before anything is decrypted.
    fn accepts(&self, scope: Option<&EventScope>) -> bool;

    /// Folds one event into the view's rows and state.
    async fn apply(
        &self,
        event: &ChangeEvent,
        writer: &mut ViewWriter<'_>,
    ) -> Result<(), ViewError>;

    /// Reads ahead, with [`ViewWriter::prefetch`] and [`ViewWriter::prefetch_rows`], what
    /// folding `events` will read, before the page's first `apply`: one batch read instead of
    /// a point read per key. Optional (the default reads nothing ahead); `apply` must be
    /// correct without it.
    async fn prefetch(
        &self,
        _events: &[ChangeEvent],
        _writer: &mut ViewWriter<'_>,
    ) -> Result<(), ViewError> {
        Ok(())
    }
    /// Where the records the view folds live, if it can be built from their current state:
    /// `(keyspace, key prefix)`. When the log it would fold was pruned (a view declared on
    /// an instance that keeps a bounded log, or rebuilt there), the runner folds every
    /// current record as a put, then the log after the head it read before that snapshot.
    /// Folding must then be idempotent per source key (a record's new value replaces what
    /// it contributed). `None` (the default): the view needs the whole log.
    fn snapshot(&self) -> Option<(String, Vec<u8>)> {
        None
    }

    /// The scope of the view's writes: watchers of the view follow exactly these events.
    fn write_scope(&self) -> EventScope {
        EventScope {
            org_id: self.org_id().to_owned(),
            project_id: self.id().project_id.clone(),
            entity: self.id().name.clone(),
            federated: false,
        }
    }
}
