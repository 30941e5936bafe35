//! `git multi pull`: fetch the primary remote and integrate its copy of the current branch (fast-forward only
//! unless asked otherwise).

use clap::Args;

use crate::cmd::common::{self, ParallelArgs, Strategy};
use crate::cmd::fetch::fetch_one;
use crate::cmd::Ctx;
use crate::config;
use crate::error::{Exit, Result};
use crate::progress::Board;
use crate::report;

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
    pub parallel: ParallelArgs,
}

pub fn run(ctx: &Ctx, args: &PullArgs) -> Result<Exit> {
    let set = ctx.remote_set()?;
    let branch = common::current_branch(ctx)?;
    let primary = common::primary(ctx, &set, args.primary.as_deref(), &branch)?;
    let timeout = args
        .parallel
        .timeout(&set.settings, config::DEFAULT_TIMEOUT)?;
    let strategy = if args.rebase {
        Strategy::Rebase
    } else if args.merge {
        Strategy::Merge
    } else {
        Strategy::FfOnly
    };
    let board = Board::for_terminal([primary.name.clone()], false);
    let fetched = fetch_one(ctx, primary, false, timeout, &board);
    board.finish();
    if fetched.status.is_failure() {
        return Err(common::primary_fetch_failed(&primary.name, &fetched));
    }
    let done = common::integrate(ctx, &primary.name, &branch, strategy)?;
    let line = if done.incoming == 0 {
        format!(
            "{branch}: already up to date with {}/{branch}\n",
            primary.name
        )
    } else {
        let how = match strategy {
            Strategy::FfOnly => "fast-forwarded",
            Strategy::Merge => "merged",
            Strategy::Rebase => "rebased",
        };
        let s = if done.incoming == 1 { "" } else { "s" };
        format!(
            "{branch}: {how} {} commit{s} from {}/{branch} ({}..{})\n",
            done.incoming,
            primary.name,
            &done.before[..7.min(done.before.len())],
            &done.after[..7.min(done.after.len())]
        )
    };
    report::out(&line);
    Ok(Exit::Success)
}
