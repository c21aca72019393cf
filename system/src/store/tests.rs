//! The store conformance suite: one set of behaviours, run once against SQLite and once
//! against the real PostgreSQL (each run in its own fresh file or schema).
//!
//! PostgreSQL comes from `ORBIT_TEST_POSTGRES_URL` (default
//! `postgres://postgres@127.0.0.1:5432/test`); it is required, not skipped.

use std::collections::HashSet;
use std::path::PathBuf;

use zeroize::Zeroizing;

use super::testdb::{drop_schema, fresh_schema, pg_url, postgres_bytes};
use super::*;
use crate::crypto::KdfParams;

const PASSPHRASE: &str = "correct horse battery staple";
const MARKER: &[u8] = b"MARKER-7f3a-plaintext-must-not-appear";

enum Where {
    Sqlite(PathBuf),
    Postgres(String),
}

struct Harness {
    _dir: tempfile::TempDir,
    place: Where,
}

impl Harness {
    fn sqlite() -> Harness {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("orbit.db");
        Harness {
            _dir: dir,
            place: Where::Sqlite(path),
        }
    }

    fn postgres() -> Harness {
        let schema = fresh_schema("orbit_test");
        Harness {
            _dir: tempfile::tempdir().expect("temp dir"),
            place: Where::Postgres(schema),
        }
    }

    fn config(&self, unseal: Unseal) -> StoreConfig {
        let location = match &self.place {
            Where::Sqlite(path) => StoreLocation::Sqlite { path: path.clone() },
            Where::Postgres(schema) => StoreLocation::Postgres {
                url: pg_url(),
                schema: Some(schema.clone()),
            },
        };
        let mut config = StoreConfig::new(location, unseal);
        // Cheap Argon2 keeps the suite fast; production uses KdfParams::OWASP.
        config.kdf = KdfParams {
            memory_kib: 256,
            iterations: 1,
            parallelism: 1,
        };
        config.full_sync = false;
        config
    }

    async fn open_with(&self, passphrase: &str) -> Result<Store, StoreError> {
        Store::open(self.config(Unseal::Passphrase(Zeroizing::new(passphrase.into())))).await
    }

    async fn open(&self) -> Store {
        self.open_with(PASSPHRASE).await.expect("store opens")
    }

    /// Every stored byte of the store, as an attacker with the disk would see it.
    async fn raw_bytes(&self) -> Vec<u8> {
        self.stored_bytes(&["-wal", "-shm"]).await
    }

    /// The stored data without SQLite's shared-memory index (`-shm`), which every reader
    /// rewrites and which holds no records.
    async fn data_bytes(&self) -> Vec<u8> {
        self.stored_bytes(&["-wal"]).await
    }

    async fn stored_bytes(&self, sides: &[&str]) -> Vec<u8> {
        match &self.place {
            Where::Sqlite(path) => {
                let mut bytes = std::fs::read(path).unwrap_or_default();
                for suffix in sides {
                    let mut side = path.clone().into_os_string();
                    side.push(suffix);
                    bytes.extend(std::fs::read(PathBuf::from(side)).unwrap_or_default());
                }
                bytes
            }
            Where::Postgres(schema) => postgres_bytes(schema).await,
        }
    }

    async fn cleanup(self) {
        if let Where::Postgres(schema) = &self.place {
            drop_schema(schema).await;
        }
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

async fn crud(h: &Harness) {
    let store = h.open().await;
    let db = store.database("system").await.unwrap();
    assert_eq!(db.get("notes", b"a").await.unwrap(), None);
    let v1 = db
        .put("notes", "a", "one")
        .await
        .unwrap()
        .version()
        .unwrap();
    let got = db.get("notes", b"a").await.unwrap().unwrap();
    assert_eq!((got.value.as_slice(), got.version), (&b"one"[..], v1));
    let v2 = db
        .put("notes", "a", "two")
        .await
        .unwrap()
        .version()
        .unwrap();
    assert!(v2 > v1);
    assert_eq!(db.get("notes", b"a").await.unwrap().unwrap().value, b"two");
    assert_eq!(
        db.delete("notes", "a").await.unwrap().version(),
        Some(v2 + 1)
    );
    assert_eq!(db.get("notes", b"a").await.unwrap(), None);
    assert_eq!(
        db.delete("notes", "a").await.unwrap().version(),
        None,
        "deleting a missing key is a no-op"
    );
    // Keyspaces and databases are separate namespaces.
    db.put("other", "a", "x").await.unwrap();
    let module = store.database("chat").await.unwrap();
    assert_eq!(module.get("other", b"a").await.unwrap(), None);
    // Bad input is refused with a named field.
    let err = db.put("Bad Space", "a", "x").await.unwrap_err();
    assert!(err.to_string().contains("keyspace"), "{err}");
    let err = db.put("notes", Vec::<u8>::new(), "x").await.unwrap_err();
    assert!(err.to_string().contains("key"), "{err}");
    store.close().await;
    // Survives a reopen.
    let store = h.open().await;
    let db = store.database("system").await.unwrap();
    assert_eq!(db.get("other", b"a").await.unwrap().unwrap().value, b"x");
    store.close().await;
}

async fn scan_order_and_paging(h: &Harness) {
    let store = h.open().await;
    let db = store.database("system").await.unwrap();
    let mut txn = Transaction::new();
    for i in (0..25u32).rev() {
        txn = txn.put("items", format!("item/{i:03}"), format!("value {i}"));
    }
    txn = txn
        .put("items", "itel", "before")
        .put("items", "iten", "after")
        .put("items", vec![b'i', b't', b'e', b'm', b'/', 0xff], "ff");
    db.commit(txn).await.unwrap();
    let mut seen = Vec::new();
    let mut after: Option<Vec<u8>> = None;
    let mut pages = 0;
    loop {
        let page = db
            .scan("items", b"item/", after.as_deref(), 10)
            .await
            .unwrap();
        pages += 1;
        seen.extend(page.records.iter().map(|r| r.key.clone()));
        match page.next {
            Some(next) => after = Some(next),
            None => break,
        }
    }
    let mut expected: Vec<Vec<u8>> = (0..25u32)
        .map(|i| format!("item/{i:03}").into_bytes())
        .collect();
    expected.push(vec![b'i', b't', b'e', b'm', b'/', 0xff]);
    assert_eq!(
        seen, expected,
        "every key of the prefix, in byte order, once"
    );
    assert_eq!(pages, 3);
    let page = db.scan("items", b"item/", None, 1).await.unwrap();
    assert_eq!(page.records[0].value, b"value 0");
    let all = db.scan("items", b"", None, 100).await.unwrap();
    assert_eq!(all.records.len(), 28);
    assert_eq!(all.next, None);
    store.close().await;
}

async fn compare_and_set(h: &Harness) {
    let store = h.open().await;
    let db = store.database("system").await.unwrap();
    let v1 = db
        .compare_and_set("cas", "k", Expect::Absent, "first")
        .await
        .unwrap()
        .version()
        .unwrap();
    let err = db
        .compare_and_set("cas", "k", Expect::Absent, "again")
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict { .. }), "{err}");
    assert!(
        err.to_string().contains("cas") && err.to_string().contains('k'),
        "{err}"
    );
    let err = db
        .compare_and_set("cas", "k", Expect::Version(v1 + 100), "stale")
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict { .. }), "{err}");
    let v2 = db
        .compare_and_set("cas", "k", Expect::Version(v1), "second")
        .await
        .unwrap()
        .version()
        .unwrap();
    assert_eq!(
        db.get("cas", b"k").await.unwrap().unwrap(),
        Record {
            key: b"k".to_vec(),
            version: v2,
            value: b"second".to_vec()
        }
    );
    // Re-created keys never reuse an old version.
    db.delete("cas", "k").await.unwrap();
    let v3 = db
        .compare_and_set("cas", "k", Expect::Absent, "third")
        .await
        .unwrap()
        .version()
        .unwrap();
    assert!(v3 > v2);
    store.close().await;
}

async fn rollback_leaves_nothing(h: &Harness) {
    let store = h.open().await;
    let db = store.database("system").await.unwrap();
    db.put("acct", "existing", "1").await.unwrap();
    let head = db.head().await.unwrap();
    let txn = Transaction::new()
        .put("acct", "new-1", "a")
        .put("acct", "new-2", "b")
        .delete("acct", "existing")
        .check("acct", "guard", Expect::Version(42));
    assert!(matches!(
        db.commit(txn).await,
        Err(StoreError::Conflict { .. })
    ));
    assert_eq!(db.get("acct", b"new-1").await.unwrap(), None);
    assert_eq!(db.get("acct", b"new-2").await.unwrap(), None);
    assert!(db.get("acct", b"existing").await.unwrap().is_some());
    assert_eq!(
        db.head().await.unwrap(),
        head,
        "no event from a rolled-back transaction"
    );
    assert_eq!(db.changes(head, 100).await.unwrap(), vec![]);
    // A successful multi-key transaction is all there, with one event per write, in order.
    let receipt = db
        .commit(
            Transaction::new()
                .put("acct", "x", "1")
                .put("acct", "y", "2")
                .correlation_id("req-1"),
        )
        .await
        .unwrap();
    let events = db.changes(head, 100).await.unwrap();
    assert_eq!(
        events.iter().map(|e| e.seq).collect::<Vec<_>>(),
        vec![head + 1, head + 2]
    );
    assert_eq!(receipt.versions, vec![Some(head + 1), Some(head + 2)]);
    assert_eq!(events[1].value.as_deref(), Some(&b"2"[..]));
    assert_eq!(events[0].correlation_id.as_deref(), Some("req-1"));
    assert!(
        events
            .iter()
            .all(|e| e.hlc == receipt.hlc && e.op == ChangeOp::Put)
    );
    store.close().await;
}

async fn concurrent_writers_gap_free(h: &Harness) {
    let store = h.open().await;
    let db = store.database("system").await.unwrap();
    let writers: Vec<_> = (0..8)
        .map(|w| {
            let db = db.clone();
            tokio::spawn(async move {
                let mut versions = Vec::new();
                for i in 0..50 {
                    let key = format!("w{w}/{i}");
                    versions.push(
                        db.put("load", key, format!("{w}-{i}"))
                            .await
                            .unwrap()
                            .version()
                            .unwrap(),
                    );
                    if i % 10 == 0 {
                        let txn = Transaction::new()
                            .put("load", format!("w{w}/t{i}a"), "a")
                            .put("load", format!("w{w}/t{i}b"), "b");
                        versions
                            .extend(db.commit(txn).await.unwrap().versions.into_iter().flatten());
                    }
                }
                versions
            })
        })
        .collect();
    let mut all = Vec::new();
    for writer in writers {
        all.extend(writer.await.unwrap());
    }
    let unique: HashSet<u64> = all.iter().copied().collect();
    assert_eq!(unique.len(), all.len(), "no duplicate sequence numbers");
    let events = db.changes(0, 10_000).await.unwrap();
    let seqs: Vec<u64> = events.iter().map(|e| e.seq).collect();
    assert_eq!(
        seqs,
        (1..=all.len() as u64).collect::<Vec<_>>(),
        "gap-free from 1"
    );
    assert_eq!(unique, seqs.iter().copied().collect());
    let stamps: Vec<_> = events.iter().map(|e| e.hlc).collect();
    assert!(
        stamps.windows(2).all(|w| w[0] <= w[1]),
        "hlc follows the sequence"
    );
    assert_eq!(db.head().await.unwrap(), all.len() as u64);
    store.close().await;
}

async fn tampered_and_moved_ciphertexts(h: &Harness) {
    let store = h.open().await;
    let db = store.database("system").await.unwrap();
    db.put("docs", "victim", "secret one").await.unwrap();
    db.put("docs", "other", "secret two").await.unwrap();
    db.put("docs", "bystander", "still fine").await.unwrap();
    let backend = store.inner.main.backend.clone();

    let mut sealed = backend
        .get("system", "docs", b"victim")
        .await
        .unwrap()
        .unwrap()
        .sealed;
    let middle = sealed.len() / 2;
    sealed[middle] ^= 0x01;
    backend
        .tamper("system", "docs", b"victim", &sealed)
        .await
        .unwrap();
    let err = db.get("docs", b"victim").await.unwrap_err();
    assert!(matches!(err, StoreError::Integrity { .. }), "{err}");
    let text = err.to_string();
    assert!(
        text.contains("docs") && text.contains("victim"),
        "error names keyspace and key: {text}"
    );
    assert!(
        db.scan("docs", b"", None, 10).await.is_err(),
        "a scan over it reports it too"
    );
    assert_eq!(
        db.get("docs", b"bystander").await.unwrap().unwrap().value,
        b"still fine"
    );

    // A valid ciphertext copied onto another key fails its associated data.
    let copied = backend
        .get("system", "docs", b"other")
        .await
        .unwrap()
        .unwrap()
        .sealed;
    backend
        .tamper("system", "docs", b"bystander", &copied)
        .await
        .unwrap();
    let err = db.get("docs", b"bystander").await.unwrap_err();
    assert!(
        matches!(err, StoreError::Integrity { .. }) && err.to_string().contains("bystander"),
        "{err}"
    );
    assert_eq!(
        db.get("docs", b"other").await.unwrap().unwrap().value,
        b"secret two"
    );
    store.close().await;
}

async fn wrong_passphrase_refused_before_writing(h: &Harness) {
    let store = h.open().await;
    store
        .database("system")
        .await
        .unwrap()
        .put("k", "a", "b")
        .await
        .unwrap();
    store.close().await;
    let before = h.data_bytes().await;
    let err = h.open_with("not the passphrase").await.unwrap_err();
    assert!(matches!(err, StoreError::WrongKey { .. }), "{err}");
    assert!(err.to_string().contains("passphrase"), "{err}");
    assert!(h.data_bytes().await == before, "nothing written");
    let err = Store::open(h.config(Unseal::KeyFile(h._dir.path().join("nope.key"))))
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::UnsealMismatch { .. }), "{err}");
    // The right one still works.
    let store = h.open().await;
    assert_eq!(
        store
            .database("system")
            .await
            .unwrap()
            .get("k", b"a")
            .await
            .unwrap()
            .unwrap()
            .value,
        b"b"
    );
    store.close().await;
}

async fn rotation_keeps_every_record(h: &Harness) {
    let store = h.open().await;
    let db = store.database("system").await.unwrap();
    let chat = store.database("chat").await.unwrap();
    for i in 0..300 {
        db.put("r", format!("{i:04}"), format!("value {i}"))
            .await
            .unwrap();
    }
    chat.put("m", "1", "hello").await.unwrap();
    store.rotate_keys().await.unwrap();
    let status = store.key_status().await.unwrap();
    assert!(
        status.iter().all(|s| s.current_key_version == 2),
        "{status:?}"
    );
    assert!(status.iter().any(|s| s.pending > 0), "{status:?}");
    // Readable before re-encryption (old version kept) ...
    assert_eq!(
        db.get("r", b"0007").await.unwrap().unwrap().value,
        b"value 7"
    );
    db.put("r", "new", "after rotation").await.unwrap();
    // ... and after it, resumably in steps.
    let mut steps = 0;
    while store.reencrypt_step(100).await.unwrap() > 0 {
        steps += 1;
    }
    assert!(steps >= 3, "re-encryption ran in bounded steps ({steps})");
    assert!(
        store
            .key_status()
            .await
            .unwrap()
            .iter()
            .all(|s| s.pending == 0)
    );
    store.close().await;
    let store = h.open().await;
    let db = store.database("system").await.unwrap();
    for i in 0..300 {
        assert_eq!(
            db.get("r", format!("{i:04}").as_bytes())
                .await
                .unwrap()
                .unwrap()
                .value,
            format!("value {i}").as_bytes()
        );
    }
    assert_eq!(db.changes(0, 1000).await.unwrap().len(), 301);
    assert_eq!(
        store
            .database("chat")
            .await
            .unwrap()
            .get("m", b"1")
            .await
            .unwrap()
            .unwrap()
            .value,
        b"hello"
    );
    // A second rotation works on top of the first.
    store.rotate_keys().await.unwrap();
    while store.reencrypt_step(500).await.unwrap() > 0 {}
    assert_eq!(
        db.get("r", b"0299").await.unwrap().unwrap().value,
        b"value 299"
    );
    store.close().await;
    let err = h.open_with("wrong after rotation").await.unwrap_err();
    assert!(matches!(err, StoreError::WrongKey { .. }));
}

async fn no_plaintext_at_rest(h: &Harness) {
    let store = h.open().await;
    let db = store.database("system").await.unwrap();
    let mut value = b"prefix ".to_vec();
    value.extend_from_slice(MARKER);
    db.put("secrets", "s1", value.clone()).await.unwrap();
    db.commit(
        Transaction::new()
            .put("secrets", "s2", value.clone())
            .put("secrets", "s3", MARKER),
    )
    .await
    .unwrap();
    let index = db.blind_index("email", MARKER);
    db.put("by_email", index.to_hex(), "s1").await.unwrap();
    assert_eq!(
        index,
        db.blind_index("email", MARKER),
        "blind index is stable"
    );
    store.close().await;
    let raw = h.raw_bytes().await;
    assert!(raw.len() > 1000, "read the store's bytes");
    assert!(!contains(&raw, MARKER), "plaintext marker found at rest");
    assert!(
        contains(&raw, b"secrets"),
        "keyspace names are visible, which shows the dump is real"
    );
    let store = h.open().await;
    let db = store.database("system").await.unwrap();
    assert_eq!(
        db.get("secrets", b"s3").await.unwrap().unwrap().value,
        MARKER
    );
    assert_eq!(
        db.get(
            "by_email",
            db.blind_index("email", MARKER).to_hex().as_bytes()
        )
        .await
        .unwrap()
        .unwrap()
        .value,
        b"s1"
    );
    store.close().await;
}

/// Pages larger than one decryption chunk: every record comes back in order; an integrity
/// error is reported wherever it sits in the page (opened by the worker or inline); a record
/// sealed with a key another process rotated in is opened after reloading the keys.
async fn large_scans(h: &Harness) {
    const N: usize = 203; // several full chunks plus a partial one
    let store = h.open().await;
    let db = store.database("system").await.unwrap();

    // Small values: full chunks are opened inline as they fill; a tampered one is reported.
    let mut txn = Transaction::new();
    for i in 0..100 {
        txn = txn.put("small", format!("{i:04}"), format!("{i}"));
    }
    db.commit(txn).await.unwrap();
    let page = db.scan("small", b"", None, 1000).await.unwrap();
    let values: Vec<Vec<u8>> = page.records.into_iter().map(|r| r.value).collect();
    assert_eq!(
        values,
        (0..100)
            .map(|i| format!("{i}").into_bytes())
            .collect::<Vec<_>>()
    );
    let key = b"0040";
    let mut sealed = store
        .inner
        .main
        .backend
        .get("system", "small", key)
        .await
        .unwrap()
        .unwrap()
        .sealed;
    let last = sealed.len() - 1;
    sealed[last] ^= 0x01;
    store
        .inner
        .main
        .backend
        .tamper("system", "small", key, &sealed)
        .await
        .unwrap();
    let err = db.scan("small", b"", None, 1000).await.unwrap_err();
    assert!(err.to_string().contains("0040"), "{err}");

    // Values over 1 KiB, so full chunks go to the worker (see `scan::OFFLOAD_BYTES`).
    let value = |i: usize| format!("value {i:->1200}");
    let mut txn = Transaction::new();
    for i in 0..N {
        txn = txn.put("big", format!("{i:04}"), value(i));
    }
    db.commit(txn).await.unwrap();
    let expect = |range: std::ops::Range<usize>| -> Vec<(Vec<u8>, Vec<u8>)> {
        range
            .map(|i| (format!("{i:04}").into_bytes(), value(i).into_bytes()))
            .collect()
    };
    let pairs = |page: &ScanPage| -> Vec<(Vec<u8>, Vec<u8>)> {
        page.records
            .iter()
            .map(|r| (r.key.clone(), r.value.clone()))
            .collect()
    };
    let first = db.scan("big", b"", None, 150).await.unwrap();
    assert_eq!(pairs(&first), expect(0..150));
    let rest = db
        .scan("big", b"", first.next.as_deref(), 150)
        .await
        .unwrap();
    assert_eq!(pairs(&rest), expect(150..N));
    assert_eq!(rest.next, None);

    // Another process rotates the keys and rewrites a few records: this handle has not
    // loaded the new key version yet.
    let other = h.open().await;
    other.rotate_keys().await.unwrap();
    let other_db = other.database("system").await.unwrap();
    for i in [5, 40, 41, 150, N - 1] {
        other_db
            .put("big", format!("{i:04}"), value(i))
            .await
            .unwrap();
    }
    other.close().await;
    let all = db.scan("big", b"", None, 1000).await.unwrap();
    assert_eq!(pairs(&all), expect(0..N));

    // A flipped byte deep in the page (worker) and near its end (inline tail).
    let backend = store.inner.main.backend.clone();
    for victim in [100, N - 2] {
        let key = format!("{victim:04}");
        let original = backend
            .get("system", "big", key.as_bytes())
            .await
            .unwrap()
            .unwrap()
            .sealed;
        let mut sealed = original.clone();
        let middle = sealed.len() / 2;
        sealed[middle] ^= 0x01;
        backend
            .tamper("system", "big", key.as_bytes(), &sealed)
            .await
            .unwrap();
        let err = db.scan("big", b"", None, 1000).await.unwrap_err();
        assert!(
            matches!(err, StoreError::Integrity { .. }) && err.to_string().contains(&key),
            "{err}"
        );
        backend
            .tamper("system", "big", key.as_bytes(), &original)
            .await
            .unwrap();
    }
    assert_eq!(
        db.scan("big", b"", None, 1000).await.unwrap().records.len(),
        N
    );
    store.close().await;
}

async fn unscoped_bookkeeping_beside_a_scoped_change(h: &Harness) {
    let store = h.open().await;
    let db = store.database("records").await.unwrap();
    let scope = EventScope {
        org_id: "org".into(),
        project_id: "p".into(),
        entity: "task".into(),
        federated: false,
    };
    db.commit(
        Transaction::new()
            .put("task", "p/1", "v")
            .put_unscoped("hwm", "origin", "10")
            .scope(scope.clone()),
    )
    .await
    .unwrap();
    let events = db.changes(0, 10).await.unwrap();
    assert_eq!(events.len(), 2);
    assert_eq!(events[0].scope.as_ref(), Some(&scope));
    assert_eq!(
        (events[1].keyspace.as_str(), events[1].scope.as_ref()),
        ("hwm", None)
    );
    assert_eq!(
        db.get("hwm", b"origin").await.unwrap().unwrap().value,
        b"10"
    );
    store.close().await;
}

async fn scoped_events_and_pruning(h: &Harness) {
    let store = h.open().await;
    let db = store.database("records").await.unwrap();
    let scope = EventScope {
        org_id: "org".into(),
        project_id: "p".into(),
        entity: "task".into(),
        federated: true,
    };
    for n in 0..10 {
        db.commit(
            Transaction::new()
                .put("task", format!("p/{n}"), "v")
                .scope(scope.clone()),
        )
        .await
        .unwrap();
    }
    db.put("task", "unscoped", "v").await.unwrap();
    let events = db.changes(0, 100).await.unwrap();
    assert_eq!(events.len(), 11);
    assert!(
        events[..10]
            .iter()
            .all(|e| e.scope.as_ref() == Some(&scope))
    );
    assert_eq!(
        events[10].scope, None,
        "a write without a scope stays unscoped"
    );
    // Filtered before decrypting: only the matching events come back, and the position
    // still moves past the others.
    let page = db
        .changes_matching(0, 100, |scope| scope.is_none())
        .await
        .unwrap();
    assert_eq!(page.events.len(), 1);
    assert_eq!(page.scanned_through, 11);

    assert_eq!(db.prune_changes(5).await.unwrap(), 5);
    assert_eq!(db.pruned_through().await.unwrap(), 5);
    assert!(matches!(
        db.changes(2, 100).await,
        Err(StoreError::Pruned {
            pruned_through: 5,
            ..
        })
    ));
    let rest = db.changes(5, 100).await.unwrap();
    assert_eq!(rest.first().map(|e| e.seq), Some(6));
    // Pruning never moves the mark back, and never past the head.
    assert_eq!(db.prune_changes(3).await.unwrap(), 0);
    assert_eq!(db.pruned_through().await.unwrap(), 5);
    assert_eq!(db.prune_changes(1_000).await.unwrap(), 6);
    assert_eq!(db.pruned_through().await.unwrap(), 11);
    assert_eq!(db.changes(11, 100).await.unwrap(), vec![]);
    assert!(matches!(
        db.changes(10, 100).await,
        Err(StoreError::Pruned {
            pruned_through: 11,
            ..
        })
    ));
    // Records are untouched by pruning their events.
    assert_eq!(db.get("task", b"p/0").await.unwrap().unwrap().value, b"v");
    store.close().await;
}

/// Re-encryption pages through each database once, in key order across keyspaces, in steps
/// of the limit (no index on the key version; a step never rereads what it re-sealed).
async fn reencryption_pages_through_keyspaces(h: &Harness) {
    let store = h.open().await;
    let db = store.database("system").await.unwrap();
    for keyspace in ["b", "a", "c"] {
        let mut txn = Transaction::new();
        for i in 0..20 {
            txn = txn.put(keyspace, format!("{i:02}"), format!("{keyspace} {i}"));
        }
        db.commit(txn).await.unwrap();
    }
    store.rotate_keys().await.unwrap();
    let mut steps = Vec::new();
    loop {
        let moved = store.reencrypt_step(7).await.unwrap();
        if moved == 0 {
            break;
        }
        steps.push(moved);
    }
    // 60 records and their 60 change events, 7 of each per step.
    assert_eq!(steps.iter().sum::<u64>(), 120, "{steps:?}");
    assert_eq!(steps.len(), 9, "{steps:?}");
    assert_eq!(
        store.reencrypt_step(7).await.unwrap(),
        0,
        "a finished pass stays done"
    );
    assert!(
        store
            .key_status()
            .await
            .unwrap()
            .iter()
            .all(|s| s.pending == 0)
    );
    for keyspace in ["a", "b", "c"] {
        let page = db.scan(keyspace, b"", None, 100).await.unwrap();
        assert_eq!(page.records.len(), 20);
        for (i, record) in page.records.iter().enumerate() {
            assert_eq!(record.value, format!("{keyspace} {i}").as_bytes());
        }
    }
    store.close().await;
}

async fn reads_for_update(h: &Harness) {
    let store = h.open().await;
    let db = store.database("system").await.unwrap();
    let other_db = store.database("chat").await.unwrap();
    let key = |i: usize| format!("k{i:04}").into_bytes();
    // More keys than one statement carries, so the reads span several.
    for chunk in (0..1100).collect::<Vec<_>>().chunks(400) {
        let (mut mine, mut elsewhere) = (Transaction::new(), Transaction::new());
        for &i in chunk {
            mine = mine.put("notes", key(i), format!("note {i}")).put(
                "other",
                key(i),
                "other keyspace",
            );
            elsewhere = elsewhere.put("notes", key(i), "other database");
        }
        db.commit(mine).await.unwrap();
        other_db.commit(elsewhere).await.unwrap();
    }
    db.put("notes", key(7), "rewritten").await.unwrap();
    // Asked in any order, with keys that do not exist and one asked twice.
    let mut asked: Vec<Vec<u8>> = (0..1200).rev().map(key).collect();
    asked.push(key(7));
    let read = db.get_for_update("notes", &asked).await.unwrap();
    assert_eq!(read.len(), asked.len());
    for (wanted, got) in asked.iter().zip(&read) {
        let i: usize = std::str::from_utf8(&wanted[1..]).unwrap().parse().unwrap();
        let expected = match i {
            7 => Some(b"rewritten".to_vec()),
            i if i < 1100 => Some(format!("note {i}").into_bytes()),
            _ => None,
        };
        assert_eq!(got.as_ref().map(|r| r.value.clone()), expected, "key {i}");
    }
    // The version is the one a compare-and-set expects.
    let seven = read.last().unwrap().as_ref().unwrap();
    db.compare_and_set("notes", key(7), Expect::Version(seven.version), "again")
        .await
        .unwrap();
    assert!(db.get_for_update("notes", &[]).await.unwrap().is_empty());
    let err = db.get_for_update("Bad Space", &asked).await.unwrap_err();
    assert!(err.to_string().contains("keyspace"), "{err}");
    store.close().await;
}

async fn correlation_ids(h: &Harness) {
    let store = h.open().await;
    let db = store.database("system").await.unwrap();
    db.put("notes", "outside", "no call").await.unwrap();
    let inside = async {
        db.put("notes", "inside", "in a call").await.unwrap();
        let own = Transaction::new()
            .put("notes", "own", "names its own")
            .correlation_id("explicit");
        db.commit(own).await.unwrap();
        // Still the call's after the task yields.
        tokio::task::yield_now().await;
        db.delete("notes", "inside").await.unwrap();
    };
    with_correlation_id("req-42".into(), inside).await;
    let ids: Vec<(Vec<u8>, Option<String>)> = db
        .changes(0, 10)
        .await
        .unwrap()
        .into_iter()
        .map(|e| (e.key, e.correlation_id))
        .collect();
    let id = |s: &str| Some(s.to_owned());
    assert_eq!(
        ids,
        vec![
            (b"outside".to_vec(), None),
            (b"inside".to_vec(), id("req-42")),
            (b"own".to_vec(), id("explicit")),
            (b"inside".to_vec(), id("req-42")),
        ]
    );
    store.close().await;
}

/// The module database `name`'s own file or schema.
impl Harness {
    fn module_place(&self, name: &str) -> Where {
        match &self.place {
            Where::Sqlite(path) => Where::Sqlite(path.with_file_name(format!("{name}.db"))),
            Where::Postgres(schema) => Where::Postgres(format!("{schema}_{name}")),
        }
    }

    /// Every stored byte of module database `name`'s file (with its WAL) or schema.
    async fn module_bytes(&self, name: &str) -> Vec<u8> {
        match self.module_place(name) {
            Where::Sqlite(path) => {
                let mut bytes = std::fs::read(&path).expect("the module's own file exists");
                let mut wal = path.into_os_string();
                wal.push("-wal");
                bytes.extend(std::fs::read(PathBuf::from(wal)).unwrap_or_default());
                bytes
            }
            Where::Postgres(schema) => postgres_bytes(&schema).await,
        }
    }

    /// Opens the store as the server does: `system` in the main store, `chat` a module's.
    async fn open_with_module(&self) -> Store {
        let store = self.open().await;
        store.declare_databases(["system".to_owned()]);
        store.declare_module_databases(["chat".to_owned()]);
        store
    }
}

/// A module database lives apart: its rows are in its own file or schema (none in the main
/// store, whose key ring still holds its key), with its own gap-free sequence, outbox, heads,
/// scans, reads for update and pruning; it survives a restart (found again by tools that
/// declare nothing), rotation re-encrypts it, and nothing of it is plaintext.
async fn module_database_lives_apart(h: &Harness) {
    let store = h.open_with_module().await;
    let system = store.database("system").await.unwrap();
    let chat = store.database("chat").await.unwrap();
    let mut head = chat.watch_head();
    let mut marked = b"hello ".to_vec();
    marked.extend_from_slice(MARKER);
    for i in 0..20 {
        let receipt = chat
            .put("messages", format!("m{i:02}"), marked.clone())
            .await
            .unwrap();
        assert_eq!(receipt.version(), Some(i + 1), "gap-free in its own outbox");
        system.put("notes", format!("n{i}"), "v").await.unwrap();
    }
    chat.commit(
        Transaction::new()
            .put("messages", "a", "one")
            .put("rooms", "r", "two")
            .scope(EventScope {
                org_id: "o".into(),
                project_id: "p".into(),
                entity: "message".into(),
                federated: false,
            }),
    )
    .await
    .unwrap();
    head.changed().await.unwrap();
    assert_eq!(*head.borrow_and_update(), 22);
    assert_eq!(
        (chat.head().await.unwrap(), system.head().await.unwrap()),
        (22, 20)
    );
    assert_eq!(
        chat.get("messages", b"m07").await.unwrap().unwrap().value,
        marked
    );
    assert_eq!(
        chat.scan("messages", b"m", None, 100)
            .await
            .unwrap()
            .records
            .len(),
        20
    );
    let for_update = chat
        .get_for_update("messages", &[b"m03".to_vec(), b"zz".to_vec()])
        .await
        .unwrap();
    assert_eq!(for_update[0].as_ref().unwrap().version, 4);
    assert!(for_update[1].is_none());
    let page = chat
        .changes_matching(0, 100, |scope| scope.is_some())
        .await
        .unwrap();
    assert_eq!((page.events.len(), page.scanned_through), (2, 22));
    let conflict = chat
        .compare_and_set("rooms", "r", Expect::Version(1), "x")
        .await
        .unwrap_err();
    assert!(
        matches!(conflict, StoreError::Conflict { .. }),
        "{conflict}"
    );

    // Its rows are in its own home only; the main store holds its keys.
    let main = store.inner.main.backend.clone();
    let own = store.home("chat").await.unwrap().backend.clone();
    assert!(!Arc::ptr_eq(&main, &own));
    assert!(
        main.get("chat", "messages", b"m00")
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        main.read_changes("chat", 0, 100, PAGE_BYTES)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(own.get("chat", "messages", b"m00").await.unwrap().is_some());
    assert!(own.get("system", "notes", b"n0").await.unwrap().is_none());
    assert_eq!(
        own.read_changes("chat", 0, 100, PAGE_BYTES)
            .await
            .unwrap()
            .len(),
        22
    );
    assert!(!main.load_keys(Some("chat")).await.unwrap().is_empty());
    assert!(own.load_keys(None).await.unwrap().is_empty());
    let statuses = store.key_status().await.unwrap();
    assert!(
        statuses.iter().any(|s| s.database == "chat"),
        "{statuses:?}"
    );

    // Pruning its outbox.
    assert_eq!(chat.prune_changes(5).await.unwrap(), 5);
    assert!(matches!(
        chat.changes(1, 10).await,
        Err(StoreError::Pruned {
            pruned_through: 5,
            ..
        })
    ));
    assert_eq!(system.changes(0, 100).await.unwrap().len(), 20);

    // Rotation re-encrypts the records and events of its own home.
    store.rotate_keys().await.unwrap();
    let pending = |statuses: Vec<KeyStatus>| {
        statuses
            .into_iter()
            .find(|s| s.database == "chat")
            .map(|s| (s.current_key_version, s.pending))
    };
    assert_eq!(
        pending(store.key_status().await.unwrap()),
        Some((2, 22 + 17))
    );
    while store.reencrypt_step(7).await.unwrap() > 0 {}
    assert_eq!(pending(store.key_status().await.unwrap()), Some((2, 0)));
    assert!(
        own.stale_records("chat", 2, ("", b""), 100)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(own.count_stale("chat", 2).await.unwrap(), 0);
    store.close().await;

    let main_bytes = h.data_bytes().await;
    let own_bytes = h.module_bytes("chat").await;
    assert!(!contains(&main_bytes, MARKER) && !contains(&own_bytes, MARKER));
    // Keyspace names are plaintext: chat's `messages` is in its own home only.
    assert!(
        !contains(&main_bytes, b"messages"),
        "no row of chat in the main store"
    );
    assert!(
        contains(&own_bytes, b"messages"),
        "its rows are in its own home"
    );
    if let Where::Sqlite(path) = h.module_place("chat") {
        let mut wal = path.into_os_string();
        wal.push("-wal");
        assert!(
            !PathBuf::from(wal).exists(),
            "closing checkpointed and closed its file"
        );
    }

    // A tool that declares nothing finds it where it lives; writes go on gap-free.
    let store = h.open().await;
    let chat = store.database("chat").await.unwrap();
    assert_eq!(
        chat.get("messages", b"m19").await.unwrap().unwrap().value,
        marked
    );
    assert_eq!(
        chat.put("messages", "late", "v").await.unwrap().version(),
        Some(23)
    );
    assert_eq!(chat.pruned_through().await.unwrap(), 5);
    store.close().await;
    let store = h.open_with_module().await;
    let chat = store.database("chat").await.unwrap();
    assert_eq!(chat.head().await.unwrap(), 23);
    assert_eq!(chat.changes(5, 100).await.unwrap().len(), 18);
    store.close().await;
}

/// A module database that already holds data in the main store stays there; a module file
/// that went missing is named, not silently created empty again.
async fn module_database_placement(h: &Harness) {
    let store = h.open().await;
    store
        .database("legacy")
        .await
        .unwrap()
        .put("k", "a", "old")
        .await
        .unwrap();
    store.declare_module_databases(["legacy".to_owned(), "fresh".to_owned()]);
    let legacy = store.database("legacy").await.unwrap();
    assert_eq!(legacy.get("k", b"a").await.unwrap().unwrap().value, b"old");
    assert_eq!(
        legacy.put("k", "b", "new").await.unwrap().version(),
        Some(2)
    );
    store
        .database("fresh")
        .await
        .unwrap()
        .put("k", "a", "v")
        .await
        .unwrap();
    let main = store.inner.main.backend.clone();
    assert!(main.get("legacy", "k", b"b").await.unwrap().is_some());
    assert!(main.get("fresh", "k", b"a").await.unwrap().is_none());
    store.close().await;
    if let Where::Sqlite(path) = h.module_place("legacy") {
        assert!(!path.exists(), "the legacy database has no file of its own");
    }
    if let Where::Sqlite(path) = h.module_place("fresh") {
        std::fs::remove_file(&path).unwrap();
        let store = h.open().await;
        let err = store.database("fresh").await.unwrap_err();
        assert!(matches!(err, StoreError::ApartMissing { .. }), "{err}");
        assert!(
            err.to_string().contains("fresh") && err.to_string().contains("fresh.db"),
            "{err}"
        );
        assert!(!path.exists(), "not created again");
        store.close().await;
    }
}

macro_rules! conformance {
    ($($case:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    let harness = super::Harness::sqlite();
                    super::$case(&harness).await;
                    harness.cleanup().await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    let harness = super::Harness::postgres();
                    super::$case(&harness).await;
                    harness.cleanup().await;
                }
            )*
        }
    };
}

conformance!(
    crud,
    unscoped_bookkeeping_beside_a_scoped_change,
    scan_order_and_paging,
    compare_and_set,
    rollback_leaves_nothing,
    concurrent_writers_gap_free,
    tampered_and_moved_ciphertexts,
    wrong_passphrase_refused_before_writing,
    rotation_keeps_every_record,
    reencryption_pages_through_keyspaces,
    no_plaintext_at_rest,
    large_scans,
    scoped_events_and_pruning,
    reads_for_update,
    correlation_ids,
    module_database_lives_apart,
    module_database_placement,
);

/// Two processes sharing one PostgreSQL database still get gap-free, unique sequences:
/// each group commit locks the outbox head it appends to.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_two_stores_share_one_gap_free_outbox() {
    let h = Harness::postgres();
    let first = h.open().await;
    let second = h.open().await;
    let mut tasks = Vec::new();
    for (n, store) in [first.clone(), second.clone()].into_iter().enumerate() {
        for w in 0..4 {
            let db = store.database("system").await.unwrap();
            tasks.push(tokio::spawn(async move {
                let mut versions = Vec::new();
                for i in 0..40 {
                    let key = format!("s{n}w{w}/{}", i % 7);
                    versions.push(db.put("shared", key, "v").await.unwrap().version().unwrap());
                }
                versions
            }));
        }
    }
    let mut all = Vec::new();
    for task in tasks {
        all.extend(task.await.unwrap());
    }
    all.sort_unstable();
    assert_eq!(all, (1..=320).collect::<Vec<u64>>());
    let events = first
        .database("system")
        .await
        .unwrap()
        .changes(0, 1000)
        .await
        .unwrap();
    assert_eq!(events.len(), 320);
    first.close().await;
    second.close().await;
    h.cleanup().await;
}

#[tokio::test]
async fn key_file_is_created_private_and_loose_permissions_are_refused() {
    use std::os::unix::fs::PermissionsExt;
    let h = Harness::sqlite();
    let key = h._dir.path().join("keys/instance.key");
    let store = Store::open(h.config(Unseal::KeyFile(key.clone())))
        .await
        .unwrap();
    store
        .database("system")
        .await
        .unwrap()
        .put("k", "a", "b")
        .await
        .unwrap();
    store.close().await;
    assert_eq!(
        std::fs::metadata(&key).unwrap().permissions().mode() & 0o777,
        0o600
    );
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).unwrap();
    let err = Store::open(h.config(Unseal::KeyFile(key.clone())))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("chmod 600"), "{err}");
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).unwrap();
    let moved = h._dir.path().join("elsewhere.key");
    std::fs::rename(&key, &moved).unwrap();
    let err = Store::open(h.config(Unseal::KeyFile(key.clone())))
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::KeyFileMissing { .. }), "{err}");
    let store = Store::open(h.config(Unseal::KeyFile(moved))).await.unwrap();
    assert_eq!(
        store
            .database("system")
            .await
            .unwrap()
            .get("k", b"a")
            .await
            .unwrap()
            .unwrap()
            .value,
        b"b"
    );
    store.close().await;
}

#[tokio::test]
async fn corrupt_database_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("orbit.db");
    std::fs::write(&path, vec![0x42u8; 8192]).unwrap();
    let config = StoreConfig::new(
        StoreLocation::Sqlite { path: path.clone() },
        Unseal::Passphrase(Zeroizing::new("x".into())),
    );
    let err = Store::open(config).await.unwrap_err();
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
    assert!(err.to_string().contains("orbit.db"), "{err}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        vec![0x42u8; 8192],
        "nothing modified"
    );
}

#[tokio::test]
async fn unreachable_postgres_names_url_without_password() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let url = format!("postgres://orbit:hunter2@127.0.0.1:{port}/orbit");
    let config = StoreConfig::new(
        StoreLocation::Postgres { url, schema: None },
        Unseal::Passphrase(Zeroizing::new("x".into())),
    );
    let err = Store::open(config).await.unwrap_err();
    let text = err.to_string();
    assert!(matches!(err, StoreError::Unreachable { .. }), "{text}");
    assert!(
        text.contains(&format!("127.0.0.1:{port}")) && !text.contains("hunter2"),
        "{text}"
    );
}

#[tokio::test]
async fn plaintext_benchmark_mode_cannot_open_an_encrypted_store() {
    let h = Harness::sqlite();
    h.open().await.close().await;
    let err = Store::open(h.config(Unseal::InsecurePlaintextForBenchmarks))
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::UnsealMismatch { .. }), "{err}");
}

#[tokio::test]
async fn once_declared_only_declared_databases_open() {
    let h = Harness::sqlite();
    let store = h.open().await;
    // Before any declaration, tools and tests may open any valid name.
    store.database("scratch").await.unwrap();
    store.declare_databases(["system".to_owned(), "records".to_owned()]);
    store.database("records").await.unwrap();
    let refused = store.database("mod0").await.unwrap_err();
    assert!(
        matches!(&refused, StoreError::UnknownDatabase { name, known } if name == "mod0" && known.contains("records")),
        "{refused}"
    );
    store.close().await;
}
