//! Git hosting services: which kind a remote is on, and their REST APIs behind one [`Provider`] trait.
//!
//! Only this module speaks HTTP. Each host has its own file holding only what that host does its own way; the
//! requests every host makes alike are the [`Provider`] trait's default methods over a [`Rest`] base, and the
//! agent, retries and pagination are `http.rs`'s. Everything a provider returns is plain data so commands can
//! turn it into per-remote outcomes.

mod bitbucket;
pub mod ci_status;
mod gitea;
mod github;
mod gitlab;
pub mod http;
pub mod inventory;
mod member;
pub mod stats;

pub use crate::hosting::ProviderKind;
pub use member::{for_member, missing_token, MemberApi};

use serde::Serialize;
use serde_json::{json, Value};

use http::{encode, AuthStyle, Client, Paging, Reply};

/// Why an API call did not do what was asked; every variant names the host.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ApiError {
    #[error("{host}: {}{}", if *.missing { "no token for this host" } else { "the token was rejected" }, detail(.message))]
    Auth {
        host: String,
        message: String,
        missing: bool,
    },
    #[error("{host}: permission denied{}", detail(.message))]
    Forbidden { host: String, message: String },
    #[error("{host}: not found{}", detail(.message))]
    NotFound { host: String, message: String },
    #[error("{host}: rate limit exceeded{}", detail(.message))]
    RateLimited { host: String, message: String },
    #[error("{host}: could not connect: {detail}")]
    Network { host: String, detail: String },
    #[error("{host}: the answer was not the JSON expected ({detail})")]
    Malformed { host: String, detail: String },
    /// The host has no API for something; `what` says so in the host's terms.
    #[error("{host}: {what}")]
    Unsupported { host: String, what: &'static str },
    #[error("{host}: refusing to send a token over plain http")]
    InsecureUrl { host: String },
    #[error("{host}: refusing to follow a link to another host ({url})")]
    ForeignLink { host: String, url: String },
    /// A rule could not be replaced, and neither could the old one be put back.
    #[error("{host}: branch `{branch}` was left unprotected ({message})")]
    Unprotected {
        host: String,
        branch: String,
        message: String,
    },
    #[error("{host}: HTTP {status}{}", detail(.message))]
    Other {
        host: String,
        status: u16,
        message: String,
    },
}

fn detail(message: &str) -> String {
    if message.is_empty() {
        String::new()
    } else {
        format!(" ({message})")
    }
}

impl ApiError {
    /// Missing or rejected credentials: exit code 4 and a hint naming `git multi auth login`.
    pub fn is_auth(&self) -> bool {
        matches!(self, ApiError::Auth { .. })
    }

    pub fn is_unsupported(&self) -> bool {
        matches!(self, ApiError::Unsupported { .. })
    }

    /// What the user can do about it, when there is something.
    pub fn hint(&self) -> Option<String> {
        match self {
            ApiError::Auth { host, .. } => Some(format!("store a token with `git multi auth login {host}` (or set GIT_MULTI_<PROVIDER>_TOKEN)")),
            ApiError::Forbidden { .. } => Some("check the token's scopes and your role on the owner; `git multi auth status` shows them".into()),
            ApiError::RateLimited { .. } => Some("wait for the rate limit to reset, or use a token with a higher limit".into()),
            ApiError::InsecureUrl { .. } => Some("use an https:// API URL (`git config multi.<remote>.apiUrl`)".into()),
            ApiError::Unprotected { branch, .. } => Some(format!("protect it again with `git multi branch protect {q_branch}`, or in the host's web interface", q_branch = crate::quote::word(branch))),
            ApiError::Network { .. } => Some("check the API URL (`git config multi.<remote>.apiUrl`) and any HTTPS_PROXY setting".into()),
            _ => None,
        }
    }
}

/// Who the token belongs to and what it may do.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Identity {
    pub login: String,
    /// OAuth scopes where the host reports them (GitHub `x-oauth-scopes`, GitLab token info).
    pub scopes: Option<Vec<String>>,
    pub rate_limit_remaining: Option<u64>,
}

/// A repository as the host describes it.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RepoInfo {
    pub owner: String,
    pub name: String,
    pub https_url: Option<String>,
    pub ssh_url: Option<String>,
    pub web_url: Option<String>,
    pub default_branch: Option<String>,
    pub private: Option<bool>,
    pub can_push: Option<bool>,
    pub can_admin: Option<bool>,
}

/// What `create` asks for.
#[derive(Debug, Clone)]
pub struct NewRepo {
    /// User, organisation, group or workspace; `None` = the token's own account.
    pub owner: Option<String>,
    pub name: String,
    pub private: bool,
    pub description: Option<String>,
    pub default_branch: Option<String>,
    /// Bitbucket project key.
    pub project: Option<String>,
}

/// The result of a create call.
#[derive(Debug, Clone)]
pub enum Created {
    New(RepoInfo),
    /// The host says a repository of that name is already there.
    AlreadyExists,
}

/// A branch protection rule, in the terms all hosts share.
#[derive(Debug, Clone, Serialize)]
pub struct Protection {
    pub branch: String,
    pub require_review: bool,
    pub min_approvals: u32,
    pub no_force_push: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Webhook {
    pub id: String,
    pub url: String,
    pub events: Vec<String>,
    pub active: bool,
}

#[derive(Debug, Clone)]
pub struct NewWebhook {
    pub url: String,
    /// Neutral event names: push, tag, pull_request, issues, release.
    pub events: Vec<String>,
    pub secret: Option<String>,
}

/// Something not every host offers through its API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feature {
    DefaultBranch,
    BranchProtection,
}

/// What every provider is built on: its kind and its REST client over the shared agent.
#[derive(Debug)]
pub struct Rest {
    pub kind: ProviderKind,
    pub api: Client,
}

impl Rest {
    pub fn new(
        kind: ProviderKind,
        base: &str,
        token: Option<String>,
        auth: AuthStyle,
        paging: Paging,
    ) -> Rest {
        Rest {
            kind,
            api: Client::new(base, token, auth, paging),
        }
    }

    /// A 2xx answer whose body nobody needs, else the host's error.
    pub fn done(&self, reply: &Reply) -> Result<(), ApiError> {
        self.api.expect_ok(reply).map(drop)
    }

    pub fn unsupported(&self, what: &'static str) -> ApiError {
        ApiError::Unsupported {
            host: self.api.host.clone(),
            what,
        }
    }
}

/// One hosting service's REST API.
///
/// Commands use the operations at the end (`whoami`, `repo`, `create_repo`, …): their default bodies are the
/// plumbing every host shares, written once. A host's file implements only what it says its own way: routes,
/// the shapes of its objects and request bodies, the answer that means "already exists", and branch
/// protection, which no two hosts model alike. The defaults among those are what most hosts do.
pub trait Provider: Send + Sync {
    /// The kind and the client this provider was built with.
    fn rest(&self) -> &Rest;

    /// The route of one repository.
    fn repo_path(&self, owner: &str, name: &str) -> String;

    /// A repository object in this host's shape.
    fn repo_info(&self, value: &Value) -> RepoInfo;

    /// Where `GET /user` names the account, best first; the first one is named when none is there.
    fn login_fields(&self) -> &'static [&'static str];

    /// The header listing the token's scopes on every answer, where the host sends one.
    fn scopes_header(&self) -> Option<&'static str> {
        None
    }

    /// The header counting the requests left before the rate limit, where the host sends one.
    fn rate_limit_header(&self) -> Option<&'static str> {
        Some("x-ratelimit-remaining")
    }

    /// The route and body that create `new` (a host may need to ask something first).
    fn create_request(&self, new: &NewRepo, login: &str) -> Result<(String, Value), ApiError>;

    /// Whether a refused create says a repository of that name is already there.
    fn already_exists(&self, reply: &Reply) -> bool;

    /// The method and body that change a repository's default branch.
    fn default_branch_request(&self, branch: &str) -> (&'static str, Value) {
        ("PATCH", json!({ "default_branch": branch }))
    }

    /// `Err(Unsupported)` when this host has no API for `feature`. Known before anything is sent, so a dry run
    /// can say so too.
    fn supports(&self, feature: Feature) -> Result<(), ApiError> {
        let _ = feature;
        Ok(())
    }

    /// Sets `rule` on the branch, leaving the repository's other rules alone.
    fn protect_branch(&self, owner: &str, name: &str, rule: &Protection) -> Result<(), ApiError>;

    /// The query that makes a webhook list come in as few pages as the host allows.
    fn hooks_query(&self) -> &'static str {
        "?per_page=100"
    }

    /// A webhook object in this host's shape.
    fn hook_info(&self, value: &Value) -> Webhook;

    /// The body that creates `hook`.
    fn hook_body(&self, hook: &NewWebhook) -> Value;

    fn host(&self) -> &str {
        &self.rest().api.host
    }

    /// Who the token belongs to, from one request.
    fn whoami(&self) -> Result<Identity, ApiError> {
        let rest = self.rest();
        let reply = rest.api.get("/user")?;
        let value = rest.api.expect_ok(&reply)?;
        let fields = self.login_fields();
        let login = fields
            .iter()
            .find_map(|field| text(&value, field))
            .ok_or_else(|| {
                let first = fields.first().map_or("", |f| f.trim_start_matches('/'));
                rest.api.malformed(format!("no `{first}` in /user"))
            })?;
        Ok(Identity {
            login,
            scopes: self.scopes_header().and_then(|h| reply.header_list(h)),
            rate_limit_remaining: self
                .rate_limit_header()
                .and_then(|h| reply.header_number(h)),
        })
    }

    /// [`Provider::whoami`] plus the token's scopes, even where the host needs another request for them.
    fn whoami_with_scopes(&self) -> Result<Identity, ApiError> {
        self.whoami()
    }

    /// `Ok(None)` when the repository does not exist (or is invisible to this token).
    fn repo(&self, owner: &str, name: &str) -> Result<Option<RepoInfo>, ApiError> {
        let found = self.rest().api.get_optional(&self.repo_path(owner, name))?;
        Ok(found.map(|value| self.repo_info(&value)))
    }

    fn create_repo(&self, new: &NewRepo, login: &str) -> Result<Created, ApiError> {
        let rest = self.rest();
        let (path, body) = self.create_request(new, login)?;
        let reply = rest.api.post(&path, &body)?;
        match reply.status {
            // Bitbucket answers 200 where the others say 201.
            200 | 201 => Ok(Created::New(self.repo_info(&reply.json(&rest.api.host)?))),
            _ if self.already_exists(&reply) => Ok(Created::AlreadyExists),
            _ => Err(rest.api.error(&reply)),
        }
    }

    fn set_default_branch(&self, owner: &str, name: &str, branch: &str) -> Result<(), ApiError> {
        self.supports(Feature::DefaultBranch)?;
        let (method, body) = self.default_branch_request(branch);
        let rest = self.rest();
        let reply = rest
            .api
            .send(method, &self.repo_path(owner, name), Some(&body))?;
        rest.done(&reply)
    }

    fn webhooks(&self, owner: &str, name: &str) -> Result<Vec<Webhook>, ApiError> {
        let path = format!(
            "{}/hooks{}",
            self.repo_path(owner, name),
            self.hooks_query()
        );
        let hooks = self.rest().api.get_all(&path)?;
        Ok(hooks.iter().map(|h| self.hook_info(h)).collect())
    }

    fn add_webhook(&self, owner: &str, name: &str, hook: &NewWebhook) -> Result<Webhook, ApiError> {
        let rest = self.rest();
        let path = format!("{}/hooks", self.repo_path(owner, name));
        let reply = rest.api.post(&path, &self.hook_body(hook))?;
        Ok(self.hook_info(&rest.api.expect_ok(&reply)?))
    }

    fn remove_webhook(&self, owner: &str, name: &str, id: &str) -> Result<(), ApiError> {
        let rest = self.rest();
        let path = format!("{}/hooks/{}", self.repo_path(owner, name), encode(id));
        rest.done(&rest.api.delete(&path)?)
    }
}

/// The API client for `kind` at `api_url`; `None` for kinds without an API git-multi uses.
pub fn connect(
    kind: ProviderKind,
    api_url: &str,
    token: Option<String>,
) -> Option<Box<dyn Provider>> {
    Some(match kind {
        ProviderKind::Github => Box::new(github::GitHub::new(api_url, token)),
        ProviderKind::Gitlab => Box::new(gitlab::GitLab::new(api_url, token)),
        ProviderKind::Gitea | ProviderKind::Forgejo | ProviderKind::Gogs => {
            Box::new(gitea::Gitea::new(kind, api_url, token))
        }
        ProviderKind::Bitbucket => Box::new(bitbucket::Bitbucket::new(api_url, token)),
        ProviderKind::Sourcehut | ProviderKind::Generic => return None,
    })
}

/// A JSON string field, owned.
pub(crate) fn text(value: &serde_json::Value, pointer: &str) -> Option<String> {
    value
        .pointer(pointer)
        .and_then(serde_json::Value::as_str)
        .map(str::to_string)
}

/// A JSON array of strings (a webhook's `events`), owned; anything else in it is left out.
pub(crate) fn strings(value: &serde_json::Value, key: &str) -> Vec<String> {
    value
        .get(key)
        .and_then(serde_json::Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(serde_json::Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// Maps neutral event names to a host's, keeping unknown names as given (the host will judge them).
pub(crate) fn map_events(events: &[String], table: &[(&str, &str)]) -> Vec<String> {
    events
        .iter()
        .map(|e| {
            table
                .iter()
                .find(|(k, _)| k == e)
                .map_or_else(|| e.clone(), |(_, v)| v.to_string())
        })
        .collect()
}

#[cfg(test)]
#[path = "../../tests/cli/fake_api.rs"]
mod fake;
#[cfg(test)]
mod tests;
