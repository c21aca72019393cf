//! Login protection: exponential back-off per account and per client address.

/// Failed-attempt bookkeeping.
#[derive(Debug, Default)]
pub(crate) struct LoginLimiter {}
