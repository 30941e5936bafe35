//! What `init` leaves behind, as data: the members of the set, the remotes it just adopted, and what the
//! summary warns about.

/// The set after `init`, for its summary.
#[derive(Debug, Clone, Default)]
pub struct InitSummary {
    /// The members, in the configured order (reserved names left out).
    pub members: Vec<String>,
    /// The git remotes `--import` just made members.
    pub adopted: Vec<String>,
    /// Whether the repository has any git remote (to adopt with `--import` when the set is empty).
    pub has_git_remotes: bool,
    /// Members whose URL in .git/config carries a password or token.
    pub secrets_in_urls: Vec<String>,
}
