//! What tests of identity share: a fresh store (SQLite in a temp dir, or a fresh PostgreSQL
//! schema), accounts written directly as records, and the auth layer's decision for an RPC.
//!
//! Compiled only for tests (`#[cfg(test)]` on its `mod` line) and used by the tests of every
//! identity file, not only tenancy's. It must not hold assertions or scenarios (those belong
//! to the tests that use it) nor fake a decision: accounts are written as `accounts.rs`
//! writes them, and access is decided by the real [`Identity::authorize`] over the real
//! access table.

use std::sync::OnceLock;

use orbit_proto::access::{AccessTable, access_table};
use orbit_proto::orbit::system::records::v1::AccountRecord;
use orbit_proto::orbit::system::v1::Role;
use prost::Message;

use crate::crypto::KdfParams;
use crate::identity::accounts::{ACCOUNT_BY_EMAIL, ACCOUNTS, normalise_email};
use crate::identity::{
    Added, Credential, Identity, IdentityConfig, IdentityError, Member, Principal, RequestContext,
};
use crate::store::testdb::{drop_schema, fresh_schema, pg_url};
use crate::store::{Store, StoreConfig, StoreLocation, Unseal, new_id};

/// An open store and identity over it, removed again by [`Env::close`].
pub(crate) struct Env {
    pub(crate) store: Store,
    pub(crate) identity: Identity,
    pg_schema: Option<String>,
    _dir: tempfile::TempDir,
}

impl Env {
    pub(crate) async fn sqlite() -> Env {
        let dir = tempfile::tempdir().expect("temp dir");
        let location = StoreLocation::sqlite_in(dir.path());
        Env::open(dir, location, None).await
    }

    pub(crate) async fn postgres() -> Env {
        let dir = tempfile::tempdir().expect("temp dir");
        let schema = fresh_schema("orbit_test");
        let location = StoreLocation::Postgres {
            url: pg_url(),
            schema: Some(schema.clone()),
        };
        Env::open(dir, location, Some(schema)).await
    }

    async fn open(
        dir: tempfile::TempDir,
        location: StoreLocation,
        pg_schema: Option<String>,
    ) -> Env {
        let mut config =
            StoreConfig::new(location, Unseal::KeyFile(dir.path().join("instance.key")));
        config.full_sync = false;
        let store = Store::open(config).await.expect("store opens");
        let identity_config = IdentityConfig {
            kdf: KdfParams {
                memory_kib: 64,
                iterations: 1,
                parallelism: 1,
            },
            ..Default::default()
        };
        let identity = Identity::open(&store, identity_config)
            .await
            .expect("identity opens");
        Env {
            store,
            identity,
            pg_schema,
            _dir: dir,
        }
    }

    /// A signed-in caller: an account (sys-admin or not) written as records, as
    /// `accounts.rs` writes them, with its e-mail index entry.
    pub(crate) async fn account(&self, email: &str, sys_admin: bool) -> RequestContext {
        let id = new_id();
        let normalised = normalise_email(email).expect("an e-mail address");
        let record = AccountRecord {
            id: id.clone(),
            email: normalised.clone(),
            display_name: format!("Name of {normalised}"),
            sys_admin,
            ..Default::default()
        };
        let db = self.identity.db();
        db.put(ACCOUNTS, id.clone(), record.encode_to_vec())
            .await
            .expect("account written");
        let index = self.identity.email_index(&normalised);
        db.put(ACCOUNT_BY_EMAIL, index, id.clone())
            .await
            .expect("e-mail index written");
        caller(Principal {
            account_id: id,
            sys_admin,
            credential: Credential::Session {
                session_id: new_id(),
            },
        })
    }

    pub(crate) async fn close(self) {
        self.store.close().await;
        if let Some(schema) = self.pg_schema {
            drop_schema(&schema).await;
        }
    }
}

/// A request context for `principal`.
pub(crate) fn caller(principal: Principal) -> RequestContext {
    RequestContext {
        principal: Some(principal),
        client_address: Some("127.0.0.1".into()),
        request_id: new_id(),
    }
}

/// The account id of a caller.
pub(crate) fn id(caller: &RequestContext) -> String {
    caller
        .principal
        .as_ref()
        .expect("signed in")
        .account_id
        .clone()
}

/// What the auth layer answers `caller` for the RPC `Service/Method` (of
/// `orbit.system.v1`) whose scope field holds `scope_id`.
pub(crate) async fn allowed(
    identity: &Identity,
    caller: &RequestContext,
    rpc: &str,
    scope_id: Option<&str>,
) -> Result<(), IdentityError> {
    static TABLE: OnceLock<AccessTable> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        access_table(orbit_proto::FILE_DESCRIPTOR_SET).expect("valid declarations")
    });
    let access = table
        .get(&format!("/orbit.system.v1.{rpc}"))
        .unwrap_or_else(|| panic!("no rpc {rpc}"));
    identity
        .authorize(caller.principal.as_ref(), access, scope_id)
        .await
}

/// Gives `invitee` (whose address is `email`) `role` in `project_id` the way people join:
/// `admin` adds the address, and the invitee accepts the invitation that opens.
pub(crate) async fn join_project(
    identity: &Identity,
    admin: &RequestContext,
    project_id: &str,
    email: &str,
    invitee: &RequestContext,
    role: Role,
) -> Result<Member, IdentityError> {
    let added = identity
        .set_project_member(admin, project_id, email, role)
        .await?;
    accepted(identity, invitee, added).await
}

/// Makes `invitee` (whose address is `email`) an org-admin of `org_id` the way people join:
/// `admin` adds the address, and the invitee accepts the invitation that opens.
pub(crate) async fn join_org(
    identity: &Identity,
    admin: &RequestContext,
    org_id: &str,
    email: &str,
    invitee: &RequestContext,
) -> Result<Member, IdentityError> {
    let added = identity.add_org_admin(admin, org_id, email).await?;
    accepted(identity, invitee, added).await
}

/// The membership `added` gave, accepting its invitation as `invitee` if it opened one.
async fn accepted(
    identity: &Identity,
    invitee: &RequestContext,
    added: Added,
) -> Result<Member, IdentityError> {
    match added {
        Added::Member(member) => Ok(member),
        Added::Invited(invitation) => {
            identity
                .accept_invitation(invitee, &invitation.record.id)
                .await
        }
    }
}
