//! API keys: created (secret shown once, stored hashed), listed, revoked; each scoped to an
//! org or project and a role.

use super::{Identity, IdentityError, Principal};

/// Every API key secret starts with this, so a bearer credential says what it is.
pub(crate) const API_KEY_PREFIX: &str = "orbit_key_";

impl Identity {
    pub(crate) async fn authenticate_api_key(
        &self,
        _secret: &str,
    ) -> Result<Principal, IdentityError> {
        Err(IdentityError::Unauthenticated(
            "api keys are not implemented yet".into(),
        ))
    }
}
