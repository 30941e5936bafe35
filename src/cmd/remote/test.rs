//! `git multi remote test [<name>...]`: can each remote be reached? One bounded `git ls-remote` per remote,
//! all in parallel.

use std::time::{Duration, Instant};

use clap::Args;
use serde::Serialize;

use crate::cmd::Ctx;
use crate::config::{self, parse_seconds};
use crate::error::{Error, Exit, Result};
use crate::git::RemoteRef;
use crate::outcome::{Detail, Outcome, Report, Status};
use crate::remote_set::Member;
use crate::report;
use crate::runner::Pool;
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
    /// Give up on a remote after this many seconds (default: multi.timeout, else 30)
    #[arg(long, value_name = "SECS")]
    pub timeout: Option<String>,
    /// How many remotes to test at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
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
    let timeout = match &args.timeout {
        Some(text) => parse_seconds("--timeout", text)
            .map_err(|e| Error::usage(e).hint("e.g. --timeout 10"))?,
        None => set
            .settings
            .timeout
            .unwrap_or(config::DEFAULT_PROBE_TIMEOUT),
    };
    let pool = Pool::new(&set.settings, args.jobs, members.len());
    let outcomes = pool.run(&members, |m| m.host(), |m| probe(ctx, m, timeout));
    let report = Report::new(outcomes);
    if args.json {
        report::json(&report);
    } else {
        report::outcomes(&report);
    }
    Ok(report.exit())
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
    match ctx.git.ls_remote(&member.name, Some(timeout)) {
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
