//! What the host-inventory commands (`org`, `stats`, `ci status`) share: a member's API reached inside its job,
//! its requests spending from the job's deadline (so a host that never answers is a `timeout` while the other
//! hosts finish), and the outcome of a host that has no API for what is asked.

use std::time::Instant;

use crate::model::{Outcome, Status};
use crate::ops::hosted::Unavailable;
use crate::provider::{self, MemberApi};
use crate::runner::Job;
use crate::session::Session;

/// Connects `job`'s member to its host API; the outcome to report when it has none.
pub fn connect<D>(ctx: &Session, job: &Job, detail: D) -> Result<MemberApi, Outcome<D>> {
    match provider::for_member(&ctx.git, job.member, job.deadline) {
        Ok(api) => Ok(api),
        Err(why) => Err(Unavailable::Api(why).outcome(job.member, Instant::now(), detail)),
    }
}

/// `skipped`, saying what the member's host has no API for ("GitLab has no …" reads `what` = "no …").
pub fn lacking<D>(job: &Job, what: &str, detail: D) -> Outcome<D> {
    let mut outcome = Outcome::new(job.name(), Status::Skipped, job.elapsed(), detail);
    outcome.error = Some(format!("{} has {what}", job.member.provider().0.title()));
    outcome
}
