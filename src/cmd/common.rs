//! Options shared by the commands that work on many remotes at once.

use std::time::Duration;

use clap::Args;

use crate::cmd::Ctx;
use crate::config::{self, parse_seconds, Settings};
use crate::error::{Error, Result};
use crate::remote_set::{Member, RemoteSet};

#[derive(Debug, Clone, Args)]
pub struct ParallelArgs {
    /// How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Stop a remote's git after this many seconds (default: multi.timeout)
    #[arg(long, value_name = "SECS")]
    pub timeout: Option<String>,
}

impl ParallelArgs {
    /// `--timeout` beats `multi.timeout` beats `default`.
    pub fn timeout(&self, settings: &Settings, default: Duration) -> Result<Duration> {
        match &self.timeout {
            Some(text) => parse_seconds("--timeout", text)
                .map_err(|e| Error::usage(e).hint("e.g. --timeout 10")),
            None => Ok(settings.timeout.unwrap_or(default)),
        }
    }
}

/// The remote `pull` and `sync` integrate from: `--primary`, else `multi.primary`, else the current branch's
/// upstream remote when it is a member.
pub fn primary<'a>(
    ctx: &Ctx,
    set: &'a RemoteSet,
    flag: Option<&str>,
    branch: &str,
) -> Result<&'a Member> {
    let configured = flag
        .map(str::to_string)
        .or_else(|| set.settings.primary.clone());
    let name = match configured {
        Some(name) => name,
        None => {
            let upstream = ctx
                .git
                .command(["config", "--get", &format!("branch.{branch}.remote")])
                .run_unchecked()?;
            let upstream = upstream.stdout.trim().to_string();
            if upstream.is_empty() || set.member(&upstream).is_none() {
                return Err(
                    Error::usage("no primary remote to integrate from").hint(format!(
                        "name one with `--primary <remote>` or once with `git config {} <remote>`",
                        config::PRIMARY
                    )),
                );
            }
            upstream
        }
    };
    set.member(&name).ok_or_else(|| set.unknown_error(&[&name]))
}

/// The checked-out branch; pull and sync need one.
/// The error for a primary remote that could not be fetched: nothing can be integrated from it.
pub fn primary_fetch_failed<D>(name: &str, fetched: &crate::outcome::Outcome<D>) -> Error {
    let err = Error::failed(format!(
        "could not fetch the primary `{name}`: {}",
        fetched.error.as_deref().unwrap_or_default()
    ));
    match &fetched.hint {
        Some(hint) => err.hint(hint.clone()),
        None => err,
    }
}

pub fn current_branch(ctx: &Ctx) -> Result<String> {
    ctx.git.current_branch()?.ok_or_else(|| {
        Error::usage("HEAD is detached, so there is no current branch to integrate into")
            .hint("check out a branch first: `git switch <branch>`")
    })
}

/// How the primary's commits are brought into the current branch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Strategy {
    FfOnly,
    Merge,
    Rebase,
}

impl Strategy {
    pub fn as_str(self) -> &'static str {
        match self {
            Strategy::FfOnly => "ff-only",
            Strategy::Merge => "merge",
            Strategy::Rebase => "rebase",
        }
    }
}

/// What integrating did.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Integration {
    pub branch: String,
    pub primary: String,
    pub strategy: Strategy,
    pub before: String,
    pub after: String,
    /// Commits brought in from the primary.
    pub incoming: u64,
}

/// Integrates `refs/remotes/<primary>/<branch>` into the checked-out branch (already fetched).
pub fn integrate(
    ctx: &Ctx,
    primary: &str,
    branch: &str,
    strategy: Strategy,
) -> Result<Integration> {
    let upstream = format!("refs/remotes/{primary}/{branch}");
    let theirs = ctx.git.rev_parse(&upstream)?.ok_or_else(|| {
        Error::failed(format!("`{primary}` has no branch `{branch}`"))
            .hint(format!("publish it with `git multi push {primary}`"))
    })?;
    let before = ctx.git.rev_parse("HEAD")?.unwrap_or_default();
    let (_, incoming) = ctx.git.ahead_behind(&before, &theirs)?;
    let args: Vec<&str> = match strategy {
        Strategy::FfOnly => vec!["merge", "--ff-only", "--quiet", &upstream],
        Strategy::Merge => vec!["merge", "--no-edit", "--quiet", &upstream],
        Strategy::Rebase => vec!["rebase", "--quiet", &upstream],
    };
    if incoming > 0 {
        if let Err(err) = ctx.git.command(&args).run() {
            let detail = err
                .stderr()
                .map(crate::git::failure_summary)
                .unwrap_or_else(|| err.to_string());
            let hint = match strategy {
                Strategy::FfOnly => "the branches diverged: integrate with `--rebase` or `--merge` (sync: `--strategy rebase|merge`)".to_string(),
                Strategy::Merge => "resolve the conflicts, `git commit`, then run git multi again (or `git merge --abort`)".to_string(),
                Strategy::Rebase => "resolve the conflicts and `git rebase --continue`, then run git multi again (or `git rebase --abort`)".to_string(),
            };
            return Err(Error::failed(format!(
                "could not integrate {primary}/{branch} into {branch}: {detail}"
            ))
            .hint(hint));
        }
    }
    let after = ctx.git.rev_parse("HEAD")?.unwrap_or_default();
    Ok(Integration {
        branch: branch.to_string(),
        primary: primary.to_string(),
        strategy,
        before,
        after,
        incoming,
    })
}
