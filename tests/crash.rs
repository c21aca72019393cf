//! Crash safety with a real process: `kill -9` the server while a client writes 10,000
//! acknowledged records; after a restart, a subscriber that resumes from its last sequence
//! number and a materialised view hold every acknowledged write exactly once.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use orbit_proto::orbit::cdc::v1 as cdc;
use orbit_proto::orbit::cdc::v1::feed_service_client::FeedServiceClient;
use orbit_proto::orbit::cdc::v1::view_service_client::ViewServiceClient;
use orbit_proto::orbit::system::v1 as pb;
use orbit_proto::orbit::system::v1::record_service_client::RecordServiceClient;
use prost_types::value::Kind;
use tonic::Code;
use tonic::transport::Channel;

use crate::common::tenant::{bearer, create_org, create_project, log_in, put_record, sign_up};
use crate::common::{Server, TestDir};

const RECORDS: u32 = 10_000;
const WRITERS: usize = 16;
const KILL_AFTER: usize = 3_000;
const BUCKETS: u32 = 10;
const PATIENCE: Duration = Duration::from_secs(120);

/// What the writers know: ids acknowledged, and ids whose write was cut off by the crash.
#[derive(Default)]
struct Written {
    acked: BTreeSet<u32>,
    in_doubt: BTreeSet<u32>,
}

/// Creates item `n` (`r<n>`, in bucket `n % BUCKETS`); refused if it exists.
async fn put_item(
    channel: &Channel,
    token: &str,
    project: &str,
    n: u32,
) -> Result<pb::Record, tonic::Status> {
    let data = serde_json::json!({"bucket": n % BUCKETS, "n": n});
    put_record(channel, token, project, "item", &item_id(n), data, true).await
}

fn item_id(n: u32) -> String {
    format!("r{n:05}")
}

/// Writes ids from `next` until `RECORDS`, with `WRITERS` concurrent clients; stops a client
/// at its first failure (the server died), remembering that id as in doubt.
async fn write_all(
    channel: &Channel,
    token: &str,
    project: &str,
    next: Arc<AtomicU32>,
    written: Arc<Mutex<Written>>,
) {
    let mut clients = Vec::new();
    for _ in 0..WRITERS {
        let (channel, token, project) = (channel.clone(), token.to_owned(), project.to_owned());
        let (next, written) = (next.clone(), written.clone());
        clients.push(tokio::spawn(async move {
            loop {
                let n = next.fetch_add(1, Ordering::SeqCst);
                if n >= RECORDS {
                    return;
                }
                match put_item(&channel, &token, &project, n).await {
                    Ok(_) => {
                        written.lock().unwrap().acked.insert(n);
                    }
                    Err(_) => {
                        written.lock().unwrap().in_doubt.insert(n);
                        return;
                    }
                }
            }
        }));
    }
    for client in clients {
        client.await.unwrap();
    }
}

/// Follows project `project` from `after`, appending (seq, id) until the stream fails or
/// `want` distinct ids were seen.
async fn follow(
    channel: Channel,
    token: String,
    org: String,
    project: String,
    after: u64,
    seen: Arc<Mutex<Vec<(u64, String)>>>,
    want: usize,
) {
    let request = cdc::SubscribeRequest {
        org_id: org,
        project_id: project,
        module: String::new(),
        entity: "item".into(),
        start: Some(cdc::subscribe_request::Start::AfterSeq(after)),
        heartbeat_seconds: 1,
    };
    let Ok(response) = FeedServiceClient::new(channel)
        .subscribe(bearer(request, &token))
        .await
    else {
        return;
    };
    let mut stream = response.into_inner();
    while let Ok(Some(message)) = stream.message().await {
        if let Some(cdc::feed_message::Kind::Event(event)) = message.kind {
            let mut seen = seen.lock().unwrap();
            seen.push((event.seq, event.id));
            if seen.len() >= want {
                return;
            }
        }
    }
}

fn number(value: Option<&prost_types::Value>) -> f64 {
    match value.and_then(|v| v.kind.as_ref()) {
        Some(Kind::NumberValue(n)) => *n,
        other => panic!("expected a number, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn kill_9_during_10k_writes_loses_and_duplicates_nothing() {
    let dir = TestDir::new();
    let mut server = Server::start(dir.serve()).await;
    let channel = server.channel().await;
    sign_up(&channel, "root@example.org").await;
    let owner = sign_up(&channel, "owner@example.org").await;
    let org = create_org(&channel, &owner, "Crash org").await;
    let project = create_project(&channel, &owner, &org, "Crash project").await;
    let aggregate = |name: &str, function: cdc::AggregateFunction, field: &str| cdc::Aggregate {
        name: name.into(),
        function: function as i32,
        field: field.into(),
    };
    ViewServiceClient::new(channel.clone())
        .create_view(bearer(
            cdc::CreateViewRequest {
                project_id: project.clone(),
                declaration: Some(cdc::ViewDeclaration {
                    name: "by_bucket".into(),
                    module: String::new(),
                    entity: "item".into(),
                    group_by: "bucket".into(),
                    aggregates: vec![
                        aggregate("items", cdc::AggregateFunction::Count, ""),
                        aggregate("total", cdc::AggregateFunction::Sum, "n"),
                    ],
                }),
            },
            &owner,
        ))
        .await
        .expect("create view");

    // Phase 1: writers and a subscriber run until the server is killed mid-stream.
    let seen = Arc::new(Mutex::new(Vec::new()));
    let subscriber = tokio::spawn(follow(
        channel.clone(),
        owner.clone(),
        org.clone(),
        project.clone(),
        0,
        seen.clone(),
        RECORDS as usize,
    ));
    let next = Arc::new(AtomicU32::new(0));
    let written = Arc::new(Mutex::new(Written::default()));
    let writing = tokio::spawn({
        let (channel, owner, project) = (channel.clone(), owner.clone(), project.clone());
        let (next, written) = (next.clone(), written.clone());
        async move { write_all(&channel, &owner, &project, next, written).await }
    });
    let deadline = Instant::now() + PATIENCE;
    while written.lock().unwrap().acked.len() < KILL_AFTER {
        assert!(
            Instant::now() < deadline,
            "writes too slow\n{}",
            server.logs()
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    server.signal("KILL");
    server.wait_exit().await;
    writing.await.unwrap();
    let _ = tokio::time::timeout(Duration::from_secs(10), subscriber).await;
    let acked_before = written.lock().unwrap().acked.len();
    assert!(
        acked_before >= KILL_AFTER && acked_before < RECORDS as usize,
        "killed mid-stream: {acked_before} acked"
    );

    // Phase 2: restart on the same data; settle the writes cut off by the crash, finish the rest.
    let server = Server::start(dir.serve()).await;
    let channel = server.channel().await;
    let owner = log_in(&channel, "owner@example.org").await;
    let in_doubt: Vec<u32> = std::mem::take(&mut written.lock().unwrap().in_doubt)
        .into_iter()
        .collect();
    for n in in_doubt {
        match put_item(&channel, &owner, &project, n).await {
            Ok(_) => {}
            // It was committed before the crash, only the answer was lost.
            Err(status)
                if matches!(
                    status.code(),
                    Code::Aborted | Code::FailedPrecondition | Code::AlreadyExists
                ) =>
            {
                let record = RecordServiceClient::new(channel.clone())
                    .get_record(bearer(
                        pb::GetRecordRequest {
                            project_id: project.clone(),
                            entity: "item".into(),
                            id: item_id(n),
                        },
                        &owner,
                    ))
                    .await
                    .expect("the committed record is there");
                assert!(record.into_inner().record.is_some());
            }
            Err(status) => panic!("write {n} after restart: {status:?}"),
        }
        written.lock().unwrap().acked.insert(n);
    }
    write_all(&channel, &owner, &project, next, written.clone()).await;
    let written = std::mem::take(&mut *written.lock().unwrap());
    assert!(
        written.in_doubt.is_empty(),
        "no write fails after the restart"
    );
    assert_eq!(written.acked.len(), RECORDS as usize);

    // The subscriber resumes after the last sequence number it received.
    let resume = seen.lock().unwrap().last().map_or(0, |(seq, _)| *seq);
    let received_before = seen.lock().unwrap().len();
    tokio::time::timeout(
        PATIENCE,
        follow(
            channel.clone(),
            owner.clone(),
            org.clone(),
            project.clone(),
            resume,
            seen.clone(),
            RECORDS as usize,
        ),
    )
    .await
    .unwrap_or_else(|_| {
        panic!(
            "the resumed subscriber got {} of {RECORDS}",
            seen.lock().unwrap().len()
        )
    });
    let seen = std::mem::take(&mut *seen.lock().unwrap());
    assert!(
        received_before > 0,
        "the first subscription received events before the crash"
    );
    assert!(
        seen.windows(2).all(|w| w[0].0 < w[1].0),
        "strictly increasing sequence numbers"
    );
    let mut per_id: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, id) in &seen {
        *per_id.entry(id.as_str()).or_default() += 1;
    }
    assert!(
        per_id.values().all(|&count| count == 1),
        "every write exactly once"
    );
    let expected: BTreeSet<String> = (0..RECORDS).map(item_id).collect();
    let got: BTreeSet<String> = per_id.keys().map(|id| id.to_string()).collect();
    assert_eq!(got, expected, "every acknowledged write is in the feed");

    // The view folded every write exactly once: 1,000 items per bucket, with their sums.
    let mut views = ViewServiceClient::new(channel.clone());
    let deadline = Instant::now() + PATIENCE;
    let rows = loop {
        let page = views
            .query_view(bearer(
                cdc::QueryViewRequest {
                    project_id: project.clone(),
                    name: "by_bucket".into(),
                    page_size: 100,
                    page_token: String::new(),
                },
                &owner,
            ))
            .await
            .expect("query view")
            .into_inner();
        let total: f64 = page
            .rows
            .iter()
            .map(|r| number(r.values.as_ref().and_then(|v| v.fields.get("items"))))
            .sum();
        if total as u32 == RECORDS {
            break page.rows;
        }
        assert!(
            total as u32 <= RECORDS,
            "the view counted {total} items: double-applied"
        );
        assert!(
            Instant::now() < deadline,
            "the view reached only {total} items"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(rows.len(), BUCKETS as usize);
    for row in rows {
        let bucket = number(row.group.as_ref()) as u32;
        let values = row.values.expect("values");
        assert_eq!(
            number(values.fields.get("items")) as u32,
            RECORDS / BUCKETS,
            "bucket {bucket}"
        );
        let sum: u32 = (0..RECORDS).filter(|n| n % BUCKETS == bucket).sum();
        assert_eq!(
            number(values.fields.get("total")) as u32,
            sum,
            "bucket {bucket}"
        );
    }
}
