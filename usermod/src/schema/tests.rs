//! The schema checks: what compiles into record types and services, and every refusal with its place.

use super::*;
use crate::evolution;

const PREFIX: &str = "orbit.user.acme.crm";

fn namespace() -> Namespace {
    Namespace {
        prefix: PREFIX.into(),
        pinned: None,
    }
}

pub(crate) const CRM: &str = r#"syntax = "proto3";
package orbit.user.acme.crm.v1;
import "orbit/user/v1/options.proto";

enum Stage {
  STAGE_UNSPECIFIED = 0;
  STAGE_LEAD = 1;
  STAGE_WON = 2;
}

// A person we talk to.
message Contact {
  option (orbit.user.v1.entity) = { label: "Contacts" };
  string id = 1;
  string name = 2 [(orbit.user.v1.field) = { required: true, indexed: true }];
  string email = 3 [(orbit.user.v1.field) = { indexed: true }];
  int32 score = 4 [(orbit.user.v1.field) = { ordered: true }];
  Stage stage = 5 [(orbit.user.v1.field) = { indexed: true }];
  Address address = 6;
}

message Address {
  string city = 1;
}
"#;

fn files(source: &str) -> Upload {
    Upload::Files(vec![("crm.proto".into(), source.into())])
}

fn problems(source: &str) -> Vec<Problem> {
    compile(&files(source), &namespace()).expect_err("refused")
}

#[test]
fn a_schema_compiles_into_record_types_and_services() {
    let schema = compile(&files(CRM), &namespace()).unwrap();
    assert_eq!(schema.package, "orbit.user.acme.crm.v1");
    assert_eq!(schema.entities.len(), 1, "Address is a plain type");
    let contact = &schema.entities[0];
    assert_eq!(contact.key, "contact");
    assert_eq!(contact.service, "orbit.user.acme.crm.v1.ContactService");
    assert_eq!(contact.label, "Contacts");
    assert_eq!(contact.read, Role::ProjectUser);
    let names = |fields: &[FieldDescriptor]| {
        fields
            .iter()
            .map(|f| f.name().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&contact.indexed), ["name", "email", "stage"]);
    assert_eq!(names(&contact.ordered), ["score"]);
    assert_eq!(names(&contact.required), ["name"]);
    let service = schema.pool.get_service_by_name(&contact.service).unwrap();
    let methods: Vec<_> = service.methods().map(|m| m.name().to_owned()).collect();
    assert_eq!(
        methods,
        [
            "Create", "Get", "Update", "Delete", "List", "Query", "Watch"
        ]
    );
    // The served set carries the access declarations the catalog needs.
    let catalog = orbit_system::server::ApiCatalog::orbit().unwrap();
    let added = catalog.add("user/acme/crm", &schema.served_set).unwrap();
    assert_eq!(added, ["orbit.user.acme.crm.v1.ContactService"]);
    // A descriptor-set upload of the same schema gives the same services.
    let again = compile(
        &Upload::DescriptorSet(schema.user_set.clone()),
        &namespace(),
    )
    .unwrap();
    assert_eq!(again.entities[0].service, contact.service);
    assert_eq!(
        names(&again.entities[0].indexed),
        ["name", "email", "stage"]
    );
}

#[test]
fn a_syntax_error_names_file_line_and_column() {
    let broken = CRM.replace("string email = 3", "string email = ");
    let found = problems(&broken);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].file, "crm.proto");
    assert_eq!(found[0].line, 16, "{found:?}");
    assert!(found[0].column > 0, "{found:?}");
    assert!(
        found[0].to_string().starts_with("crm.proto:16:"),
        "{}",
        found[0]
    );
}

#[test]
fn an_unknown_import_is_named_where_it_is() {
    let found = problems(&CRM.replace(
        "import \"orbit/user/v1/options.proto\";",
        "import \"orbit/user/v1/options.proto\";\nimport \"nowhere/else.proto\";",
    ));
    assert!(found[0].message.contains("nowhere/else.proto"), "{found:?}");
    assert_eq!(
        (found[0].file.as_str(), found[0].line),
        ("crm.proto", 4),
        "{found:?}"
    );
}

#[test]
fn the_package_must_be_the_module_s_own() {
    let found = problems(&CRM.replace("orbit.user.acme.crm.v1", "orbit.system.v1"));
    assert!(
        found[0].message.contains("outside the module's namespace"),
        "{found:?}"
    );
    assert_eq!(found[0].line, 2, "{found:?}");
    let found = problems(&CRM.replace("orbit.user.acme.crm.v1", "orbit.user.other.crm.v1"));
    assert!(
        found[0].message.contains("orbit.user.acme.crm.v1"),
        "{found:?}"
    );
    // Once pinned, the package stays.
    let pinned = Namespace {
        prefix: PREFIX.into(),
        pinned: Some("orbit.user.acme.crm.v1".into()),
    };
    let found = compile(&files(&CRM.replace("crm.v1", "crm.v2")), &pinned).unwrap_err();
    assert!(found[0].message.contains("keeps its package"), "{found:?}");
}

#[test]
fn orbit_types_and_files_cannot_be_shadowed() {
    let found = compile(
        &Upload::Files(vec![("orbit/system/v1/access.proto".into(), CRM.into())]),
        &namespace(),
    )
    .unwrap_err();
    assert!(
        found[0].message.contains("shadows a file Orbit provides"),
        "{found:?}"
    );
    let found = problems(&format!("{CRM}\nmessage ContactService {{}}\n"));
    assert!(
        found[0]
            .message
            .contains("clashes with a name Orbit generates"),
        "{found:?}"
    );
    let found = problems(&format!("{CRM}\nservice Mine {{}}\n"));
    assert!(
        found[0].message.contains("cannot declare services"),
        "{found:?}"
    );
}

#[test]
fn limits_refuse_huge_and_deep_schemas() {
    let fields: String = (1..=10_000)
        .map(|n| format!("  string f{n} = {n};\n"))
        .collect();
    let found = problems(&format!("{CRM}\nmessage Wide {{\n{fields}}}\n"));
    assert!(
        found[0].message.contains("10000 fields; at most 500"),
        "{found:?}"
    );
    let mut deep = String::new();
    for n in 0..60 {
        deep.push_str(&format!("message D{n} {{ D{} next = 1; }}\n", n + 1));
    }
    deep.push_str("message D60 { string leaf = 1; }\n");
    let found = problems(&format!("{CRM}\n{deep}"));
    assert!(
        found[0].message.contains("levels deep; at most 32"),
        "{found:?}"
    );
    // An option value nested a hundred thousand deep never reaches the compiler (whose
    // option parser recurses): refused where the braces go too deep.
    let tree = format!(
        "{CRM}\nmessage Tree {{ Tree child = 1; }}\nextend google.protobuf.MessageOptions {{ Tree tree = 50001; }}\nmessage Deep {{ option (tree) = {}{}; }}\n",
        "{ child ".repeat(100_000),
        "}".repeat(100_000)
    );
    let found = problems(&tree);
    assert!(
        found[0].message.contains("nest more than 64 levels"),
        "{found:?}"
    );
    assert_eq!(found[0].line, 28, "{found:?}");
    // A recursive type is fine: values are bounded by the decoder, not the schema.
    compile(
        &files(&format!(
            "{CRM}\nmessage Tree {{ repeated Tree children = 1; }}\n"
        )),
        &namespace(),
    )
    .unwrap();
    let big = format!("{CRM}\n// {}\n", "x".repeat(MAX_SCHEMA_BYTES));
    let found = problems(&big);
    assert!(
        found[0].message.contains("at most 1048576 (1 MiB)"),
        "{found:?}"
    );
    let found = compile(&Upload::DescriptorSet(vec![0xff; 100]), &namespace()).unwrap_err();
    assert!(found[0].message.contains("not an encoded"), "{found:?}");
}

#[test]
fn record_types_need_an_id_and_proper_options() {
    let found = problems(&CRM.replace("  string id = 1;\n", ""));
    assert!(
        found[0].message.contains("no `string id` field"),
        "{found:?}"
    );
    assert_eq!(found[0].line, 12, "{found:?}");
    let found = problems(&CRM.replace(
        "Address address = 6;",
        "Address address = 6 [(orbit.user.v1.field) = { indexed: true }];",
    ));
    assert!(
        found[0].message.contains("only singular scalar"),
        "{found:?}"
    );
    let found = problems(&CRM.replace(
        "label: \"Contacts\"",
        "label: \"Contacts\", read: ROLE_SYS_ADMIN",
    ));
    assert!(found[0].message.contains("read role"), "{found:?}");
    let found = problems(&CRM.replace(
        "option (orbit.user.v1.entity) = { label: \"Contacts\" };",
        "",
    ));
    assert!(
        found[0].message.contains("declares no record type"),
        "{found:?}"
    );
}

#[test]
fn evolution_refuses_breaks_and_lists_additions() {
    let v1 = compile(&files(CRM), &namespace()).unwrap();
    let added = CRM.replace(
        "  Address address = 6;",
        "  Address address = 6;\n  string phone = 7;",
    );
    let v2 = compile(&files(&added), &namespace()).unwrap();
    assert!(evolution::breaks(&v1, &v2).is_empty());
    let changes = evolution::additions(Some(&v1), &v2);
    assert_eq!(
        changes,
        ["added field orbit.user.acme.crm.v1.Contact.phone (7)"]
    );
    let renamed = CRM.replace("string email = 3", "string mail = 3");
    let v3 = compile(&files(&renamed), &namespace()).unwrap();
    assert!(
        evolution::breaks(&v1, &v3).is_empty(),
        "a rename keeps the number"
    );
    assert!(evolution::additions(Some(&v1), &v3)[0].contains("renamed field"));
    let retyped = CRM.replace("int32 score = 4", "string score = 4");
    let v4 = compile(&files(&retyped), &namespace()).unwrap();
    let breaks = evolution::breaks(&v1, &v4);
    assert!(
        breaks
            .iter()
            .any(|b| b.contains("score") && b.contains("changed type")),
        "{breaks:?}"
    );
    let removed = CRM.replace(
        "  string email = 3 [(orbit.user.v1.field) = { indexed: true }];\n",
        "",
    );
    let v5 = compile(&files(&removed), &namespace()).unwrap();
    let breaks = evolution::breaks(&v1, &v5);
    assert!(
        breaks
            .iter()
            .any(|b| b.contains("email") && b.contains("removed")),
        "{breaks:?}"
    );
}

#[test]
fn snake_case_names() {
    assert_eq!(snake_case("Contact"), "contact");
    assert_eq!(snake_case("DealStage"), "deal_stage");
    assert_eq!(snake_case("HTTPLog"), "http_log");
    assert_eq!(snake_case("V2Item"), "v2_item");
}

#[test]
fn two_modules_may_name_their_files_alike() {
    let catalog = orbit_system::server::ApiCatalog::orbit().unwrap();
    let crm = compile(&files(CRM), &namespace()).unwrap();
    let other = Namespace {
        prefix: "orbit.user.globex.crm".into(),
        pinned: None,
    };
    let theirs = compile(
        &files(&CRM.replace("orbit.user.acme.crm.v1", "orbit.user.globex.crm.v1")),
        &other,
    )
    .unwrap();
    catalog.add("user/acme/crm", &crm.served_set).unwrap();
    catalog
        .add("user/globex/crm", &theirs.served_set)
        .expect("the same file name in another module");
    let names = file_names(&crm.user_set);
    assert_eq!(names, ["user/acme/crm/crm.proto"]);
    // Compiled again from what is stored, the names stay.
    let again = compile(&Upload::DescriptorSet(crm.user_set.clone()), &namespace()).unwrap();
    assert_eq!(file_names(&again.user_set), names);
}
