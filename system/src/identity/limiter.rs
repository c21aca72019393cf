//! Log-in and sign-up protection: who may check a password now, who must wait first, and who
//! is refused, by account, by client address and by the pair of both.
//!
//! The policy (after OWASP's authentication cheat sheet: throttle the attacker, never lock the
//! owner out), for every password check (log-in, password change):
//!
//! 1. **Account × address blocks.** Each (account, address) pair may fail
//!    [`PAIR_FREE_FAILURES`] times; then it must wait 1 s, 2 s, 4 s, … up to 15 minutes
//!    after its last failure, and an attempt before that is refused (`TooManyAttempts`), the
//!    right password included. Attempts still being checked count as failures until they
//!    are answered, so a burst of concurrent guesses cannot slip past the count. A success
//!    clears the pair. This is the only key that ever refuses because of failed passwords:
//!    guessing at an account from one address never refuses its owner at another, and never
//!    refuses another account at the same address.
//! 2. **An address across accounts is paced.** An address that failed more than
//!    [`ADDRESS_FREE_FAILURES`] times, on any accounts (password spraying), gets one attempt
//!    per [`ADDRESS_PACE`]: each attempt takes the address's next free slot and waits for it
//!    before the password is checked, so concurrency does not help the sprayer. A correct
//!    password of another account at that address is still accepted, only later. An attempt
//!    whose slot is more than [`MAX_PACED_WAIT`] away (the address floods) is refused with the
//!    time until a slot frees; that is the one case where failures elsewhere refuse a call,
//!    and it lasts only while the address keeps more than 10 s of attempts queued.
//! 3. **An account across addresses slows.** An account that failed more than
//!    [`ACCOUNT_FREE_FAILURES`] times in all (a distributed guess) makes attempts *from
//!    addresses that have failed on it* wait 1 s, 2 s, … up to [`ACCOUNT_MAX_SLOWDOWN`] before
//!    the check. It never refuses, and an address that has not failed on the account (the
//!    owner at a new place) is not slowed at all.
//!
//! A success never clears an address's or an account's count (one valid account cannot
//! launder an address, nor the owner an attacker's count); counts left alone for twice the
//! longest wait are forgotten. A password reset forgets the account's counts and pairs.
//!
//! Sign-up is limited apart: a token bucket per address, [`SIGN_UP_BURST`] sign-ups and then
//! one per [`SIGN_UP_REFILL`] (5 per 10 minutes).
//!
//! Memory is bounded: each table keeps the most recently touched [`CAPACITY`] keys and drops
//! the oldest. It lives in memory, per process: a restart forgets it, and processes sharing
//! one PostgreSQL database each count on their own. It decides nothing about passwords; every
//! `*_at` function takes the time, so the tests drive a clock of their own.

use std::num::NonZeroUsize;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use lru::LruCache;

use super::IdentityError;

/// Keys remembered at most per table (about 150 bytes each).
pub(crate) const CAPACITY: usize = 100_000;
/// Failures an (account, address) pair may have before it must wait.
pub(crate) const PAIR_FREE_FAILURES: u32 = 3;
/// Failures an address may have, across accounts, before its attempts are paced.
pub(crate) const ADDRESS_FREE_FAILURES: u32 = 10;
/// Failures an account may have, across addresses, before failing addresses are slowed.
pub(crate) const ACCOUNT_FREE_FAILURES: u32 = 10;
/// Time between two attempts of a paced address.
pub(crate) const ADDRESS_PACE: Duration = Duration::from_secs(1);
/// Longest wait for a paced slot; a later slot is refused.
pub(crate) const MAX_PACED_WAIT: Duration = Duration::from_secs(10);
/// Longest slow-down an account's global count adds.
pub(crate) const ACCOUNT_MAX_SLOWDOWN: Duration = Duration::from_secs(5);
/// Sign-ups an address may make at once.
pub(crate) const SIGN_UP_BURST: u32 = 5;
/// Time in which an address earns one more sign-up.
pub(crate) const SIGN_UP_REFILL: Duration = Duration::from_secs(120);
/// The first wait of a pair.
const BASE_DELAY: Duration = Duration::from_secs(1);
/// The longest wait of a pair.
const MAX_DELAY: Duration = Duration::from_secs(15 * 60);
/// How long a count without new failures is remembered: twice the longest wait, so a pair
/// at the cap stays there when it fails right after its wait.
const FORGET_AFTER: Duration = MAX_DELAY.saturating_mul(2);
/// What an attempt refused because others of its pair are in flight is told to wait.
const IN_FLIGHT_RETRY: Duration = Duration::from_secs(1);
/// The pair key of attempts whose client address is unknown.
const UNKNOWN_ADDRESS: &str = "";

/// What a count is kept for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Pair { account: String, address: String },
    Address(String),
    Account(String),
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    failures: u32,
    /// Attempts admitted and not yet answered (pairs only).
    in_flight: u32,
    last_failure: Instant,
    /// The next free slot of a paced address.
    next_slot: Instant,
}

impl Entry {
    fn new(now: Instant) -> Entry {
        Entry {
            failures: 0,
            in_flight: 0,
            last_failure: now,
            next_slot: now,
        }
    }

    /// Whether the entry is old enough to forget.
    fn stale(&self, now: Instant) -> bool {
        self.in_flight == 0 && now.saturating_duration_since(self.last_failure) > FORGET_AFTER
    }
}

/// 1 s, 2 s, 4 s, … for the first, second, third failure over `free`, at most `cap`.
fn back_off(failures: u32, free: u32, cap: Duration) -> Duration {
    match failures.checked_sub(free) {
        None | Some(0) => Duration::ZERO,
        Some(over) => BASE_DELAY
            .checked_mul(1u32.checked_shl(over - 1).unwrap_or(u32::MAX))
            .unwrap_or(cap)
            .min(cap),
    }
}

fn too_many(wait: Duration) -> IdentityError {
    IdentityError::TooManyAttempts {
        retry_after_secs: whole_seconds(wait),
    }
}

fn whole_seconds(wait: Duration) -> u64 {
    wait.as_secs() + u64::from(wait.subsec_nanos() > 0)
}

fn table<V>(capacity: usize) -> Mutex<LruCache<Key, V>> {
    Mutex::new(LruCache::new(
        NonZeroUsize::new(capacity).unwrap_or(NonZeroUsize::MIN),
    ))
}

/// Failed-attempt bookkeeping of password checks.
#[derive(Debug)]
pub(crate) struct LoginLimiter {
    entries: Mutex<LruCache<Key, Entry>>,
}

impl Default for LoginLimiter {
    fn default() -> Self {
        LoginLimiter::with_capacity(CAPACITY)
    }
}

/// An admitted password check: wait [`Attempt::wait`] before checking, then report how it
/// went. Dropped without a report (the caller gave up), it counts as nothing.
#[derive(Debug)]
pub(crate) struct Attempt<'a> {
    limiter: &'a LoginLimiter,
    account: String,
    address: Option<String>,
    wait: Duration,
    answered: bool,
}

impl Attempt<'_> {
    /// How long to wait before checking the password (pacing and slow-down).
    pub(crate) fn wait(&self) -> Duration {
        self.wait
    }

    /// Waits as long as the policy asks.
    pub(crate) async fn pace(&self) {
        let wait = self.wait();
        if !wait.is_zero() {
            tracing::debug!(wait_ms = wait.as_millis() as u64, "password check paced");
            tokio::time::sleep(wait).await;
        }
    }

    /// The password was wrong.
    pub(crate) fn failed(self) {
        self.failed_at(Instant::now());
    }

    fn failed_at(mut self, now: Instant) {
        self.answered = true;
        self.limiter
            .failed_at(&self.account, self.address.as_deref(), now);
    }

    /// The password was right: the pair's count is cleared.
    pub(crate) fn succeeded(mut self) {
        self.answered = true;
        self.limiter
            .settle(&self.account, self.address.as_deref(), true);
    }
}

impl Drop for Attempt<'_> {
    fn drop(&mut self) {
        if !self.answered {
            self.limiter
                .settle(&self.account, self.address.as_deref(), false);
        }
    }
}

impl LoginLimiter {
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        LoginLimiter {
            entries: table(capacity),
        }
    }

    fn pair(account: &str, address: Option<&str>) -> Key {
        Key::Pair {
            account: account.to_owned(),
            address: address.unwrap_or(UNKNOWN_ADDRESS).to_owned(),
        }
    }

    /// The live entry of `key` (a stale one is dropped).
    fn live(entries: &mut LruCache<Key, Entry>, key: &Key, now: Instant) -> Option<Entry> {
        let entry = entries.peek(key).copied()?;
        if entry.stale(now) {
            entries.pop(key);
            return None;
        }
        Some(entry)
    }

    /// Admits a password check of `account` (its e-mail's blind index) from `address`, or
    /// refuses it with `TooManyAttempts` (see the policy above).
    pub(crate) fn admit(
        &self,
        account: &str,
        address: Option<&str>,
    ) -> Result<Attempt<'_>, IdentityError> {
        self.admit_at(account, address, Instant::now())
    }

    fn admit_at(
        &self,
        account: &str,
        address: Option<&str>,
        now: Instant,
    ) -> Result<Attempt<'_>, IdentityError> {
        let address = address.filter(|a| !a.is_empty());
        let mut entries = self.entries.lock().expect("limiter lock");
        let pair_key = Self::pair(account, address);
        let pair = Self::live(&mut entries, &pair_key, now).unwrap_or_else(|| Entry::new(now));
        // 1. The pair's own back-off refuses.
        let until = pair.last_failure + back_off(pair.failures, PAIR_FREE_FAILURES, MAX_DELAY);
        if pair.failures > PAIR_FREE_FAILURES && until > now {
            return Err(too_many(until - now));
        }
        if pair.in_flight > 0 && pair.failures + pair.in_flight >= PAIR_FREE_FAILURES {
            return Err(too_many(IN_FLIGHT_RETRY));
        }
        let mut wait = Duration::ZERO;
        // 2. A spraying address is paced, one attempt per slot.
        if let Some(address) = address {
            let key = Key::Address(address.to_owned());
            if let Some(mut entry) = Self::live(&mut entries, &key, now)
                && entry.failures > ADDRESS_FREE_FAILURES
            {
                let slot = entry.next_slot.max(now);
                if slot - now > MAX_PACED_WAIT {
                    return Err(too_many(slot - now - MAX_PACED_WAIT));
                }
                entry.next_slot = slot + ADDRESS_PACE;
                entries.put(key, entry);
                wait = slot - now;
            }
        }
        // 3. An account guessed at from many places slows the addresses that failed on it.
        if pair.failures > 0
            && let Some(entry) = Self::live(&mut entries, &Key::Account(account.to_owned()), now)
        {
            wait = wait.max(back_off(
                entry.failures,
                ACCOUNT_FREE_FAILURES,
                ACCOUNT_MAX_SLOWDOWN,
            ));
        }
        entries.put(
            pair_key,
            Entry {
                in_flight: pair.in_flight + 1,
                ..pair
            },
        );
        Ok(Attempt {
            limiter: self,
            account: account.to_owned(),
            address: address.map(str::to_owned),
            wait,
            answered: false,
        })
    }

    /// Ends an attempt that did not fail: clears the pair after a success.
    fn settle(&self, account: &str, address: Option<&str>, succeeded: bool) {
        let mut entries = self.entries.lock().expect("limiter lock");
        let key = Self::pair(account, address);
        let Some(entry) = entries.peek_mut(&key) else {
            return;
        };
        entry.in_flight = entry.in_flight.saturating_sub(1);
        if succeeded {
            entry.failures = 0;
        }
        if entry.failures == 0 && entry.in_flight == 0 {
            entries.pop(&key);
        }
    }

    /// Counts a failure against the pair, the address and the account.
    fn failed_at(&self, account: &str, address: Option<&str>, now: Instant) {
        let mut entries = self.entries.lock().expect("limiter lock");
        let mut keys = vec![
            Self::pair(account, address),
            Key::Account(account.to_owned()),
        ];
        if let Some(address) = address {
            keys.push(Key::Address(address.to_owned()));
        }
        for (i, key) in keys.into_iter().enumerate() {
            let mut entry = match entries.get(&key) {
                Some(entry) if i == 0 || !entry.stale(now) => *entry,
                _ => Entry::new(now),
            };
            if i == 0 {
                entry.in_flight = entry.in_flight.saturating_sub(1);
            }
            if now.saturating_duration_since(entry.last_failure) > FORGET_AFTER {
                entry.failures = 0;
            }
            entry.failures = entry.failures.saturating_add(1);
            entry.last_failure = now;
            entries.put(key, entry);
        }
    }

    /// Forgets the account's counts and every pair of it (after a password reset).
    pub(crate) fn forget_account(&self, account: &str) {
        let mut entries = self.entries.lock().expect("limiter lock");
        let keys: Vec<Key> = entries
            .iter()
            .map(|(key, _)| key)
            .filter(|key| match key {
                Key::Pair { account: a, .. } | Key::Account(a) => a == account,
                Key::Address(_) => false,
            })
            .cloned()
            .collect();
        for key in keys {
            entries.pop(&key);
        }
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.entries.lock().expect("limiter lock").len()
    }
}

/// A token bucket of sign-ups per client address.
#[derive(Debug)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

/// Sign-ups per client address: [`SIGN_UP_BURST`] at once, then one per [`SIGN_UP_REFILL`].
#[derive(Debug)]
pub(crate) struct SignUpLimiter {
    buckets: Mutex<LruCache<Key, Bucket>>,
}

impl Default for SignUpLimiter {
    fn default() -> Self {
        SignUpLimiter {
            buckets: table(CAPACITY),
        }
    }
}

impl SignUpLimiter {
    /// Takes one sign-up of `address`, or `TooManySignUps` with the time until the next.
    /// An unknown address is not limited (only in-process callers have none).
    pub(crate) fn take(&self, address: Option<&str>) -> Result<(), IdentityError> {
        self.take_at(address, Instant::now())
    }

    fn take_at(&self, address: Option<&str>, now: Instant) -> Result<(), IdentityError> {
        let Some(address) = address.filter(|a| !a.is_empty()) else {
            return Ok(());
        };
        let burst = f64::from(SIGN_UP_BURST);
        let mut buckets = self.buckets.lock().expect("sign-up limiter lock");
        let bucket = buckets.get_or_insert_mut(Key::Address(address.to_owned()), || Bucket {
            tokens: burst,
            at: now,
        });
        let earned =
            now.saturating_duration_since(bucket.at).as_secs_f64() / SIGN_UP_REFILL.as_secs_f64();
        bucket.tokens = (bucket.tokens + earned).min(burst);
        bucket.at = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            return Ok(());
        }
        let wait = SIGN_UP_REFILL.mul_f64(1.0 - bucket.tokens);
        Err(IdentityError::TooManySignUps {
            retry_after_secs: whole_seconds(wait),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: Option<&str> = Some("198.51.100.1");
    const B: Option<&str> = Some("203.0.113.9");

    fn refused<T: std::fmt::Debug>(result: Result<T, IdentityError>) -> u64 {
        match result {
            Err(IdentityError::TooManyAttempts { retry_after_secs }) => retry_after_secs,
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    /// Admits an attempt and answers it with a failure; returns the wait it was given.
    fn fail(
        limiter: &LoginLimiter,
        account: &str,
        address: Option<&str>,
        now: Instant,
    ) -> Duration {
        let attempt = limiter.admit_at(account, address, now).expect("admitted");
        let wait = attempt.wait();
        attempt.failed_at(now + wait);
        wait
    }

    #[test]
    fn a_pair_backs_off_exponentially_up_to_the_cap_and_success_clears_it() {
        // No address: only the pair counts (an address would be paced after 10 failures).
        // Failures are answered at once (a slowed attempt would answer later and move the clock).
        let limiter = LoginLimiter::default();
        let fail = |limiter: &LoginLimiter, account: &str, address, now| {
            limiter
                .admit_at(account, address, now)
                .unwrap()
                .failed_at(now);
        };
        let t0 = Instant::now();
        for _ in 0..=PAIR_FREE_FAILURES {
            fail(&limiter, "victim", None, t0);
        }
        assert_eq!(refused(limiter.admit_at("victim", None, t0)), 1);
        let t1 = t0 + Duration::from_secs(1);
        fail(&limiter, "victim", None, t1);
        assert_eq!(refused(limiter.admit_at("victim", None, t1)), 2);
        let mut t = t1;
        for _ in 0..30 {
            t += MAX_DELAY;
            fail(&limiter, "victim", None, t);
        }
        assert_eq!(
            refused(limiter.admit_at("victim", None, t)),
            MAX_DELAY.as_secs()
        );
        // The cap elapsed: one try is allowed, and a success clears the pair.
        t += MAX_DELAY;
        limiter.admit_at("victim", None, t).unwrap().succeeded();
        assert_eq!(
            limiter.admit_at("victim", None, t).unwrap().wait(),
            Duration::ZERO
        );
    }

    #[test]
    fn guessing_from_one_address_never_refuses_the_owner_elsewhere_nor_others_there() {
        let limiter = LoginLimiter::default();
        let now = Instant::now();
        for _ in 0..200 {
            // The pair refuses after its free failures; count only what was admitted.
            if let Ok(attempt) = limiter.admit_at("victim", A, now) {
                attempt.failed_at(now);
            }
        }
        refused(limiter.admit_at("victim", A, now));
        // The owner from a fresh address: admitted at once, not even slowed.
        let owner = limiter.admit_at("victim", B, now).expect("owner admitted");
        assert_eq!(owner.wait(), Duration::ZERO);
        owner.succeeded();
        // Another account behind the attacker's address: admitted, at most paced.
        let neighbour = limiter
            .admit_at("neighbour", A, now)
            .expect("neighbour admitted");
        assert!(neighbour.wait() <= MAX_PACED_WAIT);
    }

    #[test]
    fn concurrent_guesses_count_while_in_flight() {
        let limiter = LoginLimiter::default();
        let now = Instant::now();
        let in_flight: Vec<_> = (0..PAIR_FREE_FAILURES)
            .map(|_| limiter.admit_at("victim", A, now).expect("free"))
            .collect();
        assert_eq!(refused(limiter.admit_at("victim", A, now)), 1);
        // An attempt dropped unanswered frees its place and counts nothing.
        drop(in_flight);
        for _ in 0..PAIR_FREE_FAILURES {
            fail(&limiter, "victim", A, now);
        }
        // Free failures used up, yet still admitted: one at a time.
        let one = limiter.admit_at("victim", A, now).expect("admitted");
        refused(limiter.admit_at("victim", A, now));
        one.failed_at(now);
        assert_eq!(refused(limiter.admit_at("victim", A, now)), 1);
    }

    #[test]
    fn a_spraying_address_is_paced_and_refused_only_when_it_floods() {
        let limiter = LoginLimiter::default();
        let now = Instant::now();
        for i in 0..=ADDRESS_FREE_FAILURES {
            assert_eq!(fail(&limiter, &format!("user-{i}"), A, now), Duration::ZERO);
        }
        // Over the limit: every attempt from A takes the next slot, a correct password too.
        let first = limiter.admit_at("fresh-0", A, now).unwrap();
        let second = limiter.admit_at("fresh-1", A, now).unwrap();
        assert_eq!(first.wait(), Duration::ZERO);
        assert_eq!(second.wait(), ADDRESS_PACE);
        second.succeeded();
        first.succeeded();
        let mut last = Duration::ZERO;
        for i in 2.. {
            match limiter.admit_at(&format!("fresh-{i}"), A, now) {
                Ok(attempt) => last = attempt.wait(),
                Err(error) => {
                    assert!(matches!(error, IdentityError::TooManyAttempts { .. }));
                    break;
                }
            }
        }
        assert_eq!(
            last, MAX_PACED_WAIT,
            "slots up to the longest wait are given"
        );
        // Another address is not paced; once the queue drains, A is admitted again.
        assert_eq!(
            limiter.admit_at("fresh-x", B, now).unwrap().wait(),
            Duration::ZERO
        );
        let later = now + MAX_PACED_WAIT + ADDRESS_PACE;
        assert_eq!(
            limiter.admit_at("fresh-y", A, later).unwrap().wait(),
            Duration::ZERO
        );
    }

    #[test]
    fn a_distributed_guess_slows_failing_addresses_but_never_a_fresh_one() {
        let limiter = LoginLimiter::default();
        let now = Instant::now();
        for i in 0..=ACCOUNT_FREE_FAILURES {
            fail(&limiter, "victim", Some(&format!("10.0.0.{i}")), now);
        }
        // An address that failed on the account waits, within the cap; it is not refused.
        let slowed = limiter.admit_at("victim", Some("10.0.0.1"), now).unwrap();
        assert_eq!(slowed.wait(), BASE_DELAY);
        slowed.failed_at(now + BASE_DELAY);
        for i in 0..20 {
            fail(&limiter, "victim", Some(&format!("10.1.0.{i}")), now);
        }
        let slowed = limiter.admit_at("victim", Some("10.0.0.2"), now).unwrap();
        assert_eq!(slowed.wait(), ACCOUNT_MAX_SLOWDOWN);
        // The owner at a new address: no wait at all.
        let owner = limiter.admit_at("victim", B, now).unwrap();
        assert_eq!(owner.wait(), Duration::ZERO);
    }

    #[test]
    fn counts_are_forgotten_when_idle_or_after_a_reset() {
        let limiter = LoginLimiter::default();
        let now = Instant::now();
        for _ in 0..=PAIR_FREE_FAILURES {
            fail(&limiter, "victim", A, now);
        }
        refused(limiter.admit_at("victim", A, now));
        let later = now + FORGET_AFTER + Duration::from_secs(1);
        limiter
            .admit_at("victim", A, later)
            .unwrap()
            .failed_at(later);
        assert!(
            limiter.admit_at("victim", A, later).is_ok(),
            "the old count was forgotten; one failure is free"
        );
        limiter.forget_account("victim");
        assert_eq!(limiter.len(), 1, "only the address count is left");
    }

    #[test]
    fn memory_is_bounded() {
        let limiter = LoginLimiter::with_capacity(100);
        let now = Instant::now();
        for i in 0..1_000 {
            fail(
                &limiter,
                &format!("acct-{i}"),
                Some(&format!("addr-{i}")),
                now,
            );
        }
        assert_eq!(limiter.len(), 100);
    }

    #[test]
    fn sign_ups_are_a_token_bucket_per_address() {
        let limiter = SignUpLimiter::default();
        let now = Instant::now();
        for _ in 0..SIGN_UP_BURST {
            limiter.take_at(A, now).unwrap();
        }
        let retry = match limiter.take_at(A, now) {
            Err(IdentityError::TooManySignUps { retry_after_secs }) => retry_after_secs,
            other => panic!("expected a refusal, got {other:?}"),
        };
        assert_eq!(retry, SIGN_UP_REFILL.as_secs());
        limiter.take_at(B, now).unwrap();
        limiter.take_at(None, now).unwrap();
        limiter.take_at(A, now + SIGN_UP_REFILL).unwrap();
        assert!(limiter.take_at(A, now + SIGN_UP_REFILL).is_err());
    }
}
