//! Scenarios of the record service over a real store and real tenancy: writing, reading,
//! paging and deleting, versions, archived projects, validation, and the change events a
//! write leaves. The lifecycle runs on SQLite and on the real PostgreSQL; the rest on SQLite.

use orbit_proto::orbit::system::records::v1::ProjectRecord;
use serde_json::json;

use super::*;
use crate::identity::testkit::Env;
use crate::store::ChangeOp;

/// A store, tenancy, one project with its admin, and the record service.
struct Fixture {
    env: Env,
    admin: RequestContext,
    project: ProjectRecord,
    records: Records,
}

impl Fixture {
    async fn new(env: Env) -> Fixture {
        let admin = env.account("admin@example.org", false).await;
        let org = env.identity.create_org(&admin, "Acme").await.unwrap();
        let project = env
            .identity
            .create_project(&admin, &org.id, "Shop")
            .await
            .unwrap();
        let records = Records::open(&env.store, env.identity.clone())
            .await
            .unwrap();
        Fixture {
            env,
            admin,
            project,
            records,
        }
    }

    fn put(&self, entity: &str, id: &str, data: serde_json::Value) -> PutRecord {
        PutRecord {
            project_id: self.project.id.clone(),
            entity: entity.into(),
            id: id.into(),
            data: object(data),
            expect_version: None,
        }
    }
}

fn object(value: serde_json::Value) -> Map<String, Value> {
    value.as_object().expect("a JSON object").clone()
}

fn invalid_field<T: std::fmt::Debug>(result: Result<T, RecordError>) -> String {
    match result {
        Err(RecordError::InvalidArgument { field, .. }) => field,
        other => panic!("expected InvalidArgument, got {other:?}"),
    }
}

/// Put, get, list page by page, replace, delete; run on both backends.
async fn lifecycle(f: &Fixture) {
    let p = &f.project.id;
    let mut written = Vec::new();
    for n in 0..5 {
        let record = f
            .records
            .put(
                &f.admin,
                f.put("order", &format!("o{n}"), json!({ "n": n })),
            )
            .await
            .unwrap();
        assert_eq!(record.id, format!("o{n}"));
        assert!(record.updated_at_ms > 0);
        written.push(record);
    }
    let generated = f
        .records
        .put(&f.admin, f.put("customer", "", json!({"name": "Ada"})))
        .await
        .unwrap();
    assert!(
        ulid::Ulid::from_string(&generated.id).is_ok(),
        "{}",
        generated.id
    );

    let got = f.records.get(p, "order", "o3").await.unwrap();
    assert_eq!(got, written[3], "a read returns what the write returned");

    let mut ids = Vec::new();
    let mut token = String::new();
    let mut pages = 0;
    loop {
        let page = f.records.list(p, "order", 2, &token).await.unwrap();
        pages += 1;
        assert!(page.records.len() <= 2);
        ids.extend(page.records.iter().map(|r| r.id.clone()));
        if page.next_page_token.is_empty() {
            break;
        }
        token = page.next_page_token;
    }
    assert_eq!(ids, ["o0", "o1", "o2", "o3", "o4"]);
    assert!(pages >= 3, "five records in pages of two take three pages");
    let all = f.records.list(p, "order", 0, "").await.unwrap();
    assert_eq!(all.records, written);
    assert_eq!(all.next_page_token, "", "the default page holds them all");
    let customers = f.records.list(p, "customer", 0, "").await.unwrap();
    assert_eq!(customers.records, vec![generated], "entity types are apart");

    let replaced = f
        .records
        .put(
            &f.admin,
            f.put("order", "o1", json!({"n": 1, "paid": true})),
        )
        .await
        .unwrap();
    assert!(replaced.version > written[1].version);
    assert_eq!(
        f.records.get(p, "order", "o1").await.unwrap().data,
        object(json!({"n": 1, "paid": true}))
    );

    assert!(
        f.records
            .delete(&f.admin, p, "order", "o1", None)
            .await
            .unwrap()
    );
    assert!(
        !f.records
            .delete(&f.admin, p, "order", "o1", None)
            .await
            .unwrap()
    );
    match f.records.get(p, "order", "o1").await {
        Err(RecordError::NotFound { id, entity, .. }) => {
            assert_eq!((entity.as_str(), id.as_str()), ("order", "o1"));
        }
        other => panic!("expected NotFound, got {other:?}"),
    }
    let left = f.records.list(p, "order", 0, "").await.unwrap();
    assert_eq!(left.records.len(), 4);
}

#[tokio::test]
async fn lifecycle_on_sqlite() {
    let f = Fixture::new(Env::sqlite().await).await;
    lifecycle(&f).await;
    f.env.close().await;
}

#[tokio::test]
async fn lifecycle_on_postgres() {
    let f = Fixture::new(Env::postgres().await).await;
    lifecycle(&f).await;
    f.env.close().await;
}

#[tokio::test]
async fn expected_versions_are_enforced() {
    let f = Fixture::new(Env::sqlite().await).await;
    let p = f.project.id.clone();
    let mut create = f.put("task", "t1", json!({"title": "one"}));
    create.expect_version = Some(0);
    let first = f.records.put(&f.admin, create.clone()).await.unwrap();

    match f.records.put(&f.admin, create).await {
        Err(RecordError::Conflict {
            entity, id, found, ..
        }) => {
            assert_eq!((entity.as_str(), id.as_str()), ("task", "t1"));
            assert!(found.contains(&first.version.to_string()), "{found}");
        }
        other => panic!("expected a conflict for an existing record, got {other:?}"),
    }

    let mut stale = f.put("task", "t1", json!({"title": "two"}));
    stale.expect_version = Some(first.version + 1000);
    assert!(matches!(
        f.records.put(&f.admin, stale).await,
        Err(RecordError::Conflict { .. })
    ));
    let mut current = f.put("task", "t1", json!({"title": "two"}));
    current.expect_version = Some(first.version);
    let second = f.records.put(&f.admin, current).await.unwrap();

    let wrong = f
        .records
        .delete(&f.admin, &p, "task", "t1", Some(first.version))
        .await;
    assert!(
        matches!(wrong, Err(RecordError::Conflict { .. })),
        "{wrong:?}"
    );
    assert_eq!(f.records.get(&p, "task", "t1").await.unwrap(), second);
    assert!(
        f.records
            .delete(&f.admin, &p, "task", "t1", Some(second.version))
            .await
            .unwrap()
    );
    f.env.close().await;
}

#[tokio::test]
async fn archived_projects_and_orgs_are_read_only() {
    let f = Fixture::new(Env::sqlite().await).await;
    let p = f.project.id.clone();
    f.records
        .put(&f.admin, f.put("note", "n1", json!({"text": "kept"})))
        .await
        .unwrap();
    f.env
        .identity
        .archive_project(&f.admin, &p, true)
        .await
        .unwrap();

    let refused = f
        .records
        .put(&f.admin, f.put("note", "n2", json!({})))
        .await
        .unwrap_err();
    assert!(
        matches!(&refused, RecordError::Archived { what: "project", id } if *id == p),
        "{refused:?}"
    );
    assert!(refused.to_string().contains(&p), "{refused}");
    let refused = f.records.delete(&f.admin, &p, "note", "n1", None).await;
    assert!(
        matches!(refused, Err(RecordError::Archived { .. })),
        "{refused:?}"
    );
    assert_eq!(
        f.records.get(&p, "note", "n1").await.unwrap().data,
        object(json!({"text": "kept"})),
        "an archived project is still readable"
    );

    f.env
        .identity
        .archive_project(&f.admin, &p, false)
        .await
        .unwrap();
    f.env
        .identity
        .archive_org(&f.admin, &f.project.org_id, true)
        .await
        .unwrap();
    let refused = f
        .records
        .put(&f.admin, f.put("note", "n2", json!({})))
        .await;
    assert!(
        matches!(&refused, Err(RecordError::Archived { what: "org", id }) if *id == f.project.org_id),
        "{refused:?}"
    );
    f.env.close().await;
}

#[tokio::test]
async fn invalid_requests_name_the_field() {
    let f = Fixture::new(Env::sqlite().await).await;
    let p = f.project.id.clone();
    let put = |entity: &str, id: &str| f.records.put(&f.admin, f.put(entity, id, json!({})));

    assert_eq!(invalid_field(put("", "a").await), "entity");
    assert_eq!(invalid_field(put("Order", "a").await), "entity");
    assert_eq!(invalid_field(put("1order", "a").await), "entity");
    assert_eq!(invalid_field(put("or-der", "a").await), "entity");
    assert_eq!(invalid_field(put(&"e".repeat(65), "a").await), "entity");
    assert!(put(&"e".repeat(64), "a").await.is_ok());
    assert!(put("order_line2", "a").await.is_ok());

    assert_eq!(invalid_field(put("order", "a/b").await), "id");
    assert_eq!(invalid_field(put("order", "a b").await), "id");
    assert_eq!(invalid_field(put("order", &"i".repeat(129)).await), "id");
    assert!(put("order", &"i".repeat(128)).await.is_ok());
    assert!(put("order", "A.b_c-9").await.is_ok());

    let mut elsewhere = f.put("order", "a", json!({}));
    elsewhere.project_id = "../other".into();
    assert_eq!(
        invalid_field(f.records.put(&f.admin, elsewhere).await),
        "project_id"
    );
    let unknown = f.put("order", "a", json!({}));
    let unknown = PutRecord {
        project_id: "01NOSUCHPROJECT".into(),
        ..unknown
    };
    assert!(matches!(
        f.records.put(&f.admin, unknown).await,
        Err(RecordError::Identity(
            crate::identity::IdentityError::NotFound { .. }
        ))
    ));

    let big = json!({ "blob": "x".repeat(MAX_DATA_BYTES) });
    let error = f
        .records
        .put(&f.admin, f.put("order", "big", big))
        .await
        .unwrap_err();
    assert!(
        error.to_string().starts_with("invalid data: ") && error.to_string().contains("limit"),
        "{error}"
    );

    assert_eq!(
        invalid_field(f.records.list(&p, "order", 10, "a/b").await),
        "page_token"
    );
    assert_eq!(invalid_field(f.records.get(&p, "order", "").await), "id");
    assert_eq!(
        invalid_field(f.records.delete(&f.admin, &p, "order", "a", Some(0)).await),
        "expect_version"
    );
    let capped = f.records.list(&p, "order", 5000, "").await.unwrap();
    assert!(capped.records.len() <= MAX_PAGE_SIZE as usize);
    f.env.close().await;
}

#[tokio::test]
async fn change_events_carry_the_scope_and_the_request_id() {
    let f = Fixture::new(Env::sqlite().await).await;
    let p = f.project.id.clone();
    let written = f
        .records
        .put(&f.admin, f.put("order", "o1", json!({"total": 12.5})))
        .await
        .unwrap();
    f.env
        .identity
        .set_project_federation(&f.admin, &p, true)
        .await
        .unwrap();
    let mut other_call = f.admin.clone();
    other_call.request_id = "req-delete-1".into();
    f.records
        .delete(&other_call, &p, "order", "o1", None)
        .await
        .unwrap();

    let events = f.records.database().changes(0, 100).await.unwrap();
    assert_eq!(events.len(), 2, "{events:?}");
    let (put, delete) = (&events[0], &events[1]);
    let scope = EventScope {
        org_id: f.project.org_id.clone(),
        project_id: p.clone(),
        entity: "order".into(),
        federated: false,
    };
    assert_eq!(put.op, ChangeOp::Put);
    assert_eq!(put.seq, written.version);
    assert_eq!(put.keyspace, "order");
    assert_eq!(put.key, format!("{p}/o1").into_bytes());
    assert_eq!(put.scope.as_ref(), Some(&scope));
    assert_eq!(
        put.correlation_id.as_deref(),
        Some(f.admin.request_id.as_str())
    );
    let value = StoredValue::decode(put.value.as_deref().expect("a put has a value")).unwrap();
    assert_eq!(value.data, object(json!({"total": 12.5})));
    assert_eq!(value.updated_at_ms, written.updated_at_ms);

    assert_eq!(delete.op, ChangeOp::Delete);
    assert_eq!(
        delete.scope.as_ref(),
        Some(&EventScope {
            federated: true,
            ..scope
        }),
        "a federated project's events say so"
    );
    assert_eq!(delete.correlation_id.as_deref(), Some("req-delete-1"));
    f.env.close().await;
}

/// Flips one byte of the sealed value of `key` in `table` (`orbit_records` or
/// `orbit_outbox`) of database `records`, as a disk fault or an intruder would.
fn tamper(store: &Store, table: &str, keyspace: &str, key: &str) {
    let conn = rusqlite::Connection::open(store.location()).expect("open the SQLite file");
    let value: Vec<u8> = conn
        .query_row(
            &format!(
                "SELECT value FROM {table} WHERE db = 'records' AND keyspace = ?1 AND key = ?2"
            ),
            rusqlite::params![keyspace, key.as_bytes()],
            |row| row.get(0),
        )
        .expect("the row exists");
    let mut value = value;
    let last = value.len() - 1;
    value[last] ^= 0x01;
    let changed = conn
        .execute(
            &format!(
                "UPDATE {table} SET value = ?1 WHERE db = 'records' AND keyspace = ?2 AND key = ?3"
            ),
            rusqlite::params![value, keyspace, key.as_bytes()],
        )
        .expect("tamper");
    assert!(changed >= 1);
}

/// One record whose value was altered on disk: a list names it and lists the others (on
/// every page size), reading it alone is an integrity error naming database, keyspace, key.
#[tokio::test]
async fn a_damaged_record_is_reported_and_its_neighbours_listed() {
    let f = Fixture::new(Env::sqlite().await).await;
    let p = f.project.id.clone();
    for id in ["a", "b", "c"] {
        f.records
            .put(&f.admin, f.put("thing", id, json!({"id": id})))
            .await
            .unwrap();
    }
    tamper(&f.env.store, "orbit_records", "thing", &format!("{p}/b"));

    let page = f.records.list(&p, "thing", 0, "").await.unwrap();
    let ids: Vec<&str> = page.records.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["a", "c"]);
    assert_eq!(page.damaged.len(), 1, "{page:?}");
    assert_eq!(page.damaged[0].id, "b");
    assert_eq!(page.damaged[0].entity, "thing");
    assert!(
        page.damaged[0].reason.contains("cannot be opened"),
        "{page:?}"
    );
    assert_eq!(page.next_page_token, "");

    // A page that ends on the damaged record still leads to the next one.
    let first = f.records.list(&p, "thing", 2, "").await.unwrap();
    assert_eq!(first.records.len(), 1);
    assert_eq!(first.damaged.len(), 1);
    assert_eq!(first.next_page_token, "b");
    let second = f.records.list(&p, "thing", 2, "b").await.unwrap();
    assert_eq!(second.records[0].id, "c");
    assert!(second.damaged.is_empty());

    match f.records.get(&p, "thing", "b").await {
        Err(RecordError::Store(StoreError::Integrity {
            database,
            keyspace,
            key,
            ..
        })) => {
            assert_eq!(database, "records");
            assert_eq!(keyspace, "thing");
            assert_eq!(key, format!("{p}/b"));
        }
        other => panic!("expected an integrity error, got {other:?}"),
    }
    assert_eq!(f.records.get(&p, "thing", "c").await.unwrap().id, "c");

    // The change log reports the damaged event when asked to, and fails a plain read.
    tamper(&f.env.store, "orbit_outbox", "thing", &format!("{p}/b"));
    let db = f.records.database();
    let page = db.changes_reporting_damage(0, 100, |_| true).await.unwrap();
    assert_eq!(page.events.len(), 2);
    assert_eq!(page.damaged.len(), 1);
    assert_eq!(page.damaged[0].seq, page.events[0].seq + 1);
    assert_eq!(page.damaged[0].key, format!("{p}/b").into_bytes());
    assert!(matches!(
        db.changes(0, 100).await,
        Err(StoreError::Integrity { .. })
    ));
    f.env.close().await;
}
