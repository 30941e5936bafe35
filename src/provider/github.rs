//! GitHub and GitHub Enterprise Server (`/api/v3`): REST v3 with Bearer tokens and Link pagination.

use serde_json::{json, Value};

use super::http::{encode, AuthStyle, Client, Paging};
use super::{
    map_events, text, ApiError, Created, Identity, NewRepo, NewWebhook, Protection, Provider,
    ProviderKind, RepoInfo, Webhook,
};

pub struct GitHub {
    api: Client,
}

impl GitHub {
    pub fn new(base: &str, token: Option<String>) -> GitHub {
        GitHub {
            api: Client::new(base, token, AuthStyle::Bearer, Paging::Link),
        }
    }

    fn repo_path(owner: &str, name: &str) -> String {
        format!("/repos/{}/{}", encode(owner), encode(name))
    }
}

/// A GitHub repository object as [`RepoInfo`]; also used by Gitea and Gogs, whose objects copy its shape.
pub(crate) fn repo_info(value: &Value) -> RepoInfo {
    RepoInfo {
        owner: text(value, "/owner/login")
            .or_else(|| text(value, "/owner/username"))
            .unwrap_or_default(),
        name: text(value, "/name").unwrap_or_default(),
        https_url: text(value, "/clone_url"),
        ssh_url: text(value, "/ssh_url"),
        web_url: text(value, "/html_url"),
        default_branch: text(value, "/default_branch"),
        private: value.get("private").and_then(Value::as_bool),
        can_push: value.pointer("/permissions/push").and_then(Value::as_bool),
        can_admin: value.pointer("/permissions/admin").and_then(Value::as_bool),
    }
}

/// `Link`-paginated hook lists in GitHub's shape (Gitea and Gogs too).
pub(crate) fn hook_from(value: &Value) -> Webhook {
    Webhook {
        id: value
            .get("id")
            .map(|v| {
                v.as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| v.to_string())
            })
            .unwrap_or_default(),
        url: text(value, "/config/url").unwrap_or_default(),
        events: value
            .get("events")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default(),
        active: value.get("active").and_then(Value::as_bool).unwrap_or(true),
    }
}

const EVENTS: [(&str, &str); 3] = [
    ("tag", "create"),
    ("pull_request", "pull_request"),
    ("issues", "issues"),
];

impl Provider for GitHub {
    fn kind(&self) -> ProviderKind {
        ProviderKind::Github
    }

    fn host(&self) -> &str {
        &self.api.host
    }

    fn whoami(&self) -> Result<Identity, ApiError> {
        let reply = self.api.get("/user")?;
        let value = self.api.expect_ok(&reply)?;
        Ok(Identity {
            login: text(&value, "/login")
                .ok_or_else(|| self.api.malformed("no `login` in /user"))?,
            // Fine-grained tokens send no scopes header at all; classic tokens a comma-separated list.
            scopes: reply.header_list("x-oauth-scopes"),
            rate_limit_remaining: reply.header_number("x-ratelimit-remaining"),
        })
    }

    fn repo(&self, owner: &str, name: &str) -> Result<Option<RepoInfo>, ApiError> {
        Ok(self
            .api
            .get_optional(&Self::repo_path(owner, name))?
            .as_ref()
            .map(repo_info))
    }

    fn create_repo(&self, new: &NewRepo, login: &str) -> Result<Created, ApiError> {
        let mut body = json!({ "name": new.name, "private": new.private });
        if let Some(description) = &new.description {
            body["description"] = json!(description);
        }
        let path = match &new.owner {
            Some(owner) if !owner.eq_ignore_ascii_case(login) => {
                format!("/orgs/{}/repos", encode(owner))
            }
            _ => "/user/repos".to_string(),
        };
        let reply = self.api.post(&path, &body)?;
        match reply.status {
            200 | 201 => Ok(Created::New(repo_info(&reply.json(&self.api.host)?))),
            // "name already exists on this account"
            422 if reply.body.contains("already exists") => Ok(Created::AlreadyExists),
            _ => Err(self.api.error(&reply)),
        }
    }

    fn set_default_branch(&self, owner: &str, name: &str, branch: &str) -> Result<(), ApiError> {
        let reply = self.api.patch(
            &Self::repo_path(owner, name),
            &json!({ "default_branch": branch }),
        )?;
        self.api.expect_ok(&reply).map(drop)
    }

    fn protect_branch(&self, owner: &str, name: &str, rule: &Protection) -> Result<(), ApiError> {
        let reviews = if rule.require_review {
            json!({ "required_approving_review_count": rule.min_approvals.max(1) })
        } else {
            Value::Null
        };
        let body = json!({
            "required_status_checks": null,
            "enforce_admins": null,
            "required_pull_request_reviews": reviews,
            "restrictions": null,
            "allow_force_pushes": !rule.no_force_push,
        });
        let path = format!(
            "{}/branches/{}/protection",
            Self::repo_path(owner, name),
            encode(&rule.branch)
        );
        let reply = self.api.put(&path, &body)?;
        self.api.expect_ok(&reply).map(drop)
    }

    fn webhooks(&self, owner: &str, name: &str) -> Result<Vec<Webhook>, ApiError> {
        Ok(self
            .api
            .get_all(&format!(
                "{}/hooks?per_page=100",
                Self::repo_path(owner, name)
            ))?
            .iter()
            .map(hook_from)
            .collect())
    }

    fn add_webhook(&self, owner: &str, name: &str, hook: &NewWebhook) -> Result<Webhook, ApiError> {
        let mut config = json!({ "url": hook.url, "content_type": "json" });
        if let Some(secret) = &hook.secret {
            config["secret"] = json!(secret);
        }
        let body = json!({ "name": "web", "active": true, "events": map_events(&hook.events, &EVENTS), "config": config });
        let reply = self
            .api
            .post(&format!("{}/hooks", Self::repo_path(owner, name)), &body)?;
        Ok(hook_from(&self.api.expect_ok(&reply)?))
    }

    fn remove_webhook(&self, owner: &str, name: &str, id: &str) -> Result<(), ApiError> {
        let reply = self.api.delete(&format!(
            "{}/hooks/{}",
            Self::repo_path(owner, name),
            encode(id)
        ))?;
        self.api.expect_ok(&reply).map(drop)
    }
}
