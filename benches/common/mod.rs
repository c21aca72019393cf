//! What the end-to-end benchmarks share: a real `orbit serve` (the release binary Cargo built
//! for the bench run) on a free loopback port in a temporary data directory, a signed-in
//! account with an org and a project, and small measuring helpers.

#![allow(dead_code)] // Each benchmark uses a different part.

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::str::FromStr;
use std::time::{Duration, Instant};

use orbit_proto::orbit::system::v1 as pb;
use orbit_proto::orbit::system::v1::account_service_client::AccountServiceClient;
use orbit_proto::orbit::system::v1::org_service_client::OrgServiceClient;
use orbit_proto::orbit::system::v1::project_service_client::ProjectServiceClient;
use tonic::metadata::MetadataValue;
use tonic::transport::Channel;
use tonic_health::pb::HealthCheckRequest;
use tonic_health::pb::health_client::HealthClient;

pub(crate) const PASSWORD: &str = "benchmark-password-7f3a-9c1e";

pub(crate) struct Orbit {
    pub(crate) child: Child,
    _dir: tempfile::TempDir,
}

impl Drop for Orbit {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub(crate) fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub(crate) async fn start() -> (Orbit, String) {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let child = Command::new(env!("CARGO_BIN_EXE_orbit"))
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .arg("--data-dir")
        .arg(dir.path().join("data"))
        .env("ORBIT_LOG", "warn")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start orbit serve");
    let url = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Ok(channel) = Channel::from_shared(url.clone()).unwrap().connect().await {
            let ok = HealthClient::new(channel)
                .check(HealthCheckRequest {
                    service: String::new(),
                })
                .await
                .is_ok();
            if ok {
                break;
            }
        }
        assert!(
            Instant::now() < deadline,
            "orbit serve did not become healthy"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    (Orbit { child, _dir: dir }, url)
}

pub(crate) fn bearer<T>(message: T, token: &str) -> tonic::Request<T> {
    let mut request = tonic::Request::new(message);
    request.metadata_mut().insert(
        "authorization",
        MetadataValue::from_str(&format!("Bearer {token}")).unwrap(),
    );
    request
}

pub(crate) fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

/// The value after `name` on the command line, or `default`.
pub(crate) fn arg(name: &str, default: f64) -> f64 {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Signs up the instance's first account (its sys-admin), creates an org and a project;
/// returns (access token, org id, project id).
pub(crate) async fn tenant(channel: &Channel) -> (String, String, String) {
    let token = AccountServiceClient::new(channel.clone())
        .sign_up(pb::SignUpRequest {
            email: "bench@example.org".into(),
            password: PASSWORD.into(),
            display_name: "Bench".into(),
        })
        .await
        .expect("sign up")
        .into_inner()
        .tokens
        .unwrap()
        .access_token;
    let org = OrgServiceClient::new(channel.clone())
        .create_org(bearer(
            pb::CreateOrgRequest {
                name: "Bench org".into(),
            },
            &token,
        ))
        .await
        .expect("create org")
        .into_inner()
        .org
        .unwrap();
    let project = ProjectServiceClient::new(channel.clone())
        .create_project(bearer(
            pb::CreateProjectRequest {
                org_id: org.id.clone(),
                name: "Bench project".into(),
            },
            &token,
        ))
        .await
        .expect("create project")
        .into_inner()
        .project
        .unwrap();
    (token, org.id, project.id)
}
