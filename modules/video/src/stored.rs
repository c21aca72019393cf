//! How video keeps its data in its own encrypted database `video`: keyspace names and key
//! builders. Only calls and who joined them are stored; signals never are, and presence lives
//! in memory (`presence.rs`).
//!
//! Keys hold only ids and times, never a title; every value is sealed by the store. Layout
//! (`<p>` project id, `<c>` call id, `<a>` participant id):
//! - `call`         `<p>/<c>`: the call (`orbit.video.v1.Call`, protobuf; its live
//!   `participant_count` is never stored);
//! - `call.history` `<p>/<20 digits: u64::MAX - created ms>/<c>`: newest first, the call id;
//! - `attendance`   `<p>/<c>/<a>`: one participation (`orbit.video.v1.Attendance`, protobuf),
//!   written when it joins and again when it leaves.

use crate::error::VideoError;

/// The module's name: its database, its change feed and its manifest name.
pub const VIDEO: &str = "video";

pub(crate) const CALLS: &str = "call";
pub(crate) const HISTORY: &str = "call.history";
pub(crate) const ATTENDANCE: &str = "attendance";

/// Entity names of the change events (the scope's `entity`).
pub(crate) const ENTITY_CALL: &str = "call";
pub(crate) const ENTITY_ATTENDANCE: &str = "attendance";

pub(crate) fn call_key(project_id: &str, call_id: &str) -> String {
    format!("{project_id}/{call_id}")
}

pub(crate) fn history_key(project_id: &str, created_at_ms: i64, call_id: &str) -> String {
    let newest_first = u64::MAX - u64::try_from(created_at_ms).unwrap_or(0);
    format!("{project_id}/{newest_first:020}/{call_id}")
}

pub(crate) fn attendance_key(project_id: &str, call_id: &str, participant_id: &str) -> String {
    format!("{project_id}/{call_id}/{participant_id}")
}

/// `<p>/<c>/`: the prefix of a call's attendances.
pub(crate) fn attendance_prefix(project_id: &str, call_id: &str) -> String {
    format!("{project_id}/{call_id}/")
}

/// Decodes a stored protobuf record.
pub(crate) fn decode<T: prost::Message + Default>(
    what: &'static str,
    key: &[u8],
    bytes: &[u8],
) -> Result<T, VideoError> {
    T::decode(bytes).map_err(|e| VideoError::corrupt(what, String::from_utf8_lossy(key), e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn history_keys_sort_newest_first() {
        let older = history_key("p", 1_000, "a");
        let newer = history_key("p", 2_000, "b");
        assert!(newer < older);
        assert!(older.starts_with("p/"));
    }
}
