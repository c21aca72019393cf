//! Keyed blind indexes: HMAC-SHA256 of a normalised field value, so equality lookups on an
//! encrypted field (an e-mail address, say) never need its plaintext in a column.
//!
//! The field name is part of the MAC input, so the same value in two fields gives two
//! unrelated indexes.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::DataKey;

/// The key blind indexes of one database are computed with. Not rotated with data keys,
/// because changing it would orphan every stored index.
#[derive(Debug, Clone)]
pub struct BlindKey(DataKey);

/// A blind index value: 32 bytes, safe to store and compare in plaintext.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BlindIndex(pub [u8; 32]);

impl BlindKey {
    pub fn new(key: DataKey) -> Self {
        BlindKey(key)
    }

    /// The index of `value` in `field`.
    pub fn index(&self, field: &str, value: &[u8]) -> BlindIndex {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(self.0.expose())
            .expect("hmac takes any key length");
        mac.update(&(field.len() as u32).to_be_bytes());
        mac.update(field.as_bytes());
        mac.update(value);
        BlindIndex(mac.finalize().into_bytes().into())
    }
}

impl BlindIndex {
    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_field_separated() {
        let key = BlindKey::new(DataKey::generate(0));
        assert_eq!(key.index("email", b"a@b.c"), key.index("email", b"a@b.c"));
        assert_ne!(key.index("email", b"a@b.c"), key.index("name", b"a@b.c"));
        let other = BlindKey::new(DataKey::generate(0));
        assert_ne!(key.index("email", b"a@b.c"), other.index("email", b"a@b.c"));
    }
}
