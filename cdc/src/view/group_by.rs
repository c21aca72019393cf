//! The general-purpose view a project declares with data: records of one entity type
//! grouped by a field, with COUNT/SUM/MIN/MAX/LATEST columns. Each event costs a constant
//! number of point reads and writes (the record's previous contribution, its old and new
//! group's row, which keeps the group's accumulators), whatever the number of groups.

use async_trait::async_trait;
use orbit_system::store::{ChangeEvent, ChangeOp, EventScope};
use serde_json::Value;

use super::declaration::GroupBySpec;
use super::error::ViewError;
use super::state::{Contribution, GroupState};
use super::writer::ViewWriter;
use super::{View, ViewId};
use crate::codec::Codecs;

/// Private table of each source record's last contribution, by source key.
const CONTRIBUTIONS: &str = "contrib";

/// A declared group-by view of one project.
#[derive(Debug, Clone)]
pub(crate) struct GroupByView {
    id: ViewId,
    org_id: String,
    spec: GroupBySpec,
    /// How the source database's values read as records.
    codecs: Codecs,
}

impl GroupByView {
    pub(crate) fn new(
        org_id: String,
        project_id: String,
        spec: GroupBySpec,
        codecs: Codecs,
    ) -> GroupByView {
        GroupByView {
            id: ViewId::new(project_id, spec.name.clone()),
            org_id,
            spec,
            codecs,
        }
    }

    async fn load_group(
        &self,
        writer: &mut ViewWriter<'_>,
        group: &Value,
    ) -> Result<GroupState, ViewError> {
        match writer.row_state(group).await? {
            Some(state) => serde_json::from_value(state)
                .map_err(|e| ViewError::corrupt(self.id.to_string(), "group state", e)),
            None => Ok(GroupState::empty(&self.spec, group.clone())),
        }
    }

    async fn store_group(
        &self,
        writer: &mut ViewWriter<'_>,
        state: GroupState,
    ) -> Result<(), ViewError> {
        if state.count == 0 {
            writer.remove_row(&state.group).await
        } else {
            let row = state.row(&self.spec);
            let state = serde_json::to_value(&state).expect("group state encodes");
            writer.put_row_with_state(row, Some(state)).await
        }
    }

    /// The new contribution of a put, or `None` for a delete or a value that is not a
    /// record (which then counts as absent, as it cannot be read as one).
    fn contribution(&self, event: &ChangeEvent) -> Option<Contribution> {
        match self.read_contribution(event) {
            Ok(contribution) => contribution,
            Err(reason) => {
                tracing::warn!(
                    view = %self.id,
                    seq = event.seq,
                    %reason,
                    "the view leaves out a value that is not a record"
                );
                None
            }
        }
    }

    /// [`GroupByView::contribution`], with the reason a value is not a record.
    fn read_contribution(&self, event: &ChangeEvent) -> Result<Option<Contribution>, String> {
        let value = match (&event.op, event.value.as_deref()) {
            (ChangeOp::Put, Some(value)) => value,
            _ => return Ok(None),
        };
        let record = self
            .codecs
            .object(&self.spec.module, &event.keyspace, value)
            .map(Value::Object)?;
        Ok(Some(Contribution::of(&self.spec, &record, event.seq)))
    }
}

#[async_trait]
impl View for GroupByView {
    fn id(&self) -> &ViewId {
        &self.id
    }

    fn org_id(&self) -> &str {
        &self.org_id
    }

    fn source_database(&self) -> &str {
        &self.spec.module
    }

    /// A group-by view keeps each record's last contribution, so a snapshot of the records
    /// of its entity builds it as well as the log does.
    fn snapshot(&self) -> Option<(String, Vec<u8>)> {
        Some((
            self.spec.entity.clone(),
            format!("{}/", self.id.project_id).into_bytes(),
        ))
    }

    fn accepts(&self, scope: Option<&EventScope>) -> bool {
        scope.is_some_and(|s| s.project_id == self.id.project_id && s.entity == self.spec.entity)
    }

    /// The page's contributions in one batch, then the rows of every group they leave or
    /// join in another.
    async fn prefetch(
        &self,
        events: &[ChangeEvent],
        writer: &mut ViewWriter<'_>,
    ) -> Result<(), ViewError> {
        let mine: Vec<&ChangeEvent> = events
            .iter()
            .filter(|event| event.keyspace == self.spec.entity)
            .collect();
        writer
            .prefetch(CONTRIBUTIONS, mine.iter().map(|event| event.key.as_slice()))
            .await?;
        let mut groups = Vec::with_capacity(mine.len() * 2);
        for event in mine {
            // What does not decode is reported by `apply`, which reads it again.
            if let Some(bytes) = writer.get(CONTRIBUTIONS, &event.key).await? {
                if let Ok(old) = serde_json::from_slice::<Contribution>(&bytes) {
                    groups.push(old.group);
                }
            }
            if let Ok(Some(new)) = self.read_contribution(event) {
                groups.push(new.group);
            }
        }
        writer.prefetch_rows(&groups).await
    }

    async fn apply(
        &self,
        event: &ChangeEvent,
        writer: &mut ViewWriter<'_>,
    ) -> Result<(), ViewError> {
        if event.keyspace != self.spec.entity {
            return Ok(());
        }
        let previous = match writer.get(CONTRIBUTIONS, &event.key).await? {
            Some(bytes) => Some(
                serde_json::from_slice::<Contribution>(&bytes)
                    .map_err(|e| ViewError::corrupt(self.id.to_string(), "contribution", e))?,
            ),
            None => None,
        };
        if let Some(old) = &previous {
            let mut state = self.load_group(writer, &old.group).await?;
            let key = writer.group_key(&old.group);
            state.remove(&self.spec, writer, &key, old).await?;
            self.store_group(writer, state).await?;
        }
        match self.contribution(event) {
            Some(new) => {
                let mut state = self.load_group(writer, &new.group).await?;
                let key = writer.group_key(&new.group);
                state.add(&self.spec, writer, &key, &new).await?;
                self.store_group(writer, state).await?;
                let bytes = serde_json::to_vec(&new).expect("contribution encodes");
                writer.put(CONTRIBUTIONS, &event.key, bytes)?;
            }
            None if previous.is_some() => writer.delete(CONTRIBUTIONS, &event.key)?,
            None => {}
        }
        Ok(())
    }
}
