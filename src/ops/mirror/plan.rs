//! The steps of a mirror: what is in scope (branches, tags and the configured ref namespaces),
//! what the source has (read with ls-remote, its objects fetched into its tracking refs and into private copies
//! that never touch local tags), and per target the plan (create, update, force, delete) and its push: forced
//! only under a lease on the target's tip just read, every overwritten or deleted tip saved first.

use crate::model::State;
use std::collections::BTreeMap;

use serde::Serialize;

use crate::config::Namespace;
use crate::git::{refname, FetchOptions, Git, GitError, RefStatus, Refspec, Rejection};
use crate::runner::Job;

use crate::ops::push::{self, Force, Outgoing, PushRequest, Pushed, RefResult};
use crate::ops::{Backups, Relater, Snapshot};

/// The refs a mirror makes equal: every branch, every tag, and every ref of a configured namespace.
#[derive(Debug, Clone)]
pub struct Scope {
    /// Namespace patterns beyond branches and tags (`refs/git-mile/*`, `refs/notes/commits`).
    patterns: Vec<String>,
}

impl Scope {
    pub fn new(namespaces: &[Namespace]) -> Scope {
        let patterns = namespaces
            .iter()
            .map(|n| n.pattern.clone())
            // Branches and tags are in scope anyway.
            .filter(|p| !p.starts_with(refname::HEADS) && !p.starts_with(refname::TAGS))
            .collect();
        Scope { patterns }
    }

    /// Is the remote ref `name` one a mirror carries?
    pub fn contains(&self, name: &str) -> bool {
        name.starts_with(refname::HEADS)
            || name.starts_with(refname::TAGS)
            || self.patterns.iter().any(|p| matches(p, name))
    }

    /// The prefixes one ls-remote is asked for (then narrowed with [`Scope::contains`]).
    pub fn roots(&self) -> Vec<String> {
        let mut roots = vec![refname::HEADS.to_string(), refname::TAGS.to_string()];
        for pattern in &self.patterns {
            let root = pattern.split('*').next().unwrap_or(pattern).to_string();
            if !roots.contains(&root) {
                roots.push(root);
            }
        }
        roots
    }

    /// What fetching `source` for a mirror brings in: its branches into its tracking refs (as `git fetch`
    /// would), its tags and namespace refs into private copies, so a local tag of the same name is never
    /// replaced by the source's.
    pub fn fetch_refspecs(&self, source: &str) -> Vec<Refspec> {
        let mut refspecs = vec![
            Refspec::map(
                &format!("{}*", refname::HEADS),
                &format!("{}*", refname::tracking_prefix(source)),
                true,
            ),
            Refspec::map(
                &format!("{}*", refname::TAGS),
                &refname::copy(source, &format!("{}*", refname::TAGS)),
                true,
            ),
        ];
        refspecs.extend(
            self.patterns
                .iter()
                .map(|p| Refspec::map(p, &refname::copy(source, p), true)),
        );
        refspecs
    }

    /// Where the fetched copy of `source`'s ref `name` is kept here.
    pub fn local_copy(source: &str, name: &str) -> String {
        if name.starts_with(refname::HEADS) {
            refname::tracking(source, name).unwrap_or_else(|| refname::copy(source, name))
        } else {
            refname::copy(source, name)
        }
    }
}

/// A ref glob as in refspecs and `multi.refs`: one `*` matches any run of characters (slashes too); without
/// one the pattern names a single ref (or, ending in `/`, everything under it).
fn matches(pattern: &str, name: &str) -> bool {
    match pattern.split_once('*') {
        Some((head, tail)) => {
            name.len() >= head.len() + tail.len() && name.starts_with(head) && name.ends_with(tail)
        }
        None => name == pattern || (pattern.ends_with('/') && name.starts_with(pattern)),
    }
}

/// What a remote has in scope, `name -> oid`, read with one ls-remote inside the job's deadline.
pub fn read(
    job: &Job,
    git: &Git,
    scope: &Scope,
) -> Result<(BTreeMap<String, String>, u32), GitError> {
    job.say("listing");
    let roots = scope.roots();
    let roots: Vec<&str> = roots.iter().map(String::as_str).collect();
    let attempted = job.git(|left, _| git.ls_remote_refs(job.name(), &roots, Some(left)));
    let mut refs = attempted.result?;
    refs.retain(|name, _| scope.contains(name));
    Ok((refs, attempted.retries))
}

/// The source of a mirror: its refs in scope and, once fetched, the local copies they are pushed from.
#[derive(Debug, Clone, Default)]
pub struct Source {
    pub name: String,
    /// `name -> oid` of every ref in scope.
    pub refs: BTreeMap<String, String>,
    /// `name -> local copy`; empty until [`fetch_source`] brought the objects here.
    copies: BTreeMap<String, String>,
    pub retries: u32,
}

impl Source {
    pub fn branches(&self) -> usize {
        self.refs
            .keys()
            .filter(|n| n.starts_with(refname::HEADS))
            .count()
    }

    pub fn tags(&self) -> usize {
        self.refs
            .keys()
            .filter(|n| n.starts_with(refname::TAGS))
            .count()
    }
}

/// Reads `job`'s remote as a mirror source without fetching anything (`--dry-run`).
pub fn look_at_source(job: &Job, git: &Git, scope: &Scope) -> Result<Source, GitError> {
    let (refs, retries) = read(job, git, scope)?;
    Ok(Source {
        name: job.name().to_string(),
        refs,
        copies: BTreeMap::new(),
        retries,
    })
}

/// Reads `job`'s remote as a mirror source and fetches what it has: the list comes from ls-remote (so a stale
/// copy of a ref the source no longer has is never mirrored), the objects from one fetch into the copies.
pub fn fetch_source(job: &Job, git: &Git, scope: &Scope) -> Result<Source, GitError> {
    let (listed, listed_retries) = read(job, git, scope)?;
    job.say("fetching");
    let source = job.name();
    let options = FetchOptions {
        only: scope.fetch_refspecs(source),
        ..FetchOptions::default()
    };
    let attempted = job.git(|left, sink| git.fetch(source, &options, Some(left), sink));
    attempted.result?;
    let fetched = Snapshot::take(git, &crate::ops::fetch::tracking_patterns(source))?;
    let mut refs = BTreeMap::new();
    let mut copies = BTreeMap::new();
    for name in listed.keys() {
        let copy = Scope::local_copy(source, name);
        // A ref gone between the listing and the fetch is gone from the source: it is not mirrored. One that
        // moved in between is mirrored as fetched (the newer tip, and the one whose objects are here).
        if let Some(oid) = fetched.get(&copy) {
            refs.insert(name.clone(), oid.to_string());
            copies.insert(name.clone(), copy);
        }
    }
    Ok(Source {
        name: source.to_string(),
        refs,
        copies,
        retries: listed_retries + attempted.retries,
    })
}

/// What a mirror does to one ref of a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Change {
    /// The target lacks it.
    Create,
    /// A fast-forward of the target's tip.
    Update,
    /// The target's tip is replaced: not a fast-forward, a moved tag, or history not known here.
    Force,
    /// The source lacks it (`--prune`).
    Delete,
}

/// One planned change on a target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    pub name: String,
    pub old: Option<String>,
    pub new: Option<String>,
    pub change: Change,
}

/// A target's plan, and the refs it has that the source lacks but are kept (no `--prune`).
#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub changes: Vec<Planned>,
    pub kept: Vec<String>,
}

impl Plan {
    /// The refs this plan deletes, in name order.
    pub fn deleted(&self) -> Vec<String> {
        self.changes
            .iter()
            .filter(|p| p.change == Change::Delete)
            .map(|p| p.name.clone())
            .collect()
    }
}

/// What turns `target` (its refs in scope) into a copy of `source`. A fast-forward is told from a forced update
/// with the objects at hand; when the target's tip is not here it cannot be an ancestor of anything here, so
/// replacing it is counted as forced.
pub fn plan(
    relater: &Relater,
    source: &BTreeMap<String, String>,
    target: &BTreeMap<String, String>,
    prune: bool,
) -> Plan {
    let differing: Vec<&str> = source
        .iter()
        .filter_map(|(name, new)| target.get(name).filter(|old| *old != new))
        .map(String::as_str)
        .collect();
    // One cat-file for the whole target; a failure only makes every relation unknown (counted as forced).
    let _ = relater.learn(&differing);
    let mut plan = Plan::default();
    for (name, new) in source {
        let change = match target.get(name) {
            None => Change::Create,
            Some(old) if old == new => continue,
            // Tags are replaced, never fast-forwarded.
            Some(_) if name.starts_with(refname::TAGS) => Change::Force,
            Some(old) => match relater.relate(Some(new), Some(old)).map(|r| r.state) {
                Ok(State::Ahead) => Change::Update,
                _ => Change::Force,
            },
        };
        plan.changes.push(Planned {
            name: name.clone(),
            old: target.get(name).cloned(),
            new: Some(new.clone()),
            change,
        });
    }
    for (name, old) in target {
        if source.contains_key(name) {
            continue;
        }
        if prune {
            plan.changes.push(Planned {
                name: name.clone(),
                old: Some(old.clone()),
                new: None,
                change: Change::Delete,
            });
        } else {
            plan.kept.push(name.clone());
        }
    }
    plan
}

/// The plan as the push it would be, for `--dry-run`.
pub fn preview(plan: &Plan) -> Pushed {
    Pushed {
        refs: plan
            .changes
            .iter()
            .map(|p| RefResult {
                name: p.name.clone(),
                old: p.old.clone(),
                new: p.new.clone(),
                status: match p.change {
                    Change::Create => RefStatus::New,
                    Change::Update => RefStatus::Updated,
                    Change::Force => RefStatus::Forced,
                    Change::Delete => RefStatus::Deleted,
                },
                rejection: None,
                relation: None,
                backup: None,
                carried: false,
            })
            .collect(),
        ..Pushed::default()
    }
}

/// Carries out `plan` on `job`'s remote, whose refs were `there` when the plan was made: one push, every ref
/// leased on exactly that tip (a remote that moved since is refused, not overwritten), every tip it replaces
/// or deletes saved first.
pub fn apply(
    job: &Job,
    git: &Git,
    source: &Source,
    plan: &Plan,
    there: &BTreeMap<String, String>,
    backups: &Backups,
    relater: &Relater,
) -> Result<Pushed, GitError> {
    let outgoing: Vec<Outgoing> = plan
        .changes
        .iter()
        .filter_map(|p| match (&p.new, p.change) {
            (_, Change::Delete) | (None, _) => Some(Outgoing::delete(&p.name)),
            (Some(oid), _) => Some(Outgoing {
                name: p.name.clone(),
                src: Some(source.copies.get(&p.name)?.clone()),
                oid: Some(oid.clone()),
            }),
        })
        .collect();
    // The target's tips as just read stand in for its tracking refs: the push reports old tips from them.
    let tracking = Snapshot::from_map(
        there
            .iter()
            .filter_map(|(name, oid)| Some((refname::tracking(job.name(), name)?, oid.clone())))
            .collect(),
    );
    let request = PushRequest {
        refs: &outgoing,
        force: Force::Yes,
        dry_run: false,
        atomic: false,
        tracking: &tracking,
        backups,
        relater,
        reason: "git multi mirror: tip before it was replaced or deleted",
    };
    push::push_over(job, git, &request, there)
}

/// Takes out of `pushed` the deletions the remote refused because the branch is the one its `HEAD` points to
/// (git and the hosts refuse that to every push): a mirror leaves that branch in place rather than fail, and
/// the caller says so. Returns their names.
pub fn spare_current_branch(pushed: &mut Pushed) -> Vec<String> {
    let (spared, rest): (Vec<RefResult>, Vec<RefResult>) =
        std::mem::take(&mut pushed.refs).into_iter().partition(|r| {
            r.status == RefStatus::Rejected
                && r.new.is_none()
                && matches!(r.rejection, Some(Rejection::CurrentBranch(_)))
        });
    pushed.refs = rest;
    spared.into_iter().map(|r| r.name).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn namespace_patterns_match_like_refspecs() {
        assert!(matches("refs/git-mile/*", "refs/git-mile/tasks/T1"));
        assert!(!matches("refs/git-mile/*", "refs/git-milestones/x"));
        assert!(matches("refs/notes/commits", "refs/notes/commits"));
        assert!(!matches("refs/notes/commits", "refs/notes/commits2"));
        assert!(matches("refs/pr/*/head", "refs/pr/7/head"));
        assert!(!matches("refs/pr/*/head", "refs/pr/7/merge"));
        let scope = Scope::new(&[
            Namespace::parse("refs/git-mile/*").unwrap(),
            // Not a namespace anyone can configure (tags are reserved): the scope copes all the same.
            Namespace {
                pattern: "refs/tags/release/*".into(),
                merge: crate::config::MergeMode::Union,
            },
        ]);
        assert!(scope.contains("refs/heads/main"));
        assert!(scope.contains("refs/tags/v1"));
        assert!(scope.contains("refs/git-mile/tasks/T1"));
        assert!(!scope.contains("refs/pull/1/head"));
        assert_eq!(
            scope.roots(),
            ["refs/heads/", "refs/tags/", "refs/git-mile/"]
        );
        let refspecs: Vec<String> = scope
            .fetch_refspecs("gh")
            .iter()
            .map(|r| format!("{}:{}", r.src.as_deref().unwrap_or(""), r.dst))
            .collect();
        assert_eq!(
            refspecs,
            [
                "refs/heads/*:refs/remotes/gh/*",
                "refs/tags/*:refs/multi/remotes/gh/tags/*",
                "refs/git-mile/*:refs/multi/remotes/gh/git-mile/*"
            ]
        );
        assert_eq!(
            Scope::local_copy("gh", "refs/tags/v1"),
            "refs/multi/remotes/gh/tags/v1"
        );
        assert_eq!(
            Scope::local_copy("gh", "refs/heads/a/b"),
            "refs/remotes/gh/a/b"
        );
    }

    #[test]
    fn plans_creates_replacements_and_prunes() {
        let git = Git::locate().expect("git is installed");
        let relater = Relater::new(&git);
        let map = |pairs: &[(&str, &str)]| -> BTreeMap<String, String> {
            pairs
                .iter()
                .map(|(n, o)| (n.to_string(), o.to_string()))
                .collect()
        };
        // Object names that exist nowhere: every differing tip is unknown here, so replacing it counts as forced.
        let (a, b, c) = ("a".repeat(40), "b".repeat(40), "c".repeat(40));
        let source = map(&[
            ("refs/heads/main", &a),
            ("refs/heads/new", &a),
            ("refs/tags/v1", &b),
            ("refs/heads/same", &c),
        ]);
        let target = map(&[
            ("refs/heads/main", &b),
            ("refs/tags/v1", &c),
            ("refs/heads/same", &c),
            ("refs/heads/extra", &c),
        ]);
        let changes = |plan: &Plan| -> Vec<(String, Change)> {
            plan.changes
                .iter()
                .map(|p| (p.name.clone(), p.change))
                .collect()
        };
        let kept = plan(&relater, &source, &target, false);
        assert_eq!(
            changes(&kept),
            [
                ("refs/heads/main".to_string(), Change::Force),
                ("refs/heads/new".to_string(), Change::Create),
                ("refs/tags/v1".to_string(), Change::Force),
            ]
        );
        assert_eq!(kept.kept, ["refs/heads/extra"]);
        let pruned = plan(&relater, &source, &target, true);
        assert_eq!(
            pruned
                .changes
                .last()
                .map(|p| (p.name.as_str(), p.change, p.old.as_deref())),
            Some(("refs/heads/extra", Change::Delete, Some(c.as_str())))
        );
        assert!(pruned.kept.is_empty());
        let preview = preview(&pruned);
        assert_eq!(
            preview.refs.iter().map(|r| r.status).collect::<Vec<_>>(),
            [
                RefStatus::Forced,
                RefStatus::New,
                RefStatus::Forced,
                RefStatus::Deleted
            ]
        );
    }
}
