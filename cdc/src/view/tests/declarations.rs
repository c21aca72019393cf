//! Malformed declarations are refused with an error naming the field at fault.

use orbit_proto::orbit::cdc::v1::AggregateFunction as F;

use super::harness::{Harness, ORG, PROJECT, declaration, tasks_view};
use crate::view::{GroupBySpec, ViewError};

fn refusal(decl: orbit_proto::orbit::cdc::v1::ViewDeclaration) -> (String, String) {
    match GroupBySpec::from_proto(&decl) {
        Err(ViewError::Invalid { field, reason }) => (field, reason),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn each_malformed_field_is_named() {
    let ok = [("n", F::Count, "")];
    let cases = [
        (declaration("", "task", "s", &ok), "name"),
        (declaration("By-Status", "task", "s", &ok), "name"),
        (declaration("v", "", "s", &ok), "entity"),
        (declaration("v", "Task!", "s", &ok), "entity"),
        (declaration("v", "task", "", &ok), "group_by"),
        (declaration("v", "task", "a..b", &ok), "group_by"),
        (declaration("v", "task", "s", &[]), "aggregates"),
        (
            declaration("v", "task", "s", &[("n", F::Count, ""), ("s", F::Sum, "")]),
            "aggregates[1].field",
        ),
        (
            declaration("v", "task", "s", &[("n", F::Count, "x")]),
            "aggregates[0].field",
        ),
        (
            declaration("v", "task", "s", &[("n", F::Unspecified, "x")]),
            "aggregates[0].function",
        ),
        (
            declaration("v", "task", "s", &[("1n", F::Count, "")]),
            "aggregates[0].name",
        ),
        (
            declaration("v", "task", "s", &[("n", F::Count, ""), ("n", F::Max, "x")]),
            "aggregates[1].name",
        ),
        (
            declaration("v", "task", "s", &[("n", F::Min, "a.")]),
            "aggregates[0].field",
        ),
    ];
    for (decl, field) in cases {
        assert_eq!(refusal(decl).0, field);
    }
    let mut bad_module = tasks_view();
    bad_module.module = "No Such".into();
    assert_eq!(refusal(bad_module).0, "module");
}

#[test]
fn the_message_names_field_and_function() {
    let decl = declaration(
        "v",
        "task",
        "s",
        &[("n", F::Count, ""), ("total", F::Sum, "")],
    );
    let error = GroupBySpec::from_proto(&decl).unwrap_err();
    assert_eq!(error.to_string(), "aggregates[1].field: SUM needs a field");
}

#[test]
fn a_valid_declaration_round_trips() {
    let spec = GroupBySpec::from_proto(&tasks_view()).unwrap();
    assert_eq!(spec.module, "records");
    let mut expected = tasks_view();
    expected.module = "records".into();
    assert_eq!(spec.to_proto(), expected);
}

#[tokio::test]
async fn the_engine_checks_ids_and_names() {
    let h = Harness::open().await;
    let error = h.engine.create(ORG, "", &tasks_view()).await.unwrap_err();
    assert!(matches!(error, ViewError::Invalid { ref field, .. } if field == "project_id"));
    let error = h
        .engine
        .create(ORG, "P/1", &tasks_view())
        .await
        .unwrap_err();
    assert!(matches!(error, ViewError::Invalid { ref field, .. } if field == "project_id"));
    let error = h.engine.get(PROJECT, "Nope").await.unwrap_err();
    assert!(matches!(error, ViewError::Invalid { ref field, .. } if field == "name"));
    let error = h.engine.get(PROJECT, "nope").await.unwrap_err();
    assert!(matches!(error, ViewError::NotFound { .. }));
    h.engine.create(ORG, PROJECT, &tasks_view()).await.unwrap();
    let error = h
        .engine
        .query(PROJECT, "by_status", 5000, "")
        .await
        .unwrap_err();
    assert!(matches!(error, ViewError::Invalid { ref field, .. } if field == "page_size"));
    let error = h
        .engine
        .query(PROJECT, "by_status", 10, "zz")
        .await
        .unwrap_err();
    assert!(matches!(error, ViewError::Invalid { ref field, .. } if field == "page_token"));
    h.close().await;
}
