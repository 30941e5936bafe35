//! `git multi push`: push branches (and tags) to every remote of the set in parallel, one outcome per remote.

use clap::Args;

use crate::cmd::common::ParallelArgs;
use crate::cmd::Ctx;
use crate::config;
use crate::error::{Error, Exit, Result};
use crate::git::refname;
use crate::ops::push::{self, Force, Outgoing, PushRequest};
use crate::ops::{Backups, Relater, Snapshot};
use crate::outcome::Report;
use crate::progress::Board;
use crate::report;
use crate::runner::FanOut;

/// Push to every remote of the set at once
#[derive(Debug, Args)]
pub struct PushArgs {
    /// Remotes to push to (default: every enabled member; `all` means the same)
    #[arg(value_name = "REMOTE")]
    pub remotes: Vec<String>,
    /// Branch to push to the branch of the same name (repeatable; default: the current branch)
    #[arg(short, long = "branch", value_name = "BRANCH")]
    pub branches: Vec<String>,
    /// Push every local branch
    #[arg(long, conflicts_with = "branches")]
    pub all: bool,
    /// Push every tag as well
    #[arg(long)]
    pub tags: bool,
    /// Do everything except send the updates
    #[arg(short = 'n', long)]
    pub dry_run: bool,
    /// Overwrite the remote refs even when that loses commits (old tips are saved under refs/multi/backup/)
    #[arg(short, long, conflicts_with = "force_with_lease")]
    pub force: bool,
    /// Overwrite only where each remote still has what its tracking ref (refs/remotes/<remote>/…) says
    #[arg(long)]
    pub force_with_lease: bool,
    /// All refs of a remote are updated, or none (per remote)
    #[arg(long)]
    pub atomic: bool,
    #[command(flatten)]
    pub parallel: ParallelArgs,
    /// Print one JSON document instead of a table
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Ctx, args: &PushArgs) -> Result<Exit> {
    let set = ctx.remote_set()?;
    let members = set.select(&args.remotes)?;
    let budget = args
        .parallel
        .timeout(&set.settings, config::DEFAULT_TIMEOUT)?;
    let outgoing = refs_to_push(ctx, &args.branches, args.all, args.tags)?;
    let tracking = Snapshot::take(
        &ctx.git,
        &push::tracking_patterns(members.iter().map(|m| m.name.as_str()), &outgoing),
    )?;
    let backups = Backups::new();
    let relater = Relater::new(&ctx.git);
    let request = PushRequest {
        refs: &outgoing,
        force: if args.force {
            Force::Yes
        } else if args.force_with_lease {
            Force::Lease
        } else {
            Force::No
        },
        dry_run: args.dry_run,
        atomic: args.atomic,
        tracking: &tracking,
        backups: &backups,
        relater: &relater,
        reason: "git multi push: tip before a forced update",
    };
    let board = Board::for_terminal(members.iter().map(|m| m.name.clone()), args.json);
    let fanout = FanOut {
        pool: crate::runner::Pool::new(&set.settings, args.parallel.jobs, members.len()),
        budget,
        observer: &board,
    };
    let outcomes = fanout.run(&members, |job| {
        report::push::outcome(job, push::push(job, &ctx.git, &request), args.dry_run)
    });
    board.finish();
    let report = Report::new(outcomes);
    crate::audit::record(&ctx.git, "push", &report);
    Ok(report::finish(&report, args.json))
}

/// `--branch` names, every branch with `--all`, else the current branch (each must exist locally), plus every
/// tag with `--tags`; read with one `for-each-ref`.
fn refs_to_push(ctx: &Ctx, names: &[String], all: bool, tags: bool) -> Result<Vec<Outgoing>> {
    let branches: Option<Vec<String>> = if all {
        None
    } else if names.is_empty() {
        match ctx.git.current_branch()? {
            Some(branch) => Some(vec![refname::branch(&branch)]),
            None => {
                return Err(
                    Error::usage("HEAD is detached, so there is no current branch to push").hint(
                        "name the branch with `--branch <name>`, or push every branch with `--all`",
                    ),
                )
            }
        }
    } else {
        Some(names.iter().map(|n| refname::branch(n)).collect())
    };
    let mut patterns: Vec<String> = match &branches {
        Some(names) => names.clone(),
        None => vec![refname::HEADS.to_string()],
    };
    if tags {
        patterns.push(refname::TAGS.to_string());
    }
    let local = Snapshot::take(&ctx.git, &patterns)?;
    let mut outgoing = Vec::new();
    match &branches {
        Some(wanted) => {
            for name in wanted {
                match local.get(name) {
                    Some(oid) => outgoing.push(Outgoing::same(name, oid)),
                    None => {
                        return Err(Error::usage(format!(
                            "no local branch `{}`",
                            refname::short(name)
                        ))
                        .hint("`git branch` lists the branches you can push"))
                    }
                }
            }
        }
        None => {
            outgoing.extend(
                local
                    .under(refname::HEADS)
                    .map(|(n, o)| Outgoing::same(n, o)),
            );
            if outgoing.is_empty() {
                return Err(Error::usage("there are no local branches to push")
                    .hint("make a first commit, then push"));
            }
        }
    }
    if tags {
        outgoing.extend(
            local
                .under(refname::TAGS)
                .map(|(n, o)| Outgoing::same(n, o)),
        );
    }
    Ok(outgoing)
}
