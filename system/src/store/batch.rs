//! Group-commit planning: given the transactions that arrived together and the current
//! versions of the keys they touch, decide which commit, assign their gap-free sequence
//! numbers and HLC stamps, and compute the rows to write. Pure: no I/O, so both backends
//! share it and it is tested on its own.
//!
//! A plan borrows every name, key and sealed value from the batch it was made from, so
//! planning copies no value bytes: the backend binds them straight from the callers' buffers.

use std::collections::HashMap;

use crate::store::StoreError;
use crate::store::error::display_key;
use crate::store::hlc::{Hlc, HlcStamp};
use crate::store::types::{ChangeOp, EventScope, Expect, Receipt};

/// A transaction whose values are already sealed, waiting to be committed.
#[derive(Debug)]
pub(crate) struct SealedTxn {
    pub(crate) database: String,
    pub(crate) ops: Vec<SealedOp>,
    pub(crate) correlation_id: Option<String>,
    pub(crate) scope: Option<EventScope>,
}

#[derive(Debug)]
pub(crate) struct SealedOp {
    pub(crate) keyspace: String,
    pub(crate) key: Vec<u8>,
    /// `Some(sealed value, key version)` for a put.
    pub(crate) put: Option<(Vec<u8>, u32)>,
    /// A delete when `put` is `None` and `check_only` is false.
    pub(crate) check_only: bool,
    /// Its change event carries no scope (the instance's own bookkeeping).
    pub(crate) unscoped: bool,
    pub(crate) expect: Expect,
}

impl SealedOp {
    fn is_delete(&self) -> bool {
        self.put.is_none() && !self.check_only
    }
}

/// Identifies one record across databases: (database, keyspace, key), borrowed from the batch.
pub(crate) type RowKey<'a> = (&'a str, &'a str, &'a [u8]);

/// A record row to upsert.
#[derive(Debug, Clone)]
pub(crate) struct RowWrite<'a> {
    pub(crate) database: &'a str,
    pub(crate) keyspace: &'a str,
    pub(crate) key: &'a [u8],
    pub(crate) version: u64,
    pub(crate) key_version: u32,
    pub(crate) sealed: &'a [u8],
}

/// An outbox row to insert.
#[derive(Debug, Clone)]
pub(crate) struct EventWrite<'a> {
    pub(crate) database: &'a str,
    pub(crate) seq: u64,
    pub(crate) hlc: HlcStamp,
    pub(crate) keyspace: &'a str,
    pub(crate) key: &'a [u8],
    pub(crate) op: ChangeOp,
    pub(crate) key_version: Option<u32>,
    pub(crate) sealed: Option<&'a [u8]>,
    pub(crate) correlation_id: Option<&'a str>,
    pub(crate) scope: Option<&'a EventScope>,
}

/// Everything one group commit writes, plus each caller's answer.
#[derive(Debug, Default)]
pub(crate) struct Plan<'a> {
    pub(crate) upserts: Vec<RowWrite<'a>>,
    pub(crate) deletes: Vec<RowKey<'a>>,
    pub(crate) events: Vec<EventWrite<'a>>,
    /// New outbox head per database that got events.
    pub(crate) heads: Vec<(&'a str, u64)>,
    pub(crate) outcomes: Vec<Result<Receipt, StoreError>>,
}

/// Every distinct record key whose current version planning consults, sorted: keys of a
/// condition other than [`Expect::Any`] and of deletes (which emit an event only if the key
/// exists). Keys that are only put unconditionally are never read: a group of a thousand puts
/// and one compare-and-set (a view's page with its checkpoint) reads one row, not a thousand.
/// Empty when nothing is conditional.
pub(crate) fn checked_keys(batch: &[SealedTxn]) -> Vec<RowKey<'_>> {
    let mut keys: Vec<RowKey<'_>> = batch
        .iter()
        .flat_map(|txn| {
            txn.ops
                .iter()
                .filter(|op| op.is_delete() || !matches!(op.expect, Expect::Any))
                .map(|op| {
                    (
                        txn.database.as_str(),
                        op.keyspace.as_str(),
                        op.key.as_slice(),
                    )
                })
        })
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// Every distinct database of the batch, sorted (the order in which outbox heads are locked).
pub(crate) fn databases(batch: &[SealedTxn]) -> Vec<&str> {
    let mut dbs: Vec<&str> = batch.iter().map(|txn| txn.database.as_str()).collect();
    dbs.sort_unstable();
    dbs.dedup();
    dbs
}

/// Plans the batch against `current` (versions of the existing keys among
/// [`checked_keys`]) and `heads` (outbox head per database). Transactions are
/// applied in arrival order; one whose condition fails gets a conflict and leaves no trace.
pub(crate) fn plan<'a>(
    batch: &'a [SealedTxn],
    mut current: HashMap<RowKey<'a>, u64>,
    mut heads: HashMap<&'a str, u64>,
    clock: &Hlc,
) -> Plan<'a> {
    let mut plan = Plan::default();
    // Final state per key after the whole batch: Some(row) = upsert, None = delete.
    let mut finals: HashMap<RowKey<'a>, Option<RowWrite<'a>>> = HashMap::new();
    let mut touched_heads: Vec<&'a str> = Vec::new();

    for txn in batch {
        if let Err(conflict) = check(txn, &current) {
            plan.outcomes.push(Err(conflict));
            continue;
        }
        let database = txn.database.as_str();
        let hlc = clock.tick();
        let head = heads.entry(database).or_insert(0);
        let mut versions = Vec::with_capacity(txn.ops.len());
        for op in &txn.ops {
            let row_key: RowKey<'a> = (database, op.keyspace.as_str(), op.key.as_slice());
            let change = match (&op.put, op.check_only) {
                (_, true) => None,
                (Some(_), false) => Some(ChangeOp::Put),
                (None, false) if current.contains_key(&row_key) => Some(ChangeOp::Delete),
                (None, false) => None,
            };
            let Some(change) = change else {
                versions.push(None);
                continue;
            };
            *head += 1;
            let seq = *head;
            versions.push(Some(seq));
            let put = op.put.as_ref().map(|(sealed, kv)| (sealed.as_slice(), *kv));
            plan.events.push(EventWrite {
                database,
                seq,
                hlc,
                keyspace: row_key.1,
                key: row_key.2,
                op: change,
                key_version: put.map(|(_, kv)| kv),
                sealed: put.map(|(sealed, _)| sealed),
                correlation_id: txn.correlation_id.as_deref(),
                scope: if op.unscoped {
                    None
                } else {
                    txn.scope.as_ref()
                },
            });
            match put {
                Some((sealed, key_version)) => {
                    current.insert(row_key, seq);
                    let row = RowWrite {
                        database,
                        keyspace: row_key.1,
                        key: row_key.2,
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
        if !touched_heads.contains(&database) {
            touched_heads.push(database);
        }
        plan.outcomes.push(Ok(Receipt { versions, hlc }));
    }

    for (row_key, state) in finals {
        match state {
            Some(row) => plan.upserts.push(row),
            None => plan.deletes.push(row_key),
        }
    }
    plan.upserts.sort_unstable_by(|a, b| {
        (a.database, a.keyspace, a.key).cmp(&(b.database, b.keyspace, b.key))
    });
    plan.deletes.sort_unstable();
    plan.heads = touched_heads
        .into_iter()
        .map(|db| (db, heads[db]))
        .collect();
    plan
}

/// Checks every condition of `txn` against the versions as they stand.
fn check(txn: &SealedTxn, current: &HashMap<RowKey<'_>, u64>) -> Result<(), StoreError> {
    for op in &txn.ops {
        if op.expect == Expect::Any {
            continue;
        }
        let found = current
            .get(&(
                txn.database.as_str(),
                op.keyspace.as_str(),
                op.key.as_slice(),
            ))
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
            unscoped: false,
            expect,
        }
    }

    fn del(ks: &str, key: &str) -> SealedOp {
        SealedOp {
            keyspace: ks.into(),
            key: key.into(),
            put: None,
            check_only: false,
            unscoped: false,
            expect: Expect::Any,
        }
    }

    fn txn(ops: Vec<SealedOp>) -> SealedTxn {
        SealedTxn {
            database: "db".into(),
            ops,
            correlation_id: None,
            scope: None,
        }
    }

    #[test]
    fn sequences_are_gap_free_across_transactions_and_conflicts_leave_no_trace() {
        let batch = vec![
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
        assert_eq!(
            checked_keys(&batch),
            vec![
                ("db", "ks", b"a".as_slice()),
                ("db", "ks", b"b".as_slice()),
                ("db", "ks", b"zz".as_slice())
            ],
            "b is put unconditionally first, but deleted later"
        );
        let heads = HashMap::from([("db", 10)]);
        let plan = plan(&batch, HashMap::new(), heads, &Hlc::default());
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
        assert_eq!(plan.heads, vec![("db", 14)]);
        assert_eq!(plan.upserts.len(), 1);
        assert_eq!(plan.upserts[0].version, 13);
        assert_eq!(plan.deletes, vec![("db", "ks", b"b".as_slice())]);
    }

    #[test]
    fn failed_check_blocks_whole_transaction() {
        let batch = vec![txn(vec![
            put("ks", "a", Expect::Any),
            SealedOp {
                keyspace: "ks".into(),
                key: "x".into(),
                put: None,
                check_only: true,
                unscoped: false,
                expect: Expect::Version(3),
            },
        ])];
        assert_eq!(checked_keys(&batch), vec![("db", "ks", b"x".as_slice())]);
        let plan = plan(&batch, HashMap::new(), HashMap::new(), &Hlc::default());
        assert!(plan.outcomes[0].is_err());
        assert!(plan.events.is_empty() && plan.upserts.is_empty() && plan.heads.is_empty());
    }

    #[test]
    fn unconditional_puts_need_no_versions_and_still_number_gap_free() {
        let batch = vec![
            txn(vec![
                put("ks", "a", Expect::Any),
                put("ks", "b", Expect::Any),
            ]),
            txn(vec![
                put("ks", "a", Expect::Any),
                SealedOp {
                    keyspace: "ks".into(),
                    key: "c".into(),
                    put: None,
                    check_only: true,
                    unscoped: false,
                    expect: Expect::Any,
                },
            ]),
        ];
        assert!(
            checked_keys(&batch).is_empty(),
            "puts and checks without conditions"
        );
        let plan = plan(
            &batch,
            HashMap::new(),
            HashMap::from([("db", 3)]),
            &Hlc::default(),
        );
        assert_eq!(
            plan.events.iter().map(|e| e.seq).collect::<Vec<_>>(),
            vec![4, 5, 6]
        );
        assert_eq!(
            plan.outcomes[1].as_ref().unwrap().versions,
            vec![Some(6), None]
        );
        let upserts: Vec<_> = plan.upserts.iter().map(|r| (r.key, r.version)).collect();
        assert_eq!(upserts, vec![(b"a".as_slice(), 6), (b"b".as_slice(), 5)]);
        assert_eq!(plan.heads, vec![("db", 6)]);
        // The rows borrow the callers' sealed bytes instead of copying them.
        let (sealed, _) = batch[1].ops[0].put.as_ref().unwrap();
        assert!(std::ptr::eq(plan.upserts[0].sealed, sealed.as_slice()));

        assert_eq!(
            checked_keys(&[txn(vec![del("ks", "a")])]),
            vec![("db", "ks", b"a".as_slice())],
            "a delete needs existence"
        );
    }

    /// Many unconditional puts grouped with one compare-and-set: only the compared key is
    /// read, and a conflict on it still leaves only its own transaction out.
    #[test]
    fn only_conditional_keys_are_read() {
        let mut puts: Vec<SealedOp> = (0..100)
            .map(|i| put("rows", &format!("{i:03}"), Expect::Any))
            .collect();
        puts.push(put("ckpt", "view", Expect::Version(7)));
        let batch = vec![
            txn(puts),
            txn(vec![put("other", "x", Expect::Any)]),
            txn(vec![put("ckpt", "view", Expect::Version(7))]),
        ];
        assert_eq!(
            checked_keys(&batch),
            vec![("db", "ckpt", b"view".as_slice())]
        );
        let current = HashMap::from([(("db", "ckpt", b"view".as_slice()), 7)]);
        let plan = plan(&batch, current, HashMap::from([("db", 7)]), &Hlc::default());
        assert_eq!(plan.outcomes[0].as_ref().unwrap().versions.len(), 101);
        assert!(plan.outcomes[1].is_ok());
        // The first transaction moved the checkpoint to 108; the third expected 7.
        assert!(matches!(plan.outcomes[2], Err(StoreError::Conflict { .. })));
        assert_eq!(plan.upserts.len(), 102);
        assert_eq!(plan.heads, vec![("db", 109)]);
    }
}
