//! Scenarios of orgs, projects and memberships together: each drives all three files (a
//! project needs an org, a member needs a project), so they live here rather than in one of
//! them. The lifecycle runs on SQLite and on the real PostgreSQL; the others on SQLite.
//! Tests only: they must not be depended on by other tests (shared helpers go in
//! `testkit.rs`).

use orbit_proto::orbit::system::records::v1::InvitationRecord;
use orbit_proto::orbit::system::v1::{InvitationState, Role};

use super::memberships::project_of;
use super::testkit::{Env, allowed, id, join_org, join_project};
use super::*;

fn is_not_found(result: Result<impl std::fmt::Debug, IdentityError>, what: &str) -> bool {
    matches!(result, Err(IdentityError::NotFound { what: w, .. }) if w == what)
}

/// The membership of an add that changed a member's role directly.
fn direct(added: Result<Added, IdentityError>) -> Member {
    match added {
        Ok(Added::Member(member)) => member,
        other => panic!("expected a membership, got {other:?}"),
    }
}

fn invalid_field<T: std::fmt::Debug>(result: Result<T, IdentityError>) -> &'static str {
    match result {
        Err(IdentityError::InvalidArgument { field, .. }) => field,
        other => panic!("expected InvalidArgument, got {other:?}"),
    }
}

fn precondition<T: std::fmt::Debug>(result: Result<T, IdentityError>) -> String {
    match result {
        Err(IdentityError::FailedPrecondition(message)) => message,
        other => panic!("expected FailedPrecondition, got {other:?}"),
    }
}

/// Every membership has its mirror and the other way round.
async fn assert_mirrors_agree(identity: &Identity) {
    let primary = identity.scan_all(MEMBERSHIPS, "").await.unwrap();
    let mirror = identity.scan_all(ACCOUNT_MEMBERSHIPS, "").await.unwrap();
    assert_eq!(primary.len(), mirror.len(), "one mirror per membership");
    for record in &primary {
        let m: MembershipRecord = decode_record("membership", record).unwrap();
        let key = account_membership_key(&m.account_id, &m.org_id, project_of(&m));
        let (twin, _) = load::<MembershipRecord>(identity.db(), "m", ACCOUNT_MEMBERSHIPS, &key)
            .await
            .unwrap()
            .expect("mirror exists");
        assert_eq!(twin, m);
    }
}

async fn audit_kinds(identity: &Identity, org_id: &str) -> Vec<String> {
    let (events, _) = identity.audit_events(Some(org_id), 0, 1000).await.unwrap();
    events.into_iter().map(|e| e.kind).collect()
}

/// Orgs, projects and memberships from creation to removal; run on both backends.
async fn lifecycle(env: &Env) {
    let identity = &env.identity;
    let alice = env.account("alice@example.org", false).await;
    let bob = env.account("bob@example.org", false).await;
    let carol = env.account("carol@example.org", false).await;

    let org = identity.create_org(&alice, "  Acme  ").await.unwrap();
    assert_eq!(org.name, "Acme", "names are trimmed");
    assert_eq!(
        identity.list_orgs(&alice, false).await.unwrap(),
        vec![org.clone()]
    );
    assert_eq!(
        identity
            .membership_role(&id(&alice), &org.id, None)
            .await
            .unwrap(),
        Some(Role::OrgAdmin),
        "the creator is org-admin"
    );
    let web = identity
        .create_project(&alice, &org.id, "Web")
        .await
        .unwrap();
    let api = identity
        .create_project(&alice, &org.id, "API")
        .await
        .unwrap();
    assert_eq!(
        identity
            .list_projects(&alice, &org.id, false)
            .await
            .unwrap(),
        vec![web.clone(), api.clone()],
        "oldest first"
    );

    let added = join_org(identity, &alice, &org.id, "  BOB@Example.org ", &bob)
        .await
        .unwrap();
    assert_eq!(added.membership.account_id, id(&bob));
    assert_eq!(added.email, "bob@example.org");
    assert_eq!(added.display_name, "Name of bob@example.org");
    let again = identity
        .add_org_admin(&alice, &org.id, "bob@example.org")
        .await
        .unwrap();
    assert_eq!(
        again,
        Added::Member(added),
        "adding an org-admin twice changes nothing"
    );

    let set = join_project(
        identity,
        &bob,
        &web.id,
        "carol@example.org",
        &carol,
        Role::ProjectUser,
    )
    .await
    .unwrap();
    assert_eq!(set.membership.role, Role::ProjectUser as i32);
    let promoted = direct(
        identity
            .set_project_member(&alice, &web.id, "carol@example.org", Role::ProjectAdmin)
            .await,
    );
    assert_eq!(promoted.membership.role, Role::ProjectAdmin as i32);
    let web_members = identity
        .list_project_members(&alice, &web.id)
        .await
        .unwrap();
    assert_eq!(web_members.len(), 1);
    assert_eq!(web_members[0], promoted);
    assert!(
        identity
            .list_project_members(&alice, &api.id)
            .await
            .unwrap()
            .is_empty()
    );

    let members = identity.list_org_members(&alice, &org.id).await.unwrap();
    let summary: Vec<(String, i32, String)> = members
        .iter()
        .map(|m| {
            (
                m.email.clone(),
                m.membership.role,
                m.membership.project_id.clone(),
            )
        })
        .collect();
    let mut admins = vec![
        (
            "alice@example.org".to_owned(),
            Role::OrgAdmin as i32,
            String::new(),
        ),
        (
            "bob@example.org".to_owned(),
            Role::OrgAdmin as i32,
            String::new(),
        ),
    ];
    admins.sort_by_key(|(email, ..)| {
        if email.starts_with("alice") {
            id(&alice)
        } else {
            id(&bob)
        }
    });
    admins.push((
        "carol@example.org".into(),
        Role::ProjectAdmin as i32,
        web.id.clone(),
    ));
    assert_eq!(summary, admins, "org-admins first, then project members");

    // Carol sees the org and only her project.
    assert_eq!(
        identity.list_orgs(&carol, false).await.unwrap(),
        vec![org.clone()]
    );
    assert_eq!(
        identity
            .list_projects(&carol, &org.id, false)
            .await
            .unwrap(),
        vec![web.clone()]
    );

    let renamed = identity
        .rename_org(&bob, &org.id, "Acme Corp")
        .await
        .unwrap();
    assert_eq!(renamed.name, "Acme Corp");
    assert_eq!(identity.get_org(&carol, &org.id).await.unwrap(), renamed);
    let renamed = identity
        .rename_project(&carol, &web.id, "Website")
        .await
        .unwrap();
    assert_eq!(
        identity.get_project(&carol, &web.id).await.unwrap(),
        renamed
    );

    // Bad input names the field and writes nothing.
    let head = env.identity.db().head().await.unwrap();
    for bad in ["", "   ", &"x".repeat(101), "tab\there", "bell\u{7}"] {
        assert_eq!(
            invalid_field(identity.create_org(&alice, bad).await),
            "name"
        );
        assert_eq!(
            invalid_field(identity.rename_project(&alice, &web.id, bad).await),
            "name"
        );
    }
    assert_eq!(
        env.identity.db().head().await.unwrap(),
        head,
        "nothing was written"
    );
    assert_eq!(
        identity
            .create_org(&alice, &"é".repeat(100))
            .await
            .unwrap()
            .name
            .chars()
            .count(),
        100
    );
    assert_eq!(invalid_field(identity.get_org(&alice, "").await), "org_id");
    assert_eq!(
        invalid_field(identity.get_project(&alice, "a/b").await),
        "project_id"
    );
    assert_eq!(
        invalid_field(identity.add_org_admin(&alice, &org.id, "").await),
        "email"
    );
    assert!(
        matches!(
            identity
                .add_org_admin(&alice, &org.id, "nobody@example.org")
                .await,
            Ok(Added::Invited(_))
        ),
        "an address without an account is invited like any other"
    );
    assert_eq!(
        invalid_field(
            identity
                .set_project_member(&alice, &web.id, "bob@example.org", Role::OrgAdmin)
                .await
        ),
        "role"
    );
    assert!(is_not_found(
        identity
            .remove_project_member(&alice, &api.id, &id(&carol))
            .await,
        "project member"
    ));
    assert!(is_not_found(
        identity
            .remove_org_admin(&alice, &org.id, &id(&carol))
            .await,
        "org-admin"
    ));

    // Removal, down to the last org-admin.
    identity
        .remove_project_member(&alice, &web.id, &id(&carol))
        .await
        .unwrap();
    assert!(identity.list_orgs(&carol, true).await.unwrap().is_empty());
    assert!(matches!(
        allowed(identity, &carol, "ProjectService/GetProject", Some(&web.id)).await,
        Err(IdentityError::NotFound { .. })
    ));
    identity
        .remove_org_admin(&alice, &org.id, &id(&bob))
        .await
        .unwrap();
    let message = precondition(
        identity
            .remove_org_admin(&alice, &org.id, &id(&alice))
            .await,
    );
    assert!(
        message.contains("last org-admin") && message.contains(&org.id),
        "{message}"
    );
    assert_mirrors_agree(identity).await;

    let kinds = audit_kinds(identity, &org.id).await;
    for kind in [
        "org.created",
        "project.created",
        "membership.changed",
        "org.renamed",
        "project.renamed",
        "membership.removed",
    ] {
        assert!(
            kinds.iter().any(|k| k == kind),
            "{kind} audited in {kinds:?}"
        );
    }
    let (events, _) = identity.audit_events(Some(&org.id), 0, 1000).await.unwrap();
    let project_events: Vec<_> = events
        .iter()
        .filter(|e| e.kind.starts_with("project."))
        .collect();
    assert!(
        project_events
            .iter()
            .all(|e| !e.project_id.is_empty() && !e.actor_account_id.is_empty())
    );
    assert!(identity.verify_audit_log().await.unwrap().problem.is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lifecycle_on_sqlite() {
    let env = Env::sqlite().await;
    lifecycle(&env).await;
    env.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lifecycle_on_postgres() {
    let env = Env::postgres().await;
    lifecycle(&env).await;
    env.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tenants_see_nothing_of_each_other() {
    let env = Env::sqlite().await;
    let identity = &env.identity;
    let alice = env.account("alice@a.example", false).await;
    let bob = env.account("bob@b.example", false).await;
    let user = env.account("user@a.example", false).await;
    let root = env.account("root@example.org", true).await;
    let a = identity.create_org(&alice, "A").await.unwrap();
    let b = identity.create_org(&bob, "B").await.unwrap();
    let a1 = identity.create_project(&alice, &a.id, "A1").await.unwrap();
    let a2 = identity.create_project(&alice, &a.id, "A2").await.unwrap();
    let b1 = identity.create_project(&bob, &b.id, "B1").await.unwrap();
    join_project(
        identity,
        &alice,
        &a1.id,
        "user@a.example",
        &user,
        Role::ProjectUser,
    )
    .await
    .unwrap();
    join_project(
        identity,
        &alice,
        &a2.id,
        "bob@b.example",
        &bob,
        Role::ProjectUser,
    )
    .await
    .unwrap();

    assert_eq!(
        identity.list_orgs(&alice, true).await.unwrap(),
        vec![a.clone()]
    );
    let bobs: Vec<_> = identity
        .list_orgs(&bob, true)
        .await
        .unwrap()
        .into_iter()
        .map(|o| o.id)
        .collect();
    assert_eq!(
        bobs,
        vec![a.id.clone(), b.id.clone()],
        "bob is in B and in a project of A"
    );
    let all: Vec<_> = identity
        .list_orgs(&root, false)
        .await
        .unwrap()
        .into_iter()
        .map(|o| o.id)
        .collect();
    assert_eq!(
        all,
        vec![a.id.clone(), b.id.clone()],
        "a sys-admin sees every org"
    );

    // Ids of B answer NotFound to alice, exactly as ids that do not exist.
    for (rpc, scope) in [
        ("OrgService/GetOrg", &b.id),
        ("OrgService/RenameOrg", &b.id),
        ("ProjectService/ListProjects", &b.id),
        ("MembershipService/ListOrgMembers", &b.id),
        ("ProjectService/GetProject", &b1.id),
        ("MembershipService/ListProjectMembers", &b1.id),
        ("MembershipService/SetProjectMember", &b1.id),
    ] {
        let result = allowed(identity, &alice, rpc, Some(scope)).await;
        assert!(
            matches!(result, Err(IdentityError::NotFound { .. })),
            "{rpc}: {result:?}"
        );
    }
    assert!(is_not_found(
        identity.list_projects(&alice, &b.id, true).await,
        "org"
    ));
    assert!(is_not_found(
        identity.list_org_members(&alice, &b.id).await,
        "org"
    ));
    assert!(is_not_found(
        identity.list_projects(&alice, "01NOSUCHORG", true).await,
        "org"
    ));

    // A project member sees its own projects and their members, not the org's others.
    let projects = identity.list_projects(&user, &a.id, true).await.unwrap();
    assert_eq!(projects, vec![a1.clone()]);
    let members = identity.list_org_members(&user, &a.id).await.unwrap();
    assert!(
        members.iter().all(|m| m.membership.project_id != a2.id),
        "{members:?}"
    );
    assert!(
        members
            .iter()
            .any(|m| m.membership.account_id == id(&alice))
    );
    // Bob, a member of A2, sees A2 in A and nothing of A1.
    assert_eq!(
        identity.list_projects(&bob, &a.id, true).await.unwrap(),
        vec![a2.clone()]
    );
    assert!(matches!(
        allowed(identity, &bob, "ProjectService/GetProject", Some(&a1.id)).await,
        Err(IdentityError::NotFound { .. })
    ));
    env.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn org_admins_manage_every_project_project_admins_only_theirs() {
    let env = Env::sqlite().await;
    let identity = &env.identity;
    let admin = env.account("admin@example.org", false).await;
    let lead = env.account("lead@example.org", false).await;
    let user = env.account("user@example.org", false).await;
    let org = identity.create_org(&admin, "Org").await.unwrap();
    let mine = identity
        .create_project(&admin, &org.id, "Mine")
        .await
        .unwrap();
    let other = identity
        .create_project(&admin, &org.id, "Other")
        .await
        .unwrap();
    join_project(
        identity,
        &admin,
        &mine.id,
        "lead@example.org",
        &lead,
        Role::ProjectAdmin,
    )
    .await
    .unwrap();
    join_project(
        identity,
        &lead,
        &mine.id,
        "user@example.org",
        &user,
        Role::ProjectUser,
    )
    .await
    .unwrap();

    let project_rpcs = [
        "ProjectService/RenameProject",
        "ProjectService/ArchiveProject",
        "MembershipService/SetProjectMember",
        "MembershipService/RemoveProjectMember",
        "ProjectService/GetProject",
    ];
    for rpc in project_rpcs {
        for project in [&mine, &other] {
            allowed(identity, &admin, rpc, Some(&project.id))
                .await
                .unwrap_or_else(|e| panic!("org-admin {rpc}: {e}"));
        }
    }
    for rpc in [
        "ProjectService/RenameProject",
        "MembershipService/SetProjectMember",
        "ProjectService/GetProject",
    ] {
        allowed(identity, &lead, rpc, Some(&mine.id))
            .await
            .unwrap_or_else(|e| panic!("project-admin {rpc}: {e}"));
        let result = allowed(identity, &lead, rpc, Some(&other.id)).await;
        assert!(
            matches!(result, Err(IdentityError::NotFound { .. })),
            "{rpc} elsewhere: {result:?}"
        );
    }
    for (caller, rpc) in [
        (&lead, "ProjectService/ArchiveProject"),
        (&user, "ProjectService/RenameProject"),
        (&user, "MembershipService/SetProjectMember"),
    ] {
        let result = allowed(identity, caller, rpc, Some(&mine.id)).await;
        assert!(
            matches!(result, Err(IdentityError::PermissionDenied(_))),
            "{rpc}: {result:?}"
        );
    }
    for rpc in [
        "ProjectService/CreateProject",
        "MembershipService/AddOrgAdmin",
        "OrgService/RenameOrg",
    ] {
        let result = allowed(identity, &lead, rpc, Some(&org.id)).await;
        assert!(
            matches!(result, Err(IdentityError::PermissionDenied(_))),
            "{rpc}: {result:?}"
        );
    }
    allowed(
        identity,
        &user,
        "ProjectService/ListProjects",
        Some(&org.id),
    )
    .await
    .unwrap();
    // The project-admin manages its project's members.
    identity
        .set_project_member(&lead, &mine.id, "user@example.org", Role::ProjectAdmin)
        .await
        .unwrap();
    identity
        .remove_project_member(&lead, &mine.id, &id(&user))
        .await
        .unwrap();
    assert!(
        is_not_found(identity.list_projects(&user, &org.id, true).await, "org"),
        "without a project the user no longer belongs to the org"
    );
    env.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn archived_orgs_and_projects_are_read_only_until_restored() {
    let env = Env::sqlite().await;
    let identity = &env.identity;
    let admin = env.account("admin@example.org", false).await;
    env.account("member@example.org", false).await;
    let org = identity.create_org(&admin, "Org").await.unwrap();
    let project = identity
        .create_project(&admin, &org.id, "Project")
        .await
        .unwrap();

    let archived = identity
        .archive_project(&admin, &project.id, true)
        .await
        .unwrap();
    assert!(archived.archived);
    let message = precondition(identity.rename_project(&admin, &project.id, "New").await);
    assert!(
        message.contains(&format!("project {}", project.id)),
        "{message}"
    );
    precondition(
        identity
            .set_project_member(&admin, &project.id, "member@example.org", Role::ProjectUser)
            .await,
    );
    assert!(
        identity
            .list_projects(&admin, &org.id, false)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        identity.list_projects(&admin, &org.id, true).await.unwrap(),
        vec![archived.clone()]
    );

    let archived_org = identity.archive_org(&admin, &org.id, true).await.unwrap();
    assert!(archived_org.archived);
    assert_eq!(
        identity.archive_org(&admin, &org.id, true).await.unwrap(),
        archived_org,
        "idempotent"
    );
    for message in [
        precondition(identity.rename_org(&admin, &org.id, "New").await),
        precondition(identity.create_project(&admin, &org.id, "New").await),
        precondition(
            identity
                .add_org_admin(&admin, &org.id, "member@example.org")
                .await,
        ),
        precondition(
            identity
                .remove_org_admin(&admin, &org.id, &id(&admin))
                .await,
        ),
        precondition(identity.rename_project(&admin, &project.id, "New").await),
        precondition(identity.archive_project(&admin, &project.id, false).await),
    ] {
        assert!(message.contains(&format!("org {}", org.id)), "{message}");
    }
    assert!(identity.list_orgs(&admin, false).await.unwrap().is_empty());
    assert_eq!(
        identity.list_orgs(&admin, true).await.unwrap(),
        vec![archived_org]
    );
    assert_eq!(
        identity.get_org(&admin, &org.id).await.unwrap().name,
        "Org",
        "still readable"
    );

    let restored = identity.archive_org(&admin, &org.id, false).await.unwrap();
    assert!(!restored.archived);
    identity.rename_org(&admin, &org.id, "Org 2").await.unwrap();
    precondition(identity.rename_project(&admin, &project.id, "New").await);
    identity
        .archive_project(&admin, &project.id, false)
        .await
        .unwrap();
    assert_eq!(
        identity
            .rename_project(&admin, &project.id, "New")
            .await
            .unwrap()
            .name,
        "New"
    );
    let kinds = audit_kinds(identity, &org.id).await;
    assert_eq!(
        kinds.iter().filter(|k| *k == "org.archived").count(),
        2,
        "{kinds:?}"
    );
    assert_eq!(
        kinds.iter().filter(|k| *k == "project.archived").count(),
        2,
        "{kinds:?}"
    );
    env.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_changes_keep_an_org_admin_and_every_mirror() {
    let env = Env::sqlite().await;
    let identity = &env.identity;
    for round in 0..5 {
        let alice = env
            .account(&format!("alice{round}@example.org"), false)
            .await;
        let bob = env.account(&format!("bob{round}@example.org"), false).await;
        let org = identity.create_org(&alice, "Org").await.unwrap();
        join_org(
            identity,
            &alice,
            &org.id,
            &format!("bob{round}@example.org"),
            &bob,
        )
        .await
        .unwrap();
        // Each removes the other at the same time: exactly one may succeed.
        let (alice_id, bob_id) = (id(&alice), id(&bob));
        let (one, two) = tokio::join!(
            identity.remove_org_admin(&alice, &org.id, &bob_id),
            identity.remove_org_admin(&bob, &org.id, &alice_id),
        );
        assert_eq!(one.is_ok() as u8 + two.is_ok() as u8, 1, "{one:?} {two:?}");
        let admins = identity.list_org_members(&alice, &org.id).await;
        let admins = match admins {
            Ok(members) => members,
            Err(_) => identity.list_org_members(&bob, &org.id).await.unwrap(),
        };
        assert_eq!(admins.len(), 1);

        // Membership changes racing an archive never land in the archived org.
        let project = identity
            .create_project(if one.is_ok() { &alice } else { &bob }, &org.id, "P")
            .await
            .unwrap();
        let admin = if one.is_ok() { &alice } else { &bob };
        let email = format!("carol{round}@example.org");
        env.account(&email, false).await;
        let (set, archive) = tokio::join!(
            identity.set_project_member(admin, &project.id, &email, Role::ProjectUser),
            identity.archive_org(admin, &org.id, true),
        );
        archive.unwrap();
        if set.is_err() {
            precondition(set);
        }
    }
    assert_mirrors_agree(identity).await;
    env.close().await;
}

#[tokio::test]
async fn tenancy_writes_carry_the_request_id_as_correlation_id() {
    let env = Env::sqlite().await;
    let identity = &env.identity;
    let alice = env.account("alice@example.org", false).await;
    let org = identity.create_org(&alice, "Acme").await.unwrap();
    let mut rename_call = alice.clone();
    rename_call.request_id = "req-rename-7".into();
    identity
        .rename_org(&rename_call, &org.id, "Acme Ltd")
        .await
        .unwrap();

    let events = identity.db().changes(0, 1000).await.unwrap();
    let correlation_of = |keyspace: &str| -> Vec<Option<String>> {
        events
            .iter()
            .filter(|e| e.keyspace == keyspace && e.key == org.id.as_bytes())
            .map(|e| e.correlation_id.clone())
            .collect()
    };
    assert_eq!(
        correlation_of(ORGS),
        [Some(alice.request_id.clone()), Some("req-rename-7".into())]
    );
    env.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn federation_is_switched_per_project_and_refused_while_archived() {
    let env = Env::sqlite().await;
    let identity = &env.identity;
    let admin = env.account("admin@example.org", false).await;
    let org = identity.create_org(&admin, "Org").await.unwrap();
    let project = identity
        .create_project(&admin, &org.id, "Project")
        .await
        .unwrap();
    assert!(!project.federated, "projects start private");

    let on = identity
        .set_project_federation(&admin, &project.id, true)
        .await
        .unwrap();
    assert!(on.federated);
    let read = identity.get_project(&admin, &project.id).await.unwrap();
    assert!(read.federated, "the switch is stored");
    let again = identity
        .set_project_federation(&admin, &project.id, true)
        .await
        .unwrap();
    assert_eq!(again, on, "switching to the current state changes nothing");

    identity
        .archive_project(&admin, &project.id, true)
        .await
        .unwrap();
    let message = precondition(
        identity
            .set_project_federation(&admin, &project.id, false)
            .await,
    );
    assert!(
        message.contains(&format!("project {}", project.id)),
        "{message}"
    );
}

/// The one invitation `added` opened.
fn invited(added: Result<Added, IdentityError>) -> Invitation {
    match added {
        Ok(Added::Invited(invitation)) => invitation,
        other => panic!("expected an invitation, got {other:?}"),
    }
}

/// The attack of the hardening issue: a fresh account makes an org whose name is a phishing
/// line and adds a stranger's address as org-admin. The stranger gets an invitation, not an
/// org, and the attacker cannot tell an address with an account from one without.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn adding_a_stranger_invites_and_reveals_no_account() {
    let env = Env::sqlite().await;
    let identity = &env.identity;
    let mallory = env.account("mallory@evil.example", false).await;
    let victim = env.account("victim@example.org", false).await;
    let org = identity
        .create_org(
            &mallory,
            "Security notice: re-enter your password at evil.example",
        )
        .await
        .unwrap();

    let known = invited(
        identity
            .add_org_admin(&mallory, &org.id, "Victim@Example.org")
            .await,
    );
    let unknown = invited(
        identity
            .add_org_admin(&mallory, &org.id, "nobody@example.org")
            .await,
    );
    // Identical but for the id, the address and the clock.
    let shape = |i: &Invitation| {
        let mut i = i.clone();
        i.record.id.clear();
        i.record.email.clear();
        i.record.email_index.clear();
        i.record.created_at_ms = 0;
        i.record.expires_at_ms = 0;
        i
    };
    assert_eq!(shape(&known), shape(&unknown));
    assert_eq!(known.state, InvitationState::Pending);
    assert_eq!(known.record.email, "victim@example.org");
    assert_eq!(
        known.record.expires_at_ms - known.record.created_at_ms,
        7 * 24 * 3600 * 1000
    );

    // Nothing changed for the victim but an invitation to answer.
    assert!(identity.list_orgs(&victim, true).await.unwrap().is_empty());
    assert!(is_not_found(
        allowed(identity, &victim, "OrgService/GetOrg", Some(&org.id)).await,
        "org"
    ));
    let mine = identity.list_my_invitations(&victim).await.unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].record.id, known.record.id);
    assert_eq!(
        mine[0].org_name,
        "Security notice: re-enter your password at evil.example"
    );
    assert_eq!(mine[0].record.role, Role::OrgAdmin as i32);
    assert_eq!(mine[0].inviter_display_name, "Name of mallory@evil.example");
    assert!(
        identity
            .list_my_invitations(&mallory)
            .await
            .unwrap()
            .is_empty()
    );

    // Inviting again renews the open invitation instead of adding another.
    let again = invited(
        identity
            .add_org_admin(&mallory, &org.id, "victim@example.org")
            .await,
    );
    assert_eq!(again.record.id, known.record.id);
    assert_eq!(
        identity.list_my_invitations(&victim).await.unwrap().len(),
        1
    );

    // Declined, it is gone and cannot be accepted any more.
    identity
        .decline_invitation(&victim, &known.record.id)
        .await
        .unwrap();
    assert!(
        identity
            .list_my_invitations(&victim)
            .await
            .unwrap()
            .is_empty()
    );
    let message = precondition(identity.accept_invitation(&victim, &known.record.id).await);
    assert!(message.contains("declined"), "{message}");
    assert!(identity.list_orgs(&victim, true).await.unwrap().is_empty());
    let kinds = audit_kinds(identity, &org.id).await;
    assert!(
        kinds.contains(&"invitation.created".to_owned()),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&"invitation.declined".to_owned()),
        "{kinds:?}"
    );
    assert!(
        !kinds.contains(&"membership.changed".to_owned()),
        "{kinds:?}"
    );
    env.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_accepted_invitation_makes_the_member_once() {
    let env = Env::sqlite().await;
    let identity = &env.identity;
    let admin = env.account("admin@example.org", false).await;
    let pat = env.account("pat@example.org", false).await;
    let eve = env.account("eve@example.org", false).await;
    let org = identity.create_org(&admin, "Org").await.unwrap();
    let web = identity
        .create_project(&admin, &org.id, "Web")
        .await
        .unwrap();

    let invitation = invited(
        identity
            .set_project_member(&admin, &web.id, "pat@example.org", Role::ProjectAdmin)
            .await,
    );
    assert_eq!(invitation.project_name, "Web");
    let listed = identity
        .list_invitations(&admin, Some(&org.id), None)
        .await
        .unwrap();
    assert_eq!(listed, vec![invitation.clone()]);
    assert!(is_not_found(
        identity
            .role_in_project(pat.require().unwrap(), &web.id)
            .await,
        "project"
    ));

    // Someone else's invitation does not exist for them.
    assert!(is_not_found(
        identity
            .accept_invitation(&eve, &invitation.record.id)
            .await,
        "invitation"
    ));
    assert!(is_not_found(
        identity
            .decline_invitation(&eve, &invitation.record.id)
            .await,
        "invitation"
    ));
    assert_eq!(
        invalid_field(identity.accept_invitation(&pat, "").await),
        "invitation_id"
    );

    let member = identity
        .accept_invitation(&pat, &invitation.record.id)
        .await
        .unwrap();
    assert_eq!(member.membership.account_id, id(&pat));
    assert_eq!(member.membership.role, Role::ProjectAdmin as i32);
    assert_eq!(
        identity
            .role_in_project(pat.require().unwrap(), &web.id)
            .await
            .unwrap(),
        Role::ProjectAdmin
    );
    assert_eq!(
        identity.list_orgs(&pat, false).await.unwrap(),
        vec![org.clone()]
    );
    let message = precondition(
        identity
            .accept_invitation(&pat, &invitation.record.id)
            .await,
    );
    assert!(message.contains("already accepted"), "{message}");
    assert!(identity.list_my_invitations(&pat).await.unwrap().is_empty());
    assert!(
        identity
            .list_invitations(&admin, Some(&org.id), None)
            .await
            .unwrap()
            .is_empty()
    );
    let (events, _) = identity.audit_events(Some(&org.id), 0, 100).await.unwrap();
    let joined = events
        .iter()
        .find(|e| e.kind == "membership.changed")
        .expect("the membership is audited");
    assert_eq!(joined.subject, id(&pat));
    assert_eq!(joined.actor_account_id, id(&pat));
    assert!(
        joined.detail.contains(&invitation.record.id),
        "{}",
        joined.detail
    );

    // A member's role changes directly from now on.
    let changed = direct(
        identity
            .set_project_member(&admin, &web.id, "pat@example.org", Role::ProjectUser)
            .await,
    );
    assert_eq!(changed.membership.role, Role::ProjectUser as i32);
    // A member of the org is made org-admin directly, too.
    let promoted = direct(
        identity
            .add_org_admin(&admin, &org.id, "pat@example.org")
            .await,
    );
    assert_eq!(promoted.membership.role, Role::OrgAdmin as i32);
    assert_mirrors_agree(identity).await;
    env.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn expired_and_revoked_invitations_are_refused() {
    let env = Env::sqlite().await;
    let identity = &env.identity;
    let admin = env.account("admin@example.org", false).await;
    let lead = env.account("lead@example.org", false).await;
    let other = env.account("other@example.org", false).await;
    let org = identity.create_org(&admin, "Org").await.unwrap();
    let web = identity
        .create_project(&admin, &org.id, "Web")
        .await
        .unwrap();
    let api = identity
        .create_project(&admin, &org.id, "API")
        .await
        .unwrap();
    let other_org = identity.create_org(&other, "Other").await.unwrap();
    join_project(
        identity,
        &admin,
        &web.id,
        "lead@example.org",
        &lead,
        Role::ProjectAdmin,
    )
    .await
    .unwrap();

    // An invitation to an address nobody has yet; it expires before anyone signs up.
    let late = invited(
        identity
            .add_org_admin(&admin, &org.id, "late@example.org")
            .await,
    );
    let (mut record, version) =
        load::<InvitationRecord>(identity.db(), "i", "invitations", &late.record.id)
            .await
            .unwrap()
            .unwrap();
    record.expires_at_ms = 1;
    identity
        .db()
        .commit(Transaction::new().put_if(
            "invitations",
            record.id.clone(),
            record.encode_to_vec(),
            crate::store::Expect::Version(version),
        ))
        .await
        .unwrap();
    assert!(
        !identity
            .has_pending_invitation_to("late@example.org")
            .await
            .unwrap()
    );
    let late_comer = env.account("late@example.org", false).await;
    assert!(
        identity
            .list_my_invitations(&late_comer)
            .await
            .unwrap()
            .is_empty()
    );
    let message = precondition(
        identity
            .accept_invitation(&late_comer, &late.record.id)
            .await,
    );
    assert!(message.contains("expired"), "{message}");
    // Admins still see it, expired, and may clear it.
    let listed = identity
        .list_invitations(&admin, Some(&org.id), None)
        .await
        .unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].state, InvitationState::Expired);
    identity
        .revoke_invitation(&admin, Some(&org.id), None, &late.record.id)
        .await
        .unwrap();

    // An invitation to an address without an account works once it signs up.
    let early = invited(
        identity
            .set_project_member(&lead, &web.id, "early@example.org", Role::ProjectUser)
            .await,
    );
    assert!(
        identity
            .has_pending_invitation_to("early@example.org")
            .await
            .unwrap()
    );
    let early_bird = env.account("early@example.org", false).await;
    assert_eq!(
        identity.list_my_invitations(&early_bird).await.unwrap()[0]
            .record
            .id,
        early.record.id
    );
    // The project-admin sees and revokes its project's invitations, no other project's;
    // another org's admin is told they do not exist.
    assert_eq!(
        identity
            .list_invitations(&lead, None, Some(&web.id))
            .await
            .unwrap()
            .len(),
        1
    );
    assert!(is_not_found(
        identity
            .revoke_invitation(&admin, None, Some(&api.id), &early.record.id)
            .await,
        "invitation"
    ));
    assert!(is_not_found(
        identity
            .revoke_invitation(&other, Some(&other_org.id), None, &early.record.id)
            .await,
        "invitation"
    ));
    assert!(is_not_found(
        identity.list_invitations(&other, Some(&org.id), None).await,
        "org"
    ));
    identity
        .revoke_invitation(&lead, None, Some(&web.id), &early.record.id)
        .await
        .unwrap();
    let message = precondition(
        identity
            .accept_invitation(&early_bird, &early.record.id)
            .await,
    );
    assert!(message.contains("revoked"), "{message}");
    let message = precondition(
        identity
            .revoke_invitation(&lead, None, Some(&web.id), &early.record.id)
            .await,
    );
    assert!(message.contains("revoked"), "{message}");
    assert!(
        identity
            .list_orgs(&early_bird, true)
            .await
            .unwrap()
            .is_empty()
    );
    let kinds = audit_kinds(identity, &org.id).await;
    assert!(
        kinds.contains(&"invitation.revoked".to_owned()),
        "{kinds:?}"
    );
    env.close().await;
}
