//! `git multi conflicts`: every ref (branches, tags, configured namespace refs) whose copies differ between
//! the local repository and the remotes, classified (ahead, behind, diverged, missing) with what `git multi
//! resolve` would do about it. The remotes are fetched first (with `--prune`, pruned tips saved) so the
//! tracking refs say what each has now; tags are read with ls-remote (git keeps no per-remote copy of them).

use crate::model::converge::Conflict;
use crate::model::converge::{Family, Tips};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;

use clap::Args;

use crate::cmd::common::{self, ParallelArgs};
use crate::config;
use crate::error::{Exit, ExitFacts, Result};
use crate::git::refname;
use crate::model::{Outcome, Report, Status};
use crate::ops::converge;
use crate::ops::{fetch, Backups, Snapshot};
use crate::remote_set::Member;
use crate::report;
use crate::session::{Session, Watch};

/// List every ref whose copies differ between local and the remotes
#[derive(Debug, Args)]
pub struct ConflictsArgs {
    /// Remotes to compare (default: every enabled member; `all` means the same)
    #[arg(value_name = "REMOTE")]
    pub remotes: Vec<String>,
    /// Exit with 1 when any ref differs
    #[arg(long)]
    pub exit_code: bool,
    #[command(flatten)]
    pub parallel: ParallelArgs,
    /// Print one JSON document: {"conflicts":[{"ref","kind","tips","action"}]}
    #[arg(long)]
    pub json: bool,
}

/// What `conflicts` found: every ref whose copies differ, the refs only on the remotes (alike), how each
/// remote answered, and the tips the fetch pruned (saved).
pub struct Found {
    pub conflicts: Vec<Conflict>,
    pub remote_only: usize,
    pub reached: Report<()>,
    pub pruned: Vec<crate::model::Saved>,
}

pub fn run(ctx: &Session, args: &ConflictsArgs) -> Result<Exit> {
    let Found {
        conflicts,
        remote_only,
        reached,
        pruned,
    } = find(ctx, args)?;
    report::conflicts::show(&conflicts, remote_only, &reached, args.json);
    if !pruned.is_empty() {
        // The JSON document has one key; where the pruned tips went is said on stderr.
        report::note(&report::resolve::pruned_note(&pruned));
    }
    Ok(crate::error::exit_code(ExitFacts {
        out_of_sync: args.exit_code && !conflicts.is_empty(),
        ..reached.facts()
    }))
}

/// Fetches every remote (pruning, tips saved) and compares every ref's copies (`resolve --interactive` asks
/// about each of them).
pub fn find(ctx: &Session, args: &ConflictsArgs) -> Result<Found> {
    let set = ctx.remote_set()?;
    let members = set.select(&args.remotes)?;
    let namespaces = &set.settings.namespaces;
    let _budget = args
        .parallel
        .timeout(&set.settings, config::DEFAULT_TIMEOUT)?;
    let backups = Backups::new();
    let tags: Mutex<BTreeMap<String, BTreeMap<String, String>>> = Mutex::new(BTreeMap::new());
    let fanout = ctx.fan_out(
        &set,
        args.parallel.get(),
        &members,
        config::DEFAULT_TIMEOUT,
        Watch::Live,
    );
    let outcomes = fanout.run(&members, |job| {
        if let Err(err) = fetch::refresh(job, &ctx.git, namespaces, &backups) {
            return job.failure(&err, ());
        }
        match job
            .git(|left, _| {
                ctx.git
                    .ls_remote_refs(job.name(), &[refname::TAGS], Some(left))
            })
            .result
        {
            Ok(theirs) => {
                tags.lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(job.name().to_string(), theirs);
                Outcome::new(job.name(), Status::Ok, job.elapsed(), ())
            }
            Err(err) => job.failure(&err, ()),
        }
    });
    fanout.finish();
    let tags = tags.into_inner().unwrap_or_else(|e| e.into_inner());
    let reachable: Vec<&Member> = members
        .iter()
        .zip(&outcomes)
        .filter(|(_, o)| !o.status.is_failure())
        .map(|(m, _)| *m)
        .collect();

    let mut patterns = vec![refname::HEADS.to_string(), refname::TAGS.to_string()];
    patterns.extend(namespaces.iter().map(|n| n.root().to_string()));
    patterns.extend(
        reachable
            .iter()
            .flat_map(|m| fetch::tracking_patterns(&m.name)),
    );
    let snapshot = Snapshot::take(&ctx.git, &patterns)?;
    let is_namespaced = |name: &str| set.settings.namespace_of(name).is_some();

    // Each side's refs by their own names: local, then every reachable remote's.
    let local: BTreeMap<String, String> = snapshot
        .iter()
        .filter(|(n, _)| {
            n.starts_with(refname::HEADS) || n.starts_with(refname::TAGS) || is_namespaced(n)
        })
        .map(|(n, o)| (n.to_string(), o.to_string()))
        .collect();
    let theirs: Vec<(String, BTreeMap<String, String>)> = reachable
        .iter()
        .map(|m| {
            let mut refs = remote_refs(m, &snapshot, &is_namespaced);
            refs.extend(tags.get(&m.name).cloned().unwrap_or_default());
            (m.name.clone(), refs)
        })
        .collect();
    let names: BTreeSet<&String> = local
        .keys()
        .chain(theirs.iter().flat_map(|(_, refs)| refs.keys()))
        .collect();

    // `theirs` namespaces take the primary's copy; without a checked-out branch only multi.primary names it.
    let primary = match ctx.git.current_branch()? {
        Some(branch) => common::primary_if_any(ctx, &set, None, &branch)?,
        None => set.settings.primary.as_deref().and_then(|p| set.member(p)),
    };
    let mut conflicts = Vec::new();
    let mut remote_only = 0;
    for name in names {
        let tips = Tips {
            name: name.clone(),
            local: local.get(name).cloned(),
            remotes: theirs
                .iter()
                .map(|(remote, refs)| (remote.clone(), refs.get(name).cloned()))
                .collect(),
        };
        let family = if name.starts_with(refname::HEADS) {
            Family::Branch
        } else if name.starts_with(refname::TAGS) {
            Family::Tag
        } else {
            Family::Namespace(
                set.settings
                    .namespace_of(name)
                    .map_or(config::MergeMode::Union, |n| n.merge),
            )
        };
        // A branch or tag not here that every remote has alike is not checked out, not in conflict (local work
        // the remotes lack is: it is `missing` there).
        let alike = tips.local.is_none()
            && !tips.remotes.is_empty()
            && !matches!(family, Family::Namespace(_))
            && tips.distinct().len() == 1
            && tips.remotes.iter().all(|(_, t)| t.is_some());
        if alike {
            remote_only += 1;
            continue;
        }
        let standing = converge::standing(&ctx.git, &tips, family != Family::Tag)?;
        let Some(kind) = standing.kind else {
            continue;
        };
        let suggestion =
            converge::suggest(&tips, &standing, family, primary.map(|p| p.name.as_str()));
        conflicts.push(Conflict {
            tips,
            kind,
            suggestion,
        });
    }

    Ok(Found {
        conflicts,
        remote_only,
        reached: Report::new(outcomes),
        pruned: backups.all(),
    })
}

/// A remote's branches (its tracking refs mapped back through its fetch refspecs) and its copies of the
/// configured namespaces, by the remote's own ref names.
fn remote_refs(
    member: &Member,
    snapshot: &Snapshot,
    is_namespaced: &dyn Fn(&str) -> bool,
) -> BTreeMap<String, String> {
    let (tracking, copies) = (
        refname::tracking_prefix(&member.name),
        refname::copies_prefix(&member.name),
    );
    let branches = snapshot.under(&tracking).filter_map(|(tracking, oid)| {
        let name = refname::fetched_from(&member.name, &member.fetch_refspecs, tracking)?;
        name.starts_with(refname::HEADS)
            .then(|| (name, oid.to_string()))
    });
    let copies = snapshot.under(&copies).filter_map(|(copy, oid)| {
        let name = refname::remote_name_of(&member.name, copy)?;
        is_namespaced(&name).then(|| (name, oid.to_string()))
    });
    branches.chain(copies).collect()
}
