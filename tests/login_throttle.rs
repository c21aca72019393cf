//! Log-in throttling and sign-up limits through the real server, with real client addresses:
//! the server listens on 127.0.0.1 and each client connects from its own loopback address
//! (127.0.0.2, 127.0.0.3, …, all of 127/8 is loopback on Linux), so the server tells clients
//! apart by the address of their connection, as it does in production (it trusts no header).
//!
//! Covers: guessing at an account from one address never refuses its owner at another, nor
//! other accounts at the guessing address; sign-up per address and the `signup` setting
//! (open, closed, and invitation-only letting in an invited address),
//! which `GetInstanceInfo` reports; and the server's memory after many log-ins.

use std::net::{IpAddr, Ipv4Addr};
use std::time::{Duration, Instant};

use orbit_proto::orbit::system::v1 as pb;
use orbit_proto::orbit::system::v1::account_service_client::AccountServiceClient;
use orbit_proto::orbit::system::v1::membership_service_client::MembershipServiceClient;
use orbit_proto::orbit::system::v1::system_service_client::SystemServiceClient;
use tonic::Code;
use tonic::transport::{Channel, Endpoint};

use crate::common::{Server, TestDir};

const PASSWORD: &str = "e2e-correct-horse-42";
const WRONG: &str = "e2e-wrong-guess-000";

/// A channel to `server` whose connection comes from 127.0.0.`last`.
async fn from(server: &Server, last: u8) -> AccountServiceClient<Channel> {
    let channel = Endpoint::from_shared(server.url())
        .expect("url")
        .local_address(Some(IpAddr::V4(Ipv4Addr::new(127, 0, 0, last))))
        .connect_timeout(Duration::from_secs(5))
        .timeout(Duration::from_secs(30))
        .connect()
        .await
        .expect("connect from another loopback address");
    AccountServiceClient::new(channel)
}

async fn sign_up(
    client: &mut AccountServiceClient<Channel>,
    email: &str,
) -> Result<pb::SignUpResponse, tonic::Status> {
    client
        .sign_up(pb::SignUpRequest {
            email: email.into(),
            password: PASSWORD.into(),
            display_name: "Test Person".into(),
        })
        .await
        .map(tonic::Response::into_inner)
}

async fn log_in(
    client: &mut AccountServiceClient<Channel>,
    email: &str,
    password: &str,
) -> Result<pb::LogInResponse, tonic::Status> {
    client
        .log_in(pb::LogInRequest {
            email: email.into(),
            password: password.into(),
        })
        .await
        .map(tonic::Response::into_inner)
}

async fn sign_up_mode(server: &Server) -> pb::SignUpMode {
    SystemServiceClient::new(server.channel().await)
        .get_instance_info(pb::GetInstanceInfoRequest {})
        .await
        .expect("instance info")
        .into_inner()
        .info
        .expect("info")
        .sign_up()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn guessing_from_one_address_locks_out_neither_the_owner_nor_its_neighbours() {
    let dir = TestDir::new();
    let server = Server::start(dir.serve()).await;
    let mut home = from(&server, 1).await;
    for email in [
        "admin@example.com",
        "victim@example.com",
        "other@example.com",
    ] {
        sign_up(&mut home, email).await.expect("sign up");
    }

    // The attacker at 127.0.0.2: wrong passwords until seven were checked (the pair then
    // waits 8 s, room enough for the burst and the checks below on a loaded machine),
    // retrying whenever it is told to wait.
    let mut attacker = from(&server, 2).await;
    let (mut failures, mut refused) = (0, 0);
    while failures < 7 {
        match log_in(&mut attacker, "victim@example.com", WRONG).await {
            Err(status) if status.code() == Code::Unauthenticated => failures += 1,
            Err(status) if status.code() == Code::ResourceExhausted => {
                refused += 1;
                tokio::time::sleep(Duration::from_millis(250)).await;
            }
            other => panic!("a wrong password got {other:?}"),
        }
    }
    assert!(refused > 0, "the pair backs off after a few failures");
    // Then 50 at once: refused without a password check.
    let started = Instant::now();
    let burst: Vec<_> = (0..50)
        .map(|_| {
            let mut attacker = attacker.clone();
            tokio::spawn(async move { log_in(&mut attacker, "victim@example.com", WRONG).await })
        })
        .collect();
    for task in burst {
        let code = task.await.unwrap().expect_err("wrong password").code();
        assert_eq!(
            code,
            Code::ResourceExhausted,
            "a backed-off pair is refused at once"
        );
    }
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "refusals cost no Argon2 run: {:?}",
        started.elapsed()
    );
    // Even the right password is refused to the guessing address …
    let status = log_in(&mut attacker, "victim@example.com", PASSWORD)
        .await
        .expect_err("the guessing address waits");
    assert_eq!(status.code(), Code::ResourceExhausted, "{status:?}");
    assert!(status.message().contains("try again in"), "{status:?}");

    // … but the owner at another address gets in at once,
    let mut owner = from(&server, 3).await;
    let started = Instant::now();
    log_in(&mut owner, "victim@example.com", PASSWORD)
        .await
        .expect("the owner logs in from a new address");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "the owner is not slowed: {:?}",
        started.elapsed()
    );
    // and another account behind the attacker's address too.
    log_in(&mut attacker, "other@example.com", PASSWORD)
        .await
        .expect("another account logs in from the guessing address");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_spraying_address_is_paced_not_locked() {
    let dir = TestDir::new();
    let server = Server::start(dir.serve()).await;
    let mut home = from(&server, 1).await;
    sign_up(&mut home, "admin@example.com")
        .await
        .expect("first");
    sign_up(&mut home, "late@example.com")
        .await
        .expect("second");
    // One wrong password each for 12 unknown accounts from one address: spraying.
    let mut sprayer = from(&server, 4).await;
    for i in 0..12 {
        let status = log_in(&mut sprayer, &format!("user{i}@example.com"), WRONG)
            .await
            .expect_err("wrong");
        assert_eq!(status.code(), Code::Unauthenticated, "{status:?}");
    }
    // A correct password of an account that address has not failed on still gets in.
    log_in(&mut sprayer, "late@example.com", PASSWORD)
        .await
        .expect("paced, not refused");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_up_is_limited_per_address_and_closable() {
    let dir = TestDir::new();
    let server = Server::start(dir.serve()).await;
    assert_eq!(sign_up_mode(&server).await, pb::SignUpMode::Open);
    let mut one = from(&server, 5).await;
    // The first account does not count; then five per address.
    sign_up(&mut one, "admin@example.com").await.expect("first");
    for i in 0..5 {
        sign_up(&mut one, &format!("u{i}@example.com"))
            .await
            .expect("within the limit");
    }
    let status = sign_up(&mut one, "u5@example.com")
        .await
        .expect_err("over the limit");
    assert_eq!(status.code(), Code::ResourceExhausted, "{status:?}");
    assert!(
        status.message().contains("sign-ups from this address"),
        "{status:?}"
    );
    sign_up(&mut from(&server, 6).await, "u5@example.com")
        .await
        .expect("another address");
    drop(server);

    let dir = TestDir::new();
    let mut command = dir.serve();
    command.env("ORBIT_SIGNUP", "closed");
    let server = Server::start(command).await;
    assert_eq!(sign_up_mode(&server).await, pb::SignUpMode::Closed);
    let mut client = from(&server, 1).await;
    let admin = sign_up(&mut client, "admin@example.com")
        .await
        .expect("the first account may always sign up");
    assert!(admin.account.expect("account").sys_admin);
    let status = sign_up(&mut client, "someone@example.com")
        .await
        .expect_err("closed");
    assert_eq!(status.code(), Code::FailedPrecondition, "{status:?}");
    assert_eq!(
        status.message(),
        "sign-up is closed on this instance; ask an administrator"
    );
    drop(server);

    let dir = TestDir::new();
    let mut command = dir.serve();
    command.args(["--signup", "invite"]);
    let server = Server::start(command).await;
    assert_eq!(sign_up_mode(&server).await, pb::SignUpMode::Invite);
    let mut client = from(&server, 1).await;
    let admin = sign_up(&mut client, "admin@example.com")
        .await
        .expect("the first account may always sign up")
        .tokens
        .expect("tokens")
        .access_token;
    let status = sign_up(&mut client, "guest@example.com")
        .await
        .expect_err("not invited yet");
    assert_eq!(status.code(), Code::FailedPrecondition, "{status:?}");
    assert!(status.message().contains("invitation"), "{status:?}");
    let channel = server.channel().await;
    let org = crate::common::tenant::create_org(&channel, &admin, "Acme").await;
    MembershipServiceClient::new(channel)
        .add_org_admin(crate::common::tenant::bearer(
            pb::AddOrgAdminRequest {
                org_id: org,
                email: "guest@example.com".into(),
            },
            &admin,
        ))
        .await
        .expect("invite guest");
    sign_up(&mut client, "guest@example.com")
        .await
        .expect("an invited address may sign up");
    drop(server);

    let dir = TestDir::new();
    let output = crate::common::run({
        let mut command = dir.serve();
        command.args(["--signup", "sometimes"]);
        command
    });
    crate::common::assert_refused(
        &output,
        &["invalid signup (from --signup)", "open, invite or closed"],
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn log_ins_leave_memory_where_it_was() {
    let dir = TestDir::new();
    let server = Server::start(dir.serve()).await;
    let mut client = from(&server, 1).await;
    sign_up(&mut client, "admin@example.com")
        .await
        .expect("sign up");
    log_in(&mut client, "admin@example.com", PASSWORD)
        .await
        .expect("log in");
    let (rss, anon) = (server.rss(), server.anonymous_rss());
    for _ in 0..50 {
        log_in(&mut client, "admin@example.com", PASSWORD)
            .await
            .expect("log in");
    }
    let (rss_after, anon_after) = (server.rss(), server.anonymous_rss());
    let mib = |bytes: u64| bytes as f64 / (1024.0 * 1024.0);
    eprintln!(
        "RSS after 1 log-in {:.1} MiB, after 51 {:.1} MiB (anonymous {:.1} → {:.1} MiB)",
        mib(rss),
        mib(rss_after),
        mib(anon),
        mib(anon_after)
    );
    assert!(
        rss_after < rss + 40 * 1024 * 1024,
        "50 log-ins grew RSS from {:.1} MiB to {:.1} MiB",
        mib(rss),
        mib(rss_after)
    );
}
