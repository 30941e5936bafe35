//! Changing an existing repository's default branch, on hosts with an API for it (not Gogs).

use serde_json::{json, Value};

use super::{ApiError, Base};

pub trait DefaultBranch: Base {
    /// The method and body that change a repository's default branch.
    fn default_branch_request(&self, branch: &str) -> (&'static str, Value) {
        ("PATCH", json!({ "default_branch": branch }))
    }

    fn set_default_branch(&self, owner: &str, name: &str, branch: &str) -> Result<(), ApiError> {
        let (method, body) = self.default_branch_request(branch);
        let rest = self.rest();
        let reply = rest
            .api
            .send(method, &self.repo_path(owner, name), Some(&body))?;
        rest.done(&reply)
    }
}
