//! The repository's git remotes: names git accepts, and adding, removing, renaming and re-pointing them.

use std::path::Path;

use super::{Git, GitError};

impl Git {
    /// Would git accept `name` as a remote name? (Same rule as `git remote add`: `refs/remotes/<name>/test`
    /// must be a valid ref name.)
    pub fn is_valid_remote_name(&self, name: &str) -> Result<bool, GitError> {
        Ok(super::refname::is_valid_remote_name(name))
    }

    pub fn remote_add(&self, name: &str, url: &str) -> Result<(), GitError> {
        self.command(["remote", "add", "--", name, url])
            .run()
            .map(drop)
    }

    pub fn remote_remove(&self, name: &str) -> Result<(), GitError> {
        self.command(["remote", "remove", "--", name])
            .run()
            .map(drop)
    }

    pub fn remote_rename(&self, old: &str, new: &str) -> Result<(), GitError> {
        self.command(["remote", "rename", "--", old, new])
            .run()
            .map(drop)
    }

    pub fn remote_set_url(&self, name: &str, url: &str) -> Result<(), GitError> {
        self.command(["remote", "set-url", "--", name, url])
            .run()
            .map(drop)
    }

    /// Is `git-remote-<scheme>` installed where git would look for it (its exec path, then PATH)?
    pub fn remote_helper_installed(&self, scheme: &str) -> bool {
        let program = format!("git-remote-{scheme}");
        let exec_path = self
            .command(["--exec-path"])
            .run()
            .ok()
            .map(|o| o.stdout.trim().to_string());
        exec_path.is_some_and(|dir| Path::new(&dir).join(&program).is_file())
            || which::which(&program).is_ok()
    }
}
