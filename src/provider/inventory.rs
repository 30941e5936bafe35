//! Organisations and repository listings on each host (`org list`, `org repos`): which route lists what, how
//! each host pages it (through [`Client::get_all`]), and each host's repository object as a [`Listed`] row.

use serde_json::Value;

use super::http::{encode, Client};
use super::{text, ApiError, Provider, ProviderKind};
use crate::model::inventory::Listed;

/// What a host can list about accounts: the token's organisations and an owner's repositories.
pub trait Inventory {
    /// Organisations, groups (full paths) or workspaces the token's account belongs to.
    fn organisations(&self) -> Result<Vec<String>, ApiError>;
    /// Every repository of `owner` (a user, organisation, group or workspace) the token can see, all pages.
    fn repositories(&self, owner: &str) -> Result<Vec<Listed>, ApiError>;
}

/// The inventory capability of `provider`; every host with an API git-multi uses has one.
pub fn inventory(provider: &dyn Provider) -> Option<Box<dyn Inventory + '_>> {
    let rest = provider.rest();
    let api = &rest.api;
    Some(match rest.kind {
        ProviderKind::Github | ProviderKind::Gitea | ProviderKind::Forgejo | ProviderKind::Gogs => {
            Box::new(GithubLike {
                provider,
                api,
                kind: rest.kind,
            })
        }
        ProviderKind::Gitlab => Box::new(GitLabGroups { api }),
        ProviderKind::Bitbucket => Box::new(Workspaces { api }),
        ProviderKind::Sourcehut | ProviderKind::Generic => return None,
    })
}

/// GitHub, and Gitea/Forgejo/Gogs, whose routes copy GitHub's: `/user/orgs`, `/orgs/<org>/repos`,
/// `/users/<user>/repos`, `/user/repos`; Link pagination.
struct GithubLike<'a> {
    provider: &'a dyn Provider,
    api: &'a Client,
    kind: ProviderKind,
}

impl GithubLike<'_> {
    /// The largest page each host serves: GitHub 100, Gitea 50 (its default `MAX_RESPONSE_ITEMS`); Gogs pages
    /// nothing it lists here.
    fn page_query(&self) -> &'static str {
        match self.kind {
            ProviderKind::Github => "per_page=100",
            ProviderKind::Gogs => "",
            _ => "limit=50",
        }
    }

    fn with_query(&self, path: &str, extra: &str) -> String {
        let query: Vec<&str> = [extra, self.page_query()]
            .into_iter()
            .filter(|q| !q.is_empty())
            .collect();
        if query.is_empty() {
            path.to_string()
        } else {
            format!("{path}?{}", query.join("&"))
        }
    }
}

impl Inventory for GithubLike<'_> {
    fn organisations(&self) -> Result<Vec<String>, ApiError> {
        let orgs = self.api.get_all(&self.with_query("/user/orgs", ""))?;
        Ok(orgs
            .iter()
            .filter_map(|o| {
                text(o, "/login")
                    .or_else(|| text(o, "/username"))
                    .or_else(|| text(o, "/name"))
            })
            .collect())
    }

    fn repositories(&self, owner: &str) -> Result<Vec<Listed>, ApiError> {
        let org = self
            .api
            .get_all(&self.with_query(&format!("/orgs/{}/repos", encode(owner)), ""));
        let items = match org {
            Ok(items) => items,
            // Not an organisation: a user. Their own account lists private repositories too, but only
            // through `/user/repos`, which also holds other owners' repositories the user works on.
            Err(ApiError::NotFound { .. }) => {
                let me = self.provider.whoami()?;
                if me.login.eq_ignore_ascii_case(owner) {
                    let extra = if self.kind == ProviderKind::Github {
                        "affiliation=owner"
                    } else {
                        ""
                    };
                    let all = self.api.get_all(&self.with_query("/user/repos", extra))?;
                    all.into_iter()
                        .filter(|r| owner_login(r).is_none_or(|o| o.eq_ignore_ascii_case(owner)))
                        .collect()
                } else {
                    self.api
                        .get_all(&self.with_query(&format!("/users/{}/repos", encode(owner)), ""))?
                }
            }
            Err(err) => return Err(err),
        };
        Ok(items.iter().map(github_listed).collect())
    }
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
struct GitLabGroups<'a> {
    api: &'a Client,
}

impl Inventory for GitLabGroups<'_> {
    fn organisations(&self) -> Result<Vec<String>, ApiError> {
        // Without `min_access_level`, GitLab lists every group the user can see: all public ones on gitlab.com.
        let groups = self
            .api
            .get_all("/groups?min_access_level=10&per_page=100")?;
        Ok(groups
            .iter()
            .filter_map(|g| text(g, "/full_path"))
            .collect())
    }

    fn repositories(&self, owner: &str) -> Result<Vec<Listed>, ApiError> {
        let group = self.api.get_all(&format!(
            "/groups/{}/projects?per_page=100&include_subgroups=false",
            encode(owner)
        ));
        let items = match group {
            Ok(items) => items,
            Err(ApiError::NotFound { .. }) => self
                .api
                .get_all(&format!("/users/{}/projects?per_page=100", encode(owner)))?,
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
struct Workspaces<'a> {
    api: &'a Client,
}

impl Inventory for Workspaces<'_> {
    fn organisations(&self) -> Result<Vec<String>, ApiError> {
        let memberships = self
            .api
            .get_all("/user/permissions/workspaces?pagelen=100")?;
        Ok(memberships
            .iter()
            .filter_map(|m| text(m, "/workspace/slug"))
            .collect())
    }

    fn repositories(&self, owner: &str) -> Result<Vec<Listed>, ApiError> {
        let items = self
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
