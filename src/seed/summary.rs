//! What a seeding run made, as a table (comfy-table): counts and rates per phase, then the
//! log-ins it created (e-mail and password of the demo users). Printing only; the phases
//! fill it.

use std::time::Duration;

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, CellAlignment, Table};

/// A log-in the run created (or reused, for the admin).
#[derive(Debug, Clone)]
pub(crate) struct Login {
    pub(crate) role: String,
    pub(crate) org: String,
    pub(crate) email: String,
    pub(crate) password: String,
}

/// Counts and log-ins of one run.
#[derive(Debug, Default)]
pub(crate) struct Summary {
    /// (what, how many, how long it took)
    pub(crate) counts: Vec<(String, u64, Duration)>,
    pub(crate) logins: Vec<Login>,
}

impl Summary {
    pub(crate) fn count(&mut self, what: &str, count: u64, took: Duration) {
        self.counts.push((what.to_owned(), count, took));
    }

    /// How many of `what` were made (0 if that phase did not run).
    pub(crate) fn get(&self, what: &str) -> u64 {
        self.counts
            .iter()
            .find(|(name, ..)| name == what)
            .map_or(0, |(_, count, _)| *count)
    }

    /// The counts table and the log-ins table, for a terminal or a pipe.
    pub(crate) fn render(&self) -> String {
        let mut counts = Table::new();
        counts.load_preset(UTF8_FULL_CONDENSED).set_header([
            "seeded",
            "count",
            "time",
            "per second",
        ]);
        for (what, count, took) in &self.counts {
            let seconds = took.as_secs_f64();
            let rate = if seconds > 0.0 {
                format!("{:.0}", *count as f64 / seconds)
            } else {
                "-".into()
            };
            counts.add_row([
                Cell::new(what),
                Cell::new(count).set_alignment(CellAlignment::Right),
                Cell::new(format!("{seconds:.2} s")).set_alignment(CellAlignment::Right),
                Cell::new(rate).set_alignment(CellAlignment::Right),
            ]);
        }
        let mut logins = Table::new();
        logins
            .load_preset(UTF8_FULL_CONDENSED)
            .set_header(["role", "org", "e-mail", "password"]);
        for login in &self.logins {
            logins.add_row([&login.role, &login.org, &login.email, &login.password]);
        }
        format!("{counts}\n\nLog-ins:\n{logins}\n")
    }
}
