//! API keys for the CLI and automation: created (the secret shown once, only its SHA-256
//! stored), listed, revoked; each scoped to an org or one project and given a role there.
//!
//! A secret reads `orbit_key_<key id>_<32 random bytes, base64url>`, so the key is found by
//! its id and checked by hash (compared in constant time). Keyspaces: `api_keys` (key id →
//! ApiKeyRecord) and `account_api_keys` (`<owner id>/<key id>` → empty, to list an owner's
//! keys), written in one transaction. A key acts with the lesser of its role and its owner's
//! current role in its scope (see `authz.rs`), so demoting or removing the owner demotes or
//! disables the key; an owner who no longer exists disables it entirely.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use orbit_proto::orbit::system::records::v1::ApiKeyRecord;
use orbit_proto::orbit::system::v1::Role;
use prost::Message;
use rand::RngCore as _;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq as _;
use zeroize::Zeroizing;

use super::authz::role_name;
use super::records::{load, now_ms};
use super::tenancy::{valid_id, valid_name};
use super::{AuditEntry, Credential, Identity, IdentityError, Principal, RequestContext};
use crate::store::{Expect, Transaction, new_id};

/// Every API key secret starts with this, so a bearer credential says what it is.
pub(crate) const API_KEY_PREFIX: &str = "orbit_key_";

const API_KEYS: &str = "api_keys";
const ACCOUNT_API_KEYS: &str = "account_api_keys";
/// Random bytes in a secret.
const SECRET_BYTES: usize = 32;

/// A key as created: its record and its secret, which is not kept anywhere else.
#[derive(Debug)]
pub struct NewApiKey {
    pub key: ApiKeyRecord,
    pub secret: Zeroizing<String>,
}

fn secret_hash(secret: &str) -> Vec<u8> {
    Sha256::digest(secret.as_bytes()).to_vec()
}

/// The key id of a well-formed secret.
fn secret_key_id(secret: &str) -> Option<&str> {
    let (id, random) = secret.strip_prefix(API_KEY_PREFIX)?.split_once('_')?;
    let well_formed = valid_id("api_key_id", id).is_ok()
        && random.len() == URL_SAFE_NO_PAD.encode([0; SECRET_BYTES]).len()
        && URL_SAFE_NO_PAD.decode(random).is_ok();
    well_formed.then_some(id)
}

fn account_key(owner: &str, key_id: &str) -> String {
    format!("{owner}/{key_id}")
}

impl Identity {
    /// `ApiKeyService.CreateApiKey`: a key for `org_id` (and `project_id`, if not empty) with
    /// `role`, which the caller must hold there itself. Only sessions create keys.
    pub async fn create_api_key(
        &self,
        caller: &RequestContext,
        name: &str,
        org_id: &str,
        project_id: &str,
        role: Role,
    ) -> Result<NewApiKey, IdentityError> {
        let principal = caller.require()?;
        if matches!(principal.credential, Credential::ApiKey { .. }) {
            return Err(IdentityError::PermissionDenied(
                "an api key cannot create api keys; sign in".into(),
            ));
        }
        let name = valid_name("name", name)?;
        let org_id = valid_id("org_id", org_id)?;
        let project_id = if project_id.is_empty() {
            None
        } else {
            Some(valid_id("project_id", project_id)?)
        };
        let allowed: &[Role] = match project_id {
            None => &[Role::OrgAdmin, Role::ProjectAdmin, Role::ProjectUser],
            Some(_) => &[Role::ProjectAdmin, Role::ProjectUser],
        };
        if !allowed.contains(&role) {
            return Err(IdentityError::invalid(
                "role",
                match project_id {
                    None => "must be ROLE_ORG_ADMIN, ROLE_PROJECT_ADMIN or ROLE_PROJECT_USER",
                    Some(_) => {
                        "must be ROLE_PROJECT_ADMIN or ROLE_PROJECT_USER (ROLE_ORG_ADMIN only for \
                         org-wide keys)"
                    }
                },
            ));
        }
        self.require_active(org_id, project_id).await?;
        // The key will act with its owner's membership roles (never sys-admin), so that is
        // what the requested role is measured against.
        let held = self.role_in_scope(principal, org_id, project_id).await?;
        let as_member = Principal {
            sys_admin: false,
            ..principal.clone()
        };
        let held_as_member = if principal.sys_admin {
            self.role_in_scope(&as_member, org_id, project_id)
                .await
                .ok()
        } else {
            Some(held)
        };
        let scope = match project_id {
            Some(project_id) => format!("project {project_id}"),
            None => format!("org {org_id}"),
        };
        match held_as_member {
            Some(held) if held >= role => {}
            Some(held) => {
                return Err(IdentityError::PermissionDenied(format!(
                    "a key cannot be given {} in {scope}: you are {}",
                    role_name(role),
                    role_name(held)
                )));
            }
            None => {
                return Err(IdentityError::PermissionDenied(format!(
                    "a key acts with its owner's membership roles and you hold none in {scope}"
                )));
            }
        }

        let id = new_id();
        let mut random = Zeroizing::new([0u8; SECRET_BYTES]);
        rand::rngs::OsRng.fill_bytes(random.as_mut());
        let secret = Zeroizing::new(format!(
            "{API_KEY_PREFIX}{id}_{}",
            URL_SAFE_NO_PAD.encode(random.as_ref())
        ));
        let key = ApiKeyRecord {
            id: id.clone(),
            name,
            owner_account_id: principal.account_id.clone(),
            org_id: org_id.to_owned(),
            project_id: project_id.unwrap_or_default().to_owned(),
            role: role as i32,
            secret_hash: secret_hash(&secret),
            created_at_ms: now_ms(),
            revoked: false,
        };
        let txn = Transaction::new()
            .put_if(API_KEYS, id.clone(), key.encode_to_vec(), Expect::Absent)
            .put_if(
                ACCOUNT_API_KEYS,
                account_key(&principal.account_id, &id),
                Vec::new(),
                Expect::Absent,
            );
        self.db().commit(caller.correlate(txn)).await?;
        self.audit(
            AuditEntry::new("api_key.created", &id)
                .actor(&principal.account_id)
                .org(org_id)
                .project(project_id.unwrap_or_default())
                .detail(format!("name {:?}, role {}", key.name, role_name(role)))
                .client(caller.client_address.as_deref()),
        )
        .await?;
        Ok(NewApiKey { key, secret })
    }

    /// `ApiKeyService.ListApiKeys`: the caller's keys, revoked ones included, oldest first.
    pub async fn list_api_keys(
        &self,
        caller: &RequestContext,
    ) -> Result<Vec<ApiKeyRecord>, IdentityError> {
        let principal = caller.require()?;
        let prefix = format!("{}/", principal.account_id);
        let mut keys = Vec::new();
        for record in self.scan_all(ACCOUNT_API_KEYS, &prefix).await? {
            let key = String::from_utf8_lossy(&record.key);
            let Some(key_id) = key.strip_prefix(&prefix) else {
                continue;
            };
            if let Some((key, _)) = load::<ApiKeyRecord>(self.db(), "api key", API_KEYS, key_id)
                .await?
                .filter(|(key, _)| key.owner_account_id == principal.account_id)
            {
                keys.push(key);
            }
        }
        Ok(keys)
    }

    /// `ApiKeyService.RevokeApiKey`: revokes one of the caller's keys (`NotFound` for
    /// anyone else's); revoking a revoked key changes nothing.
    pub async fn revoke_api_key(
        &self,
        caller: &RequestContext,
        key_id: &str,
    ) -> Result<ApiKeyRecord, IdentityError> {
        let principal = caller.require()?;
        let key_id = valid_id("api_key_id", key_id)?;
        let mut attempt = 0;
        let key = loop {
            let Some((mut key, version)) =
                load::<ApiKeyRecord>(self.db(), "api key", API_KEYS, key_id).await?
            else {
                return Err(IdentityError::not_found("api key", key_id));
            };
            if key.owner_account_id != principal.account_id {
                return Err(IdentityError::not_found("api key", key_id));
            }
            if key.revoked {
                return Ok(key);
            }
            key.revoked = true;
            let txn = Transaction::new().put_if(
                API_KEYS,
                key_id,
                key.encode_to_vec(),
                Expect::Version(version),
            );
            if self.try_commit(caller, txn, &mut attempt).await? {
                break key;
            }
        };
        self.audit(
            AuditEntry::new("api_key.revoked", key_id)
                .actor(&principal.account_id)
                .org(&key.org_id)
                .project(&key.project_id)
                .detail(format!("name {:?}", key.name))
                .client(caller.client_address.as_deref()),
        )
        .await?;
        Ok(key)
    }

    /// Resolves an API key secret to its principal: the owner, acting through the key.
    /// `Unauthenticated` for a malformed, unknown, wrong, revoked or orphaned key.
    pub(crate) async fn authenticate_api_key(
        &self,
        secret: &str,
    ) -> Result<Principal, IdentityError> {
        let invalid = || IdentityError::Unauthenticated("invalid api key".into());
        let key_id = secret_key_id(secret).ok_or_else(invalid)?;
        let (key, _) = load::<ApiKeyRecord>(self.db(), "api key", API_KEYS, key_id)
            .await?
            .ok_or_else(invalid)?;
        if !bool::from(secret_hash(secret).ct_eq(&key.secret_hash)) {
            return Err(invalid());
        }
        if key.revoked {
            return Err(IdentityError::Unauthenticated(format!(
                "api key {key_id} is revoked"
            )));
        }
        if self.account_record(&key.owner_account_id).await?.is_none() {
            return Err(IdentityError::Unauthenticated(format!(
                "the owner of api key {key_id} no longer exists"
            )));
        }
        let role = Role::try_from(key.role).map_err(|_| IdentityError::Corrupt {
            what: "api key",
            id: key_id.to_owned(),
            reason: format!("unknown role {}", key.role),
        })?;
        Ok(Principal {
            account_id: key.owner_account_id,
            sys_admin: false,
            credential: Credential::ApiKey {
                key_id: key.id,
                org_id: key.org_id,
                project_id: Some(key.project_id).filter(|p| !p.is_empty()),
                role,
            },
        })
    }

    async fn role_in_scope(
        &self,
        principal: &Principal,
        org_id: &str,
        project_id: Option<&str>,
    ) -> Result<Role, IdentityError> {
        match project_id {
            None => self.role_in_org(principal, org_id).await,
            Some(project_id) => {
                let role = self.role_in_project(principal, project_id).await?;
                // A project of another org than the one named: as unknown as any other.
                match self.project_record(project_id).await? {
                    Some(project) if project.org_id == org_id => Ok(role),
                    _ => Err(IdentityError::not_found("project", project_id)),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use orbit_proto::orbit::system::v1::Role;

    use super::*;
    use crate::identity::tenancy::testkit::{Env, allowed, caller, id, join_project};

    fn denied<T: std::fmt::Debug>(result: Result<T, IdentityError>) -> String {
        match result {
            Err(IdentityError::PermissionDenied(message)) => message,
            other => panic!("expected PermissionDenied, got {other:?}"),
        }
    }

    fn unauthenticated<T: std::fmt::Debug>(result: Result<T, IdentityError>) -> String {
        match result {
            Err(IdentityError::Unauthenticated(message)) => message,
            other => panic!("expected Unauthenticated, got {other:?}"),
        }
    }

    fn not_found<T: std::fmt::Debug>(result: Result<T, IdentityError>) {
        assert!(
            matches!(result, Err(IdentityError::NotFound { .. })),
            "expected NotFound, got {result:?}"
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn create_authenticate_list_and_revoke() {
        let env = Env::sqlite().await;
        let identity = &env.identity;
        let alice = env.account("alice@example.org", false).await;
        let bob = env.account("bob@example.org", false).await;
        let org = identity.create_org(&alice, "Org").await.unwrap();

        let created = identity
            .create_api_key(&alice, "ci", &org.id, "", Role::OrgAdmin)
            .await
            .unwrap();
        let key = &created.key;
        let secret = created.secret.as_str();
        let random = secret
            .strip_prefix(&format!("orbit_key_{}_", key.id))
            .expect("orbit_key_<id>_<random>");
        assert_eq!(URL_SAFE_NO_PAD.decode(random).unwrap().len(), 32);
        assert_eq!(key.secret_hash, Sha256::digest(secret.as_bytes()).to_vec());
        let stored = identity
            .db()
            .get(API_KEYS, key.id.as_bytes())
            .await
            .unwrap()
            .unwrap();
        assert!(
            !stored
                .value
                .windows(random.len())
                .any(|w| w == random.as_bytes()),
            "the secret itself is not stored"
        );

        let principal = identity.authenticate(secret).await.unwrap();
        assert_eq!(
            principal,
            Principal {
                account_id: id(&alice),
                sys_admin: false,
                credential: Credential::ApiKey {
                    key_id: key.id.clone(),
                    org_id: org.id.clone(),
                    project_id: None,
                    role: Role::OrgAdmin,
                },
            }
        );
        let as_key = caller(principal);
        allowed(identity, &as_key, "OrgService/RenameOrg", Some(&org.id))
            .await
            .unwrap();
        identity
            .rename_org(&as_key, &org.id, "Renamed by a key")
            .await
            .unwrap();

        let listed = identity.list_api_keys(&alice).await.unwrap();
        assert_eq!(listed, vec![key.clone()]);
        assert!(identity.list_api_keys(&bob).await.unwrap().is_empty());

        // Forged, garbage and tampered secrets.
        let mut tampered = secret.to_owned();
        let last = tampered.pop().unwrap();
        tampered.push(if last == 'A' { 'B' } else { 'A' });
        for bad in [
            tampered.as_str(),
            "orbit_key_",
            "orbit_key_nope",
            "orbit_key_01ARZ3NDEKTSV4RRFFQ69G5FAV_short",
            &format!("orbit_key_01ARZ3NDEKTSV4RRFFQ69G5FAV_{random}"),
            &format!("orbit_key_{}/x_{random}", key.id),
        ] {
            assert_eq!(
                unauthenticated(identity.authenticate(bad).await),
                "invalid api key",
                "{bad}"
            );
        }

        not_found(identity.revoke_api_key(&bob, &key.id).await);
        not_found(
            identity
                .revoke_api_key(&alice, "01ARZ3NDEKTSV4RRFFQ69G5FAV")
                .await,
        );
        let revoked = identity.revoke_api_key(&alice, &key.id).await.unwrap();
        assert!(revoked.revoked);
        assert_eq!(
            identity.revoke_api_key(&alice, &key.id).await.unwrap(),
            revoked
        );
        let message = unauthenticated(identity.authenticate(secret).await);
        assert!(message.contains("revoked"), "{message}");
        assert_eq!(identity.list_api_keys(&alice).await.unwrap(), vec![revoked]);

        let (events, _) = identity.audit_events(Some(&org.id), 0, 100).await.unwrap();
        let kinds: Vec<_> = events.iter().map(|e| e.kind.as_str()).collect();
        assert_eq!(
            kinds,
            [
                "org.created",
                "api_key.created",
                "org.renamed",
                "api_key.revoked"
            ]
        );
        assert!(events[1].detail.contains("org-admin"));
        env.close().await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_key_never_acts_above_its_owner_or_outside_its_scope() {
        let env = Env::sqlite().await;
        let identity = &env.identity;
        let admin = env.account("admin@example.org", false).await;
        let dave = env.account("dave@example.org", false).await;
        let outsider = env.account("outsider@example.org", false).await;
        let root = env.account("root@example.org", true).await;
        let org = identity.create_org(&admin, "Org").await.unwrap();
        let other_org = identity.create_org(&outsider, "Other").await.unwrap();
        let project = identity.create_project(&admin, &org.id, "P").await.unwrap();
        let sibling = identity
            .create_project(&admin, &org.id, "Sibling")
            .await
            .unwrap();
        let foreign = identity
            .create_project(&outsider, &other_org.id, "F")
            .await
            .unwrap();
        join_project(
            identity,
            &admin,
            &project.id,
            "dave@example.org",
            &dave,
            Role::ProjectUser,
        )
        .await
        .unwrap();

        // What a key may be given.
        let create = |who, org_id: &str, project_id: &str, role| {
            let (who, org_id, project_id) = (who, org_id.to_owned(), project_id.to_owned());
            async move {
                identity
                    .create_api_key(who, "key", &org_id, &project_id, role)
                    .await
            }
        };
        denied(create(&dave, &org.id, &project.id, Role::ProjectAdmin).await);
        denied(create(&dave, &org.id, "", Role::ProjectAdmin).await);
        denied(create(&dave, &org.id, "", Role::OrgAdmin).await);
        create(&dave, &org.id, &project.id, Role::ProjectUser)
            .await
            .unwrap();
        not_found(create(&dave, &org.id, &sibling.id, Role::ProjectUser).await);
        not_found(create(&dave, &other_org.id, "", Role::ProjectUser).await);
        not_found(create(&admin, &org.id, &foreign.id, Role::ProjectUser).await);
        not_found(create(&outsider, &org.id, &foreign.id, Role::ProjectUser).await);
        let message = denied(create(&root, &org.id, "", Role::ProjectUser).await);
        assert!(message.contains("hold none"), "{message}");
        for (project_id, role) in [
            (project.id.as_str(), Role::OrgAdmin),
            ("", Role::SysAdmin),
            ("", Role::Unspecified),
            ("", Role::Authenticated),
        ] {
            let result = create(&admin, &org.id, project_id, role).await;
            assert!(
                matches!(
                    result,
                    Err(IdentityError::InvalidArgument { field: "role", .. })
                ),
                "{role:?}: {result:?}"
            );
        }
        for (name, org_id) in [("", org.id.as_str()), ("ok", "")] {
            let result = identity
                .create_api_key(&admin, name, org_id, "", Role::OrgAdmin)
                .await;
            assert!(
                matches!(result, Err(IdentityError::InvalidArgument { .. })),
                "{result:?}"
            );
        }

        // A project key of an org-admin: project-admin in its project and nowhere else.
        let key = create(&admin, &org.id, &project.id, Role::ProjectAdmin)
            .await
            .unwrap();
        let as_key = caller(identity.authenticate(&key.secret).await.unwrap());
        for rpc in [
            "ProjectService/RenameProject",
            "MembershipService/SetProjectMember",
        ] {
            allowed(identity, &as_key, rpc, Some(&project.id))
                .await
                .unwrap();
            not_found(allowed(identity, &as_key, rpc, Some(&sibling.id)).await);
            not_found(allowed(identity, &as_key, rpc, Some(&foreign.id)).await);
        }
        denied(
            allowed(
                identity,
                &as_key,
                "ProjectService/ArchiveProject",
                Some(&project.id),
            )
            .await,
        );
        denied(
            allowed(
                identity,
                &as_key,
                "ProjectService/CreateProject",
                Some(&org.id),
            )
            .await,
        );
        allowed(identity, &as_key, "OrgService/GetOrg", Some(&org.id))
            .await
            .unwrap();
        not_found(allowed(identity, &as_key, "OrgService/GetOrg", Some(&other_org.id)).await);
        denied(allowed(identity, &as_key, "OrgService/CreateOrg", None).await);
        assert_eq!(
            identity
                .list_projects(&as_key, &org.id, true)
                .await
                .unwrap(),
            vec![project.clone()],
            "a project key lists only its project"
        );
        denied(
            identity
                .create_api_key(&as_key, "child", &org.id, &project.id, Role::ProjectUser)
                .await,
        );

        // An org-wide project-user key of an org-admin reads every project but changes none.
        let reader = create(&admin, &org.id, "", Role::ProjectUser)
            .await
            .unwrap();
        let as_reader = caller(identity.authenticate(&reader.secret).await.unwrap());
        for p in [&project, &sibling] {
            allowed(
                identity,
                &as_reader,
                "ProjectService/GetProject",
                Some(&p.id),
            )
            .await
            .unwrap();
            denied(
                allowed(
                    identity,
                    &as_reader,
                    "ProjectService/RenameProject",
                    Some(&p.id),
                )
                .await,
            );
        }
        assert_eq!(
            identity
                .list_projects(&as_reader, &org.id, true)
                .await
                .unwrap()
                .len(),
            2
        );

        // The owner is demoted, then removed: the key follows.
        identity
            .set_project_member(&admin, &project.id, "dave@example.org", Role::ProjectAdmin)
            .await
            .unwrap();
        let daves = create(&dave, &org.id, &project.id, Role::ProjectAdmin)
            .await
            .unwrap();
        let as_daves = identity.authenticate(&daves.secret).await.unwrap();
        assert_eq!(
            identity
                .role_in_project(&as_daves, &project.id)
                .await
                .unwrap(),
            Role::ProjectAdmin
        );
        identity
            .set_project_member(&admin, &project.id, "dave@example.org", Role::ProjectUser)
            .await
            .unwrap();
        assert_eq!(
            identity
                .role_in_project(&as_daves, &project.id)
                .await
                .unwrap(),
            Role::ProjectUser
        );
        denied(
            allowed(
                identity,
                &caller(as_daves.clone()),
                "ProjectService/RenameProject",
                Some(&project.id),
            )
            .await,
        );
        identity
            .remove_project_member(&admin, &project.id, &id(&dave))
            .await
            .unwrap();
        not_found(identity.role_in_project(&as_daves, &project.id).await);
        not_found(identity.role_in_org(&as_daves, &org.id).await);

        // An owner that no longer exists disables the key.
        identity.db().delete("accounts", id(&admin)).await.unwrap();
        let message = unauthenticated(identity.authenticate(&key.secret).await);
        assert!(message.contains("owner"), "{message}");
        env.close().await;
    }
}
