//! Correlation ids end to end: every change event a call causes carries the call's request
//! id (`x-request-id`), whichever module wrote it: account and session records at sign-up,
//! the org, its membership and the audit entries. Read back from the stopped instance's
//! store, in process.

use std::collections::BTreeMap;

use orbit_proto::orbit::system::v1 as pb;
use orbit_proto::orbit::system::v1::account_service_client::AccountServiceClient;
use orbit_proto::orbit::system::v1::org_service_client::OrgServiceClient;

use crate::common::tenant::{PASSWORD, bearer, with_request_id};
use crate::common::{Server, TestDir};

#[tokio::test]
async fn every_event_a_call_causes_carries_its_request_id() {
    let dir = TestDir::new();
    let mut server = Server::start(dir.serve()).await;
    let channel = server.channel().await;
    let sign_up = pb::SignUpRequest {
        email: "admin@example.org".into(),
        password: PASSWORD.into(),
        display_name: "Admin".into(),
    };
    let token = AccountServiceClient::new(channel.clone())
        .sign_up(with_request_id(
            tonic::Request::new(sign_up),
            "corr-sign-up",
        ))
        .await
        .expect("sign up")
        .into_inner()
        .tokens
        .expect("tokens")
        .access_token;
    let create = pb::CreateOrgRequest {
        name: "Traced".into(),
    };
    OrgServiceClient::new(channel.clone())
        .create_org(with_request_id(bearer(create, &token), "corr-create-org"))
        .await
        .expect("create org");
    drop(channel);
    assert!(server.stop("TERM").await.success());

    let store = dir.open_store().await;
    let events = store
        .database("system")
        .await
        .unwrap()
        .changes(0, 1_000)
        .await
        .unwrap();
    // keyspace → the correlation ids of its events.
    let mut ids: BTreeMap<String, Vec<Option<String>>> = BTreeMap::new();
    for event in &events {
        ids.entry(event.keyspace.clone())
            .or_default()
            .push(event.correlation_id.clone());
    }
    let sign_up = Some("corr-sign-up".to_owned());
    let create_org = Some("corr-create-org".to_owned());
    for keyspace in ["accounts", "sessions"] {
        assert!(
            ids.get(keyspace).is_some_and(|ids| ids.contains(&sign_up)),
            "{keyspace}: {ids:?}"
        );
    }
    for keyspace in ["orgs", "audit"] {
        assert!(
            ids.get(keyspace)
                .is_some_and(|ids| ids.contains(&create_org)),
            "{keyspace}: {ids:?}"
        );
    }
    // The server's own secrets, created at start, are the only writes no call caused.
    assert!(
        events
            .iter()
            .filter(|e| e.keyspace != "secrets")
            .all(|e| e.correlation_id == sign_up || e.correlation_id == create_org),
        "every other event comes from one of the two calls: {ids:?}"
    );
    assert_eq!(
        ids.get("secrets").map(Vec::as_slice),
        Some([None].as_slice())
    );
    store.close().await;
}
