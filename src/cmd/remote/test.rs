//! `git multi remote test [<name>...]`: can each remote be reached? One bounded `git ls-remote` per remote,
//! all in parallel.

use std::time::Instant;

use clap::Args;
use serde::Serialize;

use crate::auth::Source;
use crate::cmd::common::ParallelArgs;
use crate::config;
use crate::error::{Exit, Result};
use crate::git::RemoteRef;
use crate::model::{Outcome, Report, Status};
use crate::report;
use crate::report::Detail;
use crate::runner::Job;
use crate::session::{Parallel, Session, Watch};
use crate::url;

/// Check that every remote of the set can be reached
#[derive(Debug, Args)]
pub struct TestArgs {
    /// Remotes to test (default: every enabled member; `all` means the same)
    #[arg(value_name = "REMOTE")]
    pub remotes: Vec<String>,
    /// Print one JSON document instead of a table
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub parallel: ParallelArgs,
}

#[derive(Debug, Default, Serialize)]
pub struct Reachability {
    url: Option<String>,
    transport: Option<String>,
    provider: &'static str,
    /// Branches and tags the remote advertised.
    refs: Option<usize>,
    /// The branch the remote's HEAD points to.
    head: Option<String>,
    /// The host API side, when the remote has a provider with an API.
    #[serde(skip_serializing_if = "Option::is_none")]
    api: Option<ApiCheck>,
}

/// What the host's API says about the token and this repository.
#[derive(Debug, Default, Serialize)]
pub struct ApiCheck {
    host: String,
    /// Where the token came from; `null` = none found.
    token_source: Option<crate::auth::Source>,
    login: Option<String>,
    can_push: Option<bool>,
    can_admin: Option<bool>,
    rate_limit_remaining: Option<u64>,
    /// Why the API check did not pass, when it did not.
    problem: Option<String>,
}

impl ApiCheck {
    fn human(&self) -> String {
        if let Some(problem) = &self.problem {
            return format!("api: {problem}");
        }
        let mut text = format!("api: {}", self.login.as_deref().unwrap_or("?"));
        match (self.can_admin, self.can_push) {
            (Some(true), _) => text.push_str(" (admin)"),
            (_, Some(true)) => text.push_str(" (push)"),
            (_, Some(false)) => text.push_str(" (read only)"),
            _ => {}
        }
        if let Some(n) = self.rate_limit_remaining {
            text.push_str(&format!(", {n} requests left"));
        }
        text
    }
}

impl Detail for Reachability {
    fn human(&self) -> String {
        let git = match (self.refs, &self.head) {
            (Some(0), _) => "reachable, empty repository".to_string(),
            (Some(n), Some(head)) => format!("{n} {}, HEAD -> {head}", plural(n)),
            (Some(n), None) => format!("{n} {}", plural(n)),
            (None, _) => String::new(),
        };
        match &self.api {
            Some(api) if git.is_empty() => api.human(),
            Some(api) => format!("{git}; {}", api.human()),
            None => git,
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        "ref"
    } else {
        "refs"
    }
}

pub fn run(ctx: &Session, args: &TestArgs) -> Result<Exit> {
    let set = ctx.remote_set()?;
    let members = set.select(&args.remotes)?;
    let timeout = args
        .parallel
        .timeout(&set.settings, config::DEFAULT_PROBE_TIMEOUT)?;
    let fanout = ctx.fan_out(
        &set,
        Parallel {
            jobs: args.parallel.jobs,
            timeout: Some(timeout),
        },
        &members,
        config::DEFAULT_TIMEOUT,
        Watch::Nobody,
    );
    let outcomes = fanout.run(&members, |job| probe(ctx, job));
    Ok(report::finish(&Report::new(outcomes), args.json))
}

fn probe(ctx: &Session, job: &Job) -> Outcome<Reachability> {
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
fn check_api(
    ctx: &Session,
    job: &Job,
    detail: &mut Reachability,
) -> Option<crate::provider::ApiError> {
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
