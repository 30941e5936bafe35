//! What the host-inventory commands (`org`, `stats`, `ci status`) share: a member's API reached inside its job,
//! and host calls kept within the job's deadline, so a host that never answers is reported as `timeout` while
//! the other hosts finish.

use std::sync::mpsc;
use std::time::Instant;

use crate::cmd::hosted::Unavailable;
use crate::model::{Outcome, Status};
use crate::provider::{self, MemberApi};
use crate::runner::Job;
use crate::session::Session;

/// Connects `job`'s member to its host API; the outcome to report when it has none.
pub fn connect<D>(ctx: &Session, job: &Job, detail: D) -> Result<MemberApi, Outcome<D>> {
    match provider::for_member(&ctx.git, job.member) {
        Ok(api) => Ok(api),
        Err(why) => Err(Unavailable::Api(why).outcome(job.member, Instant::now(), detail)),
    }
}

/// Runs `work` (the host calls of one job) on its own thread and waits for it no longer than the job's time
/// left. `None`: the deadline passed first. The request left behind is abandoned (the agent's own timeout
/// ends it, or the process does), never waited for.
pub fn within<T: Send + 'static>(
    job: &Job,
    work: impl FnOnce() -> T + Send + 'static,
) -> Option<T> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(work());
    });
    rx.recv_timeout(job.deadline.left()).ok()
}

/// The outcome of a job whose host did not answer within its budget.
pub fn timed_out<D>(job: &Job, detail: D) -> Outcome<D> {
    let mut outcome = Outcome::new(job.name(), Status::Timeout, job.elapsed(), detail);
    outcome.error = Some(format!(
        "no answer within {}; stopped",
        crate::clock::span(job.deadline.budget())
    ));
    outcome
}
