//! The generic request builder: a valid, plausible random request for any RPC, built from
//! its `MethodDescriptor` alone (prost-reflect `DynamicMessage` over the embedded descriptor
//! set), so an RPC added to a `.proto` is seedable with no code here.
//!
//! Values come from field names and types, never from which RPC it is: `*_id` and `*_ids`
//! fields take ids created earlier ([`Ids`], by the field name, `reply_to` a message),
//! `email`, `name`, `display_name`, `title`, `text`, `topic`, `emoji`… plausible text from
//! the `fake` crate, a `google.protobuf.Struct` a small record, enums a non-zero value,
//! numbers small, `optional` and `oneof` fields unset (the server's defaults). Every choice
//! draws on the caller's RNG, so one seed gives one request. The hand-written phases only
//! override a few fields for realism (a conversation, record shapes).

use std::collections::BTreeMap;

use fake::Fake;
use fake::faker::company::en::{BsNoun, Buzzword, CompanyName};
use fake::faker::lorem::en::{Sentence, Word, Words};
use fake::faker::name::en::{FirstName, LastName};
use fake::rand::RngExt;
use fake::rand::seq::IndexedRandom;
use prost_reflect::{
    DynamicMessage, FieldDescriptor, Kind, MapKey, MessageDescriptor, MethodDescriptor, Value,
};

/// Emoji the generator reacts with (short codes: one form every server accepts).
pub(crate) const EMOJI: &[&str] = &[
    ":+1:",
    ":tada:",
    ":eyes:",
    ":rocket:",
    ":heart:",
    ":laughing:",
    ":100:",
    ":white_check_mark:",
];

/// Ids created so far, by the request field that takes them (`project_id`, `room_id`,
/// `message_id`, `account_id`, …), in the order they were created.
#[derive(Debug, Clone, Default)]
pub(crate) struct Ids(BTreeMap<String, Vec<String>>);

impl Ids {
    /// Adds `id` to the pool of field `field` (e.g. `room_id`).
    pub(crate) fn add(&mut self, field: &str, id: impl Into<String>) {
        let pool = self.0.entry(field.to_owned()).or_default();
        let id = id.into();
        if !pool.contains(&id) {
            pool.push(id);
        }
    }

    /// The ids of `field`'s pool.
    pub(crate) fn get(&self, field: &str) -> &[String] {
        self.0.get(field).map_or(&[], Vec::as_slice)
    }

    /// Records every id an answer carries: a message field `room` whose `id` is set adds
    /// to `room_id` (nested and repeated messages too).
    pub(crate) fn harvest(&mut self, answer: &DynamicMessage) {
        for (field, value) in answer.fields() {
            let mut visit = |message: &DynamicMessage| {
                if let Some(Value::String(id)) = message.get_field_by_name("id").as_deref()
                    && !id.is_empty()
                {
                    self.add(&format!("{}_id", field.name()), id.clone());
                }
                self.harvest(message);
            };
            match value {
                Value::Message(message) => visit(message),
                Value::List(items) => {
                    for item in items {
                        if let Value::Message(message) = item {
                            visit(message);
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// The pool a field draws from: `reply_to` is a message, `mention_ids`/`member_ids`
    /// accounts, `X_ids` the pool `X_id`.
    fn pool_of(name: &str) -> Option<String> {
        let singular = name.strip_suffix('s').unwrap_or(name);
        match singular {
            "reply_to" => Some("message_id".into()),
            "mention_id" | "member_id" | "author_id" | "user_id" | "owner_id" => {
                Some("account_id".into())
            }
            other if other.ends_with("_id") => Some(other.to_owned()),
            _ => None,
        }
    }
}

/// A random request for `method`.
pub(crate) fn request<R: RngExt + ?Sized>(
    method: &MethodDescriptor,
    rng: &mut R,
    ids: &Ids,
) -> DynamicMessage {
    message(&method.input(), rng, ids, 0)
}

/// A random message of type `descriptor`; `depth` bounds recursion.
pub(crate) fn message<R: RngExt + ?Sized>(
    descriptor: &MessageDescriptor,
    rng: &mut R,
    ids: &Ids,
    depth: usize,
) -> DynamicMessage {
    match descriptor.full_name() {
        "google.protobuf.Struct" => return record_struct(rng),
        "google.protobuf.Timestamp" => {
            let mut stamp = DynamicMessage::new(descriptor.clone());
            // 2024-01-01 .. 2026-12-31
            let seconds = rng.random_range(1_704_067_200_i64..1_798_675_200);
            stamp.set_field_by_name("seconds", Value::I64(seconds));
            return stamp;
        }
        _ => {}
    }
    let mut out = DynamicMessage::new(descriptor.clone());
    for field in descriptor.fields() {
        // Leave oneofs (real or proto3 `optional`) unset: the server's default applies.
        if field.containing_oneof().is_some() || field.is_map() {
            continue;
        }
        if let Some(value) = field_value(descriptor, &field, rng, ids, depth) {
            out.set_field(&field, value);
        }
    }
    out
}

fn field_value<R: RngExt + ?Sized>(
    parent: &MessageDescriptor,
    field: &FieldDescriptor,
    rng: &mut R,
    ids: &Ids,
    depth: usize,
) -> Option<Value> {
    let name = field.name();
    if let Some(pool) = Ids::pool_of(name) {
        let pool = ids.get(&pool);
        if field.is_list() {
            let count = rng.random_range(0..=pool.len().min(2));
            let picked: Vec<Value> = pool
                .sample(rng, count)
                .map(|id| Value::String(id.clone()))
                .collect();
            return Some(Value::List(picked));
        }
        return pool.choose(rng).map(|id| Value::String(id.clone()));
    }
    if field.is_list() {
        let count = match field.kind() {
            Kind::Message(_) => rng.random_range(1..=2),
            _ => rng.random_range(0..=2),
        };
        let items: Vec<Value> = (0..count)
            .filter_map(|_| single(parent, field, rng, ids, depth))
            .collect();
        return Some(Value::List(items));
    }
    single(parent, field, rng, ids, depth)
}

fn single<R: RngExt + ?Sized>(
    parent: &MessageDescriptor,
    field: &FieldDescriptor,
    rng: &mut R,
    ids: &Ids,
    depth: usize,
) -> Option<Value> {
    let name = field.name();
    Some(match field.kind() {
        Kind::String => Value::String(text_for(parent.name(), name, depth, rng)?),
        Kind::Bool => Value::Bool(false),
        Kind::Int32 | Kind::Sint32 | Kind::Sfixed32 => Value::I32(number_for(name, rng) as i32),
        Kind::Int64 | Kind::Sint64 | Kind::Sfixed64 => Value::I64(number_for(name, rng) as i64),
        Kind::Uint32 | Kind::Fixed32 => Value::U32(number_for(name, rng) as u32),
        Kind::Uint64 | Kind::Fixed64 => Value::U64(number_for(name, rng)),
        Kind::Float => Value::F32(rng.random_range(0.0..100.0)),
        Kind::Double => Value::F64(rng.random_range(0.0..100.0)),
        Kind::Bytes => return None,
        Kind::Enum(enumeration) => {
            let values: Vec<i32> = enumeration
                .values()
                .map(|v| v.number())
                .filter(|n| *n != 0)
                .collect();
            // Roles a request may hand out are the project ones.
            let values = if enumeration.name() == "Role" {
                vec![3, 4]
            } else {
                values
            };
            Value::EnumNumber(*values.choose(rng)?)
        }
        Kind::Message(descriptor) => {
            if depth >= 3 {
                return None;
            }
            Value::Message(message(&descriptor, rng, ids, depth + 1))
        }
    })
}

/// Positions, sequence numbers, versions and page sizes are 0 (the server's "from the
/// start" / default); other numbers small.
fn number_for<R: RngExt + ?Sized>(name: &str, rng: &mut R) -> u64 {
    let defaulted = [
        "seq",
        "version",
        "page_size",
        "limit",
        "offset",
        "heartbeat_seconds",
    ];
    if defaulted
        .iter()
        .any(|d| name == *d || name.ends_with(&format!("_{d}")))
    {
        return 0;
    }
    rng.random_range(1..=100)
}

/// Plausible text for a string field, by its name (and the message it is in); `None` for
/// fields best left empty (a request's own id, which the server assigns; tokens, passwords).
/// An `id` inside a nested message (a survey's question) is the client's to choose.
fn text_for<R: RngExt + ?Sized>(
    message: &str,
    name: &str,
    depth: usize,
    rng: &mut R,
) -> Option<String> {
    Some(match name {
        "id" if depth > 0 => format!("{}{}", slug(rng), rng.random_range(1..1000)),
        "email" => Person::random(rng, "example.com").email,
        "display_name" => Person::random(rng, "example.com").display_name,
        "name" if message.contains("Org") => org_name(rng),
        "name" if message.contains("Project") => project_name(rng),
        "name" if message.contains("Room") => room_name(rng),
        "name" => slug(rng),
        "entity" => ["task", "note", "contact", "invoice"]
            .choose(rng)?
            .to_string(),
        "title" | "subject" | "label" => title(rng),
        "text" | "body" | "content" | "comment" | "message" => sentence(rng, 4..14),
        "topic" | "description" | "summary" => sentence(rng, 3..9),
        "emoji" => EMOJI.choose(rng)?.to_string(),
        "group_by" | "field" => ["status", "priority", "owner"].choose(rng)?.to_string(),
        "idempotency_key" => format!("seed-{:016x}", rng.random::<u64>()),
        "id" | "password" | "token" | "page_token" | "refresh_token" | "new_password"
        | "module" => return None,
        _ => Word().fake_with_rng::<String, _>(rng),
    })
}

/// A sentence of `words` words with its full stop.
pub(crate) fn sentence<R: RngExt + ?Sized>(rng: &mut R, words: std::ops::Range<usize>) -> String {
    Sentence(words).fake_with_rng(rng)
}

/// A short title: a capitalised phrase without a full stop.
pub(crate) fn title<R: RngExt + ?Sized>(rng: &mut R) -> String {
    let words: Vec<String> = Words(2..5).fake_with_rng(rng);
    capitalise(&words.join(" "))
}

/// A lower-case identifier-like word (`1-64 lower-case letters, digits or '_'`).
pub(crate) fn slug<R: RngExt + ?Sized>(rng: &mut R) -> String {
    let word: String = Word().fake_with_rng(rng);
    let slug: String = word
        .to_lowercase()
        .chars()
        .filter(char::is_ascii_lowercase)
        .take(40)
        .collect();
    if slug.is_empty() { "item".into() } else { slug }
}

/// An organisation's name.
pub(crate) fn org_name<R: RngExt + ?Sized>(rng: &mut R) -> String {
    CompanyName().fake_with_rng(rng)
}

/// A project's name: "Quantum pipeline", "Mobile roadmap".
pub(crate) fn project_name<R: RngExt + ?Sized>(rng: &mut R) -> String {
    let buzz: String = Buzzword().fake_with_rng(rng);
    let noun: String = BsNoun().fake_with_rng(rng);
    capitalise(&format!("{buzz} {noun}"))
}

/// A chat room's name: "general", "design-review".
pub(crate) fn room_name<R: RngExt + ?Sized>(rng: &mut R) -> String {
    const ROOMS: &[&str] = &[
        "general",
        "random",
        "design-review",
        "releases",
        "support",
        "standup",
        "ops",
        "planning",
        "incidents",
        "watercooler",
    ];
    ROOMS.choose(rng).copied().unwrap_or("general").to_owned()
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A made-up person: names and an e-mail address at `domain`.
#[derive(Debug, Clone)]
pub(crate) struct Person {
    pub(crate) display_name: String,
    pub(crate) email: String,
}

impl Person {
    pub(crate) fn random<R: RngExt + ?Sized>(rng: &mut R, domain: &str) -> Person {
        let first: String = FirstName().fake_with_rng(rng);
        let last: String = LastName().fake_with_rng(rng);
        let local = format!("{first}.{last}")
            .to_lowercase()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '.')
            .collect::<String>();
        Person {
            display_name: format!("{first} {last}"),
            email: format!("{local}@{domain}"),
        }
    }
}

/// A small record as a `google.protobuf.Struct`: a title, a status, a number, a date.
fn record_struct<R: RngExt + ?Sized>(rng: &mut R) -> DynamicMessage {
    let mut object = serde_json::Map::new();
    object.insert("title".into(), title(rng).into());
    object.insert(
        "status".into(),
        ["open", "in_progress", "done"]
            .choose(rng)
            .copied()
            .unwrap_or("open")
            .into(),
    );
    object.insert("amount".into(), rng.random_range(1..1000).into());
    object.insert(
        "date".into(),
        fake::faker::time::en::Date()
            .fake_with_rng::<String, _>(rng)
            .into(),
    );
    json_struct(&object)
}

/// A JSON object as a `google.protobuf.Struct` message.
pub(crate) fn json_struct(object: &serde_json::Map<String, serde_json::Value>) -> DynamicMessage {
    let descriptor = crate::seed::call::POOL
        .get_message_by_name("google.protobuf.Struct")
        .expect("Struct is in the descriptor set");
    let mut out = DynamicMessage::new(descriptor.clone());
    let fields = descriptor
        .get_field_by_name("fields")
        .expect("Struct.fields");
    let map = object
        .iter()
        .map(|(key, value)| {
            (
                MapKey::String(key.clone()),
                Value::Message(json_value(value)),
            )
        })
        .collect();
    out.set_field(&fields, Value::Map(map));
    out
}

fn json_value(value: &serde_json::Value) -> DynamicMessage {
    let descriptor = crate::seed::call::POOL
        .get_message_by_name("google.protobuf.Value")
        .expect("Value is in the descriptor set");
    let mut out = DynamicMessage::new(descriptor);
    match value {
        serde_json::Value::Null => out.set_field_by_name("null_value", Value::EnumNumber(0)),
        serde_json::Value::Bool(b) => out.set_field_by_name("bool_value", Value::Bool(*b)),
        serde_json::Value::Number(n) => {
            out.set_field_by_name("number_value", Value::F64(n.as_f64().unwrap_or(0.0)))
        }
        serde_json::Value::String(s) => {
            out.set_field_by_name("string_value", Value::String(s.clone()))
        }
        serde_json::Value::Array(items) => {
            let list_descriptor = crate::seed::call::POOL
                .get_message_by_name("google.protobuf.ListValue")
                .expect("ListValue is in the descriptor set");
            let mut list = DynamicMessage::new(list_descriptor);
            list.set_field_by_name(
                "values",
                Value::List(
                    items
                        .iter()
                        .map(|v| Value::Message(json_value(v)))
                        .collect(),
                ),
            );
            out.set_field_by_name("list_value", Value::Message(list));
        }
        serde_json::Value::Object(object) => {
            out.set_field_by_name("struct_value", Value::Message(json_struct(object)))
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use fake::rand::SeedableRng;
    use fake::rand::rngs::ChaCha8Rng;

    use super::*;
    use crate::seed::call::POOL;

    /// Every unary RPC of the API gets a request, and one seed gives the same one.
    #[test]
    fn every_rpc_gets_a_deterministic_request() {
        let mut ids = Ids::default();
        ids.add("project_id", "01PROJECT");
        ids.add("room_id", "01ROOM");
        ids.add("account_id", "01ACCOUNT");
        let mut methods = 0;
        for service in POOL
            .services()
            .filter(|s| s.full_name().starts_with("orbit."))
        {
            for method in service.methods() {
                let a = request(&method, &mut ChaCha8Rng::seed_from_u64(7), &ids);
                let b = request(&method, &mut ChaCha8Rng::seed_from_u64(7), &ids);
                assert_eq!(a, b, "{}", method.full_name());
                methods += 1;
            }
        }
        assert!(methods > 50, "{methods}");
        let post = crate::seed::call::method("orbit.chat.v1.ChatService/PostMessage");
        let message = request(&post, &mut ChaCha8Rng::seed_from_u64(1), &ids);
        assert_eq!(
            message.get_field_by_name("project_id").unwrap().as_str(),
            Some("01PROJECT")
        );
        let text = message.get_field_by_name("text").unwrap();
        assert!(text.as_str().is_some_and(|t| t.len() > 5), "{text:?}");
    }

    #[test]
    fn answers_feed_the_id_pools() {
        let create = crate::seed::call::method("orbit.chat.v1.ChatService/CreateRoom");
        let mut answer = DynamicMessage::new(create.output());
        let room_descriptor = POOL.get_message_by_name("orbit.chat.v1.Room").unwrap();
        let mut room = DynamicMessage::new(room_descriptor);
        room.set_field_by_name("id", Value::String("R1".into()));
        answer.set_field_by_name("room", Value::Message(room));
        let mut ids = Ids::default();
        ids.harvest(&answer);
        assert_eq!(ids.get("room_id"), ["R1".to_owned()]);
    }
}
