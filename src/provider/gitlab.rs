//! GitLab (gitlab.com and self-hosted, `/api/v4`): `PRIVATE-TOKEN`, projects addressed by their URL-encoded
//! path, groups by numeric `namespace_id`, `x-next-page` pagination.

use serde_json::{json, Value};

use super::http::{encode, AuthStyle, Paging, Reply};
use super::{
    text, ApiError, Base, DefaultBranch, Identity, NewRepo, NewWebhook, Protection, ProtectionRule,
    ProviderKind, RepoInfo, Repositories, Rest, Webhook, Webhooks,
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

    /// Changes the existing rule `old` in place. Where the server cannot (no update endpoint, or a Free server
    /// that ignores access-level records), the rule is replaced, and put back if its successor is refused:
    /// the branch is never left unprotected by a failed change.
    fn update(
        &self,
        base: &str,
        path: &str,
        old: &Value,
        wanted: &Levels,
        branch: &str,
    ) -> Result<(), ApiError> {
        let api = &self.0.api;
        let mut body = json!({ "allow_force_push": wanted.force_push });
        for (field, key, level) in [
            ("push_access_levels", "allowed_to_push", wanted.push),
            ("merge_access_levels", "allowed_to_merge", wanted.merge),
        ] {
            if let Some(changes) = level_changes(old, field, level) {
                body[key] = changes;
            }
        }
        let reply = api.patch(path, &body)?;
        let in_place = match reply.status {
            200..=299 => wanted.said_by(&reply.json(&api.host)?),
            // Servers from before the update endpoint know the route only for GET and DELETE.
            404 | 405 => false,
            _ => return Err(api.error(&reply)),
        };
        if in_place {
            return Ok(());
        }
        let removed = api.delete(path)?;
        if removed.status != 404 {
            self.0.done(&removed)?;
        }
        let Err(refused) = api
            .post(base, &wanted.create(branch))
            .and_then(|r| self.0.done(&r))
        else {
            return Ok(());
        };
        match api
            .post(base, &recreate(old, branch))
            .and_then(|r| self.0.done(&r))
        {
            Ok(()) => Err(refused),
            Err(again) => Err(ApiError::Unprotected {
                host: api.host.clone(),
                branch: branch.to_string(),
                message: format!("{refused}; restoring the previous rule: {again}"),
            }),
        }
    }
}

impl Base for GitLab {
    fn rest(&self) -> &Rest {
        &self.0
    }

    fn repo_path(&self, owner: &str, name: &str) -> String {
        format!("/projects/{}", encode(&format!("{owner}/{name}")))
    }
}

capabilities!(GitLab: default_branch, protection, webhooks, metadata, releases, inventory, stats, ci_status);

impl Repositories for GitLab {
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

    fn whoami_with_scopes(&self) -> Result<Identity, ApiError> {
        // Scopes live on the token itself, one request away; only `auth status` shows them.
        let me = self.whoami()?;
        Ok(Identity {
            scopes: self.token_scopes(),
            ..me
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
}

impl DefaultBranch for GitLab {
    fn default_branch_request(&self, branch: &str) -> (&'static str, Value) {
        ("PUT", json!({ "default_branch": branch }))
    }
}

impl Protection for GitLab {
    fn protect(&self, repo: &str, rule: &ProtectionRule) -> Result<(), ApiError> {
        let api = &self.0.api;
        let base = format!("{repo}/protected_branches");
        let path = format!("{base}/{}", encode(&rule.branch));
        let wanted = Levels {
            push: MAINTAINER,
            merge: if rule.require_review {
                MAINTAINER
            } else {
                DEVELOPER
            },
            force_push: !rule.no_force_push,
        };
        match api.get_optional(&path)? {
            None => self
                .0
                .done(&api.post(&base, &wanted.create(&rule.branch))?)?,
            Some(old) => self.update(&base, &path, &old, &wanted, &rule.branch)?,
        }
        if rule.require_review {
            let approvals = json!({ "approvals_before_merge": rule.min_approvals.max(1) });
            self.0.done(&api.put(repo, &approvals)?)?;
        }
        Ok(())
    }
}

impl Webhooks for GitLab {
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

/// What a protection rule says about who may push and merge, and whether force pushes are allowed.
struct Levels {
    push: u64,
    merge: u64,
    force_push: bool,
}

impl Levels {
    fn create(&self, branch: &str) -> Value {
        json!({
            "name": branch,
            "push_access_level": self.push,
            "merge_access_level": self.merge,
            "allow_force_push": self.force_push,
        })
    }

    /// Whether `rule`, as the host answered it, says this; fields it left out cannot say otherwise.
    fn said_by(&self, rule: &Value) -> bool {
        let force_push = rule.get("allow_force_push").and_then(Value::as_bool);
        let level = |field: &str, wanted: u64| {
            rule.get(field).is_none() || role_levels(rule, field).map(|(_, l)| l).eq([wanted])
        };
        force_push.is_none_or(|f| f == self.force_push)
            && level("push_access_levels", self.push)
            && level("merge_access_levels", self.merge)
    }
}

/// The records of `field` that grant a role (`{id, access_level}`), not a user, group or deploy key.
fn role_levels<'a>(rule: &'a Value, field: &str) -> impl Iterator<Item = (&'a Value, u64)> + 'a {
    records(rule, field).filter_map(|r| {
        let grants_role = ["user_id", "group_id", "deploy_key_id"]
            .iter()
            .all(|k| r.get(*k).is_none_or(Value::is_null));
        let level = r.get("access_level").and_then(Value::as_u64)?;
        grants_role.then(|| (r.get("id").unwrap_or(&Value::Null), level))
    })
}

fn records<'a>(rule: &'a Value, field: &str) -> impl Iterator<Item = &'a Value> + 'a {
    rule.get(field)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
}

/// The `allowed_to_*` changes that leave `level` as the only role-based record of `field`, keeping users,
/// groups and deploy keys; `None` when that is already so.
fn level_changes(rule: &Value, field: &str, level: u64) -> Option<Value> {
    let roles: Vec<(&Value, u64)> = role_levels(rule, field).collect();
    if let [(_, only)] = roles.as_slice() {
        if *only == level {
            return None;
        }
    }
    let mut changes = Vec::new();
    let mut rest = roles.iter().filter(|(id, _)| !id.is_null());
    // Updating a record by its id keeps one; a record without an id would be added next to the old one.
    match rest.next() {
        Some((id, _)) => changes.push(json!({ "id": id, "access_level": level })),
        None => changes.push(json!({ "access_level": level })),
    }
    changes.extend(rest.map(|(id, _)| json!({ "id": id, "_destroy": true })));
    Some(Value::Array(changes))
}

/// A create body that puts `old` back as the host described it.
fn recreate(old: &Value, branch: &str) -> Value {
    let mut body = json!({
        "name": text(old, "/name").unwrap_or_else(|| branch.to_string()),
        "allow_force_push": old.get("allow_force_push").and_then(Value::as_bool).unwrap_or(false),
    });
    if old
        .get("code_owner_approval_required")
        .and_then(Value::as_bool)
        == Some(true)
    {
        body["code_owner_approval_required"] = json!(true);
    }
    for (field, level_key, allowed_key) in [
        ("push_access_levels", "push_access_level", "allowed_to_push"),
        (
            "merge_access_levels",
            "merge_access_level",
            "allowed_to_merge",
        ),
        (
            "unprotect_access_levels",
            "unprotect_access_level",
            "allowed_to_unprotect",
        ),
    ] {
        let mut roles = role_levels(old, field).map(|(_, level)| level);
        if let Some(first) = roles.next() {
            body[level_key] = json!(first);
        }
        // Further roles, users, groups and deploy keys only exist on Premium, which takes them as records.
        let mut allowed: Vec<Value> = roles.map(|l| json!({ "access_level": l })).collect();
        for record in records(old, field) {
            for key in ["user_id", "group_id", "deploy_key_id"] {
                if let Some(id) = record.get(key).filter(|v| !v.is_null()) {
                    allowed.push(json!({ key: id }));
                }
            }
        }
        if !allowed.is_empty() {
            body[allowed_key] = Value::Array(allowed);
        }
    }
    body
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A Premium rule: maintainers and developers may push, plus one user; a group may merge.
    fn premium_rule() -> Value {
        json!({
            "name": "main",
            "push_access_levels": [
                {"id": 1, "access_level": 40, "user_id": null, "group_id": null},
                {"id": 2, "access_level": 30, "user_id": null, "group_id": null},
                {"id": 3, "access_level": 40, "user_id": 77, "group_id": null},
                {"id": 4, "access_level": 40, "deploy_key_id": 5},
            ],
            "merge_access_levels": [{"id": 6, "access_level": null, "group_id": 1234}],
            "allow_force_push": false,
            "code_owner_approval_required": true,
        })
    }

    #[test]
    fn access_level_changes_keep_users_groups_and_deploy_keys() {
        let rule = premium_rule();
        assert_eq!(
            level_changes(&rule, "push_access_levels", MAINTAINER).unwrap(),
            json!([{"id": 1, "access_level": 40}, {"id": 2, "_destroy": true}])
        );
        // No role may merge yet: one is added next to the group.
        assert_eq!(
            level_changes(&rule, "merge_access_levels", DEVELOPER).unwrap(),
            json!([{"access_level": 30}])
        );
        let simple = json!({"push_access_levels": [{"id": 9, "access_level": 40}]});
        assert_eq!(
            level_changes(&simple, "push_access_levels", MAINTAINER),
            None
        );
    }

    #[test]
    fn a_replaced_rule_is_put_back_whole() {
        assert_eq!(
            recreate(&premium_rule(), "main"),
            json!({
                "name": "main",
                "allow_force_push": false,
                "code_owner_approval_required": true,
                "push_access_level": 40,
                "allowed_to_push": [{"access_level": 30}, {"user_id": 77}, {"deploy_key_id": 5}],
                "allowed_to_merge": [{"group_id": 1234}],
            })
        );
    }

    #[test]
    fn an_answer_says_the_rule_when_its_levels_and_force_push_match() {
        let wanted = Levels {
            push: MAINTAINER,
            merge: MAINTAINER,
            force_push: false,
        };
        assert!(!wanted.said_by(&premium_rule()));
        assert!(wanted.said_by(&json!({
            "push_access_levels": [{"id": 1, "access_level": 40}, {"id": 3, "access_level": 40, "user_id": 77}],
            "merge_access_levels": [{"id": 6, "access_level": 40}],
            "allow_force_push": false,
        })));
        assert!(!wanted.said_by(&json!({"allow_force_push": true})));
        assert!(wanted.said_by(&json!({"name": "main"})));
    }
}
