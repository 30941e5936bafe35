//! One remote's time budget for one operation, fixed when its job starts. git steps and host API requests
//! alike spend from it: the runner gives one to each job, and the provider's HTTP client derives each request's
//! connect and read timeouts from what is left.

use std::time::{Duration, Instant};

/// One remote's time budget, fixed when its job starts: every step of the job (backup, retries, the push)
/// spends from it, and a timeout is reported with the budget the user set, not with what was left.
#[derive(Debug, Clone, Copy)]
pub struct Deadline {
    budget: Duration,
    until: Instant,
}

impl Deadline {
    pub fn start(budget: Duration) -> Deadline {
        Deadline {
            budget,
            until: Instant::now() + budget,
        }
    }

    /// The whole budget (`--timeout` / `multi.timeout`).
    pub fn budget(&self) -> Duration {
        self.budget
    }

    pub fn instant(&self) -> Instant {
        self.until
    }

    /// Whether the budget is spent.
    pub fn expired(&self) -> bool {
        Instant::now() >= self.until
    }

    /// Time left, at least a millisecond so a last step still gets to run and report its timeout.
    pub fn left(&self) -> Duration {
        self.until
            .saturating_duration_since(Instant::now())
            .max(Duration::from_millis(1))
    }
}
