//! A short-lived cache of the tenancy facts authorization reads on every call: whether an
//! org exists, which org a project belongs to, an account's direct role in an org or project,
//! and whether it belongs to an org at all.
//!
//! Without it an authenticated, scoped call costs two to four store reads before its handler
//! runs. Facts are believed for [`FRESH_FOR`]; every tenancy write of this process clears the
//! whole cache at once, so this process never acts on a fact it changed. Another process
//! sharing a PostgreSQL database may act on a changed membership for up to [`FRESH_FOR`] —
//! the same bound as the live-session cache.

use std::num::NonZeroUsize;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use lru::LruCache;
use orbit_proto::orbit::system::v1::Role;

/// How long a fact is believed without reading the store again.
pub(crate) const FRESH_FOR: Duration = Duration::from_secs(5);
/// Facts remembered at most.
const CAPACITY: usize = 100_000;

/// One cached fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Fact {
    OrgExists(bool),
    ProjectOrg(Option<String>),
    Role(Option<Role>),
    Belongs(bool),
}

#[derive(Debug)]
pub(crate) struct AuthzCache {
    entries: Mutex<LruCache<String, (Fact, Instant)>>,
    /// Counts clears: live streams watch it to re-decide access at once when memberships,
    /// roles or archival change in this process.
    changes: tokio::sync::watch::Sender<u64>,
}

impl Default for AuthzCache {
    fn default() -> Self {
        AuthzCache {
            entries: Mutex::new(LruCache::new(
                NonZeroUsize::new(CAPACITY).expect("non-zero capacity"),
            )),
            changes: tokio::sync::watch::channel(0).0,
        }
    }
}

impl AuthzCache {
    pub(crate) fn get(&self, key: &str) -> Option<Fact> {
        let mut entries = self.entries.lock().expect("authz cache lock");
        match entries.get(key) {
            Some((fact, at)) if at.elapsed() < FRESH_FOR => Some(fact.clone()),
            Some(_) => {
                entries.pop(key);
                None
            }
            None => None,
        }
    }

    pub(crate) fn put(&self, key: String, fact: Fact) {
        self.entries
            .lock()
            .expect("authz cache lock")
            .put(key, (fact, Instant::now()));
    }

    /// Forgets everything (after any tenancy write).
    pub(crate) fn clear(&self) {
        self.entries.lock().expect("authz cache lock").clear();
        self.changes.send_modify(|n| *n += 1);
    }

    /// Ticks after every [`AuthzCache::clear`].
    pub(crate) fn changes(&self) -> tokio::sync::watch::Receiver<u64> {
        self.changes.subscribe()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_until_cleared() {
        let cache = AuthzCache::default();
        assert_eq!(cache.get("k"), None);
        cache.put("k".into(), Fact::Role(Some(Role::ProjectAdmin)));
        assert_eq!(cache.get("k"), Some(Fact::Role(Some(Role::ProjectAdmin))));
        cache.clear();
        assert_eq!(cache.get("k"), None);
    }
}
