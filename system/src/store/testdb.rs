//! Test support shared by every test that runs against the real PostgreSQL: where it is, a
//! fresh schema per test, reading back every stored byte (to prove nothing is plaintext) and
//! dropping the schema afterwards. Compiled for tests only.

use sqlx::Row;

/// The PostgreSQL the tests use: `ORBIT_TEST_POSTGRES_URL`, by default the local `test`
/// database.
pub(crate) fn pg_url() -> String {
    std::env::var("ORBIT_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into())
}

/// A schema name no other test uses: `<prefix>_<ulid>`.
pub(crate) fn fresh_schema(prefix: &str) -> String {
    format!("{prefix}_{}", ulid::Ulid::new().to_string().to_lowercase())
}

/// Every row of the store's tables in `schema`, as text bytes: what someone holding the
/// database sees.
pub(crate) async fn postgres_bytes(schema: &str) -> Vec<u8> {
    let pool = sqlx::PgPool::connect(&pg_url())
        .await
        .expect("postgres reachable");
    let mut bytes = Vec::new();
    for table in [
        "orbit_records",
        "orbit_outbox",
        "orbit_keys",
        "orbit_instance",
    ] {
        let rows = sqlx::query(&format!(
            "SELECT convert_to(t::text, 'UTF8') AS row FROM {schema}.{table} t"
        ))
        .fetch_all(&pool)
        .await
        .expect("read rows");
        for row in rows {
            bytes.extend(row.get::<Vec<u8>, _>("row"));
        }
    }
    pool.close().await;
    bytes
}

/// Drops `schema` and everything in it, and the schemas of module databases beside it
/// (`<schema>_<name>`).
pub(crate) async fn drop_schema(schema: &str) {
    let pool = sqlx::PgPool::connect(&pg_url())
        .await
        .expect("postgres reachable");
    let beside: Vec<String> =
        sqlx::query_scalar("SELECT nspname::text FROM pg_namespace WHERE starts_with(nspname, $1)")
            .bind(format!("{schema}_"))
            .fetch_all(&pool)
            .await
            .expect("list schemas");
    for schema in beside.iter().map(String::as_str).chain([schema]) {
        sqlx::query(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"))
            .execute(&pool)
            .await
            .expect("drop schema");
    }
    pool.close().await;
}
