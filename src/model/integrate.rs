//! Bringing another copy of the branch into the checked-out one, as data: the strategy, what integrating did,
//! and why it stopped.

use serde::Serialize;

/// How another copy's commits are brought into the current branch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Strategy {
    FfOnly,
    Merge,
    Rebase,
}

impl Strategy {
    pub fn as_str(self) -> &'static str {
        match self {
            Strategy::FfOnly => "ff-only",
            Strategy::Merge => "merge",
            Strategy::Rebase => "rebase",
        }
    }
}

/// What integrating did.
#[derive(Debug, Clone, Serialize)]
pub struct Integrated {
    pub branch: String,
    /// The ref integrated, as people call it (`github/main`).
    pub from: String,
    pub strategy: Strategy,
    pub before: String,
    pub after: String,
    /// Commits brought in.
    pub incoming: u64,
}

/// Why integrating stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stop {
    /// The copy to integrate does not exist here (the remote has no such branch).
    NoUpstream,
    /// `ff-only` and both sides have commits of their own.
    Diverged { ahead: u64, behind: u64 },
    /// The merge or rebase stopped on conflicts in these paths; the work tree holds them.
    Conflicts(Vec<String>),
    /// git failed for another reason (its message, one line).
    Failed(String),
}

#[derive(Debug, Clone)]
pub struct Stopped {
    pub branch: String,
    pub from: String,
    pub strategy: Strategy,
    pub stop: Stop,
}
