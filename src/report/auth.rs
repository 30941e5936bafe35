//! Host API tokens in words: the `auth status` table (or its JSON document), and what `auth login` and
//! `auth logout` did with a host's token.

use serde::Serialize;

use crate::auth::{Source, Target};
use crate::model::token::{self, TokenCheck, Verified};
use crate::model::{Outcome, Status};

/// One host of the JSON document: its token check and the error that stopped it.
#[derive(Serialize)]
struct HostRow<'a> {
    #[serde(flatten)]
    check: &'a TokenCheck,
    /// As every per-remote document says it: `ok`, `failed`, `timeout` (a host that never answered).
    status: Status,
    error: Option<&'a str>,
}

#[derive(Serialize)]
struct StatusDocument<'a> {
    ok: bool,
    hosts: Vec<HostRow<'a>>,
}

/// `auth status`: one JSON document, or one row per host and the hints that fix what failed.
pub fn status(hosts: &[Outcome<TokenCheck>], json: bool) {
    let ok = token::all_ok(hosts);
    if json {
        super::json(&StatusDocument {
            ok,
            hosts: hosts
                .iter()
                .map(|h| HostRow {
                    check: &h.detail,
                    status: h.status,
                    error: h.error.as_deref(),
                })
                .collect(),
        });
        return;
    }
    let mut rows = vec![vec![
        "HOST".to_string(),
        "PROVIDER".into(),
        "TOKEN".into(),
        "STATUS".into(),
    ]];
    for h in hosts {
        let c = &h.detail;
        let source = c
            .source
            .as_ref()
            .map_or_else(|| "none".to_string(), Source::to_string);
        let provider = c.provider.clone().unwrap_or_else(|| "-".into());
        rows.push(vec![c.host.clone(), provider, source, state(h)]);
    }
    super::table(&rows);
    let timed_out = hosts.iter().find(|h| h.status == Status::Timeout);
    // A host that only ran out of time needs more time, not another token.
    if !token::tokens_ok(hosts)
        || hosts
            .iter()
            .any(|h| h.status != Status::Timeout && h.error.is_some())
    {
        super::note("hint: store a token with `git multi auth login <host>`");
    }
    if let Some(hint) = timed_out.and_then(super::hint_for) {
        super::note(&format!("hint: {hint}"));
    }
}

/// The STATUS cell: who the token belongs to, or why that is not known.
fn state(h: &Outcome<TokenCheck>) -> String {
    let c = &h.detail;
    match (&c.valid, &h.error) {
        (Some(true), _) => {
            let mut s = format!("ok, logged in as {}", c.login.as_deref().unwrap_or("?"));
            if let Some(scopes) = &c.scopes {
                let scopes = if scopes.is_empty() {
                    "none".to_string()
                } else {
                    scopes.join(",")
                };
                s.push_str(&format!("; scopes: {scopes}"));
            }
            if let Some(n) = c.rate_limit_remaining {
                s.push_str(&format!("; {n} requests left"));
            }
            s
        }
        (_, Some(error)) => error.clone(),
        (None, None) => "not checked".into(),
        (Some(false), None) => "rejected".into(),
    }
}

/// What the host said of a token about to be stored (a rejected one is an error, said by the caller).
pub fn verified(target: &Target, verdict: &Verified) {
    match verdict {
        Verified::Belongs(login) => {
            super::note(&format!("Token for {} belongs to {login}.", target.host))
        }
        Verified::Unverified(err) => super::warning(&format!(
            "could not verify the token ({err}); storing it anyway"
        )),
        // Not stored: the caller says so, as the error that ends the login.
        Verified::Rejected(_) => {}
        Verified::NotAnApi => super::note(&format!(
            "{} is not a known provider's API: the token is stored without checking it.",
            target.host
        )),
    }
}

pub fn stored(target: &Target) {
    super::note(&format!(
        "Stored in the OS keyring as {}.",
        target.service()
    ));
}

/// What `auth logout` did, and the source that still hands out a token for the host, if any.
pub fn logged_out(target: &Target, removed: bool, still: Option<&Source>) {
    super::note(&if removed {
        format!("Removed the token for {} from the OS keyring.", target.host)
    } else {
        format!("No token for {} was stored in the OS keyring.", target.host)
    });
    if let Some(source) = still {
        super::warning(&format!(
            "a token for {} is still provided by the {source}",
            target.host
        ));
    }
}
