//! `git multi pull`: fetch the primary remote and integrate its copy of the current branch (fast-forward only
//! unless asked otherwise).

use clap::Args;

use crate::cmd::common::FanOutArgs;
use crate::config;
use crate::error::{Exit, Result};
use crate::git::refname;
use crate::model::{Outcome, Status};
use crate::ops::fetch;
use crate::ops::integrate::{self, Strategy};
use crate::ops::{primary, Backups};
use crate::report;
use crate::session::{Session, Watch};

/// Fetch the primary remote and integrate its copy of the current branch
#[derive(Debug, Args)]
pub struct PullArgs {
    /// The remote to integrate from (default: multi.primary, else the branch's upstream remote)
    #[arg(long, value_name = "REMOTE")]
    pub primary: Option<String>,
    /// Only fast-forward (the default)
    #[arg(long, conflicts_with_all = ["rebase", "merge"])]
    pub ff_only: bool,
    /// Rebase local commits onto the primary's
    #[arg(long, conflicts_with = "merge")]
    pub rebase: bool,
    /// Merge the primary's commits
    #[arg(long)]
    pub merge: bool,
    #[command(flatten)]
    pub fan_out: FanOutArgs,
    /// Print one JSON document instead of a line
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Session, args: &PullArgs) -> Result<Exit> {
    let set = ctx.remote_set()?;
    let branch = primary::current_branch(&ctx.git)?;
    let primary = match args.fan_out.only.as_deref() {
        None => primary::primary(&ctx.git, &set, args.primary.as_deref(), &branch)?,
        Some(group) => {
            primary::primary_in_group(&ctx.git, &set, args.primary.as_deref(), &branch, group)?
        }
    };
    let strategy = if args.rebase {
        Strategy::Rebase
    } else if args.merge {
        Strategy::Merge
    } else {
        Strategy::FfOnly
    };
    let fanout = ctx.fan_out(
        &set,
        args.fan_out.parallel.get(),
        &[primary],
        config::DEFAULT_TIMEOUT,
        Watch::Live,
    );
    // With --prune, as `git pull` would not find a branch the primary deleted: integrating its stale tracking
    // ref would call the branch "up to date". The pruned tips are saved, as `fetch --prune` saves them.
    let backups = Backups::new();
    let fetched = fanout
        .run(&[primary], |job| {
            match fetch::refresh(job, &ctx.git, &[], &backups) {
                Ok(_) => Outcome::new(job.name(), Status::Ok, job.elapsed(), ()),
                Err(err) => job.failure(&err, ()),
            }
        })
        .remove(0);
    fanout.finish();
    if fetched.status.is_failure() {
        return Err(report::integrate::primary_fetch_failed(
            &primary.name,
            &fetched,
        ));
    }
    let upstream = refname::tracking(&primary.name, &refname::branch(&branch))
        .expect("a branch has a tracking ref");
    let done = integrate::integrate(&ctx.git, &branch, &upstream, strategy)?
        .map_err(|stopped| report::integrate::stopped(&stopped))?;
    if args.json {
        report::integrate::pulled_json(&primary.name, &done);
    } else {
        report::out(&report::integrate::pulled(&done));
    }
    Ok(Exit::Success)
}
