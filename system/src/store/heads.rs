//! Commit signals: the newest committed sequence number of each database, published by the
//! group committer after every commit so that feeds wake up instead of polling.

use std::collections::HashMap;
use std::sync::Mutex;

use tokio::sync::watch;

/// One watch channel per database that anyone asked to follow.
#[derive(Debug, Default)]
pub(crate) struct Heads {
    channels: Mutex<HashMap<String, watch::Sender<u64>>>,
}

impl Heads {
    /// A receiver of `db`'s head; starts at the last head this process committed (0 before).
    pub(crate) fn watch(&self, db: &str) -> watch::Receiver<u64> {
        let mut channels = self.channels.lock().expect("heads lock");
        channels
            .entry(db.to_owned())
            .or_insert_with(|| watch::channel(0).0)
            .subscribe()
    }

    /// Records that `db` committed up to `seq` (never moves a head back).
    pub(crate) fn advance(&self, db: &str, seq: u64) {
        let mut channels = self.channels.lock().expect("heads lock");
        let sender = channels
            .entry(db.to_owned())
            .or_insert_with(|| watch::channel(0).0);
        sender.send_if_modified(|head| {
            let moved = seq > *head;
            if moved {
                *head = seq;
            }
            moved
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_only_move_forward_and_reach_late_watchers() {
        let heads = Heads::default();
        let mut early = heads.watch("db");
        heads.advance("db", 5);
        heads.advance("db", 3);
        assert!(early.has_changed().unwrap());
        assert_eq!(*early.borrow_and_update(), 5);
        assert_eq!(*heads.watch("db").borrow(), 5);
        assert_eq!(*heads.watch("other").borrow(), 0);
    }
}
