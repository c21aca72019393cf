//! E-mail verification, when outgoing mail is configured ([`IdentityConfig::mail`]).
//!
//! Sign-up (and `ResendVerification`) stores a one-time token in keyspace
//! `email_verifications` (key = hex SHA-256 of the token, as for password resets) and mails
//! the token to the account's address in the background; `VerifyEmail` marks the token used
//! and the account verified in one transaction. Without a mailer both RPCs answer
//! `FailedPrecondition` and `email_verified` stays false; nothing else depends on it.
//!
//! [`IdentityConfig::mail`]: super::IdentityConfig::mail

use orbit_proto::orbit::system::records::v1::{AccountRecord, EmailVerificationRecord};
use orbit_proto::orbit::system::v1 as pb;
use prost::Message;

use super::accounts::{ACCOUNTS, account_pb, new_secret, secret_key};
use super::mail::Mailer;
use super::records::{load, now_ms, timestamp};
use super::retry::retry_on_conflict;
use super::{AuditEntry, Identity, IdentityError, Principal};
use crate::store::{Expect, Transaction};

pub(crate) const EMAIL_VERIFICATIONS: &str = "email_verifications";

/// The answer when no mailer is configured.
const NO_MAIL: &str = "outgoing mail is not configured (set smtp_url)";

impl Identity {
    fn mailer(&self) -> Result<&Mailer, IdentityError> {
        self.inner
            .config
            .mail
            .as_ref()
            .ok_or_else(|| IdentityError::FailedPrecondition(NO_MAIL.into()))
    }

    /// After a sign-up: mails a verification token if mail is configured. A failure is
    /// logged, never returned: the account exists and can ask again.
    pub(crate) async fn verify_after_sign_up(&self, account: &AccountRecord) {
        if self.inner.config.mail.is_none() {
            return;
        }
        if let Err(error) = self.send_verification(account).await {
            tracing::warn!(account = %account.id, "cannot issue an e-mail verification token: {error}");
        }
    }

    /// Stores a new token for `account` and mails it; returns when it expires.
    async fn send_verification(
        &self,
        account: &AccountRecord,
    ) -> Result<prost_types::Timestamp, IdentityError> {
        let mailer = self.mailer()?;
        let (token, key) = new_secret();
        let ttl = self.inner.config.verification_ttl;
        let expires_at_ms = now_ms() + i64::try_from(ttl.as_millis()).unwrap_or(i64::MAX / 2);
        let record = EmailVerificationRecord {
            account_id: account.id.clone(),
            expires_at_ms,
            used: false,
        };
        self.db()
            .compare_and_set(
                EMAIL_VERIFICATIONS,
                key,
                Expect::Absent,
                record.encode_to_vec(),
            )
            .await?;
        let hours = ttl.as_secs().div_ceil(3600);
        let body = format!(
            "Hello {name},\r\n\r\n\
             please confirm that this is your e-mail address for Orbit with this one-time \
             token (it works for {hours} hours):\r\n\r\n\
             token: {token}\r\n\r\n\
             Enter it where Orbit asks for it (AccountService.VerifyEmail). If you did not \
             sign up, ignore this mail.\r\n",
            name = account.display_name,
        );
        mailer.send_in_background(
            "e-mail verification",
            &account.email,
            "Confirm your e-mail address for Orbit",
            body,
        );
        Ok(timestamp(expires_at_ms))
    }

    /// Marks an address verified with a token from a verification mail (once, before it
    /// expires); returns the account.
    pub async fn verify_email(
        &self,
        token: &str,
        client: Option<&str>,
    ) -> Result<pb::Account, IdentityError> {
        self.mailer()?;
        if token.trim().is_empty() {
            return Err(IdentityError::invalid("token", "is required"));
        }
        let unusable =
            |why: &str| IdentityError::Unauthenticated(format!("verification token {why}"));
        let key = secret_key(token);
        let account = retry_on_conflict!({
            let Some((check, check_version)) = load::<EmailVerificationRecord>(
                self.db(),
                "e-mail verification",
                EMAIL_VERIFICATIONS,
                &key,
            )
            .await?
            else {
                return Err(unusable("is unknown"));
            };
            if check.used {
                return Err(unusable("was already used"));
            }
            if check.expires_at_ms <= now_ms() {
                return Err(unusable("has expired; ask for a new one"));
            }
            let (mut account, version) = self
                .stored_account(&check.account_id)
                .await?
                .ok_or_else(|| IdentityError::not_found("account", &check.account_id))?;
            account.email_verified = true;
            let used = EmailVerificationRecord {
                used: true,
                ..check
            };
            let txn = Transaction::new()
                .put_if(
                    EMAIL_VERIFICATIONS,
                    key.clone(),
                    used.encode_to_vec(),
                    Expect::Version(check_version),
                )
                .put_if(
                    ACCOUNTS,
                    account.id.clone(),
                    account.encode_to_vec(),
                    Expect::Version(version),
                );
            self.db().commit(txn).await?;
            Ok(account)
        })?;
        self.audit(
            AuditEntry::new("account.email_verified", &account.id)
                .actor(&account.id)
                .client(client),
        )
        .await?;
        Ok(account_pb(&account))
    }

    /// Mails the caller a new verification token; returns when it expires.
    pub async fn resend_verification(
        &self,
        principal: &Principal,
    ) -> Result<prost_types::Timestamp, IdentityError> {
        self.mailer()?;
        let (account, _) = self
            .stored_account(&principal.account_id)
            .await?
            .ok_or_else(|| IdentityError::not_found("account", &principal.account_id))?;
        if account.email_verified {
            return Err(IdentityError::FailedPrecondition(
                "the e-mail address is verified already".into(),
            ));
        }
        self.send_verification(&account).await
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::identity::IdentityConfig;
    use crate::identity::accounts::scenarios::{Backend, CLIENT, Harness, PASSWORD, cheap};
    use crate::identity::mail::fake::FakeSmtp;

    fn with_mail(url: &str) -> IdentityConfig {
        IdentityConfig {
            mail: Some(Mailer::new(url, None, Some("orbit@example.com")).unwrap()),
            ..cheap()
        }
    }

    /// The token in a captured verification mail.
    fn token_in(mail: &str) -> String {
        mail.lines()
            .find_map(|line| line.strip_prefix("token: "))
            .unwrap_or_else(|| panic!("no token in {mail}"))
            .trim()
            .to_owned()
    }

    fn unauthenticated<T: std::fmt::Debug>(result: Result<T, IdentityError>) -> String {
        match result {
            Err(IdentityError::Unauthenticated(message)) => message,
            other => panic!("expected unauthenticated, got {other:?}"),
        }
    }

    fn failed_precondition<T: std::fmt::Debug>(result: Result<T, IdentityError>) -> String {
        match result {
            Err(IdentityError::FailedPrecondition(message)) => message,
            other => panic!("expected failed precondition, got {other:?}"),
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn mailed_token_verifies_once() {
        let smtp = FakeSmtp::start().await;
        let h = Harness::open(Backend::Sqlite, with_mail(&smtp.url())).await;
        let (account, tokens) = h.sign_up("vera@example.com").await;
        assert!(!account.email_verified);
        let mails = smtp.wait_for(1).await;
        assert!(mails[0].contains("To: vera@example.com"), "{}", mails[0]);
        let token = token_in(&mails[0]);
        let id = &h.identity;

        let verified = id.verify_email(&token, CLIENT).await.unwrap();
        assert!(verified.email_verified);
        let me = h.whoami(&tokens).await.unwrap();
        assert!(id.profile(&me).await.unwrap().email_verified);
        assert!(unauthenticated(id.verify_email(&token, CLIENT).await).contains("already used"));
        assert!(unauthenticated(id.verify_email("garbage", CLIENT).await).contains("unknown"));
        assert!(matches!(
            id.verify_email(" ", CLIENT).await,
            Err(IdentityError::InvalidArgument { field: "token", .. })
        ));
        assert!(failed_precondition(id.resend_verification(&me).await).contains("already"));
        assert!(
            h.audit_kinds()
                .await
                .iter()
                .any(|(k, s)| k == "account.email_verified" && *s == account.id)
        );
        h.close().await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn resent_token_works_and_old_ones_expire() {
        let smtp = FakeSmtp::start().await;
        let config = IdentityConfig {
            // Long enough that sign-up, the mail and the resend fit inside it on a
            // loaded machine; the first token is issued before its mail arrives, so
            // sleeping past the ttl from then on surely expires it.
            verification_ttl: Duration::from_secs(3),
            ..with_mail(&smtp.url())
        };
        let h = Harness::open(Backend::Sqlite, config).await;
        let (_, tokens) = h.sign_up("rex@example.com").await;
        let first = token_in(&smtp.wait_for(1).await[0]);
        tokio::time::sleep(Duration::from_millis(3_500)).await;
        assert!(unauthenticated(h.identity.verify_email(&first, None).await).contains("expired"));
        let me = h.whoami(&tokens).await.unwrap();
        h.identity.resend_verification(&me).await.unwrap();
        let second = token_in(&smtp.wait_for(2).await[1]);
        assert!(
            h.identity
                .verify_email(&second, None)
                .await
                .unwrap()
                .email_verified
        );
        h.close().await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn unreachable_mail_server_does_not_fail_sign_up() {
        // A port nobody listens on: bind, read the port, close.
        let port = {
            let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            listener.local_addr().unwrap().port()
        };
        let h = Harness::open(
            Backend::Sqlite,
            with_mail(&format!("smtp://127.0.0.1:{port}")),
        )
        .await;
        let started = std::time::Instant::now();
        let (account, _) = h.sign_up("una@example.com").await;
        assert!(!account.email_verified);
        assert!(started.elapsed() < Duration::from_secs(5));
        h.identity
            .log_in("una@example.com", PASSWORD, CLIENT)
            .await
            .unwrap();
        h.close().await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn without_mail_verification_is_refused() {
        let h = Harness::sqlite().await;
        let (account, tokens) = h.sign_up("nemo@example.com").await;
        assert!(!account.email_verified);
        let me = h.whoami(&tokens).await.unwrap();
        assert_eq!(
            failed_precondition(h.identity.verify_email("anything", None).await),
            NO_MAIL
        );
        assert_eq!(
            failed_precondition(h.identity.resend_verification(&me).await),
            NO_MAIL
        );
        h.close().await;
    }
}
