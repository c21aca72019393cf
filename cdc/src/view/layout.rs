//! Where views keep their data in the `views` database: keyspace names, key builders and
//! the two small records every view has (its declaration and its checkpoint).

use orbit_system::store::{Database, Expect};
use serde::{Deserialize, Serialize};

use super::ViewId;
use super::declaration::GroupBySpec;
use super::error::ViewError;

/// The encrypted database holding every view's rows, state and checkpoint.
pub const VIEWS_DATABASE: &str = "views";
/// Keyspace of view rows; the only one a watcher of a view reads.
pub const ROW_KEYSPACE: &str = "view.row";
/// Keyspace of declared (group-by) views.
pub(crate) const DECL_KEYSPACE: &str = "view.decl";
/// Keyspace of checkpoints.
pub(crate) const CKPT_KEYSPACE: &str = "view.ckpt";
/// Keyspace of views' private state.
pub(crate) const DATA_KEYSPACE: &str = "view.data";
/// Version marker of the stored checkpoint and declaration encodings.
const FORMAT: u32 = 1;

/// `<project>/<name>`: key of the declaration and checkpoint.
pub(crate) fn view_key(id: &ViewId) -> String {
    format!("{}/{}", id.project_id, id.name)
}

/// `<project>/<name>/<generation>/`: prefix of a generation's rows and state.
pub(crate) fn generation_prefix(id: &ViewId, generation: u64) -> String {
    format!("{}/{}/{generation:020}/", id.project_id, id.name)
}

/// A view's progress. Written with compare-and-set on its version in the same transaction
/// as every batch of rows, so rows and checkpoint never disagree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Checkpoint {
    pub(crate) v: u32,
    /// Rows live under this generation; a rebuild starts a new one.
    pub(crate) generation: u64,
    /// The last source sequence number folded.
    pub(crate) seq: u64,
    /// Live rows (groups) of the current generation.
    pub(crate) rows: u64,
    /// Older generations whose data is still being deleted.
    #[serde(default)]
    pub(crate) stale: Vec<u64>,
    /// The view was dropped: only its stale data remains to delete.
    #[serde(default)]
    pub(crate) dropped: bool,
    /// Folding stopped at a source event that cannot be read (`seq` is the one after the
    /// checkpoint's); cleared once the view folds past it (an operator's skip, a rebuild).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) stalled: Option<Stall>,
    /// Source events an operator skipped (`orbit views skip`) in this generation, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) skipped: Vec<u64>,
    /// A snapshot of the source records being folded because the log was pruned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) backfill: Option<Backfill>,
}

/// Where a snapshot fold stands: the source head read before it started (folding goes on
/// from there once every record is in), and the last source key folded (hex).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Backfill {
    pub(crate) head: u64,
    pub(crate) after: Option<String>,
}

/// Where and why a view stopped folding: names only, never content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Stall {
    pub(crate) seq: u64,
    pub(crate) database: String,
    pub(crate) keyspace: String,
    pub(crate) key: String,
    pub(crate) reason: String,
}

impl Checkpoint {
    pub(crate) fn fresh(generation: u64, stale: Vec<u64>) -> Checkpoint {
        Checkpoint {
            v: FORMAT,
            generation,
            seq: 0,
            rows: 0,
            stale,
            dropped: false,
            stalled: None,
            skipped: Vec::new(),
            backfill: None,
        }
    }

    pub(crate) fn encode(&self) -> Vec<u8> {
        serde_json::to_vec(self).expect("checkpoint encodes")
    }
}

/// A checkpoint as read, with the version a compare-and-set must expect.
#[derive(Debug, Clone)]
pub(crate) struct Stored<T> {
    pub(crate) value: T,
    pub(crate) version: u64,
}

impl<T> Stored<T> {
    pub(crate) fn expect(&self) -> Expect {
        Expect::Version(self.version)
    }
}

pub(crate) async fn load_checkpoint(
    db: &Database,
    id: &ViewId,
) -> Result<Option<Stored<Checkpoint>>, ViewError> {
    let Some(record) = db.get(CKPT_KEYSPACE, view_key(id).as_bytes()).await? else {
        return Ok(None);
    };
    let value: Checkpoint = serde_json::from_slice(&record.value)
        .map_err(|e| ViewError::corrupt(id.to_string(), "checkpoint", e))?;
    if value.v != FORMAT {
        return Err(ViewError::corrupt(
            id.to_string(),
            "checkpoint",
            format!("unknown format {}", value.v),
        ));
    }
    Ok(Some(Stored {
        value,
        version: record.version,
    }))
}

/// A declared group-by view as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Declared {
    pub(crate) v: u32,
    pub(crate) org_id: String,
    pub(crate) project_id: String,
    pub(crate) spec: GroupBySpec,
}

impl Declared {
    pub(crate) fn new(org_id: String, project_id: String, spec: GroupBySpec) -> Declared {
        Declared {
            v: FORMAT,
            org_id,
            project_id,
            spec,
        }
    }

    pub(crate) fn id(&self) -> ViewId {
        ViewId::new(self.project_id.clone(), self.spec.name.clone())
    }

    pub(crate) fn encode(&self) -> Vec<u8> {
        serde_json::to_vec(self).expect("declaration encodes")
    }

    pub(crate) fn decode(what: &str, bytes: &[u8]) -> Result<Declared, ViewError> {
        let value: Declared = serde_json::from_slice(bytes)
            .map_err(|e| ViewError::corrupt(what, "declaration", e))?;
        if value.v != FORMAT {
            return Err(ViewError::corrupt(
                what,
                "declaration",
                format!("unknown format {}", value.v),
            ));
        }
        Ok(value)
    }
}
