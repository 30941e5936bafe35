//! `git multi org list` and `git multi org repos [<owner>] [--missing]`: the organisations of the token's
//! account on every host, and an owner's repositories on every host side by side (every page, hosts in
//! parallel), with what is missing where.

use clap::{Args, Subcommand};

use crate::cmd::common::ParallelArgs;
use crate::cmd::host_job;
use crate::cmd::hosted;
use crate::error::{Exit, Result};
use crate::model::inventory::{self, Organisations, OwnerListing};
use crate::model::{Outcome, Report, Status};
use crate::report;
use crate::runner::Job;
use crate::session::Session;

/// Organisations and repository inventories on every host
#[derive(Debug, Subcommand)]
#[command(disable_help_subcommand = true)]
pub enum OrgCommand {
    List(ListArgs),
    Repos(ReposArgs),
}

/// List the organisations (GitLab groups, Bitbucket workspaces) of the token's account on each host
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only these remotes' hosts (repeatable)
    #[arg(long = "on", value_name = "REMOTE")]
    pub on: Vec<String>,
    /// Print one JSON document instead of a table
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub parallel: ParallelArgs,
}

/// Show an owner's repositories on every host: a repository × host matrix (visibility, default branch, last
/// push), every page of every host, hosts in parallel
#[derive(Debug, Args)]
pub struct ReposArgs {
    /// User, organisation, group or workspace (default: each remote's own owner)
    pub owner: Option<String>,
    /// Only list the repositories absent from some host, and where
    #[arg(long)]
    pub missing: bool,
    /// Only these remotes' hosts (repeatable)
    #[arg(long = "on", value_name = "REMOTE")]
    pub on: Vec<String>,
    /// Print one JSON document instead of a table
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub parallel: ParallelArgs,
}

/// How a host without these routes is skipped ("<Host> has …").
const NO_INVENTORY: &str = "no API to list organisations and repositories";

pub fn run(ctx: &Session, command: &OrgCommand) -> Result<Exit> {
    match command {
        OrgCommand::List(args) => list(ctx, args),
        OrgCommand::Repos(args) => repos(ctx, args),
    }
}

fn list(ctx: &Session, args: &ListArgs) -> Result<Exit> {
    let outcomes = hosted::each(ctx, &args.on, &args.parallel, |job| organisations(ctx, job))?;
    Ok(report::finish(&Report::new(outcomes), args.json))
}

fn organisations(ctx: &Session, job: &Job) -> Outcome<Organisations> {
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

fn repos(ctx: &Session, args: &ReposArgs) -> Result<Exit> {
    let outcomes = hosted::each(ctx, &args.on, &args.parallel, |job| {
        listing(ctx, job, args.owner.as_deref())
    })?;
    let listings: Vec<(String, Option<&[inventory::Listed]>)> = outcomes
        .iter()
        .filter(|o| o.status != Status::Skipped)
        .map(|o| {
            let answered = o.status == Status::Ok;
            (
                o.name.clone(),
                answered.then_some(o.detail.repositories.as_slice()),
            )
        })
        .collect();
    let mut rows = inventory::matrix(&listings);
    if args.missing {
        rows.retain(|r| !r.missing.is_empty());
    }
    let report = Report::new(outcomes);
    report::inventory::repos(&report, &rows, args.missing, args.json);
    Ok(report.exit())
}

fn listing(ctx: &Session, job: &Job, owner: Option<&str>) -> Outcome<OwnerListing> {
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
