//! Tests of the video service over a real encrypted SQLite store in a temp dir (the module's
//! database in its own file), real identity and tenancy, and the real recorder task.

mod calls;
mod harness;
mod signalling;
