//! What the commands that work on many remotes share: the `-j`/`--timeout` options, the checked-out branch,
//! and which remote is the primary.

use std::time::Duration;

use clap::Args;

use crate::config::{self, parse_seconds, Settings};
use crate::error::Result;
use crate::git::Git;
use crate::model::Outcome;
use crate::remote_set::{Member, RemoteSet};
use crate::run_lock::{LockError, RunLock};
use crate::runner::Job;
use crate::session::{Session, Watch};

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

/// Runs `one` for each of `members`, in parallel with `-j`, each with `--timeout`, else `multi.timeout`, else
/// `default` to spend, watched live: the fan-out of a command that works on its members once.
pub fn each<D: Send + Default>(
    ctx: &Session,
    set: &RemoteSet,
    members: &[&Member],
    parallel: &ParallelArgs,
    default: Duration,
    one: impl Fn(&Job) -> Outcome<D> + Sync,
) -> Vec<Outcome<D>> {
    let fanout = ctx.fan_out(set, parallel.get(), members, default, Watch::Live);
    let outcomes = fanout.run(members, one);
    fanout.finish();
    outcomes
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
