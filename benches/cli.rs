//! CLI start-up benchmark (a `--bench` binary): how long `orbit <service> <method>` takes from
//! process start to its request reaching a server that is already running. Goal: < 50 ms.
//!
//! Measured as whole commands (start, build the commands from the embedded descriptor set,
//! parse, connect, call, print, exit) against, in the same run: spawning `/bin/true` (what any
//! process costs), `orbit --version` (loading the binary), and the same call's round trip
//! from a client that is already connected (what the server adds). Start to first request is
//! the command's time less that round trip.
//!
//! Run: `cargo bench --bench cli` (optionally `-- --runs 100`).

mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{arg, percentile, start};
use orbit_proto::orbit::system::v1 as pb;
use orbit_proto::orbit::system::v1::system_service_client::SystemServiceClient;

fn time_command(runs: usize, make: impl Fn() -> Command) -> Vec<Duration> {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let mut command = make();
            command.stdout(Stdio::null()).stderr(Stdio::null());
            let started = Instant::now();
            let status = command.status().expect("the command starts");
            let took = started.elapsed();
            assert!(status.success(), "{command:?} failed: {status}");
            took
        })
        .collect();
    times.sort();
    times
}

fn report(name: &str, times: &[Duration]) {
    println!(
        "  {name:<44} p50 {:>7.2} ms  p99 {:>7.2} ms",
        ms(percentile(times, 0.5)),
        ms(percentile(times, 0.99))
    );
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

#[tokio::main]
async fn main() {
    let runs = arg("--runs", 50.0) as usize;
    let (_server, url) = start().await;
    let config = tempfile::tempdir().unwrap();
    let orbit = env!("CARGO_BIN_EXE_orbit");
    println!("## CLI start-up: {runs} runs each, server already running");

    let baseline = time_command(runs, || Command::new("/bin/true"));
    let version = time_command(runs, || {
        let mut command = Command::new(orbit);
        command.arg("--version");
        command
    });
    let call = time_command(runs, || {
        let mut command = Command::new(orbit);
        command
            .args(["system", "get-instance-info", "--server", &url])
            .args(["--output", "json"])
            .env("ORBIT_CONFIG_HOME", config.path());
        command
    });

    let mut client = SystemServiceClient::connect(url.clone()).await.unwrap();
    let mut round_trips: Vec<Duration> = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        client
            .get_instance_info(pb::GetInstanceInfoRequest {})
            .await
            .unwrap();
        round_trips.push(started.elapsed());
    }
    round_trips.sort();

    report("/bin/true (process baseline)", &baseline);
    report("orbit --version", &version);
    report("orbit system get-instance-info (whole command)", &call);
    report("GetInstanceInfo round trip, connected client", &round_trips);
    let start_to_request = percentile(&call, 0.5).saturating_sub(percentile(&round_trips, 0.5));
    println!(
        "  start to first request (command p50 less round trip p50): {:.2} ms (goal < 50 ms), {:.1}x the bare process",
        ms(start_to_request),
        ms(start_to_request) / ms(percentile(&baseline, 0.5)).max(0.001)
    );
}
