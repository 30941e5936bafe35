//! One ref across the local repository and the remotes: its copies, how they disagree, what would make them
//! agree under the namespace's merge mode, what `resolve` would do, and what sync settled.

use serde::Serialize;

use crate::config::MergeMode;

use super::Saved;

/// Every copy of one ref: the local one and each compared remote's, in the configured order (`None`: that
/// side has no such ref).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tips {
    pub name: String,
    pub local: Option<String>,
    pub remotes: Vec<(String, Option<String>)>,
}

impl Tips {
    /// The distinct tips present anywhere, sorted.
    pub fn distinct(&self) -> Vec<&str> {
        let mut all: Vec<&str> = self
            .local
            .iter()
            .chain(self.remotes.iter().filter_map(|(_, t)| t.as_ref()))
            .map(String::as_str)
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    }

    /// `remote`'s copy.
    pub fn of(&self, remote: &str) -> Option<&str> {
        self.remotes
            .iter()
            .find(|(r, _)| r == remote)
            .and_then(|(_, t)| t.as_deref())
    }

    /// The first remote (in configured order) whose copy is `oid`.
    pub fn first_holder(&self, oid: &str) -> Option<&str> {
        self.remotes
            .iter()
            .find(|(_, t)| t.as_deref() == Some(oid))
            .map(|(r, _)| r.as_str())
    }
}

/// How the copies of a ref disagree (the `kind` of `conflicts --json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// The local copy contains every remote's and some remote lags behind it.
    Ahead,
    /// A remote's copy contains the local one and more.
    Behind,
    /// The copies have commits of their own on more than one side (or cannot be compared).
    Diverged,
    /// Some side has no copy at all; the others agree.
    Missing,
}

/// Where a ref's copies stand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    /// `None` when every side has the same tip.
    pub kind: Option<Kind>,
    /// The copy that contains every other, when the copies lie on one line.
    pub newest: Option<String>,
    /// A copy could not be compared: its object is not here (never fetched) or is not a commit.
    pub unknown: bool,
}

/// What makes every copy of a ref agree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Agreement {
    /// Nothing to do.
    InSync,
    /// This tip contains every copy: fast-forwards (and creations) only.
    Forward(String),
    /// A union commit over the diverged copies (`union`); every copy is its ancestor.
    Union {
        target: String,
        parents: Vec<String>,
    },
    /// `theirs`: the primary's copy wins; copies it does not contain are overwritten after being saved.
    Theirs { target: String, from: String },
    /// `ff-only` (or `theirs` without a primary copy) and the copies diverged: nothing is changed.
    Diverged,
    /// The copies cannot be combined without a person: why.
    Cannot(String),
}

impl Agreement {
    /// The tip every side should end up with.
    pub fn target(&self) -> Option<&str> {
        match self {
            Agreement::Forward(t) | Agreement::Union { target: t, .. } => Some(t),
            Agreement::Theirs { target, .. } => Some(target),
            _ => None,
        }
    }
}

/// Which families of refs a ref belongs to, for what can be done with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Branch,
    Tag,
    Namespace(MergeMode),
}

/// What `git multi resolve` would do about a ref that stands as `standing`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Suggestion {
    TakeLocal,
    Take(String),
    Merge,
    /// No automatic choice (ff-only namespaces, tags): a person picks a copy.
    Pick,
}

/// One namespace ref after [`settle`]: its copies, its mode, what makes them agree, and the local tip saved
/// if the local copy was overwritten.
#[derive(Debug, Clone)]
pub struct Converged {
    pub tips: Tips,
    pub mode: MergeMode,
    pub agreement: Agreement,
    pub saved: Option<Saved>,
}

/// One ref whose copies differ.
#[derive(Debug, Clone)]
pub struct Conflict {
    pub tips: Tips,
    pub kind: Kind,
    pub suggestion: Option<Suggestion>,
}

/// What `conflicts` found: the refs whose copies differ, how many refs only the remotes have (alike
/// everywhere: not in conflict), each remote's fetch, and the tracking refs the fetch pruned (saved).
#[derive(Debug)]
pub struct Conflicts {
    pub conflicts: Vec<Conflict>,
    pub remote_only: usize,
    pub reached: super::Report<()>,
    pub pruned: Vec<Saved>,
}
