//! Git hosting services: which kind a remote is on, and their REST APIs behind one [`Provider`] trait.
//!
//! Only this module speaks HTTP. Each host has its own file; they share the agent, retries and pagination of
//! `http.rs`. Everything a provider returns is plain data so commands can turn it into per-remote outcomes.

mod bitbucket;
mod gitea;
mod github;
mod gitlab;
pub mod http;
mod kind;

pub use kind::ProviderKind;

use serde::Serialize;

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
    #[error("{host}: {what} is not supported by {kind}")]
    Unsupported {
        host: String,
        kind: ProviderKind,
        what: &'static str,
    },
    #[error("{host}: refusing to send a token over plain http")]
    InsecureUrl { host: String },
    #[error("{host}: refusing to follow a link to another host ({url})")]
    ForeignLink { host: String, url: String },
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

/// One hosting service's REST API.
pub trait Provider: Send + Sync {
    fn kind(&self) -> ProviderKind;
    fn host(&self) -> &str;
    fn whoami(&self) -> Result<Identity, ApiError>;
    /// `Ok(None)` when the repository does not exist (or is invisible to this token).
    fn repo(&self, owner: &str, name: &str) -> Result<Option<RepoInfo>, ApiError>;
    fn create_repo(&self, new: &NewRepo, login: &str) -> Result<Created, ApiError>;
    fn set_default_branch(&self, owner: &str, name: &str, branch: &str) -> Result<(), ApiError>;
    fn protect_branch(&self, owner: &str, name: &str, rule: &Protection) -> Result<(), ApiError>;
    fn webhooks(&self, owner: &str, name: &str) -> Result<Vec<Webhook>, ApiError>;
    fn add_webhook(&self, owner: &str, name: &str, hook: &NewWebhook) -> Result<Webhook, ApiError>;
    fn remove_webhook(&self, owner: &str, name: &str, id: &str) -> Result<(), ApiError>;
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
