//! Gitea, Forgejo (Codeberg) and Gogs (`/api/v1`): GitHub-shaped objects, `Authorization: token`, Link
//! pagination. Gogs is Gitea's ancestor: same routes for what it has, `/org/<org>/repos` for organisations, no
//! branch protection and no default-branch API.

use serde_json::{json, Value};

use super::github::{hook_from, repo_info};
use super::http::{encode, AuthStyle, Client, Paging};
use super::{
    map_events, text, ApiError, Created, Identity, NewRepo, NewWebhook, Protection, Provider,
    ProviderKind, RepoInfo, Webhook,
};

pub struct Gitea {
    kind: ProviderKind,
    api: Client,
}

impl Gitea {
    pub fn new(kind: ProviderKind, base: &str, token: Option<String>) -> Gitea {
        Gitea {
            kind,
            api: Client::new(base, token, AuthStyle::Token, Paging::Link),
        }
    }

    fn is_gogs(&self) -> bool {
        self.kind == ProviderKind::Gogs
    }

    fn repo_path(owner: &str, name: &str) -> String {
        format!("/repos/{}/{}", encode(owner), encode(name))
    }

    fn unsupported(&self, what: &'static str) -> ApiError {
        ApiError::Unsupported {
            host: self.api.host.clone(),
            kind: self.kind,
            what,
        }
    }
}

const EVENTS: [(&str, &str); 2] = [("tag", "create"), ("issues", "issues")];

impl Provider for Gitea {
    fn kind(&self) -> ProviderKind {
        self.kind
    }

    fn host(&self) -> &str {
        &self.api.host
    }

    fn whoami(&self) -> Result<Identity, ApiError> {
        let reply = self.api.get("/user")?;
        let value = self.api.expect_ok(&reply)?;
        Ok(Identity {
            login: text(&value, "/login")
                .or_else(|| text(&value, "/username"))
                .ok_or_else(|| self.api.malformed("no `login` in /user"))?,
            scopes: None,
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
        let reply = self.api.post(&path, &body)?;
        match reply.status {
            200 | 201 => Ok(Created::New(repo_info(&reply.json(&self.api.host)?))),
            // Gitea/Forgejo answer 409; Gogs 422 "repository already exists".
            409 => Ok(Created::AlreadyExists),
            422 if reply.body.contains("already exist") => Ok(Created::AlreadyExists),
            _ => Err(self.api.error(&reply)),
        }
    }

    fn set_default_branch(&self, owner: &str, name: &str, branch: &str) -> Result<(), ApiError> {
        if self.is_gogs() {
            return Err(self.unsupported("setting the default branch"));
        }
        let reply = self.api.patch(
            &Self::repo_path(owner, name),
            &json!({ "default_branch": branch }),
        )?;
        self.api.expect_ok(&reply).map(drop)
    }

    fn protect_branch(&self, owner: &str, name: &str, rule: &Protection) -> Result<(), ApiError> {
        if self.is_gogs() {
            return Err(self.unsupported("branch protection through the API"));
        }
        // Gitea has no separate force-push switch in its documented API: protection itself forbids force
        // pushes, and `enable_push` keeps ordinary pushes by writers allowed.
        let mut body = json!({ "enable_push": true });
        if rule.require_review {
            body["required_approvals"] = json!(rule.min_approvals.max(1));
        }
        let base = format!("{}/branch_protections", Self::repo_path(owner, name));
        let existing = self.api.get(&format!("{base}/{}", encode(&rule.branch)))?;
        let reply = if existing.status == 200 {
            self.api
                .patch(&format!("{base}/{}", encode(&rule.branch)), &body)?
        } else {
            body["rule_name"] = json!(rule.branch);
            body["branch_name"] = json!(rule.branch);
            self.api.post(&base, &body)?
        };
        self.api.expect_ok(&reply).map(drop)
    }

    fn webhooks(&self, owner: &str, name: &str) -> Result<Vec<Webhook>, ApiError> {
        let path = format!("{}/hooks", Self::repo_path(owner, name));
        let path = if self.is_gogs() {
            path
        } else {
            format!("{path}?limit=50")
        };
        Ok(self.api.get_all(&path)?.iter().map(hook_from).collect())
    }

    fn add_webhook(&self, owner: &str, name: &str, hook: &NewWebhook) -> Result<Webhook, ApiError> {
        let mut config = json!({ "url": hook.url, "content_type": "json" });
        if let Some(secret) = &hook.secret {
            config["secret"] = json!(secret);
        }
        let kind = if self.is_gogs() { "gogs" } else { "gitea" };
        let body = json!({ "type": kind, "active": true, "events": map_events(&hook.events, &EVENTS), "config": config });
        let reply = self
            .api
            .post(&format!("{}/hooks", Self::repo_path(owner, name)), &body)?;
        let value: Value = self.api.expect_ok(&reply)?;
        Ok(hook_from(&value))
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
