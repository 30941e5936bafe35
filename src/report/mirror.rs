//! `mirror` in words: what the source has, then per target what was (or, with `--dry-run`, would be) created,
//! updated, forced and deleted, the refs kept without `--prune`, and the total.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::automation::sh_quote;
use crate::error::Error;
use crate::git::{refname, FailureKind};
use crate::model::PushDetail;
use crate::model::{Outcome, Report, Status};
use crate::ops::mirror::Source;
use crate::runner::Job;

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

/// Everything one mirror run shows.
pub struct MirrorView<'a> {
    pub source: &'a Source,
    pub fetched: bool,
    pub dry_run: bool,
    pub prune: bool,
    pub report: &'a Report<PushDetail>,
    pub kept: &'a BTreeMap<String, Vec<String>>,
    /// Per target, refs a prune left because they are the branch the remote's HEAD points to.
    pub spared: &'a BTreeMap<String, Vec<String>>,
}

pub fn show(view: &MirrorView, json: bool) {
    let source = SourceView {
        name: &view.source.name,
        refs: view.source.refs.len(),
        branches: view.source.branches(),
        tags: view.source.tags(),
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
            kept: view.kept,
            kept_current: view.spared,
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
    super::outcomes(view.report);
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

/// How many names of each kind (branches, tags, other refs) a refusal lists per target before "and N more".
const NAMED: usize = 5;

/// `2 branches (b2, main), 1 tag (v1), 1 other ref (refs/git-mile/x)`: what a prune would take from one target.
fn doomed_line(refs: &[String]) -> String {
    let branches: Vec<&str> = refs
        .iter()
        .filter_map(|r| r.strip_prefix(refname::HEADS))
        .collect();
    let tags: Vec<&str> = refs
        .iter()
        .filter_map(|r| r.strip_prefix(refname::TAGS))
        .collect();
    let others: Vec<&str> = refs
        .iter()
        .map(String::as_str)
        .filter(|r| !r.starts_with(refname::HEADS) && !r.starts_with(refname::TAGS))
        .collect();
    let mut parts = Vec::new();
    for (names, one, many) in [
        (&branches, "branch", "branches"),
        (&tags, "tag", "tags"),
        (&others, "other ref", "other refs"),
    ] {
        if names.is_empty() {
            continue;
        }
        let word = if names.len() == 1 { one } else { many };
        let shown = names.len().min(NAMED);
        let mut list = names[..shown].join(", ");
        if names.len() > shown {
            list.push_str(&format!(" and {} more", names.len() - shown));
        }
        parts.push(format!("{} {word} ({list})", names.len()));
    }
    parts.join(", ")
}

/// The refusal of `mirror --prune` from a source without a single branch: what it would have deleted on each
/// target, and how to go ahead anyway. Nothing was changed on any remote.
pub fn refused_empty_source(
    source: &Source,
    targets: &[&str],
    named: &[String],
    doomed: &BTreeMap<String, Vec<String>>,
    unread: &[&str],
) -> Error {
    let what = if source.refs.is_empty() {
        "lists no refs at all"
    } else {
        "has no branches"
    };
    let mut message = format!(
        "the mirror source `{}` {what}: `--prune` would delete every branch on the other remotes; nothing was changed",
        source.name
    );
    for target in targets {
        if let Some(refs) = doomed.get(*target) {
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

/// A target that would have been emptied by a prune from a branchless source after all (it could not be read
/// when the others were checked): refused, unchanged.
pub fn refused_target(job: &Job, deleted: &[String]) -> Outcome<PushDetail> {
    let mut outcome = Outcome::new(
        job.name(),
        Status::Rejected,
        job.elapsed(),
        PushDetail::default(),
    );
    outcome.error = Some(format!(
        "not pruned: the source has no branches and this would delete {}",
        doomed_line(deleted)
    ));
    outcome.reason = Some(FailureKind::Rejected);
    outcome.hint = Some(
        "`--force` prunes from a source without branches (every deleted tip is saved first)".into(),
    );
    outcome
}

/// `--dry-run --prune` from a source without branches: the plan is shown, and that a real run refuses it.
pub fn warn_empty_source(source: &Source) {
    super::warning_with_hint(
        &format!(
            "the mirror source `{}` has no branches: `--prune` from it empties the other remotes",
            source.name
        ),
        "a real run refuses unless `--force` is given",
    );
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
