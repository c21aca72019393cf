//! How responses are printed: a table on a terminal, JSON when piped (or `--output json`),
//! YAML on request; proto3 JSON field names throughout. Whether stdout is a terminal is
//! decided once, here.
//!
//! A table shows a response's list of messages (one row each, a column per field), or a
//! single message as FIELD/VALUE rows; other fields follow as `name: value` lines. Streams
//! print each message as it arrives: one JSON object per line, or one line of `name=value`
//! on a terminal.

use std::io::{IsTerminal, Write};

use comfy_table::{ContentArrangement, Table, presets};
use prost_reflect::{DynamicMessage, ReflectMessage, SerializeOptions};
use serde_json::{Map, Value};

/// The output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Table,
    Json,
    Yaml,
}

/// Where and how to print.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Output {
    pub(crate) format: Format,
    /// Whether stdout is a terminal.
    pub(crate) tty: bool,
}

/// Longest cell on a terminal before it is cut with `…`.
const MAX_CELL: usize = 60;

impl Output {
    /// `--output` if given, else table on a terminal and JSON otherwise.
    pub(crate) fn new(flag: Option<&str>) -> Output {
        let tty = std::io::stdout().is_terminal();
        let format = match flag {
            Some("json") => Format::Json,
            Some("yaml") => Format::Yaml,
            Some("table") => Format::Table,
            _ if tty => Format::Table,
            _ => Format::Json,
        };
        Output { format, tty }
    }

    /// Prints a whole (unary) response.
    pub(crate) fn print(&self, message: &DynamicMessage) -> std::io::Result<()> {
        let json = to_json(message);
        let text = match self.format {
            Format::Json => {
                serde_json::to_string_pretty(&json).expect("JSON values serialize") + "\n"
            }
            Format::Yaml => yaml(&json),
            Format::Table => self.table(message, &json),
        };
        write_out(&text)
    }

    /// Prints one message of a stream, at once.
    pub(crate) fn print_streamed(&self, message: &DynamicMessage) -> std::io::Result<()> {
        let json = to_json(message);
        let text = match self.format {
            Format::Json => serde_json::to_string(&json).expect("JSON values serialize") + "\n",
            Format::Yaml => format!("---\n{}", yaml(&json)),
            Format::Table => {
                let mut parts = Vec::new();
                flatten("", &json, &mut parts);
                let line: Vec<String> = parts
                    .into_iter()
                    .map(|(k, v)| format!("{k}={}", self.cut(&v)))
                    .collect();
                line.join("  ") + "\n"
            }
        };
        write_out(&text)
    }

    /// Prints a plain line (confirmations of the session commands); JSON and YAML get
    /// `value` instead.
    pub(crate) fn print_note(&self, line: &str, value: Value) -> std::io::Result<()> {
        match self.format {
            Format::Table => write_out(&format!("{line}\n")),
            Format::Json => {
                write_out(&(serde_json::to_string_pretty(&value).expect("JSON") + "\n"))
            }
            Format::Yaml => write_out(&yaml(&value)),
        }
    }

    /// Prints rows under headers.
    pub(crate) fn print_rows(
        &self,
        headers: &[&str],
        rows: Vec<Vec<String>>,
    ) -> std::io::Result<()> {
        match self.format {
            Format::Table => {
                let mut table = self.new_table();
                table.set_header(headers.to_vec());
                for row in rows {
                    table.add_row(row);
                }
                write_out(&format!("{table}\n"))
            }
            Format::Json | Format::Yaml => {
                let values: Vec<Value> = rows
                    .into_iter()
                    .map(|row| {
                        Value::Object(
                            headers
                                .iter()
                                .map(|h| h.to_lowercase())
                                .zip(row.into_iter().map(Value::String))
                                .collect(),
                        )
                    })
                    .collect();
                let value = Value::Array(values);
                if self.format == Format::Json {
                    write_out(&(serde_json::to_string_pretty(&value).expect("JSON") + "\n"))
                } else {
                    write_out(&yaml(&value))
                }
            }
        }
    }

    fn new_table(&self) -> Table {
        let mut table = Table::new();
        table.load_preset(presets::UTF8_FULL_CONDENSED);
        if self.tty {
            table.set_content_arrangement(ContentArrangement::Dynamic);
        } else {
            table.set_content_arrangement(ContentArrangement::Disabled);
        }
        table
    }

    fn cut(&self, text: &str) -> String {
        if self.tty && text.chars().count() > MAX_CELL {
            let cut: String = text.chars().take(MAX_CELL - 1).collect();
            format!("{cut}…")
        } else {
            text.to_owned()
        }
    }

    fn table(&self, message: &DynamicMessage, json: &Value) -> String {
        let Value::Object(object) = json else {
            return format!("{json}\n");
        };
        if object.is_empty() {
            return "ok\n".into();
        }
        let descriptor = message.descriptor();
        let mut out = String::new();
        let mut rest = Map::new();
        // Lists of messages become tables; a single message field is shown as its fields.
        let lists: Vec<&str> = object
            .iter()
            .filter(|(_, v)| matches!(v, Value::Array(items) if items.iter().all(Value::is_object)))
            .map(|(k, _)| k.as_str())
            .collect();
        let singles: Vec<&str> = object
            .iter()
            .filter(|(_, v)| v.is_object())
            .map(|(k, _)| k.as_str())
            .collect();
        for (key, value) in object {
            if lists.contains(&key.as_str()) {
                let Value::Array(items) = value else { continue };
                if lists.len() > 1 {
                    out.push_str(&format!("{key}:\n"));
                }
                out.push_str(&self.list_table(&descriptor, key, items));
                out.push('\n');
            } else if singles.len() == 1 && singles[0] == key && lists.is_empty() {
                out.push_str(&self.fields_table(value));
                out.push('\n');
            } else {
                rest.insert(key.clone(), value.clone());
            }
        }
        if !rest.is_empty() {
            if out.is_empty() {
                out.push_str(&self.fields_table(&Value::Object(rest)));
                out.push('\n');
            } else {
                for (key, value) in rest {
                    out.push_str(&format!("{key}: {}\n", self.cut(&cell(&value))));
                }
            }
        }
        out
    }

    /// One row per item, one column per field (in the order of the message's fields).
    fn list_table(
        &self,
        descriptor: &prost_reflect::MessageDescriptor,
        key: &str,
        items: &[Value],
    ) -> String {
        let mut columns: Vec<String> = Vec::new();
        if let Some(prost_reflect::Kind::Message(item)) =
            descriptor.get_field_by_json_name(key).map(|f| f.kind())
        {
            for field in item.fields() {
                let name = field.json_name().to_owned();
                if items.iter().any(|i| i.get(&name).is_some()) {
                    columns.push(name);
                }
            }
        }
        for item in items {
            if let Value::Object(object) = item {
                for name in object.keys() {
                    if !columns.contains(name) {
                        columns.push(name.clone());
                    }
                }
            }
        }
        if items.is_empty() {
            return format!("(no {key})\n");
        }
        let mut table = self.new_table();
        table.set_header(columns.clone());
        for item in items {
            table.add_row(
                columns
                    .iter()
                    .map(|c| item.get(c).map(|v| self.cut(&cell(v))).unwrap_or_default())
                    .collect::<Vec<_>>(),
            );
        }
        format!("{table}")
    }

    /// FIELD | VALUE rows of an object.
    fn fields_table(&self, value: &Value) -> String {
        let mut table = self.new_table();
        table.set_header(vec!["FIELD", "VALUE"]);
        let mut parts = Vec::new();
        flatten("", value, &mut parts);
        for (key, value) in parts {
            table.add_row(vec![key, self.cut(&value)]);
        }
        format!("{table}")
    }
}

/// A message as proto3 JSON (lowerCamelCase names, defaults left out, 64-bit integers as
/// strings, enums by name).
pub(crate) fn to_json(message: &DynamicMessage) -> Value {
    message
        .serialize_with_options(serde_json::value::Serializer, &SerializeOptions::new())
        .expect("a decoded message serializes to JSON")
}

fn yaml(value: &Value) -> String {
    serde_norway::to_string(value).expect("JSON values serialize to YAML")
}

/// A value as a table cell: strings bare, the rest as compact JSON.
fn cell(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Array(items) if items.iter().all(|i| !i.is_object() && !i.is_array()) => {
            items.iter().map(cell).collect::<Vec<_>>().join(", ")
        }
        other => other.to_string(),
    }
}

/// `{"a":{"b":1}}` → `[("a.b", "1")]`; lists stay whole.
fn flatten(prefix: &str, value: &Value, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(object) if !object.is_empty() => {
            for (key, value) in object {
                let name = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                flatten(&name, value, out);
            }
        }
        other => out.push((prefix.to_owned(), cell(other))),
    }
}

/// Writes to stdout and flushes, so a stream's messages show as they arrive; a closed pipe
/// (`| head`) ends quietly.
fn write_out(text: &str) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()
}
