//! Reading and writing the protobuf records of the system database, and the clock they
//! carry their times in.

use prost::Message;

use super::IdentityError;
use crate::store::{Database, Record};

/// Milliseconds since the Unix epoch, now.
pub(crate) fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// A protobuf timestamp from milliseconds since the Unix epoch.
pub(crate) fn timestamp(ms: i64) -> prost_types::Timestamp {
    prost_types::Timestamp {
        seconds: ms.div_euclid(1000),
        nanos: (ms.rem_euclid(1000) * 1_000_000) as i32,
    }
}

/// Decodes a stored record, naming it on failure.
pub(crate) fn decode<M: Message + Default>(
    what: &'static str,
    id: &str,
    bytes: &[u8],
) -> Result<M, IdentityError> {
    M::decode(bytes).map_err(|e| IdentityError::Corrupt {
        what,
        id: id.to_owned(),
        reason: e.to_string(),
    })
}

/// Reads and decodes `keyspace/key`, with its version.
pub(crate) async fn load<M: Message + Default>(
    db: &Database,
    what: &'static str,
    keyspace: &str,
    key: &str,
) -> Result<Option<(M, u64)>, IdentityError> {
    match db.get(keyspace, key.as_bytes()).await? {
        Some(Record { version, value, .. }) => Ok(Some((decode(what, key, &value)?, version))),
        None => Ok(None),
    }
}
