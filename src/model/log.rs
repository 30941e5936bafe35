//! The audit log's entries: one command that changed remotes or the set — when, its command line, each
//! remote's changed refs (old and new tip, where the old one is kept) and each change to the set.

use serde::{Deserialize, Serialize};

/// One command that changed something.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// `<UTC time to the millisecond>-<pid>`: unique per command.
    pub id: String,
    /// RFC 3339, UTC.
    pub time: String,
    /// The command (`push`, `remote add`, `undo`).
    pub command: String,
    /// The whole command line after `git multi`, secrets removed.
    pub args: Vec<String>,
    /// Whether the command succeeded everywhere.
    pub ok: bool,
    /// The entry this one reverted (`undo`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undoes: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remotes: Vec<RemoteEntry>,
    /// Changes to the remote set and its settings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub set: Vec<SetChange>,
}

/// What a command did on one remote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemoteEntry {
    pub name: String,
    pub status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The refs are this repository's tracking refs of the remote (`fetch --prune`), not the remote's own.
    #[serde(default, skip_serializing_if = "is_false")]
    pub local: bool,
    /// The refs that changed: all of them, or the first [`INLINE_REFS`] when there were more (the whole list is
    /// then in the entry's refs file, see [`refs_of`]).
    #[serde(default)]
    pub refs: Vec<RefEntry>,
    /// How many refs changed, when more than the entry holds.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub refs_total: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// One ref that changed: `old` → `new` (`None`: absent), the old tip kept at `backup`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefEntry {
    #[serde(rename = "ref")]
    pub name: String,
    pub old: Option<String>,
    pub new: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup: Option<String>,
}

/// One change to the set: `remote` (`None` for a repository-wide setting), what changed (`member`, `url`,
/// `enabled`, …, or the key such as `multi.jobs`), and its old and new value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetChange {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remote: Option<String>,
    pub key: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Entry {
    /// Whether undoing it would touch remotes: some remote's own refs changed.
    pub fn changed_remotes(&self) -> bool {
        self.remotes.iter().any(|r| !r.local && !r.refs.is_empty())
    }
}
