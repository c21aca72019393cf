//! Tests of the survey service over a real encrypted SQLite store in a temp dir, real
//! identity and tenancy (accounts signed up, members invited and accepting), and the real
//! view engine folding the results view.

mod harness;
mod responses;
mod view_matches_recount;
mod visibility;
