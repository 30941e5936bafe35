//! `git clone` of a new repository.

use std::path::Path;

use super::{Git, GitError};

impl Git {
    /// `git clone -- <url> <dir>`: in the foreground, so git may still ask for credentials on the terminal.
    pub fn clone_into(&self, url: &str, dir: &Path) -> Result<(), GitError> {
        let dir = dir.to_string_lossy();
        self.command(["clone", "--quiet", "--", url, &dir])
            .run()
            .map(drop)
    }
}
