//! `git multi sync`: fetch every remote, integrate into the current branch (the primary's copy under ff-only
//! and rebase, every remote's copy under merge), bring every configured namespace ref to agreement, push the
//! results to every remote without force. Remotes that have diverged under ff-only are reported, never
//! overwritten; `--dry-run` only prints the plan.

use crate::model::converge::Converged;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;

use clap::Args;

use crate::cmd::common::{self, ParallelArgs};
use crate::config;
use crate::error::{Exit, Result};
use crate::git::{refname, RefStatus};
use crate::model::PushDetail;
use crate::model::{Outcome, Report, Status};
use crate::ops::converge;
use crate::ops::fetch;
use crate::ops::fresh::{self, Fresh};
use crate::ops::integrate::{self, Integrated, Stop, Stopped, Strategy};
use crate::ops::push::{self, Force, Outgoing, PushRequest};
use crate::ops::{Backups, Relater, Snapshot};
use crate::remote_set::Member;
use crate::report;
use crate::report::sync::{PlanDetail, SyncDocument};
use crate::runner::{FanOut, Job};
use crate::session::{Session, Watch};

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
    /// Work only on the members of this remote group (git's remotes.<group>; see `git multi group list`)
    #[arg(long, value_name = "GROUP")]
    pub only: Option<String>,
    #[command(flatten)]
    pub parallel: ParallelArgs,
    /// List every ref pushed to a remote (beyond 10 they are counted: "1,000 refs updated")
    #[arg(short, long)]
    pub verbose: bool,
    /// Print one JSON document instead of a table
    #[arg(long)]
    pub json: bool,
}

const REASON: &str = "git multi sync";

/// How many times a remote that lost a race (another clone pushed between our fetch and our push) is fetched,
/// integrated and pushed again before its refusal is reported. Each round needs another push to have slipped
/// in between, so a handful covers any real contention.
const ROUNDS: usize = 4;

pub fn run(ctx: &Session, args: &SyncArgs) -> Result<Exit> {
    crate::report::set_verbose(args.verbose);
    let set = ctx.remote_set()?;
    let members = set.select_only(&[], args.only.as_deref())?;
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
    let full = refname::branch(&branch);
    if args.dry_run {
        let fanout = ctx.fan_out(
            &set,
            args.parallel.get(),
            &members,
            config::DEFAULT_TIMEOUT,
            Watch::Nobody,
        );
        return plan(ctx, args, &members, &branch, primary_name, &fanout);
    }

    // 1. Fetch everything (namespaces included), so every remote's tracking refs are current for the push; a
    // remote whose listing matches its tracking refs is not fetched at all.
    let namespaces = &set.settings.namespaces;
    let fanout = ctx.fan_out(
        &set,
        args.parallel.get(),
        &members,
        config::DEFAULT_TIMEOUT,
        Watch::Live,
    );
    let fresh = Fresh::new(&ctx.git, &members, namespaces)?;
    let fetched = std::thread::scope(|scope| {
        // The tracking refs are read while the remotes are listed: with thousands of loose refs that read
        // costs about as much as a round trip.
        scope.spawn(|| fresh.read_local(&ctx.git));
        fanout.run(&members, |job| {
            let request = fetch::with_namespaces(job.name(), namespaces, false);
            match fresh.fetch(job, &ctx.git, &request) {
                Ok(_) => Outcome::new(job.name(), Status::Ok, job.elapsed(), ()),
                Err(err) => job.failure(&err, ()),
            }
        })
    });
    fanout.finish();
    // Every member's tracking refs as they are now, read once for everything below.
    let mut tracked = fresh.tracking(&ctx.git)?;
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
    let mut steps = integrate_copies(
        ctx,
        &branch,
        &full,
        args.strategy,
        primary,
        &reachable,
        &tracked,
    )?
    .map_err(|stopped| report::integrate::stopped(&stopped))?;

    // 3. Every namespace ref: the agreed tip, locally first (old local tips saved where they would be lost).
    let backups = Backups::new();
    let mut settled = settle(ctx, &backups, namespaces, &reachable, primary_name)?;

    // 4. Push the branch and the agreed namespace tips to every remote that could be fetched; never forced
    // (only `theirs` namespaces overwrite, with a lease, their old tips saved first). A remote that refuses
    // because another clone pushed in the meantime is fetched again, integrated again and pushed again, up to
    // ROUNDS times, before anything is reported.
    let relater = Relater::new(&ctx.git);
    let mut outcomes: Vec<Option<Outcome<PushDetail>>> = fetched
        .iter()
        .map(|fetch| {
            fetch
                .status
                .is_failure()
                .then(|| report::sync::not_pushed(fetch))
        })
        .collect();
    // What each remote holds as far as this run knows: its tracking refs, then what its pushes put there.
    let pushed_here: Mutex<BTreeMap<(String, String), String>> = Mutex::new(BTreeMap::new());
    let mut round_members: Vec<&Member> = reachable.clone();
    for round in 1..=ROUNDS {
        if round_members.is_empty() {
            break;
        }
        let after = ctx.git.rev_parse("HEAD")?.unwrap_or_default();
        let mut everything = vec![Outgoing::same(&full, &after)];
        everything.extend(settled.iter().filter_map(|c| {
            c.agreement
                .target()
                .map(|t| Outgoing::same(&c.tips.name, t))
        }));
        // The first round pushes from the tracking refs read after the fetches; a later one reads again what
        // the pushes and fetches in between changed.
        let retaken;
        let tracking = if round == 1 {
            &tracked
        } else {
            retaken = Snapshot::take(
                &ctx.git,
                &push::tracking_patterns(members.iter().map(|m| m.name.as_str()), &everything),
            )?;
            &retaken
        };
        let lost: Mutex<BTreeSet<String>> = Mutex::new(BTreeSet::new());
        let push_one = |job: &Job| {
            let (forward, overwrite) = match converge::outgoing_for(&ctx.git, job.name(), &settled)
            {
                Ok(lists) => lists,
                Err(err) => return job.failure(&err, PushDetail::default()),
            };
            let mut refs = vec![Outgoing::same(&full, &after)];
            refs.extend(forward);
            let all: Vec<Outgoing> = refs.iter().chain(&overwrite).cloned().collect();
            let known = |name: &str| -> Option<String> {
                let pushed = pushed_here.lock().unwrap_or_else(|e| e.into_inner());
                if let Some(oid) = pushed.get(&(job.name().to_string(), name.to_string())) {
                    return Some(oid.clone());
                }
                // A branch's tracking ref says what the remote has only where the fetch put it there.
                if name.starts_with(refname::HEADS) && !Fresh::standard(job.member) {
                    return None;
                }
                tracking
                    .get(&refname::tracking(job.name(), name)?)
                    .map(str::to_string)
            };
            let tips: BTreeMap<String, String> = all
                .iter()
                .filter_map(|r| Some((r.name.clone(), known(&r.name)?)))
                .collect();
            let pushed = match fresh::already_there(&all, |n| tips.get(n).map(String::as_str)) {
                Some(there) => Ok(there),
                None => {
                    let forward = PushRequest {
                        refs: &refs,
                        force: Force::No,
                        dry_run: false,
                        atomic: false,
                        tracking,
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
                    pushed
                }
            };
            if let Ok(pushed) = &pushed {
                if round < ROUNDS && pushed.lost_race() {
                    lost.lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .insert(job.name().to_string());
                }
                let mut held = pushed_here.lock().unwrap_or_else(|e| e.into_inner());
                for r in &pushed.refs {
                    if let (Some(new), RefStatus::Updated | RefStatus::New | RefStatus::UpToDate) =
                        (&r.new, r.status)
                    {
                        held.insert((job.name().to_string(), r.name.clone()), new.clone());
                    }
                }
            }
            report::sync::pushed(
                crate::ops::pushed::outcome(job, pushed, false),
                args.strategy,
            )
        };
        // The first round pushes everywhere at once. A later one goes to one remote first (the primary, else the
        // first in configured order) and to the others only once that push held: clones racing each other then
        // meet at that one remote, and the loser integrates the winner's work before it pushes anywhere else,
        // instead of the two taking one remote each and merging each other's merges round after round.
        let anchor = primary_name
            .and_then(|p| round_members.iter().position(|m| m.name == p))
            .unwrap_or(0);
        let (pushed_to, results): (Vec<&Member>, Vec<Outcome<PushDetail>>) = if round == 1 {
            (round_members.clone(), fanout.run(&round_members, push_one))
        } else {
            let first = round_members[anchor];
            let mut results = fanout.run(&[first], push_one);
            let mut pushed_to = vec![first];
            let held = !lost
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .contains(&first.name);
            if held {
                let others: Vec<&Member> = round_members
                    .iter()
                    .copied()
                    .filter(|m| m.name != first.name)
                    .collect();
                results.extend(fanout.run(&others, push_one));
                pushed_to.extend(others);
            }
            (pushed_to, results)
        };
        fanout.finish();
        for (member, outcome) in pushed_to.iter().zip(results) {
            let slot = members
                .iter()
                .position(|m| m.name == member.name)
                .expect("a pushed remote is a member");
            outcomes[slot] = Some(match outcomes[slot].take() {
                Some(earlier) => crate::model::push::across_rounds(earlier, outcome),
                None => outcome,
            });
        }
        let lost = lost.into_inner().unwrap_or_else(|e| e.into_inner());
        if lost.is_empty() {
            break;
        }
        // Fetch the remotes that lost again; only one that really moved since is worth another round (a
        // refusal with nothing new there would only be refused again).
        let losers: Vec<&Member> = members
            .iter()
            .copied()
            .filter(|m| lost.contains(&m.name))
            .collect();
        let patterns: Vec<String> = losers
            .iter()
            .flat_map(|m| fetch::tracking_patterns(&m.name))
            .collect();
        let seen = Snapshot::take(&ctx.git, &patterns)?;
        let refetched = fanout.run(&losers, |job| {
            let request = fetch::with_namespaces(job.name(), namespaces, false);
            match fetch::fetch(job, &ctx.git, &request) {
                Ok(_) => Outcome::new(job.name(), Status::Ok, job.elapsed(), ()),
                Err(err) => job.failure(&err, ()),
            }
        });
        fanout.finish();
        let now = Snapshot::take(&ctx.git, &patterns)?;
        tracked.replace(&patterns, &now);
        let moved = losers.iter().zip(&refetched).any(|(m, fetch)| {
            !fetch.status.is_failure()
                && fetch::tracking_patterns(&m.name)
                    .iter()
                    .any(|p| !seen.under(p).eq(now.under(p)))
        });
        if !moved {
            break;
        }
        {
            // Whatever they hold now is what the fetch said, not what we pushed there before.
            let mut held = pushed_here.lock().unwrap_or_else(|e| e.into_inner());
            held.retain(|(remote, _), _| !lost.contains(remote));
        }
        // Integrate and settle again with what the remotes that answered hold now; a copy that can no longer be
        // integrated (ff-only and diverged) leaves the refusals as they are.
        let still: Vec<&Member> = reachable
            .iter()
            .copied()
            .filter(|m| {
                losers
                    .iter()
                    .zip(&refetched)
                    .all(|(l, fetch)| l.name != m.name || !fetch.status.is_failure())
            })
            .collect();
        match integrate_copies(
            ctx,
            &branch,
            &full,
            args.strategy,
            primary,
            &still,
            &tracked,
        )? {
            Ok(more) => steps.extend(more),
            Err(stopped) if matches!(stopped.stop, Stop::Diverged { .. }) => break,
            Err(stopped) => {
                let report = Report::new(outcomes.into_iter().flatten().collect());
                crate::audit::record(&ctx.git, "sync", &report);
                return Err(report::integrate::stopped(&stopped));
            }
        }
        settled = settle(ctx, &backups, namespaces, &still, primary_name)?;
        round_members = still;
    }

    let after = ctx.git.rev_parse("HEAD")?.unwrap_or_default();
    // Only the copies that brought commits are named (the primary's is always a step, often an empty one).
    let brought: Vec<Integrated> = steps.iter().filter(|s| s.incoming > 0).cloned().collect();
    let named = if brought.is_empty() {
        &steps[..steps.len().min(1)]
    } else {
        &brought[..]
    };
    let integrated = integrate::overall(&branch, args.strategy, &before, &after, named);
    let steps = brought;
    let report: Report<PushDetail> = Report::new(outcomes.into_iter().flatten().collect());
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

/// Every namespace ref brought to its agreed tip locally, from the copies of `reachable` remotes as last fetched.
fn settle(
    ctx: &Session,
    backups: &Backups,
    namespaces: &[crate::config::Namespace],
    reachable: &[&Member],
    primary: Option<&str>,
) -> Result<Vec<Converged>> {
    if namespaces.is_empty() {
        return Ok(Vec::new());
    }
    let names: Vec<&str> = reachable.iter().map(|m| m.name.as_str()).collect();
    let snapshot = Snapshot::take(&ctx.git, &converge::namespace_patterns(namespaces, &names))?;
    let all = converge::namespace_tips(&snapshot, namespaces, &names);
    Ok(converge::settle(
        &ctx.git, backups, all, namespaces, primary, REASON,
    )?)
}

/// Brings other copies of the branch into it. Merge: every reachable remote's copy in configured order (a
/// remote without the branch is passed over). ff-only and rebase: the primary's copy with that strategy, then
/// any other copy that is a plain fast-forward from there. Returns the steps that did something (the
/// primary's always).
fn integrate_copies(
    ctx: &Session,
    branch: &str,
    full: &str,
    strategy: Strategy,
    primary: Option<&Member>,
    reachable: &[&Member],
    copies: &Snapshot,
) -> Result<std::result::Result<Vec<Integrated>, Stopped>> {
    let upstream =
        |m: &Member| refname::tracking(&m.name, full).expect("a branch has a tracking ref");
    let mut steps = Vec::new();
    if strategy == Strategy::Merge {
        for member in reachable {
            match integrate::integrate(&ctx.git, branch, &upstream(member), strategy)? {
                Ok(done) if done.incoming > 0 => steps.push(done),
                Ok(_) => {}
                Err(stopped) if stopped.stop == Stop::NoUpstream => {}
                Err(stopped) => return Ok(Err(stopped)),
            }
        }
        return Ok(Ok(steps));
    }
    let primary = primary.expect("ff-only and rebase have a primary");
    let done = match integrate::integrate(&ctx.git, branch, &upstream(primary), strategy)? {
        Ok(done) => done,
        Err(stopped) => return Ok(Err(stopped)),
    };
    // The other copies' tips from the caller's read of the tracking refs (integrating moves only the branch,
    // never a tracking ref); HEAD is what the last step left.
    let mut head = done.after.clone();
    steps.push(done);
    let others: Vec<&&Member> = reachable
        .iter()
        .filter(|m| m.name != primary.name)
        .collect();
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
    Ok(Ok(steps))
}

/// `--dry-run`: each remote's copy of the branch read with ls-remote, compared, and what sync would do there.
fn plan(
    ctx: &Session,
    args: &SyncArgs,
    members: &[&Member],
    branch: &str,
    primary: Option<&str>,
    fanout: &FanOut,
) -> Result<Exit> {
    let full = refname::branch(branch);
    let local = ctx.git.rev_parse(&full)?;
    let relater = Relater::new(&ctx.git);
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
                    .unwrap_or(crate::model::Relation::of(crate::model::State::Unknown));
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
