//! Gitea and Forgejo (Codeberg) (`/api/v1`): GitHub-shaped objects, `Authorization: token`, Link pagination.
//! Gogs, their ancestor, shares the requests below that it has (`gogs.rs`).

use serde_json::{json, Value};

use super::github::{hook_info, repo_info};
use super::http::{encode, AuthStyle, Paging, Reply};
use super::{
    map_events, ApiError, Base, DefaultBranch, NewRepo, NewWebhook, Protection, ProtectionRule,
    ProviderKind, RepoInfo, Repositories, Rest, Webhook, Webhooks,
};

pub struct Gitea(Rest);

impl Gitea {
    pub fn new(kind: ProviderKind, base: &str, token: Option<String>) -> Gitea {
        Gitea(Rest::new(kind, base, token, AuthStyle::Token, Paging::Link))
    }
}

const EVENTS: [(&str, &str); 2] = [("tag", "create"), ("issues", "issues")];

/// The create route and body of the Gitea family; organisations live under `org_segment` (`orgs`, Gogs `org`),
/// and only hosts that take one get the default branch.
pub(crate) fn create_request(
    new: &NewRepo,
    login: &str,
    org_segment: &str,
    with_default_branch: bool,
) -> (String, Value) {
    let mut body = json!({ "name": new.name, "private": new.private });
    if let Some(description) = &new.description {
        body["description"] = json!(description);
    }
    if let (Some(branch), true) = (&new.default_branch, with_default_branch) {
        body["default_branch"] = json!(branch);
    }
    let path = match &new.owner {
        Some(owner) if !owner.eq_ignore_ascii_case(login) => {
            format!("/{org_segment}/{}/repos", encode(owner))
        }
        _ => "/user/repos".to_string(),
    };
    (path, body)
}

/// Gitea/Forgejo answer 409; Gogs 422 "repository already exists".
pub(crate) fn already_exists(reply: &Reply) -> bool {
    reply.status == 409 || (reply.status == 422 && reply.body.contains("already exist"))
}

/// The webhook create body of the Gitea family; `kind` is the hook type (`gitea`, `gogs`).
pub(crate) fn hook_body(hook: &NewWebhook, kind: &str) -> Value {
    let mut config = json!({ "url": hook.url, "content_type": "json" });
    if let Some(secret) = &hook.secret {
        config["secret"] = json!(secret);
    }
    json!({ "type": kind, "active": true, "events": map_events(&hook.events, &EVENTS), "config": config })
}

impl Base for Gitea {
    fn rest(&self) -> &Rest {
        &self.0
    }
}

capabilities!(Gitea: default_branch, protection, webhooks, metadata, releases, inventory, stats, ci_status);

impl Repositories for Gitea {
    fn repo_info(&self, value: &Value) -> RepoInfo {
        repo_info(value)
    }

    fn login_fields(&self) -> &'static [&'static str] {
        &["/login", "/username"]
    }

    fn create_request(&self, new: &NewRepo, login: &str) -> Result<(String, Value), ApiError> {
        Ok(create_request(new, login, "orgs", true))
    }

    fn already_exists(&self, reply: &Reply) -> bool {
        already_exists(reply)
    }
}

impl DefaultBranch for Gitea {}

impl Protection for Gitea {
    fn protect(&self, repo: &str, rule: &ProtectionRule) -> Result<(), ApiError> {
        let api = &self.0.api;
        // Gitea has no separate force-push switch in its documented API: protection itself forbids force
        // pushes, and `enable_push` keeps ordinary pushes by writers allowed.
        let mut body = json!({ "enable_push": true });
        if rule.require_review {
            body["required_approvals"] = json!(rule.min_approvals.max(1));
        }
        let base = format!("{repo}/branch_protections");
        let existing = api.get(&format!("{base}/{}", encode(&rule.branch)))?;
        let reply = if existing.status == 200 {
            api.patch(&format!("{base}/{}", encode(&rule.branch)), &body)?
        } else {
            body["rule_name"] = json!(rule.branch);
            body["branch_name"] = json!(rule.branch);
            api.post(&base, &body)?
        };
        self.0.done(&reply)
    }
}

impl Webhooks for Gitea {
    fn hooks_query(&self) -> &'static str {
        "?limit=50"
    }

    fn hook_info(&self, value: &Value) -> Webhook {
        hook_info(value)
    }

    fn hook_body(&self, hook: &NewWebhook) -> Value {
        hook_body(hook, "gitea")
    }
}
