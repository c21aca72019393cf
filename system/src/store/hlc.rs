//! A hybrid logical clock: stamps that follow wall-clock time but never go backwards and
//! never repeat within an instance, so events of one instance order causally across restarts
//! and, later, across federated instances.
//!
//! A stamp is `milliseconds since the Unix epoch << 16 | logical counter`.

use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

/// One HLC stamp. Ordered; comparable across instances.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct HlcStamp(pub u64);

impl HlcStamp {
    pub fn millis(self) -> u64 {
        self.0 >> 16
    }

    pub fn counter(self) -> u16 {
        (self.0 & 0xffff) as u16
    }
}

/// The clock. One per store; `tick` is cheap.
#[derive(Debug, Default)]
pub struct Hlc {
    last: Mutex<u64>,
}

impl Hlc {
    /// A clock that will never stamp at or below `floor` (e.g. the newest stored stamp).
    pub fn starting_after(floor: HlcStamp) -> Self {
        Hlc {
            last: Mutex::new(floor.0),
        }
    }

    /// A new stamp, greater than every stamp this clock gave or observed.
    pub fn tick(&self) -> HlcStamp {
        let wall = wall_millis() << 16;
        let mut last = self.last.lock().expect("hlc mutex poisoned");
        *last = if wall > *last { wall } else { *last + 1 };
        HlcStamp(*last)
    }

    /// Merges a stamp received from elsewhere, so later ticks order after it.
    pub fn observe(&self, remote: HlcStamp) {
        let mut last = self.last.lock().expect("hlc mutex poisoned");
        *last = (*last).max(remote.0);
    }
}

fn wall_millis() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strictly_increasing_even_when_wall_clock_is_behind() {
        let future = HlcStamp((wall_millis() + 60_000) << 16);
        let clock = Hlc::starting_after(future);
        let a = clock.tick();
        let b = clock.tick();
        assert!(a > future && b > a);
        assert_eq!(b.millis(), future.millis());
    }

    #[test]
    fn observe_moves_forward_only() {
        let clock = Hlc::default();
        let now = clock.tick();
        clock.observe(HlcStamp(1));
        assert!(clock.tick() > now);
    }
}
