//! A person's own settings (`SettingsService`): language, theme and notifications, kept in
//! the encrypted `system` database (keyspace `settings`, key = account id), so the GUI shows
//! them the same way in every browser. Only the caller's own are ever read or written.

use orbit_proto::orbit::system::records::v1::SettingsRecord;
use orbit_proto::orbit::system::v1 as pb;
use prost::Message;

use super::records::{load, now_ms};
use super::{Identity, IdentityError, RequestContext};
use crate::store::Transaction;

const SETTINGS: &str = "settings";
/// Longest language tag accepted (BCP 47 allows 35 for what the GUI uses).
const MAX_LANGUAGE: usize = 35;

impl Identity {
    /// `SettingsService.GetSettings`: the caller's settings, the defaults until they change one.
    pub async fn settings(&self, caller: &RequestContext) -> Result<pb::Settings, IdentityError> {
        let account = &caller.require()?.account_id;
        let record: Option<(SettingsRecord, u64)> =
            load(self.db(), "settings", SETTINGS, account).await?;
        Ok(record.map_or_else(default_settings, |(record, _)| from_record(&record)))
    }

    /// `SettingsService.UpdateSettings`: replaces the caller's settings.
    pub async fn update_settings(
        &self,
        caller: &RequestContext,
        settings: pb::Settings,
    ) -> Result<pb::Settings, IdentityError> {
        let account = caller.require()?.account_id.clone();
        let language = settings.language.trim();
        let well_formed = language.len() <= MAX_LANGUAGE
            && language
                .split('-')
                .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_alphanumeric()));
        if !language.is_empty() && !well_formed {
            return Err(IdentityError::invalid(
                "settings.language",
                "is not a language tag like \"de\" or \"pt-BR\"",
            ));
        }
        if pb::Theme::try_from(settings.theme).is_err() {
            return Err(IdentityError::invalid(
                "settings.theme",
                format!("{} is not a theme", settings.theme),
            ));
        }
        let notifications = settings.notifications.unwrap_or_default();
        let record = SettingsRecord {
            language: language.to_owned(),
            theme: settings.theme,
            notify_mentions: notifications.mentions,
            notify_direct_messages: notifications.direct_messages,
            notify_all_messages: notifications.all_messages,
            updated_at_ms: now_ms(),
        };
        self.db()
            .commit(caller.correlate(Transaction::new().put(
                SETTINGS,
                account,
                record.encode_to_vec(),
            )))
            .await?;
        Ok(from_record(&record))
    }
}

/// Mentions and direct messages on, every message off; language and theme follow the browser.
fn default_settings() -> pb::Settings {
    pb::Settings {
        language: String::new(),
        theme: pb::Theme::Auto as i32,
        notifications: Some(pb::NotificationSettings {
            mentions: true,
            direct_messages: true,
            all_messages: false,
        }),
    }
}

fn from_record(record: &SettingsRecord) -> pb::Settings {
    pb::Settings {
        language: record.language.clone(),
        theme: record.theme,
        notifications: Some(pb::NotificationSettings {
            mentions: record.notify_mentions,
            direct_messages: record.notify_direct_messages,
            all_messages: record.notify_all_messages,
        }),
    }
}
