//! `orbit serve` as a client sees it: gRPC health, server reflection (v1 and v1alpha),
//! SystemService, gRPC-Web over HTTP/1.1, TLS and mutual TLS, and a graceful stop on SIGTERM
//! and SIGINT that lets an in-flight call finish.

use std::io::{Read, Write};
use std::time::Duration;

use orbit_proto::orbit::system::v1 as pb;
use orbit_proto::orbit::system::v1::system_service_client::SystemServiceClient;
use orbit_proto::orbit::system::v1::{GetInstanceInfoRequest, GetInstanceInfoResponse};
use prost::Message;
use tokio::sync::mpsc;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::ReceiverStream;
use tonic::transport::{Certificate, Channel, ClientTlsConfig, Identity};
use tonic_health::pb::HealthCheckRequest;
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::health_client::HealthClient;
use tonic_reflection::pb::{v1, v1alpha};

use crate::common::{Server, TestDir};

const SYSTEM_SERVICE: &str = "orbit.system.v1.SystemService";

#[tokio::test]
async fn health_reports_serving_for_the_server_and_the_system_service() {
    let dir = TestDir::new();
    let server = Server::start(dir.serve()).await;
    let mut health = HealthClient::new(server.channel().await);
    for service in ["", SYSTEM_SERVICE] {
        let response = health
            .check(HealthCheckRequest {
                service: service.into(),
            })
            .await
            .unwrap_or_else(|e| panic!("health of {service:?}: {e}"));
        assert_eq!(
            response.get_ref().status,
            ServingStatus::Serving as i32,
            "service {service:?}"
        );
    }
    let unknown = health
        .check(HealthCheckRequest {
            service: "no.such.Service".into(),
        })
        .await;
    assert_eq!(unknown.unwrap_err().code(), tonic::Code::NotFound);
}

#[tokio::test]
async fn reflection_v1_lists_services_and_describes_them() {
    let dir = TestDir::new();
    let server = Server::start(dir.serve()).await;
    let mut client =
        v1::server_reflection_client::ServerReflectionClient::new(server.channel().await);

    let list = v1::ServerReflectionRequest {
        host: String::new(),
        message_request: Some(v1::server_reflection_request::MessageRequest::ListServices(
            String::new(),
        )),
    };
    let describe = v1::ServerReflectionRequest {
        host: String::new(),
        message_request: Some(
            v1::server_reflection_request::MessageRequest::FileContainingSymbol(
                SYSTEM_SERVICE.into(),
            ),
        ),
    };
    // The storage records' shapes (password, session records) are not the API's.
    let storage = v1::ServerReflectionRequest {
        host: String::new(),
        message_request: Some(
            v1::server_reflection_request::MessageRequest::FileContainingSymbol(
                "orbit.system.records.v1.PasswordRecord".into(),
            ),
        ),
    };
    let mut responses = client
        .server_reflection_info(tokio_stream::iter([list, describe, storage]))
        .await
        .expect("reflection v1")
        .into_inner();

    let listed = responses
        .next()
        .await
        .expect("a list response")
        .expect("list services");
    let Some(v1::server_reflection_response::MessageResponse::ListServicesResponse(services)) =
        listed.message_response
    else {
        panic!("unexpected answer: {listed:?}")
    };
    let names: Vec<String> = services.service.into_iter().map(|s| s.name).collect();
    for expected in [
        SYSTEM_SERVICE,
        "grpc.health.v1.Health",
        "grpc.reflection.v1.ServerReflection",
    ] {
        assert!(
            names.iter().any(|n| n == expected),
            "{expected} missing from {names:?}"
        );
    }

    let described = responses
        .next()
        .await
        .expect("a file response")
        .expect("file containing symbol");
    let Some(v1::server_reflection_response::MessageResponse::FileDescriptorResponse(files)) =
        described.message_response
    else {
        panic!("unexpected answer: {described:?}")
    };
    let files: Vec<prost_types::FileDescriptorProto> = files
        .file_descriptor_proto
        .iter()
        .map(|bytes| {
            prost_types::FileDescriptorProto::decode(bytes.as_slice()).expect("descriptor")
        })
        .collect();
    let service_file = files
        .iter()
        .find(|f| f.name() == "orbit/system/v1/system_service.proto")
        .expect("the file defining SystemService");
    assert!(
        service_file
            .service
            .iter()
            .any(|s| s.name() == "SystemService")
    );
    assert!(
        files
            .iter()
            .all(|f| !f.name().starts_with("orbit/system/records/")),
        "reflection served a storage record file"
    );

    let storage = responses
        .next()
        .await
        .expect("an answer about the storage record");
    match storage {
        Err(status) => assert_eq!(status.code(), tonic::Code::NotFound, "{status:?}"),
        Ok(answer) => assert!(
            matches!(
                answer.message_response,
                Some(v1::server_reflection_response::MessageResponse::ErrorResponse(_))
            ),
            "a storage record was described: {answer:?}"
        ),
    }
}

#[tokio::test]
async fn reflection_v1alpha_lists_services() {
    let dir = TestDir::new();
    let server = Server::start(dir.serve()).await;
    let mut client =
        v1alpha::server_reflection_client::ServerReflectionClient::new(server.channel().await);
    let list = v1alpha::ServerReflectionRequest {
        host: String::new(),
        message_request: Some(
            v1alpha::server_reflection_request::MessageRequest::ListServices(String::new()),
        ),
    };
    let mut responses = client
        .server_reflection_info(tokio_stream::iter([list]))
        .await
        .expect("reflection v1alpha")
        .into_inner();
    let listed = responses
        .next()
        .await
        .expect("a response")
        .expect("list services");
    let Some(v1alpha::server_reflection_response::MessageResponse::ListServicesResponse(services)) =
        listed.message_response
    else {
        panic!("unexpected answer: {listed:?}")
    };
    let names: Vec<String> = services.service.into_iter().map(|s| s.name).collect();
    assert!(names.iter().any(|n| n == SYSTEM_SERVICE), "{names:?}");
    assert!(
        names
            .iter()
            .any(|n| n == "grpc.reflection.v1alpha.ServerReflection"),
        "{names:?}"
    );
}

#[tokio::test]
async fn get_instance_info_describes_the_instance_and_survives_a_restart() {
    let dir = TestDir::new();
    let mut server = Server::start(dir.serve()).await;
    let info = instance_info(server.channel().await).await;
    assert_eq!(info.version, env!("CARGO_PKG_VERSION"));
    assert_eq!(info.store_backend, "sqlite");
    assert_eq!(info.instance_id.len(), 26, "a ULID: {}", info.instance_id);
    assert_eq!(
        info.modules.first().map(String::as_str),
        Some("records"),
        "records is always the first module: {:?}",
        info.modules
    );
    let started = info.started_at.expect("started_at");
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    assert!(
        (now - 600..=now + 5).contains(&started.seconds),
        "started_at {started:?}, now {now}"
    );

    // SIGINT stops as cleanly as SIGTERM.
    let status = server.stop("INT").await;
    assert_eq!(status.code(), Some(0), "{}", server.logs());

    let server = Server::start(dir.serve()).await;
    let again = instance_info(server.channel().await).await;
    assert_eq!(
        again.instance_id, info.instance_id,
        "the instance id is stable across restarts"
    );
}

#[tokio::test]
async fn sigterm_lets_an_in_flight_call_finish_then_exits_zero() {
    let dir = TestDir::new();
    let mut server = Server::start(dir.serve()).await;
    let mut client =
        v1::server_reflection_client::ServerReflectionClient::new(server.channel().await);

    // A bidirectional reflection stream stays open until the client closes its side: a call
    // that is in flight when the signal arrives.
    let (requests, outbound) = mpsc::channel(4);
    let list = || v1::ServerReflectionRequest {
        host: String::new(),
        message_request: Some(v1::server_reflection_request::MessageRequest::ListServices(
            String::new(),
        )),
    };
    requests.send(list()).await.unwrap();
    let mut responses = client
        .server_reflection_info(ReceiverStream::new(outbound))
        .await
        .expect("open the stream")
        .into_inner();
    responses
        .next()
        .await
        .expect("first answer")
        .expect("first answer ok");

    server.signal("TERM");
    server.wait_for_log("shutting down").await;

    // The call is still served after the signal...
    requests.send(list()).await.unwrap();
    let answer = tokio::time::timeout(Duration::from_secs(10), responses.next())
        .await
        .expect("an answer after SIGTERM")
        .expect("the stream is still open")
        .expect("answered after SIGTERM");
    assert!(answer.message_response.is_some());
    // ...the server waits for it to end...
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        !server
            .stdout_lines()
            .iter()
            .any(|l| l.contains("stopped cleanly")),
        "{}",
        server.logs()
    );

    // ...and exits 0 once the client finishes it.
    drop(requests);
    assert!(
        responses.next().await.is_none(),
        "the stream ends when the client closes it"
    );
    let status = server.wait_exit().await;
    assert_eq!(status.code(), Some(0), "{}", server.logs());
    assert!(
        server
            .stdout_lines()
            .iter()
            .any(|l| l.contains("stopped cleanly")),
        "{}",
        server.logs()
    );
}

#[tokio::test]
async fn grpc_web_answers_over_http1_and_logs_can_be_json() {
    let dir = TestDir::new();
    let mut command = dir.serve();
    command.args(["--log-format", "json"]);
    let server = Server::start(command).await;
    let listening = server
        .stdout_lines()
        .into_iter()
        .find(|l| l.contains("listening on"))
        .expect("the start-up line");
    assert!(
        listening.starts_with('{') && listening.contains("\"level\":\"INFO\""),
        "{listening}"
    );

    // A hand-written HTTP/1.1 request, as a browser's gRPC-Web client sends it.
    let path = format!("/{SYSTEM_SERVICE}/GetInstanceInfo");
    let message = GetInstanceInfoRequest {}.encode_to_vec();
    let mut body = vec![0u8];
    body.extend_from_slice(&(message.len() as u32).to_be_bytes());
    body.extend_from_slice(&message);
    let addr = server.addr;
    let raw = tokio::task::spawn_blocking(move || {
        let mut stream = std::net::TcpStream::connect(addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        let head = format!(
            "POST {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/grpc-web+proto\r\n\
             Accept: application/grpc-web+proto\r\nX-Grpc-Web: 1\r\nContent-Length: {}\r\n\
             Connection: close\r\n\r\n",
            body.len()
        );
        stream.write_all(head.as_bytes()).unwrap();
        stream.write_all(&body).unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        raw
    })
    .await
    .unwrap();

    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("HTTP head");
    let head = String::from_utf8_lossy(&raw[..split]).to_lowercase();
    assert!(head.starts_with("http/1.1 200"), "{head}");
    assert!(
        head.contains("content-type: application/grpc-web"),
        "{head}"
    );
    let mut body = &raw[split + 4..];
    let decoded;
    if head.contains("transfer-encoding: chunked") {
        decoded = dechunk(body);
        body = &decoded;
    }
    // Frames: 0x00 + length + message, then 0x80 + length + trailers.
    assert_eq!(body[0], 0, "a data frame first");
    let length = u32::from_be_bytes(body[1..5].try_into().unwrap()) as usize;
    let response =
        GetInstanceInfoResponse::decode(&body[5..5 + length]).expect("a GetInstanceInfoResponse");
    assert_eq!(response.info.expect("info").store_backend, "sqlite");
    let trailers = &body[5 + length..];
    assert_eq!(trailers[0], 0x80, "a trailer frame follows");
    let trailers = String::from_utf8_lossy(&trailers[5..]).to_lowercase();
    assert!(trailers.contains("grpc-status:0"), "{trailers}");
}

/// Undoes HTTP/1.1 chunked transfer encoding.
fn dechunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let line_end = body
            .windows(2)
            .position(|w| w == b"\r\n")
            .expect("chunk size line");
        let size_text = String::from_utf8_lossy(&body[..line_end]);
        let size = usize::from_str_radix(size_text.split(';').next().unwrap().trim(), 16)
            .expect("chunk size");
        body = &body[line_end + 2..];
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&body[..size]);
        body = &body[size + 2..];
    }
}

#[tokio::test]
async fn settings_come_from_the_file_then_the_environment_then_flags() {
    let dir = TestDir::new();
    std::fs::create_dir_all(dir.data()).unwrap();
    // Found without --config, in the data directory. Its listen address is unusable, so the
    // server only starts if the environment overrides it.
    std::fs::write(
        dir.data().join("orbit.toml"),
        "listen = \"nonsense\"\nlog_format = \"json\"\n",
    )
    .unwrap();
    let is_json = |server: &Server| {
        let lines = server.stdout_lines();
        let line = lines
            .iter()
            .find(|l| l.contains("listening on"))
            .expect("the start-up line")
            .clone();
        line.starts_with('{')
    };

    // The file's log format holds; the environment's address beats the file's.
    let mut command = dir.orbit();
    command.arg("serve").env("ORBIT_LISTEN", "127.0.0.1:0");
    let mut server = Server::start(command).await;
    assert!(
        is_json(&server),
        "log_format from the file: {}",
        server.logs()
    );
    assert_eq!(server.stop("TERM").await.code(), Some(0));

    // The environment beats the file, and a flag beats the environment.
    let mut command = dir.orbit();
    command
        .args(["--log-format", "human", "serve"])
        .env("ORBIT_LISTEN", "127.0.0.1:0")
        .env("ORBIT_LOG_FORMAT", "json");
    let mut server = Server::start(command).await;
    assert!(
        !is_json(&server),
        "log_format from the flag: {}",
        server.logs()
    );
    assert_eq!(server.stop("TERM").await.code(), Some(0));
}

#[tokio::test]
async fn tls_serves_clients_that_trust_the_certificate() {
    let dir = TestDir::new();
    let pki = Pki::generate(dir.path());
    let mut command = dir.serve();
    command
        .arg("--tls-cert")
        .arg(&pki.server_cert)
        .arg("--tls-key")
        .arg(&pki.server_key);
    let server = Server::start_tls(command, pki.client_tls(false)).await;
    assert!(server.url().starts_with("https://"));

    let info = instance_info(server.channel().await).await;
    assert_eq!(info.store_backend, "sqlite");
    assert!(
        server.stdout_lines().iter().any(|l| l.contains("(TLS,")),
        "{}",
        server.logs()
    );

    // A plaintext client gets no answer from a TLS port.
    let plaintext = server.try_channel(None).await;
    if let Ok(channel) = plaintext {
        let refused = SystemServiceClient::new(channel)
            .get_instance_info(GetInstanceInfoRequest {})
            .await;
        assert!(
            refused.is_err(),
            "a plaintext call was answered on a TLS port"
        );
    }
}

#[tokio::test]
async fn mutual_tls_refuses_a_client_without_a_certificate() {
    let dir = TestDir::new();
    let pki = Pki::generate(dir.path());
    let mut command = dir.serve();
    command
        .arg("--tls-cert")
        .arg(&pki.server_cert)
        .arg("--tls-key")
        .arg(&pki.server_key)
        .arg("--tls-client-ca")
        .arg(&pki.ca_cert);
    let server = Server::start_tls(command, pki.client_tls(true)).await;
    assert!(
        server
            .stdout_lines()
            .iter()
            .any(|l| l.contains("(mutual TLS,")),
        "{}",
        server.logs()
    );

    let info = instance_info(server.channel().await).await;
    assert_eq!(info.store_backend, "sqlite");

    // Same CA trust, but no client certificate: the handshake or the first call fails.
    let anonymous = server.try_channel(Some(pki.client_tls(false))).await;
    if let Ok(channel) = anonymous {
        let refused = SystemServiceClient::new(channel)
            .get_instance_info(GetInstanceInfoRequest {})
            .await;
        assert!(
            refused.is_err(),
            "a client without a certificate was answered under mutual TLS"
        );
    }
}

async fn instance_info(channel: Channel) -> orbit_proto::orbit::system::v1::InstanceInfo {
    SystemServiceClient::new(channel)
        .get_instance_info(GetInstanceInfoRequest {})
        .await
        .expect("GetInstanceInfo")
        .into_inner()
        .info
        .expect("info")
}

/// A test CA, a server certificate for localhost/127.0.0.1 and a client certificate, as PEM
/// files.
struct Pki {
    ca_cert: std::path::PathBuf,
    server_cert: std::path::PathBuf,
    server_key: std::path::PathBuf,
    ca_pem: String,
    client_cert_pem: String,
    client_key_pem: String,
}

impl Pki {
    fn generate(dir: &std::path::Path) -> Pki {
        use rcgen::{
            BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer,
            KeyPair, KeyUsagePurpose,
        };
        let ca_key = KeyPair::generate().unwrap();
        let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
        ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca_params
            .distinguished_name
            .push(DnType::CommonName, "Orbit e2e test CA");
        ca_params.key_usages = vec![
            KeyUsagePurpose::KeyCertSign,
            KeyUsagePurpose::DigitalSignature,
        ];
        let ca_cert = ca_params.self_signed(&ca_key).unwrap();
        let issuer = Issuer::new(ca_params, ca_key);

        let leaf = |names: Vec<String>, usage: ExtendedKeyUsagePurpose, cn: &str| {
            let key = KeyPair::generate().unwrap();
            let mut params = CertificateParams::new(names).unwrap();
            params.distinguished_name.push(DnType::CommonName, cn);
            params.extended_key_usages = vec![usage];
            params.use_authority_key_identifier_extension = true;
            let cert = params.signed_by(&key, &issuer).unwrap();
            (cert.pem(), key.serialize_pem())
        };
        let (server_cert_pem, server_key_pem) = leaf(
            vec!["localhost".into(), "127.0.0.1".into()],
            ExtendedKeyUsagePurpose::ServerAuth,
            "orbit e2e server",
        );
        let (client_cert_pem, client_key_pem) = leaf(
            Vec::new(),
            ExtendedKeyUsagePurpose::ClientAuth,
            "orbit e2e client",
        );

        let write = |name: &str, pem: &str| {
            let path = dir.join(name);
            std::fs::write(&path, pem).unwrap();
            path
        };
        Pki {
            ca_cert: write("ca.pem", &ca_cert.pem()),
            server_cert: write("server.pem", &server_cert_pem),
            server_key: write("server.key", &server_key_pem),
            ca_pem: ca_cert.pem(),
            client_cert_pem,
            client_key_pem,
        }
    }

    /// Client TLS trusting the test CA, with the client certificate when `with_identity`.
    fn client_tls(&self, with_identity: bool) -> ClientTlsConfig {
        let tls = ClientTlsConfig::new()
            .ca_certificate(Certificate::from_pem(&self.ca_pem))
            .domain_name("localhost");
        if with_identity {
            tls.identity(Identity::from_pem(
                &self.client_cert_pem,
                &self.client_key_pem,
            ))
        } else {
            tls
        }
    }
}

/// The module framework as a client sees it: ListModules names every compiled-in module with
/// its services and state, each module service is SERVING on health, and a configuration that
/// names a module this build lacks stops the start with a clear error.
#[tokio::test]
async fn modules_are_listed_served_and_checked_at_start() {
    use orbit_proto::orbit::system::v1::module_service_client::ModuleServiceClient;

    let dir = TestDir::new();
    let server = Server::start(dir.serve()).await;
    let channel = server.channel().await;
    let token = crate::common::tenant::sign_up(&channel, "root@example.org").await;
    let modules = ModuleServiceClient::new(channel.clone())
        .list_modules(crate::common::tenant::bearer(
            pb::ListModulesRequest {},
            &token,
        ))
        .await
        .expect("list modules")
        .into_inner()
        .modules;
    let records = modules
        .iter()
        .find(|m| m.name == "records")
        .expect("records is a module");
    assert_eq!(records.state, pb::ModuleState::Running as i32);
    assert!(records.has_feed);
    assert_eq!(records.services, ["orbit.system.v1.RecordService"]);
    // A module is there exactly when its cargo feature was compiled in.
    assert_eq!(
        modules.iter().any(|m| m.name == "chat"),
        cfg!(feature = "chat"),
        "{modules:?}"
    );
    for module in &modules {
        for service in &module.services {
            let status = tonic_health::pb::health_client::HealthClient::new(channel.clone())
                .check(tonic_health::pb::HealthCheckRequest {
                    service: service.clone(),
                })
                .await
                .unwrap_or_else(|e| panic!("health of {service}: {e}"))
                .into_inner()
                .status;
            assert_eq!(
                status,
                tonic_health::pb::health_check_response::ServingStatus::Serving as i32,
                "{service}"
            );
        }
    }
    drop((channel, server));

    let mut command = dir.serve();
    command.args(["--modules", "nosuchmodule"]);
    let output = crate::common::run(command);
    crate::common::assert_refused(&output, &["nosuchmodule", "records"]);
}

/// Each module database lives in its own SQLite file beside the main one: after a chat post,
/// `<data>/chat.db` holds the chat rows (sealed: the message's text is nowhere on disk), the
/// main file holds none of them, and `orbit keys status` still lists every database.
#[cfg(feature = "chat")]
#[tokio::test]
async fn module_databases_live_in_their_own_files() {
    use orbit_proto::orbit::chat::v1 as chat;
    use orbit_proto::orbit::chat::v1::chat_service_client::ChatServiceClient;
    use sqlx::Connection;

    use crate::common::run;
    use crate::common::tenant::{bearer, create_org, create_project, sign_up};

    let dir = TestDir::new();
    let mut server = Server::start(dir.serve()).await;
    let channel = server.channel().await;
    sign_up(&channel, "root@example.org").await;
    let owner = sign_up(&channel, "owner@example.org").await;
    let org = create_org(&channel, &owner, "Acme").await;
    let project = create_project(&channel, &owner, &org, "Launch").await;
    let mut client = ChatServiceClient::new(channel.clone());
    let room = client
        .create_room(bearer(
            chat::CreateRoomRequest {
                project_id: project.clone(),
                name: "general".into(),
                topic: String::new(),
                kind: chat::RoomKind::Public as i32,
                member_ids: Vec::new(),
            },
            &owner,
        ))
        .await
        .expect("create room")
        .into_inner()
        .room
        .expect("room");
    let text = "PLAINTEXT-f41c-a chat message that must stay sealed";
    client
        .post_message(bearer(
            chat::PostMessageRequest {
                project_id: project.clone(),
                room_id: room.id.clone(),
                text: text.into(),
                ..Default::default()
            },
            &owner,
        ))
        .await
        .expect("post");
    assert!(server.stop("TERM").await.success());

    let data = dir.data();
    let count = |file: &'static str, table: &'static str| {
        let url = format!("sqlite://{}", data.join(file).display());
        async move {
            let mut conn = sqlx::SqliteConnection::connect(&url)
                .await
                .unwrap_or_else(|e| panic!("open {file}: {e}"));
            let n: i64 =
                sqlx::query_scalar(&format!("SELECT count(*) FROM {table} WHERE db = 'chat'"))
                    .fetch_one(&mut conn)
                    .await
                    .expect("count rows");
            conn.close().await.expect("close");
            n
        }
    };
    assert!(data.join("chat.db").exists(), "chat has its own file");
    assert!(data.join("records.db").exists(), "records has its own file");
    assert!(
        count("chat.db", "orbit_records").await >= 2,
        "room and message"
    );
    assert!(count("chat.db", "orbit_outbox").await >= 2);
    assert_eq!(count("orbit.db", "orbit_records").await, 0);
    assert_eq!(count("orbit.db", "orbit_outbox").await, 0);
    for (path, bytes) in dir.snapshot().expect("data dir") {
        assert!(
            !bytes.windows(16).any(|w| w == &text.as_bytes()[..16]),
            "{} holds the message's plaintext",
            path.display()
        );
    }

    let mut command = dir.orbit();
    command.args(["keys", "status"]);
    let output = run(command);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for database in ["system", "records", "chat"] {
        assert!(
            stdout
                .lines()
                .any(|line| line.split_whitespace().next() == Some(database)),
            "{stdout}"
        );
    }
}
