//! What the host-API commands (`org`, `stats`, `release`, `repo`, `webhook`, `create`, `branch protect`) share:
//! one job per selected member against its host, under the API time budget, watched live.

use crate::cmd::common::{self, ParallelArgs};
use crate::error::Result;
use crate::model::Outcome;
use crate::runner::Job;
use crate::session::Session;

pub use crate::ops::hosted::{locate, HostedRepo};

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
    Ok(common::each(ctx, &set, &members, parallel, default, one))
}
