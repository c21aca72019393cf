//! What the end-to-end benchmarks share: a real `orbit serve` (the release binary Cargo built
//! for the bench run) on a free loopback port in a temporary data directory, a signed-in
//! account with an org and a project, and small measuring helpers.

#![allow(dead_code)] // Each benchmark uses a different part.

use std::net::{IpAddr, Ipv4Addr, TcpListener};
use std::process::{Child, Command, Stdio};
use std::str::FromStr;
use std::time::{Duration, Instant};

use orbit_proto::orbit::system::v1 as pb;
use orbit_proto::orbit::system::v1::account_service_client::AccountServiceClient;
use orbit_proto::orbit::system::v1::membership_service_client::MembershipServiceClient;
use orbit_proto::orbit::system::v1::org_service_client::OrgServiceClient;
use orbit_proto::orbit::system::v1::project_service_client::ProjectServiceClient;
use tonic::metadata::MetadataValue;
use tonic::transport::{Channel, Endpoint};
use tonic_health::pb::HealthCheckRequest;
use tonic_health::pb::health_client::HealthClient;

pub(crate) const PASSWORD: &str = "benchmark-password-7f3a-9c1e";

pub(crate) struct Orbit {
    pub(crate) child: Child,
    /// The data directory, when the server made its own (removed when it is dropped).
    _dir: Option<tempfile::TempDir>,
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
    let (mut orbit, url) = start_at(&dir.path().join("data")).await;
    orbit._dir = Some(dir);
    (orbit, url)
}

/// `orbit serve` on the data directory `data` (kept when the server stops, so it can be
/// started again on it).
pub(crate) async fn start_at(data: &std::path::Path) -> (Orbit, String) {
    start_with(data, &[], &[]).await
}

/// `orbit serve` on `data` with more arguments and environment variables.
pub(crate) async fn start_with(
    data: &std::path::Path,
    args: &[&str],
    envs: &[(&str, &str)],
) -> (Orbit, String) {
    let port = free_port();
    let child = Command::new(env!("CARGO_BIN_EXE_orbit"))
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .envs(envs.iter().copied())
        .env("ORBIT_LOG", "warn")
        .env("ORBIT_DEMO_DATA", "false")
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
    (Orbit { child, _dir: None }, url)
}

/// `field` of the process's /proc status in MiB: `VmRSS:` (with the store's mapped SQLite
/// file, page cache the kernel can drop) or `RssAnon:` (the heap).
pub(crate) fn rss_mib(pid: u32, field: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<u64>().ok())
        })
        .unwrap_or(0)
        / 1024
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

/// A channel to `url` whose connection comes from 127.0.0.`last` (all of 127/8 is loopback on
/// Linux): the server limits sign-ups and paces failed log-ins per client address.
pub(crate) async fn channel_from(url: &str, last: u8) -> Channel {
    Endpoint::from_shared(url.to_owned())
        .unwrap()
        .local_address(Some(IpAddr::V4(Ipv4Addr::new(127, 0, 0, last))))
        .connect_timeout(Duration::from_secs(5))
        .connect()
        .await
        .expect("connect from another loopback address")
}

/// A channel whose HTTP/2 windows are as small as the protocol allows (64 KiB), as a client
/// that reads slowly would leave them.
pub(crate) async fn narrow_channel(url: &str) -> Channel {
    Endpoint::from_shared(url.to_owned())
        .unwrap()
        .initial_stream_window_size(65_535)
        .initial_connection_window_size(65_535)
        .http2_adaptive_window(false)
        .connect()
        .await
        .expect("connect to orbit")
}

/// Signs up `email` and makes it a project user of `project` the way people join: `admin`
/// adds the address, the new account accepts the invitation. Returns (access token, account
/// id). Sign-up allows 5 accounts per client address after the instance's first.
pub(crate) async fn member(
    channel: &Channel,
    admin: &str,
    project: &str,
    email: &str,
) -> (String, String) {
    let token = AccountServiceClient::new(channel.clone())
        .sign_up(pb::SignUpRequest {
            email: email.into(),
            password: PASSWORD.into(),
            display_name: email.into(),
        })
        .await
        .unwrap_or_else(|e| panic!("sign up {email}: {e}"))
        .into_inner()
        .tokens
        .unwrap()
        .access_token;
    let id = AccountServiceClient::new(channel.clone())
        .get_profile(bearer(pb::GetProfileRequest {}, &token))
        .await
        .expect("profile")
        .into_inner()
        .account
        .unwrap()
        .id;
    let memberships = MembershipServiceClient::new(channel.clone());
    let added = memberships
        .clone()
        .set_project_member(bearer(
            pb::SetProjectMemberRequest {
                project_id: project.into(),
                email: email.into(),
                role: pb::Role::ProjectUser as i32,
            },
            admin,
        ))
        .await
        .unwrap_or_else(|e| panic!("add {email}: {e}"))
        .into_inner();
    if let Some(invitation) = added.invitation {
        memberships
            .clone()
            .accept_invitation(bearer(
                pb::AcceptInvitationRequest {
                    invitation_id: invitation.id,
                },
                &token,
            ))
            .await
            .unwrap_or_else(|e| panic!("{email} accepts: {e}"));
    }
    (token, id)
}

/// Logs `email` in (with [`PASSWORD`]); its access token.
pub(crate) async fn log_in(channel: &Channel, email: &str) -> String {
    AccountServiceClient::new(channel.clone())
        .log_in(pb::LogInRequest {
            email: email.into(),
            password: PASSWORD.into(),
        })
        .await
        .unwrap_or_else(|e| panic!("log in {email}: {e}"))
        .into_inner()
        .tokens
        .unwrap()
        .access_token
}
