//! `git multi remote test [<name>...]`: can each remote be reached? One bounded `git ls-remote` per remote,
//! all in parallel.

use std::time::{Duration, Instant};

use clap::Args;
use serde::Serialize;

use crate::cmd::common::ParallelArgs;
use crate::cmd::Ctx;
use crate::config;
use crate::error::{Exit, Result};
use crate::git::RemoteRef;
use crate::outcome::{Detail, Outcome, Report, Status};
use crate::remote_set::Member;
use crate::report;
use crate::runner::{self, Pool};
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

#[derive(Debug, Serialize)]
pub struct Reachability {
    url: Option<String>,
    transport: Option<String>,
    provider: &'static str,
    /// Branches and tags the remote advertised.
    refs: Option<usize>,
    /// The branch the remote's HEAD points to.
    head: Option<String>,
}

impl Detail for Reachability {
    fn human(&self) -> String {
        match (self.refs, &self.head) {
            (Some(0), _) => "reachable, empty repository".to_string(),
            (Some(n), Some(head)) => format!("{n} {}, HEAD -> {head}", plural(n)),
            (Some(n), None) => format!("{n} {}", plural(n)),
            (None, _) => String::new(),
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

pub fn run(ctx: &Ctx, args: &TestArgs) -> Result<Exit> {
    let set = ctx.remote_set()?;
    let members = set.select(&args.remotes)?;
    let timeout = args
        .parallel
        .timeout(&set.settings, config::DEFAULT_PROBE_TIMEOUT)?;
    let pool = Pool::new(&set.settings, args.parallel.jobs, members.len());
    let outcomes = pool.run(&members, |m| m.host(), |m| probe(ctx, m, timeout));
    Ok(report::finish(&Report::new(outcomes), args.json))
}

fn probe(ctx: &Ctx, member: &Member, timeout: Duration) -> Outcome<Reachability> {
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
    match runner::retrying(timeout, |left| ctx.git.ls_remote(&member.name, Some(left))) {
        Ok(refs) => {
            detail.refs = Some(refs.iter().filter(|r| is_branch_or_tag(r)).count());
            detail.head = crate::git::head_branch(&refs).map(str::to_string);
            Outcome::new(&member.name, Status::Ok, started.elapsed(), detail)
        }
        Err(err) => Outcome::from_git_error(&member.name, &err, started.elapsed(), detail),
    }
}

fn is_branch_or_tag(r: &RemoteRef) -> bool {
    let name = r.name();
    matches!(r, RemoteRef::Direct { .. })
        && (name.starts_with("refs/heads/") || name.starts_with("refs/tags/"))
        && !name.ends_with("^{}")
}
