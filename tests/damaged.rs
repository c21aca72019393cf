//! One record altered on disk (a flipped byte of its sealed value, in the record row and in
//! its change event): ListRecords lists the others and names it, GetRecord of it is
//! DATA_LOSS naming where it is, a subscription gets every event before it and then
//! DATA_LOSS with the position to resume after, a view declared afterwards stops at it and
//! says so (GetView, `orbit views status`), and `orbit views skip` moves it past exactly that
//! event beside the running server, after which it folds the rest.

use std::time::{Duration, Instant};

use orbit_proto::orbit::cdc::v1 as cdc;
use orbit_proto::orbit::cdc::v1::feed_service_client::FeedServiceClient;
use orbit_proto::orbit::cdc::v1::view_service_client::ViewServiceClient;
use orbit_proto::orbit::system::v1 as pb;
use orbit_proto::orbit::system::v1::record_service_client::RecordServiceClient;
use tonic::transport::Channel;

use crate::common::tenant::{bearer, create_org, create_project, put_record, sign_up};
use crate::common::{Server, TestDir, assert_refused, run};

/// Flips the last byte (part of the authentication tag) of the sealed value of `key` in the
/// `records` database: the record row and its newest outbox event. The event's sequence
/// number.
async fn tamper(dir: &TestDir, keyspace: &str, key: &str) -> u64 {
    use sqlx::Connection;
    // Records, a module, has its own file.
    let url = format!("sqlite://{}", dir.data().join("records.db").display());
    let mut conn = sqlx::SqliteConnection::connect(&url)
        .await
        .expect("open the SQLite file");
    let flip = |mut value: Vec<u8>| {
        let last = value.len() - 1;
        value[last] ^= 0x01;
        value
    };
    let value: Vec<u8> = sqlx::query_scalar(
        "SELECT value FROM orbit_records WHERE db = 'records' AND keyspace = ? AND key = ?",
    )
    .bind(keyspace)
    .bind(key.as_bytes())
    .fetch_one(&mut conn)
    .await
    .expect("the record exists");
    sqlx::query(
        "UPDATE orbit_records SET value = ? WHERE db = 'records' AND keyspace = ? AND key = ?",
    )
    .bind(flip(value))
    .bind(keyspace)
    .bind(key.as_bytes())
    .execute(&mut conn)
    .await
    .expect("tamper with the record");
    let (seq, value): (i64, Vec<u8>) = sqlx::query_as(
        "SELECT seq, value FROM orbit_outbox WHERE db = 'records' AND keyspace = ? AND key = ? \
         ORDER BY seq DESC LIMIT 1",
    )
    .bind(keyspace)
    .bind(key.as_bytes())
    .fetch_one(&mut conn)
    .await
    .expect("the event exists");
    sqlx::query("UPDATE orbit_outbox SET value = ? WHERE db = 'records' AND seq = ?")
        .bind(flip(value))
        .bind(seq)
        .execute(&mut conn)
        .await
        .expect("tamper with the event");
    conn.close().await.expect("close");
    seq as u64
}

async fn get_view(channel: &Channel, token: &str, project: &str) -> cdc::ViewInfo {
    ViewServiceClient::new(channel.clone())
        .get_view(bearer(
            cdc::GetViewRequest {
                project_id: project.into(),
                name: "by_colour".into(),
            },
            token,
        ))
        .await
        .expect("get view")
        .into_inner()
        .view
        .expect("view")
}

/// Waits (up to 30 s) until the view's info satisfies `done`; returns it.
async fn view_until(
    channel: &Channel,
    token: &str,
    project: &str,
    what: &str,
    done: impl Fn(&cdc::ViewInfo) -> bool,
) -> cdc::ViewInfo {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let info = get_view(channel, token, project).await;
        if done(&info) {
            return info;
        }
        assert!(Instant::now() < deadline, "{what}: {info:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn views(dir: &TestDir, args: &[&str]) -> std::process::Output {
    let mut command = dir.orbit();
    command.arg("views").args(args);
    run(command)
}

#[tokio::test(flavor = "multi_thread")]
async fn one_damaged_record_is_named_and_everything_else_goes_on() {
    let dir = TestDir::new();
    let mut server = Server::start(dir.serve()).await;
    let channel = server.channel().await;
    sign_up(&channel, "root@example.org").await;
    let owner = sign_up(&channel, "owner@example.org").await;
    let org = create_org(&channel, &owner, "Damage org").await;
    let project = create_project(&channel, &owner, &org, "Damage").await;
    for n in 0..5 {
        put_record(
            &channel,
            &owner,
            &project,
            "thing",
            &format!("t{n}"),
            serde_json::json!({"colour": "red"}),
            true,
        )
        .await
        .expect("write");
    }
    server.stop("TERM").await;
    drop(channel);
    let key = format!("{project}/t2");
    let seq = tamper(&dir, "thing", &key).await;

    let server = Server::start(dir.serve()).await;
    let channel = server.channel().await;
    let records = RecordServiceClient::new(channel.clone());

    // The list names the damaged record and holds the others.
    let page = records
        .clone()
        .list_records(bearer(
            pb::ListRecordsRequest {
                project_id: project.clone(),
                entity: "thing".into(),
                ..Default::default()
            },
            &owner,
        ))
        .await
        .expect("list despite the damage")
        .into_inner();
    let ids: Vec<&str> = page.records.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["t0", "t1", "t3", "t4"]);
    assert_eq!(page.damaged.len(), 1, "{page:?}");
    assert_eq!(page.damaged[0].id, "t2");
    assert_eq!(page.damaged[0].entity, "thing");
    assert!(!page.damaged[0].reason.is_empty());

    // Reading it alone is DATA_LOSS naming database, keyspace and key.
    let lost = records
        .clone()
        .get_record(bearer(
            pb::GetRecordRequest {
                project_id: project.clone(),
                entity: "thing".into(),
                id: "t2".into(),
            },
            &owner,
        ))
        .await
        .expect_err("the damaged record cannot be read");
    assert_eq!(lost.code(), tonic::Code::DataLoss);
    for needle in ["records", "thing", key.as_str()] {
        assert!(lost.message().contains(needle), "{needle}: {lost:?}");
    }

    // A subscription gets the events before it, then DATA_LOSS naming it and where to resume.
    let mut stream = FeedServiceClient::new(channel.clone())
        .subscribe(bearer(
            cdc::SubscribeRequest {
                org_id: org.clone(),
                project_id: project.clone(),
                start: Some(cdc::subscribe_request::Start::AfterSeq(0)),
                ..Default::default()
            },
            &owner,
        ))
        .await
        .expect("subscribe")
        .into_inner();
    let mut delivered = Vec::new();
    let ended = loop {
        match tokio::time::timeout(Duration::from_secs(30), stream.message()).await {
            Ok(Ok(Some(message))) => {
                if let Some(cdc::feed_message::Kind::Event(event)) = message.kind {
                    delivered.push(event.seq);
                }
            }
            Ok(Err(status)) => break status,
            other => panic!("the stream should end with DATA_LOSS: {other:?}"),
        }
    };
    assert_eq!(ended.code(), tonic::Code::DataLoss, "{ended:?}");
    for needle in ["records", "thing", key.as_str(), &seq.to_string()] {
        assert!(ended.message().contains(needle), "{needle}: {ended:?}");
    }
    assert_eq!(
        ended
            .metadata()
            .get("orbit-resume-after")
            .and_then(|v| v.to_str().ok()),
        Some(seq.to_string().as_str())
    );
    assert_eq!(delivered.len(), 2, "t0 and t1 came first: {delivered:?}");
    assert!(delivered.iter().all(|&s| s < seq));

    // A view declared now stops at the damaged event and says so.
    ViewServiceClient::new(channel.clone())
        .create_view(bearer(
            cdc::CreateViewRequest {
                project_id: project.clone(),
                declaration: Some(cdc::ViewDeclaration {
                    name: "by_colour".into(),
                    entity: "thing".into(),
                    group_by: "colour".into(),
                    aggregates: vec![cdc::Aggregate {
                        name: "items".into(),
                        function: cdc::AggregateFunction::Count as i32,
                        field: String::new(),
                    }],
                    ..Default::default()
                }),
            },
            &owner,
        ))
        .await
        .expect("create view");
    let stalled = view_until(&channel, &owner, &project, "the view stalls", |info| {
        info.state == cdc::ViewState::Stalled as i32
    })
    .await;
    assert_eq!(stalled.stalled_at_seq, seq);
    assert_eq!(stalled.checkpoint_seq, seq - 1);
    assert!(stalled.stalled_reason.contains(&key), "{stalled:?}");
    assert!(stalled.skipped_seqs.is_empty());

    let view = format!("{project}/by_colour");
    let status = views(&dir, &["status", &view]);
    let stdout = String::from_utf8_lossy(&status.stdout);
    assert!(status.status.success(), "{status:?}");
    assert!(stdout.contains("stalled"), "{stdout}");
    assert!(stdout.contains(&format!("stalled at {seq}")), "{stdout}");

    // Only the event it is stalled at can be skipped; then it folds the rest.
    let wrong = (seq + 1).to_string();
    assert_refused(
        &views(&dir, &["skip", &view, "--seq", &wrong]),
        &["not stalled at sequence"],
    );
    let skipped = views(&dir, &["skip", &view, "--seq", &seq.to_string()]);
    assert!(
        skipped.status.success(),
        "{}{}",
        String::from_utf8_lossy(&skipped.stdout),
        String::from_utf8_lossy(&skipped.stderr)
    );
    let folded = view_until(&channel, &owner, &project, "the view folds on", |info| {
        info.state == cdc::ViewState::Folding as i32 && info.checkpoint_seq == info.head_seq
    })
    .await;
    assert_eq!(folded.skipped_seqs, [seq]);
    assert_eq!(folded.stalled_at_seq, 0);
    let rows = ViewServiceClient::new(channel.clone())
        .query_view(bearer(
            cdc::QueryViewRequest {
                project_id: project.clone(),
                name: "by_colour".into(),
                page_size: 10,
                page_token: String::new(),
            },
            &owner,
        ))
        .await
        .expect("query view")
        .into_inner();
    let items = rows.rows[0]
        .values
        .as_ref()
        .and_then(|v| v.fields.get("items"))
        .and_then(|v| v.kind.clone());
    assert_eq!(
        items,
        Some(prost_types::value::Kind::NumberValue(4.0)),
        "four of five records folded"
    );
    assert!(
        server.logs().contains("view stalled"),
        "the stall is logged: {}",
        server.logs()
    );
}
