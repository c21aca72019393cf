//! How a store is opened: where its data lives and how its instance key is unsealed.

use std::path::PathBuf;

use zeroize::Zeroizing;

use crate::crypto::KdfParams;

/// Where the records live.
#[derive(Debug, Clone)]
pub enum StoreLocation {
    /// A SQLite file (the embedded default).
    Sqlite { path: PathBuf },
    /// A PostgreSQL database; tables go to `schema` (created if missing) or the default
    /// `search_path`.
    Postgres { url: String, schema: Option<String> },
}

impl StoreLocation {
    /// The SQLite file inside a data directory.
    pub fn sqlite_in(data_dir: &std::path::Path) -> Self {
        StoreLocation::Sqlite {
            path: data_dir.join("orbit.db"),
        }
    }
}

/// The operator's secret that unseals the instance key.
#[derive(Clone)]
pub enum Unseal {
    /// A passphrase, stretched with Argon2id.
    Passphrase(Zeroizing<String>),
    /// A file holding 32 random bytes as hex; created with mode 0600 on first start.
    KeyFile(PathBuf),
    /// No encryption at all. Exists only so benchmarks can measure what encryption costs on
    /// the same code path; an instance created this way can never be opened encrypted, nor
    /// the other way round, and the `orbit` binary never offers it.
    InsecurePlaintextForBenchmarks,
}

impl std::fmt::Debug for Unseal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unseal::Passphrase(_) => f.write_str("Passphrase(***)"),
            Unseal::KeyFile(path) => f.debug_tuple("KeyFile").field(path).finish(),
            Unseal::InsecurePlaintextForBenchmarks => f.write_str("InsecurePlaintextForBenchmarks"),
        }
    }
}

impl Unseal {
    /// The name stored with the instance, so a mismatch is reported clearly.
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Unseal::Passphrase(_) => "passphrase",
            Unseal::KeyFile(_) => "key-file",
            Unseal::InsecurePlaintextForBenchmarks => "plaintext",
        }
    }
}

/// Everything needed to open a store.
#[derive(Debug, Clone)]
pub struct StoreConfig {
    pub location: StoreLocation,
    pub unseal: Unseal,
    /// Argon2id cost for a new passphrase-sealed instance (existing ones keep theirs).
    pub kdf: KdfParams,
    /// SQLite `synchronous=FULL` (durable across power loss) rather than `NORMAL`
    /// (durable across process crashes).
    pub full_sync: bool,
    /// Most transactions one group commit carries.
    pub max_group: usize,
}

/// Name of the key file in a data directory, created on first start.
pub const KEY_FILE_NAME: &str = "instance.key";

impl StoreConfig {
    pub fn new(location: StoreLocation, unseal: Unseal) -> Self {
        StoreConfig {
            location,
            unseal,
            kdf: KdfParams::OWASP,
            full_sync: true,
            max_group: 1024,
        }
    }

    /// The default layout of a data directory: the SQLite file, unsealed by the key file
    /// [`KEY_FILE_NAME`] beside it.
    pub fn in_data_dir(data_dir: &std::path::Path) -> Self {
        StoreConfig::new(
            StoreLocation::sqlite_in(data_dir),
            Unseal::KeyFile(data_dir.join(KEY_FILE_NAME)),
        )
    }
}
