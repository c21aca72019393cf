//! Key rotation through the binary: `orbit keys rotate --wait` re-encrypts everything at
//! once, plain `orbit keys rotate` leaves it to the running server's background worker, and
//! `orbit keys status` shows the result (`SystemService.GetKeyStatus` needs a sys-admin).

use std::time::{Duration, Instant};

use orbit_proto::orbit::system::v1::GetKeyStatusRequest;
use orbit_proto::orbit::system::v1::system_service_client::SystemServiceClient;
use orbit_system::store::Transaction;

use crate::common::{Server, TestDir, run};

/// Records written before rotating: more than one re-encryption batch.
const RECORDS: usize = 1_200;

/// Creates an instance with [`RECORDS`] records in database `e2e` (while no server runs).
async fn seed(dir: &TestDir) {
    dir.create_instance(|_| {}).await;
    let store = dir.open_store().await;
    let db = store.database("e2e").await.unwrap();
    let mut txn = Transaction::new();
    for i in 0..RECORDS {
        txn = txn.put("notes", format!("note-{i:05}"), format!("value {i}"));
    }
    db.commit(txn).await.unwrap();
    store.close().await;
}

/// `SystemService.GetKeyStatus` is declared sys-admin: an anonymous caller is refused by
/// the auth layer, naming the role it needs (sign-in arrives with accounts).
async fn assert_key_status_needs_sign_in(server: &Server) {
    let status = SystemServiceClient::new(server.channel().await)
        .get_key_status(GetKeyStatusRequest {})
        .await
        .expect_err("GetKeyStatus is not anonymous");
    assert_eq!(status.code(), tonic::Code::Unauthenticated, "{status:?}");
    assert!(status.message().contains("sys-admin"), "{status:?}");
}

/// `(database, key version, pending)` parsed from `orbit keys status`.
fn cli_key_status(dir: &TestDir) -> Vec<(String, u32, u64)> {
    let mut command = dir.orbit();
    command.args(["keys", "status"]);
    let output = run(command);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "keys status failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut lines = stdout.lines();
    let header = lines.next().expect("a header");
    assert!(
        header.starts_with("DATABASE")
            && header.contains("KEY VERSION")
            && header.contains("PENDING"),
        "{stdout}"
    );
    let mut rows: Vec<_> = lines
        .map(|line| {
            let cells: Vec<&str> = line.split_whitespace().collect();
            assert_eq!(cells.len(), 3, "{line}");
            (
                cells[0].to_owned(),
                cells[1].parse().unwrap(),
                cells[2].parse().unwrap(),
            )
        })
        .collect();
    rows.sort();
    rows
}

async fn assert_records_read_back(dir: &TestDir) {
    let store = dir.open_store().await;
    let db = store.database("e2e").await.unwrap();
    for i in [0, RECORDS / 2, RECORDS - 1] {
        let record = db
            .get("notes", format!("note-{i:05}").as_bytes())
            .await
            .unwrap()
            .expect("record");
        assert_eq!(record.value, format!("value {i}").into_bytes());
    }
    store.close().await;
}

#[tokio::test]
async fn rotate_wait_re_encrypts_everything_while_the_server_runs() {
    let dir = TestDir::new();
    seed(&dir).await;
    let mut server = Server::start(dir.serve()).await;
    assert_key_status_needs_sign_in(&server).await;
    let before = cli_key_status(&dir);
    // The server opens its own databases (system, records, those of the CDC views) beside
    // the seeded one; every database is listed and every one is rotated.
    let names: Vec<String> = before.iter().map(|(name, _, _)| name.clone()).collect();
    for name in ["e2e", "records", "system"] {
        assert!(
            names.iter().any(|n| n == name),
            "{name} missing: {before:?}"
        );
    }
    let at_version = |version: u32| -> Vec<(String, u32, u64)> {
        names
            .iter()
            .map(|name| (name.clone(), version, 0))
            .collect()
    };
    assert_eq!(before, at_version(1));

    let mut command = dir.orbit();
    command.args(["keys", "rotate", "--wait"]);
    let output = run(command);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "rotate failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains("re-encrypted"),
        "progress is printed: {stdout}"
    );
    assert!(stdout.contains("done"), "{stdout}");

    assert_eq!(cli_key_status(&dir), at_version(2));

    assert_eq!(
        server.stop("TERM").await.code(),
        Some(0),
        "{}",
        server.logs()
    );
    assert_records_read_back(&dir).await;
}

#[tokio::test]
async fn rotate_without_wait_is_finished_by_the_server_in_the_background() {
    let dir = TestDir::new();
    seed(&dir).await;
    let mut server = Server::start(dir.serve()).await;

    let mut command = dir.orbit();
    command.args(["keys", "rotate"]);
    let output = run(command);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "rotate failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("background"), "{stdout}");

    let deadline = Instant::now() + Duration::from_secs(60);
    let mut status = cli_key_status(&dir);
    while status
        .iter()
        .any(|(_, version, pending)| *version != 2 || *pending != 0)
    {
        assert!(
            Instant::now() < deadline,
            "background re-encryption did not finish: {status:?}\n{}",
            server.logs()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
        status = cli_key_status(&dir);
    }
    server.wait_for_log("re-encryption finished").await;

    assert_eq!(
        server.stop("TERM").await.code(),
        Some(0),
        "{}",
        server.logs()
    );
    assert_records_read_back(&dir).await;
}
