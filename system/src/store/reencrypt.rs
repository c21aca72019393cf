//! Key rotation and the background re-encryption that follows it: `Store::rotate_keys`
//! re-wraps every database key at once; `Store::reencrypt_step`, run by the server in the
//! background (or `orbit keys rotate --wait`), moves records and change events sealed with
//! an older key version to the current one a batch at a time, in passes kept in memory;
//! `Store::key_status` reports what is still pending. Progress is the stored key version of
//! each row, so it is safe to stop and resume at any time.

use super::backend::{Backend, RawRecord};
use super::{KeyStatus, Store, StoreError, open_with, value_aad};

/// One pass of re-encryption through a database's records in key order, towards one key
/// version. Kept in memory: after a restart a pass starts over, skipping what is current.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum ReencryptPass {
    /// Next step reads the records after this (keyspace, key); empty = from the start.
    /// `moved` says whether this pass re-sealed anything (then another pass follows, for
    /// records another process sealed with the old version behind the cursor).
    At {
        version: u32,
        after: (String, Vec<u8>),
        moved: bool,
    },
    /// A whole pass found nothing stale below `version`.
    Done { version: u32 },
}

impl Store {
    /// Rotates keys (see `KeyRing::rotate`). Records are re-encrypted afterwards by
    /// [`Store::reencrypt_step`], which the server runs in the background.
    pub async fn rotate_keys(&self) -> Result<(), StoreError> {
        self.inner
            .keys
            .rotate(self.inner.main.backend.as_ref())
            .await?;
        tracing::info!("keys rotated; records are re-encrypted in the background");
        Ok(())
    }

    /// Re-encryption status of every database.
    pub async fn key_status(&self) -> Result<Vec<KeyStatus>, StoreError> {
        let mut status = Vec::new();
        let main = self.inner.main.backend.as_ref();
        for name in self.inner.keys.database_names(main).await? {
            let keys = self.inner.keys.reload(main, &name).await?;
            let current = keys.current().version();
            let home = self.home(&name).await?;
            let pending = home.backend.count_stale(&name, current).await?;
            if pending > 0 {
                // Sealed with an older version after a pass ended (by another process that
                // had not seen the rotation yet): the next step looks again.
                let mut passes = self.inner.reencrypt.lock().expect("re-encryption lock");
                if passes.get(&name) == Some(&ReencryptPass::Done { version: current }) {
                    passes.remove(&name);
                }
            }
            status.push(KeyStatus {
                database: name,
                current_key_version: current,
                pending,
            });
        }
        Ok(status)
    }

    /// Re-encrypts up to `limit` records and events per database that are sealed with an
    /// older key version. Returns how many it moved; 0 means everything is current. Safe to
    /// stop and resume at any time: progress is the stored key version of each row.
    pub async fn reencrypt_step(&self, limit: u32) -> Result<u64, StoreError> {
        if self.inner.keys.is_plaintext() {
            return Ok(0);
        }
        let main = self.inner.main.backend.as_ref();
        let mut moved = 0;
        for name in self.inner.keys.database_names(main).await? {
            let keys = self.inner.keys.reload(main, &name).await?;
            let home = self.home(&name).await?;
            let backend = home.backend.as_ref();
            let current = keys.current();
            let version = current.version();
            let mut records = self
                .next_stale_records(backend, &name, version, limit)
                .await?;
            for record in &mut records {
                let plain = open_with(&keys, &name, &record.keyspace, &record.key, &record.sealed)?;
                record.sealed =
                    current.seal(&plain, &value_aad(&name, &record.keyspace, &record.key));
                record.key_version = version;
            }
            backend.reseal_records(&name, &records).await?;
            let mut changes = backend
                .stale_changes(&name, current.version(), limit)
                .await?;
            for change in &mut changes {
                if let Some(sealed) = &change.sealed {
                    let plain = open_with(&keys, &name, &change.keyspace, &change.key, sealed)?;
                    change.sealed = Some(
                        current.seal(&plain, &value_aad(&name, &change.keyspace, &change.key)),
                    );
                    change.key_version = Some(current.version());
                }
            }
            backend.reseal_changes(&name, &changes).await?;
            moved += (records.len() + changes.len()) as u64;
        }
        Ok(moved)
    }

    /// The next stale records of `name`'s current pass towards key `version`, moving the
    /// pass's cursor past them; empty once a whole pass found nothing stale.
    async fn next_stale_records(
        &self,
        backend: &dyn Backend,
        name: &str,
        version: u32,
        limit: u32,
    ) -> Result<Vec<RawRecord>, StoreError> {
        loop {
            let pass = self
                .inner
                .reencrypt
                .lock()
                .expect("re-encryption lock")
                .get(name)
                .cloned();
            let (after, moved) = match pass {
                Some(ReencryptPass::Done { version: done }) if done == version => {
                    return Ok(Vec::new());
                }
                Some(ReencryptPass::At {
                    version: at,
                    after,
                    moved,
                }) if at == version => (after, moved),
                // A new rotation (or none yet): a fresh pass.
                _ => (Default::default(), false),
            };
            let records = backend
                .stale_records(name, version, (after.0.as_str(), after.1.as_slice()), limit)
                .await?;
            let next = match records.last() {
                Some(last) if records.len() as u64 >= u64::from(limit) => ReencryptPass::At {
                    version,
                    after: (last.keyspace.clone(), last.key.clone()),
                    moved: true,
                },
                // The end of this pass; go round again if it found anything.
                _ if moved || !records.is_empty() => ReencryptPass::At {
                    version,
                    after: Default::default(),
                    moved: false,
                },
                _ => ReencryptPass::Done { version },
            };
            let again = records.is_empty() && matches!(next, ReencryptPass::At { .. });
            self.inner
                .reencrypt
                .lock()
                .expect("re-encryption lock")
                .insert(name.to_owned(), next);
            if !again {
                return Ok(records);
            }
        }
    }
}
