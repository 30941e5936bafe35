//! `mirror` in words: what the source has, then per target what was (or, with `--dry-run`, would be) created,
//! updated, forced and deleted, the refs kept without `--prune`, and the total.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::ops::mirror::Source;
use crate::outcome::{Outcome, Report};
use crate::report::push::PushDetail;

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
}

/// Everything one mirror run shows.
pub struct MirrorView<'a> {
    pub source: &'a Source,
    pub fetched: bool,
    pub dry_run: bool,
    pub prune: bool,
    pub report: &'a Report<PushDetail>,
    pub kept: &'a BTreeMap<String, Vec<String>>,
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
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
