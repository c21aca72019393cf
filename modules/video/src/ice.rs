//! `GetIceServers`: the configured STUN servers, and the TURN servers with a credential for
//! the caller minted now (`turn.rs`), as RTCConfiguration.iceServers.

use std::time::{SystemTime, UNIX_EPOCH};

use orbit_proto::orbit::video::v1 as pb;
use orbit_system::identity::RequestContext;

use crate::error::VideoError;
use crate::turn::mint;
use crate::video::{Video, valid_id};

impl Video {
    /// The ICE servers for the caller, and when its TURN credential expires (ms; 0: none).
    pub fn ice_servers(
        &self,
        caller: &RequestContext,
        project_id: &str,
    ) -> Result<(Vec<pb::IceServer>, i64), VideoError> {
        valid_id("project_id", project_id)?;
        let me = Video::me(caller)?;
        let mut servers = Vec::new();
        if !self.config.stun_urls.is_empty() {
            servers.push(pb::IceServer {
                urls: self.config.stun_urls.clone(),
                ..Default::default()
            });
        }
        let mut expires_at_ms = 0;
        if !self.config.turn_urls.is_empty()
            && let Some(credential) = mint(
                &self.config.turn_secrets,
                &me,
                SystemTime::now(),
                self.config.credential_lifetime,
            )
        {
            expires_at_ms = credential
                .expires_at
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_millis() as i64);
            servers.push(pb::IceServer {
                urls: self.config.turn_urls.clone(),
                username: credential.username,
                credential: credential.password,
            });
        }
        Ok((servers, expires_at_ms))
    }
}
