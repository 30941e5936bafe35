//! What `auth` learned about host API tokens: for each host of `auth status`, where its token comes from and
//! whether the host takes it (the detail of that host's outcome), and what the host said of a token given to
//! `auth login`.

use serde::Serialize;

use crate::auth::Source;
use crate::error::Exit;
use crate::model::Outcome;

/// One host API's token, as `auth status` found it.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TokenCheck {
    pub host: String,
    pub provider: Option<String>,
    pub api_url: String,
    /// Where the token comes from; `None` when there is none.
    pub source: Option<Source>,
    /// `Some(false)`: the host rejected it; `None`: not known (no token, not a provider's API, no answer).
    pub valid: Option<bool>,
    pub login: Option<String>,
    pub scopes: Option<Vec<String>>,
    pub rate_limit_remaining: Option<u64>,
}

/// Whether every host has a token it did not reject.
pub fn tokens_ok(hosts: &[Outcome<TokenCheck>]) -> bool {
    hosts
        .iter()
        .all(|h| h.detail.valid != Some(false) && h.detail.source.is_some())
}

/// Whether every host has a token it took, with no error on the way.
pub fn all_ok(hosts: &[Outcome<TokenCheck>]) -> bool {
    tokens_ok(hosts) && hosts.iter().all(|h| h.error.is_none())
}

/// Missing or rejected tokens are exit 4; a host that could not say whether the token works is exit 1.
pub fn exit(hosts: &[Outcome<TokenCheck>]) -> Exit {
    if crate::interrupt::requested() {
        Exit::Interrupted
    } else if !tokens_ok(hosts) {
        Exit::Auth
    } else if all_ok(hosts) {
        Exit::Success
    } else {
        Exit::Failure
    }
}

/// What the host said of a token given to `auth login`, before it is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verified {
    /// It works, for this account.
    Belongs(String),
    /// The host refused it (the error): it is not stored.
    Rejected(String),
    /// The host could not say (the error): it is stored anyway.
    Unverified(String),
    /// Not a known provider's API: nobody to ask.
    NotAnApi,
}
