//! `auth status` as one operation: the host APIs to ask (those named, else every one of the remote set), each
//! asked who its token belongs to as a job of the session's fan-out, so every host spends from its own budget
//! (`--timeout`, else `multi.timeout`) and one that never answers is a `timeout` while the others finish.

use crate::auth::{self, Target};
use crate::config;
use crate::error::{Error, Result};
use crate::model::token::TokenCheck;
use crate::model::{Outcome, Status};
use crate::provider;
use crate::remote_set::{Member, RemoteSet};
use crate::runner::Job;
use crate::session::{Parallel, Session, Watch};

/// The host APIs to check: each of `named` (a provider, remote, host or API URL), else every member's; the
/// same API once, in the order first met.
pub fn targets(set: Option<&RemoteSet>, named: &[String]) -> Result<Vec<Target>> {
    let mut targets: Vec<Target> = Vec::new();
    if named.is_empty() {
        for member in set.map(|s| s.members.as_slice()).unwrap_or_default() {
            let (kind, _) = member.provider();
            if let Some(api) = member.effective_api_url().filter(|_| kind.has_api()) {
                targets.push(Target::new(Some(kind), &api));
            }
        }
        if targets.is_empty() {
            return Err(Error::usage("no host APIs to check").hint(
                "name one, e.g. `git multi auth status github`, or add remotes with `--provider`",
            ));
        }
    } else {
        for what in named {
            targets.push(auth::resolve(what, set)?);
        }
    }
    let mut seen = std::collections::HashSet::new();
    targets.retain(|t| seen.insert(t.api_url.clone()));
    Ok(targets)
}

/// Asks every host of `targets` in parallel, watched live; outcomes in the targets' order. Outside a
/// repository (`set` is `None`) the defaults stand for `multi.jobs` and `multi.timeout`.
pub fn check(
    ctx: &Session,
    set: Option<&RemoteSet>,
    targets: &[Target],
    parallel: Parallel,
) -> Vec<Outcome<TokenCheck>> {
    let set = set.cloned().unwrap_or_default();
    // A job belongs to a member; a host named here need not be one, so each host stands as a member of its
    // own, named after the host (the progress line's name) and reached at its API.
    let hosts: Vec<Member> = targets
        .iter()
        .map(|t| Member {
            name: t.host.clone(),
            url: Some(t.api_url.clone()),
            ..Member::default()
        })
        .collect();
    let members: Vec<&Member> = hosts.iter().collect();
    let items: Vec<(&Member, &Target)> = hosts.iter().zip(targets).collect();
    let fanout = ctx.fan_out(
        &set,
        parallel,
        &members,
        config::DEFAULT_API_TIMEOUT,
        Watch::Live,
    );
    let outcomes = fanout.run_with(&items, |job, target| one(ctx, job, target));
    fanout.finish();
    outcomes
}

/// Looks the token up and asks the host who it belongs to, within the job's deadline.
fn one(ctx: &Session, job: &Job, target: &Target) -> Outcome<TokenCheck> {
    let (token, problem) = auth::lookup(&ctx.git, target);
    let mut found = TokenCheck {
        host: target.host.clone(),
        provider: target.kind.map(|k| k.to_string()),
        api_url: target.api_url.clone(),
        source: token.as_ref().map(|t| t.source.clone()),
        ..TokenCheck::default()
    };
    let Some(token) = token else {
        let why = problem.map_or_else(|| "no token".to_string(), |p| format!("no token ({p})"));
        let mut outcome = Outcome::failed(job.name(), why, job.elapsed(), found);
        outcome.reason = Some(crate::git::FailureKind::AuthRequired);
        return outcome;
    };
    let Some(api) = target.kind.and_then(|kind| {
        provider::connect(
            kind,
            &target.api_url,
            Some(token.secret),
            Some(job.deadline),
        )
    }) else {
        // Not a provider's API: there is nobody to ask whether the token works.
        return Outcome::new(job.name(), Status::Skipped, job.elapsed(), found);
    };
    job.say("checking token");
    match api.repositories().whoami_with_scopes() {
        Ok(me) => {
            found.valid = Some(true);
            found.login = Some(me.login);
            found.scopes = me.scopes;
            found.rate_limit_remaining = me.rate_limit_remaining;
            Outcome::new(job.name(), Status::Ok, job.elapsed(), found)
        }
        Err(err) => {
            found.valid = if err.is_auth() { Some(false) } else { None };
            let mut outcome = Outcome::from_api_error(job.name(), &err, job.elapsed(), found);
            outcome.error = Some(crate::redact::redact(&err.to_string()).into_owned());
            outcome
        }
    }
}
