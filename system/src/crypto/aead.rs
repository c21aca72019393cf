//! Symmetric keys and the sealed-value format.
//!
//! A sealed value is `[format: u8 = 1][key_version: u32 BE][nonce: 24 bytes][ciphertext + tag]`.
//! The format byte lets a stored record be migrated forward explicitly; the key version says
//! which data key opens it, so rotation can re-encrypt in the background.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use rand::RngCore;
use zeroize::{Zeroize, ZeroizeOnDrop};

const FORMAT_V1: u8 = 1;
const NONCE_LEN: usize = 24;
const HEADER_LEN: usize = 1 + 4 + NONCE_LEN;
const TAG_LEN: usize = 16;

/// Bytes a sealed value adds to its plaintext.
pub const SEALED_OVERHEAD: usize = HEADER_LEN + TAG_LEN;

/// A 256-bit symmetric key with its version. Zeroized on drop; never printed.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct DataKey {
    bytes: [u8; 32],
    #[zeroize(skip)]
    version: u32,
}

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DataKey")
            .field("version", &self.version)
            .finish_non_exhaustive()
    }
}

/// Why a sealed value could not be opened. The caller adds which record it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum OpenError {
    #[error("sealed value is truncated")]
    Truncated,
    #[error("unknown sealed-value format {0}")]
    UnknownFormat(u8),
    #[error("authentication failed (tampered, moved or sealed with another key)")]
    Authentication,
}

/// Associated data: binds a ciphertext to where it is stored, so it cannot be moved.
/// Parts are length-prefixed, so ("ab", "c") and ("a", "bc") never collide.
#[derive(Debug, Default)]
pub struct Aad(Vec<u8>);

impl Aad {
    pub fn new(domain: &str) -> Self {
        let mut aad = Aad(Vec::with_capacity(64));
        aad.part(domain.as_bytes());
        aad
    }

    pub fn part(&mut self, bytes: &[u8]) -> &mut Self {
        self.0
            .extend_from_slice(&(bytes.len() as u32).to_be_bytes());
        self.0.extend_from_slice(bytes);
        self
    }

    pub fn with(mut self, bytes: &[u8]) -> Self {
        self.part(bytes);
        self
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }
}

impl DataKey {
    /// A fresh random key.
    pub fn generate(version: u32) -> Self {
        let mut bytes = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        DataKey { bytes, version }
    }

    /// A key from raw bytes (e.g. unwrapped from storage). The input is zeroized.
    pub fn from_bytes(bytes: &mut [u8; 32], version: u32) -> Self {
        let key = DataKey {
            bytes: *bytes,
            version,
        };
        bytes.zeroize();
        key
    }

    pub fn version(&self) -> u32 {
        self.version
    }

    pub(crate) fn expose(&self) -> &[u8; 32] {
        &self.bytes
    }

    /// Seals `plaintext` bound to `aad`.
    pub fn seal(&self, plaintext: &[u8], aad: &Aad) -> Vec<u8> {
        let cipher = XChaCha20Poly1305::new((&self.bytes).into());
        let mut nonce = [0u8; NONCE_LEN];
        rand::rngs::OsRng.fill_bytes(&mut nonce);
        let ciphertext = cipher
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: plaintext,
                    aad: aad.as_bytes(),
                },
            )
            .expect("xchacha20poly1305 encryption cannot fail for in-memory buffers");
        let mut out = Vec::with_capacity(HEADER_LEN + ciphertext.len());
        out.push(FORMAT_V1);
        out.extend_from_slice(&self.version.to_be_bytes());
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&ciphertext);
        out
    }

    /// Opens a value sealed by [`DataKey::seal`] with the same key and associated data.
    pub fn open(&self, sealed: &[u8], aad: &Aad) -> Result<Vec<u8>, OpenError> {
        let (_, nonce, ciphertext) = split(sealed)?;
        let cipher = XChaCha20Poly1305::new((&self.bytes).into());
        cipher
            .decrypt(
                XNonce::from_slice(nonce),
                Payload {
                    msg: ciphertext,
                    aad: aad.as_bytes(),
                },
            )
            .map_err(|_| OpenError::Authentication)
    }

    /// Wraps another key with this one (key-encryption key use).
    pub fn wrap(&self, key: &DataKey, aad: &Aad) -> Vec<u8> {
        self.seal(&key.bytes, aad)
    }

    /// Unwraps a key wrapped by [`DataKey::wrap`], giving it `version`.
    pub fn unwrap_key(
        &self,
        wrapped: &[u8],
        aad: &Aad,
        version: u32,
    ) -> Result<DataKey, OpenError> {
        let plain = zeroize::Zeroizing::new(self.open(wrapped, aad)?);
        let mut bytes: [u8; 32] = plain
            .as_slice()
            .try_into()
            .map_err(|_| OpenError::Truncated)?;
        Ok(DataKey::from_bytes(&mut bytes, version))
    }
}

/// The key version a sealed value names, without opening it.
pub fn sealed_key_version(sealed: &[u8]) -> Result<u32, OpenError> {
    split(sealed).map(|(version, _, _)| version)
}

fn split(sealed: &[u8]) -> Result<(u32, &[u8], &[u8]), OpenError> {
    if sealed.len() < HEADER_LEN + TAG_LEN {
        return Err(OpenError::Truncated);
    }
    if sealed[0] != FORMAT_V1 {
        return Err(OpenError::UnknownFormat(sealed[0]));
    }
    let version = u32::from_be_bytes(sealed[1..5].try_into().expect("4 bytes"));
    Ok((version, &sealed[5..HEADER_LEN], &sealed[HEADER_LEN..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seal_open_round_trip() {
        let key = DataKey::generate(3);
        let aad = Aad::new("t").with(b"ks").with(b"k");
        let sealed = key.seal(b"hello", &aad);
        assert_eq!(sealed.len(), 5 + SEALED_OVERHEAD);
        assert_eq!(sealed_key_version(&sealed).unwrap(), 3);
        assert_eq!(key.open(&sealed, &aad).unwrap(), b"hello");
    }

    #[test]
    fn other_aad_or_flipped_byte_is_refused() {
        let key = DataKey::generate(1);
        let aad = Aad::new("t").with(b"ks").with(b"k1");
        let mut sealed = key.seal(b"hello", &aad);
        let moved = Aad::new("t").with(b"ks").with(b"k2");
        assert_eq!(key.open(&sealed, &moved), Err(OpenError::Authentication));
        let last = sealed.len() - 1;
        sealed[last] ^= 1;
        assert_eq!(key.open(&sealed, &aad), Err(OpenError::Authentication));
        assert_eq!(key.open(&sealed[..10], &aad), Err(OpenError::Truncated));
    }

    #[test]
    fn aad_parts_are_unambiguous() {
        assert_ne!(
            Aad::new("x").with(b"ab").with(b"c").0,
            Aad::new("x").with(b"a").with(b"bc").0
        );
    }

    #[test]
    fn wrap_unwrap() {
        let kek = DataKey::generate(1);
        let dk = DataKey::generate(7);
        let aad = Aad::new("wrap");
        let wrapped = kek.wrap(&dk, &aad);
        let back = kek.unwrap_key(&wrapped, &aad, 7).unwrap();
        assert_eq!(back.expose(), dk.expose());
        assert!(DataKey::generate(1).unwrap_key(&wrapped, &aad, 7).is_err());
    }
}
