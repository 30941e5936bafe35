//! Lock files git left behind, here and in every remote that is a repository on this machine.

use std::path::{Path, PathBuf};

use crate::git::Git;
use crate::model::Check;
use crate::remote_set::RemoteSet;

/// Lock files git left behind, here and in every remote that is a repository on this machine: each blocks the
/// updates of its ref (or of the index, or the config) until it is removed.
pub fn lock_files(git: &Git, git_dir: &Path, set: &RemoteSet) -> Check {
    let dirs = super::fix::lock_dirs(git, git_dir, set);
    let stale: Vec<PathBuf> = dirs
        .iter()
        .flat_map(|d| crate::stale_locks::stale(d))
        .collect();
    if stale.is_empty() {
        return Check::ok("locks", "no lock file left behind by git");
    }
    let shown: Vec<String> = stale.iter().map(|p| p.display().to_string()).collect();
    let words: Vec<String> = shown
        .iter()
        .map(|p| crate::quote::word(p).into_owned())
        .collect();
    Check::fail(
        "locks",
        format!(
            "{} lock file{} older than {} minutes with no git running there: {}",
            stale.len(),
            if stale.len() == 1 { "" } else { "s" },
            crate::stale_locks::STALE_AFTER.as_secs() / 60,
            shown.join(", ")
        ),
        format!(
            "a git that crashed or was killed left them, and each blocks updates until it is gone: `rm {}`",
            words.join(" ")
        ),
    )
}
