//! How refs stand between the local repository and each remote: the state of one ref on one remote (in
//! sync, ahead, behind, diverged, missing, unknown) with its commit counts, the ref × remote comparison, and what
//! `status` learned about each remote.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

/// The `state` of the JSON contract (`status --json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    InSync,
    Ahead,
    Behind,
    Diverged,
    MissingRemote,
    MissingLocal,
    Unknown,
}

impl State {
    // Shared API, used by the branches merged after this one.
    pub fn as_str(self) -> &'static str {
        match self {
            State::InSync => "in-sync",
            State::Ahead => "ahead",
            State::Behind => "behind",
            State::Diverged => "diverged",
            State::MissingRemote => "missing-remote",
            State::MissingLocal => "missing-local",
            State::Unknown => "unknown",
        }
    }

    /// The state of a local commit `ahead` commits ahead of and `behind` commits behind the remote's.
    pub fn from_counts(ahead: u64, behind: u64) -> State {
        match (ahead, behind) {
            (0, 0) => State::InSync,
            (_, 0) => State::Ahead,
            (0, _) => State::Behind,
            _ => State::Diverged,
        }
    }
}

/// A state with the commit counts behind it, where they are knowable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Relation {
    pub state: State,
    /// Commits only in the local ref.
    pub ahead: Option<u64>,
    /// Commits only in the remote's.
    pub behind: Option<u64>,
}

impl Relation {
    pub fn of(state: State) -> Relation {
        Relation {
            state,
            ahead: None,
            behind: None,
        }
    }
}

/// One ref compared between the local repository and one remote (`status --json`:
/// `{"remote","ref","local","remote_oid","state"}` plus the counts).
#[derive(Debug, Clone, Serialize)]
pub struct Compared {
    pub remote: String,
    #[serde(rename = "ref")]
    pub name: String,
    pub local: Option<String>,
    pub remote_oid: Option<String>,
    #[serde(flatten)]
    pub relation: Relation,
}

/// The branches and tags that are not here but that every one of `remotes` (those compared) has, at the same
/// tip: refs someone simply has not checked out. They are shown, but are not "out of sync": what differs
/// between the remotes, and local work the remotes lack, is.
pub fn only_on_the_remotes(entries: &[Compared], remotes: &[&str]) -> BTreeSet<String> {
    let mut copies: BTreeMap<&str, Vec<&Compared>> = BTreeMap::new();
    for entry in entries {
        copies.entry(entry.name.as_str()).or_default().push(entry);
    }
    copies
        .into_iter()
        .filter(|(name, _)| {
            name.starts_with(crate::git::refname::HEADS)
                || name.starts_with(crate::git::refname::TAGS)
        })
        .filter(|(_, copies)| {
            let first = copies[0].remote_oid.as_deref();
            copies.len() == remotes.len()
                && remotes
                    .iter()
                    .all(|r| copies.iter().any(|c| c.remote == *r))
                && copies.iter().all(|c| {
                    c.local.is_none() && c.remote_oid.is_some() && c.remote_oid.as_deref() == first
                })
        })
        .map(|(name, _)| name.to_string())
        .collect()
}

/// One repository's refs compared with its remotes': every entry, and the refs only on the remotes.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Comparison {
    /// The local refs compared (`name -> oid`).
    #[serde(skip)]
    pub local: BTreeMap<String, String>,
    #[serde(rename = "refs")]
    pub entries: Vec<Compared>,
    /// Refs not here that every compared remote has alike (see [`only_on_the_remotes`]).
    #[serde(skip)]
    pub remote_only: BTreeSet<String>,
}

impl Comparison {
    /// `entries` of the `compared` remotes (those that answered) against `local`.
    pub fn new(local: BTreeMap<String, String>, entries: Vec<Compared>, compared: &[&str]) -> Self {
        let remote_only = only_on_the_remotes(&entries, compared);
        Comparison {
            local,
            entries,
            remote_only,
        }
    }

    /// The entries that count as out of sync: everything that differs, except a ref only on the remotes.
    /// `status --exit-code`, its summary and `in_sync`, and the workspace's all ask this one rule.
    pub fn out_of_sync(&self) -> impl Iterator<Item = &Compared> {
        self.entries
            .iter()
            .filter(|e| e.relation.state != State::InSync && !self.remote_only.contains(&e.name))
    }
}

/// What `status` learned about one remote besides its refs.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Reached {
    pub refs: usize,
    /// `--offline`: whether the remote was ever fetched (without a fetch there is nothing to compare).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fetched: Option<bool>,
}
