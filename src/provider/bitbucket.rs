//! Bitbucket Cloud (`/2.0`): workspaces and project keys, create answers 200, `mainbranch`, branch
//! restrictions, and the `{"values", "next"}` pagination envelope.

use serde_json::{json, Value};

use super::http::{encode, AuthStyle, Paging, Reply};
use super::{
    map_events, strings, text, ApiError, Base, DefaultBranch, NewRepo, NewWebhook, Protection,
    ProtectionRule, ProviderKind, RepoInfo, Repositories, Rest, Webhook, Webhooks,
};

pub struct Bitbucket(Rest);

const EVENTS: [(&str, &str); 3] = [
    ("push", "repo:push"),
    ("pull_request", "pullrequest:created"),
    ("issues", "issue:created"),
];

impl Bitbucket {
    pub fn new(base: &str, token: Option<String>) -> Bitbucket {
        // An app password is stored as `user:app-password` and only works as Basic auth; access tokens
        // never contain a colon.
        let auth = match &token {
            Some(t) if t.contains(':') => AuthStyle::Basic,
            _ => AuthStyle::Bearer,
        };
        Bitbucket(Rest::new(
            ProviderKind::Bitbucket,
            base,
            token,
            auth,
            Paging::BodyNext,
        ))
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

impl Base for Bitbucket {
    fn rest(&self) -> &Rest {
        &self.0
    }

    fn repo_path(&self, owner: &str, name: &str) -> String {
        format!(
            "/repositories/{}/{}",
            encode(owner),
            encode(&name.to_ascii_lowercase())
        )
    }
}

capabilities!(Bitbucket: default_branch, protection, webhooks, metadata, releases, inventory, stats, ci_status);

impl Repositories for Bitbucket {
    fn repo_info(&self, value: &Value) -> RepoInfo {
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

    fn login_fields(&self) -> &'static [&'static str] {
        // `username` is deprecated (GDPR); newer answers only carry nickname, account_id and uuid.
        &["/username", "/nickname", "/account_id", "/uuid"]
    }

    fn scopes_header(&self) -> Option<&'static str> {
        Some("x-oauth-scopes")
    }

    fn rate_limit_header(&self) -> Option<&'static str> {
        None
    }

    fn create_request(&self, new: &NewRepo, login: &str) -> Result<(String, Value), ApiError> {
        // Every Bitbucket object names its `type` (the description requires it on request bodies too).
        let workspace = new.owner.as_deref().unwrap_or(login);
        let mut body = json!({ "type": "repository", "scm": "git", "is_private": new.private });
        if let Some(description) = &new.description {
            body["description"] = json!(description);
        }
        if let Some(key) = &new.project {
            body["project"] = json!({ "type": "project", "key": key });
        }
        Ok((self.repo_path(workspace, &new.name), body))
    }

    fn already_exists(&self, reply: &Reply) -> bool {
        reply.status == 400 && reply.body.contains("already exists")
    }
}

impl DefaultBranch for Bitbucket {
    fn default_branch_request(&self, branch: &str) -> (&'static str, Value) {
        (
            "PUT",
            json!({ "type": "repository", "mainbranch": { "type": "branch", "name": branch } }),
        )
    }
}

impl Protection for Bitbucket {
    fn protect(&self, repo: &str, rule: &ProtectionRule) -> Result<(), ApiError> {
        let api = &self.0.api;
        let base = format!("{repo}/branch-restrictions");
        let existing = api.get_all(&format!("{base}?pattern={}", encode(&rule.branch)))?;
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
            let same_kind = existing.iter().find(|r| {
                r.get("kind") == body.get("kind")
                    && text(r, "/pattern").as_deref() == Some(rule.branch.as_str())
            });
            let reply = match same_kind {
                None => api.post(&base, &body)?,
                Some(old)
                    if body
                        .get("value")
                        .is_some_and(|v| old.get("value") != Some(v)) =>
                {
                    let id = match old.get("id") {
                        Some(Value::String(id)) => id.clone(),
                        Some(id @ Value::Number(_)) => id.to_string(),
                        _ => return Err(api.malformed("a branch restriction without an `id`")),
                    };
                    // The old rule with the new value, so the users and groups it exempts stay exempted.
                    let mut update = old.clone();
                    update["value"] = body["value"].clone();
                    if let Some(fields) = update.as_object_mut() {
                        fields.remove("links");
                    }
                    api.put(&format!("{base}/{}", encode(&id)), &update)?
                }
                Some(_) => continue,
            };
            self.0.done(&reply)?;
        }
        Ok(())
    }
}

impl Webhooks for Bitbucket {
    fn hooks_query(&self) -> &'static str {
        ""
    }

    fn hook_info(&self, value: &Value) -> Webhook {
        Webhook {
            id: text(value, "/uuid").unwrap_or_default(),
            url: text(value, "/url").unwrap_or_default(),
            events: strings(value, "events"),
            active: value.get("active").and_then(Value::as_bool).unwrap_or(true),
        }
    }

    fn hook_body(&self, hook: &NewWebhook) -> Value {
        let mut body = json!({ "description": "git-multi", "url": hook.url, "active": true, "events": map_events(&hook.events, &EVENTS) });
        if let Some(secret) = &hook.secret {
            body["secret"] = json!(secret);
        }
        body
    }
}
