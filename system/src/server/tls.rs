//! TLS for the gRPC port: rustls with the server's certificate and key, and mutual TLS when a
//! client CA is given.
//!
//! This file takes PEM bytes, not paths: reading files (and naming them in errors) is the
//! caller's job. It validates the PEM up front, so a bad certificate is reported at start-up
//! rather than at the first handshake.

use std::time::Duration;

use tonic::transport::{Certificate, Identity, Server, ServerTlsConfig};

use super::ServerError;

/// How long a client may take to complete the TLS handshake.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// PEM-encoded TLS material of the server.
#[derive(Clone)]
pub struct TlsPem {
    /// The server's certificate chain, leaf first.
    pub cert: Vec<u8>,
    /// The server's private key (PKCS#8, PKCS#1 or SEC1).
    pub key: Vec<u8>,
    /// When set, clients must present a certificate signed by one of these CAs.
    pub client_ca: Option<Vec<u8>>,
}

impl std::fmt::Debug for TlsPem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TlsPem")
            .field("key", &"***")
            .field("mutual", &self.client_ca.is_some())
            .finish()
    }
}

impl TlsPem {
    /// Whether clients must authenticate with a certificate.
    pub fn is_mutual(&self) -> bool {
        self.client_ca.is_some()
    }

    /// The tonic TLS configuration, checked by building an acceptor from it once.
    pub(crate) fn config(&self) -> Result<ServerTlsConfig, ServerError> {
        if !contains_pem_block(&self.cert, "CERTIFICATE") {
            return Err(ServerError::Tls(
                "the certificate file holds no PEM certificate".into(),
            ));
        }
        if !contains_pem_block(&self.key, "PRIVATE KEY") {
            return Err(ServerError::Tls(
                "the key file holds no PEM private key".into(),
            ));
        }
        let mut config = ServerTlsConfig::new()
            .identity(Identity::from_pem(&self.cert, &self.key))
            .timeout(HANDSHAKE_TIMEOUT);
        if let Some(ca) = &self.client_ca {
            if !contains_pem_block(ca, "CERTIFICATE") {
                return Err(ServerError::Tls(
                    "the client CA file holds no PEM certificate".into(),
                ));
            }
            config = config.client_ca_root(Certificate::from_pem(ca));
        }
        Server::builder()
            .tls_config(config.clone())
            .map_err(|e| ServerError::Tls(super::error_chain(&e)))?;
        Ok(config)
    }
}

/// Whether `pem` has a `-----BEGIN … <label>-----` line (`PRIVATE KEY` also matches
/// `RSA PRIVATE KEY` and `EC PRIVATE KEY`).
fn contains_pem_block(pem: &[u8], label: &str) -> bool {
    String::from_utf8_lossy(pem).lines().any(|line| {
        line.starts_with("-----BEGIN ") && line.trim_end().ends_with(&format!("{label}-----"))
    })
}
