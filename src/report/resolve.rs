//! `resolve` in words: which copy every side gets, what happened to the local ref (and where its old tip was
//! saved), each remote's push, and hints that lead somewhere other than the same refusal.

use serde::Serialize;

use crate::error::Error;
use crate::git::{refname, GitError};
use crate::model::PushDetail;
use crate::model::Saved;
use crate::model::{Outcome, Status};
use crate::runner::Job;

/// How `resolve` settles a ref (the `action` of its JSON: `take-local`, `take`, `merge`, `rebase`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "action", content = "from")]
pub enum How {
    TakeLocal,
    Take(String),
    Merge,
    Rebase,
}

/// The local side of a resolve: the tip before and after (`None`: a merge a dry run cannot make), and where the
/// old one was saved if it was lost.
#[derive(Debug, Serialize)]
pub struct LocalChange {
    pub old: Option<String>,
    pub new: Option<String>,
    pub backup: Option<Saved>,
}

#[derive(Serialize)]
pub struct ResolveDocument<'a> {
    pub ok: bool,
    #[serde(rename = "ref")]
    pub name: &'a str,
    #[serde(flatten)]
    pub how: &'a How,
    /// The tip every side gets; `None` under `--dry-run` for a merge of the checked-out branch, which is made in
    /// the work tree (its id is not known before).
    pub target: Option<&'a str>,
    /// How many distinct copies that merge would take in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub would_merge: Option<usize>,
    pub dry_run: bool,
    pub local: LocalChange,
    /// Tracking refs the fetch pruned (the remote deleted the ref), saved under refs/multi/backup/.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub pruned: &'a [Saved],
    pub remotes: &'a [Outcome<PushDetail>],
}

/// A remote's push outcome in resolve's words: a remote that moved after the fetch is not to be forced, and
/// running the same resolve again (which fetches first) takes its new tip into account.
pub fn pushed(mut outcome: Outcome<PushDetail>, asked: &str) -> Outcome<PushDetail> {
    if crate::model::push::refused_as_moved(&outcome) {
        outcome.hint = Some(format!(
            "`{}` changed after it was fetched; `git multi conflicts` shows what it has now, and the same `git multi resolve {q_asked} …` again starts from that",
            outcome.name, q_asked = crate::quote::word(asked)));
    }
    outcome
}

/// A remote's line under `--dry-run` when the merge it would get is not made yet: nothing to push to compare.
pub fn would_merge(job: &Job) -> Outcome<PushDetail> {
    Outcome::new(
        job.name(),
        Status::DryRun,
        job.elapsed(),
        PushDetail::default(),
    )
}

/// Moving the checked-out branch `name` to `target` failed: when git refused because uncommitted changes are
/// in the way, that in words with what to do (git's own message otherwise).
pub fn work_tree_in_the_way(name: &str, target: &str, err: GitError) -> Error {
    let said = err.stderr().map(crate::git::failure_summary);
    let in_the_way = err.stderr().is_some_and(|stderr| {
        stderr.contains("not uptodate")
            || stderr.contains("would be overwritten")
            || stderr.contains("local changes")
    });
    if !in_the_way {
        return Error::from(err);
    }
    Error::failed(format!(
        "the work tree has uncommitted changes in the way of moving {} to {} ({}); nothing was pushed",
        refname::short(name),
        abbrev(target),
        said.unwrap_or_default()
    ))
    .hint("commit or stash them (`git stash`), then run the same `git multi resolve` again")
}

fn abbrev(oid: &str) -> &str {
    &oid[..oid.len().min(7)]
}

pub fn show(document: &ResolveDocument, json: bool) {
    if json {
        super::json(document);
        return;
    }
    let name = refname::short(document.name);
    let how = match document.how {
        How::TakeLocal => "the local copy".to_string(),
        How::Take(remote) => format!("{remote}'s copy"),
        How::Merge => "every copy merged".to_string(),
        How::Rebase => "the local commits rebased onto the remotes' copy".to_string(),
    };
    let would = if document.dry_run {
        "would get"
    } else {
        "gets"
    };
    let mut text = match (document.target, document.would_merge) {
        (Some(target), _) => format!("{name}: every side {would} {how}: {}\n", abbrev(target)),
        (None, n) => format!(
            "{name}: would merge {} copies in the work tree, then give every side the merge (its id is known once it is made)\n",
            n.unwrap_or(0)
        ),
    };
    let local = &document.local;
    let new = local.new.as_deref().unwrap_or("?");
    match (&local.old, document.dry_run) {
        (_, true) if local.new.is_none() => {}
        (Some(old), _) if Some(old) == local.new.as_ref() => text.push_str("local: unchanged\n"),
        (old, true) => text.push_str(&format!(
            "local: would move {} -> {}\n",
            old.as_deref().map_or("(none)", abbrev),
            abbrev(new)
        )),
        (old, false) => {
            text.push_str(&format!(
                "local: {} -> {}",
                old.as_deref().map_or("(none)", abbrev),
                abbrev(new)
            ));
            if let Some(saved) = &local.backup {
                text.push_str(&format!(" (old tip saved at {})", saved.backup));
            }
            text.push('\n');
        }
    }
    super::out(&text);
    if !document.pruned.is_empty() {
        super::note(&pruned_note(document.pruned));
    }
    super::outcomes_of(document.remotes);
}

/// `2 tracking refs pruned (gone on their remote); their tips are saved under refs/multi/backup/`.
pub fn pruned_note(pruned: &[Saved]) -> String {
    let n = pruned.len();
    format!(
        "{n} tracking ref{} pruned (gone on {} remote); the tips are saved under refs/multi/backup/",
        if n == 1 { "" } else { "s" },
        if n == 1 { "its" } else { "their" }
    )
}
