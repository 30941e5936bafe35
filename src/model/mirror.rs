//! What `mirror` did, as data: the source as read, each target's push, the refs left in place; or why it
//! stopped before touching any target.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Outcome, PushDetail, Report};

/// The mirror source as read: how many refs in scope, of which branches and tags.
#[derive(Debug, Clone, Serialize)]
pub struct SourceRefs {
    pub name: String,
    pub refs: usize,
    pub branches: usize,
    pub tags: usize,
    /// Transient failures retried while reading it.
    pub retries: u32,
}

/// A mirror that reached its targets (some of which may have failed).
#[derive(Debug)]
pub struct Mirrored {
    pub source: SourceRefs,
    /// Whether the source's objects were fetched (not under `--dry-run`).
    pub fetched: bool,
    pub dry_run: bool,
    pub prune: bool,
    pub report: Report<PushDetail>,
    /// Per target, refs the source lacks that were left in place (no `--prune`).
    pub kept: BTreeMap<String, Vec<String>>,
    /// Per target, refs a prune left because they are the branch the remote's HEAD points to.
    pub spared: BTreeMap<String, Vec<String>>,
}

/// Why a mirror stopped before any target was changed.
#[derive(Debug)]
pub enum Unmirrored {
    /// The source could not be read (its job's outcome says why).
    SourceUnread(Outcome<()>),
    /// `--prune` from a source without a single branch would delete `doomed` (per target); `unread` targets
    /// could not be checked.
    EmptySource {
        source: SourceRefs,
        targets: Vec<String>,
        doomed: BTreeMap<String, Vec<String>>,
        unread: Vec<String>,
    },
}
