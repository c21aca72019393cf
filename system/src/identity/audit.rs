//! The audit log: append-only and hash-chained, in keyspace `audit` of the system database.
//!
//! Entry `n` is stored under its sequence number (20 zero-padded digits) with
//! `hash = SHA-256(prev_hash ‖ encoding of the entry without its hashes)`; a `head` record in
//! keyspace `audit_head` names the newest entry and its hash and is advanced with
//! compare-and-set in the same transaction as the entry, so concurrent appends never fork the
//! chain. [`Identity::verify_audit_log`] recomputes the chain: a changed entry breaks its own
//! hash, a removed one breaks the sequence or the next entry's `prev_hash`, a removed tail
//! disagrees with the head.

use orbit_proto::orbit::system::records::v1::AuditRecord;
use prost::Message;
use sha2::{Digest, Sha256};

use super::records::{decode, load, now_ms};
use super::retry::retry_on_conflict;
use super::{Identity, IdentityError};
use crate::store::{Database, Expect, Transaction};

const AUDIT: &str = "audit";
const AUDIT_HEAD: &str = "audit_head";
const HEAD_KEY: &str = "head";
const GENESIS: [u8; 32] = [0; 32];

/// What to record. `seq`, time and hashes are filled in by the log.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditEntry {
    pub kind: String,
    pub actor_account_id: String,
    pub org_id: String,
    pub project_id: String,
    pub subject: String,
    pub detail: String,
    pub client_address: String,
}

impl AuditEntry {
    /// An entry of `kind` about `subject`.
    pub fn new(kind: &str, subject: impl Into<String>) -> Self {
        AuditEntry {
            kind: kind.to_owned(),
            subject: subject.into(),
            ..Default::default()
        }
    }

    pub fn actor(mut self, account_id: impl Into<String>) -> Self {
        self.actor_account_id = account_id.into();
        self
    }

    pub fn org(mut self, org_id: impl Into<String>) -> Self {
        self.org_id = org_id.into();
        self
    }

    pub fn project(mut self, project_id: impl Into<String>) -> Self {
        self.project_id = project_id.into();
        self
    }

    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = detail.into();
        self
    }

    pub fn client(mut self, address: Option<&str>) -> Self {
        self.client_address = address.unwrap_or_default().to_owned();
        self
    }
}

/// The result of recomputing the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainReport {
    pub entries: u64,
    /// The first problem found; `None` when the log is intact.
    pub problem: Option<String>,
}

/// Appends to and reads the chain.
pub(crate) struct AuditLog {
    db: Database,
}

fn entry_key(seq: u64) -> String {
    format!("{seq:020}")
}

/// The hash of `record` chained to `prev`, over everything but the hash fields.
fn chain_hash(prev: &[u8], record: &AuditRecord) -> Vec<u8> {
    let mut content = record.clone();
    content.prev_hash.clear();
    content.hash.clear();
    let mut hasher = Sha256::new();
    hasher.update(prev);
    hasher.update(content.encode_to_vec());
    hasher.finalize().to_vec()
}

impl AuditLog {
    pub(crate) fn new(db: Database) -> Self {
        AuditLog { db }
    }

    /// Appends `entry`; returns its sequence number.
    pub(crate) async fn append(&self, entry: AuditEntry) -> Result<u64, IdentityError> {
        retry_on_conflict!({
            let head = load::<AuditRecord>(&self.db, "audit head", AUDIT_HEAD, HEAD_KEY).await?;
            let (prev_seq, prev_hash, expect) = match &head {
                Some((head, version)) => (head.seq, head.hash.clone(), Expect::Version(*version)),
                None => (0, GENESIS.to_vec(), Expect::Absent),
            };
            let mut record = AuditRecord {
                seq: prev_seq + 1,
                at_ms: now_ms(),
                kind: entry.kind.clone(),
                actor_account_id: entry.actor_account_id.clone(),
                org_id: entry.org_id.clone(),
                project_id: entry.project_id.clone(),
                subject: entry.subject.clone(),
                detail: entry.detail.clone(),
                client_address: entry.client_address.clone(),
                prev_hash: prev_hash.clone(),
                hash: Vec::new(),
            };
            record.hash = chain_hash(&prev_hash, &record);
            let head_record = AuditRecord {
                seq: record.seq,
                hash: record.hash.clone(),
                ..Default::default()
            };
            let txn = Transaction::new()
                .put_if(AUDIT_HEAD, HEAD_KEY, head_record.encode_to_vec(), expect)
                .put_if(
                    AUDIT,
                    entry_key(record.seq),
                    record.encode_to_vec(),
                    Expect::Absent,
                );
            self.db.commit(txn).await?;
            tracing::info!(target: "orbit::audit", seq = record.seq, kind = %record.kind, subject = %record.subject, "audit");
            Ok(record.seq)
        })
    }

    /// Entries with `seq > after`, filtered by `keep`, at most `limit`, and the last seq
    /// examined (to continue from).
    pub(crate) async fn list(
        &self,
        after: u64,
        limit: usize,
        keep: impl Fn(&AuditRecord) -> bool,
    ) -> Result<(Vec<AuditRecord>, u64), IdentityError> {
        let mut out = Vec::new();
        let mut cursor = Some(entry_key(after).into_bytes());
        let mut last = after;
        while out.len() < limit {
            let page = self.db.scan(AUDIT, b"", cursor.as_deref(), 500).await?;
            for record in &page.records {
                let key = String::from_utf8_lossy(&record.key).into_owned();
                let entry: AuditRecord = decode("audit entry", &key, &record.value)?;
                last = entry.seq;
                if keep(&entry) {
                    out.push(entry);
                    if out.len() == limit {
                        return Ok((out, last));
                    }
                }
            }
            match page.next {
                Some(next) => cursor = Some(next),
                None => break,
            }
        }
        Ok((out, last))
    }

    /// Recomputes the whole chain.
    pub(crate) async fn verify(&self) -> Result<ChainReport, IdentityError> {
        let mut prev_hash = GENESIS.to_vec();
        let mut expected_seq = 1;
        let mut after: Option<Vec<u8>> = None;
        let broken = |entries: u64, problem: String| {
            Ok(ChainReport {
                entries,
                problem: Some(problem),
            })
        };
        loop {
            let page = match self.db.scan(AUDIT, b"", after.as_deref(), 500).await {
                Ok(page) => page,
                Err(error) => {
                    return broken(
                        expected_seq - 1,
                        format!("entry after {} cannot be read: {error}", expected_seq - 1),
                    );
                }
            };
            for record in &page.records {
                let key = String::from_utf8_lossy(&record.key).into_owned();
                let entry: AuditRecord = match decode("audit entry", &key, &record.value) {
                    Ok(entry) => entry,
                    Err(error) => return broken(expected_seq - 1, error.to_string()),
                };
                if entry.seq != expected_seq || key != entry_key(entry.seq) {
                    return broken(
                        expected_seq - 1,
                        format!("entry {expected_seq} is missing (found {} next)", entry.seq),
                    );
                }
                if entry.prev_hash != prev_hash {
                    return broken(
                        expected_seq - 1,
                        format!(
                            "entry {} does not follow entry {}",
                            entry.seq,
                            entry.seq - 1
                        ),
                    );
                }
                if chain_hash(&prev_hash, &entry) != entry.hash {
                    return broken(expected_seq - 1, format!("entry {} was changed", entry.seq));
                }
                prev_hash = entry.hash;
                expected_seq += 1;
            }
            match page.next {
                Some(next) => after = Some(next),
                None => break,
            }
        }
        let entries = expected_seq - 1;
        match load::<AuditRecord>(&self.db, "audit head", AUDIT_HEAD, HEAD_KEY).await? {
            Some((head, _)) if head.seq != entries || head.hash != prev_hash => broken(
                entries,
                format!(
                    "the log ends at entry {entries} but its head names entry {}",
                    head.seq
                ),
            ),
            None if entries > 0 => broken(entries, "the log has entries but no head".into()),
            _ => Ok(ChainReport {
                entries,
                problem: None,
            }),
        }
    }
}

impl Identity {
    /// Appends an entry to the audit log. Failing to audit fails the caller's operation.
    pub async fn audit(&self, entry: AuditEntry) -> Result<u64, IdentityError> {
        self.inner.audit.append(entry).await
    }

    /// Audit entries after `after_seq`: all of them, or those of `org_id`. Returns the entries
    /// and the seq to continue after (0 when nothing is left).
    pub async fn audit_events(
        &self,
        org_id: Option<&str>,
        after_seq: u64,
        page_size: usize,
    ) -> Result<(Vec<AuditRecord>, u64), IdentityError> {
        let limit = page_size.clamp(1, 1000);
        let (events, last) = self
            .inner
            .audit
            .list(after_seq, limit, |e| {
                org_id.is_none_or(|org| e.org_id == org)
            })
            .await?;
        let next = if events.len() == limit { last } else { 0 };
        Ok((events, next))
    }

    /// Recomputes the audit chain and reports the first changed or removed entry.
    pub async fn verify_audit_log(&self) -> Result<ChainReport, IdentityError> {
        self.inner.audit.verify().await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::KdfParams;
    use crate::identity::IdentityConfig;
    use crate::store::{Store, StoreConfig};

    async fn identity(dir: &std::path::Path) -> (Store, Identity) {
        let mut config = StoreConfig::in_data_dir(dir);
        config.full_sync = false;
        let store = Store::open(config).await.unwrap();
        let identity_config = IdentityConfig {
            kdf: KdfParams {
                memory_kib: 64,
                iterations: 1,
                parallelism: 1,
            },
            ..Default::default()
        };
        let identity = Identity::open(&store, identity_config).await.unwrap();
        (store, identity)
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn chain_detects_changed_removed_and_truncated_entries() {
        let dir = tempfile::tempdir().unwrap();
        let (store, identity) = identity(dir.path()).await;
        let appends: Vec<_> = (0..20)
            .map(|i| {
                let identity = identity.clone();
                tokio::spawn(async move {
                    let org = if i % 2 == 0 { "org-a" } else { "org-b" };
                    identity
                        .audit(
                            AuditEntry::new("test.event", format!("s{i}"))
                                .org(org)
                                .actor("acct"),
                        )
                        .await
                        .unwrap()
                })
            })
            .collect();
        let mut seqs = Vec::new();
        for append in appends {
            seqs.push(append.await.unwrap());
        }
        seqs.sort_unstable();
        assert_eq!(
            seqs,
            (1..=20).collect::<Vec<u64>>(),
            "concurrent appends never fork the chain"
        );
        assert_eq!(
            identity.verify_audit_log().await.unwrap(),
            ChainReport {
                entries: 20,
                problem: None
            }
        );

        let (org_a, next) = identity.audit_events(Some("org-a"), 0, 100).await.unwrap();
        assert_eq!(org_a.len(), 10);
        assert!(org_a.iter().all(|e| e.org_id == "org-a"));
        assert_eq!(next, 0);
        let (page, next) = identity.audit_events(None, 0, 7).await.unwrap();
        assert_eq!((page.len(), next), (7, 7));

        let db = store.database("system").await.unwrap();
        // Someone with the keys rewrites entry 5.
        let key = entry_key(5);
        let mut entry: AuditRecord = decode(
            "audit entry",
            &key,
            &db.get(AUDIT, key.as_bytes()).await.unwrap().unwrap().value,
        )
        .unwrap();
        let original = entry.clone();
        entry.detail = "nothing to see".into();
        db.put(AUDIT, key.clone(), entry.encode_to_vec())
            .await
            .unwrap();
        let report = identity.verify_audit_log().await.unwrap();
        assert_eq!(report.problem.as_deref(), Some("entry 5 was changed"));
        db.put(AUDIT, key.clone(), original.encode_to_vec())
            .await
            .unwrap();
        assert!(identity.verify_audit_log().await.unwrap().problem.is_none());

        // An entry in the middle is removed.
        let removed = db
            .get(AUDIT, entry_key(9).as_bytes())
            .await
            .unwrap()
            .unwrap()
            .value;
        db.delete(AUDIT, entry_key(9)).await.unwrap();
        let report = identity.verify_audit_log().await.unwrap();
        assert_eq!(
            report.problem.as_deref(),
            Some("entry 9 is missing (found 10 next)")
        );
        db.put(AUDIT, entry_key(9), removed).await.unwrap();

        // The newest entry is removed.
        db.delete(AUDIT, entry_key(20)).await.unwrap();
        let report = identity.verify_audit_log().await.unwrap();
        assert!(report.problem.unwrap().contains("head names entry 20"));
        store.close().await;
    }
}
