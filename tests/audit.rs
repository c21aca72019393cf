//! The audit log through the binary: key rotation is audited, `orbit audit verify` passes
//! on an intact log and fails, naming the entry, once an entry is removed behind Orbit's back.

use crate::common::{TestDir, assert_refused, run};

fn verify(dir: &TestDir) -> std::process::Output {
    let mut command = dir.orbit();
    command.args(["audit", "verify"]);
    run(command)
}

#[tokio::test]
async fn verify_passes_when_intact_and_names_a_removed_entry() {
    let dir = TestDir::new();
    dir.create_instance(|_| {}).await;
    for _ in 0..3 {
        let mut command = dir.orbit();
        command.args(["keys", "rotate"]);
        let output = run(command);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let output = verify(&dir);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains("intact") && stdout.contains("3 entries"),
        "{stdout}"
    );

    // An attacker with file access deletes the second entry's row.
    let url = format!("sqlite://{}", dir.data().join("orbit.db").display());
    let pool = sqlx::SqlitePool::connect(&url)
        .await
        .expect("open the database file");
    let deleted = sqlx::query(
        "DELETE FROM orbit_records WHERE db = 'system' AND keyspace = 'audit' AND key = ?",
    )
    .bind(format!("{:020}", 2).into_bytes())
    .execute(&pool)
    .await
    .expect("delete an audit row");
    assert_eq!(deleted.rows_affected(), 1);
    pool.close().await;

    let output = verify(&dir);
    assert_refused(&output, &["audit log broken", "entry 2 is missing"]);
}
