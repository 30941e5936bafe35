//! Can one remote be reached (`remote test`)? One bounded `git ls-remote`, and for a host with an API, who the
//! token is and what it may do there.

use std::time::Instant;

use crate::auth::Source;
use crate::git::RemoteRef;
use crate::model::reachability::{ApiCheck, Reachability};
use crate::model::{Outcome, Status};
use crate::provider::ApiError;
use crate::runner::Job;
use crate::session::Session;
use crate::url;

/// Tests the job's member within the job's deadline.
pub fn probe(ctx: &Session, job: &Job) -> Outcome<Reachability> {
    let member = job.member;
    let started = Instant::now();
    let mut detail = Reachability {
        url: member.url.clone(),
        transport: member
            .url
            .as_deref()
            .and_then(|u| url::parse(u, |_| true).ok())
            .map(|u| u.transport.to_string()),
        provider: member.provider().0.as_str(),
        refs: None,
        head: None,
        api: None,
    };
    if member.url.is_none() {
        return Outcome::failed(
            &member.name,
            "the git remote no longer exists",
            started.elapsed(),
            detail,
        )
        .with_hint(format!(
            "give it a URL again with `git multi remote set-url {} <url>`",
            member.name
        ));
    }
    let api_error = check_api(ctx, job, &mut detail);
    match job
        .git(|left, _| ctx.git.ls_remote(&member.name, Some(left)))
        .result
    {
        Ok(refs) => {
            detail.refs = Some(refs.iter().filter(|r| is_branch_or_tag(r)).count());
            detail.head = crate::git::head_branch(&refs).map(str::to_string);
            match api_error {
                // git works but the host API refused us: still a failure, with the API's hint.
                Some(err) => Outcome::from_api_error(&member.name, &err, started.elapsed(), detail),
                None => Outcome::new(&member.name, Status::Ok, started.elapsed(), detail),
            }
        }
        Err(err) => job.failure(&err, detail),
    }
}

/// Asks the host API (when the remote has one and a token is found) who we are and what we may do.
///
/// Only a rejected token given for the API (environment or keyring) fails the remote. Everything else is
/// noted in `api.problem`: plain git access needs no token, the API URL may only be the provider's guess for
/// the host, and a git credential helper's password for that host may be the git password, not an API token.
fn check_api(ctx: &Session, job: &Job, detail: &mut Reachability) -> Option<ApiError> {
    job.say("checking the host API");
    let host = crate::provider::for_member(&ctx.git, job.member, job.deadline).ok()?;
    let mut check = ApiCheck {
        host: host.target.host.clone(),
        token_source: host.source.clone(),
        ..ApiCheck::default()
    };
    if host.source.is_none() {
        check.problem = Some(format!(
            "no token for {} (`git multi auth login {}`)",
            host.target.host, host.target.host
        ));
        detail.api = Some(check);
        return None;
    }
    let mut failure = None;
    match host.api.repositories().whoami() {
        Ok(me) => {
            check.login = Some(me.login);
            check.rate_limit_remaining = me.rate_limit_remaining;
            if let (Some(owner), Some(repo)) = (&host.owner, &host.repo) {
                match host.api.repositories().repo(owner, repo) {
                    Ok(Some(info)) => {
                        check.can_push = info.can_push;
                        check.can_admin = info.can_admin;
                    }
                    Ok(None) => {
                        check.problem = Some(format!("{owner}/{repo} not found through the API"))
                    }
                    Err(err) => check.problem = Some(err.to_string()),
                }
            }
        }
        Err(err) => {
            check.problem = Some(err.to_string());
            let explicit = matches!(host.source, Some(Source::Env(_) | Source::Keyring));
            if err.is_auth() && explicit {
                failure = Some(err);
            }
        }
    }
    detail.api = Some(check);
    failure
}

fn is_branch_or_tag(r: &RemoteRef) -> bool {
    let name = r.name();
    matches!(r, RemoteRef::Direct { .. })
        && (name.starts_with("refs/heads/") || name.starts_with("refs/tags/"))
        && !name.ends_with("^{}")
}
