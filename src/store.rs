//! Opening the encrypted store from the configuration, for every command, with an operator's
//! hint added to each error that does not already say what to do.

use orbit_system::store::{Store, StoreConfig, StoreError};

use crate::config::Config;

/// Opens the store the configuration names.
pub(crate) async fn open(config: &Config) -> anyhow::Result<Store> {
    let store_config = StoreConfig::new(config.store.clone(), config.unseal.clone());
    Store::open(store_config)
        .await
        .map_err(|e| anyhow::anyhow!(with_hint(&e)))
}

/// The error's message, followed by what to do when the store's own message does not say.
pub(crate) fn with_hint(error: &StoreError) -> String {
    let hint = match error {
        StoreError::WrongKey { .. } => Some(
            "give the instance's passphrase in ORBIT_PASSPHRASE (or ORBIT_PASSPHRASE_FILE), or its key file",
        ),
        StoreError::KeyFile { reason, .. } if !reason.contains("chmod") => {
            Some("point key_file (ORBIT_KEY_FILE) at a readable file holding the instance key")
        }
        StoreError::Unreachable { .. } => Some(
            "check that PostgreSQL is running and that the store URL (--store, ORBIT_STORE) is right",
        ),
        StoreError::Invalid { .. } => Some("fix the setting and start again"),
        StoreError::Migration { .. } => {
            Some("this orbit binary may be older than the database; run a newer one")
        }
        _ => None,
    };
    let message = error.to_string();
    match hint {
        Some(hint) => format!("{message}; {hint}"),
        None => message,
    }
}
