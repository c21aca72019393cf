//! Being in a call: join (a slot under the call's size limit, recorded in the history),
//! connect (the participant's one stream of everything addressed to it), leave, media state
//! and the signalling relay. Signals are checked (sender is the caller's own participant,
//! addressee in the same call, sizes) and queued for the addressee only; never stored.

use std::pin::Pin;
use std::time::Duration;

use futures::{Stream, StreamExt, stream};
use orbit_proto::orbit::video::v1 as pb;
use orbit_system::identity::RequestContext;
use orbit_system::store::{Expect, Transaction};
use prost::Message as _;
use tokio::sync::mpsc;

use crate::error::VideoError;
use crate::presence::Presence;
use crate::stored::{ATTENDANCE, CALLS, ENTITY_ATTENDANCE, attendance_key, call_key};
use crate::video::{ATTEMPTS, Video, is_conflict, now_ms, valid_id};

/// Largest SDP accepted, in bytes (a full-mesh offer with a few tracks is a few KiB).
pub const MAX_SDP_BYTES: usize = 64 * 1024;
/// Largest ICE candidate line, mid or username fragment accepted, in bytes.
pub const MAX_CANDIDATE_BYTES: usize = 2048;

/// A participant's stream of call events (or the error that ended it).
pub type CallEvents = Pin<Box<dyn Stream<Item = Result<pb::CallEvent, VideoError>> + Send>>;

/// A signal to relay (`VideoService.Signal`).
#[derive(Debug, Clone, Default)]
pub struct OutgoingSignal {
    pub project_id: String,
    pub call_id: String,
    pub participant_id: String,
    pub to_participant_id: String,
    pub kind: i32,
    pub sdp: String,
    pub candidate: Option<pb::IceCandidate>,
}

/// A joined participant (`VideoService.JoinCall`).
#[derive(Debug, Clone)]
pub struct Joined {
    pub participant: pb::Participant,
    pub participants: Vec<pb::Participant>,
    pub call: pb::Call,
}

impl Video {
    /// `VideoService.JoinCall`: a new participant of the caller in an open call with room
    /// left; recorded in the history (and the call's start, the first time).
    #[tracing::instrument(skip_all, fields(%project_id, %call_id))]
    pub async fn join(
        &self,
        caller: &RequestContext,
        project_id: &str,
        call_id: &str,
        state: pb::MediaState,
    ) -> Result<Joined, VideoError> {
        let me = Video::me(caller)?;
        let call = self.load_call(project_id, call_id).await?;
        open(&call)?;
        let scope = self.scope(&call.project_id, ENTITY_ATTENDANCE).await?;
        // A limit lowered since the call was created applies to it too.
        let limit = call.max_participants.min(self.config.max_participants);
        let (participant, participants) =
            self.presence.reserve(&scope, &call.id, &me, state, limit)?;
        match self.record_join(caller, &scope, &call, &participant).await {
            Ok(call) => {
                tracing::debug!(participant_id = %participant.id, "joined");
                Ok(Joined {
                    participant,
                    participants,
                    call,
                })
            }
            Err(error) => {
                self.presence.release(&call.id, &participant.id);
                Err(error)
            }
        }
    }

    /// Writes the attendance of a new participant, and the call's start if it is the first;
    /// refuses (and so undoes the join) if the call was closed meanwhile.
    async fn record_join(
        &self,
        caller: &RequestContext,
        scope: &orbit_system::store::EventScope,
        call: &pb::Call,
        participant: &pb::Participant,
    ) -> Result<pb::Call, VideoError> {
        let attendance = pb::Attendance {
            participant_id: participant.id.clone(),
            account_id: participant.account_id.clone(),
            joined_at_ms: participant.joined_at_ms,
            left_at_ms: 0,
            reason: pb::LeaveReason::Unspecified as i32,
        };
        let attendance_key = attendance_key(&call.project_id, &call.id, &participant.id);
        for _ in 0..ATTEMPTS {
            // Read again after taking the slot: a close that committed before sees this
            // participant in presence, and one that commits after is seen here.
            let mut call = self.load_call(&call.project_id, &call.id).await?;
            open(&call)?;
            let mut txn = Transaction::new().put_if(
                ATTENDANCE,
                attendance_key.clone(),
                attendance.encode_to_vec(),
                Expect::Absent,
            );
            let starts = call.started_at_ms == 0;
            if starts {
                call.started_at_ms = participant.joined_at_ms;
                let stored = pb::Call {
                    participant_count: 0,
                    version: 0,
                    ..call.clone()
                };
                txn = txn.put_if(
                    CALLS,
                    call_key(&call.project_id, &call.id),
                    stored.encode_to_vec(),
                    Expect::Version(call.version),
                );
            }
            match self.commit(caller, txn, scope).await {
                Ok(receipt) => {
                    if starts {
                        call.version = receipt.version().unwrap_or(call.version);
                    }
                    return Ok(call);
                }
                // Someone else started the call at the same moment: read it again.
                Err(error) if is_conflict(&error) => continue,
                Err(error) => return Err(error.into()),
            }
        }
        Err(VideoError::Contended {
            what: "call",
            id: call.id.clone(),
        })
    }

    /// `VideoService.Connect`: the caller's participant's events, a welcome first, then
    /// presence changes and signals, with a heartbeat when idle. When the stream is dropped
    /// (the client went away) the participant leaves.
    pub async fn connect(
        &self,
        caller: &RequestContext,
        project_id: &str,
        call_id: &str,
        participant_id: &str,
        heartbeat: Duration,
    ) -> Result<CallEvents, VideoError> {
        let me = Video::me(caller)?;
        let participant_id = valid_id("participant_id", participant_id)?;
        let call = self.load_call(project_id, call_id).await?;
        let connection = self
            .presence
            .connect(&call.project_id, &call.id, participant_id, &me)?;
        let guard = Guard {
            presence: self.presence.clone(),
            call_id: call.id.clone(),
            participant_id: participant_id.to_owned(),
            connection: connection.id,
        };
        tracing::debug!(%call_id, %participant_id, "participant connected");
        let welcome = pb::CallEvent {
            kind: Some(pb::call_event::Kind::Welcome(pb::Welcome {
                participant_id: participant_id.to_owned(),
                participants: connection.participants,
                call: Some(pb::Call {
                    participant_count: self.presence.count(&call.id),
                    ..call
                }),
            })),
        };
        let rest = stream::unfold((connection.inbox, guard, heartbeat), next_event);
        Ok(Box::pin(stream::once(async { Ok(welcome) }).chain(rest)))
    }

    /// `VideoService.LeaveCall`: recorded at once.
    pub async fn leave(
        &self,
        caller: &RequestContext,
        project_id: &str,
        call_id: &str,
        participant_id: &str,
    ) -> Result<(), VideoError> {
        let me = Video::me(caller)?;
        let project_id = valid_id("project_id", project_id)?;
        let call_id = valid_id("call_id", call_id)?;
        let participant_id = valid_id("participant_id", participant_id)?;
        let departure = self
            .presence
            .leave(project_id, call_id, participant_id, &me)?;
        self.record(caller, &[departure]).await
    }

    /// `VideoService.UpdateState`.
    pub fn update_state(
        &self,
        caller: &RequestContext,
        project_id: &str,
        call_id: &str,
        participant_id: &str,
        state: pb::MediaState,
    ) -> Result<pb::Participant, VideoError> {
        let me = Video::me(caller)?;
        let project_id = valid_id("project_id", project_id)?;
        let call_id = valid_id("call_id", call_id)?;
        let participant_id = valid_id("participant_id", participant_id)?;
        self.presence
            .update(project_id, call_id, participant_id, &me, state)
    }

    /// `VideoService.Signal`: checked, then queued for the addressee only.
    pub fn signal(
        &self,
        caller: &RequestContext,
        signal: OutgoingSignal,
    ) -> Result<(), VideoError> {
        let me = Video::me(caller)?;
        let project_id = valid_id("project_id", &signal.project_id)?;
        let call_id = valid_id("call_id", &signal.call_id)?;
        let from = valid_id("participant_id", &signal.participant_id)?;
        let to = valid_id("to_participant_id", &signal.to_participant_id)?;
        if from == to {
            return Err(VideoError::invalid(
                "to_participant_id",
                "is the sender itself; address another participant",
            ));
        }
        let (sdp, candidate) = valid_payload(signal.kind, &signal.sdp, signal.candidate.as_ref())?;
        let relayed = pb::Signal {
            from_participant_id: from.to_owned(),
            from_account_id: me.clone(),
            to_participant_id: to.to_owned(),
            kind: signal.kind,
            sdp,
            candidate,
            sent_at_ms: now_ms(),
        };
        self.presence.signal(project_id, call_id, &me, relayed)
    }
}

/// The next event of a participant's queue, or a heartbeat after `every` without one; `None`
/// once the queue is closed (removed: left, closed, too slow; or connected again elsewhere).
/// The guard rides along, so dropping the stream drops it.
async fn next_event(
    (mut inbox, guard, every): (mpsc::Receiver<pb::CallEvent>, Guard, Duration),
) -> Option<(
    Result<pb::CallEvent, VideoError>,
    (mpsc::Receiver<pb::CallEvent>, Guard, Duration),
)> {
    let event = match tokio::time::timeout(every, inbox.recv()).await {
        Ok(Some(event)) => event,
        Ok(None) => return None,
        Err(_) => pb::CallEvent {
            kind: Some(pb::call_event::Kind::Heartbeat(pb::Heartbeat {
                at_ms: now_ms(),
            })),
        },
    };
    Some((Ok(event), (inbox, guard, every)))
}

/// Refuses a closed call.
fn open(call: &pb::Call) -> Result<(), VideoError> {
    if call.state == pb::CallState::Closed as i32 {
        return Err(VideoError::FailedPrecondition(format!(
            "call_id: call {} is closed",
            call.id
        )));
    }
    Ok(())
}

/// The payload of a signal of `kind`: an offer or answer carries an SDP of at most
/// [`MAX_SDP_BYTES`] and no candidate; a candidate signal carries a candidate and no SDP.
fn valid_payload(
    kind: i32,
    sdp: &str,
    candidate: Option<&pb::IceCandidate>,
) -> Result<(String, Option<pb::IceCandidate>), VideoError> {
    match pb::SignalKind::try_from(kind) {
        Ok(pb::SignalKind::Offer | pb::SignalKind::Answer) => {
            if sdp.trim().is_empty() {
                return Err(VideoError::invalid(
                    "sdp",
                    "an offer or answer needs an SDP",
                ));
            }
            if sdp.len() > MAX_SDP_BYTES {
                return Err(VideoError::invalid(
                    "sdp",
                    format!("{} bytes is over the limit of {MAX_SDP_BYTES}", sdp.len()),
                ));
            }
            if candidate.is_some() {
                return Err(VideoError::invalid(
                    "candidate",
                    "an offer or answer carries no candidate; send it as ICE_CANDIDATE",
                ));
            }
            Ok((sdp.to_owned(), None))
        }
        Ok(pb::SignalKind::IceCandidate) => {
            if !sdp.is_empty() {
                return Err(VideoError::invalid(
                    "sdp",
                    "an ICE candidate signal carries no SDP",
                ));
            }
            let Some(candidate) = candidate else {
                return Err(VideoError::invalid(
                    "candidate",
                    "an ICE_CANDIDATE signal needs a candidate (an empty one ends the candidates)",
                ));
            };
            for (field, value) in [
                ("candidate", &candidate.candidate),
                ("candidate.sdp_mid", &candidate.sdp_mid),
                ("candidate.username_fragment", &candidate.username_fragment),
            ] {
                if value.len() > MAX_CANDIDATE_BYTES {
                    return Err(VideoError::invalid(
                        field,
                        format!(
                            "{} bytes is over the limit of {MAX_CANDIDATE_BYTES}",
                            value.len()
                        ),
                    ));
                }
            }
            Ok((String::new(), Some(candidate.clone())))
        }
        _ => Err(VideoError::invalid(
            "kind",
            "choose SIGNAL_KIND_OFFER, SIGNAL_KIND_ANSWER or SIGNAL_KIND_ICE_CANDIDATE",
        )),
    }
}

/// Removes its participant when the `Connect` stream that owns it is dropped.
struct Guard {
    presence: Presence,
    call_id: String,
    participant_id: String,
    connection: u64,
}

impl Drop for Guard {
    fn drop(&mut self) {
        self.presence
            .disconnect(&self.call_id, &self.participant_id, self.connection);
    }
}
