//! Who is in which call, in memory: the participants of each call with their media state, and
//! for each one a bounded queue of what is addressed to it (presence changes, signals), which
//! its `Connect` stream drains. Nothing here is stored and nothing is shared between
//! processes: a call's participants must all reach the same `orbit serve` (one process per
//! instance for video, or sticky routing by call).
//!
//! A participant exists from `JoinCall` until it leaves, its call is closed, its `Connect`
//! stream is dropped (the stream's guard removes it at once), it never connects within
//! [`CONNECT_WITHIN`] (the reaper, every [`REAP_EVERY`]), or its queue overflows (it cannot
//! keep up). Every removal but a failed join is handed to the recorder as a [`Departure`], so
//! the history says when it left. All operations are short and synchronous under one mutex;
//! none awaits while holding it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use orbit_proto::orbit::video::v1 as pb;
use orbit_system::store::{EventScope, new_id};
use tokio::sync::mpsc;

use crate::error::VideoError;
use crate::video::now_ms;

/// How long a participant that joined has to open its `Connect` stream.
pub(crate) const CONNECT_WITHIN: Duration = Duration::from_secs(4);
/// How often the reaper looks for participants that never connected.
pub(crate) const REAP_EVERY: Duration = Duration::from_millis(500);
/// Events a participant may fall behind by before it is removed as too slow (a newcomer's
/// offers, answers and candidates from every other participant fit many times over).
pub(crate) const QUEUE: usize = 512;

/// A participant that left, for the history.
#[derive(Debug, Clone)]
pub(crate) struct Departure {
    pub(crate) scope: EventScope,
    pub(crate) call_id: String,
    pub(crate) attendance: pb::Attendance,
}

/// The in-memory presence of every call of this process. Cheap to clone.
#[derive(Debug, Clone)]
pub(crate) struct Presence {
    inner: Arc<Mutex<Calls>>,
    departures: mpsc::UnboundedSender<Departure>,
}

#[derive(Debug, Default)]
struct Calls {
    calls: HashMap<String, Room>,
    next_connection: u64,
}

#[derive(Debug)]
struct Room {
    scope: EventScope,
    /// In order of joining.
    slots: Vec<Slot>,
}

#[derive(Debug)]
struct Slot {
    participant: pb::Participant,
    outbox: mpsc::Sender<pb::CallEvent>,
    /// Until `Connect` takes it.
    inbox: Option<mpsc::Receiver<pb::CallEvent>>,
    /// The connection that holds the stream (0: none yet).
    connection: u64,
    /// Removed by the reaper if not connected by then.
    connect_by: Option<Instant>,
}

/// What `connect` hands the stream.
#[derive(Debug)]
pub(crate) struct Connection {
    pub(crate) inbox: mpsc::Receiver<pb::CallEvent>,
    pub(crate) id: u64,
    pub(crate) participants: Vec<pb::Participant>,
}

impl Presence {
    /// An empty presence; departures go to `departures`.
    pub(crate) fn new(departures: mpsc::UnboundedSender<Departure>) -> Presence {
        Presence {
            inner: Arc::new(Mutex::new(Calls::default())),
            departures,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Calls> {
        // A panic while holding the lock leaves consistent maps (every change is one
        // statement), so a poisoned lock is still usable.
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Adds a participant of `account_id` to `call_id` unless it already has `limit`; tells
    /// the others. Returns it and everybody in the call.
    pub(crate) fn reserve(
        &self,
        scope: &EventScope,
        call_id: &str,
        account_id: &str,
        state: pb::MediaState,
        limit: u32,
    ) -> Result<(pb::Participant, Vec<pb::Participant>), VideoError> {
        let mut calls = self.lock();
        let room = calls
            .calls
            .entry(call_id.to_owned())
            .or_insert_with(|| Room {
                scope: scope.clone(),
                slots: Vec::new(),
            });
        if room.scope.project_id != scope.project_id {
            return Err(VideoError::not_found("call_id", "call", call_id));
        }
        if room.slots.len() >= limit as usize {
            return Err(VideoError::Full {
                call_id: call_id.to_owned(),
                limit,
            });
        }
        let participant = pb::Participant {
            id: new_id(),
            account_id: account_id.to_owned(),
            state: Some(state),
            joined_at_ms: now_ms(),
            connected: false,
        };
        let (outbox, inbox) = mpsc::channel(QUEUE);
        let event = event(pb::call_event::Kind::Joined(participant.clone()));
        let slow = broadcast(room, &event, None);
        room.slots.push(Slot {
            participant: participant.clone(),
            outbox,
            inbox: Some(inbox),
            connection: 0,
            connect_by: Some(Instant::now() + CONNECT_WITHIN),
        });
        let participants = roster(room);
        self.remove_slow(&mut calls, call_id, slow);
        Ok((participant, participants))
    }

    /// Removes a participant whose join failed (nothing was recorded for it).
    pub(crate) fn release(&self, call_id: &str, participant_id: &str) {
        let mut calls = self.lock();
        self.remove(
            &mut calls,
            call_id,
            &[participant_id.to_owned()],
            pb::LeaveReason::Disconnected,
            false,
        );
    }

    /// Opens (or replaces) the stream of the caller's participant.
    pub(crate) fn connect(
        &self,
        project_id: &str,
        call_id: &str,
        participant_id: &str,
        account_id: &str,
    ) -> Result<Connection, VideoError> {
        let mut calls = self.lock();
        calls.next_connection += 1;
        let id = calls.next_connection;
        let room = room_of(
            &mut calls,
            project_id,
            call_id,
            "participant_id",
            participant_id,
        )?;
        let slot = own_slot(room, call_id, participant_id, account_id)?;
        let inbox = match slot.inbox.take() {
            Some(inbox) => inbox,
            None => {
                // Connecting again: the earlier stream ends once its sender is gone.
                let (outbox, inbox) = mpsc::channel(QUEUE);
                slot.outbox = outbox;
                inbox
            }
        };
        slot.connection = id;
        slot.connect_by = None;
        slot.participant.connected = true;
        Ok(Connection {
            inbox,
            id,
            participants: roster(room),
        })
    }

    /// The stream of `connection` ended: its participant leaves (unless it has connected
    /// again since, or is gone already).
    pub(crate) fn disconnect(&self, call_id: &str, participant_id: &str, connection: u64) {
        let mut calls = self.lock();
        let current = calls.calls.get(call_id).is_some_and(|room| {
            room.slots
                .iter()
                .any(|s| s.participant.id == participant_id && s.connection == connection)
        });
        if current {
            tracing::debug!(%call_id, %participant_id, "participant's stream ended");
            self.remove(
                &mut calls,
                call_id,
                &[participant_id.to_owned()],
                pb::LeaveReason::Disconnected,
                true,
            );
        }
    }

    /// The caller's participant leaves; its departure is returned (to be recorded at once)
    /// rather than handed to the recorder.
    pub(crate) fn leave(
        &self,
        project_id: &str,
        call_id: &str,
        participant_id: &str,
        account_id: &str,
    ) -> Result<Departure, VideoError> {
        let mut calls = self.lock();
        let room = room_of(
            &mut calls,
            project_id,
            call_id,
            "participant_id",
            participant_id,
        )?;
        own_slot(room, call_id, participant_id, account_id)?;
        let mut gone = self.remove(
            &mut calls,
            call_id,
            &[participant_id.to_owned()],
            pb::LeaveReason::Left,
            false,
        );
        Ok(gone.remove(0))
    }

    /// Sets the media state of the caller's participant and tells everybody in the call.
    pub(crate) fn update(
        &self,
        project_id: &str,
        call_id: &str,
        participant_id: &str,
        account_id: &str,
        state: pb::MediaState,
    ) -> Result<pb::Participant, VideoError> {
        let mut calls = self.lock();
        let room = room_of(
            &mut calls,
            project_id,
            call_id,
            "participant_id",
            participant_id,
        )?;
        let slot = own_slot(room, call_id, participant_id, account_id)?;
        slot.participant.state = Some(state);
        let participant = slot.participant.clone();
        let slow = broadcast(
            room,
            &event(pb::call_event::Kind::Updated(participant.clone())),
            None,
        );
        self.remove_slow(&mut calls, call_id, slow);
        Ok(participant)
    }

    /// Queues `signal` for its addressee, from the caller's participant, in the same call.
    pub(crate) fn signal(
        &self,
        project_id: &str,
        call_id: &str,
        account_id: &str,
        signal: pb::Signal,
    ) -> Result<(), VideoError> {
        let mut calls = self.lock();
        let from = signal.from_participant_id.clone();
        let to = signal.to_participant_id.clone();
        let room = room_of(&mut calls, project_id, call_id, "participant_id", &from)?;
        own_slot(room, call_id, &from, account_id)?;
        let Some(target) = room.slots.iter().find(|s| s.participant.id == to) else {
            return Err(VideoError::not_found(
                "to_participant_id",
                "participant",
                format!("{to} in call {call_id}"),
            ));
        };
        if !deliver(target, event(pb::call_event::Kind::Signal(signal))) {
            self.remove_slow(&mut calls, call_id, vec![to]);
        }
        Ok(())
    }

    /// Everybody in `call_id` (empty if nobody, or if it is not of `project_id`).
    pub(crate) fn participants(&self, project_id: &str, call_id: &str) -> Vec<pb::Participant> {
        let calls = self.lock();
        calls
            .calls
            .get(call_id)
            .filter(|room| room.scope.project_id == project_id)
            .map(roster)
            .unwrap_or_default()
    }

    /// How many are in `call_id`.
    pub(crate) fn count(&self, call_id: &str) -> u32 {
        let calls = self.lock();
        calls
            .calls
            .get(call_id)
            .map_or(0, |room| room.slots.len() as u32)
    }

    /// Closes `call_id`: everybody is told, their streams end, and their departures are
    /// returned (to be recorded at once).
    pub(crate) fn close(&self, call_id: &str, closed_by: &str) -> Vec<Departure> {
        let mut calls = self.lock();
        let Some(room) = calls.calls.get(call_id) else {
            return Vec::new();
        };
        let closed = event(pb::call_event::Kind::Closed(pb::CallClosed {
            call_id: call_id.to_owned(),
            closed_by: closed_by.to_owned(),
        }));
        let ids: Vec<String> = room
            .slots
            .iter()
            .map(|s| s.participant.id.clone())
            .collect();
        for slot in &room.slots {
            deliver(slot, closed.clone());
        }
        self.remove(
            &mut calls,
            call_id,
            &ids,
            pb::LeaveReason::CallClosed,
            false,
        )
    }

    /// Removes every participant that did not connect in time; returns how many.
    pub(crate) fn reap(&self, now: Instant) -> usize {
        let mut calls = self.lock();
        let late: Vec<(String, String)> = calls
            .calls
            .iter()
            .flat_map(|(call_id, room)| {
                room.slots
                    .iter()
                    .filter(|s| s.connect_by.is_some_and(|by| by <= now))
                    .map(move |s| (call_id.clone(), s.participant.id.clone()))
            })
            .collect();
        for (call_id, participant_id) in &late {
            tracing::debug!(%call_id, %participant_id, "participant never connected; removed");
            self.remove(
                &mut calls,
                call_id,
                std::slice::from_ref(participant_id),
                pb::LeaveReason::Disconnected,
                true,
            );
        }
        late.len()
    }

    /// Removes participants that could not keep up (and any that overflow telling the others).
    fn remove_slow(&self, calls: &mut Calls, call_id: &str, slow: Vec<String>) {
        if !slow.is_empty() {
            tracing::warn!(%call_id, participants = ?slow, "participants too slow to keep up; removed");
            self.remove(calls, call_id, &slow, pb::LeaveReason::TooSlow, true);
        }
    }

    /// Removes `ids` from `call_id` and tells the others, following any that overflow in
    /// turn. Departures go to the recorder when `record`, else they are returned.
    fn remove(
        &self,
        calls: &mut Calls,
        call_id: &str,
        ids: &[String],
        reason: pb::LeaveReason,
        record: bool,
    ) -> Vec<Departure> {
        let mut gone = Vec::new();
        let mut work: Vec<(String, pb::LeaveReason)> =
            ids.iter().map(|id| (id.clone(), reason)).collect();
        let Some(room) = calls.calls.get_mut(call_id) else {
            return gone;
        };
        while let Some((id, reason)) = work.pop() {
            let Some(at) = room.slots.iter().position(|s| s.participant.id == id) else {
                continue;
            };
            let slot = room.slots.remove(at);
            let left = event(pb::call_event::Kind::Left(pb::ParticipantLeft {
                participant_id: id.clone(),
                account_id: slot.participant.account_id.clone(),
                reason: reason as i32,
            }));
            for slow in broadcast(room, &left, None) {
                if !work.iter().any(|(w, _)| *w == slow) {
                    work.push((slow, pb::LeaveReason::TooSlow));
                }
            }
            gone.push(Departure {
                scope: room.scope.clone(),
                call_id: call_id.to_owned(),
                attendance: pb::Attendance {
                    participant_id: id,
                    account_id: slot.participant.account_id,
                    joined_at_ms: slot.participant.joined_at_ms,
                    left_at_ms: now_ms(),
                    reason: reason as i32,
                },
            });
        }
        if room.slots.is_empty() {
            calls.calls.remove(call_id);
        }
        if record {
            for departure in gone.drain(..) {
                // The recorder is gone only at shutdown, when nothing is recorded any more.
                let _ = self.departures.send(departure);
            }
        }
        gone
    }
}

fn event(kind: pb::call_event::Kind) -> pb::CallEvent {
    pb::CallEvent { kind: Some(kind) }
}

fn roster(room: &Room) -> Vec<pb::Participant> {
    room.slots.iter().map(|s| s.participant.clone()).collect()
}

/// Queues `event` for every participant but `except`; returns the ones whose queue is full.
fn broadcast(room: &Room, event: &pb::CallEvent, except: Option<&str>) -> Vec<String> {
    room.slots
        .iter()
        .filter(|s| Some(s.participant.id.as_str()) != except)
        .filter(|s| !deliver(s, event.clone()))
        .map(|s| s.participant.id.clone())
        .collect()
}

/// Queues `event` for one participant; `false` if its queue is full. A queue whose stream is
/// gone takes nothing and is not an error: the stream's guard removes it.
fn deliver(slot: &Slot, event: pb::CallEvent) -> bool {
    !matches!(
        slot.outbox.try_send(event),
        Err(mpsc::error::TrySendError::Full(_))
    )
}

/// The room of `call_id` in `project_id`; `NotFound` naming `field` and `participant_id` if
/// nobody is in it (a participant is only ever looked up in its own call).
fn room_of<'a>(
    calls: &'a mut Calls,
    project_id: &str,
    call_id: &str,
    field: &'static str,
    participant_id: &str,
) -> Result<&'a mut Room, VideoError> {
    calls
        .calls
        .get_mut(call_id)
        .filter(|room| room.scope.project_id == project_id)
        .ok_or_else(|| {
            VideoError::not_found(
                field,
                "participant",
                format!("{participant_id} in call {call_id}"),
            )
        })
}

/// The caller's own participant of `room`.
fn own_slot<'a>(
    room: &'a mut Room,
    call_id: &str,
    participant_id: &str,
    account_id: &str,
) -> Result<&'a mut Slot, VideoError> {
    let slot = room
        .slots
        .iter_mut()
        .find(|s| s.participant.id == participant_id)
        .ok_or_else(|| {
            VideoError::not_found(
                "participant_id",
                "participant",
                format!("{participant_id} in call {call_id}"),
            )
        })?;
    if slot.participant.account_id != account_id {
        return Err(VideoError::PermissionDenied(format!(
            "participant_id: participant {participant_id} is not yours"
        )));
    }
    Ok(slot)
}
