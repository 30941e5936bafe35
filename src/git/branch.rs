//! Local branches and tags made and removed with git's own porcelain (`git branch`, `git tag`), so hooks,
//! `branch.autoSetupMerge`, signing and git's own checks behave as they do by hand; and whether a name is one git
//! takes for a branch or a tag.

use super::{refname, Git, GitError};

impl Git {
    /// Would `git branch` take `name` as it is? (`git check-ref-format --branch`, which also expands shorthands
    /// such as `@{-1}`: a name that comes back changed is not a plain branch name.)
    pub fn is_valid_branch_name(&self, name: &str) -> Result<bool, GitError> {
        if name.is_empty() || name.starts_with('-') {
            return Ok(false);
        }
        let output = self
            .command(["check-ref-format", "--branch", name])
            .run_unchecked()?;
        Ok(output.success() && output.stdout.trim_end() == name)
    }

    /// Would `git tag` take `name`? (`refs/tags/<name>` must be a valid ref name.)
    pub fn is_valid_tag_name(&self, name: &str) -> Result<bool, GitError> {
        if name.is_empty() || name.starts_with('-') || name.starts_with("refs/") {
            return Ok(false);
        }
        let output = self
            .command(["check-ref-format", &refname::tag(name)])
            .run_unchecked()?;
        Ok(output.success())
    }

    /// `git symbolic-ref HEAD refs/heads/<name>`: the branch the first commit will start (HEAD is unborn).
    pub fn point_head(&self, name: &str) -> Result<(), GitError> {
        self.command(["symbolic-ref", "HEAD", &refname::branch(name)])
            .run()
            .map(drop)
    }

    /// `git branch -m <old> <new>` (refused by git when `new` exists).
    pub fn branch_rename(&self, old: &str, new: &str) -> Result<(), GitError> {
        self.command(["branch", "-m", "--end-of-options", old, new])
            .run()
            .map(drop)
    }

    /// `git branch <name> [<start>]` (the current commit without a start).
    pub fn branch_create(&self, name: &str, start: Option<&str>) -> Result<(), GitError> {
        let mut args = vec!["branch", "--end-of-options", name];
        args.extend(start);
        self.command(args).run().map(drop)
    }

    /// `git branch -D <name>`: callers decide beforehand whether the branch may go.
    pub fn branch_delete(&self, name: &str) -> Result<(), GitError> {
        self.command(["branch", "-D", "--end-of-options", name])
            .run()
            .map(drop)
    }

    /// `git tag <name> [<commit>]`: lightweight without a message, annotated with one, signed with `sign`.
    pub fn tag_create(
        &self,
        name: &str,
        target: Option<&str>,
        message: Option<&str>,
        sign: bool,
    ) -> Result<(), GitError> {
        let mut args = vec!["tag"];
        if sign {
            args.push("-s");
        } else if message.is_some() {
            args.push("-a");
        }
        if let Some(message) = message {
            args.extend(["-m", message]);
        }
        args.extend(["--end-of-options", name]);
        args.extend(target);
        self.command(args).run().map(drop)
    }

    /// `git tag -d <name>`.
    pub fn tag_delete(&self, name: &str) -> Result<(), GitError> {
        self.command(["tag", "-d", "--end-of-options", name])
            .run()
            .map(drop)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_checked_with_gits_rules() {
        let git = Git::locate().expect("git is installed");
        assert!(git.is_valid_branch_name("feature/x").unwrap());
        for bad in ["", "-x", "a..b", "@{-1}", "HEAD", "x.lock"] {
            assert!(!git.is_valid_branch_name(bad).unwrap(), "{bad}");
        }
        assert!(git.is_valid_tag_name("v1.2.3").unwrap());
        for bad in ["", "-v1", "v 1", "a..b", "refs/tags/v1"] {
            assert!(!git.is_valid_tag_name(bad).unwrap(), "{bad}");
        }
    }
}
