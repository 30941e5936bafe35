//! What `resolve` did, as data: how the ref was settled, the tip every side gets, the local ref's move (and
//! where its old tip was saved), the tracking refs the fetch pruned, and each remote's push.

use serde::Serialize;

use super::{PushDetail, Report, Saved};

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

/// A resolve that ran to its pushes (some of which may have failed).
#[derive(Debug)]
pub struct Resolved {
    /// The full name of the ref.
    pub name: String,
    pub how: How,
    /// The tip every side gets; `None` under `--dry-run` for a merge of the checked-out branch, which is made in
    /// the work tree (its id is not known before).
    pub target: Option<String>,
    /// How many distinct copies that merge would take in.
    pub would_merge: Option<usize>,
    pub dry_run: bool,
    pub local: LocalChange,
    /// Tracking refs the fetch pruned (the remote deleted the ref), saved under refs/multi/backup/.
    pub pruned: Vec<Saved>,
    pub report: Report<PushDetail>,
}
