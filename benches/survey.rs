//! Survey benchmark (a `--bench` binary), on a release `orbit serve`:
//!
//! 1. Live results: 1,000 members (signed up from 200 loopback addresses, 5 each, as the
//!    sign-up limit allows) answer one open survey at once (64 in flight) while a project
//!    admin watches its results. For the k-th acknowledged response, the delay until the
//!    watcher sees a tally of at least k responses, against the `SubmitResponse` round trip
//!    in the same run.
//! 2. CSV export of 100,000 responses: the server is stopped, the survey's response rows are
//!    multiplied to 100,000 directly in its encrypted database (copies of the real rows under
//!    new respondent keys, written through the store like any write), the server restarted;
//!    `ExportResponses` is timed and the server's resident memory sampled while it streams.
//!
//! Run: `cargo bench --bench survey` (optionally `-- --respondents 200 --rows 20000`).

mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{arg, bearer, channel_from, member, percentile, rss_mib, start_at, tenant};
use futures::StreamExt;
use orbit_proto::orbit::survey::v1 as sv;
use orbit_proto::orbit::survey::v1::survey_service_client::SurveyServiceClient;
use orbit_system::store::{Store, StoreConfig, Transaction};
use tokio::sync::Mutex;
use tonic::transport::Channel;

/// The survey module's database and its responses keyspace (`modules/survey/src/stored.rs`).
const DATABASE: &str = "survey";
const RESPONSES: &str = "resp";

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

fn lunch_survey(project_id: &str) -> sv::CreateSurveyRequest {
    use sv::question::Kind;
    let choice = |id: &str| sv::Choice {
        id: id.into(),
        label: id.into(),
        cap: 0,
    };
    sv::CreateSurveyRequest {
        project_id: project_id.into(),
        title: "Team lunch".into(),
        description: "Where and how was it".into(),
        closes_at_ms: 0,
        anonymous: false,
        visibility: sv::ResultsVisibility::Live as i32,
        questions: vec![
            sv::Question {
                id: "place".into(),
                title: "Where?".into(),
                kind: Some(Kind::Single(sv::SingleChoice {
                    choices: vec![choice("thai"), choice("pizza"), choice("ramen")],
                })),
                ..Default::default()
            },
            sv::Question {
                id: "mood".into(),
                title: "How was it?".into(),
                kind: Some(Kind::Rating(sv::Rating {})),
                ..Default::default()
            },
            sv::Question {
                id: "hours".into(),
                title: "Hours you will help".into(),
                kind: Some(Kind::Pledge(sv::Pledge {
                    unit: "hours".into(),
                    action: "cook".into(),
                    min_people: 10,
                    min_units: 0,
                    cap: 0,
                    max_per_person: 8,
                })),
                ..Default::default()
            },
        ],
    }
}

fn answers(n: usize) -> Vec<sv::Answer> {
    use sv::answer::Value;
    let place = ["thai", "pizza", "ramen"][n % 3];
    vec![
        sv::Answer {
            question_id: "place".into(),
            value: Some(Value::Choices(sv::Picks {
                choice_ids: vec![place.into()],
            })),
        },
        sv::Answer {
            question_id: "mood".into(),
            value: Some(Value::Rating((n % 5) as i32 + 1)),
        },
        sv::Answer {
            question_id: "hours".into(),
            value: Some(Value::Pledge((n % 8) as i64 + 1)),
        },
    ]
}

#[tokio::main]
async fn main() {
    let respondents = arg("--respondents", 1000.0) as usize;
    let rows = arg("--rows", 100_000.0) as usize;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (server, url) = start_at(&data).await;
    let channel = Channel::from_shared(url.clone())
        .unwrap()
        .connect()
        .await
        .unwrap();
    let (admin, _org, project) = tenant(&channel).await;
    println!("## survey benchmark: {respondents} respondents, export of {rows} responses");

    let started = Instant::now();
    let mut people = Vec::with_capacity(respondents);
    for batch in 0..respondents.div_ceil(5) {
        let from = channel_from(&url, 2 + (batch % 250) as u8).await;
        let joins = (0..5.min(respondents - batch * 5)).map(|i| {
            let from = from.clone();
            let (admin, project) = (admin.clone(), project.clone());
            async move {
                member(
                    &from,
                    &admin,
                    &project,
                    &format!("r{}@bench.example", batch * 5 + i),
                )
                .await
                .0
            }
        });
        people.extend(futures::future::join_all(joins).await);
    }
    println!(
        "{} members signed up and joined in {:.1} s",
        people.len(),
        started.elapsed().as_secs_f64()
    );

    let mut surveys = SurveyServiceClient::new(channel.clone());
    let survey = surveys
        .create_survey(bearer(lunch_survey(&project), &admin))
        .await
        .unwrap()
        .into_inner()
        .survey
        .unwrap();
    surveys
        .open_survey(bearer(
            sv::OpenSurveyRequest {
                project_id: project.clone(),
                survey_id: survey.id.clone(),
                closes_at_ms: 0,
            },
            &admin,
        ))
        .await
        .unwrap();

    // The watcher: every tally it sees, with when.
    let seen: Arc<Mutex<Vec<(u64, Instant)>>> = Arc::default();
    let mut watch = surveys
        .clone()
        .watch_results(bearer(
            sv::WatchResultsRequest {
                project_id: project.clone(),
                survey_id: survey.id.clone(),
                heartbeat_seconds: 0,
            },
            &admin,
        ))
        .await
        .unwrap()
        .into_inner();
    let watcher = {
        let seen = seen.clone();
        let want = respondents as u64;
        tokio::spawn(async move {
            while let Ok(Ok(Some(update))) =
                tokio::time::timeout(Duration::from_secs(30), watch.message()).await
            {
                if let Some(sv::watch_results_response::Kind::Results(results)) = update.kind {
                    seen.lock().await.push((results.responses, Instant::now()));
                    if results.responses >= want {
                        break;
                    }
                }
            }
        })
    };
    tokio::time::sleep(Duration::from_millis(200)).await;

    let acks: Arc<Mutex<Vec<Instant>>> = Arc::default();
    let round_trips: Arc<Mutex<Vec<Duration>>> = Arc::default();
    let retries = Arc::new(std::sync::atomic::AtomicU64::new(0));
    let submitted = Instant::now();
    futures::stream::iter(people.iter().enumerate())
        .for_each_concurrent(64, |(n, token)| {
            let mut client = SurveyServiceClient::new(channel.clone());
            let (acks, round_trips, retries) = (acks.clone(), round_trips.clone(), retries.clone());
            let request = sv::SubmitResponseRequest {
                project_id: project.clone(),
                survey_id: survey.id.clone(),
                answers: answers(n),
            };
            async move {
                let sent = Instant::now();
                // ABORTED means the survey's counters were changed by others at the same
                // time (after the server's own retries): try again, as a client should.
                loop {
                    match client.submit_response(bearer(request.clone(), token)).await {
                        Ok(_) => break,
                        Err(status) if status.code() == tonic::Code::Aborted => {
                            retries.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            tokio::time::sleep(Duration::from_millis(5)).await;
                        }
                        Err(status) => panic!("submit: {status}"),
                    }
                }
                let now = Instant::now();
                acks.lock().await.push(now);
                round_trips.lock().await.push(now - sent);
            }
        })
        .await;
    let took = submitted.elapsed();
    let _ = watcher.await;
    let mut acks = acks.lock().await.clone();
    acks.sort();
    let seen = seen.lock().await.clone();
    let mut delays: Vec<Duration> = acks
        .iter()
        .enumerate()
        .filter_map(|(k, ack)| {
            seen.iter()
                .find(|(count, _)| *count > k as u64)
                .map(|(_, at)| at.saturating_duration_since(*ack))
        })
        .collect();
    delays.sort();
    let mut round_trips = round_trips.lock().await.clone();
    round_trips.sort();
    println!(
        "{} responses in {:.2} s ({:.0}/s, {} retried after ABORTED); the watcher saw {} tallies, the last of {}",
        acks.len(),
        took.as_secs_f64(),
        acks.len() as f64 / took.as_secs_f64(),
        retries.load(std::sync::atomic::Ordering::Relaxed),
        seen.len(),
        seen.last().map_or(0, |s| s.0)
    );
    println!(
        "  response -> tally seen by the watcher  p50 {:>8.2} ms  p99 {:>8.2} ms  ({} of {} seen)",
        ms(percentile(&delays, 0.5)),
        ms(percentile(&delays, 0.99)),
        delays.len(),
        acks.len()
    );
    println!(
        "  SubmitResponse round trip (baseline)   p50 {:>8.2} ms  p99 {:>8.2} ms",
        ms(percentile(&round_trips, 0.5)),
        ms(percentile(&round_trips, 0.99))
    );

    // Multiply the rows while the server is stopped.
    drop(server);
    let store = Store::open(StoreConfig::in_data_dir(&data))
        .await
        .expect("open the stopped server's store");
    let db = store.database(DATABASE).await.expect("the survey database");
    let prefix = format!("{project}/{}/", survey.id);
    let page = db
        .scan(RESPONSES, prefix.as_bytes(), None, 1000)
        .await
        .expect("read the responses");
    let originals: Vec<Vec<u8>> = page
        .records
        .iter()
        .map(|record| record.value.clone())
        .collect();
    assert!(!originals.is_empty(), "no response rows under {prefix}");
    let started = Instant::now();
    let mut written = originals.len();
    while written < rows {
        let mut txn = Transaction::new();
        for n in written..(written + 500).min(rows) {
            let key = format!("{prefix}copy-{n:08}");
            txn = txn.put(RESPONSES, key, originals[n % originals.len()].clone());
        }
        db.commit(txn).await.expect("write copies");
        written = (written + 500).min(rows);
    }
    store.close().await;
    println!(
        "{rows} response rows in place ({:.1} s to write the copies)",
        started.elapsed().as_secs_f64()
    );

    let (server, url) = start_at(&data).await;
    let pid = server.child.id();
    let channel = Channel::from_shared(url.clone())
        .unwrap()
        .connect()
        .await
        .unwrap();
    let idle = rss_mib(pid, "VmRSS:");
    let idle_heap = rss_mib(pid, "RssAnon:");
    let started = Instant::now();
    let mut export = SurveyServiceClient::new(channel)
        .export_responses(bearer(
            sv::ExportResponsesRequest {
                project_id: project.clone(),
                survey_id: survey.id.clone(),
            },
            &admin,
        ))
        .await
        .expect("export")
        .into_inner();
    let (mut bytes, mut lines, mut peak, mut peak_heap) = (0usize, 0usize, idle, idle_heap);
    let mut samples = Vec::new();
    while let Some(chunk) = export.message().await.expect("export chunk") {
        bytes += chunk.chunk.len();
        lines += chunk.chunk.iter().filter(|b| **b == b'\n').count();
        if samples.len() < 10_000 {
            let rss = rss_mib(pid, "VmRSS:");
            peak = peak.max(rss);
            peak_heap = peak_heap.max(rss_mib(pid, "RssAnon:"));
            samples.push(rss);
        }
    }
    let took = started.elapsed();
    let after = rss_mib(pid, "VmRSS:");
    let after_heap = rss_mib(pid, "RssAnon:");
    println!(
        "  ExportResponses: {} rows, {:.1} MB of CSV in {:.2} s ({:.0} rows/s)",
        lines.saturating_sub(1),
        bytes as f64 / 1e6,
        took.as_secs_f64(),
        lines as f64 / took.as_secs_f64()
    );
    println!(
        "  server heap (RssAnon): {idle_heap} MiB before, peak {peak_heap} MiB while streaming (+{} MiB), {after_heap} MiB after",
        peak_heap.saturating_sub(idle_heap)
    );
    println!(
        "  server RSS with the mapped database file: {idle} MiB before, peak {peak} MiB (+{} MiB), {after} MiB after",
        peak.saturating_sub(idle)
    );
}
