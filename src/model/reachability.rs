//! Whether one remote can be reached (`remote test`): what git saw of it and, for a host with an API, what the
//! API says about the token and the repository.

use serde::Serialize;

use crate::auth::Source;

#[derive(Debug, Default, Serialize)]
pub struct Reachability {
    pub url: Option<String>,
    pub transport: Option<String>,
    pub provider: &'static str,
    /// Branches and tags the remote advertised.
    pub refs: Option<usize>,
    /// The branch the remote's HEAD points to.
    pub head: Option<String>,
    /// The host API side, when the remote has a provider with an API.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api: Option<ApiCheck>,
}

/// What the host's API says about the token and this repository.
#[derive(Debug, Default, Serialize)]
pub struct ApiCheck {
    pub host: String,
    /// Where the token came from; `null` = none found.
    pub token_source: Option<Source>,
    pub login: Option<String>,
    pub can_push: Option<bool>,
    pub can_admin: Option<bool>,
    pub rate_limit_remaining: Option<u64>,
    /// Why the API check did not pass, when it did not.
    pub problem: Option<String>,
}
