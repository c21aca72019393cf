//! Cryptographic primitives of Orbit: sealing values with XChaCha20-Poly1305, deriving
//! key-encryption keys from a passphrase (Argon2id) and keyed blind indexes (HMAC-SHA256).
//!
//! This module owns the byte formats of sealed values and wrapped keys. It knows nothing
//! of databases or SQL: the store decides which key seals what and with which associated data.

mod aead;
mod blind;
mod kdf;

pub use aead::{Aad, DataKey, OpenError, SEALED_OVERHEAD, sealed_key_version};
pub use blind::{BlindIndex, BlindKey};
pub use kdf::{KdfParams, argon2id_into, derive_kek};
