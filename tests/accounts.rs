//! Accounts through the real server: sign-up, log-in, a bearer-authenticated call, refresh
//! rotation and reuse detection, log-out refusing the token at once, and `orbit admin create`
//! (password from the environment or standard input, never a flag), and e-mail verification
//! through a fake SMTP server.

use std::io::Write;
use std::process::{Command, Stdio};
use std::str::FromStr;

use orbit_proto::orbit::system::v1 as pb;
use orbit_proto::orbit::system::v1::account_service_client::AccountServiceClient;
use tonic::Code;
use tonic::metadata::MetadataValue;
use tonic::transport::Channel;

use crate::common::{Server, TestDir, assert_refused, run};

const PASSWORD: &str = "e2e-correct-horse-42";
const OTHER_PASSWORD: &str = "e2e-quiet-harbour-17";

fn with_bearer<T>(message: T, token: &str) -> tonic::Request<T> {
    let mut request = tonic::Request::new(message);
    let value = MetadataValue::from_str(&format!("Bearer {token}")).expect("ascii token");
    request.metadata_mut().insert("authorization", value);
    request
}

fn client(channel: &Channel) -> AccountServiceClient<Channel> {
    AccountServiceClient::new(channel.clone())
}

async fn profile(channel: &Channel, token: &str) -> Result<pb::Account, tonic::Status> {
    client(channel)
        .get_profile(with_bearer(pb::GetProfileRequest {}, token))
        .await
        .map(|r| r.into_inner().account.expect("account"))
}

async fn log_in(
    channel: &Channel,
    email: &str,
    password: &str,
) -> Result<pb::LogInResponse, tonic::Status> {
    client(channel)
        .log_in(pb::LogInRequest {
            email: email.into(),
            password: password.into(),
        })
        .await
        .map(tonic::Response::into_inner)
}

async fn refresh(channel: &Channel, token: &str) -> Result<pb::TokenPair, tonic::Status> {
    client(channel)
        .refresh(pb::RefreshRequest {
            refresh_token: token.into(),
        })
        .await
        .map(|r| r.into_inner().tokens.expect("tokens"))
}

fn assert_code<T: std::fmt::Debug>(result: Result<T, tonic::Status>, code: Code, needle: &str) {
    match result {
        Err(status) => {
            assert_eq!(status.code(), code, "{status:?}");
            assert!(
                status.message().contains(needle),
                "{needle:?} missing from {status:?}"
            );
        }
        Ok(value) => panic!("expected {code:?}, got {value:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_up_log_in_refresh_and_log_out_over_grpc() {
    let dir = TestDir::new();
    let server = Server::start(dir.serve()).await;
    let channel = server.channel().await;

    let bad = client(&channel)
        .sign_up(pb::SignUpRequest {
            email: "not-an-address".into(),
            password: PASSWORD.into(),
            display_name: "Ann".into(),
        })
        .await;
    assert_code(bad, Code::InvalidArgument, "email");
    let weak = client(&channel)
        .sign_up(pb::SignUpRequest {
            email: "ann@example.com".into(),
            password: "password1234".into(),
            display_name: "Ann".into(),
        })
        .await;
    assert_code(weak, Code::InvalidArgument, "password");

    let signed_up = client(&channel)
        .sign_up(pb::SignUpRequest {
            email: "Ann@Example.com".into(),
            password: PASSWORD.into(),
            display_name: "Ann Example".into(),
        })
        .await
        .expect("sign up")
        .into_inner();
    let account = signed_up.account.expect("account");
    assert!(
        account.sys_admin,
        "the first account of an instance is sys-admin"
    );
    assert_eq!(account.email, "ann@example.com");
    let first = signed_up.tokens.expect("tokens");
    let expires = first.access_expires_at.as_ref().expect("expiry").seconds;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    assert!(
        expires > now && expires <= now + 15 * 60 + 1,
        "access tokens live at most 15 minutes"
    );

    let me = profile(&channel, &first.access_token)
        .await
        .expect("profile");
    assert_eq!(
        (me.id.as_str(), me.display_name.as_str()),
        (account.id.as_str(), "Ann Example")
    );
    let anonymous = client(&channel).get_profile(pb::GetProfileRequest {}).await;
    assert_code(anonymous, Code::Unauthenticated, "sign in");
    assert_code(
        profile(&channel, "garbage").await,
        Code::Unauthenticated,
        "malformed",
    );
    let mut forged = first.access_token.clone();
    forged.truncate(forged.len() - 2);
    forged.push_str("xx");
    assert_code(
        profile(&channel, &forged).await,
        Code::Unauthenticated,
        "access token",
    );

    // Refresh rotates; a used refresh token ends the whole session.
    let second = refresh(&channel, &first.refresh_token)
        .await
        .expect("refresh");
    assert_ne!(second.refresh_token, first.refresh_token);
    profile(&channel, &second.access_token)
        .await
        .expect("new access token works");
    assert_code(
        refresh(&channel, &first.refresh_token).await,
        Code::Unauthenticated,
        "already used",
    );
    assert_code(
        refresh(&channel, &second.refresh_token).await,
        Code::Unauthenticated,
        "ended",
    );
    assert_code(
        profile(&channel, &second.access_token).await,
        Code::Unauthenticated,
        "ended",
    );
    assert_code(
        refresh(&channel, "not-a-token").await,
        Code::Unauthenticated,
        "refresh token",
    );

    // Log-in: one answer for a wrong password and an unknown address.
    assert_code(
        log_in(&channel, "ann@example.com", OTHER_PASSWORD).await,
        Code::Unauthenticated,
        "wrong e-mail or password",
    );
    assert_code(
        log_in(&channel, "nobody@example.com", PASSWORD).await,
        Code::Unauthenticated,
        "wrong e-mail or password",
    );
    let session = log_in(&channel, "ANN@example.com", PASSWORD)
        .await
        .expect("log in");
    let tokens = session.tokens.expect("tokens");
    profile(&channel, &tokens.access_token)
        .await
        .expect("signed in");

    // Log-out refuses the access token at once, long before it expires.
    client(&channel)
        .log_out(with_bearer(pb::LogOutRequest {}, &tokens.access_token))
        .await
        .expect("log out");
    assert_code(
        profile(&channel, &tokens.access_token).await,
        Code::Unauthenticated,
        "ended",
    );
    assert_code(
        refresh(&channel, &tokens.refresh_token).await,
        Code::Unauthenticated,
        "ended",
    );

    // A second account is not sys-admin and may not list accounts.
    let other = client(&channel)
        .sign_up(pb::SignUpRequest {
            email: "bob@example.com".into(),
            password: OTHER_PASSWORD.into(),
            display_name: "Bob".into(),
        })
        .await
        .expect("second sign-up")
        .into_inner();
    assert!(!other.account.expect("account").sys_admin);
    let bob = other.tokens.expect("tokens").access_token;
    let listed = client(&channel)
        .list_accounts(with_bearer(pb::ListAccountsRequest::default(), &bob))
        .await;
    assert_code(listed, Code::PermissionDenied, "sys-admin");
}

/// Runs `command` with `input` on its standard input.
fn run_with_stdin(mut command: Command, input: &str) -> std::process::Output {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start orbit");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("orbit finishes")
}

fn admin_create(dir: &TestDir, email: &str) -> Command {
    let mut command = dir.orbit();
    command.args([
        "admin",
        "create",
        "--email",
        email,
        "--display-name",
        "Root Admin",
    ]);
    command
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_create_makes_a_sys_admin() {
    let dir = TestDir::new();

    // No password anywhere (standard input is empty): refused, nothing created.
    let output = run(admin_create(&dir, "root@example.com"));
    assert_refused(&output, &["no password given", "ORBIT_ADMIN_PASSWORD"]);
    let mut weak = admin_create(&dir, "root@example.com");
    weak.env("ORBIT_ADMIN_PASSWORD", "short");
    assert_refused(&run(weak), &["invalid password", "at least 12"]);
    let mut bad_email = admin_create(&dir, "root-at-example");
    bad_email.env("ORBIT_ADMIN_PASSWORD", PASSWORD);
    assert_refused(&run(bad_email), &["invalid email", "--email"]);

    let mut create = admin_create(&dir, "Root@Example.com");
    create.env("ORBIT_ADMIN_PASSWORD", PASSWORD);
    let output = run(create);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains("created sys-admin account") && stdout.contains("root@example.com"),
        "{stdout}"
    );

    let mut again = admin_create(&dir, "root@example.com");
    again.env("ORBIT_ADMIN_PASSWORD", PASSWORD);
    assert_refused(&run(again), &["already exists"]);

    // From standard input, with the final newline an editor or `echo` adds.
    let output = run_with_stdin(
        admin_create(&dir, "second.root@example.com"),
        &format!("{OTHER_PASSWORD}\n"),
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );

    let server = Server::start(dir.serve()).await;
    let channel = server.channel().await;
    // The instance already has its first account, so a sign-up is an ordinary one.
    let user = client(&channel)
        .sign_up(pb::SignUpRequest {
            email: "user@example.com".into(),
            password: PASSWORD.into(),
            display_name: "User".into(),
        })
        .await
        .expect("sign up")
        .into_inner();
    assert!(!user.account.expect("account").sys_admin);

    let root = log_in(&channel, "root@example.com", PASSWORD)
        .await
        .expect("admin logs in");
    assert!(root.account.expect("account").sys_admin);
    let token = root.tokens.expect("tokens").access_token;
    let second = log_in(&channel, "second.root@example.com", OTHER_PASSWORD)
        .await
        .expect("stdin password works");
    assert!(second.account.expect("account").sys_admin);
    let listed = client(&channel)
        .list_accounts(with_bearer(
            pb::ListAccountsRequest {
                page_size: 2,
                page_token: String::new(),
            },
            &token,
        ))
        .await
        .expect("list accounts")
        .into_inner();
    assert_eq!(listed.accounts.len(), 2);
    assert!(!listed.next_page_token.is_empty());
    let rest = client(&channel)
        .list_accounts(with_bearer(
            pb::ListAccountsRequest {
                page_size: 2,
                page_token: listed.next_page_token,
            },
            &token,
        ))
        .await
        .expect("next page")
        .into_inner();
    assert_eq!(rest.accounts.len(), 1);
    assert!(rest.next_page_token.is_empty());
}

/// A fake SMTP server on loopback, speaking just enough SMTP for one client at a time; keeps
/// each message's DATA.
async fn fake_smtp() -> (u16, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let port = listener.local_addr().unwrap().port();
    let messages = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let kept = messages.clone();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let (read, mut write) = socket.into_split();
            let mut read = BufReader::new(read);
            let _ = write.write_all(b"220 fake ESMTP\r\n").await;
            let mut line = String::new();
            loop {
                line.clear();
                if read.read_line(&mut line).await.unwrap_or(0) == 0 {
                    break;
                }
                let verb = line.get(..4).unwrap_or("").to_ascii_uppercase();
                let reply: &[u8] = match verb.as_str() {
                    "DATA" => {
                        let _ = write.write_all(b"354 go on\r\n").await;
                        let mut data = String::new();
                        while !data.ends_with("\r\n.\r\n") {
                            if read.read_line(&mut data).await.unwrap_or(0) == 0 {
                                break;
                            }
                        }
                        kept.lock().unwrap().push(data);
                        b"250 kept\r\n"
                    }
                    "QUIT" => b"221 bye\r\n",
                    _ => b"250 ok\r\n",
                };
                let _ = write.write_all(reply).await;
                if verb == "QUIT" {
                    break;
                }
            }
        }
    });
    (port, messages)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn e_mail_verification_through_smtp() {
    let (port, messages) = fake_smtp().await;
    let dir = TestDir::new();
    let mut command = dir.serve();
    command.args(["--smtp-url", &format!("smtp://127.0.0.1:{port}")]);
    command.args(["--mail-from", "orbit@example.com"]);
    let server = Server::start(command).await;
    let channel = server.channel().await;

    let signed_up = client(&channel)
        .sign_up(pb::SignUpRequest {
            email: "vic@example.com".into(),
            password: PASSWORD.into(),
            display_name: "Vic".into(),
        })
        .await
        .expect("sign up")
        .into_inner();
    assert!(!signed_up.account.expect("account").email_verified);
    let access = signed_up.tokens.expect("tokens").access_token;
    let mut mail = None;
    for _ in 0..500 {
        mail = messages.lock().unwrap().first().cloned();
        if mail.is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let mail = mail.expect("a verification mail arrives");
    assert!(mail.contains("To: vic@example.com"), "{mail}");
    let token = mail
        .lines()
        .find_map(|line| line.strip_prefix("token: "))
        .expect("a token in the mail")
        .trim()
        .to_owned();

    let verified = client(&channel)
        .verify_email(pb::VerifyEmailRequest {
            token: token.clone(),
        })
        .await
        .expect("verify")
        .into_inner();
    assert!(verified.account.expect("account").email_verified);
    assert!(profile(&channel, &access).await.unwrap().email_verified);
    let again = client(&channel)
        .verify_email(pb::VerifyEmailRequest { token })
        .await;
    assert_code(again, Code::Unauthenticated, "already used");
    let resend = client(&channel)
        .resend_verification(with_bearer(pb::ResendVerificationRequest {}, &access))
        .await;
    assert_code(resend, Code::FailedPrecondition, "verified already");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_smtp_verification_is_refused() {
    let dir = TestDir::new();
    let server = Server::start(dir.serve()).await;
    let channel = server.channel().await;
    let verify = client(&channel)
        .verify_email(pb::VerifyEmailRequest {
            token: "anything".into(),
        })
        .await;
    assert_code(verify, Code::FailedPrecondition, "set smtp_url");
}
