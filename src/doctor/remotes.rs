//! The remote set and each member: `remotes.multi` against the members; per member its URL, whether it
//! answers, the credential helper or ssh key git would use, its host API with the token's source, saved tips.

use crate::config;
use crate::error::Result;
use crate::git::Git;
use crate::model::Check;
use crate::model::Outcome;
use crate::remote_set::{Member, RemoteSet};
use crate::runner::Job;
use crate::url::{self, UrlError};

/// The set itself and whether `remotes.multi` says what the `[multi "<name>"]` sections say.
pub fn set_checks(git: &Git, set: &RemoteSet) -> Result<Vec<Check>> {
    let mut checks = Vec::new();
    let enabled: Vec<&str> = set
        .members
        .iter()
        .filter(|m| m.enabled)
        .map(|m| m.name.as_str())
        .collect();
    if set.members.is_empty() {
        checks.push(Check::warn(
            "set",
            "the remote set has no members",
            "add one with `git multi remote add <name> <url>`, or adopt the existing remotes with `git multi init --import`",
        ));
    } else {
        checks.push(Check::ok(
            "set",
            format!(
                "{} member(s), {} enabled: {}",
                set.members.len(),
                enabled.len(),
                set.members
                    .iter()
                    .map(|m| m.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    }
    let group = git.config_get(config::GROUP_KEY)?;
    // A one-member group is written twice (see `remote_set::group_value`): each name counts once.
    let mut listed: Vec<&str> = Vec::new();
    for name in group
        .as_deref()
        .map(str::split_whitespace)
        .into_iter()
        .flatten()
    {
        if !listed.contains(&name) {
            listed.push(name);
        }
    }
    let fix = "`git multi init` rewrites it from the members";
    match &group {
        None if set.members.is_empty() => {}
        None => checks.push(Check::fail(
            "set.group",
            format!(
                "{} is missing, so `git fetch multi` fetches nothing",
                config::GROUP_KEY
            ),
            fix,
        )),
        Some(_) if listed == enabled => checks.push(Check::ok(
            "set.group",
            format!("{} lists the enabled members", config::GROUP_KEY),
        )),
        Some(value) => checks.push(Check::fail(
            "set.group",
            format!(
                "{} says `{value}` but the enabled members are `{}`",
                config::GROUP_KEY,
                enabled.join(" ")
            ),
            fix,
        )),
    }
    Ok(checks)
}

/// One member: its URL, whether it answers, what git would authenticate with, its host API.
pub fn member_checks(git: &Git, job: &Job) -> Vec<Check> {
    let m = job.member;
    let name = |what: &str| format!("remote.{}.{what}", m.name);
    let Some(raw) = m.url.as_deref() else {
        return vec![Check::fail(
            name("url"),
            format!(
                "[multi \"{}\"] has no git remote (no remote.{}.url)",
                m.name, m.name
            ),
            format!(
                "give it a URL with `git multi remote set-url {} <url>`, or drop it with `git multi remote remove {}`",
                m.name, m.name
            ),
        )];
    };
    let parsed = match url::parse(raw, |scheme| git.remote_helper_installed(scheme)) {
        Ok(parsed) => parsed,
        Err(UrlError::EmbeddedSecret) => {
            return vec![Check::fail(
                name("url"),
                "the URL holds a password or token in plain text in .git/config",
                format!(
                    "move the secret to a credential helper and run `git multi remote set-url {} <url-without-it>`",
                    m.name
                ),
            )]
        }
        Err(err) => {
            return vec![Check::fail(
                name("url"),
                format!("`{raw}` is not a URL git can use: {err}"),
                format!("fix it with `git multi remote set-url {} <url>`", m.name),
            )]
        }
    };
    let mut checks = vec![Check::ok(
        name("url"),
        format!(
            "{raw} ({}{})",
            parsed.transport,
            if m.enabled { "" } else { ", disabled" }
        ),
    )];

    let probe = job.git(|left, _| git.ls_remote(&m.name, Some(left))).result;
    let auth_trouble = match &probe {
        Ok(refs) => {
            let count = crate::git::direct_refs(refs).len();
            checks.push(Check::ok(
                name("reachable"),
                match crate::git::head_branch(refs) {
                    Some(head) => format!("{count} ref(s), HEAD -> {head}"),
                    None if count == 0 => "reachable, empty repository".to_string(),
                    None => format!("{count} ref(s)"),
                },
            ));
            false
        }
        Err(err) => {
            let outcome: Outcome<()> = job.failure(err, ());
            let hint = crate::report::hint_for(&outcome).unwrap_or_else(|| {
                format!(
                    "`git ls-remote {}` shows git's own words; fix the URL with `git multi remote set-url {} <url>`",
                    m.name, m.name
                )
            });
            let detail = format!(
                "{}: {}",
                outcome.status.as_str(),
                outcome.error.clone().unwrap_or_default()
            );
            checks.push(if m.enabled {
                Check::fail(name("reachable"), detail, hint)
            } else {
                Check::warn(name("reachable"), format!("{detail} (disabled)"), hint)
            });
            matches!(
                outcome.reason,
                Some(crate::git::FailureKind::AuthFailed | crate::git::FailureKind::AuthRequired)
            )
        }
    };
    checks.push(super::credentials::credentials(
        git,
        m,
        raw,
        &parsed,
        auth_trouble,
    ));
    checks.push(api(git, job));
    checks.push(backups(git, m));
    checks
}

/// The member's host API and its token: where it comes from and what the host says about it.
fn api(git: &Git, job: &Job) -> Check {
    let m = job.member;
    let name = format!("remote.{}.api", m.name);
    let (kind, _) = m.provider();
    let host = match crate::provider::for_member(git, m, job.deadline) {
        Ok(host) => host,
        Err(_) => {
            return Check::ok(
                name,
                format!("provider {kind}: no host API (git transport only)"),
            )
        }
    };
    let api_url = host.target.api_url.clone();
    let login_hint = format!("`git multi auth login {}`", host.target.host);
    let Some(source) = host.source.clone() else {
        return Check::warn(
            name,
            format!("provider {kind}, API {api_url}: no token (create, branch protect and webhook need one)"),
            login_hint,
        );
    };
    match host.api.repositories().whoami() {
        Ok(me) => {
            let mut detail = format!(
                "provider {kind}, API {api_url}: token from {source}, logged in as {}",
                me.login
            );
            if let Some(scopes) = me.scopes {
                detail.push_str(&format!(
                    ", scopes: {}",
                    if scopes.is_empty() {
                        "none".into()
                    } else {
                        scopes.join(",")
                    }
                ));
            }
            Check::ok(name, detail)
        }
        Err(err) if err.is_auth() => Check::fail(
            name,
            format!("provider {kind}, API {api_url}: the token from {source} is refused: {err}"),
            login_hint,
        ),
        Err(err) => Check::warn(
            name,
            format!("provider {kind}, API {api_url}: {err}"),
            err.hint().unwrap_or_else(|| {
                format!(
                    "check the API URL with `git multi config get multi.{}.apiUrl`",
                    m.name
                )
            }),
        ),
    }
}

/// How many overwritten or deleted tips of the member are kept under `refs/multi/backup/<remote>/`.
fn backups(git: &Git, m: &Member) -> Check {
    let name = format!("remote.{}.backups", m.name);
    let prefix = crate::git::refname::backup_prefix(&m.name);
    match git.refs(&[&prefix]) {
        Ok(refs) if refs.is_empty() => Check::ok(name, "no saved tips"),
        Ok(refs) => Check::ok(
            name,
            format!(
                "{} saved tip(s) under {prefix} (`git multi log` says which command saved them)",
                refs.len()
            ),
        ),
        Err(err) => Check::warn(
            name,
            format!("cannot list {prefix}: {err}"),
            "`git for-each-ref refs/multi/backup/` shows what git says",
        ),
    }
}
