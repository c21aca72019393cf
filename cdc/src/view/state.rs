//! The folding state of a group-by view: each source record's last contribution, and each
//! group's accumulators (count, exact sums, the ordered multiset of values MIN/MAX choose
//! from and the LATEST candidates by sequence number, both chunked by `ordered.rs`), so an
//! update or delete subtracts what a record added without looking at any other record.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Number, Value};

use super::declaration::{Function, GroupBySpec};
use super::error::ViewError;
use super::ordered::{OrderedSet, SetKey};
use super::row::Row;
use super::writer::ViewWriter;

/// Version marker of the stored encodings below.
const FORMAT: u32 = 1;

/// What one source record added to the view: its group and, per aggregate, the value of the
/// aggregate's field (null if absent), plus the sequence number of its last write.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Contribution {
    pub(crate) v: u32,
    pub(crate) group: Value,
    pub(crate) seq: u64,
    pub(crate) values: Vec<Value>,
}

impl Contribution {
    /// The contribution of `record` (a JSON object) written at `seq`.
    pub(crate) fn of(spec: &GroupBySpec, record: &Value, seq: u64) -> Contribution {
        let group = spec.group_by.get(record).cloned().unwrap_or(Value::Null);
        let values = spec
            .aggregates
            .iter()
            .map(|aggregate| match &aggregate.field {
                Some(field) => field.get(record).cloned().unwrap_or(Value::Null),
                None => Value::Null,
            })
            .collect();
        Contribution {
            v: FORMAT,
            group,
            seq,
            values,
        }
    }
}

/// A value MIN and MAX compare: numbers before strings; other JSON values are skipped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) enum Scalar {
    Num(f64),
    Str(String),
}

impl Scalar {
    pub(crate) fn of(value: &Value) -> Option<Scalar> {
        match value {
            Value::Number(n) => n.as_f64().map(Scalar::Num),
            Value::String(s) => Some(Scalar::Str(s.clone())),
            _ => None,
        }
    }

    pub(crate) fn to_json(&self) -> Value {
        match self {
            Scalar::Num(n) => number(*n),
            Scalar::Str(s) => Value::String(s.clone()),
        }
    }
}

impl SetKey for Scalar {
    fn order(&self, other: &Scalar) -> Ordering {
        match (self, other) {
            (Scalar::Num(a), Scalar::Num(b)) => a.total_cmp(b),
            (Scalar::Num(_), Scalar::Str(_)) => Ordering::Less,
            (Scalar::Str(_), Scalar::Num(_)) => Ordering::Greater,
            (Scalar::Str(a), Scalar::Str(b)) => a.cmp(b),
        }
    }
}

/// An exact sum: integers in 128 bits (kept as text, JSON numbers being 64-bit), other
/// numbers in a float, so adding and later subtracting an integer leaves no rounding error.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct Sum {
    int: String,
    float: f64,
}

impl Sum {
    fn int(&self) -> i128 {
        self.int.parse().unwrap_or(0)
    }

    fn add(&mut self, value: &Value, sign: i128) {
        let Value::Number(n) = value else { return };
        if let Some(i) = n.as_i64().map(i128::from).or(n.as_u64().map(i128::from)) {
            self.int = (self.int() + sign * i).to_string();
        } else if let Some(f) = n.as_f64() {
            self.float += sign as f64 * f;
        }
    }

    pub(crate) fn to_json(&self) -> Value {
        let int = self.int();
        if self.float == 0.0 {
            if let Ok(small) = i64::try_from(int) {
                return Value::Number(small.into());
            }
        }
        number(int as f64 + self.float)
    }
}

/// The accumulators of one group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct GroupState {
    pub(crate) v: u32,
    pub(crate) group: Value,
    pub(crate) count: u64,
    /// Per aggregate (default for those that are not SUM).
    pub(crate) sums: Vec<Sum>,
    /// Per aggregate, for MIN and MAX: the values in order with their multiplicity.
    pub(crate) ordered: Vec<OrderedSet<Scalar, u64>>,
    /// For LATEST: each member record's values by the sequence number of its last write.
    pub(crate) latest: OrderedSet<u64, Vec<Value>>,
}

impl GroupState {
    pub(crate) fn empty(spec: &GroupBySpec, group: Value) -> GroupState {
        let n = spec.aggregates.len();
        GroupState {
            v: FORMAT,
            group,
            count: 0,
            sums: vec![Sum::default(); n],
            ordered: vec![OrderedSet::default(); n],
            latest: OrderedSet::default(),
        }
    }

    /// Adds a member's contribution; `key` is the group's key among the view's data.
    pub(crate) async fn add(
        &mut self,
        spec: &GroupBySpec,
        writer: &mut ViewWriter<'_>,
        key: &str,
        c: &Contribution,
    ) -> Result<(), ViewError> {
        self.count += 1;
        self.fold(spec, writer, key, c, true).await
    }

    /// Takes a member's contribution out again.
    pub(crate) async fn remove(
        &mut self,
        spec: &GroupBySpec,
        writer: &mut ViewWriter<'_>,
        key: &str,
        c: &Contribution,
    ) -> Result<(), ViewError> {
        self.count = self.count.saturating_sub(1);
        self.fold(spec, writer, key, c, false).await
    }

    async fn fold(
        &mut self,
        spec: &GroupBySpec,
        writer: &mut ViewWriter<'_>,
        key: &str,
        c: &Contribution,
        add: bool,
    ) -> Result<(), ViewError> {
        let mut has_latest = false;
        for (i, aggregate) in spec.aggregates.iter().enumerate() {
            let value = c.values.get(i).unwrap_or(&Value::Null);
            match aggregate.function {
                Function::Count => {}
                Function::Sum => self.sums[i].add(value, if add { 1 } else { -1 }),
                Function::Min | Function::Max => {
                    let Some(scalar) = Scalar::of(value) else {
                        continue;
                    };
                    let base = format!("{key}/{i}");
                    if add {
                        self.ordered[i].add(writer, &base, scalar, 1).await?;
                    } else if !self.ordered[i].remove(writer, &base, &scalar).await? {
                        tracing::warn!(column = %aggregate.name, "a view removed a value its group did not hold");
                    }
                }
                Function::Latest => has_latest = true,
            }
        }
        if has_latest {
            let base = format!("{key}/latest");
            if add {
                self.latest
                    .add(writer, &base, c.seq, c.values.clone())
                    .await?;
            } else {
                self.latest.remove(writer, &base, &c.seq).await?;
            }
        }
        Ok(())
    }

    /// The group's row as a reader sees it.
    pub(crate) fn row(&self, spec: &GroupBySpec) -> Row {
        let mut values = Map::new();
        for (i, aggregate) in spec.aggregates.iter().enumerate() {
            let value = match aggregate.function {
                Function::Count => Value::Number(self.count.into()),
                Function::Sum => self.sums[i].to_json(),
                Function::Min => self.ordered[i]
                    .first()
                    .map_or(Value::Null, |(s, _)| s.to_json()),
                Function::Max => self.ordered[i]
                    .last()
                    .map_or(Value::Null, |(s, _)| s.to_json()),
                Function::Latest => self
                    .latest
                    .last()
                    .and_then(|(_, values)| values.get(i).cloned())
                    .unwrap_or(Value::Null),
            };
            values.insert(aggregate.name.clone(), value);
        }
        Row {
            group: self.group.clone(),
            values,
        }
    }
}

/// A JSON number, integral when it is one (so counts and integer sums read as integers).
pub(crate) fn number(n: f64) -> Value {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        Value::Number((n as i64).into())
    } else {
        Number::from_f64(n).map_or(Value::Null, Value::Number)
    }
}
