//! A store in a temp dir, identity with cheap password hashing, one org and project with an
//! admin and members, and the chat service with its unread view registered.

use std::sync::Arc;
use std::time::Duration;

use orbit_cdc::feed::Feeds;
use orbit_cdc::view::{ViewConfig, ViewEngine};
use orbit_proto::orbit::system::v1::Role;
use orbit_system::crypto::KdfParams;
use orbit_system::identity::{
    Added, Credential, Identity, IdentityConfig, Principal, RequestContext,
};
use orbit_system::store::{Store, StoreConfig};

use orbit_proto::orbit::chat::v1 as pb;

use crate::{CHAT, Chat, Direction, MessageQuery, UnreadView, unread_view_id};

pub(super) struct Harness {
    pub(super) dir: tempfile::TempDir,
    pub(super) store: Store,
    pub(super) views: ViewEngine,
    pub(super) chat: Chat,
    pub(super) project: String,
    /// The project's admin (who created org and project).
    pub(super) admin: RequestContext,
    /// Project users, in the order asked for.
    pub(super) users: Vec<RequestContext>,
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
    /// An instance with a project, its admin and `users` project users with e-mail
    /// addresses `user<n>@example.org` and display names `User <n>`.
    pub(super) async fn open(users: usize) -> Harness {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut config = StoreConfig::in_data_dir(dir.path());
        config.full_sync = false;
        let store = Store::open(config).await.expect("store opens");
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
        let sign_up = |email: String, name: String| {
            let identity = identity.clone();
            async move {
                let (account, _) = identity
                    .sign_up(&email, "a long enough password 1", &name, None)
                    .await
                    .expect("signed up");
                caller(&account.id)
            }
        };
        // The first account is the sys-admin; the admin is the second, an ordinary one.
        sign_up("root@example.org".into(), "Root".into()).await;
        let admin = sign_up("admin@example.org".into(), "Ada Admin".into()).await;
        let org = identity.create_org(&admin, "Acme").await.expect("org");
        let project = identity
            .create_project(&admin, &org.id, "Launch")
            .await
            .expect("project")
            .id;
        let mut members = Vec::new();
        for n in 1..=users {
            let email = format!("user{n}@example.org");
            let user = sign_up(email.clone(), format!("User {n}")).await;
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
        let feeds = Feeds::new(store.clone());
        let views = ViewEngine::open(
            &store,
            ViewConfig {
                poll: Duration::from_millis(20),
                ..Default::default()
            },
        )
        .await
        .expect("views open");
        views
            .register(Arc::new(UnreadView::default()))
            .await
            .expect("view registered");
        let db = store.database(CHAT).await.expect("chat database");
        let chat = Chat::new(db, identity, feeds, views.clone());
        Harness {
            dir,
            store,
            views,
            chat,
            project,
            admin,
            users: members,
        }
    }

    /// Waits until the unread view has folded everything written so far.
    pub(super) async fn settle(&self) {
        let head = self.chat.db.head().await.expect("head");
        let deadline = std::time::Instant::now() + Duration::from_secs(20);
        loop {
            let folded = self
                .views
                .folded_seq(&unread_view_id())
                .await
                .expect("checkpoint")
                .unwrap_or(0);
            if folded >= head {
                return;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "the unread view is stuck at {folded} of {head}"
            );
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }

    /// Stops the views and closes the store; the temp dir lives as long as what it returns.
    pub(super) async fn close(self) -> tempfile::TempDir {
        self.views.shutdown().await;
        self.store.close().await;
        self.dir
    }
}

/// A page request of `room`'s messages.
pub(super) fn query(
    h: &Harness,
    room: &pb::Room,
    seq: u64,
    direction: Direction,
    page_size: i32,
) -> MessageQuery {
    MessageQuery {
        project_id: h.project.clone(),
        room_id: room.id.clone(),
        seq,
        message_id: String::new(),
        direction,
        page_size,
    }
}
