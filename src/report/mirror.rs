//! `mirror` in words: what the source has, then per target what was (or, with `--dry-run`, would be) created,
//! updated, forced and deleted, the refs kept without `--prune`, and the total.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::automation::sh_quote;
use crate::error::Error;
use crate::git::refname;
use crate::model::mirror::{Mirrored, SourceRefs, Unmirrored};
use crate::model::{Outcome, PushDetail};
use crate::ops::mirror::doomed_line;

/// The source as the summary shows it.
#[derive(Serialize)]
struct SourceView<'a> {
    name: &'a str,
    refs: usize,
    branches: usize,
    tags: usize,
    fetched: bool,
    #[serde(skip_serializing_if = "is_zero")]
    retries: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

#[derive(Serialize)]
struct MirrorDocument<'a> {
    ok: bool,
    dry_run: bool,
    prune: bool,
    source: SourceView<'a>,
    remotes: &'a [Outcome<PushDetail>],
    /// Per target, refs the source lacks that were left in place (no `--prune`).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    kept: &'a BTreeMap<String, Vec<String>>,
    /// Per target, the branch its HEAD points to, which a prune would delete and no push may: left in place.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    kept_current: &'a BTreeMap<String, Vec<String>>,
}

pub fn show(view: &Mirrored, json: bool) {
    let source = SourceView {
        name: &view.source.name,
        refs: view.source.refs,
        branches: view.source.branches,
        tags: view.source.tags,
        fetched: view.fetched,
        retries: view.source.retries,
    };
    if json {
        super::json(&MirrorDocument {
            ok: view.report.ok,
            dry_run: view.dry_run,
            prune: view.prune,
            source,
            remotes: &view.report.remotes,
            kept: &view.kept,
            kept_current: &view.spared,
        });
        return;
    }
    let others = source.refs - source.branches - source.tags;
    let mut head = format!(
        "from {}: {} branch{}, {} tag{}",
        source.name,
        source.branches,
        if source.branches == 1 { "" } else { "es" },
        source.tags,
        plural(source.tags),
    );
    if others > 0 {
        head.push_str(&format!(", {others} other ref{}", plural(others)));
    }
    if view.dry_run {
        head.push_str(" (dry run: nothing is changed)");
    }
    head.push('\n');
    super::out(&head);
    super::outcomes(&view.report);
    let kept: Vec<String> = view
        .kept
        .iter()
        .filter(|(_, refs)| !refs.is_empty())
        .map(|(remote, refs)| format!("{remote} {}", refs.len()))
        .collect();
    if !kept.is_empty() {
        super::note(&format!(
            "kept refs the source does not have ({}); `--prune` deletes them (each saved under refs/multi/backup/)",
            kept.join(", ")
        ));
    }
    let spared: Vec<String> = view
        .spared
        .iter()
        .flat_map(|(remote, refs)| {
            refs.iter()
                .map(move |r| format!("{remote} {}", refname::short(r)))
        })
        .collect();
    if !spared.is_empty() {
        super::note(&format!(
            "kept the branch each remote's HEAD points to ({}): no push may delete it; make another branch the default there, then mirror again",
            spared.join(", ")
        ));
    }
}

/// Why a mirror stopped before changing any target, as the error the command ends with; `named` are the
/// targets the command line named (the way to go ahead repeats them).
pub fn halted(halt: &Unmirrored, named: &[String]) -> Error {
    match halt {
        Unmirrored::SourceUnread(failed) => {
            let error = Error::failed(format!(
                "could not read the mirror source `{}`: {}",
                failed.name,
                failed.error.as_deref().unwrap_or_default()
            ));
            let error = match super::hint_for(failed) {
                Some(hint) => error.hint(hint),
                None => error,
            };
            error.hint("nothing was mirrored")
        }
        Unmirrored::EmptySource {
            source,
            targets,
            doomed,
            unread,
        } => refused_empty_source(source, targets, named, doomed, unread),
    }
}

/// The refusal of `mirror --prune` from a source without a single branch: what it would have deleted on each
/// target, and how to go ahead anyway. Nothing was changed on any remote.
fn refused_empty_source(
    source: &SourceRefs,
    targets: &[String],
    named: &[String],
    doomed: &BTreeMap<String, Vec<String>>,
    unread: &[String],
) -> Error {
    let what = if source.refs == 0 {
        "lists no refs at all"
    } else {
        "has no branches"
    };
    let mut message = format!(
        "the mirror source `{}` {what}: `--prune` would delete every branch on the other remotes; nothing was changed",
        source.name
    );
    for target in targets {
        if let Some(refs) = doomed.get(target) {
            message.push_str(&format!("\n  {target}: would delete {}", doomed_line(refs)));
        }
    }
    if !unread.is_empty() {
        message.push_str(&format!("\n  could not be read: {}", unread.join(", ")));
    }
    Error::failed(message)
        .hint(format!(
            "check that `{}` is the remote to copy (`git ls-remote {}` lists what it has), or copy another one with `--from <remote>`",
            source.name,
            sh_quote(&source.name)
        ))
        .hint(format!(
            "`git multi mirror --from {} --prune --force{}` deletes them all the same (every deleted tip is saved under refs/multi/backup/ first; `git multi undo` puts them back)",
            sh_quote(&source.name),
            named
                .iter()
                .map(|t| format!(" {}", sh_quote(t)))
                .collect::<String>()
        ))
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
