//! Fuzz targets of the system crate, as property tests: whatever the input, the decoders
//! answer with an error and never panic, and what they accept round-trips.
//!
//! Targets: the sealed-value decoder (`DataKey::open`, `sealed_key_version`), the stored
//! record envelope (`StoredValue::decode`), Struct ↔ JSON, KDF parameter strings. The auth
//! layer's scope-id extraction has its own target beside it (`server/auth.rs`).
//!
//! A short run is part of the test suite; a long one is a command (README "Fuzzing"):
//! `PROPTEST_CASES=2000000 cargo test --release -p orbit-system fuzz`. Failing inputs are
//! kept by proptest under `proptest-regressions/` and replayed first on every run: that is
//! the committed corpus.

use proptest::prelude::*;
use prost_types::value::Kind;
use prost_types::{ListValue, Struct, Value};

use crate::crypto::{Aad, DataKey, KdfParams, sealed_key_version};
use crate::records::StoredValue;
use crate::records::json::{json_to_struct, struct_to_json};

/// Any JSON value, nested a few levels.
fn json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i32>().prop_map(|n| serde_json::json!(n)),
        (-1e12f64..1e12).prop_map(|n| serde_json::json!(n)),
        ".{0,12}".prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::btree_map(".{0,8}", inner, 0..6)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Any `google.protobuf.Value`, including what JSON cannot hold (NaN, infinity, no kind).
fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value { kind: None }),
        Just(Value {
            kind: Some(Kind::NullValue(0))
        }),
        any::<f64>().prop_map(|n| Value {
            kind: Some(Kind::NumberValue(n))
        }),
        any::<bool>().prop_map(|b| Value {
            kind: Some(Kind::BoolValue(b))
        }),
        ".{0,8}".prop_map(|s| Value {
            kind: Some(Kind::StringValue(s))
        }),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(|values| Value {
                kind: Some(Kind::ListValue(ListValue { values }))
            }),
            prop::collection::btree_map(".{0,6}", inner, 0..5).prop_map(|fields| Value {
                kind: Some(Kind::StructValue(Struct {
                    fields: fields.into_iter().collect()
                }))
            }),
        ]
    })
}

proptest! {
    #[test]
    fn fuzz_sealed_value_decoder_refuses_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let key = DataKey::generate(1);
        let aad = Aad::new("fuzz").with(b"k");
        prop_assert!(key.open(&bytes, &aad).is_err());
        let _ = sealed_key_version(&bytes);
    }

    #[test]
    fn fuzz_a_flipped_bit_of_a_sealed_value_is_refused(
        plaintext in prop::collection::vec(any::<u8>(), 0..100),
        bit in any::<prop::sample::Index>(),
    ) {
        let key = DataKey::generate(1);
        let aad = Aad::new("fuzz").with(b"k");
        let mut sealed = key.seal(&plaintext, &aad);
        prop_assert_eq!(key.open(&sealed, &aad).unwrap(), plaintext);
        let bit = bit.index(sealed.len() * 8);
        sealed[bit / 8] ^= 1 << (bit % 8);
        prop_assert!(key.open(&sealed, &aad).is_err());
    }

    #[test]
    fn fuzz_stored_record_decoder_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let _ = StoredValue::decode(&bytes);
    }

    #[test]
    fn fuzz_stored_record_decoder_on_near_json(text in "\\{\"format\":[0-9]{1,3},\"updated_at_ms\":-?[0-9]{0,20},\"data\":.{0,20}\\}") {
        let _ = StoredValue::decode(text.as_bytes());
    }

    #[test]
    fn fuzz_json_round_trips_through_struct(object in prop::collection::btree_map(".{0,8}", json(), 0..6)) {
        let object: serde_json::Map<String, serde_json::Value> = object.into_iter().collect();
        let back = struct_to_json("data", &json_to_struct(&object)).expect("JSON always converts");
        // Numbers go through f64, so compare the shape: the same fields, in the same order.
        prop_assert!(back.keys().eq(object.keys()));
    }

    #[test]
    fn fuzz_any_struct_converts_or_names_where_it_cannot(fields in prop::collection::btree_map(".{0,6}", value(), 0..5)) {
        let data = Struct { fields: fields.into_iter().collect() };
        match struct_to_json("data", &data) {
            Ok(object) => {
                // What converted converts back to the same JSON.
                let again = struct_to_json("data", &json_to_struct(&object)).expect("round trip");
                prop_assert_eq!(again, object);
            }
            Err(error) => prop_assert!(error.path.starts_with("data"), "{error:?}"),
        }
    }

    #[test]
    fn fuzz_kdf_parameters_decoder_never_panics(text in ".{0,60}") {
        let _ = KdfParams::decode(&text);
    }
}
