//! The instance's federation identity: an Ed25519 key whose public half is its `did:key`
//! (the ssi family: `did-method-key` writes the DID, `ssi-jwk` and `ssi-multicodec` read one
//! back). The secret seed is kept in the instance's encrypted store like every other value
//! (`state.rs`); signatures are Ed25519 over exactly the bytes sent.

use did_method_key::DIDKey;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use ssi_jwk::{JWK, Params};
use ssi_multicodec::MultiEncoded;

use crate::error::FederationError;

/// The instance's signing key and the DID it answers to.
pub struct InstanceKey {
    signing: SigningKey,
    did: String,
}

impl std::fmt::Debug for InstanceKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InstanceKey")
            .field("did", &self.did)
            .finish_non_exhaustive()
    }
}

impl InstanceKey {
    /// A new random key.
    pub fn generate() -> InstanceKey {
        InstanceKey::from_seed(rand::random())
    }

    /// The key of a stored seed.
    pub fn from_seed(seed: [u8; 32]) -> InstanceKey {
        let signing = SigningKey::from_bytes(&seed);
        let did = did_of(&signing.verifying_key());
        InstanceKey { signing, did }
    }

    /// The seed to store (sealed by the store like every value).
    pub fn seed(&self) -> [u8; 32] {
        self.signing.to_bytes()
    }

    pub fn did(&self) -> &str {
        &self.did
    }

    /// The Ed25519 signature of `message`.
    pub fn sign(&self, message: &[u8]) -> Vec<u8> {
        self.signing.sign(message).to_bytes().to_vec()
    }
}

/// The `did:key` of an Ed25519 public key.
pub fn did_of(key: &VerifyingKey) -> String {
    let jwk = JWK::from(*key);
    DIDKey::generate(&jwk)
        .expect("an Ed25519 JWK always has a multicodec form")
        .to_string()
}

/// The Ed25519 public key a `did:key` names; anything else is a precise error.
pub fn verifying_key(did: &str) -> Result<VerifyingKey, FederationError> {
    let bad = |reason: &str| FederationError::MalformedDid {
        did: did.chars().take(120).collect(),
        reason: reason.to_owned(),
    };
    let id = did
        .strip_prefix("did:key:")
        .ok_or_else(|| bad("it does not start with did:key:"))?;
    let (base, bytes) = multibase::decode(id).map_err(|e| bad(&format!("not multibase: {e}")))?;
    if base != multibase::Base::Base58Btc {
        return Err(bad("not base58btc (a did:key starts with z)"));
    }
    let encoded = MultiEncoded::new(&bytes).map_err(|e| bad(&format!("not multicodec: {e}")))?;
    if encoded.codec() != ssi_multicodec::ED25519_PUB {
        return Err(bad("not an Ed25519 public key"));
    }
    let jwk = JWK::from_multicodec(encoded).map_err(|e| bad(&e.to_string()))?;
    let Params::OKP(params) = &jwk.params else {
        return Err(bad("not an Ed25519 public key"));
    };
    let bytes: [u8; 32] = params
        .public_key
        .0
        .as_slice()
        .try_into()
        .map_err(|_| bad("the key is not 32 bytes"))?;
    VerifyingKey::from_bytes(&bytes).map_err(|e| bad(&e.to_string()))
}

/// Checks that `signature` is `did`'s over `message`.
pub fn verify(did: &str, message: &[u8], signature: &[u8]) -> Result<(), FederationError> {
    let key = verifying_key(did)?;
    let signature =
        Signature::from_slice(signature).map_err(|_| FederationError::BadSignature {
            did: did.to_owned(),
        })?;
    key.verify(message, &signature)
        .map_err(|_| FederationError::BadSignature {
            did: did.to_owned(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_round_trips_through_its_did_and_signs() {
        let key = InstanceKey::generate();
        assert!(key.did().starts_with("did:key:z6Mk"), "{}", key.did());
        assert_eq!(InstanceKey::from_seed(key.seed()).did(), key.did());
        let signature = key.sign(b"hello");
        verify(key.did(), b"hello", &signature).unwrap();
        assert!(matches!(
            verify(key.did(), b"hellO", &signature),
            Err(FederationError::BadSignature { .. })
        ));
        let other = InstanceKey::generate();
        assert!(verify(other.did(), b"hello", &signature).is_err());
    }

    #[test]
    fn a_known_did_key_reads_back() {
        // The did:key spec's first Ed25519 example.
        let did = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";
        let key = verifying_key(did).unwrap();
        assert_eq!(did_of(&key), did);
    }

    #[test]
    fn malformed_dids_are_named() {
        for (did, reason) in [
            ("did:web:example.org", "did:key:"),
            ("did:key:6MkiTBz1y", "multibase"),
            ("did:key:fabcdef", "base58btc"),
            (
                "did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme",
                "Ed25519",
            ),
        ] {
            let error = verifying_key(did).unwrap_err().to_string();
            assert!(error.contains(reason), "{did}: {error}");
        }
        // The Ed25519 prefix with a key one byte short.
        let mut short = vec![0xed, 0x01];
        short.extend_from_slice(&[7; 31]);
        let did = format!(
            "did:key:{}",
            multibase::encode(multibase::Base::Base58Btc, short)
        );
        let error = verifying_key(&did).unwrap_err().to_string();
        assert!(error.contains("32 bytes"), "{did}: {error}");
    }
}
