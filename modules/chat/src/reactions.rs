//! Reactions: a member adds or takes back an emoji on a message; the message keeps, per
//! emoji, the accounts that reacted (so counts per emoji are exact and a second add by the
//! same account changes nothing). Stored in the message itself, compare-and-set on its
//! version, so a watcher sees the change as one message event.

use orbit_proto::orbit::chat::v1 as pb;
use orbit_system::identity::RequestContext;

use crate::chat::{ATTEMPTS, Chat, is_conflict};
use crate::error::ChatError;
use crate::messages::Located;

/// Most distinct emoji on one message.
const MAX_EMOJI: usize = 50;

impl Chat {
    /// `ChatService.AddReaction` (`add`) and `ChatService.RemoveReaction`.
    #[tracing::instrument(skip_all, fields(%project_id, %message_id, add))]
    pub async fn react(
        &self,
        caller: &RequestContext,
        project_id: &str,
        message_id: &str,
        emoji: &str,
        add: bool,
    ) -> Result<pb::Message, ChatError> {
        let emoji = valid_emoji(emoji)?;
        let me = caller.require()?.account_id.clone();
        for _ in 0..ATTEMPTS {
            let Located {
                mut message,
                access,
            } = self.locate(caller, project_id, message_id).await?;
            if message.deleted {
                return Err(ChatError::FailedPrecondition(format!(
                    "message_id: message {message_id} is deleted"
                )));
            }
            access.writable()?;
            if !change(&mut message.reactions, emoji, &me, add)? {
                return Ok(message);
            }
            message.change = pb::MessageChange::Reacted as i32;
            match self.rewrite(caller, &mut message, false).await {
                Ok(()) => return Ok(message),
                Err(ChatError::Store(error)) if is_conflict(&error) => continue,
                Err(error) => return Err(error),
            }
        }
        Err(ChatError::Contended {
            what: "message",
            id: message_id.to_owned(),
        })
    }
}

/// Adds or removes `account`'s reaction with `emoji`; whether anything changed.
fn change(
    reactions: &mut Vec<pb::Reaction>,
    emoji: &str,
    account: &str,
    add: bool,
) -> Result<bool, ChatError> {
    let position = reactions.iter().position(|r| r.emoji == emoji);
    match (position, add) {
        (Some(at), true) => {
            let reaction = &mut reactions[at];
            if reaction.account_ids.iter().any(|a| a == account) {
                return Ok(false);
            }
            reaction.account_ids.push(account.to_owned());
            reaction.count = reaction.account_ids.len() as u32;
        }
        (None, true) => {
            if reactions.len() >= MAX_EMOJI {
                return Err(ChatError::FailedPrecondition(format!(
                    "emoji: a message has at most {MAX_EMOJI} different reactions"
                )));
            }
            reactions.push(pb::Reaction {
                emoji: emoji.to_owned(),
                count: 1,
                account_ids: vec![account.to_owned()],
            });
        }
        (Some(at), false) => {
            let reaction = &mut reactions[at];
            let before = reaction.account_ids.len();
            reaction.account_ids.retain(|a| a != account);
            if reaction.account_ids.len() == before {
                return Ok(false);
            }
            reaction.count = reaction.account_ids.len() as u32;
            if reaction.account_ids.is_empty() {
                reactions.remove(at);
            }
        }
        (None, false) => return Ok(false),
    }
    Ok(true)
}

/// An emoji: a `:short_code:` of 1-32 lower-case letters, digits, `_`, `+` or `-`, or one
/// emoji as Unicode (up to 16 code points: a pictograph with modifiers, variation
/// selectors, zero-width joiners, keycaps or a flag's regional indicators).
pub(crate) fn valid_emoji(emoji: &str) -> Result<&str, ChatError> {
    let invalid = || {
        ChatError::invalid(
            "emoji",
            format!("{emoji:?} is neither one emoji nor a :short_code:"),
        )
    };
    if let Some(code) = emoji
        .strip_prefix(':')
        .and_then(|rest| rest.strip_suffix(':'))
    {
        let ok = !code.is_empty()
            && code.len() <= 32
            && code.bytes().all(|b| {
                b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'_' | b'+' | b'-')
            });
        return if ok { Ok(emoji) } else { Err(invalid()) };
    }
    let chars: Vec<char> = emoji.chars().collect();
    let Some(first) = chars.first() else {
        return Err(ChatError::invalid("emoji", "is required"));
    };
    if chars.len() > 16 || !(is_pictograph(*first) || is_keycap_base(*first)) {
        return Err(invalid());
    }
    let rest_ok = chars[1..].iter().all(|&c| {
        is_pictograph(c)
            || matches!(c, '\u{200D}' | '\u{FE0F}' | '\u{FE0E}' | '\u{20E3}')
            || ('\u{1F3FB}'..='\u{1F3FF}').contains(&c)
            || ('\u{E0020}'..='\u{E007F}').contains(&c)
    });
    if !rest_ok || (is_keycap_base(*first) && !chars.contains(&'\u{20E3}')) {
        return Err(invalid());
    }
    Ok(emoji)
}

fn is_pictograph(c: char) -> bool {
    matches!(c,
        '\u{1F000}'..='\u{1FAFF}'
        | '\u{2600}'..='\u{27BF}'
        | '\u{2300}'..='\u{23FF}'
        | '\u{2B00}'..='\u{2BFF}'
        | '\u{2190}'..='\u{21FF}'
        | '\u{3030}' | '\u{303D}' | '\u{3297}' | '\u{3299}'
        | '\u{00A9}' | '\u{00AE}' | '\u{203C}' | '\u{2049}' | '\u{2122}' | '\u{2139}')
}

fn is_keycap_base(c: char) -> bool {
    c.is_ascii_digit() || c == '#' || c == '*'
}

#[cfg(test)]
mod unit {
    use super::*;

    #[test]
    fn emoji_formats() {
        for ok in ["👍", ":thumbsup:", ":+1:", "❤️", "👩‍💻", "👍🏽", "🇩🇪", "1️⃣"]
        {
            assert!(valid_emoji(ok).is_ok(), "{ok} refused");
        }
        for bad in [
            "", "a", "thumbsup", ":Thumbs:", "::", "👍a", "1", "<script>",
        ] {
            assert!(valid_emoji(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn counts_follow_accounts() {
        let mut reactions = Vec::new();
        assert!(change(&mut reactions, "👍", "a", true).unwrap());
        assert!(change(&mut reactions, "👍", "b", true).unwrap());
        assert!(!change(&mut reactions, "👍", "b", true).unwrap());
        assert_eq!(reactions[0].count, 2);
        assert!(change(&mut reactions, "👍", "a", false).unwrap());
        assert!(change(&mut reactions, "👍", "b", false).unwrap());
        assert!(reactions.is_empty());
        assert!(!change(&mut reactions, "👍", "b", false).unwrap());
    }
}
