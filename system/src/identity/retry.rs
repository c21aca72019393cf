//! Retrying a read-modify-write that lost a compare-and-set race: every identity update
//! reads records, changes them and commits expecting the versions it read; when another
//! writer got there first the store answers `Conflict` and the whole attempt runs again on
//! fresh reads. Attempts are bounded and spaced (exponential back-off with jitter, backon),
//! so a hot record under contention slows its writers down instead of spinning them.

use std::time::Duration;

use backon::{BackoffBuilder, ExponentialBuilder};

/// Attempts before a conflict is handed to the caller (as the store's `Conflict`).
const MAX_ATTEMPTS: usize = 16;

/// The waits between attempts.
pub(crate) fn delays() -> impl Iterator<Item = Duration> {
    ExponentialBuilder::default()
        .with_min_delay(Duration::from_micros(200))
        .with_max_delay(Duration::from_millis(50))
        .with_jitter()
        .with_max_times(MAX_ATTEMPTS - 1)
        .build()
}

/// Runs the block (an attempt: reads, changes, a conditional commit; `return` and `?` leave
/// the attempt, not the caller) until it does not fail with a store conflict, at most
/// [`MAX_ATTEMPTS`] times, and evaluates to its last result. A macro rather than a function
/// taking an async closure, so the attempt borrows the caller's locals freely.
macro_rules! retry_on_conflict {
    ($attempt:block) => {{
        let mut delays = $crate::identity::retry::delays();
        loop {
            let result: Result<_, $crate::identity::IdentityError> = async $attempt.await;
            match result {
                Err(
                    conflict @ $crate::identity::IdentityError::Store(
                        $crate::store::StoreError::Conflict { .. },
                    ),
                ) => match delays.next() {
                    Some(delay) => tokio::time::sleep(delay).await,
                    None => break Err(conflict),
                },
                other => break other,
            }
        }
    }};
}
pub(crate) use retry_on_conflict;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::identity::IdentityError;
    use crate::store::StoreError;

    fn conflict() -> IdentityError {
        IdentityError::Store(StoreError::Conflict {
            keyspace: "accounts".into(),
            key: "a".into(),
            expected: "version 1".into(),
            found: "version 2".into(),
        })
    }

    #[tokio::test]
    async fn conflicts_are_retried_and_other_outcomes_returned_at_once() {
        let mut calls = 0;
        let result = retry_on_conflict!({
            calls += 1;
            if calls < 3 {
                Err(conflict())
            } else {
                Ok(calls)
            }
        });
        assert_eq!(result.unwrap(), 3);

        let mut calls = 0;
        let result: Result<(), _> = retry_on_conflict!({
            calls += 1;
            Err(IdentityError::FailedPrecondition("no".into()))
        });
        assert!(matches!(result, Err(IdentityError::FailedPrecondition(_))));
        assert_eq!(calls, 1);

        let mut calls = 0;
        let result: Result<(), _> = retry_on_conflict!({
            calls += 1;
            Err(conflict())
        });
        assert!(matches!(
            result,
            Err(IdentityError::Store(StoreError::Conflict { .. }))
        ));
        assert_eq!(calls, MAX_ATTEMPTS);
    }
}
