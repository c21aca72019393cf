//! Group-by view declarations: validation of the `ViewDeclaration` a client sends (every
//! error names the field at fault) and the checked form that is stored and folded.

use orbit_proto::orbit::cdc::v1 as pb;
use serde::{Deserialize, Serialize};

use super::error::ViewError;

/// Database folded when a declaration names no module.
pub const DEFAULT_MODULE: &str = "records";
/// Most aggregates one view may have.
pub(crate) const MAX_AGGREGATES: usize = 32;
/// Longest view or aggregate name.
const MAX_NAME: usize = 64;

/// How an aggregate folds a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Function {
    Count,
    Sum,
    Min,
    Max,
    Latest,
}

impl Function {
    fn from_proto(value: i32) -> Option<Function> {
        match pb::AggregateFunction::try_from(value).ok()? {
            pb::AggregateFunction::Unspecified => None,
            pb::AggregateFunction::Count => Some(Function::Count),
            pb::AggregateFunction::Sum => Some(Function::Sum),
            pb::AggregateFunction::Min => Some(Function::Min),
            pb::AggregateFunction::Max => Some(Function::Max),
            pb::AggregateFunction::Latest => Some(Function::Latest),
        }
    }

    fn to_proto(self) -> pb::AggregateFunction {
        match self {
            Function::Count => pb::AggregateFunction::Count,
            Function::Sum => pb::AggregateFunction::Sum,
            Function::Min => pb::AggregateFunction::Min,
            Function::Max => pb::AggregateFunction::Max,
            Function::Latest => pb::AggregateFunction::Latest,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Function::Count => "COUNT",
            Function::Sum => "SUM",
            Function::Min => "MIN",
            Function::Max => "MAX",
            Function::Latest => "LATEST",
        }
    }
}

/// One checked output column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AggregateSpec {
    pub name: String,
    pub function: Function,
    /// The field read; `None` for COUNT.
    pub field: Option<FieldPath>,
}

/// A dot-separated path into a record's JSON object (`address.city`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FieldPath(String);

impl FieldPath {
    fn parse(field: &str, path: &str) -> Result<FieldPath, ViewError> {
        if path.is_empty() {
            return Err(ViewError::invalid(field, "a field path is needed"));
        }
        if path.len() > 256 {
            return Err(ViewError::invalid(
                field,
                "a field path has at most 256 characters",
            ));
        }
        if path.split('.').any(str::is_empty) {
            return Err(ViewError::invalid(
                field,
                format!("{path:?} has an empty segment; separate names with single dots"),
            ));
        }
        Ok(FieldPath(path.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The value at this path in `record`, if every segment is there.
    pub fn get<'a>(&self, record: &'a serde_json::Value) -> Option<&'a serde_json::Value> {
        self.0
            .split('.')
            .try_fold(record, |value, segment| value.as_object()?.get(segment))
    }
}

/// A checked group-by declaration, as stored and folded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupBySpec {
    pub name: String,
    /// The source database (the declaration's module, `records` by default).
    pub module: String,
    pub entity: String,
    pub group_by: FieldPath,
    pub aggregates: Vec<AggregateSpec>,
}

impl GroupBySpec {
    /// Checks a client's declaration; the error names the first field at fault.
    pub fn from_proto(declaration: &pb::ViewDeclaration) -> Result<GroupBySpec, ViewError> {
        let name = check_name("name", &declaration.name, false)?;
        let module = if declaration.module.is_empty() {
            DEFAULT_MODULE.to_owned()
        } else {
            check_store_name("module", &declaration.module)?
        };
        if declaration.entity.is_empty() {
            return Err(ViewError::invalid("entity", "an entity type is needed"));
        }
        let entity = check_store_name("entity", &declaration.entity)?;
        let group_by = FieldPath::parse("group_by", &declaration.group_by)?;
        if declaration.aggregates.is_empty() {
            return Err(ViewError::invalid(
                "aggregates",
                "at least one aggregate is needed",
            ));
        }
        if declaration.aggregates.len() > MAX_AGGREGATES {
            return Err(ViewError::invalid(
                "aggregates",
                format!("at most {MAX_AGGREGATES} aggregates are allowed"),
            ));
        }
        let mut aggregates: Vec<AggregateSpec> = Vec::new();
        for (i, aggregate) in declaration.aggregates.iter().enumerate() {
            let at = |part: &str| format!("aggregates[{i}].{part}");
            let name = check_name(&at("name"), &aggregate.name, true)?;
            if aggregates.iter().any(|a| a.name == name) {
                return Err(ViewError::invalid(
                    at("name"),
                    format!("{name:?} is already the name of another aggregate"),
                ));
            }
            let function = Function::from_proto(aggregate.function).ok_or_else(|| {
                ViewError::invalid(at("function"), "choose COUNT, SUM, MIN, MAX or LATEST")
            })?;
            let field = match (function, aggregate.field.as_str()) {
                (Function::Count, "") => None,
                (Function::Count, _) => {
                    return Err(ViewError::invalid(at("field"), "COUNT takes no field"));
                }
                (function, "") => {
                    return Err(ViewError::invalid(
                        at("field"),
                        format!("{} needs a field", function.label()),
                    ));
                }
                (_, path) => Some(FieldPath::parse(&at("field"), path)?),
            };
            aggregates.push(AggregateSpec {
                name,
                function,
                field,
            });
        }
        Ok(GroupBySpec {
            name,
            module,
            entity,
            group_by,
            aggregates,
        })
    }

    /// The declaration as a client sees it.
    pub fn to_proto(&self) -> pb::ViewDeclaration {
        pb::ViewDeclaration {
            name: self.name.clone(),
            module: self.module.clone(),
            entity: self.entity.clone(),
            group_by: self.group_by.as_str().to_owned(),
            aggregates: self
                .aggregates
                .iter()
                .map(|a| pb::Aggregate {
                    name: a.name.clone(),
                    function: a.function.to_proto() as i32,
                    field: a
                        .field
                        .as_ref()
                        .map(|f| f.as_str().to_owned())
                        .unwrap_or_default(),
                })
                .collect(),
        }
    }
}

/// Checks a view name (`letter_first` for aggregate names): 1-64 of `[a-z0-9_]`.
pub(crate) fn check_name(field: &str, name: &str, letter_first: bool) -> Result<String, ViewError> {
    let well_formed = !name.is_empty()
        && name.len() <= MAX_NAME
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        && (!letter_first || name.as_bytes()[0].is_ascii_lowercase());
    if well_formed {
        return Ok(name.to_owned());
    }
    let first = if letter_first {
        ", starting with a letter"
    } else {
        ""
    };
    Err(ViewError::invalid(
        field,
        format!("{name:?}: use 1-{MAX_NAME} lower-case letters, digits or '_'{first}"),
    ))
}

/// Checks a database or keyspace name as the store accepts it.
fn check_store_name(field: &str, name: &str) -> Result<String, ViewError> {
    let well_formed = !name.is_empty()
        && name.len() <= 128
        && name.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'.')
        });
    if well_formed {
        Ok(name.to_owned())
    } else {
        Err(ViewError::invalid(
            field,
            format!("{name:?}: use 1-128 lower-case letters, digits, '-', '_' or '.'"),
        ))
    }
}
