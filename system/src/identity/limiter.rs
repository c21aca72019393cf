//! Login protection: exponential back-off per account and per client address.
//!
//! Each failed attempt counts against two keys: the account (its e-mail's blind index, so
//! an unknown address is throttled exactly like a known one) and the client's address. After
//! a few free failures a key must wait 1 s, then 2 s, 4 s, … up to 15 minutes before it may
//! try again; a success clears the account's count (not the address's, so one valid account
//! cannot launder an address that guesses at others), and a key left alone for longer than
//! the longest wait is forgotten. Memory is bounded: the table keeps the most recently
//! touched [`CAPACITY`] keys and drops the oldest.
//!
//! It lives in memory, per process: a restart forgets it, and processes sharing one
//! PostgreSQL database each count on their own. It decides nothing about passwords.

use std::num::NonZeroUsize;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use lru::LruCache;

use super::IdentityError;

/// Keys remembered at most (about 100 bytes each).
pub(crate) const CAPACITY: usize = 100_000;
/// Failures an account may have before it must wait.
const ACCOUNT_FREE_FAILURES: u32 = 3;
/// Failures a client address may have before it must wait (several people may share one).
const ADDRESS_FREE_FAILURES: u32 = 10;
/// The first wait.
const BASE_DELAY: Duration = Duration::from_secs(1);
/// The longest wait.
const MAX_DELAY: Duration = Duration::from_secs(15 * 60);

/// What is being throttled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Account,
    Address,
}

impl Kind {
    fn free_failures(self) -> u32 {
        match self {
            Kind::Account => ACCOUNT_FREE_FAILURES,
            Kind::Address => ADDRESS_FREE_FAILURES,
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    failures: u32,
    last_failure: Instant,
}

impl Entry {
    /// When the key may try again (`None`: now).
    fn blocked_until(&self, kind: Kind) -> Option<Instant> {
        let over = self.failures.checked_sub(kind.free_failures())?;
        if over == 0 {
            return None;
        }
        let delay = BASE_DELAY
            .checked_mul(1u32.checked_shl(over - 1).unwrap_or(u32::MAX))
            .unwrap_or(MAX_DELAY)
            .min(MAX_DELAY);
        Some(self.last_failure + delay)
    }

    /// Whether the entry is old enough to forget.
    fn stale(&self, now: Instant) -> bool {
        now.saturating_duration_since(self.last_failure) > MAX_DELAY
    }
}

/// Failed-attempt bookkeeping.
#[derive(Debug)]
pub(crate) struct LoginLimiter {
    entries: Mutex<LruCache<(Kind, String), Entry>>,
}

impl Default for LoginLimiter {
    fn default() -> Self {
        LoginLimiter::with_capacity(CAPACITY)
    }
}

impl LoginLimiter {
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        let capacity = NonZeroUsize::new(capacity).unwrap_or(NonZeroUsize::MIN);
        LoginLimiter {
            entries: Mutex::new(LruCache::new(capacity)),
        }
    }

    fn keys(account: &str, address: Option<&str>) -> Vec<(Kind, String)> {
        let mut keys = vec![(Kind::Account, account.to_owned())];
        if let Some(address) = address.filter(|a| !a.is_empty()) {
            keys.push((Kind::Address, address.to_owned()));
        }
        keys
    }

    /// `TooManyAttempts` if the account or the address must still wait.
    pub(crate) fn check(&self, account: &str, address: Option<&str>) -> Result<(), IdentityError> {
        self.check_at(account, address, Instant::now())
    }

    fn check_at(
        &self,
        account: &str,
        address: Option<&str>,
        now: Instant,
    ) -> Result<(), IdentityError> {
        let mut entries = self.entries.lock().expect("limiter lock");
        let mut wait = Duration::ZERO;
        for key in Self::keys(account, address) {
            let Some(entry) = entries.peek(&key).copied() else {
                continue;
            };
            if entry.stale(now) {
                entries.pop(&key);
                continue;
            }
            if let Some(until) = entry.blocked_until(key.0) {
                wait = wait.max(until.saturating_duration_since(now));
            }
        }
        if wait.is_zero() {
            Ok(())
        } else {
            Err(IdentityError::TooManyAttempts {
                retry_after_secs: wait.as_secs() + u64::from(wait.subsec_nanos() > 0),
            })
        }
    }

    /// Counts a failed attempt against the account and the address.
    pub(crate) fn failed(&self, account: &str, address: Option<&str>) {
        self.failed_at(account, address, Instant::now());
    }

    fn failed_at(&self, account: &str, address: Option<&str>, now: Instant) {
        let mut entries = self.entries.lock().expect("limiter lock");
        for key in Self::keys(account, address) {
            let failures = match entries.get(&key) {
                Some(entry) if !entry.stale(now) => entry.failures.saturating_add(1),
                _ => 1,
            };
            entries.put(
                key,
                Entry {
                    failures,
                    last_failure: now,
                },
            );
        }
    }

    /// Clears the account's failures after a success.
    pub(crate) fn succeeded(&self, account: &str) {
        let mut entries = self.entries.lock().expect("limiter lock");
        entries.pop(&(Kind::Account, account.to_owned()));
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.entries.lock().expect("limiter lock").len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn retry_after(result: Result<(), IdentityError>) -> Option<u64> {
        match result {
            Ok(()) => None,
            Err(IdentityError::TooManyAttempts { retry_after_secs }) => Some(retry_after_secs),
            Err(other) => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn account_backs_off_exponentially_up_to_the_cap_and_resets_on_success() {
        let limiter = LoginLimiter::default();
        let t0 = Instant::now();
        for _ in 0..ACCOUNT_FREE_FAILURES {
            assert_eq!(retry_after(limiter.check_at("acct", None, t0)), None);
            limiter.failed_at("acct", None, t0);
        }
        assert_eq!(retry_after(limiter.check_at("acct", None, t0)), None);
        limiter.failed_at("acct", None, t0);
        assert_eq!(retry_after(limiter.check_at("acct", None, t0)), Some(1));
        // Another account is not affected.
        assert_eq!(retry_after(limiter.check_at("other", None, t0)), None);
        let t1 = t0 + Duration::from_secs(1);
        assert_eq!(retry_after(limiter.check_at("acct", None, t1)), None);
        limiter.failed_at("acct", None, t1);
        assert_eq!(retry_after(limiter.check_at("acct", None, t1)), Some(2));
        let mut t = t1;
        for _ in 0..30 {
            limiter.failed_at("acct", None, t);
        }
        assert_eq!(
            retry_after(limiter.check_at("acct", None, t)),
            Some(MAX_DELAY.as_secs())
        );
        t += MAX_DELAY + Duration::from_secs(1);
        assert_eq!(retry_after(limiter.check_at("acct", None, t)), None);
        limiter.failed_at("acct", None, t);
        assert_eq!(
            retry_after(limiter.check_at("acct", None, t)),
            None,
            "stale count forgotten"
        );
        limiter.succeeded("acct");
        assert_eq!(limiter.len(), 0);
    }

    #[test]
    fn address_backs_off_across_accounts_and_success_does_not_clear_it() {
        let limiter = LoginLimiter::default();
        let now = Instant::now();
        for i in 0..ADDRESS_FREE_FAILURES + 1 {
            limiter.failed_at(&format!("victim-{i}"), Some("10.0.0.1"), now);
        }
        limiter.succeeded("mine");
        assert_eq!(
            retry_after(limiter.check_at("mine", Some("10.0.0.1"), now)),
            Some(1)
        );
        assert_eq!(
            retry_after(limiter.check_at("mine", Some("10.0.0.2"), now)),
            None
        );
    }

    #[test]
    fn memory_is_bounded() {
        let limiter = LoginLimiter::with_capacity(100);
        let now = Instant::now();
        for i in 0..1_000 {
            limiter.failed_at(&format!("acct-{i}"), Some(&format!("addr-{i}")), now);
        }
        assert_eq!(limiter.len(), 100);
    }
}
