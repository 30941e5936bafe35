//! `git multi sync`: fetch every remote, integrate the primary into the current branch, push the result to
//! every remote. Remotes that have diverged are reported, never overwritten; `--dry-run` only prints the plan.

use clap::Args;

use crate::cmd::common::{self, ParallelArgs};
use crate::cmd::Ctx;
use crate::config;
use crate::error::{Exit, Result};
use crate::git::refname;
use crate::ops::fetch::{self, FetchRequest};
use crate::ops::integrate::{self, Strategy};
use crate::ops::push::{self, Force, Outgoing, PushRequest};
use crate::ops::{Backups, Relater, Snapshot};
use crate::outcome::{Outcome, Report, Status};
use crate::progress::Board;
use crate::remote_set::Member;
use crate::report;
use crate::report::push::PushDetail;
use crate::report::sync::{PlanDetail, SyncDocument};
use crate::runner::{FanOut, Pool, Quiet};

/// Fetch all, integrate the primary into the current branch, push to every remote
#[derive(Debug, Args)]
pub struct SyncArgs {
    /// How to bring the primary's commits into the current branch
    #[arg(long, value_enum, default_value = "ff-only")]
    pub strategy: Strategy,
    /// The remote to integrate from (default: multi.primary, else the branch's upstream remote)
    #[arg(long, value_name = "REMOTE")]
    pub primary: Option<String>,
    /// Print what would happen on each remote and change nothing (no fetch, no merge, no push)
    #[arg(short = 'n', long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub parallel: ParallelArgs,
    /// Print one JSON document instead of a table
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Ctx, args: &SyncArgs) -> Result<Exit> {
    let set = ctx.remote_set()?;
    let members = set.select(&[])?;
    let branch = common::current_branch(ctx)?;
    let primary = common::primary(ctx, &set, args.primary.as_deref(), &branch)?;
    let budget = args
        .parallel
        .timeout(&set.settings, config::DEFAULT_TIMEOUT)?;
    let pool = Pool::new(&set.settings, args.parallel.jobs, members.len());
    let full = refname::branch(&branch);
    if args.dry_run {
        let local = ctx.git.rev_parse(&full)?;
        let relater = Relater::new(&ctx.git);
        let fanout = FanOut {
            pool,
            budget,
            observer: &Quiet,
        };
        let outcomes = fanout.run(&members, |job| {
            match job
                .git(|left, _| {
                    ctx.git
                        .ls_remote_refs(job.name(), &[refname::HEADS], Some(left))
                })
                .result
            {
                Ok(refs) => {
                    let relation = relater
                        .relate(local.as_deref(), refs.get(&full).map(String::as_str))
                        .unwrap_or(crate::ops::Relation::of(crate::ops::State::Unknown));
                    let is_primary = job.name() == primary.name;
                    Outcome::new(
                        job.name(),
                        Status::DryRun,
                        job.elapsed(),
                        PlanDetail::new(relation, is_primary, args.strategy, &branch),
                    )
                }
                Err(err) => job.failure(&err, PlanDetail::unreachable()),
            }
        });
        let report = Report::new(outcomes);
        report::sync::show(
            &SyncDocument {
                ok: report.ok,
                branch: &branch,
                primary: &primary.name,
                integrated: None,
                remotes: &report.remotes,
            },
            args.json,
        );
        return Ok(report.exit());
    }

    // 1. Fetch everything, so every remote's tracking ref is current for the push below.
    let board = Board::for_terminal(members.iter().map(|m| m.name.clone()), args.json);
    let fanout = FanOut {
        pool,
        budget,
        observer: &board,
    };
    let fetched = fanout.run(&members, |job| {
        match fetch::fetch(job, &ctx.git, &FetchRequest::default()) {
            Ok(_) => Outcome::new(job.name(), Status::Ok, job.elapsed(), ()),
            Err(err) => job.failure(&err, ()),
        }
    });
    board.finish();
    let primary_fetch = members
        .iter()
        .zip(&fetched)
        .find(|(m, _)| m.name == primary.name)
        .map(|(_, o)| o);
    if let Some(failed) = primary_fetch.filter(|o| o.status.is_failure()) {
        return Err(common::primary_fetch_failed(&primary.name, failed)
            .hint("nothing was integrated or pushed"));
    }
    // 2. Integrate the primary (stops everything on conflict: nothing is pushed).
    let upstream = refname::tracking(&primary.name, &full).expect("a branch has a tracking ref");
    let integrated = integrate::integrate(&ctx.git, &branch, &upstream, args.strategy)?
        .map_err(|stopped| report::integrate::stopped(&stopped))?;
    // 3. Push the branch to every remote that could be fetched; never forced.
    let outgoing = [Outgoing::same(&full, &integrated.after)];
    let tracking = Snapshot::take(
        &ctx.git,
        &push::tracking_patterns(members.iter().map(|m| m.name.as_str()), &outgoing),
    )?;
    let backups = Backups::new();
    let relater = Relater::new(&ctx.git);
    let request = PushRequest {
        refs: &outgoing,
        force: Force::No,
        dry_run: false,
        atomic: false,
        tracking: &tracking,
        backups: &backups,
        relater: &relater,
        reason: "git multi sync",
    };
    let after_fetch: Vec<(&Member, Outcome<()>)> = members.iter().copied().zip(fetched).collect();
    let outcomes = fanout.run_with(&after_fetch, |job, fetch| {
        if fetch.status.is_failure() {
            // A remote that could not be fetched is not pushed to either: its state is unknown.
            report::sync::not_pushed(fetch)
        } else {
            report::push::outcome(job, push::push(job, &ctx.git, &request), false)
        }
    });
    board.finish();
    let report: Report<PushDetail> = Report::new(outcomes);
    crate::audit::record(&ctx.git, "sync", &report);
    report::sync::show(
        &SyncDocument {
            ok: report.ok,
            branch: &branch,
            primary: &primary.name,
            integrated: Some(&integrated),
            remotes: &report.remotes,
        },
        args.json,
    );
    Ok(report.exit())
}
