//! The option blocks the commands share, flattened into their own: `-j`/`--timeout`, the git fan-out's
//! `--only`, the host-API commands' `--on`, `--json`.

use std::time::Duration;

use clap::Args;

use crate::config::{parse_seconds, Settings};
use crate::error::Result;

/// `-j`/`--timeout`: how many remotes at once, and how long each one's work may take.
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
