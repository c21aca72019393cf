//! Byte budgets of live streams: what a subscription may have queued for its client, and what
//! all subscriptions of one account may have queued together.
//!
//! Every item a subscription queues holds permits of its subscription's budget and of its
//! account's budget (one per byte, plus a fixed overhead per item) until the client's stream
//! takes it. A client that stops reading therefore stops its subscription once its budget is
//! spent; one that stays stopped past the stall limit is cut off (resumable). Counting bytes,
//! not items, is what bounds memory when items are large.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, Weak};

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// Bytes charged per item beyond its payload (headers, bookkeeping, a heartbeat).
pub(crate) const ITEM_OVERHEAD: usize = 256;

/// The budgets of every live subscription; one per [`super::Feeds`].
pub(crate) struct Budgets {
    per_subscription: u32,
    per_account: u32,
    accounts: Mutex<HashMap<String, Weak<Semaphore>>>,
}

impl Budgets {
    pub(crate) fn new(per_subscription: usize, per_account: usize) -> Budgets {
        let clamp = |bytes: usize| bytes.clamp(ITEM_OVERHEAD, u32::MAX as usize / 2) as u32;
        Budgets {
            per_subscription: clamp(per_subscription),
            per_account: clamp(per_account),
            accounts: Mutex::new(HashMap::new()),
        }
    }

    /// The budget of a new subscription of `account`.
    pub(crate) fn subscription(&self, account: &str) -> Budget {
        let mut accounts = self.accounts.lock().expect("budgets lock");
        // Forget accounts whose subscriptions all ended.
        if accounts.len() > 64 {
            accounts.retain(|_, shared| shared.strong_count() > 0);
        }
        let shared = match accounts.get(account).and_then(Weak::upgrade) {
            Some(shared) => shared,
            None => {
                let shared = Arc::new(Semaphore::new(self.per_account as usize));
                accounts.insert(account.to_owned(), Arc::downgrade(&shared));
                shared
            }
        };
        Budget {
            own: Arc::new(Semaphore::new(self.per_subscription as usize)),
            own_max: self.per_subscription,
            account: shared,
            account_max: self.per_account,
        }
    }

    /// Bytes an account's subscriptions hold right now (for tests and status).
    #[cfg(test)]
    pub(crate) fn held_by(&self, account: &str) -> usize {
        let accounts = self.accounts.lock().expect("budgets lock");
        accounts
            .get(account)
            .and_then(Weak::upgrade)
            .map_or(0, |s| self.per_account as usize - s.available_permits())
    }
}

/// One subscription's budget, drawing on its account's too.
pub(crate) struct Budget {
    own: Arc<Semaphore>,
    own_max: u32,
    account: Arc<Semaphore>,
    account_max: u32,
}

/// Bytes held by one queued item; released when the item is dropped.
#[derive(Debug)]
pub(crate) struct Held {
    _own: OwnedSemaphorePermit,
    _account: OwnedSemaphorePermit,
}

impl Budget {
    /// Waits until an item of `bytes` fits in both budgets. An item larger than a whole
    /// budget takes all of it, so it is sent alone.
    pub(crate) async fn reserve(&self, bytes: usize) -> Held {
        let bytes = bytes.saturating_add(ITEM_OVERHEAD);
        let own = (bytes.min(self.own_max as usize)) as u32;
        let account = (bytes.min(self.account_max as usize)) as u32;
        // Own budget first: a subscription never holds account bytes while it waits for its
        // own client.
        let own = self
            .own
            .clone()
            .acquire_many_owned(own)
            .await
            .expect("budget semaphores are never closed");
        let account = self
            .account
            .clone()
            .acquire_many_owned(account)
            .await
            .expect("budget semaphores are never closed");
        Held {
            _own: own,
            _account: account,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[tokio::test]
    async fn items_wait_for_their_bytes_and_release_them_when_dropped() {
        let budgets = Budgets::new(10_000, 15_000);
        let first = budgets.subscription("a");
        let second = budgets.subscription("a");
        let held = first.reserve(9_000).await;
        // The subscription's own budget is spent.
        assert!(
            tokio::time::timeout(Duration::from_millis(50), first.reserve(1_000))
                .await
                .is_err()
        );
        // The account's budget leaves the second subscription only ~6 KB.
        let _more = second.reserve(5_000).await;
        assert!(
            tokio::time::timeout(Duration::from_millis(50), second.reserve(2_000))
                .await
                .is_err()
        );
        assert!(budgets.held_by("a") >= 14_000);
        drop(held);
        let _again = first.reserve(1_000).await;
        // Another account is not affected.
        let other = budgets.subscription("b");
        let _big = other.reserve(9_000).await;
    }

    #[tokio::test]
    async fn an_item_larger_than_the_budget_takes_all_of_it() {
        let budgets = Budgets::new(1_000, 100_000);
        let budget = budgets.subscription("a");
        let held = budget.reserve(50_000).await;
        assert!(
            tokio::time::timeout(Duration::from_millis(50), budget.reserve(1))
                .await
                .is_err()
        );
        drop(held);
        let _ = budget.reserve(1).await;
    }
}
