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

    /// A database name no module declared (see [`super::Store::declare_databases`]).
    #[error("database {name:?} does not exist on this instance; databases: {known}")]
    UnknownDatabase { name: String, known: String },

    /// A module database's own file or schema could not be opened or prepared.
    #[error("database {database} in {location}: {source}")]
    Apart {
        database: String,
        location: String,
        #[source]
        source: Box<StoreError>,
    },

    #[error(
        "database {database} lives in {location}, which is missing; restore it from a backup (its keys stay in the main store)"
    )]
    ApartMissing { database: String, location: String },

    #[error("store migration failed: {reason}")]
    Migration { reason: String },

    /// An engine error that is none of the above (the engine's own message).
    #[error("database error: {reason}")]
    Database { reason: String },
}

// The engine's error types stay out of the variants (callers match on conditions, not on
// sqlx); these conversions let the adapters write `?`.
impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> Self {
        StoreError::Database {
            reason: error.to_string(),
        }
    }
}

impl From<sqlx::migrate::MigrateError> for StoreError {
    fn from(error: sqlx::migrate::MigrateError) -> Self {
        StoreError::Migration {
            reason: error.to_string(),
        }
    }
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
