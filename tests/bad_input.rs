//! Refused starts: every bad input ends `orbit` with a non-zero exit and one `error: …` line
//! on stderr that names the cause and what to do, and leaves the data directory exactly as it
//! was (byte for byte), or not created at all.

use std::os::unix::fs::PermissionsExt;
use std::process::Command;

use crate::common::{TestDir, assert_refused, closed_port, run};

/// Runs `command`, expects a refusal naming `needles`, and checks the data is untouched.
fn refused_without_change(dir: &TestDir, command: Command, needles: &[&str]) -> String {
    let before = dir.snapshot();
    let output = run(command);
    let line = assert_refused(&output, needles);
    assert_eq!(
        dir.snapshot(),
        before,
        "the data directory changed after: {line}"
    );
    line
}

#[tokio::test]
async fn wrong_passphrase_is_refused_and_changes_nothing() {
    let dir = TestDir::new();
    dir.create_instance(|c| {
        c.env("ORBIT_PASSPHRASE", "correct horse battery staple");
    })
    .await;
    for args in [
        &["serve", "--listen", "127.0.0.1:0"][..],
        &["keys", "status"],
        &["keys", "rotate"],
    ] {
        let mut command = dir.orbit();
        command.args(args).env("ORBIT_PASSPHRASE", "wrong horse");
        refused_without_change(&dir, command, &["wrong passphrase", "ORBIT_PASSPHRASE"]);
    }

    // The same through a passphrase file, and a file that does not exist.
    let file = dir.path().join("passphrase");
    std::fs::write(&file, "wrong horse\n").unwrap();
    let mut command = dir.serve();
    command.env("ORBIT_PASSPHRASE_FILE", &file);
    refused_without_change(&dir, command, &["wrong passphrase"]);
    let mut command = dir.serve();
    command.env("ORBIT_PASSPHRASE_FILE", dir.path().join("no-such-file"));
    refused_without_change(
        &dir,
        command,
        &["passphrase file", "no-such-file", "fix the path"],
    );

    // Without a passphrase the instance is not opened with a key file either.
    refused_without_change(&dir, dir.serve(), &["passphrase"]);
}

#[tokio::test]
async fn missing_key_file_is_refused_and_changes_nothing() {
    let dir = TestDir::new();
    dir.create_instance(|_| {}).await;
    let key_file = dir.data().join("instance.key");
    std::fs::remove_file(&key_file).unwrap();
    let line = refused_without_change(
        &dir,
        dir.serve(),
        &["instance.key", "missing", "restore the key file"],
    );
    assert!(!key_file.exists(), "a new key file was created: {line}");
}

#[tokio::test]
async fn unreadable_key_file_is_refused_and_changes_nothing() {
    let dir = TestDir::new();
    dir.create_instance(|_| {}).await;
    let key_file = dir.data().join("instance.key");
    // Tests may run as root, who reads any file: a folder in the key file's place cannot be read
    // by anyone.
    let real = dir.path().join("instance.key.saved");
    std::fs::rename(&key_file, &real).unwrap();
    std::fs::create_dir(&key_file).unwrap();
    std::fs::set_permissions(&key_file, std::fs::Permissions::from_mode(0o700)).unwrap();
    refused_without_change(
        &dir,
        dir.serve(),
        &["key file", "instance.key", "cannot read", "ORBIT_KEY_FILE"],
    );

    // A key file that holds something else than a key.
    let mut command = dir.serve();
    let garbage = dir.path().join("garbage.key");
    std::fs::write(&garbage, "not a key\n").unwrap();
    std::fs::set_permissions(&garbage, std::fs::Permissions::from_mode(0o600)).unwrap();
    command.env("ORBIT_KEY_FILE", &garbage);
    refused_without_change(&dir, command, &["garbage.key", "64 hexadecimal"]);
}

#[tokio::test]
async fn key_file_with_loose_permissions_is_refused_and_changes_nothing() {
    let dir = TestDir::new();
    dir.create_instance(|_| {}).await;
    let key_file = dir.data().join("instance.key");
    std::fs::set_permissions(&key_file, std::fs::Permissions::from_mode(0o644)).unwrap();
    refused_without_change(&dir, dir.serve(), &["instance.key", "0644", "chmod 600"]);
}

#[tokio::test]
async fn corrupt_database_file_is_refused_and_changes_nothing() {
    let dir = TestDir::new();
    dir.create_instance(|_| {}).await;
    let db = dir.data().join("orbit.db");
    let size = std::fs::metadata(&db).unwrap().len() as usize;
    let garbage: Vec<u8> = (0..size).map(|i| (i * 7 + 13) as u8).collect();
    std::fs::write(&db, garbage).unwrap();
    for sidecar in ["orbit.db-wal", "orbit.db-shm"] {
        let _ = std::fs::remove_file(dir.data().join(sidecar));
    }
    refused_without_change(&dir, dir.serve(), &["orbit.db", "corrupt", "backup"]);
}

#[tokio::test]
async fn unreachable_postgres_is_named_without_its_password() {
    let dir = TestDir::new();
    let port = closed_port();
    let mut command = dir.serve();
    command.args([
        "--store",
        &format!("postgres://orbit:hunter2@127.0.0.1:{port}/orbit"),
    ]);
    let line = refused_without_change(&dir, command, &[&format!("127.0.0.1:{port}"), "PostgreSQL"]);
    assert!(!line.contains("hunter2"), "the password leaked: {line}");
    assert!(dir.snapshot().is_none(), "nothing may be created: {line}");
}

#[tokio::test]
async fn port_in_use_is_refused_before_anything_is_created() {
    let dir = TestDir::new();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let mut command = dir.orbit();
    command.args(["serve", "--listen", &addr]);
    refused_without_change(&dir, command, &[&addr, "--listen"]);
    assert!(dir.snapshot().is_none(), "the data directory was created");
}

#[tokio::test]
async fn bad_configuration_values_are_refused_before_anything_is_created() {
    let dir = TestDir::new();
    let config = dir.path().join("orbit.toml");
    std::fs::write(&config, "listn = \"127.0.0.1:1\"\n").unwrap();
    let no_such_cert = dir.path().join("no-such-cert.pem");
    let cert = no_such_cert.display().to_string();

    type Case<'a> = (&'a str, Vec<String>, Vec<(&'a str, &'a str)>, Vec<&'a str>);
    let cases: Vec<Case<'_>> = vec![
        (
            "listen flag",
            vec!["serve".into(), "--listen".into(), "nonsense".into()],
            vec![],
            vec!["listen address", "nonsense", "HOST:PORT"],
        ),
        (
            "listen env",
            vec!["serve".into()],
            vec![("ORBIT_LISTEN", "nonsense")],
            vec!["ORBIT_LISTEN", "HOST:PORT"],
        ),
        (
            "log format env",
            vec!["serve".into()],
            vec![("ORBIT_LOG_FORMAT", "xml")],
            vec!["xml", "human", "json"],
        ),
        (
            "log filter env",
            vec!["--log-format".into(), "json".into(), "serve".into()],
            vec![("ORBIT_LOG", "not==a filter")],
            vec!["log filter"],
        ),
        (
            "unknown setting in the file",
            vec![
                "--config".into(),
                config.display().to_string(),
                "serve".into(),
            ],
            vec![],
            vec!["listn", "orbit.toml"],
        ),
        (
            "missing config file",
            vec![
                "--config".into(),
                "/no/such/orbit.toml".into(),
                "serve".into(),
            ],
            vec![],
            vec!["/no/such/orbit.toml", "--config"],
        ),
        (
            "tls cert missing",
            vec![
                "serve".into(),
                "--listen".into(),
                "127.0.0.1:0".into(),
                "--tls-cert".into(),
                cert.clone(),
                "--tls-key".into(),
                cert.clone(),
            ],
            vec![],
            vec!["tls_cert", "no-such-cert.pem", "fix the path"],
        ),
        (
            "tls cert without key",
            vec!["serve".into()],
            vec![("ORBIT_TLS_CERT", "/x.pem")],
            vec!["tls_key", "ORBIT_TLS_CERT"],
        ),
        (
            "unknown store",
            vec!["serve".into(), "--store".into(), "mysql://u:pw@h/db".into()],
            vec![],
            vec!["store", "mysql", "postgres://"],
        ),
        (
            "smtp url flag",
            vec!["serve".into(), "--smtp-url".into(), "http://mail".into()],
            vec![],
            vec!["invalid smtp_url", "--smtp-url", "scheme", "smtp://"],
        ),
        (
            "smtp url with a password",
            vec!["serve".into()],
            vec![("ORBIT_SMTP_URL", "smtps://u:pw@mail.example.com")],
            vec!["invalid smtp_url", "ORBIT_SMTP_URL", "ORBIT_SMTP_PASSWORD"],
        ),
        (
            "mail from",
            vec![
                "serve".into(),
                "--smtp-url".into(),
                "smtp://127.0.0.1:25".into(),
                "--mail-from".into(),
                "not an address".into(),
            ],
            vec![],
            vec!["invalid mail_from", "--mail-from"],
        ),
    ];
    for (name, args, env, needles) in cases {
        let mut command = dir.orbit();
        command.args(&args);
        for (key, value) in env {
            command.env(key, value);
        }
        let output = run(command);
        let line = assert_refused(&output, &needles);
        assert!(
            dir.snapshot().is_none(),
            "{name}: the data directory was created: {line}"
        );
        assert!(
            !line.contains("pw@"),
            "{name}: a store URL was echoed: {line}"
        );
    }

    // A TLS key that is not PEM: checked before the port is bound or the store opened.
    let not_pem = dir.path().join("not-pem.pem");
    std::fs::write(&not_pem, "hello").unwrap();
    let mut command = dir.serve();
    command
        .arg("--tls-cert")
        .arg(&not_pem)
        .arg("--tls-key")
        .arg(&not_pem);
    refused_without_change(&dir, command, &["TLS", "PEM"]);
    assert!(dir.snapshot().is_none());
}
