//! Signed messages between instances (`orbit.federation.v1.Signed`): what a control
//! message or an invitation carries is accepted only with a valid signature of the DID it
//! claims, over its kind and body.

use orbit_proto::orbit::federation::v1 as pb;
use prost::Message;

use crate::did::{InstanceKey, verify};
use crate::error::FederationError;

fn input(kind: &str, body: &[u8]) -> Vec<u8> {
    let mut input = Vec::with_capacity(kind.len() + 1 + body.len());
    input.extend_from_slice(kind.as_bytes());
    input.push(0);
    input.extend_from_slice(body);
    input
}

/// `message` as `kind`, signed by `key`.
pub(crate) fn seal(key: &InstanceKey, kind: &str, message: &impl Message) -> pb::Signed {
    let body = message.encode_to_vec();
    pb::Signed {
        kind: kind.to_owned(),
        signature: key.sign(&input(kind, &body)),
        body,
        from_did: key.did().to_owned(),
    }
}

/// Decodes a signed message's envelope from bytes off the wire.
pub(crate) fn envelope(bytes: &[u8]) -> Result<pb::Signed, FederationError> {
    pb::Signed::decode(bytes).map_err(|e| {
        FederationError::invalid("message", format!("not a signed Orbit message: {e}"))
    })
}

/// The body of `signed` if it is a `kind` signed by `from` (any signer when `None`).
pub(crate) fn open<T: Message + Default>(
    signed: &pb::Signed,
    kind: &str,
    from: Option<&str>,
) -> Result<T, FederationError> {
    if signed.kind != kind {
        return Err(FederationError::invalid(
            "kind",
            format!("expected {kind:?}, got {:?}", signed.kind),
        ));
    }
    if let Some(expected) = from {
        if signed.from_did != expected {
            return Err(FederationError::Refused(format!(
                "signed by {}, not by {expected}",
                signed.from_did
            )));
        }
    }
    verify(
        &signed.from_did,
        &input(&signed.kind, &signed.body),
        &signed.signature,
    )?;
    T::decode(signed.body.as_slice())
        .map_err(|e| FederationError::invalid("body", format!("not a {kind}: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_untouched_message_from_its_signer_opens() {
        let key = InstanceKey::generate();
        let change = pb::StateChange {
            link_id: "L".into(),
            state: pb::LinkState::Suspended as i32,
            ..Default::default()
        };
        let signed = seal(&key, "state", &change);
        let opened: pb::StateChange = open(&signed, "state", Some(key.did())).unwrap();
        assert_eq!(opened, change);
        let mut tampered = signed.clone();
        tampered.body[1] ^= 1;
        assert!(matches!(
            open::<pb::StateChange>(&tampered, "state", None),
            Err(FederationError::BadSignature { .. })
        ));
        let other = InstanceKey::generate();
        assert!(open::<pb::StateChange>(&signed, "state", Some(other.did())).is_err());
        assert!(open::<pb::StateChange>(&signed, "redeem", None).is_err());
        let mut relabelled = signed;
        relabelled.kind = "redeem".into();
        assert!(open::<pb::Redeem>(&relabelled, "redeem", None).is_err());
    }
}
