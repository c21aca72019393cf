//! The handler of `orbit.system.v1.AccountService`: sign-up, log-in, sessions, passwords and
//! profile.
//!
//! Handlers stay thin: the auth layer has already authenticated and authorised the call, so
//! each reads the caller from the request context, calls one [`Identity`] method and maps its
//! errors only through [`super::status`].

use orbit_proto::orbit::system::v1 as pb;
use orbit_proto::orbit::system::v1::account_service_server::AccountService;
use tonic::{Request, Response, Status};

use super::context;
use crate::identity::Identity;

/// Serves `orbit.system.v1.AccountService` from [`Identity`].
#[derive(Debug, Clone)]
pub struct AccountApi {
    identity: Identity,
}

impl AccountApi {
    pub fn new(identity: Identity) -> Self {
        AccountApi { identity }
    }
}

#[tonic::async_trait]
impl AccountService for AccountApi {
    /// `AccountService.SignUp`.
    #[tracing::instrument(skip_all)]
    async fn sign_up(
        &self,
        request: Request<pb::SignUpRequest>,
    ) -> Result<Response<pb::SignUpResponse>, Status> {
        let ctx = context(&request);
        let body = request.into_inner();
        let (account, tokens) = self
            .identity
            .sign_up(
                &body.email,
                &body.password,
                &body.display_name,
                ctx.client_address.as_deref(),
            )
            .await?;
        Ok(Response::new(pb::SignUpResponse {
            account: Some(account),
            tokens: Some(tokens),
        }))
    }

    /// `AccountService.LogIn`.
    #[tracing::instrument(skip_all)]
    async fn log_in(
        &self,
        request: Request<pb::LogInRequest>,
    ) -> Result<Response<pb::LogInResponse>, Status> {
        let ctx = context(&request);
        let body = request.into_inner();
        let (account, tokens) = self
            .identity
            .log_in(&body.email, &body.password, ctx.client_address.as_deref())
            .await?;
        Ok(Response::new(pb::LogInResponse {
            account: Some(account),
            tokens: Some(tokens),
        }))
    }

    /// `AccountService.Refresh`.
    #[tracing::instrument(skip_all)]
    async fn refresh(
        &self,
        request: Request<pb::RefreshRequest>,
    ) -> Result<Response<pb::RefreshResponse>, Status> {
        let ctx = context(&request);
        let tokens = self
            .identity
            .refresh(
                &request.get_ref().refresh_token,
                ctx.client_address.as_deref(),
            )
            .await?;
        Ok(Response::new(pb::RefreshResponse {
            tokens: Some(tokens),
        }))
    }

    /// `AccountService.LogOut`.
    #[tracing::instrument(skip_all)]
    async fn log_out(
        &self,
        request: Request<pb::LogOutRequest>,
    ) -> Result<Response<pb::LogOutResponse>, Status> {
        let ctx = context(&request);
        let principal = ctx.require()?;
        self.identity
            .log_out(principal, ctx.client_address.as_deref())
            .await?;
        Ok(Response::new(pb::LogOutResponse {}))
    }

    /// `AccountService.LogOutEverywhere`.
    #[tracing::instrument(skip_all)]
    async fn log_out_everywhere(
        &self,
        request: Request<pb::LogOutEverywhereRequest>,
    ) -> Result<Response<pb::LogOutEverywhereResponse>, Status> {
        let ctx = context(&request);
        let principal = ctx.require()?;
        let sessions_ended = self
            .identity
            .log_out_everywhere(principal, ctx.client_address.as_deref())
            .await?;
        Ok(Response::new(pb::LogOutEverywhereResponse {
            sessions_ended,
        }))
    }

    /// `AccountService.ChangePassword`.
    #[tracing::instrument(skip_all)]
    async fn change_password(
        &self,
        request: Request<pb::ChangePasswordRequest>,
    ) -> Result<Response<pb::ChangePasswordResponse>, Status> {
        let ctx = context(&request);
        let principal = ctx.require()?;
        let body = request.get_ref();
        let tokens = self
            .identity
            .change_password(
                principal,
                &body.current_password,
                &body.new_password,
                ctx.client_address.as_deref(),
            )
            .await?;
        Ok(Response::new(pb::ChangePasswordResponse {
            tokens: Some(tokens),
        }))
    }

    /// `AccountService.GetProfile`.
    #[tracing::instrument(skip_all)]
    async fn get_profile(
        &self,
        request: Request<pb::GetProfileRequest>,
    ) -> Result<Response<pb::GetProfileResponse>, Status> {
        let ctx = context(&request);
        let principal = ctx.require()?;
        let account = self.identity.profile(principal).await?;
        Ok(Response::new(pb::GetProfileResponse {
            account: Some(account),
        }))
    }

    /// `AccountService.UpdateProfile`.
    #[tracing::instrument(skip_all)]
    async fn update_profile(
        &self,
        request: Request<pb::UpdateProfileRequest>,
    ) -> Result<Response<pb::UpdateProfileResponse>, Status> {
        let ctx = context(&request);
        let principal = ctx.require()?;
        let account = self
            .identity
            .update_profile(principal, &request.get_ref().display_name)
            .await?;
        Ok(Response::new(pb::UpdateProfileResponse {
            account: Some(account),
        }))
    }

    /// `AccountService.IssuePasswordReset`.
    #[tracing::instrument(skip_all)]
    async fn issue_password_reset(
        &self,
        request: Request<pb::IssuePasswordResetRequest>,
    ) -> Result<Response<pb::IssuePasswordResetResponse>, Status> {
        let ctx = context(&request);
        let principal = ctx.require()?;
        let (reset_token, expires_at) = self
            .identity
            .issue_password_reset(
                principal,
                &request.get_ref().account_id,
                ctx.client_address.as_deref(),
            )
            .await?;
        Ok(Response::new(pb::IssuePasswordResetResponse {
            reset_token,
            expires_at: Some(expires_at),
        }))
    }

    /// `AccountService.ResetPassword`.
    #[tracing::instrument(skip_all)]
    async fn reset_password(
        &self,
        request: Request<pb::ResetPasswordRequest>,
    ) -> Result<Response<pb::ResetPasswordResponse>, Status> {
        let ctx = context(&request);
        let body = request.get_ref();
        self.identity
            .reset_password(
                &body.reset_token,
                &body.new_password,
                ctx.client_address.as_deref(),
            )
            .await?;
        Ok(Response::new(pb::ResetPasswordResponse {}))
    }

    /// `AccountService.VerifyEmail`.
    #[tracing::instrument(skip_all)]
    async fn verify_email(
        &self,
        request: Request<pb::VerifyEmailRequest>,
    ) -> Result<Response<pb::VerifyEmailResponse>, Status> {
        let ctx = context(&request);
        let account = self
            .identity
            .verify_email(&request.get_ref().token, ctx.client_address.as_deref())
            .await?;
        Ok(Response::new(pb::VerifyEmailResponse {
            account: Some(account),
        }))
    }

    /// `AccountService.ResendVerification`.
    #[tracing::instrument(skip_all)]
    async fn resend_verification(
        &self,
        request: Request<pb::ResendVerificationRequest>,
    ) -> Result<Response<pb::ResendVerificationResponse>, Status> {
        let ctx = context(&request);
        let principal = ctx.require()?;
        let expires_at = self.identity.resend_verification(principal).await?;
        Ok(Response::new(pb::ResendVerificationResponse {
            expires_at: Some(expires_at),
        }))
    }

    /// `AccountService.ListAccounts`.
    #[tracing::instrument(skip_all)]
    async fn list_accounts(
        &self,
        request: Request<pb::ListAccountsRequest>,
    ) -> Result<Response<pb::ListAccountsResponse>, Status> {
        let body = request.get_ref();
        let (accounts, next_page_token) = self
            .identity
            .list_accounts(body.page_size, &body.page_token)
            .await?;
        Ok(Response::new(pb::ListAccountsResponse {
            accounts,
            next_page_token,
        }))
    }
}
