//! What a workspace run gives per repository, as data: each repository's remotes (or why it could not run),
//! what a status run compared, what a sync did, and the list of repositories.

use std::path::PathBuf;

use serde::Serialize;

use super::sync::{Halted, Synced};
use super::{Comparison, Outcome, Reached};
use crate::remote_set::Member;

/// One repository's part of `workspace status`: each remote's probe and the ref × remote comparison.
#[derive(Debug)]
pub struct RepoStatus {
    pub remotes: Vec<Outcome<Reached>>,
    pub comparison: Comparison,
    pub members: Vec<Member>,
}

/// One repository's part of `workspace sync`: the branch and primary it was synced on (when they were found),
/// and what the sync did or why it halted.
#[derive(Debug)]
pub struct RepoSync {
    pub branch: Option<String>,
    pub primary: Option<String>,
    pub result: Result<Synced, Halted>,
}

/// One repository of `workspace list`.
#[derive(Debug, Serialize)]
pub struct Listed {
    pub path: PathBuf,
    /// Enabled members, when the repository could be read.
    pub remotes: Option<Vec<String>>,
    pub problem: Option<String>,
}
