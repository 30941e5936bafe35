//! What the commands that work on many remotes share: the `-j`/`--timeout` options, the option blocks of the
//! git fan-out and host-API commands, the fan-out itself and the run lock.

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

/// `--only GROUP` and `-j`/`--timeout`: the members a git fan-out command (push, fetch, status, …) works on, and
/// how many at once.
#[derive(Debug, Clone, Args)]
pub struct FanOutArgs {
    /// Work only on the members of this remote group (git's remotes.<group>; see `git multi group list`)
    #[arg(long, value_name = "GROUP")]
    pub only: Option<String>,
    #[command(flatten)]
    pub parallel: ParallelArgs,
}

/// What the commands that push (push, sync, mirror) add to the fan-out options: `-v` and `--json`.
#[derive(Debug, Clone, Args)]
pub struct PushingArgs {
    #[command(flatten)]
    pub fan_out: FanOutArgs,
    /// List every ref pushed to a remote (beyond 10 they are counted: "1,000 refs updated")
    #[arg(short, long)]
    pub verbose: bool,
    /// Print one JSON document instead of a table
    #[arg(long)]
    pub json: bool,
}

/// `--on REMOTE`, `--json` and `-j`/`--timeout`: the hosts a host-API command (release, webhook, org, ci status)
/// asks, and how. A command whose `--on` says more rewords it with `common::on_help` (through `mut_args`), a
/// command group with `common::on_help_in` (through `mut_subcommands`).
#[derive(Debug, Clone, Args)]
pub struct HostSelection {
    /// Only these remotes (repeatable)
    #[arg(long = "on", value_name = "REMOTE")]
    pub on: Vec<String>,
    /// Print one JSON document instead of a table
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub parallel: ParallelArgs,
}

/// `-j`/`--timeout` and `--json`: how a command that works once per remote (undo, restore, backup, branch and
/// tag create|delete) runs and reports.
#[derive(Debug, Clone, Args)]
pub struct RunArgs {
    #[command(flatten)]
    pub parallel: ParallelArgs,
    /// Print one JSON document instead of a table
    #[arg(long)]
    pub json: bool,
}

/// `--json` alone: the options of a listing subcommand (`group list`, `refs list`, `hook list`).
#[derive(Debug, Clone, Args)]
pub struct JsonArgs {
    /// Print one JSON document instead of a table
    #[arg(long)]
    pub json: bool,
}

/// `--on`'s help worded for one command (what it defaults to, what it asks). Through `mut_args`, which changes
/// the option in place: `mut_arg` would move it to the end of the completions.
pub fn on_help(text: &'static str) -> impl FnMut(clap::Arg) -> clap::Arg {
    move |arg| match arg.get_id().as_str() {
        "on" => arg.help(text),
        _ => arg,
    }
}

/// `on_help` for every subcommand of a command group (`release create|list|delete`).
pub fn on_help_in(text: &'static str) -> impl FnMut(clap::Command) -> clap::Command {
    move |sub| sub.mut_args(on_help(text))
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
