//! `sync` as one operation over a session: fetch every member (a remote whose listing matches its tracking
//! refs is not fetched), integrate into the current branch (the primary's copy under ff-only and rebase, every
//! remote's copy under merge), bring every configured namespace ref to agreement, push the results to every
//! remote without force, and go round again for a remote that lost a race to another clone. `git multi sync`
//! and `git multi workspace sync` both run it; what it did comes back as a [`Synced`] value.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;

use crate::config::{self, Namespace};
use crate::error::Result;
use crate::git::{refname, Git, RefStatus};
use crate::model::converge::Converged;
use crate::model::integrate::{Integrated, Stop, Stopped, Strategy};
use crate::model::sync::{Halted, Planned, SyncPlan, Synced};
use crate::model::{Outcome, PushDetail, Relation, Report, State, Status};
use crate::remote_set::{Member, RemoteSet};
use crate::runner::{FanOut, Job};
use crate::session::{Parallel, Session, Watch};

use super::fresh::{self, Fresh};
use super::push::{self, Force, Outgoing, PushRequest};
use super::{converge, fetch, integrate, primary, Backups, Relater, Snapshot};

/// What the command line asks of a sync.
#[derive(Debug, Clone, Copy)]
pub struct SyncRequest<'a> {
    pub strategy: Strategy,
    /// `--primary` (else `multi.primary`, else the branch's upstream remote; merge needs none).
    pub primary: Option<&'a str>,
    pub parallel: Parallel,
    /// Who watches the remotes' jobs (a workspace runs many syncs at once and shows none of them live).
    pub watch: Watch,
}

const REASON: &str = "git multi sync";

/// How many times a remote that lost a race (another clone pushed between our fetch and our push) is fetched,
/// integrated and pushed again before its refusal is reported. Each round needs another push to have slipped
/// in between, so a handful covers any real contention.
const ROUNDS: usize = 4;

/// Syncs the current branch and the configured namespaces with every enabled member of `set`. `Err` for what
/// stops the command (no branch, no primary, git failing locally); `Ok(Err(_))` when it halted before pushing
/// (the primary unreachable, integration stopped); the audit log gets every push that was made.
pub fn sync(
    session: &Session,
    set: &RemoteSet,
    request: &SyncRequest,
) -> Result<std::result::Result<Synced, Halted>> {
    let git = &session.git;
    let members = set.select(&[])?;
    let branch = primary::current_branch(git)?;
    let primary = integrated_primary(git, set, request, &branch)?;
    let fanout = session.fan_out(
        set,
        request.parallel,
        &members,
        config::DEFAULT_TIMEOUT,
        request.watch,
    );
    let run = Run {
        git,
        full: refname::branch(&branch),
        branch,
        strategy: request.strategy,
        primary,
        namespaces: &set.settings.namespaces,
        fanout,
        backups: Backups::new(),
        relater: Relater::new(git),
        pushed_here: Mutex::new(BTreeMap::new()),
        members,
    };

    // 1. Fetch everything (namespaces included), so every remote's tracking refs are current for the push.
    let (fetched, mut tracked) = run.fetch_all()?;
    let reachable: Vec<&Member> = run
        .members
        .iter()
        .zip(&fetched)
        .filter(|(_, o)| !o.status.is_failure())
        .map(|(m, _)| *m)
        .collect();
    if let Some(primary) = primary.filter(|_| request.strategy != Strategy::Merge) {
        let failed = run
            .members
            .iter()
            .zip(&fetched)
            .find(|(m, o)| m.name == primary.name && o.status.is_failure());
        if let Some((_, failed)) = failed {
            return Ok(Err(Halted::PrimaryUnreachable(failed.clone())));
        }
    }

    // 2. Integrate (a stop on conflicts stops everything: nothing is pushed).
    let before = git.rev_parse("HEAD")?.unwrap_or_default();
    let mut steps = match run.integrate_copies(&reachable, &tracked)? {
        Ok(steps) => steps,
        Err(stopped) => return Ok(Err(Halted::Stopped(stopped))),
    };

    // 3. Every namespace ref: the agreed tip, locally first (old local tips saved where they would be lost).
    let mut settled = run.settle(&reachable)?;

    // 4. Push the branch and the agreed namespace tips to every remote that could be fetched; never forced
    // (only `theirs` namespaces overwrite, with a lease, their old tips saved first). A remote that refuses
    // because another clone pushed in the meantime is fetched again, integrated again and pushed again, up to
    // ROUNDS times, before anything is reported.
    let mut outcomes: Vec<Option<Outcome<PushDetail>>> = fetched
        .iter()
        .map(|fetch| {
            fetch
                .status
                .is_failure()
                .then(|| crate::model::push::not_pushed(fetch))
        })
        .collect();
    let mut round_members: Vec<&Member> = reachable.clone();
    for round in 1..=ROUNDS {
        if round_members.is_empty() {
            break;
        }
        let lost = run.push_round(round, &round_members, &settled, &tracked, &mut outcomes)?;
        if lost.is_empty() {
            break;
        }
        let Some(still) = run.fetch_losers(&lost, &reachable, &mut tracked)? else {
            break;
        };
        // Integrate and settle again with what the remotes that answered hold now; a copy that can no longer be
        // integrated (ff-only and diverged) leaves the refusals as they are.
        match run.integrate_copies(&still, &tracked)? {
            Ok(more) => steps.extend(more),
            Err(stopped) if matches!(stopped.stop, Stop::Diverged { .. }) => break,
            Err(stopped) => {
                let report = Report::new(outcomes.into_iter().flatten().collect());
                crate::audit::record(git, "sync", &report);
                return Ok(Err(Halted::Stopped(stopped)));
            }
        }
        settled = run.settle(&still)?;
        round_members = still;
    }

    let after = git.rev_parse("HEAD")?.unwrap_or_default();
    let (integrated, brought) = run.overall(&before, &after, steps);
    let report: Report<PushDetail> = Report::new(outcomes.into_iter().flatten().collect());
    crate::audit::record(git, "sync", &report);
    Ok(Ok(Synced {
        primary: primary.map(|p| p.name.clone()),
        branch: run.branch,
        strategy: run.strategy,
        integrated,
        steps: brought,
        namespaces: settled,
        report,
    }))
}

/// The primary whose copy is integrated: required under ff-only and rebase; merge integrates every remote's copy
/// and needs none.
fn integrated_primary<'s>(
    git: &Git,
    set: &'s RemoteSet,
    request: &SyncRequest,
    branch: &str,
) -> Result<Option<&'s Member>> {
    match request.strategy {
        Strategy::Merge => primary::primary_if_any(git, set, request.primary, branch),
        _ => primary::primary(git, set, request.primary, branch).map(Some),
    }
}

impl Run<'_> {
    /// Everything integrated into the branch between `before` and `after`, and the steps that brought commits:
    /// only those are named (the primary's is always a step, often an empty one).
    fn overall(
        &self,
        before: &str,
        after: &str,
        steps: Vec<Integrated>,
    ) -> (Integrated, Vec<Integrated>) {
        let brought: Vec<Integrated> = steps.iter().filter(|s| s.incoming > 0).cloned().collect();
        let named = if brought.is_empty() {
            &steps[..steps.len().min(1)]
        } else {
            &brought[..]
        };
        let integrated = integrate::overall(&self.branch, self.strategy, before, after, named);
        (integrated, brought)
    }
}

/// One sync's state across its steps and rounds.
struct Run<'a> {
    git: &'a Git,
    members: Vec<&'a Member>,
    branch: String,
    /// The branch's full ref name.
    full: String,
    strategy: Strategy,
    primary: Option<&'a Member>,
    namespaces: &'a [Namespace],
    fanout: FanOut<'static>,
    backups: Backups,
    relater: Relater<'a>,
    /// What each remote holds as far as this run knows: its tracking refs, then what its pushes put there.
    pushed_here: Mutex<BTreeMap<(String, String), String>>,
}

impl Run<'_> {
    /// Fetches every member whose listing does not match its tracking refs; then every member's tracking refs
    /// as they are now, read once for everything after.
    fn fetch_all(&self) -> Result<(Vec<Outcome<()>>, Snapshot)> {
        let fresh = Fresh::new(self.git, &self.members, self.namespaces)?;
        let fetched = std::thread::scope(|scope| {
            // The tracking refs are read while the remotes are listed: with thousands of loose refs that read
            // costs about as much as a round trip.
            scope.spawn(|| fresh.read_local(self.git));
            self.fanout.run(&self.members, |job| {
                let request = fetch::with_namespaces(job.name(), self.namespaces, false);
                match fresh.fetch(job, self.git, &request) {
                    Ok(_) => Outcome::new(job.name(), Status::Ok, job.elapsed(), ()),
                    Err(err) => job.failure(&err, ()),
                }
            })
        });
        self.fanout.finish();
        Ok((fetched, fresh.tracking(self.git)?))
    }

    /// Every namespace ref brought to its agreed tip locally, from the copies of `reachable` remotes as last
    /// fetched.
    fn settle(&self, reachable: &[&Member]) -> Result<Vec<Converged>> {
        if self.namespaces.is_empty() {
            return Ok(Vec::new());
        }
        let names: Vec<&str> = reachable.iter().map(|m| m.name.as_str()).collect();
        let patterns = converge::namespace_patterns(self.namespaces, &names);
        let snapshot = Snapshot::take(self.git, &patterns)?;
        let all = converge::namespace_tips(&snapshot, self.namespaces, &names);
        let primary = self.primary.map(|p| p.name.as_str());
        Ok(converge::settle(
            self.git,
            &self.backups,
            all,
            self.namespaces,
            primary,
            REASON,
        )?)
    }

    /// Brings other copies of the branch into it. Merge: every reachable remote's copy in configured order (a
    /// remote without the branch is passed over). ff-only and rebase: the primary's copy with that strategy,
    /// then any other copy that is a plain fast-forward from there. Returns the steps that did something (the
    /// primary's always).
    fn integrate_copies(
        &self,
        reachable: &[&Member],
        copies: &Snapshot,
    ) -> Result<std::result::Result<Vec<Integrated>, Stopped>> {
        let (git, branch, strategy) = (self.git, self.branch.as_str(), self.strategy);
        let upstream = |m: &Member| {
            refname::tracking(&m.name, &self.full).expect("a branch has a tracking ref")
        };
        let mut steps = Vec::new();
        if strategy == Strategy::Merge {
            for member in reachable {
                match integrate::integrate(git, branch, &upstream(member), strategy)? {
                    Ok(done) if done.incoming > 0 => steps.push(done),
                    Ok(_) => {}
                    Err(stopped) if stopped.stop == Stop::NoUpstream => {}
                    Err(stopped) => return Ok(Err(stopped)),
                }
            }
            return Ok(Ok(steps));
        }
        let primary = self.primary.expect("ff-only and rebase have a primary");
        let done = match integrate::integrate(git, branch, &upstream(primary), strategy)? {
            Ok(done) => done,
            Err(stopped) => return Ok(Err(stopped)),
        };
        // The other copies' tips from the caller's read of the tracking refs (integrating moves only the
        // branch, never a tracking ref); HEAD is what the last step left.
        let mut head = done.after.clone();
        steps.push(done);
        for member in reachable.iter().filter(|m| m.name != primary.name) {
            let Some(theirs) = copies.get(&upstream(member)) else {
                continue;
            };
            // Only a copy strictly ahead is taken here; a diverged one is reported by its push.
            if theirs != head && git.is_ancestor(&head, theirs)? {
                if let Ok(done) =
                    integrate::integrate(git, branch, &upstream(member), Strategy::FfOnly)?
                {
                    head = done.after.clone();
                    steps.push(done);
                }
            }
        }
        Ok(Ok(steps))
    }

    /// One round of pushes, its outcomes merged into `outcomes` (in the members' order); returns the remotes
    /// that lost a race and are worth another round. The first round pushes everywhere at once. A later one
    /// goes to one remote first (the primary, else the first in configured order) and to the others only once
    /// that push held: clones racing each other then meet at that one remote, and the loser integrates the
    /// winner's work before it pushes anywhere else, instead of the two taking one remote each and merging
    /// each other's merges round after round.
    fn push_round(
        &self,
        round: usize,
        round_members: &[&Member],
        settled: &[Converged],
        tracked: &Snapshot,
        outcomes: &mut [Option<Outcome<PushDetail>>],
    ) -> Result<BTreeSet<String>> {
        let after = self.git.rev_parse("HEAD")?.unwrap_or_default();
        // The first round pushes from the tracking refs read after the fetches; a later one reads again what
        // the pushes and fetches in between changed.
        let retaken;
        let tracking = if round == 1 {
            tracked
        } else {
            let mut everything = vec![Outgoing::same(&self.full, &after)];
            everything.extend(settled.iter().filter_map(|c| {
                c.agreement
                    .target()
                    .map(|t| Outgoing::same(&c.tips.name, t))
            }));
            let remotes = self.members.iter().map(|m| m.name.as_str());
            retaken = Snapshot::take(self.git, &push::tracking_patterns(remotes, &everything))?;
            &retaken
        };
        let lost: Mutex<BTreeSet<String>> = Mutex::new(BTreeSet::new());
        let push_one = |job: &Job| {
            let last = round == ROUNDS;
            self.push_one(job, &after, settled, tracking, last, &lost)
        };
        let results: Vec<(&Member, Outcome<PushDetail>)> = if round == 1 {
            let results = self.fanout.run(round_members, push_one);
            round_members.iter().copied().zip(results).collect()
        } else {
            let anchor = self
                .primary
                .and_then(|p| round_members.iter().position(|m| m.name == p.name))
                .unwrap_or(0);
            let first = round_members[anchor];
            let mut results: Vec<_> = vec![first]
                .into_iter()
                .zip(self.fanout.run(&[first], push_one))
                .collect();
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
                let pushed = self.fanout.run(&others, push_one);
                results.extend(others.into_iter().zip(pushed));
            }
            results
        };
        self.fanout.finish();
        for (member, outcome) in results {
            let slot = self
                .members
                .iter()
                .position(|m| m.name == member.name)
                .expect("a pushed remote is a member");
            outcomes[slot] = Some(match outcomes[slot].take() {
                Some(earlier) => crate::model::push::across_rounds(earlier, outcome),
                None => outcome,
            });
        }
        Ok(lost.into_inner().unwrap_or_else(|e| e.into_inner()))
    }

    /// Pushes the branch at `after` and the settled namespace tips to one remote: nothing when it is known to
    /// hold them all, the forward refs without force, the `theirs` overwrites under a lease. A refusal because
    /// the remote moved is noted in `lost` unless this is the `last` round.
    fn push_one(
        &self,
        job: &Job,
        after: &str,
        settled: &[Converged],
        tracking: &Snapshot,
        last: bool,
        lost: &Mutex<BTreeSet<String>>,
    ) -> Outcome<PushDetail> {
        let (forward, overwrite) = match converge::outgoing_for(self.git, job.name(), settled) {
            Ok(lists) => lists,
            Err(err) => return job.failure(&err, PushDetail::default()),
        };
        let mut refs = vec![Outgoing::same(&self.full, after)];
        refs.extend(forward);
        let all: Vec<Outgoing> = refs.iter().chain(&overwrite).cloned().collect();
        let tips: BTreeMap<String, String> = all
            .iter()
            .filter_map(|r| Some((r.name.clone(), self.known(job, tracking, &r.name)?)))
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
                    backups: &self.backups,
                    relater: &self.relater,
                    reason: REASON,
                };
                let mut pushed = push::push(job, self.git, &forward);
                if !overwrite.is_empty() {
                    let leased = PushRequest {
                        refs: &overwrite,
                        force: Force::Lease,
                        ..forward
                    };
                    pushed = pushed.and_then(|first| {
                        push::push(job, self.git, &leased).map(|second| first.and(second))
                    });
                }
                pushed
            }
        };
        if let Ok(pushed) = &pushed {
            if !last && pushed.lost_race() {
                lost.lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(job.name().to_string());
            }
            let mut held = self.pushed_here.lock().unwrap_or_else(|e| e.into_inner());
            for r in &pushed.refs {
                if let (Some(new), RefStatus::Updated | RefStatus::New | RefStatus::UpToDate) =
                    (&r.new, r.status)
                {
                    held.insert((job.name().to_string(), r.name.clone()), new.clone());
                }
            }
        }
        super::pushed::outcome(job, pushed, false)
    }

    /// What `job`'s remote holds at `name` as far as this run knows: what a push of this run put there, else
    /// its tracking ref (for a branch only where the fetch put it there).
    fn known(&self, job: &Job, tracking: &Snapshot, name: &str) -> Option<String> {
        let pushed = self.pushed_here.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(oid) = pushed.get(&(job.name().to_string(), name.to_string())) {
            return Some(oid.clone());
        }
        if name.starts_with(refname::HEADS) && !Fresh::standard(job.member) {
            return None;
        }
        tracking
            .get(&refname::tracking(job.name(), name)?)
            .map(str::to_string)
    }

    /// Fetches the remotes that `lost` a race again, updating `tracked`; only one that really moved since is
    /// worth another round (a refusal with nothing new there would only be refused again). Returns the
    /// remotes of `reachable` that the next round integrates and pushes to, or `None` when nothing moved.
    fn fetch_losers<'m>(
        &self,
        lost: &BTreeSet<String>,
        reachable: &[&'m Member],
        tracked: &mut Snapshot,
    ) -> Result<Option<Vec<&'m Member>>> {
        let losers: Vec<&Member> = self
            .members
            .iter()
            .copied()
            .filter(|m| lost.contains(&m.name))
            .collect();
        let patterns: Vec<String> = losers
            .iter()
            .flat_map(|m| fetch::tracking_patterns(&m.name))
            .collect();
        let seen = Snapshot::take(self.git, &patterns)?;
        let refetched = self.fanout.run(&losers, |job| {
            let request = fetch::with_namespaces(job.name(), self.namespaces, false);
            match fetch::fetch(job, self.git, &request) {
                Ok(_) => Outcome::new(job.name(), Status::Ok, job.elapsed(), ()),
                Err(err) => job.failure(&err, ()),
            }
        });
        self.fanout.finish();
        let now = Snapshot::take(self.git, &patterns)?;
        tracked.replace(&patterns, &now);
        let moved = losers.iter().zip(&refetched).any(|(m, fetch)| {
            !fetch.status.is_failure()
                && fetch::tracking_patterns(&m.name)
                    .iter()
                    .any(|p| !seen.under(p).eq(now.under(p)))
        });
        if !moved {
            return Ok(None);
        }
        // Whatever they hold now is what the fetch said, not what we pushed there before.
        self.pushed_here
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|(remote, _), _| !lost.contains(remote));
        let failed = |m: &Member| {
            losers
                .iter()
                .zip(&refetched)
                .any(|(l, fetch)| l.name == m.name && fetch.status.is_failure())
        };
        Ok(Some(
            reachable.iter().copied().filter(|m| !failed(m)).collect(),
        ))
    }
}

/// `sync --dry-run`: each remote's copy of the branch read with ls-remote and compared with the local one;
/// nothing is fetched, merged or pushed.
pub fn plan(session: &Session, set: &RemoteSet, request: &SyncRequest) -> Result<SyncPlan> {
    let git = &session.git;
    let members = set.select(&[])?;
    let branch = primary::current_branch(git)?;
    let primary = integrated_primary(git, set, request, &branch)?.map(|p| p.name.clone());
    let fanout = session.fan_out(
        set,
        request.parallel,
        &members,
        config::DEFAULT_TIMEOUT,
        Watch::Nobody,
    );
    let full = refname::branch(&branch);
    let local = git.rev_parse(&full)?;
    let relater = Relater::new(git);
    let outcomes = fanout.run(&members, |job| {
        let listed = job
            .git(|left, _| git.ls_remote_refs(job.name(), &[refname::HEADS], Some(left)))
            .result;
        match listed {
            Ok(refs) => {
                let relation = relater
                    .relate(local.as_deref(), refs.get(&full).map(String::as_str))
                    .unwrap_or(Relation::of(State::Unknown));
                // Under merge every remote's copy is integrated, as the primary's is otherwise.
                let integrated =
                    Some(job.name()) == primary.as_deref() || request.strategy == Strategy::Merge;
                let planned = Planned {
                    relation: Some(relation),
                    integrated,
                };
                Outcome::new(job.name(), Status::DryRun, job.elapsed(), planned)
            }
            Err(err) => job.failure(&err, Planned::default()),
        }
    });
    Ok(SyncPlan {
        branch,
        primary,
        strategy: request.strategy,
        report: Report::new(outcomes),
    })
}
