//! Point reads of a view: one row by its group, and how far a view has folded. For
//! compiled modules that read their own view's rows per request (chat's unread counts)
//! instead of paging through `ViewEngine::query`, which serves declared views only.
//!
//! Reads only: it never writes, and it finds a row the way the view's writer addresses it
//! (the current generation's prefix and the keyed blind index of the group), so the group's
//! value never appears in a key here either.

use serde_json::Value;

use super::layout::{ROW_KEYSPACE, generation_prefix, load_checkpoint};
use super::row::{Row, StoredRow};
use super::writer::ViewWriter;
use super::{ViewEngine, ViewError, ViewId};

impl ViewEngine {
    /// The live row of `group` in view `id` (declared or registered), `None` if the group
    /// has no row (never had one, or it became empty) or the view does not exist.
    pub async fn row(&self, id: &ViewId, group: &Value) -> Result<Option<Row>, ViewError> {
        let views = self.views_database();
        let Some(checkpoint) = load_checkpoint(views, id).await? else {
            return Ok(None);
        };
        let generation = checkpoint.value.generation;
        let writer = ViewWriter::new(views, id, generation);
        let key = format!(
            "{}{}",
            generation_prefix(id, generation),
            writer.group_key(group)
        );
        let Some(record) = views.get(ROW_KEYSPACE, key.as_bytes()).await? else {
            return Ok(None);
        };
        match StoredRow::decode(&record.value)
            .map_err(|e| ViewError::corrupt(id.to_string(), "row", e))?
        {
            StoredRow::Live(row) => Ok(Some(row)),
            StoredRow::Gone { .. } => Ok(None),
        }
    }

    /// The last source sequence number view `id` has folded, `None` if it does not exist.
    pub async fn folded_seq(&self, id: &ViewId) -> Result<Option<u64>, ViewError> {
        Ok(load_checkpoint(self.views_database(), id)
            .await?
            .map(|checkpoint| checkpoint.value.seq))
    }
}
