//! `SettingsService` as a person meets it: the defaults, a change read back from another
//! session (another browser), a malformed language refused naming the field, and nobody
//! else's settings touched.

use orbit_proto::orbit::system::v1 as pb;
use orbit_proto::orbit::system::v1::settings_service_client::SettingsServiceClient;
use tonic::Code;

use crate::common::tenant::{bearer, log_in, sign_up};
use crate::common::{Server, TestDir};

#[tokio::test]
async fn settings_follow_a_person_to_another_session() {
    let dir = TestDir::new();
    let server = Server::start(dir.serve()).await;
    let channel = server.channel().await;
    let ada = sign_up(&channel, "ada@example.org").await;
    let bob = sign_up(&channel, "bob@example.org").await;
    let mut client = SettingsServiceClient::new(channel.clone());

    let defaults = client
        .get_settings(bearer(pb::GetSettingsRequest {}, &ada))
        .await
        .expect("defaults")
        .into_inner()
        .settings
        .expect("settings");
    assert_eq!(defaults.language, "");
    assert_eq!(defaults.theme, pb::Theme::Auto as i32);
    assert!(
        defaults
            .notifications
            .as_ref()
            .expect("notifications")
            .mentions
    );

    let wanted = pb::Settings {
        language: "de".into(),
        theme: pb::Theme::Dark as i32,
        notifications: Some(pb::NotificationSettings {
            mentions: true,
            direct_messages: false,
            all_messages: true,
        }),
    };
    client
        .update_settings(bearer(
            pb::UpdateSettingsRequest {
                settings: Some(wanted.clone()),
            },
            &ada,
        ))
        .await
        .expect("update");
    // Another session of the same person (another browser) reads them.
    let elsewhere = log_in(&channel, "ada@example.org").await;
    let read = client
        .get_settings(bearer(pb::GetSettingsRequest {}, &elsewhere))
        .await
        .expect("read")
        .into_inner()
        .settings
        .expect("settings");
    assert_eq!(read, wanted);
    // Bob's are his own.
    let bobs = client
        .get_settings(bearer(pb::GetSettingsRequest {}, &bob))
        .await
        .expect("bob's")
        .into_inner()
        .settings
        .expect("settings");
    assert_eq!(bobs.theme, pb::Theme::Auto as i32);

    let refused = client
        .update_settings(bearer(
            pb::UpdateSettingsRequest {
                settings: Some(pb::Settings {
                    language: "de; drop table".into(),
                    ..wanted.clone()
                }),
            },
            &ada,
        ))
        .await
        .unwrap_err();
    assert_eq!(refused.code(), Code::InvalidArgument, "{refused:?}");
    assert!(
        refused.message().contains("settings.language"),
        "{refused:?}"
    );
    let anonymous = client
        .get_settings(pb::GetSettingsRequest {})
        .await
        .unwrap_err();
    assert_eq!(anonymous.code(), Code::Unauthenticated, "{anonymous:?}");
}
