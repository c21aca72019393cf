//! The same binary on PostgreSQL: `orbit serve --store postgres://… --store-schema …` serves,
//! rotates keys and stops cleanly. Uses the PostgreSQL at `ORBIT_TEST_POSTGRES_URL` (default
//! `postgres://postgres@127.0.0.1:5432/test`), each run in its own schema, dropped at the end.
//! Like the store's own suite, it is required, not skipped.

use orbit_proto::orbit::system::v1::GetInstanceInfoRequest;
use orbit_proto::orbit::system::v1::system_service_client::SystemServiceClient;

use crate::common::{Server, TestDir, run};

fn postgres_url() -> String {
    std::env::var("ORBIT_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into())
}

/// Drops the test's schema, even when the test fails.
struct SchemaGuard {
    url: String,
    schema: String,
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
                    let _ = sqlx::query(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"))
                        .execute(&pool)
                        .await;
                    pool.close().await;
                }
            });
        })
        .join();
    }
}

#[tokio::test]
async fn serve_and_rotate_on_postgres() {
    let dir = TestDir::new();
    let url = postgres_url();
    let schema = format!("orbit_e2e_{}", rand::random::<u32>());
    let _guard = SchemaGuard {
        url: url.clone(),
        schema: schema.clone(),
    };
    let store_args = ["--store", url.as_str(), "--store-schema", schema.as_str()];

    let mut command = dir.orbit();
    command
        .args(store_args)
        .args(["serve", "--listen", "127.0.0.1:0"]);
    let mut server = Server::start(command).await;
    let info = SystemServiceClient::new(server.channel().await)
        .get_instance_info(GetInstanceInfoRequest {})
        .await
        .expect("GetInstanceInfo")
        .into_inner()
        .info
        .expect("info");
    assert_eq!(info.store_backend, "postgres");

    let mut command = dir.orbit();
    command.args(store_args).args(["keys", "rotate", "--wait"]);
    let output = run(command);
    assert!(
        output.status.success(),
        "rotate failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );

    let mut command = dir.orbit();
    command.args(store_args).args(["keys", "status"]);
    let output = run(command);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "keys status failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let system = stdout
        .lines()
        .find(|line| line.split_whitespace().next() == Some("system"))
        .unwrap_or_else(|| panic!("the system database in {stdout}"));
    let columns: Vec<&str> = system.split_whitespace().collect();
    assert_eq!(&columns[1..3], ["2", "0"], "{stdout}");

    assert_eq!(
        server.stop("TERM").await.code(),
        Some(0),
        "{}",
        server.logs()
    );
}
