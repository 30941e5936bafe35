//! Gitea, Forgejo (Codeberg) and Gogs (`/api/v1`): GitHub-shaped objects, `Authorization: token`, Link
//! pagination. Gogs is Gitea's ancestor: same routes for what it has, `/org/<org>/repos` for organisations, no
//! branch protection and no default-branch API.

use serde_json::{json, Value};

use super::github::{hook_info, repo_info, repo_path};
use super::http::{encode, AuthStyle, Paging, Reply};
use super::{
    map_events, ApiError, Feature, NewRepo, NewWebhook, Protection, Provider, ProviderKind,
    RepoInfo, Rest, Webhook,
};

pub struct Gitea(Rest);

impl Gitea {
    pub fn new(kind: ProviderKind, base: &str, token: Option<String>) -> Gitea {
        Gitea(Rest::new(kind, base, token, AuthStyle::Token, Paging::Link))
    }

    fn is_gogs(&self) -> bool {
        self.0.kind == ProviderKind::Gogs
    }
}

const EVENTS: [(&str, &str); 2] = [("tag", "create"), ("issues", "issues")];

impl Provider for Gitea {
    fn rest(&self) -> &Rest {
        &self.0
    }

    fn metadata(&self) -> Option<&dyn super::metadata::Metadata> {
        (!self.is_gogs()).then_some(self as &dyn super::metadata::Metadata)
    }

    fn releases(&self) -> Option<&dyn super::releases::Releases> {
        Some(self)
    }

    fn repo_path(&self, owner: &str, name: &str) -> String {
        repo_path(owner, name)
    }

    fn repo_info(&self, value: &Value) -> RepoInfo {
        repo_info(value)
    }

    fn login_fields(&self) -> &'static [&'static str] {
        &["/login", "/username"]
    }

    fn create_request(&self, new: &NewRepo, login: &str) -> Result<(String, Value), ApiError> {
        let mut body = json!({ "name": new.name, "private": new.private });
        if let Some(description) = &new.description {
            body["description"] = json!(description);
        }
        if let (Some(branch), false) = (&new.default_branch, self.is_gogs()) {
            body["default_branch"] = json!(branch);
        }
        let path = match &new.owner {
            Some(owner) if !owner.eq_ignore_ascii_case(login) => {
                let segment = if self.is_gogs() { "org" } else { "orgs" };
                format!("/{segment}/{}/repos", encode(owner))
            }
            _ => "/user/repos".to_string(),
        };
        Ok((path, body))
    }

    fn already_exists(&self, reply: &Reply) -> bool {
        // Gitea/Forgejo answer 409; Gogs 422 "repository already exists".
        reply.status == 409 || (reply.status == 422 && reply.body.contains("already exist"))
    }

    fn supports(&self, feature: Feature) -> Result<(), ApiError> {
        match feature {
            _ if !self.is_gogs() => Ok(()),
            Feature::DefaultBranch => Err(self
                .0
                .unsupported("Gogs has no API to set the default branch")),
            Feature::BranchProtection => Err(self
                .0
                .unsupported("Gogs has no branch protection API; set it in the web UI")),
        }
    }

    fn protect_branch(&self, owner: &str, name: &str, rule: &Protection) -> Result<(), ApiError> {
        self.supports(Feature::BranchProtection)?;
        let api = &self.0.api;
        // Gitea has no separate force-push switch in its documented API: protection itself forbids force
        // pushes, and `enable_push` keeps ordinary pushes by writers allowed.
        let mut body = json!({ "enable_push": true });
        if rule.require_review {
            body["required_approvals"] = json!(rule.min_approvals.max(1));
        }
        let base = format!("{}/branch_protections", repo_path(owner, name));
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

    fn hooks_query(&self) -> &'static str {
        if self.is_gogs() {
            ""
        } else {
            "?limit=50"
        }
    }

    fn hook_info(&self, value: &Value) -> Webhook {
        hook_info(value)
    }

    fn hook_body(&self, hook: &NewWebhook) -> Value {
        let mut config = json!({ "url": hook.url, "content_type": "json" });
        if let Some(secret) = &hook.secret {
            config["secret"] = json!(secret);
        }
        let kind = if self.is_gogs() { "gogs" } else { "gitea" };
        json!({ "type": kind, "active": true, "events": map_events(&hook.events, &EVENTS), "config": config })
    }
}
