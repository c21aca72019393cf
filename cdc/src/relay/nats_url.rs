//! The `nats` setting: a `nats://` URL, checked once at start-up, and its display form without
//! credentials (for logs and the status API).

use std::fmt;

use crate::relay::RelayError;

/// A checked `nats://host[:port]` URL. [`fmt::Display`] never shows a user name, password or
/// token; [`NatsUrl::connect_string`] keeps them for the connection only.
#[derive(Clone, PartialEq, Eq)]
pub struct NatsUrl {
    full: String,
    redacted: String,
    /// `user:password@` or `token@` of the URL (percent-decoded).
    user: Option<String>,
    password: Option<String>,
}

impl NatsUrl {
    /// Parses `text`; the error names what is wrong without echoing credentials.
    pub fn parse(text: &str) -> Result<NatsUrl, RelayError> {
        let url = url::Url::parse(text).map_err(|e| {
            RelayError::InvalidUrl(format!("not a URL ({e}); use nats://HOST:PORT"))
        })?;
        if url.scheme() != "nats" {
            return Err(RelayError::InvalidUrl(format!(
                "scheme {:?} is not nats; use nats://HOST:PORT",
                url.scheme()
            )));
        }
        let host = match url.host_str() {
            Some(host) if !host.is_empty() => host.to_owned(),
            _ => {
                return Err(RelayError::InvalidUrl(
                    "it names no host; use nats://HOST:PORT".to_owned(),
                ));
            }
        };
        if !matches!(url.path(), "" | "/") || url.query().is_some() || url.fragment().is_some() {
            return Err(RelayError::InvalidUrl(
                "a NATS URL has no path, query or fragment; use nats://HOST:PORT".to_owned(),
            ));
        }
        let port = url.port().unwrap_or(4222);
        let decode = |s: &str| {
            percent_encoding::percent_decode_str(s)
                .decode_utf8_lossy()
                .into_owned()
        };
        Ok(NatsUrl {
            full: text.to_owned(),
            redacted: format!("nats://{host}:{port}"),
            user: (!url.username().is_empty()).then(|| decode(url.username())),
            password: url.password().map(decode),
        })
    }

    /// `options` with the URL's credentials (`user:password@` or a token `token@`): the NATS
    /// client does not read them from the URL itself.
    pub fn with_credentials(
        &self,
        options: async_nats::ConnectOptions,
    ) -> async_nats::ConnectOptions {
        match (&self.user, &self.password) {
            (Some(user), Some(password)) => {
                options.user_and_password(user.clone(), password.clone())
            }
            (Some(token), None) => options.token(token.clone()),
            _ => options,
        }
    }

    /// The URL with its credentials, for the NATS client only (pass the credentials with
    /// [`NatsUrl::with_credentials`] too).
    pub fn connect_string(&self) -> &str {
        &self.full
    }

    /// The URL without credentials.
    pub fn redacted(&self) -> &str {
        &self.redacted
    }
}

impl fmt::Display for NatsUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.redacted)
    }
}

impl fmt::Debug for NatsUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("NatsUrl").field(&self.redacted).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_nats_urls_and_hides_credentials() {
        let url = NatsUrl::parse("nats://relay:s3cret@127.0.0.1:4333").unwrap();
        assert_eq!(url.to_string(), "nats://127.0.0.1:4333");
        assert_eq!(format!("{url:?}"), "NatsUrl(\"nats://127.0.0.1:4333\")");
        assert_eq!(url.connect_string(), "nats://relay:s3cret@127.0.0.1:4333");
        // The client is given them apart (it ignores a URL's user and password).
        assert_eq!(
            (url.user.as_deref(), url.password.as_deref()),
            (Some("relay"), Some("s3cret"))
        );
        let encoded = NatsUrl::parse("nats://me%40org:p%3Ass@host").unwrap();
        assert_eq!(
            (encoded.user.as_deref(), encoded.password.as_deref()),
            (Some("me@org"), Some("p:ss"))
        );
        let token = NatsUrl::parse("nats://t0ken@host").unwrap();
        assert_eq!(
            (token.user.as_deref(), token.password),
            (Some("t0ken"), None)
        );
        assert_eq!(
            NatsUrl::parse("nats://localhost").unwrap().redacted(),
            "nats://localhost:4222"
        );
    }

    #[test]
    fn refuses_other_schemes_and_garbage_without_echoing_secrets() {
        for text in [
            "http://u:s3cret@host:4222",
            "s3cret",
            "nats://",
            "nats://u:s3cret@host/path",
        ] {
            let error = NatsUrl::parse(text).unwrap_err().to_string();
            assert!(error.starts_with("invalid NATS URL: "), "{error}");
            assert!(!error.contains("s3cret"), "{error}");
        }
    }
}
