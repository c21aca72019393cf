//! Outgoing mail, optional: a [`Mailer`] built from the `smtp_url` and `mail_from` settings
//! sends through SMTP with `lettre` (rustls, no OpenSSL).
//!
//! Sending happens in the background: [`Mailer::send_in_background`] returns at once, so a
//! slow or unreachable mail server never delays or fails the call that wanted the mail; a
//! failure is logged (warn) naming the server, never its password. The password comes only
//! from the caller (the binary reads `ORBIT_SMTP_PASSWORD`); a URL holding one is refused.
//! This file knows nothing of accounts: it only sends a text message to an address.

use std::time::Duration;

use lettre::message::Mailbox;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use zeroize::Zeroizing;

/// How long one SMTP conversation may take before it is given up.
const SMTP_TIMEOUT: Duration = Duration::from_secs(30);

/// Why the mail settings cannot be used. Messages never contain the password.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    /// `smtp_url` is not a usable SMTP URL.
    #[error("invalid smtp_url: {0}")]
    SmtpUrl(String),

    /// `mail_from` is not a mailbox.
    #[error("invalid mail_from {value:?}: {reason}")]
    MailFrom { value: String, reason: String },
}

/// Sends mail through one SMTP server. Cheap to clone.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    /// `host:port` of the server, for logs.
    server: String,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer")
            .field("server", &self.server)
            .field("from", &self.from.to_string())
            .finish_non_exhaustive()
    }
}

impl Mailer {
    /// A mailer for `smtp_url` (`smtp://host[:port]`, `smtp://host?tls=required` for
    /// STARTTLS, or `smtps://[user@]host[:port]`), logging in as the URL's user with
    /// `password`, sending as `from` (default `orbit@<this host's name>`). Nothing is
    /// connected yet.
    pub fn new(
        smtp_url: &str,
        password: Option<Zeroizing<String>>,
        from: Option<&str>,
    ) -> Result<Mailer, MailError> {
        let bad = |reason: &str| MailError::SmtpUrl(reason.to_owned());
        // Never echo the URL: a mistyped one may still hold a secret.
        let url = url::Url::parse(smtp_url.trim()).map_err(|e| {
            bad(&format!(
                "not a URL ({e}); use smtp://host:port or smtps://user@host"
            ))
        })?;
        if !matches!(url.scheme(), "smtp" | "smtps") {
            return Err(bad(&format!(
                "unknown scheme {:?}; use smtp:// or smtps://",
                url.scheme()
            )));
        }
        let Some(host) = url.host_str().filter(|h| !h.is_empty()) else {
            return Err(bad(
                "names no host; use smtp://host:port or smtps://user@host",
            ));
        };
        if url.password().is_some() {
            return Err(bad(
                "holds a password; remove it from the URL and set ORBIT_SMTP_PASSWORD instead",
            ));
        }
        let user = percent_decode(url.username());
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::from_url(url.as_str())
            .map_err(|e| bad(&lower(&e.to_string())))?
            .timeout(Some(SMTP_TIMEOUT));
        match (user.is_empty(), password) {
            (true, None) => {}
            (false, Some(password)) => {
                builder = builder.credentials(Credentials::new(user, password.to_string()));
            }
            (false, None) => {
                return Err(bad(&format!(
                    "names the user {user:?} but ORBIT_SMTP_PASSWORD is not set; set it"
                )));
            }
            (true, Some(_)) => {
                return Err(bad(
                    "names no user but ORBIT_SMTP_PASSWORD is set; use smtps://user@host",
                ));
            }
        }
        let transport = builder.build();
        let port = url.port().unwrap_or(match (url.scheme(), url.query()) {
            ("smtp", None) => 25,
            ("smtp", Some(_)) => 587,
            _ => 465,
        });
        let from = match from.map(str::trim).filter(|f| !f.is_empty()) {
            Some(from) => from.parse::<Mailbox>().map_err(|e| MailError::MailFrom {
                value: from.to_owned(),
                reason: lower(&e.to_string()),
            })?,
            None => default_from(),
        };
        Ok(Mailer {
            transport,
            from,
            server: format!("{host}:{port}"),
        })
    }

    /// `host:port` of the SMTP server.
    pub fn server(&self) -> &str {
        &self.server
    }

    /// Sends a plain-text message to `to` in a background task; returns at once. `what`
    /// names the message in logs (the address is not logged).
    pub(crate) fn send_in_background(
        &self,
        what: &'static str,
        to: &str,
        subject: &str,
        body: String,
    ) {
        let message = to
            .parse::<Mailbox>()
            .map_err(|e| e.to_string())
            .and_then(|to| {
                Message::builder()
                    .from(self.from.clone())
                    .to(to)
                    .subject(subject)
                    .body(body)
                    .map_err(|e| e.to_string())
            });
        let message = match message {
            Ok(message) => message,
            Err(error) => {
                tracing::warn!(
                    mail = what,
                    "cannot build the {what} mail: {}",
                    lower(&error)
                );
                return;
            }
        };
        let mailer = self.clone();
        tokio::spawn(async move {
            match mailer.transport.send(message).await {
                Ok(_) => tracing::debug!(mail = what, server = %mailer.server, "mail sent"),
                Err(error) => tracing::warn!(
                    mail = what,
                    server = %mailer.server,
                    "cannot send the {what} mail through {}: {}",
                    mailer.server,
                    lower(&error.to_string())
                ),
            }
        });
    }
}

/// `orbit@<host name>`, or `orbit@localhost` if the host name is not usable in an address.
fn default_from() -> Mailbox {
    hostname::get()
        .ok()
        .and_then(|name| name.into_string().ok())
        .and_then(|name| format!("orbit@{name}").parse().ok())
        .unwrap_or_else(|| "orbit@localhost".parse().expect("a valid address"))
}

fn percent_decode(text: &str) -> String {
    url::form_urlencoded::parse(format!("u={text}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

/// Lower-cases the first letter and drops a final full stop, as our messages are written.
fn lower(text: &str) -> String {
    let text = text.trim().trim_end_matches('.');
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A fake SMTP server for tests: accepts connections on loopback and keeps every message's
/// DATA; speaks just enough SMTP for `lettre`.
#[cfg(test)]
pub(crate) mod fake {
    use std::sync::{Arc, Mutex};

    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
    use tokio::net::TcpListener;

    /// A running fake server; stops with the runtime.
    pub(crate) struct FakeSmtp {
        pub(crate) port: u16,
        messages: Arc<Mutex<Vec<String>>>,
    }

    impl FakeSmtp {
        pub(crate) async fn start() -> FakeSmtp {
            let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
            let port = listener.local_addr().expect("address").port();
            let messages = Arc::new(Mutex::new(Vec::new()));
            let kept = messages.clone();
            tokio::spawn(async move {
                while let Ok((socket, _)) = listener.accept().await {
                    let kept = kept.clone();
                    tokio::spawn(async move {
                        let _ = converse(socket, kept).await;
                    });
                }
            });
            FakeSmtp { port, messages }
        }

        pub(crate) fn url(&self) -> String {
            format!("smtp://127.0.0.1:{}", self.port)
        }

        /// Waits (at most 10 s) until `n` messages arrived; returns them.
        pub(crate) async fn wait_for(&self, n: usize) -> Vec<String> {
            for _ in 0..1000 {
                let messages = self.messages.lock().unwrap().clone();
                if messages.len() >= n {
                    return messages;
                }
                tokio::time::sleep(std::time::Duration::from_millis(10)).await;
            }
            panic!("the fake SMTP server did not receive {n} messages");
        }
    }

    async fn converse(
        socket: tokio::net::TcpStream,
        kept: Arc<Mutex<Vec<String>>>,
    ) -> std::io::Result<()> {
        let (read, mut write) = socket.into_split();
        let mut lines = BufReader::new(read);
        write.write_all(b"220 fake ESMTP\r\n").await?;
        let mut line = String::new();
        loop {
            line.clear();
            if lines.read_line(&mut line).await? == 0 {
                return Ok(());
            }
            let verb = line.get(..4).unwrap_or("").to_ascii_uppercase();
            let reply: &[u8] = match verb.as_str() {
                "EHLO" | "HELO" => b"250 fake\r\n",
                "DATA" => {
                    write.write_all(b"354 go on\r\n").await?;
                    let mut data = String::new();
                    while !data.ends_with("\r\n.\r\n") {
                        if lines.read_line(&mut data).await? == 0 {
                            return Ok(());
                        }
                    }
                    kept.lock().unwrap().push(data);
                    b"250 kept\r\n"
                }
                "QUIT" => {
                    write.write_all(b"221 bye\r\n").await?;
                    return Ok(());
                }
                _ => b"250 ok\r\n",
            };
            write.write_all(reply).await?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url_error(url: &str, password: Option<&str>) -> String {
        Mailer::new(url, password.map(|p| Zeroizing::new(p.to_owned())), None)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn settings_are_checked_without_echoing_secrets() {
        let mailer = Mailer::new("smtp://mail.example.com:2525", None, None).unwrap();
        assert_eq!(mailer.server(), "mail.example.com:2525");
        let mailer = Mailer::new(
            "smtps://orbit@mail.example.com",
            Some(Zeroizing::new("s3cret".into())),
            Some("Orbit <noreply@example.com>"),
        )
        .unwrap();
        assert_eq!(mailer.server(), "mail.example.com:465");
        assert!(!format!("{mailer:?}").contains("s3cret"));

        let error = url_error("smtps://u:hunter2@mail.example.com", None);
        assert!(
            error.contains("ORBIT_SMTP_PASSWORD") && !error.contains("hunter2"),
            "{error}"
        );
        assert!(url_error("http://mail.example.com", None).contains("scheme"));
        assert!(url_error("not a url", None).starts_with("invalid smtp_url: not a URL"));
        assert!(url_error("smtps://u@mail.example.com", None).contains("ORBIT_SMTP_PASSWORD"));
        assert!(url_error("smtp://mail.example.com", Some("p")).contains("no user"));
        let error = Mailer::new("smtp://h.example.com", None, Some("not an address")).unwrap_err();
        assert!(
            error.to_string().starts_with("invalid mail_from"),
            "{error}"
        );
        assert!(default_from().email.to_string().starts_with("orbit@"));
    }

    #[tokio::test]
    async fn sends_in_the_background() {
        let server = fake::FakeSmtp::start().await;
        let mailer = Mailer::new(&server.url(), None, Some("orbit@example.com")).unwrap();
        mailer.send_in_background("test", "ann@example.com", "Hello", "the body".into());
        let messages = server.wait_for(1).await;
        assert!(messages[0].contains("Subject: Hello"), "{}", messages[0]);
        assert!(messages[0].contains("the body"));
    }
}
