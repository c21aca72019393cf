//! Tests of the chat service over a real encrypted SQLite store in a temp dir, real identity
//! and tenancy (accounts signed up, members invited and accepting), the real change feeds
//! and the real view engine folding the unread view.

mod harness;
mod rooms_and_messages;
mod unread_counts;
