//! End-to-end chat benchmark (a `--bench` binary): starts a real `orbit serve`, creates 100
//! public rooms in one project and measures `orbit.chat.v1.ChatService`, each figure against
//! a baseline measured in the same run:
//!
//! 1. post → live watcher latency (p50/p99) at a paced 1,000 posts/s spread over the rooms,
//!    10 `WatchRoom` streams per room, vs the post's own acknowledgement (`PostMessage` round
//!    trip) for the same posts;
//! 2. sustained posts/s with 64 posters in flight (each on its own room), once with the
//!    watchers attached and then without, vs `RecordService.PutRecord` with 64 in flight
//!    through the same server: the same gRPC, auth layer and one encrypted store transaction
//!    per write, without chat's room read, sequence allocation and indexes;
//! 3. a history page of 50 messages (`ListMessages`): the newest page and pages at random
//!    positions, p50/p99, one call at a time.
//!
//! Run: `cargo bench --bench chat` (optionally `-- --seconds 5 --rate 1000 --rooms 100
//! --watchers 10 --posters 64 --rounds 2 --pages 500`).

mod common;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use common::{arg, bearer, percentile, start};
use orbit_proto::orbit::chat::v1 as chat;
use orbit_proto::orbit::chat::v1::chat_service_client::ChatServiceClient;
use orbit_proto::orbit::system::v1 as pb;
use orbit_proto::orbit::system::v1::record_service_client::RecordServiceClient;
use rand::Rng;
use tokio::sync::watch;
use tonic::transport::Channel;

/// Members besides the sys-admin: sign-up allows 5 per address after the first account.
const MEMBERS: usize = 4;
/// HTTP/2 connections the watchers share, and the writers.
const WATCH_CONNECTIONS: usize = 10;
const WRITE_CONNECTIONS: usize = 4;

/// One signed-in account.
#[derive(Clone)]
struct Person {
    token: String,
}

/// The project, its people (the sys-admin first) and its rooms.
struct Setup {
    project: String,
    people: Vec<Person>,
    rooms: Vec<String>,
}

async fn connect(url: &str) -> Result<Channel> {
    Ok(Channel::from_shared(url.to_owned())?.connect().await?)
}

async fn setup(channel: &Channel, rooms: usize) -> Result<Setup> {
    let (admin, _org, project) = common::tenant(channel).await;
    let mut people = vec![Person {
        token: admin.clone(),
    }];
    for m in 0..MEMBERS {
        let (token, _id) =
            common::member(channel, &admin, &project, &format!("member{m}@example.org")).await;
        people.push(Person { token });
    }
    let mut ids = Vec::new();
    for r in 0..rooms {
        let room = ChatServiceClient::new(channel.clone())
            .create_room(bearer(
                chat::CreateRoomRequest {
                    project_id: project.clone(),
                    name: format!("room {r}"),
                    topic: String::new(),
                    kind: chat::RoomKind::Public as i32,
                    member_ids: vec![],
                },
                &admin,
            ))
            .await
            .context("create room")?
            .into_inner()
            .room
            .context("room")?;
        ids.push(room.id);
    }
    Ok(Setup {
        project,
        people,
        rooms: ids,
    })
}

/// Posts `text`; a post the server aborted because others changed the room at the same time
/// (it stored nothing and says to try again) is retried after a short pause, as a client
/// would, and counted in `RETRIES`.
async fn post(
    channel: &Channel,
    token: &str,
    project: &str,
    room: &str,
    text: String,
) -> Result<(), tonic::Status> {
    let mut pause = Duration::from_millis(1);
    loop {
        let posted = ChatServiceClient::new(channel.clone())
            .post_message(bearer(
                chat::PostMessageRequest {
                    project_id: project.into(),
                    room_id: room.into(),
                    text: text.clone(),
                    ..Default::default()
                },
                token,
            ))
            .await;
        match posted {
            Err(status) if status.code() == tonic::Code::Aborted && pause.as_secs() < 1 => {
                RETRIES.fetch_add(1, Ordering::Relaxed);
                tokio::time::sleep(pause).await;
                pause *= 2;
            }
            other => return other.map(|_| ()),
        }
    }
}

/// Posts retried after ABORTED (see [`post`]).
static RETRIES: AtomicU64 = AtomicU64::new(0);

/// What the watchers measured: latencies of the paced posts, other events, errors.
#[derive(Default)]
struct Watched {
    latencies: Vec<Duration>,
    other: u64,
    errors: Vec<String>,
}

/// Opens `per_room` watchers on every room (from now, each live once its first heartbeat
/// arrives). Each records, for a post whose text is `lat <n>`, the time since `sent[n]`
/// (nanoseconds since `origin`), until `stop` turns true.
async fn watchers(
    channels: &[Channel],
    setup: &Setup,
    per_room: usize,
    origin: Instant,
    sent: Arc<Vec<AtomicU64>>,
    delivered: Arc<AtomicU64>,
    stop: watch::Receiver<bool>,
) -> Result<Vec<tokio::task::JoinHandle<Watched>>> {
    let opened = futures::future::join_all((0..setup.rooms.len() * per_room).map(|w| {
        let channel = channels[w % channels.len()].clone();
        let person = &setup.people[w % setup.people.len()];
        let request = bearer(
            chat::WatchRoomRequest {
                project_id: setup.project.clone(),
                room_id: setup.rooms[w / per_room].clone(),
                start: Some(chat::watch_room_request::Start::FromNow(true)),
                heartbeat_seconds: 2,
            },
            &person.token,
        );
        async move {
            let mut stream = ChatServiceClient::new(channel)
                .watch_room(request)
                .await?
                .into_inner();
            // The first heartbeat proves the watch is live before anything is posted.
            stream.message().await?;
            Ok::<_, tonic::Status>(stream)
        }
    }))
    .await;
    let mut tasks = Vec::new();
    for stream in opened {
        let mut stream = stream.context("open a room watch")?;
        let (sent, delivered, mut stop) = (sent.clone(), delivered.clone(), stop.clone());
        tasks.push(tokio::spawn(async move {
            let mut watched = Watched::default();
            loop {
                let message = tokio::select! {
                    message = stream.message() => message,
                    _ = stop.wait_for(|stop| *stop) => break,
                };
                let event = match message {
                    Ok(Some(event)) => event,
                    Ok(None) => break,
                    Err(status) => {
                        watched
                            .errors
                            .push(format!("{:?}: {}", status.code(), status.message()));
                        break;
                    }
                };
                if let Some(chat::room_event::Kind::Posted(message)) = event.kind {
                    match message
                        .text
                        .strip_prefix("lat ")
                        .and_then(|n| n.parse().ok())
                    {
                        Some(n) => {
                            let n: usize = n;
                            let at = sent[n].load(Ordering::Acquire);
                            let now = origin.elapsed().as_nanos() as u64;
                            watched.latencies.push(Duration::from_nanos(now - at));
                            delivered.fetch_add(1, Ordering::Relaxed);
                        }
                        None => watched.other += 1,
                    }
                }
            }
            watched
        }));
    }
    Ok(tasks)
}

/// Posts `lat 0`, `lat 1`, … at `rate` per second for `seconds`, round-robin over the rooms;
/// records each post's start in `sent` and returns the acknowledgement latencies.
async fn paced_posts(
    channels: &[Channel],
    setup: &Setup,
    rate: f64,
    total: usize,
    origin: Instant,
    sent: Arc<Vec<AtomicU64>>,
) -> Result<Vec<Duration>> {
    let mut ticks = tokio::time::interval(Duration::from_secs_f64(1.0 / rate));
    let acks: Arc<Mutex<Vec<Duration>>> = Arc::default();
    let mut posts = Vec::with_capacity(total);
    for n in 0..total {
        ticks.tick().await;
        let channel = channels[n % channels.len()].clone();
        let token = setup.people[n % setup.people.len()].token.clone();
        let (project, room) = (
            setup.project.clone(),
            setup.rooms[n % setup.rooms.len()].clone(),
        );
        let (sent, acks) = (sent.clone(), acks.clone());
        posts.push(tokio::spawn(async move {
            let started = Instant::now();
            sent[n].store(origin.elapsed().as_nanos() as u64, Ordering::Release);
            post(&channel, &token, &project, &room, format!("lat {n}")).await?;
            acks.lock().unwrap().push(started.elapsed());
            Ok::<_, tonic::Status>(())
        }));
    }
    for post in posts {
        post.await?.context("PostMessage")?;
    }
    let acks = std::mem::take(&mut *acks.lock().unwrap());
    Ok(acks)
}

/// Runs `call(worker, n)` from `workers` tasks for `seconds`; returns calls per second.
async fn sustained<F, Fut>(workers: usize, seconds: f64, call: F) -> Result<f64>
where
    F: Fn(usize, u64) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<(), tonic::Status>> + Send,
{
    let call = Arc::new(call);
    let done = Arc::new(AtomicU64::new(0));
    let until = Instant::now() + Duration::from_secs_f64(seconds);
    let started = Instant::now();
    let tasks: Vec<_> = (0..workers)
        .map(|w| {
            let (call, done) = (call.clone(), done.clone());
            tokio::spawn(async move {
                let mut n = 0;
                while Instant::now() < until {
                    call(w, n).await?;
                    n += 1;
                    done.fetch_add(1, Ordering::Relaxed);
                }
                Ok::<_, tonic::Status>(())
            })
        })
        .collect();
    for task in tasks {
        task.await?.context("a sustained call failed")?;
    }
    Ok(done.load(Ordering::Relaxed) as f64 / started.elapsed().as_secs_f64())
}

/// `posters` posters, poster `w` in room `w` (so no two race for a room's sequence number).
async fn post_rate(
    channels: &[Channel],
    setup: &Setup,
    posters: usize,
    seconds: f64,
) -> Result<f64> {
    let channels = channels.to_vec();
    let people = setup.people.clone();
    let (project, rooms) = (setup.project.clone(), setup.rooms.clone());
    sustained(posters, seconds, move |w, n| {
        let channel = channels[w % channels.len()].clone();
        let token = people[w % people.len()].token.clone();
        let (project, room) = (project.clone(), rooms[w % rooms.len()].clone());
        async move { post(&channel, &token, &project, &room, format!("load {w} {n}")).await }
    })
    .await
}

/// The baseline: `workers` PutRecord callers, each writing new records of about a chat
/// message's size.
async fn put_rate(
    channels: &[Channel],
    setup: &Setup,
    workers: usize,
    seconds: f64,
    round: usize,
) -> Result<f64> {
    let channels = channels.to_vec();
    let people = setup.people.clone();
    let project = setup.project.clone();
    sustained(workers, seconds, move |w, n| {
        let channel = channels[w % channels.len()].clone();
        let token = people[w % people.len()].token.clone();
        let project = project.clone();
        async move {
            let text = prost_types::Value {
                kind: Some(prost_types::value::Kind::StringValue(format!(
                    "load {w} {n}"
                ))),
            };
            RecordServiceClient::new(channel)
                .put_record(bearer(
                    pb::PutRecordRequest {
                        project_id: project,
                        entity: "bench".into(),
                        id: format!("r{round}-{w}-{n}"),
                        data: Some(prost_types::Struct {
                            fields: [("text".to_owned(), text)].into(),
                        }),
                        expect_version: None,
                    },
                    &token,
                ))
                .await
                .map(|_| ())
        }
    })
    .await
}

/// `pages` calls of ListMessages for 50 messages, one at a time, over the first `rooms`
/// rooms: the newest page if `newest`, else forward from a random position.
async fn history(
    channel: &Channel,
    setup: &Setup,
    rooms: usize,
    pages: usize,
    newest: bool,
) -> Result<Vec<Duration>> {
    let mut latencies = Vec::with_capacity(pages);
    let client = ChatServiceClient::new(channel.clone());
    let token = &setup.people[0].token;
    // Each room's last sequence number, for random positions with a full page after them.
    let mut last = Vec::new();
    for room in &setup.rooms[..rooms] {
        let page = client
            .clone()
            .list_messages(bearer(
                chat::ListMessagesRequest {
                    project_id: setup.project.clone(),
                    room_id: room.clone(),
                    page_size: 1,
                    ..Default::default()
                },
                token,
            ))
            .await?
            .into_inner();
        last.push(page.last_seq);
    }
    let mut rng = rand::thread_rng();
    for p in 0..pages {
        let r = p % rooms;
        if last[r] < 51 {
            bail!("room {r} holds {} messages, fewer than a page", last[r]);
        }
        let (seq, direction) = if newest {
            (0, chat::Direction::Backward)
        } else {
            (rng.gen_range(1..last[r] - 50), chat::Direction::Forward)
        };
        let started = Instant::now();
        let page = client
            .clone()
            .list_messages(bearer(
                chat::ListMessagesRequest {
                    project_id: setup.project.clone(),
                    room_id: setup.rooms[r].clone(),
                    seq,
                    message_id: String::new(),
                    direction: direction as i32,
                    page_size: 50,
                },
                token,
            ))
            .await?
            .into_inner();
        latencies.push(started.elapsed());
        if page.messages.len() != 50 {
            bail!("a page of {} messages, not 50", page.messages.len());
        }
    }
    latencies.sort();
    Ok(latencies)
}

/// CPU seconds (user + system) process `pid` has used so far ("self" for this one).
fn cpu_seconds(pid: &str) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command name, which is in brackets and may hold spaces.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest.split_whitespace().collect())
        .unwrap_or_default();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of the line, 11 and 12 after the name; the
    // kernel counts them in USER_HZ, which is 100 on Linux.
    (ticks(11) + ticks(12)) / 100.0
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

#[tokio::main]
async fn main() -> Result<()> {
    // Without `--bench` (cargo test --benches), keep it tiny: it only proves the bench works.
    let quick = !std::env::args().any(|a| a == "--bench");
    let seconds = arg("--seconds", if quick { 0.3 } else { 5.0 });
    let rate = arg("--rate", if quick { 200.0 } else { 1000.0 });
    let rooms = arg("--rooms", if quick { 10.0 } else { 100.0 }) as usize;
    let per_room = arg("--watchers", if quick { 2.0 } else { 10.0 }) as usize;
    let posters = arg("--posters", if quick { 8.0 } else { 64.0 }) as usize;
    let rounds = arg("--rounds", if quick { 1.0 } else { 2.0 }) as usize;
    let pages = arg("--pages", if quick { 20.0 } else { 500.0 }) as usize;

    let (orbit, url) = start().await;
    let server_pid = orbit.child.id().to_string();
    let channel = connect(&url).await?;
    let setup = setup(&channel, rooms).await?;
    let mut watch_channels = Vec::new();
    for _ in 0..WATCH_CONNECTIONS {
        watch_channels.push(connect(&url).await?);
    }
    let mut write_channels = Vec::new();
    for _ in 0..WRITE_CONNECTIONS {
        write_channels.push(connect(&url).await?);
    }
    println!(
        "## chat benchmark: {rooms} rooms, {} watchers, {} accounts",
        rooms * per_room,
        setup.people.len()
    );

    // 1. Latency: paced posts, 10 watchers per room.
    let total = (rate * seconds) as usize;
    let origin = Instant::now();
    let sent: Arc<Vec<AtomicU64>> = Arc::new((0..total).map(|_| AtomicU64::new(0)).collect());
    let delivered = Arc::new(AtomicU64::new(0));
    let (stop, stopped) = watch::channel(false);
    let cpu_before = (cpu_seconds(&server_pid), cpu_seconds("self"));
    let opening = Instant::now();
    let watching = watchers(
        &watch_channels,
        &setup,
        per_room,
        origin,
        sent.clone(),
        delivered.clone(),
        stopped,
    )
    .await?;
    println!(
        "{} watchers live in {:.2?}",
        watching.len(),
        opening.elapsed()
    );
    let posting = Instant::now();
    RETRIES.store(0, Ordering::Relaxed);
    let mut acks = paced_posts(&write_channels, &setup, rate, total, origin, sent).await?;
    let expected = (total * per_room) as u64;
    let deadline = Instant::now() + Duration::from_secs(10);
    while delivered.load(Ordering::Relaxed) < expected && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let wall = posting.elapsed().as_secs_f64();
    let paced_retries = RETRIES.swap(0, Ordering::Relaxed);
    let server_cpu = (cpu_seconds(&server_pid) - cpu_before.0) / wall;
    let bench_cpu = (cpu_seconds("self") - cpu_before.1) / wall;

    // 2a. Throughput with the watchers still attached (each post goes to 10 of them).
    let watched_rate = post_rate(&write_channels, &setup, posters, seconds).await?;
    let watched_retries = RETRIES.swap(0, Ordering::Relaxed);
    stop.send_replace(true);
    let mut watched = Watched::default();
    for task in watching {
        let w = task.await?;
        watched.latencies.extend(w.latencies);
        watched.other += w.other;
        watched.errors.extend(w.errors);
    }
    drop(watch_channels);
    let mut latencies = watched.latencies;
    latencies.sort();
    acks.sort();
    let (p50, p99) = (percentile(&latencies, 0.5), percentile(&latencies, 0.99));
    let (a50, a99) = (percentile(&acks, 0.5), percentile(&acks, 0.99));
    println!(
        "post -> watcher at {rate:.0} posts/s for {seconds} s ({total} posts, {} of {expected} deliveries):",
        latencies.len()
    );
    println!(
        "  delivery p50 {:>8.2} ms  p99 {:>8.2} ms  max {:>8.2} ms   (goal p99 < 5 ms)",
        ms(p50),
        ms(p99),
        ms(latencies.last().copied().unwrap_or_default())
    );
    println!(
        "  post ack p50 {:>8.2} ms  p99 {:>8.2} ms   (baseline: the post's own round trip)",
        ms(a50),
        ms(a99)
    );
    println!(
        "  ratio delivery/ack: p50 {:.2}x  p99 {:.2}x",
        p50.as_secs_f64() / a50.as_secs_f64(),
        p99.as_secs_f64() / a99.as_secs_f64()
    );
    println!("  {paced_retries} posts retried after ABORTED (room changed by others at once)");
    println!(
        "  CPU while posting and delivering: server {server_cpu:.2} cores, this client {bench_cpu:.2} cores (of 2)"
    );
    if !watched.errors.is_empty() {
        println!(
            "  {} watchers ended with an error, e.g. {}",
            watched.errors.len(),
            watched.errors[0]
        );
    }
    println!(
        "  {} load posts delivered to the watchers while attached",
        watched.other
    );

    // 2b. Throughput without watchers, alternating with the PutRecord baseline.
    println!("sustained writes, {posters} in flight, {seconds} s each:");
    println!(
        "  PostMessage with {} watchers attached: {watched_rate:>8.0} posts/s ({watched_retries} retried)",
        rooms * per_room
    );
    let (mut chat_rates, mut put_rates) = (Vec::new(), Vec::new());
    let rounds = rounds.max(1);
    for round in 0..rounds {
        let chat_rate = post_rate(&write_channels, &setup, posters, seconds).await?;
        let retried = RETRIES.swap(0, Ordering::Relaxed);
        let put = put_rate(&write_channels, &setup, posters, seconds, round).await?;
        println!(
            "  round {round}: PostMessage {chat_rate:>8.0} posts/s ({retried} retried)   PutRecord {put:>8.0} puts/s   ratio {:.2}x",
            chat_rate / put
        );
        chat_rates.push(chat_rate);
        put_rates.push(put);
    }
    let chat_mean = chat_rates.iter().sum::<f64>() / rounds as f64;
    let put_mean = put_rates.iter().sum::<f64>() / rounds as f64;
    println!(
        "  mean: PostMessage {chat_mean:.0} posts/s (goal >= 5,800), PutRecord {put_mean:.0} puts/s (baseline), ratio {:.2}x",
        chat_mean / put_mean
    );

    // 3. History pages, in the rooms the posters filled.
    let filled = posters.min(rooms);
    let newest = history(&channel, &setup, filled, pages, true).await?;
    let anywhere = history(&channel, &setup, filled, pages, false).await?;
    println!("ListMessages, 50 messages, one call at a time ({pages} calls each):");
    println!(
        "  newest page       p50 {:>8.2} ms  p99 {:>8.2} ms",
        ms(percentile(&newest, 0.5)),
        ms(percentile(&newest, 0.99))
    );
    println!(
        "  random position   p50 {:>8.2} ms  p99 {:>8.2} ms",
        ms(percentile(&anywhere, 0.5)),
        ms(percentile(&anywhere, 0.99))
    );
    Ok(())
}
