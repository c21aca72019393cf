//! The JetStream side of the relay: the NATS client, the instance's stream, and pipelined,
//! strictly ordered publishing.
//!
//! Order and exactly-once rest on two JetStream headers. `Nats-Msg-Id`
//! (`<instance>:<module>:<seq>`) lets the server drop a re-sent event inside its
//! de-duplication window. `Nats-Expected-Last-Sequence` makes the server store a message only
//! directly after the one the relay expects: a message lost on a broken connection makes
//! every later one of the window fail instead of landing out of order. After any failure the
//! relay re-reads the stream's last message ([`Publisher::sync`]) and resumes right after it,
//! so what the stream holds is always a gap-free, duplicate-free prefix of each feed.

use std::future::{Future, IntoFuture};
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use async_nats::jetstream::context::PublishError;
use async_nats::jetstream::publish::PublishAck;
use async_nats::jetstream::{self, Context, stream};
use async_nats::{Client, ConnectOptions, Event};

use crate::relay::message::{Outgoing, parse_msg_id};
use crate::relay::status::Shared;
use crate::relay::{NatsUrl, RelayError};

/// How long one connection attempt may take.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(2);

/// Where the relay stands in the stream after a [`Publisher::sync`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SyncPoint {
    /// The module and feed sequence number of the stream's last message, if this relay wrote
    /// it: everything of that module up to there is in the stream.
    pub(crate) last_relayed: Option<(String, u64)>,
}

/// Connects to NATS without waiting: the client keeps retrying in the background and reports
/// (dis)connection to `shared`.
pub(crate) async fn connect(url: &NatsUrl, shared: Arc<Shared>) -> Result<Client, RelayError> {
    url.with_credentials(ConnectOptions::new())
        .name("orbit-relay")
        .retry_on_initial_connect()
        .connection_timeout(CONNECT_TIMEOUT)
        .event_callback(move |event| {
            let shared = shared.clone();
            async move {
                match event {
                    Event::Connected => shared.set_nats_up(true),
                    Event::Disconnected | Event::Closed => shared.set_nats_up(false),
                    _ => {}
                }
            }
        })
        .connect(url.connect_string())
        .await
        .map_err(|e| RelayError::Connect(e.to_string()))
}

/// Publishes change events to the instance's stream, each guarded by the stream sequence
/// number it must follow; the caller keeps a window of them in flight.
pub(crate) struct Publisher {
    js: Context,
    instance: String,
    stream: String,
    subjects: String,
    /// The stream's last sequence number as the relay knows it; `None` until synced and after
    /// any failure.
    last_seq: Option<u64>,
}

impl Publisher {
    pub(crate) fn new(
        client: Client,
        instance: String,
        stream: String,
        subjects: String,
        window: usize,
        timeout: Duration,
    ) -> Publisher {
        let js = jetstream::ContextBuilder::new()
            .timeout(timeout)
            .ack_timeout(timeout)
            .max_ack_inflight(window.max(1))
            .build(client);
        Publisher {
            js,
            instance,
            stream,
            subjects,
            last_seq: None,
        }
    }

    /// Creates the stream if it is missing and reads its last message, so publishing resumes
    /// exactly after it.
    pub(crate) async fn sync(&mut self) -> Result<SyncPoint, RelayError> {
        self.last_seq = None;
        let stream_error = |reason: String| RelayError::Stream {
            stream: self.stream.clone(),
            reason,
        };
        let stream = self
            .js
            .get_or_create_stream(stream::Config {
                name: self.stream.clone(),
                subjects: vec![self.subjects.clone()],
                storage: stream::StorageType::File,
                ..stream::Config::default()
            })
            .await
            .map_err(|e| stream_error(e.to_string()))?;
        let info = stream
            .get_info()
            .await
            .map_err(|e| stream_error(e.to_string()))?;
        let last_seq = info.state.last_sequence;
        let last_relayed = if info.state.messages == 0 {
            None
        } else {
            let message = stream
                .get_raw_message(last_seq)
                .await
                .map_err(|e| stream_error(format!("cannot read message {last_seq}: {e}")))?;
            message
                .headers
                .get(async_nats::header::NATS_MESSAGE_ID)
                .and_then(|id| parse_msg_id(&self.instance, id.as_str()))
                .map(|(module, seq)| (module.to_owned(), seq))
        };
        self.last_seq = Some(last_seq);
        Ok(SyncPoint { last_relayed })
    }

    /// Sends one event (events must come in feed order per module) without waiting for its
    /// acknowledgement: await [`InFlight::ack`] and pass the result to [`InFlight::check`],
    /// oldest first. After any error the relay must [`Publisher::sync`] again.
    pub(crate) async fn send(
        &mut self,
        feed: usize,
        module: &str,
        out: Outgoing,
    ) -> Result<InFlight, RelayError> {
        let Some(last) = self.last_seq.take() else {
            return Err(RelayError::Stream {
                stream: self.stream.clone(),
                reason: "publishing before the relay found its place in the stream".to_owned(),
            });
        };
        tracing::debug!(
            correlation_id = out.correlation_id.as_deref().unwrap_or(""),
            module,
            seq = out.seq,
            subject = %out.subject,
            "relaying change event"
        );
        let mut message = jetstream::message::PublishMessage::build()
            .payload(out.payload)
            .headers(out.headers)
            .message_id(&out.msg_id);
        // 0 means "no check" to JetStream: the first message of an empty stream is unguarded.
        if last > 0 {
            message = message.expected_last_sequence(last);
        }
        let ack = self
            .js
            .send_publish(out.subject, message)
            .await
            .map_err(|e| publish_error(module, out.seq, e.to_string()))?;
        self.last_seq = Some(last + 1);
        Ok(InFlight {
            feed,
            seq: out.seq,
            stream_seq: last + 1,
            ack: ack.into_future(),
        })
    }

    /// Forgets the relay's place in the stream (after a failure).
    pub(crate) fn reset(&mut self) {
        self.last_seq = None;
    }
}

/// One publish waiting for its acknowledgement.
pub(crate) struct InFlight {
    /// Index of the feed the event belongs to.
    pub(crate) feed: usize,
    /// The event's sequence number in its feed.
    pub(crate) seq: u64,
    /// The stream sequence number it must be stored at.
    stream_seq: u64,
    pub(crate) ack: Pin<Box<dyn Future<Output = Result<PublishAck, PublishError>> + Send>>,
}

impl InFlight {
    /// Whether the acknowledgement says the event was stored where the relay expected.
    pub(crate) fn check(
        &self,
        module: &str,
        result: Result<PublishAck, PublishError>,
    ) -> Result<(), RelayError> {
        let ack = result.map_err(|e| publish_error(module, self.seq, e.to_string()))?;
        if ack.duplicate || ack.sequence != self.stream_seq {
            return Err(publish_error(
                module,
                self.seq,
                format!(
                    "the stream is out of step (stored at {} as {}, expected {}); re-reading it",
                    ack.sequence,
                    if ack.duplicate { "a duplicate" } else { "new" },
                    self.stream_seq
                ),
            ));
        }
        Ok(())
    }
}

fn publish_error(module: &str, seq: u64, reason: String) -> RelayError {
    RelayError::Publish {
        module: module.to_owned(),
        seq,
        reason,
    }
}
