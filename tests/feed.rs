//! Live subscriptions end to end, against a real `orbit serve`: a project-user sees only its
//! project's events, in order, and resumes after a disconnect exactly once; bad subscriptions
//! are refused with clear errors; an idle stream gets heartbeats; a shutdown ends streams
//! instead of waiting for them.

use std::time::Duration;

use orbit_proto::orbit::cdc::v1 as cdc;
use orbit_proto::orbit::cdc::v1::feed_service_client::FeedServiceClient;
use orbit_proto::orbit::system::v1::Role;
use tonic::Code;
use tonic::transport::Channel;

use crate::common::tenant::{add_member, bearer, create_org, create_project, put_record, sign_up};
use crate::common::{Server, TestDir};

/// How long a test waits for one message before it calls the feed stuck.
const WAIT: Duration = Duration::from_secs(20);

struct Fixture {
    channel: Channel,
    owner: String,
    user: String,
    org: String,
    p: String,
    q: String,
}

async fn fixture(server: &Server) -> Fixture {
    let channel = server.channel().await;
    sign_up(&channel, "root@example.org").await;
    let owner = sign_up(&channel, "owner@example.org").await;
    let user = sign_up(&channel, "pat@example.org").await;
    let org = create_org(&channel, &owner, "Feed org").await;
    let p = create_project(&channel, &owner, &org, "P").await;
    let q = create_project(&channel, &owner, &org, "Q").await;
    add_member(
        &channel,
        &owner,
        &p,
        "pat@example.org",
        &user,
        Role::ProjectUser,
    )
    .await;
    Fixture {
        channel,
        owner,
        user,
        org,
        p,
        q,
    }
}

fn subscribe_request(
    org: &str,
    project: &str,
    start: cdc::subscribe_request::Start,
) -> cdc::SubscribeRequest {
    cdc::SubscribeRequest {
        org_id: org.into(),
        project_id: project.into(),
        module: String::new(),
        entity: String::new(),
        start: Some(start),
        heartbeat_seconds: 0,
    }
}

async fn subscribe(
    channel: &Channel,
    token: &str,
    request: cdc::SubscribeRequest,
) -> Result<tonic::Streaming<cdc::FeedMessage>, tonic::Status> {
    FeedServiceClient::new(channel.clone())
        .subscribe(bearer(request, token))
        .await
        .map(|r| r.into_inner())
}

/// The next event of a stream, skipping heartbeats.
async fn next_event(stream: &mut tonic::Streaming<cdc::FeedMessage>) -> cdc::FeedEvent {
    loop {
        let message = tokio::time::timeout(WAIT, stream.message())
            .await
            .expect("an event within the wait")
            .expect("a healthy stream")
            .expect("the stream goes on");
        if let Some(cdc::feed_message::Kind::Event(event)) = message.kind {
            return event;
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_project_user_sees_only_its_project_in_order_and_resumes_exactly_once() {
    let dir = TestDir::new();
    let server = Server::start(dir.serve()).await;
    let f = fixture(&server).await;
    use cdc::subscribe_request::Start;

    let mut first = subscribe(
        &f.channel,
        &f.user,
        subscribe_request(&f.org, "", Start::AfterSeq(0)),
    )
    .await
    .expect("subscribe org-wide");
    let mut all = subscribe(
        &f.channel,
        &f.owner,
        subscribe_request(&f.org, "", Start::AfterSeq(0)),
    )
    .await
    .expect("org-admin subscribes");
    for n in 0..20 {
        let project = if n % 2 == 0 { &f.p } else { &f.q };
        put_record(
            &f.channel,
            &f.owner,
            project,
            "task",
            &format!("t{n:02}"),
            serde_json::json!({"n": n}),
            true,
        )
        .await
        .expect("write");
    }

    let mut seen = Vec::new();
    for _ in 0..5 {
        seen.push(next_event(&mut first).await);
    }
    drop(first);
    let resume = seen.last().unwrap().seq;
    let mut second = subscribe(
        &f.channel,
        &f.user,
        subscribe_request(&f.org, "", Start::AfterSeq(resume)),
    )
    .await
    .expect("resubscribe");
    for _ in 0..5 {
        seen.push(next_event(&mut second).await);
    }
    let ids: Vec<&str> = seen.iter().map(|e| e.id.as_str()).collect();
    let expected: Vec<String> = (0..20).step_by(2).map(|n| format!("t{n:02}")).collect();
    assert_eq!(ids, expected, "project P's events, each once, in order");
    assert!(
        seen.iter()
            .all(|e| e.project_id == f.p && e.org_id == f.org)
    );
    assert!(seen.windows(2).all(|w| w[0].seq < w[1].seq));
    let first_event = &seen[0];
    assert_eq!(first_event.module, "records");
    assert_eq!(first_event.entity, "task");
    assert_eq!(first_event.operation, cdc::ChangeOperation::Put as i32);
    let n = first_event
        .data
        .as_ref()
        .and_then(|d| d.fields.get("n"))
        .and_then(|v| v.kind.clone());
    assert_eq!(n, Some(prost_types::value::Kind::NumberValue(0.0)));
    assert!(
        !first_event.correlation_id.is_empty(),
        "events carry the request id"
    );

    // Nothing of project Q arrives later either: a P write is the very next event.
    put_record(
        &f.channel,
        &f.owner,
        &f.q,
        "task",
        "q-late",
        serde_json::json!({}),
        true,
    )
    .await
    .unwrap();
    put_record(
        &f.channel,
        &f.owner,
        &f.p,
        "task",
        "p-late",
        serde_json::json!({}),
        true,
    )
    .await
    .unwrap();
    assert_eq!(next_event(&mut second).await.id, "p-late");

    // The org-admin sees both projects, in commit order.
    let mut owner_ids = Vec::new();
    for _ in 0..20 {
        owner_ids.push(next_event(&mut all).await.id);
    }
    let expected: Vec<String> = (0..20).map(|n| format!("t{n:02}")).collect();
    assert_eq!(owner_ids, expected);

    // Asking for project Q directly is refused as if it did not exist.
    let refused = subscribe(
        &f.channel,
        &f.user,
        subscribe_request(&f.org, &f.q, Start::FromNow(true)),
    )
    .await
    .expect_err("no access to Q");
    assert_eq!(refused.code(), Code::NotFound, "{refused:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_subscriptions_are_refused_with_errors_that_name_the_problem() {
    let dir = TestDir::new();
    let server = Server::start(dir.serve()).await;
    let f = fixture(&server).await;
    use cdc::subscribe_request::Start;
    let cases: Vec<(cdc::SubscribeRequest, Code, &str)> = vec![
        (
            cdc::SubscribeRequest {
                module: "nope".into(),
                ..subscribe_request(&f.org, "", Start::FromNow(true))
            },
            Code::NotFound,
            "module \"nope\"",
        ),
        (
            subscribe_request(&f.org, "", Start::AfterSeq(1_000_000)),
            Code::OutOfRange,
            "beyond the head",
        ),
        (
            cdc::SubscribeRequest {
                entity: "Not An Entity".into(),
                ..subscribe_request(&f.org, "", Start::FromNow(true))
            },
            Code::InvalidArgument,
            "entity",
        ),
        (
            cdc::SubscribeRequest {
                heartbeat_seconds: 100_000,
                ..subscribe_request(&f.org, "", Start::FromNow(true))
            },
            Code::InvalidArgument,
            "heartbeat_seconds",
        ),
        (
            subscribe_request("01ARZ3NDEKTSV4RRFFQ69G5FAV", "", Start::FromNow(true)),
            Code::NotFound,
            "org",
        ),
    ];
    for (request, code, needle) in cases {
        let status = subscribe(&f.channel, &f.user, request.clone())
            .await
            .expect_err(&format!("{request:?} is refused"));
        assert_eq!(status.code(), code, "{request:?}: {status:?}");
        assert!(
            status.message().contains(needle),
            "{request:?}: {status:?} names {needle:?}"
        );
    }
    let anonymous = FeedServiceClient::new(f.channel.clone())
        .subscribe(subscribe_request(&f.org, "", Start::FromNow(true)))
        .await
        .expect_err("anonymous is refused");
    assert_eq!(anonymous.code(), Code::Unauthenticated);
}

#[tokio::test(flavor = "multi_thread")]
async fn idle_streams_get_heartbeats_and_a_shutdown_ends_them() {
    let dir = TestDir::new();
    let mut server = Server::start(dir.serve()).await;
    let f = fixture(&server).await;
    let request = cdc::SubscribeRequest {
        heartbeat_seconds: 1,
        ..subscribe_request(&f.org, &f.p, cdc::subscribe_request::Start::FromNow(true))
    };
    let mut stream = subscribe(&f.channel, &f.user, request)
        .await
        .expect("subscribe");
    let message = tokio::time::timeout(Duration::from_secs(5), stream.message())
        .await
        .expect("a heartbeat within 5 s")
        .expect("healthy")
        .expect("open");
    assert!(
        matches!(message.kind, Some(cdc::feed_message::Kind::Heartbeat(_))),
        "{message:?}"
    );

    server.signal("TERM");
    let end = tokio::time::timeout(Duration::from_secs(10), async {
        loop {
            match stream.message().await {
                Ok(Some(_)) => continue,
                other => return other,
            }
        }
    })
    .await
    .expect("the stream ends at shutdown");
    let status = end.expect_err("ended with a status");
    assert_eq!(status.code(), Code::Unavailable, "{status:?}");
    assert!(status.message().contains("shutting down"), "{status:?}");
    let exit = server.wait_exit().await;
    assert!(exit.success(), "exit {exit}\n{}", server.logs());
    let _ = f.owner;
}

#[tokio::test(flavor = "multi_thread")]
async fn with_retention_a_pruned_position_is_refused_with_a_snapshot_hint() {
    use cdc::subscribe_request::Start;
    let dir = TestDir::new();
    let mut command = dir.serve();
    command.args(["--feed-retention", "5"]);
    let mut server = Server::start(command).await;
    let f = fixture(&server).await;
    for n in 0..20 {
        put_record(
            &f.channel,
            &f.owner,
            &f.p,
            "task",
            &format!("t{n}"),
            serde_json::json!({}),
            true,
        )
        .await
        .expect("write");
    }
    assert!(server.stop("TERM").await.success());

    // Retention prunes when the server starts, and every 30 s after.
    let mut command = dir.serve();
    command.args(["--feed-retention", "5"]);
    let server = Server::start(command).await;
    let channel = server.channel().await;
    let owner = crate::common::tenant::log_in(&channel, "owner@example.org").await;
    let deadline = std::time::Instant::now() + WAIT;
    let refused = loop {
        match subscribe(
            &channel,
            &owner,
            subscribe_request(&f.org, "", Start::AfterSeq(0)),
        )
        .await
        {
            Err(status) => break status,
            Ok(_) if std::time::Instant::now() < deadline => {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            Ok(_) => panic!("nothing was pruned\n{}", server.logs()),
        }
    };
    assert_eq!(refused.code(), Code::FailedPrecondition, "{refused:?}");
    assert!(refused.message().contains("snapshot"), "{refused:?}");
    assert!(
        refused
            .message()
            .contains("pruned up to sequence number 15"),
        "{refused:?}"
    );

    let mut kept = subscribe(
        &channel,
        &owner,
        subscribe_request(&f.org, "", Start::AfterSeq(15)),
    )
    .await
    .expect("the kept part can be followed");
    let mut got = Vec::new();
    for _ in 0..5 {
        got.push(next_event(&mut kept).await.id);
    }
    assert_eq!(got, ["t15", "t16", "t17", "t18", "t19"]);
}
