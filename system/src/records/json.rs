//! Exact conversion between `google.protobuf.Struct` (what the API carries) and
//! `serde_json` objects (what records store), in both directions.
//!
//! Protobuf's `Value` holds every number as a double; JSON has no NaN or infinity, so those
//! are refused, as is a `Value` with no kind set (the protobuf JSON mapping has no meaning
//! for it). Integral doubles within ±2^53 are stored as JSON integers (`3`, not `3.0`), which
//! read back as the same double, so a round trip through the store changes nothing. Errors
//! name the path of the offending value (`data.items[2].price`). Nothing here does I/O.

use prost_types::value::Kind;
use prost_types::{ListValue, Struct, Value};
use serde_json::{Map, Number};

/// Largest integer a double holds exactly; integral doubles up to it are stored as integers.
const MAX_EXACT_INTEGER: f64 = 9_007_199_254_740_992.0;

/// A value that has no JSON form, and where it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {reason}")]
pub struct JsonError {
    /// Where the value is, starting with the name of the field (`data.a[0]`).
    pub path: String,
    pub reason: &'static str,
}

/// A `Struct` as a JSON object; `field` names it in errors.
pub fn struct_to_json(
    field: &str,
    data: &Struct,
) -> Result<Map<String, serde_json::Value>, JsonError> {
    let mut object = Map::new();
    for (name, value) in &data.fields {
        let path = format!("{field}.{name}");
        object.insert(name.clone(), value_to_json(&path, value)?);
    }
    Ok(object)
}

fn value_to_json(path: &str, value: &Value) -> Result<serde_json::Value, JsonError> {
    let refuse = |reason| JsonError {
        path: path.to_owned(),
        reason,
    };
    Ok(match &value.kind {
        None => return Err(refuse("the value has no kind set")),
        Some(Kind::NullValue(_)) => serde_json::Value::Null,
        Some(Kind::BoolValue(b)) => serde_json::Value::Bool(*b),
        Some(Kind::StringValue(s)) => serde_json::Value::String(s.clone()),
        Some(Kind::NumberValue(n)) => serde_json::Value::Number(number(*n).ok_or_else(|| {
            refuse(if n.is_nan() {
                "NaN is not a JSON number"
            } else {
                "infinity is not a JSON number"
            })
        })?),
        Some(Kind::StructValue(inner)) => serde_json::Value::Object(struct_to_json(path, inner)?),
        Some(Kind::ListValue(list)) => serde_json::Value::Array(
            list.values
                .iter()
                .enumerate()
                .map(|(i, item)| value_to_json(&format!("{path}[{i}]"), item))
                .collect::<Result<_, _>>()?,
        ),
    })
}

/// A finite double as a JSON number: an integer when that is exact, else a float.
fn number(n: f64) -> Option<Number> {
    let negative_zero = n == 0.0 && n.is_sign_negative();
    if n.fract() == 0.0 && n.abs() <= MAX_EXACT_INTEGER && !negative_zero {
        Some(Number::from(n as i64))
    } else {
        Number::from_f64(n)
    }
}

/// A JSON object as a `Struct`.
pub fn json_to_struct(object: &Map<String, serde_json::Value>) -> Struct {
    Struct {
        fields: object
            .iter()
            .map(|(name, value)| (name.clone(), json_to_value(value)))
            .collect(),
    }
}

fn json_to_value(value: &serde_json::Value) -> Value {
    let kind = match value {
        serde_json::Value::Null => Kind::NullValue(0),
        serde_json::Value::Bool(b) => Kind::BoolValue(*b),
        // Without serde_json's arbitrary precision every number has a double form.
        serde_json::Value::Number(n) => Kind::NumberValue(n.as_f64().unwrap_or(f64::NAN)),
        serde_json::Value::String(s) => Kind::StringValue(s.clone()),
        serde_json::Value::Array(items) => Kind::ListValue(ListValue {
            values: items.iter().map(json_to_value).collect(),
        }),
        serde_json::Value::Object(object) => Kind::StructValue(json_to_struct(object)),
    };
    Value { kind: Some(kind) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(kind: Kind) -> Value {
        Value { kind: Some(kind) }
    }

    fn object(fields: Vec<(&str, Value)>) -> Struct {
        Struct {
            fields: fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
        }
    }

    fn nested() -> Struct {
        object(vec![
            ("null", v(Kind::NullValue(0))),
            ("yes", v(Kind::BoolValue(true))),
            ("no", v(Kind::BoolValue(false))),
            ("text", v(Kind::StringValue("héllo \"quoted\"".into()))),
            ("int", v(Kind::NumberValue(42.0))),
            ("negative", v(Kind::NumberValue(-7.0))),
            ("float", v(Kind::NumberValue(0.1))),
            ("tiny", v(Kind::NumberValue(5e-324))),
            ("huge", v(Kind::NumberValue(1.7976931348623157e308))),
            ("beyond_exact", v(Kind::NumberValue(2f64.powi(60)))),
            ("minus_zero", v(Kind::NumberValue(-0.0))),
            (
                "list",
                v(Kind::ListValue(ListValue {
                    values: vec![
                        v(Kind::NumberValue(1.0)),
                        v(Kind::NullValue(0)),
                        v(Kind::ListValue(ListValue { values: vec![] })),
                        v(Kind::StructValue(object(vec![(
                            "deep",
                            v(Kind::ListValue(ListValue {
                                values: vec![v(Kind::BoolValue(true))],
                            })),
                        )]))),
                    ],
                })),
            ),
            ("empty", v(Kind::StructValue(Struct::default()))),
        ])
    }

    #[test]
    fn a_struct_survives_json_text_exactly() {
        let data = nested();
        let json = struct_to_json("data", &data).expect("convertible");
        let text = serde_json::to_string(&json).unwrap();
        let parsed: Map<String, serde_json::Value> = serde_json::from_str(&text).unwrap();
        let back = json_to_struct(&parsed);
        assert_eq!(back, data, "{text}");
        let minus_zero = &back.fields["minus_zero"];
        assert!(matches!(minus_zero.kind, Some(Kind::NumberValue(z)) if z.is_sign_negative()));
    }

    #[test]
    fn integral_numbers_are_stored_as_integers() {
        let json = struct_to_json("data", &nested()).unwrap();
        assert_eq!(json["int"].to_string(), "42");
        assert_eq!(json["negative"].to_string(), "-7");
        assert_eq!(json["float"].to_string(), "0.1");
        assert_eq!(json["list"][0].to_string(), "1");
    }

    #[test]
    fn nan_infinity_and_unset_values_are_refused_with_their_path() {
        let bad = |value: Value| {
            object(vec![(
                "items",
                v(Kind::ListValue(ListValue {
                    values: vec![
                        v(Kind::NullValue(0)),
                        v(Kind::StructValue(object(vec![("price", value)]))),
                    ],
                })),
            )])
        };
        let nan = struct_to_json("data", &bad(v(Kind::NumberValue(f64::NAN)))).unwrap_err();
        assert_eq!(
            nan.to_string(),
            "data.items[1].price: NaN is not a JSON number"
        );
        let inf =
            struct_to_json("data", &bad(v(Kind::NumberValue(f64::NEG_INFINITY)))).unwrap_err();
        assert_eq!(inf.path, "data.items[1].price");
        assert_eq!(inf.reason, "infinity is not a JSON number");
        let unset = struct_to_json("data", &bad(Value { kind: None })).unwrap_err();
        assert_eq!(unset.reason, "the value has no kind set");
    }
}
