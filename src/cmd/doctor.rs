//! `git multi doctor`: what git-multi can tell about this machine and repository, each finding `ok`, `warn`
//! or `fail` with a one-line detail and the command that fixes it. git and the features its version enables;
//! the configuration's values; the set and `remotes.multi`; for each member its URL, whether it answers
//! (`ls-remote`, all members at once), the credential helper or ssh key git would use, and its host API with
//! where the token comes from (never the token); the OS keyring; hooks and schedules git-multi installed.
//! Exit 1 when any check fails. Works outside a repository too (then only the machine is checked).

use clap::Args;

use crate::cmd::common::ParallelArgs;
use crate::error::{Exit, Result};
use crate::report;

/// Check git, the configuration, every remote, tokens, the keyring, hooks and schedules
#[derive(Debug, Args)]
pub struct DoctorArgs {
    /// Print one JSON document instead of a list
    #[arg(long)]
    pub json: bool,
    /// First repair what is safe (remotes.multi, stale lock files, never-fetched members, hooks git would not
    /// run, schedules whose git-multi is gone) and say what changed; the checks then show what is left
    #[arg(long)]
    pub fix: bool,
    #[command(flatten)]
    pub parallel: ParallelArgs,
}

pub fn run(args: &DoctorArgs) -> Result<Exit> {
    let repairs = match (args.fix, crate::git::Git::locate()) {
        (true, Ok(git)) => crate::doctor::fix::repair_here(&git),
        _ => Vec::new(),
    };
    let checks = crate::doctor::checks(args.parallel.get())?;
    report::doctor::show(&checks, args.fix.then_some(&repairs[..]), args.json);
    Ok(if crate::model::check::passed(&checks) {
        Exit::Success
    } else {
        Exit::Failure
    })
}
