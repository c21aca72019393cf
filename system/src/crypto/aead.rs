//! Symmetric keys and the sealed-value format.
//!
//! A sealed value is `[format: u8 = 1][key_version: u32 BE][nonce: 24 bytes][ciphertext + tag]`.
//! The format byte lets a stored record be migrated forward explicitly; the key version says
//! which data key opens it, so rotation can re-encrypt in the background.
//!
//! The cipher is XChaCha20-Poly1305 as draft-irtf-cfrg-xchacha defines it, computed from its
//! two halves: the per-record subkey `HChaCha20(key, nonce[0..16])` (RustCrypto's `chacha20`),
//! then IETF ChaCha20-Poly1305 (RFC 8439) under that subkey with the nonce
//! `[0; 4] ‖ nonce[16..24]`, computed by ring, whose assembly is several times faster than
//! the portable Rust implementation on short and long values alike. The bytes are exactly
//! those of RustCrypto's `XChaCha20Poly1305`; the tests check that against it in both
//! directions and against the draft's known answer.
//!
//! Key hygiene: the data key is zeroized on drop. ring's key objects cannot be zeroized, so
//! none is kept: each seal or open derives the subkey, builds a ring key from it for that one
//! operation and zeroizes the subkey bytes it owns. ring's copy of the subkey (inside the key
//! object and on the stack) is left behind. That copy opens only the one record whose nonce it
//! was derived from, whose plaintext is in memory at that moment anyway, and HChaCha20 is a
//! PRF, so it reveals nothing about the data key or any other record.

use chacha20::cipher::consts::U10;
use chacha20::cipher::generic_array::GenericArray;
use rand::RngCore;
use ring::aead::{CHACHA20_POLY1305, LessSafeKey, Nonce, UnboundKey};
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
    /// The header names another key version than the key given. The version is not part of
    /// the authenticated data of format 1, so it is checked here: a flipped bit in it must
    /// not go unnoticed (found by `fuzz_a_flipped_bit_of_a_sealed_value_is_refused`).
    #[error("sealed with key version {sealed}, not {key}")]
    KeyVersion { sealed: u32, key: u32 },
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

    /// Seals `plaintext` bound to `aad`, under a fresh random nonce.
    pub fn seal(&self, plaintext: &[u8], aad: &Aad) -> Vec<u8> {
        let mut nonce = [0u8; NONCE_LEN];
        rand::rngs::OsRng.fill_bytes(&mut nonce);
        self.seal_with_nonce(&nonce, plaintext, aad)
    }

    /// Seals under a given nonce. Only [`DataKey::seal`] and the tests choose the nonce.
    fn seal_with_nonce(&self, nonce: &[u8; NONCE_LEN], plaintext: &[u8], aad: &Aad) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER_LEN + plaintext.len() + TAG_LEN);
        out.push(FORMAT_V1);
        out.extend_from_slice(&self.version.to_be_bytes());
        out.extend_from_slice(nonce);
        out.extend_from_slice(plaintext);
        let (key, ietf_nonce) = self.record_cipher(nonce);
        let tag = key
            .seal_in_place_separate_tag(
                ietf_nonce,
                ring::aead::Aad::from(aad.as_bytes()),
                &mut out[HEADER_LEN..],
            )
            .expect("chacha20-poly1305 sealing fails only for values over 256 GiB");
        out.extend_from_slice(tag.as_ref());
        out
    }

    /// Opens a value sealed by [`DataKey::seal`] with the same key and associated data.
    /// One allocation, the size of the ciphertext; see [`DataKey::open_owned`] for none.
    pub fn open(&self, sealed: &[u8], aad: &Aad) -> Result<Vec<u8>, OpenError> {
        let (version, nonce, body) = split(sealed)?;
        self.check_version(version)?;
        let mut buffer = Vec::with_capacity(body.len());
        buffer.extend_from_slice(body);
        self.open_within(nonce, buffer, 0, aad)
    }

    /// Like [`DataKey::open`], but takes the sealed value and decrypts it where it lies: the
    /// plaintext is moved to the front of the same buffer, nothing is allocated or copied.
    pub fn open_owned(&self, sealed: Vec<u8>, aad: &Aad) -> Result<Vec<u8>, OpenError> {
        let (version, nonce, _) = split(&sealed)?;
        self.check_version(version)?;
        let nonce = *nonce;
        self.open_within(&nonce, sealed, HEADER_LEN, aad)
    }

    fn check_version(&self, sealed: u32) -> Result<(), OpenError> {
        if sealed == self.version {
            Ok(())
        } else {
            Err(OpenError::KeyVersion {
                sealed,
                key: self.version,
            })
        }
    }

    /// Decrypts `buffer[start..]` (ciphertext and tag) to the front of `buffer`. On failure
    /// the buffer, which may hold unauthenticated plaintext, is zeroized before it is freed.
    fn open_within(
        &self,
        nonce: &[u8; NONCE_LEN],
        mut buffer: Vec<u8>,
        start: usize,
        aad: &Aad,
    ) -> Result<Vec<u8>, OpenError> {
        let (key, ietf_nonce) = self.record_cipher(nonce);
        match key.open_within(
            ietf_nonce,
            ring::aead::Aad::from(aad.as_bytes()),
            &mut buffer,
            start..,
        ) {
            Ok(plaintext) => {
                let len = plaintext.len();
                buffer.truncate(len);
                Ok(buffer)
            }
            Err(ring::error::Unspecified) => {
                buffer.zeroize();
                Err(OpenError::Authentication)
            }
        }
    }

    /// The IETF ChaCha20-Poly1305 key and nonce that XChaCha20-Poly1305 uses for `nonce`:
    /// subkey = HChaCha20(data key, nonce[0..16]), nonce = `[0; 4] ‖ nonce[16..24]`.
    fn record_cipher(&self, nonce: &[u8; NONCE_LEN]) -> (LessSafeKey, Nonce) {
        let (prefix, suffix) = nonce.split_at(16);
        let mut subkey =
            chacha20::hchacha::<U10>((&self.bytes).into(), GenericArray::from_slice(prefix));
        let key = UnboundKey::new(&CHACHA20_POLY1305, &subkey);
        subkey.as_mut_slice().zeroize();
        let key = key.expect("chacha20-poly1305 takes a 32-byte key");
        let mut ietf_nonce = [0u8; 12];
        ietf_nonce[4..].copy_from_slice(suffix);
        (
            LessSafeKey::new(key),
            Nonce::assume_unique_for_key(ietf_nonce),
        )
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

/// Splits a sealed value into key version, nonce and ciphertext with tag.
fn split(sealed: &[u8]) -> Result<(u32, &[u8; NONCE_LEN], &[u8]), OpenError> {
    if sealed.len() < HEADER_LEN + TAG_LEN {
        return Err(OpenError::Truncated);
    }
    if sealed[0] != FORMAT_V1 {
        return Err(OpenError::UnknownFormat(sealed[0]));
    }
    let version = u32::from_be_bytes(sealed[1..5].try_into().expect("4 bytes"));
    let nonce = sealed[5..HEADER_LEN].try_into().expect("24 bytes");
    Ok((version, nonce, &sealed[HEADER_LEN..]))
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

    #[test]
    fn open_owned_opens_in_place_and_refuses_tampering() {
        let key = DataKey::generate(2);
        let aad = Aad::new("t").with(b"ks").with(b"k");
        let plain: Vec<u8> = (0..4096u32).map(|i| i as u8).collect();
        let sealed = key.seal(&plain, &aad);
        let opened = key.open_owned(sealed.clone(), &aad).unwrap();
        assert_eq!(opened, plain);
        // Any flipped bit of the nonce, ciphertext or tag is refused.
        for at in [
            5,
            20,
            HEADER_LEN - 1,
            HEADER_LEN,
            HEADER_LEN + 2000,
            sealed.len() - 1,
        ] {
            let mut tampered = sealed.clone();
            tampered[at] ^= 0x40;
            assert_eq!(
                key.open_owned(tampered.clone(), &aad),
                Err(OpenError::Authentication)
            );
            assert_eq!(key.open(&tampered, &aad), Err(OpenError::Authentication));
        }
        let mut other_format = sealed.clone();
        other_format[0] = 2;
        assert_eq!(
            key.open_owned(other_format, &aad),
            Err(OpenError::UnknownFormat(2))
        );
        assert_eq!(
            key.open_owned(sealed[..SEALED_OVERHEAD - 1].to_vec(), &aad),
            Err(OpenError::Truncated)
        );
        // The shortest value: an empty plaintext.
        let empty = key.seal(b"", &aad);
        assert_eq!(empty.len(), SEALED_OVERHEAD);
        assert_eq!(key.open_owned(empty, &aad).unwrap(), b"");
    }

    /// draft-irtf-cfrg-xchacha-03, appendix A.3.1 (AEAD_XChaCha20_Poly1305).
    #[test]
    fn known_answer() {
        let mut key_bytes: [u8; 32] = std::array::from_fn(|i| 0x80 + i as u8);
        let key = DataKey::from_bytes(&mut key_bytes, 9);
        let nonce: [u8; NONCE_LEN] = std::array::from_fn(|i| 0x40 + i as u8);
        let aad = Aad(hex::decode("50515253c0c1c2c3c4c5c6c7").unwrap());
        let plaintext = b"Ladies and Gentlemen of the class of '99: If I could offer you \
            only one tip for the future, sunscreen would be it.";
        let expected = hex::decode(concat!(
            "bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb",
            "731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b452",
            "2f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff9",
            "21f9664c97637da9768812f615c68b13b52e",
            "c0875924c1c7987947deafd8780acf49",
        ))
        .unwrap();
        let sealed = key.seal_with_nonce(&nonce, plaintext, &aad);
        assert_eq!(sealed[0], FORMAT_V1);
        assert_eq!(sealed_key_version(&sealed).unwrap(), 9);
        assert_eq!(&sealed[5..HEADER_LEN], &nonce);
        assert_eq!(hex::encode(&sealed[HEADER_LEN..]), hex::encode(&expected));
        assert_eq!(key.open(&sealed, &aad).unwrap(), plaintext);
        assert_eq!(key.open_owned(sealed, &aad).unwrap(), plaintext);
    }

    /// Cross-check against RustCrypto's `XChaCha20Poly1305`, the implementation that sealed
    /// every value stored before: same bytes out, and each opens what the other sealed.
    mod rustcrypto {
        use super::*;
        use chacha20poly1305::aead::{Aead, KeyInit, Payload};
        use chacha20poly1305::{XChaCha20Poly1305, XNonce};
        use proptest::prelude::*;
        use rand::rngs::StdRng;
        use rand::{Rng, SeedableRng};

        /// Seals with both, compares, and opens each one's output with the other.
        fn check(key: &[u8; 32], nonce: &[u8; NONCE_LEN], aad: &[u8], plaintext: &[u8]) {
            let ours = DataKey {
                bytes: *key,
                version: 0x0102_0304,
            };
            let aad = Aad(aad.to_vec());
            let theirs = XChaCha20Poly1305::new(key.into());
            let payload = Payload {
                msg: plaintext,
                aad: aad.as_bytes(),
            };
            let their_body = theirs
                .encrypt(XNonce::from_slice(nonce), payload)
                .expect("encrypt");

            let sealed = ours.seal_with_nonce(nonce, plaintext, &aad);
            assert_eq!(sealed.len(), plaintext.len() + SEALED_OVERHEAD);
            assert!(
                sealed[HEADER_LEN..] == their_body[..],
                "ciphertext differs ({} B)",
                plaintext.len()
            );
            let payload = Payload {
                msg: &sealed[HEADER_LEN..],
                aad: aad.as_bytes(),
            };
            let opened = theirs
                .decrypt(XNonce::from_slice(nonce), payload)
                .expect("RustCrypto opens ours");
            assert!(opened == plaintext);

            let mut their_sealed = sealed[..HEADER_LEN].to_vec();
            their_sealed.extend_from_slice(&their_body);
            assert!(ours.open(&their_sealed, &aad).expect("we open theirs") == plaintext);
            assert!(ours.open_owned(their_sealed, &aad).expect("we open theirs") == plaintext);
        }

        fn random_case(rng: &mut StdRng, len: usize) {
            let key: [u8; 32] = rng.r#gen();
            let nonce: [u8; NONCE_LEN] = rng.r#gen();
            let mut aad = vec![0u8; rng.gen_range(0..=100)];
            rng.fill(&mut aad[..]);
            let mut plaintext = vec![0u8; len];
            rng.fill(&mut plaintext[..]);
            check(&key, &nonce, &aad, &plaintext);
        }

        /// Every length around the block sizes where the implementations change code paths
        /// (16-byte Poly1305 blocks, 64-byte ChaCha blocks, ring's 128/256/320/512-byte
        /// assembly branches), then random lengths up to 64 KiB.
        #[test]
        fn same_bytes_both_ways() {
            let mut rng = StdRng::seed_from_u64(0x0b17_c4a7);
            for len in 0..=600 {
                random_case(&mut rng, len);
            }
            for base in [1024usize, 4096, 16384, 65535] {
                for len in base - 17..=base + 1 {
                    random_case(&mut rng, len);
                }
            }
            for _ in 0..100 {
                let len = rng.gen_range(0..=65536);
                random_case(&mut rng, len);
            }
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]
            #[test]
            fn same_bytes_for_any_input(
                key in any::<[u8; 32]>(),
                nonce in any::<[u8; NONCE_LEN]>(),
                aad in proptest::collection::vec(any::<u8>(), 0..200),
                len in 0usize..=65536,
                seed in any::<u64>(),
            ) {
                let mut plaintext = vec![0u8; len];
                StdRng::seed_from_u64(seed).fill(&mut plaintext[..]);
                check(&key, &nonce, &aad, &plaintext);
            }
        }
    }
}
