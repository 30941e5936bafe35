//! One commit's CI state on one member's host; with `wait`, asked again with backoff until it is final or the
//! job's time is up.

use std::time::{Duration, Instant};

use crate::model::ci::{CiDetail, CiState};
use crate::model::{Outcome, Status};
use crate::ops::host_job;
use crate::ops::hosted::Unavailable;
use crate::provider::ApiError;
use crate::runner::Job;
use crate::session::Session;

/// How long `--wait` waits for a host that has no CI for the commit yet: a run just pushed may take a moment
/// to be registered, but a host without CI should not hold the wait until its timeout.
const NONE_GRACE: Duration = Duration::from_secs(60);
/// The first pause between two questions to a host; it doubles up to [`MAX_PAUSE`].
const FIRST_PAUSE: Duration = Duration::from_secs(1);
const MAX_PAUSE: Duration = Duration::from_secs(30);
/// The CI state of `sha` on the job's member's host.
pub fn one(ctx: &Session, job: &Job, sha: &str, wait: bool) -> Outcome<CiDetail> {
    let mut detail = CiDetail {
        provider: job.member.provider().0.to_string(),
        ..CiDetail::default()
    };
    let host = match host_job::connect(ctx, job, detail.clone()) {
        Ok(host) => host,
        Err(outcome) => return outcome,
    };
    let Some(api) = host.api.ci_status() else {
        return host_job::lacking(job, "no commit status API", detail);
    };
    let (Some(owner), Some(repo)) = (host.owner.as_deref(), host.repo.as_deref()) else {
        return Unavailable::Repository.outcome(job.member, Instant::now(), detail);
    };
    let mut pause = FIRST_PAUSE;
    loop {
        detail.polls += 1;
        if detail.polls == 1 {
            job.say("asking");
        } else {
            job.say(&format!("asking again ({})", detail.polls));
        }
        let checks = match api.checks(owner, repo, sha) {
            Ok(checks) => checks,
            // `--wait` ran out of time while asking again: the last answer stands (still pending).
            Err(ApiError::Timeout { .. }) if detail.state.is_some() => break,
            Err(err) => return Outcome::from_api_error(job.name(), &err, job.elapsed(), detail),
        };
        let state = CiState::combine(checks.iter().map(|c| c.state));
        detail.state = Some(state);
        detail.checks = checks;
        let settled = state.is_final() && (state != CiState::None || job.elapsed() >= NONE_GRACE);
        if !wait || settled || crate::interrupt::requested() || job.deadline.expired() {
            break;
        }
        job.say(&format!(
            "{}; asking again in {}s",
            state.as_str(),
            pause.as_secs()
        ));
        std::thread::sleep(pause.min(job.deadline.left()));
        if job.deadline.expired() {
            break;
        }
        pause = (pause * 2).min(MAX_PAUSE);
    }
    Outcome::new(job.name(), Status::Ok, job.elapsed(), detail)
}
