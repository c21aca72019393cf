//! The errors a caller of the store can see, one variant per condition.

use std::path::PathBuf;

/// Everything that can go wrong in the encrypted store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "wrong passphrase or key file: the instance key of {location} cannot be unsealed; nothing was changed"
    )]
    WrongKey { location: String },

    #[error(
        "{location} was sealed with a {stored}, but a {given} was given; start with the same kind of secret"
    )]
    UnsealMismatch {
        location: String,
        stored: &'static str,
        given: &'static str,
    },

    #[error(
        "key file {path} is missing, but {location} already exists; restore the key file (or set ORBIT_KEY_FILE to its path)"
    )]
    KeyFileMissing { path: PathBuf, location: String },

    #[error("key file {path} cannot be used: {reason}; set ORBIT_KEY_FILE to a readable key file")]
    KeyFile { path: PathBuf, reason: String },

    #[error(
        "{path} is not an Orbit database or is corrupt ({reason}); restore it from a backup or point --data-dir elsewhere"
    )]
    Corrupt { path: String, reason: String },

    #[error("cannot reach {location}: {reason}")]
    Unreachable { location: String, reason: String },

    #[error(
        "the change events of database {database} up to sequence {pruned_through} were pruned; \
         start again from a snapshot of the current state"
    )]
    Pruned {
        database: String,
        pruned_through: u64,
    },

    #[error("integrity error in database {database}, keyspace {keyspace}, key {key}: {reason}")]
    Integrity {
        database: String,
        keyspace: String,
        key: String,
        reason: String,
    },

    #[error(
        "version conflict on keyspace {keyspace}, key {key}: expected {expected}, found {found}"
    )]
    Conflict {
        keyspace: String,
        key: String,
        expected: String,
        found: String,
    },

    #[error("invalid {what}: {reason}")]
    Invalid { what: &'static str, reason: String },

    #[error("cannot read {location}: {reason}")]
    Read { location: String, reason: String },

    #[error("the store is closed")]
    Closed,

    #[error("store migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),

    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
}

impl StoreError {
    pub(crate) fn invalid(what: &'static str, reason: impl Into<String>) -> Self {
        StoreError::Invalid {
            what,
            reason: reason.into(),
        }
    }
}

/// Renders a key for messages: UTF-8 if printable, hex otherwise.
pub(crate) fn display_key(key: &[u8]) -> String {
    match std::str::from_utf8(key) {
        Ok(text) if text.chars().all(|c| !c.is_control()) => text.to_owned(),
        _ => format!("0x{}", hex::encode(key)),
    }
}
