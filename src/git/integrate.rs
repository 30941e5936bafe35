//! Bringing another tip into the checked-out branch: fast-forward, merge or rebase, in the work tree, with
//! git's own machinery (hooks, rerere, merge drivers), and reading what a stopped merge left behind.

use super::{Git, GitError};

/// How another tip is brought into the checked-out branch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Integration {
    FastForward,
    Merge,
    Rebase,
}

impl Git {
    /// Integrates `upstream` into the checked-out branch. On failure the error carries what git printed on
    /// both streams: a merge reports its conflicts on stdout.
    pub fn integrate(&self, upstream: &str, how: Integration) -> Result<(), GitError> {
        let args: Vec<&str> = match how {
            Integration::FastForward => vec!["merge", "--ff-only", "--quiet", upstream],
            Integration::Merge => vec!["merge", "--no-edit", "--quiet", upstream],
            Integration::Rebase => vec!["rebase", "--quiet", upstream],
        };
        let command = self.command(&args);
        let display = command.display();
        let output = command.run_unchecked()?;
        if output.success() {
            return Ok(());
        }
        Err(GitError::Failed {
            command: display,
            code: output.code,
            stderr: format!("{}{}", output.stderr, output.stdout),
        })
    }

    /// Points the checked-out branch at `target`, keeping local changes that do not touch what differs
    /// (`git reset --keep`; it refuses rather than lose them). The caller saves the old tip first.
    pub fn reset_keep(&self, target: &str) -> Result<(), GitError> {
        self.command(["reset", "--keep", "--quiet", target, "--"])
            .run()
            .map(drop)
    }

    /// Paths with unresolved conflicts in the work tree (after a merge or rebase stopped).
    pub fn conflicted_paths(&self) -> Result<Vec<String>, GitError> {
        let output = self
            .command(["diff", "--name-only", "--diff-filter=U", "-z"])
            .run()?;
        Ok(output
            .stdout
            .split('\0')
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect())
    }
}
