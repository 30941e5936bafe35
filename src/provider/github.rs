//! GitHub and GitHub Enterprise Server (`/api/v3`): REST v3 with Bearer tokens and Link pagination.

use serde_json::{json, Value};

use super::http::{encode, AuthStyle, Paging, Reply};
use super::{
    map_events, strings, text, ApiError, Base, DefaultBranch, NewRepo, NewWebhook, Protection,
    ProtectionRule, ProviderKind, RepoInfo, Repositories, Rest, Webhook, Webhooks,
};

pub struct GitHub(Rest);

impl GitHub {
    pub fn new(base: &str, token: Option<String>) -> GitHub {
        GitHub(Rest::new(
            ProviderKind::Github,
            base,
            token,
            AuthStyle::Bearer,
            Paging::Link,
        ))
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

/// A webhook in GitHub's shape (Gitea and Gogs too).
pub(crate) fn hook_info(value: &Value) -> Webhook {
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
        events: strings(value, "events"),
        active: value.get("active").and_then(Value::as_bool).unwrap_or(true),
    }
}

const EVENTS: [(&str, &str); 3] = [
    ("tag", "create"),
    ("pull_request", "pull_request"),
    ("issues", "issues"),
];

impl Base for GitHub {
    fn rest(&self) -> &Rest {
        &self.0
    }
}

capabilities!(GitHub: default_branch, protection, webhooks, metadata, releases, inventory, stats, ci_status);

impl DefaultBranch for GitHub {}

impl Repositories for GitHub {
    fn repo_info(&self, value: &Value) -> RepoInfo {
        repo_info(value)
    }

    fn login_fields(&self) -> &'static [&'static str] {
        &["/login"]
    }

    fn scopes_header(&self) -> Option<&'static str> {
        // Fine-grained tokens send no scopes header at all; classic tokens a comma-separated list.
        Some("x-oauth-scopes")
    }

    fn create_request(&self, new: &NewRepo, login: &str) -> Result<(String, Value), ApiError> {
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
        Ok((path, body))
    }

    fn already_exists(&self, reply: &Reply) -> bool {
        // "name already exists on this account"
        reply.status == 422 && reply.body.contains("already exists")
    }
}

impl Protection for GitHub {
    fn protect(&self, repo: &str, rule: &ProtectionRule) -> Result<(), ApiError> {
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
        let path = format!("{repo}/branches/{}/protection", encode(&rule.branch));
        self.0.done(&self.0.api.put(&path, &body)?)
    }
}

impl Webhooks for GitHub {
    fn hook_info(&self, value: &Value) -> Webhook {
        hook_info(value)
    }

    fn hook_body(&self, hook: &NewWebhook) -> Value {
        let mut config = json!({ "url": hook.url, "content_type": "json" });
        if let Some(secret) = &hook.secret {
            config["secret"] = json!(secret);
        }
        json!({ "name": "web", "active": true, "events": map_events(&hook.events, &EVENTS), "config": config })
    }
}
