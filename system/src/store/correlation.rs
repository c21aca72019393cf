//! The correlation id of the request a task is serving, for the change events its writes
//! cause.
//!
//! The API's auth layer runs every call inside [`with_correlation_id`], so a transaction
//! committed while serving it, by whichever module, carries the call's request id unless it
//! names one itself ([`crate::store::Transaction::correlation_id`]). Writes made elsewhere
//! (background workers, command-line tools) carry none unless they set one. The id travels
//! with the task, not across `tokio::spawn`.

use std::future::Future;

tokio::task_local! {
    static CURRENT: String;
}

/// Runs `future` with `id` as the correlation id of the transactions it commits.
pub async fn with_correlation_id<F: Future>(id: String, future: F) -> F::Output {
    CURRENT.scope(id, future).await
}

/// The id of the enclosing [`with_correlation_id`], if any.
pub(crate) fn current() -> Option<String> {
    CURRENT.try_with(Clone::clone).ok()
}
