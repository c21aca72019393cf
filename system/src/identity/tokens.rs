//! Access tokens: short-lived, signed, carrying account and session id.

use super::{Identity, IdentityError, Principal};
use crate::store::Database;

/// Signs and verifies access tokens with the instance's signing key.
pub(crate) struct Signer {
    _issuer: String,
}

impl Signer {
    pub(crate) async fn load_or_create(
        _db: &Database,
        issuer: String,
    ) -> Result<Signer, IdentityError> {
        Ok(Signer { _issuer: issuer })
    }
}

impl Identity {
    pub(crate) async fn authenticate_access_token(
        &self,
        _token: &str,
    ) -> Result<Principal, IdentityError> {
        Err(IdentityError::Unauthenticated(
            "access tokens are not implemented yet".into(),
        ))
    }
}
