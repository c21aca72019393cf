//! What federation keeps, in the instance's own `federation` database (every value sealed
//! like any other): the instance key (`identity`), invitations this instance issued
//! (`invitation`, the secret only as its SHA-256), links (`link`) and refused events
//! (`dead`). A member link's high-water marks live elsewhere: in each module database, beside
//! the changes they count (`consumer.rs`).

use orbit_proto::orbit::federation::v1 as pb;
use orbit_system::store::{Database, Store};
use prost::Message;
use sha2::{Digest, Sha256};

use crate::did::InstanceKey;
use crate::error::FederationError;

/// The database's name (declared by the binary beside `system`, `views`, `relay`).
pub const FEDERATION_DATABASE: &str = "federation";
const IDENTITY: &str = "identity";
const INVITATION: &str = "invitation";
const LINK: &str = "link";
const DEAD: &str = "dead";

/// The federation database.
#[derive(Debug, Clone)]
pub(crate) struct State {
    db: Database,
}

fn decode<T: Message + Default>(what: &str, bytes: &[u8]) -> Result<T, FederationError> {
    T::decode(bytes).map_err(|e| FederationError::Corrupt(format!("{what}: {e}")))
}

/// The SHA-256 of an invitation secret, hex.
pub(crate) fn secret_hash(secret: &str) -> String {
    let digest = Sha256::digest(secret.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

impl State {
    pub(crate) async fn open(store: &Store) -> Result<State, FederationError> {
        Ok(State {
            db: store.database(FEDERATION_DATABASE).await?,
        })
    }

    /// The instance key, created on first use; and the DIDs it had before rotations.
    pub(crate) async fn instance_key(&self) -> Result<(InstanceKey, Vec<String>), FederationError> {
        let previous = match self.db.get(IDENTITY, b"previous").await? {
            Some(record) => String::from_utf8_lossy(&record.value)
                .lines()
                .map(str::to_owned)
                .collect(),
            None => Vec::new(),
        };
        if let Some(record) = self.db.get(IDENTITY, b"seed").await? {
            let seed: [u8; 32] =
                record.value.as_slice().try_into().map_err(|_| {
                    FederationError::Corrupt("the instance key is not 32 bytes".into())
                })?;
            return Ok((InstanceKey::from_seed(seed), previous));
        }
        let key = InstanceKey::generate();
        let created = self
            .db
            .commit(orbit_system::store::Transaction::new().put_if(
                IDENTITY,
                b"seed".to_vec(),
                key.seed().to_vec(),
                orbit_system::store::Expect::Absent,
            ))
            .await;
        match created {
            Ok(_) => {
                tracing::info!(did = key.did(), "federation identity created");
                Ok((key, previous))
            }
            // Another process created it first: use that one.
            Err(orbit_system::store::StoreError::Conflict { .. }) => {
                Box::pin(self.instance_key()).await
            }
            Err(error) => Err(error.into()),
        }
    }

    /// Replaces the instance key, keeping the old DID in the list of previous ones.
    pub(crate) async fn rotate_key(
        &self,
        old: &InstanceKey,
    ) -> Result<InstanceKey, FederationError> {
        let (_, mut previous) = self.instance_key().await?;
        previous.push(old.did().to_owned());
        let key = InstanceKey::generate();
        self.db
            .commit(
                orbit_system::store::Transaction::new()
                    .put(IDENTITY, b"seed".to_vec(), key.seed().to_vec())
                    .put(
                        IDENTITY,
                        b"previous".to_vec(),
                        previous.join("\n").into_bytes(),
                    ),
            )
            .await?;
        Ok(key)
    }

    pub(crate) async fn put_invitation(
        &self,
        invitation: &pb::Invitation,
    ) -> Result<(), FederationError> {
        let mut stored = invitation.clone();
        stored.secret = secret_hash(&invitation.secret);
        self.db
            .put(
                INVITATION,
                invitation.link_id.as_bytes(),
                stored.encode_to_vec(),
            )
            .await?;
        Ok(())
    }

    /// An issued invitation (its `secret` is the hash; empty once used).
    pub(crate) async fn invitation(
        &self,
        link_id: &str,
    ) -> Result<Option<(pb::Invitation, u64)>, FederationError> {
        match self.db.get(INVITATION, link_id.as_bytes()).await? {
            Some(record) => Ok(Some((decode("invitation", &record.value)?, record.version))),
            None => Ok(None),
        }
    }

    /// Marks an invitation used, if it still is at `version` (a second redeem loses).
    pub(crate) async fn use_invitation(
        &self,
        invitation: &pb::Invitation,
        version: u64,
    ) -> Result<bool, FederationError> {
        let mut used = invitation.clone();
        used.secret = String::new();
        let txn = orbit_system::store::Transaction::new().put_if(
            INVITATION,
            invitation.link_id.as_bytes().to_vec(),
            used.encode_to_vec(),
            orbit_system::store::Expect::Version(version),
        );
        match self.db.commit(txn).await {
            Ok(_) => Ok(true),
            Err(orbit_system::store::StoreError::Conflict { .. }) => Ok(false),
            Err(error) => Err(error.into()),
        }
    }

    pub(crate) async fn put_link(&self, link: &pb::Link) -> Result<(), FederationError> {
        self.db
            .put(LINK, link.id.as_bytes(), link.encode_to_vec())
            .await?;
        Ok(())
    }

    pub(crate) async fn link(&self, id: &str) -> Result<Option<pb::Link>, FederationError> {
        match self.db.get(LINK, id.as_bytes()).await? {
            Some(record) => Ok(Some(decode("link", &record.value)?)),
            None => Ok(None),
        }
    }

    /// The link through which this instance follows `project_id`, unless it was removed (a
    /// followed project has one).
    pub(crate) async fn member_link_of(
        &self,
        project_id: &str,
    ) -> Result<Option<pb::Link>, FederationError> {
        Ok(self.links().await?.into_iter().find(|l| {
            l.role == pb::LinkRole::Member as i32
                && l.project_id == project_id
                && l.state != pb::LinkState::Removed as i32
        }))
    }

    /// Every link, in id order.
    pub(crate) async fn links(&self) -> Result<Vec<pb::Link>, FederationError> {
        self.all(LINK, "", "link").await
    }

    /// Every value under `prefix` of `keyspace`, in key order, decoded as `what`.
    async fn all<T: Message + Default>(
        &self,
        keyspace: &str,
        prefix: &str,
        what: &str,
    ) -> Result<Vec<T>, FederationError> {
        self.db
            .scan_all(keyspace, prefix.as_bytes())
            .await?
            .iter()
            .map(|record| decode(what, &record.value))
            .collect()
    }

    /// Records a refused event under its org (the same event refused again replaces its
    /// letter).
    pub(crate) async fn put_dead_letter(
        &self,
        org_id: &str,
        letter: &pb::DeadLetter,
    ) -> Result<(), FederationError> {
        let key = format!("{org_id}/{}", letter.id);
        self.db
            .put(DEAD, key.into_bytes(), letter.encode_to_vec())
            .await?;
        Ok(())
    }

    /// The org's refused events, newest first.
    pub(crate) async fn dead_letters(
        &self,
        org_id: &str,
        limit: u32,
    ) -> Result<Vec<pb::DeadLetter>, FederationError> {
        let mut letters: Vec<pb::DeadLetter> =
            self.all(DEAD, &format!("{org_id}/"), "dead letter").await?;
        letters.sort_by(|a, b| {
            b.received_at_ms
                .cmp(&a.received_at_ms)
                .then(b.id.cmp(&a.id))
        });
        letters.truncate(limit as usize);
        Ok(letters)
    }
}

const PERSON: &str = "person";

impl State {
    /// Records (or renames) a person of a linked instance who changed `project_id`.
    pub(crate) async fn put_person(
        &self,
        project_id: &str,
        person: &pb::Person,
    ) -> Result<(), FederationError> {
        let key = format!("{project_id}/{}", person.account_id);
        if let Some(record) = self.db.get(PERSON, key.as_bytes()).await? {
            if decode::<pb::Person>("person", &record.value)? == *person {
                return Ok(());
            }
        }
        self.db
            .put(PERSON, key.into_bytes(), person.encode_to_vec())
            .await?;
        Ok(())
    }

    /// The people of linked instances who changed `project_id`.
    pub(crate) async fn people(
        &self,
        project_id: &str,
    ) -> Result<Vec<pb::Person>, FederationError> {
        self.all(PERSON, &format!("{project_id}/"), "person").await
    }
}
