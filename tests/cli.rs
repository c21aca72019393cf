//! The CLI that reflects the gRPC API, end to end: every RPC of the descriptor set is an
//! `orbit <service> <method>` command that reaches a real `orbit serve`; log-in, whoami and
//! log-out keep their credentials (mode 0600) under `ORBIT_CONFIG_HOME`; an expired or
//! refused access token is refreshed transparently; profiles; JSON input; table output
//! (snapshot); a watch printing events live; completions; exit codes; bad input as one line.

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use prost_reflect::DescriptorPool;
use serde_json::Value;

use crate::common::{PATIENCE, Server, TestDir, closed_port, run};

const PASSWORD: &str = "cli-test-password-7f3a";

/// A running server and a config home for the CLI.
struct Fixture {
    dir: TestDir,
    server: Server,
}

impl Fixture {
    async fn start() -> Fixture {
        let dir = TestDir::new();
        let server = Server::start(dir.serve()).await;
        Fixture { dir, server }
    }

    fn home(&self) -> PathBuf {
        self.dir.path().join("config")
    }

    /// `orbit ARGS` with the fixture's config home (and no server flag).
    fn orbit(&self, args: &[&str]) -> Command {
        let mut command = self.dir.orbit();
        command.env("ORBIT_CONFIG_HOME", self.home()).args(args);
        command
    }

    /// `orbit ARGS --server URL`, run to its end.
    fn call(&self, args: &[&str]) -> Output {
        let mut command = self.orbit(args);
        command.args(["--server", &self.server.url()]);
        run(command)
    }

    /// Like [`Fixture::call`], asserting success; returns stdout as JSON.
    fn json(&self, args: &[&str]) -> Value {
        let output = self.call(args);
        assert_ok(&output, args);
        serde_json::from_slice(&output.stdout)
            .unwrap_or_else(|e| panic!("{args:?} printed no JSON ({e}): {}", text(&output.stdout)))
    }

    /// Signs `email` up through the CLI and logs it in on the default profile.
    fn sign_up_and_log_in(&self, email: &str) {
        self.json(&[
            "account",
            "sign-up",
            "--email",
            email,
            "--password",
            PASSWORD,
            "--display-name",
            "Test Person",
        ]);
        self.log_in(email);
    }

    fn log_in(&self, email: &str) {
        let mut command = self.orbit(&["login", "--email", email, "--server", &self.server.url()]);
        let output = run_with_stdin(&mut command, &format!("{PASSWORD}\n"));
        assert_ok(&output, &["login"]);
        assert!(
            text(&output.stdout).contains(email),
            "{}",
            text(&output.stdout)
        );
    }

    fn credentials(&self) -> toml::Table {
        let text = std::fs::read_to_string(self.home().join("credentials.toml")).unwrap();
        text.parse().unwrap()
    }

    fn default_login(&self) -> toml::Table {
        self.credentials()["profiles"]["default"]
            .as_table()
            .unwrap()
            .clone()
    }

    fn write_default_login(&self, login: toml::Table) {
        let mut credentials = self.credentials();
        credentials["profiles"]
            .as_table_mut()
            .unwrap()
            .insert("default".into(), toml::Value::Table(login));
        std::fs::write(
            self.home().join("credentials.toml"),
            toml::to_string(&credentials).unwrap(),
        )
        .unwrap();
    }

    /// Creates an org and a project as the logged-in account; returns their ids.
    fn tenant(&self) -> (String, String) {
        let org = self.json(&["org", "create-org", "--name", "CLI org"]);
        let org_id = org["org"]["id"].as_str().unwrap().to_owned();
        let project = self.json(&[
            "project",
            "create-project",
            "--org-id",
            &org_id,
            "--name",
            "CLI project",
        ]);
        let project_id = project["project"]["id"].as_str().unwrap().to_owned();
        (org_id, project_id)
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn assert_ok(output: &Output, what: &[&str]) {
    assert!(
        output.status.success(),
        "{what:?} failed with {}: {}{}",
        output.status,
        text(&output.stderr),
        text(&output.stdout)
    );
}

/// Asserts exit `code` and one `error: …` line on stderr containing every needle.
fn assert_error(output: &Output, code: i32, needles: &[&str]) -> String {
    let stderr = text(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(code),
        "stderr: {stderr}\nstdout: {}",
        text(&output.stdout)
    );
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "one line expected on stderr:\n{stderr}");
    assert!(lines[0].starts_with("error: "), "{}", lines[0]);
    for needle in needles {
        assert!(
            lines[0].contains(needle),
            "{needle:?} missing from {}",
            lines[0]
        );
    }
    lines[0].to_owned()
}

fn run_with_stdin(command: &mut Command, input: &str) -> Output {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start orbit");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().expect("orbit runs")
}

/// The naming rule: `ApiKeyService` → `api-key`, `PostMessage` → `post-message`.
fn kebab(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread")]
async fn every_rpc_is_a_command_that_reaches_the_server() {
    let fixture = Fixture::start().await;
    let pool = DescriptorPool::decode(orbit_proto::FILE_DESCRIPTOR_SET).unwrap();
    let mut count = 0;
    for service in pool.services() {
        if !service.full_name().starts_with("orbit.")
            || orbit_proto::is_storage_file(service.parent_file().name())
        {
            continue;
        }
        let service_name = kebab(service.name().trim_end_matches("Service"));
        for method in service.methods() {
            count += 1;
            let method_name = kebab(method.name());
            let args = [service_name.as_str(), method_name.as_str()];
            let help = run(fixture.orbit(&[&service_name, &method_name, "--help"]));
            assert_ok(&help, &args);
            let help = text(&help.stdout);
            assert!(help.contains("Requires:"), "{args:?} help: {help}");
            assert!(help.contains(&format!("/{}/{}", service.full_name(), method.name())));
            // No token: every call is answered by the server (its exit code is 0, 4 or 64+N
            // for a status other than UNAVAILABLE), never a usage error.
            let output = fixture.call(&args);
            let code = output.status.code().unwrap();
            assert!(
                code == 0 || code == 4 || (code > 64 && code != 78),
                "{args:?} exited {code}: {}",
                text(&output.stderr)
            );
            if code != 0 {
                assert_eq!(text(&output.stderr).lines().count(), 1, "{args:?}");
            }
        }
    }
    assert!(count > 50, "only {count} RPCs found");
}

#[tokio::test(flavor = "multi_thread")]
async fn login_whoami_logout() {
    let fixture = Fixture::start().await;
    let whoami = run(fixture.orbit(&["whoami"]));
    assert_error(&whoami, 4, &["not logged in", "orbit login"]);

    fixture.sign_up_and_log_in("ada@example.org");
    let path = fixture.home().join("credentials.toml");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "credentials mode {mode:o}");
    }
    // The server is kept in the profile: no --server needed from now on.
    let whoami = run(fixture.orbit(&["whoami", "--output", "json"]));
    assert_ok(&whoami, &["whoami"]);
    let json: Value = serde_json::from_slice(&whoami.stdout).unwrap();
    assert_eq!(json["account"]["email"], "ada@example.org");
    assert_eq!(json["profile"], "default");

    let wrong = run_with_stdin(
        &mut fixture.orbit(&["login", "--email", "ada@example.org"]),
        "not-the-password\n",
    );
    assert_error(&wrong, 4, &["refused"]);

    let logout = run(fixture.orbit(&["logout"]));
    assert_ok(&logout, &["logout"]);
    assert!(
        !std::fs::read_to_string(&path)
            .unwrap()
            .contains("ada@example.org")
    );
    assert_error(&run(fixture.orbit(&["whoami"])), 4, &["not logged in"]);
    // A call without a login is refused by the server: exit 4.
    assert_error(
        &run(fixture.orbit(&["org", "list-orgs"])),
        4,
        &["UNAUTHENTICATED"],
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn an_expired_access_token_is_refreshed_transparently() {
    let fixture = Fixture::start().await;
    fixture.sign_up_and_log_in("grace@example.org");
    let first = fixture.default_login();

    // A token the server refuses (as one past its 15 minutes would be): refreshed on the
    // UNAUTHENTICATED answer, the call retried, the new pair stored.
    let mut broken = first.clone();
    broken.insert("access_token".into(), "expired.token.value".into());
    fixture.write_default_login(broken);
    let profile = fixture.json(&["account", "get-profile"]);
    assert_eq!(profile["account"]["email"], "grace@example.org");
    let second = fixture.default_login();
    assert_ne!(second["refresh_token"], first["refresh_token"]);
    assert_ne!(second["access_token"].as_str(), Some("expired.token.value"));

    // A token whose stored expiry has passed: refreshed before the call.
    let mut stale = second.clone();
    stale.insert("access_expires_at_ms".into(), toml::Value::Integer(1));
    fixture.write_default_login(stale);
    fixture.json(&["org", "list-orgs"]);
    let third = fixture.default_login();
    assert_ne!(third["refresh_token"], second["refresh_token"]);

    // A refresh token that was already used ends the session: one line, exit 4.
    let mut reused = third.clone();
    reused.insert("access_token".into(), "expired.token.value".into());
    reused.insert("refresh_token".into(), first["refresh_token"].clone());
    fixture.write_default_login(reused);
    let output = fixture.call(&["org", "list-orgs"]);
    assert_error(&output, 4, &["expired", "orbit login"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn profiles_pick_the_server() {
    let fixture = Fixture::start().await;
    let down = format!("http://127.0.0.1:{}", closed_port());
    let add = |name: &str, server: &str| {
        assert_ok(
            &run(fixture.orbit(&["profile", "add", name, "--server", server])),
            &["profile", "add", name],
        );
    };
    add("live", &fixture.server.url());
    add("down", &down);
    let list = run(fixture.orbit(&["profile", "list", "--output", "json"]));
    assert_ok(&list, &["profile", "list"]);
    let list: Value = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 2, "{list}");
    assert_eq!(list[1]["name"], "live");
    assert_eq!(
        list[1]["current"], "*",
        "the first profile added is current"
    );

    let info = run(fixture.orbit(&["system", "get-instance-info"]));
    assert_ok(&info, &["system", "get-instance-info"]);

    assert_ok(&run(fixture.orbit(&["profile", "use", "down"])), &["use"]);
    let refused = run(fixture.orbit(&["system", "get-instance-info"]));
    assert_error(&refused, 78, &["cannot reach", "UNAVAILABLE"]);
    let picked = run(fixture.orbit(&["system", "get-instance-info", "--profile", "live"]));
    assert_ok(&picked, &["--profile", "live"]);

    let typo = run(fixture.orbit(&["profile", "use", "liv"]));
    assert_error(&typo, 2, &["did you mean \"live\""]);

    // Human messages follow the user's language (ORBIT_LANG, else the OS locale: LANG).
    let mut german = fixture.orbit(&["profile", "use", "live"]);
    german.env("ORBIT_LANG", "de");
    let german = run(german);
    assert_ok(&german, &["profile", "use", "(de)"]);
    assert_eq!(text(&german.stdout).trim(), "Profil live wird verwendet");
    let mut arabic = fixture.orbit(&["profile", "use", "nope"]);
    arabic.env_remove("ORBIT_LANG").env("LC_ALL", "ar_EG.UTF-8");
    let arabic = run(arabic);
    assert_eq!(arabic.status.code(), Some(2));
    let line = text(&arabic.stderr);
    assert!(
        line.starts_with("خطأ: لا يوجد ملف شخصي باسم \"nope\""),
        "{line}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn json_input_and_bad_input() {
    let fixture = Fixture::start().await;
    fixture.sign_up_and_log_in("json@example.org");
    let org = fixture.json(&["org", "create-org", "--json", r#"{"name": "From JSON"}"#]);
    assert_eq!(org["org"]["name"], "From JSON");
    let org_id = org["org"]["id"].as_str().unwrap();

    // A flag given with --json wins over the JSON's field.
    let file = fixture.dir.path().join("request.json");
    std::fs::write(
        &file,
        format!(r#"{{"org_id": "{org_id}", "name": "ignored"}}"#),
    )
    .unwrap();
    let project = fixture.json(&[
        "project",
        "create-project",
        "--json",
        &format!("@{}", file.display()),
        "--name",
        "From flag",
    ]);
    assert_eq!(project["project"]["name"], "From flag");
    let project_id = project["project"]["id"].as_str().unwrap();

    // --json - reads standard input.
    let mut command = fixture.orbit(&["record", "put-record", "--json", "-"]);
    command.args(["--server", &fixture.server.url()]);
    let put = run_with_stdin(
        &mut command,
        &format!(
            r#"{{"projectId": "{project_id}", "entity": "note", "id": "n1", "data": {{"text": "hi", "n": 2}}}}"#
        ),
    );
    assert_ok(&put, &["put-record"]);
    let record = fixture.json(&[
        "record",
        "get-record",
        "--project-id",
        project_id,
        "--entity",
        "note",
        "--id",
        "n1",
    ]);
    assert_eq!(record["record"]["data"]["text"], "hi");

    // Bad input: one line, exit 2.
    let malformed = fixture.call(&["org", "create-org", "--json", "{\"name\": \n \"x\",,}"]);
    assert_error(&malformed, 2, &["malformed JSON", "line 2, column"]);
    let unknown = fixture.call(&["org", "create-org", "--json", r#"{"nmae": "x"}"#]);
    assert_error(&unknown, 2, &["no field \"nmae\"", "did you mean \"name\""]);
    let wrong_type = fixture.call(&["record", "list-records", "--page-size", "many"]);
    assert_error(&wrong_type, 2, &["--page-size", "many", "whole number"]);
    let bad_enum = fixture.call(&["membership", "set-project-member", "--role", "king"]);
    assert_error(&bad_enum, 2, &["--role", "project-user"]);
    let no_service = fixture.call(&["chatt", "post-message"]);
    assert_error(&no_service, 2, &["chatt", "'chat'"]);
    let no_method = fixture.call(&["record", "put-recrod"]);
    assert_error(&no_method, 2, &["put-recrod", "'put-record'"]);
    let no_flag = fixture.call(&["record", "get-record", "--projct-id", "x"]);
    assert_error(&no_flag, 2, &["--projct-id", "--project-id"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn table_output() {
    let fixture = Fixture::start().await;
    fixture.sign_up_and_log_in("table@example.org");
    let (_, project_id) = fixture.tenant();
    for (id, data) in [
        ("apple", r#"{"colour": "red", "count": 3}"#),
        ("pear", r#"{"colour": "green", "tags": ["ripe", "soft"]}"#),
    ] {
        fixture.json(&[
            "record",
            "put-record",
            "--project-id",
            &project_id,
            "--entity",
            "fruit",
            "--id",
            id,
            "--data",
            data,
        ]);
    }
    let args = [
        "record",
        "list-records",
        "--project-id",
        &project_id,
        "--entity",
        "fruit",
    ];
    let listed = fixture.json(&args);
    let output = fixture.call(&[&args[..], &["--output", "table"]].concat());
    assert_ok(&output, &args);
    // Ids and times differ per run: named, and the widths they cause flattened.
    let mut table = text(&output.stdout).replace(&project_id, "<project>");
    for record in listed["records"].as_array().unwrap() {
        table = table.replace(record["updatedAt"].as_str().unwrap(), "<time>");
    }
    expect_test::expect![[r#"
        ┌─┬─┬─┬─┬─┬─┐
        │ projectId ┆ entity ┆ id ┆ version ┆ data ┆ updatedAt │
        ╞═╪═╪═╪═╪═╪═╡
        │ <project> ┆ fruit ┆ apple ┆ 1 ┆ {"colour":"red","count":3.0} ┆ <time> │
        │ <project> ┆ fruit ┆ pear ┆ 2 ┆ {"colour":"green","tags":["ripe","soft"]} ┆ <time> │
        └─┴─┴─┴─┴─┴─┘
    "#]]
    .assert_eq(&flatten_widths(&table));
    // The same response piped without --output is JSON; YAML on request.
    assert_eq!(listed["records"][1]["data"]["tags"][0], "ripe");
    let yaml = fixture.call(&[&args[..], &["-o", "yaml"]].concat());
    assert!(
        text(&yaml.stdout).contains("- data:"),
        "{}",
        text(&yaml.stdout)
    );
}

/// A table with each run of padding or border characters shortened to one.
fn flatten_widths(table: &str) -> String {
    let mut out = String::new();
    for line in table.lines() {
        let mut last = None;
        for c in line.chars() {
            if matches!(c, ' ' | '─' | '═') && last == Some(c) {
                continue;
            }
            out.push(c);
            last = Some(c);
        }
        out.push('\n');
    }
    out
}

#[tokio::test(flavor = "multi_thread")]
async fn a_subscription_prints_events_as_they_happen() {
    let fixture = Fixture::start().await;
    fixture.sign_up_and_log_in("stream@example.org");
    let (org_id, project_id) = fixture.tenant();
    let mut watch = fixture.orbit(&[
        "feed",
        "subscribe",
        "--org-id",
        &org_id,
        "--project-id",
        &project_id,
        "--after-seq",
        "0",
        "--heartbeat-seconds",
        "1",
    ]);
    let mut child = watch
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (lines, received) = mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    // Each record written while the watch runs shows up as one JSON line.
    for id in ["first", "second"] {
        let put = fixture.call(&[
            "record",
            "put-record",
            "--project-id",
            &project_id,
            "--entity",
            "note",
            "--id",
            id,
            "--data",
            r#"{"live": true}"#,
        ]);
        assert_ok(&put, &["put-record", id]);
        let deadline = Instant::now() + PATIENCE;
        loop {
            let line = received
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
                .unwrap_or_else(|_| panic!("the watch never printed {id}"));
            let message: Value = serde_json::from_str(&line).expect("one JSON object per line");
            if message["event"]["key"]
                .as_str()
                .is_some_and(|k| k.contains(id))
                || line.contains(&format!("\"{id}\""))
            {
                assert!(message["event"]["seq"].is_string(), "{line}");
                break;
            }
        }
    }
    let _ = child.kill();
    let _ = child.wait();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_broken_subscription_resumes_after_the_last_seq_printed() {
    let mut fixture = Fixture::start().await;
    fixture.sign_up_and_log_in("resume@example.org");
    let (org_id, project_id) = fixture.tenant();
    let put = |fixture: &Fixture, id: &str| {
        let output = fixture.call(&[
            "record",
            "put-record",
            "--project-id",
            &project_id,
            "--entity",
            "note",
            "--id",
            id,
            "--data",
            r#"{"n": 1}"#,
        ]);
        assert_ok(&output, &["put-record", id]);
    };
    put(&fixture, "before");
    let mut child = fixture
        .orbit(&[
            "feed",
            "subscribe",
            "--org-id",
            &org_id,
            "--after-seq",
            "0",
            "--heartbeat-seconds",
            "1",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (lines, received) = mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    let mut events = Vec::new();
    let wait_for = |id: &str, events: &mut Vec<String>| {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let line = received
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
                .unwrap_or_else(|_| panic!("the watch never printed {id}"));
            let message: Value = serde_json::from_str(&line).unwrap();
            if let Some(event_id) = message["event"]["id"].as_str() {
                events.push(event_id.to_owned());
                if event_id == id {
                    return;
                }
            }
        }
    };
    wait_for("before", &mut events);

    // The server goes away and comes back on the same port: the watch reopens after the last
    // seq it printed, so the next event arrives once and nothing is printed twice.
    let addr = fixture.server.addr;
    fixture.server.stop("TERM").await;
    let mut command = fixture.dir.orbit();
    command.args(["serve", "--listen", &addr.to_string()]);
    fixture.server = Server::start(command).await;
    put(&fixture, "after");
    wait_for("after", &mut events);
    assert_eq!(events, ["before", "after"]);
    let _ = child.kill();
    let _ = child.wait();
}

#[tokio::test(flavor = "multi_thread")]
async fn completions_cover_generated_commands() {
    let dir = TestDir::new();
    let output = run({
        let mut command = dir.orbit();
        command.args(["completion", "bash"]);
        command
    });
    assert_ok(&output, &["completion", "bash"]);
    let script = text(&output.stdout);
    for needle in [
        "post-message",
        "create-org",
        "--project-id",
        "login",
        "serve",
    ] {
        assert!(
            script.contains(needle),
            "{needle} missing from the bash completions"
        );
    }
    for shell in ["zsh", "fish"] {
        let mut command = dir.orbit();
        command.args(["completion", shell]);
        let output = run(command);
        assert_ok(&output, &["completion", shell]);
        assert!(text(&output.stdout).contains("put-record"));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn exit_codes_name_what_went_wrong() {
    let mut fixture = Fixture::start().await;
    fixture.sign_up_and_log_in("root@example.org"); // the first account: sys-admin
    let (_, project_id) = fixture.tenant();
    let missing = fixture.call(&[
        "record",
        "get-record",
        "--project-id",
        &project_id,
        "--entity",
        "note",
        "--id",
        "nothing-here",
    ]);
    assert_error(&missing, 69, &["NOT_FOUND"]);

    // Another account is not allowed a sys-admin RPC.
    fixture.json(&[
        "account",
        "sign-up",
        "--email",
        "user@example.org",
        "--password",
        PASSWORD,
        "--display-name",
        "User",
    ]);
    fixture.log_in("user@example.org");
    let denied = fixture.call(&["system", "get-key-status"]);
    assert_error(&denied, 4, &["PERMISSION_DENIED"]);

    fixture.server.stop("TERM").await;
    let started = Instant::now();
    let down = fixture.call(&["system", "get-instance-info"]);
    assert_error(&down, 78, &["cannot reach", "UNAVAILABLE"]);
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "retries are bounded"
    );
}

/// Serves reflection (and nothing else) for one service no build of `orbit` knows, on a free
/// loopback port; returns its URL.
async fn foreign_server() -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("extra.proto"),
        r#"syntax = "proto3";
package orbit.extra.v1;
import "orbit/system/v1/access.proto";
message PingRequest { string note = 1; }
message PingResponse {}
// What only this server has.
service ExtraService {
  // Pings the extra service, to show it is there.
  rpc Ping(PingRequest) returns (PingResponse) {
    option (orbit.system.v1.access) = {role: ROLE_AUTHENTICATED, scope: SCOPE_INSTANCE};
  }
}
"#,
    )
    .unwrap();
    let includes = [
        dir.path().to_path_buf(),
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("proto"),
    ];
    let mut compiler = protox::Compiler::new(includes).unwrap();
    compiler.include_imports(true).include_source_info(true);
    compiler.open_file("extra.proto").unwrap();
    let set: &'static [u8] = Box::leak(compiler.encode_file_descriptor_set().into_boxed_slice());
    let reflection = tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(set)
        .build_v1()
        .unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(
        tonic::transport::Server::builder()
            .add_service(reflection)
            .serve_with_incoming(tokio_stream::wrappers::TcpListenerStream::new(listener)),
    );
    url
}

#[tokio::test(flavor = "multi_thread")]
async fn a_service_only_the_server_knows_is_a_command_learned_from_its_reflection() {
    let url = foreign_server().await;
    let dir = TestDir::new();
    let orbit = |args: &[&str]| {
        let mut command = dir.orbit();
        command
            .env("ORBIT_CONFIG_HOME", dir.path().join("config"))
            .args(args)
            .args(["--server", &url]);
        run(command)
    };
    // Its help comes from the server's .proto comments.
    let help = orbit(&["extra", "ping", "--help"]);
    assert_eq!(help.status.code(), Some(0), "{}", text(&help.stderr));
    assert!(
        text(&help.stdout).contains("Pings the extra service"),
        "{}",
        text(&help.stdout)
    );
    assert!(
        text(&help.stdout).contains("--note"),
        "{}",
        text(&help.stdout)
    );
    // The call reaches the server (which has reflection but no handler: UNIMPLEMENTED).
    let call = orbit(&["extra", "ping", "--note", "hi"]);
    assert_eq!(call.status.code(), Some(64 + 12), "{}", text(&call.stderr));
    // A word the server does not know either stays a usage error.
    let unknown = orbit(&["no-such-service", "ping"]);
    assert_eq!(unknown.status.code(), Some(2), "{}", text(&unknown.stderr));
}
