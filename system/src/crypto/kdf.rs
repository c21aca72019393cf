//! Key-encryption keys derived from an operator passphrase with Argon2id.
//!
//! Parameters follow the OWASP recommendation (m = 19 MiB, t = 2, p = 1) and are stored next
//! to the salt, so a later change of defaults still opens existing instances.

use argon2::{Algorithm, Argon2, Params, Version};
use zeroize::Zeroizing;

use super::DataKey;

/// Argon2id cost parameters, as stored with an instance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KdfParams {
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
}

impl KdfParams {
    /// OWASP's Argon2id recommendation: 19 MiB memory, 2 iterations, 1 lane.
    pub const OWASP: KdfParams = KdfParams {
        memory_kib: 19 * 1024,
        iterations: 2,
        parallelism: 1,
    };

    /// Encoded as `m=..,t=..,p=..` for storage.
    pub fn encode(&self) -> String {
        format!(
            "m={},t={},p={}",
            self.memory_kib, self.iterations, self.parallelism
        )
    }

    pub fn decode(text: &str) -> Option<KdfParams> {
        let mut params = KdfParams {
            memory_kib: 0,
            iterations: 0,
            parallelism: 0,
        };
        for part in text.split(',') {
            let (name, value) = part.split_once('=')?;
            let value: u32 = value.parse().ok()?;
            match name {
                "m" => params.memory_kib = value,
                "t" => params.iterations = value,
                "p" => params.parallelism = value,
                _ => return None,
            }
        }
        (params.memory_kib > 0 && params.iterations > 0 && params.parallelism > 0).then_some(params)
    }
}

/// Fills `out` with Argon2id of `secret` and `salt` under `params`. Every Argon2id use in
/// Orbit (operator passphrases, account passwords) goes through here.
pub fn argon2id_into(
    secret: &[u8],
    salt: &[u8],
    params: KdfParams,
    out: &mut [u8],
) -> Result<(), argon2::Error> {
    let argon_params = Params::new(
        params.memory_kib,
        params.iterations,
        params.parallelism,
        Some(out.len()),
    )?;
    Argon2::new(Algorithm::Argon2id, Version::V0x13, argon_params)
        .hash_password_into(secret, salt, out)
}

/// Derives a key-encryption key (version 0) from a passphrase and salt.
pub fn derive_kek(
    passphrase: &[u8],
    salt: &[u8],
    params: KdfParams,
) -> Result<DataKey, argon2::Error> {
    let mut out = Zeroizing::new([0u8; 32]);
    argon2id_into(passphrase, salt, params, out.as_mut())?;
    Ok(DataKey::from_bytes(&mut out, 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params_round_trip() {
        assert_eq!(
            KdfParams::decode(&KdfParams::OWASP.encode()),
            Some(KdfParams::OWASP)
        );
        assert_eq!(KdfParams::decode("m=0,t=1,p=1"), None);
        assert_eq!(KdfParams::decode("garbage"), None);
    }

    #[test]
    fn same_input_same_key_other_input_other_key() {
        let cheap = KdfParams {
            memory_kib: 64,
            iterations: 1,
            parallelism: 1,
        };
        let a = derive_kek(b"pass", b"saltsaltsaltsalt", cheap).unwrap();
        let b = derive_kek(b"pass", b"saltsaltsaltsalt", cheap).unwrap();
        let c = derive_kek(b"pasS", b"saltsaltsaltsalt", cheap).unwrap();
        assert_eq!(a.expose(), b.expose());
        assert_ne!(a.expose(), c.expose());
    }
}
