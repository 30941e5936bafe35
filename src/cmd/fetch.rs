//! `git multi fetch`: fetch every remote of the set into its own tracking refs (configured ref namespaces into
//! `refs/multi/remotes/<remote>/…`), in parallel.

use clap::Args;

use crate::cmd::common::ParallelArgs;
use crate::cmd::Ctx;
use crate::config;
use crate::error::{Exit, Result};
use crate::ops::fetch;
use crate::ops::{Backups, Snapshot};
use crate::outcome::{Outcome, Report, Status};
use crate::progress::Board;
use crate::report;
use crate::report::fetch::FetchDetail;
use crate::runner::{FanOut, Pool};

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
    pub parallel: ParallelArgs,
    /// Print one JSON document instead of a table
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Ctx, args: &FetchArgs) -> Result<Exit> {
    let set = ctx.remote_set()?;
    let members = set.select(&args.remotes)?;
    let budget = args
        .parallel
        .timeout(&set.settings, config::DEFAULT_TIMEOUT)?;
    let patterns: Vec<String> = members
        .iter()
        .flat_map(|m| fetch::tracking_patterns(&m.name))
        .collect();
    // The tracking refs are read once before and once after the whole run, not per remote.
    let before = Snapshot::take(&ctx.git, &patterns)?;
    let board = Board::for_terminal(members.iter().map(|m| m.name.clone()), args.json);
    let fanout = FanOut {
        pool: Pool::new(&set.settings, args.parallel.jobs, members.len()),
        budget,
        observer: &board,
    };
    let fetched = fanout.run(&members, |job| {
        // Configured namespaces come along into refs/multi/remotes/<remote>/…, per remote.
        let request = fetch::with_namespaces(job.name(), &set.settings.namespaces, args.prune);
        match fetch::fetch(job, &ctx.git, &request) {
            Ok(retries) => Outcome::new(
                job.name(),
                Status::Ok,
                job.elapsed(),
                FetchDetail {
                    retries,
                    ..FetchDetail::default()
                },
            ),
            Err(err) => job.failure(&err, FetchDetail::default()),
        }
    });
    board.finish();
    let after = Snapshot::take(&ctx.git, &patterns)?;
    let backups = Backups::new();
    let outcomes = fetched
        .into_iter()
        .map(|outcome| report::fetch::settle(&ctx.git, outcome, &before, &after, &backups))
        .collect();
    let report = Report::new(outcomes);
    // Only pruning changes anything worth logging (the tips it removed, and where they were saved).
    crate::audit::record(&ctx.git, "fetch", &report);
    Ok(report::finish(&report, args.json))
}
