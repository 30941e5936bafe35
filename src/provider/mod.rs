//! Git hosting services: which kind a remote is on, and their REST APIs as capability traits.
//!
//! Only this module speaks HTTP. A [`Provider`] is a host's set of capabilities: [`Repositories`] always, and
//! [`DefaultBranch`], [`Protection`], [`Webhooks`] where the host has an API for them (one file per trait).
//! Each host has its own file holding only what that host does its own way; the requests every host makes
//! alike are the capability traits' default methods over the [`Base`] they share, and the agent, retries and
//! pagination are `http.rs`'s. Everything a provider returns is plain data so commands can turn it into
//! per-remote outcomes.

/// Implements [`Provider`] for a host that has the capabilities listed (besides [`Repositories`], which every
/// host has): each listed accessor answers `Some(self)`, the others keep their default `None`.
macro_rules! capabilities {
    ($host:ty: $($capability:ident),* $(,)?) => {
        impl $crate::provider::Provider for $host {
            fn repositories(&self) -> &dyn $crate::provider::Repositories {
                self
            }
            $(capabilities!(@accessor $capability);)*
        }
    };
    (@accessor default_branch) => { capabilities!(@some default_branch, DefaultBranch); };
    (@accessor protection) => { capabilities!(@some protection, Protection); };
    (@accessor webhooks) => { capabilities!(@some webhooks, Webhooks); };
    (@accessor metadata) => { capabilities!(@some metadata, metadata::Metadata); };
    (@accessor releases) => { capabilities!(@some releases, releases::Releases); };
    (@accessor inventory) => { capabilities!(@some inventory, Inventory); };
    (@accessor stats) => { capabilities!(@some stats, RepoStats); };
    (@accessor ci_status) => { capabilities!(@some ci_status, CiStatus); };
    (@some $accessor:ident, $($capability:ident)::+) => {
        fn $accessor(&self) -> Option<&dyn $crate::provider::$($capability)::+> {
            Some(self)
        }
    };
}

mod bitbucket;
pub mod ci_status;
mod default_branch;
mod gitea;
mod github;
mod gitlab;
mod gogs;
pub mod http;
pub mod inventory;
mod member;
pub mod metadata;
mod multipart;
mod protection;
pub mod releases;
mod repositories;
pub mod stats;
mod webhooks;

pub use crate::hosting::ProviderKind;
pub use default_branch::DefaultBranch;
pub use member::{for_member, missing_token, MemberApi};
pub use protection::Protection;
pub use repositories::Repositories;
pub use webhooks::Webhooks;

pub use ci_status::CiStatus;
pub use inventory::Inventory;
pub use stats::RepoStats;

use serde::Serialize;

pub use crate::deadline::Deadline;
use http::{AuthStyle, Client, Paging, Reply};

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
    Unsupported { host: String, what: String },
    /// The job's time budget ran out before the host answered.
    #[error("{host}: no answer within {}; stopped", crate::clock::span(*.budget))]
    Timeout {
        host: String,
        budget: std::time::Duration,
    },
    /// Ctrl-C: no further request was sent.
    #[error("{host}: interrupted")]
    Interrupted { host: String },
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
pub struct ProtectionRule {
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

/// What every provider is built on: its kind and its REST client over the shared agent. A provider made for a
/// job (`connect` with a deadline, `for_member`) has that job's [`Deadline`] in its client, so every request any
/// capability makes through `api` is bounded by it, retried under the one policy and stopped by Ctrl-C: a new
/// capability gets all of that by sending through `self.rest().api`.
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

    /// Deletes what `path` names; any 2xx answer is done.
    pub fn delete(&self, path: &str) -> Result<(), ApiError> {
        self.done(&self.api.delete(path)?)
    }

    /// The error for something this host has no API for; `what` finishes a sentence that starts with the
    /// host's name ("has no branch protection API").
    pub fn unsupported(&self, what: &str) -> ApiError {
        ApiError::Unsupported {
            host: self.api.host.clone(),
            what: format!("{} {what}", self.kind.title()),
        }
    }
}

/// What every capability of a host stands on: the REST client and the host's route to one repository.
pub trait Base: Send + Sync {
    /// The kind and the client this provider was built with.
    fn rest(&self) -> &Rest;

    /// The route of one repository: GitHub's `/repos/<owner>/<name>`, which Gitea, Forgejo and Gogs copy,
    /// unless the host has its own.
    fn repo_path(&self, owner: &str, name: &str) -> String {
        format!("/repos/{}/{}", http::encode(owner), http::encode(name))
    }

    fn host(&self) -> &str {
        &self.rest().api.host
    }
}

/// One hosting service's REST API, as the capabilities it has.
///
/// Every host manages repositories; the rest are capabilities a host's type implements or not, reached through
/// the accessors below: `None` means this host has no API for it (reported as `skipped`, with
/// [`Provider::lacks`]'s words). A new capability is one trait in its own file plus one accessor here whose
/// default is `None`; the hosts that have it answer `Some(self)`.
pub trait Provider: Base {
    fn repositories(&self) -> &dyn Repositories;

    /// Changing the default branch of an existing repository.
    fn default_branch(&self) -> Option<&dyn DefaultBranch> {
        None
    }

    fn protection(&self) -> Option<&dyn Protection> {
        None
    }

    fn webhooks(&self) -> Option<&dyn Webhooks> {
        None
    }

    /// Description, homepage, topics and visibility.
    fn metadata(&self) -> Option<&dyn metadata::Metadata> {
        None
    }

    /// Releases and their files.
    fn releases(&self) -> Option<&dyn releases::Releases> {
        None
    }

    /// Listing organisations and an owner's repositories (`org list`, `org repos`).
    fn inventory(&self) -> Option<&dyn Inventory> {
        None
    }

    /// The counters the host keeps about a repository (`stats`).
    fn stats(&self) -> Option<&dyn RepoStats> {
        None
    }

    /// The CI state of a commit (`ci status`).
    fn ci_status(&self) -> Option<&dyn CiStatus> {
        None
    }

    /// The error that says this host has no API for `capability` (one of [`Capability`]'s).
    fn lacks(&self, capability: Capability) -> ApiError {
        self.rest().unsupported(capability.missing())
    }
}

/// The capabilities a host may lack, named for messages: the accessors of [`Provider`] say which it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Capability {
    Protection,
    Webhooks,
}

impl Capability {
    /// The end of "<Host> …" when a host has none.
    fn missing(self) -> &'static str {
        match self {
            Capability::Protection => "has no branch protection API; set it in the web UI",
            Capability::Webhooks => "has no webhook API",
        }
    }
}

/// The API client for `kind` at `api_url`, its requests spending from `deadline` (a job's budget; `None`: the
/// agent's fixed timeouts); `None` for kinds without an API git-multi uses.
pub fn connect(
    kind: ProviderKind,
    api_url: &str,
    token: Option<String>,
    deadline: Option<Deadline>,
) -> Option<Box<dyn Provider>> {
    let provider: Box<dyn Provider> = match kind {
        ProviderKind::Github => Box::new(github::GitHub::new(api_url, token)),
        ProviderKind::Gitlab => Box::new(gitlab::GitLab::new(api_url, token)),
        ProviderKind::Gitea | ProviderKind::Forgejo => {
            Box::new(gitea::Gitea::new(kind, api_url, token))
        }
        ProviderKind::Gogs => Box::new(gogs::Gogs::new(api_url, token)),
        ProviderKind::Bitbucket => Box::new(bitbucket::Bitbucket::new(api_url, token)),
        ProviderKind::Sourcehut | ProviderKind::Generic => return None,
    };
    if let Some(deadline) = deadline {
        provider.rest().api.within(deadline);
    }
    Some(provider)
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
