//! The real PostgreSQL for end-to-end tests: its URL (`ORBIT_TEST_POSTGRES_URL`, default
//! `postgres://postgres@127.0.0.1:5432/test`), a fresh schema per test, dropped at the end
//! even when the test fails, and `orbit serve` on it.

use std::process::Command;

use super::TestDir;

/// The PostgreSQL the tests use.
pub(crate) fn postgres_url() -> String {
    std::env::var("ORBIT_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into())
}

/// A fresh schema, dropped (with everything in it) when the guard is.
pub(crate) struct SchemaGuard {
    pub(crate) url: String,
    pub(crate) schema: String,
}

impl SchemaGuard {
    pub(crate) fn new() -> SchemaGuard {
        SchemaGuard {
            url: postgres_url(),
            schema: format!("orbit_e2e_{}", rand::random::<u32>()),
        }
    }

    /// `--store <url> --store-schema <schema>`.
    pub(crate) fn store_args(&self) -> [&str; 4] {
        ["--store", &self.url, "--store-schema", &self.schema]
    }

    /// `orbit serve` on a free loopback port, storing in this schema.
    pub(crate) fn serve(&self, dir: &TestDir) -> Command {
        let mut command = dir.orbit();
        command
            .args(self.store_args())
            .args(["serve", "--listen", "127.0.0.1:0"]);
        command
    }
}

impl Drop for SchemaGuard {
    fn drop(&mut self) {
        let (url, schema) = (self.url.clone(), self.schema.clone());
        // Drop runs inside the test's runtime: clean up on a thread with its own.
        let _ = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async {
                if let Ok(pool) = sqlx::PgPool::connect(&url).await {
                    // Module databases live in schemas of their own beside it.
                    let beside: Vec<String> = sqlx::query_scalar(
                        "SELECT nspname::text FROM pg_namespace WHERE starts_with(nspname, $1)",
                    )
                    .bind(format!("{schema}_"))
                    .fetch_all(&pool)
                    .await
                    .unwrap_or_default();
                    for schema in beside.iter().map(String::as_str).chain([schema.as_str()]) {
                        let _ = sqlx::query(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"))
                            .execute(&pool)
                            .await;
                    }
                    pool.close().await;
                }
            });
        })
        .join();
    }
}
