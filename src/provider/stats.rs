//! The numbers a host keeps about a repository (`stats`): one repository GET on most hosts, each host's field
//! names mapped to [`HostStats`]; GitLab needs one more request for its open merge requests.

use serde_json::Value;

use super::{text, ApiError, Provider, ProviderKind};
use crate::model::stats::HostStats;

/// What a host counts about the repository `owner`/`name`; `Ok(None)` when it is not there.
pub fn repo_stats(
    provider: &dyn Provider,
    owner: &str,
    name: &str,
) -> Result<Option<HostStats>, ApiError> {
    let rest = provider.rest();
    let path = provider.repo_path(owner, name);
    let path = if rest.kind == ProviderKind::Gitlab {
        format!("{path}?statistics=true")
    } else {
        path
    };
    let Some(repo) = rest.api.get_optional(&path)? else {
        return Ok(None);
    };
    let mut stats = match rest.kind {
        ProviderKind::Github => github_stats(&repo),
        ProviderKind::Gitlab => gitlab_stats(&repo),
        ProviderKind::Bitbucket => bitbucket_stats(&repo),
        _ => gitea_stats(&repo),
    };
    if rest.kind == ProviderKind::Gitlab {
        // The count is in the `x-total` header of a one-item page.
        let reply = rest.api.get(&format!(
            "{}/merge_requests?state=opened&per_page=1",
            provider.repo_path(owner, name)
        ))?;
        rest.api.expect_ok(&reply)?;
        stats.open_pull_requests = reply.header_number("x-total");
    }
    stats.provider = rest.kind.to_string();
    Ok(Some(stats))
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
