//! What the commands that work on many remotes share: the `-j`/`--timeout` options, the checked-out branch,
//! and which remote is the primary.

use std::time::Duration;

use clap::Args;

use crate::config::{self, parse_seconds, Settings};
use crate::error::{Error, Result};
use crate::git::Git;
use crate::model::Outcome;
use crate::remote_set::{Member, RemoteSet};
use crate::run_lock::{LockError, RunLock};
use crate::session::Session;

#[derive(Debug, Clone, Args)]
pub struct ParallelArgs {
    /// How many remotes to work on at once (default: multi.jobs, else one per remote up to 8; 0 = no limit)
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Stop a remote's git after this many seconds, 0.1 to 86400 (default: multi.timeout)
    #[arg(long, value_name = "SECS", value_parser = timeout_flag)]
    pub timeout: Option<Duration>,
}

/// `--timeout` is checked while the command line is read, so a bad value stops the command before it looks at
/// anything (exit 2), whatever else is wrong.
pub fn timeout_flag(text: &str) -> std::result::Result<Duration, String> {
    parse_seconds("--timeout", text)
}

impl ParallelArgs {
    /// As the session takes them.
    pub fn get(&self) -> crate::session::Parallel {
        crate::session::Parallel {
            jobs: self.jobs,
            timeout: self.timeout,
        }
    }

    /// `--timeout` beats `multi.timeout` beats `default`.
    pub fn timeout(&self, settings: &Settings, default: Duration) -> Result<Duration> {
        Ok(self.timeout.or(settings.timeout).unwrap_or(default))
    }
}

/// How long a command waits for another run's lock: its `--timeout` when it has one (checked like everywhere
/// else), else `multi.timeout`, else the default time limit. The set is not loaded for this (a command that
/// repairs a bad setting must still get the lock), so a `multi.timeout` git-multi cannot read counts as unset.
pub fn lock_wait(git: &Git, parallel: Option<&ParallelArgs>) -> Result<Duration> {
    if let Some(parallel) = parallel.filter(|p| p.timeout.is_some()) {
        return parallel.timeout(&Settings::default(), config::DEFAULT_TIMEOUT);
    }
    let configured = git
        .config_get(config::TIMEOUT)
        .ok()
        .flatten()
        .and_then(|text| parse_seconds(config::TIMEOUT, &text).ok())
        .unwrap_or(config::DEFAULT_TIMEOUT);
    Ok(configured)
}

/// Takes the repository's run lock for `command` (one writing git-multi run per repository at a time), waiting
/// up to `wait` for a run that holds it and saying once on stderr whom it waits for; `repo` names the
/// repository in messages (a workspace run). A lock that cannot be made at all (a read-only `.git`) is only a
/// warning, as the audit log's is: the run goes ahead unlocked.
pub fn lock_repository(
    git: &Git,
    command: &str,
    wait: Duration,
    repo: Option<&std::path::Path>,
) -> Result<Option<RunLock>> {
    let dir = git.common_dir()?.join(crate::audit::DIR);
    match crate::run_lock::acquire(&dir, command, wait, |holder| {
        crate::report::lock::waiting(holder, repo)
    }) {
        Ok(lock) => Ok(Some(lock)),
        Err(err @ LockError::Busy { .. }) => Err(crate::report::lock::not_acquired(&err, repo)),
        Err(err @ LockError::Io { .. }) => {
            crate::report::lock::unlocked(&err, repo);
            Ok(None)
        }
    }
}

/// The remote `pull` and `sync` integrate from: `--primary`, else `multi.primary`, else the current branch's
/// upstream remote when it is a member.
pub fn primary<'a>(
    ctx: &Session,
    set: &'a RemoteSet,
    flag: Option<&str>,
    branch: &str,
) -> Result<&'a Member> {
    primary_if_any(ctx, set, flag, branch)?.ok_or_else(|| {
        Error::usage("no primary remote to integrate from").hint(
            "name one with `--primary <remote>` or once with `git multi primary <remote>` (else the branch's upstream remote, `branch.<name>.remote`, is used; `git multi sync --strategy merge` needs none)",
        )
    })
}

/// [`primary`] where having none is fine (`sync --strategy merge` integrates every remote; `theirs`
/// namespaces then only fast-forward). A primary that is named but not a member is still an error.
pub fn primary_if_any<'a>(
    ctx: &Session,
    set: &'a RemoteSet,
    flag: Option<&str>,
    branch: &str,
) -> Result<Option<&'a Member>> {
    let configured = flag
        .map(str::to_string)
        .or_else(|| set.settings.primary.clone());
    let name = match configured {
        Some(name) => name,
        None => {
            let upstream = ctx
                .git
                .config_get(&format!("branch.{branch}.remote"))?
                .unwrap_or_default();
            if upstream.is_empty() || set.member(&upstream).is_none() {
                return Ok(None);
            }
            upstream
        }
    };
    set.member(&name)
        .map(Some)
        .ok_or_else(|| set.unknown_error(&[&name]))
}

/// The remote `pull --only <group>` integrates from: the primary [`primary_if_any`] finds when the group holds
/// it, else the group's first member (a group is often "the hosts I trust": pull from one of them).
pub fn primary_in_group<'a>(
    ctx: &Session,
    set: &'a RemoteSet,
    flag: Option<&str>,
    branch: &str,
    group: &str,
) -> Result<&'a Member> {
    let members = set.select_only(&[], Some(group))?;
    if let Some(primary) = primary_if_any(ctx, set, flag, branch)? {
        if members.iter().any(|m| m.name == primary.name) {
            return Ok(primary);
        }
        if flag.is_some() {
            return Err(Error::usage(format!(
                "`{}` is not in the remote group `{group}`",
                primary.name
            ))
            .hint("name a member of the group with --primary, or leave --only out"));
        }
    }
    Ok(members[0])
}

/// The error for a primary remote that could not be fetched: nothing can be integrated from it.
pub fn primary_fetch_failed<D>(name: &str, fetched: &Outcome<D>) -> Error {
    let err = Error::failed(format!(
        "could not fetch the primary `{name}`: {}",
        fetched.error.as_deref().unwrap_or_default()
    ));
    match crate::report::hint_for(fetched) {
        Some(hint) => err.hint(hint),
        None => err,
    }
}

/// The checked-out branch; pull and sync need one.
pub fn current_branch(ctx: &Session) -> Result<String> {
    ctx.git.current_branch()?.ok_or_else(|| {
        Error::usage("HEAD is detached, so there is no current branch to integrate into")
            .hint("check out a branch first: `git switch <branch>`")
    })
}

/// The word `--take` reads as the primary member, unless a member is really called that.
pub const TAKE_PRIMARY: &str = "primary";

/// `resolve --take primary`: the member `multi.primary` names.
pub fn take_primary(set: &RemoteSet) -> Result<String> {
    match set.settings.primary.as_deref() {
        Some(name) => Ok(set.select(&[name.to_string()])?[0].name.clone()),
        None => Err(Error::usage("no primary remote to take the copy of").hint(
            "set one with `git multi primary <remote>`, or name the remote: `--take <remote>`",
        )),
    }
}
