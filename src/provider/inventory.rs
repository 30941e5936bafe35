//! Organisations and repository listings on each host (`org list`, `org repos`): which route lists what, how
//! each host pages it (through [`Client::get_all`]), and each host's repository object as a [`Listed`] row.

use serde::Serialize;
use serde_json::Value;

use super::bitbucket::Bitbucket;
use super::gitea::Gitea;
use super::github::GitHub;
use super::gitlab::GitLab;
use super::gogs::Gogs;
use super::http::encode;
use super::{text, ApiError, Base, Repositories};

/// One repository as an owner's listing describes it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Listed {
    pub name: String,
    /// `private` or `public` (GitLab's `internal` counts as private: not everyone can see it).
    pub visibility: Option<String>,
    pub default_branch: Option<String>,
    /// The host's last-push (or last-activity) time, as the host wrote it (RFC 3339).
    pub last_push: Option<String>,
}

/// What a host can list about accounts: the token's organisations and an owner's repositories.
pub trait Inventory: Base {
    /// Organisations, groups (full paths) or workspaces the token's account belongs to.
    fn organisations(&self) -> Result<Vec<String>, ApiError>;
    /// Every repository of `owner` (a user, organisation, group or workspace) the token can see, all pages.
    fn owner_repositories(&self, owner: &str) -> Result<Vec<Listed>, ApiError>;
}

// GitHub, and Gitea/Forgejo/Gogs, whose routes copy GitHub's: `/user/orgs`, `/orgs/<org>/repos`,
// `/users/<user>/repos`, `/user/repos`; Link pagination. Each asks for the largest page it serves: GitHub 100,
// Gitea 50 (its default `MAX_RESPONSE_ITEMS`); Gogs pages nothing it lists here.

impl Inventory for GitHub {
    fn organisations(&self) -> Result<Vec<String>, ApiError> {
        github_like_organisations(self, "per_page=100")
    }

    fn owner_repositories(&self, owner: &str) -> Result<Vec<Listed>, ApiError> {
        github_like_repositories(self, self, owner, "per_page=100", "affiliation=owner")
    }
}

impl Inventory for Gitea {
    fn organisations(&self) -> Result<Vec<String>, ApiError> {
        github_like_organisations(self, "limit=50")
    }

    fn owner_repositories(&self, owner: &str) -> Result<Vec<Listed>, ApiError> {
        github_like_repositories(self, self, owner, "limit=50", "")
    }
}

impl Inventory for Gogs {
    fn organisations(&self) -> Result<Vec<String>, ApiError> {
        github_like_organisations(self, "")
    }

    fn owner_repositories(&self, owner: &str) -> Result<Vec<Listed>, ApiError> {
        github_like_repositories(self, self, owner, "", "")
    }
}

/// `path` with the query parts that are not empty.
fn with_query(path: &str, parts: &[&str]) -> String {
    let query: Vec<&str> = parts.iter().copied().filter(|q| !q.is_empty()).collect();
    if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", query.join("&"))
    }
}

/// The names in every item `path` lists: each item's first text at one of `pointers`.
fn names(host: &dyn Base, path: &str, pointers: &[&str]) -> Result<Vec<String>, ApiError> {
    let items = host.rest().api.get_all(path)?;
    let name = |item: &Value| pointers.iter().find_map(|p| text(item, p));
    Ok(items.iter().filter_map(name).collect())
}

fn github_like_organisations(host: &dyn Base, page: &str) -> Result<Vec<String>, ApiError> {
    let path = with_query("/user/orgs", &[page]);
    names(host, &path, &["/login", "/username", "/name"])
}

/// An organisation's repositories, else a user's: their own account lists private repositories too, but only
/// through `/user/repos`, which also holds other owners' repositories the user works on (filtered out here).
fn github_like_repositories(
    host: &dyn Base,
    account: &dyn Repositories,
    owner: &str,
    page: &str,
    own_filter: &str,
) -> Result<Vec<Listed>, ApiError> {
    let api = &host.rest().api;
    let org = api.get_all(&with_query(
        &format!("/orgs/{}/repos", encode(owner)),
        &[page],
    ));
    let items = match org {
        Ok(items) => items,
        Err(ApiError::NotFound { .. }) => {
            let me = account.whoami()?;
            if me.login.eq_ignore_ascii_case(owner) {
                let all = api.get_all(&with_query("/user/repos", &[own_filter, page]))?;
                all.into_iter()
                    .filter(|r| owner_login(r).is_none_or(|o| o.eq_ignore_ascii_case(owner)))
                    .collect()
            } else {
                api.get_all(&with_query(
                    &format!("/users/{}/repos", encode(owner)),
                    &[page],
                ))?
            }
        }
        Err(err) => return Err(err),
    };
    Ok(items.iter().map(github_listed).collect())
}

fn owner_login(repo: &Value) -> Option<String> {
    text(repo, "/owner/login").or_else(|| text(repo, "/owner/username"))
}

/// A GitHub (or Gitea, Gogs) repository object as a row; Gitea and Gogs have no push time, only `updated_at`.
pub(crate) fn github_listed(value: &Value) -> Listed {
    Listed {
        name: text(value, "/name").unwrap_or_default(),
        visibility: text(value, "/visibility").or_else(|| {
            value
                .get("private")
                .and_then(Value::as_bool)
                .map(|p| visibility(p).to_string())
        }),
        default_branch: text(value, "/default_branch"),
        last_push: text(value, "/pushed_at").or_else(|| text(value, "/updated_at")),
    }
}

fn visibility(private: bool) -> &'static str {
    if private {
        "private"
    } else {
        "public"
    }
}

/// GitLab: groups the token's user is a member of, and a group's (else a user's) projects; `x-next-page`.
impl Inventory for GitLab {
    fn organisations(&self) -> Result<Vec<String>, ApiError> {
        // Without `min_access_level`, GitLab lists every group the user can see: all public ones on gitlab.com.
        names(
            self,
            "/groups?min_access_level=10&per_page=100",
            &["/full_path"],
        )
    }

    fn owner_repositories(&self, owner: &str) -> Result<Vec<Listed>, ApiError> {
        let api = &self.rest().api;
        let group = api.get_all(&format!(
            "/groups/{}/projects?per_page=100&include_subgroups=false",
            encode(owner)
        ));
        let items = match group {
            Ok(items) => items,
            Err(ApiError::NotFound { .. }) => {
                api.get_all(&format!("/users/{}/projects?per_page=100", encode(owner)))?
            }
            Err(err) => return Err(err),
        };
        Ok(items.iter().map(gitlab_listed).collect())
    }
}

pub(crate) fn gitlab_listed(value: &Value) -> Listed {
    Listed {
        name: text(value, "/path")
            .or_else(|| text(value, "/name"))
            .unwrap_or_default(),
        visibility: text(value, "/visibility").map(|v| visibility(v != "public").to_string()),
        default_branch: text(value, "/default_branch"),
        last_push: text(value, "/last_activity_at"),
    }
}

/// Bitbucket Cloud: the workspaces the user belongs to and a workspace's repositories; `{"values", "next"}`.
impl Inventory for Bitbucket {
    fn organisations(&self) -> Result<Vec<String>, ApiError> {
        let path = "/user/permissions/workspaces?pagelen=100";
        names(self, path, &["/workspace/slug"])
    }

    fn owner_repositories(&self, owner: &str) -> Result<Vec<Listed>, ApiError> {
        let items = self
            .rest()
            .api
            .get_all(&format!("/repositories/{}?pagelen=100", encode(owner)))?;
        Ok(items.iter().map(bitbucket_listed).collect())
    }
}

pub(crate) fn bitbucket_listed(value: &Value) -> Listed {
    Listed {
        name: text(value, "/slug")
            .or_else(|| text(value, "/name"))
            .unwrap_or_default(),
        visibility: value
            .get("is_private")
            .and_then(Value::as_bool)
            .map(|p| visibility(p).to_string()),
        default_branch: text(value, "/mainbranch/name"),
        last_push: text(value, "/updated_on"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn each_hosts_repository_object_becomes_a_row() {
        let github = json!({"name": "demo", "private": true, "visibility": "private", "default_branch": "main",
            "pushed_at": "2026-12-01T10:00:00Z", "updated_at": "2026-11-01T10:00:00Z"});
        assert_eq!(
            github_listed(&github),
            Listed {
                name: "demo".into(),
                visibility: Some("private".into()),
                default_branch: Some("main".into()),
                last_push: Some("2026-12-01T10:00:00Z".into()),
            }
        );
        let gitea = json!({"name": "demo", "private": false, "default_branch": "dev", "updated_at": "2026-11-01T10:00:00Z"});
        assert_eq!(github_listed(&gitea).visibility.as_deref(), Some("public"));
        assert_eq!(
            github_listed(&gitea).last_push.as_deref(),
            Some("2026-11-01T10:00:00Z")
        );
        let gitlab = json!({"path": "demo", "name": "Demo", "visibility": "internal", "default_branch": "main",
            "last_activity_at": "2026-12-02T00:00:00.000Z"});
        assert_eq!(gitlab_listed(&gitlab).name, "demo");
        assert_eq!(
            gitlab_listed(&gitlab).visibility.as_deref(),
            Some("private")
        );
        let bitbucket = json!({"slug": "demo", "name": "Demo", "is_private": false, "mainbranch": {"name": "trunk"},
            "updated_on": "2026-12-03T00:00:00+00:00"});
        let row = bitbucket_listed(&bitbucket);
        assert_eq!(row.default_branch.as_deref(), Some("trunk"));
        assert_eq!(row.visibility.as_deref(), Some("public"));
    }
}
