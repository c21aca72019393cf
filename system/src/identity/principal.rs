//! Who is calling: the principal the auth layer resolved from the request's credential, and
//! the per-request context it hands to handlers through the request's extensions.

use orbit_proto::orbit::system::v1::Role;

/// An authenticated caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    /// The account acting (for an API key: its owner).
    pub account_id: String,
    /// Whether the account is a sys-admin (never true through an API key).
    pub sys_admin: bool,
    /// How the caller proved who it is.
    pub credential: Credential,
}

/// The credential a principal was resolved from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Credential {
    /// A signed access token of a live session.
    Session { session_id: String },
    /// An API key, which acts only inside its scope and never above `role` there.
    ApiKey {
        key_id: String,
        org_id: String,
        project_id: Option<String>,
        role: Role,
    },
}

impl Principal {
    /// The session id, for a session credential.
    pub fn session_id(&self) -> Option<&str> {
        match &self.credential {
            Credential::Session { session_id } => Some(session_id),
            Credential::ApiKey { .. } => None,
        }
    }
}

/// What the auth layer learned about a request, for its handler: the caller (if any) and the
/// client's address. Read it with `request.extensions().get::<RequestContext>()`.
#[derive(Debug, Clone, Default)]
pub struct RequestContext {
    pub principal: Option<Principal>,
    pub client_address: Option<String>,
}

impl RequestContext {
    /// The principal, or `Unauthenticated` (the auth layer already refuses anonymous calls
    /// to RPCs that need one, so this only fails if a declaration is wrong).
    pub fn require(&self) -> Result<&Principal, super::IdentityError> {
        self.principal
            .as_ref()
            .ok_or_else(|| super::IdentityError::Unauthenticated("sign in first".into()))
    }
}

impl super::Identity {
    /// Resolves a bearer credential (access token or API key) to its principal.
    /// `Unauthenticated` for anything expired, revoked, forged or malformed.
    pub async fn authenticate(&self, bearer: &str) -> Result<Principal, super::IdentityError> {
        if bearer.starts_with(super::api_keys::API_KEY_PREFIX) {
            self.authenticate_api_key(bearer).await
        } else {
            self.authenticate_access_token(bearer).await
        }
    }
}
