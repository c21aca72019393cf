//! Property: for any workload of puts, updates and deletes over a few groups, folded in
//! pages of any size at any moments, the incrementally maintained view equals the view
//! recomputed from scratch from the final records (by a separate, naive implementation).

use std::collections::{BTreeMap, HashMap};

use proptest::prelude::*;
use serde_json::{Map, Value, json};

use super::harness::{Harness, ORG, PROJECT, tasks_view};

#[derive(Debug, Clone)]
enum Op {
    Put {
        key: u8,
        status: Option<u8>,
        points: Option<Value>,
        title: Option<String>,
    },
    Delete {
        key: u8,
    },
    Fold,
}

fn points() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => (-20i64..20).prop_map(Value::from),
        1 => prop::sample::select(vec!["x", "y", "zz"]).prop_map(Value::from),
        1 => Just(Value::Bool(true)),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => (
            0u8..8,
            prop::option::weighted(0.9, 0u8..3),
            prop::option::weighted(0.85, points()),
            prop::option::weighted(0.8, "[a-c]{1,2}"),
        )
            .prop_map(|(key, status, points, title)| Op::Put { key, status, points, title }),
        3 => (0u8..8).prop_map(|key| Op::Delete { key }),
        1 => Just(Op::Fold),
    ]
}

/// The view computed from the final records alone: `(seq, record)` by key.
pub(super) fn recompute<K>(
    records: &HashMap<K, (u64, Value)>,
) -> BTreeMap<String, Map<String, Value>> {
    let mut groups: BTreeMap<String, Vec<&(u64, Value)>> = BTreeMap::new();
    for entry in records.values() {
        let group = entry.1.get("status").cloned().unwrap_or(Value::Null);
        groups.entry(group.to_string()).or_default().push(entry);
    }
    let mut rows = BTreeMap::new();
    for (group, members) in groups {
        let sum: i64 = members
            .iter()
            .filter_map(|(_, r)| r.get("points").and_then(Value::as_i64))
            .sum();
        let mut numbers: Vec<i64> = Vec::new();
        let mut strings: Vec<&str> = Vec::new();
        for (_, record) in &members {
            match record.get("points") {
                Some(Value::Number(n)) => numbers.push(n.as_i64().unwrap()),
                Some(Value::String(s)) => strings.push(s),
                _ => {}
            }
        }
        numbers.sort();
        strings.sort();
        let low = numbers
            .first()
            .map(|n| json!(n))
            .or(strings.first().map(|s| json!(s)))
            .unwrap_or(Value::Null);
        let high = strings
            .last()
            .map(|s| json!(s))
            .or(numbers.last().map(|n| json!(n)))
            .unwrap_or(Value::Null);
        let latest = members.iter().max_by_key(|(seq, _)| *seq).unwrap();
        let title = latest.1.get("title").cloned().unwrap_or(Value::Null);
        let row = json!({
            "n": members.len(), "points": sum, "low": low, "high": high, "last_title": title
        });
        rows.insert(group, row.as_object().unwrap().clone());
    }
    rows
}

async fn check(ops: Vec<Op>, page: u32) -> Result<(), TestCaseError> {
    let h = Harness::open_paged(page).await;
    h.engine.create(ORG, PROJECT, &tasks_view()).await.unwrap();
    let mut records: HashMap<u8, (u64, Value)> = HashMap::new();
    for op in ops {
        match op {
            Op::Put {
                key,
                status,
                points,
                title,
            } => {
                let mut record = Map::new();
                if let Some(status) = status {
                    record.insert("status".into(), json!(format!("s{status}")));
                }
                if let Some(points) = points {
                    record.insert("points".into(), points);
                }
                if let Some(title) = title {
                    record.insert("title".into(), json!(title));
                }
                let record = Value::Object(record);
                let seq = h
                    .put(PROJECT, "task", &format!("k{key}"), record.clone())
                    .await;
                records.insert(key, (seq, record));
            }
            Op::Delete { key } => {
                h.delete(PROJECT, "task", &format!("k{key}")).await;
                records.remove(&key);
            }
            Op::Fold => {
                h.engine.catch_up(PROJECT, "by_status").await.unwrap();
            }
        }
    }
    let info = h.engine.catch_up(PROJECT, "by_status").await.unwrap();
    let incremental = h.rows("by_status").await;
    let expected = recompute(&records);
    h.close().await;
    prop_assert_eq!(info.rows as usize, expected.len());
    prop_assert_eq!(incremental, expected);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn incremental_view_equals_recomputed(ops in prop::collection::vec(op(), 1..60), page in 1u32..9) {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(check(ops, page))?;
    }
}
