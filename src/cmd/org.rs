//! `git multi org list` and `git multi org repos [<owner>] [--missing]`: the organisations of the token's
//! account on every host, and an owner's repositories on every host side by side (every page, hosts in
//! parallel), with what is missing where.

use clap::{Args, Subcommand};

use crate::cmd::common::{self, HostSelection};
use crate::cmd::hosted;
use crate::error::{Exit, Result};
use crate::model::inventory;
use crate::model::{Report, Status};
use crate::ops;
use crate::report;
use crate::session::Session;

/// `--on`'s help in this command.
const ON_HELP: &str = "Only these remotes' hosts (repeatable)";

/// Organisations and repository inventories on every host
#[derive(Debug, Subcommand)]
#[command(
    disable_help_subcommand = true,
    mut_subcommands(common::on_help_in(ON_HELP))
)]
pub enum OrgCommand {
    /// List the organisations (GitLab groups, Bitbucket workspaces) of the token's account on each host
    List(HostSelection),
    Repos(ReposArgs),
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
    #[command(flatten)]
    pub hosts: HostSelection,
}

pub fn run(ctx: &Session, command: &OrgCommand) -> Result<Exit> {
    match command {
        OrgCommand::List(args) => list(ctx, args),
        OrgCommand::Repos(args) => repos(ctx, args),
    }
}

fn list(ctx: &Session, hosts: &HostSelection) -> Result<Exit> {
    let outcomes = hosted::each(ctx, &hosts.on, &hosts.parallel, |job| {
        ops::inventory::organisations(ctx, job)
    })?;
    Ok(report::finish(&Report::new(outcomes), hosts.json))
}

fn repos(ctx: &Session, args: &ReposArgs) -> Result<Exit> {
    let outcomes = hosted::each(ctx, &args.hosts.on, &args.hosts.parallel, |job| {
        ops::inventory::listing(ctx, job, args.owner.as_deref())
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
    report::inventory::repos(&report, &rows, args.missing, args.hosts.json);
    Ok(report.exit())
}
