//! How a local tip relates to a remote's copy: in sync, ahead, behind or diverged (with commit counts), missing
//! on one side, or unknown when the remote's commit has never been fetched.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Mutex;

use serde::Serialize;

use crate::git::{Git, GitError};

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

/// Relates many (local, remote) pairs for one run: which remote commits exist here is asked in one batch, and
/// the same pair is counted once however many remotes share it (remotes usually lag in step).
pub struct Relater<'g> {
    git: &'g Git,
    present: Mutex<HashMap<String, bool>>,
    counted: Mutex<HashMap<(String, String), (u64, u64)>>,
}

impl<'g> Relater<'g> {
    pub fn new(git: &'g Git) -> Relater<'g> {
        Relater {
            git,
            present: Mutex::new(HashMap::new()),
            counted: Mutex::new(HashMap::new()),
        }
    }

    /// Learns in one `cat-file` which of `oids` are here, so later [`Relater::relate`] calls need no lookup.
    pub fn learn(&self, oids: &[&str]) -> Result<(), GitError> {
        let unknown: Vec<&str> = {
            let present = self.present.lock().unwrap_or_else(|e| e.into_inner());
            oids.iter()
                .copied()
                .filter(|o| !present.contains_key(*o))
                .collect()
        };
        if unknown.is_empty() {
            return Ok(());
        }
        let found = self.git.object_types(&unknown)?;
        let mut present = self.present.lock().unwrap_or_else(|e| e.into_inner());
        for oid in unknown {
            present.insert(oid.to_string(), found.contains_key(oid));
        }
        Ok(())
    }

    /// The relation of `local` to `remote` (either may be absent).
    pub fn relate(&self, local: Option<&str>, remote: Option<&str>) -> Result<Relation, GitError> {
        let (local, remote) = match (local, remote) {
            (None, None) => return Ok(Relation::of(State::Unknown)),
            (Some(_), None) => return Ok(Relation::of(State::MissingRemote)),
            (None, Some(_)) => return Ok(Relation::of(State::MissingLocal)),
            (Some(l), Some(r)) => (l, r),
        };
        if local == remote {
            return Ok(Relation {
                state: State::InSync,
                ahead: Some(0),
                behind: Some(0),
            });
        }
        self.learn(&[remote])?;
        let here = self
            .present
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(remote)
            .copied()
            .unwrap_or(false);
        if !here {
            // The remote has a commit we never fetched: it is behind or diverged, we cannot tell which.
            return Ok(Relation::of(State::Unknown));
        }
        let key = (local.to_string(), remote.to_string());
        let cached = self
            .counted
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&key)
            .copied();
        let (ahead, behind) = match cached {
            Some(counts) => counts,
            None => {
                let counts = self.git.ahead_behind(local, remote)?;
                self.counted
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(key, counts);
                counts
            }
        };
        Ok(Relation {
            state: State::from_counts(ahead, behind),
            ahead: Some(ahead),
            behind: Some(behind),
        })
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
#[derive(Debug, Default, Serialize)]
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

/// Compares every ref in `local` or `theirs` (both `name -> oid`). `unknown_when_absent` names refs whose
/// absence on the remote side proves nothing (tags read from tracking refs: git keeps none per remote).
pub fn compare(
    relater: &Relater,
    remote: &str,
    local: &BTreeMap<String, String>,
    theirs: &BTreeMap<String, String>,
    unknown_when_absent: impl Fn(&str) -> bool,
) -> Result<Vec<Compared>, GitError> {
    let names: BTreeSet<&String> = local.keys().chain(theirs.keys()).collect();
    // Which differing remote commits exist here is asked once for the whole remote.
    let differing: Vec<&str> = names
        .iter()
        .filter_map(|n| match (local.get(*n), theirs.get(*n)) {
            (Some(l), Some(r)) if l != r => Some(r.as_str()),
            _ => None,
        })
        .collect();
    relater.learn(&differing)?;
    let mut compared = Vec::with_capacity(names.len());
    for name in names {
        let (l, r) = (local.get(name), theirs.get(name));
        let relation = match (l, r) {
            (Some(_), None) if unknown_when_absent(name) => Relation::of(State::Unknown),
            _ => relater.relate(l.map(String::as_str), r.map(String::as_str))?,
        };
        compared.push(Compared {
            remote: remote.to_string(),
            name: name.clone(),
            local: l.cloned(),
            remote_oid: r.cloned(),
            relation,
        });
    }
    Ok(compared)
}
