//! What the commands that work on many remotes share: their option blocks (`args`), the fan-out itself and
//! the run lock.

use std::time::Duration;

mod args;

pub use args::*;

use crate::config::{self, parse_seconds, Settings};
use crate::error::Result;
use crate::git::Git;
use crate::model::Outcome;
use crate::remote_set::{Member, RemoteSet};
use crate::run_lock::{LockError, RunLock};
use crate::runner::Job;
use crate::session::{Session, Watch};

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
