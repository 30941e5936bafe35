//! Where the repository is: its git directory and work tree.

use std::path::PathBuf;

use super::{Git, GitError};

impl Git {
    /// Fails with [`GitError::Failed`] outside a repository.
    pub fn git_dir(&self) -> Result<PathBuf, GitError> {
        let output = self.command(["rev-parse", "--absolute-git-dir"]).run()?;
        Ok(PathBuf::from(output.stdout.trim_end()))
    }

    /// The directory every worktree of the repository shares (`.git` of the main worktree): remotes, refs and
    /// git-multi's own files live there.
    pub fn common_dir(&self) -> Result<PathBuf, GitError> {
        if let Some(known) = self.common_dir.get() {
            return Ok(known.clone());
        }
        let output = self
            .command(["rev-parse", "--path-format=absolute", "--git-common-dir"])
            .run()?;
        // Outside a repository this fails and nothing is kept: `init` or `clone` may make one here later.
        Ok(self
            .common_dir
            .get_or_init(|| PathBuf::from(output.stdout.trim_end()))
            .clone())
    }

    /// The work tree's top directory; `None` in a bare repository.
    pub fn toplevel(&self) -> Option<PathBuf> {
        let output = self.command(["rev-parse", "--show-toplevel"]).run().ok()?;
        let path = output.stdout.trim_end();
        (!path.is_empty()).then(|| PathBuf::from(path))
    }
}

impl Git {
    /// Where git keeps `name` (`hooks` honours `core.hooksPath`), as an absolute path
    /// (`git rev-parse --path-format=absolute --git-path`, git 2.31).
    pub fn git_path(&self, name: &str) -> Result<PathBuf, GitError> {
        let output = self
            .command(["rev-parse", "--path-format=absolute", "--git-path", name])
            .run()?;
        Ok(PathBuf::from(output.stdout.trim_end()))
    }
}

impl Git {
    /// Whether the work tree has changes to tracked files (staged or not) that are not committed; untracked
    /// files do not count, as `git status -uno` shows it.
    pub fn is_dirty(&self) -> Result<bool, GitError> {
        let output = self
            .command(["status", "--porcelain=v1", "--untracked-files=no"])
            .run()?;
        Ok(!output.stdout.trim().is_empty())
    }
}
