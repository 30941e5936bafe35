//! GitLab (gitlab.com and self-hosted, `/api/v4`): `PRIVATE-TOKEN`, projects addressed by their URL-encoded
//! path, groups by numeric `namespace_id`, `x-next-page` pagination.

use serde_json::{json, Value};

use super::http::{encode, AuthStyle, Paging, Reply};
use super::{
    text, ApiError, Identity, NewRepo, NewWebhook, Protection, Provider, ProviderKind, RepoInfo,
    Rest, Webhook,
};

pub struct GitLab(Rest);

/// GitLab access levels: 30 developer (may push), 40 maintainer (may change settings).
const DEVELOPER: u64 = 30;
const MAINTAINER: u64 = 40;

impl GitLab {
    pub fn new(base: &str, token: Option<String>) -> GitLab {
        GitLab(Rest::new(
            ProviderKind::Gitlab,
            base,
            token,
            AuthStyle::PrivateToken,
            Paging::NextPageHeader,
        ))
    }

    /// The token's scopes; older servers lack the endpoint, which is fine.
    fn token_scopes(&self) -> Option<Vec<String>> {
        let api = &self.0.api;
        api.get("/personal_access_tokens/self")
            .ok()
            .filter(|r| r.status == 200)
            .and_then(|r| r.json(&api.host).ok())
            .and_then(|v| {
                v.get("scopes").and_then(Value::as_array).map(|a| {
                    a.iter()
                        .filter_map(Value::as_str)
                        .map(str::to_string)
                        .collect()
                })
            })
    }
}

impl Provider for GitLab {
    fn rest(&self) -> &Rest {
        &self.0
    }

    fn repo_path(&self, owner: &str, name: &str) -> String {
        format!("/projects/{}", encode(&format!("{owner}/{name}")))
    }

    fn repo_info(&self, value: &Value) -> RepoInfo {
        let level = [
            "/permissions/project_access/access_level",
            "/permissions/group_access/access_level",
        ]
        .iter()
        .filter_map(|p| value.pointer(p).and_then(Value::as_u64))
        .max();
        RepoInfo {
            owner: text(value, "/namespace/full_path").unwrap_or_default(),
            name: text(value, "/path").unwrap_or_default(),
            https_url: text(value, "/http_url_to_repo"),
            ssh_url: text(value, "/ssh_url_to_repo"),
            web_url: text(value, "/web_url"),
            default_branch: text(value, "/default_branch"),
            private: text(value, "/visibility").map(|v| v != "public"),
            can_push: level.map(|l| l >= DEVELOPER),
            can_admin: level.map(|l| l >= MAINTAINER),
        }
    }

    fn login_fields(&self) -> &'static [&'static str] {
        &["/username"]
    }

    fn rate_limit_header(&self) -> Option<&'static str> {
        Some("ratelimit-remaining")
    }

    fn whoami(&self) -> Result<Identity, ApiError> {
        let api = &self.0.api;
        let reply = api.get("/user")?;
        let value = api.expect_ok(&reply)?;
        let login =
            text(&value, "/username").ok_or_else(|| api.malformed("no `username` in /user"))?;
        Ok(Identity {
            login,
            scopes: self.token_scopes(),
            rate_limit_remaining: reply.header_number("ratelimit-remaining"),
        })
    }

    fn create_request(&self, new: &NewRepo, login: &str) -> Result<(String, Value), ApiError> {
        let api = &self.0.api;
        let mut body = json!({
            "name": new.name,
            "path": new.name,
            "visibility": if new.private { "private" } else { "public" },
        });
        if let Some(description) = &new.description {
            body["description"] = json!(description);
        }
        if let Some(branch) = &new.default_branch {
            body["default_branch"] = json!(branch);
        }
        if let Some(owner) = new
            .owner
            .as_deref()
            .filter(|o| !o.eq_ignore_ascii_case(login))
        {
            // Groups (and subgroups) are addressed by number when creating.
            let reply = api.get(&format!("/namespaces/{}", encode(owner)))?;
            let namespace = api.expect_ok(&reply)?;
            let id = namespace
                .get("id")
                .and_then(Value::as_u64)
                .ok_or_else(|| api.malformed(format!("no numeric id for namespace `{owner}`")))?;
            body["namespace_id"] = json!(id);
        }
        Ok(("/projects".to_string(), body))
    }

    fn already_exists(&self, reply: &Reply) -> bool {
        // "has already been taken", as 400 (validation) or 409 on newer servers.
        reply.status == 409 || (reply.status == 400 && reply.body.contains("already been taken"))
    }

    fn default_branch_request(&self, branch: &str) -> (&'static str, Value) {
        ("PUT", json!({ "default_branch": branch }))
    }

    fn protect_branch(&self, owner: &str, name: &str, rule: &Protection) -> Result<(), ApiError> {
        let api = &self.0.api;
        let project = self.repo_path(owner, name);
        let base = format!("{project}/protected_branches");
        // A rule cannot be edited in place on every GitLab version: replace it.
        let removed = api.delete(&format!("{base}/{}", encode(&rule.branch)))?;
        if removed.status != 404 && !(200..300).contains(&removed.status) {
            return Err(api.error(&removed));
        }
        let body = json!({
            "name": rule.branch,
            "push_access_level": MAINTAINER,
            "merge_access_level": if rule.require_review { MAINTAINER } else { DEVELOPER },
            "allow_force_push": !rule.no_force_push,
        });
        self.0.done(&api.post(&base, &body)?)?;
        if rule.require_review {
            let approvals = json!({ "approvals_before_merge": rule.min_approvals.max(1) });
            self.0.done(&api.put(&project, &approvals)?)?;
        }
        Ok(())
    }

    fn hook_info(&self, value: &Value) -> Webhook {
        let mut events = Vec::new();
        for (field, name) in [
            ("push_events", "push"),
            ("tag_push_events", "tag"),
            ("merge_requests_events", "pull_request"),
            ("issues_events", "issues"),
            ("releases_events", "release"),
        ] {
            if value.get(field).and_then(Value::as_bool) == Some(true) {
                events.push(name.to_string());
            }
        }
        Webhook {
            id: value.get("id").map(Value::to_string).unwrap_or_default(),
            url: text(value, "/url").unwrap_or_default(),
            events,
            active: true,
        }
    }

    fn hook_body(&self, hook: &NewWebhook) -> Value {
        let has = |e: &str| hook.events.iter().any(|x| x == e);
        let mut body = json!({
            "url": hook.url,
            "push_events": has("push"),
            "tag_push_events": has("tag"),
            "merge_requests_events": has("pull_request"),
            "issues_events": has("issues"),
            "releases_events": has("release"),
        });
        if let Some(secret) = &hook.secret {
            body["token"] = json!(secret);
        }
        body
    }
}
