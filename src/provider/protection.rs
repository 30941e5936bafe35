//! Branch protection, on hosts with an API for it (not Gogs). No two hosts model it alike, so each host
//! writes the whole request sequence itself.

use super::{ApiError, Base, ProtectionRule};

pub trait Protection: Base {
    /// Sets `rule` on the branch, leaving the repository's other rules alone.
    fn protect_branch(
        &self,
        owner: &str,
        name: &str,
        rule: &ProtectionRule,
    ) -> Result<(), ApiError> {
        self.protect(&self.repo_path(owner, name), rule)
    }

    /// [`Protection::protect_branch`] in the repository at `repo` (its [`Base::repo_path`]).
    fn protect(&self, repo: &str, rule: &ProtectionRule) -> Result<(), ApiError>;
}
