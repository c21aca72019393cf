//! Group-commit planning: given the transactions that arrived together and the current
//! versions of the keys they touch, decide which commit, assign their gap-free sequence
//! numbers and HLC stamps, and compute the rows to write. Pure: no I/O, so both backends
//! share it and it is tested on its own.

use std::collections::HashMap;

use crate::store::StoreError;
use crate::store::error::display_key;
use crate::store::hlc::{Hlc, HlcStamp};
use crate::store::types::{ChangeOp, Expect, Receipt};

/// A transaction whose values are already sealed, waiting to be committed.
#[derive(Debug)]
pub(crate) struct SealedTxn {
    pub(crate) database: String,
    pub(crate) ops: Vec<SealedOp>,
    pub(crate) correlation_id: Option<String>,
}

#[derive(Debug)]
pub(crate) struct SealedOp {
    pub(crate) keyspace: String,
    pub(crate) key: Vec<u8>,
    /// `Some(sealed value, key version)` for a put.
    pub(crate) put: Option<(Vec<u8>, u32)>,
    /// A delete when `put` is `None` and `check_only` is false.
    pub(crate) check_only: bool,
    pub(crate) expect: Expect,
}

/// Identifies one record across databases.
pub(crate) type RowKey = (String, String, Vec<u8>);

/// A record row to upsert.
#[derive(Debug, Clone)]
pub(crate) struct RowWrite {
    pub(crate) database: String,
    pub(crate) keyspace: String,
    pub(crate) key: Vec<u8>,
    pub(crate) version: u64,
    pub(crate) key_version: u32,
    pub(crate) sealed: Vec<u8>,
}

/// An outbox row to insert.
#[derive(Debug, Clone)]
pub(crate) struct EventWrite {
    pub(crate) database: String,
    pub(crate) seq: u64,
    pub(crate) hlc: HlcStamp,
    pub(crate) keyspace: String,
    pub(crate) key: Vec<u8>,
    pub(crate) op: ChangeOp,
    pub(crate) key_version: Option<u32>,
    pub(crate) sealed: Option<Vec<u8>>,
    pub(crate) correlation_id: Option<String>,
}

/// Everything one group commit writes, plus each caller's answer.
#[derive(Debug, Default)]
pub(crate) struct Plan {
    pub(crate) upserts: Vec<RowWrite>,
    pub(crate) deletes: Vec<RowKey>,
    pub(crate) events: Vec<EventWrite>,
    /// New outbox head per database that got events.
    pub(crate) heads: Vec<(String, u64)>,
    pub(crate) outcomes: Vec<Result<Receipt, StoreError>>,
}

/// Every distinct record key the batch touches, for reading current versions.
pub(crate) fn touched_keys(batch: &[SealedTxn]) -> Vec<RowKey> {
    let mut keys: Vec<RowKey> = batch
        .iter()
        .flat_map(|txn| {
            txn.ops
                .iter()
                .map(|op| (txn.database.clone(), op.keyspace.clone(), op.key.clone()))
        })
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

/// Every distinct database of the batch.
pub(crate) fn databases(batch: &[SealedTxn]) -> Vec<String> {
    let mut dbs: Vec<String> = batch.iter().map(|txn| txn.database.clone()).collect();
    dbs.sort();
    dbs.dedup();
    dbs
}

/// Plans the batch against `current` (versions of existing keys) and `heads` (outbox head per
/// database). Transactions are applied in arrival order; one whose condition fails gets a
/// conflict and leaves no trace.
pub(crate) fn plan(
    batch: &mut [SealedTxn],
    mut current: HashMap<RowKey, u64>,
    mut heads: HashMap<String, u64>,
    clock: &Hlc,
) -> Plan {
    let mut plan = Plan::default();
    // Final state per key after the whole batch: Some(row) = upsert, None = delete.
    let mut finals: HashMap<RowKey, Option<RowWrite>> = HashMap::new();
    let mut touched_heads: Vec<String> = Vec::new();

    for txn in batch.iter_mut() {
        if let Err(conflict) = check(txn, &current) {
            plan.outcomes.push(Err(conflict));
            continue;
        }
        let hlc = clock.tick();
        let head = heads.entry(txn.database.clone()).or_insert(0);
        let mut versions = Vec::with_capacity(txn.ops.len());
        for op in txn.ops.iter_mut() {
            let row_key: RowKey = (txn.database.clone(), op.keyspace.clone(), op.key.clone());
            let exists = current.contains_key(&row_key);
            let change = match (&op.put, op.check_only) {
                (_, true) => None,
                (Some(_), false) => Some(ChangeOp::Put),
                (None, false) if exists => Some(ChangeOp::Delete),
                (None, false) => None,
            };
            let Some(change) = change else {
                versions.push(None);
                continue;
            };
            *head += 1;
            let seq = *head;
            versions.push(Some(seq));
            let put = op.put.clone();
            plan.events.push(EventWrite {
                database: txn.database.clone(),
                seq,
                hlc,
                keyspace: op.keyspace.clone(),
                key: op.key.clone(),
                op: change,
                key_version: put.as_ref().map(|(_, kv)| *kv),
                sealed: put.as_ref().map(|(sealed, _)| sealed.clone()),
                correlation_id: txn.correlation_id.clone(),
            });
            match put {
                Some((sealed, key_version)) => {
                    current.insert(row_key.clone(), seq);
                    let row = RowWrite {
                        database: txn.database.clone(),
                        keyspace: op.keyspace.clone(),
                        key: op.key.clone(),
                        version: seq,
                        key_version,
                        sealed,
                    };
                    finals.insert(row_key, Some(row));
                }
                None => {
                    current.remove(&row_key);
                    finals.insert(row_key, None);
                }
            }
        }
        if !touched_heads.contains(&txn.database) {
            touched_heads.push(txn.database.clone());
        }
        plan.outcomes.push(Ok(Receipt { versions, hlc }));
    }

    for (row_key, state) in finals {
        match state {
            Some(row) => plan.upserts.push(row),
            None => plan.deletes.push(row_key),
        }
    }
    plan.upserts.sort_by(|a, b| {
        (&a.database, &a.keyspace, &a.key).cmp(&(&b.database, &b.keyspace, &b.key))
    });
    plan.deletes.sort();
    plan.heads = touched_heads
        .into_iter()
        .map(|db| {
            let head = heads[&db];
            (db, head)
        })
        .collect();
    plan
}

/// Checks every condition of `txn` against the versions as they stand.
fn check(txn: &SealedTxn, current: &HashMap<RowKey, u64>) -> Result<(), StoreError> {
    for op in &txn.ops {
        let found = current
            .get(&(txn.database.clone(), op.keyspace.clone(), op.key.clone()))
            .copied();
        let holds = match op.expect {
            Expect::Any => true,
            Expect::Absent => found.is_none(),
            Expect::Version(v) => found == Some(v),
        };
        if !holds {
            return Err(StoreError::Conflict {
                keyspace: op.keyspace.clone(),
                key: display_key(&op.key),
                expected: match op.expect {
                    Expect::Any => "any".into(),
                    Expect::Absent => "absent".into(),
                    Expect::Version(v) => format!("version {v}"),
                },
                found: found.map_or_else(|| "absent".into(), |v| format!("version {v}")),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn put(ks: &str, key: &str, expect: Expect) -> SealedOp {
        SealedOp {
            keyspace: ks.into(),
            key: key.into(),
            put: Some((vec![1, 2, 3], 1)),
            check_only: false,
            expect,
        }
    }

    fn del(ks: &str, key: &str) -> SealedOp {
        SealedOp {
            keyspace: ks.into(),
            key: key.into(),
            put: None,
            check_only: false,
            expect: Expect::Any,
        }
    }

    fn txn(ops: Vec<SealedOp>) -> SealedTxn {
        SealedTxn {
            database: "db".into(),
            ops,
            correlation_id: None,
        }
    }

    #[test]
    fn sequences_are_gap_free_across_transactions_and_conflicts_leave_no_trace() {
        let mut batch = vec![
            txn(vec![
                put("ks", "a", Expect::Absent),
                put("ks", "b", Expect::Any),
            ]),
            txn(vec![put("ks", "a", Expect::Absent)]),
            txn(vec![
                put("ks", "a", Expect::Version(11)),
                del("ks", "b"),
                del("ks", "zz"),
            ]),
        ];
        let heads = HashMap::from([("db".to_string(), 10)]);
        let plan = plan(&mut batch, HashMap::new(), heads, &Hlc::default());
        assert_eq!(
            plan.outcomes[0].as_ref().unwrap().versions,
            vec![Some(11), Some(12)]
        );
        assert!(matches!(plan.outcomes[1], Err(StoreError::Conflict { .. })));
        assert_eq!(
            plan.outcomes[2].as_ref().unwrap().versions,
            vec![Some(13), Some(14), None]
        );
        assert_eq!(
            plan.events.iter().map(|e| e.seq).collect::<Vec<_>>(),
            vec![11, 12, 13, 14]
        );
        assert_eq!(plan.heads, vec![("db".to_string(), 14)]);
        assert_eq!(plan.upserts.len(), 1);
        assert_eq!(plan.upserts[0].version, 13);
        assert_eq!(
            plan.deletes,
            vec![("db".to_string(), "ks".to_string(), b"b".to_vec())]
        );
    }

    #[test]
    fn failed_check_blocks_whole_transaction() {
        let mut batch = vec![txn(vec![
            put("ks", "a", Expect::Any),
            SealedOp {
                keyspace: "ks".into(),
                key: "x".into(),
                put: None,
                check_only: true,
                expect: Expect::Version(3),
            },
        ])];
        let plan = plan(&mut batch, HashMap::new(), HashMap::new(), &Hlc::default());
        assert!(plan.outcomes[0].is_err());
        assert!(plan.events.is_empty() && plan.upserts.is_empty() && plan.heads.is_empty());
    }
}
