//! `git multi fetch`: fetch every remote of the set into its own tracking refs (configured ref namespaces into
//! `refs/multi/remotes/<remote>/…`), in parallel.

use clap::Args;

use crate::cmd::common::{self, FanOutArgs};
use crate::config;
use crate::error::{Exit, Result};
use crate::model::Report;
use crate::ops::run::FetchRun;
use crate::report;
use crate::session::Session;

/// Fetch from every remote of the set at once
#[derive(Debug, Args)]
pub struct FetchArgs {
    /// Remotes to fetch (default: every enabled member; `all` means the same)
    #[arg(value_name = "REMOTE")]
    pub remotes: Vec<String>,
    /// Remove tracking refs whose branch is gone on the remote (their tips are kept under refs/multi/backup/)
    #[arg(short, long)]
    pub prune: bool,
    #[command(flatten)]
    pub fan_out: FanOutArgs,
    /// Print one JSON document instead of a table
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Session, args: &FetchArgs) -> Result<Exit> {
    let set = ctx.remote_set()?;
    let members = set.select_only(&args.remotes, args.fan_out.only.as_deref())?;
    // Configured namespaces come along into refs/multi/remotes/<remote>/…, per remote.
    let run = FetchRun::prepare(&ctx.git, &members, &set.settings.namespaces, args.prune)?;
    let fetched = common::each(
        ctx,
        &set,
        &members,
        &args.fan_out.parallel,
        config::DEFAULT_TIMEOUT,
        |job| run.fetch(job),
    );
    let report = Report::new(run.finish(fetched)?);
    // Only pruning changes anything worth logging (the tips it removed, and where they were saved).
    crate::audit::record(&ctx.git, "fetch", &report);
    Ok(report::finish(&report, args.json))
}
