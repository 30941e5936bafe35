//! `conflicts` as one operation over a session: every ref (branches, tags, configured namespace refs) whose
//! copies differ between the local repository and the remotes, classified (ahead, behind, diverged, missing)
//! with what `git multi resolve` would do about it. The remotes are fetched first (with `--prune`, pruned tips
//! saved) so the tracking refs say what each has now; tags are read with ls-remote (git keeps no per-remote copy
//! of them).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;

use crate::config;
use crate::error::Result;
use crate::git::refname;
use crate::model::converge::{Conflict, Conflicts, Family, Tips};
use crate::model::{Outcome, Report, Status};
use crate::remote_set::{Member, RemoteSet};
use crate::session::{Parallel, Session, Watch};

use super::{converge, fetch, Backups, Snapshot};

/// Each side's refs by their own names.
type Refs = BTreeMap<String, String>;

/// Compares every ref of `members` (of `set`) with the local repository after fetching them.
pub fn conflicts(
    session: &Session,
    set: &RemoteSet,
    members: &[&Member],
    parallel: Parallel,
) -> Result<Conflicts> {
    let git = &session.git;
    let backups = Backups::new();
    let (outcomes, tags) = fetch_all(session, set, members, parallel, &backups);
    let reachable: Vec<&Member> = members
        .iter()
        .zip(&outcomes)
        .filter(|(_, o)| !o.status.is_failure())
        .map(|(m, _)| *m)
        .collect();
    let (local, theirs) = sides(session, set, &reachable, &tags)?;
    let names: BTreeSet<&String> = local
        .keys()
        .chain(theirs.iter().flat_map(|(_, refs)| refs.keys()))
        .collect();

    // `theirs` namespaces take the primary's copy; without a checked-out branch only multi.primary names it.
    let primary = match git.current_branch()? {
        Some(branch) => super::primary::primary_if_any(git, set, None, &branch)?,
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
        let family = family(set, name);
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
        let standing = converge::standing(git, &tips, family != Family::Tag)?;
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
    Ok(Conflicts {
        conflicts,
        remote_only,
        reached: Report::new(outcomes),
        pruned: backups.all(),
    })
}

/// Fetches every member (pruning, the pruned tips saved) and lists its tags; the fetches' outcomes in member
/// order and each reachable member's tags.
fn fetch_all(
    session: &Session,
    set: &RemoteSet,
    members: &[&Member],
    parallel: Parallel,
    backups: &Backups,
) -> (Vec<Outcome<()>>, BTreeMap<String, Refs>) {
    let git = &session.git;
    let namespaces = &set.settings.namespaces;
    let tags: Mutex<BTreeMap<String, Refs>> = Mutex::new(BTreeMap::new());
    let fanout = session.fan_out(set, parallel, members, config::DEFAULT_TIMEOUT, Watch::Live);
    let outcomes = fanout.run(members, |job| {
        if let Err(err) = fetch::refresh(job, git, namespaces, backups) {
            return job.failure(&err, ());
        }
        match job
            .git(|left, _| git.ls_remote_refs(job.name(), &[refname::TAGS], Some(left)))
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
    (
        outcomes,
        tags.into_inner().unwrap_or_else(|e| e.into_inner()),
    )
}

/// Each side's refs by their own names: local, then every reachable remote's.
fn sides(
    session: &Session,
    set: &RemoteSet,
    reachable: &[&Member],
    tags: &BTreeMap<String, Refs>,
) -> Result<(Refs, Vec<(String, Refs)>)> {
    let mut patterns = vec![refname::HEADS.to_string(), refname::TAGS.to_string()];
    patterns.extend(set.settings.namespaces.iter().map(|n| n.root().to_string()));
    patterns.extend(
        reachable
            .iter()
            .flat_map(|m| fetch::tracking_patterns(&m.name)),
    );
    let snapshot = Snapshot::take(&session.git, &patterns)?;
    let is_namespaced = |name: &str| set.settings.namespace_of(name).is_some();
    let local: Refs = snapshot
        .iter()
        .filter(|(n, _)| {
            n.starts_with(refname::HEADS) || n.starts_with(refname::TAGS) || is_namespaced(n)
        })
        .map(|(n, o)| (n.to_string(), o.to_string()))
        .collect();
    let theirs = reachable
        .iter()
        .map(|m| {
            let mut refs = remote_refs(m, &snapshot, &is_namespaced);
            refs.extend(tags.get(&m.name).cloned().unwrap_or_default());
            (m.name.clone(), refs)
        })
        .collect();
    Ok((local, theirs))
}

/// Which family the ref `name` belongs to (a namespace ref with its merge mode).
fn family(set: &RemoteSet, name: &str) -> Family {
    if name.starts_with(refname::HEADS) {
        Family::Branch
    } else if name.starts_with(refname::TAGS) {
        Family::Tag
    } else {
        Family::Namespace(
            set.settings
                .namespace_of(name)
                .map_or(config::MergeMode::Union, |n| n.merge),
        )
    }
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
