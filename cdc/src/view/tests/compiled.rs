//! A compiled module's own [`View`] (here: live records per entity type, over every project
//! of the module's database) registered with the engine and folded by its runner.

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use orbit_system::store::{ChangeEvent, ChangeOp, EventScope};
use serde_json::{Value, json};

use super::harness::{Harness, ORG, PROJECT, wait_until};
use crate::view::{Row, View, ViewError, ViewId, ViewWriter};

/// Counts live records per entity type; keeps which keys are live in its private table.
struct PerEntity {
    id: ViewId,
}

#[async_trait]
impl View for PerEntity {
    fn id(&self) -> &ViewId {
        &self.id
    }

    fn org_id(&self) -> &str {
        ORG
    }

    fn source_database(&self) -> &str {
        "chat"
    }

    fn accepts(&self, scope: Option<&EventScope>) -> bool {
        scope.is_some()
    }

    async fn apply(
        &self,
        event: &ChangeEvent,
        writer: &mut ViewWriter<'_>,
    ) -> Result<(), ViewError> {
        let live = writer.get("live", &event.key).await?.is_some();
        let delta: i64 = match (event.op, live) {
            (ChangeOp::Put, false) => 1,
            (ChangeOp::Delete, true) => -1,
            _ => 0,
        };
        match event.op {
            ChangeOp::Put => writer.put("live", &event.key, vec![1])?,
            ChangeOp::Delete => writer.delete("live", &event.key)?,
        }
        if delta == 0 {
            return Ok(());
        }
        let group = json!(event.keyspace);
        let count = writer
            .row_state(&group)
            .await?
            .and_then(|state| state.as_i64())
            .unwrap_or(0)
            + delta;
        if count == 0 {
            return writer.remove_row(&group).await;
        }
        let mut values = serde_json::Map::new();
        values.insert("records".into(), json!(count));
        writer
            .put_row_with_state(Row { group, values }, Some(Value::from(count)))
            .await
    }
}

#[tokio::test]
async fn a_registered_module_view_is_folded_by_its_runner() {
    let h = Harness::open().await;
    let chat = h.store.database("chat").await.unwrap();
    let scope = super::harness::scope(PROJECT, "message");
    for (keyspace, key) in [("message", "m1"), ("message", "m2"), ("room", "r1")] {
        let txn = orbit_system::store::Transaction::new()
            .put(keyspace, key, b"{}".to_vec())
            .scope(scope.clone());
        chat.commit(txn).await.unwrap();
    }
    let txn = orbit_system::store::Transaction::new()
        .delete("room", "r1")
        .scope(scope);
    chat.commit(txn).await.unwrap();
    let view = Arc::new(PerEntity {
        id: ViewId::new("chat", "per_entity"),
    });
    h.engine.register(view.clone()).await.unwrap();
    let head = chat.head().await.unwrap();
    let views = h.engine.views_database();
    let checkpoint = || async {
        crate::view::layout::load_checkpoint(views, &view.id)
            .await
            .unwrap()
            .unwrap()
            .value
    };
    wait_until(Duration::from_secs(10), "runner never folded", || async {
        checkpoint().await.seq == head
    })
    .await;
    assert_eq!(checkpoint().await.rows, 1, "room emptied, message has 2");
    h.close().await;
}
