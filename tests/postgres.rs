//! The same binary on PostgreSQL: `orbit serve --store postgres://… --store-schema …` serves,
//! rotates keys and stops cleanly. Uses the PostgreSQL at `ORBIT_TEST_POSTGRES_URL` (default
//! `postgres://postgres@127.0.0.1:5432/test`), each run in its own schema, dropped at the end.
//! Like the store's own suite, it is required, not skipped.

use orbit_proto::orbit::system::v1::GetInstanceInfoRequest;
use orbit_proto::orbit::system::v1::system_service_client::SystemServiceClient;

use crate::common::postgres::SchemaGuard;
use crate::common::{Server, TestDir, run};

#[tokio::test]
async fn serve_and_rotate_on_postgres() {
    let dir = TestDir::new();
    let guard = SchemaGuard::new();
    let store_args = guard.store_args();
    let mut server = Server::start(guard.serve(&dir)).await;
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
