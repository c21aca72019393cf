//! The relay's signer: every change event the outbox relay publishes carries this instance's
//! DID and its Ed25519 signature (`orbit_cdc::relay::signing_input`), with the key current at
//! publishing time (a rotation takes effect at once).

use std::sync::{Arc, RwLock};

use orbit_cdc::relay::EventSigner;

use crate::did::InstanceKey;

/// Signs with the instance's current key.
#[derive(Debug, Clone)]
pub(crate) struct RelaySigner {
    pub(crate) key: Arc<RwLock<Arc<InstanceKey>>>,
}

impl EventSigner for RelaySigner {
    fn origin(&self) -> String {
        self.key.read().expect("key lock").did().to_owned()
    }

    fn sign(&self, input: &[u8]) -> Vec<u8> {
        self.key.read().expect("key lock").sign(input)
    }
}
