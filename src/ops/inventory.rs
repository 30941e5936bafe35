//! One member's host inventory: the organisations of the token's account, and an owner's repositories (every
//! page).

use crate::model::inventory::{Organisations, OwnerListing};
use crate::model::{Outcome, Status};
use crate::ops::host_job;
use crate::runner::Job;
use crate::session::Session;

/// How a host without these routes is skipped ("<Host> has …").
const NO_INVENTORY: &str = "no API to list organisations and repositories";

/// The organisations (GitLab groups, Bitbucket workspaces) of the token's account on the job's member's host.
pub fn organisations(ctx: &Session, job: &Job) -> Outcome<Organisations> {
    let mut detail = Organisations {
        provider: job.member.provider().0.to_string(),
        ..Organisations::default()
    };
    let host = match host_job::connect(ctx, job, detail.clone()) {
        Ok(host) => host,
        Err(outcome) => return outcome,
    };
    if let Err(err) = host.require_token() {
        return Outcome::from_api_error(job.name(), &err, job.elapsed(), detail);
    }
    let Some(inventory) = host.api.inventory() else {
        return host_job::lacking(job, NO_INVENTORY, detail);
    };
    job.say("listing organisations");
    match inventory.organisations() {
        Ok(mut names) => {
            names.sort_by_key(|n| n.to_lowercase());
            detail.organisations = names;
            Outcome::new(job.name(), Status::Ok, job.elapsed(), detail)
        }
        Err(err) => Outcome::from_api_error(job.name(), &err, job.elapsed(), detail),
    }
}

/// `owner`'s repositories (default: the member's own owner) on the job's member's host.
pub fn listing(ctx: &Session, job: &Job, owner: Option<&str>) -> Outcome<OwnerListing> {
    let mut detail = OwnerListing {
        provider: job.member.provider().0.to_string(),
        ..OwnerListing::default()
    };
    let host = match host_job::connect(ctx, job, detail.clone()) {
        Ok(host) => host,
        Err(outcome) => return outcome,
    };
    let Some(owner) = owner.map(str::to_string).or_else(|| host.owner.clone()) else {
        return Outcome::failed(
            job.name(),
            "cannot tell whose repositories to list",
            job.elapsed(),
            detail,
        )
        .with_hint(format!(
            "name the owner: `git multi org repos <owner>`, or set `git config multi.{}.owner <owner>`",
            job.name()
        ));
    };
    detail.owner = Some(owner.clone());
    let Some(inventory) = host.api.inventory() else {
        return host_job::lacking(job, NO_INVENTORY, detail);
    };
    job.say(&format!("listing {owner}"));
    match inventory.owner_repositories(&owner) {
        Ok(repositories) => {
            detail.count = repositories.len();
            detail.repositories = repositories;
            Outcome::new(job.name(), Status::Ok, job.elapsed(), detail)
        }
        Err(err) => Outcome::from_api_error(job.name(), &err, job.elapsed(), detail),
    }
}
