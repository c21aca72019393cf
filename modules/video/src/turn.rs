//! TURN credentials in the time-limited REST form that coturn checks with
//! `use-auth-secret` / `static-auth-secret`: user name `<expiry unix seconds>:<account id>`,
//! password `base64(HMAC-SHA1(secret, user name))`. Nothing is stored: coturn recomputes the
//! password from the user name and the shared secret, and refuses a user name whose expiry
//! has passed.
//!
//! Rotation: credentials are minted with the first configured secret; a second one is the
//! secret being retired. coturn must accept both while credentials minted with the old one
//! are alive (coturn tries every secret of its `turn_secret` database table, where
//! `turnadmin --set-secret` adds one; a single `static-auth-secret` line holds only one), so
//! the order is: give coturn the new secret too, then Orbit
//! `[new, old]`, then, one credential lifetime later, drop the old one from both.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, Mac};
use sha1::Sha1;
use zeroize::Zeroizing;

/// A minted TURN credential.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TurnCredential {
    /// `<expiry unix seconds>:<account id>`.
    pub username: String,
    /// `base64(HMAC-SHA1(secret, username))`.
    pub password: String,
    /// When it stops working.
    pub expires_at: SystemTime,
}

/// The password of `username` under `secret`.
pub fn password(secret: &[u8], username: &str) -> String {
    let mut mac = Hmac::<Sha1>::new_from_slice(secret).expect("HMAC takes a key of any length");
    mac.update(username.as_bytes());
    STANDARD.encode(mac.finalize().into_bytes())
}

/// A credential for `account_id`, valid for `lifetime` from `now`, minted with the first of
/// `secrets` (`None` without a secret).
pub fn mint(
    secrets: &[Zeroizing<Vec<u8>>],
    account_id: &str,
    now: SystemTime,
    lifetime: Duration,
) -> Option<TurnCredential> {
    let secret = secrets.first()?;
    let expires_at = now + lifetime;
    let expiry = expires_at
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let username = format!("{expiry}:{account_id}");
    Some(TurnCredential {
        password: password(secret, &username),
        username,
        expires_at: UNIX_EPOCH + Duration::from_secs(expiry),
    })
}

/// What coturn checks: the user name has not expired at `now` and the password is its HMAC
/// under one of `secrets`. Orbit never needs this itself; it states the contract (and tests
/// rotation) in one place.
pub fn verify(
    secrets: &[Zeroizing<Vec<u8>>],
    username: &str,
    password_given: &str,
    now: SystemTime,
) -> bool {
    let Some((expiry, _)) = username.split_once(':') else {
        return false;
    };
    let Ok(expiry) = expiry.parse::<u64>() else {
        return false;
    };
    let now = now.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    if expiry <= now {
        return false;
    }
    let Ok(given) = STANDARD.decode(password_given) else {
        return false;
    };
    secrets.iter().any(|secret| {
        let mut mac = Hmac::<Sha1>::new_from_slice(secret).expect("HMAC takes a key of any length");
        mac.update(username.as_bytes());
        mac.verify_slice(&given).is_ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secrets(values: &[&str]) -> Vec<Zeroizing<Vec<u8>>> {
        values
            .iter()
            .map(|s| Zeroizing::new(s.as_bytes().to_vec()))
            .collect()
    }

    /// The scheme of the TURN REST API draft (draft-uberti-behave-turn-rest-00, section 2.2);
    /// the expected value was computed independently with `openssl dgst -sha1 -hmac`.
    #[test]
    fn password_is_base64_of_hmac_sha1() {
        // printf '1700000000:alice' | openssl dgst -sha1 -hmac 'north' -binary | base64
        assert_eq!(
            password(b"north", "1700000000:alice"),
            "Cd/49soE35ICqcJF/bCTn8Z4OyE="
        );
    }

    #[test]
    fn minted_credentials_carry_expiry_and_account_and_verify() {
        let now = UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        let s = secrets(&["new", "old"]);
        let credential = mint(&s, "01ACCOUNT", now, Duration::from_secs(3600)).unwrap();
        assert_eq!(credential.username, "1700003600:01ACCOUNT");
        assert_eq!(credential.password, password(b"new", &credential.username));
        assert!(verify(&s, &credential.username, &credential.password, now));
        // Expired.
        let later = now + Duration::from_secs(3601);
        assert!(!verify(
            &s,
            &credential.username,
            &credential.password,
            later
        ));
        // Tampered user name.
        assert!(!verify(
            &s,
            "1800000000:01ACCOUNT",
            &credential.password,
            now
        ));
        assert!(mint(&[], "a", now, Duration::from_secs(60)).is_none());
    }

    /// Credentials minted before a rotation keep working while both secrets are accepted.
    #[test]
    fn rotation_keeps_earlier_credentials_valid() {
        let now = UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        let before = mint(&secrets(&["old"]), "a", now, Duration::from_secs(600)).unwrap();
        let after = mint(
            &secrets(&["new", "old"]),
            "a",
            now,
            Duration::from_secs(600),
        )
        .unwrap();
        let coturn = secrets(&["new", "old"]);
        assert!(verify(&coturn, &before.username, &before.password, now));
        assert!(verify(&coturn, &after.username, &after.password, now));
        assert!(!verify(
            &secrets(&["new"]),
            &before.username,
            &before.password,
            now
        ));
    }
}
