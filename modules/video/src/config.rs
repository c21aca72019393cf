//! What the video module is configured with ([`VideoConfig`]): the size limit of full-mesh
//! calls, the STUN and TURN URLs handed to browsers, the TURN secrets and how long a minted
//! TURN credential lasts. The root binary reads the settings (flags, `ORBIT_*`, the file,
//! the secret from a file or the environment) and builds this; nothing here reads them.

use std::time::Duration;

use zeroize::Zeroizing;

use crate::error::VideoError;

/// Participants of a full-mesh call unless configured: every browser keeps one connection
/// (and uploads its media once) per other participant, which is what an ordinary uplink
/// carries for about eight people.
pub const DEFAULT_MAX_PARTICIPANTS: u32 = 8;
/// The most a server may be configured for: past it a full mesh is not usable.
pub const MAX_MAX_PARTICIPANTS: u32 = 32;
/// How long a TURN credential works unless configured: a TURN allocation is refreshed with
/// the credential it was made with, so it must outlast the calls it serves.
pub const DEFAULT_CREDENTIAL_LIFETIME: Duration = Duration::from_secs(12 * 3600);

/// The video module's configuration.
#[derive(Clone)]
pub struct VideoConfig {
    /// Most participants at once in one call (2-[`MAX_MAX_PARTICIPANTS`]).
    pub max_participants: u32,
    /// `stun:`/`stuns:` URLs.
    pub stun_urls: Vec<String>,
    /// `turn:`/`turns:` URLs (need a secret).
    pub turn_urls: Vec<String>,
    /// The TURN secrets: credentials are minted with the first; a second one is the secret
    /// being rotated out (coturn must accept both until credentials minted with it expire).
    pub turn_secrets: Vec<Zeroizing<Vec<u8>>>,
    /// How long a minted TURN credential works.
    pub credential_lifetime: Duration,
}

impl std::fmt::Debug for VideoConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VideoConfig")
            .field("max_participants", &self.max_participants)
            .field("stun_urls", &self.stun_urls)
            .field("turn_urls", &self.turn_urls)
            .field(
                "turn_secrets",
                &format!("{} secret(s)", self.turn_secrets.len()),
            )
            .field("credential_lifetime", &self.credential_lifetime)
            .finish()
    }
}

impl Default for VideoConfig {
    fn default() -> VideoConfig {
        VideoConfig {
            max_participants: DEFAULT_MAX_PARTICIPANTS,
            stun_urls: Vec::new(),
            turn_urls: Vec::new(),
            turn_secrets: Vec::new(),
            credential_lifetime: DEFAULT_CREDENTIAL_LIFETIME,
        }
    }
}

impl VideoConfig {
    /// Checks the configuration; an error names the setting.
    pub fn validate(&self) -> Result<(), VideoError> {
        if !(2..=MAX_MAX_PARTICIPANTS).contains(&self.max_participants) {
            return Err(VideoError::invalid(
                "call_size_limit",
                format!(
                    "{} is not between 2 and {MAX_MAX_PARTICIPANTS}",
                    self.max_participants
                ),
            ));
        }
        for url in &self.stun_urls {
            check_url("stun_urls", url, &["stun:", "stuns:"])?;
        }
        for url in &self.turn_urls {
            check_url("turn_urls", url, &["turn:", "turns:"])?;
        }
        if self.turn_secrets.len() > 2 {
            return Err(VideoError::invalid(
                "turn_secret",
                format!(
                    "{} secrets given; give the current one and at most one being rotated out",
                    self.turn_secrets.len()
                ),
            ));
        }
        if self.turn_secrets.iter().any(|secret| secret.is_empty()) {
            return Err(VideoError::invalid("turn_secret", "must not be empty"));
        }
        match (self.turn_urls.is_empty(), self.turn_secrets.is_empty()) {
            (false, true) => Err(VideoError::invalid(
                "turn_secret",
                "turn_urls are set but no TURN secret is; set turn_secret_file or ORBIT_TURN_SECRET",
            )),
            (true, false) => Err(VideoError::invalid(
                "turn_urls",
                "a TURN secret is set but no turn_urls are; set turn_urls or drop the secret",
            )),
            _ => Ok(()),
        }?;
        let lifetime = self.credential_lifetime.as_secs();
        if !(60..=7 * 24 * 3600).contains(&lifetime) {
            return Err(VideoError::invalid(
                "turn_credential_lifetime",
                format!("{lifetime} s is not between 60 s and 7 days"),
            ));
        }
        Ok(())
    }
}

fn check_url(field: &'static str, url: &str, schemes: &[&str]) -> Result<(), VideoError> {
    let ok = schemes
        .iter()
        .any(|scheme| url.len() > scheme.len() && url.starts_with(scheme))
        && !url.chars().any(|c| c.is_whitespace() || c.is_control());
    if ok {
        Ok(())
    } else {
        Err(VideoError::invalid(
            field,
            format!(
                "{url:?} is not a URL starting with {}",
                schemes.join(" or ")
            ),
        ))
    }
}
