//! The video module's settings: the call size limit, STUN and TURN URLs, the TURN secret and
//! how long a TURN credential lasts. Checked here, before anything is opened, with errors
//! naming the setting and where its value came from.
//!
//! The TURN secret never passes through a flag or the figment: it comes from `ORBIT_TURN_SECRET`
//! (and `ORBIT_TURN_SECRET_PREVIOUS` while rotating), or from the file named by
//! `turn_secret_file` (one secret per line: the current one first, then at most one being
//! retired). Credentials are minted with the first; coturn must accept both.

use std::path::Path;

#[cfg(feature = "video")]
use anyhow::bail;
#[cfg(feature = "video")]
use zeroize::Zeroizing;

use super::Origin;

/// The settings as written (comma-separated URL lists, like `modules`). A build without
/// video reads none of them.
#[cfg_attr(not(feature = "video"), allow(dead_code))]
pub(super) struct VideoRaw<'a> {
    pub(super) stun_urls: Option<&'a str>,
    pub(super) turn_urls: Option<&'a str>,
    pub(super) turn_secret_file: Option<&'a Path>,
    pub(super) call_size_limit: u32,
    pub(super) turn_credential_lifetime: u64,
}

/// What the video module is built with.
#[cfg(feature = "video")]
pub(crate) type VideoSettings = orbit_video::VideoConfig;

/// Nothing: this build has no video module, so its settings are accepted and unused.
#[cfg(not(feature = "video"))]
#[derive(Debug, Clone, Default)]
pub(crate) struct VideoSettings {
    _none: (),
}

#[cfg(not(feature = "video"))]
pub(super) fn settings(_raw: VideoRaw<'_>, _origin: &Origin<'_>) -> anyhow::Result<VideoSettings> {
    Ok(VideoSettings::default())
}

#[cfg(feature = "video")]
pub(super) fn settings(raw: VideoRaw<'_>, origin: &Origin<'_>) -> anyhow::Result<VideoSettings> {
    let list = |text: Option<&str>| -> Vec<String> {
        text.unwrap_or_default()
            .split(',')
            .map(str::trim)
            .filter(|url| !url.is_empty())
            .map(String::from)
            .collect()
    };
    let config = orbit_video::VideoConfig {
        max_participants: raw.call_size_limit,
        stun_urls: list(raw.stun_urls),
        turn_urls: list(raw.turn_urls),
        turn_secrets: turn_secrets(raw.turn_secret_file)?,
        credential_lifetime: std::time::Duration::from_secs(raw.turn_credential_lifetime),
    };
    config.validate().map_err(|error| {
        let setting = match &error {
            orbit_video::VideoError::Invalid { field, .. } => *field,
            _ => "",
        };
        match setting {
            "turn_secret" => anyhow::anyhow!("{error}"),
            setting => anyhow::anyhow!("{error} (from {})", origin.of(setting)),
        }
    })?;
    Ok(config)
}

/// The TURN secrets from the environment or `turn_secret_file` (not both).
#[cfg(feature = "video")]
fn turn_secrets(file: Option<&Path>) -> anyhow::Result<Vec<Zeroizing<Vec<u8>>>> {
    let env = |name: &str| match std::env::var(name) {
        Ok(value) => Ok(Some(Zeroizing::new(value.into_bytes()))),
        Err(std::env::VarError::NotPresent) => Ok(None),
        Err(std::env::VarError::NotUnicode(_)) => {
            bail!("{name} is not valid UTF-8; set it again")
        }
    };
    let current = env("ORBIT_TURN_SECRET")?;
    let previous = env("ORBIT_TURN_SECRET_PREVIOUS")?;
    match (current, previous, file) {
        (Some(_), _, Some(_)) | (None, Some(_), Some(_)) => {
            bail!("both ORBIT_TURN_SECRET and a TURN secret file are set; unset one of them")
        }
        (None, Some(_), None) => bail!(
            "ORBIT_TURN_SECRET_PREVIOUS is set but ORBIT_TURN_SECRET is not; set the current secret too"
        ),
        (Some(current), previous, None) => Ok(std::iter::once(current).chain(previous).collect()),
        (None, None, Some(path)) => read_secret_file(path),
        (None, None, None) => Ok(Vec::new()),
    }
}

/// One secret per non-empty line; a final newline is not part of a secret.
#[cfg(feature = "video")]
fn read_secret_file(path: &Path) -> anyhow::Result<Vec<Zeroizing<Vec<u8>>>> {
    let text = Zeroizing::new(std::fs::read_to_string(path).map_err(|e| {
        anyhow::anyhow!(
            "cannot read the TURN secret file {} (turn_secret_file, ORBIT_TURN_SECRET_FILE): {e}; fix the path or its permissions",
            path.display()
        )
    })?);
    let secrets: Vec<Zeroizing<Vec<u8>>> = text
        .lines()
        .map(|line| line.trim_end_matches('\r'))
        .filter(|line| !line.is_empty())
        .map(|line| Zeroizing::new(line.as_bytes().to_vec()))
        .collect();
    if secrets.is_empty() {
        bail!(
            "the TURN secret file {} is empty; put the secret on its first line",
            path.display()
        );
    }
    Ok(secrets)
}
