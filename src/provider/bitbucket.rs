//! Bitbucket Cloud (`/2.0`): workspaces and project keys, create answers 200, `mainbranch`, branch
//! restrictions, and the `{"values", "next"}` pagination envelope.

use serde_json::{json, Value};

use super::http::{encode, AuthStyle, Client, Paging};
use super::{
    map_events, text, ApiError, Created, Identity, NewRepo, NewWebhook, Protection, Provider,
    ProviderKind, RepoInfo, Webhook,
};

pub struct Bitbucket {
    api: Client,
}

const EVENTS: [(&str, &str); 3] = [
    ("push", "repo:push"),
    ("pull_request", "pullrequest:created"),
    ("issues", "issue:created"),
];

impl Bitbucket {
    pub fn new(base: &str, token: Option<String>) -> Bitbucket {
        Bitbucket {
            api: Client::new(base, token, AuthStyle::Bearer, Paging::BodyNext),
        }
    }

    fn repo_path(owner: &str, name: &str) -> String {
        format!(
            "/repositories/{}/{}",
            encode(owner),
            encode(&name.to_ascii_lowercase())
        )
    }

    fn info(value: &Value) -> RepoInfo {
        let clone = |kind: &str| {
            value
                .pointer("/links/clone")
                .and_then(Value::as_array)?
                .iter()
                .find(|l| l.get("name").and_then(Value::as_str) == Some(kind))
                .and_then(|l| text(l, "/href"))
        };
        let full = text(value, "/full_name").unwrap_or_default();
        RepoInfo {
            owner: full.split('/').next().unwrap_or_default().to_string(),
            name: text(value, "/slug")
                .or_else(|| text(value, "/name"))
                .unwrap_or_default(),
            https_url: clone("https").map(|u| strip_user(&u)),
            ssh_url: clone("ssh"),
            web_url: text(value, "/links/html/href"),
            default_branch: text(value, "/mainbranch/name"),
            private: value.get("is_private").and_then(Value::as_bool),
            can_push: None,
            can_admin: None,
        }
    }

    fn hook(value: &Value) -> Webhook {
        Webhook {
            id: text(value, "/uuid").unwrap_or_default(),
            url: text(value, "/url").unwrap_or_default(),
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
}

/// Bitbucket's https clone links carry the account name (`https://alice@bitbucket.org/…`); git would then
/// ask for that user's password instead of letting the credential helper choose.
fn strip_user(url: &str) -> String {
    match url.split_once("://") {
        Some((scheme, rest)) => match rest.split_once('@') {
            Some((user, tail)) if !user.contains('/') => format!("{scheme}://{tail}"),
            _ => url.to_string(),
        },
        None => url.to_string(),
    }
}

impl Provider for Bitbucket {
    fn kind(&self) -> ProviderKind {
        ProviderKind::Bitbucket
    }

    fn host(&self) -> &str {
        &self.api.host
    }

    fn whoami(&self) -> Result<Identity, ApiError> {
        let reply = self.api.get("/user")?;
        let value = self.api.expect_ok(&reply)?;
        Ok(Identity {
            // `username` is deprecated (GDPR); newer answers only carry nickname, account_id and uuid.
            login: text(&value, "/username")
                .or_else(|| text(&value, "/nickname"))
                .or_else(|| text(&value, "/account_id"))
                .or_else(|| text(&value, "/uuid"))
                .ok_or_else(|| self.api.malformed("no `username` in /user"))?,
            scopes: reply.header_list("x-oauth-scopes"),
            rate_limit_remaining: None,
        })
    }

    fn repo(&self, owner: &str, name: &str) -> Result<Option<RepoInfo>, ApiError> {
        Ok(self
            .api
            .get_optional(&Self::repo_path(owner, name))?
            .as_ref()
            .map(Self::info))
    }

    fn create_repo(&self, new: &NewRepo, login: &str) -> Result<Created, ApiError> {
        // Every Bitbucket object names its `type` (the description requires it on request bodies too).
        let workspace = new.owner.as_deref().unwrap_or(login);
        let mut body = json!({ "type": "repository", "scm": "git", "is_private": new.private });
        if let Some(description) = &new.description {
            body["description"] = json!(description);
        }
        if let Some(key) = &new.project {
            body["project"] = json!({ "type": "project", "key": key });
        }
        let reply = self
            .api
            .post(&Self::repo_path(workspace, &new.name), &body)?;
        match reply.status {
            // Bitbucket answers 200 (not 201) for a new repository.
            200 | 201 => Ok(Created::New(Self::info(&reply.json(&self.api.host)?))),
            400 if reply.body.contains("already exists") => Ok(Created::AlreadyExists),
            _ => Err(self.api.error(&reply)),
        }
    }

    fn set_default_branch(&self, owner: &str, name: &str, branch: &str) -> Result<(), ApiError> {
        let reply = self.api.put(
            &Self::repo_path(owner, name),
            &json!({ "type": "repository", "mainbranch": { "type": "branch", "name": branch } }),
        )?;
        self.api.expect_ok(&reply).map(drop)
    }

    fn protect_branch(&self, owner: &str, name: &str, rule: &Protection) -> Result<(), ApiError> {
        let base = format!("{}/branch-restrictions", Self::repo_path(owner, name));
        let existing = self
            .api
            .get_all(&format!("{base}?pattern={}", encode(&rule.branch)))?;
        let have = |kind: &str| {
            existing.iter().any(|r| {
                text(r, "/kind").as_deref() == Some(kind)
                    && text(r, "/pattern").as_deref() == Some(rule.branch.as_str())
            })
        };
        let mut wanted = Vec::new();
        if rule.no_force_push {
            wanted.push(
                json!({ "type": "branchrestriction", "kind": "force", "branch_match_kind": "glob", "pattern": rule.branch }),
            );
        }
        if rule.require_review {
            wanted.push(json!({ "type": "branchrestriction", "kind": "require_approvals_to_merge", "branch_match_kind": "glob", "pattern": rule.branch, "value": rule.min_approvals.max(1) }));
        }
        for body in wanted {
            let kind = body["kind"].as_str().unwrap_or_default().to_string();
            if have(&kind) {
                continue;
            }
            let reply = self.api.post(&base, &body)?;
            self.api.expect_ok(&reply)?;
        }
        Ok(())
    }

    fn webhooks(&self, owner: &str, name: &str) -> Result<Vec<Webhook>, ApiError> {
        Ok(self
            .api
            .get_all(&format!("{}/hooks", Self::repo_path(owner, name)))?
            .iter()
            .map(Self::hook)
            .collect())
    }

    fn add_webhook(&self, owner: &str, name: &str, hook: &NewWebhook) -> Result<Webhook, ApiError> {
        let mut body = json!({ "description": "git-multi", "url": hook.url, "active": true, "events": map_events(&hook.events, &EVENTS) });
        if let Some(secret) = &hook.secret {
            body["secret"] = json!(secret);
        }
        let reply = self
            .api
            .post(&format!("{}/hooks", Self::repo_path(owner, name)), &body)?;
        Ok(Self::hook(&self.api.expect_ok(&reply)?))
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
