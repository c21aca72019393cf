//! Fuzz targets of orbit-cdc, as property tests: the change-event decoder and the value
//! codecs never panic whatever the bytes, and an event's wire form decodes back to itself.
//!
//! A short run is part of the suite; a long one: `PROPTEST_CASES=1000000 cargo test
//! --release -p orbit-cdc fuzz` (README, "Fuzzing").

use orbit_proto::orbit::cdc::v1 as pb;
use orbit_system::store::{ChangeEvent, ChangeOp, EventScope, HlcStamp};
use proptest::prelude::*;
use prost::Message;

use crate::codec::{Codecs, DatabaseCodec, ValueCodec};
use crate::feed::event::to_feed_event;

fn codecs() -> Codecs {
    Codecs::new([
        (
            "records".to_owned(),
            DatabaseCodec::uniform(ValueCodec::RecordEnvelope),
        ),
        (
            "mod".to_owned(),
            DatabaseCodec::uniform(ValueCodec::Json)
                .with("msg", ValueCodec::Protobuf("orbit.cdc.v1.FeedEvent".into()))
                .with("blob", ValueCodec::Raw),
        ),
    ])
}

fn event() -> impl Strategy<Value = ChangeEvent> {
    (
        prop_oneof![Just("records"), Just("mod"), Just("other")],
        any::<u64>(),
        prop_oneof![Just("task"), Just("msg"), Just("blob"), Just("x")],
        prop::collection::vec(any::<u8>(), 0..40),
        any::<bool>(),
        prop::option::of(prop::collection::vec(any::<u8>(), 0..200)),
        prop::option::of((".{0,8}", ".{0,8}", ".{0,8}", any::<bool>())),
    )
        .prop_map(
            |(database, seq, keyspace, key, delete, value, scope)| ChangeEvent {
                database: database.to_owned(),
                seq,
                hlc: HlcStamp(seq.wrapping_mul(65_536)),
                keyspace: keyspace.to_owned(),
                key,
                op: if delete {
                    ChangeOp::Delete
                } else {
                    ChangeOp::Put
                },
                value: if delete { None } else { value },
                correlation_id: None,
                scope: scope.map(|(org_id, project_id, entity, federated)| EventScope {
                    org_id,
                    project_id,
                    entity,
                    federated,
                }),
            },
        )
}

proptest! {
    #[test]
    fn fuzz_change_events_become_wire_events_that_decode_back(event in event()) {
        let wire = to_feed_event(&event.database, &event, &codecs());
        let decoded = pb::FeedEvent::decode(wire.encode_to_vec().as_slice()).unwrap();
        prop_assert_eq!(decoded.seq, event.seq);
        prop_assert_eq!(&decoded, &wire);
        // A value travels as data or as bytes, never both.
        prop_assert!(decoded.data.is_none() || decoded.value.is_empty());
    }

    #[test]
    fn fuzz_the_feed_event_decoder_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = pb::FeedEvent::decode(bytes.as_slice());
        let _ = pb::FeedMessage::decode(bytes.as_slice());
    }

    #[test]
    fn fuzz_every_codec_reads_any_bytes_or_says_why(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        for codec in [
            ValueCodec::RecordEnvelope,
            ValueCodec::Json,
            ValueCodec::Protobuf("orbit.cdc.v1.FeedEvent".into()),
            ValueCodec::Protobuf("no.such.Type".into()),
            ValueCodec::Raw,
        ] {
            let _ = codec.object(&bytes);
        }
    }
}
