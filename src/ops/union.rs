//! Bringing diverged copies of one ref together without a work tree: a merge commit whose parents are every
//! independent tip and whose tree is the union of theirs. For data namespaces (git-mile's tasks, notes) the
//! commit is deterministic (parents sorted by id, a fixed identity and message, the newest parent's committer
//! date), so two clones that merge the same tips on their own write the same commit and the next sync has
//! nothing to do. A merge of the user's own branch is theirs: their identity, now, git's usual message. Notes refs are merged with git's notes
//! machinery (`cat_sort_uniq`), which knows how notes trees are laid out.

use crate::git::{refname, CommitSpec, Git, GitError, MergedTree, RefWrite, Role};

use super::ancestry::Known;
use super::Snapshot;

/// Who union commits of data namespaces are by: never the user, so every clone writes the same bytes.
pub const IDENTITY: &str = "git-multi <git-multi@localhost>";

/// Who signs a union commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Signature {
    /// A data namespace: [`IDENTITY`] at the newest parent's date, a fixed message, the same bytes in every
    /// clone.
    Data,
    /// The user's branch: the user as author and committer (as `git merge` would), now, with `message`.
    User { message: String },
}

/// What combining a ref's copies gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Combined {
    /// One of the tips already contains every other: a fast-forward, no new commit.
    Contains(String),
    /// A new union commit over these (sorted) parents.
    Merged { oid: String, parents: Vec<String> },
    /// The copies cannot be combined without a person (conflicting changes, git too old); why.
    Cannot(String),
}

/// A union worked out but not written yet: many are written in one go (see `converge::settle`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Prepared {
    Contains(String),
    Commit {
        spec: CommitSpec,
        parents: Vec<String>,
    },
    Cannot(String),
}

/// Combines the copies `tips` of the ref `name` (commits present here; repeats are fine), signed as `signature`
/// says.
pub fn union(
    git: &Git,
    name: &str,
    tips: &[&str],
    signature: &Signature,
) -> Result<Combined, GitError> {
    Ok(
        match prepare(git, &Known::default(), name, tips, signature)? {
            Prepared::Contains(tip) => Combined::Contains(tip),
            Prepared::Cannot(why) => Combined::Cannot(why),
            Prepared::Commit { spec, parents } => Combined::Merged {
                oid: git.write_commit(&spec)?,
                parents,
            },
        },
    )
}

/// [`union`] up to the commit to write, with what `known` has read already.
pub fn prepare(
    git: &Git,
    known: &Known,
    name: &str,
    tips: &[&str],
    signature: &Signature,
) -> Result<Prepared, GitError> {
    let mut distinct: Vec<&str> = tips.to_vec();
    distinct.sort_unstable();
    distinct.dedup();
    match distinct.as_slice() {
        [] => return Ok(Prepared::Cannot("no copies to combine".into())),
        [only] => return Ok(Prepared::Contains(only.to_string())),
        _ => {}
    }
    let parents = known.independent(git, &distinct)?;
    if let [only] = parents.as_slice() {
        return Ok(Prepared::Contains(only.clone()));
    }
    let refs: Vec<&str> = parents.iter().map(String::as_str).collect();
    let facts = known.facts(git, &refs)?;
    let time = facts.values().map(|f| f.time).max().unwrap_or(0);
    // git's notes merge drops every file of a tree that is not a note (a git-mile-style data file under
    // refs/notes/): such trees are merged as trees, where files on different paths are both kept and the same
    // path changed on two sides is a conflict named below, never a silent loss.
    let only_notes = name.starts_with("refs/notes/") && {
        let mut all = true;
        for parent in &parents {
            all &= git.holds_only_notes(parent)?;
        }
        all
    };
    let tree = if only_notes {
        notes_tree(git, &parents)?
    } else {
        let trees: Vec<&str> = parents
            .iter()
            .filter_map(|p| facts.get(p).map(|f| f.tree.as_str()))
            .collect();
        if trees.len() == parents.len() && trees.iter().all(|t| *t == trees[0]) {
            // An event log (git-mile's empty-tree commits) or copies that only differ in history.
            Ok(trees[0].to_string())
        } else {
            merged_tree(git, &parents, time)?
        }
    };
    let tree = match tree {
        Ok(tree) => tree,
        Err(why) => return Ok(Prepared::Cannot(why)),
    };
    let (author, committer, message) = match signature {
        Signature::Data => {
            let fixed = format!("{IDENTITY} {time} +0000");
            (
                fixed.clone(),
                fixed,
                format!("git multi: union of {name}\n"),
            )
        }
        Signature::User { message } => (
            git.ident(Role::Author)?,
            git.ident(Role::Committer)?,
            message.clone(),
        ),
    };
    Ok(Prepared::Commit {
        spec: CommitSpec {
            tree,
            parents: parents.clone(),
            author,
            committer,
            message,
        },
        parents,
    })
}

/// The trees of `parents` merged one after the other with `merge-tree --write-tree`; `Err` names the
/// conflicting paths (or the git that is too old).
fn merged_tree(
    git: &Git,
    parents: &[String],
    time: i64,
) -> Result<Result<String, String>, GitError> {
    if !git.can_merge_trees() {
        return Ok(Err(format!(
            "the copies differ in content and merging them without a work tree needs git 2.38 or newer (this is {})",
            git.version()
        )));
    }
    let mut acc = parents[0].clone();
    let mut tree = String::new();
    for (i, next) in parents.iter().enumerate().skip(1) {
        match git.merge_tree(&acc, next)? {
            MergedTree::Clean(merged) => tree = merged,
            MergedTree::Conflicts(paths) => {
                return Ok(Err(format!("conflicting changes in {}", paths.join(", "))))
            }
        }
        if i + 1 < parents.len() {
            // An intermediate commit gives the next merge its base; nothing points at it.
            let fixed = format!("{IDENTITY} {time} +0000");
            acc = git.write_commit(&CommitSpec {
                tree: tree.clone(),
                parents: vec![acc, next.clone()],
                author: fixed.clone(),
                committer: fixed,
                message: "git multi: partial union\n".into(),
            })?;
        }
    }
    Ok(Ok(tree))
}

/// The notes tree of every copy merged with `cat_sort_uniq`, worked out on scratch notes refs that are removed
/// again whatever happens.
fn notes_tree(git: &Git, parents: &[String]) -> Result<Result<String, String>, GitError> {
    let (ours, theirs) = (refname::notes_scratch(0), refname::notes_scratch(1));
    let reason = "git multi: notes union";
    let set = |name: &str, oid: &str| {
        git.update_refs(
            &[RefWrite::Update {
                name: name.to_string(),
                oid: oid.to_string(),
                old: None,
            }],
            reason,
        )
    };
    let merged = (|| {
        set(&ours, &parents[0])?;
        for other in &parents[1..] {
            set(&theirs, other)?;
            git.notes_merge(&ours, &theirs)?;
        }
        let tip = git.rev_parse(&ours)?.unwrap_or_default();
        let facts = git.commit_facts(&[tip.as_str()])?;
        Ok(facts.get(&tip).map(|f| f.tree.clone()))
    })();
    let left = Snapshot::take(git, &[ours, theirs])?;
    let writes: Vec<RefWrite> = left
        .iter()
        .map(|(name, _)| RefWrite::Delete {
            name: name.to_string(),
        })
        .collect();
    git.update_refs(&writes, reason)?;
    Ok(merged?.ok_or_else(|| "the notes merge left no commit".to_string()))
}
