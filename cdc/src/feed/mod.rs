//! Live change feeds: one hub per followed database, subscriptions that catch up from the log and then follow live.
