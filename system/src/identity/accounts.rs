//! Accounts: sign-up, log-in, profile, password change and reset, `orbit admin create`.
