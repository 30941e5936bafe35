//! `resolve` in words: which copy every side gets, what happened to the local ref (and where its old tip was
//! saved), each remote's push, and hints that lead somewhere other than the same refusal.

use serde::Serialize;

use crate::git::refname;
use crate::model::resolve::Resolved;
use crate::model::{Outcome, PushDetail, Saved};

pub use crate::model::resolve::{How, LocalChange};

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
    pub local: &'a LocalChange,
    /// Tracking refs the fetch pruned (the remote deleted the ref), saved under refs/multi/backup/.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub pruned: &'a [Saved],
    pub remotes: &'a [Outcome<PushDetail>],
}

impl<'a> ResolveDocument<'a> {
    /// The document of what a resolve did.
    pub fn of(resolved: &'a Resolved) -> Self {
        ResolveDocument {
            ok: resolved.report.ok,
            name: &resolved.name,
            how: &resolved.how,
            target: resolved.target.as_deref(),
            would_merge: resolved.would_merge,
            dry_run: resolved.dry_run,
            local: &resolved.local,
            pruned: &resolved.pruned,
            remotes: &resolved.report.remotes,
        }
    }
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
        (Some(target), _) => format!("{name}: every side {would} {how}: {}\n", crate::git::short_oid(target)),
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
            old.as_deref().map_or("(none)", crate::git::short_oid),
            crate::git::short_oid(new)
        )),
        (old, false) => {
            text.push_str(&format!(
                "local: {} -> {}",
                old.as_deref().map_or("(none)", crate::git::short_oid),
                crate::git::short_oid(new)
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
