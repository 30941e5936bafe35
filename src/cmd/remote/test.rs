//! `git multi remote test [<name>...]`: can each remote be reached? One bounded `git ls-remote` per remote,
//! all in parallel (`ops::reachability`).

use clap::Args;

use crate::cmd::common::ParallelArgs;
use crate::config;
use crate::error::{Exit, Result};
use crate::model::Report;
use crate::ops::reachability;
use crate::report;
use crate::session::{Parallel, Session, Watch};

/// Check that every remote of the set can be reached
#[derive(Debug, Args)]
pub struct TestArgs {
    /// Remotes to test (default: every enabled member; `all` means the same)
    #[arg(value_name = "REMOTE")]
    pub remotes: Vec<String>,
    /// Print one JSON document instead of a table
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub parallel: ParallelArgs,
}

pub fn run(ctx: &Session, args: &TestArgs) -> Result<Exit> {
    let set = ctx.remote_set()?;
    let members = set.select(&args.remotes)?;
    let timeout = args
        .parallel
        .timeout(&set.settings, config::DEFAULT_PROBE_TIMEOUT)?;
    let fanout = ctx.fan_out(
        &set,
        Parallel {
            jobs: args.parallel.jobs,
            timeout: Some(timeout),
        },
        &members,
        config::DEFAULT_TIMEOUT,
        Watch::Nobody,
    );
    let outcomes = fanout.run(&members, |job| reachability::probe(ctx, job));
    Ok(report::finish(&Report::new(outcomes), args.json))
}
