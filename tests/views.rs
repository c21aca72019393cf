//! Materialised views end to end: declared over gRPC, kept up to date by a real `orbit
//! serve`, read with QueryView, and rebuilt from the log with `orbit views rebuild` beside the
//! running server without losing or double-counting anything.

use std::time::{Duration, Instant};

use orbit_proto::orbit::cdc::v1 as cdc;
use orbit_proto::orbit::cdc::v1::view_service_client::ViewServiceClient;
use prost_types::value::Kind;
use tonic::transport::Channel;

use crate::common::tenant::{bearer, create_org, create_project, put_record, sign_up};
use crate::common::{Server, TestDir, assert_refused, run};

/// Waits until the view's counts per group are `expected` (red, green, blue).
async fn settled_counts(channel: &Channel, token: &str, project: &str, expected: [u32; 3]) {
    let expected: std::collections::BTreeMap<String, u32> = ["red", "green", "blue"]
        .into_iter()
        .map(String::from)
        .zip(expected)
        .collect();
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let page = ViewServiceClient::new(channel.clone())
            .query_view(bearer(
                cdc::QueryViewRequest {
                    project_id: project.into(),
                    name: "by_colour".into(),
                    page_size: 100,
                    page_token: String::new(),
                },
                token,
            ))
            .await
            .expect("query view")
            .into_inner();
        let counts: std::collections::BTreeMap<String, u32> = page
            .rows
            .iter()
            .map(|row| {
                let group = match row.group.as_ref().and_then(|g| g.kind.as_ref()) {
                    Some(Kind::StringValue(s)) => s.clone(),
                    other => format!("{other:?}"),
                };
                let count = match row
                    .values
                    .as_ref()
                    .and_then(|v| v.fields.get("items"))
                    .and_then(|v| v.kind.as_ref())
                {
                    Some(Kind::NumberValue(n)) => *n as u32,
                    other => panic!("count is {other:?}"),
                };
                (group, count)
            })
            .collect();
        if counts == expected {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the view never reached {expected:?}: {counts:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Signs up the instance's first account and an owner who creates an org and project
/// `name`: the owner's token and the project's id.
async fn owner_and_project(channel: &Channel, name: &str) -> (String, String) {
    sign_up(channel, "root@example.org").await;
    let owner = sign_up(channel, "owner@example.org").await;
    let org = create_org(channel, &owner, &format!("{name} org")).await;
    let project = create_project(channel, &owner, &org, name).await;
    (owner, project)
}

/// Writes new `thing` records `t<n>` for each of `numbers`, coloured red, green, blue in
/// turn (or all `colour`, if given).
async fn write_things(
    channel: &Channel,
    token: &str,
    project: &str,
    numbers: std::ops::Range<usize>,
    colour: Option<&str>,
) {
    for n in numbers {
        let colour = colour.unwrap_or(["red", "green", "blue"][n % 3]);
        let data = serde_json::json!({ "colour": colour });
        put_record(
            channel,
            token,
            project,
            "thing",
            &format!("t{n}"),
            data,
            true,
        )
        .await
        .unwrap_or_else(|e| panic!("write t{n}: {e}"));
    }
}

/// Declares view `name` over `thing` records grouped by `colour`, with one aggregate `items`
/// of `function` and no field.
async fn create_view(
    channel: &Channel,
    token: &str,
    project: &str,
    name: &str,
    function: cdc::AggregateFunction,
) -> Result<cdc::ViewInfo, tonic::Status> {
    let declaration = cdc::ViewDeclaration {
        name: name.into(),
        entity: "thing".into(),
        group_by: "colour".into(),
        aggregates: vec![cdc::Aggregate {
            name: "items".into(),
            function: function as i32,
            field: String::new(),
        }],
        ..Default::default()
    };
    ViewServiceClient::new(channel.clone())
        .create_view(bearer(
            cdc::CreateViewRequest {
                project_id: project.into(),
                declaration: Some(declaration),
            },
            token,
        ))
        .await
        .map(|r| r.into_inner().view.expect("view"))
}

#[tokio::test(flavor = "multi_thread")]
async fn a_declared_view_follows_writes_and_rebuilds_from_the_log_beside_the_server() {
    let dir = TestDir::new();
    let server = Server::start(dir.serve()).await;
    let channel = server.channel().await;
    let (owner, project) = owner_and_project(&channel, "View project").await;

    let bad = create_view(
        &channel,
        &owner,
        &project,
        "broken",
        cdc::AggregateFunction::Sum,
    )
    .await
    .expect_err("SUM without a field is refused");
    assert_eq!(bad.code(), tonic::Code::InvalidArgument);
    assert!(bad.message().contains("aggregates[0].field"), "{bad:?}");
    create_view(
        &channel,
        &owner,
        &project,
        "by_colour",
        cdc::AggregateFunction::Count,
    )
    .await
    .expect("create view");
    write_things(&channel, &owner, &project, 0..30, None).await;
    // An update moves a record between groups, a delete takes it out.
    put_record(
        &channel,
        &owner,
        &project,
        "thing",
        "t0",
        serde_json::json!({"colour": "blue"}),
        false,
    )
    .await
    .expect("update");
    settled_counts(&channel, &owner, &project, [9, 10, 11]).await;

    // Rebuild from the log with the server still running; more writes land meanwhile.
    let output = run({
        let mut command = dir.orbit();
        command.args(["views", "rebuild", &format!("{project}/by_colour")]);
        command
    });
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("done: 3 rows"), "{stdout}");
    write_things(&channel, &owner, &project, 30..33, Some("red")).await;
    settled_counts(&channel, &owner, &project, [12, 10, 11]).await;

    // Bad names are refused on one line that says what to write instead.
    let mut unknown = dir.orbit();
    unknown.args(["views", "rebuild", &format!("{project}/nope")]);
    assert_refused(&run(unknown), &["nope"]);
    let mut malformed = dir.orbit();
    malformed.args(["views", "rebuild", "by_colour"]);
    assert_refused(&run(malformed), &["PROJECT_ID/NAME"]);
}

/// Opens WatchView on `by_colour` from its beginning.
async fn watch_from_start(
    channel: &Channel,
    token: &str,
    project: &str,
) -> Result<tonic::Streaming<cdc::ViewMessage>, tonic::Status> {
    let request = cdc::WatchViewRequest {
        project_id: project.into(),
        name: "by_colour".into(),
        start: Some(cdc::watch_view_request::Start::AfterSeq(0)),
        ..Default::default()
    };
    ViewServiceClient::new(channel.clone())
        .watch_view(bearer(request, token))
        .await
        .map(|r| r.into_inner())
}

/// The views' own feed is bounded: by default it keeps far more than this test writes; with
/// `--view-feed-retention 5` a restarted server prunes it, and watching from the beginning is
/// refused with a snapshot hint while the view itself still reads whole.
#[tokio::test(flavor = "multi_thread")]
async fn the_views_feed_is_pruned_to_its_retention() {
    let dir = TestDir::new();
    let mut server = Server::start(dir.serve()).await;
    let channel = server.channel().await;
    let (owner, project) = owner_and_project(&channel, "Retained").await;
    create_view(
        &channel,
        &owner,
        &project,
        "by_colour",
        cdc::AggregateFunction::Count,
    )
    .await
    .expect("create view");
    write_things(&channel, &owner, &project, 0..12, None).await;
    settled_counts(&channel, &owner, &project, [4, 4, 4]).await;
    drop(channel);
    assert!(server.stop("TERM").await.success());

    // The default keeps them all: the first deltas are still there.
    let mut server = Server::start(dir.serve()).await;
    let channel = server.channel().await;
    let owner = crate::common::tenant::log_in(&channel, "owner@example.org").await;
    let mut stream = watch_from_start(&channel, &owner, &project)
        .await
        .expect("watch from the start");
    let first = stream
        .message()
        .await
        .expect("a message")
        .expect("not ended");
    match first.kind {
        // Among the feed's first events (the view's own setup writes come before it).
        Some(cdc::view_message::Kind::Delta(delta)) => assert!(delta.seq < 10, "{delta:?}"),
        other => panic!("expected the first delta, got {other:?}"),
    }
    drop((stream, channel));
    assert!(server.stop("TERM").await.success());

    // Retention prunes when the server starts.
    let mut command = dir.serve();
    command.args(["--view-feed-retention", "5"]);
    let server = Server::start(command).await;
    let channel = server.channel().await;
    let owner = crate::common::tenant::log_in(&channel, "owner@example.org").await;
    let deadline = Instant::now() + Duration::from_secs(30);
    let refused = loop {
        match watch_from_start(&channel, &owner, &project).await {
            Err(status) => break status,
            Ok(_) if Instant::now() < deadline => {
                tokio::time::sleep(Duration::from_millis(100)).await
            }
            Ok(_) => panic!("nothing was pruned\n{}", server.logs()),
        }
    };
    assert_eq!(
        refused.code(),
        tonic::Code::FailedPrecondition,
        "{refused:?}"
    );
    assert!(refused.message().contains("snapshot"), "{refused:?}");
    settled_counts(&channel, &owner, &project, [4, 4, 4]).await;
}

/// Only databases that serve records may be folded: a view of `views` (its own database)
/// would feed on itself, `system` and `relay` are internal, and an unknown name must not make
/// the server create a database. A running view drops on the first try while it folds.
#[tokio::test(flavor = "multi_thread")]
async fn views_fold_only_record_modules_and_drop_while_folding() {
    let dir = TestDir::new();
    let server = Server::start(dir.serve()).await;
    let channel = server.channel().await;
    let (owner, project) = owner_and_project(&channel, "Sources").await;
    for module in ["views", "system", "relay", "mod0", "mod49"] {
        let declaration = cdc::ViewDeclaration {
            name: "probe".into(),
            module: module.into(),
            entity: "thing".into(),
            group_by: "colour".into(),
            aggregates: vec![cdc::Aggregate {
                name: "items".into(),
                function: cdc::AggregateFunction::Count as i32,
                field: String::new(),
            }],
        };
        let refused = ViewServiceClient::new(channel.clone())
            .create_view(bearer(
                cdc::CreateViewRequest {
                    project_id: project.clone(),
                    declaration: Some(declaration),
                },
                &owner,
            ))
            .await
            .expect_err("an internal or unknown source is refused");
        assert_eq!(refused.code(), tonic::Code::InvalidArgument, "{refused:?}");
        assert!(
            refused.message().contains("declaration.module"),
            "{refused:?}"
        );
    }

    create_view(
        &channel,
        &owner,
        &project,
        "by_colour",
        cdc::AggregateFunction::Count,
    )
    .await
    .expect("create view");
    // Writes keep landing while the view is dropped.
    let writer = tokio::spawn({
        let (channel, owner, project) = (channel.clone(), owner.clone(), project.clone());
        async move { write_things(&channel, &owner, &project, 0..200, None).await }
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    ViewServiceClient::new(channel.clone())
        .drop_view(bearer(
            cdc::DropViewRequest {
                project_id: project.clone(),
                name: "by_colour".into(),
            },
            &owner,
        ))
        .await
        .expect("a folding view drops on the first try");
    writer.await.expect("writer");
    drop(channel);
    drop(server);

    // No database was created for the refused names.
    let mut status = dir.orbit();
    status.args(["keys", "status"]);
    let output = run(status);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    assert!(stdout.contains("records"), "{stdout}");
    assert!(!stdout.contains("mod0"), "{stdout}");
}
