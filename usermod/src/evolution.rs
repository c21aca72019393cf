//! A new schema version against the current one: what it breaks (Orbit's breaking-change
//! check over the uploaded files, plus record types that stop being record types), and what
//! it adds, for the org-admin to read before applying.

use std::collections::{HashMap, HashSet};

use orbit_proto::compat::breaking_changes;
use prost::Message as _;
use prost_types::{DescriptorProto, FileDescriptorSet};

use crate::schema::Schema;

/// What `new` breaks in `old`; empty when it can replace it.
pub(crate) fn breaks(old: &Schema, new: &Schema) -> Vec<String> {
    let (Ok(old_set), Ok(new_set)) = (
        FileDescriptorSet::decode(old.user_set.as_slice()),
        FileDescriptorSet::decode(new.user_set.as_slice()),
    ) else {
        return vec!["a schema does not decode as a FileDescriptorSet".into()];
    };
    let mut breaks: Vec<String> = breaking_changes(&old_set, &new_set)
        .iter()
        .map(ToString::to_string)
        .collect();
    let kept: HashSet<&str> = new.entities.iter().map(|e| e.message.full_name()).collect();
    for entity in &old.entities {
        let name = entity.message.full_name();
        if !kept.contains(name) && new.pool.get_message_by_name(name).is_some() {
            breaks.push(format!(
                "message {name} is no longer a record type (its records and service would go)"
            ));
        }
    }
    breaks
}

/// What `new` adds to `old` (everything, when there is no `old`).
pub(crate) fn additions(old: Option<&Schema>, new: &Schema) -> Vec<String> {
    let messages = |schema: Option<&Schema>| -> HashMap<String, DescriptorProto> {
        let mut all = HashMap::new();
        if let Some(set) =
            schema.and_then(|s| FileDescriptorSet::decode(s.user_set.as_slice()).ok())
        {
            for file in set.file {
                let package = file.package().to_owned();
                for message in file.message_type {
                    collect(&package, message, &mut all);
                }
            }
        }
        all
    };
    let before = messages(old);
    let after = messages(Some(new));
    let mut changes = Vec::new();
    let mut names: Vec<&String> = after.keys().collect();
    names.sort();
    for name in names {
        let message = &after[name];
        match before.get(name) {
            None => changes.push(format!("added message {name}")),
            Some(old_message) => {
                let numbers: HashSet<i32> = old_message.field.iter().map(|f| f.number()).collect();
                let old_names: HashMap<i32, &str> = old_message
                    .field
                    .iter()
                    .map(|f| (f.number(), f.name()))
                    .collect();
                for field in &message.field {
                    if !numbers.contains(&field.number()) {
                        changes.push(format!(
                            "added field {name}.{} ({})",
                            field.name(),
                            field.number()
                        ));
                    } else if old_names.get(&field.number()) != Some(&field.name()) {
                        changes.push(format!(
                            "renamed field {name}.{} to {} ({}): its data is kept",
                            old_names[&field.number()],
                            field.name(),
                            field.number()
                        ));
                    }
                }
            }
        }
    }
    let had: HashSet<&str> = old
        .map(|o| o.entities.iter().map(|e| e.message.full_name()).collect())
        .unwrap_or_default();
    for entity in &new.entities {
        if !had.contains(entity.message.full_name()) {
            changes.push(format!(
                "added record type {} served by {}",
                entity.message.full_name(),
                entity.service
            ));
        }
    }
    changes
}

fn collect(prefix: &str, message: DescriptorProto, into: &mut HashMap<String, DescriptorProto>) {
    let name = format!("{prefix}.{}", message.name());
    for nested in message.nested_type.clone() {
        if nested.options.as_ref().and_then(|o| o.map_entry) == Some(true) {
            continue;
        }
        collect(&name, nested, into);
    }
    into.insert(name, message);
}
