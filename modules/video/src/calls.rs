//! Call rooms: create, read (with who is in them), list, close, and the history of calls
//! with who joined them. Every write is one transaction with the project's scope; closing is
//! compare-and-set on the call's version and then ends everybody's participation.

use orbit_proto::orbit::system::v1::Role;
use orbit_proto::orbit::video::v1 as pb;
use orbit_system::identity::RequestContext;
use orbit_system::store::{Expect, Transaction, new_id};
use prost::Message as _;

use crate::error::VideoError;
use crate::presence::Departure;
use crate::stored::{
    ATTENDANCE, CALLS, ENTITY_ATTENDANCE, ENTITY_CALL, HISTORY, attendance_key, attendance_prefix,
    call_key, decode, history_key,
};
use crate::video::{ATTEMPTS, Video, is_conflict, now_ms, valid_id};

/// Longest call title, in characters.
pub const MAX_TITLE_CHARS: usize = 100;
/// History entries per page unless asked, and at most.
const HISTORY_PAGE: u32 = 20;
const MAX_HISTORY_PAGE: u32 = 100;
/// Attendances listed per call in the history.
const MAX_ATTENDANCES: u32 = 1000;

impl Video {
    /// `VideoService.CreateCall`.
    #[tracing::instrument(skip_all, fields(%project_id))]
    pub async fn create_call(
        &self,
        caller: &RequestContext,
        project_id: &str,
        title: &str,
        max_participants: u32,
    ) -> Result<pb::Call, VideoError> {
        let project_id = valid_id("project_id", project_id)?;
        let title = valid_title(title)?;
        let limit = self.config.max_participants;
        let max_participants = match max_participants {
            0 => limit,
            n if (2..=limit).contains(&n) => n,
            n => {
                return Err(VideoError::invalid(
                    "max_participants",
                    format!("{n} is not between 2 and this server's limit of {limit}"),
                ));
            }
        };
        let scope = self.scope(project_id, ENTITY_CALL).await?;
        let call = pb::Call {
            id: new_id(),
            project_id: project_id.to_owned(),
            title,
            state: pb::CallState::Open as i32,
            created_by: Video::me(caller)?,
            created_at_ms: now_ms(),
            max_participants,
            ..Default::default()
        };
        let txn = Transaction::new()
            .put_if(
                CALLS,
                call_key(project_id, &call.id),
                call.encode_to_vec(),
                Expect::Absent,
            )
            .put_if(
                HISTORY,
                history_key(project_id, call.created_at_ms, &call.id),
                call.id.clone(),
                Expect::Absent,
            );
        let receipt = self.commit(caller, txn, &scope).await?;
        tracing::debug!(call_id = %call.id, "call created");
        Ok(pb::Call {
            version: receipt.version().unwrap_or_default(),
            ..call
        })
    }

    /// Reads a call of `project_id` (`NotFound` naming `call_id`), with its live count.
    pub(crate) async fn load_call(
        &self,
        project_id: &str,
        call_id: &str,
    ) -> Result<pb::Call, VideoError> {
        let project_id = valid_id("project_id", project_id)?;
        let call_id = valid_id("call_id", call_id)?;
        let key = call_key(project_id, call_id);
        let record = self
            .db
            .get(CALLS, key.as_bytes())
            .await?
            .ok_or_else(|| VideoError::not_found("call_id", "call", call_id))?;
        let mut call: pb::Call = decode("call", &record.key, &record.value)?;
        call.version = record.version;
        call.participant_count = self.presence.count(&call.id);
        Ok(call)
    }

    /// `VideoService.GetCall`: the call and who is in it.
    pub async fn get_call(
        &self,
        project_id: &str,
        call_id: &str,
    ) -> Result<(pb::Call, Vec<pb::Participant>), VideoError> {
        let call = self.load_call(project_id, call_id).await?;
        let participants = self.presence.participants(&call.project_id, &call.id);
        Ok((call, participants))
    }

    /// `VideoService.ListCalls`: the project's calls, oldest first, closed ones only if asked.
    pub async fn list_calls(
        &self,
        project_id: &str,
        include_closed: bool,
    ) -> Result<Vec<pb::Call>, VideoError> {
        let project_id = valid_id("project_id", project_id)?;
        let prefix = format!("{project_id}/");
        let mut calls = Vec::new();
        let mut after: Option<Vec<u8>> = None;
        loop {
            let page = self
                .db
                .scan(CALLS, prefix.as_bytes(), after.as_deref(), 500)
                .await?;
            for record in page.records {
                let mut call: pb::Call = decode("call", &record.key, &record.value)?;
                if !include_closed && call.state == pb::CallState::Closed as i32 {
                    continue;
                }
                call.version = record.version;
                call.participant_count = self.presence.count(&call.id);
                calls.push(call);
            }
            match page.next {
                Some(next) => after = Some(next),
                None => return Ok(calls),
            }
        }
    }

    /// `VideoService.CloseCall`: its creator or a project admin. Everybody in it is told and
    /// removed, and their participations end in the history.
    #[tracing::instrument(skip_all, fields(%project_id, %call_id))]
    pub async fn close_call(
        &self,
        caller: &RequestContext,
        project_id: &str,
        call_id: &str,
    ) -> Result<pb::Call, VideoError> {
        let me = Video::me(caller)?;
        for _ in 0..ATTEMPTS {
            let call = self.load_call(project_id, call_id).await?;
            if call.state == pb::CallState::Closed as i32 {
                return Err(VideoError::FailedPrecondition(format!(
                    "call_id: call {call_id} is already closed"
                )));
            }
            if call.created_by != me && self.role(caller, project_id).await? < Role::ProjectAdmin {
                return Err(VideoError::PermissionDenied(format!(
                    "call_id: only its creator or a project admin may close call {call_id}"
                )));
            }
            let scope = self.scope(project_id, ENTITY_CALL).await?;
            let closed = pb::Call {
                state: pb::CallState::Closed as i32,
                ended_at_ms: now_ms(),
                closed_by: me.clone(),
                participant_count: 0,
                version: 0,
                ..call.clone()
            };
            let txn = Transaction::new().put_if(
                CALLS,
                call_key(&call.project_id, &call.id),
                closed.encode_to_vec(),
                Expect::Version(call.version),
            );
            match self.commit(caller, txn, &scope).await {
                Ok(receipt) => {
                    // After the commit: a join that slips in before this sees the call
                    // closed when it reads it again and leaves.
                    let departures = self.presence.close(&call.id, &me);
                    self.record(caller, &departures).await?;
                    tracing::debug!(participants = departures.len(), "call closed");
                    return Ok(pb::Call {
                        version: receipt.version().unwrap_or_default(),
                        ..closed
                    });
                }
                Err(error) if is_conflict(&error) => continue,
                Err(error) => return Err(error.into()),
            }
        }
        Err(VideoError::Contended {
            what: "call",
            id: call_id.to_owned(),
        })
    }

    /// Records that participants left (one transaction per project scope; usually one).
    pub(crate) async fn record(
        &self,
        caller: &RequestContext,
        departures: &[Departure],
    ) -> Result<(), VideoError> {
        let Some(first) = departures.first() else {
            return Ok(());
        };
        let mut txn = Transaction::new();
        for departure in departures {
            txn = txn.put(
                ATTENDANCE,
                attendance_key(
                    &departure.scope.project_id,
                    &departure.call_id,
                    &departure.attendance.participant_id,
                ),
                departure.attendance.encode_to_vec(),
            );
        }
        let scope = orbit_system::store::EventScope {
            entity: ENTITY_ATTENDANCE.to_owned(),
            ..first.scope.clone()
        };
        self.commit(caller, txn, &scope).await?;
        Ok(())
    }

    /// Closes every attendance still open, as DISCONNECTED now: run at start, when nobody can
    /// be in a call yet (presence lives in memory), so these are the participants of a
    /// process that stopped without recording their departure (a crash, a kill). Returns
    /// how many were closed.
    pub(crate) async fn close_stale_attendances(&self) -> Result<u64, VideoError> {
        let mut stale: Vec<(String, String, pb::Attendance)> = Vec::new();
        let mut after: Option<Vec<u8>> = None;
        loop {
            let page = self.db.scan(ATTENDANCE, b"", after.as_deref(), 500).await?;
            for record in page.records {
                let attendance: pb::Attendance = decode("attendance", &record.key, &record.value)?;
                if attendance.left_at_ms == 0 {
                    let key = String::from_utf8_lossy(&record.key).into_owned();
                    let mut parts = key.splitn(3, '/');
                    if let (Some(project), Some(call)) = (parts.next(), parts.next()) {
                        stale.push((project.to_owned(), call.to_owned(), attendance));
                    }
                }
            }
            match page.next {
                Some(next) => after = Some(next),
                None => break,
            }
        }
        let closed = stale.len() as u64;
        stale.sort_by(|a, b| a.0.cmp(&b.0));
        let now = now_ms();
        for group in stale.chunk_by(|a, b| a.0 == b.0) {
            let project = &group[0].0;
            let scope = match self.scope(project, ENTITY_ATTENDANCE).await {
                Ok(scope) => scope,
                Err(error) => {
                    // An archived project takes no writes; its history keeps the open rows.
                    tracing::warn!(%project, %error, "stale attendances left open");
                    continue;
                }
            };
            let mut txn = Transaction::new();
            for (project, call, attendance) in group {
                let mut attendance = attendance.clone();
                attendance.left_at_ms = now;
                attendance.reason = pb::LeaveReason::Disconnected as i32;
                txn = txn.put(
                    ATTENDANCE,
                    attendance_key(project, call, &attendance.participant_id),
                    attendance.encode_to_vec(),
                );
            }
            self.commit(&RequestContext::default(), txn, &scope).await?;
        }
        Ok(closed)
    }

    /// `VideoService.ListCallHistory`: calls newest first with their attendances.
    pub async fn call_history(
        &self,
        project_id: &str,
        page_size: i32,
        page_token: &str,
    ) -> Result<(Vec<pb::CallHistoryEntry>, String), VideoError> {
        let project_id = valid_id("project_id", project_id)?;
        let size = match page_size {
            n if n < 0 => {
                return Err(VideoError::invalid(
                    "page_size",
                    format!("{n} is negative; use 1-{MAX_HISTORY_PAGE}, or 0 for {HISTORY_PAGE}"),
                ));
            }
            0 => HISTORY_PAGE,
            n => (n as u32).min(MAX_HISTORY_PAGE),
        };
        let prefix = format!("{project_id}/");
        let after = match page_token {
            "" => None,
            token => {
                let ok = token.starts_with(&prefix)
                    && token.len() <= 200
                    && token
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'/' || b == b'-' || b == b'_');
                if !ok {
                    return Err(VideoError::invalid(
                        "page_token",
                        "is not a token this project's history returned",
                    ));
                }
                Some(token.as_bytes().to_vec())
            }
        };
        // One more than asked, to know whether another page follows.
        let mut records = self
            .db
            .scan(HISTORY, prefix.as_bytes(), after.as_deref(), size + 1)
            .await?
            .records;
        let more = records.len() > size as usize;
        records.truncate(size as usize);
        let mut entries = Vec::with_capacity(records.len());
        for record in &records {
            let call_id = String::from_utf8_lossy(&record.value).into_owned();
            let call = self.load_call(project_id, &call_id).await?;
            let attendances = self.attendances(project_id, &call_id).await?;
            entries.push(pb::CallHistoryEntry {
                call: Some(call),
                attendances,
            });
        }
        let next = match records.last() {
            Some(last) if more => String::from_utf8_lossy(&last.key).into_owned(),
            _ => String::new(),
        };
        Ok((entries, next))
    }

    /// A call's participations, in order of joining.
    async fn attendances(
        &self,
        project_id: &str,
        call_id: &str,
    ) -> Result<Vec<pb::Attendance>, VideoError> {
        let prefix = attendance_prefix(project_id, call_id);
        let page = self
            .db
            .scan(ATTENDANCE, prefix.as_bytes(), None, MAX_ATTENDANCES)
            .await?;
        page.records
            .iter()
            .map(|record| decode("attendance", &record.key, &record.value))
            .collect()
    }
}

/// A title: trimmed, 1-100 characters, no control characters.
pub(crate) fn valid_title(title: &str) -> Result<String, VideoError> {
    let title = title.trim();
    if title.is_empty() {
        return Err(VideoError::invalid("title", "must not be empty"));
    }
    let chars = title.chars().count();
    if chars > MAX_TITLE_CHARS {
        return Err(VideoError::invalid(
            "title",
            format!("{chars} characters is over the limit of {MAX_TITLE_CHARS}"),
        ));
    }
    if title.chars().any(char::is_control) {
        return Err(VideoError::invalid(
            "title",
            "must not contain control characters",
        ));
    }
    Ok(title.to_owned())
}
