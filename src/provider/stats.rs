//! The numbers a host keeps about a repository (`stats`): one repository GET on every host, each host's field
//! names mapped to [`HostStats`]; GitLab needs one more request for its open merge requests.

use serde::Serialize;
use serde_json::Value;

use super::bitbucket::Bitbucket;
use super::gitea::Gitea;
use super::github::GitHub;
use super::gitlab::GitLab;
use super::gogs::Gogs;
use super::{text, ApiError, Base};

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

/// What a host counts about a repository.
pub trait RepoStats: Base {
    /// This host's repository object in the common shape.
    fn stats_of(&self, repo: &Value) -> HostStats;

    /// The route that gets the repository with its counters.
    fn stats_path(&self, owner: &str, name: &str) -> String {
        self.repo_path(owner, name)
    }

    /// Counters that need requests of their own (GitLab's open merge requests).
    fn more_stats(
        &self,
        _owner: &str,
        _name: &str,
        _stats: &mut HostStats,
    ) -> Result<(), ApiError> {
        Ok(())
    }

    /// What the host counts about `owner`/`name`; `Ok(None)` when it is not there.
    fn repo_stats(&self, owner: &str, name: &str) -> Result<Option<HostStats>, ApiError> {
        let rest = self.rest();
        let Some(repo) = rest.api.get_optional(&self.stats_path(owner, name))? else {
            return Ok(None);
        };
        let mut stats = self.stats_of(&repo);
        self.more_stats(owner, name, &mut stats)?;
        stats.provider = rest.kind.to_string();
        Ok(Some(stats))
    }
}

impl RepoStats for GitHub {
    fn stats_of(&self, repo: &Value) -> HostStats {
        github_stats(repo)
    }
}

impl RepoStats for Gitea {
    fn stats_of(&self, repo: &Value) -> HostStats {
        gitea_stats(repo)
    }
}

impl RepoStats for Gogs {
    fn stats_of(&self, repo: &Value) -> HostStats {
        gitea_stats(repo)
    }
}

impl RepoStats for Bitbucket {
    fn stats_of(&self, repo: &Value) -> HostStats {
        bitbucket_stats(repo)
    }
}

impl RepoStats for GitLab {
    fn stats_of(&self, repo: &Value) -> HostStats {
        gitlab_stats(repo)
    }

    fn stats_path(&self, owner: &str, name: &str) -> String {
        format!("{}?statistics=true", self.repo_path(owner, name))
    }

    fn more_stats(&self, owner: &str, name: &str, stats: &mut HostStats) -> Result<(), ApiError> {
        // The count is in the `x-total` header of a one-item page.
        let api = &self.rest().api;
        let reply = api.get(&format!(
            "{}/merge_requests?state=opened&per_page=1",
            self.repo_path(owner, name)
        ))?;
        api.expect_ok(&reply)?;
        stats.open_pull_requests = reply.header_number("x-total");
        Ok(())
    }
}

fn number(value: &Value, pointer: &str) -> Option<u64> {
    // Schema-built examples carry negative int64s: not a count.
    value.pointer(pointer).and_then(Value::as_u64)
}

pub(crate) fn github_stats(repo: &Value) -> HostStats {
    HostStats {
        stars: number(repo, "/stargazers_count"),
        forks: number(repo, "/forks_count"),
        // `watchers_count` is the star count kept for old clients; subscribers are the watchers.
        watchers: number(repo, "/subscribers_count"),
        open_issues: number(repo, "/open_issues_count"),
        open_pull_requests: None,
        issues_include_pull_requests: true,
        size_kb: number(repo, "/size"),
        default_branch: text(repo, "/default_branch"),
        last_push: text(repo, "/pushed_at"),
        ..HostStats::default()
    }
}

/// Gitea, Forgejo and Gogs (Gogs has no pull request counter).
pub(crate) fn gitea_stats(repo: &Value) -> HostStats {
    HostStats {
        stars: number(repo, "/stars_count"),
        forks: number(repo, "/forks_count"),
        watchers: number(repo, "/watchers_count"),
        open_issues: number(repo, "/open_issues_count"),
        open_pull_requests: number(repo, "/open_pr_counter"),
        size_kb: number(repo, "/size"),
        default_branch: text(repo, "/default_branch"),
        last_push: text(repo, "/updated_at"),
        ..HostStats::default()
    }
}

pub(crate) fn gitlab_stats(repo: &Value) -> HostStats {
    HostStats {
        stars: number(repo, "/star_count"),
        forks: number(repo, "/forks_count"),
        open_issues: number(repo, "/open_issues_count"),
        size_kb: number(repo, "/statistics/repository_size").map(|b| b.div_ceil(1024)),
        default_branch: text(repo, "/default_branch"),
        last_push: text(repo, "/last_activity_at"),
        ..HostStats::default()
    }
}

/// Bitbucket's repository object counts nothing but its size (bytes).
pub(crate) fn bitbucket_stats(repo: &Value) -> HostStats {
    HostStats {
        size_kb: number(repo, "/size").map(|b| b.div_ceil(1024)),
        default_branch: text(repo, "/mainbranch/name"),
        last_push: text(repo, "/updated_on"),
        ..HostStats::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn each_hosts_counters_map_to_the_same_fields() {
        let gh = github_stats(
            &json!({"stargazers_count": 7, "watchers_count": 7, "subscribers_count": 2,
            "forks_count": 1, "open_issues_count": 4, "size": 120, "pushed_at": "2026-12-01T00:00:00Z"}),
        );
        assert_eq!(
            (gh.stars, gh.watchers, gh.open_issues),
            (Some(7), Some(2), Some(4))
        );
        assert!(gh.issues_include_pull_requests);
        let tea = gitea_stats(
            &json!({"stars_count": 3, "open_pr_counter": 2, "size": -9007199254740991i64}),
        );
        assert_eq!(
            (tea.stars, tea.open_pull_requests, tea.size_kb),
            (Some(3), Some(2), None)
        );
        let gl = gitlab_stats(&json!({"star_count": 5, "statistics": {"repository_size": 2048}}));
        assert_eq!((gl.stars, gl.size_kb), (Some(5), Some(2)));
        let bb = bitbucket_stats(&json!({"size": 1025, "mainbranch": {"name": "main"}}));
        assert_eq!((bb.size_kb, bb.stars), (Some(2), None));
    }
}
