//! Federation end to end, with real processes: two `orbit serve`, each on its own
//! nats-server like two organisations (JetStream domains `a` and `b`, B's server joined to
//! A's as a leaf node). A shares a
//! project; B accepts the invitation into its org: the project's state is copied, and A's
//! records and chat messages reach B's live watchers; B cannot write to A's project; forged,
//! unsigned and foreign events are dead-lettered; a suspended link stops the flow and
//! catches up on resume; an instance that was down, and a NATS server that was killed,
//! catch up with every event applied once and in order.

use std::process::Command;
use std::time::{Duration, Instant};

use futures::StreamExt;
use orbit_proto::orbit::cdc::v1 as cdc;
use orbit_proto::orbit::cdc::v1::feed_service_client::FeedServiceClient;
use orbit_proto::orbit::federation::v1 as fed;
use orbit_proto::orbit::federation::v1::federation_service_client::FederationServiceClient;
use orbit_proto::orbit::system::v1 as pb;
use orbit_proto::orbit::system::v1::project_service_client::ProjectServiceClient;
use orbit_proto::orbit::system::v1::record_service_client::RecordServiceClient;
use prost::Message;
use tonic::Code;
use tonic::transport::Channel;

use crate::common::tenant::{bearer, create_org, create_project, put_record, sign_up};
use crate::common::{Server, TestDir};

/// How long anything crossing may take before the test fails.
const CROSSING: Duration = Duration::from_secs(20);

#[path = "support/nats_pair.rs"]
mod nats_pair;

use nats_pair::{Nats, nats_pair};

/// One organisation's Orbit: its server, admin token, org.
struct Instance {
    dir: TestDir,
    server: Server,
    channel: Channel,
    admin: String,
    org: String,
    nats: String,
    domain: &'static str,
}

fn serve(dir: &TestDir, nats: &str, domain: &str) -> Command {
    let mut command = dir.serve();
    command
        .args(["--nats", nats])
        .env("ORBIT_FEDERATION_DOMAIN", domain);
    command
}

async fn instance(nats: &Nats, domain: &'static str, org_name: &str) -> Instance {
    let dir = TestDir::new();
    let server = Server::start(serve(&dir, &nats.url(), domain)).await;
    let channel = server.channel().await;
    let admin = sign_up(&channel, &format!("admin@{domain}.example.org")).await;
    let org = create_org(&channel, &admin, org_name).await;
    Instance {
        dir,
        server,
        channel,
        admin,
        org,
        nats: nats.url(),
        domain,
    }
}

impl Instance {
    fn federation(&self) -> FederationServiceClient<Channel> {
        FederationServiceClient::new(self.channel.clone())
    }

    async fn whoami(&self) -> fed::InstanceIdentity {
        self.federation()
            .whoami(bearer(fed::WhoamiRequest {}, &self.admin))
            .await
            .unwrap()
            .into_inner()
            .identity
            .unwrap()
    }

    async fn peers(&self) -> Vec<fed::Link> {
        self.federation()
            .peers(bearer(
                fed::PeersRequest {
                    org_id: self.org.clone(),
                },
                &self.admin,
            ))
            .await
            .unwrap()
            .into_inner()
            .links
    }

    async fn invite(&self, project: &str, for_did: &str) -> String {
        self.federation()
            .create_invitation(bearer(
                fed::CreateInvitationRequest {
                    org_id: self.org.clone(),
                    project_id: project.into(),
                    for_did: for_did.into(),
                    ..Default::default()
                },
                &self.admin,
            ))
            .await
            .expect("create invitation")
            .into_inner()
            .token
    }

    async fn accept(&self, token: &str) -> Result<fed::Link, tonic::Status> {
        self.federation()
            .accept_invitation(bearer(
                fed::AcceptInvitationRequest {
                    org_id: self.org.clone(),
                    token: token.into(),
                },
                &self.admin,
            ))
            .await
            .map(|r| r.into_inner().link.unwrap())
    }

    async fn record_ids(&self, project: &str, entity: &str) -> Vec<String> {
        let mut ids = Vec::new();
        let mut page_token = String::new();
        loop {
            let page = RecordServiceClient::new(self.channel.clone())
                .list_records(bearer(
                    pb::ListRecordsRequest {
                        project_id: project.into(),
                        entity: entity.into(),
                        page_size: 1000,
                        page_token: page_token.clone(),
                    },
                    &self.admin,
                ))
                .await
                .unwrap()
                .into_inner();
            ids.extend(page.records.into_iter().map(|r| r.id));
            if page.next_page_token.is_empty() {
                return ids;
            }
            page_token = page.next_page_token;
        }
    }

    async fn dead_letters(&self) -> Vec<fed::DeadLetter> {
        self.federation()
            .list_dead_letters(bearer(
                fed::ListDeadLettersRequest {
                    org_id: self.org.clone(),
                    limit: 100,
                },
                &self.admin,
            ))
            .await
            .unwrap()
            .into_inner()
            .dead_letters
    }

    async fn set_state(&self, link: &str, state: fed::LinkState) -> fed::Link {
        let mut client = self.federation();
        let (org_id, link_id) = (self.org.clone(), link.to_owned());
        let link = match state {
            fed::LinkState::Suspended => client
                .suspend_link(bearer(
                    fed::SuspendLinkRequest { org_id, link_id },
                    &self.admin,
                ))
                .await
                .map(|r| r.into_inner().link),
            fed::LinkState::Active => client
                .resume_link(bearer(
                    fed::ResumeLinkRequest { org_id, link_id },
                    &self.admin,
                ))
                .await
                .map(|r| r.into_inner().link),
            _ => client
                .remove_link(bearer(
                    fed::RemoveLinkRequest { org_id, link_id },
                    &self.admin,
                ))
                .await
                .map(|r| r.into_inner().link),
        };
        link.expect("change the link's state").unwrap()
    }
}

/// Waits until `check` holds, or fails naming `what`.
async fn eventually<F, Fut>(what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = Instant::now() + CROSSING;
    while !check().await {
        assert!(Instant::now() < deadline, "{what} within {CROSSING:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Waits until `on` lists record `id` of entity `task` in `project`.
async fn arrives(what: &str, on: &Instance, project: &str, id: &str) {
    eventually(what, || async {
        on.record_ids(project, "task")
            .await
            .contains(&id.to_owned())
    })
    .await;
}

fn task(n: u64) -> serde_json::Value {
    serde_json::json!({ "title": format!("task {n}"), "n": n })
}

#[tokio::test(flavor = "multi_thread")]
async fn a_shared_project_crosses_live_and_what_is_not_signed_by_the_owner_is_refused() {
    let nats_dir = tempfile::tempdir().unwrap();
    let (nats_a, nats_b) = nats_pair(nats_dir.path());
    let a = instance(&nats_a, "a", "Org A").await;
    let b = instance(&nats_b, "b", "Org B").await;
    let (a_id, b_id) = (a.whoami().await, b.whoami().await);
    assert!(
        a_id.did.starts_with("did:key:z6Mk") && a_id.did != b_id.did,
        "{a_id:?} {b_id:?}"
    );
    assert_eq!(a_id.jetstream_domain, "a");

    // The organisation's other applications (another NATS account) see nothing of Orbit's.
    let app = async_nats::ConnectOptions::with_user_and_password("app".into(), "app-secret".into())
        .connect(nats_a.app_url())
        .await
        .unwrap();
    let mut snoop = app.subscribe(">").await.unwrap();
    app.flush().await.unwrap();
    let project = create_project(&a.channel, &a.admin, &a.org, "Shared").await;
    put_record(
        &a.channel,
        &a.admin,
        &project,
        "task",
        "before",
        task(0),
        false,
    )
    .await
    .unwrap();

    // An invitation for another instance, and a tampered one, are refused precisely.
    let not_for_b = a.invite(&project, &a_id.did).await;
    let refused = b.accept(&not_for_b).await.unwrap_err();
    assert_eq!(refused.code(), Code::FailedPrecondition, "{refused:?}");
    assert!(refused.message().contains("meant for"), "{refused:?}");
    let token = a.invite(&project, "").await;
    let mut tampered = token.clone();
    tampered.insert(
        40,
        if tampered.as_bytes()[40] == b'A' {
            'B'
        } else {
            'A'
        },
    );
    let refused = b.accept(&tampered).await.unwrap_err();
    assert_eq!(refused.code(), Code::InvalidArgument, "{refused:?}");
    assert!(refused.message().contains("malformed"), "{refused:?}");

    let link = b.accept(&token).await.expect("accept");
    assert_eq!(
        (link.peer_did.as_str(), link.state),
        (a_id.did.as_str(), fed::LinkState::Active as i32)
    );
    let again = b.accept(&token).await.unwrap_err();
    assert!(again.message().contains("already used"), "{again:?}");

    // B's org now holds the project, owned by A; its state was copied.
    let followed = ProjectServiceClient::new(b.channel.clone())
        .get_project(bearer(
            pb::GetProjectRequest {
                project_id: project.clone(),
            },
            &b.admin,
        ))
        .await
        .unwrap()
        .into_inner()
        .project
        .unwrap();
    assert_eq!(
        (followed.org_id.as_str(), followed.owner_did.as_str()),
        (b.org.as_str(), a_id.did.as_str())
    );
    eventually("the snapshot reaches B", || async {
        b.record_ids(&project, "task").await == ["before"]
    })
    .await;

    // A live watcher on B sees A's next write.
    let mut feed = FeedServiceClient::new(b.channel.clone())
        .subscribe(bearer(
            cdc::SubscribeRequest {
                module: "records".into(),
                project_id: project.clone(),
                start: Some(cdc::subscribe_request::Start::FromNow(true)),
                ..Default::default()
            },
            &b.admin,
        ))
        .await
        .unwrap()
        .into_inner();
    put_record(
        &a.channel,
        &a.admin,
        &project,
        "task",
        "live",
        task(1),
        false,
    )
    .await
    .unwrap();
    let deadline = Instant::now() + CROSSING;
    loop {
        let message = tokio::time::timeout(deadline - Instant::now(), feed.next())
            .await
            .expect("A's write reaches B's watcher")
            .unwrap()
            .unwrap();
        if let Some(cdc::feed_message::Kind::Event(event)) = message.kind {
            assert_eq!((event.entity.as_str(), event.id.as_str()), ("task", "live"));
            assert!(
                event.raw_value.is_empty(),
                "FeedService never sends the stored bytes"
            );
            break;
        }
    }
    // A change made on B goes to A (the owner), runs there as B's person, and comes back.
    let written = put_record(
        &b.channel,
        &b.admin,
        &project,
        "task",
        "from-b",
        task(2),
        false,
    )
    .await
    .expect("B's change, run by A");
    assert_eq!(written.id, "from-b");
    assert!(
        a.record_ids(&project, "task")
            .await
            .contains(&"from-b".to_owned())
    );
    arrives("B's change comes back to B", &b, &project, "from-b").await;
    // What belongs to B's copy (who of B's people may see it) is B's own to change.
    orbit_proto::orbit::system::v1::membership_service_client::MembershipServiceClient::new(
        b.channel.clone(),
    )
    .set_project_member(bearer(
        pb::SetProjectMemberRequest {
            project_id: project.clone(),
            email: "colleague@b.example.org".into(),
            role: pb::Role::ProjectUser as i32,
        },
        &b.admin,
    ))
    .await
    .expect("B's admin adds one of B's people to the followed project");
    // A's refusal reaches B's caller precisely.
    let bad = RecordServiceClient::new(b.channel.clone())
        .put_record(bearer(
            pb::PutRecordRequest {
                project_id: project.clone(),
                entity: "no such entity!".into(),
                id: "x".into(),
                data: None,
                expect_version: None,
            },
            &b.admin,
        ))
        .await
        .unwrap_err();
    assert_eq!(bad.code(), Code::InvalidArgument, "{bad:?}");
    assert!(bad.message().contains("refused by the owner"), "{bad:?}");

    // Both sides list the link.
    let a_links = a.peers().await;
    let shared = a_links
        .iter()
        .find(|l| l.id == link.id)
        .expect("A lists the link");
    assert_eq!(
        (shared.state, shared.peer_did.as_str()),
        (fed::LinkState::Active as i32, b_id.did.as_str())
    );
    eventually("B counts what it applied", || async {
        b.peers()
            .await
            .iter()
            .any(|l| l.id == link.id && l.events_in >= 1)
    })
    .await;

    // The other way: B shares a project of its own, and A follows it.
    let theirs = create_project(&b.channel, &b.admin, &b.org, "B's").await;
    put_record(
        &b.channel,
        &b.admin,
        &theirs,
        "task",
        "from-b",
        task(9),
        false,
    )
    .await
    .unwrap();
    let back = a
        .accept(&b.invite(&theirs, "").await)
        .await
        .expect("A accepts B's invitation");
    assert_eq!(back.peer_did, b_id.did);
    put_record(
        &b.channel,
        &b.admin,
        &theirs,
        "task",
        "live-b",
        task(10),
        false,
    )
    .await
    .unwrap();
    eventually("B's records reach A", || async {
        a.record_ids(&theirs, "task").await == ["from-b", "live-b"]
    })
    .await;
    // A malformed DID is named.
    let refused = a
        .federation()
        .create_invitation(bearer(
            fed::CreateInvitationRequest {
                org_id: a.org.clone(),
                project_id: project.clone(),
                for_did: "did:key:nonsense".into(),
                ..Default::default()
            },
            &a.admin,
        ))
        .await
        .unwrap_err();
    assert_eq!(refused.code(), Code::InvalidArgument, "{refused:?}");
    assert!(refused.message().contains("malformed DID"), "{refused:?}");
    #[cfg(feature = "chat")]
    chat_crosses(&a, &b, &project).await;
    #[cfg(feature = "survey")]
    survey_crosses(&a, &b, &project).await;

    // Concurrent edits of one record from both sides: the owner orders them, and both
    // copies end with the same value.
    let (from_a, from_b) = tokio::join!(
        put_record(
            &a.channel,
            &a.admin,
            &project,
            "task",
            "contested",
            task(100),
            false
        ),
        put_record(
            &b.channel,
            &b.admin,
            &project,
            "task",
            "contested",
            task(200),
            false
        ),
    );
    from_a.unwrap();
    from_b.unwrap();
    let value_on = |i: &Instance| {
        let (channel, token, project) = (i.channel.clone(), i.admin.clone(), project.clone());
        async move {
            RecordServiceClient::new(channel)
                .get_record(bearer(
                    pb::GetRecordRequest {
                        project_id: project,
                        entity: "task".into(),
                        id: "contested".into(),
                    },
                    &token,
                ))
                .await
                .ok()
                .and_then(|r| r.into_inner().record)
                .map(|r| (r.data, r.version))
        }
    };
    let on_a = value_on(&a).await.unwrap();
    eventually("both copies converge on the owner's value", || async {
        value_on(&b).await.is_some_and(|(data, _)| data == on_a.0)
    })
    .await;

    // A rotates its key: B learns the new DID, signed by the old one, and A's events go on.
    let rotated = a
        .federation()
        .rotate_key(bearer(fed::RotateKeyRequest {}, &a.admin))
        .await
        .unwrap()
        .into_inner();
    let new_did = rotated.identity.unwrap().did;
    assert!(
        rotated.untold_peers.is_empty(),
        "{:?}",
        rotated.untold_peers
    );
    assert_ne!(new_did, a_id.did);
    assert!(
        b.peers()
            .await
            .iter()
            .any(|l| l.id == link.id && l.peer_did == new_did)
    );
    put_record(
        &a.channel,
        &a.admin,
        &project,
        "task",
        "rotated",
        task(6),
        false,
    )
    .await
    .unwrap();
    arrives(
        "A's events, signed with the new key, reach B",
        &b,
        &project,
        "rotated",
    )
    .await;

    // Suspended: nothing flows; resumed: what happened meanwhile arrives.
    let suspended = b.set_state(&link.id, fed::LinkState::Suspended).await;
    assert_eq!(suspended.state, fed::LinkState::Suspended as i32);
    eventually("A learns the link is suspended", || async {
        a.peers()
            .await
            .iter()
            .any(|l| l.id == link.id && l.state == fed::LinkState::Suspended as i32)
    })
    .await;
    put_record(
        &a.channel,
        &a.admin,
        &project,
        "task",
        "meanwhile",
        task(3),
        false,
    )
    .await
    .unwrap();
    let waiting = put_record(
        &b.channel,
        &b.admin,
        &project,
        "task",
        "blocked",
        task(4),
        false,
    )
    .await
    .unwrap_err();
    assert_eq!(waiting.code(), Code::FailedPrecondition, "{waiting:?}");
    assert!(waiting.message().contains("suspended"), "{waiting:?}");
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert!(
        !b.record_ids(&project, "task")
            .await
            .contains(&"meanwhile".to_owned())
    );
    b.set_state(&link.id, fed::LinkState::Active).await;
    arrives("the link catches up on resume", &b, &project, "meanwhile").await;

    let snooped = tokio::time::timeout(Duration::from_millis(200), snoop.next()).await;
    assert!(snooped.is_err(), "another account saw {snooped:?}");
    // Events A did not sign go to B's dead-letter list, and nothing of them is applied.
    let client =
        async_nats::ConnectOptions::with_user_and_password("orbit".into(), "orbit-secret".into())
            .connect(a.nats.as_str())
            .await
            .unwrap();
    let js = async_nats::jetstream::new(client);
    let subject = format!(
        "orbit.{}.{}.{}.records.task",
        a_id.instance_id, a.org, project
    );
    let forged_event = cdc::FeedEvent {
        project_id: project.clone(),
        module: "records".into(),
        entity: "task".into(),
        id: "forged".into(),
        seq: 1_000_000,
        keyspace: "task".into(),
        raw_key: format!("{project}/task/forged").into_bytes(),
        raw_value: b"{}".to_vec(),
        ..Default::default()
    }
    .encode_to_vec();
    let stranger = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";
    for (n, origin, signature) in [
        (1, Some(a_id.did.as_str()), "c2lnbmF0dXJl"),
        (2, Some(stranger), "c2lnbmF0dXJl"),
        (3, None, ""),
    ] {
        let mut headers = async_nats::HeaderMap::new();
        headers.insert("Nats-Msg-Id", format!("forged-{n}").as_str());
        if let Some(origin) = origin {
            headers.insert("Orbit-Origin", origin);
            headers.insert("Orbit-Signature", signature);
        }
        js.publish_with_headers(subject.clone(), headers, forged_event.clone().into())
            .await
            .unwrap()
            .await
            .unwrap();
    }
    eventually("three refused events are dead-lettered", || async {
        b.dead_letters().await.len() >= 3
    })
    .await;
    let reasons: Vec<String> = b
        .dead_letters()
        .await
        .into_iter()
        .map(|l| l.reason)
        .collect();
    for needle in ["forged", "unknown DID", "unsigned"] {
        assert!(
            reasons.iter().any(|r| r.contains(needle)),
            "{needle} missing from {reasons:?}"
        );
    }
    assert!(
        !b.record_ids(&project, "task")
            .await
            .contains(&"forged".to_owned())
    );
    // A's relay, which found strangers' messages in its stream, goes on.
    put_record(
        &a.channel,
        &a.admin,
        &project,
        "task",
        "after-forged",
        task(5),
        false,
    )
    .await
    .unwrap();
    arrives(
        "A's next write still reaches B",
        &b,
        &project,
        "after-forged",
    )
    .await;

    // Removed by A: B learns it (at once, or from its next heartbeat).
    a.set_state(&link.id, fed::LinkState::Removed).await;
    eventually("B learns the link is removed", || async {
        b.peers()
            .await
            .iter()
            .any(|l| l.id == link.id && l.state == fed::LinkState::Removed as i32)
    })
    .await;
    drop((nats_a, nats_b));
}

/// A room and a message of A are on B, and A's next message reaches B's live room watcher.
#[cfg(feature = "chat")]
async fn chat_crosses(a: &Instance, b: &Instance, project: &str) {
    use orbit_proto::orbit::chat::v1 as chat;
    use orbit_proto::orbit::chat::v1::chat_service_client::ChatServiceClient;
    let room = ChatServiceClient::new(a.channel.clone())
        .create_room(bearer(
            chat::CreateRoomRequest {
                project_id: project.into(),
                name: "general".into(),
                kind: chat::RoomKind::Public as i32,
                ..Default::default()
            },
            &a.admin,
        ))
        .await
        .unwrap()
        .into_inner()
        .room
        .unwrap();
    let post = |text: &'static str| {
        let (mut client, room, project) = (
            ChatServiceClient::new(a.channel.clone()),
            room.id.clone(),
            project.to_owned(),
        );
        let token = a.admin.clone();
        async move {
            client
                .post_message(bearer(
                    chat::PostMessageRequest {
                        project_id: project,
                        room_id: room,
                        text: text.into(),
                        ..Default::default()
                    },
                    &token,
                ))
                .await
                .unwrap();
        }
    };
    post("first").await;
    eventually("A's room reaches B", || async {
        ChatServiceClient::new(b.channel.clone())
            .list_rooms(bearer(
                chat::ListRoomsRequest {
                    project_id: project.into(),
                    include_archived: false,
                },
                &b.admin,
            ))
            .await
            .is_ok_and(|r| {
                r.into_inner().rooms.iter().any(|s| {
                    s.room.as_ref().is_some_and(|r| r.name == "general") && s.last_seq >= 1
                })
            })
    })
    .await;
    let mut watch = ChatServiceClient::new(b.channel.clone())
        .watch_room(bearer(
            chat::WatchRoomRequest {
                project_id: project.into(),
                room_id: room.id.clone(),
                start: Some(chat::watch_room_request::Start::FromNow(true)),
                heartbeat_seconds: 1,
            },
            &b.admin,
        ))
        .await
        .unwrap()
        .into_inner();
    post("second").await;
    // B's person posts in A's room: it runs on A, as <id>@<B's DID>, and comes back live.
    let from_b = ChatServiceClient::new(b.channel.clone())
        .post_message(bearer(
            chat::PostMessageRequest {
                project_id: project.into(),
                room_id: room.id.clone(),
                text: "hello from B".into(),
                ..Default::default()
            },
            &b.admin,
        ))
        .await
        .expect("B posts in A's room")
        .into_inner()
        .message
        .unwrap();
    let b_did = b.whoami().await.did;
    // Both sides can name B's person: the owner keeps their name; B asks the owner.
    let people = |i: &Instance| {
        let (channel, token, project) = (i.channel.clone(), i.admin.clone(), project.to_owned());
        async move {
            let mut people = FederationServiceClient::new(channel)
                .list_people(bearer(
                    fed::ListPeopleRequest {
                        project_id: project,
                    },
                    &token,
                ))
                .await
                .unwrap()
                .into_inner()
                .people;
            people.sort_by(|x, y| x.account_id.cmp(&y.account_id));
            people
        }
    };
    let on_a = people(a).await;
    let remote = on_a
        .iter()
        .find(|p| p.account_id == from_b.author_id)
        .expect("A lists B's person");
    assert_eq!(remote.did, b_did);
    assert!(!remote.display_name.is_empty());
    assert_eq!(people(b).await, on_a, "B sees the owner's list");
    assert!(
        from_b.author_id.ends_with(&format!("@{b_did}")),
        "{}",
        from_b.author_id
    );
    let deadline = Instant::now() + CROSSING;
    loop {
        let event = tokio::time::timeout(deadline - Instant::now(), watch.next())
            .await
            .expect("A's message reaches B's room watcher")
            .unwrap()
            .unwrap();
        if let Some(chat::room_event::Kind::Posted(message)) = event.kind {
            if message.text == "hello from B" {
                break;
            }
            assert_eq!(message.text, "second");
        }
    }
}

/// A survey of A is answered by B's person (the response runs on A), and the live results
/// on both sides count it.
#[cfg(feature = "survey")]
async fn survey_crosses(a: &Instance, b: &Instance, project: &str) {
    use orbit_proto::orbit::survey::v1 as sv;
    use orbit_proto::orbit::survey::v1::survey_service_client::SurveyServiceClient;
    let client = |i: &Instance| SurveyServiceClient::new(i.channel.clone());
    let survey = client(a)
        .create_survey(bearer(
            sv::CreateSurveyRequest {
                project_id: project.into(),
                title: "Lunch".into(),
                visibility: sv::ResultsVisibility::Live as i32,
                questions: vec![sv::Question {
                    id: "q".into(),
                    title: "Where?".into(),
                    kind: Some(sv::question::Kind::Single(sv::SingleChoice {
                        choices: vec![sv::Choice {
                            id: "here".into(),
                            label: "Here".into(),
                            cap: 0,
                        }],
                    })),
                    ..Default::default()
                }],
                ..Default::default()
            },
            &a.admin,
        ))
        .await
        .unwrap()
        .into_inner()
        .survey
        .unwrap();
    client(a)
        .open_survey(bearer(
            sv::OpenSurveyRequest {
                project_id: project.into(),
                survey_id: survey.id.clone(),
                closes_at_ms: 0,
            },
            &a.admin,
        ))
        .await
        .unwrap();
    eventually("the open survey reaches B", || async {
        client(b)
            .get_survey(bearer(
                sv::GetSurveyRequest {
                    project_id: project.into(),
                    survey_id: survey.id.clone(),
                },
                &b.admin,
            ))
            .await
            .is_ok_and(|r| {
                r.into_inner()
                    .survey
                    .is_some_and(|s| s.state == sv::SurveyState::Open as i32)
            })
    })
    .await;
    client(b)
        .submit_response(bearer(
            sv::SubmitResponseRequest {
                project_id: project.into(),
                survey_id: survey.id.clone(),
                answers: vec![sv::Answer {
                    question_id: "q".into(),
                    value: Some(sv::answer::Value::Choices(sv::Picks {
                        choice_ids: vec!["here".into()],
                    })),
                }],
            },
            &b.admin,
        ))
        .await
        .expect("B's person answers A's survey");
    for (side, name) in [(a, "A"), (b, "B")] {
        eventually(&format!("{name}'s results count B's answer"), || async {
            client(side)
                .get_results(bearer(
                    sv::GetResultsRequest {
                        project_id: project.into(),
                        survey_id: survey.id.clone(),
                    },
                    &side.admin,
                ))
                .await
                .is_ok_and(|r| r.into_inner().results.is_some_and(|r| r.responses == 1))
        })
        .await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_peer_that_was_down_and_a_killed_nats_server_lose_nothing_and_repeat_nothing() {
    const N: u64 = 2_000;
    let nats_dir = tempfile::tempdir().unwrap();
    let (mut nats_a, nats_b) = nats_pair(nats_dir.path());
    let a = instance(&nats_a, "a", "Org A").await;
    let mut b = instance(&nats_b, "b", "Org B").await;
    let project = create_project(&a.channel, &a.admin, &a.org, "Bulk").await;
    let token = a.invite(&project, "").await;
    b.accept(&token).await.expect("accept");

    // B is down while A writes half; A's NATS server is killed (and comes back) for the rest.
    b.server.stop("TERM").await;
    for n in 0..N {
        if n == N / 2 {
            nats_a.kill();
        }
        put_record(
            &a.channel,
            &a.admin,
            &project,
            "bulk",
            &format!("{n:05}"),
            task(n),
            false,
        )
        .await
        .unwrap();
    }
    // B has missed its heartbeats by now: A shows it unreachable, and recovers by itself.
    eventually("A marks B unreachable", || async {
        a.peers().await.iter().any(|l| l.unreachable)
    })
    .await;
    nats_a.restart();
    b.server = Server::start(serve(&b.dir, &b.nats, b.domain)).await;
    b.channel = b.server.channel().await;
    let deadline = Instant::now() + CROSSING;
    loop {
        let got = b.record_ids(&project, "bulk").await.len() as u64;
        if got == N {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "{got} of {N} events reached B; A: {:?}\nB logs:\n{}\nA logs:\n{}",
            a.peers().await,
            b.server.logs(),
            a.server.logs()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // Exactly once and in A's order: B's own feed holds one put per record, in order.
    let mut feed = FeedServiceClient::new(b.channel.clone())
        .subscribe(bearer(
            cdc::SubscribeRequest {
                module: "records".into(),
                project_id: project.clone(),
                entity: "bulk".into(),
                start: Some(cdc::subscribe_request::Start::AfterSeq(0)),
                ..Default::default()
            },
            &b.admin,
        ))
        .await
        .unwrap()
        .into_inner();
    let mut ids = Vec::new();
    while (ids.len() as u64) < N {
        let message = tokio::time::timeout(CROSSING, feed.next())
            .await
            .unwrap()
            .unwrap()
            .unwrap();
        if let Some(cdc::feed_message::Kind::Event(event)) = message.kind {
            ids.push(event.id);
        }
    }
    let expected: Vec<String> = (0..N).map(|n| format!("{n:05}")).collect();
    assert_eq!(ids, expected, "once each, in order");
    eventually(
        "A sees B reachable again, with nothing left to take",
        || async {
            a.peers()
                .await
                .iter()
                .any(|l| !l.unreachable && l.lag == 0 && l.events_out >= N)
        },
    )
    .await;
    // Nothing more comes.
    let extra = tokio::time::timeout(Duration::from_millis(1500), async {
        loop {
            match feed.next().await {
                Some(Ok(cdc::FeedMessage {
                    kind: Some(cdc::feed_message::Kind::Event(e)),
                })) => return e,
                Some(Ok(_)) => continue,
                other => panic!("the feed ended: {other:?}"),
            }
        }
    })
    .await;
    assert!(extra.is_err(), "an event arrived twice: {extra:?}");
}
