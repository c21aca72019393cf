//! Records end to end: a project user writes, reads, lists and deletes schemaless records
//! through `orbit.system.v1.RecordService` of a real `orbit serve`; people outside the
//! project learn nothing; every call carries a request id (`x-request-id`) that is echoed
//! back and appears in the server's log lines for that call.

use orbit_proto::orbit::system::v1 as pb;
use orbit_proto::orbit::system::v1::record_service_client::RecordServiceClient;
use serde_json::json;
use tonic::Code;
use tonic::transport::Channel;

use crate::common::tenant::{
    add_member, bearer, create_org, create_project, data, sign_up, with_request_id,
};
use crate::common::{Server, TestDir};

/// The fixture: a project with a member, and a stranger with an org and project of their own.
struct People {
    project_id: String,
    user: String,
    stranger: String,
    stranger_project_id: String,
}

async fn people(channel: &Channel) -> People {
    sign_up(channel, "root@example.org").await;
    let owner = sign_up(channel, "owner@example.org").await;
    let user = sign_up(channel, "user@example.org").await;
    let stranger = sign_up(channel, "stranger@example.com").await;
    let org_id = create_org(channel, &owner, "Shop org").await;
    let project_id = create_project(channel, &owner, &org_id, "Shop").await;
    add_member(
        channel,
        &owner,
        &project_id,
        "user@example.org",
        &user,
        pb::Role::ProjectUser,
    )
    .await;
    let other_org = create_org(channel, &stranger, "Elsewhere").await;
    let stranger_project_id = create_project(channel, &stranger, &other_org, "Theirs").await;
    People {
        project_id,
        user,
        stranger,
        stranger_project_id,
    }
}

/// `message` with a bearer token and, if given, an `x-request-id`.
fn call<T>(message: T, token: &str, request_id: Option<&str>) -> tonic::Request<T> {
    let request = bearer(message, token);
    match request_id {
        Some(id) => with_request_id(request, id),
        None => request,
    }
}

fn put(project_id: &str, entity: &str, id: &str, value: serde_json::Value) -> pb::PutRecordRequest {
    pb::PutRecordRequest {
        project_id: project_id.into(),
        entity: entity.into(),
        id: id.into(),
        data: Some(data(value)),
        expect_version: None,
    }
}

fn get(project_id: &str, entity: &str, id: &str) -> pb::GetRecordRequest {
    pb::GetRecordRequest {
        project_id: project_id.into(),
        entity: entity.into(),
        id: id.into(),
    }
}

fn echoed(metadata: &tonic::metadata::MetadataMap) -> String {
    metadata
        .get("x-request-id")
        .expect("x-request-id in the response")
        .to_str()
        .expect("ascii")
        .to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_project_user_puts_gets_lists_and_deletes_records() {
    let dir = TestDir::new();
    let mut command = dir.serve();
    command.args(["--log", "info,orbit_system=debug"]);
    let server = Server::start(command).await;
    let channel = server.channel().await;
    let p = people(&channel).await;
    let mut records = RecordServiceClient::new(channel.clone());

    let document = json!({
        "customer": "Ada",
        "total": 12.5,
        "items": [{"sku": "A-1", "qty": 2}, {"sku": "B-7", "qty": 1, "gift": true}],
        "note": null
    });
    let response = records
        .put_record(call(
            put(&p.project_id, "order", "o-1", document.clone()),
            &p.user,
            Some("e2e-put-order-1"),
        ))
        .await
        .expect("put");
    assert_eq!(echoed(response.metadata()), "e2e-put-order-1");
    let written = response.into_inner().record.expect("record");
    assert_eq!(written.id, "o-1");
    assert_eq!(written.data, Some(data(document.clone())));
    assert!(written.version > 0);
    assert!(written.updated_at.expect("updated_at").seconds > 1_600_000_000);
    server.wait_for_log("e2e-put-order-1").await;
    let logged = server
        .stdout_lines()
        .into_iter()
        .any(|line| line.contains("record written") && line.contains("e2e-put-order-1"));
    assert!(
        logged,
        "the write's log line carries its request id\n{}",
        server.logs()
    );

    let response = records
        .put_record(call(
            put(&p.project_id, "order", "", json!({"n": 2})),
            &p.user,
            None,
        ))
        .await
        .expect("put with a generated id");
    let generated_request_id = echoed(response.metadata());
    assert_eq!(
        generated_request_id.len(),
        26,
        "a ULID: {generated_request_id}"
    );
    let generated = response.into_inner().record.expect("record");
    assert_eq!(generated.id.len(), 26, "a ULID record id: {}", generated.id);
    records
        .put_record(call(
            put(&p.project_id, "order", "o-3", json!({"n": 3})),
            &p.user,
            None,
        ))
        .await
        .expect("third put");

    let got = records
        .get_record(call(get(&p.project_id, "order", "o-1"), &p.user, None))
        .await
        .expect("get")
        .into_inner()
        .record
        .expect("record");
    assert_eq!(got, written, "a read returns what the write returned");

    let mut ids = Vec::new();
    let mut token = String::new();
    loop {
        let page = records
            .list_records(call(
                pb::ListRecordsRequest {
                    project_id: p.project_id.clone(),
                    entity: "order".into(),
                    page_size: 2,
                    page_token: token.clone(),
                },
                &p.user,
                None,
            ))
            .await
            .expect("list")
            .into_inner();
        assert!(page.records.len() <= 2);
        ids.extend(page.records.into_iter().map(|r| r.id));
        if page.next_page_token.is_empty() {
            break;
        }
        token = page.next_page_token;
    }
    let mut expected = vec!["o-1".to_owned(), "o-3".to_owned(), generated.id.clone()];
    expected.sort();
    assert_eq!(ids, expected, "every record once, in id order");

    let mut stale = put(&p.project_id, "order", "o-1", json!({"customer": "Bob"}));
    stale.expect_version = Some(written.version + 1000);
    let conflict = records
        .put_record(call(stale, &p.user, None))
        .await
        .expect_err("a stale version is refused");
    assert_eq!(conflict.code(), Code::Aborted, "{conflict:?}");

    let invalid = records
        .put_record(call(
            put(&p.project_id, "Order", "x", json!({})),
            &p.user,
            Some("e2e-bad"),
        ))
        .await
        .expect_err("an invalid entity is refused");
    assert_eq!(invalid.code(), Code::InvalidArgument);
    assert!(
        invalid.message().contains("entity"),
        "{}",
        invalid.message()
    );
    assert_eq!(
        echoed(invalid.metadata()),
        "e2e-bad",
        "errors echo the request id too"
    );

    let deleted = records
        .delete_record(call(
            pb::DeleteRecordRequest {
                project_id: p.project_id.clone(),
                entity: "order".into(),
                id: "o-1".into(),
                expect_version: Some(written.version),
            },
            &p.user,
            None,
        ))
        .await
        .expect("delete")
        .into_inner();
    assert!(deleted.deleted);
    let gone = records
        .get_record(call(get(&p.project_id, "order", "o-1"), &p.user, None))
        .await
        .expect_err("deleted");
    assert_eq!(gone.code(), Code::NotFound);
    assert!(gone.message().contains("order/o-1"), "{}", gone.message());

    // Outsiders learn nothing, and their refusals carry request ids as well.
    let refused = records
        .get_record(call(
            get(&p.project_id, "order", "o-3"),
            &p.stranger,
            Some("e2e-stranger"),
        ))
        .await
        .expect_err("a stranger cannot read the project");
    assert!(
        matches!(refused.code(), Code::NotFound | Code::PermissionDenied),
        "{refused:?}"
    );
    assert!(!refused.message().contains("o-3"), "{}", refused.message());
    assert_eq!(echoed(refused.metadata()), "e2e-stranger");
    let refused = records
        .put_record(call(
            put(&p.project_id, "order", "intruder", json!({})),
            &p.stranger,
            None,
        ))
        .await
        .expect_err("a stranger cannot write the project");
    assert!(
        matches!(refused.code(), Code::NotFound | Code::PermissionDenied),
        "{refused:?}"
    );
    let anonymous = RecordServiceClient::new(channel.clone())
        .get_record(get(&p.project_id, "order", "o-3"))
        .await
        .expect_err("anonymous");
    assert_eq!(anonymous.code(), Code::Unauthenticated);
    let theirs = records
        .list_records(call(
            pb::ListRecordsRequest {
                project_id: p.stranger_project_id.clone(),
                entity: "order".into(),
                ..Default::default()
            },
            &p.user,
            None,
        ))
        .await
        .expect_err("the user cannot list the stranger's project");
    assert!(
        matches!(theirs.code(), Code::NotFound | Code::PermissionDenied),
        "{theirs:?}"
    );
    let own = records
        .list_records(call(
            pb::ListRecordsRequest {
                project_id: p.stranger_project_id.clone(),
                entity: "order".into(),
                ..Default::default()
            },
            &p.stranger,
            None,
        ))
        .await
        .expect("the stranger lists their own project")
        .into_inner();
    assert!(own.records.is_empty(), "projects do not share records");
}
