//! GitLab (gitlab.com and self-hosted, `/api/v4`): `PRIVATE-TOKEN`, projects addressed by their URL-encoded
//! path, groups by numeric `namespace_id`, `x-next-page` pagination.

use serde_json::{json, Value};

use super::http::{encode, AuthStyle, Client, Paging};
use super::{
    text, ApiError, Created, Identity, NewRepo, NewWebhook, Protection, Provider, ProviderKind,
    RepoInfo, Webhook,
};

pub struct GitLab {
    api: Client,
}

/// GitLab access levels: 30 developer (may push), 40 maintainer (may change settings).
const DEVELOPER: u64 = 30;
const MAINTAINER: u64 = 40;

impl GitLab {
    pub fn new(base: &str, token: Option<String>) -> GitLab {
        GitLab {
            api: Client::new(base, token, AuthStyle::PrivateToken, Paging::NextPageHeader),
        }
    }

    fn project(owner: &str, name: &str) -> String {
        format!("/projects/{}", encode(&format!("{owner}/{name}")))
    }

    fn info(value: &Value) -> RepoInfo {
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

    fn hook(value: &Value) -> Webhook {
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
}

impl Provider for GitLab {
    fn kind(&self) -> ProviderKind {
        ProviderKind::Gitlab
    }

    fn host(&self) -> &str {
        &self.api.host
    }

    fn whoami(&self) -> Result<Identity, ApiError> {
        let reply = self.api.get("/user")?;
        let value = self.api.expect_ok(&reply)?;
        let login = text(&value, "/username")
            .ok_or_else(|| self.api.malformed("no `username` in /user"))?;
        // Scopes live on the token itself; older servers lack the endpoint, which is fine.
        let scopes = self
            .api
            .get("/personal_access_tokens/self")
            .ok()
            .filter(|r| r.status == 200)
            .and_then(|r| r.json(&self.api.host).ok())
            .and_then(|v| {
                v.get("scopes").and_then(Value::as_array).map(|a| {
                    a.iter()
                        .filter_map(Value::as_str)
                        .map(str::to_string)
                        .collect()
                })
            });
        Ok(Identity {
            login,
            scopes,
            rate_limit_remaining: reply.header_number("ratelimit-remaining"),
        })
    }

    fn repo(&self, owner: &str, name: &str) -> Result<Option<RepoInfo>, ApiError> {
        Ok(self
            .api
            .get_optional(&Self::project(owner, name))?
            .as_ref()
            .map(Self::info))
    }

    fn create_repo(&self, new: &NewRepo, login: &str) -> Result<Created, ApiError> {
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
            let reply = self.api.get(&format!("/namespaces/{}", encode(owner)))?;
            let namespace = self.api.expect_ok(&reply)?;
            let id = namespace.get("id").and_then(Value::as_u64).ok_or_else(|| {
                self.api
                    .malformed(format!("no numeric id for namespace `{owner}`"))
            })?;
            body["namespace_id"] = json!(id);
        }
        let reply = self.api.post("/projects", &body)?;
        match reply.status {
            200 | 201 => Ok(Created::New(Self::info(&reply.json(&self.api.host)?))),
            // "has already been taken", as 400 (validation) or 409 on newer servers.
            400 | 409 if reply.body.contains("already been taken") || reply.status == 409 => {
                Ok(Created::AlreadyExists)
            }
            _ => Err(self.api.error(&reply)),
        }
    }

    fn set_default_branch(&self, owner: &str, name: &str, branch: &str) -> Result<(), ApiError> {
        let reply = self.api.put(
            &Self::project(owner, name),
            &json!({ "default_branch": branch }),
        )?;
        self.api.expect_ok(&reply).map(drop)
    }

    fn protect_branch(&self, owner: &str, name: &str, rule: &Protection) -> Result<(), ApiError> {
        let base = format!("{}/protected_branches", Self::project(owner, name));
        // A rule cannot be edited in place on every GitLab version: replace it.
        let removed = self
            .api
            .delete(&format!("{base}/{}", encode(&rule.branch)))?;
        if removed.status != 404 && !(200..300).contains(&removed.status) {
            return Err(self.api.error(&removed));
        }
        let body = json!({
            "name": rule.branch,
            "push_access_level": MAINTAINER,
            "merge_access_level": if rule.require_review { MAINTAINER } else { DEVELOPER },
            "allow_force_push": !rule.no_force_push,
        });
        let reply = self.api.post(&base, &body)?;
        self.api.expect_ok(&reply)?;
        if rule.require_review {
            let reply = self.api.put(
                &Self::project(owner, name),
                &json!({ "approvals_before_merge": rule.min_approvals.max(1) }),
            )?;
            self.api.expect_ok(&reply)?;
        }
        Ok(())
    }

    fn webhooks(&self, owner: &str, name: &str) -> Result<Vec<Webhook>, ApiError> {
        Ok(self
            .api
            .get_all(&format!(
                "{}/hooks?per_page=100",
                Self::project(owner, name)
            ))?
            .iter()
            .map(Self::hook)
            .collect())
    }

    fn add_webhook(&self, owner: &str, name: &str, hook: &NewWebhook) -> Result<Webhook, ApiError> {
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
        let reply = self
            .api
            .post(&format!("{}/hooks", Self::project(owner, name)), &body)?;
        Ok(Self::hook(&self.api.expect_ok(&reply)?))
    }

    fn remove_webhook(&self, owner: &str, name: &str, id: &str) -> Result<(), ApiError> {
        let reply = self.api.delete(&format!(
            "{}/hooks/{}",
            Self::project(owner, name),
            encode(id)
        ))?;
        self.api.expect_ok(&reply).map(drop)
    }
}
