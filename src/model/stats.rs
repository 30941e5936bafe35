//! `stats`: the numbers each host keeps about the repository, and the local history's own.

use serde::Serialize;

/// What one host says about the repository. `None`: this host does not count it (or did not say).
#[derive(Debug, Clone, Default, Serialize)]
pub struct HostStats {
    pub provider: String,
    pub stars: Option<u64>,
    pub forks: Option<u64>,
    pub watchers: Option<u64>,
    pub open_issues: Option<u64>,
    pub open_pull_requests: Option<u64>,
    /// GitHub counts open pull requests among its open issues and gives no separate number.
    pub issues_include_pull_requests: bool,
    pub size_kb: Option<u64>,
    pub default_branch: Option<String>,
    /// The last push (GitLab: last activity; Gitea, Gogs, Bitbucket: last update), as the host wrote it.
    pub last_push: Option<String>,
}

/// A commit and its committer date (RFC 3339).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stamp {
    pub commit: String,
    pub date: String,
}

/// The local history of HEAD and the local refs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LocalStats {
    pub commits: u64,
    /// Distinct authors (after .mailmap).
    pub contributors: u64,
    pub branches: u64,
    pub tags: u64,
    pub first_commit: Option<Stamp>,
    pub last_commit: Option<Stamp>,
}
