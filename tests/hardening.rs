//! What an outside probe of `orbit serve` broke, sent exactly as the probe sent it: stalled
//! subscribers that must not exhaust memory, views of internal databases (in `views.rs`),
//! members added without consent, log-in lockouts, unbounded sign-up, malformed bodies.

use std::time::{Duration, Instant};

use orbit_proto::orbit::cdc::v1 as cdc;
use orbit_proto::orbit::cdc::v1::feed_service_client::FeedServiceClient;
use orbit_proto::orbit::cdc::v1::view_service_client::ViewServiceClient;
use orbit_proto::orbit::system::v1 as pb;
use orbit_proto::orbit::system::v1::api_key_service_client::ApiKeyServiceClient;
use orbit_proto::orbit::system::v1::project_service_client::ProjectServiceClient;

use crate::common::tenant::{bearer, create_org, create_project, put_record, sign_up};
use crate::common::{Server, TestDir};

const MB: u64 = 1024 * 1024;

/// Ten clients subscribe from the start of a log of 200 records of ~900 KB, read one event
/// each and stop reading: the server's memory stays bounded, and falls back once they leave.
#[tokio::test(flavor = "multi_thread")]
async fn stalled_subscribers_do_not_exhaust_memory() {
    let dir = TestDir::new();
    let server = Server::start(dir.serve()).await;
    let channel = server.channel().await;
    sign_up(&channel, "root@example.org").await;
    let owner = sign_up(&channel, "owner@example.org").await;
    let org = create_org(&channel, &owner, "Heavy").await;
    let project = create_project(&channel, &owner, &org, "Heavy").await;
    let blob: String = (0..900_000)
        .map(|i| char::from(b'a' + (i % 26) as u8))
        .collect();
    for n in 0..200 {
        put_record(
            &channel,
            &owner,
            &project,
            "blob",
            &format!("b{n}"),
            serde_json::json!({ "n": n, "blob": blob }),
            true,
        )
        .await
        .unwrap_or_else(|e| panic!("write b{n}: {e}"));
    }
    drop(blob);
    tokio::time::sleep(Duration::from_secs(2)).await;
    // Heap memory: the SQLite file's pages that the store maps also count in RSS, but they
    // are the OS's page cache (shared, dropped under pressure), not the server's allocations.
    let before = server.anonymous_rss();
    let before_total = server.rss();

    let mut stalled = Vec::new();
    for _ in 0..10 {
        let narrow = server.narrow_channel().await;
        let mut stream = FeedServiceClient::new(narrow.clone())
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
        let first = stream.message().await.expect("a message").expect("open");
        assert!(
            matches!(first.kind, Some(cdc::feed_message::Kind::Event(_))),
            "{first:?}"
        );
        stalled.push((narrow, stream));
    }
    // Long enough for every subscription to fill what it may and to be cut off for stalling.
    let (mut peak, mut peak_total) = (0, 0);
    let until = Instant::now() + Duration::from_secs(14);
    while Instant::now() < until {
        peak = peak.max(server.anonymous_rss());
        peak_total = peak_total.max(server.rss());
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        peak < before + 100 * MB,
        "heap RSS grew from {} MB to {} MB with 10 stalled subscribers (RSS with the mapped \
         file {} MB to {} MB)",
        before / MB,
        peak / MB,
        before_total / MB,
        peak_total / MB,
    );
    eprintln!(
        "stalled subscribers: heap RSS {} -> {} MB, RSS {} -> {} MB",
        before / MB,
        peak / MB,
        before_total / MB,
        peak_total / MB
    );
    // The server still serves everyone else meanwhile.
    put_record(
        &channel,
        &owner,
        &project,
        "note",
        "after",
        serde_json::json!({"ok": true}),
        true,
    )
    .await
    .expect("a write while subscribers stall");

    drop(stalled);
    // The server goes on serving meanwhile: its threads run again, and the allocator hands
    // back what other threads freed into their heaps.
    let until = Instant::now() + Duration::from_secs(40);
    let mut after = server.anonymous_rss();
    while after > before + 50 * MB && Instant::now() < until {
        FeedServiceClient::new(channel.clone())
            .get_feed_head(bearer(
                cdc::GetFeedHeadRequest {
                    org_id: org.clone(),
                    ..Default::default()
                },
                &owner,
            ))
            .await
            .expect("the server serves");
        tokio::time::sleep(Duration::from_millis(200)).await;
        after = server.anonymous_rss();
    }
    assert!(
        after <= before + 50 * MB,
        "heap RSS stayed at {} MB after the clients left (was {} MB before; peak {} MB)",
        after / MB,
        before / MB,
        peak / MB
    );
}

/// The next feed message within a few seconds.
async fn next_message(stream: &mut tonic::Streaming<cdc::FeedMessage>) -> cdc::FeedMessage {
    tokio::time::timeout(Duration::from_secs(10), stream.message())
        .await
        .expect("a message in time")
        .expect("the stream goes on")
        .expect("not ended")
}

/// First contact: a project subscription needs no org id, and one from now says at once
/// where it starts, before any event or heartbeat interval.
#[tokio::test(flavor = "multi_thread")]
async fn a_subscription_from_now_says_where_it_starts_and_needs_no_org() {
    let dir = TestDir::new();
    let server = Server::start(dir.serve()).await;
    let channel = server.channel().await;
    sign_up(&channel, "root@example.org").await;
    let owner = sign_up(&channel, "owner@example.org").await;
    let org = create_org(&channel, &owner, "First contact").await;
    let project = create_project(&channel, &owner, &org, "First contact").await;
    put_record(
        &channel,
        &owner,
        &project,
        "note",
        "before",
        serde_json::json!({"n": 1}),
        true,
    )
    .await
    .expect("write");
    let mut stream = FeedServiceClient::new(channel.clone())
        .subscribe(bearer(
            cdc::SubscribeRequest {
                project_id: project.clone(),
                start: Some(cdc::subscribe_request::Start::FromNow(true)),
                heartbeat_seconds: 300,
                ..Default::default()
            },
            &owner,
        ))
        .await
        .expect("a project is enough to subscribe")
        .into_inner();
    match next_message(&mut stream).await.kind {
        Some(cdc::feed_message::Kind::Heartbeat(heartbeat)) => {
            assert_eq!(heartbeat.head_seq, 1, "{heartbeat:?}")
        }
        other => panic!("expected a first heartbeat, got {other:?}"),
    }
    put_record(
        &channel,
        &owner,
        &project,
        "note",
        "after",
        serde_json::json!({"n": 2}),
        true,
    )
    .await
    .expect("write");
    match next_message(&mut stream).await.kind {
        Some(cdc::feed_message::Kind::Event(event)) => {
            assert_eq!(
                (event.seq, event.id.as_str(), event.org_id.as_str()),
                (2, "after", org.as_str())
            )
        }
        other => panic!("expected the event, got {other:?}"),
    }
}

/// An archived project takes no new views and no new API keys, like it takes no writes.
#[tokio::test(flavor = "multi_thread")]
async fn an_archived_project_refuses_views_and_api_keys() {
    let dir = TestDir::new();
    let server = Server::start(dir.serve()).await;
    let channel = server.channel().await;
    sign_up(&channel, "root@example.org").await;
    let owner = sign_up(&channel, "owner@example.org").await;
    let org = create_org(&channel, &owner, "Archive").await;
    let project = create_project(&channel, &owner, &org, "Archive").await;
    ProjectServiceClient::new(channel.clone())
        .archive_project(bearer(
            pb::ArchiveProjectRequest {
                project_id: project.clone(),
                archived: true,
            },
            &owner,
        ))
        .await
        .expect("archive");
    let view = ViewServiceClient::new(channel.clone())
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
        .expect_err("no views in an archived project");
    assert_eq!(view.code(), tonic::Code::FailedPrecondition, "{view:?}");
    assert!(view.message().contains("archived"), "{view:?}");
    let key = ApiKeyServiceClient::new(channel.clone())
        .create_api_key(bearer(
            pb::CreateApiKeyRequest {
                name: "ci".into(),
                org_id: org.clone(),
                project_id: project.clone(),
                role: pb::Role::ProjectUser as i32,
            },
            &owner,
        ))
        .await
        .expect_err("no api keys for an archived project");
    assert_eq!(key.code(), tonic::Code::FailedPrecondition, "{key:?}");
}

/// A member removed from a project stops receiving its events at once: the removal ends
/// their stream (it does not wait for the periodic recheck).
#[tokio::test(flavor = "multi_thread")]
async fn a_removed_member_s_stream_ends_at_once() {
    use orbit_proto::orbit::system::v1::account_service_client::AccountServiceClient;
    use orbit_proto::orbit::system::v1::membership_service_client::MembershipServiceClient;

    let dir = TestDir::new();
    let server = Server::start(dir.serve()).await;
    let channel = server.channel().await;
    sign_up(&channel, "root@example.org").await;
    let owner = sign_up(&channel, "owner@example.org").await;
    let member = sign_up(&channel, "member@example.org").await;
    let org = create_org(&channel, &owner, "Removal").await;
    let project = create_project(&channel, &owner, &org, "Removal").await;
    crate::common::tenant::add_member(
        &channel,
        &owner,
        &project,
        "member@example.org",
        &member,
        pb::Role::ProjectUser,
    )
    .await;
    let mut stream = FeedServiceClient::new(channel.clone())
        .subscribe(bearer(
            cdc::SubscribeRequest {
                project_id: project.clone(),
                start: Some(cdc::subscribe_request::Start::FromNow(true)),
                heartbeat_seconds: 300,
                ..Default::default()
            },
            &member,
        ))
        .await
        .expect("the member subscribes")
        .into_inner();
    next_message(&mut stream).await;
    let account_id = AccountServiceClient::new(channel.clone())
        .get_profile(bearer(pb::GetProfileRequest::default(), &member))
        .await
        .expect("profile")
        .into_inner()
        .account
        .expect("account")
        .id;
    MembershipServiceClient::new(channel.clone())
        .remove_project_member(bearer(
            pb::RemoveProjectMemberRequest {
                project_id: project.clone(),
                account_id,
            },
            &owner,
        ))
        .await
        .expect("remove the member");
    // Nothing else would end this stream: no events come, its heartbeat is 300 s away, and
    // the periodic recheck only withholds events. So an end with PERMISSION_DENIED is the
    // removal's, however long a loaded machine takes to deliver it.
    let ended = tokio::time::timeout(Duration::from_secs(20), stream.message())
        .await
        .expect("the removal ends the stream")
        .expect_err("the stream ends with an error");
    assert_eq!(ended.code(), tonic::Code::PermissionDenied, "{ended:?}");
}
