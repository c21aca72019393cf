//! Invitation tokens: an `Invitation` signed by the inviting instance, as one
//! copy-and-paste string `orbit-invitation:<base64url>`. Anyone can read a token; only the
//! inviting instance can have made it, and its one-time secret works once.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use orbit_proto::orbit::federation::v1 as pb;
use prost::Message;

use crate::did::InstanceKey;
use crate::error::FederationError;
use crate::signed::{envelope, open, seal};

const PREFIX: &str = "orbit-invitation:";
const KIND: &str = "invitation";

/// The token of `invitation`, signed by `key` (the inviting instance's).
pub(crate) fn encode(key: &InstanceKey, invitation: &pb::Invitation) -> String {
    format!(
        "{PREFIX}{}",
        URL_SAFE_NO_PAD.encode(seal(key, KIND, invitation).encode_to_vec())
    )
}

/// The invitation a token carries, if the instance it names signed it. Expiry and the
/// intended instance are the acceptor's to check.
pub(crate) fn decode(token: &str) -> Result<pb::Invitation, FederationError> {
    let token = token.trim();
    let body = token.strip_prefix(PREFIX).ok_or_else(|| {
        FederationError::MalformedToken(format!("it does not start with {PREFIX}"))
    })?;
    let bytes = URL_SAFE_NO_PAD
        .decode(body)
        .map_err(|e| FederationError::MalformedToken(format!("not base64url: {e}")))?;
    let signed = envelope(&bytes).map_err(|e| FederationError::MalformedToken(e.to_string()))?;
    let invitation: pb::Invitation = match open(&signed, KIND, None) {
        Ok(invitation) => invitation,
        Err(FederationError::BadSignature { did }) => {
            return Err(FederationError::MalformedToken(format!(
                "it was changed after {did} signed it"
            )));
        }
        Err(error) => return Err(FederationError::MalformedToken(error.to_string())),
    };
    if invitation.did != signed.from_did {
        return Err(FederationError::MalformedToken(format!(
            "it names {} but was signed by {}",
            invitation.did, signed.from_did
        )));
    }
    Ok(invitation)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_round_trips_and_tampering_is_caught() {
        let key = InstanceKey::generate();
        let invitation = pb::Invitation {
            link_id: "L1".into(),
            did: key.did().into(),
            project_id: "P".into(),
            modules: vec!["chat".into()],
            expires_at_ms: 42,
            secret: "s3cret".into(),
            ..Default::default()
        };
        let token = encode(&key, &invitation);
        assert_eq!(decode(&format!(" {token}\n")).unwrap(), invitation);

        let mut bytes = URL_SAFE_NO_PAD.decode(&token[PREFIX.len()..]).unwrap();
        let n = bytes.len();
        bytes[n / 2] ^= 0x20;
        let tampered = format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(&bytes));
        let error = decode(&tampered).unwrap_err().to_string();
        assert!(error.contains("malformed"), "{error}");

        // Signed by someone else than the instance it names.
        let other = InstanceKey::generate();
        let forged = encode(&other, &invitation);
        assert!(
            decode(&forged)
                .unwrap_err()
                .to_string()
                .contains("signed by")
        );
        for garbage in ["", "orbit-invitation:", "orbit-invitation:!!!", "hello"] {
            assert!(
                matches!(decode(garbage), Err(FederationError::MalformedToken(_))),
                "{garbage}"
            );
        }
    }
}
