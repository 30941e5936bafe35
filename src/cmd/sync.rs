//! `git multi sync`: fetch every remote, integrate into the current branch (the primary's copy under ff-only
//! and rebase, every remote's copy under merge), bring every configured namespace ref to agreement, push the
//! results to every remote without force. Remotes that have diverged under ff-only are reported, never
//! overwritten; `--dry-run` only prints the plan.

use clap::Args;

use crate::cmd::common::PushingArgs;
use crate::error::{Exit, Result};
use crate::model::integrate::Strategy;
use crate::ops::sync::{self, SyncRequest};
use crate::report;
use crate::session::{Session, Watch};

/// Fetch all, integrate into the current branch, converge ref namespaces, push to every remote
#[derive(Debug, Args)]
pub struct SyncArgs {
    /// How to bring other copies' commits into the current branch: ff-only (fast-forwards only), rebase (onto
    /// the primary's copy) or merge (every remote's copy, in the configured order)
    #[arg(long, value_enum, default_value = "ff-only")]
    pub strategy: Strategy,
    /// The remote to integrate from (default: multi.primary, else the branch's upstream remote; merge needs
    /// none)
    #[arg(long, value_name = "REMOTE")]
    pub primary: Option<String>,
    /// Print what would happen on each remote and change nothing (no fetch, no merge, no push)
    #[arg(short = 'n', long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub pushing: PushingArgs,
}

pub fn run(ctx: &Session, args: &SyncArgs) -> Result<Exit> {
    crate::report::set_verbose(args.pushing.verbose);
    let mut set = ctx.remote_set()?;
    set.narrow_to_group(args.pushing.fan_out.only.as_deref())?;
    let request = SyncRequest {
        strategy: args.strategy,
        primary: args.primary.as_deref(),
        parallel: args.pushing.fan_out.parallel.get(),
        watch: Watch::Live,
    };
    if args.dry_run {
        let plan = sync::plan(ctx, &set, &request)?;
        report::sync::show_plan(&plan, args.pushing.json);
        return Ok(plan.report.exit());
    }
    let mut synced =
        sync::sync(ctx, &set, &request)?.map_err(|halted| report::sync::halted(&halted, true))?;
    report::sync::explain(&mut synced);
    report::sync::show(&synced, args.pushing.json);
    let mut facts = synced.report.facts();
    facts.failed += synced.unsettled();
    Ok(crate::error::exit_code(facts))
}
