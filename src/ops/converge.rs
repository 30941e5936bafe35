//! One ref across the local repository and the remotes: how its copies stand (ahead, behind, diverged,
//! missing), what would make them agree under the namespace's merge mode, and moving the local copy there
//! (the old local tip saved first whenever the move would lose it).

use std::collections::BTreeSet;

use crate::config::{MergeMode, Namespace};
use crate::git::{refname, CommitSpec, Git, GitError, Integration, RefWrite};

use super::ancestry::Known;
use super::push::Outgoing;
use super::union::{self, Prepared, Signature};
use super::{Backups, Snapshot};
use crate::model::converge::{Agreement, Converged, Family, Kind, Standing, Suggestion, Tips};
use crate::model::Saved;

/// Reads how `tips` stand. With `ancestry` false (tags: there is no "newer" tag) any two different tips are
/// diverged.
pub fn standing(git: &Git, tips: &Tips, ancestry: bool) -> Result<Standing, GitError> {
    standing_with(git, &Known::default(), tips, ancestry)
}

/// [`standing`] with what `known` has read already.
fn standing_with(
    git: &Git,
    known: &Known,
    tips: &Tips,
    ancestry: bool,
) -> Result<Standing, GitError> {
    let distinct = tips.distinct();
    let mut unknown = false;
    let newest = match distinct.as_slice() {
        [] => None,
        [only] => Some(only.to_string()),
        _ if !ancestry => None,
        _ => {
            let types = known.types(git, &distinct)?;
            if distinct
                .iter()
                .all(|o| types.get(*o).is_some_and(|t| t == "commit"))
            {
                match known.independent(git, &distinct)?.as_slice() {
                    [only] => Some(only.clone()),
                    _ => None,
                }
            } else {
                unknown = true;
                None
            }
        }
    };
    let kind = kind_of(tips, newest.as_deref());
    Ok(Standing {
        kind,
        newest,
        unknown,
    })
}

/// The kind of disagreement, given the copy that contains every other (`None`: they diverged).
fn kind_of(tips: &Tips, newest: Option<&str>) -> Option<Kind> {
    if tips.distinct().is_empty() {
        return None;
    }
    let Some(newest) = newest else {
        return Some(Kind::Diverged);
    };
    let lagging = |t: &Option<String>| t.as_deref().is_some_and(|t| t != newest);
    if tips.local.is_none() {
        Some(Kind::Missing)
    } else if tips.local.as_deref() != Some(newest) {
        Some(Kind::Behind)
    } else if tips.remotes.iter().any(|(_, t)| lagging(t)) {
        Some(Kind::Ahead)
    } else if tips.remotes.iter().any(|(_, t)| t.is_none()) {
        Some(Kind::Missing)
    } else {
        None
    }
}

/// An agreement, or the union commit it needs written first.
enum Planned {
    Ready(Agreement),
    Union {
        spec: CommitSpec,
        parents: Vec<String>,
    },
}

/// Works out the agreement for a namespace ref under `mode`; `primary` is the remote whose copy `theirs` takes.
fn plan(
    git: &Git,
    known: &Known,
    tips: &Tips,
    mode: MergeMode,
    primary: Option<&str>,
) -> Result<Planned, GitError> {
    let ready = |agreement| Ok(Planned::Ready(agreement));
    let standing = standing_with(git, known, tips, true)?;
    if standing.kind.is_none() {
        return ready(Agreement::InSync);
    }
    if let Some(newest) = &standing.newest {
        return ready(Agreement::Forward(newest.clone()));
    }
    if standing.unknown {
        return ready(Agreement::Cannot(
            "a copy is not a commit here (not fetched, or not a commit at all)".into(),
        ));
    }
    let theirs = primary.and_then(|p| tips.of(p).map(|t| (p, t)));
    match (mode, theirs) {
        (MergeMode::Theirs, Some((from, target))) => ready(Agreement::Theirs {
            target: target.to_string(),
            from: from.to_string(),
        }),
        (MergeMode::Union, _) => {
            let prepared =
                union::prepare(git, known, &tips.name, &tips.distinct(), &Signature::Data)?;
            match prepared {
                Prepared::Contains(target) => ready(Agreement::Forward(target)),
                Prepared::Commit { spec, parents } => Ok(Planned::Union { spec, parents }),
                Prepared::Cannot(why) => ready(Agreement::Cannot(why)),
            }
        }
        _ => ready(Agreement::Diverged),
    }
}

/// Points the local ref `name` (not the checked-out branch: that goes through the work tree) at `target`,
/// saving the old local tip under `refs/multi/backup/local/…` first when `target` does not contain it.
pub fn set_local(
    git: &Git,
    backups: &Backups,
    name: &str,
    old: Option<&str>,
    target: &str,
    reason: &str,
) -> Result<Option<Saved>, GitError> {
    if old == Some(target) {
        return Ok(None);
    }
    let mut saved = None;
    if let Some(old) = old {
        // A tag is replaced, never extended: its old object is always saved.
        let contained = !name.starts_with(refname::TAGS)
            && git.object_types(&[old, target])?.len() == 2
            && git.is_ancestor(old, target).unwrap_or(false);
        if !contained {
            saved = backups.save_local(git, name, old, reason)?;
        }
    }
    git.update_refs(&[local_move(name, old, target)], reason)?;
    Ok(saved)
}

/// [`set_local`] for the checked-out branch, through the work tree: a fast-forward with `git merge
/// --ff-only`, anything else with `git reset --keep` after the old tip is saved (it refuses rather than lose
/// uncommitted changes).
pub fn set_checked_out(
    git: &Git,
    backups: &Backups,
    name: &str,
    old: &str,
    target: &str,
    reason: &str,
) -> Result<Option<Saved>, GitError> {
    if old == target {
        return Ok(None);
    }
    if git.is_ancestor(old, target)? {
        git.integrate(target, Integration::FastForward)?;
        return Ok(None);
    }
    let saved = backups.save_local(git, name, old, reason)?;
    git.reset_keep(target)?;
    Ok(saved)
}

pub fn suggest(
    tips: &Tips,
    standing: &Standing,
    family: Family,
    primary: Option<&str>,
) -> Option<Suggestion> {
    let take_newest = |newest: &str| match tips.first_holder(newest) {
        Some(remote) if tips.local.as_deref() != Some(newest) => Suggestion::Take(remote.into()),
        _ => Suggestion::TakeLocal,
    };
    Some(match standing.kind? {
        Kind::Diverged => match family {
            Family::Branch | Family::Namespace(MergeMode::Union) if !standing.unknown => {
                Suggestion::Merge
            }
            Family::Namespace(MergeMode::Theirs) => {
                match primary.filter(|p| tips.of(p).is_some()) {
                    Some(p) => Suggestion::Take(p.into()),
                    None => Suggestion::Pick,
                }
            }
            _ => Suggestion::Pick,
        },
        Kind::Ahead => Suggestion::TakeLocal,
        Kind::Behind | Kind::Missing => match &standing.newest {
            Some(newest) => take_newest(newest),
            None => Suggestion::Pick,
        },
    })
}

/// The `for-each-ref` patterns that read every local ref of `namespaces` and `remotes`' copies of them.
pub fn namespace_patterns(namespaces: &[Namespace], remotes: &[&str]) -> Vec<String> {
    let mut patterns: Vec<String> = namespaces.iter().map(|n| n.root().to_string()).collect();
    patterns.extend(remotes.iter().map(|r| refname::copies_prefix(r)));
    patterns
}

/// The copies of every ref of `namespaces`, local and `remotes`' (as last fetched), from a snapshot taken
/// with [`namespace_patterns`]; one entry per ref any side has, in name order.
pub fn namespace_tips(
    snapshot: &Snapshot,
    namespaces: &[Namespace],
    remotes: &[&str],
) -> Vec<Tips> {
    let wanted = |name: &str| namespaces.iter().any(|n| n.matches(name));
    let mut names: BTreeSet<String> = BTreeSet::new();
    for namespace in namespaces {
        names.extend(
            snapshot
                .under(namespace.root())
                .filter(|(n, _)| wanted(n))
                .map(|(n, _)| n.to_string()),
        );
    }
    for remote in remotes {
        let prefix = refname::copies_prefix(remote);
        names.extend(
            snapshot
                .under(&prefix)
                .filter_map(|(copy, _)| refname::remote_name_of(remote, copy))
                .filter(|n| wanted(n)),
        );
    }
    names
        .into_iter()
        .map(|name| Tips {
            local: snapshot.get(&name).map(str::to_string),
            remotes: remotes
                .iter()
                .map(|r| {
                    let copy = refname::tracking(r, &name).and_then(|t| snapshot.get(&t));
                    (r.to_string(), copy.map(str::to_string))
                })
                .collect(),
            name,
        })
        .collect()
}

/// Works out the agreement for every ref in `all` under its namespace's mode and moves the local copies
/// there (old local tips saved where they would be lost). The remotes are the caller's to push.
///
/// Everything is read, written and moved for all refs at once — the copies' relations in one walk
/// ([`Known::of_sets`]), every union commit in one `hash-object`, every local move in one `update-ref`
/// transaction — so a thousand diverged refs cost a few git processes, not several per ref.
pub fn settle(
    git: &Git,
    backups: &Backups,
    all: Vec<Tips>,
    namespaces: &[Namespace],
    primary: Option<&str>,
    reason: &str,
) -> Result<Vec<Converged>, GitError> {
    let sets: Vec<Vec<&str>> = all.iter().map(Tips::distinct).collect();
    let known = Known::of_sets(git, &sets)?;
    let mut planned = Vec::with_capacity(all.len());
    let mut specs = Vec::new();
    for tips in all {
        let mode = namespaces
            .iter()
            .find(|n| n.matches(&tips.name))
            .map_or(MergeMode::Union, |n| n.merge);
        let plan = plan(git, &known, &tips, mode, primary)?;
        if let Planned::Union { spec, .. } = &plan {
            specs.push(spec.clone());
        }
        planned.push((tips, mode, plan));
    }
    let mut written = git.write_commits(&specs)?.into_iter();
    let mut settled = Vec::with_capacity(planned.len());
    let mut moves = Vec::new();
    for (tips, mode, plan) in planned {
        let agreement = match plan {
            Planned::Ready(agreement) => agreement,
            Planned::Union { parents, .. } => Agreement::Union {
                target: written.next().expect("one id per commit written"),
                parents,
            },
        };
        let mut saved = None;
        if let Some(target) = agreement.target() {
            // A fast-forward or a union contains the local tip; only `theirs` may overwrite it.
            let keeps_local = !matches!(agreement, Agreement::Theirs { .. });
            match tips.local.as_deref() {
                Some(old) if old == target => {}
                Some(old) if !keeps_local => {
                    saved = set_local(git, backups, &tips.name, Some(old), target, reason)?;
                }
                old => moves.push(local_move(&tips.name, old, target)),
            }
        }
        settled.push(Converged {
            tips,
            mode,
            agreement,
            saved,
        });
    }
    git.update_refs(&moves, reason)?;
    Ok(settled)
}

/// The local ref `name` to `target`, only while it still has `old` (what everything was decided on).
fn local_move(name: &str, old: Option<&str>, target: &str) -> RefWrite {
    match old {
        Some(old) => RefWrite::Update {
            name: name.to_string(),
            oid: target.to_string(),
            old: Some(old.to_string()),
        },
        None => RefWrite::Create {
            name: name.to_string(),
            oid: target.to_string(),
        },
    }
}

/// What `remote` needs so that its copies agree: updates that only add to what it has, and (for `theirs`)
/// overwrites of copies the target does not contain, which go with a lease after their tips are saved.
pub fn outgoing_for(
    git: &Git,
    remote: &str,
    settled: &[Converged],
) -> Result<(Vec<Outgoing>, Vec<Outgoing>), GitError> {
    let mut forward = Vec::new();
    let mut overwrite = Vec::new();
    for c in settled {
        let Some(target) = c.agreement.target() else {
            continue;
        };
        // A remote that was not compared (unreachable) is not in the tips and gets nothing.
        let Some((_, theirs)) = c.tips.remotes.iter().find(|(r, _)| r == remote) else {
            continue;
        };
        let out = Outgoing::same(&c.tips.name, target);
        match theirs.as_deref() {
            Some(t) if t == target => {}
            Some(t)
                if matches!(c.agreement, Agreement::Theirs { .. })
                    && !git.is_ancestor(t, target).unwrap_or(false) =>
            {
                overwrite.push(out)
            }
            _ => forward.push(out),
        }
    }
    Ok((forward, overwrite))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tips(local: Option<&str>, remotes: &[(&str, Option<&str>)]) -> Tips {
        Tips {
            name: "refs/heads/main".into(),
            local: local.map(str::to_string),
            remotes: remotes
                .iter()
                .map(|(r, t)| (r.to_string(), t.map(str::to_string)))
                .collect(),
        }
    }

    #[test]
    fn kinds_follow_where_the_newest_copy_is() {
        let same = tips(Some("x"), &[("a", Some("x")), ("b", Some("x"))]);
        assert_eq!(kind_of(&same, Some("x")), None);
        let ahead = tips(Some("y"), &[("a", Some("x")), ("b", Some("y"))]);
        assert_eq!(kind_of(&ahead, Some("y")), Some(Kind::Ahead));
        let behind = tips(Some("x"), &[("a", Some("y")), ("b", None)]);
        assert_eq!(kind_of(&behind, Some("y")), Some(Kind::Behind));
        let not_here = tips(None, &[("a", Some("x"))]);
        assert_eq!(kind_of(&not_here, Some("x")), Some(Kind::Missing));
        let not_there = tips(Some("x"), &[("a", Some("x")), ("b", None)]);
        assert_eq!(kind_of(&not_there, Some("x")), Some(Kind::Missing));
        assert_eq!(kind_of(&ahead, None), Some(Kind::Diverged));
        assert_eq!(kind_of(&tips(None, &[("a", None)]), None), None);
    }

    #[test]
    fn suggestions_name_the_copy_to_take() {
        let standing = |kind, newest: Option<&str>| Standing {
            kind: Some(kind),
            newest: newest.map(str::to_string),
            unknown: false,
        };
        let behind = tips(Some("x"), &[("a", Some("x")), ("b", Some("y"))]);
        assert_eq!(
            suggest(
                &behind,
                &standing(Kind::Behind, Some("y")),
                Family::Branch,
                None
            ),
            Some(Suggestion::Take("b".into()))
        );
        assert_eq!(
            suggest(
                &behind,
                &standing(Kind::Ahead, Some("x")),
                Family::Branch,
                None
            ),
            Some(Suggestion::TakeLocal)
        );
        let diverged = standing(Kind::Diverged, None);
        assert_eq!(
            suggest(
                &behind,
                &diverged,
                Family::Namespace(MergeMode::Union),
                None
            ),
            Some(Suggestion::Merge)
        );
        assert_eq!(
            suggest(
                &behind,
                &diverged,
                Family::Namespace(MergeMode::FfOnly),
                None
            ),
            Some(Suggestion::Pick)
        );
        assert_eq!(
            suggest(
                &behind,
                &diverged,
                Family::Namespace(MergeMode::Theirs),
                Some("a")
            ),
            Some(Suggestion::Take("a".into()))
        );
        assert_eq!(
            suggest(&behind, &diverged, Family::Tag, None),
            Some(Suggestion::Pick)
        );
    }
}
