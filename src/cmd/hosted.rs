//! What the host-API commands (`org`, `stats`, `release`, `repo`, `webhook`, `create`, `branch protect`) share:
//! one job per selected member against its host, under the API time budget, watched live.

use std::time::Duration;

use crate::cmd::common::ParallelArgs;
use crate::error::Result;
use crate::model::Outcome;
use crate::remote_set::{Member, RemoteSet};
use crate::runner::Job;
use crate::session::{Session, Watch};

pub use crate::ops::hosted::{locate, HostedRepo, Unavailable};

/// Runs `one` for every member `--on` selects (every enabled member without it), hosts in parallel, each
/// with `--timeout`, else `multi.timeout`, else the API default to spend.
pub fn each<D: Send + Default>(
    ctx: &Session,
    on: &[String],
    parallel: &ParallelArgs,
    one: impl Fn(&Job) -> Outcome<D> + Sync,
) -> Result<Vec<Outcome<D>>> {
    let set = ctx.remote_set()?;
    let members = set.select(on)?;
    let default = crate::config::DEFAULT_API_TIMEOUT;
    Ok(each_of(ctx, &set, &members, parallel, default, one))
}

/// [`each`] over members already selected from `set`, with `default` as the budget when none is set.
pub fn each_of<D: Send + Default>(
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
