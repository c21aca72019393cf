//! [`Surveys`], the service layer every RPC goes through: the module's database, identity
//! for roles and the project's scope, the feeds for watches and the view engine for
//! results. Shared helpers live here: checking ids, the project's scope (refusing archived
//! projects), reading a survey with its effective state, the respondent key, and committing
//! with the project's scope and the request's correlation id.
//!
//! Closing time: an open survey whose `closes_at_ms` has passed is closed *lazily on read*:
//! every read computes the effective state ([`effective_state`]), so a survey closes at its
//! time to the millisecond without a background task; the stored state stays open until
//! someone writes the survey. It knows nothing of gRPC beyond the generated message types.

use orbit_cdc::feed::Feeds;
use orbit_cdc::view::ViewEngine;
use orbit_proto::orbit::survey::v1 as pb;
use orbit_proto::orbit::system::v1::Role;
use orbit_system::identity::{Identity, RequestContext};
use orbit_system::store::{Database, EventScope, Receipt, StoreError, Transaction};

use crate::error::SurveyError;
use crate::stored::{RESPONSES, SURVEYS, decode_pb, response_key, survey_key};

/// Times a write is retried when others changed what it read.
pub(crate) const ATTEMPTS: u32 = 64;
/// Longest id accepted (tenancy's ids and ULIDs are shorter).
const MAX_ID_LEN: usize = 64;

/// The survey service over the module's context. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Surveys {
    pub(crate) db: Database,
    pub(crate) identity: Identity,
    pub(crate) feeds: Feeds,
    pub(crate) views: ViewEngine,
}

impl Surveys {
    /// The survey service over `db` (the module's own database).
    pub fn new(db: Database, identity: Identity, feeds: Feeds, views: ViewEngine) -> Surveys {
        Surveys {
            db,
            identity,
            feeds,
            views,
        }
    }

    /// The scope of a write into `project_id` (refused while the project or its org is
    /// archived).
    pub(crate) async fn scope(
        &self,
        project_id: &str,
        entity: &str,
    ) -> Result<EventScope, SurveyError> {
        Ok(self.identity.writable_scope(project_id, entity).await?)
    }

    /// Commits `txn` in `scope`, tagged with the caller's request id.
    pub(crate) async fn commit(
        &self,
        caller: &RequestContext,
        txn: Transaction,
        scope: &EventScope,
    ) -> Result<Receipt, StoreError> {
        self.db
            .commit(caller.correlate(txn.scope(scope.clone())))
            .await
    }

    /// Whether the caller is a project admin (or more) of `project_id`.
    pub(crate) async fn is_admin(
        &self,
        caller: &RequestContext,
        project_id: &str,
    ) -> Result<bool, SurveyError> {
        let role = self
            .identity
            .role_in_project(caller.require()?, project_id)
            .await?;
        Ok(role >= Role::ProjectAdmin)
    }

    /// Reads a survey as stored (state not adjusted); `NotFound` if it does not exist.
    pub(crate) async fn load(
        &self,
        project_id: &str,
        survey_id: &str,
    ) -> Result<pb::Survey, SurveyError> {
        let project_id = valid_id("project_id", project_id)?;
        let survey_id = valid_id("survey_id", survey_id)?;
        let key = survey_key(project_id, survey_id);
        let record = self
            .db
            .get(SURVEYS, key.as_bytes())
            .await?
            .ok_or_else(|| SurveyError::not_found("survey", survey_id))?;
        let mut survey: pb::Survey = decode_pb("survey", &record.key, &record.value)?;
        survey.version = record.version;
        Ok(survey)
    }

    /// Reads a survey the caller may see (drafts only for project admins: to anyone else a
    /// draft does not exist), with its effective state.
    pub(crate) async fn visible(
        &self,
        caller: &RequestContext,
        project_id: &str,
        survey_id: &str,
    ) -> Result<pb::Survey, SurveyError> {
        let mut survey = self.load(project_id, survey_id).await?;
        if survey.state == pb::SurveyState::Draft as i32
            && !self.is_admin(caller, project_id).await?
        {
            return Err(SurveyError::not_found("survey", survey_id));
        }
        survey.state = effective_state(&survey, now_ms()) as i32;
        Ok(survey)
    }

    /// The respondent key of the caller in `survey_id`: the hex keyed blind index of
    /// (survey, account), never the account id.
    pub(crate) fn respondent(
        &self,
        caller: &RequestContext,
        survey_id: &str,
    ) -> Result<String, SurveyError> {
        let account = &caller.require()?.account_id;
        let index = self.db.blind_index(
            "survey.respondent",
            format!("{survey_id}\u{0}{account}").as_bytes(),
        );
        Ok(hex::encode(index.0))
    }

    /// The caller's response to a survey and its version, if any.
    pub(crate) async fn own_response(
        &self,
        caller: &RequestContext,
        survey: &pb::Survey,
    ) -> Result<Option<pb::Response>, SurveyError> {
        let respondent = self.respondent(caller, &survey.id)?;
        let key = response_key(&survey.project_id, &survey.id, &respondent);
        match self.db.get(RESPONSES, key.as_bytes()).await? {
            Some(record) => {
                let mut response: pb::Response = decode_pb("response", &record.key, &record.value)?;
                response.version = record.version;
                Ok(Some(response))
            }
            None => Ok(None),
        }
    }
}

/// The state a survey is in at `now_ms`: an open survey past its closing time is closed.
pub fn effective_state(survey: &pb::Survey, now_ms: i64) -> pb::SurveyState {
    let state = pb::SurveyState::try_from(survey.state).unwrap_or(pb::SurveyState::Draft);
    if state == pb::SurveyState::Open && survey.closes_at_ms > 0 && now_ms >= survey.closes_at_ms {
        pb::SurveyState::Closed
    } else {
        state
    }
}

/// An id from a request: 1-64 letters, digits, `-` or `_` (ids are parts of keys, so a `/`
/// must never reach one).
pub(crate) fn valid_id<'a>(field: &str, id: &'a str) -> Result<&'a str, SurveyError> {
    if id.is_empty() {
        return Err(SurveyError::invalid(field, "is required"));
    }
    let ok = id.len() <= MAX_ID_LEN
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(id)
    } else {
        Err(SurveyError::invalid(
            field,
            format!("{id:?} is not a valid id"),
        ))
    }
}

/// Milliseconds since the Unix epoch.
pub(crate) fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// Whether a store error is a lost compare-and-set (someone else wrote first).
pub(crate) fn is_conflict(error: &StoreError) -> bool {
    matches!(error, StoreError::Conflict { .. })
}
