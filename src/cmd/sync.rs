//! `git multi sync`: fetch every remote, integrate into the current branch (the primary's copy under ff-only
//! and rebase, every remote's copy under merge), bring every configured namespace ref to agreement, push the
//! results to every remote without force. Remotes that have diverged under ff-only are reported, never
//! overwritten; `--dry-run` only prints the plan.

use clap::Args;

use crate::cmd::common::{self, ParallelArgs};
use crate::cmd::Ctx;
use crate::config;
use crate::error::{Exit, Result};
use crate::git::refname;
use crate::ops::converge::{self, Converged};
use crate::ops::fetch;
use crate::ops::integrate::{self, Integrated, Stop, Strategy};
use crate::ops::push::{self, Force, Outgoing, PushRequest};
use crate::ops::{Backups, Relater, Snapshot};
use crate::outcome::{Outcome, Report, Status};
use crate::progress::Board;
use crate::remote_set::Member;
use crate::report;
use crate::report::push::PushDetail;
use crate::report::sync::{PlanDetail, SyncDocument};
use crate::runner::{FanOut, Pool, Quiet};

/// Fetch all, integrate into the current branch, converge ref namespaces, push to every remote
#[derive(Debug, Args)]
pub struct SyncArgs {
    /// How to bring other copies' commits into the current branch: ff-only (fast-forwards only), rebase (onto
    /// the primary's copy) or merge (every remote's copy, in the configured order)
    #[arg(long, value_enum, default_value = "ff-only")]
    pub strategy: Strategy,
    /// The remote to integrate from (default: multi.primary, else the branch's upstream remote; merge needs
    /// none)
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

const REASON: &str = "git multi sync";

pub fn run(ctx: &Ctx, args: &SyncArgs) -> Result<Exit> {
    let set = ctx.remote_set()?;
    let members = set.select(&[])?;
    let branch = common::current_branch(ctx)?;
    // Merge integrates every remote's copy, so it needs no primary; ff-only and rebase integrate the primary's.
    let primary = match args.strategy {
        Strategy::Merge => common::primary_if_any(ctx, &set, args.primary.as_deref(), &branch)?,
        _ => Some(common::primary(
            ctx,
            &set,
            args.primary.as_deref(),
            &branch,
        )?),
    };
    let primary_name = primary.map(|p| p.name.as_str());
    let budget = args
        .parallel
        .timeout(&set.settings, config::DEFAULT_TIMEOUT)?;
    let pool = Pool::new(&set.settings, args.parallel.jobs, members.len());
    let full = refname::branch(&branch);
    if args.dry_run {
        return plan(ctx, args, &members, &branch, primary_name, pool, budget);
    }

    // 1. Fetch everything (namespaces included), so every remote's tracking refs are current for the push.
    let namespaces = &set.settings.namespaces;
    let board = Board::for_terminal(members.iter().map(|m| m.name.clone()), args.json);
    let fanout = FanOut {
        pool,
        budget,
        observer: &board,
    };
    let fetched = fanout.run(&members, |job| {
        let request = fetch::with_namespaces(job.name(), namespaces, false);
        match fetch::fetch(job, &ctx.git, &request) {
            Ok(_) => Outcome::new(job.name(), Status::Ok, job.elapsed(), ()),
            Err(err) => job.failure(&err, ()),
        }
    });
    board.finish();
    let reachable: Vec<&Member> = members
        .iter()
        .zip(&fetched)
        .filter(|(_, o)| !o.status.is_failure())
        .map(|(m, _)| *m)
        .collect();
    if let Some(primary) = primary.filter(|_| args.strategy != Strategy::Merge) {
        let failed = members
            .iter()
            .zip(&fetched)
            .find(|(m, o)| m.name == primary.name && o.status.is_failure());
        if let Some((_, failed)) = failed {
            return Err(common::primary_fetch_failed(&primary.name, failed)
                .hint("nothing was integrated or pushed; `--primary <remote>` picks another primary, `--strategy merge` integrates every remote that answers"));
        }
    }

    // 2. Integrate (a stop on conflicts stops everything: nothing is pushed).
    let before = ctx.git.rev_parse("HEAD")?.unwrap_or_default();
    let steps = integrate_copies(ctx, &branch, &full, args.strategy, primary, &reachable)?;
    let after = ctx.git.rev_parse("HEAD")?.unwrap_or_default();
    // Only the copies that brought commits are named (the primary's is always a step, often an empty one).
    let brought: Vec<Integrated> = steps.iter().filter(|s| s.incoming > 0).cloned().collect();
    let named = if brought.is_empty() { &steps } else { &brought };
    let integrated = integrate::overall(&branch, args.strategy, &before, &after, named);
    let steps = brought;

    // 3. Every namespace ref: the agreed tip, locally first (old local tips saved where they would be lost).
    let backups = Backups::new();
    let reachable_names: Vec<&str> = reachable.iter().map(|m| m.name.as_str()).collect();
    let settled: Vec<Converged> = if namespaces.is_empty() {
        Vec::new()
    } else {
        let snapshot = Snapshot::take(
            &ctx.git,
            &converge::namespace_patterns(namespaces, &reachable_names),
        )?;
        let all = converge::namespace_tips(&snapshot, namespaces, &reachable_names);
        converge::settle(&ctx.git, &backups, all, namespaces, primary_name, REASON)?
    };

    // 4. Push the branch and the agreed namespace tips to every remote that could be fetched; never forced
    // (only `theirs` namespaces overwrite, with a lease, their old tips saved first).
    let mut everything = vec![Outgoing::same(&full, &after)];
    everything.extend(settled.iter().filter_map(|c| {
        c.agreement
            .target()
            .map(|t| Outgoing::same(&c.tips.name, t))
    }));
    let tracking = Snapshot::take(
        &ctx.git,
        &push::tracking_patterns(members.iter().map(|m| m.name.as_str()), &everything),
    )?;
    let relater = Relater::new(&ctx.git);
    let after_fetch: Vec<(&Member, Outcome<()>)> = members.iter().copied().zip(fetched).collect();
    let outcomes = fanout.run_with(&after_fetch, |job, fetch| {
        if fetch.status.is_failure() {
            // A remote that could not be fetched is not pushed to either: its state is unknown.
            return report::sync::not_pushed(fetch);
        }
        let (forward, overwrite) = match converge::outgoing_for(&ctx.git, job.name(), &settled) {
            Ok(lists) => lists,
            Err(err) => return job.failure(&err, PushDetail::default()),
        };
        let mut refs = vec![Outgoing::same(&full, &after)];
        refs.extend(forward);
        let forward = PushRequest {
            refs: &refs,
            force: Force::No,
            dry_run: false,
            atomic: false,
            tracking: &tracking,
            backups: &backups,
            relater: &relater,
            reason: REASON,
        };
        let mut pushed = push::push(job, &ctx.git, &forward);
        if !overwrite.is_empty() {
            let leased = PushRequest {
                refs: &overwrite,
                force: Force::Lease,
                ..forward
            };
            pushed = pushed.and_then(|first| {
                push::push(job, &ctx.git, &leased).map(|second| first.and(second))
            });
        }
        report::sync::pushed(report::push::outcome(job, pushed, false), args.strategy)
    });
    board.finish();
    let report: Report<PushDetail> = Report::new(outcomes);
    crate::audit::record(&ctx.git, "sync", &report);
    let unsettled = settled
        .iter()
        .filter(|c| c.agreement.target().is_none() && c.tips.distinct().len() > 1)
        .count();
    report::sync::show(
        &SyncDocument {
            ok: report.ok && unsettled == 0,
            branch: &branch,
            primary: primary_name,
            integrated: Some(&integrated),
            steps: &steps,
            namespaces: report::sync::namespaces(&settled, &report.remotes),
            remotes: &report.remotes,
        },
        args.json,
    );
    let mut facts = report.facts();
    facts.failed += unsettled;
    Ok(crate::error::exit_code(facts))
}

/// Brings other copies of the branch into it. Merge: every reachable remote's copy in configured order (a
/// remote without the branch is passed over). ff-only and rebase: the primary's copy with that strategy, then
/// any other copy that is a plain fast-forward from there. Returns the steps that did something (the
/// primary's always).
fn integrate_copies(
    ctx: &Ctx,
    branch: &str,
    full: &str,
    strategy: Strategy,
    primary: Option<&Member>,
    reachable: &[&Member],
) -> Result<Vec<Integrated>> {
    let upstream =
        |m: &Member| refname::tracking(&m.name, full).expect("a branch has a tracking ref");
    let mut steps = Vec::new();
    if strategy == Strategy::Merge {
        for member in reachable {
            match integrate::integrate(&ctx.git, branch, &upstream(member), strategy)? {
                Ok(done) if done.incoming > 0 => steps.push(done),
                Ok(_) => {}
                Err(stopped) if stopped.stop == Stop::NoUpstream => {}
                Err(stopped) => return Err(report::integrate::stopped(&stopped)),
            }
        }
        return Ok(steps);
    }
    let primary = primary.expect("ff-only and rebase have a primary");
    let done = integrate::integrate(&ctx.git, branch, &upstream(primary), strategy)?
        .map_err(|stopped| report::integrate::stopped(&stopped))?;
    // The other copies' tips in one read (integrating moves only the branch, never a tracking ref); HEAD is
    // what the last step left.
    let mut head = done.after.clone();
    steps.push(done);
    let others: Vec<&&Member> = reachable
        .iter()
        .filter(|m| m.name != primary.name)
        .collect();
    let copies = Snapshot::take(
        &ctx.git,
        &others.iter().map(|m| upstream(m)).collect::<Vec<_>>(),
    )?;
    for member in others {
        let Some(theirs) = copies.get(&upstream(member)) else {
            continue;
        };
        // Only a copy strictly ahead is taken here; a diverged one is reported by its push.
        if theirs != head && ctx.git.is_ancestor(&head, theirs)? {
            if let Ok(done) =
                integrate::integrate(&ctx.git, branch, &upstream(member), Strategy::FfOnly)?
            {
                head = done.after.clone();
                steps.push(done);
            }
        }
    }
    Ok(steps)
}

/// `--dry-run`: each remote's copy of the branch read with ls-remote, compared, and what sync would do there.
fn plan(
    ctx: &Ctx,
    args: &SyncArgs,
    members: &[&Member],
    branch: &str,
    primary: Option<&str>,
    pool: Pool,
    budget: std::time::Duration,
) -> Result<Exit> {
    let full = refname::branch(branch);
    let local = ctx.git.rev_parse(&full)?;
    let relater = Relater::new(&ctx.git);
    let fanout = FanOut {
        pool,
        budget,
        observer: &Quiet,
    };
    let outcomes = fanout.run(members, |job| {
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
                // Under merge every remote's copy is integrated, as the primary's is otherwise.
                let integrated = Some(job.name()) == primary || args.strategy == Strategy::Merge;
                Outcome::new(
                    job.name(),
                    Status::DryRun,
                    job.elapsed(),
                    PlanDetail::new(relation, integrated, args.strategy, branch),
                )
            }
            Err(err) => job.failure(&err, PlanDetail::unreachable()),
        }
    });
    let report = Report::new(outcomes);
    report::sync::show(
        &SyncDocument {
            ok: report.ok,
            branch,
            primary,
            integrated: None,
            steps: &[],
            namespaces: Vec::new(),
            remotes: &report.remotes,
        },
        args.json,
    );
    Ok(report.exit())
}
