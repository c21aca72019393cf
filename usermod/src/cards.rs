//! GUI pages of a user module, generated from the descriptor: per record type a list (live:
//! it follows the type's Watch), a form that creates one, and a detail page that edits or
//! deletes one, as Adaptive Cards templates over the type's generated RPCs (`ModulePage`, the
//! same shape compiled modules' card pages have). An org-admin's own templates replace them.

use orbit_proto::orbit::system::v1 as pb;
use prost_reflect::{Cardinality, FieldDescriptor, Kind};
use serde_json::{Value, json};

use crate::definitions::{CustomPages, ModuleDef};
use crate::schema::Entity;

/// Fields a list shows per record, at most.
const LIST_FACTS: usize = 5;

/// The pages of `entity` in module `def`, the org-admin's templates where set.
pub(crate) fn pages(def: &ModuleDef, entity: &Entity) -> Vec<pb::ModulePage> {
    let custom = def
        .pages
        .get(entity.message.full_name())
        .cloned()
        .unwrap_or_default();
    let base = format!("/p/:project/u/{}/{}", def.name, entity.key);
    let project = r#"{"projectId":"{project}"}"#.to_owned();
    let data = |name: &str, method: &str, request: String| pb::ModulePageData {
        name: name.to_owned(),
        method: entity.method(method),
        request,
    };
    let pick = |own: &str, generated: Value| {
        if own.trim().is_empty() {
            generated.to_string()
        } else {
            own.to_owned()
        }
    };
    let CustomPages { list, detail, form } = custom;
    vec![
        pb::ModulePage {
            name: format!("{}.list", entity.key),
            route: base.clone(),
            title_id: String::new(),
            title: entity.label.clone(),
            in_nav: true,
            card: pick(&list, list_card(def, entity)),
            data: vec![data(
                "list",
                "List",
                r#"{"projectId":"{project}","pageSize":100}"#.to_owned(),
            )],
            watch: Some(data("watch", "Watch", project.clone())),
        },
        pb::ModulePage {
            name: format!("{}.new", entity.key),
            route: format!("{base}/new"),
            title_id: String::new(),
            title: format!("New {}", entity.message.name()),
            in_nav: false,
            card: pick(&form, form_card(def, entity)),
            data: Vec::new(),
            watch: None,
        },
        pb::ModulePage {
            name: format!("{}.detail", entity.key),
            route: format!("{base}/:id"),
            title_id: String::new(),
            title: entity.message.name().to_owned(),
            in_nav: false,
            card: pick(&detail, detail_card(def, entity)),
            data: vec![data(
                "record",
                "Get",
                r#"{"projectId":"{project}","id":"{id}"}"#.to_owned(),
            )],
            watch: Some(data("watch", "Watch", project)),
        },
    ]
}

/// The JSON name of the field holding the record in requests (`contact`, `dealStage`).
fn holder(entity: &Entity) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in entity.key.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The fields a card can show or edit: singular scalars and enums, the id aside.
fn simple_fields(entity: &Entity) -> Vec<FieldDescriptor> {
    entity
        .message
        .fields()
        .filter(|f| f.number() != entity.id.number())
        .filter(|f| {
            f.cardinality() != Cardinality::Repeated
                && !matches!(f.kind(), Kind::Message(_) | Kind::Bytes)
        })
        .collect()
}

/// Title of a record in a list: its first string field, else its id.
fn title_field(entity: &Entity) -> String {
    simple_fields(entity)
        .into_iter()
        .find(|f| f.kind() == Kind::String)
        .map_or_else(
            || entity.id.json_name().to_owned(),
            |f| f.json_name().to_owned(),
        )
}

fn label(field: &FieldDescriptor) -> String {
    let name = field.name().replace('_', " ");
    let mut chars = name.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

fn list_card(def: &ModuleDef, entity: &Entity) -> Value {
    let h = holder(entity);
    let base = format!("/p/${{$root.project}}/u/{}/{}", def.name, entity.key);
    let facts: Vec<Value> = simple_fields(entity)
        .into_iter()
        .take(LIST_FACTS)
        .map(
            |f| json!({"title": label(&f), "value": format!("${{string({h}.{})}}", f.json_name())}),
        )
        .collect();
    json!({
        "type": "AdaptiveCard",
        "version": "1.5",
        "body": [
            {"type": "TextBlock", "text": entity.label, "size": "Large", "weight": "Bolder", "style": "heading", "wrap": true},
            {"type": "ActionSet", "actions": [{
                "type": "Action.OpenUrl",
                "title": "${t.ucard_new}",
                "url": format!("/p/${{project}}/u/{}/{}/new", def.name, entity.key),
                "style": "positive"
            }]},
            {"type": "TextBlock", "text": "${t.ucard_empty}", "wrap": true, "$when": "${count(list.records) == 0}"},
            {
                "type": "Container",
                "$data": "${list.records}",
                "separator": true,
                "spacing": "Medium",
                "items": [
                    {"type": "RichTextBlock", "inlines": [{
                        "type": "TextRun",
                        "text": format!("${{if({h}.{t} == '', {h}.id, string({h}.{t}))}}", t = title_field(entity)),
                        "weight": "Bolder",
                        "selectAction": {"type": "Action.OpenUrl", "url": format!("{base}/${{{h}.id}}")}
                    }]},
                    {"type": "FactSet", "facts": facts, "spacing": "None"}
                ]
            }
        ]
    })
}

/// An input for `field`, its value from `value` (a template expression) when given.
fn input(entity: &Entity, field: &FieldDescriptor, value: Option<String>) -> Value {
    let id = format!("{}.{}", holder(entity), field.json_name());
    let required = entity.required.iter().any(|r| r.number() == field.number());
    let mut input = match field.kind() {
        Kind::Bool => {
            json!({"type": "Input.Toggle", "title": label(field), "valueOn": "true", "valueOff": "false"})
        }
        Kind::Enum(values) => json!({
            "type": "Input.ChoiceSet",
            "style": "compact",
            "choices": values.values().filter(|v| v.number() != 0 || values.values().len() == 1)
                .map(|v| json!({"title": v.name(), "value": v.name()})).collect::<Vec<_>>()
        }),
        Kind::String => {
            let long = [
                "description",
                "notes",
                "note",
                "body",
                "text",
                "comment",
                "details",
            ]
            .iter()
            .any(|w| field.name().contains(w));
            json!({"type": "Input.Text", "isMultiline": long, "maxLength": 10000})
        }
        Kind::Float | Kind::Double => json!({"type": "Input.Number"}),
        _ => json!({"type": "Input.Number"}),
    };
    let object = input.as_object_mut().expect("inputs are objects");
    object.insert("id".into(), json!(id));
    object.insert("label".into(), json!(label(field)));
    if required {
        object.insert("isRequired".into(), json!(true));
        object.insert(
            "errorMessage".into(),
            json!(format!("{} is required", label(field))),
        );
    }
    if let Some(value) = value {
        object.insert("value".into(), json!(value));
    }
    input
}

fn form_card(def: &ModuleDef, entity: &Entity) -> Value {
    let h = holder(entity);
    let inputs: Vec<Value> = simple_fields(entity)
        .iter()
        .map(|f| input(entity, f, None))
        .collect();
    json!({
        "type": "AdaptiveCard",
        "version": "1.5",
        "body": [
            {"type": "TextBlock", "text": entity.message.name(), "size": "Large", "weight": "Bolder", "style": "heading", "wrap": true},
            {"type": "TextBlock", "text": "${t.ucard_new}", "isSubtle": true, "spacing": "None", "wrap": true},
            {"type": "Container", "items": inputs}
        ],
        "actions": [
            {"type": "Action.Submit", "title": "${t.action_create}", "style": "positive", "data": {
                "method": entity.method("Create"),
                "request": {"projectId": "${project}"},
                "then": format!("/p/${{project}}/u/{}/{}/{{response.{h}.id}}", def.name, entity.key)
            }},
            {"type": "Action.OpenUrl", "title": "${t.action_cancel}", "url": format!("/p/${{project}}/u/{}/{}", def.name, entity.key)}
        ]
    })
}

fn detail_card(def: &ModuleDef, entity: &Entity) -> Value {
    let h = holder(entity);
    let inputs: Vec<Value> = simple_fields(entity)
        .iter()
        .map(|f| {
            let value = match f.kind() {
                Kind::String | Kind::Enum(_) => format!("${{record.{h}.{}}}", f.json_name()),
                _ => format!("${{string(record.{h}.{})}}", f.json_name()),
            };
            input(entity, f, Some(value))
        })
        .collect();
    let list = format!("/p/${{project}}/u/{}/{}", def.name, entity.key);
    json!({
        "type": "AdaptiveCard",
        "version": "1.5",
        "body": [
            {"type": "TextBlock", "text": format!("${{if(record.{h}.{t} == '', record.{h}.id, string(record.{h}.{t}))}}", t = title_field(entity)), "size": "Large", "weight": "Bolder", "style": "heading", "wrap": true},
            {"type": "FactSet", "facts": [
                {"title": "Id", "value": format!("${{record.{h}.id}}")},
                {"title": "Version", "value": "${record.version}"}
            ]},
            {"type": "Container", "items": inputs}
        ],
        "actions": [
            {"type": "Action.Submit", "title": "${t.action_save}", "style": "positive", "data": {
                "method": entity.method("Update"),
                "request": {"projectId": "${project}", h.clone(): {"id": "${id}"}, "expectVersion": "${record.version}"}
            }},
            {"type": "Action.Submit", "title": "${t.action_delete}", "style": "destructive", "data": {
                "method": entity.method("Delete"),
                "request": {"projectId": "${project}", "id": "${id}"},
                "then": list
            }},
            {"type": "Action.OpenUrl", "title": "${t.ucard_back}", "url": list}
        ]
    })
}

/// Checks an org-admin's template: a JSON object of type AdaptiveCard.
pub(crate) fn check_template(
    field: &str,
    template: &str,
) -> Result<(), crate::error::UserModuleError> {
    if template.trim().is_empty() {
        return Ok(());
    }
    if template.len() > 256 * 1024 {
        return Err(crate::error::UserModuleError::invalid(
            field,
            "the template is larger than 256 KiB",
        ));
    }
    match serde_json::from_str::<Value>(template) {
        Ok(Value::Object(card)) if card.get("type") == Some(&json!("AdaptiveCard")) => Ok(()),
        Ok(_) => Err(crate::error::UserModuleError::invalid(
            field,
            "must be an Adaptive Card: a JSON object with \"type\": \"AdaptiveCard\"",
        )),
        Err(e) => Err(crate::error::UserModuleError::invalid(
            field,
            format!("is not JSON: {e}"),
        )),
    }
}
