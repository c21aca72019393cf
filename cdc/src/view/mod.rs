//! Materialised views folded incrementally from the change feed.
