//! A store in a temp dir, identity with cheap password hashing, one org and project with an
//! admin and members, and the video service with its recorder running.

use std::time::Duration;

use futures::StreamExt;
use orbit_proto::orbit::system::v1::Role;
use orbit_proto::orbit::video::v1 as pb;
use orbit_system::crypto::KdfParams;
use orbit_system::identity::{
    Added, Credential, Identity, IdentityConfig, Principal, RequestContext,
};
use orbit_system::store::{Store, StoreConfig};
use tokio::sync::watch;

use crate::{CallEvents, VIDEO, Video, VideoConfig, VideoError};

pub(super) struct Harness {
    pub(super) dir: tempfile::TempDir,
    pub(super) store: Store,
    pub(super) video: Video,
    pub(super) project: String,
    /// The project's admin (who created org and project).
    pub(super) admin: RequestContext,
    /// Project users, in the order asked for.
    pub(super) users: Vec<RequestContext>,
    stop: watch::Sender<bool>,
    recorder: tokio::task::JoinHandle<()>,
}

/// A caller acting as `account_id`.
pub(super) fn caller(account_id: &str) -> RequestContext {
    RequestContext {
        principal: Some(Principal {
            account_id: account_id.to_owned(),
            sys_admin: false,
            credential: Credential::Session {
                session_id: String::new(),
            },
        }),
        client_address: None,
        request_id: orbit_system::store::new_id(),
    }
}

pub(super) fn id(caller: &RequestContext) -> String {
    caller
        .principal
        .as_ref()
        .expect("signed in")
        .account_id
        .clone()
}

impl Harness {
    /// An instance with a project, its admin and `users` project users.
    pub(super) async fn open(users: usize, config: VideoConfig) -> Harness {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store_config = StoreConfig::in_data_dir(dir.path());
        store_config.full_sync = false;
        let store = Store::open(store_config).await.expect("store opens");
        store.declare_databases(["system".to_owned()]);
        store.declare_module_databases([VIDEO.to_owned()]);
        let identity = Identity::open(
            &store,
            IdentityConfig {
                kdf: KdfParams {
                    memory_kib: 64,
                    iterations: 1,
                    parallelism: 1,
                },
                ..Default::default()
            },
        )
        .await
        .expect("identity opens");
        let sign_up = |email: String| {
            let identity = identity.clone();
            async move {
                let (account, _) = identity
                    .sign_up(&email, "a long enough password 1", "Someone", None)
                    .await
                    .expect("signed up");
                caller(&account.id)
            }
        };
        sign_up("root@example.org".into()).await;
        let admin = sign_up("admin@example.org".into()).await;
        let org = identity.create_org(&admin, "Acme").await.expect("org");
        let project = identity
            .create_project(&admin, &org.id, "Launch")
            .await
            .expect("project")
            .id;
        let mut members = Vec::new();
        for n in 1..=users {
            let email = format!("user{n}@example.org");
            let user = sign_up(email.clone()).await;
            let added = identity
                .set_project_member(&admin, &project, &email, Role::ProjectUser)
                .await
                .expect("invited");
            if let Added::Invited(invitation) = added {
                identity
                    .accept_invitation(&user, &invitation.record.id)
                    .await
                    .expect("accepted");
            }
            members.push(user);
        }
        let db = store.database(VIDEO).await.expect("video database");
        let (video, departures) = Video::new(db, identity, config);
        let (stop, stopped) = watch::channel(false);
        let recorder = tokio::spawn(crate::recorder::run(video.clone(), departures, stopped));
        Harness {
            dir,
            store,
            video,
            project,
            admin,
            users: members,
            stop,
            recorder,
        }
    }

    pub(super) async fn create(&self, who: &RequestContext, title: &str, max: u32) -> pb::Call {
        self.video
            .create_call(who, &self.project, title, max)
            .await
            .expect("call created")
    }

    /// Joins `call` and connects; returns the participant id and its stream (welcome taken).
    pub(super) async fn enter(
        &self,
        who: &RequestContext,
        call: &pb::Call,
    ) -> (String, CallEvents) {
        let joined = self
            .video
            .join(who, &self.project, &call.id, pb::MediaState::default())
            .await
            .expect("joined");
        let mut events = self
            .video
            .connect(
                who,
                &self.project,
                &call.id,
                &joined.participant.id,
                Duration::from_secs(30),
            )
            .await
            .expect("connected");
        match next(&mut events).await.kind {
            Some(pb::call_event::Kind::Welcome(welcome)) => {
                assert_eq!(welcome.participant_id, joined.participant.id);
            }
            other => panic!("expected a welcome first, got {other:?}"),
        }
        (joined.participant.id, events)
    }

    /// The history entry of `call`, once `check` holds for it (the recorder writes
    /// departures of dropped streams in the background).
    pub(super) async fn history_of(
        &self,
        call: &pb::Call,
        check: impl Fn(&pb::CallHistoryEntry) -> bool,
    ) -> pb::CallHistoryEntry {
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        loop {
            let (entries, _) = self
                .video
                .call_history(&self.project, 100, "")
                .await
                .expect("history");
            let entry = entries
                .into_iter()
                .find(|e| e.call.as_ref().is_some_and(|c| c.id == call.id))
                .expect("the call is in the history");
            if check(&entry) || std::time::Instant::now() > deadline {
                return entry;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Stops the recorder and closes the store; the temp dir lives as long as what it
    /// returns.
    pub(super) async fn close(self) -> tempfile::TempDir {
        let _ = self.stop.send(true);
        self.recorder.await.expect("recorder ends");
        self.store.close().await;
        self.dir
    }
}

/// The next event of a stream (within 5 s).
pub(super) async fn next(events: &mut CallEvents) -> pb::CallEvent {
    tokio::time::timeout(Duration::from_secs(5), events.next())
        .await
        .expect("an event within 5 s")
        .expect("the stream goes on")
        .expect("no error")
}

/// Whether nothing arrives on the stream for a moment.
pub(super) async fn quiet(events: &mut CallEvents) -> Option<pb::CallEvent> {
    match tokio::time::timeout(Duration::from_millis(200), events.next()).await {
        Ok(Some(Ok(event))) => Some(event),
        Ok(other) => panic!("the stream ended: {other:?}"),
        Err(_) => None,
    }
}

/// The field an InvalidArgument or NotFound error names.
pub(super) fn field_of(error: &VideoError) -> &'static str {
    match error {
        VideoError::Invalid { field, .. } | VideoError::NotFound { field, .. } => field,
        other => panic!("expected an error naming a field, got {other:?}"),
    }
}
